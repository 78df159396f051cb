"""Links by identity: the whole a share names (`占本年支出合计的 99.86%`), the earlier figure a change
compares with (`2022年收入 1,204.50 万元 … 2023年收入 1,352.78 万元，比上年增长 12.31%`), and shares listed
with no whole stated.

A link is made only to a figure that is the same quantity by identity (its item and every context field the
document states), and only when exactly one value qualifies; it is certain when both identities are
complete, inferred otherwise.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from tieout.linter.facts.definitions import defines, nested_kind, siblings, splits
from tieout.linter.facts.identity import document_wide
from tieout.linter.facts.model import Breakdown, Change, Identity, Mention, Share, ShareList
from tieout.linter.facts.passes.base import (
    PLACE_FIELDS,
    RESPECTIVELY_WORD,
    Completed,
    by_paragraph,
    converted,
    exact_figure,
    exact_of,
    list_total,
    lists_by_sentence,
    lists_by_total,
    of_relations,
    once,
    said_earlier,
    same_section,
    sentences_holding,
)
from tieout.linter.facts.passes.column_wholes import tabled_column_whole
from tieout.linter.facts.passes.item_runs import runs_of
from tieout.linter.facts.passes.list_terms import DIMENSION, alike
from tieout.linter.figures.context import BUDGET_STAGES, MIXED, Context, read, to_month
from tieout.linter.figures.intervals import HUNDRED, rounded, writes_ratio
from tieout.linter.figures.labels import GENERIC_ITEMS
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import lazy, regex
from tieout.linter.vocab import alternation, load, words

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft
    from tieout.linter.parse.tables.lookup import TableIndex
    from tieout.linter.text.model import Section


def mention_index(draft: Draft) -> dict[int, Mention]:
    """The mention of each figure, by where the figure starts: built once per document (kept on the draft; the
    passes add no mention and only read it)."""
    if draft.quantity_owner is None:
        draft.quantity_owner = {q.start: m for m in draft.facts.mentions for q in m.quantities}
    return draft.quantity_owner


def _same(a: Identity, b: Identity, context: Context) -> bool:
    """Same item and subject, and b's context agreeing with `context` (a's, as `_moved` gives it)."""
    return a.item == b.item and a.subject == b.subject and context.agrees(b.context)


def _moved(context: Context, period: str | None = None, stage: str | None = None) -> Context:
    """The context with `period` and `stage` in place of its own, when given."""
    moved = replace(context, period=period) if period is not None else context
    return replace(moved, stage=stage) if stage is not None else moved


def _certain(*ids: Identity) -> bool:
    return all(i.complete() and not i.inferred for i in ids)


def change_bases(draft: Draft) -> Iterator[Completed]:
    """The earlier figure of a change without its base or difference stated: the one figure of the same
    identity a year earlier (`2022年X … 2023年X，比上年增长 p%`; `上年X … 本年X`)."""
    owner = mention_index(draft)
    by_period: dict[str | None, list[Mention]] = {}  # the mentions of each period, in order: looked up per change
    for m in draft.facts.mentions:
        by_period.setdefault(m.identity.context.period, []).append(m)
    for c in draft.facts.changes:
        cur = c.current
        if cur is None or c.base is not None or cur.kind not in ("amount", "count"):
            continue
        own = owner.get(cur.start)
        if any(mv.quantity is not None and mv.quantity.base_unit == cur.base_unit for mv in c.movements):
            # the difference is stated: the base follows from it, unless the stock's opening is stated apart
            done = _difference_base(draft, c, own, cur, by_period) if own is not None else None
            if done is not None:
                yield done
            continue
        period = own.identity.context.period if own is not None else None
        earlier = year_before(period)
        if own is None or not own.identity.item or earlier is None:
            continue
        found = _year_before_base(draft, c, own, cur, by_period.get(earlier, []), earlier)
        if found is None and (same_basis := _same_basis_base(own, cur, by_period.get(earlier, []), earlier)):
            found = (same_basis, False)
        if found is not None:
            yield Completed(c, replace(c, base=found[0], certain=found[1]))


def _difference_base(
    draft: Draft, c: Change, own: Mention, cur: Quantity, by_period: dict[str | None, list[Mention]]
) -> Completed | None:
    """The base of a change whose difference is stated: the stock's opening stated apart, the budget before its
    adjustment, else the figure a year before found as a rate's base would be (`_stated_year_before`)."""
    same_period = by_period.get(own.identity.context.period, [])
    opening = _opening_of(same_period, own, cur) if c.comparison else None
    opening = opening or _before_adjustment(draft, c, own, cur, same_period)
    opening = opening or _initial_budget_said(draft, c, own, cur, by_paragraph(draft).get(own.paragraph, []))
    if opening is not None:
        return Completed(
            c, replace(c, base=opening[1], certain=c.certain and _certain(own.identity, opening[0].identity))
        )
    earlier = _stated_year_before(draft, c, own, cur, by_period)
    # (`2026年收入 A，比2025年增加 Δ` after `2025年收入 B`: the difference is checked against B as a rate would be)
    return Completed(c, replace(c, base=earlier[0], certain=earlier[1])) if earlier is not None else None


def _stated_year_before(
    draft: Draft, c: Change, own: Mention, cur: Quantity, by_period: dict[str | None, list[Mention]]
) -> tuple[Quantity, bool] | None:
    """The base of a change whose difference is stated (`比2025年减少 Δ`), found as a rate's would be
    (`_year_before_base`): where the figure it is compared with is stated too, the difference is checked."""
    earlier = year_before(own.identity.context.period)
    if not own.identity.item or earlier is None or not c.comparison:
        return None
    return _year_before_base(draft, c, own, cur, by_period.get(earlier, []), earlier)


# last year's figure restated on this year's basis (`上年同口径收入 B，其中税收收入 b`): the words open its item, or
# a heading above it (the list under it), and name what a plain comparison with last year compares with
SAME_BASIS = regex(r"(?:^|(?<=›))(?:同口径|可比口径)")


def _same_basis_base(own: Mention, cur: Quantity, mentions: list[Mention], earlier: str) -> Quantity | None:
    """`收入 A，下降 p%。其中：税收收入 a，增长 q%。上年同口径收入 B，其中税收收入 b`: where last year states no figure
    of own's identity, the one figure of it restated on this year's basis (its item, or the heading of the list it
    is in, opening with 同口径) is the base: of own's item and context, and of own's subject or of that subject
    and a list's total own's item is a kind of (b's 收支›同口径收入, 同口径 off, is a 收入 of a's 收支: 税收收入 ends
    with it). Inferred: the report names the figure otherwise."""
    context = _moved(own.identity.context, earlier)
    values: dict[Decimal, Quantity] = {}
    for m in mentions:
        ident = m.identity
        if not (SAME_BASIS.search(ident.item) or SAME_BASIS.search(ident.subject)):
            continue
        item, subject = SAME_BASIS.sub("", ident.item), SAME_BASIS.sub("", ident.subject)
        if item != own.identity.item or not context.agrees(ident.context) or not _kind_under(own, subject):
            continue
        for q in m.quantities:
            if q.base_unit == cur.base_unit and q.kind == cur.kind and q.exact:
                values.setdefault(q.base_value, q)
    return next(iter(values.values())) if len(values) == 1 else None


def _kind_under(own: Mention, subject: str) -> bool:
    """Is `subject` own's, or own's with a list's total own's item is a kind of (`收支›收入` of a 税收收入 of `收支`)?"""
    parent, _, last = subject.rpartition("›")
    item = own.identity.item
    return subject == own.identity.subject or (
        parent == own.identity.subject and len(last) >= 2 and item != last and item.endswith(last)
    )


# `（上年数分别为 a、b、c。）`: a sentence of last year's figures only, given respectively (分别) for those just stated;
# what they are may be named between (`上年同期上述税种分别为`, `上年民生五项支出分别为`), but for a budget, a plan or an
# estimate (`上年预算数分别为`): those are not what the changes compare with
RESPECTIVE_BASES = regex(
    r"^[（(]?\s*(?:上年|去年|上年度|上一年)(?:同期)?(?:(?:上述|以上|前述)?(?P<named>[\u4e00-\u9fff]{1,8}?))?"
    r"(?:数|同期数|执行数|完成数|同期)?分别(?:为|是)"
)
# (nor what a change came to, `上年同期增量分别为`: a change names no base)
NOT_OUTCOME = regex(alternation(words("relations", "not_outcome_bases")))
MIN_RESPECTIVE = 2


def respective_bases(draft: Draft) -> Iterator[Completed]:
    """`教育支出 A，增长 p%；社会保障和就业支出 B，增长 q%。（上年数分别为 a、b。）`: the sentence right after one whose
    every figure is a change's current, with no base, states last year's figures respectively: as many, in the same
    unit, the i-th the base of the i-th. Any other count, or another figure in either sentence, and which is whose
    is not said. Inferred: the bases are named by their order alone."""
    # (RESPECTIVE_BASES holds 分别: only the sentences holding it, found by one scan, and those right before them are
    # read, their figures gathered)
    holding = set(sentences_holding(draft, RESPECTIVELY_WORD))
    if not holding:
        return
    wanted = holding | {si - 1 for si in holding}
    changes: dict[int, list[Change]] = {}
    for c in draft.facts.changes:
        changes.setdefault(c.sentence, []).append(c)
    figures: dict[int, list[Quantity]] = {}
    for m in draft.facts.mentions:
        if m.sentence in wanted:
            figures.setdefault(m.sentence, []).extend(m.quantities)
    sentences = draft.doc.sentences
    for si in [si for si in figures if si in holding]:
        bases = figures[si]
        text = draft.doc.text[sentences[si].start : sentences[si].end].strip()
        done = changes.get(si - 1, [])
        said = RESPECTIVE_BASES.match(text)
        if len(bases) < MIN_RESPECTIVE or said is None or changes.get(si) or NOT_OUTCOME.search(said["named"] or ""):
            continue
        currents = sorted(figures.get(si - 1, []), key=lambda q: q.start)
        if len(done) != len(bases) or len(currents) != len(bases):
            continue
        ordered = sorted(done, key=lambda c: c.current.start if c.current is not None else -1)
        if not all(_respective(c, q, base) for c, q, base in zip(ordered, currents, bases, strict=True)):
            continue
        yield from (Completed(c, replace(c, base=b, certain=False)) for c, b in zip(ordered, bases, strict=True))


# a sentence of last year's figure alone (`上年缴纳税费为 B。`): what it is named, after 上年 and before the verb
LAST_YEAR_ALONE = regex(r"^[（(]?\s*(?:上年|去年|上年度|上一年)(?:同期)?(?P<named>[\u4e00-\u9fff]{2,12}?)(?:为|是)$")
# what may follow that figure in its sentence: nothing but its end
SENTENCE_CLOSED = regex(r"\s*[）)]?\s*[。；;]?\s*[）)]?\s*$")
SHARED_TAIL = 2  # characters the names of last year's figure and of the change's figure end with alike, at least


def last_year_after(draft: Draft) -> Iterator[Completed]:
    """`集团上缴各项税费 A，比上年下降 p%，其中：…。上年缴纳税费为 B。`: a sentence stating last year's figure alone, right
    after the sentence of the change that states none (in its paragraph, or opening the next under the same heading),
    is its base: where exactly one change of that sentence has a figure and no base, and its figure's name ends as
    last year's does (two characters at least: 税费), in the same unit. Not a budget, plan or change named so
    (`上年预算数为`). Inferred: the names differ."""
    changes: dict[int, list[Change]] = {}
    for c in draft.facts.changes:
        if c.current is not None and c.base is None:
            changes.setdefault(c.sentence, []).append(c)
    if not changes:
        return
    owner = mention_index(draft)
    sentences = draft.doc.sentences
    for si, said in draft.by_sentence.items():
        if si - 1 not in changes or len(said) != 1 or len(said[0].quantities) != 1 or not _same_paragraph(draft, si):
            continue
        named = LAST_YEAR_ALONE.match(said[0].label.strip())
        base = said[0].quantities[0]
        if named is None or NOT_OUTCOME.search(named["named"]) or not base.exact or base.kind != "amount":
            continue
        if SENTENCE_CLOSED.match(draft.doc.text[base.end : sentences[si].end]) is None:
            continue
        found = [c for c in changes[si - 1] if _named_alike(owner, c, named["named"], base)]
        if len(found) == 1:
            yield Completed(found[0], replace(found[0], base=base, certain=False))


def _same_paragraph(draft: Draft, si: int) -> bool:
    """Does sentence si go on from the one before: in its paragraph, or opening the next under the same heading (a
    line ending at a 。 may end the paragraph as read)?"""
    if si < 1:
        return False
    before, own = draft.doc.sentences[si - 1], draft.doc.sentences[si]
    return before.paragraph == own.paragraph or (
        before.paragraph == own.paragraph - 1 and same_section(draft, before.start, own.start)
    )


def _named_alike(owner: dict[int, Mention], c: Change, named: str, base: Quantity) -> bool:
    """Is the change's figure one like `base`, named with the same ending as last year's (`…上缴各项税费`,
    `缴纳税费`)?"""
    cur = c.current
    if cur is None or not cur.exact or cur.kind != base.kind or cur.base_unit != base.base_unit:
        return False
    own = owner.get(cur.start)
    label = own.label.strip() if own is not None else ""
    return len(label) >= SHARED_TAIL and label[-SHARED_TAIL:] == named[-SHARED_TAIL:]


def _respective(c: Change, current: Quantity, base: Quantity) -> bool:
    """Is the change the one of `current`, with no base yet, and `base` a figure like it?"""
    return (
        c.current is current
        and c.base is None
        and current.kind == base.kind == "amount"
        and current.base_unit == base.base_unit
        and current.exact
        and base.exact
    )


def change_currents(draft: Draft) -> Iterator[Completed]:
    """The later figure of a change that states only its base (`2025年全市政府债务限额 A。上年全市政府债务限额
    B，本年增加 Δ`; `…余额 A。与2024年末全市政府债务余额 B 相比，增长 p%`): the one figure stated before the change
    of the item and scope the base's own words name, a year after the base's period, its other context agreeing;
    one of them under the change's heading. Read only where the base's words name its year and an item of its own
    (not a generic word, unless they name its fund too: `上年财政拨款收入 B，本年增长 p%` is the fund's income), and
    the document states one value for it. Where the words name no scope, the scope is the one the base's figure is
    read in (a department's report states its own throughout)."""
    owner = mention_index(draft)
    for c in draft.facts.changes:
        base = c.base
        if c.current is not None or base is None or base.kind not in ("amount", "count") or not base.exact:
            continue
        item, said = draft.labeller.identify(_base_words(draft, base))
        if said.period is None or (draft.labeller.generic(item) and not said.known("fund")):
            continue
        own = owner.get(base.start)
        if said.scope is None and own is not None:
            said = replace(said, scope=own.identity.context.scope)
        found = _later_figures(draft, item, said, base)
        if len({q.base_value for _, q in found}) == 1 and any(
            _same_heading(draft, m.start, base.start) for m, _ in found
        ):
            yield Completed(c, replace(c, current=found[-1][1], certain=False))


def _same_heading(draft: Draft, a: int, b: int) -> bool:
    """Do two offsets stand under the same titled heading (an untitled section a numbered list leaves behind it,
    `按债务类型分：1.… 2.…` and the lines after, is still its heading's)?"""
    return _titled(draft.doc.section_at(a)) is _titled(draft.doc.section_at(b))


def _titled(sec: Section | None) -> Section | None:
    """The section itself where it has a title, else its nearest titled ancestor (None where none has)."""
    while sec is not None and not sec.title:
        sec = sec.parent
    return sec


# where the words naming a change's base begin: after the clause mark before it
CLAUSE_MARK = regex(r"[，,；;。：:]")


def _base_words(draft: Draft, base: Quantity) -> str:
    """The words of the base's clause before it (`与2024年末全市政府债务余额`, `上年全市政府债务限额为`)."""
    sentence = draft.doc.sentences[draft.doc.sentence_index(base.start)]
    text = draft.doc.text[sentence.start : base.start]
    marks = [m.end() for m in CLAUSE_MARK.finditer(text)]
    return text[marks[-1] if marks else 0 :]


def _later_figures(draft: Draft, item: str, said: Context, base: Quantity) -> list[tuple[Mention, Quantity]]:
    """The figures before the change named `item`, of the base's scope and of the year after its period."""
    out = []
    for m in draft.facts.mentions:
        ctx = m.identity.context
        if m.identity.item != item or not m.quantities or m.quantities[0].start >= base.start:
            continue
        later = ctx.period if ctx.known("period") else None
        if later is None or year_before(later) != said.under(ctx).period:
            continue
        if ctx.scope != said.scope or not replace(said, period=None).agrees(ctx):
            continue
        out += [(m, q) for q in m.quantities if q.base_unit == base.base_unit and q.kind == base.kind and q.exact]
    return out


