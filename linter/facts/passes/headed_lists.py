"""Lists read under headings: a heading stating a figure and the headings one level below it (`headed_lists`),
the figure opening a section before its numbered items (`led_lists`), and items enumerated 一是, 二是 … after a
figure (`enumerations`).

Their own module because the layout, not a word of the sentence, ties the parts to their total: the heading
levels and their order decide, and a list is taken only where it adds up (or covers the total's definition).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.definitions import (
    complete_every,
    of_total,
)
from tieout.linter.facts.model import Breakdown, Mention
from tieout.linter.facts.passes.base import (
    ORDINALS,
    by_paragraph,
    exact_figure,
    exact_of,
    foots,
    once,
    one_slip,
)
from tieout.linter.facts.passes.list_terms import LEVEL_NAMED, heading_figure, other_period, two_sides
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex
from tieout.linter.text.model import Section
from tieout.linter.text.normalise import numbering

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft


def headed_lists(draft: Draft) -> Iterator[Breakdown]:
    """`（一）收入预算总计 X。包括：` / `1.财政拨款收入 a。` / `2.其他资金收入 b。`: a heading that states one figure, and
    headings one level below it that each open with a name and a figure of its unit, are a total and its
    parts when those add up to it, or miss it by what one slipped digit explains where the heading announces
    its items (`。包括：`) or they are the components of the total's definition (vocab/sums.yaml); a list of
    headings may name only some items. Read from the layout: inferred (warnings at most)."""
    doc = draft.doc
    children = _headings_items(draft)
    starts = [s.start for s in doc.sentences]
    for sec in doc.sections:
        kids = children.get(id(sec), [])
        head = heading_figure(draft, sec, starts) if len(kids) >= 2 else None
        if head is None:
            continue
        total, q = head
        items = [heading_figure(draft, k, starts, q.base_unit) for k in kids]
        if any(x is None for x in items):
            continue
        parts = [x for x in items if x is not None]
        if _held(draft, total, q, parts, kids[0].start, starts):
            yield Breakdown(total, [m for m, _ in parts], "包括", True, total.sentence, certain=False)


def _headings_items(draft: Draft) -> dict[int, list[Section]]:
    """`_items_under` the document's headings, found once for the passes that read it (`headed_lists`, `led_lists`)."""
    return once(draft, "items_under", lambda: _items_under(draft.doc.sections))


def _items_under(sections: list[Section]) -> dict[int, list[Section]]:
    """The headings right under each heading (by the parent's id) that are its items: numbered as the first of them
    is. A heading numbered another way that the outline sets at their level (a report's part `4.2 关于…的说明` right
    after `1、…`, `2、…`, the items of the section before it) is no item of theirs. An untitled section resumes its
    parent: no heading."""
    children: dict[int, list[Section]] = {}
    for sec in sections:
        if sec.parent is not None and sec.title:
            children.setdefault(id(sec.parent), []).append(sec)
    for key, kids in children.items():
        style = numbering(kids[0].title)
        children[key] = [k for k in kids if numbering(k.title) == style]
    return children


def led_lists(draft: Draft) -> Iterator[Breakdown]:
    """`七、“三公”经费预算情况说明` / `一般公共预算安排“三公”经费 T，…。` / `1．因公出国（境）费 a，…` / `2．公务用车购置及运行费
    b，…` / `3．公务接待费 c，…`: a figure of the paragraph that opens a section, before its numbered items, whose
    definition (vocab/sums.yaml) the items' figures cover one each (the definition names them, not the layout),
    is their total: the items are of its context where their own words say nothing (its fund, not the
    document's). Inferred (warnings at most)."""
    doc = draft.doc
    children = _headings_items(draft)
    starts = [s.start for s in doc.sentences]
    for sec in doc.sections:
        kids = children.get(id(sec), [])
        lead = _lead_figures(draft, sec, kids[0].start, starts) if len(kids) >= 2 else []
        found: list[tuple[Mention, list[Mention], bool]] = []
        for total, q in lead:
            items = [heading_figure(draft, k, starts, q.base_unit) for k in kids]
            parts = [m for x in items if x is not None for m in x[:1]]
            if len(parts) == len(kids) and not draft.is_part(total) and of_total(total, parts):
                if _another_moment(total, parts[0]):
                    continue  # (`上年“三公”经费支出 A` / `1.因公出国（境）费预算数 a`: last year's outcome, not their whole)
                found.append((total, parts, foots(q, [x[1] for x in items if x is not None])))
        if len(found) > 1:
            # (`“三公”经费年初预算 A，决算 B，…` / `1.因公出国（境）费 a…`: the items total one of the two, the one they
            # add up to; which it is is not known where they add up to neither)
            found = [f for f in found if f[2]]
        if len(found) == 1:
            total, parts, _ = found[0]
            yield Breakdown(total, parts, "具体为", True, total.sentence, inferred=True, certain=False)


