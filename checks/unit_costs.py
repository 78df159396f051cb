"""Costs per unit: a 场均成本 or 人均费用 is its sentence's money over its count."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from decimal import Decimal

from tieout.linter.facts.model import UnitCost
from tieout.linter.figures.intervals import interval, ratio, rounding_unit
from tieout.linter.figures.quantities import Quantity
from tieout.linter.rules.base import CheckContext, Outcome, Result, Rule
from tieout.linter.rules.hooks import hookimpl

from ._util import SLIP_MONEY_UNITS, in_unit


def unit_cost_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    for u in ctx.facts.unit_costs:
        if u.norm:
            yield from _by_norm(ctx, u)
            continue
        computed = ratio(ctx.interval(u.total), interval(u.count), factor=Decimal(1))
        if computed is None:
            continue
        related = [(u.total, "总额"), (u.count, "数量")]
        ops = [u.total, u.count]
        verdict = ctx.judge(ctx.interval(u.stated), computed, rounding_unit(u.stated))
        if verdict == "pass":
            yield Outcome(u.stated, "pass", "unit_cost", related, operands=ops)
            continue
        expected = in_unit(ctx.value(u.total) / u.count.base_value, u.stated)
        msg = f"单位成本 {u.stated.text} 与 {u.total.text} ÷ {u.count.text} = {expected} 不符"
        yield Outcome(u.stated, verdict, "unit_cost", related, msg, u.stated.text, expected, None, True, ops)


def _by_norm(ctx: CheckContext, u: UnitCost) -> Iterator[Outcome]:
    """Money set by a norm (`按 23 个村、每村 12 万元的标准安排`) is the count times the norm: a norm and a count are
    exact, the money is judged at its own precision."""
    product = u.count.base_value * ctx.value(u.stated)
    related = [(u.total, "总额"), (u.count, "数量")]
    ops = [u.total, u.count]
    verdict = ctx.judge(ctx.interval(u.total), (product, product), rounding_unit(u.total))
    if verdict == "pass":
        yield Outcome(u.stated, "pass", "unit_cost", related, operands=ops)
        return
    slipped = _norm_unit(ctx, u)
    if slipped is not None:
        msg = f"单位疑误：按标准 {u.count.text} × {u.stated.text} 与 {u.total.text} 相差 10⁴ 倍以上，标准应为 {slipped}"
        yield Outcome(u.stated, verdict, "unit_cost", related, msg, u.stated.text, slipped, None, True, ops)
        return
    expected = in_unit(product, u.total)
    money = _money_unit(ctx, u, product)
    if money is not None:
        # (the norm and the count agree with each other: the money's number is right, its unit slipped)
        msg = f"单位疑误：按标准 {u.count.text} × {u.stated.text} = {expected}，{u.total.text} 应为 {money}"
        related = [(u.stated, "标准"), (u.count, "数量")]
        yield Outcome(u.total, verdict, "unit_cost", related, msg, u.total.text, money, None, True, ops)
        return
    msg = f"按标准 {u.count.text} × {u.stated.text} = {expected}，与 {u.total.text} 不符"
    yield Outcome(u.stated, verdict, "unit_cost", related, msg, u.total.text, expected, None, True, ops)


def _norm_unit(ctx: CheckContext, u: UnitCost) -> str | None:
    """The norm written in the one other money unit that makes the count times it the money exactly (`按每人 1,200
    万元标准` where the money is 8,650 × 1,200 元): its number was right, its unit slipped. None where no unit does."""
    return _other_money_unit(
        u.stated,
        lambda _unit, scale: (
            ctx.judge(
                ctx.interval(u.total), (p := u.count.base_value * u.stated.value * scale, p), rounding_unit(u.total)
            )
            == "pass"
        ),
    )


def _money_unit(ctx: CheckContext, u: UnitCost, product: Decimal) -> str | None:
    """The money written in the one other money unit that makes it the count times the norm exactly (`按每人 3 元标准
    发放 559.56 元` for 1,865,200 人次: 559.56 万元). None where no unit does."""
    return _other_money_unit(
        u.total,
        lambda unit, scale: (
            ctx.judge(
                interval(replace(u.total, scale=scale, unit=unit)),
                (product, product),
                rounding_unit(u.total),
            )
            == "pass"
        ),
    )


def _other_money_unit(q: Quantity, fits: Callable[[str, Decimal], bool]) -> str | None:
    """The figure's number in the one money unit other than its own (SLIP_MONEY_UNITS) whose scale `fits`; None where
    none does, or several, or the figure is in no money unit."""
    if q.unit not in SLIP_MONEY_UNITS:
        return None
    number = q.text.removesuffix(q.unit)
    fitting = [f"{number}{unit}" for unit, scale in SLIP_MONEY_UNITS.items() if unit != q.unit and fits(unit, scale)]
    return fitting[0] if len(fitting) == 1 else None


class UnitCostMismatch(Rule):
    """A cost per unit (`场均成本`, `人均培训费用`, `每户补助`, `人均年领取`) is not the money of its sentence over its count.

    ## What it does
    Takes a sum of money named as a cost per unit (the unit before 均 or after 每, then a cost word:
    `unit_cost` in `linter/vocab/relations.yaml`) and divides the sentence's money by its count of that
    unit (`场均` by 场, `人均` by 人 or 人次), each figure counting for the interval its precision allows.
    Only a sentence whose figures before the cost are exactly that money and that count is read: any other
    figure there (a second count, a budget beside the outcome) leaves open which base the report divided
    by. A cost named as a norm or a target (`人均补助标准`, `计划人均成本`) is set, not computed, and is not
    checked, nor is one per month or day (`人均月补助`, `每人每月`), which the year's money divides by more
    than the count. A figure named by its unit alone (`养护资金 168 万元，养护里程 210 公里，每公里 8000 元`) is
    read where the money is named as money paid (`资金`, `经费`, `…金`), not where it is a gain (`增收`). An
    average named by its counter (`平均每台`, `每台平均`, `单座平均投资`) is read with no cost word where nothing
    follows the counter or what follows is the money's own word (`原值合计 X，平均每台原值 c`). A cost opening
    its sentence (`单座平均投资 c`) is of the sentence before in its paragraph when that one's figures are just
    the money and the count (`建成 8 座，完成投资 X。`). A figure per unit the money was set by as a norm (`X，按 N
    个行政村、每村 p 的标准安排`, or `X，补贴 N 人次，按每人 p 标准；`) makes the money: N × p, exactly, is held to
    X at X's precision; where p read in the one other money unit (元, 万元, 亿元) makes X exactly, p's unit slipped.
    So is a count followed by such a norm and then the money right after the standard's word, in one clause
    (`补贴 N 人次，按每人 p 标准发放 X`); where X's number in another money unit is N × p, X's unit slipped.
    A sentence listing items after a colon (`全年支出 T，包括：A a，补贴 N 人次，人均 c；B b，…`), more figures than
    the two before the cost, is read clause by clause: the money and the count of the cost's own clause.
    The finding is a warning: a report may divide a part of the money (the direct costs only).

    ## Why is this bad?
    A cost per unit is how an evaluation judges a project's economy (成本指标); one its own money and
    count do not give misstates it, and the indicator's score with it.

    ## Example
    ```text
    项目全年支出 120.00 万元，共举办讲座 40 场，场均成本 3.30 万元。
    ```
    120.00 ÷ 40 is 3.00 万元 per 场.

    ## Passes
    ```text
    项目全年支出 120.00 万元，共举办讲座 40 场，场均成本 3.00 万元。
    ```

    ## How to fix
    Recompute the cost from the money and the count, or, if it is computed over another base, state which.
    """

    code = "TO115"
    name = "unit-cost"
    severity = "warning"
    kind = "unit_cost"

    def check(self) -> Iterable[Result]:
        return self.report(self.ctx.outcomes(unit_cost_outcomes))


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [UnitCostMismatch]