# the words comparing an adjusted budget with the budget it adjusts (`比调整前增加 Δ`, `较调整前预算数减少 Δ`)
BEFORE_ADJUSTMENT = regex(r"^(?:比|较|与)调整前(?:预算数?)?(?:相比)?$")


def _before_adjustment(
    draft: Draft, c: Change, own: Mention, cur: Quantity, mentions: list[Mention]
) -> tuple[Mention, Quantity] | None:
    """`调整前，收入总计 A。调整后，收入总计 B，比调整前增加 Δ`: the base of an adjusted budget's change against the
    budget before the adjustment is the one figure of its identity (same item, subject, scope, fund, period: among
    `mentions`, those of its period) of the budget's stage, when the document states one value for it."""
    if own.identity.context.stage != "调整预算" or not BEFORE_ADJUSTMENT.match(c.comparison.replace(" ", "")):
        return None
    if not own.identity.item:
        return None
    found = _figures_of(mentions, own, cur, own.identity.context.period or "", "预算")
    if _scope_unsure(own, found):
        return None
    return found[0] if found and len({q.base_value for _, q in found}) == 1 else None


# a comparison with the budget as approved at the year's start (`较年初预算减少 Δ`, `比年初预算数增加 Δ`), its words
INITIAL_NAMED = "年初预算"  # the words of the initial budget a comparison names
BEFORE_INITIAL = regex(rf"^(?:比|较|与){INITIAL_NAMED}数?(?:相比)?$")


# the name of an owner of figures (`乙单位`, `所属中心`, `某某项目`): an adjusted budget of no item is against no
# initial budget this stands between
OWNER_NAMED = regex(alternation(words("differences", "owner_heads")))


def _same_owner_between(draft: Draft, m: Mention, own: Mention) -> bool:
    """Whether an adjusted budget of no item (own: `调整后全年预算 B`) is of the owner of the initial budget m
    before it: the same subject, and no other owner (a unit, a body, a project) named between them; else the
    figure may be another's (`甲单位年初预算 A。乙单位…调整后全年预算 B`)."""
    between = draft.doc.text[m.quantities[-1].end : own.start]
    return m.identity.subject == own.identity.subject and OWNER_NAMED.search(between) is None


def _initial_budget_said(
    draft: Draft, c: Change, own: Mention, cur: Quantity, mentions: list[Mention]
) -> tuple[Mention, Quantity] | None:
    """`年初预算安排 A，其中…。调整后全年预算 B，较年初预算减少 Δ`: the base of an adjusted budget's change against the
    initial budget is the one figure of its paragraph (`mentions`) named so (its label holds the budget the
    comparison names) of the budget's stage, scope, fund and period (own's, where it names one), stated before it. Own's item is the sentence's thing where its label is the
    stage alone (`调整后全年预算`); where it names an item, the base is of that item."""
    if own.identity.context.stage != "调整预算" or not BEFORE_INITIAL.match(c.comparison.replace(" ", "")):
        return None
    said = own.identity.context
    found = [
        (m, q)
        for m in mentions
        if m.start < cur.start
        and said.period in (None, m.identity.context.period)
        and INITIAL_NAMED in m.label
        and m.identity.context.stage == "预算"
        and (m.identity.context.scope, m.identity.context.fund) == (said.scope, said.fund)
        and (not own.identity.item or m.identity.item == own.identity.item)
        for q in m.quantities
        if q.base_unit == cur.base_unit and q.kind == cur.kind and q.exact
    ]
    if len(found) != 1 or not (own.identity.item or _same_owner_between(draft, found[0][0], own)):
        return None  # (of no item, the one initial budget stated must be of own's owner: `甲单位…。乙单位…`)
    return found[0]


def _year_before_base(
    draft: Draft, c: Change, own: Mention, cur: Quantity, mentions: list[Mention], earlier: str
) -> tuple[Quantity, bool] | None:
    """The base of a change a year before its figure (`mentions`, those of that year), and whether it is
    certain: the one figure of own's identity then, else last year's outcome a budget draft is compared with."""
    # `比上年执行数增长 p%` (a budget draft against last year's outcome): the base is of the stage it names
    comparison = c.comparison or _carried_comparison(draft, c, own)
    stage = draft.labeller.identify(comparison)[1].stage if comparison else None
    stage = stage if stage not in (None, "?") else None
    found = _figures_of(mentions, own, cur, earlier, stage)
    if _scope_unsure(own, found):
        return None
    if found and stage == BUDGET and _budget_named_either(comparison, found, mentions, own):
        return None
    if found and stage is None and own.identity.context.stage in DRAFT_STAGES:
        # (`2026年收入 A，比上年增长 p%` after `2025年收入 B，为预算的 r%（预算数 b）`: a draft's figure against last year
        # names no stage; last year's budget b and outcome B both stated, which one it is against is not said)
        if any(_figures_of(mentions, own, cur, earlier, done) for done in OUTCOME_STAGES):
            return None
    if len({q.base_value for _, q in found}) == 1 and len(found) >= 1:
        m, base = found[0]
        # (a comparison carried from the change before is read, not stated: the base is inferred)
        return base, c.certain and comparison == c.comparison and _certain(own.identity, m.identity)
    outcome = _outcome_base(draft, c, mentions, own, cur, stage) if not found else None
    return (outcome, False) if outcome is not None else None


# the stages of a year's budget: as approved at its start, or named so that it may be either (`上年预算数`), and as
# adjusted (a budget named as the start's, `比上年年初预算数`, is the first: INITIAL_BUDGET)
BUDGET, ADJUSTED_BUDGET = "预算", "调整预算"


def _budget_named_either(
    comparison: str, found: list[tuple[Mention, Quantity]], mentions: list[Mention], own: Mention
) -> bool:
    """`2026年收入 A，比上年预算数增加 Δ` where the year before states its budget at the start (`年初预算为 B`) and as
    adjusted (`调整为 B′`, in B's sentence or named as A is): `预算数` names either, and which one is not said (only
    `年初预算数` names the first)."""
    if INITIAL_BUDGET.search(comparison):
        return False
    at = {m.sentence for m, _ in found}
    said = own.identity.context
    return any(
        m.identity.context.stage == ADJUSTED_BUDGET
        and (m.sentence in at or m.identity.item == own.identity.item)
        and m.identity.context.scope in (None, said.scope)
        and m.identity.context.fund in (None, said.fund)
        for m in mentions
    )


def _carried_comparison(draft: Draft, c: Change, own: Mention) -> str:
    """The comparison a draft's change naming none takes from the last change before it under its heading that
    names one, where that one names last year's outcome (`收入预计 A，比2025年执行数增长 p%。支出预计 B，增长 q%`: the
    draft's figures are compared with that outcome, named once); "" for a change of another figure than a draft's,
    or where the last comparison named before it is another (`比上年`, `比预算`)."""
    if own.identity.context.stage not in (*DRAFT_STAGES, "预计执行"):
        return ""
    last = _compared_before(draft, c)
    if last is None:
        return ""
    return last.comparison if draft.labeller.identify(last.comparison)[1].stage in OUTCOME_STAGES else ""


def _compared_before(draft: Draft, c: Change) -> Change | None:
    """The last change before `c` under its heading that names what it compares with, if any (of two standing at
    one place, the first in the changes' order)."""
    at = _change_at(c)
    places, compared = of_relations(draft, "changes naming a comparison", lambda: _comparisons(draft))
    k = bisect_left(places, at)  # (the changes standing before `at` are compared[:k])
    if k == 0:
        return None
    last = compared[bisect_left(places, places[k - 1])]
    return last if _same_heading(draft, places[k - 1], at) else None


def _comparisons(draft: Draft) -> tuple[list[int], list[Change]]:
    """The changes naming what they compare with, by where they stand (`_change_at`, none at -1), and those places:
    sorted once per state of the relations, where a walk of every change for each change that asks grew with the
    square of a long report's changes. The sort is stable: of changes at one place, the first in the changes' order
    comes first (as `max` keeps it)."""
    placed = sorted(
        ((where, x) for x in draft.facts.changes if x.comparison and (where := _change_at(x)) >= 0),
        key=lambda pair: pair[0],
    )
    return [where for where, _ in placed], [x for _, x in placed]


def _change_at(c: Change) -> int:
    """Where a change stands: its current figure, else its first movement."""
    if c.current is not None:
        return c.current.start
    return min((m.start for m in c.movements), default=-1)


# the stages of a year's outcome a budget draft is compared with (`比上年执行数`, `比上年预计数`: a report on a year not
# yet closed states its outcome as 预计, and names it either way), and the stages of a draft's own figures
OUTCOME_STAGES = ("执行", "预计执行")
DRAFT_STAGES = ("预算", "计划")
FORESEEN = "预计执行"  # the stage of an outcome foreseen (`收入预计 A`)
INCOME_ITEM = regex(r"收入$")  # an item of income (`一般公共预算收入`, `税收收入`)
# a budget named in a label (`年初预算`, `为预算的`), not a fund's name (`一般公共预算`, `政府性基金预算`)
BUDGET_NAMED = regex(r"(?<!公共)(?<!基金)(?<!经营)预算")
ARRANGED = regex(r"(?<=.)安排$")  # `收入安排 A`: the budget's income, the item 收入
# an item naming the level that pays it and the levels paid (`省对市县转移支付`): the account it is of is that
# level's by its very name, where its sentence states no scope (`省对市县转移支付安排 A，比上年执行数增长 p%`)
PAYER_NAMED = regex(r"^(?:省|自治区|市|州|县|区)对(?:市县|县市|县区|区县|下级|下|市|县|区|乡镇)")


# a heading naming an account's income and spending together (`全市收支`, `市本级收支情况`, `全市收入预计和支出安排`: its
# item, context words off), or how the two balance (`省级一般公共预算收支平衡情况`: its totals of income and of
# spending, and their parts)
BOTH_SIDES = ("收支", "财政收支", "收支平衡", "财政收支平衡", "收入和支出")
SIDE_ITEM = regex(r"(?:收入|支出)$")  # an item of one side of an account


def _thing(draft: Draft, subject: str, item: str) -> str:
    """What the headings above a figure say it is of beyond its item and context words: `分险种›职工基本医疗保险基金`
    tells one fund's 收入 from another's, a heading `全区一般公共预算收入预算` over the draft's 收入 says nothing its
    item and context do not (the account of last year's outcome, under `全区一般公共预算`, is of the same thing), nor
    does a heading of both sides of an account (`1.全市收支`) over an income or a spending figure: it covers either,
    nor the side's grand total a list gives it as a part (`收入总计 T，包括：一般公共预算收入 A、上级补助收入 B…`: A is
    the account's own 收入, the figure a draft's 收入 is compared with, not a thing of its own)."""
    said = ("", item, item + "总计", *BOTH_SIDES) if SIDE_ITEM.search(item) else ("", item)
    return "›".join(p for p in subject.split("›") if draft.labeller.identify(p)[0] not in said)


def _outcome_base(
    draft: Draft, c: Change, mentions: list[Mention], own: Mention, cur: Quantity, stage: str | None
) -> Quantity | None:
    """`区本级一般公共预算收入安排 A，增长 p%` in a budget draft: the base is last year's outcome of the same item
    stated earlier in the report (`区本级一般公共预算收入 B`, in the account of the year's execution), read only
    where the change names no other stage, the draft's figure and the base state their scope (or the item names the
    level paying it, `省对市县转移支付`) and fund, and every
    figure of that item, scope and fund last year (`mentions`) is of the outcome with one value: a budget of the
    year before stated too may be what the draft is compared with, and so may one stated beside the outcome
    (`收入 B，完成预算的 102%（年初预算 b）`) unless the change names the outcome (`比上年执行数`). The headings a
    list gives its figures (`subject`) are compared, by what they name beyond the item and context words (`_thing`),
    only where both are the figures' own, not inferred from the lists they stand in. An income foreseen
    (`全市一般公共预算收入预计 A，增长 p%`) is forecast from the income received, whatever budget its sentence names."""
    ident, ctx = own.identity, own.identity.context
    # (`2026年收入预计 A，增长 p%`: a figure called an estimate is an outcome foreseen, a draft's or the year's own,
    # and an outcome grows over the outcome a year before it, where the change names that outcome or no change before
    # it under its heading names another comparison, `比上年增长`, that it may carry)
    foreseen = stage in OUTCOME_STAGES or _compared_before(draft, c) is None
    drafts = (*DRAFT_STAGES, FORESEEN) if foreseen else DRAFT_STAGES
    item = ARRANGED.sub("", ident.item)
    scoped = ctx.known("scope") or PAYER_NAMED.match(item) is not None
    if ctx.stage not in drafts or stage not in (None, *OUTCOME_STAGES) or not (scoped and ctx.known("fund")):
        return None
    found = _last_years(draft, mentions, own, cur, item)
    if stage in OUTCOME_STAGES:
        # the change names last year's outcome (`比2025年执行数增长 p%`): a budget of that year stated beside it
        # (`收入 B，为年初预算 b 的 102%`) is not what it compares with, and is no rival to the outcome
        found = [(m, q) for m, q in found if m.identity.context.stage in OUTCOME_STAGES]
    if not found or any(m.identity.context.stage not in OUTCOME_STAGES for m, _ in found):
        return None
    # (an income foreseen, `收入预计 A，增长 p%`, is forecast from last year's income received, never from its budget:
    # a budget named beside that outcome, `完成预算的 101%`, is no rival to it; spending foreseen may be planned on either)
    foreseen_income = ctx.stage == FORESEEN and INCOME_ITEM.search(item) is not None
    if (
        stage is None
        and not foreseen_income
        and any(BUDGET_NAMED.search(draft.doc.sentence_text(q.start)) for _, q in found)
    ):
        return None
    return _one_figure(found)


def _one_figure(found: list[tuple[Mention, Quantity]]) -> Quantity | None:
    """The one figure `found` all state: the most precise of them, where each other one is it to its own last digit
    (`县本级收入 90280.54万元` stated in the summary as `9.03亿元`, the figure rounded to a coarser unit); None where two
    tell different values."""
    finest = min((q for _, q in found), key=lambda q: q.ulp * q.scale)
    return finest if all(rounded(finest.base_value / q.scale, q.decimals) == q.value for _, q in found) else None


def _last_years(
    draft: Draft, mentions: list[Mention], own: Mention, cur: Quantity, item: str
) -> list[tuple[Mention, Quantity]]:
    """The figures like `cur` of last year's `mentions` named `item`, of own's scope and fund, and of the thing the
    headings above own name (`_thing`) unless either's heading is inferred from a list it stands in."""
    ident, ctx = own.identity, own.identity.context
    thing = _thing(draft, ident.subject, item)
    return [
        (m, q)
        for m in mentions
        if m.identity.item == item
        and (m.identity.context.scope, m.identity.context.fund) == (ctx.scope, ctx.fund)
        and (ident.inferred or m.identity.inferred or _thing(draft, m.identity.subject, item) == thing)
        for q in m.quantities
        if q.base_unit == cur.base_unit and q.kind == cur.kind and q.exact
    ]


# a stock at the end of the year (`年末实有人员`) and the names of the same stock a year earlier (`上年末实有人员`)
YEAR_END = regex(r"^(?:年末|年底|期末)")
OPENINGS = ("上年末", "上年底", "年初", "期初")


def _opening_of(mentions: list[Mention], own: Mention, cur: Quantity) -> tuple[Mention, Quantity] | None:
    """`年末实有人员 84 人，比上年增加 3 人。上年末实有人员 80 人`: the one figure stated for the same stock at
    the end of last year (上年末, 年初), in the same context (so among `mentions`, those of own's period), when
    the document states one value for it."""
    end = YEAR_END.match(own.identity.item)
    if end is None:
        return None
    names = {w + own.identity.item[end.end() :] for w in OPENINGS}
    found = [
        (m, q)
        for m in mentions
        if m is not own
        and m.identity.item in names
        and m.identity.subject == own.identity.subject
        and m.identity.context == own.identity.context
        for q in m.quantities
        if q.base_unit == cur.base_unit and q.kind == cur.kind and q.exact
    ]
    return found[0] if found and len({q.base_value for _, q in found}) == 1 else None


