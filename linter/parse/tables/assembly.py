"""A found space-aligned table made a `Block`: its layout (columns.py), names (column_names.py) and rows placed
cell by cell (`_build`, `_body_row`), with rows whose cells cannot be placed kept unknown and sums across
unplaced columns (`_across`).

Its own module because it is the one step that joins columns, names and rows into what build.py reads.
"""

from __future__ import annotations

from bisect import bisect_left

from .blocks import Block
from .cells import UNPLACED, Cell
from .column_names import _level_cells, _named_header, _numbering_row, _place_names, _total_heading
from .columns import _dash, _layout_of, _placed, _text_columns
from .groups import Tree
from .lineshapes import CODE_FIRST, UNKNOWN, WIDE_GAP, Layout, _Line, _Mapper
from .vocab import (
    words,
)
from .wrapped import joined_lines


def _tab_set(lines: list[str], header: list[int], rows: list[_Line]) -> bool:
    """Are cells of the header or the rows set apart by tabs (`项目⇥调整预算数⇥决算数`)? A tab has no width: the
    header words then stand over no particular figures (runs of rows with the same number of tabs are made
    rows of bars before; what is left, rows set a blank line apart or a header of fewer cells, cannot be
    placed), so the table is not read."""
    # (a line without a tab needs no strip: most tables have none)
    return any("\t" in lines[k] and "\t" in lines[k].lstrip(" \t\u3000") for k in (*header, *(r.line for r in rows)))


def _build(
    lines: list[str],
    starts: list[int],
    header: list[int],
    numbering: int | None,
    rows: list[_Line],
    mapper: _Mapper,
    given: Layout | None = None,
    headed: bool = False,
) -> tuple[Block, list[int], Layout | None] | None:
    """The grid of a table: its header row(s) and rows, each figure in its column; with each grid row's label
    indentation and the layout the figures were placed by (the table's own, or the one `given`, when the rows
    continue a table: then every figure must stand at the edge of its column). A table whose figures are not
    placed by where they stand may be one whose blank cells were dropped (dropped.py): then it has no layout
    (no page of it is joined by its columns)."""
    figured = [r for r in rows if r.figs]  # (not a group's heading, a row without figures)
    if not figured or _tab_set(lines, header, rows):
        return None
    layout, exact = (given, True) if given is not None else _layout_of(lines, header, figured)
    placed: list[list[int] | None] | None = _placed(lines, rows, layout, exact, headed) if layout is not None else None
    first: list[Cell] | None = None
    spans: list[tuple[int, int, str]] = []  # a dropped-cells table's column groups (grid columns)
    if given is None and not _every_row_placed(placed):
        # (a row not placed by where it stands: read as a table whose blank cells were dropped, or by each row's 合计
        # and its parts; a table placed but for rows whose figures follow one another, failing both, is read with
        # those rows' cells unknown)
        read = _dropped(lines, starts, header, rows, mapper)
        if read is not None:
            first, placed, layout, spans = read[0], list(read[1]), None, read[2]
        elif numbering is None and (across := _across(lines, starts, header, rows, mapper)):
            return across  # (not under a row of column formulas: there the columns are each named, not read so)
    if placed is None or numbering is not None and layout is None:
        return None
    off: list[Cell] = []
    grouped: Tree | None = None
    if first is None:
        assert layout is not None
        first, off, grouped = _named_header(lines, starts, header, figured, layout, mapper)
    grid: list[list[Cell]] = [first]
    if numbering is not None:
        assert layout is not None
        marks = _numbering_row(lines[numbering], starts[numbering], layout.cols, mapper, layout.metric)
        if marks is None:
            return None
        grid.append(marks)
    indents = _grid_rows(lines, starts, header, rows, placed, mapper, grid)
    if indents is None:
        return None
    block = Block(grid, start=grid[0][0].start, end=grid[-1][-1].end)
    block.off_header = {c.col for c in off}
    block.groups = spans
    block.blank_named = layout is not None and layout.by_headings
    if grouped is not None:
        block.groups = [(a + 1, b + 1, heading) for a, b, heading in grouped.groups]
    _place_names(block, lines, header, rows, layout, first)
    block.levels = _level_cells(lines, starts, header, rows, mapper, layout, numbering)
    block.measured = _measured(lines, header, figured)
    return block, indents, layout


def _every_row_placed(placed: list[list[int] | None] | None) -> bool:
    """Were the rows placed by where their figures stand, every one of them?"""
    return placed is not None and None not in placed


