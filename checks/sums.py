"""Footing: a stated total against the parts listed under it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from itertools import combinations

from tieout.linter.facts.model import Breakdown
from tieout.linter.figures.intervals import HUNDRED, add, digit_slip, unit_of
from tieout.linter.figures.quantities import Quantity
from tieout.linter.rules.base import CheckContext, Outcome, Result, Rule
from tieout.linter.rules.hooks import hookimpl

from ._util import dimension_runs, footings, in_unit

MAX_SUBSET_SEARCH = 12
# a partial `其中` list is held to its total only through one slipped digit, and only on figures precise enough
# that a slip is not a coincidence of round numbers
MIN_SIGNIFICANT = 4


def _sum(ctx: CheckContext, parts: list[Quantity]) -> Decimal:
    return sum((ctx.value(p) for p in parts), Decimal(0))


def _significant(q: Quantity) -> int:
    digits = str(abs(q.value)).replace(".", "").strip("0")
    return len(digits)


def suspects(ctx: CheckContext, total: Quantity, parts: list[Quantity]) -> list[tuple[Quantity, Decimal]]:
    """The figures that one changed or swapped digit would reconcile, with their reconciling values."""
    exact_sum = _sum(ctx, parts)
    out = []
    if digit_slip(total.base_value, exact_sum):
        out.append((total, exact_sum))
    for p in parts:
        expected = ctx.value(total) - (exact_sum - ctx.value(p))
        if expected >= 0 and digit_slip(p.base_value, expected):
            out.append((p, expected))
    return out


def _shares_complete(ctx: CheckContext, b: Breakdown) -> bool:
    """Shares stated for every part that add up to 100% say the list is complete."""
    shares = [s for s in ctx.facts.shares if s.part is not None and any(s.part in p.quantities for p in b.parts)]
    if len(shares) != len(b.parts) or len(shares) < 2:
        return False
    total = sum((s.stated.value for s in shares), Decimal(0))
    return abs(total - HUNDRED) <= sum((s.stated.ulp for s in shares), Decimal(0))


def _complete(ctx: CheckContext, b: Breakdown, total: Quantity, parts: list[Quantity]) -> bool:
    if b.exhaustive or _shares_complete(ctx, b):
        return True
    # a partial list is held to its total through one slipped digit only where the list is the text's own
    if not b.certain or len(parts) < 2 or any(q.approx for q in [total, *parts]):
        return False
    if min(_significant(q) for q in [total, *parts]) < MIN_SIGNIFICANT - 1 or _significant(total) < MIN_SIGNIFICANT:
        return False
    return _closed(ctx, b, parts) and bool(suspects(ctx, total, parts))


def _closed(ctx: CheckContext, b: Breakdown, parts: list[Quantity]) -> bool:
    """Does the list end its sentence's figures of its unit? One that goes on (`…宁德 1103 万元、平潭 90 万元`,
    the second not read as a part) may have lost a part, and its shortfall is no slipped digit."""
    last = max(p.end for p in parts)
    unit = parts[0].base_unit
    return not any(
        q.base_unit == unit and q.start > last and q.kind == parts[0].kind
        for m in ctx.index.in_sentence(b.sentence)
        for q in m.quantities
    )


def _restated_cause(ctx: CheckContext, total: Quantity, parts: list[Quantity]) -> bool:
    """Is a figure of the sum stated elsewhere (same quantity) with another value that makes the sum hold?
    Then the disagreement is the finding (TO201), not the sum."""
    figures = [total, *parts]
    band = unit_of(figures)
    for f in figures:
        group = ctx.index.restatement_of(f)
        if group is None:
            continue
        for _, other in group.figures:
            if other.base_value == f.base_value:
                continue
            ivs = [ctx.interval(q) if q is not f else ctx.interval(other) for q in figures]
            if ctx.judge(ivs[0], add(ivs[1:]), band) == "pass":
                return True
    return False


def sum_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """Every complete breakdown's total against the sum of its parts."""
    for b, total, parts in footings(ctx.facts.breakdowns):
        if dimension_runs(total, parts, ctx.judge) is not None:
            # one total broken down by several dimensions, each footing
            yield Outcome(total, "pass", "sum", operands=parts)
            continue
        s = add([ctx.interval(p) for p in parts])
        verdict = ctx.judge(ctx.interval(total), s, unit_of([total, *parts]))
        exact_sum = _sum(ctx, parts)
        complete = _complete(ctx, b, total, parts)
        if verdict == "pass" or (not complete and exact_sum <= ctx.value(total)):
            yield Outcome(total, "pass", "sum" if complete else "subset", operands=parts)
            continue
        if not complete:
            continue  # parts exceeding a partial list's whole: TO102
        if _restated_cause(ctx, total, parts) or any(ctx.index.unit_slip_of(q) for q in [total, *parts]):
            yield Outcome(total, "fail", "sum", operands=parts, silent=True)
            continue
        if any(q.approx for q in [total, *parts]):
            verdict = "rounding"  # an approximate figure cannot be held to an exact sum
        yield _sum_finding(ctx, b, total, parts, verdict)


