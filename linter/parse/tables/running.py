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
from .model import Side, Table
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
    """The result row of each running computation against the figure it starts from and the marked rows."""
    out: list[Relation] = []
    for side in table.sides:
        out += _side_relations(table, side)
    return out


def _side_relations(table: Table, side: Side) -> list[Relation]:
    rows = side.rows
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
