"""A count stated of the items listed after it: an announcement of numbered items (`审计发现以下 5 类问题：` /
`（一）…` …), and a count of things before the `分别为` list of those things (`5 个单位…分别为：甲局 a、乙中心 b…`).

Read only where the list is certain. Numbered items are read from the layout (a warning at most): the announcing
sentence ends with its colon, the count is of what the items are (`以下 N 类…：`, or the thing counted named in every
item, or the sentence closing with `，具体为：` after its one count of things, no item counting anything of its own), the
items, each a heading of one level, are numbered 1, 2, 3 … with no gap right after it, and end where a
heading of another level or a line that is no item begins. A `分别为` list counts only where its figures make its
total exactly and each of its items is named as the thing counted (vocab counted_names).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Breakdown, CountedList, Mention
from tieout.linter.facts.passes.base import exact_of
from tieout.linter.facts.passes.item_runs import runs_of, under_item
from tieout.linter.figures.quantities import Quantity, count_number
from tieout.linter.patterns import regex
from tieout.linter.text.model import Section
from tieout.linter.vocab import load

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# an item's mark and its number: `1.`, `2、`, `（三）`, `(4)`, `五、`
MARK = regex(
    r"^\s*(?:(\d{1,2})[.．、](?!\d)|[（(](\d{1,2}|[一二三四五六七八九十]{1,3})[）)]|([一二三四五六七八九十]{1,3})、)"
)
# the count right after the words pointing at what follows (`以下 5 类问题：`, `下列三个方面：`)
POINTS_AHEAD = regex(r"(?:以下|下列|如下)$")
# what may stand between such a count and the colon: the name of what is counted, nothing else
COUNTED_NOUN = regex(r"^[\u4e00-\u9fff]{0,10}[：:]\s*$")
# an item enumerated in the text (`；二是…`): its ordinal right after the colon, semicolon or full stop before it
ENUMERATED = regex(
    r"(?:^|[：:；;。])\s*(?:([一二三四五六七八九十]{1,3})是|[（(]([一二三四五六七八九十]{1,3}|\d{1,2})[）)]|(\d{1,2})[.．、](?!\d))"
)
# the counters of a count announcing items in prose (`三个方面`, `五项措施`, `两类问题`), and the names of such
# items right after it or right before it (`问题主要有 3 个：`)
POINT_COUNTERS = ("个", "项", "类", "条", "点")
_POINT_NOUNS = "|".join(
    sorted((str(w) for w in load("relations").get("enumerated_nouns") or []), key=len, reverse=True)
)
POINT_NOUN = regex(rf"^\s*(?:{_POINT_NOUNS})\s*[：:]$")
_POINT_VERBS = "|".join(
    sorted((str(w) for w in load("relations").get("enumerated_verbs") or []), key=len, reverse=True)
)
POINT_VERB = regex(rf"(?:{_POINT_VERBS})(?:共|主要|共计)?\s*$")
POINT_NOUN_BEFORE = regex(rf"(?:{_POINT_NOUNS})(?:主要)?(?:共有|共计|共|有|为|是)?\s*$")
# an item standing for several of the things counted: the rest of them (`其他`, `其余`) or a count of its own
GROUPED = regex(r"其他|其余|\d+\s*[个项类家件条所座户]|[两二三四五六七八九十]+[个项类家件条所座户]")
# a count joined to another thing named before it (`本部及所属 2 家`, `机关和下属 3 个单位`)
JOINED_TO_OTHER = regex(r"(?:及|和|与|以及)(?:其)?(?:所属|下属|直属)?\s*$")
# a sentence opening with the words pointing back at all the items before it (`上述事项…`, `以上各项…`): they end there
BACK_TO_ALL = regex(r"^(?:上述|以上)")
THING = 2  # characters of the counted thing's name each item must repeat (`项目`)


def counted_lists(draft: Draft) -> Iterator[CountedList]:
    """The numbered runs of headings an announcing sentence right before them counts."""
    doc = draft.doc
    starts = [s.start for s in doc.sentences]
    for run in runs_of(draft):
        marks = _numbered(run)
        si = bisect_left(starts, run[0].start) - 1
        if not marks or si < 0 or not under_item(doc.section_at(starts[si]), run[0].parent):
            continue
        sent = doc.sentences[si]
        text = doc.text[sent.start : sent.end].rstrip()
        if not text.endswith(("：", ":")):
            continue  # not announcing what follows
        if any(GROUPED.search(MARK.sub("", sec.title, count=1)) for sec in run):
            continue  # (`5. 其他 5 个项目 0.93 亿元`: an item grouping several of the things counted)
        q = _announced_count(draft, si, sent.end, run)
        if q is not None:
            yield CountedList(q, marks, si)


def _numbered(run: list[Section]) -> list[str]:
    """The items' marks when they number the run 1, 2, 3 … with no gap (else [])."""
    marks: list[str] = []
    for k, sec in enumerate(run, 1):
        found = MARK.match(sec.title)
        if found is None:
            return []
        number = next(g for g in found.groups() if g)
        if count_number(number) != k:
            return []
        marks.append(found.group().strip())
    return marks


