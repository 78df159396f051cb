"""Footing: a stated total against the parts listed under it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from itertools import combinations

from tieout.linter.facts.definitions import leaves_optional
from tieout.linter.facts.model import Breakdown, CountedList, Share
from tieout.linter.facts.passes.base import FULL_MARKS
from tieout.linter.figures.intervals import HUNDRED, Interval, add, digit_slip, fmt, gap, sub, unit_of
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex
from tieout.linter.rules.base import CheckContext, Outcome, Result, Rule
from tieout.linter.rules.hooks import hookimpl
from tieout.linter.vocab import load

from ._levels import levels_complete
from ._util import dimension_runs, footings, in_unit, lists_in_sentence
from .tables.rules import class_part_outcomes, part_column_outcomes  # (imported on a document with tables)

MAX_SUBSET_SEARCH = 12
# a partial `其中` list is held to its total only through one slipped digit, and only on figures precise enough
# that a slip is not a coincidence of round numbers
MIN_SIGNIFICANT = 4
# the first-level indicators of a performance framework, each as a count of indicators names it (`产出指标 7 个`),
# and the name of a count of indicators (`三级指标`, `绩效指标`)
FRAMEWORKS = tuple(tuple(str(w) for w in f) for f in load("relations").get("indicator_frameworks") or [])
INDICATOR_NOUN = regex(r"指标$")


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


def _part_shares(ctx: CheckContext, b: Breakdown) -> list[Share] | None:
    """The shares stated of the list's parts, when there is one for every part and two parts at least."""
    by_part = ctx.memo("sums.shares_by_part", lambda: _shares_by_part(ctx))
    found = {i for p in b.parts for q in p.quantities for i in by_part.get(id(q), ())}
    shares = [ctx.facts.shares[i] for i in sorted(found)]
    return shares if len(shares) == len(b.parts) and len(shares) >= 2 else None


def _shares_complete(ctx: CheckContext, b: Breakdown) -> bool:
    """Shares stated for every part that add up to 100% say the list is complete."""
    shares = _part_shares(ctx, b)
    if shares is None:
        return False
    total = sum((s.stated.value for s in shares), Decimal(0))
    return abs(total - HUNDRED) <= sum((s.stated.ulp for s in shares), Decimal(0))


def _shares_partial(ctx: CheckContext, b: Breakdown, total: Quantity, parts: list[Quantity]) -> bool:
    """Shares stated for every part that fall short of 100% by as much as the parts fall short of the total say
    the list is partial and its figures right (`本年支出合计 500，其中：基本支出 300，占 60%；项目支出 150，占 30%`:
    a component the list leaves unnamed is the rest), whatever completes it by its words or definition."""
    shares = _part_shares(ctx, b)
    whole = ctx.value(total)
    if shares is None or whole <= 0:
        return False
    stated = sum((s.stated.value for s in shares), Decimal(0))
    slack = sum((s.stated.ulp for s in shares), Decimal(0))
    covered = _sum(ctx, parts) / whole * HUNDRED
    if stated < HUNDRED - slack and abs(covered - stated) <= slack:
        return True
    # (`合计 2789.97，其中：A 1329.97，占比 48%；B 1384.00，占比 50%；`: each share its part over the total as
    # rounded, the parts short of it by more than the shares' rounding: the rest is a part the list leaves out)
    own = [(s, p) for s in shares for p in b.parts if s.part is not None and any(s.part is q for q in p.quantities)]
    agree = len(own) == len(shares) and all(
        abs(ctx.value(s.part) / whole * HUNDRED - s.stated.value) <= s.stated.ulp / 2 for s, _ in own if s.part
    )
    return agree and covered < HUNDRED - slack / 2


def _shares_by_part(ctx: CheckContext) -> dict[int, list[int]]:
    """The shares (their indexes) stated of each figure, by the figure's id."""
    out: dict[int, list[int]] = {}
    for i, s in enumerate(ctx.facts.shares):
        if s.part is not None:
            out.setdefault(id(s.part), []).append(i)
    return out


