"""Relations over a few figures of one passage: a period's balance (收入 − 支出 = 结余), the months a
fund's balance can pay, and item scores under an overall score."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import replace
from decimal import Decimal
from itertools import islice
from typing import TYPE_CHECKING

from tieout.linter.facts.definitions import cover
from tieout.linter.facts.model import Balance, Breakdown, Mention, MonthsPayable, ScoreSet, Share
from tieout.linter.facts.passes.base import (
    HANDED_OVER,
    by_paragraph,
    compared_base,
    drawn_from_balance,
    exact_of,
    full_marks_complete,
    gives_over,
    in_brackets,
    lists_by_total,
    named_change,
    once,
    quantities_at,
    same_section,
    score_figures,
    under_heading,
)
from tieout.linter.figures.context import BUDGET_STAGES, FIELDS, MIXED, Context
from tieout.linter.figures.labels import names_within, spelt_out
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import lazy, regex
from tieout.linter.vocab import alternation, load, words
from tieout.linter.vocab import relation_words as _alt

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft
    from tieout.linter.text.model import Section


BALANCE_WORD = regex(f"(?:{_alt('balance')})")
CUMULATIVE = regex(f"(?:{_alt('cumulative')})")
# every word of a balance (vocab relations balance) holds 结 or 余, as CARRIED_AT_END's, FUND_CARRIED's and
# CARRIED_TO_PERIOD's 结转 does: a figure whose item holds neither is no balance nor sum carried (`balances` reads
# it no further while this holds of the vocabulary)
KEYED = all("结" in w or "余" in w for w in words("relations", "balance"))
MONTHS_WORD = regex(_alt("months_payable"))
MONTHLY = regex(_alt("monthly"))
SCORE_TOTAL = regex(f"(?:{_alt('score_total')})$")
SCORE_CHILDREN: dict[str, list[str]] = {
    str(k): [str(w) for w in v or []] for k, v in (load("relations").get("score_children") or {}).items()
}
# the words that name an indicator (the first-level ones and those under them, vocab score_children)
INDICATOR_WORDS = ("指标", *SCORE_CHILDREN, *(c for v in SCORE_CHILDREN.values() for c in v))
# an income or expenditure named as the side's total (收入总计, 收入决算结果, 总收入 …)
SIDE_TOTAL = regex(r"(?:总计|合计|决算结果|总额)$|^总")
# a side's total named after its fund (`社保基金预算总收入安排`, `机关事业养老保险基金总支出`)
FUND_SIDE_TOTAL = regex(r"^([^，。；、]*?基金)(?:预算)?总(?:收入|支出)(?:预算)?(?:安排)?$")
OUTFLOW = regex(_alt("outflow"))
YEAR_END = regex(r"年末|年底|期末")
OPENING = regex(_alt("opening"))
OFFSET = regex(r"收支相抵|收支结余|当期结余|当年结余|年终结余|本年结余|新增结余")
# the words that say a balance is the year's income less its expenditure (not 年终结余, the balance at the year's
# end, which holds what came besides: transfers, carry-over)
OFFSET_WORDS = regex(r"收支相抵|收支结余|当期结余|当年结余|本年结余|新增结余")


def balances(draft: Draft) -> Iterator[Balance]:
    """`收入 X，支出 Y，(收支相抵)结余 Z`: Z should be X − Y (or opening + X − Y). The income and expenditure
    are taken from the balance's own sentence (certain when it says 收支相抵/当期结余), or from the sentences
    before it in the paragraph (inferred); they are the sides' totals when the passage names them, and only
    figures whose context agrees with the balance's count (`市本级` income is no side of a `全市` balance)."""
    previous: list[Mention] = []
    read: set[Terms] = set()  # the terms of the balances read so far (`_terms`)
    for mentions in by_paragraph(draft).values():
        for i in _keyed(mentions):
            m = mentions[i]
            if compared_base(m):
                continue  # (`年末结转结余较年初的 B 增加 Δ`: B is what the balance is compared with, not its value)
            bq = _period_balance(m)
            carried = bq is None and (bq := _carried(draft, m)) is not None
            if bq is None:
                # (asked only of a sum carried forward, `_carried_after_resources`'s figure: the figures before it
                # are not copied for each of the others; the paragraph before too, where the total's sentence ends
                # it: a line of its own in a Markdown report)
                after = _carried_after_uses(draft, previous + mentions[:i], m) if _carried_on(m.key) else None
                if after is not None:
                    yield after
                continue
            if carried and draft.is_part(m):
                # (what is carried to next year listed as a part of the year's 支出总计 — `支出 a，调出资金 b，结转下年 c，
                # 支出总计 T` — is checked as that list's part; as a balance of 收入总计 less 支出 it leaves b out)
                continue
            if draft.is_part(m) and _part_of_a_balance(draft, m):
                continue  # `年终结转结余 X，其中结转 a，净结余 b`: b is part of the balance X, not income less spending
            ctx = m.identity.context
            # (a figure in brackets notes what the one before it holds: `可用财力 A（本级收入 a、上级补助 b），支出 Y，
            # 结余 Z` balances A, not a)
            sides = [x for x in mentions[:i] if not in_brackets(draft, x.sentence, x.start)]
            own = _since_last_balance([x for x in sides if x.sentence == m.sentence])
            before = [x for x in sides if x.sentence < m.sentence]
            # the opening balance is last year's: its scope and fund agree, its period is the year before
            openings = [x for x in mentions[:i] if agree_open(x.identity.context, ctx, period=False)]
            found = _balance(draft, m, bq, carried, [(own, True), (before, False)], openings)
            if found is None:
                found = _across_sentences(draft, m, (bq, carried), (own, sides), (previous, mentions[:i]))
            if found is None or not _stands(draft, m, found, (sides, previous + mentions[:i])):
                continue
            terms = _terms(found)
            if terms in read:
                # (`收入 X，支出 Y，年末结转结余 Z。…结余资金 b`: the balance of X and Y is Z, read already; a later figure
                # of a balance's name is a part of it or another sum, not a second value of the same difference)
                continue
            read.add(terms)
            yield found
        previous = mentions


# what a balance is the difference of, by its figures' ids: (income, expense), opening balance (none: ()), the other
# money in, the other money out
Terms = tuple[tuple[int, int], tuple[int, ...], tuple[int, ...], tuple[int, ...]]


def _terms(b: Balance) -> Terms:
    """What a balance is the difference of: its sides, the opening balance and the other money in and out. One
    difference has one value; a balance of the same sides with an opening balance (a stock at the year's end beside
    the year's surplus) is another."""
    opening = (id(b.opening),) if b.opening is not None else ()
    return (id(b.income), id(b.expense)), opening, tuple(map(id, b.inflows)), tuple(map(id, b.outflows))


# the words a balance is named by at its end (`当年结余`, `收支缺口`, `余额`): what stands before them names whose
# balance it is (`甲基金当年结余`), and the income and spending `收入`/`支出` end a side's item likewise
BALANCE_AT_END = regex(f"(?:{_alt('balance_items')}|{_alt('balance')})$")
SIDE_AT_END = regex(r"(?:收入|支出)$")


def _named_apart(m: Mention, found: Balance, before: list[Mention]) -> bool:
    """Is the balance named with a thing of its own (`甲基金当年结余 a`) and its sides not named with it: the income
    and spending of another thing (`全县社会保险基金收入 A，支出 B`: the whole's, of which 甲基金 is one fund), or, from
    an earlier sentence, of a thing no side names (`收入 A，支出 B。甲基金当年结余 a`: whose sides are those is not said)?
    A balance of one fund takes no sides stated for the whole or for another fund."""
    own = _own_name(_item(m), BALANCE_AT_END)
    if not own:
        return False
    sides = [x for x in before if any(q is found.income or q is found.expense for q in x.quantities)]
    # (a side's own words, not its item: the labeller reads a fund it knows into the context, `社保基金预算收入`'s item
    # is 收入)
    names = [_own_name(x.label, SIDE_AT_END) for x in sides]
    # (a side of a narrower thing is another's: `职工基本医疗保险基金收入` is not the income of `医保基金`, the whole)
    if any(n and not names_within(own, n) for n in names):
        return True
    across = any(x.sentence != m.sentence for x in sides)
    return across and not any(names_within(own, n) for n in names)


def _own_name(item: str, ending: re.Pattern[str]) -> str:
    """The words of an item before the words it ends with, without the words that name no thing of its own (`甲` of
    `甲基金当年结余`; none of `年末新增结余`), its short words spelt out (`企业养老保险` is `企业职工基本养老保险`,
    `居民医保` is `城乡居民基本医疗保险`: labels.spelt_out); none where the item does not end so."""
    found = ending.search(item)
    if found is None:
        return ""
    name = QUALIFIERS.sub("", spelt_out(item[: found.start()]))
    return name if len(name) > 1 else ""  # (`尚结余`: a word of one character names no thing)


# the words that name no thing of a balance's or side's own (vocab relations balance_qualifiers: 年末, 当期, 基金 …;
# generic_items: 预算, 决算 …), the longest first
QUALIFIERS = regex(alternation([*words("relations", "balance_qualifiers"), *words("relations", "generic_items")]))


def _stands(draft: Draft, m: Mention, found: Balance, windows: tuple[list[Mention], list[Mention]]) -> bool:
    """Is the balance found (of `m`) one to check: not set out by the text as a list of its own (`_written_out`), its
    sides not those of another thing (`_named_apart`), nor a budget's beside an outturn (`_budgeted_sides`)?
    (`windows`: the paragraph's figures before the balance, and those with the paragraph before's.)"""
    sides, before = windows
    if _written_out(lists_by_total(draft), m, found) or _named_apart(m, found, before):
        return False
    return not _budgeted_sides(draft, m, sides, (found.income, found.expense))


def _keyed(mentions: list[Mention]) -> list[int]:
    """Where the figures stand whose item holds 结 or 余 (all of them where a word of a balance holds neither,
    `KEYED`): only they can be a balance or a sum carried, and most figures are read no further."""
    if not KEYED:
        return list(range(len(mentions)))
    return [i for i, m in enumerate(mentions) if "结" in m.key or "余" in m.key]


def _written_out(lists: dict[int, list[Breakdown]], m: Mention, found: Balance) -> bool:
    """Does the text set the balance out itself, as a list of what is added and taken away whose total is the
    balance (`收入总计 A，减去支出 B 和调出资金 C，结转下年 D`: D = A − B − C, breakdowns' 调整), holding both sides
    read here? That list is the relation, with every figure it names; the sides alone leave one out. (`lists`:
    the lists by their total's id, `lists_by_total`.)"""
    return any(
        any(q is found.income for p in b.parts for q in p.quantities)
        and any(q is found.expense for p in b.minus for q in p.quantities)
        for b in lists.get(id(m), [])
    )


def _balance_across(
    draft: Draft,
    m: Mention,
    bq: Quantity,
    carried: bool,
    own: list[Mention],
    sides: list[Mention],
) -> Balance | None:
    """A balance whose sides no window names as income and expenditure: carried across sentences from the sides'
    totals, a surplus its sentence says is income less expenditure, a year-end stock after its section's resources, or
    a project's funds less its spending."""
    if carried and _names_a_side(own):
        # (the sentence's own figures before the sum carried may be the fund's uses: `支出 Y，调出资金 C，收支相抵后结转下年
        # Z`, its income stated above)
        return _carried_after_fund(draft, m, bq) if _uses(own) is not None else None
    if carried:
        return _carried_across(draft, m, bq) or _carried_after_fund(draft, m, bq)
    if _only_spending(own, bq) and _offsets(draft, m, bq):
        return _offset_across(draft, m, bq, _outcome) or _offset_across(draft, m, bq, _planned)
    if not own and _offset_said(draft, m, bq):
        # (a stock at the year's end too: against the total resources, which hold the opening balance)
        return _after_resources_above(draft, m, bq)
    return _stock_after_resources(draft, m, bq, own) or _funds_less_spending(draft, m, bq, sides)


def _stock_after_resources(draft: Draft, m: Mention, bq: Quantity, own: list[Mention]) -> Balance | None:
    """`（四）收支平衡情况` / `年初结转结余 A，本年收入 B，其中…，收入总计 T。` / `本年支出 D，年末结转结余 F。`: the stock at the
    year's end closes a section that states nothing but what the year opened with, its one income (its list's parts
    aside) and, maybe, the total of those two, then, in the balance's own sentence, the year's one spending: F = T −
    D (A + B − D where no total is stated). Read only where every figure of money under the heading before F is one of
    these, of the balance's context (a second income, a total holding more than A and B, any other sum: another layout,
    not read), and the sentence holds no figure but D and F; inferred (`certain=False`)."""
    if not YEAR_END.search(m.key) or ACCUMULATED_AT_END.search(m.key) or draft.is_part(m):
        return None
    if len(own) != 1 or not _year_spending(own[0]) or not _only_these(draft, [own[0], m]):
        return None
    if not agree_open(own[0].identity.context, m.identity.context):
        return None
    flows = _opening_and_income(draft, m, bq)
    expense = exact_of(own[0], bq.base_unit)
    if flows is None or expense is None:
        return None
    (opening, oq), (income, iq), total = flows
    if total is None:
        return Balance(iq, expense, bq, m.sentence, oq, False, closing=True)
    whole = [b for b in draft.facts.breakdowns if b.total is total[0]]
    parts = {id(p) for b in whole for p in b.parts}
    return Balance(total[1], expense, bq, m.sentence, certain=False) if parts == {id(opening), id(income)} else None


def _year_spending(x: Mention) -> bool:
    """Is the figure the year's spending named whole (`本年支出`, `支出`, `本年支出合计`), not a 支出总计 (which may hold
    the stock carried to next year itself)?"""
    return _whole_side(x) == "支出" and "总计" not in _item(x) and "总计" not in x.key


