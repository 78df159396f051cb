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
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import accumulate, chain, compress, count
from math import inf
from operator import add, gt, itemgetter

from tieout.linter.patterns import lazy, regex
from tieout.linter.text.model import Document
from tieout.linter.text.normalise import PAGE_NUMBER
from tieout.linter.vocab import alternation, fund_budgets, wordings

from .blocks import CONTINUED, PREPARED_BY, UNIT_LIST_MONEY, UNIT_ONLY, Block, _caption_key, _repeats, unit_of
from .cells import DASH, DASH_CHARS, UNPLACED, Cell, flatten
from .groups import Metric, Tree, tree
from .levels import LEVEL_HEADER
from .values import mask_values
from .vocab import (
    CODE_HEADER,
    MEASURE_NOTE,
    PART_HEADING,
    POINTS_CELL,
    SATISFACTION,
    Role,
    breakdown_heading,
    column_heading,
    defined_ratio_heading,
    grade_names,
    no_figure,
    no_figure_cell,
    rate_heading,
    role_of,
    scored,
    share_of_heading,
    total_kind,
    without_percent,
    words,
)
from .weights import mask_weights
from .wrapped import joined_lines, wrapped_names
from .year_rows import mask_years

# (rows, header, placing, dropped and wrapped are imported in the functions that read the lines of a table found: a
# report without tables never asks for them; see build.py)

# a figure, a whole word of the line: `(?<!\S)[-−]?\d[\d,]*(?:\.\d+)?%?(?!\S)`, written to open with one set of
# characters, then the test that the character before is a space (`(?<!\S.)` after the fact): the regex engine
# then skips to a possible first character at C speed instead of trying each position of the line (the same
# matches, checked on every line of the corpus and probe texts and on random strings, in half the time)
FIGURE = regex(r"[-−+\d](?<!\S.)(?:(?<=[-−+])\d|(?<=\d))[\d,]*(?:\.\d+)?%?(?!\S)")
# a row's cell, a whole word of the line: a figure, or a dash written for "nothing" (`736.62  736.62  -  -`, a
# blank cell that still shows its column: `[-—–－]{1,2}`); the group `figure` is matched for a figure. Written
# as FIGURE is: the same matches as `(?<!\S)(?:FIGURE|[-—–－]{1,2})(?!\S)`.
CELL_TOKEN = regex(
    r"[-−—–－+\d](?<!\S.)"  # the first character, at the start of a word
    r"(?:(?:(?<=[-−+])\d|(?<=\d))[\d,]*(?:\.\d+)?%?(?P<figure>)"  # a figure: a sign and a digit, or a digit first
    r"|(?<=[-—–－])[-—–－]?)"  # a dash cell: one or two dashes
    r"(?!\S)"
)
# (`市县别`: the rows of a table of transfers laid out by the cities and counties that receive them)
NAME_HEADER = regex(r"项\s*目|科\s*目|地\s*区|指\s*标|资金来源|名\s*称|类\s*别|分\s*类|险\s*种|市\s*县\s*别")
# a header word that names the label column (项目, 收入项目, 功能分类科目, 科目名称, 一级指标): it ends in such a
# name; a column of figures may start with one (项目支出, 项目数)
LABEL_HEADER = regex(rf"(?:{NAME_HEADER.pattern})(?:名称)?$")
UNIT = regex(r"单位[：:]\s*(亿元|万元|千元|元)")
# a caption line above the header: the unit note, the table's number or title, a note
CAPTION_LINE = regex(r"单位[：:]|^附?表\s*[\d一二三四五六七八九十]|表\s*(?:[（(]\s*\d+\s*[）)])?$|[。；]$")
SENTENCE_ENDS = (
    "。",
    "；",
    "。\n",
    "；\n",
)  # what CAPTION_LINE's last way ends a line with (`$`: before a newline too)


def caption_line(line: str) -> bool:
    """`CAPTION_LINE.search(line)`: a line ending a sentence is one at once, and only a line holding 单位 or 表 is
    searched (the lines tested are most often prose, which the pattern would try at every character)."""
    if line.endswith(SENTENCE_ENDS):
        return True
    return ("单位" in line or "表" in line) and CAPTION_LINE.search(line) is not None


# a line that opens the text a table stands in, never one of its header's: a caption naming the table (`表：…`,
# `表1`, `附表 2`), a sentence announcing it (`…如下：`), a heading (`四、综合评价结论`, `（二）…`, `第三部分`)
ABOVE_HEADER = regex(
    r"^\s*(?:附?表\s*(?:[：:\d一二三四五六七八九十]|$)|[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十]+\s*[）)]"
    r"|\d{1,2}\s*[、．]|第[一二三四五六七八九十\d]+[章节部分])|[：:]\s*$"
)
# the line of column formulas under a header (`公  式   A=B+C   B   C`)
# (the spaces before the first mark matched once: `^\s*(?:公\s*式|栏\s*次)?(?:\s+MARK)+\s*$` is the same pattern, whose
# `\s*` and first `\s+` shared the spaces opening the line, tried in every split of them)
FORMULA_LINE = regex(r"^(?:\s*(?:公\s*式|栏\s*次))?(?:\s+(?:\d{1,2}|[A-Z])(?:=[\dA-Z+\-*/×÷()（）]+)?)+\s*$")
# a classification code (类 3 digits, 款 5, 项 7) opening a row before its name; CODE_AT, the code alone, is
# matched where the row's words begin (each pattern below opening with a digit: matched there, not from the line's
# start over the spaces before it, which `^\s*` backtracks over)
CODE_AT = lazy(r"(?:\d{3}|\d{5}|\d{7}|[1-5]\d{2}(?:\s+\d{2}){1,2})\s+(?=[\u4e00-\u9fff])")
CODE_FIRST = lazy(r"^\s*" + CODE_AT.pattern)
# a year opening a row's label, set apart from its 年 as a PDF's text sets figures apart (`2024 年末债务余额`)
YEAR_AT = lazy(r"(?:19|20)\d{2}\s(?=年)")
# a row's serial number before its label, set off by a wide gap (`3     红星中学   125.80`) or by one full-width
# space, as wide as two (`3　红星中学　125.80`, the cells of a table typed with them): no figure of it
SERIAL_AT = lazy(r"\d{1,2}(?:\s{2,}|\u3000)(?=[\u4e00-\u9fff])")
# a unit's code before its name in a 部门决算's tables by unit (`单位编码 单位名称`: `401003 某检测中心 1,030.19`):
# six digits, no classification code's length; the label's, not a figure
UNIT_CODE_AT = lazy(r"\d{6}\s+(?=[\u4e00-\u9fff])")
# patterns of the functions below, compiled once (a call of re.search(str, …) looks its pattern up each time)
SENTENCE_MARK = regex(r"[。；，：:]")
MARK = regex(r"[A-Z\d]")
WIDE_GAP = regex(r"\s{2,}")
# (a total's heading spaced out as the labels' is, `项    目 … 合  计`: one name; a per-cent mark a space after its
# heading, `（同比） +-%`, is no heading of its own but the unit of that one)
HEADER_WORD = regex(r"[合总小] {1,4}计(?!\S)|(?:\d{4} (?=年))?\S+(?: (?:[+\-±]{1,2})?[%％](?!\S))?")
SPACED_TOTAL = regex(r"[合总小] +计")
WORD = regex(r"\S+")
MAX_HEADER = 6
# a header of one cell a line (a PDF's text read without layout: `单位名称` / `合计` / `一般公共预算拨款收入` / …) has a
# line for every column: a table of seven columns of figures needs more lines than a header set in rows
MAX_LINED_HEADER = 12
MAX_GAP = 2  # blank lines that may stand between rows of one table (a 合计 set apart)
UNKNOWN = -2  # the indentation of a row whose label wraps: its place in the tree is not known
SHIFT = 6  # display columns a placement may beat the next best by to count as clear


_WIDTHS: dict[str, int] = {}  # a character's display width, looked up once per character
# a character that is neither ASCII nor of the Chinese ranges below (CJK symbols and punctuation, unified
# ideographs, full-width forms), every one of which is wide (east_asian_width W or F: a test checks) and three
# bytes long in UTF-8
NOT_PLAIN_WIDE = lazy(r"[^\x00-\x7f\u3000-\u303e\u4e00-\u9fff\uff01-\uff60]")


def width(text: str) -> int:
    if text.isascii():  # no ASCII character is wide
        return len(text)
    if not NOT_PLAIN_WIDE.search(text):
        # ASCII and wide characters only (the usual label): each wide one is two bytes more in UTF-8 than an
        # ASCII one, so they are counted without a loop over the characters
        return len(text) + (len(text.encode()) - len(text)) // 2
    total = 0
    for ch in text:
        w = _WIDTHS.get(ch)
        if w is None:
            w = _WIDTHS[ch] = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        total += w
    return total