def _across(
    lines: list[str],
    starts: list[int],
    header: list[int],
    rows: list[_Line],
    mapper: _Mapper,
) -> tuple[Block, list[int], Layout | None] | None:
    """A table whose every row is a 合计 and its parts, the parts' blank cells dropped or the figures standing off
    the columns by more than `_assign` places (a PDF's wide table of transfers by place, seventeen columns of which
    each row fills a few): no figure but the first is placed in its column, but each row's first figure is its
    合计 and the others its parts, wherever they stand. Read so only where the header's first heading right of the
    labels is its one total word (`市县别  合计  返还性支出 …`), no heading names anything but a part (NOT_A_PART_HEADING,
    another total word), and every row writes its 合计 first: the grid holds the 合计 column, named, and each row's
    other figures in the columns after it in order (`Block.across`), which no heading names: no column of them is
    read, only each row's sum (relations.across_relations)."""
    if len(rows) < 3 or any(not r.figs or _dash(r.figs[0]) for r in rows):
        return None
    if all(len(r.figs) < 3 for r in rows) or any(f.group().endswith("%") for r in rows for f in r.figs):
        return None
    heading = _total_heading(lines, header)
    if heading is None:
        return None
    k = max(len(r.figs) for r in rows)
    h = header[0]
    first = mapper.norm(starts[h] + len(lines[h]) - len(lines[h].lstrip())) or 0
    grid: list[list[Cell]] = [[Cell("项目", first, first, 0, 0), Cell(heading[0], first, first, 0, 1)]]
    indents = [-1]
    for r in rows:
        row = _body_row(r, starts[r.line], list(range(len(r.figs))), k, mapper, len(grid))
        if row is None:
            return None
        grid.append(row)
        indents.append(r.indent)
    block = Block(grid, start=grid[0][0].start, end=grid[-1][-1].end)
    block.across = heading[1]
    return block, indents, None


def _measured(lines: list[str], header: list[int], rows: list[_Line]) -> bool:
    """Do the rows each name their unit in a column of words (`新增冷藏库容    万吨    18.5`) that a header word of
    units heads (`计量单位`, `单位`: unit_headers), set apart from the other headings by wide gaps?"""
    if not rows or _text_columns(rows) < 1:
        return False
    return any(w in words("unit_headers") for h in header for w in WIDE_GAP.split(lines[h].strip()))


def _grid_rows(
    lines: list[str],
    starts: list[int],
    header: list[int],
    rows: list[_Line],
    placed: list[list[int] | None],
    mapper: _Mapper,
    grid: list[list[Cell]],
) -> list[int] | None:
    """The rows added to the grid under its header rows, each figure in its column; the indentation of each
    grid row's label (-1 for the header rows); None when a figure cannot be placed in the text."""
    k = len(grid[0]) - 1
    indents = [-1] * len(grid)
    # `一级指标  二级指标  分值  得分`: two columns of names, the second's cells are no children of the first's
    # (a name spaced out, `项   目`, is one word of single characters)
    two_names = any(sum(len(w) >= 2 for w in WIDE_GAP.split(lines[h].strip())) - k >= 2 for h in header)
    for r, slots in zip(rows, placed):
        row = (
            _body_row(r, starts[r.line], slots, k, mapper, len(grid))
            if slots is not None
            else _unplaced_row(r, k, mapper, len(grid))
        )
        if row is None:
            return None
        grid.append(row)
        indents.append(UNKNOWN if two_names else r.indent)
    return indents


def _dropped(
    lines: list[str], starts: list[int], header: list[int], rows: list[_Line], mapper: _Mapper
) -> tuple[list[Cell], list[list[int]], list[tuple[int, int, str]]] | None:
    """The header row, each row's columns and the header's column groups of a coded table whose blank cells
    were dropped (dropped.py): the header names the 合计 column and its parts, with the columns before them
    (_dropped_names), as many as the fullest row has figures. Where rows by unit have no code tree to place the
    parts (`401003 某中心 1,030.19 715.10 207.69`), the table is its 合计 column alone."""
    from . import dropped

    k = max(len(r.figs) for r in rows)
    if any(not r.figs for r in rows):
        return None  # (group headings: not read so)
    read = _dropped_names(lines, header, k)
    if read is None:
        return None
    names, lead, heading = read
    labels, figures = [r.label for r in rows], [[f.group() for f in r.figs] for r in rows]
    placed = dropped.place_after(labels, figures, k, lead) if lead else dropped.place(labels, figures, k)
    if placed is None and not lead and not any(CODE_FIRST.match(r.label) for r in rows):
        # (rows by unit, no code tree to place their parts, `305001 某中心 1,030.19 715.10 207.69`: the table is
        # read by its 合计 alone, which every row writes first wherever any part of it is written; which part a
        # figure is, is not known. A coded table whose tree does not place them stays unread, as it was.)
        names, placed = names[:1], [[0] for _ in rows]
    if placed is None:
        return None
    h = header[0]
    first = mapper.norm(starts[h] + len(lines[h]) - len(lines[h].lstrip())) or 0
    cells = [Cell("项目", first, first, 0, 0)] + [Cell(n, first, first, 0, c + 1) for c, n in enumerate(names)]
    groups = [(lead + 1, k, heading)] if heading else []
    return cells, placed, groups


