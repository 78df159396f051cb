"""Tables of plain-text reports laid out with spaces (text extracted from a PDF by an archiver):

            2024年度某省一般公共预算收入决算表
                                                          单位：万元
       项目          调整预算数         决算数       完成调整     比上年
                                                    预算%       增长%
    一、税收收入              18,452,630    17,903,215       97.0        1.8
      增值税                7,836,400     7,412,508       94.6       -1.3

They are read from the original text (the normaliser joins their lines): a run of lines that each hold a
label and figures, under a header of column names (up to six lines, between the caption and the rows; a
line of column formulas `公式 A=B+C B C` among them is a numbering row); the figures' right edges give the
columns, and the indentation of the labels the tree. Edges are measured in display columns (a Chinese
character two wide) or in characters, whichever the table's complete rows agree on: archivers write both.
A dash in a row (`736.62  -  -`) is a blank cell that shows where its column is. A table that goes on over
the next page is joined into one when nothing but page furniture stands between its pieces (a page number
`- 7 -` or `第 7 页`, a form feed, a 续表 mark, its caption, unit note and header repeated) and the next page's
figures stand at the same columns' edges (a row the page breaks, the rest of its long label set past the page's
number, is one row: `_label_rest_over_page`); a piece that cannot be joined so is read on its own, each piece
knowing that rows before or after it belong to the same table (no relation is made across the cut).
Precision first: a table whose figures do not all fall clearly into the columns is not read at all. A row that
leaves cells blank says which by where its figures stand only where the text is laid out in columns: a row whose
figures follow one another a space or two apart (a PDF's text read without its layout, `spaced_apart`) is placed
only where the decimals of its figures allow one placing, else its cells are unknown (no column relation takes it).

This module holds the entry points (`find_aligned`, `readable`): where tables start, how their pieces over pages are
joined, the fixed templates (三公, debt balances). The reading they call is in lineshapes.py (what a line is),
row_lines.py (a line read as a row), page_turns.py (what stands between a table's pages), header_lines.py (the
header and caption above the rows), label_rows.py (rows whose labels wrap), columns.py (columns from runs of
spaces), column_names.py (the header's names placed over them) and assembly.py (all of it made a Block).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain, compress, count
from operator import gt

from tieout.linter.patterns import regex
from tieout.linter.text.cell_lines import coded_lines
from tieout.linter.text.model import Document

from .assembly import _body_row, _build
from .blocks import CONTINUED, Block
from .cells import DASH, DASH_CHARS, Cell, flatten
from .columns import _codes_after_names, _dash, _shape
from .header_lines import _caption_of, _column_names, _header_lines, _header_of, _header_repeated, _title_above
from .label_rows import _rows
from .lineshapes import (
    ABOVE_HEADER,
    CODE_FIRST,
    MAX_GAP,
    MAX_HEADER,
    PAGE_MARK,
    WIDE_GAP,
    Aligned,
    Layout,
    Parsed,
    _blank,
    _Line,
    _Mapper,
    caption_line,
    chars,
    width,
)
from .page_turns import (
    SURE,
    _closed_by_total,
    _continued_by,
    _first_piece,
    _goes_on,
    _left_open,
    _marked_continued,
    _page_closes,
    _page_heads,
    _page_numbers_within,
    _running_heads,
    _turn,
)
from .row_lines import _data, _is_row, line_starts, table_lines
from .values import mask_values
from .vocab import (
    MEASURE_NOTE,
    POINTS_CELL,
    SATISFACTION,
    Role,
    defined_ratio_heading,
    no_figure,
    rate_heading,
    role_of,
    scored,
    share_of_heading,
    total_kind,
    without_percent,
    words,
)
from .weights import mask_weights
from .year_rows import mask_years

# (rows, header, placing, dropped and wrapped are imported in the functions that read the lines of a table found: a
# report without tables never asks for them; see build.py)


def find_aligned(doc: Document) -> list[Aligned]:
    """The space-aligned tables of a plain-text report, in order."""
    # (a report may hold pipe tables too: a row of bars is no row of figures for `_data`, which wants a line
    # ending in a figure, each figure a whole word)
    if not doc.path.endswith((".txt", ".text", ".md", ".markdown")):
        return []
    # (a coded table whose cells stand one a line, a PDF's text read without its layout, is read as rows of cells one
    # space apart: cell_lines.coded_lines, one character for one, so that the lines' offsets are the original's)
    lines = table_lines(coded_lines(doc.original))
    starts = line_starts(lines, doc)
    mapper = _Mapper(doc)
    # (a score table's columns of targets and outcomes, words or figures in each row's own unit, are blanked out of
    # the lines read: its rows are then rows of points, values.py)
    mask_values(lines, (width, chars), _is_row)
    # (and the column of its first-level indicators' weights, each written once over the rows of its group:
    # weights.py)
    mask_weights(lines, (width, chars), _is_row)
    # (and a row's year, its label under a header naming its label column 年度, given its 年: year_rows.py)
    mask_years(lines)
    # each line read once (None: not a row of figures; an empty line, the commonest, without a call)
    data: list[Parsed] = [_data(ln) if ln else None for ln in lines]
    # the lines with text, in order: what stands between two tables is counted without reading the lines
    # (a line stripped to nothing is blank: the indices picked in C, compress over the stripped lines)
    nonblank = list(compress(count(), map(str.strip, lines)))
    # the report's running head (its title repeated atop its pages): page furniture between a table's pages too
    # (read before `_page_numbers_within` blanks the page numbers)
    running = _running_heads(lines, data, (doc.original, starts))
    page_heads = _page_heads(lines, nonblank, data)
    heads = frozenset(lines[k].strip() for k in running) | frozenset(page_heads)
    # (a head standing first on a page right after its number, `— 4 —` / `某某局2024年部门预算`, the report's title
    # taking two lines on its first page, is read as a blank line: page furniture, which would otherwise be read as
    # a header line over the table's header repeated on that page)
    for at in page_heads.values():
        for k in at:
            lines[k] = ""
    paged = _page_numbers_within(lines, data, running)
    # (a 三公 table is read only under a title naming the 三公, `_sangong_header`: a report that never names them,
    # most, has none to look for at each run)
    sangong_named = "三公" in doc.original
    # (likewise the standard table of a debt balance, read by its template: debt_balance.py)
    balance_named = "债务余额" in doc.original
    out: list[Aligned] = []
    i = 0
    for first in _run_starts(data):
        if first < i:
            continue  # (a run inside a table read)
        i = first
        before = out[-1] if out else None
        # (a 三公 table set one space apart is read by its template's columns, before any reading by position)
        found = (
            (_sangong_at(lines, starts, i, data, mapper) if sangong_named else None)
            or (_debt_balance_at(lines, starts, i, data, mapper) if balance_named else None)
            or _table_at(lines, starts, i, data, mapper, before, (nonblank, heads), paged)
        )
        if found is None:
            continue  # (the next run starts past this one)
        if found is not before:
            if before is not None and _goes_on(lines, before, found):
                if not _closed_by_total(before):
                    _left_open(before)
                found.continued = True
            out.append(found)
        i = found.last_line + 1
    return out


def _run_starts(data: list[Parsed]) -> Iterator[int]:
    """The lines where a run of rows of figures starts (a row, with none right above it), found in C: a table
    is looked for only there, not at every line of the report."""
    read = list(map(bool, data))
    return chain(compress(count(), read[:1]), compress(count(1), map(gt, read[1:], read)))


def _table_at(
    lines: list[str],
    starts: list[int],
    i: int,
    data: list[Parsed],
    mapper: _Mapper,
    before: Aligned | None,
    text_lines: tuple[list[int], frozenset[str]],
    paged: frozenset[int] = frozenset(),
) -> Aligned | None:
    """The table whose first row is line i: its header above, its rows from i on. A table whose rows stop at
    a line that may be one of its rows (a label without figures) goes on past what was read: its last rows
    are incomplete. Rows that go on from the table before over a page (nothing but page furniture between)
    are joined to it, which is then returned."""
    above, i = _header_of(lines, i, data, paged)
    # (there is a row at line i, or a group's heading over one: the caller starts only at a line of figures)
    turn = _turn(lines, text_lines, before, above[0][0] if above else i) if before is not None else None
    if above is None and turn != SURE:
        # neither a table of its own (no header) nor rows to join: most runs of figures in a report; their
        # rows are not read, unless they are a coded table under its title
        if before is not None and turn is not None:
            _left_open(before)  # the table's rows go on over the page, but cannot be read with it
            return None
        return _headerless(lines, starts, i, data, mapper, paged)
    rows, j, cut = _rows(lines, starts, i, data, paged)
    rows = _without_counts_below(rows)
    _codes_after_names(lines, above, rows)
    last = max(j - 1, rows[-1].line) if rows else i
    if before is not None and turn == SURE and _join(lines, starts, before, above[0] if above else None, rows, mapper):
        before.block.open_end = cut
        before.last_line = last
        return before
    built = None
    few = above is not None and not _enough_rows(lines, above[0], rows)
    if above is not None and (not few or _first_piece(lines, j, rows)):
        header, top = above
        names, numbering = _header_lines(lines, header)
        built, last, cut, j = _built(lines, starts, header, rows, (j, last, cut, few), data, mapper, paged)
    if built is None:
        if before is not None and turn is not None:
            _left_open(before)  # the table's rows go on over the page, but cannot be read with it
        return None
    block, indents, layout = built
    block.caption = _caption_of(lines, before, (top, header), rows[0].line)
    block.open_end = cut and not _page_closes(lines, j, block.caption)
    found = Aligned(block, indents, first_line=rows[0].line, last_line=last)
    found.columns = len(block.rows[0]) - 1
    found.names = tuple(c.text for c in block.rows[0][1:])
    found.header, found.numbering, found.layout = names, numbering, layout
    if turn is not None or _marked_continued(block.caption, lines, top):
        # rows over a page that could not be joined to the table before, or a table marked as continued
        # (续表) whose first piece was not read: neither piece is known to be whole
        found.continued = True
        if before is not None and turn is not None:
            _continued_by(before, turn, lines[rows[0].line])
    return found


# a row's label naming in brackets what its figure counts (`公务接待批次（批）`, `公务用车保有量（辆）`, `接待人次（人次）`)
COUNTED_LABEL = regex(r"[（(](?:批|批次|人次|人|辆|台|个|次|件|家)[）)]$")


def _without_counts_below(rows: list[_Line]) -> list[_Line]:
    """The rows above the counts closing a table of amounts (`（三）公务接待费  2.09  1.86  …` over `公务接待批次（批）
    6` and `公务接待人次（人次）  64`): a row naming in brackets what its one whole number counts, under rows of
    amounts written with decimals, adds to none of them, and its figure stands in no column of theirs (whose
    figures all have decimals). Left out, the table of amounts is read; the counts are no rows of it."""
    k = len(rows)
    while k > 0 and len(rows[k - 1].figs) == 1 and "." not in rows[k - 1].figs[0].group():
        if not COUNTED_LABEL.search(rows[k - 1].label):
            return rows
        k -= 1
    if k == len(rows) or k < 2 or not any("." in f.group() for r in rows[:k] for f in r.figs):
        return rows
    return rows[:k]


def _sangong_at(lines: list[str], starts: list[int], i: int, data: list[Parsed], mapper: _Mapper) -> Aligned | None:
    """A “三公”经费表 whose cells are one space apart (sangong.py) with its first row at line i: the rows that fill
    its six columns, under a header of its names alone (a page mark among them), below its title. The rows after
    them (`机关运行经费预算数 236.80`) are no rows of it. Only rows set one space apart: a table laid out in
    columns is read by where its figures stand."""
    from . import sangong  # (a report naming the 三公 only: `find_aligned` asks for none otherwise)

    rows: list[_Line] = []
    j = i
    while j < len(lines) and (p := data[j]) and len(p[2]) == sangong.WIDTH and not WIDE_GAP.search(lines[j].strip()):
        rows.append(_Line(j, p[0], p[1], p[2], starts[j] + p[3]))
        j += 1
    # (the rows read first: nearly no run of figures of a report naming the 三公 is two rows of six figures, and
    # the header above the others is not looked for)
    if len(rows) < 2:
        return None
    found = _sangong_header(lines, i, data)
    if found is None:
        return None
    # (a row of rates, `增减率（%）`, adds up under no order, and writes a dash where a year had nothing: the order is
    # told by the rows of amounts, at least two of them)
    amounts = [r for r in rows if not rate_heading(r.label)]
    order = sangong.order([[f.group() for f in r.figs] for r in amounts]) if len(amounts) >= 2 else None
    if order is None:
        return None
    header, top = found
    names, (a, b, heading) = sangong.names([lines[h] for h in header], order)
    caption = [lines[k].strip() for k in range(top, max(-1, top - 3), -1) if lines[k].strip()]
    every_column = list(range(sangong.WIDTH))
    table = _template_table((lines, starts, mapper), header[0], names, [(r, every_column) for r in rows], caption)
    if table is not None:
        table.block.groups = [(a + 1, b + 1, heading)]
    return table


def _sangong_header(lines: list[str], i: int, data: list[Parsed]) -> tuple[list[int], int] | None:
    """The header lines of a 三公 table above line i (a page mark among them skipped) and the line its caption
    ends at, when a title naming the 三公 stands over them; None otherwise."""
    from . import sangong

    header: list[int] = []
    j = i - 1
    while j >= 0 and len(header) < MAX_HEADER:
        s = lines[j].strip()
        if s and not PAGE_MARK.match(s):
            if data[j] is not None or caption_line(s) or ABOVE_HEADER.search(s):
                break
            header.insert(0, j)
        j -= 1
    if not header or not sangong.header([lines[h] for h in header]):
        return None
    titled = any("三公" in lines[k] for k in range(max(0, j - 2), j + 1))
    return (header, j) if titled else None


def _debt_balance_at(
    lines: list[str], starts: list[int], i: int, data: list[Parsed], mapper: _Mapper
) -> Aligned | None:
    """The standard table of a debt balance (debt_balance.py) with its first row at line i: the rows of one figure
    each, blank lines between them, under its header of two columns below a title naming the table. Each figure is
    placed in the column the template gives its row, where the positions agree (`_budget_left`)."""
    from . import debt_balance  # (a report naming a debt balance only: `find_aligned` asks for none otherwise)

    above = _nonblank_above(lines, i, 1)
    found = debt_balance.header(lines[above[0]]) if above else None
    titled = _nonblank_above(lines, above[0], 3) if found is not None else []
    if found is None or not any(debt_balance.TITLE.search(flatten(lines[k])) for k in titled):
        return None
    rows = _single_figure_rows(lines, starts, i, data)
    slots = debt_balance.columns([r.label for r in rows])
    if slots is None or not _budget_left(lines, rows, slots):
        return None
    names = [found["budget"], found["done"]]
    caption = [lines[k].strip() for k in titled]
    placed = [(r, [slot]) for r, slot in zip(rows, slots)]
    return _template_table((lines, starts, mapper), above[0], names, placed, caption)


def _template_table(
    text: tuple[list[str], list[int], _Mapper],
    header: int,
    names: list[str],
    rows: list[tuple[_Line, list[int]]],
    caption: list[str],
) -> Aligned | None:
    """The table of a fixed template (the 三公's, a debt balance's) whose columns are the template's, not where the
    figures stand: the header at line `header` with the columns' `names`, each row with the columns its figures go
    to, in order. None where a row's label has no place in the normalised text."""
    lines, starts, mapper = text
    first = mapper.norm(starts[header] + len(lines[header]) - len(lines[header].lstrip())) or 0
    grid = [[Cell("项目", first, first, 0, 0)] + [Cell(n, first, first, 0, c + 1) for c, n in enumerate(names)]]
    for r, slots in rows:
        row = _body_row(r, starts[r.line], slots, len(names), mapper, len(grid))
        if row is None:
            return None
        grid.append(row)
    block = Block(grid, start=grid[0][0].start, end=grid[-1][-1].end)
    block.placed = True
    block.caption = caption
    lines_read = [r for r, _ in rows]
    table = Aligned(
        block, [-1] + [r.indent for r in lines_read], first_line=lines_read[0].line, last_line=lines_read[-1].line
    )
    table.columns, table.names = len(names), tuple(names)
    return table


