"""The tree of a table whose rows neither codes, numbers nor indentation place, read from its sums alone:

    | 项 目          | 预算数 | 调整预算数 | 执行数 |
    | 教育支出       | 4200   | 4300       | 4105   |
    | 教育管理事务   | 1200   | 1200       | 1130   |
    | 行政运行       | 700    | 700        | 655    |
    | 其他教育管理事务支出 | 500 | 500     | 475    |
    | 普通教育       | 3000   | 3100       | 2975   |
    …

A government's table of expenditure by function lists each 类 over its 款, each 款 over its 项, the names alone
saying which is which. Read from the bottom up, a row is the parent of the rows right under it (each with the
rows under it already read) that add up to it in the side's columns of amounts: exactly, in two columns at least
where the row states a figure, and in every column (the first such run, the shortest); or, where no run does, in
all columns but one, which one slipped digit (or two swapped) explains, the columns that hold stating two
different figures (a copied column, `预算数` as `调整预算数`, is no second witness), and no other run so nearly
adds up; or, where neither does, the one run of two rows or more that adds up within one unit of the last digit
in every column and exactly in one (`_rounded`: a 款 rounded to the 万元 from its own total, one unit off its 项 in
the budget columns copied from one another), no row of it over a single row or restating its neighbour. A run of
one row is read only where it adds up in every column. A total row (合计) or a row without figures ends the runs.
Read only where no row is coded or numbered, two amount columns or more hold figures of amounts (no rates), and
three parents or more of two rows or more are found: a table so summed is a tree.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from tieout.linter.figures.intervals import digit_slip

from .cells import Cell
from .model import Row

SUMMED_KINDS = ("amount", "bare", "count")  # the figures rows add up in (as the checks' SUMMED)
LEAST_COLUMNS = 2  # amount columns a side must have for its sums to place its rows
LEAST_WITNESSES = 2  # columns a run must add up in, exactly, where the row states a figure
LEAST_PARENTS = 3  # parents of two rows or more a side must show to be read as a tree
MOST_KIDS = 60  # rows under one parent looked at

Values = list[Decimal]


def summed_tree(grid: list[list[Cell]], rows: list[Row], figures: list[int]) -> bool:
    """Parents from the sums (module doc); True when the side is so read, else no row is given a parent."""
    if any(r.marker or r.code for r in rows):
        return False
    cols = _amount_columns(grid, rows, figures)
    if len(cols) < LEAST_COLUMNS:
        return False
    values = [_values(grid[r.index], cols) for r in rows]
    # what `_rounded` reads of each row's figures, read once per row: a row is tried in a run under each of the rows
    # above it (up to MOST_KIDS of them), and its figures' last digits were read again at every try
    read_once = [(v, [_exponent(x) for x in v], all(x >= 0 for x in v)) if v is not None else None for v in values]
    kids: dict[int, list[int]] = {}
    roots: list[int] = []  # the rows below the current one not yet placed under a parent, nearest first
    for i in range(len(rows) - 1, -1, -1):
        own = values[i]
        if rows[i].total or rows[i].bare or rows[i].unsure or own is None:
            roots = []  # (a total, a heading or a row of no figures ends the runs under the rows above it)
            continue
        below = [values[j] for j in roots[:MOST_KIDS]]
        read = (read_once[i], [read_once[j] for j in roots[:MOST_KIDS]])
        k = _run(own, below, _growing(read[1])) or _rounded(read, [len(kids.get(j, ())) for j in roots[:MOST_KIDS]])  # type: ignore[arg-type]
        if k:
            kids[i] = roots[:k]
            roots = roots[k:]
        roots.insert(0, i)
    if sum(1 for ks in kids.values() if len(ks) >= 2) < LEAST_PARENTS:
        return False
    for i in range(len(rows)):  # top down: a parent's level is known before its rows'
        for j in kids.get(i, []):
            rows[j].parent, rows[j].level = i, rows[i].level + 1
    return True


def _amount_columns(grid: list[list[Cell]], rows: list[Row], figures: list[int]) -> list[int]:
    """The figure columns every figure of which is an amount (no rate, no percentage), with a figure in two rows or
    more."""
    out = []
    for c in figures:
        found = [q for r in rows if c < len(grid[r.index]) and (q := grid[r.index][c].quantity) is not None]
        if len(found) >= 2 and all(q.kind in SUMMED_KINDS and not q.approx for q in found):
            out.append(c)
    return out


def _values(row: list[Cell], cols: list[int]) -> Values | None:
    """The row's figures in the columns (a blank or a dash as nothing); None where a cell holds other words."""
    out = []
    for c in cols:
        cell = row[c] if c < len(row) else None
        if cell is None or cell.blank:
            out.append(Decimal(0))
        elif cell.quantity is None:
            return None
        else:
            out.append(cell.quantity.value)
    return out


