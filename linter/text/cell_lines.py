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
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from tieout.linter.patterns import regex
from tieout.linter.vocab import load

# a cell that is a figure alone (a sign, separators, decimals, a percent), or a dash standing for an empty cell
FIGURE_CELL = regex(r"[-−+]?\d[\d,]*(?:\.\d+)?%?|[-—－–]{1,2}")
# a page's number standing between two rows (`— 3 —`, `- 12 -`, `第 3 页`)
PAGE_LINE = regex(r"[-—－–]\s*\d{1,4}\s*[-—－–]|第\s*\d{1,4}\s*页")
# a line stating the table's unit (`单位：万元`), which may stand right above the header
UNIT_LINE = regex(r"(?:金额)?单位\s*[:：].*")
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
    """The text with each table of cells one a line (module doc) made rows of bars, and the identity map (None where
    there is no such table)."""
    lines = text.split("\n")
    kinds = [_kind(line) for line in lines]
    joins: list[int] = []  # the newlines that become bars, by line: the newline ending that line
    k = 0
    while k < len(lines):
        found = _table_at(kinds, lines, k)
        if found is None:
            k += 1
            continue
        rows, end = found
        for first, last in rows:
            joins.extend(range(first, last))
        k = end
    if not joins:
        return text, None
    out = []
    marks = set(joins)
    for j, line in enumerate(lines):
        out.append(line)
        if j < len(lines) - 1:
            out.append("|" if j in marks else "\n")
    return "".join(out), range(len(text))  # (one character for one: the identity)


def _table_at(kinds: list[int], lines: list[str], label: int) -> tuple[list[tuple[int, int]], int] | None:
    """The header's and rows' line spans (first, last line) of the table whose first row's label is line `label`,
    and the line after its last row; None unless the shape is certain (module doc)."""
    width = _figures_after(kinds, label)
    if kinds[label] != WORD or width < MIN_COLUMNS:
        return None
    header = _header_before(kinds, lines, label)
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


def _header_before(kinds: list[int], lines: list[str], label: int) -> tuple[int, int] | None:
    """The header's first and last line above the first row: the run of name lines before it (blank lines between
    them and the row allowed), opened by a name column's heading, with a blank line, a unit's line or the text's
    start above it."""
    last = label - 1
    while last >= 0 and kinds[last] == BLANK:
        last -= 1
    first = last
    while first > 0 and kinds[first - 1] == WORD:
        first -= 1
    if last < 0 or kinds[first] != WORD or lines[first].strip() not in _name_headers():
        return None
    if first > 0 and kinds[first - 1] != BLANK and not UNIT_LINE.fullmatch(lines[first - 1].strip()):
        return None
    return first, last


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