def _nonblank_above(lines: list[str], i: int, n: int) -> list[int]:
    """The n lines with text nearest above line i, nearest first (fewer at the text's start)."""
    out: list[int] = []
    j = i - 1
    while j >= 0 and len(out) < n:
        if lines[j].strip():
            out.append(j)
        j -= 1
    return out


def _single_figure_rows(lines: list[str], starts: list[int], i: int, data: list[Parsed]) -> list[_Line]:
    """The rows of one figure each from line i on, up to MAX_GAP blank lines between two of them."""
    rows: list[_Line] = []
    j, gap = i, 0
    while j < len(lines) and gap <= MAX_GAP:
        p = data[j]
        if lines[j].strip() and (p is None or len(p[2]) != 1):
            break
        if p is not None:
            rows.append(_Line(j, p[0], p[1], p[2], starts[j] + p[3]))
        gap = 0 if lines[j].strip() else gap + 1
        j += 1
    return rows


def _budget_left(lines: list[str], rows: list[_Line], slots: list[int]) -> bool:
    """Does every figure of the budget's column (slot 0) end left of every figure of the other, both columns
    holding some: the positions agree with the template's placing."""
    ends = [[width(lines[r.line][: r.figs[0].end()]) for r, s in zip(rows, slots) if s == slot] for slot in (0, 1)]
    return bool(ends[0]) and bool(ends[1]) and max(ends[0]) < min(ends[1])


