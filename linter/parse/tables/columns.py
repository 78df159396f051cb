"""The columns of a space-aligned table found from runs of spaces: the right edges of its figures (in display
columns or in characters), the layout the complete rows agree on (`_layout_of`, with the header's ends where too
few rows are complete), and each row's figures placed in those columns (`_placed`, `spaced_apart`).

Its own module because placing figures by position is the one arithmetic on edges the reader does: every
decision that a figure belongs to a column, and the precision rules for it, are here.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from tieout.linter.patterns import regex

from .groups import Metric
from .lineshapes import (
    CELL_RUN,
    CODE_FIRST,
    HEADER_WORD,
    LABEL_HEADER,
    SERIAL_HEADER,
    SHIFT,
    WIDE_GAP,
    Layout,
    _Line,
    _rows_and_unit,
    chars,
    width,
)
from .vocab import (
    CODE_HEADER,
    column_heading,
    total_kind,
)


def _metric(complete: list[_Line], lines: list[str], k: int) -> tuple[Metric, list[list[int]]]:
    """Display width or characters: whichever puts more of the complete rows' figures exactly at their columns'
    commonest edges, then whichever makes the edges agree best; with the rows' edges under it (each row measured
    once per metric). (A row whose long label pushes its figures right is off in both: counted by the spread
    alone, its few wide columns could outweigh the many rows that agree in the other metric.)"""
    best: tuple[tuple[int, int], Metric, list[list[int]]] | None = None
    for metric in (width, chars):
        row_edges = [_edges(lines[r.line], r.figs, metric) for r in complete]
        spread = exact = 0
        for c in range(k):
            edges = sorted(map(itemgetter(c), row_edges))
            half = len(edges) // 2
            mid = edges[half]
            # (the distances to the median, summed in C: the edges below it are no greater, those from it on no
            # less)
            spread += sum(edges[half:]) - mid * (len(edges) - half) + mid * half - sum(edges[:half])
            exact += max(Counter(edges).values())  # (the commonest edge's count, counted in one pass)
        score = (-exact, spread)
        if best is None or score < best[0]:
            best = (score, metric, row_edges)
    assert best is not None
    return best[1], best[2]


END = re.Match.end  # where a figure ends (mapped over a row's figures in C)


def _edges(line: str, figs: list[re.Match[str]], metric: Metric = width) -> list[int]:
    """The column of each figure's right edge; both metrics add up, so the line is measured piece by piece,
    not from its start for every figure."""
    if figs and "\f" not in line:  # the usual line: measured in one or two pieces
        if metric is chars:
            return list(map(END, figs))
        first = figs[0].end()
        if metric is width and line[first : figs[-1].end()].isascii():  # no wide character among the figures
            head = width(line[:first])
            return [head + f.end() - first for f in figs]
    out: list[int] = []
    edge = done = 0
    for f in figs:
        edge += metric(line[done : f.end()].replace("\f", ""))
        done = f.end()
        out.append(edge)
    return out


FIGURE_ENDS = ",%"  # what a figure ends with besides a digit


def _dash(m: re.Match[str]) -> bool:
    # a cell of CELL_TOKEN or FIGURE is a dash cell (one or two dashes, DASH's) exactly when it ends in a dash,
    # a word written in place of a figure (`由盈转亏`, a slash) when it ends in another character: a figure ends
    # in a digit, `,` or `%`. Either is a cell without a figure, placed wherever it stands.
    last = m.group()[-1]
    return not (last.isdecimal() or last in FIGURE_ENDS)


def _shape(text: str) -> int:
    """A figure's decimals, as written."""
    return len(text.split(".")[1].rstrip("%")) if "." in text else 0