def _run(own: Values, below: list[Values | None], growing: bool = False) -> int:
    """How many of the rows below (nearest first) the row is the sum of (module doc); 0 for none. `growing`: no
    figure below is negative."""
    if sum(1 for x in own if x != 0) < LEAST_WITNESSES:
        return 0  # (a witness is a column where the row states a figure: too few, and no run is witnessed)
    sums = [Decimal(0)] * len(own)
    slipped: list[int] = []
    for k, v in enumerate(below, start=1):
        if v is None:
            break
        sums = [s + x for s, x in zip(sums, v, strict=True)]
        if growing and _over_in_two(sums, own):
            # (the sums only grow: over the row in two columns, no longer run adds up to it, nor misses it in one
            # column only; the rows below the run were added to the row's up to MOST_KIDS of them)
            break
        held = [c for c in range(len(own)) if sums[c] == own[c]]
        witnesses = [c for c in held if own[c] != 0]
        if len(witnesses) < LEAST_WITNESSES:
            continue
        if len(held) == len(own):
            return k
        if k >= 2 and len(held) == len(own) - 1 and len({own[c] for c in witnesses}) >= LEAST_WITNESSES:
            miss = next(c for c in range(len(own)) if c not in held)
            if _slip(own[miss], sums[miss], [x[miss] for x in below[:k] if x is not None]):
                slipped.append(k)
    return slipped[0] if len(slipped) == 1 else 0


def _growing(below: list[_Figures | None]) -> bool:
    """Is no figure of the rows below negative (their sums only grow as a run grows)?"""
    return all(b[2] for b in below if b is not None)


def _over_in_two(sums: Values, own: Values) -> bool:
    """Are the sums over the row's figures in two columns or more?"""
    return sum(1 for s, x in zip(sums, own, strict=True) if s > x) >= 2


# a row's figures in the side's amount columns, with what `_rounded_runs` reads of them: each one's exponent of its
# last digit written (None for a zero), and whether none is below zero (a tuple: a class made at import, a dataclass
# most of all, costs every cold start more than it saves)
_Figures = tuple[Values, list[int | None], bool]


def _rounded(read: tuple[_Figures, list[_Figures | None]], kids: list[int]) -> int:
    """The one run of two rows or more that adds up to the row within a unit of its last digit in every column and
    exactly in one at least (a government's table rounds each 项 to the 万元 and each 款 from its own total: a 尾差
    of one unit, in the columns copied from one another, `预算数` as `调整预算数`); 0 where no run, or several, do.
    Two figures stated must witness it (a copied one is no second), and no row of the run may be a row over a single
    row, nor restate its neighbour in every column: one row restating the next may be its parent or its sibling,
    which the sums cannot tell, and a 尾差 would hide the difference."""
    own, below = read[0][0], [b[0] if b is not None else None for b in read[1]]
    found = _rounded_runs(read)
    if len(found) != 1:
        return 0
    run = below[: found[0]]
    if 1 in kids[: found[0]] or any(a == b for a, b in zip([own, *run], run)):
        return 0
    return found[0]


def _rounded_runs(read: tuple[_Figures, list[_Figures | None]]) -> list[int]:
    """The lengths of the runs of two rows or more below that add up to the row within a unit of their last digit in
    every column and exactly in one at least, the row witnessed by two figures stated (`_rounded`). `read`: the row's
    figures and those of the rows below, nearest first."""
    (own, own_exponents, _), below = read
    if len({x for x in own if x != 0}) < LEAST_WITNESSES:
        return []  # (the row's own figures witness every run or none: with too few, no run is found)
    sums = [Decimal(0)] * len(own)
    # (the last digit's exponent of each column's finest figure so far, the row's own and the run's, kept as the run
    # grows: worked out again over the whole run at each row, it made the reading quadratic in the rows below)
    finest = own_exponents
    # (with no figure below negative, a run's sums only grow and its unit only narrows as it grows: once over the row
    # by more than a unit, no longer run can fit)
    growing = _growing(below)
    found: list[int] = []
    for k, b in enumerate(below, start=1):
        if b is None:
            break
        values, exponents, _ = b
        sums, finest = _grown(sums, finest, values, exponents)
        units = [_unit_at(e) for e in finest]
        if growing and any(sums[c] - own[c] > units[c] for c in range(len(own))):
            break
        if k < 2:
            continue
        off = [abs(sums[c] - own[c]) for c in range(len(own))]
        if any(o > u for o, u in zip(off, units, strict=True)):
            continue
        exact = [c for c in range(len(own)) if off[c] == 0 and own[c] != 0]
        if exact:
            found.append(k)
    return found


def _grown(
    sums: Values, finest: list[int | None], values: Values, exponents: list[int | None]
) -> tuple[Values, list[int | None]]:
    """A run's sums and the exponents of each column's finest last digit, grown by a row of `values` whose last digits
    have `exponents` (headed.py grows its runs so too)."""
    return [s + x for s, x in zip(sums, values, strict=True)], [
        _finer(e, x) for e, x in zip(finest, exponents, strict=True)
    ]


@cache
def _unit_at(exponent: int | None) -> Decimal:
    """The unit of a last digit by its exponent (None: a column of zeros so far, a unit of 1), made once per
    exponent: a run asks it of every column at each row it grows by."""
    return Decimal(1).scaleb(0 if exponent is None else exponent)


def _exponent(value: Decimal) -> int | None:
    """The exponent of the figure's last digit written (`12.5`: -1); None for a zero, which has no precision to give."""
    return None if value == 0 else int(value.as_tuple().exponent)


def _finer(exponent: int | None, own: int | None) -> int | None:
    """The lower of two exponents of a last digit (None, a zero's, left out)."""
    if own is None:
        return exponent
    return own if exponent is None else min(exponent, own)


def _slip(total: Decimal, computed: Decimal, parts: list[Decimal]) -> bool:
    """Would one slipped digit of the total or of one part make the parts add up to it?"""
    if digit_slip(total, computed):
        return True
    return any(p != 0 and digit_slip(p, total - (computed - p)) for p in parts)
