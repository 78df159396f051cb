"""The column names of a space-aligned table placed over the columns found (columns.py): header words to the
nearest column in order, wrapped and stacked names, names of levels (`_level_cells`), a numbering row, and
headings that sum others (a 合计 and its parts).

Its own module because naming the columns is separate from finding them: the header's words are read here and
given to the columns, never the reverse.
"""

from __future__ import annotations

import re
from functools import cache
from math import inf

from tieout.linter.patterns import regex
from tieout.linter.vocab import alternation, fund_budgets, wordings

from .blocks import Block
from .cells import Cell, flatten
from .columns import BEYOND, _empty_on_right, _labels_end, _naming_words, _text_columns
from .groups import Metric, Tree, tree
from .levels import LEVEL_HEADER
from .lineshapes import CJK, LABEL_HEADER, SPACED_TOTAL, WORD, Layout, _Line, _Mapper, column_headings, width
from .vocab import (
    CODE_HEADER,
    PART_HEADING,
    column_heading,
    total_kind,
)
from .wrapped import joined_lines, wrapped_names

# the words of a heading that make a column other than one more part of the 合计 the first column holds: a part of
# another column (其中), a rate, share or change, a stage or a period, a price or a norm (a digit: a year, a number)
NOT_A_PART_HEADING = regex(
    r"其中|[%％\d]|率|比上年|同比|增长|增减|增幅|下降|预算|决算|执行|调整|上年|单价|标准|平均|人均"
)
# the heading of the money carried over from the year before (`上年结转`, `上年结转结余`): a source of the year's money
# beside its income, so a part of a bare 合计 or 总计 (not of `本年收入合计`, which leaves it out)
CARRIED_HEADING = regex(r"上年结转(?:结余|资金)?")
BARE_TOTAL = regex(r"[合总]计")


def _total_heading(lines: list[str], header: list[int]) -> tuple[str, str] | None:
    """The total word a header names its first column of figures with, the one total word of the header, no other
    heading naming anything but a part (NOT_A_PART_HEADING); with the header's words, in no order of where they
    stand (each page of a table sets them apart its own way): None for any other header."""
    # (where the words stand, then the line: a header of one cell a line sets every column's name at its start, in
    # the columns' order)
    words = [
        (width(lines[h][: m.start()]), n, m.group())
        for n, h in enumerate(header)
        for m in WORD.finditer(lines[h].replace("\f", " "))
        if not _label_column_name(m.group())
    ]
    totals = [w for *_, w in words if total_kind(w) is not None or SPACED_TOTAL.fullmatch(w)]
    if not words or len(totals) != 1 or min(words)[2] != totals[0]:
        return None
    if any(not _part_of_total(w, totals[0]) for *_, w in words if w != totals[0]):
        return None
    return totals[0], " ".join(sorted(w for *_, w in words))


def _part_of_total(word: str, total: str) -> bool:
    """May a heading name a part of the header's total (`_total_heading`)? Not one naming a rate, a stage, a period or
    another column's part (NOT_A_PART_HEADING), a fund budget's name aside (`一般公共预算拨款收入`: its 预算 names which
    money, no stage); money carried over from the year before is a part of a bare total only."""
    if CARRIED_HEADING.fullmatch(word):
        return bool(BARE_TOTAL.fullmatch(flatten(total)))
    return not NOT_A_PART_HEADING.search(_fund_budget_name().sub("", word))


def _label_column_name(word: str) -> bool:
    """Does a header word name a column of the rows' labels, not of figures: the names' (`项目`, `科目名称`, `单位名称`)
    or the codes' (`科目编码`, the line under the column names of a 决算 form: `科目编码 科目名称`; `单位编码`)?"""
    return bool(LABEL_HEADER.fullmatch(word) or CODE_HEADER.match(word) or NAMING_HEADER.search(word))


# the heading of a column of names or codes, whatever they name (`单位名称`, `单位编码`, `部门代码`): no figures
NAMING_HEADER = regex(r"(?:名称|编码|代码)$")


