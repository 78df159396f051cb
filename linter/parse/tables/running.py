"""A running computation a table writes down its rows: a figure, the rows under it that open with 加： or 减：
(added to it, taken from it), and the row right after them stating the result (`可使用合计 / 减：本年支出 / 年末结余`,
`年初余额 / 加：本年收入 / 减：本年支出 / 年末余额`). The marks say what the rows do, so the relation is read only
where they say all of it: every row between the figure and the result marked, the result named as one
(tables.yaml running_result), and the figure the side's first row, a total or itself such a result. A row under
a marked one that is not marked (`加：返还性收入` over unmarked transfers, a `其中` row) reads no relation.
"""

from __future__ import annotations

from tieout.linter.patterns import regex
from tieout.linter.vocab import load

from .cells import flatten
from .model import Row, Side, Table
from .relations import ITEM_MARK, Relation, summable

OPERATION = regex(r"^(加|减)[：:]")


def _result_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    data = load("tables").get("running_result") or {}
    return tuple(map(str, data.get("ends") or ())), tuple(map(str, data.get("opens") or ()))


def _item(row: Row) -> str:
    return ITEM_MARK.sub("", flatten(row.label))


def _result(row: Row) -> bool:
    """Is the row named as the result of a computation (年末结余, 可使用合计)?"""
    ends, opens = _result_words()
    item = _item(row)
    return not OPERATION.match(item) and (item.endswith(ends) or item.startswith(opens))


def _start(rows: list[Row], i: int) -> bool:
    """May the rows after row i add to or take from its figure: the side's first row, a total, or a result?"""
    row = rows[i]
    return not OPERATION.match(_item(row)) and (i == 0 or bool(row.total) or _result(row))


def running_relations(table: Table) -> list[Relation]:
    """The result row of each running computation against the figure it starts from and the marked rows."""
    out: list[Relation] = []
    for side in table.sides:
        out += _side_relations(table, side)
    return out


def _side_relations(table: Table, side: Side) -> list[Relation]:
    out: list[Relation] = []
    rows = side.rows
    i = 0
    while i < len(rows):
        j = i + 1
        while j < len(rows) and OPERATION.match(_item(rows[j])):
            j += 1
        if j == i + 1 or j == len(rows) or not _start(rows, i) or not _result(rows[j]):
            i += 1
            continue
        out += _relations(table, side, rows[i], rows[i + 1 : j], rows[j])
        i = j  # (the result may start the next computation)
    return out


def _relations(table: Table, side: Side, start: Row, steps: list[Row], result: Row) -> list[Relation]:
    signs = [1] + [1 if OPERATION.match(_item(r)).group(1) == "加" else -1 for r in steps]  # type: ignore[union-attr]
    terms = "".join(("＋" if s > 0 else "－") + OPERATION.sub("", _item(r)) for r, s in zip(steps, signs[1:]))
    name = f"{_item(result)}＝{_item(start)}{terms}"
    out = []
    for c in summable(side):
        cells = [(r.index, c) for r in (start, *steps)]
        if table.quantity(result.index, c) is None or any(table.quantity(*cell) is None for cell in cells):
            continue
        out.append(Relation("identity", (result.index, c), cells, signs=signs, where=name, name=name))
    return out