def _placed(
    lines: list[str], rows: list[_Line], layout: Layout, continued: bool, headed: bool = False
) -> list[list[int] | None] | None:
    """Each row's columns by where its figures stand; None when a row's are not clear (or, for rows that
    continue a table, when a figure stands off its column's edge: unless the row fills every column under the
    table's header repeated, `headed`). A row that leaves cells blank and sets its figures one after another
    (`spaced_apart`) is placed only where the decimals of its figures allow one placing (`_forced_by_shapes`); else
    it is not (None in the list): which of its columns are blank, its text does not say."""
    metric, cols = layout.metric, layout.cols
    k = len(cols)
    out: list[list[int] | None] = []
    for r in rows:
        if len(r.figs) > k:
            return None
        slots, by_place = _row_slots(lines[r.line], r.figs, layout)
        if not r.figs or not by_place:
            out.append(slots)  # a group's heading ([]), or a row placed by its decimals alone (None: not placed)
            continue
        loose = headed and len(r.figs) == k
        if slots is None or continued and not loose and not _at_edges(lines[r.line], r.figs, slots, cols, metric):
            return None
        out.append(slots)
    return out


def _row_slots(line: str, figs: list[re.Match[str]], layout: Layout) -> tuple[list[int] | None, bool]:
    """The columns a row's figures fill (None where that is not clear), and whether where they stand says so: a
    row filling every column (or none) fills them in order; a row leaving cells blank whose figures are spaced apart,
    by where each stands (`_assign`). One whose figures follow one another leaves blank cells the text does not
    place: only the way its figures are written may, the one placing their decimals allow (`_forced_by_shapes`,
    False with it; None where they allow none or several: the row is not placed)."""
    k = len(layout.cols)
    if len(figs) in (0, k):
        return list(range(len(figs))), True
    if not spaced_apart(line, figs):
        return _forced_by_shapes(figs, layout.shapes), False
    return _assign(line, figs, layout.cols, layout.shapes, layout.metric), True


def _forced_by_shapes(figs: list[re.Match[str]], shapes: list[set[int]]) -> list[int] | None:
    """The one placing of a row's figures, in order, each in a column whose figures are written with its decimals
    (`shapes`, of the rows filling every column; a dash, or a column of none, fits any): three whole amounts under
    three columns of whole amounts and two of rates written `99.82` go under the amounts, wherever they stand.
    None where no placing fits, or more than one."""
    decimals = _decimals(figs)
    k = len(shapes)
    fits = [[d is None or not shapes[c] or d in shapes[c] for c in range(k)] for d in decimals]
    # ways[i][c]: the placings of figures i… in columns c… (counted up to two: more decide nothing more)
    ways = [[0] * (k + 1) for _ in range(len(figs) + 1)]
    ways[len(figs)] = [1] * (k + 1)
    for i in range(len(figs) - 1, -1, -1):
        for c in range(k - 1, -1, -1):
            ways[i][c] = min(2, ways[i][c + 1] + (ways[i + 1][c + 1] if fits[i][c] else 0))
    if ways[0][0] != 1:
        return None
    out: list[int] = []
    c = 0
    for i in range(len(figs)):
        while not (fits[i][c] and ways[i + 1][c + 1] == 1):
            c += 1
        out.append(c)
        c += 1
    return out


# display columns of space between two cells that a text set without columns never leaves: a PDF's text read
# without its layout sets a row's cells one or two spaces apart, whatever their columns
SET_APART = 3


def spaced_apart(line: str, figs: list[re.Match[str]]) -> bool:
    """Does a row that leaves cells blank stand laid out in columns: a gap of SET_APART or more between two of its
    figures (before its one figure, after its label)? A row whose figures follow one another a space or two apart
    says nothing of its blank cells by where they stand: it has one figure fewer for each, wherever it was, and
    the figures after a blank one stand where the blank one's would (`社保 310.20 290.20 20.00` under five columns:
    which two are blank, its text does not say)."""
    if len(figs) == 1:
        head = line[: figs[0].start()].replace("\f", "")
        return width(head) - width(head.rstrip()) >= SET_APART
    return any(width(line[a.end() : b.start()].replace("\f", "")) >= SET_APART for a, b in zip(figs, figs[1:]))


def _named_columns(lines: list[str], header: list[int]) -> int:
    """How many columns of figures one line of the header names, each word a column's heading (0 when no line
    is such a line)."""
    best = 0
    for h in header:
        cells = WIDE_GAP.split(lines[h].strip())
        if _serial_first(cells):
            cells = cells[1:]  # (the rows' serial numbers are the labels', no column of figures)
        heads = [c for c in cells if column_heading(c)]
        # (the first may name the rows; the first two, a code's column and the names': `科目编码  科目名称`)
        labels = 2 if len(cells) > 2 and CODE_HEADER.match(cells[0]) and LABEL_HEADER.search(cells[1]) else 1
        if len(heads) >= len(cells) - labels:
            best = max(best, len(heads))
    return max(best, _named_with_merged_above(lines, header))


