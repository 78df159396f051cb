"""Limits: a balance the text says is within its limit is not above it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from tieout.linter.rules.base import CheckContext, Outcome, Result, Rule
from tieout.linter.rules.hooks import hookimpl


def limit_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    for c in ctx.facts.limit_claims:
        related = [(c.limit, "限额")]
        ops = [c.limit]
        # within when the balance's lowest value is not above the limit's highest (each as precise as written)
        if ctx.interval(c.balance)[0] <= ctx.interval(c.limit)[1]:
            yield Outcome(c.balance, "pass", "limit", related, operands=ops)
            continue
        msg = f"文中称余额控制在限额以内，但余额 {c.balance.text} 超过限额 {c.limit.text}"
        yield Outcome(c.balance, "fail", "limit", related, msg, c.balance.text, f"≤ {c.limit.text}", None, True, ops)


class LimitExceeded(Rule):
    """A balance the text says is within its limit (`控制在限额之内`) is above the limit it states.

    ## What it does
    Takes a sentence that says a balance stays within its limit (`控制在…限额以内/之内/范围内`, `未超过限额`:
    `limits` in `linter/vocab/relations.yaml`), the balances it names before those words (`政府债务余额`,
    and the `一般债务` and `专项债务` a `其中` lists of it; for a claim in a sentence of its own that speaks of
    them, `一般债务和专项债务余额均控制在限额以内`, those of the sentence just before it) and, for each, the
    limit of the same debt stated in the claim or in the two sentences before it under the same heading (`一般债务余额` goes with
    `一般债务限额`; `债务余额` never with a `一般债务限额`), in the same scope and period where both state one; a
    limit inside the claim naming no debt of its own (`控制在省政府核定的限额 Y 以内`) is that of the one balance
    the claim is made of (of no balance where the claim names several).
    It reports a balance above that limit, each figure counting for the interval its precision allows. The
    finding is a warning: the limit may stand in a sentence some way off from the claim.

    ## Why is this bad?
    A debt above its approved limit is a breach a budget report must disclose; a text that says the debt is
    within the limit while its own figures put it above either misstates a figure or hides the breach.

    ## Example
    ```text
    本年核定政府债务限额 96.50 亿元。年末政府债务余额 98.20 亿元，控制在限额以内。
    ```
    98.20 亿元 is above the limit of 96.50 亿元.

    ## Passes
    ```text
    本年核定政府债务限额 96.50 亿元。年末政府债务余额 89.20 亿元，控制在限额以内。
    ```

    ## How to fix
    Correct the balance or the limit, or, if the debt is above its limit, say so.
    """

    code = "TO116"
    name = "limit-exceeded"
    severity = "warning"
    kind = "limit"

    def check(self) -> Iterable[Result]:
        return self.report(self.ctx.outcomes(limit_outcomes))


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [LimitExceeded]