@cache
def _fund_budget_name() -> re.Pattern[str]:
    """Any wording of a fund budget's name (context.yaml fund: `一般公共预算`, `政府性基金预算`, `社保基金预算`)."""
    names = [w for k, ws in wordings("context", "fund").items() if k in fund_budgets() for w in ws]
    return regex(alternation(names))


LEVEL_SLACK = 2  # columns a name may start off its level heading's start
# a run of words set one space apart at most: one name of a row's label (`产出指标    小计`: two)
NAME_RUN = regex(r"\S+(?: \S+)*")


def _level_cells(
    lines: list[str],
    starts: list[int],
    header: list[int],
    rows: list[_Line],
    mapper: _Mapper,
    layout: Layout | None,
    numbering: int | None,
) -> list[list[Cell]] | None:
    """The names of a score table's rows in its level columns (`一级指标    二级指标            分值  得分` over `产出指标
    小计    50  45.25` and `            数量指标    20  18.50`): each name of a row's label under the level heading it
    starts nearest to, the levels in order. None where the header names fewer than two levels on one line, or a
    row's label wraps or names two under one level (then the label stays one name); and for a table whose figures
    were not placed by a layout, or with a numbering row under its header."""
    if layout is None or numbering is not None:
        return None
    metric = layout.metric
    heads = []
    for h in header:
        line = lines[h].replace("\f", " ")
        heads = [m for m in WORD.finditer(line) if LEVEL_HEADER.match(m.group())]
        if len(heads) >= 2:
            break
    if len(heads) < 2:
        return None
    at = [metric(line[: m.start()]) for m in heads]
    out = [[Cell(m.group(), *_spanned(mapper, starts[h], m), 0, c) for c, m in enumerate(heads)]]
    for k, r in enumerate(rows, start=1):  # (the grid's one header row, its names joined from the header lines)
        line = lines[r.line].replace("\f", " ")
        label = line[: r.figs[0].start()] if r.figs else line
        if flatten(label) != flatten(r.label):
            return None  # (a label wrapped over the lines around its figures)
        cells = [Cell("", 0, 0, k, c) for c in range(len(heads))]
        last = -1
        for m in NAME_RUN.finditer(label):
            x = metric(label[: m.start()])
            level = min(range(len(at)), key=lambda c: abs(at[c] - x))
            if level <= last or abs(at[level] - x) > LEVEL_SLACK or mapper.norm(starts[r.line] + m.start()) is None:
                return None  # (a name standing under no heading: cells set apart by a run of spaces, not aligned)
            cells[level] = Cell(m.group(), *_spanned(mapper, starts[r.line], m), k, level)
            last = level
        out.append(cells)
    return out


def _spanned(mapper: _Mapper, base: int, m: re.Match[str]) -> tuple[int, int]:
    """The normalised offsets of a word of a line starting at `base` in the original."""
    a = mapper.norm(base + m.start()) or 0
    b = mapper.norm(base + m.end() - 1)
    return a, (b + 1 if b is not None else a + len(m.group()))


def _place_names(
    block: Block, lines: list[str], header: list[int], rows: list[_Line], layout: Layout | None, first: list[Cell]
) -> None:
    """Mark the block's column names placed with certainty: where they stand (placing.certain), or one word each
    in the order of the figures (placing.listed: then no name is off its column)."""
    from .placing import listed

    k = len(first) - 1
    block.placed = _placed_surely(lines, header, rows, layout, k)
    names = [flatten(c.text) for c in first[1:]]  # (spaces dropped: `2025 年` as the header's words join it)
    if listed([lines[h] for h in header], [len(r.figs) for r in rows], k, names):
        block.placed, block.off_header = True, set()
    elif _name_lined(block, lines, header, rows, first):
        return
    elif not block.placed and not _stacked(block, lines, header, rows, layout, names):
        _name_wrapped(block, lines, header, rows, first)


