"""Sums and differences a sentence states across its figures: over or short of a budget (超收/短收), left over
(结余), a limit's headroom, deductions, remainders, a named sum, the total of the item lines above."""

from __future__ import annotations

import re
from bisect import bisect_left

from tieout.linter.facts.model import Breakdown, Change, Mention
from tieout.linter.facts.passes.base import ADDING, DONE_ACT, count_of, exact_figure
from tieout.linter.facts.passes.limits import limit_gaps
from tieout.linter.facts.passes.roll_forward import CLOSING, OPENING
from tieout.linter.facts.sentence.reader import Reader
from tieout.linter.facts.sentence.wording import (
    ADJUSTED,
    ADJUSTMENT_WORDS,
    BARE_ADJUSTMENT,
    CLAUSE_BREAK,
    FULL_MARKS,
    LEFT_AT_END,
    OUTCOME_LABEL,
    OVER_SHORT_WORDS,
    PLAN_LABEL,
    SCORED,
    STOCK_LABEL,
    USED_OF_BUDGET,
    initial_budget,
    left_over,
)
from tieout.linter.figures.context import Context
from tieout.linter.patterns import lazy, regex
from tieout.linter.text.normalise import FORM_LINE
from tieout.linter.vocab import words

# a line opening with the total of the lines above it (`以上合计`, `上述三项共计`), and an item line before its figure
# (its number, a name: `2.公务接待费`)
ABOVE_TOTAL = regex(
    r"\s*(?:以上|上述)(?:(?P<count>[二两三四五六七八九十]|\d{1,2})项)?(?:合计|共计|总计)(?:为)?[：:]?\s*"
)
ITEM_LINE = regex(
    r"\s*(?P<mark>[（(]\d{1,2}[)）]|\d{1,2}[、.．](?!\d)|[（(]?[一二三四五六七八九十][)）、])\s*[\u4e00-\u9fff（）()“”]{2,24}[：:]?\s*"
)
NUMBER_STYLE = regex(r"\d{1,2}|[一二三四五六七八九十]")


# what stands between an adjusted budget and the rate of its adjustment written right after it (`调整为 B，增长 p%`)
RATE_GAP = regex(r"[，,\s]*")


# a comparison with the same period of the year before (`同比下降 11.4%`), whose move a 减收 / 增收 after it goes on
YEAR_ON_YEAR = regex(r"同比|比上年|较上年|比去年|较去年|上年同期")
OVER_SHORT = regex(
    f"(?:(?P<over>{'|'.join(OVER_SHORT_WORDS.get('over') or [])})|{'|'.join(OVER_SHORT_WORDS.get('short') or [])})(?:收入)?$"
)


# the budget a figure is a percentage of, named right after it (`，为预算 54.00 亿元的 102.4%`)
BUDGET_OF = regex(r"(?:为|完成|达到)(?:调整后|调整|年初)?预算(?:数)?$")
# the budget an outcome is compared with right before what it is over or short of it by
COMPARED_BUDGET = regex(r"^[，、\s]*(?:比|较)(?:调整后|调整|变动|年初)?预算(?:数)?$")


# a fund's name holds 预算 without making the figure a budget (`一般公共预算收入`)
STAGE_FREE = regex(r"一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算")


USED_AS = regex(r"(?:以|用|将|动用)(?:超收|短收|超支)")


# an adjustment of a budget by its word and what it adds (`调增 B`, `追加预算 B`, `年中追加省级农村道路养护补助资金 B`:
# the name of the money added may be long)
# the words moving a budget up (the group `up`) or down
_WAYS = (
    f"(?P<up>{'|'.join([*(ADJUSTMENT_WORDS.get('up') or []), '增加'])})"
    f"|{'|'.join([*(ADJUSTMENT_WORDS.get('down') or []), '减少'])}"
)
ADJUSTMENT = lazy(f"(?:{_WAYS})" r"(?:[\u4e00-\u9fff]{0,12}?)(?:预算|资金)?(?:数)?$")


# a change against the initial budget (`较年初预算增加 Δ`) stated between it and the adjusted budget is the
# adjustment that takes one to the other (`年初预算 A，较年初预算增加 Δ，调整后预算为 B`)
AGAINST_INITIAL = regex(rf"(?:较|比)(?:{'|'.join(ADJUSTMENT_WORDS.get('initial') or [])})(?:数)?")


# the net of the adjustments listed before it (`调减 a、调增 b，两者相抵净调减 c`, `净增加预算 c`): its word of direction
NET_OF = regex(f"净(?:{_WAYS})")
NET_MARK = "净"


# a form's total named as such (`资金合计`, `合计`): the words before the total word, the list's head they open
LISTED_TOTAL = regex(r"(?P<stem>[\u4e00-\u9fff]{0,6})(?:合计|总计|共计)")
# a list line's head: a short name and its colon (`资金来源：`)
LIST_HEAD = regex(r"(?P<name>[\u4e00-\u9fff]{2,8})[：:]$")
# the first item's name after the head's colon
LIST_ITEM_NAME = regex(r"\s*[\u4e00-\u9fff]{2,12}\s*")
# what stands between one item's figure and the next item's: `；` and the next item's name, no other figure
LIST_ITEM_GAP = regex(r"\s*[；;]\s*[\u4e00-\u9fff]{2,12}\s*")


# points deducted (`因…扣 2.5 分`, `扣除`) and the score left (`得 13.5 分`, `实际得分`)
DEDUCTED = regex(r"扣(?:除|减)?$")


# words after figures saying they add up to a figure they name (`，合计即为基本支出`, `，二者之和为项目支出`)
NAMED_SUM = regex(
    r"[^\d，,。；;、]{0,4}[，,]\s*(?:二者|两者|以上两项|上述各项|以上各项)?(?:合计|之和|共计)(?:即为|即|为|就是)"
    r"(?P<name>[\u4e00-\u9fff“”]{2,16}?)(?:的?(?:金额|数额|总额))?\s*[。；;]?\s*$"
)
# what joins figures listed together (`a 万元、b`, `a 和 b`): a unit before it, a part's name after it
JOINED = regex(r"[^\d，,。；;、]{0,4}(?:、|和|及|与)\s*[^\d，,。；;：:（）()、]{0,16}")