def _built(
    lines: list[str],
    starts: list[int],
    header: list[int],
    rows: list[_Line],
    end: tuple[int, int, bool, bool],
    data: list[Parsed],
    mapper: _Mapper,
    paged: frozenset[int],
) -> tuple[tuple[Block, list[int], Layout | None] | None, int, bool, int]:
    """The grid of the table under `header` (_build), its last line, whether its rows stop at a line that may be a
    row and the line after them; `end` is the line after the rows, their last line, whether they stop so and whether
    they are too few for a table of their own (`_first_piece`). A dropped-cells table going on over the page is read
    whole first: its first page alone may seem to add up with a column's rows missing; so is a first piece too short
    to be read alone, in any layout. A table that cannot be read with its rows whose labels stand under their
    figures (`_label_below`) is read up to the first of them, as one whose rows stop there."""
    j, last, cut, few = end
    joined = None if cut else _dropped_over_page(lines, starts, header, rows, (j, few), data, mapper, paged)
    if joined is not None or few:
        return (*(joined or (None, last)), cut, j)
    names, numbering = _header_lines(lines, header)
    built = _build(lines, starts, names, numbering, rows, mapper)
    k = next((n for n, r in enumerate(rows) if r.below), 0) if built is None else 0
    if k == 0:
        return built, last, cut, j
    return _build(lines, starts, names, numbering, rows[:k], mapper), rows[k].line - 1, True, rows[k].line