def _sum_finding(ctx: CheckContext, b: Breakdown, total: Quantity, parts: list[Quantity], verdict: str) -> Outcome:
    exact_sum = _sum(ctx, parts)
    related = [(p, "组成项") for p in parts]
    # a list held complete only through a slipped digit, or inferred, is reported less loudly
    certain = b.certain and (b.exhaustive or _shares_complete(ctx, b)) and not b.inferred
    if verdict == "rounding":
        expected = in_unit(exact_sum, total)
        msg = f"合计 {total.text} 与各项之和 {expected} 相差不足末位一个单位，属舍入差异"
        return Outcome(total, "rounding", "sum", related, msg, total.text, expected, certain=certain, operands=parts)
    found = suspects(ctx, total, parts)
    diff = exact_sum - ctx.value(total)
    shown = " + ".join(p.text for p in parts)
    msg = (
        f"各项之和 {shown} = {in_unit(exact_sum, total)}，与合计 {total.text} 不符（相差 {in_unit(diff, total, None)}）"
    )
    fix = None
    blame = total
    if len(found) == 1:
        blame, value = found[0]
        fix = in_unit(value, blame)
        msg += f"；只有 {blame.text} 改一位数字即可相符，应为 {fix}"
    elif len(found) > 1:
        msg += "；以下任一数字改一位即可相符：" + "、".join(f"{q.text}→{in_unit(v, q)}" for q, v in found)
    else:
        extra = _subset_matching(ctx, total, parts)
        if extra is None:
            # no combination of the parts gives the total: the total is the figure at fault
            fix = in_unit(exact_sum, total)
            msg += f"；各项的任何组合都不等于合计，合计应为 {fix}"
        elif extra:
            msg += "；去掉 " + "、".join(p.text for p in extra) + " 后其余各项之和等于合计，请核对是否多列"
    if blame is not total:
        related = [(total, "合计")] + [(p, r) for p, r in related if p is not blame]
    expected = fix or in_unit(exact_sum, total)
    return Outcome(blame, "fail", "sum", related, msg, blame.text, expected, fix, certain, operands=parts)


def _subset_matching(ctx: CheckContext, total: Quantity, parts: list[Quantity]) -> list[Quantity] | None:
    """The parts left out by the largest proper subset of parts that adds up to the total; None when no
    subset does, [] when there are too many parts to search."""
    if len(parts) > MAX_SUBSET_SEARCH:
        return []
    t = ctx.interval(total)
    band = unit_of([total, *parts])
    for size in range(len(parts) - 1, 0, -1):
        for combo in combinations(range(len(parts)), size):
            if ctx.judge(t, add([ctx.interval(parts[i]) for i in combo]), band) == "pass":
                return [p for i, p in enumerate(parts) if i not in combo]
    return None


class SumMismatch(Rule):
    """The parts of a breakdown do not add up to its stated total.

    Applies where the list of parts is complete: `具体为`, `分别为`, `其构成是`, a list whose stated shares add
    up to 100%, a total stated after its parts (`A…，B…，总额 X`), or a `其中` list whose shortfall one
    mistyped digit explains. Each figure counts for the interval its precision allows; a miss within one
    unit of the last digit is a rounding finding (TO100). When one figure alone explains the miss by one
    changed or swapped digit, the finding names it and suggests the corrected figure.
    """

    code = "TO101"
    name = "sum-mismatch"
    severity = "error"
    kind = "sum"

    def check(self) -> Iterable[Result]:
        return self.report(sum_outcomes(self.ctx))


def exceed_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """Each partial (`其中`) list against its whole: the parts may fall short, never exceed it."""
    for b, total, parts in footings(ctx.facts.breakdowns):
        if _complete(ctx, b, total, parts) or dimension_runs(total, parts, ctx.judge) is not None:
            continue  # a complete list is held to its total by TO101: one cause, one finding
        if any(ctx.value(p) < 0 for p in parts) or any(q.approx for q in [total, *parts]):
            continue
        s = add([ctx.interval(p) for p in parts])
        t = ctx.interval(total)
        if s[0] <= t[1]:
            continue
        yield _exceed_finding(ctx, b, total, parts)


def _exceed_finding(ctx: CheckContext, b: Breakdown, total: Quantity, parts: list[Quantity]) -> Outcome:
    exact_sum = _sum(ctx, parts)
    largest = max(parts, key=lambda p: ctx.value(p))
    note = ""
    if ctx.value(largest) > ctx.value(total):
        note = f"；其中 {largest.text} 一项即已超过总数"
    elif len(parts) > 2:
        rest = exact_sum - ctx.value(largest)
        if rest <= ctx.value(total):
            note = f"；去掉最大的 {largest.text} 后其余合计 {in_unit(rest, total)}"
    msg = (
        f"“其中”各项合计 {in_unit(exact_sum, total)}，超过总数 {total.text}"
        f"（多出 {in_unit(exact_sum - ctx.value(total), total)}）{note}"
    )
    related = [(p, "组成项") for p in parts]
    expected = f"≥ {in_unit(exact_sum, total)}"
    return Outcome(total, "fail", "subset", related, msg, total.text, expected, certain=b.certain, operands=parts)


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
        return self.report(exceed_outcomes(self.ctx))


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [SumMismatch, PartsExceedWhole]