# `X，减去 A`: figures subtracted from the one before (the words between the two figures; `X；减去 A` after a total
# closing the clause before); `、B`: one more; `，支出安排 Y`: the clause stating what is left (a name, no figure,
# no list left open with 等, no change). A name may hold its alternative in brackets (`转贷县（市、区）支出`).
TOTAL_WORDS = tuple(words("relations", "total"))  # a name of a sum (`收入总量`, `收入总计`)
SUBTRACTED_NAME = r"(?:[^\d，,。；;、等（）()]|[（(][^\d，,。；;等（）()]{1,8}[）)])"
SUBTRACTED = regex(rf"[^\d，,。；;、（）()]{{0,3}}[，,]\s*(?:减去|扣除|减除){SUBTRACTED_NAME}{{1,30}}$")
# (`；减去`: from the figure before only where that one is a total closing its clause, `收入总量 T；减去 A`; no
# `；扣除 B 后，安排 C`, which arranges spending from funds available, passes/deductions.py)
SUBTRACTED_FROM_TOTAL = regex(rf"[^\d，,。；;、（）()]{{0,3}}[；;]\s*减去{SUBTRACTED_NAME}{{1,30}}$")
LISTED_ON = regex(rf"[^\d，,。；;、等（）()]{{0,3}}[、和及]\s*{SUBTRACTED_NAME}{{1,30}}$")
LEFT = regex(
    r"[^\d，,。；;、等（）()]{0,3}后?[，,]\s*(?!其中|占|比|较|同比|增|减|下降|上升|提高|降低|加|扣)"
    r"[^\d，,。；;、等（）()]{1,30}$"
)
# what a sum leaves after the part named before it, named by nothing else (`其余`, `其余部分`, `剩余的`)
REST = regex(r"(?:其余|剩余)(?:部分|的)?(?:为|是)?")
# a second figure that is no part of the first: a change of it, a share, a rate, a comparison
NOT_A_PART = regex(r"比|较|同比|增|减|下降|上升|提高|降低|占|率|超|差|平均|人均|每")
# what the second of the figures before `其余` says of the first: what of it is used, paid, repaid or done, or
# what of it a source funds (`总投资 A，申请发行专项债券 B，其余 C 自筹`)
PART_USED = regex(r"用于|使用|动用|支出|支付|拨付|偿还|完成|已|通过|下达|落实|到位|执行|其中|申请|发行|争取|筹集|筹措")
# what names the first a whole: a total, a sum due, planned or set aside
SET_ASIDE = regex(r"安排|预算")
# what is left of a sum set aside named as its balance (`安排就业补助资金 A，支出 B，结余 C`, `预备费 A，支出 B，…，结余
# C`): the rest of the sum where the first figure names one set aside and no side of a fund (`收入 A，支出 B，结余 C` is
# a balance, TO109's, with its own readings of which 结余 is the year's)
CLAUSE_END = regex(r"[；;]")
# the words after the rest, in its clause, saying the act done of the first figure does not concern it (`已整改 B；其余 C
# 为管理不规范金额，不涉及资金整改`; vocab tables.yaml exempt_marks): the rest of some wider whole, not A − B
EXEMPT = regex(
    r"(?:"
    + "|".join(words("tables", "exempt_marks"))
    + r")[^。；;，,]{0,6}?(?P<act>[\u4e00-\u9fff]{2})(?=[。；;，,]|$)"
)
# a part's name opening with an act done (`已整改 B`; base.DONE_ACT), past the separators before it
DONE_ACT_NAME = regex(r"^[，、；：:,\s]*" + DONE_ACT.pattern.removeprefix("^"))
SET_ASIDE_REST = regex(r"结余(?:资金)?(?:为|是)?")
SET_ASIDE_SUM = regex(r"安排|预算|预备费")
FUND_SIDE = regex(r"收入|支出")
# the words of money spent of a sum set aside (not received, 到位, nor handed on, 下达)
SPENT_OF = regex(r"支出|使用|动用|支付")
WHOLE = regex(r"共|合计|总|累计|全部|到期|计划|预算|预备费|安排")


def _adjustments_after(
    seq: list[Mention | Change], unit: str
) -> tuple[list[tuple[Mention | Change, bool]], Mention] | None:
    """The adjustments (each up or down) right after an initial budget, and the adjusted budget they end at;
    None unless the run reaches one."""
    moves: list[tuple[Mention | Change, bool]] = []
    for m in seq:
        if isinstance(m, Change):
            q = m.movements[0].quantity
            if q is None or q.base_unit != unit:
                return None
            moves.append((m, m.movements[0].direction == "up"))
            continue
        if m.quantities[0].base_unit != unit:
            return None
        step = ADJUSTMENT.search(m.label)
        if step is not None and not ADJUSTED.search(m.label):
            moves.append((m, step.group("up") is not None))
            continue
        return (moves, m) if ADJUSTED.search(m.label) and moves else None
    return None


# the budget a gap names (`超过调整预算`, `低于年初预算`): 调整 for an adjusted one, 年初 for the first
NAMED_BUDGET = regex(r"(调整|年初)(?:后)?预算")


def _the_budget(before: list[Mention], gap: str, plan: str) -> bool:
    """Is the plan the budget a gap is over or short of: no other budget stated before it (年初 and 调整后 both
    stated: which one the 超收 is over is not said), and the one the gap's words name if they name one (`为年初预算
    B 的 r%，超过调整预算 C`: over another budget than the one stated)?"""
    if any(PLAN_LABEL.search(m.label) for m in before):
        return False
    named = NAMED_BUDGET.search(gap)
    return named is None or named.group(1) in plan


# money carried over from the years before (`上年结转资金 A`), and what of it is used, named by the use alone (`共使用
# B`, `共安排支出 B`): a part of it (not a bare `支出 B`, which may be the year's whole spending beside the carry-over)
CARRIED_OVER = regex(r"(?:上年|以前年度)结转(?:资金)?$")
DRAWN = regex(r"(?:共|累计|已)?(?:安排)?(?:使用|动用)|(?:共|累计|已)?安排支出|(?:共|累计|已)支出")


def _closing_stock(label: str) -> bool:
    """Is the figure a stock named at the period's end (`年末结转和结余`, `期末余额`)?"""
    return STOCK_LABEL.search(label) is not None and CLOSING.search(label) is not None


def _opening_stock(label: str) -> bool:
    """Is the figure a stock named at the period's start (`年初结转和结余`, `上年末余额`)?"""
    return STOCK_LABEL.search(label) is not None and OPENING.search(label) is not None


def _one_unit(mentions: list[Mention]) -> bool:
    """Are the figures amounts of one unit (money less money)?"""
    return len({(m.quantities[0].kind, m.quantities[0].base_unit) for m in mentions}) == 1 and (
        mentions[0].quantities[0].kind == "amount"
    )


def _scope_and_period(a: Context, b: Context) -> list[tuple[str | None, str | None]]:
    """The scopes and the periods two contexts state, side by side."""
    return [(a.scope, b.scope), (a.period, b.period)]


def _one_side(mentions: list[Mention]) -> bool:
    """Do the labels name one side of a budget at most (收入 or 支出, not both)?"""
    sides = {s for m in mentions for s in ("收入", "支出") if s in m.label}
    return len(sides) <= 1


# a budget named after the item it budgets (`市级一般公共预算收入调整预算为 B`): the item's name, before the budget
NAMED_BUDGET_OF = regex(
    r"^[，,、；;\s]*(?P<name>[\u4e00-\u9fff]{4,24}?(?:收入|支出))(?:的)?(?:调整后|调整|年初)?预算(?:数)?(?:为|是)?$"
)
# what may stand between that budget and the gap: nothing but the rate of the outcome to it (`，完成调整预算的 r%，`)
RATE_BETWEEN = regex(
    r"^[，,]\s*(?:(?:完成|为|达到)(?:调整后|调整|年初)?预算(?:数)?的\s*\d+(?:\.\d+)?\s*%\s*[，,]\s*)?$"
)


