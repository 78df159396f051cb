"""Balances: income − expenditure = balance; opening + income − expenditure = closing; months payable; score
sums."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from tieout.linter.figures.intervals import add, fmt, interval, sub, unit_of
from tieout.linter.rules.base import CheckContext, Outcome, Result, Rule
from tieout.linter.rules.hooks import hookimpl

from ._util import in_unit


def balance_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    for b in ctx.facts.balances:
        figures = [b.income, b.expense, b.balance]
        band = unit_of(figures)
        plain = sub(interval(b.income), interval(b.expense))
        verdicts = [ctx.judge(interval(b.balance), plain, band)]
        if b.opening is not None:
            verdicts.append(ctx.judge(interval(b.balance), add([interval(b.opening), plain]), band))
        if b.outflows:  # the other money leaving the fund, when the text states it
            net = sub(plain, add([interval(q) for q in b.outflows]))
            verdicts.append(ctx.judge(interval(b.balance), net, unit_of([*figures, *b.outflows])))
        ops = [b.income, b.expense, *b.outflows] + ([b.opening] if b.opening else [])
        related = [(b.income, "收入"), (b.expense, "支出")]
        if "pass" in verdicts:
            yield Outcome(b.balance, "pass", "delta", related, operands=ops)
            continue
        exact = in_unit(b.income.base_value - b.expense.base_value, b.balance)
        msg = f"结余 {b.balance.text} 不等于收入 {b.income.text} − 支出 {b.expense.text} = {exact}"
        verdict = "rounding" if "rounding" in verdicts else "fail"
        yield Outcome(b.balance, verdict, "delta", related, msg, b.balance.text, exact, None, b.certain, ops)


class BalanceMismatch(Rule):
    """A stated balance (收支相抵，当期结余、年终结余) is not income minus expenditure (plus the opening balance).

    The income and expenditure are the sides' totals (`收入决算结果`, `收入总计`) or the one income and one
    expenditure stated with the balance; stocks (历年累计结余、债务余额) and the carry-over of the
    expenditure side (结转下年) are not period balances and are not checked this way.
    """

    code = "TO109"
    name = "balance-mismatch"
    severity = "error"
    kind = "delta"

    def check(self) -> Iterable[Result]:
        return self.report(balance_outcomes(self.ctx))


class MonthsPayable(Rule):
    """The months a fund's balance can pay (`累计结余 X，可支付 N 个月`) do not match the balance over one
    month of the expenditure stated with it.

    N is accepted when it is X / (支出 / 12) rounded half up or down to whole months, as reports write it.
    """

    code = "TO110"
    name = "months-payable"
    severity = "warning"
    kind = "rate"

    def check(self) -> Iterable[Result]:
        ctx = self.ctx
        for f in ctx.facts.months:
            if f.expense.base_value <= 0:
                continue
            exact = f.balance.base_value / (f.expense.base_value / 12)
            low, high = interval(f.months)
            ok = (exact - 1 < f.months.value < exact + 1) or low <= exact <= high
            yield self.checked(f.months, "pass" if ok else "fail", [f.balance, f.expense])
            if not ok:
                yield self.diag(
                    f.months,
                    f"可支付月数 {f.months.text} 与 {f.balance.text} ÷ ({f.expense.text} ÷ 12) = "
                    f"{fmt(exact, 1)} 个月不符",
                    stated=f.months.text,
                    expected=f"{fmt(exact, 0)}个月",
                    related=[ctx.related(f.balance, "结余"), ctx.related(f.expense, "支出")],
                )


def score_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    for sset in ctx.facts.scores:
        figures = [sset.total, *sset.items]
        band = max(q.ulp for q in figures)
        verdict = ctx.judge(interval(sset.total), add([interval(q) for q in sset.items]), band)
        related = [(q, "分项得分") for q in sset.items]
        if verdict == "pass":
            yield Outcome(sset.total, "pass", "score_sum", related)
            continue
        total = sum((q.value for q in sset.items), Decimal(0))
        msg = f"各项得分之和 {fmt(total)} 分与总分 {sset.total.text} 不符"
        yield Outcome(sset.total, verdict, "score_sum", related, msg, sset.total.text, f"{fmt(total)}分")


class ScoreSum(Rule):
    """The item scores listed after an overall score (`自评得分 98 分 … 1、…得分 20 分`) do not add up to it.

    Only items within the section of the overall score count; a miss within the scores' rounding is a
    rounding finding (TO100).
    """

    code = "TO111"
    name = "score-sum"
    severity = "error"
    kind = "score_sum"

    def check(self) -> Iterable[Result]:
        return self.report(score_outcomes(self.ctx))


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [BalanceMismatch, MonthsPayable, ScoreSum]
