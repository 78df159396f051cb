"""The whole of a list opened by 其中 at a sentence's start: the one figure before the list that it breaks down, a
figure named by the list's words (`基本支出中，…`, `支出总计包括：…`), or none where that is not certain.

Its own module because choosing the whole is most of the reading of such a list and the part where a wrong
choice makes a false finding: each test that leaves the list unread (a figure of another period, a list of
another whole, a figure restated) is kept here, beside the others it must agree with.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from tieout.linter.facts.definitions import (
    common_tail,
    of_total,
    overlapping,
)
from tieout.linter.facts.model import Breakdown, Mention, Share
from tieout.linter.facts.passes.base import (
    HANDED_OVER,
    PER_UNIT_WORDS,
    changed_from,
    converted,
    counts_subordinates,
    exact_figure,
    exact_of,
    excludes,
    full_marks_complete,
    in_brackets,
    not_of_another,
    of_relations,
    said_earlier,
    same_section,
    scored_apart,
    sides_of_a_difference,
    under_heading,
    within_whole,
)
from tieout.linter.facts.passes.list_terms import (
    DIMENSION,
    GIVES_A_REASON,
    HEADED,
    TOTAL_WORD,
    ends_with_name,
    named_figure,
    names_total,
    open_ended,
    other_period,
    own_phrase,
)
from tieout.linter.facts.passes.stocks_and_flows import of_another_measure
from tieout.linter.facts.passes.surveys import one_answer_apart, survey_stages
from tieout.linter.figures.context import MIXED
from tieout.linter.figures.intervals import rounding_unit
from tieout.linter.figures.labels import GENERIC_ITEMS, LAST_YEAR_BESIDE, shared_word
from tieout.linter.patterns import regex
from tieout.linter.text.model import Section
from tieout.linter.vocab import relation_words as _alt
from tieout.linter.vocab import words

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft


def until(draft: Draft, items: list[Mention], opener: re.Pattern[str]) -> list[Mention]:
    """The items up to the first whose words from the item before on hold `opener` (a clause or an item of another
    list opening there)."""
    text = draft.doc.text
    for k in range(1, len(items)):
        if items[k - 1].quantities and opener.search(text, items[k - 1].quantities[-1].end, items[k].start):
            return items[:k]
    return items


# the stages money allotted passes on its way to the one it is allotted to: arrived, paid out (not spent: a list
# after a budget and its outturn, `预算 A，支出决算 B，完成预算的 p%。其中：…`, is of the outturn)
PAID_OUT = regex(r"到位|拨付")


def _paid_out(last: Mention, items: list[Mention]) -> bool:
    """Is the figure money named as arrived or paid out of an allotment (`实际到位 B`, `已拨付 B`), its list's items
    naming neither (`其中：中央 a，省级 b`: of the money at either stage)?"""
    return (
        any(q.kind == "amount" for q in last.quantities)
        and PAID_OUT.search(last.label) is not None
        and not any(PAID_OUT.search(m.label) for m in items)
    )


def _rated_against(draft: Draft, last: Mention, prev: list[Mention]) -> bool:
    """Does a rate of the figure's sentence relate it to another figure before the list, of another value (`共下达 A，
    实际到位 B，到位率 p%`: B over A; `落实率 100%` relates two equal figures, and either is the list's whole)?"""
    own = {id(q) for q in last.quantities}
    values = {q.base_value for q in last.quantities}
    others = {id(q) for m in prev if m is not last for q in m.quantities if q.base_value not in values}
    rated = of_relations(draft, "rated_pairs", lambda: _rated_by_sentence(draft)).get(last.sentence, ())
    return any(a in own and b in others or b in own and a in others for a, b in rated)


def _rated_by_sentence(draft: Draft) -> dict[int, list[tuple[int, int]]]:
    """The pairs of figures (by id) each sentence's rates are computed from."""
    out: dict[int, list[tuple[int, int]]] = {}
    for r in draft.facts.rates:
        if len(r.operands) == 2:
            out.setdefault(r.sentence, []).append((id(r.operands[0]), id(r.operands[1])))
    return out


# a name of what a side of the account left over (vocab relations.yaml `left_of_side`)
LEFT_OF_SIDE = regex(f"(?:{_alt('left_of_side')})$")


def left_overs(items: list[Mention]) -> bool:
    """Do the items all name what a side of the account left over (`收入总计 A，支出合计 B，年末结转结余 C。其中：
    项目支出结转 c1；基本支出结余 c2`)? They are parts of the balance, none of the flow whose side they name."""
    return bool(items) and all(LEFT_OF_SIDE.search(m.label) for m in items)


def names_the_same(a: str, b: str) -> bool:
    """One item is the other with an entity in front (政府债务还本支出 / 还本支出)."""
    return len(min(a, b, key=len)) >= 2 and (a.endswith(b) or b.endswith(a))


def one_group(draft: Draft, items: list[Mention], prev: list[Mention], si: int) -> Breakdown | None:
    """One list under 其中 refers to the last figure before it in a unit its parts use (not the rate after it:
    `支出决算为 25.50 万元，完成预算的 85.00%。其中：…`), or to a figure of that sentence equal to the sum of
    the parts (`资金 520 万元…，实际支出 499.20 万元。其中：中央 300，省级 150，市级 49.20`); it may be partial.
    A last figure that is itself a part of a list (`采购预算 X，包括货物类 a、服务类 b。其中…`) is not taken:
    the 其中 may be of the list's total or of that part."""
    units = {q.base_unit for m in items for q in m.quantities if q.kind in ("amount", "count")}
    if any(_restated_before(draft, m) for m in items):
        # `收入总计 T：…，调入资金 a，…。支出总计 T：…，结转下年 c。其中调入资金 a，包括…`: the figure stated before,
        # taken up again to break it down, is no part of the last figure
        return None
    if units == {"分"} and full_marks_complete(draft.by_sentence.get(si) or items):
        # `总分 X。其中决策指标满分 15 分，得分 a；…`: indicators whose full marks make 100 are all of them, the
        # overall score's score set (sets.scores, TO111), no list of some
        return None
    # (`税收收入 a；非税收入 b。其中：增值税 c，契税 d`: the taxes are none of b; the list is of a figure before)
    prev = [m for m in _unrestated(draft, prev) if not excludes(m, items)]
    last = _kept_within(_last_figure(prev, units), prev, items)
    if last is None or _not_the_whole(draft, last, items, prev, si):
        return None
    whole = _whole_of(draft, items, prev, last, units)
    if whole is None or in_brackets(draft, whole.sentence, whole.start):
        # `…剔除甲中心划入因素（该中心本年收入 C），按同口径计算增长 q%。其中：…`: a figure a bracket notes is no
        # whole the list after the sentence breaks down
        return None
    parts = _parts_of(draft, whole, items, si)
    if not parts or not _breaks_down(draft, whole, parts, items):
        return None
    return Breakdown(whole, parts, "其中", False, si, certain=False)


def _not_the_whole(draft: Draft, last: Mention, items: list[Mention], prev: list[Mention], si: int) -> bool:
    """Is the last figure before the 其中 sentence certainly not the figure its items break down: a figure changed
    from, one of figures sharing its name, one after a list, the last of an enumeration, or a figure the sentence or
    its items name another than?"""
    return (
        changed_from(draft, last)
        or _one_of_shared(draft, last, prev)
        or _after_list(draft, last, si)
        or _last_of_enumeration(draft, last, prev)
        or _names_another(draft, last, items, si)
        or _items_of_another(last, items, prev)
    )


def _breaks_down(draft: Draft, whole: Mention, parts: list[Mention], items: list[Mention]) -> bool:
    """Are the 其中 items parts the whole may be broken into?"""
    if not _named(draft, whole) or not _may_break_down(whole, parts) or survey_stages(parts):
        return False  # (`其中学生问卷发放 800 份、回收 782 份、有效 770 份`: one sample's stages, no parts)
    if sides_of_a_difference(parts):
        return False  # (`其中，工程费用送审 a，审定 b`: one cost submitted and approved, no two parts)
    # (`当年收支结余 T。其中，甲基金年初滚存结余 a，年末滚存结余 b`: what a fund holds, at either end of the year, is
    # no share of what the year left)
    return not of_another_measure(whole, items)


def _is_target(draft: Draft, m: Mention) -> bool:
    """Is the figure named as a target (`城镇新增就业年度目标 6000 人`, `目标值`): the stage 计划, said by 目标?"""
    return "目标" in m.label and draft.labeller.identify(m.label)[1].stage == "计划"


def _targets_of_an_outcome(draft: Draft, whole: Mention, parts: list[Mention]) -> bool:
    """Are the 其中 items all targets while the figure before is no target (`…实现就业 520 人，完成年度目标的 108%。其中
    城镇新增就业年度目标 6000 人，失业人员再就业年度目标 1800 人`)? What was aimed at is no part of what was done: the
    items say the targets of the outcomes before, one each, not a division of the last."""
    return all(_is_target(draft, p) for p in parts) and not _is_target(draft, whole)


# a 其中 sentence naming the whole its items are of before them (`其中，调入资金包括：从政府性基金预算调入 a、…`)
NAMES_ITS_WHOLE = regex(r"\s*其中[，,：:]?\s*(?P<name>[\u4e00-\u9fff“”]{2,12}?)(?:包括|分别为|分别是|主要有)")


def _names_another(draft: Draft, last: Mention, items: list[Mention], si: int) -> bool:
    """Does the 其中 sentence name the whole its items are of before them, a name the last figure before does not
    bear (`结转下年 c。其中，调入资金包括：…`: the items are of 调入资金, stated earlier, not of c)?"""
    sentence = draft.doc.sentences[si]
    end = items[0].start if items else sentence.end
    named = NAMES_ITS_WHOLE.match(draft.doc.text, sentence.start, end)
    return named is not None and named["name"] not in last.label


def _items_of_another(last: Mention, items: list[Mention], prev: list[Mention]) -> bool:
    """Do the 其中 items bear the name of another figure of the sentence before, one the last figure does not
    share (`实现营业收入 A，…；实现净利润 B。其中第三季度实现营业收入 c`: c is a part of A, if of any, never of B)?
    Which figure the list is of is then not the last one; the text does not tie it to it."""
    names = [m.identity.item for m in items if m.identity.item]
    if not names or not last.identity.item:
        return False
    if any(len(common_tail(n, last.identity.item)) >= MIN_SHARED_TAIL for n in names):
        return False
    return any(
        all(len(common_tail(n, m.identity.item)) >= MIN_SHARED_TAIL + 1 for n in names)
        for m in prev
        if m is not last and m.identity.item
    )


# how many characters alike at the end make two figures' names one measure's (`收入` in `营业收入`, `其他收入`)
MIN_SHARED_TAIL = 2


def _figure_before(prev: list[Mention], last: Mention) -> Mention | None:
    """The figure right before `last` among the figures before a list (None for the first, or one not among them)."""
    k = next((i for i, m in enumerate(prev) if m is last), 0)
    return prev[k - 1] if k >= 1 else None


def _last_of_enumeration(draft: Draft, last: Mention, prev: list[Mention]) -> bool:
    """Is the last figure the last item of an enumeration in its sentence, joined to the figure before it by `、`
    (`新增专项债券 X，投向分别为交通 a、…、生态环保 f。其中用作项目资本金 c，占 p%`), or of a division's sentence? The 其中 after it may be of
    that item or of the whole the items are of: which, the text does not say."""
    before = _figure_before(prev, last)
    if before is None or before.sentence != last.sentence or not before.quantities or not last.quantities:
        return False
    if before.quantities[-1].base_unit != last.quantities[0].base_unit:
        return False
    if draft.doc.text[before.quantities[-1].end : last.quantities[0].start].lstrip().startswith("、"):
        return True
    # `按采购品目分：货物类 a，工程类 b，服务类 c。其中面向中小企业 d，占 p%`: the items of a division by kind, its
    # sentence opening with the dimension; the 其中 after the last may be of it or of the whole divided
    sentence = draft.doc.sentences[last.sentence]
    return DIMENSION.match(draft.doc.text[sentence.start : sentence.end]) is not None


def _named(draft: Draft, m: Mention) -> bool:
    """Is the figure named: by its own words, or, stated right after its heading's mark, name and colon (`（一）基本支出：
    X 万元，占 p%。其中：…`), by that name (its identity's item, read from the heading)?"""
    if m.key:
        return True
    sentence = draft.doc.sentences[m.sentence]
    sec = draft.doc.section_at(sentence.start)
    if sec is None or sec.start != sentence.start or not m.quantities or not m.identity.item:
        return False
    name = draft.doc.text[sentence.start : m.quantities[0].start].rstrip()
    return name.endswith(("：", ":")) and HEADED.match(name) is not None


def _parts_of(draft: Draft, whole: Mention, items: list[Mention], si: int) -> list[Mention]:
    """The items of a 其中 sentence that are parts of the whole before it: in its units, within it, and none a
    part of another (`其中项目支出 a，建设支出 b，占项目支出的 p%`: b is a part of a, not beside it); none where they
    are all targets of an outcome (`_targets_of_an_outcome`)."""
    dims = {q.base_unit for q in whole.quantities if q.kind in ("amount", "count")}
    parts = _spent_only(whole, [m for m in items if m.quantities and m.quantities[0].base_unit in dims])
    parts = within_whole(draft.labeller, whole, parts)
    parts = not_of_another(draft.labeller, [s for s in draft.facts.shares if s.sentence == si], parts)
    return [] if parts and _targets_of_an_outcome(draft, whole, parts) else parts


def _defined_earlier(draft: Draft, items: list[Mention], prev: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """The figures before a 其中 list that its parts make by definition, and the figures of its paragraph before it
    (of the paragraph before, for a 其中 opening a paragraph of its own: `基本支出 X。按经济分类：…` / `其中人员经费
    p…`). In the sentence before, else earlier in that paragraph (`基本支出 X，…。按经济分类：工资福利支出 a，…，对个人
    和家庭的补助 c。其中，人员经费 p，公用经费 q`: the list is of X, not of the last figure)."""
    paragraph = _paragraph_before(draft, items[0].sentence)
    if not paragraph and prev:
        paragraph = _paragraph_before(draft, prev[-1].sentence)
    defined = _defined_by_parts(items, prev)
    return (defined or [m for m in _defined_by_parts(items, paragraph) if m not in prev]), paragraph


def _staged_otherwise(draft: Draft, whole: Mention, items: list[Mention]) -> bool:
    """Do the list's parts name one stage (`决算`) and the whole its words name another (`预算`)?"""
    stages = {said.stage for m in items if (said := draft.labeller.identify(m.label)[1]).stage}
    own = draft.labeller.identify(whole.label)[1].stage
    return len(stages) == 1 and own is not None and own not in stages


def _whole_of(
    draft: Draft, items: list[Mention], prev: list[Mention], last: Mention, units: set[str]
) -> Mention | None:
    """The figure before a 其中 list that the list is of: the one its parts define or name, else the one they sum
    to, else the last; None when that is not certain."""
    defined, paragraph = _defined_earlier(draft, items, prev)
    # (a part's share may name a whole stated a sentence or more before the list, in the paragraph)
    shares = _part_shares(draft, items)
    by_shares = _named_by_shares(draft, shares, paragraph)
    named = defined if len(defined) == 1 else by_shares if len(by_shares) == 1 else _named_by_parts(items, prev)
    if len(named) > 1:
        return None
    if named and _staged_otherwise(draft, named[0], items):
        # (`三公经费支出预算 A，支出决算 B，完成预算的 r%。其中：公务用车…支出决算 a，公务接待费支出决算 b`: the list is
        # of the stage its parts name, B, whatever figure names the whole at another)
        named = []
    if named:
        last = named[0]
    elif _shares_name_another(draft, shares, last):
        # (`…实现利润总额 P。其中，甲公司实现营业收入 a，占营业总收入的 p%`: the part's share names its whole, and it
        # is not the figure before)
        return None
    summed = _summed_by(items, prev, units)
    if summed is None and _of_part_of_the_year(last, draft.facts.document_context.period):
        # (`收入完成 X，为预算的 r%。前三季度累计完成 Y，…。其中税收收入 a，非税收入 b`, `…；6月当月完成 Y。其中：…`:
        # a figure of part of the year last; the list is of the one its parts make in the paragraph, or which one
        # is not known)
        return _summed_by(items, _paragraph_before(draft, last.sentence), units)
    if summed is None and (draft.is_part(last) or not named and COORDINATED.search(last.label)):
        # (`对 9 个项目和 4 个单位开展评价。其中“优”的 6 个…`: the last of two figures joined as one list's
        # members; the 其中 may be of either)
        return None
    if summed is None and _sums_figures_before(items, prev + _listed_above(draft, items[0])):
        # (`…：A a，B b，…，其他支出 z。其中 A 和 B 两项合计 s，占 p%`: a part naming figures before it sums them, a
        # part of their whole, not of the last of them)
        return None
    if summed is None and _last_in_doubt(draft, last, items, prev, bool(named)):
        return None
    return summed or last


def _last_in_doubt(draft: Draft, last: Mention, items: list[Mention], prev: list[Mention], named: bool) -> bool:
    """Is the last figure before a 其中 list, its parts adding up to no figure, no whole of it for certain?"""
    if _last_of_items(draft, last, prev):
        # (`…用于：A a；B b；C c；D d。其中，甲 x、乙 y`: the last of items set apart by semicolons; the 其中 may be of
        # any of them)
        return True
    if GIVES_A_REASON.search(last.label):
        # (`…下降 p%。下降的主要原因是一次性安排的工程 c 不再安排。其中：…`: a figure the reasons for a change
        # name is what moved it, no whole the list after them breaks down)
        return True
    if not named and _staged_otherwise(draft, last, items):
        # (`预算资金 A，到位 A。截至评价时，实际支出 B。其中，上年结转 a，当年新增预算 b`: parts its words give as a
        # budget, summing to nothing stated, are the budget's sources, not of an outcome that merely stands last)
        return True
    if not named and _paid_out(last, items) and _rated_against(draft, last, prev):
        # (`共下达 A，实际到位 B，到位率 p%。其中：甲 a；乙 b…`: one money at two stages, a rate of one over the other;
        # items naming no stage, adding up to neither, may be of either)
        return True
    if _spent_of_rest(last, items):
        # (`执行数 S，执行率 r%，结余资金 U。其中，中央补助资金执行 a…`: parts named as what was spent are parts of
        # the spending, not of what is left)
        return True
    # (`收入 T，剔除上年一次性收入 c 后按同口径增长 p%。其中，税收 a…`: a figure its words place in an earlier
    # period is no whole of this period's list, whichever figure stands last or shares its name)
    return said_earlier(draft, last, items)


# a period that is part of a year (`2024-三季度`, `+0-上半年`, `2024-09`: figures.context's periods), and the
# words naming one that the context reader leaves to the sentence (`6月当月`, `二季度`, `1-6月`; not `12月`, `1-12月`:
# the year's end, the year itself)
PART_OF_YEAR = regex(r"^(?:\d{4}|[+-]\d+)-")
PART_OF_YEAR_WORDS = regex(r"季度|上半年|下半年|(?<!\d)(?:1[01]|[1-9])\s*月|当月")


def _of_part_of_the_year(m: Mention, document: str | None) -> bool:
    """Is the figure of a part of the year its words or period name, other than the document's own (a report of
    the first half-year, `2025年上半年`, states each figure of its period: none of them is of a part apart)?"""
    period = m.identity.context.period or ""
    return bool(PART_OF_YEAR.match(period) and period != document or PART_OF_YEAR_WORDS.search(m.label))


def _paragraph_before(draft: Draft, si: int) -> list[Mention]:
    """The figures of the sentences of `si`'s paragraph before it, in order."""
    return [m for sj in draft.doc.paragraph_of(si) if sj < si for m in draft.by_sentence.get(sj) or []]


def _sums_figures_before(items: list[Mention], prev: list[Mention]) -> bool:
    """Does a part's label name the items of two figures before the list (`其中职业培训补贴和社会保险补贴两项合计 s`)?"""
    named = {m.identity.item for m in prev if len(m.identity.item or "") >= 3}
    return any(sum(item in p.label for item in named if item) >= 2 for p in items)


ENUMERATED_REACH = 12  # sentences looked back over for the items of an enumerated list


def _listed_above(draft: Draft, first: Mention) -> list[Mention]:
    """The figures of the sentences before `first`'s that stand under its heading (the items of a list enumerated
    line by line, `（一）交通基础设施 a；` … `（五）农林水利 e。`, that a `其中 A 和 B 两个领域合计 s` sums two of)."""
    si, doc = first.sentence, draft.doc
    # (each item may be a heading of its own, `（五）农林水利 e`, the 其中 under the last: the items are those
    # under the heading they all stand under)
    here = doc.section_path(first.start)
    parent = here[:-1] if len(here) > 1 else here
    out: list[Mention] = []
    for sj in range(si - 1, max(-1, si - 1 - ENUMERATED_REACH), -1):
        if doc.section_path(doc.sentences[sj].start)[: len(parent)] != parent:
            break
        out.extend(draft.by_sentence.get(sj) or [])
    return out


def _last_of_items(draft: Draft, last: Mention, prev: list[Mention]) -> bool:
    """Is the figure the last of three items or more of its unit that its sentence sets apart by semicolons?"""
    text = draft.doc.text
    unit = last.quantities[0].base_unit if last.quantities else ""
    begin = draft.doc.sentences[last.sentence].start
    cut = text.rfind("；", begin, last.start)
    if cut < 0:
        return False
    items = [m for m in prev if m.sentence == last.sentence and m is not last and m.of_unit(unit) is not None]
    return len({text.count("；", begin, m.start) for m in items if m.start < cut}) >= 2


# what is left of a budget (`结余资金`, `年末未执行`, `未支出的`), and a part named as spent (`中央补助资金执行`)
REST = regex(r"(?:结余|未执行|未支出|未使用|未拨付)的?(?:资金|金额)?(?:为|是|共)?$")
SPENT_PART = regex(r"(?:执行|支出|使用|拨付)(?:数|金额)?(?:为|是)?$")


def _spent_of_rest(last: Mention, items: list[Mention]) -> bool:
    """Is the last figure what is left of a budget, and every part named as spent?"""
    return bool(REST.search(last.label)) and all(SPENT_PART.search(m.label) and not REST.search(m.label) for m in items)


def _flow(m: Mention) -> bool:
    """Is the figure a flow of its period, no balance left over (`本年支出合计`, not `年末结转结余`)?"""
    return LEFT_OF_SIDE.search(m.label) is None


def _defined_by_parts(items: list[Mention], prev: list[Mention]) -> list[Mention]:
    """The figures whose definition the parts cover (`政府债务余额 X，控制在债务限额 L 以内。其中：一般债务余额 a，
    专项债务余额 b`: X = a + b by vocab/sums.yaml); of several (a short wording, `一般债务`, is a component of both),
    those of the measure the parts name (余额)."""
    # (`项目支出结转 a，基本支出结余 b` begin with the components of 支出 but are what it left over: no flow's parts)
    left_over = left_overs(items)
    defined = [m for m in prev if m.quantities and of_total(m, items) and not (left_over and _flow(m))]
    if len(defined) > 1:
        defined = [m for m in defined if all(p.identity.item[-2:] == m.identity.item[-2:] for p in items)]
    return defined


def _spent_only(whole: Mention, parts: list[Mention]) -> list[Mention]:
    """The parts of an expenditure that is no total (`支出决算数 X。其中：A a；B b；调出资金 c，…`) end before the money
    handed over to another fund (调出): it leaves the fund besides what it spent, a part of 支出总计 only."""
    if "支出" not in whole.label or TOTAL_WORD.search(whole.label):
        return parts
    for k, m in enumerate(parts):
        if k and HANDED_OVER.match(m.label.lstrip("，、；： \u3000")):
            return parts[:k]
    return parts


def _unrestated(draft: Draft, prev: list[Mention]) -> list[Mention]:
    """The figures less those restating the one right before them in another unit (`支出 9,904 万元，约合 0.99 亿元。
    其中：…`: the list breaks down the exact figure, not its rounded restatement)."""
    text = draft.doc.text
    out: list[Mention] = []
    for m in prev:
        before = out[-1] if out else None
        if before is not None and len(m.quantities) == 1 and before.quantities:
            if converted(text, before.quantities[-1], m.quantities[0]):
                continue
        out.append(m)
    return out


def of_named(draft: Draft, name: str, items: list[Mention], prev: list[Mention], si: int) -> Breakdown | None:
    """`…基本支出 41.48 亿元…。基本支出中，人员经费 29.25 亿元，公用经费 12.23 亿元`: the one figure of the sentence
    before whose own phrase is the name (or ends with it, an entity or year before) holds the list (partial
    unless it adds up or covers the figure's definition: `defined_totals`)."""
    # (never a figure of another period than the parts': `（上年支出 B。）支出中，A a，…` lists this year's)
    period = items[0].identity.context.period if items else None
    named = [m for m in prev if m.key and not other_period(m.identity.context.period, period)]
    own = [(m, own_phrase(m)) for m in named]
    exact = [m for m, phrase in own if phrase == name]
    found = exact or [m for m, phrase in own if ends_with_name(phrase, name)]
    if len(found) != 1:
        return None  # no figure of that name, or several: which one is not known
    whole = found[0]
    if _named_for_another_scope(draft, name, whole, si):
        return None
    dims = {q.base_unit for q in whole.quantities if q.kind in ("amount", "count") and q.exact}
    parts = _until_named_again(draft, [m for m in items if m.quantities and m.quantities[0].base_unit in dims])
    if not parts or not _may_break_down(whole, parts):
        return None
    return Breakdown(whole, parts, "其中", False, si, certain=False)


def _named_for_another_scope(draft: Draft, name: str, whole: Mention, si: int) -> bool:
    """Was a figure of the name also stated, for another scope, in a sentence before the whole's under the same
    heading (`全县…收入 A，其中税收收入 t1…。县本级…收入 B，其中税收收入 t2…。税收收入中，增值税 a，…`)? Then the list
    after the two may be of either: its whole is not known (the nearest is not always the one meant)."""
    scope = whole.identity.context.scope
    if scope in (None, MIXED):
        return False
    doc = draft.doc
    for back in range(si - 2, max(-1, si - 1 - LISTED_REACH), -1):
        if not same_section(draft, doc.sentences[back].start, doc.sentences[si].start):
            return False
        for m in draft.by_sentence.get(back) or []:
            phrase = own_phrase(m)
            if (phrase == name or ends_with_name(phrase, name)) and other_period(m.identity.context.scope, scope):
                return True
    return False


# a clause naming another whole and 中 after a list's parts (`新增债券中，A a，B b；再融资债券中，C c`)
NAMED_AGAIN = regex(r"[；;。]\s*在?[\u4e00-\u9fff“”（）()]{2,24}?中[，,：:]")


def _until_named_again(draft: Draft, parts: list[Mention]) -> list[Mention]:
    """The parts of a `X中，` list up to a clause naming another whole the same way: those after it are that
    whole's (`新增债券中，新增一般债券 a，新增专项债券 b；再融资债券中，再融资一般债券 c…`: c is no 新增债券)."""
    return until(draft, parts, NAMED_AGAIN)


# the last part of a list that names all the rest (`其他各项支出`): vocab relations.yaml `remainder_all`
REMAINDER_ALL = tuple(words("relations", "remainder_all"))
LISTED_REACH = 3  # sentences back a `X包括：` list looks for the figure it names


def listed_of_named(draft: Draft, si: int, items: list[Mention]) -> Breakdown | None:
    """`收入总计 T，支出总计 T，收支平衡。收入总计包括：A a、B b…。支出总计包括：C c、D d…`: a sentence opening with a
    name and 包括 lists the figure of that name stated in the nearest sentence before (in its section, past lists of
    the same kind) that states one; several of that name and other values leave it unread. The words list all of
    a figure named a total (合计, 总计: its components), some of any other (`主要包括：` some of either)."""
    name, listing_all = draft.whole_listed[si]
    doc = draft.doc
    for back in range(si - 1, max(-1, si - 1 - LISTED_REACH), -1):
        # (under its heading: `3.平衡情况。收入总计 T…` / `支出总计包括：…`, the paragraph after an item's heading
        # resuming the text above it)
        if not under_heading(draft, doc.sentences[back].start, doc.sentences[si].start):
            return None
        if back in draft.whole_listed:
            continue  # a list of the same kind (`收入总计包括：…`): the figure named stands before it
        prev = [m for m in draft.by_sentence.get(back) or [] if not draft.is_part(m)]
        whole = named_figure(name, prev)
        if whole is None:
            if prev:
                # figures of other names right before (or several of the name): the list's whole is not known
                return None
            continue
        q = exact_figure(whole)
        parts = [m for m in items if q is not None and exact_of(m, q.base_unit) is not None]
        if q is None or len(parts) < 2 or len(parts) != len(items) or not _may_break_down(whole, parts):
            return None
        # (a list that ends with the rest, `…；其他各项支出 z`, covers its whole whatever word opened it)
        rest = parts[-1].key.startswith(REMAINDER_ALL)
        complete = (listing_all and names_total(draft, whole) or rest) and not open_ended(draft, si)
        return Breakdown(whole, parts, "包括", complete, si, certain=False)
    return None


def _after_list(draft: Draft, last: Mention, si: int) -> bool:
    """Does the 其中 open a paragraph of its own after the last item of a numbered list, the figure before it that
    item's (`1.社会保障和就业支出 a…` … `4.住房保障支出 d…。` / `其中，主要项级科目情况如下：…`)? It may break down
    that item or the whole the items are of: which, the text does not say. (After an item another follows, the
    paragraph is that item's own text going on.)"""
    sentences = draft.doc.sentences
    if sentences[si].paragraph == sentences[last.sentence].paragraph:
        return False
    sections = draft.doc.sections
    k = draft.doc.section_index(sentences[last.sentence].start)
    sec = sections[k] if k >= 0 else None
    # (a figure of the item's text below its heading line is the item's own: `2.市级…情况` / `…X。其中…`)
    if sec is None or not sec.title or not _in_title_paragraph(draft, sec, last.sentence):
        return False
    siblings = [s for s in sections if s.parent is sec.parent and s.level == sec.level and s.title]
    later = [s for s in sections[k + 1 :] if s.level <= sec.level and s.title]  # (not its own text going on)
    return len(siblings) >= 2 and siblings[0] is not sec and (not later or later[0].parent is not sec.parent)


def _in_title_paragraph(draft: Draft, sec: Section, si: int) -> bool:
    """Does sentence si stand in the paragraph the section's numbered title opens?"""
    sentences, first = draft.doc.sentences, draft.doc.sentence_index(sec.start)
    return first >= 0 and sentences[first].paragraph == sentences[si].paragraph


def _one_of_shared(draft: Draft, last: Mention, prev: list[Mention]) -> bool:
    """Is the last figure before one of a list of figures each stated with its share of a whole (`按功能分类：A a，
    占 p%；B b，占 q%；C c，占 r%。其中，…（项）d`)? The 其中 after such a list may be of any of its members, or of
    their whole: which is not said."""
    shared = {id(s.part) for s in draft.facts.shares if s.sentence == last.sentence and s.part is not None}
    members = [m for m in prev if any(id(q) in shared for q in m.quantities)]
    return last in members and len(members) >= 2


def _last_figure(prev: list[Mention], units: set[str]) -> Mention | None:
    """The last figure before in a unit the parts use, not last year's stated beside this year's (`共有车辆 23
    辆，上年末为 22 辆。其中：…`)."""
    # (past a figure in another unit: `…36.56 万元，…主要原因是新增 1 辆…。其中：购置费…`)
    figures = [
        m
        for m in prev
        if any(q.kind in ("amount", "count") and q.base_unit in units for q in m.quantities)
        and not LAST_YEAR_BESIDE.match(m.label)
        and not PER_UNIT_WORDS.search(m.label)
    ]
    if figures and BUDGET_BESIDE.match(figures[-1].label) and len(figures) >= 2:
        # `支出 X，年初预算 Y，完成年初预算的 r%。其中：…`: the budget the outcome is measured against is no whole
        # of the list; the outcome before it is
        return figures[-2]
    return figures[-1] if figures else None


# a limit a balance stated before it is kept within (`余额 X，控制在省核定的债务限额 L 以内`), and that balance
KEPT_WITHIN = regex(r"^[，,、；;\s]*(?:控制在|不超过|不高于)[\u4e00-\u9fff]{0,10}限额$")
BALANCE = regex(r"余额$")


def _kept_within(last: Mention | None, prev: list[Mention], items: list[Mention]) -> Mention | None:
    """`债务余额 X，控制在债务限额 L 以内。其中，一般债务 a，专项债务 b`: the list after a limit the balance is kept
    within breaks down the balance, not the limit, where no part names a limit (`其中一般债务限额 a` would be the
    limit's). The figure right before the limit, named as a balance, in the limit's sentence; else the last one."""
    if last is None or not KEPT_WITHIN.match(last.label) or any("限额" in m.label for m in items):
        return last
    before = _figure_before(prev, last)
    if before is None or before.sentence != last.sentence or not BALANCE.search(before.label.strip()):
        return last
    return before


# a figure joined to the one before as another member of one list (`9 个项目和 4 个单位`: its label is `项目和`)
COORDINATED = regex(r"(?:和|及|与|以及|、)$")
# a budget stated beside the outcome before it (`，年初预算 Y`, `，调整预算数为 Y`)
BUDGET_BESIDE = regex(r"^[，,、；;\s]*(?:年初|调整后?|全年)?预算(?:数|安排)?(?:为|是)?$")


RESTATED_WITHIN = 3  # sentences looked back for a figure a 其中 part takes up again


def _restated_before(draft: Draft, m: Mention) -> bool:
    """Is the figure stated under the same item with the same value in one of the few sentences before?"""
    item = m.identity.item
    values = {(q.base_unit, q.base_value) for q in m.quantities if q.exact and q.kind in ("amount", "count")}
    if not item or not values:
        return False
    for si in range(m.sentence - 1, max(-1, m.sentence - 1 - RESTATED_WITHIN), -1):
        for x in draft.by_sentence.get(si) or []:
            if x.identity.item == item and any((q.base_unit, q.base_value) in values for q in x.quantities):
                return True
    return False


def _part_shares(draft: Draft, items: list[Mention]) -> list[Share]:
    """The shares of the list's parts that name their whole (`占支出决算的 p%`), in the facts' order (the shares
    naming a whole grouped by their part's start once for the relations as they stand, `of_relations`)."""
    by_part = of_relations(draft, "named_shares_by_part", lambda: _named_shares_by_part(draft))
    found = [(k, s) for m in items for q in m.quantities for k, s in by_part.get(q.start, ())]
    return [s for _, s in sorted(dict(found).items())]


def _named_shares_by_part(draft: Draft) -> dict[int, list[tuple[int, Share]]]:
    """The shares naming a whole, by where their part starts, each with its place among the facts' shares."""
    out: dict[int, list[tuple[int, Share]]] = {}
    for k, s in enumerate(draft.facts.shares):
        if s.part is not None and s.base_label:
            out.setdefault(s.part.start, []).append((k, s))
    return out


def _named_by_shares(draft: Draft, shares: list[Share], prev: list[Mention]) -> list[Mention]:
    """`部门支出决算 T，…含一次性支出 c，…。其中：基本支出 a，占支出决算的 p%；项目支出 b，占 q%`: the figures
    before the list that a part's share (`_part_shares`) names as its whole (its item, and its stage where the name
    states one)."""
    named: dict[int, Mention] = {}
    for s in shares:
        item, said = draft.labeller.identify(s.base_label)
        for t in prev:
            if (
                t.identity.item
                and names_the_same(item, t.identity.item)
                and said.stage in (None, t.identity.context.stage)
                and any(q.kind == "amount" for q in t.quantities)
            ):
                named[id(t)] = t
    return list(named.values())


# the names of a whole that name no item, only that it is the total (`总额`, `预算总额`: of the figure before)
TOTAL_NAMES = frozenset({"总额", "总计", "合计", "总数"})


def _shares_name_another(draft: Draft, shares: list[Share], last: Mention) -> bool:
    """Does a part's share (`_part_shares`) name its whole as another item than the figure before the list's?"""
    if not last.identity.item:
        return False
    for s in shares:
        item, said = draft.labeller.identify(s.base_label)
        if item in TOTAL_NAMES and said.stage in (None, last.identity.context.stage):
            continue  # (`占预算总额的 p%`: the total of what the list breaks down, whatever it is, at its stage)
        if (
            len(item) >= 2
            and not names_the_same(item, last.identity.item)
            and not shared_word(item, last.identity.item)
        ):
            return True
    return False


def _named_by_parts(items: list[Mention], prev: list[Mention]) -> list[Mention]:
    """`全市收入 A，税收收入 t，非税收入 n。其中，市本级收入 B`: the figures before whose item a part names for a
    narrower entity (B is A's part, not n's); when parts name several, which one the list is of is unknown."""
    named: dict[int, Mention] = {}
    for t in prev:
        if not t.identity.item or not any(q.kind in ("amount", "count") for q in t.quantities):
            continue
        if t.identity.item in GENERIC_ITEMS:
            continue  # `一般公共预算支出 X。其中民生支出 a；“三保”支出 b`: 支出 names any spending, not this list's
        if any(m.identity.item and names_the_same(m.identity.item, t.identity.item) for m in items):
            named[id(t)] = t
    return list(named.values())


# a figure named as a total of the items its words name (`人员经费（A 和 B）合计`, `A 与 B 合计`)
SUBTOTAL_OF_NAMED = regex(r"[）)和与及、][^，。；]{0,6}(?:合计|共计|小计)(?:为|是)?$")


def _may_break_down(last: Mention, parts: list[Mention]) -> bool:
    if any(SUBTOTAL_OF_NAMED.search(p.label) for p in parts):
        # `1．工资福利支出 a；2．…补助 b；3．商品和服务支出 c。其中人员经费（工资福利支出和…补助）合计 T`: a total of
        # items above that it names, no part of the last figure
        return False
    if overlapping(parts):
        return False  # `支出 X。其中民生支出 a；“三保”支出 b`: aggregates across the classification overlap
    if counts_subordinates(last):
        return False  # `包括街道本部及下属 4 家事业单位…。其中行政单位 1 家，…`: the whole is the 4 and one more
    if scored_apart(last, parts):
        return False  # `综合得分 88 分。其中，资金管理部分得分 95 分…`: a score of its own, no addend
    if one_answer_apart(parts):
        return False  # `回收问卷 N 份。其中对 A 表示满意的 a 份，…；对 B 表示满意的 b 份`: answers to two questions
    if any(m.key in GENERIC_ITEMS for m in parts[1:]):
        return False  # `其中：基本支出预算 A，支出 B`: B is the same item's outcome, named by no item of its own
    if _signed_balances(last, parts):
        return False  # `当年结余 T。其中，甲基金当年结余 a，乙基金当年收支缺口 b`: T = a − b, no sum of the parts
    if _measure_alone(last.key, parts):
        # `项目 N 个，已完工 M 个。其中：甲类项目 a 个，完工 b 个`: b, named by the whole's measure alone, is how many of
        # the item before were done, no part beside it (of M or of N: which list the figures make is not read here)
        return False
    # `…（五）住房保障支出（类）X。其中，“社会保障和就业支出（类）…（项）”科目 Y`: the 其中 is of the list of 类 (or
    # of the whole), not of the last 类 before it
    return not any(_other_category(last.label, m.label) for m in parts)


# a balance named as a shortfall (`当年收支缺口`, `赤字`), brackets after its name aside: vocab relations.yaml
# `balance_shortfalls`; and a balance of either sign (`当年结余`, `收支缺口`): `balance_items`
SHORTFALL = regex(f"(?:{_alt('balance_shortfalls')})(?:[（(][^（）()]*[）)])?\\s*(?:为|是)?$")
BALANCE_NAMED = regex(f"(?:{_alt('balance_items')})(?:[（(][^（）()]*[）)])?\\s*(?:为|是)?$")


def _signed_balances(whole: Mention, parts: list[Mention]) -> bool:
    """Are the whole and its parts balances, some a surplus and some a shortfall written by its size (`当年结余 T。
    其中，甲基金当年结余 a，乙基金当年收支缺口 b`)? The parts then add with signs (T = a − b): no plain list."""
    if not BALANCE_NAMED.search(whole.label) or not all(BALANCE_NAMED.search(p.label) for p in parts):
        return False
    short = {SHORTFALL.search(m.label) is not None for m in [whole, *parts]}
    return len(short) == 2


CATEGORY = regex(r"([^“”\"（()），、；：]{2,})[（(]类[）)]")


def _measure_alone(whole: str, parts: list[Mention]) -> bool:
    """Does a part after the first stand named by the whole's name or its last words alone (`完工` of `截至年底已完工`),
    no name of its own, after a part named otherwise (`甲类项目 a 个，完工 b 个`)? It is how many of the item before
    were so, no part beside it. (Parts each named by the measure alone, `资金管理 15 分，得分 a；…`, the full marks set
    aside, are the whole's.)"""
    alone = [len(p.key) >= 2 and whole.endswith(p.key) for p in parts]
    return any(alone[1:]) and not all(alone)


def _other_category(total: str, part: str) -> bool:
    """Do the two labels name different 类 of the classification (a 类 is no part of another)?"""
    a, b = CATEGORY.search(total), CATEGORY.search(part)
    return a is not None and b is not None and a.group(1) != b.group(1)


def _summed_by(items: list[Mention], prev: list[Mention], units: set[str]) -> Mention | None:
    for unit in units:
        listed = [q for m in items for q in m.quantities if q.base_unit == unit and q.exact]
        if len(listed) < 2:
            continue
        total = sum((q.base_value for q in listed), Decimal(0))
        tol = sum((rounding_unit(q) for q in listed), Decimal(0))  # none for counts of things: they are exact
        for m in reversed(prev):
            if LAST_YEAR_BESIDE.match(m.label):
                continue
            if any(q.base_unit == unit and q.exact and abs(q.base_value - total) <= tol for q in m.quantities):
                return m
    return None
