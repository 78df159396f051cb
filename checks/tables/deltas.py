"""Change columns of tables (增减额, 比上年增减): each cell is the difference of the two columns it compares."""

from __future__ import annotations

from collections.abc import Iterator

from tieout.linter.figures.intervals import HUNDRED, Interval, interval, mul, rate, sub, unit_of
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.tables import Column, Side, Table
from tieout.linter.parse.tables.formulas import column_formulas
from tieout.linter.parse.tables.vocab import fall_heading
from tieout.linter.rules.base import CheckContext, Outcome

from ._judge import delta_miss
from .laid_down import laid_down_deltas
from .points import table_points_outcomes
from .rates import operands

AMOUNTS = ("amount", "bare", "count")


def table_delta_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """Every change column whose two operand columns the headers name (as for a growth rate), row by row."""
    for table in ctx.facts.tables:
        defined = {f.column for f in column_formulas(table)}  # TO309 checks them by their formula
        for side in table.sides:
            for col in side.columns:
                if col.kind != "delta" or col.index in defined:
                    continue
                pairs = operands(side, col)
                if len(pairs) != 1:
                    continue
                growth = _growth_beside(side, col, pairs[0])
                found = [o for row in side.rows if (o := _delta_row(ctx, table, row.index, col, *pairs[0], growth))]
                yield from _guarded(found)
            yield from _guarded(list(laid_down_deltas(ctx, table, side)))
    yield from table_points_outcomes(ctx)


def _guarded(outcomes: list[Outcome]) -> list[Outcome]:
    """A change column is held to its operands only where most of its rows bear them out: a column that fails
    as often as it holds is of other figures (a 增减 column in %, its mark left out; operands misread). A row
    that did not change bears out nothing (its 0 is a 0 in % too)."""
    fails = sum(1 for o in outcomes if o.verdict == "fail")
    passes = sum(1 for o in outcomes if o.verdict == "pass" and _changed(o))
    return outcomes if passes > fails else [o for o in outcomes if o.verdict == "pass"]


def _changed(o: Outcome) -> bool:
    now, before = o.operands
    return now.base_value != before.base_value


def _growth_beside(side: Side, col: Column, pair: tuple[Column, Column]) -> Column | None:
    """The one growth column of the side computed from the change column's own operands (`2025年执行数 | 2026年
    预算数 | 增减额 | 增长%`): its cell is the row's change over the earlier figure."""
    found = [c for c in side.columns if c.kind == "growth" and c is not col and operands(side, c) == [pair]]
    return found[0] if len(found) == 1 else None


def _growth_confirms(ctx: CheckContext, stated: Quantity, now: Quantity, before: Quantity, g: Quantity | None) -> bool:
    """Does the row's growth cell say the change is not the one stated, where the operands' roundings alone
    would allow it (`7.0 | 7.1 | 0.4 | 1.4`: 7.1 − 7.0 may be up to 0.25, but 1.4% of 7.0 is 0.1)? Only where the
    growth holds for the two figures (it is then the row's, not a slip of its own), and the change it gives,
    the growth times the earlier figure, misses the stated one by more than a unit of its last digit."""
    if g is None or g.kind != "percent" or before.base_value <= 0:
        return False
    before_iv = interval(before)
    computed = rate(interval(now), before_iv, growth=True)
    if computed is None or ctx.judge(interval(g), computed, unit_of([g])) != "pass":
        return False
    product = mul(interval(g), before_iv)
    implied: Interval = (product[0] / HUNDRED, product[1] / HUNDRED)
    return ctx.judge(interval(stated), implied, unit_of([stated])) == "fail"


def _delta_row(
    ctx: CheckContext, table: Table, r: int, col: Column, cur: Column, prev: Column, growth: Column | None = None
) -> Outcome | None:
    stated = table.quantity(r, col.index)
    now, before = table.quantity(r, cur.index), table.quantity(r, prev.index)
    if stated is None or now is None or before is None or any(q.kind not in AMOUNTS for q in (stated, now, before)):
        return None
    if len({q.base_unit for q in (stated, now, before)}) != 1:
        return None
    band = unit_of([stated, now, before])
    change = sub(interval(now), interval(before))
    verdict = ctx.judge(interval(stated), change, band)
    lo, hi = interval(stated)
    if verdict != "pass" and ctx.judge((-hi, -lo), change, band) == "pass":
        # the size right and the sign the other way: a column of falls (`比上年减少`) or a table that writes a
        # fall without its minus sign; the sign is a convention, not a figure to correct
        verdict = "pass"
    if verdict == "pass":
        return Outcome(stated, "pass", "delta", operands=[now, before])
    if verdict == "rounding" and growth is not None:
        # (a miss within the operands' rounding is a slip where the row's own growth rate pins the change down)
        if _growth_confirms(ctx, stated, now, before, table.quantity(r, growth.index)):
            verdict = "fail"
    exact = now.base_value - before.base_value
    first, second = now, before
    if fall_heading(col.header) is not None:
        # (a column of falls, `压减金额`, writes the earlier figure less the later)
        exact, first, second = -exact, before, now
    related = [(now, f"“{cur.header}”"), (before, f"“{prev.header}”")]
    return delta_miss(col.header, stated, verdict, first, second, exact, related)