def _spans(line: str) -> list[tuple[int, int, str]]:
    """The words of a header line set apart by wide gaps, each with its display columns (start, end)."""
    out = []
    for m in CELL_RUN.finditer(line):
        start = width(line[: m.start()])
        out.append((start, start + width(m.group()), m.group()))
    return out


def _named_with_merged_above(lines: list[str], header: list[int]) -> int:
    """How many columns of figures a two-line header names, counting a heading on its upper line that no word of
    the lower line stands under (a cell merged down both lines, its text set at the top: `2024年决算数` beside
    the group `2025年决算数` over `合计  人员经费  公用经费`). 0 unless every such word and every word of the lower
    line but the rows' name is a column's heading."""
    if len(header) != 2:
        return 0
    upper, lower = (_spans(lines[h]) for h in header)
    if not upper or not lower:
        return 0
    under = [[w for w in lower if w[0] < u[1] and u[0] < w[1]] for u in upper]
    alone = [u for u, below in zip(upper, under) if not below]
    if not alone or not any(len(below) >= 2 for below in under):
        # (no word over two or more: the upper line's words are headings wrapped in their cells, `财政拨款 /
        # 收入`, set left or right of the figures, no group whose columns the lower line names)
        return 0
    words = sorted([*alone, *lower])
    heads = [w for w in words[1:] if column_heading(w[2])]
    return len(heads) if len(heads) == len(words) - 1 and not column_heading(words[0][2]) else 0


def _label_and_value(lines: list[str], header: list[int]) -> bool:
    """Is a line of the header the names of a label column and of one column of figures, nothing else
    (`项目      本年预算`, `收入项目    金额（万元）`; after the codes' heading, `科目编码  科目名称  决算数`)?"""
    for h in header:
        cells = WIDE_GAP.split(lines[h].strip())
        if _serial_first(cells) or len(cells) == 3 and CODE_HEADER.match(cells[0]) and LABEL_HEADER.search(cells[1]):
            cells = cells[1:]
        if len(cells) == 2 and LABEL_HEADER.search(cells[0]) and column_heading(cells[1]) or _rows_and_unit(cells):
            return True
    return False


def _serial_first(cells: list[str]) -> bool:
    """Does a header line open with the serial numbers' heading, the rows' name after it?"""
    return (
        len(cells) > 2 and SERIAL_HEADER.fullmatch(cells[0]) is not None and LABEL_HEADER.search(cells[1]) is not None
    )