def _dropped_over_page(
    lines: list[str],
    starts: list[int],
    header: list[int],
    rows: list[_Line],
    after: tuple[int, bool],
    data: list[Parsed],
    mapper: _Mapper,
    paged: frozenset[int],
) -> tuple[tuple[Block, list[int], Layout | None], int] | None:
    """A dropped-cells table (dropped.py) whose rows go on over a page: past the page's number (`- 8 -`) the
    same header lines stand again, then more rows. A part's rows split by the page make up their parent's
    figure only with the rows of both pages, so the two are read as one (by the dropped reading only, which
    places the figures by the sums; no layout joins them). So is a first piece too short to be read alone (`after`:
    the line after the rows, and whether they are so few), in any layout. The grid and the last line; None
    otherwise."""
    j, few = after
    k = j
    while k < len(lines) and (_blank(lines[k]) or PAGE_MARK.match(lines[k].strip())):
        k += 1
    if k == j or not any(PAGE_MARK.match(lines[m].strip()) for m in range(j, k)):
        return None
    if k < len(lines) and CONTINUED.fullmatch(lines[k].strip()):
        k += 1  # (the page's mark that the table goes on, `续表`, above its header repeated)
    for h in header:
        if k >= len(lines) or lines[k].strip() != lines[h].strip():
            return None
        k += 1
    if k >= len(lines) or not data[k]:
        return None
    more, end, cut = _rows(lines, starts, k, data, paged)
    names, numbering = _header_lines(lines, header)
    built = _build(lines, starts, names, numbering, rows + more, mapper) if more and not cut else None
    if built is None or (built[2] is not None and not few):
        return None
    return built, max(end - 1, more[-1].line)