Flow = tuple[Mention, Quantity]


def _opening_and_income(draft: Draft, m: Mention, bq: Quantity) -> tuple[Flow, Flow, Flow | None] | None:
    """The figures of money under the balance's heading before its sentence, when they are only what the year opened
    with, its one income and at most the total of the two (`收入总计`), each of the balance's context (the opening's
    period aside: last year's), besides the parts of the income's own list; else None."""
    money: list[Flow] = []
    for x in _before(draft, m):
        if not same_section(draft, x.start, bq.start):
            break
        q = exact_of(x, bq.base_unit)
        if x.sentence == m.sentence or (q is None and all(y.base_unit != bq.base_unit for y in x.quantities)):
            continue  # (the balance's own sentence, read apart; a rate, a count)
        if q is None:
            return None  # (a sum not read exactly, `约 120 万元`: what it is to the balance is not certain)
        money.append((x, q))
    held = {id(x) for x, _ in money}
    # the parts of a list whose whole stands here and is no total of the resources (`本年收入 B，其中财政拨款收入 b`)
    listed = {
        id(p) for b in draft.facts.breakdowns if id(b.total) in held and _item(b.total) != "收入总计" for p in b.parts
    }
    roles: dict[str, list[Flow]] = {"opening": [], "income": [], "total": []}
    for x, q in money:
        if id(x) in listed:
            continue
        role = _resource_role(x)
        if role is None or not agree_open(x.identity.context, m.identity.context, period=role != "opening"):
            return None
        roles[role].append((x, q))
    if len(roles["opening"]) != 1 or len(roles["income"]) != 1 or len(roles["total"]) > 1:
        return None
    return roles["opening"][0], roles["income"][0], roles["total"][0] if roles["total"] else None


def _resource_role(x: Mention) -> str | None:
    """A figure's role among the resources: what the year opened with, its income, or the total of the two
    (`收入总计`; not `收入合计`, which may be the year's income alone); None for anything else."""
    if _item(x) == "收入总计":
        return "total"
    if OPENING.search(_fund_free(x.label)):
        return "opening"
    return "income" if _whole_side(x) == "收入" else None


def _part_of_a_balance(draft: Draft, m: Mention) -> bool:
    """Is the mention listed (其中, 包括) as a part of a figure named as a balance (结余, 结转)? (Not a part of a sum
    stated after it: `收支结余 a，加上年结余 b，年末滚存结余 T` — a is this year's income less spending still.)"""
    return any(
        BALANCE_WORD.search(b.total.key) or "结转" in b.total.key
        for b in draft.facts.breakdowns
        if not b.inferred and any(p is m for p in b.parts)
    )


def _balance(
    draft: Draft,
    m: Mention,
    bq: Quantity,
    carried: bool,
    windows: list[tuple[list[Mention], bool]],
    openings: list[Mention],
) -> Balance | None:
    """The balance `bq` (of `m`) with the sides of the first window that states them (its own sentence's
    window certain, the earlier sentences' inferred)."""
    ctx = m.identity.context
    for window, certain in windows:
        if carried and not certain:  # what is carried forward is the year's balance only as its sentence says
            return None
        found = _window_sides(draft, window, bq, ctx, certain)
        if found is None and certain and _names_a_side(window):
            return None  # the sentence states its own income or expenditure: an earlier one is not this balance's
        if found is None:
            continue
        if not found:
            return None
        income, expense = found[0], found[1]
        opening = _opening(openings, window, bq)
        closing = _needs_opening(m, window, income)
        if carried and certain and opening is not None and _fund_roll(window):
            # (what a fund's sentence brings forward beside its income, no total holding it, is in what it carries)
            closing = any(opening in x.quantities for x in window)
        if opening is None and closing:
            return None
        if ACCUMULATED_AT_END.search(m.key) and not (certain and any(opening in x.quantities for x in window)):
            # a stock accumulated over the years is this year's closing only beside its own opening stock: with
            # sides gathered from the sentences before, or an opening from another clause, it may be of another
            # fund or span other years
            return None
        if _outflow_unstated(draft, (income, expense), bq):
            return None
        flows = _besides(draft, m, window, bq, (income, expense, opening), (certain, closing))
        if flows is None:
            return None
        stated = _offset_stated(draft.doc.sentence_text(bq.start), carried)
        return Balance(
            income, expense, bq, m.sentence, opening, certain and stated, flows[1], closing, inflows=flows[0]
        )
    return None


def _besides(
    draft: Draft,
    m: Mention,
    window: list[Mention],
    bq: Quantity,
    read: tuple[Quantity, Quantity, Quantity | None],
    how: tuple[bool, bool],
) -> tuple[list[Quantity], list[Quantity]] | None:
    """The money the window states coming in and going out besides the sides `read` (income, spending, opening):
    drawn from a balance kept apart (`使用非财政拨款结余 B`) and leaving the fund (`调出`, `结余分配`), of the balance's
    context. None where the balance, read in its own sentence (`how`: certain, a year-end stock), would leave a sum of
    money of it out (`使用专用基金 B`, last year's income), or where money drawn from a balance stands beside anything
    but a year-end stock read so: that stock counts it beside its opening, income and spending, each figure's part in
    it named; elsewhere how the balance counts it is not said (a surplus of the year may or may not hold it)."""
    certain, closing = how
    agreeing = [x for x in window if agree_open(x.identity.context, m.identity.context)]
    out = _outflows(draft, agreeing, read[0], bq)
    drawn = _drawn(draft, agreeing, bq)
    if certain and not _all_counted(draft, window, bq, [*read, *out]):
        return None
    if drawn and not (closing and certain):
        return None
    return drawn, out


def _drawn(draft: Draft, window: list[Mention], like: Quantity) -> list[Quantity]:
    """Money drawn from a balance kept apart (`使用非财政拨款结余 B`), coming into the year besides its income: the
    window's figures so named, in the balance's unit, none a part of a list the window states the whole of (a part
    of one stated before, `收入总计 T。其中：本年收入合计 A，使用非财政拨款结余 B，…`, is a flow of its own here)."""
    within = _parts_within(draft, window)
    return [
        q
        for x in window
        if drawn_from_balance(x) and id(x) not in within and (q := exact_of(x, like.base_unit)) is not None
    ]


def _all_counted(draft: Draft, window: list[Mention], like: Quantity, roles: list[Quantity | None]) -> bool:
    """Is every sum of money of the window (its notes in brackets aside) a figure of the balance (`roles`, or drawn
    from a balance) or a part of a list the window states the whole of? A flow the balance would leave out makes it
    no certain reading."""
    read = {id(q) for q in roles if q is not None}
    within = _parts_within(draft, window)
    return all(
        q is None or id(q) in read or drawn_from_balance(x) or id(x) in within
        for x in window
        for q in (exact_of(x, like.base_unit),)
    )


def _parts_within(draft: Draft, window: list[Mention]) -> set[int]:
    """The ids of the window's figures listed as parts of a whole the window states too (`收入 X，其中 a、b`: a and b
    are what X holds, no figures of their own beside it)."""
    if not any(draft.is_part(x) for x in window):
        return set()
    lists = lists_by_total(draft)
    return {id(p) for x in window for b in lists.get(id(x), []) for p in (*b.parts, *b.minus)}


def _offset_stated(text: str, carried: bool) -> bool:
    """Does the balance's sentence say it balances the sides (`收支相抵`, `当年结余`), or, of a sum carried forward, take
    the spending away from the income in words?"""
    return bool(OFFSET.search(text) or (carried and CARRIED.search(text)))


def _window_sides(
    draft: Draft, window: list[Mention], bq: Quantity, ctx: Context, certain: bool
) -> tuple[Quantity, ...] | None:
    """`_sides` of the window, where it takes no part listed under a whole the window states (`_listed`: `收入完成 A，
    其中财政补贴收入 a；支出 C。当年收支结余 D` — a is what A holds, never the side of a balance read beside A). Where
    it takes such a part, or finds no sides, the sides are those of the window without the listed parts, in the
    balance's own sentence (`certain`) and only where every whole listing a part named as a side is named as a
    side's whole itself (`_a_whole_side`: 收入, a fund's 收入, a side's total; not `保费收入完成 A，其中单位缴费收入
    a`, which may be a part of the income: neither is then certainly the side). Across sentences they are
    `_offset_across`'s to read, which knows what may stand between them and the balance (another sum, a side of
    another scope)."""
    read = _sides(window, bq, ctx)
    listed, wholes = _listed(draft, window)
    if not listed:
        return read
    if read is not None and not any(id(q) in listed for q in read):
        return read
    if not certain or not all(_a_whole_side(w) for w in wholes):
        return None
    return _sides([x for x in window if not any(id(q) in listed for q in x.quantities)], bq, ctx)


# the words that open the parts of a whole stated before them (vocab relations included: 其中, 包括 …)
PART_OPENERS = tuple(words("relations", "included"))


def _listed(draft: Draft, window: list[Mention]) -> tuple[set[int], list[Mention]]:
    """The figures (by their quantities' ids) listed as parts of a whole the window states before them, by a word
    that opens parts (其中, 包括 …), and the wholes that list a part named as a side (`…收入 a`, `…支出 b`). A part
    whose whole the window does not hold may be a side (`全市…收入 A，…。其中，职工医保基金收入 a，支出 b，当期结余
    c`: c is the part's own balance)."""
    if not any(draft.is_part(x) for x in window):
        return set(), []  # (most windows list no part: the breakdowns are walked only for those that do)
    held = {id(x) for x in window}
    listed: set[int] = set()
    wholes: list[Mention] = []
    for b in draft.facts.breakdowns:
        if b.inferred or not b.keyword.startswith(PART_OPENERS) or id(b.total) not in held:
            continue
        parts = [p for p in b.parts if p.start > b.total.start]
        listed.update(id(q) for p in parts for q in p.quantities)
        if _names_a_side(parts):
            wholes.append(b.total)
    return listed, wholes


# a fund's side named with the fund, whatever fund the context read (`社会保险基金收入`, `机关养老保险基金预算支出`)
FUND_SIDE = regex(r"^[^，。；、]*基金(?:预算)?(?:收入|支出)$")


def _a_whole_side(m: Mention) -> bool:
    """Is the figure named as a side's whole: `_whole_side`, or the income or spending of a fund it names?"""
    return bool(_whole_side(m) or FUND_SIDE.match(_item(m)))


def _since_last_balance(own: list[Mention]) -> list[Mention]:
    """The figures of the balance's sentence after the last balance before it: `A 收入 a，支出 b，结余 c；B 收入 d，
    支出 e，结余 f`: f balances d and e, the clause's own, not a or b. The balance a clause opens with (`上年结余 a，
    本年收入 b，本年支出 c，年末滚存结余 d`) ends no clause. A gap ends one too (`A 收入 a，支出 b，当期收支缺口 c；
    B 收入 d，支出 e，当期结余 f`: a gap is a balance below zero, the clause's close as a surplus is)."""
    last = max((k for k, x in enumerate(own) if _closes_a_clause(x)), default=-1)
    return own[last + 1 :]


# a balance below zero, named as the gap between the sides (`当期收支缺口`, `收支缺口`)
GAP = regex(r"缺口$")


def _closes_a_clause(m: Mention) -> bool:
    return (_period_balance(m) is not None and not OPENING.search(m.label)) or GAP.search(m.key) is not None


def _names_a_side(window: list[Mention]) -> bool:
    return any(m.key.endswith(("收入", "支出")) for m in window)


def _budgeted_sides(draft: Draft, m: Mention, window: list[Mention], sides: tuple[Quantity, Quantity]) -> bool:
    """Are the sides found a budget's (`调整预算收入 A、支出 B`) while the balance names no stage (`当年收支结余 c`)
    and the window states a side at another stage too (`收入完成 a，…；支出完成 b`)? Which pair the balance is of
    is then not certain (the year's balance is usually the outturn's, the nearest pair the budget's)."""
    if draft.labeller.identify(m.label)[1].stage is not None:
        return False
    holders = [x for x in window if any(q is s for q in x.quantities for s in sides)]
    sentence = draft.doc.sentences[m.sentence]
    if any(x.sentence == m.sentence for x in holders) or "预算" in draft.doc.text[sentence.start : m.start]:
        return (
            False  # (the balance's own sentence states its sides, or names them a budget's: `预算总收入减去预算总支出`)
        )
    if not any(draft.labeller.identify(x.label)[1].stage in BUDGET_STAGES for x in holders):
        return False
    others = (draft.labeller.identify(x.label) for x in window if all(x is not h for h in holders))
    return any(said.stage not in BUDGET_STAGES and item.endswith(("收入", "支出")) for item, said in others)


def _sides(window: list[Mention], bq: Quantity, ctx: Context) -> tuple[Quantity, ...] | None:
    """The income and the expenditure of a balance in the window; None where the window has not both, () where
    it has both but they are no sides of it: `收入总计 X（…），支出总计 X（本年支出 c，年末结转和结余 d）`, totals
    that hold the balances themselves, equal by construction (a nonzero balance is not their difference)."""
    income, expense = _side(window, "收入", bq, ctx), _side(window, "支出", bq, ctx)
    if income is None or expense is None:
        return None
    if income.base_value == expense.base_value and bq.value:
        return ()
    return income, expense


def agree_open(a: Context, b: Context, period: bool = True) -> bool:
    """Do two figures' contexts agree, a field stated with several values (`全市及市本级`: MIXED) being one
    the passage leaves open, and the period left aside when `period` is false (an opening balance is last
    year's)?"""
    return _open(a, period).agrees(_open(b, period))


