"""What a project left unspent of its budget: `全年预算 B，全年执行 S，执行率 r%，结余 U` (U = B − S).

A 绩效自评 report states its project's budget, what it spent and the execution rate, then what is left
(`结余`, `未执行的`, `未支出的`). Which budget the rest is of (年初 or 全年/调整) the words alone do not always say;
the execution rate does: its budget is the one the spent figure over which gives the rate. The rest is read
only where that budget and the spent figure are identified with certainty — the rate's own operands, one pair
and one only fitting it — and named as such (a budget, an outcome).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Balance, Mention, Rate
from tieout.linter.facts.passes.base import anchored, in_brackets, once, quantities_at, same_section, table_start
from tieout.linter.figures.intervals import writes_ratio
from tieout.linter.figures.quantities import MULTIPLIERS, Quantity
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft
    from tieout.linter.parse.tables import Table

EXECUTION_RATE = regex(r"执行率$")
# the rest of the budget named alone (`，结余 U`, `，未执行的 U`, `尚未支出资金 U`): no rate of it (`结余率`), no
# stock or carry-over of other years (`累计结余`, `结转`)
UNSPENT = regex(r"^[，,；;、\s]*(?:其中)?(?:尚)?(?:结余|未执行|未支出|未使用)(?:的)?(?:资金|金额)?(?:为|是|共)?\s*$")
# how the rate's operands must be named: the budget as a budget or the project's whole funds, the other as spent
BUDGET = regex(r"预算|总投入|资金总额|总资金")
SPENT = regex(r"执行|支出|使用")
SIDES = ("预算", "执行")
# a year's allocation named by what was done with it (`2024年资金安排 B`, `当年安排资金 B`): a budget where what was spent
# of the same year and what is left at its end follow (`_year_end_rest`)
ALLOCATED = regex(r"^(?:(?:19|20)\d{2}年|当年|本年|全年)?(?:度)?(?:资金安排|安排资金|安排)$")
# what a year's funds left at its end (`年末结余 U`): the year's rest only where the year's allocation and the year's
# spending are what the sentence states (`_year_end_rest`); no stock of other years (`累计`, `滚存`, `结转`)
YEAR_END_REST = regex(r"^[，,；;、\s]*(?:年末|年底|年终)结余(?:资金)?(?:为|是)?\s*$")
# the spending of the year named as the year's (`当年实际支出`, `2024年支出`)
YEARS_SPENT = regex(r"^(?:(?:19|20)\d{2}年|当年|本年|全年)(?:度)?(?:实际)?支出$")


def unspent(draft: Draft) -> Iterator[Balance]:
    """`…全年预算 B，全年执行 S，执行率 r%，结余 U`: U = B − S, with B and S the one pair of the rate's operands that
    gives the rate (S / B), B named as a budget and S as what was spent; the rest after the rate in its clause."""
    owner: dict[int, Mention] | None = None  # (built for the first rest read: most documents state none)
    held = _held(draft)
    for rate in draft.facts.rates:
        if not EXECUTION_RATE.search(rate.name) or not rate.stated.exact:
            continue
        rest = _rest_after(draft, rate, held)
        if rest is None:
            continue
        if owner is None:
            owner = {id(q): m for m in draft.facts.mentions for q in m.quantities}
        m, bq = rest
        pair = _budget_and_spent(rate, owner, bq)
        if pair is not None and _other_budget(draft, m, pair, bq):
            continue
        if pair is not None:
            # (certain where the rate's sentence states both: a budget the rate was read to be over from a sentence
            # before is found, not stated beside it, as `_budget_before` finds one)
            here = draft.doc.sentences[rate.sentence].start
            yield Balance(pair[0], pair[1], bq, m.sentence, certain=min(q.start for q in pair) >= here, sides=SIDES)
            continue
        pair = _budget_before(draft, rate, owner, bq)
        if pair is not None:
            yield Balance(pair[0], pair[1], bq, m.sentence, certain=False, sides=SIDES)


def _other_budget(draft: Draft, m: Mention, pair: tuple[Quantity, Quantity], bq: Quantity) -> bool:
    """Is the rest what was spent short of another figure of its sentence (`年初预算 A，调整预算 B，执行 S，执行率
    S/B，结余 A − S`)? The rest of which budget the words do not say, and another reading holds: not read."""
    budget, spent = pair
    return any(
        q is not budget and q.base_unit == bq.base_unit and q.base_value == spent.base_value + bq.base_value
        for x in draft.by_sentence.get(m.sentence) or []
        for q in x.quantities
    )


def _held(draft: Draft) -> set[int]:
    """The figures (by id) another relation already holds as a balance or a list's total."""
    out = {id(b.balance) for b in draft.facts.balances}
    out.update(id(q) for b in draft.facts.breakdowns for q in b.total.quantities)
    return out


