"""The share of a count in the count of things it is some of, said after what the part does: `在已完工的 19 个项目中，
13 个项目未验收，占完工项目的 68.42%`, `负责的 15 项支出政策中，有 10 项采取事后补助方式，占比达到 66.7%`, `支出政策 12 项，
其中 9 项采取事后补助方式，占 75%`: p = part / whole.

The parser reads a share right after its part (`其中完工 9 个，占 75%`); here a clause saying what the part does stands
between. Read only where nothing is left open: three figures one after another in one sentence, the whole and the
part counts of one counter (个, 项, 家 …, ITEM_COUNTERS) with the part below the whole, the part opened as some of
the whole (`…中，有`, `，其中`), nothing but words between the part and the share, and the share named by 占比 or by
占 alone, or by 占 and the things the whole counts (`占完工项目的`: 项目), no whole of another name.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Mention, Share
from tieout.linter.facts.passes.base import ITEM_COUNTERS
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# between the whole and the part: the things counted and 中 (`支出政策中，有`, `项目中`), or `，其中`
SOME_OF = regex(r"(?P<things>[\u4e00-\u9fff“”]{0,16}?)中[，,]?\s*(?:有|共有)?|\s*[，,]\s*其中[：:，,]?\s*(?:有)?")
# between the part and the share: what the part does, a comma, then 占比 or 占 (maybe naming the whole: `占完工项目的`)
DOES_THEN_SHARE = regex(
    r"[^\d，,。；;：:%（）()]{1,30}[，,]\s*占(?:比|(?P<whole>[\u4e00-\u9fff“”]{1,12})的)?(?:比例|比重)?"
    r"(?:达到|达|为|是)?\s*"
)
# the words before a whole's things naming all of them, another whole than the ones the sentence counts (`占全部项目的`)
ALL_OF = regex(r"全|总|所有|整体")


def counted_shares(draft: Draft) -> Iterator[Share]:
    """`…的 N 个X中，M 个…，占X的 p%`: p = M / N."""
    text = draft.doc.text
    if "占" not in text:
        return
    used = {id(s.stated) for s in draft.facts.shares} | {id(r.stated) for r in draft.facts.rates}
    for si, said in draft.by_sentence.items():
        figures = [m for m in said if len(m.quantities) == 1]
        for whole, part, share in zip(figures, figures[1:], figures[2:]):
            found = _share(text, whole, part, share)
            if found is not None and id(found) not in used:
                used.add(id(found))
                yield Share(found, part.quantities[0], whole.quantities[0], "", si)


def _share(text: str, whole: Mention, part: Mention, share: Mention) -> Quantity | None:
    """The share's figure, if the three figures are a count, some of it, and the share of those."""
    n, m, p = whole.quantities[0], part.quantities[0], share.quantities[0]
    if n.kind != "count" or m.kind != "count" or p.kind != "percent" or not (n.exact and m.exact and p.exact):
        return None
    if n.unit != m.unit or n.unit not in ITEM_COUNTERS or not m.value < n.value or n.bound or m.bound:
        return None
    some = SOME_OF.fullmatch(text, n.end, m.start)
    said = DOES_THEN_SHARE.fullmatch(text, m.end, p.start)
    if some is None or said is None:
        return None
    named = said.group("whole")
    if named is None:
        return p
    things = (some.group("things") or "").strip("“”")
    if len(things) < 2 or not named.endswith(things):
        return None
    # (`占完工项目的` after `已竣工的 19 个项目中`: the whole named by the things counted, maybe after words of which of
    # them it is that the whole's own words hold; not all of them, `占全部项目的`, a whole of its own)
    which = named[: -len(things)]
    if not which:
        return p
    return p if not ALL_OF.match(which) and set(which) & set(whole.label) else None
