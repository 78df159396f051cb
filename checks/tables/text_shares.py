"""A share the prose states of a table row's figure (文表不符 for shares): `评价为“优”的专项涉及资金 A，占评价资金总额的
p%` beside a table of grades whose row `优` holds A under `涉及资金` and its share under `资金占比`.

The share is held to the row's cell only where it is certain: its part is the row's cell (`row_of`, its value the
cell's), its whole is stated nowhere as a figure and named, if at all, as a total of no scope of its own (`总额`,
`合计`), and the table has one share column of the part's column (its heading naming it, `资金占比` of `涉及资金`)
whose total row states the whole, 100.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from tieout.linter.facts.model import Share
from tieout.linter.figures.context import read
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.tables import Column, Table
from tieout.linter.parse.tables.cells import flatten
from tieout.linter.patterns import regex
from tieout.linter.rules.base import CheckContext, Outcome

from ._judge import held_to_cell, table_name
from .rates import named_part
from .text import restates, row_of, tables_by_index

# the name of a whole as a total of what the part is one of (`评价资金总额`, `资金合计`, `总量`)
TOTAL_NAME = regex(r"(?:总额|总计|合计|总量|总数)的?$")
HUNDRED = Decimal(100)


def row_share_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """Each share of a table row's figure, its whole unstated, against the row's cell of the table's share column."""
    for s in ctx.facts.shares:
        if s.total is not None or s.part is None or s.applied or not s.stated.exact or s.stated.kind != "percent":
            continue
        if not _whole_as_total(s.base_label):
            continue
        cell = _share_cell(ctx, s, s.part)
        if cell is not None:
            yield _compare(ctx, s, *cell)


def _whole_as_total(label: str) -> bool:
    """Is the share's whole unnamed, or named as a total (`占评价资金总额的`) stating no scope of its own?"""
    name = flatten(label)
    return not name or (TOTAL_NAME.search(name) is not None and read(name).context.scope is None)


def _share_cell(ctx: CheckContext, s: Share, part: Quantity) -> tuple[Table, Column, Quantity] | None:
    """The row's cell of the one share column of the part's column, where the part is one row's cell."""
    own = ctx.index.mention_of(part)
    if own is None or part.kind != "amount" or not part.exact:
        return None
    hits = [h for h in row_of(ctx, own, part, rounded=True) if restates(ctx, part, h.quantity, True)]
    if len({(h.identity.table, h.identity.row, h.identity.col) for h in hits}) != 1:
        return None
    at = hits[0].identity
    table = tables_by_index(ctx)[at.table]
    for side in table.sides:
        left = [c for c in side.columns if c.kind in ("amount", "total", "")]
        shares = [c for c in side.columns if c.kind == "share" and _part_column(left, c) == at.col]
        grand = [r for r in side.rows if r.total == "grand"]
        if len(shares) != 1 or len(grand) != 1:
            continue
        whole = table.quantity(grand[0].index, shares[0].index)
        cell = table.quantity(at.row, shares[0].index)
        if whole is None or whole.value != HUNDRED or cell is None or cell.kind != "percent" or not cell.exact:
            continue
        return table, shares[0], cell
    return None


def _part_column(left: list[Column], share: Column) -> int | None:
    """The grid column of the amounts a share column's heading names (`资金占比` of `涉及资金`), None where none."""
    part = named_part([c for c in left if c.index < share.index], share)
    return part.index if part is not None else None


def _compare(ctx: CheckContext, s: Share, table: Table, column: Column, cell: Quantity) -> Outcome:
    q = s.stated
    expected = cell.text if cell.text.endswith(("%", "％")) else f"{cell.text}%"
    message = f"正文所写占比 {q.text} 与{table_name(table)}中该行“{flatten(column.header)}”{cell.text} 不符（文表不符）"
    return held_to_cell(ctx, q, cell, "表中数字", message, expected)