def _complete(ctx: CheckContext, b: Breakdown, total: Quantity, parts: list[Quantity]) -> bool:
    if _shares_partial(ctx, b, total, parts):
        return False
    if (
        _shares_complete(ctx, b)
        or _full_marks_listed(ctx, b, parts)
        or _framework_counted(b, total, parts)
        # (second-level scores exceeding their first-level one are TO102's, an error whether or not they are all)
        or (_sum(ctx, parts) <= ctx.value(total) and levels_complete(ctx, b, total, parts))
    ):
        return True
    if b.exhaustive:
        # short of a total by a component the list may leave unnamed, unless one slipped digit explains it
        return not (
            leaves_optional(b.total, b.parts)
            and _sum(ctx, parts) < ctx.value(total)
            and not suspects(ctx, total, parts)
        )
    # a partial list is held to its total through one slipped digit only where the list is the text's own
    if not b.certain or len(parts) < 2 or any(q.approx for q in [total, *parts]):
        return False
    if min(_significant(q) for q in [total, *parts]) < MIN_SIGNIFICANT - 1 or _significant(total) < MIN_SIGNIFICANT:
        return False
    # (a list in brackets of its own ends at their closing, where it falls short of its total: one exceeding
    # it is a finding of its own, TO102)
    short = _sum(ctx, parts) < ctx.value(total)
    return _closed(ctx, b, parts, short) and bool(suspects(ctx, total, parts))


def _full_marks_listed(ctx: CheckContext, b: Breakdown, parts: list[Quantity]) -> bool:
    """Scores listed with their full marks (`其中产出指标 44.5 分（满分 50 分），效益指标 27.0 分（满分 30 分），…`)
    whose full marks make 100: every indicator of the overall score is listed."""
    if not parts or parts[0].base_unit != "分":
        return False
    first = min(p.start for p in parts)
    full = [
        q.value
        for m in ctx.index.in_sentence(b.sentence)
        if FULL_MARKS.search(m.label)
        for q in m.quantities
        if q.start > first and q.base_unit == "分" and q.exact
    ]
    return len(full) == len(parts) and sum(full, Decimal(0)) == HUNDRED


def _framework_counted(b: Breakdown, total: Quantity, parts: list[Quantity]) -> bool:
    """Counts of indicators by first-level indicator (`三级指标 13 个，其中产出指标 7 个、成本指标 1 个、效益指标 3 个、
    满意度指标 2 个`) naming, one each, every first-level indicator of a framework (vocab indicator_frameworks):
    every indicator is under one of them, so the list is all of them. A list naming three of four (`产出、效益、
    满意度`, the framework before 成本指标 was one) says nothing."""
    if total.kind != "count" or any(q.kind != "count" or q.unit != total.unit for q in parts):
        return False
    named = [p.key for p in b.parts]
    if len(set(named)) != len(named) or not INDICATOR_NOUN.search(b.total.noun or b.total.label):
        return False
    return any(sorted(named) == sorted(f) for f in FRAMEWORKS)


def _closed(ctx: CheckContext, b: Breakdown, parts: list[Quantity], bracketed: bool = False) -> bool:
    """Does the list end its sentence's figures of its unit? One that goes on (`…宁德 1103 万元、平潭 90 万元`,
    the second not read as a part) may have lost a part, and its shortfall is no slipped digit."""
    last = max(p.end for p in parts)
    unit = parts[0].base_unit
    # (a later total the sentence breaks down itself, `…；秋季学期受益学生 18,695 人，其中…`, opens another list:
    # this one ended before it)
    text = ctx.doc.text
    end = min((t.start for t in _later_totals(ctx, b) if t.start > last and "；" in text[last : t.start]), default=None)
    # a list in brackets right after its total ends at their closing (`补充 T（包括 a、b、c），调入 d，年末余额 e`:
    # the figures after the bracket are statements of their own)
    closing = _bracket_closing(text, b, parts, last) if bracketed else None
    end = closing if end is None or (closing is not None and closing < end) else end
    return not any(
        q.base_unit == unit and q.start > last and q.kind == parts[0].kind and (end is None or q.start < end)
        for m in ctx.index.in_sentence(b.sentence)
        for q in m.quantities
    )


# the words between a total and its first part when the list opens a bracket of its own (`T（包括超收收入 a`,
# `T（其中：A a`)
BRACKET_OPENS = regex(r"^[^（()）。；;，,]{0,4}[（(]\s*(?:其中|包括|含)[：:]?[^（()）。；;，,]*$")


def _bracket_closing(text: str, b: Breakdown, parts: list[Quantity], last: int) -> int | None:
    """Where the bracket the list opens right after its total closes, past its last part and before any other
    bracket or sentence mark; None for a list in no bracket of its own."""
    if not b.total.quantities:
        return None
    first = min(p.start for p in parts)
    if not BRACKET_OPENS.match(text[b.total.quantities[-1].end : first]):
        return None
    close = next((k for k in range(last, min(len(text), last + 40)) if text[k] in "）)（(。；;"), None)
    return close if close is not None and text[close] in "）)" else None