def year_before(period: str | None) -> str | None:
    """The period a year before: `2024` for `2025`, `-1` (上年) for `+0` (本年) where no year is known."""
    if not period:
        return None
    m = re.match(r"^([+-]\d+|\d{4})(.*)$", period)
    if m is None:
        return None
    year, rest = m.groups()
    return (f"{int(year) - 1:+d}" if year[0] in "+-" else str(int(year) - 1)) + rest


def _figures_of(
    mentions: list[Mention], own: Mention, like: Quantity, period: str, stage: str | None = None
) -> list[tuple[Mention, Quantity]]:
    """The figures like `like` of the mentions of `period` (all of them that period's) that are `own`'s
    identity in that period (and `stage`)."""
    out = []
    context = _moved(own.identity.context, period, stage)  # once, not once per candidate
    short = _fund_short_item(own.identity)
    summed = _summed_over_years(own)
    for m in mentions:
        if m is own or _summed_over_years(m) != summed:
            continue
        if not _same(own.identity, m.identity, context) and not (
            short
            and m.identity.item == short
            and m.identity.subject == own.identity.subject
            and context.agrees(m.identity.context)
            and m.identity.context.fund == context.fund
        ):
            continue
        out += [(m, q) for q in m.quantities if q.base_unit == like.base_unit and q.kind == like.kind and q.exact]
    return out


# a figure summed over the years up to its date (`截至2024年末累计完成改造 N 个`, `历年累计`): a stock of all the years
# so far, not one year's doing, whatever year it is dated; a year's months so far (`1—9月累计`) are that year's
SUMMED_OVER_YEARS = regex(r"累计|历年")


def _summed_over_years(m: Mention) -> bool:
    """Is the figure summed over the years up to its date? Such a figure and a year's own (`2025年完成改造 n 个`) are
    two quantities, never one's base the other's current figure: the year's change is against the year before's own."""
    return SUMMED_OVER_YEARS.search(m.label) is not None and not to_month(m.identity.context.period)


def _scope_unsure(own: Mention, found: list[tuple[Mention, Quantity]]) -> bool:
    """Is the scope of a figure found for own's identity stated where own's is not, or the other way round
    (`市本级税收收入 a` against a `税收收入 B` whose account names no level)? Whether B is the whole jurisdiction's or
    its own level's is then not known, and no figure of one scope is the base of another's: nothing is read."""
    unscoped = own.identity.context.scope is None
    return any((m.identity.context.scope is None) != unscoped for m, _ in found)


# a fund's side named by the fund's short name (`上年全省基金收入为 B`, in the government funds' section: the fund's
# 收入), the funds whose name ends so
FUND_SHORT = "基金"
FUND_SHORT_OF = ("政府性基金预算", "社会保险基金预算")


def _fund_short_item(own: Identity) -> str:
    """The item a figure of a fund's side (`收入`, `支出`) has where its words name the fund by its short name
    (`基金收入`), the fund known and one so named; "" for any other."""
    fund = own.context.fund
    return FUND_SHORT + own.item if fund in FUND_SHORT_OF and own.item in ("收入", "支出") else ""


def share_bases(draft: Draft) -> Iterator[Completed]:
    """`培训费 50 万元，占本年支出合计的 10%`: the whole is named, not listed; find the one figure of that
    item in the share's context."""
    owner = mention_index(draft)
    lists = _list_totals(draft)
    paragraphs = by_paragraph(draft)
    # the whole each paragraph's shares name by the same words, once found (by paragraph and words)
    named: dict[tuple[int, str], tuple[Share, Quantity]] = {}
    # (the shares of a list whose named whole is, by definition, the sum of its listed parts, `A a，占“三公”经费的 p%；
    # B b，占“三公”经费的 q%；C c，…`, are share_lists' to read: their whole is the parts' sum, certain. Only where
    # every share names it: no other pass completes such shares before share_lists, which reads the same list)
    defined = {
        id(x) for sl in share_lists(draft) if sl.defined and all(x.base_label for x in sl.shares) for x in sl.shares
    }
    found: list[tuple[Share, Share, tuple[str, str, int]]] = []
    # the wholes a part under a heading stands above, by the words naming them there (`流动资产 a，占资产总额的 p%；
    # 固定资产 b，占资产总额的 q%`, where b is above the 资产总额 found, one department's stated later): the words
    # of one heading name one figure, so a whole one of its parts is above is the whole of none of them
    refused: set[tuple[str, str, int]] = set()
    for s in draft.facts.shares:
        if s.part is None or not s.base_label or id(s) in defined or (part := owner.get(s.part.start)) is None:
            continue
        done = s if s.total is not None else _share_base(draft, s, part, owner, lists, paragraphs)
        done = done or _sibling_whole(s, part, named) or _added_whole(draft, s, owner)
        if done is None or done.total is None:
            continue
        key = (part.identity.subject, _words(s.base_label), done.total.start)
        if _below_its_part(done, part, owner):
            refused.add(key)
            continue
        if part.identity.context.known("scope"):
            named.setdefault((part.paragraph, _words(s.base_label)), (done, done.total))
        if done is not s:
            found.append((s, done, key))
    yield from (Completed(s, done) for s, done, key in found if key not in refused)


# a share's whole named as what a change added (`占支出调增额的`, `占收入增加额的`): the item, then the verb
ADDED_WHOLE = regex(r"^(?P<item>[\u4e00-\u9fff]{0,12}?)(?:调增|增加)额$")


def _added_whole(draft: Draft, s: Share, owner: dict[int, Mention]) -> Share | None:
    """`支出由 A 调整为 B，调增 Δ。…三项合计 c，占支出调增额的 p%`: a share of the amount a change added, the one
    change of the share's paragraph before it that states an amount added to the item its words name (the figure
    changed of that item, or no item named), in the part's unit. Inferred: the words name the amount, not the
    figure."""
    named = ADDED_WHOLE.fullmatch(_words(s.base_label))
    if named is None or s.part is None:
        return None
    item, paragraph = named.group("item"), draft.doc.paragraph_of(s.sentence)
    found = []
    for c in draft.facts.changes:
        if c.sentence not in paragraph or c.sentence > s.sentence:
            continue
        own = owner.get(c.current.start) if c.current is not None else None
        # (a figure a from-to states, `由 A 调整为 B`, may be no mention of its own: the change's words name it)
        if item and (own.identity.item if own is not None else draft.labeller.identify(c.label)[0]) != item:
            continue
        found += [
            m.quantity
            for m in c.movements
            if m.direction == "up"
            and m.quantity is not None
            and m.quantity.kind == "amount"
            and m.quantity.exact
            and m.quantity.base_unit == s.part.base_unit
            and m.quantity.start < s.part.start
        ]
    return replace(s, total=found[0], certain=False) if len(found) == 1 else None


def _below_its_part(s: Share, part: Mention, owner: dict[int, Mention]) -> bool:
    """Is the whole found in another paragraph for a share of 100% or less smaller than the share's part? Then it is
    no whole of it (`民生支出 457.12 亿元，占一般公共预算支出的 76.7%` is not of the 市本级's 2039320 万元 stated
    elsewhere). (A whole of the part's own paragraph stays: a part above it is the part's slip, a unit's or a digit's.)"""
    total, q = s.total, s.part
    if total is None or q is None or s.stated.value > 100 or total.base_unit != q.base_unit:
        return False
    whole = owner.get(total.start)
    if total.base_value >= q.base_value or (whole is not None and whole.paragraph == part.paragraph):
        return False
    # (a slipped digit or unit of the part may put it above its whole: `99.29%` of a part written in 亿元 for 万元;
    # only a whole below the part by more than those explain is another quantity)
    found = q.base_value / total.base_value * 100 if total.base_value else Decimal(0)
    stated = s.stated.value
    return (
        stated > 0
        and found > stated * SLIP_FACTOR
        and not any(abs(found / f - stated) <= stated / 20 for f in UNIT_SLIPS)
    )


# how far above the share stated a part's slipped digit may put it; the factors a slipped unit multiplies it by
SLIP_FACTOR = Decimal("1.5")
UNIT_SLIPS = (10, 100, 1000, 10000, 100000, 100000000)


def _words(base_label: str) -> str:
    """The words naming a share's whole, without the 的 ending them."""
    return base_label.strip().removesuffix("的")


def _sibling_whole(s: Share, part: Mention, named: dict[tuple[int, str], tuple[Share, Quantity]]) -> Share | None:
    """`全市民生支出 A，占一般公共预算支出的 p%。教育支出 b，…，占一般公共预算支出的 q%`: a part of no scope of its own
    (in a report of several, `全市和市本级`, the title's scope is mixed), whose whole's words name no scope either,
    is of the whole an earlier share of its paragraph names by the same words, found in the scope that share's part
    states (`named` holds only those): one paragraph's words name one figure. Inferred, as the part's own scope is
    not said."""
    if part.identity.context.scope not in (None, MIXED) or s.part is None:
        return None
    earlier = named.get((part.paragraph, _words(s.base_label)))
    if earlier is None or earlier[1].base_unit != s.part.base_unit or earlier[1].kind != s.part.kind:
        return None
    return replace(s, total=earlier[1], certain=False)


def _share_base(
    draft: Draft,
    s: Share,
    part: Mention,
    owner: dict[int, Mention],
    lists: dict[int, Mention],
    paragraphs: dict[int, list[Mention]],
) -> Share | None:
    """The share with the whole its words name found (share_bases), None where none is found with certainty."""
    taken = _taken_whole(draft, s)
    if taken is not None:
        return taken
    item, said = _whole_named(draft, s.base_label, part)
    if len(item) < 2:
        return _whole_of_stage(draft, s, said, part, lists)
    # the whole is in the part's context unless the words naming it say otherwise (`占全省…的`); a total it
    # names (`占本年支出合计的`) is of every fund unless its words name one: the part's fund is its own
    # (`一般公共预算财政拨款支出 X，占本年支出合计的 p%`)
    outer = part.identity.context
    if outer.stage == MIXED:
        # (a part whose paragraph names two stages, `部门预算及执行情况`, is of no one stage known: the whole is found
        # in the stage its own words or figures state, not in none)
        outer = replace(outer, stage=None)
    every_fund = draft.labeller.names_total(item) and not said.known("fund")
    if every_fund:
        outer = replace(outer, fund=None)
    wanted = Identity(item, said.under(outer))
    assert s.part is not None  # (share_bases reads only shares with a part)
    # (every figure of the item named, before the tests of _named_wholes)
    every = [
        (m, q)
        for m, q in _wholes(draft, wanted, s.part)
        if not _over_years(s, m) and not (every_fund and _adds_a_fund(draft, m, part))
    ]
    unplanned = _not_planned(_named_wholes(draft, every, part, said, wanted.context, lists), said, part)
    if unplanned is None:
        return None
    found = _without_the_part(s, unplanned)
    if found and all(_fund_part(wanted, part, m, q, lists) for m, q in found):
        # `收入合计 T。其中：财政拨款收入 a，…。支出合计 E，占收入的 p%`: the fund's part of a list carries the
        # bare item (收入), but the words name no fund, nor has the part one: the whole they mean is the list's
        # total, whose item is worded otherwise; which figure is meant is not certain
        return None
    if not found:
        return _inferred_whole(draft, wanted, s, part, owner, lists, paragraphs)
    tail_total = _own_total_by_tail(draft, s, part, item, lists.get(id(s.part)), found)
    if tail_total is not None:
        return (
            None
            if _doubtful(paragraphs, s, part, tail_total[0], lists)
            else replace(s, total=tail_total[1], certain=False)
        )
    if _either_budget(draft, s.base_label, said, wanted, s.part, every, lists):
        return None
    found = _of_scope_named(_in_own_paragraph(_under_own_subject(found, part), part), part)
    listed = _one_or_list_total(draft, found, s.base_label or item) or _own_total(found, lists.get(id(s.part)))
    if listed is None:
        return None
    m, total = listed
    if _without_carry_over(draft, s.base_label, m) or _doubtful(paragraphs, s, part, m, lists):
        return None
    return replace(s, total=total, certain=_certain(part.identity, m.identity))


def _adds_a_fund(draft: Draft, m: Mention, part: Mention) -> bool:
    """Do the own words of a figure found under the name of a total that a share's words give no fund (`占收入总计的`)
    add a fund to it (`财政拨款收入总计 T`), one the document as a whole is not of? That is the fund's total, narrower
    than the total of every fund the words name: another quantity (the department's `收入总计` is stated under
    other words, `部门收入总计`). Unless it is stated before the part under the part's own heading (its
    paragraph, or a heading the part stands under): the shorter words there take up the total just stated
    (`二、财政拨款收支情况 财政拨款收入总计 T。…一般公共预算拨款收入 a，占收入总计的 p%`)."""
    fund = read(m.label).context.fund
    if fund in (None, MIXED, draft.facts.document_context.fund):
        return False
    return not _stated_above(draft, m, part)


def _stated_above(draft: Draft, m: Mention, part: Mention) -> bool:
    """Is the figure stated before the part in its paragraph, or under a heading the part stands under too?"""
    if m.start >= part.start:
        return False
    if m.paragraph == part.paragraph:
        return True
    heading = draft.doc.section_at(m.start)
    if heading is not None and draft.doc.section_path(part.start)[: len(heading.path())] == heading.path():
        return True
    return _heading_names_fund(draft, part, read(m.label).context.fund)


def _heading_names_fund(draft: Draft, part: Mention, fund: str | None) -> bool:
    """Does a heading the part stands under name the total's fund (`三、财政拨款收入预算情况` under a sibling of the
    heading stating `财政拨款收入总计 T`)? Its shorter words then take up that fund's total, not every fund's."""
    return fund is not None and any(read(title).context.fund == fund for title in draft.doc.section_path(part.start))


def _own_total_by_tail(
    draft: Draft, s: Share, part: Mention, item: str, own: Mention | None, found: list[tuple[Mention, Quantity]]
) -> tuple[Mention, Quantity] | None:
    """`社会保险基金收入 T，其中：保险费收入 a，占基金收入的 p%` (and, in another section, `（一）某险种。基金收入 B`): a
    share naming its whole by the end of its own list's total's item (four characters at least), where every figure
    of that name stands under another heading than the part, is of its own list's total, stated under the part's
    heading: the figures of that name elsewhere are other wholes' (another kind's, a section's own). Inferred."""
    if own is None or s.part is None or len(item) < MIN_SUMMED or not own.identity.item.endswith(item):
        return None
    if not same_section(draft, own.start, part.start) or any(
        same_section(draft, m.start, part.start) for m, _ in found
    ):
        return None
    total = own.of_unit(s.part.base_unit)
    if total is None or total.kind != s.part.kind or not total.exact or total.base_value <= s.part.base_value:
        return None
    return own, total


# a share's whole named by what a verb of its sentence took and the thing taken (`占抽查资金的`, `占审计资金的`)
TAKEN_WHOLE = regex(r"^(?P<verb>抽查|抽审|审计|检查|核查)(?P<thing>[\u4e00-\u9fff]{1,6})$")
# the words that may come between the thing taken and its figure (`抽查…资金共 A`)
TAKEN_FIGURE = regex(r"(?:共计|共|合计|总计|计|为)?$")

CLAUSE_BREAK = regex(r"[，,；;]")
# a clause after the verb's that only states the amount of what it took (`抽查了 11 个市…，涉及资金 A`)
INVOLVED = regex(r"(?:共|合计)?涉及(?:资金|金额)(?:共计|共|合计|总计|计|为)?")


def _taken_whole(draft: Draft, s: Share) -> Share | None:
    """`审计抽查了 9 个市就业补助资金 A，发现问题金额 B，占抽查资金的 p%`: a share whose whole its words name by a verb
    and a thing (`抽查资金`) is over the one figure of the part's unit that the sentence states after that verb (said
    once before the part) and before the part, its words ending in the thing (`…就业补助资金 A`; or a clause after the
    verb's that only says what it involved, `，涉及资金 A`), not below the part. The sentence states which figure the
    verb took: certain. Two such figures (`抽查甲资金 A、乙资金 B`): none."""
    named = TAKEN_WHOLE.fullmatch(_words(s.base_label))
    if named is None or s.part is None or not 0 <= s.sentence < len(draft.doc.sentences):
        return None
    text, begin, verb = draft.doc.text, draft.doc.sentences[s.sentence].start, named.group("verb")
    if text.count(verb, begin, s.part.start) != 1:
        return None
    after = text.find(verb, begin, s.part.start) + len(verb)
    # (the figures of the share's sentence, looked up in its paragraph's mentions: `by_paragraph`, grouped once)
    paragraph = draft.doc.sentences[s.sentence].paragraph
    figures = [
        q
        for m in by_paragraph(draft).get(paragraph, [])
        if m.sentence == s.sentence
        for q in m.quantities
        if after <= q.start < s.part.start and q.kind == s.part.kind and q.base_unit == s.part.base_unit
    ]
    if len(figures) != 1 or not figures[0].exact or figures[0].base_value < s.part.base_value:
        return None
    between = text[after : figures[0].start]
    clauses = CLAUSE_BREAK.split(between)
    if len(clauses) > 1 and INVOLVED.fullmatch(clauses[-1].strip()) is None:
        return None  # (`抽查了 8 个项目，其中存在问题资金 A`: another clause's figure, not what was taken)
    words = TAKEN_FIGURE.sub("", between.rstrip())
    return replace(s, total=figures[0], certain=True) if words.endswith(named.group("thing")) else None


