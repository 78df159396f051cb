"""Rows of a coded table whose blank cells were dropped from the text, not written as a dash or 0.00 (the
text layer of a PDF table, where an empty cell leaves nothing behind):

    科目编码 科目名称 合计 基本支出 项目支出
    合计 5210.40 3105.20 2105.20
    207 文化旅游体育与传媒支出 4020.60 1915.40 2105.20
    20701 文化和旅游 4020.60 1915.40 2105.20
    2070101 行政运行 1915.40 1915.40
    2070109 群众文化 2105.20 2105.20
    208 社会保障和就业支出 1189.80 1189.80

A row of two figures in such a table says nothing of its columns by where they stand (the cells are set one
space apart). Its columns are certain only in one shape: the header names a 合计 column first and its parts
after it, and the row's two figures are equal: the first is the row's 合计 and the second the one part it is
made of, the other parts blank. Which part is decided by the code tree: a row's children that fill their
parts (written 0.00 where nothing), or the parent's parts less its other children's, which the rows of one
part alone must make up in exactly one way. A row of more figures than two but fewer than the columns is read
so too when its parts add up to its 合计 (`205 教育支出 9310.50 8120.30 1190.20` under 合计 and four sources):
its parts stand in the columns' order, which of them the tree decides as it does one part. A row whose figures
fit no such reading, or whose parts no tree decides, leaves the table unread (precision first: a column is
never guessed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from itertools import combinations, product
from math import prod

from tieout.linter.patterns import lazy

from .vocab import role_of, total_kind

# a classification code opening a row (类 3 digits, 款 5, 项 7) and the name after it; or the code written in
# the template's separate 类 / 款 / 项 columns, its parts a space apart (`208 02 01 行政运行`, joined: 2080201)
ROW_CODE = lazy(r"^\s*(\d{3}|\d{5}|\d{7}|[1-5]\d{2}(?:\s\d{2}){1,2})\s+(?=[\u4e00-\u9fff])")
# the parts of the classification code, in order, as the template names its three code columns
CODE_PARTS = ["类", "款", "项"]
MAX_TRIES = 4096  # placings tried for the one-part rows under one parent (each has as many as there are parts)


@dataclass
class _Row:
    """A row as this reading needs it: its code (None for the 合计 row), its figures, and its place."""

    code: str | None
    values: list[Decimal]
    decimals: int
    parent: int | None = None
    # the part columns (1-based among the figure columns, in order) of a row that leaves some blank
    parts: tuple[int, ...] | None = None
    children: list[int] = field(default_factory=list)


def header_names(line: str) -> list[str]:
    """The column names of a header line whose words are one space apart: its words after the code and label
    column names (`科目编码 科目名称 合计 基本支出 项目支出` → 合计 基本支出 项目支出). The code's column may be
    the template's three, named by the code's parts under a 科目编码 line above (`类 款 项 科目名称 合计 …`):
    those parts name no column of figures either."""
    words = line.split()
    while words:
        parts = next((n for n in (3, 2) if words[:n] == CODE_PARTS[:n]), 0)
        if parts == 0 and (words[0].endswith(("编码", "代码", "名称")) or words[0] in ("项目", "科目")):
            parts = 1
        if parts == 0:
            break
        words = words[parts:]
    return words


def total_and_parts(names: list[str]) -> bool:
    """Do the names say the first column of figures is the sum of the others (合计 基本支出 项目支出)?"""
    if len(names) < 3:
        return False
    first = role_of(names[0])
    if first is None or first.kind != "total":
        return False
    return all((r := role_of(n)) is not None and r.kind == "amount" for n in names[1:])


def grouped_header(upper: str, lower: str, k: int) -> tuple[list[str], int, str] | None:
    """A two-line header whose upper line's last heading spans the lower line's 合计 and parts, the columns
    before them of another figure each (`2024年预算数 2025年预算数` over `合计 基本支出 项目支出`): the k
    columns' names, how many lead columns stand before the 合计, and the spanning heading; None for any other
    shape (which column a lower name stands under is then not known)."""
    top, below = header_names(upper), header_names(lower)
    lead = len(top) - 1
    if lead < 1 or lead + len(below) != k or not total_and_parts(below):
        return None
    if any((r := role_of(n)) is None or r.kind != "amount" for n in top):
        return None  # (each lead column a figure of its own, 上年预算数, and the group's heading one too)
    return top[:-1] + below, lead, top[-1]


def place_after(labels: list[str], figures: list[list[str]], k: int, lead: int) -> list[list[int]] | None:
    """`place` for a table whose first `lead` columns stand before the 合计 and its parts, every row filling
    them (上年预算数): the rest of each row is placed as a table of its own. None when a row leaves a lead
    column blank, or may (its figures after the lead would add up as a full row of the parts)."""
    rest = k - lead
    for figs in figures:
        if len(figs) < lead + 2 or len(figs) == rest and _adds_up(figs):
            return None
    placed = place(labels, [f[lead:] for f in figures], rest)
    if placed is None:
        return None
    return [list(range(lead)) + [lead + c for c in cols] for cols in placed]


def _adds_up(figs: list[str]) -> bool:
    """Is the first figure the sum of the others (a row that may be full, its lead cells blank)?"""
    values = _values(figs)
    return values is not None and values[0] == sum(values[1:])


def place(labels: list[str], figures: list[list[str]], k: int) -> list[list[int]] | None:
    """The columns (0-based among the k figure columns) of each row's figures, the first column the 合计 of
    the others; None unless every row's columns are certain."""
    rows = _rows(labels, figures, k)
    if rows is None or not _tree(rows):
        return None
    if not _crossfooting(rows, k):
        return None
    _from_children(rows, k)
    for p in range(len(rows)):
        if not _from_parent(rows, p, k):
            return None
    if any(len(r.values) < k and (r.parts is None or _split(rows, r, k)) for r in rows):
        return None
    return [list(range(k)) if len(r.values) == k else [0, *(r.parts or ())] for r in rows]


