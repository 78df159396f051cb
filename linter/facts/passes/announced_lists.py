"""Lists a sentence announces: `主要用于：`, `…如下：`, `由…组成：` and the like, followed by the parts, numbered
items or named phrases, each stating a figure of the total's unit (`announced_lists`, `named_parts`).

Their own module because the words announcing a list (vocab relation words), and what they say of its reach
(all the parts, or the main ones), decide how the parts are taken and whether they must add up.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Breakdown, Mention
from tieout.linter.facts.passes.base import (
    exact_figure,
    foots,
    in_brackets,
    names_itself,
    one_slip,
    same_section,
    sentences_holding,
)
from tieout.linter.facts.passes.item_runs import follows, runs_of, under_item
from tieout.linter.facts.passes.list_terms import (
    ENDED,
    GIVES_A_REASON,
    LEVEL_NAMED,
    TOTAL_WORD,
    heading_figure,
    measured_against,
    named_figure,
    own_phrase,
    two_sides,
)
from tieout.linter.figures.intervals import HUNDRED
from tieout.linter.figures.labels import LAST_YEAR_BESIDE
from tieout.linter.figures.quantities import Quantity, count_number
from tieout.linter.patterns import regex
from tieout.linter.text.model import Section
from tieout.linter.vocab import relation_words as _alt
from tieout.linter.vocab import words

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft


# gross values (固定资产原值) and the net ones beside them (净值): a total of assets counts the net
GROSS = tuple(words("relations", "gross"))
NET = tuple(words("relations", "net"))


def _counted_announcement(draft: Draft, si: int, mentions: list[Mention], count: Quantity) -> _Announced | None:
    """`项目支出预算 T 万元，安排以下 4 个项目：`: a total, then, after a comma, the count of what the numbered items after
    the sentence are (its name alone before the colon), counted by a verb of the total's use (vocab
    counted_item_verbs) or `以下`/`下列`, nothing else between: the items are all of it where they are as many as
    counted (`announced_lists`). `主要`/`重点` items are some of it only: not read so."""
    doc = draft.doc
    if len(mentions) < 2 or count.value != count.value.to_integral_value() or count.value < 2:
        return None
    total = mentions[-2]
    q = next((x for x in reversed(total.quantities) if x.kind == "amount" and x.exact), None)
    if q is None or draft.labeller.qualifying_ratio(total.key, total.quantities):
        return None
    if not COUNT_OPENS.match(doc.text[q.end : count.start]) or not COUNT_CLOSES.match(
        doc.text[count.end : doc.sentences[si].end]
    ):
        return None
    return _Announced(doc.text[q.end : doc.sentences[si].end].strip("，,：: "), (total, q), count=int(count.value))


# between a total and the count of its items: a comma, then a verb of its use or the words pointing ahead, or both;
# the words may first say what the total is divided by (`本年收入合计 T，按来源分为以下四项：`)
COUNT_OPENS = regex(
    r"^\s*[，,]\s*(?:按[\u4e00-\u9fff]{1,6}?(?:划分|分)为|分为)?(?:共|共计)?"
    rf"(?:(?:{_alt('counted_item_verbs')})(?:以下|下列)?|以下|下列)\s*$"
)
# after the count: its counter and the name of what it counts (the counter alone may name them: `以下四项：`), then
# the colon closing the sentence
COUNT_CLOSES = regex(r"^\s*[个项类]?[\u4e00-\u9fff]{0,8}[：:]\s*$")


def _as_counted(a: _Announced, run: list[Section]) -> bool:
    """Does a count the words state (none: nothing to hold) number the items after them, 1, 2 … with no gap?"""
    return a.count is None or (len(run) == a.count and all(follows(x, y) for x, y in pairwise(run)))


def _staged_apart(draft: Draft, total: Mention, parts: list[Mention], a: _Announced) -> bool:
    """Does an item of a counted list state its figure at another stage than the total's (`项目支出 T，安排以下 3 个
    项目：（1）甲项目，预算 a 万元`: budgets of spending)? Or does any item state figures at two stages, the one read at
    another than the total's (`收入原预算 A，调整为 B。其中：` / `1.税收收入原预算 a，调整为 b`: a is of A, b of B)?
    Then they are not its parts."""
    stage = total.identity.context.stage
    if a.count is not None:
        return any(p.identity.context.stage not in (None, stage) for p in parts)
    return stage is not None and any(
        p.identity.context.stage not in (None, stage)
        and any(m.identity.context.stage == stage for m in draft.by_sentence.get(p.sentence) or [] if m is not p)
        for p in parts
    )


def announced_lists(draft: Draft) -> Iterator[Breakdown]:
    """`一般公共预算拨款支出 X 万元，主要用于：` / `1.“…（项）”科目 a 万元，…。` / `2.…`, and `财政拨款支出主要内容如下：`
    naming a figure stated before it: numbered items one level below, each stating a figure of the total's unit
    right after its name, are the parts the sentence announces. `主要…` lists the main items only: the parts
    must not exceed the total, and they are all of it when they add up; `包括：`, `具体如下：` announce all of them
    (held to the total but for a slipped digit, as `headed_lists` holds its items). A division (`按用途分：`,
    `分项看：`) is all of the total where the items add up to it or their shares, together 100%, are of it; a
    division by taxes or regions may name the main ones only, so a slipped digit alone does not make it whole.
    Announced alone in its sentence, the list is of the figure ending the sentence before, or of its one figure
    that is no reference (a base, a note in brackets), or of the one figure of it the items add up to or their
    shares are of (`支出安排 S，上解 U，支出总计 T。按功能分类：` / `1.一般公共服务支出 a，占 p%；…`: of S).
    Inferred (warnings at most)."""
    doc = draft.doc
    starts = [s.start for s in doc.sentences]
    shares = _unnamed_shares(draft)
    for run in runs_of(draft):
        si = bisect_left(starts, run[0].start) - 1
        if si < 0 or not under_item(doc.section_at(starts[si]), run[0].parent):
            continue
        announced = _announcement(draft, si)
        if announced is None or not _as_counted(announced, run):
            continue
        if announced.words == BARE_COLON and not all(follows(a, b) for a, b in pairwise(run)):
            continue  # a colon alone announces a list numbered 1., 2., 3. …, nothing skipped: else not known whole
        found = _announced_parts(draft, _class_groups(draft, run, starts) or run, starts, announced, shares)
        if (
            found is not None
            and not _staged_apart(draft, found[0], found[1], announced)
            and _of_its_members(draft, *found)
        ):
            total, parts, exhaustive = found
            words = announced.words
            yield Breakdown(total, parts, words, exhaustive, total.sentence, inferred=True, certain=False)


def _class_groups(draft: Draft, run: list[Section], starts: list[int]) -> list[Section] | None:
    """`其中：` / `（一）一般公共服务支出（类）` / `1.…（款）行政运行（项）a 万元` / `2.…` / `（二）住房保障支出（类）` / `1.…`:
    items that each head a class of the classification (`（类）`) with no figure of their own, the 项 under them
    numbered 1., 2. … in each, are groups of the announced items: the items are the numbered ones of every group,
    in order (None where an item is no such group)."""
    items: list[Section] = []
    for group in run:
        if "类" not in (m.group(1) for m in LEVEL_NAMED.finditer(group.title)):
            return None
        si = _heading_sentence(starts, group)
        kids = _numbered_children(draft.doc.sections, group)
        one = _one_item_class(draft, group, starts, si) if si >= 0 and not kids else None
        if one is not None:
            # `（二）卫生健康支出（类）行政事业单位医疗（款）` / `行政单位医疗（项）支出 b`: a class of
            # one 项, stated right under its heading unnumbered, an item of the list as its numbered siblings are
            items.append(one)
            continue
        if draft.by_sentence.get(si):
            return None  # the class states its own figure: the list is of the classes
        if not kids:
            return None
        items.extend(kids)
    return items


def _one_item_class(draft: Draft, group: Section, starts: list[int], si: int) -> Section | None:
    """The one 项 a class's heading states with no numbered item under it, as an item of a list (`heading_figure`
    reads the sentence an item's section starts): the heading itself where its sentence runs on to the 项's figure
    (`（二）…（类）…（款）…（项）支出 b`), else the sentence right after a heading of no figure (`（二）…（类）…（款）` /
    `…（项）支出 b`), in no other section. Its first figure must follow the 项's mark (None otherwise). `si`: the
    sentence the heading starts (`_heading_sentence`), the class having no numbered item (`_class_groups` asks)."""
    one = group
    if not draft.by_sentence.get(si):
        si += 1
        if si >= len(starts) or draft.doc.section_at(starts[si]) is not group:
            return None
        one = Section(group.title, group.level + 1, starts[si], group.line, group)
    mentions = draft.by_sentence.get(si)
    if not mentions or not mentions[0].quantities:
        return None
    named = draft.doc.text[one.start : mentions[0].quantities[0].start]
    return one if [m.group(1) for m in LEVEL_NAMED.finditer(named)][-1:] == ["项"] else None


def _heading_sentence(starts: list[int], sec: Section) -> int:
    """The index of the sentence a heading starts (-1 where none starts at it; `starts`: the sentences')."""
    si = bisect_left(starts, sec.start)
    return si if si < len(starts) and starts[si] == sec.start else -1


def _numbered_children(sections: list[Section], group: Section) -> list[Section]:
    """The titled sections right under `group`, numbered one after the other from its first ([] where the numbers
    skip or an untitled section stands between: then they are not known to be all its items)."""
    k = bisect_left(sections, group.start, key=lambda s: s.start)
    kids: list[Section] = []
    for sec in sections[k + 1 :]:
        if sec.level <= group.level:
            break
        if sec.parent is not group:
            continue
        if not sec.title or (kids and not follows(kids[-1], sec)):
            return []
        kids.append(sec)
    return kids


# the parts a figure is made of, named right after it before a colon (`基本支出 X 万元，由人员经费和公用经费两部分组成：`,
# `…，包括人员经费和公用经费：`)
NAMED_PARTS = regex(
    r"\s*[，,]\s*(?:由|包括)(?P<names>[\u4e00-\u9fff“”]{2,40}?)"
    r"(?:[两二三四五六七八九十]个?(?:部分|方面|类|项))?(?:组成|构成)?[：:]"
)
NAMED_PARTS_OPENING = regex(r"[，,]\s*(?:由|包括)")
NAMES_JOINED = regex(r"[、和及与]")


def named_parts(draft: Draft) -> Iterator[Breakdown]:
    """`基本支出 X 万元，由人员经费和公用经费两部分组成：人员经费 a 万元，占 p%，包括…；公用经费 b 万元，…。`: a figure
    followed by the names of the parts it is made of, then those parts' figures in that order (in its sentence and
    the next ones under its heading: each part may be a paragraph of its own), each named so and of the total's
    unit, are the total and all its parts (the names are the sentence's own, not the layout's). Inferred
    (warnings at most)."""
    doc = draft.doc
    # (NAMED_PARTS opens with `，由` or `，包括`: only the sentences holding one, found by a scan of the text, are read)
    holding = set(sentences_holding(draft, NAMED_PARTS_OPENING))
    for si, mentions in draft.by_sentence.items():
        if si not in holding:
            continue
        for k, total in enumerate(mentions):
            q = exact_figure(total)
            hit = NAMED_PARTS.match(doc.text, q.end, doc.sentences[si].end) if q is not None else None
            if hit is None or q is None or q.kind != "amount" or draft.is_part(total):
                continue
            names = [n.strip("“”") for n in NAMES_JOINED.split(hit.group("names"))]
            if len(names) < 2 or not all(len(n) >= 2 for n in names):
                continue
            parts = _parts_after(draft, si, mentions[k + 1 :], names, q)
            if parts:
                yield Breakdown(total, parts, "组成", True, total.sentence, inferred=True, certain=False)


PARTS_REACH = 6  # the sentences after the names' own that their parts may stand in


def _parts_after(draft: Draft, si: int, after: list[Mention], names: list[str], q: Quantity) -> list[Mention]:
    """The parts named after the total: among the figures after it in its sentence and in the next ones under the
    same heading, those of `q`'s unit named by the names in order (`_named_in_order`)."""
    sentences = draft.doc.sentences
    for sj in range(si + 1, min(len(sentences), si + 1 + PARTS_REACH)):
        if not same_section(draft, sentences[si].start, sentences[sj].start):
            break
        after = after + (draft.by_sentence.get(sj) or [])
    return _named_in_order(draft, after, names, q)


def _named_in_order(draft: Draft, after: list[Mention], names: list[str], q: Quantity) -> list[Mention]:
    """The figures of `q`'s unit, one named by each name in order (figures named otherwise may stand between: a
    part's own items), the first figure of the unit the first part; [] unless every name has one, or where a name
    comes again or out of its order before the last."""
    alike = [m for m in after if (x := exact_figure(m)) is not None and x.base_unit == q.base_unit and x.kind == q.kind]
    parts: list[Mention] = []
    for m in alike:
        phrase = own_phrase(m)
        if phrase == names[len(parts)]:
            parts.append(m)
            if len(parts) == len(names):
                break
        elif phrase in names:
            return []
    if len(parts) < len(names) or not alike or alike[0] is not parts[0] or any(draft.is_part(m) for m in parts):
        return []
    return parts


@dataclass(slots=True)
class _Announced:
    """What an announcing sentence (`…，主要用于：`, `按功能分类：`) says of the total of the items after it: its
    words, the figure they follow or name (`primary`), and the other figures the total may be (`near`: those of
    the sentence before, when the words stand alone in theirs), taken only by their arithmetic."""

    words: str
    primary: tuple[Mention, Quantity] | None
    near: list[tuple[Mention, Quantity]] = field(default_factory=list)
    count: int | None = None  # how many items the words say follow (`安排以下 4 个项目：`), when they count them


def _announced_parts(
    draft: Draft, run: list[Section], starts: list[int], a: _Announced, shares: dict[int, Quantity]
) -> tuple[Mention, list[Mention], bool] | None:
    """The total of the announced items, the items' figures and whether they are all of it: the one figure they
    add up to, else the one their shares (every item's, together 100%) are of, else the figure the words name
    (as the words hold it: `_held_announced`)."""
    candidates = ([a.primary] if a.primary is not None else []) + a.near
    named = a.count is not None
    listed = [(m, q, parts) for m, q in candidates if (parts := _announced_items(draft, run, starts, m, q, named))]
    for whole_test in (foots, lambda q, values: _shares_of(q, values, shares)):
        fit = [(m, q, parts) for m, q, parts in listed if whole_test(q, [x for _, x in parts])]
        if fit and len({q.base_value for _, q, _ in fit}) == 1:
            m, _, parts = fit[0]
            return m, [p for p, _ in parts], True
    if a.primary is None:
        return None
    m, q = a.primary
    parts = next((ps for t, _, ps in listed if t is m), [])
    if _other_measure(draft, m, parts):
        return None
    exhaustive = _held_announced(a, q, [x for _, x in parts]) if parts else None
    return None if exhaustive is None else (m, [p for p, _ in parts], exhaustive)


def _other_measure(draft: Draft, total: Mention, parts: list[tuple[Mention, Quantity]]) -> bool:
    """Is the total what was left over (结转, 结余) and does an item state several figures of its unit, the one read
    as its part named by no such word (`年末结转资金 C。分项目类型看：` / `1.甲类项目安排资金 a，已支出 b，…`: a is what
    was arranged, b spent)? What an item was arranged or spent is no part of what is left: which of its figures, if
    any, divides the total is not said, so the items are not read as its parts."""
    if STOCK_LEFT.search(total.key) is None:
        return False
    for m, q in parts:
        alike = [
            x
            for n in draft.by_sentence.get(m.sentence) or []
            for x in n.quantities
            if x.kind == q.kind and x.exact and x.base_unit == q.base_unit
        ]
        if len(alike) > 1 and STOCK_LEFT.search(m.key) is None:
            return True
    return False


# the words of what is left over at the year's end, a stock no allocation or spending is a part of
STOCK_LEFT = regex(r"结转|结余")


# a whole named by counting its members (`教育、社会保障和就业、卫生健康、住房保障、农林水五项民生支出合计 X`), or by
# listing them with `等` (`教育、卫生健康、农林水等民生领域支出合计 X`: those and perhaps a few of their kind)
MEMBERS_COUNTED = regex(
    r"(?P<names>[\u4e00-\u9fff“”]{2,16}?(?:、[\u4e00-\u9fff“”]{2,16}?)+)"
    r"(?:等?(?P<n>[两二三四五六七八九十\d]{1,2})(?:项|个|类|大)|等)"
)
PHRASE_START = regex(r"[，,；;：:]")


def _of_its_members(draft: Draft, total: Mention, parts: list[Mention], exhaustive: bool) -> bool:
    """Are the parts the members the total's name counts, where it names them (`教育、…、农林水五项民生支出合计 X。
    分科目看：（1）教育支出 a…（5）城乡社区支出 e`: the division is of all the spending, not of the five; 城乡社区 is
    none of them)? A total that counts no members holds any parts."""
    q = next((x for x in total.quantities if x.kind in ("amount", "count")), None)
    if q is None:
        return True
    sentence = draft.doc.sentences[total.sentence]
    before = draft.doc.text[sentence.start : q.start]
    phrase = before[max((m.end() for m in PHRASE_START.finditer(before)), default=0) :]
    counted = MEMBERS_COUNTED.search(phrase)
    if counted is None:
        return True
    names = counted["names"].split("、")
    if counted["n"] is not None and count_number(counted["n"]) != len(names):
        return True  # (`…等三项`: not every member named)
    # (with `等` alone the members are those named and perhaps others: parts that are none of the named ones may
    # be of the total or not, so the list is not read as its parts; the same test as for members counted)
    # (the first name may carry the words before it, `全县农业、水利…`: any of its ends of two characters or more)
    first = [names[0][k:] for k in range(len(names[0]) - 1)]
    return all(any(name in p.label for name in first + names[1:]) for p in parts)


def _held_announced(a: _Announced, q: Quantity, values: list[Quantity]) -> bool | None:
    """How the words hold items that do not add up to the figure they name: as some of it (`主要…`, and a
    division the sentence before states no other figure beside: parts that must not exceed it), as all of it
    but for a slipped digit (`包括：`, `具体如下：`), or not at all (None)."""
    if ANNOUNCES_SOME.match(a.words):
        return False  # the main items: held to the total only as parts that do not exceed it
    if DIVIDES.fullmatch(a.words):
        # a division may name the main taxes, regions … only: some of the total, where no other figure of the
        # sentence before might be the one divided
        return None if a.near else False
    return True if one_slip(q, values) else None  # all the items announced, and far from the total: not read


def _announced_items(
    draft: Draft, run: list[Section], starts: list[int], total: Mention, q: Quantity, named: bool = False
) -> list[tuple[Mention, Quantity]]:
    """The items' figures in `q`'s unit when every item states one and they are no two sides of a budget (with
    `named`, an item's one figure may follow its name and the word naming it: `（1）甲项目，预算 a 万元`)."""
    items = [heading_figure(draft, k, starts, q.base_unit, named) for k in run]
    if not any(g in total.key for g in GROSS):
        items = [_net_of(draft, x) for x in items]
    parts = [x for x in items if x is not None]
    if len(parts) != len(items) or any(m is total for m, _ in parts) or two_sides([m for m, _ in parts]):
        return []
    if names_itself(total, [m for m, _ in parts]):
        # `本年收入合计 A，上年结转 B。其中：` / `1．…` … `6．上年结转 B`: the list is of A + B, not of B
        return []
    return parts


def _net_of(draft: Draft, item: tuple[Mention, Quantity] | None) -> tuple[Mention, Quantity] | None:
    """An item's part of a total that counts net values (资产总额): its figure, or where that is a gross value
    (`（四）无形资产原值 a，累计摊销 b，无形资产净值 c`) the one net value its sentence states of the unit (None: none,
    or several)."""
    if item is None or not item[0].key.endswith(GROSS):
        return item
    m, q = item
    nets = [
        (n, x)
        for n in draft.by_sentence.get(m.sentence) or []
        if n.key.endswith(NET)
        for x in n.quantities
        if x.kind == "amount" and x.exact and x.base_unit == q.base_unit
    ]
    return nets[0] if len(nets) == 1 else None


def _unnamed_shares(draft: Draft) -> dict[int, Quantity]:
    """The share each figure is stated to be naming no whole (`a 万元，占 p%`), by the figure's id."""
    return {
        id(s.part): s.stated
        for s in draft.facts.shares
        if s.part is not None and s.total is None and not s.base_label and s.certain and s.stated.exact
    }


def _shares_of(total: Quantity, values: list[Quantity], shares: dict[int, Quantity]) -> bool:
    """Is every item's share stated, together 100%, and each of this total (all but one at most: one item or
    its share may be mistyped)?"""
    stated = [shares.get(id(x)) for x in values]
    if len(values) < 2 or any(s is None for s in stated) or not total.base_value:
        return False
    pcts = [s for s in stated if s is not None]
    slack = sum((s.ulp for s in pcts), Decimal(0)) / 2
    if abs(sum((s.value for s in pcts), Decimal(0)) - HUNDRED) > slack:
        return False
    off = sum(
        1 for x, s in zip(values, pcts, strict=True) if abs(x.base_value / total.base_value * HUNDRED - s.value) > s.ulp
    )
    return off <= 1


# a division of the total the items make (`按用途分：`, `按支出功能分类：`, `分项看：`, `分企业看：`, `从类型看：`)
DIVIDES = regex(r"(?:按|分)[\u4e00-\u9fff]{1,6}?(?:分类|划分|分|来看|看)|从[\u4e00-\u9fff]{1,6}?(?:来看|看)")
# what announces numbered items after it: the main ones (`主要用于：`, `主要用于如下：`, `主要内容如下：`) or all (`包括：`, `具体如下：`,
# `具体安排如下：`)
ANNOUNCES = regex(
    r"(?:(?:主要|重点)(?:用于(?:如下|以下方面)?|包括|内容如下|支出项目如下|项目如下|安排如下|(?:安排|保障|支持)以下(?:[\u4e00-\u9fff]{0,2}方面的?)?(?:支出|工作|项目|方面))|其中|包括|(?:具体)?(?:构成|组成)(?:情况)?如下|具体(?:安排)?如下|明细如下|具体为|分别为"
    rf"|{DIVIDES.pattern})"
)
ANNOUNCES_SOME = regex(r"主要|重点|其中")
# the announcing words after the total's figure (`…X 万元，主要用于：`)
ANNOUNCED_AFTER = regex(rf"^\s*[，,]\s*({ANNOUNCES.pattern})[：:]\s*$")
# a sentence naming the total it announces the items of (`2025年财政拨款支出主要内容如下：`, `收入预算构成如下：`)
ANNOUNCED_NAMED = regex(rf"^\s*(?:\d{{4}}年度?)?([\u4e00-\u9fff“”（）()]{{2,24}}?)的?({ANNOUNCES.pattern})[：:]\s*$")
# the announcing words alone, the sentence before stating the total (`…X 亿元。其中：`)
ANNOUNCED_ALONE = regex(rf"^\s*({ANNOUNCES.pattern})[：:]\s*$")
# a total's figure ending its sentence with a colon alone (`资金合计 T 万元：`), the items it sums after it
ANNOUNCED_BARE = regex(r"^\s*[：:]\s*$")
BARE_COLON = "："
NAMED_REACH = 4  # sentences back to the figure an announcement names


def _announcement(draft: Draft, si: int) -> _Announced | None:
    """What a sentence ending with `：` says of the total it announces items of: the announcing words and the
    sentence's last figure right before them, or the figure of the sentences before in its section whose name it
    gives (one value), or, the words alone, the figures of the sentence before (`_announced_before`)."""
    doc = draft.doc
    sent = doc.sentences[si]
    mentions = draft.by_sentence.get(si) or []
    if mentions:
        return _announced_after(draft, si, mentions)
    said = doc.text[sent.start : sent.end]
    alone = ANNOUNCED_ALONE.match(said)
    if alone is not None:
        return _announced_before(draft, si, alone.group(1))
    named = ANNOUNCED_NAMED.match(said)
    if named is None:
        return None
    before = [
        m
        for sj in range(si - 1, max(-1, si - 1 - NAMED_REACH), -1)
        if same_section(draft, doc.sentences[sj].start, sent.start)
        for m in reversed(draft.by_sentence.get(sj) or [])
    ]
    whole = named_figure(named.group(1), before)
    q = None if whole is None else next((x for x in whole.quantities if x.kind == "amount" and x.exact), None)
    return None if whole is None or q is None else _Announced(named.group(2), (whole, q))


def _announced_after(draft: Draft, si: int, mentions: list[Mention]) -> _Announced | None:
    """The words announcing items after the sentence's last figure (`…X 万元，主要用于：`), the colon alone after a
    total (`资金合计 T 万元：`), or the count of the items after a total (`_counted_announcement`)."""
    last = mentions[-1]
    q = next((x for x in reversed(last.quantities) if x.kind in ("amount", "count") and x.exact), None)
    if q is None or draft.labeller.qualifying_ratio(last.key, last.quantities):
        return None
    tail = draft.doc.text[q.end : draft.doc.sentences[si].end]
    after = ANNOUNCED_AFTER.match(tail)
    if after is None and q.kind == "count":
        return _counted_announcement(draft, si, mentions, q)
    if after is None:
        # `重点项目 4 个，资金合计 T 万元：`: a total the colon alone opens the items of; a figure not named a total
        # (`收入 X 万元：`) may as well open a description, so its items are not taken for its parts
        bare = ANNOUNCED_BARE.match(tail) is not None and TOTAL_WORD.search(last.label) is not None
        return _Announced(BARE_COLON, (last, q)) if bare else None
    return _Announced(after.group(1), (last, q))


def _announced_before(draft: Draft, si: int, words: str) -> _Announced | None:
    """`…转移支付 X 亿元。其中：` / `（1）…`: the announcing words alone in their sentence announce the items of a
    figure of the sentence before, in its section: the figure ending it (nothing but its full stop after it), else
    its one figure that is no reference (`收入 A，完成预算的 r%，增长 p%（上年为 B）。分项看：`: A, B a note in
    brackets and the base of the change), or one of its figures the items' arithmetic picks (`near`)."""
    doc = draft.doc
    if si < 1 or not same_section(draft, doc.sentences[si - 1].start, doc.sentences[si].start):
        return None
    if _reasons_alone(draft, si - 1):
        return _announced_past_reasons(draft, si, words)
    mentions = draft.by_sentence.get(si - 1) or []
    near = _principal_figures(draft, si - 1)
    last = mentions[-1] if mentions else None
    q = None if last is None else next((x for x in reversed(last.quantities) if x.kind in ("amount", "count")), None)
    if last is None or q is None or not q.exact or draft.labeller.qualifying_ratio(last.key, last.quantities):
        return _Announced(words, None, near) if near else None
    if ENDED.match(doc.text[q.end : doc.sentences[si - 1].end]):
        return _Announced(words, (last, q), [c for c in near if c[0] is not last])
    return _Announced(words, near[0], []) if len(near) == 1 else _Announced(words, None, near)


# the characters a sentence giving reasons opens with before its reason word (`决算数小于预算数的主要原因是`)
REASON_OPENING = 16
REASONS_REACH = 2  # the sentences with figures before the reasons that the total announced after them may stand in


def _reasons_alone(draft: Draft, si: int) -> bool:
    """Is the sentence the reasons for a change alone (`主要原因是人员经费调增等。`: no figure, opening with the words
    giving a reason)?"""
    sent = draft.doc.sentences[si]
    hit = GIVES_A_REASON.search(draft.doc.text, sent.start, min(sent.end, sent.start + REASON_OPENING))
    return hit is not None and not draft.by_sentence.get(si)


def _announced_past_reasons(draft: Draft, si: int, words: str) -> _Announced | None:
    """`…财政拨款支出 T 万元，占本年支出合计的 p%。与上年相比增加 d 万元，增长 r%。主要原因是…。其中：` / `（一）…`: the
    words alone after the reasons for a change announce the items of a figure of the sentences before the reasons,
    in the section: the one such figure that is no change's own (`增加 d`: what the reasons explain, not what the
    items divide), else one the items' arithmetic picks (`near`)."""
    doc = draft.doc
    near: list[tuple[Mention, Quantity]] = []
    for sj in range(si - 2, max(-1, si - 2 - REASONS_REACH), -1):
        if not same_section(draft, doc.sentences[sj].start, doc.sentences[si].start):
            break
        near = _principal_figures(draft, sj) + near
    moved = _moved_figures(draft, {m.sentence for m, _ in near})
    levels = [(m, q) for m, q in near if id(q) not in moved]
    if len(levels) == 1:
        return _Announced(words, levels[0], [c for c in near if c is not levels[0]])
    return _Announced(words, None, near) if near else None


def _moved_figures(draft: Draft, sentences: set[int]) -> set[int]:
    """The ids of the figures the changes of these sentences state as movements (`增加 d 万元`)."""
    return {
        id(mv.quantity)
        for c in draft.facts.changes
        if c.sentence in sentences
        for mv in c.movements
        if mv.quantity is not None
    }


def _principal_figures(draft: Draft, si: int) -> list[tuple[Mention, Quantity]]:
    """The sentence's exact amounts and counts that are no reference: not in brackets, not what a ratio or a
    change measures against, not last year's beside this year's, not a ratio's own figure."""
    used = measured_against(draft, si)
    out = []
    for m in draft.by_sentence.get(si) or []:
        q = exact_figure(m)
        if q is None or id(q) in used:
            continue
        if in_brackets(draft, si, m.start) or LAST_YEAR_BESIDE.match(m.label):
            continue
        if not draft.labeller.qualifying_ratio(m.key, m.quantities):
            out.append((m, q))
    return out
