"""Is the header of a space-aligned table placed with certainty? Its column names are read by position
(aligned.py), the nearest placing when words and figures do not line up; prose figures are held to the cells of
such a table (TO304, the rates and changes of a row) only where no placing was needed to name them:

                                                          单位：万元
    企业名称        资产总额      负债总额      营业收入      利润总额
    水务集团      612,480.36    358,902.14     84,615.27      6,512.84
    交通集团      903,114.52    611,287.40    125,410.66      3,208.15

- every row has a figure (or a dash) in every column: no figure is placed by where it stands;
- the header is one line of names (a header of two lines, even one read as a tree, is not certain here), its
  cells set apart by two spaces or more: the name column's (`企业名称`, or `项  目` spaced out) over the labels,
  then exactly one cell for each column of figures, and each cell's span overlaps the span of its column's
  figures and no other column's.

A header whose cells straddle two columns, a name wrapped over two lines, a row with blank cells: not certain
(its names stay where the nearest placing put them, and the prose is not held to them). One header of two lines
is (`stacked`): the lower line one cell over each column as above, the upper line only the beginnings of some
names, each over one column's figures and no other's (`决算数为上` over `年决算数%`).

A table whose words and figures are all set one space apart (a PDF's text that keeps no alignment) is certain in
one shape too: one header line of single words, the name column's (`项目`, `科目编码 科目名称`) then exactly one
column heading for each column of figures, and every row with a figure in every column. The names then stand in
the order of the figures; a name written with a space inside (`上年 执行数`) makes one word too many, and the
header is not certain:

    项目 调整预算数 执行数 完成调整预算%
    一般公共预算支出合计 478000 447841 93.7
"""

from __future__ import annotations

import re
from operator import itemgetter

from tieout.linter.patterns import regex

from .dropped import header_names
from .groups import Metric
from .values import CELL  # (a header cell: words set apart by single spaces at most)
from .vocab import CODE_HEADER, column_heading


def certain(header: list[str], rows: list[tuple[str, list[re.Match[str]]]], k: int, metric: Metric) -> bool:
    """Are the k figure columns of the rows (each a line and its figure matches) named with certainty by the
    header line (one line: a header of more lines is never certain here)?"""
    if k < 1 or not rows or any(len(figs) != k for _, figs in rows):
        return False
    spans = _column_spans(rows, k, metric)
    if spans is None or len(header) != 1:
        return False
    return _one_cell_each(header[0].replace("\f", " "), spans, metric)


def stacked(header: list[str], rows: list[tuple[str, list[re.Match[str]]]], k: int, metric: Metric) -> list[str] | None:
    """The k column names of a header of two lines whose lower line names every column with certainty (the name
    column's cell, then one cell over each column's figures, as `certain` asks of one line) and whose upper line
    only begins some of those names, each of its cells over one column's figures and no other's, one a column at
    most, none over the labels (`决算数为调` over `整预算数%`: a name too long for its column, written in two
    lines): each such name is the upper cell then the lower one. None for any other shape (an upper cell over two
    columns heads a group of them, a tree, whose names are not read so)."""
    if k < 1 or len(header) != 2 or not rows or any(len(figs) != k for _, figs in rows):
        return None
    spans = _column_spans(rows, k, metric)
    upper, lower = (line.replace("\f", " ") for line in header)
    if spans is None or not _one_cell_each(lower, spans, metric):
        return None
    names = [m.group().replace(" ", "") for m in CELL.finditer(lower)][-k:]
    heads: dict[int, str] = {}
    for m in CELL.finditer(upper):
        a, b = metric(upper[: m.start()]), metric(upper[: m.end()])
        touched = [i for i, (left, right) in enumerate(spans) if a < right and b > left]
        if len(touched) != 1 or a < spans[0][0] or touched[0] in heads or not WORDS.fullmatch(m.group()):
            return None
        heads[touched[0]] = m.group().replace(" ", "")
    if not heads:
        return None
    return [heads.get(c, "") + name for c, name in enumerate(names)]


