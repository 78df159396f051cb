"""Rows of rates in a table of two years and a growth column (`加权平均净资产收益率（%） | 11.62 | 13.61 | 减少1.99个百分点`,
the main figures of a listed company's report): a rate moves by points, not by a growth of itself, and the
growth column says how far in words. The cell is this year's rate less last year's."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from tieout.linter.figures.intervals import fmt, interval, sub, unit_of
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.tables import Column, Row, Table
from tieout.linter.parse.tables.cells import flatten
from tieout.linter.parse.tables.vocab import POINTS_CELL
from tieout.linter.patterns import regex
from tieout.linter.rules.base import CheckContext, Outcome

from .rates import operands

# a row label naming a rate: its note of per cent (`加权平均净资产收益率（%）`), or a name ending in 率 (`资产负债率`)
RATE_ROW = regex(r"(?:[（(]\s*[%％]\s*[）)]|率)$")


def table_points_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """Each row of rates whose growth-column cell is a change in points in words, against its two year cells (the
    columns the growth column compares, as for a growth rate)."""
    for table in ctx.facts.tables:
        for side in table.sides:
            for col in side.columns:
                if col.kind != "growth":
                    continue
                rows = [r for r in side.rows if RATE_ROW.search(flatten(r.label))]
                pairs = operands(side, col) if rows else []
                if len(pairs) != 1:
                    continue
                for row in rows:
                    found = _points_row(ctx, table, row, col, *pairs[0])
                    if found is not None:
                        yield found


def _points_row(ctx: CheckContext, table: Table, row: Row, col: Column, cur: Column, prev: Column) -> Outcome | None:
    cell = table.cell(row.index, col.index)
    said = POINTS_CELL.fullmatch(flatten(cell.text)) if cell is not None else None
    stated = _figure_in(ctx, cell.start, cell.end) if cell is not None and said else None
    now, before = _rate(table.quantity(row.index, cur.index)), _rate(table.quantity(row.index, prev.index))
    if said is None or stated is None or now is None or before is None:
        return None
    change = sub(interval(now), interval(before))
    if not said.group("rise"):
        change = (-change[1], -change[0])  # (`减少 r 个百分点`: the size of a fall)
    exact = now.value - before.value
    if exact and (exact > 0) != bool(said.group("rise")):
        return None  # the word says the other way: what the figure should be, the words do not say
    band = unit_of([stated, now, before])
    verdict = ctx.judge(interval(stated), change, band)
    if verdict == "pass":
        return Outcome(stated, "pass", "delta", operands=[now, before])
    expected = f"{fmt(abs(exact), stated.decimals)}个百分点"
    moved = f"{said.string[: said.start('points')]}{expected}"  # (the cell's word kept: `减少1.99个百分点`)
    diff = f"{now.text} − {before.text} = {fmt(exact, stated.decimals)}"
    msg = f"“{col.header}”列的 {said.string} 与 {diff} 个百分点不符，应为 {moved}"
    related = [(now, f"“{cur.header}”"), (before, f"“{prev.header}”")]
    return Outcome(stated, verdict, "delta", related, msg, stated.text, expected, expected, operands=[now, before])


def _rate(q: Quantity | None) -> Quantity | None:
    """A cell of a row of rates as the rate it is (the table's unit note is of its amounts, not of this row)."""
    if q is None or q.kind not in ("amount", "bare", "percent"):
        return None
    return replace(q, unit="%", base_unit="%", scale=Decimal(1), kind="percent")


def _figure_in(ctx: CheckContext, start: int, end: int) -> Quantity | None:
    """The change in points the document's figures hold within a cell's bounds (its one figure)."""
    inside = ctx.index.between(start, end)
    return inside[0] if len(inside) == 1 and inside[0].kind == "pp" else None
