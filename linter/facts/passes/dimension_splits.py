"""Splits of one whole by a dimension: `按类型分，…` sentences after a figure (`dimensions`), another dimension in
the clause after a 其中 list (`clause_dimensions`), the other side of a total of both sides (`other_side`), and
the same series stated kind by kind (`series_by_kind`).

Their own module because each reads a whole divided again, where the parts of each division must add up to
the same whole: the dimension words and the measure of the whole decide.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from tieout.linter.facts.definitions import (
    common_tail,
    of_named_total,
    of_total,
)
from tieout.linter.facts.model import Breakdown, Mention
from tieout.linter.facts.passes.base import (
    exact_figure,
    exact_of,
    excludes,
    foots,
    in_brackets,
    one_slip,
    same_section,
)
from tieout.linter.facts.passes.list_terms import DIMENSION, measured_against, same_measure
from tieout.linter.figures.context import MIXED, Context
from tieout.linter.figures.labels import GENERIC_ITEMS
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft


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
    used = measured_against(draft, before)
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
