"""The predicates the list passes share: whether a label names a total, a figure's own phrase and its name, the
figure a heading states, the period a label is of, whether two labels are alike or of one measure, and the words
saying which dimension a list divides by.

Its own module because the lists read under headings, the announced ones, those opened by 其中, the totals
stated after their parts and the splits by a dimension all ask these questions: one reading of a name or a
total, in one place, so that the passes agree on it.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Mention
from tieout.linter.facts.passes.base import (
    FULL_MARKS,
    SIDES,
    account_side,
    in_brackets,
    of_relations,
    once,
)
from tieout.linter.figures.context import MIXED
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex
from tieout.linter.text.model import Section
from tieout.linter.vocab import alternation, words
from tieout.linter.vocab import relation_words as _alt

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft


MAX_RUN = 8
# figures looked at before a total for its run, skipped ones (notes in brackets, parts of other lists)
# included: a sentence of thousands of listed figures would otherwise be walked back whole for each total
MAX_LOOK = 8 * MAX_RUN
# what may stand before a listed part's figure: its name alone, maybe after a list mark, with no clause break
PART_HEAD = regex(r"^[^，。；：,;:]{2,24}$")
TOTAL_WORD = regex(r"合计|总计|共计|小计|总额")
LEVEL_NAMED = regex(r"[（(]([类款项])[）)]")


def two_sides(parts: list[Mention]) -> bool:
    """Do the items name both sides of a budget, each one side only (收入预算 …, 支出预算 …)?"""
    return {account_side(m.key) for m in parts} >= set(SIDES)


def heading_figure(
    draft: Draft, sec: Section, starts: list[int], unit: str | None = None, named: bool = False
) -> tuple[Mention, Quantity] | None:
    """The one figure a heading's sentence states right after its name (of `unit`, when given; with `named`, or
    after its name and the word naming it, `（1）甲项目，预算 a 万元`, where it is the item's one figure)."""
    si = bisect_left(starts, sec.start)
    if si >= len(starts) or starts[si] != sec.start:
        return None
    mentions = draft.by_sentence.get(si) or []
    if not mentions and unit is not None:
        return _figure_said_next(draft, sec, si, unit)
    # (not a figure in brackets after the name: `（1）决策指标（20 分）得 17.05 分`, its weight, is no item's figure)
    amounts = [
        (m, q)
        for m in mentions
        for q in m.quantities
        if q.kind in ("amount", "count") and q.exact and not in_brackets(draft, si, q.start)
    ]
    if not amounts or (unit is None and len(amounts) != 1):
        return None
    m, q = amounts[0]
    if unit is not None and q.base_unit != unit:
        return None
    if _not_its_own(draft, m, amounts):
        return None
    # an item may break down its own figure (`9.其他支出 a 万元。其中，预备费 b 万元`), a heading may not be a
    # list's total already
    if draft.is_part(m) or (unit is None and id(m) in draft.totals):
        return None
    if draft.labeller.qualifying_ratio(m.key, m.quantities):
        return None
    one = unit is not None and len(amounts) == 1
    return (m, q) if _item_name(draft.doc.text[sec.start : q.start], one, named and one) else None


def _figure_said_next(draft: Draft, sec: Section, si: int, unit: str) -> tuple[Mention, Quantity] | None:
    """`1.支持产业创新发展。安排 12.6 亿元。一是…`: a heading whose sentence is its mark and name alone, its one figure
    (of the list's `unit`) the whole of the next sentence, named by the word naming an item's figure alone (vocab
    item_figure_words)."""
    doc = draft.doc
    head = doc.sentences[si]
    if si + 1 >= len(doc.sentences) or not HEADED.match(doc.text[sec.start : head.end].strip().rstrip("。")):
        return None
    nxt = doc.sentences[si + 1]
    if doc.section_at(nxt.start) is not sec:
        return None
    amounts = [(m, q) for m in draft.by_sentence.get(si + 1) or [] for q in m.quantities]
    if len(amounts) != 1:
        return None
    m, q = amounts[0]
    if q.kind != "amount" or not q.exact or q.base_unit != unit or draft.is_part(m):
        return None
    if FIGURE_SAID.match(doc.text[nxt.start : q.start]) is None or ENDED.match(doc.text[q.end : nxt.end]) is None:
        return None
    return m, q


# the word naming an item's one figure, ending the words before it (vocab item_figure_words; `安排`, `预算金额为：`)
_FIGURE_WORD = rf"(?:{_alt('item_figure_words')})(?:为|是)?[：:]?\s*$"
# the words alone naming an item's one figure, opening the sentence after its heading (`安排 12.6 亿元。`)
FIGURE_SAID = regex(rf"^\s*{_FIGURE_WORD}")