def _open(c: Context, period: bool) -> Context:
    values = {f: None if getattr(c, f) == MIXED else getattr(c, f) for f in FIELDS}
    if not period:
        values["period"] = None
    return Context(**values)


def _opening(mentions: list[Mention], window: list[Mention], like: Quantity) -> Quantity | None:
    """The opening balance (`年初结转和结余`, `上年结余`, `期初余额`): in the window the sides were taken from,
    else earlier in the paragraph."""
    candidates = [x for x in mentions if OPENING.search(_fund_free(x.label))]
    own = [x for x in candidates if any(x is w for w in window)]
    for group in (own, candidates):
        for x in reversed(group):
            q = exact_of(x, like.base_unit)
            if q is not None:
                return q
    return None


# `收入总计包括本年收入合计 A、年初结转和结余 B`: the label of A runs over the whole it is part of; A is what follows
INCLUDES = regex("包括|包含")


def _needs_opening(balance: Mention, window: list[Mention], income: Quantity) -> bool:
    """`年末结转结余` is a stock: last year's balance plus this year's surplus. Against this year's income alone
    (`本年收入`) it needs the opening balance; against `收入总计`, which includes it, it does not; `年终结余`,
    `当年结余` are the year's own surplus."""
    if not YEAR_END.search(balance.key) or OFFSET.search(balance.key):
        return False
    named = next((x for x in window if income in x.quantities), None)
    return named is None or "总计" not in INCLUDES.split(named.label)[-1]


def _outflow_unstated(draft: Draft, sides: tuple[Quantity, Quantity], bq: Quantity) -> bool:
    """Does the balance's sentence name, after the sides and before the balance, money leaving the fund besides its
    expenditure with no figure of its own (`收入总计 X，减去支出 Y 和调出资金后，结转下年 Z`)? The balance is then what is
    left after that money too, which the sentence does not give: no balance of the two sides alone. (A note in
    brackets, `支出（含上解支出）Y`, says what a side holds.)"""
    text = draft.doc.text
    begin = max(*(q.end for q in sides), draft.doc.sentences[draft.doc.sentence_index(bq.start)].start)
    stretch = BRACKETED.sub("", text[begin : bq.start]) if begin < bq.start else ""
    return any(not FIGURE_IN_CLAUSE.match(stretch, m.end()) for m in OUTFLOW.finditer(stretch))


# a note in brackets; a figure before the clause ends (what a word of money leaving the fund is given)
BRACKETED = regex(r"[（(][^（()）]*[）)]")
FIGURE_IN_CLAUSE = regex(r"[^，,；;。\d]*\d")


def _outflows(draft: Draft, window: list[Mention], income: Quantity, like: Quantity) -> list[Quantity]:
    """Money leaving the fund besides its expenditure, stated after the income (`调入一般公共预算 0.9 亿元`), none a
    part of a list the window states the whole of (a part of one stated before is a flow of its own here: `支出总计
    T。其中：…本年支出合计 D，结余分配 E，年末结转和结余 F`)."""
    out = []
    within = _parts_within(draft, window)
    for m in window:
        q = exact_of(m, like.base_unit)
        if q is not None and q.start > income.start and id(m) not in within and OUTFLOW.search(m.label):
            out.append(q)
    return out


# `国债转贷支出及结余`: a figure of spending and balance together is an item of a list, not the balance
# `…，收支相抵，结转下年 Z`: Z is income less expenditure; so it is where the sentence takes the spending away from
# the income in words before it (`收入总计 X 减去本年支出合计 Y，结转下年 Z`)
CARRIED = regex(r"收支相抵|(?:减去|扣除|减除)[\u4e00-\u9fff]{0,10}支出")
JOINED_SIDE = regex(r"(?:收入|支出)(?:及|和|与|、)")


# the fund a carry-over is of, named between its date and its name (`年末财政拨款结转和结余`, `年初一般公共预算财政拨款
# 结转和结余`): the 年末结转和结余 of that fund, whose date and name the balance's words are read on
FUND_BETWEEN = regex(
    f"(?<=[初末底年])(?:{alternation(w for ws in (load('context').get('fund') or {}).values() for w in ws)})(?=结转|结余)"
)


def _fund_free(words: str) -> str:
    """A balance's words without the fund named between its date and its name."""
    return FUND_BETWEEN.sub("", words)


def _period_balance(m: Mention) -> Quantity | None:
    """The figure of a period's balance: 结余/结存/余额 that is no stock (累计结余, 债务余额, 结转下年)."""
    key = _fund_free(m.key)
    # (`年末结转 Z` after `年初结转 A，本年收入 X，本年支出 Y`: the year-end carry-over is the period's closing balance)
    if not (BALANCE_WORD.search(key) or CARRIED_AT_END.search(key)):
        return None
    if "结转下年" in key or "下年" in key or JOINED_SIDE.search(key) or DISTRIBUTED.search(key):
        return None  # (nor `结余分配 a`: what the balance was put to, a use of it beside the spending)
    if drawn_from_balance(m):
        return None  # (`使用非财政拨款结余 B`: money drawn from a balance, coming into the year, no balance of it)
    if OPENING.search(key):
        return None  # `本年收支结余 a，加上上年结余 b，年末滚存结余 T`: b is what the year opened with, not its balance
    if CUMULATIVE.search(ACCUMULATED_AT_END.sub("", key.replace("年末结转", "").replace("年终结余", ""))):
        return None
    return next((q for q in m.quantities if q.kind == "amount" and q.exact), None)


CARRIED_AT_END = regex(r"(?:年末|年底|期末)结转$")
# a fund's name (vocab context.yaml fund), as a bare 结转 may follow it (`收支相抵，政府性基金预算结转 Z`)
FUND_NAME = alternation(w for ws in (load("context").get("fund") or {}).values() for w in ws)
OFFSET_THEN_CARRIED = regex(rf"收支相抵[，,]\s*(?:{FUND_NAME})?结转\s*$")
FUND_CARRIED = regex(rf"^(?:{FUND_NAME})?结转$")
DISTRIBUTED = regex("分配")  # (`结余分配`, what a balance was put to)
# a fund's balance accumulated to the year's end (`年末滚存结余`, `年末累计结余`): a stock, which the year's clause
# closes as the opening stock plus its income less its expenditure (`上年结余 A，本年收入 X，本年支出 Y，年末滚存结余 D`)
ACCUMULATED_AT_END = regex(r"(?:年末|年底|期末)(?:滚存|累计)(?=结余|结存)")


# what a part of a year carries into the next period (`结转下期`): read as carried forward only where its sentence
# rolls a fund forward (`_fund_roll`); the words before it that take spending from income are a stated difference's
# (differences.py: `收入总计减去支出总计，收支相抵后结转下期 D`)
CARRIED_TO_PERIOD = "结转下期"


def _carried_on(key: str) -> bool:
    """Is the figure what the year carries forward, named so (`结转下年`) or as what it closes with carried
    (`年终结转`)?"""
    return "结转下年" in key or key.startswith("年终结转")


def _carried(draft: Draft, m: Mention) -> Quantity | None:
    """`收入总计 X，支出总计 Y，收支相抵，结转下年 Z`: a sum carried forward is a stock (last year's balance in it
    too) unless its own sentence says, before it, that it is what income less expenditure leaves; or unless the
    income its sentence states before it is the total that holds last year's balance (`收入 A，加上年结转 B，收入
    总计 X；支出 Y，调出资金 C，结转下年 Z`: Z = X − Y − C), against spending that is no total (a 支出总计 beside
    a 收入总计 may hold the sum carried forward itself: the two totals are equal)."""
    bare = FUND_CARRIED.match(m.key) is not None  # (`结转`, `政府性基金预算结转`: named by no date)
    to_period = CARRIED_TO_PERIOD in m.key
    if not _carried_on(m.key) and not bare and not to_period:
        return None
    sentence = draft.doc.sentences[m.sentence]
    q = next((q for q in m.quantities if q.kind == "amount" and q.exact), None)
    if q is None:
        return None
    if bare:
        # (a bare 结转 names what is carried only right after the words that say it is income less spending:
        # `收支相抵，结转 Z`)
        return q if OFFSET_THEN_CARRIED.search(draft.doc.text, sentence.start, q.start) else None
    before = [x for x in draft.by_sentence.get(m.sentence) or [] if x.quantities and x.quantities[0].start < q.start]
    if to_period and not _carried_on(m.key):
        # (`国有资本经营预算收入 A，加上年结转 B，支出 Y，调出资金 C，结转下期 Z`: the sentence rolls the fund forward)
        return q if _fund_roll(before) else None
    if CARRIED.search(draft.doc.text, sentence.start, q.start):
        return q
    totals = {side for x in before if SIDE_TOTAL.search(x.key) for side in ("收入", "支出") if side in x.key}
    if totals == {"收入"}:
        return q
    return q if totals == {"收入", "支出"} and _after_both_totals(draft, before) else None


def _fund_roll(before: list[Mention]) -> bool:
    """Are the figures before a sum carried forward in its sentence only a fund's own: its one income, first, at most
    one sum brought forward, its one spending and what it pays out besides (`_fund_role`)?"""
    roles = [_fund_role(x) for x in before]
    if None in roles or roles.count("收入") != 1 or roles.count("支出") != 1 or roles.count("结转") > 1:
        return False
    return roles[0] == "收入" and roles.index("支出") > 0


# a fund's own spending (`国有资本经营预算支出`, `支出`), no side's total; and the money it pays out besides (`调出资金`,
# `上解支出`, `补充预算稳定调节基金`), listed between its spending and what it carries forward
SPENT = regex(r"支出$")
PAID_OUT = regex(r"(?:调出资金|调出|上解支出|上解上级支出|上解|债务还本支出|还本支出|(?:补充|安排)预算稳定调节基金)$")


def _carried_after_uses(draft: Draft, before: list[Mention], m: Mention) -> Balance | None:
    """What is carried forward after the fund's total resources and its uses (`_carried_after_resources`), or after
    the spending in a sentence of its own between them (`收入总计 X。支出 Y，其中…。调出资金 C，专项债务还本支出 D，年终
    结转 Z`: the same uses set out in two sentences, `_carried_after_spending`)."""
    found = _carried_after_resources(draft, before, m)
    q = next((x for x in m.quantities if x.kind == "amount" and x.exact), None)
    if found is None and q is not None:
        found = _carried_after_spending(draft, before, m, q)
    return found


def _carried_after_resources(draft: Draft, before: list[Mention], m: Mention) -> Balance | None:
    """`…收入 A，加上上年结转 B，收入总计 X。支出 Y，调出资金 C，结转下年 Z。`: a sentence that lists only a fund's
    spending, the money it pays out besides and, last, what it carries forward, right after the sentence closing on
    the fund's total resources (收入总计, listed with last year's balance among its parts): Z = X − Y − C, all that
    came in less all that went out, as the passage sets it out. Nothing else may stand in the sentence (a rate, a
    second spending: what the uses are is then not only this); inferred (`certain=False`)."""
    # (asked only of a sum carried forward or of a balance closing the year, `_closes_the_year`: the walk over the
    # figures before it is not made for every figure)
    q = next((x for x in m.quantities if x.kind == "amount" and x.exact), None)
    if q is None:
        return None
    own = [x for x in before if x.sentence == m.sentence]
    if not own or draft.is_part(m) or not _only_these(draft, [*own, m]):
        return None
    uses = _uses(own)
    total = [x for x in before if x.sentence == m.sentence - 1][-1:]
    if uses is None or not total or not _resources(draft, total[0]) or not same_section(draft, total[0].start, q.start):
        return None
    if not all(agree_open(x.identity.context, m.identity.context) for x in [*own, total[0]]):
        return None
    return _left_over(total[0], uses[0], uses[1], (q, m.sentence))


def _across_sentences(
    draft: Draft,
    m: Mention,
    balance: tuple[Quantity, bool],
    windows: tuple[list[Mention], list[Mention]],
    paragraphs: tuple[list[Mention], list[Mention]],
) -> Balance | None:
    """The balance read from the sentences before it (`_balance_across`), else, for what is carried forward, from the
    sentence closing on the fund's total resources before its uses (`_carried_after_uses`: the uses in the carried
    sum's own sentence, `…支出 Y，调出资金 C，收支相抵后结转下年 Z`, or its spending in a sentence of its own before one of
    what it pays out); `balance` is the figure and whether it is carried, `windows` its own sentence's figures and
    those before it, `paragraphs` the paragraph before and its own figures up to the balance."""
    bq, carried = balance
    found = _balance_across(draft, m, bq, carried, *windows)
    closes = carried or _closes_the_year(draft, m, bq)
    if found is None and closes:
        found = _carried_after_uses(draft, paragraphs[0] + paragraphs[1], m)
    if found is None and closes and not carried and (not windows[0] or _uses(windows[0]) is not None):
        # (`收入 A，加上年结转 B。支出 Y，调出 C，收支相抵，结余 Z`; or the uses in the sentence before, the balance's own
        # stating nothing else: `收入 A。支出 Y；调出 C。收支相抵，结余 Z`)
        found = _carried_after_fund(draft, m, bq)
    return found


# the words naming the year's own surplus: its income less its spending, what it brought forward aside
OWN_SURPLUS = regex(r"当年|本年|当期|本期|新增")


