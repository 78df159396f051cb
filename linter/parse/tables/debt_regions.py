"""A debt balance table of one kind restated by the table of debt limits and balances by region.

A government's report gives each kind of its debt a balance table (`某省地方政府一般债务余额表`, debt_balance.py:
`一、2024年末地方政府一般债务余额实际数`, `二、2025年末地方政府一般债务余额限额`, `五、2025年末…余额预计执行数` …, one
figure a row), for the whole jurisdiction and for its own level (`某省本级地方政府一般债务余额表`), and a table of
limits and balances (`…债务限额和余额情况表（分地区）`, the standard `…债务限额及余额情况表`) whose rows are the whole
(`全省`), its own level (`省本级`) and the regions, and whose columns are, for each kind, the year-ends' balances and
the year's limit (`2024年末余额  2025年限额  2025年末余额` under a kind header, or `2025年债务限额` and
`2025年债务余额预计执行数` over their kinds). The whole's row and the own level's row restate the balance tables'
figures: the same stock, cell for cell.

A pair is read only where everything naming it is certain: the balance table's row names its kind, measure and year
(`YYYY年末…余额实际数`, `…余额限额`, `…余额预计执行数`), its title its scope (the whole, as the regions' table's title
names it, or the own level, `省本级` written in the title: a `市级` table may be of the 市级 group of several rows);
the document has one table of limits and balances, with exactly one row of that scope and exactly one column of that
kind, measure and year (an estimate is held to an estimate only). A column's kind is the kind word of its header, else
the kind header it stands under: where the header over a group is printed over one of its columns only, the columns
are cut into blocks repeating the same headers, one kind word in each.
"""

from __future__ import annotations

from dataclasses import dataclass

from tieout.linter.patterns import regex

from .cells import flatten
from .debt_balance import DEBT_KIND, DEBT_YEAR
from .debt_balance import TITLE as BALANCE_TITLE
from .identities import item
from .model import Column, Table

# the table of limits and balances, by region (`…（分地区）`) or with the regions as its rows (the standard
# `地方政府债务限额及余额情况表`)
REGIONS_TITLE = regex(r"债务限额(?:和|及)余额")
# a balance table's row (its enumeration removed) the regions' table restates: a year-end's actual balance, the limit
# on it, or its estimate (预计执行数, held to an estimate only); the template's rows of them (debt_balance.ROWS) but
# for the 末 its year may go without here
BALANCE_ROW = regex(rf"^{DEBT_YEAR}末?地方政府{DEBT_KIND}债务余额(?P<measure>实际数|限额|预计执行数)$")
# a regions' table's column header, its kind word removed: a year-end's balance (or its estimate) or the year's limit
REGIONS_COLUMN = regex(
    r"^(?P<year>(?:19|20)\d{2})年(?:末|底)?(?:债务)?(?P<measure>余额|限额)(?P<estimate>预计执行数)?$"
)
KIND_WORD = regex(r"(?P<kind>一般|专项)债务")
MEASURES = {"实际数": "余额", "限额": "限额", "预计执行数": "余额预计执行数"}


@dataclass(frozen=True)
class Restated:
    """A cell of a balance table and the cell of the regions' table that states the same stock."""

    name: str
    balance: tuple[Table, int, int]
    regions: tuple[Table, int, int]


def debt_restatements(tables: list[Table]) -> list[Restated]:
    """Every balance-table cell the regions' table restates, each pair found once and with certainty."""
    regions = [t for t in tables if REGIONS_TITLE.search(flatten(t.title or ""))]
    if len(regions) != 1 or len(regions[0].sides) != 1:
        return []
    by_region = regions[0]
    columns = _kinded_columns(by_region.sides[0].columns)
    out: list[Restated] = []
    for table in tables:
        title = BALANCE_TITLE.search(flatten(table.title or ""))
        if title is None or table.unit != by_region.unit:
            continue
        row = _scope_row(by_region, table)
        if row is not None:
            out += _pairs(table, title["kind"], (by_region, row), columns)
    return out