def _announced_count(draft: Draft, si: int, end: int, run: list[Section]) -> Quantity | None:
    """The one exact count of the sentence, when it counts what the items are: right after `以下`/`下列` with only
    the thing's name before the colon, or naming a thing (`重点项目 4 个`, `4 个项目`) every item names."""
    counts = [(m, q) for m in draft.by_sentence.get(si) or [] for q in m.quantities if q.kind == "count" and q.exact]
    if len(counts) != 1:
        # no count, or several: which one counts the items is not said, unless the others are points scored (`平均
        # 得分 92.2 分`) and the sentence says its items are the one counted, one by one (`_spelled_out`)
        things = [(m, q) for m, q in counts if q.unit != "分"]
        one = len(things) == 1 and _spelled_out(draft.doc.text[things[0][1].end : end], run)
        return things[0][1] if one else None
    m, q = counts[0]
    if JOINED_TO_OTHER.search(m.label):
        return None  # `由本部及所属 2 家事业单位组成：`: the items list the other one too
    if POINTS_AHEAD.search(m.label) and COUNTED_NOUN.match(draft.doc.text[q.end : end]):
        return q
    thing = _thing(m)
    if thing and all(thing in sec.title for sec in run):
        return q
    return q if _spelled_out(draft.doc.text[q.end : end], run) else None


# the words closing an announcing sentence that say its items are the things it counted, one by one (`对 6 个项目开展
# 自评，…，具体为：`)
ONE_BY_ONE = regex(r"[^。；;]*?[，,](?:具体为|具体是|分别为|分别是)[：:]\s*$")
# a count within an item: the item groups several of the things counted, or counts something else
ITEM_COUNT = regex(r"\d+\s*[个项类家件条所座户场名笔批次人]|[两二三四五六七八九十]+[个项类家件条所座户场名笔批]")


def _spelled_out(after: str, run: list[Section]) -> bool:
    """Does the sentence close by saying its items are the things counted one by one (`…，具体为：`), no item
    counting anything of its own (`1. 宣传活动 5 场`: a kind of them, several in one)?"""
    return ONE_BY_ONE.match(after) is not None and not any(ITEM_COUNT.search(sec.title) for sec in run)


def _thing(m: Mention) -> str:
    """The name of what a count counts, its last characters: the noun after it, else its label's end."""
    name = m.noun or m.label
    return name[-THING:] if len(name) >= THING and name[-THING:].isalpha() else ""


def enumerated_lists(draft: Draft) -> Iterator[CountedList]:
    """`主要有以下三个方面：一是…；二是…；三是…；四是…。`, `问题主要有三个方面：（一）…；（二）…。`: a count closing
    its clause with a colon, right after `以下`/`下列` or before the name of what such items are (vocab
    enumerated_nouns: `方面`, `问题`), the paragraph after it nothing but items 一是, 二是 … (or `（一）`, `1.`) in
    order (each sentence of it opening with one)."""
    for si, mentions in draft.by_sentence.items():
        found = _announcing(draft, si, mentions)
        if found is None:
            continue
        q, colon = found
        marks = _enumerated(draft, si, colon) or _semicolon_items(draft, si, mentions, colon)
        if marks:
            yield CountedList(q, marks, si)


ITEM_NAME = 6  # characters of an unmarked item's words that name it in a finding


def _semicolon_items(draft: Draft, si: int, mentions: list[Mention], colon: int) -> list[str]:
    """`主要用于以下 5 个方面：A 860 万元；B 540 万元；C 415 万元；D 370 万元。`: items with no mark, set apart by `；`
    from the colon to the end of the sentence, each stating one figure and naming it (no list of its own with
    `、`, which may be several items in one): their names' first words (else [])."""
    doc = draft.doc
    end = doc.sentences[si].end
    items = doc.text[colon + 1 : end].rstrip("。 \n").split("；")
    if len(items) < 2 or any(not item.strip() or "、" in item for item in items):
        return []
    starts = [colon + 1]
    for item in items[:-1]:
        starts.append(starts[-1] + len(item) + 1)
    figures = [q.start for m in mentions for q in m.quantities if q.start > colon]
    counts = [sum(1 for f in figures if a <= f < a + len(item)) for a, item in zip(starts, items)]
    if any(n != 1 for n in counts) or len(figures) != len(items):
        return []
    return [item.strip()[:ITEM_NAME] for item in items]


