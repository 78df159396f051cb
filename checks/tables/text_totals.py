"""The grand total a 部门决算's explanation states by its summary table's own name (文表一致, TO304):
`2024年度收入支出总计 A 万元` is the 总计 of 收入支出决算总表, `2024年度财政拨款收入支出总计 B 万元` the 总计 of
财政拨款收入支出决算总表 (the form's 说明 opens each of its first and fourth parts so).

No row of either table is named 收入支出总计: the table's two 总计 rows (收入 and 支出, equal when the table balances)
are that figure. It is read only where it is certain: the figure is of the document's year at the 决算 stage, of all
the department's funds or of its 财政拨款 as its words say, one table of the document bears that title, and the
table's two 总计 agree (where they do not, TO307 reports the table, and which side the prose restates is not known).
"""

from __future__ import annotations

from collections.abc import Iterator

from tieout.linter.facts.model import Mention
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.tables import Table
from tieout.linter.parse.tables.cells import flatten
from tieout.linter.patterns import regex
from tieout.linter.rules.base import CheckContext, Outcome

from .text import whole_outcome

# a figure named as the 总计 of a summary table's income and expenditure, the label ending with the words (the
# entity and the year before them); `财政拨款` right before names the 财政拨款 table
SUMMARY_TOTAL = regex(r"(?P<of>财政拨款)?收入支出(?:决算)?总计(?:为|是|共)?$")
# the summary tables' titles (spaces removed), and the word that names the 财政拨款 one
SUMMARY_TITLES = ("收入支出决算总表", "收支决算总表")
APPROPRIATED = "财政拨款"
# the fund a label of each table is of (facts' identity): all the department's funds, or its 财政拨款
FUND_OF = {"": "全部", APPROPRIATED: APPROPRIATED}


def summary_total_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """Each figure named `…收入支出总计` (or `…财政拨款收入支出总计`) against its summary table's 总计."""
    if "收入支出" not in ctx.doc.text or not ctx.facts.tables:
        return
    period = ctx.facts.document_context.period
    for m in ctx.facts.mentions:
        of = _summary_named(m, period)
        if of is None:
            continue
        table = _summary_table(ctx.facts.tables, of)
        q = m.quantities[0]
        cell = _balanced_total(table, q) if table is not None else None
        if table is not None and cell is not None:
            yield whole_outcome(ctx, q, cell, table)


def _summary_named(m: Mention, period: str | None) -> str | None:
    """Which summary table the mention's one exact sum names the 总计 of ("" all funds', 财政拨款), or None: a figure
    of another year or stage than the document's 决算, or of a fund its words do not say, is not its table's."""
    if len(m.quantities) != 1 or m.quantities[0].kind != "amount" or not m.quantities[0].exact:
        return None
    named = SUMMARY_TOTAL.search(m.label)
    context = m.identity.context
    if named is None or period is None or context.period != period or context.stage != "决算":
        return None
    of = named.group("of") or ""
    return of if context.fund == FUND_OF[of] else None


def _summary_table(tables: list[Table], of: str) -> Table | None:
    """The one table titled as the summary table of `of` (财政拨款's bears the word, the other does not)."""
    found = [
        t
        for t in tables
        if any(w in (title := flatten(t.title)) for w in SUMMARY_TITLES) and (APPROPRIATED in title) == bool(of)
    ]
    return found[0] if len(found) == 1 else None


def _balanced_total(table: Table, like: Quantity) -> Quantity | None:
    """The table's 总计, where each of its sides has one 总计 row whose first cell is a sum in the money of `like`,
    and the sides agree."""
    totals: list[Quantity] = []
    for side in table.sides:
        rows = [r for r in side.rows if r.total == "grand" and "总计" in r.label]
        cells = [table.quantity(rows[0].index, c.index) for c in side.columns[:1]] if len(rows) == 1 else []
        q = cells[0] if cells else None
        if q is None or q.kind != "amount" or not q.exact or q.base_unit != like.base_unit:
            return None
        totals.append(q)
    if len(totals) != 2 or totals[0].base_value != totals[1].base_value:
        return None
    return totals[0]
