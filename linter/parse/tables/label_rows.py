"""The rows of a space-aligned table assembled from its lines (`_rows`): labels wrapped onto the line below or
above, codes set apart from their names, a label's rest past a page's number, block and group headings among
the rows, and lines that hold only a label.

Its own module because the many wordings of a row's label over several lines are one problem: each helper
here reads one way a label wraps, and `_rows` tries them in order.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from tieout.linter.patterns import regex

from .blocks import UNIT_LIST_MONEY
from .cells import flatten
from .lineshapes import (
    CELL_RUN,
    CELL_TOKEN,
    CJK,
    CODE_FIRST,
    FIGURE,
    MAX_GAP,
    NAME_HEADER,
    PAGE_MARK,
    SENTENCE_MARK,
    TABLE_NOTE,
    UNKNOWN,
    WIDE_GAP,
    Parsed,
    _blank,
    _figures_only,
    _lead,
    _Line,
    _text_only,
    chars,
    column_headings,
    width,
)
from .page_turns import NEAR
from .vocab import (
    breakdown_heading,
    total_kind,
)


def _group_heading(lines: list[str], j: int, data: list[Parsed]) -> bool:
    """Is line j the heading of a group of the rows under it, no figure of its own (`（一）预算编制和执行` over
    `  1.预算编制不精准   3,862   3`)? A label alone that opens with an enumeration mark, right above a row of
    figures indented further, numbered in another style or not at all: the group's first item. (Not a row at
    the heading's own indentation: `二、相关统计数` over `1．团组数（个）  421` opens another part of the page, whose
    rows no total of the table above sums.)"""
    from .rows import marker

    if j + 1 >= len(lines) or not data[j + 1] or not _text_only(lines[j]):
        return False
    label = lines[j].strip()
    style = marker(label)[0]
    if not style or WIDE_GAP.search(label):
        return False  # (words set apart: a header's, not a label)
    item = data[j + 1]
    assert item is not None
    indent = width(lines[j][: len(lines[j]) - len(lines[j].lstrip())])
    return item[1] > indent and marker(item[0])[0] != style


BLOCK_REACH = 80  # lines looked past for the next (or the last) heading of a table of repeated blocks


def _block_heading(lines: list[str], j: int, data: list[Parsed]) -> bool:
    """Is line j the heading of a block of rows whose items repeat under another such heading (`社会保险基金合计` over
    `一、基金收入  …` / `二、基金支出  …`, then `机关事业单位基本养老保险基金` over `一、基金收入  …` again: a table of
    one set of items for each fund, unit or region)? A label alone, set no further in than the row of figures right
    under it, whose label is also the first row's under another heading of the same run of rows (blank lines between
    blocks allowed). The rows under it are that block's: its name is part of their identity."""
    if j + 1 >= len(lines) or not data[j + 1] or not _text_only(lines[j]) or WIDE_GAP.search(lines[j].strip()):
        return False
    first = data[j + 1]
    assert first is not None
    if width(lines[j][: len(lines[j]) - len(lines[j].lstrip())]) > first[1]:
        return False
    return _repeated_block(lines, j, data, 1) or _repeated_block(lines, j, data, -1)


def _repeated_block(lines: list[str], j: int, data: list[Parsed], step: int) -> bool:
    """Past the rows (and blank lines) from heading line j in the direction `step`, another label alone over a row of
    the label the row under line j has?"""
    first = data[j + 1]
    assert first is not None
    k = j + 1 if step > 0 else j - 1
    gap = 0
    while 0 <= k + 1 < len(lines) and abs(k - j) <= BLOCK_REACH:
        if data[k]:
            gap = 0
        elif _blank(lines[k]):
            gap += 1
            if gap > MAX_GAP:
                return False
        elif _text_only(lines[k]) and not WIDE_GAP.search(lines[k].strip()):
            below = data[k + 1]
            if below is not None and below[0] == first[0] and below[1] == first[1]:
                return True
            if below is None or step > 0:
                return False  # (another label alone, not over a block of the same rows: the run ends)
        else:
            return False
        k += step
    return False


