"""Lists whose items each state a count and a sum of money, announced after a sentence stating both totals:
`审计查出各类问题 N 个，问题资金 X 万元。分领域看：` / `——甲领域问题 n1 个，涉及资金 x1 万元；` / `——乙领域问题 n2 个，…；`, or
`发现问题 N 个，问题金额 X 万元。具体为：` / `1.甲局：发现问题 n1 个，金额 x1 万元。` / `2.乙局：…`. The items' counts add up to
the count, and their sums to the sum (an audit report's problems by field or by body audited). So do the items of a
`其中` list in the totals' own sentence, each a class of the things counted (`共实施项目 26 个，项目资金 X（折合 Y 亿元），
其中：甲类 11 个、资金 a；乙类 4 个、资金 b`): the list of the sums, read as one that may leave parts out, is complete.

Read only where nothing is left open: the announcing words (`具体为`, `分领域看` …: all of the totals, never `主要`)
close the sentence stating the two totals, or stand alone right after it in its paragraph; the items are the
sentences right after the colon, in order, each stating one count of the totals' counter and of the thing the
total counts, then one exact sum of money, and nothing else; two items at least, the run ending at the first
sentence of another shape. Layout alone says where the items end, so the list is held to its totals only where
one of its two measures adds up exactly and the other does too or misses by what one slipped digit explains: a
list that misses both may leave items out. Inferred (warnings at most).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Breakdown, Mention
from tieout.linter.facts.passes.announced_lists import ANNOUNCES
from tieout.linter.facts.passes.base import (
    Completed,
    converted,
    foots,
    one_slip,
    semicolon_runs,
    sentences_after,
    sentences_holding,
)
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# the announcing words and their colon (`具体为：`, `分领域看：`, `按问题类别分：`)
ANNOUNCED = regex(rf"(?P<words>{ANNOUNCES.pattern})[：:]")
COLON = regex(r"[：:]")  # what closes the announcing words: the sentences without one are not searched
# words announcing the main items only (`主要包括：`, `重点用于：`): never held to the totals (a `其中` list is, where one
# measure of two items or more adds up exactly: no item is left out)
MAIN_ONLY = regex(r"主要|重点")
# the thing a count counts, as the words right before its figure name it (`发现问题`, `甲领域问题`: 问题)
COUNTED_THING = regex(r"[\u4e00-\u9fff]{2}$")
CLASS_OF = "类"  # what an item's count names a class of the things counted by (`公路建设类 11 个`)
MIN_ITEMS = 2

Item = tuple[Mention, Quantity, Mention, Quantity]  # (count's mention, count, sum's mention, sum)


def measured_lists(draft: Draft) -> Iterator[Breakdown | Completed]:
    doc = draft.doc
    for si in sentences_holding(draft, COLON):
        sent = doc.sentences[si]
        found = ANNOUNCED.search(doc.text, sent.start, sent.end)
        if found is None or MAIN_ONLY.match(found.group("words")):
            continue
        totals = _totals(draft, si, found.start())
        if totals is None:
            continue
        items = _items(draft, si, found.end(), totals)
        if len(items) < MIN_ITEMS:
            continue
        yield from _held(draft, found.group("words"), totals, items)


def _totals(draft: Draft, si: int, colon: int) -> Item | None:
    """The count and the sum the words announce the items of: the figures before them in their sentence, else (the
    words alone) those of the sentence right before in its paragraph: its last two, one exact count and one exact
    sum of money, the count first, the figures before them counts of other things only (`对 8 个部门开展审计，发现
    问题 31 个，问题金额 X`)."""
    doc = draft.doc
    own = [m for m in draft.by_sentence.get(si, []) if m.start < colon]
    if not own and doc.text[doc.sentences[si].start : colon].strip():
        return None  # (words before the announcing ones that state no total: another sentence's items)
    if not own and si > 0 and doc.sentences[si - 1].paragraph == doc.sentences[si].paragraph:
        own = draft.by_sentence.get(si - 1, [])
    # (a sum restated in another unit right after it, `31,846.90 万元（折合 3.18 亿元）`, is that sum: no figure of its own)
    own = [m for k, m in enumerate(own) if not (k and _restates(doc.text, own[k - 1], m))]
    found = _count_and_sum(own[-2:])
    if found is None or any(_other_count(m, found[0]) is False for m in own[:-2]):
        return None
    return found


def _restates(text: str, before: Mention, m: Mention) -> bool:
    """Is the mention's one figure the sum of money of the one before restated in another unit (`converted`)?"""
    return len(before.quantities) == len(m.quantities) == 1 and converted(text, before.quantities[0], m.quantities[0])