def _rest_after(draft: Draft, rate: Rate, held: set[int]) -> tuple[Mention, Quantity] | None:
    """The one figure named as the budget's rest after the rate in its sentence, before any other rate."""
    found: list[tuple[Mention, Quantity]] = []
    for m in draft.by_sentence.get(rate.sentence) or []:
        qs = [q for q in m.quantities if q.start > rate.stated.end]
        if not qs:
            continue
        q = qs[0]
        if q.kind == "percent":
            break  # another rate: what follows is its
        if UNSPENT.match(m.label) and q.kind == "amount" and q.exact and id(q) not in held:
            if not in_brackets(draft, m.sentence, m.start):
                found.append((m, q))
    return found[0] if len(found) == 1 else None


def _fits(rate: Rate, spent: Quantity, budget: Quantity) -> bool:
    """Is spent / budget the rate, within half its last digit?"""
    if not budget.base_value or spent.base_value > budget.base_value:
        return False
    return writes_ratio(spent.base_value, budget.base_value, rate.stated)


def _budget_before(
    draft: Draft, rate: Rate, owner: dict[int, Mention], bq: Quantity
) -> tuple[Quantity, Quantity] | None:
    """`全年预算 B。全年执行 S，执行率 r%，结余 U`: the rate's one operand is what was spent; its budget is the figure
    named as a budget, stated before the sentence under the same heading, that the spent figure over gives the rate
    — one value only (`年初预算` and `全年预算` both fitting, of one value, are one budget)."""
    ops = [q for q in rate.operands if q.kind == "amount" and q.exact and q.base_unit == bq.base_unit]
    spent_m = owner.get(id(ops[0])) if len(ops) == 1 else None
    if spent_m is None or not SPENT.search(spent_m.label) or BUDGET.search(spent_m.label):
        return None
    spent = ops[0]
    section = draft.doc.section_at(spent.start)
    budgets = [
        q
        for m in draft.facts.mentions
        if m.sentence < rate.sentence and draft.doc.section_at(m.start) is section and BUDGET.search(m.label)
        for q in m.quantities
        if q.kind == "amount" and q.exact and q.base_unit == bq.base_unit and _fits(rate, spent, q)
    ]
    return (budgets[0], spent) if len({q.base_value for q in budgets}) == 1 else None


def _budget_and_spent(rate: Rate, owner: dict[int, Mention], bq: Quantity) -> tuple[Quantity, Quantity] | None:
    """The rate's (budget, spent) operands: the one pair of its exact amounts of the rest's unit, both stated
    before the rate, whose quotient is the rate within half its last digit, named as a budget and as spent."""
    ops = [q for q in rate.operands if q.kind == "amount" and q.exact and q.base_unit == bq.base_unit]
    ops = [q for q in ops if q.end <= rate.stated.start]
    fits: list[tuple[Quantity, Quantity]] = []
    for budget in ops:
        for spent in ops:
            if spent is not budget and _fits(rate, spent, budget):
                fits.append((budget, spent))
    if len({(b.base_value, s.base_value) for b, s in fits}) != 1:
        return None
    budget, spent = fits[0]
    b_m, s_m = owner.get(id(budget)), owner.get(id(spent))
    if b_m is None or s_m is None or not BUDGET.search(b_m.label) or not SPENT.search(s_m.label):
        return None
    if BUDGET.search(s_m.label):
        return None  # `预算执行数`? a spent figure named as a budget too: which is which the words do not say
    return budget, spent


