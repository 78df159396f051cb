"""Balances: income − expenditure = balance; opening + income − expenditure = closing."""
from __future__ import annotations

from typing import Iterable

from linter.hookspecs import hookimpl
from linter.numbers import add, interval, sub
from linter.rules import Result, Rule

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
            unit = max(q.ulp * q.scale for q in figures)
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
            kw = {"code": "TO100", "name": "rounding", "severity": "info"} if "rounding" in verdicts else {}
            yield self.diag(b.balance, msg, stated=b.balance.text, expected=in_unit(exact, b.balance),
                            related=related, **kw)


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [BalanceMismatch]