# an upper header cell: words of Chinese (a note of units, `单位：万元`, or a figure is no part of a name)
WORDS = regex(r"[\u4e00-\u9fff]+(?:[（(][\u4e00-\u9fff%％]+[）)])?[%％]?")


def _column_spans(rows: list[tuple[str, list[re.Match[str]]]], k: int, metric: Metric) -> list[tuple[int, int]] | None:
    """Each column's span (its figures' leftmost start, rightmost end); None when two columns' spans meet."""
    bounds = [_bounds(line, figs, metric) for line, figs in rows]
    lefts = [min(map(itemgetter(2 * c), bounds)) for c in range(k)]  # (each column's bounds picked in C)
    rights = [max(map(itemgetter(2 * c + 1), bounds)) for c in range(k)]
    spans = list(zip(lefts, rights))
    if any(spans[c][1] >= spans[c + 1][0] for c in range(k - 1)):
        return None
    return spans


def _bounds(line: str, figs: list[re.Match[str]], metric: Metric) -> list[int]:
    """Where each figure of a line starts and ends, in turn (the metric of the line up to there). Both metrics
    add up over pieces of a line, so the line is measured piece by piece, once, not from its start for every
    figure's two ends."""
    if not figs:
        return []
    first = figs[0].start()
    if line[first : figs[-1].end()].isascii():
        # (the usual row: no wide character among its figures, where either metric counts a character as one)
        head = metric(line[:first]) - first
        return [head + at for f in figs for at in f.span()]
    out: list[int] = []
    edge = done = 0
    for f in figs:
        for at in f.span():
            edge += metric(line[done:at])
            done = at
            out.append(edge)
    return out


def _one_cell_each(line: str, spans: list[tuple[int, int]], metric: Metric) -> bool:
    """The name column's cell left of the figures, then one cell over each column's span and no other's."""
    found = list(CELL.finditer(line))
    cells = [(metric(line[: m.start()]), metric(line[: m.end()])) for m in found]
    names = [m.group() for m, c in zip(found, cells) if c[1] <= spans[0][0]]
    over = [c for c in cells if c[1] > spans[0][0]]
    if names and CODE_HEADER.match(names[0].replace(" ", "")):
        names = names[1:]  # `科目编码  科目名称`: the codes open the rows' labels, one column with their names
    if not names or len(names) > 1 and not all(len(n) == 1 for n in names):
        return False  # (`项    目`: one name spaced out)
    if len(over) != len(spans):
        return False
    for c, (a, b) in enumerate(over):
        touched = [i for i, (left, right) in enumerate(spans) if a < right and b > left]
        if touched != [c]:
            return False
    return True


# the name of a table's rows spaced out a character apart at its header line's start (`项    目`, `科  目`, `税  种`)
SPACED_NAME = regex(r"^\s*(?:[\u4e00-\u9fff]\s+){1,3}[\u4e00-\u9fff](?=\s)")


# a year a space before the 年 it is of (`2025 年`, `2024 年末`)
YEAR_SPACED = regex(r"(?<!\d)(\d{4}) (?=年)")


def listed(header: list[str], figures: list[int], k: int, names: list[str]) -> bool:
    """Are the k figure columns named with certainty by a header of one line of single words (see above)? Each
    row's count of figures in `figures`; `names` the column names the grid was given, which must be the header's
    words in their order."""
    if k < 1 or len(header) != 1 or not figures or any(n != k for n in figures):
        return False
    # (a year written a space before its 年, `2025 年`, as a text layer sets it: one name)
    line = YEAR_SPACED.sub(r"\1", header[0].replace("\f", " "))
    # (the rows' name spaced out a character apart, `项    目`, `税  种`: the name column's one cell, no figure's name)
    words = header_names(SPACED_NAME.sub("", line))
    if len(words) != k or len(header[0].split()) == k:
        return False  # (the name column's word, not one of the figures' names, opens the line)
    return words == names and all(column_heading(w) for w in words)
