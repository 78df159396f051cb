"""Changes against an earlier period: the stated change, its direction word, and percentage points."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from tieout.linter.figures.intervals import HUNDRED, fmt, interval, ratio, sub
from tieout.linter.rules.base import Result, Rule
from tieout.linter.rules.hooks import hookimpl


class ChangeMismatch(Rule):
    """A stated change (`比上年 X 增加 Δ`, `增长 p%`) does not match the current and the earlier figure.

    With the earlier figure stated, Δ is checked as current − earlier and p as Δ / earlier; with only Δ and
    p stated, p is checked as Δ / (current ∓ Δ).
    """

    code = "TO108"
    name = "change-mismatch"
    severity = "error"
    kind = "growth"

    def check(self) -> Iterable[Result]:
        ctx = self.ctx
        for c in ctx.facts.changes:
            cur = c.current
            if cur is None or not cur.exact or cur.kind == "percent":
                continue
            if len({m.direction for m in c.movements}) > 1:
                continue  # 减少 Δ，增长 p%: contradictory words, reported by TO204
            moves = [m for m in c.movements if m.quantity is not None and m.quantity.exact]
            delta_q = next(
                (m for m in moves if m.quantity.base_unit == cur.base_unit and m.quantity.kind != "percent"), None
            )
            pct_q = next((m for m in moves if m.quantity.kind == "percent"), None)
            base = c.base if c.base is not None and c.base.base_unit == cur.base_unit else None
            if base is None and delta_q is not None:
                d, c_iv = interval(delta_q.quantity), interval(cur)
                up = delta_q.direction == "up"
                base_iv = sub(c_iv, d) if up else (c_iv[0] + d[0], c_iv[1] + d[1])
                base_val = (
                    cur.base_value - delta_q.quantity.base_value if up else cur.base_value + delta_q.quantity.base_value
                )
            elif base is not None:
                base_iv = interval(base)
                base_val = base.base_value
            else:
                continue
            if delta_q is not None and base is not None:
                d_iv = sub(interval(cur), base_iv)
                sign = 1 if delta_q.direction == "up" else -1
                stated = interval(delta_q.quantity)
                stated = (stated[0] * sign, stated[1] * sign) if sign > 0 else (-stated[1], -stated[0])
                unit = delta_q.quantity.ulp * delta_q.quantity.scale
                verdict = self.ctx.judge(stated, d_iv, unit)
                yield self.checked(delta_q.quantity, "pass" if verdict == "pass" else "fail", [cur, base], kind="delta")
                if verdict == "fail":
                    exact = cur.base_value - base.base_value
                    yield self.diag(
                        delta_q.quantity,
                        f"{c.label or '本期'} {cur.text} 与上期 {base.text} 之差为 {fmt(exact / cur.scale)}{cur.unit}，"
                        f"与所写 {delta_q.word}{delta_q.quantity.text} 不符",
                        stated=delta_q.quantity.text,
                        expected=f"{fmt(abs(exact) / delta_q.quantity.scale)}{delta_q.quantity.unit}",
                        related=[ctx.related(cur, "本期数"), ctx.related(base, "上期数")],
                    )
            if pct_q is not None:
                growth_iv = ratio(sub(interval(cur), base_iv), base_iv)
                if growth_iv is None:
                    continue
                p = pct_q.quantity
                sign = 1 if pct_q.direction == "up" else -1
                st = interval(p)
                st = st if sign > 0 else (-st[1], -st[0])
                verdict = self.ctx.judge(st, growth_iv, p.ulp)
                yield self.checked(p, "pass" if verdict == "pass" else "fail", [cur] + ([base] if base else []))
                if verdict == "pass" or base_val == 0:
                    continue
                exact = (cur.base_value - base_val) / base_val * HUNDRED
                expected = f"{fmt(abs(exact), p.decimals)}%"
                kw = self.rounding(verdict == "rounding")
                yield self.diag(
                    p,
                    f"按本期 {cur.text}、上期 {fmt(base_val / cur.scale)}{cur.unit} 计算，变动率为 {fmt(exact, 2)}%，与所写 {pct_q.word}{p.text} 不符",
                    stated=p.text,
                    expected=expected,
                    fix=expected,
                    related=[ctx.related(cur, "本期数")] + ([ctx.related(base, "上期数")] if base else []),
                    **kw,
                )


class DirectionWord(Rule):
    """A direction word contradicts the figures: 增加/提高 for a figure that fell, 减少/降低 for one that rose.

    Checks `由 a 提高至 b` / `从 a 降低至 b` and changes whose earlier figure is stated.
    """

    code = "TO204"
    name = "direction-word"
    severity = "error"
    kind = "direction"

    def check(self) -> Iterable[Result]:
        ctx = self.ctx
        for f in ctx.facts.fromtos:
            if f.direction is None or f.start.base_unit != f.end.base_unit:
                continue
            diff = f.end.base_value - f.start.base_value
            ok = diff == 0 or (diff > 0) == (f.direction == "up")
            yield self.checked(f.end, "pass" if ok else "fail", [f.start], kind="direction")
            if not ok:
                yield self.diag(
                    f.end,
                    f"“{f.word}”与数字方向相反：由 {f.start.text} 到 {f.end.text} 是{'增加' if diff > 0 else '减少'}",
                    stated=f.word,
                    expected="提高" if diff > 0 else "降低",
                    related=[ctx.related(f.start, "起始值")],
                )
        for c in ctx.facts.changes:
            if len({m.direction for m in c.movements}) > 1:
                first, other = c.movements[0], next(m for m in c.movements if m.direction != c.movements[0].direction)
                anchor = other.quantity or first.quantity or c.current
                if anchor is not None:
                    yield self.checked(anchor, "fail", [q for q in (first.quantity, c.current) if q is not None])
                    yield self.diag(
                        (other.start, other.end),
                        f"同一变动前后方向相反：先写“{first.word}"
                        f"{first.quantity.text if first.quantity else ''}”，后写“{other.word}"
                        f"{other.quantity.text if other.quantity else ''}”",
                        stated=other.word,
                        related=[ctx.related(first.quantity, "前一处")] if first.quantity else [],
                    )
                continue
            if c.current is None or c.base is None or c.base.base_unit != c.current.base_unit:
                continue
            diff = c.current.base_value - c.base.base_value
            for m in c.movements:
                ok = diff == 0 or (diff > 0) == (m.direction == "up")
                anchor = m.quantity or c.current
                yield self.checked(anchor, "pass" if ok else "fail", [c.current, c.base], kind="direction")
                if not ok:
                    yield self.diag(
                        anchor,
                        f"“{m.word}”与数字方向相反：上期 {c.base.text}，本期 {c.current.text}",
                        stated=m.word,
                        expected="增加" if diff > 0 else "减少",
                        related=[ctx.related(c.current, "本期数"), ctx.related(c.base, "上期数")],
                    )


EXPLAINED = re.compile(
    r"(?P<label>[\u4e00-\u9fff]{2,16}?)(?:较上年|比上年|同比)?(?P<word>增加|增长|提高|上升|减少|下降|降低)"
    r"(?:的|了)?(?:主要)?原因"
)
UP_WORDS = ("增加", "增长", "提高", "上升")


class ExplanationDirection(Rule):
    """An explanation names the opposite direction of the change it explains.

    `差旅费 12.6 万元，比上年减少 3.4 万元。差旅费增加的主要原因是…`: the change was a decrease, the
    explanation speaks of an increase. The change and its explanation are matched by label within one
    section.
    """

    code = "TO206"
    name = "explanation-direction"
    severity = "error"
    kind = "direction"

    def check(self) -> Iterable[Result]:
        ctx = self.ctx
        known: list[tuple[str, str, int, object]] = []  # label, direction, sentence start, anchor quantity
        for c in ctx.facts.changes:
            if not c.label or not c.movements:
                continue
            direction = c.movements[0].direction
            if c.current is not None and c.base is not None and c.base.base_unit == c.current.base_unit:
                diff = c.current.base_value - c.base.base_value
                if diff:
                    direction = "up" if diff > 0 else "down"
            anchor = c.movements[0].quantity or c.current
            if anchor is not None:
                known.append((c.label, direction, anchor.start, anchor))
        if not known:
            return
        text = ctx.doc.text
        for m in EXPLAINED.finditer(text):
            said = "up" if m.group("word") in UP_WORDS else "down"
            label = m.group("label")
            section = ctx.doc.section_at(m.start())
            for key, direction, at, anchor in known:
                if at > m.start() or ctx.doc.section_at(at) is not section:
                    continue
                if not (label.endswith(key) or key.endswith(label)):
                    continue
                ok = said == direction
                yield self.checked(anchor, "pass" if ok else "fail", kind="direction")
                if not ok:
                    span = (m.start("word"), m.end("word"))
                    yield self.diag(
                        span,
                        f"说明写“{label}{m.group('word')}”，但{key}是"
                        f"{'增加' if direction == 'up' else '减少'}（{anchor.text}）",
                        stated=m.group("word"),
                        expected="增加" if direction == "up" else "减少",
                        fix="增加" if direction == "up" else "减少",
                        related=[ctx.related(anchor, "所说明的变动")],
                    )
                break


class PercentagePoint(Rule):
    """A change of a rate written as `%` where it is a difference of percentages (`个百分点`).

    `结算率为 55.7%，较上年增加 15.86%`: a change between two percentages is stated in 个百分点; if 15.86
    is the difference of the two years' rates, write `15.86 个百分点`. When the report states last year's rate,
    or the figures both years' rates come from (`2021年直接结算 689 人次，零报+直接结算 1728 人次；2022年 …`),
    the finding is certain (error) or there is none (a correct relative change); otherwise it is a warning
    that gives last year's rate under both readings.
    """

    code = "TO205"
    name = "percentage-point"
    severity = "warning"
    kind = "pp"

    def check(self) -> Iterable[Result]:
        ctx = self.ctx
        for c in ctx.facts.changes:
            cur = c.current
            if cur is None or cur.kind != "percent":
                continue
            for m in c.movements:
                q = m.quantity
                if q is None or q.kind != "percent" or not q.exact:
                    continue
                sign = Decimal(1 if m.direction == "up" else -1)
                previous, evidence = self._previous(c)
                if previous is not None:
                    yield from self._decided(c, m, q, previous, evidence)
                    continue
                as_pp = cur.value - sign * q.value
                denom = 1 + sign * q.value / HUNDRED
                as_rel = cur.value / denom if denom else None
                yield self.checked(q, "fail", [cur], kind="pp")
                rel = f"；若为相对增幅，则上年应为 {fmt(as_rel, 2)}%" if as_rel else ""
                yield self.diag(
                    q,
                    f"{c.label or '比率'} {cur.text} 的变动写作“{m.word}{q.text}”：两个百分比之差应以“个百分点”表述，"
                    f"写作“{m.word}{fmt(q.value)}个百分点”（即上年为 {fmt(as_pp, max(q.decimals, cur.decimals))}%）{rel}",
                    stated=q.text,
                    expected=f"{fmt(q.value)}个百分点",
                    fix=f"{fmt(q.value)}个百分点",
                    related=[ctx.related(cur, "本期比率")],
                )

    def _decided(self, c, m, q, previous: Decimal, evidence: list):
        """Last year's rate is known: the stated change is the point difference, the relative change, or neither."""
        ctx = self.ctx
        cur_exact = self._exact_current(c, evidence)
        pp = cur_exact - previous
        rel = (cur_exact / previous - 1) * HUNDRED if previous else None
        stated = q.value if m.direction == "up" else -q.value
        band = q.ulp + c.current.ulp  # both rates are written rounded
        related = [ctx.related(c.current, "本期比率")] + [ctx.related(x, "上年比率的依据") for x in evidence]
        pp_fits = abs(stated - pp) <= band
        rel_fits = rel is not None and abs(stated - rel) <= band
        if rel_fits and not pp_fits:
            yield self.checked(q, "pass", [c.current, *evidence], kind="pp")  # a correct relative change
            return
        yield self.checked(q, "fail", [c.current, *evidence], kind="pp")
        if pp_fits and rel_fits:  # too coarse to tell: say what 个百分点 would mean
            yield self.diag(
                q,
                f"{c.label or '比率'} {c.current.text} 的变动写作“{m.word}{q.text}”：两个百分比之差应以“个百分点”表述；"
                f"上年为 {fmt(previous, 2)}%，相差 {fmt(abs(pp), 2)} 个百分点，相对增幅 {fmt(rel, 2)}%",
                stated=q.text,
                expected=f"{fmt(q.value)}个百分点",
                related=related,
            )
        elif pp_fits:
            rel_text = f"，相对增幅为 {fmt(rel, 2)}%" if rel is not None else ""
            yield self.diag(
                q,
                f"{c.label or '比率'} 由上年 {fmt(previous, 2)}% 变为 {fmt(cur_exact, 2)}%，相差 {fmt(abs(pp), 2)} 个百分点"
                f"{rel_text}：“{m.word}{q.text}”是两个百分比之差，应写作“{m.word}{fmt(q.value)}个百分点”",
                stated=q.text,
                expected=f"{fmt(q.value)}个百分点",
                fix=f"{fmt(q.value)}个百分点",
                related=related,
                severity="error",
            )
        else:
            yield self.diag(
                q,
                f"{c.label or '比率'} 由上年 {fmt(previous, 2)}% 变为 {fmt(cur_exact, 2)}%：相差 {fmt(abs(pp), 2)} 个百分点，"
                f"相对增幅 {fmt(rel, 2) if rel is not None else '—'}%，都与“{m.word}{q.text}”不符",
                stated=q.text,
                related=related,
                severity="error",
                code="TO108",
                name="change-mismatch",
            )

    def _previous(self, c) -> tuple[Decimal | None, list]:
        """Last year's rate: stated as the change's base, or computed from last year's figures that stand beside
        the figures giving this year's rate (same names, an earlier year)."""
        if c.base is not None and c.base.kind == "percent":
            return c.base.value, [c.base]
        found = self._rate_pairs(c)
        return found if found else (None, [])

    def _rate_pairs(self, c):
        ctx = self.ctx
        cur = c.current
        section = ctx.doc.section_at(cur.start)
        ms = [
            m
            for m in ctx.facts.mentions
            if m.quantities and m.key and ctx.doc.section_at(m.quantities[0].start) is section
        ]
        figures = [
            (m, q) for m in ms for q in m.quantities if q.kind in ("amount", "count") and q.exact and q.base_value > 0
        ]
        results = set()
        evidence = []
        for m1, a in figures:
            for m2, b in figures:
                if a is b or a.base_unit != b.base_unit or m1.period != m2.period or not m1.period:
                    continue
                if ctx.judge(interval(cur), (a.base_value / b.base_value * HUNDRED,) * 2, cur.ulp) != "pass":
                    continue
                for n1, a2 in figures:
                    if n1.key != m1.key or n1.period == m1.period or not n1.period or a2.base_unit != a.base_unit:
                        continue
                    for n2, b2 in figures:
                        if n2.key == m2.key and n2.period == n1.period and b2.base_unit == b.base_unit and b2 is not a2:
                            results.add(a2.base_value / b2.base_value * HUNDRED)
                            evidence = [a2, b2, a, b]
        if len(results) == 1:
            return results.pop(), evidence
        return None

    @staticmethod
    def _exact_current(c, evidence: list) -> Decimal:
        if len(evidence) == 4:
            a, b = evidence[2], evidence[3]
            return a.base_value / b.base_value * HUNDRED
        return c.current.value


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [ChangeMismatch, DirectionWord, ExplanationDirection, PercentagePoint]