def _flow_heading(lines: list[str], j: int, data: list[Parsed], rows: list[_Line] | None = None) -> bool:
    """Is line j the heading of one flow's block of a table of stacked blocks, a flow's word alone (`收入` over the
    taxes and their totals, `支出` over the 科目 under the 收入总计 closing the block before: stacked.py), right above a
    row of figures and set no further in than it? Opening the table (`rows` None or empty) only right under its
    header (not the tail of a label wrapped around its figures, `…安排的` / figures / `支出`); below its first rows
    (`rows`, those read so far) only where the row above closes the block before: a grand total."""
    from .stacked import flow_heading

    if j + 1 >= len(lines) or not data[j + 1] or not _text_only(lines[j]) or not flow_heading(lines[j]):
        return False
    first = data[j + 1]
    assert first is not None
    if width(lines[j][: len(lines[j]) - len(lines[j].lstrip())]) > first[1]:
        return False
    if rows:
        return total_kind(rows[-1].label) == "grand"
    above = lines[j - 1] if j else ""
    return bool(NAME_HEADER.search(above) or column_headings(above))


def _part_heading(lines: list[str], j: int, data: list[Parsed]) -> bool:
    """Is line j a statement's part named alone with a colon (`流动资产：`, `非流动负债：`: a balance sheet's way, the rows
    it heads right under it at its own indentation, its 合计 row closing them) or a group's name in brackets (`【产出】`,
    a score table's way), right above a row of figures?"""
    from .header import part_name

    return j + 1 < len(lines) and bool(data[j + 1]) and part_name(lines[j].strip())


def _blank_item(lines: list[str], j: int, data: list[Parsed], rows: list[_Line]) -> bool:
    """Is line j an item of the table whose cells are all blank (`1.因公出国（境）费` between `合计  4.40  3.65`
    and `2.公务用车购置及运行维护费  3.60  3.18`): a label alone, numbered in the style of the row of figures right
    below it, the next number of that style where the row above is numbered so too? A row the table states
    nothing for, not the end of the table. In a table that sets its rows a blank line apart (`一、某某支出  …` / `` /
    `二、外交支出` / `` / `三、某某支出  …`), the row below is the next past as many blank lines as stand above."""
    from .rows import marker

    if not rows or not _text_only(lines[j]):
        return False
    below = _row_below(lines, j, data, rows[-1].line)
    if below is None:
        return False
    label = lines[j].strip()
    style, number = marker(label)
    item = data[below]
    assert item is not None
    below_style, below_number = marker(item[0])
    if not style or style != below_style or WIDE_GAP.search(label) or not (number and below_number):
        return False
    return below_number == number + 1


def _row_below(lines: list[str], j: int, data: list[Parsed], above: int) -> int | None:
    """The line of the row of figures under line j: the next line, or, where the row above (on line `above`) stands
    one or two blank lines over line j, the line past as many blank lines under it (the table's spacing kept, so
    that a label alone between two spaced rows is read as their row, never a paragraph after the table)."""
    if j + 1 < len(lines) and data[j + 1]:
        return j + 1
    gap = j - above - 1
    k = j + 1 + gap
    if not 0 < gap <= MAX_GAP or k >= len(lines) or not data[k]:
        return None
    return k if all(_blank(lines[m]) for m in (*range(above + 1, j), *range(j + 1, k))) else None


def _heading_row(lines: list[str], starts: list[int], j: int) -> _Line:
    """A group's heading as a row without figures."""
    line = lines[j]
    lead = len(line) - len(line.lstrip())
    return _Line(j, line.strip(), width(line[:lead].replace("\f", "")), [], starts[j] + lead)


TAIL_MAX = 8  # the characters a label's tail wrapped to the line below holds at most (`缴费支出`, `出`)


def _label_column(line: str) -> int:
    """The display column where the line's first Chinese character stands (its label past any code)."""
    m = CJK.search(line)
    return width(line[: m.start()]) if m else -1


def _label_tail(lines: list[str], j: int, data: list[Parsed], rows: list[_Line]) -> bool:
    """Is line j the tail of the label of the row right above it (`2080505  机关事业单位基本养老保险  395.00` /
    `缴费支出`), the label cut where its cell ends? A few words alone, no enumeration mark, set exactly where
    the label above starts, and a row of figures right below whose label starts there or further left: the
    words are no row of their own (a group's heading has its rows set further in) and no head of the row below
    (that label stands on its own line)."""
    from .rows import marker

    if not rows or rows[-1].line != j - 1 or not rows[-1].figs or j + 1 >= len(lines):
        return False
    tail = lines[j].strip()
    if len(tail) > TAIL_MAX or not _text_only(lines[j]) or marker(tail)[0] or WIDE_GAP.search(tail):
        return False
    at = _label_column(lines[j])
    if data[j + 1] and at == _label_column(lines[j - 1]) and 0 <= _label_column(lines[j + 1]) <= at:
        return True
    return _coded_tail(lines, j)


