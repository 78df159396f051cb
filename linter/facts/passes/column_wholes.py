"""A share's whole named as another column of the table its text follows (`电费支出合计 a，占运维成本的 p%` right after a
table whose columns are `运维成本 | 电费支出` and whose 合计 row holds a under 电费支出): the whole is the cell of the
part's row in the column the share's words name.

Taken only where nothing is left open: the share's sentence is in the first paragraph after the table (the prose
that comments on it, no other text between); the table's columns are placed by their names (not by position
alone); the share's words name exactly one of its columns (its heading, a unit note aside) and the part exactly
one cell, whose column heading the part's words state and whose row they name (the row's own name, or a total
word for the table's total row); the whole is that row's cell of the named column, of the part's unit and kind.
The whole's name is the table's, not the prose's: inferred, a warning at most.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tieout.linter.facts.model import Mention, Share
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft
    from tieout.linter.parse.tables import Column, Row, Table

# a heading's unit note (`运维成本（万元）`): no part of the column's name
UNIT_NOTE = regex(r"[（(][^（）()]*[）)]$")
# the words a part's label names a table's total row by (`电费支出合计`, `共计`)
TOTAL_WORD = regex(r"合计|总计|共计|总额")
# the characters a share's words have at least to name a column as its whole (`运维成本`; not `成本`)
COLUMN_LEAST = 4


def tabled_column_whole(draft: Draft, s: Share, part: Mention) -> Quantity | None:
    """The cell of the part's row in the column the share's words name, of the table the share's paragraph
    follows; None where the table, the column, the part's cell or its row is not certain."""
    named = s.base_label.strip().removesuffix("的")
    if s.part is None or len(named) < COLUMN_LEAST or not draft.facts.tables:
        return None
    table = _table_followed(draft, s.sentence)
    if table is None or table.by_position:
        return None
    columns = [c for side in table.sides for c in side.columns if _name(c) == named]
    cell = _part_cell(table, s.part, part.label)
    if len(columns) != 1 or cell is None or columns[0].index == cell[1]:
        return None
    whole = table.quantity(cell[0], columns[0].index)
    if whole is None or not whole.exact or whole.kind != s.part.kind or whole.base_unit != s.part.base_unit:
        return None
    return whole


def _table_followed(draft: Draft, si: int) -> Table | None:
    """The table whose end the sentence's paragraph comes right after, None where another text stands between."""
    doc = draft.doc
    for table in draft.facts.tables:
        end = max((c.end for row in table.rows for c in row), default=0)
        first = doc.sentence_index(end) + 1
        if first < len(doc.sentences) and doc.sentences[first].start >= end:
            if first <= si and doc.sentences[first].paragraph == doc.sentences[si].paragraph:
                return table
    return None


def _part_cell(table: Table, q: Quantity, label: str) -> tuple[int, int] | None:
    """(grid row, grid column) of the one cell holding the part exactly, its column and row named by the part's
    words."""
    found = [
        (row, column)
        for side in table.sides
        for row in side.rows
        for column in side.columns
        if (cell := table.quantity(row.index, column.index)) is not None
        and cell.exact
        and cell.base_unit == q.base_unit
        and cell.base_value == q.base_value
    ]
    if len(found) != 1:
        return None
    row, column = found[0]
    words = "".join(label.split())
    name = _name(column)
    if len(name) < 2 or name not in words or not _row_named(row, words):
        return None
    return row.index, column.index


def _row_named(row: Row, words: str) -> bool:
    """Do the part's words name its row: its own name, or, for the table's total row, a total word?"""
    if row.total == "grand":
        return TOTAL_WORD.search(words) is not None
    label = "".join(row.label.split())
    return not row.total and len(label) >= 2 and label in words


def _name(column: Column) -> str:
    """A column's name: its deepest heading, its unit note aside."""
    return UNIT_NOTE.sub("", "".join(column.path[-1].split())) if column.path else ""
