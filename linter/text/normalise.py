"""Normalisation: from the text as extracted (PDF wraps, page numbers, full-width forms, Markdown marks) to
one clean paragraph per line, keeping for every kept character the index it had in the original.

Why each rule exists:
- PDF extraction wraps lines mid-sentence and even mid-number (`16` / `个月`), often with blank lines
  between; a wrapped line is joined to the next with nothing in between (Chinese has no word spaces).
- A line break is kept as a paragraph break only where the text says so: after sentence-final
  punctuation, before a numbered heading, or after a heading that does not fill the line.
- Full-width digits and `％` become ASCII so figures parse; Chinese `，` `：` `；` `（）` stay Chinese (they
  delimit clauses), and ASCII ones become Chinese unless they are thousands separators or in a URL.
- Spaces next to Chinese text or between a number and its unit carry no meaning and are dropped.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from itertools import accumulate, chain

from tieout.linter.patterns import regex
from tieout.linter.text.model import Document, Section, Sentence, Untrusted
from tieout.linter.text.offsets import as_array
from tieout.linter.text.repair import repair

FULL_TO_ASCII = {chr(0xFF10 + i): str(i) for i in range(10)}
FULL_TO_ASCII.update({chr(0xFF21 + i): chr(0x41 + i) for i in range(26)})
FULL_TO_ASCII.update({chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})
FULL_TO_ASCII.update(
    {
        "％": "%",
        "．": ".",
        "＋": "+",
        "－": "-",
        "＝": "=",
        "／": "/",
        "＊": "*",
        "＜": "<",
        "＞": ">",
        "−": "-",
        "—": "—",
        "\u3000": " ",
        "\t": " ",
        "\f": " ",
        "\r": " ",
        "\xa0": " ",
        "［": "[",
        "］": "]",
    }
)
ASCII_TO_CJK = {"(": "（", ")": "）", ";": "；", "!": "！", "?": "？"}
CONVERTIBLE = regex("[" + re.escape("".join(FULL_TO_ASCII) + "".join(ASCII_TO_CJK)) + "]")
TRANSLATE = str.maketrans({**FULL_TO_ASCII, **ASCII_TO_CJK})
# only a sentence end may end a paragraph at a line break: PDF lines also end after ；and ： mid-list
TERMINAL = set("。！？")
CLOSING = "”’）》」』"

PAGE_NUMBER = regex(
    r"^(?:[-—–_－]\s*\d{1,4}\s*[-—–_－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}"
    r"|[-—–]?\s*\d{1,3}\s*[-—–]?)$"
)
HEADING = regex(
    r"^(?:(?P<chap>第[一二三四五六七八九十百]+[章节部分篇])"
    r"|(?P<cn>[一二三四五六七八九十]{1,3})(?:、|\.(?!\d))"
    r"|（(?P<pcn>[一二三四五六七八九十]{1,3})）"
    r"|(?P<dotted>\d{1,2}(?:\.\d{1,2}){1,3})(?![\d%.])(?=\s*[^\d\s万亿元%个千百人家条项件份次])"
    r"|(?P<num>\d{1,2})[、.](?![\d])"
    r"|（(?P<pnum>\d{1,2})）"
    r")"
)
MD_HEADING = regex(r"^(#{1,6})\s*")
MD_LIST = regex(r"^(?:[-*+]\s+|>\s?)")
# a title's last word, maybe with a note in brackets after it (`…执行情况（节选）`, `…报告（草案）`)
TITLE_END = regex(
    r"(?:报告|说明|决算|预算|情况|方案|总结|汇报|通知|公告|目录|附件\s*\d*)(?:[（(][\u4e00-\u9fff]{1,6}[）)])?$"
)
UNIT_START = set("万亿元个人家条项件份次分%千百")


class _Line:
    __slots__ = ("chars", "start", "spans", "heading", "md_level", "marker", "table", "number", "page_break")

    def __init__(
        self, number: int, chars: str, start: int, spans: list[int], md_level: int | None, table: bool
    ) -> None:
        self.number = number
        self.page_break = False
        self.chars = chars
        # where the characters come from: runs [start + a, start + b) of the text given to `_normalise`, in order
        # (`spans`: their flat bounds [a0, b0, a1, b1, …])
        self.start = start
        self.spans = spans
        self.md_level = md_level
        self.table = table
        # the heading level when the line starts with a heading mark (else its Markdown level), the mark's length
        self.heading, self.marker = _heading(chars, md_level)

    @property
    def text(self) -> str:
        return self.chars


def _clean_line(raw: str, base: int, number: int) -> _Line | None:
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
    if raw[lo] in MARK_START:  # (most lines start with no Markdown mark)
        lo, md_level = _strip_markdown(raw, lo, hi)
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
    return _Line(number, line, start, spans, md_level, segment.startswith("|"))


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


def _strip_markdown(raw: str, lo: int, hi: int) -> tuple[int, int | None]:
    """Skip a Markdown heading, list or quote mark: the new start, and a heading's level."""
    m = MD_HEADING.match(raw, lo)
    if m and (m.end() < hi):
        return m.end(), len(m.group(1))
    m = MD_LIST.match(raw, lo)
    if m and m.end() < hi and not PAGE_NUMBER.match(raw[lo:hi]):
        return m.end(), None
    return lo, None


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


