"""Two counts of one thing and the same two of a part of it: `列明公务接待 8 批次、96 人次，其中：接待外宾 1 批次、5 人次`
(a 三公经费 explanation states its receptions so). The part's count of each unit is within the whole's count of that
unit: a breakdown per unit, the part's one count under the whole's (TO101 holds the part within it, TO102 reports
a part above its whole).

Read only with certainty: the counts around `其中` are two counts of the whole in two units of count, joined by
`、`, right before it, and the part's two in the same units in the same order, joined so, right after its name
(words only, between `其中` and its first count); each count a figure of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Breakdown
from tieout.linter.facts.passes.base import sentences_holding
from tieout.linter.facts.passes.links import mention_index
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

ANCHOR = regex(r"其中")
# the whole's two counts, `其中`, the part's name and its two counts in the same units (a unit: a counter's words)
PARALLEL = regex(
    r"(?P<a>\d+)\s*(?P<u>[^\d\s、，,；;：:。（）()]{1,3}?)\s*、\s*(?P<b>\d+)\s*(?P<v>[^\d\s、，,；;：:。（）()]{1,3}?)\s*[，,]\s*"
    r"其中[：:]?\s*[\u4e00-\u9fff“”]{1,20}?\s*(?P<c>\d+)\s*(?P=u)\s*、\s*(?P<d>\d+)\s*(?P=v)(?![\d\u4e00-\u9fff])"
)


def parallel_parts(draft: Draft) -> Iterator[Breakdown]:
    text = draft.doc.text
    owner = None
    for si in sentences_holding(draft, ANCHOR):
        s = draft.doc.sentences[si]
        if text.count("、", s.start, s.end) < 2:
            continue  # (the two pairs are each joined by 、: a sentence with fewer is not searched at every offset)
        for m in PARALLEL.finditer(text, s.start, s.end):
            if m.group("u") == m.group("v"):
                continue
            owner = owner if owner is not None else mention_index(draft)
            found = [owner.get(m.start(g)) for g in "abcd"]
            if any(x is None for x in found):
                continue
            whole_a, whole_b, part_a, part_b = found
            mentions = [x for x in found if x is not None]
            # (each count its own figure, a count: not a figure of a mention holding others)
            if len({id(x) for x in mentions}) != len(mentions):
                continue
            if any(len(x.quantities) != 1 or x.quantities[0].kind != "count" for x in mentions):
                continue
            for whole, part in ((whole_a, part_a), (whole_b, part_b)):
                if whole is not None and part is not None:
                    yield Breakdown(whole, [part], "其中", False, si)
