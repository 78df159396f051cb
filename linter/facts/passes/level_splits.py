"""Wholes listed by level: `新增债券 A 中，市级使用 a，区县级使用 b` lists all of A, as a jurisdiction's whole is its
own level and the levels below it (全市 = 市本级 + 县区, 全省 = 省本级 + 市县; vocab relations `level_splits`).

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

from tieout.linter.facts.model import Breakdown, Mention
from tieout.linter.facts.passes.base import Completed
from tieout.linter.figures.context import MIXED
from tieout.linter.vocab import load, words

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

LEVELS = 2  # a whole's own level and the levels below it


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
    or of no scope?"""
    scopes = [_scope(p) or "" for p in b.parts]
    for own, below in (scopes, scopes[::-1]):
        whole = _own_levels().get(own)
        # (a whole under a heading of both, `全市和市级预算执行情况`, states no scope of its own: MIXED)
        if whole is not None and below in _splits()[whole][1]:
            return _scope(b.total) in (None, MIXED, whole)
    return False


def _scope(m: Mention) -> str | None:
    return m.identity.context.scope
