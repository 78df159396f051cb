"""What the linking passes share: the completed-relation wrapper and small lookups over the draft."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tieout.linter.facts.model import Mention
from tieout.linter.figures.quantities import Quantity

if TYPE_CHECKING:
    from tieout.linter.facts.build import Draft


@dataclass(slots=True, eq=False)
class Completed:
    """A relation a pass completed: `replacement` stands where `original` stood."""

    original: Any
    replacement: Any


def by_paragraph(draft: Draft) -> dict[int, list[Mention]]:
    out: dict[int, list[Mention]] = {}
    for m in draft.facts.mentions:
        out.setdefault(m.paragraph, []).append(m)
    return out


def same_section(draft: Draft, a: int, b: int) -> bool:
    """Do two offsets stand under the same heading?"""
    return draft.doc.section_at(a) is draft.doc.section_at(b)


def exact_of(m: Mention, unit: str) -> Quantity | None:
    q = m.of_unit(unit)
    return q if q is not None and q.exact else None


def figures(mentions: list[Mention], kinds: tuple[str, ...] = ("amount", "count")) -> Iterator[Quantity]:
    for m in mentions:
        yield from (q for q in m.quantities if q.kind in kinds)
