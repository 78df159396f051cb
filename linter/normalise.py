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
from statistics import median

from .document import Document, Section, Sentence

FULL_TO_ASCII = {chr(0xFF10 + i): str(i) for i in range(10)}
FULL_TO_ASCII.update({chr(0xFF21 + i): chr(0x41 + i) for i in range(26)})
FULL_TO_ASCII.update({chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})
FULL_TO_ASCII.update({"％": "%", "．": ".", "＋": "+", "－": "-", "＝": "=", "／": "/", "＊": "*",
                      "＜": "<", "＞": ">", "−": "-", "—": "—", "\u3000": " ", "\t": " ", "\f": " ",
                      "\r": " ", "\xa0": " ", "［": "[", "］": "]"})
ASCII_TO_CJK = {"(": "（", ")": "）", ";": "；", "!": "！", "?": "？"}
TRANSLATE = str.maketrans({**FULL_TO_ASCII, **ASCII_TO_CJK})
TERMINAL = set("。！？；：")
CLOSERS = set("”’）》」』")

PAGE_NUMBER = re.compile(
    r"^(?:[-—–_－]\s*\d{1,4}\s*[-—–_－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}"
    r"|[-—–]?\s*\d{1,3}\s*[-—–]?)$"
)
CN_DIGITS = "一二三四五六七八九十"
HEADING = re.compile(
    r"^(?:(?P<chap>第[一二三四五六七八九十百]+[章节部分篇])"
    r"|(?P<cn>[一二三四五六七八九十]{1,3})[、.](?!\d)"
    r"|（(?P<pcn>[一二三四五六七八九十]{1,3})）"
    r"|(?P<dotted>\d{1,2}(?:\.\d{1,2}){1,3})(?![\d%.])(?=\s*[^\d\s万元%个])"
    r"|(?P<num>\d{1,2})[、.](?![\d])"
    r"|（(?P<pnum>\d{1,2})）"
    r")"
)
MD_HEADING = re.compile(r"^(#{1,6})\s*")
MD_LIST = re.compile(r"^(?:[-*+]\s+|>\s?)")
UNIT_START = set("万亿元个人家条项件份次分%千百")


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


class _Line:
    __slots__ = ("chars", "origins", "heading", "md_level", "marker", "table")

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.origins: list[int] = []
        self.heading: int | None = None  # heading level when the line starts with a heading mark
        self.md_level: int | None = None
        self.marker: int = 0  # length of the heading mark at the start of chars
        self.table = False

    @property
    def text(self) -> str:
        return "".join(self.chars)


def _clean_line(raw: str, base: int) -> _Line:
    """Convert one original line into kept characters with their original indices."""
    out = _Line()
    # leading/trailing whitespace
    lo, hi = 0, len(raw)
    while lo < hi and raw[lo] in " \t\u3000\r\f\xa0":
        lo += 1
    while hi > lo and raw[hi - 1] in " \t\u3000\r\f\xa0":
        hi -= 1
    # Markdown heading, list and quote marks
    m = MD_HEADING.match(raw, lo)
    if m and (m.end() < hi):
        out.md_level = len(m.group(1))
        lo = m.end()
    else:
        m = MD_LIST.match(raw, lo)
        if m and m.end() < hi and not PAGE_NUMBER.match(raw[lo:hi]):
            lo = m.end()
    if raw[lo:hi].startswith("|"):
        out.table = True
    chars: list[str] = []
    origins: list[int] = []
    segment = raw[lo:hi]
    if "**" not in segment and "__" not in segment and "`" not in segment:
        # the common case, one C-level pass: no characters removed, each converted in place
        chars = list(segment.translate(TRANSLATE))
        origins = list(range(base + lo, base + hi))
        lo = hi
    i = lo
    while i < hi:
        ch = raw[i]
        if ch in "*_" and i + 1 < hi and raw[i + 1] == ch:  # **emphasis** / __emphasis__
            i += 2
            continue
        if ch == "`":
            i += 1
            continue
        ch = FULL_TO_ASCII.get(ch, ch)
        if ch in ASCII_TO_CJK:
            ch = ASCII_TO_CJK[ch]
        chars.append(ch)
        origins.append(base + i)
        i += 1
    # ASCII , and : become Chinese unless they are thousands separators, times or URLs
    n = len(chars)
    for k, ch in (enumerate(chars) if ("," in segment or ":" in segment or "：" in segment) else ()):
        if ch == ",":
            thousands = (k > 0 and chars[k - 1].isdigit() and k + 3 < n + 1
                         and all(c.isdigit() for c in chars[k + 1:k + 4])
                         and (k + 4 >= n or not chars[k + 4].isdigit()))
            # `1,0` / `80 万元`: a number wrapped right after its separator keeps it for the join
            wrapped = k > 0 and chars[k - 1].isdigit() and k + 1 < n and all(c.isdigit() for c in chars[k + 1:])
            thousands = thousands or wrapped
            if not thousands:
                chars[k] = "，"
        elif ch == ":":
            url = k + 2 < n and chars[k + 1] == "/" and chars[k + 2] == "/"
            time = 0 < k < n - 1 and chars[k - 1].isdigit() and chars[k + 1].isdigit()
            if not (url or time):
                chars[k] = "："
    # spaces: kept only between two ASCII letters/digits (and even then not inside a grouped number)
    # only the spaces are looked at: a run of spaces survives as one space between two ASCII letters/digits
    line = "".join(chars)
    drop: set[int] = set()
    for m in SPACES.finditer(line):
        a, b = m.span()
        prev = line[a - 1] if a else ""
        nxt = line[b] if b < len(line) else ""
        keep_one = (prev and nxt and _is_ascii_alnum(prev) and _is_ascii_alnum(nxt)
                    and not (prev.isdigit() and nxt.isdigit() and _grouped_number(chars, a)))
        drop.update(range(a + 1 if keep_one else a, b))
    if drop:
        kept_c = [c for k, c in enumerate(chars) if k not in drop]
        kept_o = [o for k, o in enumerate(origins) if k not in drop]
    else:
        kept_c, kept_o = chars, origins
    out.chars, out.origins = kept_c, kept_o
    text = out.text
    h = HEADING.match(text)
    if h:
        out.marker = h.end()
        if h.group("chap"):
            out.heading = 0
        elif h.group("cn"):
            out.heading = 1
        elif h.group("pcn"):
            out.heading = 2
        elif h.group("dotted"):
            out.heading = 2 + h.group("dotted").count(".")
        elif h.group("num"):
            out.heading = 3
        else:
            out.heading = 4
    elif out.md_level is not None:
        out.heading = out.md_level
    return out


