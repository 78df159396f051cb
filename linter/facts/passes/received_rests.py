"""What is left of the funds received, the words saying so: `年末结余资金 U（到位资金减实际支出）`, `到位资金 R 扣除实际支出
后，年末结余 U`, `到位资金减去已支出数后结余 U`, `年末结余 U，为到位资金 R 与实际支出之差`. A 绩效评价 report states
what arrived of the project's funds and what was spent of it, then the rest, naming the two it is the difference
of (or naming the funds received alone, after what was spent: `累计支出 S，执行率 p%，到位资金结余 U`): U = R − S.

Read only where nothing is left open: the words name the funds received and what was spent as the rest's two
sides, right before it or in a bracket or clause right after it; the funds received are the figure those words
state, or else the one value of the figures named so before (passes/received_rates.py: under the rest's heading or
the one above, no list's part, no single source's); what was spent is the one figure named so (`实际支出 S`,
`累计支出 S`), no budget, stated before the rest in its sentence, or else in the sentence right before. Each figure
an exact amount of one unit. The sides are found by their names: inferred (`certain=False`, a finding a warning).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Balance, Mention
from tieout.linter.facts.passes.received_rates import named_spent, received_before
from tieout.linter.facts.passes.unspent import AMOUNT_TEXT
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

_LESS = r"(?:减|减去|扣除)(?:实际|已)?支出(?:数|部分|资金)?"
# the words naming the two sides before the rest (`到位资金 R 扣除实际支出后，年末结余`, `到位资金减去已支出数后结余`)
# — or the rest named by the funds received themselves, a clause of its own after what was spent (`累计支出 S，…，到位
# 资金结余 U`)
BEFORE = regex(
    rf"到位资金\s*(?P<r>{AMOUNT_TEXT})?\s*{_LESS}\s*后\s*[，,]?\s*(?:年末|年底|期末)?结余(?:资金)?(?:为)?\s*$"
    r"|[，,；;]\s*(?:年末|年底|期末)?到位资金结余(?:为)?\s*$"
)
# … or after it: in a bracket (`（到位资金减实际支出）`) or a clause (`，为到位资金 R 与实际支出之差`)
AFTER = regex(
    rf"\s*(?:[（(]\s*(?:为)?到位资金\s*{_LESS}\s*[）)]"
    rf"|[，,]\s*(?:为|系|即)到位资金\s*(?P<r>{AMOUNT_TEXT})?\s*与(?:实际|已)?支出(?:数)?之差)"
)
REST = regex(r"结余(?:资金)?(?:为)?\s*$")
SIDES = ("到位", "支出")


def received_rests(draft: Draft) -> Iterator[Balance]:
    doc = draft.doc
    if "到位资金" not in doc.text:
        return
    held = {id(b.balance) for b in draft.facts.balances}
    for si, mentions in draft.by_sentence.items():
        for m in mentions:
            q = m.quantities[0] if len(m.quantities) == 1 else None
            if q is None or q.kind != "amount" or not q.exact or id(q) in held or not REST.search(m.label):
                continue
            found = _sides(draft, si, m, q)
            if found is not None:
                yield Balance(found[0], found[1], q, si, certain=False, sides=SIDES)


def _sides(draft: Draft, si: int, m: Mention, q: Quantity) -> tuple[Quantity, Quantity] | None:
    """The funds received and what was spent the words name as the rest's sides (module doc)."""
    text = draft.doc.text
    sent = draft.doc.sentences[si]
    words = BEFORE.search(text, sent.start, q.start) or AFTER.match(text, q.end, sent.end)
    if words is None:
        return None
    spent = _spent(draft, si, q)
    if spent is None:
        return None
    if words["r"]:
        received = _stated(draft, si, words.start("r"), q)
    else:
        found = received_before(draft, q.start, si, spent)
        received = found[1] if found is not None else None
    if received is None or received.base_value < spent.base_value:
        return None
    return received, spent


def _stated(draft: Draft, si: int, at: int, rest: Quantity) -> Quantity | None:
    """The figure the words state at `at`, an exact amount of the rest's unit."""
    for m in draft.by_sentence.get(si) or []:
        for x in m.quantities:
            if x.start == at and x.kind == "amount" and x.exact and x.base_unit == rest.base_unit:
                return x
    return None


def _spent(draft: Draft, si: int, rest: Quantity) -> Quantity | None:
    """What was spent: the one figure named so before the rest in its sentence, else in the sentence right before."""
    for sj in (si, si - 1):
        found = [
            x
            for m in draft.by_sentence.get(sj) or []
            if named_spent(m)
            for x in m.quantities
            if x.kind == "amount" and x.base_unit == rest.base_unit and x.start < rest.start
        ]
        if found:
            return found[0] if len(found) == 1 and found[0].exact else None
    return None
