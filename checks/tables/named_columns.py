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
from tieout.linter.parse.tables.vocab import HEADING_NOTE, without_percent
from tieout.linter.vocab import load, quotients

Pairs = list[tuple[Column, Column]]

_RATES = load("tables").get("row_rates") or {}
# the words by which a rate (a column's, or the prose's: text_rates) names its base: the initial budget (年初), the
# adjusted one (调整, 变动, 全年预算), a target, last year
BASE_WORDS = {str(k): tuple(str(w) for w in v) for k, v in (_RATES.get("base_words") or {}).items()}


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
LAST_YEAR = re.compile(r"^上年(?:同期)?(?P<q>.{2,})$")
THIS_YEAR = ("", "本年", "本期", "当年", "今年")
# what a growth column's heading says besides naming its quantity (`利润同比（%）`, `营业收入增长率`); a change
# column's says the same of an amount (`增减额`, `变动额`: the change of the quantity the other columns name)
GROWTH_WORDS = re.compile(r"比上年|上年同期|同比|(?:增长|增减|增幅|变动)(?:额|数)?|率")


def same_quantity(side: Side, col: Column) -> Pairs:
    """The 同比 of one quantity named in two columns (`利润总额 | 上年利润总额 | 利润同比（%）`): among the columns
    after the rate column before it, the one headed 上年X over the one headed X (or 本年X); where the rate's
    heading names its quantity (`利润同比`), X must hold it. [] unless each is found once."""
    prior = [c.index for c in side.columns if c.index < col.index and c.kind in ("ratio", "growth", "share")]
    group = [c for c in side.columns if max(prior, default=-1) < c.index < col.index and c.kind in ("amount", "")]
    last = [(c, m.group("q")) for c in group if (m := LAST_YEAR.match(heading(c)))]
    if len(last) != 1:
        return []
    prev, q = last[0]
    cur = [c for c in group if c is not prev and heading(c) in {w + q for w in THIS_YEAR}]
    named = GROWTH_WORDS.sub("", heading(col))
    if len(cur) != 1 or named and named not in q or cur[0].unit != prev.unit:
        return []
    return [(cur[0], prev)]
