"""Side-by-side tables of plain-text reports: two tables of one kind on the same lines, under a header that
repeats its group of columns for each (a department's 一般公共预算基本支出表, its 人员经费 on the left and its
公用经费 on the right), as a PDF's text laid out with spaces gives it:

    科目编码  人员经费科目名称      金额    科目编码  公用经费科目名称      金额
    301       工资福利支出        310.00    302       商品和服务支出         48.00
    30101     基本工资            120.00    30201     办公费                 12.00
    303       对个人和家庭的补助   20.00
    人员经费合计                  330.00    公用经费合计                   53.00

The header's groups are told by their words: a group is a code column (`科目编码`) or a label column
(`科目名称`, `项目`, named for what it holds: `人员经费科目名称`), then the names of its figure columns; the
groups are halves when there are two of them, alike (a code column in both or in neither, the same names over
their figures). Each line below is cut where the right group starts in the header (in display columns or
in characters, whichever every line agrees with): each half is blank, or a row of its own — a label (a code
before it) and figures, as a one-sided table's row (aligned.py). Each half is then a side of one table
(twosided.py builds the grid), footed on its own; a total written below both in one half's columns is
read by halves.py.

Precision first: the halves' rows are placed by the header's column alone, so a run is read only where
every one of its lines falls clearly into them (a half that is a label with no figures — a wrapped label, a
heading — or figures with no label, or a label that runs over the cut, leaves the whole run unread); a
header whose second group names a year or a stage of the same record (`项目  2024年  2025年`) has one label
column and is no pair of halves; 收入 | 支出 tables are twosided.py's.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import chain

from tieout.linter.patterns import regex
from tieout.linter.text.model import Document

from .cells import flatten
from .gates import side_by_side_held
from .groups import Metric
from .lineshapes import (
    CJK,
    CODE_FIRST,
    LABEL_HEADER,
    MAX_GAP,
    PAGE_MARK,
    ROW_END_MARKS,
    RULE_LINE,
    UNKNOWN,
    WIDE_GAP,
    Aligned,
    _Line,
    _Mapper,
    caption_line,
    chars,
    width,
)
from .page_turns import _code_of, _left_open
from .row_lines import _data, line_starts
from .twosided import CODE_NAME, SIDE_GAP, _grid, _Place

# a label column of a 收入 or 支出 side (收入项目, 支出功能分类科目): a two-sided table's, read by twosided.py
SIDE_LABEL = regex(r"^(?:收入|支出)")
PROSE = regex(r"[。，；]")
# a figure as an amount column writes it (a decimal point or thousands commas): no classification code
WRITTEN_FIGURE = regex(r"-?(?:\d{1,3}(?:,\d{3})*|\d+)\.\d+|-?\d{1,3}(?:,\d{3})+")
NEAR = 8  # lines past a table's end, or above its header, in which rows of a page before or after may stand


@dataclass(frozen=True)
class _Group:
    """A group of columns of a header of halves: where it stands, whether a code column opens it, its figure columns'
    names."""

    at: int  # offset of its first word in the header line
    coded: bool
    figures: tuple[str, ...]


def _groups(line: str) -> list[_Group] | None:
    """The header line's groups of columns: each a code column and a label column, or a label column alone,
    then the names of its figure columns; None for a line that is no header of halves (one group, groups
    unlike, words before the first group, a group of no figures, a 收入 or 支出 label column)."""
    out: list[tuple[int, bool, list[str]]] = []
    coded_at: int | None = None
    for at, w in _words(line):
        if CODE_NAME.search(w):
            if coded_at is not None:
                return None
            coded_at = at
        elif LABEL_HEADER.search(w) and not w[:1].isdecimal():
            if SIDE_LABEL.match(w):
                return None
            out.append((at if coded_at is None else coded_at, coded_at is not None, []))
            coded_at = None
        elif out and coded_at is None:
            out[-1][2].append(w)
        else:
            return None  # a figure column before any label, or a code column with no label after it
    groups = [_Group(at, coded, tuple(figs)) for at, coded, figs in out]
    if coded_at is not None or len(groups) != 2 or any(not g.figures for g in groups):
        return None
    a, b = groups
    return groups if (a.coded, a.figures) == (b.coded, b.figures) else None


def _words(line: str) -> list[tuple[int, str]]:
    """A header line's words and their offsets; a name spaced out (`项   目`) is its characters joined."""
    out: list[tuple[int, str]] = []
    single = False  # the last word is a run of single characters
    for m in re.finditer(r"\S+", line):
        w = m.group()
        if len(w) == 1 and single:
            out[-1] = (out[-1][0], out[-1][1] + w)
        else:
            out.append((m.start(), flatten(w)))
        single = len(w) == 1
    return out