def _stacked(
    block: Block, lines: list[str], header: list[int], rows: list[_Line], layout: Layout | None, names: list[str]
) -> bool:
    """Mark the block's column names placed with certainty where a two-line header's lower line names every column
    where it stands and its upper line only begins some of the names (placing.stacked), and the names the grid was
    given (`names`, spaces dropped) are those."""
    from .placing import stacked

    if layout is None:
        return False
    found = stacked([lines[h] for h in header], [(lines[r.line], r.figs) for r in rows], len(names), layout.metric)
    if found is None or found != names:
        return False
    block.placed, block.off_header = True, set()
    return True


def _name_lined(block: Block, lines: list[str], header: list[int], rows: list[_Line], first: list[Cell]) -> bool:
    """Name the columns by a header of one cell a line, as a PDF's text read without layout sets a table's header
    cells one under another (`项目` / `调整预算` / `执行数` / `完成调整预算%`), a cell wrapped within its width
    as two lines (`2025年` / `执行数`): where each line is one word, the words joined by what they say
    (wrapped.joined_lines) name as many columns as the fullest rows fill, in the order of their figures. Where
    the words stand says nothing here (the position-based placing stacked them over one column); their order and
    count do. A row of fewer figures keeps the cells its own reading gave it."""
    k = len(first) - 1
    figured = [r for r in rows if r.figs]
    if len(header) < 3 or any(len(lines[h].split()) != 1 for h in header):
        return False
    # (the fullest rows, most of the table, fill every column: the names' count is the columns')
    if not figured or 2 * sum(len(r.figs) == k for r in figured) < len(figured):
        return False
    names = joined_lines([lines[h] for h in header], k)
    if names is None:
        return False
    block.rows[0] = [first[0], *(Cell(n, c.start, c.end, 0, c.col) for n, c in zip(names, first[1:]))]
    block.placed, block.off_header, block.groups = True, set(), []
    return True


def _name_wrapped(block: Block, lines: list[str], header: list[int], rows: list[_Line], first: list[Cell]) -> None:
    """Name the columns by a two-line header of wrapped cells (wrapped.py), where every row fills every column
    (no figure placed by where it stands): its names are then certain, whatever the placing by position gave."""
    k = len(first) - 1
    figured = [r for r in rows if r.figs]
    if len(header) != 2 or not figured or any(len(r.figs) != k for r in figured):
        return
    names = wrapped_names(lines[header[0]].replace("\f", " "), lines[header[1]].replace("\f", " "), k)
    if names is None:
        return
    block.rows[0] = [first[0], *(Cell(n, c.start, c.end, 0, c.col) for n, c in zip(names, first[1:]))]
    block.placed, block.off_header, block.groups = True, set(), []


def _placed_surely(lines: list[str], header: list[int], rows: list[_Line], layout: Layout | None, k: int) -> bool:
    """Is every column's name placed with certainty (placing.py)? Never where the figures were placed without
    a layout (a table whose blank cells were dropped)."""
    from .placing import certain

    if layout is None:
        return False
    # (a row of no figure, a block's heading over its rows, `社会保险基金合计`, has no cell to be placed)
    figured = [(lines[r.line], r.figs) for r in rows if r.figs]
    return certain([lines[h] for h in header], figured, k, layout.metric)


def _named_header(
    lines: list[str], starts: list[int], header: list[int], rows: list[_Line], layout: Layout, mapper: _Mapper
) -> tuple[list[Cell], list[Cell], Tree | None]:
    """The header row of a table placed by its layout (`rows`: those with figures), the header cells whose
    names are not certain, and the tree of its groups of columns, if its header has one."""
    off: list[Cell] = []
    labels_end, text_cols = _labels_end(lines, rows, layout.metric), _text_columns(rows)
    # (whether the header names columns no row fills, right of the figures: one decision for the row and the tree)
    empty_right = _empty_on_right(lines, header, layout.cols, layout.metric, labels_end)
    first = _header_row(
        lines, starts, header, layout.cols, mapper, layout.metric, labels_end, off, text_cols, empty_right
    )
    grouped = _tree(lines, header, layout, labels_end, text_cols, empty_right)
    if grouped is not None:  # each column named where it stands: its own name, its group's heading apart
        first = [first[0], *(Cell(name, c.start, c.end, 0, c.col) for name, c in zip(grouped.names, first[1:]))]
        off = []
    return first, off, grouped


