"""The predicates the readers of plain-text tables imported on demand start by asking, each the one their reading
cannot go without.

`build.find_tables` imports the reader of two-sided tables (twosided.py) and of side-by-side tables
(sidebyside.py) on a document where its predicate holds only: most reports hold no such table, and the two
modules (with their patterns and classes) were imported for nothing in every check of a text report. Each reader
starts by asking the same predicate, defined here, so the gate cannot leave out a table it would have read
(tests/test_lean_start.py).
"""

from __future__ import annotations

from tieout.linter.text.model import Document

from .lineshapes import CELL_TOKEN, CJK, ROW_END_MARKS
from .row_lines import table_lines

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")  # the files whose lines the text's tables are read from


def may_pair(line: str) -> bool:
    """A line that may be a two-sided row: it ends in a figure (or a dash), and a Chinese word follows its first
    figure (twosided.py's cheap test, which most lines of a report fail)."""
    s = line.rstrip()
    if not s or not (s[-1].isdecimal() or s[-1] in ROW_END_MARKS):
        return False
    first = CELL_TOKEN.search(s)
    return first is not None and CJK.search(s, first.end()) is not None


def two_sided_held(doc: Document) -> bool:
    """A text report naming 收 with two lines at least that may be two-sided rows: a two-sided table is read from
    two such rows or more (`twosided.find_two_sided`), among the lines as it reads them."""
    if not doc.path.endswith(TEXT_SUFFIXES) or "收" not in doc.original:
        return False
    rows = (line for line in table_lines(doc.original) if may_pair(line))
    return next(rows, None) is not None and next(rows, None) is not None


def side_by_side_held(doc: Document) -> bool:
    """A text report naming 科目: what `sidebyside.find_side_by_side` asks before it reads any line."""
    return doc.path.endswith(TEXT_SUFFIXES) and "科目" in doc.original
