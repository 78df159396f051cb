"""The characters of a text made clean, with each kept character's offset: full-width forms to ASCII, ASCII
punctuation to Chinese (and the ASCII , : . that stand for Chinese marks), and the spaces that carry no meaning
dropped. Why each rule exists:
- Full-width digits and `％` become ASCII so figures parse; Chinese `，` `：` `；` `（）` stay Chinese (they
  delimit clauses), and ASCII ones become Chinese unless they are thousands separators or in a URL.
- Spaces next to Chinese text or between a number and its unit carry no meaning and are dropped.

Every rule looks at a character's line only (a newline ends every context; a number grouped by spaces that closes
its line and whose unit opens the next is the one exception, `wrapped_grouped`), so the rules are applied to the whole
text at once (`clean_text`): a report is tens of thousands of lines, and a Python step per line or per space run
cost more than the regex passes themselves. A line whose Markdown or HTML marks go first (`**`, `#`, `<!--`) is
cleaned alone, with the same rules (`punctuation`, `drop_spaces`); its whole-text cleaning is not used.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from itertools import accumulate, chain, count
from operator import add, sub

from tieout.linter.patterns import regex

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
        "｜": "|",
        "］": "]",
    }
)
ASCII_TO_CJK = {"(": "（", ")": "）", ";": "；", "!": "！", "?": "？"}
# runs of characters to convert: each converted as a piece (one character for one, so offsets do not move)
CONVERTIBLE = regex("[" + re.escape("".join(FULL_TO_ASCII) + "".join(ASCII_TO_CJK)) + "]+")
TRANSLATE = str.maketrans({**FULL_TO_ASCII, **ASCII_TO_CJK})
# what a line is stripped of (all of it converted to a space)
WHITESPACE = " \t\u3000\r\f\xa0"

# the ASCII , : . that may become Chinese: all but a `.` or `:` between two digits (a decimal point, a time) and a
# thousands separator (`1,234` before no digit); those are left at C speed, the rest judged one by one (the
# pattern starts with the marks, so the regex engine skips to them)
MAYBE_CHINESE = regex(r"[,:.](?:(?<![0-9].)|(?![0-9])|(?<=,)(?![0-9]{3}(?:[\x00-/:-\x7f]|$)))")
NUMERALS = "一二三四五六七八九十"

# the spaces of a line that go: a whole run unless it stands between two ASCII letters/digits, else all of it but
# its first space (written to start with the space, so the regex engine skips to each space at C speed)
DROPPED_SPACES = regex(r" (?:(?<![0-9A-Za-z] ) *| *(?![ 0-9A-Za-z]))")
DROPPED_SPLIT = regex(f"({DROPPED_SPACES.pattern})")  # (captured: the pieces dropped are kept in the split)
# a single space between two digits: maybe a gap in a number grouped by spaces (`1 088 216 万元`)
SPACE_BETWEEN_DIGITS = regex(r" (?<=[0-9] )(?=[0-9])")
GROUPED = regex(r"(?<![\d.])\d{1,3}(?: \d{3})+(?:\.\d+)?\s*(?:万元|亿元|元|万人|人次|人)")


def chinese_mark(text: str, k: int, lo: int, hi: int) -> str:
    """The Chinese mark the ASCII , : or . at k stands for ("" when it stays), judged within its line, the
    segment [lo, hi) of `text` (a line of its own, or a line of a whole text)."""
    before = text[k - 1] if k > lo else ""
    if text[k] == ",":
        return _comma(text, k, lo, hi)
    if text[k] == ".":
        # a full stop typed in ASCII after Chinese text or a percentage ends the sentence (`…250万元.本年…`,
        # `增长3.5%.一般…`); never a decimal
        after = text[k + 1 : min(k + 2, hi)]
        heading_mark = 0 < k - lo <= 3 and all(c in NUMERALS for c in text[lo:k])  # 一. 二. …
        if (
            before
            and (not before.isascii() or before == "%")
            and before not in "。，；："
            and not after.isdigit()
            and not heading_mark
        ):
            return "。"
        return ""
    url = text[k + 1 : min(k + 3, hi)] == "//"
    clock = before.isdigit() and text[k + 1 : min(k + 2, hi)].isdigit()
    return "" if url or clock else "："


DECIMALS = regex(r"\.\d")  # (a group closed by its decimals: the number's last group)


def _comma(text: str, k: int, lo: int, hi: int) -> str:
    """`chinese_mark` of the ASCII comma at k: "" where it is a thousands separator or a number wraps after it."""
    before = text[k - 1] if k > lo else ""
    after = text[k + 1 : min(k + 7, hi)]
    thousands = before.isdigit() and len(after) >= 3 and after[:3].isdigit() and not after[3:4].isdigit()
    # `1, 518.94万元`: a thousands separator the text layer spaced from its group (the space then goes as any
    # space after a mark does), or before it (`1 ,518.94`); only after a group of one to three digits opening
    # its number, the group closed by its decimals (`分别为 5, 120 人次` lists two numbers)
    thousands = thousands or (
        after[:1] == " "
        and after[1:4].isdigit()
        and DECIMALS.match(after, 4) is not None
        and _opens_number(text, k, lo)
    )
    thousands = thousands or (
        before == " "
        and after[:3].isdigit()
        and DECIMALS.match(after, 3) is not None
        and _opens_number(text, k - 1, lo)
    )
    # `1,0` / `80 万元`: a number wrapped right after its separator keeps it for the join
    wrapped = before.isdigit() and k + 1 < hi and text[k + 1 : hi].isdigit()
    # `…流动资产2,` / `415,306.18万元`: the wrap fell right after the separator, the line ends there and the next
    # opens with the group it announces (judged only where the whole text is at hand, the next line after hi)
    wrapped = wrapped or (k + 1 == hi and _cut_after_separator(text, k, lo))
    return "" if thousands or wrapped else "，"


# the rest of a line after a comma that ends it, and the next line opening with one group of three digits that a
# figure written with separators goes on from: another group (`415,306`) or its decimals (`306.18`). A bare group
# (`12,⏎345 万元`) is left to the comma's line: a mark there is as likely as a separator
NEXT_LINE_GROUP = regex(r"[ \t]*\r?\n[ \t]*\d{3}(?:(?:,\d{3})+(?![\d.])|(?:,\d{3})*\.\d)")
# a number's groups before a separator: one to three digits opening it, then whole groups of three
GROUPS_BEFORE = regex(r"(?<![\d.,])\d{1,3}(?:,\d{3})*$")


def _cut_after_separator(text: str, k: int, lo: int) -> bool:
    """Is the comma at k, the last character of its line, a thousands separator of a figure the wrap cut after it:
    the digits before it a number's well-formed groups, the next line opening with the group that follows?"""
    return NEXT_LINE_GROUP.match(text, k + 1) is not None and GROUPS_BEFORE.search(text, lo, k) is not None


