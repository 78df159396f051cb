"""Breakdowns a sentence does not state with its own `其中`: what was handled among what was inspected, a
`其中` that opens a sentence and breaks down the sentence before, a total stated after its parts.

All of them are inferred (`certain=False`): a finding on one is a warning, never an error.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from itertools import pairwise
from typing import TYPE_CHECKING

from tieout.linter.facts.definitions import (
    SUMS_THE_TWO,
    common_tail,
    complete,
    complete_every,
    is_component,
    of_named_total,
    of_total,
    outside,
    overlapping,
    siblings,
)
from tieout.linter.facts.model import Breakdown, Mention, Share
from tieout.linter.facts.passes.base import (
    ADDED,
    ADDING,
    CHANGE_AMOUNT,
    DONE_ACT,
    FULL_MARKS,
    HANDED_OVER,
    ORDINALS,
    PER_UNIT_WORDS,
    SEMICOLON,
    SIDES,
    SUBTRACT,
    Completed,
    account_side,
    before_restaged,
    beyond_target,
    by_paragraph,
    changed_by,
    changed_from,
    converted,
    count_of,
    counts_subordinates,
    exact_figure,
    exact_of,
    excludes,
    foots,
    full_marks_complete,
    in_brackets,
    income_and_cost,
    named_change,
    names_itself,
    not_of_another,
    of_relations,
    once,
    one_slip,
    said_earlier,
    same_section,
    scored_apart,
    sentences_holding,
    sides_of_a_difference,
    sources_and_uses,
    total_change,
    under_heading,
    within_whole,
)
from tieout.linter.facts.passes.roll_forward import CLOSING as STOCK_CLOSING
from tieout.linter.facts.passes.roll_forward import OPENING as STOCK_OPENING
from tieout.linter.facts.passes.roll_forward import STOCK, same_stock
from tieout.linter.facts.passes.surveys import one_answer_apart, survey_stages
from tieout.linter.figures.context import CLAUSE_END, FIELDS, MIXED, Context, read
from tieout.linter.figures.intervals import HUNDRED, digit_slip, rounding_unit
from tieout.linter.figures.labels import GENERIC_ITEMS, INCLUDED, LAST_YEAR_BESIDE, shared_word
from tieout.linter.figures.quantities import Quantity, count_number
from tieout.linter.patterns import regex
from tieout.linter.text.model import Section
from tieout.linter.text.normalise import FORM_LINE, numbering
from tieout.linter.vocab import alternation, fund_budgets, words
from tieout.linter.vocab import relation_words as _alt

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft


INSPECTED = regex(f"(?:{_alt('inspected')})[^，。；]{{0,12}}$")
HANDLED = regex(f"^(?:其中)?(?:{_alt('handled')})")
MONEY_NOUN = regex(f"(?:{_alt('money_nouns')})$")
JOINED = regex(r"(.{2,})(?:及|和|与|加)(.{2,})")
# a numbered item's mark (`4.`, `（四）`, `四、`)
NUMBERED_ITEM = regex(
    r"^\s*(?:\d{1,2}[.．、](?!\d)|[（(][\d一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)"
)
MAX_RUN = 8
# gross values (固定资产原值) and the net ones beside them (净值): a total of assets counts the net
GROSS = tuple(words("relations", "gross"))
NET = tuple(words("relations", "net"))
# figures looked at before a total for its run, skipped ones (notes in brackets, parts of other lists)
# included: a sentence of thousands of listed figures would otherwise be walked back whole for each total
MAX_LOOK = 8 * MAX_RUN


def defined_totals(draft: Draft) -> Iterator[Completed]:
    """A list whose parts cover a total's definition (三公经费 = 因公出国（境）费 + 公务用车购置及运行维护费 +
    公务接待费) is complete, whatever word opened it."""
    for b in draft.facts.breakdowns:
        if not b.exhaustive and len(b.parts) >= 2 and complete(b.total, b.parts) and not _parts_of_a_period(b):
            yield Completed(b, replace(b, exhaustive=True))


def _parts_of_a_period(b: Breakdown) -> bool:
    """Does a part state a period the total is not of (`未来五年…还本付息合计 T。其中，2026年需偿还本金 a，付息 b`)? The
    parts are then that period's share of the whole, not the parts of its definition: a + b is 2026's 还本付息, not T,
    and the list stays one of some parts."""
    whole = b.total.identity.context.period
    return any(_stated_period(p) not in (None, whole) for p in b.parts)


def _stated_period(m: Mention) -> str | None:
    """The period a figure's own words name by its year (`2026年需偿还本金`), not one of the document's it is given
    when they name none (a relative `本年` is that too)."""
    period = read(m.label).context.period
    return period if period not in (None, MIXED) and not period.startswith(("+", "-")) else None


# what may follow a listed part in its sentence: nothing, or its share (`，占 47.79%`, `，占比 5%`), and what it is
# used for, holds or is, no figure in it (`，主要用于农村道路硬化和小型水利设施建设`; `，主要包括：基本工资、津贴补贴…等`, as
# a 部门决算's 人员经费 and 公用经费 each say on a line of their own; `，主要为房屋出租收入`, `，为上年未使用完毕的项目资金`)
PART_TAIL = regex(
    r"^\s*(?:[，,]\s*占[^，。；\d]{0,12}?\s*\d+(?:\.\d+)?\s*%)?(?:[，,]\s*(?:主要|全部|重点)?(?:用于|包括|为|是)[^。；;\d%]*)?\s*[。；;]?\s*$"
)
# what may stand before a listed part's figure: its name alone, maybe after a list mark, with no clause break
PART_HEAD = regex(r"^[^，。；：,;:]{2,24}$")
# the words that open a list whose parts may go on in the sentences after it, a colon after them (`其中：`, and
# `合计 X 人，包括：` over a line for each part): vocab relations.yaml `line_list_openers`
LINE_OPENERS = frozenset(words("relations", "line_list_openers"))
LIST_OPENER = regex(f"(?:{_alt('line_list_openers')})\\s*[：:]")
# a sentence the layout cut, not its writer: it ends with a list's separator (`…，占 0%；` at a line's end)
CUT_SHORT = regex(r"[；;，,]\s*$")
SEPARATOR_END = regex(r"[；;]\s*$")  # a sentence ending with a list's separator: the list goes on after it
TOTAL_WORD = regex(r"合计|总计|共计|小计|总额")


def continued_lists(draft: Draft) -> Iterator[Completed]:
    """`本年支出合计 X 万元，其中：基本支出 A 万元，占 a%。项目支出 B 万元，占 b%。…`: a `其中：` list whose one part
    ends its sentence (or whose sentence the layout cut after a part, at its `；`) goes on in the sentences after
    it that each state one figure of the same unit, named and nothing else (maybe its share), under the same
    heading (PDF text puts one part on a line and ends each with 。). The parts are the list's whether they add
    up or not: a list may leave parts out, and it is complete when they add up to the total or cover its
    definition; the shares of the added parts are of the list's total. Read from the layout, not the words:
    inferred (warnings at most)."""
    shares = {id(s.part): s for s in draft.facts.shares if s.part is not None and s.total is None}
    for b in list(draft.facts.breakdowns):
        opened = _left_open(draft, b)
        if opened is None:
            continue
        unit_q, lq = opened
        last = b.parts[-1]
        added = _own_parts(draft, b, unit_q, _listed_after(draft, last.sentence, unit_q.base_unit, (last, lq)))
        if not added:
            continue
        parts = [*b.parts, *(m for m, _ in added)]
        quantities = [q for p in parts if (q := exact_of(p, unit_q.base_unit)) is not None]
        exhaustive = (
            b.exhaustive
            or foots(unit_q, quantities)
            or complete_every(b.total, parts)
            or _lists_all(draft, b, added[-1][0].sentence)
        )
        draft.parts.update(id(m) for m, _ in added)
        yield Completed(b, replace(b, parts=parts, exhaustive=exhaustive, certain=False))
        for _, q in added:
            s = shares.get(id(q))
            if s is not None and not s.base_label:
                yield Completed(s, replace(s, total=unit_q, certain=False))


def _lists_all(draft: Draft, b: Breakdown, last: int) -> bool:
    """Do the words say a list gone on over its lines names all the parts of its total: `包括：` (not `主要包括`, not
    `其中`, which may pick some) under a figure named a total (`受益人数合计 T 人，包括：`), its last line no `…等`? As
    `收入总计包括：A a、B b` lists all of a total (_listed_of_named)."""
    return b.keyword == "包括" and _names_total(draft, b.total) and not _open_ended(draft, last)


def _left_open(draft: Draft, b: Breakdown) -> tuple[Quantity, Quantity] | None:
    """The total's figure and the last part's, of a `其中：` list whose last part ends its sentence (with its share
    at most) and may go on after it: a list of one part, or one the layout cut (its sentence ends with `；`)."""
    doc = draft.doc
    unit_q = exact_figure(b.total)
    if unit_q is None or b.keyword not in LINE_OPENERS or b.inferred:
        return None
    last = b.parts[-1]
    sent = doc.sentences[last.sentence]
    if len(b.parts) != 1 and not CUT_SHORT.search(doc.text[sent.start : sent.end]):
        return None  # a list of several parts that ends with its sentence has ended (`…，环保税 a。非税收入 b。`)
    lq = exact_of(last, unit_q.base_unit)
    opened = doc.text[unit_q.end : b.parts[0].start]
    if lq is None or not LIST_OPENER.search(opened) or not PART_TAIL.match(doc.text[lq.end : sent.end]):
        return None
    return unit_q, lq


def _own_parts(
    draft: Draft, b: Breakdown, total: Quantity, added: list[tuple[Mention, Quantity]]
) -> list[tuple[Mention, Quantity]]:
    """The sentences listed after a part up to one stating a figure of another stage or period (`年初预算 120 万元`),
    the total's own sibling (`年初结转和结余` after `本年收入合计`) or what its definition does not hold (`会议费`
    after `“三公”经费`): that one is no part of the list, unless with it the parts add up to the total (a writer
    may count last year's carry-over in 本年收入: the sum says so); and the list ends where its parts add up, unless
    the part before ends with the list's separator (`…，占 0%；`): the writer's list goes on whatever the figures
    say, so a part mistyped after the parts add up is still one of them."""
    first = draft.stated.get(id(b.parts[-1]))
    divided = _divided_by(draft, b)
    so_far = [q for p in b.parts if (q := exact_of(p, total.base_unit)) is not None]
    doc, before = draft.doc, b.parts[-1].sentence
    for k, (m, q) in enumerate(added):
        sent = doc.sentences[before]
        if foots(total, so_far) and not SEPARATOR_END.search(doc.text[sent.start : sent.end]):
            return added[:k]
        if not _says_no_more(draft.stated.get(id(m)), first, divided):
            return added[:k]
        if siblings(m, b.total) or outside(b.total, m):
            return added[: k + 1] if foots(total, [*so_far, q]) else added[:k]
        so_far.append(q)
        before = m.sentence
    return added


# what a list may divide its total by, each part stating its own: a total of all funds (of all units) listed fund by
# fund (`本年收入合计 X，其中：一般公共预算收入 a；政府性基金预算收入 b；其他资金 c`)
DIVIDING = ("scope", "fund")


def _divided_by(draft: Draft, b: Breakdown) -> tuple[str, ...]:
    """The fields the list's parts state and its total does not: what the list divides the total by."""
    total = draft.stated.get(id(b.total))
    stated = [c for p in b.parts if (c := draft.stated.get(id(p))) is not None]
    return tuple(
        f
        for f in DIVIDING
        if (total is None or getattr(total, f) is None) and any(getattr(c, f) is not None for c in stated)
    )


def _listed_after(draft: Draft, si: int, unit: str, first: tuple[Mention, Quantity]) -> list[tuple[Mention, Quantity]]:
    """The sentences right after `si` that list parts like `first` (its share too when it has one): one part each,
    or several set apart by semicolons (`教学用房 b；生活用房 c；其他用房 d。` on lines the layout joined)."""
    doc = draft.doc
    has_share = "%" in doc.text[first[1].end : doc.sentences[si].end]
    out: list[tuple[Mention, Quantity]] = []
    last = first[0]
    for sj in range(si + 1, len(doc.sentences)):
        mentions = draft.by_sentence.get(sj) or []
        if not mentions or not same_section(draft, doc.sentences[si].start, doc.sentences[sj].start):
            break
        if _own_sub_list(draft, sj, mentions, last):
            continue
        parts = _clause_parts(draft, sj, mentions, unit, has_share)
        if parts is None:
            break
        out.extend(parts)
        last = parts[-1][0]
    return out


# a sentence opening a list of the figure before it (`其中：A a，B b。`): vocab relations.yaml `line_list_openers`
SUB_LIST_OPENER = regex(f"^\\s*(?:{_alt('line_list_openers')})\\s*[：:，,]")


def _own_sub_list(draft: Draft, sj: int, mentions: list[Mention], last: Mention) -> bool:
    """Is the sentence the list of the part before it (`事业收入 a，占 p%。其中：A a1，B a2。` on the lines of a list
    whose parts each end with 。), every figure of it a part the list of `last` holds? It is that part's detail, read
    as its own list: the parts of the outer list go on after it."""
    sent = draft.doc.sentences[sj]
    if not SUB_LIST_OPENER.match(draft.doc.text[sent.start : sent.end]):
        return False
    held = {id(p) for b in draft.facts.breakdowns if b.total is last for p in b.parts}
    return all(id(m) in held for m in mentions)


CLAUSE_BREAK = regex(r"[；;]")


def _clause_parts(
    draft: Draft, sj: int, mentions: list[Mention], unit: str, has_share: bool
) -> list[tuple[Mention, Quantity]] | None:
    """The parts of a sentence whose every clause (set apart by semicolons) states one part: its name alone, one
    figure of the unit, maybe its share; None where a clause states anything else."""
    text, sent = draft.doc.text, draft.doc.sentences[sj]
    bounds = [sent.start, *(x.end() for x in CLAUSE_BREAK.finditer(text, sent.start, sent.end)), sent.end]
    clauses = [(a, b) for a, b in zip(bounds, bounds[1:]) if text[a:b].strip()]
    if len(clauses) != len(mentions):
        return None
    out: list[tuple[Mention, Quantity]] = []
    for (a, b), m in zip(clauses, mentions):
        q = exact_of(m, unit)
        if q is None or not a <= q.start < b or draft.is_part(m) or id(m) in draft.totals or TOTAL_WORD.search(m.label):
            return None
        tail = text[q.end : b]
        if not PART_HEAD.match(text[a : q.start].strip()) or not PART_TAIL.match(tail) or ("%" in tail) != has_share:
            return None
        out.append((m, q))
    return out


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
        head = _heading_figure(draft, sec, starts) if len(kids) >= 2 else None
        if head is None:
            continue
        total, q = head
        items = [_heading_figure(draft, k, starts, q.base_unit) for k in kids]
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
            items = [_heading_figure(draft, k, starts, q.base_unit) for k in kids]
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
    return _other_period(a.stage, b.stage) or _other_period(a.period, b.period)


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
    """Are the headings (none of them another list's part or total: `_heading_figure`) the total's parts: not the
    two sides of one total, not the total restated, and adding up to it (or but for a slipped digit, where the
    heading announces its items or they are its definition's components)?"""
    mentions = [m for m, _ in parts]
    values = [x for _, x in parts]
    if _two_sides(mentions):
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
LEVEL_NAMED = regex(r"[（(]([类款项])[）)]")


def _levels_below(total: Mention, parts: list[Mention]) -> bool:
    """Does the heading name a level of the classification (`（类）`) and every item under it the level right below
    (`（款）`), one level each? The items are then the level's own rows, as in the table the paragraph explains, and
    a sum they miss by one slipped digit holds a mistyped figure, as where the heading announces its items."""
    own = [x.group(1) for x in LEVEL_NAMED.finditer(total.label)]
    if len(own) != 1 or own[0] == CLASS_LEVELS[-1]:
        return False
    below = CLASS_LEVELS[CLASS_LEVELS.index(own[0]) + 1]
    return all([x.group(1) for x in LEVEL_NAMED.finditer(p.label)] == [below] for p in parts)


def _says_no_more(own: Context | None, first: Context | None, divided: tuple[str, ...] = ()) -> bool:
    """Does a figure's own context state nothing its list's first part does not (no stage or period of its
    own: `年初预算 120 万元` after `公务接待费 30 万元`), but in what the list divides its total by (`divided`)?"""
    if own is None:
        return True
    return all(
        getattr(own, f) is None or (first is not None and getattr(own, f) == getattr(first, f))
        for f in ("scope", "fund", "stage", "period")
        if f not in divided
    )


def _two_sides(parts: list[Mention]) -> bool:
    """Do the items name both sides of a budget, each one side only (收入预算 …, 支出预算 …)?"""
    return {account_side(m.key) for m in parts} >= set(SIDES)


def _heading_figure(
    draft: Draft, sec: Section, starts: list[int], unit: str | None = None, named: bool = False
) -> tuple[Mention, Quantity] | None:
    """The one figure a heading's sentence states right after its name (of `unit`, when given; with `named`, or
    after its name and the word naming it, `（1）甲项目，预算 a 万元`, where it is the item's one figure)."""
    si = bisect_left(starts, sec.start)
    if si >= len(starts) or starts[si] != sec.start:
        return None
    mentions = draft.by_sentence.get(si) or []
    if not mentions and unit is not None:
        return _figure_said_next(draft, sec, si, unit)
    # (not a figure in brackets after the name: `（1）决策指标（20 分）得 17.05 分`, its weight, is no item's figure)
    amounts = [
        (m, q)
        for m in mentions
        for q in m.quantities
        if q.kind in ("amount", "count") and q.exact and not in_brackets(draft, si, q.start)
    ]
    if not amounts or (unit is None and len(amounts) != 1):
        return None
    m, q = amounts[0]
    if unit is not None and q.base_unit != unit:
        return None
    if _not_its_own(draft, m, amounts):
        return None
    # an item may break down its own figure (`9.其他支出 a 万元。其中，预备费 b 万元`), a heading may not be a
    # list's total already
    if draft.is_part(m) or (unit is None and id(m) in draft.totals):
        return None
    if draft.labeller.qualifying_ratio(m.key, m.quantities):
        return None
    one = unit is not None and len(amounts) == 1
    return (m, q) if _item_name(draft.doc.text[sec.start : q.start], one, named and one) else None


def _figure_said_next(draft: Draft, sec: Section, si: int, unit: str) -> tuple[Mention, Quantity] | None:
    """`1.支持产业创新发展。安排 12.6 亿元。一是…`: a heading whose sentence is its mark and name alone, its one figure
    (of the list's `unit`) the whole of the next sentence, named by the word naming an item's figure alone (vocab
    item_figure_words)."""
    doc = draft.doc
    head = doc.sentences[si]
    if si + 1 >= len(doc.sentences) or not HEADED.match(doc.text[sec.start : head.end].strip().rstrip("。")):
        return None
    nxt = doc.sentences[si + 1]
    if doc.section_at(nxt.start) is not sec:
        return None
    amounts = [(m, q) for m in draft.by_sentence.get(si + 1) or [] for q in m.quantities]
    if len(amounts) != 1:
        return None
    m, q = amounts[0]
    if q.kind != "amount" or not q.exact or q.base_unit != unit or draft.is_part(m):
        return None
    if FIGURE_SAID.match(doc.text[nxt.start : q.start]) is None or ENDED.match(doc.text[q.end : nxt.end]) is None:
        return None
    return m, q


# the word naming an item's one figure, ending the words before it (vocab item_figure_words; `安排`, `预算金额为：`)
_FIGURE_WORD = rf"(?:{_alt('item_figure_words')})(?:为|是)?[：:]?\s*$"
# the words alone naming an item's one figure, opening the sentence after its heading (`安排 12.6 亿元。`)
FIGURE_SAID = regex(rf"^\s*{_FIGURE_WORD}")


def _not_its_own(draft: Draft, m: Mention, amounts: list[tuple[Mention, Quantity]]) -> bool:
    """Is a heading's first figure no figure of the item: its full marks (`1.投入类指标分值 20 分，得分 18.6 分`, a score
    set's, TO111), or the first of figures it lists (`6.社会效益扣 1 分、满意度扣 0.7 分`: which one is its is not said)?"""
    q = amounts[0][1]
    if q.base_unit == "分" and FULL_MARKS.search(m.label):
        return True
    return (
        len(amounts) > 1
        and amounts[1][1].base_unit == q.base_unit
        and "、" in draft.doc.text[q.end : amounts[1][1].start]
    )


def _item_name(name: str, one_figure: bool, named: bool = False) -> bool:
    """Is the text before an item's figure its mark and name alone: `1.基础测绘项目`, or, the item stating one figure
    in the list's unit, `1. 医疗设备购置项目，` (an item of several figures after a comma may state its own among
    others: which one is the list's is not said), or, `named`, its name and the word naming its figure (`（1）甲项目，
    预算`, `1.乙项目：安排资金`: vocab item_figure_words)?"""
    # (a 项 named by its whole path, `（二）…（类）…（款）…（项）支出`: the 项's own name is what must be short)
    name = ABOVE_ITEM.sub(r"\g<mark>", name, count=1)
    if named and HEADED.match(ITEM_FIGURE_WORD.sub("", name)) is not None:
        return True
    return HEADED.match(name) is not None or (one_figure and HEADED.match(NAME_COMMA.sub("", name)) is not None)


# a 类 heading's mark and the 类 and 款 it names before the one 项 under it (`（二）…（类）…（款）` before `…（项）支出`), or an
# item's number and the 类 and 款 of the 项 it names by its whole path (`1.…（类）…（款）…（项）a 万元`)
ABOVE_ITEM = regex(
    r"^(?P<mark>\s*(?:[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}\s*[.．、]))[^，。；,;“”（()）]{2,30}[（(]类[）)][^，。；,;“”（()）]{2,30}[（(]款[）)]\s*"
)
# the word naming an item's one figure after its name (`（1）甲项目，预算`, `1.乙项目：安排资金`)
ITEM_FIGURE_WORD = regex(rf"[，,：:]\s*{_FIGURE_WORD}")


def _counted_announcement(draft: Draft, si: int, mentions: list[Mention], count: Quantity) -> _Announced | None:
    """`项目支出预算 T 万元，安排以下 4 个项目：`: a total, then, after a comma, the count of what the numbered items after
    the sentence are (its name alone before the colon), counted by a verb of the total's use (vocab
    counted_item_verbs) or `以下`/`下列`, nothing else between: the items are all of it where they are as many as
    counted (`announced_lists`). `主要`/`重点` items are some of it only: not read so."""
    doc = draft.doc
    if len(mentions) < 2 or count.value != count.value.to_integral_value() or count.value < 2:
        return None
    total = mentions[-2]
    q = next((x for x in reversed(total.quantities) if x.kind == "amount" and x.exact), None)
    if q is None or draft.labeller.qualifying_ratio(total.key, total.quantities):
        return None
    if not COUNT_OPENS.match(doc.text[q.end : count.start]) or not COUNT_CLOSES.match(
        doc.text[count.end : doc.sentences[si].end]
    ):
        return None
    return _Announced(doc.text[q.end : doc.sentences[si].end].strip("，,：: "), (total, q), count=int(count.value))


# between a total and the count of its items: a comma, then a verb of its use or the words pointing ahead, or both;
# the words may first say what the total is divided by (`本年收入合计 T，按来源分为以下四项：`)
COUNT_OPENS = regex(
    r"^\s*[，,]\s*(?:按[\u4e00-\u9fff]{1,6}?(?:划分|分)为|分为)?(?:共|共计)?"
    rf"(?:(?:{_alt('counted_item_verbs')})(?:以下|下列)?|以下|下列)\s*$"
)
# after the count: its counter and the name of what it counts (the counter alone may name them: `以下四项：`), then
# the colon closing the sentence
COUNT_CLOSES = regex(r"^\s*[个项类]?[\u4e00-\u9fff]{0,8}[：:]\s*$")


def _as_counted(a: _Announced, run: list[Section]) -> bool:
    """Does a count the words state (none: nothing to hold) number the items after them, 1, 2 … with no gap?"""
    return a.count is None or (len(run) == a.count and all(_follows(x, y) for x, y in pairwise(run)))


def _staged_apart(draft: Draft, total: Mention, parts: list[Mention], a: _Announced) -> bool:
    """Does an item of a counted list state its figure at another stage than the total's (`项目支出 T，安排以下 3 个
    项目：（1）甲项目，预算 a 万元`: budgets of spending)? Or does any item state figures at two stages, the one read at
    another than the total's (`收入原预算 A，调整为 B。其中：` / `1.税收收入原预算 a，调整为 b`: a is of A, b of B)?
    Then they are not its parts."""
    stage = total.identity.context.stage
    if a.count is not None:
        return any(p.identity.context.stage not in (None, stage) for p in parts)
    return stage is not None and any(
        p.identity.context.stage not in (None, stage)
        and any(m.identity.context.stage == stage for m in draft.by_sentence.get(p.sentence) or [] if m is not p)
        for p in parts
    )


def announced_lists(draft: Draft) -> Iterator[Breakdown]:
    """`一般公共预算拨款支出 X 万元，主要用于：` / `1.“…（项）”科目 a 万元，…。` / `2.…`, and `财政拨款支出主要内容如下：`
    naming a figure stated before it: numbered items one level below, each stating a figure of the total's unit
    right after its name, are the parts the sentence announces. `主要…` lists the main items only: the parts
    must not exceed the total, and they are all of it when they add up; `包括：`, `具体如下：` announce all of them
    (held to the total but for a slipped digit, as `headed_lists` holds its items). A division (`按用途分：`,
    `分项看：`) is all of the total where the items add up to it or their shares, together 100%, are of it; a
    division by taxes or regions may name the main ones only, so a slipped digit alone does not make it whole.
    Announced alone in its sentence, the list is of the figure ending the sentence before, or of its one figure
    that is no reference (a base, a note in brackets), or of the one figure of it the items add up to or their
    shares are of (`支出安排 S，上解 U，支出总计 T。按功能分类：` / `1.一般公共服务支出 a，占 p%；…`: of S).
    Inferred (warnings at most)."""
    doc = draft.doc
    starts = [s.start for s in doc.sentences]
    shares = _unnamed_shares(draft)
    for run in runs_of(draft):
        si = bisect_left(starts, run[0].start) - 1
        if si < 0 or not under_item(doc.section_at(starts[si]), run[0].parent):
            continue
        announced = _announcement(draft, si)
        if announced is None or not _as_counted(announced, run):
            continue
        if announced.words == BARE_COLON and not all(_follows(a, b) for a, b in pairwise(run)):
            continue  # a colon alone announces a list numbered 1., 2., 3. …, nothing skipped: else not known whole
        found = _announced_parts(draft, _class_groups(draft, run, starts) or run, starts, announced, shares)
        if (
            found is not None
            and not _staged_apart(draft, found[0], found[1], announced)
            and _of_its_members(draft, *found)
        ):
            total, parts, exhaustive = found
            words = announced.words
            yield Breakdown(total, parts, words, exhaustive, total.sentence, inferred=True, certain=False)


def _class_groups(draft: Draft, run: list[Section], starts: list[int]) -> list[Section] | None:
    """`其中：` / `（一）一般公共服务支出（类）` / `1.…（款）行政运行（项）a 万元` / `2.…` / `（二）住房保障支出（类）` / `1.…`:
    items that each head a class of the classification (`（类）`) with no figure of their own, the 项 under them
    numbered 1., 2. … in each, are groups of the announced items: the items are the numbered ones of every group,
    in order (None where an item is no such group)."""
    items: list[Section] = []
    for group in run:
        if "类" not in (m.group(1) for m in LEVEL_NAMED.finditer(group.title)):
            return None
        si = _heading_sentence(starts, group)
        kids = _numbered_children(draft.doc.sections, group)
        one = _one_item_class(draft, group, starts, si) if si >= 0 and not kids else None
        if one is not None:
            # `（二）卫生健康支出（类）行政事业单位医疗（款）` / `行政单位医疗（项）支出 b`: a class of
            # one 项, stated right under its heading unnumbered, an item of the list as its numbered siblings are
            items.append(one)
            continue
        if draft.by_sentence.get(si):
            return None  # the class states its own figure: the list is of the classes
        if not kids:
            return None
        items.extend(kids)
    return items


def _one_item_class(draft: Draft, group: Section, starts: list[int], si: int) -> Section | None:
    """The one 项 a class's heading states with no numbered item under it, as an item of a list (`_heading_figure`
    reads the sentence an item's section starts): the heading itself where its sentence runs on to the 项's figure
    (`（二）…（类）…（款）…（项）支出 b`), else the sentence right after a heading of no figure (`（二）…（类）…（款）` /
    `…（项）支出 b`), in no other section. Its first figure must follow the 项's mark (None otherwise). `si`: the
    sentence the heading starts (`_heading_sentence`), the class having no numbered item (`_class_groups` asks)."""
    one = group
    if not draft.by_sentence.get(si):
        si += 1
        if si >= len(starts) or draft.doc.section_at(starts[si]) is not group:
            return None
        one = Section(group.title, group.level + 1, starts[si], group.line, group)
    mentions = draft.by_sentence.get(si)
    if not mentions or not mentions[0].quantities:
        return None
    named = draft.doc.text[one.start : mentions[0].quantities[0].start]
    return one if [m.group(1) for m in LEVEL_NAMED.finditer(named)][-1:] == ["项"] else None


def _heading_sentence(starts: list[int], sec: Section) -> int:
    """The index of the sentence a heading starts (-1 where none starts at it; `starts`: the sentences')."""
    si = bisect_left(starts, sec.start)
    return si if si < len(starts) and starts[si] == sec.start else -1


def _numbered_children(sections: list[Section], group: Section) -> list[Section]:
    """The titled sections right under `group`, numbered one after the other from its first ([] where the numbers
    skip or an untitled section stands between: then they are not known to be all its items)."""
    k = bisect_left(sections, group.start, key=lambda s: s.start)
    kids: list[Section] = []
    for sec in sections[k + 1 :]:
        if sec.level <= group.level:
            break
        if sec.parent is not group:
            continue
        if not sec.title or (kids and not _follows(kids[-1], sec)):
            return []
        kids.append(sec)
    return kids


# the parts a figure is made of, named right after it before a colon (`基本支出 X 万元，由人员经费和公用经费两部分组成：`,
# `…，包括人员经费和公用经费：`)
NAMED_PARTS = regex(
    r"\s*[，,]\s*(?:由|包括)(?P<names>[\u4e00-\u9fff“”]{2,40}?)"
    r"(?:[两二三四五六七八九十]个?(?:部分|方面|类|项))?(?:组成|构成)?[：:]"
)
NAMED_PARTS_OPENING = regex(r"[，,]\s*(?:由|包括)")
NAMES_JOINED = regex(r"[、和及与]")


def named_parts(draft: Draft) -> Iterator[Breakdown]:
    """`基本支出 X 万元，由人员经费和公用经费两部分组成：人员经费 a 万元，占 p%，包括…；公用经费 b 万元，…。`: a figure
    followed by the names of the parts it is made of, then those parts' figures in that order (in its sentence and
    the next ones under its heading: each part may be a paragraph of its own), each named so and of the total's
    unit, are the total and all its parts (the names are the sentence's own, not the layout's). Inferred
    (warnings at most)."""
    doc = draft.doc
    # (NAMED_PARTS opens with `，由` or `，包括`: only the sentences holding one, found by a scan of the text, are read)
    holding = set(sentences_holding(draft, NAMED_PARTS_OPENING))
    for si, mentions in draft.by_sentence.items():
        if si not in holding:
            continue
        for k, total in enumerate(mentions):
            q = exact_figure(total)
            hit = NAMED_PARTS.match(doc.text, q.end, doc.sentences[si].end) if q is not None else None
            if hit is None or q is None or q.kind != "amount" or draft.is_part(total):
                continue
            names = [n.strip("“”") for n in NAMES_JOINED.split(hit.group("names"))]
            if len(names) < 2 or not all(len(n) >= 2 for n in names):
                continue
            parts = _parts_after(draft, si, mentions[k + 1 :], names, q)
            if parts:
                yield Breakdown(total, parts, "组成", True, total.sentence, inferred=True, certain=False)


PARTS_REACH = 6  # the sentences after the names' own that their parts may stand in


def _parts_after(draft: Draft, si: int, after: list[Mention], names: list[str], q: Quantity) -> list[Mention]:
    """The parts named after the total: among the figures after it in its sentence and in the next ones under the
    same heading, those of `q`'s unit named by the names in order (`_named_in_order`)."""
    sentences = draft.doc.sentences
    for sj in range(si + 1, min(len(sentences), si + 1 + PARTS_REACH)):
        if not same_section(draft, sentences[si].start, sentences[sj].start):
            break
        after = after + (draft.by_sentence.get(sj) or [])
    return _named_in_order(draft, after, names, q)


def _named_in_order(draft: Draft, after: list[Mention], names: list[str], q: Quantity) -> list[Mention]:
    """The figures of `q`'s unit, one named by each name in order (figures named otherwise may stand between: a
    part's own items), the first figure of the unit the first part; [] unless every name has one, or where a name
    comes again or out of its order before the last."""
    alike = [m for m in after if (x := exact_figure(m)) is not None and x.base_unit == q.base_unit and x.kind == q.kind]
    parts: list[Mention] = []
    for m in alike:
        phrase = _own_phrase(m)
        if phrase == names[len(parts)]:
            parts.append(m)
            if len(parts) == len(names):
                break
        elif phrase in names:
            return []
    if len(parts) < len(names) or not alike or alike[0] is not parts[0] or any(draft.is_part(m) for m in parts):
        return []
    return parts


@dataclass(slots=True)
class _Announced:
    """What an announcing sentence (`…，主要用于：`, `按功能分类：`) says of the total of the items after it: its
    words, the figure they follow or name (`primary`), and the other figures the total may be (`near`: those of
    the sentence before, when the words stand alone in theirs), taken only by their arithmetic."""

    words: str
    primary: tuple[Mention, Quantity] | None
    near: list[tuple[Mention, Quantity]] = field(default_factory=list)
    count: int | None = None  # how many items the words say follow (`安排以下 4 个项目：`), when they count them


def _announced_parts(
    draft: Draft, run: list[Section], starts: list[int], a: _Announced, shares: dict[int, Quantity]
) -> tuple[Mention, list[Mention], bool] | None:
    """The total of the announced items, the items' figures and whether they are all of it: the one figure they
    add up to, else the one their shares (every item's, together 100%) are of, else the figure the words name
    (as the words hold it: `_held_announced`)."""
    candidates = ([a.primary] if a.primary is not None else []) + a.near
    named = a.count is not None
    listed = [(m, q, parts) for m, q in candidates if (parts := _announced_items(draft, run, starts, m, q, named))]
    for whole_test in (foots, lambda q, values: _shares_of(q, values, shares)):
        fit = [(m, q, parts) for m, q, parts in listed if whole_test(q, [x for _, x in parts])]
        if fit and len({q.base_value for _, q, _ in fit}) == 1:
            m, _, parts = fit[0]
            return m, [p for p, _ in parts], True
    if a.primary is None:
        return None
    m, q = a.primary
    parts = next((ps for t, _, ps in listed if t is m), [])
    if _other_measure(draft, m, parts):
        return None
    exhaustive = _held_announced(a, q, [x for _, x in parts]) if parts else None
    return None if exhaustive is None else (m, [p for p, _ in parts], exhaustive)


def _other_measure(draft: Draft, total: Mention, parts: list[tuple[Mention, Quantity]]) -> bool:
    """Is the total what was left over (结转, 结余) and does an item state several figures of its unit, the one read
    as its part named by no such word (`年末结转资金 C。分项目类型看：` / `1.甲类项目安排资金 a，已支出 b，…`: a is what
    was arranged, b spent)? What an item was arranged or spent is no part of what is left: which of its figures, if
    any, divides the total is not said, so the items are not read as its parts."""
    if STOCK_LEFT.search(total.key) is None:
        return False
    for m, q in parts:
        alike = [
            x
            for n in draft.by_sentence.get(m.sentence) or []
            for x in n.quantities
            if x.kind == q.kind and x.exact and x.base_unit == q.base_unit
        ]
        if len(alike) > 1 and STOCK_LEFT.search(m.key) is None:
            return True
    return False


# the words of what is left over at the year's end, a stock no allocation or spending is a part of
STOCK_LEFT = regex(r"结转|结余")


# a whole named by counting its members (`教育、社会保障和就业、卫生健康、住房保障、农林水五项民生支出合计 X`), or by
# listing them with `等` (`教育、卫生健康、农林水等民生领域支出合计 X`: those and perhaps a few of their kind)
MEMBERS_COUNTED = regex(
    r"(?P<names>[\u4e00-\u9fff“”]{2,16}?(?:、[\u4e00-\u9fff“”]{2,16}?)+)"
    r"(?:等?(?P<n>[两二三四五六七八九十\d]{1,2})(?:项|个|类|大)|等)"
)
PHRASE_START = regex(r"[，,；;：:]")


def _of_its_members(draft: Draft, total: Mention, parts: list[Mention], exhaustive: bool) -> bool:
    """Are the parts the members the total's name counts, where it names them (`教育、…、农林水五项民生支出合计 X。
    分科目看：（1）教育支出 a…（5）城乡社区支出 e`: the division is of all the spending, not of the five; 城乡社区 is
    none of them)? A total that counts no members holds any parts."""
    q = next((x for x in total.quantities if x.kind in ("amount", "count")), None)
    if q is None:
        return True
    sentence = draft.doc.sentences[total.sentence]
    before = draft.doc.text[sentence.start : q.start]
    phrase = before[max((m.end() for m in PHRASE_START.finditer(before)), default=0) :]
    counted = MEMBERS_COUNTED.search(phrase)
    if counted is None:
        return True
    names = counted["names"].split("、")
    if counted["n"] is not None and count_number(counted["n"]) != len(names):
        return True  # (`…等三项`: not every member named)
    # (with `等` alone the members are those named and perhaps others: parts that are none of the named ones may
    # be of the total or not, so the list is not read as its parts; the same test as for members counted)
    # (the first name may carry the words before it, `全县农业、水利…`: any of its ends of two characters or more)
    first = [names[0][k:] for k in range(len(names[0]) - 1)]
    return all(any(name in p.label for name in first + names[1:]) for p in parts)


def _held_announced(a: _Announced, q: Quantity, values: list[Quantity]) -> bool | None:
    """How the words hold items that do not add up to the figure they name: as some of it (`主要…`, and a
    division the sentence before states no other figure beside: parts that must not exceed it), as all of it
    but for a slipped digit (`包括：`, `具体如下：`), or not at all (None)."""
    if ANNOUNCES_SOME.match(a.words):
        return False  # the main items: held to the total only as parts that do not exceed it
    if DIVIDES.fullmatch(a.words):
        # a division may name the main taxes, regions … only: some of the total, where no other figure of the
        # sentence before might be the one divided
        return None if a.near else False
    return True if one_slip(q, values) else None  # all the items announced, and far from the total: not read


def _announced_items(
    draft: Draft, run: list[Section], starts: list[int], total: Mention, q: Quantity, named: bool = False
) -> list[tuple[Mention, Quantity]]:
    """The items' figures in `q`'s unit when every item states one and they are no two sides of a budget (with
    `named`, an item's one figure may follow its name and the word naming it: `（1）甲项目，预算 a 万元`)."""
    items = [_heading_figure(draft, k, starts, q.base_unit, named) for k in run]
    if not any(g in total.key for g in GROSS):
        items = [_net_of(draft, x) for x in items]
    parts = [x for x in items if x is not None]
    if len(parts) != len(items) or any(m is total for m, _ in parts) or _two_sides([m for m, _ in parts]):
        return []
    if names_itself(total, [m for m, _ in parts]):
        # `本年收入合计 A，上年结转 B。其中：` / `1．…` … `6．上年结转 B`: the list is of A + B, not of B
        return []
    return parts


def _net_of(draft: Draft, item: tuple[Mention, Quantity] | None) -> tuple[Mention, Quantity] | None:
    """An item's part of a total that counts net values (资产总额): its figure, or where that is a gross value
    (`（四）无形资产原值 a，累计摊销 b，无形资产净值 c`) the one net value its sentence states of the unit (None: none,
    or several)."""
    if item is None or not item[0].key.endswith(GROSS):
        return item
    m, q = item
    nets = [
        (n, x)
        for n in draft.by_sentence.get(m.sentence) or []
        if n.key.endswith(NET)
        for x in n.quantities
        if x.kind == "amount" and x.exact and x.base_unit == q.base_unit
    ]
    return nets[0] if len(nets) == 1 else None


def _unnamed_shares(draft: Draft) -> dict[int, Quantity]:
    """The share each figure is stated to be naming no whole (`a 万元，占 p%`), by the figure's id."""
    return {
        id(s.part): s.stated
        for s in draft.facts.shares
        if s.part is not None and s.total is None and not s.base_label and s.certain and s.stated.exact
    }


def _shares_of(total: Quantity, values: list[Quantity], shares: dict[int, Quantity]) -> bool:
    """Is every item's share stated, together 100%, and each of this total (all but one at most: one item or
    its share may be mistyped)?"""
    stated = [shares.get(id(x)) for x in values]
    if len(values) < 2 or any(s is None for s in stated) or not total.base_value:
        return False
    pcts = [s for s in stated if s is not None]
    slack = sum((s.ulp for s in pcts), Decimal(0)) / 2
    if abs(sum((s.value for s in pcts), Decimal(0)) - HUNDRED) > slack:
        return False
    off = sum(
        1 for x, s in zip(values, pcts, strict=True) if abs(x.base_value / total.base_value * HUNDRED - s.value) > s.ulp
    )
    return off <= 1


# a total of the items above it (`以上收入合计 X`, `上述三项共计 X`), or a total word alone (`合计 X`)
ABOVE_TOTAL = regex(r"^(?:(?:以上|上述)[^，。；：,;:]{0,12}?)?(?:合计|共计|总计|小计)(?:为|是)?$")


def totals_after_items(draft: Draft) -> Iterator[Breakdown]:
    """`1.乡本级收入 a 万元。` / `2.上级补助收入 b 万元。其中：…` / `3.上年结转 c 万元。` / `以上收入合计 T 万元。` / `4.…`
    / `6.…` / `以上支出合计 U 万元。`: a sentence opening with a total of what is above it, among numbered items,
    sums the items' figures since the run's start or the total before (`以上三项`: as many as it counts): read when they
    add up to it, or, the words saying they are all of it (以上, a total word alone), but for a slipped digit or
    with as many items as the words count. A total named otherwise (`收入合计`) is read when they add up.
    Inferred (warnings at most)."""
    doc = draft.doc
    starts = [s.start for s in doc.sentences]
    claimed: set[int] = set()  # the totals read (runs nest: an inner run's total is not also the outer one's)
    place = {id(sec): k for k, sec in enumerate(doc.sections)}  # (each section's index, found once: linear)
    # each sentence's opening total (see `_opening_total_of_above`), read once: runs nest, and a sentence of an inner
    # run is one of the outer run's too
    opening: dict[int, tuple[Mention, str, Quantity] | None] = {}
    for run in runs_of(draft):
        heads = {k.start for k in run}
        members = {id(k) for k in run}
        run_starts = [k.start for k in run]  # (in order: the items above a sentence found by bisection)
        done = 0  # the items a total before took
        for si in _run_sentences(doc.sections, run, starts, place[id(run[-1])]):
            mentions = draft.by_sentence.get(si) or []
            if starts[si] in heads or not mentions or id(mentions[0]) in claimed:
                continue
            if si not in opening:
                opening[si] = _opening_total_of_above(draft, mentions, si)
            found = opening[si]
            if found is None:
                continue
            m, label, q = found
            items = run[done : max(done, bisect_left(run_starts, starts[si]))]
            if len(items) < 2:
                continue
            if not _at_level(doc.section_at(starts[si]), run, members):
                continue  # a total in an item's own nested list (after its `（1）…（2）…`) is that list's
            parts = _items_above(draft, m, q, items, starts, label)
            if parts:
                done = run.index(items[-1]) + 1
                claimed.add(id(m))
                yield Breakdown(m, parts, "", True, si, inferred=True, certain=False)


def _opening_total_of_above(draft: Draft, mentions: list[Mention], si: int) -> tuple[Mention, str, Quantity] | None:
    """The exact figure a sentence opens with as a total of what is above it (`_opening_total`, `_total_of_above`),
    the words naming it and its figure; None where it opens with none."""
    m, label = _opening_total(draft, mentions, si)
    q = exact_figure(m)
    return (m, label, q) if q is not None and _total_of_above(draft, m, si) else None


def _at_level(sec: Section | None, run: list[Section], members: set[int]) -> bool:
    """Does text of `sec` stand at the level of the run's items (`members`: their ids): in an item's own text, or
    in their parent's resumed after one (an untitled section of it)?"""
    return sec is not None and (id(sec) in members or (not sec.title and sec.parent is run[0].parent))


# the count of the items above written in digits before a total's name (`以上8个项目合计 T`, `上述 12 项合计 T`): the
# lexer reads `8个` as a figure of its own, the total's figure the next one
COUNT_ABOVE = regex(r"^(?:以上|上述)$")


def _opening_total(draft: Draft, mentions: list[Mention], si: int) -> tuple[Mention, str]:
    """The figure a sentence opens with as a total, and the words naming it: the first figure and its label, or,
    where that is the count of the items above (`以上 8个`, a count in 个 or 项) right before a named total's figure
    (`项目合计 T`), the total's figure named by all the words before it (`以上8个项目合计`)."""
    first = mentions[0]
    if len(mentions) < 2 or not COUNT_ABOVE.match(first.label.strip("，、；：。 ")):
        return first, first.label
    count, total = first.quantities[0], mentions[1]
    if len(first.quantities) != 1 or count.kind != "count" or not count.text.endswith(("个", "项")):
        return first, first.label
    sentence = draft.doc.sentences[si]
    return total, draft.doc.text[sentence.start : total.start]


def _items_above(
    draft: Draft, m: Mention, q: Quantity, items: list[Section], starts: list[int], label: str | None = None
) -> list[Mention]:
    """The items' figures a total after them sums (as many as it counts, `以上两项`), when each states one in its
    unit and they add up to it, or the words say they are all of it (以上, 合计 alone) and they miss it by a slipped
    digit or are as many as the words count; [] when not read. `label`: the words naming the total where its own
    label is not all of them (`以上8个项目合计`, see `_opening_total`)."""
    label = m.label if label is None else label
    counted = _counted(label)
    if counted and counted != len(items):
        return []  # `以上两项` after three items: which two is not said
    figures = [_heading_figure(draft, k, starts, q.base_unit) for k in items]
    parts = [x for x in figures if x is not None]
    if len(parts) < 2 or len(parts) != len(figures):
        return []
    values = [x for _, x in parts]
    # (`四项重点支出小计`: the count of all the items above, as `以上` says)
    said = label.strip("，、；：。 ")
    above = ABOVE_TOTAL.match(said) is not None or _count_names(said, [p for p, _ in parts])
    if foots(q, values) or (above and (counted == len(parts) or one_slip(q, values))):
        return [p for p, _ in parts]
    return []


def _total_of_above(draft: Draft, m: Mention, si: int) -> bool:
    """Does the figure open its sentence as a total (its name alone before it) that is no list's part or total?"""
    if draft.is_part(m) or id(m) in draft.totals:
        return False
    said = draft.doc.text[draft.doc.sentences[si].start : m.start].strip()
    return PART_HEAD.match(said) is not None and _names_total(draft, m)


def _run_sentences(sections: list[Section], run: list[Section], starts: list[int], last_item: int) -> range:
    """The sentences from a run's first item to the end of its last one's text (`last_item`: that item's index
    in `sections`): up to the next titled section of the run's level or above, or any section above it (untitled
    ones of its parent and those nested in its items go on)."""
    level = run[0].level
    # (walked by index from the item on: islice would step over the sections before it for every run)
    end = next(
        (
            s.start
            for k in range(last_item + 1, len(sections))
            if (s := sections[k]).level < level or (s.level == level and s.title)
        ),
        None,
    )
    first = bisect_left(starts, run[0].start)
    last = bisect_left(starts, end) if end is not None else len(starts)
    return range(first, last)


def under_item(sec: Section | None, parent: Section | None) -> bool:
    """Does text of `sec` stand in `parent`'s own text: in it, or in an untitled section of it (its text going on
    after an item of a list, `（5）… 。` / `支出总量 Y，具体为：` / `（1）…`, before the next list's items)?"""
    return sec is parent or (sec is not None and not sec.title and sec.parent is parent)


def runs_of(draft: Draft) -> list[list[Section]]:
    """The document's `item_runs`, found once (kept on the draft: five passes read them, none changes them)."""
    if draft.item_runs is None:
        draft.item_runs = list(item_runs(draft.doc.sections))
    return draft.item_runs


def item_runs(sections: list[Section]) -> Iterator[list[Section]]:
    """The runs of titled sections of one level under one parent, next to each other (items nested in one of them
    between), two at least: a section ends the runs of the levels below it, and of its own under another parent.
    An untitled one (an item's text going on after its heading) ends none when the next item's number follows. One
    numbered another way than the run's first (a report's part `4.2 关于…的说明` set at the level of the `1、` items
    before it) ends the run and is no item of it."""
    runs: dict[float, list[Section]] = {}  # the run being built at each level
    resumed: set[float] = set()  # the levels whose run an untitled section interrupted
    for sec in sections:
        for level in [lv for lv in runs if lv > sec.level]:
            ended = runs.pop(level)
            if len(ended) >= 2:
                yield ended
        run = runs.get(sec.level, [])
        if run and not sec.title and run[-1].parent is sec.parent:
            resumed.add(sec.level)
            continue
        item = bool(sec.title)
        gap = sec.level in resumed
        resumed.discard(sec.level)
        if run and item and run[-1].parent is sec.parent and (not gap or _follows(run[-1], sec)) and _alike(run, sec):
            run.append(sec)
            continue
        if len(run) >= 2:
            yield run
        runs[sec.level] = [sec] if item else []
    yield from (run for run in runs.values() if len(run) >= 2)


def _alike(run: list[Section], sec: Section) -> bool:
    """Is the section numbered as the run's first item is (`1、` and `2.` alike; `4.2` not)?"""
    return numbering(sec.title) == numbering(run[0].title)


ITEM_NUMBER = regex(r"^[（(]?(\d{1,3}|[一二三四五六七八九十]{1,3})[)）.．、]")


def _follows(before: Section, sec: Section) -> bool:
    """Is the section's number the one after `before`'s (`13.` after `12.`, `（三）` after `（二）`)?"""
    a, b = ITEM_NUMBER.match(before.title), ITEM_NUMBER.match(sec.title)
    x, y = (None, None) if a is None or b is None else (count_number(a.group(1)), count_number(b.group(1)))
    return x is not None and y is not None and y == x + 1


# a division of the total the items make (`按用途分：`, `按支出功能分类：`, `分项看：`, `分企业看：`, `从类型看：`)
DIVIDES = regex(r"(?:按|分)[\u4e00-\u9fff]{1,6}?(?:分类|划分|分|来看|看)|从[\u4e00-\u9fff]{1,6}?(?:来看|看)")
# what announces numbered items after it: the main ones (`主要用于：`, `主要用于如下：`, `主要内容如下：`) or all (`包括：`, `具体如下：`,
# `具体安排如下：`)
ANNOUNCES = regex(
    r"(?:(?:主要|重点)(?:用于(?:如下|以下方面)?|包括|内容如下|支出项目如下|项目如下|安排如下|(?:安排|保障|支持)以下(?:[\u4e00-\u9fff]{0,2}方面的?)?(?:支出|工作|项目|方面))|其中|包括|(?:具体)?(?:构成|组成)(?:情况)?如下|具体(?:安排)?如下|明细如下|具体为|分别为"
    rf"|{DIVIDES.pattern})"
)
ANNOUNCES_SOME = regex(r"主要|重点|其中")
# the announcing words after the total's figure (`…X 万元，主要用于：`)
ANNOUNCED_AFTER = regex(rf"^\s*[，,]\s*({ANNOUNCES.pattern})[：:]\s*$")
# a sentence naming the total it announces the items of (`2025年财政拨款支出主要内容如下：`, `收入预算构成如下：`)
ANNOUNCED_NAMED = regex(rf"^\s*(?:\d{{4}}年度?)?([\u4e00-\u9fff“”（）()]{{2,24}}?)的?({ANNOUNCES.pattern})[：:]\s*$")
# the announcing words alone, the sentence before stating the total (`…X 亿元。其中：`)
ANNOUNCED_ALONE = regex(rf"^\s*({ANNOUNCES.pattern})[：:]\s*$")
# a total's figure ending its sentence with a colon alone (`资金合计 T 万元：`), the items it sums after it
ANNOUNCED_BARE = regex(r"^\s*[：:]\s*$")
BARE_COLON = "："
ENDED = regex(r"^\s*[。；]?\s*$")  # what may follow the total a sentence alone announces items of
NAMED_REACH = 4  # sentences back to the figure an announcement names


def _announcement(draft: Draft, si: int) -> _Announced | None:
    """What a sentence ending with `：` says of the total it announces items of: the announcing words and the
    sentence's last figure right before them, or the figure of the sentences before in its section whose name it
    gives (one value), or, the words alone, the figures of the sentence before (`_announced_before`)."""
    doc = draft.doc
    sent = doc.sentences[si]
    mentions = draft.by_sentence.get(si) or []
    if mentions:
        return _announced_after(draft, si, mentions)
    said = doc.text[sent.start : sent.end]
    alone = ANNOUNCED_ALONE.match(said)
    if alone is not None:
        return _announced_before(draft, si, alone.group(1))
    named = ANNOUNCED_NAMED.match(said)
    if named is None:
        return None
    before = [
        m
        for sj in range(si - 1, max(-1, si - 1 - NAMED_REACH), -1)
        if same_section(draft, doc.sentences[sj].start, sent.start)
        for m in reversed(draft.by_sentence.get(sj) or [])
    ]
    whole = _named_figure(named.group(1), before)
    q = None if whole is None else next((x for x in whole.quantities if x.kind == "amount" and x.exact), None)
    return None if whole is None or q is None else _Announced(named.group(2), (whole, q))


def _announced_after(draft: Draft, si: int, mentions: list[Mention]) -> _Announced | None:
    """The words announcing items after the sentence's last figure (`…X 万元，主要用于：`), the colon alone after a
    total (`资金合计 T 万元：`), or the count of the items after a total (`_counted_announcement`)."""
    last = mentions[-1]
    q = next((x for x in reversed(last.quantities) if x.kind in ("amount", "count") and x.exact), None)
    if q is None or draft.labeller.qualifying_ratio(last.key, last.quantities):
        return None
    tail = draft.doc.text[q.end : draft.doc.sentences[si].end]
    after = ANNOUNCED_AFTER.match(tail)
    if after is None and q.kind == "count":
        return _counted_announcement(draft, si, mentions, q)
    if after is None:
        # `重点项目 4 个，资金合计 T 万元：`: a total the colon alone opens the items of; a figure not named a total
        # (`收入 X 万元：`) may as well open a description, so its items are not taken for its parts
        bare = ANNOUNCED_BARE.match(tail) is not None and TOTAL_WORD.search(last.label) is not None
        return _Announced(BARE_COLON, (last, q)) if bare else None
    return _Announced(after.group(1), (last, q))


def _announced_before(draft: Draft, si: int, words: str) -> _Announced | None:
    """`…转移支付 X 亿元。其中：` / `（1）…`: the announcing words alone in their sentence announce the items of a
    figure of the sentence before, in its section: the figure ending it (nothing but its full stop after it), else
    its one figure that is no reference (`收入 A，完成预算的 r%，增长 p%（上年为 B）。分项看：`: A, B a note in
    brackets and the base of the change), or one of its figures the items' arithmetic picks (`near`)."""
    doc = draft.doc
    if si < 1 or not same_section(draft, doc.sentences[si - 1].start, doc.sentences[si].start):
        return None
    if _reasons_alone(draft, si - 1):
        return _announced_past_reasons(draft, si, words)
    mentions = draft.by_sentence.get(si - 1) or []
    near = _principal_figures(draft, si - 1)
    last = mentions[-1] if mentions else None
    q = None if last is None else next((x for x in reversed(last.quantities) if x.kind in ("amount", "count")), None)
    if last is None or q is None or not q.exact or draft.labeller.qualifying_ratio(last.key, last.quantities):
        return _Announced(words, None, near) if near else None
    if ENDED.match(doc.text[q.end : doc.sentences[si - 1].end]):
        return _Announced(words, (last, q), [c for c in near if c[0] is not last])
    return _Announced(words, near[0], []) if len(near) == 1 else _Announced(words, None, near)


# the characters a sentence giving reasons opens with before its reason word (`决算数小于预算数的主要原因是`)
REASON_OPENING = 16
REASONS_REACH = 2  # the sentences with figures before the reasons that the total announced after them may stand in


def _reasons_alone(draft: Draft, si: int) -> bool:
    """Is the sentence the reasons for a change alone (`主要原因是人员经费调增等。`: no figure, opening with the words
    giving a reason)?"""
    sent = draft.doc.sentences[si]
    hit = GIVES_A_REASON.search(draft.doc.text, sent.start, min(sent.end, sent.start + REASON_OPENING))
    return hit is not None and not draft.by_sentence.get(si)


def _announced_past_reasons(draft: Draft, si: int, words: str) -> _Announced | None:
    """`…财政拨款支出 T 万元，占本年支出合计的 p%。与上年相比增加 d 万元，增长 r%。主要原因是…。其中：` / `（一）…`: the
    words alone after the reasons for a change announce the items of a figure of the sentences before the reasons,
    in the section: the one such figure that is no change's own (`增加 d`: what the reasons explain, not what the
    items divide), else one the items' arithmetic picks (`near`)."""
    doc = draft.doc
    near: list[tuple[Mention, Quantity]] = []
    for sj in range(si - 2, max(-1, si - 2 - REASONS_REACH), -1):
        if not same_section(draft, doc.sentences[sj].start, doc.sentences[si].start):
            break
        near = _principal_figures(draft, sj) + near
    moved = _moved_figures(draft, {m.sentence for m, _ in near})
    levels = [(m, q) for m, q in near if id(q) not in moved]
    if len(levels) == 1:
        return _Announced(words, levels[0], [c for c in near if c is not levels[0]])
    return _Announced(words, None, near) if near else None


def _moved_figures(draft: Draft, sentences: set[int]) -> set[int]:
    """The ids of the figures the changes of these sentences state as movements (`增加 d 万元`)."""
    return {
        id(mv.quantity)
        for c in draft.facts.changes
        if c.sentence in sentences
        for mv in c.movements
        if mv.quantity is not None
    }


def _principal_figures(draft: Draft, si: int) -> list[tuple[Mention, Quantity]]:
    """The sentence's exact amounts and counts that are no reference: not in brackets, not what a ratio or a
    change measures against, not last year's beside this year's, not a ratio's own figure."""
    used = _measured_against(draft, si)
    out = []
    for m in draft.by_sentence.get(si) or []:
        q = exact_figure(m)
        if q is None or id(q) in used:
            continue
        if in_brackets(draft, si, m.start) or LAST_YEAR_BESIDE.match(m.label):
            continue
        if not draft.labeller.qualifying_ratio(m.key, m.quantities):
            out.append((m, q))
    return out


# what may end a figure's own phrase after its name (`基本支出为`, `基本支出预算数是`)
PHRASE_VERB = regex(r"(?:为|是|达|共计|合计)$")
# words a name may carry or leave out (`收入预算总计` for the 收入预算 of `收入预算构成如下`; `配套支出安排 X` for the
# 配套支出 of `配套支出主要包括：`, the verb that states the figure)
NAME_NOISE = regex(
    r"^(?:其中|\d{4}年度?)|(?:预算数|预算|决算数|决算)?(?:总计|合计|总额)?(?:预算数|预算|决算数|决算)?(?:安排|完成)?$"
)


def _own_phrase(m: Mention) -> str:
    return PHRASE_VERB.sub("", PHRASES.split(m.label)[-1].strip())


# the words before a name that make a figure what an act did or left undone of the thing named (`已整改问题金额` is no
# 问题金额 of an entity or a year: it is the part rectified): a year, then a mark of the act (done, undone, under way,
# due; vocab tables.yaml) and the act
ACT_BEFORE_NAME = regex(
    r"^(?:\d{4}年)?(?:已经|已|累计已|实际已|"
    + alternation(
        [*words("tables", "negation_marks"), *words("tables", "ongoing_marks"), *words("tables", "due_marks")]
    )
    + r")[\u4e00-\u9fff]{1,4}$"
)


def _ends_with_name(phrase: str, name: str) -> bool:
    """Does a figure's phrase name the thing `name` names, an entity or a year before it (`2024年基本支出` for
    基本支出)? Not where what stands before is an act done of it (`已整改问题金额` for 问题金额: a part of it)."""
    return phrase.endswith(name) and ACT_BEFORE_NAME.fullmatch(phrase[: len(phrase) - len(name)]) is None


def _named_figure(name: str, mentions: list[Mention]) -> Mention | None:
    """The figure (the first of `mentions` when several state one value) whose own phrase is the name: as written,
    else ending with it (an entity or year before), else so with totals' and stages' words left out of both."""
    bare = NAME_NOISE.sub("", name)
    tests = (
        lambda p: p == name,
        lambda p: _ends_with_name(p, name),
        lambda p: len(bare) >= 2 and NAME_NOISE.sub("", p).endswith(bare),
    )
    own = [(m, _own_phrase(m)) for m in mentions if m.key]
    for test in tests:
        found = [m for m, phrase in own if test(phrase)]
        values = {q.base_value for m in found for q in m.quantities[:1]}
        if found:
            return found[0] if len(values) == 1 else None
    return None


# what announces a list of all the items after a total (`。包括：`, `，具体如下：`; not `主要包括：`, the main ones)
LIST_ANNOUNCED = regex(
    r"(?<!主要)(?<!重点)(?:包括|具体(?:安排)?如下|具体为|分别为|明细如下|(?:构成|组成)(?:情况)?如下)[：:]\s*$"
)
# a heading's mark and name before its figure, no clause break: `（一）收入预算总计`, `1.一般公共服务（类）支出`; a
# name in quotes counts as one word, however long (`1.“社会保障和就业支出（类）…（项）”科目`); a colon may close the
# name right before its figure (`1.基础测绘项目：a 万元`: nothing but the name stands before it)
NAME_COMMA = regex(r"[，,]\s*$")  # the comma closing an item's name before its one figure
HEADED = regex(r"^(?:[^，。；：,;:“”]|“[^“”]{1,80}”){2,40}?(?:为|是|共计|合计|总计)?[：:]?$")


def inspections(draft: Draft) -> Iterator[Breakdown]:
    """`检查餐饮门店 2,964 家，处理违规 438 家`: in one sentence, what was handled or found among what was
    inspected is a part of it (a 其中 that is not written)."""
    taken: set[int] = set()
    for si, mentions in draft.by_sentence.items():
        for i, whole in enumerate(mentions):
            if not INSPECTED.search(whole.label):
                continue  # (the words first: few figures are of what was inspected)
            if draft.is_part(whole) or id(whole) in draft.totals or id(whole) in taken:
                continue
            wq = next((q for q in whole.quantities if q.kind == "count" and q.exact), None)
            if wq is None:
                continue
            part = next((p for p in mentions[i + 1 : i + 3] if _handled(draft, p, wq) and id(p) not in taken), None)
            if part is not None:
                taken.update((id(part), id(whole)))
                yield Breakdown(whole, [part], "", False, si, inferred=True, certain=False)


def _handled(draft: Draft, p: Mention, whole: Quantity) -> bool:
    return not draft.is_part(p) and bool(HANDLED.match(p.key)) and exact_of(p, whole.base_unit) is not None


def _not_moves(items: list[Mention]) -> list[Mention]:
    """The items but those naming what a part changed by, by the move alone (`其中：购置费 a，上年未安排，本年新增 a`):
    no part of their own."""
    return [m for m in items if not CHANGE_AMOUNT.match(m.label)]


def headless(draft: Draft) -> Iterator[Breakdown]:
    """`A x，B y。其中，甲 A x1，B y1。乙 A x2，B y2。`: a sentence opening with 其中 breaks down the sentence
    before it (PDF text breaks after 。, so it may start a paragraph; a heading between ends the reach). Form
    lines each opening with 其中 and naming a source of funds (`总投资：T` / `其中市级资金：a` / `其中上级补助：b`)
    are one list, of the figure before the first."""
    for si, listed_items in draft.headless.items():
        if _sibling_line(draft, si):
            continue  # read with the first line of its run
        items = before_restaged(_not_moves(_before_added(listed_items) + _sibling_items(draft, si)))
        if si in draft.whole_listed:
            # `支出总计包括：A a、B b…`: the list is of the figure it names, stated before, or of none
            found = _listed_of_named(draft, si, items)
            if found is not None:
                yield found
            continue
        prev = _sentence_before(draft, si)
        if not prev or not items:
            continue
        prev = _wholes_before(draft, si, items, prev)
        stages = {said.stage for m in items if (said := draft.labeller.identify(m.label)[1]).stage}
        if len(stages) > 1 or sources_and_uses(items) or income_and_cost(items):
            # `其中，…（项）年初预算 A，支出决算 B`: one item at two stages, no parts of a whole; nor one fund's
            # sources and uses (`其中财政拨款全年可用资金 a，财政拨款支出 b`), nor a net's income and cost
            continue
        items = _before_a_sibling(draft, items, prev)
        name = draft.whole_named.get(si)
        if name is not None:
            # `基本支出中，…`: the list is of the figure it names, or of none
            named = _of_named(draft, name, items, prev, si)
            if named is not None:
                yield named
            continue
        groups = _parallel_groups(draft, si, items, prev)
        sides = _by_debt_kind(draft, items, prev, si) or _by_measure(items, prev, si) or _by_side(items, prev, si)
        if len(groups) >= 2:
            yield from _per_measure(prev, groups, si)
        elif sides:
            yield from sides
        else:
            found = _one_group(draft, items, prev, si)
            if found is not None and _kept(draft, found, prev, si):
                yield _said_whole(draft, found, si)


# the words giving a figure as the value of each of several things before it (`收、支总计均为`, `两项均是`)
EACH_OF = regex(r"均(?:为|是)?\s*[：:]?\s*$")


def _both_sides(items: list[Mention]) -> bool:
    """Do the items name both sides of an account, an income and a spending?"""
    return any("收入" in m.label for m in items) and any("支出" in m.label for m in items)


def _wholes_before(draft: Draft, si: int, items: list[Mention], prev: list[Mention]) -> list[Mention]:
    """The figures of the sentence before a 其中 list (sentence si) that may be its whole."""
    # `收入 A，为预算 B 的 r%，比上年增加 Δ。其中，…`: B is what A is measured against, a reference, never the whole the
    # list breaks down
    used = _measured_against(draft, si - 1)
    prev = [m for m in prev if not any(id(q) in used for q in m.quantities)]
    prev = _but_earlier_beside(draft, items, prev)
    # `…增长 4.4%，增支 24,870 万元。其中：…`: what a figure changed by is no whole of the list after it (a list of the
    # change repeats its word)
    listed = [p.label for p in items]
    prev = [m for m in prev if not changed_by(m.label, listed)]
    # `智慧教室超额完成 12 间。其中分县完成情况为：…，合计 312 间`: what an outcome passed its target by is no whole either
    prev = [m for m in prev if not beyond_target(m.label, listed)]
    # (nor a count by another measure word than every item's, though the two may share a base unit: `学校 118 所` over
    # classrooms counted `68 间`)
    counted = {q.unit for m in items if (q := exact_figure(m)) is not None and q.kind == "count"}
    if len(counted) == 1:
        prev = [m for m in prev if (q := exact_figure(m)) is None or q.kind != "count" or q.unit in counted]
    prev = _scores_outside_brackets(draft, items, prev)
    if si in draft.progress:
        # `已整改 B。其中，未盘活 a，已收回 b`: items stated with what was done of them are the amounts due; what was
        # done is not made of them
        prev = [m for m in prev if DONE_ACT.match(_own_phrase(m)) is None]
    if _both_sides(items):
        # `收、支总计均为 T。其中本年收入合计 a，…本年支出合计 b`: a figure the words give as the value of each of several
        # things (均为) is the whole of neither side's list alone, and the list names both
        prev = [m for m in prev if not EACH_OF.search(m.label)]
    return prev


def _but_earlier_beside(draft: Draft, items: list[Mention], prev: list[Mention]) -> list[Mention]:
    """The figures before a 其中 list less those its words place in an earlier year than a figure of their sentence
    before them (`2026年收入预算 A，上年预算数为 B。其中：…`): B is last year's, what A is set beside, and the list
    is this year's. (A list whose items name B's year may be B's: then B stays.)"""
    listed = {year for m in items if (year := _stated_year(draft, m)) is not None}
    return [
        m
        for k, m in enumerate(prev)
        if (year := _stated_year(draft, m)) is None or year in listed or not _later_before(draft, m, year, prev[:k])
    ]


# the year a context's period opens with: an absolute year (`2025`, `2025-11`) or one relative to the document's
# (`-1` 上年, `+0` 本年)
PERIOD_YEAR = regex(r"^([+-]?)(\d+)")


def _stated_year(draft: Draft, m: Mention) -> tuple[bool, int] | None:
    """The year a figure's own words (or its sentence's) place it in, as (relative, year); None where none is said."""
    said = draft.stated.get(id(m))
    found = PERIOD_YEAR.match(said.period) if said is not None and said.period else None
    if found is None:
        return None
    return bool(found[1]), int(found[1] + found[2])


def _later_before(draft: Draft, m: Mention, year: tuple[bool, int], before: list[Mention]) -> bool:
    """Does a figure of the sentence of `m`, in its unit, of a later year said the same way, stand before it? One
    whose words name no year is of the year reported (`+0`)."""
    q = exact_figure(m)
    if q is None:
        return False
    for o in before:
        own = exact_figure(o)
        if o.sentence != m.sentence or own is None or (own.kind, own.base_unit) != (q.kind, q.base_unit):
            continue
        other = _stated_year(draft, o) or (True, 0)
        if other[0] == year[0] and other[1] > year[1]:
            return True
    return False


# a dash opening an item of a list (`——利润收入 T`), and one opening an item after a semicolon or a line's end
DASH_ITEM = regex(r"^[—–－-]{1,2}")
DASH_AFTER = regex(r"[；;。\n]\s*[—–－-]{1,2}")


def _before_a_sibling(draft: Draft, items: list[Mention], prev: list[Mention]) -> list[Mention]:
    """The items of a 其中 list up to one opened by the dash that opens the whole's own item (`——利润收入 T。其中：A a；
    B b；——股利收入 c；——其他收入 d`): c and d are the whole's siblings, items of the list it stands in, not its parts."""
    if not any(DASH_ITEM.match(m.label) for m in prev):
        return items
    return _until(draft, items, DASH_AFTER)


def _until(draft: Draft, items: list[Mention], opener: re.Pattern[str]) -> list[Mention]:
    """The items up to the first whose words from the item before on hold `opener` (a clause or an item of another
    list opening there)."""
    text = draft.doc.text
    for k in range(1, len(items)):
        if items[k - 1].quantities and opener.search(text, items[k - 1].quantities[-1].end, items[k].start):
            return items[:k]
    return items


FUND_SOURCE = regex(f"^其中(?:{_alt('fund_sources')})")
# a sentence opening with a word that lists all of a figure (`具体为：`, `分别为：`), not some of it (`其中`)
OPENS_ALL = regex(f"\\s*(?P<word>{_alt('exhaustive')})\\s*[：:，,]")


def _changes_in(draft: Draft, si: int, whole: Quantity) -> bool:
    """Does the sentence state a change of the unit of `whole`, or a base of it (`较上年 B 增加 Δ`)?"""
    for c in draft.facts.changes:
        if c.sentence != si:
            continue
        moved = [mv.quantity for mv in c.movements if mv.quantity is not None]
        if any(q is not None and q.base_unit == whole.base_unit for q in [c.base, *moved]):
            return True
    return False


def _said_whole(draft: Draft, found: Breakdown, si: int) -> Breakdown:
    """`三是交通设施 6.50 亿元，占 16.9%。具体为：甲工程 a，乙工程 b。`: a list opened by a word that lists all of what
    it details, after a sentence whose one figure of the list's unit is the list's whole, is all of that figure (its
    parts held to it as a sum; inferred, a warning at most). Where the sentence before states another figure of
    that unit, what the words list all of is not said: the list stays some of its whole."""
    sentence = draft.doc.sentences[si]
    opened = OPENS_ALL.match(draft.doc.text, sentence.start, sentence.end)
    whole = exact_figure(found.total)
    if opened is None or found.exhaustive or whole is None:
        return found
    # (every figure of the unit counts: a change's, last year's, as a figure of its own)
    before = draft.by_sentence.get(si - 1) or []
    alike = [q for m in before for q in m.quantities if q.kind == whole.kind and q.base_unit == whole.base_unit]
    if alike != [whole] or _changes_in(draft, si - 1, whole):
        return found
    return replace(found, keyword=opened["word"], exhaustive=True)


def _sibling_line(draft: Draft, si: int) -> bool:
    """Is the sentence a form's line (`其中上级补助资金：b`) following another such line, each opening with 其中
    and naming a source of funds with its one figure? Then the two are sources side by side under the figure
    before the first, not the second a part of the first."""
    return all(_source_line(draft, sj) for sj in (si - 1, si)) and same_section(
        draft, draft.doc.sentences[si - 1].start, draft.doc.sentences[si].start
    )


def _over_a_sibling(draft: Draft, found: Breakdown, si: int) -> bool:
    """Is the list a 其中 sentence right after another of one item (`其中：制造业 a，…。` / `其中：建筑业 b，…。`), its parts
    above the figure of the one before? The second may name parts of the first's item (`其中，税收收入 A。其中，增值税 a`) or
    items beside it, of the figure before both: parts that do not fit under the first are its siblings, no slip."""
    if len(draft.headless.get(si - 1) or []) != 1 or found.total.sentence != si - 1:
        return False  # (a 其中 sentence of two items or more, `其中，税收收入 A；非税收入 B。其中：增值税…`: its list)
    total = found.total.quantities[-1]
    parts = [q for m in found.parts for q in m.quantities[-1:] if q.base_unit == total.base_unit]
    return sum((q.base_value for q in parts), Decimal(0)) > total.base_value


def _sibling_items(draft: Draft, si: int) -> list[Mention]:
    """The items of the sibling lines that follow the 其中 line `si` (none where it opens no run)."""
    items: list[Mention] = []
    sj = si + 1
    while _sibling_line(draft, sj):
        items.extend(draft.headless[sj])
        sj += 1
    return items


def _source_line(draft: Draft, si: int) -> bool:
    items = draft.headless.get(si)
    if si < 0 or si >= len(draft.doc.sentences) or not items or len(items) != 1:
        return False
    if _names_its_whole(draft, si) or si in draft.make_up:
        return False
    sentence = draft.doc.sentences[si]
    text = draft.doc.text[sentence.start : sentence.end].strip()
    return bool(FORM_LINE.fullmatch(text)) and bool(FUND_SOURCE.match(text))


def _sentence_before(draft: Draft, si: int) -> list[Mention]:
    """The mentions of the sentence before a headless 其中 list, under the same heading (or of the one before
    that, when the sentence between only compares its figure with last year's)."""
    doc = draft.doc
    if si < 1 or not same_section(draft, doc.sentences[si - 1].start, doc.sentences[si].start):
        return []
    return draft.by_sentence.get(si - 1) or _compared_before(draft, si - 1)


def _compared_before(draft: Draft, sj: int) -> list[Mention]:
    """The mentions of the sentence before `sj` when `sj` only compares a figure of it with last year's
    (`支出决算 X，完成预算的 p%。与上年决算 Y 相比，增加 Δ，增长 q%。其中：…`): the list after the comparison is of X."""
    before = draft.by_sentence.get(sj - 1)
    if not before or not same_section(draft, draft.doc.sentences[sj - 1].start, draft.doc.sentences[sj].start):
        return []
    compared = [c for c in draft.facts.changes if c.sentence == sj and c.current is not None]
    if len(compared) != 1 or not any(compared[0].current in m.quantities for m in before):
        return []
    used = _measured_against(draft, sj - 1)
    return [m for m in before if not any(id(q) in used for q in m.quantities)]


def _before_added(items: list[Mention]) -> list[Mention]:
    """The items before one added to the list rather than listed in it (`其中：A a；B b；加上转移支付 c、调出资金 d，
    支出总计 T`: a and b only)."""
    for k, m in enumerate(items):
        if k and ADDED.match(m.label.lstrip("，、；： \u3000")):
            return items[:k]
    return items


def _scores_outside_brackets(draft: Draft, items: list[Mention], prev: list[Mention]) -> list[Mention]:
    """For a list of scores, the figures before it less those in brackets: `得分 88.99 分，等级为“良”（评价等级标准：
    90 分及以上为优，…，60 分以下为差）。其中：…`: a score's brackets hold its scale or its full marks, never the
    whole its list divides. (Of money a bracket may restate the whole, `X 万元（约 Y 亿元）`: left as it is.)"""
    if any(q.base_unit != "分" for m in items for q in m.quantities[:1]):
        return prev
    return [m for m in prev if not in_brackets(draft, m.sentence, m.start)]


ANOTHER_TIME = regex(r"\s*(?:上年|去年|上一年|上年同期|同期|(?:19|20)\d{2}年)")


def _measured_against(draft: Draft, si: int) -> set[int]:
    """The figures a sentence's ratios and changes measure against (a ratio's base, a change's earlier figure),
    by id (grouped by sentence once for the relations as they stand, `of_relations`: asked for many sentences)."""
    return set(of_relations(draft, "measured_against", lambda: _measured_by_sentence(draft)).get(si, ()))


def _measured_by_sentence(draft: Draft) -> dict[int, set[int]]:
    """`_measured_against` of every sentence."""
    out: dict[int, set[int]] = {}
    for r in draft.facts.rates:
        if r.ordered and r.operands:
            out.setdefault(r.sentence, set()).add(id(r.operands[-1]))
    for c in draft.facts.changes:
        if c.base is not None:
            out.setdefault(c.sentence, set()).add(id(c.base))
    return out


# the stages money allotted passes on its way to the one it is allotted to: arrived, paid out (not spent: a list
# after a budget and its outturn, `预算 A，支出决算 B，完成预算的 p%。其中：…`, is of the outturn)
PAID_OUT = regex(r"到位|拨付")


def _paid_out(last: Mention, items: list[Mention]) -> bool:
    """Is the figure money named as arrived or paid out of an allotment (`实际到位 B`, `已拨付 B`), its list's items
    naming neither (`其中：中央 a，省级 b`: of the money at either stage)?"""
    return (
        any(q.kind == "amount" for q in last.quantities)
        and PAID_OUT.search(last.label) is not None
        and not any(PAID_OUT.search(m.label) for m in items)
    )


def _rated_against(draft: Draft, last: Mention, prev: list[Mention]) -> bool:
    """Does a rate of the figure's sentence relate it to another figure before the list, of another value (`共下达 A，
    实际到位 B，到位率 p%`: B over A; `落实率 100%` relates two equal figures, and either is the list's whole)?"""
    own = {id(q) for q in last.quantities}
    values = {q.base_value for q in last.quantities}
    others = {id(q) for m in prev if m is not last for q in m.quantities if q.base_value not in values}
    rated = of_relations(draft, "rated_pairs", lambda: _rated_by_sentence(draft)).get(last.sentence, ())
    return any(a in own and b in others or b in own and a in others for a, b in rated)


def _rated_by_sentence(draft: Draft) -> dict[int, list[tuple[int, int]]]:
    """The pairs of figures (by id) each sentence's rates are computed from."""
    out: dict[int, list[tuple[int, int]]] = {}
    for r in draft.facts.rates:
        if len(r.operands) == 2:
            out.setdefault(r.sentence, []).append((id(r.operands[0]), id(r.operands[1])))
    return out


# a key that is a move's word alone (`调整为 B`: 调整): it names no measure, whatever item a name ending so is of
MOVE_ONLY = regex(r"(?:调整|调增|调减|增加|减少|追加|追减|变动)(?:后)?")


def _parallel_groups(draft: Draft, si: int, items: list[Mention], prev: list[Mention]) -> list[list[Mention]]:
    """The sentence's list and the sentences after it that list the same measures for other entities."""
    totals = [m for m in prev if m.key and not draft.is_part(m) and not MOVE_ONLY.fullmatch(m.key)]
    groups = [items]
    amounts = [m for m in items if m.key and any(q.kind == "amount" for q in m.quantities)]
    if not all(any(same_measure(m.key, t.key) for t in totals) for m in amounts):
        # `流动资产 A。其中，货币资金 a，…，其他流动资产 c。非流动资产 B…`: amounts that are no measures of the figures
        # before are one list of their whole, and the next sentence another whole's, not another entity's parts
        return groups
    sj = si + 1
    start = draft.doc.sentences[si].start
    while sj in draft.by_sentence and same_section(draft, draft.doc.sentences[sj].start, start):
        if sj in draft.whole_named:
            break  # `一般性转移支付中，…`: a list of its own, of the figure it names
        if ANOTHER_TIME.match(draft.doc.text, draft.doc.sentences[sj].start):
            break  # `上年，一般性转移支付为…`: the same names at another time, no other entity's figures
        if DIMENSION.match(draft.doc.text[draft.doc.sentences[sj].start : draft.doc.sentences[sj].end]):
            break  # `按级次分，市级债务余额 c，县区 d`: the same whole divided again (`dimensions`), no other entity's
        cand = [m for m in draft.by_sentence[sj] if not draft.is_part(m)]
        if not (cand and totals and same_measure(cand[0].key, totals[0].key)):
            break
        if not any(q.kind in ("amount", "count") for m in cand for q in m.quantities):
            break  # `研发投入后补助占全年执行数的 61.77%`: a share of the total, no other entity's figures
        groups.append(cand)
        sj += 1
    return groups


def _per_measure(prev: list[Mention], groups: list[list[Mention]], si: int) -> Iterator[Breakdown]:
    """Each figure of the sentence before is a total; each group holds one part of it (its entity)."""
    used: set[int] = set()
    for t in prev:
        if not t.key or MOVE_ONLY.fullmatch(t.key):
            continue
        parts = []
        for g in groups:
            match = next((m for m in g if id(m) not in used and same_measure(m.key, t.key)), None)
            if match is None:
                break
            parts.append(match)
        if len(parts) != len(groups):
            continue  # a measure some groups lack cannot be footed
        used.update(id(p) for p in parts)
        yield Breakdown(t, parts, "其中", False, si, certain=False)


# a name of what a side of the account left over (vocab relations.yaml `left_of_side`)
LEFT_OF_SIDE = regex(f"(?:{_alt('left_of_side')})$")


def _left_overs(items: list[Mention]) -> bool:
    """Do the items all name what a side of the account left over (`收入总计 A，支出合计 B，年末结转结余 C。其中：
    项目支出结转 c1；基本支出结余 c2`)? They are parts of the balance, none of the flow whose side they name."""
    return bool(items) and all(LEFT_OF_SIDE.search(m.label) for m in items)


def _by_side(items: list[Mention], prev: list[Mention], si: int) -> list[Breakdown]:
    """`财政拨款收入 1208.46 亿元、支出 1187.92 亿元。其中，一般公共预算财政拨款收入 1143.05 亿元、支出 1126.71
    亿元；…`: the sentence before states both sides, each part is of the side it names."""
    if _left_overs(items):
        return []
    totals: dict[str, Mention] = {}
    for m in prev:
        side = account_side(m.label)
        if side and any(q.kind == "amount" for q in m.quantities):
            totals.setdefault(side, m)
    if len(totals) < 2 or any(account_side(m.label) is None for m in items):
        return []
    return [
        Breakdown(total, parts, "其中", False, si, certain=False)
        for side, total in totals.items()
        if (parts := [m for m in items if account_side(m.label) == side])
    ]


def _by_measure(items: list[Mention], prev: list[Mention], si: int) -> list[Breakdown]:
    """`还本支出 864 亿元，付息支出 352 亿元。其中，市级还本支出 178 亿元，付息支出 96 亿元`: the sentence before
    states several measures, each part names exactly one of them (by its item, the entity aside)."""
    totals = [m for m in prev if m.identity.item and any(q.kind in ("amount", "count") for q in m.quantities)]
    if len(totals) < 2:
        return []
    groups: dict[int, tuple[Mention, list[Mention]]] = {}
    for m in items:
        matches = [t for t in totals if _names_the_same(m.identity.item, t.identity.item)]
        if len(matches) != 1:
            return []
        groups.setdefault(id(matches[0]), (matches[0], []))[1].append(m)
    if len(groups) < 2:
        return []
    return [Breakdown(total, parts, "其中", False, si, certain=False) for total, parts in groups.values()]


DEBT_KINDS = words("relations", "debt_kinds")
DEBT_KIND = regex(f"^(?:{_alt('debt_kinds')})(?=债务)")


def _by_debt_kind(draft: Draft, items: list[Mention], prev: list[Mention], si: int) -> list[Breakdown]:
    """`余额 X，低于限额 L。其中：一般债务余额 a，限额 b；专项债务余额 c，限额 d`: each kind of debt with its own
    measures, in the order of the sentence before (a figure after a kind's is of that kind: b is the 一般债务's
    限额). The list runs on past the semicolons the 其中 list stops at, and covers the sentence's figures; where it
    names every kind of debt once, each measure of the sentence before is their sum (X = a + c, L = b + d)."""
    own = [m for m in draft.by_sentence.get(si) or [] if not draft.is_part(m) and m.quantities]
    totals = [m for m in prev if m.identity.item and any(q.kind == "amount" for q in m.quantities)]
    if len(totals) < 2 or own[: len(items)] != items or any(k in t.identity.item for t in totals for k in DEBT_KINDS):
        return []
    paired = _kind_pairs(own, totals)
    if paired is None:
        return []
    groups, kinds = paired
    complete = sorted(kinds) == sorted(DEBT_KINDS)
    return [Breakdown(total, parts, "其中", complete, si, certain=False) for total, parts in groups]


def _kind_pairs(
    own: list[Mention], totals: list[Mention]
) -> tuple[list[tuple[Mention, list[Mention]]], list[str]] | None:
    """The figures of each total, one for each kind of debt, and the kinds named (each once, the first figure
    naming one); None unless every figure is of exactly one total and every total has one figure of each kind."""
    groups: dict[int, tuple[Mention, list[Mention]]] = {}
    kinds: list[str] = []
    for m in own:
        kind = DEBT_KIND.match(m.identity.item)
        if kind is not None:
            kinds.append(kind.group())
        item = DEBT_KIND.sub("", m.identity.item)
        matches = [t for t in totals if _names_the_same(item, t.identity.item)]
        if not kinds or len(matches) != 1:
            return None
        parts = groups.setdefault(id(matches[0]), (matches[0], []))[1]
        if len(parts) >= len(kinds):
            return None  # a second figure of one measure for the same kind: no pairs
        parts.append(m)
    if len(groups) < 2 or len(set(kinds)) != len(kinds) or any(len(p) != len(kinds) for _, p in groups.values()):
        return None
    return list(groups.values()), kinds


def _names_the_same(a: str, b: str) -> bool:
    """One item is the other with an entity in front (政府债务还本支出 / 还本支出)."""
    return len(min(a, b, key=len)) >= 2 and (a.endswith(b) or b.endswith(a))


def _one_group(draft: Draft, items: list[Mention], prev: list[Mention], si: int) -> Breakdown | None:
    """One list under 其中 refers to the last figure before it in a unit its parts use (not the rate after it:
    `支出决算为 25.50 万元，完成预算的 85.00%。其中：…`), or to a figure of that sentence equal to the sum of
    the parts (`资金 520 万元…，实际支出 499.20 万元。其中：中央 300，省级 150，市级 49.20`); it may be partial.
    A last figure that is itself a part of a list (`采购预算 X，包括货物类 a、服务类 b。其中…`) is not taken:
    the 其中 may be of the list's total or of that part."""
    units = {q.base_unit for m in items for q in m.quantities if q.kind in ("amount", "count")}
    if any(_restated_before(draft, m) for m in items):
        # `收入总计 T：…，调入资金 a，…。支出总计 T：…，结转下年 c。其中调入资金 a，包括…`: the figure stated before,
        # taken up again to break it down, is no part of the last figure
        return None
    if units == {"分"} and full_marks_complete(draft.by_sentence.get(si) or items):
        # `总分 X。其中决策指标满分 15 分，得分 a；…`: indicators whose full marks make 100 are all of them, the
        # overall score's score set (sets.scores, TO111), no list of some
        return None
    # (`税收收入 a；非税收入 b。其中：增值税 c，契税 d`: the taxes are none of b; the list is of a figure before)
    prev = [m for m in _unrestated(draft, prev) if not excludes(m, items)]
    last = _kept_within(_last_figure(prev, units), prev, items)
    if last is None or changed_from(draft, last) or _one_of_shared(draft, last, prev) or _after_list(draft, last, si):
        return None
    if _last_of_enumeration(draft, last, prev) or _names_another(draft, last, items, si):
        return None
    if _items_of_another(last, items, prev):
        return None
    whole = _whole_of(draft, items, prev, last, units)
    if whole is None or in_brackets(draft, whole.sentence, whole.start):
        # `…剔除甲中心划入因素（该中心本年收入 C），按同口径计算增长 q%。其中：…`: a figure a bracket notes is no
        # whole the list after the sentence breaks down
        return None
    last = whole
    parts = _parts_of(draft, last, items, si)
    if not parts or not _named(draft, last) or not _may_break_down(last, parts) or survey_stages(parts):
        return None  # (`其中学生问卷发放 800 份、回收 782 份、有效 770 份`: one sample's stages, no parts)
    if sides_of_a_difference(parts):
        return None  # (`其中，工程费用送审 a，审定 b`: one cost submitted and approved, no two parts)
    return Breakdown(last, parts, "其中", False, si, certain=False)


def _is_target(draft: Draft, m: Mention) -> bool:
    """Is the figure named as a target (`城镇新增就业年度目标 6000 人`, `目标值`): the stage 计划, said by 目标?"""
    return "目标" in m.label and draft.labeller.identify(m.label)[1].stage == "计划"


def _targets_of_an_outcome(draft: Draft, whole: Mention, parts: list[Mention]) -> bool:
    """Are the 其中 items all targets while the figure before is no target (`…实现就业 520 人，完成年度目标的 108%。其中
    城镇新增就业年度目标 6000 人，失业人员再就业年度目标 1800 人`)? What was aimed at is no part of what was done: the
    items say the targets of the outcomes before, one each, not a division of the last."""
    return all(_is_target(draft, p) for p in parts) and not _is_target(draft, whole)


# a 其中 sentence naming the whole its items are of before them (`其中，调入资金包括：从政府性基金预算调入 a、…`)
NAMES_ITS_WHOLE = regex(r"\s*其中[，,：:]?\s*(?P<name>[\u4e00-\u9fff“”]{2,12}?)(?:包括|分别为|分别是|主要有)")


def _names_another(draft: Draft, last: Mention, items: list[Mention], si: int) -> bool:
    """Does the 其中 sentence name the whole its items are of before them, a name the last figure before does not
    bear (`结转下年 c。其中，调入资金包括：…`: the items are of 调入资金, stated earlier, not of c)?"""
    sentence = draft.doc.sentences[si]
    end = items[0].start if items else sentence.end
    named = NAMES_ITS_WHOLE.match(draft.doc.text, sentence.start, end)
    return named is not None and named["name"] not in last.label


def _items_of_another(last: Mention, items: list[Mention], prev: list[Mention]) -> bool:
    """Do the 其中 items bear the name of another figure of the sentence before, one the last figure does not
    share (`实现营业收入 A，…；实现净利润 B。其中第三季度实现营业收入 c`: c is a part of A, if of any, never of B)?
    Which figure the list is of is then not the last one; the text does not tie it to it."""
    names = [m.identity.item for m in items if m.identity.item]
    if not names or not last.identity.item:
        return False
    if any(len(common_tail(n, last.identity.item)) >= MIN_SHARED_TAIL for n in names):
        return False
    return any(
        all(len(common_tail(n, m.identity.item)) >= MIN_SHARED_TAIL + 1 for n in names)
        for m in prev
        if m is not last and m.identity.item
    )


# how many characters alike at the end make two figures' names one measure's (`收入` in `营业收入`, `其他收入`)
MIN_SHARED_TAIL = 2


def _figure_before(prev: list[Mention], last: Mention) -> Mention | None:
    """The figure right before `last` among the figures before a list (None for the first, or one not among them)."""
    k = next((i for i, m in enumerate(prev) if m is last), 0)
    return prev[k - 1] if k >= 1 else None


def _last_of_enumeration(draft: Draft, last: Mention, prev: list[Mention]) -> bool:
    """Is the last figure the last item of an enumeration in its sentence, joined to the figure before it by `、`
    (`新增专项债券 X，投向分别为交通 a、…、生态环保 f。其中用作项目资本金 c，占 p%`), or of a division's sentence? The 其中 after it may be of
    that item or of the whole the items are of: which, the text does not say."""
    before = _figure_before(prev, last)
    if before is None or before.sentence != last.sentence or not before.quantities or not last.quantities:
        return False
    if before.quantities[-1].base_unit != last.quantities[0].base_unit:
        return False
    if draft.doc.text[before.quantities[-1].end : last.quantities[0].start].lstrip().startswith("、"):
        return True
    # `按采购品目分：货物类 a，工程类 b，服务类 c。其中面向中小企业 d，占 p%`: the items of a division by kind, its
    # sentence opening with the dimension; the 其中 after the last may be of it or of the whole divided
    sentence = draft.doc.sentences[last.sentence]
    return DIMENSION.match(draft.doc.text[sentence.start : sentence.end]) is not None


def _named(draft: Draft, m: Mention) -> bool:
    """Is the figure named: by its own words, or, stated right after its heading's mark, name and colon (`（一）基本支出：
    X 万元，占 p%。其中：…`), by that name (its identity's item, read from the heading)?"""
    if m.key:
        return True
    sentence = draft.doc.sentences[m.sentence]
    sec = draft.doc.section_at(sentence.start)
    if sec is None or sec.start != sentence.start or not m.quantities or not m.identity.item:
        return False
    name = draft.doc.text[sentence.start : m.quantities[0].start].rstrip()
    return name.endswith(("：", ":")) and HEADED.match(name) is not None


def _parts_of(draft: Draft, whole: Mention, items: list[Mention], si: int) -> list[Mention]:
    """The items of a 其中 sentence that are parts of the whole before it: in its units, within it, and none a
    part of another (`其中项目支出 a，建设支出 b，占项目支出的 p%`: b is a part of a, not beside it); none where they
    are all targets of an outcome (`_targets_of_an_outcome`)."""
    dims = {q.base_unit for q in whole.quantities if q.kind in ("amount", "count")}
    parts = _spent_only(whole, [m for m in items if m.quantities and m.quantities[0].base_unit in dims])
    parts = within_whole(draft.labeller, whole, parts)
    parts = not_of_another(draft.labeller, [s for s in draft.facts.shares if s.sentence == si], parts)
    return [] if parts and _targets_of_an_outcome(draft, whole, parts) else parts


def _defined_earlier(draft: Draft, items: list[Mention], prev: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """The figures before a 其中 list that its parts make by definition, and the figures of its paragraph before it
    (of the paragraph before, for a 其中 opening a paragraph of its own: `基本支出 X。按经济分类：…` / `其中人员经费
    p…`). In the sentence before, else earlier in that paragraph (`基本支出 X，…。按经济分类：工资福利支出 a，…，对个人
    和家庭的补助 c。其中，人员经费 p，公用经费 q`: the list is of X, not of the last figure)."""
    paragraph = _paragraph_before(draft, items[0].sentence)
    if not paragraph and prev:
        paragraph = _paragraph_before(draft, prev[-1].sentence)
    defined = _defined_by_parts(items, prev)
    return (defined or [m for m in _defined_by_parts(items, paragraph) if m not in prev]), paragraph


def _staged_otherwise(draft: Draft, whole: Mention, items: list[Mention]) -> bool:
    """Do the list's parts name one stage (`决算`) and the whole its words name another (`预算`)?"""
    stages = {said.stage for m in items if (said := draft.labeller.identify(m.label)[1]).stage}
    own = draft.labeller.identify(whole.label)[1].stage
    return len(stages) == 1 and own is not None and own not in stages


def _whole_of(
    draft: Draft, items: list[Mention], prev: list[Mention], last: Mention, units: set[str]
) -> Mention | None:
    """The figure before a 其中 list that the list is of: the one its parts define or name, else the one they sum
    to, else the last; None when that is not certain."""
    defined, paragraph = _defined_earlier(draft, items, prev)
    # (a part's share may name a whole stated a sentence or more before the list, in the paragraph)
    shares = _part_shares(draft, items)
    by_shares = _named_by_shares(draft, shares, paragraph)
    named = defined if len(defined) == 1 else by_shares if len(by_shares) == 1 else _named_by_parts(items, prev)
    if len(named) > 1:
        return None
    if named and _staged_otherwise(draft, named[0], items):
        # (`三公经费支出预算 A，支出决算 B，完成预算的 r%。其中：公务用车…支出决算 a，公务接待费支出决算 b`: the list is
        # of the stage its parts name, B, whatever figure names the whole at another)
        named = []
    if named:
        last = named[0]
    elif _shares_name_another(draft, shares, last):
        # (`…实现利润总额 P。其中，甲公司实现营业收入 a，占营业总收入的 p%`: the part's share names its whole, and it
        # is not the figure before)
        return None
    summed = _summed_by(items, prev, units)
    if summed is None and _of_part_of_the_year(last, draft.facts.document_context.period):
        # (`收入完成 X，为预算的 r%。前三季度累计完成 Y，…。其中税收收入 a，非税收入 b`, `…；6月当月完成 Y。其中：…`:
        # a figure of part of the year last; the list is of the one its parts make in the paragraph, or which one
        # is not known)
        return _summed_by(items, _paragraph_before(draft, last.sentence), units)
    if summed is None and (draft.is_part(last) or not named and COORDINATED.search(last.label)):
        # (`对 9 个项目和 4 个单位开展评价。其中“优”的 6 个…`: the last of two figures joined as one list's
        # members; the 其中 may be of either)
        return None
    if summed is None and _sums_figures_before(items, prev + _listed_above(draft, items[0])):
        # (`…：A a，B b，…，其他支出 z。其中 A 和 B 两项合计 s，占 p%`: a part naming figures before it sums them, a
        # part of their whole, not of the last of them)
        return None
    if summed is None and _last_in_doubt(draft, last, items, prev, bool(named)):
        return None
    return summed or last


def _last_in_doubt(draft: Draft, last: Mention, items: list[Mention], prev: list[Mention], named: bool) -> bool:
    """Is the last figure before a 其中 list, its parts adding up to no figure, no whole of it for certain?"""
    if _last_of_items(draft, last, prev):
        # (`…用于：A a；B b；C c；D d。其中，甲 x、乙 y`: the last of items set apart by semicolons; the 其中 may be of
        # any of them)
        return True
    if GIVES_A_REASON.search(last.label):
        # (`…下降 p%。下降的主要原因是一次性安排的工程 c 不再安排。其中：…`: a figure the reasons for a change
        # name is what moved it, no whole the list after them breaks down)
        return True
    if not named and _staged_otherwise(draft, last, items):
        # (`预算资金 A，到位 A。截至评价时，实际支出 B。其中，上年结转 a，当年新增预算 b`: parts its words give as a
        # budget, summing to nothing stated, are the budget's sources, not of an outcome that merely stands last)
        return True
    if not named and _paid_out(last, items) and _rated_against(draft, last, prev):
        # (`共下达 A，实际到位 B，到位率 p%。其中：甲 a；乙 b…`: one money at two stages, a rate of one over the other;
        # items naming no stage, adding up to neither, may be of either)
        return True
    if _spent_of_rest(last, items):
        # (`执行数 S，执行率 r%，结余资金 U。其中，中央补助资金执行 a…`: parts named as what was spent are parts of
        # the spending, not of what is left)
        return True
    # (`收入 T，剔除上年一次性收入 c 后按同口径增长 p%。其中，税收 a…`: a figure its words place in an earlier
    # period is no whole of this period's list, whichever figure stands last or shares its name)
    return said_earlier(draft, last, items)


# a period that is part of a year (`2024-三季度`, `+0-上半年`, `2024-09`: figures.context's periods), and the
# words naming one that the context reader leaves to the sentence (`6月当月`, `二季度`, `1-6月`; not `12月`, `1-12月`:
# the year's end, the year itself)
PART_OF_YEAR = regex(r"^(?:\d{4}|[+-]\d+)-")
PART_OF_YEAR_WORDS = regex(r"季度|上半年|下半年|(?<!\d)(?:1[01]|[1-9])\s*月|当月")


def _of_part_of_the_year(m: Mention, document: str | None) -> bool:
    """Is the figure of a part of the year its words or period name, other than the document's own (a report of
    the first half-year, `2025年上半年`, states each figure of its period: none of them is of a part apart)?"""
    period = m.identity.context.period or ""
    return bool(PART_OF_YEAR.match(period) and period != document or PART_OF_YEAR_WORDS.search(m.label))


def _paragraph_before(draft: Draft, si: int) -> list[Mention]:
    """The figures of the sentences of `si`'s paragraph before it, in order."""
    return [m for sj in draft.doc.paragraph_of(si) if sj < si for m in draft.by_sentence.get(sj) or []]


def _sums_figures_before(items: list[Mention], prev: list[Mention]) -> bool:
    """Does a part's label name the items of two figures before the list (`其中职业培训补贴和社会保险补贴两项合计 s`)?"""
    named = {m.identity.item for m in prev if len(m.identity.item or "") >= 3}
    return any(sum(item in p.label for item in named if item) >= 2 for p in items)


ENUMERATED_REACH = 12  # sentences looked back over for the items of an enumerated list


def _listed_above(draft: Draft, first: Mention) -> list[Mention]:
    """The figures of the sentences before `first`'s that stand under its heading (the items of a list enumerated
    line by line, `（一）交通基础设施 a；` … `（五）农林水利 e。`, that a `其中 A 和 B 两个领域合计 s` sums two of)."""
    si, doc = first.sentence, draft.doc
    # (each item may be a heading of its own, `（五）农林水利 e`, the 其中 under the last: the items are those
    # under the heading they all stand under)
    here = doc.section_path(first.start)
    parent = here[:-1] if len(here) > 1 else here
    out: list[Mention] = []
    for sj in range(si - 1, max(-1, si - 1 - ENUMERATED_REACH), -1):
        if doc.section_path(doc.sentences[sj].start)[: len(parent)] != parent:
            break
        out.extend(draft.by_sentence.get(sj) or [])
    return out


def _last_of_items(draft: Draft, last: Mention, prev: list[Mention]) -> bool:
    """Is the figure the last of three items or more of its unit that its sentence sets apart by semicolons?"""
    text = draft.doc.text
    unit = last.quantities[0].base_unit if last.quantities else ""
    begin = draft.doc.sentences[last.sentence].start
    cut = text.rfind("；", begin, last.start)
    if cut < 0:
        return False
    items = [m for m in prev if m.sentence == last.sentence and m is not last and m.of_unit(unit) is not None]
    return len({text.count("；", begin, m.start) for m in items if m.start < cut}) >= 2


# what is left of a budget (`结余资金`, `年末未执行`, `未支出的`), and a part named as spent (`中央补助资金执行`)
REST = regex(r"(?:结余|未执行|未支出|未使用|未拨付)的?(?:资金|金额)?(?:为|是|共)?$")
SPENT_PART = regex(r"(?:执行|支出|使用|拨付)(?:数|金额)?(?:为|是)?$")


def _spent_of_rest(last: Mention, items: list[Mention]) -> bool:
    """Is the last figure what is left of a budget, and every part named as spent?"""
    return bool(REST.search(last.label)) and all(SPENT_PART.search(m.label) and not REST.search(m.label) for m in items)


# the words opening the reasons for a change (`下降的主要原因是…`, `主要是…`; vocab relations reasons)
GIVES_A_REASON = regex(_alt("reasons"))


def _flow(m: Mention) -> bool:
    """Is the figure a flow of its period, no balance left over (`本年支出合计`, not `年末结转结余`)?"""
    return LEFT_OF_SIDE.search(m.label) is None


def _defined_by_parts(items: list[Mention], prev: list[Mention]) -> list[Mention]:
    """The figures whose definition the parts cover (`政府债务余额 X，控制在债务限额 L 以内。其中：一般债务余额 a，
    专项债务余额 b`: X = a + b by vocab/sums.yaml); of several (a short wording, `一般债务`, is a component of both),
    those of the measure the parts name (余额)."""
    # (`项目支出结转 a，基本支出结余 b` begin with the components of 支出 but are what it left over: no flow's parts)
    left_over = _left_overs(items)
    defined = [m for m in prev if m.quantities and of_total(m, items) and not (left_over and _flow(m))]
    if len(defined) > 1:
        defined = [m for m in defined if all(p.identity.item[-2:] == m.identity.item[-2:] for p in items)]
    return defined


def _spent_only(whole: Mention, parts: list[Mention]) -> list[Mention]:
    """The parts of an expenditure that is no total (`支出决算数 X。其中：A a；B b；调出资金 c，…`) end before the money
    handed over to another fund (调出): it leaves the fund besides what it spent, a part of 支出总计 only."""
    if "支出" not in whole.label or TOTAL_WORD.search(whole.label):
        return parts
    for k, m in enumerate(parts):
        if k and HANDED_OVER.match(m.label.lstrip("，、；： \u3000")):
            return parts[:k]
    return parts


def _unrestated(draft: Draft, prev: list[Mention]) -> list[Mention]:
    """The figures less those restating the one right before them in another unit (`支出 9,904 万元，约合 0.99 亿元。
    其中：…`: the list breaks down the exact figure, not its rounded restatement)."""
    text = draft.doc.text
    out: list[Mention] = []
    for m in prev:
        before = out[-1] if out else None
        if before is not None and len(m.quantities) == 1 and before.quantities:
            if converted(text, before.quantities[-1], m.quantities[0]):
                continue
        out.append(m)
    return out


def _of_named(draft: Draft, name: str, items: list[Mention], prev: list[Mention], si: int) -> Breakdown | None:
    """`…基本支出 41.48 亿元…。基本支出中，人员经费 29.25 亿元，公用经费 12.23 亿元`: the one figure of the sentence
    before whose own phrase is the name (or ends with it, an entity or year before) holds the list (partial
    unless it adds up or covers the figure's definition: `defined_totals`)."""
    # (never a figure of another period than the parts': `（上年支出 B。）支出中，A a，…` lists this year's)
    period = items[0].identity.context.period if items else None
    named = [m for m in prev if m.key and not _other_period(m.identity.context.period, period)]
    own = [(m, _own_phrase(m)) for m in named]
    exact = [m for m, phrase in own if phrase == name]
    found = exact or [m for m, phrase in own if _ends_with_name(phrase, name)]
    if len(found) != 1:
        return None  # no figure of that name, or several: which one is not known
    whole = found[0]
    if _named_for_another_scope(draft, name, whole, si):
        return None
    dims = {q.base_unit for q in whole.quantities if q.kind in ("amount", "count") and q.exact}
    parts = _until_named_again(draft, [m for m in items if m.quantities and m.quantities[0].base_unit in dims])
    if not parts or not _may_break_down(whole, parts):
        return None
    return Breakdown(whole, parts, "其中", False, si, certain=False)


def _named_for_another_scope(draft: Draft, name: str, whole: Mention, si: int) -> bool:
    """Was a figure of the name also stated, for another scope, in a sentence before the whole's under the same
    heading (`全县…收入 A，其中税收收入 t1…。县本级…收入 B，其中税收收入 t2…。税收收入中，增值税 a，…`)? Then the list
    after the two may be of either: its whole is not known (the nearest is not always the one meant)."""
    scope = whole.identity.context.scope
    if scope in (None, MIXED):
        return False
    doc = draft.doc
    for back in range(si - 2, max(-1, si - 1 - LISTED_REACH), -1):
        if not same_section(draft, doc.sentences[back].start, doc.sentences[si].start):
            return False
        for m in draft.by_sentence.get(back) or []:
            phrase = _own_phrase(m)
            if (phrase == name or _ends_with_name(phrase, name)) and _other_period(m.identity.context.scope, scope):
                return True
    return False


# a clause naming another whole and 中 after a list's parts (`新增债券中，A a，B b；再融资债券中，C c`)
NAMED_AGAIN = regex(r"[；;。]\s*在?[\u4e00-\u9fff“”（）()]{2,24}?中[，,：:]")


def _until_named_again(draft: Draft, parts: list[Mention]) -> list[Mention]:
    """The parts of a `X中，` list up to a clause naming another whole the same way: those after it are that
    whole's (`新增债券中，新增一般债券 a，新增专项债券 b；再融资债券中，再融资一般债券 c…`: c is no 新增债券)."""
    return _until(draft, parts, NAMED_AGAIN)


def _other_period(a: str | None, b: str | None) -> bool:
    """Are two values of a context field (two periods, two stages) both known (not None, not `?`) and different?"""
    return a not in (None, MIXED) and b not in (None, MIXED) and a != b


# the last part of a list that names all the rest (`其他各项支出`): vocab relations.yaml `remainder_all`
REMAINDER_ALL = tuple(words("relations", "remainder_all"))
LISTED_REACH = 3  # sentences back a `X包括：` list looks for the figure it names


def _listed_of_named(draft: Draft, si: int, items: list[Mention]) -> Breakdown | None:
    """`收入总计 T，支出总计 T，收支平衡。收入总计包括：A a、B b…。支出总计包括：C c、D d…`: a sentence opening with a
    name and 包括 lists the figure of that name stated in the nearest sentence before (in its section, past lists of
    the same kind) that states one; several of that name and other values leave it unread. The words list all of
    a figure named a total (合计, 总计: its components), some of any other (`主要包括：` some of either)."""
    name, listing_all = draft.whole_listed[si]
    doc = draft.doc
    for back in range(si - 1, max(-1, si - 1 - LISTED_REACH), -1):
        # (under its heading: `3.平衡情况。收入总计 T…` / `支出总计包括：…`, the paragraph after an item's heading
        # resuming the text above it)
        if not under_heading(draft, doc.sentences[back].start, doc.sentences[si].start):
            return None
        if back in draft.whole_listed:
            continue  # a list of the same kind (`收入总计包括：…`): the figure named stands before it
        prev = [m for m in draft.by_sentence.get(back) or [] if not draft.is_part(m)]
        whole = _named_figure(name, prev)
        if whole is None:
            if prev:
                # figures of other names right before (or several of the name): the list's whole is not known
                return None
            continue
        q = exact_figure(whole)
        parts = [m for m in items if q is not None and exact_of(m, q.base_unit) is not None]
        if q is None or len(parts) < 2 or len(parts) != len(items) or not _may_break_down(whole, parts):
            return None
        # (a list that ends with the rest, `…；其他各项支出 z`, covers its whole whatever word opened it)
        rest = parts[-1].key.startswith(REMAINDER_ALL)
        complete = (listing_all and _names_total(draft, whole) or rest) and not _open_ended(draft, si)
        return Breakdown(whole, parts, "包括", complete, si, certain=False)
    return None


def _open_ended(draft: Draft, si: int) -> bool:
    """Does the list's sentence leave it open (`…、上年结转 c 等`)?"""
    span = draft.doc.sentences[si]
    return bool(OPEN_END.search(draft.doc.text[span.start : span.end]))


OPEN_END = regex(r"等[\u4e00-\u9fff]{0,4}[。；;]?\s*$")


def _kept(draft: Draft, found: Breakdown, prev: list[Mention], si: int) -> bool:
    """Is the one list read after a sentence kept? Not where its parts exceed the figure before and are of another
    whole the make-up does not name, or of the figures before taken together (`教师有效问卷 a，家长有效问卷 b。其中
    满意的 c`, c > b)."""
    if _over_a_sibling(draft, found, si):
        return False
    return not ((si in draft.make_up or _beside_a_sibling(found, prev)) and _exceeds(found))


def _beside_a_sibling(b: Breakdown, prev: list[Mention]) -> bool:
    """Does the whole stand beside another figure of its unit named as the same thing for another group (both
    keys ending alike, `教师有效问卷` and `家长有效问卷`)? Then a list after both may be of either, or of the two."""
    whole = b.total
    unit = next((q.base_unit for q in whole.quantities if q.kind in ("amount", "count")), None)
    tail = whole.key[-3:]
    if unit is None or len(whole.key) <= 3:
        return False
    return any(
        m is not whole
        and m.key != whole.key
        and m.key.endswith(tail)
        and exact_of(m, unit) is not None
        and not excludes(m, b.parts)  # (`税收收入 a；非税收入 b。其中：增值税 c…`: the taxes are none of b)
        and not _one_stock_apart(whole, m)
        for m in prev
    )


def _one_stock_apart(a: Mention, b: Mention) -> bool:
    """Are the two figures one stock at the year's two ends (`2025年初政府债务余额` and `年末债务余额`)? Stocks at two
    dates add up to nothing: a list after the one is of it, never of the two, and the other is no sibling of it."""
    if not (STOCK.search(a.label) and STOCK.search(b.label) and same_stock(a.label, b.label)):
        return False
    return any(
        STOCK_OPENING.search(x) and not STOCK_OPENING.search(y) and STOCK_CLOSING.search(y)
        for x, y in ((a.label, b.label), (b.label, a.label))
    )


def _exceeds(b: Breakdown) -> bool:
    """Do the parts add up to more than the total (beyond their precision)?"""
    unit = next((q.base_unit for q in b.total.quantities if q.kind in ("amount", "count")), None)
    total = exact_of(b.total, unit) if unit else None
    parts = [q for p in b.parts if unit and (q := exact_of(p, unit)) is not None]
    if total is None or not parts:
        return False
    return sum((q.base_value for q in parts), Decimal(0)) - total.base_value > sum(
        (q.ulp * q.scale for q in [total, *parts]), Decimal(0)
    )


def _after_list(draft: Draft, last: Mention, si: int) -> bool:
    """Does the 其中 open a paragraph of its own after the last item of a numbered list, the figure before it that
    item's (`1.社会保障和就业支出 a…` … `4.住房保障支出 d…。` / `其中，主要项级科目情况如下：…`)? It may break down
    that item or the whole the items are of: which, the text does not say. (After an item another follows, the
    paragraph is that item's own text going on.)"""
    sentences = draft.doc.sentences
    if sentences[si].paragraph == sentences[last.sentence].paragraph:
        return False
    sections = draft.doc.sections
    k = draft.doc.section_index(sentences[last.sentence].start)
    sec = sections[k] if k >= 0 else None
    # (a figure of the item's text below its heading line is the item's own: `2.市级…情况` / `…X。其中…`)
    if sec is None or not sec.title or not _in_title_paragraph(draft, sec, last.sentence):
        return False
    siblings = [s for s in sections if s.parent is sec.parent and s.level == sec.level and s.title]
    later = [s for s in sections[k + 1 :] if s.level <= sec.level and s.title]  # (not its own text going on)
    return len(siblings) >= 2 and siblings[0] is not sec and (not later or later[0].parent is not sec.parent)


def _in_title_paragraph(draft: Draft, sec: Section, si: int) -> bool:
    """Does sentence si stand in the paragraph the section's numbered title opens?"""
    sentences, first = draft.doc.sentences, draft.doc.sentence_index(sec.start)
    return first >= 0 and sentences[first].paragraph == sentences[si].paragraph


def _one_of_shared(draft: Draft, last: Mention, prev: list[Mention]) -> bool:
    """Is the last figure before one of a list of figures each stated with its share of a whole (`按功能分类：A a，
    占 p%；B b，占 q%；C c，占 r%。其中，…（项）d`)? The 其中 after such a list may be of any of its members, or of
    their whole: which is not said."""
    shared = {id(s.part) for s in draft.facts.shares if s.sentence == last.sentence and s.part is not None}
    members = [m for m in prev if any(id(q) in shared for q in m.quantities)]
    return last in members and len(members) >= 2


def _last_figure(prev: list[Mention], units: set[str]) -> Mention | None:
    """The last figure before in a unit the parts use, not last year's stated beside this year's (`共有车辆 23
    辆，上年末为 22 辆。其中：…`)."""
    # (past a figure in another unit: `…36.56 万元，…主要原因是新增 1 辆…。其中：购置费…`)
    figures = [
        m
        for m in prev
        if any(q.kind in ("amount", "count") and q.base_unit in units for q in m.quantities)
        and not LAST_YEAR_BESIDE.match(m.label)
        and not PER_UNIT_WORDS.search(m.label)
    ]
    if figures and BUDGET_BESIDE.match(figures[-1].label) and len(figures) >= 2:
        # `支出 X，年初预算 Y，完成年初预算的 r%。其中：…`: the budget the outcome is measured against is no whole
        # of the list; the outcome before it is
        return figures[-2]
    return figures[-1] if figures else None


# a limit a balance stated before it is kept within (`余额 X，控制在省核定的债务限额 L 以内`), and that balance
KEPT_WITHIN = regex(r"^[，,、；;\s]*(?:控制在|不超过|不高于)[\u4e00-\u9fff]{0,10}限额$")
BALANCE = regex(r"余额$")


def _kept_within(last: Mention | None, prev: list[Mention], items: list[Mention]) -> Mention | None:
    """`债务余额 X，控制在债务限额 L 以内。其中，一般债务 a，专项债务 b`: the list after a limit the balance is kept
    within breaks down the balance, not the limit, where no part names a limit (`其中一般债务限额 a` would be the
    limit's). The figure right before the limit, named as a balance, in the limit's sentence; else the last one."""
    if last is None or not KEPT_WITHIN.match(last.label) or any("限额" in m.label for m in items):
        return last
    before = _figure_before(prev, last)
    if before is None or before.sentence != last.sentence or not BALANCE.search(before.label.strip()):
        return last
    return before


# a figure joined to the one before as another member of one list (`9 个项目和 4 个单位`: its label is `项目和`)
COORDINATED = regex(r"(?:和|及|与|以及|、)$")
# a budget stated beside the outcome before it (`，年初预算 Y`, `，调整预算数为 Y`)
BUDGET_BESIDE = regex(r"^[，,、；;\s]*(?:年初|调整后?|全年)?预算(?:数|安排)?(?:为|是)?$")


RESTATED_WITHIN = 3  # sentences looked back for a figure a 其中 part takes up again


def _restated_before(draft: Draft, m: Mention) -> bool:
    """Is the figure stated under the same item with the same value in one of the few sentences before?"""
    item = m.identity.item
    values = {(q.base_unit, q.base_value) for q in m.quantities if q.exact and q.kind in ("amount", "count")}
    if not item or not values:
        return False
    for si in range(m.sentence - 1, max(-1, m.sentence - 1 - RESTATED_WITHIN), -1):
        for x in draft.by_sentence.get(si) or []:
            if x.identity.item == item and any((q.base_unit, q.base_value) in values for q in x.quantities):
                return True
    return False


def _part_shares(draft: Draft, items: list[Mention]) -> list[Share]:
    """The shares of the list's parts that name their whole (`占支出决算的 p%`), in the facts' order (the shares
    naming a whole grouped by their part's start once for the relations as they stand, `of_relations`)."""
    by_part = of_relations(draft, "named_shares_by_part", lambda: _named_shares_by_part(draft))
    found = [(k, s) for m in items for q in m.quantities for k, s in by_part.get(q.start, ())]
    return [s for _, s in sorted(dict(found).items())]


def _named_shares_by_part(draft: Draft) -> dict[int, list[tuple[int, Share]]]:
    """The shares naming a whole, by where their part starts, each with its place among the facts' shares."""
    out: dict[int, list[tuple[int, Share]]] = {}
    for k, s in enumerate(draft.facts.shares):
        if s.part is not None and s.base_label:
            out.setdefault(s.part.start, []).append((k, s))
    return out


def _named_by_shares(draft: Draft, shares: list[Share], prev: list[Mention]) -> list[Mention]:
    """`部门支出决算 T，…含一次性支出 c，…。其中：基本支出 a，占支出决算的 p%；项目支出 b，占 q%`: the figures
    before the list that a part's share (`_part_shares`) names as its whole (its item, and its stage where the name
    states one)."""
    named: dict[int, Mention] = {}
    for s in shares:
        item, said = draft.labeller.identify(s.base_label)
        for t in prev:
            if (
                t.identity.item
                and _names_the_same(item, t.identity.item)
                and said.stage in (None, t.identity.context.stage)
                and any(q.kind == "amount" for q in t.quantities)
            ):
                named[id(t)] = t
    return list(named.values())


# the names of a whole that name no item, only that it is the total (`总额`, `预算总额`: of the figure before)
TOTAL_NAMES = frozenset({"总额", "总计", "合计", "总数"})


def _shares_name_another(draft: Draft, shares: list[Share], last: Mention) -> bool:
    """Does a part's share (`_part_shares`) name its whole as another item than the figure before the list's?"""
    if not last.identity.item:
        return False
    for s in shares:
        item, said = draft.labeller.identify(s.base_label)
        if item in TOTAL_NAMES and said.stage in (None, last.identity.context.stage):
            continue  # (`占预算总额的 p%`: the total of what the list breaks down, whatever it is, at its stage)
        if (
            len(item) >= 2
            and not _names_the_same(item, last.identity.item)
            and not shared_word(item, last.identity.item)
        ):
            return True
    return False


def _named_by_parts(items: list[Mention], prev: list[Mention]) -> list[Mention]:
    """`全市收入 A，税收收入 t，非税收入 n。其中，市本级收入 B`: the figures before whose item a part names for a
    narrower entity (B is A's part, not n's); when parts name several, which one the list is of is unknown."""
    named: dict[int, Mention] = {}
    for t in prev:
        if not t.identity.item or not any(q.kind in ("amount", "count") for q in t.quantities):
            continue
        if t.identity.item in GENERIC_ITEMS:
            continue  # `一般公共预算支出 X。其中民生支出 a；“三保”支出 b`: 支出 names any spending, not this list's
        if any(m.identity.item and _names_the_same(m.identity.item, t.identity.item) for m in items):
            named[id(t)] = t
    return list(named.values())


# a figure named as a total of the items its words name (`人员经费（A 和 B）合计`, `A 与 B 合计`)
SUBTOTAL_OF_NAMED = regex(r"[）)和与及、][^，。；]{0,6}(?:合计|共计|小计)(?:为|是)?$")


def _may_break_down(last: Mention, parts: list[Mention]) -> bool:
    if any(SUBTOTAL_OF_NAMED.search(p.label) for p in parts):
        # `1．工资福利支出 a；2．…补助 b；3．商品和服务支出 c。其中人员经费（工资福利支出和…补助）合计 T`: a total of
        # items above that it names, no part of the last figure
        return False
    if overlapping(parts):
        return False  # `支出 X。其中民生支出 a；“三保”支出 b`: aggregates across the classification overlap
    if counts_subordinates(last):
        return False  # `包括街道本部及下属 4 家事业单位…。其中行政单位 1 家，…`: the whole is the 4 and one more
    if scored_apart(last, parts):
        return False  # `综合得分 88 分。其中，资金管理部分得分 95 分…`: a score of its own, no addend
    if one_answer_apart(parts):
        return False  # `回收问卷 N 份。其中对 A 表示满意的 a 份，…；对 B 表示满意的 b 份`: answers to two questions
    if any(m.key in GENERIC_ITEMS for m in parts[1:]):
        return False  # `其中：基本支出预算 A，支出 B`: B is the same item's outcome, named by no item of its own
    if _signed_balances(last, parts):
        return False  # `当年结余 T。其中，甲基金当年结余 a，乙基金当年收支缺口 b`: T = a − b, no sum of the parts
    if _measure_alone(last.key, parts):
        # `项目 N 个，已完工 M 个。其中：甲类项目 a 个，完工 b 个`: b, named by the whole's measure alone, is how many of
        # the item before were done, no part beside it (of M or of N: which list the figures make is not read here)
        return False
    # `…（五）住房保障支出（类）X。其中，“社会保障和就业支出（类）…（项）”科目 Y`: the 其中 is of the list of 类 (or
    # of the whole), not of the last 类 before it
    return not any(_other_category(last.label, m.label) for m in parts)


# a balance named as a shortfall (`当年收支缺口`, `赤字`), brackets after its name aside: vocab relations.yaml
# `balance_shortfalls`; and a balance of either sign (`当年结余`, `收支缺口`): `balance_items`
SHORTFALL = regex(f"(?:{_alt('balance_shortfalls')})(?:[（(][^（）()]*[）)])?\\s*(?:为|是)?$")
BALANCE_NAMED = regex(f"(?:{_alt('balance_items')})(?:[（(][^（）()]*[）)])?\\s*(?:为|是)?$")


def _signed_balances(whole: Mention, parts: list[Mention]) -> bool:
    """Are the whole and its parts balances, some a surplus and some a shortfall written by its size (`当年结余 T。
    其中，甲基金当年结余 a，乙基金当年收支缺口 b`)? The parts then add with signs (T = a − b): no plain list."""
    if not BALANCE_NAMED.search(whole.label) or not all(BALANCE_NAMED.search(p.label) for p in parts):
        return False
    short = {SHORTFALL.search(m.label) is not None for m in [whole, *parts]}
    return len(short) == 2


CATEGORY = regex(r"([^“”\"（()），、；：]{2,})[（(]类[）)]")


def _measure_alone(whole: str, parts: list[Mention]) -> bool:
    """Does a part after the first stand named by the whole's name or its last words alone (`完工` of `截至年底已完工`),
    no name of its own, after a part named otherwise (`甲类项目 a 个，完工 b 个`)? It is how many of the item before
    were so, no part beside it. (Parts each named by the measure alone, `资金管理 15 分，得分 a；…`, the full marks set
    aside, are the whole's.)"""
    alone = [len(p.key) >= 2 and whole.endswith(p.key) for p in parts]
    return any(alone[1:]) and not all(alone)


def _other_category(total: str, part: str) -> bool:
    """Do the two labels name different 类 of the classification (a 类 is no part of another)?"""
    a, b = CATEGORY.search(total), CATEGORY.search(part)
    return a is not None and b is not None and a.group(1) != b.group(1)


# a paragraph that opens by adding to the figure before it (`加上对市县转移支付 B、…，支出总计 T`) goes on with
# the paragraph before: a line break after that figure's sentence (a PDF's line, a markdown soft break) ends no list
CONTINUES = regex(r"(?:再?加上|再加)(?![大快强紧入班速深重])")


def _continued_paragraphs(draft: Draft) -> list[list[Mention]]:
    """The mentions by paragraph, a paragraph that opens by adding joined to the one before under the same heading."""
    doc = draft.doc
    groups: list[list[Mention]] = []
    for mentions in by_paragraph(draft).values():
        si = mentions[0].sentence
        first = doc.sentences[si]
        # (it opens its paragraph: the sentence before is of another one; not found by walking the paragraph)
        opens = si == 0 or doc.sentences[si - 1].paragraph != first.paragraph
        if (
            groups
            and opens
            and doc.text[first.start : first.start + 1] in OPENS_JOINED
            and (
                (CONTINUES.match(doc.text, first.start) and _ends_statement(draft, groups[-1], first.start))
                or _totals_above(draft, groups[-1], first.start)
            )
        ):
            groups[-1] = groups[-1] + mentions
        else:
            groups.append(mentions)
    return groups


# a paragraph opening with a total of what is above it (`上述项目合计 T`, `以上五项共计 T`): the items stand in the
# paragraph before (a line break of the PDF's text between them)
OPENS_ABOVE_TOTAL = regex(r"(?:上述|以上)[^，。；,;：:\d]{0,12}?(?:合计|共计|总计)")
# the characters CONTINUES and OPENS_ABOVE_TOTAL open with: a paragraph opening with another is joined to none
# without either pattern tried (most paragraphs)
OPENS_JOINED = frozenset("再加上以")


def _totals_above(draft: Draft, before: list[Mention], at: int) -> bool:
    """Does the paragraph at `at` open with a total of what is above it, right after a paragraph ending a statement
    (`。`) under the same heading?"""
    return OPENS_ABOVE_TOTAL.match(draft.doc.text, at) is not None and _closes_statement(draft, before, at)


def _ends_statement(draft: Draft, before: list[Mention], at: int) -> bool:
    """Does the paragraph before end a statement (`。`) under the same heading as the one at `at`? An item of a
    list (`教育支出 A；`) is no figure the next line adds to."""
    figures = [m for m in before if any(q.kind == "amount" for q in m.quantities)]
    if not figures or SIDE_WHOLE.fullmatch(figures[-1].identity.item or "") is None:
        return False  # (items on lines of their own, `利润收入 a。` / `其他收入 d。`: the next line's `加上级补助收入
        # B，收入总计 T` adds to their total, not to the last item; only a side's whole is added to)
    return _closes_statement(draft, before, at)


def _closes_statement(draft: Draft, before: list[Mention], at: int) -> bool:
    """Does the sentence of the last figure before end with `。`, under the same heading as offset `at`?"""
    last = draft.doc.sentences[before[-1].sentence]
    return draft.doc.text[last.start : last.end].rstrip().endswith("。") and same_section(draft, before[-1].start, at)


# a side's whole, at any stage (`支出安排`, `收入完成`): what a line opening with 加上 goes on from
SIDE_WHOLE = regex(r"(?:收入|支出)(?:安排|完成|执行|决算|预算)?")


def _summed_by(items: list[Mention], prev: list[Mention], units: set[str]) -> Mention | None:
    for unit in units:
        listed = [q for m in items for q in m.quantities if q.base_unit == unit and q.exact]
        if len(listed) < 2:
            continue
        total = sum((q.base_value for q in listed), Decimal(0))
        tol = sum((rounding_unit(q) for q in listed), Decimal(0))  # none for counts of things: they are exact
        for m in reversed(prev):
            if LAST_YEAR_BESIDE.match(m.label):
                continue
            if any(q.base_unit == unit and q.exact and abs(q.base_value - total) <= tol for q in m.quantities):
                return m
    return None


def totals_after_parts(draft: Draft) -> Iterator[Breakdown]:
    """`A a，B b，总额为 X` / `A a，B b，A及B X`: a total stated after the parts it sums."""
    taken: set[int] = set()  # parts of the totals this pass found: not also parts of the next one
    for mentions in _continued_paragraphs(draft):
        # (`支出由年初 A 调增至 B。加上解支出 c，支出总计 T`: A is what the item was, no addend of T)
        taken.update(_moved_from(draft, mentions))
        for i, m in enumerate(mentions):
            if not m.quantities or draft.is_part(m) or id(m) in draft.totals or id(m) in taken:
                continue  # (most mentions have no figure: that is asked first)
            q = exact_figure(m)
            if q is None:
                continue
            chain = _chain_to(draft, mentions, i, q.base_unit, taken)
            if chain is not None:
                # `收入 A，加上级补助 B、上年结转 C，减去调出 D，收入总计 T`: T = A + B + C − D, as written
                plus, minus = chain
                taken.update(id(p) for p in [*plus, *minus, m])
                # (a chain closed by 等 names some of what makes the total: `加上 B b、下级上解收入、调入资金、C c 等，
                # 收入总计 T` adds items it gives no figure of)
                # (and so does one naming items with no figure after its last: `加中央补助收入 B、市县上解收入、调入
                # 资金及上年结转，收入总计 T`)
                complete = not _names_unstated(draft, [*plus, *minus], m)
                yield Breakdown(m, plus, "加", complete, m.sentence, inferred=True, certain=False, minus=minus)
                continue
            # `本年支出合计 A，年末结转和结余 B，支出总计 T`: the components of T's definition (vocab sums.yaml), a
            # total among them, stated before it in its sentence; `X，其中：A a、B b、C c，合计 T`: a total word alone
            # right after a list's last part sums its parts; `全年偿还本金情况：` / `——一般债务还本 a；` / `——专项债务
            # 还本 b；` / `合计 T。`: all the items listed
            listed = (
                _defined_before(draft, mentions, i, q.base_unit, taken)
                or _closing_total(draft, mentions, i)
                or _listed_to_header(draft, m, q.base_unit, taken)
            )
            if listed:
                taken.update(id(p) for p in [*listed, m])
                yield Breakdown(m, listed, "", True, m.sentence, inferred=True, certain=False)
                continue
            run = _named_run(draft, mentions, i, q.base_unit, taken)
            if run is None:
                continue
            # `以上三项支出合计 X`: the count the total states is the run's, whether it adds up or not
            # `A a，B b，合计 T`: a total word alone after the sentence's two figures sums them, whether they add up or not
            # (`偿还本金 a（…），支付利息 b（…），还本付息合计 T`: the run is, one each, the components of T's definition,
            # vocab sums.yaml, whatever the figures noted in brackets between them)
            whole = (
                _counted(m.label, [pm for pm, _ in run]) == len(run)
                or _sums_sentence(draft, m, run)
                or _defines(m, run)
            )
            chosen = (
                len(run) if whole else _footing_run(q, run, _enumerated(draft, run)) if _names_the_last(m, run) else 0
            )
            if chosen:
                parts = [pm for pm, _ in run[-chosen:]]
                taken.update(id(p) for p in parts)
                taken.add(id(m))
                yield Breakdown(m, parts, "", True, m.sentence, inferred=True, certain=False)


def _moved_from(draft: Draft, mentions: list[Mention]) -> list[int]:
    """The ids of the figures a move starts from (`changed_from`), which asks for 由 or 从 in the label first: tested
    here, not by a call for each figure."""
    return [id(x) for x in mentions if ("由" in x.label or "从" in x.label) and changed_from(draft, x)]


# the sign a figure's label opens with in an equation written out (`收入总量 X = 本级收入 a + 补助 b - 调出 c`)
SIGNS = {"=": "=", "＝": "=", "+": "+", "＋": "+", "-": "-", "－": "-", "−": "-"}


def _sign(m: Mention) -> str:
    return SIGNS.get(m.label.lstrip()[:1], "")


def equations(draft: Draft) -> Iterator[Breakdown]:
    """`收入总量 X = 本级收入 a + 上级补助收入 b + …；支出总量 Y = 本级支出 c + …`, and `a + b = 合计 X`: the text
    writes the arithmetic itself, each figure's label opening with its sign. In each run of signed figures (the
    first unsigned, the others signed, one `=` among them) the one figure alone on its side of `=` is the sum of
    those on the other, added or subtracted as written. Read before the totals stated after parts, so that a
    second equation's total does not take the first one's figures for its own."""
    for mentions in draft.by_sentence.values():
        i = 0
        while i < len(mentions):
            j = i + 1
            while j < len(mentions) and _sign(mentions[j]):
                j += 1
            # (a run of fewer than three figures writes no equation: not sliced nor read)
            found = _equation(draft, mentions[i:j]) if j - i >= 3 else None
            if found is not None:
                yield found
            i = j


def _equation(draft: Draft, run: list[Mention]) -> Breakdown | None:
    """The breakdown one run of signed figures writes out, or None when it is no sum of one unit."""
    signs = [_sign(m) for m in run]
    if signs.count("=") != 1 or len(run) < 3:
        return None
    eq = signs.index("=")
    if eq == 1:
        total, terms = run[0], [(m, "+" if s == "=" else s) for m, s in zip(run[1:], signs[1:], strict=True)]
    elif eq == len(run) - 1:
        total, terms = run[-1], [(m, s or "+") for m, s in zip(run[:-1], signs[:-1], strict=True)]
    else:
        return None  # `a + b = c + d`: which side is the total is not written
    q = exact_figure(total)
    if q is None or any(draft.is_part(m) or id(m) in draft.totals for m in run):
        return None
    if any(exact_of(m, q.base_unit) is None or draft.labeller.qualifying_ratio(m.key, m.quantities) for m in run):
        return None
    plus = [m for m, s in terms if s == "+"]
    minus = [m for m, s in terms if s == "-"]
    return Breakdown(total, plus, "=", True, total.sentence, minus=minus)


# a total stating how many figures before it it sums (`以上六项支出合计`, `上述 3 项合计`)
# (`以上三项`, `以上五个税种`: the count of the items above, in 项 or 个 and what they are)
COUNTED = regex(f"^(?:以上|上述)\\s*(\\d{{1,2}}|[两{ORDINALS}])\\s*(?:项|个)")


def _counted_run(draft: Draft, total: Mention, unit: str, taken: set[int]) -> list[tuple[Mention, Quantity]]:
    """`…教育支出 a；卫生健康支出 b；农林水支出 c。` / `以上三项支出合计 X`: a total opening its paragraph that states
    how many figures it sums sums as many of the sentence before, in its section (its run when they are that many:
    `_run_before`, the total's sentence after them). [] for any other total."""
    doc = draft.doc
    si = total.sentence
    if not _counted(total.label) or si < 1 or not same_section(draft, doc.sentences[si - 1].start, total.start):
        return []
    before = draft.by_sentence.get(si - 1) or []
    return _run_before(draft, [*before, total], len(before), unit, taken)


# what may stand between a listed item's figure and the next item's name: its own words, no other figure, ended
# by `；` (the items of a line each, or of clauses set apart by semicolons)
ITEM_BREAK = regex(r"[；;]")
# a sentence announcing the list after it, with no figure of its own (`全年偿还到期债务本金情况：`, `主要支出方向：`)
HEADER = regex(r"[：:]\s*$")
# the same words opening the sentence of the items, the first item's name after them (`按片区统计，面积分布如下：东片区：`:
# the words may hold a comma, no figure, and the name close with its colon)
OPENED_BY_HEADER = regex(r"^[^。；;\d]{2,40}[：:][^，。；：,;:\d]{2,40}[：:]?$")
# or the first of items set off by a dash after the colon (`着力保障以下领域：——教育，安排 a。`), its name up to its
# figure's words
OPENED_BY_DASHED = regex(r"^[^。；;\d]{2,40}[：:]\s*——[^。；;：:\d]{2,40}$")


# a total naming how many items it adds and what they are, no 以上 before (`两片区合计`, `三个乡镇共计`): of as many items
COUNTED_TOTAL = regex(
    f"^(\\d{{1,2}}|[两{ORDINALS}])\\s*(?:个|项|类)?[\u4e00-\u9fff]{{1,4}}?(?:合计|共计|总计)(?:为|是)?$"
)


def _listed_to_header(draft: Draft, total: Mention, unit: str, taken: set[int]) -> list[Mention]:
    """`主要支出方向：` / `——A a，用于…；` / `——B b；` / `以上两项合计 T`: a total of all that is above (以上, 上述, or
    a total word alone) after items that each open a clause of their own (set apart by `；` or a sentence break),
    back to a sentence announcing them with no figure of its own, in the total's section: the items, all of them
    (as many as it counts, `以上五项`), whether they add up or not; [] when
    anything else stands between (a figure of another unit, a total, a sentence of other words)."""
    label = total.label.strip("，、；：。 ")
    named_count = COUNTED_TOTAL.match(label)
    if ABOVE_TOTAL.match(label) is None and named_count is None:
        return []
    items = _items_back(draft, total, unit)
    counted = _counted(total.label) or (count_of(named_count.group(1)) if named_count is not None else 0)
    if counted and counted != len(items):
        return []  # `以上三项` after four items: which three is not said
    if len(items) < 2 or any(id(p) in taken for p in items):
        return []
    if not _names_the_items(label, items) or (COUNT_NAMED.match(label) and not _count_names(label, items)):
        return []
    return items


# the names a total of what is above joins (`以上税收分成收入和非税收入合计`: 税收分成收入, 非税收入)
ABOVE_NAMES = regex(
    r"^(?:以上|上述)(?P<names>[\u4e00-\u9fff“”（）()]{2,}?(?:和|及|与|、)[\u4e00-\u9fff“”（）()]{2,}?)(?:合计|共计|总计|小计)"
)
NAME_JOIN = regex(r"和|及|与|、")


def _names_the_items(label: str, items: list[Mention]) -> bool:
    """Are the items above a total the ones its words name, where it names them (`以上税收分成收入和非税收入合计 T`
    after a 其中 list of another figure's parts: not those)? A total naming none (`以上合计`, `以上三项合计`) may be of
    any items above."""
    named = ABOVE_NAMES.match(label)
    if named is None:
        return True
    names = [n for n in NAME_JOIN.split(named.group("names")) if n]
    return len(names) == len(items) and all(any(n in p.label for p in items) for n in names)


def _items_back(draft: Draft, total: Mention, unit: str) -> list[Mention]:
    """The items listed before the total back to the sentence announcing them (see `_listed_to_header`)."""
    doc = draft.doc
    items: list[Mention] = []
    after = total  # the figure after the one looked at
    si = total.sentence
    # (a few sentences back at most: a long run of notes and nested parts is walked once per total, not whole)
    while si >= max(0, total.sentence - MAX_LOOK) and len(items) <= MAX_LOOK:
        before = [m for m in draft.by_sentence.get(si) or [] if m.start < after.start and m is not after]
        if si != total.sentence and not same_section(draft, doc.sentences[si].start, total.start):
            return []
        if si != total.sentence and not before:
            kind = _figureless(draft, si)
            if kind != "note":
                return items if kind == "header" else []
            si -= 1  # (`——A，安排 a。主要用于…。`: what the item's money is for, no figure, goes on its line)
            continue
        for m in reversed(before):
            if INCLUDED.match(m.label.lstrip("（(，、")) or in_brackets(draft, si, m.start) or draft.is_part(m):
                continue  # a note on an item, a part of an item's own list
            if exact_of(m, unit) is None or _names_total(draft, m) or id(m) in draft.totals:
                return []
            if m.sentence == after.sentence and not ITEM_BREAK.search(doc.text[m.quantities[-1].end : after.start]):
                return []  # two figures of one clause: which is the item's is not known
            items.insert(0, m)
            after = m
        if _opened_by_header(draft, items, si):
            return items  # `…情况：A a；B b；合计 T`: the words announcing them open the items' sentence
        si -= 1
        after = items[0] if items else total
    return []


def _opened_by_header(draft: Draft, items: list[Mention], si: int) -> bool:
    """Do words announcing the items open sentence `si`, the first item's, before it?"""
    if not items or items[0].sentence != si:
        return False
    words = draft.doc.text[draft.doc.sentences[si].start : items[0].start]
    return OPENED_BY_HEADER.search(words) is not None or OPENED_BY_DASHED.search(words) is not None


def _figureless(draft: Draft, si: int) -> str:
    """What sentence `si`, of no figure, is among listed items: `header`, announcing them (`主要支出方向：`); `note`, on
    the item its paragraph opens with (`——教育，安排 a。重点用于…。`: the sentence before stands in its paragraph and
    states a figure); `other` words, that end the list."""
    doc = draft.doc
    sent = doc.sentences[si]
    if HEADER.search(doc.text[sent.start : sent.end]):
        return "header"
    if si >= 1 and doc.sentences[si - 1].paragraph == sent.paragraph and draft.by_sentence.get(si - 1):
        return "note"
    return "other"


# a total opening with the count of the items it sums, no 以上 before, its short name closed by a total's word
# (`四项重点支出小计 T`, `五项民生支出共计 T`): the figures reader takes such a count of 项 for part of the name (no
# name of a year: `两项上年合计` is another period's)
COUNT_NAMED = regex(f"^([两{ORDINALS}])项(?P<name>(?:(?!年)[\u4e00-\u9fff]){{0,8}}?)(?:合计|共计|小计|总计)(?:为|是)?$")


def _counted(label: str, items: Sequence[Mention] | None = None) -> int:
    """How many items above a total says it sums (`以上三项支出合计`, `四项重点支出小计`); 0 where it says none, or
    where a count-named total's name is not the `items`' (`_count_names`)."""
    label = label.lstrip("，、；：。 ")
    found = COUNTED.match(label)
    if found is None and (items is None or _count_names(label, items)):
        found = COUNT_NAMED.match(label)
    if found is None:
        return 0
    return count_of(found.group(1))


def _count_names(label: str, items: Sequence[Mention]) -> bool:
    """Is the total named by a count (`四项重点支出小计`) one whose name's last word each item bears (`支出`: not
    `两项补助结余合计` after figures of what was spent, the rest of each)? A count with no name (`四项合计`) sums any
    items."""
    found = COUNT_NAMED.match(label.strip("，、；：。 "))
    if found is None:
        return False
    head = found.group("name")[-2:]
    return len(head) < 2 or all(head in m.label for m in items)


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
    head = _heading_figure(draft, sec, starts)
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


DIMENSION = regex(r"^[，。；、\s]*(?:按|分|从)[\u4e00-\u9fff]{1,6}?(?:划分|来看|分|看)[，：:]")
DIMENSION_REACH = 3  # sentences back to the total a `按…分` list breaks down


def dimensions(draft: Draft) -> Iterator[Breakdown]:
    """`全市发行政府债券 X。按类型分，一般债券 a，专项债券 b。按用途分，新增债券 c，再融资债券 d。`: a sentence that
    opens with the dimension it divides by breaks down the figure the passage is about (the last of the sentence
    before the first such list), when its figures add up to it or one slipped digit explains the difference."""
    doc = draft.doc
    for si, mentions in draft.by_sentence.items():
        if not DIMENSION.match(doc.text[doc.sentences[si].start : doc.sentences[si].end]):
            continue
        before = _dimension_sentence(draft, si)
        if before is None:
            far = _stated_whole(draft, si, mentions)
            if far is not None:
                yield far
            continue
        last = _dimension_whole(draft, before)
        listed = _listed_whole(draft, last)
        if listed is not None:
            # `余额 X。其中，一般债务 a，专项债务 b。按级次分，市级 c，县区 d。`: the sentence before is a 其中 list
            # making its whole exactly; the division divides that whole again, when its figures make it too
            split = _split(draft, listed, mentions, si, footing=True)
            if split is not None:
                yield split
            continue
        # (not a figure a bracket notes: `…（2024年支出 c）…。按支出性质分，…`, as a 其中 list's whole; a figure
        # a total after it adds up, `收入 X。分项目看，…。当年收入加上 B，收入总计 T`, is still the passage's whole)
        noted = _part_before_total(draft, last) or in_brackets(draft, last.sentence, last.start)
        split = None if noted else _split(draft, last, mentions, si)
        if split is None:
            # `一般公共预算收入完成 X，同比增长 p%；年初预算 Y，完成 q%。分类型看，税收收入 a，非税收入 b`: the
            # sentence ends on other figures; the whole is the one figure there the parts define (收入 = 税收 + 非税)
            split = _defined_split(draft, before, mentions, si)
        if split is not None:
            yield split


def _part_before_total(draft: Draft, m: Mention) -> bool:
    """Is the figure a part of a list whose total stands before it, or in its sentence (a 其中 list's part, a
    figure in brackets)? A figure that a total stated in a later sentence adds up (`…收入总计 T`, read after its
    parts) is a whole of its own passage all the same."""
    if not draft.is_part(m):
        return False
    return any(
        any(p is m for p in b.parts) and not (b.inferred and b.total.sentence > m.sentence)
        for b in draft.facts.breakdowns
    )


def _listed_whole(draft: Draft, last: Mention) -> Mention | None:
    """The whole of the 其中 list that the figure closes, when the list makes that whole exactly, stands in a
    sentence of its own (the figure's), and its whole in the sentence before it."""
    found = [b for b in draft.facts.breakdowns if b.parts and b.parts[-1] is last and "其中" in b.keyword]
    if len(found) != 1 or found[0].minus or found[0].total.sentence != last.sentence - 1:
        return None
    b = found[0]
    q = exact_figure(b.total)
    figures = [x for m in b.parts if (x := exact_of(m, q.base_unit)) is not None] if q is not None else []
    if q is None or len(figures) != len(b.parts) or not foots(q, figures):
        return None
    if any(m.sentence != last.sentence for m in b.parts) or draft.by_sentence.get(last.sentence) != b.parts:
        return None
    return b.total


WHOLE_REACH = 8  # sentences back to the whole a `按…分` list after a table (or words without figures) divides


def _stated_whole(draft: Draft, si: int, mentions: list[Mention]) -> Breakdown | None:
    """`项目累计支出 T。` [a table, or words] `按支出内容划分，A a；B b；…`: a division whose sentence before states no figure
    divides the one figure earlier in its section of the kind its dimension names (`支出`, the end of the figure's
    item) that its parts make exactly: nothing but the sum ties the two, so a sum that misses ties none."""
    doc = draft.doc
    sentence = doc.sentences[si]
    division = DIMENSION.match(doc.text[sentence.start : sentence.end])
    if division is None:
        return None
    found: dict[Decimal, Mention] = {}
    for back in range(si - 1, max(-1, si - 1 - WHOLE_REACH), -1):
        if not same_section(draft, doc.sentences[back].start, sentence.start):
            break
        for m in draft.by_sentence.get(back) or []:
            q = exact_figure(m)
            item = m.identity.item
            if q is None or q.kind != "amount" or len(item) < 2 or item[-2:] not in division.group():
                continue
            parts = [x for p in mentions if (x := exact_of(p, q.base_unit)) is not None]
            if len(parts) >= 2 and sum((x.base_value for x in parts), Decimal(0)) == q.base_value:
                found.setdefault(q.base_value, m)
    if len(found) != 1:
        return None
    whole = next(iter(found.values()))
    return None if draft.is_part(whole) else _split(draft, whole, mentions, si)


# a clause after a 其中 list opening with another dimension the same whole is divided by (`；按级次分，`, `；分地区看：`)
CLAUSE_DIMENSION = regex(r"\s*[；;]\s*(?:按|分|从)[\u4e00-\u9fff]{1,6}?(?:划分|来看|分|看)[，：:]")
# what may close the sentence after the clause's last figure
SENTENCE_CLOSE = regex(r"\s*[。；;]?\s*$")
# a figure qualified by its words (a change, a share, a part's part, an approximation): no part of a division
QUALIFYING = regex(r"增长|增加|下降|减少|比上年|同比|较上年|占|其中|约|超过|不足|以上|以下")


def clause_dimensions(draft: Draft) -> Iterator[Breakdown]:
    """`政府债务余额 X，其中一般债务 a，专项债务 b；按级次分，省本级 c，市县 d。`: the clause after a 其中 list that opens
    with another dimension divides the same whole, its figures to the sentence's end all its parts. Read only where
    the 其中 list adds up to the whole (the sentence divides it whole once, then again), and every figure
    of the clause is one named amount of the whole's unit, qualified by no word of a change or a share; inferred."""
    doc = draft.doc
    for b in list(draft.facts.breakdowns):
        if "其中" not in b.keyword or b.minus or not 0 <= b.sentence < len(doc.sentences):
            continue
        q = exact_figure(b.total)
        figures = [x for m in b.parts if (x := exact_of(m, q.base_unit)) is not None] if q is not None else []
        if q is None or len(figures) != len(b.parts) or not foots(q, figures):
            continue
        opened = CLAUSE_DIMENSION.match(doc.text, max(x.end for x in figures))
        parts = _divided_again(draft, b, q, opened.end()) if opened is not None else None
        if parts is not None:
            yield Breakdown(b.total, parts, "按…分", True, b.sentence, certain=False)


# a total of both sides of an account (`财政拨款收入支出总计`, `收支总计`): what came in makes it, and what went out
BOTH_SIDES = regex(r"(?:收入支出|收支)总计[为是：:]?$")
# what came in: an income, or the balance the year opened with (`年初财政拨款结转和结余`)
CAME_IN = regex(r"收入(?:合计)?$|(?:年初|上年)[\u4e00-\u9fff]{0,8}?(?:结转和结余|结转结余|结余|结转)(?:资金)?$")
# what went out: a spending, or the balance the year closed with (`年末财政拨款结转和结余`, `结转下年`)
SPENT = regex(r"支出(?:合计)?$")
LEFT_OVER = regex(r"(?:年末|期末)[\u4e00-\u9fff]{0,8}?(?:结转和结余|结转结余|结余|结转)(?:资金)?$|结转下年(?:资金)?$")
SIDE_BREAK = regex(r"\s*[；;]\s*")


def other_side(draft: Draft) -> Iterator[Breakdown]:
    """`财政拨款收入支出总计 T。其中：收入 a，年初结转和结余 b；支出 c，年末结转和结余 d。`: a total of both sides whose
    其中 list names what came in, then, after `；`, what went out to the sentence's end: that side makes the total
    too. Read only where the list names incomes and an opening balance only and adds up to the total, and the
    clause after it names spendings and, last, the closing balance, one amount each of the total's unit; inferred."""
    doc = draft.doc
    for b in list(draft.facts.breakdowns):
        if "其中" not in b.keyword or b.minus or not 0 <= b.sentence < len(doc.sentences):
            continue
        q = exact_figure(b.total)
        if q is None or not BOTH_SIDES.search(b.total.label.strip()):
            continue
        figures = [x for m in b.parts if (x := exact_of(m, q.base_unit)) is not None]
        if len(figures) != len(b.parts) or not foots(q, figures) or not all(_came_in(m) for m in b.parts):
            continue
        opened = SIDE_BREAK.match(doc.text, max(x.end for x in figures))
        uses = _divided_again(draft, b, q, opened.end()) if opened is not None else None
        if uses is None or not LEFT_OVER.search(_side_label(uses[-1])):
            continue
        if all(SPENT.search(_side_label(m)) for m in uses[:-1]):
            yield Breakdown(b.total, uses, "其中", True, b.sentence, certain=False)


def _side_label(m: Mention) -> str:
    return m.label.strip("，,、；;：:为是 ")


def _came_in(m: Mention) -> bool:
    return CAME_IN.search(_side_label(m)) is not None


def _divided_again(draft: Draft, b: Breakdown, q: Quantity, begin: int) -> list[Mention] | None:
    """The figures of the sentence from `begin` to its end, when they are two or more named amounts of the whole's
    unit, one each, no other figure and no qualifying word among them, and nothing but punctuation after the last."""
    end = draft.doc.sentences[b.sentence].end
    after = [m for m in draft.by_sentence.get(b.sentence, []) if m.quantities and m.quantities[0].start >= begin]
    if len(after) < 2 or any(len(m.quantities) != 1 or exact_of(m, q.base_unit) is None for m in after):
        return None
    if any(draft.is_part(m) or id(m) in draft.totals or QUALIFYING.search(m.label) for m in after):
        return None
    labels = [m.label.strip("，,、：: ") for m in after]
    if any(len(x) < 2 or x in GENERIC_ITEMS for x in labels):
        return None
    if not SENTENCE_CLOSE.fullmatch(draft.doc.text, after[-1].quantities[0].end, end):
        return None
    return after


def _dimension_whole(draft: Draft, before: int) -> Mention:
    """The figure a division breaks down: the last of the sentence before, but not last year's figure a change
    measures against (`学校共 A 所，较上年的 B 所减少 d 所。按学段分：…`: of A). (One noted in brackets, `（上年为
    B）`, is left to the callers, as any figure a bracket notes.)"""
    mentions = draft.by_sentence[before]
    used = _measured_against(draft, before)
    last = mentions[-1]
    if not any(id(q) in used for q in last.quantities) or in_brackets(draft, last.sentence, last.start):
        return last
    return next((m for m in reversed(mentions) if not any(id(q) in used for q in m.quantities)), last)


def _split(
    draft: Draft, total: Mention, mentions: list[Mention], si: int, defined: bool = False, footing: bool = False
) -> Breakdown | None:
    """The `按…分` list of the sentence's figures under `total`, if they add up to it (or one slipped digit
    explains the difference), or whatever they add up to when they are the components of its definition."""
    q = exact_figure(total)
    if q is None:
        return None
    # (a figure in brackets after a part breaks that part down, `特种用车 3辆（检测车 2辆、抢险车 1辆）`: not the total)
    parts = [m for m in mentions if exact_of(m, q.base_unit) is not None and not in_brackets(draft, si, m.start)]
    if len(parts) < 2 or any(draft.is_part(m) or id(m) in draft.totals for m in parts):
        return None
    if excludes(total, parts):
        return None  # (`非税收入 b。从主体税种看，增值税 c…`: taxes are none of b, whatever a slipped digit would say)
    figures = [x for m in parts if (x := exact_of(m, q.base_unit)) is not None]
    if footing:
        # (a whole a 其中 list made already is tied to the list by the sum, or, for one slipped digit, by every part
        # naming the whole's measure, `市级政府债务余额` of `政府债务余额`: not by the last part's, `非税收入 b。按…`)
        item = total.identity.item
        named = all(same_measure(p.identity.item, item) for p in parts)
        tied = foots(q, figures) or (named and one_slip(q, figures))
        return Breakdown(total, parts, "按…分", True, si, certain=False) if tied else None
    if defined or foots(q, figures) or one_slip(q, figures) or _kinds_of(draft, total, parts, si):
        return Breakdown(total, parts, "按…分", True, si, certain=False)
    return None


# the shortest name of what a total is that its kinds' names end with (`问题金额`; not `支出`, which 基本支出 and
# 项目支出 end with as parts of many a total)
KIND_TAIL = 3
# the words of a list that names some of the kinds only (`主要有…`, `…等`)
SOME_KINDS = regex(r"主要|等|包括|其中")


def _kinds_of(draft: Draft, total: Mention, parts: list[Mention], si: int) -> bool:
    """`审计查出问题金额 T。按问题性质分：违规问题金额 a，管理不规范问题金额 b，损失浪费问题金额 c。`: a `按…分` list
    whose every figure is named as one kind of what the total is (the end of the total's name, KIND_TAIL characters
    at least, with the kind's words before it), naming no kind twice and saying nothing of some kinds only (`主要`,
    `等`), in the total's context, divides the total whether it adds up or not."""
    sentence = draft.doc.sentences[si]
    if SOME_KINDS.search(draft.doc.text, sentence.start, sentence.end):
        return False
    whole = draft.labeller.identify(total.label)[0]
    items = [draft.labeller.identify(p.label)[0] for p in parts]
    tail = items[0]
    for item in items[1:]:
        while tail and not item.endswith(tail):
            tail = tail[1:]
    if len(tail) < KIND_TAIL or not whole.endswith(tail) or len(set(items)) != len(items):
        return False
    context = total.identity.context
    return all(len(i) > len(tail) for i in items) and all(context.agrees(p.identity.context) for p in parts)


def _defined_split(draft: Draft, before: int, mentions: list[Mention], si: int) -> Breakdown | None:
    """The `按…分` list under the one figure of sentence `before` whose definition its figures cover, each
    component once and nothing else (not a figure that merely ends the sentence: only the definition ties
    them)."""
    found = []
    for m in draft.by_sentence[before]:
        q = exact_figure(m)
        if q is None or draft.is_part(m):
            continue
        parts = [p for p in mentions if exact_of(p, q.base_unit) is not None]
        if not all(m.identity.context.agrees(p.identity.context) for p in parts):
            continue  # (`市本级税收收入 a` is no part of the 全市 figure)
        own = f"{m.identity.context.fund or ''}{m.identity.item}"
        if len(parts) >= 2 and (of_total(m, parts) or of_named_total(own, parts)):
            found.append(m)
    if len(found) != 1 or _sum_stated_apart(draft, found[0], mentions, before):
        return None
    return _split(draft, found[0], mentions, si, defined=True)


def _sum_stated_apart(draft: Draft, total: Mention, mentions: list[Mention], before: int) -> bool:
    """Do the list's figures, not adding up to the total its definition names, add up to another figure stated in
    the sentences up to it (`支出安排 S，…，上解支出 U。支出合计 T。从支出性质看，基本支出 a，项目支出 b`: a + b = S, not
    T)? Which figure the list divides is then not known."""
    q = exact_figure(total)
    if q is None:
        return False
    figures = [x for m in mentions if (x := exact_of(m, q.base_unit)) is not None]
    if foots(q, figures):
        return False
    for sj in range(max(0, before - DIMENSION_REACH), before + 1):
        for m in draft.by_sentence.get(sj) or []:
            other = exact_of(m, q.base_unit)
            if m is not total and other is not None and foots(other, figures):
                return True
    return False


# what opens a label before its name (`、支出 b`, `，年末滚存结余 c`)
LABEL_LEAD = regex(r"^[，,、；;：:\s]+")
SERIES_NAME = 2  # the shortest name a series of a list by kind is known by (`收入`, `支出`)


def series_by_kind(draft: Draft) -> Iterator[Breakdown]:
    """`全市社保基金收入 R，支出 E，年末滚存结余 B。按险种划分：甲基金收入 r1、支出 e1，年末滚存结余 b1；乙基金收入
    r2…`: a `按…分` list stating, kind after kind (one clause each, split by `；`), the same series in the same
    order breaks down the totals of those series stated before it (the nearest figure named as the series is, no
    part of another list). Nothing says the list names every kind, but a series adding up to its total shows it
    does: read only when one at least does, and then every series is held to its total."""
    doc = draft.doc
    for si, mentions in draft.by_sentence.items():
        sentence = doc.sentences[si]
        text = doc.text[sentence.start : sentence.end]
        if not DIMENSION.match(text) or SOME_KINDS.search(text):
            continue
        columns = _kind_columns(draft, si, mentions)
        found = _series_totals(draft, si, columns) if columns is not None else None
        if columns is None or found is None:
            continue
        splits = [(total, parts) for total, parts in zip(found, columns, strict=True)]
        if any(foots(t, [q for p in ps if (q := exact_figure(p)) is not None]) for t, ps in _amounts(splits)):
            yield from (Breakdown(total, parts, "按…分", True, si, certain=False) for total, parts in splits)


def _amounts(splits: list[tuple[Mention, list[Mention]]]) -> Iterator[tuple[Quantity, list[Mention]]]:
    for total, parts in splits:
        q = exact_figure(total)
        if q is not None:
            yield q, parts


def _kind_columns(draft: Draft, si: int, mentions: list[Mention]) -> list[list[Mention]] | None:
    """The list's figures by series (one column per place in a kind's clause), when every clause between `；` states
    as many figures, two at least, of one unit, in two clauses at least, each place named by the same words."""
    if any(in_brackets(draft, si, m.start) or draft.is_part(m) or exact_figure(m) is None for m in mentions):
        return None
    text = draft.doc.text
    start = draft.doc.sentences[si].start
    rows: dict[int, list[Mention]] = {}
    for m in mentions:
        rows.setdefault(text.count("；", start, m.start) + text.count(";", start, m.start), []).append(m)
    clauses = list(rows.values())
    width = len(clauses[0]) if clauses else 0
    if len(clauses) < 2 or width < 2 or any(len(c) != width for c in clauses):
        return None
    if len({q.base_unit for m in mentions if (q := exact_figure(m)) is not None}) != 1:
        return None
    columns = [[c[j] for c in clauses] for j in range(width)]
    names = [_series_name(col) for col in columns]
    return columns if all(len(n) >= SERIES_NAME for n in names) and len(set(names)) == width else None


def _series_name(column: list[Mention]) -> str:
    """The words every label of a series ends with (`收入` of `甲基金收入`, `乙基金（含丙）收入`)."""
    return common_tail(*(LABEL_LEAD.sub("", m.label) for m in column))


def _of_context(whole: Context, part: Context) -> bool:
    """Is a part of a list by kind in its whole's context? A scope its section leaves mixed (`全市` and `市本级`
    figures under one heading) is no other scope: the list stands right after its totals."""
    return whole.agrees(replace(part, scope=None) if part.scope == MIXED else part)


def _series_totals(draft: Draft, si: int, columns: list[list[Mention]]) -> list[Mention] | None:
    """The total of each series: the nearest figure before the list, in the sentences of its section within reach,
    named as the series (ending with its name), in the same unit, no part of another list nor noted in brackets,
    in the parts' context; None unless every series has one of its own."""
    doc = draft.doc
    before = [
        m
        for back in range(si - 1, max(-1, si - 1 - DIMENSION_REACH), -1)
        if same_section(draft, doc.sentences[back].start, doc.sentences[si].start)
        for m in reversed(draft.by_sentence.get(back) or [])
        if not draft.is_part(m) and not in_brackets(draft, back, m.start)
    ]
    totals = []
    for col in columns:
        name, unit = _series_name(col), exact_figure(col[0])
        total = next((m for m in before if LABEL_LEAD.sub("", m.label).endswith(name)), None)
        q = exact_figure(total) if total is not None else None
        if total is None or q is None or unit is None or q.base_unit != unit.base_unit:
            return None
        if not all(_of_context(total.identity.context, p.identity.context) for p in col):
            return None
        totals.append(total)
    return totals if len({id(t) for t in totals}) == len(totals) else None


def _dimension_sentence(draft: Draft, si: int) -> int | None:
    """The nearest sentence before `si` that is no `按…分` list itself, in its section, if it has figures."""
    doc = draft.doc
    for back in range(si - 1, max(-1, si - 1 - DIMENSION_REACH), -1):
        if not same_section(draft, doc.sentences[back].start, doc.sentences[si].start):
            return None
        if DIMENSION.match(doc.text[doc.sentences[back].start : doc.sentences[back].end]):
            continue
        return back if draft.by_sentence.get(back) else None
    return None


# a balance at the end of the period (`年末滚存结余`, `年末余额`, `年末滚存结余预计`: a draft's forecast of it) and
# one at its start (`上年末余额`, `年初结余`)
CLOSING = regex(r"^(?:年末|年底|期末)[\u4e00-\u9fff]{0,8}(?:余额|结余|滚存)(?:预计)?$")
OPENING_ANY = regex(r"上年末|上年底|年初|期初|上年滚存|上年结余")
# money carried over out of last year (`上年结转资金 A，加本年到位资金 B，…`; its phrase may follow another of the label's)
# or out of a year named (`2023年结转资金 A，加2024年到位资金 B，减2024年支出 C，2024年末结转结余 D`): what the year
# after opens with
CARRIED_IN = regex(r"(?:^|[，,；;：:、])\s*上年结转")
CARRIED_FROM = regex(r"^[，、；\s]*(?P<year>(?:19|20)\d{2})年(?:度)?结转")
# the year's surplus a stock rolls forward over (`当年收支结余`, `本年结余`)
SURPLUS = regex(r"结余|结存")
# a balance at the end of a year named (`2026年末滚存结余预计`; the key keeps no year, `滚存结余预计`): it opens the
# year after, and closes its own
YEAR_END_BALANCE = regex(
    r"^[，、；\s]*(?:加上?|预计)?((?:19|20)\d{2})年(?:末|底)[\u4e00-\u9fff]{0,8}(?:余额|结余|滚存)(?:预计)?(?:为|达)?$"
)
# a figure that is by its definition what a chain adds up to (可用财力 = 收入 + 补助 − 上解), no total word in it
CHAIN_TOTAL = regex(f"(?:{_alt('chain_total')})$")
FROM_ABOVE = regex(_alt("from_above"))


def _chain_to(
    draft: Draft, mentions: list[Mention], i: int, unit: str, taken: set[int]
) -> tuple[list[Mention], list[Mention]] | None:
    """The `加…减…` chain whose total is mentions[i]: a total named so, or a closing balance (from its opening
    one, nothing else); none through figures an earlier chain took (`…，年末一般债务余额 X；年末专项债务余额 Y`)."""
    m = mentions[i]
    # (the item, stripped of the stage words a key keeps: `可供安排的资金预计 X` is 可供安排的资金)
    by_name = any(CHAIN_TOTAL.search(k) for k in (m.key, m.identity.item or ""))
    named = _names_total(draft, m) or by_name
    balance = _closing(m)
    chain = _chain(draft, mentions, i, unit) if named or balance or PERIOD_END.search(m.label) else None
    if chain is None:
        return None
    # (a closing balance, from its opening one; any other year-end figure, from its own quantity at the year's start)
    if not named and not (_opens(draft, chain, m) if balance else _rolled_from(chain[0][0], m)):
        return None
    if not named and balance and not _rolls_on(mentions, chain[0][0], m):
        return None
    if by_name and not _same_scope(chain[0][0], m):
        # (`全县收入 A，加上年结余 B 后，县本级可供安排的资金 C`: the funds available start from a figure of another
        # scope; the money added or taken out may name another level, `减上解市级支出 B`)
        return None
    return None if any(id(x) in taken for x in [*chain[0], *chain[1]]) else chain


# a figure named at the end and at the start of the year (`年末未分配收益`, `年初未分配收益`): what it is of, after the
# date (`未分配收益`)
PERIOD_END = regex(r"(?:年末|年底|期末)(?P<name>[\u4e00-\u9fff]{2,12}?)(?:为|是)?$")
PERIOD_START = regex(r"(?:年初|期初|上年末)(?P<name>[\u4e00-\u9fff]{2,12}?)(?:为|是)?$")


# what a balance rolled forward from is named: a stock or the year's surplus (`当年结余`, `上年末余额`, `结转资金`)
ROLLED_ON = regex(r"结余|结存|余额|结转|滚存")


def _rolls_on(mentions: list[Mention], start: Mention, total: Mention) -> bool:
    """Is the start of a chain to a closing balance what the balance rolls on from? Taken in the total's sentence,
    it is the figure right before `加`; where the sentence opens with `加上` (`…支出 B；当年结余 C。加上上年末滚存结余
    D，年末滚存结余 E`), it is the figure the sentence before ends on, and only when that is a balance: the passage's
    first figure of the side (the income A opening the paragraph) is no addend of a balance, and where the sentence
    before ends on anything else what the balance adds to is not said."""
    if start.sentence == total.sentence:
        return True
    before = [x for x in mentions if x.sentence < total.sentence and x.quantities]
    return bool(before) and before[-1] is start and ROLLED_ON.search(start.label) is not None


def _rolled_from(start: Mention, total: Mention) -> bool:
    """Does the chain start from the total's own quantity at the year's start (`年初未分配收益 A，加本年收益 B，减分配 C，
    年末未分配收益 D`: D = A + B − C)? The same name after each date, whatever the stock is called."""
    end, begin = PERIOD_END.search(total.label), PERIOD_START.search(start.label)
    return end is not None and begin is not None and end.group("name") == begin.group("name")


def _same_scope(a: Mention, b: Mention) -> bool:
    """Do two figures name no different scopes (全县, 县本级)?"""
    x, y = a.identity.context.scope, b.identity.context.scope
    return x is None or y is None or x == y


def _closing(m: Mention) -> bool:
    return bool(CLOSING.match(m.key)) or _year_end(m) is not None


def _year_end(m: Mention) -> int | None:
    """The year a balance named at a year's end is of (`加上2025年末滚存结余`: 2025), None for any other figure."""
    found = YEAR_END_BALANCE.match(m.label)
    return int(found.group(1)) if found else None


def _opens(draft: Draft, chain: tuple[list[Mention], list[Mention]], total: Mention) -> bool:
    """Does the chain hold an opening balance (上年末余额 + 新增 − 偿还 = 年末余额): named so, the money carried over out
    of the year before the one the total closes (`2023年结转资金 A，加本年到位资金 B，减本年支出 C，年末结转结余 D` in a
    report of 2024), or the balance at the end of that year (`当年结余 a，加上2025年末滚存结余 A，2026年末滚存结余预计 D`)?"""
    if any(OPENING_ANY.search(x.label) for x in chain[0]):
        return True
    closes = _year_end(total)
    if _carried_into(draft, chain[0][0], total, closes):
        return True
    if closes is None:
        return False
    opening = [x for x in chain[0] if _year_end(x) == closes - 1]
    # (the rest the stock rolls forward over is the year's surplus, `当年收支结余 a`; not its income stated in the
    # sentence before, `收入预算 A，支出预算 B。加上2024年末滚存结余 C，预计2025年末滚存结余 D`)
    return bool(opening) and all(SURPLUS.search(x.label) for x in chain[0] if x not in opening)


def _carried_into(draft: Draft, start: Mention, total: Mention, closes: int | None) -> bool:
    """Is the figure the chain starts from the money carried over out of the year before the one the total closes:
    last year's (`上年结转`), or that of the year the total names (`2024年末结转结余`) or, for a bare `年末…`, the
    document's (a report of 2024 speaks of 2024) less one? `2023年结转` in a report of 2023 may be the money that year
    carries over: no opening of its year-end. Only the chain's start: `支出 A。加上年结转资金 B，年末结转结余 D` may be
    加上 + 年结转 as well, and the chain from A holds no opening stock (D = B + the year's money in − A), where the
    words leave out what else the balance is made of."""
    if CARRIED_IN.search(start.label):
        return True
    found = CARRIED_FROM.match(start.label)
    if found is None:
        return False
    if closes is None and CLOSING.match(total.key):
        period = draft.facts.document_context.period or ""
        closes = int(period) if period.isdigit() else None
    return closes is not None and int(found.group("year")) == closes - 1


# `…，共完成支出 X`: a phrase opening with 共 states what all the figures before it make (not 共同, 共享, 共建 …)
ALL_TOGETHER = regex(r"(?:一共|总共|共)(?![同享建青产性])")


PHRASES = regex(r"[，,；;：:、]")  # what separates the phrases of a label


def _names_the_last(total: Mention, run: list[tuple[Mention, Quantity]]) -> bool:
    """Unless the total names figures of the run one by one, are those the last of it? `A a，B b，C c。其中 A 和 B
    两项合计 T` sums a and b: not the last figures before T, nor any that footing or a slipped digit picks. (Such a
    sum is left unread: its parts are the list's, which the list's own reading takes.)"""
    named = [k for k, (pm, _) in enumerate(run) if len(pm.identity.item or "") >= 3 and pm.identity.item in total.label]
    return len(named) < 2 or named == list(range(len(run) - len(named), len(run)))


def _closing_total(draft: Draft, mentions: list[Mention], i: int) -> list[Mention]:
    """The parts of the list whose last part stands right before the figure, in its sentence, where the figure is
    named by a total word alone (`…、县级配套资金 d，合计 T`); none otherwise."""
    m = mentions[i]
    named = NAMED_TOTAL.match(m.label)
    if i == 0 or (BARE_TOTAL.match(m.label) is None and named is None) or mentions[i - 1].sentence != m.sentence:
        return []
    last = mentions[i - 1]
    found = [b for b in draft.facts.breakdowns if b.parts and b.parts[-1] is last and not b.minus]
    if len(found) != 1 or len(found[0].parts) < 2 or any(p.start >= last.start for p in found[0].parts[:-1]):
        return []
    if named is not None and named.group("w") not in found[0].total.label:
        return []  # (`合计培训 T` sums a list of trainings, one its total's words name: no other list)
    return list(found[0].parts)


# a marks word said of every figure of a list (`一级指标权重分别为决策 15 分、过程 25 分…`)
MARKS_LISTED = regex(rf"(?:{FULL_MARKS.pattern})[^，,。；;]*?(?:分别|依次)")


# a total word alone, counting nothing (`二者合计`, `两项合计` sum the figures they count: _run_before)
BARE_TOTAL = regex(r"^[，,、；;]?\s*(?:合计|共计|总计)(?:为|是)?$")
# a total word and the verb of the list's head (`全年举办培训班9期，其中A 4期620人次、B 3期540人次，合计培训1160人次`):
# the list's parts, each of them in the total's unit
NAMED_TOTAL = regex(r"^[，,、；;]?\s*(?:合计|共计|总计)(?P<w>[\u4e00-\u9fff]{2})(?:为|是)?$")


def _named_sum(draft: Draft, m: Mention, run: list[tuple[Mention, Quantity]]) -> bool:
    """Do the figure's words name a sum of figures before it: a total (`本年收入合计`), the run's names joined
    (`还本付息`), or words counting two (`两者之和`, of the two figures of its sentence: `_sums_sentence`)?"""
    return _names_total(draft, m) or _joins(m.key, run) or TOTAL_WORD_ALONE.match(m.label) is not None


def _named_run(
    draft: Draft, mentions: list[Mention], i: int, unit: str, taken: set[int]
) -> list[tuple[Mention, Quantity]] | None:
    """The figures before mentions[i] (`_run_before`, `_counted_run`) when its words name a sum of them, else None."""
    m = mentions[i]
    change = total_change(m.label)  # (`以上三项共减少 T`: a total of changes, named by 共 and the change's word)
    if change is None and not _may_name_sum(draft, m):
        return None  # (asked before the run is walked: most figures name no sum, whatever stands before them)
    run = _run_before(draft, mentions, i, unit, taken) or _counted_run(draft, m, unit, taken)
    if change is not None:
        # (`甲税完成 a，减收 Δa；乙税完成 b，减收 Δb。上述两个税种合计减收 T`: T sums the changes, each item's own
        # figure beside its change is none of its parts)
        run = [(pm, pq) for pm, pq in run if named_change(pm.label) == change]
    return run if change is not None or _named_sum(draft, m, run) else None


def _may_name_sum(draft: Draft, m: Mention) -> bool:
    """Could the figure's words name a sum, whatever run stands before it (`_named_sum` true for some run)? (A total
    named as a change is asked by `_named_run` itself.)"""
    return _names_total(draft, m) or TOTAL_WORD_ALONE.match(m.label) is not None or JOINED.search(m.key) is not None


def _defines(total: Mention, run: list[tuple[Mention, Quantity]]) -> bool:
    """Are the run's figures, all of them and one each, the components of a definition of the total (a run of two
    at least: `还本付息` of a 本金 and a 利息; a third figure, or a component twice, leaves it open)?"""
    return len(run) >= 2 and of_total(total, [pm for pm, _ in run])


def _names_total(draft: Draft, m: Mention) -> bool:
    """Does the figure's own phrase name a total (`本年收入合计`, and `本年收入共计` whose key the labeller strips of its
    verb-like 共计, `共完成支出`)? Asked of a figure by several readings of several passes: answered once for its
    words (the document's labeller, so kept on the draft)."""
    known: dict[tuple[str, str], bool] = once(draft, "names_total", dict)
    words = (m.key, m.label)
    found = known.get(words)
    if found is None:
        own = PHRASES.split(m.label)[-1]
        found = known[words] = (
            draft.labeller.names_total(m.key) or draft.labeller.names_total(own) or bool(ALL_TOGETHER.match(own))
        )
    return found


# `等` right after a list's last figure (past a bracket noting it): the list names some of its items
ETC_AFTER = regex(r"\s*(?:[（(][^（）()]*[）)])?\s*等")


# what follows a chain's last figure before its total: its notes in brackets, then items joined to it (、, 及, 和)
# that state no figure (`、市县上解收入、调入资金及上年结转，`), before the clause ends
BRACKET_NOTE = regex(r"[（(][^（）()]*[）)]")
UNFIGURED_AFTER = regex(r"^[^，。；,;：:\d]*?[、及和][^，。；,;：:\d]{2,}?[，,；;]")


def _names_unstated(draft: Draft, parts: list[Mention], total: Mention) -> bool:
    """Does the chain name, between its last figure and its total, items it states no figure of: closed by 等,
    or items joined to the last one with none of their own?"""
    last = max((q.end for p in parts for q in p.quantities if q.end <= total.start), default=None)
    if last is None:
        return False
    between = draft.doc.text[last : total.start]
    return ETC_AFTER.match(between) is not None or UNFIGURED_AFTER.match(BRACKET_NOTE.sub("", between)) is not None


def _chain(draft: Draft, mentions: list[Mention], i: int, unit: str) -> tuple[list[Mention], list[Mention]] | None:
    """A total at the end of a `加…减…` chain in its sentence: the figure the chain starts from (right before
    `加`, or the passage's first of its side) and those added after `加`, and those subtracted after `减`."""
    total = mentions[i]
    begin = draft.doc.sentences[total.sentence].start
    adds, subtracts = _signs(draft, total.sentence)
    # the first `加` before the total, and the first `减` after it (found once per sentence: searched again
    # for each total, a sentence of thousands of totals took time quadratic in its length)
    added = next((a for a in adds if a[1] <= total.start), None)
    if added is None:
        return None
    cut = next((c for c in subtracts if c[0] >= added[1] and c[1] <= total.start), None)
    text = draft.doc.text[begin : added[0]]
    # the chain's figures stand among the last figures before the total
    window = mentions[max(0, i - MAX_LOOK) : i]
    own = [m for m in window if m.sentence == total.sentence and _counts(draft, m, unit)]
    side = account_side(total.label)
    base, from_section = _chain_start(draft, mentions, i, unit, side, own, added[0], text)
    plus = [m for m in own if added[1] <= m.start and (cut is None or m.start < cut[0])]
    minus = [m for m in own if cut is not None and m.start >= cut[1]]
    if not base or not plus:
        return None
    if from_section and not _chain_foots(unit, total, [*base, *plus], minus):
        return None
    if side is not None and account_side(base[0].label) != side and base[0].identity.item != side:
        # the chain starts from the side's own figure (收入 for 收入总计; `收入调整预算数 B，决算数 A`: A's item is 收入),
        # or it is not read
        return None
    return [*base, *plus], minus


def _chain_start(
    draft: Draft, mentions: list[Mention], i: int, unit: str, side: str | None, own: list[Mention], at: int, text: str
) -> tuple[list[Mention], bool]:
    """The figure a chain starts from (right before `加`, else the passage's first of its side), and whether it
    was found in an earlier paragraph of the section."""
    # (not last year's value beside it: `收入 A，同比增长 p%，上年为 B；加上年结转 C，收入总计 T`; nor the budget it
    # is measured against: `收入完成 A，为预算 B 的 r%，加上年结转 C，总收入 T`)
    used = _measured_against(draft, mentions[i].sentence)
    base = [
        m
        for m in own
        if m.start < at and not LAST_YEAR_BESIDE.match(m.label) and not any(id(q) in used for q in m.quantities)
    ][-1:]
    if base and _last_of_a_list(draft, [m for m in own if m.start < at], at):
        return [], False  # `…；其他收入 a，下降 p%；加上 D d，收入总计 T`: a list's last item, no start of the chain
    if base and FROM_ABOVE.search(base[0].label):
        # `本级收入 A。上级补助收入 B，加上年结转 C，收入总计 T`: the money from above is added to the level's own
        # income stated before it, where the chain starts; taken only when the chain then adds up
        start, _ = _chain_start(draft, mentions, i, unit, side, [], at, "")
        return ([*start, *base], True) if start else ([], False)
    if base:
        return base, False
    named, _ = draft.labeller.identify(text.strip("，、；：,;: "))
    base = _opening(draft, mentions, i, unit, side, named)
    if base and not named and FROM_ABOVE.search(base[0].label):
        # `本级收入 A。…上级补助收入 B。加上债务转贷收入 c…，收入总计 T`: the money from above, stated before the
        # sentence the chain opens, is added to the level's own income stated before it; where that starts is
        # not said
        return [], False
    if base and _staged_twice(draft, base[0]):
        # (`收入年初预算 A，调整预算 B，短收 Δ。…加上上级补助收入 c…，收入总计 T`: the side at two stages; the chain is
        # taken from the first only where it then adds up)
        return base, True
    if base:
        return base, _other_wholes(draft, mentions, i, unit, side, base[0])
    if named and not _year_side(text, mentions, i):
        return base, False
    # the start stands in an earlier paragraph of the section (PDF text starts one after each 。, and a paragraph
    # opening with a component goes on the list of an earlier one): taken only when the chain then adds up, or
    # when it is the section's one outcome of the side itself (`一般公共预算支出决算数 S。…。加上上解支出 a…，支出
    # 总计 T`)
    before = _section_before(draft, mentions[i])
    sure = _side_outcome(draft, before, mentions[i], unit, side) if not named else None
    if sure is not None:
        above = _from_above_after(draft, before, sure, unit)
        if above is not None:
            # `一般公共预算收入 A，…。上级补助收入 B，其中…。加上上年结余 C…，收入总计 T`: the money from above stated
            # after the level's own income in the section may be added to it before the chain; taken only when the
            # chain then adds up
            return [sure, above], True
        return [sure], False
    return _opening(draft, before, -1, unit, side, named, mentions[i]), True


# the year's side named again, and nothing else, before what is added to it (`当年收入加上…`)
YEAR_SIDE = regex(r"(?:当年|本年)(?:收入|支出)")


def _year_side(text: str, mentions: list[Mention], i: int) -> bool:
    """Does a paragraph open by naming the year's side alone as what it adds to (`当年收入加上级补助收入 b…，收入总计
    T`), no figure before it in the paragraph? It adds to that side's figure stated before it in the section, as a
    paragraph opening with `加上` does, of that item only (`_opening`); words naming a level or fund (`市本级…收入，
    加上…`) may name a figure the section does not state."""
    return YEAR_SIDE.fullmatch(text.strip("，、；：,;: ")) is not None and not any(
        m.sentence < mentions[i].sentence for m in mentions[:i]
    )


def _staged_twice(draft: Draft, m: Mention) -> bool:
    """Does the figure's sentence state its item at another stage too (`年初预算 A，调整预算 B`)?"""
    own = draft.labeller.identify(m.label)[1].stage
    return own is not None and any(
        x is not m and (stage := draft.labeller.identify(x.label)[1].stage) is not None and stage != own
        for x in draft.by_sentence.get(m.sentence) or []
    )


# the stages of a plan: a figure of one is no outcome a chain of the year's money starts from
PLAN_STAGES = frozenset(("预算", "调整预算", "计划", "预计执行"))
OUTCOME_STAGES = frozenset(("执行", "决算"))


def _side_outcome(draft: Draft, before: list[Mention], total: Mention, unit: str, side: str | None) -> Mention | None:
    """The figure of the section before the total's paragraph that is the side itself (item 收入 for a 收入总计) of
    the total's fund and period, stated as an outcome (no budget, no other year's), when it is the one such figure
    (one value)."""
    own = total.identity.context
    if side is None or own.fund is None or own.period is None:
        return None
    found = [
        m
        for m in before
        if m.identity.item == side
        and m.identity.context.fund == own.fund
        and m.identity.context.period == own.period
        and m.identity.context.stage not in PLAN_STAGES
        and _counts(draft, m, unit)
    ]
    # (`全市…收入 A，…。市级…收入年初预算 B，…决算数为 C。加上…，收入总计 T`: the level the total's paragraph
    # names is the total's, and a figure of another is no start of its chain)
    paragraph = draft.doc.paragraph_of(total.sentence)
    stated = {m.identity.context.scope for si in paragraph for m in draft.by_sentence.get(si) or []} - {None}
    found = [m for m in found if own.scope == m.identity.context.scope or not stated - {m.identity.context.scope}]
    values = {q.base_value for m in found if (q := exact_of(m, unit)) is not None}
    return found[0] if len(values) == 1 else None


def _from_above_after(draft: Draft, before: list[Mention], outcome: Mention, unit: str) -> Mention | None:
    """The one figure of the money from above (`上级补助收入 B`) stated after the side's outcome in the section
    before a chain, no part of a list (its `其中` items, `返还性收入 b`, are named so too); None where there is
    none or more than one."""
    found = [
        m
        for m in before
        if m.start > outcome.start
        and FROM_ABOVE.search(m.label)
        and not draft.is_part(m)
        and not LAST_YEAR_BESIDE.match(m.label)
        and _counts(draft, m, unit)
    ]
    return found[0] if len(found) == 1 else None


def _last_of_a_list(draft: Draft, before: list[Mention], at: int) -> bool:
    """Is the last figure before the chain's `加` the last of clauses set apart by semicolons (`A a；B b；C c；加上
    …`), or of items joined by `、` (`收入 X，A a、B b、C c，加上…`: what is added to is their whole, the figure
    before them or none stated, never the last item alone), rather than one clause's figure before it (`收入 X，完成
    预算的 r%；加上…`)?"""
    text = draft.doc.text
    if len(before) >= 2 and LISTED_AFTER.fullmatch(text, before[-2].quantities[-1].end, before[-1].start):
        return True
    semi = ("；", ";")
    if len(before) == 1:
        # `4.其他收入 a，占 p%；加上 D d，收入总计 T`: the last of numbered items set apart by semicolons
        sec = draft.doc.section_at(before[0].start)
        if sec is None or sec.start != draft.doc.sentences[before[0].sentence].start:
            return False
        return NUMBERED_ITEM.match(sec.title or "") is not None and any(
            c in text[before[0].quantities[-1].end : at] for c in semi
        )
    if len(before) < 2:
        return False
    # the last figure's clause closed by a semicolon before `加`, and opened by one after an earlier figure
    # (`C c，上年 c0，增长 p%；加上…`: the clause may state more figures than its item's)
    last = before[-1]
    if not any(c in text[last.quantities[-1].end : at] for c in semi):
        return False
    start = draft.doc.sentences[last.sentence].start
    clause = max(text.rfind(c, start, last.start) for c in semi)
    return clause >= 0 and any(m.quantities[-1].end <= clause for m in before)


# what stands between two items of a list joined by `、`: the first one's unit, the mark, the next one's name (no
# clause's mark: `收入 X，其中：A a`, `A a，B b` are no such list)
LISTED_AFTER = regex(r"[^，,；;。：:、]*、[^，,；;。：:、]*")


def _signs(draft: Draft, sentence: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The spans (in the text) of the sentence's `加` and `减` words, in order."""
    found = draft.signs.get(sentence)
    if found is None:
        span = draft.doc.sentences[sentence]
        text = draft.doc.text[span.start : span.end]
        found = (
            [(span.start + m.start(), span.start + m.end()) for m in ADDING.finditer(text)],
            [(span.start + m.start(), span.start + m.end()) for m in SUBTRACT.finditer(text)],
        )
        draft.signs[sentence] = found
    return found


def _section_before(draft: Draft, total: Mention) -> list[Mention]:
    """The figures of the total's section before its paragraph."""
    return [
        m
        for m in draft.facts.mentions
        if m.paragraph < total.paragraph and m.quantities and same_section(draft, m.start, total.start)
    ]


def _chain_foots(unit: str, total: Mention, plus: list[Mention], minus: list[Mention]) -> bool:
    t = exact_of(total, unit)
    ps = [x for m in plus if (x := exact_of(m, unit)) is not None]
    ms = [x for m in minus if (x := exact_of(m, unit)) is not None]
    if t is None or len(ps) != len(plus) or len(ms) != len(minus):
        return False
    s = sum((x.base_value for x in ps), Decimal(0)) - sum((x.base_value for x in ms), Decimal(0))
    return foots(t, ps, ms) or digit_slip(t.base_value, s)


def _opening(
    draft: Draft,
    mentions: list[Mention],
    i: int,
    unit: str,
    side: str | None,
    named: str,
    total: Mention | None = None,
) -> list[Mention]:
    """`全市一般公共预算收入 1984 亿元，…。非税收入 815 亿元…。加上中央补助…，收入总量为 5327 亿元`: a chain whose
    sentence holds no figure before `加` starts from the passage's first figure of its side (since the last
    total before it). A passage opening with a defined component (`非税收入 218 亿元。加上…`) goes on a list
    of an earlier paragraph, whose total is the chain's start: not read. When the chain names its start
    (`当年收入加上…`), the figure must be of that item (利润收入 is not 收入)."""
    total = total or mentions[i]
    ofside = _passage_of_side(draft, mentions, i, unit, side, total)
    first = ofside[:1]
    if first and (is_component(first[0]) or (named and first[0].identity.item != named)):
        return []
    # (`全市…收入 A。市本级…收入 B，…。加上…，收入总计 T`: the side of two levels or funds, either may start the chain;
    # a figure of mixed context, `全市及市本级`, names no other one)
    wholes = [m for m in ofside if not is_component(m)]
    if any(len({getattr(m.identity.context, f) for m in wholes} - {None, MIXED}) > 1 for f in ("scope", "fund")):
        return []
    start = _from_the_outcome(wholes, unit, first)
    if _moved_after(start, ofside):
        return []
    stage = total.identity.context.stage
    if start and _planned(start[0]) and stage in OUTCOME_STAGES:
        # (`收入年初预算为 A，…调整预算为 B。决算数为 C，…。加上级补助收入 d…，收入总计 T`: a total of the outcome
        # adds no budget; where the outcome is not read as the side's, the start is not known)
        return []
    return start


def _passage_of_side(
    draft: Draft, mentions: list[Mention], i: int, unit: str, side: str | None, total: Mention
) -> list[Mention]:
    """The figures of the chain's side in the passage before the total's sentence (since the last total before
    it): those a chain with no figure before its `加` may start from."""
    passage: list[Mention] = []
    for m in reversed(mentions[:i] if i >= 0 else mentions):
        if m.sentence == total.sentence:
            continue
        if _names_total(draft, m):
            break
        passage.append(m)
    passage.reverse()
    return [m for m in passage if _counts(draft, m, unit) and (side is None or account_side(m.label) == side)]


def _other_wholes(draft: Draft, mentions: list[Mention], i: int, unit: str, side: str | None, start: Mention) -> bool:
    """Does the passage the chain starts from state another whole of the side, at the start's kind of stage (`收入预计
    A，其中…。上级补助收入编列 B，其中…。加上年结转 c，收入总计 T`: no item of a list, `_listed_item`)? The total adds
    everything the passage stated
    before it, B as well as A, where the words name only what follows `加`: the parts read are not certainly all of
    them, and the chain is taken only where it then adds up."""
    value = exact_of(start, unit)
    return any(
        m is not start
        and not is_component(m)
        and not LAST_YEAR_BESIDE.match(m.label)
        and _planned(m) == _planned(start)
        and (q := exact_of(m, unit)) is not None
        and (value is None or q.base_value != value.base_value)
        and not _listed_item(draft, m)
        for m in _passage_of_side(draft, mentions, i, unit, side, mentions[i])
    )


# the words before a figure, in its sentence, that make it an item of a list (`其中，国有土地使用权出让收入 a；其他政府性基金
# 收入 b`)
LISTED_BEFORE = regex(r"其中|包括")


def _listed_item(draft: Draft, m: Mention) -> bool:
    """Is the figure an item of a list its sentence opens (`其中，…；其他政府性基金收入 b。`: a part, read as a component or
    not), rather than a whole the passage states of its own (`上级补助收入编列 B`, its own parts after it if any)?"""
    sentence = draft.doc.sentences[m.sentence]
    return LISTED_BEFORE.search(draft.doc.text, sentence.start, m.start) is not None


def _moved_after(start: list[Mention], figures: list[Mention]) -> bool:
    """`年初预算 A…。追加 b，全年预算数调整为 B。加上结转 c，合计 T`: is a figure moved to stated after the start found?
    It is where the money stood before the chain, or the start is: which one is not said."""
    return bool(start) and any(MOVED_RESULT.search(m.label) and m.start > start[0].start for m in figures)


# the words naming a figure what an item was moved to (`全年预算数调整为`, `调增至`)
MOVED_RESULT = regex(r"(?:调整|调增|调减|增加|减少|追加)(?:为|至|到)$")


def _from_the_outcome(wholes: list[Mention], unit: str, first: list[Mention]) -> list[Mention]:
    """`年初安排支出 A，…调整为 B。全年支出 C，…。加上解上级支出 d…，支出总计 T`: a passage stating the side at its
    plan's stages and as the outcome; the year's money adds up from the outcome, when one figure is, or the start
    is not known. A passage of one stage starts from its `first` figure."""
    outcomes = [m for m in wholes if not _planned(m)]
    if outcomes and len(outcomes) < len(wholes) and len({q.base_value for m in wholes if (q := exact_of(m, unit))}) > 1:
        return outcomes if len(outcomes) == 1 else []
    return first


# the words of a plan's figure (`年初安排支出`, `支出预算调整为`, `计划`)
PLANNED_WORDS = regex(r"年初|预算|调整|计划|安排")


# a fund's name, whose 预算 names no stage (`一般公共预算支出`)
FUND_BUDGET = regex(alternation(fund_budgets()))


def _planned(m: Mention) -> bool:
    return m.identity.context.stage in PLAN_STAGES or PLANNED_WORDS.search(FUND_BUDGET.sub("", m.label)) is not None


def _counts(draft: Draft, m: Mention, unit: str) -> bool:
    """Is `m` a figure of a chain: of its unit, not a ratio, not a note in brackets on its neighbour?"""
    if exact_of(m, unit) is None or draft.is_part(m) or draft.labeller.qualifying_ratio(m.key, m.quantities):
        return False
    noted = in_brackets(draft, m.sentence, m.start) and not _adding_bracket(draft, m)
    return not (INCLUDED.match(m.label.lstrip("（(，、")) or noted)


# a bracket opening by adding to the figure before it (`支出 a（加上补助市县支出 b，共完成支出 c）`)
ADDING_BRACKET = regex(r"[（(]\s*(?:再)?加上")


def _adding_bracket(draft: Draft, m: Mention) -> bool:
    """Does the figure stand in a bracket, not nested, that opens with `加上`: the sentence's arithmetic going on
    from the figure right before it (`支出 a（加上补助市县支出 b，共完成支出 c）`: c = a + b), no note on a neighbour?"""
    positions, depths = draft.brackets[m.sentence]  # (found by `in_brackets`, asked first)
    i = bisect_left(positions, m.start) - 1
    return i >= 0 and depths[i] == 1 and bool(ADDING_BRACKET.match(draft.doc.text, positions[i]))


MAX_DEFINED = 8  # figures before a total in its sentence read as its definition's components, at most


def _defined_before(draft: Draft, mentions: list[Mention], i: int, unit: str, taken: set[int]) -> list[Mention]:
    """The figures of the total's unit before it in its sentence when they are exactly the components of its
    definition and one of them is itself named a total (else `_run_before` reads the run); [] otherwise."""
    total = mentions[i]
    own = draft.by_sentence.get(total.sentence) or []
    k = next((j for j, m in enumerate(own[: MAX_DEFINED + 1]) if m is total), 0)
    if not 2 <= k <= MAX_DEFINED:
        return []  # a definition has a few components: a longer sentence is read by `_run_before` (linear)
    before = [m for m in own[:k] if id(m) not in taken and not draft.is_part(m) and exact_of(m, unit)]
    if len(before) < 2 or not any(_names_total(draft, m) for m in before):
        return []
    return before if of_total(total, before) else []


# a label naming a figure per unit (`县道每公里`, `每人每年`)
PER_UNIT_LABEL = regex(r"每[\u4e00-\u9fff]{1,3}$")


def _run_before(
    draft: Draft, mentions: list[Mention], i: int, unit: str, taken: set[int]
) -> list[tuple[Mention, Quantity]]:
    """The figures of that unit right before the total, in its paragraph: a part noted in brackets (`（含
    高新区 10.5 亿元）`) is a part of its neighbour, not of the total; a total ends the run."""
    run: list[tuple[Mention, Quantity]] = []
    total = mentions[i]
    # the parts stand in the total's sentence, or in the sentence before when the total opens its own
    # (`上年结转 8 万元；本年下达 92 万元。此次评价资金总额为 100 万元`)
    # (mentions come sentence by sentence: the one before tells whether any before is in the total's sentence)
    alone = i == 0 or mentions[i - 1].sentence != total.sentence
    # (`本年支出合计 a，年末结转和结余 b，二者合计 T`: a total counting two sums the figures before it, totals or not)
    of_two = SUMS_THE_TWO.match(total.label) is not None
    for j in range(i - 1, max(i - 1 - MAX_LOOK, -1), -1):
        prev = mentions[j]
        if prev.sentence != total.sentence and not (alone and prev.sentence == total.sentence - 1):
            break
        noted = INCLUDED.match(prev.label.lstrip("（(，、")) or in_brackets(draft, prev.sentence, prev.start)
        if noted or draft.is_part(prev) or draft.labeller.qualifying_ratio(prev.key, prev.quantities):
            continue  # a figure noted in brackets, a part of another list, a ratio qualifying its neighbour
        if PER_UNIT_LABEL.search(prev.label) or PER_UNIT_WORDS.search(prev.label):
            continue  # a figure per unit (`乡道每公里 0.40 万元，计 235.16 万元`): the rate of the amount after it
        if unit == "分" and FULL_MARKS.search(prev.label) and not MARKS_LISTED.search(prev.label):
            # an indicator's full marks beside its score (`质量指标满分 10 分，得 10 分`): no score; but a marks word
            # over a list (`权重分别为决策 15 分、过程 25 分…，合计 100 分`) names all of it, and the total is theirs
            continue
        if unit == "分" and DEDUCTED.search(prev.label) and not DEDUCTED_TOTAL.search(total.label):
            # points deducted are no score a total of scores adds: left out where the score left follows in their
            # clause (`资金使用合规性扣 1 分，得 4 分`); without it, an item's score is unstated and no run is read
            if not run or not _score_left(draft, prev, run[-1][0]):
                return []
            continue
        pq = exact_of(prev, unit)
        if pq is None or id(prev) in taken or (_names_total(draft, prev) and not of_two):
            break
        run.append((prev, pq))
        if len(run) == MAX_RUN:
            break  # no longer run is read (`_footing_run`): a sentence of a thousand figures stays linear
    run.reverse()
    return run


# points deducted (`扣 1 分`, `扣除 0.5 分`, `减 2 分`), and a total of such points (`合计扣 2.5 分`, `共扣分`)
DEDUCTED = regex(r"(?:扣(?:除|减|去)?|减(?:去)?)(?:分)?(?:为)?$")
DEDUCTED_TOTAL = regex(r"扣|减")
# what stands between points deducted and the score left in their clause (`扣 1 分，得 4 分`)
SCORE_LEFT = regex(r"\s*[，,]?\s*(?:实际|最终)?得(?:分)?(?:为)?\s*")


def _score_left(draft: Draft, cut: Mention, score: Mention) -> bool:
    """Does the score left after points deducted follow them in their clause, named by 得 alone?"""
    if not cut.quantities or not score.quantities:
        return False
    return SCORE_LEFT.fullmatch(draft.doc.text, cut.quantities[-1].end, score.quantities[0].start) is not None


def _joins(key: str, run: list[tuple[Mention, Quantity]]) -> bool:
    """`中央资金 300，省级资金 150，中央及省级资金 450`: a label joining the names of the figures before it."""
    m = JOINED.search(key)
    if m is None or len(run) < 2:
        return False
    names = [_head(pm.key) for pm, _ in run[-2:]]
    return all(any(alike(side, n) for n in names) for side in (_head(m.group(1)), _head(m.group(2))))


def alike(a: str, b: str) -> bool:
    """One name is the other with words left out (`追回违规费用`, `追回核实违规费用`): the shorter one's characters
    stand in the longer one in order."""
    short, long = sorted((a, b), key=len)
    chars = iter(long)
    return len(short) >= 2 and all(ch in chars for ch in short)


def _head(name: str) -> str:
    """A name without its generic money noun (`处罚金额` and `处罚费用` name one thing), unless that is all of it."""
    head = MONEY_NOUN.sub("", name)
    return head if len(head) >= 2 else name


# a total named by its total word alone (`，合计 X`, `，共计为 X`), or after words counting two (`二者合计 X`,
# `两项共计 X`: said of exactly the two figures before it): the sum of what the sentence states before it
TOTAL_WORD_ALONE = regex(r"^[，,、；;]?\s*(?:(?:以上|上述)?两项|二者|两者)?(?:合计|共计|总计|之和)(?:为|是)?$")


# a total named by the parts' joint name and a total word (`还本付息合计 X` after `偿还本金 a，支付利息 b`)
JOINT_TOTAL = regex(r"^[，,、；;]?\s*(?P<name>[\u4e00-\u9fff]{4,8})(?:合计|共计|总计)(?:为|是)?$")


def _joint_total(label: str, run: list[tuple[Mention, Quantity]]) -> bool:
    """Is the total's name the two parts' names run together, in their order (`还本付息` of `偿还本金`, `支付利息`)?
    Each half must be one part's name with words left out: a name of its own (`债务合计`) is not."""
    found = JOINT_TOTAL.match(label)
    if found is None:
        return False
    name = found.group("name")
    first, second = (_head(pm.key) for pm, _ in run)
    return any(alike(name[:k], first) and alike(name[k:], second) for k in range(2, len(name) - 1))


def _sums_sentence(draft: Draft, total: Mention, run: list[tuple[Mention, Quantity]]) -> bool:
    """Is the total a total word alone after the two figures of its sentence and nothing else (`超收收入 a，预备费
    结余 b，合计 T`)? Its words name no item, so it is the sum of both (a longer run may sum its last few)."""
    if len(run) != 2 or not (TOTAL_WORD_ALONE.match(total.label) or _joint_total(total.label, run)):
        return False
    own = draft.by_sentence.get(total.sentence) or []
    before = [x for x in own[: own.index(total)] if x.quantities] if total in own else []
    return [x for x, _ in run] == before


def _enumerated(draft: Draft, run: list[tuple[Mention, Quantity]]) -> set[int]:
    """The lengths k at which the run's last k figures would start inside an enumeration: the figure before
    them is joined to their first by `、` alone (`过程 25 分、产出 35 分`)."""
    text = draft.doc.text
    return {
        len(run) - j
        for j in range(1, len(run))
        if (gap := text[run[j - 1][1].end : run[j][1].start]).lstrip().startswith("、") and not CLAUSE_END.search(gap)
    }


def _footing_run(total: Quantity, run: list[tuple[Mention, Quantity]], enumerated: set[int]) -> int:
    """How many of the figures before the total it sums: the run that foots, else the one run that one slipped
    digit or unit explains (the label still names a sum); 0 for none. A slip is no reading of a run that
    starts inside an enumeration (`enumerated`): a list is summed whole or not at all, so a tail that a slip
    would explain is a guess (`决策 15 分、过程 25 分、产出 35 分、效益 25 分，合计 100 分` read without 决策)."""
    sizes = range(2, min(len(run), MAX_RUN) + 1)
    exact = [k for k in sizes if foots(total, [x for _, x in run[-k:]])]
    # a run summing to the total to the digit is it, before a shorter one footing by its rounding only (`扣 0.5
    # 分，扣 1 分，扣 1 分，合计扣 2.5 分`: 1 + 1 foots 2.5 within the half points whole figures may hide)
    equal = [k for k in exact if sum((x.base_value for _, x in run[-k:]), Decimal(0)) == total.base_value]
    if equal or exact:
        return (equal or exact)[0]
    slipped = [k for k in sizes if k not in enumerated and one_slip(total, [x for _, x in run[-k:]])]
    return slipped[0] if len(slipped) == 1 else 0


def same_measure(a: str, b: str) -> bool:
    """Do two labels name the same measure, perhaps of different entities (职工医保基金收入 / 全市医保基金收入)?"""
    if not a or not b:
        return False
    if a == b:
        return True
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    # one names the other with an entity in front, or they differ only in a short entity prefix
    return n >= 2 and (n == min(len(a), len(b)) or (n >= 4 and n >= max(len(a), len(b)) - 4))


def _within(part: Context, whole: Context) -> bool:
    """Does every field the part states agree with one the whole states?"""
    return all(getattr(part, f) is None or getattr(part, f) == getattr(whole, f) for f in FIELDS)


def defined_in_next_sentence(draft: Draft) -> Iterator[Breakdown]:
    """`“三公”经费支出 12.35 万元。具体情况如下：因公出国（境）费 0 万元；公务用车购置及运行维护费 8.20 万元；公务
    接待费 4.25 万元。`: a sentence whose figures, all of one unit and in no list yet, cover the definition of the
    figure that ends the sentence before it (vocab/sums.yaml), in its paragraph, are that figure's parts. The
    definition names them, not the layout: still read across a sentence break (inferred, warnings at most)."""
    sentences = draft.doc.sentences
    for si in range(1, len(sentences)):
        if sentences[si].paragraph != sentences[si - 1].paragraph:
            continue
        parts = [m for m in draft.by_sentence.get(si) or [] if m.quantities]
        before = [m for m in draft.by_sentence.get(si - 1) or [] if m.quantities]
        if len(parts) < 2 or not before or _names_its_whole(draft, si):
            continue
        head = next((m for m in reversed(before) if not LAST_YEAR_BESIDE.match(m.label)), before[-1])
        unit = head.quantities[0].base_unit
        if unit == "分":
            continue  # an overall score and the scores after it are a score set's (sets.scores, TO111)
        if any(len(m.quantities) != 1 or m.quantities[0].base_unit != unit for m in parts):
            continue
        if any(id(m) in draft.parts or id(m) in draft.totals for m in [head, *parts]):
            continue
        if any(not _within(m.identity.context, head.identity.context) for m in parts):
            # `…决算为 X。上年因公出国（境）费 a，…`: another year's (scope's, stage's) components; `全系统…`: a
            # wider entity's. Across a sentence break a part states nothing of its context the figure does not
            continue
        if of_total(head, parts):
            yield Breakdown(head, parts, "具体为", True, si - 1, inferred=True, certain=False)


def _names_its_whole(draft: Draft, si: int) -> bool:
    """Does the sentence open by naming the whole its figures are of (`新增债券中，一般债券 a，专项债券 b`, `支出总计
    包括：`)? Then that name, not the figure ending the sentence before (`…、再融资债券 C。`), says whose parts they are
    (`headless` finds the figure of that name, or none)."""
    return si in draft.whole_named or si in draft.whole_listed


def defined_after_semicolon(draft: Draft) -> Iterator[Breakdown]:
    """`一般公共预算收入 T，为预算的 r%，较上年的 B 增长 p%；税收收入 a，占 s%，非税收入 b。`: the figures after a
    sentence's first semicolon, all of one unit and in no list yet, that cover the definition (vocab/sums.yaml) of
    the one figure of that unit before it (last year's value beside it, and figures in brackets, left aside),
    are its parts. No word opens the list: the definition ties them (inferred, warnings at most)."""
    text = draft.doc.text
    bases = {id(c.base) for c in draft.facts.changes if c.base is not None}
    for si, mentions in draft.by_sentence.items():
        span = draft.doc.sentences[si]
        cut = SEMICOLON.search(text, span.start, span.end) if len(mentions) >= 3 else None
        after = _amounts_after(mentions, cut.start()) if cut is not None else None
        if cut is None or after is None:
            continue
        unit = after[0].quantities[0].base_unit
        heads = [
            m
            for m in mentions
            if m.start < cut.start()
            and (q := exact_of(m, unit)) is not None
            and id(q) not in bases
            and not LAST_YEAR_BESIDE.match(m.label)
            and not in_brackets(draft, si, m.start)
        ]
        # (the whole may be a part of another list, `…收入 T…；…。加上…，收入总计 U`; its parts are in none)
        if (
            len(heads) != 1
            or id(heads[0]) in draft.totals
            or any(draft.is_part(m) or id(m) in draft.totals for m in after)
        ):
            continue
        head = heads[0]
        if all(_within(m.identity.context, head.identity.context) for m in after) and of_total(head, after):
            yield Breakdown(head, after, "具体为", True, si, inferred=True, certain=False)


def _amounts_after(mentions: list[Mention], at: int) -> list[Mention] | None:
    """The figures after `at` other than rates (a part's share beside it), when there are two or more, each one
    exact figure of one unit."""
    after = [m for m in mentions if m.start > at and m.quantities and m.quantities[0].kind != "percent"]
    if len(after) < 2 or any(len(m.quantities) != 1 or not m.quantities[0].exact for m in after):
        return None
    unit = after[0].quantities[0].base_unit
    return after if all(m.quantities[0].base_unit == unit for m in after) else None


# what opens a bracket of parts right after a figure (`642.18 万元（货物 88.40 万元，服务 553.78 万元）`)
OPENS_PARTS = regex(r"\s*[（(]\s*(?:其中|包括|含)?[：:]?\s*$")
# figures in brackets that are no parts of the figure before: another period's, a plan's, a change
NOT_BRACKET_PART = regex(
    # (an operator before a term, `（总收入 A－总费用 B）`, the normaliser's `-` too: the figure's computation)
    r"上年|去年|同期|预算|年初|调整|计划|目标|增长|下降|增加|减|同比|[－−+＋×÷]|-(?=[\u4e00-\u9fff])|比上年|占|加|共|合计|总计"
    r"|累计|其他|不含|不包括|剔除|扣除|除|[，,；;。]"
    rf"|{FULL_MARKS.pattern}"  # (`得分 93.50 分（满分 100 分）`: a score's bound, no part of it)
)


# a net a bracket's one figure may exceed (`利润总额 10 万元（含投资收益 15 万元）`: other items net it down)
NET_WHOLE = regex(_alt("net_wholes"))


def bracketed_parts(draft: Draft) -> Iterator[Breakdown]:
    """`合同金额合计 642.18 万元（货物 88.40 万元，服务 553.78 万元）`: two figures or more of the figure's unit, in the
    bracket that opens right after it and holds nothing else, are some of its parts (all of them where they add
    up, or cover the figure's definition: `评价得分 X（决策 a、过程 b、产出 c、效益 d）`, as `defined_totals` reads
    the lists before this pass); none of them named as another period's, a plan's or a change. One figure alone is
    a part where the bracket says the figure before includes it (`常委会议 6 次（含专题协商会议 3 次）`)."""
    text = draft.doc.text
    for si, mentions in draft.by_sentence.items():
        if "（" not in text[draft.doc.sentences[si].start : draft.doc.sentences[si].end]:
            continue
        # (in the order they stand: the figures in brackets after a list's part were added after the list)
        mentions = sorted(mentions, key=lambda x: x.start)
        for i, m in enumerate(mentions):
            q = exact_figure(m)
            if q is None or in_brackets(draft, si, m.start):
                continue  # (a list's part too: `其中偿还本金 A（一般债务 a、专项债务 b），…`, its own parts in brackets)
            nxt = mentions[i + 1] if i + 1 < len(mentions) else None
            if nxt is None or not OPENS_PARTS.match(text[q.end : nxt.start - len(nxt.label)]):
                continue
            parts = _bracket_run(draft, mentions[i + 1 :], si, q.base_unit)
            if any(draft.is_part(p) for p in parts):
                continue
            if len(parts) >= 2:
                yield Breakdown(m, parts, "（", complete(m, parts), si)
            elif (
                len(parts) == 1
                and q.value >= 0
                and INCLUDED.match(parts[0].label.lstrip("（(，、：: "))
                and not NET_WHOLE.search(m.label)
            ):
                # `常委会议 6 次（含专题协商常委会议 3 次）`: one figure the bracket says the one before includes, some
                # of it (not of a shortfall, `结余 -30 万元（含专项结余 12 万元）`: a net, which a surplus within exceeds)
                yield Breakdown(m, parts, "（含", False, si)


def _bracket_run(draft: Draft, after: list[Mention], si: int, unit: str) -> list[Mention]:
    """The figures of `unit` in the bracket the run opens, when the bracket holds nothing but them."""
    parts: list[Mention] = []
    text = draft.doc.text
    for p in after:
        if not in_brackets(draft, si, p.start):
            break
        if parts and any(c in text[parts[-1].quantities[-1].end : p.start] for c in "）)"):
            break  # (the bracket closed: `…（满分 100 分），其中：甲指标（30 分）…` is another bracket)
        label = p.label.lstrip("（(，、：: ")
        if exact_of(p, unit) is None or NOT_BRACKET_PART.search(label) or len(p.quantities) != 1 or len(label) > 12:
            return []
        parts.append(p)
    return parts
