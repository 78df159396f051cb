"""Unit checks: a unit off by 10⁴ or 10⁸ (亿元 for 万元, 元 for 万元), and a figure missing its unit."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from tieout.linter.figures.intervals import add, interval, unit_of
from tieout.linter.figures.quantities import Quantity
from tieout.linter.rules.base import Result, Rule
from tieout.linter.rules.hooks import hookimpl

from ._util import footings

MONEY_UNITS = {Decimal(1): "元", Decimal(10**3): "千元", Decimal(10**4): "万元", Decimal(10**8): "亿元"}
AMOUNT_WORDS = re.compile(r"(?:金额|资金|经费|收入|支出|费用|预算|总值|总额|净值|余额|结余|资产|负债|拨款|价值|成本)$")


class UnitSlip(Rule):
    """A figure whose unit makes its breakdown fail by a factor of 10⁴ or 10⁸, while the same number in the
    neighbouring unit makes it hold exactly.

    `项目支出 605,282.99 亿元` in a list of 万元 whose parts sum to the total only when it is read as 万元 is
    a unit slip, not a sum error: the finding names the likely unit, and the other checks compute with it.
    """

    code = "TO202"
    name = "unit-slip"
    severity = "error"
    kind = "unit"
    order = 10

    def check(self) -> Iterable[Result]:
        for _, total, parts in footings(self.ctx.facts.breakdowns, "元"):
            figures = [total, *parts]
            unit_ulp = unit_of(figures)
            if self.ctx.judge(interval(total), add([interval(p) for p in parts]), unit_ulp) != "fail":
                continue
            found = self._rescaled(total, parts, unit_ulp)
            if found is None:
                continue
            f, fixed, unit = found
            self.ctx.corrections[f.start] = fixed
            others = [q for q in figures if q is not f]
            number = f.text[: -len(f.unit)]
            yield self.diag(
                f,
                f"单位疑误：{f.text} 应为 {number}{unit}；按 {unit} 计，"
                f"{'各项之和等于合计' if f is not total else '合计等于各项之和'}，按 {f.unit} 计则相差 10⁴ 倍以上",
                stated=f.text,
                expected=f"{number}{unit}",
                fix=f"{number}{unit}",
                related=[self.ctx.related(q, "合计" if q is total else "组成项") for q in others],
            )
            yield self.checked(f, "fail", others)

    def _rescaled(
        self, total: Quantity, parts: list[Quantity], unit_ulp: Decimal
    ) -> tuple[Quantity, Decimal, str] | None:
        """The one figure whose number in another money unit makes the breakdown foot exactly."""
        figures = [total, *parts]
        for f in figures:
            for scale, unit in MONEY_UNITS.items():
                if scale == f.scale:
                    continue
                fixed = f.value * scale
                ivs = [interval(q, fixed if q is f else None) for q in figures]
                if self.ctx.judge(ivs[0], add(ivs[1:]), unit_ulp) != "pass":
                    continue
                if f is not total:
                    # a part that rescales to almost nothing is an extra part, not a unit slip
                    without = [iv for q, iv in zip(parts, ivs[1:]) if q is not f]
                    if self.ctx.judge(ivs[0], add(without), unit_ulp) == "pass":
                        continue
                return f, fixed, unit
        return None


class MissingUnit(Rule):
    """An amount written without its unit among amounts that have one (`在用固定资产总值为 130.60。`).

    The number is read as it stands; the finding asks for the unit the neighbouring amounts use.
    """

    code = "TO203"
    name = "missing-unit"
    severity = "warning"
    kind = "unit"

    def check(self) -> Iterable[Result]:
        in_formula = {q.start for f in self.ctx.facts.formulas for q in [*f.operands, f.result]}
        by_para: dict[int, list] = {}
        for m in self.ctx.facts.mentions:
            by_para.setdefault(m.paragraph, []).append(m)
        for mentions in by_para.values():
            units = [q for m in mentions for q in m.quantities if q.kind == "amount"]
            if not units:
                continue
            for m in mentions:
                for q in m.quantities:
                    if q.kind != "bare" or q.start in in_formula or not AMOUNT_WORDS.search(m.key):
                        continue
                    near = min(units, key=lambda u: abs(u.start - q.start))
                    yield self.diag(
                        q,
                        f"{m.key} {q.text} 缺少单位；同段金额以“{near.unit}”为单位，应写作 {q.text}{near.unit}",
                        stated=q.text,
                        expected=f"{q.text}{near.unit}",
                        related=[self.ctx.related(near, "同段金额的单位")],
                    )


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [UnitSlip, MissingUnit]
