"""A figure followed by the terms it was computed from, in brackets (`收支结余 330.44 万元（总收入 43,038.51 万元－总费用
42,708.07 万元）`, `净资产 N（资产总额 A－负债总额 L）`): the figure is that sum or difference, a written formula without
its `=`.

Read only where the bracket opens right after the figure and holds nothing but its terms: two or more figures of the
figure's unit, each named (a name of a few words, no figure of its own), every term after the first opened by `＋` or
`－`, the bracket closing right after the last term.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Formula, Mention
from tieout.linter.facts.passes.base import exact_figure, exact_of
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# the text between the figure and its first term: the bracket opening, nothing else
OPENS = regex(r"\s*[（(]\s*$")
# a term's label: its operator (none for the first), then its name (the normaliser writes `－` as `-`)
TERM = regex(r"^\s*(?P<op>[－−\-+＋]?)\s*(?P<name>[\u4e00-\u9fff“”]{2,12})\s*$")
# what may stand between the last term and the bracket's close
CLOSES = regex(r"\s*[）)]")
OPERATORS = {"－": "-", "−": "-", "-": "-", "+": "+", "＋": "+"}


def bracket_terms(draft: Draft) -> Iterator[Formula]:
    """Each figure whose bracket right after it holds the terms of its sum or difference."""
    text = draft.doc.text
    for si, mentions in draft.by_sentence.items():
        span = draft.doc.sentences[si]
        if "（" not in text[span.start : span.end] and "(" not in text[span.start : span.end]:
            continue
        ordered = sorted(mentions, key=lambda x: x.start)
        for i, m in enumerate(ordered[:-2]):
            q = exact_figure(m)
            nxt = ordered[i + 1]
            if q is None or q.kind != "amount" or not OPENS.match(text[q.end : nxt.start - len(nxt.label)]):
                continue
            found = _terms(text, ordered[i + 1 :], q.base_unit)
            if found is not None:
                operands, ops = found
                expression: list[str | int] = [0]
                for k, op in enumerate(ops, start=1):
                    expression += [op, k]
                yield Formula(m.key or m.label, operands, ops, q, si, expression)


def _terms(text: str, after: list[Mention], unit: str) -> tuple[list[Quantity], list[str]] | None:
    """The terms in the bracket (their figures and the operators between them), when it holds nothing else."""
    operands: list[Quantity] = []
    ops: list[str] = []
    for k, p in enumerate(after):
        term = TERM.match(p.label)
        q = exact_of(p, unit)
        if term is None or q is None or len(p.quantities) != 1 or bool(term.group("op")) != (k > 0):
            return None
        if k:
            ops.append(OPERATORS[term.group("op")])
        operands.append(q)
        if CLOSES.match(text, q.end):
            return (operands, ops) if len(operands) >= 2 else None
    return None
