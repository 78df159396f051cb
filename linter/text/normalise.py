"""Normalisation: from the text as extracted (PDF wraps, page numbers, full-width forms, Markdown marks) to
one clean paragraph per line, keeping for every kept character the index it had in the original.

Why each rule exists:
- PDF extraction wraps lines mid-sentence and even mid-number (`16` / `个月`), often with blank lines
  between; a wrapped line is joined to the next with nothing in between (Chinese has no word spaces).
- A line break is kept as a paragraph break only where the text says so: after sentence-final
  punctuation, before a numbered heading, or after a heading that does not fill the line.
- The characters of each line are cleaned as `cleaning` says (forms, punctuation, spaces): the whole text at
  once, and the few lines with Markdown or HTML marks one by one, their marks dropped first.

The lines are then judged (page numbers, headings, breaks) on their cleaned text, a few operations per line: the
text and its map are joined from slices at the end, not built character by character.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import cache
from itertools import accumulate, compress, count, repeat
from operator import add, and_, is_not, itemgetter, methodcaller, not_, or_

from tieout.linter.patterns import CHAPTER_MARK, lazy, regex
from tieout.linter.text.cleaning import CONVERTIBLE, MAYBE_CHINESE, TRANSLATE, WHITESPACE, Cleaned, clean_text
from tieout.linter.text.cleaning import drop_spaces as _drop_spaces
from tieout.linter.text.cleaning import punctuation as _punctuation
from tieout.linter.text.model import Document, Section, Sentence, Untrusted, line_starts
from tieout.linter.text.offsets import as_array
from tieout.linter.text.pipes import bare_pipe_rows
from tieout.linter.text.repair import repair
from tieout.linter.vocab import load

# only a sentence end may end a paragraph at a line break: PDF lines also end after ；and ： mid-list
TERMINAL = set("。！？")
CLOSING = "”’）》」』"

PAGE_NUMBER = regex(
    r"^(?:[-—–_－─]\s*\d{1,4}\s*[-—–_－─]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}"
    r"|[-—–]?\s*\d{1,3}\s*[-—–]?)$"
)
HEADING = regex(
    rf"^(?:(?P<chap>{CHAPTER_MARK})"
    r"|(?P<cn>[一二三四五六七八九十]{1,3})(?:、|\.(?!\d))"
    r"|（(?P<pcn>[一二三四五六七八九十]{1,3})）"
    r"|(?P<dotted>\d{1,2}(?:\.\d{1,2}){1,3})(?![\d%.])(?=\s*[^\d\s万亿元%个千百人家条项件份次])"
    # (`1.2021年一般公共预算收入…`: an item's number, then the year its statement opens with; no figure 1.2021)
    r"|(?P<num>\d{1,2})(?:、|\.(?!\d)|\.(?=(?:19|20)\d{2}年))"
    r"|（(?P<pnum>\d{1,2})）"
    r")"
)
MD_HEADING = regex(r"^(#{1,6})\s*")
MD_LIST = regex(r"^(?:[-*+]\s+|>\s?)")
# a title's last word, maybe with a note in brackets after it (`…执行情况（节选）`, `…报告（草案）`)
TITLE_END = regex(
    r"(?:报告|说明|决算|预算|情况|方案|总结|汇报|通知|公告|目录|附件\s*\d*)(?:[（(][\u4e00-\u9fff]{1,6}[）)])?$"
)
# a title block's line of only the date it was issued on (`2026年1月`): it closes the title page, and what stands
# after the page break (`目录`, the first heading) does not run on from it
TITLE_DATE = regex(r"\d{4}年\d{1,2}月(?:\d{1,2}日)?")
UNIT_START = set("万亿元个人家条项件份次分%千百")


class _Marked:
    """A line with Markdown or HTML marks, cleaned alone: its characters, where they come from (runs
    [start + a, start + b) of the text given to `_normalise`; `spans`: their flat bounds [a0, b0, a1, b1, …]), its
    Markdown heading level, whether its text starts a Markdown table row and whether a list mark opened it."""

    __slots__ = ("chars", "start", "spans", "md_level", "table", "item")

    def __init__(
        self, chars: str, start: int, spans: list[int], md_level: int | None, table: bool, item: bool = False
    ) -> None:
        self.chars = chars
        self.start = start
        self.spans = spans
        self.md_level = md_level
        self.table = table
        self.item = item

    def origin(self, back: array[int]) -> array[int]:
        """The offsets of its characters in the file."""
        origin = array("q")
        at = self.start
        for a, b in zip(self.spans[::2], self.spans[1::2]):
            origin += back[at + a : at + b]
        return origin


def _clean_line(raw: str, base: int) -> _Marked | None:
    """Convert one original line into kept characters with their original indices; None when blank."""
    stripped = raw.lstrip(WHITESPACE)
    if not stripped:
        return None
    lo, hi = len(raw) - len(stripped), len(raw.rstrip(WHITESPACE))
    if raw.endswith("-->", lo, hi):  # an HTML comment (a suppression) is no text of the report
        hi = _before_comment(raw, lo, hi)
        if hi == lo:
            return None
    md_level = None
    item = False
    if raw[lo] in MARK_START:
        lo, md_level, item = _strip_markdown(raw, lo, hi)
    segment = raw[lo:hi]
    origins: Sequence[int]
    line, origins = _converted(segment, base + lo)
    if MAYBE_CHINESE.search(line):
        line = _punctuation(line)
    if " " not in line:
        if not line:
            return None  # only marks (`**`, ``` ` ```) on the line
        start, spans = _spans([0, len(line)], origins)
    else:
        line, kept = _drop_spaces(line)
        if not line:
            return None
        start, spans = _spans(kept, origins)
    return _Marked(line, start, spans, md_level, segment.startswith("|"), item)


def _before_comment(raw: str, lo: int, hi: int) -> int:
    """The end of a line's text before the HTML comment that closes it (`hi` when none opens on the line)."""
    start = raw.rfind("<!--", lo, hi)
    if start < 0:
        return hi
    while start > lo and raw[start - 1] in WHITESPACE:
        start -= 1
    return start


# the first character of every Markdown mark
MARK_START = "#-*+>"
# a list item opening with the name of what it states and a colon (`参训人次：3,250人次，…`)
NAMED_ITEM = regex(r"[\u4e00-\u9fff（）()“”A-Za-z]{2,16}[：:]")


def _strip_markdown(raw: str, lo: int, hi: int) -> tuple[int, int | None, bool]:
    """Skip a Markdown heading, list or quote mark: the new start, a heading's level, and whether a list mark
    (not a quote's) opened the line."""
    m = MD_HEADING.match(raw, lo)
    if m and (m.end() < hi):
        return m.end(), len(m.group(1)), False
    m = MD_LIST.match(raw, lo)
    if m and m.end() < hi and not PAGE_NUMBER.match(raw[lo:hi]):
        return m.end(), None, raw[lo] != ">"
    return lo, None, False


def _converted(segment: str, start: int) -> tuple[str, Sequence[int]]:
    """The segment with emphasis marks dropped and forms converted, and each character's original index."""
    if "**" not in segment and "__" not in segment and "`" not in segment and "$" not in segment:
        # the common case, one C-level pass: nothing removed, each character converted in place
        line = segment.translate(TRANSLATE) if CONVERTIBLE.search(segment) else segment
        return line, range(start, start + len(segment))
    kept = [(ch, start + k) for k, ch in enumerate(segment)]
    drop = {i for m in EMPHASIS.finditer(segment) for i in range(m.start(), m.end())}
    for m in INLINE_MATH.finditer(segment):
        # `$79.52\%$` (Markdown converted from PDF): the figure, without the math delimiters and escapes
        drop.update((m.start(), m.end() - 1))
        drop.update(m.start() + k for k, ch in enumerate(m.group()) if ch == "\\" and m.group()[k + 1 : k + 2] == "%")
    kept = [x for k, x in enumerate(kept) if k not in drop]
    return "".join(ch for ch, _ in kept).translate(TRANSLATE), [o for _, o in kept]


def _spans(kept: list[int], origins: Sequence[int]) -> tuple[int, list[int]]:
    """The spans of a line kept (flat bounds [a0, b0, …], spans [a, b)) as runs of the text's offsets
    (`origins`: each character's offset): a start and the flat bounds of the runs [start + a, start + b)."""
    if isinstance(origins, range):  # the common case: the line is a run of the text
        return origins.start, kept
    runs: list[int] = []  # a line with marks dropped: its offsets regrouped into runs
    for k in (origins[i] for a, b in zip(kept[::2], kept[1::2]) for i in range(a, b)):
        if runs and runs[-1] == k:
            runs[-1] = k + 1
        else:
            runs += (k, k + 1)
    return 0, runs