def _later_totals(ctx: CheckContext, b: Breakdown) -> Iterator[Quantity]:
    """The totals of the other breakdowns of the list's sentence (the breakdowns grouped by sentence once per
    document: not all of them walked for each list, which grew with the square of a long report's lists)."""
    for other in lists_in_sentence(ctx, b.sentence):
        if other is b or other.inferred:
            continue
        yield from other.total.quantities


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
            if other.base_value == f.base_value or _coarser(ctx, f, other):
                continue
            ivs = [ctx.interval(q) if q is not f else ctx.interval(other) for q in figures]
            if ctx.judge(ivs[0], add(ivs[1:]), band) == "pass":
                return True
    return False


def _coarser(ctx: CheckContext, f: Quantity, other: Quantity) -> bool:
    """Is `other` the figure written to fewer digits (`31,846.90 万元（折合 3.18 亿元）`), no other value of it: its
    interval holds the figure's exact value? A sum it would make hold is only the coarser figure's wider band."""
    low, high = ctx.interval(other)
    return other.ulp * other.scale > f.ulp * f.scale and low <= ctx.value(f) <= high


# what a total of uses may hold besides the uses listed (`支出总量 T`, then `收支相抵，结转下年 c`)
CARRIED = regex(r"结转|结余")


def _carried_over(ctx: CheckContext, b: Breakdown, total: Quantity, parts: list[Quantity]) -> bool:
    """Does the list fall short of its total by exactly a carry-over or balance stated after the total in its
    sentence or the next of its paragraph (`加补助下级支出 a、…，支出总量为 T。收支相抵，结转下年 c`)? The total may
    hold it (a 支出总量 written equal to the 收入总量): which the text means, it does not say."""
    short = ctx.value(total) - _sum(ctx, parts)
    if short <= 0:
        return False
    paragraph = ctx.doc.sentences[b.sentence].paragraph
    for si in (b.sentence, b.sentence + 1):
        if si >= len(ctx.doc.sentences) or ctx.doc.sentences[si].paragraph != paragraph:
            break
        for m in ctx.index.in_sentence(si):
            if CARRIED.search(m.label) and any(
                q.base_unit == total.base_unit and q.start > total.end and ctx.value(q) == short for q in m.quantities
            ):
                return True
    return False


def sum_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """Every complete breakdown's total against the sum of its parts."""
    for b, total, parts in footings(ctx.facts.breakdowns):
        if b.minus:
            o = _chain_outcome(ctx, b, total, parts)
            if o is not None:
                yield o
            continue
        if dimension_runs(total, parts, ctx.judge) is not None:
            # one total broken down by several dimensions, each footing
            yield Outcome(total, "pass", "sum", operands=parts)
            continue
        s = add([ctx.interval(p) for p in parts])
        approx = any(q.approx for q in [total, *parts])
        # an approximate figure's interval is its whole tolerance (约 500 is 400 to 600): no rounding band on top
        verdict = ctx.judge(ctx.interval(total), s, Decimal(0) if approx else unit_of([total, *parts]))
        exact_sum = _sum(ctx, parts)
        complete = _complete(ctx, b, total, parts)
        if verdict == "pass" or (not complete and exact_sum <= ctx.value(total)):
            yield Outcome(total, "pass", "sum" if complete else "subset", operands=parts)
            continue
        if not complete:
            continue  # parts exceeding a partial list's whole: TO102
        if (
            _restated_cause(ctx, total, parts)
            or any(ctx.index.unit_slip_of(q) for q in [total, *parts])
            or _carried_over(ctx, b, total, parts)
        ):
            yield Outcome(total, "fail", "sum", operands=parts, silent=True)
            continue
        nearer = _nearer_items_footing(ctx, b, total, parts)
        if nearer is not None:
            yield Outcome(total, "pass", "subset", operands=nearer)
            continue
        yield _approx_finding(ctx, b, total, parts) if approx else _sum_finding(ctx, b, total, parts, verdict)


def _chain_outcome(ctx: CheckContext, b: Breakdown, total: Quantity, parts: list[Quantity]) -> Outcome | None:
    """`A，加 B、C，减去 D，总计 T`: T = A + B + C − D."""
    minus = [q for m in b.minus if (q := m.of_unit(total.base_unit)) is not None]
    if len(minus) != len(b.minus):
        return None
    figures = [total, *parts, *minus]
    s = sub(add([ctx.interval(p) for p in parts]), add([ctx.interval(q) for q in minus]))
    verdict = ctx.judge(ctx.interval(total), s, unit_of(figures))
    exact = _sum(ctx, parts) - _sum(ctx, minus)
    shown = " + ".join(p.text for p in parts) + "".join(f" − {q.text}" for q in minus)
    related = [(p, "加项") for p in parts] + [(q, "减项") for q in minus]
    if verdict == "pass":
        return Outcome(total, "pass", "sum", related, operands=[*parts, *minus])
    # (written in the parts' unit where the total's would round it away: `137.50万元 − 120.43万元 = 17.07万元`,
    # not `0.00亿元`, against a total of `17.07亿元`)
    like = total if abs(exact) >= total.ulp * total.scale or not parts else parts[0]
    expected = in_unit(exact, like)
    msg = f"{shown} = {expected}，与合计 {total.text} 不符（{_short_or_over(exact - ctx.value(total), total)}）"
    return Outcome(total, verdict, "sum", related, msg, total.text, expected, None, False, [*parts, *minus])