def _not_its_own(draft: Draft, m: Mention, amounts: list[tuple[Mention, Quantity]]) -> bool:
    """Is a heading's first figure no figure of the item: its full marks (`1.投入类指标分值 20 分，得分 18.6 分`, a score
    set's, TO111), or the first of figures it lists (`6.社会效益扣 1 分、满意度扣 0.7 分`: which one is its is not said)?"""
    q = amounts[0][1]
    if q.base_unit == "分" and FULL_MARKS.search(m.label):
        return True
    return (
        len(amounts) > 1
        and amounts[1][1].base_unit == q.base_unit
        and "、" in draft.doc.text[q.end : amounts[1][1].start]
    )


def _item_name(name: str, one_figure: bool, named: bool = False) -> bool:
    """Is the text before an item's figure its mark and name alone: `1.基础测绘项目`, or, the item stating one figure
    in the list's unit, `1. 医疗设备购置项目，` (an item of several figures after a comma may state its own among
    others: which one is the list's is not said), or, `named`, its name and the word naming its figure (`（1）甲项目，
    预算`, `1.乙项目：安排资金`: vocab item_figure_words)?"""
    # (a 项 named by its whole path, `（二）…（类）…（款）…（项）支出`: the 项's own name is what must be short)
    name = ABOVE_ITEM.sub(r"\g<mark>", name, count=1)
    if named and HEADED.match(ITEM_FIGURE_WORD.sub("", name)) is not None:
        return True
    return HEADED.match(name) is not None or (one_figure and HEADED.match(NAME_COMMA.sub("", name)) is not None)


# a 类 heading's mark and the 类 and 款 it names before the one 项 under it (`（二）…（类）…（款）` before `…（项）支出`), or an
# item's number and the 类 and 款 of the 项 it names by its whole path (`1.…（类）…（款）…（项）a 万元`)
ABOVE_ITEM = regex(
    r"^(?P<mark>\s*(?:[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}\s*[.．、]))[^，。；,;“”（()）]{2,30}[（(]类[）)][^，。；,;“”（()）]{2,30}[（(]款[）)]\s*"
)
# the word naming an item's one figure after its name (`（1）甲项目，预算`, `1.乙项目：安排资金`)
ITEM_FIGURE_WORD = regex(rf"[，,：:]\s*{_FIGURE_WORD}")
ENDED = regex(r"^\s*[。；]?\s*$")  # what may follow the total a sentence alone announces items of


# what may end a figure's own phrase after its name (`基本支出为`, `基本支出预算数是`)
PHRASE_VERB = regex(r"(?:为|是|达|共计|合计)$")
# words a name may carry or leave out (`收入预算总计` for the 收入预算 of `收入预算构成如下`; `配套支出安排 X` for the
# 配套支出 of `配套支出主要包括：`, the verb that states the figure)
NAME_NOISE = regex(
    r"^(?:其中|\d{4}年度?)|(?:预算数|预算|决算数|决算)?(?:总计|合计|总额)?(?:预算数|预算|决算数|决算)?(?:安排|完成)?$"
)


def own_phrase(m: Mention) -> str:
    return PHRASE_VERB.sub("", PHRASES.split(m.label)[-1].strip())


# the words before a name that make a figure what an act did or left undone of the thing named (`已整改问题金额` is no
# 问题金额 of an entity or a year: it is the part rectified): a year, then a mark of the act (done, undone, under way,
# due; vocab tables.yaml) and the act
ACT_BEFORE_NAME = regex(
    r"^(?:\d{4}年)?(?:已经|已|累计已|实际已|"
    + alternation(
        [*words("tables", "negation_marks"), *words("tables", "ongoing_marks"), *words("tables", "due_marks")]
    )
    + r")[\u4e00-\u9fff]{1,4}$"
)


def ends_with_name(phrase: str, name: str) -> bool:
    """Does a figure's phrase name the thing `name` names, an entity or a year before it (`2024年基本支出` for
    基本支出)? Not where what stands before is an act done of it (`已整改问题金额` for 问题金额: a part of it)."""
    return phrase.endswith(name) and ACT_BEFORE_NAME.fullmatch(phrase[: len(phrase) - len(name)]) is None


def named_figure(name: str, mentions: list[Mention]) -> Mention | None:
    """The figure (the first of `mentions` when several state one value) whose own phrase is the name: as written,
    else ending with it (an entity or year before), else so with totals' and stages' words left out of both."""
    bare = NAME_NOISE.sub("", name)
    tests = (
        lambda p: p == name,
        lambda p: ends_with_name(p, name),
        lambda p: len(bare) >= 2 and NAME_NOISE.sub("", p).endswith(bare),
    )
    own = [(m, own_phrase(m)) for m in mentions if m.key]
    for test in tests:
        found = [m for m, phrase in own if test(phrase)]
        values = {q.base_value for m in found for q in m.quantities[:1]}
        if found:
            return found[0] if len(values) == 1 else None
    return None