def unspent_unrated(draft: Draft) -> Iterator[Balance]:
    """`项目全年预算 B，全年执行 S，结余资金 U`, no rate stated: U = B − S where the sentence states these three amounts
    of its unit and no other, in this order, B named as a budget only, S as spent only, U as the rest alone — the
    budget the rest is of is then the one there is."""
    owner: dict[int, Mention] | None = None  # (built for the first sentence of three amounts of one unit)
    held = _held(draft)
    rated = {r.sentence for r in draft.facts.rates}
    for si, mentions in draft.by_sentence.items():
        if si in rated:
            continue
        qs = _amounts(mentions)
        if qs is None:
            continue
        if owner is None:
            owner = {id(q): m for m in draft.facts.mentions for q in m.quantities}
        found = _three_amounts(qs, owner)
        if found is None or id(found[2]) in held or in_brackets(draft, si, owner[id(found[2])].start):
            continue
        yield Balance(found[0], found[1], found[2], si, certain=True, sides=SIDES)


def _amounts(mentions: list[Mention]) -> list[Quantity] | None:
    """The sentence's amounts, where they are three exact ones of one unit; None otherwise. (A sentence of fewer than
    three figures is passed over unread, most of them: `_three_amounts` wants each amount a figure of its own.)"""
    if len(mentions) < 3:
        return None
    qs = [q for m in mentions for q in m.quantities if q.kind == "amount"]
    if len(qs) != 3 or len({q.base_unit for q in qs}) != 1 or not all(q.exact for q in qs):
        return None
    return qs


def _three_amounts(qs: list[Quantity], owner: dict[int, Mention]) -> tuple[Quantity, Quantity, Quantity] | None:
    """The sentence's budget, spent and rest, where its three amounts (`_amounts`) are these, in this order."""
    budget, spent, rest = (owner[id(q)] for q in qs)
    if not _year_end_rest(budget, spent, rest):
        if not BUDGET.search(budget.label) or SPENT.search(budget.label) or "年初" in budget.label:
            return None  # (the rest of a year-start budget the year may have changed: which budget, unsure)
        if not SPENT.search(spent.label) or BUDGET.search(spent.label) or not UNSPENT.match(rest.label):
            return None
    if len(budget.quantities) != 1 or len(spent.quantities) != 1 or len(rest.quantities) != 1:
        return None
    return qs[0], qs[1], qs[2]


def _year_end_rest(budget: Mention, spent: Mention, rest: Mention) -> bool:
    """`2024年资金安排 B，当年实际支出 S，年末结余 U`: the year's allocation, what the year spent and what it left at
    its end, each named so and nothing more; the year-end rest of a year whose words state no other money (no
    carry-over, no stock) is B − S. A year stated by the allocation and the spending alike is one year: `当年`
    or `本年` after it, or the same year written out."""
    if not (ALLOCATED.match(budget.label) and YEARS_SPENT.match(spent.label) and YEAR_END_REST.match(rest.label)):
        return False
    year = budget.label[:5] if budget.label[:4].isdecimal() else None
    said = spent.label[:5] if spent.label[:4].isdecimal() else None
    return said is None or said == year


