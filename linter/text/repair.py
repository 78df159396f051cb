"""Repairs of extracted text before anything is parsed, each keeping for every kept character its original index.

A repair returns the repaired text and, for each of its characters, the index of the character it came from
in the text it was given; `repair` chains them, so the normaliser maps every position back to the file.

- NUL bytes: some extraction tools leave a few in otherwise good text; they carry nothing and are dropped.
- Private-use glyphs as decimal points: a PDF font may map its decimal point to a private-use code point
  (`3692`, U+1001B0, `6`); a private-use character that, wherever it occurs, follows a digit is such a point.
- Letter-spaced lines: text extracted from a PDF set with letter spacing puts spaces between all characters
  (`关  于  岳  阳  市`). In a line where most characters stand alone between spaces, the spaces that are
  only letter spacing are removed; a gap between two figures of several digits stays (they stay two figures).
- Tab-separated rows: a table copied from a spreadsheet or a Word form sets its cells apart by tabs
  (`一级指标⇥二级指标⇥分值⇥得分`). In a run of two lines or more with the same number of tabs between their
  words, each such tab becomes a bar, so the rows are read as a table of bars is (a tab elsewhere stays
  a space). A run of three lines or more with the same number of tabs in all, the first opening with a word
  and some with tabs (a header over several lines whose first cells are empty), has every tab made a bar and
  a bar added at each end of its lines, so that those empty cells stay cells.
- Tables of cells one a line (`cell_lines`): a PDF's text extracted without its layout sets each cell of a table
  on a line of its own; where the shape is certain, each row's newlines become bars.
- Box-drawn tables: a table framed with box-drawing characters (`│ 科目 │ 金额 │`) has its frame's characters made
  bars and dashes on the lines that hold a vertical or a side of the frame, so it is read as a table of bars.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Sequence
from functools import cache
from itertools import accumulate, compress, count
from operator import methodcaller

from tieout.linter.patterns import regex
from tieout.linter.text.cell_lines import cell_lines
from tieout.linter.text.offsets import identity

Repaired = tuple[str, Sequence[int]]

# the private-use characters (U+E000–U+F8FF, planes 15 and 16 but for the two noncharacters that close plane 15),
# written as two ranges and a look back at the two: the regex engine scans a text for a class of two ranges several
# times faster than for one of three (every text is scanned for one, a report's few megabytes)
PRIVATE_USE = regex("[\ue000-\uf8ff\U000f0000-\U0010fffd](?<![\U000ffffe\U000fffff])")
SPACE_RUN = regex(r" +")
# a line is letter-spaced when at least this share of its characters stand alone between spaces
LETTER_SPACED_SHARE = 0.6
LETTER_SPACED_MIN = 8  # … and it has at least this many such characters


def repair(text: str) -> Repaired:
    """All repairs in turn, with the map from the repaired text to `text`."""
    origin: Sequence[int] | None = None
    for step in (drop_nul, private_use_points, collapse_letter_spacing, box_drawing, tab_cells, cell_lines):
        new, back = step(text)
        if back is not None:
            origin = back if origin is None else array("q", map(origin.__getitem__, back))
            text = new
    # nothing repaired: the identity (a range, not a list of a 50 MB text's every offset)
    return text, origin if origin is not None else range(len(text))


def drop_nul(text: str) -> tuple[str, Sequence[int] | None]:
    if "\x00" not in text:
        return text, None
    keep = array("q", compress(range(len(text)), map("\x00".__ne__, text)))
    return text.replace("\x00", ""), keep


def private_use_points(text: str) -> tuple[str, Sequence[int] | None]:
    """Private-use characters that always follow a digit become `.` (one character for one: no map needed)."""
    if not PRIVATE_USE.search(text):
        return text, None
    after_digit: Counter[str] = Counter()
    elsewhere: Counter[str] = Counter()
    for m in PRIVATE_USE.finditer(text):
        k = m.start()
        (after_digit if k and text[k - 1].isdigit() else elsewhere)[m.group()] += 1
    points = {ch for ch, n in after_digit.items() if n >= 2 and not elsewhere[ch]}
    if not points:
        return text, None
    return text.translate({ord(ch): "." for ch in points}), range(len(text))


# a table drawn with box-drawing characters (`┌──┬──┐` / `│ 科目 │ 金额 │` / `└──┴──┘`, as some converters and text
# exports draw it): its lines are recognised by a vertical or a side of a frame; the verticals, corners and
# junctions become bars and the horizontals dashes, so the table is read as one of bars (Markdown) is. A rule of
# horizontals alone (`──────`, `──┼──` under a text table's header) is left to the text-table reader.
BOX_FRAME_CHARS = "│┃║┌┐└┘├┤╔╗╚╝╠╣┏┓┗┛┣┫╭╮╰╯"
BOX_FRAME = regex(f"[{BOX_FRAME_CHARS}]")
BOX_TO_BARS = str.maketrans(
    {**{ch: "|" for ch in "│┃║┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬┏┓┗┛┣┫┳┻╋╭╮╰╯"}, **{ch: "-" for ch in "─━═╌╍┄┅┈┉"}}
)


def box_drawing(text: str) -> tuple[str, Sequence[int] | None]:
    """The lines of a table drawn with box-drawing characters as rows of bars (one character for one)."""
    if not any(map(text.__contains__, BOX_FRAME_CHARS)):
        # (most texts draw no box: a search of the text for each character, each at C speed, costs a third of one
        # scan by the pattern's class)
        return text, None
    lines = text.split("\n")
    lines = [line.translate(BOX_TO_BARS) if BOX_FRAME.search(line) else line for line in lines]
    return "\n".join(lines), range(len(text))


def _letter_spaced(line: str) -> bool:
    if len(line) < 2 * LETTER_SPACED_MIN - 1:  # too short to hold that many characters standing alone
        return False
    tokens = line.split()
    singles = list(map(len, tokens)).count(1)
    return singles >= LETTER_SPACED_MIN and singles >= LETTER_SPACED_SHARE * len(tokens)


def collapse_letter_spacing(text: str) -> tuple[str, Sequence[int] | None]:
    lines = text.split("\n")
    # a letter-spaced line has at least LETTER_SPACED_MIN tokens: the lines split into fewer are passed over
    # at C speed (most lines of a report), the others judged one by one
    many = compress(count(), map(LETTER_SPACED_MIN.__le__, map(len, map(_FIRST_TOKENS, lines))))
    spaced = [k for k in many if _letter_spaced(lines[k])]
    if not spaced:
        return text, None
    starts = list(accumulate(map(len, lines), initial=0))
    kept = [0]  # the spans of the text kept, flat: [a0, b0, a1, b1, …]; each line adds the bounds of its gaps
    for k in spaced:
        start = starts[k] + k  # (k newlines before line k)
        pieces = _gaps(_spacing(lines[k])).split(lines[k])  # kept, dropped, kept, …, kept
        kept += map(start.__add__, accumulate(map(len, pieces[:-1])))
    kept.append(len(text))
    # the text between the gaps copied in slices, its map slices of the identity, at C speed
    spans = list(map(slice, kept[::2], kept[1::2]))
    origin = array("q")
    origin.frombytes(b"".join(map(memoryview(identity(len(text))).__getitem__, spans)))
    return "".join(map(text.__getitem__, spans)), origin


# the first LETTER_SPACED_MIN tokens of a line (and the rest of it): fewer, and it is no letter-spaced line
_FIRST_TOKENS = methodcaller("split", None, LETTER_SPACED_MIN - 1)


@cache
def _gaps(spacing: int) -> re.Pattern[str]:
    """The space runs of a letter-spaced line that go (captured, for a split): no wider than the line's letter
    spacing, inside the line, and not between two figures of several characters (`12  34` stay two figures,
    `2  0` is `20`). Written as the three ways a run is not between two such figures: no figure character
    before it; one before and none after; one on each side but no second one on either. Only the characters
    next to the run are looked at, not the whole line before it."""
    run = f" {{1,{spacing}}}"
    return regex(
        f"((?<=[^ \\d.,%]){run}(?=[^ ])"
        f"|(?<=[\\d.,%]){run}(?=[^ \\d.,])"
        f"|(?<=[\\d.,%])(?<![\\d.,%][\\d.,%]){run}(?=[\\d.,])(?!.[\\d.,]))"
    )


def _spacing(line: str) -> int:
    """A letter-spaced line's spacing: its commonest width of space runs."""
    runs = Counter(map(len, SPACE_RUN.findall(line.strip())))
    return runs.most_common(1)[0][0] if runs else 1


