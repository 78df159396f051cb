"""Columns a table defines by a formula in its numbering row (3=2/1*100, 5=4-2), row by row."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from decimal import Decimal

from tieout.linter.figures.intervals import HUNDRED, Interval, add, fmt, interval, mul, sub
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.tables import Table
from tieout.linter.parse.tables.formulas import ColumnFormula, column_formulas
from tieout.linter.rules.base import CheckContext, Outcome


class _Blank(Exception):
    """An operand the row leaves blank (or not a figure): the formula is not checked in that row."""


def evaluate(node: ast.expr, values: dict[str, Quantity | None]) -> tuple[Interval, Decimal]:
    """The formula's interval and its value from the figures as written."""
    if isinstance(node, ast.Constant):
        v = Decimal(str(node.value))
        return (v, v), v
    if isinstance(node, ast.Name):
        q = values.get(node.id)
        if q is None:
            raise _Blank
        return interval(q), q.base_value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        (a, b), v = evaluate(node.operand, values)
        return (-b, -a), -v
    if isinstance(node, ast.BinOp):
        x, xv = evaluate(node.left, values)
        y, yv = evaluate(node.right, values)
        return _op(node.op, x, y), _value(node.op, xv, yv)
    raise _Blank


def _op(op: ast.operator, x: Interval, y: Interval) -> Interval:
    if isinstance(op, ast.Add):
        return add([x, y])
    if isinstance(op, ast.Sub):
        return sub(x, y)
    if isinstance(op, ast.Mult):
        return mul(x, y)
    if isinstance(op, ast.Div):
        if y[0] <= 0 <= y[1]:
            raise _Blank  # a base that may be zero: no rate
        c = [x[0] / y[0], x[0] / y[1], x[1] / y[0], x[1] / y[1]]
        return min(c), max(c)
    raise _Blank


def _value(op: ast.operator, x: Decimal, y: Decimal) -> Decimal:
    if isinstance(op, ast.Add):
        return x + y
    if isinstance(op, ast.Sub):
        return x - y
    if isinstance(op, ast.Mult):
        return x * y
    return x / y


def table_formula_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """Every column a table defines by a formula, row by row. A formula that most rows of a table break (two
    or more) is taken as misread there, neither failures nor rounding misses said, unless it holds in most
    rows of another table of the document."""
    judged = []
    for table in ctx.facts.tables:
        for f in column_formulas(table):
            rows = (_formula_row(ctx, table, row.index, f) for side in table.sides for row in side.rows)
            outcomes = [o for o in rows if o is not None]
            # a rounding miss counts neither way: the formula is read right, a figure is a unit off
            fails = sum(1 for o in outcomes if o.verdict == "fail")
            passes = sum(1 for o in outcomes if o.verdict == "pass")
            judged.append((f.text, fails, passes, outcomes))
    # a formula that holds in most rows of some table of the document is read right: where most rows
    # of another table break it, the table is wrong; a formula that holds nowhere was misread
    trusted = {text for text, fails, passes, _ in judged if passes > fails}
    for text, fails, passes, outcomes in judged:
        if text in trusted or not (fails >= 2 and fails > passes):
            yield from outcomes


def _formula_row(ctx: CheckContext, table: Table, r: int, f: ColumnFormula) -> Outcome | None:
    stated = table.quantity(r, f.column)
    if stated is None:
        return None
    values = {f"c{c}": _operand(table, r, c) for c in f.columns}
    try:
        computed, exact = evaluate(f.tree, values)
    except (_Blank, ArithmeticError):
        return None
    if f.bare_ratio and stated.kind == "percent":
        computed, exact = mul(computed, (HUNDRED, HUNDRED)), exact * 100  # (the ratio as the percent the column writes)
    operands = [q for q in values.values() if q is not None]
    own = interval(stated)
    if stated.value == 0 and stated.kind == "percent":  # a rate written 0 is a rounded rate
        half = stated.ulp / 2
        own = (-half, half)
    verdict = ctx.judge(own, computed, stated.ulp * stated.scale)
    if verdict == "pass":
        return Outcome(stated, "pass", "formula", operands=operands)
    expected = _written(exact / stated.scale, stated)
    return Outcome(
        stated,
        verdict,
        "formula",
        [(q, "公式中的数") for q in operands],
        f"该列按表头公式 {f.text} 计算应为 {expected}，表中为 {stated.text}",
        stated.text,
        expected,
        expected if verdict == "fail" else None,
        operands=operands,
    )


def _written(value: Decimal, like: Quantity) -> str:
    """A value as the stated cell writes its figures (decimals, thousands separators); never `-0`."""
    text = f"{value:,.{like.decimals}f}" if like.separators else fmt(value, like.decimals)
    return "0" if text.lstrip("-").strip("0.,") == "" and text.startswith("-") else text


def _operand(table: Table, r: int, c: int) -> Quantity | None:
    q = table.quantity(r, c)
    if q is not None:
        return q
    if table.is_blank(r, c) and table.blank_zero:
        return _zero(table, r, c)
    return None


def _zero(table: Table, r: int, c: int) -> Quantity | None:
    """A blank operand in a table whose blanks are nothing: an exact zero at the cell."""
    cell = table.cell(r, c)
    if cell is None:
        return None
    from tieout.linter.parse.tables.cells import Cell, quantity

    return quantity(Cell("0", cell.start, cell.start, r, c), table.column_units.get(c, table.unit))
