"""Column formulas a table states in its column-numbering row (`1 | 2 | 3=2/1*100 | 4 | 5=2-4 | 6=5/4*100`,
`A=B+C`): each such column is defined, row by row, by the columns it names."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from tieout.linter.patterns import regex

from .cells import flatten
from .header import COLUMN_NUMBER, _numbering
from .model import Table

FORMULA = regex(r"^(?P<name>\d{1,2}|[A-Z])=(?P<expr>[\dA-Z+\-*/×÷()（）.]+)$")


@dataclass
class ColumnFormula:
    """A formula of a table's numbering row (`3=2/1*100`): the column it defines and the columns it uses."""

    column: int  # grid column the formula defines
    text: str  # as written: 3=2/1*100
    tree: ast.expr  # the expression, with names c<grid column> for the columns it uses
    columns: list[int]  # grid columns it uses


def column_formulas(table: Table) -> list[ColumnFormula]:
    """The formulas of the table's numbering row; [] when it has none or names a column it lacks."""
    for row in table.rows[: table.header_rows]:
        if not _numbering(row):
            continue
        names: dict[str, int] = {}
        for c, cell in enumerate(row):
            t = flatten(cell.text)
            if COLUMN_NUMBER.match(t):
                names[t.split("=")[0]] = c
        out = []
        for c, cell in enumerate(row):
            m = FORMULA.match(flatten(cell.text))
            if m:
                f = _parse(m.group("expr"), names, c, flatten(cell.text))
                if f is None:
                    return []
                out.append(f)
        return out
    return []


def _parse(expr: str, names: dict[str, int], column: int, text: str) -> ColumnFormula | None:
    expr = expr.replace("×", "*").replace("÷", "/").replace("（", "(").replace("）", ")")
    used: list[int] = []

    def name(m: re.Match[str]) -> str:
        token = m.group()
        if token == "100" or token not in names:
            return token if token == "100" else "?"
        used.append(names[token])
        return f"c{names[token]}"

    source = re.sub(r"\d+(?:\.\d+)?|[A-Z]", name, expr)
    if "?" in source or not used:
        return None
    try:
        tree = ast.parse(source, mode="eval").body
    except SyntaxError:
        return None
    return ColumnFormula(column, text, tree, used)
