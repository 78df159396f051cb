"""Rate columns whose operands the headers name by what they are, not by a stage or a year: a completion rate
that names its base (`完成全年预算（%）`), a ratio the vocabulary defines (`资产负债率` of `资产总额 | 负债总额`),
the change of a balance over the year (`年初数 | 年末数 | 增减率`), and the 同比 of one quantity named in two
columns (`利润总额 | 上年利润总额 | 利润同比`). Each reading takes only columns it finds exactly once; otherwise
it gives nothing and the column is not checked.
"""

from __future__ import annotations

import re

from tieout.linter.parse.tables import Column, Side
from tieout.linter.parse.tables.cells import flatten
from tieout.linter.parse.tables.vocab import HEADING_NOTE, SPAN, without_percent
from tieout.linter.patterns import regex
from tieout.linter.vocab import load, quotients

Pairs = list[tuple[Column, Column]]

_RATES = load("tables").get("row_rates") or {}
# the words by which a rate (a column's, or the prose's: text_rates) names its base: the initial budget (年初), the
# adjusted one (调整, 变动, 全年预算), a target, last year
BASE_WORDS = {str(k): tuple(str(w) for w in v) for k, v in (_RATES.get("base_words") or {}).items()}
# the ends of a heading that names a target (`年度指标值`, `目标值`): the base of a completion rate
TARGET_ENDS = tuple(str(w) for w in load("relations").get("target_words") or [])


def heading(col: Column) -> str:
    """A column's deepest heading, its note of unit or % (`（万元）`, `（%）`) and a bare `%` taken off."""
    return HEADING_NOTE.sub("", without_percent(flatten(col.path[-1]) if col.path else ""))


def named_base(dens: list[Column], col: Column) -> list[Column]:
    """The budget columns a completion rate may be of, once its header names the base: `完成全年预算（%）` is
    not of a column headed 年初 (`年初预算数`), `完成年初预算（%）` not of an adjusted budget (`全年预算数`,
    `调整预算数`). A header naming neither, or both, leaves them all (the adjusted one first: a finding names
    it); a budget column naming neither (`预算数`) stays either way."""
    header = flatten("".join(col.path))
    initial = any(w in header for w in BASE_WORDS.get("initial", ()))
    adjusted = any(w in header for w in BASE_WORDS.get("adjusted", ()))
    if initial and not adjusted:
        return [c for c in dens if c.role != "调整预算数"]
    if adjusted and not initial:
        # (the adjusted budget first, as below: beside `调整预算数` a plain `预算数` is the initial one, and a
        # finding on `为调整预算%` must name the budget it says)
        kept = [c for c in dens if not any(w in flatten("".join(c.path)) for w in BASE_WORDS.get("initial", ()))]
        return sorted(kept, key=lambda c: c.role != "调整预算数")
    return sorted(dens, key=lambda c: c.role != "调整预算数")


def defined_ratio(side: Side, col: Column) -> Pairs:
    """A column headed by a defined ratio's name (`资产负债率（%）`): the one column of the side whose heading
    holds a word of its numerator (`负债总额`) over the one holding a word of its denominator (`资产总额`),
    both in one unit. [] when either is not found exactly once."""
    head = heading(col)
    found = [words for name, words in quotients().items() if head.endswith(name)]
    if len(found) != 1:
        return []
    others = [c for c in side.columns if c is not col and c.kind not in ("ratio", "growth", "share")]
    nums, dens = ([c for c in others if any(w in heading(c) for w in ws)] for ws in found[0])
    if len(nums) != 1 or len(dens) != 1 or nums[0] is dens[0] or nums[0].unit != dens[0].unit:
        return []
    return [(nums[0], dens[0])]


def _balance_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    t = load("tables").get("balances") or {}
    return tuple(map(str, t.get("opening") or [])), tuple(map(str, t.get("closing") or []))


def opening_closing(left: list[Column]) -> Pairs:
    """The change of a balance over the year (`年初数 | 年末数 | 增减额 | 增减率`): the one closing column (年末数,
    期末余额) less, or over, the one opening column (年初数, 期初余额) before it. [] unless each is one."""
    opening, closing = _balance_words()
    starts = [c for c in left if heading(c) in opening]
    ends = [c for c in left if heading(c) in closing]
    if len(starts) != 1 or len(ends) != 1:
        return []
    return [(ends[0], starts[0])]


# a heading of last year's figure of a quantity (`上年利润总额`, `上年同期营业收入`): the quantity after it
LAST_YEAR = regex(r"^上年(?:同期)?(?P<q>.{2,})$")
THIS_YEAR = ("", "本年", "本期", "当年", "今年")
# what a growth column's heading says besides naming its quantity (`利润同比（%）`, `营业收入增长率`); a change
# column's says the same of an amount (`增减额`, `变动额`: the change of the quantity the other columns name)
GROWTH_WORDS = regex(r"比上年|上年同期|同比|(?:增长|增减|增幅|变动)(?:额|数)?|率")


