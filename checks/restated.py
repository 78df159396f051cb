"""Restated figures: one quantity stated with different values in different places."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal

from tieout.linter.facts.explain import MONEY_UNITS
from tieout.linter.facts.model import Mention, Restatement
from tieout.linter.facts.passes.base import UNIT_STEPS, restated_in_own_unit, slipped_unit
from tieout.linter.figures.intervals import add, fmt, interval, unit_of
from tieout.linter.figures.quantities import Quantity
from tieout.linter.rules.base import Result, Rule
from tieout.linter.rules.hooks import hookimpl

from ._util import SLIP_MONEY_UNITS, footings, unit_foreign

MAX_VALUES = 2  # more values under one identity: a per-item attribute (得分 of each indicator), not one quantity
# a quantity is restated in a few places; a label repeated in more is an attribute of each item (每项指标的
# 自评得分, 权重), whatever the values
MAX_PLACES = 3


def _values(items: list[tuple[Mention, Quantity]]) -> Counter[Decimal]:
    """The distinct values stated, figures written to different precision that round to each other counting
    as one (`92.51 亿元` and `92.511 亿元`): each figure counts for the most precise value it agrees with."""
    # (finest first by the unit of the last digit in 元, not by decimals: 42,493.30 万元 is finer than 4.25 亿元)
    figures = sorted((q for _, q in items), key=lambda q: q.ulp * q.scale)
    values: Counter[Decimal] = Counter()
    for q in figures:
        low, high = interval(q)
        match = next((v for v in values if low <= v < high or v == q.base_value), None)
        values[match if match is not None else q.base_value] += 1
    return values


class RestatedFigure(Rule):
    """The same quantity is stated with different values in different places.

    ## What it does
    Groups the figures that are one quantity and compares their values. Two figures are the same
    quantity only when their identities are complete and equal: the item they name and the scope
    (`全省`, `省本级`, `部门` …), fund (`一般公共预算` …), stage (`预算`, `执行`, `决算` …) and period the
    document states for them, from their own words, the labels before them in their sentence, the
    headings above them and the title (a `部门决算` speaks of one department, at the stage 决算, of the
    year its title names). A generic item (`支出决算`) is the same only under the same headings (but in a department's
    report a side of one fund of its appropriation, the fund named in its own words, `一般公共预算拨款收入`, is the
    document's wherever stated, as its totals are); a count is
    the same only with the same noun after it (`131 个赛项`). Where a field is stated nowhere, the identity
    is incomplete and the figure is never compared: an unknown context is no evidence of a mistake.
    Figures whose item names no one quantity (`涉及`, `该指标得分`, `调入资金等`), and figures whose
    identity was inferred from a neighbouring sentence, are not compared either. Last year's figure given
    as the base of a change (`2024年度本年支出合计 860.40 万元，比上年 812.30 万元增长 5.92%`) is the figure of
    the current one's identity a year earlier, compared with that figure stated elsewhere (`2023年度本年支出
    合计 821.30 万元`), unless the comparison is on another basis (`同口径`, `可比`, `剔除…`); where the comparison
    names the stage of that figure (`预算收入 87,600 万元，比上年执行数 84,620 万元增长 3.5%`), it is last year's
    figure of that stage.

    A government's debt stock (linter/facts/debts.py) names no fund and is often restated under another heading
    (`截至2024年底，全市政府债务余额 A` in the debt section, `2024年末全市政府债务余额 A` under the risks): it is one
    quantity by an identity of its own, what it measures (余额, 限额), of which debt (the whole, 一般债务, 专项债务, a kind
    named alone in the list of its whole: `限额 L，其中：一般债务 a`), the scope (a scope word, or the government naming
    itself: `我市` the whole city), the stage and the year whose end it stands at, in any money unit. A stock whose scope no
    words state, or dated otherwise (`上年末`, `年初`, a month's end), is not compared.

    A sum of money restated right after it in another unit (`3,983.76 万元（约 0.40 亿元）`, `…万元，约合
    0.40 亿元`, `（折合 186,000 万元）`, the bracket holding nothing else) is the same quantity too: the
    restatement must be the sum converted, to its own precision (one unit of its last digit either way
    when written with 约). After a comma the restatement must end its clause (`…5 亿元，约 3,000 万元用于…`
    states a part, not the sum again). The sum may be a figure no label holds (`由年初预算 557000 万元调整为
    586450 万元，约…`): the restatement is of the figure right before it. A sum restated so in its own unit with a number 10⁴ or 10⁸ apart
    (`586450 万元，约为 58.65 万元`) is a unit slip of one of the two: the fix is the reading whose unit the
    document writes its other sums of money in (58.65 亿元 where it writes 亿元 and never 元); where that
    does not decide, the finding names both readings and gives no fix.

    An outermost heading that only names what the title says the whole report is of (`一、全市和市本级财政决算情况`
    under `关于某市…全市和市本级财政决算的报告`) tells no quantity apart: the figure a summary before it states is the
    one stated under it. A summary's sum of money whose scope no words state (`全年一般公共预算支出完成 136.42 万元`),
    written in a unit none of the other sums of its sentence use (they all in one unit 10⁴ or 10⁸ away), is paired
    with the one figure of the same item, fund, stage, period and subject stated with a scope elsewhere that its
    number read in the sentence's unit agrees with (to five significant digits where one other sum shows the
    sentence's unit, three where two or more do): one quantity, its unit slipped.

    A passage the report repeats word for word under another heading (a 绩效自评 states its outcomes in its
    overview and again under an indicator: `截至12月底，全县共计抽查定点零售药店 286 家，…`) states its figures
    again, each the figure at its place in the first statement, where their items and contexts are the same: the
    clauses around them read alike, figures masked, for forty characters or more. A passage two of whose figures
    differ is a wording filled in for each item of a list, not a copy, and so is one whose single differing figure
    stands under parallel headings (`一、农村公路养护项目`, `二、城区道路养护项目`).

    A project's 自评表 restates the text: an indicator's outcome the text states under the project's heading
    (or, in a compilation of several projects' reports, under the heading of its report: `三、X绩效自评报告`
    over the form whose caption names `项目名称：X`), or anywhere in the report of that one project's
    evaluation (its one form, of the project its title names), named as the indicator (or as the thing
    the indicator's name measures: `农村公路新改建 1263 公里` for `农村公路新改建里程`, vocab
    `indicator_measures`) and in its unit (`路面中修 42.5 公里` for the row `路面中修 | ≥40公里 | 42.5公里`), is that
    row's 实际完成值, where the figure is of the year's outcome (stage 执行, the report's year, not summed up
    over years or a part: `累计`, `截至`, `其中`). So is, in any table whose header names each row's indicator
    (`三级指标`) and its outcome (`实际完成值`), the row's outcome that a sentence opening with the indicator's name
    and a colon states (`受益人口：目标值6400人，实际受益人口6850人`): the one figure of the sentence said to be
    achieved (`实际…`, `完成…`; no rate, target, `累计` or `其中`), in the cell's unit, where one row of the
    document's tables and one sentence so name the indicator and no other year is stated.

    One list of indicators set out in two tables (a report's table of its indicators' outcomes and the 自评表
    appended to it) states each indicator's outcome twice: the 实际完成值 of the row of one indicator's name in each,
    in one unit (the cell's own, or its row's 计量单位), is one quantity, where the tables are of one year and share
    three indicators or more whose outcomes, counted or measured (not percentages), agree, at least twice as many
    as differ.

    A named indicator's rate stated twice as the year's outcome (`乘客综合满意度 p%` in a summary and in the analysis)
    is one quantity: its name the same words once the connectives before it and the verb after it are dropped
    (`其中`, `为`, `达到`), ending as an indicator's does and naming an object, not a kind alone (`完成率`, `综合预算
    执行率`: each item's; vocab relations `named_rates`), of one context and subject as a figure's, stated in text (not
    a table's line) with no figures it is worked out from, no bound and no comparison, target or date in its clause
    or above it (`提高到`, `同比`, `目标`, `截至`, a heading `绩效目标`), its sentence naming no other year or scope. A
    name stated in more than three places or with more than two values in the whole report is each item's rate, and
    is compared nowhere.

    A group is judged when its figures stand in two paragraphs or more. Figures written to different
    precision that round to each other (`92.51 亿元`, `92.511 亿元`) agree. A group with more than two
    values, or stated in more than three places, is an attribute of many items (each indicator's
    `自评得分`), not one quantity, and is not judged. The finding is placed on the figure most likely at
    fault and names the value the rest of the report supports: the one with which a breakdown the
    figure belongs to adds up, or, where two statements agree once one of them is read in a money unit 10⁴ or
    10⁸ away (`3,120.00 亿元` and `3,120.00 万元`; `58.26 万元` and `582,614 万元`), the one whose unit no other sum of
    money of its sentence is written in while two or more are (one, where the two agree to five significant
    digits) written in the unit it is read in, or, its sentence holding no other sum, of its section (a unit slip:
    the fix is its number in that unit), or the one most places state; where nothing
    decides, it is placed on the last statement and names no value. Every place is listed. It is a warning: which value is right is
    for the author to say.

    ## Why is this bad?
    A reader who meets the same total twice with two values cannot tell which one the report means, and
    every share, rate or change computed from it inherits the doubt.

    ## Example
    ```text
    2023年度部门决算
    一、收入支出决算总体情况
    本年支出合计 2,318.75 万元。
    二、支出决算情况
    本年支出合计 2,381.75 万元，具体为：基本支出 1,506.20 万元，项目支出 812.55 万元。
    ```
    With 2,318.75 the breakdown of the second statement adds up: 2,381.75 is the figure at fault.

    ## Passes
    ```text
    2024年度全省财政决算
    一、全省情况
    全省政府性基金预算收入 1,206.40 亿元。
    二、省本级情况
    省本级政府性基金预算收入 96.30 亿元。
    ```
    The whole province and its own level are two scopes: two quantities.

    ## How to fix
    State the quantity with one value everywhere (the finding's suggestion, when a sum or a majority
    supports one), or, if the figures are different quantities, say so in their labels (the scope, the
    fund, the stage or the period).
    """

    code = "TO201"
    name = "restated-figure"
    severity = "warning"
    kind = "cross_ref"

    def check(self) -> Iterable[Result]:
        for r in self.ctx.facts.restatements:
            items = sorted(r.figures, key=lambda x: x[1].start)
            if len({m.sentence for m, _ in items}) == 1:
                yield from self._conversion(items)  # restated in another unit right after (not two places)
                continue
            values = _values(items)
            if len(values) == 1:
                yield self.checked(items[-1][1], "pass", [q for _, q in items[:-1]])
            elif len(values) <= MAX_VALUES and len(items) <= MAX_PLACES:
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
        period = r.identity.context.period
        if period and period != ctx.facts.document_context.period and period.isdigit():
            name = f"{period}年{name}"  # another year's figure (a change's base restated): say which year
        msg = f"“{name}”在报告中前后不一致：{listing}{why}"
        yield self.diag(
            target,
            msg,
            stated=target.text,
            expected=expected.text if expected is not None else None,
            fix=expected.text if expected is not None and why else None,
            related=[ctx.related(q, "另一处") for q in rest],
        )

    def _conversion(self, items: list[tuple[Mention, Quantity]]) -> Iterable[Result]:
        """`3,983.76 万元（约 0.40 亿元）`: the second figure is the first in another unit, to the precision of the less
        precise of the two (the finer one's value within it); when not, the second is the one at fault."""
        (_, q), (_, r) = items
        if q.unit == r.unit:
            yield from self._own_unit(q, r)
            return
        if _agree(q, r):  # (either the rounding of the other: `1.36 亿元（13,586.84 万元）`)
            yield self.checked(r, "pass", [q])
            return
        expected = f"{fmt(q.base_value / r.scale, r.decimals)}{r.unit}"
        yield self.checked(r, "fail", [q])
        yield self.diag(
            r,
            f"{q.text} 换算为{r.unit}约为 {expected}，与所写 {r.text} 不符",
            stated=r.text,
            expected=expected,
            related=[self.ctx.related(q, "原数")],
        )

    def _own_unit(self, q: Quantity, r: Quantity) -> Iterable[Result]:
        """`586450 万元，约为 58.65 万元`: the sum restated in its own unit with a number 10⁴ apart. One unit is a slip:
        r's, meant 10⁴ above (58.65 亿元), or q's, meant 10⁴ below (586450 元). The one the document writes its
        other sums of money in is the fix; where both or neither are, the finding names both."""
        factor = restated_in_own_unit(self.ctx.doc.text, q, r)
        assert factor is not None
        readings = [
            (f, unit) for f, scale in ((r, r.scale * factor), (q, q.scale / factor)) if (unit := MONEY_UNITS.get(scale))
        ]
        used = {
            x.unit
            for x in self.ctx.facts.quantities
            if x.kind == "amount" and x.base_unit == "元" and x is not q and x is not r
        }
        known = [x for x in readings if x[1] in used]
        target, unit = known[0] if len(known) == 1 else (r, "")
        options = [f"{_number(f)}{u}" for f, u in (known if len(known) == 1 else readings)]
        other = q if target is r else r
        yield self.checked(target, "fail", [other])
        yield self.diag(
            target,
            f"单位疑误：{r.text} 是 {q.text} 的换算，数字相差 {_power(factor)} 倍，单位相同；应为 {' 或 '.join(options)}",
            stated=target.text,
            expected=options[0] if unit else None,
            fix=options[0] if unit else None,
            related=[self.ctx.related(other, "原数" if other is q else "换算")],
        )

    def _odd_one(
        self, items: list[tuple[Mention, Quantity]], values: Counter[Decimal]
    ) -> tuple[Quantity, Quantity | None, str]:
        """The figure most likely at fault, the value the rest of the report supports, and why."""
        for _, q in items:
            other = next((o for _, o in items if not _agree(o, q)), None)
            if other is not None and self._sum_supports(q, other):
                return q, other, f"；按 {other.text} 计，所在合计与各项之和相符"
        footed = [q for _, q in items if self._foots(q)]
        if footed and all(_agree(q, footed[0]) for q in footed):
            odd = [q for _, q in items if not _agree(q, footed[0])]
            if odd:
                return odd[-1], footed[0], f"；{footed[0].text} 与其各项之和相符"
        slip = self._unit_slip(items)
        if slip is not None:
            return slip
        (top, n), *_ = values.most_common(1)
        if n > len(items) / 2 and n >= 2:
            odd = [q for _, q in items if not _near(q, top)]
            support = next(q for _, q in items if _near(q, top))
            return odd[-1], support, f"；其余 {n} 处均为 {support.text}"
        return items[-1][1], None, ""

    def _unit_slip(self, items: list[tuple[Mention, Quantity]]) -> tuple[Quantity, Quantity, str] | None:
        """Two statements of one sum of money that agree once one of them is read in a money unit 10⁴ or 10⁸ away
        (`中央补助 5,120 亿元` and `中央补助 5,120 万元`; a summary's `支出 70.00 万元` and the section's `支出 699,951
        万元`, 70.00 亿元 to its precision): the one at fault is the one written in a unit foreign to where it stands
        (no other sum of money of its sentence, or else of its section, uses it, while some use the unit it is read
        in). None when that does not single one out."""
        if len(items) != 2 or any(q.kind != "amount" or q.base_unit != "元" for _, q in items):
            return None
        figures = [q for _, q in items]
        odd = [
            (m, q, unit)
            for (m, q), (_, other) in (items, items[::-1])
            if (unit := slipped_unit(q, other, MIN_SLIP_DIGITS)) is not None
            and self._foreign(m, q, other, unit, figures)
        ]
        if len(odd) != 1:
            return None
        _, target, unit = odd[0]
        support = next(q for q in figures if q is not target)
        if target.unit != support.unit:
            return target, support, f"；两处数字相同而单位不同，所在部分其余金额均以{support.unit}计（单位疑误）"
        # (one unit, the numbers 10⁴ or 10⁸ apart: the fix is the figure's own number in the unit it was meant in)
        scale = SLIP_MONEY_UNITS[unit]
        meant = replace(target, unit=unit, scale=scale, text=f"{_number(target)}{unit}")
        return target, meant, f"；按{unit}计与 {support.text} 相符，所在句或部分其余金额以{unit}计（单位疑误）"

    def _foreign(self, m: Mention, q: Quantity, other: Quantity, unit: str, own: list[Quantity]) -> bool:
        """Is `q`'s unit foreign where it stands, `unit` used there: in its sentence (a summary's `全市收入 98.29 亿元，
        …支出 70.00 万元`), or else in its section (`unit_foreign`)? The figures of `own` do not count. One other sum
        of the sentence alone shows its unit only where `q` read in it agrees with `other` to five digits or more."""
        ctx = self.ctx
        sentence = ctx.doc.sentences[m.sentence]
        units = [
            x.unit
            for x in ctx.facts.quantities
            if sentence.start <= x.start < sentence.end
            and x.kind == "amount"
            and x.base_unit == "元"
            and all(x is not g for g in own)
        ]
        if not units:
            return unit_foreign(ctx, q, unit, own)
        if q.unit in units or units.count(unit) != len(units):
            return False
        return len(units) >= MIN_SENTENCE_UNITS or slipped_unit(q, other, LONE_NEIGHBOUR_DIGITS) == unit

    def _foots(self, f: Quantity) -> bool:
        """Is `f` the total or a part of a breakdown that holds exactly as stated?"""
        ctx = self.ctx
        for _, total, parts in footings(ctx.facts.breakdowns, f.base_unit):
            figures = [total, *parts]
            if f in figures and len(parts) >= 2:
                ivs = [ctx.interval(q) for q in figures]
                if ctx.judge(ivs[0], add(ivs[1:]), unit_of(figures)) == "pass":
                    return True
        return False

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


# the fewest significant digits a figure read in another unit must have for its agreement to be no chance
MIN_SLIP_DIGITS = 3
# the other sums of money of a sentence in one unit that make it the sentence's (a summary of two totals or more);
# one alone does where the figure read in it agrees to this many significant digits (no chance agreement)
MIN_SENTENCE_UNITS = 2
LONE_NEIGHBOUR_DIGITS = 5


def _number(q: Quantity) -> str:
    """The figure's number as written, without its unit."""
    return q.text[: -len(q.unit)] if q.unit and q.text.endswith(q.unit) else q.text


def _power(factor: Decimal) -> str:
    return "10⁸" if max(factor, 1 / factor) == UNIT_STEPS[1] else "10⁴"


def _near(q: Quantity, value: Decimal) -> bool:
    low, high = interval(q)
    return low <= value < high or q.base_value == value


def _agree(a: Quantity, b: Quantity) -> bool:
    return _near(a, b.base_value) or _near(b, a.base_value)


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [RestatedFigure]
