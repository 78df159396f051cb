"""Rates and written formulas: 执行率、完成率、到位率 … against their operands, and `A/B*100%=C`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from tieout.linter.figures.intervals import HUNDRED, fmt, interval, ratio
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.formulas import evaluate
from tieout.linter.rules.base import Result, Rule
from tieout.linter.rules.hooks import hookimpl

TRIVIAL = {Decimal(0), Decimal(1), Decimal(100)}


class RateMismatch(Rule):
    """A stated rate does not match the two figures stated before it in the same sentence.

    `资金 196 万元，当年支出 174.77 万元，执行率为 89.17%`: the rate is checked as the second figure over the
    first (or the first over the second, whichever the sentence means); a miss within one unit of the
    rate's last digit is a rounding finding (TO100).
    """

    code = "TO105"
    name = "rate-mismatch"
    severity = "error"
    kind = "rate"

    def check(self) -> Iterable[Result]:
        ctx = self.ctx
        for r in ctx.facts.rates:
            if r.formula is not None or r.stated.kind != "percent" or not r.stated.exact:
                continue
            if len(r.operands) == 1:
                yield from self._implicit_base(r)
                continue
            if len(r.operands) < 2:
                continue
            a, b = r.operands[-2], r.operands[-1]
            if a.base_unit != b.base_unit:
                continue
            stated = interval(r.stated)
            verdicts = []
            for num, den in ((a, b),) if r.ordered else ((b, a), (a, b)):
                iv = ratio(interval(num, ctx.value(num)), interval(den, ctx.value(den)))
                if iv is not None:
                    verdicts.append((self.ctx.judge(stated, iv, r.stated.ulp), num, den))
            if not verdicts:
                continue
            if any(v == "pass" for v, _, _ in verdicts):
                yield self.checked(r.stated, "pass", [a, b])
                continue
            yield self.checked(r.stated, "fail", [a, b])
            v, num, den = verdicts[0]
            exact = ctx.value(num) / ctx.value(den) * HUNDRED
            expected = f"{fmt(exact, r.stated.decimals)}%"
            related = [ctx.related(num, "分子"), ctx.related(den, "分母")]
            if any(v == "rounding" for v, _, _ in verdicts):
                yield self.diag(
                    r.stated,
                    f"{r.name} {r.stated.text} 与 {num.text}/{den.text} = {fmt(exact, 4)}% 相差不足末位一个单位",
                    stated=r.stated.text,
                    expected=expected,
                    related=related,
                    fix=expected,
                    **self.rounding(True),
                )
            else:
                yield self.diag(
                    r.stated,
                    f"{r.name} {r.stated.text} 与 {num.text}/{den.text} = {fmt(exact, 4)}% 不符，应为 {expected}",
                    stated=r.stated.text,
                    expected=expected,
                    related=related,
                    fix=expected,
                )

    def _implicit_base(self, r) -> Iterable[Result]:
        """One operand in the sentence: the denominator stands elsewhere. Candidates are the same label stated
        in another sentence (the plan: `计划新建运动场 3 个` for `新建运动场 2 个，完成率 66.67%`), a larger
        figure of the same paragraph, and totals or plans stated anywhere. Any candidate that makes the rate
        hold is a checked pass. Otherwise a single same-label figure is evidence enough for a finding; a single
        total elsewhere only for an info finding (the base is not written, the author may mean another)."""
        ctx = self.ctx
        num = r.operands[0]
        same, near, totals = _implicit_base_candidates(ctx, num)
        for den, _ in [*same, *near, *totals]:
            if _rate_of(r.stated, num, den, ctx) == "pass":
                yield self.checked(r.stated, "pass", [num, den])
                return
        for cands, severity in ((same, None), (totals, "info")):
            if not cands:
                continue
            if len({q.base_value for q, _ in cands}) != 1:
                return
            den, key = cands[0]
            exact = ctx.value(num) / ctx.value(den) * HUNDRED
            yield self.checked(r.stated, "fail", [num, den])
            yield self.diag(
                r.stated,
                f"{r.name} {r.stated.text} 的分母未写明；以报告中的“{key}”{den.text} 为分母，"
                f"{num.text}/{den.text} = {fmt(exact, 2)}%。请写明分母或核对比率",
                stated=r.stated.text,
                expected=f"{fmt(exact, r.stated.decimals)}%",
                related=[ctx.related(num, "分子"), ctx.related(den, "可能的分母")],
                severity=severity,
            )
            return


PLAN = re.compile(r"计划|目标|预计|年初|任务|预算")
TOTALISH = re.compile(r"(?:总|合计|全部|全市|全省|全年|参保|参加|应|计划|预算|目标|总数|人数)")


def _implicit_base_candidates(ctx, num: Quantity):
    """(same label elsewhere, larger figures of the paragraph, totals and plans anywhere), each (figure, label)."""
    own = ctx.mention_of(num)
    same, near, totals = [], [], []
    for m in ctx.facts.mentions:
        for q in m.quantities:
            if q is num or not q.exact or q.base_unit != num.base_unit or q.kind != num.kind:
                continue
            if (
                own is not None
                and m.sentence != own.sentence
                and own.key
                and _same_name(m.key, own.key)
                and PLAN.search(ctx.sentence_of(q.start))
            ):
                same.append((q, m.key))
            elif own is not None and m.paragraph == own.paragraph and q.base_value >= num.base_value:
                near.append((q, m.key))
            elif TOTALISH.search(m.key) and q.base_value > num.base_value:
                totals.append((q, m.key))
    return same, near, totals


def _same_name(a: str, b: str) -> bool:
    """`项目计划改造校舍` names the plan of `实际改造校舍`: the same words once 计划/实际/完成 are set aside."""
    strip = re.compile(r"^(?:项目)?(?:年初|全年)?(?:计划|预计|目标|实际|已|共|累计)?")
    return strip.sub("", a) == strip.sub("", b) and len(strip.sub("", a)) >= 4


def _rate_of(r_stated: Quantity, num: Quantity, den: Quantity, ctx) -> str:
    iv = ratio(interval(num, ctx.value(num)), interval(den, ctx.value(den)))
    return "fail" if iv is None else ctx.judge(interval(r_stated), iv, r_stated.ulp)


class FormulaMismatch(Rule):
    """A written formula (`A/B*100%=C`, `A÷B×100%=C`, `(A-B)/B*100%=C`) whose result is not what its operands
    give. The expression is parsed by grammar/arithmetic.lark: × and ÷ bind tighter than + and −, brackets
    as written, and a % operand is a fraction (100% is 1)."""

    code = "TO106"
    name = "formula-mismatch"
    severity = "error"
    kind = "formula"

    def check(self) -> Iterable[Result]:
        ctx = self.ctx
        for f in ctx.facts.formulas:
            values = [q.value / HUNDRED if q.kind == "percent" else q.value for q in f.operands]
            value = evaluate(f.expression, values)
            if value is None:
                continue
            res = f.result
            scale = HUNDRED if res.kind == "percent" else Decimal(1)
            computed = value * scale
            ulp = res.ulp
            verdict = self.ctx.judge((res.value - ulp / 2, res.value + ulp), (computed, computed), ulp)
            yield self.checked(res, "pass" if verdict == "pass" else "fail", f.operands)
            if verdict == "pass":
                continue
            expected = f"{fmt(computed, res.decimals)}{res.unit}"
            related = [ctx.related(q, "运算数") for q in f.operands]
            yield self.diag(
                res,
                f"公式 {f.name or ''}计算结果应为 {fmt(computed, max(res.decimals, 2))}{res.unit}，写作 {res.text}",
                stated=res.text,
                expected=expected,
                related=related,
                fix=expected,
                **(self.rounding(verdict == "rounding")),
            )


class FormulaOperandUnknown(Rule):
    """A figure used in a written formula appears nowhere else in the report.

    `整体支出完成率 723.60/723.60*100%=100%` where the report states 723.51 as its total everywhere else:
    the arithmetic holds, but on figures the report never states. The finding lists the closest figures the
    report does state.
    """

    code = "TO107"
    name = "formula-operand-unknown"
    severity = "warning"
    kind = "formula"

    def check(self) -> Iterable[Result]:
        ctx = self.ctx
        in_formula = {q.start for f in ctx.facts.formulas for q in [*f.operands, f.result]}
        stated = [
            q for q in ctx.facts.quantities if q.start not in in_formula and q.kind in ("amount", "count", "bare")
        ]
        values = {q.value for q in stated}
        for f in ctx.facts.formulas:
            # small whole numbers in a formula (`×12`, `(100-5)`) are constants, not figures to look up
            unknown = [
                q
                for q in f.operands
                if q.kind != "percent"
                and q.value not in TRIVIAL
                and q.value not in values
                and (q.decimals > 0 or abs(q.value) >= 100)
            ]
            if not unknown:
                if any(q.kind != "percent" and q.value not in TRIVIAL for q in f.operands):
                    yield self.checked(f.operands[0], "pass", f.operands[1:], kind="cross_ref")
                continue
            first = unknown[0]
            yield self.checked(first, "fail", f.operands, kind="cross_ref")
            by_value = {}
            # an operand written with decimals is an amount; counts (人次, 家) are no candidates for it
            like = [q for q in stated if q.kind != "count" or q.decimals == first.decimals == 0]
            for q in sorted(like, key=lambda q: abs(q.value - first.value)):
                by_value.setdefault(q.value, q)
            near = list(by_value.values())[:2]
            names = "、".join(sorted({q.text for q in unknown}))
            hint = "；报告中最接近的数为 " + "、".join(q.text for q in near) if near else ""
            expected = near[0].text if near else None
            yield self.diag(
                first,
                f"公式 {f.name}中的 {names} 在报告其他地方没有出现{hint}",
                stated=first.text,
                expected=expected,
                related=[ctx.related(q, "报告中相近的数") for q in near]
                + [ctx.related(q, "同一公式的运算数") for q in f.operands[1:] if q is not first],
            )


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [RateMismatch, FormulaMismatch, FormulaOperandUnknown]
