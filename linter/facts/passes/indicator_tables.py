"""One list of indicators set out in two tables of a document: a report's table of its indicators' outcomes and the
自评表 appended to it, each row naming an indicator (三级指标) and giving its outcome (实际完成值):

    | 一级指标 | 二级指标 | 三级指标 | 计量单位 | 年度目标值 | 实际完成值 | 完成率 |
    | 产出指标 | 数量指标 | 新建乡村道路 | 公里 | 40 | 42.5 | 106.25% |
    …
    | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
    | 产出指标 | 数量指标 | 新建乡村道路 | 40公里 | 42.5公里 | 10 | 10 |

An indicator's outcome is one quantity wherever the document's tables state it: the two cells of one indicator's
name are a restatement. Read only where the two tables are certainly one list: tables of one year, each naming an
indicator in one row only, sharing three indicators or more whose outcomes, in one unit, are things counted or
measured (not percentages, which many lists share: 100% of a 合格率) and agree, and agreeing at least twice as often
as they differ (two projects' lists of like indicators differ in most of their outcomes, not in one).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Identity, Restatement
from tieout.linter.facts.passes.base import mention, quantities_at
from tieout.linter.facts.passes.gates import tables_paired_held
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.tables.cells import Cell, flatten
from tieout.linter.patterns import regex
from tieout.linter.vocab import load

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft
    from tieout.linter.parse.tables import Table

_VOCAB = load("tables").get("indicator_tables") or {}
# the headers of the column naming each indicator, and of the one stating its outcome (vocab tables indicator_tables)
NAME_HEADERS = frozenset(str(w) for w in _VOCAB.get("names") or [])
OUTCOME_HEADERS = frozenset(str(w) for w in _VOCAB.get("outcomes") or [])
UNIT_HEADERS = frozenset(str(w) for w in load("tables").get("unit_headers") or [])
# a header's note in brackets and its spaces (`实际完成值（万元）`): no word of its name
NOTE = regex(r"[（(][^）)]*[）)]|\s+")
# a unit a unit column's cell may state (`户`, `公里`, `万元`, `人次`): a few characters, no digit
UNIT_CELL = regex(r"^[^\d\s%％—\-]{1,4}$")
# the indicators two tables share at least, with outcomes counted or measured that agree, to be one list
SHARED_LEAST = 3

# an indicator's outcome: its figure and the unit it is in (its own, or its row's unit column's)
Outcome = tuple[Quantity, str]


def restated_indicators(draft: Draft) -> Iterator[Restatement]:
    """Each indicator's outcome stated in two tables that are one list of indicators (see the module)."""
    if not tables_paired_held(draft):
        return
    figures = quantities_at(draft)
    listed = [(t, rows) for t in draft.facts.tables if (rows := _outcomes(t, figures))]
    for (a, rows_a), (b, rows_b) in combinations(listed, 2):
        if a.context.period != b.context.period:
            continue
        shared = [(n, rows_a[n], rows_b[n]) for n in rows_a if n in rows_b and rows_a[n][1] == rows_b[n][1]]
        if not _one_list(shared):
            continue
        for name, (qa, _), (qb, _) in shared:
            own = Identity(name, a.context, "", named=True)
            yield Restatement(own, [(mention(draft, name, qa), qa), (mention(draft, name, qb), qb)])


def _one_list(shared: list[tuple[str, Outcome, Outcome]]) -> bool:
    """Are the indicators two tables share, in one unit, one list's: three or more outcomes counted or measured that
    agree, at least twice as many as those that differ?"""
    agreeing = [qa for _, (qa, _), (qb, _) in shared if qa.base_value == qb.base_value]
    differing = len(shared) - len(agreeing)
    measured = [q for q in agreeing if q.kind != "percent"]
    return len(measured) >= SHARED_LEAST and len(agreeing) >= 2 * differing


def _outcomes(table: Table, figures: dict[int, Quantity]) -> dict[str, Outcome]:
    """The outcome of each indicator a table names in one row only, by the indicator's name: where its header names
    an indicator column and an outcome column (placed with certainty: not a space-aligned table whose names are
    placed by position), the outcome cell holding one exact figure and nothing else, its unit its own or the row's
    unit column's. `figures`: the document's figures by where they start (a cell's figure with its unit
    is the text's, not the table reader's)."""
    if table.aligned and not table.placed or table.header_rows < 1 or len(table.rows) <= table.header_rows:
        return {}
    header = [NOTE.sub("", flatten(c.text)) for c in table.rows[table.header_rows - 1]]
    names = [i for i, h in enumerate(header) if h in NAME_HEADERS]
    outcomes = [i for i, h in enumerate(header) if h in OUTCOME_HEADERS]
    if len(names) != 1 or len(outcomes) != 1:
        return {}
    units = [i for i, h in enumerate(header) if h in UNIT_HEADERS]
    found: dict[str, Outcome] = {}
    twice: set[str] = set()
    for row in table.rows[table.header_rows :]:
        if len(row) != len(header):
            continue
        name = flatten(row[names[0]].text)
        cell = row[outcomes[0]]
        outcome = _outcome(cell, figures.get(cell.start), row[units[0]].text if len(units) == 1 else "")
        if len(name) < 2 or outcome is None:
            continue
        if name in found:
            twice.add(name)
        found[name] = outcome
    return {n: o for n, o in found.items() if n not in twice}


def _outcome(cell: Cell, figure: Quantity | None, unit_cell: str) -> Outcome | None:
    """The cell's one exact figure (the whole cell: the table reader's, else the text's `figure` where the cell starts)
    and its unit: the figure's own, else the row's unit column's."""
    q = cell.quantity or figure
    if q is None or not q.exact or q.approx or flatten(q.text) != cell.flat:
        return None
    if q.unit:
        return q, q.unit
    unit = flatten(unit_cell)
    return (q, unit) if UNIT_CELL.match(unit) else None
