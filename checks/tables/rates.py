"""Rate and share columns of tables: each % cell against the figures of its row (and its table's total)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from typing import Literal

from tieout.linter.figures.intervals import (
    HUNDRED,
    MEASURES,
    Verdict,
    fmt_rate,
    growth_readings,
    interval,
    rate,
    ratio,
)
from tieout.linter.figures.quantities import COUNT_UNITS, Quantity
from tieout.linter.parse.tables import Column, Row, Side, Table
from tieout.linter.parse.tables.cells import flatten
from tieout.linter.parse.tables.formulas import column_formulas
from tieout.linter.parse.tables.relations import additive_rows, all_relations, row_item
from tieout.linter.parse.tables.vocab import FALL, SATISFACTION, role_of
from tieout.linter.patterns import regex
from tieout.linter.rules.base import CheckContext, Outcome
from tieout.linter.vocab import load

from ._judge import column_miss, pct
from .answers import answer_layout, answer_share_outcomes
from .discovered import discovered_outcomes
from .laid_down import laid_down_growths
from .margins import margin_outcomes
from .named_columns import Pairs, defined_ratio, heading, named_base, opening_closing, same_quantity, same_span
from .per_capita import per_capita_outcomes
from .targets import target_rate_outcomes, text_target_rate_outcomes

CURRENT = ("执行数", "决算数", "本年数", "预算数", "调整预算数")
YEAR = regex(r"(?:19|20)\d{2}年")
NAMED = regex(r"(?P<num>[^／]*?)比(?:上年|\d{4}年)?(?P<den>[^／]+?)(?:增长|增减|增幅)")


def _year(c: Column) -> int | None:
    p = c.context.period
    return int(p[:4]) if p and p[:4].isdigit() else None


def operands(side: Side, col: Column) -> list[tuple[Column, Column]]:
    """(numerator, denominator) columns a rate column is computed from, by what the headers say; [] when
    they do not say it clearly."""
    return read_operands(side, col)[0]


def read_operands(side: Side, col: Column) -> tuple[Pairs, bool]:
    """The operand columns, and whether a row whose base is below zero is left out: so for the readings by
    name (a defined ratio, a balance's change, one quantity's 同比), whose rows over a loss or a debit balance
    are written by more than one convention (over the base's size, or signed), or in words (`减亏`)."""
    if col.kind == "level":
        return defined_ratio(side, col), True
    if SATISFACTION.fullmatch(heading(col)):
        return _satisfied_of_valid(side, col), False
    if col.kind in ("growth", "delta"):
        left = _same_scope([c for c in side.columns if c.index < col.index and c.kind in ("amount", "total", "")], col)
        balance = opening_closing(left)
        if balance:
            return balance, True
    pairs = _by_headers(side, col)
    if not pairs and col.kind in ("growth", "delta"):
        return same_quantity(side, col) or _years_around(side, col), True
    return pairs, False


def _years_around(side: Side, col: Column) -> list[tuple[Column, Column]]:
    """`2025年预算数 | 压减金额 | 压减比例 | 2026年安排数`: a change set between the two figures it is the change of,
    the earlier year's before it and the later year's after it (the earlier figure, what changed, what it came
    to). Only where the side has no other amount column, so that each of the two is the one of its side of the
    change, and their years follow each other; [] otherwise."""
    amounts = [c for c in side.columns if c.kind in ("amount", "total", "")]
    before = [c for c in amounts if c.index < col.index]
    after = [c for c in amounts if c.index > col.index]
    if len(before) != 1 or len(after) != 1:
        return []
    earlier, later = _year(before[0]), _year(after[0])
    if earlier is None or later != earlier + 1:
        return []
    return [(after[0], before[0])]


def _by_headers(side: Side, col: Column) -> list[tuple[Column, Column]]:
    """The operands a stage, a year or a role in the headers names."""
    staged = _later_stage(side, col) if col.role == "为预算%" else []
    if staged:
        return staged
    left = _same_scope([c for c in side.columns if c.index < col.index and c.kind in ("amount", "total")], col)
    if col.kind in ("growth", "delta") and (yeared := _same_words_of_years(side, col)):
        return yeared
    if not left:
        return _planned_and_done(side, col) or _first_stage(side, col) if col.role == "为预算%" else []
    if col.role == "得分率":
        return _score_rate(left)
    if col.role == "调整率":
        return _adjustment(left)
    if col.role == "为预算%":
        return _of_budget(side, col, left)
    spanned = same_span(side, col) if col.kind in ("growth", "delta") else []
    if spanned:
        return spanned
    dated = _by_year(left, col)
    if dated is not None:
        return dated
    if col.kind == "delta" and not any(c.role == "上年数" for c in left):
        return _against_budget(left, col)
    return _against_last_year(left, col)


def _of_budget(side: Side, col: Column, left: list[Column]) -> list[tuple[Column, Column]]:
    """An execution or completion rate (为预算%) after amount columns of a role: its outcome over its budget."""
    nums = _outcomes(left, col)
    if nums and _arrived_unnamed(side, col, nums) or not nums and _staged(left):
        return _spent_of_either(side, col)
    if not nums:
        return _planned_and_done(side, col)
    year = _year(nums[-1])
    dens = [c for c in left if c.role in ("预算数", "调整预算数") and _year(c) in (None, year)]
    if not dens:
        # (`安排资金 | 到位资金 | 到位率`: the budget under a heading of no role, read as the one planned)
        return _first_stage(side, col)
    # an execution rate is of the budget its header names (完成年初预算%, 完成全年预算%); naming none, of
    # either budget (the adjusted one first: a finding names it)
    return [(nums[-1], d) for d in named_base(dens, col)]


# a rate defined in the note under its table as one column over another (`注：执行率=决算支出/调整预算×100%。`,
# `执行率=实际支出/实际到位`): its name, its numerator's and its denominator's headings, nothing else in the formula
NOTED_RATE = regex(
    r"(?:^|[：:；;。，,\s])(?P<name>[\u4e00-\u9fff]{1,10}率)\s*[=＝]\s*(?P<num>[\u4e00-\u9fff]{2,12})\s*[/／÷]\s*"
    r"(?P<den>[\u4e00-\u9fff]{2,12})\s*(?:[×*xX]\s*100\s*[%％])?\s*(?=$|[。；;，,])"
)


def noted_operands(table: Table, side: Side, col: Column) -> list[tuple[Column, Column]]:
    """A rate column the note under its table defines (`注：执行率=决算支出/调整预算×100%`): the one column of the
    side headed as its numerator over the one headed as its denominator, each heading the note's word as it
    stands or with 数 after it (`调整预算` for `调整预算数`). [] when the note defines no rate of the column's
    heading, or either word heads no column or more than one: the headers are then read as they stand."""
    name = heading(col)
    for m in NOTED_RATE.finditer(table.note):
        if m.group("name") != name:
            continue
        found = [[c for c in side.columns if c is not col and _heads(c, m.group(w))] for w in ("num", "den")]
        if all(len(cols) == 1 for cols in found) and found[0][0] is not found[1][0]:
            return [(found[0][0], found[1][0])]
    return []


def _heads(c: Column, word: str) -> bool:
    """Does the note's word head the column: its heading, less a 数 either may end with?"""
    return c.kind != "ratio" and heading(c).removesuffix("数") == word.removesuffix("数")


def _arrived_unnamed(side: Side, col: Column, nums: list[Column]) -> bool:
    """`预算安排 | 实际到位 | 实际支出 | 执行率`: a rate naming no stage beside spending and a column of the funds
    that arrived (read as no amount of a role): over the budget or over what arrived, the headers do not say."""
    head = flatten("".join(col.path[-1:]))
    if any(s + "率" in head for s in FIRST_STAGES + LATER_STAGES):
        return False
    spent = any(c.path and STAGE_COLUMN.search(heading(c)) for c in nums)
    arrived = any(c.index < col.index and c not in nums and c.path and _arrived(c) for c in side.columns)
    return spent and arrived


def _arrived(c: Column) -> bool:
    """Is the column one of the funds that arrived, or were issued, and not of the budget?"""
    head = heading(c)  # (its unit note aside: `到位数（万元）`)
    return bool(ARRIVED.search(head)) or bool(ISSUED.search(head)) and c.role not in ("预算数", "调整预算数")


def _same_scope(left: list[Column], col: Column) -> list[Column]:
    """A rate whose header names a scope (`省级增长%` after `全省2024年 | 全省2023年 | 全省增长% | 省级2024年 …`) is
    of that scope's columns alone; where some columns before it name a scope and some none, which ones pair is
    not certain (none). A rate that names no scope, or follows columns that name none (the scope of the whole
    table, said once), takes the columns as they are."""
    scope = col.context.scope
    scoped = [c for c in left if c.context.scope is not None]
    if scope is None or not scoped:
        return left
    if len(scoped) < len(left):
        return []
    return [c for c in left if c.context.scope == scope]


# rates named by the stage of the funds they measure (支出率 = 支出数 / 预算数): the first stages are of the
# budget whatever follows them; a later one (支出, 使用) may be of the funds that arrived (到位数) instead
FIRST_STAGES = ("到位", "拨付")
LATER_STAGES = ("支出", "使用")
# a column of the money at one stage (`到位数`, `支出数`, `拨付资金`, `实际到位`), not a side's outcome (`支出 完成`)
STAGE_COLUMN = regex(r"(?:到位|拨付|支出|使用)(?:数|资金|金额)?$")
ARRIVED = regex(r"(?:到位|拨付)(?:数|资金|金额)?$")
# funds issued (`已下达金额`) read as no budget: such a column too (one read as the budget, `下达资金`, is the base)
ISSUED = regex(r"下达(?:数|资金|金额)?$")


def _outcomes(left: list[Column], col: Column) -> list[Column]:
    """The outcome columns a rate of the budget may be of: any 执行数 / 决算数 for a rate that names no stage
    (执行率, 为预算%); for one named by its stage (到位率), the one column of that stage (到位数), and for a
    later stage only where no other stage stands beside it (`预算数 | 到位数 | 支出数 | 支出率` is not known to
    be of the budget)."""
    nums = [c for c in left if c.role in ("执行数", "决算数")]
    head = flatten("".join(col.path[-1:]))
    stage = next((s for s in FIRST_STAGES + LATER_STAGES if s + "率" in head), None)
    if stage is None:
        # (`预算数 | 到位数 | 到位率 | 支出数 | 执行率`: 执行率 may be 支出数 over 到位数; with outcomes of two
        # stages beside it, which it is of is not known)
        staged = [c for c in nums if c.path and STAGE_COLUMN.search(heading(c))]
        return [] if staged and len(nums) > 1 else nums
    named = [c for c in nums if c.path and stage in c.path[-1]]
    if len(named) != 1 or stage in LATER_STAGES and len(nums) > 1:
        return []
    return named


def _staged(left: list[Column]) -> bool:
    """Do outcomes of two stages stand before a rate (`到位资金 | 实际支出`, `到位数 | 执行数`)?"""
    return sum(1 for c in left if c.path and (STAGE_COLUMN.search(heading(c)) or EXECUTED.fullmatch(heading(c)))) > 1


# the spending named as the budget's execution (`执行数`, `实际执行数`): the money spent, as `实际支出` is
EXECUTED = regex(r"(?:实际)?执行(?:数|额|金额)")


# an execution rate naming no stage (`执行率`, `预算执行率`, `资金执行率`, `%` aside)
UNSTAGED = regex(r"(?:预算|资金)?执行率")


def _one_headed(before: list[Column], pattern: str, stage: str) -> Column | None:
    """The one column whose heading is the stage's (`实际支出`, `到位资金`), where no other names that stage."""
    named = [c for c in before if re.fullmatch(pattern, heading(c))]  # (its unit note aside: `实际支出（万元）`)
    if len(named) != 1 or any(stage in flatten(c.path[-1]) for c in before if c is not named[0]):
        return None
    return named[0]


def _spent_of_either(side: Side, col: Column) -> list[tuple[Column, Column]]:
    """An execution rate naming no stage after the budget, the funds that arrived and the spending (`资金安排 |
    实际到位 | 到位率 | 实际支出 | 执行率`): evaluation reports compute it over what arrived (`执行率=实际支出/
    实际到位`) or over the budget, and the headers do not say which; as for a later stage's rate
    (`_later_stage`) the rate holds if it is of one, a wrong one is of neither. The one spending column, the one
    column of the funds that arrived (or were disbursed) before it, and the one column of the budget or plan
    before that, all of one unit; [] otherwise."""
    if not UNSTAGED.fullmatch(heading(col)):
        return []
    before = [c for c in side.columns if c.index < col.index and c.kind in ("amount", "total", "") and c.path]
    spent = _one_headed(before, r"(?:实际|已)?支出(?:数|额|资金|金额)?", "支出") or _one_headed(
        before, EXECUTED.pattern, "执行"
    )
    arrived = _one_headed(before, r"(?:实际|已)?(?:到位|拨付)(?:数|额|资金|金额)?", "到位")
    if spent is None or arrived is None or arrived.index > spent.index:
        return []
    bases = [c for c in before if c.index < arrived.index and BASE_COLUMN.search(heading(c))]
    if len(bases) != 1 or len({spent.unit, arrived.unit, bases[0].unit}) != 1:
        return []
    return [(spent, arrived), (spent, bases[0])]


def _satisfied_of_valid(side: Side, col: Column) -> list[tuple[Column, Column]]:
    """A survey table's satisfaction rate (`发放数 | 回收数 | 有效数 | 满意及基本满意 | 满意度`): the answers counted
    satisfied over the valid questionnaires. The numerator is the one other column of the side naming 满意 (none
    naming 不满意: with `满意 | 基本满意 | 不满意` apart, which ones the rate counts is not said), the base the
    one column naming 有效 (with none, it may be of those sent out or those returned), both of one unit."""
    others = [c for c in side.columns if c is not col and c.path]
    satisfied = [c for c in others if "满意" in flatten(c.path[-1])]
    valid = [c for c in others if "有效" in flatten(c.path[-1]) and c.kind != "ratio"]
    if len(satisfied) != 1 or len(valid) != 1 or "不满意" in flatten(satisfied[0].path[-1]):
        return []
    num, den = satisfied[0], valid[0]
    return [(num, den)] if num.unit == den.unit and num.kind != "ratio" else []


# a completion rate's heading (`完成率`, `完成比例`, `完成%`), its `%` aside
# a completion rate, named by what was done (完成) or by the works finished (完工: `计划项目 | 完工项目 | 完工率`)
COMPLETION = regex(r"(?P<state>完成|完工)(?:率|比例|比率|%|％)")
PLANNED = "计划"
# a heading's unit note closing it (`完工率（%）`)
UNIT_NOTE = regex(r"[（(][%％][）)]$")
DONE = "实际"


def _planned_and_done(side: Side, col: Column) -> list[tuple[Column, Column]]:
    """A completion rate after a plan and what was done, each headed by the quantity it measures (`计划建设面积 |
    实际建成面积 | 完成率`): the one 实际… column over the one 计划… column before it, where both name the same
    quantity (their headings end in the same word, `面积`) in the same unit; the done one may be headed by the rate's
    own word for it (`计划项目 | 完工项目 | 完工率`). [] otherwise."""
    head = UNIT_NOTE.sub("", flatten("".join(col.path[-1:]))).strip("()（）")
    named = COMPLETION.fullmatch(head)
    if named is None:
        return []
    before = [c for c in side.columns if c.index < col.index and c.kind in ("amount", "") and c.path]
    words = (PLANNED,), (DONE, named.group("state"))
    pair = [[c for c in before if flatten(c.path[-1]).startswith(w)] for w in words]
    if any(len(found) != 1 for found in pair):
        return []
    plan, done = pair[0][0], pair[1][0]
    rest = (flatten(plan.path[-1])[2:], flatten(done.path[-1])[2:])
    if plan.index > done.index or plan.unit != done.unit or not _same_measure(*rest):
        return []
    return [(done, plan)]


def _first_stage(side: Side, col: Column) -> list[tuple[Column, Column]]:
    """A rate named by a first stage (到位率, 拨付率) after columns read as no amount of a role (`计划下达 |
    实际到位 | 到位率`): the one column of that stage (`实际到位`, `到位数`) over the one column of the funds planned,
    issued or budgeted (`计划下达`, `预算安排`): before it, or after it where the table puts what arrived first
    (`实际到位 | 省级下达 | 到位率`; only a plan so, not another stage, which may come after the one rated). []
    when either is not one: which base the rate is of, the headers would not say."""
    head = flatten("".join(col.path[-1:])).rstrip("%％()（）")
    stage = next((s for s in FIRST_STAGES if head.endswith(s + "率")), None)
    if stage is None:
        return []
    before = [c for c in side.columns if c.index < col.index and c.kind in ("amount", "") and c.path]
    done = _one_headed(before, rf"(?:实际|已)?{stage}(?:数|额|资金|金额)?", stage)
    if done is None:
        return []
    bases = [c for c in before if _base_of(c, done)]
    return [(done, bases[0])] if len(bases) == 1 and bases[0].unit == done.unit else []


# a column of the funds planned, issued or budgeted (`下达`, `省级下达`, `预算安排`): the base of a first stage's rate
# wherever it stands
PLAN_COLUMN = regex(r"(?:下达|预算|安排|计划)(?:数|额|资金|金额)?$")


def _base_of(c: Column, done: Column) -> bool:
    """May the column be the base of the stage `done` is of: a stage before it or a plan, left of it; a plan only,
    right of it?"""
    if c.index < done.index:
        return BASE_COLUMN.search(heading(c)) is not None
    return c.index > done.index and PLAN_COLUMN.search(heading(c)) is not None


def _same_measure(a: str, b: str) -> bool:
    """Do two headings (计划/实际 taken off) name one quantity: the same, or ending in the same word of two
    characters or more (`建设面积`, `建成面积`)?"""
    return a == b or len(a) >= 2 and len(b) >= 2 and a[-2:] == b[-2:]


# a column of the money at a stage before spending, or of what was planned or raised: what a later stage's rate
# (支出率) may be of (`发行额 | 到位额 | 支出额 | 支出率`)
BASE_COLUMN = regex(r"(?:到位|拨付|下达|发行|预算|安排|计划)(?:数|额|资金|金额)?$")


def _later_stage(side: Side, col: Column) -> list[tuple[Column, Column]]:
    """A rate named by a later stage (支出率, 使用率) over the columns of the funds before it: the one column of
    that stage (`支出额`, `支出数`) over each column before it of an earlier stage, of the budget, or of what was
    raised (`到位额`, `预算数`, `发行额`). Which of them it is of, the header does not say: the rate holds if it
    is of one (a wrong rate is of none). [] when the stage's column is not one, or no such base stands before it."""
    # (the header's `%` said after the name, `支出率%`, `支出进度(%)`; 进度 is the stage's rate as a share done)
    head = flatten("".join(col.path[-1:])).rstrip("%％()（）")
    stage = next((s for s in LATER_STAGES if head.endswith((s + "率", s + "进度"))), None)
    if stage is None:
        return []
    before = [c for c in side.columns if c.index < col.index and c.kind in ("amount", "total", "") and c.path]
    # the stage's column: `支出额`, `支出数`, the money spent so far, `已支出`, or spent in fact, `实际支出（万元）`
    named = _one_headed(before, rf"(?:已|实际)?{stage}(?:数|额|资金|金额)?", stage)
    if named is None:
        return []
    bases = [c for c in before if c.index < named.index and BASE_COLUMN.search(heading(c))]
    return [(named, d) for d in bases]


def _against_budget(left: list[Column], col: Column) -> list[tuple[Column, Column]]:
    """A change between two stages of one year (`年初预算数 | 决算数 | 增减额`): the one outturn column less
    the one budget column. Where the table has both budgets (年初, 调整) the header must name which one the
    change is of (`比年初预算增减`); a header that names last year or a year is not of this pair."""
    header = "".join(col.path)
    if "上年" in header or YEAR.search(header):
        return []
    nums = [c for c in left if c.role in ("执行数", "决算数")]
    dens = [c for c in left if c.role in ("预算数", "调整预算数")]
    m = NAMED.search(header)
    if m and m.group("num"):
        nums = [c for c in nums if c.role and c.role in _roles(m.group("num"))]
    if m and re.search(r"年初|调整", m.group("den")):
        dens = [c for c in dens if c.role and c.role in _roles(m.group("den"))]
    return [(nums[0], dens[0])] if len(nums) == 1 and len(dens) == 1 else []


def _against_last_year(left: list[Column], col: Column) -> list[tuple[Column, Column]]:
    """The one 上年数 column and the current column (the one the header names: `预算数比上年增减`)."""
    prev = [c for c in left if c.role == "上年数"]
    cur = [c for c in left if c.role in CURRENT]
    m = NAMED.search("".join(col.path))
    if m and m.group("num"):
        cur = [c for c in cur if c.role and c.role in _roles(m.group("num"))]
    if len(prev) == 1 and cur:
        return [(cur[-1], prev[0])]
    return []


def _adjustment(left: list[Column]) -> list[tuple[Column, Column]]:
    """A budget's adjustment rate: the one adjusted budget column (调整后预算) over the one initial (年初预算)."""
    nums = [c for c in left if c.role == "调整预算数"]
    dens = [c for c in left if c.role == "预算数"]
    return [(nums[0], dens[0])] if len(nums) == 1 and len(dens) == 1 else []


def _score_rate(left: list[Column]) -> list[tuple[Column, Column]]:
    """What an indicator scored over what it may score: the one 得分 column over the 分值 column, or over either of
    two (`权重 | 分值 | 得分 | 得分率`: both what the indicator may score, the rate of either)."""
    nums = [c for c in left if c.role == "得分"]
    dens = [c for c in left if c.role == "分值"]
    return [(nums[0], d) for d in dens] if len(nums) == 1 and len(dens) in (1, 2) else []


def _by_year(left: list[Column], col: Column) -> list[tuple[Column, Column]] | None:
    """Operands by the years the headers state (`2025年执行数`, `2026年预算数`); None when fewer than two."""
    years = {c.index: _year(c) for c in left}
    dated = [c for c in left if years[c.index] is not None]
    if len({years[c.index] for c in dated}) < 2:
        return None
    first = min(y for y in years.values() if y is not None)
    last = max(y for y in years.values() if y is not None)
    dens = [c for c in dated if years[c.index] == first]
    nums = [c for c in dated if years[c.index] == last]
    header = "".join(col.path)
    m = NAMED.search(header)
    if m:  # 预算数比上年执行数增长%: numerator and base are the columns the header names
        nums = [c for c in nums if c.role and c.role in _roles(m.group("num"))] or nums
        dens = [c for c in dens if c.role and c.role in _roles(m.group("den"))] or dens
    if len(nums) == 1 and _amid_unyeared(left, nums[0]):
        return []
    return _year_pair(nums, dens)


def _amid_unyeared(left: list[Column], c: Column) -> bool:
    """Does the later year's one column stand between two amount columns of no year (`合计 | 2026年预算数基本支出
    | 项目支出`)? A group's heading centred over its columns, its header read flat, glues the year to the middle one:
    which of the group the change is of is not known."""
    at = {x.index: x for x in left}
    beside = [at.get(c.index - 1), at.get(c.index + 1)]
    return all(x is not None and _year(x) is None for x in beside)


def _same_words_of_years(side: Side, col: Column) -> list[tuple[Column, Column]]:
    """`2024年预算 | 2024年支出 | 执行率 | 2023年支出 | 增减额`: a change after two columns of no kind or role the words
    tell, headed by the same words after two years that follow each other (`2024年支出`, `2023年支出`), is the later
    less the earlier; [] where no such one pair stands before it (`2025年上缴 | 2023年上缴`: no change of one year)."""
    named: dict[str, list[Column]] = {}
    for c in _same_scope([c for c in side.columns if c.index < col.index], col):
        words = _unyeared(c)
        if not c.kind and not c.role and words and _year(c) is not None:
            named.setdefault(words, []).append(c)
    pairs = [
        (a, b)
        for cols in named.values()
        if len(cols) == 2
        for a, b in (sorted(cols, key=lambda c: -(_year(c) or 0)),)
        if (_year(a) or 0) == (_year(b) or 0) + 1
    ]
    return pairs if len(pairs) == 1 else []


YEAR_WORDS = regex(r"(?:19|20)\d{2}年度?")


def _unyeared(col: Column) -> str:
    """The column's heading less its year (`2023年支出`: `支出`)."""
    return YEAR_WORDS.sub("", flatten(heading(col)))


def _year_pair(nums: list[Column], dens: list[Column]) -> list[tuple[Column, Column]]:
    """The later year's column against the earlier year's one: the later year's one column, its group's total,
    else its column at the earlier one's stage; [] where the earlier year has several."""
    if len(dens) != 1:
        return []
    num = _group_total(nums) or _like_stage(nums, dens)
    return [(num, dens[0])] if num is not None else []


def _like_stage(nums: list[Column], dens: list[Column]) -> Column | None:
    """The one column of the later year at the stage of the earlier year's one (`2025年年初预算 | 2025年决算 |
    2024年决算 | 增减额`: 2025年决算 against 2024年决算): a change between two years compares one quantity, and the
    later year's other stage (its budget) is no outcome to compare with an outcome. None where the earlier year
    has several columns or no role, or the later year has no column of that role or more than one."""
    if len(dens) != 1 or not dens[0].role:
        return None
    alike = [c for c in nums if c.role == dens[0].role]
    return alike[0] if len(alike) == 1 else None


def _group_total(cols: list[Column]) -> Column | None:
    """The one column of a year's group that is its total (`2025年预算数` › 合计, beside 基本支出 › 人员经费 …):
    a column alone, the group's 合计/总计, else none (which of the group the change is of is not known)."""
    if len(cols) == 1:
        return cols[0]
    totals = [c for c in cols if c.path and any(w in c.path[-1] for w in ("合计", "总计"))]
    return totals[0] if len(totals) == 1 else None


def _aligned(table: Table, side: Side, col: Column, pairs: list[tuple[Column, Column]]) -> bool:
    """A rate stated where every operand cell is blank means the column's cells do not stand in their
    rows (a PDF table read out of line): the column is not checked."""
    for row in side.rows:
        q = table.quantity(row.index, col.index)
        if q is None or q.value == 0:
            continue
        if all(table.is_blank(row.index, c.index) for pair in pairs for c in pair):
            return False
    return True


def _guarded(outcomes: list[Outcome]) -> list[Outcome]:
    """A rate column that fails in most rows (two or more, more than pass) was not understood: nothing is said
    of it, neither a failure nor a rounding miss. A rounding miss counts neither way, as in the table sums: it
    shows the operands are the right columns, though a figure is a unit off."""
    fails = sum(1 for o in outcomes if o.verdict == "fail")
    passes = sum(1 for o in outcomes if o.verdict == "pass")
    return [] if fails >= 2 and fails > passes else outcomes


def _roles(text: str) -> set[str]:
    r = role_of(text)
    return {r.name} if r else set()


def table_rate_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """Every rate column whose operand columns the headers name, row by row; then the completion rates of the
    indicator tables set out as text that no table reading checked."""
    held: set[int] = set()
    for o in _rate_column_outcomes(ctx):
        held.add(o.anchor.start if isinstance(o.anchor, Quantity) else o.anchor[0])
        yield o
    yield from text_target_rate_outcomes(ctx, held)


def _rate_column_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    for table in ctx.facts.tables:
        defined = {f.column for f in column_formulas(table)}  # TO309 checks them by their formula
        for side in table.sides:
            placed = set(defined)
            for col in side.columns:
                rated = col.kind in ("ratio", "growth", "level") or SATISFACTION.fullmatch(heading(col))
                if not rated or col.index in defined:
                    continue
                noted = noted_operands(table, side, col)
                pairs, unsigned = (noted, False) if noted else read_operands(side, col)
                if pairs and _aligned(table, side, col, pairs):
                    # (a row of rates, `资产负债率(%)`, moves by points in a growth column: no growth of itself)
                    kept = additive_rows(side) if col.kind == "growth" else side.rows
                    rows = (_rate_row(ctx, table, row.index, col, pairs, unsigned) for row in kept)
                    found = _guarded([o for o in rows if o is not None])
                    placed.update([col.index] if found else [])
                    yield from found
            # an indicator table's 完成率 of its 实际完成值 over its 年度指标值 (a target written as a floor, `≥95%`)
            yield from target_rate_outcomes(ctx, table, side, placed)
            # the rates a header names without placing them (a text table's stacked header lines)
            yield from discovered_outcomes(ctx, table, side, placed)
            yield from margin_outcomes(ctx, table, side)
            yield from per_capita_outcomes(ctx, table, side)
            yield from _guarded(list(_laid_down_score_rates(ctx, table, side)))
            yield from _guarded(list(laid_down_growths(ctx, table, side)))


# a score table laid on its side names its rows by what they hold (`分值`, `权重`, `得分`, `指标得分`, `得分率`):
# a short label, not an indicator's name that ends in one (`预算执行率得分`)
_SCORE_ROWS = ("分值", "得分", "得分率")


def _score_rows(side: Side) -> dict[str, int] | None:
    """The grid rows of a table whose columns are indicators and whose rows are 分值 | 得分 | 得分率, each one."""
    found: dict[str, list[int]] = {}
    for row in side.rows:
        label = flatten(row.label)
        r = role_of(label) if len(label) <= 4 else None
        if r is not None and r.name in _SCORE_ROWS:
            found.setdefault(r.name, []).append(row.index)
    if any(len(found.get(k, [])) != 1 for k in _SCORE_ROWS):
        return None
    return {k: v[0] for k, v in found.items()}


def _laid_down_score_rates(ctx: CheckContext, table: Table, side: Side) -> Iterator[Outcome]:
    """Each column's 得分率 against its 得分 over its 分值, in a score table laid on its side (`| 一级指标 | 决策 |
    过程 | … | 合计 |` over rows 分值, 得分, 得分率)."""
    rows = _score_rows(side)
    if rows is None:
        return
    for col in side.columns:
        stated = table.quantity(rows["得分率"], col.index)
        num, den = table.quantity(rows["得分"], col.index), table.quantity(rows["分值"], col.index)
        if stated is None or stated.kind != "percent" or num is None or den is None:
            continue
        if "percent" in (num.kind, den.kind):
            continue
        iv = rate(interval(num), interval(den))
        if iv is None:
            continue
        verdict = ctx.judge(interval(stated), iv, stated.ulp)
        if verdict == "pass":
            yield Outcome(stated, "pass", "rate", operands=[num, den])
            continue
        expected = fmt_rate(num.base_value / den.base_value * HUNDRED, stated)
        exact = pct(num.base_value / den.base_value * HUNDRED)
        msg = f"“{col.header}”的得分率 {stated.text} 与 {num.text}/{den.text} = {exact}% 不符，应为 {expected}"
        where = [(num, "分子"), (den, "分母")]
        yield Outcome(stated, verdict, "rate", where, msg, stated.text, expected, expected, operands=[num, den])


def _rate_row(
    ctx: CheckContext, table: Table, r: int, col: Column, pairs: list[tuple[Column, Column]], unsigned: bool = False
) -> Outcome | None:
    stated = table.quantity(r, col.index)
    if stated is None or stated.kind != "percent":
        return None
    growth = col.kind == "growth"
    kind = "growth" if growth else "rate"
    # (a column of falls, `压减率`, writes a fall without its minus sign: its cell is the growth negated)
    fall = -1 if col.role == FALL else 1
    lo, hi = interval(stated)
    held = (lo, hi) if fall > 0 else (-hi, -lo)
    tried = []
    unit = _row_unit(table, r)
    for n, d in pairs:
        num, den = table.quantity(r, n.index), table.quantity(r, d.index)
        if num is None or den is None or num.kind == "percent" or den.kind == "percent":
            continue
        if unsigned and den.value <= 0:
            continue
        operands = interval(_in_row_unit(num, unit)), interval(_in_row_unit(den, unit))
        for iv in growth_readings(*operands, growth, den.value < 0):
            tried.append((ctx.judge(held, iv, stated.ulp), num, den))
    if not tried:
        return None
    if any(v == "pass" for v, _, _ in tried):
        _, num, den = next(t for t in tried if t[0] == "pass")
        return Outcome(stated, "pass", kind, operands=[num, den])
    _, num, den = tried[0]
    exact = fall * ((num.base_value - den.base_value) if growth else num.base_value) / abs(den.base_value) * HUNDRED
    formula = f"({num.text}−{den.text})/{den.text}" if growth else f"{num.text}/{den.text}"
    if fall < 0:
        formula = f"({den.text}−{num.text})/{den.text}"
    verdict: Verdict = "rounding" if any(v == "rounding" for v, _, _ in tried) else "fail"
    return column_miss(col.header, stated, verdict, kind, formula, exact, [(num, "分子"), (den, "分母")])


# the heading of a column holding each row's unit of measure (`| 指标名称 | 计量单位 | 年度目标值 | 实际完成值 |
# 完成率（%） |`, an indicator table's): its rows' bare figures are in that unit
UNIT_HEADING = regex(r"(?:计量)?单位")


def _row_unit(table: Table, r: int) -> str:
    """The unit the row's own cell states, under the table's one unit column ("" where there is none)."""
    heads = table.rows[: table.header_rows]
    at = {c for row in heads for c, cell in enumerate(row) if UNIT_HEADING.fullmatch(flatten(cell.text))}
    cell = table.cell(r, next(iter(at))) if len(at) == 1 else None
    return flatten(cell.text) if cell is not None else ""


def _in_row_unit(q: Quantity, unit: str) -> Quantity:
    """A bare cell as a count of its row's unit where that unit counts things (`个`, `人次`, `所`): a whole number of
    them is exact, as the same figure written `68个` in prose is (no rounded measure: 公里, 亩 stay rounded); any
    other cell as it stands."""
    if q.kind != "bare" or q.scale != 1 or unit not in COUNTERS:
        return q
    return replace(q, unit=unit, base_unit=unit, kind="count")


# the units that count whole things (quantities' count units, not the measures intervals rounds, nor a duration,
# points, a multiple, an age or a price)
COUNTERS = (
    frozenset(COUNT_UNITS)
    - MEASURES
    - {"个百分点", "个工作日", "个季度", "个月", "分", "倍", "岁", "周岁", "元/人份", "人日"}
)


def table_share_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """Every share column: each row's amount over the table's total (or its parent row's)."""
    for table in ctx.facts.tables:
        for side in table.sides:
            layout = answer_layout(table, side)
            if layout is not None:
                # a survey's answers: each share is of the number who answered, no total of the rows
                yield from answer_share_outcomes(ctx, table, side, layout)
                continue
            for col in side.columns:
                if col.kind == "share":
                    yield from _share_column(ctx, table, side, col)


def _share_column(ctx: CheckContext, table: Table, side: Side, col: Column) -> Iterator[Outcome]:
    left = [c for c in side.columns if c.index < col.index and c.kind in ("amount", "total", "")]
    part_cols = _part_columns(side, col, left)
    if part_cols is None:
        return
    grand = [r for r in side.rows if r.total == "grand"]
    if grand and len(grand) == 1 and left and _not_whole(table, grand[0], col):
        yield from _within_rows(ctx, table, side, col, left, grand[0])
        return
    if not part_cols or len(grand) > 1:
        return
    whole = _whole_row(side, col, grand)
    if whole is None:
        return
    found = _row_shares(ctx, table, side, col, part_cols, grand, whole)
    if grand and whole in ("any", grand[0]) and _of_the_rows_sum(ctx, table, grand[0].index, found):
        # every failing share holds against what the rows add up to: the 合计 row is the figure written wrong,
        # its own finding (TO301) says so once, not once a row (the shares stay checked, as failing)
        found = [replace(o, silent=True) if o.verdict in ("fail", "rounding") else o for o in found]
    yield from found


def _part_columns(side: Side, col: Column, left: list[Column]) -> list[Column] | None:
    """The columns a share column's parts may be in: the total column, else the one amount column its heading
    names (`本期收入占比` of `本期营业收入`), else the amounts before it (a 预算安排 and a 支出金额 column: either may
    be it), the nearest first. None where a column of levels stands between them and the shares."""
    totals = [c for c in left if c.kind == "total"]
    if totals:
        return totals[:1]
    named = named_part(left, col)
    if named is not None:
        return [named]
    if left and any(left[-1].index < c.index < col.index and c.kind == "level" for c in side.columns):
        # `分值 | 平均得分 | 平均扣分 | 扣分占比`: a column of averages stands right before the shares, which may be
        # of it (each indicator's average deduction of their sum), not of the amounts further left
        return None
    return left[::-1]


# a share column's heading less its word of a share (`本期收入占比（%）` → `本期收入`): the figures it is a share of
SHARE_WORDS = regex(r"(?:占比|比重|构成)(?:[（(]?[%％][）)]?)?$")


def named_part(left: list[Column], col: Column) -> Column | None:
    """The one amount column a share column's heading names (`本期营业收入 | 本期营业成本 | 本期毛利率 | 本期收入占比`:
    of 本期营业收入): a heading holding the share's words in their order, ending with the same noun (`收入`, not
    `成本`); none where the share names nothing before its word of a share, or two columns or none fit."""
    name = SHARE_WORDS.sub("", flatten(heading(col)))
    if len(name) < 2 or name == flatten(heading(col)):
        return None
    # (a heading naming the noun's total, `资产总额` for `资产占比`, fits as well: with `净资产` beside it, which
    # of the two the shares are of is not said)
    found = [
        c
        for c in left
        if _holds_in_order(name, (h := flatten(heading(c))))
        and (h.endswith(name[-2:]) or TOTAL_OF.fullmatch(h.removeprefix(name)) is not None)
    ]
    return found[0] if len(found) == 1 else None


TOTAL_OF = regex(r"总额|总计|合计|总数|总量")


def _holds_in_order(words: str, text: str) -> bool:
    """Are `words`' characters all in `text`, in their order (`上年同期收入` in `上年同期营业收入`)?"""
    rest = iter(text)
    return all(ch in rest for ch in words)


def _not_whole(table: Table, grand: Row, col: Column) -> bool:
    """Does the 合计 row state a share other than the whole (`税收占比%` 69.1 beside its 税收 and 收入)? Then the
    column's shares are of something within each row, not of the column's total, and are not read as such. A 小计
    row so stating one (`公司贷款小计 | 1,450.32 | 67.46`) is itself a part of a larger whole: no whole of its
    group's shares, which are of that larger whole as its own is."""
    stated = table.quantity(grand.index, col.index)
    return stated is not None and stated.kind == "percent" and abs(stated.value - HUNDRED) > 1


def _within_rows(
    ctx: CheckContext, table: Table, side: Side, col: Column, left: list[Column], grand: Row
) -> Iterator[Outcome]:
    """A share column whose 合计 row states a share other than the whole (`其中：税收 | 税收占比%`, 69.1 in the 合计
    row) is the amount right before it over another amount of its row: the one the 合计 row's share holds
    against, where exactly one does. Each row's share is then held to its own two figures."""
    part_col = _within_part(left, col)
    if part_col is None:
        return
    stated = table.quantity(grand.index, col.index)
    part = table.quantity(grand.index, part_col.index)
    if stated is None or part is None:
        return
    wholes = []
    for c in left:
        if c is part_col:
            continue
        whole = table.quantity(grand.index, c.index)
        iv = ratio(interval(part), interval(whole)) if whole is not None and whole.value else None
        if iv is not None and ctx.judge(interval(stated), iv, stated.ulp) == "pass":
            wholes.append(c)
    if len(wholes) != 1:
        return
    for row in side.rows:
        stated = table.quantity(row.index, col.index)
        part = table.quantity(row.index, part_col.index)
        whole = table.quantity(row.index, wholes[0].index)
        if stated is None or stated.kind != "percent" or part is None or whole is None or not whole.value:
            continue
        o = _share(ctx, stated, part, [whole], col)
        if o is not None:
            yield o


def _within_part(left: list[Column], col: Column) -> Column | None:
    """The column a share within each row is of: the one right before it, or, where that is the row's total
    (`税收收入 | 非税收入 | 收入合计 | 税收占比%`), the one other column whose heading opens with the share's name
    (the total itself where the share's name opens with the total's)."""
    if left[-1].kind != "total":
        return left[-1]
    name = SHARE_WORDS.sub("", flatten(heading(col)))
    # (`余额合计 | 余额占限额比重%`: the total the share's name opens with is its part)
    stem = flatten(heading(left[-1])).removesuffix("合计").removesuffix("总计")
    if len(stem) >= 2 and name.startswith(stem):
        return left[-1]
    found = [c for c in left if c.kind != "total" and len(name) >= 2 and flatten(heading(c)).startswith(name)]
    return found[0] if len(found) == 1 else None


# a share column's heading naming its whole (`占土地总面积比重`, `占全部支出的比例`): the words between 占 and the share's
HEADING_WHOLE = regex(r"^占(?P<whole>[\u4e00-\u9fff]{2,}?)的?(?:比重|比例|构成|份额)$")


def _whole_row(side: Side, col: Column, grand: list[Row]) -> Row | Literal["any"] | None:
    """The row a share column's heading names as its whole (`占土地总面积比重`: the row 土地总面积, first of the table
    or not), where exactly one row bears that name; "any" where the heading names no whole (`占比`, `构成%`: the
    table's total, a row's parent or its 小计 may be it). A heading naming a whole no row bears is of the table's
    total row (`占支出总额比重` of a 合计 row), never of a row's parent: None (no share read) where there is none, or
    where the heading names a whole of the vocabulary's the total row is not (`占总资产比例` beside a 负债合计)."""
    if not _whole_named(col, grand):
        return None
    named = HEADING_WHOLE.fullmatch(flatten(heading(col)))
    if named is None:
        return "any"
    rows = [r for r in side.rows if row_item(r.label) == named.group("whole")]
    if len(rows) == 1:
        return rows[0]
    return grand[0] if grand and not rows else None


def _row_shares(
    ctx: CheckContext,
    table: Table,
    side: Side,
    col: Column,
    part_cols: list[Column],
    grand: list[Row],
    whole: Row | Literal["any"],
) -> list[Outcome]:
    """Each row's share against the wholes it may be of: the row the column's heading names as its whole, else the
    table's total, the row's parent, and the 小计 that closes its group (a subtotal's own share of its group is
    100%)."""
    by_row: list[list[tuple[int, Outcome]]] = []
    own = grand[0] if whole == "any" and grand else whole  # (the whole's row: no share of itself)
    for k, row in enumerate(side.rows):
        stated = table.quantity(row.index, col.index)
        if stated is None or stated.kind != "percent" or row is own:
            continue
        wholes = [whole] if isinstance(whole, Row) else _wholes_of_row(table, side, col, k, grand)
        tried = _share_of_each(ctx, table, col, stated, row.index, part_cols, [r.index for r in wholes])
        if tried:
            by_row.append(tried)
    of = _agreed_column(by_row)
    return [_row_outcome(tried, of) for tried in by_row]


def _wholes_of_row(table: Table, side: Side, col: Column, k: int, grand: list[Row]) -> list[Row]:
    """The wholes the `k`th row's share may be of where the heading names none: the table's total, the row's parent,
    and the 小计 that closes its group, unless that 小计 states a share of its own other than the whole."""
    row = side.rows[k]
    wholes = [*grand, *([side.rows[row.parent]] if row.parent is not None else [])]
    closing = [r for r in side.rows[k:] if r.total == "sub"][:1]
    return wholes + [r for r in closing if not _not_whole(table, r, col)]


def _agreed_column(by_row: list[list[tuple[int, Outcome]]]) -> int | None:
    """The one amount column the rows' holding shares are all of (`累计 | 上年同期 | 同比% | 占比%`: the shares hold
    against 累计 only), where two rows or more hold and all against one column."""
    held = [{c for c, o in tried if o.verdict == "pass"} for tried in by_row]
    held = [cols for cols in held if cols]
    common = set.intersection(*held) if len(held) >= 2 else set()
    return next(iter(common)) if len(common) == 1 else None


def _row_outcome(tried: list[tuple[int, Outcome]], of: int | None) -> Outcome:
    """A row's share: the column it holds against, else the finding against the column the other rows' shares
    are of (the fix then says the share of that column), else the nearest column's finding."""
    passing = next((o for _, o in tried if o.verdict == "pass"), None)
    if passing is not None:
        return passing
    return next((o for c, o in tried if c == of), tried[0][1])


def _of_the_rows_sum(ctx: CheckContext, table: Table, grand: int, found: list[Outcome]) -> bool:
    """Do the missing shares, all of them, hold against the sum of the rows the 合计 row totals (in their part's
    column) where they miss the 合计 row's own figure? Two failing shares or more, or misses by rounding only (a
    total off by little moves a share by its last digit)."""
    failing = [o for o in found if o.verdict in ("fail", "rounding") and len(o.operands) == 2]
    if not failing or 0 < sum(o.verdict == "fail" for o in failing) < 2:
        return False
    sums = _rows_sums(table, grand)
    for o in failing:
        part, whole = o.operands
        base = sums.get(id(whole))
        iv = ratio(interval(part), interval(base)) if base is not None and base.value else None
        stated = o.anchor
        if iv is None or not isinstance(stated, Quantity) or ctx.judge(interval(stated), iv, stated.ulp) == "fail":
            return False
    return True


def _rows_sums(table: Table, grand: int) -> dict[int, Quantity]:
    """What the rows the 合计 row (grid row `grand`) totals add up to, column by column, as a figure written like
    the 合计 cell, by the id of that cell's figure; only where the relation adds every part and each is filled."""
    sums: dict[int, Quantity] = {}
    for rel in all_relations(table):
        if rel.kind == "total" and rel.total[0] == grand and not any(sign < 0 for sign in rel.signs):
            cells = [table.quantity(r, c) for r, c in rel.parts]
            total = table.quantity(*rel.total)
            if total is not None and all(q is not None for q in cells):
                sums[id(total)] = replace(total, value=sum((q.value for q in cells if q is not None), Decimal(0)))
    return sums


SHARE_WHOLES = {str(k): tuple(map(str, v)) for k, v in (load("tables").get("share_wholes") or {}).items()}


def _whole_named(col: Column, grand: list[Row]) -> bool:
    """Is the total row the whole the share column names, where it names one (`占总资产比例` of a 资产总计 row)? A
    share naming no such whole is of the table's total row, whatever its name."""
    header = flatten(col.header)
    names = next((v for k, v in SHARE_WHOLES.items() if k in header), None)
    return names is None or bool(grand) and flatten(grand[0].label) in names


def _share_of_each(
    ctx: CheckContext, table: Table, col: Column, stated: Quantity, row: int, part_cols: list[Column], wholes: list[int]
) -> list[tuple[int, Outcome]]:
    """The share against each column it may be of (the nearest first), with the column's index."""
    found = []
    for part_col in part_cols:
        part = table.quantity(row, part_col.index)
        bases = [q for r in wholes if (q := table.quantity(r, part_col.index)) is not None]
        o = _share(ctx, stated, part, bases, col) if part is not None and bases else None
        if o is not None:
            found.append((part_col.index, o))
    return found


def _share(ctx: CheckContext, stated: Quantity, part: Quantity, bases: list[Quantity], col: Column) -> Outcome | None:
    verdicts = []
    for whole in bases:
        iv = ratio(interval(part), interval(whole))
        if iv is not None:
            verdicts.append((ctx.judge(interval(stated), iv, stated.ulp), whole))
    if not verdicts:
        return None
    ok = next((w for v, w in verdicts if v == "pass"), None)
    if ok is not None:
        return Outcome(stated, "pass", "share", operands=[part, ok])
    _, whole = verdicts[0]
    exact = part.base_value / whole.base_value * HUNDRED
    verdict: Verdict = "rounding" if any(v == "rounding" for v, _ in verdicts) else "fail"
    return column_miss(
        col.header, stated, verdict, "share", f"{part.text}/{whole.text}", exact, [(part, "部分"), (whole, "合计")]
    )