def chars(text: str) -> int:
    return len(text)


class _Mapper:
    """Original offsets to normalised ones (the figures survive normalisation character by character)."""

    def __init__(self, doc: Document) -> None:
        self.origin = doc.origin

    def norm(self, original: int) -> int | None:
        i = bisect_left(self.origin, original)
        return i if i < len(self.origin) and self.origin[i] == original else None


@dataclass
class Layout:
    """Where a table's columns stand: the metric its lines are measured in, each column's right edge, and the
    decimals each column's figures are written with."""

    metric: Metric
    cols: list[int]
    shapes: list[set[int]]
    # placed at the right ends of the header's headings (`_layout_header_ends`): a column no row fills is one its
    # heading names, not a misreading
    by_headings: bool = False


@dataclass
class Aligned:
    """A space-aligned table as read: its block, each grid row's label indentation (-1 for header rows),
    and whether it goes on from the table before (`continued`) or into the next (`block.open_end`); with its
    header lines and layout, by which the rows of the next page are read when they continue it."""

    block: Block
    indents: list[int]
    continued: bool = False
    # a two-sided table's indentation of each side's labels by grid row, each from its own side's label column
    # (twosided.py): one list of grid rows cannot hold both sides' (-1 header rows, UNKNOWN rows of no such label)
    side_indents: list[list[int]] | None = None
    columns: int = 0
    names: tuple[str, ...] = ()
    first_line: int = 0
    last_line: int = 0
    header: list[int] = field(default_factory=list)
    numbering: int | None = None
    layout: Layout | None = None
    # what each line after it is as its page furniture (_furniture), read once: the lines between a table and
    # the runs of figures below it are read again for every run
    furniture: dict[str, str | None] = field(default_factory=dict)
    caption_keys: set[str] | None = None  # its caption lines as they may be repeated (_caption_key), once read


@dataclass(slots=True)  # slotted: one for every row of every run of figures
class _Line:
    """A row as read: the line of its figures, its label (joined when it wraps over the lines around the
    figures), the label's indentation and where it starts in the original text."""

    line: int
    label: str
    indent: int
    figs: list[re.Match[str]]
    label_at: int
    coded: bool = False  # its classification code stands after its name, in a column of codes (_codes_after_names)
    below: bool = False  # its label stands on the line under its figures (_label_below)


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


def find_aligned(doc: Document) -> list[Aligned]:
    """The space-aligned tables of a plain-text report, in order."""
    # (a report may hold pipe tables too: a row of bars is no row of figures for `_data`, which wants a line
    # ending in a figure, each figure a whole word)
    if not doc.path.endswith((".txt", ".text", ".md", ".markdown")):
        return []
    lines = table_lines(doc.original)
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


def _is_row(line: str) -> bool:
    return _data(line) is not None


def _run_starts(data: list[Parsed]) -> Iterator[int]:
    """The lines where a run of rows of figures starts (a row, with none right above it), found in C: a table
    is looked for only there, not at every line of the report."""
    read = list(map(bool, data))
    return chain(compress(count(), read[:1]), compress(count(1), map(gt, read[1:], read)))


def line_starts(lines: list[str], doc: Document | None = None) -> list[int]:
    """Each line's offset in the text the lines were split from (and, last, the text's length + 1): the running
    sum of the lengths before it, plus one newline for each line before, summed in C (a generator over the lines
    ran for every line of the report, in each of the three readers of text tables). Of the lines of a document's
    original text (`doc`), its own line starts, counted once for the document when it was made, are taken."""
    if doc is not None and len(doc.line_starts) == len(lines):
        return [*doc.line_starts, len(doc.original) + 1]
    return list(map(add, accumulate(map(len, lines), initial=0), count()))


def _page_heads(lines: list[str], nonblank: list[int], data: list[Parsed]) -> dict[str, list[int]]:
    """The lines of words that stand first on a page, right after the page number of the page before, twice or
    more (`某某委员会2025年部门预算公开` atop each page, where the report's title takes two lines): a running head,
    with the lines where it so stands."""
    seen: dict[str, list[int]] = {}
    for a, b in zip(nonblank, nonblank[1:]):
        # (PAGE_MARK backtracks over the spaces that open a line, a table row's many, before it fails)
        if data[b] is None and _page_mark(lines[a]) and CJK.search(lines[b]):
            seen.setdefault(lines[b].strip(), []).append(b)
    return {h: at for h, at in seen.items() if len(at) >= 2}


# the first character of a page mark (PAGE_MARK) besides a digit: a dash or 第
PAGE_MARK_START = "-—–－第"


def _page_mark(line: str) -> bool:
    """`PAGE_MARK.match(line)`, of the line stripped (the pattern's spaces at either end): its first character
    tested first, and no spaces opening it to backtrack over. (A digit is isdecimal.)"""
    s = line.strip()
    return bool(s) and (s[0].isdecimal() or s[0] in PAGE_MARK_START) and PAGE_MARK.match(s) is not None


def _page_numbers_within(lines: list[str], data: list[Parsed], heads: frozenset[int]) -> frozenset[int]:
    """A page number between two rows of figures (`  教育  1035.75  1069.35` / `— 1 —` / `  科学技术  540.05 …`) is
    where the page broke, not the end of the table: read as a blank line (`lines` changed in place; the offsets
    of the lines are counted before). Returns those lines: the blank lines around one are the page's margins,
    not a gap that ends the table (`_rows`). `heads`: the lines of the report's running head (`_running_heads`)."""
    paged: set[int] = set()
    for j, ln in enumerate(lines):
        if not ln or ln[-1] not in PAGE_NUMBER_END:
            continue  # (most lines end in a figure or a word: only a line ending like a page number is matched)
        if data[j] is not None and ln[-1] != "页":
            # a row of figures (most lines ending in a digit) holds a Chinese character, which a page number holds
            # only in its `第 7 页` form, ending in 页: no row needs the match
            continue
        if PAGE_NUMBER.match(ln.strip()) is None:
            continue
        after = _row_near(lines, data, j, 1, heads) or _label_rest_near(lines, data, j, heads)
        if after and (_row_near(lines, data, j, -1, heads) or _header_near(lines, j)):
            lines[j] = ""
            paged.add(j)
            for k in range(j - NEAR, j + NEAR + 1):
                if k in heads:  # the page's running head beside its number: page furniture too
                    lines[k] = ""
                    paged.add(k)
    return frozenset(paged)


def _running_heads(lines: list[str], data: list[Parsed], text: tuple[str, list[int]]) -> frozenset[int]:
    """The lines after the first that repeat the report's title (its first line with text) word for word: a
    running head, which text extracted from a PDF keeps beside the page's number, amid a table's rows. `text`:
    the text the lines were split from and each line's offset in it (line_starts)."""
    first = next((k for k, ln in enumerate(lines) if ln.strip()), None)
    if first is None:
        return frozenset()
    title = lines[first].strip()
    if len(title) < 6 or not CJK.search(title):
        return frozenset()
    # (the lines holding the title, found by searching the text: not every line of the report compared in turn)
    original, starts = text
    found: set[int] = set()
    at = original.find(title, starts[first + 1])
    while at >= 0:
        k = bisect_right(starts, at) - 1
        if data[k] is None and lines[k].strip() == title:
            found.add(k)
        at = original.find(title, at + 1)
    return frozenset(found)


PAGE_NUMBER_END = "0123456789-—–_－页"
NEAR = 3  # lines looked past for the rows around a page number (blank lines, a running head)


def _row_near(lines: list[str], data: list[Parsed], j: int, step: int, heads: frozenset[int] = frozenset()) -> bool:
    """Is the first line with text from j in that direction (within NEAR lines, past a running head) a row of
    figures?"""
    k = j + step
    while 0 <= k < len(lines) and abs(k - j) <= NEAR:
        if lines[k].strip() and k not in heads:
            return data[k] is not None
        k += step
    return False


def _label_rest_near(lines: list[str], data: list[Parsed], j: int, heads: frozenset[int]) -> bool:
    """Is the first line with text after the page number j (within NEAR lines, past a running head) one word alone,
    unnumbered, no sentence mark, right over a row of figures that is no sentence? Word tables let a row break
    across pages: the text layer sets the rest of a wrapped label (`…（含生育` / `— 18 —` / `保险）基金`) after the
    page's number. (`二、其他说明` heads the next part; words set apart, `科目编码 科目名称 合计`, are the header
    repeated.) Whether the word is that rest the rows read past the page decide (`_label_rest_over_page`)."""
    k = j + 1
    while k < len(lines) and k - j <= NEAR and (not lines[k].strip() or k in heads):
        k += 1
    if k + 1 >= len(lines) or k - j > NEAR or data[k + 1] is None or SENTENCE_MARK.search(lines[k + 1]):
        return False
    words = lines[k].strip()
    if not _text_only(lines[k]) or SENTENCE_MARK.search(words) or len(words.split()) != 1:
        return False
    from .rows import marker  # (here, past the tests above: a report with no table need not load the rows' reader)

    return not marker(words)[0]