def _headerless(
    lines: list[str], starts: list[int], i: int, data: list[Parsed], mapper: _Mapper, paged: frozenset[int]
) -> Aligned | None:
    """A table of one column of figures under its title with no header row, every row opening with a
    classification code (`表三 …基本支出决算表（单位：万元）` / `301 工资福利支出 3120.45` / `30101 基本工资 …`):
    the codes give its tree, and a column of amounts needs no name to be summed. Its column is left unnamed
    (its role unknown). Not with more columns: what each holds (a 合计 and its parts, two years) is not said."""
    title = _title_above(lines, i)
    if title is None:
        return None
    rows, j, cut = _rows(lines, starts, i, data, paged)
    if len(rows) < 3 or any(len(r.figs) != 1 or _dash(r.figs[0]) or not CODE_FIRST.match(lines[r.line]) for r in rows):
        return None
    if any(r.figs[0].group().endswith("%") for r in rows):
        return None
    first = mapper.norm(starts[title] + len(lines[title]) - len(lines[title].lstrip())) or 0
    grid: list[list[Cell]] = [[Cell("项目", first, first, 0, 0), Cell("", first, first, 0, 1)]]
    for r in rows:
        row = _body_row(r, starts[r.line], [0], 1, mapper, len(grid))
        if row is None:
            return None
        grid.append(row)
    block = Block(grid, start=grid[0][0].start, end=grid[-1][-1].end)
    block.open_end = cut
    block.caption = [lines[k].strip() for k in range(i - 1, title - 1, -1) if lines[k].strip()]  # nearest first
    found = Aligned(
        block, [-1] + [r.indent for r in rows], first_line=rows[0].line, last_line=max(j - 1, rows[-1].line)
    )
    found.columns, found.names = 1, ("",)
    return found


