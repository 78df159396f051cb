"""Margin columns of tables: a column headed by a margin's name (`毛利率（%）`, vocab ratios.yaml `margin`) beside
the one column of the figure it is of (`营业收入`) and the one of the figure taken from it (`营业成本`): each row's
margin is (of − less) / of, by definition.

    | 产品 | 营业收入 | 营业成本 | 毛利率（%） |
    | 甲   | 500.00   | 400.00   | 20.00       |

Only where each operand's column is found exactly once among the columns of the margin's period (a table of two
years' 营业收入 pairs the margin with its own year's), in one unit; a column that most rows break is not
understood and nothing is said of it.
"""

from __future__ import annotations

from collections.abc import Iterator

from tieout.linter.figures.intervals import HUNDRED, interval, ratio
from tieout.linter.parse.tables import Column, Side, Table
from tieout.linter.parse.tables.cells import flatten
from tieout.linter.parse.tables.vocab import HEADING_NOTE, without_percent
from tieout.linter.rules.base import CheckContext, Outcome
from tieout.linter.vocab import margins

from ._judge import column_miss, computed_columns


def deepest_heading(col: Column) -> str:
    """The column's deepest heading that says something (a blank level below it aside), its note of unit or %
    taken off (`毛利率（%）` → 毛利率)."""
    named = [p for p in col.path if flatten(p)]
    return HEADING_NOTE.sub("", without_percent(flatten(named[-1]))) if named else ""


def margin_operands(side: Side, col: Column) -> tuple[Column, Column] | None:
    """The (of, less) columns of a column headed by a margin's name: the one column of the side, of the margin's
    period, headed by a word of each (exactly, its unit note aside: `营业收入比上年增减` is no revenue), in one
    unit. None when the column names no margin or either is not found exactly once."""
    name = deepest_heading(col)
    prefix = next((name.removesuffix(m) for m in margins() if name.endswith(m)), "")
    found = margins().get(name.removeprefix(prefix))
    if found is None:
        return None
    # (a margin named after the period of its row's figures, `本期毛利率` beside `本期营业收入 | 本期营业成本`, is of
    # the columns named after the same, that word taken off)
    same = [
        c
        for c in side.columns
        if c is not col and c.context.period == col.context.period and deepest_heading(c).startswith(prefix)
    ]
    of, less = ([c for c in same if deepest_heading(c).removeprefix(prefix) in words] for words in found)
    if len(of) != 1 or len(less) != 1 or of[0].unit != less[0].unit or of[0].unit == "%":
        return None
    return of[0], less[0]


def margin_outcomes(ctx: CheckContext, table: Table, side: Side) -> Iterator[Outcome]:
    """Each margin column of the side, row by row; a column failing in most rows (two or more) says nothing."""
    return computed_columns(side, margin_operands, lambda r, col, pair: _margin_row(ctx, table, r, col, *pair))


def _margin_row(
    ctx: CheckContext, table: Table, r: int, col: Column, of_col: Column, less_col: Column
) -> Outcome | None:
    stated = table.quantity(r, col.index)
    of, less = table.quantity(r, of_col.index), table.quantity(r, less_col.index)
    if stated is None or stated.kind != "percent" or of is None or less is None or of.value <= 0:
        return None
    if "percent" in (of.kind, less.kind):
        return None
    share = ratio(interval(less), interval(of))
    if share is None:
        return None
    iv = (HUNDRED - share[1], HUNDRED - share[0])
    verdict = ctx.judge(interval(stated), iv, stated.ulp)
    if verdict == "pass":
        return Outcome(stated, "pass", "rate", operands=[of, less])
    exact = (of.base_value - less.base_value) / of.base_value * HUNDRED
    formula = f"({of.text}−{less.text})/{of.text}"
    return column_miss(col.header, stated, verdict, "rate", formula, exact, [(of, "被减数"), (less, "减数")])
