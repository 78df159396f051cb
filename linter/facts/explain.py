"""Explanations several checks need, found once before any check runs:

- unit slips: a figure whose unit is off by 10⁴ or 10⁸ — read in the neighbouring unit, its breakdown foots
  exactly (the sum check then computes with the corrected figure instead of reporting a second finding);
- restatements: one quantity (equal, complete identities) stated in several sentences.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from operator import attrgetter
from typing import TYPE_CHECKING

from tieout.linter.facts.copies import copies
from tieout.linter.facts.debts import debt_restatements, debt_stocks
from tieout.linter.facts.identity import document_title
from tieout.linter.facts.model import Breakdown, Identity, Mention, Movement, Restatement, RollForward, UnitSlip
from tieout.linter.facts.named_rates import Readings, named_rate_restatements
from tieout.linter.facts.passes.base import (
    SLIP_MONEY_UNITS,
    UNIT_STEPS,
    converted,
    restated_in_own_unit,
    significant_digits,
    slipped_unit,
    states_targets,
)
from tieout.linter.facts.passes.links import mention_index, year_before
from tieout.linter.figures.context import read
from tieout.linter.figures.intervals import Interval, add, interval, judge, ratio, rolled, signed, sub, unit_of
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex
from tieout.linter.vocab import alternation, load, words

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

MONEY_UNITS = {Decimal(1): "元", Decimal(10**3): "千元", Decimal(10**4): "万元", Decimal(10**8): "亿元"}
MIN_PARAGRAPHS = 2


def run(draft: Draft) -> None:
    money = _money_stated(draft)
    draft.facts.unit_slips = list(unit_slips(draft, money))
    slipped = {s.figure.start for s in draft.facts.unit_slips}
    draft.facts.unit_slips += [s for s in change_slips(draft, money) if s.figure.start not in slipped]
    slipped = {s.figure.start for s in draft.facts.unit_slips}
    draft.facts.unit_slips += [s for s in roll_slips(draft, money) if s.figure.start not in slipped]
    # (conversions first: a figure restated in other places too is found under that group by index.py)
    # (restatements a pass read itself, of a figure and its source the identities do not join, kept after them)
    earlier = draft.facts.restatements
    grouped = list(conversions(draft)) + list(restatements(draft)) + list(unscoped_slips(draft))
    grouped += list(written_apart_slips(draft, grouped))
    grouped += list(_named_rates(draft))
    draft.facts.debt_stocks = list(debt_stocks(draft))
    grouped += list(debt_restatements(draft.facts.debt_stocks, grouped + earlier))
    draft.facts.restatements = grouped + earlier


def _of_unit(m: Mention, unit: str) -> Quantity | None:
    """The mention's figure of the unit; its share, for the breakdowns of shares added up (`%`)."""
    if unit == "%":
        return next((q for q in m.quantities if q.kind == "percent"), None)
    return m.of_unit(unit)


def footing(b: Breakdown, unit: str) -> tuple[Quantity, list[Quantity]] | None:
    """The total and the parts of one unit of a breakdown; None when a part lacks the unit in a complete
    list, or a figure is a bound or a price."""
    total = _of_unit(b.total, unit)
    if total is None or total.bound is not None or total.per:
        return None
    parts: list[Quantity] = []
    for p in b.parts:
        q = _of_unit(p, unit)
        if q is None:
            if p.quantities and b.exhaustive:
                return None
            continue
        if q.bound is not None or q.per:
            return None
        parts.append(q)
    return (total, parts) if parts else None


def unit_slips(draft: Draft, money: Money) -> Iterator[UnitSlip]:
    """A breakdown that misses its total while one of its figures read in another money unit foots it exactly
    (`_rescaled`); `money`: the document's sums of money (`_money_stated`)."""
    uses, stated = money
    for b in draft.facts.breakdowns:
        found = footing(b, "元") if not b.minus else None  # (a chain with parts subtracted is not a sum of parts)
        if found is None:
            continue
        total, parts = found
        figures = [total, *parts]
        if any(q.approx for q in figures):
            continue  # an approximate figure makes no breakdown foot exactly, in whatever unit
        if all(p.value == 0 for p in parts):
            continue  # parts of nothing foot with a total read as next to nothing: no evidence of a unit
        band = unit_of(figures)
        if judge(interval(total), add([interval(p) for p in parts]), band) != "fail":
            continue
        rescaled = _rescaled(total, parts, stated, uses)
        if rescaled is not None:
            f, fixed, unit = rescaled
            yield UnitSlip(f, fixed, unit, b)