HEADING_LEVEL = {"chap": 0, "cn": 1, "pcn": 2, "num": 3, "pnum": 4}
# a line numbering a project by the word (`项目1：某某改造项目`, `项目二：…`) heads that project's part of a report
# on several: it stands under the report's parts (`二、项目自评情况`) and above the sections each project's part
# repeats (`（一）项目概况`, `（三）自评得分`), which without it would read as one section of one project
WORD_NUMBERED = regex(r"项目[\d一二三四五六七八九十]{1,3}\s*[：:]\s*(?=[^。；;，,\d]{2,40}$)")
WORD_NUMBERED_LEVEL = 1.5
# a line naming the appendix alone (`附表`, `附件：`): the report's body ends there, and what follows is under no
# part of it (the prose between appended tables is not of the last part's year: `二、2026年预算草案`, then `附表`)
APPENDIX_LINE = regex(r"附(?:表|件|录)\s*[：:]?")
# a short line of words alone (`社区养老服务补贴项目`): no figure, no clause mark; maybe a part's heading of no number
BARE_TITLE = regex(r"[\u4e00-\u9fff“”（）()、]{4,30}")
FIRST_NUMBERS = frozenset(("一", "1"))
# the first character of a numbering mark that HEADING matches, besides a digit
HEADING_START = frozenset("第一二三四五六七八九十（")


def numbering(title: str) -> str | None:
    """The kind of numbering mark a heading opens with, as HEADING names it (`cn` for `一、`, `pcn` for `（一）`, `chap`,
    `dotted`, `num`, `pnum`); None for a heading of no number (a Markdown one, a title)."""
    h = HEADING.match(title)
    return h.lastgroup if h else None


def _heading(line: str, md_level: int | None) -> tuple[int | None, int]:
    """The heading level a line's numbering mark gives (else its Markdown level) and the mark's length."""
    if line[0] not in HEADING_START and not line[0].isdecimal():  # (`\d` in a regex: a decimal digit)
        return md_level, 0
    h = HEADING.match(line)
    if not h:
        return md_level, 0
    if h.group("dotted"):
        return 2 + h.group("dotted").count("."), h.end()
    group = next(g for g in HEADING_LEVEL if h.group(g))
    return HEADING_LEVEL[group], h.end()


EMPHASIS = regex(r"\*\*|__|`")
# inline math holding a plain figure: `$79.52\%$`, `$ 1,200 $`
INLINE_MATH = regex(r"\$\s*[-+]?[\d.,]+\s*(?:\\%)?\s*\$")


def _is_page_number(text: str, next_text: str, in_sequence: bool = False) -> bool:
    if not PAGE_NUMBER.match(text):
        return False
    if BARE_NUMBER.fullmatch(text) and next_text[:1] in UNIT_START and not in_sequence:
        return False  # a number wrapped away from its unit, not a page number
    return True


def _running_heads(chars: list[str], pages: set[int]) -> set[int]:
    """The lines right before or after a page number that repeat the report's title on two pages or more: a
    running head or foot, which text extracted from a PDF keeps between the halves of a sentence (`…还本支出
    1.20 亿` / `1` / `某区预算执行情况的报告` / `元、…`). Only the title's words, in its order (maybe shortened:
    `某县2024年决算报告` atop `某县2024年财政决算的报告`): a table's title or header repeated on each of its pages,
    or a row beside a page number, is the table's."""
    title = "".join(chars[:TITLE_BLOCK])
    beside = [j for k in pages for j in (k - 1, k + 1) if TITLE_BLOCK <= j < len(chars) and j not in pages]
    heads = [j for j in beside if RUNNING_HEAD_MIN <= len(chars[j]) <= RUNNING_HEAD_CHARS]
    seen = Counter(chars[j] for j in heads)
    # the title's words on two pages or more; other words of their own (no figure, no table's) on three or more
    return {
        j
        for j in heads
        if seen[chars[j]] >= 2
        and _of_title(chars[j], title)
        or seen[chars[j]] >= RUNNING_HEAD_REPEATS
        and OWN_HEAD.fullmatch(chars[j]) is not None
    }


def _of_title(line: str, title: str) -> bool:
    """Is the line the title's words in the title's order, maybe some left out (a running head shortens it)?"""
    rest = iter(title)
    return all(ch in rest for ch in line)  # (each `in` consumes the title up to the character found)


TITLE_BLOCK = 3  # the first content lines, where a report's title stands
RUNNING_HEAD_MIN = 6
RUNNING_HEAD_CHARS = 40
RUNNING_HEAD_REPEATS = 3
# a running head of words that are not the title's (`某区财政局公开文件`): no figure, no table's words or marks
OWN_HEAD = regex(r"[^\d表|，。；：:,;\s]+")


def _page_sequence(lines: list[tuple[int, str]]) -> set[int]:
    """Indices of bare-number lines in a run of page numbers (`3`, … `4`, … `5`, a page of text apart): those
    are page numbers even where the next page starts with a unit, which would otherwise glue them onto a
    figure. Three in a row, each at least PAGE_LINES lines after the last, is no column of table values.
    (`lines`: (index, text) of lines, among them every bare-number line.)"""
    found = [(k, int(t)) for k, t in lines if len(t) <= 3 and BARE_NUMBER.fullmatch(t)]
    out: set[int] = set()
    chain: list[int] = []
    last: tuple[int, int] | None = None
    for k, v in found:
        if last is not None and v == last[1] + 1 and k - last[0] >= PAGE_LINES:
            chain.append(k)
        else:
            if len(chain) >= 3:
                out.update(chain)
            chain = [k]
        last = (k, v)
    if len(chain) >= 3:
        out.update(chain)
    return out


PAGE_LINES = 10
BARE_NUMBER = regex(r"\d{1,3}")


# a row of a space-aligned text table as the original line has it: a label holding a Chinese character, then two
# or more figures (or dashes for blank cells), the first set apart by a wide gap, nothing after the last (the
# specification `_aligned_row` follows in linear time; tests/test_normalise.py holds the two to each other)
ALIGNED_ROW = lazy(
    r"^\s*\S[^，。；]*?[\u4e00-\u9fff][^，。；\d]*?\s{2,}(?:[-−+]?\d[\d,]*(?:\.\d+)?%?|[-—–－]{1,2})"
    r"(?:\s+(?:[-−+]?\d[\d,]*(?:\.\d+)?%?|[-—–－]{1,2}))+\s*$"
)
ROW_END = set("0123456789%-—–－")


def _row_kinds(raw: list[str], numbers: list[int]) -> tuple[list[bool], list[bool]]:
    """Which content lines (by their 1-based line numbers in `raw`, the original's lines) are rows of a
    space-aligned table (`_aligned_row`), and which rows of a table whose cells one space sets apart (`_spaced_row`).
    Only lines ending in a figure or a dash, with no `，` or `。`, are read (most lines are prose: found at C speed),
    each split once for both readings."""
    texts = [raw[n - 1] if n - 1 < len(raw) else "" for n in numbers]
    ends = map(ROW_END.__contains__, map(itemgetter(slice(-1, None)), map(str.rstrip, texts)))
    plain = map(not_, map(or_, map(str.__contains__, texts, repeat("，")), map(str.__contains__, texts, repeat("。"))))
    rows = [False] * len(texts)
    spaced = [False] * len(texts)
    for k in compress(count(), map(and_, ends, plain)):
        rows[k], spaced[k] = _row_shapes(texts[k])
    return rows, spaced


def _after_rows(raw: list[str], lines: _Lines) -> list[int]:
    """The content lines (their indices) of prose right after a text table's last row: after a row aligned by wide
    gaps, or after two rows or more whose cells one space sets apart (`_spaced_row`), each line a label and its
    figures alone; not a figure, unit or mark that goes on from the row's last figure. (The normaliser joins the
    rows' lines as it joins wrapped prose, the tables being read from the original, but the prose after a table's
    last row starts a paragraph of its own, or its first sentence would be read as the last row's: `收入合计
    423,600 444,700 105.0全县一般公共预算支出完成…`.)"""
    rows, spaced = _row_kinds(raw, lines.numbers)
    out = []
    for k in range(1, len(rows)):
        if rows[k] or spaced[k]:
            continue
        first = lines.chars[k][0]
        if first in UNIT_START or first in "，、。；：）》”%":
            continue
        if rows[k - 1] or (k >= 2 and spaced[k - 1] and spaced[k - 2] and not first.isdecimal()):
            out.append(k)
    return out


# a cell of a table row set apart by single spaces: a figure, maybe a bound (`≥90%`), or a dash for a blank cell
SPACED_CELL = regex(r"(?:[≥≤＞＜><]=?)?[-−+]?\d[\d,]*(?:\.\d+)?%?|[-—–－]{1,2}")
# the first characters of a bound: a cell opening with none is a CELL_FIGURE when it is a SPACED_CELL
BOUNDS = frozenset("≥≤＞＜><")