def _drop_spaces(line: str) -> tuple[str, list[int]]:
    """A run of spaces survives as one space only between two ASCII letters/digits, and even then not inside a
    number grouped by spaces (`1 088 216 万元`). The line without them, and the bounds of the spans of it kept
    (flat: [a0, b0, a1, b1, …], each span [a, b))."""
    # text tables extracted from PDFs are half spaces: one split at C speed gives the kept pieces between the
    # dropped runs, and their lengths the bounds, with no Python step per run
    if ("元" in line or "人" in line) and any(
        _grouped_number(line, k) for k in map(re.Match.start, SPACE_BETWEEN_DIGITS.finditer(line))
    ):
        return _drop_spaces_grouped(line)  # (a grouped number needs a unit: 元 or 人, see GROUPED)
    pieces = DROPPED_SPLIT.split(line)  # kept, dropped, kept, …, kept
    return "".join(pieces[::2]), list(accumulate(map(len, pieces), initial=0))


def _drop_spaces_grouped(line: str) -> tuple[str, list[int]]:
    """`_drop_spaces` of a line holding a number grouped by spaces: its gaps go too."""
    dropped = list(map(re.Match.span, DROPPED_SPACES.finditer(line)))
    grouped = [k for k in map(re.Match.start, SPACE_BETWEEN_DIGITS.finditer(line)) if _grouped_number(line, k)]
    dropped = sorted(dropped + [(k, k + 1) for k in grouped])
    bounds = [0, *chain.from_iterable(dropped), len(line)]
    return "".join(line[a:b] for a, b in zip(bounds[::2], bounds[1::2])), bounds


# the spaces of a line that go: a whole run unless it stands between two ASCII letters/digits, else all of it but
# its first space (written to start with the space, so the regex engine skips to each space at C speed)
DROPPED_SPACES = regex(r" (?:(?<![0-9A-Za-z] ) *| *(?![ 0-9A-Za-z]))")
DROPPED_SPLIT = regex(f"({DROPPED_SPACES.pattern})")  # (captured: the pieces dropped are kept in the split)
# a single space between two digits: maybe a gap in a number grouped by spaces (`1 088 216 万元`)
SPACE_BETWEEN_DIGITS = regex(r" (?<=[0-9] )(?=[0-9])")


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
# the first character of a numbering mark that HEADING matches, besides a digit
HEADING_START = frozenset("第一二三四五六七八九十（")


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