# a whole named as the year's (`占当年补贴农户的`), and a figure summed over years (`三年累计`, `历年`, `五年来`)
THIS_YEAR = regex(r"^(?:当年|本年|今年)度?")
OVER_YEARS = regex(r"累计|历年|[两二三四五六七八九十\d]+年(?:来|间|合计|共)")


def _inferred_whole(
    draft: Draft,
    wanted: Identity,
    s: Share,
    part: Mention,
    owner: dict[int, Mention],
    lists: dict[int, Mention],
    paragraphs: dict[int, list[Mention]],
) -> Share | None:
    """The share with a whole found where no figure bears the name its words give: its own list's total, a whole
    named shorter or bare, a fund's, a table's, an announced one (inferred: a warning at most)."""
    assert s.part is not None  # (share_bases reads only shares with a part)
    whole = (
        _own_list_total(draft, s, lists.get(id(s.part)))
        or _shortened_whole(draft, wanted, s, part)
        or _funds_unnamed_whole(draft, wanted, s, part)
        or _bare_total_whole(draft, wanted, s, part)
        or _short_fund_whole(draft, wanted, part, s.part, lists.get(id(s.part)))
        or _tabled_list_total(draft, wanted, lists.get(id(s.part)))
        or _tabled_row_whole(draft, s, part)
        or tabled_column_whole(draft, s, part)
        or _qualified_part_whole(draft, wanted, s)
        or _announced_whole(draft, wanted, s.part, part)
        or _paragraph_side_whole(draft, wanted, s, part)
        or _drawn_from_whole(draft, s, part)
    )
    if (
        whole is None
        or _doubtful(paragraphs, s, part, owner.get(whole.start), lists)
        or _over_years(s, owner.get(whole.start))
    ):
        return None
    return replace(s, total=whole, certain=False)


def _over_years(s: Share, m: Mention | None) -> bool:
    """Does the share name its whole as the year's (`占当年补贴农户的 p%`) while the figure is summed over years (`三年累计
    补贴农户 T`)? Then it is no whole of the share."""
    return m is not None and THIS_YEAR.match(s.base_label) is not None and OVER_YEARS.search(m.label) is not None


def _without_the_part(s: Share, found: list[tuple[Mention, Quantity]]) -> list[tuple[Mention, Quantity]]:
    return [(m, w) for m, w in found if not _the_part_again(s, w)]


def _the_part_again(s: Share, whole: Quantity) -> bool:
    """Is a figure found under the whole's name the part's own value, the share written not all of it? It is the part
    restated under another name (`项目支出执行 a，占全年支出的 p%` … `共实施项目 7 个，…实际支出 a`: the projects'
    spending, 项目支出 again), no whole of it."""
    assert s.part is not None  # (share_bases reads only shares with a part)
    return whole.base_value == s.part.base_value and s.stated.value < WHOLE_SHARE


# a share written as the whole (100%, or all but its rounding)
WHOLE_SHARE = Decimal("99.5")


# the stage of a plan or target (context.yaml stage 计划: 计划数, 目标, 预期)
PLAN_STAGE = "计划"


def _not_planned(
    found: list[tuple[Mention, Quantity]], said: Context, part: Mention
) -> list[tuple[Mention, Quantity]] | None:
    """The wholes found less the figures of a plan, where neither the share's words nor its part name one
    (`税收收入累计完成 A。全年税收收入计划 P。…合计 a，占税收收入的 p%`: words naming no plan mean what was done); None
    where the plan alone was found (the whole meant is not known)."""
    if not found or PLAN_STAGE in (said.stage, part.identity.context.stage):
        return found
    done = [(m, q) for m, q in found if m.identity.context.stage != PLAN_STAGE]
    return done or None


# words naming the initial budget, not any (`占年初预算的`)
INITIAL_BUDGET = regex(r"年初|原预算|调整前")


def _either_budget(
    draft: Draft,
    base_label: str,
    said: Context,
    wanted: Identity,
    q: Quantity,
    every: list[tuple[Mention, Quantity]],
    lists: dict[int, Mention],
) -> bool:
    """Do the words name an item's budget by no stage of it (`占项目支出预算的 p%`) in a report stating that item's
    budget adjusted too (`年初预算 T，其中项目支出 A。…调整后全年预算中，…项目支出 B`)? Which of the two is meant is not
    said: the adjusted one, as often as the initial one. `every`: the figures of the item `wanted` names (_wholes)."""
    if said.stage != BUDGET_STAGES[0] or INITIAL_BUDGET.search(base_label):
        return False
    adjusted = Identity(wanted.item, replace(wanted.context, stage=BUDGET_STAGES[1]))
    if _wholes(draft, adjusted, q):
        return True
    return any(
        (total := _listed_in(m, lists)) is not None and total.identity.context.stage == BUDGET_STAGES[1]
        for m, _ in every
    )


def _named_wholes(
    draft: Draft,
    every: list[tuple[Mention, Quantity]],
    part: Mention,
    said: Context,
    wanted: Context,
    lists: dict[int, Mention],
) -> list[tuple[Mention, Quantity]]:
    """The figures of the whole a share names: never the part itself restated (`一般公共预算拨款收入 X，占本年收入的
    p%…；…一般公共预算拨款收入 X`); the same item of another scope is another quantity (`县级支出 A，占全州支出的 p%`:
    全州支出 is the whole); nor last year's figure (`占一般公共预算支出的比重为 p%，比上年增长 r%（上年支出为 B）`), nor a
    part of a list whose whole states another stage than the share's words. `every`: the figures of the item
    named (_wholes), `wanted` the context they are read in."""
    undated = bool(every) and _undated_flow(draft, part)
    return [
        (m, w)
        for m, w in every
        if not _restated(part, m)
        and not said_earlier(draft, m, [part])
        and not _list_says_otherwise(draft, m, said, wanted, lists)
        and not _opening_only(m, part)
        and not _dated_stock_only(draft, m, part, undated)
        and not _scope_unsaid(draft, said, m)
        and not _one_level(draft, said, part, m)
    ]


def _scope_unsaid(draft: Draft, said: Context, m: Mention) -> bool:
    """Does the share name its whole's scope (`占市本级新增专项债券的 p%`) while the figure found under the whole's
    name states none (`新增专项债券 T`, in a paragraph on the bonds of the whole city)? It may be of another level;
    unless its paragraph names that scope before it and no other (`2024年，全县共实施项目 n 个。实际采购金额 T`: the
    county's, as the paragraph opened)."""
    if said.scope in (None, MIXED) or m.identity.context.scope is not None:
        return False
    return _paragraph_scope(draft, m) != said.scope


def _paragraph_scope(draft: Draft, m: Mention) -> str | None:
    """The scope the words of the figure's paragraph before it name (MIXED for two, None for none)."""
    sentences = draft.doc.sentences
    first = draft.doc.paragraph_of(m.sentence)[0]
    return read(draft.doc.text[sentences[first].start : m.start]).context.scope


SHARED_LEVELS = frozenset(words("context", "shared_levels"))


def _one_level(draft: Draft, said: Context, part: Mention, m: Mention) -> bool:
    """Is the figure found under the whole's name the item at one level of a revenue shared with the centre
    (`中央级税收收入 C`; context.yaml shared_levels) of a document that states
    it for the whole jurisdiction too (`全市累计组织税收收入 T`), while neither the share's words nor its part name a
    scope (`增值税 a，占税收收入的 p%`)? A whole named by its item alone is all of it."""
    scope = m.identity.context.scope
    if scope not in SHARED_LEVELS or said.scope is not None or part.identity.context.scope is not None:
        return False
    return m.identity.item in _whole_items(draft)


def _whole_items(draft: Draft) -> set[str]:
    """The items the document states for a whole jurisdiction (context.yaml's 全X scopes), found once."""
    return once(
        draft,
        "whole_items",
        lambda: {m.identity.item for m in draft.facts.mentions if (m.identity.context.scope or "").startswith("全")},
    )


# a stock at the start of the year (`2024年初全市政府债务余额`, `上年末`), not 年初 as a budget's stage (年初预算)
OPENING_BALANCE = regex(r"上年末|上年底|期初|年初(?!预算|计划|安排|批复|下达|部署)")


def _opening_only(m: Mention, part: Mention) -> bool:
    """Is the figure a stock at the year's start while the part's words say no such thing (`年初全市余额 A。…
    市本级余额 b，占全市的 p%`: b is at the year's end, as the report's balances are, and so is its whole)?"""
    return OPENING_BALANCE.search(m.label) is not None and OPENING_BALANCE.search(part.label) is None


# a figure stated at a date, as a stock or a running total is (`2024年末，提取总额 T`, `截至2024年底`), and the words
# that make a part a stock itself (`贷款余额 a`, `累计发放 a`)
AT_A_DATE = regex(r"年末|年底|期末|月末|月底|截至|截止")
STOCK_WORDS = regex(r"余额|结余|结存|存量|滚存|累计")


def _dated_stock_only(draft: Draft, m: Mention, part: Mention, undated: bool) -> bool:
    """Is the figure found in another sentence than the part's stated at a date (`2024年末，提取总额 T`: the total
    withdrawn since the fund began), while the part is a flow of the year that neither its sentence nor its words
    date (`undated`: `_undated_flow`, `住房消费提取 a，占提取总额的 p%`, of what was withdrawn in the year)? A stock at
    a date is no whole of a flow the reader was not told to read at that date; a part that is a stock (`贷款余额 a`) or
    dated keeps it."""
    if not undated or m.sentence == part.sentence or not 0 <= m.sentence < len(draft.doc.sentences):
        return False
    return AT_A_DATE.search(draft.doc.text, draft.doc.sentences[m.sentence].start, m.start) is not None


def _undated_flow(draft: Draft, part: Mention) -> bool:
    """Is the part a flow that neither its words nor its sentence before it date (no stock's word, no `年末`)? Asked
    once a share, not once a figure its whole may be (`_dated_stock_only`)."""
    sentences = draft.doc.sentences
    return (
        STOCK_WORDS.search(part.label) is None
        and 0 <= part.sentence < len(sentences)
        and AT_A_DATE.search(draft.doc.text, sentences[part.sentence].start, part.start) is None
    )


def _list_says_otherwise(draft: Draft, m: Mention, said: Context, wanted: Context, lists: dict[int, Mention]) -> bool:
    """Is the figure a part of a list whose whole states another stage, fund or period than the share's words
    name (`said`, as resolved in the part's context: `wanted`)? (`部门支出决算 T。其中：项目支出 b` is spent, not the
    `项目支出预算` a share after it names: b, of no stage its own words state, has the heading's until its whole's
    is passed on.) `lists`: the total of the list each listed figure is in (_list_totals)."""
    if not draft.is_part(m):
        return False
    total = _listed_in(m, lists)
    whole = total.identity.context if total is not None else None
    return whole is not None and any(
        getattr(said, f) not in (None, MIXED) and getattr(whole, f) not in (None, MIXED, getattr(wanted, f))
        for f in ("stage", "fund", "period")
    )


def _listed_in(m: Mention, lists: dict[int, Mention]) -> Mention | None:
    """The total of the list the figure is listed in (`lists`: _list_totals), if any."""
    return next((lists[id(q)] for q in m.quantities if id(q) in lists), None)


def _whole_named(draft: Draft, base_label: str, part: Mention) -> tuple[str, Context]:
    """The item and the context the words naming a share's whole give it."""
    # `占全部项目支出的 p%`: the whole of an item named in full is that item (a name of four characters at least:
    # `全部支出`, `全部收入` name a list's total, ALL_OF)
    item, said = draft.labeller.identify(ALL_OF_ITEM.sub("", base_label, count=1))
    if year := YEAR_TOTAL.fullmatch(base_label.strip()):
        # `收入合计 X。其中，A a，占本年收入的 p%`: the year's income as a whole (the 本年收入合计 a 收入合计
        # is), not whatever income figure is near (`财政拨款收入`, of the bare item 收入 too)
        item = f"本年{year[1]}合计"
    if len(item) < 2 and _scope_only(said, part):
        # `县级支出 A，占全州的 p%`: a whole named by its scope alone is the part's own measure over that scope
        item = part.identity.item
    return item, said


def _under_own_subject(found: list[tuple[Mention, Quantity]], part: Mention) -> list[tuple[Mention, Quantity]]:
    """Of the figures of several values found under a whole's name, those before the part under its own subject or
    one above it, where they state one value: `（三）部门支出 … 全年实际支出 T。基本支出 a，占实际支出的 p%` beside `（四）“三公”经费 …
    实际支出 b` (the 三公经费's spending, the subject its heading names, not the part's whole). All of them otherwise."""
    own = part.identity.subject
    # (stated before the part: a whole the reader has been given; one after it, in a later paragraph, is not certain)
    return _narrowed(
        found, lambda m: bool(m.identity.subject) and _above_or_same(m.identity.subject, own) and m.start < part.start
    )


def _narrowed(found: list[tuple[Mention, Quantity]], keep: Callable[[Mention], bool]) -> list[tuple[Mention, Quantity]]:
    """Of figures of several values, those `keep` holds of, where they state one value; all of them otherwise."""
    if len({q.base_value for _, q in found}) < 2:
        return found
    mine = [(m, q) for m, q in found if keep(m)]
    return mine if len({q.base_value for _, q in mine}) == 1 else found


def _above_or_same(subject: str, own: str) -> bool:
    """Is the subject the part's own, or one its own is under (`部门基本` over `部门基本›部门支出`)?"""
    return own == subject or own.startswith(subject + "›")


def _in_own_paragraph(found: list[tuple[Mention, Quantity]], part: Mention) -> list[tuple[Mention, Quantity]]:
    """Of the figures of several values found under a whole's name (`收入总计` of the general budget, and of the
    government funds in another section, where the name says no fund), those of the part's own paragraph in the
    part's context (its fund, stage), where they state one value: `上级补助收入 a，占收入总计的 p%，…。收入总计 T。`
    All of them where they state one value (nothing to choose), or the paragraph states none or several."""
    return _narrowed(
        found, lambda m: m.paragraph == part.paragraph and part.identity.context.agrees(m.identity.context)
    )


def _of_scope_named(found: list[tuple[Mention, Quantity]], part: Mention) -> list[tuple[Mention, Quantity]]:
    """Of the figures of several values found under a whole's name, those stating the scope the part's own words
    name, where they state one value: `全年全市民生支出 A，占一般公共预算支出 p%`, the city's 一般公共预算支出 stated
    for 全市, not the spending of a zone the report sets out under a heading of its own (`（二）高新区 … 一般公共预算
    支出 b`, whose words name no scope). All of them where the part's words name none."""
    scope = read(part.label).context.scope
    if scope in (None, MIXED):
        return found
    return _narrowed(found, lambda m: m.identity.context.scope == scope)


def _own_total(found: list[tuple[Mention, Quantity]], own: Mention | None) -> tuple[Mention, Quantity] | None:
    """`全省一般公共预算收入 X。其中，税收收入 a，占一般公共预算收入的 p%`, the name having other values elsewhere (`省级
    一般公共预算收入 Y`, where the part's scope is not said): the total of the list the part is in, where it is one of
    the figures found under that name, is the whole the share names."""
    if own is None:
        return None
    return next(((m, q) for m, q in found if m is own), None)


def _fund_part(wanted: Identity, part: Mention, m: Mention, q: Quantity, lists: dict[int, Mention]) -> bool:
    """Is a figure found under the whole's name a part of a list split by fund (`财政拨款收入` under 收入合计, of
    no fund), where neither the share's words nor its part name a fund?"""
    if wanted.context.fund is not None or part.identity.context.fund is not None:
        return False
    fund = m.identity.context.fund
    totals = [lists[id(x)] for x in m.quantities if id(x) in lists]
    return fund is not None and any(t.identity.context.fund != fund for t in totals)