def _tree(
    lines: list[str], header: list[int], layout: Layout, labels_end: int, text_cols: int, empty_right: bool
) -> Tree | None:
    """The header read as a tree of groups (groups.py), from its lines that name figure columns."""
    named = []
    for h in header:
        line = lines[h].replace("\f", " ")
        words, _ = _heading_words(line, layout.cols, layout.metric, labels_end, text_cols, empty_right)
        if words:
            named.append((line, words))
    return tree(named, layout.cols, layout.metric)


def _header_row(
    lines: list[str],
    starts: list[int],
    header: list[int],
    cols: list[int],
    mapper: _Mapper,
    metric: Metric,
    labels_end: int,
    off: list[Cell] | None = None,
    text_cols: int = 0,
    empty_right: bool | None = None,
) -> list[Cell]:
    """Column names: the words of each header line go, in order, to the columns whose spans (from the
    column before's right edge to its own) they are centred over, one word to a column (names wrapped over
    several lines are joined top down). The label column's name is no column's: it is known by its words
    (项目, 科目名称) or, where a line has a word more than there are columns, by standing over the labels.
    A word given to a column while it stands nearer another one's middle (the best placing of all the words
    in order, not where it stands) puts the column's header cell in `off`: its name is not certain. `empty_right`:
    whether the header names columns no row fills right of the figures (`_empty_on_right`; worked out when not
    given)."""
    names = [""] * len(cols)
    lefts = [(cols[c - 1] if c else cols[0] - (cols[1] - cols[0] if len(cols) > 1 else 8)) for c in range(len(cols))]
    mids = [(a + b) / 2 for a, b in zip(lefts, cols)]
    astray: set[int] = set()  # the columns a word was given to that it does not stand over
    if empty_right is None:
        empty_right = _empty_on_right(lines, header, cols, metric, labels_end)
    for h in header:
        line = lines[h].replace("\f", " ")
        words, ordered = _heading_words(line, cols, metric, labels_end, text_cols, empty_right)
        if not words:
            continue
        centres = [(metric(line[: m.start()]) + metric(line[: m.end()])) / 2 for m in words]
        best = _nearest_in_order(mids, centres)
        for c, m, x in zip(best, words, centres):
            names[c] += "".join(m.group().split()) if SPACED_TOTAL.fullmatch(m.group()) else m.group()
            if not ordered and any(abs(mid - x) < abs(mids[c] - x) for mid in mids):
                astray.add(c)  # nearer another column's middle: given to this one only to keep the words in order
        if len(header) > 1 and len(words) < len(cols):
            astray |= _group_parts(best, words)
    # (no header: a two-sided table closed by its totals may have none; its caller places the cells itself)
    top = header[0] if header else 0
    first = mapper.norm(starts[top] + len(lines[top]) - len(lines[top].lstrip())) or 0
    cells = [Cell("项目", first, first, 0, 0)]
    for c, name in enumerate(names):
        cells.append(Cell(name, first, first, 0, c + 1))
    if off is not None:
        off += [cells[c + 1] for c in sorted(astray)]
    return cells


def _nearest_in_order(mids: list[float], centres: list[float]) -> tuple[int, ...]:
    """The columns, one to each word in order, that put the words nearest the columns' middles: of every
    `combinations(range(len(mids)), len(centres))`, the first (in that order) whose sum of distances is least,
    as `min` over them found it. Found column by column: the best placing of the first words ending at each
    column (its cost summed in the same order, the first placing kept on a tie) is all the next word needs, where
    `min` scored every combination (430,000 distances summed for the corpus's text reports). The distances are
    halves of display columns, so every sum is exact and a tie is the same tie in both. Needs no more words than
    columns (`_heading_words` gives none then)."""
    n, k = len(mids), len(centres)
    x = centres[0]
    # (cost, placing) of the first i + 1 words, the last at column c, for each c it may stand at
    best: dict[int, tuple[float, tuple[int, ...]]] = {c: (abs(mids[c] - x), (c,)) for c in range(n - k + 1)}
    for i in range(1, k):
        x = centres[i]
        before, best = best, {}
        top: tuple[float, tuple[int, ...]] = (inf, ())
        for c in range(i, n - k + i + 1):
            # the best placing of the words before ending left of c (a tuple's order: least cost, then the first)
            top = min(top, before[c - 1])
            best[c] = (top[0] + abs(mids[c] - x), (*top[1], c))
    return min(best.values())[1]


