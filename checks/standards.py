"""A figure said to lie below or above a standard stated right after it (`亩均投入 A 元，低于亩均 B 元的控制标准`,
`失业率 r%，低于 t% 的控制目标`): the side the words state, against the two figures."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
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
# what the second figure is: a standard, a limit or a target it names right after it (`的控制标准`, `的上限`,
# `的控制目标`, `的年度目标`)
# the side words alone: a pair of figures with none between them is never a claim (`_pairs_with_side`)
SIDE_WORD = regex("|".join((*AT_MOST, *ABOVE)))
STANDARD = regex(r"\s*的?(?:(?:控制|支出|补助|成本)?(?:标准|限额|上限|下限)|(?:控制|年度|全年|预期)?(?P<target>目标))")
KINDS = ("amount", "count", "percent")


@dataclass(frozen=True)
class Claim:
    figure: Quantity
    standard: Quantity
    side: str  # the words, as written
    holds: bool
    relabelled: str = ""  # the figure's number in the standard's unit, where that would make the words true
    name: str = "标准"  # what the standard is called in a finding (目标 for a target)


def standard_claims(ctx: CheckContext) -> Iterator[Claim]:
    """Each figure followed in its clause by a side and a standard it states (`A，低于 B 的标准`), both of one kind
    and unit, exact and unbounded (the standard bounded by the side word itself: `低于 t%`); a standard per unit
    (`亩均`) only of a figure whose own label says so."""
    text = ctx.doc.text
    quantities = ctx.facts.quantities
    # (what a figure changed by, `较上年增长 Δ，多于 B 的限额`, is not the figure the standard is said of)
    changed = {id(mv.quantity) for c in ctx.facts.changes for mv in c.movements if mv.quantity is not None}
    # (a figure already read as a change against the standard, `低于 90% 的年度目标 4.67 个百分点`, or a balance
    # claimed within its limit, `余额 B，低于 L 的限额` (TO116), is told there)
    compared = {(id(c.current), id(c.base)) for c in ctx.facts.changes}
    compared |= {(id(lc.balance), id(lc.limit)) for lc in ctx.facts.limit_claims}
    for i in _pairs_with_side(text, quantities):
        a, b = quantities[i], quantities[i + 1]
        if id(a) in changed or (id(a), id(b)) in compared:
            continue
        between = SIDE.match(text, a.end, b.start)
        named = STANDARD.match(text, b.end) if between is not None else None
        if between is None or named is None:
            continue
        if not _comparable(a, b, between["side"]):
            continue
        per = between["per"]
        owner = ctx.index.mention_of(a)
        if per and (owner is None or per not in owner.label):
            continue  # (`总投资 A，低于亩均 B 的标准`: the standard is of another figure than A)
        side = between["side"]
        holds = _holds(side, ctx.interval(a), ctx.interval(b))
        name = "目标" if named["target"] else "标准"
        yield Claim(a, b, side, holds, "" if holds else _relabelled(ctx, a, b, side), name)


def _pairs_with_side(text: str, quantities: list[Quantity]) -> Iterable[int]:
    """The pairs of figures next to each other (the index of the first) that have a side word between them, in
    order: `SIDE` matches no other pair, as it spans the words from the first figure's end to the second's start.
    One scan of the text for the side words, each placed between the two figures around it by bisection, where
    `SIDE` was tried after each of a report's hundred thousand figures; the figures are in the order of the text
    (as `extract` gives them: a list out of order has every pair tried)."""
    starts = [q.start for q in quantities]
    if any(x > y for x, y in zip(starts, starts[1:])):
        return range(len(quantities) - 1)
    found: list[int] = []
    for w in SIDE_WORD.finditer(text):
        # (the last figure starting at or before the word: no pair but it and the next can hold the word between)
        i = bisect_right(starts, w.start()) - 1
        if 0 <= i < len(quantities) - 1 and quantities[i].end <= w.start() and (not found or found[-1] != i):
            found.append(i)
    return found


def _comparable(a: Quantity, b: Quantity, side: str) -> bool:
    """A figure and a standard of one kind and unit, each as stated; the standard may be read as bounded by the
    very side word before it (`低于 5.5% 的控制目标`: the bound is the claim's, not the standard's)."""
    if a.kind not in KINDS or a.kind != b.kind or a.base_unit != b.base_unit:
        return False
    stated = b.exact or (b.bound == side and not b.approx)
    return a.exact and stated and not (a.bound or a.per or b.per)


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