def _opens_number(text: str, k: int, lo: int) -> bool:
    """Are the characters before k (within its line, from lo) a group of one to three digits, opening a number?"""
    j = k
    while j > lo and text[j - 1].isdigit():
        j -= 1
    return 1 <= k - j <= 3 and (j == lo or text[j - 1] not in ".,")


def grouped_number(text: str, k: int, lo: int, hi: int) -> bool:
    """Is the space at k inside a number grouped by spaces (`1 088 216 万元`)? Judged within its line [lo, hi)."""
    start = max(lo, k - 16)
    window = text[start : min(hi, k + 20)]
    for m in GROUPED.finditer(window):
        if m.start() <= k - start < m.end():
            return True
    return False


# a number grouped by spaces closing its line (`支出合计3 386.48` / `亿元。…`): grouped if its unit opens the next line
GROUPED_LAST = regex(r"(?<![\d.])\d{1,3}(?: \d{3})+(?:\.\d+)?$")
# (the unit a word of its own, no character of a word after it: `人员经费` opens no line with the unit 人)
UNIT_FIRST = regex(r"[^\S\n]*(?:万元|亿元|元|万人|人次|人)(?![\u4e00-\u9fff])")
# a line of prose (a mark of its sentences, or the number written onto its words: `支出合计3 098.58`), not a text
# table's row (`基本支出 856 792`: a name, a space, the columns' figures)
PROSE_MARK = regex(r"[，。；：、,;:]")