def _closes_the_year(draft: Draft, m: Mention, bq: Quantity) -> bool:
    """Is the balance what is left of all the fund's money once its uses are taken away, as a sum carried forward is:
    said so before it in its sentence (`收支相抵，结余 Z`) or named the balance the year ends with (`年终结余 Z`), and not
    named the year's own surplus (`当年结余`, `本年结余`)? Then it is read against the total resources and the uses as
    what is carried forward is."""
    words = _fund_free(m.label)  # (its own words: the item drops the period's, `当年结余` is 结余)
    if OWN_SURPLUS.search(words):
        return False
    sentence = draft.doc.sentences[m.sentence]
    return "年终结余" in words or "收支相抵" in draft.doc.text[sentence.start : bq.start]


def _carried_after_spending(draft: Draft, before: list[Mention], m: Mention, q: Quantity) -> Balance | None:
    """`…上年结转 B，收入总计 X。` / `…支出 Y，为调整预算数的 p%，比上年下降 r%；其中… y。调出资金 C，债务还本支出 D，收支
    相抵，结转下年 Z。`: the fund's spending in a sentence of its own (its rates, its changes and the parts of its own
    list beside it, nothing else), right after the sentence closing on the fund's total resources (`_resources`),
    then a sentence of only the money paid out besides it (调出, 还本, 上解) and, last, what is carried forward: Z =
    X − Y − C − D, all that came in less all that went out, as `_carried_after_resources` reads it of one sentence.
    The money paid out may follow the spending in its own sentence instead (`…支出 Y，主要用于…；调出资金 C，调出比例
    为 p%。收支相抵，结转下年 Z。`): the uses are then that sentence's, the carried sum's sentence holding it alone.
    Inferred (`certain=False`)."""
    own = [x for x in before if x.sentence == m.sentence]
    if not all(PAID_OUT.search(x.key) for x in own) or draft.is_part(m) or not _only_these(draft, [*own, m]):
        return None
    spending = [x for x in before if x.sentence == m.sentence - 1]
    totals = [x for x in before if x.sentence == m.sentence - 2][-1:]
    if not spending or not totals or not _resources(draft, totals[0]):
        return None
    paid_beside = _paid_beside_spending(draft, spending)
    paid = [*(paid_beside or []), *own]
    if paid_beside is None or not paid:
        return None
    if not _set_out_together(draft, m, [*paid, spending[0]], totals[0]):
        return None
    return _left_over(totals[0], spending[0], paid, (q, m.sentence))


def _left_over(total: Mention, spent: Mention, paid: list[Mention], carried: tuple[Quantity, int]) -> Balance | None:
    """What is carried forward (the figure and its sentence) as all that came in (`total`) less the spending and the
    money paid out, each read in its unit; inferred (`certain=False`). None where one has no exact figure in it."""
    q, sentence = carried
    income, expense = exact_of(total, q.base_unit), exact_of(spent, q.base_unit)
    out = [o for x in paid if (o := exact_of(x, q.base_unit)) is not None]
    if income is None or expense is None or len(out) != len(paid):
        return None
    return Balance(income, expense, q, sentence, None, False, out)


def _set_out_together(draft: Draft, m: Mention, figures: list[Mention], total: Mention) -> bool:
    """Do the spending's sentence and the balance's stand in one paragraph, under the heading of the fund's total
    resources, every figure in the balance's context?"""
    sentences = draft.doc.sentences
    if sentences[m.sentence - 1].paragraph != sentences[m.sentence].paragraph:
        return False
    if not same_section(draft, total.start, m.start):
        return False
    return all(agree_open(x.identity.context, m.identity.context) for x in [*figures, total])


def _paid_beside_spending(draft: Draft, mentions: list[Mention]) -> list[Mention] | None:
    """The money paid out besides a fund's spending that the spending's sentence lists after it (`调出资金 C`), where
    the figures are that one spending, first, no side's total, and beside it only percentages (its rate, its change,
    the share paid out), the parts of its own list (`其中新增专项债券安排的支出 y`) and such money paid out, none a
    part of another list; None where they are not."""
    first = mentions[0]
    if not SPENT.search(first.key) or SIDE_TOTAL.search(first.key) or draft.is_part(first):
        return None
    own = {id(b.total): b for b in draft.facts.breakdowns}.get(id(first))
    parts = {id(p) for p in own.parts} if own is not None else set()
    paid: list[Mention] = []
    for x in mentions[1:]:
        if id(x) in parts or all(y.kind == "percent" for y in x.quantities):
            continue
        if not PAID_OUT.search(x.key) or draft.is_part(x):
            return None
        paid.append(x)
    return paid


def _uses(own: list[Mention]) -> tuple[Mention, list[Mention]] | None:
    """The fund's one spending, first, and the money paid out besides it, when the figures are only those."""
    paid = [x for x in own if PAID_OUT.search(x.key)]
    spent = [x for x in own if x not in paid and SPENT.search(x.key) and not SIDE_TOTAL.search(x.key)]
    if len(spent) != 1 or own[0] is not spent[0] or len(own) != 1 + len(paid):
        return None
    return spent[0], paid


def _only_these(draft: Draft, mentions: list[Mention]) -> bool:
    """Are the mentions' figures every figure their sentence holds (no rate, no change beside them)?"""
    sent = draft.doc.sentences[mentions[0].sentence]
    own = {id(q) for x in mentions for q in x.quantities}
    return not any(sent.start <= q.start < sent.end and id(q) not in own for q in draft.facts.quantities)


def _resources(draft: Draft, m: Mention) -> bool:
    """Is the figure a fund's total resources: named 收入总计, the total of a list that holds last year's balance?"""
    return "收入总计" in m.key and any(
        b.total is m and any(OPENING.search(p.label) for p in b.parts) for b in draft.facts.breakdowns
    )


def _after_both_totals(draft: Draft, before: list[Mention]) -> bool:
    """`…上年结转 B，收入总计 X；支出…，支出总计 Y，年终结转 Z`: the sum carried forward right after the expenditure's
    total, the income's total listed with last year's balance among its parts (so it holds it: what is left is
    carried forward). Were the carried sum in the expenditure's total, the totals would be equal (no balance of
    the two, `_sides`); a figure between (`补充预算稳定调节基金 C`) may or may not be in the total."""
    if not before or not (SIDE_TOTAL.search(before[-1].key) and "支出" in before[-1].key):
        return False
    income = [x for x in before if SIDE_TOTAL.search(x.key) and "收入" in x.key]
    return len(income) == 1 and any(
        b.total is income[0] and any(OPENING.search(p.label) for p in b.parts) for b in draft.facts.breakdowns
    )


# a side's total as the passages that carry a balance forward name it (`收入总计`, `支出合计`, `收入总量`)
SIDE_SUM = regex(r"^(?:本年|全年)?(?:收入|支出)(?:总计|合计|总量)$|^总(?:收入|支出)$")


def _before(draft: Draft, m: Mention) -> Iterator[Mention]:
    """The document's figures before the balance's, nearest first (the readings of a balance across sentences walk
    back from it)."""
    mentions = draft.facts.mentions
    index = next((k for k, x in enumerate(mentions) if x is m), -1)
    return reversed(mentions[:index])


def _carried_across(draft: Draft, m: Mention, bq: Quantity) -> Balance | None:
    """`…收入总计 X。…支出合计 Y。收支相抵，结转下年 Z`: a sentence saying only that it carries forward what income less
    expenditure leaves, after the totals of both sides stated in the sentences before it under its heading: Z is
    X − Y. Read only where nothing else stands between the income's total and Z but the expenditure's total and
    the figures that make it up (its own sentence's before it, or the parts of a list): a figure outside both
    (`调出资金 C` not in the expenditure's total) may or may not have been taken out, and which the text does not
    say."""
    expense: Mention | None = None
    for x in _before(draft, m):
        if not same_section(draft, x.start, bq.start) or not agree_open(x.identity.context, m.identity.context):
            return None
        whole_spending = expense is None and not draft.is_part(x) and _fund_spending(x)
        side = _item(x) if SIDE_SUM.search(_item(x)) or whole_spending else ""
        if expense is None and "支出" in side:
            expense = x
        elif expense is not None and "收入" in side:
            income, spent = exact_of(x, bq.base_unit), exact_of(expense, bq.base_unit)
            if income is None or spent is None or (income.base_value == spent.base_value and bq.value):
                return None  # (equal totals hold the sum carried forward itself: no difference of the two)
            return Balance(income, spent, bq, m.sentence, certain=False)
        elif not _within_total(draft, x, expense):
            return None
    return None


def _fund_spending(x: Mention) -> bool:
    """Is the figure a fund's spending named whole, with its fund (`政府性基金支出 Y`: item 支出, the fund in the
    context)? Its parts and the fund's income total before it are all the walk then lets stand before the balance."""
    return _item(x) == "支出" and x.identity.context.fund is not None and x.label.endswith("支出")


def _carried_after_fund(draft: Draft, m: Mention, bq: Quantity) -> Balance | None:
    """`国有资本经营预算收入 A，其中…，加上年结转 B。…支出 Y，其中…；调出 C。收支相抵，结转下年 Z`: a sentence saying only
    that it carries forward what is left, after a fund's figures set out under its heading, no side's total among
    them: Z is A + B − Y − C. Read only where every figure of the heading's text before Z is one of these, of the
    balance's context — the one income (no total), and the incomes its sentence adds to it in words (`加上级补助收入
    b`; one set beside it, `上级补助收入 b`, leaves it unread), at most one sum brought forward, the one spending (no
    total), what is paid out besides it (调出, 上解), parts of their lists and ratios aside — the income before the
    spending; inferred (`certain=False`). The spending and what is paid out may stand in the sentence of Z itself
    (`支出 Y，调出资金 C，收支相抵后结转下年 Z`)."""
    roles: dict[str, list[tuple[Mention, Quantity]]] = {"收入": [], "结转": [], "支出": [], "调出": []}
    for x in _before(draft, m):
        if not same_section(draft, x.start, bq.start):
            break
        if not agree_open(x.identity.context, m.identity.context):
            return None
        q = exact_of(x, bq.base_unit)
        if draft.is_part(x) or (q is None and all(y.kind == "percent" for y in x.quantities)):
            continue  # (a part of the income's or the spending's list; `按收入 30% 调出`, the ratio applied)
        if q is not None and _rate_base(draft, x, q):
            continue  # (`收入 A，完成年初预算 B 的 p%`: the budget the income is measured against, no flow of the year)
        role = _fund_role(x)
        if q is None or role is None or (role == "调出" and _not_paid_out(x, m)):
            return None
        roles[role].append((x, q))
    incomes = sorted(roles["收入"], key=lambda f: f[0].start)
    if not incomes or len(roles["支出"]) != 1 or len(roles["结转"]) > 1 or _paid_out_twice(roles["调出"]):
        return None
    (income, iq), (spent, eq) = incomes[0], roles["支出"][0]
    if spent.start < income.start or not all(_added(draft, income, x) for x, _ in incomes[1:]):
        return None
    opening = roles["结转"][0][1] if roles["结转"] else None
    out = sorted((q for _, q in roles["调出"]), key=lambda q: q.start)
    more = [q for _, q in incomes[1:]]
    # (a stock only when named one: `收支相抵，结余 Z` beside `上年结余 B` may be the year's own net, A − Y − C)
    closing = opening is not None and _named_a_stock(m)
    return Balance(iq, eq, bq, m.sentence, opening, False, out, closing=closing, inflows=more)


def _not_paid_out(x: Mention, m: Mention) -> bool:
    """Is a figure named as paid out (调出) rather what was to be paid out or how much less or more was
    (`年初预算调出资金 b`, `少调出 d`): a budget's figure where the balance is not one (a draft's 调出 is its
    own), or a change: no money that left the fund in the balance's year?"""
    stage = x.identity.context.stage
    planned = stage in BUDGET_STAGES and stage != m.identity.context.stage
    return planned or named_change(x.label) is not None or bool(LESS_OR_MORE.search(x.key))


def _paid_out_twice(paid: list[tuple[Mention, Quantity]]) -> bool:
    """Do two figures name the same payment out (`按收入的 30% 调出资金 a …，实际调出 b`): one of them is a plan or a
    ratio's result, the other what was paid, and which the balance takes the words do not say for certain."""
    names = [PAID_OUT.search(x.key) for x, _ in paid]
    kinds = [n.group().removesuffix("资金") for n in names if n is not None]
    return len(set(kinds)) < len(kinds)


# a payment named by how much less or more it was than planned (`少调出 d`, `多上解 d`)
LESS_OR_MORE = regex(r"[少多](?:调出|上解)")


def _rate_base(draft: Draft, x: Mention, q: Quantity) -> bool:
    """Is the figure the budget a rate of its sentence is measured against (`收入 A，完成年初预算 B 的 p%`): named as a
    budget, and the last of the rate's figures after the one measured? A budget is no money that came in or went out."""
    if "预算" not in x.label or x.label.endswith(("收入", "支出")):
        return False
    return any(
        r.sentence == x.sentence and len(r.operands) >= 2 and r.operands[-1] is q and r.operands[0] is not q
        for r in draft.facts.rates
    )


# the words naming a balance the year ends with, a stock (`年终结余`, `年末滚存结余`, `结转下年`), not the year's
# net alone (`收支相抵，结余 Z`)
STOCK_NAMED = regex(r"年终|年末|年底|期末|滚存|结转")


def _named_a_stock(m: Mention) -> bool:
    """Is the balance named one the year ends with (`年终结余`, `年末滚存结余`, `结转下年`)? A bare `结余` after
    `收支相抵` may be the year's income less its uses, what it brought forward aside, or a stock: either reading holds."""
    return STOCK_NAMED.search(_fund_free(m.label)) is not None


# a stretch of text ending within a clause that adds money to what came before it (`，加上级补助收入 B、上年结转`)
ADDED = regex(r"[，,；;]\s*加[^，,；;。]*$")


