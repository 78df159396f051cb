"""A figure said to lie below or above a standard stated right after it (`亩均投入 A 元，低于亩均 B 元的控制标准`):
the side the words state, against the two figures."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex
from tieout.linter.rules.base import CheckContext

# the sides that say the figure is at most, and those that say it is above, the standard
AT_MOST = ("低于", "少于", "不超过", "未超过", "不高于")
ABOVE = ("高于", "超过", "多于", "不低于")
# the words between the figure and the standard: the side, and a figure-per-unit word the standard is of (`亩均`,
# `人均`), nothing else
SIDE = regex(r"\s*[，,]\s*(?P<side>" + "|".join((*AT_MOST, *ABOVE)) + r")(?P<per>[\u4e00-\u9fff]{0,2}均)?\s*$")
# what the second figure is: a standard or a limit it names right after it (`的控制标准`, `的上限`)
STANDARD = regex(r"\s*的?(?:控制|支出|补助|成本)?(?:标准|限额|上限|下限)")
KINDS = ("amount", "count", "percent")


@dataclass(frozen=True)
class Claim:
    figure: Quantity
    standard: Quantity
    side: str  # the words, as written
    holds: bool
    relabelled: str = ""  # the figure's number in the standard's unit, where that would make the words true


def standard_claims(ctx: CheckContext) -> Iterator[Claim]:
    """Each figure followed in its clause by a side and a standard it states (`A，低于 B 的标准`), both of one kind
    and unit, exact and unbounded; a standard per unit (`亩均`) only of a figure whose own label says so."""
    text = ctx.doc.text
    quantities = ctx.facts.quantities
    # (what a figure changed by, `较上年增长 Δ，多于 B 的限额`, is not the figure the standard is said of)
    changed = {id(mv.quantity) for c in ctx.facts.changes for mv in c.movements if mv.quantity is not None}
    for a, b in zip(quantities, quantities[1:]):
        if id(a) in changed:
            continue
        between = SIDE.match(text, a.end, b.start)
        if between is None or STANDARD.match(text, b.end) is None:
            continue
        if a.kind not in KINDS or a.kind != b.kind or a.base_unit != b.base_unit:
            continue
        if not (a.exact and b.exact) or a.bound or b.bound or a.per or b.per:
            continue
        per = between["per"]
        owner = ctx.index.mention_of(a)
        if per and (owner is None or per not in owner.label):
            continue  # (`总投资 A，低于亩均 B 的标准`: the standard is of another figure than A)
        side = between["side"]
        holds = _holds(side, ctx.interval(a), ctx.interval(b))
        yield Claim(a, b, side, holds, "" if holds else _relabelled(ctx, a, b, side))


def _relabelled(ctx: CheckContext, a: Quantity, b: Quantity, side: str) -> str:
    """The figure's number written in the standard's unit, where that would make the words true (a unit slip)."""
    if not (a.unit and b.unit and a.unit != b.unit and a.text.endswith(a.unit)):
        return ""
    moved = a.value * b.scale
    return a.text[: -len(a.unit)] + b.unit if _holds(side, (moved, moved), ctx.interval(b)) else ""


def _holds(side: str, a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal]) -> bool:
    """Do the figures, each over the interval its precision allows, leave the side the words state possible?"""
    if side in AT_MOST:
        return a[0] <= b[1]
    return a[1] >= b[0]  # (ABOVE)
