"""Rate and share columns of tables: each % cell against the figures of its row (and its table's total)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from tieout.linter.figures.intervals import HUNDRED, fmt, interval, ratio
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.tables import Column, Side, Table
from tieout.linter.parse.tables.formulas import column_formulas
from tieout.linter.rules.base import Result, Rule

from ._judge import as_rounding

CURRENT = ("执行数", "决算数", "本年数", "预算数", "调整预算数")
NAMED = re.compile(r"(?P<num>[^／]*?)比(?:上年|\d{4}年)?(?P<den>[^／]+?)(?:增长|增减|增幅)")


def pct(value: Decimal) -> str:
    return fmt(value.quantize(Decimal("0.0001")).normalize())


def _year(c: Column) -> int | None:
    p = c.context.period
    return int(p[:4]) if p and p[:4].isdigit() else None


def operands(side: Side, col: Column) -> list[tuple[Column, Column]]:
    """(numerator, denominator) columns a rate column is computed from, by what the headers say; [] when
    they do not say it clearly."""
    left = [c for c in side.columns if c.index < col.index and c.kind in ("amount", "total")]
    if not left:
        return []
    if col.role == "为预算%":
        nums = [c for c in left if c.role in ("执行数", "决算数")]
        if not nums:
            return []
        year = _year(nums[-1])
        dens = [c for c in left if c.role in ("预算数", "调整预算数") and _year(c) in (None, year)]
        return [(nums[-1], d) for d in dens]
    dated = _by_year(left, col)
    if dated is not None:
        return dated
    prev = [c for c in left if c.role == "上年数"]
    cur = [c for c in left if c.role in CURRENT]
    if len(prev) == 1 and cur:
        return [(cur[-1], prev[0])]
    return []


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
    return [(nums[-1], dens[-1])] if len(dens) == 1 else []


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


def _guarded(results: list) -> list:
    """A rate column that fails in most rows (two or more) was not understood: nothing is reported."""
    fails = sum(1 for r in results if getattr(r, "status", None) == "fail")
    passes = sum(1 for r in results if getattr(r, "status", None) == "pass")
    return [] if fails >= 2 and fails > passes else results


def _roles(text: str) -> set[str]:
    from tieout.linter.parse.tables.vocab import role_of

    r = role_of(text)
    return {r.name} if r else set()


class TableRate(Rule):
    """A rate column of a table (为预算%、执行率、为上年%、增长%) does not match its operand columns, row by row.

    ## What it does
    为预算% is 执行数 (决算数) over 预算数 or 调整预算数, 为上年% this year's figure over last year's, 增长% that
    ratio less 100 (over the size of a negative base). The operands are the columns the headers name: a
    stage, or a year (`2025年执行数` and `2026年预算数` under `预算数比上年执行数增长%`); a rate whose operands
    the headers do not name is not checked, nor a column whose rates stand in rows without figures (cells
    out of line), nor one that most rows break.

    ## Why is this bad?
    A rate that does not follow from its row misleads the reader about how far a budget was executed or
    how much a figure grew.

    ## How to fix
    Recompute the rate from the row's figures.
    """

    code = "TO302"
    name = "table-rate"
    severity = "error"
    kind = "rate"

    def check(self) -> Iterable[Result]:
        for table in self.ctx.facts.tables:
            defined = {f.column for f in column_formulas(table)}  # TO309 checks them by their formula
            for side in table.sides:
                for col in side.columns:
                    if col.kind not in ("ratio", "growth") or col.index in defined:
                        continue
                    pairs = operands(side, col)
                    if pairs and _aligned(table, side, col, pairs):
                        yield from _guarded([x for row in side.rows for x in self._row(table, row.index, col, pairs)])

    def _row(self, table: Table, r: int, col: Column, pairs: list[tuple[Column, Column]]) -> Iterable[Result]:
        stated = table.quantity(r, col.index)
        if stated is None or stated.kind != "percent":
            return
        growth = col.kind == "growth"
        tried = []
        for n, d in pairs:
            num, den = table.quantity(r, n.index), table.quantity(r, d.index)
            if num is None or den is None or num.kind == "percent" or den.kind == "percent":
                continue
            niv, div = interval(num), interval(den)
            if growth:
                niv = (niv[0] - div[1], niv[1] - div[0])
                if den.value < 0:  # a change over a negative base is stated over its size
                    div = (-div[1], -div[0])
            iv = ratio(niv, div)
            if iv is not None:
                tried.append((self.ctx.judge(interval(stated), iv, stated.ulp), num, den))
        if not tried:
            return
        if any(v == "pass" for v, _, _ in tried):
            _, num, den = next(t for t in tried if t[0] == "pass")
            yield self.checked(stated, "pass", [num, den], kind="growth" if growth else "rate")
            return
        verdict, num, den = tried[0]
        yield self.checked(stated, "fail", [num, den], kind="growth" if growth else "rate")
        exact = ((num.base_value - den.base_value) if growth else num.base_value) / abs(den.base_value) * HUNDRED
        expected = f"{fmt(exact, stated.decimals)}%"
        formula = f"({num.text}−{den.text})/{den.text}" if growth else f"{num.text}/{den.text}"
        yield as_rounding(
            self.diag(
                stated,
                f"“{col.header}”列的 {stated.text} 与 {formula} = {pct(exact)}% 不符，应为 {expected}",
                stated=stated.text,
                expected=expected,
                fix=expected,
                related=[self.ctx.related(num, "分子"), self.ctx.related(den, "分母")],
            ),
            any(v == "rounding" for v, _, _ in tried),
        )


class TableShare(Rule):
    """A share column (占比、比重、构成) of a table does not match the row's figure over the table's total.

    ## What it does
    A share is the row's amount (its 合计 column when it has one) over the 合计 row of the same column; in a
    table with a tree the share of a child may also be stated against its parent, and either passes.

    ## Why is this bad?
    A wrong share misstates the structure of the spending or revenue it describes.

    ## How to fix
    Recompute the share.
    """

    code = "TO303"
    name = "table-share"
    severity = "error"
    kind = "share"

    def check(self) -> Iterable[Result]:
        for table in self.ctx.facts.tables:
            for side in table.sides:
                for col in side.columns:
                    if col.kind == "share":
                        yield from self._column(table, side, col)

    def _column(self, table: Table, side: Side, col: Column) -> Iterable[Result]:
        left = [c for c in side.columns if c.index < col.index and c.kind in ("amount", "total", "")]
        totals = [c for c in left if c.kind == "total"]
        part_col = totals[0] if totals else (left[-1] if left else None)
        grand = [r for r in side.rows if r.total == "grand"]
        if part_col is None or len(grand) != 1:
            return
        whole = table.quantity(grand[0].index, part_col.index)
        if whole is None:
            return
        for row in side.rows:
            stated, part = table.quantity(row.index, col.index), table.quantity(row.index, part_col.index)
            if stated is None or part is None or stated.kind != "percent" or row is grand[0]:
                continue
            bases = [whole]
            if row.parent is not None:
                parent = table.quantity(side.rows[row.parent].index, part_col.index)
                if parent is not None:
                    bases.append(parent)
            yield from self._judge(stated, part, bases, col)

    def _judge(self, stated: Quantity, part: Quantity, bases: list[Quantity], col: Column) -> Iterable[Result]:
        verdicts = []
        for whole in bases:
            iv = ratio(interval(part), interval(whole))
            if iv is not None:
                verdicts.append((self.ctx.judge(interval(stated), iv, stated.ulp), whole))
        if not verdicts:
            return
        ok = next((w for v, w in verdicts if v == "pass"), None)
        if ok is not None:
            yield self.checked(stated, "pass", [part, ok])
            return
        verdict, whole = verdicts[0]
        yield self.checked(stated, "fail", [part, whole])
        exact = part.base_value / whole.base_value * HUNDRED
        expected = f"{fmt(exact, stated.decimals)}%"
        yield as_rounding(
            self.diag(
                stated,
                f"“{col.header}”列的 {stated.text} 与 {part.text}/{whole.text} = {pct(exact)}% 不符，应为 {expected}",
                stated=stated.text,
                expected=expected,
                fix=expected,
                related=[self.ctx.related(part, "部分"), self.ctx.related(whole, "合计")],
            ),
            any(v == "rounding" for v, _ in verdicts),
        )