def _added(draft: Draft, income: Mention, x: Mention) -> bool:
    """Is a second income added in words to the fund's first one: in its sentence, within a clause after the first
    that opens with 加 (`收入 A，加上级补助收入 B、上年结转 C`)? An income merely set beside it (`收入 A，上级补助收入
    B`, `收入 A，加上年结转 B，上级补助收入 C`) may be one the first holds."""
    if x.sentence != income.sentence:
        return False
    return ADDED.search(draft.doc.text, income.quantities[0].end, x.quantities[0].start) is not None


# what a fund's figure is to its year's balance: its income, the sum brought forward, its spending, paid out besides
FUND_INCOME = regex(r"收入$")


def _fund_role(x: Mention) -> str | None:
    if SIDE_TOTAL.search(x.key) or SIDE_SUM.search(x.key) or x.label.startswith(("含", "包含")):
        return None  # (a total, or a note of what the income holds, `收入 A（含上年结转 b）`: another layout)
    if OPENING.search(x.label):
        return "结转"
    if PAID_OUT.search(x.key):
        return "调出"
    if SPENT.search(x.key):
        return "支出"
    return "收入" if FUND_INCOME.search(x.key) else None


# the funds that reached a project (its income side: `资金实际到位 A`, `下达资金`, `拨付到位`), what it spent of them
# and what is left (`尚结余`, `结存`, `剩余资金`)
RECEIVED = regex(r"到位|到账|下达|拨付")
LEFT_OF_FUNDS = regex(r"(?:结余|结存|剩余)(?:资金)?$")


def _funds_less_spending(draft: Draft, m: Mention, bq: Quantity, before: list[Mention]) -> Balance | None:
    """`资金实际到位 A，到位率 r%。项目当年支出 B，占到位资金的 p%，尚结余 C`: a project's balance is the funds that
    reached it less what it spent, where its paragraph states, before it, exactly those two sums of its unit —
    one named as funds received, then one named as spending — of its context (a budget, a second spending or
    anything else of money beside them: which sums the balance is of the text does not say). What is carried
    into next year (`结转`) is no such balance: a carry-over may hold other sums than this year's funds."""
    if not LEFT_OF_FUNDS.search(m.key) or "结转" in m.key:
        return None
    money = [
        (x, q)
        for x in before
        if (q := exact_of(x, bq.base_unit)) is not None and not in_brackets(draft, x.sentence, x.start)
    ]
    if len(money) != 2 or not all(agree_open(x.identity.context, m.identity.context) for x, _ in money):
        return None
    (funds, income), (spending, expense) = money
    if not (RECEIVED.search(funds.key) and "支出" in spending.key and not RECEIVED.search(spending.key)):
        return None
    if income.base_value < expense.base_value:
        return None
    certain = funds.sentence == spending.sentence == m.sentence
    return Balance(income, expense, bq, m.sentence, certain=certain)


def _only_spending(own: list[Mention], bq: Quantity) -> bool:
    """Does the balance's own sentence state no money before it but, at most, the expenditure alone
    (`社会保险基金支出 Y，收支相抵，当年结余 Z`, the income stated in the sentence before; `…支出 Y。当年收入减去当年
    支出，当年结余 Z`)? The sentences before it in its paragraph may state more (the sides' parts, their rates):
    `_offset_across` takes the sides only where nothing but such figures stands between them and the balance."""
    money = [x for x in own if exact_of(x, bq.base_unit) is not None]
    return not money or (len(money) == 1 and _whole_side(money[0]) == "支出")


def _offset_said(draft: Draft, m: Mention, bq: Quantity) -> bool:
    """Does the balance's sentence say, before it, that it is income less spending (`收支相抵，…结余 Z`)?"""
    return bool(OFFSET_WORDS.search(draft.doc.text, draft.doc.sentences[m.sentence].start, bq.start))


def _offsets(draft: Draft, m: Mention, bq: Quantity) -> bool:
    """Does the balance's sentence say, before it, that it is the year's income less its expenditure
    (`收支相抵，当年结余 Z`, `当年收支结余 Z`), of a surplus that is no stock at the year's end?"""
    sentence = draft.doc.sentences[m.sentence]
    return bool(OFFSET_WORDS.search(draft.doc.text, sentence.start, bq.start)) and not (
        YEAR_END.search(m.key) and not OFFSET.search(m.key)
    )


def _offset_across(draft: Draft, m: Mention, bq: Quantity, taken: Callable[[Context], Context]) -> Balance | None:
    """`…收入 X（其中…）。…支出 Y（其中…）。收支相抵，当年结余 Z`, the balance's paragraph stating nothing else
    before it: Z is X − Y, the income and the expenditure stated last before it under its heading, each named as
    the side itself (`收入`, `社会保险基金支出`, `支出合计`: not one of its kinds). Between them and Z only the
    parts of their lists, figures of other years and figures of no money may stand: any other sum may or may
    not have been taken out, which the text does not say. (`taken`: how an estimate's stage is read, `_outcome` or
    `_planned`.)"""
    ctx = taken(m.identity.context)
    expense: Quantity | None = None
    for x in _before(draft, m):
        if not same_section(draft, x.start, bq.start):
            return None
        q = exact_of(x, bq.base_unit)
        if q is None or draft.is_part(x):
            continue
        if not agree_open(taken(x.identity.context), ctx, period=False):
            return None  # a sum of another scope or fund stands between
        if not agree_open(taken(x.identity.context), ctx):
            continue  # last year's figure (`上年收入、支出分别为 A 和 B`)
        side = _whole_side(x)
        if expense is None and side == "支出":
            expense = q
            # (a balance naming no scope or stage of its own takes the expenditure's: `全县收入 A。县本级支出 B。
            # 当年结余 Z` is no balance of the two)
            ctx = taken(x.identity.context)
        elif expense is not None and side == "收入":
            return Balance(q, expense, bq, m.sentence, certain=False) if q.base_value != expense.base_value else None
        else:
            return None
    return None


def _after_resources_above(draft: Draft, m: Mention, bq: Quantity) -> Balance | None:
    """`（一）收入预算 …收入安排 A。加上年结转 B，收入总计 X。（二）支出预算 …支出安排 Y，其中…。按 p% 的比例调出资金 C。
    收支相抵，年末预计结余 Z`: a fund's budget set out under two headings, its resources under the one and its
    spending and the money it hands over under the other, closed by a sentence stating only what income less
    spending leaves: Z = X − Y − C. Read only where, walking back under the heading above the balance's, every
    figure of money is (after parts of lists and ratios) the money paid out (调出, 上解), then the fund's one
    spending named whole, then its total resources (`_brought_in`), each of the balance's context (an estimate,
    `预计结余`, a budget's); inferred (`certain=False`)."""
    ctx = _planned(m.identity.context)
    paid: list[Quantity] = []
    expense: Quantity | None = None
    for x in _before(draft, m):
        if not under_heading(draft, x.start, bq.start, 1):
            return None
        q = exact_of(x, bq.base_unit)
        if draft.is_part(x) or (q is None and all(y.base_unit != bq.base_unit for y in x.quantities)):
            continue  # (a part of the spending's list; `按 p% 的比例`, the ratio the money is handed over by; `表 2`)
        if expense is not None and q is not None and _brought_in(draft, x, ctx):
            return Balance(q, expense, bq, m.sentence, None, False, sorted(paid, key=lambda o: o.start))
        if q is None or not agree_open(_planned(x.identity.context), ctx):
            return None
        if expense is None and PAID_OUT.search(x.key) and not SIDE_TOTAL.search(x.key):
            paid.append(q)
        elif expense is None and _whole_side(x) == "支出":
            expense = q
        else:
            return None
    return None


def _brought_in(draft: Draft, x: Mention, ctx: Context) -> bool:
    """Is the figure a fund's total resources for the balance's year (`ctx`): named 收入总计, the total of a list of
    the fund's own income of that year and what last year brought forward (`上年结转 B`, or by the year before's
    date, `2025年结转 B` in a budget of 2026)? (Its own year may be read off that part's date: the list's, then.)"""
    if "收入总计" not in x.key or not agree_open(x.identity.context, ctx, period=False):
        return False
    year = int(ctx.period) if ctx.period and ctx.period.isdigit() else None
    for b in draft.facts.breakdowns:
        if b.total is not x:
            continue
        income = [p for p in b.parts if _whole_side(p) == "收入" and agree_open(p.identity.context, ctx)]
        forward = [p for p in b.parts if OPENING.search(p.label) or _year_before(p.label, year)]
        if len(income) == 1 and len(forward) == 1 and len(b.parts) == 2:
            return True
    return False


# what a year brought forward named by that year (`加上2025年结转 B`)
DATED_CARRIED = regex(r"(\d{4})年(?:结转|结余)")


def _year_before(label: str, year: int | None) -> bool:
    found = DATED_CARRIED.search(label)
    return found is not None and year is not None and int(found.group(1)) == year - 1


def _outcome(c: Context) -> Context:
    """The context with an estimated outcome (`预计全县社会保险基金收入 A`) taken as the outcome: a report on the
    year not yet closed says 预计 of one sentence and not of the next (`社会保险基金支出 B，收支相抵，当年结余 C`),
    the same year's figures either way."""
    return replace(c, stage="执行") if c.stage == "预计执行" else c


# the stages a budget draft words its coming year's figures in besides 预算: an estimate (`收入预计 A`) and what is
# expected (`收入预期 A`, read as the stage 计划), the income a budget sets against the spending it arranges
ESTIMATED_STAGES = frozenset({"预计执行", "计划"})


def _planned(c: Context) -> Context:
    """The context with an estimate (`2026年社会保险基金预算收入预计 A`, `收入预期 A`) taken as the budget: a budget
    draft estimates the coming year's fund income and surplus and arranges its spending (`支出安排 B。收支相抵，当年收支
    结余预计 C`), the same year's budget either way. Asked only after `_outcome` found no sides: the income then
    agrees with a spending at the budget stage, never with an outcome."""
    return replace(c, stage="预算") if c.stage in ESTIMATED_STAGES else c


def _whole_side(x: Mention) -> str:
    """The side (`收入`, `支出`) a figure states as a whole: named by the side alone, with its fund's name
    (`社会保险基金收入` of a 社会保险基金预算), or as the side's total (`本年支出合计`); "" for anything else."""
    item = _item(x)
    fund = (x.identity.context.fund or "").removesuffix("预算")
    # (a social insurance passage names each insurance's fund by its insurance, then its sides as the fund's
    # alone: `（一）失业保险。基金收入 A，…基金支出 B`; a government fund's `基金收入` may be one kind of its income)
    insured = fund == "社会保险基金"
    for side in ("收入", "支出"):
        if item == side or (fund and item == fund + side) or (SIDE_SUM.search(item) and side in item):
            return side
        if insured and item == "基金" + side:
            return side
    return ""


def _within_total(draft: Draft, x: Mention, expense: Mention | None) -> bool:
    """Is a figure between a side's total and the balance carried forward one of those the expenditure's total
    holds (stated in its sentence before it, or a part of a list)?"""
    if draft.is_part(x):
        return True
    return expense is not None and x.sentence == expense.sentence and x.start < expense.start


def _side(window: list[Mention], word: str, like: Quantity, ctx: Context) -> Quantity | None:
    """The side's total when named (`收入决算结果 X`), else the one figure named as that side (`收入 X`); of
    the figures whose context agrees with the balance's (`ctx`)."""
    named = [m for m in window if word in m.key and SIDE_TOTAL.search(m.key) and agree_open(m.identity.context, ctx)]
    if named:
        return exact_of(named[-1], like.base_unit)
    of_fund = [m for m in window if word in m.key]
    if len(of_fund) == 1 and _one_fund(window, of_fund[0]) and agree_open(of_fund[0].identity.context, ctx):
        # the fund's own total named with its fund (`社保基金预算总收入安排`, `机关事业养老保险基金总收入`), the window's
        # only figure of that side: no part of it nor another fund's total beside it to take it for
        return exact_of(of_fund[0], like.base_unit)
    if len(_funds_named(window)) > 1:
        return None  # `甲基金总收入 A，乙基金总支出 B`: the totals of two funds, no sides of one balance
    plain = [m for m in window if m.key.endswith(word) and agree_open(m.identity.context, ctx)]
    if not plain:
        # the item without its stage words (`收入预算安排` is 收入 at the budget stage), when the figure is the
        # side's only one: `收入预算 A，调整为 B，实际完成 C` states the side at three stages, and which of them the
        # balance is of is not said (whatever their contexts: the stages of B and C disagree with A's)
        plain = [
            m
            for k, m in enumerate(window)
            if _planned_side(m, word) and _alone(window, k) and agree_open(m.identity.context, ctx)
        ]
    if len(plain) != 1:
        return None  # several incomes (一般公共预算收入, 债务收入 …) and no total: not this relation
    return exact_of(plain[0], like.base_unit)


def _one_fund(window: list[Mention], m: Mention) -> bool:
    """Is `m` a side's total named after its fund, and every side's total in the window so named of that fund
    (`甲基金总收入 A，乙基金总支出 B` are no sides of one balance; `甲基金总收入 A，总支出 B` are)?"""
    own = FUND_SIDE_TOTAL.match(m.key)
    return own is not None and _funds_named(window) == {own.group(1)}


def _funds_named(window: list[Mention]) -> set[str]:
    """The funds the window's side totals are named after (`甲基金总收入`)."""
    return {found.group(1) for x in window if (found := FUND_SIDE_TOTAL.match(x.key)) is not None}


def _item(m: Mention) -> str:
    return m.identity.item or ""