def _header_near(lines: list[str], j: int) -> bool:
    """Is the first line with text before j (within NEAR lines) a header's: words set apart by wide gaps, no
    sentence mark (`  项目      2024年执行数    2023年执行数    增长%`)?"""
    k = j - 1
    while k >= 0 and j - k <= NEAR:
        if lines[k].strip():
            return SENTENCE_MARK.search(lines[k]) is None and len(WIDE_GAP.split(lines[k].strip())) >= 2
        k -= 1
    return False


def _left_open(table: Aligned) -> None:
    """The table goes on past what was read, in rows that could not be joined to it: its last parents and its
    totals are not known to be complete."""
    table.block.open_end = table.block.goes_on = True


# a row's label, its indentation (display columns), its cells, and where the label starts in the line
Parsed = tuple[str, int, list[re.Match[str]], int] | None


# the last character of a figure (a digit, a thousands comma, %) or of a dash cell: a row of figures ends in one
ROW_END_MARKS = ",%-—–－"
CJK = regex(r"[\u4e00-\u9fff]")


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


# a rule drawn across a table (`-----`, `═════`, `──┼──`), or one under each column with the gaps between them
# left blank (`------  ------  ------`, as a fixed-width text table draws it): it separates the header from the
# rows, or a 合计 from the rows it sums, and is read as a blank line
RULE_LINE = regex(r"^\s*[-—–－=＝_─━═┄┅┈┉╌╍┼┬┴+]{3,}(?:[ \t\u3000]+[-—–－=＝_─━═┄┅┈┉╌╍┼┬┴+]{3,})*\s*$")


def _blank(line: str) -> bool:
    """A line with nothing of the table: empty, or a rule drawn across it."""
    s = line.strip()
    return not s or bool(RULE_LINE.match(s))


def _header_above(lines: list[str], first: int, data: list[Parsed]) -> tuple[list[int], int] | None:
    """The header lines above the first row (blank lines or a rule between them and the rows allowed), and the
    line where the caption above them ends; None unless a line of them names the label column."""
    j = first - 1
    gap = 0
    while j >= 0 and _blank(lines[j]) and gap < MAX_GAP + 1:
        j -= 1
        gap += 1
    if j > 0 and _unit_under_header(lines, j):
        j -= 1  # the unit note between the header and the rows (`险种  收入  支出` / `（单位：万元）` / rows)
    header: list[int] = []
    while j >= 0 and len(header) < MAX_LINED_HEADER:
        s = lines[j].strip()
        if len(header) >= MAX_HEADER and not _lined_on(lines, header, s):
            break
        if RULE_LINE.match(s):
            j -= 1  # a rule inside the header or over it
            continue
        if not s:
            above = lines[j - 1].strip() if j > 0 else ""
            if header and above and not caption_line(above) and not ABOVE_HEADER.search(above):
                j -= 1  # a blank line inside a wrapped header
                continue
            break
        if _above_header(s, data[j]):
            break
        if _coded_alone(s):
            # (`201 一般公共服务` / `支出` / `318.40 75.12 243.28`: the first row's coded name, wrapped over the lines
            # above its figures as a PDF's text read without layout sets it, is no column's name; the header is not
            # known to end here, and the table is not read under it)
            return None
        header.insert(0, j)
        j -= 1
    if not header or not any(NAME_HEADER.search(lines[h]) or column_headings(lines[h]) for h in header):
        return None
    return header, j


def _above_header(s: str, parsed: Parsed) -> bool:
    """Does a line (stripped; `parsed`, its row as read) stand above a header, none of it: a row of figures, a caption,
    a page's mark, or the mark alone that the table goes on (`续表3`, over its header repeated on the next page: the
    caption's, by which the piece is known to be continued, no column's name)?"""
    if parsed is not None or caption_line(s) or ABOVE_HEADER.search(s) or PAGE_MARK.match(s):
        return True
    return bool(CONTINUED.fullmatch(flatten(s)))


def _lined_on(lines: list[str], header: list[int], s: str) -> bool:
    """May a header already MAX_HEADER lines long go on up to line `s` (stripped)? Only one of a cell a line, every
    line of it one word and `s` too: then its lines are its columns, not rows of headings."""
    return bool(s) and " " not in s and all(" " not in lines[h].strip() for h in header)


def _unit_under_header(lines: list[str], j: int) -> bool:
    """Is line j a unit note alone (`（单位：万元）`) right under a line of column names (`险种  收入  支出  当年结余`)?
    Such a note is the header's: the table's unit, not a caption over another table."""
    above = lines[j - 1].strip()
    if not UNIT_ONLY.match(flatten(lines[j])) or not above or caption_line(above) or ABOVE_HEADER.search(above):
        return False
    return bool(NAME_HEADER.search(lines[j - 1]) or column_headings(lines[j - 1]))


# the name of a table's rows over its label column (`资金级次`, `险种`, `选项`, `区域`): a short word, Chinese only,
# or a word with its alternatives in brackets (`县（区）`, `单位（部门）`, `地区（单位）`, `县（市、区）`: rows of any kind)
ROWS_NAME = regex(
    r"[\u4e00-\u9fff]{2,6}|[\u4e00-\u9fff]{1,4}[（(][\u4e00-\u9fff]{1,4}(?:、[\u4e00-\u9fff]{1,4}){0,3}[）)]"
)


def column_headings(line: str) -> bool:
    """A header line that names its rows and columns without the words NAME_HEADER knows (`资金级次  调整后预算数
    执行数  执行率`, `选项  份数  占比`): words set two spaces or more apart, the first a short name of the rows,
    no column's heading, and every other one a column's heading. A line of prose does not pass: its words are
    no headings, or it is one word. A line with no wide gap is read by its single spaces, as a PDF's text layer
    sets a table's cells apart (`支出内容 支出金额 占比`): each word then a heading alike."""
    s = line.strip()
    cells = _spaced_name_joined(WIDE_GAP.split(s) if WIDE_GAP.search(s) else s.split(" "))
    if line[:1].isspace() and len(cells) >= 2 and all(column_heading(c) for c in cells):
        return True  # a blank corner cell over the labels (`        年初预算数   全年预算数   全年执行数`)
    if len(cells) > 3 and SERIAL_HEADER.fullmatch(cells[0]):
        cells = cells[1:]  # (`序号  投向领域  金额  占比`: the serial numbers stand in the labels' cells)
    if len(cells) < 2 or not ROWS_NAME.fullmatch(cells[0]) or column_heading(cells[0]):
        return False
    if len(cells) == 2:
        return _rows_and_unit(cells)
    heads = cells[1 + _parts_before_total(cells[1:]) :]
    # (a column of a part of the one before it, `培训人次  其中：农村转移劳动力`, is headed by what the part is: 其中
    # after a column's heading makes it one, whatever it counts; so is the column of what the kinds before it leave,
    # `年度  合计  办公费  水电费  其他`: 其他 after them counts what they count)
    return column_heading(heads[0]) and all(
        column_heading(c) or PART_HEADING.match(c) or REMAINDER_HEADING.fullmatch(c) for c in heads[1:]
    )


# the heading of the column of what the kinds before it leave (`其他`): of their kind, by its place after them
REMAINDER_HEADING = regex(r"其[他它]")


# a column heading that names the sum of the columns before it (`合计`, `合计里程`, `小计`, `总计金额`)
TOTAL_HEAD = regex(r"(?:合计|总计|小计)[\u4e00-\u9fff]{0,4}")
# the name of one of the kinds a total column adds up (`县道`, `城镇职工`, `一类`): a short word, Chinese only
KIND_HEAD = regex(r"[\u4e00-\u9fff]{1,6}")


def _parts_before_total(heads: list[str]) -> int:
    """How many headings open the line as the kinds a total column right after them adds up (`乡镇  县道  乡道
    村道  合计里程  分配资金`: the length of each kind of road, then their sum): two short names at least, each a
    heading by its place before its total whatever it names. 0 where the line has no such run."""
    for k, head in enumerate(heads):
        if TOTAL_HEAD.fullmatch(flatten(head)):
            return k if k >= 2 else 0
        if not KIND_HEAD.fullmatch(flatten(head)):
            return 0
    return 0