def _spaced_row(line: str) -> bool:
    """A label (a Chinese character in it, no digit after its last one, no `，。；`) and two figures or more after
    it, nothing else: the words of prose carry their units (`万元`, `人次`) and marks; two bare figures side by
    side, a table's cells, prose never writes. A PDF's text layer gives rows so (`一般公共预算拨款 8,426.35 +612.48
    9,038.83 98.15%`)."""
    return _row_shapes(line)[1]


CELL_FIGURE = regex(r"[-−+]?\d[\d,]*(?:\.\d+)?%?|[-—–－]{1,2}")
WIDE_GAP = regex(r"\s\s")
WIDE_GAPS = regex(r"\s{2,}")
DIGIT = regex(r"\d")


def _aligned_row(line: str) -> bool:
    """`ALIGNED_ROW.match(line)`, in time linear in the line's tokens for each way of cutting it (the pattern's
    nested lazy runs took seconds on the long rows of wide tables): a label holding a Chinese character, no
    `，。；` in it and no digit after its last Chinese character, then a gap of two spaces or more, then two
    figures or more (dashes for blank cells) separated by spaces."""
    return _row_shapes(line)[0]


def _row_shapes(line: str) -> tuple[bool, bool]:
    """Is the line an aligned row (`_aligned_row`) and is it a spaced row (`_spaced_row`)? Its cells at the end are
    found once for both: a spaced row's cells may be bounds (`≥90%`), an aligned row's not."""
    tokens = line.split()
    n = len(tokens)
    k = 0  # the cells at the end (a spaced row's)
    while k < n and SPACED_CELL.fullmatch(tokens[n - 1 - k]):
        k += 1
    spaced = 2 <= k < n and _label_of_row(" ".join(tokens[: n - k]))
    figures = 0  # the figures at the end (an aligned row's): the cells after the last bound
    while figures < k and tokens[n - 1 - figures][0] not in BOUNDS:
        figures += 1
    if figures < 2:
        return False, spaced
    line = line.rstrip()
    if WIDE_GAP.search(line) is None:
        return False, spaced  # (no gap of two spaces: most lines, looked at in C)
    for first in range(max(n - figures, 1), n - 1):  # the first figure, the label before it
        # the words before the first figure (the spaces after them cut) and the gap after them, the line split
        # from its end: no offset of every word is needed, most rows being read at their first cut
        label = line.rsplit(None, n - first)[0]
        gap = line[len(label) :]
        if len(gap) - len(gap.lstrip()) >= 2 and _label_of_row(label.lstrip()):
            return True, spaced
    return False, spaced


# an item of a list set out one a line with no end mark: its name and its amount, nothing else
LISTED_LINE = regex(r"^[^，。；：,;:！？\d]{2,30}\d[\d,]*(?:\.\d+)?(?:亿元|万元|元)$")
INDENT = frozenset(" \t\u3000")


def _listed_lines(raw: list[str], numbers: list[int], chars: list[str]) -> list[int]:
    """The content lines (their indices) that open a paragraph as items of a list set out one a line: runs of two
    lines or more, each indented alike in `raw` (the original's lines) and holding a name and an amount and nothing else (no end
    mark: the normaliser would join them as a wrapped line), and the line after such a run."""
    # (an item ends in its unit of money, tested first: the pattern backtracks over the words opening a line of
    # prose before it fails)
    listed = [c.endswith("元") and LISTED_LINE.match(c) is not None for c in chars]
    if sum(listed) < 2:
        return []
    indents = [_indent(raw[n - 1]) if ok and n - 1 < len(raw) else "" for n, ok in zip(numbers, listed, strict=True)]
    out: list[int] = []
    k = 0
    while k < len(chars):
        j = k
        while j < len(chars) and indents[j] and indents[j] == indents[k]:
            j += 1
        if j - k >= 2:
            out += range(k, min(j + 1, len(chars)))
        k = max(j, k + 1)
    return out


# a cell of a gapped item after its name: a figure, a short word before it (`占比 57.3%`) and its unit after it
ITEM_CELL = regex(r"(?:[\u4e00-\u9fff]{1,6} ?)?[-−+]?\d[\d,]*(?:\.\d+)?(?:%|亿元|万元|千元|元)?")
ITEM_MARKS = regex(r"[，。；：,;:！？]")


def _after_gapped_items(raw: list[str], numbers: list[int], chars: list[str]) -> list[int]:
    """The content lines (their indices) that follow a run of two or more items indented alike, each set out as a
    name and its amounts apart by wide gaps (`  基本支出      620.40万元   占比 58.1%` / `  项目支出    512.30万元`),
    when the line after is prose, not indented: it starts a paragraph of its own, or its first sentence would
    be read as the last item's words (no end mark closes an item). Not after items indented unalike: a nested
    list (`    人员经费` under `  基本支出`) closed so would be read as a flat one, its parts summed with their
    parent's. A line of prose wrapped by a PDF is no such item: its words are not amounts set apart by wide
    gaps (`中  地  方  税`); rows of figures alone are a table's (`_row_kinds`)."""
    texts = [raw[n - 1] if n - 1 < len(raw) else "" for n in numbers]
    # the items (an item is indented: the other lines, most of them, passed over at C speed)
    indented = compress(count(), map(INDENT.__contains__, map(itemgetter(slice(0, 1)), texts)))
    items = [k for k in indented if _gapped_item(texts[k])]
    out: list[int] = []
    i = 0
    while i < len(items):
        first = last = items[i]  # a run of items, each on the line right after the one before
        while i + 1 < len(items) and items[i + 1] == last + 1 and numbers[last + 1] == numbers[last] + 1:
            i += 1
            last = items[i]
        i += 1
        k = last + 1  # the line after the run (no item: it would go on with the run)
        if last == first or k >= len(numbers) or numbers[k] != numbers[last] + 1 or _indent(texts[k]):
            continue
        # (a unit opening the line goes on from a last item's bare figure: `… 4210` / `人次…`)
        unit = chars[last][-1:].isdecimal() and chars[k][:1] in UNIT_START
        if len({_indent(texts[j]) for j in range(first, k)}) == 1 and not unit:
            out.append(k)
    return out


def _gapped_item(line: str) -> bool:
    """Is the line an indented item of a name and amounts set apart by wide gaps, one of them at least with its
    unit or a word (`占比 57.3%`), nothing else?"""
    if not line[:1] or line[0] not in INDENT or ITEM_MARKS.search(line):
        return False
    line = line.strip()
    gap = WIDE_GAPS.search(line)
    if gap is None or CJK.search(line, gap.end()) is None:
        # (a cell of a word or a unit holds a Chinese character: rows of bare figures, most, are passed over)
        return False
    cells = WIDE_GAPS.split(line)
    if len(cells) < 2 or not _label_of_row(cells[0]) or DIGIT.search(cells[0]):
        return False
    return all(ITEM_CELL.fullmatch(c) for c in cells[1:]) and not all(CELL_FIGURE.fullmatch(c) for c in cells[1:])


def _after_items(raw: list[str], lines: _Lines) -> list[int]:
    """The lines after a Markdown list whose last item closes its clause (`- 其他收入 512.35 万元；` / `部门支出合计
    …`): a statement of their own, not the item's words going on (a lazy continuation of an item is indented, or
    follows an item that stops mid-clause), though the `；` leaves the sentence open."""
    out = []
    for k in compress(count(1), map(and_, lines.items[:-1], map(not_, lines.items[1:]))):
        if lines.chars[k - 1].rstrip(CLOSING)[-1:] in CLAUSE_END and not _indent(raw[lines.numbers[k] - 1]):
            out.append(k)
    return out


CLAUSE_END = frozenset("。！？；;")


def _goes_on(raw: list[str], lines: _Lines, k: int, opened: int, full: float) -> bool:
    """Does content line k carry on the paragraph a numbered heading stating figures opened on line `opened` (of
    the original), though the line before ends a sentence (`　　2.某某保险基金。收入 a，…` / `…其他收入 e。` / `支出 b，
    …`)? A report laid out with its paragraphs' first lines indented wraps a paragraph's lines flush left: a
    full line ending on `。` before a line not indented, under a heading line that is, is the full stop falling at
    the line's end, not the paragraph's (b is still that fund's)."""
    if k < 1 or len(lines.chars[k - 1]) < full or not 0 < opened <= len(raw) or lines.numbers[k] > len(raw):
        return False
    # (a prose line, not a table's row or title: its clauses are marked; a page's first line opens with its form feed)
    if lines.tables[k] or PROSE_MARK.search(lines.chars[k]) is None:
        return False
    return bool(_indent(raw[opened - 1].lstrip("\f"))) and not _indent(raw[lines.numbers[k] - 1].lstrip("\f"))


