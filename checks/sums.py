"""Footing: a stated total against the parts listed under it."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from tieout.linter.figures.intervals import add, digit_slip, interval, unit_of
from tieout.linter.figures.quantities import Quantity
from tieout.linter.rules.base import Result, Rule
from tieout.linter.rules.hooks import hookimpl

from ._util import dimension_runs, footings, in_unit


class Rounding(Rule):
    """A relation that misses by no more than one unit of the last stated digit.

    `占 92.46%` where the exact share is 92.469% is a rounding matter, reported by every arithmetic check
    under this code at severity info, never as an error. Ignore it with `--ignore TO100`.
    """

    code = "TO100"
    name = "rounding"
    severity = "info"
    kind = "rounding"

    def check(self) -> Iterable[Result]:
        return ()


class SumMismatch(Rule):
    """The parts of a breakdown do not add up to its stated total.

    Applies where the list of parts is complete: `合计/总计 X，其中 A、B`, `具体为`, `分别为`, a total stated
    after its parts (`A…，B…，总额 X`), or a `其中` list whose shortfall a single mistyped digit explains.
    Each figure counts for the interval its precision allows; a miss within one unit of the last digit is
    a rounding finding (TO100). When one figure alone explains the miss by one changed or swapped digit,
    the finding names it and suggests the corrected figure.
    """

    code = "TO101"
    name = "sum-mismatch"
    severity = "error"
    kind = "sum"

    def check(self) -> Iterable[Result]:
        ctx = self.ctx
        for b, total, parts in footings(ctx.facts.breakdowns):
            runs = dimension_runs(total, parts, ctx.judge)
            if runs is not None:  # one total broken down by several dimensions, each footing
                yield self.checked(total, "pass", parts, kind="sum")
                continue
            if total.start in ctx.blamed or any(p.start in ctx.blamed for p in parts):
                if any(ctx.blamed.get(q.start) == "TO202" for q in [total, *parts]):
                    yield self.checked(total, "pass", parts)
                continue
            s = add([interval(p, ctx.value(p)) for p in parts])
            unit = unit_of([total, *parts])
            verdict = self.ctx.judge(interval(total, ctx.value(total)), s, unit)
            exact_sum = sum((ctx.value(p) for p in parts), Decimal(0))
            # a 其中 list may be partial; it is held to its total only when one slipped digit explains the gap
            approximate = any(q.approx for q in [total, *parts])
            complete = b.exhaustive or (
                len(parts) >= 2 and not approximate and bool(self._suspects(total, parts, exact_sum))
            )
            if verdict == "pass":
                yield self.checked(total, "pass", parts, kind="sum" if b.exhaustive else "subset")
                continue
            if exact_sum > ctx.value(total) and not b.exhaustive:
                continue  # parts exceeding a partial list's whole: TO102
            if not complete:
                yield self.checked(total, "pass", parts, kind="subset")
                continue
            yield self.checked(total, "fail", parts)
            restated = self._restated_cause(total, parts)
            if restated is not None:
                yield restated  # one finding for one cause: the disagreement, with the sum as evidence
                continue
            if approximate:
                verdict = "rounding"  # an approximate figure cannot be held to an exact sum
            # an inferred total (stated after its parts) is reported less loudly: its parts were inferred
            yield self._finding(total, parts, exact_sum, verdict, b.exhaustive and not b.inferred)

    def _suspects(self, total: Quantity, parts: list[Quantity], exact_sum: Decimal) -> list[tuple[Quantity, Decimal]]:
        """The figures that one changed or swapped digit would reconcile, with their reconciling values."""
        ctx = self.ctx
        out = []
        if digit_slip(total.base_value, exact_sum):
            out.append((total, exact_sum))
        for p in parts:
            expected = ctx.value(total) - (exact_sum - ctx.value(p))
            if expected >= 0 and digit_slip(p.base_value, expected):
                out.append((p, expected))
        return out

    def _restated_cause(self, total: Quantity, parts: list[Quantity]):
        """A figure of the sum stated elsewhere with another value that makes the sum hold."""
        ctx = self.ctx
        unit = unit_of([total, *parts])
        for f in [total, *parts]:
            for other in ctx.restatements(f):
                if other.base_value == f.base_value:
                    continue
                ivs = [interval(q, other.base_value if q is f else ctx.value(q)) for q in [total, *parts]]
                if ctx.judge(ivs[0], add(ivs[1:]), unit) != "pass":
                    continue
                line = ctx.doc.position(other.start, other.end).line
                m = ctx.mention_of(f)
                return self.diag(
                    f,
                    f"“{m.key if m else ''}”此处为 {f.text}，第 {line} 行为 {other.text}；按 {other.text} 计，"
                    f"{'各项之和等于合计' if f is not total else '合计等于各项之和'}，此处数字疑误",
                    stated=f.text,
                    expected=other.text,
                    fix=other.text,
                    code="TO201",
                    name="restated-figure",
                    severity="warning",
                    related=[ctx.related(other, "另一处")]
                    + [ctx.related(q, "同一合计的数字") for q in [total, *parts] if q is not f],
                )
        return None

    def _subset_matching(self, total: Quantity, parts: list[Quantity]) -> list[Quantity] | None:
        """The parts left out by the smallest proper subset of parts that adds up to the total, if any."""
        from itertools import combinations

        if len(parts) > 12:
            return []  # too many to search: do not claim the total alone is wrong
        t = interval(total, self.ctx.value(total))
        unit = unit_of([total, *parts])
        for size in range(len(parts) - 1, 0, -1):
            for combo in combinations(range(len(parts)), size):
                s = add([interval(parts[i], self.ctx.value(parts[i])) for i in combo])
                if self.ctx.judge(t, s, unit) == "pass":
                    return [p for i, p in enumerate(parts) if i not in combo]
        return None

    def _finding(self, total: Quantity, parts: list[Quantity], exact_sum: Decimal, verdict: str, exhaustive: bool):
        ctx = self.ctx
        shown = " + ".join(p.text for p in parts)
        related = [ctx.related(p, "组成项") for p in parts]
        if verdict == "rounding":
            return self.diag(
                total,
                f"合计 {total.text} 与各项之和 {in_unit(exact_sum, total)} 相差不足末位一个单位，属舍入差异",
                stated=total.text,
                expected=in_unit(exact_sum, total),
                related=related,
                **self.rounding(True),
            )
        suspects = self._suspects(total, parts, exact_sum)
        diff = exact_sum - ctx.value(total)
        msg = (
            f"各项之和 {shown} = {in_unit(exact_sum, total)}，与合计 {total.text} 不符"
            f"（相差 {in_unit(diff, total, None)}）"
        )
        fix = None
        blame = total
        if len(suspects) == 1:
            blame, value = suspects[0]
            fix = in_unit(value, blame)
            msg += f"；只有 {blame.text} 改一位数字即可相符，应为 {fix}"
        elif len(suspects) > 1:
            msg += "；以下任一数字改一位即可相符：" + "、".join(f"{q.text}→{in_unit(v, q)}" for q, v in suspects)
        else:
            extra = self._subset_matching(total, parts)
            if extra is None:
                # no combination of the parts gives the total: the total is the figure at fault
                fix = in_unit(exact_sum, total)
                msg += f"；各项的任何组合都不等于合计，合计应为 {fix}"
            else:
                msg += "；去掉 " + "、".join(p.text for p in extra) + " 后其余各项之和等于合计，请核对是否多列"
        if blame is not total:
            related = [ctx.related(total, "合计")] + [r for p, r in zip(parts, related) if p is not blame]
        # a partial-looking 其中 list is held to its total only through the digit slip: say so, less loudly
        return self.diag(
            blame,
            msg,
            stated=blame.text,
            expected=fix or in_unit(exact_sum, total),
            related=related,
            fix=fix,
            severity=None if exhaustive else "warning",
        )


class PartsExceedWhole(Rule):
    """The items listed under `其中` add up to more than the whole they are part of.

    A `其中` list need not name every part, so falling short is no finding; exceeding the whole is (beyond
    what the figures' rounding allows). Lists whose parts carry approximate figures (`3300 余`) are skipped.
    """

    code = "TO102"
    name = "parts-exceed-whole"
    severity = "error"
    kind = "subset"

    def check(self) -> Iterable[Result]:
        ctx = self.ctx
        for b, total, parts in footings(ctx.facts.breakdowns):
            if not b.exhaustive and dimension_runs(total, parts, ctx.judge) is None:
                if any(ctx.value(p) < 0 for p in parts):
                    continue
                s = add([interval(p, ctx.value(p)) for p in parts])
                t = interval(total, ctx.value(total))
                exact_sum = sum((ctx.value(p) for p in parts), Decimal(0))
                if s[0] <= t[1]:
                    continue
                yield self.checked(total, "fail", parts)
                largest = max(parts, key=lambda p: ctx.value(p))
                note = ""
                if ctx.value(largest) > ctx.value(total):
                    note = f"；其中 {largest.text} 一项即已超过总数"
                elif len(parts) > 2:
                    rest = exact_sum - ctx.value(largest)
                    if rest <= ctx.value(total):
                        note = f"；去掉最大的 {largest.text} 后其余合计 {in_unit(rest, total)}"
                yield self.diag(
                    total,
                    f"“其中”各项合计 {in_unit(exact_sum, total)}，超过总数 {total.text}"
                    f"（多出 {in_unit(exact_sum - ctx.value(total), total)}）{note}",
                    stated=total.text,
                    expected=f"≥ {in_unit(exact_sum, total)}",
                    related=[ctx.related(p, "组成项") for p in parts],
                )


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [Rounding, SumMismatch, PartsExceedWhole]