def _planned_side(m: Mention, word: str) -> bool:
    """Is the figure named as the side `word` (收入, 支出), the word of a budget's arrangement after it aside
    (`总收入安排 A，总支出安排 B，年度收支结余 C`: the sides of a fund's budget)? By its item (`收入预算安排` is 收入 at
    the budget stage) or its own words (`总支出安排`, whose item the labeller names 本年支出合计)."""
    return _item(m).removesuffix("安排").endswith(word) or m.key.removesuffix("安排").endswith(word)


def _alone(window: list[Mention], k: int) -> bool:
    """Is the figure after window[k] another side's (or none)?"""
    if k + 1 == len(window):
        return True
    return any(_planned_side(window[k + 1], w) for w in ("收入", "支出"))


# the ratio of the money a fund hands over (base.HANDED_OVER) named by the same words (`调出比例`,
# `调入一般公共预算比例`), or naming the fund's income it is of (`调出比例为当年国有资本经营预算收入的`: item 调出比例为收入)
TRANSFER_RATIO = regex(f"^(?:{_alt('transfer_ratio')})(?:资金)?的?比例(?:为收入)?$")
NAMES_INCOME = regex(r"收入|总计|合计|总量")
# `按 30% 的比例调入一般公共预算 B`: a ratio named by nothing but 按, the money handed over right after it
BY_RATIO = regex(r"^[，、\s]*按(?:照)?$")
RATIO_THEN_TRANSFER = regex(f"^[，、\\s]*的?比例[，、\\s]*(?:{_alt('transfer_ratio')})")


def _exact_percent(m: Mention) -> Quantity | None:
    """The mention's first exact percentage, if any."""
    for q in m.quantities:  # (a loop, not a generator: asked of every figure of the document)
        if q.kind == "percent" and q.exact:
            return q
    return None


def transfer_ratios(draft: Draft) -> Iterator[Share]:
    """`国有资本经营预算收入 A，调出资金 B 用于补充一般公共预算，调出比例为 p%` (or `按 p% 的比例调入一般公共预算 B`):
    p is B over the fund's income A. Read only where the text leaves no doubt which figures they are: the ratio
    right beside the money handed over, and the income the nearest figure before them in their sentence that
    names an income or a total, named as the fund's income itself (not a part of it, `利润收入`, nor a total
    holding last year's balance, `收入总计`: of which a report may mean either). A sentence naming no income
    is of the income stated before it under its heading (`_income_before`)."""
    for si, mentions in draft.by_sentence.items():
        for k, ratio in enumerate(mentions):
            stated = _exact_percent(ratio)
            if stated is None:
                continue  # (most figures are no percentage: asked before the money beside it is looked for)
            moved = _moved_with(mentions, k)
            part = exact_of(moved, "元") if moved is not None else None
            if moved is None or part is None:
                continue
            first = min(k, mentions.index(moved))
            applied = first == k  # `按 p% 的比例调入 B`: B was worked out from the ratio
            income = next((x for x in reversed(mentions[:first]) if NAMES_INCOME.search(_item(x))), None)
            if income is None:
                across = _income_before(draft, moved, stated, part)
                if across is not None:
                    yield Share(stated, part, across, "", si, certain=False, applied=applied)
                continue
            if _item(income) != "收入" or draft.is_part(income):
                continue
            total = exact_of(income, "元")
            if total is None or not agree_open(income.identity.context, moved.identity.context):
                continue
            if _gives(stated, part, total) or not _of_capital_returns(draft, moved, stated, part):
                yield Share(stated, part, total, "", si, applied=applied)


def _moved_with(mentions: list[Mention], k: int) -> Mention | None:
    """The money handed over that the ratio `mentions[k]` is of: right before a ratio named by its words
    (`调出资金 B，调出比例 p%`), right after one named by 按 alone (`按 p% 的比例调入一般公共预算 B`)."""
    ratio = mentions[k]
    if k >= 1 and TRANSFER_RATIO.match(_item(ratio)) and HANDED_OVER.match(_item(mentions[k - 1])):
        return mentions[k - 1]
    if k + 1 < len(mentions) and BY_RATIO.match(ratio.label) and RATIO_THEN_TRANSFER.match(mentions[k + 1].label):
        return mentions[k + 1]
    return None


def _income_before(draft: Draft, moved: Mention, stated: Quantity, part: Quantity) -> Quantity | None:
    """The income a ratio handed over is of, when its sentence names none: the fund's own income (`收入`,
    `国有资本经营预算收入`) stated before it under its heading, one value in the handed-over money's context (scope,
    fund, stage, period); else the one income of any name stated there. Where the section names kinds of income
    besides (`利润收入`, `股利收入`), the ratio may be of one of them: it is read against the fund's income unless
    it is what one of those gives and the fund's income does not (then no relation). Where its heading states no
    income (`（二）支出执行情况` after `（一）收入执行情况`), the fund's own income under the heading above it (`一、…国有
    资本经营预算执行情况`), and only that."""
    named = _incomes_before(draft, moved, 0)
    own = [q for x, q in named if _whole_side(x) == "收入"]
    candidates = own or [q for _, q in named]
    if not named:
        # (a sibling section's kinds of income are not the money handed over's to choose from: the fund's own only,
        # which the heading above may state rounded first, `收入 10.37 亿元` before `103,702.31 万元`)
        named = _incomes_before(draft, moved, 1)
        candidates = _finest([q for x, q in named if _whole_side(x) == "收入"])
    if len({q.base_value for q in candidates}) != 1:
        return None
    base = candidates[-1]
    others = [q for _, q in named if q.base_value != base.base_value]
    if not _gives(stated, part, base) and (
        any(_gives(stated, part, q) for q in others) or _of_capital_returns(draft, moved, stated, part)
    ):
        return None
    return base


CAPITAL_RETURNS = frozenset(words("relations", "capital_returns"))


def _of_capital_returns(draft: Draft, moved: Mention, stated: Quantity, part: Quantity) -> bool:
    """Is the ratio what the fund's returns on capital give, its profits and dividends stated before the money
    handed over under its heading or the one above (in a 其中 list of the income too), both or one of them? Many
    places take the transfer ratio of those returns, not of the whole income, and a report seldom says so: a ratio
    they give is no error of the income's share."""
    ctx = moved.identity.context
    last: dict[str, Quantity] = {}
    for x in _capital_returns(draft):
        if x.start >= moved.start:
            continue
        q = exact_of(x, "元")
        near = under_heading(draft, x.start, moved.start) or under_heading(draft, x.start, moved.start, 1)
        if q is not None and near and agree_open(x.identity.context, ctx):
            last[_item(x)] = q
    if not last:
        return False
    bases = [q.base_value for q in last.values()]
    return any(gives_over(stated, part, b) for b in [sum(bases, Decimal(0)), *bases])


def _capital_returns(draft: Draft) -> list[Mention]:
    """The figures of the returns on state capital (`利润收入`, `股利收入`: vocab relations capital_returns), in the
    facts' order: picked once per document (`once`), not by walking every figure for each ratio handed over."""
    return once(draft, "sets.capital_returns", lambda: [x for x in draft.facts.mentions if _item(x) in CAPITAL_RETURNS])


def _finest(figures: list[Quantity]) -> list[Quantity]:
    """The figures written with the finest precision, where every other rounds to them (one value said twice, once
    rounded: `10.37 亿元`, `103,702.31 万元`); all of them otherwise."""
    if len(figures) < 2:
        return figures
    fine = min(q.ulp * q.scale for q in figures)
    finest = [q for q in figures if q.ulp * q.scale == fine]
    if len({q.base_value for q in finest}) != 1:
        return figures
    value = finest[0].base_value
    if all(abs(q.base_value - value) <= q.ulp * q.scale / 2 for q in figures):
        return finest
    return figures


def _incomes_before(draft: Draft, moved: Mention, up: int) -> list[tuple[Mention, Quantity]]:
    """The incomes stated before the money handed over under its heading (`up` levels above it), not listed as
    parts, in its context, each with its exact figure in 元. Above its heading, the fund's own income may be a part
    (`收入 A，加上年结转 B，收入总计 T`: A is still the income the fund's money is handed over from)."""
    ctx = moved.identity.context
    return [
        (x, q)
        for x in draft.facts.mentions
        if x.sentence < moved.sentence
        and _item(x).endswith("收入")
        and (not draft.is_part(x) or (up and _whole_side(x) == "收入"))
        and (q := exact_of(x, "元")) is not None
        and under_heading(draft, x.start, moved.start, up)
        and agree_open(x.identity.context, ctx)
    ]


def _gives(stated: Quantity, part: Quantity, whole: Quantity) -> bool:
    """Is the stated percentage part / whole, within a unit of its last digit?"""
    return gives_over(stated, part, whole.base_value)


def months_payable(draft: Draft) -> Iterator[MonthsPayable]:
    """`历年累计结余 X，预计可支付月数 N 个月`, with the year's expenditure stated before it (or a month's:
    `月平均支出 Y`)."""
    for si, mentions in draft.by_sentence.items():
        since = 0  # where the figures of the months payable read next begin
        for i, m in enumerate(mentions):
            if not MONTHS_WORD.search(m.key):
                continue  # (the words first: one search, where the figures' walk would be a generator per figure)
            months = next((q for q in m.quantities if q.base_unit == "个月" and q.exact), None)
            if months is None:
                continue
            # (`2024年末结余 A，按月均支出 B 计算，可支付 N 个月；2025年末预计结余 C，可支付 M 个月`: the months said
            # second are of C over a spending its clause does not state, another year's perhaps: B was the first's)
            before, since = mentions[since:i], i + 1
            balance = _accumulated_balance(before)
            expense = _last_money(before, "支出")
            if balance is not None and expense is not None:
                named = next(x for x in before if expense in x.quantities)
                monthly = bool(MONTHLY.search(named.label + named.key))
                yield MonthsPayable(months, balance, expense, si, monthly)


# a balance carried over the years (`年末累计结存`, `历年滚存结余`), which the months payable are of; and the words of one
# year's surplus alone (`当年结余`), which they are not
ACCUMULATED = ("累计", "滚存", "历年", "年末")
ONE_YEARS = ("当年", "本年")


def _accumulated_balance(before: list[Mention]) -> Quantity | None:
    """The balance the months payable are of: the last one accumulated over the years (`当年结余 a，年末累计结存 B，
    …可支付 N 个月`: B), else the last balance not named as one year's surplus."""
    balances = [m for m in before if "结余" in m.key or "结存" in m.key]
    accumulated = [m for m in balances if any(w in m.label for w in ACCUMULATED)]
    return _last_money(accumulated or [m for m in balances if not any(w in m.label for w in ONE_YEARS)], "")


def _last_money(window: list[Mention], word: str) -> Quantity | None:
    for m in reversed(window):
        if word in m.key:
            q = m.of_unit("元")
            if q is not None and q.exact:
                return q
    return None


def scores(draft: Draft) -> Iterator[ScoreSet]:
    """An overall score followed, in its section, by numbered items each with its own score. Scores a passage
    places within one indicator (`产出指标中，数量指标得分 a，…`) are that indicator's, checked against it as a
    partial list; scores of indicators below a first-level one listed with it (vocab `score_children`, or what
    the overall score's definition in vocab/sums.yaml leaves out) are read as items of the overall score only
    in the reading that keeps them."""
    mentions = draft.facts.mentions
    # (an overall score is one of the document's exact figures in 分, `_score_or_none`: the mentions holding none are
    # not asked, and a document of none, most, is not walked)
    scored = {id(m) for m, _ in score_figures(draft).values()}
    if not scored:
        return
    lists = lists_by_total(draft)
    for idx, m in enumerate(mentions):
        total = _overall_score(draft, m, scored)
        if total is None:
            continue
        found = _score_items(draft, m, total, idx + 1, lists)
        within = _within(draft, found)
        top = [x for x in found if id(x) not in within]
        numbered = _numbered(draft, top)
        readings = [r for r in _readings(m, top) + numbered if len(r) >= 2]
        if readings and _some_under_subset(draft, m, total, top):
            # `综合得分 88 分，其中产出指标满分 40 分，得分 36 分；效益指标…`: a 其中 naming some indicators
            yield ScoreSet(total, [_score(x) for x in top], m.sentence, partial=True)
        elif readings:
            first, *others = ([_score(x) for x in r] for r in readings)
            yield ScoreSet(total, first, m.sentence, others)
        for heads in numbered:
            yield from _numbered_children(draft, heads)
        for parent in {id(p): p for p in within.values()}.values():
            children = [x for x in found if within.get(id(x)) is parent]
            if len(children) >= 2:
                yield ScoreSet(_score(parent), [_score(x) for x in children], children[0].sentence, partial=True)


def _overall_score(draft: Draft, m: Mention, scored: set[int]) -> Quantity | None:
    """The overall score the mention states (`总分 X 分`, `总分：X 分`), if it is one: one of the document's exact
    figures in 分 (`scored`, by id), no part of a list, named as an overall score."""
    total = _score_or_none(m) if id(m) in scored else None
    if total is None or draft.is_part(m) or not SCORE_TOTAL.search(m.key or _colon_name(draft, m)):
        return None
    return total