def wrapped_grouped(text: str, k: int, lo: int, hi: int) -> bool:
    """Is the space at k inside a number grouped by spaces that closes its line [lo, hi), its unit opening the next
    line (a paragraph wrapped between the number and its unit), the line one of prose (PROSE_MARK, or the number
    written onto its words)? The one rule that looks past a line's end: the number's last group is whole where the
    line ends, and a line opening with a unit goes on from the line before."""
    start = max(lo, k - 16)
    found = GROUPED_LAST.search(text, start, hi)
    if found is None or not found.start() <= k < found.end():
        return False
    glued = found.start() > lo and not text[found.start() - 1].isspace()
    prose = glued or PROSE_MARK.search(text, lo, hi) is not None
    newline = text.find("\n", hi)
    return prose and newline >= 0 and UNIT_FIRST.match(text, newline + 1) is not None


# one line alone -----------------------------------------------------------------------------------------------
def punctuation(line: str) -> str:
    """ASCII , and : become Chinese unless they are thousands separators, times or URLs."""
    chars: list[str] | None = None  # the line's characters, made at the first change
    for m in MAYBE_CHINESE.finditer(line):
        k = m.start()
        mark = chinese_mark(line, k, 0, len(line))
        if mark:
            chars = chars or list(line)
            chars[k] = mark
    return "".join(chars) if chars else line


def drop_spaces(line: str) -> tuple[str, list[int]]:
    """A run of spaces survives as one space only between two ASCII letters/digits, and even then not inside a
    number grouped by spaces (`1 088 216 万元`). The line without them, and the bounds of the spans of it kept
    (flat: [a0, b0, a1, b1, …], each span [a, b))."""
    if ("元" in line or "人" in line) and any(
        grouped_number(line, k, 0, len(line)) for k in map(re.Match.start, SPACE_BETWEEN_DIGITS.finditer(line))
    ):
        return _drop_spaces_grouped(line)  # (a grouped number needs a unit: 元 or 人, see GROUPED)
    # one split at C speed gives the kept pieces between the dropped runs, and their lengths the bounds
    pieces = DROPPED_SPLIT.split(line)  # kept, dropped, kept, …, kept
    return "".join(pieces[::2]), list(accumulate(map(len, pieces), initial=0))


def _drop_spaces_grouped(line: str) -> tuple[str, list[int]]:
    """`drop_spaces` of a line holding a number grouped by spaces: its gaps go too."""
    dropped = list(map(re.Match.span, DROPPED_SPACES.finditer(line)))
    grouped = [
        k for k in map(re.Match.start, SPACE_BETWEEN_DIGITS.finditer(line)) if grouped_number(line, k, 0, len(line))
    ]
    dropped = sorted(dropped + [(k, k + 1) for k in grouped])
    bounds = [0, *chain.from_iterable(dropped), len(line)]
    return "".join(line[a:b] for a, b in zip(bounds[::2], bounds[1::2])), bounds


# the whole text -----------------------------------------------------------------------------------------------
class Cleaned:
    """A text cleaned as a whole: its lines (one for each line of the text; a blank line is empty), where each
    starts in the cleaned text (the lines joined by newlines), and the cleaned text's map to the file."""

    __slots__ = ("text", "lines", "starts", "_back", "_bounds", "_kept_starts")

    def __init__(self, text: str, bounds: list[int], back: array[int]) -> None:
        self.text = text
        self.lines = text.split("\n")
        # a line's start: the lengths of the lines before it and their newlines
        self.starts = list(map(add, accumulate(map(len, self.lines), initial=0), count()))
        self._back = back  # the source text's map to the file
        self._bounds = bounds  # the spans of the source text kept (flat: [a0, b0, a1, b1, …])
        self._kept_starts: list[int] | None = None

    def source_offset(self, offset: int) -> int:
        """The offset in the source text of the character at `offset` of the cleaned text."""
        bounds = self._bounds
        if self._kept_starts is None:  # (asked only for lines with marks)
            self._kept_starts = list(accumulate(map(sub, bounds[1::2], bounds[::2]), initial=0))
        j = bisect_right(self._kept_starts, offset) - 1
        return bounds[2 * j] + offset - self._kept_starts[j]

    def origin(self, more: list[array[int]]) -> array[int]:
        """Each cleaned character's offset in the file, followed by the offsets in `more`: slices of the source's
        map, one per kept span (a slice of an array is a memory copy; a Python step a span was measured faster
        than joining views or bytes, whose slice objects cost more)."""
        origin = array("q")
        back, bounds = self._back, self._bounds
        for a, b in zip(bounds[::2], bounds[1::2]):
            origin += back[a:b]
        for offsets in more:
            origin += offsets
        return origin


