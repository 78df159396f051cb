"""Rounding: a relation that misses by no more than one unit of its last stated digit, whichever check
verifies the relation."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from tieout.linter.rules.base import CheckContext, Outcome, Result, Rule
from tieout.linter.rules.hooks import hookimpl

from .balances import balance_outcomes, score_outcomes
from .changes import change_outcomes
from .rates import formula_outcomes, rate_outcomes
from .shares import share_list_outcomes, share_outcomes
from .sums import sum_outcomes

# the relations whose misses may be rounding, each evaluated by the function its owning rule uses
EVALUATORS: tuple[Callable[[CheckContext], Iterator[Outcome]], ...] = (
    sum_outcomes,
    share_outcomes,
    share_list_outcomes,
    rate_outcomes,
    formula_outcomes,
    change_outcomes,
    balance_outcomes,
    score_outcomes,
)


class Rounding(Rule):
    """A relation that misses by no more than one unit of the last stated digit.

    `占 92.46%` where the exact share is 92.469% is a rounding matter: every arithmetic relation (sums,
    shares, rates, formulas, changes, balances, scores) that misses only by this much is reported here, at
    severity info, never by the relation's own rule. Ignore it with `--ignore TO100`; `rounding-units` in the
    configuration widens the band.
    """

    code = "TO100"
    name = "rounding"
    severity = "info"
    kind = "rounding"

    def check(self) -> Iterable[Result]:
        for evaluate in EVALUATORS:
            for o in evaluate(self.ctx):
                if o.verdict == "rounding":
                    yield self.finding(o, severity=self.level)


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [Rounding]
