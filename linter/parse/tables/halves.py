"""Side-by-side tables whose sides are records of one kind: one physical row holds a row of each half, laid
out under a header group repeated for each (科目编码 | 人员经费科目名称 | 金额 | 科目编码 | 公用经费科目名称 | 金额,
the 一般公共预算基本支出表 of a department's budget). Each half is footed on its own (`relations.py`, as any
side); what this module reads is the row below both halves that totals the whole table, written in one
half's columns only (`| 基本支出合计 |  | 383.00 |  |  |  |`): it is no total of that half's rows.

- Below the halves' own totals, stated on one row (`人员经费合计 330.00 | 公用经费合计 53.00`), with nothing
  after them in any half, or below the halves' own totals stated first, each its half's first row, on one row,
  over its half's rows (no other total in any half): the table's total is the sum of those totals. The rows
  under a half's total are that total's parts, not the table's.
- With no total in any half, a row named a bare total (合计, 总计) below every half's last row: the table's
  total is the sum of each half's top-level items, where the halves' codes say which they are (every item
  coded); elsewhere, or under a total named (`基本支出合计`, which may name the whole or one half), which rows it
  sums is not known, and it is footed against nothing.

Precision first: a table whose sides differ in shape (their label and figure columns, or the names over
their figures) is not two halves of one kind (a 收入 | 支出 table under other headers, a side of 功能分类
beside one of 支出用途 with more columns); nor is a table's last total one of its whole when any half has
rows after it or a total that stands elsewhere.
"""

from __future__ import annotations

from .cells import flatten
from .model import Row, Side, Table

BARE_TOTALS = frozenset({"合计", "总计", "共计"})


def _shape(side: Side) -> tuple[str, int, tuple[str, ...]]:
    return side.name, len(side.descriptors), tuple(flatten(c.path[-1]) if c.path else "" for c in side.columns)


def halves(table: Table) -> bool:
    """Are the table's sides (two or more) halves of one kind: each a label column and the same figure
    columns under the same names, and no header over them that names each its own (收入 | 支出)?"""
    sides = table.sides
    if len(sides) < 2 or any(not s.descriptors or not s.columns for s in sides):
        return False
    return len({_shape(s) for s in sides}) == 1


def whole_total(table: Table) -> tuple[Side, Row, list[tuple[Side, list[Row]]] | None] | None:
    """The row that totals the whole of a table of halves: (its side, the row, the rows it sums in each
    side, or None where which rows it sums is not known); None when the table has no such row."""
    if not halves(table):
        return None
    last = max(r.index for s in table.sides for r in s.rows[-1:])
    home = [s for s in table.sides if s.rows and s.rows[-1].index == last]
    if len(home) != 1 or home[0].rows[-1].total != "grand":
        return None
    side, row = home[0], home[0].rows[-1]
    closing = _closing_totals(table.sides, side)
    if closing == []:
        return None
    own = closing or _opening_totals(table.sides, row)
    if own is not None:
        return side, row, [(s, [r]) for s, r in zip(table.sides, own)]
    if any(r.total for s in table.sides for r in s.rows if r is not row):
        return None
    # (a total named, not bare, below halves of no totals of their own may name the whole or one half: it is no
    # total of its half's rows alone, and footed against nothing)
    return side, row, _top_items(table.sides, row) if flatten(row.label) in BARE_TOTALS else None


def _closing_totals(sides: list[Side], home: Side) -> list[Row] | None:
    """The halves' own totals stated last, each its half's last row (of the total's half `home`: the row right
    above it), all on one row; [] where they are each a total but not on one row (the table's total is then
    not known), None where they are not all totals."""
    closing = [s.rows[-2] if s is home else s.rows[-1] for s in sides if len(s.rows) >= (2 if s is home else 1)]
    if len(closing) != len(sides) or any(r.total != "grand" for r in closing):
        return None
    return closing if len({r.index for r in closing}) == 1 else []


def _opening_totals(sides: list[Side], total: Row) -> list[Row] | None:
    """The halves' own totals stated first, over their rows (`人员经费合计 a | 公用经费合计 b` as the table's first
    row): each half's first row a total, all on one row, and no other total in any half but the table's at the
    foot; None otherwise. The rows under each are that half's, summed by it: the table's total sums the two."""
    firsts = [s.rows[0] for s in sides if s.rows]
    if len(firsts) != len(sides) or len({r.index for r in firsts}) != 1 or firsts[0].index >= total.index:
        return None
    if any(r.total != "grand" for r in firsts):
        return None
    others = [r for s in sides for r in s.rows[1:] if r.total and r is not total]
    return None if others else firsts


def _top_items(sides: list[Side], total: Row) -> list[tuple[Side, list[Row]]] | None:
    """Each half's top-level items, where every half's codes give them (each item coded, in a tree of codes)."""
    out = []
    for s in sides:
        items = [r for r in s.rows if r is not total]
        if s.structure != "code" or not items or any(not r.code for r in items):
            return None
        out.append((s, [r for r in items if r.parent is None]))
    return out


def mark_whole(table: Table) -> None:
    """Mark the row that totals a table of halves (model.Row.whole): no total of its own half's rows."""
    found = whole_total(table)
    if found is not None:
        found[1].whole = True
