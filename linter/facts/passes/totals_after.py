"""Totals stated after their parts: a total closing the numbered items above it (`totals_after_items`), a total
after the figures it sums in one sentence or passage (`totals_after_parts`), and arithmetic the text writes
itself with `+` and `=` (`equations`).

Their own module because the total comes last: the passes walk back from it over the figures before it,
deciding where its run starts; the `加…减…` chains that end in a total are in chained_totals.py.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from tieout.linter.facts.definitions import (
    SUMS_THE_TWO,
    of_total,
)
from tieout.linter.facts.model import Breakdown, Mention
from tieout.linter.facts.passes.base import (
    FULL_MARKS,
    ORDINALS,
    PER_UNIT_WORDS,
    by_paragraph,
    changed_from,
    count_of,
    exact_figure,
    exact_of,
    foots,
    in_brackets,
    named_change,
    one_slip,
    same_section,
    total_change,
)
from tieout.linter.facts.passes.chained_totals import chain_to
from tieout.linter.facts.passes.item_runs import at_level, run_sentences, runs_of
from tieout.linter.facts.passes.list_terms import MAX_LOOK, MAX_RUN, PART_HEAD, alike, heading_figure, names_total
from tieout.linter.figures.context import CLAUSE_END
from tieout.linter.figures.labels import INCLUDED
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex
from tieout.linter.text.model import Section
from tieout.linter.vocab import relation_words as _alt

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft


MONEY_NOUN = regex(f"(?:{_alt('money_nouns')})$")
JOINED = regex(r"(.{2,})(?:及|和|与|加)(.{2,})")


# a total of the items above it (`以上收入合计 X`, `上述三项共计 X`), or a total word alone (`合计 X`)
ABOVE_TOTAL = regex(r"^(?:(?:以上|上述)[^，。；：,;:]{0,12}?)?(?:合计|共计|总计|小计)(?:为|是)?$")


def totals_after_items(draft: Draft) -> Iterator[Breakdown]:
    """`1.乡本级收入 a 万元。` / `2.上级补助收入 b 万元。其中：…` / `3.上年结转 c 万元。` / `以上收入合计 T 万元。` / `4.…`
    / `6.…` / `以上支出合计 U 万元。`: a sentence opening with a total of what is above it, among numbered items,
    sums the items' figures since the run's start or the total before (`以上三项`: as many as it counts): read when they
    add up to it, or, the words saying they are all of it (以上, a total word alone), but for a slipped digit or
    with as many items as the words count. A total named otherwise (`收入合计`) is read when they add up.
    Inferred (warnings at most)."""
    doc = draft.doc
    starts = [s.start for s in doc.sentences]
    claimed: set[int] = set()  # the totals read (runs nest: an inner run's total is not also the outer one's)
    place = {id(sec): k for k, sec in enumerate(doc.sections)}  # (each section's index, found once: linear)
    # each sentence's opening total (see `_opening_total_of_above`), read once: runs nest, and a sentence of an inner
    # run is one of the outer run's too
    opening: dict[int, tuple[Mention, str, Quantity] | None] = {}
    for run in runs_of(draft):
        heads = {k.start for k in run}
        members = {id(k) for k in run}
        run_starts = [k.start for k in run]  # (in order: the items above a sentence found by bisection)
        done = 0  # the items a total before took
        for si in run_sentences(doc.sections, run, starts, place[id(run[-1])]):
            mentions = draft.by_sentence.get(si) or []
            if starts[si] in heads or not mentions or id(mentions[0]) in claimed:
                continue
            if si not in opening:
                opening[si] = _opening_total_of_above(draft, mentions, si)
            found = opening[si]
            if found is None:
                continue
            m, label, q = found
            items = run[done : max(done, bisect_left(run_starts, starts[si]))]
            if len(items) < 2:
                continue
            if not at_level(doc.section_at(starts[si]), run, members):
                continue  # a total in an item's own nested list (after its `（1）…（2）…`) is that list's
            parts = _items_above(draft, m, q, items, starts, label)
            if parts:
                done = run.index(items[-1]) + 1
                claimed.add(id(m))
                yield Breakdown(m, parts, "", True, si, inferred=True, certain=False)


def _opening_total_of_above(draft: Draft, mentions: list[Mention], si: int) -> tuple[Mention, str, Quantity] | None:
    """The exact figure a sentence opens with as a total of what is above it (`_opening_total`, `_total_of_above`),
    the words naming it and its figure; None where it opens with none."""
    m, label = _opening_total(draft, mentions, si)
    q = exact_figure(m)
    return (m, label, q) if q is not None and _total_of_above(draft, m, si) else None


# the count of the items above written in digits before a total's name (`以上8个项目合计 T`, `上述 12 项合计 T`): the
# lexer reads `8个` as a figure of its own, the total's figure the next one
COUNT_ABOVE = regex(r"^(?:以上|上述)$")


def _opening_total(draft: Draft, mentions: list[Mention], si: int) -> tuple[Mention, str]:
    """The figure a sentence opens with as a total, and the words naming it: the first figure and its label, or,
    where that is the count of the items above (`以上 8个`, a count in 个 or 项) right before a named total's figure
    (`项目合计 T`), the total's figure named by all the words before it (`以上8个项目合计`)."""
    first = mentions[0]
    if len(mentions) < 2 or not COUNT_ABOVE.match(first.label.strip("，、；：。 ")):
        return first, first.label
    count, total = first.quantities[0], mentions[1]
    if len(first.quantities) != 1 or count.kind != "count" or not count.text.endswith(("个", "项")):
        return first, first.label
    sentence = draft.doc.sentences[si]
    return total, draft.doc.text[sentence.start : total.start]


