"""What a budget arranges from the funds available after a deduction: `可用财力 A；扣除上解支出 B 后，安排支出 C`
states C = A − B.

Read only where the sentence leaves nothing open: the funds available named as such (vocab `chain_total`), the
deduction right after them (`扣除 … B 后`), the spending arranged right after that (`后，安排 … 支出 C`), and no
other sum after it in the sentence (`安排支出 C、债务还本支出 D` would share A − B between two figures); every
figure an exact amount of one unit, of contexts that agree.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Breakdown, Mention
from tieout.linter.facts.passes.base import exact_figure, exact_of
from tieout.linter.facts.passes.gates import deductions_held
from tieout.linter.patterns import regex
from tieout.linter.vocab import relation_words as _alt

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

AVAILABLE = regex(f"(?:{_alt('chain_total')})$")
# the text from the funds available to the deduction's figure, and from the deduction to the spending's
DEDUCTED = regex(r"[；;，,]\s*扣除[^，,；;。：:、\d]*")
THEN_ARRANGED = regex(r"\s*后\s*[，,]?\s*安排[^，,；;。：:、\d]*支出")


def deductions(draft: Draft) -> Iterator[Breakdown]:
    if not deductions_held(draft):
        return  # (every deduction is written with 扣除, DEDUCTED: most documents hold none)
    for si, mentions in draft.by_sentence.items():
        money = [m for m in mentions if exact_figure(m) is not None]
        # (only the sentence's last three figures are read: `_deduction` is a test, the others' result unused)
        found = _deduction(draft, money[-3], money[-2], money[-1]) if len(money) >= 3 else None
        if found is not None:
            yield Breakdown(found[2], [found[0]], "扣除", True, si, minus=[found[1]])


def _deduction(draft: Draft, available: Mention, deducted: Mention, spent: Mention) -> tuple[Mention, ...] | None:
    """The three figures, when their words say the third is the first less the second."""
    a = exact_figure(available)
    if a is None or not AVAILABLE.search(available.identity.item or ""):
        return None
    b, c = exact_of(deducted, a.base_unit), exact_of(spent, a.base_unit)
    if b is None or c is None:
        return None
    text = draft.doc.text
    if not DEDUCTED.fullmatch(text, a.end, b.start) or not THEN_ARRANGED.fullmatch(text, b.end, c.start):
        return None
    ctx = available.identity.context
    if not (ctx.agrees(deducted.identity.context) and ctx.agrees(spent.identity.context)):
        return None
    return available, deducted, spent
