"""Bare shares whose whole the genre fixes: `授予中小企业合同金额 X 万元，占比 p%` in a 部门决算说明's 政府采购 part is X's
share of the procurement the part opens with (`政府采购支出合计 T 万元，分别为货物类 a、…`), as the template words it in
full (`占政府采购支出总额的 p%`). The figures named with a key of vocab relations.yaml `implied_wholes` are of the
total named with its value: the one such total the same section states before the figure, in its unit, no less than
it. Not a figure that names a smaller set within the key's (`小微企业`: the template's share is of the total, some
reports write it of the 中小企业 amount, and a bare one says neither). Inferred (warnings at most).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from tieout.linter.facts.passes.base import Completed
from tieout.linter.facts.passes.gates import IMPLIED, implied_held
from tieout.linter.facts.passes.links import mention_index
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft
    from tieout.linter.figures.quantities import Quantity

# a total's own word (`政府采购支出合计`, `政府采购支出总额`)
TOTAL_WORD = regex(r"合计|总额|总计|共计")


def implied_wholes(draft: Draft) -> Iterator[Completed]:
    """Each bare share of a figure named with a key of IMPLIED, given its whole (see the module)."""
    if not implied_held(draft):
        return
    owner = mention_index(draft)
    for s in draft.facts.shares:
        if s.part is None or s.total is not None or s.base_label or s.applied:
            continue
        m = owner.get(s.part.start)
        key = next((k for k in IMPLIED if m is not None and k in m.label), None)
        if m is None or key is None:
            continue
        whole = _total_before(draft, m.start, IMPLIED[key], s.part)
        if whole is not None:
            yield Completed(s, replace(s, total=whole, certain=False))


def _total_before(draft: Draft, at: int, word: str, part: Quantity) -> Quantity | None:
    """The one total named with `word` stated before `at` in its section, exact, in the part's unit, no less."""
    section = draft.doc.section_at(at)
    found = {
        q.base_value: q
        for m in draft.facts.mentions
        if m.start < at and word in m.label and TOTAL_WORD.search(m.label) and draft.doc.section_at(m.start) is section
        for q in m.quantities
        if q.kind == "amount" and q.exact and q.base_unit == part.base_unit and q.base_value >= part.base_value
    }
    return next(iter(found.values())) if len(found) == 1 else None
