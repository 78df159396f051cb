"""Lists whose whole stands before the sentence: a sentence opening with 其中 breaks down the sentence before it
(`headless`), and what was handled among what was inspected is a part of it (`inspections`).

Their own module because the parser, reading one sentence at a time, keeps the items of such a 其中 but cannot
know their whole: the pass groups the items (by side, by measure, by kind of debt, in parallel groups) and
hands a single group to headless_wholes.py to find its whole. All are inferred (`certain=False`): a finding is a warning.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Breakdown, Mention
from tieout.linter.facts.passes.base import (
    ADDED,
    CHANGE_AMOUNT,
    DONE_ACT,
    account_side,
    before_restaged,
    beyond_target,
    changed_by,
    exact_figure,
    exact_of,
    excludes,
    in_brackets,
    income_and_cost,
    same_section,
    sources_and_uses,
)
from tieout.linter.facts.passes.headless_wholes import (
    left_overs,
    listed_of_named,
    names_the_same,
    of_named,
    one_group,
    until,
)
from tieout.linter.facts.passes.list_terms import (
    DIMENSION,
    measured_against,
    names_its_whole,
    own_phrase,
    same_measure,
)
from tieout.linter.facts.passes.roll_forward import CLOSING as STOCK_CLOSING
from tieout.linter.facts.passes.roll_forward import OPENING as STOCK_OPENING
from tieout.linter.facts.passes.roll_forward import STOCK, same_stock
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex
from tieout.linter.text.normalise import FORM_LINE
from tieout.linter.vocab import relation_words as _alt
from tieout.linter.vocab import words

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft


INSPECTED = regex(f"(?:{_alt('inspected')})[^，。；]{{0,12}}$")
HANDLED = regex(f"^(?:其中)?(?:{_alt('handled')})")


def inspections(draft: Draft) -> Iterator[Breakdown]:
    """`检查餐饮门店 2,964 家，处理违规 438 家`: in one sentence, what was handled or found among what was
    inspected is a part of it (a 其中 that is not written)."""
    taken: set[int] = set()
    for si, mentions in draft.by_sentence.items():
        for i, whole in enumerate(mentions):
            if not INSPECTED.search(whole.label):
                continue  # (the words first: few figures are of what was inspected)
            if draft.is_part(whole) or id(whole) in draft.totals or id(whole) in taken:
                continue
            wq = next((q for q in whole.quantities if q.kind == "count" and q.exact), None)
            if wq is None:
                continue
            part = next((p for p in mentions[i + 1 : i + 3] if _handled(draft, p, wq) and id(p) not in taken), None)
            if part is not None:
                taken.update((id(part), id(whole)))
                yield Breakdown(whole, [part], "", False, si, inferred=True, certain=False)


def _handled(draft: Draft, p: Mention, whole: Quantity) -> bool:
    return not draft.is_part(p) and bool(HANDLED.match(p.key)) and exact_of(p, whole.base_unit) is not None


def _not_moves(items: list[Mention]) -> list[Mention]:
    """The items but those naming what a part changed by, by the move alone (`其中：购置费 a，上年未安排，本年新增 a`):
    no part of their own."""
    return [m for m in items if not CHANGE_AMOUNT.match(m.label)]


def headless(draft: Draft) -> Iterator[Breakdown]:
    """`A x，B y。其中，甲 A x1，B y1。乙 A x2，B y2。`: a sentence opening with 其中 breaks down the sentence
    before it (PDF text breaks after 。, so it may start a paragraph; a heading between ends the reach). Form
    lines each opening with 其中 and naming a source of funds (`总投资：T` / `其中市级资金：a` / `其中上级补助：b`)
    are one list, of the figure before the first."""
    for si, listed_items in draft.headless.items():
        if _sibling_line(draft, si):
            continue  # read with the first line of its run
        items = before_restaged(_not_moves(_before_added(listed_items) + _sibling_items(draft, si)))
        if si in draft.whole_listed:
            # `支出总计包括：A a、B b…`: the list is of the figure it names, stated before, or of none
            found = listed_of_named(draft, si, items)
            if found is not None:
                yield found
            continue
        prev = _sentence_before(draft, si)
        if not prev or not items:
            continue
        prev = _wholes_before(draft, si, items, prev)
        stages = {said.stage for m in items if (said := draft.labeller.identify(m.label)[1]).stage}
        if len(stages) > 1 or sources_and_uses(items) or income_and_cost(items):
            # `其中，…（项）年初预算 A，支出决算 B`: one item at two stages, no parts of a whole; nor one fund's
            # sources and uses (`其中财政拨款全年可用资金 a，财政拨款支出 b`), nor a net's income and cost
            continue
        items = _before_a_sibling(draft, items, prev)
        name = draft.whole_named.get(si)
        if name is not None:
            # `基本支出中，…`: the list is of the figure it names, or of none
            named = of_named(draft, name, items, prev, si)
            if named is not None:
                yield named
            continue
        groups = _parallel_groups(draft, si, items, prev)
        sides = _by_debt_kind(draft, items, prev, si) or _by_measure(items, prev, si) or _by_side(items, prev, si)
        if len(groups) >= 2:
            yield from _per_measure(prev, groups, si)
        elif sides:
            yield from sides
        else:
            found = one_group(draft, items, prev, si)
            if found is not None and _kept(draft, found, prev, si):
                yield _said_whole(draft, found, si)


# the words giving a figure as the value of each of several things before it (`收、支总计均为`, `两项均是`)
EACH_OF = regex(r"均(?:为|是)?\s*[：:]?\s*$")


def _both_sides(items: list[Mention]) -> bool:
    """Do the items name both sides of an account, an income and a spending?"""
    return any("收入" in m.label for m in items) and any("支出" in m.label for m in items)


def _wholes_before(draft: Draft, si: int, items: list[Mention], prev: list[Mention]) -> list[Mention]:
    """The figures of the sentence before a 其中 list (sentence si) that may be its whole."""
    # `收入 A，为预算 B 的 r%，比上年增加 Δ。其中，…`: B is what A is measured against, a reference, never the whole the
    # list breaks down
    used = measured_against(draft, si - 1)
    prev = [m for m in prev if not any(id(q) in used for q in m.quantities)]
    prev = _but_earlier_beside(draft, items, prev)
    # `…增长 4.4%，增支 24,870 万元。其中：…`: what a figure changed by is no whole of the list after it (a list of the
    # change repeats its word)
    listed = [p.label for p in items]
    prev = [m for m in prev if not changed_by(m.label, listed)]
    # `智慧教室超额完成 12 间。其中分县完成情况为：…，合计 312 间`: what an outcome passed its target by is no whole either
    prev = [m for m in prev if not beyond_target(m.label, listed)]
    # (nor a count by another measure word than every item's, though the two may share a base unit: `学校 118 所` over
    # classrooms counted `68 间`)
    counted = {q.unit for m in items if (q := exact_figure(m)) is not None and q.kind == "count"}
    if len(counted) == 1:
        prev = [m for m in prev if (q := exact_figure(m)) is None or q.kind != "count" or q.unit in counted]
    prev = _scores_outside_brackets(draft, items, prev)
    if si in draft.progress:
        # `已整改 B。其中，未盘活 a，已收回 b`: items stated with what was done of them are the amounts due; what was
        # done is not made of them
        prev = [m for m in prev if DONE_ACT.match(own_phrase(m)) is None]
    if _both_sides(items):
        # `收、支总计均为 T。其中本年收入合计 a，…本年支出合计 b`: a figure the words give as the value of each of several
        # things (均为) is the whole of neither side's list alone, and the list names both
        prev = [m for m in prev if not EACH_OF.search(m.label)]
    return prev


def _but_earlier_beside(draft: Draft, items: list[Mention], prev: list[Mention]) -> list[Mention]:
    """The figures before a 其中 list less those its words place in an earlier year than a figure of their sentence
    before them (`2026年收入预算 A，上年预算数为 B。其中：…`): B is last year's, what A is set beside, and the list
    is this year's. (A list whose items name B's year may be B's: then B stays.)"""
    listed = {year for m in items if (year := _stated_year(draft, m)) is not None}
    return [
        m
        for k, m in enumerate(prev)
        if (year := _stated_year(draft, m)) is None or year in listed or not _later_before(draft, m, year, prev[:k])
    ]


