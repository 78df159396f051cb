"""Shares that leave their whole unsaid after one that names it, in one sentence of parts side by side:

    按用途分：棚户区改造 a，占新增专项债券的 p%；交通基础设施 b，占 q%；水利设施 c，占 r%。

q and r are of the whole p names (新增专项债券), the words left out as the list goes on. Read only where that whole was
found (links.share_bases), and each later part is a sibling of the first: of its context (scope, fund, stage,
period), not one of its parts (`其中`, `含`, a list the first part totals), and its share not what it is of the first
part (`收入 a，占全省的 p%；税收收入 t，占 q%`, q of a). Inferred, as the words are left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Mention, Share
from tieout.linter.facts.passes.base import Completed, gives_over, lists_by_total
from tieout.linter.facts.passes.links import mention_index
from tieout.linter.figures.intervals import HUNDRED
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# words between two parts that set the later one under the earlier (`其中`, `含`, `包括`), or make it another kind of
# figure than a sibling part (`同比`, `比上年`: a change's base; `上年`: last year's figure, of another whole)
NESTED = regex(r"其中|含|包括|中[，,：:]|同比|上年")


def carried_wholes(draft: Draft) -> Iterator[Completed]:
    """Each share naming no whole, after one of its sentence naming a whole found, completed with that whole."""
    owner = mention_index(draft)
    by_sentence: dict[int, list[Share]] = {}
    for s in draft.facts.shares:
        if s.part is not None:
            by_sentence.setdefault(s.sentence, []).append(s)
    for shares in by_sentence.values():
        if len(shares) >= 2 and any(s.base_label for s in shares):
            yield from _carried_in(draft, owner, sorted(shares, key=lambda s: s.stated.start))


def _carried_in(draft: Draft, owner: dict[int, Mention], shares: list[Share]) -> Iterator[Completed]:
    """The shares of one sentence, in order, each unnamed one after a named one taking that one's whole."""
    named: Share | None = None
    run: list[Share] = []
    for s in [*shares, None]:
        if s is None or s.base_label:
            if named is not None and run and _siblings(draft, owner, named, run):
                assert named.total is not None  # (a named share is kept only with its whole)
                yield from (Completed(x, replace(x, total=named.total, certain=False)) for x in run)
            named = s if s is not None and s.total is not None else None
            run = []
        elif named is not None and s.total is None and s.certain:
            run.append(s)
        else:
            named, run = None, []  # (a share of its own whole, or left open: the run ends)


def _siblings(draft: Draft, owner: dict[int, Mention], named: Share, run: list[Share]) -> bool:
    """Are the parts of the run the named share's part's siblings, each share of the named whole as written?"""
    first = owner.get(named.part.start) if named.part is not None else None
    total = named.total
    if first is None or total is None or named.part is None:
        return False
    text = draft.doc.text
    before = named.stated.end
    for s in run:
        assert s.part is not None  # (only shares with a part are read)
        part = owner.get(s.part.start)
        if part is None or part.identity.context != first.identity.context:
            return False
        if NESTED.search(text, before, s.part.start) or _listed_under(draft, first, part):
            return False
        if s.part.base_unit != total.base_unit or s.part.kind != total.kind:
            return False
        if s.part.base_value > total.base_value and s.stated.value <= HUNDRED:
            return False
        if _of_the_part(s, named.part.base_value):
            return False
        before = s.stated.end
    return True


def _listed_under(draft: Draft, first: Mention, part: Mention) -> bool:
    """Is the part listed under the first part (a list whose total the first is)? (The lists looked up by their
    total, `lists_by_total`: not every list walked for each part.)"""
    return any(any(p is part for p in b.parts) for b in lists_by_total(draft).get(id(first), []))


def _of_the_part(s: Share, first: Decimal) -> bool:
    """Is the share, to its last digit, the part over the first part (of which it may be meant)?"""
    assert s.part is not None
    return gives_over(s.stated, s.part, first)
