"""Execution rates the writer says are taken over the funds received, not over the budget: `全年实际支出 S，资金执行率
r%（按到位数计算）`, `项目累计支出 S，预算执行率 r%（按实际到位资金计算）`. A 绩效评价 report that states what arrived of
the project's funds (`项目资金实际到位 R`) often measures what was spent against that, and says so in a bracket
right after the rate: r = S / R.

Read only where nothing is left open: the bracket names the funds received as the basis, right after the rate;
the rate's one operand is an exact amount named as spent; the funds received are the figures named so (`到位`)
stated before the rate's sentence under its heading or the one above it (`（一）资金到位` beside `（二）资金支出`),
no part of a list nor named for one source (`中央资金到位 a`, `县级配套资金到位 b`), all of one value (a restatement of it is the same
figure), not less than what was spent. The base is found by its name in another sentence: inferred (`certain=False`,
a finding a warning).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Mention, Rate
from tieout.linter.facts.passes.base import ARRIVED, Completed
from tieout.linter.facts.passes.unspent import EXECUTION_RATE
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex
from tieout.linter.vocab import relation_words

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# the bracket right after the rate naming the funds received as its basis (`（按到位数计算）`, `（按实际到位资金计算）`,
# `（以到位资金为基数计算）`)
RECEIVED_BASIS = regex(r"\s*[（(]\s*(?:按|以)\s*(?:实际)?到位(?:资金|数|金额)?(?:数)?\s*(?:为基数)?\s*计算\s*[）)]")
# what is still to arrive or was due (`尚有 a 未到位`, `应到位 b`): no funds received
NOT_RECEIVED = regex(r"未到位|应到位|待到位")
# one source's funds received (`县级配套资金到位 a`, `中央资金到位 b`): vocab relations.yaml fund_sources
SOURCE = regex(f"(?:{relation_words('fund_sources')})")
SPENT = regex(r"支出|使用")
BUDGET = regex(r"预算|计划|安排")


def received_rates(draft: Draft) -> Iterator[Completed]:
    if "到位" not in draft.doc.text:
        return
    for r in draft.facts.rates:
        if not EXECUTION_RATE.search(r.name) or r.formula is not None or not r.stated.exact:
            continue
        if not RECEIVED_BASIS.match(draft.doc.text, r.stated.end):
            continue
        spent = _spent(draft, r)
        if spent is None:
            continue
        base = received_before(draft, r.stated.start, r.sentence, spent[1])
        if base is None:
            continue
        yield Completed(
            r, replace(r, operands=[spent[1], base[1]], labels=[spent[0].key, base[0].key], ordered=True, certain=False)
        )


def _spent(draft: Draft, r: Rate) -> tuple[Mention, Quantity] | None:
    """The rate's one operand, an exact amount named as spent (and not as a budget, nor as funds received)."""
    if len(r.operands) != 1 or (q := r.operands[0]).kind != "amount" or not q.exact:
        return None
    owner = next((m for m in draft.by_sentence.get(r.sentence) or [] if any(x is q for x in m.quantities)), None)
    return (owner, q) if owner is not None and named_spent(owner) else None


def named_spent(m: Mention) -> bool:
    """Is the figure named as spent, and not as a budget nor as funds received?"""
    return bool(SPENT.search(m.label)) and not BUDGET.search(m.label) and not ARRIVED.search(m.label)


def received_before(draft: Draft, at: int, sentence: int, spent: Quantity) -> tuple[Mention, Quantity] | None:
    """The funds received (module doc) for a figure at `at` in `sentence`: the one value of the figures so named before
    that sentence, under its heading or the heading above it (everything from that heading's start on stands under
    it), of what was spent's unit and not less than it."""
    doc = draft.doc
    section = doc.section_at(at)
    scope = section.parent if section is not None and section.parent is not None else section
    if scope is None:
        return None  # (no heading: the whole text before the figure is no scope to name one figure in)
    found: list[tuple[Mention, Quantity]] = []
    for si in range(sentence - 1, -1, -1):
        if doc.sentences[si].end <= scope.start:
            break
        for m in draft.by_sentence.get(si) or []:
            if m.start < scope.start or not ARRIVED.search(m.label) or NOT_RECEIVED.search(m.label):
                continue
            if not draft.is_part(m) and not SOURCE.search(m.label):
                found.extend((m, q) for q in m.quantities if q.kind == "amount" and q.base_unit == spent.base_unit)
    if not found or not all(q.exact for _, q in found) or len({q.base_value for _, q in found}) != 1:
        return None
    m, q = found[-1]
    return (m, q) if q.base_value >= spent.base_value else None