def _rows_and_unit(cells: list[str]) -> bool:
    """Are the two cells of a header line the rows' name and one column's heading noting the unit of its figures
    (`提取原因  金额（亿元）`, `单位性质  缴存额（万元）`)? No line of prose is two such words: a heading that only may head
    a column (`结余`) is not enough."""
    return (
        len(cells) == 2
        and ROWS_NAME.fullmatch(cells[0]) is not None
        and not column_heading(cells[0])
        and MEASURE_NOTE.search(flatten(cells[1])) is not None
    )


# a short name spaced out, one space a character (`级　次`, `单 位`)
SPACED_NAME = regex(r"[\u4e00-\u9fff](?:\s[\u4e00-\u9fff])+")


def _spaced_name_joined(cells: list[str]) -> list[str]:
    """The cells of a header line with the rows' name spaced out (`级　次`, `单　位`, as `项　目` is) joined: a
    cell of single characters one space apart, or a run of cells of one Chinese character each, opening the line."""
    if cells and SPACED_NAME.fullmatch(cells[0]):
        return ["".join(cells[0].split()), *cells[1:]]
    n = 0
    while n < len(cells) and len(cells[n]) == 1 and CJK.match(cells[n]):
        n += 1
    return ["".join(cells[:n]), *cells[n:]] if n >= 2 else cells


def _text_only(line: str) -> bool:
    """A line of a label alone (part of a wrapped label): Chinese, no figure, no sentence punctuation."""
    s = line.strip()
    return (
        bool(s)
        and len(s) <= 40
        and bool(CJK.search(s))
        and not FIGURE.search(s)
        and not (SENTENCE_MARK.search(s) or caption_line(s))
    )


def _figures_only(line: str) -> list[re.Match[str]] | None:
    # (a line of figures alone opens with one: a line of words, most of those tested, is passed over without
    # searching it; \d is isdecimal)
    first = line.lstrip()[:1]
    if not first or not (first.isdecimal() or first in "-−+") or CJK.search(line):
        return None
    figs = list(FIGURE.finditer(line))
    # (each figure is a whole word: the line is figures alone when they are all its words)
    return figs if figs and len(figs) == len(line.split()) else None


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


# a cell of a line whose cells are set two spaces or more apart: words one space apart at most
CELL_RUN = regex(r"\S+(?: \S+)*")


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
            # (a figure of the row stands in a column of the next row's: a table laid out in columns, where a
            # long label wraps, not a list of items set two spaces apart, `一、某某支出  6404  6513` / `“三供一业”…`)
            return k - j if _same_edge(lines[j - 1 if above is None else above], lines[k]) else 0
        if k >= len(lines) or _blank(lines[k]) or _ends_label(lines[k], figures):
            return k - j
    return 0


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


def _lead(line: str) -> int:
    """The display width of the spaces a line opens with."""
    return width(line[: len(line) - len(line.lstrip())].replace("\f", ""))


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
    above, i = _header_of(lines, i, data)
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


def _caption_of(lines: list[str], before: Aligned | None, above: tuple[int, list[int]], first_row: int) -> list[str]:
    """The caption of the table under `above` (where its caption ends, its header lines): the table before's where
    it is that table's next part (`_next_part`), else the lines above its header (`_caption`)."""
    top, header = above
    if before is not None and _next_part(lines, before, header):
        return list(before.block.caption)
    return _caption(lines, top, header[-1], first_row)


def _next_part(lines: list[str], before: Aligned, header: list[int]) -> bool:
    """Is the table under `header` the next part of the table before, under no caption of its own: its header the
    same words as that table's header, right under its last row (blank lines between at most), as a 收支决算表 sets
    its 支出 rows under their own header line after its 收入 rows? Its caption (title, unit, whose figures) is then
    the one of the table before."""
    if not before.block.caption or not before.header or header[0] <= before.last_line:
        return False
    if header[0] - before.last_line > MAX_GAP + 1 or any(
        lines[k].strip() for k in range(before.last_line + 1, header[0])
    ):
        return False
    own = [flatten(lines[k]) for k in header if lines[k].strip()]
    return own == [flatten(lines[k]) for k in before.header if lines[k].strip()]


def _caption(lines: list[str], top: int, header_end: int, first_row: int) -> list[str]:
    """The caption lines above the header, nearest first, and a unit note under it (`_unit_under_header`): the
    table's as a caption's would be. Blank lines between the caption and the header are passed over (`分地区决算表` /
    `单位：万元` / two blank lines / `市县别  小计 …`): the caption is the lines above them, by which the table's
    pages are known when they repeat it."""
    gap = 0
    while top > 0 and not lines[top].strip() and gap < MAX_GAP + 1:
        top -= 1
        gap += 1
    caption = caption_lines(lines, top)
    under = [lines[k].strip() for k in range(header_end + 1, first_row) if UNIT_ONLY.match(flatten(lines[k]))]
    return under + list(reversed(caption))


# a line of a form's furniture, which stands under its title and names no table: who prepared it (`编制单位：某医院
# 2025年度  单位：万元`) or its code alone (`公开06表`, `附表3  单位：万元`)
FORM_LINE = regex(
    rf"^(?:{PREPARED_BY})[：:]|^[\u4e00-\u9fff]{{0,4}}?(?:表\s*\d{{1,3}}|\d{{1,3}}\s*表)\s*(?:[（(]?(?:金额)?单位[：:].*)?$"
)
MAX_FORM_LINES = 2  # such lines a caption reaches over to the title above them
CAPTION_LINES = 3  # the lines a caption's window holds, its last the one right above the table (`top`)


def caption_lines(lines: list[str], top: int) -> list[str]:
    """The caption's lines with text, from its window's top down to `top`: the window opens higher where its top
    lines are a form's furniture (`一般公共预算财政拨款基本支出决算表` / `公开06表` / `编制单位：… 单位：万元` / a
    group heading over the header): the title over them is the caption's, which names the table's fund and stage."""
    first = max(0, top - CAPTION_LINES + 1)
    for _ in range(MAX_FORM_LINES):
        if first == 0 or not FORM_LINE.search(lines[first].strip()) or not lines[first - 1].strip():
            break
        first -= 1
    return [lines[k].strip() for k in range(first, top + 1) if lines[k].strip()]


def _page_closes(lines: list[str], j: int, caption: list[str]) -> bool:
    """Does the table end with its page: the line after its rows is the page's number (`7`, `第7页`, `- 7 -`) and
    the next line with text another table's number or caption (`公开07表`, `表七`, `…“三公”经费支出表`), neither
    its own repeated nor marked as continued (`公开03表（续）`)? Its last rows are then its last."""
    if j >= len(lines) or not (PAGE_MARK.match(lines[j].strip()) or PAGE_NUMBER.fullmatch(lines[j].strip())):
        return False
    k = j + 1
    while k < len(lines) and not lines[k].strip():
        k += 1
    if k == len(lines):
        return False
    nxt = lines[k].strip()
    own = "".join(caption).replace(" ", "")
    return bool(caption_line(nxt) or table_title(nxt)) and "续" not in nxt and nxt.replace(" ", "") not in own


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


CONTINUED_REACH = 5  # lines above a table's first row a 续表 mark of its caption is looked for on


def _marked_continued(caption: list[str], lines: list[str], top: int) -> bool:
    """Is the table marked as continued (续表), in its caption or on the lines above it (the mark may stand over the
    form's number and unit lines: `…决算表（续）` / `公开06表` / `编制单位：… 金额单位：元`)?"""
    marked = [lines[k] for k in range(max(0, top - CONTINUED_REACH), top + 1)]
    return any(CONTINUED.search(flatten(c)) for c in [*caption, *marked])


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


def _continued_by(before: Aligned, turn: str, first: str) -> None:
    """The table before goes on in rows that could not be joined to it (their first line `first`): it is
    left open; past nothing but page furniture (`turn` SURE), the code those rows open with is kept."""
    _left_open(before)
    if turn == SURE:
        before.block.next_code = _code_of(first)


def _code_of(line: str) -> str:
    """The classification code a row opens with (its 类/款/项 parts joined), "" for none."""
    m = CODE_FIRST.match(line)
    return flatten(m.group()) if m else ""


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


def _header_of(lines: list[str], i: int, data: list[Parsed]) -> tuple[tuple[list[int], int] | None, int]:
    """The header above the rows from line i (_header_above), and the line the table's rows start at: the line
    before, where the rows open with a group's heading under the header (`（一）预算编制和执行` over its items),
    or the first line of a row whose label wraps around its figures (`_wrapped_first`)."""
    for first in _earlier_starts(lines, i, data):
        above = _header_above(lines, first, data)
        if above is not None:
            return above, first
    return _header_above(lines, i, data), i


