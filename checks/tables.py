"""Table checks: 合计 rows and columns, rate and share columns, and prose that restates a table cell."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from tieout.linter.figures.intervals import HUNDRED, add, fmt, interval, ratio, unit_of
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.tables import Cell, Table
from tieout.linter.rules.base import Result, Rule
from tieout.linter.rules.hooks import hookimpl

from ._util import in_unit

RATE_HEADER = re.compile(r"率")
GROWTH_HEADER = re.compile(r"增长|增幅|增减|变动|同比")
SHARE_HEADER = re.compile(r"占比|比重|构成|占.*%")
TOTAL_HEADER = re.compile(r"^(?:合计|总计|小计)")
DENOMINATOR = re.compile(r"预算|计划|目标|批复|年初|应|上年|调整")
# words that only say "this period / this unit" before a row label (本年基本支出 is the row 基本支出)
CURRENT = re.compile(r"^(?:本年度|本年|当年|今年|全年|本期|本部门|部门|本单位|单位|我局|实际)+")
NUMERATOR = re.compile(r"执行|实际|完成|支出数|到位|决算|本年|实现")


def numeric_columns(table: Table, kinds: tuple[str, ...] = ("amount", "count", "bare")) -> list[int]:
    """Columns whose body cells are figures of these kinds (a header cell never is)."""
    out = []
    for c in range(len(table.header)):
        qs = [row[c].quantity for row in table.body if c < len(row)]
        present = [q for q in qs if q is not None]
        if (
            present
            and len(present) >= len([row for row in table.body if c < len(row) and row[c].text])
            and all(q.kind in kinds for q in present)
        ):
            out.append(c)
    return out


def cell(row: list[Cell], c: int) -> Quantity | None:
    return row[c].quantity if c < len(row) else None


def written_like(base: Decimal, like: Quantity) -> str:
    """A base value written as the cell `like` is: its decimals, separators, and unit only if it has one."""
    text = in_unit(base, like)
    return text if like.text.endswith(like.unit) else text[: len(text) - len(like.unit)] if like.unit else text


def pct(value: Decimal) -> str:
    return fmt(value.quantize(Decimal("0.0001")).normalize())


class TableTotal(Rule):
    """A 合计 / 小计 / 总计 row (or column) of a table is not the sum of the rows (or columns) it totals.

    A total row sums the rows between it and the previous total (or, when it comes first, the rows after it);
    with 小计 rows, a 合计 may sum the 小计 rows or all detail rows. A 合计 column sums the other figure
    columns of its row (rates, shares and changes excluded). Rounding semantics as in TO101.
    """

    code = "TO301"
    name = "table-total"
    severity = "error"
    kind = "sum"

    def check(self) -> Iterable[Result]:
        for table in self.ctx.facts.tables:
            cols = numeric_columns(table)
            yield from self._rows(table, cols)
            yield from self._columns(table, cols)

    def _rows(self, table: Table, cols: list[int]) -> Iterable[Result]:
        body = table.body
        for t, row in enumerate(body):
            if not (table.is_total(row) or table.is_subtotal(row)):
                continue
            groups = self._part_rows(table, t)
            for c in cols:
                total = cell(row, c)
                if total is None:
                    continue
                yield from self._judge(total, [[cell(r, c) for r in g] for g in groups], f"“{table.label(row)}”行")

    def _part_rows(self, table: Table, t: int) -> list[list[list[Cell]]]:
        body = table.body
        is_grand = table.is_total(body[t])

        def detail(r: list[Cell]) -> bool:
            return not table.is_total(r) and not table.is_subtotal(r)

        above = body[:t]
        cut = max(
            (i for i, r in enumerate(above) if table.is_total(r) or (not is_grand and table.is_subtotal(r))), default=-1
        )
        groups = []
        if t > 0 and cut < t - 1:
            rows = above[cut + 1 :]
            groups.append([r for r in rows if detail(r)])
            subs = [r for r in rows if table.is_subtotal(r)]
            if is_grand and subs:
                groups.append(subs)
        else:
            below = []
            for r in body[t + 1 :]:
                if table.is_total(r) or (not is_grand and table.is_subtotal(r)):
                    break
                below.append(r)
            groups.append([r for r in below if detail(r)])
            subs = [r for r in below if table.is_subtotal(r)]
            if is_grand and subs:
                groups.append(subs)
        return [g for g in groups if g]

    def _columns(self, table: Table, cols: list[int]) -> Iterable[Result]:
        header = table.header
        for c in cols:
            if not TOTAL_HEADER.match(header[c]):
                continue
            parts = [
                j for j in cols if j != c and not GROWTH_HEADER.search(header[j]) and not TOTAL_HEADER.match(header[j])
            ]
            if len(parts) < 2:
                continue
            for row in table.body:
                total = cell(row, c)
                if total is not None:
                    yield from self._judge(total, [[cell(row, j) for j in parts]], f"“{header[c]}”列")

    def _judge(self, total: Quantity, groups: list[list[Quantity | None]], where: str) -> Iterable[Result]:
        ctx = self.ctx
        best = None
        for g in groups:
            parts = [q for q in g if q is not None]
            if not parts:
                continue
            unit = unit_of([total, *parts])
            verdict = ctx.judge(interval(total), add([interval(q) for q in parts]), unit)
            if best is None or ["fail", "rounding", "pass"].index(verdict) > ["fail", "rounding", "pass"].index(
                best[0]
            ):
                best = (verdict, parts)
        if best is None:
            return
        verdict, parts = best
        yield self.checked(total, "pass" if verdict == "pass" else "fail", parts)
        if verdict == "pass":
            return
        s = sum((q.base_value for q in parts), Decimal(0))
        expected = written_like(s, total)
        kw = (
            {"severity": "info"} if verdict == "rounding" else {}
        )  # rounding: reported at info until table outcomes join TO100
        yield self.diag(
            total,
            f"{where}的 {total.text} 不等于所合计各项之和 {expected}",
            stated=total.text,
            expected=expected,
            fix=expected if verdict == "fail" else None,
            related=[ctx.related(q, "组成项") for q in parts],
            **kw,
        )


class TableRate(Rule):
    """A rate column (执行率、完成率 …) of a table does not match its operand columns, row by row.

    The denominator is the column headed like a plan (预算数、计划数、年初数), the numerator the one headed like
    an outcome (执行数、实际数、完成数); when headers do not say, the two figure columns before the rate are
    tried both ways. A growth column (增长率、同比) is checked as (new − old) / old.
    """

    code = "TO302"
    name = "table-rate"
    severity = "error"
    kind = "rate"

    def check(self) -> Iterable[Result]:
        ctx = self.ctx
        for table in ctx.facts.tables:
            header = table.header
            cols = numeric_columns(table)
            for r in range(len(header)):
                if not RATE_HEADER.search(header[r]) or SHARE_HEADER.search(header[r]):
                    continue
                before = [c for c in cols if c < r]
                pairs = self._operands(header, before)
                if not pairs:
                    continue
                growth = bool(GROWTH_HEADER.search(header[r]))
                for row in table.body:
                    stated = cell(row, r)
                    if stated is None or stated.kind != "percent":
                        continue
                    yield from self._row(stated, row, pairs, growth, header[r])

    @staticmethod
    def _operands(header: list[str], before: list[int]) -> list[tuple[int, int]]:
        dens = [c for c in before if DENOMINATOR.search(header[c])]
        nums = [c for c in before if NUMERATOR.search(header[c])]
        if dens and nums:
            return [(nums[-1], dens[-1])]
        if len(before) >= 2:
            a, b = before[-2], before[-1]
            return [(b, a), (a, b)]
        return []

    def _row(self, value: Quantity, row: list[Cell], pairs: list[tuple[int, int]], growth: bool, name: str):
        ctx = self.ctx
        tried = []
        for n, d in pairs:
            num, den = cell(row, n), cell(row, d)
            if num is None or den is None:
                continue
            niv = interval(num)
            if growth:
                div = interval(den)
                niv = (niv[0] - div[1], niv[1] - div[0])
            iv = ratio(niv, interval(den))
            if iv is None:
                continue
            tried.append((ctx.judge(interval(value), iv, value.ulp), num, den))
        if not tried:
            return
        if any(v == "pass" for v, _, _ in tried):
            yield self.checked(value, "pass", [tried[0][1], tried[0][2]])
            return
        verdict, num, den = tried[0]
        yield self.checked(value, "fail", [num, den])
        exact = ((num.base_value - den.base_value) if growth else num.base_value) / den.base_value * HUNDRED
        expected = f"{fmt(exact, value.decimals)}%"
        formula = f"({num.text}−{den.text})/{den.text}" if growth else f"{num.text}/{den.text}"
        kw = (
            {"severity": "info"} if any(v == "rounding" for v, _, _ in tried) else {}
        )  # rounding: reported at info until table outcomes join TO100
        yield self.diag(
            value,
            f"“{name}”列的 {value.text} 与 {formula} = {pct(exact)}% 不符，应为 {expected}",
            stated=value.text,
            expected=expected,
            fix=expected,
            related=[ctx.related(num, "分子"), ctx.related(den, "分母")],
            **kw,
        )


class TableShare(Rule):
    """A share column (占比、比重) of a table does not match the row's figure over the column's 合计."""

    code = "TO303"
    name = "table-share"
    severity = "error"
    kind = "share"

    def check(self) -> Iterable[Result]:
        ctx = self.ctx
        for table in ctx.facts.tables:
            header = table.header
            cols = numeric_columns(table)
            total_row = next((row for row in table.body if table.is_total(row)), None)
            for s in range(len(header)):
                if not SHARE_HEADER.search(header[s]):
                    continue
                before = [c for c in cols if c < s]
                # the row's 合计 column when there is one (项目 | 合计 | 基本 | 项目 | 占比), else the figure before
                totals = [c for c in before if TOTAL_HEADER.match(header[c])]
                part_col = totals[0] if totals else max(before, default=None)
                if part_col is None:
                    continue
                total = cell(total_row, part_col) if total_row else None
                for row in table.body:
                    stated, part = cell(row, s), cell(row, part_col)
                    if stated is None or part is None or stated.kind != "percent" or row is total_row:
                        continue
                    whole = total
                    if whole is None:
                        continue
                    iv = ratio(interval(part), interval(whole))
                    if iv is None:
                        continue
                    verdict = ctx.judge(interval(stated), iv, stated.ulp)
                    yield self.checked(stated, "pass" if verdict == "pass" else "fail", [part, whole])
                    if verdict == "pass":
                        continue
                    exact = part.base_value / whole.base_value * HUNDRED
                    expected = f"{fmt(exact, stated.decimals)}%"
                    kw = (
                        {"severity": "info"} if verdict == "rounding" else {}
                    )  # rounding: reported at info until table outcomes join TO100
                    yield self.diag(
                        stated,
                        f"“{header[s]}”列的 {stated.text} 与 {part.text}/{whole.text} = {pct(exact)}% 不符，"
                        f"应为 {expected}",
                        stated=stated.text,
                        expected=expected,
                        fix=expected,
                        related=[ctx.related(part, "部分"), ctx.related(whole, "合计")],
                        **kw,
                    )


class TextTable(Rule):
    """The prose restates a table cell with another value (文表不符).

    A figure in the text whose label is a row label of a table, in a unit the table states, must equal one of
    that row's figures; an overall score in the text (`自评得分 95 分`) must equal the 合计 of the score table's
    得分 column.
    """

    code = "TO304"
    name = "text-table-mismatch"
    severity = "warning"
    kind = "cross_ref"

    def check(self) -> Iterable[Result]:
        ctx = self.ctx
        rows: dict[str, list[list[Cell]]] = {}
        for table in ctx.facts.tables:
            for row in table.body:
                key = ctx.labeller.split(table.label(row))[0] if ctx.labeller else table.label(row)
                if len(key) >= 2:
                    rows.setdefault(key, []).append(row)
        yield from self._scores()
        if not rows:
            return
        for m in ctx.facts.mentions:
            found = rows.get(m.key) or rows.get(CURRENT.sub("", m.key))
            if not found or len(found) != 1:
                continue
            cells = [c.quantity for c in found[0][1:] if c.quantity is not None and c.quantity.kind == "amount"]
            for q in m.quantities:
                if q.kind != "amount" or not q.exact or not cells:
                    continue
                ok = any(ctx.judge(interval(c), interval(q), unit_of([c, q])) == "pass" for c in cells)
                yield self.checked(q, "pass" if ok else "fail", cells)
                if not ok:
                    listing = "、".join(
                        c.text + c.unit if c.unit and not c.text.endswith(c.unit) else c.text for c in cells
                    )
                    yield self.diag(
                        q,
                        f"正文“{m.key}”{q.text} 与表中该行的数字（{listing}）均不相同（文表不符）",
                        stated=q.text,
                        related=[ctx.related(c, "表中数字") for c in cells],
                    )

    def _scores(self) -> Iterable[Result]:
        """The overall score in the prose (`项目绩效自评得分 95 分`) against the 合计 of a table's 得分 column."""
        ctx = self.ctx
        totals = []
        for table in ctx.facts.tables:
            cols = [c for c, h in enumerate(table.header) if "得分" in h]
            row = next((r for r in table.body if table.is_total(r)), None)
            if cols and row is not None and cell(row, cols[0]) is not None:
                totals.append(cell(row, cols[0]))
        if len(totals) != 1:
            return
        total = totals[0]
        for m in ctx.facts.mentions:
            q = next((x for x in m.quantities if x.base_unit == "分" and x.exact), None)
            if q is None or not SCORE_TOTAL.search(m.key):
                continue
            ok = q.value == total.value
            yield self.checked(q, "pass" if ok else "fail", [total], kind="score_sum")
            if not ok:
                yield self.diag(
                    q,
                    f"正文“{m.key}”{q.text} 与评分表合计 {total.text} 分不同（文表不符）",
                    stated=q.text,
                    expected=f"{total.text}分",
                    related=[ctx.related(total, "评分表合计")],
                )


SCORE_TOTAL = re.compile(r"(?:总分|总得分|综合得分|评价得分|自评得分|绩效得分)$")


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [TableTotal, TableRate, TableShare, TextTable]
