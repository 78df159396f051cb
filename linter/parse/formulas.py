"""Evaluating written formulas: the operator and operand sequence, parsed by grammar/arithmetic.lark.

A formula's `expression` is a list of items: operator characters (`(`, `)`, `+`, `-`, `*`, `/`) and operand
indices (ints). Percent operands count as fractions (100% is 1), so `A/B*100%` is the ratio itself.
"""

from __future__ import annotations

from decimal import Decimal

OPERATOR_TYPES = {
    "+": "ADD",
    "-": "SUB",
    "*": "MUL",
    "×": "MUL",
    "/": "DIV",
    "÷": "DIV",
    "(": "LPAR",
    "（": "LPAR",
    ")": "RPAR",
    "）": "RPAR",
}
HUNDRED = Decimal(100)


def well_formed(expression: list) -> bool:
    """Does the expression parse? (The grammar, and lark with it, is loaded on first use: the rule listing and
    a report without formulas never pay for it.)"""
    from tieout.linter.parse import arithmetic

    return arithmetic.well_formed(expression)


def evaluate(expression: list, values: list[Decimal]) -> Decimal | None:
    """The formula's value, or None when it divides by zero or does not parse."""
    from tieout.linter.parse import arithmetic

    return arithmetic.evaluate(expression, values)


def render(expression: list, operands: list) -> str:
    """The expression as text, operands by their written form."""
    return "".join(operands[x].text if isinstance(x, int) else x for x in expression)
