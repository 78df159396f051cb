"""A move stated by its two ends and then by its size under a word of its own: `人均纯收入由上年的 A 元提高到 B 元，
人均增收 C 元，增幅 p%` states C = B − A (and p = C / A).

The grammar reads a change's size after a direction word (`增加 C`, `增长 p%`); a size named by a word that is an
item of its own (`增收`, `人均增收`) is read as a figure, and a rate after it (`增幅 p%`) as its change. Here the
figure named so right after the move's later end, its comma alone between them, is taken as the move's size: the
change is the move's (its earlier end the base, its later the current), its movements the size and what the
sentence said of the figure (`增幅 p%`). Only a size in the unit of measure of the ends is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Change, FromTo, Movement
from tieout.linter.facts.passes.base import Completed
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex
from tieout.linter.vocab import alternation, load

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# the words naming a move's size as a figure (vocab relations.moved_by: `增收`, `减收`), each with its direction
MOVED_BY: dict[str, str] = {str(k): str(v) for k, v in (load("relations").get("moved_by") or {}).items()}
# what stands between the move's later end and its size: a comma, then the word, after whom it is per (`人均`,
# `户均`) or nothing
# the words opening a move before its earlier end (`由上年的`)
FROM_WORD = regex(r"(?:由|从)[^由从]*$")
SIZE_NAMED = regex(rf"\s*[，,]\s*(?:人均|户均|平均)?(?P<word>{alternation(list(MOVED_BY) or ['增收'])})\s*")


def moved_by(draft: Draft) -> Iterator[Change | Completed]:
    """Each move whose size its sentence then names as a figure of its own."""
    if not MOVED_BY:
        return
    changes = {id(c.current): c for c in draft.facts.changes if c.current is not None}
    for f in list(draft.facts.fromtos):
        found = _size(draft, f)
        if found is None:
            continue
        q, named = found
        word = named.group("word")
        size = Movement("up" if MOVED_BY[word] == "up" else "down", word, q, named.start("word"), named.end("word"))
        said = changes.get(id(q))
        # (what moved: the words before the move's `由`, after the clause's start)
        begin = draft.doc.sentences[f.sentence].start
        cut = max(draft.doc.text.rfind(ch, begin, f.start.start) for ch in "，,；;：:")
        label = FROM_WORD.sub("", draft.doc.text[max(begin, cut + 1) : f.start.start]).strip("，、 ")
        if said is not None and said.base is None:
            # (`人均增收 C，增幅 p%`: the rate was read as the change of C; it is the move's, as C is)
            yield Completed(said, Change("", label, f.end, f.start, [size, *said.movements], f.sentence))
        elif said is None:
            yield Change("", label, f.end, f.start, [size], f.sentence)


def _size(draft: Draft, f: FromTo) -> tuple[Quantity, re.Match[str]] | None:
    """The figure right after the move's later end named as its size (`，人均增收 C`), and the words naming it; None
    where there is none, or it is not an exact figure of the ends' unit of measure."""
    if f.level or f.direction is None or f.start.kind != "amount" or f.end.kind != "amount":
        return None
    for m in draft.by_sentence.get(f.sentence, []):
        if m.start <= f.end.end or len(m.quantities) != 1:
            continue
        q = m.quantities[0]
        named = SIZE_NAMED.fullmatch(draft.doc.text, f.end.end, q.start)
        if named is None or q.kind != "amount" or q.base_unit != f.end.base_unit or not q.exact:
            return None
        return q, named
    return None
