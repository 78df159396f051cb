"""Two-sided tables of plain-text reports laid out with spaces: the 收入 side on the left, the 支出 side on the
right, each a label and its figures, on the same lines:

    收入                  预算数        支出                  预算数
    本级收入              187628.28     一般公共预算支出      784017.77
    上年结转              19762.48
    收入总计              828234.82     支出总计              828234.82

A line of a label, figures, a second label and its figures is such a row; a run of lines of two or more of
them (rows of one side alone among them: the side whose labels' column their label starts at) under a header
that names both sides' label columns (`收入 … 支出`, `项目 … 项目`) is read as two side-by-side tables, each
side's figures in the columns their right edges give (as a one-sided table's, aligned.py). The labels'
indentation is not read (no tree by it): a side's rows are a list, or a tree by their enumeration.
Precision first: a run whose rows do not all fall clearly into one side and its columns is not read.
"""

from __future__ import annotations

import re
from itertools import accumulate

from tieout.linter.patterns import regex
from tieout.linter.text.model import Document

from .aligned import (
    ABOVE_HEADER,
    CAPTION_LINE,
    CELL_TOKEN,
    MAX_GAP,
    MAX_HEADER,
    PAGE_MARK,
    UNKNOWN,
    Aligned,
    Layout,
    Metric,
    Parsed,
    _assign,
    _body_row,
    _data,
    _header_row,
    _labels_end,
    _layout,
    _Line,
    _Mapper,
    chars,
    width,
)
from .blocks import Block
from .cells import Cell

# a side's label column named in the header: 收入 / 支出, 项目 / 科目 (收入项目, 预算科目, 科目名称); not 指标 (two
# columns of indicators' names are no two sides)
SIDE_NAME = regex(r"^(?:收入|支出|(?:收入|支出|预算|功能分类)?(?:项目|科目)(?:名称)?)$")
SIDE_GAP = 4  # display columns a row's label may start left of its side's label column


def find_two_sided(doc: Document, taken: list[Aligned]) -> list[Aligned]:
    """The two-sided space-aligned tables of a plain-text report, outside the one-sided tables `taken`."""
    if not doc.path.endswith((".txt", ".text", ".md", ".markdown")) or "收" not in doc.original:
        return []
    lines = doc.original.split("\n")
    used: set[int] = set()
    for t in taken:
        used.update(range(t.first_line, t.last_line + 1))
    pairs = {j: p for j, ln in enumerate(lines) if j not in used and (p := _pair(ln)) is not None}
    if len(pairs) < 2:
        return []
    starts = list(accumulate((len(ln) + 1 for ln in lines), initial=0))
    mapper = _Mapper(doc)
    out: list[Aligned] = []
    done = -1
    for j in sorted(pairs):
        if j <= done:
            continue
        run = _run(lines, j, pairs, used)
        done = run[-1]
        found = _table(lines, starts, run, pairs, mapper)
        if found is not None:
            out.append(found)
    return out


def _pair(line: str) -> tuple[Parsed, Parsed] | None:
    """A line of two sides: a label and its figures, then another label and its figures; each side as
    `_data` reads a row (offsets in the line, the right side's label indented to where it stands)."""
    if "，" in line or "。" in line or "；" in line:
        return None
    cells = list(CELL_TOKEN.finditer(line))
    if len(cells) < 2:
        return None
    # the second label: the text between two figures (every other word from the first figure on is a cell)
    for a, b in zip(cells, cells[1:]):
        between = line[a.end() : b.start()]
        if between.strip():
            cut = a.end() + len(between) - len(between.lstrip())
            left, right = _data(line[:cut]), _data(" " * cut + line[cut:])
            return (left, right) if left is not None and right is not None else None
    return None


def _run(lines: list[str], j: int, pairs: dict[int, tuple[Parsed, Parsed]], used: set[int]) -> list[int]:
    """The lines of rows from line j on: two-sided rows and rows of one side, blank lines between allowed."""
    run = [j]
    k = j + 1
    gap = 0
    while k < len(lines) and k not in used:
        if not lines[k].strip():
            gap += 1
            if gap > MAX_GAP:
                break
        elif k in pairs or _data(lines[k]) is not None:
            run.append(k)
            gap = 0
        else:
            break
        k += 1
    return run


def _header(lines: list[str], first: int) -> list[int] | None:
    """The header lines above the first row (a blank line between allowed); None unless one of them names
    both sides' label columns."""
    j = first - 1
    while j >= 0 and not lines[j].strip() and first - j <= MAX_GAP:
        j -= 1
    header: list[int] = []
    while j >= 0 and len(header) < MAX_HEADER and lines[j].strip():
        s = lines[j].strip()
        if CAPTION_LINE.search(s) or ABOVE_HEADER.search(s) or PAGE_MARK.match(s) or _data(lines[j]) is not None:
            break
        header.insert(0, j)
        j -= 1
    if not any(len(_side_names(lines[h])) == 2 for h in header):
        return None
    return header


def _side_names(line: str) -> list[str]:
    """The words of a header line that name a side's label column (`收入`, `支出`, `项目`, `预算科目`); a name
    spaced out (`项   目`, `收   入`) is its characters one by one, joined here."""
    words: list[str] = []
    single = False  # the last word is a run of single characters
    for w in line.split():
        if len(w) == 1 and single:
            words[-1] += w
        else:
            words.append(w)
        single = len(w) == 1
    return [w for w in words if SIDE_NAME.match(w)]


