"""The lines above a space-aligned table's rows: its header of column names (up to six lines, or more under
rules; wrapped, coded or with a line of column formulas), the line a header starts on, and the table's caption and
title above it.

Its own module because a header is found by looking up from the first row, by rules other than a row's: the
lines it may hold and where it stops are decided here, the names it gives placed over the columns in
column_names.py.
"""

from __future__ import annotations

from collections.abc import Iterator

from tieout.linter.patterns import regex

from .blocks import CONTINUED, PREPARED_BY, UNIT_ONLY, Block
from .cells import flatten
from .label_rows import _block_heading, _coded_alone, _flow_heading, _group_heading, _part_heading
from .lineshapes import (
    ABOVE_HEADER,
    FORMULA_LINE,
    MARK,
    MAX_GAP,
    MAX_HEADER,
    MAX_LINED_HEADER,
    NAME_HEADER,
    PAGE_MARK,
    RULE_LINE,
    WIDE_GAP,
    Aligned,
    Parsed,
    _blank,
    _figures_only,
    _text_only,
    caption_line,
    column_headings,
    table_title,
)


def _header_above(
    lines: list[str], first: int, data: list[Parsed], paged: frozenset[int] = frozenset()
) -> tuple[list[int], int] | None:
    """The header lines above the first row (blank lines or a rule between them and the rows allowed), and the
    line where the caption above them ends; None unless a line of them names the label column. `paged`: the page
    numbers read as blank lines (page_turns `_page_numbers_within`), a page's margins around one inside the header."""
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
            k = _past_margins(lines, j, paged)
            above = lines[k].strip() if k >= 0 else ""
            if header and above and not caption_line(above) and not ABOVE_HEADER.search(above):
                j = k  # a blank line inside a wrapped header, or a page's number and margins where a page broke it
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


# blank lines a page's number and its margins may take inside a header (page_turns NEAR on either side)
MARGINS = 6


def _past_margins(lines: list[str], j: int, paged: frozenset[int]) -> int:
    """The line above the blank line j: past the blank lines above it where a page number read as blank stands
    among them (the page's number and margins), else the one right above."""
    k = j
    while k >= 0 and j - k <= MARGINS and not lines[k].strip():
        k -= 1
    return k if any(n in paged for n in range(k + 1, j + 1)) else j - 1


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


def _header_of(
    lines: list[str], i: int, data: list[Parsed], paged: frozenset[int] = frozenset()
) -> tuple[tuple[list[int], int] | None, int]:
    """The header above the rows from line i (_header_above), and the line the table's rows start at: the line
    before, where the rows open with a group's heading under the header (`（一）预算编制和执行` over its items),
    or the first line of a row whose label wraps around its figures (`_wrapped_first`)."""
    for first in _earlier_starts(lines, i, data):
        above = _header_above(lines, first, data, paged)
        if above is not None:
            return above, first
    return _header_above(lines, i, data, paged), i


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
