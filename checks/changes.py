"""Changes against an earlier period: the stated change, its direction word, and percentage points."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Change, Mention, Movement
from tieout.linter.facts.moments import COMPARED_MOMENT
from tieout.linter.facts.passes.base import neighbour_units
from tieout.linter.figures.intervals import (
    HUNDRED,
    Interval,
    digit_slip,
    fmt,
    interval,
    ratio,
    rounded,
    rounding_unit,
    signed,
    sub,
)
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import lazy, regex
from tieout.linter.rules.base import CheckContext, Outcome, Result, Rule
from tieout.linter.rules.hooks import hookimpl
from tieout.linter.vocab import BUDGET, alternation, fund_budgets, load, words
from tieout.linter.vocab import relation_words as _alt

from ._util import in_unit, units_apart, written
from .share_growths import share_growth
from .standards import standard_claims

if TYPE_CHECKING:  # the table parser is imported when a document has a table (`table_base`)
    from tieout.linter.parse.tables import Table


def _base(ctx: CheckContext, c: Change, cur: Quantity, delta: Movement | None) -> tuple[Interval, Decimal] | None:
    """The earlier figure's interval and value: stated, or the current one minus the stated difference."""
    base = c.base if c.base is not None and c.base.base_unit == cur.base_unit else None
    if base is not None:
        return interval(base), base.base_value
    if delta is None or delta.quantity is None:
        return None
    d, c_iv = interval(delta.quantity), interval(cur)
    if delta.direction == "up":
        return sub(c_iv, d), cur.base_value - delta.quantity.base_value
    return (c_iv[0] + d[0], c_iv[1] + d[1]), cur.base_value + delta.quantity.base_value


def contradicted(c: Change, m: Movement) -> bool:
    """Does the movement's direction word contradict the change's figures (current and earlier both stated, in
    one unit)? Shared by TO204, which reports it, and TO108, which then leaves the change alone: one wrong
    word (or one wrong figure that turns the change round) is one finding."""
    if c.current is None or c.base is None or c.base.base_unit != c.current.base_unit:
        return False
    if m.quantity is not None and m.quantity.kind == "percent" and m.quantity.value == 0:
        return False  # `比上年增长 0.0%` of a figure a little lower: a rate rounding to none has no direction to contradict
    diff = c.current.base_value - c.base.base_value
    return diff != 0 and (diff > 0) != (m.direction == "up")


def _direction_wrong(c: Change) -> bool:
    """A change TO204 reports, and TO108 then leaves alone: contradictory words (`减少 Δ，增长 p%`), or a word
    against the stated figures (`比上年 1,200 增加 150` of a figure that fell)."""
    return len({m.direction for m in c.movements}) > 1 or any(contradicted(c, m) for m in c.movements)


def _slipped(ctx: CheckContext, c: Change) -> bool:
    """A change whose figure has a unit slip (TO202 reports it: one cause, one finding)."""
    return any(q is not None and ctx.index.unit_slip_of(q) is not None for q in (c.current, c.base))


def _as_meant(ctx: CheckContext, c: Change) -> Change | None:
    """The change to check: none where its words contradict its figures (TO204) or a figure's unit slipped (TO202),
    but for a base read as meant (`_base_as_meant`)."""
    if _direction_wrong(c):
        return None
    return _base_as_meant(ctx, c) if _slipped(ctx, c) else c


def _base_as_meant(ctx: CheckContext, c: Change) -> Change | None:
    """The change with its base read in the unit a unit slip says it was meant in (`收入 9.65万元` of parts adding
    up to 96,492万元: 9.65亿元), where the base alone slipped and the slip is known from a list it heads, not from
    this change: the change is then checked as it was meant (TO202 reports the unit; a growth that fails against
    the base so read is wrong besides). None where the current slipped, or the slip is known from the change."""
    base = c.base
    slip = ctx.index.unit_slip_of(base) if base is not None else None
    if base is None or slip is None or slip.breakdown is None or slip.change is not None or not base.value:
        return None
    if c.current is None or ctx.index.unit_slip_of(c.current) is not None or base.unit not in base.text:
        return None
    text = base.text.replace(base.unit, slip.unit)
    # (the base as meant is inferred from the slip: a finding on it is a warning, as TO202's)
    return replace(c, base=replace(base, text=text, unit=slip.unit, scale=slip.value / base.value), certain=False)


# a comparison with last year (`比上年`, `较上年度决算数`, `同比`, `比 2024 年`), or none (`支出 X，增长 p%`): what
# the row's figure of the year before is the earlier figure of; a plan (`比预算`) or another reference (`较全省
# 平均`) it is not. `stage`: the stage the comparison names of last year's figure (比上年预算数)
LAST_YEAR = regex(
    r"^(?:(?:比|较|与|同)?(?:上年度?|去年|上一年度?|(?P<year>\d{4})年度?)(?:同期)?(?P<stage>预算|决算|执行)?数?(?:相比)?"
    r"|同比)?$"
)
# a header that compares (比上年增减, 增幅, 为上年%): its column is no figure of last year, whatever year it names
COMPARING = regex(r"比|较|增|减|幅|%|率|为")
# a period up to a month's end (`2025-06`), and the word of a column of the same months a year before (`上年同期`)
MONTH_END = regex(r"\d{4}-\d{2}")
SAME_MONTHS = "同期"


def changes(ctx: CheckContext) -> list[Change]:
    """The document's changes, each whose earlier figure the sentence does not state given the one its table
    row does (`table_base`), built once per document for TO108 and TO204."""
    return ctx.memo("changes.with_table_bases", lambda: [_with_table_base(ctx, c) for c in ctx.facts.changes])


def _with_table_base(ctx: CheckContext, c: Change) -> Change:
    cur = c.current
    if cur is None and c.base is None and ctx.facts.tables:
        # (`2024年到位资金较2023年增加 Δ`: both figures are a 分年度 table's, neither is stated)
        from tieout.checks.tables.years import year_cells, year_share

        pair = year_cells(ctx, c)
        if pair is not None:
            return replace(c, current=pair[0], base=pair[1])
        # (`2024年A占B的比重为 p%，较上年提高 r 个百分点`: the share is the current, last year's from the table)
        share = year_share(ctx, c)
        if share is not None:
            return replace(c, current=share[0])
    if cur is None and c.base is None:
        # (`其中：2023年 b、2024年 a。2024年安排资金比上年增加 Δ，增长 p%`: both figures are the list's, by their years)
        listed = listed_years(ctx, c)
        # (the stated difference, and its word, picked the two figures: held to them it could not fail, so only the
        # rest, the rate, is checked)
        rest = [m for m in c.movements if m.quantity is None or m.quantity.kind != "amount"]
        if listed is None or not rest:
            return c
        return replace(c, current=listed[0], base=listed[1], movements=rest, certain=False)
    if c.base is not None or cur is None or cur.kind != "amount" or not cur.exact or not ctx.facts.tables:
        return c
    said = LAST_YEAR.match(c.comparison)
    own = ctx.index.mention_of(cur)
    if said is None or own is None or not own.identity.item:
        return c
    base = table_base(ctx, own, cur, said.group("year"), said.group("stage"))
    if base is None:
        return c
    return replace(c, base=base, certain=c.certain and own.identity.complete())


# a figure named by its year alone, as a list by years names its items (`其中：2023年 b、2024年 a`)
YEAR_ALONE = regex(r"^[，、；\s]*(?:其中[：:，,]?)?\s*(?P<year>(?:19|20)\d{2})\s*年度?$")


def listed_years(ctx: CheckContext, c: Change) -> tuple[Quantity, Quantity] | None:
    """This year's and last year's figure of a change stating neither but its difference (`2024年安排资金比上年增加
    Δ，增长 p%`), from a list by years before it in its paragraph (`累计安排资金 T，其中：2023年 b、2024年 a`): the two
    figures named by the change's year and the year before alone, of one item, whose difference is Δ exactly, with
    its sign. The difference is what says the list is of the measure the change names: none where it is not, or
    where two pairs of figures so named give it."""
    from tieout.checks.tables.years import COMPARED, sentence_year

    delta = next((m for m in c.movements if m.quantity is not None and m.quantity.kind == "amount"), None)
    said = COMPARED.match(c.comparison.replace(" ", ""))
    if delta is None or delta.quantity is None or not delta.quantity.exact or said is None:
        return None
    this = sentence_year(ctx, c) if c.label else None
    # (the year before, named as such, `比上年`, `同比`, or by its number, `比2023年`)
    if this is None or (said["year"] is not None and int(said["year"]) != this - 1):
        return None
    years = _by_year(ctx, c, (this, this - 1), delta.quantity, delta.start)
    step = delta.quantity.base_value if delta.direction == "up" else -delta.quantity.base_value
    pairs = [
        (now, before)
        for (year, item, subject), nows in years.items()
        if year == this
        for now in nows
        for before in years.get((this - 1, item, subject), [])
        if now.base_value - before.base_value == step
    ]
    return pairs[0] if len(pairs) == 1 else None