def _table(
    lines: list[str], starts: list[int], run: list[int], pairs: dict[int, tuple[Parsed, Parsed]], mapper: _Mapper
) -> Aligned | None:
    """The two-sided table of a run of rows, or None (too few two-sided rows, no header naming both sides,
    a row that falls into neither side, figures that do not fall clearly into columns)."""
    two = [j for j in run if j in pairs]
    if len(two) < 2:
        return None
    header = _header(lines, run[0])
    if header is None:
        return None
    split = _split(lines, two, pairs)
    if split is None:
        return None
    metric, cut = split
    sides: list[list[_Line]] = [[], []]
    for j in run:
        parts = pairs[j] if j in pairs else _one_side(lines[j], metric, cut)
        if parts == (None, None):
            return None  # a row of neither side
        for s, p in enumerate(parts):
            if p is not None:
                label, _indent, figs, at = p
                sides[s].append(_Line(j, label, UNKNOWN, figs, starts[j] + at))
    if any(len(side) < 2 for side in sides):
        return None
    return _grid(lines, starts, header, run, sides, metric, cut, mapper)


def _split(lines: list[str], two: list[int], pairs: dict[int, tuple[Parsed, Parsed]]) -> tuple[Metric, int] | None:
    """The metric the right side's labels agree in (display width or characters) and the column they start
    at (their leftmost); None when they do not start at about one column in either."""
    best: tuple[int, Metric, int] | None = None
    for metric in (width, chars):
        at = sorted(metric(lines[j][: pairs[j][1][3]]) for j in two)  # type: ignore[index]
        spread = at[-1] - at[0]
        if best is None or spread < best[0]:
            best = (spread, metric, at[0])
    assert best is not None
    return None if best[0] > 2 * SIDE_GAP else (best[1], best[2])


def _one_side(line: str, metric: Metric, cut: int) -> tuple[Parsed, Parsed]:
    """A row of one side: the right one when its label starts at the right labels' column, else the left one
    (then its figures all end before that column); (None, None) for a line that fits neither."""
    p = _data(line)
    if p is None:
        return None, None  # (a two-sided row: read by _pair)
    at = metric(line[: p[3]])
    if at >= cut - SIDE_GAP:
        return None, p
    if metric(line[: p[2][-1].end()]) >= cut:
        return None, None
    return p, None


def _grid(
    lines: list[str],
    starts: list[int],
    header: list[int],
    run: list[int],
    sides: list[list[_Line]],
    metric: Metric,
    cut: int,
    mapper: _Mapper,
) -> Aligned | None:
    """The grid of the two sides, the right one's columns after the left one's: a header row, then a row for
    each line of the run (a side it leaves blank: blank cells)."""
    at_row = {j: r for r, j in enumerate(run, start=1)}
    grid: list[list[Cell | None]] = [[] for _ in range(len(run) + 1)]
    base = 0
    for s, rows in enumerate(sides):
        layout = _layout(lines, rows, side=True)
        if layout is None:
            return None
        k = len(layout.cols)
        placed = _place(lines, starts, rows, layout, at_row, mapper)
        if placed is None:
            return None
        head = _side_header(lines, starts, header, rows, layout, metric, cut, s, mapper)
        for c in head:
            c.col += base
        grid[0] += head
        for r in range(1, len(grid)):
            cells = placed.get(r)
            if cells is None:
                at = grid[r][-1].end if grid[r] else starts[run[r - 1]]  # type: ignore[union-attr]
                cells = [Cell("", at, at, r, c) for c in range(k + 1)]
            for c in cells:
                c.col += base
            grid[r] += cells
        base += k + 1
    full: list[list[Cell]] = grid  # type: ignore[assignment]
    block = Block(full, start=full[1][0].start, end=max(c.end for c in full[-1]))
    top = header[0] - 1
    caption = [lines[k].strip() for k in range(max(0, top - 2), top + 1) if lines[k].strip()]
    block.caption = list(reversed(caption))
    found = Aligned(block, [-1] + [UNKNOWN] * len(run), first_line=run[0], last_line=run[-1])
    found.columns = len(full[0]) - 1
    found.names = tuple(c.text for c in full[0][1:])
    return found


def _place(
    lines: list[str], starts: list[int], rows: list[_Line], layout: Layout, at_row: dict[int, int], mapper: _Mapper
) -> dict[int, list[Cell]] | None:
    """A side's rows as grid cells (its label, then its columns), by grid row; None unless every figure falls
    clearly into a column."""
    k = len(layout.cols)
    out: dict[int, list[Cell]] = {}
    for row in rows:
        if len(row.figs) == k:
            slots: list[int] | None = list(range(k))
        else:
            slots = _assign(lines[row.line], row.figs, layout.cols, layout.shapes, layout.metric)
        if slots is None:
            return None
        cells = _body_row(row, starts[row.line], slots, k, mapper, at_row[row.line])
        if cells is None:
            return None
        out[at_row[row.line]] = cells
    return out


def _side_header(
    lines: list[str],
    starts: list[int],
    header: list[int],
    rows: list[_Line],
    layout: Layout,
    metric: Metric,
    cut: int,
    s: int,
    mapper: _Mapper,
) -> list[Cell]:
    """A side's header cells: the names over its columns (each header line cut where the right side's words
    begin: the left side's words alone, or the right side's in their place)."""
    own = list(lines)
    for h in header:
        line = lines[h]
        x = next(
            (m.start() for m in re.finditer(r"\S+", line) if metric(line[: m.start()]) >= cut - SIDE_GAP), len(line)
        )
        own[h] = line[:x] if s == 0 else " " * layout.metric(line[:x]) + line[x:]
    cells = _header_row(own, starts, header, layout.cols, mapper, layout.metric, _labels_end(own, rows, layout.metric))
    first = (
        cells[0].start
        if s == 0
        else mapper.norm(starts[header[0]] + len(lines[header[0]]) - len(lines[header[0]].lstrip())) or 0
    )
    for c in cells:
        c.start = c.end = first
    return cells
