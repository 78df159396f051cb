"""Helpers shared by the built-in checks."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from tieout.linter.facts.model import Breakdown, Mention
from tieout.linter.figures.intervals import fmt
from tieout.linter.figures.quantities import Quantity


def in_unit(base: Decimal, like: Quantity, decimals: int | None = None) -> str:
    """A base value written in the unit of `like`, with thousands separators if `like` has them."""
    d = like.decimals if decimals is None else decimals
    value = base / like.scale
    text = f"{value:,.{d}f}" if like.separators else fmt(value, d)
    return f"{text}{like.unit}"


def dimensions(total: Mention) -> list[str]:
    return [q.base_unit for q in total.quantities if q.kind in ("amount", "count") and q.base_unit]


def columns(b: Breakdown, dim: str) -> tuple[Quantity, list[Quantity]] | None:
    """The total and the parts of one unit; None when a part lacks the unit or a figure is not exact."""
    total = b.total.of_unit(dim) if b.total else None
    if total is None or not _usable(total):
        return None
    parts: list[Quantity] = []
    for p in b.parts:
        q = p.of_unit(dim)
        if q is None:
            if p.quantities:
                if b.exhaustive:
                    return None
                continue
            continue
        if not _usable(q):
            return None
        parts.append(q)
    return (total, parts) if parts else None


def _usable(q: Quantity) -> bool:
    """Exact figures, and approximate ones (约、余、多) whose interval is widened; never bounds or prices."""
    return q.bound is None and not q.per


def footings(
    breakdowns: list[Breakdown], unit: str | None = None
) -> Iterator[tuple[Breakdown, Quantity, list[Quantity]]]:
    """Each breakdown's total and parts, one unit at a time (optionally only `unit`)."""
    for b in breakdowns:
        if b.total is None:
            continue
        for dim in dimensions(b.total):
            if unit is not None and dim != unit:
                continue
            cols = columns(b, dim)
            if cols is not None:
                yield b, cols[0], cols[1]


def dimension_runs(total: Quantity, parts: list[Quantity], judge) -> list[list[Quantity]] | None:
    """Consecutive runs of the parts that each add up to the total: one total broken down by several
    dimensions in one list (`男 520，女 480；在职 700，退休 300`). None unless there are two or more."""
    from tieout.linter.figures.intervals import add, interval, unit_of

    runs: list[list[Quantity]] = []
    current: list[Quantity] = []
    t = interval(total)
    for p in parts:
        current.append(p)
        if len(current) >= 2 and judge(t, add([interval(q) for q in current]), unit_of([total, *current])) == "pass":
            runs.append(current)
            current = []
    return runs if len(runs) >= 2 and not current else None
