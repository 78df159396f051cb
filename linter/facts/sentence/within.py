"""Entries of a list named as within one of its parts (`总数 A，其中：甲 a；乙 b，乙中丙 c；丁 d`): c is a part of b,
not another item of the list beside a, b and d, and the list's items are a, b and d.

The entry says so by its name: the name of a part listed before it, then 中, 里 or 内, then its own (`乙中丙`,
`其中乙中丙`, `乙里丙`), or those words standing before it (`乙中，丙 c`); or, set off by a comma alone right after
a part, it opens with 含 (`乙 b，含丙 c`), a note on what that part includes as a bracket would be; or the words
right after its figures name the part it is included in (`丙 c，包含在乙中`; naming an item the list does not
list, it is read as neither); or it names a kind within the part's (`中小企业 b，小微企业 c`). One naming the kind the
part right before it is within (`核心一级资本 b、一级资本 c`) is read as neither. An entry joined to
such a one by 、 (`乙中丙 c、戊 e`) is within the same part. One set off by a comma in a list whose items a semicolon
parts (`乙中丙 c，戊 e；丁 d`) may be the part's or the list's: which is not said, and it is read as neither (no
relation is checked with it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tieout.linter.facts.definitions import NAME_OPENING, nested_kind
from tieout.linter.facts.model import Mention
from tieout.linter.parse.sentences import _Entry
from tieout.linter.patterns import regex
from tieout.linter.vocab import alternation, words

# the words after a part's name that place what follows within it
WITHIN = "中里内"
# words opening with one of them that say nothing of within (`教育中心`, `农村中小学`, `城市内涝`, `公路里程`)
NOT_WITHIN = regex(
    r"中(?:心|央|小|期|等|学|医|级|型|间|标|长|华|国|部|外|高|层|转|介|止|断|直|文)|内(?:容|设|部|控|审|涝|河|外|陆)"
    r"|里(?:程)"
)
# an entry set off after a part by a comma and opening with what the part includes (`乙 b，含丙 c`): a note on the
# part, as a bracket would be (`乙 b（含丙 c）`), not a word of another measure (`含量`, `含金量`)
_INCLUSION = alternation(words("relations", "inclusion_notes"))  # (`含`, `包含`, `包括`)
INCLUDING = regex(rf"^(?:{_INCLUSION})(?!量|金量)")
# words right after an entry's figures placing it within a part they name (`丙 c，含在乙中`, `丙 c（已包含在乙内）`)
# (not `丙 c，包括丁在内`: what c holds)
INCLUDED_IN = regex(
    rf"[，,（(]\s*(?:已|均)?(?:(?:{_INCLUSION})在|计入)(?P<name>[^，,、；;。：:（）()\s]{{2,30}}?)(?:之?中|内|里)"
)
SEMICOLONS = ("；", ";")


def _name(label: str) -> str:
    """A part's or an entry's name, without the separators and the `其中` before it or the separators after it."""
    return NAME_OPENING.sub("", label).rstrip(" ，,、；;：:")


def _named_within(label: str, named: str, parts: list[Mention]) -> Mention | None:
    """The part an entry's words name it as within (`乙中丙`, or `乙中，` standing before it), if any."""
    lead = _name(named)
    if len(lead) >= 3 and lead[-1] in WITHIN:
        return next((m for m in reversed(parts) if _name(m.label) == lead[:-1]), None)
    own = _name(label)
    for m in reversed(parts):
        name = _name(m.label)
        k = len(name)
        if k >= 2 and len(own) > k + 1 and own.startswith(name) and own[k] in WITHIN and not NOT_WITHIN.match(own, k):
            return m
    return None


def _of_wider_kind(p: _Entry, parts: list[Mention]) -> Mention | None:
    """The part right before the entry, where the entry names a kind within the part's (`中小企业 a，小微企业 b`)."""
    return parts[-1] if parts and nested_kind(p.label, parts[-1].label) else None


def _holds_the_one_before(p: _Entry, parts: list[Mention]) -> bool:
    """Does the entry name a kind the part right before it is within (`核心一级资本 a、一级资本 b`: a is within b)?
    Then the two are no parts side by side; the list does not say which of its items the wider one is."""
    return bool(parts) and nested_kind(parts[-1].label, p.label)


def _end(p: _Entry) -> int:
    """Where an entry's figures end, its share with them."""
    return max(q.end for q in [*p.qs, *([p.share] if p.share is not None else [])])


@dataclass(slots=True)
class Within:
    """The entries of one list read as within its parts, as the list is read in order: `text` the document's, `said`
    the list's sentence (whether a semicolon parts its items)."""

    text: str
    said: str
    found: list[tuple[Mention, list[Mention]]] = field(default_factory=list)
    open: Mention | None = None  # the part the last entry read was within
    end: int = 0  # where that entry's figures end

    def place(self, p: _Entry, named: str, parts: list[Mention]) -> tuple[bool, Mention | None]:
        """(is the entry no item of the list, the part it is within): (False, None) for an item of the list, (True,
        part) for one within a part, (True, None) for one that may be either."""
        if not p.qs:
            return False, None
        owner = _named_within(p.label, named, parts) or self._noted_on(p, parts) or _of_wider_kind(p, parts)
        if owner is None and _holds_the_one_before(p, parts):
            self.open = None  # `核心一级资本 a、一级资本 b`: b holds a, and is read as neither the list's item nor a's
            return True, None
        if owner is None and (said := INCLUDED_IN.match(self.text, _end(p))) is not None:
            # `丙 c（已包含在乙中）`: within the part so named; within another item the list does not name, no item
            # of the list either, and whose part it is not said
            owner = next((m for m in reversed(parts) if _name(m.label) == said.group("name")), None)
            if owner is None:
                self.open = None
                return True, None
        if owner is None and self.open is not None:
            gap = self.text[self.end : p.qs[0].start]
            if gap.lstrip()[:1] == "、":
                owner = self.open  # `乙中丙 c、戊 e`: one run within the part
            elif not any(s in gap for s in SEMICOLONS) and any(s in self.said for s in SEMICOLONS):
                self.end = _end(p)  # `乙中丙 c，戊 e；丁 d`: the part's or the list's, not said
                return True, None
        if owner is None:
            self.open = None
            return False, None
        self.open, self.end = owner, _end(p)
        return True, owner

    def _noted_on(self, p: _Entry, parts: list[Mention]) -> Mention | None:
        """The part an entry notes the inclusion in, set off right after it by a comma alone (`乙 b，含丙 c`)."""
        if not (parts and parts[-1].quantities and INCLUDING.match(p.label)):
            return None
        start = p.qs[0].start - len(p.label)
        return parts[-1] if self.text[parts[-1].quantities[-1].end : start].strip() in ("，", ",") else None

    def add(self, owner: Mention, m: Mention) -> None:
        """The entry's mention, within the part."""
        run = next((run for part, run in self.found if part is owner), None)
        if run is None:
            self.found.append((owner, [m]))
        else:
            run.append(m)
