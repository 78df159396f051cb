"""Rate columns whose operands the header does not place: a table laid out with spaces whose header lines
(`2024年 2025年` / `决算数 预算数` / `金额 占预算% 增长%`) cannot be matched to its columns. The header still says
which rates the table holds; the rows say which columns they are of. A column of percentages that is, in
nearly every row, one amount column over another (or that ratio less 100%) is that rate, and the rows where
it is not are reported (as inferred: warnings)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from itertools import permutations

from tieout.linter.figures.intervals import HUNDRED, Interval, fmt, growth_readings
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.tables import Side, Table
from tieout.linter.parse.tables.cells import flatten
from tieout.linter.patterns import regex
from tieout.linter.rules.base import CheckContext, Outcome

RATIO_WORDS = regex(r"占预算|为预算|完成预算|预算完成|执行率|完成率|为上年")
GROWTH_WORDS = regex(r"增长|增减|同比")
MIN_ROWS = 5  # rows a formula must hold in before the column is taken for it; it may miss in one row in ten
MIN_SHARE = Decimal("0.9")  # the share of a column's figures written as percentages
NEAREST = 6  # amount columns before a rate column that may be its operands
Cells = dict[int, Quantity]  # grid column → figure, one row


def _written(q: Quantity) -> Interval:
    """The interval of the number as written (a table's unit does not scale a percentage)."""
    half = Decimal(5).scaleb(-q.decimals - 1)
    return q.value - half, q.value + half


def _holds(ctx: CheckContext, p: Quantity, num: Quantity, den: Quantity, growth: bool) -> bool | None:
    """Does the row's percentage hold for its operands (None: not asked of this row)? A row of rates among the
    amounts (`加权平均净资产收益率 | 9.12% | 8.87% | 0.25%`) states its change in points, with a % sign or without,
    not the column's ratio: not asked of it, as a header-placed rate column does not ask it either. (Written with
    its sign: the kind a misread header gave a cell says nothing here.)"""
    if _with_percent_sign(num) or _with_percent_sign(den):
        return None
    readings = growth_readings(_written(num), _written(den), growth, den.value < 0)
    if not readings:
        return None
    return any(ctx.judge(_written(p), iv, p.ulp) != "fail" for iv in readings)


def _with_percent_sign(q: Quantity) -> bool:
    """Is the figure written with a % sign (`9.12%`), not only read as a percentage by its column's header?"""
    return q.text.rstrip().endswith(("%", "％"))


def _percent_like(q: Quantity) -> bool:
    """Written as a percentage, or as a rate is (one or two decimals, no thousands separator, below 1000),
    whatever unit a misread header gave it; an amount in 万元 with two decimals is not."""
    if _with_percent_sign(q):
        return True
    return 0 < q.decimals <= 2 and abs(q.value) < 1000 and "," not in q.text


def discovered_outcomes(ctx: CheckContext, table: Table, side: Side, done: set[int]) -> Iterator[Outcome]:
    """The rows of each rate column the header names but does not place, against the operands they fit."""
    header = flatten(" ".join(c.text for row in table.rows[: table.header_rows] for c in row))
    growth_named, ratio_named = bool(GROWTH_WORDS.search(header)), bool(RATIO_WORDS.search(header))
    if not (growth_named or ratio_named):
        return
    rows = [
        {c.index: q for c in side.columns if (q := table.quantity(r.index, c.index)) is not None} for r in side.rows
    ]
    columns = [c.index for c in side.columns]
    percent = {c for c in columns if _percent_column(rows, c)}
    for p in columns:
        if p in done or p not in percent:
            continue
        # its operands stand among the nearest amount columns before it (bounded: a sheet of a thousand
        # columns would otherwise try a million pairs for each)
        amounts = [c for c in columns if c < p and c not in percent][-NEAREST:]
        fit = _fit(ctx, rows, p, amounts, growth_named, ratio_named)
        if fit is not None:
            yield from _judged(ctx, rows, p, fit)


def _percent_column(rows: list[Cells], p: int) -> bool:
    values = [r[p] for r in rows if p in r]
    like = sum(1 for q in values if _percent_like(q))
    return len(values) >= MIN_ROWS and like >= MIN_SHARE * len(values)


Fit = tuple[int, int, bool, int, int]  # numerator, denominator, growth?, rows it holds in, rows with figures


def _fit(ctx: CheckContext, rows: list[Cells], p: int, amounts: list[int], growth: bool, ratio_: bool) -> Fit | None:
    """The one (numerator, denominator, growth?) the column holds for in nearly every row."""
    best: list[Fit] = []
    for n, d in permutations(amounts, 2):
        for g in [x for x, named in ((False, ratio_), (True, growth)) if named]:
            fit = _tried(ctx, rows, p, n, d, g)
            if fit is not None:
                best.append(fit)
    return best[0] if len(best) == 1 else None  # two formulas that fit alike: which it is is not known


def _tried(ctx: CheckContext, rows: list[Cells], p: int, n: int, d: int, growth: bool) -> Fit | None:
    """The formula's fit over the rows, given up as soon as it misses more than it may (most pairs of columns
    miss at once: a sheet of many columns costs little more than its rows)."""
    with_figures = [r for r in rows if p in r and n in r and d in r]
    allowed = max(1, len(with_figures) // 10)
    held = missed = 0
    for r in with_figures:
        verdict = _holds(ctx, r[p], r[n], r[d], growth)
        if verdict is None:
            continue
        held += verdict
        missed += not verdict
        if missed > allowed:
            return None
    return (n, d, growth, held, held + missed) if held >= MIN_ROWS else None


def _judged(ctx: CheckContext, rows: list[Cells], p: int, fit: Fit) -> Iterator[Outcome]:
    n, d, growth, held_in, judged = fit
    kind = "growth" if growth else "rate"
    for r in rows:
        if p not in r or n not in r or d not in r:
            continue
        stated, num, den = r[p], r[n], r[d]
        held = _holds(ctx, stated, num, den, growth)
        if held is None:
            continue
        if held:
            yield Outcome(stated, "pass", kind, operands=[num, den])
            continue
        exact = ((num.value - den.value) if growth else num.value) / abs(den.value) * HUNDRED
        expected = f"{fmt(exact, stated.decimals)}"
        formula = f"({num.text}−{den.text})/{den.text}" if growth else f"{num.text}/{den.text}"
        msg = (
            f"比率列的 {stated.text} 与本行 {formula} = {fmt(exact, 2)}% 不符（该列 {judged} 行中有 {held_in} 行"
            f"等于这两列之比{'减 100%' if growth else ''}）"
        )
        related = [(num, "分子"), (den, "分母")]
        yield Outcome(stated, "fail", kind, related, msg, stated.text, expected, None, False, [num, den])
