"""Grade counts listed under 其中 in the sentence after their total: `本单位对8个项目开展绩效自评，涉及资金…。其中评价
等级为“优”的5个、“良”的3个。` The counts of the grades are parts of the number of things graded.

Read only where the figures are certain: the 其中 sentence follows the total's in one paragraph and is wholly
made of grade counts (each grade once, one counter for all); the sentence before holds one count in that
counter, of a thing named right after it (`8个项目`). A list naming only some grades is partial (its counts may
fall short of the total, never exceed it); one naming every grade of the scale the document states is whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Breakdown, Mention
from tieout.linter.facts.passes.base import Completed, sentences_holding
from tieout.linter.facts.passes.grades import CANON, GRADE_WORDS, OPEN_QUOTE, stated_scales
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# one grade's count: `评价等级为“优”的5个`, `“良”等次的3项`, `良好的 2 个`, `自评结果为：优3个` (a grade unquoted, its
# count right after it: `_grade_parts` reads it so only where every count of the list is written so)
# (`评定为“优”的项目7个`, `绩效评级为“优”的项目4个`: the things counted named between; `“良”3个`: a quoted grade
# and its count with nothing between)
GRADE_PART = regex(
    rf"(?:(?:绩效)?(?:评价|评定|自评|评级)?(?:等级|等次|结果)?(?:为|是)?[：:]?)?\s*{OPEN_QUOTE}(?P<g>{GRADE_WORDS})"
    r"(?P<q>[”\"」』’]?)(?:等级|等次|级)?(?P<of>的(?:项目|单位)?)?\s*(?P<n>\d{1,4})\s*(?P<c>个|项|家)"
)
# the list opens with 其中, or with the grading's result itself (`自评结果为“优”的7个、…`)
_OPENER = regex(r"其中[，,：:]?\s*|(?=(?:评价|评定|自评)(?:等级|等次|结果))")
GRADED = "各等级"  # the keyword of a list of grade counts opening with the grading's result (`自评结果为…`)
_JOINT = regex(r"[、，,；;]\s*")
_CLOSER = regex(r"[）)]?[。；;]?\s*$")  # (a list in brackets closes with them: `（其中，…的项目 0 个）。`)
# after the list, the sentence may go on about something else (`，平均得分 91.8 分`), not about more of the
# things graded (`，另有 2 个未评价`, `，其余 1 个…`)
_GOES_ON = regex(r"[，,；;]")
_MORE_OF_THEM = regex(r"\d\s*(?:个|项|家)|其余|另有|另外|未|尚")
# the thing counted, right after the total's counter (`个项目`, `个单位`)
_COUNTED = regex(r"[\u4e00-\u9fff]")


def grade_counts(draft: Draft) -> Iterator[Breakdown | Completed]:
    """Each 其中 list of grade counts as a breakdown of the count graded in the sentence before. The parser may
    have read the list so already, inferred across the sentence break (where the total has a label): that
    reading is replaced by this one, certain and whole where the grades make the scale."""
    text = draft.doc.text
    if "其中" not in text and _OPENER.search(text) is None:
        return
    sentences = draft.doc.sentences
    scale = cache(lambda: _scale_grades(text))  # (read once, when a list is first found)
    for si in range(1, len(sentences)):
        sent, before = sentences[si], sentences[si - 1]
        if sent.paragraph != before.paragraph or _OPENER.match(text, sent.start) is None:
            continue
        parts = _grade_parts(text, sent.start, sent.end)
        if len(parts) < 2 or len({c for _, _, c in parts}) != 1:
            continue
        # (the list as the text opens it: `其中`, or the grading's result itself, named so in findings)
        opened = "其中" if text.startswith("其中", sent.start) else GRADED
        found = _listed(draft, si, _graded_total(draft, si - 1, parts[0][2]), parts, opened, scale)
        if found is not None:
            yield found


# a list of grade counts opening inside the sentence of its total (`10个项目平均得分 90.6 分，其中评定为“优”的…`,
# `…平均得分 99.4 分（其中，绩效评级为“优”的项目 4 个；…）`)
_OPENS_WITHIN = regex(r"[，,（(]其中")
# …or right after the count graded, as the things among which the grades are counted (`4个项目中，评价等级为“优”的
# 3个…`, `3个项目中“优”2个、“良”1个`): the list needs no opener of its own there
_AMONG = regex(r"(?<=\d)\s*(?:个|项|家)(?P<of>项目|单位)中[，,：:]?\s*")
# the words every match of the two holds: only the sentences holding them are tried
_WITHIN_WORDS = regex("其中|项目中|单位中")
_CLAUSE_END = regex(r"[；;。]")


def grade_counts_within(draft: Draft) -> Iterator[Breakdown | Completed]:
    """Each 其中 list of grade counts inside the sentence of the count graded: the one count in the list's counter
    in the clause before it (since the last semicolon), of a thing named right after or before its counter
    (`10个项目`, `项目4个`). A list naming only some grades is partial, as in `grade_counts`."""
    text = draft.doc.text
    if "其中" not in text and _AMONG.search(text) is None:
        return
    scale = cache(lambda: _scale_grades(text))
    for si in sentences_holding(draft, _WITHIN_WORDS):
        sent = draft.doc.sentences[si]
        for opens in _OPENS_WITHIN.finditer(text, sent.start, sent.end):
            parts = _grade_parts(text, opens.start() + 1, sent.end)
            if len(parts) < 2 or len({c for _, _, c in parts}) != 1:
                continue
            found = _listed(draft, si, _clause_total(draft, si, opens.start(), parts[0][2]), parts, "其中", scale)
            if found is not None:
                yield found
        for among in _AMONG.finditer(text, sent.start, sent.end):
            parts = _grade_parts(text, among.end(), sent.end, opened=True)
            if len(parts) < 2 or len({c for _, _, c in parts}) != 1:
                continue
            total = _clause_total(draft, si, among.start("of"), parts[0][2])
            found = _listed(draft, si, total, parts, GRADED, scale)
            if found is not None:
                yield found


def _listed(
    draft: Draft,
    si: int,
    total: Mention | None,
    parts: list[tuple[int, str, str]],
    opened: str,
    scale: Callable[[], set[str]],
) -> Breakdown | Completed | None:
    """The breakdown of the count graded into the list's grade counts (`_grade_parts`), replacing the parser's
    reading of the same where it made one; whole where the grades make the scale the document states. None where
    the total is not found, a grade's count is no figure of its own, or the counts are parts of another list."""
    mentions = _mentions(draft, [at for at, _, _ in parts])
    if total is None or mentions is None:
        return None
    read = _read_already(draft, total, mentions)
    if read is None and any(id(m) in draft.parts for m in mentions):
        return None  # parts of another total's list
    grades = scale()
    # (the grades are of one rank, each thing graded once: no count is a subtotal of the others)
    whole = bool(grades) and {g for _, g, _ in parts} == grades
    found = Breakdown(total, mentions, opened, whole, si, exclusive=True)
    return found if read is None else Completed(read, found)


