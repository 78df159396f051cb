"""Restated figures: one quantity stated with different values in different places."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from decimal import Decimal

from tieout.linter.facts.model import Mention, Restatement
from tieout.linter.figures.intervals import add, unit_of
from tieout.linter.figures.quantities import Quantity
from tieout.linter.rules.base import Result, Rule
from tieout.linter.rules.hooks import hookimpl

from ._util import footings

MAX_VALUES = 2  # more values under one identity: a per-item attribute (得分 of each indicator), not one quantity


class RestatedFigure(Rule):
    """The same quantity is stated with different values in different places.

    Two figures are the same quantity when their identities are complete and equal: the item they name and
    the scope (全省/省本级 …), fund (一般公共预算 …), stage (预算/决算 …) and period the document states for
    them, from their own words, their sentence, the headings above them and the title. A generic item
    (`支出决算`) is the same only under the same headings. The finding lists every place and, when a sum or
    most places support one value, names it.
    """

    code = "TO201"
    name = "restated-figure"
    severity = "warning"
    kind = "cross_ref"

    def check(self) -> Iterable[Result]:
        for r in self.ctx.facts.restatements:
            values = Counter(q.base_value for _, q in r.figures)
            items = sorted(r.figures, key=lambda x: x[1].start)
            if len(values) == 1:
                yield self.checked(items[-1][1], "pass", [q for _, q in items[:-1]])
            elif len(values) <= MAX_VALUES:
                yield from self._disagreement(r, items, values)

    def _disagreement(
        self, r: Restatement, items: list[tuple[Mention, Quantity]], values: Counter[Decimal]
    ) -> Iterable[Result]:
        ctx = self.ctx
        target, expected, why = self._odd_one(items, values)
        rest = [q for _, q in items if q is not target]
        yield self.checked(target, "fail", rest)
        listing = "；".join(f"第 {ctx.doc.position(q.start, q.end).line} 行 {q.text}" for _, q in items)
        name = r.identity.item + (f"（{r.identity.subject}）" if r.identity.subject else "")
        msg = f"“{name}”在报告中前后不一致：{listing}{why}"
        yield self.diag(
            target,
            msg,
            stated=target.text,
            expected=expected.text if expected is not None else None,
            fix=expected.text if expected is not None and why else None,
            related=[ctx.related(q, "另一处") for q in rest],
        )

    def _odd_one(
        self, items: list[tuple[Mention, Quantity]], values: Counter[Decimal]
    ) -> tuple[Quantity, Quantity | None, str]:
        """The figure most likely at fault, the value the rest of the report supports, and why."""
        for _, q in items:
            other = next((o for _, o in items if o.base_value != q.base_value), None)
            if other is not None and self._sum_supports(q, other):
                return q, other, f"；按 {other.text} 计，所在合计与各项之和相符"
        (top, n), *_ = values.most_common(1)
        if n > len(items) / 2 and n >= 2:
            odd = [q for _, q in items if q.base_value != top]
            support = next(q for _, q in items if q.base_value == top)
            return odd[-1], support, f"；其余 {n} 处均为 {support.text}"
        return items[-1][1], None, ""

    def _sum_supports(self, f: Quantity, other: Quantity) -> bool:
        """Does a breakdown `f` belongs to fail with f's value and hold with the other one?"""
        ctx = self.ctx
        for _, total, parts in footings(ctx.facts.breakdowns, f.base_unit):
            figures = [total, *parts]
            if f not in figures:
                continue
            band = unit_of(figures)
            now = [ctx.interval(q) for q in figures]
            swapped = [ctx.interval(other) if q is f else ctx.interval(q) for q in figures]
            if (
                ctx.judge(now[0], add(now[1:]), band) == "fail"
                and ctx.judge(swapped[0], add(swapped[1:]), band) == "pass"
            ):
                return True
        return False


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [RestatedFigure]
