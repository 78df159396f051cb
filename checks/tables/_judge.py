"""Judging a table relation: its figures as intervals (a blank cell as nothing where the table's convention
says so), its verdict, and the outcome the owning rule reports when it fails and TO100 when it misses by
rounding (each evaluating the relation itself, as for the relations of the prose)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from tieout.linter.figures.intervals import Interval, Verdict, fmt, fmt_rate, interval, interval_and_unit, unit_of
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.tables import Column, Side, Table
from tieout.linter.parse.tables.relations import Cellref, Relation, all_relations
from tieout.linter.patterns import regex
from tieout.linter.rules.base import CheckContext, Outcome

from .._util import in_unit

ZERO: Interval = (Decimal(0), Decimal(0))
SUMMED = ("amount", "bare", "count")


def pct(value: Decimal) -> str:
    """A computed percentage as findings write it: to four decimals at most, no trailing zeros."""
    return fmt(value.quantize(Decimal("0.0001")).normalize())


def column_miss(
    header: str,
    stated: Quantity,
    verdict: Verdict,
    kind: str,
    formula: str,
    exact: Decimal,
    related: list[tuple[Quantity, str]],
) -> Outcome:
    """A rate column's cell that misses its row's rate `exact` (in %) worked out as `formula` from the `related`
    cells: the finding, the rate it should be written at the cell's decimals (the fix in the cell's own form: a
    column whose cells are written without `%`, its header saying they are in per cent, keeps them so)."""
    expected = fmt_rate(exact, stated)
    msg = f"“{header}”列的 {stated.text} 与 {formula} = {pct(exact)}% 不符，应为 {expected}"
    fix = expected if stated.text.rstrip().endswith(("%", "％")) else expected.removesuffix("%")
    return Outcome(stated, verdict, kind, related, msg, stated.text, fix, fix, operands=[q for q, _ in related])


def delta_miss(
    header: str,
    stated: Quantity,
    verdict: Verdict,
    first: Quantity,
    second: Quantity,
    exact: Decimal,
    related: list[tuple[Quantity, str]],
) -> Outcome:
    """A change column's cell that misses its row's difference `exact` (`first` − `second`): the finding, the
    difference written as the cell is (bare where the cell is, the table's unit note holding the unit)."""
    expected = written_like(exact, stated)
    msg = f"“{header}”列的 {stated.text} 与 {first.text} − {second.text} = {expected} 不符，应为 {expected}"
    operands = [q for q, _ in related]
    return Outcome(stated, verdict, "delta", related, msg, stated.text, expected, expected, operands=operands)


@dataclass
class Footing:
    """A table sum as judged: its verdict and figures, before it is worded as an `Outcome`."""

    verdict: Verdict
    total: Quantity
    parts: list[Quantity]  # the figures (blank cells left out)
    signs: list[int]
    computed: Decimal  # the parts' sum as written
    holds: bool = False  # the intervals meet: only the figures as written differ (尾差)


def figure(table: Table, ref: Cellref) -> Quantity | None | bool:
    """The cell's figure; False for a blank that counts as nothing; None when the cell cannot be used."""
    q = table.quantity(*ref)
    if q is not None:
        return q if q.kind in SUMMED else None
    if table.is_blank(*ref) and (table.blank_zero or _dashed(table, ref)):
        return False
    return None


def _dashed(table: Table, ref: Cellref) -> bool:
    """Is the cell a dash (`—`, `-`): written for nothing, as a blank of a 决算 table is, whatever the table's
    convention for a cell left empty."""
    cell = table.cell(*ref)
    return cell is not None and DASH_CELL.fullmatch(cell.text.strip()) is not None


# a cell written as a dash for nothing (a slash, `/`, says the item does not apply: not read so)
DASH_CELL = regex(r"[-—－–]{1,2}")


Bounds = dict[int, tuple[Quantity, Interval, Decimal, Decimal]]


def _bounds(known: Bounds, q: Quantity) -> tuple[Quantity, Interval, Decimal, Decimal]:
    """A cell's interval, rounding unit and base value, read once per document: a cell takes part in several
    relations (its row's sum, its column's, its parent's). Keyed by the figure's id, the figure kept with them
    (so that the id stays its own); figures never change once read."""
    hit = known.get(id(q))
    if hit is None:
        hit = known[id(q)] = (q, *interval_and_unit(q), q.base_value)
    return hit


def evaluate(ctx: CheckContext, table: Table, rel: Relation, parts: list[Cellref] | None = None) -> Footing | None:
    """The relation judged: its total against its parts (`parts`, when given, in place of the relation's own)."""
    refs = rel.parts if parts is None else parts
    return next(_footings(ctx, table, rel, refs, every=False), None)


def prefix_footings(ctx: CheckContext, table: Table, rel: Relation, refs: list[Cellref]) -> Iterator[Footing | None]:
    """`evaluate(ctx, table, rel, refs[:k])` for k = 1, 2, … in turn, each prefix's sum carried on from the one
    before (not every prefix added up again: a run of n rows judged so cost n² additions). The prefixes stop early,
    after a None, where every longer one would be None too (a part that cannot be used: every longer prefix holds
    it), and where the relation's signs end (a longer prefix would be the same sum)."""
    return _footings(ctx, table, rel, refs, every=True)


def _footings(
    ctx: CheckContext, table: Table, rel: Relation, refs: list[Cellref], every: bool
) -> Iterator[Footing | None]:
    """The relation judged over `refs`, once at their end, or (`every`) after each ref, the sums carried on."""
    total = table.quantity(*rel.total)
    if total is None or total.kind not in SUMMED:
        yield None
        return
    known: Bounds = ctx.memo("table-cell-bounds", dict)
    signs = rel.signs or [1] * len(refs)
    qs: list[Quantity] = []
    used: list[int] = []
    low, high = Decimal(0), Decimal(0)
    computed = Decimal(0)
    _, stated, band, whole = _bounds(known, total)  # (band: the least precise figure's unit so far, the total's first)
    nonzero = too_large = False  # a part not zero; a part larger than its whole (a strict relation's)
    for ref, sign in zip(refs, signs):
        q = figure(table, ref)
        if q is None:
            yield None
            return
        if q is not False:
            assert isinstance(q, Quantity)
            if q.base_unit != total.base_unit:
                yield None
                return
            _, (a, b), unit, value = _bounds(known, q)
            # (a sign is +1 or −1: the value added or taken away, as the sign times the value would be)
            if sign > 0:
                low, high, computed = low + a, high + b, computed + value
            else:
                low, high, computed = low - b, high - a, computed - value
            qs.append(q)
            used.append(sign)
            if unit > band:  # (as `max` keeps the first of equal units)
                band = unit
            nonzero = nonzero or q.value != 0
            too_large = too_large or q.value > total.value > 0
        if every:
            yield _footing(
                ctx, rel, total, (qs[:], used[:]), (stated, (low, high), band), (computed, whole), nonzero, too_large
            )
    if not every:
        yield _footing(ctx, rel, total, (qs, used), (stated, (low, high), band), (computed, whole), nonzero, too_large)


def _footing(
    ctx: CheckContext,
    rel: Relation,
    total: Quantity,
    parts: tuple[list[Quantity], list[int]],
    bands: tuple[Interval, Interval, Decimal],
    sums: tuple[Decimal, Decimal],
    nonzero: bool,
    too_large: bool,
) -> Footing | None:
    """The verdict on a total and the parts added up (`parts`: the figures and their signs; `bands`: the total's
    interval, the parts' summed interval and the rounding unit; `sums`: the parts' sum and the total as written)."""
    if total.value != 0 and not nonzero:
        return None  # nothing (or only zeros) beside a figure: an amount not broken down, not a sum
    if rel.strict and too_large and not _lowered(parts):
        return None  # a part larger than its whole: the row is out of its place in extracted text
    return _verdict(ctx, total, parts, bands, sums)


def _lowered(parts: tuple[list[Quantity], list[int]]) -> bool:
    """Does a part take something away from the whole (a figure below zero added, `税收收入 -80,000` beside
    `非税收入 1,830,000` under their 1,750,000, or a figure subtracted)? Then another part may well be larger than
    the whole: no sign of a row out of its place."""
    qs, signs = parts
    return any(s * q.value < 0 for q, s in zip(qs, signs, strict=True))


def _verdict(
    ctx: CheckContext,
    total: Quantity,
    parts: tuple[list[Quantity], list[int]],
    bands: tuple[Interval, Interval, Decimal],
    sums: tuple[Decimal, Decimal],
) -> Footing:
    """The verdict on a total against its parts' summed interval (`parts`, `bands`, `sums` as `_footing` takes them),
    for the cells of a relation and for figures given as they are (`evaluate_figures`)."""
    qs, used = parts
    stated, summed, band = bands
    computed, whole = sums
    # the relation's rounding band: its least precise figure's unit (as `unit_of` of the total and the parts)
    verdict = ctx.judge(stated, summed, band)
    if verdict == "pass" and abs(computed - whole) >= total.ulp * total.scale > 0:
        # the figures as written do not add up, though their roundings may (尾差): the relation holds,
        # and the difference is shown as rounding
        return Footing("rounding", total, qs, used, computed, holds=True)
    return Footing(verdict, total, qs, used, computed)


def outcome(f: Footing, message: str, kind: str, name: str = "") -> Outcome:
    """The relation as its rule reports it (a `fail`) and TO100 (a `rounding` miss): the total against the
    sum of its parts, written as the total's cell is. A sum that holds is only listed as checked: it is not worded
    (nearly every sum of a table holds, and wording each cost as much as judging it)."""
    related = [(q, "组成项" if s > 0 else "减项") for q, s in zip(f.parts, f.signs)]
    if f.verdict == "pass":
        return Outcome(f.total, f.verdict, kind, related, operands=f.parts, name=name or None, holds=f.holds)
    expected = written_like(f.computed, f.total)
    return Outcome(
        f.total,
        f.verdict,
        kind,
        related,
        f"{message}：{f.total.text} 与{describe(f)} = {expected} 不符",
        f.total.text,
        expected,
        expected if f.verdict == "fail" else None,
        operands=f.parts,
        name=name or None,
        holds=f.holds,
    )


def _operand(text: str, after_sign: bool) -> str:
    """A negative cell written after an operator is bracketed: `−(-2,140)`, not `−-2,140`."""
    return f"({text})" if after_sign and text.startswith(("-", "−", "－")) else text


def describe(o: Footing) -> str:
    if not o.parts:
        return "各项（均为空）"
    terms = [
        ("−" if s < 0 else ("+" if i else "")) + _operand(q.text, bool(i) or s < 0)
        for i, (q, s) in enumerate(zip(o.parts, o.signs))
    ]
    text = "".join(terms)
    return text if len(text) <= 60 else f"所列 {len(o.parts)} 项之和"


def table_relations(ctx: CheckContext, table: Table) -> list[Relation]:
    """The relations of a table's cells (`all_relations`), read once per document for every check that judges them."""
    relations: dict[int, list[Relation]] = ctx.memo("table-relations", dict)
    rels = relations.get(id(table))
    if rels is None:
        rels = relations[id(table)] = all_relations(table)
    return rels


def written_like(base: Decimal, like: Quantity) -> str:
    """A base value written as the cell `like` is: its decimals and separators, its unit only if it has one."""
    text = in_unit(base, like)
    if like.unit and not like.text.endswith(like.unit):
        text = text[: len(text) - len(like.unit)]
    return text


def evaluate_figures(ctx: CheckContext, total: Quantity, parts: list[Quantity | None]) -> Footing | None:
    """A total and its parts given as figures (None: a blank that counts as nothing)."""
    if total.kind not in SUMMED:
        return None
    qs = [q for q in parts if q is not None]
    if any(q.kind not in SUMMED or q.base_unit != total.base_unit for q in qs):
        return None
    if total.value != 0 and all(q.value == 0 for q in qs):
        return None
    low = sum((interval(q)[0] for q in qs), Decimal(0))
    high = sum((interval(q)[1] for q in qs), Decimal(0))
    computed = sum((q.base_value for q in qs), Decimal(0))
    bands = (interval(total), (low, high), unit_of([total, *qs]))
    return _verdict(ctx, total, (qs, [1] * len(qs)), bands, (computed, total.base_value))


def held_to_cell(ctx: CheckContext, q: Quantity, cell: Quantity, named: str, message: str, shown: str) -> Outcome:
    """A prose figure against the one table cell that is the same quantity: a pass, or the finding `message`
    pointing at the cell (`named`, `表中合计`) and showing its figure as the table writes it (`shown`)."""
    verdict = ctx.judge(interval(q), interval(cell), unit_of([q, cell]))
    if verdict == "pass":
        return Outcome(q, "pass", "cross_ref", operands=[cell])
    return Outcome(q, verdict, "cross_ref", [(cell, named)], message, q.text, shown, operands=[cell])


def table_name(table: Table) -> str:
    """How a finding names a table: its title in quotes, else its number."""
    return f"“{table.title}”" if table.title else f"表 {table.index} "


def computed_columns(
    side: Side,
    operands: Callable[[Side, Column], tuple[Any, ...] | None],
    row: Callable[[int, Column, tuple[Any, ...]], Outcome | None],
) -> Iterator[Outcome]:
    """Each column of the side computed from other columns of its rows (`operands` finds them, `row` judges one
    row), row by row; a column failing in most rows (two or more) says nothing (`unless_mostly_failing`)."""
    for col in side.columns:
        found = operands(side, col)
        if found is not None:
            yield from unless_mostly_failing([o for r in side.rows if (o := row(r.index, col, found)) is not None])


def unless_mostly_failing(rows: list[Outcome]) -> list[Outcome]:
    """A computed column's rows, none where most of them fail (two or more): the column is then of something
    else than the figures it was computed from (another base, another unit), and says nothing row by row."""
    fails = sum(1 for o in rows if o.verdict == "fail")
    passes = sum(1 for o in rows if o.verdict == "pass")
    return [] if fails >= 2 and fails > passes else rows