def find_side_by_side(doc: Document, taken: list[Aligned]) -> list[Aligned]:
    """The side-by-side tables of a plain-text report, outside the tables `taken`."""
    if not side_by_side_held(doc):
        return []
    lines = doc.original.split("\n")
    used: set[int] = set()
    for t in taken:
        used.update(range(min(t.header, default=t.first_line), t.last_line + 1))
    starts = line_starts(lines, doc)
    mapper = _Mapper(doc)
    out: list[Aligned] = []
    for h in _named_lines(doc.original, starts):
        if h in used:
            continue
        groups = _groups(lines[h])
        if groups is None:
            continue
        found = _table(lines, starts, h, groups[1].at, mapper)
        if found is not None:
            out.append(found)
            used.update(range(h, found.last_line + 1))
    return out


# the words a header line of halves names its label columns with: a line holding none is no such header
LABEL_NAMES = ("科目", "项目", "名称")


def _named_lines(text: str, starts: list[int]) -> list[int]:
    """The lines holding 科目, 项目 or 名称, in order (`starts`: each line's offset): found in the text by a search
    for each word (`str.find`, many times faster than a pattern of the three tried at every character), not by
    testing every line of the report in turn."""
    found: list[int] = []
    for at in sorted(chain.from_iterable(_places(text, word) for word in LABEL_NAMES)):
        h = bisect_right(starts, at) - 1
        if not found or found[-1] != h:
            found.append(h)
    return found


def _places(text: str, word: str) -> Iterator[int]:
    """Where the word stands in the text, in order."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + len(word))


def _run(lines: list[str], h: int) -> list[int]:
    """The lines below a header up to the first that holds no row (blank lines between rows allowed)."""
    run: list[int] = []
    gap = 0
    for k in range(h + 1, len(lines)):
        s = lines[k].strip()
        if not s or RULE_LINE.match(s):
            gap += 1
            if gap > MAX_GAP:
                break
            continue
        if not _row_like(s) or caption_line(s) or PAGE_MARK.match(s):
            break
        run.append(k)
        gap = 0
    return run


Half = tuple[str, int, list[re.Match[str]], int]
Halves = tuple[Half | None, Half | None]


# a label whose words stand far apart (three spaces or more): two labels, not one
SPLIT_LABEL = regex(r"\S\s{3,}\S")


def _name_of(label: str) -> str:
    """A row's label less the classification code before it (`301 01    基本工资`: a code in parts too), which stands
    apart as its own column does."""
    code = CODE_FIRST.match(label)
    return label[code.end() :] if code else label


def _halves(line: str, cut: int, metric: Metric) -> Halves | None:
    """A line cut at the right group's column: each half a row (label, indentation, figures, the label's
    offset), or None for a blank half; None when a half that is not blank is no row."""
    words = list(re.finditer(r"\S+", line))
    k = next((i for i, m in enumerate(words) if metric(line[: m.start()]) >= cut - SIDE_GAP), len(words))
    # a long label pushes its half's figures past the header's column (`30108  机关事业单位基本养老保险缴费  812.44
    # 30211 …`): figures written with a point or commas, never a code, belong to the half before them
    while 0 < k < len(words) and WRITTEN_FIGURE.fullmatch(words[k].group()):
        k += 1
    x = words[k].start() if k < len(words) else len(line)
    # (no row; or a label of two set far apart, `3.国有资本经营预算拨款      四、住房保障支出  8,673.08`: the left
    # half's row left blank and the right half's label before its figure, over the cut)
    return _cut(line, x, lambda row: SPLIT_LABEL.search(_name_of(row[0])) is not None)


def _cut(line: str, x: int, refused: Callable[[Half], bool]) -> Halves | None:
    """The line cut at offset x into its halves, each a row or None for a blank half; None where a half that is
    not blank is no row, or is one `refused`."""
    out: list[Half | None] = []
    for a, b in ((0, x), (x, len(line))):
        part = line[a:b]
        if not part.strip():
            out.append(None)
            continue
        row = _data(" " * a + part)
        if row is None or refused(row):
            return None
        out.append(row)
    return out[0], out[1]


def _table(lines: list[str], starts: list[int], h: int, at: int, mapper: _Mapper) -> Aligned | None:
    """The table under the header at line h, its right group starting at offset `at`; None unless every line
    of its rows falls into the halves, in one metric, and each half has two rows of figures at least."""
    run = _run(lines, h)
    if not run:
        return None
    if not any(WIDE_GAP.search(lines[k].strip()) for k in run):
        return _spaced(lines, starts, h, run, mapper)
    for metric in (width, chars):
        cut = metric(lines[h][:at])
        cuts = [_halves(lines[k], cut, metric) for k in run]
        if any(c is None for c in cuts):
            continue
        return _built(lines, starts, h, run, cuts, _Place(None, metric, cut), mapper)  # type: ignore[arg-type]
    return None


def _spaced(lines: list[str], starts: list[int], h: int, run: list[int], mapper: _Mapper) -> Aligned | None:
    """The table of rows one space apart, which stand in no columns: each line cut where its left half's
    figures end (`30101 基本工资 243.53 | 30201 办公费 32.24`), its lines of one half told by their codes
    (`_overflow`), each half's figures filling its columns in order."""
    cuts = [_spaced_halves(lines[k]) for k in run]
    if any(c is None for c in cuts):
        return None
    return _built(lines, starts, h, run, _overflow(cuts), _Place(None), mapper)  # type: ignore[arg-type]


