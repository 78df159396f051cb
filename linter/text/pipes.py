"""Rows of a table whose cells are set apart by bars with none at the ends of the line (`科目 | 合计 | 基本支出`).

Text converted from Word or a spreadsheet, and Markdown written by hand (GFM lets a table leave out its outer
bars), lay tables out so. The normaliser keeps each such row a line of its own (joined as wrapped prose, the
last figure of one row and the code of the next made one number), and the table reader reads its cells as it
reads a pipe table's. A line with a bar or two is no table by itself: the rows are a run of two lines or more
with the same number of bars and a figure in a cell after a bar (a row may leave its first cell empty,
` | 合计 | 4524.26`; a run of lines that all open with a bar and none closes is Markdown short of its closing bars).
"""

from __future__ import annotations

from operator import methodcaller

from tieout.linter.patterns import regex

MIN_ROWS = 2
# a figure in a cell (a cell of the rows after the first bar): digits, maybe a sign, separators and decimals
CELL_FIGURE = regex(r"\|\s*[-−+]?\d[\d,]*(?:\.\d+)?%?\s*(?=\||$)")


def bare_pipe_rows(lines: list[str]) -> list[int]:
    """For each of the consecutive `lines`: 0 unless it is a row of a table of bars without bars at both ends;
    else 1 where each piece between bars is a cell, 2 where the bar the line starts with opens the row (every
    row of the run starts with one: Markdown whose rows leave out the closing bar)."""
    out = [0] * len(lines)
    if not any(map(methodcaller("count", "|"), lines)):
        return out  # (most texts hold no bar: one pass at C speed)
    bars = [_bars(line) for line in lines]
    groups = _group_headings(lines, bars)
    k = 0
    while k < len(lines):
        if not bars[k]:
            k += 1
            continue
        end = k + 1
        while end < len(lines) and bars[end] == bars[k]:
            end += 1
        run = range(k, end)
        if end - k >= MIN_ROWS and any(CELL_FIGURE.search(lines[j]) for j in run):
            opened = all(lines[j].lstrip().startswith("|") for j in run if j not in groups)
            for j in run:
                out[j] = GROUP_ROW if j in groups else 2 if opened else 1
        k = end
    return out


GROUP_ROW = 3  # (bare_pipe_rows: a group's heading, a row of its label alone)
# a group's heading written alone on its line among a table's rows (`分行业`, `分产品`, `分地区`, `按地区`, `支出部分`): the
# words of a division by a dimension or of a part (other words there, a page's running head, stand between the
# pieces of a table or two tables)
GROUP_HEADING = regex(r"[分按][\u4e00-\u9fff]{1,9}|[\u4e00-\u9fff]{1,8}部分")


def _group_headings(lines: list[str], bars: list[int]) -> set[int]:
    """The lines that head a group of a table's rows with their label alone, no bar (`营业收入合计 | 100.00` /
    `分产品` / `诊断试剂 | 66.91` / … / `分地区` / …, as a listed company's revenue table breaks its rows down by
    industry, product and region): each stands between two rows of figures of the same number of bars, and is
    given that number in `bars` (one run of rows with them). A caption between two tables stands over a header,
    no row of figures."""
    found: set[int] = set()
    for k in range(1, len(lines) - 1):
        # (the bars around a line asked first: most lines without bars stand among none, and are spared the pattern)
        before, after = bars[k - 1], bars[k + 1]
        if bars[k] or not before or before != after or not GROUP_HEADING.fullmatch(lines[k].strip()):
            continue
        if CELL_FIGURE.search(lines[k - 1]) and CELL_FIGURE.search(lines[k + 1]):
            found.add(k)
    for k in found:
        bars[k] = bars[k - 1]
    return found


def _bars(line: str) -> int:
    """The number of bars of a line that may be a row of such a table (0 for any other line: no bar, bars at
    both ends, nothing but bars and spaces)."""
    n = line.count("|")
    if not n:
        return 0
    s = line.strip()
    if s.startswith("|") and s.endswith("|") or not s.replace("|", "").strip():
        return 0
    return n


def cells(line: str, opened: bool = False) -> list[tuple[int, int]]:
    """The cells of a row (their bounds in the line, spaces around them left out); `opened`: the line's first
    bar opens the row, the piece before it is none."""
    out = []
    at = 0
    for piece in line.split("|"):
        lead = len(piece) - len(piece.lstrip())
        content = piece.strip()
        out.append((at + lead, at + lead + len(content)))
        at += len(piece) + 1
    return out[1:] if opened else out