def _by_year(
    ctx: CheckContext, c: Change, wanted: tuple[int, ...], like: Quantity, before: int
) -> dict[tuple[int, str, str], list[Quantity]]:
    """The exact amounts like `like` named by one of the `wanted` years alone in the change's paragraph before
    `before`, by year and by the item and subject of their mention (one list's)."""
    paragraph = ctx.doc.paragraph_of(c.sentence)
    years: dict[tuple[int, str, str], list[Quantity]] = {}
    for m in ctx.facts.mentions:
        named = YEAR_ALONE.match(m.label) if m.sentence in paragraph and m.sentence <= c.sentence else None
        if named is None or int(named["year"]) not in wanted or len(m.quantities) != 1:
            continue
        q = m.quantities[0]
        if q.kind == "amount" and q.exact and q.base_unit == like.base_unit and q.start < before:
            years.setdefault((int(named["year"]), m.identity.item, m.identity.subject), []).append(q)
    return years


def table_base(ctx: CheckContext, own: Mention, cur: Quantity, year: str | None, stage: str | None) -> Quantity | None:
    """The figure of the year before of the table row that certainly is the current figure (`| 教育支出 | 3,500 |
    3,300 | 3,000 |` under `预算数 决算数 上年决算数`): the row's one cell of that year (`上年决算数`, `2024 年预算数`)
    whose header compares nothing, of the figure's unit and of the stage the comparison names, if it names one.
    Two such cells (上年预算数 and 上年决算数) say not which the change is of; a year the comparison names that is
    not the one before, nothing. A fund's whole that no row names is the 合计 row of the one table titled with
    it (`whole_row_of`). Of a half-year's cell (`1-6月`, of the period `2025-06`), last year's is the row's cell of
    the same months (`上年同期`), no other of last year."""
    from tieout.checks.tables.text import listed_whole_row_of, restates, row_of, tables_by_index, whole_row_of

    # (the figure may be the cell rounded to a coarser unit, `1320.82 亿元` of 13,208,180 万元: the growth is the
    # same whichever of the two it is computed from, within the figure's digits)
    row = (
        row_of(ctx, own, cur, rounded=True)
        or whole_row_of(ctx, own, cur, scoped=True)
        or listed_whole_row_of(ctx, own, cur)
    )
    now = [h for h in row if restates(ctx, cur, h.quantity, rounded=True)]
    years = {h.identity.context.period for h in now}
    this = next(iter(years)) if len(years) == 1 else None
    # (a half-year table's `1-6月` cell, `2025-06`: last year's is its `上年同期` column, of the same months)
    months = this is not None and MONTH_END.fullmatch(this) is not None
    if months and this is not None:
        this = this[:4]
    if this is None or not this.isdigit() or year not in (None, str(int(this) - 1)):
        return None
    tables = tables_by_index(ctx)
    # (what the current cell's column names beside its year and stage: `利润总额` of a 合计 row read by its column;
    # last year's cell is of that thing too, not of `上年营业总收入` beside it)
    things = {_thing(_header(tables[h.identity.table], h.identity.col)) for h in now}
    earlier = {
        h.quantity.base_value: h.quantity
        for h in row
        if h.identity.context.period == str(int(this) - 1)
        and h.quantity.base_unit == cur.base_unit
        and h.quantity.kind == cur.kind
        and _stage_is(stage, h.identity.context.stage)
        and not COMPARING.search(header := _header(tables[h.identity.table], h.identity.col))
        and _same_thing(things, _thing(header))
        and (not months or SAME_MONTHS in header)
    }
    return next(iter(earlier.values())) if len(earlier) == 1 else None


# the words of a column's header that say which year or stage its figures are, or only introduce them: what is left
# names the thing the column holds (`上年营业总收入` → 营业总收入; `2023年决算数` → nothing)
PERIOD_AND_STAGE = regex(
    r"上年|本年|去年|今年|当年|同期|上期|本期|(?:19|20)\d{2}年?度?|年度|全年|预算|决算|执行|完成|实际|调整后?|年初|数|金额"
    r"|[（(][^）)]*[）)]|[\s／/]"
)


def _thing(header: str) -> str:
    return PERIOD_AND_STAGE.sub("", header)


def _same_thing(things: set[str], thing: str) -> bool:
    """Does a cell's column name the thing the current figure's column names, where both name one?"""
    return not thing or not any(things) or thing in things


def _stage_is(said: str | None, cell: str | None) -> bool:
    """Is the cell's stage the one the comparison names (none named: any)? A 决算 table's figures are what the
    prose calls 执行 or 决算."""
    return said is None or said == cell or {said, cell} <= {"决算", "执行"}


def _header(table: Table, col: int) -> str:
    column = next((c for side in table.sides if (c := side.column(col)) is not None), None)
    return column.header if column is not None else "比"  # a column not found: as one that compares


def change_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    for c in changes(ctx):
        cur = c.current
        if cur is None and c.base is not None:
            o = _from_base(ctx, c)
            if o is not None:
                yield o
            continue
        if cur is None or not cur.exact:
            continue
        meant = _as_meant(ctx, c)
        if meant is None:
            continue
        c = meant
        if cur.kind == "percent":
            for o in (_rate_change(ctx, c), _points_change(ctx, c)):
                if o is not None:
                    yield o
            continue
        moves = [m for m in c.movements if m.quantity is not None and m.quantity.exact]
        delta = next((m for m in moves if m.quantity.base_unit == cur.base_unit and m.quantity.kind != "percent"), None)  # type: ignore[union-attr]
        pct = next((m for m in moves if m.quantity.kind == "percent"), None)  # type: ignore[union-attr]
        found = _base(ctx, c, cur, delta)
        if found is None:
            continue
        base_iv, base_val = found
        if delta is not None and c.base is not None:
            yield _delta_outcome(ctx, c, cur, delta)
        if pct is not None:
            o = _growth_outcome(ctx, c, cur, pct, base_iv, base_val, delta)
            if o is not None:
                yield _with_delta(_blamed(o, c, cur, delta, pct), c, delta)


def _blamed(o: Outcome, c: Change, cur: Quantity, delta: Movement | None, pct: Movement) -> Outcome:
    """A growth that fails against the base its difference gives, the finding on the current figure where the
    difference and the rate agree on a base that a slipped digit of the current misses (`_current_slipped`)."""
    if o.verdict != "fail" or c.base is not None or delta is None:
        return o
    return _current_slipped(c, cur, delta, pct) or o


def _current_slipped(c: Change, cur: Quantity, delta: Movement, pct: Movement) -> Outcome | None:
    """`城管执法（项）526.00 万元，比上年增加 77.00 万元，增长 15.88%`: no earlier figure stated, the difference and
    the rate give the earlier one together (77.00 / 15.88% ≈ 484.9) and so the current (≈ 561.9); where exactly one
    figure a slipped digit or two swapped ones make of the current stands within what they give (562.00), the
    current is the figure written wrong, and the finding is its. Not where the rate is that close a slip of the
    one the figures give (`下降 25%` for 20%: either may be wrong), nor for a rate of two digits (`增长 12%`), which
    gives the current too loosely to tell one slip of it."""
    d, p = delta.quantity, pct.quantity
    if d is None or p is None or delta.direction != pct.direction or cur.base_unit != d.base_unit:
        return None
    sign = 1 if delta.direction == "up" else -1
    p_lo, p_hi = p.base_value - p.ulp / 2, p.base_value + p.ulp / 2
    earlier = cur.base_value - sign * d.base_value
    if p_lo <= 0 or p_hi >= HUNDRED and sign < 0 or p.ulp > p.base_value / 200 or earlier <= 0:
        return None
    if digit_slip(p.base_value, round(d.base_value / earlier * HUNDRED, p.decimals)):
        return None
    d_lo, d_hi = d.base_value - rounding_unit(d) / 2, d.base_value + rounding_unit(d) / 2
    low, high = d_lo * (HUNDRED / p_hi + sign), d_hi * (HUNDRED / p_lo + sign)  # the current the two give
    unit = rounding_unit(cur) / 2
    fits = [y for y in _slips(cur) if low - unit <= y * cur.scale <= high + unit]
    if len(fits) != 1:
        return None
    shown = in_unit(fits[0] * cur.scale, cur)  # (written as the figure is: separators, decimals, its unit if it has it)
    fixed = shown if written(cur) == cur.text else shown.removesuffix(cur.unit)
    msg = (
        f"本期 {written(cur)} 与所写 {delta.word}{d.text}、{pct.word}{p.text} 不符：二者推得上期约 "
        f"{in_unit(d.base_value * HUNDRED / p.base_value, cur)}、本期约 {shown}，{cur.text} 疑为 {fixed} 之误"
        "（数字错位或笔误）"
    )
    # (the difference is named with it by _with_delta, as for any growth checked against the base it gives)
    return Outcome(cur, "fail", "growth", [(p, "变动率")], msg, cur.text, fixed, fixed, c.certain)


