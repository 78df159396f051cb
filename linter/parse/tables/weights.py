"""The column of a score table laid out with spaces that weighs each first-level indicator, set aside before its
rows are read:

    一级指标  分值  二级指标    分值  得分
    决策        20  项目立项       5   4.5
                    绩效目标       5   5.0
                    决策小计      20  17.5
    过程        20  资金管理      10   8.5
    合计       100               100  89.0

A 绩效评价评分表 gives a first-level indicator its name and its weight in merged cells, written once on the first row
of its group, and then the second-level indicators each with their own weight and score. The first-level weight
is no figure of the rows it stands on (项目立项 weighs 5, not 20): read as a column, it would be summed with them.
Once it is blanked out of the lines the reader sees (the heading, and the figure under it in each row, each
character by a blank of its width, every offset and column staying where it was), the table is the one of level
columns (`一级指标    二级指标    分值  得分`) the reader knows: each row's names under their level headings, its
figures the second level's. The weight so set aside is stated again as the 分值 of its group's 小计.

Precision first: a header is read so only where a heading of points (分值, 权重) stands between two headings of
levels (一级指标 and 二级指标), each heading a word set apart by two spaces or more; the cells blanked are figures
standing within that heading's column, flush with its start or end; a row holding a word across the column's
bounds, or anything but a figure in it, leaves every line as it stands (the table is then not read by its
columns, as before).
"""

from __future__ import annotations

from collections.abc import Callable

from .levels import LEVEL_HEADER
from .values import CELL, PROSE, Metric, _blank_spans, _Column, _row_blanked
from .vocab import scored


def mask_weights(lines: list[str], metrics: tuple[Metric, ...], is_row: Callable[[str], bool]) -> None:
    """Blank out, in place, the first-level weights of every score table of `lines` laid out so (module doc);
    `is_row` tells a line of a label and figures, which a row must still be once its weight is out."""
    k = 0
    while k < len(lines):
        line = lines[k]
        k += 1
        if "级" not in line:
            continue  # (no heading of levels: the cheap test, before the line is split)
        for metric in metrics:
            found = _weight_heading(line, metric)
            if found is not None and _mask_rows(lines, k, found[1], metric, is_row):
                lines[k - 1] = _blank_spans(line, [found[0]])
                break


def _weight_heading(line: str, metric: Metric) -> tuple[tuple[int, int], _Column] | None:
    """The span of the heading of points between two level headings (`一级指标  分值  二级指标`) and its column
    (its start, its end, where the next heading starts); None where the line has no such heading."""
    found = list(CELL.finditer(line))
    for a, b, c in zip(found, found[1:], found[2:]):
        if LEVEL_HEADER.match(a.group()) and scored(b.group()) and LEVEL_HEADER.match(c.group()):
            column = _Column(metric(line[: b.start()]), metric(line[: b.end()]), metric(line[: c.start()]))
            return b.span(), column
    return None


def _mask_rows(lines: list[str], k: int, column: _Column, metric: Metric, is_row: Callable[[str], bool]) -> bool:
    """Blank the weights of the rows from line k on, up to a blank line or one of prose; True when one row at least
    held a weight and is a row once it is out. A line whose cells do not stand in the header's columns, or that
    holds a word in the column of weights, leaves every line as it stands."""
    blanked: dict[int, str] = {}
    while k < len(lines) and lines[k].strip() and not PROSE.search(lines[k]):
        line = lines[k]
        row = _row_blanked(line, [column], metric)
        if row is None or not _figures_only(line, row):
            return False
        if row != line:
            if not is_row(row):
                return False
            blanked[k] = row
        k += 1
    for j, row in blanked.items():
        lines[j] = row
    return bool(blanked)


def _figures_only(line: str, row: str) -> bool:
    """Is what the blanking took out of the line figures only (a weight), no word?"""
    taken = "".join(a for a, b in zip(line, row) if a != b)
    return all(ch.isdigit() or ch in ".," for ch in taken)