def _sum_finding(ctx: CheckContext, b: Breakdown, total: Quantity, parts: list[Quantity], verdict: str) -> Outcome:
    exact_sum = _sum(ctx, parts)
    related = [(p, "组成项") for p in parts]
    # a list held complete only through a slipped digit, or inferred, is reported less loudly
    certain = b.certain and (b.exhaustive or _shares_complete(ctx, b)) and not b.inferred
    if verdict == "rounding":
        expected = in_unit(exact_sum, total)
        msg = f"合计 {total.text} 与各项之和 {expected} 不符，计入各数的舍入后相差不足末位一个单位，属舍入差异"
        return Outcome(total, "rounding", "sum", related, msg, total.text, expected, certain=certain, operands=parts)
    found = suspects(ctx, total, parts)
    diff = exact_sum - ctx.value(total)
    shown = " + ".join(p.text for p in parts)
    msg = f"各项之和 {shown} = {in_unit(exact_sum, total)}，与合计 {total.text} 不符（{_short_or_over(diff, total)}）"
    if len(parts) == 1:  # (two figures said to be equal, `收入总计 A，支出总计 B，收支平衡`: no sum to show)
        one = b.parts[0].label.strip("，、；：: ") if len(b.parts) == 1 else ""
        msg = f"{one} {parts[0].text} 应与{b.total.label.strip('，、；：: ')} {total.text} 相等，实际相差 {in_unit(abs(diff), total)}"
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
            if len(parts) == 1:
                msg += f"；改任一数的一位都不能相符，{b.total.label.strip('，、；：: ')}应为 {fix}"
            else:
                msg += f"；各项的任何组合都不等于合计，合计应为 {fix}"
        elif extra:
            msg += "；去掉 " + "、".join(p.text for p in extra) + " 后其余各项之和等于合计，请核对是否多列"
    if blame is not total:
        related = [(total, "合计")] + [(p, r) for p, r in related if p is not blame]
    expected = fix or in_unit(exact_sum, total)
    return Outcome(blame, "fail", "sum", related, msg, blame.text, expected, fix, certain, operands=parts)


def _short_or_over(diff: Decimal, total: Quantity) -> str:
    """The parts' sum against the total in words: `比合计少 10.00万元`, not a signed `相差 -10.00万元`."""
    if total.kind == "percent":  # shares added up (`非常满意与比较满意合计为 84.0%`) differ by points
        return f"比合计{'多' if diff > 0 else '少'} {fmt(abs(diff), total.decimals)} 个百分点"
    return f"比合计{'多' if diff > 0 else '少'} {in_unit(abs(diff), total)}"


def _approx_finding(ctx: CheckContext, b: Breakdown, total: Quantity, parts: list[Quantity]) -> Outcome:
    """A complete list with an approximate figure that misses its total beyond what the approximation allows:
    a warning that says how far beyond; no digit is suggested, since no figure is exact enough to blame."""
    exact_sum = _sum(ctx, parts)
    t = ctx.interval(total)
    s = add([ctx.interval(p) for p in parts])
    shown = " + ".join(p.text for p in parts)
    over = s[0] > t[1]
    end = ("上限" if over else "下限") if total.approx else ""
    if any(p.approx for p in parts):
        far = gap(t, s)
        allowed = f"各项含约数，其和可在 {in_unit(s[0], total)}～{in_unit(s[1], total)} 之间"
        if total.approx:
            allowed += f"，合计为约数，可在 {in_unit(t[0], total)}～{in_unit(t[1], total)} 之间"
        beyond = f"仍比合计{end}{'多' if over else '少'} {in_unit(far, total)}"
    else:
        far = gap(t, (exact_sum, exact_sum))
        allowed = f"合计为约数，可在 {in_unit(t[0], total)}～{in_unit(t[1], total)} 之间"
        beyond = f"各项之和仍比其{end}{'多' if over else '少'} {in_unit(far, total)}"
    msg = f"各项之和 {shown} = {in_unit(exact_sum, total)}，与合计 {total.text} 不符（{allowed}，{beyond}）"
    related = [(p, "组成项") for p in parts]
    expected = in_unit(exact_sum, total)
    return Outcome(total, "fail", "sum", related, msg, total.text, expected, certain=False, operands=parts)