def _doubtful(
    paragraphs: dict[int, list[Mention]], s: Share, part: Mention, whole: Mention | None, lists: dict[int, Mention]
) -> bool:
    """Is a whole found in another sentence than the part's in doubt (`_whole_beside`)? Not one the part's own
    paragraph states before it under the very words the share names it by (`收入总计 T，包括本年收入合计 W…。本年收入中：
    财政拨款收入 a，占本年收入合计的 p%`): the whole meant is then that figure, whatever a larger one before makes."""
    if whole is None or whole.sentence == part.sentence or _named_so_before(s, part, whole):
        return False
    return _whole_beside(paragraphs, s, part, whole, lists)


def _named_so_before(s: Share, part: Mention, whole: Mention) -> bool:
    """Is the whole stated before the part in its paragraph, labelled just as the share names its whole?"""
    return (
        whole.paragraph == part.paragraph
        and whole.start < part.start
        and whole.label.strip() == s.base_label.strip().removesuffix("的")
    )


def _said_of_another_stage(s: Share, part: Mention, whole: Mention, m: Mention) -> bool:
    """Do a figure's own words state a stage (`为调整预算 B 的 q%`) other than the one the part and the whole found
    share, the share's words naming none (`税收收入 a，占一般公共预算收入的比重为 p%`)? Executed revenue is a share of
    the executed total, not of its budget: the budget figure beside it is no other reading of the whole, even where
    the part over it makes the share as written (that is the slip to report, not a doubt)."""
    own = part.identity.context.stage
    # (the identities' stages first: reading the figure's label and the share's words is the costly part)
    if own in (None, MIXED) or whole.identity.context.stage != own:
        return False
    stage = read(m.label).context.stage
    if stage in (None, MIXED) or stage == own:
        return False
    return read(s.base_label).context.stage is None


def _listed_under_whole(m: Mention, whole: Mention, lists: dict[int, Mention]) -> bool:
    """Is the figure a part listed under the whole found (`国有资本经营预算收入 W，其中利润收入 a`)? A part of the whole
    is no other reading of it (`调出资金 b，占国有资本经营预算收入的 p%`, b / a making p: the slip to report)."""
    return any(lists.get(id(q)) is whole for q in m.quantities)


def _whole_beside(
    paragraphs: dict[int, list[Mention]], s: Share, part: Mention, whole: Mention, lists: dict[int, Mention]
) -> bool:
    """Does a figure before the part in its own paragraph, of its unit and larger, make the share as written
    (`资金实际到位 A，当年支出 a，占到位资金的 p%`: a / A is p; `全市负债总额 A…。从构成看，应付债券 a，占负债总额的
    p%`)? The whole the words name may be that one, worded otherwise than the figure of that name found
    elsewhere (`市本级…负债总额 B` in another section): which one is meant is then not certain."""
    assert s.part is not None
    stated, value = s.stated, s.part.base_value
    for m in paragraphs.get(part.paragraph) or []:
        if m is part or m is whole or m.start >= part.start or _listed_under_whole(m, whole, lists):
            continue
        q = m.of_unit(s.part.base_unit)
        if q is None or not q.exact or q.kind != s.part.kind or q.base_value <= value:
            continue
        if writes_ratio(value, q.base_value, stated) and not _said_of_another_stage(s, part, whole, m):
            return True
    return False


def _short_fund_whole(
    draft: Draft, wanted: Identity, part: Mention, figure: Quantity, own: Mention | None
) -> Quantity | None:
    """`政府性基金预算收入 A。其中，国有土地使用权出让收入 a，占基金收入的 p%`: a whole named by a short form of a
    fund (`基金` of 政府性基金预算) before its item (`收入`) is that item of that fund, stated before the part in its
    paragraph, where the part's own fund is that one or not stated: the one value there (inferred, as the name
    is shortened), or the total of the list the part is in where that is one of them (`…收入 A，上年为 B。其中，…`).
    No fund is read from the short form elsewhere (`基金` alone names many things: 产业基金)."""
    own_fund = part.identity.context.fund
    if wanted.context.fund not in (None, own_fund):
        return None  # (the words name a fund of their own: the short form is no fund's)
    # (looked for in every fund the short form names: a fund the part carries may be its list's, inferred; and in
    # every scope where the part's is mixed, a report of several `全市和市本级` whose part names none of its own:
    # the one value before it in its paragraph, or its list's total, is still the one figure the words name)
    said = wanted.context
    loose = replace(wanted, context=replace(said, fund=None, scope=None if said.scope == MIXED else said.scope))
    if (linked := _listed_short_fund(loose, part, figure, own)) is not None:
        return linked
    paragraph = draft.doc.sentences[part.sentence].paragraph
    found: list[tuple[Mention, Quantity]] = []
    for m in _by_sentence_paragraph(draft).get(paragraph, []):
        if m.start >= part.start or not _short_fund_of(loose, m):
            continue
        q = m.of_unit(figure.base_unit)
        if q is not None and q.exact and q.kind == figure.kind and not _restated(part, m):
            found.append((m, q))
    funds = {m.identity.context.fund for m, _ in found}
    if len(funds) != 1 or own_fund not in (None, *funds):
        return None  # (two funds the short form names, `政府性基金…，社会保险基金…`: which one is not said)
    listed = _own_total(found, own)
    if listed is not None:
        return listed[1]
    values = {q.base_value: q for _, q in found}
    return next(iter(values.values())) if len(values) == 1 else None


def _listed_short_fund(loose: Identity, part: Mention, figure: Quantity, own: Mention | None) -> Quantity | None:
    """`政府性基金预算收入 A，下降 p%。⏎其中，国有土地使用权出让收入 a，占基金收入的 q%`, a report writing each sentence
    on a line of its own: the total of the list the part is in, stated before it in the paragraph before (its 其中
    links the two), where the short form names that total's fund and item. Of no other figure of the paragraph
    before: without the list, which figure the words mean is not said."""
    if own is None or own.start >= part.start or own.paragraph != part.paragraph - 1 or not _short_fund_of(loose, own):
        return None
    if part.identity.context.fund not in (None, own.identity.context.fund):
        return None
    q = own.of_unit(figure.base_unit)
    return q if q is not None and q.exact and q.kind == figure.kind else None


def _by_sentence_paragraph(draft: Draft) -> dict[int, list[Mention]]:
    """The mentions by the paragraph of their sentence, in the facts' order (`once`): a short fund's whole is looked
    for in the part's paragraph, not among all the document's figures for each share."""

    def build() -> dict[int, list[Mention]]:
        sentences = draft.doc.sentences
        out: dict[int, list[Mention]] = {}
        for m in draft.facts.mentions:
            out.setdefault(sentences[m.sentence].paragraph, []).append(m)
        return out

    return once(draft, "by_sentence_paragraph", build)


def _short_fund_of(wanted: Identity, m: Mention) -> bool:
    """Is the whole's name (`基金收入`) a short form (two characters at least) of the figure's fund followed by its
    item (`收入` of 政府性基金预算), in a context that agrees?"""
    item, fund = m.identity.item, m.identity.context.fund
    prefix = wanted.item.removesuffix(item)
    if fund is None or len(item) < 2 or len(prefix) < 2 or prefix == wanted.item or prefix not in fund:
        return False
    return wanted.context.agrees(m.identity.context)


def _scope_only(said: Context, part: Mention) -> bool:
    """Do the words naming a share's whole state a scope and nothing else of it (`占全州的`), one the part is
    known to be outside of (`县级支出`: 县本级, not 全州)? Then the whole is the part's measure over that scope
    (a fund or stage said with it would leave the measure open: `教育支出 A，占全州一般公共预算的 p%`)."""
    own = part.identity.context.scope
    rest = (said.fund, said.stage, said.period)
    return said.known("scope") and rest == (None, None, None) and own is not None and own != said.scope


def _restated(part: Mention, m: Mention) -> bool:
    """Is `m` the part's own quantity stated again: its item, in a context that does not contradict the part's? Not
    where the part is of a subject under the figure's and less than it (`一、总体情况 … 实际采购金额 T` and, under
    `（一）公开招标`, `实际采购金额 a，占全县实际采购金额的 p%`: the method's amount, a part of the county's)."""
    if m.identity.item != part.identity.item or not m.identity.context.agrees(part.identity.context):
        return False
    return not _under_subject_of(part, m)


def _under_subject_of(part: Mention, m: Mention) -> bool:
    """Is the part's subject one under m's (or one where m has none), its one figure less than m's?"""
    own, whole = part.identity.subject, m.identity.subject
    if not own or own == whole or whole and not own.startswith(whole + "›"):
        return False
    a, b = (x.quantities[0] if len(x.quantities) == 1 else None for x in (part, m))
    return a is not None and b is not None and a.base_unit == b.base_unit and a.base_value < b.base_value


# a share's whole named as the year's income or spending, nothing more (`占本年收入的`)
YEAR_TOTAL = regex(r"本年(收入|支出)的?")


def _tabled_list_total(draft: Draft, wanted: Identity, whole: Mention | None) -> Quantity | None:
    """`部门收入预算 T。其中：一般公共预算拨款收入 a，占收入总计的 p%；事业收入 b，占 q%`: a share naming a whole the
    prose does not state (`收入总计`) is of the total of the list its part is in where the tables state that whole,
    in the share's stage and year, with the list total's value: every cell of a row so named whose context the
    share's words state (`收 入 总 计  193,022,400` of the 收支总表), one value, that one (inferred: the name is the
    table's)."""
    total = whole.quantities[0] if whole is not None and len(whole.quantities) == 1 else None
    if total is None or not total.exact or not draft.facts.tables or not wanted.context.known("stage", "period"):
        return None
    hits = _table_index(draft, named_only=False).find(wanted.item, wanted.context)
    values = {h.quantity.base_value for h in hits if h.quantity.exact and h.quantity.base_unit == total.base_unit}
    return total if hits and values == {total.base_value} else None


def _tabled_row_whole(draft: Draft, s: Share, part: Mention) -> Quantity | None:
    """`1.国有土地使用权出让收入 a，…，占本级政府性基金收入的 p%` beside a table whose rows are `一、本级政府性基金收入` and,
    below it, `国有土地使用权出让收入 … a …`: the part is a row's cell of that table (its item and context, its value
    exactly), and the share's words name another row of the same table exactly (its enumeration aside); the whole
    is that row's cell in the part's column. Only one such part's cell and one row so named in its table; of a
    table whose columns are placed by their names (not by position alone). Inferred: the whole's name is the
    table's."""
    named = _words(s.base_label)
    if s.part is None or not draft.facts.tables or len(named) < TABLE_ROW_LEAST:
        return None
    index = _table_index(draft, named_only=True)
    value = s.part.base_value
    cells = [
        h
        for h in index.find(part.identity.item, part.identity.context)
        if h.quantity.exact and h.quantity.base_unit == s.part.base_unit and h.quantity.base_value == value
    ]
    if len(cells) != 1:
        return None
    own = cells[0].identity
    wholes = [
        h
        for h in index.by_item.get(named, [])
        if h.identity.table == own.table and h.identity.col == own.col and h.identity.row != own.row
    ]
    if len({h.identity.row for h in wholes}) != 1 or not wholes[0].quantity.exact:
        return None
    return wholes[0].quantity


# the characters a share's words have at least to name a table's row as its whole (`本级政府性基金收入`; not `收入`)
TABLE_ROW_LEAST = 4


def _table_index(draft: Draft, named_only: bool) -> TableIndex:
    """The index of the document's tables (`named_only`: of those whose columns are placed by their names, not by
    position alone): built once per document, for the shares whose whole only a table states."""

    def build() -> TableIndex:
        from tieout.linter.parse.tables.lookup import TableIndex  # (imported only for a share so named)

        return TableIndex([t for t in draft.facts.tables if not (named_only and t.by_position)])

    return once(draft, f"table_index:{named_only}", build)


def _qualified_part_whole(draft: Draft, wanted: Identity, s: Share) -> Quantity | None:
    """`发行新增债券 T，其中一般债券 a，专项债券 b。…棚户区改造 c，占新增专项债券的 p%`: a whole named as a list's part
    with the list total's qualifier before it (新增 + 专项债券, as `qualified_shares` reads a part so named), no figure
    bearing that name: the part's figure, of the one such list in the share's sentence or the three before, under the
    same heading; of the share's unit and kind, not its own part, and no less than it where the share is not above
    100% (inferred: the name is composed)."""
    part = s.part
    if part is None or len(wanted.item) < QUALIFIED_LEAST:
        return None
    found = [
        p
        for b in _lists_up_to(draft, s.sentence)
        if not b.minus
        for p in b.parts
        if _qualified(_obtained(draft.labeller.identify(b.total.label)[0]), draft.labeller.identify(p.label)[0])
        == wanted.item
    ]
    whole = found[0].quantities[0] if len(found) == 1 and len(found[0].quantities) == 1 else None
    if (
        whole is None
        or not whole.exact
        or whole is part
        or whole.base_unit != part.base_unit
        or whole.kind != part.kind
    ):
        return None
    return None if whole.base_value < part.base_value and s.stated.value <= HUNDRED else whole


# the characters a whole so composed has at least (`新增专项债券`: a qualifier of two before a part of four); the
# sentences a list may stand before the share (its own and three)
QUALIFIED_LEAST = 4
LIST_REACH = 4


def _lists_up_to(draft: Draft, si: int) -> Iterator[Breakdown]:
    """The lists of sentence `si` and the `LIST_REACH - 1` before it, under the heading `si` stands under: where a
    share names a list's part or total by a qualifier (`qualified_shares`, `_qualified_part_whole`), asked of the
    lists by their sentence, not of every list of the document."""
    at = draft.doc.sentences[si].start
    lists = lists_by_sentence(draft)
    for k in range(si - LIST_REACH + 1, si + 1):
        yield from (b for b in lists.get(k, []) if same_section(draft, draft.doc.sentences[b.sentence].start, at))


def _shared_out(stated: list[Decimal]) -> bool:
    """Do the unnamed shares of a whole's listed parts make 100% between them (`银行贷款 a，占 p%；债券融资 b，占 q%；
    非标融资 c，占 r%`): of that whole, then, and of no outer one?"""
    return len(stated) >= 2 and abs(sum(stated, Decimal(0)) - HUNDRED) <= Decimal("0.1") * len(stated)


def _list_totals(draft: Draft) -> dict[int, Mention]:
    """The total of the list each listed figure is a part of (by the figure's id)."""
    wholes: dict[int, Mention] = {}
    for b in draft.facts.breakdowns:
        for p in b.parts:
            for q in p.quantities:
                wholes.setdefault(id(q), b.total)
    return wholes


# `项目总支出`: the whole named with 总 before its item (总 taken off, it names the list's total `项目实际支出`)
WHOLE_MARK = lazy(r"总(?=[\u4e00-\u9fff]{2}$)")
# `收入总额`, `收入预算总额`: the whole named by its item and 总额 (总额 taken off, it names the list's total `收入`)
SUM_TAIL = lazy(r"(?<=[\u4e00-\u9fff]{2})总额$")
MIN_SUMMED = 4  # characters of an item named with 总额 that may be the end of the list total's item
# `全部收入`, `全部支出`: the whole of the list named by the end of its total's item (`一般公共预算收入`)
ALL_OF_ITEM = lazy(r"^(?:全部|所有)(?=[\u4e00-\u9fff]{4})")
ALL_OF = lazy(r"^(?:全部|所有|总)(?P<tail>[\u4e00-\u9fff]{2})的?$")
# `该险种收入`, `该项基金支出`: the entity just stated, pointed at, and its measure (收入: the list total's item)
POINTED = lazy(rf"^(?:该|此)项?(?:{alternation(words('relations', 'pointed_kinds'))})(?=[\u4e00-\u9fff]{{2}})")


def _outcome_of_list(s: Share, said: Context, part: Mention, whole: Mention | None) -> Share | None:
    """`项目全年执行 T，其中田间工程支出 a，占全年执行数的 p%`: a whole named by the year's outcome alone (`全年执行数`,
    `决算数`: a stage and no item), or by a budget the total's label names so (`_budget_so_named`), is the total of
    the list the part is in, where that total and the part both state that stage (the part's own outcome is the
    part itself). Of no other scope, fund or year. Inferred."""
    if whole is None or s.part is None or said.stage not in OUTCOME_ONLY and not _budget_so_named(s, said, whole):
        return None
    if said.scope is not None or said.fund is not None or said.period not in (None, "+0"):
        return None
    if whole.identity.context.stage != said.stage or not _stage_of_part(said, part):
        return None
    total = whole.of_unit(s.part.base_unit)
    if total is None or not total.exact or total.kind != s.part.kind:
        return None
    return replace(s, total=total, certain=False)