def _heading_words(
    line: str, cols: list[int], metric: Metric, labels_end: int, text_cols: int, empty_right: bool = False
) -> tuple[list[re.Match[str]], bool]:
    """The words of a header line that name the columns of figures, whose right edges are `cols` ([] when they
    are more), and whether they are exactly one to each column in order (the headings of text columns left out).
    Where the header names columns no row fills right of the figures (`empty_right`), a word beginning right of
    the last column's edge is none of the figures'."""
    k = len(cols)
    words = _naming_words(line)
    if empty_right:
        words = [m for m in words if metric(line[: m.start()]) <= cols[-1] + BEYOND]
    extra = len(words) - k
    if 0 < extra <= text_cols and not any(column_heading(m.group()) for m in words[:extra]):
        # the headings of the text columns (`计量单位`) every row's label holds a word of: not the figures'
        # (where rows' names differ in length, such a heading need not stand wholly over the labels); one
        # heading left to each column, in order, where each stands is moot
        words = words[extra:]
        return words, len(words) == k
    while len(words) > k and metric(line[: words[0].end()]) <= labels_end:
        words = words[1:]  # a name over the labels that no vocabulary knows (`单位`, `部门`)
    if words and _over_labels(line, words[0], metric, labels_end):
        # (of a line naming fewer columns than there are: `主要会计数据    2024年    期增减(%)`, the name of the rows
        # no vocabulary knows, wholly left of where any row's figures begin and naming no column's figures)
        words = words[1:]
    if len(words) == k + 1 and not line[: words[0].start()].strip() and column_headings(line):
        # (`支出内容 支出金额 占比`, one space apart: the name of the rows, then one column's heading for each column of
        # figures, in their order; where the rows' names end varies from row to row, so position says nothing)
        return words[1:], True
    return ([] if len(words) > k else words), False


def _over_labels(line: str, word: re.Match[str], metric: Metric, labels_end: int) -> bool:
    """Does the word open its line and end left of where every row's figures begin, a word of Chinese that is
    no column's heading (`主要会计数据`)? It names the rows, not a column."""
    return (
        not line[: word.start()].strip()
        and metric(line[: word.end()]) < labels_end
        and CJK.search(word.group()) is not None
        and not column_heading(word.group())
    )


def _group_parts(placed: tuple[int, ...], words: list[re.Match[str]]) -> set[int]:
    """The columns given a `其中：…` word of a header line naming fewer columns than the table has, above
    another line of names: such a word heads a group of columns and lands on the one it is centred over,
    which is not the part it names (`其中：市本级` over `本金 利息`)."""
    return {c for c, m in zip(placed, words) if PART_HEADING.match(m.group())}


def _numbering_row(line: str, base: int, cols: list[int], mapper: _Mapper, metric: Metric) -> list[Cell] | None:
    """The row of column formulas (`公式 A=B+C B C D=E+F E F`): one mark over each column, in order; None
    when there are not as many marks as columns."""
    from .header import COLUMN_NUMBER

    marks = [m for m in WORD.finditer(line) if COLUMN_NUMBER.match(m.group())]
    if len(marks) != len(cols):
        return None
    first = mapper.norm(base + len(line) - len(line.lstrip())) or 0
    cells = [Cell("", first, first, 1, 0)]
    for c, m in enumerate(marks):
        a = mapper.norm(base + m.start()) or first
        cells.append(Cell(m.group(), a, a + len(m.group()), 1, c + 1))
    return cells