def _enough_rows(lines: list[str], header: list[int], rows: list[_Line]) -> bool:
    """Three rows or more; or two rows that each fill three columns or more under a header naming a 合计
    column (a 三公 table of `2024年预算数` and `2024年决算数`), since each row's 合计 is the sum of the columns
    beside it. Two rows are no table otherwise: two lines of a label and figures may be a list."""
    rows = [r for r in rows if r.figs]  # (not the groups' headings)
    if len(rows) >= 3:
        return True
    if len(rows) != 2 or len({len(r.figs) for r in rows}) != 1 or len(rows[0].figs) < 3:
        return False
    words = (w for h in header for w in lines[h].split())
    return any((role := role_of(w)) is not None and role.kind == "total" for w in words)


def _join(
    lines: list[str],
    starts: list[int],
    before: Aligned,
    header: list[int] | None,
    rows: list[_Line],
    mapper: _Mapper,
) -> bool:
    """Join rows that go on from the table before over a page, when they are read with its layout (each
    figure at one of its columns' edges) under the same column names (its header repeated, or none): then
    the parents and totals across the page are checked as in one table."""
    if before.layout is None:
        return False
    names, numbering = _header_lines(lines, header) if header is not None else (before.header, before.numbering)
    # (under its header repeated, a row filling every column is placed by its order: a long label may push its
    # figures off the edges, as on the page before)
    built = _build(lines, starts, names, numbering, rows, mapper, before.layout, header is not None)
    if header is not None and (built is None or _column_names(built[0]) != before.names):
        # (a page that repeats the header may set its columns elsewhere, each page laid out on its own: its rows
        # are read by its own header's layout, and joined when that names the same columns; the pages after it
        # are then tried with that layout first. Read by the layout of the page before, the header's words may
        # fall over other columns than they head on their own page.)
        built = _build(lines, starts, names, numbering, rows, mapper)
    if built is None:
        return False
    block, indents, layout = built
    # (a column the page leaves blank is one of the table's, named on the page before: its rows' figures stand
    # at that table's columns' edges)
    block.blank_named = True
    same = _column_names(block) == before.names or _header_repeated(lines, header, before, block)
    if not same or not readable(block):
        return False  # other columns, or figures that do not fit them (a table read whole or not at all)
    before.layout = layout or before.layout
    head = indents.count(-1)
    body = block.rows[head:]
    base = len(before.block.rows)
    before.block.breaks.append(base)
    for k, row in enumerate(body):
        for c in row:
            c.row = base + k
    before.block.rows.extend(body)
    before.block.placed = before.block.placed and block.placed  # every page's rows fill every column
    before.block.end = block.end
    before.block.pieces += 1
    before.indents.extend(indents[head:])
    if before.block.levels is not None:
        before.block.levels = before.block.levels + block.levels[head:] if block.levels is not None else None
    return True


def _survey_rate(header: str) -> bool:
    return bool(SATISFACTION.fullmatch(without_percent(flatten(header))))