def _earlier_starts(lines: list[str], i: int, data: list[Parsed]) -> Iterator[int]:
    """The lines above line i the table's rows may start at, in the order `_header_of` tries them (each asked only
    when the one before has no header over it): a group's heading right above, the first line of a wrapped label,
    of figures set above their labels."""
    if i and (
        _group_heading(lines, i - 1, data)
        or _part_heading(lines, i - 1, data)
        or _block_heading(lines, i - 1, data)
        or _flow_heading(lines, i - 1, data)
    ):
        yield i - 1
    first = _wrapped_first(lines, i)
    if first is not None:
        yield first
    first = _figures_first(lines, i)
    if first is not None:
        yield first


def _figures_first(lines: list[str], i: int) -> int | None:
    """The first line of a table whose text layer sets a row's figures on the line above its label where the label
    is too long for its line, right above line i (`7,000  7,300  104.3` / `一、税收收入` / `1.增值税  3,000  …`): pairs
    of a line of figures alone and a line of a label alone, up to the header, the figures first right under it.
    There the order is certain: a line of figures right under the header has no label above it, so each label
    goes with the figures above it. None unless so (a label over its figures, `_wrapped_first`, is the other way)."""
    k = i
    while k >= 2 and _text_only(lines[k - 1]) and _figures_only(lines[k - 2]) is not None:
        k -= 2
    if k == i or any(WIDE_GAP.search(lines[m].strip()) for m in range(k + 1, i, 2)):
        return None
    return k


def _wrapped_first(lines: list[str], i: int) -> int | None:
    """The first line of a row right above line i whose label wraps around the line of its figures (`某某经济`
    / `23.9  10.4  13.6` / `开发区`, a PDF's first row under the header): the line of figures alone has no label,
    so the run of rows starts under it, and the header would be looked for over the row's label and figures.
    A label is one word (no wide gap: words set apart are a header's) naming no column (`项目`, `地区`)."""
    for k in (i - 3, i - 2):
        if k < 0 or not _text_only(lines[k]) or _figures_only(lines[k + 1]) is None:
            continue
        tail = lines[k + 2 : i]
        if any(not _text_only(t) for t in tail):
            continue
        words = [lines[k], *tail]
        if any(WIDE_GAP.search(w.strip()) or NAME_HEADER.search(w) or column_headings(w) for w in words):
            continue
        return k
    return None


def _tab_set(lines: list[str], header: list[int], rows: list[_Line]) -> bool:
    """Are cells of the header or the rows set apart by tabs (`项目⇥调整预算数⇥决算数`)? A tab has no width: the
    header words then stand over no particular figures (runs of rows with the same number of tabs are made
    rows of bars before; what is left, rows set a blank line apart or a header of fewer cells, cannot be
    placed), so the table is not read."""
    # (a line without a tab needs no strip: most tables have none)
    return any("\t" in lines[k] and "\t" in lines[k].lstrip(" \t\u3000") for k in (*header, *(r.line for r in rows)))


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


def _title_above(lines: list[str], i: int) -> int | None:
    """The line of a table's title right above line i (blank lines and a unit note between allowed): one that
    numbers the table (`表三 …`, `附表2 …`) or ends with 表 (a unit note in brackets after it)."""
    j = i - 1
    seen = 0
    while j >= 0 and seen < MAX_GAP + 2:
        s = lines[j].strip()
        if s and not UNIT_ONLY.match(flatten(s)):
            return j if TABLE_NUMBER.match(s) or table_title(s) else None
        j -= 1
        seen += 1
    return None


TABLE_NUMBER = regex(r"^附?表\s*[\d一二三四五六七八九十]+(?![\d.．])")


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


def _first_piece(lines: list[str], j: int, rows: list[_Line]) -> bool:
    """Are the rows too few for a table of their own its first piece, the page turned right after them (`…合计`
    under its header, then the page's number and `续表` over the header repeated): each row fills three columns or
    more, and after them come only blank lines and a page's number, then the mark that the table goes on. The rows
    on the next page are joined to it as any table's over a page are."""
    filled = [r for r in rows if r.figs]
    if not filled or any(len(r.figs) < 3 for r in filled):
        return False
    k = j
    while k < len(lines) and k - j <= FIRST_PIECE_GAP and (_blank(lines[k]) or PAGE_MARK.match(lines[k])):
        k += 1
    return k < len(lines) and CONTINUED.fullmatch(lines[k].strip()) is not None


FIRST_PIECE_GAP = 6  # the lines of a page's margins and number a table's first piece may stand above its 续表


# a header line that only names the parts of the classification code under 科目编码 (`类  款  项`): no
# column of figures is named there (the code parts are the label's, CODE_FIRST)
CODE_PARTS_LINE = regex(r"^\s*类\s+款(?:\s+项)?\s*$")


def _header_lines(lines: list[str], header: list[int]) -> tuple[list[int], int | None]:
    """The header's lines of column names, and its line of column formulas (`公式 A=B+C B C`), if any; a line
    naming the code's parts (`类 款 项`) is neither."""
    numbering = [h for h in header if _formula_line(lines[h])]
    return [h for h in header if h not in numbering and not CODE_PARTS_LINE.match(lines[h])], (
        numbering[-1] if numbering else None
    )


def _formula_line(line: str) -> bool:
    # FORMULA_LINE takes time quadratic in the spaces that open a line it does not match (a header's second
    # line stands far right): its first word must be 公式 / 栏次 or a mark (\d is isdecimal), tested first
    first = line.lstrip()[:1]
    if not first or not (first in "公栏" or first.isdecimal() or "A" <= first <= "Z"):
        return False
    return bool(FORMULA_LINE.match(line) and MARK.search(line))


# a page's number at its foot or head: `- 7 -`, `— 7 —`, `-7-`, `第 7 页`, `第7页 共30页`, `7/30`
PAGE_MARK = regex(
    r"^\s*(?:[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})\s*$"
)
SURE, MAYBE = "sure", "maybe"
MAX_TURN = 12  # lines that may stand between a table's rows and their continuation on the next page


def _turn(lines: list[str], text_lines: tuple[list[int], frozenset[str]], before: Aligned, end: int) -> str | None:
    """Do the next rows (their header or first row at line `end`) go on from the table before over a page?
    SURE when what stands between is page furniture only, with the mark of a new page among it (a page number,
    a form feed, a 续表 mark): blank lines, the table's caption or unit note repeated; MAYBE when a new page
    starts among a few short lines that are no other table's title; None otherwise. `text_lines`: the indices
    of the lines with text, in order, and the report's running heads (page furniture wherever they stand)."""
    nonblank, heads = text_lines
    # the lines with text between (found in the index: the table before may be far above)
    lo, hi = bisect_right(nonblank, before.last_line), bisect_left(nonblank, end)
    if hi - lo > MAX_TURN:
        return None  # text between: not a page turned inside one table
    rest = [ln for j in nonblank[lo:hi] if (ln := lines[j].strip()) not in heads]
    if _announces_another(rest):
        return None  # (no page furniture, as `_goes_on` reads such words too)
    turned = "\f" in lines[end] or any("\f" in ln for ln in lines[before.last_line + 1 : end])
    if not turned and not any(
        PAGE_MARK.match(ln) or BARE_PAGE.match(ln) or CONTINUED.search(flatten(ln)) for ln in rest
    ):
        return None  # no mark of a new page (the one test of _furniture that can say "turn"): no need to read more
    furniture = True
    kinds = _page_furniture(lines, before, rest)
    for kind in kinds:
        turned = turned or kind == "turn"
        furniture = furniture and kind is not None
    if not turned:
        # a bare page number (`6`) says a page turned only where all else between is the table's furniture
        return SURE if furniture and PAGE in kinds else None
    return SURE if furniture else _maybe_turned(before, rest)


def _announces_another(rest: list[str]) -> bool:
    """Do words between two tables announce another table (`一级指标汇总：`, `产出指标完成情况：`), no 续表 mark?"""
    # (ANNOUNCED ends in a colon: a line that does not is passed over without the pattern, which backtracks over
    # the whole of a long line of no colon for every Chinese character in it)
    return any(ln.endswith(COLONS) and ANNOUNCED.search(ln) and "续" not in ln for ln in rest)


COLONS = ("：", ":")


def _maybe_turned(before: Aligned, rest: list[str]) -> str | None:
    """MAYBE where a page turned among lines that are no other table's title and no long sentence; None otherwise."""
    own = "".join(before.block.caption).replace(" ", "")
    if any(table_title(ln) and "续" not in ln and ln.replace(" ", "") not in own for ln in rest):
        return None
    return None if any(ln.endswith("。") and len(ln) > 60 for ln in rest) else MAYBE


OVER_HEADER = 6  # lines above a table's header its title is looked for on, when its pages are joined


