"""Shares: `占 p%` against part / total, and the shares of one breakdown against 100%."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from tieout.linter.figures.intervals import HUNDRED, add, fmt, interval, ratio
from tieout.linter.rules.base import Result, Rule
from tieout.linter.rules.hooks import hookimpl

from ._util import in_unit


class ShareMismatch(Rule):
    """A stated share (`占 p%`, `占比 p%`) does not match part / total of its breakdown.

    The exact share is computed from the intervals of the part and the total; a stated share off by no more
    than one unit of its last digit is a rounding finding (TO100). The suggested fix is the share itself,
    rounded to the precision it was written with.
    """

    code = "TO103"
    name = "share-mismatch"
    severity = "error"
    kind = "share"
    order = 40

    def check(self) -> Iterable[Result]:
        ctx = self.ctx
        for s in ctx.facts.shares:
            if s.part is None or s.total is None or not s.part.exact or not s.total.exact or not s.stated.exact:
                continue
            iv = ratio(interval(s.part, ctx.value(s.part)), interval(s.total, ctx.value(s.total)))
            if iv is None:
                continue
            stated = s.stated
            verdict = self.ctx.judge(interval(stated), iv, stated.ulp)
            for alt in s.alternatives if verdict != "pass" else ():
                alt_iv = ratio(interval(s.part, ctx.value(s.part)), interval(alt, ctx.value(alt)))
                if alt_iv is not None and ctx.judge(interval(stated), alt_iv, stated.ulp) == "pass":
                    verdict = "pass"
            yield self.checked(stated, "pass" if verdict == "pass" else "fail", [s.part, s.total])
            if verdict == "pass":
                continue
            exact = ctx.value(s.part) / ctx.value(s.total) * HUNDRED
            expected = f"{fmt(exact, stated.decimals)}%"
            related = [ctx.related(s.part, "部分"), ctx.related(s.total, "合计")]
            if verdict == "rounding":
                yield self.diag(
                    stated,
                    f"占比 {stated.text} 与 {s.part.text}/{s.total.text} = {fmt(exact, 4)}% 相差不足末位一个单位，"
                    f"按四舍五入应为 {expected}",
                    stated=stated.text,
                    expected=expected,
                    related=related,
                    fix=expected,
                    **self.rounding(True),
                )
            else:
                yield self.diag(
                    stated,
                    f"占比 {stated.text} 与 {s.part.text}/{s.total.text} = {fmt(exact, 4)}% 不符，应为 {expected}",
                    stated=stated.text,
                    expected=expected,
                    related=related,
                    fix=expected,
                )


class ShareList(Rule):
    """Shares listed with no stated whole (`教育支出 9,558 万元，占 90%；社保 637.2 万元，占 6%；…`).

    When the listed shares add up to 100% (within their rounding), the whole is the sum of the listed
    parts, and each share must match its part over that sum. Shares adding up to more than 100% are wrong
    whatever the whole; shares adding up to less may leave items out and are not judged.
    """

    code = "TO112"
    name = "share-list"
    severity = "error"
    kind = "share"
    order = 45

    def check(self) -> Iterable[Result]:
        ctx = self.ctx
        for shares in ctx.facts.share_lists:
            stated = [s.stated for s in shares]
            if any(not q.exact for q in stated) or any(s.part is None or not s.part.exact for s in shares):
                continue
            total = sum((q.value for q in stated), Decimal(0))
            slack = sum((q.ulp for q in stated), Decimal(0))
            if total > HUNDRED + slack:
                yield self.checked(stated[-1], "fail", stated[:-1], kind="share_sum")
                yield self.diag(
                    stated[-1],
                    f"所列各项占比之和 {' + '.join(q.text for q in stated)} = {fmt(total)}%，超过 100%",
                    stated=f"{fmt(total)}%",
                    expected="≤ 100%",
                    related=[ctx.related(q, "占比") for q in stated[:-1]],
                )
                continue
            if total < HUNDRED - slack:
                continue
            yield self.checked(stated[-1], "pass", stated[:-1], kind="share_sum")
            parts = [s.part for s in shares]
            whole = sum((ctx.value(p) for p in parts), Decimal(0))
            whole_iv = add([interval(p, ctx.value(p)) for p in parts])
            for s in shares:
                iv = ratio(interval(s.part, ctx.value(s.part)), whole_iv)
                if iv is None:
                    continue
                verdict = ctx.judge(interval(s.stated), iv, s.stated.ulp)
                yield self.checked(s.stated, "pass" if verdict == "pass" else "fail", parts)
                if verdict == "pass":
                    continue
                exact = ctx.value(s.part) / whole * HUNDRED
                expected = f"{fmt(exact, s.stated.decimals)}%"
                yield self.diag(
                    s.stated,
                    f"占比 {s.stated.text} 与 {s.part.text} 占所列各项之和 {in_unit(whole, s.part)} 的 "
                    f"{fmt(exact, 2)}% 不符，应为 {expected}",
                    stated=s.stated.text,
                    expected=expected,
                    fix=expected,
                    related=[ctx.related(p, "所列各项") for p in parts if p is not s.part],
                    **self.rounding(verdict == "rounding"),
                )


class ShareSum(Rule):
    """The shares stated for the parts of one breakdown do not add up to 100%.

    Each share may be off by half a unit of its last digit through rounding, so a list missing 100% by no
    more than that is no finding. When a share of the list was already found wrong, the finding says so
    rather than blaming the list twice.
    """

    code = "TO104"
    name = "share-sum"
    severity = "error"
    kind = "share_sum"
    order = 45

    def check(self) -> Iterable[Result]:
        ctx = self.ctx
        for b in ctx.facts.breakdowns:
            if not b.exhaustive or len(b.parts) < 2 or any(p.share is None for p in b.parts):
                continue
            shares = [p.share.stated for p in b.parts if p.share]
            if any(not q.exact for q in shares):
                continue
            total = sum((q.value for q in shares), Decimal(0))
            slack = sum((q.ulp for q in shares), Decimal(0))
            last = shares[-1]
            if abs(total - HUNDRED) <= slack:
                yield self.checked(last, "pass", shares[:-1])
                continue
            yield self.checked(last, "fail", shares[:-1])
            wrong = [q for q in shares if ctx.blamed.get(q.start) == "TO103"]
            msg = f"各项占比之和 {' + '.join(q.text for q in shares)} = {fmt(total)}%，不等于 100%"
            if wrong:
                msg += f"（同一原因：{'、'.join(q.text for q in wrong)} 已报占比错误，改正后再核）"
            yield self.diag(
                last,
                msg,
                stated=f"{fmt(total)}%",
                expected="100%",
                related=[ctx.related(q, "占比") for q in shares[:-1]],
                severity="warning" if wrong else None,
            )


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [ShareMismatch, ShareList, ShareSum]
