"""Tables whose cells stand one a line: text extracted from a PDF without its layout (pdftotext's reading order)
sets a table's header as its column names one a line, then each row as its label on a line and one line for each
figure:

    项目
    收入
    支出
    结余

    甲基金
    1,200
    1,000
    200
    乙基金
    …

Such rows are made rows of bars (`甲基金|1,200|1,000|200`: each newline within a row becomes a bar, one character
for one, so no map is needed), which the table reader reads as it reads any table of bars. Read so only where the
shape is certain: a header of exactly one line more than each row has figures, the first of them a name column's
heading (tables.yaml name_headers), standing alone between a blank line (or a unit's line) and the first row; two
rows or more, each a label line and exactly as many figure lines, its lines unbroken; a page's number or a blank
line only between rows; and no figure line within the two lines after the last row (a row of another shape, or a
label wrapped over two lines, would make the rows before it uncertain too).

A coded table (a 部门决算's 支出决算表) sets each row's classification code on a line of its own before its name, and
leaves a blank cell out altogether, so that its rows have as many figure lines as they have cells filled:

    科目编码
    科目名称
    合计
    基本支出
    项目支出
    合计
    3,230.82
    …
    208
    社会保障和就业支出
    126.84
    126.84

Its rows are made rows of cells one space apart (`208 社会保障和就业支出 126.84 126.84`), as the text of a PDF table whose
blank cells were dropped sets them: the table reader places such a row's figures only where the header (a 合计 and
its parts) and the code tree make their columns certain, and else reads no more than each row's figures as its 合计
and parts (parse/tables/dropped.py). Read so only where the shape is certain: a header of a code column's heading
(tables.yaml code_headers), a name column's heading and one line for each column of figures, standing as above;
a first row that may be the table's total, without a code; every other row a code (3, 5 or 7 digits) on its line,
its name, and one figure line up to as many as there are columns; the figure line before a name is the code of the
name's row (a row whose name is a total's, `合计`, has no code: no such row but the first); one row at least full.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

from tieout.linter.patterns import regex
from tieout.linter.vocab import load

# a cell that is a figure alone (a sign, separators, decimals, a percent), or a dash standing for an empty cell
FIGURE_CELL = regex(r"[-−+]?\d[\d,]*(?:\.\d+)?%?|[-—－–]{1,2}")
# a page's number standing between two rows (`— 3 —`, `- 12 -`, `第 3 页`)
PAGE_LINE = regex(r"[-—－–]\s*\d{1,4}\s*[-—－–]|第\s*\d{1,4}\s*页")
# a line stating the table's unit (`单位：万元`), which may stand right above the header
UNIT_LINE = regex(r"(?:金额)?单位\s*[:：].*")
# a line naming the unit that compiled the table, and the table's unit after it (`编制单位：某某局  单位：万元`)
COMPILER_LINE = regex(r"编制单位\s*[:：]\S*\s+(?:金额)?单位\s*[:：].*")
# a row's classification code on its own line (类 3 digits, 款 5, 项 7)
CODE_CELL = regex(r"\d{3}(?:\d{2}){0,2}")
# a row's name that is a total's (合计, 本年支出合计, 总计, 小计): no classification row's
TOTAL_NAME = regex(r".*[合总小]计")
# what a label or a column's name never holds: a sentence's marks, or a colon
PROSE_MARKS = regex(r"[。，；：:！？]")
LABEL_MOST = 30  # the characters of a label or a column's name at most
MIN_COLUMNS = 2
MIN_ROWS = 2
AFTER_LAST = 2  # the lines after the last row that must hold no figure alone

FIGURE, WORD, PAGE, BLANK, OTHER = range(5)


@cache
def _name_headers() -> frozenset[str]:
    return frozenset(str(w) for w in load("tables").get("name_headers") or [])


@cache
def _code_headers() -> frozenset[str]:
    return frozenset(str(w) for w in load("tables").get("code_headers") or [])


def _kind(line: str) -> int:
    s = line.strip()
    if not s:
        return BLANK
    if FIGURE_CELL.fullmatch(s):
        return FIGURE
    if PAGE_LINE.fullmatch(s):
        return PAGE
    if len(s) <= LABEL_MOST and not PROSE_MARKS.search(s):
        return WORD
    return OTHER


def cell_lines(text: str) -> tuple[str, Sequence[int] | None]:
    """The text with each table of cells one a line (module doc) made rows of bars, each coded one rows of cells one
    space apart, and the identity map (None where there is no such table)."""
    return _joined(text, ((_table_at, "|"), (_coded_at, " ")) if _names_codes(text) else ((_table_at, "|"),))


def coded_lines(text: str) -> str:
    """The text with each coded table of cells one a line (module doc) made rows of cells one space apart, as
    `cell_lines` makes them in the normalised text: the lines the reader of space-set tables reads of the original
    text. One character for one, so that an offset into it is one into `text`."""
    return _joined(text, ((_coded_at, " "),))[0] if _names_codes(text) else text


def _names_codes(text: str) -> bool:
    """Does the text name a code column (most texts do not: no line of theirs is looked at for a coded table)?"""
    return any(h in text for h in _code_headers() if len(h) > 1)


Finder = Callable[[list[int], list[str], int], "tuple[list[tuple[int, int]], int] | None"]


def _joined(text: str, finders: tuple[tuple[Finder, str], ...]) -> tuple[str, Sequence[int] | None]:
    """The text with the newlines within each header and row of the tables a finder finds made its mark, and the
    identity map (None where there is no such table)."""
    lines = text.split("\n")
    kinds = [_kind(line) for line in lines]
    joins: dict[int, str] = {}  # the newlines that become marks, by line: the newline ending that line
    k = 0
    while k < len(lines):
        found = next(((f, mark) for find, mark in finders if (f := find(kinds, lines, k)) is not None), None)
        if found is None:
            k += 1
            continue
        (rows, end), mark = found
        for first, last in rows:
            joins.update(dict.fromkeys(range(first, last), mark))
        k = end
    if not joins:
        return text, None
    out = []
    for j, line in enumerate(lines):
        out.append(line)
        if j < len(lines) - 1:
            out.append(joins.get(j, "\n"))
    return "".join(out), range(len(text))  # (one character for one: the identity)


def _table_at(kinds: list[int], lines: list[str], label: int) -> tuple[list[tuple[int, int]], int] | None:
    """The header's and rows' line spans (first, last line) of the table whose first row's label is line `label`,
    and the line after its last row; None unless the shape is certain (module doc)."""
    width = _figures_after(kinds, label)
    if kinds[label] != WORD or width < MIN_COLUMNS:
        return None
    header = _header_before(kinds, lines, label, _name_headers())
    if header is None or header[1] - header[0] + 1 != width + 1:
        return None
    rows = []
    k = label
    while k < len(kinds) and kinds[k] == WORD and _figures_after(kinds, k) == width:
        rows.append((k, k + width))
        k = _next_content(kinds, k + width + 1)
    if len(rows) < MIN_ROWS or _figure_soon(kinds, k):
        return None
    return [header, *rows], rows[-1][1] + 1


def _figures_after(kinds: list[int], k: int) -> int:
    """The figure lines right after line k, then a line that is no figure (or the text's end): their number."""
    n = 0
    while k + 1 + n < len(kinds) and kinds[k + 1 + n] == FIGURE:
        n += 1
    return n


def _header_before(kinds: list[int], lines: list[str], label: int, opening: frozenset[str]) -> tuple[int, int] | None:
    """The header's first and last line above the first row: the run of name lines before it (blank lines between
    them and the row allowed), opened by one of the `opening` headings (a name column's, or a code column's), with
    a blank line, a unit's line or the text's start above it."""
    last = label - 1
    while last >= 0 and kinds[last] == BLANK:
        last -= 1
    first = last
    while first > 0 and kinds[first - 1] == WORD:
        first -= 1
    if last < 0 or kinds[first] != WORD or lines[first].strip() not in opening:
        return None
    above = lines[first - 1].strip() if first > 0 else ""
    if first > 0 and kinds[first - 1] != BLANK and not (UNIT_LINE.fullmatch(above) or COMPILER_LINE.fullmatch(above)):
        return None
    return first, last


def _coded_at(kinds: list[int], lines: list[str], first: int) -> tuple[list[tuple[int, int]], int] | None:
    """The header's and rows' line spans of the coded table (module doc) whose first row starts at line `first`,
    and the line after its last row; None unless the shape is certain."""
    if kinds[first] not in (WORD, FIGURE):
        return None
    header = _header_before(kinds, lines, first, _code_headers())
    if header is None or lines[header[0] + 1].strip() not in _name_headers():
        return None
    width = header[1] - header[0] - 1  # (the lines after the code's and the name's headings)
    if width < MIN_COLUMNS:
        return None
    rows: list[tuple[int, int]] = []
    k = first
    while k < len(kinds):
        row = _coded_row(kinds, lines, k, width, first=not rows)
        if row is None:
            break
        rows.append(row)
        k = _next_content(kinds, row[1] + 1)
    if k < len(kinds) and _is_code(kinds, lines, k):
        return None  # (a code, maybe taken from the figures of the row before, opening no row: the rows are uncertain)
    full = any(last - label == width for (_, last), label in zip(rows, _labels(kinds, rows)))
    if len(rows) < MIN_ROWS or not full or _figure_soon(kinds, k):
        return None
    return [header, *rows], rows[-1][1] + 1


def _coded_row(kinds: list[int], lines: list[str], k: int, width: int, first: bool) -> tuple[int, int] | None:
    """The first and last line of the row starting at line k of a coded table of `width` figure columns: its code
    (the first row may be a total without one), its name, and its figures, the next row's code left out; None
    where no row of that shape starts there."""
    if kinds[k] == WORD and first:
        label = k
    elif _is_code(kinds, lines, k) and not TOTAL_NAME.fullmatch(lines[k + 1].strip()):
        label = k + 1
    else:
        return None
    n = _figures_after(kinds, label)
    if _next_is_code(kinds, lines, label + n):
        n -= 1
    return (k, label + n) if 1 <= n <= width else None


def _is_code(kinds: list[int], lines: list[str], k: int) -> bool:
    """Is line k a classification code with a name's line after it?"""
    return k + 1 < len(kinds) and kinds[k + 1] == WORD and bool(CODE_CELL.fullmatch(lines[k].strip()))


def _next_is_code(kinds: list[int], lines: list[str], last: int) -> bool:
    """Is the last figure line of a run (line `last`) the code of the row whose name follows it?"""
    return kinds[last] == FIGURE and _is_code(kinds, lines, last)


def _labels(kinds: list[int], rows: list[tuple[int, int]]) -> list[int]:
    """The name line of each row of a coded table (the line after its code, or the first row's own first line)."""
    return [a if kinds[a] == WORD else a + 1 for a, _ in rows]


def _next_content(kinds: list[int], k: int) -> int:
    """The first line from k on that is neither blank nor a page's number."""
    while k < len(kinds) and kinds[k] in (BLANK, PAGE):
        k += 1
    return k


def _figure_soon(kinds: list[int], k: int) -> bool:
    """Is there a figure line among the few lines of content from line k on?"""
    seen = 0
    while k < len(kinds) and seen < AFTER_LAST:
        if kinds[k] == FIGURE:
            return True
        seen += kinds[k] not in (BLANK, PAGE)
        k += 1
    return False