def clean_text(text: str, back: array[int]) -> Cleaned:
    """Every line of `text` cleaned (forms, punctuation, spaces) as the line alone is cleaned (stripped, then
    `punctuation` and `drop_spaces`); `back` maps `text` to the file."""
    converted = _punctuated(_translated(text))
    pieces = DROPPED_SPLIT.split(converted)  # kept, dropped, kept, …, kept
    bounds = list(accumulate(map(len, pieces), initial=0))
    cleaned = "".join(pieces[::2])
    grouped = _grouped_gaps(converted, cleaned, bounds)
    if grouped:  # each gap splits the kept span holding it (never at its ends: digits stand on both sides)
        bounds = sorted(bounds + grouped)
        cleaned = "".join(map(converted.__getitem__, map(slice, bounds[::2], bounds[1::2])))
    return Cleaned(cleaned, bounds, back)


def _translated(text: str) -> str:
    """The text with forms converted: only the runs that need it (a translation costs per character)."""
    pieces: list[str] = []
    last = 0
    for m in CONVERTIBLE.finditer(text):
        a, b = m.span()
        pieces += (text[last:a], m.group().translate(TRANSLATE))
        last = b
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


class _LineBounds:
    """The stripped bounds [lo, hi) of the line holding an offset, for offsets asked in increasing order: each
    line is found and stripped once, however many offsets of it are asked."""

    __slots__ = ("text", "end", "lo", "hi", "units")

    def __init__(self, text: str) -> None:
        self.text = text
        self.end = -1  # the end of the last line found (its newline or the text's end)
        self.lo = self.hi = 0
        self.units: bool | None = None  # does the line hold a unit of grouped numbers (元, 人)? (asked once)

    def at(self, k: int) -> tuple[int, int]:
        if k > self.end:
            text = self.text
            start = text.rfind("\n", 0, k) + 1
            end = text.find("\n", k)
            self.end = end = len(text) if end < 0 else end
            line = text[start:end]
            self.lo = start + len(line) - len(line.lstrip(" "))
            self.hi = start + len(line.rstrip(" "))
            self.units = None
        return self.lo, self.hi

    def has_units(self) -> bool:
        if self.units is None:
            self.units = self.text.find("元", self.lo, self.hi) >= 0 or self.text.find("人", self.lo, self.hi) >= 0
        return self.units


def _punctuated(text: str) -> str:
    """`punctuation` of every line of the text."""
    lines = _LineBounds(text)
    pieces: list[str] = []
    last = 0
    for k in map(re.Match.start, MAYBE_CHINESE.finditer(text)):
        mark = chinese_mark(text, k, *lines.at(k))
        if mark:
            pieces += (text[last:k], mark)
            last = k + 1
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


# a number grouped by spaces (GROUPED) once cleaned, from its first gap on: its gaps kept (single spaces between
# digits), the spaces before its unit gone. The cleaned text is searched for it and only the spaces inside a
# find are judged (in the text before cleaning, as GROUPED says), not each of the many spaces between the digits
# of text tables (written to start with the space, so the regex engine skips to each space at C speed)
CLEANED_GROUPED = regex(r" (?<=\d )\d{3}(?: \d{3})*(?:\.\d+)?[^\S\n]*\n?[^\S\n]*(?:万元|亿元|元|万人|人次|人)")
DIGITS = "0123456789"


def _grouped_gaps(converted: str, cleaned: str, bounds: list[int]) -> list[int]:
    """The spans [k, k + 1) (flat) of `converted` that are gaps in numbers grouped by spaces: single spaces
    between two digits (`SPACE_BETWEEN_DIGITS`) inside a GROUPED number of their line."""
    finds = list(map(re.Match.span, CLEANED_GROUPED.finditer(cleaned)))
    if not finds:
        return []
    kept_starts = list(accumulate(map(sub, bounds[1::2], bounds[::2]), initial=0))
    lines = _LineBounds(converted)
    out: list[int] = []
    for a, b in finds:
        g = cleaned.find(" ", a, b)
        while g >= 0:
            j = bisect_right(kept_starts, g) - 1
            k = bounds[2 * j] + g - kept_starts[j]  # (a space kept: the first of its run)
            if converted[k - 1] in DIGITS and converted[k + 1] in DIGITS:
                lo, hi = lines.at(k)
                within = lines.has_units() and grouped_number(converted, k, lo, hi)
                if within or wrapped_grouped(converted, k, lo, hi):
                    out += (k, k + 1)
            g = cleaned.find(" ", g + 1, b)
    return out