def _stage_of_part(said: Context, part: Mention) -> bool:
    """Is the part of the stage its share's whole names? A part of a budget's list may be read in the stage of the
    words after it (`中央资金 a，…，按…测算下达`: a plan), so long as it is no outcome."""
    stage = part.identity.context.stage
    if stage == said.stage and said.stage in OUTCOME_ONLY:
        return True
    # (a part named by what was done with money, `设备购置支出 a`, may be what was spent, the share its own
    # execution over a budget of its own: only a part named by no such word is the list's budget)
    return said.stage in BUDGET_STAGES and stage not in OUTCOME_ONLY and SPENT.search(part.label) is None


# the words naming money by what was done with it (spent, executed, used, paid out)
SPENT = regex(r"支出|执行|使用|拨付|完成|实际|花费")
# the word naming money taken in (`税收收入`, `收入完成`): a flow a budget sets, as one spent is
TAKEN_IN = regex(r"收入")


def _flow_of_its_own(part: Mention) -> bool:
    """Is the part money an item spent or took in (`教育支出 a`, `税收收入完成 a`), a flow each item has a budget of,
    rather than what was left (`年末结转和结余 b`) or a budget itself (`基本支出预算 a`: a part of the budget)?"""
    if part.identity.context.stage in BUDGET_STAGES:
        return False
    return SPENT.search(part.label) is not None or TAKEN_IN.search(part.label) is not None


# the fewest characters of a budget's words naming a list's total (`全年预算`, `年初预算数`: not `预算`)
BUDGET_WORDS_LENGTH = 4


def _budget_so_named(s: Share, said: Context, whole: Mention) -> bool:
    """`项目全年预算 T。其中，中央资金 a，占全年预算的 p%`: a whole named by a budget alone is the list's total only
    where the total's own label holds those very words (`全年预算`): a budget's stage does not tell the initial
    budget from the adjusted one (`年初预算 T …，占全年预算的 p%` is of another figure)."""
    words = _words(s.base_label).removesuffix("数")
    return said.stage in BUDGET_STAGES and len(words) >= BUDGET_WORDS_LENGTH and words in whole.label


def _whole_of_stage(draft: Draft, s: Share, said: Context, part: Mention, lists: dict[int, Mention]) -> Share | None:
    """A whole named by no item: the total of the part's list (`_outcome_of_list`), else the one figure the words
    label (`_stage_named_whole`)."""
    of_list = _outcome_of_list(s, said, part, lists.get(id(s.part)) if s.part is not None else None)
    if of_list is None and said.stage in BUDGET_STAGES and _flow_of_its_own(part):
        # `教育支出 a，占年度预算的 p%`: what an item spent or took in, over a budget no words say whose, is the
        # item's progress against its own budget (which the text need not state), never another figure so named; a
        # leftover (`年末结转和结余 b，占全年预算的 p%`) has no budget of its own and is read on
        return None
    return of_list or _stage_named_whole(draft, s, said, part) or _whole_beside_part_again(draft, s, said, part)


# the words a figure's label may end with after its name (`全年预算数为 A`)
STATED_AS = regex(r"[为是：:]$")
# the year a label may open with (`本年全年预算数为 A`, `2024年度全年预算数为 A`)
YEAR_OPENING = regex(r"^(?:\d{4}年度?|本年度|本年|当年)")


def _stated_name(label: str) -> str:
    """A figure's label without the year it opens with and the word stating the figure (`本年全年预算数为`: 全年预算数)."""
    return STATED_AS.sub("", YEAR_OPENING.sub("", label.strip())).strip()


# the evaluated project's own word a label may open with (`项目全年执行 A` in a project's evaluation: its 全年执行数)
OWN_PROJECT = regex(r"^(?:该|本)?项目")


def _stage_name(label: str) -> str:
    """A stage's name as a label or a share's words give it, the project's own word and the closing 数 aside
    (`项目全年执行`, `全年执行数`: 全年执行): one figure's name either way."""
    return OWN_PROJECT.sub("", _stated_name(label)).removesuffix("数")


# the fewest characters of a whole's name by its stage alone that are read as naming one figure (`全年预算数`,
# `调整后预算`: not `预算`, which a report names many figures by)
STAGE_NAME_LENGTH = 4


def _stage_named_whole(draft: Draft, s: Share, said: Context, part: Mention) -> Share | None:
    """`全年预算数为 A。…年末结转结余 b，占全年预算数的 p%`: a whole named by a stage alone (no item, scope, fund nor
    year) in words that label one figure of the document and no other (`全年预算数`), a whole its parts are listed
    under and no part of another, stated before the part in the part's unit and larger than it, is that figure.
    Inferred: the words name no item."""
    words = _words(s.base_label)
    if s.part is None or said.stage is None or len(words) < STAGE_NAME_LENGTH:
        return None
    if said.scope is not None or said.fund is not None or said.period not in (None, "+0"):
        return None
    # (a budget's words name it exactly: `项目全年预算 A` may be another budget than the part's own, which a share of
    # `全年预算数` may be of; an outcome's, the project's own whatever its words)
    if said.stage in BUDGET_STAGES:
        named = [m for m in draft.facts.mentions if _stated_name(m.label) == words]
    else:
        named = [m for m in draft.facts.mentions if _stage_name(m.label) == _stage_name(words)]
    if len(named) != 1 or len(named[0].quantities) != 1 or named[0].start > part.start:
        return None
    if id(named[0]) not in draft.totals or draft.is_part(named[0]):
        return None  # (the whole broken down, of no whole itself: a project's `全年预算` is another figure)
    total = named[0].quantities[0]
    if not total.exact or total.base_unit != s.part.base_unit or total.kind != s.part.kind:
        return None
    return replace(s, total=total, certain=False) if total.base_value > s.part.base_value else None


def _whole_beside_part_again(draft: Draft, s: Share, said: Context, part: Mention) -> Share | None:
    """`全年预算 T，决算支出 E，…。年末结转和结余 b，结转结余率 r%` … (another section) `年末结转和结余资金 b，占全年预算的
    p%`: a whole named by a stage alone (no item, scope, fund nor year) whose words label several figures (a project's
    `全年预算` under its own heading too) is the one figure so labelled under the headings that state the part again (its
    value, its name the part's with words left out or added), never under the part's own: there the document sets the
    two side by side. One value so found, in the part's unit and above it; else none. Inferred: the words name no
    item."""
    q, words = s.part, _words(s.base_label)
    if q is None or not q.exact or said.stage is None or len(words) < STAGE_NAME_LENGTH:
        return None
    if said.scope is not None or said.fund is not None or said.period not in (None, "+0"):
        return None
    # (the figures so labelled first, the cheap tests of each before its name's two substitutions: the sections
    # stating the part again are sought, over every figure, only where there is one)
    named = [
        (m, x)
        for m in draft.facts.mentions
        if len(m.quantities) == 1
        for x in m.quantities
        if x.exact and x.base_unit == q.base_unit and x.kind == q.kind and _stated_name(m.label) == words
    ]
    again = _sections_stating_again(draft, part, q) if named else set()
    if not again:
        return None
    sections = draft.doc.section_at
    found = {x.base_value: x for m, x in named if id(sections(m.start)) in again}
    if len(found) != 1:
        return None
    total = next(iter(found.values()))
    return replace(s, total=total, certain=False) if total.base_value > q.base_value else None


def _sections_stating_again(draft: Draft, part: Mention, q: Quantity) -> set[int]:
    """The sections (by id) other than the part's own where a figure states the share's part again."""
    sections = draft.doc.section_at
    own = sections(part.start)
    again: set[int] = set()
    for m in draft.facts.mentions:
        if _states_again(m, part, q):
            at = sections(m.start)
            if at is not own:
                again.add(id(at))
    return again


def _states_again(m: Mention, part: Mention, q: Quantity) -> bool:
    """Does the figure state the share's part again: its value in its unit, under a name the part's with words left out
    or added (`年末结转结余` of `年末结转和结余资金`)?"""
    same = any(
        x.exact and x.kind == q.kind and x.base_unit == q.base_unit and x.base_value == q.base_value
        for x in m.quantities
    )
    return same and alike(m.identity.item, part.identity.item)  # (the names compared where the value is the same)


def _own_list_total(draft: Draft, s: Share, whole: Mention | None) -> Quantity | None:
    """`项目实际支出 531.20 万元，其中管网改造资金 372.46 万元，在项目总支出中占比 70.12%`: a share naming the total
    of the list its part is in, with 总 (the list's total is the figure its words name, stated with 实际 or
    without 总): inferred, as no figure stands under the name the share gives."""
    if whole is None or _without_carry_over(draft, s.base_label, whole):
        return None
    if _years_of_list(draft, s.base_label, whole):
        total = whole.of_unit(s.part.base_unit) if s.part is not None else None
        if total is None or s.part is None or total.kind != s.part.kind:
            return None
        return _finer_restated(draft, total)
    named = POINTED.sub("", WHOLE_MARK.sub("", s.base_label.removesuffix("的"), count=1), count=1)
    item, _ = draft.labeller.identify(SUM_TAIL.sub("", named, count=1))
    all_of = ALL_OF.match(s.base_label)
    # (`省对市县转移支付 T，其中：一般性转移支付 a，占转移支付总额的 p%`: the 总额 of the total's item, its
    # qualifier left out; an item of four characters at least, named with 总额)
    summed = SUM_TAIL.search(named) is not None and len(item) >= MIN_SUMMED and whole.identity.item.endswith(item)
    # (`…转移支付 T。分类型看，一般性转移支付 g，其中…；专项转移支付 a，占转移支付总额的 p%`: a larger figure of its
    # paragraph before the list's total ends with the item too; the list's total is then one kind of it, and the 总额
    # may be T's: not known)
    summed = summed and not _wider_before(draft, whole, item)
    # (`三、对村级的转移支付` … `向各村安排补助资金 T。（一）甲 a，占对村转移支付总额的 p%`: the 总额 of what the heading
    # above the list's total names, the total standing under that heading alone (its subject is the heading's words),
    # its own label worded otherwise)
    headed = SUM_TAIL.search(named) is not None and len(item) >= MIN_SUMMED and whole.identity.subject == item
    summed = summed or (headed and not _wider_before(draft, whole, ""))
    if s.part is None or not (
        item == whole.identity.item
        or summed
        or (all_of and whole.identity.item.endswith(all_of["tail"]))
        or abbreviates(item, whole.identity.item)
        or _own_body_of(item, whole.identity.item)
    ):
        return None
    total = whole.of_unit(s.part.base_unit)
    return total if total is not None and total.kind == s.part.kind else None


# the words a department's report names its own body by before an item (`部门支出预算`, `本单位收入`): whose figure it
# is, the report's own, not which part of it
OWN_BODY = lazy(r"^本?(?:部门|单位)")


def _own_body_of(item: str, total_item: str) -> bool:
    """Is the list total's item the named item of the report's own body (`部门支出` of `支出`, in `2026年部门支出预算
    T，其中：…基本支出 a，占支出总预算的 p%`)? The body's word says whose the total is, which the share's words need not."""
    own = OWN_BODY.match(total_item)
    return own is not None and len(item) >= 2 and total_item[own.end() :] == item


def _wider_before(draft: Draft, whole: Mention, item: str) -> bool:
    """Does a figure of the whole's paragraph, before it, whose item also ends with `item`, state more than it?"""
    q = exact_figure(whole)
    if q is None:
        return True
    for si in draft.doc.paragraph_of(whole.sentence):
        for m in draft.by_sentence.get(si) or []:
            if m.start >= whole.start:
                return False
            x = exact_figure(m)
            if (
                x is not None
                and x.base_unit == q.base_unit
                and x.base_value > q.base_value
                and m.identity.item.endswith(item)
            ):
                return True
    return False


# a whole named as the years' together (`占三年合计的`, `占两年累计的`): the number of years, then the total
YEARS_WHOLE = lazy(r"^(?P<n>[两二三四五六七八九十]|\d{1,2})年(?:合计|累计|总计|共计|总额)的?$")
YEAR_COUNTS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _years_of_list(draft: Draft, base_label: str, whole: Mention) -> bool:
    """`共安排资金 T，分年度看，2022年安排 a，占三年合计的 p%；2023年安排 b…；2024年安排 c…`: a share naming the
    whole of so many years is of the total of the list its part is in where the list's parts are that many, each of
    its own year (each part's label states its year): the list is the years' figures, its total theirs together."""
    named = YEARS_WHOLE.match(base_label.strip())
    if named is None:
        return False
    n = named["n"]
    count = int(n) if n.isdecimal() else YEAR_COUNTS[n]
    lists = [b for b in draft.facts.breakdowns if b.total is whole]
    if len(lists) != 1 or len(lists[0].parts) != count:
        return False
    years = [YEAR_LABEL.match(p.label.lstrip("，,；;、 ")) for p in lists[0].parts]
    return all(years) and len({y[0] for y in years if y}) == count


def _finer_restated(draft: Draft, q: Quantity) -> Quantity:
    """The sum restated right after it in a finer unit (`0.80亿元（7,981.15万元）`: the 万元 figure), the whole as the
    text states it to the digit; the sum itself where none is."""
    text = draft.doc.text
    for r in draft.facts.quantities:
        if r.start > q.end and r.exact and r.scale < q.scale and converted(text, q, r):
            return r
    return q


# a part's label opening with its year (`2022年安排`)
YEAR_LABEL = lazy(r"(?:19|20)\d{2}年")


MIN_ABBREVIATED = 4  # characters of a whole's shortened name: its first two and its last two at least


def abbreviates(short: str, item: str) -> bool:
    """Is `short` the list total's item shortened as a report shortens a long name it has just stated (`预留份额` of
    `预留面向中小企业采购的份额`): its first two and last two characters the item's, all its characters in the item's
    order, fewer of them? Only of the total of the list the part is in (`_own_list_total`). The words naming whose
    it is may open the item and be left out too (`预留份额` of `部门面向中小企业预留采购份额`): the name is then read
    from where the short one's first two characters stand, and words left out of it as well: a name that is only the
    item's end (`采购份额`) drops every word that says which share of the purchases the total is."""
    start = item.find(short[:2]) if len(short) >= MIN_ABBREVIATED else -1
    named = item[start:] if start >= 0 else ""
    if len(short) >= len(named) or short[-2:] != named[-2:]:
        return False
    return alike(short, named)


def list_shares(draft: Draft) -> Iterator[Completed]:
    """`支出 388.50 亿元。其中，教育支出 85.40 亿元，占 22.0%；…`: a part's share that names no whole, in a list a
    pass found across sentences, is of that list's total (inferred, as the list is)."""
    # a whole with an unnamed share of its own (`安排 52 亿元，占比 70.1%。其中，人员经费 47.3 亿元，占比 63.8%`):
    # its parts' shares may be of the same outer whole, and which is not said
    outer = {id(s.part) for s in draft.facts.shares if s.part is not None and not s.base_label}
    # so a whole whose sentence states a share of a whole it names, read of no figure or of the whole's own
    # (`第二产业税收 A，上年同期 B，同比下降 p%，占全部税收 s%。其中：制造业 a，占比 q%`: q may be of 全部税收)
    named_outer = {s.sentence: s for s in draft.facts.shares if s.base_label}
    wholes = _list_totals(draft)
    shared: dict[int, list[Decimal]] = {}  # the unnamed shares of each list total's parts, by the total's id
    for s in draft.facts.shares:
        if s.part is not None and not s.base_label and (w := wholes.get(id(s.part))) is not None:
            shared.setdefault(id(w), []).append(s.stated.value)
    for s in draft.facts.shares:
        if s.total is not None or s.part is None or s.base_label or not s.certain:
            continue  # (a share left open on purpose is `certain=False`: its whole may be another)
        whole = wholes.get(id(s.part))
        if whole is None or any(id(q) in outer for q in whole.quantities):
            continue
        own = named_outer.get(whole.sentence)
        if (
            own is not None
            and s.sentence != whole.sentence
            and (own.part is None or own.part in whole.quantities)
            and not _shared_out(shared.get(id(whole), []))
        ):
            continue
        total = whole.of_unit(s.part.base_unit)
        if total is not None and total.kind == s.part.kind:
            yield Completed(s, replace(s, total=total, certain=False))


CARRY_OVER = regex(r"上年结转|年初结转|结转结余|上年结余")