# the ASCII , : . that may become Chinese: all but a `.` or `:` between two digits (a decimal point, a time) and a
# thousands separator (`1,234` before no digit); those are left at C speed, the rest judged one by one (the
# pattern starts with the marks, so the regex engine skips to them)
MAYBE_CHINESE = regex(r"[,:.](?:(?<![0-9].)|(?![0-9])|(?<=,)(?![0-9]{3}(?:[\x00-/:-\x7f]|$)))")


def _punctuation(line: str) -> str:
    """ASCII , and : become Chinese unless they are thousands separators, times or URLs."""
    chars: list[str] | None = None  # the line's characters, made at the first change
    for m in MAYBE_CHINESE.finditer(line):
        k = m.start()
        mark = _chinese_mark(line, k)
        if mark:
            chars = chars or list(line)
            chars[k] = mark
    return "".join(chars) if chars else line


def _chinese_mark(line: str, k: int) -> str:
    """The Chinese mark the ASCII , : or . at k stands for ("" when it stays)."""
    before = line[k - 1] if k else ""
    if line[k] == ",":
        after = line[k + 1 : k + 5]
        thousands = before.isdigit() and len(after) >= 3 and after[:3].isdigit() and not after[3:4].isdigit()
        # `1,0` / `80 万元`: a number wrapped right after its separator keeps it for the join
        wrapped = before.isdigit() and k + 1 < len(line) and line[k + 1 :].isdigit()
        return "" if thousands or wrapped else "，"
    if line[k] == ".":
        # a full stop typed in ASCII after Chinese text or a percentage ends the sentence (`…250万元.本年…`,
        # `增长3.5%.一般…`); never a decimal
        after = line[k + 1 : k + 2]
        heading_mark = 0 < k <= 3 and all(c in "一二三四五六七八九十" for c in line[:k])  # 一. 二. …
        if (
            before
            and (not before.isascii() or before == "%")
            and before not in "。，；："
            and not after.isdigit()
            and not heading_mark
        ):
            return "。"
        return ""
    url = line[k + 1 : k + 3] == "//"
    clock = before.isdigit() and line[k + 1 : k + 2].isdigit()
    return "" if url or clock else "："


SPACES = regex(r" +")
EMPHASIS = regex(r"\*\*|__|`")
# inline math holding a plain figure: `$79.52\%$`, `$ 1,200 $`
INLINE_MATH = regex(r"\$\s*[-+]?[\d.,]+\s*(?:\\%)?\s*\$")
WHITESPACE = " \t\u3000\r\f\xa0"
GROUPED = regex(r"(?<![\d.])\d{1,3}(?: \d{3})+(?:\.\d+)?\s*(?:万元|亿元|元|万人|人次|人)")


def _grouped_number(line: str, k: int) -> bool:
    """Is the space at k inside a number grouped by spaces (`1 088 216 万元`)?"""
    lo = max(0, k - 16)
    window = line[lo : k + 20]
    for m in GROUPED.finditer(window):
        if m.start() <= k - lo < m.end():
            return True
    return False


def _is_page_number(text: str, next_text: str, in_sequence: bool = False) -> bool:
    if not PAGE_NUMBER.match(text):
        return False
    if BARE_NUMBER.fullmatch(text) and next_text[:1] in UNIT_START and not in_sequence:
        return False  # a number wrapped away from its unit, not a page number
    return True


def _page_sequence(lines: list[str]) -> set[int]:
    """Indices of bare-number lines in a run of page numbers (`3`, … `4`, … `5`, a page of text apart): those
    are page numbers even where the next page starts with a unit, which would otherwise glue them onto a
    figure. Three in a row, each at least PAGE_LINES lines after the last, is no column of table values."""
    found = [(k, int(t)) for k, t in enumerate(lines) if len(t) <= 3 and BARE_NUMBER.fullmatch(t)]
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


def _continues(prev: str, nxt: str) -> bool:
    return (
        prev[-1].isdigit()
        or prev[-1] in "，、（《“—-+/*="
        or nxt[0] in UNIT_START
        or nxt[0] in "，、。；：）》”%"
        or (prev[-1].isascii() and prev[-1].isalpha())
    )