def _items_above(
    draft: Draft, m: Mention, q: Quantity, items: list[Section], starts: list[int], label: str | None = None
) -> list[Mention]:
    """The items' figures a total after them sums (as many as it counts, `以上两项`), when each states one in its
    unit and they add up to it, or the words say they are all of it (以上, 合计 alone) and they miss it by a slipped
    digit or are as many as the words count; [] when not read. `label`: the words naming the total where its own
    label is not all of them (`以上8个项目合计`, see `_opening_total`)."""
    label = m.label if label is None else label
    counted = _counted(label)
    if counted and counted != len(items):
        return []  # `以上两项` after three items: which two is not said
    figures = [heading_figure(draft, k, starts, q.base_unit) for k in items]
    parts = [x for x in figures if x is not None]
    if len(parts) < 2 or len(parts) != len(figures):
        return []
    values = [x for _, x in parts]
    # (`四项重点支出小计`: the count of all the items above, as `以上` says)
    said = label.strip("，、；：。 ")
    above = ABOVE_TOTAL.match(said) is not None or _count_names(said, [p for p, _ in parts])
    if foots(q, values) or (above and (counted == len(parts) or one_slip(q, values))):
        return [p for p, _ in parts]
    return []


def _total_of_above(draft: Draft, m: Mention, si: int) -> bool:
    """Does the figure open its sentence as a total (its name alone before it) that is no list's part or total?"""
    if draft.is_part(m) or id(m) in draft.totals:
        return False
    said = draft.doc.text[draft.doc.sentences[si].start : m.start].strip()
    return PART_HEAD.match(said) is not None and names_total(draft, m)


# a paragraph that opens by adding to the figure before it (`加上对市县转移支付 B、…，支出总计 T`) goes on with
# the paragraph before: a line break after that figure's sentence (a PDF's line, a markdown soft break) ends no list
CONTINUES = regex(r"(?:再?加上|再加)(?![大快强紧入班速深重])")


def _continued_paragraphs(draft: Draft) -> list[list[Mention]]:
    """The mentions by paragraph, a paragraph that opens by adding joined to the one before under the same heading."""
    doc = draft.doc
    groups: list[list[Mention]] = []
    for mentions in by_paragraph(draft).values():
        si = mentions[0].sentence
        first = doc.sentences[si]
        # (it opens its paragraph: the sentence before is of another one; not found by walking the paragraph)
        opens = si == 0 or doc.sentences[si - 1].paragraph != first.paragraph
        if (
            groups
            and opens
            and doc.text[first.start : first.start + 1] in OPENS_JOINED
            and (
                (CONTINUES.match(doc.text, first.start) and _ends_statement(draft, groups[-1], first.start))
                or _totals_above(draft, groups[-1], first.start)
            )
        ):
            groups[-1] = groups[-1] + mentions
        else:
            groups.append(mentions)
    return groups


# a paragraph opening with a total of what is above it (`上述项目合计 T`, `以上五项共计 T`): the items stand in the
# paragraph before (a line break of the PDF's text between them)
OPENS_ABOVE_TOTAL = regex(r"(?:上述|以上)[^，。；,;：:\d]{0,12}?(?:合计|共计|总计)")
# the characters CONTINUES and OPENS_ABOVE_TOTAL open with: a paragraph opening with another is joined to none
# without either pattern tried (most paragraphs)
OPENS_JOINED = frozenset("再加上以")


def _totals_above(draft: Draft, before: list[Mention], at: int) -> bool:
    """Does the paragraph at `at` open with a total of what is above it, right after a paragraph ending a statement
    (`。`) under the same heading?"""
    return OPENS_ABOVE_TOTAL.match(draft.doc.text, at) is not None and _closes_statement(draft, before, at)


def _ends_statement(draft: Draft, before: list[Mention], at: int) -> bool:
    """Does the paragraph before end a statement (`。`) under the same heading as the one at `at`? An item of a
    list (`教育支出 A；`) is no figure the next line adds to."""
    figures = [m for m in before if any(q.kind == "amount" for q in m.quantities)]
    if not figures or SIDE_WHOLE.fullmatch(figures[-1].identity.item or "") is None:
        return False  # (items on lines of their own, `利润收入 a。` / `其他收入 d。`: the next line's `加上级补助收入
        # B，收入总计 T` adds to their total, not to the last item; only a side's whole is added to)
    return _closes_statement(draft, before, at)


def _closes_statement(draft: Draft, before: list[Mention], at: int) -> bool:
    """Does the sentence of the last figure before end with `。`, under the same heading as offset `at`?"""
    last = draft.doc.sentences[before[-1].sentence]
    return draft.doc.text[last.start : last.end].rstrip().endswith("。") and same_section(draft, before[-1].start, at)