def _dropped_names(lines: list[str], header: list[int], k: int) -> tuple[list[str], int, str] | None:
    """The k column names of a dropped-cells table's header: one line naming the 合计 and its parts, or two
    lines whose upper one has lead columns before the heading over them (dropped.grouped_header); with the
    number of lead columns and that heading ("" none)."""
    from . import dropped

    named = [names for h in header if len(names := dropped.header_names(lines[h])) == k]
    if named:
        return (named[0], 0, "") if len(named) == 1 and dropped.total_and_parts(named[0]) else None
    two = [g for a, b in zip(header, header[1:]) if (g := dropped.grouped_header(lines[a], lines[b], k))]
    if two:
        return two[0] if len(two) == 1 else None
    # (a header whose names wrapped over its lines, the text of a PDF read without layout: joined by what the
    # words say, and read only as the 合计 and its parts)
    joined = joined_lines([lines[h] for h in header], k)
    return (joined, 0, "") if joined is not None and dropped.total_and_parts(joined) else None


def _label_cell(row: _Line, mapper: _Mapper, r: int) -> Cell | None:
    """The cell of a row's label in grid row r, at the label's place in the text; None where it has none there."""
    a = mapper.norm(row.label_at)
    return None if a is None else Cell("".join(row.label.split()), a, a + 1, r, 0)  # (flatten, inlined: every row)


def _body_row(row: _Line, base: int, slots: list[int], k: int, mapper: _Mapper, r: int) -> list[Cell] | None:
    label = _label_cell(row, mapper, r)
    if label is None:
        return None
    a = label.start
    cells = [label]
    placed: list[Cell | None] = [None] * k
    origin, n = mapper.origin, len(mapper.origin)
    prev, at = a, row.label_at  # the last offset placed (the label's, then each figure's) and its index
    if row.figs and base + row.figs[0].start() < at:
        # (the figures stand on the line above the label, `_label_below`: they are placed from their line's start)
        first = mapper.norm(base + row.figs[0].start())
        if first is None:
            return None
        prev, at = first - 1, base + row.figs[0].start() - 1
    for f, c in zip(row.figs, slots):
        # mapper.norm of the figure's first and last characters, inlined (two for every figure of every row),
        # the bisection of the offset array kept short: the first character is after the last one placed, and
        # no further from it than in the original (unless characters were inserted: then the offset there is
        # less than its own, and the search goes on to the end)
        x, y = f.span()
        x, y = base + x, base + y - 1
        g = min(n - 1, prev + x - at)
        s = bisect_left(origin, x, prev + 1, g + 1 if origin[g] >= x else n)
        # the figure's characters are one run of the text: its last one is where it is, if it is the first
        # to hold that offset (what bisect_left finds)
        e = s + y - x
        if not (e < n and origin[e] == y and (e == s or origin[e - 1] < y)):
            e = bisect_left(origin, y, s)
        if s >= n or origin[s] != x or e >= n or origin[e] != y:
            return None
        prev, at = s, x
        placed[c] = Cell(f.group(), s, e + 1, r, c + 1)
    for c, cell in enumerate(placed, start=1):
        cells.append(cell or Cell("", a, a, r, c))
    return cells


def _unplaced_row(row: _Line, k: int, mapper: _Mapper, r: int) -> list[Cell] | None:
    """The grid row of a row whose figures' columns are not known (`spaced_apart`): its label, and in each of the k
    columns a cell of no figure that is not blank either (UNPLACED), so that no relation of a column takes it for
    nothing nor a figure it is not (a blank would count as 0 in a 决算 table)."""
    label = _label_cell(row, mapper, r)
    if label is None:
        return None
    a = label.start
    return [label, *(Cell(UNPLACED, a, a, r, c) for c in range(1, k + 1))]
