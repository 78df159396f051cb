"""A total at the end of a `加…减…` chain: the figure the chain starts from, those added after `加` and those
subtracted after `减`, and the closing balance a chain rolls an opening one to.

Its own module because finding where a chain starts (the passage's first figure of its side, a figure above,
an opening balance, a plan beside an outcome) is a reading of its own, which totals_after.py asks for each
total it walks back from.
"""

from __future__ import annotations

from bisect import bisect_left
from decimal import Decimal
from typing import TYPE_CHECKING

from tieout.linter.facts.definitions import (
    is_component,
)
from tieout.linter.facts.model import Mention
from tieout.linter.facts.passes.base import (
    ADDING,
    SUBTRACT,
    account_side,
    exact_of,
    foots,
    in_brackets,
    same_section,
)
from tieout.linter.facts.passes.list_terms import MAX_LOOK, measured_against, names_total
from tieout.linter.figures.context import MIXED
from tieout.linter.figures.intervals import digit_slip
from tieout.linter.figures.labels import INCLUDED, LAST_YEAR_BESIDE
from tieout.linter.patterns import regex
from tieout.linter.vocab import alternation, fund_budgets
from tieout.linter.vocab import relation_words as _alt

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft


# a numbered item's mark (`4.`, `（四）`, `四、`)
NUMBERED_ITEM = regex(
    r"^\s*(?:\d{1,2}[.．、](?!\d)|[（(][\d一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)"
)


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


def chain_to(
    draft: Draft, mentions: list[Mention], i: int, unit: str, taken: set[int]
) -> tuple[list[Mention], list[Mention]] | None:
    """The `加…减…` chain whose total is mentions[i]: a total named so, or a closing balance (from its opening
    one, nothing else); none through figures an earlier chain took (`…，年末一般债务余额 X；年末专项债务余额 Y`)."""
    m = mentions[i]
    # (the item, stripped of the stage words a key keeps: `可供安排的资金预计 X` is 可供安排的资金)
    by_name = any(CHAIN_TOTAL.search(k) for k in (m.key, m.identity.item or ""))
    named = names_total(draft, m) or by_name
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
    used = measured_against(draft, mentions[i].sentence)
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
        if names_total(draft, m):
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