def _without_carry_over(draft: Draft, base_label: str, m: Mention) -> bool:
    """Does the share name this year's part of the figure (`占本年收入的`), the figure holding last year's
    carry-over besides (`收入预算 X，其中…，上年结转 c`)? 本年收入 is the total less that carry-over."""
    return base_label.startswith("本年") and "本年" not in m.label and _holds_carry_over(draft, m)


def _holds_carry_over(draft: Draft, m: Mention) -> bool:
    """Is the figure the total of a list that holds a carry-over from last year (上年结转)?"""
    return any(b.total is m and any(CARRY_OVER.search(p.label) for p in b.parts) for b in draft.facts.breakdowns)


def _shortened_whole(draft: Draft, wanted: Identity, s: Share, owner: Mention) -> Quantity | None:
    """`政府债务限额 X。…余额 Y，占限额的 p%`: a whole named by the end of its item (`限额`), stated before the part in
    its section (or, where its section states none, under another heading, the name having that one value in
    the whole document and none after the part): the one figure of that unit whose item ends so, at least the
    part where the share is not above 100% (inferred, as the name is shortened); never the part of another
    share of its sentence (`基本支出 a，项目支出 b，分别占全县…支出的`: a is no whole of b)."""
    part = s.part
    if part is None or len(wanted.item) < 2 or wanted.item in GENERIC_ITEMS:
        # (a generic item, `支出` of `占一般公共预算支出的`, ends the names of all kinds of its figures: `上解中央支出`
        # is none of it)
        return None
    named = [(m, q) for m, q in _named_like(draft, wanted, s, owner) if not _opening_only(m, owner)]
    here = [(m, q) for m, q in named if m.start < part.start and same_section(draft, m.start, part.start)]
    if not here and all(m.start < part.start for m, _ in named):
        # `项目总投资 X。` … (another section) `其中省级补助 a，占总投资的 p%`: a whole stated under another heading is
        # taken only when the whole document states that name with one value, before the part
        here = named
    one = _one_or_list_total(draft, here, s.base_label or wanted.item)
    if one is None or _other_kind_of(draft, one[0], owner, wanted.item):
        # (the one figure so named may be another kind of the whole, side by side with the part: no whole)
        return None
    whole = one[1]
    return None if whole.base_value < part.base_value and s.stated.value <= 100 else whole


FUNDS = "资金"


def _funds_unnamed_whole(draft: Draft, wanted: Identity, s: Share, owner: Mention) -> Quantity | None:
    """`应到位资金 P，实际到位 B。…支出 a，占到位资金的 p%`: a whole named as funds by what was done with them
    (`到位资金`) where the document states that only with the funds left unsaid (`实际到位 B`, the item `到位`): the
    one value of that item before the part, in a context agreeing with the part's, no less than the part where
    the share is not above 100% (inferred, as the name is completed)."""
    part = s.part
    bare = wanted.item.removesuffix(FUNDS)
    if part is None or bare == wanted.item or len(bare) < 2 or bare in GENERIC_ITEMS:
        return None
    whole = _one_value_of(
        draft,
        (bare, owner.start, part.base_unit),
        lambda m, q: wanted.context.agrees(m.identity.context) and q.kind == part.kind and q is not part,
    )
    if whole is None:
        return None
    return None if whole.base_value < part.base_value and s.stated.value <= 100 else whole


# a total named by what it totals (`本年支出合计`, as `支出总额` is read): the bare item it is the total of
TOTAL_OF = regex(r"^(?:本年|全年)?(?P<of>[\u4e00-\u9fff]{2,8}?)(?:合计|总额)$")


def _bare_total_whole(draft: Draft, wanted: Identity, s: Share, owner: Mention) -> Quantity | None:
    """`项目支出 X。…抽查项目支出 a，占项目支出总额的 p%`: a whole named by an item and a total word (`项目支出总额`, read
    as `项目本年支出合计`) where the document states the item under its bare name: the one value of the bare item,
    in a context agreeing with the part's, stated before the part in its section and not below it (inferred)."""
    part = s.part
    total = TOTAL_OF.match(wanted.item.replace("本年", "", 1))
    if part is None or total is None or total.group("of") in GENERIC_ITEMS or total.group("of") == wanted.item:
        return None
    bare = total.group("of")
    # (`项目支出 a，占支出总额的 p%`: the base label takes the part's 项目, the words as written do not)
    if bare not in draft.doc.text[part.end : s.stated.start]:
        return None
    whole = _one_value_of(
        draft,
        (bare, owner.start, part.base_unit),
        lambda m, q: (
            same_section(draft, m.start, owner.start)
            and wanted.context.agrees(m.identity.context)
            and q.kind == part.kind
        ),
    ) or _only_earlier_value(draft, bare, owner, part)
    if whole is None:
        return None
    return None if whole.base_value < part.base_value and s.stated.value <= 100 else whole


def _only_earlier_value(draft: Draft, bare: str, owner: Mention, part: Quantity) -> Quantity | None:
    """`省对市县转移支付 T，分类情况如下表。` … (a later section) `省对市县一般性转移支付 a，占省对市县转移支付总额的 p%`: a
    whole its part's section does not state is taken under another heading only where the whole document states
    the bare item with that one value, every figure of it before the part (a name of five characters at least:
    a short one, `项目支出`, may be another's under another heading). Same test as _shortened_whole's."""
    if len(bare) < 5:
        return None
    if any(m.identity.item == bare and m.start > owner.start for m in draft.facts.mentions):
        return None
    own = owner.identity.context
    if own.scope and own.scope in bare:
        # (`省对市县一般性转移支付`: the 市县 the part's name gives it as a scope the whole's name holds too; the whole,
        # stated in the province's own section, is of that name whatever scope its section gives it)
        own = replace(own, scope=None)
    return _one_value_of(
        draft,
        (bare, owner.start, part.base_unit),
        lambda m, q: own.agrees(m.identity.context) and q.kind == part.kind,
    )


# a whole named by a side and a total word alone, as written (`支出总额`, `收入合计`)
SIDE_TOTAL_WORDS = regex(r"(?P<of>[\u4e00-\u9fff]{2})(?:总额|合计|总计)")


def _paragraph_side_whole(draft: Draft, wanted: Identity, s: Share, owner: Mention) -> Quantity | None:
    """`全市一般公共预算支出 T，…。分领域看：…。各项民生支出合计 a，占支出总额的 p%`: a whole named by a side alone and a
    total word (`支出总额`, `收入合计`, read as `本年支出合计`), where no figure bears that name, is the one figure of the
    side's bare item (`支出`) the part's own paragraph states before it: its fund, stage, period and scope those of the
    part, none of a list's parts, at least the part (inferred). Two such values, or one outside the paragraph: not
    read (the side of which fund or level is meant is then not said)."""
    part = s.part
    total = SIDE_TOTAL_WORDS.fullmatch(_words(s.base_label))
    if part is None or total is None or total.group("of") not in GENERIC_ITEMS:
        return None  # (`占本年收入的`: the year's own income, not a side's total that may hold last year's carry-over)
    side = total.group("of")
    return _sole_whole(
        (
            m
            for m in draft.facts.mentions
            if m.paragraph == owner.paragraph
            and m.start < owner.start
            and m.identity.item == side
            and not draft.is_part(m)
            and m.identity.context.agrees(owner.identity.context)
        ),
        part,
    )


def _sole_whole(mentions: Iterable[Mention], part: Quantity) -> Quantity | None:
    """The one value the mentions state in the part's unit and kind, where it is at least the part; None where they
    state none or two."""
    found = {
        q.base_value: q for m in mentions if (q := exact_of(m, part.base_unit)) is not None and q.kind == part.kind
    }
    if len(found) != 1:
        return None
    whole = next(iter(found.values()))
    return whole if whole.base_value >= part.base_value else None


# the set a part's own label says it is drawn from, before it (`全年实际支出中使用财政拨款`): the set's words, ending with
# a side (`支出`, `收入`)
DRAWN_FROM = regex(r"^(?P<set>[\u4e00-\u9fff]{0,8}?(?P<side>收入|支出))中")


def _drawn_from_whole(draft: Draft, s: Share, owner: Mention) -> Quantity | None:
    """`全年实际支出中使用财政拨款 a，占支出总额的 p%`: a part whose own label names the set it is drawn from (`…支出中`),
    its share's whole named by that side and a total word alone (`支出总额`), is of that side's one total in a report
    stating its totals once for the whole document (a department's, genres.yaml document_wide_totals): the one value
    the document states of the bare side (`支出`) at the part's scope, stage and year, of all funds, no list's part,
    at least the part; none where two values are stated (inferred)."""
    part = s.part
    drawn = DRAWN_FROM.match(_words(owner.label))
    total = SIDE_TOTAL_WORDS.fullmatch(_words(s.base_label))
    if part is None or drawn is None or total is None or total.group("of") != drawn.group("side"):
        return None
    all_funds = _document_funds(draft.facts.genre)
    own = owner.identity.context
    if all_funds is None or any(getattr(own, f) is None for f in PLACE_FIELDS):
        return None
    return _sole_whole(
        (
            m
            for m in draft.facts.mentions
            if m.identity.item == drawn.group("side")
            and not draft.is_part(m)
            and m.identity.context.fund == all_funds
            and all(getattr(m.identity.context, f) == getattr(own, f) for f in PLACE_FIELDS)
        ),
        part,
    )


def _document_funds(genre: str) -> str | None:
    """The fund a report stating its totals once for the whole document gives a figure naming none (a department's:
    all its funds, genres.yaml defaults); None for a report of another genre."""
    if not document_wide(genre):
        return None
    fund = (load("genres")[genre].get("defaults") or {}).get("fund")
    return str(fund) if fund else None


def _announced_whole(draft: Draft, wanted: Identity, q: Quantity, part: Mention) -> Quantity | None:
    """`支出 X，…，具体是：` / `1.甲支出 a，占支出总额的 p%` / `2.…`: the items listed under a figure (their subject
    path has its item right above their own) name it by its total (`支出总额`, `支出合计`) where the document states
    that total nowhere under that name. The whole is the one value the item above has before the part under
    its heading (the items may be headings of their own), in no other fund or stage, not below the part (inferred: the whole is named otherwise)."""
    total = TOTAL_OF.match(wanted.item)
    path = part.identity.subject.split("›")
    if total is None or len(path) < 2 or path[-1] != part.identity.item or path[-2] != total.group("of"):
        return None
    whole = _one_value_of(
        draft,
        (total.group("of"), part.start, q.base_unit),
        lambda m, w: (
            _heads(draft, m.start, part.start)
            and not _other_fund_or_stage(m.identity.context, part.identity.context)
            and w is not q
        ),
    )
    return whole if whole is not None and whole.base_value >= q.base_value else None


