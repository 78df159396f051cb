"""Rows labelled by a bare year under a header that names its label column 年度 (or 年份), a table of one
quantity over the years:

    年度        预算安排        实际支出        执行率（%）
    2022        2,147.13        1,913.09        89.10
    2023        2,880.36        2,834.27        98.40
    合计        5,027.49        4,747.36        94.43

The year is the row's label, not a figure of its first column; a line of figures alone is no row (`_data` wants a
Chinese label). Before the rows are read, each such year gets its 年 in place of the space right after it
(`2022年       2,147.13`): the line's length and every offset in it stay as they were, so that each figure's
place in the original text is unchanged.

Precision first: only under a header line that opens with the label column's heading 年度 or 年份 (`年  份`) and
names two columns or more after it, on the lines up to a blank one (the columns' headings may go on over the lines
below the first), a line whose first word is a year (19xx, 20xx) set two spaces or more apart from a figure after
it, and nothing but figures or dashes after it.
"""

from __future__ import annotations

from tieout.linter.patterns import regex

from .values import CELL  # (the header's cells: words set apart by two spaces or more)

# the label column's heading of a table by years
YEAR_HEADING = regex(r"\s*年\s{0,3}[度份](?=\s{2,}\S)")
# a row opening with its year, then figures (or dashes) only, each set apart by spaces
YEAR_ROW = regex(r"^\s*(?:19|20)\d{2}(?= {2,}\S)")
FIGURES_AFTER = regex(r"(?:\s+(?:[-−+]?\d[\d,]*(?:\.\d+)?%?|[-—–－]{1,2}))+\s*$")


def mask_years(lines: list[str]) -> None:
    """Give, in place, each year labelling a row of a table by years its 年 (module doc)."""
    for k, line in enumerate(lines):
        if "年" not in line or not _year_header(line):
            continue
        j = k + 1
        while j < len(lines) and lines[j].strip():
            year = YEAR_ROW.match(lines[j])
            if year is not None and FIGURES_AFTER.match(lines[j], year.end()):
                at = year.end()
                lines[j] = f"{lines[j][:at]}年{lines[j][at + 1 :]}"
            j += 1


def _year_header(line: str) -> bool:
    """Does the line open with 年度 (年份, its two characters spaced or not) and name two columns or more after it (the
    columns' headings may go on over the lines below it: `年份  中央转移支付  省级财政` / `预算  实际  到位率 …`)?"""
    opening = YEAR_HEADING.match(line)
    return opening is not None and len(CELL.findall(line, opening.end())) >= 2
