"""A project's budget changed over the year, stated before or after its 自评表 funds table: `全年预算数 B，其中财政拨款
b；较年初预算增加 Δ` beside a table whose rows give each fund's 年初预算数 and 全年预算数.

The change names no figure of 年初预算 of its own; the table under the same heading states it. Which figure of the
sentence changed the words may leave open (the whole budget, or the fund named last): each figure of the sentence
before the comparison that is a row's 全年预算数 in the table is a reading, and the change is read only where every
reading gives one and the same difference (its current and base then those of the first, the table's row). The
form is the one funds table under the heading, its unit stated (`unspent.form_unit`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from tieout.linter.facts.passes.base import Completed, same_section, table_start
from tieout.linter.facts.passes.gates import budget_forms_held
from tieout.linter.facts.passes.unspent import form_unit, in_unit
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft
    from tieout.linter.facts.model import Change
    from tieout.linter.parse.tables import Table

# the comparison with the year's opening budget, and the form's two budget columns
AGAINST_OPENING = regex(r"^(?:比|较|与)年初预算数?(?:相比)?$")
OPENING = regex(r"^年初预算数?$")
WHOLE_YEAR = regex(r"^(?:全年|调整后?)预算数?$")


def form_changes(draft: Draft) -> Iterator[Completed]:
    """`…全年预算数 B …；较年初预算增加 Δ`: the change's current and base from the project's funds table."""
    if not budget_forms_held(draft):
        return
    for c in draft.facts.changes:
        if c.base is not None or not AGAINST_OPENING.match(c.comparison.replace(" ", "")):
            continue
        move = [mv.quantity for mv in c.movements if mv.quantity is not None]
        if len(move) != 1 or move[0].kind != "amount" or not move[0].exact:
            continue
        rows = _form_rows(draft, move[0])
        if rows is None:
            continue
        stated = _stated_before(draft, c, move[0])
        readings = [(now, then) for now, then in rows if any(q.base_value == now.base_value for q in stated)]
        if readings and len({now.base_value - then.base_value for now, then in readings}) == 1:
            now, then = readings[0]
            # (named as the table's column: which of the sentence's figures the words meant, the readings agree on)
            yield Completed(c, replace(c, current=now, base=then, label="全年预算数"))


def _stated_before(draft: Draft, c: Change, move: Quantity) -> list[Quantity]:
    """The exact amounts of the change's sentence before its movement, of the movement's unit."""
    return [
        q
        for m in draft.by_sentence.get(c.sentence) or []
        for q in m.quantities
        if q.start < move.start and q.kind == "amount" and q.exact and q.base_unit == move.base_unit
    ]


def _form_rows(draft: Draft, move: Quantity) -> list[tuple[Quantity, Quantity]] | None:
    """The (全年预算数, 年初预算数) of each row of the one funds table under the change's heading."""
    tables = [t for t in draft.facts.tables if _in_section(draft, t, move.start)]
    found = [rows for t in tables if (rows := _rows(draft, t)) is not None]
    return found[0] if len(found) == 1 else None


def _in_section(draft: Draft, table: Table, at: int) -> bool:
    start = table_start(table)
    return start >= 0 and same_section(draft, start, at)


def _rows(draft: Draft, table: Table) -> list[tuple[Quantity, Quantity]] | None:
    """A one-sided table's rows with both budgets, in its stated unit; None where it has no 年初 and 全年 column."""
    if len(table.sides) != 1:
        return None
    side = table.sides[0]
    opening = [c.index for c in side.columns if OPENING.match("".join(c.path))]
    year = [c.index for c in side.columns if WHOLE_YEAR.match("".join(c.path))]
    unit = form_unit(draft, table) if len(opening) == 1 and len(year) == 1 else None
    if unit is None:
        return None
    out = []
    for row in side.rows:
        now, then = table.quantity(row.index, year[0]), table.quantity(row.index, opening[0])
        if now is None or then is None or now.kind not in ("amount", "bare") or then.kind not in ("amount", "bare"):
            continue
        a, b = in_unit(now, unit), in_unit(then, unit)
        if a is not None and b is not None and a.exact and b.exact:
            out.append((a, b))
    return out or None