def readable(block: Block) -> bool:
    """The names were put over the right columns: rates where the figures are rates, and where a header
    names a role, the role of such figures. A column of amounts whose header names no role is read as an
    amount of unknown role (it is summed, never taken for a rate); a column of rates must be named one."""
    body = [r for r in block.rows[1:] if r[0].text]
    numbered = len(block.rows) > 1 and not block.rows[1][0].text and any(c.text for c in block.rows[1])
    shapes: dict[int, set[int]] = {}  # each column's decimals, read once when a column needs them
    filled = _filled_columns(_amount_rows(body), len(block.rows[0]))
    for c, head in enumerate(block.rows[0][1:], start=1):
        cells = filled[c]
        if not cells:
            if _figureless_column(block, body, c):
                continue
            return False  # (a column of words only, `无`, `不适用`: a column of notes, no figures)
        percent = _in_percent(head.text, cells)
        if percent is None and _own_units(block, body, head.text):
            percent = False  # (each row's target and outcome in its own unit: 120 个 beside 18.5 万吨)
        if percent is None:
            if not _units_by_row(body):
                return False  # amounts and rates mixed in one column
            percent = False  # (each row's figures in the unit its label notes: counts beside amounts)
        role = role_of(head.text, percent)
        if role is None:
            # (a ratio the vocabulary defines, `资产负债率（%）`, is a column of rates named; so is a survey's
            # satisfaction rate, `满意度（%）`, which the table checks hold to its answers over the valid sample; so is
            # a share of one figure in another, `余额占限额`)
            if percent and (defined_ratio_heading(head.text) or _survey_rate(head.text) or share_of_heading(head.text)):
                continue
            if percent or not numbered and _unnamed_rates(head.text, body, shapes, c):
                return False
            continue
        if not _role_fits(role, percent, cells) or (
            role.kind == "amount" and _rates_among_amounts(block.rows[0], filled, c, cells)
        ):
            return False
    return True


def _amount_rows(body: list[list[Cell]]) -> list[list[Cell]]:
    """The rows whose cells a column's shape is read from: not a row of rates laid across the columns (`增减率（%）`
    under two years' amounts), which writes its rates with decimals beside whole amounts and says by its name that
    they are rates, no misplaced column; all rows where every one is so named."""
    return [r for r in body if not rate_heading(r[0].text)] or body


def _units_by_row(body: list[list[Cell]]) -> bool:
    """Does each row's label note the unit of its figures, not all one (`实缴单位（家）`, `实缴职工（万人）`, `缴存额（亿元）`
    over the columns of two years, an indicators' table)? Then whole counts and amounts with decimals stand in one
    column, none of them a rate: no misplaced column."""
    units = [MEASURE_NOTE.search(flatten(r[0].text)) for r in body]
    return len(units) >= 3 and all(units) and len({u.group() for u in units if u}) > 1


def _own_units(block: Block, body: list[list[Cell]], head: str) -> bool:
    """May a column mix whole figures with figures of decimals under no `%`: one of an indicator's target or outcome
    (`年度目标`, `实际完成`: a plan or an outcome, no rate) in a table whose rows name their own units (Block.measured)?
    Not where a row totals the others: figures of several units add up to nothing."""
    role = role_of(head)
    return (
        block.measured
        and role is not None
        and role.name in ("预算数", "执行数")
        and not any(total_kind(r[0].text) for r in body)
    )


def _figureless_column(block: Block, body: list[list[Cell]], c: int) -> bool:
    """May a column without figures be read: one of dashes only (nothing in any row, no figure to misread), or
    one its heading names over where its figures would stand (`_layout_header_ends`), left blank by every row?
    Not a column of words (`无`, `不适用`: notes), nor a blank one placed otherwise (a layout misread)."""
    written = any(c < len(r) and r[c].text for r in body)
    if not written:
        return block.blank_named
    if _points_column(block.rows[0][c].text, [r[c].text for r in body if c < len(r) and r[c].text]):
        return True
    return not any(c < len(r) and no_figure(r[c].text) for r in body)


def _points_column(heading: str, cells: list[str]) -> bool:
    """Is a column headed by a change (`毛利率比上年增减`) one of changes of a rate in percentage points written in
    words, a cell of each row (`增加0.71个百分点`), as a listed company's report sets them beside its rates? Its cells
    are figures of no column of amounts or % (none to add or divide): the table's other columns are read as they
    stand. Words of another kind among them (`不适用`, notes) leave the column one of words."""
    role = role_of(heading)
    if role is None or role.kind not in ("growth", "delta"):
        return False
    return bool(cells) and all(POINTS_CELL.fullmatch(flatten(t)) for t in cells)


def _role_fits(role: Role, percent: bool, cells: list[str]) -> bool:
    """Rates under a name of a rate, amounts under an amount's: a column the header names a rate (`完成预算`,
    `执行率`) of figures written as rates are, its `%` said once by the unit line `单位：亿元、%`, is of rates."""
    rated = role.kind in ("ratio", "growth", "share", "comparable")
    return rated == percent or rated and _rate_figures(cells)