def _slips(q: Quantity) -> Iterator[Decimal]:
    """The figures one changed digit or two swapped adjacent ones make of q's number, as written (its decimals)."""
    text = f"{abs(q.value):.{q.decimals}f}"
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    seen = {text}
    for k, i in enumerate(digits):
        variants = [text[:i] + ch + text[i + 1 :] for ch in "0123456789"]
        if k + 1 < len(digits) and digits[k + 1] == i + 1:
            j = i + 1
            variants.append(text[:i] + text[j] + text[i] + text[j + 1 :])
        for v in variants:
            if v not in seen and not (v[0] == "0" and len(v.split(".")[0]) > 1):
                seen.add(v)
                yield Decimal(v)


def _with_delta(o: Outcome, c: Change, delta: Movement | None) -> Outcome:
    """A growth rate checked against the earlier figure the difference gives (no earlier figure stated): the
    difference is one of the figures that disagree, named with the current one."""
    if c.base is not None or delta is None or delta.quantity is None:
        return o
    return replace(o, related=[*o.related, (delta.quantity, "变动额")])


def _from_base(ctx: CheckContext, c: Change) -> Outcome | None:
    """The earlier figure and the difference stated, the current one not (`与上年相比（上年…为 6,215.40 万元），
    增加 372.96 万元，增长 6.00%`): the growth is Δ / earlier."""
    base = c.base
    assert base is not None
    moves = [m for m in c.movements if m.quantity is not None and m.quantity.exact]
    delta = next((m for m in moves if m.quantity.base_unit == base.base_unit and m.quantity.kind != "percent"), None)  # type: ignore[union-attr]
    pct = next((m for m in moves if m.quantity.kind == "percent"), None)  # type: ignore[union-attr]
    if delta is None or pct is None or delta.quantity is None or pct.quantity is None or base.base_value <= 0:
        return None
    if delta.direction != pct.direction:
        return None  # contradictory words: TO204
    p, d = pct.quantity, delta.quantity
    growth = ratio(interval(d), interval(base))
    if growth is None:
        return None
    verdict = ctx.judge(interval(p), growth, p.ulp)
    against = _against(c)
    related = [(base, f"{against}数"), (d, "变动额")]
    exact = d.base_value / base.base_value * HUNDRED
    expected = f"{fmt(exact, p.decimals)}%"
    msg = f"按{against} {base.text}、{delta.word} {d.text} 计算，变动率为 {fmt(exact, 2)}%，与所写 {pct.word}{p.text} 不符"
    return Outcome(p, verdict, "growth", related, msg, p.text, expected, expected, c.certain, [base, d])


# (`比调整前`: the budget before an adjustment; the 预算 of a fund's name, `与上年一般公共预算支出 B 相比`, names
# which money was compared, no plan)
PLANNED = regex(
    r"调整前(?:预算数?)?|目标|计划|"
    + "".join(f"(?<!{re.escape(name.removesuffix(BUDGET))})" for name in fund_budgets())
    + BUDGET
)
# a reference that is neither a plan nor an earlier period (`较全县平均水平`, `较序时进度`: passes/targets.py)
_REFERENCES = alternation((load("relations").get("deviation") or {}).get("reference"))
REFERENCE = regex(rf"^较(?P<name>[\u4e00-\u9fff]{{0,8}}?(?:{_REFERENCES}))$")


# a comparison with the outturn reported before the books closed, no period named (`决算支出总量 A，比执行数 B 增加 Δ`)
OUTTURN_BEFORE = regex(r"^[，,\s]*(?:比|较|与)执行数")


def _against(c: Change) -> str:
    """What the change is measured against, as a finding names it: the plan its comparison names (`较目标`,
    `比预算`), the outturn a final account is compared with (`比执行数`), the reference it names (`较全县平均水平`),
    else the earlier period."""
    found = PLANNED.search(c.comparison)
    if found:
        return found.group()
    if OUTTURN_BEFORE.match(c.comparison):
        return "执行数"
    reference = REFERENCE.match(c.comparison)
    return reference.group("name") if reference else "上期"


def _rates_compared(c: Change, previous: Decimal, current: Decimal) -> str:
    """The two rates of a change as a finding names them: last year's and this year's (`由上年 94.20% 变为
    96.50%`), or the outcome and the plan it is measured against (`为 85.33%，目标 90.00%`)."""
    against = _against(c)
    if against == "上期":
        moment = COMPARED_MOMENT.match(c.comparison)  # (`较年初`: the earlier rate is named by that moment)
        return f"由{moment['moment'] if moment else '上年'} {fmt(previous, 2)}% 变为 {fmt(current, 2)}%"
    return f"为 {fmt(current, 2)}%，{against} {fmt(previous, 2)}%"


def _earlier_rate(c: Change) -> str:
    """What a related place of the earlier rate is called in a finding."""
    against = _against(c)
    return "上年比率的依据" if against == "上期" else f"{against}比率"


def _exact_counts(*figures: Quantity) -> bool:
    """Are the figures counts of things, exact by nature (no rounding can make them differ)?"""
    return all(rounding_unit(q) == 0 for q in figures)


def _delta_outcome(ctx: CheckContext, c: Change, cur: Quantity, delta: Movement) -> Outcome:
    assert c.base is not None and delta.quantity is not None
    d_iv = sub(interval(cur), interval(c.base))
    stated = signed(interval(delta.quantity), delta.direction == "up")
    # (a difference of counts of things, exact all three, is not excused as rounding: `增加 3 人` of 80 → 84)
    band = Decimal(0) if _exact_counts(cur, c.base, delta.quantity) else delta.quantity.ulp * delta.quantity.scale
    verdict = ctx.judge(stated, d_iv, band)
    exact = cur.base_value - c.base.base_value
    # the difference written as the document writes its figures (decimals, separators), in the current's unit
    shown = in_unit(exact, cur, max(cur.decimals, c.base.decimals))
    against = _against(c)
    msg = f"{c.label or '本期'} {written(cur)} 与{against} {written(c.base)} 之差为 {shown}，与所写 {delta.word}{delta.quantity.text} 不符"
    expected = in_unit(abs(exact), delta.quantity)
    meant = _meant_unit(delta.quantity, abs(exact)) if verdict == "fail" else None
    if meant is not None:
        # (`由 A 元提高到 B 元，人均增收 C 万元`: C is the difference, in the unit of the ends)
        expected = f"{delta.quantity.text.removesuffix(delta.quantity.unit)}{meant}"
        msg += f"；按{meant}计则相符，疑为单位之误"
    related = [(cur, "本期数"), (c.base, f"{against}数")]
    return Outcome(delta.quantity, verdict, "delta", related, msg, delta.quantity.text, expected, None, c.certain)


def _meant_unit(q: Quantity, value: Decimal) -> str | None:
    """The money unit 10⁴ or 10⁸ from a sum's own in which its number is `value` to its written precision (a
    difference of `1,286 元` written `1,286 万元`); None where there is none."""
    if q.base_unit != "元" or not q.unit or not q.value or not q.text.endswith(q.unit):
        return None
    low, high = interval(q)
    # (the units' intervals are 10⁴ apart and a written figure's spans less: at most one holds the value)
    return next((unit for unit, factor in neighbour_units(q) if low * factor <= value < high * factor), None)


def _growth_outcome(
    ctx: CheckContext,
    c: Change,
    cur: Quantity,
    pct: Movement,
    base_iv: Interval,
    base_val: Decimal,
    delta: Movement | None = None,
) -> Outcome | None:
    p = pct.quantity
    assert p is not None
    growth_iv = ratio(_moved(c, cur, base_iv, delta), base_iv)
    if base_val < 0 and (o := _rise_past_current(ctx, c, cur, pct, (base_iv, delta))) is not None:
        return o
    if growth_iv is None or base_val <= 0:
        return None  # a growth rate over a base that is zero or negative says nothing checkable
    verdict = ctx.judge(signed(interval(p), pct.direction == "up"), growth_iv, p.ulp)
    against = _against(c)
    related = [(cur, "本期数")] + ([(c.base, f"{against}数")] if c.base is not None else [])
    exact = (cur.base_value - base_val) / base_val * HUNDRED
    expected: str | None = f"{fmt(abs(exact), p.decimals)}%"
    # the earlier figure as stated, else as the current one less the stated difference, written like it
    if c.base is not None:
        msg = f"按本期 {written(cur)}、{against} {written(c.base)} 计算"
    else:
        msg = f"按本期 {cur.text}、{against} {in_unit(base_val, cur)}（由本期与变动额推算）计算"
    msg += f"，变动率为 {fmt(exact, 2)}%，与所写 {pct.word}{p.text} 不符"
    fix: str | None = expected
    base = c.base
    if verdict == "fail" and base is not None and base.unit != cur.unit and base.base_unit == cur.base_unit:
        # `90.30 亿元，比上年 88.46 万元增长 2.1%`: read in one unit the figures give the growth written, and which
        # of the two has the wrong unit is not told (TO202 reports the one it can tell)
        alike = interval(base, base.value * cur.scale)  # the earlier figure's number in the current one's unit
        same = ratio(sub(interval(cur), alike), alike)
        if same is not None and ctx.judge(signed(interval(p), pct.direction == "up"), same, p.ulp) != "fail":
            msg += f"；{units_apart(cur, base)}"
            expected, fix = None, None
    return Outcome(p, verdict, "growth", related, msg, p.text, expected, fix, c.certain)