# `产出指标 50 分，得 48 分；效益指标 30 分，得 28 分；…总分 96.6 分`: each indicator's full marks, then what it
# scored, the overall score after them
MARKS_THEN_SCORE = regex(
    r"(?P<name>[\u4e00-\u9fff]{2,12}?)(?:满分|分值|权重)?(?:为)?\s*(?P<full>\d{1,3}(?:\.\d+)?)\s*分[，,]?\s*"
    r"(?:实际)?(?:得分|实得|得|评分|评价得分)(?:为)?\s*(?P<got>\d{1,3}(?:\.\d+)?)\s*分"
)
# `预算编制 9.5 分（分值 10 分），…`: each item's score, its full marks in brackets after it (the same groups)
SCORE_THEN_MARKS = regex(
    r"(?P<name>[\u4e00-\u9fff]{2,12}?)(?:[：:]\s*(?=得分|评分|实得|得))?(?:得分|评分|实得|得)?(?:为)?\s*"
    r"(?P<got>\d{1,3}(?:\.\d+)?)\s*分\s*"
    r"[（(](?:满分|分值|权重|标准分)(?:为)?\s*(?P<full>\d{1,3}(?:\.\d+)?)\s*分[）)]"
)
# `决策指标（20分）：得 18.5 分`, `决策（15分）13.5分`: the full marks in brackets after the name, the score after
# them (the same groups)
MARKS_BRACKETED = regex(
    r"(?P<name>[\u4e00-\u9fff]{2,12}?)[（(](?:满分|分值|权重|标准分)?(?:为)?\s*(?P<full>\d{1,3}(?:\.\d+)?)\s*分[）)]"
    r"[：:]?\s*(?:(?:实际)?(?:得分|实得|得|评分|评价得分)(?:为)?)?\s*(?P<got>\d{1,3}(?:\.\d+)?)\s*分"
)
# what may close a pair: its score as a rate of its full marks (`，得分率 92.5%`), read as a rate apart
PAIR_RATE = r"(?:[，,]\s*得分率(?:为)?\s*\d{1,3}(?:\.\d+)?\s*[%％])?"
# an item's number (`（2）`, `2、`, `二、`)
LIST_MARK = r"(?:[（(]\d{1,2}[)）]|\d{1,2}[、.．](?!\d)|[（(]?[一二三四五六七八九十][)）、])\s*"
# between two pairs: joining marks, and the number of the next item (`；\n（2）`)
MARKS_JOINED = regex(PAIR_RATE + r"[；;，,、。\s]*(?:" + LIST_MARK + r")?$")
# between the last pair and the overall score: a mark and the total's name (`。总分 `, `，综合得分为`)
UP_TO_TOTAL = regex(PAIR_RATE + r"[；;，,。\s]*[\u4e00-\u9fff]{0,10}\s*$")


def scores_before_total(draft: Draft) -> Iterator[ScoreSet]:
    """Each indicator's full marks and score listed before the overall score (`产出指标 50 分，得 48 分；…；
    预算执行率 10 分，得 9.6 分。总分 96.6 分`), in the total's sentence or, when the total opens its sentence, the
    one before in its paragraph: the total is the sum of the scores when the list is all of its indicators (the
    full marks make 100) and nothing but joining marks stands between the pairs and before the total's name.
    A total whose items another reading found (listed after it) is left to that one."""
    text, sentences = draft.doc.text, draft.doc.sentences
    setting = _score_setting(draft)
    if setting is None:
        return
    starts, read = setting
    for si, mentions, totals in _score_sentences(draft):
        if len(totals) != 1 or id(totals[0][1]) in read:
            continue
        m, total = totals[0]
        begin = sentences[si].start
        if mentions[0] is m and si > 0 and sentences[si - 1].paragraph == sentences[si].paragraph:
            begin = sentences[si - 1].start
        pairs = _marks_and_scores(text, begin, total.start)
        scores = _scores_of(pairs, starts) if pairs else None
        if scores is not None:
            yield ScoreSet(total, scores, si)


# the words that open the indicators' list after an overall score (`其中`, `各部分得分`)
LIST_OPENER = f"(?:{'|'.join(re.escape(w) for w in sorted(load('relations').get('score_list_openers') or [], key=len, reverse=True))})"
# between an overall score and the indicators' (marks, score) pairs listed after it (`。其中：`, `，其中，`), past
# the grade stated for it and the scale in brackets after that (`，等级为“良”（90分以上为优，…）。\n各部分得分：`,
# `…。\n各部分得分情况为：`)
TO_THE_PAIRS = regex(
    r"(?:[，,]\s*(?:自评|评价|绩效)?(?:等级|等次|结果|结论)(?:为|是|：|:)?\s*[“\"]?[\u4e00-\u9fff]{1,2}[”\"]?"
    r"(?:\s*[（(][^（）()\n]{0,80}[）)])?)?"
    # (and the scale in a sentence of its own: `。评分标准：90分以上为优，…，60分以下为差。`)
    r"(?:[。；;]\s*(?:评分|评价|等级|评定)?标准[：:][^。\n]{0,80})?"
    # (the opener naming the scores, then the verb of their list: `各一级指标得分分别为：`)
    rf"(?:[。，,；;\s]*{LIST_OPENER}(?:情况)?(?:分别)?(?:为|是|如下)?[：:，,]?\s*"
    # or the items numbered on the lines below it (`自评总分 88 分。\n（1）决策指标（20分）得…`)
    r"|[。：:；;]?[^\S\n]*\n\s*" + LIST_MARK + r")$"
)
# a line that opens the indicators' list (`其中：`, `各部分得分：`)
OPENER_LINE = regex(rf"\s*{LIST_OPENER}")


def scores_after_total(draft: Draft) -> Iterator[ScoreSet]:
    """The overall score, then each indicator's full marks and score (`自评得分 95.2 分。其中：决策指标满分 15 分，
    得 14.5 分；过程指标满分 20 分，得 18.2 分；…`), in its sentence or the next of its paragraph, or numbered on the
    lines after it (`（1）决策指标（20分）得 17 分；`): the total is the sum
    of the scores when the pairs are all the indicators (full marks making 100), joined by marks only, and
    nothing but `其中` stands between the total and them. A total another reading holds is left to it."""
    text = draft.doc.text
    setting = _score_setting(draft)
    if setting is None:
        return
    starts, read = setting
    for si, _, totals in _score_sentences(draft):
        # (the last overall score of its sentence: `本项目总分 100 分，自评得分 95.2 分。其中：…`, 100 the full marks)
        if id(totals[-1][1]) in read:
            continue
        total = totals[-1][1]
        end = _end_of_items(draft, si)
        pairs = _pairs_after(text, total.end, end)
        if not pairs or not TO_THE_PAIRS.match(text[total.end : pairs[0].start("name")]):
            continue
        if "full" not in pairs[0].re.groupindex and _in_a_breakdown(draft, pairs):
            continue  # `其中：决策 18 分，过程…`: the total's breakdown already holds the list (TO101's to judge)
        scores = _scores_of(pairs, starts)
        if scores is not None:
            yield ScoreSet(total, scores, si)


ITEM_LINE = regex(r"\s*" + LIST_MARK)
MAX_ITEMS = 8  # lines of numbered items looked at after an overall score (four first-level indicators, or more)


def _end_of_items(draft: Draft, si: int) -> int:
    """Where the pairs after the overall score of sentence `si` may end: the next sentence of its paragraph,
    or the numbered items on the lines right after it (`（1）决策指标（20分）得 17 分；\n（2）…`)."""
    sentences, text = draft.doc.sentences, draft.doc.text
    end = sentences[si].end
    k = si + 1
    if k < len(sentences) and sentences[k].paragraph == sentences[si].paragraph:
        end = sentences[k].end
        k += 1
    if k < len(sentences) and OPENER_LINE.match(text, sentences[k].start):
        # `评价得分 82.5 分，等级良。\n其中：决策（15分）得…`: the list opens the line after the score's own
        end = sentences[k].end
        k += 1
    while k < min(len(sentences), si + 1 + MAX_ITEMS) and ITEM_LINE.match(text, sentences[k].start):
        end = sentences[k].end
        k += 1
    return end


def _pairs_after(text: str, begin: int, end: int) -> list[re.Match[str]]:
    """The (full marks, score) pairs from `begin`, in either order (`决策指标满分 15 分，得 14 分`, `预算编制 9.5 分
    （分值 10 分）`), when they are all the indicators and joined by marks only; else the scores of the first-level
    indicators named alone (`决策 14.5 分，过程 19.2 分，产出 37 分，效益 22.5 分`); [] when none of these is."""
    for pattern in (MARKS_THEN_SCORE, SCORE_THEN_MARKS, MARKS_BRACKETED):
        pairs = list(pattern.finditer(text, begin, end))
        if all_joined(text, pairs):
            return pairs
    return _first_level_named(text, begin, end)


# `决策 14.5 分`, `项目过程得分 19.2 分`: an indicator's name and its score, no full marks
NAMED_SCORE = regex(
    r"(?P<name>[\u4e00-\u9fff]{2,10}?)(?:得分|得)?(?:为)?\s*(?P<got>\d{1,3}(?:\.\d+)?)\s*分(?![\u4e00-\u9fff（(）)])"
)


def _in_a_breakdown(draft: Draft, pairs: list[re.Match[str]]) -> bool:
    """Is a score of the list a part of a breakdown read already?"""
    parts = {q.start for b in draft.facts.breakdowns for m in b.parts for q in m.quantities}
    return any(p.start("got") in parts for p in pairs)


def _first_level_named(text: str, begin: int, end: int) -> list[re.Match[str]]:
    """Scores named by the first-level indicators (vocab `score_children`'s heads), each once and all of them,
    joined by marks only: with no full marks stated, only those names say the list is the overall score's."""
    found = list(NAMED_SCORE.finditer(text, begin, end))
    names = [_core(p.group("name")) for p in found]
    if sorted(names) != sorted(SCORE_CHILDREN):
        return []
    if not all(MARKS_JOINED.match(text[a.end() : b.start("name")]) for a, b in zip(found, found[1:])):
        return []
    return found


def _score_setting(draft: Draft) -> tuple[dict[int, Quantity], set[int]] | None:
    """The document's figures by where they start, and the overall scores another reading holds (by id); None
    for a document that states no score earned (no `得`, no `总分`)."""
    if "得" not in draft.doc.text and "总分" not in draft.doc.text:
        return None
    return quantities_at(draft), {id(x.total) for x in draft.facts.scores}


def _score_sentences(draft: Draft) -> list[tuple[int, list[Mention], list[tuple[Mention, Quantity]]]]:
    """The sentences stating an overall score, in order, with their mentions and `_score_totals`: found once for
    the readings before and after the total (`once`). A document of no exact figure in 分 states none (its
    sentences are not walked)."""
    return once(
        draft,
        "score_sentences",
        lambda: (
            [(si, ms, totals) for si, ms in draft.by_sentence.items() if (totals := _score_totals(ms))]
            if score_figures(draft)
            else []
        ),
    )


def _score_totals(mentions: list[Mention]) -> list[tuple[Mention, Quantity]]:
    """The sentence's overall scores (`自评得分 95.2 分`), each with its figure."""
    return [(m, q) for m in mentions if SCORE_TOTAL.search(m.key) and (q := _score_or_none(m)) is not None]


def all_joined(text: str, pairs: list[re.Match[str]]) -> bool:
    """Are the (full marks, score) pairs all the indicators (full marks making 100), joined by marks only?"""
    if len(pairs) < 2 or sum(Decimal(p.group("full")) for p in pairs) != 100:
        return False
    return all(MARKS_JOINED.match(text[a.end() : b.start("name")]) for a, b in zip(pairs, pairs[1:]))


def _scores_of(pairs: list[re.Match[str]], starts: dict[int, Quantity]) -> list[Quantity] | None:
    """The pairs' scores as the figures read there, each exact and in 分; None unless every one is."""
    got = [starts.get(p.start("got")) for p in pairs]
    scores = [q for q in got if q is not None and q.exact and q.base_unit == "分"]
    return scores if len(scores) == len(pairs) else None


def _marks_and_scores(text: str, begin: int, total: int) -> list[re.Match[str]]:
    """The (full marks, score) pairs between `begin` and the overall score at `total`, when they are all the
    indicators (full marks making 100), joined by marks only, and followed by nothing but the total's name."""
    for pattern in (MARKS_THEN_SCORE, MARKS_BRACKETED):
        pairs = list(pattern.finditer(text, begin, total))
        if all_joined(text, pairs) and UP_TO_TOTAL.match(text, pairs[-1].end(), total):
            return pairs
    return []


# a short name and a colon opening a sentence, right before its first figure (`总分：97.5分（…）`, `自评得分：88分`)
COLON_NAME = regex(r"\s*([\u4e00-\u9fff]{2,8})[：:]\s*")


def _colon_name(draft: Draft, m: Mention) -> str:
    """The name a figure of no words of its own has from the colon opening its sentence right before it: the
    labeller keeps such a name as the sentence's subject, not as the figure's label (`总分：97.5分（预算执行率得分
    9.5分，绩效指标得分88分）` states the overall score and its items as `自评总分97.5分（…）` does)."""
    if m.label.strip() or draft.by_sentence[m.sentence][0] is not m:
        return ""
    said = COLON_NAME.fullmatch(draft.doc.text, draft.doc.sentences[m.sentence].start, m.start)
    return said.group(1) if said else ""


def _score_or_none(m: Mention) -> Quantity | None:
    return next((q for q in m.quantities if q.base_unit == "分" and q.exact), None)


def _some_under_subset(draft: Draft, m: Mention, total: Quantity, items: list[Mention]) -> bool:
    """Are the items listed under 其中 in the overall score's own sentence, and some of its indicators only
    (not the whole of its definition, nor full marks that make 100)?"""
    if not items or any(x.sentence != m.sentence for x in items):
        return False
    if "其中" not in draft.doc.text[total.end : items[0].start]:
        return False
    return cover(m, items) is None and not full_marks_complete(draft.by_sentence.get(m.sentence) or [])


def _another_total(m: Mention) -> bool:
    """An overall score of something else (`甲项目综合得分 93 分，乙项目综合得分 81 分`), not an item score: named
    as an overall score and not as an indicator's (`产出指标自评得分` is an item)."""
    return bool(SCORE_TOTAL.search(m.key)) and not any(w in m.key for w in INDICATOR_WORDS)


