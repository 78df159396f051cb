"""Per-capita columns of tables: a column headed `人均…（元）` beside the one column of the population (`常住人口（万人）`)
and the one column of the money it divides (`转移支付（亿元）`): each row's figure per head is that money over that
population, in 元, by definition.

    | 地区 | 常住人口（万人） | 转移支付（亿元） | 人均转移支付（元） |
    | 甲市 | 305.6            | 47.72            | 1562               |

Only where nothing is left open: the population column is the one column of the side whose heading names 人口 and
whose note gives its unit (万人 or 人); the money column is the one column of the side in a unit of money whose
heading is what the per-capita heading names after 人均 (`人均转移支付` of `转移支付`), or, where the heading is
`人均` alone, the side's only column of money. A column most of whose rows (two or more) miss is not understood and
nothing is said of it.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from tieout.linter.figures.intervals import fmt, interval, ratio, rounding_unit
from tieout.linter.parse.tables import Column, Side, Table
from tieout.linter.parse.tables.cells import flatten
from tieout.linter.patterns import regex
from tieout.linter.rules.base import CheckContext, Outcome

from .._util import written
from ._judge import computed_columns
from .margins import deepest_heading

PER_HEAD = "人均"
MONEY = ("元", "万元", "亿元")
# a population column's heading and the unit its note gives (`常住人口（万人）`, `户籍人口(人)`)
POPULATION = regex(r"^[\u4e00-\u9fff]{0,6}人口[（(](?P<unit>万人|人)[）)]$")
PERSONS = {"万人": Decimal(10000), "人": Decimal(1)}
RATED = ("ratio", "growth", "share", "serial", "level", "comparable")


def _population(side: Side, col: Column) -> tuple[Column, Decimal] | None:
    """The one population column of the side and the persons one of its figures counts."""
    found = [
        (c, PERSONS[m.group("unit")])
        for c in side.columns
        if c is not col and c.path and (m := POPULATION.match(flatten(c.path[-1])))
    ]
    return found[0] if len(found) == 1 else None


def per_capita_operands(side: Side, col: Column) -> tuple[Column, Column, Decimal] | None:
    """(money, population, persons per figure) of a per-capita column; None when the column is none or either
    operand is not found exactly once."""
    name = deepest_heading(col)
    if not name.startswith(PER_HEAD) or col.unit != "元":
        return None
    population = _population(side, col)
    if population is None:
        return None
    of = name.removeprefix(PER_HEAD)
    money = [
        c for c in side.columns if c is not col and c is not population[0] and c.unit in MONEY and c.kind not in RATED
    ]
    named = [c for c in money if deepest_heading(c) == of] if of else money
    if len(named) != 1:
        return None
    return named[0], *population


def per_capita_outcomes(ctx: CheckContext, table: Table, side: Side) -> Iterator[Outcome]:
    """Each per-capita column of the side, row by row; a column failing in most rows (two or more) says nothing."""
    return computed_columns(side, per_capita_operands, lambda r, col, found: _row(ctx, table, r, col, *found))


def _row(
    ctx: CheckContext, table: Table, r: int, col: Column, money_col: Column, people_col: Column, persons: Decimal
) -> Outcome | None:
    stated = table.quantity(r, col.index)
    money, people = table.quantity(r, money_col.index), table.quantity(r, people_col.index)
    if stated is None or money is None or people is None or stated.base_unit != "元" or money.base_unit != "元":
        return None
    if people.kind not in ("bare", "count") or people.scale != 1 or people.value <= 0 or money.kind != "amount":
        return None
    low, high = interval(people)
    computed = ratio(interval(money), (low * persons, high * persons), factor=Decimal(1))
    if computed is None:
        return None
    related = [(money, "总额"), (people, "人口")]
    verdict = ctx.judge(interval(stated), computed, rounding_unit(stated))
    if verdict == "pass":
        return Outcome(stated, "pass", "rate", related, operands=[money, people])
    exact = money.base_value / (people.value * persons)
    expected = fmt(exact, stated.decimals)
    unit = "万人" if persons > 1 else "人"
    quotient = f"{written(money)}/{people.text}{unit} = {fmt(exact, stated.decimals + 1)}元"
    msg = f"“{deepest_heading(col)}”列的 {stated.text} 与 {quotient} 不符，应为 {expected}"
    return Outcome(stated, verdict, "rate", related, msg, stated.text, expected, expected, operands=[money, people])