def _label_head(lines: list[str], j: int, data: list[Parsed], rows: list[_Line], widest: Callable[[], int]) -> bool:
    """Is line j the head of the label of the row of figures right below it (`归属于上市公司股东的扣除非经常性` /
    `损益的净利润（元）  288,810,992.97  …`, a label wrapped over the line of its figures), between two rows of figures
    whose labels start where it starts? A long label alone that fills the label column (ends where the run's
    widest label ends, give or take a character: words that stop short of it did not wrap), unnumbered, no
    sentence mark nor total, over a tail that stops short of the column's end: the tail is no label of its own
    and the head no heading (a heading over rows does not fill their column)."""
    from .rows import marker

    if not rows or rows[-1].line != j - 1 or not rows[-1].figs or j + 1 >= len(lines):
        return False
    below = data[j + 1]
    head = lines[j].strip()
    if below is None or len(head) < LONG_LABEL or not _text_only(lines[j]) or WIDE_GAP.search(head):
        return False
    if marker(head)[0] or SENTENCE_MARK.search(head) or total_kind(head) or breakdown_heading(head):
        return False
    tail, indent = below[0], below[1]
    if marker(tail)[0] or total_kind(tail) or len(tail) >= len(head) or _lead(lines[j]) != indent:
        return False
    if rows[-1].indent != indent:
        return False
    end = widest()
    return indent + width(head) >= end - FILL_SLACK and indent + width(tail) < end - FILL_SLACK


def _coded_tail(lines: list[str], j: int) -> bool:
    """Is line j the tail of a coded row's label in a PDF's text that sets its cells one space apart, the
    tail at the line's start, under the code (`2080506 机关事业单位职业年金缴费支 1607.70 1607.70` / `出` /
    `210 卫生健康支出 …`)? The row above and the row below each open with a classification code where the
    words open: words alone between two coded rows are no row of a coded table (each of its rows has its code)
    and no head of the label below (its code stands before it), so they end the label above."""
    lead = _lead(lines[j])
    if CODE_FIRST.match(lines[j - 1]) is None or _lead(lines[j - 1]) != lead:
        return False
    below = lines[j + 1]
    # (or the page ends under it: its number)
    return PAGE_MARK.match(below) is not None or (CODE_FIRST.match(below) is not None and _lead(below) == lead)


def _coded_head(lines: list[str], starts: list[int], j: int, data: list[Parsed]) -> _Line | None:
    """A coded row whose name wraps before its figures (`208 05 05 机关事业单位基本养老保险` / `缴费支出  5425.14
    5425.14  0.00`): line j its code and the name's head, no figure; the line below the name's tail, no code, set
    exactly under the head's name, and the row's figures. The tail alone would be a row of its own under no code
    (the table read so far ended at the head)."""
    from .rows import marker

    # (the row below tested first: a line of words with no row of figures right below it, most, is passed over
    # without matching CODE_FIRST, which backtracks over the spaces that open the line)
    tail = data[j + 1] if j + 1 < len(lines) else None
    code = CODE_FIRST.match(lines[j]) if tail is not None else None
    if code is None or tail is None:
        return None
    name = lines[j][code.end() :].strip()
    if FIGURE.search(name) or WIDE_GAP.search(name):
        return None
    head = lines[j].strip()
    rest, _, figs, _ = tail
    if len(rest) > TAIL_MAX or CODE_FIRST.match(lines[j + 1]) or marker(rest)[0]:
        return None
    if _label_column(lines[j + 1]) != _label_column(lines[j]) and not _tail_under_code(lines, j, rest):
        return None
    return _Line(j + 1, head + rest, _lead(lines[j]), figs, starts[j] + len(lines[j]) - len(lines[j].lstrip()))