def _ends_sentence(chars: str) -> bool:
    """Does the line end with a sentence-final mark, maybe followed by closing quotes or brackets?"""
    return chars.rstrip(CLOSING)[-1:] in TERMINAL  # ("" when nothing is left: no sentence end)


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
        doc.line_starts = [0] + [m.end() for m in NEWLINE.finditer(original)]
    doc.untrusted = [_untrusted(doc, a, b, page, reason) for a, b, page, reason in untrusted]
    return doc


NEWLINE = regex("\n")


def _untrusted(doc: Document, a: int, b: int, page: str, reason: str) -> Untrusted:
    """The normalised span of the original range [a, b): the characters that came from inside it."""
    from bisect import bisect_left

    return Untrusted(bisect_left(doc.origin, a), bisect_left(doc.origin, b), a, b, page, reason)


def _content_lines(original: str) -> list[tuple[_Line, int]]:
    """The non-blank cleaned lines with the index of their terminating newline, page numbers left out (the
    line after one is marked: the text runs on across the page break)."""
    nonempty: list[tuple[_Line, int]] = []
    base = 0
    in_html = False  # inside an HTML table (`<table>` … `</table>`, maybe over several lines): table lines
    for number, raw in enumerate(original.split("\n"), start=1):
        ln = _clean_line(raw, base, number)
        low = raw.lower() if "<" in raw else ""  # most lines hold no markup: not lowered
        opens = "<table" in low
        if ln is not None:
            ln.table = ln.table or in_html or opens
            nonempty.append((ln, base + len(raw)))
        if opens or in_html:
            in_html = low.rfind("</table") < low.rfind("<table") if opens else "</table" not in low
        base += len(raw) + 1
    lines: list[tuple[_Line, int]] = []
    page_break: set[int] = set()
    sequence = _page_sequence([ln.chars for ln, _ in nonempty])
    for idx, (ln, nl) in enumerate(nonempty):
        if PAGE_NUMBER.match(ln.chars):  # (a cheap test first: few lines are numbers alone)
            nxt = nonempty[idx + 1][0].chars if idx + 1 < len(nonempty) else ""
            if _is_page_number(ln.chars, nxt, idx in sequence):
                page_break.add(idx + 1)
                continue
        ln.page_break = idx in page_break
        lines.append((ln, nl))
    return lines


def _hard_break(prev: _Line, ln: _Line, width: int, title_lines: int) -> bool:
    """Does the line break between `prev` and `ln` end a paragraph?"""
    return (
        ln.heading is not None
        or ln.table
        or prev.table
        or prev.md_level is not None
        or _ends_sentence(prev.chars)
        or (prev.heading is not None and len(prev.chars) < 0.85 * width)
        # a line far shorter than the text's lines ends its paragraph (titles, last lines), unless
        # the break falls inside a figure or a list (`16` / `个月`, `，` / …)
        or (len(prev.chars) < 0.5 * width and not ln.page_break and not _continues(prev.chars, ln.chars))
        or (prev.number <= title_lines and TITLE_END.search(prev.chars) is not None)
    )


def _soft_space(prev: str, nxt: str) -> bool:
    """A wrapped line joins the next with a space only between two ASCII words (never inside a number)."""
    return prev in ASCII_ALNUM and nxt in ASCII_ALNUM and not (prev in DIGITS and nxt in DIGITS)


DIGITS = frozenset("0123456789")
ASCII_ALNUM = DIGITS | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _section(ln: _Line, start: int, stack: list[Section]) -> Section:
    """The section a heading line opens (the stack of open sections is updated)."""
    title = ln.text
    cut = min((title.find(c) for c in "。；" if c in title), default=-1)
    title = title[:cut] if cut > 0 else title
    level = ln.heading if ln.heading is not None else 0
    while stack and stack[-1].level >= level:
        stack.pop()
    sec = Section(title=title[:60], level=level, start=start, line=ln.number, parent=stack[-1] if stack else None)
    stack.append(sec)
    return sec