def _rise_past_current(
    ctx: CheckContext, c: Change, cur: Quantity, pct: Movement, inferred: tuple[Interval, Movement | None]
) -> Outcome | None:
    """`支出 580 万元，与上年相比增加 880 万元，增长 480%`: no earlier figure stated, a rise larger than the current
    figure leaves the earlier one below zero. A report whose last year's spending was negative (money clawed back
    and netted off) writes the rate over its size (`3150，增加 5040，增长 266.7%`: 5040 / 1890): that holds.
    Otherwise the rise and the rate contradict each other, whatever was mistyped (the rate gives the rise it
    means: 580 − 580 / 5.8 = 480). Only for a rise and a rate both up, the current above zero; an earlier figure of
    zero exactly is an item new this year, its growth written 100% by custom: not read."""
    base_iv, delta = inferred
    d, p = delta.quantity if delta is not None else None, pct.quantity
    if c.base is not None or delta is None or d is None or p is None or d.base_unit != cur.base_unit:
        return None
    if delta.direction != "up" or pct.direction != "up" or cur.base_value <= 0 or p.base_value <= 0:
        return None
    earlier = cur.base_value - d.base_value
    over_size = ratio(signed(interval(d), True), (-base_iv[1], -base_iv[0])) if base_iv[1] < 0 else None
    if over_size is not None and ctx.judge(signed(interval(p), True), over_size, p.ulp) != "fail":
        return Outcome(p, "pass", "growth", [(cur, "本期数")], certain=c.certain)
    meant = cur.base_value - cur.base_value / (1 + p.base_value / HUNDRED)
    msg = (
        f"按本期 {cur.text}、{delta.word}{d.text} 推算的{_against(c)}数为 {in_unit(earlier, cur)}，不能据以写出"
        f" {pct.word}{p.text}；按所写变动率，{delta.word}额应约为 {in_unit(meant, cur)}"
    )
    # (the rise is named among the related places by `_with_delta`, as for every growth that states one)
    return Outcome(p, "fail", "growth", [(cur, "本期数")], msg, d.text, in_unit(meant, cur), None, c.certain)


def _moved(c: Change, cur: Quantity, base_iv: Interval, delta: Movement | None) -> Interval:
    """The interval of current − earlier. With the earlier figure stated, the difference of the two intervals;
    with it inferred as current ∓ Δ (`完成 52.47 亿元，同比增收 2.31 亿元，增长 4.8%`), Δ's own interval: the
    inferred earlier figure carries Δ's rounding already, and subtracting it from the current again would count
    the rounding of both figures twice (the growth's band twice as wide as the figures allow, a slipped digit of
    the rate read as rounding)."""
    if c.base is not None or delta is None or delta.quantity is None:
        return sub(interval(cur), base_iv)
    return signed(interval(delta.quantity), delta.direction == "up")


class ChangeMismatch(Rule):
    """A stated change (`比上年 X 增加 Δ`, `增长 p%`) does not match the current and the earlier figure.

    ## What it does
    Recomputes the change a sentence states against an earlier period (`比上年`, `较上年`, `同比`,
    `与上年相比`):

    - with the earlier figure stated (`比上年 X 增加 Δ，增长 p%`): Δ as current − earlier, p as Δ / earlier;
    - with only Δ stated besides p: p as Δ / (current ∓ Δ) (the finding names Δ with the current figure: the
      two disagree with p, and which one is wrong is not told);
    - with the earlier figure and Δ stated and the current one not
      (`与上年相比（上年…为 X），减少 Δ，下降 p%`): p as Δ / earlier;
    - a move stated by its two ends, its size then named by a word of its own right after the later end
      (`由上年的 A 元提高到 B 元，人均增收 Δ 元，增幅 p%`; vocab `relations.moved_by`): Δ as B − A, p as Δ / A;
      a Δ whose number is the difference in a money unit 10⁴ or 10⁸ away from its own (`1,155 万元` for a
      difference of 1,155 元) is named a unit slip, its number in that unit the expected value;
    - with neither stated: against the figure of the same identity a year earlier (same item and
      subject, no context field stated differently, the period one year before: `2022年` for `2023年`,
      `上年` for `本年`), when the report states exactly one value for it. The finding is then an error
      when both identities are complete (a department's report, whose title states the scope and
      stage), a warning otherwise;
    - a budget draft's figure (`收入安排 A`, `预期目标为 A`; `预计 A` where the change names last year's
      outcome, `比2025年执行数`, or names nothing and the last change before it under its heading names that
      outcome) with neither stated: against last year's outcome of its item, scope and fund
      stated in the report's account of that year, when every figure so named has one value, none is a
      budget, and the headings over the two name no other thing (`企业职工…` against `城乡居民…`): a warning;
    - with neither stated in prose, the current figure certainly a table row's cell (its row named, its
      context known alike, its value the cell's: as TO304 and TO105 match them; or the cell rounded to the
      figure's coarser last digit, `1320.82 亿元` of 13,208,180 万元, and the row's name followed by a word of
      what is done with it, `支出安排`, or after who achieved it, `集团实现营业收入`; or, where its sentence names
      the table by number, `详见附表3`, the row of that one table its label names whose cell is the figure; or,
      for the jurisdiction as a whole, `全省…增值税 X`, the row of a table titled with the government's name
      alone whose cell is X, though the report states its own level's figures too):
      against the row's one
      cell of the year before (`上年决算数`, `2024年预算数`), of the unit and of the stage the comparison
      names (`比上年预算数`) if it names one, in a column whose header compares nothing (not `比上年增减`); of a
      half-year table's cell (`1-6月`), the cell of the same months a year before (`上年同期`).
      Two such cells, a comparison with another year, a plan or a reference: nothing is read. A figure
      naming a fund's whole (`一般公共预算收入 X，比上年增长 p%`) is the 合计 row (`收入合计`) of the one table
      whose title names that whole, when that row's 执行数 is X; of a space-aligned table only the cells
      whose column name stands over them. A figure listed with its parts (`X，比上年增长 p%。其中：A a，B b`) is
      the one 合计 row of the one table whose rows are named as the parts, each part its row's cell, all in
      the column where the 合计 row's cell is X, whatever context the table's title states (two parts at
      least);
    - with neither figure stated (`2024年到位资金较2023年增加 Δ，增长 p%`): both from the one 分年度 table
      (rows or columns headed by years alone) that lays out the measure the sentence names, right after its
      year and before the comparison, as one column header (or row label) written alike: its cells of the
      two years, exact amounts of one unit. Two such tables, or another word between year and measure
      (`2024年省级到位资金`): nothing is read. With no such table and the difference stated, both from a list by
      years before the change in its paragraph (`累计安排资金 T，其中：2023年 b、2024年 a`): the two figures named by
      the change's year and the one before alone, of one item, whose difference is Δ exactly (one such pair; the
      rate is then checked, a warning);
    - a share's change in points (`2024年A占B的比重为 p%，较上年提高 r 个百分点`), A and B both laid out by year in
      the one 分年度 table: last year's share is last year's A over B; read only when this year's A over B is
      the share stated, within its rounding (else the share may be of other figures).

    A figure named by the year before the report's own (`2024年完成 B` in a report of 2025), in a sentence whose
    figure before it may be the report year's (`全年完成 A，年度目标 T，完成率 r%；2024年完成 B，同比增加 Δ，增长 p%`), is
    the earlier figure and A the current one where Δ or p agrees with A against B; where neither agrees, whether
    the change is the earlier year's own is not said: nothing is read. Where the change may be B's own against its
    year before (Δ alone or p alone, or both naming one earlier figure, B − Δ = B / (1 + p)), it is read as B's own
    and A is not compared with B: `2024年新增 30个，同比增加 5个，增长 20%` after this year's 36 says 2024's change.

    Each figure counts for the interval its precision allows; a miss within one unit of the stated
    change's last digit is a rounding finding (TO100). A growth rate over an earlier figure of zero or
    less is not checked. A change whose words contradict each other (`减少 Δ，增长 p%`), or whose word
    contradicts its stated figures (`本年 1,050，比上年 1,200 增加 150`), is TO204's alone: one wrong word,
    or one wrong figure that turns the change round, is one finding.
    For a rate whose last year's value is known, a change in % that is neither the difference in points
    nor the relative change is reported here (the difference in points written as % is TO205's).
    An outcome stated against its target or plan (`年度目标 1,200 人次，超过年度目标 60 人次`, `满意度 88.6%，
    低于 95% 的年度目标 6.4 个百分点`) is such a change, the target in place of the earlier figure, read
    only where the sentence states exactly the two figures it compares before the difference. So is a
    rate, a share or an upward growth rate stated against a reference that is no plan (`增长 8.4%，增幅高于
    全县平均水平（7.1%）1.3 个百分点`, `支出进度为 92.5%，快于序时进度（91.7%）0.8 个百分点`), read only where
    the reference's value is written (in brackets after its name, before `的` and its name, or as a figure
    named so right before) and the words between name the rate compared, if they name anything; the time
    elapsed needs no written value where the sentence states a span of the year from January to a quarter's
    end (`1—9月…完成调整预算的 72.8%，慢于序时进度 2.2 个百分点`: 75%; `上半年…较序时进度快`: 50%). A final
    account compared with the outturn reported before the books closed (`决算支出总量 A，比执行数 B 增加 Δ`) is
    a change against that figure, named so.

    ## Why is this bad?
    The change is how the report explains its figures against last year; a change that the two figures
    do not give misleads the reader about how much spending or income moved, and usually means that one
    year's figure was revised after the sentence was written.

    ## Example
    ```text
    公务接待费 4.50 万元，较上年减少 1.50 万元，下降 30%。
    ```
    Last year's figure is 4.50 + 1.50 = 6.00 万元, and 1.50 / 6.00 is 25%.

    ## Passes
    ```text
    公务接待费 4.50 万元，较上年减少 1.50 万元，下降 25%。
    ```

    ## How to fix
    Write the change the finding computes (its suggested value, when the relation is certain), or
    correct the current or the earlier figure if the change is right.
    """

    code = "TO108"
    name = "change-mismatch"
    severity = "error"
    kind = "growth"

    def check(self) -> Iterable[Result]:
        return self.report(self.ctx.outcomes(change_outcomes))