def _rescaled(
    total: Quantity, parts: list[Quantity], stated: dict[Decimal, list[Quantity]], uses: dict[str, int]
) -> tuple[Quantity, Decimal, str] | None:
    """The one figure whose number in another money unit makes the breakdown foot exactly. Where several
    would (`合计 586.34 万元，其中 … 586.34 亿元`: the total in 亿元, or the part in 万元), it is the one written
    in a unit none of the others use; if that does not decide and two would, the likelier of them as of a
    change's two figures (`_likelier`: the one that, read so, is a sum the document states outside the
    breakdown, else the one in a unit the document uses far less); else none is."""
    found = _rescalings(total, parts)
    if len(found) > 1:
        units = [q.unit for q in [total, *parts]]
        alone = [x for x in found if units.count(x[0].unit) == 1]
        if len(alone) != 1 and len(found) == 2:
            alone = _likelier(found, _elsewhere(stated, [total, *parts]), uses)
        found = alone
    return found[0] if len(found) == 1 else None


def _read_in(q: Quantity, scale: Decimal) -> Quantity:
    """The figure's number read in another money unit, as precise as its digits are in that unit (`20.00 亿元`
    read in 元 is 20.00 元 give or take a cent, not give or take the million yuan its last digit is in 亿元)."""
    return replace(q, scale=scale, unit=MONEY_UNITS[scale])


def _rescalings(total: Quantity, parts: list[Quantity]) -> list[tuple[Quantity, Decimal, str]]:
    out = []
    figures = [total, *parts]
    for f in figures:
        for scale, unit in MONEY_UNITS.items():
            if scale == f.scale:
                continue
            read = _read_in(f, scale)
            now = [read if q is f else q for q in figures]
            ivs, within = [interval(q) for q in now], unit_of(now)
            if judge(ivs[0], add(ivs[1:]), within) != "pass":
                continue
            if f is not total:
                # a part that rescales to almost nothing is an extra part, not a unit slip
                without = [iv for q, iv in zip(parts, ivs[1:]) if q is not f]
                if judge(ivs[0], add(without), within) == "pass":
                    continue
            out.append((f, read.base_value, unit))
            break
    return out


def _money(q: Quantity | None) -> bool:
    return q is not None and q.kind == "amount" and q.base_unit == "元" and q.exact and q.value > 0


def _moves_hold(cur: Interval, base: Interval, moves: list[Movement]) -> bool:
    """Does every stated movement (`增长 p%`, `增加 Δ`) agree with the two figures, each within its precision?"""
    for m in moves:
        q = m.quantity
        assert q is not None
        stated = signed(interval(q), m.direction == "up")
        if q.kind == "percent":
            growth = ratio(sub(cur, base), base)
            if growth is None or judge(stated, growth, q.ulp) == "fail":
                return False
        elif judge(stated, sub(cur, base), q.ulp * q.scale) == "fail":
            return False
    return True


NEGLIGIBLE = 100  # a figure read in another unit a hundredth of the other figure of its change or less


def change_slips(draft: Draft, money: Money) -> Iterator[UnitSlip]:
    """`支出 90.30 亿元，比上年 88.46 万元增长 2.1%`: a change of two sums of money whose stated movements the
    figures miss, while one of them read in another money unit gives them all. Where either figure would do,
    the slip is the one written in the unit the document uses far less for its money (one in ten or fewer);
    if that does not decide, nothing is said."""
    uses, stated = money
    for c in draft.facts.changes:
        cur, base = c.current, c.base
        moves = [m for m in c.movements if m.quantity is not None and m.quantity.exact]
        if cur is None or base is None or not _money(cur) or not _money(base) or not moves:
            continue
        if any(m.quantity.kind not in ("percent", "amount") for m in moves if m.quantity is not None):
            continue
        if _moves_hold(interval(cur), interval(base), moves):
            continue
        found = [x for f in (cur, base) if (x := _slipped(f, cur, base, moves)) is not None]
        if len(found) == 2:
            found = _likelier(found, stated, uses)
        if len(found) == 1:
            f, fixed, unit = found[0]
            yield UnitSlip(f, fixed, unit, None, c)


def roll_slips(draft: Draft, money: Money) -> Iterator[UnitSlip]:
    """`期末 135.70 万元（年初 97.52 亿元，加收入 1,285.26 万元，减支出 1,247.08 万元）`: a stock rolled forward that
    misses its closing while one of its figures read in another money unit makes it close exactly, as a
    breakdown's figure (`_rescaled`: a flow that would shrink to next to nothing is an extra flow, not a slip; two
    figures that would each do told apart as there, else nothing is said)."""
    uses, stated = money
    for r in draft.facts.roll_forwards:
        figures = [r.opening, *r.inflows, *r.outflows, r.closing]
        if any(q.approx or q.base_unit != "元" for q in figures):
            continue
        found = [x for f in figures if (x := _rolls_in(r, f)) is not None]
        if len(found) == 2:
            found = _likelier(found, _elsewhere(stated, figures), uses)
        if len(found) == 1:
            f, fixed, unit = found[0]
            yield UnitSlip(f, fixed, unit, None, roll=r)


