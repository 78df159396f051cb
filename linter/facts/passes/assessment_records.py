"""The funds block of a self-assessment form (自评表) written as records rather than a table: each row of the
template a label alone on its line, its cells the `名称：数` lines under it (a form typed into a report's text,
or a table a converter turned into lists):

    年度资金总额
    - 年初预算数：1,500.00
    - 全年预算数：1,620.00
    - 全年执行数：1,584.30
    - 分值：10 分　执行率：97.80%　得分：9.78 分

    其中：当年财政拨款
    - 年初预算数：1,400.00
    …
    （三）其中：上年结转资金
    年初预算数：0.00万元
    …

The template fixes what the figures are, as in the table (`assessment_form`): 年度资金总额 is the sum of a complete
group of sources below it in each amount (a row's 执行率, its 全年执行数 over its 全年预算数, is read where its
line is read as a sentence).

Read only where every line of the block is so read: a label line is the template's row name and nothing else (a
numbering `（二）`, a bullet or a Markdown heading mark before it, a note in brackets after it); a cell line holds
`名称：数` pairs only, each name one of the template's columns and said once in its row; the block ends at the first
line that is neither (empty lines between rows passed over), and is not read where a row is not complete.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Breakdown
from tieout.linter.facts.passes.assessment_form import (
    _FUND_ROW,
    _FUND_WORDS,
    _GROUP_LINE,
    AMOUNTS,
    SOURCE_GROUPS,
    Line,
    Reader,
    _fund_relations,
    _FundBlock,
    _unit,
    in_unit,
    split_lines,
    word,
)
from tieout.linter.facts.passes.base import quantities_at
from tieout.linter.facts.passes.forms import records_held
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# what may stand before a row's label or a cell line: a Markdown heading mark or list bullet, a numbering
# (`（二）` is dropped with the notes by `word`; `二、`, `2.` here)
_LEAD = regex(r"^(?:#{1,6}\s*|[-*·•]\s*|[一二三四五六七八九十]{1,3}[、．.]\s*|\d{1,2}[、．.]\s*)")
# one cell: a column's name, its figure (an amount, a rate or a score, the unit written or not)
_PAIR = regex(
    r"(?P<name>" + "|".join(_FUND_WORDS) + r")[：:]\s*(?P<num>\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"\s*(?P<unit>%|万元|亿元|元|分)?"
)
_GAP = regex(r"^\s*$")

Row = dict[str, Quantity | None]


def _lead(text: str) -> str:
    return _LEAD.sub("", text.strip(), count=1)


def _label(raw: str) -> tuple[str, str] | None:
    """A row's label line: ("total" | "part" | "source", its name), or ("group", "") for `按收入性质分`."""
    text = word(_lead(raw))
    if _GROUP_LINE.match(text):
        return "group", ""
    m = _FUND_ROW.match(text)
    if m is None:
        return None
    if m.group("total"):
        return "total", m.group("total")
    return ("source", m.group("source")) if m.group("source") else ("part", m.group("part"))


def _cells(reader: Reader, line: Line, raw: str) -> Row | None:
    """A cell line's figures by column name, where the line holds nothing else."""
    body = _lead(raw)
    offset = line.start + raw.index(body) if body else line.start
    out: Row = {}
    pos = 0
    for m in _PAIR.finditer(body):
        if not _GAP.match(body[pos : m.start()]) or m.group("name") in out:
            return None
        q = _figure(reader, offset + m.start("num"), m.group("num"))
        if q is None:
            return None
        out[_FUND_WORDS[m.group("name")]] = q
        pos = m.end()
    return out if out and _GAP.match(body[pos:]) else None


