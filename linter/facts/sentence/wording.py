"""Patterns of words and small readings of parsed items that several families of the sentence pass share."""

from __future__ import annotations

from decimal import Decimal

from tieout.linter.facts.model import Formula, Mention
from tieout.linter.facts.passes.base import exact_figure
from tieout.linter.parse.lalr import Token
from tieout.linter.parse.sentences import _Breakdown, _Formula
from tieout.linter.parse.tokens import YEAR_ON_YEAR_CMP
from tieout.linter.patterns import regex
from tieout.linter.vocab import load

# a label that is only last year (or the same period of it): the figure is the item before it, a year earlier
# the names of last year (their order lets 上年同期 win over 上年; 上年同月: a monthly report's same month of it)
LAST_YEAR_NAMES = "上年同期|上年同月|上年|去年同期|去年同月|去年|上一年"
# a figure named as last year's (`上年分别为` given out: `上年教育支出`): the base of a change, never what changed
LAST_YEARS = regex(f"(?:{LAST_YEAR_NAMES})(?!末|底|结转|结余)")


# the stages of a budget (the initial one, the adjusted one) and of the year's outcome, as the labeller names them
OUTCOME_STAGES = ("决算", "执行")

# a figure's words making it a budget or last year's: never the outcome a change of this year's is of
NOT_THE_OUTCOME = regex(f"预算|计划|{LAST_YEAR_NAMES}")


# a name by pronoun (`该项资金`, `此项`, `其`): a figure the words point back to, not one they name
PRONOUN = regex(r"(?:该|此|其|这一?|本项)")
# (`上年该比例为`, `上年这一比重为`: last year's value of the ratio just stated, named by a pronoun)
RATIO_PRONOUN = regex(f"{PRONOUN.pattern}(?:比例|比重|占比|比率|指标)")
LAST_YEARS_RATIO = regex(f"({LAST_YEAR_NAMES}){RATIO_PRONOUN.pattern}")


# a clause ending in a value given in words, quoted (`自评等级为“优”`, `评定为「良好」`): it names no figure
WORDED_VALUE = regex(r'(?:为|是|评定为|评为|定为)\s*[“"「‘][^”"」’\d]{1,8}[”"」’]\s*[，,；;]?\s*$')


LAST_YEAR_ONLY = regex(f"^(?:比|较|与)?(?:{LAST_YEAR_NAMES})(?:相比)?(?:{RATIO_PRONOUN.pattern})?(?:的|为|是)?$")
# a figure named only as last year's at a stage (`；上年预算 6,613.42 万元，比上年增加 Δ`): the base of the change
# after it, whatever year the comparison names (`比2025年预算`), never what changed
# (a stage alone closing such a name: `预算`, `调整预算数为`)
STAGE_ONLY_END = "(?:年初|调整)?(?:预算|决算|执行|完成)(?:数)?(?:为|是)?$"
LAST_YEAR_STAGE_ONLY = regex(f"^(?:{LAST_YEAR_NAMES})(?:同口径|可比口径)?{STAGE_ONLY_END}")
# a figure named only by a year, with a stage or none (`，2025年预算 6,781,693 元，增加 Δ`, `，2025年为 B，增加 Δ`):
# last year's where that year is the one before the document's
YEAR_STAGE_ONLY = regex(rf"^((?:19|20)\d\d)年度?(?:(?:为|是)$|{STAGE_ONLY_END})")


# the figure by which an outcome passes or misses its budget, and the words naming the two (vocab over_short)
OVER_SHORT_WORDS = load("relations").get("over_short") or {}


_REF = load("relations").get("reference") or {}
REFERENCE = regex(f"^(?:{'|'.join(_REF.get('verbs') or [])})(?:{'|'.join(_REF.get('against') or [])})")


PLAN_BASE = regex("预算|计划")


CLAUSE_BREAK = regex(r"[，,；;。]")


PLAN_LABEL = regex("|".join(OVER_SHORT_WORDS.get("plan") or []))
OUTCOME_LABEL = regex("|".join(OVER_SHORT_WORDS.get("outcome") or []))
# a budget as first approved, its adjustments in the year, and the budget they make (vocab budget_adjustment);
# an adjustment read as a bare movement (`调增 2450 万元`) is found by its words too
ADJUSTMENT_WORDS = load("relations").get("budget_adjustment") or {}
BARE_ADJUSTMENT = regex("|".join([*(ADJUSTMENT_WORDS.get("up") or []), *(ADJUSTMENT_WORDS.get("down") or [])]))
# a stock (`…基金余额`), as the roll-forward reads one (vocab roll_forward.stock): no budget, no outcome
STOCK_LABEL = regex(f"(?:{'|'.join((load('relations').get('roll_forward') or {}).get('stock') or [])})$")


INITIAL_PLAN = regex("|".join(ADJUSTMENT_WORDS.get("initial") or []))


ADJUSTED = regex("|".join(ADJUSTMENT_WORDS.get("adjusted") or []))


# a year a sentence states (`2022年调整后预算 A`): the period of its figures after it
STATED_YEAR = regex(r"((?:19|20)\d{2})\s*年")