PROSE_MARK = regex(r"[，。；]")


def _indent(line: str) -> str:
    """The whitespace a line opens with."""
    n = 0
    while n < len(line) and line[n] in INDENT:
        n += 1
    return line[:n]


def _label_of_row(label: str) -> bool:
    # (a Chinese character after the label's first character, as the pattern reads it: `五` alone is no label)
    last = LAST_CJK.search(label)
    if last is None or last.start() == 0 or "，" in label or "。" in label or "；" in label:
        return False
    return DIGIT.search(label, last.start()) is None


CJK = regex(r"[\u4e00-\u9fff]")
# the last Chinese character of a text (and what follows it)
LAST_CJK = regex(r"[\u4e00-\u9fff][^\u4e00-\u9fff]*$")


def _apart_figures(raw: list[str], lines: _Lines) -> list[int]:
    """The lines opening with a digit that would run on from the digit ending the line before into one number,
    though the two stand apart: the figure before set off from its words by a wide gap (rows of a table of one
    column of figures: `…外国政府贷款      1.67` / `2024年…发行额  344.23`), a whole figure before a year
    (`…贷款 1.67` / `2024年…`) or a row's code (`合计 2,693.18` / `301 工资福利支出…`), or two lines that are each a figure alone. A figure broken by the wrap (`资金 2,4` /
    `00.00 万元`) runs on."""
    chars, numbers = lines.chars, lines.numbers
    out = []
    # (judged one by one only where a digit ends a line and one opens the next; \d is isdecimal)
    lasts = map(str.isdecimal, map(itemgetter(-1), chars[:-1]))
    firsts = map(str.isdecimal, map(itemgetter(0), chars[1:]))
    for k in compress(count(1), map(and_, lasts, firsts)):
        opens = YEAR_FIRST.match(chars[k]) or CODE_FIRST.match(raw[numbers[k] - 1].lstrip())
        if opens and _whole_figure_last(chars[k - 1]):
            out.append(k)  # (`…合计 2,693.18` / `301 工资福利支出…`: the next row opens with its code)
            continue
        if FIGURE_LINE.fullmatch(chars[k - 1]) and FIGURE_LINE.fullmatch(chars[k]):
            out.append(k)  # a table one cell a line (`1600.00` / `1575.00`): a figure wrapped leaves words before it
            continue
        before = raw[numbers[k - 1] - 1].rstrip()
        words = before.rsplit(None, 1)
        if len(words) == 2 and WIDE_GAP.search(before, len(words[0])) is not None:
            out.append(k)
    return out


# a form's line: a short name, a colon, one figure and its unit, nothing else (`全年执行数：398.26`, `执行率：
# 96.55%`, `资金结余：125,581.44元`)
FORM_LINE = regex(
    r"[\u4e00-\u9fffA-Za-z]{2,16}(?:（[\u4e00-\u9fff]{1,3}）)?[：:]\s*[-−]?\d[\d,]*(?:\.\d+)?\s*(?:[%％]|[千万亿]?元)?"
)


def _form_breaks(chars: list[str], width: int) -> list[int]:
    """The breaks around a form's lines: each states one named figure, a statement of its own, not a wrapped
    line of the one before (which it would be after a figure) nor the subject of the lines after. Not after a
    full line of prose stopping mid-word (`…全年预算` / `执行率：96.55%`: the line is that sentence's end), nor
    before a line going on from the figure (`…：2,865,000.00` / `元`)."""
    full = 0.85 * width
    out = []
    for k in [k for k, line in enumerate(chars) if "：" in line or ":" in line]:
        if FORM_LINE.fullmatch(chars[k]) is None:
            continue
        prev = chars[k - 1] if k else ""
        if k and not (len(prev) >= full and prev[-1:].isalpha() and not FIGURE_UNIT_LAST.search(prev)):
            out.append(k)
        if k + 1 < len(chars) and chars[k + 1][0] not in UNIT_START and chars[k + 1][0] not in "，、。；：）》”%":
            out.append(k + 1)
    return out


# a form's field opening its line: a short name (a book's title in 《》 or a note in brackets in it) and a colon, a
# figure after it on the line (`旧志整理：预算11.5万元，执行8.9万元，执行率77.4%`, `上年执行数：262.9万元；…`)
FIELD_FIRST = regex(r"[\u4e00-\u9fffA-Za-z《》（）()\d—\-]{2,24}[：:](?=.*\d)")
# a form's field named alone on its line, its text on the lines below (`年度总体目标：`, `实际完成情况：`): after a
# line closing on a figure it heads what follows, not the wrapped end of the figure's statement
FIELD_ALONE = regex(r"[\u4e00-\u9fff（）()]{2,16}[：:]")
# a line closing on a figure, its unit or a percent: a statement's end
FIGURE_LAST = regex(r"\d(?:[%％]|[千万亿]?元|[\u4e00-\u9fff]{1,2})?[）)]?$")


def _field_breaks(chars: list[str], width: int) -> list[int]:
    """The breaks before a form's fields of several figures, each on a line of its own (`项目支出：预算 A，执行 B，
    执行率 p%` / `《某某》编纂出版：预算 …`): a line opening with a short name and a colon after a short line closing on
    a figure is a statement of its own, not the wrapped end of the one before (a wrapped line of prose follows a
    full one); so is a field named alone on its line after any line closing on a figure (`年度总体目标：`)."""
    full = 0.85 * width
    out = []
    # (a field's line holds a colon: the others, most lines, passed over at C speed)
    rest = chars[1:]
    colons = map(or_, map(str.__contains__, rest, repeat("：")), map(str.__contains__, rest, repeat(":")))
    for k in compress(count(1), colons):
        prev = chars[k - 1]
        if not FIGURE_LAST.search(prev):
            continue
        if FIELD_FIRST.match(chars[k]) and (len(prev) < full or FIELD_FIRST.match(prev)):
            out.append(k)
        elif FIELD_ALONE.fullmatch(chars[k]) and chars[k][0] not in UNIT_START:
            out.append(k)  # (a field whose text follows on the lines below it: `年度总体目标：` / `完成…`)
    return out


# the wide gap setting a form's pairs apart on one line (`全年预算数：100.00　全年执行数：91.80`): a full-width
# space or two spaces
PAIR_GAP = regex(r"\u3000+\s*|\s{2,}")


def _form_pair_breaks(raw: list[str], numbers: list[int]) -> list[int]:
    """The breaks around a form's line of several named figures set apart by wide gaps (`其他资金　全年预算数：
    100.00　全年执行数：91.80　执行率：91.80%`): a statement of its own, as a line of one pair is, not a line
    wrapped from the one before nor running on into the next. Every piece after the first must be a pair
    (`name：figure`), two at least; the first a pair or a short name of the line's row (`其中：财政拨款`)."""
    out = []
    for k, number in enumerate(numbers):
        line = raw[number - 1]
        if "：" not in line and ":" not in line:
            continue
        pieces = PAIR_GAP.split(line.strip(WHITESPACE))
        pairs = [p for p in pieces[1:] if FORM_LINE.fullmatch(p)]
        if len(pairs) < 2 or len(pairs) != len(pieces) - 1:
            continue
        if not (FORM_LINE.fullmatch(pieces[0]) or ROW_NAME.fullmatch(pieces[0])):
            continue
        if k:
            out.append(k)
        if k + 1 < len(numbers):
            out.append(k + 1)
    return out


# a form's row name before its pairs (`其中：财政拨款`, `其他资金`)
ROW_NAME = regex(r"(?:其中[：:])?[\u4e00-\u9fff]{2,10}")
# a line closing on a figure and its unit (`…县级配套 99.25万元`): a statement's end, not a word cut by the wrap
FIGURE_UNIT_LAST = regex(r"\d[千万亿]?元$")
YEAR_FIRST = regex(r"(?:19|20)\d{2}年")
# a classification code opening a table's row (`301 工资福利支出`, `2010101 行政运行`)
CODE_FIRST = regex(r"\d{3,7}[ \u3000]+[\u4e00-\u9fff]")
# a line that is a figure and nothing else (a table's cell on a line of its own)
FIGURE_LINE = regex(r"[-−+]?\d[\d,]*(?:\.\d+)?[%％]?")
# a figure whole as it stands: decimals after its point, or thousands in groups of three
WHOLE_FIGURE_LAST = regex(r"(?<![\d,.])\d{1,3}(?:,\d{3})*\.\d{1,4}$|(?<![\d,.])\d{1,3}(?:,\d{3})+$")
FIGURE_CHARS = "0123456789,."