def _nearer_items_footing(
    ctx: CheckContext, b: Breakdown, total: Quantity, parts: list[Quantity]
) -> list[Quantity] | None:
    """A total recognised after its parts covers as many figures before it as the reader guessed; where the
    nearest two or more of them add up to it exactly (`A结余 x，B结余 y，两县滞留资金分别为 p 和 q，合计 r`:
    r = p + q), those are its parts and the earlier figures belong to another clause."""
    if not b.inferred:
        return None
    t = ctx.interval(total)
    for start in range(1, len(parts) - 1):
        nearest = parts[start:]
        if ctx.judge(t, add([ctx.interval(p) for p in nearest]), unit_of([total, *nearest])) == "pass":
            return nearest
    return None


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


def counted_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """The count an announcement states (`以下 5 类问题：`) against the numbered items listed after it; read from
    the layout, so a miss is a warning."""
    for c in ctx.facts.counted_lists:
        listed = len(c.marks) + c.extra
        if any(ctx.value(c.count) == c.count.scale * n for n in range(listed, listed + c.more + 1)):
            yield Outcome(c.count, "pass", "count")
            continue
        shown = f"{listed} 至 {listed + c.more}" if c.more else str(listed)
        named = c.marks[0] if len(c.marks) == 1 else f"{c.marks[0]}至{c.marks[-1]}"
        msg = f"前文称 {c.count.text}，其后列出 {shown} 项（{named}），数目不符"
        yield Outcome(c.count, "fail", "count", _item_counts(ctx, c), msg, c.count.text, shown, None, False)


def _item_counts(ctx: CheckContext, c: CountedList) -> list[tuple[Quantity, str]]:
    """The counts the list's items state (`所属 6 个事业单位`), where some count several things: shown beside the
    count, which they may be the wrong figure of."""
    if not c.extra:
        return []
    return [
        (q, "所列项")
        for m in ctx.index.in_sentence(c.sentence)
        for q in m.quantities
        if q.kind == "count" and q.start > c.count.end
    ]