def _rolls_in(r: RollForward, f: Quantity) -> tuple[Quantity, Decimal, str] | None:
    """(the figure, its value, its unit) where `f` read in another money unit makes the roll-forward close, and it
    did not close as written; None otherwise."""
    if f.value == 0 or _closes(r, f, f):
        return None
    for scale, unit in MONEY_UNITS.items():
        read = _read_in(f, scale)
        if scale == f.scale or not _closes(r, f, read):
            continue
        if f is not r.opening and f is not r.closing and _closes(r, f, None):
            return None  # (a flow that read so is next to nothing: an extra flow, no slip)
        return f, read.base_value, unit
    return None


def _closes(r: RollForward, f: Quantity, read: Quantity | None) -> bool:
    """Does the roll-forward close with `f` read as `read` (None: a flow left out)?"""

    def now(qs: list[Quantity]) -> list[Quantity]:
        return [x for q in qs if (x := (read if q is f else q)) is not None]

    opening, closing = now([r.opening]), now([r.closing])
    inflows, outflows = now(r.inflows), now(r.outflows)
    computed = rolled([*opening, *inflows], outflows)
    within = unit_of([*opening, *inflows, *outflows, *closing])
    return judge(interval(closing[0]), computed, within) == "pass"


# how many sums of money a document writes in each unit, and its sums of money by value (`_money_stated`)
Money = tuple[dict[str, int], dict[Decimal, list[Quantity]]]


def _money_stated(draft: Draft) -> Money:
    """How many sums of money the document writes in each unit, and its sums of money by value."""
    uses: dict[str, int] = {}
    stated: dict[Decimal, list[Quantity]] = {}
    for q in draft.facts.quantities:
        if _money(q):
            uses[q.unit] = uses.get(q.unit, 0) + 1
            stated.setdefault(q.base_value, []).append(q)
    return uses, stated


def _elsewhere(stated: dict[Decimal, list[Quantity]], figures: list[Quantity]) -> dict[Decimal, list[Quantity]]:
    """The sums of money by value less the relation's own figures: those stated elsewhere."""
    own = {id(q) for q in figures}
    return {v: [q for q in qs if id(q) not in own] for v, qs in stated.items()}


def _slipped(f: Quantity, cur: Quantity, base: Quantity, moves: list[Movement]) -> tuple[Quantity, Decimal, str] | None:
    """(the figure, its value, its unit) where one of a change's two figures read in another money unit gives
    every stated movement; None if no unit does."""
    other = base if f is cur else cur
    for scale in MONEY_UNITS:
        if scale == f.scale:
            continue
        read = _read_in(f, scale)
        if read.base_value * NEGLIGIBLE < other.base_value or other.base_value * NEGLIGIBLE < read.base_value:
            # `300 万元，上年为 200 万元，比上年增加 300 万元`: 200 元 would make a change of 300 万元 hold, as
            # any figure next to nothing would: no slip is shown by that
            continue
        ivs = [interval(read if q is f else q) for q in (cur, base)]
        if _moves_hold(ivs[0], ivs[1], moves):
            return f, read.base_value, MONEY_UNITS[scale]
    return None


def _likelier(
    found: list[tuple[Quantity, Decimal, str]], stated: dict[Decimal, list[Quantity]], uses: dict[str, int]
) -> list[tuple[Quantity, Decimal, str]]:
    """Of two figures that would each explain a change, the one that, read in the other unit, is a sum the
    document states elsewhere (`88.46 万元` where `88.46 亿元` stands in another sentence), else the one in
    the unit the document uses far less for its money (a tenth or less of the other's figures)."""
    restated = [x for x in found if any(q is not x[0] for q in stated.get(x[1], []))]
    if len(restated) == 1:
        return restated
    a, b = found
    return [x for x, other in ((a, b), (b, a)) if uses.get(x[0].unit, 0) * 10 <= uses.get(other[0].unit, 0)]


NAME_NOISE = regex(r"[“”\"'（）()\s]")
GENERIC_SUBJECT = regex(f"(?:{'|'.join(words('relations', 'generic_items'))}|决算|情况|总体|说明)+")


EVALUATION_SECTION = regex(
    f"(?:{'|'.join(sorted(words('relations', 'evaluation_sections'), key=len, reverse=True))}|\\d|[一二三四五六七八九十])+"
)


# a heading naming a first-level indicator of an evaluation (vocab score_children's keys, and 满意度)
INDICATOR_HEADING = regex(
    f"(?:{'|'.join(str(k) for k in (load('relations').get('score_children') or {}))}|满意度)(?:指标)"
)


