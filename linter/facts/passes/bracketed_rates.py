"""Rates whose two figures are written in a bracket right after them (`持证率 81.83%（持证 178 人/在岗 205 人）`,
`达标率 92.5%（达标 37 个，共 40 个）`): the sentence pass reads such a rate with no operands, since its figures
come after it; the bracket's figures are its operands. A satisfaction rate's bracket may hold the answers
of its option alone (`满意度为 93.00%（满意 1035 份）`): their base is the questionnaires stated before."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Mention
from tieout.linter.facts.passes.base import BRACKET_AFTER, BRACKET_CLOSE, Completed
from tieout.linter.facts.passes.surveys import ANSWER_END, SATISFACTION_RATE
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# what makes the two figures numerator over whole: a slash between them (`178 人/在岗 205 人`), or the second
# named as the whole (`37 个，共 40 个`)
OVER = regex(r"\s*[/／÷]")
WHOLE_NAME = regex(r"^[/／]?(?:共计|共|总计|总数|合计|总)")


def bracketed_rates(draft: Draft) -> Iterator[Completed]:
    """A rate with no operands whose bracket right after it holds exactly two figures, exact, of one unit, counts
    or amounts, and nothing else: those are its operands, numerator over whole when a slash parts them or the
    second is named as the whole; else either way round (the check then counts only a fit)."""
    for r in draft.facts.rates:
        if r.operands or r.formula is not None or r.stated.kind != "percent":
            continue
        found = _bracket(draft, r.stated, r.name, draft.by_sentence.get(r.sentence) or [])
        if found is not None and len(found) == 1:
            # `满意度为 93.00%（满意 1035 份）`: the answers of one option, over the questionnaires answered that
            # the sentence before states (checks/rates.py `_answers_before`)
            (m, q) = found[0]
            yield Completed(r, replace(r, operands=[q], labels=[m.key]))
        elif found is not None:
            (a, qa), (b, qb) = found
            ordered = bool(OVER.match(draft.doc.text, qa.end, qb.start) or WHOLE_NAME.match(b.label))
            yield Completed(r, replace(r, operands=[qa, qb], labels=[a.key, b.key], ordered=ordered))


def _bracket(
    draft: Draft, stated: Quantity, stated_name: str, mentions: list[Mention]
) -> list[tuple[Mention, Quantity]] | None:
    text = draft.doc.text
    opened = BRACKET_AFTER.match(text, stated.end)
    if opened is None:
        return None
    close = BRACKET_CLOSE.search(text, opened.end())
    if close is None:
        return None
    inside = [(m, q) for m in mentions for q in m.quantities if opened.end() <= q.start < close.start()]
    if not all(q.exact and q.kind in ("amount", "count") for _, q in inside):
        return None
    if len(inside) == 1 and SATISFACTION_RATE.search(stated_name) and ANSWER_END.search(inside[0][0].label):
        return inside
    if len(inside) != 2:
        return None
    (a, qa), (b, qb) = inside
    if a is b or qa.base_unit != qb.base_unit or draft.doc.text.find("%", opened.end(), close.start()) >= 0:
        return None
    return inside