def _scope_row(by_region: Table, balance: Table) -> int | None:
    """The regions' table's row of the balance table's scope: the whole (its title names the government alone)
    or the own level (`省本级`); None unless exactly one row has that label."""
    if balance.whole:
        scope = balance.whole if balance.whole == by_region.whole else ""
    else:
        scope = balance.context.scope or ""
        scope = scope if scope.endswith("本级") and scope in flatten(balance.title) else ""
    if not scope:
        return None
    rows = [r.index for r in by_region.sides[0].rows if flatten(r.label) == scope]
    return rows[0] if len(rows) == 1 else None


def _pairs(
    balance: Table, kind: str, region_row: tuple[Table, int], columns: dict[tuple[str, str, str], int]
) -> list[Restated]:
    by_region, row = region_row
    out = []
    for side in balance.sides:
        for r in side.rows:
            m = BALANCE_ROW.match(item(r.label))
            if m is None or m["kind"] != kind:
                continue
            filled = [c.index for c in side.columns if balance.quantity(r.index, c.index) is not None]
            col = columns.get((kind, MEASURES[m["measure"]], m["year"]))
            if len(filled) == 1 and col is not None and by_region.quantity(row, col) is not None:
                name = f"{m['year']}年末{kind}债务{MEASURES[m['measure']]}：余额表与限额余额表"
                out.append(Restated(name, (balance, r.index, filled[0]), (by_region, row, col)))
    return out


def _kinded_columns(columns: list[Column]) -> dict[tuple[str, str, str], int]:
    """(kind, measure, year) → the one column of the regions' table stating it (columns named twice left out)."""
    kinds = _column_kinds(columns)
    found: dict[tuple[str, str, str], list[int]] = {}
    for col, kind in zip(columns, kinds, strict=True):
        m = REGIONS_COLUMN.match(_bare(col))
        if kind and m:
            found.setdefault((kind, m["measure"] + (m["estimate"] or ""), m["year"]), []).append(col.index)
    return {key: cols[0] for key, cols in found.items() if len(cols) == 1}


def _bare(col: Column) -> str:
    """A column's header without its kind words: what repeats from one kind's block to the next."""
    return KIND_WORD.sub("", "".join(p for p in col.path if p))


def _column_kinds(columns: list[Column]) -> list[str]:
    """Each column's debt kind: the kind word of its own header, else of its block's (the columns cut into equal
    blocks repeating the same bare headers, one kind word in each block); "" where that is not certain."""
    words = [{m["kind"] for m in KIND_WORD.finditer("".join(c.path))} for c in columns]
    own = [next(iter(w)) if len(w) == 1 else "" for w in words]
    blocked = _block_kinds(columns, words)
    return [k or b for k, b in zip(own, blocked, strict=True)]


def _block_kinds(columns: list[Column], words: list[set[str]]) -> list[str]:
    """The kinds of columns cut into equal blocks repeating the same bare headers, one kind word in each block
    (the header over a block printed over one of its columns); all "" where the columns are not so."""
    named = [w for w in words if w]
    blocks = len(named)
    if blocks < 2 or len(columns) % blocks or any(len(w) != 1 for w in named):
        return [""] * len(columns)
    size = len(columns) // blocks
    chunks = [list(range(i, i + size)) for i in range(0, len(columns), size)]
    bare = [[_bare(columns[i]) for i in chunk] for chunk in chunks]
    kinds_of = [[next(iter(words[i])) for i in chunk if words[i]] for chunk in chunks]
    if any(b != bare[0] for b in bare) or any(len(k) != 1 for k in kinds_of) or len({k[0] for k in kinds_of}) < blocks:
        return [""] * len(columns)
    return [kinds_of[i // size][0] for i in range(len(columns))]
