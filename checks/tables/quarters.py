"""A table of a year's figures by quarter (`项目 | 第一季度 | 第二季度 | 第三季度 | 第四季度`, a listed company's
分季度主要会计数据) beside the year's own figures: a flow over the year is the sum of its four quarters, in the
table's own 全年 column or in the row of the same name of the table of the year (主要会计数据).

Only flows summed: a row at each quarter's end (资产, 余额, 净资产) adds up to nothing, nor do figures per share (每股
收益, over the shares of each quarter) or rates. The year's figure must be certain: one row of the row's name in
the other tables, and in it one column of the quarters' year, an amount (not a change, not last year's).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from tieout.linter.figures.context import Context
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.tables import Column, Row, Side, Table
from tieout.linter.parse.tables.cells import flatten
from tieout.linter.parse.tables.identities import item, without_money_unit
from tieout.linter.patterns import regex
from tieout.linter.rules.base import CheckContext, Outcome

from ._judge import Footing, evaluate_figures, outcome, table_name

# the periods the context reader gives the four quarters of a year (the first is the cut-off at March's end)
QUARTERS = ("03", "二季度", "三季度", "四季度")
NAME = "分季度：四个季度之和 = 全年"
# a row that is no flow over the quarters: a stock at a quarter's end, a figure per share, a rate
NOT_FLOW = regex(r"资产|负债|权益|余额|股本|每股|率|[（(]\s*[%％]\s*[）)]")
SUMMED_KINDS = ("amount", "bare")


def quarter_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """Each flow row of a table by quarter against its year: the table's own 全年 column, else the row of the
    same name in another table, in its one column of that year."""
    tables, doc = ctx.facts.tables, ctx.facts.document_context
    for table in tables:
        for side in table.sides:
            found = _quarter_columns(table, side, doc)
            if found is None:
                continue
            quarters, year = found
            whole = [c for c in side.columns if c.kind == "total" and _period(table, c, doc) in (year, None)]
            for row in side.rows:
                if NOT_FLOW.search(flatten(row.label)) or row.total:
                    continue
                parts = [table.quantity(row.index, c.index) for c in quarters]
                total = (
                    _year_cell(table, row, whole) if whole else _year_row(_rows_by_item(ctx), table, row, (year, doc))
                )
                f = _footing(ctx, total, parts)
                if f is None:
                    continue
                said = outcome(f, f"{table_name(table)}“{row.label}”四个季度之和与全年不符", "identity", NAME)
                # (the year's figure in another table: which of the five figures slipped, neither table says)
                yield said if whole else replace(said, fix=None, expected=None)


def _footing(ctx: CheckContext, total: Quantity | None, parts: list[Quantity | None]) -> Footing | None:
    if total is None or any(q is None or q.kind not in SUMMED_KINDS for q in parts):
        return None
    return evaluate_figures(ctx, total, list(parts))


def _period(table: Table, col: Column, doc: Context) -> str | None:
    """The column's period resolved against its table's (`+0-03` under 2024: `2024-03`), or the document's where
    the table's columns of several periods leave the table's own unknown."""
    outer = table.context if (table.context.period or "").isdigit() else doc
    return col.context.under(outer).period


def _quarter_columns(table: Table, side: Side, doc: Context) -> tuple[list[Column], str] | None:
    """The side's four quarter columns, in order, and their year; None unless they are there, once each."""
    cols = [c for c in side.columns if (_period(table, c, doc) or "").endswith(tuple(f"-{q}" for q in QUARTERS))]
    periods = [_period(table, c, doc) or "" for c in cols]
    years = {p.split("-")[0] for p in periods}
    if len(cols) != len(QUARTERS) or len(years) != 1:
        return None
    year = years.pop()
    if not year.isdigit() or periods != [f"{year}-{q}" for q in QUARTERS]:
        return None
    return cols, year


def _year_cell(table: Table, row: Row, whole: list[Column]) -> Quantity | None:
    return table.quantity(row.index, whole[0].index) if len(whole) == 1 else None


def _rows_by_item(ctx: CheckContext) -> dict[str, list[tuple[Table, Side, Row]]]:
    """Every table row by its item, in the document's order: found once per document, not every row of every
    table walked for each quarter row."""

    def build() -> dict[str, list[tuple[Table, Side, Row]]]:
        out: dict[str, list[tuple[Table, Side, Row]]] = {}
        for t in ctx.facts.tables:
            for side in t.sides:
                for r in side.rows:
                    out.setdefault(_named(r.label), []).append((t, side, r))
        return out

    return ctx.memo("quarters.rows-by-item", build)


def _named(label: str) -> str:
    """The item a row's label names, less the money unit it may close with: the quarters' table writes
    `营业收入` under its unit line where the year's table writes `营业收入（元）` (each cell keeps its own unit)."""
    return without_money_unit(item(label))


def _year_row(
    rows: dict[str, list[tuple[Table, Side, Row]]], own: Table, row: Row, when: tuple[str, Context]
) -> Quantity | None:
    """The year's figure of the row's name: the one row so named in the other tables, its one amount column of
    that year (`when`: the year, and the document's context periods are resolved against)."""
    year, doc = when
    hits = [hit for hit in rows.get(_named(row.label), []) if hit[0] is not own]
    if len(hits) != 1:
        return None
    t, side, r = hits[0]
    cols = [c for c in side.columns if c.kind == "amount" and _period(t, c, doc) == year]
    return t.quantity(r.index, cols[0].index) if len(cols) == 1 else None