def _figure(reader: Reader, start: int, num: str) -> Quantity | None:
    """The figure the reader found at a cell's number (its unit with it), or the bare number as written."""
    at = reader.draft.doc.normalised_at(start)
    if at is None:
        return None
    q = reader.figures.get(at)
    if q is not None:
        return q if q.exact and q.text.startswith(num) else None
    if reader.draft.doc.text[at : at + len(num)] != num:
        return None
    decimals = len(num.partition(".")[2])
    return Quantity(num, Decimal(num.replace(",", "")), "", "", Decimal(1), decimals, "bare", at, at + len(num))


def _records(reader: Reader, raws: list[str], h: int) -> list[tuple[str, str, Row]] | None:
    """The block's rows from its total's label on: (kind, name, cells); None where a row's line is not read."""
    rows: list[tuple[str, str, Row]] = []
    for k in range(h, len(raws)):
        raw = raws[k]
        if _GAP.match(raw):
            continue
        label = _label(raw)
        if label is not None:
            if label[0] == "total" and rows:
                break  # (another form's funds)
            rows.append((label[0], label[1], {}))
            continue
        cells = _cells(reader, reader.lines[k], raw)
        if cells is None or not rows or rows[-1][0] == "group":
            break
        row = rows[-1][2]
        if set(cells) & set(row):
            return None
        row.update(cells)
    return rows


def _group(rows: list[tuple[str, str, Row]]) -> tuple[Row, list[dict[str, Row]], set[int]] | None:
    """The total's cells and the groups of rows under it (as `assessment_form._fund_rows` groups a table's)."""
    if not rows or rows[0][0] != "total":
        return None
    groups: list[dict[str, Row]] = [{}]
    loose: set[int] = set()
    for kind, name, row in rows[1:]:
        if kind == "group":
            if groups[-1]:
                groups.append({})
            continue
        if kind == "total" or name in groups[-1] or not row:
            return None
        if set(groups[-1]) in SOURCE_GROUPS and not any(set(groups[-1]) | {name} <= g for g in SOURCE_GROUPS):
            groups.append({})
        groups[-1][name] = row
        if kind == "source":
            loose.add(len(groups) - 1)
    groups = [g for g in groups if g]
    if not all(frozenset(g) in SOURCE_GROUPS or i in loose for i, g in enumerate(groups)):
        return None
    return rows[0][2], groups, loose


def _block_unit(reader: Reader, h: int, rows: list[Row]) -> str:
    """The amounts' unit: the caption's, else the one every amount writes with it (`489.30万元`)."""
    unit = _unit(reader, h)
    if unit:
        return unit
    units = {q.unit if q.kind == "amount" else "" for row in rows for n in AMOUNTS if (q := row.get(n)) is not None}
    return units.pop() if len(units) == 1 else ""


def record_block(reader: Reader, raws: list[str], h: int) -> _FundBlock | None:
    """The funds block whose 年度资金总额 label stands on line h, read as records."""
    label = _label(raws[h])
    if label is None or label[0] != "total":
        return None
    rows = _records(reader, raws, h)
    grouped = _group(rows) if rows else None
    if grouped is None:
        return None
    total, groups, _ = grouped
    every = [total, *(r for g in groups for r in g.values())]
    if any(not set(AMOUNTS) <= set(r) for r in every):
        return None
    unit = _block_unit(reader, h, every)
    for row in every:
        for name in AMOUNTS:
            q = row.get(name)
            row[name] = in_unit(q, unit) if q is not None and unit else q
    names = [n for n in _FUND_WORDS.values() if n in total]
    return _FundBlock(names, total, groups, h, unit)


def record_forms(draft: Draft) -> Iterator[Breakdown]:
    """The relations the template fixes, in every funds block of the document written as records."""
    if not records_held(draft):
        return
    raws = draft.doc.original.split("\n")
    reader = Reader(draft, split_lines(draft.doc.original), quantities_at(draft))
    for h, raw in enumerate(raws):
        if "年度资金总额" in raw and (fund := record_block(reader, raws, h)) is not None:
            # (the sums only: a cell line's 执行率 is read as its sentence's rate already)
            yield from (r for r in _fund_relations(reader, fund, False) if isinstance(r, Breakdown))
