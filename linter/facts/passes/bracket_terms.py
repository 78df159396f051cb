"""A figure followed by the terms it was computed from, in brackets (`收支结余 330.44 万元（总收入 43,038.51 万元－总费用
42,708.07 万元）`, `净资产 N（资产总额 A－负债总额 L）`): the figure is that sum or difference, a written formula without
its `=`. A minus may be written in words (`结转和结余 N（收入总计 A减支出合计 B）`, `减去`, `扣除`), and the terms may
follow the figure as what it is the rest of (`结余 N，系收入总计 A扣除全年支出 B后的余额`).

Read only where the bracket opens right after the figure and holds nothing but its terms: two or more figures of the
figure's unit, each named (a name of a few words, no figure of its own), every term after the first opened by `＋` or
`－` (or a word of minus), the bracket closing right after the last term; in words, the clause right after the figure
opening with `系` and closing with `后的余额` (or 结余, 差额) right after the last term.
"""

from __future__ import annotations

from collections.abc import Iterator
from re import Pattern
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Formula, Mention
from tieout.linter.facts.passes.base import exact_figure, exact_of
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# the text between the figure and its first term: the bracket opening, nothing else; or the clause's comma, the
# first term's name then opening with 系 (`N，系 A扣除 B后的余额`)
OPENS = regex(r"\s*[（(]\s*$")
OPENS_CLAUSE = regex(r"\s*[，,]\s*$")
# a term's label: its operator (none for the first), then its name (the normaliser writes `－` as `-`); a minus in
# words (`减`, `减去`, `扣除`), not a word of change opening with 减 (`减少`, `减免`, `减持`)
TERM = regex(r"^\s*(?P<op>[－−\-+＋]|减去|扣除|扣减|减(?![少免持缓幅半]))?\s*(?P<name>[\u4e00-\u9fff“”]{2,12})\s*$")
# the first term's name in the clause form: `系收入总计`
CLAUSE_FIRST = regex(r"^\s*系\s*(?P<name>[\u4e00-\u9fff“”]{2,12})\s*$")
# what may stand between the last term and the bracket's close; the clause's close: what the figure is the rest of
CLOSES = regex(r"\s*[）)]")
CLOSES_CLAUSE = regex(r"\s*后的?(?:余额|结余|差额|净额)")
OPERATORS = {"－": "-", "−": "-", "-": "-", "+": "+", "＋": "+", "减去": "-", "扣除": "-", "扣减": "-", "减": "-"}


def bracket_terms(draft: Draft) -> Iterator[Formula]:
    """Each figure whose bracket right after it holds the terms of its sum or difference."""
    text = draft.doc.text
    for si, mentions in draft.by_sentence.items():
        span = draft.doc.sentences[si]
        said = text[span.start : span.end]
        if "（" not in said and "(" not in said and "系" not in said:
            continue
        ordered = sorted(mentions, key=lambda x: x.start)
        for i, m in enumerate(ordered[:-2]):
            q = exact_figure(m)
            if q is None or q.kind != "amount":
                continue
            found = _terms(text, ordered[i + 1 :], q, _form(text, q, ordered[i + 1]))
            if found is not None:
                operands, ops = found
                expression: list[str | int] = [0]
                for k, op in enumerate(ops, start=1):
                    expression += [op, k]
                yield Formula(m.key or m.label, operands, ops, q, si, expression)


def _form(text: str, q: Quantity, nxt: Mention) -> tuple[Pattern[str], Pattern[str]] | None:
    """How the terms follow the figure: in a bracket right after it (the first term's name and the close), or in the
    clause after its comma (`，系…后的余额`); None when neither opens right after it."""
    between = text[q.end : nxt.start - len(nxt.label)]
    if OPENS.match(between):
        return TERM, CLOSES
    if OPENS_CLAUSE.match(between) and CLAUSE_FIRST.match(nxt.label):
        return CLAUSE_FIRST, CLOSES_CLAUSE
    return None


def _terms(
    text: str, after: list[Mention], figure: Quantity, form: tuple[Pattern[str], Pattern[str]] | None
) -> tuple[list[Quantity], list[str]] | None:
    """The terms in the bracket (their figures and the operators between them), when it holds nothing else."""
    if form is None:
        return None
    first, closes = form
    operands: list[Quantity] = []
    ops: list[str] = []
    for k, p in enumerate(after):
        term = (TERM if k else first).match(p.label)
        q = exact_of(p, figure.base_unit)
        if term is None or q is None or len(p.quantities) != 1 or bool(term.groupdict().get("op")) != (k > 0):
            return None
        if k:
            ops.append(OPERATORS[term.group("op")])
        operands.append(q)
        if closes.match(text, q.end):
            return (operands, ops) if len(operands) >= 2 else None
    return None
