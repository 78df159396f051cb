"""Lines of items each stating a sum and its bare share, announced after their total: `新增专项债券 X 亿元，按投向划分
如下：` / `甲类项目：a 亿元，占比 p%` / `乙类项目：b 亿元，占比 q%` / …. The sums are the total's parts, and each share one of the
total (links.list_shares gives the shares their whole once the list is read).

Read only where nothing is left open: the announcing words (`按…划分如下`, `具体如下` …, never `主要`) close the
sentence right after the total's figure; the items are the sentences (or clauses its semicolons set apart) right
after it, in order, each one exact sum of the total's unit then one share naming no whole (`占比`, `占`), nothing
else; two items at least, the run ending at the first of another shape; and the sums add up to the total exactly
(a list that misses it may leave items out). Inferred (warnings at most).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Breakdown, Mention
from tieout.linter.facts.passes.announced_lists import ANNOUNCES
from tieout.linter.facts.passes.base import foots, semicolon_runs, sentences_after, sentences_holding
from tieout.linter.facts.passes.measured_lists import COLON, MAIN_ONLY
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# after the total's figure: a comma, the announcing words, perhaps `如下`, the colon closing the sentence
ANNOUNCED = regex(rf"\s*[，,]\s*(?P<words>{ANNOUNCES.pattern})(?:如下)?[：:]")
# a share naming no whole (`，占比`, `，占`, `，占比为`)
BARE_SHARE = regex(r"^[，,]?\s*(?:占比|占)(?:为|是)?\s*$")
MIN_ITEMS = 2


def share_lines(draft: Draft) -> Iterator[Breakdown]:
    doc = draft.doc
    # the sums stated with a share naming no whole (`a 亿元，占比 p%`), by id
    shared = {id(s.part) for s in draft.facts.shares if s.part is not None and s.total is None and not s.base_label}
    # (the announcing words close with a colon inside the sentence: the sentences holding none are not walked)
    for si in sentences_holding(draft, COLON):
        mentions = draft.by_sentence.get(si, [])
        for k, total in enumerate(mentions):
            q = total.quantities[-1] if len(total.quantities) == 1 else None
            if q is None or q.kind != "amount" or not q.exact:
                continue
            said = ANNOUNCED.match(doc.text, q.end, doc.sentences[si].end)
            if said is None or MAIN_ONLY.match(said.group("words")):
                continue
            found = _listed(draft, si, total, mentions[k + 1 :], shared)
            if found is not None:
                yield Breakdown(total, found, said.group("words"), True, si, inferred=True, certain=False)
            break


def _listed(draft: Draft, si: int, total: Mention, rest: list[Mention], shared: set[int]) -> list[Mention] | None:
    """The parts of the total the item lines after it state, where they add up to it."""
    q = total.quantities[-1]
    items = _items(draft, si, q, shared, rest)
    if len(items) < MIN_ITEMS or not foots(q, [x for _, x in items]) or id(total) in draft.totals:
        return None
    if any(draft.is_part(m) for m, _ in items):
        return None
    return [m for m, _ in items]


def _items(draft: Draft, si: int, q: Quantity, shared: set[int], rest: list[Mention]) -> list[tuple[Mention, Quantity]]:
    """The item lines after the announcing words (`rest`: the figures after them in their sentence, then the
    sentences after it): each a sum of the total's unit, then its bare share."""
    text = draft.doc.text
    out: list[tuple[Mention, Quantity]] = []
    for said in sentences_after(draft, si, rest):
        for run in semicolon_runs(text, said):
            item = _item(run, q, shared)
            if item is None:
                return out
            out.append(item)
    return out


def _item(run: list[Mention], q: Quantity, shared: set[int]) -> tuple[Mention, Quantity] | None:
    """The run as one sum of the total's unit and its bare share after it (read with it as a share naming no
    whole, or a figure of its own after `占比`), nothing else."""
    if not run or any(len(m.quantities) != 1 for m in run):
        return None
    amount = run[0].quantities[0]
    if amount.kind != "amount" or not amount.exact or amount.base_unit != q.base_unit:
        return None
    if len(run) == 1:
        return (run[0], amount) if id(amount) in shared else None
    share = run[1].quantities[0]
    if len(run) != 2 or share.kind != "percent" or not BARE_SHARE.match(run[1].label):
        return None
    return run[0], amount