SPACES = re.compile(r" +")
GROUPED = re.compile(r"(?<![\d.])\d{1,3}(?: \d{3})+(?:\.\d+)?\s*(?:万元|亿元|元|万人|人次|人)")


def _grouped_number(chars: list[str], k: int) -> bool:
    """Is the space at k inside a number grouped by spaces (`1 088 216 万元`)?"""
    lo = max(0, k - 16)
    window = "".join(chars[lo:k + 20])
    for m in GROUPED.finditer(window):
        if m.start() <= k - lo < m.end():
            return True
    return False


def _is_page_number(text: str, next_text: str) -> bool:
    if not PAGE_NUMBER.match(text):
        return False
    if re.fullmatch(r"\d{1,3}", text) and next_text[:1] in UNIT_START:
        return False  # a number wrapped away from its unit, not a page number
    return True


def _ends_sentence(chars: list[str]) -> bool:
    k = len(chars) - 1
    while k >= 0 and chars[k] in CLOSERS:
        k -= 1
    return k >= 0 and chars[k] in TERMINAL


def normalise(original: str, path: str = "<text>") -> Document:
    if original.startswith("\ufeff"):
        original = original[1:]
    raw_lines = original.split("\n")
    lines: list[tuple[_Line, int]] = []  # cleaned line and index of its terminating newline
    base = 0
    cleaned = []
    for raw in raw_lines:
        cleaned.append((_clean_line(raw, base), base + len(raw)))
        base += len(raw) + 1
    nonempty = [(ln, nl) for ln, nl in cleaned if ln.chars]
    for idx, (ln, nl) in enumerate(nonempty):
        nxt = nonempty[idx + 1][0].text if idx + 1 < len(nonempty) else ""
        if _is_page_number(ln.text, nxt):
            continue
        lines.append((ln, nl))
    widths = [len(ln.chars) for ln, _ in lines if len(ln.chars) >= 8]
    width = median(widths) if widths else 80

    text: list[str] = []
    origin: list[int] = []
    sections: list[Section] = []
    markers: list[tuple[int, int]] = []
    stack: list[Section] = []
    prev: _Line | None = None
    prev_nl = 0
    for ln, nl in lines:
        if prev is not None:
            hard = (
                ln.heading is not None or ln.table or prev.table
                or prev.md_level is not None
                or _ends_sentence(prev.chars)
                or (prev.heading is not None and len(prev.chars) < 0.85 * width)
            )
            if hard:
                text.append("\n")
                origin.append(prev_nl)
            elif _is_ascii_alnum(prev.chars[-1]) and _is_ascii_alnum(ln.chars[0]) and not (
                prev.chars[-1].isdigit() and ln.chars[0].isdigit()
            ):
                text.append(" ")
                origin.append(prev_nl)
        start = len(text)
        if ln.heading is not None and (prev is None or text[-1:] == ["\n"] or not text):
            title = ln.text
            cut = min((title.find(c) for c in "。；" if c in title), default=-1)
            title = title[:cut] if cut > 0 else title
            level = ln.heading
            while stack and stack[-1].level >= level:
                stack.pop()
            sec = Section(title=title[:60], level=level, start=start,
                          line=_line_of(original, ln.origins[0]), parent=stack[-1] if stack else None)
            sections.append(sec)
            stack.append(sec)
            if ln.marker:
                markers.append((start, start + ln.marker))
        text.extend(ln.chars)
        origin.extend(ln.origins)
        prev, prev_nl = ln, nl
    joined = "".join(text)
    doc = Document(path=path, original=original, text=joined, origin=origin, sections=sections,
                   markers=markers)
    doc.sentences = split_sentences(joined)
    return doc


def _line_of(original: str, index: int) -> int:
    return original.count("\n", 0, index) + 1


SENTENCE_END = re.compile(r"[。！？]+[”’）]*|\n")


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    para = 0
    start = 0
    for m in SENTENCE_END.finditer(text):
        end = m.end() if m.group() != "\n" else m.start()
        if end > start:
            out.append(Sentence(start, end, para))
        if m.group() == "\n":
            para += 1
        start = m.end()
    if start < len(text):
        out.append(Sentence(start, len(text), para))
    return out