def _cells_head(lines: list[str], starts: list[int], j: int, data: list[Parsed], rows: list[_Line]) -> _Line | None:
    """A row of a table with several label columns whose last label cell wraps onto the line of its figures (a
    score table's `        目标设置        单位整体支出绩效` / `                    目标合理性      5     4.0`): line j
    holds the row's label cells, words alone, each starting where a label cell of the row of figures right above
    starts; the line below holds the last cell's tail, one word no longer than its head, set exactly under it
    (the cell's column: in characters or display columns, whichever the lines agree in), and the row's figures.
    Read apart, the head would end the table there and the tail would be a row of its own; a line of one cell (a
    heading over its items) or whose cells stand elsewhere is no such head."""
    if not rows or rows[-1].line != j - 1 or not rows[-1].figs or j + 1 >= len(lines):
        return None
    below = data[j + 1]
    head = lines[j]
    from .rows import marker

    if below is None or not _text_only(head) or marker(head.strip())[0]:
        return None
    tail, _, figs, at = below
    cells = list(CELL_RUN.finditer(head))
    if len(cells) < 2 or WIDE_GAP.search(tail) or len(tail) > len(cells[-1].group()) or total_kind(tail):
        return None
    above = lines[j - 1][: rows[-1].figs[0].start()]
    tops = [m.start() for m in CELL_RUN.finditer(above)]
    for metric in (chars, width):
        edges = [metric(head[: m.start()]) for m in cells]
        if set(edges) <= {metric(above[:k]) for k in tops} and metric(lines[j + 1][:at]) == edges[-1]:
            label = head.strip() + tail  # (the tail goes on in the head's last cell: no gap between them)
            return _Line(j + 1, label, _lead(head), figs, starts[j] + cells[0].start())
    return None


def _tail_under_code(lines: list[str], j: int, rest: str) -> bool:
    """Is the tail of a coded row's name, on the line below its code and head (`201  一般公共服` / `务支出  7,962.16
    …`), set at the line's start under the code, as a PDF's text sets a cell's wrapped words, a coded row at the
    same place right below it (or the page's or the table's end)? A line with no code between two coded rows is
    no row of a coded table; a total's row (`合计`, `小计`) is, and stays one."""
    lead = _lead(lines[j])
    if _lead(lines[j + 1]) != lead or total_kind(rest) is not None or not _set_apart_alike(lines, j):
        return False
    below = lines[j + 2] if j + 2 < len(lines) else ""
    if not below.strip() or PAGE_MARK.match(below) is not None:
        return True
    return CODE_FIRST.match(below) is not None and _lead(below) == lead


def _set_apart_alike(lines: list[str], j: int) -> bool:
    """Are the cells of the head's and the tail's lines set apart by one run of spaces each, no wider than the one
    between the head's code and name (`201  一般公共服` / `务支出  7,962.16  8,359.58`: a PDF's text, each cell a few
    spaces after the one before, nothing aligned in columns)? In a table aligned in columns the tail's figures stand
    far from it, under the figures above, and words set under the code are no name's tail. Cells all one space apart
    (`2050199 其他教育管理事务支` / `出 325.00 325.00`, the text read without its layout) are set apart alike too:
    no wide gap on either line, nothing is aligned."""
    head, tail = lines[j].strip(), lines[j + 1].strip()
    gaps = [len(g) for g in WIDE_GAP.findall(head) + WIDE_GAP.findall(tail)]
    return not gaps or max(gaps) == min(gaps)


def _coded_alone(line: str) -> bool:
    """Is the line a coded row's code and whole name, no figure (`2080505 机关事业单位基本养老保险缴费支出`): a row of
    a coded table whose figures the text layer set elsewhere (or left out)?"""
    code = CODE_FIRST.match(line)
    return code is not None and _text_only(line[code.end() :])


def _coded_over_figures(lines: list[str], starts: list[int], j: int) -> tuple[_Line, int] | None:
    """A coded row whose name fills its line and whose figures come alone on the next (`2080505 机关事业单位基本养老
    保险缴费支出` / `498.62  498.62`, a PDF's text read without its layout), and the line after it. Such rows may follow
    one another; the figures are the names' above them only where the run of them ends at no name alone (a row of
    figures with its name, a blank line, the page's number, the end): figures set over their names (`_label_below`)
    would leave the last figures nameless there. A run closed by a name alone may be read either way: not read."""
    if j + 1 >= len(lines) or not _coded_alone(lines[j]):
        return None
    figs = _figures_only(lines[j + 1])
    if figs is None:
        return None
    k = j + 2
    while k + 1 < len(lines) and _coded_alone(lines[k]) and _figures_only(lines[k + 1]) is not None:
        k += 2
    if k < len(lines) and (_text_only(lines[k]) or _coded_alone(lines[k])):
        return None
    at = starts[j] + len(lines[j]) - len(lines[j].lstrip())
    return _Line(j + 1, lines[j].strip(), _lead(lines[j]), figs, at), j + 2


