"""Interval arithmetic for stated figures (the XBRL Calculations 1.1 idea).

A figure written with d decimals stands for every value that rounds (half up) or truncates to it:
[v − u/2, v + u) with u = 10^−d (a share printed 66.66% for 2/3 is accepted). A figure written without
decimals (`40 公里`, `8105 万元`, `95%`) stands for the values that round to it, [v − u/2, v + u/2], as
XBRL reads a figure's precision: taken as possibly truncated, a whole number would reach a full unit up,
which for small figures turns a plain miss into rounding (36 / 40 公里 would reach 93.7%, and a stated 95%
would pass for a rounding slip of a ratio that is 90%).

A relation holds when the interval of the computed value meets the interval of the stated one. When it
misses by at most one unit of the stated last digit it is a rounding matter, never an error.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from tieout.linter.figures.quantities import Quantity

Verdict = Literal["pass", "rounding", "fail"]
Interval = tuple[Decimal, Decimal]
HUNDRED = Decimal(100)


# units of measure (rounded like amounts), as opposed to counted things
MEASURES = {
    "公里",
    "平方米",
    "亩",
    "吨",
    "小时",
    "个月",
    "天",
    "倍",
    "岁",
    "周岁",
    "个工作日",
    "平方公里",
    "千米",
    "公顷",
    "立方米",
    "千瓦时",
    "千瓦",
    "公斤",
    "斤",
    "千克",
    "课时",
    "学时",
}


def interval(q: Quantity, value: Decimal | None = None) -> Interval:
    """Interval of a quantity in base units (元, 人, % …); `value` overrides the base value (unit slips)."""
    v = q.base_value if value is None else value
    u = q.ulp * q.scale
    if v == 0 and not q.approx and q.kind != "percent":
        return v, v  # `0 万元` is nothing, whatever its precision (a rate of `0.0%`, `-0.0%` is one rounded to it)
    if q.kind == "count" and q.decimals == 0 and q.scale == 1 and not q.approx and q.base_unit not in MEASURES:
        return v, v  # 2 个, 12 所, 12,500 人: a count of things is exact, not a rounded measurement
    if q.approx:
        # 3300 余 / 约 2500: as wide as the figure's last non-zero digit, either way
        digits = str(abs(q.value)).split(".")[0]
        zeros = len(digits) - len(digits.rstrip("0")) if q.decimals == 0 and digits != "0" else 0
        u = Decimal(10) ** zeros * q.ulp * q.scale
        return v - u, v + u
    if q.decimals == 0:
        return v - u / 2, v + u / 2  # a whole number is rounded, not truncated
    if v > 0 or v == 0 and not v.is_signed():
        return v - u / 2, v + u
    return v - u, v + u / 2  # (`-0.0`: a fall rounded to nothing, below zero)


def rounding_unit(q: Quantity) -> Decimal:
    """One unit of the figure's last digit, in base units; nothing for figures that are exact by nature
    (a zero, a count of things), which no rounding can excuse."""
    return interval_and_unit(q)[1]


def interval_and_unit(q: Quantity) -> tuple[Interval, Decimal]:
    """`interval(q)` and `rounding_unit(q)` together, the interval computed once (the unit is read from it)."""
    bounds = interval(q)
    return bounds, (Decimal(0) if bounds[0] == bounds[1] else q.ulp * q.scale)


def unit_of(figures: list[Quantity]) -> Decimal:
    """The rounding band of a relation: one unit of the last digit of its least precise rounded figure."""
    return max((rounding_unit(q) for q in figures), default=Decimal(0))


def add(intervals: list[Interval]) -> Interval:
    return sum((a for a, _ in intervals), Decimal(0)), sum((b for _, b in intervals), Decimal(0))


def sub(x: Interval, y: Interval) -> Interval:
    return x[0] - y[1], x[1] - y[0]


def rolled(ins: list[Quantity], outs: list[Quantity]) -> Interval:
    """What a stock rolled forward comes to: what comes in (its opening among them) less what goes out."""
    return sub(add([interval(q) for q in ins]), add([interval(q) for q in outs]))


def mul(x: Interval, y: Interval) -> Interval:
    c = [x[0] * y[0], x[0] * y[1], x[1] * y[0], x[1] * y[1]]
    return min(c), max(c)


def signed(iv: Interval, up: bool) -> Interval:
    """A stated size as a signed interval: itself for a move up, its negative for a move down."""
    return iv if up else (-iv[1], -iv[0])


def ratio(num: Interval, den: Interval, factor: Decimal = HUNDRED) -> Interval | None:
    """num / den × factor; None when the denominator may be zero."""
    if den[0] <= 0 <= den[1]:
        return None
    cands = [num[0] / den[0], num[0] / den[1], num[1] / den[0], num[1] / den[1]]
    return min(cands) * factor, max(cands) * factor


def rate(num: Interval, den: Interval, growth: bool = False, negative_base: bool = False) -> Interval | None:
    """num / den in %, or for a growth (num − den) / den, over the size of a negative base (a change over a
    negative base is stated over its size); None when the denominator may be zero."""
    if growth:
        num = sub(num, den)
        if negative_base:
            den = signed(den, False)
    return ratio(num, den)


def growth_readings(num: Interval, den: Interval, growth: bool, negative_base: bool) -> list[Interval]:
    """The intervals a stated rate may be read as: one, but for a growth over a negative base two, since
    publishers write that change either over the base's size or as the plain (num − den) / den a spreadsheet
    gives (a loss that deepens then shows a positive growth); which one a table followed is not said, so a
    cell is wrong only when it is neither."""
    readings = [rate(num, den, growth, negative_base)]
    if growth and negative_base:
        readings.append(rate(num, den, growth))
    return [iv for iv in readings if iv is not None]


def meet(intervals: list[Interval]) -> Interval | None:
    """The values every interval holds; None when they do not all meet."""
    low, high = max(i[0] for i in intervals), min(i[1] for i in intervals)
    return (low, high) if low <= high else None


def gap(x: Interval, y: Interval) -> Decimal:
    if x[1] < y[0]:
        return y[0] - x[1]
    if y[1] < x[0]:
        return x[0] - y[1]
    return Decimal(0)


def judge(stated: Interval, computed: Interval, unit: Decimal) -> Verdict:
    """`unit` is one unit of the stated figure's last digit (in base units)."""
    g = gap(stated, computed)
    if g == 0:
        return "pass"
    return "rounding" if g <= unit else "fail"


