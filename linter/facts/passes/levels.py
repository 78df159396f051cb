"""Figures said to be level with the ones they are compared with: `2023年预算执行数为 A，2024年预算安排 B，比2023年
预算执行数持平` states B = A.

The grammar reads a change by its direction word (增加, 减少); a level one has none, so it is read here, and only
in its plainest form: the sentence states two exact figures of one unit before the comparison, which follows the
second right after its comma; the comparison names the earlier one by its year (`比2023年…`, the one figure whose
words name 2023年) or as last year's (`与上年持平`, `同比持平`: the one figure named 上年). A loose claim (`基本持平`,
vocab `relations.level_loose`) says near, not equal: not read. The relation is a move from the earlier figure to
the later one that keeps its value (FromTo with `level`), which TO204 checks.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import FromTo, Mention
from tieout.linter.facts.passes.base import sentences_holding
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex
from tieout.linter.vocab import alternation, words

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

LEVEL_WORDS = alternation(words("relations", "level"))
LOOSE = regex(alternation(words("relations", "level_loose")))
# the comparison and its level word (`比2023年预算执行数持平`, `与上年相比持平`, `同比持平`): its words no figure
LEVEL = regex(rf"(?P<cmp>同比|比|较|与)(?P<named>[^，。；：,;:！？\n]{{0,24}}?)(?:相比|相较)?(?P<word>{LEVEL_WORDS})")
ANCHOR = regex(LEVEL_WORDS)
YEAR = regex(r"(?:19|20)\d{2}(?=\s*年)")
DIGIT = regex(r"\d")
# the stage (or kind of figure) a comparison names (`与上年决算数持平`): the earlier figure's label must name it too
STAGE_NAMED = regex(r"预算|决算|执行|年初|调整|预计|计划|完成")
# what may stand between the later figure and its comparison: a comma, nothing else
GAP = regex(r"\s*[，,]?\s*")


def levels(draft: Draft) -> Iterator[FromTo]:
    """Each sentence's figure said to be level with the one before it."""
    doc = draft.doc
    used = {id(q) for c in draft.facts.changes for q in (c.current, c.base) if q is not None}
    used |= {id(q) for f in draft.facts.fromtos for q in (f.start, f.end)}
    for si in sentences_holding(draft, ANCHOR):
        s = doc.sentences[si]
        for m in LEVEL.finditer(doc.text, s.start, s.end):
            found = _level(draft, si, m.start(), m.group("named"), m.group("cmp") == "同比")
            if found is None or id(found[0]) in used or id(found[1]) in used:
                continue
            used.update((id(found[0]), id(found[1])))
            yield FromTo(found[0], found[1], m.group("word"), None, m.start("word"), m.end("word"), si, level=True)


def _level(draft: Draft, si: int, at: int, named: str, year_on_year: bool) -> tuple[Quantity, Quantity] | None:
    """The earlier figure and the later one a level comparison at `at` names, where the sentence states exactly
    those two before it (each an exact figure of one unit, the later right before the comparison)."""
    if LOOSE.search(named) or DIGIT.search(YEAR.sub("", named)):
        return None
    before: list[tuple[Mention, Quantity]] = []
    for mention in draft.by_sentence.get(si, []):
        for q in mention.quantities:
            if q.kind != "bare" and q.start < at:
                before.append((mention, q))
    if len(before) != 2 or before[0][0] is before[1][0]:
        return None
    (ma, a), (mb, b) = before
    if not (a.exact and b.exact) or a.base_unit != b.base_unit:  # (`exact`: not approximate either)
        return None
    if not GAP.fullmatch(draft.doc.text, b.end, at):
        return None
    # (the sentence reader's words, loaded with the parser: `tieout rules` imports the passes, not the parser)
    from tieout.linter.facts.sentence.wording import LAST_YEARS

    year = YEAR.search(named)
    if year is not None:
        earlier = [m for m in (ma, mb) if year.group() in m.label]
    elif year_on_year or LAST_YEARS.search(named):
        earlier = [m for m in (ma, mb) if LAST_YEARS.search(m.label)]
    else:
        return None
    if len(earlier) != 1 or not _of_stage_named(named, earlier[0]):
        return None
    return (a, b) if earlier[0] is ma else (b, a)


def _of_stage_named(named: str, earlier: Mention) -> bool:
    """Does the earlier figure's label name every stage the comparison names (`上年预算数 a，本年预算数 b，与上年决算数
    持平` compares with a figure not stated)?"""
    return all(word in earlier.label for word in STAGE_NAMED.findall(named))