def _wrapped(lines: list[str], starts: list[int], j: int) -> tuple[_Line, int] | None:
    """A row whose label wraps around the line of its figures (`其他国有资本经营预算企业股利、` / `25,993` /
    `股息收入`), and the line after it."""
    if j + 1 >= len(lines) or not _text_only(lines[j]):
        return None
    figs = _figures_only(lines[j + 1])
    if figs is None:
        return None
    label = lines[j].strip()
    end = j + 2
    if end < len(lines) and _text_only(lines[end]) and (end + 1 >= len(lines) or _figures_only(lines[end + 1]) is None):
        label += lines[end].strip()
        end += 1
    at = starts[j] + len(lines[j]) - len(lines[j].lstrip())
    # a wrapped label's indentation is the wrapping's, not the tree's (UNKNOWN)
    return _Line(j + 1, flatten(label), UNKNOWN, figs, at), end


# the unit of a row's figures closing its label (`营业收入（元）`, `基本每股收益（元/股）`, `研发人员数量（人）`): a unit
# of money the unit notes name (blocks.UNIT_LIST_MONEY), or one of a share or of counting
UNIT_CLOSED = regex(r"[（(](?:" + "|".join(UNIT_LIST_MONEY) + r"|元/股|[%％]|人|个|家|户|台|套|吨|项)[）)]$")
MAX_LABEL_LINES = 2  # the lines a row's label may wrap onto under its first
LONG_LABEL = 8  # the characters of a label long enough to wrap (a short one fits its column)
FILL_SLACK = 2  # display columns a wrapped label may stop short of the widest label of its rows
MAX_RUN = 400  # lines looked at for a run's widest label


def _widest(lines: list[str], i: int, data: list[Parsed]) -> int:
    """Where the widest label of the rows from line i ends (display columns): of the rows of figures up to the
    first line that is neither one, nor blank, nor a label alone."""
    ends = [0]
    for k in range(i, min(len(lines), i + MAX_RUN)):
        p = data[k]
        if p is not None:
            ends.append(p[1] + width(p[0]))
        elif not (_blank(lines[k]) or _text_only(lines[k])):
            break
    return max(ends)


def _label_rest(
    lines: list[str], j: int, data: list[Parsed], row: tuple[str, int, int], widest: int, above: int | None = None
) -> int:
    """How many lines from j are the rest of the label of the row of figures right above (`归属于上市公司股东的
    312,508.64 …` / `扣除非经常性损益的净` / `利润`, a PDF's label wrapped under its first line). `row`: its label,
    its indentation and where its figures begin (display columns); `widest`: where the run's widest label ends.
    A long label only, and one that fills its column (ends where the widest does, give or take a character: a
    label that stops short of it did not wrap), going on in labels alone, each no longer than it, unnumbered, no
    colon nor other sentence mark (`流动资产：` heads the rows under it), within the label column, with a row of
    figures, a blank line, the end, a line standing over the figures (the next table's header) or a sentence
    right after the last. 0 for none. `above`: the row's line, where a page's margins and number stand between it
    and its label's rest (j − 1 by default)."""
    label, indent, figures = row
    if len(label) < LONG_LABEL or indent + width(label) < widest - FILL_SLACK:
        return 0  # (a label that does not fill its column did not wrap: `其中：保险费收入` over a blank item)
    if UNIT_CLOSED.search(label):
        return 0  # (`…净利润（元）`: the unit its figures are in closes the label; the words below head the next row)
    k = j
    while k < len(lines) and k - j < MAX_LABEL_LINES and _label_piece(lines[k], label, indent, figures):
        k += 1
        if k < len(lines) and data[k] is not None:
            if _heads_row_below(lines[k - 1], data[k], widest):
                return 0  # (`_label_head` reads it: the head of the row below's label, not the rest of this one's)
            # (a figure of the row stands in a column of the next row's: a table laid out in columns, where a
            # long label wraps, not a list of items set two spaces apart, `一、某某支出  6404  6513` / `“三供一业”…`)
            return k - j if _same_edge(lines[j - 1 if above is None else above], lines[k]) else 0
        if k >= len(lines) or _blank(lines[k]) or _ends_label(lines[k], figures):
            return k - j
    return 0


