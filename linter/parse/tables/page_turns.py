"""A space-aligned table over page breaks: page numbers and running heads between its pieces, the furniture a
turned page repeats (`furniture_kinds`), whether a table goes on over the page (`_turn`, `_goes_on`), and whether
a piece is a continuation of the one before (`_continued_by`, 续表 marks).

Its own module because the page is a concern of its own: what stands between two pieces of one table is read
here, apart from what the pieces themselves hold.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from tieout.linter.patterns import regex
from tieout.linter.text.normalise import PAGE_NUMBER

from .blocks import CONTINUED, UNIT_ONLY, _caption_key, _repeats, unit_of
from .cells import flatten
from .lineshapes import (
    CJK,
    CODE_FIRST,
    LABEL_FIRST,
    PAGE_MARK,
    SENTENCE_MARK,
    TABLE_NOTE,
    WIDE_GAP,
    Aligned,
    Parsed,
    _blank,
    _Line,
    _text_only,
    caption_line,
    table_title,
)
from .vocab import (
    total_kind,
)


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
        if (after and (_row_near(lines, data, j, -1, heads) or _header_near(lines, j, heads))) or _header_broken(
            lines, data, j, heads
        ):
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
    k = _text_near(lines, j, step, heads)
    return k is not None and data[k] is not None


def _label_rest_near(lines: list[str], data: list[Parsed], j: int, heads: frozenset[int]) -> bool:
    """Is the first line with text after the page number j (within NEAR lines, past a running head) one word alone,
    unnumbered, no sentence mark, right over a row of figures that is no sentence? Word tables let a row break
    across pages: the text layer sets the rest of a wrapped label (`…（含生育` / `— 18 —` / `保险）基金`) after the
    page's number. (`二、其他说明` heads the next part; words set apart, `科目编码 科目名称 合计`, are the header
    repeated.) Whether the word is that rest the rows read past the page decide (`_label_rest_over_page`)."""
    k = _text_near(lines, j, 1, heads)
    if k is None or k + 1 >= len(lines) or data[k + 1] is None or SENTENCE_MARK.search(lines[k + 1]):
        return False
    words = lines[k].strip()
    if not _text_only(lines[k]) or SENTENCE_MARK.search(words) or len(words.split()) != 1:
        return False
    from .rows import marker  # (here, past the tests above: a report with no table need not load the rows' reader)

    return not marker(words)[0]


def _header_broken(lines: list[str], data: list[Parsed], j: int, heads: frozenset[int]) -> bool:
    """Did the page break inside a header (`项目 年初预算数 决算数 决算数为年初` / `— 6 —` / `预算数的% 上年决算数 …` /
    the rows)? The first lines with text on either side of the page number j (within NEAR lines, past a running
    head) are each words set apart as the row under the one after sets its cells (by wide gaps where it is laid
    out in columns: a caption or a title spaced once, `2024 年县级政府性基金…`, is no header's line), no row of
    figures; and the one after does not open with the label column's name, which a header's first line holds
    (`项目  年初预算数 …` after the page's number: the header starts there, the line before it is the caption)."""
    before, after = _text_near(lines, j, -1, heads), _text_near(lines, j, 1, heads)
    if before is None or after is None or after + 1 >= len(lines) or data[after + 1] is None:
        return False
    if LABEL_FIRST.match(lines[after].strip()):
        return False
    gap = WIDE_GAP if WIDE_GAP.search(lines[after + 1].strip()) else SPACE
    return all(data[k] is None and _set_apart_words(lines[k], gap) for k in (before, after))


def _text_near(lines: list[str], j: int, step: int, heads: frozenset[int] = frozenset()) -> int | None:
    """The first line with text from j in that direction (within NEAR lines, past a running head)."""
    k = j + step
    while 0 <= k < len(lines) and abs(k - j) <= NEAR:
        if lines[k].strip() and k not in heads:
            return k
        k += step
    return None


SPACE = regex(r"\s+")  # the cells of a row extracted without layout are set apart by a space


def _set_apart_words(line: str, gap: re.Pattern[str]) -> bool:
    """Is the line two words or more set apart by `gap`, no sentence mark, no page mark: a header's line?"""
    s = line.strip()
    return len(gap.split(s)) >= 2 and SENTENCE_MARK.search(s) is None and not _page_mark(s)


def _header_near(lines: list[str], j: int, heads: frozenset[int]) -> bool:
    """Is the first line with text before j (within NEAR lines, past a running head) a header's: words set apart by
    wide gaps (`  项目      2024年执行数    2023年执行数    增长%`)?"""
    k = _text_near(lines, j, -1, heads)
    return k is not None and _set_apart_words(lines[k], WIDE_GAP)


def _left_open(table: Aligned) -> None:
    """The table goes on past what was read, in rows that could not be joined to it: its last parents and its
    totals are not known to be complete."""
    table.block.open_end = table.block.goes_on = True


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


CONTINUED_REACH = 5  # lines above a table's first row a 续表 mark of its caption is looked for on


def _marked_continued(caption: list[str], lines: list[str], top: int) -> bool:
    """Is the table marked as continued (续表), in its caption or on the lines above it (the mark may stand over the
    form's number and unit lines: `…决算表（续）` / `公开06表` / `编制单位：… 金额单位：元`)?"""
    marked = [lines[k] for k in range(max(0, top - CONTINUED_REACH), top + 1)]
    return any(CONTINUED.search(flatten(c)) for c in [*caption, *marked])


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