def same_quantity(side: Side, col: Column) -> Pairs:
    """The 同比 of one quantity named in two columns (`利润总额 | 上年利润总额 | 利润同比（%）`): among the columns
    after the rate column before it, the one headed 上年X over the one headed X (or 本年X); where the rate's
    heading names its quantity (`利润同比`), X must hold it. [] unless each is found once."""
    prior = [c.index for c in side.columns if c.index < col.index and c.kind in ("ratio", "growth", "share")]
    group = [c for c in side.columns if max(prior, default=-1) < c.index < col.index and c.kind in ("amount", "")]
    last = [(c, m.group("q")) for c in group if (m := LAST_YEAR.match(heading(c)))]
    if len(last) != 1:
        return _two_years(group, col)
    prev, q = last[0]
    cur = [c for c in group if c is not prev and heading(c) in {w + q for w in THIS_YEAR}]
    named = GROWTH_WORDS.sub("", heading(col))
    if len(cur) != 1 or named and named not in q or cur[0].unit != prev.unit:
        return []
    return [(cur[0], prev)]


# a column headed by a year and its quantity (`2024年上缴`): the year, and what follows it
YEAR_OF = regex(r"^(?P<year>(?:19|20)\d{2})年(?P<q>[\u4e00-\u9fff]{2,})$")


def _two_years(group: list[Column], col: Column) -> Pairs:
    """`企业名称 | 2024年上缴 | 2023年上缴 | 增减额`: the change of one quantity named in two columns by two years
    that follow each other, the later over the earlier. Only where they are the only columns of the group, name
    the same quantity after their years, and the change column's heading names no other."""
    dated = [(c, m) for c in group if (m := YEAR_OF.match(heading(c)))]
    if len(dated) != 2 or len(group) != 2 or dated[0][1].group("q") != dated[1][1].group("q"):
        return []
    (a, ma), (b, mb) = dated
    years = int(ma.group("year")), int(mb.group("year"))
    if abs(years[0] - years[1]) != 1 or a.unit != b.unit:
        return []
    named = re.sub(r"[%％（）()\s]", "", GROWTH_WORDS.sub("", heading(col)))
    if named and named not in ma.group("q"):
        return []
    return [(a, b)] if years[0] > years[1] else [(b, a)]


# a heading opening with a span of the year (`1-6月执行数`, `上半年`), after a year or not (`2024年1-6月`): the
# outturn of those months; the span read as the months it runs over, whatever dash or name it is written with
YEAR_SPAN = regex(rf"^(?:(?P<year>(?:19|20)\d{{2}})年)?(?P<span>{SPAN})")
NAMED_SPANS = {"上半年": "1-6", "前两季度": "1-6", "前二季度": "1-6", "前三季度": "1-9"}
SPAN_DASH = regex(r"[—–\-－~～至]")


def _span(col: Column) -> tuple[int | None, str] | None:
    """The year (None when the heading names none) and the months a column's heading opens with."""
    m = YEAR_SPAN.match(heading(col))
    if m is None:
        return None
    span = m.group("span").removesuffix("累计").removesuffix("月")
    span = NAMED_SPANS.get(span, SPAN_DASH.sub("-", span))
    return (int(m.group("year")) if m.group("year") else None), span


def same_span(side: Side, col: Column) -> Pairs:
    """A half-year or quarterly table's change (`2025年预算数 | 1-6月执行数 | 2024年1-6月 | 增减额 | 增减%`): the
    outturn of the months against the same months of the year before. The earlier column is the one headed by
    the earliest year and a span (`2024年1-6月`, of no role but an outturn's); the later, the one outturn column
    of the same months headed by the next year, or by no year where another column names the next year (the
    undated months are then that year's: `2025年预算数` beside them). [] unless each is found once and the
    earlier year heads no other column."""
    left = [c for c in side.columns if c.index < col.index and c.kind in ("amount", "total", "")]
    spans = {c.index: s for c in left if (s := _span(c)) is not None}
    dated = [(y, c) for c in left if (y := _heading_year(c, spans)) is not None]
    first = min((y for y, _ in dated), default=None)
    prev = [c for y, c in dated if y == first]
    if first is None or len(prev) != 1 or prev[0].index not in spans or prev[0].role not in ("", "执行数"):
        return []
    later = {c.index for y, c in dated if y == first + 1}
    cur = [c for c in left if c.role == "执行数" and _same_months(c, spans, spans[prev[0].index][1], later)]
    if len(cur) != 1 or cur[0].unit != prev[0].unit:
        return []
    return [(cur[0], prev[0])]


def _same_months(c: Column, spans: dict[int, tuple[int | None, str]], months: str, later: set[int]) -> bool:
    """Is the column of the months given, headed by the next year (`later`), or by none beside a column that is?"""
    if c.index not in spans or spans[c.index][1] != months:
        return False
    return c.index in later or spans[c.index][0] is None and bool(later)


def _heading_year(col: Column, spans: dict[int, tuple[int | None, str]]) -> int | None:
    """The year a column's heading names (`2025年预算数`, `2024年1-6月`), None for none."""
    if col.index in spans:
        return spans[col.index][0]
    p = col.context.period
    return int(p[:4]) if p and p[:4].isdigit() else None
