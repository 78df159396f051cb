"""Rates and written formulas: 执行率、完成率、完成预算的 p% … against their operands, and `A/B*100%=C`."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from decimal import Decimal
from itertools import combinations
from typing import TYPE_CHECKING

from tieout.linter.facts.identity import renamed_stage, short_names
from tieout.linter.facts.model import Breakdown, Formula, Mention, Rate
from tieout.linter.facts.passes.base import BEYOND_TARGET
from tieout.linter.facts.passes.multiples import MULTIPLE_UNIT
from tieout.linter.facts.passes.surveys import ANSWER_END, ANSWER_NOTED_END, ANSWERED, goes_on, satisfied, scale_ranks
from tieout.linter.figures.context import BUDGET_STAGES, SIDES, read, to_month
from tieout.linter.figures.intervals import HUNDRED, Verdict, add, digit_slip, fmt, fmt_rate, interval, ratio, sub
from tieout.linter.figures.labels import GENERIC_ITEMS, shared_word
from tieout.linter.figures.quantities import MULTIPLIERS, Quantity
from tieout.linter.parse.formulas import evaluate
from tieout.linter.patterns import lazy, regex
from tieout.linter.rules.base import CheckContext, Outcome, Result, Rule
from tieout.linter.rules.hooks import hookimpl
from tieout.linter.text.model import Section
from tieout.linter.vocab import alternation, load, wordings, words
from tieout.linter.vocab import relation_words as _alt

if TYPE_CHECKING:  # (the table reader's cell, in annotations only: `tieout rules` imports no parser)
    from tieout.linter.parse.tables.lookup import Hit

from ._util import PER_UNIT, lists_in_sentence, one_unit_holds, units_apart

TRIVIAL = {Decimal(0), Decimal(1), Decimal(100)}


EXECUTION_RATE = regex(f"(?:{_alt('execution_rate')})")
PLAN = regex(f"(?:{_alt('plan_words')})")
OUTCOME = regex(f"(?:{_alt('outcome_words')})")
PLAN_STAGES = (*BUDGET_STAGES, "计划")
NAMED_BASE = regex(f"(?:{_alt('named_bases')})")
# a rate measured against a budget (`完成预算的`, `为调整预算的`, `预算执行率`)
AGAINST_BUDGET = regex(r"预算")
# a budget's label naming a later stage than the approved one, or an outcome of it (`调整预算`, `全年预算`, `预算执行数`)
PLAN_LATER = regex(r"调整|全年|年中|追加|变动|执行|完成")


def _ratio_outcome(
    ctx: CheckContext, r: Rate, num: Quantity, den: Quantity, certain: bool, word: str, change: bool = False
) -> Outcome:
    """num / den in %; with `change`, (num − den) / den (an adjustment rate: the adjusted budget over the
    initial one), its size where a cut is written unsigned (`调减…，调整率 5%`)."""
    top, shown, above = ctx.interval(num), num.text, ctx.value(num)
    if change:
        cut = ctx.value(num) < ctx.value(den) and r.stated.value >= 0
        top = sub(ctx.interval(den), top) if cut else sub(top, ctx.interval(den))
        above = abs(ctx.value(num) - ctx.value(den)) if cut else ctx.value(num) - ctx.value(den)
        shown = f"({den.text}−{num.text})" if cut else f"({num.text}−{den.text})"
    exact = above / ctx.value(den) * HUNDRED
    iv = ratio(top, ctx.interval(den))
    verdict = "fail" if iv is None else ctx.judge(interval(r.stated), iv, r.stated.ulp)
    expected = fmt_rate(exact, r.stated)
    related = [(num, "分子"), (den, word)]
    computed = f"{shown}/{den.text} = {fmt(exact, 4)}%"
    if verdict == "rounding":
        # the miss is measured from what the operands' precision allows, not from the exact quotient shown
        msg = f"{r.name} {r.stated.text} 与 {computed} 不符，计入各数的舍入后相差不足末位一个单位"
    else:
        msg = f"{r.name} {r.stated.text} 与 {computed} 不符，应为 {expected}"
        if verdict == "fail" and not change and one_unit_holds(ctx, num, den, r.stated):
            # read in one unit the figures give the rate written: which has the wrong unit is not told
            msg = f"{r.name} {r.stated.text} 与 {computed} 不符；{units_apart(num, den)}"
            return Outcome(r.stated, verdict, "rate", related, msg, r.stated.text, None, None, certain)
    return Outcome(r.stated, verdict, "rate", related, msg, r.stated.text, expected, expected, certain)


def _adjusted_outcome(ctx: CheckContext, r: Rate) -> Outcome:
    """`年初 A，年末 B，扣除客观增加因素 C 后，保值增值率 p%`: p is (B − C (+ D)) / A in per cent, D what lowered B
    from outside where the text names it (operands: B, A, C, D)."""
    num, den, less, *more = r.operands
    top = sub(ctx.interval(num), ctx.interval(less))
    above = ctx.value(num) - ctx.value(less)
    shown = f"{num.text}−{less.text}"
    for q in more:
        top = add([top, ctx.interval(q)])
        above += ctx.value(q)
        shown += f"+{q.text}"
    iv = ratio(top, ctx.interval(den))
    verdict = "fail" if iv is None else ctx.judge(interval(r.stated), iv, r.stated.ulp)
    related = [(num, "分子"), (less, "扣除"), *((q, "加回") for q in more), (den, "分母")]
    if verdict == "pass" or ctx.value(den) == 0:
        return Outcome(r.stated, verdict, "rate", related, operands=[num, den, less, *more])
    exact = above / ctx.value(den) * HUNDRED
    expected = fmt_rate(exact, r.stated)
    msg = f"{r.name} {r.stated.text} 与 ({shown})/{den.text} = {fmt(exact, 4)}% 不符，应为 {expected}"
    return Outcome(r.stated, verdict, "rate", related, msg, r.stated.text, expected, expected, r.certain)


def _multiple_outcome(ctx: CheckContext, r: Rate) -> Outcome | None:
    """`A a，是 B b 的 k 倍` (passes/multiples.py): k is a / b, no per cent."""
    num, den = r.operands
    iv = ratio(ctx.interval(num), ctx.interval(den), factor=Decimal(1))
    if iv is None or ctx.value(den) == 0:
        return None
    exact = ctx.value(num) / ctx.value(den)
    verdict = ctx.judge(interval(r.stated), iv, r.stated.ulp)
    related = [(num, "分子"), (den, "基数")]
    if verdict == "pass":
        return Outcome(r.stated, "pass", "rate", related, operands=[num, den])
    expected = f"{fmt(exact, r.stated.decimals)}倍"
    msg = f"{num.text} {r.name.removesuffix('的倍数')}的 {r.stated.text}：{num.text}/{den.text} = {fmt(exact, 4)} 倍，应为 {expected}"
    return Outcome(r.stated, verdict, "rate", related, msg, r.stated.text, expected, expected, r.certain, [num, den])


def rate_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    for r in ctx.facts.rates:
        if r.definition:
            yield _defined_outcome(ctx, r)
            continue
        if r.stated.unit == MULTIPLE_UNIT and r.formula is None and len(r.operands) == 2:
            o = _multiple_outcome(ctx, r)
            if o is not None:
                yield o
            continue
        if r.formula is not None or r.stated.kind != "percent" or not r.stated.exact:
            continue
        o = _over_moved_budget(ctx, r, _percent_outcome(ctx, r))
        if o is not None:
            yield o


def _over_moved_budget(ctx: CheckContext, r: Rate, o: Outcome | None) -> Outcome | None:
    """`收入年初预算 A，执行中调减为 B，实际完成 X，为预算的 p%`: a budget rate naming no stage that misses over the
    initial budget found may be of the budget as moved (B, read as a change's movement to its new level, or a figure named
    by the move's words, stated before the rate in its section): over it, a rate that fits passes; one that fits
    neither is not reported (which budget the author meant is not said). With no move stated, a rate that misses
    over an initial budget, where its section tells the initial budget from the year's whole one
    (`_adjustment_said`: `“三公”经费年初预算 A，全年预算 B。其中，…费年初预算 a。…费支出决算 x，完成预算的 p%`), may
    be of the item's whole-year budget, which the report does not state: not reported either."""
    if o is None or o.verdict == "pass" or len(o.related) != 2 or INITIAL.search(r.name):
        return o
    if BUDGET_RATE.search(r.name.strip()) is None:
        return o
    num, den = o.related[0][0], o.related[1][0]
    moved = _moved_budgets(ctx, r.stated.start, num)
    initial = ctx.index.mention_of(den)
    named_initial = initial is not None and _names_initial(initial.label)
    # (the budget found is the one before the move: named 年初, or stated before the move to the new figure)
    if not moved or not (named_initial or any(q.start > den.start for q in moved)):
        # (over an adjusted budget already, or no move stated: read as found, unless the whole-year budget is unsaid)
        return None if initial is not None and named_initial and _adjustment_said(ctx, initial) else o
    # (the rate over the initial budget is o, which missed: only the moved ones are left to try)
    return _fitting_budget(ctx, r, num, [q for q in moved if q is not num])


def _fitting_budget(ctx: CheckContext, r: Rate, num: Quantity, budgets: list[Quantity]) -> Outcome | None:
    """The rate over the first of the budgets it may be of that it fits (a pass), else None: which budget the
    author meant is not said, so a rate that fits none is not reported. An inferred relation (not certain)."""
    tried = (_ratio_outcome(ctx, r, num, q, False, "调整后预算数") for q in budgets)
    return next((o for o in tried if o.verdict == "pass"), None)


def _defined_outcome(ctx: CheckContext, r: Rate) -> Outcome:
    """A ratio its name defines (vocab/ratios.yaml), its operands (numerator, denominator) named so: in per cent,
    or a plain quotient where written without % (`流动比率为 2.58`)."""
    if r.definition == "adjusted":
        return _adjusted_outcome(ctx, r)
    num, den = r.operands
    if r.stated.kind == "percent":
        return _ratio_outcome(ctx, r, num, den, r.certain, "分母", change=r.definition == "change")
    iv = ratio(ctx.interval(num), ctx.interval(den), factor=Decimal(1))
    verdict = "fail" if iv is None else ctx.judge(interval(r.stated), iv, r.stated.ulp)
    related = [(num, "分子"), (den, "分母")]
    exact = ctx.value(num) / ctx.value(den) if ctx.value(den) != 0 else Decimal(0)
    expected = fmt(exact, r.stated.decimals)
    msg = f"{r.name} {r.stated.text} 与 {num.text}/{den.text} = {fmt(exact, 4)} 不符，应为 {expected}"
    return Outcome(r.stated, verdict, "rate", related, msg, r.stated.text, expected, expected, r.certain)


def _percent_outcome(ctx: CheckContext, r: Rate) -> Outcome | None:
    """A rate in percent against the figures its words and place make it of."""
    if not r.ordered and EXECUTION_RATE.search(r.name) and (o := _beyond_target(ctx, r)) is not None:
        return o  # `…12.6 公里，超过目标 0.6 公里，完成率 105%`: over the target the gap leaves
    if ADJUSTMENT_RATE.search(r.name) and not r.ordered:
        return _adjustment(ctx, r)  # `年初预算 A，调整后预算 B，调整率 p%`: (B − A) / A
    if r.ordered:
        return _in_sentence(ctx, r)  # `为年初预算 500 万元的 96%`: its denominator is in the phrase
    if len(r.operands) == 1 and RECTIFIED_RATE.search(r.name) and (o := _over_problems(ctx, r)) is not None:
        return o  # `发现问题 35 个，问题金额 A。…已整改问题金额 B，整改率 p%`
    if len(r.operands) == 1 and (EXECUTION_RATE.search(r.name) or SURVEY_RATE.search(r.name)):
        return _one_operand(ctx, r)
    if not r.operands and SURVEY_RATE.search(r.name):
        return _over_answers(ctx, r)  # `有效问卷 N 份，满意 a 份，基本满意 b 份，不满意 c 份，满意度 p%`
    if not r.operands and EXECUTION_RATE.search(r.name):
        # `…实际到位资金 B。资金到位率为 p%。`: the rate alone in its sentence, its outcome the sentence before
        return _without_operands(ctx, r)
    if len(r.operands) == 2 and (o := _gap_after(ctx, _amount_of_counted(r))) is not None:
        return o  # `上述5个部门…决算合计 A，为年初预算的 r%，较预算减少 Δ`: the count is whose A is, no operand
    if NAMED_BASE.search(r.name) and _named_base(ctx, r) is None:
        # `…其中区本级 41.2 亿元，完成调整预算的 98.6%`: the budget it names is no figure of its sentence
        return _against_budget(ctx, r)
    if AGAINST_BUDGET.search(r.name) and not any(_role(ctx, label) == "plan" for label in r.labels):
        # `收入 412.6 亿元，完成预算的 97.8%`: the figure before the rate over its budget, stated elsewhere
        return _against_budget(ctx, r)
    return _in_sentence(ctx, r)


# the rate of problems an audit found that were put right (`整改率`, `问题整改到位率`), what was put right (`已整改问题
# 金额`, `已整改到位`), and what was found (`发现问题 35 个`, `问题金额`, `反映的问题共`)
RECTIFIED_RATE = regex(r"整改(?:到位|完成)?率$")
RECTIFIED = regex(r"整改")
FOUND_PROBLEMS = regex(r"问题")


def _over_problems(ctx: CheckContext, r: Rate) -> Outcome | None:
    """`本年度审计共发现问题 35 个，问题金额 38,246 万元。…已整改问题金额 29,612 万元，整改率 p%`: what was put right
    (the one figure before the rate, named 整改) over what the audit found in its unit: the one exact figure of
    that unit named 问题 (not 整改) before it in its paragraph. Another such figure (two totals, a part's) and which
    one the rate is of is not said: not read. Inferred: a warning."""
    num = r.operands[0]
    own = ctx.index.mention_of(num)
    if own is None or not RECTIFIED.search(own.label):
        return None
    paragraph = _paragraph_of(ctx, own.sentence)
    found = [
        q
        for m in paragraph
        if FOUND_PROBLEMS.search(m.label) and not RECTIFIED.search(m.label)
        for q in m.quantities
        if q.end <= num.start and q.exact and q.kind == num.kind and q.base_unit == num.base_unit
    ]
    if len(found) != 1 or ctx.value(found[0]) <= 0 or ctx.value(found[0]) < ctx.value(num):
        return None
    if ctx.index.mention_of(found[0]) not in ctx.index.in_sentence(own.sentence) and _opened_otherwise(ctx, own, num):
        return None
    return _ratio_outcome(ctx, r, num, found[0], False, "发现问题数")


def _rectified_of_found(r: Rate) -> tuple[Quantity, Quantity] | None:
    """(what was put right, what was found) of a rectification rate after its two figures, in one unit, the one
    named 整改 and the other 问题 (not 整改): `涉及问题金额 A，已整改 B，金额整改率 p%`, `发现问题 N 个，已整改 M 个，
    整改率 p%`. Any other pair of names says nothing of which figure the rate is of."""
    if not RECTIFIED_RATE.search(r.name) or len(r.operands) != 2 or len(r.labels) != 2:
        return None
    a, b = r.operands
    if a.base_unit != b.base_unit or a.kind != b.kind:
        return None
    rectified = [RECTIFIED.search(label) is not None for label in r.labels]
    found = [FOUND_PROBLEMS.search(label) is not None and not done for label, done in zip(r.labels, rectified)]
    if rectified == [False, True] and found == [True, False]:
        return b, a
    if rectified == [True, False] and found == [False, True]:
        return a, b
    return None


# the words a sentence may open with before what was put right and still go on from the audit's findings before
# it: a time (`截至年底，`, `目前，`), nothing else
SINCE_THEN = regex(r"(?:(?:截至|截止到?|至|到)[^，。；,;]{1,12}|目前|当前|年内|全年|其中)[，,]?")


def _opened_otherwise(ctx: CheckContext, own: Mention, num: Quantity) -> bool:
    """Does the sentence of what was put right open with other words than a time before its figure's label
    (`对乙局的审计中，已整改问题金额 a`)? They may name another audit, entity or year than the findings of the
    sentence before: which findings the rate is of is then not said."""
    sentence = ctx.doc.sentences[own.sentence]
    before = ctx.doc.text[sentence.start : num.start]
    at = before.rfind(own.label.strip()) if own.label.strip() else -1
    opening = (before[:at] if at >= 0 else before).strip()
    return bool(opening) and SINCE_THEN.fullmatch(opening) is None


def _named_base(ctx: CheckContext, r: Rate) -> tuple[list[Quantity], list[Quantity]] | None:
    """(denominators, numerators) when the rate names its base and exactly one figure of its sentence is stated
    under that name (`年初预算为 0 万元，全年预算为 150.00 万元，支出决算为 138.00 万元，完成年初预算的 92.00%`)."""
    base = NAMED_BASE.search(r.name)
    if base is None:
        return None
    # the labels as written: a key has its period words (全年) taken off
    labels = [_written(ctx, q, label) for q, label in zip(r.operands, r.labels)]
    named = [i for i, label in enumerate(labels) if base.group() in label]
    if not named and base.group()[:2] in ("年度", "全年"):
        # `计划 40 个，实际建成 37 个，完成年度计划的 92.50%`: this year's plan, named without its year
        core = base.group()[2:]
        named = [i for i, label in enumerate(labels) if core in label and not re.search("年初|调整", label)]
    if not named and base.group() == "年初预算":
        # `2024年度预算为 A，支出决算为 B，完成年初预算的 p%`: the one budget of its sentence, named by no stage of
        # the year (a 决算's 预算 is the budget approved at its start unless it says 调整, 全年, 追加, 变动)
        named = [i for i, label in enumerate(labels) if "预算" in label and not PLAN_LATER.search(label)]
    if not named and base.group() in ADJUSTED_BASES:
        return _adjusted_to(ctx, labels, r)
    if len(named) != 1:
        return None
    den = r.operands[named[0]]
    return [den], [q for q in r.operands if q is not den and q.base_unit == den.base_unit]


# an adjusted budget written as the move that made it (`收入预算 A，执行中按法定程序调整为 B`, `支出变动预算数为 B`):
# the budget a rate `为调整预算的 p%` names, where no figure is named 调整预算 itself
ADJUSTED_BASES = ("调整预算", "调整后预算", "变动预算")
ADJUSTED_TO = regex(r"(?:调整(?:为|至|到)|变动预算数?(?:为|是)?)$")


def _adjusted_to(ctx: CheckContext, labels: list[str], r: Rate) -> tuple[list[Quantity], list[Quantity]] | None:
    """`收入预算 A，执行中调整为 B，实际完成 C，为调整预算的 p%`: over the one figure named as the move to the
    adjusted budget, of the one figure of its unit after it, named as an outcome (实际完成 C), of the same side
    (收入, 支出) and scope. Another figure between them, or none named so, and which one the rate is of is not
    said: not read."""
    moved = [i for i, label in enumerate(labels) if ADJUSTED_TO.search(label.strip())]
    if len(moved) != 1:
        return None
    k = moved[0]
    den = r.operands[k]
    after = [i for i in range(k + 1, len(r.operands)) if r.operands[i].base_unit == den.base_unit]
    if len(after) != 1 or not OUTCOME.search(labels[after[0]]):
        return None
    num = r.operands[after[0]]
    if not _same_side(labels[k], labels[after[0]]) or not _same_scope(ctx, den, num):
        return None
    return [den], [num]


def _same_side(a: str, b: str) -> bool:
    """Do two labels name no two different sides (`收入预算调整为` and `支出完成`)?"""
    sides = {side for label in (a, b) for side in ("收入", "支出") if side in label}
    return len(sides) <= 1


def _same_scope(ctx: CheckContext, a: Quantity, b: Quantity) -> bool:
    ma, mb = ctx.index.mention_of(a), ctx.index.mention_of(b)
    if ma is None or mb is None:
        return False
    return ma.identity.context.scope == mb.identity.context.scope


def _adjusted_before(ctx: CheckContext, r: Rate) -> Outcome | None:
    """`市本级一般公共预算年初安排支出 A，执行中…支出预算调整为 B。全年市本级一般公共预算支出 C，完成调整预算的 p%。`:
    a rate naming the adjusted budget (调整预算, 变动预算) after one outcome figure whose sentence states no plan is
    over the one adjusted budget (`调整为 B`, `变动预算数为 B`, `调整预算数 B`) of its side (收入, 支出) stated in an
    earlier sentence of its paragraph: the side's whole (not a part's, `上解支出调整为`), of the outcome's scope,
    fund and year. Two such budgets in the paragraph (two levels, two funds), a paragraph naming two funds, or a
    scope or side left unsaid where the paragraph names two, and which budget is meant is not sure: not read.
    Inferred: a warning."""
    num = r.operands[-1] if r.operands else None
    own = ctx.index.mention_of(num) if num is not None else None
    if not _names_adjusted(r) or num is None or own is None:
        return None
    if _role(ctx, own.label) != "outcome" or _listed(ctx, own, chain_start=False) or _past(own.identity.context.period):
        return None
    paragraph = _paragraph_of(ctx, own.sentence)
    if any(m.sentence == own.sentence and _role(ctx, m.label) == "plan" for m in paragraph):
        return None  # (a plan in the rate's own sentence: read as one sentence, or not at all)
    plan = _one_move_before(own, paragraph)
    if plan is None:
        paragraph = [*_budgets_before(ctx, paragraph[0].sentence), *paragraph]
        plan = _one_move_before(own, paragraph)
    if plan is None:
        return None
    den = plan.quantities[0]
    # (the parts the outcome breaks into, `其中，县本级支出 a，乡镇支出 b`, are its levels, no other scope it may be of)
    own_parts = ctx.memo("rates.parts_by_total", lambda: _parts_by_total(ctx)).get(id(own), set())
    others = [m for m in paragraph if id(m) not in own_parts]
    if not _alike(ctx, num, den) or not _one_context(plan, own, others):
        return None
    return _ratio_outcome(ctx, r, num, den, False, "调整预算数")


def _budgets_before(ctx: CheckContext, first: int) -> list[Mention]:
    """The figures of the paragraph right before the one opening with sentence `first`, under the same heading,
    when they are all budgets (`收入年初预算 A，年中调整为 B。` / `全年完成 C，完成调整预算的 p%`: a PDF's line
    ending at the 。 breaks one statement in two); else none."""
    sentences = ctx.doc.sentences
    if first == 0 or ctx.doc.section_at(sentences[first - 1].start) is not ctx.doc.section_at(sentences[first].start):
        return []
    before = _paragraph_of(ctx, first - 1)
    return before if before and all(_role(ctx, m.label) == "plan" for m in before) else []


def _parts_by_total(ctx: CheckContext) -> dict[int, set[int]]:
    """The parts of each list's total (by id), once a document: what a rate's figure breaks into."""
    out: dict[int, set[int]] = {}
    for b in ctx.facts.breakdowns:
        out.setdefault(id(b.total), set()).update(id(p) for p in b.parts)
    return out


def _one_move_before(own: Mention, paragraph: list[Mention]) -> Mention | None:
    """The one adjusted budget of the outcome's side in its paragraph, stated in a sentence before it, one figure."""
    side = _side_of(own, paragraph)
    moves = [m for m in paragraph if _moved_to(m) and _side_of(m, paragraph) == side]
    if side is None or len(moves) != 1 or moves[0].sentence >= own.sentence or len(moves[0].quantities) != 1:
        return None
    return moves[0]


def _names_adjusted(r: Rate) -> bool:
    base = NAMED_BASE.search(r.name)
    return base is not None and base.group() in ADJUSTED_BASES


def _moved_to(m: Mention) -> bool:
    """Is the figure an adjusted budget: named as the move to it (`调整为`, `变动预算数为`) or as the adjusted
    budget itself (`调整预算数`), not an initial one?"""
    if _names_initial(m.label):
        return False
    if ADJUSTED_TO.search(m.label.strip()):
        return True  # (`支出预算调整为`: of two stages by its words, its stage is read as unknown)
    return m.identity.context.stage == "调整预算" and any(b in m.label for b in ADJUSTED_BASES)


def _side_of(m: Mention, paragraph: list[Mention]) -> str | None:
    """The side (收入, 支出) a figure is the whole of: its item the side's word alone, or its item unsaid (or
    naming no side) and the side named by the figure before it in its sentence (`收入预算 A，执行中调整为 B`: the move of A), else by the
    paragraph where it names one side only. A part (`税收收入`, `上解支出`) is no side's whole."""
    item = m.identity.item
    if item and any(side in item for side in SIDES):
        return item if item in SIDES else None
    # (an item naming no side is words of the move, `年中调整为 B`, `因追加转移支付等因素调整为 B`: unsaid)
    before = [p for p in paragraph if p.sentence == m.sentence and p.start < m.start and p.identity.item]
    if before:
        return _side_of(before[-1], paragraph)
    named = {s for p in paragraph for s in SIDES if s in p.label}
    return next(iter(named)) if len(named) == 1 else None


def _one_context(plan: Mention, own: Mention, paragraph: list[Mention]) -> bool:
    """Are the adjusted budget and the outcome of one scope, fund and year: each the same where both are said,
    the paragraph naming no other where one is unsaid, and naming one fund at most?"""
    a, b = own.identity.context, plan.identity.context
    if not _same_period(a.period, b.period) or _past(b.period):
        return False
    # (figures of the outcome's unit: `8 个乡镇` counts the places, no other scope the money may be of)
    unit = own.quantities[0].base_unit
    paragraph = [m for m in paragraph if m.quantities and m.quantities[0].base_unit == unit]
    funds = {m.identity.context.fund for m in paragraph} - {None}
    scopes = {m.identity.context.scope for m in paragraph} - {None}
    if len(funds) > 1:
        return False
    if a.scope is None or b.scope is None:
        return len(scopes) <= 1
    return a.scope == b.scope


def _named_base_before(ctx: CheckContext, r: Rate) -> Outcome | None:
    """`全市年度预算安排 A。全市一般公共预算收入 X，完成年度预算的 p%。`: a rate naming its base (年度预算) after one
    figure is over the one figure of the sentence right before, in its paragraph, stated under that very name,
    when that is the paragraph's only figure so named, of the figure's scope and period, naming no other item,
    and of its fund (or naming none where the paragraph states no other fund). Inferred: a warning."""
    base = NAMED_BASE.search(r.name)
    num = r.operands[-1] if r.operands else None
    own = ctx.index.mention_of(num) if num is not None else None
    if base is None or num is None or own is None or _role(ctx, own.label) == "plan" or _listed(ctx, own):
        return None
    si, sentences = own.sentence, ctx.doc.sentences
    if si == 0 or sentences[si - 1].paragraph != sentences[si].paragraph:
        return None
    paragraph = _paragraph_of(ctx, si)
    named = [m for m in paragraph if base.group() in m.label]
    if len(named) != 1 or named[0].sentence != si - 1 or len(named[0].quantities) != 1:
        return None
    plan, den = named[0], named[0].quantities[0]
    if not _alike(ctx, num, den) or not _budget_of(plan, own, paragraph, base.group()) or _base_of_other(ctx, den, own):
        return None
    return _ratio_outcome(ctx, r, num, den, False, base.group())


def _base_of_other(ctx: CheckContext, den: Quantity, own: Mention) -> bool:
    """Is the budget already the base another item is measured against (`收入 A，为调整预算 B 的 p%。支出 C，完成
    调整预算的 q%`: B is the income's budget, not the spending's)?"""
    for other in ctx.facts.rates:
        if other.ordered and len(other.operands) == 2 and other.operands[1] is den:
            m = ctx.index.mention_of(other.operands[0])
            if m is not None and m.identity.item != own.identity.item:
                return True
    return False


def _budget_of(plan: Mention, own: Mention, paragraph: list[Mention], word: str) -> bool:
    """Is the budget the figure's: its scope and period, its item or none besides the base's own words (年度), its
    fund, or none where no figure of the paragraph names a fund other than the figure's?"""
    a, b = own.identity.context, plan.identity.context
    if a.scope != b.scope or not _same_period(a.period, b.period):
        return False
    if plan.identity.item and plan.identity.item != own.identity.item and plan.identity.item not in word:
        return False
    if b.fund is not None:
        return b.fund == a.fund
    return all(m.identity.context.fund in (None, a.fund) for m in paragraph)


def _against_named_base(ctx: CheckContext, r: Rate, den: Quantity, nums: list[Quantity]) -> Outcome | None:
    """The rate over the base it names: another figure of the sentence as numerator. When none fits, but the
    rate fits another pair of the sentence's figures, the rate was computed on another base than it names."""
    tried = [_ratio_outcome(ctx, r, num, den, r.certain, "分母") for num in nums] if ctx.value(den) != 0 else []
    fitting = next((o for o in tried if o.verdict != "fail"), None)
    if fitting is not None or len(nums) != 1:
        return fitting
    num = nums[0]
    other = next(
        (
            b
            for b in r.operands
            if b is not den
            and b is not num
            and b.base_unit == num.base_unit
            and ctx.value(b) != 0
            and _ratio_outcome(ctx, r, num, b, r.certain, "分母").verdict == "pass"
        ),
        None,
    )
    if other is None:
        return tried[0] if tried else None
    base = NAMED_BASE.search(r.name)
    word = base.group() if base else "基数"
    if ctx.value(den) == 0:
        said = f"所称的{word}为 {den.text}，无从计算比率"
        expected = None
    else:
        expected = fmt_rate(ctx.value(num) / ctx.value(den) * HUNDRED, r.stated)
        said = f"按所称的{word} {den.text} 计算应为 {expected}"
    msg = f"{r.name} {r.stated.text}：{said}；{r.stated.text} 是 {num.text}/{other.text} 算得的，所称基数与所用数字不符"
    related = [(num, "分子"), (den, f"所称{word}"), (other, "实际所用基数")]
    return Outcome(r.stated, "fail", "rate", related, msg, r.stated.text, expected, None, r.certain)


def _in_sentence(ctx: CheckContext, r: Rate) -> Outcome | None:
    """`预算资金 254 万元，当年支出 231.65 万元，执行率为 91.20%`: the two figures before the rate, either way
    round unless the wording orders them. A pair that holds is listed as checked; a miss is reported only when
    the labels say which figure is the plan and which the outcome of an execution rate — a rate of other
    figures (`债务率`) relates quantities the sentence need not state."""
    if len(r.operands) < 2:
        return None
    # (an ordered rate's words put its denominator last: `为年初预算 X 的 p%`, `完成预算的 p%（调整预算 X）`)
    named = None if r.ordered else _named_base(ctx, r)
    if named is not None and named[1]:
        return _over_named(ctx, r, named[0][0], named[1])
    adjusted = _adjusted_first(ctx, r)
    if adjusted is not None:
        return adjusted
    pairs = [(a, b) for i, a in enumerate(r.operands) for b in r.operands[i + 1 :] if _one_unit(a, b)]
    tried = []
    for a, b in pairs:
        for num, den in ((a, b),) if r.ordered else ((b, a), (a, b)):
            if ctx.value(den) != 0:
                tried.append(_ratio_outcome(ctx, r, num, den, r.certain, "分母"))
    passing = next((o for o in tried if o.verdict == "pass"), None)
    if passing is not None or not tried:
        return passing
    rounding = next((o for o in tried if o.verdict == "rounding"), None)
    return rounding or _plan_and_outcome(ctx, r)


def _plan_and_outcome(ctx: CheckContext, r: Rate) -> Outcome | None:
    """The rate over the one plan and one outcome figure its sentence names, when it is an execution rate."""
    stem = _named_numerator(ctx, r)
    if stem is not None:
        num, den = stem
        if _another_done_after(ctx, r, num, den):
            return None
        if ctx.value(den) == 0:
            return None
        o = _ratio_outcome(ctx, r, num, den, r.certain, "分母")
        if num.base_value > den.base_value and r.stated.value <= 100 and o.verdict == "fail":
            # a part above its whole: which figure is wrong the text does not say, so no rate to suggest
            share = fmt(ctx.value(num) / ctx.value(den) * HUNDRED, 4)
            msg = f"{r.name} {r.stated.text}：其部分 {num.text} 多于总数 {den.text}（{num.text}/{den.text} = {share}%）"
            o = replace(o, message=msg, expected=None, fix=None)
        return o
    answered = _answers_and_option(r)
    if answered is not None and not WEIGHTED.search(ctx.sentence_of(r.stated.start)):
        num, den = answered
        return _ratio_outcome(ctx, r, num, den, False, "分母")  # (inferred from the labels: a warning)
    saved = _saving_and_budget(r)
    if saved is not None:
        return _ratio_outcome(ctx, r, saved[0], saved[1], False, "分母")
    either = _either_base(ctx, r)
    if either is not None:
        return either
    rectified = _rectified_of_found(r)
    if rectified is not None:
        return _ratio_outcome(ctx, r, *rectified, r.certain, "发现问题数")
    if len(r.operands) >= 3 and EXECUTION_RATE.search(r.name):
        return _over_adjusted(ctx, r)
    if len(r.operands) != 2:
        return None
    if not (r.ordered or EXECUTION_RATE.search(r.name)):
        return _held_within(ctx, r)
    if r.ordered:
        num, den = r.operands
    else:
        pair = _plan_and_outcome_pair(ctx, r)
        if pair is None:
            return None
        num, den = pair
    if ctx.value(den) == 0 or num.base_unit != den.base_unit or _counts_another_thing(ctx, num, den):
        return None
    return _ratio_outcome(ctx, r, num, den, r.certain, "分母")


# a rate naming its base a target or a plan in its own words (`完成年度目标的`, `为计划的`, `完成任务数的`):
# vocab relations.yaml `target_bases`
TARGET_BASE = regex(f"(?:{_alt('target_bases')})[数值量]?的$")
TARGET_WORD = regex(f"(?:{_alt('target_bases')})")


def _plan_and_outcome_pair(ctx: CheckContext, r: Rate) -> tuple[Quantity, Quantity] | None:
    """(outcome, plan) of an execution rate's two figures in the order written: one plan and one outcome, one of
    them named suffices, the other is the other, unless the rate names its base a target or plan (`完成年度目标的`):
    that base is a figure named so; none where one is what is left of the plan (`_left_over`)."""
    roles = [_role(ctx, label) for label in r.labels]
    if sorted(roles) not in (["outcome", "plan"], ["", "outcome"], ["", "plan"]):
        return None
    if any(_left_over(ctx, q, label) for q, label in zip(r.operands, r.labels)):
        return None
    first_is_num = roles[0] == "outcome" or roles[1] == "plan"
    num, den = r.operands if first_is_num else r.operands[::-1]
    if _another_done_after(ctx, r, num, den):
        return None
    plan, plan_role = (r.labels[1], roles[1]) if first_is_num else (r.labels[0], roles[0])
    if TARGET_BASE.search(r.name.strip()) and plan_role != "plan" and not TARGET_WORD.search(plan):
        # `完成日常养护 12480 公里，大中修 386 公里，完成年度目标的 p%`: the rate names its base a target, and the other
        # figure is not named so (`计划完成大中修 360 公里` is): another thing done, not the target, which is
        # stated elsewhere if at all
        return None
    return num, den


# the words of a whole (`共 41 项`, `合计 500 万元`): vocab relations.yaml `total`
WHOLE_WORD = regex(f"(?:{_alt('total')})|^[共总]")


def _another_done_after(ctx: CheckContext, r: Rate, num: Quantity, den: Quantity) -> bool:
    """`完成日常养护 12480 公里，大中修 386 公里，完成率 p%`: is the figure an execution rate would be over written
    after its outcome, named by a thing of its own and not as a plan, a target or a whole? Then it is another thing
    done beside the outcome, not what the outcome is measured against (publishers state the plan first, `项目资金 A，
    实际支出 B`, or name it when it comes after, `完成 B，计划 A`), and which figure the rate is of is not stated."""
    if r.ordered or not EXECUTION_RATE.search(r.name) or num.start > den.start or len(r.labels) != len(r.operands):
        return False
    label = next(label for q, label in zip(r.operands, r.labels) if q is den).strip("，、；：:（( ")
    if not label or WHOLE_WORD.search(label) or TARGET_WORD.search(label):
        return False
    return _role(ctx, label) != "plan"


# what is still left of a plan, by the words before its figure (`尚有 B 未到位`, `剩余 B`) or right after it (`B 未拨付`)
LEFT_OVER_BEFORE = regex(r"(?:尚有|仍有|还有|剩余|尚余|尚欠)$")
LEFT_OVER_AFTER = regex(r"\s*(?:元|万元|亿元)?\s*(?:尚)?未(?:到位|拨付|支出|执行|完成|使用)")


def _left_over(ctx: CheckContext, q: Quantity, label: str) -> bool:
    """Is the figure what is left of the plan (`到位 A，尚有 B 未到位，到位率 r`: r is A over A + B), neither the plan
    nor the outcome a rate is of?"""
    return (
        bool(LEFT_OVER_BEFORE.search(label.strip("，、；： ")))
        or LEFT_OVER_AFTER.match(ctx.doc.text, q.end) is not None
    )


# a rate of what was spent or kept within its limit (`“三公”经费控制率`, `在职人员控制率`: vocab control_rate)
CONTROL_RATE = regex(f"(?:{_alt('control_rate')})$")


def _held_within(ctx: CheckContext, r: Rate) -> Outcome | None:
    """`“三公”经费预算 40.0 万元，实际支出 36.2 万元，控制率 90.5%`: a control rate is what was spent over its limit
    (the budget), as an execution rate is, where its two figures are named the one a plan and the other an
    outcome (a rate of other figures, `血压控制率`, counts what its sentence need not state)."""
    if not CONTROL_RATE.search(r.name):
        return None
    roles = [_role(ctx, label) for label in r.labels]
    if sorted(roles) != ["outcome", "plan"]:
        return None
    num, den = r.operands if roles[0] == "outcome" else r.operands[::-1]
    if ctx.value(den) == 0 or num.base_unit != den.base_unit:
        return None
    return _ratio_outcome(ctx, r, num, den, r.certain, "分母")


# the word a rate is of (`有效` of 有效率, `回收` of 回收率): two Chinese characters right before 率
RATE_OF = regex(r"(?P<stem>[\u4e00-\u9fff]{2})率$")


def _either_base(ctx: CheckContext, r: Rate) -> Outcome | None:
    """`发放问卷 500 份，回收 489 份，有效 480 份，有效率 98.00%`: three figures of one unit, one named by the word the
    rate is of, the other two each at least it: the rate is that figure over either of the two (publishers
    differ: over those sent out, over those returned). A fit to either reading was found before; here, neither
    fits, so the rate is wrong whichever was meant, and the message names both."""
    stem = RATE_OF.search(r.name.rstrip("为是达到约=：:"))
    if stem is None or r.ordered or len(r.operands) != 3 or len(r.labels) != 3:
        return None
    nums = [q for q, label in zip(r.operands, r.labels) if stem.group("stem") in label]
    if len(nums) != 1 or len({q.base_unit for q in r.operands}) != 1 or not all(q.exact for q in r.operands):
        return None
    num = nums[0]
    bases = [q for q in r.operands if q is not num]
    if any(ctx.value(b) < ctx.value(num) or ctx.value(b) == 0 for b in bases):
        return None
    tried = [_ratio_outcome(ctx, r, num, b, r.certain, "分母") for b in bases]
    if any(o.verdict != "fail" for o in tried):
        return None  # (a reading within rounding was reported or passed before)
    shown = "；".join(f"{num.text}/{b.text} = {fmt(ctx.value(num) / ctx.value(b) * HUNDRED, 4)}%" for b in bases)
    msg = f"{r.name} {r.stated.text} 与两种算法都不符：{shown}"
    related = [(num, "分子"), (bases[0], "分母之一"), (bases[1], "分母之一")]
    return Outcome(r.stated, "fail", "rate", related, msg, r.stated.text, None, None, r.certain)


def _answer_list(ctx: CheckContext, r: Rate) -> tuple[Mention, list[Quantity], list[str]] | None:
    """(the questionnaires answered, the counts of the satisfied answers best first, their options) of the list
    of answers over one scale before the rate in its sentence."""
    lists = [
        b for b in lists_in_sentence(ctx, r.sentence) if b.exhaustive and b.parts and b.parts[-1].start < r.stated.start
    ]
    found = []
    for b in lists:
        options = [m.group("o") for p in b.parts if (m := ANSWER_END.search(p.label)) is not None]
        ranks = scale_ranks(options) if len(options) == len(b.parts) else None
        total = b.total.quantities[0] if len(b.total.quantities) == 1 else None
        if ranks is None or total is None or not ANSWERED.search(b.total.label) or ctx.value(total) == 0:
            continue
        ranked = sorted(zip(ranks, b.parts, options), key=lambda x: x[0])
        kept = [(p.quantities[0], o) for _, p, o in ranked if len(p.quantities) == 1 and satisfied(o)]
        found.append((b.total, [q for q, _ in kept], [o for _, o in kept]))
    return found[0] if len(found) == 1 else None


def _over_answers(ctx: CheckContext, r: Rate) -> Outcome | None:
    """`有效问卷 1500 份，满意 1020 份，基本满意 390 份，不满意 90 份，满意度 94.00%`: a satisfaction rate after the
    answers of one scale is the satisfied answers over the questionnaires: the best answer alone, or with the
    next ones short of dissatisfaction (publishers differ). It is checked against every such reading and
    reported only when it fits none, the message naming each. Worked out by weights (综合, 加权), it may lie
    anywhere between the narrowest and the widest reading: reported only outside them."""
    if "不满意" in r.name:
        return None  # a 不满意率 is the dissatisfied over the whole, none of these readings
    found = _answer_list(ctx, r)
    if found is None or not found[1]:
        return None
    whole, counts, options = found
    den = whole.quantities[0]
    readings = []
    for k in range(1, len(counts) + 1):
        iv = ratio(add([ctx.interval(q) for q in counts[:k]]), ctx.interval(den))
        exact = sum((ctx.value(q) for q in counts[:k]), Decimal(0)) / ctx.value(den) * HUNDRED
        if iv is not None:
            readings.append(("+".join(options[:k]), exact, ctx.judge(interval(r.stated), iv, r.stated.ulp)))
    related = [(q, "分子") for q in counts] + [(den, "分母")]
    if not readings or any(v != "fail" for _, _, v in readings):
        fits = next((v for _, _, v in readings if v == "pass"), None)
        return Outcome(r.stated, "pass", "rate", related) if fits else None
    stated = r.stated.value
    if WEIGHTED.search(ctx.sentence_of(r.stated.start)) and readings[0][1] <= stated <= readings[-1][1]:
        return None
    shown = "；".join(f"按{name}计为 {fmt(exact, r.stated.decimals)}%" for name, exact, _ in readings)
    msg = f"{r.name} {r.stated.text} 与各种算法都不符（{whole.key} {den.text}）：{shown}"
    return Outcome(r.stated, "fail", "rate", related, msg, r.stated.text, None, None, False)


def _answers_and_option(r: Rate) -> tuple[Quantity, Quantity] | None:
    """`发放问卷 520 份，回收 500 份，满意 436 份，满意度 87.2%`: a satisfaction rate is the answers of its option over
    the questionnaires returned, when its figures name exactly one of each (those sent out are not its base)."""
    if not SURVEY_RATE.search(r.name):
        return None
    # (the option ends its figure's name: `满意度调查共发放问卷 600 份` names the survey, no answer)
    return _named_pair(r, lambda label: bool(ANSWER_END.search(label) and not ANSWERED.search(label)), _has(ANSWERED))


def _answers_before(ctx: CheckContext, r: Rate) -> Outcome | None:
    """`本次发放问卷 420 份，回收 410 份，其中有效问卷 400 份。表示满意的 372 份，满意度 93%`: a satisfaction rate
    whose sentence states the answers of its option alone is over the questionnaires answered stated in the
    sentence right before (in its paragraph, or the line before in its block: `goes_on`): the one named as valid (有效问卷) where one is, else the one figure
    named as returned (回收, 受访); several such, or none, and the base is not certain (not read). The option may
    be followed by a note on what it counts (`表示满意（含非常满意、比较满意）的`). A rate worked out by weights is
    no share of one answer."""
    si, num, label = r.sentence, r.operands[0], r.labels[0]
    if not goes_on(ctx.doc, si) or not ANSWER_NOTED_END.search(label):
        return None
    weighted = WEIGHTED.search(ctx.sentence_of(r.stated.start))
    if (weighted is not None and weighted.group() != "综合") or not num.exact:
        return None
    figures = [
        (m, q)
        for m in ctx.index.in_sentence(si - 1)
        for q in m.quantities
        if q.exact and q.kind == num.kind and q.base_unit == num.base_unit
    ]
    answered = [(m, q) for m, q in figures if ANSWERED.search(m.label)]
    # (the valid ones may be named by that word alone: `回收 1164 份，有效 1150 份`)
    valid = [(m, q) for m, q in figures if "有效" in m.label]
    base = valid or answered
    if len(base) != 1 or ctx.value(base[0][1]) < ctx.value(num) or ctx.value(base[0][1]) == 0:
        return None
    outcome = _ratio_outcome(ctx, r, num, base[0][1], False, "分母")
    if weighted is not None and outcome.verdict == "fail" and not _below_top_share(ctx, r, label, outcome):
        return None
    return outcome


def _below_top_share(ctx: CheckContext, r: Rate, label: str, outcome: Outcome) -> bool:
    """`表示满意的 409 份，综合满意度 p%`: an overall (综合) satisfaction may weigh in answers the text leaves out
    (基本满意 at some weight), which only raise it; so it is surely wrong only below the share of the best answer
    alone (满意 or 非常满意, with no better answer named in its paragraph)."""
    option = ANSWER_END.search(label)
    if option is None or option.group("o") not in ("满意", "非常满意"):
        return False
    sentences = ctx.doc.sentences
    said = "".join(ctx.doc.text[sentences[i].start : sentences[i].end] for i in ctx.doc.paragraph_of(r.sentence))
    if option.group("o") == "满意" and re.search("非常满意|很满意|十分满意", said):
        return False
    return outcome.expected is not None and r.stated.value < Decimal(outcome.expected.rstrip("%"))


def _saving_and_budget(r: Rate) -> tuple[Quantity, Quantity] | None:
    """`采购预算 86.40 亿元，实际采购金额 81.25 亿元，节约资金 5.15 亿元，节约率 6.0%`: a saving rate is the money saved
    over the budget, when its figures name exactly one of each."""
    if not SAVING_RATE.search(r.name) or COST_RATE.search(r.name):
        return None  # (`产出成本节约率`: of the costs of what was made, per unit, figures the sentence need not state)
    return _named_pair(r, _has(SAVED), lambda label: bool(PLANNED.search(label) and not SAVED.search(label)))


def _has(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    return lambda label: pattern.search(label) is not None


def _named_pair(
    r: Rate, is_num: Callable[[str], bool], is_den: Callable[[str], bool]
) -> tuple[Quantity, Quantity] | None:
    """(numerator, denominator): the rate's one operand each label test picks, of one unit, the denominator not 0."""
    if len(r.operands) != len(r.labels):
        return None
    nums = [q for q, label in zip(r.operands, r.labels) if is_num(label)]
    dens = [q for q, label in zip(r.operands, r.labels) if is_den(label)]
    if len(nums) != 1 or len(dens) != 1 or nums[0].base_unit != dens[0].base_unit:
        return None
    return (nums[0], dens[0]) if dens[0].value else None


SAVING_RATE = regex(r"节约率|节支率|节资率")
COST_RATE = regex(r"成本")
SAVED = regex(r"节约|节支|节省")
PLANNED = regex(r"预算")
SURVEY_RATE = regex(r"满意度|满意率")
WEIGHTED = regex(r"加权|权重|赋分|综合|×|\*")  # a satisfaction worked out by weights is no share of one answer
INITIAL = regex(r"年初")
ADJUSTED = regex(r"全年|调整")


def _names_initial(label: str) -> bool:
    """Does a budget's label name the initial budget (年初), not the budget it was adjusted to? A label naming the
    initial budget as what was adjusted (`年初预算经调整后为 X`, `年初预算调整至 X`) is of the adjusted budget: the
    labeller reads it so (figures.context), and this reads it as the labeller does."""
    return INITIAL.search(label) is not None and read(label).context.stage != "调整预算"


def _outcome_and_budgets(ctx: CheckContext, r: Rate) -> tuple[Quantity, Quantity, Quantity] | None:
    """(outcome, adjusted budget, initial budget): a rate's operands when one is named an outcome and the two
    others budgets, one initial (年初) and one adjusted (全年, 调整), besides the moves that took the one to the
    other (`年初预算 A，年中追加 B，全年预算 C，实际支出 X`: B is no third budget); None otherwise."""
    roles = [_role(ctx, label) for label in r.labels]
    if len(roles) != len(r.operands) or sum(role != "move" for role in roles) != 3:
        return None
    outcome = [q for q, role in zip(r.operands, roles) if role == "outcome"]
    # the written labels: a mention's key has its period words (全年) taken off
    plans = [(q, _written(ctx, q, label)) for q, label, role in zip(r.operands, r.labels, roles) if role == "plan"]
    if len(outcome) != 1 or len(plans) != 2:
        return None
    adjusted = [q for q, label in plans if ADJUSTED.search(label) and not _names_initial(label)]
    initial = [q for q, label in plans if _names_initial(label)]
    if len(adjusted) != 1 or len(initial) != 1:
        return None
    return outcome[0], adjusted[0], initial[0]


def _over_adjusted(ctx: CheckContext, r: Rate) -> Outcome | None:
    """`年初预算 200 万元，全年预算数 180 万元，全年执行数 172.35 万元，预算执行率 95.75%`: an execution rate
    after an initial and an adjusted budget is of the adjusted one (the rate's name would say 年初 otherwise)."""
    found = _outcome_and_budgets(ctx, r)
    return _over_budget(ctx, r, found[0], found[1]) if found is not None else None


def _over_budget(ctx: CheckContext, r: Rate, num: Quantity, den: Quantity) -> Outcome | None:
    if ctx.value(den) == 0 or num.base_unit != den.base_unit:
        return None
    return _ratio_outcome(ctx, r, num, den, r.certain, "分母")


def _adjusted_beside(
    ctx: CheckContext, own: Mention, num: Quantity, initial: bool = False, items: bool = False
) -> Quantity | None:
    """The one adjusted budget (全年预算, 调整预算; not 年初) of the figure's unit stated before it in its section;
    with `initial`, the one initial budget (年初预算) not a part of a list; with `items`, in the earlier numbered
    items of its heading too (`（一）年初预算 A…。（二）…全年预算数为 B。（三）实际支出 X，执行率 p%`)."""
    found = _budgets_beside(ctx, own, num, initial, items)
    return next(iter(found.values())) if len(found) == 1 else None


def _budgets_beside(
    ctx: CheckContext, own: Mention, num: Quantity, initial: bool = False, items: bool = False
) -> dict[Decimal, Quantity]:
    """The adjusted (or, with `initial`, initial) budgets `_adjusted_beside` looks among, by value."""
    section = ctx.doc.section_at(own.start)
    return {
        q.base_value: q
        for m in (_in_items(ctx, section) if items else ctx.mentions_in_section(section))
        if m.start < own.start and "预算" in m.label and _stage_of(ctx, m, initial)
        for q in m.quantities
        if q.kind == num.kind and q.base_unit == num.base_unit and q.exact and ctx.value(q) != 0
    }


# a budget moved to its new figure by the move's words alone (`执行中调整为 B`, `调减至 B`, `下调为 B`), naming no
# stage: a figure named so, or a change's movement so worded (`调减为 B`, its 调 left in the change's label), whose
# figure is the new level, not the amount moved
MOVED_TO = regex(r"(?:(?:调(?:整|增|减)|上调|下调|压减|核减)(?:为|至|到)|调整后的?(?:预算)?数?为)$")


def _moved_budgets(ctx: CheckContext, before: int, num: Quantity) -> list[Quantity]:
    """The figures of the offset's section before it named as the move to an adjusted budget (`调整为 B`), or
    stated as a change's movement to its new level (`调减为 B`), of num's kind and unit and of num's item (`_moved_item`)."""
    section = ctx.doc.section_at(before)
    named = [
        (q, m.sentence)
        for m in ctx.mentions_in_section(section)
        if m.start < before and MOVED_TO.search(m.label.strip())
        for q in m.quantities
    ]
    moved = [
        (mv.quantity, c.sentence)
        for c in ctx.facts.changes
        for mv in c.movements
        if mv.quantity is not None
        and mv.end <= before
        and MOVED_TO.search(c.label.strip() + mv.word)
        and ctx.doc.section_at(mv.start) is section
    ]
    fitting = [
        (q, sentence)
        for q, sentence in named + moved
        if q.kind == num.kind and q.base_unit == num.base_unit and q.exact and ctx.value(q) != 0
    ]
    own = ctx.index.mention_of(num)
    if own is None or not fitting:
        return [q for q, _ in fitting]
    own_side = _side_of(own, _paragraph_of(ctx, own.sentence))  # (the outcome's side, read once for every move)
    return [q for q, sentence in fitting if _moved_item(ctx, own, own_side, q, sentence)]


def _moved_item(ctx: CheckContext, own: Mention, own_side: str | None, q: Quantity, sentence: int) -> bool:
    """May the moved budget q be of the outcome's item: not of the other side (`支出…调减为 B` is no budget of a
    收入 rate) nor of another fund, where both are said? The move's words name neither (`年中调减为 B`): the figure
    before it in its sentence naming an item does (`支出年初预算 A，年中调减为 B`), as `_side_of` reads the side."""
    in_sentence = ctx.index.in_sentence(sentence)
    named = [m for m in in_sentence if m.start <= q.start and (m.identity.item or m.identity.context.fund)]
    if not named:
        return True  # (nothing says whose budget it is: read as before, never flagged for it)
    move = named[-1]
    sides = (_side_of(move, in_sentence), own_side)
    funds = (move.identity.context.fund, own.identity.context.fund)
    other_side = None not in sides and sides[0] != sides[1]
    other_fund = None not in funds and funds[0] != funds[1]
    return not (other_side or other_fund)


def _paragraph_of(ctx: CheckContext, sentence: int) -> list[Mention]:
    """The figures of the sentence's paragraph, in order."""
    return [m for i in ctx.doc.paragraph_of(sentence) for m in ctx.index.in_sentence(i)]


def _in_items(ctx: CheckContext, section: Section | None) -> list[Mention]:
    """The mentions of a section and of the sections before it under one heading (its numbered items)."""
    if section is None or section.parent is None:
        return ctx.mentions_in_section(section)
    items = [s for s in ctx.doc.sections if s.parent is section.parent and s.start <= section.start]
    return [m for s in items for m in ctx.mentions_in_section(s)]


def _stage_of(ctx: CheckContext, m: Mention, initial: bool) -> bool:
    """Is the budget named initial (年初, when `initial`) or adjusted (全年, 调整; not 年初)?"""
    if initial:
        return _names_initial(m.label) and not _listed(ctx, m)
    return ADJUSTED.search(m.label) is not None and not _names_initial(m.label)


ADJUSTMENT_RATE = regex(r"调整率|调整幅度")


def _adjustment(ctx: CheckContext, r: Rate) -> Outcome | None:
    """`年初预算 A，调整后预算 B，调整率 p%`: a budget's adjustment rate is (B − A) / A, of the one adjusted and the one
    initial budget its sentence states, or (its sentence stating the adjusted one alone) of the one initial budget
    stated before it in its section (then inferred: a warning). As some write it B / A, a rate that fits that
    passes too; one that fits neither is reported."""
    plans = [(q, _written(ctx, q, label)) for q, label in zip(r.operands, r.labels) if _role(ctx, label) == "plan"]
    initial = [q for q, label in plans if _names_initial(label)]
    adjusted = [q for q, label in plans if ADJUSTED.search(label) and not _names_initial(label)]
    if len(adjusted) != 1 or len(initial) > 1 or len(plans) != len(r.operands) or len(initial) + 1 != len(plans):
        return None
    new = adjusted[0]
    own = ctx.index.mention_of(new)
    old = initial[0] if initial else _adjusted_beside(ctx, own, new, True, True) if own is not None else None
    if old is None or not ctx.value(old) or old.base_unit != new.base_unit or old.kind != new.kind:
        return None
    certain = r.certain and bool(initial)
    outcome = _ratio_outcome(ctx, r, new, old, certain, "年初预算数", change=True)
    if outcome.verdict == "fail" and _ratio_outcome(ctx, r, new, old, False, "").verdict == "pass":
        return None  # (B / A as written: not the change, but what the author meant)
    return outcome


def _over_named(ctx: CheckContext, r: Rate, den: Quantity, nums: list[Quantity]) -> Outcome | None:
    """The numerator of a rate over a base it names is the outcome among the other figures, when one is named so;
    never a plan (`年初预算 A，调整后预算 B，完成调整后预算的 p%`: the outcome stands elsewhere)."""
    roles = {id(q): _role(ctx, r.labels[r.operands.index(q)]) for q in nums}
    outcomes = [q for q in nums if roles[id(q)] == "outcome"]
    candidates = outcomes or [q for q in nums if roles[id(q)] != "plan"]
    return _against_named_base(ctx, r, den, candidates) if candidates else None


def _adjusted_first(ctx: CheckContext, r: Rate) -> Outcome | None:
    """`年初预算 A，全年预算数 B，全年执行数 X，预算执行率 p%`: of the adjusted budget, not any pair that fits; where
    the rate is the outcome over the initial one, that the author meant it cannot be ruled out: a warning then."""
    if len(r.operands) < 3 or not EXECUTION_RATE.search(r.name) or INITIAL.search(r.name):
        return None
    found = _outcome_and_budgets(ctx, r)
    if found is None:
        return None
    num, adjusted, initial = found
    outcome = _over_budget(ctx, r, num, adjusted)
    if outcome is not None and outcome.verdict != "pass" and _fits_a_move(ctx, r, num):
        return None  # (`年中追加 B，…执行率 p%` of the addition's own spending: which base is meant is not said)
    initial_fits = ctx.value(initial) != 0 and _ratio_outcome(ctx, r, num, initial, False, "").verdict == "pass"
    if outcome is not None and outcome.verdict != "pass" and initial_fits:
        outcome.certain, outcome.fix = False, None
        outcome.message += "；所写比率是对年初预算的（若如此，请写明“完成年初预算的”）"
    return outcome


def _fits_a_move(ctx: CheckContext, r: Rate, num: Quantity) -> bool:
    """Does the rate hold over one of its figures named as a move of the budget (`年中追加 B`)?"""
    moves = [q for q, label in zip(r.operands, r.labels) if _role(ctx, label) == "move" and ctx.value(q) != 0]
    return any(_ratio_outcome(ctx, r, num, q, False, "").verdict == "pass" for q in moves)


def _written(ctx: CheckContext, q: Quantity, key: str) -> str:
    m = ctx.index.mention_of(q)
    return m.label if m is not None else key


# other wordings of a rate's word in the label of its numerator (`收回有效问卷 662 份，有效回收率 99.55%`)
STEM_WORDINGS: dict[str, list[str]] = {k: v[1:] for k, v in wordings("relations", "rate_stems").items()}
RATE_STEM = lazy(r"^(?:有效|资金|实际|项目|总体|整体|综合)*(?P<stem>[\u4e00-\u9fff]{2,4}?)(?:率|度)$")


def _named_numerator(ctx: CheckContext, r: Rate) -> tuple[Quantity, Quantity] | None:
    """`发放问卷 500 份，回收 480 份，回收率 96.00%`: the figure whose label holds the rate's own word (回收) is its
    numerator, the other its denominator: the other of its unit, where the sentence states figures of other
    units too (`…7个三级指标，总分值 25 分，得分 19.88 分，得分率 79.52%`)."""
    m = RATE_STEM.match(r.name.rstrip("为是达到约=："))
    if m is None:
        return None
    stem = m.group("stem")
    stems = (stem, *STEM_WORDINGS.get(stem, ()))
    # `得 11.20 分` holds 得分 (the score written as the verb before its points)
    holders = [
        i
        for i, label in enumerate(r.labels)
        if any(s in label for s in stems) or (stem == "得分" and label.endswith("得"))
    ]
    if not holders and not RECTIFIED_RATE.search(r.name):  # (a rectification rate is read by its own rule)
        holders = _tail_holders(stem, r.labels)
    if len(holders) == 2:
        # `计划按期完工 12 处，实际按期完工 11 处，按期完工率 91.67%`: both name the rate's word; the one named as
        # the outcome is the numerator when the other is named as the plan
        roles = [_role(ctx, r.labels[i]) for i in holders]
        holders = (
            [i for i, role in zip(holders, roles) if role == "outcome"] if sorted(roles) == ["outcome", "plan"] else []
        )
    if len(holders) != 1:
        return None
    num = r.operands[holders[0]]
    alike = [q for q in r.operands if _one_unit(q, num) and q.kind == num.kind]
    den = next((q for q in alike if q is not num), None) if len(alike) == 2 else _whole_of_outcomes(ctx, r, num, alike)
    if den is None:
        return None
    if (num.base_value > den.base_value) != (r.stated.value > 100) and not _part_over_whole(stem, num, den):
        # `回收问卷 480 份，有效问卷 450 份，回收率 96%`: the other figure is a subset, not the base (issued)
        return None
    if _counts_another_thing(ctx, num, den):
        return None
    return num, den


# the units of a count of people: `组织 2,318 名青年参加见习，留用 1,297 人` counts one kind of thing in both
PEOPLE = frozenset({"人", "名"})


def _one_unit(q: Quantity, other: Quantity) -> bool:
    """Do the two figures count in one unit (people counted by 人 or by 名 alike)?"""
    return q.base_unit == other.base_unit or {q.base_unit, other.base_unit} <= PEOPLE


def _tail_holders(stem: str, labels: list[str]) -> list[int]:
    """`抽检 126 批次，合格 125 批次，抽检合格率 p%`: a rate's word naming what was done to all (抽检, one figure's name),
    then what the numerator is (合格): the figures named by that last word alone (none for `按时完工率` over `实际完工`:
    no figure is named 按时)."""
    if len(stem) != 4 or sum(stem[:2] in label for label in labels) != 1:
        return []
    return [i for i, label in enumerate(labels) if stem[2:] in label and stem[:2] not in label]


def _whole_of_outcomes(ctx: CheckContext, r: Rate, num: Quantity, alike: list[Quantity]) -> Quantity | None:
    """`应验收 41 项，验收通过 37 项、不通过 1 项、延期验收 3 项，验收通过率 p%`: the figure that the others (the
    numerator among them) add up to exactly is the whole the outcomes split, the rate's base; None when none is,
    or when the numerator over a part of the whole (`通过 + 不通过`, what was judged) also gives the rate: which
    base the text means is then not certain."""
    wholes = [
        w
        for w in alike
        if w is not num and ctx.value(w) == sum((ctx.value(q) for q in alike if q is not w), Decimal(0))
    ]
    if len(wholes) != 1:
        return None
    others = [q for q in alike if q is not wholes[0] and q is not num]
    for size in range(len(others)):
        for combo in combinations(others, size):
            base = ctx.value(num) + sum((ctx.value(q) for q in combo), Decimal(0))
            if base and abs(ctx.value(num) / base * HUNDRED - r.stated.value) <= r.stated.ulp:
                return None
    return wholes[0]


SUBSET_STEMS = frozenset(words("relations", "subset_rates"))


def _part_over_whole(stem: str, num: Quantity, den: Quantity) -> bool:
    """`抽查 186 处，验收合格 190 处，合格率 97.85%`: what passed is a part of what was inspected, stated before
    it, so a part above its whole is a mistake of the figures or of the rate, not another base. A 回收率's figure
    after it is a subset of what was returned (有效问卷), and a 完成率 may be of a target stated elsewhere: only
    the words of a part that cannot exceed its whole (合格, 达标) read so."""
    return stem in SUBSET_STEMS and den.start < num.start and num.base_value > den.base_value


def _counts_another_thing(ctx: CheckContext, num: Quantity, den: Quantity) -> bool:
    """`项目覆盖 12 个社区，已建成服务站 10 个，建成率 100%`: the other count is of a thing (社区) the numerator's
    words do not name (服务站): a scope, not the base the rate is of."""
    if num.kind != "count":
        return False
    a, b = ctx.index.mention_of(num), ctx.index.mention_of(den)
    if a is None or b is None or not b.noun:
        return False
    if not a.noun and shared_word(a.label, b.label, hanzi=True):
        return False  # `验收 86 个子项目，验收合格 84 个`: the numerator names no thing, and is of the base's action
    if not a.noun and {num.base_unit, den.base_unit} <= PEOPLE:
        # `组织 2,318 名青年参加见习，期满留用 1,297 人`: people both, the noun after the base says who they are (a
        # numerator naming no one else is of them), not another thing counted
        return False
    return b.noun not in a.label + a.noun and not (a.noun and a.noun in b.noun)


# a figure named as a move of a budget in the year by the move's word and what it moves (`年中追加 B`, `追加预算 B`,
# `调减专项资金 B`: vocab relations.yaml budget_adjustment up / down): the amount added or cut, not the level it
# leaves the budget at (`追加后 B`, `调减为 B`, `追加调整后预算 B`, `全年预算 B`)
# (read from the vocabulary here, as checks/tables/text.py reads it: importing facts/sentence/wording.py would load
# the sentence parser, lark, into `tieout rules`, which imports the checks for their docs)
ADJUSTMENT_WORDS = load("relations").get("budget_adjustment") or {}
MOVED_BY = regex(
    f"(?:{alternation([*(ADJUSTMENT_WORDS.get('up') or []), *(ADJUSTMENT_WORDS.get('down') or [])])})"
    r"(?![后为至到])[\u4e00-\u9fff]{0,12}?(?:预算|资金)?数?$"
)


def _names_move(ctx: CheckContext, label: str) -> bool:
    """Is the figure named as what a budget was moved by in the year (`项目年中追加 B`), not as a budget?"""
    written = label.strip("，、；：:（）() ")
    if MOVED_BY.search(written) is None or ADJUSTED_SAID.search(written) is not None:
        return False
    return ctx.labeller.identify(label)[1].stage not in ("调整预算", "?")


def _role(ctx: CheckContext, label: str) -> str:
    """plan / outcome / move / "" for a figure's label: by its stage words (年初预算, 决算数 — a fund's name such as
    一般公共预算 is no stage), else by plan or outcome words of its item (计划, 实际支出). A figure named as a move
    of the budget (`年中追加 B`, `追加预算 B`) is neither: what was added or cut, not what was spent against, and no
    figure left unnamed that may be the plan."""
    if BEYOND_TARGET.search(label.strip("，、；： ")):
        return ""  # `公用经费较调整预算节约 a`: what the outcome fell short of its plan by, neither of the two
    if _names_move(ctx, label):
        return "move"
    item, said = ctx.labeller.identify(label)
    if said.stage in PLAN_STAGES or (said.stage is None and PLAN.search(item)):
        return "plan"
    if said.stage in ("执行", "决算") or OUTCOME.search(item):
        return "outcome"
    return ""


def _plan_before(ctx: CheckContext, r: Rate) -> Outcome | None:
    """`项目全年预算资金 1,280 万元，资金到位 1,280 万元；实际支出 1,196.84 万元，预算执行率 93.50%`: an execution rate
    right after one outcome figure is over the one plan figure its sentence states before (a clause earlier).
    Where other figures of the unit stand before it with other values (到位资金 below the budget), which one the
    author divided by is not said: a rate that fits one of them passes, one that fits none is not reported."""
    num = r.operands[-1]
    own = ctx.index.mention_of(num)
    if own is None or _role(ctx, own.label) != "outcome":
        return None
    before = _alike_of_its_year(ctx, own, num)
    if not before:
        return _plan_in_sentence_before(ctx, r, own, num)
    if any(_of_another(ctx, r, m, own) for m, _ in before):
        return None
    roles = [_role(ctx, m.label) for m, _ in before]
    staged = _initial_and_adjusted(ctx, [f for f, role in zip(before, roles) if role == "plan"])
    if staged is not None and not INITIAL.search(r.name) and not _listed(ctx, own):
        # `年初预算合计 A，调整后预算 B，调整率 p%；实际支出 X，执行率 q%`: over the latest budget (or another figure)
        return _over_latest(ctx, r, num, staged[1], [q for _, q in before if q is not staged[1]])
    plans = {q.base_value: q for (_, q), role in zip(before, roles) if role == "plan"}
    if len(plans) != 1 or _listed(ctx, own):
        # a part's rate is of its own budget (`支出年初预算 A，决算 B，完成预算的 p%，其中：出国费决算 b，完成预算的
        # q%`: q is of the part's budget, stated nowhere)
        return None
    tried = [_ratio_outcome(ctx, r, num, q, False, "预算数") for _, q in before]
    passing = next((o for o in tried if o.verdict == "pass"), None)
    if passing is not None or len({q.base_value for _, q in before}) > 1:
        return passing
    return _ratio_outcome(ctx, r, num, next(iter(plans.values())), False, "预算数")


def _of_another(ctx: CheckContext, r: Rate, m: Mention, own: Mention) -> bool:
    """Is `m`, before the outcome, another thing's figure: another county's (`青塘区计划项目 22 个全部完成；鹤岭县完成
    26 个，完成率 89.66%`: 22 is no plan of 26), or another source's spending (`当年预算资金支出 a，上年结转资金支出 b，
    结转资金执行率 p%`: a is no plan of b)? Which plan the rate is over is then not said."""
    # (imported here: the sentence reader imports the parser, which `tieout rules` importing this module must not)
    from tieout.linter.facts.sentence.rates import other_source

    return _another_things(ctx, m, own) or other_source(r.name, own.label, m.label)


def _another_things(ctx: CheckContext, m: Mention, own: Mention) -> bool:
    """Is `m`, in a clause before `own`'s past a semicolon, named as another thing than `own` is (two counties'
    figures, each named by its own name)?"""
    if not m.quantities or "；" not in ctx.doc.text[m.quantities[-1].end : own.start]:
        return False
    mine, theirs = own.identity.item or "", m.identity.item or ""
    if len(mine) < 2 or len(theirs) < 2 or mine in GENERIC_ITEMS or theirs in GENERIC_ITEMS:
        return False
    return not shared_word(mine, theirs)


def _alike_before(ctx: CheckContext, own: Mention, num: Quantity) -> list[tuple[Mention, Quantity]]:
    """The figures of its sentence before the figure, exact, not 0, of its kind and unit."""
    return [
        (m, q)
        for m in ctx.index.in_sentence(own.sentence)
        if m is not own
        for q in m.quantities
        if q.end <= num.start and q.kind == num.kind and q.base_unit == num.base_unit and q.exact and ctx.value(q)
    ]


def _outcome_before(ctx: CheckContext, r: Rate) -> Outcome | None:
    """`项目年度预算资金 A。截至年底，实际到位资金 B。资金到位率为 p%。`: a rate its sentence states alone is over the
    outcome the sentence right before states, in its paragraph, when that is the sentence's only figure and its
    label has the outcome word the rate's name has (`到位` of 到位率: an 实际支出 is no 到位 money); that
    figure's plan is then found as for a rate right after its outcome (`_plan_before`)."""
    si = r.sentence
    sentences = ctx.doc.sentences
    if si == 0 or sentences[si - 1].paragraph != sentences[si].paragraph:
        return None
    if any(q is not r.stated for m in ctx.index.in_sentence(si) for q in m.quantities):
        return None  # (a sentence with figures of its own is read as `_in_sentence` and the rest read it)
    figures = [(m, q) for m in ctx.index.in_sentence(si - 1) for q in m.quantities]
    if len(figures) != 1:
        return None
    m, num = figures[0]
    words = set(OUTCOME.findall(r.name))
    if num.kind == "percent" or not num.exact or not any(w in m.label for w in words):
        return None
    return _plan_before(ctx, replace(r, operands=[num], labels=[m.label]))


def _one_operand(ctx: CheckContext, r: Rate) -> Outcome | None:
    """A rate with one figure before it: an execution rate's (`新建运动场 2 个，完成率 80.00%`) over its plan,
    stated elsewhere; a survey's (`…其中有效问卷 615 份。有效问卷中表示满意的 560 份，满意度为 91.06%`) over the
    answers' base in the sentence before."""
    if EXECUTION_RATE.search(r.name):
        return (
            _against_budget(ctx, r)
            or _named_base_before(ctx, r)
            or _adjusted_before(ctx, r)
            or _spent_over_in_place(ctx, r)
            or _plan_before(ctx, r)
            or _part_budget(ctx, r)
            or _named_sum_before(ctx, r)
            or _gap_after(ctx, r)
        )
    return _answers_before(ctx, r)


# a rate of an outcome over its budget (`预算执行率`, `为年初预算的`, `完成预算的`), and the budget it names if any
BUDGET_RATE = regex(
    r"(?:预算执行率|资金执行率|^执行率|(?:为|完成)(?P<base>年初|调整后?的?|全年)?预算数?的?)(?:为|是|达到?)?$"
)
# right after such a rate, the outcome's gap to the budget (`，较预算减少`, `，比年初预算节约`) or what it left of it
# (`，节约资金`, `，结余`): the budget is the outcome and the gap together
GAP_AFTER = regex(
    r"^[，,]\s*(?:(?:比|较)(?P<base>年初|调整后?的?|全年)?预算数?(?:(?P<more>多|增加|超出|超支)|(?P<less>少|减少|节约|节支))"
    r"|(?P<saved>节约|节支|结余)(?:资金)?)了?(?:为|是)?\s*$"
)


def _amount_of_counted(r: Rate) -> Rate:
    """The rate with its one amount as its one figure, where the others are counts of what the amount is of
    (`上述5个部门…合计 A`); the rate as it is otherwise."""
    amounts = [(q, label) for q, label in zip(r.operands, r.labels) if q.kind == "amount"]
    if (
        len(amounts) != 1
        or len(r.labels) != len(r.operands)
        or any(q.kind not in ("amount", "count") for q in r.operands)
    ):
        return r
    return replace(r, operands=[amounts[0][0]], labels=[amounts[0][1]])


def _gap_after(ctx: CheckContext, r: Rate) -> Outcome | None:
    """`决算 A，为年初预算的 r%，较预算减少 Δ` / `决算 A，预算执行率 r%，节约资金 S` (a 部门决算's wording of its “三公”
    经费): the rate's one figure is the outcome, the figure right after it the gap to the budget, which no figure of
    its own states: r is A / (A ± Δ). Not where the rate and the gap name different budgets (年初, 调整), nor where
    the gap names one the rate does not (an execution rate is commonly of the adjusted budget)."""
    rate = BUDGET_RATE.search(r.name)
    outcome = r.operands[0]
    if rate is None or len(r.operands) != 1 or outcome.kind != "amount" or not outcome.exact:
        return None
    end = ctx.doc.sentences[r.sentence].end
    after = [q for q in ctx.index.between(r.stated.end, end) if q.kind != "bare"]
    gap = after[0] if after else None
    side = GAP_AFTER.match(ctx.doc.text[r.stated.end : gap.start]) if gap is not None else None
    if side is None or gap is None or gap.kind != "amount" or gap.base_unit != outcome.base_unit or not gap.exact:
        return None
    named, said = side.group("base"), rate.group("base")
    if named and (not said or named[:2] != said[:2]):
        return None
    above = side.group("more") is not None
    return _over_gap(ctx, r, outcome, gap, above, ("（预算由决算与其后所写差额推算）", "与预算之差", r.certain))


def _over_gap(
    ctx: CheckContext, r: Rate, outcome: Quantity, gap: Quantity, above: bool, how: tuple[str, str, bool]
) -> Outcome | None:
    """The rate held to the outcome over the base it lies `above` (or below) by the gap: outcome / (outcome ∓ gap).
    `how`: the words the message adds after the computation, the gap's role, and whether the reading is certain."""
    note, role, certain = how
    value = ctx.value(outcome) - ctx.value(gap) if above else ctx.value(outcome) + ctx.value(gap)
    base = sub(ctx.interval(outcome), ctx.interval(gap)) if above else add([ctx.interval(outcome), ctx.interval(gap)])
    if value <= 0:
        return None
    exact = ctx.value(outcome) / value * HUNDRED
    iv = ratio(ctx.interval(outcome), base)
    verdict = "fail" if iv is None else ctx.judge(interval(r.stated), iv, r.stated.ulp)
    expected = fmt_rate(exact, r.stated)
    sign = "−" if above else "+"
    computed = f"{outcome.text}/({outcome.text}{sign}{gap.text}) = {fmt(exact, 4)}%"
    msg = f"{r.name} {r.stated.text} 与 {computed} 不符{note}，应为 {expected}"
    related = [(outcome, "分子"), (gap, role)]
    return Outcome(r.stated, verdict, "rate", related, msg, r.stated.text, expected, expected, certain)


_TARGET = _alt("target_words")
# the words between an outcome and what it lies beyond (or short of) its target by: `，超过目标`, `，比目标值多`,
# `，较计划减少`, `，未达目标`
BEYOND = regex(
    rf"^[，,]\s*(?:(?P<up>超过|超出|高于|多于|超)(?:{_TARGET})|(?P<down>低于|少于|未达到?)(?:{_TARGET})"
    rf"|(?:比|较)(?:{_TARGET})(?:(?P<more>多|高|增加|超出)|(?P<less>少|低|减少)))了?\s*$"
)
# between that figure and the rate: its name alone (`，完成率`, `，目标完成率为`)
RATE_NEXT = regex(r"^[，,]\s*[\u4e00-\u9fff]{0,6}完成率(?:为|达到?|是)?\s*$")
# the gap to a budget (`，比调整预算少`, `，较预算增加`): not to the initial budget, which a rate that names no base
# need not be of (an execution rate is commonly of the adjusted budget)
BUDGET_GAP = regex(
    r"^[，,]\s*(?:比|较)(?:调整后?预算数?|变动预算数?|全年预算数?|预算数?)"
    r"(?:(?P<more>多|高|增加|超出|超)|(?P<less>少|低|减少))了?\s*$"
)
# after a gap to a budget, the rate that names no other base (`，支出执行率`, `，预算完成率为`)
BUDGET_RATE_NEXT = regex(r"^[，,]\s*(?:支出|收入|资金|预算)?(?:执行率|完成率)(?:为|达到?|是)?\s*$")


def _beyond_target(ctx: CheckContext, r: Rate) -> Outcome | None:
    """`新建道路 12.6 公里，超过目标 0.6 公里，完成率 105%`: the target is the outcome less the excess (plus the
    shortfall: `未达目标 0.4 公里`), the rate the outcome over it. Only where the three figures follow one another
    so, the outcome and the gap of one kind and unit."""
    text, start = ctx.doc.text, ctx.doc.sentences[r.sentence].start
    before = [q for q in ctx.index.between(start, r.stated.start) if q.kind != "bare"]
    if len(before) < 2:
        return None
    outcome, gap = before[-2:]
    between, after = text[outcome.end : gap.start], text[gap.end : r.stated.start]
    side = BEYOND.match(between) if RATE_NEXT.match(after) else None
    side = side or (BUDGET_GAP.match(between) if BUDGET_RATE_NEXT.match(after) else None)
    same = gap.kind == outcome.kind and gap.base_unit == outcome.base_unit and outcome.kind in ("count", "amount")
    if side is None or not same or not (outcome.exact and gap.exact):
        return None
    above = side.groupdict().get("up") is not None or side.group("more") is not None
    # a rate after a gap to a budget is of that budget by its place only: inferred
    budget = side.re == BUDGET_GAP  # (equal patterns: see linter/patterns.py)
    return _over_gap(
        ctx, r, outcome, gap, above, ("", "与预算之差" if budget else "与目标之差", r.certain and not budget)
    )


# a rate of money spent that names no budget (`支出率`, `资金支出率`; not `预算支出率`)
SPENT_RATE = regex(r"^(?:资金|项目|累计|实际)*支出率$")
IN_PLACE = regex(r"到位")


def _spent_over_in_place(ctx: CheckContext, r: Rate) -> Outcome | None:
    """`累计到位资金 B，资金到位率 q%；累计支出 X，支出率 p%`: a 支出率 whose figure is named as spent, after the one
    figure of its sentence named as in place (到位), is over those funds: money can only be spent once in place.
    As some divide by the plan instead (总投资, 预算), a rate that fits any figure of the unit before it in its
    sentence, or in the sentence right before in its paragraph, passes; one that fits none is reported (a
    warning: the base is read, not written)."""
    num = r.operands[-1]
    own = ctx.index.mention_of(num)
    if not SPENT_RATE.match(r.name.rstrip("为是达到约=：:")) or own is None or "支出" not in own.label:
        return None
    if _listed(ctx, own):
        return None  # (a part's spending is over its own funds, stated nowhere)
    before = _alike_before(ctx, own, num)
    placed = [q for m, q in before if IN_PLACE.search(m.label) and not LAST_YEAR_LABEL.search(m.label)]
    if len(placed) != 1 or ctx.value(placed[0]) < ctx.value(num):
        return None
    outcome = _ratio_outcome(ctx, r, num, placed[0], False, "到位资金")
    if outcome.verdict != "fail":
        return outcome
    si, sentences = own.sentence, ctx.doc.sentences
    earlier = [q for _, q in before]
    if si > 0 and sentences[si - 1].paragraph == sentences[si].paragraph:
        earlier += [q for m in ctx.index.in_sentence(si - 1) for q in m.quantities if _alike(ctx, num, q)]
    fits = any(_ratio_outcome(ctx, r, num, q, False, "").verdict == "pass" for q in earlier if ctx.value(q))
    return None if fits else outcome


def _without_operands(ctx: CheckContext, r: Rate) -> Outcome | None:
    """An execution rate with no figure before it in its clause: its outcome in the sentence before, after a
    list, or (after `；`) its budget and outcome in the clause before."""
    return _outcome_before(ctx, r) or _after_list(ctx, r) or _budget_before_clause(ctx, r)


# what may stand between a clause's `；` and the rate that opens it besides the rate's name
LINKING = regex(r"[的为达到了，,\s]")
# a figure of the year before (`上年为 C`): a change's base, no operand of this year's rate
LAST_YEAR_LABEL = regex(r"上年|去年|上一年")


def _budget_before_clause(ctx: CheckContext, r: Rate) -> Outcome | None:
    """`全区一般公共预算支出 A，调整预算数 B，上年为 C；完成调整预算 p%，增长 q%`: a rate that opens a clause after
    `；`, naming the budget it is of, is over the one budget of that stage its sentence states before the `；`,
    the numerator the one figure there of the budget's item that names no plan. Any other figure there (a
    part, another item) but last year's, or a second budget, and which figures the author divided is not sure."""
    text = ctx.doc.text
    cut = text.rfind("；", ctx.doc.sentences[r.sentence].start, r.stated.start)
    if cut < 0 or LINKING.sub("", text[cut + 1 : r.stated.start].replace(r.name, "", 1)):
        return None  # (the clause names something besides the rate: `；其中教育支出完成调整预算的 p%`)
    stage = "调整预算" if "调整" in r.name else "预算" if "预算" in r.name else None
    figures = [(m, q) for m in ctx.index.in_sentence(r.sentence) for q in m.quantities if q.end <= cut]
    figures = [(m, q) for m, q in figures if not LAST_YEAR_LABEL.search(m.label)]
    budgets = [(m, q) for m, q in figures if _role(ctx, m.label) == "plan"]
    if stage is None or len(budgets) != 1 or budgets[0][0].identity.context.stage != stage:
        return None
    plan, den = budgets[0]
    outcomes = [(m, q) for m, q in figures if m is not plan]
    if len(outcomes) != 1:
        return None
    own, num = outcomes[0]
    if own.identity.item != plan.identity.item or _role(ctx, own.label) == "plan" or not _alike(ctx, num, den):
        return None
    certain = own.identity.complete() and plan.identity.complete()
    return _ratio_outcome(ctx, r, num, den, certain, "调整预算数" if stage == "调整预算" else "预算数")


def _alike(ctx: CheckContext, num: Quantity, den: Quantity) -> bool:
    """Are the two exact figures of one kind and unit, the denominator not 0?"""
    return num.exact and den.exact and num.kind == den.kind and num.base_unit == den.base_unit and bool(ctx.value(den))


def _plan_in_sentence_before(ctx: CheckContext, r: Rate, own: Mention, num: Quantity) -> Outcome | None:
    """`项目计划投入资金 A 万元。截至年底，实际到位资金 B 万元，资金到位率 r%`: a rate whose sentence states its outcome
    alone is over the plan the sentence right before states, in its paragraph, when that is its only figure of
    the unit (which figure the author divided by is then not in doubt)."""
    si = own.sentence
    sentences = ctx.doc.sentences
    if si == 0 or not _right_after(ctx, si) or _listed(ctx, own):
        return None
    apart = sentences[si - 1].paragraph != sentences[si].paragraph
    if _names_adjusted(r):
        return None  # (a rate of the adjusted budget is over the one its side, scope and fund: `_adjusted_before`)
    figures = [
        (m, q)
        for m in ctx.index.in_sentence(si - 1)
        for q in m.quantities
        if q.kind == num.kind and q.base_unit == num.base_unit
    ]
    totals = [(m, q) for m, q in figures if not _listed(ctx, m)]
    if len(totals) == 1 and all(m is totals[0][0] or _listed_under(ctx, m, totals[0][0]) for m, _ in figures):
        # `年初预算 A，年中追加 B，全年预算合计 T。` / `预算总额 T，其中基本支出 a，项目支出 b。`: a list's total and its
        # parts, the total the plan of the whole (not a chain's: `加上补助 B，预算总收入为 T` is no budget)
        figures = totals
    if len(figures) != 1:
        return None if apart else _plan_among_outcomes(ctx, r, num, figures)
    m, den = figures[0]
    if not den.exact or not ctx.value(den) or _role(ctx, m.label) != "plan" or _listed(ctx, m):
        return None
    if apart and ctx.labeller.identify(m.label)[1].stage not in PLAN_STAGES:
        # (a figure of the paragraph before is a plan only where its words name a budget's or a plan's stage, not
        # where its item holds a plan word: `灾害防治及应急管理支出 A，支出进度 p%` is that line's own outcome)
        return None
    if _other_years(m, own) or _another_place(ctx, m, own):
        return None
    return _ratio_outcome(ctx, r, num, den, False, "计划数")


# a place named in a text (`甲镇`, `城东街道`): a township, village, county or district; matched at a label's start, the
# place the label opens with (`甲镇计划投资`)
PLACE = regex(r"[\u4e00-\u9fff]{1,6}?(?:镇|乡|村|街道|县|区)")


def _another_place(ctx: CheckContext, plan: Mention, own: Mention) -> bool:
    """Is the plan of the sentence before a place's its label names (`甲镇计划投资 A。`) while the rate's sentence
    names another place before its outcome and not that one (`乙乡因设计变更，完成投资 B，完成率 p%`)? The rate is
    then of 乙乡's own plan, stated nowhere, not of 甲镇's."""
    opening = PLACE.match(plan.label.strip("，,、；;：: "))
    if opening is None:
        return False
    sentence = ctx.doc.sentences[own.sentence]
    before = ctx.doc.text[sentence.start : own.start]
    return opening.group() not in before and PLACE.search(before) is not None


def _right_after(ctx: CheckContext, si: int) -> bool:
    """Does the sentence follow the one before in its paragraph, or open the paragraph right after the one that
    sentence closes, under the same heading, that sentence stating no ratio (`全年预算数 A，其中…。` and `全年执行数 B，
    执行率 p%。` each a line of its own: a line ending at a 。 ends the paragraph as read)?"""
    sentences = ctx.doc.sentences
    before, own = sentences[si - 1], sentences[si]
    if before.paragraph == own.paragraph:
        return True
    # (under a heading: a document of no heading is no one topic line after line, `本项目全年预算数 A。` and `全年执行数
    # B，预算执行率 p%。` may be of two things)
    heading = ctx.doc.section_at(own.start)
    if before.paragraph != own.paragraph - 1 or heading is None or ctx.doc.section_at(before.start) is not heading:
        return False
    # (and the sentence before states no ratio of its own: its figures are then that ratio's, `…支出 A，支出进度 p%。`)
    return not any(q.kind == "percent" for m in ctx.index.in_sentence(si - 1) for q in m.quantities)


def _alike_of_its_year(ctx: CheckContext, own: Mention, num: Quantity) -> list[tuple[Mention, Quantity]]:
    """The figures of its sentence before the outcome (`_alike_before`) but those of another year."""
    return [(m, q) for m, q in _alike_before(ctx, own, num) if not _other_years(m, own)]


def _other_years(plan: Mention, own: Mention) -> bool:
    """Are the plan and the outcome of two years (`2026年“三公”经费预算 A。2025年实际支出 B，执行率 r`: r is of
    2025's budget, not stated)? An outcome is measured against its own year's plan."""
    a, b = plan.identity.context.period or "", own.identity.context.period or ""
    return len(a) == len(b) == 4 and a.isdigit() and b.isdigit() and a != b


def _initial_and_adjusted(
    ctx: CheckContext, figures: list[tuple[Mention, Quantity]]
) -> tuple[Quantity, Quantity] | None:
    """(initial, adjusted): figures that are two budgets, one named 年初 and one adjusted (调整后, 全年)."""
    if len(figures) != 2 or any(_role(ctx, m.label) != "plan" or not q.exact or not ctx.value(q) for m, q in figures):
        return None
    initial = [q for m, q in figures if _stage_of(ctx, m, True)]
    adjusted = [q for m, q in figures if _stage_of(ctx, m, False)]
    return (initial[0], adjusted[0]) if len(initial) == 1 and len(adjusted) == 1 else None


def _over_latest(ctx: CheckContext, r: Rate, num: Quantity, latest: Quantity, others: list[Quantity]) -> Outcome:
    """An execution rate over the latest budget (the adjusted one); as some divide by another stated budget (the
    initial one), a rate that fits one of those passes, one that fits none is reported (a warning)."""
    over = _ratio_outcome(ctx, r, num, latest, False, "调整后预算数")
    if over.verdict != "fail":
        return over
    return next((o for q in others if (o := _ratio_outcome(ctx, r, num, q, False, "预算数")).verdict == "pass"), over)


def _after_list(ctx: CheckContext, r: Rate) -> Outcome | None:
    """`（三）全年实际支出 X，其中基本支出 a，项目支出 b，预算执行率 p%。`: a rate right after a list that breaks an
    outcome down whole is the outcome's, over the adjusted budget stated before it in its section (the initial
    one passes too); as it may be the last part's, any figure before it there that the part fits over lets it pass
    (a part's budget is often named without its stage: `年初预算 A，其中项目支出 b`)."""
    listed = _list_right_before(ctx, r)
    if listed is None:
        return None
    own, last = listed.total, listed.parts[-1]
    num = next((q for q in own.quantities if q.exact), None)
    if num is None or len(last.quantities) != 1:
        return None
    latest = _adjusted_beside(ctx, own, num, items=True)
    initial = _adjusted_beside(ctx, own, num, True, True)
    if latest is None:
        return None
    part = last.quantities[0]
    earlier = [
        q
        for m in _in_items(ctx, ctx.doc.section_at(own.start))
        if m.start < own.start
        for q in m.quantities
        if q.base_unit == part.base_unit and q.exact and ctx.value(q)
    ]
    if any(_ratio_outcome(ctx, r, part, q, False, "").verdict == "pass" for q in earlier):
        return None  # (the last part's rate over its own budget: not the total's)
    return _over_latest(ctx, r, num, latest, [initial] if initial is not None else [])


def _list_right_before(ctx: CheckContext, r: Rate) -> Breakdown | None:
    """The one list of its sentence that breaks an outcome down whole and ends right before the rate (no figure
    between its last part and the rate)."""
    lists = [
        b
        for b in lists_in_sentence(ctx, r.sentence, of_total=True)
        if b.parts
        and b.parts[-1].start < r.stated.start
        and b.keyword != "加"
        and _role(ctx, b.total.label) == "outcome"
        and _adds_up(b)
    ]
    if len(lists) != 1:
        return None
    last = lists[0].parts[-1]
    mentions = ctx.index.in_sentence(r.sentence)
    between = [q for m in mentions for q in m.quantities if last.start < q.start < r.stated.start]
    return None if between else lists[0]


def _plan_among_outcomes(
    ctx: CheckContext, r: Rate, num: Quantity, figures: list[tuple[Mention, Quantity]]
) -> Outcome | None:
    """`项目年初预算 A，实际到位资金 B，到位率 p%。项目实际支出 X，预算执行率 q%。`: the sentence before states one
    plan and, besides it, only outcomes (funds in place). Which of them the author divided by is not said (many
    reports take an execution rate over the funds in place), so a rate that fits one passes; one that fits
    none is reported only when they all have one value, the plan's."""
    roles = [_role(ctx, m.label) for m, _ in figures]
    plans = [(m, q) for (m, q), role in zip(figures, roles) if role == "plan"]
    if len(plans) != 1 or any(role not in ("plan", "outcome") for role in roles):
        return None
    if any(not q.exact or not ctx.value(q) or _listed(ctx, m) for m, q in figures):
        return None
    tried = [_ratio_outcome(ctx, r, num, q, False, "计划数") for _, q in figures]
    passing = next((o for o in tried if o.verdict == "pass"), None)
    if passing is not None or len({q.base_value for _, q in figures}) > 1:
        return passing
    return _ratio_outcome(ctx, r, num, plans[0][1], False, "计划数")


def _part_budget(ctx: CheckContext, r: Rate) -> Outcome | None:
    """`全年预算 T，其中：上级补助资金 A，县级配套资金 B。…其中上级补助资金支出 a，执行率 p%；县级配套资金支出 b，执行率
    q%`: a part's execution rate is over the budget of the same-named part (its name without the outcome word,
    in the same scope and period) of a list of a budget stated before it under its heading; the one value so
    named there (inferred, as the part's name is matched without its outcome word: a warning)."""
    num = r.operands[-1]
    own = ctx.index.mention_of(num)
    if own is None or not _listed(ctx, own) or _role(ctx, own.label) != "outcome":
        return None
    stem = OUTCOME.sub("", own.identity.item)
    if len(stem) < 2:
        return None
    section = ctx.doc.section_at(own.start)
    found = {
        q.base_value: q
        for b in ctx.facts.breakdowns
        if b.total.start < own.start and _role(ctx, b.total.label) == "plan"
        for p in b.parts
        if p.identity.item == stem
        and _role(ctx, p.label) != "outcome"
        and p.identity.context.scope == own.identity.context.scope
        and _same_period(p.identity.context.period, own.identity.context.period)
        and ctx.doc.section_at(p.start) is section
        for q in p.quantities
        if q.kind == num.kind and q.base_unit == num.base_unit and q.exact and ctx.value(q)
    }
    if not found:
        found = _sources_stated(ctx, own, num, stem)
    if not found:
        found = _parts_of_tied_plan(ctx, own, num, {stem, own.identity.item})
    if len(found) != 1:
        return None
    return _ratio_outcome(ctx, r, num, next(iter(found.values())), False, "预算数")


def _parts_of_tied_plan(ctx: CheckContext, own: Mention, num: Quantity, names: set[str]) -> dict[Decimal, Quantity]:
    """`调整后全年预算为 B。其中：基本支出 b1，项目支出 b2。` under one heading, `全年实际支出 T，预算执行率为 P。其中：基本
    支出 a1，执行率 p1` under another: a part's execution rate is over the same-named part of the budget list whose
    total the whole's own execution rate is of (T / B is P as written). The whole's rate ties the two lists, whatever
    headings they stand under; a whole with no such rate, or one of another budget, ties nothing."""
    tie = _whole_rate(ctx, own)
    if tie is None:
        return {}
    whole, rate = tie
    found: dict[Decimal, Quantity] = {}
    for b in ctx.facts.breakdowns:
        if b.total.start > own.start or _role(ctx, b.total.label) != "plan" or len(b.total.quantities) != 1:
            continue
        plan = b.total.quantities[0]
        if not _alike(ctx, whole, plan) or not ctx.value(plan):
            continue
        if _ratio_outcome(ctx, rate, whole, plan, False, "").verdict != "pass":
            continue
        found.update(
            (q.base_value, q)
            for p in b.parts
            if _budget_part(p, own, names)
            for q in p.quantities
            if _alike(ctx, num, q) and ctx.value(q)
        )
    return found


def _whole_rate(ctx: CheckContext, own: Mention) -> tuple[Quantity, Rate] | None:
    """The whole of the one list the figure is a part of, and the execution rate stated of that whole alone."""
    lists = [b for b in ctx.facts.breakdowns if any(p is own for p in b.parts)]
    if len(lists) != 1 or len(lists[0].total.quantities) != 1:
        return None
    whole = lists[0].total.quantities[0]
    rates = [
        r
        for r in ctx.facts.rates
        if len(r.operands) == 1 and r.operands[0] is whole and EXECUTION_RATE.search(r.name) and r.stated.exact
    ]
    if len(rates) != 1 or rates[0].stated.kind != "percent":
        return None
    return whole, rates[0]


def _budget_part(p: Mention, own: Mention, names: set[str]) -> bool:
    """Is the part of a budget's list the budget of the figure's item: so named, at a budget's stage, of its scope
    and period?"""
    theirs, mine = p.identity.context, own.identity.context
    return (
        p.identity.item in names
        and theirs.stage in PLAN_STAGES
        and theirs.scope == mine.scope
        and _same_period(theirs.period, mine.period)
    )


# an outcome named by its item and the word of its outturn (`新增一般债券已支出`, `专项资金累计拨付`): the item alone
# is what was set aside for it
OUTTURN_OF_ITEM = regex(rf"^(?P<item>[\u4e00-\u9fff（）()“”]{{2,}}?)(?:已经?|累计|实际)?(?:{_alt('outcome_words')})$")


def _named_sum_before(ctx: CheckContext, r: Rate) -> Outcome | None:
    """`（一）新增一般债券 A，安排以下7个项目：…。截至9月末，新增一般债券已支出 a，支出进度 p%。`: an execution rate
    right after one outcome named by an item and its outturn word alone is over the one sum of that very item
    stated before it under its heading or one above it, of its scope and year (the part a cut-off of the year has spent of
    the year's sum). Inferred, as the sum is found by its name: a warning."""
    num = r.operands[-1]
    own = ctx.index.mention_of(num)
    if own is None or (named := OUTTURN_OF_ITEM.match(own.identity.item or "")) is None:
        return None
    path, period = ctx.doc.section_path(own.start), own.identity.context.period
    found = _stated_before(
        ctx,
        own,
        num,
        named.group("item"),
        lambda theirs: _within_year(period, theirs),
        lambda theirs: _heading_above(theirs, path),
    )
    if len(found) != 1:
        return None
    return _ratio_outcome(ctx, r, num, next(iter(found.values())), False, "预算数")


def _heading_above(theirs: list[str], own: list[str]) -> bool:
    """Is a figure under the headings `theirs` under one the figure under `own` is under too (its own, or one above
    it: `（二）新增专项债券 A` above `社会事业领域：…。截至9月末，新增专项债券已支出 a`)?"""
    return bool(theirs) and own[: len(theirs)] == theirs


def _within_year(cut: str | None, year: str | None) -> bool:
    """Is the outcome's period the sum's, or a cut-off within the sum's year (`2025-09` within `2025`; `截至6月末`,
    `+0-06`, within the report's own year, stated or not)?"""
    return _same_period(cut, year) or (cut is not None and cut.startswith(f"{year or '+0'}-"))


def _sources_stated(ctx: CheckContext, own: Mention, num: Quantity, stem: str) -> dict[Decimal, Quantity]:
    """`1.上级补助资金 A。…2.县本级配套资金 B。…3.上年结转资金 C。` stated as the sources of the money under the same
    top heading, then `其中：上级补助资金支出 a，执行率 p%；县本级配套资金支出 b，执行率 q%…`: each spent part is of
    the source named as it is less its outcome word. Held only where every part of the outcome's list names
    such a source, each borne by figures of one value (the list is of those sources, part for part); the values
    of the figure's own source, by value."""
    lists = [b for b in ctx.facts.breakdowns if any(p is own for p in b.parts)]
    if len(lists) != 1:
        return {}
    out: dict[Decimal, Quantity] = {}
    for part in lists[0].parts:
        part_stem = OUTCOME.sub("", part.identity.item)
        sources = _source_figures(ctx, part, num, part_stem) if len(part_stem) >= 2 else {}
        if len(sources) != 1:
            return {}
        if part is own:
            out = sources
    return out if OUTCOME.sub("", own.identity.item) == stem else {}


def _source_figures(ctx: CheckContext, own: Mention, num: Quantity, stem: str) -> dict[Decimal, Quantity]:
    """The figures stated before `own` under its top heading whose item is `stem` (no outcome), of its scope,
    period and unit, by value."""
    top, period = ctx.doc.section_path(own.start)[:1], own.identity.context.period
    return _stated_before(
        ctx, own, num, stem, lambda theirs: _same_period(theirs, period), lambda theirs: theirs[:1] == top
    )


def _stated_before(
    ctx: CheckContext,
    own: Mention,
    num: Quantity,
    stem: str,
    period_of: Callable[[str | None], bool],
    placed: Callable[[list[str]], bool],
) -> dict[Decimal, Quantity]:
    """The figures stated before `own` whose item is `stem` (no outcome), of its scope and unit, their period and their
    headings as `period_of` and `placed` accept them, by value."""
    return {
        q.base_value: q
        for m in _mentions_of_item(ctx).get(stem, ())
        if m.start < own.start
        and _role(ctx, m.label) != "outcome"
        and m.identity.context.scope == own.identity.context.scope
        and period_of(m.identity.context.period)
        and placed(ctx.doc.section_path(m.start))
        for q in m.quantities
        if q.kind == num.kind and q.base_unit == num.base_unit and q.exact and ctx.value(q)
    }


def _mentions_of_item(ctx: CheckContext) -> dict[str, list[Mention]]:
    """The document's mentions by their identity's item, in the facts' order: grouped once per document, so that
    a rate looking for the figures of one item stated before it reads those, not every mention of the report."""

    def group() -> dict[str, list[Mention]]:
        out: dict[str, list[Mention]] = {}
        for m in ctx.facts.mentions:
            out.setdefault(m.identity.item, []).append(m)
        return out

    return ctx.memo("rates: mentions by item", group)


def _past(period: str | None) -> bool:
    """Is the period one before the report's own (`-1`, 上年), not the report's year or a year it names (`2024`, the
    year a heading or the figure's words resolve it to)?"""
    return period is not None and period.startswith("-")


def _same_period(a: str | None, b: str | None) -> bool:
    """Are two periods one: the same, or one unstated and the other the report's own year (`全年`: +0)?"""
    return a == b or {a, b} == {None, "+0"}


def _listed_under(ctx: CheckContext, part: Mention, total: Mention) -> bool:
    """Is the figure a part of a list that breaks that total down whole, its parts adding up to it (not a chain
    adding to it, nor some parts of it: `计划投入 A，其中中央资金 a` leaves which one a rate is of open)?"""
    return any(b.total is total and b.keyword != "加" and part in b.parts and _adds_up(b) for b in ctx.facts.breakdowns)


def _adds_up(b: Breakdown) -> bool:
    whole = next((q for q in b.total.quantities if q.exact), None)
    if whole is None:
        return False
    listed = [q for p in b.parts for q in p.quantities[:1] if q.base_unit == whole.base_unit]
    return len(listed) == len(b.parts) and sum((q.base_value for q in listed), Decimal(0)) == whole.base_value


def _listed(ctx: CheckContext, m: Mention, chain_start: bool = True) -> bool:
    """Is the figure a part of a list (its budget is its own, not the list total's)? With `chain_start` False, not
    counting the figure a chain starts from (`本级支出 C，加上解支出 a、补助下级支出 b，支出总计 T`: C is the side's
    own whole, the chain adds other things to it, not its parts)."""

    def build() -> set[int]:
        return {
            id(p)
            for b in ctx.facts.breakdowns
            for i, p in enumerate([*b.parts, *b.minus])
            if chain_start or not (b.keyword == "加" and i == 0)
        }

    return id(m) in ctx.memo(f"rates.listed.{chain_start}", build)


def _against_budget(ctx: CheckContext, r: Rate) -> Outcome | None:
    """`一般公共预算收入 412.6 亿元，完成预算的 97.8%`: the denominator is the budget of the same quantity —
    the figure the report states for the same item and context at a budget stage. Without one, the rate is
    not checkable here (the budget stands in another document)."""
    if not r.operands:
        return None
    num = r.operands[-1]
    own = ctx.index.mention_of(num)
    if own is None or not own.identity.item:
        return None
    if own.identity.context.stage in PLAN_STAGES:
        # `“三公”经费年初预算 X，决算数为预算数的 p%`: the figure before the rate is the budget itself, the outcome
        # stated nowhere by it: a budget is no outcome of itself
        return None
    said = read(r.name).context.stage
    if said not in PLAN_STAGES and (base := NAMED_BASE.search(r.name)) is not None:
        # `完成年初预算的`: the words of the outcome (完成) and of its base read together name no one stage; the
        # base's name alone does
        said = read(base.group()).context.stage
    # (`为调整预算（以下简称“预算”）的 p%` earlier in the part: `为预算的` is of the adjusted budget)
    said = renamed_stage(ctx.memo("rates.short_names", lambda: short_names(ctx.doc)), r.stated.start, said)
    stages = (said,) if said in PLAN_STAGES else PLAN_STAGES
    found = [
        (m, q)
        for m, q in _budgets(ctx, own, num)
        if m.identity.context.stage in stages and not _restated_outcome(ctx, m, q, num)
    ]
    if not found:
        return _budget_elsewhere(ctx, r, own, num)
    if len({q.base_value for _, q in found}) != 1:
        return None
    m, den = found[0]
    if ctx.value(den) == 0:  # a budget of 0: no rate can be computed against it
        return None
    certain = own.identity.complete() and m.identity.complete()
    if _names_initial(m.label) and not INITIAL.search(r.name):
        adjusted = _budgets_beside(ctx, own, num)
        if len(adjusted) == 1:
            # `年初预算数 A，全年预算数 B。…执行数 X，预算执行率 p%`: a rate that names no stage is of the adjusted
            # budget where the section states one (as `_over_adjusted` reads it in one sentence)
            return _ratio_outcome(ctx, r, num, next(iter(adjusted.values())), False, "调整后预算数")
        if adjusted:
            # (two adjusted budgets stated, `当年拨款全年预算数调整为 B1…，全年预算数合计 B2`: which one the rate is
            # of is not said, and it is of neither the initial one)
            return None
        moved = _moved_budgets(ctx, own.start, num)
        if moved:
            # `收入年初预算 A，执行中调减为 B。收入完成 X，为预算的 p%`: the budget was moved by words naming no
            # stage; a rate naming none may be of the moved one (or of A): one that fits neither is not reported
            # (the rule of `_over_moved_budget`, met before the rate over the initial den is computed: den is
            # tried here too)
            return _fitting_budget(ctx, r, num, [*moved, den])
    return _ratio_outcome(ctx, r, num, den, certain, "计划数" if m.identity.context.stage == "计划" else "预算数")


# the words naming a budget after the year's adjustments (`全年预算`, `调整后预算`, `调整预算`, `变动预算`, `追加后`)
ADJUSTED_SAID = regex(r"全年预算|调整后?的?预算|变动预算|追加后")


# the words of a sentence stating the year's budget adjustment itself (`预算调整方案`, `调整预算中，支出 X，收入 Y`)
ADJUSTMENT_STATED = regex(f"{ADJUSTED_SAID.pattern}|预算调整")


def _adjustment_said(ctx: CheckContext, own: Mention) -> bool:
    """Does the outcome's section name a budget after the year's adjustments, of any item but one of the other side
    (the year's budgets were changed, and the report tells the initial one from the whole year's)? An adjusted
    budget of the spending (`支出完成 X，完成调整预算 B 的 p%`) says nothing of the receipts' budget: a receipts rate
    beside its initial budget (`收入年初预算 A，实际完成 X，为预算的 p%`) is of that budget. The adjustment's words
    may name both sides (`预算调整方案，支出调增 a，收入调增 b`): every side their clause names counts."""
    start, end = ctx.doc.section_span(own.start)
    own_side = _side_of(own, _paragraph_of(ctx, own.sentence))
    said = ADJUSTMENT_STATED.finditer(ctx.doc.text, start, end)
    return any(own_side is None or _sides_said(ctx, match.start()) & {own_side, None} for match in said)


# what parts a sentence into clauses of their own figures (`收入完成 A，完成预算的 p%；支出 B，为调整预算的 q%`)
CLAUSE_BREAK = regex(r"[；;]")


def _sides_said(ctx: CheckContext, offset: int) -> set[str | None]:
    """The sides (收入, 支出) the clause of an adjustment's words at the offset names, up to the semicolons around
    it: those of its figures and those its words name (`全年预算含上级追加转移支付，收入和支出同步调整`), None among
    them where one figure's side is unsaid or the clause states no figure (the adjustment may be of either side)."""
    i = ctx.doc.sentence_index(offset)
    if i < 0 or offset >= ctx.doc.sentences[i].end:
        return {None}  # (words of no sentence, a heading's: of no side said)
    sentence = ctx.doc.sentences[i]
    text = ctx.doc.text
    before = [m.end() for m in CLAUSE_BREAK.finditer(text, sentence.start, offset)]
    after = CLAUSE_BREAK.search(text, offset, sentence.end)
    start, end = (before[-1] if before else sentence.start), (after.start() if after else sentence.end)
    in_sentence = ctx.index.in_sentence(i)
    in_clause = [m for m in in_sentence if start <= m.start < end]
    named: set[str | None] = {side for side in SIDES if side in text[start:end]}
    return named | ({_side_of(m, in_sentence) for m in in_clause} or {None})


def _restated_outcome(ctx: CheckContext, m: Mention, q: Quantity, num: Quantity) -> bool:
    """Is a budget-stage figure of the outcome's item only the outcome restated: its value the outcome's and its
    label naming no plan stage of its own (`年末结转结余 C（本年收入 A＋上年结转结余 B－本年支出 X）` under a heading
    `部门预算收支情况`, the stage from the heading)? A rate is never a figure over itself: such a figure is no
    budget of the outcome, and where no other is stated the rate is not checked against it."""
    return ctx.value(q) == ctx.value(num) and _role(ctx, m.label) != "plan"


def _budget_elsewhere(ctx: CheckContext, r: Rate, own: Mention, num: Quantity) -> Outcome | None:
    """The rate over a budget no figure of the outcome's identity states: the budget stands in the table that
    holds the figure (`三公经费支出决算为 X，完成预算的 p%` in a 决算说明 whose table has the row's 预算数 beside its
    决算数), or the next sentence states it by its stage alone (`_budget_said_next`: inferred, not certain)."""
    den = _table_budget(ctx, own, num, r.name) or _plain_execution_budget(ctx, r, own, num)
    if den is None and (den := _budget_said_next(ctx, r, own, num)) is not None and ctx.value(den) != 0:
        return _ratio_outcome(ctx, r, num, den, False, "预算数")
    if den is None or ctx.value(den) == 0:
        return None
    return _ratio_outcome(ctx, r, num, den, own.identity.complete(), "表中预算数")


# the words opening a sentence that states the budget of the figure before by the stage alone (`预算数为`, `调整预算数`)
BUDGET_SAID_NEXT = regex(r"^(?P<stage>(?:年初|调整后?的?)?预算)数?(?:为|是)?$")
# a rate's words naming the budget it is over (`完成预算的`, `为调整预算数的`)
RATE_OVER_BUDGET = regex(r"(?P<stage>(?:年初|调整后?的?)?预算)数?的\s*$")


def _budget_said_next(ctx: CheckContext, r: Rate, own: Mention, num: Quantity) -> Quantity | None:
    """`全省基金收入 A，完成预算的 p%，下降 q%。预算数为 B，上年为 C。`: the budget a rate names (`完成预算的`), stated
    as the first words of the next sentence of its paragraph by that same stage alone, the rate's sentence stating
    no amount but its outcome A: B, in A's unit. (Any other words before B, another amount beside A, or another
    stage named, and which budget the rate is of is not said.)"""
    base = RATE_OVER_BUDGET.search(r.name)
    si = r.sentence
    sentences = ctx.doc.sentences
    if base is None or si + 1 >= len(sentences) or sentences[si + 1].paragraph != sentences[si].paragraph:
        return None
    amounts = [q for m in ctx.index.in_sentence(si) for q in m.quantities if q.kind == "amount"]
    nxt = [m for m in ctx.index.in_sentence(si + 1) if m.quantities]
    if amounts != [num] or own.sentence != si or not nxt or len(nxt[0].quantities) != 1:
        return None
    den = nxt[0].quantities[0]
    said = BUDGET_SAID_NEXT.fullmatch(ctx.doc.text[sentences[si + 1].start : den.start].strip())
    if said is None or said.group("stage") != base.group("stage"):
        return None
    return den if den.exact and den.kind == num.kind and den.base_unit == num.base_unit else None


# the budget columns a rate's named stage points at: 调整预算 is the adjusted budget only; 预算 and 年初预算 the
# budget as approved, taken only where the row has no adjusted budget beside it
TABLE_BUDGETS = {"调整预算": "调整预算数", "预算": "预算数"}


def _table_budget(ctx: CheckContext, own: Mention, num: Quantity, name: str) -> Quantity | None:
    """The budget cell of the table row that certainly is the figure (its 决算数 or 执行数 cell equal to it)."""
    said = "调整预算" if "调整" in name else "预算" if "预算" in name else None
    if not ctx.facts.tables or said is None:
        return None
    from tieout.checks.tables.text import restates, row_of, whole_row_of

    row = row_of(ctx, own, num) or whole_row_of(ctx, own, num)
    if said == "预算" and "年初" not in name and any(h.identity.column == "调整预算数" for h in row):
        return None  # a plain 预算 where the row has an approved and an adjusted budget: which is not said
    # the budget of the outcome's year: a table of this year's outcome beside next year's budget (`2024年执行数 |
    # 2025年预算数`) holds no budget of the outcome (the outcome's cell: the figure, or the cell it rounds, `160.34
    # 亿元` of 1603408 万元, as `whole_row_of` finds it)
    outcome = [h for h in row if restates(ctx, num, h.quantity, rounded=True)]
    budget = {
        h.quantity.base_value: h.quantity
        for h in row
        if h.identity.column == TABLE_BUDGETS[said] and _of_outcome(h, outcome)
    }
    return next(iter(budget.values())) if len(budget) == 1 else None


def _of_outcome(budget: Hit, outcome: list[Hit]) -> bool:
    """Is the budget cell of the outcome cells' year and scope (a row of `全市决算数 | 市本级调整预算 | 市本级决算数`
    holds no budget of the 全市 figure; a scope the budget's column does not name is the table's)?"""
    scope = budget.identity.context.scope
    return {h.identity.context.period for h in outcome} == {budget.identity.context.period} and (
        scope is None or {h.identity.context.scope for h in outcome} <= {None, scope}
    )


# an execution rate naming no budget (`项目支出 X，执行率 p%`; an execution report's `企业所得税完成 X，执行进度 p%`,
# the outturn so far over the year's budget): of the row's approved or adjusted budget, whichever
PLAIN_EXECUTION = ("执行率", "预算执行率", "执行进度", "预算执行进度")


def _plain_execution_budget(ctx: CheckContext, r: Rate, own: Mention, num: Quantity) -> Quantity | None:
    """The budget of the table row that certainly is the figure that an execution rate naming none is held to: the
    one of the row's budgets (预算数, 调整预算数 of the outcome's year) that gives it, so that it passes; where none
    does, the adjusted one (else the one budget), so that it is reported. None where the row has no budget."""
    if r.name.strip() not in PLAIN_EXECUTION or not ctx.facts.tables:
        return None
    from tieout.checks.tables.text import row_of

    row = row_of(ctx, own, num)
    outcome = [h for h in row if h.quantity.base_value == ctx.value(num)]
    budgets = {
        h.identity.column: h.quantity
        for h in row
        if h.identity.column in TABLE_BUDGETS.values() and _of_outcome(h, outcome)
    }
    usable = [q for q in budgets.values() if ctx.value(q) != 0 and q.base_unit == num.base_unit]
    if len(usable) != len(budgets):
        return None
    fits = [q for q in usable if _ratio_outcome(ctx, r, num, q, False, "").verdict != "fail"]
    return fits[0] if fits else budgets.get("调整预算数") or (usable[0] if len(usable) == 1 else None)


def _budgets(ctx: CheckContext, own: Mention, like: Quantity) -> Iterator[tuple[Mention, Quantity]]:
    mine = own.identity
    by_item = ctx.memo("rates.by_item", lambda: _by_item(ctx))
    item = mine.item
    if item.endswith(YEAR_TO_DATE) and to_month(mine.context.period):
        item = item.removesuffix(YEAR_TO_DATE)  # `1-9月…收入累计完成 X`: the year's 收入 so far
    plans = by_item.get((item, mine.subject), [])
    if mine.subject and _subject_is_item(mine.subject, item):
        # `（一）收入方面 … 全县一般公共预算收入 7.43 亿元，为年初预算的 p%`: headings saying no more than the item
        # leave the figure the quantity the report's budget of it names in full, under no heading's subject
        plans = plans + [m for m in by_item.get((item, ""), []) if m.identity.complete()]
    for m in plans:
        other = m.identity
        if m is own or _names_move(ctx, m.label):
            continue  # (`追加预算 B` is what the budget was moved by, not the budget, though its stage word says 预算)
        a, b = mine.context, other.context
        if (a.scope, a.fund) != (b.scope, b.fund) or not (a.period == b.period or _cut_off_of(a.period, b.period)):
            continue
        if not (a.known("scope", "period") or ctx.doc.section_at(m.start) is ctx.doc.section_at(own.start)):
            continue  # where the context is not stated, only a plan under the same heading is this figure's
        for q in m.quantities:
            if q.base_unit == like.base_unit and q.kind == like.kind and q.exact and q is not like:
                yield m, q


# what headings say beyond an item without naming another quantity (`（一）收入方面`, `一季度财政预算执行情况`)
SUBJECT_FILLER = regex(
    r"[（(][一二三四五六七八九十\d]*[)）]|^[一二三四五六七八九十\d]+[、.．]|"
    + "|".join(words("relations", "subject_fillers"))
)


def _subject_is_item(subject: str, item: str) -> bool:
    """Does every heading of the subject say nothing but the item (or nothing at all)?"""
    return all(SUBJECT_FILLER.sub("", part).strip() in ("", item) for part in subject.split("›"))


# an item summed from the year's start to a cut-off (`收入累计`)
YEAR_TO_DATE = "累计"


def _cut_off_of(cut: str | None, year: str | None) -> bool:
    """Is the figure's period a cut-off within the plan's year (`1-9月` of the budget of 2026 — its budget is the
    year's), the year said (`2026-09`) or unsaid (`+0-09`, where the document names no one year: the budget's is
    the one its figures are of, two budgets of the item being no one base)?"""
    if not to_month(cut) or year is None or len(year) != 4 or not year.isdigit():
        return False
    return (cut or "").rpartition("-")[0] in (year, "+0")


def _by_item(ctx: CheckContext) -> dict[tuple[object, object], list[Mention]]:
    """The mentions of each item and subject, in the facts' order."""
    out: dict[tuple[object, object], list[Mention]] = {}
    for m in ctx.facts.mentions:
        out.setdefault((m.identity.item, m.identity.subject), []).append(m)
    return out


class RateMismatch(Rule):
    """A stated rate does not match the figures it is a rate of.

    ## What it does
    Recomputes a rate stated in per cent (`执行率`, `完成率`, `到位率`, `回收率`, `完成预算的 p%`,
    `为 B 的 p%`) from its operands, found in one of three ways:

    - `为年初预算 500 万元的 96%`, `完成年度目标 12,000 人的 104.17%`: the figure before the phrase over the
      one inside it.
    - An execution rate after one figure (`新建运动场 2 个，完成率 66.67%`), or `完成预算的 p%` where the
      sentence states no plan: that figure over the budget or plan of the same quantity (same item,
      subject, scope, fund and period, at the stage `预算`, `调整预算` or `计划`) that the report states
      elsewhere. Where the report states no such figure, or two different ones, the rate cannot be
      checked here and nothing is said; where the scope and period are not stated, only a plan under the
      same heading counts. An execution rate whose sentence states its outcome alone (`实际到位资金 B 万元，
      资金到位率 r%`) is over the plan the sentence right before states in its paragraph (`计划投入资金 A
      万元。`), when that is its only figure of the unit, and not a place's that the rate's sentence does not name
      where it names another (`甲镇计划投资 A。乙乡…完成投资 B，完成率 p%`: 乙乡's plan is stated nowhere); a rate alone in its sentence (`资金到位率为 r%。`) is
      over the one figure of the sentence right before, in its paragraph, when its label has the rate's
      outcome word (`实际到位资金 B 万元。`: 到位, not 实际支出), and that figure over its plan as above. Where the report states no such figure in prose
      but the figure is certainly a table cell (its row named, its context known alike, its value equal), the budget is that row's
      `预算数` (`调整预算数` when the rate names 调整预算; a plain `预算` beside both is not guessed; an `执行率` naming no
      budget, or an execution report's `执行进度`, is reported only when neither of the row's budgets gives it); a figure
      naming a fund's whole (`一般公共预算收入`) is the 合计 row (`收入合计`) of the one table whose title names
      that whole, when that row's 执行数 is its value or rounds to it (`160.34 亿元` of 1603408 万元; of a
      space-aligned table, only cells whose column name stands over them). A half-year (`2025年上半年`) is the
      period `1—6月` is. A rectification rate after its two figures, one named 整改 and the other 问题 (`涉及问题
      金额 A，已整改 B，金额整改率 p%`), is B over A. A rate opening the clause after `；` (`支出 A，调整预算数 B，上年为 C；完成调整预算
      p%`) is over the one budget of the stage it names that its sentence states before, the other figure of
      that item there its numerator (a part, another budget or item there: not read). Where the sentence before states one plan beside outcomes only
      (`年初预算 A，实际到位资金 B`), a rate fitting one of them passes, and one fitting none is reported when
      they all have the plan's value. A part's execution rate (`其中上级补助资金支出 a，执行率 p%`) is over the
      same-named part of a budget's list stated before it under its heading (`预算安排 T，其中：上级补助资金 A`),
      in its scope and period, when the name has one value there; under another heading, where the whole the part
      is listed in states its own execution rate and that rate is the whole over the budget list's total
      (`调整后预算 B，其中：基本支出 b` … `实际支出 T，预算执行率 P。其中：基本支出 a，执行率 p`). A `支出率` (not `预算支出率`) after the one
      figure of its sentence named as in place (`到位资金 B，…；支出 X，支出率 p%`) is over those funds; one that
      fits instead a figure before it there or in the sentence right before (the plan) passes. The finding is an error when both
      identities are complete, else a warning.
    - Otherwise the figures of one unit before the rate in its clause (after any earlier rate, `；` or
      `其中`, but a `其中` in a bracket closed before the rate, `可用数 A（其中本年下达 a）`, notes A; not those of a bracket right after an amount that they add up to exactly, its parts:
      `可用数 A（本年下达 a、上年结转 b）`), each pair tried both ways round: a pair that gives the rate passes. When none does, the
      rate is reported only when the sentence says which of its two figures is the numerator: the one
      whose label holds the rate's own word (`回收 380 份，回收率…`; among three figures or more of its unit, over
      the one the others add up to exactly, `应验收 41 项，验收通过 37 项、不通过 1 项、延期 3 项，验收通过率…`,
      unless it over a part of that whole, `通过 + 不通过`, gives the rate), or, for an execution rate, the
      outcome (`实际`, `支出`, `完成`, `执行数`) over the plan (`预算`, `计划`, `年初`, `下达`), one of the
      two named sufficing. A figure named as a move of the budget (`年中追加 B`, `追加预算 B`, `调减预算 B`: vocabulary
      `budget_adjustment`) is neither, nor left for the plan: what the budget was moved by, not what was spent
      against, so with no budget named the rate is not read (a pair that gives it still passes); after an initial
      budget, its moves and the year's budget (`年初预算 A，年中追加 B，全年预算 C，实际支出 X，执行率 p%`) it is X
      over C, not reported where it is X over B. A rate whose numerator the sentence does not name (`参保率` after the insured
      of two schemes, `满意率` after an amount) is not guessed at. A rate that names its base
      (`完成年初预算的 p%`, vocabulary `named_bases`) is over the one figure its sentence states under that
      name, never over another that happens to fit; when it fits only another figure, or the named base is
      0, the finding says which base the rate was computed on. Where its sentence states no figure so named,
      the one figure so named in the sentence right before (`全县年度预算安排 A。全县一般公共预算收入 X，完成年度
      预算的 p%`) is its base (a warning), when it is the paragraph's only one, of the figure's scope, period and
      fund (or of none, the paragraph naming no other), naming no other item. A rate of the adjusted budget
      (`完成调整预算的`, `为变动预算的`) after an outcome whose sentence states no plan is over the one adjusted budget
      of the outcome's side stated in an earlier sentence of its paragraph (`支出预算调整为 B。全年支出 C，完成调整
      预算的 p%`; `调整为`, `变动预算数为`): the side's whole, of the outcome's scope, fund and year (a warning); two
      such budgets there (two levels, two funds), two funds named, or a scope or side unsaid where the paragraph
      names two: not read, nor over any other figure of the sentence before. The outcome may start a chain that
      adds other spending to it (`全年支出 C，…。加上解支出 a、…，支出总计 T`): it is still the side's whole. After a
      sentence stating budgets only (`年初预算 A，调整预算 B，支出决算完成年初预算的 p%，完成调整预算的 q%`), the
      outcome the words name by its stage is the one figure of the sentence right before (a fund's name,
      `一般公共预算财政拨款支出`, is no budget), over each budget so named (a warning). An audit's rectification
      rate (`整改率`, `问题整改到位率`) after what was put right (`已整改问题金额 B`) is over what the audit found in
      that unit, the one figure named 问题 before it in its paragraph (`发现问题 35 个，问题金额 A`; a warning).
      A rate of a part over the whole it is of
      (`合格率`, `达标率`: vocabulary `subset_rates`) below 100% whose part, stated after its whole, exceeds
      it (`抽查 186 处，验收合格 190 处，合格率 97.85%`) is reported either way, without a suggested value.
    - A satisfaction rate (`满意度`) after the answers of its option alone (`表示满意的 560 份`) is over the
      questionnaires answered in the sentence right before, in its paragraph: the one named as valid
      (`有效问卷`), else the one named as returned (`回收`); several such and no valid one: not read (a warning).
      An overall one (`综合满意度`) may weigh in answers left unsaid, which only raise it: reported only below
      the share of the best answer (`满意` with no better answer named in its paragraph).
      So are its option's answers written in a bracket after it (`满意度 p%（满意 a 份）`).
    - A satisfaction rate after the answers of one scale in its sentence (`有效问卷 N 份，满意 a 份，基本满意
      b 份，不满意 c 份，满意度 p%`) is the best answer alone, or with the next ones short of dissatisfaction, over
      the questionnaires (publishers differ): reported (a warning) only when it fits no reading, each named;
      worked out by weights (`综合`, `加权`), only outside the narrowest and the widest reading.
    - Two figures in a bracket right after the rate (`持证率 p%（持证 a 人/在岗 b 人）`, `（达标 a 个，共 b 个）`)
      are its operands: numerator over base where a slash parts them or the second is named as the whole.
    - A rate of three figures of one unit, one named by the rate's word and the other two each at least it
      (`发放 500 份，回收 489 份，有效 480 份，有效率 p%`), is over either: reported only when it fits neither.

    A ratio defined by its name (linter/vocab/ratios.yaml: 资产负债率 is 负债总额 / 资产总额, 成新率 净值 / 原值,
    审减率 (送审 − 审定) / 送审, 超概算 (实际完成投资 − 概算) / 概算, 国有资本保值增值率 (年末 − 客观增加因素
    + 客观减少因素) / 年初, its figures in its paragraph before it, the two sides named by the year's word alone or
    as the capital (`年初国有资本`), read only where the figure taken off is named, by its label or the words right
    after it: `注资 C，属客观增加因素` …), or one naming both its figures
    (`流动资产与流动负债之比为 k`), is over the figures so named: each the one figure of its name in the ratio's
    sentence or the sentence right before in its paragraph, both of one unit family; a ratio written without %
    (`流动比率为 2.58`) is the plain quotient.

    A multiple (`是 B b 的 k 倍`, or `是 B 的 k 倍` with B's one value stated before under that name, in its
    sentence or the three before under one heading: then a warning) is the figure right before it over B's,
    not in per cent; a growth in multiples (`增长 2 倍`), an approximate multiple, or one of last year's figure
    named only as such (`是上年的 1.2 倍`) is not read.

    Rates with a written formula are TO106's. A miss within one unit of the rate's last digit, given the
    precision of its operands, is a rounding finding (TO100). An operand written as a whole number
    (`40 公里`, `36 公里`) stands for the values that round to it (39.5 to 40.5), so 36 / 40 allows 87.7%
    to 92.4%, and a stated 95% is a finding, not rounding.

    ## Why is this bad?
    The rate is what the reader of a budget or performance report looks at first (how much of the budget
    was spent, how much of the target met); a rate that its own figures do not give misstates the
    performance, or shows that a figure was revised without the rate.

    ## Example
    ```text
    项目预算资金 320.00 万元，实际支出 288.00 万元，执行率 95.00%。
    ```
    288.00 / 320.00 is 90.00%.

    ## Passes
    ```text
    项目预算资金 320.00 万元，实际支出 288.00 万元，执行率 90.00%。
    ```

    ## How to fix
    Write the rate the finding suggests (numerator over denominator, rounded to the precision the rate
    was written with), or correct the figure that is wrong if the rate is right.
    """

    code = "TO105"
    name = "rate-mismatch"
    severity = "error"
    kind = "rate"

    def check(self) -> Iterable[Result]:
        return self.report(self.ctx.outcomes(rate_outcomes))


def formula_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    for f in ctx.facts.formulas:
        o = _formula_outcome(ctx, f)
        if o is not None:
            yield o


def _formula_outcome(ctx: CheckContext, f: Formula) -> Outcome | None:
    res = f.result
    # in base units (元, not 万元) where a unit scales a figure: `3566.82万元÷152,360吨=234.10元/吨`; a result
    # read without its unit (`元/吨`, `万元/公里`) has the money unit written before its slash
    per = PER_UNIT.match(ctx.doc.text, res.end) if res.kind == "bare" else None
    res_scale = MULTIPLIERS[per.group(1) or ""] if per else res.scale
    # operands written bare before a result with its unit (`总计为 2310+4120+168=6598万元`) are in that unit
    scaled = (
        any(q.scale != 1 for q in [*f.operands, res])
        and (res.kind != "bare" or per is not None)
        and any(q.kind != "bare" for q in f.operands)
    )
    value = _formula_value(f, scaled)
    if value is None:
        return None
    computed = _in_result_terms(value, res)
    if scaled and res.kind != "percent":
        computed = computed / res_scale  # back to the result's own unit
    ulp = res.ulp
    verdict = ctx.judge((res.value - ulp / 2, res.value + ulp), (computed, computed), ulp)
    if verdict != "pass" and scaled and _unit_unsaid(f.operands):
        computed, verdict = _nearer_reading(ctx, f, computed, verdict)
    if verdict != "pass" and res.kind == "percent" and not any(q.kind == "percent" for q in f.operands):
        # `满意度=（342×100+130×80+…）÷520=90.54%`: with no ×100% the value is already the percentage (a score
        # out of 100 written with %); read so, it holds
        if ctx.judge((res.value - ulp / 2, res.value + ulp), (value, value), ulp) == "pass":
            computed, verdict = value, "pass"
    expected = f"{fmt(computed, res.decimals)}{res.unit}"
    related = [(q, "运算数") for q in f.operands]
    msg = f"{_formula_name(f)}的计算结果应为 {fmt(computed, max(res.decimals, 2))}{res.unit}，写作 {res.text}"
    return Outcome(res, verdict, "formula", related, msg, res.text, expected, expected, f.certain)


def _unit_unsaid(operands: list[Quantity]) -> bool:
    """Are the formula's operands bare numbers and rates only, no amount or count naming its unit?"""
    return all(q.kind in ("bare", "percent") for q in operands) and any(q.kind == "bare" for q in operands)


def _nearer_reading(ctx: CheckContext, f: Formula, computed: Decimal, verdict: Verdict) -> tuple[Decimal, Verdict]:
    """`96,210.45×20%=19,242.09万元`: amounts written bare beside rates alone may be in the result's unit as well as
    in 元; which, the formula does not say: the reading nearer its result is the one judged."""
    res, ulp = f.result, f.result.ulp
    as_written = _as_written(f, res)
    if as_written is None or abs(as_written - res.value) >= abs(computed - res.value):
        return computed, verdict
    return as_written, ctx.judge((res.value - ulp / 2, res.value + ulp), (as_written, as_written), ulp)


def _as_written(f: Formula, res: Quantity) -> Decimal | None:
    """The formula's value with its bare operands taken in the result's own unit (rates as fractions)."""
    value = _formula_value(f, False)
    return None if value is None else _in_result_terms(value, res)


def _formula_value(f: Formula, in_base_units: bool) -> Decimal | None:
    """The formula's expression evaluated, its rates as fractions (`20%` is 0.2) and its amounts in base units (元,
    not 万元) where `in_base_units`, else as written; None where it cannot be evaluated."""
    values = [
        q.value / HUNDRED if q.kind == "percent" else q.base_value if in_base_units else q.value for q in f.operands
    ]
    return evaluate(f.expression, values)


def _in_result_terms(value: Decimal, res: Quantity) -> Decimal:
    """A formula's value as its result is written: a percentage where the result is a rate (0.9 is 90%)."""
    return value * (HUNDRED if res.kind == "percent" else Decimal(1))


class FormulaMismatch(Rule):
    """A written formula (`A/B*100%=C`, `A÷B×100%=C`, `(A-B)/B*100%=C`) whose result is not what its operands
    give.

    ## What it does
    Evaluates a formula written out with its numbers (`预算执行率=174.77/196*100%=89.17%`, also with `×`,
    `÷`, full-width signs and brackets) and compares the value with the result written after the last
    `=`. The expression is parsed by `grammar/arithmetic.lark`: `×` and `÷` bind tighter than `+` and
    `−`, brackets group as written, and a per-cent operand is a fraction (`100%` is 1). The operands are
    taken as written; the result stands for the interval its precision allows, and a result off by no
    more than one unit of its last digit is a rounding finding (TO100). A formula written with names
    only (`执行率=支出/预算×100%`) has nothing to evaluate; one the grammar cannot parse is skipped.

    A figure followed by the terms it was computed from in brackets, each named and joined by `＋`/`－`
    (`收支结余 330.44 万元（总收入 43,038.51 万元－总费用 42,708.07 万元）`), is such a formula without its `=`: the
    figure is its result.

    A 项目支出绩效自评表's funds score is full marks × the execution rate where the document says so; where it
    says nothing but at least two of its forms (and two thirds of those with a rate short of 100%) give the score
    so, every form is held to that practice, as a warning (the rule is read from the forms, not stated).

    A rate that carries a written formula is checked here, not by TO105. Whether the operands are figures
    the report states is TO107's question.

    ## Why is this bad?
    The formula shows the reader how the figure was computed; when its own arithmetic does not give its
    result, either the result or an operand was mistyped, and the reader cannot trust either.

    ## Example
    ```text
    年度预算 300.00 万元，本年到位资金 276.00 万元，资金到位率=276.00÷300.00×100%=95.00%。
    ```

    ## Passes
    ```text
    年度预算 300.00 万元，本年到位资金 276.00 万元，资金到位率=276.00÷300.00×100%=92.00%。
    ```

    ## How to fix
    Recompute the result (the finding gives it, rounded to the precision the result was written with),
    or correct the operand that was mistyped.
    """

    code = "TO106"
    name = "formula-mismatch"
    severity = "error"
    kind = "formula"

    def check(self) -> Iterable[Result]:
        return self.report(self.ctx.outcomes(formula_outcomes))


class FormulaOperandUnknown(Rule):
    """A figure used in a written formula appears nowhere else in the report.

    ## What it does
    Looks up each operand of a written formula among the figures the report states outside its formulas
    (amounts, counts and bare numbers), by the number as written whatever the unit, or by base value: an
    operand with a unit as the same amount in another (`8,600 万元` is `0.86 亿元`), and a bare number as
    a figure stated in a unit 10⁴ or 10⁸ times its own (`812,500` in a formula is the `81.25 万元` stated,
    read in 元). Per-cent
    operands, 0, 1 and 100, and whole numbers below 100 (`×12`, `(100-5)`) are constants, not looked up.
    A formula with an operand found nowhere is reported where a figure the report states is that operand
    mistyped (one digit changed or two swapped, or within 1% of it: a draft's figure left in the formula),
    with the closest figures the report does state (counts are no candidates for an operand written with
    decimals). An operand close to no stated figure is one the report does not quote elsewhere (`上年结转`
    stated in the balance's formula alone) and is not reported. This is a warning: even a close operand
    may come from a source the report does not quote.

    ## Why is this bad?
    The arithmetic of the formula may hold, but on figures the report never states:
    `整体支出完成率 586.43/586.43*100%=100%` where the report's total is 586.34 everywhere else. The rate
    then rests on numbers the reader cannot find, usually a draft's figures left in the formula after
    the tables changed.

    ## Example
    ```text
    本年支出合计 1,186.40 万元，年初预算 1,260.00 万元。预算执行率=1,168.40/1,260.00×100%=92.73%。
    ```
    1,168.40 is stated nowhere else; the report states 1,186.40.

    ## Passes
    ```text
    本年支出合计 1,168.40 万元，年初预算 1,260.00 万元。预算执行率=1,168.40/1,260.00×100%=92.73%。
    ```

    ## How to fix
    Use in the formula the figures the report states (and recompute its result), or correct the figure
    stated elsewhere if the formula's operand is the right one.
    """

    code = "TO107"
    name = "formula-operand-unknown"
    severity = "warning"
    kind = "cross_ref"

    def check(self) -> Iterable[Result]:
        ctx = self.ctx
        if not ctx.facts.formulas:
            return  # most reports write no formula: nothing to look up, no index of their figures to build
        in_formula = {q.start for f in ctx.facts.formulas for q in [*f.operands, f.result]}
        stated = [
            q for q in ctx.facts.quantities if q.start not in in_formula and q.kind in ("amount", "count", "bare")
        ]
        known = _Known(stated)
        nearest = _NearestOf(stated)
        for f in ctx.facts.formulas:
            # small whole numbers in a formula (`×12`, `(100-5)`) are constants, not figures to look up
            # (an operand the formula names itself, `（非常满意 189 人+满意 136 人）÷…`, is stated there)
            text = ctx.doc.text
            unknown = [q for q in f.operands if _looked_up(q) and not known.has(q) and not _named_there(text, q)]
            if not unknown:
                if any(_looked_up(q) for q in f.operands):
                    yield self.checked(f.operands[0], "pass", f.operands[1:])
                continue
            # an operand close to no figure the report states is one it does not quote (`上年结转 B` stated in the
            # formula alone): nothing says it is wrong; one a slip away from a stated figure is that figure mistyped
            unknown = [q for q in unknown if nearest.close(q)]
            if not unknown:
                continue
            yield self.checked(unknown[0], "fail", f.operands)
            yield self._finding(f, unknown, nearest)

    def _finding(self, f: Formula, unknown: list[Quantity], nearest: _NearestOf):
        first = unknown[0]
        near = nearest.of(first).near(first.value, 2)
        names = "、".join(sorted({q.text for q in unknown}))
        hint = "；报告中最接近的数为 " + "、".join(q.text for q in near) if near else ""
        return self.diag(
            first,
            f"{_formula_name(f)}中的 {names} 在报告其他地方没有出现{hint}",
            stated=first.text,
            expected=near[0].text if near else None,
            related=[self.ctx.related(q, "报告中相近的数") for q in near]
            + [self.ctx.related(q, "同一公式的运算数") for q in f.operands[1:] if q is not first],
        )


def _named_there(text: str, q: Quantity) -> bool:
    """Is the operand written with a name of its own right before it, inside the formula (`（非常满意 189 人`,
    `+满意 136 人`: after an operator, a bracket or the `=` the formula opens with; not the formula's own name
    written right before its first operand)?"""
    return NAMED_OPERAND.search(text, max(0, q.start - 10), q.start) is not None


# an operand's name inside a formula: a short Chinese word after an operator, an opening bracket or `=`
NAMED_OPERAND = regex(r"[（(+\-*/×÷=＝][\u4e00-\u9fff]{1,8}$")


class _Known:
    """The figures a report states, looked up by the number as written and by base value: `812,500` in a
    formula is the `81.25 万元` stated elsewhere, and `81.25` the `812,500 元`."""

    SCALES = (Decimal(1), Decimal(10) ** 4, Decimal(10) ** 8)  # a bare number written in 元, 万元 or 亿元

    def __init__(self, figures: list[Quantity]) -> None:
        self.values = {q.value for q in figures}
        self.bases = {(q.base_unit, q.base_value) for q in figures if q.kind in ("amount", "count")}
        self.bare_bases = {v for _, v in self.bases}

    def has(self, q: Quantity) -> bool:
        if q.value in self.values:
            return True
        if q.kind == "bare":  # in whatever unit the formula leaves unsaid
            return any(q.value * s in self.bare_bases for s in self.SCALES)
        return (q.base_unit, q.base_value) in self.bases


class _NearestOf:
    """The stated figures an operand may be instead, sorted by value only when an operand is found nowhere
    (sorting a report's figures is the costly part of the check, and most formulas hold)."""

    def __init__(self, stated: list[Quantity]) -> None:
        self.stated = stated
        self.built: dict[bool, _Nearest] = {}
        self.sorted: tuple[list[Decimal], list[Decimal]] | None = None  # values as written, base values

    def close(self, operand: Quantity) -> bool:
        """Is a stated figure the operand mistyped: one digit changed or two swapped, or within 1% of it (a draft's
        figure left in the formula)? Compared as written and, in base units, as `_Known` looks figures up."""
        if self.sorted is None:
            self.sorted = (
                sorted({q.value for q in self.stated}),
                sorted({q.base_value for q in self.stated if q.kind in ("amount", "count")}),
            )
        written, bases = self.sorted
        targets = [(operand.value, written)]
        if operand.kind == "bare":
            targets += [(operand.value * s, bases) for s in _Known.SCALES]
        else:
            targets.append((operand.base_value, bases))
        # (the values within 1% are the ones right beside it; a slipped digit may be any figure's: all are tried,
        # for the few operands found nowhere)
        return any(_near(t, v) for t, values in targets for v in _beside(values, t)) or any(
            digit_slip(t, v) for t, values in targets for v in values if v
        )

    def of(self, operand: Quantity) -> _Nearest:
        # an operand written with decimals is an amount; counts (人次, 家) are no candidates for it
        whole = operand.decimals == 0
        if whole not in self.built:
            self.built[whole] = _Nearest([q for q in self.stated if q.kind != "count" or (whole and q.decimals == 0)])
        return self.built[whole]


def _beside(values: list[Decimal], value: Decimal) -> list[Decimal]:
    """The sorted values right below and right above a value."""
    i = bisect_left(values, value)
    return values[max(0, i - 1) : i + 1]


def _near(value: Decimal, stated: Decimal) -> bool:
    """Is `value` within 1% of a stated figure (not 0)?"""
    return stated != 0 and abs(value - stated) * 100 <= abs(stated)


class _Nearest:
    """The stated figures closest in value to a number: one figure per value (the first stated), the nearest
    values first, a tie in distance going to the value stated first. Sorted once, looked up by bisection, so
    that a report with many unknown operands is not sorted once per operand."""

    def __init__(self, figures: list[Quantity]) -> None:
        self.first: dict[Decimal, tuple[int, Quantity]] = {}
        for i, q in enumerate(figures):
            self.first.setdefault(q.value, (i, q))
        self.values = sorted(self.first)

    def near(self, value: Decimal, n: int) -> list[Quantity]:
        out: list[Quantity] = []
        hi = bisect_left(self.values, value)
        lo = hi - 1
        while len(out) < n and (lo >= 0 or hi < len(self.values)):
            left = (abs(value - self.values[lo]), self.first[self.values[lo]][0]) if lo >= 0 else None
            right = (abs(self.values[hi] - value), self.first[self.values[hi]][0]) if hi < len(self.values) else None
            if right is None or (left is not None and left < right):
                out.append(self.first[self.values[lo]][1])
                lo -= 1
            else:
                out.append(self.first[self.values[hi]][1])
                hi += 1
        return out


def _formula_name(f: Formula) -> str:
    """`公式“资金到位率”`, or `公式` alone when the formula's name was not read (`到位率=到位资金/预算×100%=…`,
    where names stand between the rate and its numbers)."""
    return f"公式“{f.name}”" if f.name else "公式"


def _looked_up(q: Quantity) -> bool:
    return q.kind != "percent" and q.value not in TRIVIAL and (q.decimals > 0 or abs(q.value) >= 100)


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [RateMismatch, FormulaMismatch, FormulaOperandUnknown]
