"""Costs per unit: `全年实际支出 X，完成演出 N 场，场均成本 c` states c = X ÷ N.

A figure is read as such a cost only when its sentence leaves no doubt which money and which count it
divides: before it stand exactly two figures, one sum of money and one count in a unit the cost is per
(vocab `unit_cost.per`: 场均 counts 场, 人均 counts 人 or 人次). A sentence with any other figure before the
cost (a second count, a budget beside the outcome) may divide by another base than the one its text shows,
and is left alone; so is a cost named as a norm (`人均补助标准`), which is set, not computed, and one per month
or day (`人均月补助`, `每人每月`), which the year's money divides by more than the count. A figure named by its
unit alone (`养护资金 168 万元，养护里程 210 公里，每公里 8000 元`) is the money's per unit where the money is
named as paid (vocab `unit_cost.paid`), not as a gain (`增收`) the figure might be of. A figure named as an
average by its counter (`平均每台`, `每台平均`, `单座平均投资`) is the money's per unit with no cost word, where
nothing follows the counter or what follows names the money itself (`原值合计 …，平均每台原值`): 平均 says it is
computed, and the money's own word leaves no doubt which money. A cost that opens its sentence
(`单座平均投资 c`) is of the sentence before in its paragraph when that one's figures are just the money and the
count (`建成 8 座，完成投资 X。`). In a sentence of more figures that lists items after a colon, one a clause
(`全年支出 T，包括：A a，补贴 N 人次，人均 c；…`), the two are those of the cost's own clause.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Mention, UnitCost
from tieout.linter.facts.passes.base import quantity_starts
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex
from tieout.linter.vocab import alternation, load

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

_VOCAB = load("relations").get("unit_cost") or {}
PER: dict[str, frozenset[str]] = {
    str(k): frozenset(str(u) for u in v or []) for k, v in (_VOCAB.get("per") or {}).items()
}


# `场均…成本`, `人均培训费用`, `每户补助`, `平均每场投入`: the unit word, then at most a few characters to the cost word
_UNITS = alternation(PER)
PER_UNIT = regex(
    f"(?:(?P<avg>{_UNITS})均|每(?P<each>{_UNITS}))[\u4e00-\u9fff]{{0,6}}?(?:{alternation(_VOCAB.get('costs'))})"
)
# `每公里 8000 元`, `人均 6000 元`: the unit alone names the figure (after the clause's punctuation)
# (`按每人`: the norm's opening word, the standard named after the figure, `按每人 p 标准`)
UNIT_ALONE = regex(f"^[，,；;、\\s]*(?:平均|按(?=每))?(?:(?P<avg>{_UNITS})均|每(?P<each>{_UNITS}))$")
# `平均每台`, `每台平均`, `单座平均投资`: an average named by its counter, then at most the money's own word
AVERAGE = regex(
    f"^[，,；;、\\s]*(?:平均每(?P<a>{_UNITS})|每(?P<b>{_UNITS})平均|单(?P<c>{_UNITS})平均)(?P<rest>[\u4e00-\u9fff]{{0,6}})$"
)
PAID = regex(alternation(_VOCAB.get("paid")))
NORM = regex(alternation(_VOCAB.get("norms")))
# right after a per-unit figure, the words saying the money was set by it as a norm (`每村 12 万元的标准安排`)
# (or closing its clause after a figure its words opened with 按: `按每人 p 标准；`)
NORM_AFTER = regex(r"\s*的?标准(?:安排|计算|核定|测算|下达|拨付)")
NORM_OPENING = regex(r"按每[\u4e00-\u9fff]{1,2}\s*$")
NORM_CLOSING = regex(r"\s*的?标准(?:[；;。，,]|\s*$)")
# a cost per month, quarter, week or day (`人均月补助`): not the year's money over the count
PER_PERIOD = regex(r"[月季周日天]")


def _money(q: Quantity) -> bool:
    return q.base_unit == "元" and q.exact and q.kind == "amount"


def unit_costs(draft: Draft) -> Iterator[UnitCost]:
    for si, mentions in draft.by_sentence.items():
        for m in mentions:
            if "均" not in m.label and "每" not in m.label:
                continue  # (the words of a cost per unit, each of the three patterns, hold one of the two: tested
                # before a call, and the figures' starts gathered only for a document that names one)
            relation = _read(draft, quantity_starts(draft), si, m)
            if relation is not None:
                yield relation


def _read(draft: Draft, starts: list[int], si: int, m: Mention) -> UnitCost | None:
    """The cost per unit a mention states, over the money and the count it divides, when both are certain."""
    if "均" not in m.label and "每" not in m.label:
        return None  # (the words of a cost per unit, each of the three patterns, hold one of the two)
    found = PER_UNIT.search(m.label)
    average = AVERAGE.match(m.label) if found is None else None
    alone = UNIT_ALONE.match(m.label) if found is None and average is None else None
    unit = found or average or alone
    stated = next((q for q in m.quantities if _money(q)), None)
    if unit is None or stated is None or NORM.search(m.label) or PER_PERIOD.search(m.label):
        return None
    before, of = _figures_before(draft, starts, si, stated, unit.group(0))
    units = PER[next(u for u in unit.groups() if u is not None)]
    relation = _of(before, units, stated, si)
    if relation is None:
        return _norm_then_money(draft, starts, before, units, stated, si) if alone is not None and of == si else None
    if found is not None:
        return relation
    return _by_name(draft, relation, average, draft.by_sentence.get(of, []))


def _figures_before(
    draft: Draft, starts: list[int], si: int, stated: Quantity, words: str
) -> tuple[list[Quantity], int]:
    """Every figure of the sentence before the cost, labelled or not (years and bare numbers aside), and the
    sentence they stand in: where none does and the cost's words open its sentence (`单座平均投资 c`), those of the
    sentence before."""
    quantities = draft.facts.quantities
    sentences = draft.doc.sentences
    lo = bisect_left(starts, sentences[si].start)
    before = _before(
        draft, [q for q in quantities[lo : bisect_left(starts, stated.start)] if q.kind != "bare"], si, stated
    )
    if not before and _opens(draft, si, words):
        # (of the sentence before, if that one is just the two)
        return [q for q in quantities[bisect_left(starts, sentences[si - 1].start) : lo] if q.kind != "bare"], si - 1
    return before, si


# after a norm its money follows (`按每人 p 标准发放补贴 X`): the standard, then at most a few words of what was done
# with the money, no mark between (vocab relations unit_cost.norm_then)
NORM_THEN = regex(rf"\s*的?(?:{alternation(_VOCAB.get('norm_then'))})[\u4e00-\u9fff]{{0,8}}$")


def _norm_then_money(
    draft: Draft, starts: list[int], before: list[Quantity], units: frozenset[str], stated: Quantity, si: int
) -> UnitCost | None:
    """`补贴 N 人次，按每人 p 标准发放补贴 X`: the count alone before a norm its words open with 按 (`按每人`), and the
    money right after the standard's word, in the same clause: the money is the count times the norm. Any other
    figure before the norm, or a mark between the standard and the money, leaves it unread."""
    text = draft.doc.text
    if len(before) != 1 or not NORM_OPENING.search(text, max(0, stated.start - 8), stated.start):
        return None
    count = before[0]
    if count.kind != "count" or count.base_unit not in units or not count.exact or count.value <= 0:
        return None
    quantities = draft.facts.quantities
    k = bisect_left(starts, stated.end)  # (the first figure after the norm)
    if k >= len(quantities):
        return None
    money = quantities[k]
    if money.start >= draft.doc.sentences[si].end or not _money(money):
        return None
    if NORM_THEN.fullmatch(text, stated.end, money.start) is None:
        return None
    return UnitCost(stated, money, count, si, norm=True)


def _by_name(
    draft: Draft, relation: UnitCost, average: re.Match[str] | None, mentions: list[Mention]
) -> UnitCost | None:
    """A cost named by its counter alone: a norm the money was set by (`按 N 个村、每村 p 的标准安排`: the money is
    N × p), an average naming the money, or the money named as paid."""
    text = draft.doc.text
    if average is None and NORM_AFTER.match(text, relation.stated.end):
        return replace(relation, norm=True)
    if (
        average is None
        and NORM_OPENING.search(text, max(0, relation.stated.start - 8), relation.stated.start)
        and NORM_CLOSING.match(text, relation.stated.end)
    ):
        return replace(relation, norm=True)
    if average is not None:
        return relation if _names(average.group("rest"), relation.total, mentions) else None
    return relation if _named_paid(relation.total, mentions) else None


# the marks closing a clause of a sentence that lists items (`全年支出 T，包括：A a，补贴 N 人次，按每人 p 标准；B b，…`)
ITEM_MARK = regex(r"[；;：:]")


def _before(draft: Draft, before: list[Quantity], si: int, stated: Quantity) -> list[Quantity]:
    """The figures before the cost it may divide: its sentence's, or where they are more than the two in a sentence
    listing items after a colon (`全年支出 T，包括：A a，补贴 N 人次，按每人 p 标准；…`), its own clause's."""
    if len(before) <= 2:
        return before
    opened = _item_start(draft.doc.text, draft.doc.sentences[si].start, stated.start)
    return [q for q in before if q.start >= opened]


