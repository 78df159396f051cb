"""A division whose shares name the whole it divides, stated earlier in the section:

    项目全年支出 T。…按资金用途分，设备购置 a，占全年支出的 p%；人员培训 b，占 q%；场地租赁 c。

The sentence opens with the dimension it divides by (`按…分`), and its parts' shares name their whole (share_bases
found it by those words, carried_shares carried it to the shares that leave it unsaid): the parts are that whole's
division, whatever the sentence before it ends with (the whole is named, not guessed from the order of the text).

Read only with certainty: every share of the list is of the one whole found, stated before the list in its section
and larger than each part; every other figure of the sentence is a part (an amount of the whole's unit, none a part
or a total of another list, none in brackets); the list names no kinds only (`主要`, `等`, `包括`, `其中`). Inferred:
the whole is found by its name.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Breakdown, Mention, Share
from tieout.linter.facts.passes.base import exact_figure, exact_of, in_brackets, same_section
from tieout.linter.facts.passes.dimension_splits import SOME_KINDS
from tieout.linter.facts.passes.links import mention_index
from tieout.linter.facts.passes.list_terms import DIMENSION

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft


def shared_dimensions(draft: Draft) -> Iterator[Breakdown]:
    """Each `按…分` list whose shares name one whole found before it: a breakdown of that whole."""
    doc = draft.doc
    owner = mention_index(draft)
    by_sentence: dict[int, list[Share]] = {}
    for s in draft.facts.shares:
        if s.part is not None and s.total is not None:
            by_sentence.setdefault(s.sentence, []).append(s)
    for si, shares in by_sentence.items():
        sentence = doc.sentences[si]
        text = doc.text[sentence.start : sentence.end]
        if not DIMENSION.match(text) or SOME_KINDS.search(text):
            continue
        whole = _one_whole(shares, owner)
        parts = _parts(draft, si, whole) if whole is not None else None
        if whole is not None and parts is not None:
            yield Breakdown(whole, parts, "按…分", True, si, certain=False)


def _one_whole(shares: list[Share], owner: dict[int, Mention]) -> Mention | None:
    """The mention of the one whole every share of the sentence is of."""
    starts = {s.total.start for s in shares if s.total is not None}
    return owner.get(next(iter(starts))) if len(starts) == 1 else None


def _parts(draft: Draft, si: int, whole: Mention) -> list[Mention] | None:
    """The sentence's figures as the whole's parts: two or more, every figure of the sentence in the whole's unit,
    each an amount smaller than the whole, no part or total of another list, none in brackets; the whole stated
    before them in their section, a part of no list itself. None where any of this fails."""
    q = exact_figure(whole)
    mentions = draft.by_sentence.get(si) or []
    if q is None or q.kind != "amount" or draft.is_part(whole) or not mentions:
        return None
    if whole.start >= mentions[0].start or not same_section(draft, whole.start, mentions[0].start):
        return None
    parts = [m for m in mentions if any(x.kind == "amount" for x in m.quantities)]
    figures = [exact_of(m, q.base_unit) for m in parts]
    if len(parts) < 2 or any(x is None or x.base_value >= q.base_value for x in figures):
        return None
    if any(draft.is_part(m) or id(m) in draft.totals or in_brackets(draft, si, m.start) for m in parts):
        return None
    return parts
