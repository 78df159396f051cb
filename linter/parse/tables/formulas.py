"""Column formulas a table states in its column-numbering row (`1 | 2 | 3=2/1*100 | 4 | 5=2-4 | 6=5/4*100`,
`A=B+C`): each such column is defined, row by row, by the columns it names."""

from __future__ import annotations

import ast
import re
from collections import Counter
from dataclasses import dataclass

from tieout.linter.patterns import regex

from .cells import ROW_MARK, flatten
from .header import COLUMN_NUMBER, _numbering
from .model import Row, Side, Table
from .relations import Relation, summable

FORMULA = regex(r"^(?P<name>\d{1,2}|[A-Z])=(?P<expr>[\dA-Z+\-*/×÷()（）.]+)$")


@dataclass
class ColumnFormula:
    """A formula of a table's numbering row (`3=2/1*100`): the column it defines and the columns it uses."""

    column: int  # grid column the formula defines
    text: str  # as written: 3=2/1*100
    tree: ast.expr  # the expression, with names c<grid column> for the columns it uses
    columns: list[int]  # grid columns it uses
    # a quotient not multiplied by 100 (`3=2/1`, `6=5/4`): over a column of percents it gives the ratio, and
    # the column writes it as a percent (`执行为预算%` 101.2 for 2/1 = 1.012)
    bare_ratio: bool = False


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
    bare_ratio = "/" in expr and "100" not in re.findall(r"\d+(?:\.\d+)?", expr)
    return ColumnFormula(column, text, tree, used, bare_ratio)


def row_formula_relations(table: Table) -> list[Relation]:
    """The rows a table defines by a formula of other rows' letters in its 公式 column (`A=B+D`): in each figure
    column, the row's figure is the rows' it names added and subtracted. Read only where the formula's letter and
    every letter it names mark exactly one row of the side each (a text table's header may lose the column's
    name `公式`: the formula written out is what says the letters are the rows')."""
    out: list[Relation] = []
    for side in table.sides:
        if not _holds_formula(table, side):
            continue  # (no `=` in a row's label or descriptor cells, most sides: no formula, the rows' marks not read)
        cols = summable(side)
        marks = [(row, *_row_mark(table, side, row)) for row in side.rows]
        letters = Counter(m.group("name") for _, m, _ in marks if m is not None)
        at = {m.group("name"): row.index for row, m, _ in marks if m is not None}
        for row, m, item in marks:
            if m is None or not m.group("expr"):
                continue
            names = re.findall(r"[A-Z]", m.group("expr"))
            if m.group("name") in names or any(letters[n] != 1 for n in [m.group("name"), *names]):
                continue
            signs = [-1 if op == "-" else 1 for op in re.findall(r"(?:^|[+\-])(?=[A-Z])", "+" + m.group("expr"))]
            name = f"{item}：{m.group()}" if item else m.group()
            for c in cols:
                parts = [(at[n], c) for n in names]
                out.append(Relation("identity", (row.index, c), parts, signs, where=item, name=name))
    return out


def _holds_formula(table: Table, side: Side) -> bool:
    """Does a row of the side hold `=` in its label or a descriptor cell, as a formula (`ROW_MARK`'s `expr`) does?"""
    for row in side.rows:
        if "=" in row.label:
            return True
        for c in side.descriptors:
            cell = table.cell(row.index, c)
            if cell is not None and "=" in cell.text:
                return True
    return False


def _row_mark(table: Table, side: Side, row: Row) -> tuple[re.Match[str] | None, str]:
    """The row's letter or formula (`ROW_MARK`), in a descriptor column's cell of its own or at the label's end,
    and the row's item without it (`二、还本预计执行数`)."""
    texts = [flatten(cell.text) for c in side.descriptors if (cell := table.cell(row.index, c)) is not None]
    texts = [t for t in texts if t]
    for k, text in enumerate(texts):
        found = ROW_MARK.fullmatch(text)
        if found is not None and len(texts) > 1:
            return found, "".join(texts[:k] + texts[k + 1 :])
    label = flatten(row.label)
    found = ROW_MARK.search(label)
    return found, label[: found.start()] if found is not None else label