def _whole_figure_last(line: str) -> bool:
    """`WHOLE_FIGURE_LAST.search(line)`, searched from where the run of digits, commas and points that ends the line
    starts (the figure is such a run's end): not tried at every character of the line. (A digit outside ASCII
    before the run found, which `\\d` matches and the strip leaves, or a newline closing the line, before which `$`
    matches: the whole line is searched.)"""
    at = len(line.rstrip(FIGURE_CHARS))
    if at and line[at - 1].isdecimal() or line.endswith("\n"):
        at = 0
    return WHOLE_FIGURE_LAST.search(line, at) is not None


def _continues(prev: str, nxt: str) -> bool:
    if TABLE_MARK_LINE.match(prev):
        return False
    return (
        prev[-1].isdigit()
        # (a colon announces what the next line says: `构成如下：`; an ASCII comma cleaning left closing a line is a
        # thousands separator the wrap cut a figure after, `…流动资产2,` / `415,306.18万元`: cleaning turned every other)
        or prev[-1] in "，,、（《“—-+/*=：:"
        # (a unit wrapped, `…5 万` / `元`; not a numeral's unit after a line closed by its money unit: `花桥村 38.76万元`
        # / `百丈村 25.17万元`, a village named 百丈, 万家, 千佛 on the next line of a list, is no unit of the figure before)
        or (nxt[0] in UNIT_START and not (prev[-1] == "元" and nxt[0] in "万千百亿"))
        or nxt[0] in "，、。；：）》”%"
        or (prev[-1].isascii() and prev[-1].isalpha())
        # (a statement's last words wrapped onto a line of their own, its figure on the next: `…；年末财政拨款` /
        # `结转和结余` / `350.10万元。`: a sum of money closed by a sentence's mark opens no paragraph, and a line
        # cut after a word, not a mark, has not said its figure yet)
        or ("\u4e00" <= prev[-1] <= "\u9fff" and WRAPPED_FIGURE_END.match(nxt) is not None)
        # (a sentence opened after the full stop of the one before, its first words cut by the wrap: `…52,320.86
        # 万元。与` / `上年相比，…`: the line is short because the next sentence goes on, not because a paragraph ends)
        or SENTENCE_OPENED_LAST.search(prev) is not None
        # (a change's direction word cut in two, its figure after it: `…增加697万元，增` / `长1%。`, the first character
        # set alone on a line of its own as a PDF right-aligns it, then joined to the line before)
        or (
            prev[-1] in CHANGE_WORD_HEADS
            and CHANGE_WORD_TAIL.match(nxt) is not None
            and prev[-1] + nxt[0] in CHANGE_WORDS
        )
    )


# a table's number on a line of its own above its title (`表1-1`, `附表3`, `表二`): a caption's mark that ends there;
# its digits go on into no figure (`表1-1` / `2025年某市…执行情况表`, joined, read as a table 1-12025 of `年某市…`)
TABLE_MARK_LINE = regex(r"^\s*附?表\s*(?:\d{1,3}(?:\s*[-—－.．]\s*\d{1,3})*|[一二三四五六七八九十]{1,3})\s*$")


# the words of a change (`增长 p%`, `下降 p%`, `增加 Δ`, `减少 Δ`, `提高 p个百分点`), cut between their characters
CHANGE_WORDS = frozenset({"增长", "下降", "增加", "减少", "提高", "降低", "上升"})
CHANGE_WORD_HEADS = frozenset(w[0] for w in CHANGE_WORDS)
CHANGE_WORD_TAIL = regex(r"[长降加少高低升]\s*[-−]?\d")


# a line's end after a sentence's full stop: the next sentence's first words, no mark after them
SENTENCE_OPENED_LAST = regex(r"[。；][\u4e00-\u9fff]{1,8}$")


# a line that is the end of a statement wrapped before its figure: a sum of money or a percent, then the
# sentence's or clause's mark (`350.10万元。`, `12.5%；`)
WRAPPED_FIGURE_END = regex(r"[-−]?\d[\d,]*(?:\.\d+)?\s*(?:[千万亿]?元|[%％])[。；，]")


def normalise(original: str, path: str = "<text>", untrusted: Sequence[tuple[int, int, str, str]] = ()) -> Document:
    """The document of `original`; `untrusted` lists (start, end, page, reason) ranges of `original` whose text
    layer cannot be trusted (from a PDF rendering), kept on the document as normalised spans."""
    if original.startswith("\ufeff"):
        original = original[1:]
        untrusted = [(a - 1, b - 1, p, r) for a, b, p, r in untrusted]
    repaired, back = repair(original)
    doc = _normalise(repaired, path, back)
    if repaired is not original:
        doc.original = original
        doc.line_starts = line_starts(original)
    doc.untrusted = [_untrusted(doc, a, b, page, reason) for a, b, page, reason in untrusted]
    return doc


def _untrusted(doc: Document, a: int, b: int, page: str, reason: str) -> Untrusted:
    """The normalised span of the original range [a, b): the characters that came from inside it."""
    from bisect import bisect_left

    return Untrusted(bisect_left(doc.origin, a), bisect_left(doc.origin, b), a, b, page, reason)


class _Lines:
    """The content lines of a text, in order, as parallel lists: each line's number (1-based), cleaned text, the
    start of its offsets in `origin`, its Markdown heading level, whether it is a table row and whether a page
    number was dropped before it; `newlines` holds the offset in `origin` of the newline after each line (the
    origin of a break joined there). Blank lines and page numbers are left out."""

    __slots__ = ("numbers", "chars", "at", "md_levels", "tables", "items", "page_breaks", "newlines", "origin")

    def __init__(
        self, cleaned: Cleaned, marked: dict[int, _Marked | None], html: list[tuple[int, int]], back: array[int]
    ) -> None:
        lines = cleaned.lines
        ends = len(cleaned.text)  # the offsets of the marked lines follow those of the cleaned text
        more: list[array[int]] = []
        starts: dict[int, int] = {}
        for i, ln in marked.items():
            lines[i] = ln.chars if ln is not None else ""
            if ln is not None:
                more.append(ln.origin(back))
                starts[i] = ends
                ends += len(ln.chars)
        self.origin = cleaned.origin(more)
        content = list(compress(count(), lines))
        self.numbers = list(map((1).__add__, content))
        self.chars = chars = list(map(lines.__getitem__, content))
        self.at = list(map(cleaned.starts.__getitem__, content))
        self.newlines = list(map((-1).__add__, map(cleaned.starts.__getitem__, self.numbers)))
        self.tables = list(map("|".__eq__, map(itemgetter(0), chars)))  # (a marked line: its segment says)
        self.md_levels: list[float | None] = [None] * len(content)
        self.items = [False] * len(content)  # opened by a Markdown list mark (`* `, `- `, `+ `)
        self.page_breaks = [False] * len(content)
        for i, ln in marked.items():
            if ln is not None:  # (else blank: no content line)
                k = bisect_left(content, i)
                self.tables[k], self.md_levels[k], self.at[k] = ln.table, ln.md_level, starts[i]
                self.items[k] = ln.item
        for a, b in html:
            for k in range(bisect_left(content, a), bisect_left(content, b)):
                self.tables[k] = True
        for k in compress(count(), bare_pipe_rows(chars)):
            self.tables[k] = True
        self._drop_page_numbers()

    def _drop_page_numbers(self) -> None:
        """Leave out the page numbers (the line after one is marked: the text runs on across the page break)."""
        chars = self.chars
        candidates = list(compress(count(), map(PAGE_NUMBER.match, chars)))  # (few lines are numbers alone)
        if not candidates:
            return
        sequence = _page_sequence([(k, chars[k]) for k in candidates])  # (bare numbers are candidates)
        dropped: set[int] = set()
        for k in candidates:
            nxt = chars[k + 1] if k + 1 < len(chars) else ""
            if _is_page_number(chars[k], nxt, k in sequence):
                dropped.add(k)
        dropped |= _running_heads(chars, dropped)
        for k in dropped:
            if k + 1 < len(chars) and k + 1 not in dropped:
                self.page_breaks[k + 1] = True
        kept = bytearray(b"\x01") * len(chars)
        for k in dropped:
            kept[k] = 0
        for name in ("numbers", "chars", "at", "md_levels", "tables", "items", "page_breaks", "newlines"):
            setattr(self, name, list(compress(getattr(self, name), kept)))