# the year a context's period opens with: an absolute year (`2025`, `2025-11`) or one relative to the document's
# (`-1` 上年, `+0` 本年)
PERIOD_YEAR = regex(r"^([+-]?)(\d+)")


def _stated_year(draft: Draft, m: Mention) -> tuple[bool, int] | None:
    """The year a figure's own words (or its sentence's) place it in, as (relative, year); None where none is said."""
    said = draft.stated.get(id(m))
    found = PERIOD_YEAR.match(said.period) if said is not None and said.period else None
    if found is None:
        return None
    return bool(found[1]), int(found[1] + found[2])


def _later_before(draft: Draft, m: Mention, year: tuple[bool, int], before: list[Mention]) -> bool:
    """Does a figure of the sentence of `m`, in its unit, of a later year said the same way, stand before it? One
    whose words name no year is of the year reported (`+0`)."""
    q = exact_figure(m)
    if q is None:
        return False
    for o in before:
        own = exact_figure(o)
        if o.sentence != m.sentence or own is None or (own.kind, own.base_unit) != (q.kind, q.base_unit):
            continue
        other = _stated_year(draft, o) or (True, 0)
        if other[0] == year[0] and other[1] > year[1]:
            return True
    return False


# a dash opening an item of a list (`——利润收入 T`), and one opening an item after a semicolon or a line's end
DASH_ITEM = regex(r"^[—–－-]{1,2}")
DASH_AFTER = regex(r"[；;。\n]\s*[—–－-]{1,2}")


