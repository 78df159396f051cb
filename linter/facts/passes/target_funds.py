"""The funds of a project's performance target form (项目支出绩效目标表, attached to a 部门预算 one per project),
laid out as a table of fields, each name in a cell and its figure in the next:

    | 项目名称       | 村级组织运转补助 |
    | 年度资金总额   | 120.00 |
    | 其中：财政拨款 | 100.00 |
    | 其他资金       | 20.00 |

(or the fields side by side in one row: `| 年度资金总额 | 120.00 | 其中：财政拨款 | 100.00 | 其他资金 | 20.00 |`), or as
lines of text (a PDF's or a plain text's), each name and its figure set apart by a colon or spaces:

    项目资金（万元）：年度资金总额：120.00
    其中：财政拨款：100.00
    其他资金：20.00

The template fixes the total as the sum of its sources (财政拨款 and 其他资金, or the 2020 template's 当年财政拨款,
上年结转资金 and 其他资金: `forms.FUND_SOURCE_GROUPS`, each group all the sources there are). Read where the
total's field is followed, with no other figure between, by the fields of every source of one complete group, each
once, all of one unit stated by the table.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Breakdown
from tieout.linter.facts.passes.base import mention
from tieout.linter.facts.passes.forms import FUND_SOURCE_GROUPS, UNIT, in_unit, names_pattern
from tieout.linter.facts.passes.gates import target_funds_held, target_text_funds_held
from tieout.linter.facts.passes.score_lines import figure_at
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft
    from tieout.linter.figures.quantities import Quantity
    from tieout.linter.parse.tables.model import Table

TOTAL = "年度资金总额"
# a field's name: the total (`年度资金总额`, a local form's `资金总额`) or a source of a project's funds
# (`其中：财政拨款`; `forms.FUND_SOURCE_GROUPS`), then its unit in brackets if any
_TOTAL_NAME = r"(?P<total>(?:年度|项目)?资金总额)"
_UNIT_NOTE = r"(?:[（(](?:万元|亿元|元)[）)])?"
_NAME = rf"(?:{_TOTAL_NAME}|(?:其中[：:]?)?(?P<source>{names_pattern(FUND_SOURCE_GROUPS)})){_UNIT_NOTE}"
# a table's cell naming a field: the name alone, a colon after it if any
FIELD_NAME = regex(rf"^{_NAME}[：:]?$")
_SPACES = regex(r"\s+")
_AMOUNT = r"\d+(?:\.\d+)?"
# a field of a line of text: its name (no word before it: `本年财政拨款` is none), a colon or spaces, its figure (no
# per cent, no further digit), its unit after it if any
TEXT_FIELD = regex(rf"(?<![\u4e00-\u9fff]){_NAME}(?:[：:]\s*|\s+)(?P<n>{_AMOUNT})(?![\d.%])(?:万元|亿元|元)?")
# a total's field of a line of text alone (TEXT_FIELD's total, without the unit after its figure), tried only where
# `资金总额` stands: a report holding the words in prose, not as a field, is not scanned with every source's name
TOTAL_FIELD = regex(rf"(?<![\u4e00-\u9fff]){_TOTAL_NAME}{_UNIT_NOTE}(?:[：:]\s*|\s+)(?P<n>{_AMOUNT})(?![\d.%])")
TOTAL_WORDS = "资金总额"
# what may stand between two fields of one run: separators and line breaks, nothing written
BETWEEN = regex(r"^[\s，,；;。、|]*$")
# the lines above a total's field its unit may be stated on (`单位：万元`, `项目资金（万元）`)
UNIT_LINES = 6
# a field: its name (TOTAL for the total), its figure; None for a figure of no such field
_Field = tuple[str, "Quantity"] | None


def target_funds(draft: Draft) -> Iterator[Breakdown]:
    """Each target form's 年度资金总额 as the sum of its sources, in the tables of the document."""
    if not target_funds_held(draft):
        return
    for table in draft.facts.tables:
        if not table.unit:
            continue  # (the figures' unit is the form's caption's: without it they are no amounts known)
        fields = list(_fields(table))
        for k, found in enumerate(fields):
            if found is not None and found[0] == TOTAL:
                yield from _sources_after(draft, found[1], fields[k + 1 :])