# a side's whole, at any stage (`支出安排`, `收入完成`): what a line opening with 加上 goes on from
SIDE_WHOLE = regex(r"(?:收入|支出)(?:安排|完成|执行|决算|预算)?")


def totals_after_parts(draft: Draft) -> Iterator[Breakdown]:
    """`A a，B b，总额为 X` / `A a，B b，A及B X`: a total stated after the parts it sums."""
    taken: set[int] = set()  # parts of the totals this pass found: not also parts of the next one
    for mentions in _continued_paragraphs(draft):
        # (`支出由年初 A 调增至 B。加上解支出 c，支出总计 T`: A is what the item was, no addend of T)
        taken.update(_moved_from(draft, mentions))
        for i, m in enumerate(mentions):
            if not m.quantities or draft.is_part(m) or id(m) in draft.totals or id(m) in taken:
                continue  # (most mentions have no figure: that is asked first)
            q = exact_figure(m)
            if q is None:
                continue
            chain = chain_to(draft, mentions, i, q.base_unit, taken)
            if chain is not None:
                # `收入 A，加上级补助 B、上年结转 C，减去调出 D，收入总计 T`: T = A + B + C − D, as written
                plus, minus = chain
                taken.update(id(p) for p in [*plus, *minus, m])
                # (a chain closed by 等 names some of what makes the total: `加上 B b、下级上解收入、调入资金、C c 等，
                # 收入总计 T` adds items it gives no figure of)
                # (and so does one naming items with no figure after its last: `加中央补助收入 B、市县上解收入、调入
                # 资金及上年结转，收入总计 T`)
                complete = not _names_unstated(draft, [*plus, *minus], m)
                yield Breakdown(m, plus, "加", complete, m.sentence, inferred=True, certain=False, minus=minus)
                continue
            # `本年支出合计 A，年末结转和结余 B，支出总计 T`: the components of T's definition (vocab sums.yaml), a
            # total among them, stated before it in its sentence; `X，其中：A a、B b、C c，合计 T`: a total word alone
            # right after a list's last part sums its parts; `全年偿还本金情况：` / `——一般债务还本 a；` / `——专项债务
            # 还本 b；` / `合计 T。`: all the items listed
            listed = (
                _defined_before(draft, mentions, i, q.base_unit, taken)
                or _closing_total(draft, mentions, i)
                or _listed_to_header(draft, m, q.base_unit, taken)
            )
            if listed:
                taken.update(id(p) for p in [*listed, m])
                yield Breakdown(m, listed, "", True, m.sentence, inferred=True, certain=False)
                continue
            run = _named_run(draft, mentions, i, q.base_unit, taken)
            if run is None:
                continue
            # `以上三项支出合计 X`: the count the total states is the run's, whether it adds up or not
            # `A a，B b，合计 T`: a total word alone after the sentence's two figures sums them, whether they add up or not
            # (`偿还本金 a（…），支付利息 b（…），还本付息合计 T`: the run is, one each, the components of T's definition,
            # vocab sums.yaml, whatever the figures noted in brackets between them)
            whole = (
                _counted(m.label, [pm for pm, _ in run]) == len(run)
                or _sums_sentence(draft, m, run)
                or _defines(m, run)
            )
            chosen = (
                len(run)
                if whole
                else _footing_run(q, run, _enumerated(draft, run), _may_slip(draft, m, run))
                if _names_the_last(m, run)
                else 0
            )
            if chosen:
                parts = [pm for pm, _ in run[-chosen:]]
                taken.update(id(p) for p in parts)
                taken.add(id(m))
                yield Breakdown(m, parts, "", True, m.sentence, inferred=True, certain=False)


def _moved_from(draft: Draft, mentions: list[Mention]) -> list[int]:
    """The ids of the figures a move starts from (`changed_from`), which asks for 由 or 从 in the label first: tested
    here, not by a call for each figure."""
    return [id(x) for x in mentions if ("由" in x.label or "从" in x.label) and changed_from(draft, x)]


# the sign a figure's label opens with in an equation written out (`收入总量 X = 本级收入 a + 补助 b - 调出 c`)
SIGNS = {"=": "=", "＝": "=", "+": "+", "＋": "+", "-": "-", "－": "-", "−": "-"}


def _sign(m: Mention) -> str:
    return SIGNS.get(m.label.lstrip()[:1], "")


def equations(draft: Draft) -> Iterator[Breakdown]:
    """`收入总量 X = 本级收入 a + 上级补助收入 b + …；支出总量 Y = 本级支出 c + …`, and `a + b = 合计 X`: the text
    writes the arithmetic itself, each figure's label opening with its sign. In each run of signed figures (the
    first unsigned, the others signed, one `=` among them) the one figure alone on its side of `=` is the sum of
    those on the other, added or subtracted as written. Read before the totals stated after parts, so that a
    second equation's total does not take the first one's figures for its own."""
    for mentions in draft.by_sentence.values():
        i = 0
        while i < len(mentions):
            j = i + 1
            while j < len(mentions) and _sign(mentions[j]):
                j += 1
            # (a run of fewer than three figures writes no equation: not sliced nor read)
            found = _equation(draft, mentions[i:j]) if j - i >= 3 else None
            if found is not None:
                yield found
            i = j


