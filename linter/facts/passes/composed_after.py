"""A figure and what it is made of, each part's name written after its figure: `资产总规模 T，由 a 货币资金、b 固定资产和
c 在建工程构成` (T = a + b + c), `…，主体由 a 货币资金、…构成` (its main parts: a + b + c at most T).

The sentence reader reads `由 A a、B b 和 C c 组成` with each name before its figure; here the names follow. Read only
where nothing is left open: the whole the figure right before `，由` (`，主体由`), then two figures or more of its unit,
one after another, each followed by its name alone and a joining mark (、，和及与), the last by its name and 构成 or 组成;
no figure of the run a part or a total already.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Breakdown, Mention
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

_NAME = r"[\u4e00-\u9fff“”]{2,16}"
# between the whole and the first part: `，由`, or `，主体由` (`主要由`) for its main parts only
OPENS = regex(r"[，,]\s*(?P<main>主体上?|主要|大部分)?由\s*")
# between two parts: the name of the one before, and a joining mark
NAMED_THEN_JOINED = regex(rf"{_NAME}?\s*(?:以及|、|，|,|和|及|与)\s*")
# after the last part: its name and the word closing the list
NAMED_THEN_CLOSED = regex(rf"{_NAME}?(?:共同)?(?:构成|组成)")


def composed_after(draft: Draft) -> Iterator[Breakdown]:
    text = draft.doc.text
    if "由" not in text:
        return
    listed = {id(m) for b in draft.facts.breakdowns for m in (b.total, *b.parts)}
    for si, said in draft.by_sentence.items():
        figures = [m for m in said if len(m.quantities) == 1]
        for k in range(1, len(figures) - 1):
            found = _made_of(text, figures, k)
            if found is None or any(id(m) in listed for m in found[0]):
                continue
            (whole, *parts), main = found
            listed.update(id(m) for m in found[0])
            yield Breakdown(whole, parts, "组成", not main, si, coordinated=True)


def _made_of(text: str, figures: list[Mention], k: int) -> tuple[list[Mention], bool] | None:
    """The whole `figures[k - 1]` and its parts from `figures[k]` on, and whether they are its main ones only."""
    whole = figures[k - 1].quantities[0]
    opened = OPENS.fullmatch(text, whole.end, figures[k].quantities[0].start)
    if opened is None or whole.kind != "amount":
        return None
    parts: list[Mention] = []
    for j in range(k, len(figures)):
        q = figures[j].quantities[0]
        if q.kind != "amount" or q.base_unit != whole.base_unit:
            return None
        parts.append(figures[j])
        after = figures[j + 1].quantities[0].start if j + 1 < len(figures) else len(text)
        if NAMED_THEN_CLOSED.match(text, q.end, after) is not None:
            break
        if j + 1 == len(figures) or NAMED_THEN_JOINED.fullmatch(text, q.end, after) is None:
            return None
    if len(parts) < 2:
        return None
    return [figures[k - 1], *parts], opened.group("main") is not None