# --- changes of a rate: percentage points -------------------------------------------------------------


@dataclass(slots=True)
class RateReading:
    """A change stated in % of a rate whose last year's value is known: both readings of it."""

    change: Change
    move: Movement
    previous: Decimal
    current: Decimal
    evidence: list[Quantity]
    pp: Decimal
    rel: Decimal | None
    pp_fits: bool
    rel_fits: bool


def rate_readings(ctx: CheckContext, c: Change) -> Iterator[RateReading]:
    cur = c.current
    if cur is None or cur.kind != "percent":
        return
    previous, evidence = _previous(ctx, c)
    if previous is None:
        return
    current = _exact_current(cur, evidence)
    for m in c.movements:
        q = m.quantity
        if q is None or q.kind != "percent" or not q.exact:
            continue
        pp = current - previous
        rel = (current / previous - 1) * HUNDRED if previous else None
        stated = q.value if m.direction == "up" else -q.value
        band = q.ulp + cur.ulp  # both rates are written rounded
        pp_fits = abs(stated - pp) <= band
        rel_fits = rel is not None and _relative_fits(stated, q, current, cur, previous, evidence)
        if rel_fits and _written_difference(stated, q, pp, rel, evidence == [c.base]):
            rel_fits = False
        yield RateReading(c, m, previous, current, evidence, pp, rel, pp_fits, rel_fits)


def _written_difference(stated: Decimal, q: Quantity, pp: Decimal, rel: Decimal | None, written: bool) -> bool:
    """`满意度 94.6%，较上年的 92.8% 提高 1.8%`: a change of a decimal or more that is, digit for digit, the
    difference of the two rates as written, while their relative change as written rounds to another value
    (1.94%), is the difference: a relative change reaches it only at the ends of both rates' rounding."""
    return written and rel is not None and q.decimals >= 1 and stated == pp and rounded(rel, q.decimals) != stated


def _growth_readings(ctx: CheckContext, c: Change) -> Iterator[RateReading]:
    """A share's change in % whose last year's value only the growths of its part and whole give (share_growths):
    both readings as ranges, TO205's alone (TO108 holds a change to the figures a sentence states)."""
    found = share_growth(ctx, c)
    cur = c.current
    if found is None or cur is None:
        return
    rel = (found.relative[0] + found.relative[1]) / 2
    previous = cur.value / (1 + rel / HUNDRED)
    for m in c.movements:
        q = m.quantity
        if q is None or q.kind != "percent" or not q.exact:
            continue
        stated = q.value if m.direction == "up" else -q.value
        low, high = stated - q.ulp / 2, stated + q.ulp / 2
        pp_fits = low <= found.points[1] and high >= found.points[0]
        rel_fits = low <= found.relative[1] and high >= found.relative[0]
        evidence = [found.part_growth, found.whole_growth]
        yield RateReading(c, m, previous, cur.value, evidence, cur.value - previous, rel, pp_fits, rel_fits)


def _relative_fits(
    stated: Decimal, q: Quantity, current: Decimal, cur: Quantity, previous: Decimal, evidence: list[Quantity]
) -> bool:
    """Does the stated change meet the relative change of the two rates, each the interval its written digits
    imply (a rate computed from its figures exact)? The relative change of rates near 80% moves by 1.2% per
    point of either: one digit's band around it would take `提高 0.8%` of 80.5% → 81.3% (0.99%) for it."""
    half = Decimal("0.5")
    h_cur = Decimal(0) if len(evidence) == 4 else cur.ulp * half
    h_prev = evidence[0].ulp * half if len(evidence) == 1 and evidence[0].kind == "percent" else Decimal(0)
    if previous - h_prev <= 0:
        return True  # (a base of nought within its digits: any relative change is possible)
    lo = ((current - h_cur) / (previous + h_prev) - 1) * HUNDRED
    hi = ((current + h_cur) / (previous - h_prev) - 1) * HUNDRED
    h_s = q.ulp * half
    return stated + h_s >= lo and stated - h_s <= hi


def _rate_change(ctx: CheckContext, c: Change) -> Outcome | None:
    """A change of a rate that is neither its difference in points nor its relative change."""
    for r in rate_readings(ctx, c):
        q = r.move.quantity
        assert q is not None and c.current is not None
        related = [(c.current, "本期比率")] + [(x, _earlier_rate(c)) for x in r.evidence]
        if r.pp_fits or r.rel_fits:
            return Outcome(q, "pass", "growth", related)
        rel = fmt(r.rel, 2) if r.rel is not None else "—"
        msg = (
            f"{c.label or '比率'} {_rates_compared(c, r.previous, r.current)}：相差 {fmt(abs(r.pp), 2)} "
            f"个百分点，相对增幅 {rel}%，都与“{r.move.word}{q.text}”不符"
        )
        return Outcome(q, "fail", "growth", related, msg, q.text, certain=c.certain)
    return None


def _points_change(ctx: CheckContext, c: Change) -> Outcome | None:
    """A change of a rate in points (`执行率 96.5%，上年为 94.2%，提高 2.3 个百分点`) against last year's rate:
    the difference of the two, each within its written precision."""
    cur = c.current
    assert cur is not None
    moves = [m for m in c.movements if m.quantity is not None and m.quantity.kind == "pp" and m.quantity.exact]
    if len(moves) != 1:
        return None
    previous, evidence = _previous(ctx, c)
    if previous is None:
        return None
    move, q = moves[0], moves[0].quantity
    assert q is not None
    current = _exact_current(cur, evidence)
    exact = current - previous
    # a stated base: each rate stands for its interval; else both were computed from the figures beside them
    diff = sub(interval(cur), interval(c.base)) if c.base is not None and evidence == [c.base] else (exact, exact)
    verdict = ctx.judge(signed(interval(q), move.direction == "up"), diff, q.ulp)
    related = [(cur, "本期比率")] + [(x, _earlier_rate(c)) for x in evidence]
    expected = f"{fmt(abs(exact), q.decimals)}个百分点"
    msg = (
        f"{c.label or '比率'} {_rates_compared(c, previous, current)}，"
        f"相差 {fmt(abs(exact), 2)} 个百分点，与所写“{move.word}{q.text}”不符"
    )
    return Outcome(q, verdict, "growth", related, msg, q.text, expected, expected, c.certain)


def _previous(ctx: CheckContext, c: Change) -> tuple[Decimal | None, list[Quantity]]:
    """Last year's rate: stated as the change's base, or computed from last year's figures that stand beside
    the figures giving this year's rate (same names, an earlier year)."""
    if c.base is not None and c.base.kind == "percent":
        return c.base.value, [c.base]
    found = _rate_pairs(ctx, c)
    if found:
        return found
    if ctx.facts.tables:
        # (last year's part over last year's whole, from the 分年度 table laying both out)
        from tieout.checks.tables.years import year_share

        share = year_share(ctx, c)
        if share is not None and share[0] is c.current:
            then_part, then_whole = share[1][0], share[1][1]
            return then_part.base_value / then_whole.base_value * HUNDRED, share[1]
    return None, []


Figure = tuple[Mention, Quantity]


def _rate_pairs(ctx: CheckContext, c: Change) -> tuple[Decimal, list[Quantity]] | None:
    """Last year's rate from last year's figures: this year's rate is a / b of two figures of one period in the
    change's section; the same two names in another period give last year's (one value, or none)."""
    cur = c.current
    assert cur is not None
    section = ctx.doc.section_at(cur.start)
    ms = [m for m in ctx.mentions_in_section(section) if m.key]
    figures = [
        (m, q) for m in ms for q in m.quantities if q.kind in ("amount", "count") and q.exact and q.base_value > 0
    ]
    results: set[Decimal] = set()
    evidence: list[Quantity] = []
    for (m1, a), (m2, b) in _pairs_giving(ctx, cur, figures):
        for a2, b2 in _same_pair_earlier(figures, (m1, a), (m2, b)):
            results.add(a2.base_value / b2.base_value * HUNDRED)
            evidence = [a2, b2, a, b]
    if len(results) == 1:
        return results.pop(), evidence
    return None