def _equation(draft: Draft, run: list[Mention]) -> Breakdown | None:
    """The breakdown one run of signed figures writes out, or None when it is no sum of one unit."""
    signs = [_sign(m) for m in run]
    if signs.count("=") != 1 or len(run) < 3:
        return None
    eq = signs.index("=")
    if eq == 1:
        total, terms = run[0], [(m, "+" if s == "=" else s) for m, s in zip(run[1:], signs[1:], strict=True)]
    elif eq == len(run) - 1:
        total, terms = run[-1], [(m, s or "+") for m, s in zip(run[:-1], signs[:-1], strict=True)]
    else:
        return None  # `a + b = c + d`: which side is the total is not written
    q = exact_figure(total)
    if q is None or any(draft.is_part(m) or id(m) in draft.totals for m in run):
        return None
    if any(exact_of(m, q.base_unit) is None or draft.labeller.qualifying_ratio(m.key, m.quantities) for m in run):
        return None
    plus = [m for m, s in terms if s == "+"]
    minus = [m for m, s in terms if s == "-"]
    return Breakdown(total, plus, "=", True, total.sentence, minus=minus)


# a total stating how many figures before it it sums (`以上六项支出合计`, `上述 3 项合计`)
# (`以上三项`, `以上五个税种`: the count of the items above, in 项 or 个 and what they are)
COUNTED = regex(f"^(?:以上|上述)\\s*(\\d{{1,2}}|[两{ORDINALS}])\\s*(?:项|个)")


def _counted_run(draft: Draft, total: Mention, unit: str, taken: set[int]) -> list[tuple[Mention, Quantity]]:
    """`…教育支出 a；卫生健康支出 b；农林水支出 c。` / `以上三项支出合计 X`: a total opening its paragraph that states
    how many figures it sums sums as many of the sentence before, in its section (its run when they are that many:
    `_run_before`, the total's sentence after them). [] for any other total."""
    doc = draft.doc
    si = total.sentence
    if not _counted(total.label) or si < 1 or not same_section(draft, doc.sentences[si - 1].start, total.start):
        return []
    before = draft.by_sentence.get(si - 1) or []
    return _run_before(draft, [*before, total], len(before), unit, taken)


# what may stand between a listed item's figure and the next item's name: its own words, no other figure, ended
# by `；` (the items of a line each, or of clauses set apart by semicolons)
ITEM_BREAK = regex(r"[；;]")
# a sentence announcing the list after it, with no figure of its own (`全年偿还到期债务本金情况：`, `主要支出方向：`)
HEADER = regex(r"[：:]\s*$")
# the same words opening the sentence of the items, the first item's name after them (`按片区统计，面积分布如下：东片区：`:
# the words may hold a comma, no figure, and the name close with its colon)
OPENED_BY_HEADER = regex(r"^[^。；;\d]{2,40}[：:][^，。；：,;:\d]{2,40}[：:]?$")
# or the first of items set off by a dash after the colon (`着力保障以下领域：——教育，安排 a。`), its name up to its
# figure's words
OPENED_BY_DASHED = regex(r"^[^。；;\d]{2,40}[：:]\s*——[^。；;：:\d]{2,40}$")


# a total naming how many items it adds and what they are, no 以上 before (`两片区合计`, `三个乡镇共计`): of as many items
COUNTED_TOTAL = regex(
    f"^(\\d{{1,2}}|[两{ORDINALS}])\\s*(?:个|项|类)?[\u4e00-\u9fff]{{1,4}}?(?:合计|共计|总计)(?:为|是)?$"
)


def _listed_to_header(draft: Draft, total: Mention, unit: str, taken: set[int]) -> list[Mention]:
    """`主要支出方向：` / `——A a，用于…；` / `——B b；` / `以上两项合计 T`: a total of all that is above (以上, 上述, or
    a total word alone) after items that each open a clause of their own (set apart by `；` or a sentence break),
    back to a sentence announcing them with no figure of its own, in the total's section: the items, all of them
    (as many as it counts, `以上五项`), whether they add up or not; [] when
    anything else stands between (a figure of another unit, a total, a sentence of other words)."""
    label = total.label.strip("，、；：。 ")
    named_count = COUNTED_TOTAL.match(label)
    if ABOVE_TOTAL.match(label) is None and named_count is None:
        return []
    items = _items_back(draft, total, unit)
    counted = _counted(total.label) or (count_of(named_count.group(1)) if named_count is not None else 0)
    if counted and counted != len(items):
        return []  # `以上三项` after four items: which three is not said
    if len(items) < 2 or any(id(p) in taken for p in items):
        return []
    if not _names_the_items(label, items) or (COUNT_NAMED.match(label) and not _count_names(label, items)):
        return []
    return items


# the names a total of what is above joins (`以上税收分成收入和非税收入合计`: 税收分成收入, 非税收入)
ABOVE_NAMES = regex(
    r"^(?:以上|上述)(?P<names>[\u4e00-\u9fff“”（）()]{2,}?(?:和|及|与|、)[\u4e00-\u9fff“”（）()]{2,}?)(?:合计|共计|总计|小计)"
)
NAME_JOIN = regex(r"和|及|与|、")