class SumMismatch(Rule):
    """The parts of a breakdown do not add up to its stated total.

    ## What it does
    Adds up the parts listed under a total and compares the sum with it, one unit at a time (the 万元 of
    a list, its 人次). It applies only where the list is known to be complete:

    - a list opened by `具体为`, `分别为`, `其构成是` (and their variants `具体包括`, `明细为` …) with two
      parts or more, also where the word opens a sentence of its own after one whose one figure of the list's
      unit, changed by none, is the total (`三是交通设施 6.50 亿元，占 16.9%。具体为：…`, a warning);
    - a list whose stated shares add up to 100%;
    - counts of indicators naming, one each, every first-level indicator of a framework (`三级指标 13 个，其中
      产出指标 7 个、成本指标 1 个、效益指标 3 个、满意度指标 2 个`: `linter/vocab/relations.yaml`
      indicator_frameworks), a warning; three of four (`产出、效益、满意度`) may leave 成本指标 out;
    - scores of a first-level indicator's second-level ones (`产出指标：分值 40 分，得分 37.40 分。其中数量指标得
      18.00 分，质量指标得 9.50 分，时效指标得 4.60 分，成本指标得 5.30 分`), the first-level indicator named in the
      total's sentence before it, where the list names every second-level indicator of its framework
      (`linter/vocab/relations.yaml` indicator_levels: 产出 数量、质量、时效、成本; 决策 项目立项、绩效目标、资金投入 …)
      or states their full marks adding up to the first-level one's (`其中数量指标分值 25 分、得分 21.5 分，…`), a
      warning; a list naming some of them stays partial, and one exceeding its whole is TO102's;
    - a list whose parts cover a total that is by definition their sum (`linter/vocab/sums.yaml`:
      `三公经费` = `因公出国（境）费` + `公务用车购置及运行维护费` + `公务接待费`, `基本支出` = `人员经费` +
      `公用经费` …), whatever word opens it, `其中` included;
    - two parts that are the two things the total's name joins (`公务用车购置及运行费 X（购置费 a，运行费 b）`,
      `土地增值税和契税合计 X，其中土地增值税 a、契税 b`): the noun both share may stand once at the end of the
      name, and words both share before the first (`公务用车`) may be left out of the parts;
    - a total stated after its parts (`A 12.5 万元，B 7.5 万元，A及B共计 20 万元`, `…，总额为 X`), also in a
      bracket that opens with `加上` right after the first (`支出 a（加上补助市县支出 b，共完成支出 c）`);
    - a `其中` list of the years of a span written before its total, every year listed, each named by its
      year alone (`2021—2023年，共安排 X，其中：2021年 a，2022年 b，2023年 c`);
    - a total's own list in a sentence opening with its name (`收入总计 T。…支出总计包括：A a、B b`), not
      left open (`等`) nor said to be its main items (`主要包括`);
    - a `其中` list in the total's own sentence, closing its sentence's figures of that unit, whose miss
      one changed or swapped digit explains, on figures precise enough (a total of four significant
      digits or more) that this is no coincidence of round numbers;
    - a list whose items each state a count and a sum, under a count and a sum (`共实施项目 26 个，资金 X（折合
      Y），其中：甲类 11 个、资金 a；乙类 4 个、资金 b；…`), the counts adding up exactly: no item is left out, and a
      miss of the sums one slipped digit explains is reported, as a warning.

    It also holds a count an announcement states (`检查发现以下 3 类问题：`, `实施改造工程 3 个，…：`) against the
    numbered items right after it (`（一）…`, `（二）…` on lines of their own, or `一是…；二是…`, `（一）…；（二）…`,
    `1.…；2.…` filling the rest of its paragraph, or `一是…` right after the colon, `二是…`, `三是…` each opening a
    paragraph of its own up to the first that opens with none, the next number nowhere after them in the section),
    where the sentence ends with its colon, the count is
    of what the items are (right after `以下`/`下列`, or a thing every item names; in prose, a count said to be
    had right before the colon and the items' name, `问题主要有三个方面：`, `问题 3 个：`, not after `等`), and the
    items number 1, 2, 3 … with no gap, one level under one heading (marks of another kind inside an item are
    its own): read from the layout, a miss is a warning. So is a count of
    things before a `分别为` list of them (`5 个单位…共计 X，分别为：甲局 a、乙中心 b…`) whose figures make its total
    and whose every item is named as such a thing (`…局`, `…中心`: `linter/vocab/relations.yaml` counted_names).
    So is a count right before the names of all the things it counts: `项目共 8 个，分别为：甲、乙…` (plain names
    after `分别为`), `下属单位 3 个，包括：甲局、乙中心、丙校` or `具体为`/`，即`/`，为` (each name ending as such a
    thing's; two names at least after `，为`), `市属一级企业共 12 户，分别是：甲城市发展集团、乙公司…` (企业 in
    户 or 家: names ending 集团, 公司, 银行, 厂), or a bare colon right after the count and its noun
    (`共有五个项目：甲项目、乙工程…`, each name ending as such a thing's), or a bracket right after it holding two
    names or more of such things and nothing else (`亏损企业 3 户（文旅集团、公交集团）`), or a colon right after
    a count of fields (`重点投向 6 个领域：交通基础设施、农林水利…。`: vocab counted_fields) before plain nouns
    split at `、` that close the sentence (or end before `，其中`), or a clause of what the things do right after the
    count and its noun before `，分别是` and the names of all of them, each named as such a thing (`共有 5 个部门存在
    超标准列支问题，分别是甲局、乙委…`; no figure but a percentage, no other thing, `的` or `等` in that clause),
    an item counting several of them counting for as many (`局机关本级和
    5 所学校`: 6; vocab counted_members, so that `5 个科室` counts no units; after a bare `包括` too, where one item
    names the unit itself and those under it, `单位共 8 个，包括局机关本级和所属 7 个事业单位`),
    the list not left open (`等`, `主要包括`, `其中`, a first item opening `含`, `主要`, `分属`…), nor the count
    said of the main things or of things named before it (`主要有 12 户`, `甲局等 4 个单位`), nor in a clause
    counting other things (`涉及 12 个县的 3 户企业`), ending with its sentence or before a clause of all its items
    (`，涉及资金 X`), its names split at `、` (and `；` between names such as `…县`; never inside quotes or
    brackets, and no item closing with a bracket of several names, `甲集团（含乙公司、丙公司）`; `和`/`与`
    joining two names of the thing counted splits, any other may join one name, as `技术服务与应用研究`, and
    `及其` joins none); and a count of units whose
    sentence announces the table right after it (`…单位共 4 个，具体为：`) against the table's rows, one unit
    named in its 单位名称 column each, its 合计 row aside; and a satisfaction rate its sentence says is some
    options' answers over all the answers (`按“很满意”和“满意”人数之和占受访人数的比例计算，群众满意度为 p%`)
    against those options' shares in the survey table before it under its heading (rows of one scale, each
    option once, one 占比 column).

    Any other `其中` list may leave parts out: it falling short is no finding, and its parts exceeding
    the whole are TO102's. Each figure counts for the interval its precision allows, so a miss within one
    unit of the last digit is a rounding finding (TO100); one total broken down twice in one list
    (`男 260 人，女 240 人；在职 350 人，退休 150 人`) passes when each run adds up. An approximate figure
    (`约 500 万元`, `3300 余人次`, `近 200 万元`) counts for the range of its last non-zero digit either
    way (`约 500` is 400 to 600, `约 510` is 500 to 520), with no rounding band on top: a list that misses
    its total beyond that range is reported as a warning that gives the range, without a fix.

    The finding is an error on a list the text states as complete, a warning on one completed by
    inference (a total after its parts, a `其中` list held to its total through a slipped digit). It
    names the figure at fault and its corrected value (as the fix, on an error) when one changed or
    swapped digit of one figure explains the miss, lists the candidates when several would, says which
    parts look listed twice when the others add up without them, and otherwise blames the total, which
    no combination of the parts gives. It says nothing when a figure of the list is stated elsewhere
    with a value that makes the sum hold (TO201 reports that), or when a unit slip explains the miss
    (TO202).

    ## Why is this bad?
    One of the figures is wrong, and the reader cannot tell which: the total that other tables and
    sections restate, or the part a reader of the breakdown relies on.

    ## Example
    ```text
    本年支出合计 1,570.00 万元，具体为：基本支出 1,120.00 万元，项目支出 540.00 万元。
    ```
    The parts add up to 1,660.00 万元; 540.00 with two digits swapped (450.00) makes the list foot.

    ## Passes
    ```text
    本年支出合计 1,570.00 万元，具体为：基本支出 1,120.00 万元，项目支出 450.00 万元。
    ```

    ## How to fix
    Correct the figure the finding names (its suggested fix, when one digit explains the miss), else
    recompute the total from the parts, or remove the part listed twice. When a `其中` list reported
    through a slipped digit is meant to be partial, name what it leaves out (`其他 X 万元`).
    """

    code = "TO101"
    name = "sum-mismatch"
    severity = "error"
    kind = "sum"

    def check(self) -> Iterable[Result]:
        return self.report([*self.ctx.outcomes(sum_outcomes), *self.ctx.outcomes(counted_outcomes)])


