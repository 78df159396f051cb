"""Shares: `占 p%` against part / total, and the shares of one breakdown against 100%."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from tieout.linter.facts.model import Breakdown, Share
from tieout.linter.figures.intervals import HUNDRED, add, fmt, interval, ratio
from tieout.linter.rules.base import CheckContext, Outcome, Result, Rule
from tieout.linter.rules.hooks import hookimpl

from ._util import in_unit


def share_outcome(ctx: CheckContext, s: Share) -> Outcome | None:
    """One stated share against its part over its whole (or any other stated whole of the same name)."""
    if s.part is None or s.total is None or not (s.part.exact and s.total.exact and s.stated.exact):
        return None
    iv = ratio(ctx.interval(s.part), ctx.interval(s.total))
    if iv is None:
        return None
    stated = s.stated
    verdict = ctx.judge(interval(stated), iv, stated.ulp)
    for alt in s.alternatives if verdict != "pass" else ():
        alt_iv = ratio(ctx.interval(s.part), ctx.interval(alt))
        if alt_iv is not None and ctx.judge(interval(stated), alt_iv, stated.ulp) == "pass":
            verdict = "pass"
    related = [(s.part, "部分"), (s.total, "合计")]
    if verdict == "pass":
        return Outcome(stated, "pass", "share", related)
    exact = ctx.value(s.part) / ctx.value(s.total) * HUNDRED
    expected = f"{fmt(exact, stated.decimals)}%"
    computed = f"{s.part.text}/{s.total.text} = {fmt(exact, 4)}%"
    if verdict == "rounding":
        msg = f"占比 {stated.text} 与 {computed} 相差不足末位一个单位，按四舍五入应为 {expected}"
    else:
        msg = f"占比 {stated.text} 与 {computed} 不符，应为 {expected}"
    return Outcome(stated, verdict, "share", related, msg, stated.text, expected, expected, s.certain)


def share_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    groups: dict[int, list[tuple[Share, Outcome]]] = {}
    for s in ctx.facts.shares:
        o = share_outcome(ctx, s)
        if o is not None:
            groups.setdefault(id(s.total), []).append((s, o))
    for group in groups.values():
        other = _another_whole(group)
        for _, o in group:
            if o.verdict == "fail" and other:
                continue  # the shares are of another whole than the one they were read against
            yield o


def _another_whole(group: list[tuple[Share, Outcome]]) -> bool:
    """Do two or more shares of one whole miss it alike, each implying the same other whole (`转移支付各地市
    28438 万元，其中福州 6733 万元、占比 23.22%` where every share is of the fund's 28,999 万元)? One mistaken
    share misses alone; shares that agree with each other on another whole were not meant of this one."""
    wholes = [_implied(s) for s, o in group if o.verdict == "fail"]
    wholes = [w for w in wholes if w is not None]
    if len(wholes) < 2:
        return False
    low = max(w[0] for w in wholes)
    high = min(w[1] for w in wholes)
    return low <= high


def _implied(s: Share) -> tuple[Decimal, Decimal] | None:
    """The whole a share implies: part / stated share, as an interval."""
    if s.part is None or s.stated.value <= 0:
        return None
    return ratio(interval(s.part), interval(s.stated))


class ShareMismatch(Rule):
    """A stated share (`占 p%`, `占比 p%`) does not match part / total of its breakdown.

    The whole is the breakdown's total in the same sentence, or the one figure the report states for the
    whole the share names (`占本年支出合计的 99.86%`) in the share's context. The exact share is computed
    from the intervals of the part and the total; a stated share off by no more than one unit of its last
    digit is a rounding finding (TO100). The suggested fix is the share itself, rounded to the precision it
    was written with.
    """

    code = "TO103"
    name = "share-mismatch"
    severity = "error"
    kind = "share"

    def check(self) -> Iterable[Result]:
        return self.report(share_outcomes(self.ctx))


def share_list_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """Shares listed with no stated whole: each against its part over the sum of the listed parts, when the
    shares mostly agree that this sum is their whole (the list is complete); shares that mostly disagree are
    of other wholes, or of a whole with parts left out, and are not judged."""
    for shares in ctx.facts.share_lists:
        stated = [s.stated for s in shares]
        parts = [s.part for s in shares if s.part is not None]
        if any(not q.exact for q in stated) or len(parts) != len(shares) or any(not p.exact for p in parts):
            continue
        total = sum((q.value for q in stated), Decimal(0))
        slack = sum((q.ulp for q in stated), Decimal(0))
        if total > HUNDRED + slack and total - HUNDRED < min(q.value for q in stated) / 2:
            # over 100% by less than half the smallest share: they cannot all be shares of one whole
            msg = f"所列各项占比之和 {' + '.join(q.text for q in stated)} = {fmt(total)}%，超过 100%"
            related = [(q, "占比") for q in stated[:-1]]
            yield Outcome(stated[-1], "fail", "share_sum", related, msg, f"{fmt(total)}%", "≤ 100%")
            continue
        outcomes = list(_against_listed_sum(ctx, shares, parts))
        misses = [o for o in outcomes if o.verdict != "pass"]
        complete = abs(total - HUNDRED) <= slack or (len(outcomes) >= 3 and len(misses) * 2 < len(outcomes))
        if complete or not misses:
            # the shares add up to 100%, or most of them are of the listed parts' sum: it is their whole
            yield from outcomes


def _against_listed_sum(ctx: CheckContext, shares: list[Share], parts: list) -> Iterator[Outcome]:
    whole = sum((ctx.value(p) for p in parts), Decimal(0))
    whole_iv = add([ctx.interval(p) for p in parts])
    for s in shares:
        assert s.part is not None
        iv = ratio(ctx.interval(s.part), whole_iv)
        if iv is None:
            continue
        verdict = ctx.judge(interval(s.stated), iv, s.stated.ulp)
        if verdict == "pass":
            yield Outcome(s.stated, "pass", "share", operands=parts)
            continue
        exact = ctx.value(s.part) / whole * HUNDRED
        expected = f"{fmt(exact, s.stated.decimals)}%"
        msg = (
            f"占比 {s.stated.text} 与 {s.part.text} 占所列各项之和 {in_unit(whole, s.part)} 的 "
            f"{fmt(exact, 2)}% 不符，应为 {expected}"
        )
        related = [(p, "所列各项") for p in parts if p is not s.part]
        yield Outcome(s.stated, verdict, "share", related, msg, s.stated.text, expected, expected, operands=parts)


class ShareList(Rule):
    """Shares listed with no stated whole (`教育支出 9,558 万元，占 90%；社保 637.2 万元，占 6%；…`).

    Where the shares add up to 100%, or three or more are listed and most of them are their part over the sum
    of the listed parts, that sum is the whole, and a share that is not is wrong. Shares over 100% by less
    than half the smallest of them cannot all be of one whole. Shares that mostly disagree with the sum are
    of other wholes (`节能产品占比 99.8%，环保产品占比 97.7%`) or of a whole with items left out: not judged.
    """

    code = "TO112"
    name = "share-list"
    severity = "error"
    kind = "share"

    def check(self) -> Iterable[Result]:
        return self.report(share_list_outcomes(self.ctx))


def share_sum_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """The shares of a breakdown's parts against 100%."""
    own = {id(s.part): s for s in ctx.facts.shares if s.part is not None}
    for b in ctx.facts.breakdowns:
        shares = [next((own[id(q)] for q in p.quantities if id(q) in own), None) for p in b.parts]
        listed = [s for s in shares if s is not None]
        if len(b.parts) < 2 or len(listed) != len(shares) or any(not s.stated.exact for s in listed):
            continue
        yield _share_sum(ctx, b, listed)


def _share_sum(ctx: CheckContext, b: Breakdown, shares: list[Share]) -> Outcome:
    stated = [s.stated for s in shares]
    total = sum((q.value for q in stated), Decimal(0))
    slack = sum((q.ulp for q in stated), Decimal(0))
    last = stated[-1]
    if abs(total - HUNDRED) <= slack or (total < HUNDRED and not b.exhaustive):
        # a partial list's shares may fall short of 100%; no list's may exceed it
        return Outcome(last, "pass", "share_sum", operands=stated[:-1])
    wrong = [s.stated for s in shares if (o := share_outcome(ctx, s)) is not None and o.verdict == "fail"]
    msg = f"各项占比之和 {' + '.join(q.text for q in stated)} = {fmt(total)}%，不等于 100%"
    if wrong:
        msg += f"（同一原因：{'、'.join(q.text for q in wrong)} 占比有误，改正后再核）"
    related = [(q, "占比") for q in stated[:-1]]
    return Outcome(last, "fail", "share_sum", related, msg, f"{fmt(total)}%", "100%", certain=b.certain and not wrong)


class ShareSum(Rule):
    """The shares stated for the parts of a breakdown add up to more than 100%, or a complete breakdown's to
    less.

    Each share may be off by half a unit of its last digit through rounding, so a list missing 100% by no
    more than that is no finding. When a share of the list is itself wrong (TO103), the finding says so and
    is a warning: one cause, the wrong share, reported in full by TO103.
    """

    code = "TO104"
    name = "share-sum"
    severity = "error"
    kind = "share_sum"

    def check(self) -> Iterable[Result]:
        return self.report(share_sum_outcomes(self.ctx))


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [ShareMismatch, ShareList, ShareSum]