def _page_furniture(lines: list[str], before: Aligned, rest: list[str]) -> list[str | None]:
    """What each line between the table and the next rows is as its page furniture (`furniture_kinds`); the table's
    title repeated that stands over its header farther than its caption is read (a header of many lines, or blank
    lines under the unit note) is the page's furniture too."""
    kinds = furniture_kinds(before, rest)
    if None not in kinds:
        return kinds
    over = _over_header(lines, before)
    return [k if k is not None or flatten(ln) not in over else "same" for k, ln in zip(kinds, rest, strict=True)]


def _over_header(lines: list[str], table: Aligned) -> set[str]:
    """The lines with text right above the table's header (its title and unit note, wherever its caption was
    read to stop), flattened."""
    top = min(table.header) if table.header else table.first_line
    return {flatten(ln) for k in range(max(0, top - OVER_HEADER), top) if (ln := lines[k].strip())}


def furniture_kinds(table: Aligned, rest: list[str]) -> list[str | None]:
    """What each line is as page furniture of the table (_furniture), each line read once per table."""
    read = table.furniture
    for ln in rest:
        if ln not in read:
            if table.caption_keys is None:  # (the caption is the table's own from its reading on)
                caption = table.block.caption
                table.caption_keys = {_caption_key(c) for c in caption} | {flatten(c) for c in caption}
            read[ln] = _furniture(ln, table.caption_keys, unit_of(table.block.caption))
    return [read[ln] for ln in rest]


# a page's number alone on its line, bare (`6`): what _furniture calls PAGE
BARE_PAGE = regex(r"^\s*\d{1,4}\s*$")
PAGE = "page"

# a note under a table (`注：…`, `注1：…`)
TABLE_NOTE = regex(r"^注\s*\d?\s*[：:]")


def _furniture(line: str, known: set[str], unit: str) -> str | None:
    """A line of page furniture between a table's rows and their continuation: "turn" for the mark of a new
    page (a page number, 续表), "same" for the table's caption or unit note repeated; None for anything else."""
    if PAGE_MARK.match(line):
        return "turn"
    if BARE_PAGE.match(line):
        # a page's number written bare (`6`, a PDF's text copied): furniture, but no mark of a page turned
        # by itself (a figure alone on its line may be anything); with a 续表 mark or the table's caption or
        # header repeated, all else between, it is the page's
        return PAGE
    s = flatten(line)
    turn = bool(CONTINUED.search(s))
    if TABLE_NOTE.match(s):
        # the table's note at the foot of its page (`注：本表反映…（续下页）`), which a page of it may repeat
        return "turn" if turn else "same"
    if turn:
        s = _caption_key(s)
    only = UNIT_ONLY.match(s)
    if not s or only and only.group("unit") == unit or _repeats(s, known) or _repeats(_caption_key(s), known):
        return "turn" if turn else "same"
    return None


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


def _column_names(block: Block) -> tuple[str, ...]:
    """The names a table's header row gives its columns of figures."""
    return tuple(c.text for c in block.rows[0][1:])


def _header_repeated(lines: list[str], header: list[int] | None, before: Aligned, block: Block) -> bool:
    """Does the page repeat the header of the table before word for word (its last lines, spaces aside), over as
    many columns? Its columns are then the table's, in order, though the header's words, spread over columns of
    several levels (`2023年债务限额` over a total and its `一般债务  专项债务`), fall over other columns on each page
    as each page sets its columns (a PDF laid out page by page): the names read differ, the header does not."""
    if header is None or not before.header or len(header) > len(before.header):
        return False
    if len(block.rows[0]) - 1 != len(before.names):
        return False
    own = [flatten(lines[h]) for h in before.header[-len(header) :]]
    return [flatten(lines[h]) for h in header] == own


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


# a table's title: it ends with 表 (its number, a unit note or a bracket may follow)
TABLE_TITLE = lazy(r"[\u4e00-\u9fff]表(?:\s*[（(][^）)]*[）)])?\s*$|^\s*附?表\s*\d")


# a unit note after a wide gap, closing a line (`…决算表      单位：万元`)
UNIT_AFTER = regex(r"\s{2,}[（(]?(?:金额)?单位[：:]\s*[^\s，。]{1,4}[）)]?\s*$")


def table_title(line: str) -> bool:
    """`TABLE_TITLE.search(line)`, made only of a line ending in 表 or a bracket, or opening with 表 (the two ways
    of writing a title): the lines tested are most often prose, a paragraph to a line, which the pattern would
    try at every character. A unit note set apart after the title on its line (`支出决算表      单位：万元`) is
    no part of it."""
    if "单位" in line:  # (the note's word: most lines tested are prose, which the pattern would try throughout)
        line = UNIT_AFTER.sub("", line)
    if not line.rstrip().endswith(("表", "）", ")")) and not line.lstrip().startswith(("表", "附表")):
        return False
    return TABLE_TITLE.search(line) is not None


def _closed_by_total(table: Aligned) -> bool:
    """Does the table's last row total it (`收入合计` under the rows it sums, none above them)? Then the rows of the
    piece after it under the same header (`…安排的支出` / `支出合计`) are none of its parts: what it states is
    complete, though the next piece, which may total this one's rows with its own (`收入总计`), is still read as
    its continuation."""
    labels = [row[0].text for row, indent in zip(table.block.rows, table.indents, strict=False) if indent >= 0 and row]
    return len(labels) >= 3 and total_kind(labels[-1]) == "grand" and total_kind(labels[0]) is None


# a line of words that ends with a colon, announcing what follows (`一级指标汇总：`), no unit note (`单位：`) nor
# a mark of the table going on (`续表：`)
ANNOUNCED = regex(r"^(?!单\s*位)[^：:]*[\u4e00-\u9fff][^：:]*[：:]$")


def _goes_on(lines: list[str], before: Aligned, table: Aligned) -> bool:
    """The table is the one before continued on the next page: the same columns under the same names,
    with nothing but its caption, header and notes repeated in between."""
    if (before.columns, before.names) != (table.columns, table.names):
        return False
    between = [ln.strip() for ln in lines[before.last_line + 1 : table.first_line] if ln.strip()]
    own = "".join(before.block.caption).replace(" ", "")
    if any(table_title(ln) and "续" not in ln and ln.replace(" ", "") not in own for ln in between):
        return False  # another table's title (`2.4 2023年某省一般公共预算支出决算表`), not its own repeated
    if _announces_another(between):
        return False  # words announcing another table (`一级指标汇总：`, `各指标得分如下：`), no page furniture
    return len(between) <= MAX_TURN and not any(ln.endswith("。") and len(ln) > 60 for ln in between)


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


DASHES = "-—–－"


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


# the words of a heading that make a column other than one more part of the 合计 the first column holds: a part of
# another column (其中), a rate, share or change, a stage or a period, a price or a norm (a digit: a year, a number)
NOT_A_PART_HEADING = regex(
    r"其中|[%％\d]|率|比上年|同比|增长|增减|增幅|下降|预算|决算|执行|调整|上年|单价|标准|平均|人均"
)
# the heading of the money carried over from the year before (`上年结转`, `上年结转结余`): a source of the year's money
# beside its income, so a part of a bare 合计 or 总计 (not of `本年收入合计`, which leaves it out)
CARRIED_HEADING = regex(r"上年结转(?:结余|资金)?")
BARE_TOTAL = regex(r"[合总]计")


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


def _total_heading(lines: list[str], header: list[int]) -> tuple[str, str] | None:
    """The total word a header names its first column of figures with, the one total word of the header, no other
    heading naming anything but a part (NOT_A_PART_HEADING); with the header's words, in no order of where they
    stand (each page of a table sets them apart its own way): None for any other header."""
    # (where the words stand, then the line: a header of one cell a line sets every column's name at its start, in
    # the columns' order)
    words = [
        (width(lines[h][: m.start()]), n, m.group())
        for n, h in enumerate(header)
        for m in WORD.finditer(lines[h].replace("\f", " "))
        if not _label_column_name(m.group())
    ]
    totals = [w for *_, w in words if total_kind(w) is not None or SPACED_TOTAL.fullmatch(w)]
    if not words or len(totals) != 1 or min(words)[2] != totals[0]:
        return None
    if any(not _part_of_total(w, totals[0]) for *_, w in words if w != totals[0]):
        return None
    return totals[0], " ".join(sorted(w for *_, w in words))


def _part_of_total(word: str, total: str) -> bool:
    """May a heading name a part of the header's total (`_total_heading`)? Not one naming a rate, a stage, a period or
    another column's part (NOT_A_PART_HEADING), a fund budget's name aside (`一般公共预算拨款收入`: its 预算 names which
    money, no stage); money carried over from the year before is a part of a bare total only."""
    if CARRIED_HEADING.fullmatch(word):
        return bool(BARE_TOTAL.fullmatch(flatten(total)))
    return not NOT_A_PART_HEADING.search(_fund_budget_name().sub("", word))