def rounded(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def fmt(value: Decimal, decimals: int | None = None) -> str:
    """A decimal as a report would write it: thousands separators off, trailing zeros as stated."""
    if decimals is not None:
        value = rounded(value, decimals)
        return f"{value:.{decimals}f}" if decimals > 0 else f"{value:.0f}"
    text = format(value.normalize(), "f")
    return text


def fmt_rate(percent: Decimal, stated: Quantity) -> str:
    """A rate computed in % written as the stated one is, in its unit and to its digits (`0.063‰` for 0.0063%)."""
    if stated.unit == "‰":
        return f"{fmt(percent / stated.scale, stated.decimals)}‰"
    return f"{fmt(percent, stated.decimals)}%"  # (a table's rate may be written bare, its % in the heading)


def writes_ratio(part: Decimal, whole: Decimal, rate: Quantity) -> bool:
    """Is part / whole (as a percentage) the rate as written, within half its last digit? A quick test of which
    figure a stated rate is over, not a judgement of the rate (that is `judge`, on intervals)."""
    return abs(part / whole * HUNDRED - rate.base_value) <= rate.ulp / 2


def digit_slip(stated: Decimal, expected: Decimal) -> bool:
    """Does one changed digit, or two swapped adjacent digits, turn `expected` into `stated`?"""
    a, b = fmt(abs(stated)), fmt(abs(expected))
    if "." in a or "." in b:
        da = len(a.split(".")[1]) if "." in a else 0
        db = len(b.split(".")[1]) if "." in b else 0
        d = max(da, db)
        a, b = f"{abs(stated):.{d}f}", f"{abs(expected):.{d}f}"
    if len(a) != len(b):
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    if len(diff) == 1:
        return True
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