def _content_lines(text: str, back: array[int]) -> _Lines:
    """The content lines of `text` (`back`: its map to the file): cleaned as a whole, the lines with marks
    cleaned alone."""
    cleaned = clean_text(text, back)
    marked: dict[int, _Marked | None] = {}
    html: list[tuple[int, int]] = []  # ranges of lines inside an HTML table (`<table>` … `</table>`)
    in_html, last = False, -1
    for i in _marked_lines(cleaned):
        start = cleaned.source_offset(cleaned.starts[i] - 1) + 1 if i else 0  # (after the newline before it)
        end = text.find("\n", start)
        raw = text[start : end if end >= 0 else len(text)]
        ln = _clean_line(raw, start)
        low = raw.lower() if "<" in raw else ""
        opens = "<table" in low
        if in_html:
            html.append((last + 1, i))
        if ln is not None and (in_html or opens):
            ln.table = True
        marked[i] = ln
        if opens or in_html:
            in_html = low.rfind("</table") < low.rfind("<table") if opens else "</table" not in low
        last = i
    if in_html:
        html.append((last + 1, len(cleaned.lines)))
    return _Lines(cleaned, marked, html, back)


# what the whole-text cleaning cannot do: a line holding one is cleaned alone (a line starting with a Markdown
# mark is found by its first character)
MARKS = ("**", "__", "`", "$", "-->", "<")


def _marked_lines(cleaned: Cleaned) -> list[int]:
    """The lines that may hold Markdown or HTML marks, in order: every line holding one, maybe a few more (a mark
    is looked for in the cleaned line, where spaces and forms are gone; a line cleaned alone is cleaned right)."""
    text, starts, lines = cleaned.text, cleaned.starts, cleaned.lines
    found: set[int] = set()
    for mark in MARKS:
        k = text.find(mark)
        while k >= 0:
            i = bisect_right(starts, k) - 1
            found.add(i)
            k = text.find(mark, starts[i + 1]) if i + 1 < len(lines) else -1
    content = list(compress(count(), lines))
    firsts = map(itemgetter(0), map(lines.__getitem__, content))
    found.update(compress(content, map(MARK_START.__contains__, firsts)))
    return sorted(found)


def _soft_space(prev: str, nxt: str) -> bool:
    """A wrapped line joins the next with a space only between two ASCII words (never inside a number)."""
    return prev in ASCII_ALNUM and nxt in ASCII_ALNUM and not (prev in DIGITS and nxt in DIGITS)


DIGITS = frozenset("0123456789")
ASCII_ALNUM = DIGITS | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# a figure in a heading line: the heading is a statement (`（五）住房保障支出 154.27 万元，…`), maybe no title
# two bare figures one space apart (the runs of spaces between a table's columns are one space by now): a row of a
# table set out by spaces, `二、项目支出 96,530.00 106,742.65`
# (the second may run into a negative third, the spaces before its sign cleaned away: `1,311.23 1,252.98-4.4`)
ALIGNED_FIGURES = regex(r"(?<![\d.,])-?\d[\d,]*(?:\.\d+)?%? -?\d[\d,]*(?:\.\d+)?%?(?: |$|(?=-\d))")
FIGURE_IN_HEADING = regex(r"\d[\d,.]*\s*(?:亿元|万元|元|%|个百分点)")
# a paragraph that goes on with the statement before it: its list (`其中：…`, `具体为…`), or the sum it adds to
# (`加上上级补助收入 a、…，收入总计 T`, a chain starting from the statement's figure)
LIST_GOES_ON = regex(r"^(?:其中|具体|包括|分别|主要|加上|再加上)")
# a paragraph opening with a comparison that names nothing it compares (`与上年相比增加 Δ，增长 p%`, `比上年预算减少
# Δ`): no paragraph can open with one, so it is the statement's own, a text layer having broken the paragraph at a
# full stop that fell at a line's end (`2.某某（类）支出 a，主要用于…。` / `与上年相比增加 Δ…`)
COMPARISON_GOES_ON = regex(r"^(?:与(?:上|去|\d{4})[^，。；\d]{0,10}?相比|(?:较|比)(?:上|去)一?年|同比)")
# a paragraph opening with a figure of one side of an account that names nothing whose it is (`基金支出预算 b，执行 c`,
# `支出 b`): it is the statement's own, the thing its heading names (`1.某某保险基金。基金收入预算 a，…。`), a text
# layer having broken the paragraph at a full stop that fell at a line's end
SIDE_GOES_ON = regex(r"^(?:基金)?(?:收入|支出)[\u4e00-\u9fff]{0,4}?\d")
# a line stating the total of the items listed before it (`合计：…`, `以上合计…`, `9 个乡镇共计…`)
TOTAL_OPENS = regex(r"^(?:以上|上述)?(?:[一二三四五六七八九十两\d]+(?:项|个)[\u4e00-\u9fff]{0,4})?(?:合计|总计|共计)")


class _Outline:
    """The sections a document's headings open, and the spans of their numbering marks."""

    __slots__ = ("sections", "markers", "stack", "stated")

    def __init__(self) -> None:
        self.sections: list[Section] = []
        self.markers: list[tuple[int, int]] = []
        self.stack: list[Section] = []
        # a heading that opens a paragraph stating figures (`（五）…支出 154.27 万元，…。`)
        self.stated: Section | None = None

    def paragraph(
        self,
        chars: str,
        number: int,
        heading: float | None,
        marker: int,
        start: int,
        after: bool,
        goes_on: bool = False,
    ) -> None:
        """A line opening a paragraph at `start` of the text (`after`: whether the line before ended a sentence),
        when it is a heading or a statement's paragraph ends before it (`goes_on`: the layout shows the line
        carrying on the statement's paragraph, `_goes_on`: the statement still stands)."""
        stated = self.stated
        if stated is not None and heading is None and after and goes_on:
            return
        if stated is not None:
            # (a line opening with a total, `合计：…`, closes the enumerated items before it, each ended by `；`)
            ended = self.stack and self.stack[-1] is stated and heading is None and (after or TOTAL_OPENS.match(chars))
            if not ended:
                self.stated = None
            elif not (LIST_GOES_ON.match(chars) or COMPARISON_GOES_ON.match(chars) or SIDE_GOES_ON.match(chars)):
                # (a list that goes on with the statement is still its own, and so is its change)
                # the paragraph was an enumerated statement, no title: what follows is the enclosing section's
                self.sections.append(self._section_after(stated, start, number))
                self.stated = None
        if heading is not None:
            sec = self._section(chars, heading, number, start)
            self.sections.append(sec)
            self.stated = sec if FIGURE_IN_HEADING.search(chars, marker) else None
            if marker:
                self.markers.append((start, start + marker))

    def _section(self, title: str, level: float, number: int, start: int) -> Section:
        """The section a heading line opens (the stack of open sections is updated)."""
        cut = min((title.find(c) for c in "。；" if c in title), default=-1)
        title = title[:cut] if cut > 0 else title
        stack = self.stack
        while stack and stack[-1].level >= level:
            stack.pop()
        sec = Section(title=title[:60], level=level, start=start, line=number, parent=stack[-1] if stack else None)
        stack.append(sec)
        return sec

    def _section_after(self, stated: Section, start: int, line: int) -> Section:
        """The enclosing section resumed after an enumerated statement (untitled: it adds nothing to the path)."""
        self.stack.pop()
        sec = Section(title="", level=stated.level, start=start, line=line, parent=stated.parent)
        self.stack.append(sec)
        return sec


