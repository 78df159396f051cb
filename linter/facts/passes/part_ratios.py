"""A ratio named by what one part of a list does (`新增债券 A，其中省级使用 a，转贷市县 b，转贷比例 p%`): p is that
part over the list's total (b / A), the part the one whose label holds the ratio's verb (转贷 → 转贷市县).

Read only where nothing is left open: the ratio right after the list's last part in its sentence, named by a word
and 比例 / 比重 / 占比 alone (no rate of execution, `使用率`, which a report measures against a plan), the word in
exactly one part's label and not in the total's (where the total is itself what the word names, which share of it
is meant is not said), and no other relation already reading the ratio.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Breakdown, Mention, Share
from tieout.linter.facts.passes.base import exact_figure
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# `转贷比例`, `转贷比例为`: a verb of two to four characters naming the ratio
NAMED_RATIO = regex(r"^[，、；\s]*(?P<verb>[\u4e00-\u9fff]{2,4}?)(?:比例|比重|占比)(?:为|是|达到|达)?$")


def part_ratios(draft: Draft) -> Iterator[Share]:
    used = {id(s.stated) for s in draft.facts.shares} | {id(r.stated) for r in draft.facts.rates}
    for b in draft.facts.breakdowns:
        if not b.parts or b.minus or not b.certain:
            continue
        said = draft.by_sentence.get(b.sentence) or []
        last = b.parts[-1]
        k = next((i for i, m in enumerate(said) if m is last), None)
        if k is None or k + 1 >= len(said):
            continue
        found = _ratio_of(b, said[k + 1])
        if found is not None and id(found.stated) not in used:
            yield found


def _ratio_of(b: Breakdown, ratio: Mention) -> Share | None:
    named = NAMED_RATIO.match(ratio.label)
    stated = [q for q in ratio.quantities if q.kind == "percent" and q.exact]
    if named is None or len(stated) != 1 or len(ratio.quantities) != 1:
        return None
    verb = named.group("verb")
    holding = [p for p in b.parts if verb in p.label]
    if len(holding) != 1 or verb in b.total.label:
        return None
    part, total = exact_figure(holding[0]), exact_figure(b.total)
    if part is None or total is None or part.base_unit != total.base_unit:
        return None
    return Share(stated[0], part, total, "", b.sentence)