def enumerated_paragraphs(draft: Draft) -> Iterator[CountedList]:
    """`项目主要存在以下三个方面的问题：一是…。…` and the paragraphs after it each opening with `二是`, `三是` … in order
    (a mark never written as a heading: `counted_lists` reads those), an item being all of its paragraph: the count
    against the items, which end at the first paragraph opening with no such mark, the next number's mark nowhere
    after them in the section."""
    doc = draft.doc
    for si, mentions in draft.by_sentence.items():
        found = _announcing(draft, si, mentions)
        if found is None:
            continue
        para = doc.paragraph_of(si)
        first = doc.text[found[1] : doc.sentences[para.stop - 1].end]
        marks = _item_paragraphs(draft, first, para.stop)
        if marks:
            yield CountedList(found[0], marks, si)


def _own_marks(text: str, after: int) -> list[str] | None:
    """The `一是`-kind marks of an item's text, when it opens with the one numbered `after + 1` and holds no other."""
    found = [f for f in ENUMERATED.finditer(text) if f[1]]
    opening = ENUMERATED.match(text.strip())
    if opening is None or not opening[1] or len(found) != 1 or count_number(found[0][1]) != after + 1:
        return None
    return [found[0].group().lstrip("：:；;。 \t\n")]


def _item_paragraphs(draft: Draft, first: str, k: int) -> list[str]:
    """The marks `一是`, `二是` … of the item opening right after the colon (`first`, the rest of its paragraph) and
    of the paragraphs from sentence k on that go on with them, in order with no gap, one item each; [] unless the
    items run over two paragraphs at least and the next number's mark stands nowhere after them in the section."""
    doc = draft.doc
    sentences = doc.sentences
    marks = _own_marks(first, 0)
    if marks is None:
        return []
    while k < len(sentences):
        para = doc.paragraph_of(k)
        own = _own_marks(doc.text[sentences[para.start].start : sentences[para.stop - 1].end], len(marks))
        if own is None:
            break
        marks += own
        k = para.stop
    if len(marks) < 2:
        return []
    if _marked_later(draft, k, (1, False), len(marks) + 1):
        return []  # (the items go on after a paragraph of another kind: where they end is not clear)
    return marks


def _announcing(draft: Draft, si: int, mentions: list[Mention]) -> tuple[Quantity, int] | None:
    """The count right before the sentence's first colon that announces the items after it in the sentence,
    and that colon."""
    doc = draft.doc
    sent = doc.sentences[si]
    colon = doc.text.find("：", sent.start, sent.end)
    if colon < 0 or not doc.text[colon + 1 : sent.end].strip():
        return None  # not announcing items in its own sentence (the items on lines of their own: `counted_lists`)
    return _announced(draft, si, mentions, colon)


def _announced(draft: Draft, si: int, mentions: list[Mention], colon: int) -> tuple[Quantity, int] | None:
    """The count right before the colon, when it announces the items after it."""
    doc = draft.doc
    sent = doc.sentences[si]
    before = [q for m in mentions for q in m.quantities if q.kind == "count" and q.end <= colon]
    if not before or not before[-1].exact:
        return None
    q = before[-1]
    m = next(m for m in mentions if q in m.quantities)
    noun = doc.text[q.end : colon + 1]
    if POINTS_AHEAD.search(m.label) and COUNTED_NOUN.match(noun):
        return q, colon
    clause = doc.text[max(sent.start, *(doc.text.rfind(c, sent.start, q.start) + 1 for c in "，,；;")) : q.start]
    if q.unit not in POINT_COUNTERS or clause.rstrip().endswith("等"):
        return None  # (`个百分点`, `3 年`: no count of items; `A、B 等三个方面`: a count of the names before it)
    named = (POINT_NOUN.match(noun) and POINT_VERB.search(clause)) or (
        noun == "：" and POINT_NOUN_BEFORE.search(clause)
    )
    return (q, colon) if named else None