def _own_subject(item: str, subject: str, evaluation: bool = False, scored: bool = False, whole: str = "") -> str:
    """The subject that tells one quantity of the item from another: none where the heading above it only
    names the item itself (`三公经费支出` under “三公”经费…情况说明) or an overview of income and expenditure
    (收入支出决算总体情况说明), or, in a performance evaluation, one of its standard sections (`五、结论`), so that
    the figure stated there and under its own heading are one quantity. An outermost heading that only names
    what the whole report is of (`一、全市和市本级财政决算情况` under the title `…全市和市本级财政决算的报告`:
    `whole` holds the title's words other than its context) tells no quantity apart either: the figure a summary
    before the first heading states is the one stated under it."""
    own = NAME_NOISE.sub("", item)
    kept = subject.split("›") if subject else []
    while kept and _of_whole(kept[0], whole):
        kept.pop(0)
    while kept:
        last = NAME_NOISE.sub("", kept[-1])
        # (but a score under the heading of a first-level indicator is that indicator's: `（三）产出指标：…自评得分 a`
        # and `（四）效益指标：…自评得分 b` are two scores)
        section = evaluation and EVALUATION_SECTION.fullmatch(last) and not (scored and INDICATOR_HEADING.search(last))
        if not ((last and own and (last in own or own in last)) or GENERIC_SUBJECT.fullmatch(last) or section):
            break
        kept.pop()  # a heading that is the item's own, or an overview: the headings above it still tell
        while kept and _of_whole(kept[0], whole):
            kept.pop(0)
    return "›".join(kept)


# a heading's subject shorter than this names too little to be taken as the title's (one character)
MIN_WHOLE_SUBJECT = 2


def _of_whole(heading: str, whole: str) -> bool:
    """Does a heading's subject only name what the title says the whole report is of?"""
    words = NAME_NOISE.sub("", heading)
    return len(words) >= MIN_WHOLE_SUBJECT and words in whole


def _title_subject(draft: Draft) -> str:
    """The title's words other than its context (`关于江城市和财政的报告` of `关于江城市2024年全市和市本级财政决算的报告`),
    where the outermost headings of the figures name one subject of them at most: headings naming two (`一、教育`,
    `二、卫生健康` under `…教育和卫生健康资金绩效评价报告`) name parts of what the report is of, each telling its
    figures apart, and no heading is taken for the whole ("")."""
    whole = NAME_NOISE.sub("", read(document_title(draft.doc)).rest)
    named = {
        outer
        for m in draft.facts.mentions
        if m.identity.subject and _of_whole(outer := m.identity.subject.split("›", 1)[0], whole)
    }
    return whole if len(named) <= 1 else ""


NAME_AFTER_FIGURE = regex(r"^[（(]?(?:含)?[）)]?(?:及)?(?:以上|以下|以内|左右)")


def conversions(draft: Draft) -> Iterator[Restatement]:
    """A sum of money restated right after it in another money unit (`收入总计 3,983.76 万元（约 0.40 亿元）`), or in
    its own with a number 10⁴ apart (`586450 万元，约为 58.65 万元`): one quantity stated twice in one sentence,
    the second the first converted (its group of two figures)."""
    text = draft.doc.text
    mentions = draft.facts.mentions
    for m, n in zip(mentions, mentions[1:]):
        if m.sentence != n.sentence or len(m.quantities) != 1 or len(n.quantities) != 1:
            continue
        q, r = m.quantities[0], n.quantities[0]
        # (or restated in its own unit with a number 10⁴ apart: one of the two units is a slip)
        if q.exact and (converted(text, q, r) or restated_in_own_unit(text, q, r) is not None):
            yield Restatement(m.identity, [(m, q), (n, r)])
    yield from _after_unlabelled(draft)


def _sum_of_money(q: Quantity) -> bool:
    return q.kind == "amount" and q.base_unit == "元"


def _after_unlabelled(draft: Draft) -> Iterator[Restatement]:
    """`由年初预算 557000 万元调整为 586450 万元，约 58.65 万元`: the sum restated is a figure no label of its own holds
    (the end of a 由…调整为…, read as a movement): the restatement is of the figure right before it in the text,
    held as a mention of the restatement's sentence with no name."""
    text = draft.doc.text
    mentions = draft.facts.mentions
    # (both restatements, `converted` and `restated_in_own_unit`, are of a sum of money by another: only a mention
    # of one sum of money may restate the figure before it, and the figure before is looked up for those alone)
    wanted = {id(n.quantities[0]) for n in mentions if len(n.quantities) == 1 and _sum_of_money(n.quantities[0])}
    if not wanted:
        return
    owned = {id(q) for m in mentions for q in m.quantities}
    ordered = sorted(draft.facts.quantities, key=attrgetter("start"))
    before = {id(r): q for q, r in zip(ordered, ordered[1:]) if id(r) in wanted}
    for n in mentions:
        q = before.get(id(n.quantities[0])) if len(n.quantities) == 1 else None
        if q is None or id(q) in owned or not q.exact:
            continue
        r = n.quantities[0]
        if converted(text, q, r) or restated_in_own_unit(text, q, r) is not None:
            bare = Mention("", "", [q], n.sentence, n.paragraph, identity=n.identity)
            yield Restatement(n.identity, [(bare, q), (n, r)])


# the significant digits a summary's figure read in another unit must agree to, by the other sums of its sentence in
# that unit: two or more make the sentence's unit plain; one alone needs a longer number to rule out chance
SLIP_DIGITS_BY_NEIGHBOURS = {1: 5, 2: 3}