def _before_a_sibling(draft: Draft, items: list[Mention], prev: list[Mention]) -> list[Mention]:
    """The items of a 其中 list up to one opened by the dash that opens the whole's own item (`——利润收入 T。其中：A a；
    B b；——股利收入 c；——其他收入 d`): c and d are the whole's siblings, items of the list it stands in, not its parts."""
    if not any(DASH_ITEM.match(m.label) for m in prev):
        return items
    return until(draft, items, DASH_AFTER)


FUND_SOURCE = regex(f"^其中(?:{_alt('fund_sources')})")
# a sentence opening with a word that lists all of a figure (`具体为：`, `分别为：`), not some of it (`其中`)
OPENS_ALL = regex(f"\\s*(?P<word>{_alt('exhaustive')})\\s*[：:，,]")


def _changes_in(draft: Draft, si: int, whole: Quantity) -> bool:
    """Does the sentence state a change of the unit of `whole`, or a base of it (`较上年 B 增加 Δ`)?"""
    for c in draft.facts.changes:
        if c.sentence != si:
            continue
        moved = [mv.quantity for mv in c.movements if mv.quantity is not None]
        if any(q is not None and q.base_unit == whole.base_unit for q in [c.base, *moved]):
            return True
    return False


def _said_whole(draft: Draft, found: Breakdown, si: int) -> Breakdown:
    """`三是交通设施 6.50 亿元，占 16.9%。具体为：甲工程 a，乙工程 b。`: a list opened by a word that lists all of what
    it details, after a sentence whose one figure of the list's unit is the list's whole, is all of that figure (its
    parts held to it as a sum; inferred, a warning at most). Where the sentence before states another figure of
    that unit, what the words list all of is not said: the list stays some of its whole."""
    sentence = draft.doc.sentences[si]
    opened = OPENS_ALL.match(draft.doc.text, sentence.start, sentence.end)
    whole = exact_figure(found.total)
    if opened is None or found.exhaustive or whole is None:
        return found
    # (every figure of the unit counts: a change's, last year's, as a figure of its own)
    before = draft.by_sentence.get(si - 1) or []
    alike = [q for m in before for q in m.quantities if q.kind == whole.kind and q.base_unit == whole.base_unit]
    if alike != [whole] or _changes_in(draft, si - 1, whole):
        return found
    return replace(found, keyword=opened["word"], exhaustive=True)


def _sibling_line(draft: Draft, si: int) -> bool:
    """Is the sentence a form's line (`其中上级补助资金：b`) following another such line, each opening with 其中
    and naming a source of funds with its one figure? Then the two are sources side by side under the figure
    before the first, not the second a part of the first."""
    return all(_source_line(draft, sj) for sj in (si - 1, si)) and same_section(
        draft, draft.doc.sentences[si - 1].start, draft.doc.sentences[si].start
    )