def _another_moment(total: Mention, part: Mention) -> bool:
    """Does the total's identity state a stage or period its first part's states otherwise (last year's outcome
    before items of this year's budget)?"""
    a, b = total.identity.context, part.identity.context
    return other_period(a.stage, b.stage) or other_period(a.period, b.period)


def _lead_figures(draft: Draft, sec: Section, first_kid: int, starts: list[int]) -> list[tuple[Mention, Quantity]]:
    """The exact figures, in no list yet, of the last sentence with figures between a section's heading and its
    first item (none where that text holds no sentence of its own)."""
    first = bisect_left(starts, sec.start)
    for si in range(bisect_left(starts, first_kid) - 1, first, -1):
        mentions = draft.by_sentence.get(si) or []
        if mentions:
            return [
                (m, q)
                for m in mentions
                if id(m) not in draft.totals and (q := exact_figure(m)) is not None and q.kind == "amount"
            ]
    return []


def _held(
    draft: Draft, total: Mention, q: Quantity, parts: list[tuple[Mention, Quantity]], first_kid: int, starts: list[int]
) -> bool:
    """Are the headings (none of them another list's part or total: `heading_figure`) the total's parts: not the
    two sides of one total, not the total restated, and adding up to it (or but for a slipped digit, where the
    heading announces its items or they are its definition's components)?"""
    mentions = [m for m, _ in parts]
    values = [x for _, x in parts]
    if two_sides(mentions):
        return False  # `（一）收支总预算 X。1.收入预算 X。2.支出预算 X。`: sides of one total, not parts
    if any(x.base_value == q.base_value for x in values) and sum(1 for x in values if x.base_value) > 1:
        return False  # `（二）项目资金 X。1.预算安排 X。2.实际支出 Y。`: the total restated, not divided
    if foots(q, values):
        return True
    # a slipped digit is believed where the heading announces its items (`…总计 X 万元。包括：`) or they are the
    # components of the total's definition (公务用车购置及运行维护费 = 购置费 + 运行维护费); other headings may
    # name some items only, or cut the total another way, whatever digit would mend it
    # (or the headings are the levels of the classification below the total's, `_levels_below`; that test, which
    # looks for the total restated, is made only where the cheaper ones do not hold already)
    if not one_slip(q, values):
        return False
    if LIST_ANNOUNCED.search(draft.doc.text[q.end : first_kid]) is not None or complete_every(total, mentions):
        return True
    return _levels_below(total, mentions) or any(
        _levels_below(m, mentions) for m in _heading_restated(draft, q, first_kid, starts)
    )


def _heading_restated(draft: Draft, q: Quantity, first_kid: int, starts: list[int]) -> list[Mention]:
    """The figures between a heading's and its first item's that state the heading's value again (`（二）公用经费 T` /
    `商品和服务支出（类）T` / `（1）办公费（款）…`: the class the heading's figure is). (`starts`: the sentences'.)"""
    first, last = bisect_left(starts, q.end), bisect_left(starts, first_kid)
    return [
        m
        for si in range(max(first - 1, 0), last)
        for m in draft.by_sentence.get(si) or []
        if q.end <= m.start < first_kid and (x := exact_figure(m)) is not None and x.base_value == q.base_value
    ]


# the levels of the classification of expenditure, each over the next (`工资福利支出（类）` over `基本工资（款）支出`)
CLASS_LEVELS = ("类", "款", "项")