def unscoped_slips(draft: Draft) -> Iterator[Restatement]:
    """A summary's sum of money whose scope no words state (`全年一般公共预算收入 109.99 亿元，一般公共预算支出 178.65
    万元`), written in a unit foreign to its sentence (no other sum there in it, the others in one unit 10⁴ or 10⁸
    away), whose number read in that unit is the figure stated elsewhere of the same item, fund, stage, period and
    subject with a scope (`全区一般公共预算支出 1,786,488.42 万元`): one quantity with a unit slip, grouped as a
    restatement of the two (TO201 judges it). The figure is taken so only where one value elsewhere agrees, to five
    significant digits where one other sum of the sentence shows its unit, three where two or more do."""
    evaluation = draft.facts.genre.startswith("evaluation")
    whole = ""
    named: dict[tuple, list[tuple[Mention, Quantity]]] | None = None
    units_of: dict[int, Counter[str]] = {}  # each sentence's sums of money counted by unit, once
    for m in draft.facts.mentions:
        found = _unscoped_foreign(draft, m, units_of)
        if found is None:
            continue
        q, unit, digits = found
        if named is None:
            whole = _title_subject(draft)
            named = _scoped_sums(draft, evaluation, whole)
        ident = m.identity
        key = (ident.item, _own_subject(ident.item, ident.subject, evaluation, whole=whole), ident.context)
        matches = [
            (n, r) for n, r in named.get(key, []) if n.sentence != m.sentence and slipped_unit(q, r, digits) == unit
        ]
        if len({r.base_value for _, r in matches}) == 1:
            n, r = matches[0]
            items = sorted([(m, q), (n, r)], key=lambda x: x[1].start)
            yield Restatement(replace(n.identity, subject=key[1]), items)


# the significant digits a sum written alike elsewhere (`11,980.80`) must have to be that sum, whatever its name: a
# number so long is stated twice by chance next to never
SAME_DIGITS = 6


def written_apart_slips(draft: Draft, grouped: list[Restatement]) -> Iterator[Restatement]:
    """A sum of money in a unit foreign to its sentence (`共安排资金 11,980.80 亿元，实际支出 11,203.74 万元`), whose
    number, written digit for digit the same (six significant digits at least), is the one sum of money the rest of
    the document states in that unit (`资金预算总额为 11,980.80 万元`), whatever the names: one quantity with a unit
    slip, grouped as a restatement of the two (TO201 judges it)."""
    # (a figure already grouped is left to its group; one a breakdown shows slipped is TO202's, one finding)
    grouped_at = {q.start for r in grouped for _, q in r.figures} | {s.figure.start for s in draft.facts.unit_slips}
    by_value: dict[tuple[Decimal, str], list[tuple[Mention, Quantity]]] | None = None
    units_of: dict[int, Counter[str]] = {}  # each sentence's sums of money counted by unit, once (not per figure)
    for m in draft.facts.mentions:
        found = _foreign_sum(draft, m, units_of)
        if found is None or found[0].start in grouped_at:
            continue
        q, unit = found
        if significant_digits(q) < SAME_DIGITS:
            continue
        if by_value is None:
            by_value = {}
            for n in draft.facts.mentions:
                for r in n.quantities:
                    if _sum_of_money(r) and r.exact:
                        by_value.setdefault((r.value, r.unit), []).append((n, r))
        same = [(n, r) for n, r in by_value.get((q.value, unit), []) if n.sentence != m.sentence]
        if same and len({r.decimals for _, r in same} | {q.decimals}) == 1:
            n, r = same[0]
            yield Restatement(n.identity, sorted([(m, q), (n, r)], key=lambda x: x[1].start))


def _foreign_sum(draft: Draft, m: Mention, units_of: dict[int, Counter[str]]) -> tuple[Quantity, str] | None:
    """The mention's one sum of money and the money unit of its sentence's other sums (one unit, 10⁴ or 10⁸ away)
    where its own is none of theirs; None otherwise. (`units_of`: the sentences' sums counted by unit so far.)"""
    if len(m.quantities) != 1 or not _sum_of_money(m.quantities[0]) or not m.quantities[0].exact:
        return None
    q = m.quantities[0]
    foreign = _foreign_unit(draft, m, q, units_of)
    return None if foreign is None else (q, foreign[0])


def _foreign_unit(draft: Draft, m: Mention, q: Quantity, units_of: dict[int, Counter[str]]) -> tuple[str, int] | None:
    """The money unit of the other sums of the sentence of `q` (a sum of money of `m`) and how many they are, where
    they are all in one unit, its own is none of theirs (the one sum of its sentence in its unit) and the two are 10⁴
    or 10⁸ apart; None otherwise. (`units_of`: each sentence's sums of money counted by unit, once, as asked.)"""
    units = units_of.get(m.sentence)
    if units is None:
        units = units_of[m.sentence] = Counter(
            x.unit for n in draft.by_sentence.get(m.sentence, []) for x in n.quantities if _sum_of_money(x)
        )
    if len(units) != 2 or units[q.unit] != 1:
        return None
    unit = next(u for u in units if u != q.unit)
    if unit not in SLIP_MONEY_UNITS:
        return None
    ratio_ = SLIP_MONEY_UNITS[unit] / q.scale
    return (unit, units[unit]) if max(ratio_, 1 / ratio_) in UNIT_STEPS else None