def _pairs_giving(ctx: CheckContext, rate: Quantity, figures: list[Figure]) -> Iterator[tuple[Figure, Figure]]:
    """Pairs of figures of one stated period whose ratio is the rate."""
    for m1, a in figures:
        for m2, b in figures:
            if a is b or a.base_unit != b.base_unit or m1.period != m2.period or not m1.period:
                continue
            if ctx.judge(interval(rate), (a.base_value / b.base_value * HUNDRED,) * 2, rate.ulp) == "pass":
                yield (m1, a), (m2, b)


def _same_pair_earlier(figures: list[Figure], first: Figure, second: Figure) -> Iterator[tuple[Quantity, Quantity]]:
    """The figures of the same two names in another stated period."""
    (m1, a), (m2, b) = first, second
    for n1, a2 in figures:
        if n1.key != m1.key or n1.period == m1.period or not n1.period or a2.base_unit != a.base_unit:
            continue
        for n2, b2 in figures:
            if n2.key == m2.key and n2.period == n1.period and b2.base_unit == b.base_unit and b2 is not a2:
                yield a2, b2


def _exact_current(cur: Quantity, evidence: list[Quantity]) -> Decimal:
    if len(evidence) == 4:
        a, b = evidence[2], evidence[3]
        return a.base_value / b.base_value * HUNDRED
    return cur.value


class PercentagePoint(Rule):
    """A change of a rate written as `%` where it is a difference of percentages (`个百分点`).

    ## What it does
    Looks at the changes of a rate or a share (`执行率为 95.0%，比上年提高 5.0%`, `基本支出 A，占 71.1%，较上年
    提高…`) whose last year's value is known: stated as the earlier figure of the change (`比上年 90.0%`,
    `比上年的 90.0%`, `比 2023 年度的 90.0%`, `较上年（90.0%）`, or the one value between the rate and the change
    named as the moment the change compares with, `资产负债率为 39.8%，年初为 42.0%，较年初下降…`; in a sentence of
    its own right after the one the rate ends, `满意度为
    97.97%。与上年满意度 93.55% 相比，提高…`, where a name it gives is the rate's, or a share's named by its part,
    `基本支出 a，占 p%；…。基本支出占比较上年的 q% 下降…`, the one share of that part its paragraph's sentence before
    states, no other percentage after the part), or computed from last year's figures
    standing in the change's section beside the figures this year's rate comes from
    (`2022年直接结算 689 人次，应结算 1728 人次；2023年…`: the same two names in another stated period,
    giving one value), or, for a share of an amount in another, from the growths against last year stated of its
    part and of its whole, one each and on no adjusted basis (`收入 B，增长 4.0%；其中税收收入 A，增长 6.5%，税收收入
    占收入的比重为 69.4%，比上年提高 1.6%`: the share's relative change is 1.065 / 1.040 − 1, its change in points
    69.4 − 69.4 / 1.024, each a range for the growths' digits; a share linked to its figures from other sentences
    only where they make it to its digits), or last year's part over last year's whole of the one 分年度 table laying out both
    (`2024年A占B的比重为 p%，较上年提高 r%`, this year's cells giving p); or both rates stated apart from the
    change, earlier in its section (`…预算执行率 94.6%。2024年…执行率 92.3%。2025年…预算执行率较上年提高 2.3%`,
    `2024年A占B的比重为 q%。…A占B的比重为 p%，比上年提高 r%`): the change names the rate in its own clause (or
    follows the one ratio its sentence states), and each year's value is the one value of the figures so named
    of that year (the year their sentence or paragraph names, else the report's), the same name or the rate's
    measure alone (`执行率` for `预算执行率`), no scope or fund stated otherwise; two values of a year so named
    leave it unread. When the change written in % is the difference of the two rates in points and
    not their relative change, it should have been written in `个百分点`. Both readings allow for the
    rounding of both rates; where both fit (the figures are too coarse to tell) nothing is said.

    Where last year's rate is not known, which change the author meant cannot be told, and nothing is
    said. A change that fits neither reading is TO108's. The finding is an error when the rate that
    changed stands in the change's own sentence, a warning when it was taken from an earlier one.

    The reverse is reported too: an amount's growth written in points (`88.74 万元，较上年增加 7.43 万元，增长
    9.14 个百分点`), where the change is certainly the amount's (its difference or earlier figure stated in its
    unit, no ratio named before the points) and the points are its relative change: the fix is `9.14%`.

    ## Why is this bad?
    `提高 5.0%` of a rate of 90% means 94.5%, not 95%: a reader takes the change as a relative one, and the
    rate it implies is not the one the report states. Differences of percentages are written in
    percentage points.

    ## Example
    ```text
    预算执行率为 96.0%，比上年 92.0% 提高 4.0%。
    ```
    96.0% − 92.0% is 4.0 points; the relative change would be 4.35%.

    ## Passes
    ```text
    预算执行率为 96.0%，比上年 92.0% 提高 4.0 个百分点。
    ```

    ## How to fix
    Write the change in points (`提高 4.0 个百分点`), as the finding suggests, or, if a relative change was
    meant, write the relative change.
    """

    code = "TO205"
    name = "percentage-point"
    severity = "error"
    kind = "pp"

    def check(self) -> Iterable[Result]:
        # (a share laid out by year in a table is the current of its change only in `changes`: read there)
        for c, read in zip(self.ctx.facts.changes, changes(self.ctx)):
            readings = list(rate_readings(self.ctx, read)) or list(_growth_readings(self.ctx, read))
            for r in readings:
                yield from self._reading(r)
            yield from self._amount_in_points(c)

    def _amount_in_points(self, c: Change) -> Iterable[Result]:
        """`经费 88.74 万元，较上年增加 7.43 万元，增长 9.14 个百分点`: the growth of an amount is relative, a %;
        points are the change of a ratio. Reported where the change is certainly the amount's (its difference
        or earlier figure stated in its unit, no ratio named before the points) and the points are the
        amount's relative change: then only the unit is wrong, and the fix is certain."""
        found = _amount_in_points(self.ctx, c)
        if found is None:
            return
        move, exact = found
        q, cur = move.quantity, c.current
        assert q is not None and cur is not None
        fix = f"{fmt(q.value, q.decimals)}%"
        yield self.checked(q, "fail", [cur])
        yield self.diag(
            q,
            f"{c.label or '金额'} {cur.text} 的变动率为 {fmt(abs(exact), 2)}%：金额的增减幅度以 % 表示，"
            f"“{move.word}{q.text}”应写作“{move.word}{fix}”（个百分点用于比率之差）",
            stated=q.text,
            expected=fix,
            fix=fix,
            related=[self.ctx.related(cur, "本期数")],
        )

    def _reading(self, r: RateReading) -> Iterable[Result]:
        c, q = r.change, r.move.quantity
        assert q is not None and c.current is not None
        related = [c.current, *r.evidence]
        if not r.pp_fits or r.rel_fits:
            yield self.checked(q, "pass", related)  # a relative change, or too coarse to tell
            return
        yield self.checked(q, "fail", related)
        rel_text = f"，相对增幅为 {fmt(r.rel, 2)}%" if r.rel is not None else ""
        fix = f"{q.text.rstrip('%')}个百分点"
        yield self.diag(
            q,
            f"{c.label or '比率'} {_rates_compared(c, r.previous, r.current)}，相差 {fmt(abs(r.pp), 2)} 个百分点"
            f"{rel_text}：“{r.move.word}{q.text}”是两个百分比之差，应写作“{r.move.word}{fix}”",
            stated=q.text,
            expected=fix,
            fix=fix if c.certain else None,
            related=[self.ctx.related(c.current, "本期比率")]
            + [self.ctx.related(x, _earlier_rate(c)) for x in r.evidence],
            severity=self.certainty(c.certain),
        )


# a ratio named before a change in points: the points may be the ratio's change, not the amount's
RATIO_NAMED = regex(r"占|比重|比例|率|结构")


def _of_the_amount(c: Change, cur: Quantity, moves: list[Movement], delta: Movement | None) -> bool:
    """Is a change certainly of the amount: its difference or earlier figure in its unit, and no rate of its own?"""
    based = c.base is not None and c.base.base_unit == cur.base_unit
    return (delta is not None or based) and not any(m.quantity and m.quantity.kind == "percent" for m in moves)


def _amount_in_points(ctx: CheckContext, c: Change) -> tuple[Movement, Decimal] | None:
    """The change in points of an amount whose relative change the points are, and that change."""
    cur = c.current
    if cur is None or cur.kind != "amount" or not c.certain or _direction_wrong(c) or _slipped(ctx, c):
        return None
    moves = [m for m in c.movements if m.quantity is not None and m.quantity.exact]
    points = [m for m in moves if m.quantity.kind == "pp"]  # type: ignore[union-attr]
    delta = next((m for m in moves if m.quantity.base_unit == cur.base_unit and m.quantity.kind == "amount"), None)  # type: ignore[union-attr]
    if len(points) != 1 or not _of_the_amount(c, cur, moves, delta):
        return None
    move = points[0]
    if RATIO_NAMED.search(ctx.doc.text, cur.end, move.start):
        return None
    found = _base(ctx, c, cur, delta)
    if found is None or found[1] <= 0:
        return None
    base_iv, base_val = found
    growth = ratio(sub(interval(cur), base_iv), base_iv)
    q = move.quantity
    assert q is not None
    if growth is None or ctx.judge(signed(interval(q), move.direction == "up"), growth, q.ulp) != "pass":
        return None  # points that are not the amount's growth: what they are of is not told
    return move, (cur.base_value - base_val) / base_val * HUNDRED


