"""`市级一般公共预算支出总计 T，为预算的 p%，包括：` / `——市本级支出 a，为预算的 q%。` / `——转移性支出 b，…。其中：…` /
`——一般债务还本支出 c。`: a figure whose sentence announces all its items (`包括：`, `具体情况如下：`, not `主要包括：`)
right before the first item, the items set out one to a paragraph, each opening with a dash (——). Each item's
figure is the first of the total's unit after its dash, with only its name before it (`——专项公用支出。安排 a`: the
name may close with a full stop before the verb); the items go on while the paragraphs after them open with a
dash. The announcement names all the items, not the layout: they are held to the total where they foot or one
slipped digit explains the miss (a list cut short, or one of a paragraph's dashes that are no items, adds up to
neither); inferred (warnings at most)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Breakdown, Mention
from tieout.linter.facts.passes.base import Completed, exact_figure, exact_of, foots, lists_by_total, one_slip
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# a sentence announcing all the items after it (`，包括：`, `，具体情况如下：`; not `主要包括：`, which lists the main
# ones only), the first item's dash right after it (a footnote's mark, `⑩`, a PDF sets on a line of its own, between)
ANNOUNCED = regex(
    r"(?<!主要)(?<!重点)(?:包括|具体(?:情况|安排)?如下|明细如下|(?:构成|组成)(?:情况)?如下)[：:]\s*(?:[①-⑳]\s*)?(?=——)"
)
# what every ANNOUNCED ends with, the first item's dash after the colon: looked for first (at C speed, from the colon),
# as most reports that set items out with dashes announce none so
ANNOUNCED_END = regex(r"[：:]\s*(?:[①-⑳]\s*)?——")
# an item's dash: the first item's right after the announcement, the others' opening their paragraphs
DASH = regex(r"[ \t]*——(?!—)")
# the name an item's figure follows: words, maybe closed by a full stop and the verb stating the figure (`。安排`)
ITEM_NAME = regex(r"[ \t]*[\u4e00-\u9fff“”（）()、 \t]{2,40}?(?:。(?:安排|完成|执行|实现)?)?[ \t]*")
DASH_WORD = "——"
MONEY = "元"
MIN_ITEMS = 2


def dashed_items(draft: Draft) -> Iterator[Breakdown | Completed]:
    text = draft.doc.text
    if DASH_WORD not in text or ANNOUNCED_END.search(text) is None:
        return  # (most documents set out no item with a dash: their mentions are not sorted for nothing)
    mentions = sorted(draft.facts.mentions, key=lambda m: m.quantities[0].start)
    starts = [m.quantities[0].start for m in mentions]
    for hit in ANNOUNCED.finditer(text):
        total = _announcing_figure(draft, hit.start())
        q = exact_figure(total) if total is not None else None
        if total is None or q is None:
            continue
        # (the sentence readers may have read the first item, the one in the announcing sentence, as a part of it)
        before = lists_by_total(draft).get(id(total), [])
        parts = _item_figures(draft, text, hit.end(), mentions, starts, total, before)
        if len(parts) < MIN_ITEMS or not _extends(before, parts):
            continue
        values = [p.quantities[0] for p in parts]
        if not (foots(q, values) or one_slip(q, values)):
            continue
        found = Breakdown(total, parts, "包括", True, total.sentence, inferred=True, certain=False)
        if before:
            draft.parts.update(id(p) for p in parts)
            yield Completed(before[0], found)
        else:
            yield found


def _extends(before: list[Breakdown], parts: list[Mention]) -> bool:
    """Are the parts a list read already of the total holds (one at most) all among the items?"""
    return len(before) <= 1 and all(any(p is x for x in parts) for b in before for p in b.parts)


def _announcing_figure(draft: Draft, at: int) -> Mention | None:
    """The one sum of money the announcing sentence states before its announcement (its rates aside: `为预算的 p%`),
    a figure of its own, part of no list; None where it states none or several."""
    si = draft.doc.sentence_index(at)
    if si < 0:
        return None
    money = [m for m in draft.by_sentence.get(si) or [] if m.quantities[0].start < at and _money(m)]
    if len(money) != 1 or len(money[0].quantities) != 1 or draft.is_part(money[0]):
        return None
    return money[0]


def _money(m: Mention) -> bool:
    return any(q.base_unit == MONEY for q in m.quantities)


def _item_figures(
    draft: Draft,
    text: str,
    begin: int,
    mentions: list[Mention],
    starts: list[int],
    total: Mention,
    before: list[Breakdown],
) -> list[Mention]:
    """The figure of each dashed item from `begin` on, in order; [] where an item has none right after its name,
    or its figure is of another unit or part of a list already (other than the total's, `before`)."""
    unit = total.quantities[0].base_unit
    own = {id(p) for b in before for p in b.parts}
    parts: list[Mention] = []
    for lo, hi in _item_spans(text, begin):
        k = bisect_left(starts, lo)
        if k >= len(mentions) or starts[k] >= hi:
            return []
        m = mentions[k]
        if not _item_figure(text, lo, m, unit) or (draft.is_part(m) and id(m) not in own):
            return []
        parts.append(m)
    return parts


def _item_figure(text: str, lo: int, m: Mention, unit: str) -> bool:
    """Is `m`, the first figure after an item's dash at `lo`, the item's own: one figure of the unit, only the
    item's name before it?"""
    q = exact_of(m, unit)
    named = ITEM_NAME.fullmatch(text, lo, m.quantities[0].start) is not None
    return q is not None and q is m.quantities[0] and len(m.quantities) == 1 and named


def _item_spans(text: str, begin: int) -> list[tuple[int, int]]:
    """Where each dashed item's text stands (after its dash): the first right after the announcement, the others
    each a paragraph of its own opening with a dash, each to the end of its paragraph."""
    spans: list[tuple[int, int]] = []
    at = begin
    while (dash := DASH.match(text, at)) is not None:
        end = text.find("\n", dash.end())
        end = len(text) if end < 0 else end
        spans.append((dash.end(), end))
        at = end + 1
    return spans
