"""Balances: income − expenditure = balance; opening + income − expenditure = closing."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from tieout.linter.figures.intervals import add, fmt, interval, sub, unit_of
from tieout.linter.rules.base import Result, Rule
from tieout.linter.rules.hooks import hookimpl

from ._util import in_unit


class BalanceMismatch(Rule):
    """A stated balance (当期结余、年末结转结余) is not income minus expenditure (plus the opening balance).

    The income, expenditure and balance are taken from one paragraph (`收入 X，支出 Y，当期结余 Z`);
    cumulative balances (历年累计结余) are not period balances and are not checked this way.
    """

    code = "TO109"
    name = "balance-mismatch"
    severity = "error"
    kind = "delta"

    def check(self) -> Iterable[Result]:
        ctx = self.ctx
        for b in ctx.facts.balances:
            figures = [b.income, b.expense, b.balance]
            unit = unit_of(figures)
            plain = sub(interval(b.income), interval(b.expense))
            verdicts = [self.ctx.judge(interval(b.balance), plain, unit)]
            if b.opening is not None:
                verdicts.append(self.ctx.judge(interval(b.balance), add([interval(b.opening), plain]), unit))
            ops = [b.income, b.expense] + ([b.opening] if b.opening else [])
            if "pass" in verdicts:
                yield self.checked(b.balance, "pass", ops)
                continue
            yield self.checked(b.balance, "fail", ops)
            exact = b.income.base_value - b.expense.base_value
            related = [ctx.related(b.income, "收入"), ctx.related(b.expense, "支出")]
            msg = f"结余 {b.balance.text} 不等于收入 {b.income.text} − 支出 {b.expense.text} = {in_unit(exact, b.balance)}"
            kw = self.rounding("rounding" in verdicts)
            yield self.diag(
                b.balance, msg, stated=b.balance.text, expected=in_unit(exact, b.balance), related=related, **kw
            )


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
        ctx = self.ctx
        for sset in ctx.facts.scores:
            figures = [sset.total, *sset.items]
            unit = max(q.ulp for q in figures)
            verdict = ctx.judge(interval(sset.total), add([interval(q) for q in sset.items]), unit)
            yield self.checked(sset.total, "pass" if verdict == "pass" else "fail", sset.items)
            if verdict == "pass":
                continue
            total = sum((q.value for q in sset.items), Decimal(0))
            kw = self.rounding(verdict == "rounding")
            yield self.diag(
                sset.total,
                f"各项得分之和 {fmt(total)} 分与总分 {sset.total.text} 不符",
                stated=sset.total.text,
                expected=f"{fmt(total)}分",
                related=[ctx.related(q, "分项得分") for q in sset.items],
                **kw,
            )


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [BalanceMismatch, MonthsPayable, ScoreSum]