def _item_start(text: str, start: int, at: int) -> int:
    """Where the clause the figure at `at` stands in opens (after the last `；` or `：` of its sentence before it),
    `start` where there is none: the items a sentence lists after a colon, one a clause, each hold their own money
    and count."""
    return max((m.end() for m in ITEM_MARK.finditer(text, start, at)), default=start)


def _opens(draft: Draft, si: int, words: str) -> bool:
    """Do the cost's words open its sentence, the one before standing in the same paragraph?

    (Checked on the text, not the label, which leaves out a 其中 or 另外 that ties the cost to something else.)
    """
    sentences = draft.doc.sentences
    if si == 0 or sentences[si - 1].paragraph != sentences[si].paragraph:
        return False
    text = draft.doc.text[sentences[si].start : sentences[si].end].lstrip()
    return text.startswith(words.lstrip("，,；;、 \t"))


def _names(rest: str, money: Quantity, mentions: list[Mention]) -> bool:
    """Does an average's word after its counter (`平均每台原值`) name the money (`原值合计`), if it has one?"""
    return not rest or any(money in m.quantities and rest in m.label for m in mentions)


def _named_paid(money: Quantity, mentions: list[Mention]) -> bool:
    """Is the money named as money paid out (`养护资金`, `低保金`)?"""
    return any(money in m.quantities and PAID.search(m.label) for m in mentions)


def _of(before: list[Quantity], units: frozenset[str], stated: Quantity, sentence: int) -> UnitCost | None:
    """The cost over the only money and the only count before it, when those are all the figures there are."""
    if len(before) != 2:
        return None
    money = [q for q in before if _money(q)]
    counts = [q for q in before if q.kind == "count" and q.base_unit in units and q.exact and q.value > 0]
    if len(money) != 1 or len(counts) != 1:
        return None
    return UnitCost(stated, money[0], counts[0], sentence)
