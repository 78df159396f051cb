"""Shares of a budget as adjusted (`全区一般公共预算收入年初预算 A，拟调整为 B。…税收收入由 a 调整为 b，调整后税收收入占
一般公共预算收入的比重为 p%`): a share whose part is named `调整后` + an item, the part being that item's figure as
adjusted and the whole the figure as adjusted of the item the share names as its whole, p = b / B.

A 预算调整 report states each item's adjusted figure after its move's words (`调整为 b`, `调整后为 B`) in a clause
the item's name opens; the share's words name no figure of their own, so the part and the whole are those
figures: the part in the share's sentence or the one before, the whole earlier in the share's section, the
nearest one each. Where either is not stated so, nothing is read. Inferred (a warning): the figures are found by
their names, not stated beside the share.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Share
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex

from .base import clause_start

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# the part a share names as adjusted (`，调整后税收收入`): the item after 调整后
ADJUSTED_PART = regex(r"^[，,、；;。\s]*调整后的?(?P<name>[\u4e00-\u9fff]{2,16})$")
# the words of the move right before an adjusted figure (`，调整为 b`, `，拟调整为 B`, `，调整后为 B`)
ADJUSTED_TO = regex(r"(?:调整为|调整后(?:的)?(?:预算)?(?:数)?为?)\s*$")
# the marks a clause naming an item opens after
CLAUSE_MARKS = "。；;：:"
# the name a clause opens with, past its number (`1.税收收入由 a`, `（二）全区一般公共预算收入年初预算 A`)
HEAD = regex(
    r"\s*(?:[（(]?[0-9一二三四五六七八九十]+[)）.、．]\s*)*(?P<name>[\u4e00-\u9fff]{2,24}?)(?=由|从|年初|调|拟|本次|为|[，,]|\d)"
)
# words opening a clause with the view taken, not an item (`分类别看，税收收入调减 Δ`)
VIEW = regex(r"[\u4e00-\u9fff]{1,6}看[，,]")
# the words after a share's whole (`一般公共预算收入的比重为`)
WHOLE_TAIL = regex(r"(?:的)?(?:比重|比例|占比)?(?:为|是)?$")


def adjusted_shares(draft: Draft) -> Iterator[Share]:
    read = {id(s.stated) for s in draft.facts.shares}
    figures: list[tuple[Quantity, str]] | None = None
    for part_name, whole_name, stated, si in draft.unread_shares:
        named = ADJUSTED_PART.match(part_name)
        if named is None or id(stated) in read:
            continue
        if figures is None:
            figures = _adjusted_figures(draft)  # (asked only of a document with such a share)
        part = _adjusted_of(draft, figures, named.group("name"), stated.start, max(si - 1, 0))
        whole = _adjusted_of(draft, figures, WHOLE_TAIL.sub("", whole_name.strip("，、；：: ")), stated.start, None)
        if part is None or whole is None or part is whole or part.base_unit != whole.base_unit:
            continue
        if part.base_value > whole.base_value:
            continue  # (no part of it: the names found other figures than the share's)
        yield Share(stated, part, whole, whole_name, si, certain=False)


def _adjusted_figures(draft: Draft) -> list[tuple[Quantity, str]]:
    """The document's figures stated as adjusted, each with the name the clause it stands in opens with, in
    order: the figures of mentions and the ends of moves (`由 a 调整为 b`)."""
    text = draft.doc.text
    seen: set[int] = set()
    found: list[tuple[Quantity, str]] = []
    quantities = [q for m in draft.facts.mentions for q in m.quantities] + [f.end for f in draft.facts.fromtos]
    for q in quantities:
        if id(q) in seen or q.kind != "amount" or not q.exact:
            continue
        seen.add(id(q))
        si = draft.doc.sentence_index(q.start)
        floor = draft.doc.sentences[si].start if si >= 0 else 0
        clause = text[clause_start(text, floor, q.start, CLAUSE_MARKS) : q.start]
        if not ADJUSTED_TO.search(clause):
            continue
        view = VIEW.match(clause.lstrip())
        head = HEAD.match(clause.lstrip()[view.end() :] if view else clause)
        if head is not None:
            found.append((q, head.group("name")))
    found.sort(key=lambda x: x[0].start)
    return found


def _adjusted_of(
    draft: Draft, figures: list[tuple[Quantity, str]], name: str, before: int, from_sentence: int | None
) -> Quantity | None:
    """The nearest figure before `before` stated as adjusted in a clause opening with `name` (its item, and its
    scope and fund where both state one), in its section or one it stands under (the whole of an item numbered
    `1.` is stated above it), and, given, from that sentence on."""
    item, said = draft.labeller.identify(name)
    if not item:
        return None
    floor = draft.doc.sentences[from_sentence].start if from_sentence is not None else -1
    here = draft.doc.section_path(before)
    for q, head in reversed(figures):
        if q.start >= before:
            continue
        if q.start < floor:
            return None
        path = draft.doc.section_path(q.start)
        if here[: len(path)] != path:
            continue  # (a section beside the share's: another item's)
        own, context = draft.labeller.identify(head)
        if own == item and context.agrees(said):
            return q
    return None