def _label_column_name(word: str) -> bool:
    """Does a header word name a column of the rows' labels, not of figures: the names' (`项目`, `科目名称`, `单位名称`)
    or the codes' (`科目编码`, the line under the column names of a 决算 form: `科目编码 科目名称`; `单位编码`)?"""
    return bool(LABEL_HEADER.fullmatch(word) or CODE_HEADER.match(word) or NAMING_HEADER.search(word))


# the heading of a column of names or codes, whatever they name (`单位名称`, `单位编码`, `部门代码`): no figures
NAMING_HEADER = regex(r"(?:名称|编码|代码)$")


@cache
def _fund_budget_name() -> re.Pattern[str]:
    """Any wording of a fund budget's name (context.yaml fund: `一般公共预算`, `政府性基金预算`, `社保基金预算`)."""
    names = [w for k, ws in wordings("context", "fund").items() if k in fund_budgets() for w in ws]
    return regex(alternation(names))


def _measured(lines: list[str], header: list[int], rows: list[_Line]) -> bool:
    """Do the rows each name their unit in a column of words (`新增冷藏库容    万吨    18.5`) that a header word of
    units heads (`计量单位`, `单位`: unit_headers), set apart from the other headings by wide gaps?"""
    if not rows or _text_columns(rows) < 1:
        return False
    return any(w in words("unit_headers") for h in header for w in WIDE_GAP.split(lines[h].strip()))


LEVEL_SLACK = 2  # columns a name may start off its level heading's start
# a run of words set one space apart at most: one name of a row's label (`产出指标    小计`: two)
NAME_RUN = regex(r"\S+(?: \S+)*")


def _level_cells(
    lines: list[str],
    starts: list[int],
    header: list[int],
    rows: list[_Line],
    mapper: _Mapper,
    layout: Layout | None,
    numbering: int | None,
) -> list[list[Cell]] | None:
    """The names of a score table's rows in its level columns (`一级指标    二级指标            分值  得分` over `产出指标
    小计    50  45.25` and `            数量指标    20  18.50`): each name of a row's label under the level heading it
    starts nearest to, the levels in order. None where the header names fewer than two levels on one line, or a
    row's label wraps or names two under one level (then the label stays one name); and for a table whose figures
    were not placed by a layout, or with a numbering row under its header."""
    if layout is None or numbering is not None:
        return None
    metric = layout.metric
    heads = []
    for h in header:
        line = lines[h].replace("\f", " ")
        heads = [m for m in WORD.finditer(line) if LEVEL_HEADER.match(m.group())]
        if len(heads) >= 2:
            break
    if len(heads) < 2:
        return None
    at = [metric(line[: m.start()]) for m in heads]
    out = [[Cell(m.group(), *_spanned(mapper, starts[h], m), 0, c) for c, m in enumerate(heads)]]
    for k, r in enumerate(rows, start=1):  # (the grid's one header row, its names joined from the header lines)
        line = lines[r.line].replace("\f", " ")
        label = line[: r.figs[0].start()] if r.figs else line
        if flatten(label) != flatten(r.label):
            return None  # (a label wrapped over the lines around its figures)
        cells = [Cell("", 0, 0, k, c) for c in range(len(heads))]
        last = -1
        for m in NAME_RUN.finditer(label):
            x = metric(label[: m.start()])
            level = min(range(len(at)), key=lambda c: abs(at[c] - x))
            if level <= last or abs(at[level] - x) > LEVEL_SLACK or mapper.norm(starts[r.line] + m.start()) is None:
                return None  # (a name standing under no heading: cells set apart by a run of spaces, not aligned)
            cells[level] = Cell(m.group(), *_spanned(mapper, starts[r.line], m), k, level)
            last = level
        out.append(cells)
    return out


def _spanned(mapper: _Mapper, base: int, m: re.Match[str]) -> tuple[int, int]:
    """The normalised offsets of a word of a line starting at `base` in the original."""
    a = mapper.norm(base + m.start()) or 0
    b = mapper.norm(base + m.end() - 1)
    return a, (b + 1 if b is not None else a + len(m.group()))


def _place_names(
    block: Block, lines: list[str], header: list[int], rows: list[_Line], layout: Layout | None, first: list[Cell]
) -> None:
    """Mark the block's column names placed with certainty: where they stand (placing.certain), or one word each
    in the order of the figures (placing.listed: then no name is off its column)."""
    from .placing import listed

    k = len(first) - 1
    block.placed = _placed_surely(lines, header, rows, layout, k)
    names = [flatten(c.text) for c in first[1:]]  # (spaces dropped: `2025 年` as the header's words join it)
    if listed([lines[h] for h in header], [len(r.figs) for r in rows], k, names):
        block.placed, block.off_header = True, set()
    elif _name_lined(block, lines, header, rows, first):
        return
    elif not block.placed and not _stacked(block, lines, header, rows, layout, names):
        _name_wrapped(block, lines, header, rows, first)


def _stacked(
    block: Block, lines: list[str], header: list[int], rows: list[_Line], layout: Layout | None, names: list[str]
) -> bool:
    """Mark the block's column names placed with certainty where a two-line header's lower line names every column
    where it stands and its upper line only begins some of the names (placing.stacked), and the names the grid was
    given (`names`, spaces dropped) are those."""
    from .placing import stacked

    if layout is None:
        return False
    found = stacked([lines[h] for h in header], [(lines[r.line], r.figs) for r in rows], len(names), layout.metric)
    if found is None or found != names:
        return False
    block.placed, block.off_header = True, set()
    return True


def _name_lined(block: Block, lines: list[str], header: list[int], rows: list[_Line], first: list[Cell]) -> bool:
    """Name the columns by a header of one cell a line, as a PDF's text read without layout sets a table's header
    cells one under another (`项目` / `调整预算` / `执行数` / `完成调整预算%`), a cell wrapped within its width
    as two lines (`2025年` / `执行数`): where each line is one word, the words joined by what they say
    (wrapped.joined_lines) name as many columns as the fullest rows fill, in the order of their figures. Where
    the words stand says nothing here (the position-based placing stacked them over one column); their order and
    count do. A row of fewer figures keeps the cells its own reading gave it."""
    k = len(first) - 1
    figured = [r for r in rows if r.figs]
    if len(header) < 3 or any(len(lines[h].split()) != 1 for h in header):
        return False
    # (the fullest rows, most of the table, fill every column: the names' count is the columns')
    if not figured or 2 * sum(len(r.figs) == k for r in figured) < len(figured):
        return False
    names = joined_lines([lines[h] for h in header], k)
    if names is None:
        return False
    block.rows[0] = [first[0], *(Cell(n, c.start, c.end, 0, c.col) for n, c in zip(names, first[1:]))]
    block.placed, block.off_header, block.groups = True, set(), []
    return True


def _name_wrapped(block: Block, lines: list[str], header: list[int], rows: list[_Line], first: list[Cell]) -> None:
    """Name the columns by a two-line header of wrapped cells (wrapped.py), where every row fills every column
    (no figure placed by where it stands): its names are then certain, whatever the placing by position gave."""
    k = len(first) - 1
    figured = [r for r in rows if r.figs]
    if len(header) != 2 or not figured or any(len(r.figs) != k for r in figured):
        return
    names = wrapped_names(lines[header[0]].replace("\f", " "), lines[header[1]].replace("\f", " "), k)
    if names is None:
        return
    block.rows[0] = [first[0], *(Cell(n, c.start, c.end, 0, c.col) for n, c in zip(names, first[1:]))]
    block.placed, block.off_header, block.groups = True, set(), []


def _placed_surely(lines: list[str], header: list[int], rows: list[_Line], layout: Layout | None, k: int) -> bool:
    """Is every column's name placed with certainty (placing.py)? Never where the figures were placed without
    a layout (a table whose blank cells were dropped)."""
    from .placing import certain

    if layout is None:
        return False
    # (a row of no figure, a block's heading over its rows, `社会保险基金合计`, has no cell to be placed)
    figured = [(lines[r.line], r.figs) for r in rows if r.figs]
    return certain([lines[h] for h in header], figured, k, layout.metric)


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


