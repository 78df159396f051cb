"""A queryable index of one document's facts, built once: the mention a figure belongs to, the mentions of
one identity or sentence, the restatement a figure is part of, and the value a unit slip corrects it to."""

from __future__ import annotations

from bisect import bisect_left
from decimal import Decimal

from tieout.linter.facts.model import Facts, Identity, Mention, Restatement, UnitSlip
from tieout.linter.figures.quantities import Quantity


class FactIndex:
    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self._owner: dict[int, Mention] = {}
        self._by_identity: dict[tuple, list[Mention]] = {}
        self._by_sentence: dict[int, list[Mention]] = {}
        for m in facts.mentions:
            for q in m.quantities:
                self._owner[q.start] = m
            self._by_sentence.setdefault(m.sentence, []).append(m)
            if m.identity.complete():
                self._by_identity.setdefault(m.identity.key(), []).append(m)
        self._slips: dict[int, UnitSlip] = {s.figure.start: s for s in facts.unit_slips}
        self._ordered: list[Quantity] = []  # the figures by their start, and the starts, built when first asked
        self._starts: list[int] | None = None
        self._restated: dict[int, Restatement] = {}
        for r in facts.restatements:
            for _, q in r.figures:
                self._restated[q.start] = r

    def mention_of(self, q: Quantity) -> Mention | None:
        return self._owner.get(q.start)

    def mentions_of(self, identity: Identity) -> list[Mention]:
        """The mentions of one complete identity (empty for an incomplete one)."""
        return self._by_identity.get(identity.key(), []) if identity.complete() else []

    def in_sentence(self, sentence: int) -> list[Mention]:
        return self._by_sentence.get(sentence, [])

    def between(self, start: int, end: int) -> list[Quantity]:
        """The figures that start in [start, end), in order: a span's figures without a scan of the document's."""
        if self._starts is None:
            self._ordered = sorted(self.facts.quantities, key=lambda q: q.start)  # (extracted in order: a copy)
            self._starts = [q.start for q in self._ordered]
        return self._ordered[bisect_left(self._starts, start) : bisect_left(self._starts, end)]

    def restatement_of(self, q: Quantity) -> Restatement | None:
        return self._restated.get(q.start)

    def unit_slip_of(self, q: Quantity) -> UnitSlip | None:
        return self._slips.get(q.start)

    def value(self, q: Quantity) -> Decimal:
        """A figure's base value, read in the unit a unit slip says it was meant in."""
        slip = self._slips.get(q.start)
        return slip.value if slip is not None else q.base_value