def _over_a_sibling(draft: Draft, found: Breakdown, si: int) -> bool:
    """Is the list a 其中 sentence right after another of one item (`其中：制造业 a，…。` / `其中：建筑业 b，…。`), its parts
    above the figure of the one before? The second may name parts of the first's item (`其中，税收收入 A。其中，增值税 a`) or
    items beside it, of the figure before both: parts that do not fit under the first are its siblings, no slip."""
    if len(draft.headless.get(si - 1) or []) != 1 or found.total.sentence != si - 1:
        return False  # (a 其中 sentence of two items or more, `其中，税收收入 A；非税收入 B。其中：增值税…`: its list)
    total = found.total.quantities[-1]
    parts = [q for m in found.parts for q in m.quantities[-1:] if q.base_unit == total.base_unit]
    return sum((q.base_value for q in parts), Decimal(0)) > total.base_value


def _sibling_items(draft: Draft, si: int) -> list[Mention]:
    """The items of the sibling lines that follow the 其中 line `si` (none where it opens no run)."""
    items: list[Mention] = []
    sj = si + 1
    while _sibling_line(draft, sj):
        items.extend(draft.headless[sj])
        sj += 1
    return items


def _source_line(draft: Draft, si: int) -> bool:
    items = draft.headless.get(si)
    if si < 0 or si >= len(draft.doc.sentences) or not items or len(items) != 1:
        return False
    if names_its_whole(draft, si) or si in draft.make_up:
        return False
    sentence = draft.doc.sentences[si]
    text = draft.doc.text[sentence.start : sentence.end].strip()
    return bool(FORM_LINE.fullmatch(text)) and bool(FUND_SOURCE.match(text))


def _sentence_before(draft: Draft, si: int) -> list[Mention]:
    """The mentions of the sentence before a headless 其中 list, under the same heading (or of the one before
    that, when the sentence between only compares its figure with last year's)."""
    doc = draft.doc
    if si < 1 or not same_section(draft, doc.sentences[si - 1].start, doc.sentences[si].start):
        return []
    return draft.by_sentence.get(si - 1) or _compared_before(draft, si - 1)


def _compared_before(draft: Draft, sj: int) -> list[Mention]:
    """The mentions of the sentence before `sj` when `sj` only compares a figure of it with last year's
    (`支出决算 X，完成预算的 p%。与上年决算 Y 相比，增加 Δ，增长 q%。其中：…`): the list after the comparison is of X."""
    before = draft.by_sentence.get(sj - 1)
    if not before or not same_section(draft, draft.doc.sentences[sj - 1].start, draft.doc.sentences[sj].start):
        return []
    compared = [c for c in draft.facts.changes if c.sentence == sj and c.current is not None]
    if len(compared) != 1 or not any(compared[0].current in m.quantities for m in before):
        return []
    used = measured_against(draft, sj - 1)
    return [m for m in before if not any(id(q) in used for q in m.quantities)]


def _before_added(items: list[Mention]) -> list[Mention]:
    """The items before one added to the list rather than listed in it (`其中：A a；B b；加上转移支付 c、调出资金 d，
    支出总计 T`: a and b only)."""
    for k, m in enumerate(items):
        if k and ADDED.match(m.label.lstrip("，、；： \u3000")):
            return items[:k]
    return items


def _scores_outside_brackets(draft: Draft, items: list[Mention], prev: list[Mention]) -> list[Mention]:
    """For a list of scores, the figures before it less those in brackets: `得分 88.99 分，等级为“良”（评价等级标准：
    90 分及以上为优，…，60 分以下为差）。其中：…`: a score's brackets hold its scale or its full marks, never the
    whole its list divides. (Of money a bracket may restate the whole, `X 万元（约 Y 亿元）`: left as it is.)"""
    if any(q.base_unit != "分" for m in items for q in m.quantities[:1]):
        return prev
    return [m for m in prev if not in_brackets(draft, m.sentence, m.start)]


ANOTHER_TIME = regex(r"\s*(?:上年|去年|上一年|上年同期|同期|(?:19|20)\d{2}年)")


# a key that is a move's word alone (`调整为 B`: 调整): it names no measure, whatever item a name ending so is of
MOVE_ONLY = regex(r"(?:调整|调增|调减|增加|减少|追加|追减|变动)(?:后)?")