def _built(
    lines: list[str], starts: list[int], h: int, run: list[int], cuts: list[Halves], place: _Place, mapper: _Mapper
) -> Aligned | None:
    """The table of the run's lines cut into halves; None unless two lines hold both and each half two rows."""
    sides: list[list[_Line]] = [[], []]
    for k, halves in zip(run, cuts):
        for s, half in enumerate(halves):
            if half is not None:
                label, _indent, figs, offset = half
                sides[s].append(_Line(k, label, UNKNOWN, figs, starts[k] + offset))
    if sum(1 for c in cuts if all(c)) < 2 or any(len(side) < 2 for side in sides):
        return None
    found = _grid(lines, starts, [h], run, sides, place, mapper)
    if found is not None:
        _pages(lines, h, found)
    return found


# a cell of figures as a row one space apart writes it: an amount (a point or commas: no code), or a dash
SPACED_FIGURE = regex(WRITTEN_FIGURE.pattern + r"|[-—－–]+")
# a bare whole number within a label past its code: an amount written with no point, which cannot be told
# from a code opening the right half's label
BARE_NUMBER = regex(r"(?<!\S)\d+(?!\S)")


def _spaced_halves(line: str) -> Halves | None:
    """A line one space apart cut into halves before the first word past a figure that is none (the right
    half's code or label); a line with no such word is one half, the left's as read. None when a half is no
    row, or a label holds a bare number (an amount or a code: where the halves meet is not known)."""
    words = list(re.finditer(r"\S+", line))
    fig = [SPACED_FIGURE.fullmatch(m.group()) is not None for m in words]
    k = next((i for i in range(1, len(words)) if fig[i - 1] and not fig[i]), len(words))
    x = words[k].start() if k < len(words) else len(line)
    return _cut(line, x, lambda row: not row[2] or BARE_NUMBER.search(_name_of(row[0])) is not None)


def _overflow(cuts: list[Halves]) -> list[Halves]:
    """The rows of a table set one space apart whose lines hold one half each, past its last line of both, told
    into the half their codes say. Where the words stand says nothing there (a right half's row starts the line as
    a left one's does), but the halves are columns filled from the top: the lines past the shorter column's last
    row are all the longer one's. Which one that is, the codes tell: a row coded under an item that only one half
    holds (`30299` under a `302` on the right) is that half's, and so are the coded rows around it (`310`); no row
    coded under the other half's items. Lines that no code decides stay as read (the left half's)."""
    paired = [i for i, c in enumerate(cuts) if c[0] is not None and c[1] is not None]
    codes = [_single_code(c) for c in cuts]
    block = [i for i, code in enumerate(codes) if code is not None]
    # (the block: the coded lines of one half, one run below the lines of both; past it the totals' line alone)
    if not paired or not block or block != list(range(block[0], block[-1] + 1)):
        return cuts
    if paired[0] > block[0] or any(i > block[-1] for i in paired[:-1]):
        return cuts
    held = _held(cuts[: block[0]])
    said = {s for i in block if (s := _under(codes[i] or "", held)) is not None}
    if said != {1}:
        return cuts  # (the left half's, as read; or the codes disagree)
    return [((None, c[0] or c[1]) if i in block else c) for i, c in enumerate(cuts)]


def _single_code(halves: Halves) -> str | None:
    """The code of the row of a line that holds one half alone, or None."""
    rows = [h for h in halves if h is not None]
    return _code(rows[0][0]) if len(rows) == 1 else None


def _code(label: str) -> str | None:
    return _code_of(label) or None


def _held(cuts: list[Halves]) -> tuple[set[str], set[str]]:
    """The codes of each half's rows."""
    out: tuple[set[str], set[str]] = (set(), set())
    for c in cuts:
        for s, h in enumerate(c):
            if h is not None and (k := _code(h[0])):
                out[s].add(k)
    return out


def _under(code: str, held: tuple[set[str], set[str]]) -> int | None:
    """The half that alone holds an item the code is under (a shorter code it opens with), or None."""
    sides = {s for s in (0, 1) for k in held[s] if len(k) < len(code) and code.startswith(k)}
    return sides.pop() if len(sides) == 1 else None


def _pages(lines: list[str], h: int, table: Aligned) -> None:
    """A table with rows near it past its end (a page turned: its rows go on) is left open; one with rows
    right above its header goes on from the page before."""
    if any(_row_near(lines, k) for k in range(table.last_line + 1, min(len(lines), table.last_line + NEAR))):
        _left_open(table)
    table.continued = any(_row_near(lines, k) for k in range(max(0, h - NEAR), h))


def _row_like(s: str) -> bool:
    """Does a stripped line look like a row of figures: Chinese words, no sentence's marks, a figure or a dash
    at its end?"""
    return bool(s) and (s[-1].isdecimal() or s[-1] in ROW_END_MARKS) and bool(CJK.search(s)) and not PROSE.search(s)


def _row_near(lines: list[str], k: int) -> bool:
    return _row_like(lines[k].strip())