# --- direction words ----------------------------------------------------------------------------------


def _gross_moves(c: Change) -> bool:
    """Are the opposite moves sums both ways (`由年初预算 36.2 亿元，增加 8.35 亿元，减少 0.85 亿元，调整为 43.70 亿元`):
    what went up and what went down, no contradiction (a sum one way and a rate the other is one)?"""
    sized = {m.direction for m in c.movements if m.quantity is not None and m.quantity.kind in ("amount", "count")}
    return sized == {"up", "down"}


class DirectionWord(Rule):
    """A direction word contradicts the figures: 增加/提高 for a figure that fell, 减少/降低 for one that rose.

    ## What it does
    Compares the direction a word states with the direction of the figures, in three places:

    - a move from one figure to another (`由 a 提高至 b`, `从 a 降低至 b`, `由 a 降至 b`, `由 a 增加到 b`),
      both in one unit; a move without a direction word (`由 a 调整为 b`) says nothing to check;
    - a figure said to be level with the earlier one its sentence states (`2023年预算执行数为 a，2024年预算安排
      b，比2023年预算执行数持平`, `上年 a，本年 b，与上年持平`): the two equal (`基本持平` says near, not read);
    - a change whose earlier figure is stated (`本年 X，比上年 Y 减少 Δ`), or is the year before's cell of
      the table row that certainly is the current figure (as TO108 reads it): each direction word of the
      change against current − earlier;
    - one change that states two opposite directions (`减少 3.40 万元，增长 12.50%`);
    - a figure said to lie below or above the standard stated right after it in its clause (`亩均投入 A 元，低于
      亩均 B 元的控制标准`: a side, `低于`, `不超过`, `高于`, then the standard, limit or target named by `标准`,
      `限额`, `上限`, `目标`: `失业率 r%，低于 t% 的控制目标`), both of one kind and unit; a standard per unit
      (`亩均`) only of a figure whose label says so; a figure a change of the clause before moved by (`增长 p%；
      …`) is not the one the words are of.

    An unchanged figure contradicts no word. A change whose figure was taken from an earlier sentence
    (the change's own sentence states none) is reported as a warning, the others as errors. The finding
    says what the figures did (`实为减少 150.00万元`), and, when the stated amount is not that change's
    size either, that the figures need checking rather than the word. The change itself (Δ, p) is checked
    by TO108, which leaves a change whose words contradict each other or the figures to this rule.

    ## Why is this bad?
    The direction is what a reader retains of a change; a word that contradicts the figures tells the
    opposite of what happened (a standard raised that was lowered, spending that fell reported as
    growth).

    ## Example
    ```text
    城乡居民医保个人缴费标准由 380 元提高至 350 元。
    ```

    ## Passes
    ```text
    城乡居民医保个人缴费标准由 350 元提高至 380 元。
    ```

    ## How to fix
    Use the word of the figures' direction (the finding suggests it), or, if the word is right, correct
    the figure that is wrong.
    """

    code = "TO204"
    name = "direction-word"
    severity = "error"
    kind = "direction"

    def check(self) -> Iterable[Result]:
        yield from self._fromtos()
        yield from self._standards()
        for c in changes(self.ctx):
            if len({m.direction for m in c.movements}) > 1 and not _gross_moves(c):
                yield from self._contradictory(c)
            elif c.current is not None and c.base is not None and c.base.base_unit == c.current.base_unit:
                if not _slipped(self.ctx, c):
                    yield from self._against_base(c)

    def _fromtos(self) -> Iterable[Result]:
        ctx = self.ctx
        for f in ctx.facts.fromtos:
            if (f.direction is None and not f.level) or f.start.base_unit != f.end.base_unit:
                continue
            diff = f.end.base_value - f.start.base_value
            # (a level figure, `比2023年持平`, is one that moved neither way)
            ok = diff == 0 or (not f.level and (diff > 0) == (f.direction == "up"))
            yield self.checked(f.end, "pass" if ok else "fail", [f.start])
            if ok:
                continue
            moved = "增加" if diff > 0 else "减少"
            # (a level claim's earlier figure is the one its label names by year: inferred, a warning)
            said, expected, role = (
                ("不符", moved, "比较值") if f.level else ("方向相反", "提高" if diff > 0 else "降低", "起始值")
            )
            yield self.diag(
                f.end,
                f"“{f.word}”与数字{said}：由 {f.start.text} 到 {f.end.text} 是{moved}",
                stated=f.word,
                expected=expected,
                related=[ctx.related(f.start, role)],
                severity=self.certainty(False) if f.level else None,
            )

    def _standards(self) -> Iterable[Result]:
        """A figure said to lie below or above the standard stated right after it (`standard_claims`)."""
        for c in standard_claims(self.ctx):
            yield self.checked(c.figure, "pass" if c.holds else "fail", [c.standard])
            if not c.holds:
                # (the figure's number in the standard's unit, where that makes the words true: a unit slip)
                slip = f"，按 {c.relabelled} 则相符，疑为单位之误" if c.relabelled else ""
                yield self.diag(
                    c.figure,
                    f"“{c.side}”与数字不符：{written(c.figure)} 并未{c.side}{c.name} {written(c.standard)}{slip}",
                    stated=c.figure.text if slip else c.side,
                    expected=c.relabelled or None,
                    related=[self.ctx.related(c.standard, c.name)],
                    # (the figure the words are of is taken as the one right before them: inferred, a warning)
                    severity=self.certainty(False),
                )

    def _contradictory(self, c: Change) -> Iterable[Result]:
        first = c.movements[0]
        other = next(m for m in c.movements if m.direction != first.direction)
        anchor = other.quantity or first.quantity or c.current
        if anchor is None:
            return
        yield self.checked(anchor, "fail", [q for q in (first.quantity, c.current) if q is not None])
        first_text = first.quantity.text if first.quantity else ""
        other_text = other.quantity.text if other.quantity else ""
        yield self.diag(
            (other.start, other.end),
            f"同一变动前后方向相反：先写“{first.word}{first_text}”，后写“{other.word}{other_text}”",
            stated=other.word,
            related=[self.ctx.related(first.quantity, "前一处")] if first.quantity else [],
            severity=self.certainty(c.certain),
        )

    def _against_base(self, c: Change) -> Iterable[Result]:
        assert c.current is not None and c.base is not None
        diff = c.current.base_value - c.base.base_value
        for m in c.movements:
            ok = not contradicted(c, m)
            anchor = m.quantity or c.current
            yield self.checked(anchor, "pass" if ok else "fail", [c.current, c.base])
            if not ok:
                against = _against(c)
                if against == "上期":
                    right, compared = (
                        ("增加" if diff > 0 else "减少"),
                        f"上期 {written(c.base)}，本期 {written(c.current)}",
                    )
                    actual = self._actual(c, m, right)
                else:  # an outcome against its plan lies above or below it
                    right, compared = (
                        ("高于" if diff > 0 else "低于"),
                        f"{against} {written(c.base)}，实际 {written(c.current)}",
                    )
                    actual = self._actual(c, m, right + against)
                yield self.diag(
                    anchor,
                    f"“{m.word}”与数字方向相反：{compared}，{actual}",
                    stated=m.word,
                    expected=right,
                    related=[self.ctx.related(c.current, "本期数"), self.ctx.related(c.base, f"{against}数")],
                    severity=self.certainty(c.certain),
                )

    def _actual(self, c: Change, m: Movement, right: str) -> str:
        """What the figures did (`实为减少 150.00万元`), and whether the stated amount is that change's size: if
        it is not, changing the word alone does not fix the sentence."""
        assert c.current is not None and c.base is not None
        cur, base = c.current, c.base
        diff = cur.base_value - base.base_value
        q = m.quantity
        points = cur.kind == "percent" and q is not None and q.base_unit == "个百分点"
        if q is None or not (points or (q.base_unit == cur.base_unit and q.kind != "percent")):
            return f"实为{right}"
        size = signed(sub(interval(cur), interval(base)), diff > 0)  # the change's size, as an interval
        said = (
            f"实为{right} {fmt(abs(diff), q.decimals)} 个百分点" if points else f"实为{right} {in_unit(abs(diff), q)}"
        )
        if self.ctx.judge(interval(q), size, q.ulp * q.scale) == "fail":
            said += f"，所写 {q.text} 也与两数之差不符，请核对两数"
        return said


EXPLAINED = lazy(
    rf"(?P<label>[\u4e00-\u9fff]{{2,16}}?)(?:较上年|比上年|同比)?(?P<word>{_alt('up')}|{_alt('down')})"
    r"(?:的|了)?(?:主要)?原因"
)
UP_WORDS = frozenset(words("relations", "up"))
NOT_HAN = lazy(r"[^\u4e00-\u9fff]")
MIN_LABEL = 4


