"""The money some projects involve, named by the quantity itself after the involving word (`共设置绩效目标的项目 n 个，
涉及一般公共预算项目支出 X 万元`): the words say X is a fund's 项目支出, so in a budget X is that fund's 项目支出 the
report states elsewhere, restated (TO201). `涉及资金 X` names nothing by itself (identity.py INVOLVING: what the
clause before involves, a sum over the projects it names, which may be some of them: evaluated, selected, in a
library): it is never read so.

Read only with certainty: the figure's own label is an involving word, a fund budget's name and an item of the whole
(vocab relations.yaml `involved_named`), nothing else; the sentence narrows no projects before the figure (`重点`,
`新增`, `选取`: `narrowing`) nor states another sum of money; the document is a department's budget; the whole is
stated elsewhere, outside the figure's sentence, with one value under that item in the figure's fund, scope and
period, of the budget (stage 预算), its own words naming it.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from tieout.linter.facts.identity import INVOLVING
from tieout.linter.facts.model import Mention, Restatement
from tieout.linter.patterns import regex
from tieout.linter.vocab import alternation, fund_budgets, load, wordings

if TYPE_CHECKING:
    from re import Pattern

    from tieout.linter.facts.draft import Draft
    from tieout.linter.figures.quantities import Quantity

_VOCAB = load("relations").get("involved_named") or {}
NARROWING = regex(alternation(_VOCAB.get("narrowing")))
BUDGET = "预算"
GENRE = "department-budget"


@cache
def _named() -> Pattern[str]:
    """An involving word, a fund budget's name (any wording: `一般公共预算`, its 拨款 or 财政拨款 after it) and an item of
    the whole, the whole label."""
    funds = [w for k, ws in wordings("context", "fund").items() if k in fund_budgets() for w in ws]
    items = alternation(_VOCAB.get("items"))
    return regex(rf"(?:{INVOLVING.pattern[1:]})(?:{alternation(funds)})(?:财政)?(?:拨款)?的?(?P<item>{items})")


def named_involved(draft: Draft) -> Iterator[Restatement]:
    """Each figure of money its label names as a fund's whole item after an involving word, with the whole as the
    budget states it elsewhere (see the module)."""
    if not _VOCAB or not draft.facts.genre.startswith(GENRE):
        return
    for m in draft.facts.mentions:
        q = _involved(draft, m)
        if q is None:
            continue
        stated = _stated(draft, m)
        if stated and len({r.base_value for _, r in stated}) == 1:
            yield Restatement(stated[0][0].identity, sorted([*stated, (m, q)], key=lambda x: x[1].start))


def _involved(draft: Draft, m: Mention) -> Quantity | None:
    """The mention's one exact sum of money, where its label names it so and nothing before it in its sentence narrows
    the projects or states another sum of money."""
    found = _named().fullmatch(m.label)
    if found is None or len(m.quantities) != 1 or not m.identity.context.known():
        return None
    q = m.quantities[0]
    if q.kind != "amount" or q.base_unit != "元" or not q.exact:
        return None
    sentence = draft.doc.sentences[m.sentence]
    if NARROWING.search(draft.doc.text, sentence.start, q.start) is not None:
        return None
    before = [r for n in draft.by_sentence.get(m.sentence, []) for r in n.quantities if r.start < q.start]
    return None if any(r.base_unit == "元" for r in before) else q


def _stated(draft: Draft, m: Mention) -> list[tuple[Mention, Quantity]]:
    """The exact sums of money stated under the item of the figure's label, in its fund, scope and period, of the
    budget, their own words naming them, in sentences other than the figure's."""
    found = _named().fullmatch(m.label)
    assert found is not None
    item, own = found.group("item"), m.identity.context
    return [
        (n, r)
        for n in draft.facts.mentions
        if n.sentence != m.sentence
        and n.identity.item == item
        and n.identity.complete()
        and not n.identity.inferred
        and n.identity.context.stage == BUDGET
        and (n.identity.context.scope, n.identity.context.fund, n.identity.context.period)
        == (own.scope, own.fund, own.period)
        for r in n.quantities
        if r.kind == "amount" and r.base_unit == "元" and r.exact
    ]