def _heads_row_below(piece_line: str, below: Parsed, widest: int) -> bool:
    """Does a label alone that fills the label column stand over a row of figures whose label is a short tail
    (`城乡居民基本养老保险基金  18954 …` / `机关事业单位基本养老保险` / `基金  29731 …`)? The words wrapped where the
    column ends onto the row below: they head its label, which alone names nothing whole. A tail that is a total or
    is numbered is a row of its own."""
    from .rows import marker

    assert below is not None
    piece, tail = piece_line.strip(), below[0]
    if len(tail) > TAIL_MAX or len(tail) >= len(piece) or marker(tail)[0] or total_kind(tail):
        return False
    return _lead(piece_line) + width(piece) >= widest - FILL_SLACK


def _join_label_rest(lines: list[str], j: int, data: list[Parsed], row: _Line, widest: Callable[[], int]) -> int:
    """Join to the row of figures on line j − 1 the lines from j that are the rest of its label (`_label_rest`;
    `widest`: where the run's widest label ends); how many they are."""
    if len(row.label) < LONG_LABEL or not _text_only(lines[j]):
        # (_label_rest's first tests, made before the row and the run are measured: most rows are short, or
        # have a blank line or another row below)
        return 0
    rest = _label_rest(lines, j, data, (row.label, row.indent, width(lines[j - 1][: row.figs[0].start()])), widest())
    if rest:
        row.label += "".join(flatten(lines[k]) for k in range(j, j + rest))
        row.indent = UNKNOWN  # (a wrapped label's indentation is the wrapping's, not the tree's)
    return rest


def _same_edge(a: str, b: str) -> bool:
    """Does a figure of each of two rows end at one column, in characters or in display columns (either, as
    archivers write both)?"""
    ends_a = [m.end() for m in CELL_TOKEN.finditer(a)]
    ends_b = [m.end() for m in CELL_TOKEN.finditer(b)]
    if set(ends_a) & set(ends_b):
        return True
    return bool({width(a[:e]) for e in ends_a} & {width(b[:e]) for e in ends_b})


def _ends_label(line: str, figures: int) -> bool:
    """Is the line no row of the table nor a heading over rows: one standing over the figures (the next table's
    header), or a sentence (the prose after the table)?"""
    return _lead(line) >= figures or SENTENCE_MARK.search(line) is not None and not _text_only(line)


def _label_piece(line: str, label: str, indent: int, figures: int) -> bool:
    """A line that may be a piece of a wrapped label: words alone, no longer than the label, unnumbered, no wide
    gap, standing in the label column (not further out than the label, left of the figures)."""
    from .rows import marker

    text = line.strip()
    if not _text_only(line) or len(text) > len(label) or WIDE_GAP.search(text) or marker(text)[0]:
        return False
    if breakdown_heading(text):
        return False  # (`分产品` under `营业收入合计`: the heading of the rows below)
    # (a short tail may go back to the column's left edge, left of a label set in: `国有土地使用权出让收入及对应专项债务
    # 收入安排的` set in one space, `支出` under it at the line's start)
    return (indent <= _lead(line) or len(text) <= TAIL_MAX) and _lead(line) < figures


