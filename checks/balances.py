"""Balances: income − expenditure = balance; opening + income − expenditure = closing; months payable; score
sums."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from tieout.linter.facts.model import Balance
from tieout.linter.figures.intervals import Interval, Verdict, add, fmt, interval, rolled, sub, unit_of
from tieout.linter.figures.quantities import Quantity
from tieout.linter.rules.base import CheckContext, Outcome, Result, Rule
from tieout.linter.rules.hooks import hookimpl

from ._util import in_unit


def balance_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    for b in ctx.facts.balances:
        verdicts = _verdicts(ctx, b)
        ops = [b.income, *b.inflows, b.expense, *b.outflows] + ([b.opening] if b.opening else [])
        related = [
            *((q, b.sides[0]) for q in (b.income, *b.inflows)),
            (b.expense, b.sides[1]),
            *((q, "调出等") for q in b.outflows),
        ]
        came_in = b.income.base_value + sum((q.base_value for q in b.inflows), Decimal(0))
        income_text = "".join([b.income.text, *(f" + {q.text}" for q in b.inflows)])
        if "pass" in verdicts:
            yield Outcome(b.balance, "pass", "delta", related, operands=ops)
            continue
        if b.closing and b.opening is not None:  # a year-end stock: what the year opened with, plus its surplus
            out_value = sum((q.base_value for q in b.outflows), Decimal(0))
            value = b.opening.base_value + came_in - b.expense.base_value - out_value
            exact = in_unit(value, b.balance)
            out = "".join(f" − {q.text}" for q in b.outflows)
            msg = (
                f"结余 {b.balance.text} 不等于年初 {b.opening.text} + 收入 {income_text} − 支出 {b.expense.text}"
                f"{out} = {exact}"
            )
        else:
            # the other money leaving the fund, when stated, is taken out too (`调出资金 C`)
            value = came_in - b.expense.base_value - sum((q.base_value for q in b.outflows), Decimal(0))
            # (a balance in another unit than the two sides share, `少到位 54.00亿元` of two sums in 万元: what it should
            # be in theirs, where a slipped unit shows, not a tiny figure in its own)
            slipped = b.balance.unit != b.income.unit == b.expense.unit and not b.outflows and not b.inflows
            exact = in_unit(value, b.income if slipped else b.balance)
            out = "".join(f" − {q.text}" for q in b.outflows)
            income, spent = b.sides
            msg = f"{b.name} {b.balance.text} 不等于{income} {income_text} − {spent} {b.expense.text}{out} = {exact}"
        verdict: Verdict = "rounding" if "rounding" in verdicts else "fail"
        if verdict == "rounding" and _mistyped(ctx, b):
            verdict = "fail"
        yield Outcome(b.balance, verdict, "delta", related, msg, b.balance.text, exact, None, b.certain, ops)


def _verdicts(ctx: CheckContext, b: Balance) -> list[Verdict]:
    """How the balance compares with each reading of its sides: income − expenditure, plus the opening balance, less
    the other money leaving the fund; a year-end stock beside its opening balance with the flows its sentence names
    besides its sides (`年初结转和结余 C，本年收入合计 A，使用非财政拨款结余 B，本年支出合计 D，结余分配 E，年末结转和结余
    F`) by all of them alone: F = C + A + B − D − E."""
    figures = [b.income, *b.inflows, b.expense, b.balance]
    band = unit_of(figures)
    # (money drawn from a balance kept apart, `使用非财政拨款结余`, comes in beside the income)
    plain = sub(add([interval(q) for q in (b.income, *b.inflows)]), interval(b.expense))
    net = sub(plain, add([interval(q) for q in b.outflows])) if b.outflows else plain
    if b.closing and b.opening is not None and (b.inflows or b.outflows):
        full = add([interval(b.opening), net])
        return [ctx.judge(interval(b.balance), full, unit_of([*figures, *b.outflows, b.opening]))]
    verdicts = [ctx.judge(interval(b.balance), plain, band)]
    if b.opening is not None:
        verdicts.append(ctx.judge(interval(b.balance), add([interval(b.opening), plain]), band))
    if b.outflows:  # the other money leaving the fund, when the text states it
        verdicts.append(ctx.judge(interval(b.balance), net, unit_of([*figures, *b.outflows])))
        if b.opening is not None:  # (`收入 A 加上年结转 B，减去支出 C 和调出资金 D，年末结转 E`)
            opened = add([interval(b.opening), net])
            verdicts.append(ctx.judge(interval(b.balance), opened, unit_of([*figures, *b.outflows, b.opening])))
    return verdicts


EXACT_BALANCES = 3  # other balances of one precision that hold to the digit, for a document to compute them exactly
SLIP_UNITS = 2  # a miss of one unit may be a 尾差; two or more, where the others hold exactly, a mistyped figure


def _step(b: Balance) -> Decimal | None:
    """The unit of the last digit a plain balance's three figures share (no opening balance, no other outflows);
    None where they are written to different precisions."""
    figures = (b.income, b.expense, b.balance)
    step = b.balance.ulp * b.balance.scale
    plain = b.opening is None and not b.outflows and not b.inflows
    return step if plain and step > 0 and all(q.ulp * q.scale == step for q in figures) else None


def _miss(b: Balance) -> Decimal:
    return abs(b.income.base_value - b.expense.base_value - b.balance.base_value)


def _mistyped(ctx: CheckContext, b: Balance) -> bool:
    """Is a balance that misses by rounding a mistyped figure? So where the document computes its balances to the
    digit: three others or more of the same precision hold exactly and none misses (`结余资金` beside `全年预算数` and
    `全年执行数` row by row, each row's 结余 their difference to the cent), and this one misses by two units or more
    (63.47 for 342.00 − 278.56 = 63.44). Balances of figures rounded one by one leave a 尾差 of one unit here and
    there; none anywhere else, and a miss of three, is no 尾差."""
    step = _step(b)
    if step is None or _miss(b) < SLIP_UNITS * step:
        return False
    others = [o for o in ctx.facts.balances if o is not b and _step(o) == step]
    return len(others) >= EXACT_BALANCES and all(_miss(o) == 0 for o in others)


def roll_forward_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    slipped = {id(s.roll) for s in ctx.facts.unit_slips if s.roll is not None}
    for r in ctx.facts.roll_forwards:
        flows = [*r.inflows, *r.outflows]
        if id(r) in slipped:
            # (one cause, one finding: the figure whose unit slipped is TO202's)
            yield Outcome(r.closing, "fail", "delta", operands=[r.opening, *flows], silent=True)
            continue
        computed = rolled([r.opening, *r.inflows], r.outflows)
        verdict = ctx.judge(interval(r.closing), computed, unit_of([r.opening, *flows, r.closing]))
        related = [(r.opening, "期初"), *((q, "增加") for q in r.inflows), *((q, "减少") for q in r.outflows)]
        ops = [r.opening, *flows]
        if verdict == "pass":
            yield Outcome(r.closing, "pass", "delta", related, operands=ops)
            continue
        value = r.opening.base_value + sum(q.base_value for q in r.inflows) - sum(q.base_value for q in r.outflows)
        exact = in_unit(value, r.closing)
        terms = "".join(f" + {q.text}" for q in r.inflows) + "".join(f" − {q.text}" for q in r.outflows)
        msg = f"期末 {r.closing.text} 不等于期初 {r.opening.text}{terms} = {exact}"
        yield Outcome(r.closing, verdict, "delta", related, msg, r.closing.text, exact, None, r.certain, ops)


class BalanceMismatch(Rule):
    """A stated balance (收支相抵，当期结余、年终结余) is not income minus expenditure (plus the opening balance).

    ## What it does
    Takes a period's balance (`结余`, `结存`, `余额`: `当期结余`, `收支结余`, `年末结转结余` …) and the income
    and expenditure stated before it in its paragraph: the sides' totals where the passage names them
    (`收入总计`, `本年收入合计`, `收入决算结果`), else the one figure named as income and the one named as
    expenditure (several incomes and no total: no relation). Only figures whose context (scope, fund,
    period, stage) agrees with the balance's are its sides: the income of `市本级` is no side of a balance
    of `全市`; a balance named with a thing of its own (`甲基金当年结余`) takes only sides named with that thing, its
    short name being the same thing (`企业养老保险` is 企业职工基本养老保险, `居民医保` 城乡居民基本医疗保险: vocab
    tables.short_words). The balance passes when it is income − expenditure, or the opening balance (`年初结转结余`,
    `上年结余`, `期初余额`: `opening` in `linter/vocab/relations.yaml`, in the paragraph before it) + income
    − expenditure, or income − expenditure −
    the other money leaving the fund that the text states (`调出`, `上解`, `还本` …), each figure counting
    for the interval its precision allows; a miss within one unit of the last digit is a rounding finding
    (TO100).

    Stocks (`历年累计结余`, `滚存结余`, `债务余额`) and the carry-over of the expenditure side (`结转下年`)
    are not period balances and are not checked this way, but for a fund's balance accumulated to the year's
    end (`年末滚存结余`, `年末累计结余`) stated in one clause with its opening balance, income and expenditure
    (`上年结余 A，本年收入 X，本年支出 Y，年末滚存结余 D`: D = A + X − Y). A balance whose sentence says it is
    income less expenditure (`收支相抵，当年结余 Z`, `当年收支结余 Z`) and whose paragraph states no sum before it
    is of the income and the expenditure stated last before it under its heading, each named as the side itself
    (`社会保险基金收入`, not one of its kinds), when nothing but their lists' parts, last year's figures and
    figures of no money stand between them and the balance (a warning). A project's balance (`尚结余`, `结存`,
    `剩余资金`) is the funds that reached it (`资金实际到位`, `下达资金`) less what it spent, where its paragraph
    states before it exactly those two sums of money, in that order, of its period (a budget or a second
    spending beside them: not read). A project's rest of its budget (`执行率 r%，结余 U`, `未执行的 U`, `未支出的 U`,
    after its execution rate in its sentence) is the budget less what was spent, the two the one pair of the
    rate's operands whose quotient is the rate, named as a budget (`全年预算`, `项目总投入`) and as spent
    (`全年执行`); where the rate's sentence states the spending alone, the budget is the one figure named as a
    budget under its heading before it that the spending over gives the rate (a warning); a rest that another
    stated figure less the spending also gives (`年初预算` beside `调整预算`) is not read. A sentence saying only that
    a fund carries forward what is left (`收支相抵，结转下年 Z`), after its figures set out under its heading with
    no side's total (`国有资本经营预算收入 A，其中…，加上年结转 B。…支出 Y，其中…；调出 C。`), is A + B − Y − C, where
    every figure of the heading's text before it is the one income, the incomes its sentence adds to it in words
    (`加上级补助收入 b`, counted in; one merely set beside it, `上级补助收入 b`, or a note of what the income holds,
    `（含上年结转 B）`: not read), at most one sum brought forward, the one spending after the income or money paid out
    besides it (parts of their lists and ratios aside; a warning); the fund's name may stand before a bare 结转
    (`收支相抵，政府性基金预算结转 Z`), and the spending and what is paid out may stand in Z's own sentence
    (`支出 Y，调出资金 C，收支相抵后结转下年 Z`). One sentence that rolls a fund forward alone
    (`国有资本经营预算收入 A，加上年结转 B，支出 Y，调出资金 C，结转下期 Z`: its one income first, at most one sum
    brought forward, its one spending and what it pays out besides, nothing else) is A + B − Y − C (a warning). A
    sentence that lists only a fund's spending, what it pays out besides (`调出资金`, `上解支出`, `债务还本支出`,
    `补充预算稳定调节基金`) and, last, what it carries forward (`结转下年`, `年终结转`, `收支相抵后结转下年`) or the
    balance all its money leaves (`收支相抵，结余 Z`, `年终结余 Z`; not the year's own surplus, `当年结余`), right after
    the sentence closing on its total resources (`收入总计`, listed with last year's balance among its parts; in the
    line before, where a report sets each on a line of its own), is that total less the uses (a warning); so is
    such a sentence of only the money paid out besides and what is carried forward (`调出资金 C，专项债务还本支出 D，收支相抵，结转下年 Z`) right after a sentence of
    the fund's spending alone (its rate, its change and its own `其中` list beside it) that follows the sentence
    closing on the total resources: Z = X − Y − C − D. A year-end stock (`年末结转结余 F`) in a sentence of only the
    year's spending and it (`本年支出 D`, no `支出总计`), under a heading that states before it nothing of money but
    what the year opened with, its one income (with its own `其中` list) and at most their total (`年初结转结余 A，本年
    收入 B，其中…，收入总计 T。` / `本年支出 D，年末结转结余 F。`), is T − D, or A + B − D (a warning). The finding is an
    error when the income, the
    expenditure and the balance stand in one sentence that says it balances them (`收支相抵`, `当期结余`,
    `年终结余`, `本年结余` …), a warning when they were gathered from the sentences before or the sentence
    does not say so. A year-end balance (`年末结转和结余`) with an opening balance is expected to be the
    opening balance plus income less expenditure; where its sentence names other money besides, it is that
    sum with every such figure and no other reading: money drawn from a balance kept apart comes in
    (`使用非财政拨款结余`, `用事业基金弥补收支差额`: `drawn_from_balance` in `linter/vocab/relations.yaml`), what
    leaves besides the spending goes out (`结余分配`), as a 部门决算 states it (`本年收入合计 A，使用非财政拨款结余 B，
    年初结转和结余 C；本年支出合计 D，结余分配 E，年末结转和结余 F`: F = C + A + B − D − E). A balance read in its
    own sentence beside a sum of money it would leave out (`使用专用基金 B`, last year's income beside this
    year's), or a surplus of the year beside money drawn from a balance, is not read: how it counts that
    money is not said.

    A stock rolled forward in one sentence (`上年末政府债务余额 A，当年新增 B，偿还 C，年末政府债务余额 D`;
    `roll_forward` in `linter/vocab/relations.yaml`) is checked the same way, D = A + the money coming in −
    the money going out, when every figure between the opening and the closing stock is named as one or
    the other; written backwards too (`年末余额 D，其中当年新增 B、偿还 C，上年末余额 A`, the opening stock last; or
    `全年举借 B，偿还本金 C，年初余额 A` after a sentence ending with `年末债务余额 D`, a warning); and a closing stock is the opening one plus the year's surplus (`当年收支结余 a，年末累计结余 b，
    上年末累计结余 c`, in any order within the clause; or `加上年末滚存结余 A，年末滚存结余 B` right after a sentence
    closing with the year's surplus, a warning; or what last year carried in named so alone, `上年结余` or `上年结转`,
    between the year's surplus and the closing stock, one right after the other: `本年收支结余 a，上年结转 A，滚存结余
    D`, where alone it may be last year's own surplus); a part-year report's stock at the end of its months
    (`6月末滚存结余`) closes its period as `年末` closes a year. A stock explained in the brackets right after it as its opening
    stock with figures added and taken away, each sign written and the brackets closing after the last
    (`财政拨款结转结余 D（年初财政拨款结转结余 A，加本年财政拨款收入 B，减本年财政拨款支出 C）`), is so rolled forward,
    though its own words name no year's end.

    A figure named as the difference of two others of its sentence (`本年收入合计 X，费用合计 Y，本期盈余 Z`;
    `资产总额 A，负债总额 L，净资产 N`; `固定资产原值 G，累计折旧 D，净值 V`; `送审金额 A，审定金额 B，审减 C`: `linter/vocab/differences.yaml`) is
    checked the same way, when each of the three names is borne by one figure of the sentence, of one unit and
    context, the difference stated last (a last year's figure or another entity's of one of the names beside
    them: not read). The first figure may open with the entity the three are of (`全市国有企业资产总额 A，负债总额
    L，所有者权益 N`: an enterprise's 所有者权益 is its 净资产); a later one naming an entity is another's. A name may
    follow the word saying it was achieved (`全年实现利润总额 A`), the one taken away the word taking it (`扣除所得税费用 B
    后，实现净利润 C`: C = A − B).

    A figure named as what a balance is compared with (`年末结转结余较年初的 B 增加 Δ`) is not the balance; and the
    difference of one income and one expenditure (with the same opening balance and other money, if any) has one
    value: once read, a later figure named a balance (`结余资金 b` after `…年末结转结余 Z。其中…`) is not read as it.

    ## Why is this bad?
    The balance is what is left of the year's money; one that is not income minus expenditure misstates
    what the fund or the department carries into next year, or shows that a side was revised without
    it.

    ## Example
    ```text
    城乡居民医保基金收入 86,420 万元，支出 81,650 万元，当期结余 5,770 万元。
    ```
    86,420 − 81,650 is 4,770.

    ## Passes
    ```text
    城乡居民医保基金收入 86,420 万元，支出 81,650 万元，当期结余 4,770 万元。
    ```

    ## How to fix
    Correct the balance (the finding gives income − expenditure), or the side that is wrong; state the
    opening balance or the other outflows if the balance includes them.
    """

    code = "TO109"
    name = "balance-mismatch"
    severity = "error"
    kind = "delta"

    def check(self) -> Iterable[Result]:
        return self.report([*self.ctx.outcomes(balance_outcomes), *self.ctx.outcomes(roll_forward_outcomes)])


class MonthsPayable(Rule):
    """The months a fund's balance can pay (`累计结余 X，可支付 N 个月`) do not match the balance over one
    month of the expenditure stated with it.

    ## What it does
    Takes a number of months (`可支付月数 N 个月`, `可支撑 N 个月`, `可保障`) and, before it in its sentence,
    the last balance (`结余`, `结存`) and the last expenditure (`支出`) in money, and computes balance ÷
    (expenditure ÷ 12), or balance ÷ expenditure when the expenditure is stated per month (`月平均支出`,
    `月均支出`, `每月支出`: `monthly` in `linter/vocab/relations.yaml`). N is accepted when it is that value rounded half up, rounded down or rounded up to
    whole months (less than one month away), or when its own precision covers it. A sentence without an
    expenditure, or with an expenditure of zero, is not checked. The finding is a warning, since a report
    may divide by another expenditure than the one it states (a monthly average over several years, the
    coming year's budget).

    ## Why is this bad?
    The months a fund can pay are how a report states the fund's sustainability; a figure its own
    balance and expenditure do not give overstates or understates the fund's reserve.

    ## Example
    ```text
    职工医保统筹基金本年支出 96,000 万元，历年累计结余 120,000 万元，可支付月数 18 个月。
    ```
    120,000 ÷ (96,000 ÷ 12) is 15 months.

    ## Passes
    ```text
    职工医保统筹基金本年支出 96,000 万元，历年累计结余 124,000 万元，可支付月数 16 个月。
    ```
    15.5 months, written as 16 (or 15).

    ## How to fix
    Recompute the months from the balance and the year's expenditure, or, if the report divides by
    another expenditure, state which.
    """

    code = "TO110"
    name = "months-payable"
    severity = "warning"
    kind = "rate"

    def check(self) -> Iterable[Result]:
        ctx = self.ctx
        for f in ctx.facts.months:
            if f.expense.base_value <= 0:
                continue
            per_month = f.expense.base_value if f.monthly else f.expense.base_value / 12
            exact = f.balance.base_value / per_month
            low, high = interval(f.months)
            ok = (exact - 1 < f.months.value < exact + 1) or low <= exact <= high
            yield self.checked(f.months, "pass" if ok else "fail", [f.balance, f.expense])
            if not ok:
                month = f.expense.text if f.monthly else f"({f.expense.text} ÷ 12)"
                yield self.diag(
                    f.months,
                    f"可支付月数 {f.months.text} 与 {f.balance.text} ÷ {month} = {fmt(exact, 1)} 个月不符",
                    stated=f.months.text,
                    expected=f"{fmt(exact, 0)}个月",
                    related=[ctx.related(f.balance, "结余"), ctx.related(f.expense, "支出")],
                )


def _score(q: Quantity) -> Interval:
    """A score as awarded: a whole number of points is exactly that (an evaluator gives 18 分, not 17.5 to
    18.5); one with decimals was computed and rounded, and stands for the interval its precision allows."""
    return (q.value, q.value) if q.decimals == 0 and not q.approx else interval(q)


def _score_unit(scores: list[Quantity]) -> Decimal:
    """The rounding band of a score sum: the last digit of its computed (decimal) scores; none when every score
    is whole."""
    return max((q.ulp for q in scores if q.decimals > 0), default=Decimal(0))


def score_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    for sset in ctx.facts.scores:
        related = [(q, "分项得分") for q in sset.items]
        total = sum((q.value for q in sset.items), Decimal(0))
        if sset.partial:  # the scores listed within one indicator: they may fall short of its score
            low, _ = add([interval(q) for q in sset.items])
            if low <= interval(sset.total)[1]:
                yield Outcome(sset.total, "pass", "score_sum", related)
                continue
            msg = f"所列各项得分之和 {fmt(total)} 分超过其所属指标得分 {sset.total.text}"
            yield Outcome(sset.total, "fail", "score_sum", related, msg, sset.total.text, f"≥ {fmt(total)}分")
            continue
        verdicts = [
            ctx.judge(_score(sset.total), add([_score(q) for q in items]), _score_unit([sset.total, *items]))
            for items in (sset.items, *sset.readings)
        ]
        if "pass" in verdicts:
            yield Outcome(sset.total, "pass", "score_sum", related)
            continue
        verdict: Verdict = "rounding" if "rounding" in verdicts else "fail"
        # the reading nearest the overall score names what to correct (the likeliest first among equals)
        items = min(
            (sset.items, *sset.readings), key=lambda r: abs(sum((q.value for q in r), Decimal(0)) - sset.total.value)
        )
        total = sum((q.value for q in items), Decimal(0))
        related = [(q, "分项得分") for q in items]
        msg = f"各项得分之和 {fmt(total)} 分与{sset.name or '总分'} {sset.total.text} 不符"
        yield Outcome(sset.total, verdict, "score_sum", related, msg, sset.total.text, f"{fmt(total)}分")


class ScoreSum(Rule):
    """The item scores listed after an overall score (`自评得分 98 分 … 1、…得分 20 分`) do not add up to it.

    ## What it does
    Takes an overall score (a label ending in `自评得分`, `评价得分`, `综合得分`, `总得分`, `总分` …, in `分`)
    and the item scores after it (labels with `得分`, or an indicator's name and the verb `得`, as in
    `决策指标得 13.5 分`; in `分`): those in the overall score's paragraph and those in the sections below
    it, up to the end of its section. Two items or more are added up and compared with the overall score; a
    miss within one unit of the scores' last digit is a rounding finding (TO100).

    Scores of another section do not count, nor does a score with the overall score's own label (the
    `自评得分` of the next indicator is another total, not an item). Items listed under `其中` or `具体为`
    in the overall score's sentence are a breakdown, held to it by TO101 when the list is complete (by
    its keyword, or as the four dimensions `决策`, `过程`, `产出`, `效益` of `linter/vocab/sums.yaml`), else
    by TO102.

    Scores of the indicators below a first-level one are not items of the overall score: those a passage
    places within one indicator (`产出指标中，数量指标得分 a，…`, `效益方面，…`) are held to that indicator's
    score as a partial list (their sum may fall short of it, never exceed it); where the items hold the four
    dimensions, the overall score is their sum; scores named as an indicator under one listed with them
    (`数量指标`, `质量指标` under `产出`; `社会效益`, `满意度` under `效益`: `score_children` in
    `linter/vocab/relations.yaml`) are left out, and since a lone `满意度` may be an indicator of its own, the
    overall score passes when any of these readings (or the flat list) adds up to it.

    A list laid out one indicator per line (`决策指标满分 15 分，得 13 分；` on each line, or wrapped over
    lines) followed directly by the overall score's line (`总分：…`, `合计 满分100分 得分…`, `综上，项目自评总得分…`)
    is read where every line is wholly (full marks, score) pairs whose full marks make 100; a blank line or
    a heading ends the list. Where each line states its deduction too, the total deducted (`合计扣分`) is
    held to their sum by TO101.

    In the official project self-assessment form (项目支出绩效自评表: a 项目资金 block headed `年初预算数 全年预算数
    全年执行数 分值 执行率 得分`, then the indicators headed `一级指标 二级指标 三级指标 … 分值 得分`, closed by a `总分`
    row), the 总分 row's full marks are the funds' full marks and the indicators' added, and its score their scores
    added (linter/facts/passes/assessment_form.py); read only where every row's cells stand at the header's places.

    Each indicator's full marks and score listed before the overall score (`决策指标 20 分，得 18 分；…；效益
    指标 20 分，得 18 分。综合得分 93.5 分`), in its sentence or the one before, are its items when the full marks
    make 100 and nothing but joining marks stands between them and the total's name. So are those listed after
    it (under `其中` or `分项看`), each score with its full marks in brackets (`预算编制 9.5 分（分值 10 分），…`),
    when the full marks make 100: then every item is listed. With no full marks, the four first-level indicators
    named each once with their scores, under a word naming them as scores (`各一级指标得分分别为：决策指标 a 分、…`),
    in the overall score's paragraph or the one after it, are its items (`各一级指标分值…` names full marks: none).

    ## Why is this bad?
    The overall score is the result of a performance evaluation, the one figure a reader quotes; when
    its items do not add up to it, either the overall score or an item score was misstated.

    ## Example
    ```text
    四、综合评价结论
    经评价，该项目绩效评价得分 92 分。
    （一）决策指标得分 18 分。
    （二）过程指标得分 19 分。
    （三）产出指标得分 36 分。
    （四）效益指标得分 21 分。
    ```
    The items add up to 94.

    ## Passes
    ```text
    四、综合评价结论
    经评价，该项目绩效评价得分 94 分。
    （一）决策指标得分 18 分。
    （二）过程指标得分 19 分。
    （三）产出指标得分 36 分。
    （四）效益指标得分 21 分。
    ```

    ## How to fix
    Correct the overall score or the item score that is wrong, as the scoring table of the evaluation
    has them.
    """

    code = "TO111"
    name = "score-sum"
    severity = "error"
    kind = "score_sum"

    def check(self) -> Iterable[Result]:
        return self.report(self.ctx.outcomes(score_outcomes))


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [BalanceMismatch, MonthsPayable, ScoreSum]