def _score(m: Mention) -> Quantity:
    return next(q for q in m.quantities if q.base_unit == "分" and q.exact)


def _score_items(
    draft: Draft, m: Mention, total: Quantity, begin: int, lists: dict[int, list[Breakdown]]
) -> list[Mention]:
    """The scores after the overall one in its paragraph and in the sections below it (to the end of its
    section); a sibling with the overall score's label (自评得分 of the next indicator) is another total."""
    doc = draft.doc
    path = doc.section_path(total.start)
    home = doc.section_at(total.start)
    # the overall score's own 其中 list is its items where it names every first-level indicator of its
    # definition (`综合得分 95 分。其中：决策…，过程…，产出…，效益…`); a list naming some is partial (TO102's)
    own = {id(p) for b in lists.get(id(m), []) if b.exhaustive or cover(m, b.parts) is not None for p in b.parts}
    items = []
    listed = _listing_paragraphs(draft, m)
    again = _stated_again(draft, m, begin)
    scored: dict[int, bool] = {}  # (`_scored_heading` by section, asked of every item below it)
    # (the mentions after the overall score, from `begin`: walked, not copied, as every overall score is)
    mentions = draft.facts.mentions
    for i in range(begin, len(mentions)):  # (not islice: it would step over the mentions before `begin` each time)
        other = mentions[i]
        if not other.quantities:
            continue
        opath = doc.section_path(other.start)
        if opath[: len(path)] != path:
            break  # left the section of the total
        deeper = len(opath) > len(path)
        if _another_total(other) and not draft.is_part(other):
            # `总分 100 分。自评得分 92.4 分。其中：…`: the items after another overall score are that one's, as are
            # those after the overall score stated again in a section below (`得分 86 分` in the summary, then
            # `（一）综合评价结果 综合得分 86 分。其中：…`): that statement's list, not the summary's
            break
        if other.sentence == again:
            break  # (the same overall score stated again below, with items before it: another project's)
        if not (deeper or other.paragraph in listed) or other.key == m.key or _another_total(other):
            continue
        q = next((x for x in other.quantities if x.base_unit == "分" and x.exact), None)
        if q is None or not _named_scored(other) or (id(other) not in own and draft.is_part(other)):
            continue
        if deeper and _under_scored_heading(draft, other, home, scored):
            continue  # (`（二）过程指标（20分，得18分）`, then `资金管理得8.5分`: the heading's indicator's, not an item)
        items.append(other)
    return _stated_once(draft, items)


# the indicators a score may be named as (the first-level ones and those under them, vocab score_children)
INDICATOR_NAME = regex(alternation({*SCORE_CHILDREN, *(c for v in SCORE_CHILDREN.values() for c in v)}))


def _indicator_named(draft: Draft, m: Mention, after: int) -> str | None:
    """The indicator the words before the score name, back to `after` (the score before it in its sentence) or its
    sentence's start: the last one named (`，过程类指标满分 25 分，得分 20 分` is 过程's; `1.决策指标（满分 15 分，得分
    13 分）` is 决策's); None where they name none."""
    doc = draft.doc
    begin = max(after, doc.sentences[m.sentence].start)
    named = [x.group() for x in INDICATOR_NAME.finditer(doc.text, begin, _score(m).start)]
    return named[-1] if named else None


def _stated_once(draft: Draft, items: list[Mention]) -> list[Mention]:
    """The items, each indicator once: a summary's list stated again in the sections below it (`其中：决策类指标…得分
    13 分，过程类…`, then `1.决策指标（满分 15 分，得分 13 分）`, `2.过程指标…`) is one list, not two; the later
    statement of an indicator another paragraph named already with the same score is left out. Where the two
    statements differ the list is not known: none."""
    first: dict[str, Mention] = {}
    out: list[Mention] = []
    for k, m in enumerate(items):
        prev = items[k - 1] if k else None
        name = _indicator_named(draft, m, _score(prev).end if prev is not None and prev.sentence == m.sentence else -1)
        before = first.get(name) if name is not None else None
        if before is not None and before.paragraph != m.paragraph:
            if _score(before).value != _score(m).value:
                return []
            continue
        if name is not None:
            first.setdefault(name, m)
        out.append(m)
    return out


def _line_of(draft: Draft, offset: int) -> int:
    """The original's line a place of the normalised text stands on (a plain text's heading runs on into the line
    below in one sentence: the lines tell the heading from what is under it)."""
    return draft.doc.line_col(draft.doc.origin[offset])[0]


def _scored_heading(draft: Draft, sec: Section) -> bool:
    """Does the section's heading line state what its indicator scored (`（二）过程指标（20分，得18分）`, `（一）决策指标：
    满分15分，得分13.5分`), not its full marks alone (`（一）决策指标（15分）`)?"""
    heading = draft.by_sentence.get(draft.doc.sentence_index(sec.start)) or []
    return any(
        SCORED.search(x.label) and _score_or_none(x) is not None and _line_of(draft, x.start) == sec.line
        for x in heading
    )


def _under_scored_heading(draft: Draft, m: Mention, home: Section | None, scored: dict[int, bool]) -> bool:
    """Does the mention stand in the body of a section below `home` (the overall score's), on the lines under a heading
    line that states what its indicator scored? The scores there are that indicator's parts (`资金管理得8.5分` under
    `过程指标（20分，得18分）`), not items of the overall score. (A numbered paragraph opening with its indicator's score
    and going on with those under it on its line, `1.投入指标分值20分，得分18.00分。目标设定…`, is a list of its own.)
    `scored`: `_scored_heading` of the sections asked before, by id."""
    sec = draft.doc.section_at(m.start)
    line = _line_of(draft, m.start)
    while sec is not None and sec is not home:
        if line > sec.line:
            known = scored.get(id(sec))
            if known is None:
                known = scored[id(sec)] = _scored_heading(draft, sec)
            if known:
                return True
        sec = sec.parent
    return False


# what names a figure in 分 as a score awarded, not full marks (`得18分`, `得分13.5分`, `实际得分`)
SCORED = regex(r"得分?[为是：:]?$")


# an indicator named, then the verb alone before its points (`预算执行率指标得 9.73 分`, `产出得 37 分`): what it
# scored, as `…指标得分 49.64 分`; a 得 after anything else is a scoring rule's (`完成率达到100%得 5 分`, `…充分的得 3 分`)
INDICATOR_GOT = regex(f"(?:{alternation(set(INDICATOR_WORDS))})得$")


def _named_scored(m: Mention) -> bool:
    """The mention is named as what an indicator scored: `得分` in its name, or an indicator's name and 得."""
    return "得分" in m.key + m.label or bool(INDICATOR_GOT.search(m.label))


def _stated_again(draft: Draft, m: Mention, begin: int) -> int:
    """The first sentence after the overall score (its mentions from `begin` on) that states the same overall
    score again (another project's); -1 for none."""
    places, found = once(draft, "sets.mentions_by_key", lambda: _mentions_by_key(draft)).get(m.key, ([], []))
    for x in islice(found, bisect_left(places, begin), None):
        if _another_total(x) and not draft.is_part(x):
            return x.sentence
    return -1


def _mentions_by_key(draft: Draft) -> dict[str, tuple[list[int], list[Mention]]]:
    """The document's mentions by their item: their places among the mentions, and the mentions."""
    out: dict[str, tuple[list[int], list[Mention]]] = {}
    for k, x in enumerate(draft.facts.mentions):
        places, found = out.setdefault(x.key, ([], []))
        places.append(k)
        found.append(x)
    return out


LIST_GOES_ON = ("；", ";", "：", ":")  # how a paragraph ends whose list goes on in the next one
MAX_LIST_PARAGRAPHS = 12


def _listing_paragraphs(draft: Draft, m: Mention) -> set[int]:
    """The overall score's paragraph and those after it its list goes on into: each paragraph ending with `；` or
    `：` (`分项得分为：` / `产出指标（分值 50 分）得分 46.5 分；` / `效益指标…；`, a line each in a PDF's text) is followed by
    more of the list."""
    doc = draft.doc
    out = {m.paragraph}
    span = doc.paragraph_of(m.sentence)
    for _ in range(MAX_LIST_PARAGRAPHS):
        last = doc.sentences[span.stop - 1]
        if not doc.text[last.start : last.end].rstrip().endswith(LIST_GOES_ON) or span.stop >= len(doc.sentences):
            break
        span = doc.paragraph_of(span.stop)
        out.add(doc.sentences[span.start].paragraph)
    return out


# a clause that opens by naming the indicator its scores stand within (`产出指标中，`, `效益方面：`)
WITHIN = lazy(r"(?:^|[。；;])[\s，、]*(?P<name>[\u4e00-\u9fff]{1,12}?)(?:中|方面|项下)[，,：:]")
# what an indicator's name carries besides the indicator (`项目产出类指标得分` is 产出)
CORE = regex(r"^项目|类?(?:指标)?(?:得分|评分)?$")


def _core(name: str) -> str:
    return CORE.sub("", name)


def _within(draft: Draft, items: list[Mention]) -> dict[int, Mention]:
    """The scores a clause places within an earlier item (`产出指标中，数量指标得分 15 分，…`), by id, with that
    item. `其中，` in a sentence of its own opens the overall score's items, not an indicator's."""
    doc = draft.doc
    out: dict[int, Mention] = {}
    for k, m in enumerate(items):
        # the last clause opener before the figure
        opener = next(reversed(list(WITHIN.finditer(doc.text[doc.sentences[m.sentence].start : m.start]))), None)
        if opener is None or opener.group("name") == "其":
            continue
        name = _core(opener.group("name"))
        parent = next((p for p in reversed(items[:k]) if id(p) not in out and _core(p.key) == name), None)
        if parent is not None:
            out[id(m)] = parent
    return out


def _readings(total: Mention, items: list[Mention]) -> list[list[Mention]]:
    """The lists the overall score may be the sum of, the likeliest first: the first-level indicators its
    definition names; the items less the indicators listed under one of them (`数量指标` under `产出`); the same
    keeping an indicator alone under its parent (`满意度` may be an indicator of its own); every item."""
    out: list[list[Mention]] = []
    first = cover(total, items)
    if first is not None:
        out.append(first)
    parents = {_core(m.key) for m in items}
    under = {id(m): parent for m in items if (parent := _parent(m)) is not None and parent in parents}
    out.append([m for m in items if id(m) not in under])
    lone = {i for i, parent in under.items() if list(under.values()).count(parent) == 1}
    out.append([m for m in items if id(m) not in under or id(m) in lone])
    out.append(items)
    unique: list[list[Mention]] = []
    for r in out:
        if all([id(x) for x in r] != [id(x) for x in u] for u in unique):
            unique.append(r)
    return unique


# a paragraph opening with an item's number (`1.投入指标分值20分，得分18.50分。目标设定…`)
OPENS_NUMBERED = regex(r"\s*" + LIST_MARK)


def _numbered(draft: Draft, items: list[Mention]) -> list[list[Mention]]:
    """The reading of the numbered items alone, where each opens a paragraph of its own with its number and the
    scores after it there (`1.投入指标分值 20 分，得分 18.50 分。目标设定分值 8 分、得分 7.25 分；…`) are of the
    indicators under it; [] where the items are not so laid out."""
    doc = draft.doc
    first: dict[int, Mention] = {}  # each paragraph's first score
    for m in items:
        first.setdefault(m.paragraph, m)
    numbered = [
        m
        for p, m in first.items()
        if OPENS_NUMBERED.match(doc.text, doc.sentences[doc.paragraph_of(m.sentence).start].start)
    ]
    return [numbered] if 2 <= len(numbered) < len(items) and len(numbered) == len(first) else []


# an indicator's full marks and score (`目标设定分值 8 分、得分 7.50 分`, `投入指标分值 20 分，得分 19.00 分`)
ITEM_PAIR = regex(
    r"(?P<name>[\u4e00-\u9fff]{2,12}?)(?:满分|分值)(?:为)?\s*(?P<full>\d{1,3}(?:\.\d+)?)\s*分[，,、]?\s*"
    r"(?:实际)?得分(?:为)?\s*(?P<got>\d{1,3}(?:\.\d+)?)\s*分"
)


def _numbered_children(draft: Draft, heads: list[Mention]) -> Iterator[ScoreSet]:
    """In each numbered item's paragraph (its first score one of `heads`, the reading `_numbered` gives), the pairs of
    full marks and score after the item's own (`2.过程指标分值 30 分，得分 28.00 分。预算执行分值 20 分、得分 18.50 分；
    预算管理分值 10 分、得分 9.50 分`): the indicators under it, whose scores make its own where their full marks make
    its full marks exactly."""
    doc, at = draft.doc, quantities_at(draft)
    for m in heads:
        lines = doc.paragraph_of(m.sentence)
        begin, end = doc.sentences[lines.start].start, doc.sentences[lines.stop - 1].end
        pairs = list(ITEM_PAIR.finditer(doc.text, begin, end))
        if len(pairs) < 3:
            continue
        full = [Decimal(p.group("full")) for p in pairs]
        scores = [at.get(p.start("got")) for p in pairs]
        if sum(full[1:]) != full[0] or any(q is None for q in scores) or scores[0] is None:
            continue
        name = f"{pairs[0].group('name')}得分"  # (the numbered indicator's, `过程指标得分`)
        yield ScoreSet(scores[0], [q for q in scores[1:] if q is not None], m.sentence, name=name)


def _parent(m: Mention) -> str | None:
    """The first-level indicator a score's name places it under (vocab `score_children`)."""
    for parent, children in SCORE_CHILDREN.items():
        if any(c in m.key for c in children):
            return parent
    return None