def _names_the_items(label: str, items: list[Mention]) -> bool:
    """Are the items above a total the ones its words name, where it names them (`以上税收分成收入和非税收入合计 T`
    after a 其中 list of another figure's parts: not those)? A total naming none (`以上合计`, `以上三项合计`) may be of
    any items above."""
    named = ABOVE_NAMES.match(label)
    if named is None:
        return True
    names = [n for n in NAME_JOIN.split(named.group("names")) if n]
    return len(names) == len(items) and all(any(n in p.label for p in items) for n in names)


def _items_back(draft: Draft, total: Mention, unit: str) -> list[Mention]:
    """The items listed before the total back to the sentence announcing them (see `_listed_to_header`)."""
    doc = draft.doc
    items: list[Mention] = []
    after = total  # the figure after the one looked at
    si = total.sentence
    # (a few sentences back at most: a long run of notes and nested parts is walked once per total, not whole)
    while si >= max(0, total.sentence - MAX_LOOK) and len(items) <= MAX_LOOK:
        before = [m for m in draft.by_sentence.get(si) or [] if m.start < after.start and m is not after]
        if si != total.sentence and not same_section(draft, doc.sentences[si].start, total.start):
            return []
        if si != total.sentence and not before:
            kind = _figureless(draft, si)
            if kind != "note":
                return items if kind == "header" else []
            si -= 1  # (`——A，安排 a。主要用于…。`: what the item's money is for, no figure, goes on its line)
            continue
        for m in reversed(before):
            if INCLUDED.match(m.label.lstrip("（(，、")) or in_brackets(draft, si, m.start) or draft.is_part(m):
                continue  # a note on an item, a part of an item's own list
            if exact_of(m, unit) is None or names_total(draft, m) or id(m) in draft.totals:
                return []
            if m.sentence == after.sentence and not ITEM_BREAK.search(doc.text[m.quantities[-1].end : after.start]):
                return []  # two figures of one clause: which is the item's is not known
            items.insert(0, m)
            after = m
        if _opened_by_header(draft, items, si):
            return items  # `…情况：A a；B b；合计 T`: the words announcing them open the items' sentence
        si -= 1
        after = items[0] if items else total
    return []


def _opened_by_header(draft: Draft, items: list[Mention], si: int) -> bool:
    """Do words announcing the items open sentence `si`, the first item's, before it?"""
    if not items or items[0].sentence != si:
        return False
    words = draft.doc.text[draft.doc.sentences[si].start : items[0].start]
    return OPENED_BY_HEADER.search(words) is not None or OPENED_BY_DASHED.search(words) is not None


def _figureless(draft: Draft, si: int) -> str:
    """What sentence `si`, of no figure, is among listed items: `header`, announcing them (`主要支出方向：`); `note`, on
    the item its paragraph opens with (`——教育，安排 a。重点用于…。`: the sentence before stands in its paragraph and
    states a figure); `other` words, that end the list."""
    doc = draft.doc
    sent = doc.sentences[si]
    if HEADER.search(doc.text[sent.start : sent.end]):
        return "header"
    if si >= 1 and doc.sentences[si - 1].paragraph == sent.paragraph and draft.by_sentence.get(si - 1):
        return "note"
    return "other"


# a total opening with the count of the items it sums, no 以上 before, its short name closed by a total's word
# (`四项重点支出小计 T`, `五项民生支出共计 T`): the figures reader takes such a count of 项 for part of the name (no
# name of a year: `两项上年合计` is another period's)
COUNT_NAMED = regex(f"^([两{ORDINALS}])项(?P<name>(?:(?!年)[\u4e00-\u9fff]){{0,8}}?)(?:合计|共计|小计|总计)(?:为|是)?$")


def _counted(label: str, items: Sequence[Mention] | None = None) -> int:
    """How many items above a total says it sums (`以上三项支出合计`, `四项重点支出小计`); 0 where it says none, or
    where a count-named total's name is not the `items`' (`_count_names`)."""
    label = label.lstrip("，、；：。 ")
    found = COUNTED.match(label)
    if found is None and (items is None or _count_names(label, items)):
        found = COUNT_NAMED.match(label)
    if found is None:
        return 0
    return count_of(found.group(1))


def _count_names(label: str, items: Sequence[Mention]) -> bool:
    """Is the total named by a count (`四项重点支出小计`) one whose name's last word each item bears (`支出`: not
    `两项补助结余合计` after figures of what was spent, the rest of each)? A count with no name (`四项合计`) sums any
    items."""
    found = COUNT_NAMED.match(label.strip("，、；：。 "))
    if found is None:
        return False
    head = found.group("name")[-2:]
    return len(head) < 2 or all(head in m.label for m in items)


def _names_the_last(total: Mention, run: list[tuple[Mention, Quantity]]) -> bool:
    """Unless the total names figures of the run one by one, are those the last of it? `A a，B b，C c。其中 A 和 B
    两项合计 T` sums a and b: not the last figures before T, nor any that footing or a slipped digit picks. (Such a
    sum is left unread: its parts are the list's, which the list's own reading takes.)"""
    named = [k for k, (pm, _) in enumerate(run) if len(pm.identity.item or "") >= 3 and pm.identity.item in total.label]
    return len(named) < 2 or named == list(range(len(run) - len(named), len(run)))