def _rates_among_amounts(head: list[Cell], filled: list[list[str]], c: int, cells: list[str]) -> bool:
    """Is a column named an amount (`执行数`) one of rates the nearest placing put the name on: its figures all
    written as rates are, with decimals (`101.4`, `99.0`), while every other column named an amount holds whole
    figures, some of thousands? A header naming one column fewer than the rows fill (a `增长%` wrapped away)
    shifts its names; such a column is no amount, and the table is not read (it would be summed as one).
    `filled`: each column's filled cells (_filled_columns)."""
    if not cells or not _rate_figures(cells) or not all("." in t for t in cells):
        return False
    others = [
        filled[x]
        for x, h in enumerate(head[1:], start=1)
        if x != c and (r := role_of(h.text)) is not None and r.kind == "amount"
    ]
    others = [o for o in others if o]
    return bool(others) and all(
        all("." not in t for t in o) and any(len(t.replace(",", "").lstrip("-")) >= 4 for t in o) for o in others
    )


def _in_percent(head: str, cells: list[str]) -> bool | None:
    """Is a column of rates (its cells or its header carry a `%`)? None when it mixes whole figures with
    figures of decimals under no `%`: amounts and rates in one column, misplaced. An indicator's points are
    counted in 分 (`权重(%)` over 20 and 30: their share of 100), and a 得分 of 18 beside one of 25.5 is no mix."""
    decimals = {len(t.split(".")[1].rstrip("%")) if "." in t else 0 for t in cells}  # (_shape, inlined)
    points = scored(head)
    percent = any(t.endswith("%") for t in cells) or "%" in head and not points
    if not percent and len(decimals) > 1 and 0 in decimals and not (points and _rate_figures(cells)):
        return None
    return percent


def _unnamed_rates(head: str, body: list[list[Cell]], shapes: dict[int, set[int]], c: int) -> bool:
    """Does a column whose heading names no role hold rates: figures with decimals beside whole amounts? Not
    where its heading notes a currency (`金额（万元）`): amounts, whatever stands beside them (a column of counts,
    `项目数`, is of whole numbers); nor where it names a rate no role knows (`资产负债率`): rates, as it says; nor where
    it names a level no amount is (`可支付月数`, `人均补助`: vocab tables.not_additive), whose figures are in its own unit
    (months of spending, yuan a head) with the decimals that unit takes, beside the table's whole amounts."""
    return (
        not MONEY_NOTE.search(head)
        and not rate_heading(head)
        and not _names_a_level(head)
        and _looks_like_rates(body, shapes, c)
    )


def _names_a_level(head: str) -> bool:
    """Does a column's heading name a level, no amount (`可支付月数`, `平均工资`: vocab tables.not_additive)?"""
    text = flatten(head)
    return any(w in text for w in words("not_additive"))


# a column heading's note of a currency unit (`金额（万元）`, `资金(元)`)
MONEY_NOTE = regex(r"[（(]\s*(?:亿|万|千)?元\s*[）)]")


def _rate_figures(cells: list[str]) -> bool:
    """Are the texts all figures written as rates are: at most two decimals, below 1000, no separators?"""
    return all(RATE_FIGURE.fullmatch(t) for t in cells)


RATE_FIGURE = regex(r"-?\d{1,3}(?:\.\d{1,2})?")


def _filled_columns(body: list[list[Cell]], width: int) -> list[list[str]]:
    """The texts of each column's cells that are not blank (nor a word written in place of a figure), the `width`
    columns of the header read in one pass over the rows (not a pass for each column); the label column's left
    empty."""
    out: list[list[str]] = [[] for _ in range(width)]
    dash, columns = DASH.match, out[1:]
    for r in body:
        for column, cell in zip(columns, r[1:]):
            t = cell.text
            if t and not (t[0] in DASH_CHARS and dash(t)) and not no_figure(t):
                column.append(t)
    return out


def _column_shapes(body: list[list[Cell]]) -> dict[int, set[int]]:
    """The decimals of each figure column's filled cells (a column with none is left out)."""
    out: dict[int, set[int]] = {}
    for r in body:
        for x in range(1, len(r)):
            if not r[x].blank and not no_figure(r[x].text):
                out.setdefault(x, set()).add(_shape(r[x].text))
    return out


def _looks_like_rates(body: list[list[Cell]], shapes: dict[int, set[int]], c: int) -> bool:
    """Figures with decimals beside columns of whole amounts: rates, whatever the header says. `shapes`: the
    columns' decimals, read on the first call for a table and kept for the next."""
    if not shapes:
        shapes.update(_column_shapes(body))
    others: set[int] = set()
    for x, found in shapes.items():
        if x != c:
            others |= found
    return 0 not in shapes.get(c, set()) and others == {0}
