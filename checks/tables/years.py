"""A change between two years that a 分年度 table lays out (rows or columns headed `2023年`, `2024年`): the prose
names the year, the measure and the year compared (`2024年到位资金较2023年增加 Δ，增长 p%`) and states neither
figure; both are the table's cells of that measure in those years.

Read only where nothing is in doubt: the sentence names the current year right before the measure and the
comparison right after it; one table of the document (one side of it) has the two years as row labels (or
column headers) and the measure as one column header (or one row label), written as the sentence writes it;
both cells are exact amounts of one unit.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.model import Change
    from tieout.linter.parse.tables import Table
    from tieout.linter.parse.tables.model import Side
    from tieout.linter.rules.base import CheckContext

# a row label or a column header that is a year alone (`2023年`, `2024年度`): the table is laid out by year
YEAR_HEAD = regex(r"^(?P<year>(?:19|20)\d{2})年度?$")
# the year compared: named (`较2023年`, `比 2022 年度`) or the one before (`比上年`, `同比`); no stage, no plan
COMPARED = regex(r"^(?:比|较|与|同)?(?:(?P<year>(?:19|20)\d{2})年度?|上年度?|上一年度?|去年)(?:同期)?(?:相比)?$|^同比$")


def year_cells(ctx: CheckContext, c: Change) -> tuple[Quantity, Quantity] | None:
    """This year's and the compared year's figure of the measure the change names, from the one 分年度 table
    that lays both out, or None."""
    said = COMPARED.match(c.comparison.replace(" ", ""))
    if said is None or not c.label:
        return None
    this = sentence_year(ctx, c)
    if this is None:
        return None
    then = int(said.group("year")) if said.group("year") else this - 1
    if then >= this:
        return None
    found = [pair for t in ctx.facts.tables for side in t.sides if (pair := _cells(t, side, c.label, this, then))]
    if len(found) != 1:
        return None  # no table, or two that each could be the one meant
    now, before = found[0]
    if not (now.exact and before.exact and now.kind == before.kind == "amount"):
        return None
    return (now, before) if now.base_unit == before.base_unit and before.base_value > 0 else None


def sentence_year(ctx: CheckContext, c: Change) -> int | None:
    """The year the sentence names right before the measure, the comparison right after it (`2024年到位资金较
    2023年`): the year whose figure changed. Anything between (`2024年项目到位资金`) leaves it unsaid."""
    sent = ctx.doc.sentences[c.sentence]
    text = ctx.doc.text[sent.start : sent.end]
    spaced = r"\s*".join(re.escape(ch) for ch in c.comparison.replace(" ", ""))
    found = re.search(rf"((?:19|20)\d{{2}})\s*年度?\s*{re.escape(c.label)}\s*{spaced}", text)
    if found is None or text.count(c.label) != 1:
        return None  # (the measure named twice: which one changed is the sentence's, not ours to pick)
    return int(found.group(1))


def _cells(table: Table, side: Side, measure: str, this: int, then: int) -> tuple[Quantity, Quantity] | None:
    """The side's cells of the measure in the two years: rows headed by years and one column named the measure,
    or columns headed by years and one row named it."""
    # (imported for a table's side: the other readings here, of a change's sentence, run on reports without tables,
    # which need neither the identities' nor the spans' module: about 1% of the instructions of a cold check)
    from tieout.linter.parse.tables.identities import item as item_of
    from tieout.linter.parse.tables.spans import leaf

    row_years = _years({r.index: item_of(r.label) for r in side.rows})
    col_years = _years({c.index: leaf(c) for c in side.columns})
    if row_years and not col_years:
        cols = [c.index for c in side.columns if leaf(c) == measure]
        if len(cols) != 1 or this not in row_years or then not in row_years:
            return None
        now, before = table.quantity(row_years[this], cols[0]), table.quantity(row_years[then], cols[0])
    elif col_years and not row_years:
        rows = [r.index for r in side.rows if item_of(r.label) == measure]
        if len(rows) != 1 or this not in col_years or then not in col_years:
            return None
        now, before = table.quantity(rows[0], col_years[this]), table.quantity(rows[0], col_years[then])
    else:
        return None
    return (now, before) if now is not None and before is not None else None


def _years(heads: dict[int, str]) -> dict[int, int]:
    """Year → grid index of the heads that are a year alone, when no year heads two of them."""
    years: dict[int, int] = {}
    for index, text in heads.items():
        found = YEAR_HEAD.match(text)
        if found is not None:
            year = int(found.group("year"))
            if year in years:
                return {}
            years[year] = index
    return years


# a share named by its part and whole, the year right before them, the figure last (`2024年财政资金占总投入的比重为`)
SHARE_WORDS = regex(
    r"(?:^|[，,；;。：:])\s*(?P<year>(?:19|20)\d{2})\s*年度?\s*(?P<part>[\u4e00-\u9fff]{2,12}?)占"
    r"(?P<whole>[\u4e00-\u9fff]{2,12}?)(?:的)?(?:比重|比例)?(?:为|达到?|是)?\s*$"
)
# between the share and its comparison: a comma at most (`65.0%，较上年提高…`)
JOINED = regex(r"^\s*[，,]?\s*$")


def year_share(ctx: CheckContext, c: Change) -> tuple[Quantity, list[Quantity]] | None:
    """`2024年财政资金占总投入的比重为 p%，较上年提高 r 个百分点`, the part and the whole both laid out by year in
    one 分年度 table: the share stated and the table's cells [last year's part, whole, this year's part, whole]
    (last year's share is their ratio). Read only when this year's cells give the share stated, within its
    rounding: then the share is certainly of those cells."""
    said = COMPARED.match(c.comparison.replace(" ", ""))
    if said is None or c.base is not None:
        return None
    sent = ctx.doc.sentences[c.sentence]
    text = ctx.doc.text
    at = text.find(c.comparison, sent.start, sent.end)
    shares = [q for q in ctx.index.between(sent.start, at) if q.end <= at and q.kind == "percent"]
    if at < 0 or not shares or JOINED.match(text[shares[-1].end : at]) is None:
        return None
    share = shares[-1]
    words = SHARE_WORDS.search(text[sent.start : share.start])
    if words is None or not share.exact:
        return None
    this = int(words.group("year"))
    then = int(said.group("year")) if said.group("year") else this - 1
    cells = _share_cells(ctx, words.group("part"), words.group("whole"), this, then)
    if cells is None or then >= this:
        return None
    part_now, whole_now = cells[2], cells[3]
    low, high = share.value - share.ulp / 2, share.value + share.ulp / 2
    if not low <= part_now.base_value / whole_now.base_value * 100 <= high:
        return None  # the share is not this year's part of the whole as the table gives them: not these cells
    return share, cells


def _share_cells(ctx: CheckContext, part: str, whole: str, this: int, then: int) -> list[Quantity] | None:
    """Last year's and this year's part and whole from the one table side laying both out by year."""
    found = []
    for t in ctx.facts.tables:
        for side in t.sides:
            p, w = _cells(t, side, part, this, then), _cells(t, side, whole, this, then)
            if p is not None and w is not None:
                found.append([p[1], w[1], p[0], w[0]])
    if len(found) != 1:
        return None
    cells = found[0]
    units = {q.base_unit for q in cells}
    if len(units) != 1 or not all(q.exact and q.kind == "amount" and q.base_value > 0 for q in cells):
        return None
    return cells