def _levels_below(total: Mention, parts: list[Mention]) -> bool:
    """Does the heading name a level of the classification (`（类）`) and every item under it the level right below
    (`（款）`), one level each? The items are then the level's own rows, as in the table the paragraph explains, and
    a sum they miss by one slipped digit holds a mistyped figure, as where the heading announces its items."""
    own = [x.group(1) for x in LEVEL_NAMED.finditer(total.label)]
    if len(own) != 1 or own[0] == CLASS_LEVELS[-1]:
        return False
    below = CLASS_LEVELS[CLASS_LEVELS.index(own[0]) + 1]
    return all([x.group(1) for x in LEVEL_NAMED.finditer(p.label)] == [below] for p in parts)


# what announces a list of all the items after a total (`。包括：`, `，具体如下：`; not `主要包括：`, the main ones)
LIST_ANNOUNCED = regex(
    r"(?<!主要)(?<!重点)(?:包括|具体(?:安排)?如下|具体为|分别为|明细如下|(?:构成|组成)(?:情况)?如下)[：:]\s*$"
)


ENUMERATED = regex(f"^[，、；：:。\\s]*([{ORDINALS}])是")


def enumerations(draft: Draft) -> Iterator[Breakdown]:
    """`转移支付补助 X。一是税收返还 a；二是一般性转移支付 b；三是专项转移支付 c。`: the figures of items enumerated
    一是, 二是 … right after a figure are its parts when they add up to it, or one slipped digit explains the
    difference (an enumeration may list only the main items: then it does not foot and says nothing). The
    figure may also be a heading's one figure (`（二）非税收入未缴库 X。` / `一是 … a；二是 … b。`): the text right
    under the heading then opens with the enumeration (`_heading_total`)."""
    starts = [s.start for s in draft.doc.sentences]
    for mentions in by_paragraph(draft).values():
        for i in range(len(mentions)):
            if _ordinal(mentions[i]) != 1:
                continue
            total = mentions[i - 1] if i else _heading_total(draft, mentions[0], starts)
            if total is None:
                continue
            q = exact_figure(total)
            if (
                q is None
                or draft.is_part(total)
                or id(total) in draft.totals
                or total.sentence < mentions[i].sentence - 1
            ):
                continue
            items = _enumerated_items(draft, mentions[i:], q.base_unit)
            if len(items) < 2:
                continue
            parts = [x for _, x in items]
            if foots(q, parts) or one_slip(q, parts):
                # its link to the total is read from the arithmetic, not the words: a warning at most
                yield Breakdown(total, [m for m, _ in items], "一是", True, total.sentence, certain=False)


def _heading_total(draft: Draft, first: Mention, starts: list[int]) -> Mention | None:
    """The one figure of the heading right before the paragraph `first` opens, when the paragraph's first sentence
    is the heading's next and opens with `first` (no words with figures between the heading and its items)."""
    si = first.sentence - 1
    if si < 0 or draft.doc.sentences[first.sentence].paragraph == draft.doc.sentences[si].paragraph:
        return None
    sec = draft.doc.section_at(starts[si])
    if sec is None or not sec.title or sec.start != starts[si]:
        return None
    head = heading_figure(draft, sec, starts)
    return head[0] if head is not None else None


def _ordinal(m: Mention) -> int:
    found = ENUMERATED.match(m.label)
    return ORDINALS.index(found.group(1)) + 1 if found else 0


def _enumerated_items(draft: Draft, mentions: list[Mention], unit: str) -> list[tuple[Mention, Quantity]]:
    """The items 一是, 二是 … in order and their figures; none when a figure of the unit stands between them that is
    no item's own detail (`一是 A a，B b；二是 …`: which of them is the item's is not known)."""
    items: list[tuple[Mention, Quantity]] = []
    for m in mentions:
        k = _ordinal(m)
        if k and k != len(items) + 1:
            break
        if k:
            x = exact_of(m, unit)
            if x is None or draft.is_part(m) or draft.labeller.qualifying_ratio(m.key, m.quantities):
                return []
            items.append((m, x))
        elif exact_of(m, unit) is not None and not draft.is_part(m):
            if m.sentence != items[-1][0].sentence or id(m) in draft.totals:
                break  # the enumeration ended with its sentence, or a new total begins
            return []
    return items
