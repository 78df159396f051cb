"""The arithmetic grammar (grammar/arithmetic.lark) behind `formulas.well_formed` and `formulas.evaluate`: kept
apart so that importing `formulas` does not import lark.

Its parser comes from the LALR tables cached on disk as the sentence grammar's does (`grammar_cache`): building
it from the grammar imports lark's grammar loader and front ends and runs its LALR analysis, a sixth of a cold
`tieout check` of a report that writes a formula out. The parser builds lark's tree, which `_Evaluate`
transforms, as a parser lark built from the grammar does."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path

import tieout.grammar
from tieout.linter.parse.formulas import OPERATOR_TYPES
from tieout.linter.parse.grammar_cache import KeptParser, cached_parser
from tieout.linter.parse.lalr import LarkError, Lexer, Token, Transformer


class _Stream(Lexer):
    def __init__(self, conf: object) -> None:
        pass

    def lex(self, data):  # type: ignore[override]
        yield from data


class _Evaluate(Transformer):
    def __init__(self, values: list[Decimal]) -> None:
        super().__init__()
        self.values = values

    def number(self, c):
        return self.values[int(c[0])]

    def add(self, c):
        return c[0] + c[2]

    def sub(self, c):
        return c[0] - c[2]

    def mul(self, c):
        return c[0] * c[2]

    def div(self, c):
        return c[0] / c[2]

    def neg(self, c):
        return -c[1]

    def group(self, c):
        return c[1]

    def start(self, c):
        return c[0]


_PARSER: KeptParser | None = None


def _parser() -> KeptParser:
    global _PARSER
    if _PARSER is None:
        # (from the package's folder: see linter/vocab's `load`)
        grammar = Path(tieout.grammar.__file__).with_name("arithmetic.lark").read_text(encoding="utf-8")
        _PARSER = cached_parser(grammar, dict(parser="lalr", lexer=_Stream))
    return _PARSER


def tokens(expression: list) -> list[Token]:
    return [Token("NUMBER", str(x)) if isinstance(x, int) else Token(OPERATOR_TYPES[x], x) for x in expression]


def well_formed(expression: list) -> bool:
    try:
        _parser().parse(tokens(expression))
    except LarkError:
        return False
    return True


def evaluate(expression: list, values: list[Decimal]) -> Decimal | None:
    """The formula's value, or None when it divides by zero or does not parse."""
    try:
        tree = _parser().parse(tokens(expression))
        result = _Evaluate(values).transform(tree)
    except (LarkError, InvalidOperation, ArithmeticError):
        return None
    except Exception as exc:  # a VisitError wraps the arithmetic error raised inside the transformer
        if isinstance(getattr(exc, "orig_exc", None), (InvalidOperation, ArithmeticError)):
            return None
        raise
    return result if isinstance(result, Decimal) else None