def _rows(labels: list[str], figures: list[list[str]], k: int) -> list[_Row] | None:
    """The rows with their codes and values; None when a row is neither full nor of one part (two figures)
    nor of parts that add up to its 合计, or has a label that is neither a code nor the table's 合计. A row of two unequal figures is of one part
    too, whose 合计 is not its part as written: whatever part it is, the row does not add up (its 合计, the
    first figure, is never the blank one), and where the tree places it the checks say so. One such row at
    most: more say the columns are not the 合计 and its parts."""
    out: list[_Row] = []
    unequal = 0
    for label, figs in zip(labels, figures):
        m = ROW_CODE.match(label)
        if m is None and total_kind(label) != "grand":
            return None
        values = _values(figs)
        if values is None or any(v < 0 for v in values):
            return None
        if not 2 <= len(values) <= k:
            return None
        if len(values) == 2 < k and values[0] != values[1]:
            unequal += 1
            if unequal > 1 or k < 3:
                return None
        decimals = max((len(f.split(".")[1]) if "." in f else 0) for f in figs)
        row = _Row("".join(m.group(1).split()) if m else None, values, decimals)
        if 2 < len(values) < k and abs(values[0] - sum(values[1:])) > _tolerance(row, len(values) - 1):
            return None  # (which of its figures stands blank-side of which, only parts that add up say)
        out.append(row)
    return out


def _split(rows: list[_Row], row: _Row, k: int) -> bool:
    """Does a row of some parts have a child of some parts outside its own (the two readings of the tree
    disagree)?"""
    own = set(row.parts or ())
    return any(len(rows[c].values) < k and not set(rows[c].parts or ()) <= own for c in row.children)


def _values(figs: list[str]) -> list[Decimal] | None:
    try:
        return [Decimal(f.replace(",", "")) for f in figs]
    except InvalidOperation:
        return None  # a dash: the row marks its blanks, it is read by where they stand


def _tree(rows: list[_Row]) -> bool:
    """Each row's parent: the nearest row above whose code its own extends; a 类 row's the 合计 row. False
    unless there is one 合计 row."""
    totals = [i for i, r in enumerate(rows) if r.code is None]
    if len(totals) != 1:
        return False
    for i, r in enumerate(rows):
        if r.code is None:
            continue
        for j in range(i - 1, -1, -1):
            c = rows[j].code
            if c is not None and len(c) < len(r.code) and r.code.startswith(c):
                r.parent = j
                break
        if r.parent is None and len(r.code) == 3:
            r.parent = totals[0]
        if r.parent is not None:
            rows[r.parent].children.append(i)
    return True


def _crossfooting(rows: list[_Row], k: int) -> bool:
    """Do the rows say the first column is the sum of the others: most full rows add up (a mistake in one does
    not undo the reading), or, the 合计 the one full row, every other row is of one part?"""
    full = [r for r in rows if len(r.values) == k]
    adds = sum(abs(r.values[0] - sum(r.values[1:])) <= _tolerance(r, k - 1) for r in full)
    if adds > 0 and adds * 2 > len(full):
        return True
    # (a table whose rows are all of one part but its 合计, `301 工资福利支出 1,976.90 1,976.90`, a 基本支出表 by 经济分类:
    # each row's two equal figures say its first is its 合计 and the other its one part, as the header names them,
    # and the one full row may be the one mistake)
    pairs = [r for r in rows if len(r.values) == 2 < k]
    return len(full) == 1 and len(pairs) >= MIN_PAIRS and all(r.values[0] == r.values[1] for r in pairs)


MIN_PAIRS = 3  # the rows of one part that say, with no full row adding up, that the first column totals the others


def _tolerance(row: _Row, terms: int) -> Decimal:
    """Half a unit of the last place for each figure summed: the rounding the figures may carry."""
    return Decimal(terms) * Decimal(1).scaleb(-row.decimals) / 2