# a figure in a heading line: the heading is a statement (`（五）住房保障支出 154.27 万元，…`), maybe no title
FIGURE_IN_HEADING = regex(r"\d[\d,.]*\s*(?:亿元|万元|元|%|个百分点)")
# a paragraph that goes on with the statement before it: its list (`其中：…`, `具体为…`)
LIST_GOES_ON = regex(r"^(?:其中|具体|包括|分别|主要)")


def _section_after(stated: Section, start: int, line: int, stack: list[Section]) -> Section:
    """The enclosing section resumed after an enumerated statement (untitled: it adds nothing to the path)."""
    stack.pop()
    sec = Section(title="", level=stated.level, start=start, line=line, parent=stated.parent)
    stack.append(sec)
    return sec


def _normalise(original: str, path: str, back: Sequence[int] | None = None) -> Document:
    """The document of `original`, its offsets mapped through `back` (each character's offset in the file) when
    given: the map is made of slices of `back`, not offset by offset."""
    back = as_array(back if back is not None else range(len(original)), len(original))
    lines = _content_lines(original)
    # the title block: the first few lines of the file (a title ends with a document-type word)
    title_lines = lines[min(len(lines), 4) - 1][0].number if lines else 0
    # the full line width: most PDF lines are full, so a high percentile finds it; in text with a paragraph
    # per line it is long, and short lines (headings) stand out
    widths = sorted(len(ln.chars) for ln, _ in lines if len(ln.chars) >= 8)
    width = widths[int(len(widths) * 0.8)] if widths else 80

    text: list[str] = []  # pieces: whole lines and the breaks between them
    # each character's offset in the original: machine integers (8 bytes a character, where a list of ints
    # took 36 and a 50 MB text a gigabyte for this map alone)
    origin = array("q")
    length = 0
    sections: list[Section] = []
    markers: list[tuple[int, int]] = []
    stack: list[Section] = []
    prev: _Line | None = None
    prev_nl = 0
    stated: Section | None = None  # a heading that opens a paragraph stating figures (`（五）…支出 154.27 万元，…。`)
    for ln, nl in lines:
        hard = False
        if prev is not None:
            hard = _hard_break(prev, ln, width, title_lines)
            if hard or _soft_space(prev.chars[-1], ln.chars[0]):
                text.append("\n" if hard else " ")
                origin.append(back[prev_nl])
                length += 1
        start = length
        if hard and stated is not None:
            ended = stack and stack[-1] is stated and ln.heading is None and _ends_sentence(prev.chars if prev else "")
            if not ended:
                stated = None
            elif not LIST_GOES_ON.match(ln.chars):  # (a list that goes on with the statement is still its own)
                # the paragraph was an enumerated statement, no title: what follows is the enclosing section's
                sections.append(_section_after(stated, start, ln.number, stack))
                stated = None
        if ln.heading is not None and (prev is None or text[-1:] == ["\n"] or not text):
            sections.append(_section(ln, start, stack))
            stated = sections[-1] if FIGURE_IN_HEADING.search(ln.chars, ln.marker) else None
            if ln.marker:
                markers.append((start, start + ln.marker))
        text.append(ln.chars)
        _copy_offsets(ln, back, origin)
        length += len(ln.chars)
        prev, prev_nl = ln, nl
    joined = "".join(text)
    doc = Document(path=path, original=original, text=joined, origin=origin, sections=sections, markers=markers)
    doc.sentences = split_sentences(joined)
    return doc


def _copy_offsets(ln: _Line, back: array[int], origin: array[int]) -> None:
    """Append the offsets of a line's characters to `origin`: slices of `back`, a run at a time."""
    at, spans = ln.start, ln.spans
    if len(spans) == 2:  # (most lines: one run)
        origin += back[at + spans[0] : at + spans[1]]
        return
    for a, b in zip(spans[::2], spans[1::2]):
        origin += back[at + a : at + b]


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