def target_text_funds(draft: Draft) -> Iterator[Breakdown]:
    """Each target form's 年度资金总额 as the sum of its sources, on lines of text outside the tables."""
    if not target_text_funds_held(draft):
        return
    original = draft.doc.original
    if not _total_field_held(original):
        return  # (a run of fields opens with its total's: without one, no field is read)
    matches = list(TEXT_FIELD.finditer(original))
    read = _read_before(draft)
    for k, m in enumerate(matches):
        if m.group("total") is None:
            continue
        unit = _unit_above(original, m)
        total = _text_figure(draft, m, unit)
        if total is None or total.start in read:
            continue
        run: list[_Field] = []
        end = m.end()
        for nxt in matches[k + 1 :]:
            if not BETWEEN.match(original[end : nxt.start()]) or nxt.group("total") is not None:
                break
            figure = _text_figure(draft, nxt, unit)
            if figure is None:
                break
            run.append((nxt.group("source"), figure))
            end = nxt.end()
        yield from _sources_after(draft, total, run)


def _total_field_held(original: str) -> bool:
    """Does a total's field (`TOTAL_FIELD`) stand in the text? It opens at its `资金总额` or two characters before
    (`年度`, `项目`): tried there only. (Every total TEXT_FIELD finds is one: a source's field before it ends with its
    figure or unit, where a total's opens, or before.)"""
    k = original.find(TOTAL_WORDS)
    while k >= 0:
        if TOTAL_FIELD.match(original, max(0, k - 2)) or TOTAL_FIELD.match(original, k):
            return True
        k = original.find(TOTAL_WORDS, k + 1)
    return False


def _read_before(draft: Draft) -> set[int]:
    """Where the figures stand that a table's cells or a list of the prose read already (a sentence's `资金总额 T，其中
    财政拨款 a，其他资金 b`, an aligned table's rows): their fields are not read again."""
    cells = {c.quantity.start for t in draft.facts.tables for row in t.rows for c in row if c.quantity is not None}
    listed = {q.start for b in draft.facts.breakdowns for m in (b.total, *b.parts) for q in m.quantities}
    return cells | listed


def _unit_above(original: str, m: re.Match[str]) -> str:
    """The amounts' unit: the field's own (`年度资金总额（万元）：`), or the nearest one stated on its line or the lines
    above it (`单位：万元`, `项目资金（万元）：`); "" for none."""
    own = UNIT.search(m.group())
    if own is not None:
        return own.group("u")
    begin = m.start()
    for _ in range(UNIT_LINES):
        begin = original.rfind("\n", 0, max(begin - 1, 0)) + 1
        if begin <= 0:
            break
    found = list(UNIT.finditer(original, begin, m.start()))
    return found[-1].group("u") if found else ""


def _text_figure(draft: Draft, m: re.Match[str], unit: str) -> Quantity | None:
    """A text field's figure, an amount in the form's unit (a figure with a unit of its own keeps it)."""
    q = figure_at(draft, m.start("n"), m.group("n"))
    if q is None:
        return None
    if q.kind == "bare" and not unit:
        return None
    q = in_unit(q, unit) if q.kind == "bare" else q
    return q if q is not None and q.kind == "amount" else None


def _fields(table: Table) -> Iterator[_Field]:
    """The fields of a table in reading order (row by row, left to right): a cell naming a total or a source whose next
    cell holds an amount, as (name, figure); any other cell holding a figure as None, which breaks a run of fields."""
    for row in table.rows:
        k = 0
        while k < len(row):
            cell = row[k]
            named = FIELD_NAME.match(_SPACES.sub("", cell.text))
            figure = row[k + 1].quantity if named is not None and k + 1 < len(row) else None
            if named is not None and figure is not None and figure.kind == "amount":
                yield (TOTAL if named.group("total") else named.group("source")), figure
                k += 2
                continue
            if cell.quantity is not None:
                yield None
            k += 1


def _sources_after(draft: Draft, total: Quantity, after: list[_Field]) -> Iterator[Breakdown]:
    """The breakdown of the total into the sources whose fields follow it, where they are one complete group."""
    sources: list[tuple[str, Quantity]] = []
    for found in after:
        if found is None or found[0] == TOTAL:
            break
        sources.append(found)
    names = [name for name, _ in sources]
    if frozenset(names) not in FUND_SOURCE_GROUPS or len(names) != len(set(names)) or not total.exact:
        return
    if any(not q.exact or q.base_unit != total.base_unit for _, q in sources):
        return
    whole = mention(draft, TOTAL, total)
    parts = [mention(draft, name, q) for name, q in sources]
    yield Breakdown(whole, parts, "其中", True, whole.sentence)