def exceed_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """Each partial (`其中`) list against its whole: the parts may fall short, never exceed it."""
    for b, total, parts in footings(ctx.facts.breakdowns):
        if _complete(ctx, b, total, parts) or dimension_runs(total, parts, ctx.judge) is not None:
            continue  # a complete list is held to its total by TO101: one cause, one finding
        if any(ctx.value(p) < 0 for p in parts) or any(q.approx for q in [total, *parts]):
            continue
        s = add([ctx.interval(p) for p in parts])
        t = ctx.interval(total)
        if s[0] <= t[1] or (
            not b.coordinated and not b.exclusive and not _named_alike(b) and _breaks_itself_down(ctx, parts, t)
        ):
            continue
        yield _exceed_finding(ctx, b, total, parts)


BRACKETED = regex(r"[（(][^（）()]*[）)]")
ALIKE_TAIL = 4  # the characters every part's name ends with alike, at least (`基金支出`; `支出` alone says no rank)


def _named_alike(b: Breakdown) -> bool:
    """Do all the list's parts (three or more) end their names alike, brackets aside (`…养老保险基金支出（含上解上级
    支出）`, `…医疗保险基金支出`)? Items of one rank: none is the others' subtotal, whatever their figures make (a
    breakdown of a part names its items otherwise: `有效问卷 …，满意 …，不满意 …`)."""
    names = [BRACKETED.sub("", m.label).strip() for m in b.parts]
    if len(names) < 3 or any(len(n) < ALIKE_TAIL for n in names):
        return False
    return len({n[-ALIKE_TAIL:] for n in names}) == 1


def _breaks_itself_down(ctx: CheckContext, parts: list[Quantity], whole: Interval) -> bool:
    """Is the list's largest part, within the whole, the sum of all the others: a part and its own breakdown
    (`回收 1946 份。其中有效问卷 1900 份，满意 1368 份，基本满意 437 份，不满意 95 份`), which exceeds nothing?
    Not asked of parts joined by `、` (`Breakdown.coordinated`): items of one rank."""
    if len(parts) < 3:
        return False
    largest = max(parts, key=ctx.value)
    big = ctx.interval(largest)
    rest = add([ctx.interval(p) for p in parts if p is not largest])
    return big[0] <= whole[1] and rest[0] <= big[1] and big[0] <= rest[1]


