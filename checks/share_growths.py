"""Last year's value of a share from this year's and the growths of its part and its whole.

`一般公共预算收入 B，增长 gB。其中税收收入 A，增长 gA，税收收入占一般公共预算收入的比重为 p%，比上年提高 r%`: last
year's A was A / (1 + gA) and last year's B was B / (1 + gB), so the share's relative change is (1 + gA) / (1 + gB) − 1
and its change in points is p − p / (1 + that). Both are ranges, each growth standing for the interval its digits
allow; TO205 tells a change in points written as % where the stated change meets the range in points only.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from tieout.linter.facts.model import Change, Share
from tieout.linter.facts.passes.base import ADJUSTED_BASIS
from tieout.linter.figures.intervals import HUNDRED
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex
from tieout.linter.rules.base import CheckContext

# a change of last year (`比上年`, `同比`, none named: `增长 7.5%`), not of a plan nor of another year
LAST_YEAR_ONLY = regex(r"^(?:(?:比|较|与)?(?:上年|去年|上一年)(?:同期)?度?(?:相比)?|同比)?$")
HALF = Decimal("0.5")


@dataclass(frozen=True)
class ShareGrowth:
    """The share's change read from the two growths: its relative change (in %) and in points, each a range."""

    part_growth: Quantity
    whole_growth: Quantity
    relative: tuple[Decimal, Decimal]
    points: tuple[Decimal, Decimal]


def share_growth(ctx: CheckContext, c: Change) -> ShareGrowth | None:
    """The change of the share a change is of, from the growths of its part and whole stated against last year
    (one each, on no adjusted basis); None when the change is no share's or a growth is not known for certain."""
    cur = c.current
    if cur is None or cur.kind != "percent" or c.base is not None or not LAST_YEAR_ONLY.match(c.comparison):
        return None
    share = next((s for s in ctx.facts.shares if s.stated is cur), None)
    if share is None or not _plain(share):
        return None
    assert share.part is not None and share.total is not None
    gp, gw = _growth(ctx, share.part, c), _growth(ctx, share.total, c)
    if gp is None or gw is None:
        return None
    rel = _ratio_range(_range(*gp), _range(*gw))
    shown = (cur.value - cur.ulp * HALF, cur.value + cur.ulp * HALF)
    corners = [p * r / (HUNDRED + r) for p in shown for r in rel]
    return ShareGrowth(gp[0], gw[0], rel, (min(corners), max(corners)))


def _plain(share: Share) -> bool:
    """A share of one part in one whole, both amounts of one unit, no rule applied, and its figures certainly
    the share's: read in its sentence, or, linked from others by their names, making the share to its digits."""
    part, whole, p = share.part, share.total, share.stated
    if part is None or whole is None or share.applied:
        return False
    if part.kind != "amount" or whole.kind != "amount" or part.base_unit != whole.base_unit or whole.base_value <= 0:
        return False
    made = part.base_value / whole.base_value * HUNDRED
    return share.certain or abs(made - p.value) <= p.ulp * HALF


def _growth(ctx: CheckContext, q: Quantity, c: Change) -> tuple[Quantity, Decimal] | None:
    """The one growth in % against last year stated of the figure, and its value signed by its direction."""
    found: list[tuple[Quantity, Decimal]] = []
    for other in ctx.facts.changes:
        if other is c or other.current is not q:
            continue
        if not other.certain or not LAST_YEAR_ONLY.match(other.comparison) or other.base is not None:
            return None
        for m in other.movements:
            if m.quantity is None or m.quantity.kind != "percent":
                continue
            # (a growth on an adjusted basis, `同口径`, `剔除…后`, is not that of the figures as stated)
            if not m.quantity.exact or ADJUSTED_BASIS.search(ctx.doc.text, q.end, m.start):
                return None
            found.append((m.quantity, m.quantity.value if m.direction == "up" else -m.quantity.value))
    return found[0] if len(found) == 1 else None


def _range(q: Quantity, value: Decimal) -> tuple[Decimal, Decimal]:
    return value - q.ulp * HALF, value + q.ulp * HALF


def _ratio_range(gp: tuple[Decimal, Decimal], gw: tuple[Decimal, Decimal]) -> tuple[Decimal, Decimal]:
    """The relative change of part / whole, in %, from the two growths' ranges."""
    lo = ((HUNDRED + gp[0]) / (HUNDRED + gw[1]) - 1) * HUNDRED
    hi = ((HUNDRED + gp[1]) / (HUNDRED + gw[0]) - 1) * HUNDRED
    return lo, hi