def _closing_total(draft: Draft, mentions: list[Mention], i: int) -> list[Mention]:
    """The parts of the list whose last part stands right before the figure, in its sentence, where the figure is
    named by a total word alone (`…、县级配套资金 d，合计 T`); none otherwise."""
    m = mentions[i]
    named = NAMED_TOTAL.match(m.label)
    if i == 0 or (BARE_TOTAL.match(m.label) is None and named is None) or mentions[i - 1].sentence != m.sentence:
        return []
    last = mentions[i - 1]
    found = [b for b in draft.facts.breakdowns if b.parts and b.parts[-1] is last and not b.minus]
    if len(found) != 1 or len(found[0].parts) < 2 or any(p.start >= last.start for p in found[0].parts[:-1]):
        return []
    if named is not None and named.group("w") not in found[0].total.label:
        return []  # (`合计培训 T` sums a list of trainings, one its total's words name: no other list)
    return list(found[0].parts)


# a marks word said of every figure of a list (`一级指标权重分别为决策 15 分、过程 25 分…`)
MARKS_LISTED = regex(rf"(?:{FULL_MARKS.pattern})[^，,。；;]*?(?:分别|依次)")


# a total word alone, counting nothing (`二者合计`, `两项合计` sum the figures they count: _run_before)
BARE_TOTAL = regex(r"^[，,、；;]?\s*(?:合计|共计|总计)(?:为|是)?$")
# a total word and the verb of the list's head (`全年举办培训班9期，其中A 4期620人次、B 3期540人次，合计培训1160人次`):
# the list's parts, each of them in the total's unit
NAMED_TOTAL = regex(r"^[，,、；;]?\s*(?:合计|共计|总计)(?P<w>[\u4e00-\u9fff]{2})(?:为|是)?$")


def _named_sum(draft: Draft, m: Mention, run: list[tuple[Mention, Quantity]]) -> bool:
    """Do the figure's words name a sum of figures before it: a total (`本年收入合计`), the run's names joined
    (`还本付息`), or words counting two (`两者之和`, of the two figures of its sentence: `_sums_sentence`)?"""
    return names_total(draft, m) or _joins(m.key, run) or TOTAL_WORD_ALONE.match(m.label) is not None


def _named_run(
    draft: Draft, mentions: list[Mention], i: int, unit: str, taken: set[int]
) -> list[tuple[Mention, Quantity]] | None:
    """The figures before mentions[i] (`_run_before`, `_counted_run`) when its words name a sum of them, else None."""
    m = mentions[i]
    change = total_change(m.label)  # (`以上三项共减少 T`: a total of changes, named by 共 and the change's word)
    if change is None and not _may_name_sum(draft, m):
        return None  # (asked before the run is walked: most figures name no sum, whatever stands before them)
    run = _run_before(draft, mentions, i, unit, taken) or _counted_run(draft, m, unit, taken)
    if change is not None:
        # (`甲税完成 a，减收 Δa；乙税完成 b，减收 Δb。上述两个税种合计减收 T`: T sums the changes, each item's own
        # figure beside its change is none of its parts)
        run = [(pm, pq) for pm, pq in run if named_change(pm.label) == change]
    return run if change is not None or _named_sum(draft, m, run) else None


def _may_name_sum(draft: Draft, m: Mention) -> bool:
    """Could the figure's words name a sum, whatever run stands before it (`_named_sum` true for some run)? (A total
    named as a change is asked by `_named_run` itself.)"""
    return names_total(draft, m) or TOTAL_WORD_ALONE.match(m.label) is not None or JOINED.search(m.key) is not None


def _defines(total: Mention, run: list[tuple[Mention, Quantity]]) -> bool:
    """Are the run's figures, all of them and one each, the components of a definition of the total (a run of two
    at least: `还本付息` of a 本金 and a 利息; a third figure, or a component twice, leaves it open)?"""
    return len(run) >= 2 and of_total(total, [pm for pm, _ in run])


# `等` right after a list's last figure (past a bracket noting it): the list names some of its items
ETC_AFTER = regex(r"\s*(?:[（(][^（）()]*[）)])?\s*等")


# what follows a chain's last figure before its total: its notes in brackets, then items joined to it (、, 及, 和)
# that state no figure (`、市县上解收入、调入资金及上年结转，`), before the clause ends
BRACKET_NOTE = regex(r"[（(][^（）()]*[）)]")
UNFIGURED_AFTER = regex(r"^[^，。；,;：:\d]*?[、及和][^，。；,;：:\d]{2,}?[，,；;]")


def _names_unstated(draft: Draft, parts: list[Mention], total: Mention) -> bool:
    """Does the chain name, between its last figure and its total, items it states no figure of: closed by 等,
    or items joined to the last one with none of their own?"""
    last = max((q.end for p in parts for q in p.quantities if q.end <= total.start), default=None)
    if last is None:
        return False
    between = draft.doc.text[last : total.start]
    return ETC_AFTER.match(between) is not None or UNFIGURED_AFTER.match(BRACKET_NOTE.sub("", between)) is not None


MAX_DEFINED = 8  # figures before a total in its sentence read as its definition's components, at most