def _exceed_finding(ctx: CheckContext, b: Breakdown, total: Quantity, parts: list[Quantity]) -> Outcome:
    exact_sum = _sum(ctx, parts)
    largest = max(parts, key=lambda p: ctx.value(p))
    note = ""
    if ctx.value(largest) > ctx.value(total):
        note = f"；其中 {largest.text} 一项即已超过总数"
    elif len(parts) > 2 and not b.coordinated:  # (items of one rank: no part is the others' subtotal)
        rest = exact_sum - ctx.value(largest)
        if rest <= ctx.value(total):
            note = f"；去掉最大的 {largest.text} 后其余合计 {in_unit(rest, total)}"
    # the list as the text opens it: `其中`, the allocation `分别安排` names, or the main items `主要用于` announces
    kw = b.keyword.strip("，,：: ")
    opened = kw if kw.startswith(("分别", "主要", "各等级")) else "括号内" if kw in ("（", "(") else "其中"
    msg = (
        f"“{opened}”各项合计 {in_unit(exact_sum, total)}，超过总数 {total.text}"
        f"（多出 {in_unit(exact_sum - ctx.value(total), total)}）{note}"
    )
    related = [(p, "组成项") for p in parts]
    expected = f"≥ {in_unit(exact_sum, total)}"
    return Outcome(total, "fail", "subset", related, msg, total.text, expected, certain=b.certain, operands=parts)


class PartsExceedWhole(Rule):
    """The items listed under `其中` add up to more than the whole they are part of.

    ## What it does
    Adds up the parts of every list that is not known to be complete (a `其中`, `包括`, `主要是` list) and
    compares the sum with the whole. Such a list need not name every part, so falling short is no
    finding; exceeding the whole is, beyond what the figures' precision allows. Besides the lists a
    sentence states, it applies to the partial lists found by inference: a sentence opening with `其中`
    that breaks down the figure of the sentence before, and what was handled among what was inspected
    in one sentence (`检查 X 家，查处 Y 家`), and the sums allocated to fields named before `分别`
    (`新增债券 X，主要投向 A、B 等领域，分别安排 a、b`); a finding on inferred lists is a warning. What is used
    of money carried over, named by the use alone, is a part of it (`上年结转资金 A，共安排支出 B`). What a whole and its `其中` part
    each include of one item, stated in brackets after them (`债券 X（含再融资债券 A），其中市级 Y（含再融资债券 B）`),
    is a whole and its part too (B is within A). An entry named as within an item listed before it (`其中：甲 a；乙 b，
    乙中丙 c；丁 d`, or `乙里丙`, `乙内丙`, `乙中，丙 c`) is a part of that item, held to it, and no item of the list; a
    figure set off by a comma after it, in a list a semicolon parts, may be the item's or the list's and is held to
    neither. A list of
    three parts or more whose largest part, within the whole, is the sum of the others is that part and its own
    breakdown (`回收 A 份。其中有效 B 份，满意 c 份，基本满意 d 份，不满意 e 份`): it exceeds nothing. The finding says when one
    part alone exceeds the whole, or when the largest part is what takes the sum over it. In a table, a
    column headed `其中：…` is a part of the nearest column to its left that is not one (under the same upper
    headers, in the same unit): each row's part is held to that row's whole (`| 全县 | 其中：县本级 |`). A figure
    of the appropriation's use headed by its class and a lower level's name (`5. 节能环保（类）污染防治：2026年预算数为
    A`) is a part of the class's coded row (`211 节能环保`) in the table of its context, where no row bears the lower
    name.

    It stays silent where another rule holds the list: a complete list (`具体为`, shares adding up to
    100%, a definition in `linter/vocab/sums.yaml`, a shortfall one slipped digit explains) is TO101's,
    and a list that breaks one whole down twice, each run adding up, passes. Lists with an approximate
    figure (`3300 余人次`, `约 500 万元`) or a negative part are skipped.

    ## Why is this bad?
    A part cannot be larger than its whole: either the whole is understated or a part is overstated (or
    counts something the whole does not), and every share or rate computed from them is wrong too.

    ## Example
    ```text
    全年受理投诉举报 460 件，其中电话举报 310 件，网络举报 180 件。
    ```

    ## Passes
    ```text
    全年受理投诉举报 460 件，其中电话举报 210 件，网络举报 180 件。
    ```

    ## How to fix
    Correct the whole or the part that is wrong; if a part counts something else than the whole (people
    against visits, a cumulative figure against a year's), name it so, outside the `其中` list.
    """

    code = "TO102"
    name = "parts-exceed-whole"
    severity = "error"
    kind = "subset"

    def check(self) -> Iterable[Result]:
        return self.report(
            self.ctx.outcomes(exceed_outcomes)
            + self.ctx.outcomes(part_column_outcomes)
            + self.ctx.outcomes(class_part_outcomes)
        )


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [SumMismatch, PartsExceedWhole]