# a gap naming, after the clause before it, the outcome it is of and the budget it is against (`…影响，省级一般公共预算
# 收入较调整预算短收 Δ`)
NAMED_GAP = regex(
    r"(?:^|[，,；;、])\s*(?P<name>[\u4e00-\u9fff]{4,24}?收入)(?:比|较)(?P<budget>调整后|调整|年初)?预算(?:数)?"
    r"(?:(?P<over>超收)|短收)$"
)
# an outcome named, then the budget it is compared with, the gap to it right after (`省级一般公共预算收入比调整预算 B
# 短收 Δ`): the outcome's name and the budget
NAMED_COMPARED = regex(r"(?P<name>[\u4e00-\u9fff]{4,24}?收入)(?:比|较)(?:调整后|调整|年初)?预算(?:数)?")
# how many sentences back, in the gap's section, the outcome it names is looked for
GAP_REACH = 12


def _budget_named(label: str, budget: str | None) -> bool:
    """Does the budget's label (`，为调整预算`) name the budget the gap names (`较调整预算`; 调整后 is 调整), or none
    where the gap names none (`较预算`)?"""
    said = NAMED_BUDGET.search(label)
    return (said.group(1) if said else None) == (budget.removesuffix("后") if budget else None)


class Chains(Reader):
    """Sums and differences across a sentence's figures."""

    def _over_or_short(self, mentions: list[Mention], si: int) -> None:
        """`收入预算 350.00 亿元，实际完成 356.82 亿元，超收 6.82 亿元`: the figure over (超收) or short of (短收) the
        budget is the outcome less the budget stated right before it: outcome = budget ± it."""
        if len(mentions) < 3:
            return  # three figures at least (most sentences have fewer): nothing to read, nothing to gather
        figures = self._unlisted(mentions)
        for i in range(2, len(figures)):
            gap = OVER_SHORT.search(figures[i].label)
            if gap is not None and (STOCK_LABEL.search(figures[i - 2].label) or USED_AS.search(figures[i].label)):
                # `年初基金余额 A，动用 B，以超收收入 C 补充`: money over the budget used, and a stock, no budget
                continue
            plan, outcome = figures[i - 2], figures[i - 1]
            between = self.doc.text[outcome.quantities[-1].end : figures[i].start] if gap is not None else ""
            if YEAR_ON_YEAR.search(between):
                continue  # (`…的 43.4%，同比下降 11.4%，减收 Δ`: what it fell by against last year, no gap to a budget)
            if gap is not None and BUDGET_OF.match(outcome.label.lstrip("，、")) and "比" not in between:
                # `收入 55.32 亿元，为预算 54.00 亿元的 102.4%，超收 1.32 亿元`: the budget the outcome is compared with
                # (not where the 超收 names its own base: `…的 105.5%，比年初预算 A 超收 Δ`)
                plan, outcome = outcome, plan
            elif gap is not None and COMPARED_BUDGET.match(outcome.label) and not CLAUSE_BREAK.search(between):
                # `收入 1,398.63 亿元，比调整预算 1,460.00 亿元短收 61.37 亿元`: the figure right before the budget
                # it is compared with is the outcome
                plan, outcome = outcome, plan
                if not OUTCOME_LABEL.search(outcome.label) and PLAN_LABEL.search(STAGE_FREE.sub("", outcome.label)):
                    continue
            elif gap is None or not (
                PLAN_LABEL.search(STAGE_FREE.sub("", plan.label)) and OUTCOME_LABEL.search(outcome.label)
            ):
                continue
            if not _the_budget(figures[: i - 2], gap.group(), plan.label):
                continue
            units = {m.quantities[0].base_unit for m in (plan, outcome, figures[i])}
            if len(units) != 1 or not _one_side([plan, outcome, figures[i]]):
                continue
            over = gap.group("over") is not None
            self._record_chain(outcome, [plan, figures[i]] if over else [plan], [] if over else [figures[i]], si)

    def _over_the_outcome_before(self, mentions: list[Mention], si: int) -> None:
        """`市级一般公共预算收入 A，其中…。市级一般公共预算收入调整预算为 B，完成调整预算的 r%，超收 Δ。`: a sentence
        stating the budget of an item named as the sentence before opens (its outcome, in the same paragraph), then
        only what the outcome is over or short of it by: A = B ± Δ. The budget's own words name the item, the
        outcome is the figure that names it alone, so which two figures the gap lies between is said."""
        if len(mentions) < 2:
            return  # (two figures: most sentences have fewer)
        figures = self._unlisted(mentions)
        if len(figures) != 2 or not self._same_paragraph(si - 1, si):
            return
        plan, gap_figure = figures
        named = NAMED_BUDGET_OF.match(plan.label)
        gap = OVER_SHORT.fullmatch(gap_figure.label.strip("，,、 "))
        if named is None or gap is None or not plan.quantities:
            return
        between = self.doc.text[plan.quantities[-1].end : gap_figure.quantities[0].start]
        if not RATE_BETWEEN.match(between.removesuffix(gap_figure.label)):
            return
        before = [m for m in self.d.by_sentence.get(si - 1) or [] if m.quantities]
        if not before or before[0].label.strip("，,、 ") != named.group("name"):
            return  # the sentence before opens with another figure: the outcome is not named
        outcome = before[0]
        if PLAN_LABEL.search(STAGE_FREE.sub("", outcome.label)):
            return
        if len({m.quantities[0].base_unit for m in (plan, outcome, gap_figure)}) != 1:
            return
        over = gap.group("over") is not None
        self._record_chain(outcome, [plan, gap_figure] if over else [plan], [] if over else [gap_figure], si)

    def _gap_of_an_outcome_before(self, mentions: list[Mention], si: int) -> None:
        """`省级一般公共预算收入 A，为调整预算 B 的 r%。…。…省级一般公共预算收入较调整预算短收 Δ`: a gap naming the
        outcome and the budget it is against, the outcome stated earlier in its section under that very name with
        that budget right after it (`，为调整预算 B`): A = B − Δ (短收), A = B + Δ (超收). Only where one pair of the
        section states them so: with two, which one the gap is of is not said."""
        for gap_figure in self._unlisted(mentions):
            named = NAMED_GAP.search(gap_figure.label)
            if named is None or len(gap_figure.quantities) != 1 or not gap_figure.quantities[0].exact:
                continue
            found = self._outcome_and_budget(named.group("name"), named.group("budget"), si)
            if found is None:
                continue
            outcome, plan = found
            if len({(m.quantities[0].kind, m.quantities[0].base_unit) for m in (plan, outcome, gap_figure)}) != 1:
                continue
            over = named.group("over") is not None
            self._record_chain(outcome, [plan, gap_figure] if over else [plan], [] if over else [gap_figure], si)

    def _gap_to_a_named_budget(self, mentions: list[Mention], si: int) -> None:
        """`省级一般公共预算收入 A，为调整预算的 r%。…。省级一般公共预算收入比调整预算 B 短收 Δ`: a sentence naming the
        outcome, then the budget it is compared with and the gap to it right after (no outcome in the sentence), the
        outcome stated earlier in its section under that very name: A = B − Δ (短收), A = B + Δ (超收). Only where
        the section states the outcome under that name with one value: with two, which one is meant is not said."""
        figures = self._unlisted(mentions)
        for plan, gap_figure in zip(figures, figures[1:], strict=False):
            named = NAMED_COMPARED.fullmatch(plan.label.strip("，,、；; "))
            gap = OVER_SHORT.fullmatch(gap_figure.label)
            if named is None or gap is None or len(plan.quantities) != 1 or len(gap_figure.quantities) != 1:
                continue
            if self.doc.text[plan.quantities[0].end : gap_figure.quantities[0].start] != gap_figure.label:
                continue  # (the gap right after the budget, nothing between: `比调整预算 B 短收 Δ`)
            outcome = self._outcome_named(named.group("name"), si)
            units = {
                (m.quantities[0].kind, m.quantities[0].base_unit, m.quantities[0].exact) for m in (plan, gap_figure)
            }
            if outcome is None or units != {(outcome.quantities[0].kind, outcome.quantities[0].base_unit, True)}:
                continue
            over = gap.group("over") is not None
            self._record_chain(outcome, [plan, gap_figure] if over else [plan], [] if over else [gap_figure], si)

    def _outcome_named(self, name: str, si: int) -> Mention | None:
        """The latest figure stated under `name` alone in the sentences of the section before sentence si, where all
        so named there have one value; None where none is, or two values are."""
        here = self.doc.section_at(self.doc.sentences[si].start)
        found = []
        for s in range(si - 1, max(-1, si - GAP_REACH), -1):
            if self.doc.section_at(self.doc.sentences[s].start) is not here:
                break
            found += [
                m
                for m in self.d.by_sentence.get(s) or []
                if len(m.quantities) == 1 and m.quantities[0].exact and m.label.strip("，,、；; ") == name
            ]
        if not found or len({m.quantities[0].base_value for m in found}) != 1:
            return None
        return found[0]

    def _outcome_and_budget(self, name: str, budget: str | None, si: int) -> tuple[Mention, Mention] | None:
        """The one outcome stated under `name` in the sentences of the section before sentence si, the budget it
        is a percentage of right after it (`A，为调整预算 B 的 r%`); None where none or two are."""
        here = self.doc.section_at(self.doc.sentences[si].start)
        found = []
        for s in range(si - 1, max(-1, si - GAP_REACH), -1):
            if self.doc.section_at(self.doc.sentences[s].start) is not here:
                break
            said = [m for m in self.d.by_sentence.get(s) or [] if len(m.quantities) == 1 and m.quantities[0].exact]
            for a, b in zip(said, said[1:], strict=False):
                if a.label.strip("，,、 ") != name or not BUDGET_OF.fullmatch(b.label.strip("，,、 ")):
                    continue
                if _budget_named(b.label, budget):
                    found.append((a, b))
        return found[0] if len(found) == 1 else None

    def _limit_gaps(self, mentions: list[Mention], si: int) -> None:
        """`政府债务限额 L，余额 B，余额低于限额 Δ`: L = B + Δ, where the limit and the balance state the same scope
        and period (or leave them open): a sum (a chain breakdown) of the limit."""
        if len(mentions) < 3:
            return  # a limit, a balance and the gap (most sentences have fewer figures): nothing to read
        for total, parts in limit_gaps(self._unlisted(mentions)):
            said = [self.labeller.identify(m.label)[1] for m in (total, parts[0])]
            if all(a is None or b is None or a == b for a, b in _scope_and_period(said[0], said[1])):
                self._record_chain(total, parts, [], si)

    def _adjusted(self, mentions: list[Mention], si: int, changes_before: int) -> None:
        """`收入年初预算 96.4 亿元，执行中调增收入预算 2.3 亿元，调整后收入预算为 98.7 亿元`: an initial budget,
        the adjustments stated right after it, and the adjusted budget they make: adjusted = initial ± each
        adjustment (a chain breakdown, as `A，加 B，减去 C，总计 T`). An adjustment written as a bare movement
        (`调增 2450 万元，调减 310 万元`, read as a change of nothing) is taken as a figure of the chain."""
        if len(mentions) == 1:
            self._adjusted_lines(mentions, si)
        if len(mentions) < 2:
            return  # an initial and an adjusted budget at least (most sentences have fewer): nothing to gather
        # (a chain starts at an initial budget, of this sentence or closing the one before: most sentences have
        # neither, and their figures and adjustments are not gathered and sorted; the unlisted figures are among
        # the sentence's, which are asked first)
        figures = self._unlisted(mentions) if any(initial_budget(m) for m in mentions) else None
        opens = figures is not None and any(initial_budget(m) for m in figures)
        before = None if opens else self._initial_before(si)
        if not opens and before is None:
            return
        if figures is None:
            figures = self._unlisted(mentions)
        items: list[tuple[int, Mention | Change]] = [(m.quantities[0].start, m) for m in figures]
        items += [(c.movements[0].start, c) for c in self._bare_adjustments(si, changes_before)]
        items.sort(key=lambda x: x[0])
        seq = [x for _, x in items]
        initials = [i for i, start in enumerate(seq) if isinstance(start, Mention) and initial_budget(start)]
        for i in initials:
            start = seq[i]
            assert isinstance(start, Mention)  # (initials holds mentions only)
            self._chain_from(start, seq[i + 1 :], si, mentions)
        if before is not None:
            # `…批准的一般公共预算支出为 A。执行中，因追加增加支出 B，因项目取消调减支出 C，调整后的支出为 D`: the
            # sentence opens with the adjustments of the budget the sentence before closed with
            self._chain_from(before, seq, si, mentions, certain=False)

    def _net_adjustment(self, mentions: list[Mention], si: int, changes_before: int) -> None:
        """`调减 a、调增 b，两者相抵净调减 c` / `调减资金 a，调增资金 b，净调减预算 c`: the net of the adjustments listed
        right before it, up and down both (each named by its word, or a bare movement), in one unit, is the ups
        less the downs: c = a − b (a chain breakdown of the net: the side it moves to, less the other)."""
        items: list[tuple[int, Mention | Change]] = [(m.quantities[0].start, m) for m in self._unlisted(mentions)]
        items += [(c.movements[0].start, c) for c in self._bare_adjustments(si, changes_before)]
        seq = [x for _, x in sorted(items, key=lambda x: x[0])]
        at = next((i for i in range(len(seq) - 1, -1, -1) if self._net_way(seq[i]) is not None), None)
        if at is None:
            return
        net = seq[at]
        unit = self._unit_of(net)
        run: list[tuple[Mention | Change, bool]] = []
        for x in reversed(seq[:at]):
            way = self._adjustment_way(x)
            if way is None or self._net_way(x) is not None or self._unit_of(x) != unit:
                break
            run.insert(0, (x, way))
        if not run or {way for _, way in run} != {True, False}:
            return
        up = self._net_way(net)
        chain = [(self._as_mention(x, si, mentions) if isinstance(x, Change) else x, way) for x, way in run]
        total = self._as_mention(net, si, mentions) if isinstance(net, Change) else net
        self._record_chain(total, [x for x, w in chain if w == up], [x for x, w in chain if w != up], si)

    def _net_way(self, x: Mention | Change) -> bool | None:
        """Up (True) or down (False) for the net of adjustments (`净调减 c`, `净增加预算 c`); None for anything else."""
        if isinstance(x, Mention):
            found = NET_OF.search(x.label)
            return None if found is None else found.group("up") is not None
        mv = x.movements[0]
        before = self.doc.text[max(0, mv.start - 3) : mv.start]
        return (mv.direction == "up") if NET_MARK in before else None

    @staticmethod
    def _adjustment_way(x: Mention | Change) -> bool | None:
        """Up (True) or down (False) for an adjustment (`调增 b`, `调减资金 a`); None for anything else."""
        if isinstance(x, Change):
            return x.movements[0].direction == "up"
        found = ADJUSTMENT.search(x.label)
        if found is None or ADJUSTED.search(x.label) or len(x.quantities) != 1:
            return None
        return found.group("up") is not None

    @staticmethod
    def _unit_of(x: Mention | Change) -> str | None:
        q = x.movements[0].quantity if isinstance(x, Change) else x.quantities[0]
        return q.base_unit if q is not None and q.kind == "amount" else None

    def _adjusted_lines(self, mentions: list[Mention], si: int) -> None:
        """`年初预算：1,286.40万元` / `追加预算：152.36万元` / `全年预算：1,438.76万元`: the chain `_adjusted` reads in one
        sentence, laid out as a form's lines, a `键：值` line each. Read only on the adjusted budget's line, from
        the nearest initial budget above it, every line between an adjustment named as such (`_adjustments_after`
        ends the run on any other figure), all of one block: no blank line, no heading among them."""
        here = self.doc.sentences[si]
        last = mentions[0]
        if not ADJUSTED.search(last.label) or not FORM_LINE.fullmatch(self.doc.text, here.start, here.end):
            return
        lines = self._form_lines_before(si)[::-1]  # (text order)
        start = next((i for i in range(len(lines) - 1, -1, -1) if initial_budget(lines[i])), None)
        if start is None or start == len(lines) - 1:
            return  # no initial budget above, or no adjustment between it and this line
        first = lines[start]
        if self.doc.section_at(first.start) is not self.doc.section_at(here.start):
            return  # a heading between: the lines are of two blocks
        if self.doc.blank_line_between(first.start, here.start):
            return  # a blank line ends the block
        self._chain_from(first, [*lines[start + 1 :], last], si, mentions)

    def _chain_from(
        self, start: Mention, seq: list[Mention | Change], si: int, mentions: list[Mention], certain: bool = True
    ) -> None:
        """The adjustments right after the initial budget `start` and the adjusted budget they make, as a chain."""
        found = _adjustments_after(seq, start.quantities[0].base_unit)
        if found is None:
            return
        moves, adjusted = found
        if not _one_side([start, adjusted, *(x for x, _ in moves if isinstance(x, Mention))]):
            return  # bare adjustments name no side
        chain = [(self._as_mention(x, si, mentions) if isinstance(x, Change) else x, up) for x, up in moves]
        ups = [x for x, up in chain if up]
        downs = [x for x, up in chain if not up]
        self._record_chain(adjusted, [start, *ups], downs, si, certain)
        if certain:
            self._rate_of_adjustment(start, adjusted, si)

    def _rate_of_adjustment(self, start: Mention, adjusted: Mention, si: int) -> None:
        """`支出年初预算 A，调增 Δ，调整为 B，增长 p%`: the change written right after the adjusted budget a chain
        ends at, comparing it with nothing named (no `比上年`), is of B against the initial budget A the chain opens
        with (the sentence moves A to B; the rate and its direction are of that move). Read only on the two
        budgets of the chain, each one exact amount of one unit, and with only a comma between B and the change."""
        if len(adjusted.quantities) != 1 or len(start.quantities) != 1:
            return
        base, current = exact_figure(start), exact_figure(adjusted)
        if base is None or current is None or base.unit != current.unit:
            return
        for c in self.facts.changes:
            if c.sentence != si or c.base is not None or c.current is not current or c.comparison or not c.movements:
                continue
            if RATE_GAP.fullmatch(self.doc.text, current.end, c.movements[0].start):
                c.base = base

    def _initial_before(self, si: int) -> Mention | None:
        """The initial budget closing the sentence before, under the same heading: one exact amount, no part or
        total of a list."""
        said = self.d.by_sentence.get(si - 1) or []
        last = said[-1] if said else None
        if last is None or len(last.quantities) != 1 or not last.quantities[0].exact or not initial_budget(last):
            return None
        if id(last) in self.d.parts or id(last) in self.d.totals:
            return None
        here = self.doc.sentences[si].start
        return last if self.doc.section_at(last.start) is self.doc.section_at(here) else None

    def _bare_adjustments(self, si: int, first: int) -> list[Change]:
        """The sentence's changes (from index `first` on: not the whole document's, once per sentence) that are
        budget adjustments: a movement with a figure after 调 / 核 / 追 / 压 (`调增 2450 万元`, `核减 310 万元`),
        compared with nothing, or an amount compared with the initial budget and no figure of it (`较年初预算增加 Δ`)."""
        out = []
        for c in self.facts.changes[first:]:
            if c.sentence != si or c.base is not None or len(c.movements) != 1:
                continue
            mv = c.movements[0]
            if mv.quantity is None:
                continue
            if c.current is None and BARE_ADJUSTMENT.search(self.doc.text[max(0, mv.start - 2) : mv.end]):
                out.append(c)
            elif AGAINST_INITIAL.fullmatch(c.comparison) and mv.quantity.kind == "amount":
                # (`较年初预算增加 Δ`: whatever figure its reading took as what changed, the chain, if it forms, says)
                out.append(c)
        return out

    def _as_mention(self, c: Change, si: int, mentions: list[Mention]) -> Mention:
        """The figure of a bare adjustment as a mention of its own (the change that held it is dropped)."""
        mv = c.movements[0]
        assert mv.quantity is not None  # only adjustments with a figure are taken (_bare_adjustments)
        self.facts.changes = [x for x in self.facts.changes if x is not c]
        label = self.doc.text[max(self.doc.sentences[si].start, mv.start - 6) : mv.quantity.start]
        label = re.split(r"[，、；：,;:]", label)[-1]
        m = Mention(
            label=label, key=label, quantities=[mv.quantity], sentence=si, paragraph=self.doc.sentences[si].paragraph
        )
        self.facts.mentions.append(m)
        mentions.append(m)
        return m

    def _deductions(self, mentions: list[Mention], si: int) -> None:
        """`过程指标满分 25 分，扣 2.8 分，得 22.2 分`: full marks less the points deducted are the score."""
        if len(mentions) < 3:
            return  # three figures at least (most sentences have fewer): nothing to read, nothing to gather
        figures = [m for m in self._unlisted(mentions) if m.quantities and m.quantities[0].base_unit == "分"]
        for full, cut, score in zip(figures, figures[1:], figures[2:]):
            if (
                FULL_MARKS.search(full.label)
                and DEDUCTED.search(cut.label)
                and SCORED.match(score.label.lstrip("，、；："))
                and all(len(m.quantities) == 1 for m in (full, cut, score))
            ):
                self._record_chain(score, [full], [cut], si)

    def _left_over(self, mentions: list[Mention], si: int) -> None:
        """`全年预算数 180.00 万元，全年执行数 172.35 万元，结余资金 7.65 万元`: a budget, what was spent of it and what
        is left, stated in this order and alone in their unit in the sentence (with funds received beside them,
        `资金到位 170 万元`, what is left may be of either): left = budget − spent. What was spent may be named by its
        use (`预备费预算 A，当年使用 B，年底剩余 C`) or a purchase's price (`采购预算 A，中标金额 B，采购结余资金 C`)."""
        if len(mentions) < 3:
            return  # three figures at least (most sentences have fewer): nothing to read, nothing to gather
        figures = self._lone_figures(mentions)
        if len(figures) > 3:
            # (`采购预算 A，中标金额 B，结余资金 C；该项目已执行 D`: the three of the clause the sentence opens with, closed
            # by its semicolon, when they are all it holds)
            said = [m for m in mentions if m.quantities]
            cut = next(
                (
                    k
                    for k in range(1, len(said))
                    if CLAUSE_END.search(self.doc.text, said[k - 1].quantities[-1].end, said[k].quantities[0].start)
                ),
                0,
            )
            figures = figures[:cut] if cut == 3 and said[:3] == figures[:3] else []
        if len(figures) != 3:
            return
        plan, outcome, left = figures
        if (
            PLAN_LABEL.search(plan.label)
            and (OUTCOME_LABEL.search(outcome.label) or USED_OF_BUDGET.search(outcome.label))
            and not PLAN_LABEL.search(outcome.label)
            and (left_over(left) or LEFT_AT_END.match(left.label.lstrip("，、；：")))
            and _one_unit(figures)
        ):
            self._record_chain(left, [plan], [outcome], si)

    def _drawn_from_carry_over(self, mentions: list[Mention], si: int) -> None:
        """`上年结转资金 A，共安排支出 B，主要用于…`: the sentence's only two figures, the money carried over and, right
        after it, what of it is used, named by the use alone (of nothing else, so of that money): B is a part of A,
        never more (what is left is not said)."""
        said = [m for m in mentions if m.quantities]
        if len(said) != 2 or len(self._lone_figures(said)) != 2 or not _one_unit(said):
            return
        carried, used = said
        if not CARRIED_OVER.search(carried.label) or not DRAWN.fullmatch(used.label.strip("，、； ")):
            return
        between = self.doc.text[carried.quantities[0].end : used.quantities[0].start]
        if between.strip("，, ") != used.label.strip("，, "):
            return  # (nothing between them but the use's own words)
        # (inferred from the words' order alone: a warning at most)
        self._keep(Breakdown(carried, [used], "", False, si, certain=False))

    def _rest(self, mentions: list[Mention], si: int) -> None:
        """`到期本金 A，拟以再融资债券偿还 B，其余 C 由预算安排`, `共 A 个，已完成 B 个，其余 C 个正在推进`: the
        sentence's third figure named by nothing but `其余` (`其余部分`, `剩余`) is what the first leaves after the
        second: C = A − B. Read only when the first two figures are the sentence's only ones before it, all three
        of one unit and exact, the second below the first and no change (`较上年增加 B` is no part of A)."""
        if len(mentions) < 3:
            return  # three figures at least (most sentences have fewer): nothing to read
        said = [m for m in mentions if m.quantities]
        if len(said) < 3:
            return
        self._rest_of(said[:3], si)
        # (`2022 年安排 A，支出 B，结余 C；2023 年安排 D，支出 E，结余 F`: each clause after a semicolon opens its own)
        for k in range(3, len(said) - 2):
            if CLAUSE_END.search(self.doc.text, said[k - 1].quantities[-1].end, said[k].quantities[0].start):
                self._rest_of(said[k : k + 3], si)

    def _rest_of(self, said: list[Mention], si: int) -> None:
        """The rest read in three figures, the first two the only ones of their sentence or clause before it."""
        whole, part, rest = said
        if not REST.fullmatch(rest.label.strip("，、；： ")) and not self._left_of_set_aside(whole, part, rest):
            return
        chain = [whole, part, rest]
        if any(len(m.quantities) != 1 or not m.quantities[0].exact for m in chain):
            return
        if any(id(m) in self.d.parts or id(m) in self.d.totals for m in chain):
            return  # read already (a list, a chain): not read twice
        if len({(m.quantities[0].kind, m.quantities[0].base_unit) for m in chain}) != 1:
            return
        # (what the second figure is, read in all the words between the two: its label stops at a `、`, `用于 X、
        # Y 等 B` is labelled `Y 等`)
        between = self.doc.text[whole.quantities[0].end : part.quantities[0].start]
        if chain[0].quantities[0].kind not in ("amount", "count") or NOT_A_PART.search(between):
            return
        # (`评定优 12 个，良 5 个，其余 3 个`: two parts side by side, the rest of a whole stated elsewhere; the
        # second is a part of the first only where it says what of the first is used or done, and the first is
        # a whole, not itself such a part: `已完成 12 个，已开工 5 个，其余…` is of neither)
        if not PART_USED.search(between) or (PART_USED.search(whole.label) and not WHOLE.search(whole.label)):
            return
        if not part.quantities[0].base_value < whole.quantities[0].base_value:
            return
        if self._exempt_from_act(part, rest):
            return
        if rest.label.strip("，、；： ").startswith("剩余") and SET_ASIDE.search(whole.label):
            return  # (`预备费年初安排 A，动用 B，剩余 C`: what is left of a sum set aside is a roll-forward's, TO109)
        self._record_chain(rest, [whole], [part], si)

    def _exempt_from_act(self, part: Mention, rest: Mention) -> bool:
        """Do the words after the rest, up to its sentence's end, say the act the part names as done does not concern
        it (`需要整改的 A，已整改 B；其余 C 为管理不规范金额，不涉及资金整改`)? C is then no rest of A, which was all due
        to that act, but of a wider whole the sentence does not state."""
        done = DONE_ACT_NAME.match(part.label)
        if done is None or not rest.quantities:
            return False
        end = self.doc.text.find("。", rest.quantities[-1].end)
        after = self.doc.text[rest.quantities[-1].end : end if end >= 0 else None]
        return any(m.group("act") == done.group("act") for m in EXEMPT.finditer(after))

    def _left_of_set_aside(self, whole: Mention, part: Mention, rest: Mention) -> bool:
        """`预备费 A，支出 B，…，结余 C`: the rest named as the 结余 of a sum set aside, no side of a fund, after money
        spent of it (not received: `预算 A，到位资金 B，…，结余 C` may be what is left of B)."""
        if not SET_ASIDE_REST.fullmatch(rest.label.strip("，、；： ")):
            return False
        if not SET_ASIDE_SUM.search(whole.label) or FUND_SIDE.search(whole.label):
            return False
        between = self.doc.text[whole.quantities[0].end : part.quantities[0].start]
        return SPENT_OF.search(between) is not None

    def _left_over_after(self, mentions: list[Mention], si: int) -> None:
        """`全年预算数 P，…。全年执行数 E，执行率 r%。未执行资金 X。`: what is left, the first figure of its sentence
        and alone in its unit there, after the sentences of its paragraph that state the budget and what was
        spent of it (`_budget_and_spent`): X = P − E (inferred: read across sentences)."""
        left = next((m for m in mentions if m.quantities), None)
        if left is None or not left_over(left):
            return  # (the first figure's words are asked first: most name no left-over)
        figures = self._lone_figures(mentions)
        if not figures or figures[0] is not left:
            return
        unit = left.quantities[0].base_unit
        if sum(1 for m in figures if m.of_unit(unit)) != 1:
            return
        earlier: list[Mention] = []
        sj = si - 1
        while self._same_paragraph(sj, si):
            earlier[:0] = [m for m in self.d.by_sentence.get(sj) or [] if m.of_unit(unit) is not None]
            sj -= 1
        sentence = self.doc.sentences[si]
        if not earlier and FORM_LINE.fullmatch(self.doc.text, sentence.start, sentence.end):
            # `资金结余：125,581.44元` on a form's line of its own: the budget and what was spent on the lines above
            earlier = [m for m in reversed(self._form_lines_before(si)) if m.of_unit(unit) is not None]
        found = self._budget_and_spent(earlier)
        if found is None:
            return
        chain = [*found, left]
        if (
            _one_unit(chain)
            and _one_side(chain)
            and all(len(m.quantities) == 1 and m.quantities[0].exact for m in chain)
        ):
            self._record_chain(left, [found[0]], [found[1]], si, certain=False)

    @staticmethod
    def _budget_and_spent(earlier: list[Mention]) -> tuple[Mention, Mention] | None:
        """The budget and what was spent of it, in this order, when the figures are those two, each once (an
        initial budget beside the adjusted one aside: what is left is of the budget as adjusted), nothing else."""
        plans = [m for m in earlier if PLAN_LABEL.search(m.label)]
        spent = [m for m in earlier if OUTCOME_LABEL.search(m.label) and m not in plans]
        final = [m for m in plans if not initial_budget(m)] if len(plans) == 2 else plans
        if len(final) != 1 or len(spent) != 1 or len(plans) + len(spent) != len(earlier):
            return None
        return (final[0], spent[0]) if earlier.index(final[0]) < earlier.index(spent[0]) else None

    def _named_sum(self, mentions: list[Mention], si: int) -> None:
        """`基本支出执行 C；人员经费 a、公用经费 b，合计即为基本支出`: figures joined by 、 (和, 及) that the words
        after them say add up to a figure they name, with no figure of its own (合计即为, 之和为, 共同构成): the
        one figure of that item stated before them in the sentence, or else in its paragraph (inferred), of their
        unit, is their sum."""
        text = self.doc.text
        end = self.doc.sentences[si].end
        figures = [m for m in mentions if m.quantities]
        if len(figures) < 2 or text.find("为", figures[-1].quantities[-1].end, end) < 0:
            return  # (most sentences state no sum in words: not searched)
        said = NAMED_SUM.match(text, figures[-1].quantities[-1].end, end)
        if said is None:
            return
        parts = [figures[-1]]
        for m in reversed(figures[:-1]):
            if len(m.quantities) != 1 or not JOINED.fullmatch(text, m.quantities[0].end, parts[0].quantities[0].start):
                break
            parts.insert(0, m)
        if len(parts) < 2 or not _one_unit(parts) or any(id(p) in self.d.parts for p in parts):
            return
        item = self.labeller.identify(said.group("name"))[0]
        whole, certain = self._sum_named(item, si, figures[: figures.index(parts[0])], parts)
        if whole is not None:
            self._keep(Breakdown(whole, parts, "合计", True, si, certain=certain))

    def _total_of_lines_above(self, mentions: list[Mention], si: int) -> None:
        """`1.公务接待费 3.20万元` / `2.…` / `以上合计 16.97万元`: a line opening with a total of what is above it
        (`以上合计`, `上述三项共计`) totals the item lines right above it, one figure a line, up to the block's start
        (a line with no figure; a blank line ends the block and reads nothing). Only where every line up to there
        is one item (its number, a name, one exact figure of the total's unit) and a count the words state (`三项`)
        is the lines' count. The lines are the file's (the normalised text may join a short line to the one
        before)."""
        original, origin = self.doc.original, self.doc.origin
        for total in mentions:
            q = total.quantities[0]
            at = origin[q.start]
            line_start = original.rfind("\n", 0, at) + 1
            said = ABOVE_TOTAL.fullmatch(original, line_start, at)
            if said is None or len(total.quantities) != 1 or not q.exact:
                continue
            parts = self._item_lines_above(line_start, q.base_unit)
            count = said.group("count")
            if len(parts) < 2 or (count and count_of(count) != len(parts)):
                continue
            if any(id(p) in self.d.parts for p in parts):
                continue
            self._keep(Breakdown(total, parts, "合计", True, si))

    def _item_lines_above(self, end: int, unit: str) -> list[Mention]:
        """The one figure of each item line of the file right above offset `end` (a line's start in the file), in
        text order, up to the first line holding no figure; nothing where a line of them is blank, holds two
        figures or words after its figure."""
        original, origin = self.doc.original, self.doc.origin
        placed = sorted(((origin[m.start], m) for m in self.facts.mentions), key=lambda x: x[0])
        starts = [x for x, _ in placed]
        parts: list[Mention] = []
        kind = ""  # (the way the items are numbered: `1.`, `（1）`, `一、`; a line numbered otherwise is no item of theirs)
        while end > 0:
            begin = original.rfind("\n", 0, end - 1) + 1
            if not original[begin : end - 1].strip():
                return []  # (a blank line: the block ended above the total's items)
            inside = [m for _, m in placed[bisect_left(starts, begin) : bisect_left(starts, end - 1)]]
            if not inside:
                break  # (the block's opening line: a heading, `三公经费支出如下：`)
            if len(inside) != 1 or len(inside[0].quantities) != 1:
                return []
            q = inside[0].quantities[0]
            item = ITEM_LINE.fullmatch(original, begin, origin[q.start])
            if not (q.exact and q.base_unit == unit and item):
                return []
            style = NUMBER_STYLE.sub("0", item.group("mark").strip())
            if parts and style != kind:
                break  # (`1.收入 A` above `（1）…`, `（2）…`: the item the nested lines break down, their whole)
            kind = style
            if original[origin[q.end - 1] + 1 : end - 1].strip("；;，,。 \t\r"):
                return []  # (words after the figure: more than one item's amount)
            parts.insert(0, inside[0])
            end = begin
        return parts

    def _listed_total(self, mentions: list[Mention], si: int) -> None:
        """`资金合计：3,000.00万元` on a form's line of its own, right after a line listing the sources of a name the
        total's opens with (`资金来源：中央补助 a；省级补助 b；县级配套 c`): the list's parts add up to it. Only
        where the total's name says it totals (合计/总计/共计), the list line is the sentence right before it, set
        out by `；` alone, one exact figure an item, in the total's unit, and read as no list yet."""
        sentence = self.doc.sentences[si]
        text = self.doc.text
        if si == 0 or len(mentions) != 1 or not FORM_LINE.fullmatch(text, sentence.start, sentence.end):
            return
        total = mentions[0]
        said = LISTED_TOTAL.fullmatch(total.label)
        listed = self.doc.sentences[si - 1]
        parts = self.d.by_sentence.get(si - 1) or []
        if said is None or len(parts) < 2 or len(self._lone_figures(parts)) != len(parts):
            return
        # the list's head: the name and colon right before its first item's name (a form's lines before it may
        # have run into its sentence: `实施单位：…中心资金来源：…`)
        first = parts[0].quantities[0].start
        colon = max(text.rfind("：", listed.start, first), text.rfind(":", listed.start, first))
        head = LIST_HEAD.search(text, listed.start, colon + 1) if colon > listed.start else None
        if head is None or said.group("stem") not in head.group("name") or not _one_unit([total, *parts]):
            return
        if not LIST_ITEM_NAME.fullmatch(text, colon + 1, first):
            return
        pos = colon + 1
        for m in parts:
            gap = text[pos : m.quantities[0].start]
            if pos > colon + 1 and not LIST_ITEM_GAP.fullmatch(gap):
                return  # (an item set apart by anything but `；`, or words after a figure: no plain list)
            pos = m.quantities[0].end
        if text[pos : listed.end].strip("；;。 ") or not total.quantities[0].exact:
            return
        # (the sources listed and then totalled are all of the total: a list of its composition)
        self._record(total, parts, "组成", si)

    def _sum_named(self, item: str, si: int, own: list[Mention], parts: list[Mention]) -> tuple[Mention | None, bool]:
        """The one figure of `item` in the parts' unit among `own` (the sentence's figures before the parts), else
        among the paragraph's sentences before (inferred); None where none or two of other values are."""
        unit = parts[0].quantities[0].base_unit

        def named(ms: list[Mention]) -> list[Mention]:
            return [m for m in ms if m.of_unit(unit) is not None and self.labeller.identify(m.label)[0] == item]

        found, certain = named(own), True
        sj = si - 1
        while not found and self._same_section(sj, si):
            found, certain, sj = named(self.d.by_sentence.get(sj) or []), False, sj - 1
        values = {q.base_value for m in found if (q := m.of_unit(unit)) is not None}
        if len(item) < 2 or len(values) != 1:
            return None, False
        return found[-1], certain

    def _subtracted_from(self, m: Mention, gap: str, first_add: int) -> bool:
        """Are the figures after `gap` subtracted from figure m: `X，减去 A` (unless additions before X go on past
        it: `A，加 B、C，减去 D，总收入 T` is a chain of its own), or `收入总量 T；减去 A`, a total closing its clause
        (the additions before it, if any, ending in it: `A，加 B、C，收入总量 T；减去 D、E，结转下年 R`)."""
        if SUBTRACTED.match(gap):
            return first_add >= m.quantities[0].start
        return bool(SUBTRACTED_FROM_TOTAL.match(gap)) and self.labeller.identify(m.label)[0].endswith(TOTAL_WORDS)

    def _minuend_from(
        self, mentions: list[Mention], figures: list[Mention], gaps: list[str], i: int, left: Mention, first_add: int
    ) -> int | None:
        """Where the figures subtracted from start: figure i alone where nothing is summed before it in its clause,
        or the list it closes (`年初结转和结余 a、本年收入 b，扣除本年支出 c 后，年末结转和结余 d`: a + b − c = d). None
        where another sum stands before them in the clause (`收入 a，其中 b，扣除 c 后…`, `结余 a，收入 b，扣除…`:
        what is subtracted from is left open), or where what is left is a stock at the year's end and none of them
        the stock the year opened with (`本年收入 b，扣除本年支出 c 后，年末结余 d`: d holds the opening stock too).
        A figure named as a sum, or closing additions (`A，加 B、C，收入总量 T；减去 D`), is the whole the figures
        before it make: subtracted from alone."""
        whole = first_add < figures[i].quantities[0].start or self.labeller.identify(figures[i].label)[0].endswith(
            TOTAL_WORDS
        )
        j = i
        while not whole and j > 0 and LISTED_ON.match(gaps[j - 1]):
            j -= 1
        if _closing_stock(left.label) and not any(_opening_stock(m.label) for m in figures[j : i + 1]):
            return None
        if whole:
            return i
        text = self.doc.text
        start = figures[j].quantities[0].start
        clause = max(text.rfind(c, self.doc.sentences[figures[i].sentence].start, start) for c in "；;") + 1
        unit = figures[i].quantities[0].base_unit
        if any(
            clause <= q.start < start and q.kind == "amount" and q.base_unit == unit
            for m in mentions
            for q in m.quantities
        ):
            return None
        return j

    def _remainders(self, mentions: list[Mention], si: int) -> None:
        """`基金预算收入 120.4 亿元，减去调入一般公共预算 9 亿元、返还支出 51.2 亿元，基金预算支出安排 60.2 亿元`: a
        figure, the figures subtracted from it right after it (`减去`/`扣除`, a list joined by `、`), and the figure
        the clause after them states: what is left, the first less the others. Read only when nothing else stands
        between them (no other figure, `等` ending the list, a change or a `其中`)."""
        if len(mentions) < 3:
            return  # three figures at least (most sentences have fewer): nothing to read, nothing to gather
        figures = self._lone_figures(mentions)
        text = self.doc.text
        # the words between each figure and the next, and where the sentence first adds (read once: linear)
        gaps = [text[a.quantities[0].end : b.quantities[0].start] for a, b in zip(figures, figures[1:])]
        begin = self.doc.sentences[si].start
        stop = figures[-1].quantities[0].start if figures else begin
        # (ADDING names 加: most sentences do not, and are not searched)
        added = ADDING.search(text, begin, stop) if text.find("加", begin, stop) >= 0 else None
        first_add = added.start() if added else len(text)
        i = 0
        while i < len(figures) - 2:
            if not self._subtracted_from(figures[i], gaps[i], first_add):
                i += 1
                continue
            k = i + 1  # the figures subtracted: figures[i + 1 : k + 1]
            while k < len(gaps) and LISTED_ON.match(gaps[k]):
                k += 1
            j = self._minuend_from(mentions, figures, gaps, i, figures[k + 1], first_add) if k < len(gaps) else None
            if j is not None and LEFT.match(gaps[k]) and _one_unit(figures[j : k + 2]):
                self._record_chain(figures[k + 1], figures[j : i + 1], figures[i + 1 : k + 1], si)
                if first_add < figures[i].quantities[0].start:
                    # (the total the additions before it close: still theirs to be read as, not only a part here)
                    self.d.parts.discard(id(figures[i]))
            i = k + 1