def _defined_before(draft: Draft, mentions: list[Mention], i: int, unit: str, taken: set[int]) -> list[Mention]:
    """The figures of the total's unit before it in its sentence when they are exactly the components of its
    definition and one of them is itself named a total (else `_run_before` reads the run); [] otherwise."""
    total = mentions[i]
    own = draft.by_sentence.get(total.sentence) or []
    k = next((j for j, m in enumerate(own[: MAX_DEFINED + 1]) if m is total), 0)
    if not 2 <= k <= MAX_DEFINED:
        return []  # a definition has a few components: a longer sentence is read by `_run_before` (linear)
    before = [m for m in own[:k] if id(m) not in taken and not draft.is_part(m) and exact_of(m, unit)]
    if len(before) < 2 or not any(names_total(draft, m) for m in before):
        return []
    return before if of_total(total, before) else []


# a label naming a figure per unit (`县道每公里`, `每人每年`)
PER_UNIT_LABEL = regex(r"每[\u4e00-\u9fff]{1,3}$")


def _run_before(
    draft: Draft, mentions: list[Mention], i: int, unit: str, taken: set[int]
) -> list[tuple[Mention, Quantity]]:
    """The figures of that unit right before the total, in its paragraph: a part noted in brackets (`（含
    高新区 10.5 亿元）`) is a part of its neighbour, not of the total; a total ends the run."""
    run: list[tuple[Mention, Quantity]] = []
    total = mentions[i]
    # the parts stand in the total's sentence, or in the sentence before when the total opens its own
    # (`上年结转 8 万元；本年下达 92 万元。此次评价资金总额为 100 万元`)
    # (mentions come sentence by sentence: the one before tells whether any before is in the total's sentence)
    alone = i == 0 or mentions[i - 1].sentence != total.sentence
    # (`本年支出合计 a，年末结转和结余 b，二者合计 T`: a total counting two sums the figures before it, totals or not)
    of_two = SUMS_THE_TWO.match(total.label) is not None
    for j in range(i - 1, max(i - 1 - MAX_LOOK, -1), -1):
        prev = mentions[j]
        if prev.sentence != total.sentence and not (alone and prev.sentence == total.sentence - 1):
            break
        noted = INCLUDED.match(prev.label.lstrip("（(，、")) or in_brackets(draft, prev.sentence, prev.start)
        if noted or draft.is_part(prev) or draft.labeller.qualifying_ratio(prev.key, prev.quantities):
            continue  # a figure noted in brackets, a part of another list, a ratio qualifying its neighbour
        if PER_UNIT_LABEL.search(prev.label) or PER_UNIT_WORDS.search(prev.label):
            continue  # a figure per unit (`乡道每公里 0.40 万元，计 235.16 万元`): the rate of the amount after it
        if unit == "分" and FULL_MARKS.search(prev.label) and not MARKS_LISTED.search(prev.label):
            # an indicator's full marks beside its score (`质量指标满分 10 分，得 10 分`): no score; but a marks word
            # over a list (`权重分别为决策 15 分、过程 25 分…，合计 100 分`) names all of it, and the total is theirs
            continue
        if unit == "分" and DEDUCTED.search(prev.label) and not DEDUCTED_TOTAL.search(total.label):
            # points deducted are no score a total of scores adds: left out where the score left follows in their
            # clause (`资金使用合规性扣 1 分，得 4 分`); without it, an item's score is unstated and no run is read
            if not run or not _score_left(draft, prev, run[-1][0]):
                return []
            continue
        pq = exact_of(prev, unit)
        if pq is None or id(prev) in taken or (names_total(draft, prev) and not of_two):
            break
        run.append((prev, pq))
        if len(run) == MAX_RUN:
            break  # no longer run is read (`_footing_run`): a sentence of a thousand figures stays linear
    run.reverse()
    return run


# points deducted (`扣 1 分`, `扣除 0.5 分`, `减 2 分`), and a total of such points (`合计扣 2.5 分`, `共扣分`)
DEDUCTED = regex(r"(?:扣(?:除|减|去)?|减(?:去)?)(?:分)?(?:为)?$")
DEDUCTED_TOTAL = regex(r"扣|减")
# what stands between points deducted and the score left in their clause (`扣 1 分，得 4 分`)
SCORE_LEFT = regex(r"\s*[，,]?\s*(?:实际|最终)?得(?:分)?(?:为)?\s*")


def _score_left(draft: Draft, cut: Mention, score: Mention) -> bool:
    """Does the score left after points deducted follow them in their clause, named by 得 alone?"""
    if not cut.quantities or not score.quantities:
        return False
    return SCORE_LEFT.fullmatch(draft.doc.text, cut.quantities[-1].end, score.quantities[0].start) is not None


