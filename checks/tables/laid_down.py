"""Changes of a table laid on its side: its rows are two years' figures of one stage and their change, its columns
the items (a 部门预算's “三公”经费表 as many publish it):

    项目         合计    因公出国（境）费  …  公务接待费
    2026年预算数  58.76   0.00              …  17.56
    2025年预算数  66.53   0.00              …  20.18
    增减额       -7.77   0.00              …  -2.62
    增减率（%）   -11.7   —                 …  -13.0

In each column the 增减额 row is the later year's figure less the earlier's, and the 增减率 row that change over
the earlier figure, in per cent (`（%）` in its label: the table's unit note is the amounts'). Read only where the
rows say it all: exactly two rows named by a year and the same stage (the same words after the year), one row of
the change in amount, one of its rate, each named by the change alone; a dash (a cost neither year had) is no
figure and is not judged. A change that a year's figure misstated explains (that figure fails its own row's sum,
`小计 = 购置费 + 运行费`, which the table's identities report, and the change holds against the figure the sum
gives) is not reported again: the mistake is the year's, not the change's.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from tieout.linter.figures.intervals import HUNDRED, Verdict, interval, rate, sub, unit_of
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.tables import Column, Side, Table
from tieout.linter.parse.tables.cells import flatten
from tieout.linter.parse.tables.vocab import role_of
from tieout.linter.patterns import regex
from tieout.linter.rules.base import CheckContext, Outcome

from ._judge import SUMMED, column_miss, delta_miss, table_relations

# a row named by a year and what its figures are (`2026年预算数`, `2025年决算数`)
_YEAR_ROW = regex(r"((?:19|20)\d{2})年(\S{0,6})")
# the longest name of a change row (`增减率（%）`, `比上年增减`): a longer label says more than the change
_CHANGE_NAME = 8


@dataclass(frozen=True)
class Laid:
    """The grid rows of a table laid on its side: the later and the earlier year, the change and its rate (-1
    where the table has no such row)."""

    now: int
    before: int
    delta: int
    growth: int


def laid_down(side: Side) -> Laid | None:
    """The rows of two years and their change, when the side's rows are so named and nothing else is unsure."""
    if sum(1 for row in side.rows if "年" in row.label) < 2:
        return None  # (two rows named by a year, `_YEAR_ROW`, hold 年: most sides have none, their rows not read)
    years: list[tuple[int, str, int]] = []
    changes: dict[str, list[int]] = {}
    for row in side.rows:
        label = flatten(row.label)
        m = _YEAR_ROW.fullmatch(label)
        if m:
            years.append((int(m.group(1)), m.group(2), row.index))
            continue
        r = role_of(label) if len(label) <= _CHANGE_NAME else None
        if r is not None and r.kind in ("delta", "growth"):
            changes.setdefault(r.kind, []).append(row.index)
    if len(years) != 2 or years[0][1] != years[1][1] or years[0][0] == years[1][0]:
        return None
    if any(len(v) != 1 for v in changes.values()) or not changes:
        return None
    (_, _, later), (_, _, earlier) = sorted(years, reverse=True)
    below = max(later, earlier)
    rows = {k: v[0] for k, v in changes.items()}
    if any(r < below for r in rows.values()):
        return None  # (a change named above the years it compares is no row of theirs)
    return Laid(later, earlier, rows.get("delta", -1), rows.get("growth", -1))


def _misstated(ctx: CheckContext, table: Table, laid: Laid) -> dict[tuple[int, int], list[Decimal]]:
    """The year cells that fail a sum of their own row, each with the values (in base units) that would make
    such a sum hold: the figure a misstated year cell should have been."""
    out: dict[tuple[int, int], list[Decimal]] = {}
    for rel in table_relations(ctx, table):
        if rel.total[0] not in (laid.now, laid.before) or any(p[0] != rel.total[0] for p in rel.parts):
            continue
        total, parts = table.quantity(*rel.total), [table.quantity(*p) for p in rel.parts]
        if total is None or any(q is None for q in parts):
            continue
        signs = rel.signs or [1] * len(parts)
        diff = total.base_value - sum((s * q.base_value for s, q in zip(signs, parts) if q is not None), Decimal(0))
        if diff == 0:
            continue
        out.setdefault(rel.total, []).append(total.base_value - diff)
        for ref, s, q in zip(rel.parts, signs, parts):
            if q is not None:
                out.setdefault(ref, []).append(q.base_value + s * diff)
    return out


