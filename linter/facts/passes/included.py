"""What a whole and its part each include, stated in brackets after them (`转贷债券 320.0 亿元（含再融资债券 150 亿元），
其中本级 80.0 亿元（含再融资债券 45.5 亿元）`): the part's share of the included item is part of the whole's, so the
part's figure of it can be no more than the whole's (a breakdown of one part, not a complete one).

Read only where the whole and the part are a breakdown's (`其中`), each figure has one bracket right after it that
opens with `含` (or 包含, 包括, 其中: vocab relations included) and names the same item, of the same unit."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Breakdown, Mention
from tieout.linter.facts.passes.base import exact_figure
from tieout.linter.figures.labels import INCLUDED_WORDS
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# a bracket opening right after a figure with 含 (a word of vocab relations `included`, as labels' INCLUDED reads a
# part's label) and the item it includes (`（含再融资债券`)
INCLUDES = regex(rf"\s*[（(]\s*{INCLUDED_WORDS}\s*(?P<item>[\u4e00-\u9fff“”]{{2,16}}?)\s*$")


def included(draft: Draft) -> Iterator[Breakdown]:
    """Each 其中 breakdown of one part whose whole and part both state, in brackets, what they include of one item."""
    for b in list(draft.facts.breakdowns):
        if b.exhaustive or "其中" not in b.keyword or len(b.parts) != 1:
            continue
        whole, part = _included(draft, b.total), _included(draft, b.parts[0])
        if whole is None or part is None or whole[0] != part[0]:
            continue
        (_, w), (_, p) = whole, part
        qw, qp = exact_figure(w), exact_figure(p)
        if qw is not None and qp is not None and qw.base_unit == qp.base_unit:
            yield Breakdown(w, [p], "其中", False, b.sentence)


def _included(draft: Draft, m: Mention) -> tuple[str, Mention] | None:
    """The mention right after `m` in its sentence, when a bracket opening with 含 holds it, and the item it names."""
    q = exact_figure(m)
    if q is None:
        return None
    after = [x for x in draft.by_sentence.get(m.sentence, []) if x.quantities and x.quantities[0].start >= q.end]
    if not after:
        return None
    nxt = min(after, key=lambda x: x.quantities[0].start)
    said = INCLUDES.match(draft.doc.text[q.end : nxt.quantities[0].start])
    return (said.group("item"), nxt) if said else None
