"""What every reader of a space-aligned text table (aligned.py) asks of a line: the patterns of figures, header
words and page marks, display widths (a Chinese character two columns wide), the records a found table is carried in
(`Aligned`, `Layout`, `_Line`, `_Mapper`), and the small predicates on one line (blank, text only, figures only, a
caption, a table's title, a header line's column headings).

Its own module because all the others below aligned.py share it and it asks none of them: the one place these
shapes are defined, so that a row reader and a header reader cannot disagree on what a figure or a gap is.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field

from tieout.linter.patterns import lazy, regex
from tieout.linter.text.model import Document

from .blocks import Block
from .cells import flatten
from .groups import Metric
from .vocab import (
    MEASURE_NOTE,
    PART_HEADING,
    column_heading,
)

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
# a header line opening with the label column's name, a word of its own (`项目  年初预算数 …`, `收入项目 …`, `项    目 …`;
# not `项目支出 …`, a column of figures): the first line of a header, the label's name standing over its column
LABEL_FIRST = regex(rf"^\S*?(?:{NAME_HEADER.pattern})(?:名称)?(?!\S)")
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


# a row's label, its indentation (display columns), its cells, and where the label starts in the line
Parsed = tuple[str, int, list[re.Match[str]], int] | None


# the last character of a figure (a digit, a thousands comma, %) or of a dash cell: a row of figures ends in one
ROW_END_MARKS = ",%-—–－"
CJK = regex(r"[\u4e00-\u9fff]")


# a rule drawn across a table (`-----`, `═════`, `──┼──`), or one under each column with the gaps between them
# left blank (`------  ------  ------`, as a fixed-width text table draws it): it separates the header from the
# rows, or a 合计 from the rows it sums, and is read as a blank line
RULE_LINE = regex(r"^\s*[-—–－=＝_─━═┄┅┈┉╌╍┼┬┴+]{3,}(?:[ \t\u3000]+[-—–－=＝_─━═┄┅┈┉╌╍┼┬┴+]{3,})*\s*$")


def _blank(line: str) -> bool:
    """A line with nothing of the table: empty, or a rule drawn across it."""
    s = line.strip()
    return not s or bool(RULE_LINE.match(s))


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


# a cell of a line whose cells are set two spaces or more apart: words one space apart at most
CELL_RUN = regex(r"\S+(?: \S+)*")


def _lead(line: str) -> int:
    """The display width of the spaces a line opens with."""
    return width(line[: len(line) - len(line.lstrip())].replace("\f", ""))


# a page's number at its foot or head: `- 7 -`, `— 7 —`, `-7-`, `第 7 页`, `第7页 共30页`, `7/30`
PAGE_MARK = regex(
    r"^\s*(?:[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})\s*$"
)

# a note under a table (`注：…`, `注1：…`)
TABLE_NOTE = regex(r"^注\s*\d?\s*[：:]")


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


# the heading of a column of serial numbers before the rows' names (`序号  采购项目  预算金额`): the numbers stand in
# the label's cell (SERIAL_AT), no column of figures
SERIAL_HEADER = regex(r"序\s*号|编\s*号")