def _explained(
    ctx: CheckContext, stated: Quantity, pair: tuple[Quantity, Quantity], fixes: list[list[Decimal]], growth: bool
) -> bool:
    """Does the change hold once one year's figure is the one its own row's sum gives (`fixes`: the now's, the
    before's)?"""
    now, before = pair
    for which, values in enumerate(fixes):
        for v in values:
            n = replace(now, value=v / now.scale) if which == 0 else now
            b = replace(before, value=v / before.scale) if which == 1 else before
            if _verdict(ctx, stated, n, b, growth) == "pass":
                return True
    return False


def _verdict(ctx: CheckContext, stated: Quantity, now: Quantity, before: Quantity, growth: bool) -> Verdict | None:
    """The stated change against the two years' figures: their difference, or its rate over the earlier figure
    (None where that figure leaves no rate)."""
    if not growth:
        return ctx.judge(interval(stated), sub(interval(now), interval(before)), unit_of([stated, now, before]))
    iv = rate(interval(now), interval(before), growth=True) if before.base_value > 0 else None
    return None if iv is None else ctx.judge(interval(stated), iv, stated.ulp)


def _operands(table: Table, laid: Laid, col: int) -> tuple[Quantity, Quantity] | None:
    now, before = table.quantity(laid.now, col), table.quantity(laid.before, col)
    if now is None or before is None or now.kind not in SUMMED or before.kind not in SUMMED:
        return None
    return (now, before) if now.base_unit == before.base_unit else None


def laid_down_deltas(ctx: CheckContext, table: Table, side: Side) -> Iterator[Outcome]:
    """Each column's 增减额 row against the later year's figure less the earlier's."""
    for col, stated, now, before, verdict in _judged(ctx, table, side, growth=False):
        if verdict == "pass":
            yield Outcome(stated, "pass", "delta", operands=[now, before])
        else:
            exact = now.base_value - before.base_value
            yield delta_miss(col.header, stated, verdict, now, before, exact, [(now, "本年"), (before, "上年")])


def laid_down_growths(ctx: CheckContext, table: Table, side: Side) -> Iterator[Outcome]:
    """Each column's 增减率 row against the change over the earlier year's figure, in per cent."""
    for col, stated, now, before, verdict in _judged(ctx, table, side, growth=True):
        if verdict == "pass":
            yield Outcome(stated, "pass", "growth", operands=[now, before])
        else:
            exact = (now.base_value - before.base_value) / before.base_value * HUNDRED
            formula = f"({now.text}−{before.text})/{before.text}"
            yield column_miss(col.header, stated, verdict, "growth", formula, exact, [(now, "分子"), (before, "分母")])


def _judged(
    ctx: CheckContext, table: Table, side: Side, growth: bool
) -> Iterator[tuple[Column, Quantity, Quantity, Quantity, Verdict]]:
    """Each column's change row (its rate row with `growth`) judged against the two years' figures, where the side
    is laid down with such a row: the column, the change as stated, the later and the earlier figure, and the
    verdict; a miss that a misstated year's figure explains is left out (reported as that figure's)."""
    laid = laid_down(side)
    row = -1 if laid is None else laid.growth if growth else laid.delta
    if laid is None or row < 0:
        return
    misstated = _misstated(ctx, table, laid)
    for col in side.columns:
        cell, pair = table.quantity(row, col.index), _operands(table, laid, col.index)
        if cell is None or pair is None:
            continue
        if growth:
            stated = _in_percent(cell) if pair[1].base_value > 0 else None
        else:
            stated = cell if cell.kind in SUMMED and cell.base_unit == pair[0].base_unit else None
        verdict = _verdict(ctx, stated, *pair, growth) if stated is not None else None
        if stated is None or verdict is None:
            continue
        if verdict != "pass" and _explained(ctx, stated, pair, _fixes(misstated, laid, col.index), growth):
            continue
        yield col, stated, pair[0], pair[1], verdict


def _fixes(misstated: dict[tuple[int, int], list[Decimal]], laid: Laid, col: int) -> list[list[Decimal]]:
    return [misstated.get((laid.now, col), []), misstated.get((laid.before, col), [])]


def _in_percent(q: Quantity) -> Quantity | None:
    """A cell of the rates row as the rate it is: its row's `（%）` says so, not the table's unit note."""
    if q.kind == "percent":
        return q
    if q.kind not in SUMMED or q.approx:
        return None
    return replace(q, unit="%", base_unit="%", scale=Decimal(1), kind="percent")
