"""Tables of the normalised text (Markdown pipe rows, from Markdown or rendered from Word and PDF tables)
read as auditors read them: header paths and column roles, sides of a two-sided table, rows with their
classification codes or enumeration forming a tree, units, and each table's context (scope, fund, stage,
period) for the identity of its cells. See `model.py` for the model and `lookup.py` for finding the cell
that is a given quantity.
"""

from .build import document_context, find_tables
from .cells import Cell
from .model import Column, Row, Side, Table

__all__ = ["Cell", "Column", "Row", "Side", "Table", "document_context", "find_tables"]