def _parallel_groups(draft: Draft, si: int, items: list[Mention], prev: list[Mention]) -> list[list[Mention]]:
    """The sentence's list and the sentences after it that list the same measures for other entities."""
    totals = [m for m in prev if m.key and not draft.is_part(m) and not MOVE_ONLY.fullmatch(m.key)]
    groups = [items]
    amounts = [m for m in items if m.key and any(q.kind == "amount" for q in m.quantities)]
    if not all(any(same_measure(m.key, t.key) for t in totals) for m in amounts):
        # `流动资产 A。其中，货币资金 a，…，其他流动资产 c。非流动资产 B…`: amounts that are no measures of the figures
        # before are one list of their whole, and the next sentence another whole's, not another entity's parts
        return groups
    sj = si + 1
    start = draft.doc.sentences[si].start
    while sj in draft.by_sentence and same_section(draft, draft.doc.sentences[sj].start, start):
        if sj in draft.whole_named:
            break  # `一般性转移支付中，…`: a list of its own, of the figure it names
        if ANOTHER_TIME.match(draft.doc.text, draft.doc.sentences[sj].start):
            break  # `上年，一般性转移支付为…`: the same names at another time, no other entity's figures
        if DIMENSION.match(draft.doc.text[draft.doc.sentences[sj].start : draft.doc.sentences[sj].end]):
            break  # `按级次分，市级债务余额 c，县区 d`: the same whole divided again (`dimensions`), no other entity's
        cand = [m for m in draft.by_sentence[sj] if not draft.is_part(m)]
        if not (cand and totals and same_measure(cand[0].key, totals[0].key)):
            break
        if not any(q.kind in ("amount", "count") for m in cand for q in m.quantities):
            break  # `研发投入后补助占全年执行数的 61.77%`: a share of the total, no other entity's figures
        groups.append(cand)
        sj += 1
    return groups


def _per_measure(prev: list[Mention], groups: list[list[Mention]], si: int) -> Iterator[Breakdown]:
    """Each figure of the sentence before is a total; each group holds one part of it (its entity)."""
    used: set[int] = set()
    for t in prev:
        if not t.key or MOVE_ONLY.fullmatch(t.key):
            continue
        parts = []
        for g in groups:
            match = next((m for m in g if id(m) not in used and same_measure(m.key, t.key)), None)
            if match is None:
                break
            parts.append(match)
        if len(parts) != len(groups):
            continue  # a measure some groups lack cannot be footed
        used.update(id(p) for p in parts)
        yield Breakdown(t, parts, "其中", False, si, certain=False)


def _by_side(items: list[Mention], prev: list[Mention], si: int) -> list[Breakdown]:
    """`财政拨款收入 1208.46 亿元、支出 1187.92 亿元。其中，一般公共预算财政拨款收入 1143.05 亿元、支出 1126.71
    亿元；…`: the sentence before states both sides, each part is of the side it names."""
    if left_overs(items):
        return []
    totals: dict[str, Mention] = {}
    for m in prev:
        side = account_side(m.label)
        if side and any(q.kind == "amount" for q in m.quantities):
            totals.setdefault(side, m)
    if len(totals) < 2 or any(account_side(m.label) is None for m in items):
        return []
    return [
        Breakdown(total, parts, "其中", False, si, certain=False)
        for side, total in totals.items()
        if (parts := [m for m in items if account_side(m.label) == side])
    ]


def _by_measure(items: list[Mention], prev: list[Mention], si: int) -> list[Breakdown]:
    """`还本支出 864 亿元，付息支出 352 亿元。其中，市级还本支出 178 亿元，付息支出 96 亿元`: the sentence before
    states several measures, each part names exactly one of them (by its item, the entity aside)."""
    totals = [m for m in prev if m.identity.item and any(q.kind in ("amount", "count") for q in m.quantities)]
    if len(totals) < 2:
        return []
    groups: dict[int, tuple[Mention, list[Mention]]] = {}
    for m in items:
        matches = [t for t in totals if names_the_same(m.identity.item, t.identity.item)]
        if len(matches) != 1:
            return []
        groups.setdefault(id(matches[0]), (matches[0], []))[1].append(m)
    if len(groups) < 2:
        return []
    return [Breakdown(total, parts, "其中", False, si, certain=False) for total, parts in groups.values()]


DEBT_KINDS = words("relations", "debt_kinds")
DEBT_KIND = regex(f"^(?:{_alt('debt_kinds')})(?=债务)")