def _normalise(original: str, path: str, back: Sequence[int] | None = None) -> Document:
    """The document of `original`, its offsets mapped through `back` (each character's offset in the file) when
    given: the map is made of slices of `back`, not offset by offset."""
    lines = _content_lines(original, as_array(back if back is not None else range(len(original)), len(original)))
    # the title block: the first few lines of the file (a title ends with a document-type word)
    title_lines = lines.numbers[min(len(lines.numbers), 4) - 1] if lines.numbers else 0
    # the full line width: most PDF lines are full, so a high percentile finds it; in text with a paragraph
    # per line it is long, and short lines (headings) stand out
    widths = sorted(filter((7).__lt__, map(len, lines.chars)))
    width = widths[int(len(widths) * 0.8)] if widths else 80
    headings, markers, numbered = _headings(lines)
    _restarted_parts(lines, headings, numbered)
    _wrapped_decimals(lines, headings, markers, width)
    _bare_titles(lines, headings, width)
    breaks = _breaks(lines, headings, width, title_lines)
    raw = original.split("\n")  # (the original's lines, split once for the readings below)
    for k in _after_rows(raw, lines):
        breaks[k] = "\n"
    for k in _after_gapped_items(raw, lines.numbers, lines.chars):
        breaks[k] = "\n"
    for k in _apart_figures(raw, lines):
        breaks[k] = "\n"
    for k in _form_breaks(lines.chars, width):
        breaks[k] = "\n"
    for k in _form_pair_breaks(raw, lines.numbers):
        breaks[k] = "\n"
    for k in _field_breaks(lines.chars, width):
        breaks[k] = "\n"
    for k in _after_items(raw, lines):
        breaks[k] = "\n"
    for k in _listed_lines(raw, lines.numbers, lines.chars):
        # a list set out an item a line (`分企业看：` / `  市水务集团上缴 3815 万元` / …): each item, and what
        # follows the last, a paragraph of its own, not one wrapped line (no end mark closes them)
        breaks[k] = "\n"
    # the text: the lines and the breaks before them, interleaved (a line joined with nothing: an empty break)
    pieces = [""] * (2 * len(lines.chars) - 1) if lines.chars else []
    pieces[::2] = lines.chars
    pieces[1::2] = breaks[1:]
    text = "".join(pieces)
    # each character's offset in the original: machine integers (8 bytes a character, where a list of ints
    # took 36 and a 50 MB text a gigabyte for this map alone), copied from the lines' offsets a run at a time (a
    # slice of an array is a memory copy; a break's offset: the newline it replaces)
    runs = [0] * (2 * len(pieces))
    runs[::4] = lines.at
    runs[1::4] = map(add, lines.at, map(len, lines.chars))
    joins = list(map(len, breaks[1:]))
    runs[2::4] = lines.newlines[:-1]
    runs[3::4] = map(add, lines.newlines[:-1], joins)
    origin = array("q")
    source = lines.origin
    for a, b in zip(runs[::2], runs[1::2]):
        origin += source[a:b]
    outline = _Outline()
    starts = list(accumulate(map(len, pieces), initial=0))[::2]  # where each line starts in the text
    for k in _paragraphs(breaks, headings, outline):
        goes_on = outline.stated is not None and _goes_on(raw, lines, k, outline.stated.line, 0.85 * width)
        outline.paragraph(
            lines.chars[k], lines.numbers[k], headings[k], markers[k], starts[k], _ends(lines, k - 1), goes_on
        )
    doc = Document(
        path=path, original=original, text=text, origin=origin, sections=outline.sections, markers=outline.markers
    )
    doc.sentences = split_sentences(text)
    return doc


def _headings(lines: _Lines) -> tuple[list[float | None], list[int], list[re.Match[str] | None]]:
    """Each line's heading level (its numbering mark's, else its Markdown level), its mark's length, and its match of
    a numbering mark (`HEADING`, a table's row's too), which `_restarted_parts` reads the number of."""
    headings = list(lines.md_levels)
    markers = [0] * len(headings)
    matches = list(map(HEADING.match, lines.chars))  # (at C speed: most lines are no heading)
    for k, h in zip(compress(count(), matches), filter(None, matches)):
        # (two figures one space apart: a line cleaned keeps a space only between ASCII words, tested first)
        if lines.tables[k] or " " in lines.chars[k] and ALIGNED_FIGURES.search(lines.chars[k], h.end()):
            continue  # a table's row (`一、事业收入 | 40.07`, `二、项目支出    96,530.00    106,742.65`): no heading
        if h.group("dotted"):
            headings[k], markers[k] = 2 + h.group("dotted").count("."), h.end()
        else:  # (each alternative holds one named group, the last closed)
            headings[k], markers[k] = HEADING_LEVEL[str(h.lastgroup)], h.end()
    for k, w in zip(compress(count(), words := list(map(WORD_NUMBERED.match, lines.chars))), filter(None, words)):
        if headings[k] is None and not lines.tables[k]:
            headings[k], markers[k] = WORD_NUMBERED_LEVEL, w.end()
    for k in (k for k, line in enumerate(lines.chars) if len(line) <= 4 and APPENDIX_LINE.fullmatch(line)):
        if headings[k] is None and not lines.tables[k]:
            headings[k] = HEADING_LEVEL["cn"]
    return headings, markers, matches


def _restarted_parts(lines: _Lines, headings: list[float | None], numbered: list[re.Match[str] | None]) -> None:
    """A numbering that starts again (`（一）项目概况` … `（三）自评得分`, then `（一）项目概况`) with no heading of a
    higher level between opens a new part of the report, one of parallel parts (the projects of a 绩效自评, the units
    of a compilation); the short line of words alone right before each run's first heading, where there is one
    (`社区养老服务补贴项目`), heads that part, a half level above the run. Without it the parts' sections, titled
    alike, would read as one section stated twice (lists changed in place; `numbered`: each line's match of a
    numbering mark, `_headings`')."""
    run_start: dict[float, int] = {}  # the line of the first heading of the run open at each level
    for k in list(compress(count(), map(is_not, headings, repeat(None)))):
        level = headings[k]
        assert level is not None  # (the lines compressed hold a heading)
        for deeper in [lv for lv in run_start if lv > level]:
            del run_start[deeper]
        h = numbered[k]
        number = h.group(h.lastgroup) if h and h.lastgroup else None
        # (a report's own parts, `一、` again, are the documents of a compilation or a table's rows: not read here)
        if number not in FIRST_NUMBERS or level < HEADING_LEVEL["pcn"]:
            continue
        if level in run_start:  # (a restart: the run before it, and this one, are parts)
            for first in (run_start[level], k):
                _head_part(lines, headings, first, level)
        run_start[level] = k


def _head_part(lines: _Lines, headings: list[float | None], first: int, level: float) -> None:
    """Make the short line of words alone right before a run's first heading that run's part's heading."""
    before = first - 1
    if before < 0 or headings[before] is not None or lines.tables[before]:
        return
    # (a heading's line before it that ends with no full stop: the line is that heading wrapped, `3.1 关于…执行` /
    # `情况说明`, not a part's own heading)
    if before and headings[before - 1] is not None and not lines.chars[before - 1].endswith(("。", "；")):
        return
    if BARE_TITLE.fullmatch(lines.chars[before]):
        headings[before] = level - 0.5


# a line of a year and words alone (`2026年预算执行情况`, `2027年预算安排`, `上年度决算情况`): no figure but the year,
# no clause mark; not a table's caption (`…表`) nor a unit's line
YEAR_TITLE = regex(r"(?:(?:19|20)\d{2}|上|本)年度?[\u4e00-\u9fff“”（）()、]{2,24}")
NOT_YEAR_TITLE = regex(r"表(?:（续）|\(续\))?$|单位|续表")
# a unit's name alone (`县森林资源保护中心`, `某某县林业局机关`): Han characters only, ending in a unit's word
UNIT_NAME = regex(r"[\u4e00-\u9fff]{4,20}")


@cache
def _unit_endings() -> tuple[str, ...]:
    """The words a unit's name ends with (vocab/relations.yaml, counted_names 单位)."""
    return tuple(str(w) for w in (load("relations").get("counted_names") or {}).get("单位") or [])


def _bare_title(line: str) -> bool:
    """Is the line a year and words (`2026年预算执行情况`) or a unit's name (`县森林资源保护中心`) alone?"""
    if YEAR_TITLE.fullmatch(line):
        return not NOT_YEAR_TITLE.search(line)
    return UNIT_NAME.fullmatch(line) is not None and line.endswith(_unit_endings())


def _bare_titles(lines: _Lines, headings: list[float | None], width: int) -> None:
    """A line of a year and a few words alone between two paragraphs of prose (`2026年预算执行情况`, then
    `2027年预算安排`, under `二、当年拨款情况`), or of a unit's name alone (`县森林资源保护中心`, each unit of a
    department in turn), heads the prose under it: a sub-heading of no number (Word's automatic numbering leaves none
    in the text; a bold line is no heading style), half a level under the heading above it, so the figures under it
    are of its year or its unit, not the title's. Without it two years' or two units' statements of one item read as
    one figure stated twice (a line near the text's full width is a paragraph's first line wrapped, `2017年本部门…
    预算支出` / `5619.31 万元，…`; lists changed in place)."""
    chars = lines.chars
    full = 0.85 * width
    above: float | None = None  # the level of the last numbered or Markdown heading
    for k in range(len(chars)):
        level = headings[k]
        if level is not None:
            above = level
            continue
        if (
            above is None  # (the title block, no heading above it yet)
            or not 0 < k < len(chars) - 1
            or lines.tables[k]
            or len(chars[k]) >= full
            or not _bare_title(chars[k])
        ):
            continue
        before, after = k - 1, k + 1
        closed = lines.tables[before] or headings[before] is not None or chars[before].rstrip(CLOSING)[-1:] in TERMINAL
        prose = not lines.tables[after] and headings[after] is None
        if closed and prose:
            headings[k] = above + 0.5


def _wrapped_decimals(lines: _Lines, headings: list[float | None], markers: list[int], width: int) -> None:
    """A line opening with a decimal figure (`13.20分（满分15分），…`) after a line of prose (no short title) that
    stops mid-clause (`…其中决策指标得分`) is that sentence wrapped in the middle, not a heading numbered 13.20: no
    heading there (lists changed in place)."""
    half = 0.5 * width  # (a short line before may be a heading of no numbering: `项目基本情况` / `1.1 …`)
    # (the heading lines only, found at C speed: most lines are none)
    for k in list(compress(count(), map(is_not, headings, repeat(None)))):
        if not k or not lines.chars[k][:1].isdecimal() or "." not in lines.chars[k][: markers[k]]:
            continue
        prev = lines.chars[k - 1]
        if len(prev) >= half and headings[k - 1] is None and not lines.tables[k - 1] and prev[-1:].isalpha():
            headings[k], markers[k] = None, 0


