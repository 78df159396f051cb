"""The money a sentence says every part of a whole involves: `本单位全部项目支出均编制了绩效目标，共 18 个项目，涉及
资金 X 万元` names no quantity by its own words (`涉及资金` is what the clause before involves, identity.py), but the
clause says what that is: all of the 项目支出, so X is the 项目支出 the report states elsewhere, restated (TO201).

Read only with certainty: the sentence names the whole with a word saying all of it (`所有项目支出`, `全部项目`,
`项目支出全部…`: vocab relations.yaml `involved_wholes`); the figure is the first sum of money after that name, its own
words open with an involving word (`涉及`, `共涉及`), and nothing between them narrows the whole to a part of it
(`其中重点项目`, `新增项目`) nor states another sum. The figure's context is complete and of a budget (stage 预算): the
money a budget's projects involve is the budget's 项目支出, where a report on a year gone by may give the projects'
budget beside what was spent. The whole is the one value the report states elsewhere in sentences under the item,
in the same context (fund, stage, period, scope); two values there, or none, and nothing is read.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.identity import INVOLVING
from tieout.linter.facts.model import Mention, Restatement
from tieout.linter.patterns import regex
from tieout.linter.vocab import alternation, load

if TYPE_CHECKING:
    from re import Match, Pattern

    from tieout.linter.facts.draft import Draft
    from tieout.linter.figures.quantities import Quantity

_VOCAB = load("relations").get("involved_wholes") or {}
ALL = alternation(_VOCAB.get("all"))
# what says each part is under what follows (`所有项目均…`): a name of all of a whole without it may head a list
EACH = "均|都|全部|一律"
# before a whole's name that 全部 follows, what leaves it the whole's: the clause's or the year's end, the owner
# (`本部门2026年项目支出全部…`); a word before it would name a part (`重点项目全部…`)
OPEN = rf"(?:^|(?<=[，,。；;：:\s年]))(?:{alternation(_VOCAB.get('owners'))})?"
# each whole's item and the pattern of its name said whole: a word for all before it, or 全部 after it
WHOLES: dict[str, Pattern[str]] = {
    item: regex(rf"(?:{ALL})的?(?:{alternation(names)})(?:{EACH})|{OPEN}(?:{alternation(names)})(?:均|都)?全部")
    for item, names in (_VOCAB.get("wholes") or {}).items()
}
NARROWING = regex(alternation(_VOCAB.get("narrowing")))
BUDGET = "预算"


def involved_wholes(draft: Draft) -> Iterator[Restatement]:
    """Each figure of money a whole named all of involves, with the whole as stated elsewhere (see the module)."""
    if not WHOLES:
        return
    for m in draft.facts.mentions:
        q = _involved_money(m)
        if q is None:
            continue
        item = _whole_named(draft, m, q)
        stated = _stated(draft, m, item) if item is not None else []
        if stated and len({r.base_value for _, r in stated}) == 1:
            yield Restatement(stated[0][0].identity, sorted([*stated, (m, q)], key=lambda x: x[1].start))


def _involved_money(m: Mention) -> Quantity | None:
    """The mention's one exact sum of money, where its words open with an involving word and its context, of a
    budget, is complete."""
    ident = m.identity
    if len(m.quantities) != 1 or INVOLVING.match(ident.item or m.key) is None:
        return None
    q = m.quantities[0]
    if q.kind != "amount" or q.base_unit != "元" or not q.exact:
        return None
    if not ident.context.known() or ident.context.stage != BUDGET or ident.inferred:
        return None
    return q


def _whole_named(draft: Draft, m: Mention, q: Quantity) -> str | None:
    """The item of the whole the figure's sentence names all of before it, nothing narrowing it or stating another
    sum of money between the two; None otherwise."""
    sentence = draft.doc.sentences[m.sentence]
    text = draft.doc.text
    found: list[tuple[Match[str], str]] = []
    for item, pattern in WHOLES.items():
        found += [(w, item) for w in pattern.finditer(text, sentence.start, q.start)]
    if not found:
        return None
    named, item = max(found, key=lambda x: x[0].end())
    if NARROWING.search(text, named.end(), q.start) is not None:
        return None
    between = [
        r
        for n in draft.facts.mentions
        if n.sentence == m.sentence
        for r in n.quantities
        if named.end() <= r.start < q.start and r.base_unit == "元"
    ]
    return None if between else item


def _stated(draft: Draft, m: Mention, item: str) -> list[tuple[Mention, Quantity]]:
    """The exact sums of money stated under the item in the figure's context, in sentences of their own."""
    return [
        (n, r)
        for n in draft.facts.mentions
        if n.sentence != m.sentence
        and n.identity.item == item
        and n.identity.complete()
        and not n.identity.inferred
        and n.identity.context == m.identity.context
        for r in n.quantities
        if r.kind == "amount" and r.base_unit == "元" and r.exact
    ]