def _unscoped_foreign(draft: Draft, m: Mention, units_of: dict[int, Counter[str]]) -> tuple[Quantity, str, int] | None:
    """The mention's one sum of money, the unit it is foreign to its sentence in and the digits it must agree to
    (`SLIP_DIGITS_BY_NEIGHBOURS`), where the mention lacks its scope alone; None otherwise."""
    ident = m.identity
    if ident.context.scope is not None or not ident.item or ident.inferred or not ident.named:
        return None
    if not ident.context.known("fund", "stage", "period") or len(m.quantities) != 1:
        return None
    q = m.quantities[0]
    if not _sum_of_money(q) or not q.exact:
        return None
    foreign = _foreign_unit(draft, m, q, units_of)
    if foreign is None:
        return None
    unit, others = foreign
    return q, unit, SLIP_DIGITS_BY_NEIGHBOURS[min(others, 2)]


def _named_rates(draft: Draft) -> Iterator[Restatement]:
    """An indicator's rate stated twice (facts/named_rates.py), its subject told as a figure's is."""
    evaluation = draft.facts.genre.startswith("evaluation")
    whole = _title_subject(draft)
    forms = _form_starts(draft)

    def subject_of(name: str, path: str) -> str:
        return _own_subject(name, path, evaluation, whole=whole)

    def form_of(offset: int) -> int:
        return bisect_right(forms, draft.doc.origin[offset]) if forms else 0

    return named_rate_restatements(draft, Readings(subject_of, form_of, lambda m: states_targets(draft, m)))


def _scoped_sums(draft: Draft, evaluation: bool, whole: str) -> dict[tuple, list[tuple[Mention, Quantity]]]:
    """The sums of money of complete identities, by their item, subject and context without the scope."""
    out: dict[tuple, list[tuple[Mention, Quantity]]] = {}
    for n in draft.facts.mentions:
        ident = n.identity
        if not ident.complete() or ident.inferred or not ident.named:
            continue
        key = (
            ident.item,
            _own_subject(ident.item, ident.subject, evaluation, whole=whole),
            replace(ident.context, scope=None),
        )
        for r in n.quantities:
            if _sum_of_money(r) and r.exact:
                out.setdefault(key, []).append((n, r))
    return out


def restatements(draft: Draft) -> Iterator[Restatement]:
    """Groups of figures that are one quantity by identity, stated in two sentences or more."""
    groups: dict[tuple, list[tuple[Mention, Quantity]]] = {}
    # the sections of a performance evaluation are aspects of its one project, not subjects of their own
    evaluation = draft.facts.genre.startswith("evaluation")
    whole = _title_subject(draft)
    forms = _form_starts(draft)
    parts_of = _share_parts(draft)
    for m in draft.facts.mentions:
        ident = m.identity
        if not ident.complete() or ident.inferred or not ident.named:
            continue
        if NAME_AFTER_FIGURE.match(m.label):
            continue  # `单价 100 万元（含）以上设备 6 台`: a figure inside the name; what it names is not read
        if states_targets(draft, m):
            continue  # `年度绩效目标为：完成改造小区 220 个`: a target, no outcome of the same name
        for q in m.quantities:
            if q.exact and q.kind not in ("bare", "pp"):
                share_of = _share_named_by_base(draft, parts_of, m, q)
                if share_of is None:
                    continue  # `占医疗收入的 p%` of a part not read: the base names it, not what it is a share of
                # what a count counts is named after it (`实际补贴 131 个赛项`, `实际补贴 15 个`)
                counted = (m.noun if q.kind == "count" else "") + _scored_as(draft, m, q) + _surveyed_as(draft, m, q)
                counted += share_of
                scored = q.base_unit == "分"
                named_as = (
                    ident.item,
                    _own_subject(ident.item, ident.subject, evaluation, scored, whole),
                    ident.context,
                )
                form = _form_of(draft, forms, q)
                code = _code_of(m.label)
                groups.setdefault((named_as, q.base_unit, q.kind, counted + code, form), []).append((m, q))
    # a change's base is stated under the current figure's name: its group is named by its own identity
    named: dict[tuple, Identity] = {}
    for stated, ident, m, q in _bases_stated(draft, evaluation, whole):
        key = (*stated, _form_of(draft, forms, q))
        if all(q is not x for _, x in groups.get(key, [])):
            groups.setdefault(key, []).append((m, q))
            named.setdefault(key, ident)
    _add_copies(draft, groups)
    for key, grouped in groups.items():
        for items in _by_level_wording(grouped):
            if len({m.sentence for m, _ in items}) >= 2 and len({m.paragraph for m, _ in items}) >= MIN_PARAGRAPHS:
                items.sort(key=lambda x: x[1].start)
                # named by the subject that tells the quantity apart (not a standard section's heading above it)
                yield Restatement(replace(named.get(key, items[0][0].identity), subject=key[0][1]), items)