# a heading's mark and name before its figure, no clause break: `（一）收入预算总计`, `1.一般公共服务（类）支出`; a
# name in quotes counts as one word, however long (`1.“社会保障和就业支出（类）…（项）”科目`); a colon may close the
# name right before its figure (`1.基础测绘项目：a 万元`: nothing but the name stands before it)
NAME_COMMA = regex(r"[，,]\s*$")  # the comma closing an item's name before its one figure
HEADED = regex(r"^(?:[^，。；：,;:“”]|“[^“”]{1,80}”){2,40}?(?:为|是|共计|合计|总计)?[：:]?$")


def measured_against(draft: Draft, si: int) -> set[int]:
    """The figures a sentence's ratios and changes measure against (a ratio's base, a change's earlier figure),
    by id (grouped by sentence once for the relations as they stand, `of_relations`: asked for many sentences)."""
    return set(of_relations(draft, "measured_against", lambda: _measured_by_sentence(draft)).get(si, ()))


def _measured_by_sentence(draft: Draft) -> dict[int, set[int]]:
    """`measured_against` of every sentence."""
    out: dict[int, set[int]] = {}
    for r in draft.facts.rates:
        if r.ordered and r.operands:
            out.setdefault(r.sentence, set()).add(id(r.operands[-1]))
    for c in draft.facts.changes:
        if c.base is not None:
            out.setdefault(c.sentence, set()).add(id(c.base))
    return out


# the words opening the reasons for a change (`下降的主要原因是…`, `主要是…`; vocab relations reasons)
GIVES_A_REASON = regex(_alt("reasons"))


def other_period(a: str | None, b: str | None) -> bool:
    """Are two values of a context field (two periods, two stages) both known (not None, not `?`) and different?"""
    return a not in (None, MIXED) and b not in (None, MIXED) and a != b


def open_ended(draft: Draft, si: int) -> bool:
    """Does the list's sentence leave it open (`…、上年结转 c 等`)?"""
    span = draft.doc.sentences[si]
    return bool(OPEN_END.search(draft.doc.text[span.start : span.end]))


OPEN_END = regex(r"等[\u4e00-\u9fff]{0,4}[。；;]?\s*$")


DIMENSION = regex(r"^[，。；、\s]*(?:按|分|从)[\u4e00-\u9fff]{1,6}?(?:划分|来看|分|看)[，：:]")


# `…，共完成支出 X`: a phrase opening with 共 states what all the figures before it make (not 共同, 共享, 共建 …)
ALL_TOGETHER = regex(r"(?:一共|总共|共)(?![同享建青产性])")


PHRASES = regex(r"[，,；;：:、]")  # what separates the phrases of a label


def names_total(draft: Draft, m: Mention) -> bool:
    """Does the figure's own phrase name a total (`本年收入合计`, and `本年收入共计` whose key the labeller strips of its
    verb-like 共计, `共完成支出`)? Asked of a figure by several readings of several passes: answered once for its
    words (the document's labeller, so kept on the draft)."""
    known: dict[tuple[str, str], bool] = once(draft, "names_total", dict)
    words = (m.key, m.label)
    found = known.get(words)
    if found is None:
        own = PHRASES.split(m.label)[-1]
        found = known[words] = (
            draft.labeller.names_total(m.key) or draft.labeller.names_total(own) or bool(ALL_TOGETHER.match(own))
        )
    return found


def alike(a: str, b: str) -> bool:
    """One name is the other with words left out (`追回违规费用`, `追回核实违规费用`): the shorter one's characters
    stand in the longer one in order."""
    short, long = sorted((a, b), key=len)
    chars = iter(long)
    return len(short) >= 2 and all(ch in chars for ch in short)


def same_measure(a: str, b: str) -> bool:
    """Do two labels name the same measure, perhaps of different entities (职工医保基金收入 / 全市医保基金收入)?"""
    if not a or not b:
        return False
    if a == b:
        return True
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    # one names the other with an entity in front, or they differ only in a short entity prefix
    return n >= 2 and (n == min(len(a), len(b)) or (n >= 4 and n >= max(len(a), len(b)) - 4))


def names_its_whole(draft: Draft, si: int) -> bool:
    """Does the sentence open by naming the whole its figures are of (`新增债券中，一般债券 a，专项债券 b`, `支出总计
    包括：`)? Then that name, not the figure ending the sentence before (`…、再融资债券 C。`), says whose parts they are
    (`headless` finds the figure of that name, or none)."""
    return si in draft.whole_named or si in draft.whole_listed