def _rows(
    lines: list[str], starts: list[int], i: int, data: list[Parsed], paged: frozenset[int] = frozenset()
) -> tuple[list[_Line], int, bool]:
    """The rows from line i on, the line after them, and whether they stop at a line that may be a row."""
    rows: list[_Line] = []
    j = i
    cut = False
    widest = cache(lambda: _widest(lines, i, data))  # (read at the first label that may wrap)
    # (asked again of a block's heading past a gap: the gap is read on to it, then the heading is read as a row)
    block_heading = cache(lambda k: _block_heading(lines, k, data))
    ended = i  # the line after a whole row read, nothing joined to it (`_label_below`): the table's start at first
    while j < len(lines):
        p = data[j]
        if p:  # (_row, inlined: it runs for every row)
            rows.append(_Line(j, p[0], p[1], p[2], starts[j] + p[3]))
            j += 1
            ended = j
            if j < len(lines) and not data[j]:
                j += _join_label_rest(lines, j, data, rows[-1], widest)
            continue
        below = _label_below(lines, starts, j, data, (rows, ended))
        if below is not None:
            rows.append(below)
            j = ended = j + 2
            continue
        # (an empty line is no wrapped row, label tail, heading or blank item, which all hold words: it goes to
        # the gap below at once; a table set a blank line apart has one after every row)
        if lines[j]:
            headed = _coded_head(lines, starts, j, data)
            if headed is not None:
                rows.append(headed)
                j += 2
                continue
            wrapped = _wrapped(lines, starts, j) or _coded_over_figures(lines, starts, j)
            if wrapped is not None:
                rows.append(wrapped[0])
                j = wrapped[1]
                continue
            if breakdown_heading(lines[j]) and j + 1 < len(lines) and data[j + 1]:
                rows.append(_heading_row(lines, starts, j))  # (`分行业` over its rows: no label's tail)
                j += 1
                continue
            if _label_head(lines, j, data, rows, widest):
                p = data[j + 1]
                assert p is not None
                at = starts[j] + len(lines[j]) - len(lines[j].lstrip())
                rows.append(_Line(j + 1, flatten(lines[j].strip() + p[0]), UNKNOWN, p[2], at))
                j = ended = j + 2
                continue
            if _label_tail(lines, j, data, rows):
                rows[-1].label += lines[j].strip()  # (`机关事业单位基本养老保险` over its tail `缴费支出`)
                j += 1
                continue
            if (
                _group_heading(lines, j, data)
                or _part_heading(lines, j, data)
                or _blank_item(lines, j, data, rows)
                or block_heading(j)
                or _flow_heading(lines, j, data, rows)
            ):
                rows.append(_heading_row(lines, starts, j))
                j += 1
                continue
            headed = _cells_head(lines, starts, j, data, rows)
            if headed is not None:
                rows.append(headed)
                j += 2
                continue
        k = _label_rest_over_page(lines, j, data, (rows, paged), widest)
        if k is None:
            k = _rows_past_gap(lines, starts, j, data, (rows, paged, block_heading))
        if k is not None:
            j = k  # rows set one or two blank lines apart (a row left blank among them too)
            continue
        cut = j < len(lines) and _may_be_row(lines[j])
        break
    return rows, j, cut


def _may_be_row(line: str) -> bool:
    """Is the line the rows stopped at one that may be a row of the table not read, so that more of its rows may
    follow (its totals then not known to total all): a label alone, figures alone, a coded name alone, or a row
    that could not be read (`_unread_row`)?"""
    return _text_only(line) or _figures_only(line) is not None or _coded_alone(line) or _unread_row(line)


def _unread_row(line: str) -> bool:
    """Does the line open as a row does, a label and then two figures one right after the other, though it is no
    row read? A PDF's text read without its layout runs rows together on one line (`302 05 水费 84,500 0 84,500
    302 06 电费 …`) or sets the page's number after a row's last figure (`（二）专项债券 W 58,240 36,115 — 72—`):
    the table's rows go on past the last one read. (Prose sets no two bare figures side by side, nor a sentence's
    marks in a label.)"""
    first = CJK.search(line)
    if first is None:
        return False
    figs = FIGURE.finditer(line, first.end())
    a, b = next(figs, None), next(figs, None)
    if a is None or b is None or line[a.end() : b.start()].strip():
        return False
    return SENTENCE_MARK.search(line, 0, a.start()) is None


