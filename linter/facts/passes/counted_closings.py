"""A total closing the items above it that counts them, where the items are sentences of their own with no mark:
`分部门情况如下：甲局，查出问题金额 a 万元；` / `乙局，查出问题金额 b 万元；` / `丙局，…；` / `以上3个部门合计 T 万元。` (numbered items,
headings of their own, are `totals_after.totals_after_items`'s).

Read only where the count makes the items certain: the N sentences right before the total's each state one exact
sum of its unit and nothing else, the first of them, or the figure after the colon closing the sentence before
them, being the first item (that sentence's figures before its colon, or a sentence of another shape, are no
item), so that the items are N exactly. Inferred (warnings at most).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Breakdown, Mention
from tieout.linter.facts.passes.base import semicolon_runs, sentences_holding
from tieout.linter.facts.passes.totals_after import COUNT_ABOVE
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# the words before the count of the items above (`以上`, `上述`), and after it, to the total's figure: the counter,
# what the items are and the total's word (`个部门合计`, `项共计`)
ABOVE_WORD = regex(r"以上|上述")  # (the sentences that hold neither word close no items: not read)
CLOSING_TOTAL = regex(r"^[个项家][\u4e00-\u9fff]{0,8}?(?:合计|共计|总计)(?:为|是)?[：:]?\s*$")
MIN_ITEMS = 2
MAX_ITEMS = 30


def counted_closings(draft: Draft) -> Iterator[Breakdown]:
    doc = draft.doc
    runs: dict[int, list[list[Mention]]] = {}  # each sentence's runs, made where a closing is looked for
    for si in sentences_holding(draft, ABOVE_WORD):
        for j, run in enumerate(_runs_of(draft, si, runs)):
            closing = _closing(draft, run)
            if closing is None:
                continue
            total, q, n = closing
            items = _items_above(draft, _runs_before(draft, si, j, n + 1, runs), q)
            if len(items) == n and not any(draft.is_part(m) for m in items) and id(total) not in draft.totals:
                words = doc.text[run[0].start : q.start]
                yield Breakdown(total, items, words, True, si, inferred=True, certain=False)


def _closing(draft: Draft, mentions: list[Mention]) -> tuple[Mention, Quantity, int] | None:
    """The total a sentence opens with after the count of the items above (`以上 6 个部门合计 T`): its mention, its
    figure and the count."""
    if len(mentions) < 2 or not COUNT_ABOVE.match(mentions[0].label.strip("，、；：。 ")):
        return None
    first, total = mentions[0], mentions[1]
    if len(first.quantities) != 1 or len(total.quantities) != 1:
        return None
    count, q = first.quantities[0], total.quantities[0]
    if count.kind != "count" or not count.exact or q.kind != "amount" or not q.exact:
        return None
    n = int(count.value) if count.value == count.value.to_integral_value() else 0
    if not MIN_ITEMS <= n <= MAX_ITEMS or not CLOSING_TOTAL.match(draft.doc.text[count.start + len(str(n)) : q.start]):
        return None
    return total, q, n


def _items_above(draft: Draft, before: list[tuple[int, list[Mention]]], q: Quantity) -> list[Mention]:
    """The items right above the total, nearest last: each a sentence, or a clause its semicolons set apart, of
    one exact sum of the total's unit alone, back to the first one of another shape, whose one figure after its
    sentence's colon (if so) is the first item."""
    doc = draft.doc
    items: list[Mention] = []
    for k, run in reversed(before):
        if len(run) == 1 and _alike(run[0], q):
            items.append(run[0])
            continue
        sent = doc.sentences[k]
        colon = doc.text.rfind("：", sent.start, sent.end)
        after = [m for m in run if 0 <= colon < m.start]
        if len(after) == 1 and _alike(after[0], q):
            items.append(after[0])
        break
    return items[::-1]


def _runs_of(draft: Draft, k: int, made: dict[int, list[list[Mention]]]) -> list[list[Mention]]:
    """The runs of figures of sentence `k`, in order: in the clauses its semicolons set apart (a sentence of no
    figure an empty run: it ends the items above a total); kept in `made`."""
    runs = made.get(k)
    if runs is None:
        runs = made[k] = semicolon_runs(draft.doc.text, draft.by_sentence.get(k, []))
    return runs


def _runs_before(
    draft: Draft, si: int, j: int, count: int, made: dict[int, list[list[Mention]]]
) -> list[tuple[int, list[Mention]]]:
    """The `count` runs of the document right before run `j` of sentence `si` (fewer at its start), in order, each
    with its sentence: read back from the total, not made for the whole document."""
    out = [(si, run) for run in _runs_of(draft, si, made)[:j]][::-1]
    k = si - 1
    while len(out) < count and k >= 0:
        out += [(k, run) for run in _runs_of(draft, k, made)[::-1]]
        k -= 1
    return out[:count][::-1]


def _alike(m: Mention, q: Quantity) -> bool:
    """Is the figure one exact sum of the total's unit?"""
    return len(m.quantities) == 1 and (x := m.quantities[0]).kind == "amount" and x.exact and x.base_unit == q.base_unit