def _named_header(
    lines: list[str], starts: list[int], header: list[int], rows: list[_Line], layout: Layout, mapper: _Mapper
) -> tuple[list[Cell], list[Cell], Tree | None]:
    """The header row of a table placed by its layout (`rows`: those with figures), the header cells whose
    names are not certain, and the tree of its groups of columns, if its header has one."""
    off: list[Cell] = []
    labels_end, text_cols = _labels_end(lines, rows, layout.metric), _text_columns(rows)
    # (whether the header names columns no row fills, right of the figures: one decision for the row and the tree)
    empty_right = _empty_on_right(lines, header, layout.cols, layout.metric, labels_end)
    first = _header_row(
        lines, starts, header, layout.cols, mapper, layout.metric, labels_end, off, text_cols, empty_right
    )
    grouped = _tree(lines, header, layout, labels_end, text_cols, empty_right)
    if grouped is not None:  # each column named where it stands: its own name, its group's heading apart
        first = [first[0], *(Cell(name, c.start, c.end, 0, c.col) for name, c in zip(grouped.names, first[1:]))]
        off = []
    return first, off, grouped


def _tree(
    lines: list[str], header: list[int], layout: Layout, labels_end: int, text_cols: int, empty_right: bool
) -> Tree | None:
    """The header read as a tree of groups (groups.py), from its lines that name figure columns."""
    named = []
    for h in header:
        line = lines[h].replace("\f", " ")
        words, _ = _heading_words(line, layout.cols, layout.metric, labels_end, text_cols, empty_right)
        if words:
            named.append((line, words))
    return tree(named, layout.cols, layout.metric)


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


# the heading of a column of serial numbers before the rows' names (`序号  采购项目  预算金额`): the numbers stand in
# the label's cell (SERIAL_AT), no column of figures
SERIAL_HEADER = regex(r"序\s*号|编\s*号")


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


def _header_row(
    lines: list[str],
    starts: list[int],
    header: list[int],
    cols: list[int],
    mapper: _Mapper,
    metric: Metric,
    labels_end: int,
    off: list[Cell] | None = None,
    text_cols: int = 0,
    empty_right: bool | None = None,
) -> list[Cell]:
    """Column names: the words of each header line go, in order, to the columns whose spans (from the
    column before's right edge to its own) they are centred over, one word to a column (names wrapped over
    several lines are joined top down). The label column's name is no column's: it is known by its words
    (项目, 科目名称) or, where a line has a word more than there are columns, by standing over the labels.
    A word given to a column while it stands nearer another one's middle (the best placing of all the words
    in order, not where it stands) puts the column's header cell in `off`: its name is not certain. `empty_right`:
    whether the header names columns no row fills right of the figures (`_empty_on_right`; worked out when not
    given)."""
    names = [""] * len(cols)
    lefts = [(cols[c - 1] if c else cols[0] - (cols[1] - cols[0] if len(cols) > 1 else 8)) for c in range(len(cols))]
    mids = [(a + b) / 2 for a, b in zip(lefts, cols)]
    astray: set[int] = set()  # the columns a word was given to that it does not stand over
    if empty_right is None:
        empty_right = _empty_on_right(lines, header, cols, metric, labels_end)
    for h in header:
        line = lines[h].replace("\f", " ")
        words, ordered = _heading_words(line, cols, metric, labels_end, text_cols, empty_right)
        if not words:
            continue
        centres = [(metric(line[: m.start()]) + metric(line[: m.end()])) / 2 for m in words]
        best = _nearest_in_order(mids, centres)
        for c, m, x in zip(best, words, centres):
            names[c] += "".join(m.group().split()) if SPACED_TOTAL.fullmatch(m.group()) else m.group()
            if not ordered and any(abs(mid - x) < abs(mids[c] - x) for mid in mids):
                astray.add(c)  # nearer another column's middle: given to this one only to keep the words in order
        if len(header) > 1 and len(words) < len(cols):
            astray |= _group_parts(best, words)
    # (no header: a two-sided table closed by its totals may have none; its caller places the cells itself)
    top = header[0] if header else 0
    first = mapper.norm(starts[top] + len(lines[top]) - len(lines[top].lstrip())) or 0
    cells = [Cell("项目", first, first, 0, 0)]
    for c, name in enumerate(names):
        cells.append(Cell(name, first, first, 0, c + 1))
    if off is not None:
        off += [cells[c + 1] for c in sorted(astray)]
    return cells


def _nearest_in_order(mids: list[float], centres: list[float]) -> tuple[int, ...]:
    """The columns, one to each word in order, that put the words nearest the columns' middles: of every
    `combinations(range(len(mids)), len(centres))`, the first (in that order) whose sum of distances is least,
    as `min` over them found it. Found column by column: the best placing of the first words ending at each
    column (its cost summed in the same order, the first placing kept on a tie) is all the next word needs, where
    `min` scored every combination (430,000 distances summed for the corpus's text reports). The distances are
    halves of display columns, so every sum is exact and a tie is the same tie in both. Needs no more words than
    columns (`_heading_words` gives none then)."""
    n, k = len(mids), len(centres)
    x = centres[0]
    # (cost, placing) of the first i + 1 words, the last at column c, for each c it may stand at
    best: dict[int, tuple[float, tuple[int, ...]]] = {c: (abs(mids[c] - x), (c,)) for c in range(n - k + 1)}
    for i in range(1, k):
        x = centres[i]
        before, best = best, {}
        top: tuple[float, tuple[int, ...]] = (inf, ())
        for c in range(i, n - k + i + 1):
            # the best placing of the words before ending left of c (a tuple's order: least cost, then the first)
            top = min(top, before[c - 1])
            best[c] = (top[0] + abs(mids[c] - x), (*top[1], c))
    return min(best.values())[1]


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


def _heading_words(
    line: str, cols: list[int], metric: Metric, labels_end: int, text_cols: int, empty_right: bool = False
) -> tuple[list[re.Match[str]], bool]:
    """The words of a header line that name the columns of figures, whose right edges are `cols` ([] when they
    are more), and whether they are exactly one to each column in order (the headings of text columns left out).
    Where the header names columns no row fills right of the figures (`empty_right`), a word beginning right of
    the last column's edge is none of the figures'."""
    k = len(cols)
    words = _naming_words(line)
    if empty_right:
        words = [m for m in words if metric(line[: m.start()]) <= cols[-1] + BEYOND]
    extra = len(words) - k
    if 0 < extra <= text_cols and not any(column_heading(m.group()) for m in words[:extra]):
        # the headings of the text columns (`计量单位`) every row's label holds a word of: not the figures'
        # (where rows' names differ in length, such a heading need not stand wholly over the labels); one
        # heading left to each column, in order, where each stands is moot
        words = words[extra:]
        return words, len(words) == k
    while len(words) > k and metric(line[: words[0].end()]) <= labels_end:
        words = words[1:]  # a name over the labels that no vocabulary knows (`单位`, `部门`)
    if words and _over_labels(line, words[0], metric, labels_end):
        # (of a line naming fewer columns than there are: `主要会计数据    2024年    期增减(%)`, the name of the rows
        # no vocabulary knows, wholly left of where any row's figures begin and naming no column's figures)
        words = words[1:]
    if len(words) == k + 1 and not line[: words[0].start()].strip() and column_headings(line):
        # (`支出内容 支出金额 占比`, one space apart: the name of the rows, then one column's heading for each column of
        # figures, in their order; where the rows' names end varies from row to row, so position says nothing)
        return words[1:], True
    return ([] if len(words) > k else words), False


def _over_labels(line: str, word: re.Match[str], metric: Metric, labels_end: int) -> bool:
    """Does the word open its line and end left of where every row's figures begin, a word of Chinese that is
    no column's heading (`主要会计数据`)? It names the rows, not a column."""
    return (
        not line[: word.start()].strip()
        and metric(line[: word.end()]) < labels_end
        and CJK.search(word.group()) is not None
        and not column_heading(word.group())
    )


def _group_parts(placed: tuple[int, ...], words: list[re.Match[str]]) -> set[int]:
    """The columns given a `其中：…` word of a header line naming fewer columns than the table has, above
    another line of names: such a word heads a group of columns and lands on the one it is centred over,
    which is not the part it names (`其中：市本级` over `本金 利息`)."""
    return {c for c, m in zip(placed, words) if PART_HEADING.match(m.group())}


def _numbering_row(line: str, base: int, cols: list[int], mapper: _Mapper, metric: Metric) -> list[Cell] | None:
    """The row of column formulas (`公式 A=B+C B C D=E+F E F`): one mark over each column, in order; None
    when there are not as many marks as columns."""
    from .header import COLUMN_NUMBER

    marks = [m for m in WORD.finditer(line) if COLUMN_NUMBER.match(m.group())]
    if len(marks) != len(cols):
        return None
    first = mapper.norm(base + len(line) - len(line.lstrip())) or 0
    cells = [Cell("", first, first, 1, 0)]
    for c, m in enumerate(marks):
        a = mapper.norm(base + m.start()) or first
        cells.append(Cell(m.group(), a, a + len(m.group()), 1, c + 1))
    return cells


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