# the words naming a level's own figures (`省本级`) and the level's with what it passes down (`省级`): context.yaml
LEVEL_WORDINGS = {
    kind: regex(alternation(names)) for kind, names in (load("context").get("level_wordings") or {}).items()
}


def _by_level_wording(items: list[tuple[Mention, Quantity]]) -> list[list[tuple[Mention, Quantity]]]:
    """A group of one identity, split where its figures' own words name the level both ways with other values
    (`省级一般公共预算支出 A` and `省本级一般公共预算支出 a`: the level's spending with its transfers down, and its
    own): each wording's figures a group of their own, those naming it neither way left out (whose they are is not
    said). The group as it is where the values agree or one wording alone is used."""
    if len({q.base_value for _, q in items}) < 2:
        return [items]
    named: dict[str, list[tuple[Mention, Quantity]]] = {}
    for m, q in items:
        kinds = [kind for kind, wording in LEVEL_WORDINGS.items() if wording.search(m.label)]
        if len(kinds) == 1:
            named.setdefault(kinds[0], []).append((m, q))
    return list(named.values()) if len(named) >= 2 else [items]


def _add_copies(draft: Draft, groups: dict[tuple, list[tuple[Mention, Quantity]]]) -> None:
    """A passage repeated word for word under another heading (facts/copies.py) states its figures again: a copy
    whose identity stands alone joins the group of the figure it restates (or that figure, alone too, joins the
    copy's). Two groups of two figures or more are left apart: each is what its own headings tell; and a group
    holding two figures of one sentence (`应发放…选送单位 5 家，实际发放…选送单位 5 家`) is two quantities of one name:
    no copy joins it."""
    key_of = {id(q): key for key, items in groups.items() for _, q in items}
    for first, copy in copies(draft):
        mine, theirs = key_of.get(id(first[1])), key_of.get(id(copy[1]))
        if mine is None or theirs is None or mine == theirs:
            continue  # (a figure not grouped at all is a target's, or a name's: not compared)
        moved, into = (copy, mine) if len(groups[theirs]) == 1 else (first, theirs)
        if len(groups[key_of[id(moved[1])]]) != 1 or len({m.sentence for m, _ in groups[into]}) < len(groups[into]):
            continue  # (a group holding two figures of one sentence is two quantities its identity does not tell)
        groups[key_of[id(moved[1])]].clear()
        groups[into].append(moved)
        key_of[id(moved[1])] = into


# a budget classification code in brackets after a name (`事业运行（2010350）`): two items of one name and other codes
# (`事业运行（2130104）`) are two quantities
CLASSIFICATION_CODE = regex(r"[（(]([12]\d{2}(?:\d{2}){0,2})[）)]")


def _code_of(label: str) -> str:
    found = CLASSIFICATION_CODE.search(label)
    return found.group(1) if found else ""


# a project's form opens with its name as a field (`项目名称：…`, `项目名称	…` in a table's first row), first on its
# line after spaces or tabs at most
FORM_OPENING = "项目名称"


def _form_starts(draft: Draft) -> list[int]:
    """Where each project's form starts (the line of its name), where the document holds two or more (a file of
    several 自评表): figures of one name in two forms are two projects' ([] for one form or none: the document's
    figures are of one). The name is found by `str.find` and its line looked at: a pattern anchored at every
    line start (`(?m)^[ \\t]*项目名称`) was tried at each character of the file, 2 ms of a long report."""
    text = draft.doc.original
    starts: list[int] = []
    at = text.find(FORM_OPENING)
    while at >= 0:
        line = text.rfind("\n", 0, at) + 1
        if not text[line:at].strip(" \t"):
            starts.append(line)
        at = text.find(FORM_OPENING, at + len(FORM_OPENING))
    return starts if len(starts) >= 2 else []


def _form_of(draft: Draft, forms: list[int], q: Quantity) -> int:
    """The form a figure stands in (its place in the file as the user has it), 0 where there are no forms."""
    return bisect_right(forms, draft.doc.origin[q.start]) if forms else 0


def _share_parts(draft: Draft) -> dict[int, str]:
    """The item of each stated share's part, by where the share's percentage starts."""
    owner = mention_index(draft)
    parts: dict[int, str] = {}
    for s in draft.facts.shares:
        part = owner.get(s.part.start) if s.part is not None else None
        if part is not None:
            parts[s.stated.start] = part.identity.item
    return parts


# the word naming a share's base right before the base's name (`药品收入占医疗收入的比重为 p%`)
SHARE_VERB = "占"
SHARE_LABEL_REACH = 40  # characters before a percentage its label stands within