# an amount as prose writes it, in a money unit (`1,260.00万元`): the text of a figure inside a wording
AMOUNT_TEXT = r"\d[\d,]*(?:\.\d+)?(?:万元|亿元|元)"
# `到位资金 A 中已支出 B，尚有 C 未形成支出`, `下达资金 A 中已拨付 B，剩余 C 未拨付`: of the funds A, B went through the
# stage the sentence names and C has not (the same verb, negated): C = A − B by the words themselves
REST_OF = regex(
    rf"(?P<funds>(?:到位|拨付|下达|安排|筹集)?资金)(?:总额)?(?P<a>{AMOUNT_TEXT})中[，,]?(?:已|实际|累计)?(?P<v>支出|使用|拨付)"
    rf"(?P<b>{AMOUNT_TEXT})[，,](?:尚有|尚余|剩余|还有)(?P<c>{AMOUNT_TEXT})(?:资金)?(?:尚)?未(?:形成)?(?P=v)"
)


_FUNDS = regex("资金")


def rest_of_funds(draft: Draft) -> Iterator[Balance]:
    """`到位资金 A 中已支出 B，尚有 C 未形成支出`: C = A − B, the three figures where the words place them (each the
    whole figure the reader found there), the rest no balance another pass holds already."""
    text = draft.doc.text
    if "未" not in text or "中" not in text:
        return
    at = quantities_at(draft)
    held = _held(draft)
    for found in anchored(REST_OF, text, _FUNDS, 2):  # (资金 opens the match or follows its first two characters)
        qs = [at.get(found.start(k)) for k in ("a", "b", "c")]
        if any(q is None or q.end != found.end(k) or not q.exact for q, k in zip(qs, "abc", strict=True)):
            continue
        funds, spent, rest = qs
        assert funds is not None and spent is not None and rest is not None
        if id(rest) in held or len({funds.base_unit, spent.base_unit, rest.base_unit}) != 1:
            continue
        si = next((m.sentence for m in draft.facts.mentions if rest in m.quantities), None)
        if si is None:
            continue
        verb = found.group("v")
        yield Balance(funds, spent, rest, si, certain=True, sides=(found.group("funds"), f"已{verb}"), name=f"未{verb}")


# the funds table of a project's 自评表: its total row and its amounts' columns (the standard form's words); its
# unit and amounts (`form_unit`, `in_unit`) are read here for every pass reading the table (form_changes too)
FORM_TOTAL = regex(r"^(?:年度资金总额|资金合计|资金总额|项目资金总额)[：:]?$")
FORM_BUDGET = regex(r"^(?:年初|全年|调整后?)预算数?$")
FORM_SPENT = regex(r"^全年执行数?$")
# the unit the form states for its amounts: in its corner cell (`项目资金（万元）`), or once for the whole document
CORNER_UNIT = regex(r"[（(](万元|亿元|元)[）)]\s*$")
DOCUMENT_UNIT = regex(r"单位[：:]\s*(万元|亿元|元)")
# (the scales the figures reader gives these money units)
_SCALE = {unit: MULTIPLIERS[unit.removesuffix("元")] for unit in ("元", "万元", "亿元")}


def unspent_of_form(draft: Draft) -> Iterator[Balance]:
    """The rest of a project's budget stated after its 自评表 funds table, under the project's heading, with the
    spent figure or the execution rate that fixes which budget it is of (the table gives 年初 and 全年):
    `项目资金执行率为 r%，未执行 U` (the rate alone: B the one of the table's budgets that its 全年执行数 over gives r)
    or `项目支出 S，未支出 U` (S the table's 全年执行数, its budgets of one value). U = B − S, read only where one
    funds table stands before it under the heading and the table's unit is stated."""
    if not draft.facts.tables or "未" not in draft.doc.text:
        return
    held = _held(draft)
    for rate in draft.facts.rates:
        if not EXECUTION_RATE.search(rate.name) or not rate.stated.exact or rate.operands:
            continue
        rest = _rest_after(draft, rate, held)
        form = _form_row(draft, rest[1]) if rest is not None else None
        if rest is None or form is None:
            continue
        budgets, spent = form
        fit = {b.base_value: b for b in budgets if _fits(rate, spent, b)}
        if len(fit) == 1:
            yield Balance(next(iter(fit.values())), spent, rest[1], rest[0].sentence, certain=True, sides=SIDES)
    yield from _spent_and_rest(draft, held)