FULL_MARKS = regex(r"满分|分值")


LEFT_OVER_WORDS = "结余|结存|节余|节约|剩余|尚未支出|未支出|尚未使用|未使用|尚未执行|未执行"
LEFT_OVER = regex(rf"(?:项目|资金)?(?:{LEFT_OVER_WORDS})(?:资金)?(?:为|是)?$")
# any of those words in a text (a sentence holding none has no figure named as left over: readings of one skip it)
NAMES_LEFT_OVER = regex(LEFT_OVER_WORDS)


SCORED = regex(r"^(?:实际)?得(?:分)?(?:为)?$")


# what is left of a budget named with the time it is left at (`年底剩余 C`, what remains of a 预备费 at the year's end),
# or of a purchase's budget by the purchase (`政府采购结余资金 C`, `采购节约资金 C`: the budget less the price paid); not
# `年末结余`, which may be a stock holding what was left in the years before
LEFT_AT_END = regex(r"^(?:(?:年底|年末|期末|最终)剩余|(?:政府)?采购(?:结余|节余|节约))(?:资金)?(?:为|是)?$")
# what was spent of a budget named by its use (`当年使用 B`, `动用 B`) or, of a purchase's, by the price it was won at
# (`中标金额 B`, `成交金额 B`)
USED_OF_BUDGET = regex(r"使用|动用|中标|成交")


def left_over(m: Mention) -> bool:
    """Is the figure named as what is left of a budget (`结余 B`, `尚未支出 B`)? (No operand of the rate of what was
    spent: `支出 A，结余 B，执行率 p%`.)"""
    return LEFT_OVER.match(m.label.lstrip("，、；：")) is not None


# the words that open what a sum is spent on (`主要投向`, `重点用于`), and the tail that closes the names (`等领域`)
ALLOCATED = regex(r"^(?:主要|重点|全部|具体)?(?:投向|用于|投入|支持|安排用于)")


def names_opened(item: object) -> list[str]:
    """The names of a list that opened with 其中 and holds nothing but names (no figure of its own)."""
    if not isinstance(item, _Breakdown) or item.head is not None or not item.parts:
        return []
    if not all(is_label(p) for p in item.parts):
        return []
    return [str(p).strip() for p in item.parts]


def is_sep(item: object, chars: str) -> bool:
    return isinstance(item, Token) and item.type == "SEP" and str(item) in chars


def is_label(item: object) -> bool:
    return isinstance(item, Token) and item.type == "LABEL"


def initial_budget(m: Mention) -> bool:
    """Is the figure a budget as first approved (`年初预算`, `人代会批准的…预算支出`), not one adjusted, nor a stock
    (`年初预算稳定调节基金余额 A，动用 B，补充 C，年末余额 D`: a stock rolled forward, no budget adjusted)?"""
    label = m.label
    return bool(INITIAL_PLAN.search(label)) and not ADJUSTED.search(label) and not STOCK_LABEL.search(label)


def name_in(item: object) -> str:
    """The words before a clause that name what it is of; none in a bracket noting the figure before it
    (`收入 X（不含上划中央收入，下同），比上年增长…`: the change is of X)."""
    if not is_label(item):
        return ""
    text = str(item).strip()
    return "" if BRACKETED.fullmatch(text) else str(item)


BRACKETED = regex(r"[（(][^（）()]*[）)]")


# a comparison with last year alone (`同比`, `比上年`): the change qualifies the figure before it
LAST_YEAR_CMP = regex(rf"{YEAR_ON_YEAR_CMP.pattern}|与(?:上年|去年)(?:同期)?相比")  # (tokens: 同比, 比上年…)


def foots_flat(head: Mention, parts: list[Mention]) -> bool:
    """Do the parts, as listed, add up to the total exactly? Then no run of them is another part's."""
    whole = exact_figure(head)
    if whole is None:
        return False
    listed = [q for m in parts if (q := m.of_unit(whole.base_unit)) is not None]
    return sum((q.base_value for q in listed), Decimal(0)) == whole.base_value


def as_formula(f: _Formula, si: int, name: str | None = None) -> Formula:
    return Formula(f.name if name is None else name, f.operands, f.ops, f.result, si, f.expression)


# a balance at the year's end and at its start, named so (`年末余额 A，年初余额 B，增加 p%`), the start by its time
# alone too (`年末资产合计 A，年初 B，增加 Δ`, `期末 A，期初数 B`, `年末 A，上年末 B`)
AT_END = regex(r"^[，、；：\s]*(?:年末|期末|本年末)")
AT_START = regex(r"^[，、；：\s]*(?:年初|期初|上年末)")
START_ALONE = regex(r"(?:数|余额)?(?:为|是)?")


def end_and_start(first: str, second: str) -> bool:
    """Are two labels one item at the year's end, then at its start (`年末余额`, `年初余额`; `年末资产合计`, `年初`)?"""
    if not (AT_END.match(first) and AT_START.match(second)):
        return False
    item = AT_START.sub("", second).strip("，、；： ")
    return AT_END.sub("", first).strip("，、；： ") == item or START_ALONE.fullmatch(item) is not None
