"""A fund's kinds, each with its income and its spending, in the sentence after the fund's totals:
`全省社会保险基金预算收入 X，支出 Y，当年收支结余 B。分险种看，企业职工基本养老保险基金收入 a1、支出 b1；城乡居民
基本养老保险基金收入 a2、支出 b2；…`. The kinds' incomes are the income's parts when they cover its definition
(vocab/sums.yaml: every kind of the fund, one each), and the spendings stated right after each of them, one per
kind, are the parts of the spending stated beside the income. The definition ties them, not the layout: read
across the sentence break, inferred (warnings at most)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.definitions import of_total
from tieout.linter.facts.model import Breakdown, Mention
from tieout.linter.facts.passes.base import exact_of, same_section
from tieout.linter.figures.context import FIELDS, MIXED, Context

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

INCOME, SPENDING = "收入", "支出"
KEYWORD = "分类"


def fund_kinds(draft: Draft) -> Iterator[Breakdown]:
    sentences = draft.doc.sentences
    # the sentences stating an income figure: the one before the kinds' states the fund's (see `_kinds`)
    # (one comprehension over every figure, not a generator made for each sentence)
    stating = {si for si, said in draft.by_sentence.items() for m in said if m.quantities and m.identity.item == INCOME}
    for si in range(1, len(sentences)):
        # (the sentence right after, under the same heading: a hard-wrapped report may start a paragraph with it)
        if si - 1 not in stating or not same_section(draft, sentences[si - 1].start, sentences[si].start):
            continue
        found = _kinds(draft, draft.by_sentence.get(si - 1) or [], draft.by_sentence.get(si) or [])
        if found is None:
            continue
        income, incomes, spending, spendings = found
        yield Breakdown(income, incomes, KEYWORD, True, si - 1, inferred=True, certain=False)
        if spending is not None and spendings:
            yield Breakdown(spending, spendings, KEYWORD, True, si - 1, inferred=True, certain=False)


# the fund's income and its kinds' incomes, the fund's spending (if stated) and its kinds' spendings (if read)
Sides = tuple[Mention, list[Mention], Mention | None, list[Mention]]


def _kinds(draft: Draft, before: list[Mention], mentions: list[Mention]) -> Sides | None:
    """The fund's income and spending (the one figure of each side of the sentence before, of one context) and
    the kinds' incomes and spendings, when the kinds' incomes cover the income's definition; the spendings
    only where each kind states one right after its income (else none)."""
    heads = [m for m in before if m.quantities]
    totals = {side: [m for m in heads if m.identity.item == side] for side in (INCOME, SPENDING)}
    if len(totals[INCOME]) != 1 or len(totals[SPENDING]) > 1:
        return None
    income = totals[INCOME][0]
    spending = totals[SPENDING][0] if totals[SPENDING] else None
    unit = income.quantities[0].base_unit
    parts = [m for m in mentions if m.quantities]
    if not _plain(draft, [income, *parts], unit) or (spending is not None and exact_of(spending, unit) is None):
        return None
    incomes = [m for m in parts if m.identity.item != SPENDING]
    if not of_total(income, incomes) or not all(_within(m.identity.context, income.identity.context) for m in parts):
        return None
    paired = spending is not None and spending.identity.context == income.identity.context
    spendings = _after_each(parts) if paired else None
    return income, incomes, spending, spendings or []


def _within(part: Context, whole: Context) -> bool:
    """Does every field the part states agree with the whole's? (A kind's name may leave its scope unsaid or
    unsure, `城乡居民基本养老保险基金`: the sentence after the fund's totals is of the fund's scope.)"""
    return all(getattr(part, f) in (None, MIXED, getattr(whole, f)) for f in FIELDS)


def _plain(draft: Draft, mentions: list[Mention], unit: str) -> bool:
    """One exact figure of the unit each, in no list read before."""
    return all(
        len(m.quantities) == 1 and exact_of(m, unit) is not None and id(m) not in draft.totals and not draft.is_part(m)
        for m in mentions
    )


def _after_each(parts: list[Mention]) -> list[Mention] | None:
    """The spendings, when the kinds alternate with them (`A收入 a、支出 b；B收入 c、支出 d`): one right after
    each kind's income, named as the spending alone."""
    if len(parts) % 2:
        return None
    kinds, spent = parts[0::2], parts[1::2]
    if any(m.identity.item == SPENDING for m in kinds) or any(m.identity.item != SPENDING for m in spent):
        return None
    return spent