def _enumerated(draft: Draft, si: int, colon: int) -> list[str]:
    """The marks 一是, 二是 … (or `（一）`, `1.` …) of the paragraph after the colon, when they open it and each
    of its sentences, in order with no gap (else []). Marks of another kind inside an item are its own."""
    doc = draft.doc
    sentences = doc.sentences
    pieces = [doc.text[colon : sentences[si].end]]
    first = ENUMERATED.match(pieces[0])
    if first is None:
        return []
    kind = _mark_kind(first)
    for k in range(si + 1, doc.paragraph_of(si).stop):
        text = doc.text[sentences[k].start : sentences[k].end]
        if BACK_TO_ALL.match(text.strip()):
            break  # (`上述事项均已完成。`: a sentence on all the items closes them)
        opening = ENUMERATED.match(text.strip())
        if opening is None or _mark_kind(opening) != kind:
            return []  # the paragraph goes on with no item: where the list ends is not clear
        pieces.append(text)
    found = [f for piece in pieces for f in ENUMERATED.finditer(piece) if _mark_kind(f) == kind]
    numbers = [f[kind[0]] for f in found]
    if len(numbers) < 2 or [count_number(n) for n in numbers] != list(range(1, len(numbers) + 1)):
        return []
    # the items may go on past the paragraph (the layout cut it after a short line: `二是…；` / `三是…。`): the
    # sentences after it that each open with the next number's mark of the kind are items too
    k = doc.paragraph_of(si).stop
    while k < len(sentences):
        opening = ENUMERATED.match(doc.text[sentences[k].start : sentences[k].end].strip())
        if opening is None or _mark_kind(opening) != kind or count_number(opening[kind[0]]) != len(found) + 1:
            break
        found.append(opening)
        k += 1
    if _marked_later(draft, k, kind, len(found) + 1):
        return []  # (the items go on after a sentence of another kind: where they end is not clear)
    return [f.group().lstrip("：:；;。 \t\n") for f in found]


def _marked_later(draft: Draft, k: int, kind: tuple[int, bool], number: int) -> bool:
    """Does a mark of the kind (`_mark_kind`: `(1, False)` for 一是) numbered `number` stand from sentence k on in
    its section? Then a run of items that stopped before k goes on after other text."""
    doc = draft.doc
    if k >= len(doc.sentences):
        return False
    begin = doc.sentences[k].start
    i = doc.section_index(begin)
    end = doc.sections[i + 1].start if i + 1 < len(doc.sections) else len(doc.text)
    return any(
        _mark_kind(f) == kind and count_number(f[kind[0]]) == number for f in ENUMERATED.finditer(doc.text, begin, end)
    )


def _mark_kind(found: re.Match[str]) -> tuple[int, bool]:
    """Which kind of mark an item has (`一是`, `（一）`, `（1）`, `1.`): its group and whether its number is in
    digits."""
    group = next(g for g in range(1, 4) if found[g])
    return group, found[group].isdigit()


# the counters a count of named things is written with (`5 个单位`, `4 家医院`, `12 户企业`)
THING_COUNTERS = ("个", "家", "所", "户")
NAMED_THINGS: dict[str, tuple[str, ...]] = {
    str(k): tuple(str(w) for w in v or []) for k, v in (load("relations").get("counted_names") or {}).items()
}
THING_NOUNS = tuple(sorted(NAMED_THINGS, key=len, reverse=True))  # (the longest first: `县区` before `县`)


def respective_counts(draft: Draft) -> Iterator[CountedList]:
    """`5 个单位…共计 X，分别为：甲局 a、乙中心 b、丙院 c`: a count of things (vocab counted_names) stated before the
    total of a `分别为` list in its sentence, the list's every item named as such a thing (`…局`, `…中心`) and its
    figures making the total exactly, so that the items are all the things counted: their number is the count."""
    for b in draft.facts.breakdowns:
        counted = _counted_by(draft, b)
        if counted is not None:
            yield CountedList(counted, [p.key for p in b.parts], b.sentence)


def _counted_by(draft: Draft, b: Breakdown) -> Quantity | None:
    if not b.keyword.startswith("分别") or len(b.parts) < 2 or b.minus:
        return None
    whole = exact_of(b.total, "元")
    listed = [exact_of(p, "元") for p in b.parts]
    if whole is None or None in listed or sum(q.base_value for q in listed if q is not None) != whole.base_value:
        return None  # (only a list its figures show complete lists all the things)
    doc = draft.doc
    counts = [
        q
        for m in draft.by_sentence.get(b.sentence) or []
        for q in m.quantities
        if q.kind == "count" and q.exact and q.unit in THING_COUNTERS and q.start < whole.start
    ]
    if len(counts) != 1:
        return None
    q = counts[0]
    noun = next((n for n in THING_NOUNS if doc.text.startswith(n, q.end)), None)
    if noun is None or not all(p.key.endswith(NAMED_THINGS[noun]) for p in b.parts):
        return None
    return q