def _runs_on(line: str) -> bool:
    """Does a numbered line stop mid-clause, a statement wrapped onto the next line rather than a heading
    (`（一）城乡社区支出（类）13,615.32 万元，占财政拨款支出的 76.75%，比上` / `年预算…`): it holds a figure and a
    comma, and ends in a word or a clause's comma (`…年初余额 55678 万元，` / `当年补充…`), not a sentence end or a
    colon?"""
    return "，" in line and (line[-1:].isalpha() or line[-1:] == "，") and FIGURE_IN_HEADING.search(line) is not None


# a run-in heading closed by its sentence end and a statement opened after it on the same line, cut by the wrap in
# the middle of a word (`3.预算稳定调节基金情况。省级预算稳定调节基金年初余额` / `41.11亿元，当年补充…`); the statement
# may open with its year or a date (`（一）预备费使用情况。2024 年预备费预算` / `15 亿元，…`), figures and commas before
# the words the line ends in
RUN_IN_OPEN = regex(r"。[\u4e00-\u9fff\d\s.，,、]*[\u4e00-\u9fff]{2,}$")


def _runs_in(line: str) -> bool:
    """Does a numbered line hold a run-in heading (`3.…情况。`) and the first words of a statement after it, wrapped
    onto the next line (the line ends in a word, no sentence end after the heading's)? The statement goes on below:
    its words name the figure the next line opens with, as a paragraph's wrapped line does."""
    return RUN_IN_OPEN.search(line) is not None


# a unit opening a line, the unit of the figure the line before ends with (`万元。参保人数…`, `%，比上年…`); a
# unit of persons only as a word of its own (`人员经费` opens with no unit)
UNIT_OPENS = regex(r"(?:[千万亿]?元|[%％]|个百分点)|(?:万人|人次|人)(?![\u4e00-\u9fff])")


def _unit_below(lines: _Lines, headings: list[float | None], k: int) -> bool:
    """Does numbered line k end on a figure whose unit opens the next line (`（3）结余。…年末结余 47,296.29` /
    `万元。…`), a sentence broken inside it as text taken from Word or PDF is, not a heading closed before a
    paragraph? A figure says its unit after it, so a line that opens with one goes on from the figure before (not
    where that line is a heading or a table's row: its unit would open no statement)."""
    nxt = k + 1
    return (
        nxt < len(lines.chars)
        and lines.chars[k][-1:].isdecimal()
        and headings[nxt] is None
        and not lines.tables[nxt]
        and UNIT_OPENS.match(lines.chars[nxt]) is not None
    )


def _ends(lines: _Lines, k: int) -> bool:
    """Does line k end with a sentence-final mark, maybe followed by closing quotes or brackets? (No line: no.)"""
    return k >= 0 and lines.chars[k].rstrip(CLOSING)[-1:] in TERMINAL  # ("" when nothing is left: no sentence end)


OPEN_OPERATORS = ("（1-", "(1-", "×", "÷", "/", "=（", "=(")  # a formula that goes on past them


def _formulas_go_on(lines: _Lines, hard: list[bool]) -> None:
    """A formula an HTML table's cell wraps after an operator (`偏差率=（1-` / `12/40）×100%=70.00%`): the line goes
    on, no break before the next (a pipe row ends at its bar; a prose line after an operator is joined anyway)."""
    chars = lines.chars
    for k in compress(count(1), map(methodcaller("endswith", OPEN_OPERATORS), chars[:-1])):
        if hard[k] and lines.tables[k - 1] and chars[k][0].isdigit() and "|" not in (chars[k - 1][0], chars[k][0]):
            hard[k] = False


def _breaks(lines: _Lines, headings: list[float | None], width: int, title_lines: int) -> list[str]:
    """What joins each line to the line before: a paragraph break ("\n"), a space between two ASCII words, or
    nothing (a wrapped line); "" before the first.

    A break ends a paragraph where a heading or a table row starts, or where the line before closes one (a table
    row, a Markdown heading, a sentence end, a short heading, a title); a line far shorter than the text's lines
    ends its paragraph too (titles, last lines), unless the break falls inside a figure or a list (`16` / `个月`,
    `，` / …). Judged at C speed for all lines at once, one by one only where a line is short or ASCII words meet.
    """
    chars, n = lines.chars, len(lines.chars)
    if not n:
        return []
    # the lines that close a paragraph: table rows and sentence ends (all at once), and the few Markdown
    # headings, short headings and title lines
    ends = map(TERMINAL.__contains__, map(itemgetter(slice(-1, None)), map(methodcaller("rstrip", CLOSING), chars)))
    closes = list(map(or_, lines.tables, ends))
    full = 0.85 * width
    for k in compress(count(), map(is_not, headings, repeat(None))):
        if lines.md_levels[k] is not None or (
            len(chars[k]) < full and not (_runs_on(chars[k]) or _runs_in(chars[k]) or _unit_below(lines, headings, k))
        ):
            closes[k] = True
    for k in range(min(n, 4)):  # (the title block: lines numbered up to the fourth content line's)
        # (not a statement wrapped mid-clause, `（一）收入。…收入 X 万元，为调整预算` / `Y 万元的…`, ending in 预算)
        if lines.numbers[k] <= title_lines and (
            TITLE_END.search(chars[k]) is not None and not _runs_on(chars[k]) or TITLE_DATE.fullmatch(chars[k])
        ):
            closes[k] = True
    # the lines that open one: headings, table rows and list items that name what they state (`* 观众人次：…；`
    # after `* 演出场次：…；`: each its own statement, whose figures are not paired with the item's before, though
    # a 、 or ； ends it); an item naming nothing before its figure (`- 事业收入 b（占 q%）；` after `收入 X，构成
    # 如下：`) is a part of the list its announcement opened, and joins it
    named = [item and NAMED_ITEM.match(line) is not None for item, line in zip(lines.items, chars)]
    opens = list(map(or_, map(or_, lines.tables, named), map(is_not, headings, repeat(None))))
    hard = [False, *map(or_, closes, opens[1:])]
    _formulas_go_on(lines, hard)
    half = 0.5 * width
    for k in compress(count(1), map(half.__gt__, map(len, chars[:-1]))):  # after a short line
        if not hard[k] and not lines.page_breaks[k] and not _continues(chars[k - 1], chars[k]):
            hard[k] = True
    breaks = [""] * n
    for k in compress(count(), hard):
        breaks[k] = "\n"
    lasts = map(itemgetter(-1), chars[:-1])
    firsts = map(itemgetter(0), chars[1:])
    for k in compress(count(1), map(and_, map(ASCII_ALNUM.__contains__, lasts), map(ASCII_ALNUM.__contains__, firsts))):
        if not hard[k] and _soft_space(chars[k - 1][-1], chars[k][0]):
            breaks[k] = " "
    return breaks


def _paragraphs(breaks: list[str], headings: list[float | None], outline: _Outline) -> Iterator[int]:
    """The lines the outline is told of, in order: the headings that open a paragraph, and the first paragraph
    after a heading that states figures (`outline.stated`, set as each is told)."""
    if not breaks:
        return
    opening = [0, *compress(count(1), map("\n".__eq__, breaks[1:]))]
    heads = list(compress(opening, map(is_not, map(headings.__getitem__, opening), repeat(None))))
    h = 0
    k = heads[0] if heads else None
    while k is not None:
        yield k
        while h < len(heads) and heads[h] <= k:
            h += 1
        nxt = heads[h] if h < len(heads) else None
        if outline.stated is not None:
            o = bisect_right(opening, k)
            if o < len(opening) and (nxt is None or opening[o] < nxt):
                nxt = opening[o]
        k = nxt


# the end of a sentence (its final marks and the closing quotes or brackets after them) or of a paragraph;
# written to open with one character class, so the regex engine skips to it at C speed (`[。！？]+[”’）]*|\n`
# tried a match at every position of the text)
SENTENCE_END = regex(r"[。！？\n](?:(?<=\n)|[。！？]*[”’）]*)")


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    para = 0
    start = 0
    for a, b in map(re.Match.span, SENTENCE_END.finditer(text)):
        if text[a] == "\n":
            if a > start:
                out.append(Sentence(start, a, para))
            para += 1
        else:
            out.append(Sentence(start, b, para))
        start = b
    if start < len(text):
        out.append(Sentence(start, len(text), para))
    return out