class ExplanationDirection(Rule):
    """An explanation names the opposite direction of the change it explains.

    ## What it does
    Finds the explanations of a change (`差旅费增加的主要原因是…`, `…较上年减少的原因`) and matches each to
    the nearest change stated before it in the same section whose label is the explanation's: the same
    label, or, for labels of four characters or more, one ending with the other (`公用经费` and
    `一般公共预算公用经费`). The change's direction is that of its figures when the earlier figure is
    stated, else that of its word. An explanation that names the opposite direction is reported.

    Only changes whose figure stands in their own sentence are matched: a change linked to a figure of
    another sentence, or one with no label, is not. An explanation in another section, or of another
    item, is not matched to the change.

    An explanation of how the outcome compares with the budget (`决算数小于预算数的主要原因`, as a 部门决算
    explains each line of spending) is held to the one figure named as a budget and the one named as the
    outcome (决算) stated before it in its sentence, or in the sentence before under the same heading; and so
    is the statement that the two are level (`决算数同预算数持平`: equal; `基本持平` says near, not read).

    ## Why is this bad?
    The reader is told why spending rose when it fell: either the explanation was written for another
    year's figures, or the change itself is wrong. Either way the paragraph contradicts itself.

    ## Example
    ```text
    会议费 6.80 万元，比上年增加 1.20 万元，增长 21.43%。会议费减少的主要原因是压缩会议规模。
    ```

    ## Passes
    ```text
    会议费 6.80 万元，比上年增加 1.20 万元，增长 21.43%。会议费增加的主要原因是举办业务培训会议。
    ```

    ## How to fix
    Make the explanation name the direction of the change (the finding suggests the word), or, if the
    explanation is right, check the change and its figures.
    """

    code = "TO206"
    name = "explanation-direction"
    severity = "error"
    kind = "direction"

    def check(self) -> Iterable[Result]:
        yield from self._against_budget()
        known = list(self._changes())
        if not known:
            return
        ctx = self.ctx
        by_section: dict[int, list[tuple[str, str, int, Quantity]]] = {}  # the changes under each heading
        for change in known:
            by_section.setdefault(id(ctx.doc.section_at(change[2])), []).append(change)
        for m in _explained(ctx.doc.text):
            said = "up" if m.group("word") in UP_WORDS else "down"
            label = m.group("label")
            # the nearest change before the explanation with its label, in its section, is the one it explains
            matched = [
                k
                for k in by_section.get(id(ctx.doc.section_at(m.start())), [])
                if k[2] <= m.start() and _same_label(label, k[0])
            ]
            if not matched:
                continue
            key, direction, _, anchor = max(matched, key=lambda k: k[2])
            ok = said == direction
            yield self.checked(anchor, "pass" if ok else "fail")
            if not ok:
                yield self._finding(m, label, key, direction, anchor)

    def _changes(self) -> Iterator[tuple[str, str, int, Quantity]]:
        for c in self.ctx.facts.changes:
            # (a move against the plan, `超出预算`, `低于目标`, is not the change against last year explained)
            if not c.label or not c.movements or not c.certain or _against(c) != "上期" or _slipped(self.ctx, c):
                continue
            direction = c.movements[0].direction
            if c.current is not None and c.base is not None and c.base.base_unit == c.current.base_unit:
                diff = c.current.base_value - c.base.base_value
                if diff:
                    direction = "up" if diff > 0 else "down"
            anchor = c.movements[0].quantity or c.current
            if anchor is not None:
                yield c.label, direction, anchor.start, anchor

    def _against_budget(self) -> Iterable[Result]:
        """`年初预算为 48.60 万元，支出决算为 47.15 万元。决算数小于预算数的主要原因是…`: the explanation of how
        the outcome compares with the budget, against the one budget figure and the one outcome figure stated
        before it in its sentence or the one before (a 部门决算 explains each line of spending so); and so the
        statement that the two are level (`决算数同预算数持平`)."""
        ctx = self.ctx
        found = list(_budget_comparisons(ctx.doc.text))
        starts = [s.start for s in ctx.doc.sentences] if found else []
        for m in found:
            pair = _budget_and_outcome(ctx, m.start(), bisect_right(starts, m.start()) - 1)
            if pair is None:
                continue
            plan, outcome = pair
            diff = outcome.base_value - plan.base_value
            level = m.re == BUDGET_LEVEL
            if level:
                ok = diff == 0  # (`决算数同预算数持平`: the two equal)
            else:
                ok = (diff > 0) if m.group("word") in ABOVE_WORDS else (diff < 0)
            yield self.checked(outcome, "pass" if ok else "fail", [plan])
            if ok:
                continue
            right = "大于" if diff > 0 else ("小于" if diff < 0 else "等于")
            said = m.group() if level else f"{m.group('outcome')}{m.group('word')}{m.group('plan')}"
            yield self.diag(
                (m.start("word"), m.end("word")),
                f"说明写“{said}”，但决算 {outcome.text} {right}预算 {plan.text}",
                stated=m.group("word"),
                expected=right,
                fix=right if diff != 0 and not level else None,
                related=[ctx.related(outcome, "决算数"), ctx.related(plan, "预算数")],
            )

    def _finding(self, m: re.Match[str], label: str, key: str, direction: str, anchor: Quantity):
        right = "增加" if direction == "up" else "减少"
        return self.diag(
            (m.start("word"), m.end("word")),
            f"说明写“{label}{m.group('word')}”，但{key}是{right}（{anchor.text}）",
            stated=m.group("word"),
            expected=right,
            fix=right,
            related=[self.ctx.related(anchor, "所说明的变动")],
        )


# `决算数小于预算数的主要原因`, `支出决算数大于年初预算数原因`: how the outcome compares with the budget, explained
BUDGET_EXPLAINED = regex(
    r"(?P<outcome>决算数?|执行数?)(?:比|较)?(?P<word>大于|小于|高于|低于|超过|超出|少于|多于)"
    r"(?P<plan>(?:年初|调整|调整后|全年)?预算数?)(?:的)?(?:主要)?原因"
)
# `决算数同预算数持平`, `决算数与全年预算数持平`: the outcome said to equal the budget (`基本持平` says near: not read)
BUDGET_LEVEL = regex(
    r"(?P<outcome>决算数?|执行数?)(?:同|与|和)(?P<plan>(?:年初|调整|调整后|全年)?预算数?)(?:相比)?(?P<word>持平)"
)
ABOVE_WORDS = frozenset({"大于", "高于", "超过", "超出", "多于"})


def _budget_comparisons(text: str) -> Iterator[re.Match[str]]:
    """The explanations of how the outcome compares with the budget, and the statements that the two are level."""
    if "原因" in text:
        yield from BUDGET_EXPLAINED.finditer(text)
    if "持平" in text:
        yield from BUDGET_LEVEL.finditer(text)


PLAN_LABEL = regex(r"预算")
OUTCOME_LABEL = regex(r"决算|执行数|实际支出")


def _budget_and_outcome(ctx: CheckContext, at: int, here: int) -> tuple[Quantity, Quantity] | None:
    """(budget, outcome): the one figure named as a budget and the one named as an outcome (决算) in the
    explanation's sentence (`here`) before it, else in the sentence before, under the same heading; None when
    either is not one figure of one unit."""
    doc = ctx.doc
    for k in (here, here - 1):
        if k < 0 or doc.section_at(doc.sentences[k].start) is not doc.section_at(at):
            continue
        figures = [
            (m.label, q)
            for m in ctx.index.in_sentence(k)
            for q in m.quantities
            if q.start < at and q.kind == "amount" and q.exact
        ]
        plans = [q for label, q in figures if PLAN_LABEL.search(label) and not OUTCOME_LABEL.search(label)]
        outcomes = [q for label, q in figures if OUTCOME_LABEL.search(label)]
        if figures:
            if len(plans) == 1 and len(outcomes) == 1 and plans[0].base_unit == outcomes[0].base_unit:
                return plans[0], outcomes[0]
            return None  # the nearest sentence with figures is the one explained
    return None


def _explained(text: str) -> Iterator[re.Match[str]]:
    """The matches of EXPLAINED, as `EXPLAINED.finditer(text)` gives them. Every character of a match is a
    Chinese one and it ends in 原因, so it lies in a run of Chinese characters holding 原因: only those runs
    are searched, rather than trying the pattern at every character of a long document."""
    done = 0
    k = text.find("原因")
    while k >= 0:
        start = k
        while start > done and "\u4e00" <= text[start - 1] <= "\u9fff":
            start -= 1
        after = NOT_HAN.search(text, k)
        stop = after.start() if after else len(text)
        yield from EXPLAINED.finditer(text, start, stop)
        done = stop
        k = text.find("原因", stop)


def _same_label(label: str, key: str) -> bool:
    if label == key:
        return True
    short = min(label, key, key=len)
    return len(short) >= MIN_LABEL and (label.endswith(key) or key.endswith(label))


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [ChangeMismatch, DirectionWord, ExplanationDirection, PercentagePoint]