def _layout(
    lines: list[str], rows: list[_Line], side: bool = False, named: int = 0, single: bool = False
) -> Layout | None:
    """The columns the rows' figures stand in, from the rows that fill every column; None unless enough do:
    half the rows and two at least, or one where a header line names every column (a 绩效自评表's funds, one
    row of 年度资金总额 filling them all and its parts under 其中 the amount columns only). `side`: the rows are
    a side of a two-sided table (its header names both sides' labels); `single`: a header line names the label
    column and one column of figures."""
    k = max(len(r.figs) for r in rows)
    complete = [r for r in rows if len(r.figs) == k]
    # one column of figures is a table only where its rows are coded (`2080501 行政单位离退休 389,516`, or the code
    # in a column of its own after the name: _codes_after_names): the codes give its tree; a run of named figures
    # alone may be a list in prose
    # (a 合计 row has no code of its own); or where the rows are a side of a two-sided table, the other side
    # beside them on the same lines under a header naming both; or where a header line names the labels and
    # the one column (`项目  本年预算`) and a 合计 row totals it: a list in prose has neither
    if (
        k < 2
        and not side
        and not all(r.coded or CODE_FIRST.match(lines[r.line]) or total_kind(r.label) for r in rows)
        and not (single and any(total_kind(r.label) == "grand" for r in rows))
    ):
        return None
    if len(complete) < max(2, len(rows) // 2) and not (complete and named == k):
        return None
    metric, row_edges = _metric(complete, lines, k)
    cols = []
    shapes: list[set[int]] = []
    for c in range(k):
        # a column's edge is its figures' (a dash may stand centred in its cell); its dashes' where it has none;
        # the decimals its figures are written with (one pass over the rows: _dash and _shape inlined)
        figures: list[int] = []
        shape: set[int] = set()
        for e, r in zip(row_edges, complete):
            text = r.figs[c].group()
            if text[-1].isdecimal() or text[-1] in FIGURE_ENDS:  # (not _dash)
                figures.append(e[c])
                shape.add(_shape(text))
        edges = sorted(figures or [e[c] for e in row_edges])
        cols.append(edges[len(edges) // 2])
        shapes.append(shape)
    return Layout(metric, cols, shapes)


# the rows filling every column `_layout_few` reads a layout from: a 合计 and its first part, the only two, may be
# all that a table of several column groups fills (`小计 | 省级留用 | 转贷市县`, each 一般债券 and 专项债券), whose
# header then wants reading before any figure is tied to another
FEW_COMPLETE = 3


def _layout_of(lines: list[str], header: list[int], figured: list[_Line]) -> tuple[Layout | None, bool]:
    """The layout of a table's rows of figures read from its own lines, and whether every figure must then stand
    at its column's edge (a layout read from a few of the rows only, `_layout_few`)."""
    layout = (
        _layout(lines, figured, named=_named_columns(lines, header), single=_label_and_value(lines, header))
        or _layout_named_left(lines, header, figured)
        or _layout_header_ends(lines, header, figured)
    )
    if layout is not None:
        return layout, False
    layout = _layout_few(lines, figured)
    return layout, layout is not None


def _layout_few(lines: list[str], rows: list[_Line]) -> Layout | None:
    """The layout of rows of which fewer than half fill every column (a fund's table whose budget and last year's
    columns most rows leave blank, its new items funded in the year only), from the three or more that do, where
    their figures end at one edge in every column (give or take AT_EDGE): then every other row's figures must
    end at those edges too (`_placed` as for a continued page's rows), or the table is not read this way."""
    k = max(len(r.figs) for r in rows)
    complete = [r for r in rows if len(r.figs) == k]
    if k < 2 or len(complete) < FEW_COMPLETE:
        return None
    metric, row_edges = _metric(complete, lines, k)
    cols = agreed_edges(row_edges, k)
    if cols is None:
        return None
    shapes = [{_shape(r.figs[c].group()) for r in complete if not _dash(r.figs[c])} for c in range(k)]
    return Layout(metric, cols, shapes)


def _layout_named_left(lines: list[str], header: list[int], rows: list[_Line]) -> Layout | None:
    """The layout of rows of which few fill every column, where the header names those columns one heading each
    and, right of them, columns no row fills (`合计 基本支出 项目支出 上缴上级支出 …` over rows of a 合计 and one of
    its two parts): the header names every column of figures, as `_layout` asks of a table of one full row."""
    k = max(len(r.figs) for r in rows)
    layout = _layout(lines, rows, named=k)
    if layout is None or not _empty_on_right(
        lines, header, layout.cols, layout.metric, _labels_end(lines, rows, layout.metric)
    ):
        return None
    return layout


def _layout_header_ends(lines: list[str], header: list[int], rows: list[_Line]) -> Layout | None:
    """The layout of a coded table (each row of figures opens with its classification code, or is its 合计) whose
    header line names every column one heading each, set right-aligned as the figures are (a PDF's text copied
    with its spaces): `科目编码  科目名称  合计  上年结转  一般公共预算  政府性基金预算  事业收入  其他收入` over rows that
    leave any of them blank, in the middle too (no row fills 上年结转), so that neither `_layout` (few rows fill
    every column) nor `_layout_named_left` (blank columns only right of the figures) reads it. Every figure
    must end within AT_EDGE of one heading's right end, the nearest by far: then the heading names the column
    the figure stands in, whatever the other rows fill. None otherwise."""
    coded = all(r.coded or CODE_FIRST.match(lines[r.line]) or total_kind(r.label) == "grand" for r in rows if r.figs)
    for h in header:
        words = [m for m in _naming_words(lines[h]) if column_heading(m.group())]
        labels = _label_words(lines[h])
        if len(words) < 2 or len(words) != len(lines[h].split()) - labels:
            continue  # (not every word of the line a column's heading: another line names them)
        if not coded and labels == 0:
            continue  # (rows of names, not codes, read so only under a line that names their column first)
        for metric in (width, chars):
            layout = _at_heading_ends(lines, rows, [metric(lines[h][: m.end()]) for m in words], metric)
            if layout is not None:
                return layout
    return _layout_stacked_ends(lines, header, rows)


def _layout_stacked_ends(lines: list[str], header: list[int], rows: list[_Line]) -> Layout | None:
    """`_layout_header_ends` of a header whose headings wrap over its lines, each set right-aligned over its column
    (`财政拨款` over `收入`, `附属单位` over `上缴收入`), under a first line that names the rows' column first
    (`单位名称`): the words of the lines ending at one edge make one heading, which must name a column of figures;
    every word of the lines but the rows' name is such a piece. None otherwise."""
    if len(header) < 2 or not _label_words(lines[header[0]]):
        return None
    for metric in (width, chars):
        ends = _stacked_heading_ends(lines, header, metric)
        if ends is not None and len(ends) >= 2:
            layout = _at_heading_ends(lines, rows, ends, metric)
            if layout is not None:
                return layout
    return None


def _stacked_heading_ends(lines: list[str], header: list[int], metric: Metric) -> list[int] | None:
    """The right ends of the headings the header lines stack (`_layout_stacked_ends`), left to right; None when a
    word of the lines names no column, or the words at one end do not make a column's heading."""
    pieces: list[tuple[int, str]] = []  # (right end, word), the lines top down
    for h in header:
        words = _naming_words(lines[h])
        if len(words) != len(lines[h].split()) - _label_words(lines[h]):
            return None  # (a word that is no piece of a heading: a line of another kind)
        pieces.extend((metric(lines[h][: m.end()]), m.group()) for m in words)
    headings: dict[int, str] = {}  # the first piece's end → the heading's text
    for end, word in pieces:
        at = next((e for e in headings if abs(e - end) <= AT_EDGE), end)
        headings[at] = headings.get(at, "") + word
    if not all(column_heading(text) for text in headings.values()):
        return None
    return sorted(headings)


def _label_words(line: str) -> int:
    """How many words open a header line naming the labels' columns: the code's and the names' in either order
    (`科目编码  科目名称`, `项目名称  科目编码`), or the names' alone."""
    cells = line.split()
    if len(cells) > 2 and {bool(CODE_HEADER.match(c)) for c in cells[:2]} == {True, False}:
        return 2 if all(CODE_HEADER.match(c) or LABEL_HEADER.search(c) for c in cells[:2]) else 0
    return 1 if cells and LABEL_HEADER.search(cells[0]) else 0


# a classification code as a cell of its own column after the row's name: 类 款 项 in one word or set one space
# apart (`2130153`, `208 19 01`); the name of a 项目支出表's project, then the code of the spending it is
CODE_CELLS = regex(r"(?:[1-5]\d{2}(?: \d{2}){1,2}|\d{7}|\d{5}|\d{3})(?= )")  # (the longest first)


def _codes_after_names(lines: list[str], above: tuple[list[int], int] | None, rows: list[_Line]) -> None:
    """Under a header naming the rows' names, then their classification codes (`项目名称  科目编码  合计 …`), each
    row's code read as its label's, not as figures (changed in place): the words opening its cells that make
    a code, the first and only such run of the row. Rows are left as read unless every row with figures but a
    合计 holds such a code: a column of codes is filled in every row."""
    if above is None or not any(_names_then_code(lines[h]) for h in above[0]):
        return  # (no header: the rows of no table)
    found: list[tuple[_Line, int]] = []
    for r in rows:
        if not r.figs or total_kind(r.label) == "grand":
            continue
        line = lines[r.line]
        code = CODE_CELLS.match(line, r.figs[0].start())
        n = sum(1 for f in r.figs if code is not None and f.end() <= code.end())
        if code is None or n == len(r.figs) or "," in code.group():
            return
        found.append((r, n))
    for r, n in found:
        r.figs, r.coded = r.figs[n:], True


# a classification named alone as a column's heading (`功能科目`): after the rows' names, the column of its codes (a
# column of its names would be the rows' names themselves); not so where it opens the header (the rows' names)
CLASS_HEADER = regex(r"(?:功能|经济)(?:分类)?科目")


def _names_then_code(line: str) -> bool:
    """Is the header line's first word the rows' names and its second their classification code (after the
    serial numbers' heading, where one opens it: `序号  项目名称  功能科目  金额`)?"""
    cells = line.split()
    if _serial_first(cells):
        cells = cells[1:]
    return (
        len(cells) > 2
        and bool(LABEL_HEADER.search(cells[0]))
        and bool(CODE_HEADER.match(cells[1]) or CLASS_HEADER.fullmatch(cells[1]))
    )


def _at_heading_ends(lines: list[str], rows: list[_Line], ends: list[int], metric: Metric) -> Layout | None:
    """Columns at the headings' right ends `ends`, each figure of the rows ending within AT_EDGE of one of them
    (headings further apart than twice that: no figure is near two); None when a figure stands elsewhere."""
    if any(b - a <= 2 * AT_EDGE for a, b in zip(ends, ends[1:])):
        return None
    found: list[list[int]] = [[] for _ in ends]
    shapes: list[set[int]] = [set() for _ in ends]
    for r in rows:
        for f, e in zip(r.figs, _edges(lines[r.line], r.figs, metric)):
            near = [c for c, end in enumerate(ends) if abs(end - e) <= AT_EDGE]
            if len(near) != 1:
                return None
            found[near[0]].append(e)
            if not _dash(f):
                shapes[near[0]].add(_shape(f.group()))
    cols = [sorted(edges)[len(edges) // 2] if edges else end for edges, end in zip(found, ends)]
    return Layout(metric, cols, shapes, by_headings=True)


AT_EDGE = 2  # display columns a figure of a continued page may stand off its column's edge


def agreed_edges(row_edges: list[list[int]], k: int) -> list[int] | None:
    """Each of the k columns' edge, the middle one of the rows' (`row_edges`: each row's figures' right ends), where
    the rows agree on it within AT_EDGE; None where they do not in some column."""
    cols: list[int] = []
    for c in range(k):
        edges = sorted(e[c] for e in row_edges)
        if edges[-1] - edges[0] > AT_EDGE:
            return None
        cols.append(edges[len(edges) // 2])
    return cols


def _at_edges(line: str, figs: list[re.Match[str]], slots: list[int], cols: list[int], metric: Metric) -> bool:
    """Each figure (a dash may stand anywhere in its cell) ends at its column's edge: the page was laid out as
    the one before."""
    edges = _edges(line, figs, metric)
    return all(_dash(f) or abs(e - cols[c]) <= AT_EDGE for f, e, c in zip(figs, edges, slots))


def _decimals(figs: list[re.Match[str]]) -> list[int | None]:
    """Each figure's decimals, as written (None for a dash, which fits any column)."""
    return [None if _dash(f) else _shape(f.group()) for f in figs]


def _assign(
    line: str, figs: list[re.Match[str]], cols: list[int], shapes: list[set[int]], metric: Metric
) -> list[int] | None:
    """The columns of a row that leaves some blank: figures go, in order, to columns whose figures are
    written alike (decimals), nearest their right edges; None unless one placing is clearly the best."""
    edges = _edges(line, figs, metric)
    # each figure's decimals, read once rather than for every placing
    decimals = _decimals(figs)
    scored: list[tuple[float, list[int]]] = []
    # (only placings that can decide: one costing SHIFT more than the most a placing may cost neither wins nor
    # makes the best one doubtful, so no placing is scored past that; every placing was scored before, 0.4 s of the
    # corpus's text reports. Only the best two are kept, in order: the second's cost is all that is asked of the
    # others)
    _placings(_Placing(edges, decimals, cols, shapes, SHIFT * len(figs) + SHIFT), 0, 0, 0, [], scored)
    if not scored or scored[0][0] > SHIFT * len(figs) or len(scored) > 1 and scored[1][0] - scored[0][0] < SHIFT:
        return None
    return scored[0][1]


BEST_KEPT = 2  # placings `_assign` keeps: the best, and the next by which it is clear or doubtful


@dataclass(slots=True)
class _Placing:
    """What `_assign` places: the figures' right edges and decimals, the columns' edges and decimals, and the cost
    at which a placing no longer counts."""

    edges: list[int]
    decimals: list[int | None]
    cols: list[int]
    shapes: list[set[int]]
    limit: float


def _placings(
    p: _Placing, i: int, start: int, cost: float, combo: list[int], out: list[tuple[float, list[int]]]
) -> None:
    """The best two placings of figures i… in columns start… (in order, each figure's decimals among its column's)
    whose cost stays under the limit, with their costs, into `out` (sorted): the placings of `combinations`, those
    that cannot count left out as soon as their cost reaches the limit. Once two are found, the second's cost is the
    limit: a placing costing as much or more is neither of the best two, nor changes their costs (a tie with the
    best makes the best doubtful already)."""
    if i == len(p.edges):
        out.append((cost, list(combo)))
        out.sort()
        if len(out) > BEST_KEPT:
            out.pop()
        if len(out) == BEST_KEPT:
            p.limit = min(p.limit, out[-1][0])
        return
    d, e = p.decimals[i], p.edges[i]
    for c in range(start, len(p.cols) - (len(p.edges) - i) + 1):
        if d is not None and p.shapes[c] and d not in p.shapes[c]:
            continue
        step = cost + abs(p.cols[c] - e)
        if step < p.limit:
            combo.append(c)
            _placings(p, i + 1, c + 1, step, combo, out)
            combo.pop()


def _text_columns(rows: list[_Line]) -> int:
    """The columns of words every row holds between its name and its figures (`上门护理    人次    42000`: a
    column of units), each set two spaces or more apart: the label reads them with the name."""
    least = 0
    for r in rows:
        n = len(WIDE_GAP.split(r.label.strip()))
        if n == 1:
            return 0  # (the least a label splits into: no row has more columns to give)
        least = min(least, n) if least else n
    return least - 1


def _labels_end(lines: list[str], rows: list[_Line], metric: Metric) -> int:
    """Where the figures begin: a header word wholly left of it stands over the labels."""
    return min(metric(lines[r.line][: r.figs[0].start()].replace("\f", "")) for r in rows)


def _naming_words(line: str) -> list[re.Match[str]]:
    """The words of a header line that may name columns of figures (not the label's or the code's heading)."""
    return list(_naming_words_of(line))


@lru_cache(maxsize=1024)
def _naming_words_of(line: str) -> tuple[re.Match[str], ...]:
    """`_naming_words`, read once per header line's text: a table's header lines are read for its own columns
    and its tree, again by each page joined to it (its header repeated) and for each layout tried; a pure
    function of the line (the caller gets a list of its own)."""
    return tuple(
        m
        for m in HEADER_WORD.finditer(line)  # `2023 年债务余额`: one name
        if not LABEL_HEADER.search(m.group())
        and not CODE_HEADER.search(m.group())
        and m.group() not in ("项", "目", "地", "区", "类", "款")  # (a code's parts, `类  款  项`, name no figures)
    )


BEYOND = (
    2  # columns (in the table's metric) right of the last column's edge a heading must begin at to stand over no figure
)


def _empty_on_right(lines: list[str], header: list[int], cols: list[int], metric: Metric, labels_end: int) -> bool:
    """Does a header line name more columns than hold figures, the extra names all beginning right of the last
    column's edge (`本年支出合计 基本支出 项目支出 上缴上级支出 经营支出` over a 支出决算表 whose rows fill the first three
    only)? Those are columns no row fills; the words there on any header line name none of the figures. The others
    must each be a column's heading (not that of a column of text, `计量单位`, another extra word)."""
    if not cols:
        return False
    for h in header:
        line = lines[h].replace("\f", " ")
        # (not the heading of the rows' names, standing over the labels: `县区`)
        words = [m for m in _naming_words(line) if metric(line[: m.end()]) > labels_end or column_heading(m.group())]
        beyond = [m for m in words if metric(line[: m.start()]) > cols[-1] + BEYOND]
        kept = [m for m in words if m not in beyond]
        if beyond and len(kept) == len(cols) and all(column_heading(m.group()) for m in kept):
            return True
    return False