def _other_count(m: Mention, count: Mention) -> bool:
    """Is the figure a count of another thing than the total count's (not a sum of money, nor the same thing)?"""
    return all(q.kind == "count" for q in m.quantities) and _thing(m) != _thing(count)


def _count_and_sum(mentions: list[Mention]) -> Item | None:
    """The mentions as a count, then a sum of money, and nothing else: each one exact figure."""
    if len(mentions) != 2 or any(len(m.quantities) != 1 for m in mentions):
        return None
    (cm, count), (am, amount) = ((m, m.quantities[0]) for m in mentions)
    if count.kind != "count" or amount.kind != "amount" or amount.base_unit != "元":
        return None
    if not count.exact or not amount.exact or not COUNTED_THING.search(cm.label):
        return None
    return cm, count, am, amount


def _items(draft: Draft, si: int, after: int, totals: Item) -> list[Item]:
    """The items after the colon: the rest of the announcing sentence where it states figures, then each sentence
    after it, while each states a count of the totals' counter and thing, then a sum of money, nothing else."""
    doc = draft.doc
    rest = [m for m in draft.by_sentence.get(si, []) if m.start >= after]
    sentences = sentences_after(draft, si, rest)
    thing = _thing(totals[0])
    out: list[Item] = []
    for mentions in (run for said in sentences for run in _clauses(doc.text, said)):
        item = _count_and_sum(mentions)
        if item is None or item[1].unit != totals[1].unit or not _of_thing(item[0], thing):
            break
        out.append(item)
    return out


def _clauses(text: str, mentions: list[Mention]) -> list[list[Mention]]:
    """A sentence's figures, in the runs its semicolons set apart (`甲问题 n1 个，金额 x1；乙问题 n2 个，金额 x2。`), a
    run of no semicolon in pairs where its figures go count, sum, count, sum … (`甲问题 n1 个、金额 x1，乙问题 n2 个、
    金额 x2`); a sentence of no figure is one empty run (it ends the items)."""
    return [pair for run in semicolon_runs(text, mentions) for pair in _pairs(run)]


def _pairs(run: list[Mention]) -> list[list[Mention]]:
    """The run in pairs of a count and a sum, where its figures alternate so; else the run as it is."""
    kinds = [m.quantities[0].kind if len(m.quantities) == 1 else "" for m in run]
    if len(run) <= 2 or len(run) % 2 or kinds != ["count", "amount"] * (len(run) // 2):
        return [run]
    return [run[k : k + 2] for k in range(0, len(run), 2)]


def _of_thing(m: Mention, thing: str) -> bool:
    """Does an item's count count the totals' thing: named so (`乙领域问题 n 个`), or a class of it (`公路建设类 n 个`
    under `实施项目 N 个`, the class named and the thing left out)?"""
    return _thing(m) == thing or m.label.endswith(CLASS_OF)


def _thing(m: Mention) -> str:
    found = COUNTED_THING.search(m.label)
    return found.group() if found else ""


def _held(draft: Draft, words: str, totals: Item, items: list[Item]) -> Iterator[Breakdown | Completed]:
    """The two breakdowns, where one measure adds up exactly and the other does too or but for a slipped digit,
    none of their figures already another list's."""
    counts, sums = [i[1] for i in items], [i[3] for i in items]
    count_foots, sum_foots = foots(totals[1], counts), foots(totals[3], sums)
    if not (count_foots or sum_foots):
        return
    if not (count_foots or one_slip(totals[1], counts)) or not (sum_foots or one_slip(totals[3], sums)):
        return
    for total, parts in ((totals[0], [i[0] for i in items]), (totals[2], [i[2] for i in items])):
        if id(total) in draft.totals:
            # (`…资金 X，其中：甲类 n1 个、资金 x1；…`: the sentence's own `其中` list of the sums, which may leave parts
            # out, is whole where the counts add up: it is complete)
            yield from _completed(draft, total, parts)
            continue
        if any(draft.is_part(p) for p in parts):
            continue
        yield Breakdown(total, parts, words, True, total.sentence, inferred=True, certain=False)


def _completed(draft: Draft, total: Mention, parts: list[Mention]) -> Iterator[Completed]:
    """The list of the total with these very parts, not read as complete, made so (inferred)."""
    for b in draft.facts.breakdowns:
        if b.total is total and not b.exhaustive and not b.minus and [id(p) for p in b.parts] == [id(p) for p in parts]:
            yield Completed(b, replace(b, exhaustive=True, certain=False))
