"""A government debt stock the prose states against the cell of a debt table that is the same stock (文表一致, TO304).

A report's debt table lists its stocks by row, each row's words naming what it measures and the year whose end it
stands at (`一、2025年末地方政府债务余额`, and the kinds under it, `其中：一般债务`, `专项债务`), and the
jurisdictions by column (`某省 | 某省本级`: the whole, named by the government's name as the table's title names it,
and its own level). The prose stock of that identity (linter/facts/debts.py: measure, kind, scope, stage, year) is the
cell where the row's and the column's words state every part of it and only one cell of the document's tables does.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from tieout.linter.facts.debts import DEBT_STOCK, OTHER_DATE, PART, YEAR
from tieout.linter.facts.model import StockKey
from tieout.linter.figures.context import MIXED, read
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.tables import Table
from tieout.linter.parse.tables.cells import flatten
from tieout.linter.parse.tables.jurisdiction import NAMED
from tieout.linter.patterns import regex
from tieout.linter.rules.base import CheckContext, Outcome

from ._judge import held_to_cell, table_name

# what opens a row's label besides its words: its number (`六、`, `（一）`) and the word opening a list of parts
ROW_OPENING = regex(
    r"^(?:[一二三四五六七八九十]{1,3}[、.．]|（[一二三四五六七八九十]{1,3}）|\d{1,2}[、.．])?(?:其中[：:]?)?"
)


@dataclass(frozen=True, slots=True)
class RowStock:
    """What a row of a debt table measures: (measure, kind, stage, year)."""

    measure: str
    kind: str
    stage: str
    year: str


def debt_cell_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """Each prose debt stock against the one table cell of its identity."""
    cells = _debt_cells(ctx.facts.tables)
    if not cells:
        return
    for stock in ctx.facts.debt_stocks:
        found = cells.get(stock.key)
        if found is not None and len(found) == 1:
            yield _outcome(ctx, stock.figure, *found[0])


def _outcome(ctx: CheckContext, q: Quantity, cell: Quantity, table: Table) -> Outcome:
    unit = cell.unit or table.unit
    shown = cell.text if cell.text.endswith(unit) else cell.text + unit
    message = f"正文所述 {q.text} 与{table_name(table)}同一债务数 {shown} 不符（文表不符）"
    return held_to_cell(ctx, q, cell, "表中数", message, shown)


def _debt_cells(tables: list[Table]) -> dict[StockKey, list[tuple[Quantity, Table]]]:
    """The sums of money of the debt tables' cells, by the stock identity their row and column state."""
    out: dict[StockKey, list[tuple[Quantity, Table]]] = {}
    for table in tables:
        if table.by_position or table.header_rows != 1:
            # (its columns placed by position, not with certainty; or named by two header rows, a scope over the
            # measures or kinds under it, which one header row's words do not tell apart)
            continue
        scopes = _column_scopes(table)
        if not scopes:
            continue
        for r, stock in _row_stocks(table):
            for c, scope in scopes.items():
                q = table.quantity(r, c)
                if q is not None and q.kind == "amount" and q.base_unit == "元" and q.exact:
                    out.setdefault((stock.measure, stock.kind, scope, stock.stage, stock.year), []).append((q, table))
    return out


def _column_scopes(table: Table) -> dict[int, str]:
    """The figure columns of a table of jurisdictions by column, each with the scope its header states: a scope
    word (`某省本级`), or the government's name the title names the whole by (`某省`, the table's `whole`)."""
    named = NAMED.match(flatten(table.title))
    name = named.group("name") if named is not None and table.whole else None
    out: dict[int, str] = {}
    for c, text in enumerate(table.header[1:], start=1):
        header = flatten(text)
        scope = read(header).context.scope
        if scope is not None and scope != MIXED:
            out[c] = scope
        elif name is not None and header == name:
            out[c] = table.whole
    return out


def _row_stocks(table: Table) -> Iterator[tuple[int, RowStock]]:
    """The body rows naming a debt stock, with what each measures: a stock of its own words (`2024年末地方政府债务
    余额决算数`), or a kind named alone right under one (`其中：一般债务`, then `专项债务`), of its measure and date."""
    whole: RowStock | None = None
    for r in range(table.header_rows, len(table.rows)):
        label = flatten(table.label(table.rows[r]))
        said = read(label)
        rest = ROW_OPENING.sub("", said.rest)
        stock, part = DEBT_STOCK.match(rest), PART.match(rest)
        if stock is not None and not stock.group("kind"):
            whole = _dated(said.context.stage or table.context.stage, said.context.period, stock.group("measure"))
            whole = whole if not OTHER_DATE.search(label) else None
            if whole is not None:
                yield r, whole
        elif part is not None and whole is not None and said.context.is_empty():
            yield r, RowStock(whole.measure, part.group("kind"), whole.stage, whole.year)
        else:
            whole = None  # (another row: a kind after it is no part of the stock above)


def _dated(stage: str | None, year: str | None, measure: str) -> RowStock | None:
    """The stock of a row whose stage and year are stated (the year one year, no cut-off), else None."""
    if stage in (None, MIXED) or year is None or not YEAR.match(year):
        return None
    return RowStock(measure, "", str(stage), year)
