"""Helpers shared by the built-in checks: writing a value as a report would, and the footings of the
breakdowns (one unit at a time)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

from tieout.linter.facts.explain import footing
from tieout.linter.facts.model import SHARES_ADDED, Breakdown
from tieout.linter.facts.passes.base import SLIP_MONEY_UNITS as SLIP_MONEY_UNITS
from tieout.linter.figures.intervals import Interval, add, fmt, interval, ratio, unit_of
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex
from tieout.linter.rules.base import CheckContext

# a money unit per another written after a figure (`元/平方米`, `万元/公里`), its multiplier the group
PER_UNIT = regex(r"\s*(百万|千万|十万|万|亿|千)?元\s*/")


def in_unit(base: Decimal, like: Quantity, decimals: int | None = None) -> str:
    """A base value written in the unit of `like`, with thousands separators if `like` has them."""
    d = like.decimals if decimals is None else decimals
    value = base / like.scale
    text = f"{value:,.{d}f}" if like.separators else fmt(value, d)
    return f"{text}{like.unit}"


def dimensions(b: Breakdown) -> list[str]:
    kinds = ("amount", "count", "percent") if b.keyword == SHARES_ADDED else ("amount", "count")
    return [q.base_unit for q in b.total.quantities if q.kind in kinds and q.base_unit]


def footings(
    breakdowns: list[Breakdown], unit: str | None = None
) -> Iterator[tuple[Breakdown, Quantity, list[Quantity]]]:
    """Each breakdown's total and parts, one unit at a time (optionally only `unit`)."""
    for b in breakdowns:
        for dim in dimensions(b):
            if unit is not None and dim != unit:
                continue
            found = footing(b, dim)
            if found is not None:
                yield b, found[0], found[1]


Judge = Callable[[Interval, Interval, Decimal], str]


def dimension_runs(total: Quantity, parts: list[Quantity], judge: Judge) -> list[list[Quantity]] | None:
    """Consecutive runs of the parts that each add up to the total: one total broken down by several
    dimensions in one list (`男 520，女 480；在职 700，退休 300`). None unless there are two or more."""
    runs: list[list[Quantity]] = []
    current: list[Quantity] = []
    t = interval(total)
    for p in parts:
        current.append(p)
        if len(current) >= 2 and judge(t, add([interval(q) for q in current]), unit_of([total, *current])) == "pass":
            runs.append(current)
            current = []
    return runs if len(runs) >= 2 and not current else None


# the sums of money of a section, other than a figure's own statements, that show which unit it writes in
MIN_NEIGHBOURS = 2


def unit_foreign(ctx: CheckContext, q: Quantity, other: str, own: list[Quantity]) -> bool:
    """Is the sum of money `q` written in a unit that no other sum of money of its section is written in, while
    some (two at least) are written in `other`? The figures of `own` (q's statements elsewhere) do not count."""
    units = [
        x.unit
        for m in ctx.mentions_in_section(ctx.doc.section_at(q.start))
        for x in m.quantities
        if x.kind == "amount" and x.base_unit == "元" and x is not q and all(x is not g for g in own)
    ]
    return q.unit not in units and units.count(other) >= MIN_NEIGHBOURS


def written(q: Quantity) -> str:
    """A figure as a finding shows it: with its unit where its text has none (a table cell, `12,514,306` of a
    table in 万元, beside a prose figure in 亿元)."""
    return q.text if not q.unit or q.text.rstrip().endswith(q.unit) else f"{q.text}{q.unit}"


def one_unit_holds(ctx: CheckContext, part: Quantity, whole: Quantity, stated: Quantity) -> bool:
    """Do a part and a whole written in two units of one measure (万元, 亿元) give the stated ratio (in %) when the
    part's number is read in the whole's unit (`有息债务余额 204.62 万元，占负债总额 274.31 亿元的 74.59%`)?"""
    if part.unit == whole.unit or part.base_unit != whole.base_unit or not part.base_unit:
        return False
    alike = interval(part, part.value * whole.scale)  # the part's number in the whole's unit
    iv = ratio(alike, ctx.interval(whole))
    return iv is not None and ctx.judge(interval(stated), iv, stated.ulp) != "fail"


def units_apart(part: Quantity, whole: Quantity) -> str:
    """What a finding says where two figures in two units of one measure agree read in one: which of the two has
    the wrong unit is not told, so it names both units and suggests no value."""
    return f"两数单位不同（{part.unit}、{whole.unit}），按同一单位计与所写相符：请核对单位"


def lists_in_sentence(ctx: CheckContext, sentence: int, of_total: bool = False) -> list[Breakdown]:
    """The lists read in a sentence (`of_total`: those whose total stands in it), in the facts' order: grouped
    once per document, not all walked for each list or rate (which grew with the square of a long report's)."""
    name = "lists-by-total-sentence" if of_total else "lists-by-sentence"
    return ctx.memo(name, lambda: _grouped(ctx.facts.breakdowns, of_total)).get(sentence, [])


def _grouped(breakdowns: list[Breakdown], of_total: bool) -> dict[int, list[Breakdown]]:
    out: dict[int, list[Breakdown]] = {}
    for b in breakdowns:
        out.setdefault(b.total.sentence if of_total else b.sentence, []).append(b)
    return out
