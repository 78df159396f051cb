"""Multiples: `上级转移性收入 29.82 亿元，是本级收入 7.85 亿元的 3.8 倍` states that 29.82 / 7.85 is 3.8.

Read only where the words leave no doubt which figure is over which: the multiple follows `是/为/相当于/达到 B 的`
right after the figure it is of (its clause's subject, only a comma between), B being either a figure written
inside the phrase (`是本级收入 7.85 亿元的`) or a name (`是地方一般公共预算收入的`) under which exactly one value
of the same unit is stated before, in the sentence or in the three before it under the same heading (then the
rate is inferred: its base stands apart from it). A growth written in multiples (`增长 1.5 倍`, `增加 2 倍`) is
no ratio (Chinese usage differs on whether it counts the base) and is not read; neither is a multiple that is
approximate (`约 3 倍`, `近 4 倍`) or of last year's figure named only as such (`是上年的 1.2 倍`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Mention, Rate
from tieout.linter.facts.passes.base import same_section
from tieout.linter.figures.context import Context
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.build import Draft

MULTIPLE_UNIT = "倍"
_LEAD = r"^[，,]\s*(?:是|为|相当于|达到)"
# `，是本级收入` 7.85 亿元 `的` 3.8 倍: the base written inside the phrase
BASE_INSIDE = regex(_LEAD + r"(?P<name>[\u4e00-\u9fff“”]{2,20})\s*$")
OF_WORD = regex(r"^\s*的\s*$")
# `，是地方一般公共预算收入的` 3.8 倍: the base named only
BASE_NAMED = regex(_LEAD + r"(?P<name>[\u4e00-\u9fff“”]{2,20}?)的\s*$")
# a name that is only an earlier period (`上年`, `去年同期`): the same item a year before, not looked up here
PERIOD_ONLY = regex(r"^(?:上年|去年|上一年|同期|上年同期|去年同期)(?:同期)?$")
LOOK_BACK = 3  # sentences before the multiple's that a named base may stand in


def _operand(q: Quantity) -> bool:
    return q.kind in ("amount", "count") and q.exact and q.value > 0


def multiples(draft: Draft) -> Iterator[Rate]:
    text = draft.doc.text
    if MULTIPLE_UNIT not in text:
        return  # most documents state no multiple: a pass over their figures spared
    quantities = [q for q in draft.facts.quantities if q.kind != "bare"]
    sentence_starts = [s.start for s in draft.doc.sentences]
    for k, q in enumerate(quantities):
        if q.unit != MULTIPLE_UNIT or not q.exact or k == 0:
            continue
        si = bisect_left(sentence_starts, q.start + 1) - 1
        begin = sentence_starts[si]
        before = [p for p in quantities[max(0, k - 2) : k] if p.start >= begin]
        found = _inside(text, before, q) or _named(draft, before, q, si)
        if found is not None:
            num, den, name, certain = found
            yield Rate(f"是{name}的倍数", q, si, [num, den], [], None, ordered=True, certain=certain)


def _inside(text: str, before: list[Quantity], q: Quantity) -> tuple[Quantity, Quantity, str, bool] | None:
    """`A a，是 B b 的 k 倍`: (a, b, B, certain)."""
    if len(before) != 2:
        return None
    num, den = before
    lead = BASE_INSIDE.match(text[num.end : den.start])
    if lead is None or not OF_WORD.match(text[den.end : q.start]) or not _operand(num) or not _operand(den):
        return None
    if num.base_unit != den.base_unit or num.kind != den.kind:
        return None
    return num, den, lead.group("name"), True


def _named(draft: Draft, before: list[Quantity], q: Quantity, si: int) -> tuple[Quantity, Quantity, str, bool] | None:
    """`A a，是 B 的 k 倍`, B's one value stated before under that name: (a, B's value, B, certain)."""
    if not before:
        return None
    num = before[-1]
    lead = BASE_NAMED.match(draft.doc.text[num.end : q.start])
    if lead is None or not _operand(num) or PERIOD_ONLY.match(lead.group("name")):
        return None
    found = _base_named(draft, lead.group("name"), num, si)
    if found is None:
        return None
    den, where = found
    return num, den, lead.group("name"), where == si


def _base_named(draft: Draft, name: str, num: Quantity, si: int) -> tuple[Quantity, int] | None:
    """The one value of `num`'s unit stated under `name` (the same item, no context word against it) nearest
    before: in the sentence before `num`, else in the sentences before under the same heading; None when that
    place states two values under it, or the name is the numerator's own."""
    labeller = draft.labeller
    item, said = labeller.identify(name)
    if len(item) < 2:
        return None
    at = draft.doc.sentences[si].start
    for s in range(si, max(-1, si - LOOK_BACK - 1), -1):
        if s < si and not _under_one_heading(draft, draft.doc.sentences[s].start, at):
            break
        mentions: list[Mention] = draft.by_sentence.get(s) or []
        named = [m for m in mentions if m.start < num.start and _names(labeller.identify(m.label), item, said)]
        if any(num in m.quantities for m in named):
            return None  # `收入 a，是收入的 k 倍`: the numerator's own name
        values = [
            p
            for m in named
            for p in m.quantities
            if _operand(p) and p.base_unit == num.base_unit and p.kind == num.kind
        ]
        if values:
            return (values[0], s) if len({p.base_value for p in values}) == 1 else None
    return None


def _under_one_heading(draft: Draft, a: int, b: int) -> bool:
    """Do two offsets stand under the same heading, or in numbered items of one list (`1.地方…收入 a。` / `2.上级
    转移性收入 b，是地方…收入的 k 倍`: each item a heading of its own, the two under the same one)?"""
    if same_section(draft, a, b):
        return True
    one, other = draft.doc.section_at(a), draft.doc.section_at(b)
    return one is not None and other is not None and one.level == other.level and one.parent is other.parent


def _names(identified: tuple[str, Context], item: str, said: Context) -> bool:
    other, context = identified
    return other == item and said.agrees(context)