def _clause_total(draft: Draft, si: int, at: int, counter: str) -> Mention | None:
    """The one count in `counter` of the sentence's clause ending at `at`, of a thing named beside it."""
    text = draft.doc.text
    start = draft.doc.sentences[si].start
    begin = max([start] + [m.end() for m in _CLAUSE_END.finditer(text, start, at)][-1:])
    found = [
        (m, q)
        for m in draft.by_sentence.get(si) or []
        for q in m.quantities
        if begin <= q.start < at and q.kind == "count" and q.unit == counter
    ]
    if len(found) != 1 or not found[0][1].exact:
        return None
    m, q = found[0]
    named = _COUNTED.match(text, q.end) or (q.start > 0 and _COUNTED.match(text, q.start - 1))
    return m if named else None


def _grade_parts(text: str, start: int, end: int, opened: bool = False) -> list[tuple[int, str, str]]:
    """The (figure's offset, grade, counter) of a sentence wholly made of grade counts after 其中 (or from `start`
    where the list is `opened` already), each grade once; none where anything else stands in it."""
    opener = _OPENER.match(text, start, end)
    if opener is None and not opened:
        return []
    parts: list[tuple[int, str, str]] = []
    at = opener.end() if opener is not None else start
    bare: set[bool] = set()  # whether each count is written right after its grade (`优3个`), no quote nor 的
    while (found := GRADE_PART.match(text, at, end)) is not None:
        bare.add(not (found.group("q") or found.group("of")))
        if bare == {True} and found.end("g") != found.start("n") or len(bare) > 1:
            return []  # (`中 1个` unquoted, or lists of both ways: not read)
        parts.append((found.start("n"), CANON[found.group("g")], found.group("c")))
        if _CLOSER.match(text, found.end(), end) or _ends_list(text, found.end(), end):
            grades = [g for _, g, _ in parts]
            return parts if len(set(grades)) == len(grades) else []
        joint = _JOINT.match(text, found.end(), end)
        if joint is None:
            return []
        at = joint.end()
    return []


def _ends_list(text: str, at: int, end: int) -> bool:
    """Does the list end at a comma, the rest of its sentence about no more of the things graded?"""
    return _GOES_ON.match(text, at, end) is not None and _MORE_OF_THEM.search(text, at, end) is None


# ...or the things graded named right before it, the count their number (`纳入自评的项目共7个`)
_COUNTED_BEFORE = regex(r"(?:项目|单位)(?:共|共计|合计)?$")


def _graded_total(draft: Draft, si: int, counter: str) -> Mention | None:
    """The one count in `counter` of the sentence, of a thing named right after it (`8个项目`) or right before it
    (`项目共7个`)."""
    found = [
        (m, q) for m in draft.by_sentence.get(si) or [] for q in m.quantities if q.kind == "count" and q.unit == counter
    ]
    if len(found) != 1 or not found[0][1].exact:
        return None
    m, q = found[0]
    text = draft.doc.text
    return m if _COUNTED.match(text, q.end) or _COUNTED_BEFORE.search(text, max(q.start - 4, 0), q.start) else None


def _read_already(draft: Draft, total: Mention, parts: list[Mention]) -> Breakdown | None:
    """The breakdown of the same total into the same parts the parser read, if any."""
    ids = [id(m) for m in parts]
    return next(
        (b for b in draft.facts.breakdowns if b.total is total and [id(m) for m in b.parts] == ids and not b.minus),
        None,
    )


def _mentions(draft: Draft, starts: list[int]) -> list[Mention] | None:
    """The figures standing at the offsets, one figure each."""
    by_start = {q.start: m for m in draft.facts.mentions for q in m.quantities if len(m.quantities) == 1}
    found = [by_start.get(at) for at in starts]
    return None if any(m is None for m in found) else [m for m in found if m is not None]


def _scale_grades(text: str) -> set[str]:
    """The grades of the scale the document states (none where it states none, or two scales that differ)."""
    grades = {frozenset(CANON[b.grade] for b in bands) for _, bands in stated_scales(text)}
    return set(next(iter(grades))) if len(grades) == 1 else set()