def _inner_tabs(line: str) -> int:
    """The tabs of a line after its first word (the ones before it indent the line); 0 for a line that has
    bars already (a row of bars is read as it is)."""
    if "|" in line:
        return 0
    return line.lstrip(" \t\u3000").count("\t")


def tab_cells(text: str) -> tuple[str, Sequence[int] | None]:
    """Rows whose cells are set apart by tabs, their tabs made bars (one character for one: no map needed).
    A row is such only in a run of two lines or more with the same number of tabs (a lone line with a tab,
    or lines with differing numbers of them, are no table: their tabs stay spaces), or in a ragged run
    (`_ragged_runs`), bordered so that its rows' cells stay in their columns."""
    if "\t" not in text:
        return text, None
    lines = text.split("\n")
    tabs = list(map(_inner_tabs, lines))
    ragged = _ragged_runs(lines, tabs)
    # (a run of rows opening with empty cells, `⇥⇥高效节水灌溉面积⇥8000亩…` under `产出指标⇥数量指标⇥…`, is bordered
    # whole: its rows' inner tabs alone would put their first word in the first column)
    apart = ragged | _bordered_runs(lines)
    changed = False
    k = 0
    while k < len(lines):
        if k in apart:
            k += 1
            continue
        end = k + 1
        while end < len(lines) and tabs[k] and tabs[end] == tabs[k] and end not in apart:
            end += 1
        if tabs[k] and end - k >= 2:
            for j in range(k, end):
                lead = len(lines[j]) - len(lines[j].lstrip(" \t\u3000"))
                lines[j] = lines[j][:lead] + lines[j][lead:].replace("\t", "|")
            changed = True
        k = end
    bordered = apart
    if not changed and not bordered:
        return text, None
    if not bordered:
        return "\n".join(lines), range(len(text))
    return _with_borders(lines, bordered)


