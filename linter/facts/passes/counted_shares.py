"""The share of a count in the count of things it is some of, said after what the part does: `已竣工的 N 个项目中，
M 个尚未结算，占竣工项目的 p%`, `所管的 N 项补助政策中，有 M 项实行先建后补，占比为 p%`, `补助政策 N 项，其中 M 项
实行先建后补，占 p%`: p = part / whole.

The parser reads a share right after its part (`其中完工 9 个，占 75%`); here a clause saying what the part does stands
between. Read only where nothing is left open: three figures one after another in one sentence, the whole and the
part counts of one counter (个, 项, 家 …, ITEM_COUNTERS) with the part below the whole, the part opened as some of
the whole (`…中，有`, `，其中`), nothing but words between the part and the share, and the share named by 占比 or by
占 alone, or by 占 and the things the whole counts (`占完工项目的`: 项目), no whole of another name.

Counts said with 有 after the count of the things they are among (`参评的 N 个项目中，评分 90 分及以上的有 a 个，80 分至
90 分的有 b 个…`) are some of it, where they count things apart (`counted_among`); so is the one count said with 中有
right after the things it is among, what it does said right after it (`N 个助餐点中有 M 个集中在城区`:
`counted_one_among`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Breakdown, Mention, Share
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
    # (`占完工项目的` after `已竣工的 N 个项目中`: the whole named by the things counted, maybe after words of which of
    # them it is that the whole's own words hold; not all of them, `占全部项目的`, a whole of its own)
    which = named[: -len(things)]
    if not which:
        return p
    return p if not ALL_OF.match(which) and set(which) & set(whole.label) else None


# the whole of a count list: the count and the things it counts, closed by 中 (`参评的 N 个项目中，`)
COUNTED_AMONG = regex(r"[\u4e00-\u9fff“”]{1,16}?中[，,]")
# what stands right before each part: 有 (`90 分及以上的有 a 个`, `至年底有 a 个项目办结`)
HAS = regex(r"有\s*$")
MIN_AMONG = 3  # the figures a count among others needs: the whole and two parts


def counted_among(draft: Draft) -> Iterator[Breakdown]:
    """`参评的 N 个项目中，评分 90 分及以上的有 a 个，80 分至 90 分的有 b 个…`, `在支持的 N 个项目中，…有 a 个已办结，
    有 b 个未办结`: the counts each said with 有 after the count of the things they are among, counting things apart
    (`_apart`), are some of it (at most N)."""
    text = draft.doc.text
    if "中" not in text or "有" not in text:
        return
    listed = {id(m) for b in draft.facts.breakdowns for m in (b.total, *b.parts)}
    for si, said in draft.by_sentence.items():
        if len(said) < MIN_AMONG:
            continue  # (a whole and two parts at least, each a figure of its own: most sentences hold fewer)
        figures = [m for m in said if len(m.quantities) == 1]
        for k, whole in enumerate(figures):
            parts = _among(text, figures, k)
            if len(parts) < 2 or not _apart(text, whole, parts):
                continue
            if not any(id(m) in listed for m in (whole, *parts)):
                listed.update(id(m) for m in (whole, *parts))
                yield Breakdown(whole, parts, "中", False, si)


# the one count some of a count of things, in one clause: the things, 中有 (`N 个助餐点中有 M 个`), nothing else between
ONE_AMONG = regex(r"[\u4e00-\u9fff“”]{2,16}?中(?:共)?有\s*")
# what the one count's things do right after its counter (`M 个集中在城区`, `M 个已完工`): a verb, no other things
# counted (`N 个乡镇中有 M 个村…` counts villages, which may outnumber the towns)
DOES = regex(r"(?:集中|位于|分布|设在|已|未|尚|为|是|在|属于|存在|达到|通过|完成|实现|获得|被)")


def counted_one_among(draft: Draft) -> Iterator[Breakdown]:
    """`N 个助餐点中有 M 个集中在城区`: the one count said with 中有 right after the count of the things it is among,
    of its counter, what it does said right after it, is some of them (at most N)."""
    text = draft.doc.text
    if "中有" not in text and "中共有" not in text:
        return
    listed = {id(m) for b in draft.facts.breakdowns for m in (b.total, *b.parts)}
    for si, said in draft.by_sentence.items():
        figures = [m for m in said if len(m.quantities) == 1]
        for whole, part in zip(figures, figures[1:]):
            n, m = whole.quantities[0], part.quantities[0]
            if id(whole) in listed or id(part) in listed or not _one_counter(n, m):
                continue
            if ONE_AMONG.fullmatch(text, n.end, m.start) is None or DOES.match(text, m.end) is None:
                continue
            listed.update((id(whole), id(part)))
            yield Breakdown(whole, [part], "中", False, si)


def _one_counter(n: Quantity, m: Quantity) -> bool:
    """Are both exact counts of one counter of things (个, 项, 家 …)?"""
    return all(q.kind == "count" and q.exact and not q.bound for q in (n, m)) and n.unit == m.unit in ITEM_COUNTERS


def _among(text: str, figures: list[Mention], k: int) -> list[Mention]:
    """The counts after `figures[k]` of its counter, each right after 有, up to the first that is not."""
    n = figures[k].quantities[0]
    if n.kind != "count" or n.unit not in ITEM_COUNTERS or not n.exact or n.bound:
        return []
    if COUNTED_AMONG.match(text, n.end) is None:
        return []
    parts: list[Mention] = []
    for m in figures[k + 1 :]:
        q = m.quantities[0]
        if q.kind != "count" or q.unit != n.unit:
            continue  # (a score band, `90 分及以上的`, between: no figure of the things counted)
        if not q.exact or q.bound or HAS.search(text, max(0, q.start - 3), q.start) is None:
            break
        parts.append(m)
    return parts


# the end of the clause a count opens (its words, `个项目未完成验收`, up to it)
CLAUSE_END_MARK = regex(r"[，,。；;、]")
NOT_DONE = regex(r"未|没有|尚无")
# a score band naming the things a count is of (`90 分及以上的`, `80 分至 90 分的`)
SCORE_BAND = regex(r"\d\s*分")


def _apart(text: str, whole: Mention, parts: list[Mention]) -> bool:
    """Do the counts count things apart, none in two of them, so that together they are at most the whole? Counts
    of score bands (`90 分及以上的有 a 个、80 分至 90 分的有 b 个`: a score before each) or a thing done and not done
    (`有 a 个已办结，有 b 个未办结`) are; counts of stages (`有 a 个已开工，有 b 个已完工`) need not be."""
    bands = all(
        SCORE_BAND.search(text, before.quantities[0].end, m.quantities[0].start) is not None
        for before, m in zip([whole, *parts], parts)
    )
    if bands:
        return True
    if len(parts) != 2:
        return False
    first, second = (text[m.quantities[0].end : _clause_end(text, m.quantities[0].end)] for m in parts)
    return NOT_DONE.search(first) is None and NOT_DONE.search(second) is not None


def _clause_end(text: str, at: int) -> int:
    found = CLAUSE_END_MARK.search(text, at)
    return found.start() if found else len(text)
