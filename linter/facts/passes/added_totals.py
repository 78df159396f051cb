"""A total made of a figure stated before and the sums a sentence adds to it: `县本级基金预算收入 A。…` / `加上上级补助
收入 b、债务收入 c、上年结余 d，县本级基金收入总计 T` states T = A + b + c + d, A the item the total names
without its `总计` (`收入` of `收入总计`), of the same scope, fund, stage and period. The figure added to may be named
with no figure before `加上` (`全区基金预算支出，加上调出资金、还本支出等 V，支出总计 T`): its words must
name that item, in a context the total's agrees with.

Read only where nothing is left open: the sentence opens with `加上` (or the figure-less name, a comma, `加上`) and
lists exact sums of one unit, nothing else, then closes with the total as its last figure, named `…总计`, of a
context fully known; a `等` only right before a sum (`上年结转等 V`: V is what its words name, all of it), never after
one (`…d 等`: sums left unstated); the added-to figure is the one value the document states before the sentence for
that item in that context exactly (two values, the one restated wrongly somewhere: which is meant is not certain).
Inferred (warnings at most), as the added-to figure is stated elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Breakdown, Identity, Mention
from tieout.linter.facts.passes.base import exact_figure, exact_of
from tieout.linter.facts.passes.gates import additions_held
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft
    from tieout.linter.figures.context import Context

# the sentence opening with the words adding the sums (`加上`, `再加上`), after the added-to figure's name perhaps
ADDING = regex(r"\s*(?:(?P<name>[^，,；;。：:、\d（）()]{2,30})[，,]\s*)?(?:再)?加上")
# between two added sums, or the last one and the total: a separator, no word of more sums left unstated
BETWEEN = regex(r"[、，,]\s*")
TOTAL_WORD = "总计"
# a list said to hold more than it states (`…d 万元等`): its sum is not the total less the figure added to (a 等
# right before a sum, `上年结转等 V`, closes the words that sum is of)
MORE_UNSTATED = regex(r"等(?!\s*\d)")
MIN_ADDED = 1


def added_totals(draft: Draft) -> Iterator[Breakdown]:
    if not additions_held(draft):
        return
    text = draft.doc.text
    for si, mentions in draft.by_sentence.items():
        sentence = draft.doc.sentences[si]
        opening = ADDING.match(text, sentence.start) if len(mentions) > MIN_ADDED else None
        if opening is None or MORE_UNSTATED.search(text, sentence.start, mentions[-1].start):
            continue
        found = _added(draft, si, mentions, opening.group("name") or "")
        if found is not None:
            base, added, total = found
            yield Breakdown(total, [base, *added], "加上", True, si, inferred=True, certain=False)


def _added(draft: Draft, si: int, mentions: list[Mention], name: str) -> tuple[Mention, list[Mention], Mention] | None:
    """The figure added to, the sums added and the total, where the sentence states just these (`name`: the words
    naming the figure added to, before `加上`, if any)."""
    total, added = mentions[-1], mentions[:-1]
    t = exact_figure(total)
    item = total.identity.item
    if t is None or t.kind != "amount" or not item.endswith(TOTAL_WORD) or len(item) <= len(TOTAL_WORD):
        return None
    context = _context(draft, name, item.removesuffix(TOTAL_WORD), total) if name else total.identity.context
    if context is None or id(total) in draft.totals or not context.known() or total.identity.inferred:
        return None
    text = draft.doc.text
    for a, b in zip(mentions, mentions[1:]):
        q = exact_of(a, t.base_unit)
        if q is None or len(a.quantities) != 1 or not BETWEEN.match(text, q.end, b.start):
            return None
    base = _added_to(draft, si, total, Identity(item.removesuffix(TOTAL_WORD), context))
    return (base, added, total) if base is not None else None


def _added_to(draft: Draft, si: int, total: Mention, wanted: Identity) -> Mention | None:
    """The figure of the item and context `wanted` names stated before sentence `si`, where all such state one
    value (the first of them)."""
    unit = exact_figure(total)
    assert unit is not None  # (_added reads only totals with an exact sum)
    found = [
        m
        for k in range(si)
        for m in draft.by_sentence.get(k, [])
        if m.identity.item == wanted.item
        and not m.identity.inferred
        and m.identity.context == wanted.context
        and exact_of(m, unit.base_unit) is not None
    ]
    values = {q.base_value for m in found if (q := exact_of(m, unit.base_unit)) is not None}
    return found[0] if len(values) == 1 else None


def _context(draft: Draft, name: str, item: str, total: Mention) -> Context | None:
    """The context of the sentence's sums where the words before `加上` name the item added to (`全市国有资本经营预算
    收入，加上…，收入总计 T`): what they state of it, the rest the total's; None where they name another item or
    a context the total's contradicts."""
    named, said = draft.labeller.identify(name)
    if named != item or not said.agrees(total.identity.context):
        return None
    return said.under(total.identity.context)