def _one_value_of(
    draft: Draft, wanted: tuple[str, int, str], keep: Callable[[Mention, Quantity], bool]
) -> Quantity | None:
    """The one value stated of an item before an offset (`wanted`: the item, the offset, the unit), exact, in that
    unit, among the figures `keep` accepts; None where there are none or several values."""
    item, before, unit = wanted
    found = {
        q.base_value: q
        for m in draft.facts.mentions
        if m.identity.item == item
        and m.start < before
        and (q := m.of_unit(unit)) is not None
        and q.exact
        and keep(m, q)
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _heads(draft: Draft, a: int, b: int) -> bool:
    """Does offset `b` (after `a`) stand under `a`'s heading: in its section or in one below it, no heading of
    `a`'s level or above between them?"""
    doc = draft.doc
    here = doc.section_path(a)
    if doc.section_path(b)[: len(here)] != here:
        return False
    return not any(s.title and len(s.path()) <= len(here) for s in doc.sections_between(a, b))


def _other_fund_or_stage(a: Context, b: Context) -> bool:
    """Do two contexts state different funds or stages (each one known)?"""
    return any(
        getattr(a, f) not in (None, MIXED) and getattr(b, f) not in (None, MIXED) and getattr(a, f) != getattr(b, f)
        for f in ("fund", "stage")
    )


def _one_or_list_total(
    draft: Draft, found: list[tuple[Mention, Quantity]], name: str
) -> tuple[Mention, Quantity] | None:
    """The one figure of those found under a whole's name: one value, or the total of a list whose parts are all
    the others (`筹集资金 X，其中：财政拨款 a，…`: a part named by its fund alone carries the total's item, and is
    found under the same name; the name, unqualified, is of the total), where the total's own words say the name
    (`基本支出 X，其中：…` is found under 一般公共预算支出 by its context, but is not what `占一般公共预算支出的`
    names)."""
    if not found:
        return None
    if len({q.base_value for _, q in found}) == 1:
        return found[0]
    listed = list_total(draft.facts.breakdowns, [q for _, q in found])
    if listed is None:
        return None
    b, total = listed
    return (b.total, total) if name.removesuffix("的") in b.total.label else None


def _named_like(draft: Draft, wanted: Identity, s: Share, owner: Mention) -> list[tuple[Mention, Quantity]]:
    """The exact figures of the part's unit and kind whose item ends with the whole's shortened name, in a context
    agreeing with it, none a part of another share of the share's sentence."""
    part = s.part
    assert part is not None  # (_shortened_whole reads only shares with a part)
    # (nor the part of another share of the same whole: `A a，占全省基金收入的 p%。B b，占全省基金收入的 q%`, the
    # words naming it with or without 的, `占营业收入的 p%` and `占营业收入的比重为 q%`)
    own = _words(s.base_label)
    listed = {
        id(o.part)
        for o in draft.facts.shares
        if o.part is not None and (o.sentence == s.sentence or (o.base_label and _words(o.base_label) == own))
    }
    listed |= _listed_under(draft, listed)
    # (a part of no kind is of a whole of none: `债务限额 X，其中一般债务限额 a…。年末债务余额 Y，为限额的 p%` is of X)
    return [
        (m, q)
        for m in draft.facts.mentions
        if m.identity.item != wanted.item
        and m.identity.item.endswith(wanted.item)
        and not any(id(x) in listed for x in m.quantities)
        and not (_kind(m.identity.item) and not _kind(owner.identity.item))
        # (one source's funds, `县级配套到位资金 a`, are no whole named shorter of a share naming no source, `占本年
        # 到位资金的 p%`: the whole is all sources')
        and not (SOURCE_NAMED.match(m.identity.item) and not SOURCE_NAMED.match(wanted.item))
        # (what was due or planned, `项目应到位资金 P`, is no whole named shorter of `占到位资金的 p%`: the words mean
        # what did arrive)
        and not _planned_before(m.identity.item, wanted.item)
        # (`非税收入…占收入预算的`: a figure of the other kind of the whole the part is a kind of, 税收收入, is its
        # sibling, no whole)
        and not (owner.identity.item.endswith(wanted.item) and siblings(m, owner))
        and wanted.context.agrees(m.identity.context)
        and (q := m.of_unit(part.base_unit)) is not None
        and q.exact
        and q.kind == part.kind
    ]


@lru_cache(maxsize=1)
def _spending_classes() -> frozenset[str]:
    """The classes of spending by function, as named now and in earlier years (vocab tables.yaml, relations.yaml)."""
    return frozenset(words("tables", "spending_classes")) | frozenset(words("relations", "former_spending_classes"))


def _other_kind_of(draft: Draft, m: Mention, owner: Mention, named: str) -> bool:
    """`教育共同财政事权转移支付 A。…医疗卫生共同财政事权转移支付 a，占共同财政事权转移支付的 p%`: where the part is
    itself a kind of the whole its words name (that name after a class of spending, vocab spending_classes), a
    figure named by another class (`教育…`) is another kind of that whole, side by side with the part, never the
    whole; unless the text lists the part under it (a breakdown whose total it is)."""
    part, other = owner.identity.item, m.identity.item
    if part == named or not part.endswith(named) or not other.endswith(named):
        return False
    # (kinds of one dimension only: `新增债券资金` beside `专项债券资金` is of another, and may be the whole)
    classes = _spending_classes()
    if part.removesuffix(named) not in classes or other.removesuffix(named) not in classes:
        return False
    return not any(p is owner for b in lists_by_total(draft).get(id(m), []) for p in b.parts)


def _listed_under(draft: Draft, parts: set[int]) -> set[int]:
    """The figures listed under one of the given parts of a whole (`A a，占营业收入的 p%，其中 A1 b`): a part of a part
    is below the whole too, never the whole itself."""
    return {
        id(q)
        for b in draft.facts.breakdowns
        if any(id(x) in parts for x in b.total.quantities)
        for p in b.parts
        for q in p.quantities
    }


# the kinds a debt is of (vocab debt_kinds: 一般, 专项): a figure of one kind is a part of the figure of none
DEBT_KIND = regex(f"(?:{alternation(words('relations', 'debt_kinds'))})(?=债)")


# an item naming the source its funds are of (vocab relations.yaml fund_sources: 中央, 省级, 县级 …)
SOURCE_NAMED = regex(f"^(?:本年|当年|全年)?(?:{alternation(words('relations', 'fund_sources'))})")


# words right before a whole's name that make it what was due or planned, not what came about (`项目应到位资金`,
# `计划投资`, `预计收入`); the 应 of 供应, 相应, 对应 … ends a word of its own
DUE_OR_PLANNED = regex(r"(?:(?<![供相对响适效反])应|计划|预计|拟)$")


def _planned_before(item: str, name: str) -> bool:
    """Do the words `item` adds before the whole's shortened `name` (it ends with) make it what was due or planned
    (`应` of `应到位资金`)?"""
    return DUE_OR_PLANNED.search(item[: len(item) - len(name)]) is not None


def _kind(item: str) -> str:
    found = DEBT_KIND.search(item)
    return found.group() if found else ""


def _wholes(draft: Draft, wanted: Identity, part: Quantity) -> list[tuple[Mention, Quantity]]:
    out = []
    for m in draft.facts.mentions:
        if m.identity.item != wanted.item or not wanted.context.agrees(m.identity.context):
            continue
        q = m.of_unit(part.base_unit)
        if q is not None and q.exact and q is not part:
            out.append((m, q))
    return out


def share_lists(draft: Draft) -> Iterator[ShareList]:
    """`A a，占 p%；B b，占 q%；…` with no whole stated, or with one whole named of which the document states no
    figure (`A a，占“三公”经费的 p%；B b，占“三公”经费的 q%`): the shares of one sentence form a list. Shares of
    a sentence that name two different wholes are of different lists: those naming none are one."""
    by_sentence: dict[int, list[Share]] = {}
    for s in draft.facts.shares:
        # (not a share left open on purpose, `certain=False`: a part's under a whole with a share of its own)
        if s.total is None and s.part is not None and s.certain:
            by_sentence.setdefault(s.sentence, []).append(s)
    owner = mention_index(draft)
    runs = [*_item_share_runs(draft, by_sentence), *_section_share_lines(draft, by_sentence)]
    for shares in [*runs, *by_sentence.values()]:
        named = {NAME_NOISE.sub("", s.base_label).removesuffix("的") for s in shares if s.base_label}
        whole = next(iter(named)) if len(named) == 1 else ""
        parts = [owner.get(s.part.start) for s in shares if s.part is not None]
        if _nests(parts):
            continue  # `中小企业 a，占 p%；小微企业 b，占 q%`: b is within a, the shares add up to no whole
        defined = bool(whole) and _defined_whole(draft, whole, parts, shares)
        if not defined:
            whole, shares = "", [s for s in shares if not s.base_label or _named_once_first(shares, s)]
        units = {s.part.base_unit for s in shares if s.part is not None}
        if len(shares) >= 2 and len(units) == 1:
            yield ShareList(shares, whole, defined)


NAME_NOISE = regex(r"[“”\"'‘’\s]")


# a whole named as the total of the list's items (`占自评资金总额的 p%`)
WHOLE_TOTAL = regex(alternation(words("relations", "whole_total_words")))


def _named_once_first(shares: list[Share], s: Share) -> bool:
    """Is `s` the first share of its list and the only one naming a whole (`A a，占自评资金总额的 p%；B b，占 q%；C c，
    占 r%`), named as a total? The whole is named once, at the first share, and left unsaid at the others: all are
    of it, and the list is judged as the shares of a list naming none are. A whole named otherwise (`A a，占全市同类
    资金的 p%；B b，占 q%`), or shares after it adding up to 100% by themselves, say the first is of another whole."""
    if s is not shares[0] or any(t.base_label for t in shares[1:]) or WHOLE_TOTAL.search(s.base_label) is None:
        return False
    return not _add_to_hundred(shares[1:])


def _add_to_hundred(shares: list[Share]) -> bool:
    """Do the stated shares add up to 100%, within their rounding?"""
    total = sum((t.stated.value for t in shares), Decimal(0))
    return abs(total - HUNDRED) <= sum((t.stated.ulp for t in shares), Decimal(0))


def _defined_whole(draft: Draft, whole: str, parts: list[Mention | None], shares: list[Share]) -> bool:
    """Is the named whole the listed parts' sum? Only when they are all the components of its definition (占全国的
    p% of two crops, 占年度预算的 p% of two budgets are shares of different wholes)."""
    if None not in parts:
        named = [p for p in parts if p is not None]
        if defines(whole, named) or _split_whole(draft, whole, named, shares):
            return True
    return _summed_total(draft, whole, shares)


def _nests(parts: list[Mention | None]) -> bool:
    """Does one part name a kind within another's (`小微企业` of `中小企业`)?"""
    named = [p for p in parts if p is not None]
    return any(a is not b and nested_kind(a.label, b.label) for a in named for b in named)


def _item_share_runs(draft: Draft, by_sentence: dict[int, list[Share]]) -> Iterator[list[Share]]:
    """`三、收入预算` / `（一）财政拨款收入 a，占 p%；` / `（二）事业收入 b，占 q%；` / `（三）其他收入 c，占 r%。`: one list
    the numbering set out item by item, the shares of its parts of one whole that none names. Read where every
    item of the run opens with a sentence holding one such share and no other (the items' sentences are taken
    out of `by_sentence`: their shares are this list's)."""
    starts = [s.start for s in draft.doc.sentences]
    for run in runs_of(draft):
        opening = [bisect_left(starts, sec.start) for sec in run]
        if any(si >= len(starts) or starts[si] != sec.start for si, sec in zip(opening, run)):
            continue  # an item whose heading opens no sentence of its own
        shares = [by_sentence.get(si, []) for si in opening]
        if all(len(x) == 1 and not x[0].base_label for x in shares):
            for si in opening:
                del by_sentence[si]
            yield [x[0] for x in shares]


def _section_share_lines(draft: Draft, by_sentence: dict[int, list[Share]]) -> Iterator[list[Share]]:
    """`（二）结构情况` / `一般公共服务支出 a，占 p%。` / `卫生健康支出 b，占 q%。` / …: a heading whose text is lines of one
    sum and its share naming no whole each, and nothing else, sets out one list: the shares of its parts of one
    whole. Read where every sentence of the section holding a figure is such a line (two at least), each its own
    paragraph (the lines' sentences are taken out of `by_sentence`: their shares are this list's)."""
    doc = draft.doc
    # (a list is two lines at least under one heading, each a sentence of shares left in `by_sentence`: where no
    # heading holds two, most documents, the sentences of figures are not walked)
    held = Counter(id(doc.section_at(doc.sentences[si].start)) for si in by_sentence)
    if not held or max(held.values()) < 2:
        return
    by_section: dict[int, list[int]] = {}
    for si in sorted(draft.by_sentence):
        if draft.by_sentence[si]:
            sec = doc.section_at(doc.sentences[si].start)
            if sec is not None and sec.title:
                by_section.setdefault(id(sec), []).append(si)
    for lines in by_section.values():
        if len(lines) < 2 or len({doc.sentences[si].paragraph for si in lines}) != len(lines):
            continue
        shares = [by_sentence.get(si, []) for si in lines]
        if all(len(x) == 1 and not x[0].base_label and _sum_and_share(draft, si, x[0]) for x, si in zip(shares, lines)):
            for si in lines:
                del by_sentence[si]
            yield [x[0] for x in shares]


def _sum_and_share(draft: Draft, si: int, share: Share) -> bool:
    """Does the sentence state one sum, the share's part, and no other figure (the share's own is no mention's)?"""
    figures = [q for m in draft.by_sentence.get(si) or [] for q in m.quantities]
    return len(figures) == 1 and figures[0] is share.part and figures[0].kind == "amount"


OUTCOME_ONLY = ("执行", "决算")
YEAR_SPENT = "本年支出合计"
# an item that is a total word alone (`执行总额` read as the stage 执行 and the item 总额): no item of its own
TOTAL_ONLY = ("总额", "合计", "总计")


def _split_whole(draft: Draft, whole: str, parts: list[Mention], shares: list[Share]) -> bool:
    """`基本支出执行 a，项目支出执行 b，分别占全年执行数的 p% 和 q%`: a whole named as the total the parts are the
    required components of (`总支出`), or as the year's outcome alone (`全年执行数`), of no other scope or fund
    than theirs, is their sum where the shares stated add up to 100% at least: an optional component left out
    (`经营支出`) is then nothing (shares adding up to less may leave room for it, and are not judged)."""
    item, said = draft.labeller.identify(whole)
    if said.scope is not None or said.fund is not None or said.period not in (None, "+0"):
        return False  # (the report's own year, `全年`, is the parts' however they name it)
    if said.stage is not None and any(p.identity.context.stage not in (None, said.stage) for p in parts):
        return False
    if not item or item in TOTAL_ONLY:
        # the year's outcome, named by its stage alone (`全年执行数`, `执行总额`), is what the year spent
        if said.stage not in OUTCOME_ONLY:
            return False
        item = YEAR_SPENT
    total = sum((s.stated.value for s in shares), Decimal(0))
    slack = sum((s.stated.ulp for s in shares), Decimal(0))
    if not all(s.stated.exact for s in shares) or not splits(item, parts):
        return False
    return total >= 100 - slack or _stated_sum(draft, shares)


def _within(draft: Draft, a: int, here: Section | None) -> bool:
    """Does offset `a` stand in the section `here` or one below it (the titled heading a figure stands under, the
    text after a run-in heading below it being the outer one's: `三、资金情况` / `（二）预算执行。全年执行数 T。` /
    `按支出性质分，…`)?"""
    there = draft.doc.section_at(a)
    while there is not None and there is not here:
        there = there.parent
    return here is not None and there is here


def _stated_sum(draft: Draft, shares: list[Share]) -> bool:
    """Do the shares' parts add up, to the last digit, to a figure of their stage stated before them under the same
    heading, an outcome (`全年执行数 T。…基本支出执行 a，占执行总额的 p%；项目支出执行 b，占 q%`, a + b = T)? Then no
    optional component is left out, whatever the shares add up to."""
    return bool(_sums_stated(draft, shares))


def _sums_stated(draft: Draft, shares: list[Share]) -> list[Mention]:
    """The outcomes stated before the shares under their heading whose figure their parts add up to, to the last
    digit (`_stated_sum`)."""
    figures = [s.part for s in shares if s.part is not None and s.part.exact and s.part.kind == "amount"]
    if len(figures) != len(shares) or len({q.base_unit for q in figures}) != 1:
        return []
    first = min(q.start for q in figures)
    whole = sum((q.base_value for q in figures), Decimal(0))
    here = _titled(draft.doc.section_at(first))  # (the heading the shares stand under, climbed to once)
    if here is None:
        return []
    return [
        m
        for m in draft.facts.mentions
        if m.start < first and m.identity.context.stage in OUTCOME_ONLY and _within(draft, m.start, here)
        if any(
            q.exact and q.kind == "amount" and q.base_unit == figures[0].base_unit and q.base_value == whole
            for q in m.quantities
        )
    ]


# a whole named as a total (`到位资金总额`, `支出合计`): the thing before the total's word
NAMED_TOTAL = regex(r"^(?P<thing>[\u4e00-\u9fff]{2,12}?)(?:总额|合计|总计|总量)$")


def _summed_total(draft: Draft, whole: str, shares: list[Share]) -> bool:
    """`实际到位 T。…中央资金 a，占到位资金总额的 p%；省级资金 b，占 q%；…`: a whole named as a total (`…总额`) is the
    sum of the listed parts where they add up, to the last digit, to an outcome stated before them under their heading
    (`_stated_sum`) whose item the whole's name holds (`到位` in `到位资金总额`): the list is then that total's every
    part, whatever the shares add up to. (A sum stated of another item, `安排 T'` where the name says 到位: no whole.)"""
    named = NAMED_TOTAL.fullmatch(whole)
    if named is None or len(shares) < 2:
        return False
    items = {m.identity.item for m in _sums_stated(draft, shares)}
    return any(len(item) >= 2 and item in named.group("thing") for item in items)


def qualified_shares(draft: Draft) -> Iterator[Share]:
    """`新增债券 X（一般债券 a、专项债券 b）。新增专项债券占新增债券的 p%`: a share whose words name no figure of the
    text as its part, but a list's part with the list total's qualifier before it (新增 + 专项债券) or a noun of
    the total's name after it (服务类 + 采购), and as its whole that total: the one such list in its sentence or
    the three before, under the same heading. Inferred (a warning)."""
    read = {id(s.stated) for s in draft.facts.shares}  # (a share another reading took: `A a，B b，分别占…`)
    for part_name, whole_name, stated, si in draft.unread_shares:
        part_item = draft.labeller.identify(part_name)[0]
        if len(part_item) < 2 or id(stated) in read:
            continue  # (no part named: `分别占`)
        whole_item = draft.labeller.identify(SHARE_TAIL.sub("", whole_name))[0]
        found = [
            (p, b.total)
            for b in _lists_up_to(draft, si)
            if _obtained(draft.labeller.identify(b.total.label)[0]) == whole_item or _all_divided(draft, b, whole_name)
            for p in b.parts
            if _names_part(whole_item, draft.labeller.identify(p.label)[0], part_item)
        ]
        if len(found) != 1:
            continue
        part, whole = (m.quantities[0] if len(m.quantities) == 1 and m.quantities[0].exact else None for m in found[0])
        if part is not None and whole is not None and part.base_unit == whole.base_unit:
            yield Share(stated, part, whole, whole_name, si, certain=False)


def _all_divided(draft: Draft, b: Breakdown, whole_name: str) -> bool:
    """`项目累计支出 T。按支出内容划分，A a；B b；…。其中A支出占全部支出的 p%`: a share's whole named as all there is of
    a kind is the total a division by a dimension of that kind breaks down (`按支出内容划分`: its parts are all the
    spending), where the total's item is of that kind (`…支出`)."""
    named = ALL_OF.match(whole_name.strip("，、；：: "))  # (`全部支出的`: a whole named as all there is of a kind)
    if named is None or b.keyword != "按…分" or not b.parts:
        return False
    noun = named.group("tail")
    sentence = draft.doc.sentences[b.parts[0].sentence]
    division = DIMENSION.match(draft.doc.text[sentence.start : sentence.end])
    return (
        division is not None and noun in division.group() and draft.labeller.identify(b.total.label)[0].endswith(noun)
    )


# the verb of a sum obtained, opening a total's item (`全年共争取上级补助收入 T`: the whole a share names `上级补助收入`;
# a debt's sum raised by issuing it, `全年发行新增债券 T`: `新增债券`)
OBTAINED = regex(r"^(?:争取|获得|取得|收到|发行)(?=[\u4e00-\u9fff]{4})")
# the account a part's name ends with as its total's does (`专项转移支付收入` of `上级补助收入`), which a share may leave
# out of the part's name (`专项转移支付占上级补助收入的 p%`)
ACCOUNT_ENDS = ("收入", "支出")


def _obtained(item: str) -> str:
    """A total's item less the verb of obtaining it that opens it (`争取上级补助收入`: 上级补助收入)."""
    return OBTAINED.sub("", item)


def _names_part(total: str, item: str, named: str) -> bool:
    """Does a share name the list's part `item` by `named`: with the total's qualifier before it (`_qualified`),
    or with a noun of the total's name after it (`服务类` of `政府采购总额` named `服务类采购`: two characters at least,
    words of the total's name, what the part is one kind of), or less the account both names end with (`专项转移支付`
    of `专项转移支付收入` under `上级补助收入`: four characters at least left)?"""
    if _qualified(total, item) == named:
        return True
    if len(named) >= 4 and any(item == named + end and total.endswith(end) for end in ACCOUNT_ENDS):
        return True
    rest = named.removeprefix(item)
    return len(item) >= 2 and rest != named and len(rest) >= 2 and rest in total


# the words after a share's whole (`新增债券的`, `…的比重为`)
SHARE_TAIL = regex(r"(?:的)?(?:比重|比例|占比)?(?:为|是)?$")


def _qualified(total: str, part: str) -> str:
    """The part's name with the total's qualifier before it (`新增债券`, `专项债券` → `新增专项债券`): the total's
    name less the end both share (at least two characters: `债券`); "" when they share none such."""
    n = 0
    while n < min(len(total), len(part)) and total[-1 - n] == part[-1 - n]:
        n += 1
    return total[:-n] + part if n >= 2 and len(total) > n else ""
