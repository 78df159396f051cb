"""One line of a plain-text report read as a row of a space-aligned table: a label, then figures set apart by runs
of spaces (`_data`, `_row`), with a text column after the figures split off and figures grouped by spaces rewritten
with commas (`table_lines`).

Its own module because this is the hot path: every line of every report goes through `_data` when tables are
looked for, and twosided.py and sidebyside.py read their rows with it too.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import accumulate, count
from operator import add

from tieout.linter.patterns import regex
from tieout.linter.text.model import Document

from .lineshapes import (
    CELL_TOKEN,
    CJK,
    CODE_AT,
    ROW_END_MARKS,
    SERIAL_AT,
    UNIT_CODE_AT,
    WIDE_GAP,
    YEAR_AT,
    Parsed,
    width,
)
from .vocab import (
    grade_names,
    no_figure_cell,
    words,
)

# an amount grouped by one space (`1 304.18`) in a cell set apart by wide gaps: GB/T 15835's grouping, or a text
# layer's comma lost
SPACE_GROUPED = regex(r"(?<=\s\s)\d{1,3}(?: \d{3})+\.\d{1,2}(?=\s\s|\s*$)")
# the point of such an amount, after its last group and the digit before it (`4 304.`): what every SPACE_GROUPED holds,
# found by a scan for the points alone (the pattern, opening with a look-behind, is tried at every character of
# every line with a point, most of them rows of a table: a seventh of the time)
SPACE_GROUPED_POINT = regex(r"\.(?<=\d \d{3}\.)")
COMMA_GROUPED = regex(r"\d,\d{3}")
GROUPED_NEAR = 12  # lines around one whose figures are grouped by commas, in the same table


def commas_for_spaces(lines: list[str]) -> list[str]:
    """The lines, an amount grouped by spaces in a table whose amounts are grouped by commas written with commas
    (`事业收入    1 304.18    其他支出    612.00`, the rows around writing `18,426.35`): read as it stands, its first
    group is a cell of its own, a figure of no column, and the table is not read. Only where every other figure
    of the line has decimals, as the amount has: a column of whole numbers (行次, counts) beside the amounts may
    stand one space from them (`1 304.18`, 行次 1 and 304.18), and is then left as it is; so is a line of two such
    amounts. Offsets are kept (a space becomes a comma). Read before the tables are looked for, one-sided or two."""
    out = lines
    for k, line in enumerate(lines):
        m = SPACE_GROUPED.search(line) if "." in line and SPACE_GROUPED_POINT.search(line) else None
        if m is None or len(SPACE_GROUPED.findall(line)) != 1:
            continue
        rest = line[: m.start()] + line[m.end() :]
        if any("." not in f.group() for f in CELL_TOKEN.finditer(rest) if f.group("figure") is not None):
            continue
        near = [*lines[max(0, k - GROUPED_NEAR) : k], *lines[k + 1 : k + GROUPED_NEAR + 1]]
        if not any(COMMA_GROUPED.search(ln) for ln in near) or any(_whole_cells(ln) for ln in near):
            continue
        if out is lines:
            out = list(lines)
        out[k] = line[: m.start()] + m.group().replace(" ", ",") + line[m.end() :]
    return out


def table_lines(original: str) -> list[str]:
    """`commas_for_spaces(original.split("\n"))`, the lines the readers of text tables read (each may change its copy
    in place)."""
    return list(_table_lines(original))


@lru_cache(maxsize=1)
def _table_lines(original: str) -> tuple[str, ...]:
    # (a pure function of the document's text, read once: the one-sided reader, the two-sided reader and its gate
    # asked it of the same text four times)
    return tuple(commas_for_spaces(original.split("\n")))


def _whole_cells(line: str) -> bool:
    """Does a row of the table (words and figures set apart by wide gaps) hold a whole number, or its header a
    column of them (`行次`, `栏次`)? A row's number or a count may then stand one space from an amount, and
    `1 304.18` is two cells."""
    if "行次" in line or "栏次" in line:
        return True
    if not (CJK.search(line) and WIDE_GAP.search(line.strip())):
        return False
    return any("." not in f.group() for f in CELL_TOKEN.finditer(line) if f.group("figure") is not None)


def _is_row(line: str) -> bool:
    return _data(line) is not None


def line_starts(lines: list[str], doc: Document | None = None) -> list[int]:
    """Each line's offset in the text the lines were split from (and, last, the text's length + 1): the running
    sum of the lengths before it, plus one newline for each line before, summed in C (a generator over the lines
    ran for every line of the report, in each of the three readers of text tables). Of the lines of a document's
    original text (`doc`), its own line starts, counted once for the document when it was made, are taken."""
    if doc is not None and len(doc.line_starts) == len(lines):
        return [*doc.line_starts, len(doc.original) + 1]
    return list(map(add, accumulate(map(len, lines), initial=0), count()))


# a figure the text layer split after its thousands comma or its point (`1, 350.00`, `1,688. 20`): the separator,
# the space, and the digits that complete the figure (a comma's group of three, a point's decimals)
SPLIT_FIGURE = regex(r"(?<=\d)(?:,(?= \d{3}(?:[.,\s]|$))|\.(?= \d+(?:%|\s|$)))")


# a last column of free text after a row's figures (`… 21,085.80  18,650.00  新增学位≥2,160个；验收合格率100%`, a table
# of projects with their targets): one word set apart by two spaces or more, as a column is, right after a figure,
# opening with a Chinese character and holding a sentence's mark or a figure of its own (no word written in place of
# a figure, `由盈转亏`, `优`, does; nor is a change noted in points one, `_no_figure_ends`)
TEXT_COLUMN = regex(r"(?<=[\d%])[ \t\u3000]{2,}(?=[\u4e00-\u9fff])(?=\S*(?:[，。；、：]|\d))\S{6,}\s*$")


def _data(line: str) -> Parsed:
    """A line of a label and figures: (label, indent, figure matches, the label's offset in the line). A last column
    of free text (TEXT_COLUMN) is no cell of figures: the row is read up to it."""
    # (the cheap test of a gap first: TEXT_COLUMN is sought on lines that have one only)
    text = _text_column(line) if _gapped(line) else -1
    if text >= 0 and not line.rstrip().endswith(_no_figure_ends()):
        # (a change noted in points, `减少0.54个百分点`, is a cell of a column of changes, not free text)
        line = line[:text]
    if "，" in line or "。" in line or "；" in line:
        return None  # prose (checked first: most lines of a report are, and the figures need not be found)
    if ". " in line or ", " in line:
        line = _joined(line)
    return _row(line)


GAP = " \t\u3000"  # what TEXT_COLUMN's gap is made of
TEXT_COLUMN_MARK = regex(r"[，。；、：\d]")  # what its word holds: a sentence's mark or a figure


def _text_column(line: str) -> int:
    """Where `TEXT_COLUMN.search(line)` starts (-1: no match), read from the line's last word: the pattern ends in a
    word of six characters or more and the spaces up to the line's end, so its one possible match is the last word
    and the gap before it. (The pattern, opening with a look-behind, was tried at every character of every row.)"""
    words = line.rsplit(None, 1)  # (`str.split` cuts at exactly the characters `\s` matches, as `flatten` says)
    if len(words) < 2:
        return -1
    head, word = words
    if len(word) < 6 or not "\u4e00" <= word[0] <= "\u9fff" or not (head[-1].isdecimal() or head[-1] == "%"):
        return -1  # (`\d` is isdecimal)
    gap = line[len(head) : len(line.rstrip()) - len(word)]
    if len(gap) < 2 or gap.strip(GAP) or TEXT_COLUMN_MARK.search(word) is None:
        return -1
    return len(head)


def _gapped(line: str) -> bool:
    """Does the line hold two spaces, a tab or a full-width space: any gap TEXT_COLUMN sets a column apart by?"""
    return "  " in line or "\t" in line or "\u3000" in line


def _joined(line: str) -> str:
    """The line with each figure the text layer split after a separator (`1, 350.00`) written whole, the space moved
    after it (`1,350.00 `): the other cells stay where they stand. Only in a line of cells set two spaces apart."""
    if not WIDE_GAP.search(line):
        return line
    out = line
    for m in reversed(list(SPLIT_FIGURE.finditer(line))):
        k = m.end()  # (the space after the separator)
        end = k + 1
        while end < len(out) and (out[end].isdecimal() or out[end] in ".,%"):
            end += 1
        out = out[:k] + out[k + 1 : end] + " " + out[end:]
    return out


def _row(line: str) -> Parsed:
    """`_data` of a line whose figures are whole."""
    # cheap tests first, each a condition of the full reading below: the line ends in a figure or a dash
    # (nothing but spaces after the last), and its label holds a Chinese character
    s = line.rstrip()
    if not s or not (s[-1].isdecimal() or s[-1] in ROW_END_MARKS or s.endswith(_no_figure_ends())):
        return None  # (\d is isdecimal)
    if not CJK.search(s):
        return None
    cells = list(CELL_TOKEN.finditer(line))
    # (a classification code, a unit's code, or a row's serial number under 序号: the label's, not a figure; \d is
    # isdecimal)
    lead = len(line) - len(line.lstrip())
    code = (
        CODE_AT.match(line, lead)
        or SERIAL_AT.match(line, lead)
        or YEAR_AT.match(line, lead)
        or UNIT_CODE_AT.match(line, lead)
        if line[lead : lead + 1].isdecimal()
        else None
    )
    if code:  # `2080501   行政单位离退休   389,516`: the classification code is the label's, not a figure
        cells = [f for f in cells if f.start() >= code.end()]
    # dashes stand for cells where a figure, a classification code or another dash makes the line a row
    if not cells or len(cells) == 1 and not code and cells[0].lastgroup != "figure":
        return None
    at = cells[0].start()
    head = line[:at]
    label = head.strip()
    if not label or not CJK.search(label):
        return None  # (the line holds no 。；，: tested first)
    # every word from the first figure on is a figure or a dash (each is a whole word), or a word written in
    # place of a figure (`由盈转亏`, a slash): no other text between them (prose, not a row) nor after the last
    n = len(line[at:].split())
    if n != len(cells):
        spaced = _with_words(line, at, cells, n)
        if spaced is None:
            return None
        cells = spaced
    indent = head[: len(head) - len(head.lstrip())]
    # (width of ASCII spaces is their count, less the form feeds, which take no column)
    wide = len(indent) - indent.count("\f") if indent.isascii() else width(indent.replace("\f", ""))
    return label, wide, cells, len(indent)


def _with_words(line: str, at: int, cells: list[re.Match[str]], n: int) -> list[re.Match[str]] | None:
    """A row's cells with the words written in place of a figure among them (`-2,310  1,420  由盈转亏`), when
    they are all the words from the first cell on that are not figures or dashes; None otherwise. A row of
    such words and dashes only holds no figure: no row."""
    if not any(c.lastgroup == "figure" for c in cells):
        return None
    found = list(no_figure_cell().finditer(line, at))
    grade = _closing_grade().search(line, at)
    if grade is not None and not any(f.start() == grade.start() for f in found):
        found.append(grade)
    if not found or len(found) + len(cells) != n:
        return None
    return sorted(cells + found, key=lambda m: m.start())


@cache
def _no_figure_ends() -> tuple[str, ...]:
    """What a row ending in a word written in place of a figure ends with (the words, a slash), or in a change in
    percentage points noted in a column of changes in % (`增加0.71个百分点`, `-0.68（百分点）`: NOTED_FIGURE), or in
    an evaluation's grade (`… 91.5  优`: CLOSING_GRADE), read once."""
    return (*words("no_figure_words"), *grade_names(), "/", "／", "\\", "个百分点", "百分点）", "百分点)")


@cache
def _closing_grade() -> re.Pattern[str]:
    """The grade an evaluation's table writes in its last column, after a row's figures (`评价得分 | 等级`:
    `… 91.5  优`): a whole word, the line's last, set apart by two spaces or more as a column is. It holds no
    figure; the column it stands in is one of words (`_figureless_column`), read as no figure."""
    listed = sorted(grade_names(), key=lambda w: (-len(w), w))
    return regex(rf"(?<=\s\s)(?:{'|'.join(map(re.escape, listed))})(?=\s*$)")
