"""Shares: `占 p%` against part / total, and the shares of one breakdown against 100%."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from tieout.linter.facts.model import Breakdown, Share
from tieout.linter.facts.model import ShareList as ListedShares
from tieout.linter.figures.intervals import HUNDRED, Verdict, add, fmt, fmt_rate, interval, meet, ratio
from tieout.linter.figures.quantities import Quantity
from tieout.linter.rules.base import CheckContext, Outcome, Result, Rule
from tieout.linter.rules.hooks import hookimpl

from ._util import in_unit, one_unit_holds, units_apart


def share_outcome(ctx: CheckContext, s: Share) -> Outcome | None:
    """One stated share against its part over its whole (or any other stated whole of the same name)."""
    if s.part is None or s.total is None or not (s.part.exact and s.total.exact and s.stated.exact):
        return None
    iv = ratio(ctx.interval(s.part), ctx.interval(s.total))
    if iv is None:
        return None
    stated = s.stated
    verdict = ctx.judge(interval(stated), iv, stated.ulp)
    related = [(s.part, "部分"), (s.total, "合计")]
    if s.applied:
        return _applied_outcome(ctx, s, verdict)
    if verdict == "pass":
        return Outcome(stated, "pass", "share", related)
    exact = ctx.value(s.part) / ctx.value(s.total) * HUNDRED
    expected = fmt_rate(exact, stated)
    computed = f"{s.part.text}/{s.total.text} = {fmt(exact, 4)}%"
    if verdict == "rounding":
        msg = f"占比 {stated.text} 与 {computed} 不符，计入各数的舍入后相差不足末位一个单位，按四舍五入应为 {expected}"
    else:
        msg = f"占比 {stated.text} 与 {computed} 不符，应为 {expected}"
        if one_unit_holds(ctx, s.part, s.total, stated):
            # `有息债务余额 204.62 万元，占负债总额 274.31 亿元的 74.59%`: read in one unit the figures give the share
            # written; which of the two has the wrong unit is not told, so no share to suggest
            msg = f"占比 {stated.text} 与 {computed} 不符；{units_apart(s.part, s.total)}"
            return Outcome(stated, verdict, "share", related, msg, stated.text, None, None, s.certain)
    return Outcome(stated, verdict, "share", related, msg, stated.text, expected, expected, s.certain)


def _applied_outcome(ctx: CheckContext, s: Share, verdict: Verdict) -> Outcome:
    """A share the text applies to its whole to give the part (`按 30% 的比例调入一般公共预算 B`): the ratio is the
    rule followed, the part what it gave; where they disagree, the part is the figure to correct."""
    assert s.part is not None and s.total is not None  # (share_outcome reads only shares with both)
    related = [(s.stated, "比例"), (s.total, "合计")]
    if verdict == "pass":
        return Outcome(s.part, "pass", "share", related)
    expected = in_unit(ctx.value(s.total) * s.stated.value / HUNDRED, s.part)
    msg = f"按 {s.total.text} × {s.stated.text} 计算应为 {expected}，与所写 {s.part.text} 不符"
    if verdict == "rounding":
        msg += "（计入各数的舍入后相差不足末位一个单位）"
    return Outcome(s.part, verdict, "share", related, msg, s.part.text, expected, expected, s.certain)


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
    """Do two or more shares of one whole miss it alike, each implying the same other whole (`补助各区县
    18,420 万元，其中甲区 4,137 万元、占比 21.65%` where every share is of the fund's 19,108 万元)? One mistaken
    share misses alone; shares that agree with each other on another whole were not meant of this one."""
    wholes = [w for s, o in group if o.verdict == "fail" and (w := _implied(s)) is not None]
    return len(wholes) >= 2 and meet(wholes) is not None


def _implied(s: Share) -> tuple[Decimal, Decimal] | None:
    """The whole a share implies: part / stated share, as an interval."""
    if s.part is None or s.stated.value <= 0:
        return None
    return ratio(interval(s.part), interval(s.stated))


class ShareMismatch(Rule):
    """A stated share (`占 p%`, `占比 p%`) does not match part / total of its breakdown.

    ## What it does
    Divides the part by its whole and compares the result with the share stated for the part. The whole
    is the total of the breakdown the part is listed in, in the same sentence
    (`合计 X，具体为：A a，占 p%`), or, where the share names its whole (`占本年支出合计的 10%`,
    `占总支出的 10%`), the one figure the report states for that item in the part's context (scope,
    fund, stage and period); a whole named by a scope alone (`县级支出 A，占全州的 p%`) is the part's own
    item over that scope, the part being of another; a whole named by a short form of a fund before its item
    (`占基金收入的`) is that item of the fund whose name holds the short form (`政府性基金预算收入`), stated
    before the part in its paragraph (a warning); a whole named by a side and a total word alone (`占支出总额的`), no
    figure so named, is the one figure of that bare side (`一般公共预算支出 T`) the part's paragraph states before it
    in the part's context (a warning). When the report states that item with two different
    values, no whole is taken and nothing is said, unless the part's own paragraph states it with one value in
    the part's context (`上级补助收入 a，占收入总计的 p%，…。收入总计 T。`, another fund's 收入总计 elsewhere).
    A total named with no fund (`占收入总计的`) is the total of every fund: not a figure whose own words add a fund
    (`财政拨款收入总计 T`, one fund's total) the document as a whole is not of, unless that figure is stated before
    the part in its paragraph or under a heading the part stands under (`二、财政拨款收支情况`: the short words there
    take up the total just stated).
    Names listed before `分别占` with no figure of their own in the sentence (`甲、乙、丙长度分别占总长度的 p%、q%、
    r%`) take one share each, in order, where as many shares follow, their parts the figures stated under those
    names before (a warning where in an earlier sentence); with fewer or more shares than names, none is read.
    Shares that leave their whole unsaid after one of their sentence naming it (`A a，占新增专项债券的 p%；B b，占
    q%`) are of that whole as the list goes on, where the later parts are the first one's siblings (of its context,
    not set under it by `其中` or a list it totals, no share the part over the first part) (a warning). A whole named
    as a list's part with the list total's qualifier before it (`发行新增债券 T，其中…专项债券 b` … `占新增专项债券的`),
    no figure bearing that name, is that part's figure, the list in the share's sentence or the three before, under
    its heading (a warning). A whole named as another column of the table the share's paragraph follows right
    after (`电费支出合计 a，占运维成本的 p%` below a table whose columns are `运维成本` and `电费支出`), no figure of the
    prose so named, is the cell of the part's row in that column: the part one cell of the table exactly, whose
    column heading and row (its name, or a total word for the total row) the part's words state, the column named
    exactly, of a table whose columns are placed by their names (a warning).

    A fund's ratio handed over to the general budget (`调出资金 B，调出比例 p%`, `按 p% 的比例调入一般公共预算 B`)
    is B over the fund's income: the income its sentence names (the fund's own, not a kind of it), or, where
    the sentence names none, the fund's income stated before it under its heading, one value in its context (a
    warning), unless the ratio is what a kind of income stated there gives (`利润收入`) and the fund's income
    is not. Where the text applies the ratio to give the money (`按 p% 的比例…`), the money is what it
    reports: the income × p% it should be.

    The exact share is computed from the intervals of the part and the whole, so a share off by no more
    than one unit of its last digit is a rounding finding (TO100). The finding is an error where the
    whole is the list's own total or both identities are complete (a department's report, where its
    title states the scope, stage and period), a warning where the whole was found by name with part of
    its identity unknown. When two or more shares of one list miss their whole alike, each implying the
    same other whole (every share of a list of counties taken of the province's total, not of the
    counties' sum), they were not meant of this whole and none is reported. Only exact figures are
    checked (not `约`, not `以上`).

    ## Why is this bad?
    A reader takes the share as the weight of the item in the whole; a wrong share misstates it, and
    usually means that the part, the whole or the share was changed without the others.

    ## Example
    ```text
    本年支出合计 1,250.00 万元，具体为：基本支出 875.00 万元，占 60%；项目支出 375.00 万元，占 30%。
    ```
    875.00 / 1,250.00 is 70%. (The shares add up to 90% of a complete list too: TO104 reports that as a
    warning naming this share as its cause.)

    ## Passes
    ```text
    本年支出合计 1,250.00 万元，具体为：基本支出 875.00 万元，占 70%；项目支出 375.00 万元，占 30%。
    ```

    ## How to fix
    Write the share the finding suggests (part over whole, rounded to the precision the share was
    written with), or correct the part or the whole if the share is right and a figure is not.
    """

    code = "TO103"
    name = "share-mismatch"
    severity = "error"
    kind = "share"

    def check(self) -> Iterable[Result]:
        return self.report(self.ctx.outcomes(share_outcomes))


def share_list_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """Shares listed with no stated whole: each against its part over the sum of the listed parts, when the
    shares mostly agree that this sum is their whole (the list is complete); shares that mostly disagree are
    of other wholes, or of a whole with parts left out, and are not judged."""
    for listed in ctx.facts.share_lists:
        if any(s.part is not None for s in listed.shares):
            yield from _listed_outcomes(ctx, listed)
        elif all(s.stated.exact for s in listed.shares):
            yield _named_only([s.stated for s in listed.shares])


def _listed_outcomes(ctx: CheckContext, listed: ListedShares) -> Iterator[Outcome]:
    shares = listed.shares
    stated = [s.stated for s in shares]
    parts = [s.part for s in shares if s.part is not None]
    if any(not q.exact for q in stated) or len(parts) != len(shares) or any(not p.exact for p in parts):
        return
    if len({p.unit for p in parts}) > 1:
        yield from _units_apart(shares, parts)
        return
    total = sum((q.value for q in stated), Decimal(0))
    slack = sum((q.ulp for q in stated), Decimal(0))
    if not listed.defined and (over := _over_hundred(stated, total, slack)) is not None:
        yield over  # a defined whole's shares are each judged instead: the wrong one is named
        return
    # shares adding up to 100% say the list is complete, and so does a named whole whose definition the parts
    # cover (`占“三公”经费的`, each of its three components listed); most shares agreeing with the sum only
    # suggest it
    stated_complete = abs(total - HUNDRED) <= slack or listed.defined
    outcomes = list(_against_listed_sum(ctx, shares, parts, stated_complete, listed.whole))
    misses = [o for o in outcomes if o.verdict != "pass"]
    if listed.defined and len(misses) == len(outcomes) == len(shares) and (other := _one_other_whole(shares)):
        # every share misses the named whole alike: one mistake (the shares are of another whole), one finding
        yield _of_another_whole(listed, outcomes, parts, other)
        return
    complete = stated_complete or (len(outcomes) >= 3 and len(misses) * 2 < len(outcomes))
    if complete or not misses:
        # the shares add up to 100%, or most of them are of the listed parts' sum: it is their whole
        yield from outcomes


def _units_apart(shares: list[Share], parts: list[Quantity]) -> Iterator[Outcome]:
    """`一般公共预算拨款收入 2,248.28 亿元，占 91.4%；事业收入 186.00 万元，占 7.6%`: parts written in two units, one of
    them likely wrong; their sum is no whole a share can be judged against, and each share would be reported for
    the one unit. Where one part alone is in its unit and every share holds read in the others', that part's unit
    is named, once; else nothing is said."""
    lone = _odd_unit(shares, parts)
    if lone is not None:
        besides = next(p for p in parts if p.unit != lone.unit)
        msg = f"{lone.text} 与所列其他各项单位不同；{units_apart(lone, besides)}"
        yield Outcome(lone, "fail", "share", [(p, "所列各项") for p in parts if p is not lone], msg, lone.text)


def _odd_unit(shares: list[Share], parts: list[Quantity]) -> Quantity | None:
    """The one part written in another unit than all the others, where every share is its part's figure as
    written over the sum of the figures as written (to the share's last digit)."""
    units = [p.unit for p in parts]
    odd = [p for p in parts if units.count(p.unit) == 1]
    if len(odd) != 1 or len(set(units)) != 2:
        return None
    whole = sum((p.value for p in parts), Decimal(0))
    for sh in shares:
        assert sh.part is not None
        if not whole or abs(sh.part.value / whole * HUNDRED - sh.stated.value) > sh.stated.ulp:
            return None
    return odd[0]


def _named_only(stated: list[Quantity]) -> Outcome:
    """Shares of parts named with no figure (`资金来源构成为：中央补助占 60%，…`): only their sum can be judged."""
    total, slack = sum((q.value for q in stated), Decimal(0)), sum((q.ulp for q in stated), Decimal(0))
    over = _over_hundred(stated, total, slack)
    return over if over is not None else Outcome(stated[-1], "pass", "share_sum", operands=stated)


def _over_hundred(stated: list[Quantity], total: Decimal, slack: Decimal) -> Outcome | None:
    """Shares over 100% by less than half the smallest of them: they cannot all be shares of one whole."""
    if not (total > HUNDRED + slack and total - HUNDRED < min(q.value for q in stated) / 2):
        return None
    msg = f"所列各项占比之和 {' + '.join(q.text for q in stated)} = {fmt(total)}%，超过 100%"
    related = [(q, "占比") for q in stated[:-1]]
    return Outcome(stated[-1], "fail", "share_sum", related, msg, f"{fmt(total)}%", "≤ 100%")


def _against_listed_sum(
    ctx: CheckContext, shares: list[Share], parts: list, certain: bool, whole_name: str = ""
) -> Iterator[Outcome]:
    whole = sum((ctx.value(p) for p in parts), Decimal(0))
    whole_iv = add([ctx.interval(p) for p in parts])
    like = max(parts, key=lambda p: p.value)  # the sum written as the largest part is (its separators)
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
        expected = fmt_rate(exact, s.stated)
        of = f"所列各项之和 {in_unit(whole, like)} "
        of = f"{whole_name}（{of.strip()}）" if whole_name else of
        msg = f"占比 {s.stated.text} 与 {s.part.text} 占{of}的 {fmt(exact, 2)}% 不符，应为 {expected}"
        related = [(p, "所列各项") for p in parts if p is not s.part]
        yield Outcome(s.stated, verdict, "share", related, msg, s.stated.text, expected, expected, certain, parts)


def _one_other_whole(shares: list[Share]) -> tuple[Decimal, Decimal] | None:
    """The one whole all the shares imply (part / share), when their intervals meet."""
    wholes = [w for s in shares if (w := _implied(s)) is not None]
    return meet(wholes) if len(wholes) == len(shares) else None


def _of_another_whole(
    listed: ListedShares, outcomes: list[Outcome], parts: list, other: tuple[Decimal, Decimal]
) -> Outcome:
    first = outcomes[0]
    whole = sum((p.base_value for p in parts), Decimal(0))
    like = max(parts, key=lambda p: p.value)
    said = "、".join(s.stated.text for s in listed.shares)
    should = "、".join(o.expected or "" for o in outcomes)
    about = in_unit((other[0] + other[1]) / 2, like, 0)
    msg = (
        f"所列占比 {said} 都不是各项占{listed.whole}（所列各项之和 {in_unit(whole, like)}）的比例，"
        f"应为 {should}；它们一致地按另一合计（约 {about}）计算"
    )
    related = [(s.stated, "占比") for s in listed.shares[1:]] + [(p, "所列各项") for p in parts]
    return Outcome(first.anchor, "fail", "share", related, msg, said, should, None, True, parts)


class ShareList(Rule):
    """Shares listed with no stated whole (`教育支出 9,558 万元，占 90%；社保 637.2 万元，占 6%；…`).

    ## What it does
    Takes the shares of one sentence that name no whole, or name one whole of which the document states no
    figure (`占“三公”经费的 p%`; or name it at the first share only, left unsaid at the others: `A a，占自评资金
    总额的 p%；B b，占 q%；C c，占 r%`, read as naming none), and belong to no breakdown with a stated total (those are TO103's), two or
    more with parts of one unit, and judges them against the sum of the listed parts when that sum is their
    whole: when the stated shares add up to 100% (within their rounding), when the named whole is a total
    whose definition (`linter/vocab/sums.yaml`) the listed parts cover, one each, or when three or more are
    listed and most of them are their part over that sum. A share
    that is then not its part over the sum is reported, with the share it should be. Shares that add up
    to more than 100%, by less than half the smallest of them, cannot all be of one whole: that is
    reported too, at the last share.

    It says nothing when the shares mostly disagree with the sum of the parts: they are then of other
    wholes (`节能产品占比 99.8%，环保产品占比 97.7%`) or of a whole with items left out (`主要支出为：…`
    listing the largest items only). Approximate figures are not judged. A miss within one unit of the
    share's last digit is a rounding finding (TO100).

    ## Why is this bad?
    The shares are the reader's picture of how the money was spread; one that is not the part's weight
    among the others misstates it, and shares over 100% cannot all be right.

    ## Example
    ```text
    按经济分类，工资福利支出 640.00 万元，占 64.00%；商品和服务支出 280.00 万元，占 26.00%；资本性支出 80.00 万元，占 8.00%。
    ```
    The parts add up to 1,000.00 万元, of which 280.00 is 28.00%; the other two shares agree with that
    whole.

    ## Passes
    ```text
    按经济分类，工资福利支出 640.00 万元，占 64.00%；商品和服务支出 280.00 万元，占 28.00%；资本性支出 80.00 万元，占 8.00%。
    ```

    ## How to fix
    Write the share the finding suggests, or correct the part. If the shares are of a whole the text
    does not state (a list of the largest items only), state that whole (`支出合计 X，其中：…`), so that each
    share is checked against it.
    """

    code = "TO112"
    name = "share-list"
    severity = "error"
    kind = "share"

    def check(self) -> Iterable[Result]:
        return self.report(self.ctx.outcomes(share_list_outcomes))


def share_sum_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """The shares of a breakdown's parts against 100%."""
    own = {id(s.part): s for s in ctx.facts.shares if s.part is not None}
    for b in ctx.facts.breakdowns:
        shares = [next((own[id(q)] for q in p.quantities if id(q) in own), None) for p in b.parts]
        listed = [s for s in shares if s is not None]
        if len(b.parts) < 2 or len(listed) != len(shares) or any(not s.stated.exact for s in listed):
            continue
        if any(_of_another(s, b) for s in listed):
            continue  # `基本支出 A，占基本支出预算的 p%；项目支出 B，占项目支出预算的 q%`: shares of other wholes
        if _of_the_totals_whole(b, listed, own):
            # (their sum is no more than the total's own share: nothing exceeds, as a partial list's shares pass)
            stated = [s.stated for s in listed]
            yield Outcome(stated[-1], "pass", "share_sum", operands=stated[:-1])
            continue
        outcome = _share_sum(ctx, b, listed)
        if outcome is not None:
            yield outcome


def _of_the_totals_whole(b: Breakdown, shares: list[Share], own: dict[int, Share]) -> bool:
    """Is the total itself stated as a share of another whole (`以上四项支出合计 T，占一般公共预算支出的 55.4%`), its
    parts' shares no more than it (24.6% + 17.9% + 10.2% + 2.7%)? Then the parts' shares are of that whole, as the
    total's is: they add up to its share, not to 100% (and where they do not, which whole they are of is not said)."""
    whole = next((own[id(q)] for q in b.total.quantities if id(q) in own), None)
    if whole is None or not whole.stated.exact or whole.stated.value >= HUNDRED:
        return False
    total = sum((s.stated.value for s in shares), Decimal(0))
    return total <= whole.stated.value + sum((s.stated.ulp for s in shares), whole.stated.ulp)


def _of_another(s: Share, b: Breakdown) -> bool:
    """Is the share of another whole than the list's total (linked to one, or naming one it is not)?"""
    if s.total is not None:
        return s.total not in b.total.quantities
    return bool(s.base_label)


def _share_sum(ctx: CheckContext, b: Breakdown, shares: list[Share]) -> Outcome | None:
    stated = [s.stated for s in shares]
    total = sum((q.value for q in stated), Decimal(0))
    slack = sum((q.ulp for q in stated), Decimal(0))
    last = stated[-1]
    if abs(total - HUNDRED) <= slack or (total < HUNDRED and not b.exhaustive):
        # a partial list's shares may fall short of 100%; no list's may exceed it
        return Outcome(last, "pass", "share_sum", operands=stated[:-1])
    judged = {id(s): share_outcome(ctx, s) for s in shares}
    if all(o is not None for o in judged.values()):
        # every share is judged against its part and whole (TO103), and the parts against the whole (TO101,
        # TO102): whatever makes the sum miss is reported there, once
        return None
    wrong = [s for s in shares if (o := judged[id(s)]) is not None and o.verdict == "fail"]
    if wrong:
        # a wrong share (TO103) is one mistake: when correcting it brings the list to 100%, it is the only one
        corrected = total + sum((_correct(ctx, s) - s.stated.value for s in wrong), Decimal(0))
        if abs(corrected - HUNDRED) <= slack:
            return Outcome(last, "pass", "share_sum", operands=stated[:-1])
    msg = f"各项占比之和 {' + '.join(q.text for q in stated)} = {fmt(total)}%，不等于 100%"
    if wrong:
        msg += f"（{'、'.join(s.stated.text for s in wrong)} 占比本身有误，改正后仍不等于 100%）"
    related = [(q, "占比") for q in stated[:-1]]
    return Outcome(last, "fail", "share_sum", related, msg, f"{fmt(total)}%", "100%", certain=b.certain)


def _correct(ctx: CheckContext, s: Share) -> Decimal:
    """The share its part over its whole makes, at the stated share's precision."""
    assert s.part is not None and s.total is not None  # a wrong share was computed from both
    exact = ctx.value(s.part) / ctx.value(s.total) * HUNDRED
    return exact.quantize(Decimal(1).scaleb(-s.stated.decimals))


class ShareSum(Rule):
    """The shares stated for the parts of a breakdown add up to more than 100%, or a complete breakdown's to
    less.

    ## What it does
    Adds up the shares stated for the parts of a breakdown, when every part of it (two or more) has one,
    and compares the sum with 100%. Each share may be off by up to one unit of its last digit through
    rounding or truncation, so a sum missing 100% by no more than the sum of those units is no finding
    (`33.3% + 33.3% + 33.3%`). A list that may be partial (`其中`, `包括`) may fall short of 100%; no list
    may exceed it, and a list complete by its keyword (`具体为`, `分别为`) or by a definition in
    `linter/vocab/sums.yaml` must reach it.

    It says something only where a share cannot be judged by itself: when every share can, against its
    part and its whole, a wrong share is TO103's finding and parts that do not add up to their whole are
    TO101's or TO102's, and the sum adds nothing. When the shares that can be judged are wrong and
    correcting them brings the list to 100%, they are the one mistake and this rule stays silent. The
    finding is an error on a list the text states, a warning on one found by inference. Lists whose shares
    are approximate are not summed. A total itself stated as a share of a larger whole (`以上三项合计 T，占…支出的
    50.0%`) makes its parts' shares shares of that whole: they may add up to its share, not to 100%.

    ## Why is this bad?
    Shares of the parts of one whole add up to 100% (at most, when the list leaves parts out): a sum
    over 100% means a share, a part or the whole is wrong, even when the reader cannot tell which.

    ## Example
    ```text
    本年收入合计 2,000 万元，其中：财政拨款收入约 1,700 万元，占 85%；事业收入约 400 万元，占 20%。
    ```
    The parts are approximate, so no share can be judged by itself; 85% + 20% = 105% cannot be right.

    ## Passes
    ```text
    本年收入合计 2,000 万元，其中：财政拨款收入 1,600 万元，占 80%；事业收入 200 万元，占 10%。
    ```
    A `其中` list may leave parts out: 90% is no finding.

    ## How to fix
    Correct the share, the part or the whole that is wrong; fix the shares TO103 reports first, then see
    whether the sum still misses.
    """

    code = "TO104"
    name = "share-sum"
    severity = "error"
    kind = "share_sum"

    def check(self) -> Iterable[Result]:
        return self.report(self.ctx.outcomes(share_sum_outcomes))


def distribution_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """The answers of each survey question against 100%."""
    for d in ctx.facts.distributions:
        if any(not q.exact for q in d.shares):
            continue
        total = add([interval(q) for q in d.shares])
        last = d.shares[-1]
        verdict = ctx.judge((HUNDRED, HUNDRED), total, max(q.ulp for q in d.shares))
        if verdict == "pass":
            yield Outcome(last, "pass", "distribution", operands=d.shares[:-1])
            continue
        written = sum((q.value for q in d.shares), Decimal(0))
        shown = " + ".join(f"{q.text}（{o}）" for q, o in zip(d.shares, d.options))
        msg = f"同一问题各选项占比之和 {shown} = {fmt(written)}%，不等于 100%"
        related = [(q, o) for q, o in zip(d.shares[:-1], d.options)]
        yield Outcome(last, verdict, "distribution", related, msg, f"{fmt(written)}%", "100%", operands=d.shares[:-1])


class DistributionSum(Rule):
    """The answers of one survey question (非常满意 a%，比较满意 b%，一般 c%，…) do not add up to 100%.

    ## What it does
    In a sentence whose shares are each named by an option of one answer scale right beside it (`69.02%的受访
    者非常满意`, `比较满意的占 15.11%`), and name every option of that scale once and nothing else, the shares
    are the answers of one single-choice question: together 100%. The scales are data
    (`tieout/linter/vocab/relations.yaml`, `survey_scales`: 非常满意 / 比较满意 / 一般 / 比较不满意 / 非常不满意
    and their other wordings). Each share stands for the interval its precision allows, so shares rounded
    apart that miss 100% by less than a unit of their last digit are a rounding difference (TO100). A
    sentence with other shares besides, or an option named twice (two questions, a multiple choice), is
    not read.

    ## Why is this bad?
    The answers of a single-choice question cover every respondent once: shares that do not add up to 100%
    mean a share was mistyped or an option left out, and the satisfaction rate drawn from them is in doubt.

    ## Example
    ```text
    500 份问卷中，62.4%的受访者非常满意，25.2%比较满意，8.6%一般，1.4%比较不满意，0.4%非常不满意。
    ```
    The shares add up to 98.0%.

    ## Passes
    ```text
    500 份问卷中，62.4%的受访者非常满意，27.2%比较满意，8.6%一般，1.4%比较不满意，0.4%非常不满意。
    ```

    ## How to fix
    Recount the answers and correct the share that was mistyped (or add the option left out).
    """

    code = "TO113"
    name = "distribution-sum"
    severity = "error"
    kind = "distribution"

    def check(self) -> Iterable[Result]:
        return self.report(self.ctx.outcomes(distribution_outcomes))


def answered_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """Each share of a stated number of respondents against the whole numbers of them it could be."""
    for a in ctx.facts.answered:
        n = a.base.base_value
        for q in a.shares:
            o = _answered_outcome(ctx, a.base, n, q)
            if o is not None:
                yield o


def _answered_outcome(ctx: CheckContext, base: Quantity, n: Decimal, q: Quantity) -> Outcome | None:
    lo, hi = ctx.interval(q)
    if (hi - lo) * n / HUNDRED >= 1:
        return None  # a share written so coarsely that some whole number of them gives it whatever it is
    near = [k for k in range(int(lo * n / HUNDRED), int(hi * n / HUNDRED) + 2) if 0 <= k <= n]
    verdicts = {k: ctx.judge((lo, hi), (k * HUNDRED / n, k * HUNDRED / n), q.ulp) for k in near}
    related = [(base, "问卷数")]
    if "pass" in verdicts.values():
        return Outcome(q, "pass", "answered", related, operands=[base])
    k = min(near, key=lambda k: abs(k * HUNDRED / n - q.value))
    verdict: Verdict = "rounding" if "rounding" in verdicts.values() else "fail"
    shown = "，".join(f"{j} 份为 {fmt(j * HUNDRED / n, q.decimals)}%" for j in (k - 1, k, k + 1) if 0 <= j <= n)
    expected = f"{fmt(k * HUNDRED / n, q.decimals)}%"
    msg = f"{base.text}中的 {q.text} 不是其中整数份所占的比例（{shown}）"
    return Outcome(q, verdict, "answered", related, msg, q.text, expected, None, False, [base])


class AnsweredShare(Rule):
    """A share of a stated number of respondents (`108 份问卷中，有 66.68% 的…`) that no whole number of them gives.

    ## What it does
    In a sentence that opens with the number of its respondents (`108 份满意度调查问卷中，`, `320 名受访者中：`),
    each share after it is some whole number of them over that number, whatever the question (one answer or
    several). A share is checked where it is written precisely enough to tell (`66.67%` of 108: 72 of them):
    its interval must hold k / n for a whole k. A share whose clause names a rate, a score or a change
    (`满意度`, `得分率`, `增长`), a sentence with a second count of people or questionnaires (a part of them),
    and questionnaires given out (`发放`) rather than answered are not read.

    ## Why is this bad?
    No count of respondents gives the share written: it was mistyped, or worked out over another number than
    the one stated, and the reader cannot tell how many answered so.

    ## How to fix
    Recount the answers and correct the share (or the number of respondents).
    """

    code = "TO119"
    name = "answered-share"
    severity = "warning"
    kind = "answered"

    def check(self) -> Iterable[Result]:
        return self.report(self.ctx.outcomes(answered_outcomes))


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [ShareMismatch, ShareList, ShareSum, DistributionSum, AnsweredShare]
