"""A running computation a table writes down its rows: a figure, the rows under it that open with 加： or 减：
(added to it, taken from it), and the row right after them stating the result (`可使用合计 / 减：本年支出 / 年末结余`,
`年初余额 / 加：本年收入 / 减：本年支出 / 年末余额`). The marks say what the rows do, so the relation is read only
where they say all of it: every row between the figure and the result marked, the result named as one
(tables.yaml running_result), and the figure the side's first row, a total or itself such a result. A row under
a marked one that is not marked (`加：返还性收入` over unmarked transfers, a `其中` row) reads no relation.
"""

from __future__ import annotations

import re
from functools import cache

from tieout.linter.patterns import regex
from tieout.linter.vocab import load

from .cells import flatten
from .model import Column, Row, Side, Table
from .relations import Relation, row_item, summable

OPERATION = regex(r"^(加|减)[：:]")


@cache
def _result_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    data = load("tables").get("running_result") or {}
    return tuple(map(str, data.get("ends") or ())), tuple(map(str, data.get("opens") or ()))


def _result(name: str) -> bool:
    """Is the row's item, `name`, named as the result of a computation (年末结余, 可使用合计)?"""
    ends, opens = _result_words()
    return not OPERATION.match(name) and (name.endswith(ends) or name.startswith(opens))


def running_relations(table: Table) -> list[Relation]:
    """The result row of each running computation against the figure it starts from and the marked rows, and each
    running total of a table of the year's parts against the parts up to it (`_cumulative_relations`)."""
    out: list[Relation] = []
    for side in table.sides:
        out += _side_relations(table, side) + _cumulative_relations(table, side)
    return out


@cache
def _running_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    data = load("tables").get("running_columns") or {}
    return tuple(map(str, data.get("parts") or ())), tuple(map(str, data.get("totals") or ()))


def _named_rest(header: str, words: tuple[str, ...]) -> str | None:
    """The rest of a column's name after the one of `words` it opens with (longest first), None when it opens with
    none of them (`累计支出` → 支出; `累计` → "")."""
    for word in sorted(words, key=len, reverse=True):
        if header.startswith(word):
            return header[len(word) :]
    return None


def _cumulative_relations(table: Table, side: Side) -> list[Relation]:
    """`季度 | 当季支出 | 累计支出`, its rows `第一季度` … in order: each row's running total is the parts of the
    rows from the first to it added up (written so, a mistyped running total fails alone, not with the next row's).
    Read only where the side's first rows are the year's quarters or months from the first on, in order (two or
    more), each column of running totals has the one column of parts of its name, of its unit, beside it, and the
    first row states one figure in both: a total that differs there runs from before the year."""
    count = _parts_of_the_year(side)
    if count < 2:
        return []
    parts_words, totals_words = _running_words()
    columns = [c for c in side.columns if c.kind in ("amount", "total", "") and c.path]
    rows = side.rows[:count]
    out: list[Relation] = []
    for running in columns:
        rest = _named_rest(running.path[-1], totals_words)
        if rest is None:
            continue
        own = [c for c in columns if _named_rest(c.path[-1], parts_words) == rest and c.path[:-1] == running.path[:-1]]
        if len(own) == 1 and own[0].unit == running.unit:
            out += _running_totals(table, rows, running, own[0])
    return out


def _parts_of_the_year(side: Side) -> int:
    """How many of the side's first rows are the year's quarters, or its months, from the first on, in order."""
    from .build import MONTH_ROW, QUARTER_ROW, part_number

    rows = side.rows
    # (each label flattened when reached: most sides' first row is no quarter or month, and the rest are not read)
    pattern = QUARTER_ROW if rows and QUARTER_ROW.match(flatten(rows[0].label)) else MONTH_ROW
    count = 0
    while count < len(rows) and part_number(pattern.match(flatten(rows[count].label))) == count + 1:
        count += 1
    return count


def _running_totals(table: Table, rows: list[Row], running: Column, own: Column) -> list[Relation]:
    """Each row's running total against the parts of the rows up to it, after the first (whose two figures must be
    one: `_cumulative_relations`); up to the first row that leaves a cell blank (a quarter not yet reported)."""
    first, opening = table.quantity(rows[0].index, running.index), table.quantity(rows[0].index, own.index)
    if first is None or opening is None or first.base_value != opening.base_value:
        return []  # (a total running from before the year, `累计完成投资` of a project of years: not the parts')
    out: list[Relation] = []
    for k, row in enumerate(rows[1:], start=1):
        cells = [(r.index, own.index) for r in rows[: k + 1]]
        if table.quantity(row.index, running.index) is None or any(table.quantity(*cell) is None for cell in cells):
            break
        name = f"{running.path[-1]}＝{own.path[-1]}（{flatten(rows[0].label)}至{flatten(row.label)}）"
        out.append(
            Relation("identity", (row.index, running.index), cells, signs=[1] * len(cells), where=name, name=name)
        )
    return out


def _side_relations(table: Table, side: Side) -> list[Relation]:
    rows = side.rows
    if not any("加" in r.label or "减" in r.label for r in rows):
        return []  # (no row marked 加： or 减：, most sides: no computation, the rows' items not read)
    names = [row_item(flatten(r.label)) for r in rows]  # (each row's item, its enumeration left out: once per row)
    marks = [OPERATION.match(name) for name in names]
    out: list[Relation] = []
    i = 0
    while i < len(rows):
        j = i + 1
        while j < len(rows) and marks[j]:
            j += 1
        # the start: the side's first row, a total, or a result (unmarked itself)
        start = not marks[i] and (i == 0 or bool(rows[i].total) or _result(names[i]))
        if j == i + 1 or j == len(rows) or not start or not _result(names[j]):
            i += 1
            continue
        out += _relations(table, side, names, marks, (i, j))
        i = j  # (the result may start the next computation)
    return out


def _relations(
    table: Table, side: Side, names: list[str], marks: list[re.Match[str] | None], span: tuple[int, int]
) -> list[Relation]:
    """The result row `span[1]` against the start row `span[0]` and the marked rows between, in each figure column."""
    first, last = span
    signs = [1] + [
        1 if (mark := marks[k]) is not None and mark.group(1) == "加" else -1 for k in range(first + 1, last)
    ]
    terms = "".join(
        ("＋" if signs[k - first] > 0 else "－") + OPERATION.sub("", names[k]) for k in range(first + 1, last)
    )
    name = f"{names[last]}＝{names[first]}{terms}"
    result = side.rows[last].index
    out = []
    for c in summable(side):
        cells = [(side.rows[k].index, c) for k in range(first, last)]
        if table.quantity(result, c) is None or any(table.quantity(*cell) is None for cell in cells):
            continue
        out.append(Relation("identity", (result, c), cells, signs=signs, where=name, name=name))
    return out
