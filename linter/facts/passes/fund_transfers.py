"""Money one fund hands to the general budget, stated on both sides: the general budget's `从国有资本经营预算调入 B`
(what it brought in from that fund) and that fund's own `调出资金 B'` (what it handed over), of one level, stage
and year, are one sum (B = B'). The fund that gives and the fund that receives are each named by the figures'
identities, never guessed: the giving fund's words in the item brought in, the receiving fund the general budget.
Inferred (`certain=False`): a finding is a warning.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Breakdown, Mention
from tieout.linter.facts.passes.base import PLACE_FIELDS, exact_figure
from tieout.linter.figures.context import read
from tieout.linter.patterns import regex
from tieout.linter.vocab import alternation, load, words

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

_VOCAB = load("relations").get("fund_transfers") or {}
# the fund that receives what the others hand over (their 调出资金 is its 调入资金)
RECEIVER = str(_VOCAB.get("receiver") or "")
# the item of the receiver's figure brought in from one named fund (`从国有资本经营预算调入`)
BROUGHT_IN = regex(r"^从(?P<fund>[\u4e00-\u9fff]{2,12}?)调入(?:资金)?$")
# the items of a giving fund's own figure of what it handed over (`调出资金`)
HANDED_OVER = frozenset(str(w) for w in _VOCAB.get("handed_over") or [])
# the manner a giving fund's prose may put before what it handed over (`按规定调出 B`, `全额调出 B`): no other money
MANNER = regex(f"^(?:{alternation(words('relations', 'destination_adverbs'))})")


def fund_transfers(draft: Draft) -> Iterator[Breakdown]:
    """Each figure the general budget brought in from a named fund, with the one value that fund states it handed
    over in the same level, stage and year (one Breakdown: the handed-over figure and the brought-in one as equal)."""
    if not RECEIVER or not HANDED_OVER:
        return
    given = [m for m in draft.facts.mentions if _handed_over(m.identity.item) and exact_figure(m) is not None]
    if not given:
        return
    for m in draft.facts.mentions:
        fund = _giving_fund(m)
        if fund is None or (q := exact_figure(m)) is None:
            continue
        same = [g for g in given if g.identity.context.fund == fund and _same_place(g, m)]
        values = {v.base_value for g in same if (v := exact_figure(g)) is not None and v.base_unit == q.base_unit}
        if len(values) != 1:
            continue  # (none stated, or two: which of them the other side meant is not said)
        yield Breakdown(same[0], [m], "", True, m.sentence, inferred=True, certain=False, sides=True)


def _handed_over(item: str) -> bool:
    """Does the item name what a fund handed over (`调出资金`, `按规定调出`), a manner before it aside?"""
    return item in HANDED_OVER or MANNER.sub("", item) in HANDED_OVER


def _giving_fund(m: Mention) -> str | None:
    """The fund a receiver's figure names as the one it brought the money in from (`从政府性基金预算调入 B` of the
    general budget: 政府性基金预算), where its own fund, level, stage and year are known; None otherwise."""
    ctx = m.identity.context
    if ctx.fund != RECEIVER or any(getattr(ctx, f) is None for f in PLACE_FIELDS):
        return None
    named = BROUGHT_IN.match(m.identity.item)
    if named is None:
        return None
    fund = read(named.group("fund")).context.fund
    return fund if fund not in (None, RECEIVER) else None


def _same_place(a: Mention, b: Mention) -> bool:
    """Are the two figures of one level, stage and year, each stated?"""
    ca, cb = a.identity.context, b.identity.context
    return all(getattr(ca, f) is not None and getattr(ca, f) == getattr(cb, f) for f in PLACE_FIELDS)