def _from_children(rows: list[_Row], k: int) -> None:
    """A row of some parts over rows that fill theirs: its parts are the columns where those rows have a figure
    other than 0, when they are as many as its own (a row has its children in its own parts). Rows bottom up,
    so that a row takes its parts from a child decided before it."""
    for r in reversed(rows):
        if len(r.values) == k:
            continue
        found: set[int] = set()
        for c in r.children:
            child = rows[c]
            if len(child.values) == k:
                found |= {j for j in range(1, k) if child.values[j] != 0}
            elif child.parts is not None:
                found |= set(child.parts)
        if len(found) == len(r.values) - 1:
            r.parts = tuple(sorted(found))


def _from_parent(rows: list[_Row], p: int, k: int) -> bool:
    """The parts of a placed row's undecided children: each part column of the parent less its other
    children's must be made up by them in exactly one way (False when in none, or in several: the table is
    not read). Where no placing makes up every part column, the one placing that makes up all but one is
    taken: a figure of that column is wrong (the checks report it), the others say where the rows stand.
    A one-part row's own children take its part. A parent not placed yet leaves its children to the end's
    test (they are then not placed)."""
    parent = rows[p]
    if len(parent.values) != k and parent.parts is None:
        return True
    open_ = [c for c in parent.children if len(rows[c].values) != k and rows[c].parts is None]
    if not open_:
        return True
    # (a child stands in its parent's parts only, each of its own placings some of them in order)
    own = list(range(1, k)) if len(parent.values) == k else list(parent.parts or ())
    choices = [list(combinations(own, len(rows[c].values) - 1)) for c in open_]
    if prod(len(c) for c in choices) > MAX_TRIES:
        return False
    rest = [
        _part(parent, j, k) - sum(_part(rows[c], j, k) for c in parent.children if c not in open_) for j in range(k)
    ]
    fits = _fits(rows, (open_, choices), rest, parent, k, -1)
    if any(len(rows[c].values) == 2 and rows[c].values[0] != rows[c].values[1] for c in open_):
        # (a row that does not add up, counted by its part's figure or by its 合计: the one placing either way)
        fits = fits if fits == _fits(rows, (open_, choices), rest, parent, k, 0) else []
    if len(fits) != 1:
        return False
    for c, cols in zip(open_, fits[0]):
        _set_parts(rows, c, cols)
    return True


Placing = tuple[tuple[int, ...], ...]  # each open row's part columns


def _fits(
    rows: list[_Row],
    open_: tuple[list[int], list[list[tuple[int, ...]]]],
    rest: list[Decimal],
    parent: _Row,
    k: int,
    pick: int,
) -> list[Placing]:
    """The placings of the open rows (with each one's choices of part columns) that make up every part column,
    or else those that make up all but one; a one-part row counted by its figure `pick` (its part's, -1, or its
    合计's, 0: the same but in a row that does not add up)."""
    misses: dict[int, list[Placing]] = {}
    for combo in product(*open_[1]):
        misses.setdefault(_misses(rows, (open_[0], combo), rest, parent, k, pick), []).append(combo)
    return misses.get(0) or (misses.get(1, []) if k > 2 else [])


def _part(row: _Row, j: int, k: int) -> Decimal:
    """A decided row's figure in column j (a row of some parts: its figures in its parts and in the 合计
    only)."""
    if len(row.values) == k:
        return row.values[j]
    if j == 0:
        return row.values[0]
    parts = row.parts or ()
    return row.values[1 + parts.index(j)] if j in parts else Decimal(0)


def _misses(
    rows: list[_Row], placing: tuple[list[int], Placing], rest: list[Decimal], parent: _Row, k: int, pick: int
) -> int:
    """The part columns the placing of the open rows does not make up (a one-part row counted by its figure
    `pick`)."""
    terms = len(parent.children)
    out = 0
    for j in range(1, k):
        made = sum((_figure(rows[c], cols, j, pick) for c, cols in zip(*placing)), Decimal(0))
        out += abs(rest[j] - made) > _tolerance(parent, terms + 1)
    return out


def _figure(row: _Row, cols: tuple[int, ...], j: int, pick: int) -> Decimal:
    """An open row's figure in part column j under the part columns `cols` (a one-part row's by `pick`)."""
    if j not in cols:
        return Decimal(0)
    return row.values[pick] if len(cols) == 1 else row.values[1 + cols.index(j)]


def _set_parts(rows: list[_Row], i: int, cols: tuple[int, ...]) -> None:
    """A row's part columns, and its one-part descendants' under a one-part row (the same: the row has nothing
    in the others)."""
    rows[i].parts = cols
    if len(cols) != 1:
        return
    for c in rows[i].children:
        if len(rows[c].values) == 2 and rows[c].parts is None:
            _set_parts(rows, c, cols)
