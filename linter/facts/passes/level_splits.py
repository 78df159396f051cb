"""Wholes listed by level: `新增债券 A 中，市级使用 a，区县级使用 b` lists all of A, as a jurisdiction's whole is its
own level and the levels below it (全市 = 市本级 + 县区, 全省 = 省本级 + 市县; vocab relations `level_splits`), and so
does a pair of the two levels' figures stated after the whole's (`全市政府债务余额 A，其中…；市级政府债务余额 a，县区政府
债务余额 b`; `分级次看，市本级地方收入 a，县市区地方收入 b`).

A list opened by `其中` or `中` may leave parts out; one whose two parts are the two levels of the whole's
jurisdiction leaves nothing out, and is complete. Read only where the list names those two levels and no other
figure, the whole is of that jurisdiction or states no scope, and nothing says a part is left aside: not a limit's
(a part may stay to allocate, 待分配), nor a level named with what it leaves out (`市级（不含高新区）`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Breakdown, Identity, Mention
from tieout.linter.facts.passes.base import Completed, by_paragraph, foots, lists_by_total
from tieout.linter.figures.context import MIXED
from tieout.linter.patterns import regex
from tieout.linter.vocab import load, words

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

LEVELS = 2  # a whole's own level and the levels below it
# what a total's name adds to its item (`政府债务余额合计` is the 政府债务余额 its levels' add up to)
TOTAL_TAIL = regex(r"(?:合计|总额)$")
LEVEL_KEYWORD = "分级"  # the keyword of a whole and its levels stated apart


@lru_cache(maxsize=1)
def _splits() -> dict[str, tuple[str, frozenset[str]]]:
    """Each whole's scope: the scope of its own level and those of its levels below."""
    table = load("relations").get("level_splits") or {}
    return {str(k): (str(v["own"]), frozenset(str(b) for b in v["below"])) for k, v in table.items()}


@lru_cache(maxsize=1)
def _own_levels() -> dict[str, str]:
    """The whole's scope each own level is of (市本级 → 全市)."""
    return {own: whole for whole, (own, _) in _splits().items()}


def level_splits(draft: Draft) -> Iterator[Completed]:
    """Each partial list whose two parts are the two levels of its whole's jurisdiction, made complete."""
    refused = tuple(words("relations", "level_split_refused"))
    for b in draft.facts.breakdowns:
        if b.exhaustive or b.minus or len(b.parts) != LEVELS or not _by_level(b):
            continue
        if _refused(draft, b, refused):
            continue
        yield Completed(b, replace(b, exhaustive=True))


def _refused(draft: Draft, b: Breakdown, refused: tuple[str, ...]) -> bool:
    """Does the list's text, from its first figure to its last, or the whole's name, say a part is left aside?"""
    figures = [q for m in (b.total, *b.parts) for q in m.quantities]
    span = draft.doc.text[min(q.start for q in figures) : max(q.end for q in figures)]
    return any(w in span or w in b.total.label for w in refused)


def _by_level(b: Breakdown) -> bool:
    """Are the parts the whole's own level and its levels below (in either order), the whole of their jurisdiction
    or of no scope? (A whole under a heading of both, `全市和市级预算执行情况`, states no scope of its own: MIXED.)"""
    whole = _jurisdiction(b.parts[0], b.parts[1])
    return whole is not None and _scope(b.total) in (None, MIXED, whole)


def _jurisdiction(a: Mention, b: Mention) -> str | None:
    """The scope of the whole two figures are the levels of (全市 for 市本级 and 县区, in either order), if they are."""
    for own, below in ((_scope(a), _scope(b)), (_scope(b), _scope(a))):
        whole = _own_levels().get(own or "")
        if whole is not None and below in _splits()[whole][1]:
            return whole
    return None


def _scope(m: Mention) -> str | None:
    return m.identity.context.scope


def level_wholes(draft: Draft) -> Iterator[Breakdown]:
    """`全市政府债务余额 A…；市级政府债务余额 a，县区政府债务余额 b`: two figures of one item, fund, stage, year and
    heading, right after each other in one sentence, the one of the whole's own level and the other of its levels
    below, and before them in their paragraph one figure of that item for the whole jurisdiction: the two add up to it.
    Read from two sentences' words, not a list's: inferred (a finding on it is a warning)."""
    refused = tuple(words("relations", "level_split_refused"))
    listed = {id(p) for b in draft.facts.breakdowns for p in b.parts}
    for mentions in by_paragraph(draft).values():
        for k in range(1, len(mentions) - 1):
            a, b = mentions[k], mentions[k + 1]
            if id(a) in listed or id(b) in listed or a.sentence != b.sentence:
                continue
            found = _stated_whole(draft, mentions[:k], a, b, refused)
            if found is not None:
                listed.update((id(a), id(b)))
                yield Breakdown(found, [a, b], LEVEL_KEYWORD, True, a.sentence, certain=False)


def _stated_whole(
    draft: Draft, before: list[Mention], a: Mention, b: Mention, refused: tuple[str, ...]
) -> Mention | None:
    """The one figure of the whole jurisdiction the pair `a`, `b` is of, stated before them in their paragraph."""
    whole = _jurisdiction(a, b)
    if whole is None or not _alike(a.identity, b.identity):
        return None
    span = draft.doc.text[a.start : b.quantities[-1].end]
    if any(w in span or w in a.label or w in b.label for w in refused):
        return None
    unit = a.quantities[0].base_unit
    found = [
        m
        for m in before
        if _scope(m) == whole
        and _whole_of(m.identity, a.identity)
        and any(q.base_unit == unit for q in m.quantities)
        and not any(w in m.label for w in refused)
    ]
    values = {q.value for m in found for q in m.quantities if q.base_unit == unit}
    if len(values) != 1 or _left_partial(draft, found[-1], unit):
        return None
    return found[-1]


def _left_partial(draft: Draft, whole: Mention, unit: str) -> bool:
    """Does a list under the whole, stated before the pair, leave it short (`A。其中，一般债务余额 a。`, a alone)? The
    pair after it may then divide what the list named, not the whole: which one is not said."""
    total = next((q for q in whole.quantities if q.base_unit == unit), None)
    if total is None:
        return False
    for b in lists_by_total(draft).get(id(whole), []):
        if b.minus:
            continue
        parts = [q for p in b.parts if (q := p.of_unit(unit)) is not None]
        if len(parts) != len(b.parts) or not foots(total, parts):
            return True
    return False


def _whole_of(whole: Identity, part: Identity) -> bool:
    """Is `whole` of the part's item and heading, its fund, stage and year agreeing with the part's (the part's
    sentence, after the whole's, may leave the fund and year it said unsaid)?"""
    return (
        TOTAL_TAIL.sub("", whole.item) == TOTAL_TAIL.sub("", part.item)
        and whole.subject == part.subject
        and replace(whole.context, scope=None).agrees(part.context)
    )


def _alike(x: Identity, y: Identity) -> bool:
    """One item (a total's name `合计` off), fund, stage, year and heading (none of them mixed): the levels differ
    only."""
    cx, cy = x.context, y.context
    return (
        bool(x.item)
        and TOTAL_TAIL.sub("", x.item) == TOTAL_TAIL.sub("", y.item)
        and x.subject == y.subject
        and MIXED not in (cx.stage, cx.period)
        and (cx.fund, cx.stage, cx.period) == (cy.fund, cy.stage, cy.period)
    )
