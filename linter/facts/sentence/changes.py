"""Changes a sentence states against a base (`比上年增长 p%`, `增加 Δ`, `由 a 增至 b`): their subject and base."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from decimal import Decimal
from itertools import takewhile

from tieout.linter.facts.model import Change, FromTo, Mention, Movement, Rate
from tieout.linter.facts.moments import COMPARED_MOMENT
from tieout.linter.facts.passes.base import (
    ADDING,
    ADJUSTED_BASIS,
    CHANGE_AMOUNT,
    PER_UNIT_WORDS,
    SUBTRACT,
    converted,
    exact_figure,
    in_brackets,
    per_unit_named,
)
from tieout.linter.facts.passes.limits import LIMIT_GAP
from tieout.linter.facts.sentence.reader import Reader
from tieout.linter.facts.sentence.wording import (
    ADJUSTED,
    BARE_ADJUSTMENT,
    BRACKETED,
    CLAUSE_BREAK,
    INITIAL_PLAN,
    LAST_YEAR_CMP,
    LAST_YEAR_NAMES,
    LAST_YEAR_ONLY,
    LAST_YEAR_STAGE_ONLY,
    LAST_YEARS,
    LAST_YEARS_RATIO,
    NOT_THE_OUTCOME,
    OUTCOME_LABEL,
    OUTCOME_STAGES,
    OVER_SHORT_WORDS,
    PLAN_BASE,
    PLAN_LABEL,
    RATIO_PRONOUN,
    REFERENCE,
    STATED_YEAR,
    WORDED_VALUE,
    YEAR_STAGE_ONLY,
    end_and_start,
    initial_budget,
)
from tieout.linter.figures.context import BUDGET_STAGES, MIXED, Context, read
from tieout.linter.figures.labels import GENERIC_ITEMS
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.sentences import _Change, _FromTo, _Movement
from tieout.linter.parse.tokens import CMP_ALONE, CMP_BEFORE, CMP_HEAD
from tieout.linter.patterns import YEARS_TOGETHER, regex
from tieout.linter.text.model import Section
from tieout.linter.vocab import alternation, words

# an overall score's name (`项目自评得分`, `综合评价总分`), not an indicator's (`产出指标得分`)
TOTAL_SCORE = regex(r"(?:自评|评价|综合|绩效)(?:总)?得分|总分")
INDICATOR_SCORE = regex(r"指标|分值|满分")


def _is_total_score(m: Mention) -> bool:
    return (
        len(m.quantities) == 1
        and m.quantities[0].base_unit == "分"
        and TOTAL_SCORE.search(m.label) is not None
        and INDICATOR_SCORE.search(m.label) is None
    )


# the words between a figure and the name of a change compared with it by a pronoun (`，与之相比，收入、支出总计`)
AGAINST_IT = regex(r"\s*[，,]\s*(?:与之|与此)(?:相比|比较)[，,]\s*[^，,。；;：:\d]{2,20}")
# the verb of stating that ends a label (`总计为`, `总额是`)
STATING_END = regex(r"(?:为|是)$")


# the opening of a move's first figure (`由上年的`, `从`): not part of the name of what moved
FROM_WORD = regex(r"(?:由|从)[^由从]*$")


# what names a figure as a ratio of two others (`…占…的比重`, `…占比`, `…执行率`)
RATIO_NAME = regex(r"(?:比重|占比|比例|率)$")
# a share named by its whole alone (`占一般公共预算支出的 78.4%`): a ratio too, the words 占…的 say so
SHARE_OF = regex(r"占[^，,；;。（(]{2,30}?的?")
# a bracket right after a change noting last year's value of a ratio (`（上年为 80.5%）`, `（上年占比为 80.5%）`)
LAST_YEARS_RATIO_NOTE = regex(
    rf"\s*[（(]\s*(?:{LAST_YEAR_NAMES})(?:{RATIO_PRONOUN.pattern}|占比|比重|比例)?(?:的|为|是|：|:)?\s*"
)
# rates named otherwise than the rates of the vocabulary: a survey's share of the satisfied, a progress
MEASURED = regex(r"(?:满意度|进度)[为是达到约=：:]*$")


# the words after an item's name saying only that a figure is its spending outcome (`公务接待费支出决算`)
OUTCOME_TAIL = regex(r"(?:支出)?(?:决算数?)?")


# a period that is part of a year (`上半年`, `一季度`, `1-6月`)
PART_OF_YEAR = regex(r"半年|季度|\d{1,2}月")


# a comparison's name that is a share's word alone (`比上年占比 p%`, `较上年比重`): of the share just stated
SHARE_WORD_ONLY = regex(r"^(?:所?占比(?:重|例)?|比重)$")
# a share named by its part's name (or the first words of it) and a share word (`税收占比`, `民生支出比重`)
NAMED_SHARE = regex(r"^(?P<part>[\u4e00-\u9fff]{2,12}?)(?:所?占比(?:重|例)?|比重)$")
# a change's name that is this year alone (`本年下降`, `今年增长`): what changed is the sentence's figure
# what 调增 / 核减 / 压减 / 追加 leave as a change's name where the grammar reads the rest as its movement
ADJUSTING_PREFIXES = frozenset({"调", "核", "压", "追"})


THIS_YEAR_ONLY = regex(r"^[，,]?\s*(?:本年|今年|当年|本年度)$")
# the report's own year (not 当年: the year of the figure just named)
# the first character of 调增 / 调减, which the lexer leaves before the move's word
ADJUSTED_BY = "调"
# the label of an adjusted budget named by the move's words alone (`，调整为 B`, `调整后预算为 B`): of the item the
# initial budget right before names; and what stands between it and a plain adjustment's 调 (`，调增 Δ`)
# — the words may say when and why it was adjusted (`，年中根据上级下达资金情况调整为 B`, `，执行中调整为 B`): the
# year's adjustment all the same, no other item named
ADJUSTED_ONLY = regex(
    r"[，,、\s]*(?:(?:年中|年度中|执行中|执行过程中|年内)?(?:(?:根据|按照|结合)[\u4e00-\u9fff]{2,14}?(?:情况|要求|批复|文件))?)"
    r"(?:预算)?(?:调整为|调整后(?:的)?(?:预算)?(?:数)?为?)\s*"
)
ADJUSTMENT_GAP = regex(r"[，,\s]*")
# a change's subject naming the adjusted stage alone (`；调整后比上年决算数 C 增长 p%`)
ADJUSTED_ALONE = regex(r"调整后的?")
# `调整为 B，净增加 Δ`: the move of the net (read as a change named 净)
NET = "净"
NET_MOVES = frozenset({"增加", "减少"})
THIS_REPORT_YEAR = regex(r"^[，,]?\s*(?:本年|今年|本年度)$")


# a label that names its item and then the earlier period it is compared with (`资金总额较2022年的`)
COMPARED_TAIL = regex(rf"(?:比|较)(?:(?:{LAST_YEAR_NAMES})(?:末|底)?|年初|(?:19|20)\d{{2}}年度?(?:同期)?)(?:的|为)$")
# words naming a figure after a bracket, then its comparison (`，2025年末余额比上年末`; not `，比上年`, `，同比`, nor a
# comparison's own opening, `，与2024年度相比`, which names the period compared with, not what changed)
NAMED_THEN_COMPARED = regex(r"[，,]\s*(?!(?:与|同|和|跟)[\u4e00-\u9fff\d]{1,14}?相比)[\u4e00-\u9fff\d]{2,16}?(?:比|较)")
# a label that is a comparison with a reference it names (`比第四次经济普查的`, `较改革前的`, `较1-3月累计的`: months
# to date), no movement in it
COMPARED_WITH = regex(
    r"(?:比|较)(?![^，。；]*(?:增|减|提高|降低|下降|上升))(?:[^，。；\d]|\d{1,2}(?:[-—－~至]\d{1,2})?月){1,20}的"
)


# the gap alone (`…，超收 6.74 亿元；比上年…增长`): what the outcome passed its budget by, never what changed; so is
# what it saved of its budget (`决算 A，预算执行率 r%，节约资金 S；较上年减少 Δ`: A changed, not S)
SAVED = ["节约资金", "节约"]
GAP_ALONE = regex(
    f"[，,、；;\\s]*(?:{'|'.join([*(OVER_SHORT_WORDS.get('over') or []), *(OVER_SHORT_WORDS.get('short') or []), *SAVED])})"
)


# the words naming a figure as a share (`占收入总额的`, `比重为`), and only those at the label's end
SHARE_NAME = regex(r"(?:占[\u4e00-\u9fff]{0,16}?的?(?:比重|比例)?|比重|占比)(?:为|是|达到|达)?$")


# between a ratio and its change: a comma and a comparison with last year (`，比上年`, `，与上年相比，`)
RATIO_THEN_CMP = regex(rf"\s*[，,]\s*(?:{LAST_YEAR_CMP.pattern})\s*[，,]?\s*")
# a heading's number or a year before a name (`（二）`, `3.`, `2024年度`): no part of it
NUMBER_OR_YEAR = regex(
    r"^(?:\s|[（(][0-9一二三四五六七八九十]+[)）]|[0-9一二三四五六七八九十]+[.、．]|(?:19|20)\d{2}\s*年度?)+"
)
# a comparison with last year's value written right after a figure: `，比上年的 88.5%`, `，较上年（88.5%）`
COMPARED_RIGHT_AFTER = regex(rf"\s*[，,]\s*(?:比|较)(?:{LAST_YEAR_NAMES})(?:度)?的?\s*[（(]?\s*")
# the words of an indicator's outcome, naming no rate of their own (`实际完成 93.2%`)
OUTCOME_ONLY = regex(r"(?:实际)?(?:完成|达到|实现)?(?:值|数)?(?:为|是|达到)?")
HEAD_COLON = regex(r"[：:]")
# a heading's number before the name (`3.`, `（二）`)
ITEM_NUMBER = regex(r"^\s*(?:[（(]?[0-9一二三四五六七八九十]+[)）.、．]?\s*)+")


YEAR_ONLY = regex(
    r"\d{4}年度?(?:前[一二三四]季度|[一二三四]季度|第[一二三四]季度|上半年|下半年|全年|1-\d{1,2}月)?(?:为|是|[：:])?"
)
# a comparison with last year, and any comparison (its opening words as the tokenizer reads them, or last year)
LAST_YEAR_WORDS = regex("上年|去年|上一年|同比|同期")
# the words stating a figure as a loss: a profit below zero written without its sign (not 减亏 / 扭亏, the move)
LOSS_SAID = regex(r"(?<![减扭])亏损(?!收窄|扩大|减少|增加)|净亏(?!损收窄)")
# between a rate of change and last year's figure in the comparison right after it (`增长 p%，比上年 B`)
RATE_THEN_LAST_YEAR = regex(r"\s*[，,]\s*(?:比|较)(?:上年|去年)(?:同期)?\s*")


COMPARING = regex("|".join((*CMP_BEFORE, *CMP_ALONE, LAST_YEAR_WORDS.pattern)))
CHANGE_WORD = regex(r"增加|减少|增长|下降|提高|降低|持平|增幅|降幅")
# what is left of a comparison written before a change (`与2023年度相比`, `同上年比较`) once its year is read: it
# names no figure
# a comparison naming the figure compared with (`较可研批复`, `比初步设计概算`), not a period (`较上年`, `比2023年`)
COMPARED_BY_NAME = regex(r"(?:比|较)(?!上年|去年|上一年|同期|年初|\d)([\u4e00-\u9fff]{2,12}?)(?:相比)?")
# nothing but a comma between the figure a change follows and its comparison (the comparison's words taken out)
FOLLOWED_BY_NAME = regex(r"\s*[，,]\s*")
# (the period may name its figure: `与上年数相比，减少 Δ`, `与上年预算数相比`)
COMPARISON_ONLY = regex(
    r"(?:与|同|和|跟)?(?:上年|去年|上一年|上年同期|同期)?(?:预算数|决算数|执行数|预算|决算|数)?(?:相比|比较|对比)较?"
)


# a figure of several years together (`近五年累计`, `2022—2024年`)
YEARS_SPAN = regex(YEARS_TOGETHER)
# a list's part named by its year alone (`其中2022年 a、2023年 b`)
LISTED_YEAR = regex(r"(?:其中[：:，,]?)?((?:19|20)\d{2})年度?")
# a label opening with the year its figure is of (`2024年安排`)
YEAR_OPENS = regex(r"(?:19|20)\d{2}年(?!度?[—\-－至到])")
BRACKET_YEAR = regex(r"[（(]\s*(\d{4}年)度?[：:，,]?\s*$")


# the label of the earlier value that names the moment a comparison compares with (linter.facts.moments) and
# nothing else (`年初为`): `资产负债率为 39.81%，年初为 42.00%，较年初下降…`
MOMENT_LABEL = regex(r"^(?P<moment>[^，,；;为是的]+)(?:的|为|是)?$")
LAST_YEAR_BRACKET = regex(r"[（(]\s*(上年同期|上年|去年同期|去年)(?:数|为)?[：:，,]?\s*$")
# the plans a change may be against, by name (`比年初预算数增加`)
PLAN_NAMED = regex(r"年初|调整")


BOTH_SIDES = regex(r"收入?、?支出?(?=总)")
# what says a figure is of both sides (`收、支总计各`, `收入、支出总计均为`), no part of its item
BOTH_WORD = regex(r"各$|(?<=计)均$")
# both sides named apart before the one figure each is (`收入总计、支出总计均为`): the label read is the second's alone
BOTH_NAMED_APART = regex(r"收入(决算)?总计、支出(?:决算)?总计均(?:为|是)?\s*$")


def _core(item: str) -> str:
    """An item as a template names it, in any of its wordings: `收入、支出总计各` / `收支总` → 收支总."""
    return BOTH_SIDES.sub("收支", BOTH_WORD.sub("", item.replace("、", ""))).removesuffix("计")


def _names_other(name: str, other: str) -> bool:
    """Does `name` (the name a comparison gives last year's value, `与上年满意度`) name another rate than `other`?
    Either name may say more than the other (`满意度` / `群众满意度为`)."""
    a, b = name.strip("的 "), other.rstrip("为是达到约=：: ")
    if not a or not b or not (RATIO_NAME.search(a) or MEASURED.search(a)):
        return False
    return not (a.endswith(b) or b.endswith(a))


def _operand(m: Mention) -> bool:
    """Does the figure's clause open by adding it to the figure before or taking it off (`加上级补助 B`, `减上解 C`)?"""
    words = m.label.lstrip("，,；;、 ")
    return ADDING.match(words) is not None or SUBTRACT.match(words) is not None


def _chain_result(candidates: list[Mention], staged: Mention) -> bool:
    """Is the nearest figure the result of a chain the staged one starts (`各项收入预算 A，加动用结余 B，减上解支出 C，可
    安排支出 D`): the figures between them each added or taken off (one at least), the nearest none? A comparison
    after it is of D, what the sentence came to, not of A, whose stage its words happen to name."""
    k = next((i for i, m in enumerate(candidates) if m is staged), 0)
    return k >= 2 and not _operand(candidates[0]) and all(_operand(m) for m in candidates[1:k])


def _moved_by(c: _Change) -> tuple[Quantity | None, Quantity | None]:
    """The change's own amount and rate (the first of each)."""
    # (an amount of money or a count: `减少 13 人` moves a count as `减少 Δ 万元` an amount)
    amount = next(
        (m.quantity for m in c.movements if m.quantity is not None and m.quantity.kind in ("amount", "count")), None
    )
    rate = next((m.quantity for m in c.movements if m.quantity is not None and m.quantity.kind == "percent"), None)
    return amount, rate


def _agreements(c: _Change, earlier: Decimal, cur: Quantity) -> list[bool]:
    """Whether the change's amount and its rate (those it states) agree with `cur` against the earlier figure."""
    amount, rate = _moved_by(c)
    checks = []
    if amount is not None:
        checks.append(abs(abs(cur.base_value - earlier) - amount.base_value) <= amount.ulp * amount.scale)
    if rate is not None:
        checks.append(abs(abs(cur.base_value - earlier) / earlier * 100 - rate.value) <= rate.ulp)
    return checks


def _agreeing(c: _Change, base: Quantity, cur: Quantity) -> int:
    """How many of the change's own figures (its amount, its rate) agree with `cur` against `base`."""
    return sum(_agreements(c, base.base_value, cur)) if base.base_value > 0 else 0


def _earlier_bounds(move: Movement, figure: Decimal) -> tuple[Decimal, Decimal] | None:
    """The earlier figure `figure` moved from by `move` (`增加 Δ`: figure − Δ; `增长 p%`: figure / (1 + p%)), as the
    bounds its written precision leaves; None where no such earlier figure can be (`下降 100%`)."""
    q = move.quantity
    if q is None:
        return None
    sign = 1 if move.direction == "up" else -1
    if q.kind == "percent":
        low, high = (1 + sign * (q.value + d) / 100 for d in (-q.ulp, q.ulp))
        factors = sorted((low, high))
        return (figure / factors[1], figure / factors[0]) if factors[0] > 0 else None
    moved = figure - sign * q.base_value
    return (moved - q.ulp * q.scale, moved + q.ulp * q.scale)


def _own_change_fits(c: _Change, figure: Quantity) -> bool:
    """Can the change be `figure`'s own against its year before, unstated (`2024年新增 B，同比增加 Δ，增长 p%`)? Its
    amount and its rate each name some earlier figure, B − Δ and B / (1 + p%); only the two of them stated and naming
    different ones rule it out. One of them alone fits some earlier figure whatever it is."""
    moves = _movements(c)
    amount = next((m for m in moves if m.quantity is not None and m.quantity.kind in ("amount", "count")), None)
    rate = next((m for m in moves if m.quantity is not None and m.quantity.kind == "percent"), None)
    if amount is None or rate is None:
        return True
    by_amount, by_rate = _earlier_bounds(amount, figure.base_value), _earlier_bounds(rate, figure.base_value)
    if by_amount is None or by_rate is None:
        return False
    return by_amount[0] <= by_rate[1] and by_rate[0] <= by_amount[1]


def _year_alone_after_item(before: Mention, subject: Mention) -> int | None:
    """The year naming a figure alone, or with a stage alone (`2025年为 B`, `2025年预算 B`), right after a figure of
    an item whose words name no year (`收入 A，`); None where the figures are not so named."""
    year = YEAR_STAGE_ONLY.match(subject.label.strip("，、；：（( "))
    if year is None or not before.key or YEAR_NAMED.search(before.label):
        return None
    return int(year.group(1))


def _named_last_year(m: Mention) -> bool:
    """Is the figure named as last year's and nothing else (`上年为 C`, `上年预算 C`)?"""
    return _last_years_name(m.label.strip("，、；：（( "))


def _year_after(before: Mention, m: Mention) -> bool:
    """Are two figures one item named by two years, the first the year after the second's (`2025年预算 A，2024年预算
    B`), neither a figure compared with (`比2023年的 A 增长 p%，比2022年的 B 增加 Δ`)?"""
    years = [YEAR_NAMED.fullmatch(x.period or "") for x in (before, m)]
    if not all(years) or not m.key or before.key != m.key:
        return False
    if any(COMPARED_IN_LABEL.match(x.label) for x in (before, m)):
        return False
    later, earlier = (int(y.group(1)) for y in years if y is not None)
    return later == earlier + 1


# an item's figure its own words name as last year's, right before it (`项目支出上年为 B`, `基本支出去年是 B`)
OWN_LAST_YEAR = regex(r"[\u4e00-\u9fff](?:上年|去年|上一年)度?(?:为|是)$")


def _last_years_first(
    subject: Mention | None, c: _Change, base: Quantity | None, current: Quantity | None
) -> tuple[Quantity | None, Quantity | None]:
    """(base, current) of a change with no base yet: `项目支出上年为 B，比上年增加 Δ，增长 p%`, the figure its own words
    name as last year's, compared with last year, is the base, and what changed is not stated in the clause."""
    if subject is None or base is not None or current is None or not LAST_YEAR_WORDS.search(c.cmp):
        return base, current
    return (current, None) if OWN_LAST_YEAR.search(subject.label.strip("，、；： ")) else (base, current)


def _levels_apart(nearest: str | None, other: str | None) -> bool:
    """Do two figures of one name, found for a change that names no level, stand for two levels: the nearest of a
    level below the whole (市本级, 县区) and the other of another level, or of the whole, whether its words say so
    (全市) or not? The nearest of the whole (全市) is what a name with no level names, whatever stands before it."""
    if nearest is None or nearest.startswith("全"):
        return False
    return other != nearest


def _last_years_name(words: str) -> bool:
    """Do the words name last year's figure and nothing else (`上年为`, `上年预算`, `上年执行数`)?"""
    return bool(LAST_YEAR_ONLY.match(words) or LAST_YEAR_STAGE_ONLY.match(words))


# between a bracket closed after a list's last figure and the change after it: the comparison's words and its figure,
# and the word closing a comparison framed by 与 (`），与上年末的 B 相比增长 p%`)
CLOSED_TO_MOVE = regex(
    r"[，,]?\s*(?:比|较|与|同比)[^，。；]{0,12}?(?:\d[\d,.]*\s*(?:亿元|万元|元))?\s*(?:相比|比较|对比)?\s*"
)


def _consistent_current(c: _Change, base: Quantity | None, candidates: list[Quantity]) -> Quantity | None:
    """Of the figures a change may be of, the one its own figures agree with: the earlier figure stated (or
    the one its amount implies) and its rate give one current figure. When none agrees the change is wrong
    whichever it is of, and the first (the nearest) stands; when its figures cannot tell (an amount alone, no
    earlier figure), None: the change is of an unknown figure, never checked against a guess."""
    if len(candidates) == 1:
        return candidates[0]
    amount, rate = _moved_by(c)
    down = any(m.direction == "down" for m in c.movements)
    fits = []
    for cur in candidates:
        if base is not None:
            earlier = base.base_value
        elif amount is not None and rate is not None:
            earlier = cur.base_value + (amount.base_value if down else -amount.base_value)
        else:
            return None
        if earlier <= 0:
            continue
        checks = _agreements(c, earlier, cur)
        if checks and all(checks):
            fits.append(cur)
    return fits[0] if len(fits) == 1 else candidates[0]


QUOTES = regex(r"[“”‘’\"']")
# a comparison with last year opening a bracket right before a figure (`较上年（`): the figure is last year's
BRACKETED_BASE = regex(r"(?:较|比)(?:上年|去年)(?:同期)?\s*[（(]\s*$")
# a label opening with the word of a comparison (`，比2022年的`)
COMPARED_IN_LABEL = regex(r"^[，、；：\s]*(?:比|较|与|同|对比)")
# a period a label names by its year alone (`2024年`, `2024年度`)
YEAR_NAMED = regex(r"((?:19|20)\d\d)年度?")
# a context's period that is a whole year (`2024`), not last year (`-1`) nor a part of one
A_YEAR = regex(r"(?:19|20)\d{2}")
LAST_YEAR_PERIOD = "-1"  # the period context words give last year
# a comparison in the words before a figure (`比上年的`, `与上年相比，`, `较2023年`): the period there is compared with
COMPARISON_WORD = regex(r"[比较]|相比|对比|同期")
# the end of a clause within a sentence
CLAUSE_END = regex(r"[；;]")
# the words of a stock's moment in an item's name (`年末固定资产`, `固定资产年初数`): the item is the same at either
MOMENT_WORDS = regex(r"(?:上年|本年)?(?:年初|年末|期初|期末)数?")
# a comparison opening a sentence on its own (`与上年相比，`): it dates no figure after it
COMPARISON_OPENING = regex(r"(?:与|同|和|跟)[^，,。；;\d]{1,12}?(?:相比|比较|对比)较?[，,：:]")
# a figure named as last year's (`，上年执行数`, `上年决算数为`)
LAST_YEARS_LABEL = regex(r"^[，、；：\s]*(?:上年|去年)(?!末|底|结转|结余)")
YEAR_IN = regex(r"((?:19|20)\d{2})年")


# a figure named as a target (`目标值 4.10 元`, `4.10 元的目标值`): a plan's value, never one that changed
TARGET_WORDS = alternation(words("relations", "target_words"))
TARGET_NAMED = regex(rf"(?:{TARGET_WORDS})(?:为|是)?$")
TARGET_AFTER = regex(rf"\s*的?(?:{TARGET_WORDS})")
PLANNED = "计划"  # the stage of a figure named a plan or a target (vocab context: 计划数, 目标值 …)
# the name a label gives what changed before its comparison (`运营总成本较上年的` → 运营总成本)
NAME_BEFORE_COMPARISON = regex(
    rf"^[，、；：,;:\s]*(?P<name>[\u4e00-\u9fff]{{2,16}}?)(?:较|比)(?:{LAST_YEAR_NAMES}|(?:19|20)\d\d年)"
)


# a figure per one of a unit (`每吨供水成本`, `每人次运营成本`), besides the per-unit words of vocab `not_additive`
PER_ONE = regex(r"每[\u4e00-\u9fff]")


def _per_unit(label: str) -> bool:
    """Does the label name a figure per unit (`人均补助`, `每吨成本`)?"""
    return PER_UNIT_WORDS.search(label) is not None or PER_ONE.search(label) is not None


def _named_first(earlier: Mention, candidates: list[Mention]) -> list[Mention]:
    """The candidates for what changed, those named as the earlier figure's words name it before their comparison
    where there are any (`运营总成本 A，单位成本 c，…，运营总成本较上年的 B 增长 p%`: A, not the nearest c); else all
    (`联结农户 A户、B人，联结户数较上年的 C户`: 户数 is no figure's name, the nearest in its unit is read)."""
    found = NAME_BEFORE_COMPARISON.match(earlier.label)
    if found is None:
        return candidates
    named = found.group("name")
    return [m for m in candidates if _names(m.key, named) or named in m.label] or candidates


# the words joining two items in one name (`公务用车购置及运行费`)
JOINS_ITEMS = "及和与、"


def _names(mention_key: str, key: str) -> bool:
    # a key of one character (`比` of `比2023年的 X`) names no item: `…可比` ends with it by chance
    if len(mention_key) < 2:
        return False
    if mention_key == key or key.endswith(mention_key):
        return True
    # a key that is one of two items a name joins (`运行费` of `购置及运行费`, `购置` of `购置及运行费`) names that
    # item alone, not the figure of both
    if mention_key.endswith(key):
        return _ends_item(mention_key, key)
    return mention_key.startswith(key) and mention_key[len(key)] not in JOINS_ITEMS


def _ends_item(name: str, tail: str) -> bool:
    """Does `name` end with `tail` as its own item, not as the last of two items it joins (`购置及运行费` / `运行费`)?"""
    return name.endswith(tail) and (len(name) == len(tail) or name[-len(tail) - 1] not in JOINS_ITEMS)


# a change named by a stage alone (`决算数比年初预算数增加 Δ`), against a stage alone
STAGE_ALONE = regex(r"(?:支出|收入)?(?:决算数?|执行数|实际执行数?)")
STAGE_COMPARED = regex(r"[比较](?:年初预算|调整预算|全年预算|预算)数?")
# the rest of a comparison the pattern of comparisons cut short (`比2023年预算执行数`: the base is the outturn, not the
# budget), no name of what changed
COMPARED_STAGE_REST = regex(r"(?:执行|预计|决算|预算|实际|完成|数|的|同期|相比|比较)")


# a sentence opening by naming last year (`上年度审计查出问题 88 个`, `去年，…`)
LAST_YEAR_OPENING = regex(
    r"[\s（(一二三四五六七八九十\d、.．）)]*(?:上年度|上一年度|上年|去年)(?!末|底|结转|结余|同期)"
)


def _comparison_said(c: _Change, named: str) -> str:
    """The words of the comparison: its own, or the name's where the name opens with one (`比上年…`)."""
    return c.cmp or (named if re.match(r"(?:比|较|与)", named) else "")


def _comparison_fused(c: _Change, named: str) -> tuple[_Change, str]:
    """`与上年相比收、支预算总计各增加 Δ`, `比上年支出增加 Δ`: a comparison written with no comma before the name
    of what changed is the change's comparison, as it is with the comma (`与上年相比，收、支…`); the rest of the
    words is the name."""
    if c.cmp or not named:
        return c, named
    fused = CMP_HEAD.match(named.lstrip("，,；;：: "))
    if fused is None or COMPARED_STAGE_REST.match(fused.group("label")):
        return c, named
    return replace(c, cmp=fused.group("cmp")), fused.group("label")


# a bracket right after a figure giving its value last year (`（上年 163.45 亿元`) and its close before the change
LAST_YEAR_NOTE = regex(rf"\s*[（(]\s*(?:{LAST_YEAR_NAMES})(?:为|是|：|:)?\s*")


NOTE_CLOSED = regex(rf"\s*[）)]\s*[，,]?\s*(?:{LAST_YEAR_CMP.pattern})?[，,]?\s*")


def _bare_row(m: Mention) -> bool:
    """Is the figure a table row's, read as prose: bare numbers only, no unit said (`上级补助收入|640.20|588.10`)?"""
    return bool(m.quantities) and all(q.kind == "bare" for q in m.quantities)


def _points_of_no_ratio(c: _Change, current: Quantity | None) -> bool:
    """Does the change move by percentage points alone while the figure found as what changed is no percentage? A
    move in points is a ratio's (`税收收入…占…的 72.7%，较上年回落 1.0 个百分点`), never an amount's: the figure found
    is not what changed."""
    moved = [m.quantity for m in c.movements if m.quantity is not None]
    in_points = bool(moved) and all(q.kind == "pp" for q in moved)
    return in_points and current is not None and current.kind != "percent"


def _movements(c: _Change) -> list[Movement]:
    """The clause's moves; a negative figure after an up word (`增幅 -5.2%`) is a move down by its size."""
    out = []
    for m in c.movements:
        q, direction = m.quantity, m.direction
        if q is not None and q.value < 0:
            q, direction = replace(q, value=-q.value), ("down" if direction == "up" else "up")
        out.append(Movement(direction, m.word, q, m.start, m.end))
    return out


# a sentence opening with its comparison, naming no figure before it (`较上年…`, `比2023年度决算…`, `与上年相比…`)
COMPARISON_OPENS = regex(r"\s*(?:较|比(?![重例率])|与(?!此同时)|同比)")
# the marks ending the clause before a figure (its words are what follows the last of them)
MARKS_BEFORE_A_CLAUSE = "，,。；;：:\n"


class Changes(Reader):
    """Changes against a base."""

    def _change(
        self, c: _Change, si: int, mentions: list[Mention], named: str = "", whole: Mention | None = None
    ) -> None:
        """The figure that changed: the one the clause names (`收入预算比上年增加…`), else the last one before,
        skipping ratios that only qualify it (`收入 456.78 亿元，为预算的 101.5%，比上年增长 6.2%`). A clause
        closing a 其中 list (`whole` its total) may be of the last part or of the whole."""
        c, named = _comparison_fused(c, named)
        key, period = self._change_name(named)
        if key == ADJUSTED_BY and self._moved_before(si, c):
            key = ""  # (`由 A 调整为 B，调减 Δ`: the 调 of 调减, read before the move's word, names nothing)
        if self._dealt_apart(c, si, mentions, named, key):
            return
        initial = "年初" in c.cmp + c.label  # (`比上年年初预算数 C`: the initial budget, not the adjusted one)
        # (a change naming the figure it compares with, of another period than last year's, `比预算数 B 减少 Δ`: last
        # year's figure stated before it, `上年为 C`, is not what changed)
        this_year = c.base is not None and not LAST_YEAR_WORDS.search(c.cmp)
        # (`较“十三五”期间增加 Δ`: a span compared with a span, whose figure may sum several years)
        spans = bool(YEARS_SPAN.search(c.cmp))
        subject, certain = self._subject(
            key, si, mentions, period, self._compared_stage(c), initial, whole, this_year, _money_unit(c), spans
        )
        if self._given_out(c, si, subject):
            return
        unread = self._not_read_from(subject, certain, c, si, mentions, key, named)
        if unread is not None:
            self.facts.changes.append(unread)
            return
        current, label, base_of_rate = self._changed_figure(c, si, mentions, subject, key)
        if c.base is None and self._respective(c, si, mentions, subject, certain):
            return
        current, base_of_rate, done = self._stated_base(c, si, subject, mentions, key, (current, base_of_rate))
        if done:
            return
        base = c.base or base_of_rate or self._named_plan(c.cmp, subject, mentions, current, si)
        base = base or self._noted_base(c, si, current, mentions)
        # the comparison may be written before the figure (`与2022年度相比（2022年度…为 X），增加 Δ`)
        said = _comparison_said(c, named)
        comparison = said or self._words_before(si, subject)
        base, current = _last_years_first(subject, c, base, current)
        if subject is not None and base is None and current is not None:
            earlier = self._found_earlier(c, si, subject, mentions, current, (named, period, comparison))
            if earlier is None:
                return  # (which year's figure changed, the text leaves open: none is checked against a guess)
            if earlier:
                # (the name the change gives what changed, not the one it gives the figure compared with, `比2023年预算
                # 执行数`)
                base, current, label = self._swapped(subject, mentions, current, label, "" if said else key, c)
        if c.base is not None:
            current, label, base, certain = self._of_same_kind(c, si, subject, (current, label, base, certain))
        if subject is not None and current is not None:
            current, label = self._which_changed(c, si, base, subject, whole, key, mentions, (current, label))
        if self._no_change_of_one(c, subject, current, base):
            return
        self._base_of_rate_before(c, si, current, base)
        self.facts.changes.append(Change(c.cmp, label, current, base, _movements(c), si, certain))

    def _found_earlier(
        self,
        c: _Change,
        si: int,
        subject: Mention,
        mentions: list[Mention],
        figure: Quantity,
        words: tuple[str, str, str],
    ) -> bool | None:
        """Is the figure found for a change with no base (`figure`, of `subject`) the earlier one it is compared with
        (True), or what changed (False)? None where the text leaves which open. `words`: the name the change gives
        what changed, its period, and the words of the comparison."""
        named, period, comparison = words
        if self._is_compared(subject, comparison, mentions) or self._before_this_year(named, subject, period, si):
            return True
        later = self._later_than_dated(c, subject, mentions, figure)
        if later is None:
            return False
        return True if _agreeing(c, figure, later) else None

    def _later_than_dated(
        self, c: _Change, subject: Mention, mentions: list[Mention], figure: Quantity
    ) -> Quantity | None:
        """`全年完成 386户，…；2024年完成 342户，同比增加 44户` in a report of 2025: where the figure found for a change
        against last year is named by the year before the report's own, the figure of its sentence before it that it
        may be compared with (`_other_current`, 386), if any. A report may speak of the year before as its own
        (`2021年…支出 B，同比增长 p%` in a report of 2022): only the change's own figures agreeing with that other
        figure against this one say the change is of the report's year (the caller's to judge)."""
        if not LAST_YEAR_WORDS.search(c.cmp) or _own_change_fits(c, figure):
            # (where the change may as well be the dated figure's own, `2024年新增 30个，同比增加 5个，增长 20%` after
            # this year's 36: which year changed is open, and the dated figure is read as what changed, its own amount
            # and rate checked together, as any dated figure's)
            return None
        year = YEAR_IN.search(self.labeller.split(subject.label)[1])
        title = (self._title_context().period or "")[:4]
        if year is None or not title.isdigit() or int(title) != int(year.group(1)) + 1:
            return None
        return self._other_current(subject, mentions, figure, c)

    def _base_of_rate_before(self, c: _Change, si: int, current: Quantity | None, base: Quantity | None) -> None:
        """`收入 A，增长 p%，比上年 B 增收 Δ`: the rate read just before, of the same figure and with no base, is of
        the last year's figure the comparison right after it states (nothing but a comma between them)."""
        if base is None or current is None or not LAST_YEAR_WORDS.search(c.cmp):
            return
        for ch in reversed(self.facts.changes):
            if ch.sentence != si:
                return
            if ch.current is not current or ch.base is not None or not ch.movements:
                continue
            moved = [mv.quantity for mv in ch.movements if mv.quantity is not None and mv.quantity.kind == "percent"]
            if len(moved) == len(ch.movements) and RATE_THEN_LAST_YEAR.fullmatch(
                self.doc.text, moved[-1].end, base.start
            ):
                ch.base = base
            return

    def _no_change_of_one(
        self, c: _Change, subject: Mention | None, current: Quantity | None, base: Quantity | None
    ) -> bool:
        """Are the figures found no change of one quantity: a move in points of no ratio, two scopes, or a profit
        against a loss?"""
        return (
            _points_of_no_ratio(c, current)
            or self._scopes_apart(subject, base)
            or self._loss_against_profit(current, base)
        )

    def _loss_against_profit(self, current: Quantity | None, base: Quantity | None) -> bool:
        """Is one of the two figures stated as a loss and the other not (`实现净利润 A，上年同期亏损 B，同比增加 Δ`)?
        The loss is the profit below zero, written without its sign: the amounts as written are no two values of
        one quantity (the move is A + B). Two losses (`亏损 A，上年亏损 B，减亏 Δ`) are one quantity's."""
        if current is None or base is None or current is base:
            return False
        return self._stated_as_loss(current) != self._stated_as_loss(base)

    def _stated_as_loss(self, q: Quantity) -> bool:
        """Do the words of the figure's clause, up to it, call it a loss (`上年同期亏损 B`, `净亏损 B`)?"""
        return LOSS_SAID.search(self.doc.text, self._clause_start(q.start), q.start) is not None

    def _clause_start(self, at: int, reach_back: bool = False) -> int:
        """Where the clause holding `at` starts: right after the last clause mark of its sentence before it, else
        the sentence's start. The mark is looked for in the sentence first: a search back from `at` over the whole
        text for each mark would read the document again for every change. `reach_back`: a sentence with no mark
        before `at` (`与2023年末全县政府债务余额 B 相比`) opens with the clause of the mark before the sentence."""
        text = self.doc.text
        si = self.doc.sentence_index(at)
        floor = self.doc.sentences[si].start if si >= 0 else 0
        start = max(text.rfind(c, floor, at) for c in MARKS_BEFORE_A_CLAUSE) + 1
        if start or not floor:
            return start
        return max(text.rfind(c, 0, floor) for c in MARKS_BEFORE_A_CLAUSE) + 1 if reach_back else floor

    def _scopes_apart(self, subject: Mention | None, base: Quantity | None) -> bool:
        """Do the figure that changed and the one it is compared with name two scopes (`县本级政府债务余额 A。与
        2023年末全县政府债务余额 B 相比，增长 p%`: the county's own level against its whole, no change of one
        quantity)?"""
        if subject is None or base is None or any(q is base for q in subject.quantities):
            return False
        a = self.labeller.identify(subject.label)[1].scope
        if a is None:
            return False  # (most figures name no scope: nothing to read of the base's words)
        # (the words naming the base: its clause up to it, `与2023年末全县政府债务余额`; a figure of the comparison
        # is no mention of its own)
        start = self._clause_start(base.start, reach_back=True)
        b = self.labeller.identify(self.doc.text[start : base.start])[1].scope
        return b is not None and a != b

    def _which_changed(
        self,
        c: _Change,
        si: int,
        base: Quantity | None,
        subject: Mention,
        whole: Mention | None,
        key: str,
        mentions: list[Mention],
        read: tuple[Quantity, str],
    ) -> tuple[Quantity | None, str]:
        """The figure changed and its name, where the words leave two to choose from (`_of_two`), or the list before
        the change is closed and the change names nothing: the list's total first, the nearest no more; where no
        reading agrees the change is wrong of either, and named as the total's. (A change naming what changed,
        `…；效益指标得分比上年 C 提高 Δ`, is of that.)"""
        current, label = read
        closed = (
            None if whole or key else self._list_closed(current, si, c) or self._bracket_closed(current, c, mentions)
        )
        own = closed.of_unit(current.base_unit) if closed is not None else None
        if closed is None or own is None:
            return self._of_two(c, base, subject, whole, mentions, read)
        chosen = _consistent_current(c, base, [own, current])
        return (own, closed.key) if chosen is own else read

    def _list_closed(self, current: Quantity, si: int, c: _Change) -> Mention | None:
        """`三公经费支出 T，其中 A a、B b；上年为 C，同比减少 Δ`: a change after a semicolon (or a bracket) that closes
        its sentence's list, the figure read as changed its last part's: the list's total, where its figures agree
        (`_of_two`), is what changed."""
        if not c.movements:
            return None
        for b in reversed(self.facts.breakdowns):
            if b.sentence != si:
                break
            if b.parts and any(q is current for q in b.parts[-1].quantities):
                gap = self.doc.text[current.end : c.movements[0].start]
                # (or a list in brackets after its total, closed before the change: `T（A a，B b），比上年 C 减少 Δ`)
                closed = b.keyword.startswith(("（", "(")) and any(x in gap for x in "）)")
                return b.total if "；" in gap or closed else None
        return None

    def _bracket_closed(self, current: Quantity, c: _Change, mentions: list[Mention]) -> Mention | None:
        """`T（A a，B b，C c），比上年 D 减少 Δ`: a change right after a bracket that lists what the figure before it
        holds, the figure read as changed the bracket's last: the figure before the bracket, where the figures agree
        (`_of_two`), is what changed."""
        close = self._closed_after(current, c)
        text = self.doc.text
        if close < 0 or not CLOSED_TO_MOVE.fullmatch(text, close + 1, c.movements[0].start):
            return None
        depth, k = 0, current.start - 1
        while k >= 0 and text[k] not in "。\n":
            if text[k] == "）":
                depth += 1
            elif text[k] == "（":
                if depth == 0:
                    break
                depth -= 1
            k -= 1
        if k < 0 or text[k] != "（":
            return None
        return next((m for m in mentions if m.quantities and m.quantities[-1].end == k), None)

    def _of_two(
        self,
        c: _Change,
        base: Quantity | None,
        subject: Mention,
        whole: Mention | None,
        mentions: list[Mention],
        read: tuple[Quantity, str],
    ) -> tuple[Quantity | None, str]:
        """The figure changed, and its name, where the words leave two to choose from: a list's last part or its
        whole, a budget or the outcome before it."""
        current, label = read
        if whole is not None and subject is not whole and c.base is None and self._year_of_years(subject, whole):
            return read  # (`三年来共安排 T，分年度看，…2024年安排 c，较上年增长 p%`: the year's, the years' having no 上年)
        if whole is not None and subject is not whole:
            # `X，其中：A a，B b，比上年增加 Δ，增长 p%`: of B or of X, the words do not say; the figures may
            own = whole.of_unit(current.base_unit)
            chosen = _consistent_current(c, base, [current, own] if own is not None else [current])
            return (chosen, whole.key) if chosen is own and own is not None else (chosen, label)
        if c.base is None:
            return self._budget_or_outcome(c, base, subject, mentions, read)
        return read

    def _year_of_years(self, part: Mention, whole: Mention) -> bool:
        """Is the part one year's figure (its label opening with its year, `2024年安排`) of a whole summed over years
        (`三年来共安排 T`)? A change against last year is then the year's: a sum of several years is compared with no
        one year before."""
        return YEAR_OPENS.match(part.label.lstrip("，,；;、 ")) is not None and self._over_years(whole)

    def _budget_or_outcome(
        self, c: _Change, base: Quantity | None, subject: Mention, mentions: list[Mention], read: tuple[Quantity, str]
    ) -> tuple[Quantity, str]:
        """`“三公”经费支出决算 A，全年预算 B，决算数为预算数的 r%；较上年减少 Δ，下降 p%`: a change after a budget
        and the year's outcome in its sentence may be of either (the words do not say); the outcome
        where its figures agree with it and the budget's do not, else the nearest (the budget) as read."""
        if self.labeller.identify(subject.label)[1].stage not in BUDGET_STAGES:
            return read
        current, label = read
        # (the outcome stated before the budget or, `财政拨款支出年初预算 A，决算 B，完成年初预算的 r%；财政拨款支出较上年
        # 减少 Δ，降幅 p%`, after it: the change names the item, not which of its figures)
        others = [m for m in mentions if m is not subject]
        outcomes = [
            (m, q)
            for m in others
            if not self._qualifies(m)
            and self.labeller.identify(m.label)[1].stage in OUTCOME_STAGES
            and (q := m.of_unit(current.base_unit)) is not None
            and q.exact
        ]
        if len(outcomes) != 1:
            return read
        m, q = outcomes[0]
        return (q, m.key) if _consistent_current(c, base, [current, q]) is q else read

    def _against_named(self, c: _Change, si: int, mentions: list[Mention], named: str) -> bool:
        """`可研批复总投资 A，初步设计概算调整为 B，较可研批复增加 Δ，增幅 p%`: a comparison naming a figure of its
        sentence that is no period (`较可研批复`) compares the figure the clause follows (B) with the one figure
        before it whose name holds those words (A), in one unit; recorded here (True) only when both are so
        certain. Where another figure stands between, or two are so named, it is read as before."""
        found = COMPARED_BY_NAME.fullmatch(named)
        if found is None or c.cmp or c.base is not None or not c.movements:
            return False
        first = c.movements[0].start
        figures = [
            (m, q)
            for m in mentions
            if not self._qualifies(m) and (q := exact_figure(m)) is not None and q.kind == "amount" and q.end <= first
        ]
        if len(figures) < 2:
            return False
        (subject, current), ref = figures[-1], found.group(1)
        if not FOLLOWED_BY_NAME.fullmatch(self.doc.text[current.end : first].replace(named, "", 1)):
            return False  # the clause follows another figure, or the words between say more
        # the figure named is the one right before the current (`…其中工程费 C，较可研批复…`: C is a part, not
        # the figure compared), the only one of the sentence so named
        named_ones = [q for m, q in figures[:-1] if ref in m.label]
        if named_ones != [figures[-2][1]] or ref in subject.label or id(subject) in self.d.parts:
            return False
        if named_ones[0].base_unit != current.base_unit:
            return False
        self.facts.changes.append(Change(named, subject.key, current, named_ones[0], _movements(c), si))
        return True

    def _dealt_apart(self, c: _Change, si: int, mentions: list[Mention], named: str, key: str) -> bool:
        """Is the change one of the kinds read on their own (True: recorded already)?"""
        if self._adjusted_basis(c, si, mentions, named):
            # `扣除一次性因素后可比增长 4.3%`: a change on another basis than the figures stated, not to recompute
            self.facts.changes.append(Change(c.cmp, key, None, None, _movements(c), si))
            return True
        if self._adjustment(c, key, si, mentions) or self._against_named(c, si, mentions, named):
            return True
        return (
            self._lone_ratio(c, si, key) or self._against_it(c, si, mentions, key) or self._of_listed_year(c, si, named)
        )

    def _of_listed_year(self, c: _Change, si: int, named: str) -> bool:
        """`三年累计受益农户 T，其中2022年 a、2023年 b、2024年 c。2024年受益农户比上年减少 Δ`: a change naming what changed
        and its year, no figure of its own, right after a list of the years' figures (each part named by its year
        alone) whose total names the same thing summed over the years: the year's part changed from the year before's.
        Recorded (True) only where the change's sentence states no figure before it and both years are listed."""
        if not LAST_YEAR_CMP.fullmatch(c.cmp) or c.base is not None or not c.movements or si < 1:
            return False
        key, period = self._change_name(named)
        said = YEAR_OPENS.match(named)
        if not key or said is None or not self._same_section(si - 1, si):
            return False
        start = self.doc.sentences[si].start
        if any(q.end <= c.movements[0].start and q.start >= start for q in self._figures_in(si)):
            return False
        year = int(said.group()[:4])
        for b in self.facts.breakdowns:
            if b.sentence != si - 1 or not b.total.label.endswith(key) or not self._over_years(b.total):
                continue
            years = {int(y.group(1)): p for p in b.parts if (y := LISTED_YEAR.fullmatch(p.label.strip("，,、；;：: ")))}
            if len(years) != len(b.parts) or year not in years or year - 1 not in years:
                continue
            current, base = exact_figure(years[year]), exact_figure(years[year - 1])
            if current is None or base is None:
                return False
            self.facts.changes.append(Change(c.cmp, key, current, base, _movements(c), si, False))
            return True
        return False

    def _figures_in(self, si: int) -> list[Quantity]:
        return [q for m in self.d.by_sentence.get(si) or [] for q in m.quantities]

    def _against_it(self, c: _Change, si: int, mentions: list[Mention], key: str) -> bool:
        """`…收入、支出决算总计均为 A。2024年度收入、支出决算总计为 B，与之相比，收入、支出总计增加 Δ，增长 p%`: a
        comparison with a pronoun (`与之相比`) right after a figure compares with that figure (B, the base); what
        changed is the figure the change's name names in the same template's words, of the year after B's, stated
        in the sentence before in its paragraph (A). Recorded (True) only when B's words name the same item (its
        year aside), A is the one such figure there and the years say A is the later; inferred (another sentence).
        """
        if c.cmp or c.base is not None or not c.movements or not key:
            return False
        before = [(m, q) for m in mentions if (q := exact_figure(m)) is not None and q.end <= c.movements[0].start]
        if not before or not self._same_paragraph(si - 1, si):
            return False
        said, base = before[-1]
        if not AGAINST_IT.fullmatch(self.doc.text[base.end : c.movements[0].start]) or not self._said_as(said, key):
            return False
        found = self._of_template(key, self.d.by_sentence.get(si - 1) or [], "", earlier=True)
        current = exact_figure(found) if found is not None else None
        if found is None or current is None or current.base_unit != base.base_unit:
            return False
        years = [STATED_YEAR.search(self.labeller.split(m.label)[1]) for m in (said, found)]
        if years[0] is None or years[1] is None or int(years[1].group(1)) != int(years[0].group(1)) + 1:
            return False
        self.facts.changes.append(Change("与之相比", found.key, current, base, _movements(c), si, False))
        return True

    def _said_as(self, m: Mention, key: str) -> bool:
        """Does the figure's label name the item the change names, in the same template's words (`收入、支出决算总计为`
        for `收入、支出总计`; the `为` ending the label, which the item's reading takes with the 总计 before it, aside)?"""
        core = _core(self.labeller.identify(key)[0])
        own = _core(self.labeller.identify(STATING_END.sub("", m.label))[0])
        return len(core) >= 3 and own == core

    def _lone_ratio(self, c: _Change, si: int, key: str) -> bool:
        """`人员经费占基本支出的比重为 88.57%，比上年提高 0.95%`: a change naming nothing, compared with last year,
        whose sentence's one figure before it is a ratio named in its own clause right before the comparison (a
        comma and the comparison's words between), is that ratio's change (recorded here: True), its base not
        stated. Read so only where the sentence holds no other figure before the change (no amount whose growth
        it may be) and no rate of its own is read; else the figure of the sentence before would be taken. A share
        named by its whole alone (`所占比重为 p%`) is so read too: its change is a share's, whichever part it is of."""
        moves = [m.quantity for m in c.movements]
        if key or c.base is not None or not c.cmp or not moves or self._own_rate(si) is not None:
            return False
        if any(q is None or q.kind not in ("percent", "pp") for q in moves):
            return False
        first = c.movements[0].start
        before = [q for q in self._qs if q.end <= first]
        if len(before) != 1 or before[0].kind != "percent" or not before[0].exact:
            return False
        ratio = before[0]
        if not RATIO_THEN_CMP.fullmatch(self.doc.text, ratio.end, first):
            return False
        begin = self.doc.sentences[si].start
        breaks = list(CLAUSE_BREAK.finditer(self.doc.text, begin, ratio.start))
        words = self.doc.text[breaks[-1].end() if breaks else begin : ratio.start]
        name = NUMBER_OR_YEAR.sub("", words).rstrip("为是达到约=：: ")
        if not name or self.labeller.direction(name) is not None:
            return False
        if not (RATIO_NAME.search(name) or MEASURED.search(name)):
            return False
        self.facts.changes.append(Change(c.cmp, name, ratio, None, _movements(c), si))
        return True

    def _adjustment(self, c: _Change, key: str, si: int, mentions: list[Mention]) -> bool:
        """A budget's adjustment (its 调 read as the change's name, naming nothing; or the net of them, `净增加 Δ`):
        with its rate (`_rated_adjustment`), or plain after the two budgets (`_plain_adjustment`); True when the
        change is dealt with."""
        mv = c.movements[0] if c.movements else None
        if c.cmp or c.base is not None or mv is None:
            return False
        if key == NET and mv.word in NET_MOVES:
            return self._plain_adjustment(c, si, mentions)  # (`调整为 B，净增加 Δ`: the net of the adjustments)
        if key not in ADJUSTING_PREFIXES or not BARE_ADJUSTMENT.match(
            self.doc.text, mv.start - 1, mv.start + len(mv.word)
        ):
            return False
        if not any(m.quantity is not None and m.quantity.kind == "percent" for m in c.movements):
            return self._plain_adjustment(c, si, mentions)
        return self._rated_adjustment(c, si, mentions)

    def _rated_adjustment(self, c: _Change, si: int, mentions: list[Mention]) -> bool:
        """`年初安排预算 A，调整后全年预算 B，调减 Δ（降幅 p%）`: an adjustment with its rate is of the adjusted budget
        against the initial one, where the sentence states each once before it, the initial first, in one unit (an
        outcome may stand between: `调整后预算 B，实际支出 C，调增 Δ`, the 调 words are a budget's); else it is left
        unread (True: the change is dealt with). An adjustment without a rate is a figure of a chain (`_adjusted`)
        unless it follows the two budgets (`_plain_adjustment`)."""
        figures = [m for m in mentions if not self._qualifies(m) and m.quantities]
        initial = [m for m in figures if initial_budget(m)]
        adjusted = [m for m in figures if ADJUSTED.search(m.label) and not initial_budget(m)]
        current = base = None
        if len(initial) == 1 and len(adjusted) == 1 and figures.index(initial[0]) < figures.index(adjusted[0]):
            base, current = exact_figure(initial[0]), exact_figure(adjusted[0])
        if current is None or base is None or current.base_unit != base.base_unit:
            current = base = None
        label = adjusted[0].key if current is not None else ""
        self.facts.changes.append(Change("", label, current, base, _movements(c), si))
        return True

    def _plain_adjustment(self, c: _Change, si: int, mentions: list[Mention]) -> bool:
        """`收入年初预算为 A，调整为 B，调增 Δ`: an adjustment without a rate, right after the adjusted budget (a comma
        between), which the initial budget stands right before, is the adjusted budget against the initial one:
        B − A = Δ (recorded here: True). The adjustments of a chain come between the two budgets (`_adjusted`);
        here they are stated before the one move that takes one to the other, as `由 A 调整为 B，调增 Δ` words it.
        Read only so: the two budgets the sentence's last two figures before the move, each one exact amount of
        one unit, the initial one named so (`年初预算`) and the adjusted one by its words alone (`调整为`,
        `调整后预算`), and one move (a second, `调增 a，调减 b`, is gross of the net, not the net)."""
        mv = c.movements[0]
        if len(c.movements) != 1 or mv.quantity is None or mv.quantity.kind != "amount":
            return False
        before = [m for m in mentions if m.quantities and m.quantities[-1].end <= mv.start]
        if len(before) < 2 or any(len(m.quantities) != 1 for m in before[-2:]):
            return False
        initial, adjusted = before[-2], before[-1]
        if not initial_budget(initial) or not ADJUSTED.search(adjusted.label) or initial_budget(adjusted):
            return False
        if not ADJUSTED_ONLY.fullmatch(adjusted.label) or not ADJUSTMENT_GAP.fullmatch(
            self.doc.text, adjusted.quantities[0].end, mv.start - 1
        ):
            return False
        base, current = exact_figure(initial), exact_figure(adjusted)
        if base is None or current is None or current.unit != base.unit or mv.quantity.base_unit != base.base_unit:
            return False
        named = INITIAL_PLAN.search(initial.key)  # (`…收入年初预算`: the item, named before its stage)
        label = initial.key[: named.start()] if named is not None and named.start() > 0 else initial.key
        self.facts.changes.append(Change("", label, current, base, _movements(c), si))
        return True

    def _not_read_from(
        self, subject: Mention | None, certain: bool, c: _Change, si: int, mentions: list[Mention], key: str, named: str
    ) -> Change | None:
        """The change, where the figure its name names is not read from `subject` (none found, or one of two)."""
        if subject is None:
            return self._unstated_subject(c, si, mentions, key, named) if key else None
        if c.base is None and LAST_YEAR_WORDS.search(c.cmp) and self._listed_as_last_years(subject, mentions):
            # `上年基本支出 a、项目支出 b；…项目支出较上年增加 Δ`: the figure the change's name finds is last year's (the
            # period its list opened with), the base; what changed is not stated here
            return Change(c.cmp, key, None, subject.quantities[-1], _movements(c), si, False)
        if c.base is None and LAST_YEAR_WORDS.search(c.cmp) and mentions and mentions[0] is subject:
            if subject.quantities and self._last_years_alone(subject):
                # `上年执行数：B；本年较上年下降 p%，减少 Δ`: the sentence's one figure is last year's, the change's base;
                # what changed is not stated here
                return Change(c.cmp, key, None, subject.quantities[-1], _movements(c), si, False)
        if not key:
            # `发放贷款 A 万元，户均 a 万元，较上年减少 Δ`: the nearest is an average of the amount before it, the change
            # names neither: which of the two changed is not certain
            return (
                Change(c.cmp, key, None, c.base, _movements(c), si, False)
                if self._average_of(subject, mentions)
                else None
            )
        if not certain and self._other_stage_stated(subject, named):
            # `“三公”经费预算 a，实际支出 b。“三公”经费支出较上年 C 减少 Δ`: the item stated at two stages, the name
            # saying which of them changed in no word of a stage: either may be meant
            return Change(c.cmp, key, None, c.base, _movements(c), si, False)
        return None

    @staticmethod
    def _average_of(subject: Mention, mentions: list[Mention]) -> bool:
        """Is the figure named per one of a unit (`户均 a 万元`), after a figure of its sentence in its unit that is
        not (`发放贷款 A 万元`)? It may be that amount's average, and a change naming neither either's."""
        if not subject.quantities or not per_unit_named(subject.label) or subject not in mentions:
            return False
        unit = subject.quantities[-1].base_unit
        return any(
            not per_unit_named(m.label) and any(q.base_unit == unit for q in m.quantities)
            for m in mentions[: mentions.index(subject)]
        )

    def _listed_as_last_years(self, m: Mention, mentions: list[Mention]) -> bool:
        """Is the figure an item of an enumeration whose first item names last year (`上年基本支出 a、项目支出 b`: the
        period is said once for the list), set apart from the item before it by `、` alone?"""
        k = next((i for i, x in enumerate(mentions) if x is m), 0)
        if k == 0 or not m.quantities or not mentions[k - 1].quantities:
            return False
        first = k - 1
        while first > 0 and self._enumerated_after(mentions[first - 1], mentions[first]):
            first -= 1
        opened = mentions[first]
        return (
            self._enumerated_after(mentions[k - 1], m)
            and LAST_YEARS.match(opened.label.strip("，、；：: ")) is not None
            and all(q.kind == "amount" for q in (opened.quantities[-1], m.quantities[-1]))
        )

    def _enumerated_after(self, before: Mention, m: Mention) -> bool:
        """Does `m` follow `before` with nothing but an enumeration comma between its figure and m's name?"""
        if not before.quantities or not m.quantities:
            return False
        between = self.doc.text[before.quantities[-1].end : m.quantities[0].start].strip()
        return between.startswith("、") and between[1:].strip() == m.label.strip()

    def _last_years_alone(self, m: Mention) -> bool:
        """Is the figure named as last year's and nothing else, by its label or by the words its clause opens with
        before it (`上年执行数：B`, the name split from the figure by the colon)?"""
        if _named_last_year(m):
            return True
        if m.label.strip("，、；：（( "):
            return False
        sentence = self.doc.sentences[m.sentence]
        return _last_years_name(self.doc.text[sentence.start : m.start].strip("，、；：:（( "))

    def _other_stage_stated(self, subject: Mention, named: str) -> bool:
        """Is the budget a change's name found in an earlier sentence followed there by the outturn of the same item,
        named by its flow alone (`三公经费预算 a，实际支出 b`), while the change's name states no stage?"""
        if self.labeller.identify(subject.label)[1].stage != "预算" or self.labeller.identify(named)[1].stage:
            return False
        after = (m for m in self.d.by_sentence.get(subject.sentence) or [] if m.start > subject.start)
        outturn = (self.labeller.identify(m.label) for m in after)
        return any(item in GENERIC_ITEMS and said.stage in ("执行", "决算") for item, said in outturn)

    def _unstated_subject(self, c: _Change, si: int, mentions: list[Mention], key: str, named: str = "") -> Change:
        """A change naming a figure its sentence does not state: of the item's one figure in the sentence right
        before (`…公务接待费 A。公务接待费支出决算比上年减少 Δ，下降 p%`, inferred; `…全年支出 A，执行率 r。全年支出比上年
        B 增长 p%`, the very words of its name), or of the share of one stated this year and last (`A a，占 p%；上年 A
        b，占比 q%，A 占比提高…`); else nothing to compare with."""
        said = self._item_said_before(c, key, si) or self._named_so_before(c, named, si)
        if said is not None:
            return Change(c.cmp, said[0].key, said[1], c.base, _movements(c), si, False)
        staged = self._staged_pair(c, named, mentions)
        if staged is not None:
            return Change(c.cmp, staged[0].key, staged[1], staged[2], _movements(c), si)
        pair = self._share_pair(c, si, mentions, key)
        current, base = pair if pair is not None else (None, c.base)
        if current is None and base is not None and base.kind == "percent" and not mentions:
            share = self._share_named_before(si, key)
            if share is not None:
                return Change(c.cmp, key, share, base, _movements(c), si, False)
        return Change(c.cmp, key, current, base, _movements(c), si)

    def _staged_pair(
        self, c: _Change, named: str, mentions: list[Mention]
    ) -> tuple[Mention, Quantity, Quantity] | None:
        """`年初预算为 A，支出决算为 B，决算数比年初预算数增加 Δ`: a change named by a stage alone against another stage:
        of the sentence's one figure of the named stage, against its one figure of the compared stage, the two of one
        item (and no other figure of either stage beside them)."""
        if not STAGE_ALONE.fullmatch(named) or not STAGE_COMPARED.fullmatch(c.cmp):
            return None
        identify = self.labeller.identify
        own, other = identify(named)[1].stage, identify(c.cmp[1:])[1].stage
        if own is None or other is None or own == other:
            return None
        found: dict[str, list[tuple[Mention, Quantity, str]]] = {own: [], other: []}
        for m in mentions:
            item, said = identify(m.label)
            amounts = [q for q in m.quantities if q.kind == "amount" and q.exact]
            if said.stage in found and amounts:
                found[said.stage].append((m, amounts[0], item))
        if len(found[own]) != 1 or len(found[other]) != 1:
            return None
        (m, current, item), (_, base, based) = found[own][0], found[other][0]
        return (m, current, base) if item == based else None

    def _item_said_before(self, c: _Change, key: str, si: int) -> tuple[Mention, Quantity] | None:
        """The figure of the sentence right before, in its paragraph, that a change stating only its difference
        (and rate) names: the one figure there whose item the change's name is, or that name with words saying
        only that it is the spending outcome (`公务接待费` for `公务接待费支出决算`), in the unit of the difference.
        A budget or last year's figure is never what changed; two so named leave it unread (not certain)."""
        if c.base is not None or not self._same_paragraph(si - 1, si):
            return None
        units = {m.quantity.base_unit for m in c.movements if m.quantity is not None and m.quantity.kind == "amount"}
        found = [
            (m, q)
            for m in self.d.by_sentence.get(si - 1) or []
            if len(m.key) >= 3
            and key.startswith(m.key)
            and OUTCOME_TAIL.fullmatch(key, len(m.key))
            and not self._qualifies(m)
            and (q := exact_figure(m)) is not None
        ]
        if len(found) != 1 or found[0][1].base_unit not in units:
            return None
        m = found[0][0]
        # another figure there naming the item in longer words (`上半年印刷费 a；下半年印刷费 b`), or one of part
        # of the year, leaves which figure the year's change is of unsaid
        named = [n for n in self.d.by_sentence.get(si - 1) or [] if n is not m and m.key in n.key]
        if named or NOT_THE_OUTCOME.search(m.label) or PART_OF_YEAR.search(m.label):
            return None
        return found[0]

    def _named_so_before(self, c: _Change, named: str, si: int) -> tuple[Mention, Quantity] | None:
        """The figure of the sentence right before, in its paragraph, labelled with the very words the change names
        what changed by (`全年支出 A，执行率 r。全年支出比上年 B 增长 p%`), of the unit and kind of the figure the change
        compares with: the one such figure there (two leave it unread). Not a name of last year's or a part of the
        year's figure."""
        words = named.strip()
        if c.base is None or len(words) < 3 or not self._same_paragraph(si - 1, si):
            return None
        base = c.base
        found = [
            (m, q)
            for m in self.d.by_sentence.get(si - 1) or []
            if m.label.strip() == words
            and not self._qualifies(m)
            and (q := exact_figure(m)) is not None
            and q.base_unit == base.base_unit
            and q.kind == base.kind
        ]
        if len(found) != 1 or NOT_THE_OUTCOME.search(words) or PART_OF_YEAR.search(words):
            return None
        return found[0]

    def _share_pair(self, c: _Change, si: int, mentions: list[Mention], key: str) -> tuple[Quantity, Quantity] | None:
        """`税收收入 a，占 p%；上年税收收入 b，占比 q%，税收占比提高 r`: a change named by a part's name (or its
        first words) and a share word, in a sentence whose only shares before it are that part's this year and
        last year's: (this year's share, last year's). Another share of the sentence, a name that is not the
        part's, or two of either year leave it unread: which shares are compared would not be certain."""
        named = NAMED_SHARE.match(key)
        if named is None or c.base is not None or not c.movements:
            return None
        first = c.movements[0].start
        own = [s for s in self.facts.shares if s.sentence == si and s.stated.end <= first]
        owners = [next((m for m in mentions if any(q is s.part for q in m.quantities)), None) for s in own]
        if len(own) != 2 or any(m is None for m in owners):
            return None
        (now, then), (m_now, m_then) = own, owners
        assert m_now is not None and m_then is not None
        earlier = LAST_YEARS.match(m_then.key)  # (`上年税收收入`: the item a year earlier, named so)
        if earlier is None or LAST_YEARS.match(m_now.key) or m_then.key[earlier.end() :] != m_now.key:
            return None
        return (now.stated, then.stated) if m_now.key.startswith(named.group("part")) else None

    def _change_name(self, named: str) -> tuple[str, str]:
        """The name a change gives what changed, and its period; a name that is this year alone names no figure
        (`上年预算 B，本年下降 p%`: the year that changed), and so is a clause stating a value in words (`自评等级为
        “优”，比上年…`: a grade, whole in itself; what changed is the figure before it)."""
        if WORDED_VALUE.search(named):
            named = ""
        key, period = self.labeller.split(named) if named else ("", "")
        # `与2023年度相比，减少 Δ`: the words of the comparison are no name of what changed
        return ("", period) if THIS_YEAR_ONLY.match(key) or COMPARISON_ONLY.fullmatch(key) else (key, period)

    def _of_same_kind(
        self, c: _Change, si: int, subject: Mention | None, read: tuple[Quantity | None, str, Quantity | None, bool]
    ) -> tuple[Quantity | None, str, Quantity | None, bool]:
        """The change's (current, name, base, certain) as `read`, where the figure compared with (`c.base`) is of
        the same kind as the current one: a percentage's change is of a percentage; last year's value of a rate
        named otherwise (`合格率 95%，较上年执行率 90%…`) is no base of it."""
        current, label, base, certain = read
        assert c.base is not None
        if c.base.kind == "percent" and (current is None or current.kind != "percent"):
            current, label, certain = self._percentage_compared(c, si, subject, (current, label, certain))
        elif current is not None and current.kind == "percent" and _names_other(c.label, label):
            base = None
        return current, label, base, certain

    def _percentage_compared(
        self, c: _Change, si: int, subject: Mention | None, read: tuple[Quantity | None, str, bool]
    ) -> tuple[Quantity | None, str, bool]:
        """A change against last year's percentage (`较上年（67.7%）提高…`) is of this year's percentage of the
        same kind: the share the figure before is said to be, right before the comparison (`基本支出 98.41 亿元，
        占 71.1%，较上年（67.7%）提高…`); or, the comparison opening its sentence, the rate the sentence before
        ends with, of the name the comparison gives if it gives one (`满意度为 97.97%。与上年满意度 93.55% 相比，
        提高…`). Otherwise what `read` found (current, name, certain) stands: never a percentage of another kind
        (a growth rate, `增长 5.2%，较上年（3.1%）…`) taken for the one compared. A share named in its own clause
        after the figure (`税收收入 a，税收占比达到 77.0%，较上年的 74.4% 提高…`) is the share compared; an amount
        never is (its change is no percentage's)."""
        base = c.base
        assert base is not None
        name = c.label.strip("的 ")
        if subject is not None and subject.sentence == si:
            share = self._share_before(subject, si, base)
            if share is not None:
                # (named by the share's word alone, `比上年占比 p%`, the comparison is of that share)
                return (share, f"{subject.key}占比", read[2]) if not name or SHARE_WORD_ONLY.match(name) else read
            named = self._share_in_words(si, base) or self._rate_right_before(si, base)
            if named is not None:
                return named
            current = read[0]
            return (None, read[1], read[2]) if current is not None and current.kind != "percent" else read
        if self._figures_between(self.doc.sentences[si].start, base.start):
            return self._share_in_words(si, base) or self._rate_right_before(si, base) or read
        rate = self._rate_ending(si - 1, name)
        return (rate.stated, rate.name, False) if rate is not None else read

    def _share_named_before(self, si: int, name: str) -> Quantity | None:
        """`其中：基本支出 a，占 p%；项目支出 b，占 q%。基本支出占比较上年的 r% 下降…`: the share the comparison's
        name names by its part (`基本支出占比`), stated in the sentence before in its paragraph of the one figure of
        that name there (none where two are, or none)."""
        named = NAMED_SHARE.match(name)
        if named is None or not self._same_paragraph(si - 1, si):
            return None
        mentions = self.d.by_sentence.get(si - 1) or []
        found = [
            s
            for s in self.facts.shares
            if s.sentence == si - 1
            and s.part is not None
            and any(s.part in m.quantities and m.key == named.group("part") for m in mentions)
        ]
        if len(found) != 1 or found[0].part is None:
            return None
        # the one percentage after the part up to the next amount (`基本支出 a，占本年支出的 p%，占财政拨款支出的
        # q%`: which share changed is not known)
        end = self.doc.sentences[si - 1].end
        after = self.facts.quantities[bisect_left(self._starts, found[0].part.end) : bisect_left(self._starts, end)]
        upto = next((k for k, q in enumerate(after) if q.kind == "amount"), len(after))
        percents = [q for q in after[:upto] if q.kind == "percent"]
        return found[0].stated if percents == [found[0].stated] else None

    def _share_before(self, subject: Mention, si: int, base: Quantity) -> Quantity | None:
        """The share the subject is said to be (`A a，占 p%`), if no figure stands between it and `base`."""
        own = takewhile(lambda s: s.sentence == si, reversed(self.facts.shares))
        share = next((s.stated for s in own if any(s.part is q for q in subject.quantities)), None)
        if share is None or self._figures_between(share.end, base.start):
            return None
        return share

    def _share_in_words(self, si: int, base: Quantity) -> tuple[Quantity, str, bool] | None:
        """`财政拨款收入占收入总额的 70.03%，较上年的 63.77% 提高…`: the percentage right before the comparison, its
        words naming it a share of a named part (the part's name the change's), in its own clause (`收入 a，税收
        占比为 p%`: 税收)."""
        k = bisect_left(self._starts, base.start) - 1
        begin = self.doc.sentences[si].start
        if k < 0 or self._starts[k] < begin:
            return None
        q = self.facts.quantities[k]
        breaks = list(CLAUSE_BREAK.finditer(self.doc.text, begin, q.start))
        begin = breaks[-1].end() if breaks else begin
        words = self.doc.text[begin : q.start]
        named = SHARE_NAME.search(words)
        if q.kind != "percent" or named is None or named.start() < 2:
            return None
        return q, words[: named.start()].strip("，、 ") + "占比", True

    def _rate_right_before(self, si: int, base: Quantity) -> tuple[Quantity, str, bool] | None:
        """`群众满意度 93.2%，比上年的 88.5% 提高…`: the percentage right before the comparison (a comma and the
        comparison's words between, nothing else), its clause naming a rate; or the outcome (`实际完成 93.2%`) of
        the rate the sentence opens with (`合格率：指标值≥90%，实际完成 93.2%，比上年的 88.5% 提高…`). Words of a
        move (`增长 5.2%，较上年的 3.0%…`: last year's growth) or of a ratio to another figure name no such rate."""
        k = bisect_left(self._starts, base.start) - 1
        begin = self.doc.sentences[si].start
        if k < 0 or self._starts[k] < begin:
            return None
        q = self.facts.quantities[k]
        if q.kind != "percent" or not q.exact or not COMPARED_RIGHT_AFTER.fullmatch(self.doc.text, q.end, base.start):
            return None
        breaks = list(CLAUSE_BREAK.finditer(self.doc.text, begin, q.start))
        words = self.doc.text[breaks[-1].end() if breaks else begin : q.start].strip()
        if self.labeller.direction(words) is not None:
            return None
        name = self._rate_name(words)
        if not name and words and OUTCOME_ONLY.fullmatch(words):
            # the rate's name heads the sentence, before its colon, with no figure between
            colon = HEAD_COLON.search(self.doc.text, begin, q.start)
            if colon is not None and not self._figures_between(begin, colon.start()):
                name = self._rate_name(ITEM_NUMBER.sub("", self.doc.text[begin : colon.start()]))
        return (q, name, True) if name else None

    def _rate_name(self, words: str) -> str:
        """The name of a rate the words end with (`群众满意度为`: 群众满意度), else ""."""
        name = words.rstrip("为是达到约=：: ")
        return name if name and (self.labeller.names_rate(name) or MEASURED.search(name)) else ""

    def _figures_between(self, begin: int, end: int) -> bool:
        starts = self._starts
        return bisect_left(starts, end) > bisect_left(starts, begin)

    def _rate_ending(self, si: int, name: str) -> Rate | None:
        """The rate that ends sentence `si` (no figure after it), named `name` if a name is given (then the last
        rate of that name, wherever it stands in the sentence)."""
        if si < 0:
            return None
        rates = [r for r in self._rates_of(si) if self.labeller.names_rate(r.name) or MEASURED.search(r.name)]
        if name:
            return next((r for r in reversed(rates) if not _names_other(name, r.name)), None)
        last = rates[-1] if rates else None
        end = self.doc.sentences[si].end
        return last if last is not None and not self._figures_between(last.stated.end, end) else None

    def _swapped(
        self,
        subject: Mention,
        mentions: list[Mention],
        figure: Quantity,
        label: str,
        key: str = "",
        change: _Change | None = None,
    ) -> tuple[Quantity | None, Quantity | None, str]:
        """(base, current, name) where the subject's figure is the earlier one: the current figure is the
        sentence's other one, and names what changed (not `上年为` before the earlier figure); none where the
        change names what changed (`key`) and that figure is named otherwise (`2023年人均补助标准 89 元、…当年安排
        资金 A；…人均补助标准提高 5 元`: this year's standard is not stated here)."""
        base: Quantity | None = figure
        current = self._other_current(subject, mentions, figure, change)
        if current is not None and change is not None and self._named_after_bracket(current, change):
            current = None  # (`上年末余额 B（一般 a、专项 b），年末余额比上年末增加 Δ`: b is a note on B)
        owner = next((m for m in mentions if current is not None and current in m.quantities), None)
        if key and owner is not None and key not in owner.label:
            return base, None, label
        if owner is not None and owner.key and (LAST_YEAR_ONLY.match(label) or COMPARED_IN_LABEL.match(label)):
            label = owner.key  # (`较1-3月累计的 B` names what is compared with, not what changed)
        if current is not None and not self._comparable(subject, mentions, current):
            # `全市收入 312.45 亿元（上年市本级为 121.34 亿元），比上年增长 4.6%`: the earlier figure is
            # another quantity's; the change is the current figure's against a base not stated here
            base = None
        return base, current, label

    def _noted_base(self, c: _Change, si: int, current: Quantity | None, mentions: list[Mention]) -> Quantity | None:
        """`其中：税收收入 a（上年 b），增长 p%`: last year's figure in brackets right after the figure that changed
        is the change's base (a list's part's note, read only after the list's parts). A percentage of its own
        (`研发投入强度为 a%，上年为 b%，提高…`) has last year's value as the one figure between it and the move."""
        if current is None or not c.movements:
            return None
        if current.kind == "percent":
            return self._rate_base(current, c, si, mentions)
        before = [q for q in self._qs if current.end < q.start and q.end <= c.movements[0].start]
        if not before:
            return None
        q = before[-1]
        # (the note after the figure, a figure no label names, or after its own change just read, `A，增长 p%（上年为
        # B），增加 Δ`, the bracket's figure named by its note)
        if len(before) == 1:
            after = None if any(q is x for m in mentions for x in m.quantities) else current.end
        else:
            after = self._moved_before_note(si, current, before[-2])
        text = self.doc.text
        if after is None or not (
            LAST_YEAR_NOTE.fullmatch(text, after, q.start) and NOTE_CLOSED.fullmatch(text, q.end, c.movements[0].start)
        ):
            return None
        return q if q.kind == current.kind and q.base_unit == current.base_unit and q.exact else None

    def _moved_before_note(self, si: int, current: Quantity, moved: Quantity) -> int | None:
        """Where a change of the figure read in the sentence ends, where `moved` is its last move (the note of last
        year's figure after it is the note of what that change and the next compare): None otherwise."""
        for ch in self._changes_of(si):
            if ch.current is current and ch.movements and ch.movements[-1].quantity is moved:
                return moved.end
        return None

    def _words_before(self, si: int, subject: Mention | None) -> str:
        """The sentence's words before the subject's figure (its label included)."""
        if subject is None:
            return ""
        return self.doc.text[self.doc.sentences[si].start : subject.start]

    def _adjusted_basis(self, c: _Change, si: int, mentions: list[Mention], named: str) -> bool:
        """Does the clause say its change is on an adjusted basis (`可比`, `同口径`, `扣除…后`): in its name, its
        comparison, or the words between the sentence's last figure before it and its first movement?"""
        if not c.movements:
            return False
        begin = self.doc.sentences[si].start
        last = max((q.end for m in mentions for q in m.quantities if q.end <= c.movements[0].start), default=begin)
        if c.base is not None and last <= c.base.start and c.base.end <= c.movements[0].start:
            # `较上年同口径预算 B 增加 Δ`: words before the comparison's own figure name that figure (B is last year's
            # on the same basis, written), they put the change on no other basis than the two figures it compares
            last = c.base.end
        lead = self.doc.text[last : c.movements[0].start]
        if c.base is not None:
            # `收入 X（不含上划中央收入，下同），比上年 Y 增长 p%`: a bracket closed before the comparison notes what
            # X holds; the change compares the two figures it writes, whatever they hold
            lead = BRACKETED.sub("", lead)
        return any(ADJUSTED_BASIS.search(t) for t in (named, c.cmp or "", lead))

    def _stated_base(
        self,
        c: _Change,
        si: int,
        subject: Mention | None,
        mentions: list[Mention],
        key: str,
        read: tuple[Quantity | None, Quantity | None],
    ) -> tuple[Quantity | None, Quantity | None, bool]:
        """(current, base, done) of a change with no comparison word of its own, where the figures before it say
        which is last year's: `2025年预算 A，2024年预算 B，增加 Δ` (A against B); `收入总计较上年（B）增加 Δ` (B is last
        year's, what changed is read no further: the change is recorded here, not certain enough to hold)."""
        current, base_of_rate = read
        if c.cmp or c.base is not None or base_of_rate is not None or subject is None:
            return current, base_of_rate, False
        years = self._two_years(c, subject, mentions)
        if years is not None:
            return years[0], years[1], False
        if self._year_alone_open(c, subject, mentions):
            return current, base_of_rate, True  # (which of the two changed, the text leaves open: nothing is checked)
        if self._bracketed_base(subject):
            self.facts.changes.append(Change("较上年", key or subject.key, None, current, _movements(c), si, False))
            return current, base_of_rate, True
        return current, base_of_rate, False

    def _bracketed_base(self, subject: Mention) -> bool:
        """Is the figure in brackets right after a comparison with last year (`较上年（A）`, `比上年同期（A）`)?"""
        if not subject.quantities:
            return False
        start = subject.quantities[0].start
        return BRACKETED_BASE.search(self.doc.text, max(0, start - 12), start) is not None

    def _two_years(self, c: _Change, subject: Mention, mentions: list[Mention]) -> tuple[Quantity, Quantity] | None:
        """(current, base) where a change with no comparison word follows two figures of one item, the earlier
        last: named by two years (`2025年预算 A，2024年预算 B，增加 Δ`) or at the year's end and start (`年末余额 A，
        年初余额 B，增加 p%`): the change is A's against B."""
        if not subject.quantities or not c.movements:
            return None
        k = next((i for i, m in enumerate(mentions) if m is subject), -1)
        before = mentions[k - 1] if k >= 1 else None
        if before is None or not before.quantities:
            return None
        if not (
            end_and_start(before.label, subject.label)
            or _year_after(before, subject)
            or self._last_years_stage(before, subject)
        ):
            return None
        a, b = before.quantities[-1], subject.quantities[-1]
        return (a, b) if a.base_unit == b.base_unit and a.kind == b.kind == "amount" else None

    def _last_years_stage(self, before: Mention, subject: Mention) -> bool:
        """Is the figure named by the year before the document's and a stage alone, or a year alone (`2025年为 B`),
        after a figure of an item naming no year (`一般公共服务支出 A，2025年预算 B，增加 Δ` in a 2026 budget)? It is
        that item last year."""
        year = _year_alone_after_item(before, subject)
        period = self._title_context().period or ""
        return year is not None and period.isdigit() and year == int(period) - 1

    def _year_alone_open(self, c: _Change, subject: Mention, mentions: list[Mention]) -> bool:
        """Is the figure found for a change with no comparison word named by a year alone after a figure of an
        item naming none (`收入 A，2025年为 B，增加 Δ`), in a document whose own year does not make that year the one
        before it (`_last_years_stage`)? B is the item in another year than A's, most likely the earlier one, but
        the document does not say which of the two changed: no reading is certain."""
        k = next((i for i, m in enumerate(mentions) if m is subject), -1)
        if k < 1 or not c.movements or not mentions[k - 1].quantities or not subject.quantities:
            return False
        return _year_alone_after_item(mentions[k - 1], subject) is not None

    def _what_changed(
        self, c: _Change, si: int, mentions: list[Mention], subject: Mention | None, key: str
    ) -> tuple[Quantity | None, str, Quantity | None]:
        """The figure that changed, its name, and last year's value of it when a ratio's is stated beside it."""
        current = next((q for q in reversed(subject.quantities) if q.kind != "bare"), None) if subject else None
        label = subject.key if subject else ""
        rate = self._own_rate(si)
        if (
            rate is not None
            and not key
            and (current is None or rate.stated.start > current.start)
            and not self._of_an_amount(c, rate)
        ):
            return rate.stated, rate.name, self._rate_base(rate.stated, c, si, mentions)
        if current is None and not key and (pair := self._ratio_and_last_year(si, c, mentions)) is not None:
            # `税收收入占一般公共预算收入的比重为 68.8%，较上年的 70.2% 下降 1.4 个百分点`: the ratio changed
            return pair[0], pair[2], pair[1]
        if not key and (noted := self._ratio_noted_after(si, c, mentions, current)) is not None:
            # `民生支出 A，占支出的比重为 81.3%，比上年提高 0.8%（上年占比为 80.5%）`: the ratio changed
            return noted
        if not key and (share := self._share_after_own_change(si, c, current)) is not None:
            # `税收收入 A，增长 7.5%，占收入的比重为 72.5%，比上年提高 0.9%`: A's change is stated, the share changed
            return share
        if not key and c.movements:
            # `普及率由上年的 90.3% 提高到 92.6%，提高 2.3 个百分点`: the move just stated is what changed, also
            # after another figure of the sentence (`受理 3,204 件，满意率由上年的 88.7% 上升到 92.1%，提高…`)
            moved = self._last_move(si)
            if (
                moved is not None
                and (current is None or moved.start.start > current.end)
                and moved.end.end <= c.movements[0].start
                and moved.start.kind == moved.end.kind
            ):
                begin = self.doc.sentences[si].start
                cut = max(self.doc.text.rfind(ch, begin, moved.start.start) for ch in "，,；;：:")
                name = self.doc.text[max(begin, cut + 1) : moved.word_start]
                return moved.end, FROM_WORD.sub("", name).strip("，、 "), moved.start
        return current, label, None

    @staticmethod
    def _of_an_amount(c: _Change, rate: Rate) -> bool:
        """Is the change one of the amount a rate qualifies, not of the rate? A change by money or a count, or
        against one (`为预算 B 的 97.4%，比上年减少 0.43 亿元`, `比上年 55.80 亿元增长 6.4%`), is of a figure of
        that unit. A ratio to a budget (`为预算 B 的 r%`) qualifies the outcome as `完成预算的 r%` does (_own_rate):
        it changes by percentage points if at all, a change in per cent beside it is the outcome's growth."""
        figures = [c.base, *(mv.quantity for mv in c.movements)]
        if any(q is not None and q.kind in ("amount", "count") for q in figures):
            return True
        # (a ratio read from `为 B 的 r%` (_of_ratio) is ordered and has no labels of its own)
        against_plan = rate.ordered and not rate.labels and PLAN_BASE.search(rate.name) is not None
        return against_plan and not any(q is not None and q.kind == "pp" for q in figures)

    def _respective(self, c: _Change, si: int, mentions: list[Mention], subject: Mention | None, certain: bool) -> bool:
        """`收入 245.70 亿元、支出 301.22 亿元，分别下降 9.8%、增长 2.2%`: the movements after 分别 go one to each
        figure before, in order (one change each); False when the clause has no 分别. Movements that do not
        pair off with the figures (three rates for two figures) make no change at all."""
        if c.movements and self._respective_rates(c, si, mentions, certain):
            return True
        if subject is None or not c.movements:
            return False
        # (from the change's own sentence on: a 分别 of the sentence before, `A a、B b，分别占…。A 比上年增加 Δ`, gives
        # out nothing of this one)
        begin = max(self.doc.sentences[si].start, *(q.end for q in subject.quantities))
        lead = self.doc.text[begin : c.movements[0].start]
        groups: dict[str, list[_Movement]] = {}
        for mv in c.movements:
            groups.setdefault(mv.quantity.kind if mv.quantity is not None else "", []).append(mv)
        n = len(c.movements) // len(groups)
        figures = self._pairable(mentions)
        paired = n >= 2 and all(len(g) == n for g in groups.values()) and len(figures) >= n
        if "分别" not in lead:
            # `收入 12.4 亿元、支出 8.6 亿元，同比下降 15.3%、增长 7.1%`: as many movements of each kind as figures
            # joined in one clause before them are theirs in order, 分别 or not
            if not (paired and self._joined(figures[-n:])):
                return False
        elif not paired or (len(figures) > n and self._joined(figures[-n - 1 :])):
            # (movements fewer than the figures the list joins: which go to which is not said)
            return True
        for i, m in enumerate(figures[-n:]):
            current = next(q for q in reversed(m.quantities) if q.kind != "bare")
            own = sorted((g[i] for g in groups.values()), key=lambda mv: mv.start)
            moves = [Movement(mv.direction, mv.word, mv.quantity, mv.start, mv.end) for mv in own]
            self.facts.changes.append(Change(c.cmp, m.key, current, None, moves, si, certain))
        return True

    def _given_out(self, c: _Change, si: int, subject: Mention | None) -> bool:
        """`笔数、金额分别比上年下降 p%、增长 q%`: movements given out (分别) to things the clause names without
        figures of their own, or to figures it does not name again (no `subject` found), are each another's: none
        is the one change of a name (`金额`, which no figure is found for)."""
        if subject is not None or c.base is not None or not c.movements:
            return False
        begin = self.doc.sentences[si].start
        at = c.movements[0].start
        ends = [q.end for q in self._qs if begin <= q.end <= at]
        return "分别" in self.doc.text[max(ends, default=begin) : at]

    def _pairable(self, mentions: list[Mention]) -> list[Mention]:
        """The figures movements after 分别 may go to: neither ratios that qualify a figure nor last year's."""
        return [
            m
            for m in mentions
            if not self._qualifies(m) and any(q.kind != "bare" for q in m.quantities) and not LAST_YEARS.match(m.label)
        ]

    def _respective_rates(self, c: _Change, si: int, mentions: list[Mention], certain: bool) -> bool:
        """`收入执行率 97.2%、支出执行率 94.5%，分别提高 1.3 个百分点、下降 0.8 个百分点`: after rates that are the
        sentence's last figures, the movements after 分别 go one to each rate, in order."""
        first = c.movements[0].start
        own = takewhile(lambda r: r.sentence == si, reversed(self.facts.rates))  # the sentence's, at the end
        rates = [(r.name, r.stated) for r in reversed(list(own)) if r.stated.end <= first]
        if not rates:
            return False
        # `A、B执行率分别为 a%、b%`: the rates after the first are figures of their own
        rates += [
            (rates[0][0], q)
            for m in mentions
            for q in m.quantities
            if q.kind == "percent" and rates[0][1].end < q.start < first and not m.label.startswith(("上年", "去年"))
        ]
        rates.sort(key=lambda r: r[1].start)
        if len(rates) < 2 or "分别" not in self.doc.text[rates[-1][1].end : first]:
            return False
        if any(rates[-1][1].end <= q.start < first for m in mentions for q in m.quantities):
            return True  # figures between (`上年分别为 c%、d%`): which movement is whose is not read; none is'
        n = len(c.movements)
        if n > len(rates) or any(mv.quantity is None for mv in c.movements):
            return True  # 分别 with movements that do not pair off with the rates: no change at all
        for (name, stated), mv in zip(rates[-n:], c.movements):
            moves = [Movement(mv.direction, mv.word, mv.quantity, mv.start, mv.end)]
            self.facts.changes.append(Change(c.cmp, name, stated, None, moves, si, certain))
        return True

    def _ratio_noted_after(
        self, si: int, c: _Change, mentions: list[Mention], current: Quantity | None
    ) -> tuple[Quantity, str, Quantity] | None:
        """`A占B的比重为 81.3%，比上年提高 0.8%（上年占比为 80.5%）`: a ratio named as one, the sentence's only
        percentage before a change in per cent or points (after the amount it is of, if any), and last year's
        value of it in a bracket right after the change, noted as last year's and nothing else: (this year's, the
        name, last year's). The note says which figure changed: the ratio, not the amount before it."""
        moved = [mv.quantity for mv in c.movements]
        if len(moved) != 1 or moved[0] is None or moved[0].kind not in ("percent", "pp"):
            return None
        after = LAST_YEARS_RATIO_NOTE.match(self.doc.text, moved[0].end)
        noted = [q for q in self._qs if after is not None and q.start == after.end()]
        # (the sentence's figures, not its mentions: a share's percentage is no mention of its own)
        pcts = [q for q in self._qs if q.kind == "percent" and q.end <= c.movements[0].start]
        if len(noted) != 1 or noted[0].kind != "percent" or len(pcts) != 1:
            return None
        ratio = pcts[0]
        if current is not None and current.start > ratio.start:
            return None
        name = self._clause_name(si, ratio)
        if SHARE_OF.fullmatch(name) and not RATIO_NAME.search(name):
            name = f"{name.removesuffix('的')}的比重"  # (the share named as one: `占支出的比重`)
        return (ratio, name, noted[0]) if RATIO_NAME.search(name) else None

    def _share_after_own_change(
        self, si: int, c: _Change, current: Quantity | None
    ) -> tuple[Quantity, str, None] | None:
        """`税收收入 A，增长 7.5%，税收收入占收入的比重为 72.5%，比上年提高 0.9%`: after the figure's own change, a
        share named as one (占…的比重, 占比), the one percentage between that change and a change in per cent or
        points, nothing after it: the share is what changed (the figure's change against last year is stated)."""
        moved = [mv.quantity for mv in c.movements]
        if current is None or len(moved) != 1 or moved[0] is None or moved[0].kind not in ("percent", "pp"):
            return None
        first = c.movements[0].start
        own = [
            mv.quantity
            for ch in self._changes_of(si)
            if ch.current is current
            for mv in ch.movements
            if mv.quantity is not None and current.end < mv.start < first
        ]
        others = [q for q in self._qs if current.end < q.start < first and not any(q is m for m in own)]
        if not own or len(others) != 1 or others[0].kind != "percent" or others[0].start < own[-1].end:
            return None
        ratio = others[0]
        name = self._clause_name(si, ratio)
        shared = "占" in name or name.endswith("比重")  # (占…的比重, 占比, 税收比重)
        return (ratio, name, None) if shared and RATIO_NAME.search(name) else None

    def _clause_name(self, si: int, ratio: Quantity) -> str:
        """The words naming a ratio in its clause, from the clause's start up to the figure (`占支出的比重`)."""
        begin = self.doc.sentences[si].start
        cut = max(self.doc.text.rfind(ch, begin, ratio.start) for ch in "，,；;")
        return self.doc.text[max(begin, cut + 1) : ratio.start].rstrip("为是达到 ")

    def _ratio_and_last_year(
        self, si: int, c: _Change, mentions: list[Mention]
    ) -> tuple[Quantity, Quantity, str] | None:
        """`A占B的比重为 68.8%，上年为 66.7%，提高…`: a ratio named as one (比重, 占比, …率) and last year's value
        of it, the sentence's only two percentages before the change: (this year's, last year's, the name)."""
        if not c.movements:
            return None
        pcts = [(m, q) for m in mentions for q in m.quantities if q.kind == "percent" and q.end <= c.movements[0].start]
        if len(pcts) != 2 or any(len(m.quantities) != 1 for m, _ in pcts):
            return None
        (_, cur), (last, base) = pcts
        if not LAST_YEAR_ONLY.match(last.label.strip("，、；：（( ")):
            return None
        name = self.doc.text[self.doc.sentences[si].start : cur.start].rstrip("为是达到 ")
        return (cur, base, name) if RATIO_NAME.search(name) else None

    def _rate_base(self, rate: Quantity, c: _Change, si: int, mentions: list[Mention]) -> Quantity | None:
        """`执行率为 96.5%，较上年的 94.2% 提高 2.3 个百分点`, `…，上年为 94.2%，提高…`, `…，上年这一比率为 94.2%，
        提高…`: last year's rate, the one percentage between the rate and the change, labelled as last year's
        figure and nothing else."""
        if not c.movements:
            return None
        end = c.movements[0].start
        between = [
            (m.label, m.quantities)
            for m in mentions
            if m.start > rate.end and m.quantities and m.quantities[0].end <= end
        ]
        between += [(r.name, [r.stated]) for r in self._rates_of(si) if rate.end < r.stated.start < end]
        if len(between) != 1 or len(between[0][1]) != 1:
            return None
        q = between[0][1][0]
        label = between[0][0].strip("，、；：（( ")
        return q if q.kind == "percent" and (LAST_YEAR_ONLY.match(label) or _names_compared(label, c.cmp)) else None

    def _named_plan(
        self, comparison: str, subject: Mention | None, mentions: list[Mention], current: Quantity | None, si: int
    ) -> Quantity | None:
        """`年初预算为 340 亿元，调整后为 360 亿元，比年初预算数增加 25 亿元`: a change against the plan it names
        (年初预算, 调整预算) is against the one figure of its sentence labelled so; where the sentence states none, the
        one of its paragraph's sentences before it (`项目年初预算数 A，均为当年财政拨款。…全年预算数为 B，较年初预算数
        增加 Δ`), its words stating no other context than the subject's."""
        plan = PLAN_NAMED.search(comparison)
        if plan is None or subject is None or current is None:
            return None

        clause = self._own_clause_start(subject)
        item, own = self.labeller.identify(subject.label)  # (the subject's item: read once, not for each candidate)

        def labelled(among: list[Mention]) -> list[Quantity]:
            # (a figure that names a level, `区县年末余额 A，比年初增加 δ`, is compared within its own clause: not with
            # another level's `市本级…，年初余额 B，…；` before the semicolon)
            named = [
                m
                for m in among
                if m is not subject
                and plan.group() in m.label
                and m.start >= clause
                and not self._another_items_plan(m, subject, item, among)
            ]
            return [
                q for m in named for q in m.quantities if q.kind == current.kind and q.base_unit == current.base_unit
            ]

        found = labelled(mentions)
        if not found and plan.group() == "年初":
            first = self.doc.paragraph_of(si).start
            said = self._this_year(own)
            earlier = [
                m
                for s in range(first, si)
                for m in self.d.by_sentence.get(s) or []
                if said.agrees(self._this_year(self.labeller.identify(m.label)[1]))
            ]
            # (`一般公共预算支出年初预算 A，调整为 B。——农林水支出 C，比年初预算增加 Δ`: an item named apart from the
            # budget's is compared with its own initial budget, not stated)
            if item and item not in GENERIC_ITEMS:
                earlier = [m for m in earlier if self.labeller.identify(m.label)[0] == item]
            found = labelled(earlier)
            return found[0] if len(found) == 1 else None
        return found[0] if len(found) == 1 and found[0].start < current.start else None

    def _another_items_plan(self, plan: Mention, subject: Mention, item: str, mentions: list[Mention]) -> bool:
        """Is the plan figure, in a clause before the subject's (a `；` between them), another item's: named so, or
        named by its comparison alone after another item's figure (`固定资产 A，比年初的 B 增长 p%；无形资产 C，比年初
        减少 Δ`: B is the initial figure of 固定资产, not of 无形资产, whose initial figure is not stated)? `item` is
        the subject's (its label's)."""
        if not plan.quantities or not subject.quantities:
            return False
        if CLAUSE_END.search(self.doc.text, plan.quantities[-1].end, subject.quantities[0].start) is None:
            return False
        if not item or item in GENERIC_ITEMS:
            return False
        owner: Mention | None = plan
        if COMPARED_IN_LABEL.match(plan.label):
            k = next((i for i, m in enumerate(mentions) if m is plan), 0)
            owner = mentions[k - 1] if k else None
        own = MOMENT_WORDS.sub("", self.labeller.identify(owner.label)[0]) if owner is not None else ""
        item = MOMENT_WORDS.sub("", item)
        # (a figure naming no item, `年初预算 A；项目支出调整预算 B，比年初预算增加 Δ`, may be any item's: as before)
        return bool(own) and bool(item) and item not in own and own not in item

    def _own_clause_start(self, subject: Mention) -> int:
        """Where the clause of a figure naming its own scope opens (after the last semicolon before it in its
        sentence); 0 for a figure naming none (any figure of the sentence may be its plan)."""
        if self.labeller.identify(subject.label)[1].scope in (None, MIXED) or not subject.quantities:
            return 0
        sent = self.doc.sentences[subject.sentence]
        return max(sent.start, self.doc.text.rfind("；", sent.start, subject.quantities[0].start) + 1)

    def _this_year(self, context: Context) -> Context:
        """The context with `this year` (`全年`, `当年`: +0) as the document's year, where its title states one."""
        year = self._title_context().period
        return replace(context, period=year) if context.period == "+0" and year else context

    def _joined(self, figures: list[Mention]) -> bool:
        """Are the figures one run joined by 、 / 和 / 及 (no clause break between them)?"""
        text = self.doc.text
        return all(
            not re.search("[，。；：,;]", text[max(q.end for q in a.quantities) : b.start])
            for a, b in zip(figures, figures[1:])
        )

    def _subject(
        self,
        key: str,
        si: int,
        mentions: list[Mention],
        period: str = "",
        stage: str | None = None,
        initial: bool = False,
        whole: Mention | None = None,
        this_year: bool = False,
        unit: str | None = None,
        spans: bool = False,
    ) -> tuple[Mention | None, bool]:
        """The mention that changed, and whether it stands in the change's own sentence: of the stage the
        comparison names where one of the sentence's figures is (`决算数 A，调整预算数 B，…；比上年决算数 C 减少…`);
        `this_year` where the change compares with a figure of its own year (a budget), so that a figure named
        last year's alone (`决算 A，比上年减少 p%，上年为 C；比预算数 B 减少 Δ`: C) is not it; `spans` where it
        compares with a span of years, so that a figure of a sentence before summing several may be it."""
        if key:
            subject, certain = self._named_subject(key, si, mentions, period, spans)
            if subject is None or (not certain and _bare_row(subject)):
                # (`经营收入同比减少 Δ` after a table whose row 经营收入 the walk back found: a row's cells, read as
                # prose, hold no figure; the change stays named by its own words, as the table checks match it)
                return None, False
            mentions = [*mentions, subject] if subject not in mentions else mentions[: mentions.index(subject) + 1]
        else:
            certain = True
        # past the parts a bracket lists (`购置及运行费 42.80（其中：购置费 18.00，运行费 24.80），比上年增加…`),
        # the bracket noting what the figure holds (`实际完成 43.1 亿元（含开发区 12.4 亿元），同比下降…`) and the
        # figures the sentence measures against (`完成预算的 102.6%（预算数 X）`, `为预算 X 的 97.4%`): a budget a
        # ratio is of is a reference, not what changed
        candidates = self._candidates(si, mentions, this_year)
        nearest = not initial and (
            self._adjusted_nearest(candidates, stage) or self._part_of_staged(candidates, stage, whole)
        )
        staged = self._of_stage(candidates, stage) if not nearest else []
        if staged and _chain_result(candidates, staged[0]):
            staged = []  # (`收入 A，加 B，减 C，可安排支出 D，比上年预算 E 增长 p%`: D, what A came to, changed)
        subject = next(iter(staged or candidates), None)
        if subject is not None and not key and self._share_of_another(subject, mentions):
            return None, False
        if subject is None and self._own_rate(si) is None:
            return self._subject_before(si, mentions, certain, unit, stage, spans)
        return subject, certain

    def _candidates(self, si: int, mentions: list[Mention], this_year: bool) -> list[Mention]:
        """The figures a change may be of, nearest first (see `_subject`)."""
        used = self._references(si)
        return [
            m
            for m in reversed(mentions)
            if not self._qualifies(m)
            and id(m) not in self.d.bracketed
            and not self._note(m)
            and not any(id(q) in used for q in m.quantities)
            and not GAP_ALONE.fullmatch(m.label)
            # (`限额 L，余额 B，余额较限额低 Δ，较上年末余额 C 增长 p%`: the gap to the limit is no stock that changed)
            and not LIMIT_GAP.match(m.label)
            and not self._notes_a_percentage(m)
            and not self._restated(m, mentions)
            and not (this_year and _named_last_year(m))
            # (`调整预算 B，增收 Δ，较年初预算增长 p%`: an amount named by a move's word alone is what changed by)
            and not CHANGE_AMOUNT.match(m.label)
        ]

    def _share_of_another(self, subject: Mention, mentions: list[Mention]) -> bool:
        """Does a share named by another item stand between the figure and the change, which names nothing (`税收收入 A、
        非税收入 B，税收占比 s%，比上年增收 Δ`)? The clause before the change is of another item: what changed is not
        known to be B (the whole, the two parts make, may be meant)."""
        k = next((i for i, m in enumerate(mentions) if m is subject), None)
        if k is None or not subject.quantities:
            return False
        end = subject.quantities[-1].end
        for m in mentions[k + 1 :]:
            ratio = next((q for q in m.quantities if q.kind == "percent"), None)
            if ratio is None:
                return False
            named = NAMED_SHARE.fullmatch(self.doc.text[end : ratio.start].strip("，,、；;：: 为是"))
            if named is not None and not _names(subject.key, named.group("part")):
                return True
            end = m.quantities[-1].end
        return False

    def _changed_figure(
        self, c: _Change, si: int, mentions: list[Mention], subject: Mention | None, key: str
    ) -> tuple[Quantity | None, str, Quantity | None]:
        """`_what_changed`, but none where the figure found is a note in brackets before the change's own name of what
        changed (`B（a、b），2025年末余额比上年末增加 Δ`: not b)."""
        current, label, base_of_rate = self._what_changed(c, si, mentions, subject, key)
        if current is not None and self._named_after_bracket(current, c):
            current = None
        return current, label, base_of_rate

    def _named_after_bracket(self, current: Quantity, c: _Change) -> bool:
        """Does the figure close a bracket after which the change names what changed before its comparison
        (`余额 B（一般债务 a、专项债务 b），2025年末余额比上年末增加 Δ`)? The figure is a note on B, not what changed."""
        close = self._closed_after(current, c)
        return close >= 0 and NAMED_THEN_COMPARED.match(self.doc.text, close + 1, c.movements[0].start) is not None

    def _closed_after(self, current: Quantity, c: _Change) -> int:
        """Where the bracket the figure closes (`…b）`, nothing between) ends, before the change's first move; -1 where
        the figure closes none or the change states no move."""
        if not c.movements:
            return -1
        text = self.doc.text
        close = text.find("）", current.end, c.movements[0].start)
        return close if close >= 0 and not text[current.end : close].strip() else -1

    def _noted_apart(self, m: Mention, moved_at: int) -> bool:
        """Does the figure stand in brackets closed before the change's words (`收支结余 C（总收入 A－总费用 B），上年
        D，同比下降 p%`)? It notes how the figure before was made, never what the change after the bracket is of."""
        if not m.quantities:
            return False
        text, start = self.doc.text, self.doc.sentences[m.sentence].start
        before = text[start : m.start]
        if before.count("（") + before.count("(") <= before.count("）") + before.count(")"):
            return False
        return any(c in text[m.quantities[-1].end : moved_at] for c in "）)")

    def _restated(self, m: Mention, mentions: list[Mention]) -> bool:
        """Is the figure the one before it restated in another unit (`A 万元，约 a 亿元，比上年增长 p%`)? The change
        is the exact figure's, which its words name."""
        k = next((i for i, x in enumerate(mentions) if x is m), 0)
        before = mentions[k - 1] if k else None
        if before is None or not before.quantities or len(m.quantities) != 1:
            return False
        return converted(self.doc.text, before.quantities[-1], m.quantities[0])

    def _adjusted_nearest(self, candidates: list[Mention], stage: str | None) -> bool:
        """Is the nearest figure the adjusted budget where the comparison names a budget of no stage of its own
        (`年初预算 A，调整后预算数为 B，较上年预算数 C 增加 Δ`: 预算数 names either budget; the change follows B)?"""
        if stage != "预算" or not candidates:
            return False
        own = self.labeller.identify(candidates[0].label)[1].stage
        # (`调整后全年预算数为 B`: both stages' words, the adjusted one's first)
        return own == "调整预算" or (own != "预算" and ADJUSTED.search(candidates[0].label) is not None)

    def _part_of_staged(self, candidates: list[Mention], stage: str | None, whole: Mention | None) -> bool:
        """Is the nearest figure a part of the list the change closes, of no stage its own words name, the list's
        total of the stage the comparison names (`支出预算 T，其中：基本支出 a，比 2024 年预算 B 增长 p%`)? The
        part is of its total's stage: the change follows it."""
        if not stage or whole is None or not candidates or candidates[0] is whole:
            return False
        if self.labeller.identify(candidates[0].label)[1].stage is not None:
            return False
        return whole in self._of_stage(candidates[1:], stage)

    def _subject_before(
        self,
        si: int,
        mentions: list[Mention],
        certain: bool,
        unit: str | None,
        stage: str | None = None,
        spans: bool = False,
    ) -> tuple[Mention | None, bool]:
        """The figure a change with none of its own in its sentence is of, in the sentence before (none where
        that is not known: `certain` then says whether the sentence's own reading was); of two there, the one
        in the money (`unit`) the change is stated in, and of two in that money, the one of the stage the
        comparison names (`stage`)."""
        score = self._total_score_before(si, mentions)
        if score is not None:
            return score, True
        if not (self._same_paragraph(si - 1, si) or self._comparison_goes_on(si)):
            return None, certain
        # `…支出 10,620.00 万元。与上年相比，减少 380.00 万元`: the figure compared is the one figure before
        # that is no part of a list (`“三公”经费 X，其中 A a，B b。与上年相比减少 Δ`: X); of two it is not known
        earlier = [
            m
            for m in self._of_one_period(self.d.by_sentence.get(si - 1) or [], spans)
            if not self._qualifies(m)
            and id(m) not in self.d.parts
            and any(q.kind in ("amount", "count") for q in m.quantities)
        ]
        if len(earlier) > 1 and unit is not None:
            # `新增债券 A 亿元，用于 13 个项目。与上年的 B 亿元相比，增加 Δ 亿元`: of the one figure in the money the
            # change is stated in (a count beside it is another thing)
            earlier = [m for m in earlier if any(q.kind == "amount" and q.base_unit == unit for q in m.quantities)]
        if len(earlier) > 1 and stage:
            # `支出预算为 B 元，支出决算为 A 元，完成预算的 r%。较上年决算 C 元减少 Δ 元`: a budget and its outcome in
            # one money; the comparison's words name the stage compared, last year's outcome with this year's (A)
            staged = self._of_stage(earlier, stage)
            earlier = staged if len(staged) == 1 else earlier
        return (earlier[0] if len(earlier) == 1 else None), False

    def _comparison_goes_on(self, si: int) -> bool:
        """Does the sentence open with its comparison on the line after the sentence before, under the same
        heading, no blank line between (`…支出决算为 A 元。` / `较上年决算 C 元减少 Δ 元。`)? A text layer breaks the
        paragraph at every line closed by a full stop; a comparison naming nothing it compares cannot open one."""
        if si < 1 or not self._same_section(si - 1, si):
            return False
        before, here = self.doc.sentences[si - 1], self.doc.sentences[si]
        text = self.doc.text
        return (
            COMPARISON_OPENS.match(text, here.start) is not None
            and not text[before.end : here.start].strip()
            and not self.doc.blank_line_between(before.end, here.start)
        )

    def _total_score_before(self, si: int, mentions: list[Mention]) -> Mention | None:
        """`项目自评得分 95.6 分，评价等级为优。与上年自评得分 93.1 分相比，提高 2.5 分`: a change of last year's total
        score is of this year's, the one total score of the sentence right before (a report has one overall
        score, so the paragraph break between the two sentences does not matter)."""
        sentence = self.doc.sentences[si]
        if si < 1 or mentions or not TOTAL_SCORE.search(self.doc.text, sentence.start, sentence.end):
            return None
        found = [m for m in self.d.by_sentence.get(si - 1) or [] if _is_total_score(m) and id(m) not in self.d.parts]
        return found[0] if len(found) == 1 else None

    def _compared_stage(self, c: _Change) -> str | None:
        """The stage of the figure a change writes it is compared with (`比上年决算数 C`: 决算)."""
        return self.labeller.identify(c.cmp + c.label)[1].stage if c.base is not None else None

    def _of_stage(self, candidates: list[Mention], stage: str | None) -> list[Mention]:
        """The figures of `stage` (none when no stage is named), last year's excepted: in `B 安排 A，增长 p%，上年
        执行数 C；D 安排 E，比上年执行数 F 下降 q%` C is of the stage F is, but it is last year's, not what changed."""
        identify = self.labeller.identify
        return [
            m
            for m in candidates
            if stage and identify(m.label)[1].stage == stage and not LAST_YEARS_LABEL.match(m.label)
        ]

    def _own_rate(self, si: int) -> Rate | None:
        """The sentence's latest rate of its own (`网办率 62.41%，较上年增加…`): what changed. A completion ratio
        (`完成预算的 97.8%，增长 2.4%`) only qualifies the amount before it, whose growth the change states."""
        # (not last year's value of it: `执行率 96.5%，上年这一比率为 94.2%，提高…`)
        rate = next((r for r in reversed(self._rates_of(si)) if not LAST_YEARS_RATIO.match(r.name)), None)
        return rate if rate is not None and self.labeller.names_rate(rate.name) else None

    def _nearest_if_fitting(self, c: _Change, base: Quantity, same: list[Mention], nearest: Mention) -> list[Mention]:
        """`合计 T，其中：一般公共预算拨款收入 a，占 p%；上年预算 b，比上年增加 Δ`: the nearest figure, of no stage of its
        own (the one its context gives), is the one compared where more of the change's figures (its amount, its
        rate) agree with it than with the farther one naming the stage (`“三公”经费预算合计 T，其中 A a，B b；上年预算
        c，本年下降 p%`: T's)."""
        if self.labeller.identify(nearest.label)[1].stage:
            return same
        far = next((q for q in reversed(same[0].quantities) if q.kind == base.kind), None)
        near = next((q for q in reversed(nearest.quantities) if q.kind == base.kind), None)
        if far is None or near is None:
            return same
        return [nearest] if _agreeing(c, base, near) > _agreeing(c, base, far) else same

    def _other_current(
        self, subject: Mention, mentions: list[Mention], base: Quantity, change: _Change | None = None
    ) -> Quantity | None:
        """`与 2022 年度相比（2022 年度部门支出预算安排为 6,215.40 万元），增加 372.96 万元`: the figure before the
        change is the earlier one it is compared with; `2023年预算执行数为 58.30 万元，2024年预算安排 54.86 万元，
        比2023年预算执行数减少 5.90%`: the current one is the sentence's other figure, if any."""
        candidates = self._current_candidates(subject, mentions, base)
        # of the stage the earlier figure names, where it names one (`决算 1.85 万元，预算 4.00 万元，…；上年决算 2.10
        # 万元，同比减少 0.25 万元`: this year's 决算 is compared with last year's)
        stage = self.labeller.identify(subject.label)[1].stage
        same = self._of_stage(candidates, stage)
        if "年初" not in subject.label and self._adjusted_nearest(candidates, stage):
            # `年初预算 A，调整后预算 B，上年同口径预算 C，同比增长 p%`: C's 预算 names either budget; the change
            # follows the adjusted one, the nearest (as a change naming no figure does: `_adjusted_nearest`)
            same = candidates[:1]
        if change is not None and same and candidates[0] is not same[0]:
            same = self._nearest_if_fitting(change, base, same, candidates[0])
        if not stage:
            # `决算数 A，调整预算数 B，完成调整预算的 r%；比上年的 C 增加…`: beside a budget, the outcome is what is
            # compared with last year's figure (a comparison of budgets names the budget: `比上年预算`)
            # (or, none named an outcome, the figures not named a plan: `支出 A，年初预算数 B，上年为 C；…增长 p%`)
            same = self._outcomes(candidates) if self._plan_among(candidates) else []
        ranked = self._in_unit(_named_first(subject, same or candidates), base)
        # (a figure of another kind between is of no quantity the earlier one is: `资助 A人次，发放资金 B万元；2024年
        # 资助 C人次，同比增加 Δ人次`, A changed)
        other = next((m for m in ranked if any(q.kind == base.kind for q in m.quantities)), None)
        return next((q for q in reversed(other.quantities) if q.kind == base.kind), None) if other else None

    def _current_candidates(self, subject: Mention, mentions: list[Mention], base: Quantity) -> list[Mention]:
        """The figures of the sentence that may be what changed against the earlier one (`subject`), nearest first."""
        # past the figures the sentence measures against (a budget a ratio is of, an earlier change's base):
        # `支出 731.58 亿元，为调整预算 768.40 亿元的 95.2%，比上年的 702.16 亿元增长 4.2%` compares 731.58
        used = self._references(subject.sentence)
        # a note's figures are skipped, unless the change stands in the note itself (`（含开发区 12.3 亿元，比上年的
        # 10.9 亿元增长 12.8%）`: the note's figure changed)
        within = self._in_open_bracket(subject)
        # (the other figures of the earlier figure's year are not what changed: `2024年预算 B，实际支出 X；2025年…`)
        earlier = self._earlier_period(subject)
        # (a target is compared with last year's target only: `目标 B，较上年的目标 C 提高 Δ`)
        planned = self.labeller.identify(subject.label)[1].stage == PLANNED
        return [
            m
            for m in reversed(mentions)
            if m is not subject
            and not (earlier and self._earlier_period(m) == earlier)
            and not self._qualifies(m)
            and not REFERENCE.match(m.label)
            and not GAP_ALONE.fullmatch(m.label)
            and not any(id(q) in used for q in m.quantities)
            and (within or not (self._bracketed(m) or self._noted_apart(m, subject.start)))
            and not self._no_actual(m, planned)
            and self._of_one_family(m, subject, base)
        ]

    def _no_actual(self, m: Mention, planned: bool) -> bool:
        """Is the figure no actual value of anything: a threshold (`高于 4.10 元`, `不低于 90%`) or, beside an earlier
        figure named no plan (`planned`), a figure named a target (`目标值 4.10 元`, `4.10 元的目标值`)? It is never
        what changed against that earlier figure."""
        if any(q.bound is not None for q in m.quantities):
            return True
        if planned or not m.quantities:
            return False
        return (
            TARGET_NAMED.search(m.label) is not None
            or TARGET_AFTER.match(self.doc.text, m.quantities[-1].end) is not None
        )

    @staticmethod
    def _of_one_family(m: Mention, earlier: Mention, base: Quantity) -> bool:
        """Can the figure be of the quantity the earlier one is of: not a figure per unit (`每人次运营成本 4.18 元`)
        where the earlier one is written in a larger unit and names none (`运营总成本较上年的 122420.35 万元`)?"""
        if _per_unit(earlier.label) or not _per_unit(m.label):
            return True
        return all(q.scale == base.scale for q in m.quantities if q.base_unit == base.base_unit)

    def _in_unit(self, candidates: list[Mention], base: Quantity) -> list[Mention]:
        """The candidates for what changed, nearest first; but where the nearest, in no unit of the figure compared
        with, is a count of the same things listed right after one in it (`带动脱贫户 A户、B人，户数较上年的 C户增加
        Δ户`), that one (A): the count in 户 changed, not the one of 人 beside it."""
        if len(candidates) < 2 or any(q.base_unit == base.base_unit for q in candidates[0].quantities):
            return candidates
        near, far = candidates[0], candidates[1]
        fits = [q for q in far.quantities if q.kind == base.kind and q.base_unit == base.base_unit]
        if not fits or not near.quantities or near.label.strip("、 "):
            return candidates
        between = self.doc.text[far.quantities[-1].end : near.quantities[0].start]
        return [far, *candidates[2:]] if between.strip() == "、" else candidates

    def _outcomes(self, candidates: list[Mention]) -> list[Mention]:
        """The figures named as an outcome (决算数, 执行数); none so named, those that name no stage (a fund's name
        holds 预算 too: `一般公共预算支出` is no budget). An adjustment of the budget in the year is neither, whatever
        else its words hold (`年初预算 A，年中按实际人数追加 b，调整后预算为 B，较上年的 C 增加 Δ`: b moved the budget,
        B changed)."""
        outcomes = [m for m in candidates if not BARE_ADJUSTMENT.search(m.label)]
        named = [m for m in outcomes if OUTCOME_LABEL.search(m.label)]
        return named or [m for m in outcomes if self.labeller.identify(m.label)[1].stage is None]

    @staticmethod
    def _plan_among(candidates: list[Mention]) -> bool:
        """Is one of the figures a budget (named 预算/计划, not an outcome)?"""
        return any(PLAN_LABEL.search(m.label) and not OUTCOME_LABEL.search(m.label) for m in candidates)

    def _in_open_bracket(self, m: Mention) -> bool:
        """Does the mention stand inside a bracket its sentence opened before it and has not closed?"""
        return bool(m.quantities) and in_brackets(self.d, m.sentence, m.quantities[0].start)

    def _last_year_named(self, comparison: str) -> bool:
        """Does the comparison name the year before the document's (`比2024年` in a report of 2025), or a year where
        the title states no one year?"""
        own, named = (self._title_context().period or "")[:4], YEAR_IN.search(comparison)
        return named is not None and (not own.isdigit() or int(own) == int(named.group(1)) + 1)

    def _next_year_just_before(self, year: int, subject: Mention) -> bool:
        """Does the sentence before the subject's, in its paragraph, open with a figure of the year after `year`
        (`2025年总预算 A，其中…。2024年预算为 B，…`)? (A report may speak of the year before its title's as its
        own, `2021 年我省 R&D 经费内部支出 B，同比增长 p%` in a report of 2022: only the next year's figure stated right
        before makes B the earlier one.)"""
        si = subject.sentence
        before = self.d.by_sentence.get(si - 1) or []
        if not si or not before or self.doc.sentences[si - 1].paragraph != self.doc.sentences[si].paragraph:
            return False
        return f"{year + 1}年" in self.labeller.split(before[0].label)[1]

    def _is_compared(self, subject: Mention, comparison: str, mentions: list[Mention]) -> bool:
        """Does the subject's label name the period the change compares with (2022年 in `与2022年度相比`,
        上年 in `比上年`), or, against 上年, the year before another figure's of the sentence (`2025年预算 150
        万元，2024年预算 160 万元，比上年减少`; `本年收入 3,412.80 万元（2023年度：3,200.00 万元），增加`)?"""
        period = self.labeller.split(subject.label)[1] or self._bracket_year(subject, mentions)
        year = re.search(r"(\d{4})年", period)
        # the words before the subject's own label, unless the label is the comparison (`比2023年的 X`): in
        # `2021年新增 15 户，2022年新增 27 户，增幅…` 2022 is the subject's own year, not the one compared with
        own = comparison.endswith(subject.label) and not re.match(r"[，、]*(?:比|较|与|同)", subject.label)
        if year and year.group(1) in (comparison.removesuffix(subject.label) if own else comparison):
            return True
        if LAST_YEARS_LABEL.match(subject.label) and self._last_year_named(comparison):
            return (
                True  # `上年收支结余 C，本年比 2024 年下降 p%` in a report of 2025: last year's figure, compared with
            )
        if _named_last_year(subject):
            # `比上年的 3.65 亿元增加`, `上年为 66.7%，提高`, `（上年：3,200 万元）`, `上年预算 b，比2025年预算减少`: the
            # item last year
            return True
        if COMPARED_TAIL.search(subject.label):
            return True  # `资金总额较2022年的 3,620.00 万元增加…`: the item named, then the period compared with
        if COMPARED_WITH.fullmatch(subject.label.strip("，、；： ")):
            return True  # `比第四次经济普查的 38,654 个增加…`: the figure of the reference the label names
        if not subject.key and self._bracket_year(subject, mentions, LAST_YEAR_BRACKET):
            return True
        last_year = bool(LAST_YEAR_WORDS.search(comparison))
        # `2024年度本年支出合计 X，2023年度 Y，增长 p%`: a figure named by its year alone, after the next year's,
        # is what a change that names no comparison compares with
        bare = not COMPARING.search(comparison) and bool(YEAR_ONLY.fullmatch(subject.label.strip("，、；：（( ")))
        if year and (last_year or bare) and self._year_after(int(year.group(1)), subject, mentions):
            return True
        if year and last_year and self._next_year_just_before(int(year.group(1)), subject):
            # `2025年总预算 A。2024年预算为 B，同比增加 Δ`: B, after the next year's figure, is what Δ is against
            return True
        earlier = re.match(r"^(?:上年|去年|上一年)(?!结转|结余|末|底)", subject.key)  # 上年结转收入 is this year's
        return bool(earlier) and last_year

    def _before_this_year(self, named: str, subject: Mention, period: str, si: int) -> bool:
        """`与上年相比，2023年本项目执行数为 X，本年增加 Δ` / `2023年执行数 X，2024年执行数较上年增加 Δ`: a change named as
        of a later year than the figure's label states (this year, 本年 or 今年, the one the title states; or the
        year its own name states) is of the figure after it; that figure is its base."""
        year = STATED_YEAR.search(self.labeller.split(subject.label)[1])
        own = STATED_YEAR.search(period)
        carried = self._period_carried(subject) if year is None else None
        if carried == LAST_YEAR_PERIOD and (own is not None or self.labeller.identify(named)[1].period == "+0"):
            return True  # `上年预算 B，实际支出 X；本年实际支出比上年增加 Δ`: X is last year's
        if own is not None and carried and A_YEAR.fullmatch(carried):
            # `2024年预算 B，实际支出 X；2025年实际支出比上年增加 Δ`: X is of the year its sentence opened with
            return int(carried) < int(own.group(1))
        if year is None:
            return self._opened_as_last_years(subject, si)
        if own is not None:
            return int(year.group(1)) < int(own.group(1))
        title = re.fullmatch(r"\d{4}", self._title_context().period or "")
        return (
            title is not None and THIS_REPORT_YEAR.match(named) is not None and int(year.group(1)) < int(title.group())
        )

    def _earlier_period(self, m: Mention) -> str:
        """The period the words before a figure in its sentence state for it (`_period_carried`) where it is a
        whole year or last year (`2024`, `-1`); "" where they state none or another (`本年`, `上半年`)."""
        period = self._period_carried(m)
        return period if period and (period == LAST_YEAR_PERIOD or A_YEAR.fullmatch(period)) else ""

    def _period_carried(self, m: Mention) -> str | None:
        """The period a figure's own words state, else the nearest one the words before an earlier figure of its
        sentence state, as a sentence's period carries on to the figures after it (`2024年该项目预算 B，实际支出
        X`: X is 2024's; `上年预算 B，实际支出 X`: last year's). None where a comparison comes first (`比上年的 B`,
        `与上年相比，支出 X`: the period is the one compared with, not the figure's)."""
        mentions = self.d.by_sentence.get(m.sentence) or []
        carried, place = self._periods_carried(m.sentence, mentions)
        k = place.get(id(m))
        return carried[k] if k is not None else None

    def _periods_carried(self, si: int, mentions: list[Mention]) -> tuple[list[str | None], dict[int, int]]:
        """`_period_carried` of each figure of a sentence, in order, and each figure's place (by id). Each carries
        the one before it unless its own words decide, so one reading in order answers for all; a sentence's
        mentions are only ever added to, so what was read stays true and only the figures added since are read."""
        kept = self._carried.get(si)
        if kept is None or kept[0] is not mentions:
            kept = self._carried[si] = (mentions, [], {})
        _, carried, place = kept
        for k in range(len(carried), len(mentions)):
            start = max(q.end for q in mentions[k - 1].quantities) if k else self.doc.sentences[si].start
            decided, period = self._period_stated(self.doc.text[start : mentions[k].start])
            carried.append(period if decided else carried[k - 1] if k else None)
            place.setdefault(id(mentions[k]), k)
        return carried, place

    @staticmethod
    def _period_stated(words: str) -> tuple[bool, str | None]:
        """Do the words before a figure (from the figure before it) decide its period, and which: None where a
        comparison comes first."""
        # (past a `；` the words are the next clause's: what the clause before stated carries no further)
        clause = CLAUSE_END.split(words)[-1]
        words_of_clause = COMPARISON_OPENING.sub("", clause)
        if COMPARISON_WORD.search(words_of_clause):
            return True, None
        period = read(words_of_clause).context.period
        return period is not None or len(clause) < len(words), period

    def _opened_as_last_years(self, subject: Mention, si: int) -> bool:
        """Does the figure stand in a sentence of its own that opens by naming last year (`上年度审计查出问题 88 个，涉及
        金额 B。本年度…涉及金额比上年增加 Δ`)? Then it is last year's: the change's base, not what changed."""
        start = self.doc.sentences[subject.sentence].start
        return subject.sentence != si and LAST_YEAR_OPENING.match(self.doc.text, start) is not None

    def _bracket_year(self, subject: Mention, mentions: list[Mention], pattern: re.Pattern[str] | None = None) -> str:
        """The year a bracket opens with before a figure whose label is empty (`（2023年度：3,200.00 万元）`), or
        what `pattern` finds there."""
        if subject.key or not subject.quantities:
            return ""
        i = next((k for k, m in enumerate(mentions) if m is subject), 0)
        begin = self.doc.sentences[subject.sentence].start
        if i:
            begin = max((q.end for q in mentions[i - 1].quantities), default=begin)
        m = (pattern or BRACKET_YEAR).search(self.doc.text[begin : subject.quantities[0].start])
        return m.group(1) if m else ""

    def _year_after(self, year: int, subject: Mention, mentions: list[Mention]) -> bool:
        """Is the figure right before the subject (past qualifying ratios) of the year after `year` (by its
        label's year, or as 本年 / 今年), of the same item (or the subject names none), with no change stated
        between them (`2025年安排 X，较2024年增加 Δ，2024年支出 Y，比上年增长 p%`: Y's own change)?"""
        i = next((k for k, m in enumerate(mentions) if m is subject), 0)
        m = next(
            (
                x
                for x in reversed(mentions[:i])
                if not self._qualifies(x) and any(q.kind != "bare" for q in x.quantities)
            ),
            None,
        )
        if m is None:
            return False
        own = re.search(r"(\d{4})年", self.labeller.split(m.label)[1])
        # 本年 / 今年 / 本年度, or the next year opening the sentence (`2025年上半年，全区税收收入 X，2024年上半年 Y`)
        opening = self.doc.text[self.doc.sentences[subject.sentence].start : m.quantities[0].start]
        this_year = not own and (self.labeller.identify(m.label)[1].period == "+0" or f"{year + 1}年" in opening)
        if not ((own and int(own.group(1)) == year + 1) or this_year):
            return False
        item, _ = self.labeller.identify(subject.label)
        if YEAR_ONLY.fullmatch(subject.label.strip("，、；：（( ")):
            item = ""  # `2026年前三季度 Y`: a year, or a part of one, names no item
        other = self.labeller.identify(m.label)[0]
        if item and not (item == other or other.startswith(item) or other.endswith(item)):
            return False  # `2024年安排` names the 安排资金 of the year after; `2024年项目支出` another item
        between = self.doc.text[max(q.end for q in m.quantities) : subject.quantities[0].start]
        return not CHANGE_WORD.search(between)

    def _comparable(self, earlier: Mention, mentions: list[Mention], current: Quantity) -> bool:
        """Are the earlier figure and the current one of one quantity: no scope or fund of one stated otherwise
        for the other? (Stages may differ: a budget is compared with last year's outturn.)"""
        later = next((m for m in mentions if current in m.quantities), None)
        if later is None:
            return True
        _, now = self.labeller.identify(later.label)
        _, before = self.labeller.identify(earlier.label)
        return all(a is None or b is None or a == b for a, b in ((now.scope, before.scope), (now.fund, before.fund)))

    def _named_subject(
        self, key: str, si: int, mentions: list[Mention], period: str = "", spans: bool = False
    ) -> tuple[Mention | None, bool]:
        """The mention a change clause names: in its own sentence, else earlier in its section (inferred); of
        the sentence before, one summing several years only where the change compares spans (`spans`)."""
        own = next((m for m in reversed(mentions) if _names(m.key, key)), None)
        if own is None and ADJUSTED_ALONE.fullmatch(key):
            # `拟调整为 B，…；调整后比上年决算数 C 增长 p%`: 调整后 names a stage, not an item: what changed is the
            # sentence's adjusted figure (none stated, none read)
            identify = self.labeller.identify
            own = next((m for m in reversed(mentions) if identify(m.label)[1].stage == "调整预算"), None)
        if own is None and mentions:
            # `收入、支出总计均为 X，与上年相比，收、支总计各减少 Δ`: the sentence's figure named in other words of
            # the same template
            own = self._of_template(key, mentions, period)
        if own is not None or mentions:
            return own, True
        if key in GENERIC_ITEMS:
            # (`全年支出较上年 B 下降 p%`: 支出 alone, its period read off, names no one figure of the sentences before)
            return self._named_before(key, si, period, spans), False
        found, ambiguous = self._named_in_section(key, si)
        if found is not None or ambiguous:
            return found, False
        return self._named_before(key, si, period, spans), False

    def _named_in_section(self, key: str, si: int) -> tuple[Mention | None, bool]:
        """The nearest figure of an earlier sentence of the change's section that the change's name names, and
        whether the name was found of two figures it cannot tell apart (then no figure: see the loop's notes)."""
        section = self.doc.section_at(self.doc.sentences[si].start)
        # mentions come in sentence order: the walk back stops at the section's first sentence (linear time)
        first = section.start if section is not None else -1
        sentences = self.doc.sentences
        found: Mention | None = None
        year: int | None = None
        scope = self._scope_named(key, si)
        # the level the nearest figure so named is of, where the change names none (see `_levels_apart`)
        level: str | None = None
        for m in reversed(self.facts.mentions):
            if m.sentence >= si:
                continue
            if sentences[m.sentence].end <= first:
                break
            if not self._earlier_named(m, key, section, scope):
                continue
            if found is None:
                found, year = m, self._year_of(m)
                level = self._scope_of(m) if scope is None else None
                if year is None and level is None:
                    return m, False
            elif _levels_apart(level, self._scope_of(m)):
                # `全市政府债务余额 A。市本级政府债务余额 B。…2025年末债务余额增加 Δ`: the nearest is one level's
                # figure, the item is stated of another level before it: which one changed is not certain
                return None, True
            elif year is not None and (other := self._year_of(m)) is not None and other > year:
                # `2023年…实际支出 A；2022年…实际支出 B。实际支出比上年增加 Δ`: the nearest is an earlier
                # year's figure of the item, a later one stands before it: which one changed is not certain
                return None, True
        return found, False

    def _earlier_named(self, m: Mention, key: str, section: Section | None, scope: str | None) -> bool:
        """Is the figure of an earlier sentence, in the change's section, one the change's name names?"""
        if PER_UNIT_WORDS.search(m.label) or self._qualifies(m) or self._of_other_scope(m, scope):
            # `生均膳食补助支出 990.43 元`: a figure per unit is no total a change names; nor is a ratio naming the
            # item as its whole (`占全市政府债务余额的 p%`), nor the item's figure of another level than the
            # change's (`市本级政府债务余额 B` for `全市政府债务余额增加 Δ`)
            return False
        if not (m.quantities and self.doc.section_at(m.start) is section and self._names_earlier(m, key)):
            return False
        # `三年到位资金 A`: no one year's figure, never the one `2024年到位资金较2023年…` changed; nor a part named in
        # more words than the total the change names
        return not (self._over_years(m) or self._part_of_named(m, key))

    def _part_of_named(self, m: Mention, key: str) -> bool:
        """Is the figure, named in more words than the change's name (`专项债务余额` for `债务余额`), a part of a list
        whose total the change's name names too (`政府债务余额 T，其中一般债务余额 a、专项债务余额 b`)? The name
        in fewer words is the total's."""
        if m.key == key:
            return False
        return any(any(p is m for p in b.parts) and self._names_earlier(b.total, key) for b in self.facts.breakdowns)

    def _scope_named(self, key: str, si: int) -> str | None:
        """The scope a change's paragraph states up to the name of what changed (`与上年末相比，全市政府债务余额增加
        Δ`; `其中，一般债务余额增加 δ` after it): None where it states none, or two."""
        sentence = self.doc.sentences[si]
        begin = self.doc.sentences[self.doc.paragraph_of(si).start].start
        at = self.doc.text.find(key, sentence.start, sentence.end)
        scope = read(self.doc.text[begin : at if at >= 0 else sentence.end]).context.scope
        return None if scope == MIXED else scope

    def _over_years(self, m: Mention) -> bool:
        """Do the words before the figure in its sentence say it sums several years (`三年到位资金`, `近五年累计`)?"""
        sentence = self.doc.sentences[m.sentence]
        return bool(YEARS_SPAN.search(self.doc.text, sentence.start, m.start))

    def _year_of(self, m: Mention) -> int | None:
        """The year the figure's sentence states before it (`2022年调整后预算 A，实际支出 B`: 2022), if any."""
        sentence = self.doc.sentences[m.sentence]
        years = STATED_YEAR.findall(self.doc.text, sentence.start, m.start)
        return int(years[-1]) if years else None

    def _names_earlier(self, m: Mention, key: str) -> bool:
        """Does the change's name name this figure of an earlier sentence? A longer name whose end is the figure's
        (`城乡居民基本养老保险基金支出` and `社会保险基金收入 X，支出 Y`) names it only where the figure's sentence says
        the rest before it (`一般公共预算收入 X，支出 Y` for `一般公共预算支出`): else it names a part of it."""
        if not _names(m.key, key):
            return False
        if len(key) <= len(m.key) or not key.endswith(m.key):
            return True
        sentence = self.doc.sentences[m.sentence]
        before = QUOTES.sub("", self.doc.text[sentence.start : m.start])  # (keys hold no quotes: `三公经费`)
        return key[: len(key) - len(m.key)] in before

    def _named_before(self, key: str, si: int, period: str, spans: bool = False) -> Mention | None:
        """`…财政拨款收、支总预算 X 万元。较上年，财政拨款收、支总计各增加 Δ 万元`: the figure of the
        sentence right before, in its paragraph, whose item the clause names in other words of the same template
        (`收入、支出决算总计` / `收、支总计各`, `总预算` / `总计`), in no other context."""
        if not self._same_paragraph(si - 1, si):
            return None
        before = self._of_one_period(self.d.by_sentence.get(si - 1) or [], spans)
        return self._of_template(key, before, period, earlier=True)

    def _of_one_period(self, mentions: list[Mention], spans: bool) -> list[Mention]:
        """The figures of a sentence before a change that may be what it changed: `2023—2025年累计拨付 T。其中，
        2024年补贴资金较2023年增加 Δ` compares one year's figure, not written, with another's; the three years' sum
        T is of neither (nor `近三年`, `“十四五”期间`), so nothing is read. Where the change compares spans
        (`较“十三五”期间增加 Δ`, `spans`), every figure may be."""
        return mentions if spans else [m for m in mentions if not self._over_years(m)]

    def _of_template(self, key: str, mentions: list[Mention], period: str, earlier: bool = False) -> Mention | None:
        """The last of the mentions whose item the clause's name (`收、支总计各`) gives in other words of the same
        template (`收入、支出决算总计`, `收入、支出总计均为`), in no other context; or, of two naming each side
        apart (`收入总计 X，支出总计 X`), one, when they are one value. `earlier`: the mentions are of a sentence
        before the change's (in its own, a short name would answer the figure it is compared with)."""
        item, said = self.labeller.identify(key)
        core = _core(item)
        if len(core) < 3:
            return self._of_short_name(core, said, mentions, period) if earlier and core else None
        # `收入总计 X，支出总计 X。…收、支总计各减少 Δ`: both sides named apart, of one value (equal by construction)
        sides = (core, core.replace("收支", "收入", 1), core.replace("收支", "支出", 1)) if "收支" in core else (core,)
        found: list[Mention] = []
        for m in reversed(mentions):
            other, context = self.labeller.identify(m.label)
            if period and m.period and period != m.period:
                continue  # `2023年…总预算 X。2024年…总计各增加 Δ`: another year's figure, not the one that changed
            mine = self._both_named_apart(m) or _core(other)
            if m.quantities and any(_ends_item(mine, side) for side in sides) and said.agrees(context):
                if mine.endswith(core):
                    return m
                found.append(m)
        values = {q.base_value for m in found for q in m.quantities[:1]}
        return found[-1] if len(found) == 2 and len(values) == 1 else None

    def _of_short_name(self, core: str, said: Context, mentions: list[Mention], period: str) -> Mention | None:
        """`财政拨款支出增加 Δ` after `财政拨款预算支出 X`: an item in two characters names the one figure of the
        sentence before that ends in it, where the change's name gives its fund, and the figure's context agrees;
        none where two do, whatever their years (`…支出 X，其中民生支出 Y。…本年支出增加 Δ` names either)."""
        if not said.known("fund"):
            return None
        named = [m for m in mentions if m.quantities and _ends_item(_core(self.labeller.identify(m.label)[0]), core)]
        if len(named) != 1 or (period and named[0].period and period != named[0].period):
            return None
        return named[0] if said.agrees(self.labeller.identify(named[0].label)[1]) else None

    def _both_named_apart(self, m: Mention) -> str:
        """`收入总计、支出总计均为 X`: the template's name of both sides (`收支总`) where the words before the figure name
        each side in full and give it as the value of both; "" otherwise."""
        sentence = self.doc.sentences[m.sentence]
        both = BOTH_NAMED_APART.search(self.doc.text, sentence.start, m.start)
        return f"收支{both.group(1) or ''}总" if both is not None else ""

    def _last_move(self, si: int) -> FromTo | None:
        """The last move (`由 A 调整为 B`) the sentence has stated so far (moves are appended as sentences are read)."""
        return next(takewhile(lambda f: f.sentence == si, reversed(self.facts.fromtos)), None)

    def _moved_before(self, si: int, c: _Change) -> bool:
        """Does a move stated in the sentence (`由 A 调整为 B`) end before the change's first movement?"""
        moved = self._last_move(si)
        return moved is not None and bool(c.movements) and moved.end.end <= c.movements[0].start

    def _fromto(self, f: _FromTo, si: int) -> None:
        word = str(f.word)
        direction = self.labeller.direction(word) if f.word.type == "TO" else ("up" if f.word.type == "UP" else "down")
        # tokens built by the lexer always carry their positions
        begin, end = f.word.start_pos or 0, f.word.end_pos or 0
        self.facts.fromtos.append(FromTo(f.start, f.end, word, direction, begin, end, si))


def _names_compared(label: str, comparison: str) -> bool:
    """Does the label name the moment the comparison compares with, and nothing else (`年初为` of `较年初`)?"""
    moment = COMPARED_MOMENT.match(comparison)
    named = MOMENT_LABEL.match(label)
    if moment is None or named is None or comparison[moment.end() :] not in ("", "相比"):
        return False
    return named["moment"] == moment["moment"]


def _money_unit(c: _Change) -> str | None:
    """The unit of money a change is stated in: of the figure it compares with, or of its difference."""
    figures = [c.base, *(mv.quantity for mv in c.movements)]
    return next((q.base_unit for q in figures if q is not None and q.kind == "amount"), None)