MIN_RAGGED = 3  # (a header and two rows at least)


def _ragged_runs(lines: list[str], tabs: list[int]) -> set[int]:
    """The lines of runs of tab-set rows whose first line, the header, has three tabs or more and the others as
    many or one fewer, both counts found (`一级指标⇥…⇥分值⇥得分⇥偏差原因分析` over rows that fill that last column of
    notes or leave it, its tab dropped with the empty cell): a table whose shorter rows end one cell early. No line
    of the run opens with white space (tabs there would be empty cells of another reading)."""
    out: set[int] = set()
    k = 0
    while k < len(lines):
        head, end = tabs[k], k + 1
        if head >= 3 and not lines[k][:1].isspace():
            while end < len(lines) and tabs[end] in (head, head - 1) and not lines[end][:1].isspace():
                end += 1
            if end - k >= MIN_RAGGED and len(set(tabs[k:end])) == 2:
                out.update(range(k, end))
                k = end
                continue
        k += 1
    return out


# a run of tab-set rows whose header has cells left empty at its start (a table of several header lines copied
# from a spreadsheet, its 合计 group's names standing over the columns they name): fewer rows make no table
MIN_BORDERED = 3


def _bordered_runs(lines: list[str]) -> set[int]:
    """The lines of runs (MIN_BORDERED or more) that are tab-set rows counting the tabs before their first word
    too: every line the same number of tabs (two or more) in all, the first opening with a word, and some opening
    with tabs, each an empty cell (`项目⇥合计⇥⇥因公出国（境）费…` / `⇥⇥⇥⇥⇥小计⇥⇥公务用车购置费…` / `⇥预算数⇥决算数…` /
    `金额⇥13.00⇥10.49…`). Lines of a run `tab_cells` made bars, or holding bars, are none."""
    total = [ln.count("\t") if "|" not in ln and not ln.startswith((" ", "\u3000")) else 0 for ln in lines]
    out: set[int] = set()
    k = 0
    while k < len(lines):
        end = k + 1
        while end < len(lines) and total[end] == total[k]:
            end += 1
        run = range(k, end)
        if (
            total[k] >= 2
            and end - k >= MIN_BORDERED
            and not lines[k].startswith("\t")
            and any(lines[j].startswith("\t") for j in run)
        ):
            out.update(run)
        k = end
    return out


def _with_borders(lines: list[str], bordered: set[int]) -> Repaired:
    """The lines joined, those of `bordered` with their tabs made bars and a bar added at each end (`|项目|合计||…|`),
    so that the empty cells they open with stay cells (a row of bars reads a first bar as its border); an added
    bar is mapped to the line's first character, or to its end."""
    out: list[str] = []
    origin = array("q")
    at = 0
    for j, line in enumerate(lines):
        if j in bordered:
            out.append("|" + line.replace("\t", "|") + "|")
            origin.append(at)
            origin.extend(range(at, at + len(line)))
            origin.append(at + len(line))
        else:
            out.append(line)
            origin.extend(range(at, at + len(line)))
        at += len(line) + 1
        if j < len(lines) - 1:
            origin.append(at - 1)  # the newline
    return "\n".join(out), origin