def _spent_and_rest(draft: Draft, held: set[int]) -> Iterator[Balance]:
    """`项目支出 S，未支出 U`: a sentence of these two amounts alone, S the form's 全年执行数 and its budgets one."""
    rated = {r.sentence for r in draft.facts.rates}
    for si, mentions in draft.by_sentence.items():
        qs = [(m, q) for m in mentions for q in m.quantities if q.kind == "amount"]
        if si in rated or len(qs) != 2:
            continue
        (sm, s), (um, u) = qs
        if not UNSPENT.match(um.label) or not SPENT.search(sm.label) or BUDGET.search(sm.label):
            continue
        if not (s.exact and u.exact) or s.base_unit != u.base_unit or id(u) in held:
            continue
        form = _form_row(draft, u)
        if form is None or form[1].base_value != s.base_value or len({b.base_value for b in form[0]}) != 1:
            continue
        yield Balance(form[0][0], s, u, si, certain=True, sides=SIDES)


def _form_row(draft: Draft, rest: Quantity) -> tuple[list[Quantity], Quantity] | None:
    """The budgets and the spent figure of the funds total row of the one funds table before the rest under its
    heading, as amounts of the table's stated unit."""
    rows = [
        found
        for table in draft.facts.tables
        if _before_in_section(draft, table, rest.start) and (found := _total_row(draft, table)) is not None
    ]
    if len(rows) != 1:
        return None
    budgets, spent = rows[0]
    if spent.base_unit != rest.base_unit or any(b.base_unit != rest.base_unit for b in budgets):
        return None
    return rows[0]


def _before_in_section(draft: Draft, table: Table, at: int) -> bool:
    start = table_start(table)
    return 0 <= start < at and same_section(draft, start, at)


def _total_row(draft: Draft, table: Table) -> tuple[list[Quantity], Quantity] | None:
    """Of a table of one side with one row named as the funds total, one 全年执行数 column and budget columns:
    that row's budget cells and spent cell, in the table's stated unit."""
    if len(table.sides) != 1:
        return None
    side = table.sides[0]
    totals = [r for r in side.rows if FORM_TOTAL.match(r.label)]
    spent_cols = [c for c in side.columns if FORM_SPENT.match("".join(c.path))]
    budget_cols = [c for c in side.columns if FORM_BUDGET.match("".join(c.path))]
    if len(totals) != 1 or len(spent_cols) != 1 or not budget_cols:
        return None
    unit = form_unit(draft, table)
    if unit is None:
        return None
    cells = [table.quantity(totals[0].index, c.index) for c in [*budget_cols, spent_cols[0]]]
    out = [in_unit(q, unit) for q in cells if q is not None and q.kind in ("amount", "bare") and q.exact]
    if len(out) != len(cells) or any(q is None for q in out):
        return None
    found = [q for q in out if q is not None]
    return found[:-1], found[-1]


def form_unit(draft: Draft, table: Table) -> str | None:
    """The unit of the form's amounts: its corner cell's, its caption's, or the one the document states for all."""
    corner = table.rows[0][0].text if table.rows and table.rows[0] else ""
    m = CORNER_UNIT.search(corner)
    if m is not None:
        return m.group(1)
    if table.unit:
        return table.unit if table.unit in _SCALE else None
    stated = once(draft, "unspent.document_units", lambda: set(DOCUMENT_UNIT.findall(draft.doc.text)))
    return next(iter(stated)) if len(stated) == 1 else None


def in_unit(q: Quantity, unit: str) -> Quantity | None:
    """A cell's amount in the form's unit: as it stands where the cell says its unit, that one where it says none."""
    if q.unit:
        return q if q.unit == unit and q.kind == "amount" else None
    return replace(q, unit=unit, base_unit="元", scale=_SCALE[unit], kind="amount")