def _by_debt_kind(draft: Draft, items: list[Mention], prev: list[Mention], si: int) -> list[Breakdown]:
    """`余额 X，低于限额 L。其中：一般债务余额 a，限额 b；专项债务余额 c，限额 d`: each kind of debt with its own
    measures, in the order of the sentence before (a figure after a kind's is of that kind: b is the 一般债务's
    限额). The list runs on past the semicolons the 其中 list stops at, and covers the sentence's figures; where it
    names every kind of debt once, each measure of the sentence before is their sum (X = a + c, L = b + d)."""
    own = [m for m in draft.by_sentence.get(si) or [] if not draft.is_part(m) and m.quantities]
    totals = [m for m in prev if m.identity.item and any(q.kind == "amount" for q in m.quantities)]
    if len(totals) < 2 or own[: len(items)] != items or any(k in t.identity.item for t in totals for k in DEBT_KINDS):
        return []
    paired = _kind_pairs(own, totals)
    if paired is None:
        return []
    groups, kinds = paired
    complete = sorted(kinds) == sorted(DEBT_KINDS)
    return [Breakdown(total, parts, "其中", complete, si, certain=False) for total, parts in groups]


def _kind_pairs(
    own: list[Mention], totals: list[Mention]
) -> tuple[list[tuple[Mention, list[Mention]]], list[str]] | None:
    """The figures of each total, one for each kind of debt, and the kinds named (each once, the first figure
    naming one); None unless every figure is of exactly one total and every total has one figure of each kind."""
    groups: dict[int, tuple[Mention, list[Mention]]] = {}
    kinds: list[str] = []
    for m in own:
        kind = DEBT_KIND.match(m.identity.item)
        if kind is not None:
            kinds.append(kind.group())
        item = DEBT_KIND.sub("", m.identity.item)
        matches = [t for t in totals if names_the_same(item, t.identity.item)]
        if not kinds or len(matches) != 1:
            return None
        parts = groups.setdefault(id(matches[0]), (matches[0], []))[1]
        if len(parts) >= len(kinds):
            return None  # a second figure of one measure for the same kind: no pairs
        parts.append(m)
    if len(groups) < 2 or len(set(kinds)) != len(kinds) or any(len(p) != len(kinds) for _, p in groups.values()):
        return None
    return list(groups.values()), kinds


def _kept(draft: Draft, found: Breakdown, prev: list[Mention], si: int) -> bool:
    """Is the one list read after a sentence kept? Not where its parts exceed the figure before and are of another
    whole the make-up does not name, or of the figures before taken together (`教师有效问卷 a，家长有效问卷 b。其中
    满意的 c`, c > b)."""
    if _over_a_sibling(draft, found, si):
        return False
    return not ((si in draft.make_up or _beside_a_sibling(found, prev)) and _exceeds(found))


def _beside_a_sibling(b: Breakdown, prev: list[Mention]) -> bool:
    """Does the whole stand beside another figure of its unit named as the same thing for another group (both
    keys ending alike, `教师有效问卷` and `家长有效问卷`)? Then a list after both may be of either, or of the two."""
    whole = b.total
    unit = next((q.base_unit for q in whole.quantities if q.kind in ("amount", "count")), None)
    tail = whole.key[-3:]
    if unit is None or len(whole.key) <= 3:
        return False
    return any(
        m is not whole
        and m.key != whole.key
        and m.key.endswith(tail)
        and exact_of(m, unit) is not None
        and not excludes(m, b.parts)  # (`税收收入 a；非税收入 b。其中：增值税 c…`: the taxes are none of b)
        and not _one_stock_apart(whole, m)
        for m in prev
    )


def _one_stock_apart(a: Mention, b: Mention) -> bool:
    """Are the two figures one stock at the year's two ends (`2025年初政府债务余额` and `年末债务余额`)? Stocks at two
    dates add up to nothing: a list after the one is of it, never of the two, and the other is no sibling of it."""
    if not (STOCK.search(a.label) and STOCK.search(b.label) and same_stock(a.label, b.label)):
        return False
    return any(
        STOCK_OPENING.search(x) and not STOCK_OPENING.search(y) and STOCK_CLOSING.search(y)
        for x, y in ((a.label, b.label), (b.label, a.label))
    )


def _exceeds(b: Breakdown) -> bool:
    """Do the parts add up to more than the total (beyond their precision)?"""
    unit = next((q.base_unit for q in b.total.quantities if q.kind in ("amount", "count")), None)
    total = exact_of(b.total, unit) if unit else None
    parts = [q for p in b.parts if unit and (q := exact_of(p, unit)) is not None]
    if total is None or not parts:
        return False
    return sum((q.base_value for q in parts), Decimal(0)) - total.base_value > sum(
        (q.ulp * q.scale for q in [total, *parts]), Decimal(0)
    )
