"""The columns of values of a score table laid out with spaces, set aside before its rows are read:

    一级指标  二级指标    三级指标              指标值      实际完成值    分值    得分
    投入      预算编制    预算编制科学性        科学合理    较科学合理       5    4.50
    过程      预算执行    预算执行率            100%        95.20%          10    9.52
    产出      数量指标    新建村级服务站数      ≥12个       12个             6       6

A 绩效自评表 states each indicator's target and outcome (指标值, 实际完成值, vocab value_headers) in the indicator's
own terms, words or figures of its own unit, beside the points it weighs and scored (分值, 得分); a remark (偏差原因)
may close the row. Those cells are no figures of the table's columns: a row of words there is no row of figures,
and one of figures there has more of them than the table has columns of points. Both are read as the table of
points it is once the values are blanked out of the lines the reader sees (each character by a blank of its width,
so that every offset and every column stays where it was): the header's headings of values, and in each row below
it, up to a blank line, the words standing in those columns.

Precision first: a header is read so only where it names points (分值 or 得分) and values, each heading a word set
apart by two spaces or more; a word is a value only where it stands within its heading's column, aligned with the
heading's start or end (text columns are set flush left, figures flush right); a row holding a word across a
column's bounds, or off both ends of its heading, is left as it stands (its figures then do not fall into the
columns, and the table is not read).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from tieout.linter.patterns import regex

from .cells import flatten
from .vocab import scored, words

Metric = Callable[[str], int]

# a header's heading, or a row's cell: a run of words set apart by two spaces or more from the next
CELL = regex(r"\S+(?: \S+)*")
# a line of prose (a note under the table, `注：…，…`): no row, and the table's end
PROSE = regex(r"[，。；]")
ALIGN = 1  # display columns a value may stand off its heading's start (flush left) or end (flush right)
# a remark's heading that opens with a value heading's words (`偏差原因分析及改进措施`)
LONG_VALUE = 4


@dataclass(frozen=True, slots=True)
class _Column:
    """A column of values: its heading's start and end, and where the next heading starts (None: the last)."""

    start: int
    end: int
    bound: int | None


def mask_values(lines: list[str], metrics: tuple[Metric, ...], is_row: Callable[[str], bool]) -> None:
    """Blank out, in place, the headings and the cells of the columns of values of every score table of `lines`
    (module doc); `is_row` tells a line of a label and figures, which a row must be once its values are out."""
    k = 0
    while k < len(lines):
        line = lines[k]
        k += 1
        if "分" not in line or not _value_heading_in(line):
            continue
        for metric in metrics:
            columns = _columns(line, metric)
            if columns and _mask_rows(lines, k, columns, metric, is_row):
                lines[k - 1] = _blanked(line)
                break


def _value_heading_in(line: str) -> bool:
    """Does the line hold a word of a value's heading (the cheap test, before the line is split)?"""
    return any(v in line for v in words("value_headers"))


def _value(heading: str) -> bool:
    text = flatten(heading)
    return any(text == v or len(v) >= LONG_VALUE and text.startswith(v) for v in words("value_headers"))


def _columns(line: str, metric: Metric) -> list[_Column]:
    """The header's columns of values, when it is a score table's (it names points and values, and its
    headings are set two spaces or more apart); [] otherwise."""
    found = list(CELL.finditer(line))
    if len(found) < 3 or not any(scored(m.group()) for m in found):
        return []
    out = []
    for i, m in enumerate(found):
        if _value(m.group()):
            bound = metric(line[: found[i + 1].start()]) if i + 1 < len(found) else None
            out.append(_Column(metric(line[: m.start()]), metric(line[: m.end()]), bound))
    return out


def _mask_rows(lines: list[str], k: int, columns: list[_Column], metric: Metric, is_row: Callable[[str], bool]) -> bool:
    """Blank the values of the rows from line k on, up to a blank line or one of prose (a note under the table);
    True when one row at least was so made a row of figures (the header is then one of such a table). A line
    whose words do not stand in the header's columns leaves every line as it stands: the table is then not read
    by its columns of points (read from a row below it, it would be a part of itself)."""
    blanked: dict[int, str] = {}
    while k < len(lines) and lines[k].strip() and not PROSE.search(lines[k]):
        row = _row_blanked(lines[k], columns, metric)
        if row is None:
            return False
        if row != lines[k] and is_row(row):
            blanked[k] = row
        k += 1
    for j, row in blanked.items():
        lines[j] = row
    return bool(blanked)


def _row_blanked(line: str, columns: list[_Column], metric: Metric) -> str | None:
    """The row with its words in the columns of values blanked out; None when a word stands across a column's
    bounds or in one off both ends of its heading (the row is then not laid out by the header)."""
    spans = []
    for m in CELL.finditer(line):
        a, b = metric(line[: m.start()]), metric(line[: m.end()])
        for c in columns:
            inside = a >= c.start - ALIGN and (c.bound is None or b <= c.bound)
            if not inside:
                if a < c.end and b > c.start:
                    return None  # (across the column's start: a word of the column before, running into it)
                continue
            if abs(a - c.start) > ALIGN and abs(b - c.end) > ALIGN and c.bound is not None:
                return None
            spans.append(m.span())
            break
    return _blank_spans(line, spans)


def _blanked(line: str) -> str:
    """The header line with its headings of values blanked out."""
    spans = [m.span() for m in CELL.finditer(line) if _value(m.group())]
    return _blank_spans(line, spans)


def _blank_spans(line: str, spans: list[tuple[int, int]]) -> str:
    """The line with the characters of each span replaced by blanks of their display width (an ideographic space
    for a wide character): its length and the columns of what follows unchanged."""
    out = list(line)
    for a, b in spans:
        for i in range(a, b):
            out[i] = "\u3000" if _wide(out[i]) else " "
    return "".join(out)


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"
