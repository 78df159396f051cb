"""Multiples: `上级转移性收入 29.82 亿元，是本级收入 7.85 亿元的 3.8 倍` states that 29.82 / 7.85 is 3.8.

Read only where the words leave no doubt which figure is over which: the multiple follows `是/为/相当于/达到 B 的`
right after the figure it is of (its clause's subject, only a comma between), B being either a figure written
inside the phrase (`是本级收入 7.85 亿元的`) or a name (`是地方一般公共预算收入的`) under which exactly one value
of the same unit is stated before, in the sentence or in the three before it under the same heading (then the
rate is inferred: its base stands apart from it). A growth written in multiples (`增长 1.5 倍`, `增加 2 倍`) is
no ratio (Chinese usage differs on whether it counts the base) and is not read; neither is a multiple that is
approximate (`约 3 倍`, `近 4 倍`) or of last year's figure named only as such (`是上年的 1.2 倍`).

A coverage multiple (`项目收入对利息的覆盖倍数为 1.95 倍`, `本息覆盖倍数为 1.62 倍`) is the income over what it
covers, each the one figure of its name in the sentence or the one before (a 本息 multiple names no income: the
one figure named 收入 or 收益 is it).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Mention, Rate
from tieout.linter.facts.passes.base import same_section
from tieout.linter.figures.context import CLAUSE_END, Context
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

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
        found = _inside(text, before, q) or _named(draft, before, q, si) or _coverage(draft, q, si)
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


# `项目收入对利息的覆盖倍数为`, `本息覆盖倍数为`: what covers (收入, 收益) what (利息, 本息), right before the multiple
COVERAGE = regex(
    r"(?:(?P<num>[\u4e00-\u9fff]{2,12}?)对(?P<den>[\u4e00-\u9fff]{2,8}?)的?|(?P<owed>本息|利息))覆盖倍数(?:为|是|达到|达)?\s*$"
)
COVERING = ("收入", "收益")  # what a multiple naming only what it covers (`本息覆盖倍数`) is of
# the words of a figure planned or forecast, and of one come about
FORECAST = regex(r"预测|预计|预期|计划|方案")
ACTUAL = regex(r"实际|实现")


def _coverage(draft: Draft, q: Quantity, si: int) -> tuple[Quantity, Quantity, str, bool] | None:
    """`项目收入 a，应付利息 b，项目收入对利息的覆盖倍数为 k 倍`: (a, b, 利息, certain), each the one value of an
    amount named so in the sentence or the one before it, under one heading (certain when both are in the
    multiple's sentence); None where a name fits two values, or none, or the two figures are of other units."""
    text = draft.doc.text
    cut = max(CLAUSE_END.finditer(text, draft.doc.sentences[si].start, q.start), key=lambda b: b.end(), default=None)
    lead = COVERAGE.search(text, cut.end() if cut is not None else draft.doc.sentences[si].start, q.start)
    if lead is None:
        return None
    owed = lead.group("den") or lead.group("owed")
    covers = (lead.group("num"),) if lead.group("num") else COVERING
    mentions = [
        m
        for s in (si - 1, si)
        if s >= 0 and same_section(draft, draft.doc.sentences[s].start, q.start)
        for m in draft.by_sentence.get(s) or []
        if m.start < q.start
    ]
    if not (FORECAST.search(lead.group()) or ACTUAL.search(lead.group())):
        # `预测收入 2800 万元，实际收入为预测值的 93.89%。…覆盖倍数为 k 倍`: the forecast and the outcome both spoken
        # of, and the multiple names neither: which income it covers is not said
        sentences = draft.doc.sentences
        span = text[sentences[max(si - 1, 0)].start : q.start]
        if FORECAST.search(span) and ACTUAL.search(span):
            return None
    num = _one_named(draft, mentions, covers)
    den = _one_named(draft, mentions, (owed,))
    if num is None or den is None or num[0] is den[0] or num[0].base_unit != den[0].base_unit:
        return None
    return num[0], den[0], owed, num[1] == si and den[1] == si


def _one_named(draft: Draft, mentions: list[Mention], names: tuple[str, ...]) -> tuple[Quantity, int] | None:
    """The one amount of the mentions whose label, or the item it names, holds one of the names or its head noun
    (`项目收入` for `该项目预计运营收入`: its 收入; the one value so named, with its sentence)."""
    heads = {n[-2:] for n in names} | set(names)
    found = [
        (p, m.sentence)
        for m in mentions
        if any(n in m.label or n in draft.labeller.identify(m.label)[0] for n in heads)
        for p in m.quantities
        if p.kind == "amount" and p.unit != MULTIPLE_UNIT and _operand(p)
    ]
    return found[0] if len({p.base_value for p, _ in found}) == 1 and len(found) == 1 else None