def _label_rest_over_page(
    lines: list[str], j: int, data: list[Parsed], read: tuple[list[_Line], frozenset[int]], widest: Callable[[], int]
) -> int | None:
    """The line the rows go on at past the page's margins and number from line j and the rest of the label of the
    row right above them, joined to that row (`职工基本医疗保险（含生育  94.00 …` / `— 18 —` / `保险）基金` / `工伤保险基金
    8.10 …`: a row broken across pages, `_label_rest_near`, its label leaving a bracket open); None where no page breaks
    there, the row's label is closed, or the words past it are
    no such rest (`_label_rest`: a long label filling its column, its rest no longer, a row of figures set as the
    row's right below it). `read`: the rows so far and the lines of page numbers."""
    rows, paged = read
    if not rows or rows[-1].line != j - 1 or not rows[-1].figs:
        return None
    k = j
    while k < len(lines) and _blank(lines[k]) and k - j <= 2 * NEAR:
        k += 1
    if k >= len(lines) or not any(n in paged for n in range(j, k)) or not _text_only(lines[k]):
        return None
    row = rows[-1]
    if not _bracket_open(row.label):
        # (a label whose brackets are all closed may be whole: a word past the page, `失业保险` over the next rows, may
        # be a block's heading or a stray line as well as its rest; a bracket left open, `（含生育`, is certainly cut)
        return None
    measured = (row.label, row.indent, width(lines[row.line][: row.figs[0].start()]))
    rest = _label_rest(lines, k, data, measured, widest(), above=row.line)
    if not rest or k + rest >= len(lines) or data[k + rest] is None:
        return None  # (its rest must lead on to the next row: past the page the table goes on)
    row.label += "".join(flatten(lines[n]) for n in range(k, k + rest))
    row.indent = UNKNOWN  # (a wrapped label's indentation is the wrapping's, not the tree's)
    return k + rest


def _bracket_open(label: str) -> bool:
    """Does the label open a bracket it does not close (`职工基本医疗保险（含生育`)?"""
    return label.count("（") + label.count("(") > label.count("）") + label.count(")")


def _rows_past_gap(
    lines: list[str],
    starts: list[int],
    j: int,
    data: list[Parsed],
    read: tuple[list[_Line], frozenset[int], Callable[[int], bool]],
) -> int | None:
    """The line the table's rows go on at past the blank lines from line j (a row of figures, a wrapped row, or a row
    left blank among rows set apart so), or None where they end there. `read`: the rows so far, the lines of page
    numbers (a page number past the plain gap still counts: rows set a blank line apart, the page's margins around
    its number make more blank lines than any gap between two rows), and `_block_heading` of a line, kept."""
    rows, paged, block_heading = read
    k, gap = j, MAX_GAP
    while k < len(lines) and _blank(lines[k]) and (k - j < gap or k in paged):
        if k in paged:
            gap += NEAR  # the blank lines around a page number are the page's margins
        k += 1
    if k == j or k >= len(lines):
        return None
    if (
        data[k]
        or _wrapped(lines, starts, k)
        or _coded_over_figures(lines, starts, k)
        or _blank_item(lines, k, data, rows)
    ):
        return k
    return k if block_heading(k) else None


def _label_below(
    lines: list[str], starts: list[int], j: int, data: list[Parsed], before: tuple[list[_Line], int]
) -> _Line | None:
    """A row whose figures the text layer set on the line above its label (`8.某某税  41,260  43,115` / `12,303
    12,360` / `9.某某增值税` / `1.某某小计  …`): line j its figures alone, right under a whole row (or the header), so no
    label above is theirs; line j + 1 a label alone, one word, no 注 under the table; and line j + 2 another row,
    a blank line or the end. A second line of words there may be the label's own (wrapped) or a row left blank:
    which is not certain, and the row is not read. Nor is one that leaves a cell blank: with no label before them,
    where its figures stand says nothing of their columns. `before`: the rows read so far, and the line after the
    last whole one (the table's first line at first)."""
    rows, ended = before
    figs = _figures_only(lines[j]) if ended == j else None
    if figs is None or j + 1 >= len(lines) or not _text_only(lines[j + 1]):
        return None
    if rows and len(figs) < max(len(r.figs) for r in rows):
        return None
    line = lines[j + 1]
    label = line.strip()
    if WIDE_GAP.search(label) or TABLE_NOTE.match(label) or not _row_after(lines, j + 2, data):
        return None
    lead = len(line) - len(line.lstrip())
    return _Line(j, flatten(label), _lead(line), figs, starts[j + 1] + lead, below=True)


def _row_after(lines: list[str], k: int, data: list[Parsed]) -> bool:
    """Is line k a row of figures (with its label, or alone over its label), a blank line, or past the end?"""
    if k >= len(lines) or _blank(lines[k]) or data[k] is not None:
        return True
    return _figures_only(lines[k]) is not None and k + 1 < len(lines) and _text_only(lines[k + 1])
