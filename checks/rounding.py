"""Rounding: a relation that misses by no more than one unit of its last stated digit, whichever check
verifies the relation."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from tieout.linter.rules.base import CheckContext, Outcome, Result, Rule
from tieout.linter.rules.hooks import hookimpl

from .balances import balance_outcomes, roll_forward_outcomes, score_outcomes
from .changes import change_outcomes
from .rates import formula_outcomes, rate_outcomes
from .shares import distribution_outcomes, share_list_outcomes, share_outcomes
from .sums import sum_outcomes
from .tables.rules import (  # (the tables' evaluators, their modules imported on a document with tables)
    crossfoot_outcomes,
    identity_outcomes,
    parent_outcomes,
    sides_outcomes,
    table_delta_outcomes,
    table_formula_outcomes,
    table_rate_outcomes,
    table_share_outcomes,
    text_table_outcomes,
    total_outcomes,
)
from .unit_costs import unit_cost_outcomes

# the relations whose misses may be rounding, each evaluated by the function its owning rule uses
EVALUATORS: tuple[Callable[[CheckContext], Iterable[Outcome]], ...] = (
    sum_outcomes,
    share_outcomes,
    share_list_outcomes,
    rate_outcomes,
    formula_outcomes,
    change_outcomes,
    balance_outcomes,
    roll_forward_outcomes,
    score_outcomes,
    total_outcomes,
    table_rate_outcomes,
    table_share_outcomes,
    text_table_outcomes,
    parent_outcomes,
    crossfoot_outcomes,
    sides_outcomes,
    identity_outcomes,
    table_formula_outcomes,
    table_delta_outcomes,
    distribution_outcomes,
    unit_cost_outcomes,
)


class Rounding(Rule):
    """A relation that misses by no more than one unit of the last stated digit.

    ## What it does
    Collects the rounding misses of every arithmetic relation the other rules verify: sums and `其中`
    lists (TO101), shares (TO103, TO112), survey answers (TO113), rates (TO105), written formulas (TO106), changes (TO108),
    balances (TO109), score sums (TO111), costs per unit (TO115), and the relations of tables (TO301–TO311: totals, parent
    rows, cross-footing, the two sides, standard identities, rate, share, formula and change columns (TO311), prose
    against tables). Each figure stands for the interval its precision allows (`92.46%` is any value
    from 92.455% up to 92.47%, rounded or truncated; a whole number such as `40 公里` or `95%` is
    rounded, 39.5 to 40.5); a relation whose intervals do not meet, but come within one unit of the
    last digit of the figure checked (for a sum, of its least precise figure), is reported here, at
    severity info, and never by the relation's own rule. A table sum whose figures as written miss by a
    unit while their intervals meet (尾差) is reported here too, and counts as passing.

    It finds no relation of its own: each relation is evaluated by the same function its rule uses, so
    where a rule stays silent (figures not identified with certainty, a table column most of whose rows
    miss, as misread) there is no rounding finding either. An approximate figure (`约 500 万元`, `3300
    余人次`) is judged by its own tolerance (TO101), never as rounding.

    ## Why is this bad?
    Usually it is not: the figures were rounded separately and the report prints them as computed. But
    a reader who recomputes the share or the rate gets another last digit than the one printed, and a
    table that foots in the source system no longer foots on paper.

    ## Example
    ```text
    计划开展业务培训 300 人次，实际培训 200 人次，完成率 66.68%。
    ```
    200 / 300 is 66.666…%, which rounds to 66.67%, not 66.68%.

    ## Passes
    ```text
    计划开展业务培训 300 人次，实际培训 200 人次，完成率 66.67%。
    ```

    ## How to fix
    Round the figure the finding names from the unrounded values (half up), or adjust one part so that
    the printed figures foot, as statistical tables do. If such misses are of no interest, ignore the
    rule (`--ignore TO100`, or `ignore: [TO100]` in the configuration); `rounding-units` in the
    configuration widens the band (in units of the last digit) within which a miss counts as rounding.
    """

    code = "TO100"
    name = "rounding"
    severity = "info"
    kind = "rounding"

    def check(self) -> Iterable[Result]:
        for evaluate in EVALUATORS:
            for o in self.ctx.outcomes(evaluate):
                if o.verdict == "rounding" and not o.silent:
                    yield self.finding(o, severity=self.level)


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [Rounding]