def _share_named_by_base(draft: Draft, parts_of: dict[int, str], m: Mention, q: Quantity) -> str | None:
    """What a percentage whose label names the base of its share (`A 占医疗收入的 p%`, `占医疗收入的比重为 q%`) is a
    share of: its part's item, read into its identity (the shares of 门诊收入 and of 药品收入 in 医疗收入 are two
    quantities, not one 医疗收入 stated twice); None where no part was read (what it is a share of is not known). ""
    for any other figure, named by itself."""
    if q.kind != "percent" or not m.label:
        return ""
    text = draft.doc.text
    before = text[max(0, q.start - SHARE_LABEL_REACH) : q.start]
    at = before.rfind(m.label)
    if at <= 0 or not before[:at].rstrip().endswith(SHARE_VERB):
        return ""
    part = parts_of.get(q.start)
    if part is None:
        return None
    return "" if part == m.identity.item else f"{part}{SHARE_VERB}"


def _scored_as(draft: Draft, m: Mention, q: Quantity) -> str:
    """The indicator a score is of when its sentence names it with the score's first figure (`产出指标分值 50 分，
    自评得分 46 分`: 46 is 产出指标's, not the score of the sentence `效益指标分值 30 分，自评得分 30 分`)."""
    if q.base_unit != "分":
        return ""
    lead = next(iter(draft.by_sentence.get(m.sentence) or []), None)
    if lead is None or lead is m or not any(x.base_unit == "分" for x in lead.quantities):
        return ""
    return lead.identity.item


# a survey's stage opening a sentence of its counts (`学生问卷发放 620 份，回收 608 份，有效问卷 598 份，其中满意…`)
SURVEY_LEAD = regex(r"(?:发放|回收|收回)$")


def _surveyed_as(draft: Draft, m: Mention, q: Quantity) -> str:
    """The survey a count is of when its sentence opens by naming it with its first count (`学生问卷发放 620 份，…
    有效问卷 598 份`: 598 is the students' sample, not the parents' `家长问卷发放 820 份，…有效问卷 750 份`)."""
    if q.kind != "count":
        return ""
    lead = next(iter(draft.by_sentence.get(m.sentence) or []), None)
    if lead is None or lead is m or not SURVEY_LEAD.search(lead.label):
        return ""
    counted = any(x.kind == "count" and x.base_unit == q.base_unit for x in lead.quantities)
    return lead.identity.item if counted else ""


# `比上年 11.53 亿元增长 1.7%`: last year's figure stated as the base of this year's change (a year named: `比
# 2023年`); not a comparison on another basis (`同口径`, `可比口径`), which restates last year's figure on purpose
OTHER_BASIS = regex(r"口径|可比|剔除|扣除")
COMPARED_WITH_YEAR = r"(?:比|较|与)(?:上年|上年度|上一年|上一年度|去年|(?P<year>(?:19|20)\d{2})年度?)"
LAST_YEAR_BASE = regex(rf"^{COMPARED_WITH_YEAR}(?:相比)?$")
# the comparison may name the stage of last year's figure right before it (`比上年执行数 X`, `较 2024 年决算数 X`):
# the base is of that stage, whatever the current figure's; where it names none, of the current figure's
BASE_STAGE = regex(rf"{COMPARED_WITH_YEAR}(?P<stage>执行数|决算数|预算数|调整预算数|预计执行数|完成数)\s*$")


def _bases_stated(draft: Draft, evaluation: bool, whole: str) -> Iterator[tuple[tuple, Identity, Mention, Quantity]]:
    """Last year's figures a sentence states as the base of a change of this year's (`一般公共预算收入
    11.73 亿元，比上年 11.53 亿元增长 1.7%`), keyed as the figure of the current's identity a year earlier, of
    the stage the comparison names if it names one (`比上年执行数 X`): a report that states that figure elsewhere
    (`2023年一般公共预算收入 11.35 亿元`) states it twice."""
    owner = mention_index(draft)
    for c in draft.facts.changes:
        cur, base = c.current, c.base
        if cur is None or base is None or not base.exact or base.kind != cur.kind or base.base_unit != cur.base_unit:
            continue
        m = owner.get(cur.start)
        said = LAST_YEAR_BASE.match(c.comparison.strip())
        sentence = draft.doc.sentences[c.sentence]
        if m is None or said is None or not (cur.end <= base.start < sentence.end) or m.sentence != c.sentence:
            continue  # the base linked from elsewhere is a mention of its own, already grouped
        if OTHER_BASIS.search(draft.doc.text, sentence.start, base.start):
            continue
        ident = m.identity
        if not ident.complete() or ident.inferred or not ident.named or base.kind not in ("amount", "count"):
            continue
        earlier = year_before(ident.context.period)
        if earlier is None or (said.group("year") and said.group("year") != earlier):
            continue
        named = BASE_STAGE.search(draft.doc.text[cur.end : base.start])
        stage = read(named.group("stage")).context.stage if named else ident.context.stage
        context = replace(ident.context, period=earlier, stage=stage)
        counted = m.noun if base.kind == "count" else ""
        key = (ident.item, _own_subject(ident.item, ident.subject, evaluation, whole=whole), context)
        yield (key, base.base_unit, base.kind, counted), replace(ident, context=context), m, base
