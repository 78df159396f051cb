"""The standard table of a government's debt balance of one kind (`地方政府一般债务余额情况表`, `…专项债务余额表`), as
the text layer of its PDF gives it: a row a line, blank lines between them, one figure a row, under a header of two
columns (`项目  预算数  执行数` or `…  决算数`):

    一、2024年末地方政府一般债务余额实际数                     1,210.40
    二、2025年末地方政府一般债务余额限额           1,388.20
    三、2025年地方政府一般债务发行额                           312.55
      中央转贷地方的国际金融组织和外国政府贷款                   1.25
      2025年地方政府一般债券发行额                             311.30
    四、2025年地方政府一般债务还本额                           140.12

No row fills both columns, and where a figure stands follows its label's length more than its column, so no layout
is read from the positions alone. The table is of a fixed template, though: the limits (余额限额, 新增限额, and the
deficit the new general debt funds, 赤字) are what the budget sets, in its 预算数 column, every other row is what was
done, in the other. A table is read so only where every row is one of the template's and the positions agree: every
budget figure ends left of every figure done.

Its relations are the template's: the year's issue is its two kinds, the loans of international organisations and
foreign governments the centre passes on and the bonds (where both are written right under it), and, in the final
accounts' form, the year-end balance is last year-end's with the year's issue added and its repayment and the debt
resolved otherwise (`采取其他方式化解`) taken off. The budget's form states an estimate of the year-end balance
(`预计执行数`) and no debt resolved otherwise: its roll-forward need not close, and is not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tieout.linter.patterns import regex

from .cells import flatten
from .model import Row, Side, Table
from .relations import Relation, row_item

# a row label's year and kind of debt (the regions' table reads its rows by them too: debt_regions.py)
DEBT_YEAR = r"(?P<year>(?:19|20)\d{2})年"
DEBT_KIND = r"(?P<kind>一般|专项)"
# the table's title, its kind of debt named (the regions' table reads a balance table's kind by it: debt_regions.py)
TITLE = regex(rf"地方政府{DEBT_KIND}债务余额(?:情况)?表")
# the header line, spaces removed: the rows' name and the two columns, the budget's first
HEADER = regex(r"^项目(?P<budget>预算数)(?P<done>执行数|决算数)$")

# each row of the template by what it is, its label (enumeration and spaces removed) matched whole
ROWS: dict[str, re.Pattern[str]] = {
    "balance": regex(rf"^{DEBT_YEAR}末地方政府{DEBT_KIND}债务余额实际数$"),
    "estimate": regex(rf"^{DEBT_YEAR}末地方政府{DEBT_KIND}债务余额预计执行数$"),
    "limit": regex(rf"^{DEBT_YEAR}末?地方政府{DEBT_KIND}债务余额限额$"),
    "new_limit": regex(rf"^{DEBT_YEAR}地方政府{DEBT_KIND}债务新增限额$"),
    "deficit": regex(rf"^{DEBT_YEAR}地方财政赤字$"),
    "issued": regex(rf"^{DEBT_YEAR}地方政府{DEBT_KIND}债务发行额$"),
    "loans": regex(r"^中央转贷地方的国际金融组织和外国政府贷款$"),
    "bonds": regex(rf"^{DEBT_YEAR}地方政府{DEBT_KIND}债券发行额$"),
    "repaid": regex(rf"^{DEBT_YEAR}地方政府{DEBT_KIND}债务还本额$"),
    "resolved": regex(rf"^{DEBT_YEAR}采取其他方式化解{DEBT_KIND}债务额$"),
}
BUDGETED = frozenset({"limit", "new_limit", "deficit"})  # rows whose figure is the budget's (its 预算数 column)
ISSUE_PARTS = frozenset({"loans", "bonds"})
ROLL_NAME = "债务余额表：年末余额 = 上年末余额 + 发行额 - 还本额 - 其他方式化解额"
ISSUE_NAME = "债务余额表：发行额 = 中央转贷地方的国际金融组织和外国政府贷款 + 债券发行额"


@dataclass(frozen=True)
class TemplateRow:
    """A row of the template: what it is, its year (None for the loans' row) and its kind of debt (一般/专项)."""

    what: str
    year: int | None
    kind: str | None


def header(line: str) -> re.Match[str] | None:
    """The header line of the table (`项   目   预算数   决算数`), its two columns' names."""
    return HEADER.match(flatten(line))


def template_row(label: str) -> TemplateRow | None:
    """What a row of the template is, by its label; None for a label of no row of it."""
    text = row_item(flatten(label))
    for what, rx in ROWS.items():
        found = rx.match(text)
        if found:
            named = found.groupdict()
            year = named.get("year")
            return TemplateRow(what, int(year) if year else None, named.get("kind"))
    return None


def template_rows(labels: list[str]) -> list[TemplateRow] | None:
    """What each row is, where every row is one of the template's and all are of one kind of debt; None otherwise
    (the layout read and the relations read ask the same of a table's rows)."""
    rows = [template_row(label) for label in labels]
    known = [r for r in rows if r is not None]
    if len(known) != len(rows) or len({r.kind for r in known if r.kind}) != 1:
        return None
    return known


def columns(labels: list[str]) -> list[int] | None:
    """The column of each row's figure (0 the budget's, 1 what was done), where every row is one of the template's
    and of one kind of debt; None otherwise."""
    rows = template_rows(labels)
    return None if rows is None else [0 if r.what in BUDGETED else 1 for r in rows]


def debt_balance_relations(table: Table) -> list[Relation]:
    """The template's relations in a table read as one (`TITLE`, every row one of the template's)."""
    if len(table.sides) != 1 or not TITLE.search(flatten(table.title)):
        return []
    side = table.sides[0]
    rows = template_rows([r.label for r in side.rows])
    if rows is None:
        return []
    return _issue_parts(table, side, rows) + _roll_forward(table, side, rows)


def _figure_column(table: Table, row: Row) -> int | None:
    """The grid column of the row's one figure."""
    found = [c for c in range(1, len(table.rows[row.index])) if table.quantity(row.index, c) is not None]
    return found[0] if len(found) == 1 else None


def _issue_parts(table: Table, side: Side, rows: list[TemplateRow]) -> list[Relation]:
    """The year's issue against its two kinds written right under it, of its year: the loans passed on and the
    bonds."""
    out: list[Relation] = []
    for k, r in enumerate(rows):
        if r.what != "issued" or k + 2 >= len(rows):
            continue
        under = rows[k + 1 : k + 3]
        after = rows[k + 3] if k + 3 < len(rows) else None
        if {u.what for u in under} != ISSUE_PARTS or any(u.year not in (None, r.year) for u in under):
            continue
        if after is not None and after.what in ISSUE_PARTS:
            continue
        out += _relation(table, side, k, [(k + 1, 1), (k + 2, 1)], ISSUE_NAME)
    return out


def _roll_forward(table: Table, side: Side, rows: list[TemplateRow]) -> list[Relation]:
    """The year-end balance, the last row, against last year-end's, the year's issue, repayment and debt resolved
    otherwise, each row of the template there once, of the years the balance's year says."""
    last = len(rows) - 1
    end = rows[last]
    if end.what != "balance" or end.year is None:
        return []
    wanted = {"balance": end.year - 1, "issued": end.year, "repaid": end.year, "resolved": end.year}
    signs = {"balance": 1, "issued": 1, "repaid": -1, "resolved": -1}
    parts: list[tuple[int, int]] = []
    for what, year in wanted.items():
        found = [k for k, r in enumerate(rows[:last]) if r.what == what]
        if len(found) != 1 or rows[found[0]].year != year:
            return []
        parts.append((found[0], signs[what]))
    return _relation(table, side, last, parts, ROLL_NAME)


def _relation(table: Table, side: Side, total: int, parts: list[tuple[int, int]], name: str) -> list[Relation]:
    """The identity between rows of the side (by their place in it) in the column their figures stand in, one for
    all of them."""
    cols = {_figure_column(table, side.rows[k]) for k in [total, *(p for p, _ in parts)]}
    if len(cols) != 1 or None in cols:
        return []
    (col,) = cols
    assert col is not None
    return [
        Relation(
            "identity",
            (side.rows[total].index, col),
            [(side.rows[k].index, col) for k, _ in parts],
            signs=[s for _, s in parts],
            where=name,
            name=name,
        )
    ]