def _may_slip(draft: Draft, total: Mention, run: list[tuple[Mention, Quantity]]) -> bool:
    """May a run that does not foot be read as its total's parts with one slipped digit? A total opening a sentence
    of its own after its run (`…指标得 b 分；…指标得 c 分。产出指标合计得 T 分`) closes all that its heading holds,
    which the run is only where it opens the heading's body and no item of the heading's list comes before it:
    after paragraphs that score or describe the group's other parts (`1.…指标得 a 分。` / `2.…`), that the run does
    not foot says nothing of a slip. A total in its run's sentence (`A a、B b，合计 T`) closes that sentence's list."""
    if not run or total.sentence == run[0][0].sentence:
        return True
    first = run[0][0]
    doc = draft.doc
    at = doc.section_index(first.start)
    section = doc.sections[at] if at >= 0 else None
    if section is not None and section.parent is not None and doc.sections[at - 1] is not section.parent:
        return False  # (an item of its heading's list after others: `2.…` after `1.…`)
    start, _ = doc.section_span(first.start)
    heading = doc.sentence_index(start)
    opening = doc.paragraph_of(first.sentence).start
    # (the heading's own line aside, no sentence of the section before the run's paragraph)
    return all(si == heading for si in range(max(heading, 0), opening) if doc.sentences[si].start >= start)


def _joins(key: str, run: list[tuple[Mention, Quantity]]) -> bool:
    """`中央资金 300，省级资金 150，中央及省级资金 450`: a label joining the names of the figures before it."""
    m = JOINED.search(key)
    if m is None or len(run) < 2:
        return False
    names = [_head(pm.key) for pm, _ in run[-2:]]
    return all(any(alike(side, n) for n in names) for side in (_head(m.group(1)), _head(m.group(2))))


def _head(name: str) -> str:
    """A name without its generic money noun (`处罚金额` and `处罚费用` name one thing), unless that is all of it."""
    head = MONEY_NOUN.sub("", name)
    return head if len(head) >= 2 else name


# a total named by its total word alone (`，合计 X`, `，共计为 X`), or after words counting two (`二者合计 X`,
# `两项共计 X`: said of exactly the two figures before it): the sum of what the sentence states before it
TOTAL_WORD_ALONE = regex(r"^[，,、；;]?\s*(?:(?:以上|上述)?两项|二者|两者)?(?:合计|共计|总计|之和)(?:为|是)?$")


# a total named by the parts' joint name and a total word (`还本付息合计 X` after `偿还本金 a，支付利息 b`)
JOINT_TOTAL = regex(r"^[，,、；;]?\s*(?P<name>[\u4e00-\u9fff]{4,8})(?:合计|共计|总计)(?:为|是)?$")


def _joint_total(label: str, run: list[tuple[Mention, Quantity]]) -> bool:
    """Is the total's name the two parts' names run together, in their order (`还本付息` of `偿还本金`, `支付利息`)?
    Each half must be one part's name with words left out: a name of its own (`债务合计`) is not."""
    found = JOINT_TOTAL.match(label)
    if found is None:
        return False
    name = found.group("name")
    first, second = (_head(pm.key) for pm, _ in run)
    return any(alike(name[:k], first) and alike(name[k:], second) for k in range(2, len(name) - 1))


def _sums_sentence(draft: Draft, total: Mention, run: list[tuple[Mention, Quantity]]) -> bool:
    """Is the total a total word alone after the two figures of its sentence and nothing else (`超收收入 a，预备费
    结余 b，合计 T`)? Its words name no item, so it is the sum of both (a longer run may sum its last few)."""
    if len(run) != 2 or not (TOTAL_WORD_ALONE.match(total.label) or _joint_total(total.label, run)):
        return False
    own = draft.by_sentence.get(total.sentence) or []
    before = [x for x in own[: own.index(total)] if x.quantities] if total in own else []
    return [x for x, _ in run] == before


def _enumerated(draft: Draft, run: list[tuple[Mention, Quantity]]) -> set[int]:
    """The lengths k at which the run's last k figures would start inside an enumeration: the figure before
    them is joined to their first by `、` alone (`过程 25 分、产出 35 分`)."""
    text = draft.doc.text
    return {
        len(run) - j
        for j in range(1, len(run))
        if (gap := text[run[j - 1][1].end : run[j][1].start]).lstrip().startswith("、") and not CLAUSE_END.search(gap)
    }


def _footing_run(total: Quantity, run: list[tuple[Mention, Quantity]], enumerated: set[int], slips: bool = True) -> int:
    """How many of the figures before the total it sums: the run that foots, else the one run that one slipped
    digit or unit explains (the label still names a sum); 0 for none. A slip is no reading of a run that
    starts inside an enumeration (`enumerated`): a list is summed whole or not at all, so a tail that a slip
    would explain is a guess (`决策 15 分、过程 25 分、产出 35 分、效益 25 分，合计 100 分` read without 决策);
    nor, without `slips`, of a run that may be the last of the total's parts only (`_may_slip`)."""
    sizes = range(2, min(len(run), MAX_RUN) + 1)
    exact = [k for k in sizes if foots(total, [x for _, x in run[-k:]])]
    # a run summing to the total to the digit is it, before a shorter one footing by its rounding only (`扣 0.5
    # 分，扣 1 分，扣 1 分，合计扣 2.5 分`: 1 + 1 foots 2.5 within the half points whole figures may hide)
    equal = [k for k in exact if sum((x.base_value for _, x in run[-k:]), Decimal(0)) == total.base_value]
    if equal or exact:
        return (equal or exact)[0]
    if not slips:
        return 0
    slipped = [k for k in sizes if k not in enumerated and one_slip(total, [x for _, x in run[-k:]])]
    return slipped[0] if len(slipped) == 1 else 0
