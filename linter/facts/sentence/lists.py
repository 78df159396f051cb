"""Mentions, lists and their totals (breakdowns), shares written with 占, and the clauses inside a list."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from decimal import Decimal
from functools import cache
from itertools import takewhile
from os.path import commonprefix
from typing import TypeGuard

from tieout.linter.facts.definitions import PARALLEL_KINDS, common_tail, of_total
from tieout.linter.facts.identity import ALL_LEVELS
from tieout.linter.facts.model import Breakdown, Mention, Share, ShareList
from tieout.linter.facts.passes.base import (
    ADDED,
    ARRIVED,
    CHANGE_AMOUNT,
    DONE_ACT,
    HANDED_OVER,
    ITEM_COUNTERS,
    SEMICOLON,
    before_restaged,
    changed_by,
    changed_from,
    counts_subordinates,
    exact_figure,
    foots,
    in_brackets,
    income_and_cost,
    list_total,
    names_itself,
    not_of_another,
    per_one,
    scored_apart,
    sources_and_uses,
    within_whole,
)
from tieout.linter.facts.passes.grades import STATED as STATED_GRADE
from tieout.linter.facts.passes.roll_forward import CLOSING_WORDS, OPENING_WORDS, STOCK, STOCK_END, moves_stock
from tieout.linter.facts.passes.surveys import survey_stages
from tieout.linter.facts.sentence.changes import Changes
from tieout.linter.facts.sentence.rates import Rates
from tieout.linter.facts.sentence.reader import REMAINDER
from tieout.linter.facts.sentence.within import Within
from tieout.linter.facts.sentence.wording import (
    ALLOCATED,
    FULL_MARKS,
    LAST_YEAR_ONLY,
    LAST_YEARS,
    LAST_YEARS_RATIO,
    OUTCOME_STAGES,
    PLAN_BASE,
    PRONOUN,
    REFERENCE,
    as_formula,
    foots_flat,
    is_label,
    is_sep,
    name_in,
    names_opened,
)
from tieout.linter.figures.context import FIELDS, MIXED, Context
from tieout.linter.figures.labels import INCLUDED
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.lalr import Token
from tieout.linter.parse.sentences import MONEY_OF_COUNTED, _Breakdown, _Change, _Entry, _Formula, _FromTo, _Rate
from tieout.linter.parse.tokens import REVENUE_DOWN, REVENUE_UP
from tieout.linter.patterns import regex
from tieout.linter.vocab import alternation, load, relation_words, words

GROSS = tuple(words("relations", "gross"))
# words before a named whole that make it any total of its kind (`占全部支出的`, `占总收入的`)
GENERIC_WHOLE = regex(r"^(?:全部|全年|总|全)")


# the words opening a clause that gives the reasons for a change (`主要是…`, `由于…`) and those closing one (`…所致`)
REASONS_OPENING = regex(rf"(?:{alternation([*words('relations', 'reasons'), *words('relations', 'reasons_opening')])})")
REASONS_CLOSING = regex(alternation(words("relations", "reasons_closing")))
# what ends the clause before a figure (its words start after it)
CLAUSE_OPENER = regex(r"[，,；;：:。]")


# the word opening a run of shares one to each figure of a list (`分别占`), the list counted before it (`三者分别占`,
# `以上三项分别占`): the count, where one is written, must be the list's
RESPECTIVE_OPENING = regex(r"^(?:(?:以上|上述)?(?P<n>[两二三四五六七八九])(?:者|项)|以上各项|上述各项)?分别$")
COUNT_WORDS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _opens_respective(item: object, parts: int | None = None) -> bool:
    """Is the item the word opening a run of shares (`分别`, `三者分别`), over a list of `parts` figures where the count
    of the list is known (a count written must be it)?"""
    if not is_label(item):
        return False
    m = RESPECTIVE_OPENING.match(str(item).strip())
    return m is not None and (parts is None or m.group("n") is None or COUNT_WORDS[m.group("n")] == parts)


# `由 A a、B b 和 C c 组成`: a list of all the parts a figure is made of
COMPOSED_OPEN = regex(r"^由")
COMPOSED_CLOSE = regex(r"^(?:共同)?(?:组成|构成)")


# the words right after a count (`24个赛事168个赛项`: 赛事, 赛项), up to a figure or a punctuation mark
COUNTED = regex(r"[^\d\s，,。；;：:、（）()“”]{1,12}")
# a figure named as the gap between its item and another (`余额低于限额`, `收入超出预算`): the name ends in the
# gap word and what the item is compared with (not `账龄超过` before `3 年`)
_GAP_WORDS = "|".join((load("relations").get("reference") or {}).get("gap") or [])
GAP_WORD = regex(f"^(?:{_GAP_WORDS})")
GAP = regex(f"(?:{_GAP_WORDS})[\u4e00-\u9fff]+$")


# a limit a figure is kept within: no part of it
LIMIT = regex(r"控制在|不超过|不高于")


# the base a rate's words name (`完成调整预算的`, `预算执行率`: vocab named_bases, else a plain budget or plan), and
# a bracket opening right after the rate that names a base and states it (`（预算数 X`, `（调整预算为 X`)
NAMED_BASE = regex("|".join(words("relations", "named_bases")))


# the budget a rate names without saying which: a bracket after it may name it as the budget adjusted (the
# budget a completion rate is of), not as the initial one (`完成预算的 p%（年初预算 X）` is no rate of X)
GENERIC_BASES = ("预算", "年度预算", "全年预算")
ADJUSTED_BUDGETS = ("调整预算", "调整后预算", "变动预算")
BASE_SAID = regex(rf"\s*[（(]\s*(?:其中)?(?P<base>{NAMED_BASE.pattern}|{PLAN_BASE.pattern})(?:数)?(?:为|是|：|:)?\s*")


TOTAL_AFTER = regex(r"(?:合计|总计|共计)$")


# a list opener the layout cut off its list (`…合计 X 万元，其中：` at a line's end, the parts on the lines after)
DANGLING_OPENER = regex(r"其中\s*[：:]\s*$")
# two figures joined by one comma or 、 and nothing but the second one's name (`本金 A、支付利息 B`; no bracket)
PAIR_JOINED = regex(r"[^\d。；;、，,（）()]*[、，,][^\d。；;、，,（）()]*")
# a sentence opening with the name of a figure and 中 (`基本支出中，`, `在财政拨款支出预算中，`)
OF_NAMED = regex(r"[\s，、；]*在?([\u4e00-\u9fff“”（）()]{2,24}?)中[，,：:]")
# a sentence opening with the name of a figure stated before and the words listing what it holds
# (`支出总计包括：`, `收入合计由以下构成：`), the list right after them
LISTED_NAMED = regex(
    r"[\s，、；]*([\u4e00-\u9fff“”（）()]{2,24}?)(?P<main>主要|重点)?(?P<verb>包括|构成为|构成如下|由以下构成|组成为|安排如下)[：:]"
)
# the verb naming the whole with it (`支出重点安排如下：` lists the 支出安排, the budget's spending, not any 支出)
NAMING_VERBS = {"安排如下": "安排"}
# words announcing every item of a list, with the colon its items follow (`收入总计 T，包括：`, `具体为：`, `总收入 T，
# 其构成是：①…`); not `主要包括：` (the main ones only)
ANNOUNCED_ITEMS = regex(r"^[，,\s]*(?:具体)?(?:包括|其?构成(?:为|是)|组成为|具体为)[：:]")
# what LISTED_NAMED may take for a name that names no whole (`主要构成为：`)
ADVERBS_OF_LIST = frozenset({"主要", "重点"})
# a sentence opening by naming a whole's make-up (`资金来源构成为：`, `从支出结构看，`)
MAKE_UP = regex(r"(?:构成|结构|组成)(?:情况)?(?:为|是|看|来看|上看)?$")
# a make-up opener followed by the name of its whole and 中 (`从收入构成看，社会保险基金收入中：`): OF_NAMED after it
MAKE_UP_OF_NAMED = regex(
    r"[\s，、；]*[\u4e00-\u9fff]{0,10}?(?:构成|结构|组成)(?:情况)?(?:看|来看|上看)[，,]" + OF_NAMED.pattern
)


def _counted_before(head: Mention | None, b: _Breakdown, mentions: list[Mention]) -> Mention | None:
    """`项目共 9 个，涉及资金 X 万元，其中：甲 5 个、乙 4 个`: a list of counts right after an amount is of the count
    the sentence states just before that amount (the things the amount is of), when the amount is of no unit of
    the list and that count is of the list's own unit and counter; else the head as found. So too after a count
    of other things the counted ones involve (`改造小区 46 个，涉及居民 9418 户，其中基础类 41 个、完善类 23 个`:
    no 个 is a part of 户, the kinds are of the 小区)."""
    if head is None or len(mentions) < 2 or mentions[-1] is not head:
        return head
    counted = {(q.base_unit, q.unit) for p in b.parts if isinstance(p, _Entry) for q in p.qs}
    if len(counted) != 1 or not all(_of_other_things(q, counted) for q in head.quantities):
        return head
    ((unit, counter),) = counted
    before = mentions[-2]
    q = before.of_unit(unit)
    if (
        q is None
        or q.kind != "count"
        or q.unit != counter
        or len(before.quantities) != 1
        or before.sentence != head.sentence
        or not _counted_once(head, mentions, unit)
    ):
        return head
    return before


def _of_other_things(q: Quantity, counted: set[tuple[str, str]]) -> bool:
    """Is the figure an amount, or a count of things other than the list's (another unit and counter; no score,
    which counts no things)?"""
    return q.kind == "amount" or q.kind == "count" and (q.base_unit, q.unit) not in counted and q.unit != "分"


def _counted_once(head: Mention, mentions: list[Mention], unit: str) -> bool:
    """After a count of other things, is the count before it the sentence's only one of the list's unit (`对 7 个
    项目和 5 个单位开展评价，…，其中…的 6 个`: two counts of 个, which the list is of is not said)? (After an amount,
    the amount names what the count before it is of.)"""
    if all(q.kind == "amount" for q in head.quantities):
        return True
    return not any(m.of_unit(unit) is not None for m in mentions[:-2] if m.sentence == head.sentence)


def _counts_the_parts(head: Mention, parts: list[Mention]) -> bool:
    """`覆盖 4 个乡镇，其中东关镇 12 个、柳溪乡 15 个…`: a count equal to the number of parts counts them; it is
    not what they add up to."""
    q = head.quantities[-1] if head.quantities else None
    if q is None or q.kind != "count" or q.value != len(parts) or len(parts) < 2:
        return False
    if q.unit not in ITEM_COUNTERS:
        return False  # `共有车辆 2 辆，其中：…用车 5 辆`: a counter of its own things (辆, 台, 人) counts them, not the list
    return sum((p.quantities[0].value for p in parts if p.quantities), Decimal(0)) != q.value


def _counted_on(
    b: _Breakdown, head: Mention | None, parts: list[Mention], mentions: list[Mention]
) -> list[Mention] | None:
    """`单位共 32 个，其中：行政单位 1 个；事业单位 3 个；中学 6 所；小学 13 所`: a list of counts of things, cut where
    its items go on counted by another counter of things (a school is a unit too, counted by its own word). The
    list is read whole where those counts with the parts make the total exactly; where they do not, which are its
    parts is not certain and none is read (not the parts before the cut alone, as if the list ended there). None
    where the list was not so cut, or its parts make the total already (the counts after them are of other things:
    `项目 12 个，其中新建 5 个、改建 7 个，涉及学校 8 所`)."""
    whole = exact_figure(head) if head is not None else None
    if whole is None or whole.kind != "count" or whole.unit not in ITEM_COUNTERS or not parts:
        return None
    listed = [exact_figure(m) for m in parts]
    if any(q is None or q.kind != "count" or q.unit != whole.unit for q in listed):
        return None
    after = _counts_after(b, parts[-1])
    if not after or after[0].qs[0].unit == whole.unit:
        return None
    if foots(whole, [q for q in listed if q is not None]):
        return None
    by_figure = {id(m.quantities[0]): m for m in mentions if m.quantities}
    more = [by_figure[id(e.qs[0])] for e in after if id(e.qs[0]) in by_figure]
    if len(more) == len(after) and foots(whole, [q for q in listed if q is not None] + [e.qs[0] for e in after]):
        return parts + more
    return []


def _counts_after(b: _Breakdown, last: Mention) -> list[_Entry]:
    """The list's entries right after its last part read, each one count by a counter of things (`中学 6 所`), up to
    the first that is not."""
    end = last.quantities[-1].end if last.quantities else last.start
    out: list[_Entry] = []
    for p in b.parts:
        if not isinstance(p, (_Entry, _Breakdown, _Change, _Rate)) or _starts_before(p, end):
            continue
        if not (isinstance(p, _Entry) and len(p.qs) == 1 and p.qs[0].kind == "count" and p.qs[0].unit in ITEM_COUNTERS):
            break
        out.append(p)
    return out


def _starts_before(p: object, end: int) -> bool:
    """Does the item's first figure stand before `end` (an item of the list read already)?"""
    if isinstance(p, _Entry):
        return not p.qs or p.qs[0].start < end
    if isinstance(p, _Breakdown):
        return p.head is None or not p.head.qs or p.head.qs[0].start < end
    return True


def _score_pairs(parts: list[Mention]) -> bool:
    """`总分 X，其中产出指标满分 60 分，得分 a；…`: each indicator's full marks beside its score are no parts of
    the overall score (the scores are its score set: sets.scores, TO111)."""
    return any(FULL_MARKS.search(p.label) and p.quantities[:1] and p.quantities[0].base_unit == "分" for p in parts)


def _narrower(own: Context, said: Context) -> bool:
    """Does a figure's own name state a field (a fund, a scope …) that the words naming a whole leave open?"""
    return any(own.known(f) and not said.known(f) for f in FIELDS)


def _opens_list(t: object) -> bool:
    return isinstance(t, Token) and t.type == "SUBSET"


# a clause telling what was done with the sum before it (`调出资金 X 转入一般公共预算，占…的 p%`, `…，主要用于…，占`)
ACTED_ON = regex(
    r"^[，,\s]*(?:主要|全部|重点|已|均)?(?:"
    + "|".join((*words("context", "transfer_verbs"), "拨付", "上缴", "下达"))
    + ")"
)


def _acted_on(flat: list[object], k: int, said: str) -> tuple[Quantity, bool] | None:
    """The share's part where the words before `占` tell what was done with the sum right before them, naming no
    figure of their own (`调出资金 9,025 万元转入一般公共预算，占…收入的 29.9%`): that sum, stated in the sentence."""
    j = k - 3
    while j >= 0 and is_sep(flat[j], "，,"):
        j -= 1  # (`…9,025 万元，主要用于…，占`: the clause set apart by its comma)
    before = flat[j] if j >= 0 else None
    if not isinstance(before, _Entry) or before.share is not None or ACTED_ON.match(said) is None:
        return None
    amounts = [q for q in before.qs if q.kind == "amount" and q.exact]
    return (amounts[0], True) if len(amounts) == 1 and len(before.qs) == 1 else None


# the words of a share around the names of its part and whole (`…占…的比重为`)
# a whole named by its item and 总额 (`下达资金总额`): the item, of four characters at least
SUMMED_NAME = regex(r"([\u4e00-\u9fff]{4,})总额")
# a sentence opening with a split by level of government (`按收入级次分，`, `分级次看，`)
BY_LEVEL = regex(r"[，。；、\s]*(?:按|分)[\u4e00-\u9fff]{0,4}?级次(?:划分|来看|分|看)?[，：:]")
SHARE_WORDS = regex(r"^[，、；：]+|(?:的)?(?:比重|比例|占比)?(?:为|是)?$")


# the verb of an outcome ending a figure's name (`一般公共预算收入实现 A`, `…收入累计完成 A`, the item `收入累计`):
# the figure is the income itself, which a share's whole names without the verb (`税收收入占一般公共预算收入的比重`)
DONE_TAIL = regex(r"(?:累计(?:完成|实现)?|完成|实现)$")
# a figure named as what another is compared with (`比调整预算 B`, `较上年 B`, `与上年的 B 相比`)
COMPARED_BASE = regex(r"[，,、；;\s]*(?:比|较|与)")
# a change's words (`同比上升 p%`, `增加 Δ`: vocab relations.yaml up and down)
MOVED = regex(f"同比|环比|持平|{relation_words('up')}|{relation_words('down')}")
# the words closing a total's name (`政府债务余额合计`): no measure of its parts
TOTAL_TAIL = regex(r"(?:合计|总计|共计|总额|小计)$")


def _measure_after(part: str, whole: str) -> str:
    """What the whole's name states after the words it shares with the end of the part's name (`一般债务` in
    `全省政府债务余额合计`: 余额); total words are no measure."""
    for k in range(len(part) - 1):
        tail = part[k:]
        at = whole.rfind(tail)
        if at >= 0:
            return TOTAL_TAIL.sub("", whole[at + len(tail) :])
    return ""


def _leaves(items: list[object]) -> Iterator[object]:
    """The items in reading order, a list's head and parts in place of the list."""
    for x in items:
        if isinstance(x, _Breakdown):
            if x.head is not None:
                yield x.head
            yield Token("SUBSET", x.keyword)
            yield from _leaves(x.parts)
        elif isinstance(x, list):
            yield from _leaves(x)
        else:
            yield x


def _about_whole(head: Mention, clause: str) -> bool:
    """Does a clause without a figure, among a list's parts, speak of the list's whole again (its item's last
    four characters, `债务余额` of `全县政府债务余额`)?"""
    name = head.key
    return len(name) >= 4 and len(clause) >= 6 and name[-4:] in clause


def _measures(item: _Entry, last: Mention, used: set[int]) -> bool:
    """Is the entry before a list a figure another is measured against or by, no whole of the list: the base of
    a percentage (`占全市收入 312.45 亿元的 37.9%；其中…`), a ratio's base (`（预算数 X）`), the figure compared with
    (`低于限额 412.8 亿元，其中…`) or what the figure changed by (`减收 24.61 亿元，其中…`)?"""
    if item.of is not None or any(id(q) in used for q in last.quantities):
        return True
    return bool(GAP.search(item.label) or CHANGE_AMOUNT.match(item.label))


def _of_the_change(before: list[object] | None, parts: list[Mention]) -> bool:
    """Do the parts of a list right after a change of an amount each repeat its movement (`比年初调增 30 万元，其中
    调增人员经费 12 万元、调增公用经费 18 万元`)? Then they break down the change, not the figure before it."""
    change = next((x for x in reversed(before or []) if isinstance(x, (_Change, _Entry))), None)
    if not isinstance(change, _Change) or not parts:
        return False
    words = {mv.word for mv in change.movements if mv.quantity is not None and mv.quantity.kind == "amount"}
    return bool(words) and all(any(w in p.label for w in words) for p in parts)


def _no_part_of_its_own(flat: list[object], k: int, said: str) -> bool:
    """Does the name before a share (`flat[k - 2]`, the share word after it) name no one figure of this year?"""
    name = str(flat[k - 2])
    if LAST_YEARS.match(name.lstrip("，、；：:,（( ")):
        return True  # `上年国家财政性教育经费占…的比例为 p%`: last year's share, of figures not stated as such here
    # `甲类、乙类设备占比 p%`: the share of the parts named together, not of the last one alone
    return k >= 3 and is_label(flat[k - 3]) and f"{flat[k - 3]}、{name}" in said


def _share_entry(item: object, first: bool) -> TypeGuard[_Entry]:
    """A share of a `分别占` run: one percentage, named by nothing but a joining word (the first may name the
    whole: `分别占一般公共预算支出的 p%`)."""
    if not isinstance(item, _Entry) or len(item.qs) != 1 or item.qs[0].kind != "percent" or item.share is not None:
        return False
    label = item.label.strip("、和及与 ")
    return not label or (first and label.endswith("的"))


# a name before the share word closing a list of names joined by 、 (`县道、乡道、村道里程分别`): the shares after it go
# one to each name, in order
RESPECTIVE_NAME = regex(r"^(?P<last>[\u4e00-\u9fff]{2,20}?)(?:的?比重|的?占比)?分别$")


def _respective_named(flat: list[object], k: int) -> list[tuple[str, Quantity]] | None:
    """`县道、乡道、村道里程分别占农村公路总里程的 p%、q%、r%`: the names listed before 分别 (the last one's own) and the
    share each is given, in order, where the share word at `flat[k - 1]` follows such a list. [] where a list of
    names stands so but as many shares do not follow: no share is then read (not the last name's alone); None where
    no list of names does."""
    last = RESPECTIVE_NAME.match(str(flat[k - 2]).strip())
    if last is None:
        return None
    names = [last["last"]]
    j = k - 3
    while j >= 1 and is_sep(flat[j], "、") and is_label(flat[j - 1]) and "，" not in str(flat[j - 1]):
        names.insert(0, str(flat[j - 1]).strip())
        j -= 2
    if len(names) < 2:
        return None
    shares: list[Quantity] = []
    for x in flat[k:]:
        if is_sep(x, "、和及与"):
            continue
        if not _share_entry(x, first=not shares):
            break
        shares.append(x.qs[0])
    return list(zip(names, shares)) if len(shares) == len(names) else []


def _bare_share(e: object) -> bool:
    """A share with no figure of its part (`中央补助占 60%`)."""
    return isinstance(e, _Entry) and not e.label.strip() and len(e.qs) == 1 and e.qs[0].kind == "percent"


# a figure's plan stages (its outcome's: wording.OUTCOME_STAGES): where a sentence states both (`收入调整预算数为
# X，决算数为 Y`), a name that says no stage (`占一般公共预算收入的`) is of the outcome, not of the budget
PLAN_STAGES = ("预算", "调整预算", "年初预算", "计划")


# the words after a side's name that make the label name what is left of it, money of neither side (`项目支出结余资金`
# among the sources of a fund's top-up beside `超收收入`)
LEFT_OF_SIDE = regex(r"(?:收入|支出)(?:结余|结转)")


def _other_side(whole: str, label: str) -> bool:
    """Does `label` name the other side (收入/支出) than `whole`?"""
    sides = ("收入", "支出")
    mine = next((s for s in sides if s in whole), None)
    if mine is None:
        return False
    return any(s in label and s != mine and mine not in label for s in sides)


RETIRED: list[str] = load("relations").get("retired") or []
IN_SERVICE: list[str] = load("relations").get("in_service") or []


PEOPLE = ("人", "名")  # the units of a count of people


def _retired_beside(head: Mention, label: str, parts: list[Mention]) -> bool:
    """Does `label` name people no longer in service, beside a count of staff (`现有教职工 A 人，其中专任教师 a 人；
    离退休人员 b 人`)? They are a part of a count of people only where the list sets them against those in service
    (`实有人员 T 人，其中在职 a 人、离退休 b 人`) or the whole names them too."""
    if not head.quantities or not any(w in label for w in RETIRED) or any(w in head.label for w in RETIRED):
        return False
    if head.quantities[0].unit not in PEOPLE:
        return False  # (`…退休人员独生子女费等 620 万元`: money spent on them, a part of the spending like any other)
    return not any(w in p.label for p in parts for w in IN_SERVICE)


def _parallel(whole: str, label: str) -> bool:
    """Does `label` name a kind of the thing beside the one `whole` names (专项债务 beside 一般债务)?"""
    for kinds in PARALLEL_KINDS:
        mine = [k for k in kinds if k in whole]
        if len(mine) == 1 and any(k in label and k != mine[0] for k in kinds) and mine[0] not in label:
            return True
    return False


def _ends_parts(p: _Entry, dims: set[str], first: bool, whole: str = "") -> bool:
    """A figure in none of the total's units, a limit (`控制在限额 1,650 亿元以内`), or one added to the list
    rather than in it (`加上…`, `另…`, `此外…`) ends the parts."""
    if not p.qs:
        return False
    if not any(q.base_unit in dims for q in p.qs if q.kind != "percent"):
        return True
    if not first and (ADDED.match(p.label.lstrip("，、；：")) or GAP.search(p.label)):
        return True
    if whole and not LEFT_OF_SIDE.search(p.label) and _other_side(whole, p.label):
        return True  # `收入总计 105.61 亿元，其中…；预算支出安排 95.47 亿元`: income and expenditure are two sides
    if "收入" in whole and HANDED_OVER.match(p.label.lstrip("，、；：")):
        return True  # `收入 A，其中利润收入 a；调出资金 b`: what leaves the fund is none of its income
    return all(q.bound is not None for q in p.qs)


# the words right between a figure and the next naming the next a portion of it (`本年下达资金 C 中已到位的 D`: of C,
# what has arrived): one phrase whose head is D, the portion the list counts in C's place
PORTION_OF_BEFORE = regex(r"\s*中[^\d，,；;。、：:（）()]{1,12}?的\s*")
# a figure named as a net over- or under-collection or spending against a budget or last year (`比调整预算短收`)
NET_MOVE = regex(f"(?:{REVENUE_UP}|{REVENUE_DOWN})$")
# words saying a figure is all of its kind, before its name (`共回收…`, `累计发放…`)
ALL_OF = regex(r"^(?:共计|共|累计|合计|总计|全年|全部)")
# what joins the names of two things in one name (`公务用车购置及运行费`)
JOINED_NAMES = regex(r"及|和|与|、")


_FLOW_BALANCES = load("relations").get("flow_list_balances") or {}
# a name ending in a balance's word (`当年结余`, `年末滚存结余`, `债务余额`), its tail `资金` or `数` aside
BALANCE_NAME = regex("(?:" + "|".join(_FLOW_BALANCES.get("names") or []) + r")(?:资金|数)?$")
# a balance named so that it may still be a part of a flow: a carry-over, money drawn from a balance, or the balance
# a period opens with (`收入预算 T，包括：财政拨款收入 a，上年结余 b`: what the year has to spend, counted with it)
BALANCE_PART = regex("|".join((*(_FLOW_BALANCES.get("not") or []), *words("relations", "opening"))))
# the flows of an account, and the totals that hold its carry-overs and balances beside a flow (收入总计 holds
# 年初结转和结余, 支出总计 the 结余分配)
FLOWS = ("收入", "支出")
FLOW_TOTALS = regex(r"总计|总额")


# `按常住人口 N 人计算`: a figure framed as the basis something is worked on (relations.yaml basis_frame_close)
BASIS_OPEN = regex(r"^[，,、；;：:\s]*按(?!照?规定)")
BASIS_CLOSE = regex(f"\\s*(?:{alternation(words('relations', 'basis_frame_close'))})")


def _basis_of_working(text: str, p: _Entry) -> bool:
    """Is the entry's figure the basis a rate or a count is worked on, `按 <its name> N 计算`, not a thing counted?
    It is then no part of a list before it (`老年人 T 人，其中纳入管理 a 人，管理率 p%；按常住人口 N 人计算，…`)."""
    return bool(p.qs) and bool(BASIS_OPEN.match(p.label)) and bool(BASIS_CLOSE.match(text, p.qs[-1].end))


def _balance_under_flow(whole: str, label: str) -> bool:
    """Does `label` name a balance, past a list under a flow (`支出 B，其中待遇支出 b，当年结余 c，年末滚存结余 d`)?
    What an account is left with is no kind of its income or spending: the list ended before it."""
    name = label.strip("，、；：:,; ")
    head = whole.strip("，、；：:,; ")
    if not any(f in head for f in FLOWS) or FLOW_TOTALS.search(head) or BALANCE_NAME.search(head):
        return False
    return bool(BALANCE_NAME.search(name)) and not BALANCE_PART.search(name)


# a stock named at its period's end or as accumulated over the years (`年末余额`, `期末结余`, `6月末余额`, `滚存结余`),
# and one named at the period's start (`年初余额`, `上年滚存结余`): the words of its date (roll_forward's), a few words
# of its name, the stock's word
_ACCUMULATED_WORDS = alternation((load("relations").get("roll_forward") or {}).get("accumulated"))
CLOSING_STOCK = regex(f"(?:{CLOSING_WORDS}|{_ACCUMULATED_WORDS})[\u4e00-\u9fff]{{0,12}}?{STOCK_END}")
OPENING_STOCK = regex(f"(?:{OPENING_WORDS})[\u4e00-\u9fff]{{0,12}}?{STOCK_END}")


def _names_closing_stock(label: str) -> bool:
    """Does the label name a stock at its period's end (`上年滚存结余`, accumulated to last year, opens this one)?"""
    name = label.strip("，、；：:,; ")
    return bool(CLOSING_STOCK.search(name)) and not OPENING_STOCK.search(name)


def _stock_rolled_past(whole: str, label: str, parts: list[Mention]) -> bool:
    """Does the label name what a stock rolled forward is left with, or money moving it, past a list under a flow or
    an opening stock (`当年补充 B，其中 a 用于平衡当年预算，年末余额 D`, `结转下年 X，其中…，年末滚存结余 D`, `年初余额 A，
    其中 a 用于平衡当年预算，当年补充 B`)? The closing stock is the year's outcome, and the money moved in or out is
    the year's flow, neither a part of the flow nor of what the year opened with: the list ended before it. (Under a
    stock named at no date, `债务余额 T，其中一般债务年末余额 a`, a dated stock may be a part; under an opening stock
    whose list is of flows itself, `年初余额 A，其中已动用 a、尚未动用 b`, so may a flow.)"""
    head = whole.strip("，、；：:,; ")
    opening = bool(OPENING_STOCK.search(head))
    if _names_closing_stock(label):
        return not _names_closing_stock(head) and (opening or not STOCK.search(head))
    moves = moves_stock(label.strip("，、；：:,; "))
    return opening and moves and bool(parts) and not any(moves_stock(p.label) for p in parts)


# the marks that make a name what an act left undone (`尚未支付`, `未到位`; vocab tables.yaml negation_marks)
UNDONE_MARKS = tuple(words("tables", "negation_marks"))


def _done_act(name: str) -> re.Match[str] | None:
    """The act a name says was done (`已整改` → 整改), the separators around it passed over; None where it names none.
    (chains.DONE_ACT_NAME passes over white space of every kind as well: a name here is stripped of plain spaces
    only.)"""
    return DONE_ACT.match(name.strip("，、；：:, "))


def _undone_of(whole: str, label: str) -> bool:
    """Does the label name what the whole's act left undone (`已支付 A，其中设备 a、运维 b，尚未支付的 c`)? It is
    the rest of what the act was to reach, stated beside A: no part of it, the list ended before it."""
    done = _done_act(whole)
    return done is not None and any(mark + done.group("act") in label for mark in UNDONE_MARKS)


# the words right after a figure saying the act a whole names as done is yet to be done for it (`其余 c 正在整改`, `尚未
# 整改`; vocab tables.yaml ongoing_marks and negation_marks); past a comma they may name the next figure (`b，尚未支付的 c`)
UNDONE_AFTER = regex(
    r"^\s*(?:(?:" + alternation([*words("tables", "ongoing_marks"), *UNDONE_MARKS]) + r")(?P<act>[\u4e00-\u9fff]{2}))"
)


def _undone_after(whole: str, after: str) -> bool:
    """Do the words after an entry's figure say the whole's act is still to be done for it (`已整改 A，其中追回 a，
    调账 b，其余 c 正在整改`)? c is what the act has not reached, beside A: no part of it, the list ended before it."""
    done = _done_act(whole)
    undone = UNDONE_AFTER.match(after)
    return done is not None and undone is not None and undone.group("act") == done.group("act")


# the words before an act's name saying it is due (`需要整改的金额`, `应退付`; vocab tables.yaml due_marks)
DUE_ACT = regex(r"^(?:其中)?(?:" + alternation(words("tables", "due_marks")) + r")(?P<act>[\u4e00-\u9fff]{2})")


def _done_of_due(last: str, label: str) -> bool:
    """Does the label name what has been done of the act the list's last part says is due (`问题金额 A，其中需要
    整改的金额 a，已整改 b`)? b is a's progress, a part of a, not a's sibling beside it: the list ended at a."""
    due = DUE_ACT.match(last.strip("，、；：:, "))
    done = _done_act(label)
    return due is not None and done is not None and due.group("act") == done.group("act")


def _component_of(whole: str, label: str) -> bool:
    """Is the label one of the things the whole's name joins (`运行费` of `公务用车购置及运行费`, or named with the
    stem the joined names share, `公务用车运行费`)?"""
    name = whole.strip("，、；：:, ")
    pieces = JOINED_NAMES.split(name)
    own = label.strip("，、；：:, ")
    return (
        len(pieces) >= 2
        and len(own) >= 2
        and any(
            p.endswith(own) or len(p) >= 2 and own.endswith(p) and name.startswith(own[: len(own) - len(p)])
            for p in pieces[1:]
        )
    )


def _count_of_next(items: list[object], k: int, dims: set[str], ended: bool) -> _Entry | None:
    """The list's item k, in a list not ended yet, if it is a count of the things the next item, a figure in the
    whole's unit, is the money of (`其中，一般债券项目 35 个，资金需求 a；专项债券项目 56 个，资金需求 b`): it says how
    many things a part is of, no part and no end of the list."""
    p = items[k]
    if ended or not isinstance(p, _Entry) or not p.qs or any(q.kind != "count" or q.base_unit in dims for q in p.qs):
        return None
    rest = items[k + 1 :]
    if rest and is_sep(rest[0], "，,、"):
        rest = rest[1:]
    nxt = rest[0] if rest else None
    money = (
        isinstance(nxt, _Entry)
        and len(nxt.qs) == 1
        and nxt.qs[0].kind == "amount"
        and nxt.qs[0].base_unit in dims
        and MONEY_OF_COUNTED.match(nxt.label) is not None
    )
    return p if money else None


def _foreign(p: _Entry, dims: set[str]) -> bool:
    """Is every figure of the entry in none of the list total's units (`2 辆` in a list of 万元)?"""
    return not any(q.base_unit in dims for q in p.qs if q.kind != "percent")


def _past_a_footed_list(text: str, head: Mention, p: _Entry, parts: list[Mention]) -> bool:
    """Do two or more parts of money make the total exactly already, and a clause of no figure stand between them
    and a figure above zero that would take the list over it (`余额 T，其中一般债务余额 a，专项债务余额 b，控制在限额
    以内，尚余限额空间 c`: c is a statement of its own)? (A next item right after the parts, `…，其他收入 c`, is one
    of them: the total or a part is wrong. So is one stated with its share as the parts are, `…，占 0%；其他资金 c，
    占 q%`: the share between is the last part's own, no clause of its own, and the list runs on whatever c is.)"""
    if len(parts) < 2 or not p.qs or p.qs[0].kind != "amount" or p.qs[0].value <= 0 or not parts[-1].quantities:
        return False
    gap = text[parts[-1].quantities[-1].end : p.qs[0].start]
    if p.share is not None:
        gap = OWN_SHARE.sub("", gap, count=1)
    if len(CLAUSE_MARKS.findall(gap)) < 2:
        return False
    whole = exact_figure(head)
    if whole is None or whole.kind != "amount" or not foots_flat(head, parts):
        return False
    # (a total rounded coarser than its parts holds a small one more: `54.3 亿元，其中 538000 万元、…、371 万元`)
    listed = [q for m in parts if (q := m.of_unit(whole.base_unit)) is not None]
    return not foots(whole, [*listed, p.qs[0]])


CLAUSE_MARKS = regex(r"[，,；;]")
# what ends an item's clauses in a list (a note on the item stands before it)
CLAUSE_END_MARKS = regex(r"[；;。]")
# an item's figure closing it in a list parted by semicolons (a bracket between), or closing the sentence
ITEM_CLOSED = regex(r"\s*(?:[（(][^（）()]*[）)])?\s*[；;]")
SENTENCE_CLOSED = regex(r"\s*(?:[（(][^（）()]*[）)])?\s*[。]?\s*$")
# a listed part's own share right after its figure (`，占 0%`, `，占比 5.2%`)
OWN_SHARE = regex(r"^\s*[，,]\s*占[^，。；;\d%]{0,12}?\s*\d+(?:\.\d+)?\s*[%％]")
# the word joining a list's last item to the one before (`a 和专项债券 b`, `a（占 p%）及 B b`), and one carrying the
# list on past a clause mark (`…，以及 C c`, `…，还有 C c`)
LAST_JOINED = regex(r"^\s*(?:[（(][^（）()]*[）)]\s*)?(?:以及|和|及)")
JOINED_AGAIN = regex(r"^[\s，,；;]*(?:以及|和|及|与|还有)")
THOUSANDS = regex(r"(?<=\d),(?=\d{3})")


def _nonzero_next(rest: list[object]) -> bool:
    """Is the next figure of a list's items one above zero?"""
    entry = next((x for x in rest if isinstance(x, _Entry) and x.qs), None)
    return entry is not None and entry.qs[0].value > 0


def _complete(head: Mention, parts: list[Mention]) -> bool:
    """Do the parts make the total, each figure within its rounding (every part in the total's unit)?"""
    whole = exact_figure(head)
    if whole is None:
        return False
    listed = [m.of_unit(whole.base_unit) for m in parts]
    return None not in listed and foots(whole, [q for q in listed if q is not None])


def _completing(b: Breakdown, after: list[Mention]) -> list[Mention]:
    """The shortest run of `after` whose figures, with the breakdown's parts, add up to its total exactly."""
    whole = exact_figure(b.total)
    if whole is None:
        return []
    listed = [q for m in b.parts if (q := m.of_unit(whole.base_unit)) is not None]
    total = sum((q.base_value for q in listed), Decimal(0))
    for j, m in enumerate(after):
        q = m.of_unit(whole.base_unit)
        if q is None or not q.exact:
            return []
        total += q.base_value
        if total == whole.base_value:
            return after[: j + 1]
        if total > whole.base_value:
            return []
    return []


# the words from a figure to another inside the bracket opened right after the first (no bracket closed between)
OPEN_BRACKET_AFTER = regex(r"\s*[（(][^（）()]*")


def _remainder_of(stated: str, named: str) -> bool:
    """Is the figure's item the rest of what a share names (`其他一般性转移支付` of `一般性转移支付`): not it?"""
    return stated != named and stated.endswith(named) and stated[: -len(named)].endswith(REMAINDER)


def _same_item(stated: str, named: str) -> bool:
    """Does a figure's item name what a share names: the same words, or those and a verb of outcome after them
    (`收入实现` is the income a share's whole `收入` names)?"""
    return stated == named or DONE_TAIL.sub("", stated) == named


class Lists(Rates, Changes):
    """Mentions, breakdowns (lists with their totals) and shares."""

    def _make_up_of_before(self, items: list[object], si: int, mentions: list[Mention]) -> None:
        """`…支出 388.50 亿元。从支出结构看，教育支出 85.40 亿元，占 22.0%；…`: the make-up of the figure before, as
        a sentence opening with 其中 gives it, unless its shares name their whole (`占实际支出的 p%`)."""
        if not (items and is_label(items[0]) and MAKE_UP.search(str(items[0]))) or si in self.d.headless:
            return
        sent = self.doc.sentences[si]
        of_named = MAKE_UP_OF_NAMED.match(self.doc.text, sent.start, sent.end)
        if of_named is not None:
            # `从收入构成看，社会保险基金收入中：A a，占 p%`: the list names its whole after the make-up; it is of the
            # figure of that name before it, or of none (passes/headless_wholes.py), never merely of the last figure
            self.d.whole_named[si] = of_named.group(1)
            self.d.headless[si] = self._own_items(mentions, si)
            return
        named = LISTED_NAMED.match(self.doc.text, sent.start, sent.end)
        if named is not None and named.group(1) not in ADVERBS_OF_LIST:
            # `支出构成为：A a，B b`: the make-up names its whole (支出), the figure of that name before it
            # (`_list_of_before`), held to it even where the parts exceed it
            return
        if not any(s.sentence == si and s.base_label for s in self.facts.shares):
            self.d.headless[si] = self._own_items(mentions, si)
            self.d.make_up.add(si)

    def _list_of_before(self, si: int, mentions: list[Mention]) -> None:
        """`…本年收入合计 X 万元，其中：` / `一般公共预算收入 a 万元；…`: a sentence after one the layout cut at its list
        opener is that list, as one opening with 其中 is; `基本支出中，人员经费 a，公用经费 b`: a sentence opening
        with a name and 中 lists the parts of the figure of that name before it (passes/headless_lists.headless)."""
        if si in self.d.headless or not si or not mentions:
            return
        text = self.doc.text
        sent, prev = self.doc.sentences[si], self.doc.sentences[si - 1]
        named = OF_NAMED.match(text, sent.start, sent.end)
        listed = LISTED_NAMED.match(text, sent.start, sent.end) if named is None else None
        if named is not None:
            self.d.whole_named[si] = named.group(1)
        elif listed is not None:
            name = listed.group(1) + NAMING_VERBS.get(listed.group("verb"), "")
            self.d.whole_listed[si] = (name, listed.group("main") is None)
        elif not (self.d.by_sentence.get(si - 1) and DANGLING_OPENER.search(text, prev.start, prev.end)):
            return
        # (a figure in brackets notes the part before it: `一般债务限额 a（含外贷限额 b）`)
        items = [m for m in self._own_items(mentions, si) if not in_brackets(self.d, si, m.start)]
        self.d.headless[si] = self._without_progress(items, si)

    def _without_progress(self, items: list[Mention], si: int) -> list[Mention]:
        """The items of a list its sentence opens by naming its whole (`问题金额中，闲置 a，已盘活 b；不符 c，已调整 d`)
        less what was done of each (b, d: notes on a and c, `_progress_of_last`), those noted and the sentence marked."""
        kept: list[Mention] = []
        end = self.doc.sentences[si].end
        for m in items:
            if len(m.quantities) == 1 and self._progress_of_last(m.label, m.quantities[0], kept, end):
                self.d.noted.add(id(m))
                self.d.progress.add(si)
            else:
                kept.append(m)
        return kept

    def _structure(self, items: list[object], si: int) -> None:
        """`资金来源构成为：中央补助占 60%，省级补助占 25%，…`, `从支出结构看，基本支出占 35.2%，项目支出占 64.8%`: the
        shares of the parts of one whole the sentence opens by naming its make-up (构成, 结构, 组成), each part
        named with no figure of its own; a list with no whole stated (they cannot add up to more than 100%)."""
        flat = list(_leaves(items))
        opening = next((x for x in flat if is_label(x)), None)
        if opening is None or not MAKE_UP.search(str(opening)):
            return
        shares: list[Share] = []
        rest = [x for x in flat[flat.index(opening) + 1 :] if not is_sep(x, "，,；;：:、")]
        # `name 占 p%` after `name 占 p%`, nothing else between them but separators
        for name, word, e in zip(rest[::3], rest[1::3], rest[2::3]):
            if not (is_label(name) and isinstance(word, Token) and word.type == "SHARE" and _bare_share(e)):
                break
            assert isinstance(e, _Entry)
            shares.append(Share(e.qs[0], None, sentence=si))
        if len(shares) >= 2:
            self.facts.share_lists.append(ShareList(shares))

    def _own_items(self, mentions: list[Mention], si: int) -> list[Mention]:
        """The items of a list opening its sentence: not parts nested under one of them, nor the figures its
        changes compare with (`其中，房产税 6.6 亿元，比上年的 6.2 亿元增长…`, `上年为 6.9 亿元`), nor a rate per unit an
        item's money was set by (`运转经费 a，按每村 b 标准拨付`)."""
        used = self._references(si)
        return [
            m
            for m in mentions
            if id(m) not in self.d.parts
            and id(m) not in self.d.noted
            and not REFERENCE.match(m.label)
            and not LAST_YEAR_ONLY.match(m.label.strip("，、；：（( "))
            and not per_one(m.label)
            and not any(id(q) in used for q in m.quantities)
        ]

    def _composed(self, items: list[object], si: int, mentions: list[Mention]) -> None:
        """`资金总额 880 万元，由中央补助 500 万元、省级配套 240 万元和市级配套 120 万元组成`: the figures between 由
        and 组成 (构成) are all the parts of the figure right before 由, a complete list."""
        for k, item in enumerate(items):
            if not (isinstance(item, _Entry) and COMPOSED_OPEN.match(item.label) and k >= 2):
                continue
            head = items[k - 2] if is_sep(items[k - 1], "，") else None
            run: list[_Entry] = [item]
            closed = False
            for nxt in items[k + 1 :]:
                if isinstance(nxt, _Entry):
                    run.append(nxt)
                elif is_label(nxt) and COMPOSED_CLOSE.match(str(nxt)):
                    closed = True
                    break
                elif not is_sep(nxt, "、"):
                    break
            if not closed or not isinstance(head, _Entry) or len(run) < 2:
                continue
            ids = {id(q) for e in [head, *run] for q in e.qs}
            found = [m for m in mentions if m.quantities and id(m.quantities[0]) in ids]
            if len(found) == len(run) + 1 and not any(self.d.is_part(m) for m in found):
                self._record(found[0], found[1:], "组成", si)

    def _respective_list(self, run: list[_Entry], said: str, si: int, mentions: list[Mention]) -> None:
        """The figures a `分别为` list names are the parts of the figure right before them where they cover its
        definition (`政府采购支出总额 X，货物、工程、服务支出分别为 a、b、c`), or of a total right after them
        (`…分别为 a、b、c，合计 T`), in the same context: not of another year or scope (`上年…分别为`, `市本级…
        分别为`), `said` being the words the list was written with before its names were given out."""
        first = {id(e.qs[0]) for e in run if e.qs}
        at = [k for k, m in enumerate(mentions) if m.quantities and id(m.quantities[0]) in first]
        if len(at) != len(run) or at != list(range(at[0], at[0] + len(at))):
            return
        parts = mentions[at[0] : at[-1] + 1]
        if len(self._unlisted(parts)) != len(parts):
            return  # already read as a list
        before = mentions[at[0] - 1] if at[0] else None
        unit = parts[0].quantities[0].base_unit
        # the next figure of the parts' unit (`三本预算收入合计 T`: 三本 counts the budgets)
        after = next((m for m in mentions[at[-1] + 1 :] if m.of_unit(unit) is not None), None)
        if before is not None and id(before) not in self.d.parts and of_total(before, parts):
            if self._one_context(before, parts, said):
                self._record(before, parts, "分别为", si)
        elif before is not None and id(before) not in self.d.parts and self._allocates(before, parts[0]):
            # `新增债券 X，主要投向 A、B 等领域，分别安排 a、b`: some of what X is spent on, at most X
            self._record(before, parts, "分别安排", si)
        elif after is not None and TOTAL_AFTER.search(after.key) and self._one_context(after, parts, said):
            self._record(after, parts, "分别为", si)

    def _allocates(self, whole: Mention, first: Mention) -> bool:
        """Does the figure before a respective list state the sum the list allocates: its figure followed by
        the allocation verb that opens the list's names (`X，主要投向 A、…`), in the parts' unit?"""
        q, p = whole.quantities[-1] if whole.quantities else None, first.quantities[0] if first.quantities else None
        if q is None or p is None or q.base_unit != p.base_unit or q.kind != "amount" or not q.exact:
            return False
        gap = self.doc.text[q.end : p.start].lstrip("，, ")
        return ALLOCATED.match(gap) is not None

    def _respective_runs(
        self, items: list[object], runs: list[tuple[list[_Entry], str]], si: int, mentions: list[Mention]
    ) -> None:
        """The lists of figures named by `分别为` (see `_respective_names`): their totals and their shares."""
        for run, said in runs:
            self._respective_list(run, said, si, mentions)
            self._respective_shares(items, run, si)
        opened = names_opened(items[0]) if items else []
        if runs and opened and runs[0][0][0].label.startswith(opened[0]) and not self.d.headless.get(si):
            # `其中，教育、科技支出分别为 a、b`: the list 其中 opens is the respective one, of the figure before
            ids = {id(e.qs[0]) for e in runs[0][0] if e.qs}
            self.d.headless[si] = [m for m in mentions if m.quantities and id(m.quantities[0]) in ids]

    def _respective_shares(self, items: list[object], run: list[_Entry], si: int) -> None:
        """`教育、科技、卫生支出分别为 a、b 和 c，分别占 p%、q% 和 r%`: one share to each figure of the list, in order,
        of the whole the shares name (`分别占一般公共预算支出的`) or, naming none, of the one the list is part of
        (found by the linking passes); read only where as many shares follow as the list has figures."""
        last = next((k for k, x in enumerate(items) if x is run[-1]), None)
        if last is None:
            return
        rest = [x for x in items[last + 1 :] if not is_sep(x, "、，,")]
        if len(rest) < 3 or not _opens_respective(rest[0], len(run)):
            return
        if not (isinstance(rest[1], Token) and rest[1].type == "SHARE"):
            return
        shares = [e for k, e in enumerate(rest[2 : 2 + len(run)]) if _share_entry(e, first=k == 0)]
        if len(shares) != len(run):
            return
        base = shares[0].label.strip()
        for part, e in zip(run, shares):
            stated = e.qs[0]
            figure = next((q for q in part.qs if q.kind in ("amount", "count")), None)
            if figure is not None:
                self.facts.shares.append(Share(stated, figure, None, base, si))

    def _parallel_shares(self, items: list[object], si: int) -> None:
        """`基本支出执行 a，项目支出执行 b，分别占全年执行数的 p% 和 q%`: figures stated side by side from the
        sentence's start (no `分别为` list, no `其中`), then as many shares after 分别: one to each, in order
        (`_respective_shares`)."""
        at = next((k for k, x in enumerate(items) if _opens_respective(x)), None)
        share = items[at + 1] if at is not None and at + 1 < len(items) else None
        if at is None or not (isinstance(share, Token) and share.type == "SHARE"):
            return
        run: list[_Entry] = []
        for k, x in enumerate(items[:at]):
            if is_sep(x, "，、,") or (k == 0 and _dimension_opening(items)):
                continue
            if not (isinstance(x, _Entry) and len(x.qs) == 1 and x.qs[0].kind == "amount" and x.of is None):
                return
            run.append(x)
        if len(run) >= 2 and len({e.qs[0].base_unit for e in run}) == 1:
            self._respective_shares(items, run, si)

    def _one_context(self, total: Mention, parts: list[Mention], said: str) -> bool:
        """Do the total and every part (and the words of the list) state no scope, fund, stage or period
        otherwise? A period is this year's where none is said, against a part said to be last year's."""
        _, whole = self.labeller.identify(total.label)
        for text in [said, *(p.label for p in parts)]:
            _, own = self.labeller.identify(text)
            if not whole.agrees(own):
                return False
            if (whole.period or "+0") != (own.period or "+0") and not (whole.period or own.period or "").isdigit():
                return False
        return True

    def _qualified_head(self, before: list[object], mentions: list[Mention]) -> Mention | None:
        """The figure a list opening mid-sentence breaks down: the one right before its keyword, past the
        ratios and changes that qualify it (`决算为 0.52 万元，完成预算的 17.33%，其中：…`), past a bracket
        noting what it includes (`限额 318.40 亿元（含开发区 64.25 亿元），其中：…`) and past the base a ratio
        states in brackets (`完成预算的 102.6%（预算数 X），其中：…`: a reference, never the whole listed)."""
        bracket = False
        entries = [m for m in mentions]
        used = self._references(mentions[-1].sentence) if mentions else set()
        for item in reversed(before):
            if isinstance(item, Token) and item.type == "SEP":
                bracket = bracket or str(item)[-1:] in "）)"
                continue
            if isinstance(item, (_Rate, _Change)) or (isinstance(item, Token) and item.type == "LABEL"):
                continue  # a ratio or change qualifying the figure, words about it (`全部为利润收入，其中…`)
            if isinstance(item, _Entry) and entries and _measures(item, entries[-1], used):
                entries.pop()
                continue
            if not isinstance(item, _Entry) or not entries:
                return None
            if bracket and INCLUDED.match(item.label.lstrip("（(")):
                entries.pop()  # the bracket's own figure: look past it
                bracket = False
                continue
            if bracket and in_brackets(self.d, entries[-1].sentence, entries[-1].start):
                # `合同金额合计 642.18 万元（货物 88.40 万元，服务 553.78 万元），其中…`: a figure the bracket lists
                # is no whole of the list after it; the figure before the bracket is
                entries.pop()
                continue
            return entries[-1]
        return None

    def _clause(
        self,
        item: object,
        si: int,
        mentions: list[Mention],
        named: str = "",
        whole: Mention | None = None,
        siblings: list[Mention] | None = None,
    ) -> None:
        if isinstance(item, _Rate):
            self._rate(item, si, mentions, siblings, whole)
        elif isinstance(item, _Change):
            self._change(item, si, mentions, named, whole)
        elif isinstance(item, _FromTo):
            self._fromto(item, si)
        elif isinstance(item, _Formula):
            self.facts.formulas.append(as_formula(item, si))

    def _mention(self, e: _Entry, si: int, para: int, whole: Mention | None = None) -> Mention:
        key, period = self.labeller.split(e.label)
        if (pronoun := LAST_YEARS_RATIO.fullmatch(key)) is not None:
            # `上年该比例 68.0%`: last year's value of the ratio just stated, as `上年为` names it
            key = pronoun.group(1)
        m = Mention(label=e.label, key=key, quantities=e.qs, sentence=si, paragraph=para, period=period)
        self._base_in_brackets(m, si)
        count = next((q for q in e.qs if q.kind == "count"), None)
        if count is not None and (after := COUNTED.match(self.doc.text, count.end)):
            m.noun = self.labeller.noun(after.group())
        self.facts.mentions.append(m)
        if e.share is not None and COMPARED_BASE.match(e.label):
            return m  # `A a，比调整预算 B 增加 Δ，占…的 p%`: the share is a's (not read), never the base B's
        if e.share is not None and LAST_YEAR_ONLY.match(e.label.strip("，、；：（( ")) and self._moved_between(e):
            # `A a，上年同期 B，同比上升 p%，占全部税收 s%`: after the change, the share is a's, not the base B's (its
            # whole named, linked later; links.list_shares sees the sentence's figure has a share of its own)
            part = self._compared_before(m, si, e.share_base)
            self.facts.shares.append(Share(e.share, part, None, e.share_base, si, certain=False))
            return m
        if e.share is not None:
            part = next((q for q in e.qs if q.kind != "percent"), None)
            if whole is not None and e.share_base and self._other_scope(e.share_base, whole):
                # `市本级债务余额 T，其中一般债务 a、专项债务 b，占全市债务余额的 p%`: a share of a whole of another
                # scope after the list's last part may be of the part or of the list's total, which is not said:
                # a share of no part known
                self.facts.shares.append(Share(e.share, None, None, e.share_base, si, certain=False))
                return m
            if whole is not None and e.share_base and not self._names_whole(e.share_base, whole):
                whole = None  # `其中基本支出 A，人员经费 B，占基本支出的 p%`: of the whole it names (linked later)
            elif whole is not None and not e.share_base and self._share_of_outer(whole, si):
                # `中小企业 A，占 p%，其中小微企业 B，占 q%`: the whole has a share of its own; the part's may be of
                # that same outer whole as well as of the whole, and which is not said
                self.facts.shares.append(Share(e.share, part, None, e.share_base, si, certain=False))
                return m
            total = whole.of_unit(part.base_unit) if whole is not None and part is not None else None
            self.facts.shares.append(Share(e.share, part, total, e.share_base, si))
        return m

    def _base_in_brackets(self, m: Mention, si: int) -> None:
        """`收入 1,550.20 亿元，完成预算的 102.6%（预算数 1,511.22 亿元）`: the figure in brackets right after a rate,
        named as the base the rate's own words name (预算, 调整预算 …), is its denominator; the figure before the
        rate its numerator. The base is then a figure the sentence measures against, no subject of what follows."""
        rate = self.facts.rates[-1] if self.facts.rates else None
        if rate is None or rate.sentence != si or rate.ordered or rate.formula is not None or not rate.operands:
            return
        base = NAMED_BASE.search(rate.name) or PLAN_BASE.search(rate.name)
        den = m.quantities[0] if m.quantities else None
        if base is None or den is None or den.start <= rate.stated.end:
            return
        said = BASE_SAID.fullmatch(self.doc.text[rate.stated.end : den.start])
        num = rate.operands[-1]
        # (a rate of the budget names it more closely in brackets: `完成预算的 94.4%（调整预算 X）`)
        generic = base.group() in GENERIC_BASES and said is not None and said.group("base") in ADJUSTED_BUDGETS
        if said is None or said.group("base") != base.group() and not generic or not den.exact:
            return
        if den.kind == num.kind and den.base_unit == num.base_unit:
            label = rate.labels[-1] if rate.labels else ""
            rate.operands, rate.labels, rate.ordered = [num, den], [label, m.label], True

    def _graded_apart(self, parts: list[Mention], si: int) -> bool:
        """Is a score listed under 其中 given a grade of its own (an evaluation of its own, not an addend)?"""
        if not parts or not all(p.quantities and p.quantities[0].base_unit == "分" for p in parts):
            return False
        end = self.doc.sentences[si].end
        if len(parts) == 1:
            return STATED_GRADE.search(self.doc.text, parts[0].quantities[0].end, end) is not None
        # several scores: a grade between two of them is a part's own; one after the last alone is the total's
        # (`总分 90.44 分，其中 A a、B b、C c，评定为“优”`)
        return any(STATED_GRADE.search(self.doc.text, p.quantities[0].end, q.start) for p, q in zip(parts, parts[1:]))

    def _share_of_outer(self, whole: Mention, si: int) -> bool:
        """Does the whole carry a share of its own (`…A，占 p%，其中…`, `…A，占政府采购支出总额的 p%，其中…`)? Then
        a part's share naming no base may be of the whole or of that outer one."""
        own = takewhile(lambda s: s.sentence == si, reversed(self.facts.shares))
        return any(s.part is not None and s.part in whole.quantities for s in own)

    @staticmethod
    def _gross(head: Mention, parts: list[Mention]) -> list[Mention]:
        """The parts less gross values (`固定资产原值`) where the total is no gross value: it counts the net."""
        if any(g in head.key for g in GROSS):
            return parts  # `固定资产原值合计 X，其中：房屋原值…`
        return [m for m in parts if not m.key.endswith(GROSS)]

    def _not_of_another(self, parts: list[Mention]) -> list[Mention]:
        """The parts less those whose share names another part as their whole (`base.not_of_another`)."""
        # the shares of the list's sentence: they stand at the end of the document's (not all of them, per list)
        si = parts[0].sentence if parts else -1
        own = list(takewhile(lambda s: s.sentence == si, reversed(self.facts.shares)))
        return not_of_another(self.labeller, own, parts)

    def _other_scope(self, base: str, whole: Mention) -> bool:
        """Does the whole a share names (`占全市债务余额的`) state another scope than the list's total (`市本级…`)?"""
        named = self.labeller.identify(base)[1].scope
        return named is not None and self.labeller.identify(whole.label)[1].scope not in (None, named)

    def _names_whole(self, base: str, whole: Mention) -> bool:
        """Does the whole a share names (`占基本支出的`, `占总支出的`) name the list's total? A generic word
        (总, 全部, 全年) before the name names any total of it."""
        named, said = self.labeller.identify(base)
        total, own = self.labeller.identify(whole.label)
        if said.fund and said.fund != own.fund and named != total:
            # `“三保”支出共计 T，其中…，占一般公共预算支出的 p%`: the fund's whole spending, not the list's total
            return False
        if base.startswith("本年") and "本年" not in whole.label and not total.startswith("本年"):
            # `收入预算 X，其中…，占本年收入的 p%`: this year's income, without the carry-over X holds; a 收入合计 is
            # the year's own (its item 本年收入合计), a 收入总计 is not
            return False
        if not named and said.stage is not None:
            return False  # `占全年预算的 p%`: of the part's own budget, not of the list's total
        named = GENERIC_WHOLE.sub("", named)
        return not named or not total or named in total or total in named

    def _breakdown(
        self,
        b: _Breakdown,
        si: int,
        para: int,
        mentions: list[Mention],
        qualified: Mention | None = None,
        before: list[object] | None = None,
        outer: tuple[Mention | None, list[Mention]] = (None, []),
    ) -> Mention | None:
        """A total and its parts; `qualified` is the head when the list follows it past a qualifying ratio; `outer`
        the whole and the parts so far of the list this one is a part of."""
        # `限额和余额分别为 X、Y，其中一般债务限额和余额分别为 a、b，…`: the list breaks down both figures of the
        # 分别 pair in turn, not the last one alone (which part is whose is not read)
        paired = (
            b.head is not None and not b.head.label.strip("，、 ") and bool(mentions) and "分别" in mentions[-1].label
        )
        if (
            b.head is not None
            and before is not None
            and changed_by(b.head.label, [p.label for p in b.parts if isinstance(p, _Entry)])
        ):
            # `比上年下降 20.3%，减收 24.61 亿元，其中国有土地使用权出让收入 …`: the list is of the figure that
            # changed, not of what it changed by (a list of the change repeats its word: `其中调增人员经费 …`)
            mentions.append(self._mention(b.head, si, para))
            qualified = self._qualified_head([*before, b.head], mentions)
            b = replace(b, head=None)
        head, qualified = self._list_head(b, si, para, mentions, qualified)
        if head is not None and self._in_reasons(head, b.keyword, si):
            # `增加 92 辆，系购置 a 辆、报废 b 辆所致；其中…`: of what the sentence is about, not of b
            head = qualified = None
        self._head_clauses(b, si, mentions, head, outer)
        head = _counted_before(head, b, mentions)
        parts = self._not_of_another(self._reattach(self._parts(b, si, para, mentions, head)))
        if head is not None and names_itself(head, parts):
            # `本年收入合计 A，上年结转 B，其中：甲 a，占 p%；…；上年结转 B，占 q%`: the list, and its shares, are of a
            # whole holding B (A + B), not of B
            self._unshare(head, parts)
            head = None
        if b.keyword.startswith(("（", "(")):
            # a list in brackets is a note on its head: what the sentence says next is of the head again
            self.d.bracketed.update(id(p) for p in parts)
        if head is qualified and _of_the_change(before, parts):
            head = None  # `比年初调增 30 万元，其中调增人员经费 12 万元、调增公用经费 18 万元`: the change's parts
        for p in b.noted:  # figures in brackets after a part: mentions of their own, not parts of this list
            if isinstance(p, _Entry):
                noted = self._mention(p, si, para)
                self.d.noted.add(id(noted))
                mentions.append(noted)
            elif isinstance(p, _Breakdown):
                self._breakdown(p, si, para, mentions)
            else:
                self._clause(p, si, mentions)
        if head is None or paired or self._apart(head, parts, si):
            return None
        # (a member's figure at another stage ends the list, `…县级 d，实际到位 e`: the members before it may be all
        # of them or some, which is not said)
        listed = before_restaged(self._portions(parts), head.label)
        cut = len(listed) < len(parts)
        head = self._of_either_stage(head, listed, mentions)
        if head is None:
            return None
        parts = self._kept(head, listed)
        if parts:
            kw = b.keyword.strip("：，:（(；、")
            self._record(head, parts, kw, si, open_ended=cut)
            self._listed_shares(b, si)
        return head

    def _in_reasons(self, figure: Mention, keyword: str, si: int) -> bool:
        """Does the figure before a list's keyword stand in a clause giving the reasons for a change, closed before the
        keyword: by the words closing reasons (`…，系购置 a、报废 b 所致；其中…`) or, in a clause opening with the
        words giving them, by a semicolon (`…，主要是 A 增加 a；其中…`)? A list after the reasons takes up what the
        sentence is about, which is not said for certain; none of their figures is its whole."""
        text, sent = self.doc.text, self.doc.sentences[si]
        at = text.find(keyword, figure.quantities[-1].end, sent.end) if figure.quantities else -1
        if at < 0:
            return False
        gap = text[figure.quantities[-1].end : at + len(keyword)]
        if REASONS_CLOSING.search(gap):
            return True
        if SEMICOLON.search(gap) is None:
            return False
        opened = max((m.end() for m in CLAUSE_OPENER.finditer(text, sent.start, figure.start)), default=sent.start)
        return REASONS_OPENING.match(text[opened : figure.start].lstrip()) is not None

    def _unshare(self, head: Mention, parts: list[Mention]) -> None:
        """The shares of the parts read as of the head made shares of no whole known (the sentence pass's own,
        before any pass reads them)."""
        whole = {id(q) for q in head.quantities}
        own = {id(q) for p in parts for q in p.quantities}
        for s in self.facts.shares:
            if s.total is not None and id(s.total) in whole and s.part is not None and id(s.part) in own:
                s.total = None

    def _apart(self, head: Mention, parts: list[Mention], si: int) -> bool:
        """Are the parts figures of their own, not parts the head adds up? Score pairs, counts of the parts, a part
        evaluated on its own (`评价得分 87 分；其中项目支出部分得分 91 分，单独评定为“优”`), one sample's stages (`其中学生
        问卷发放 800 份、回收 782 份、有效 770 份`), one fund's sources and uses (`其中财政拨款全年可用资金 a，财政拨款支出 b`)."""
        return (
            _score_pairs(parts)
            or _counts_the_parts(head, parts)
            or counts_subordinates(head)
            or self._graded_apart(parts, si)
            or scored_apart(head, parts)
            or survey_stages(parts)
            or sources_and_uses(parts)
            or income_and_cost(parts)
            or self._restates_the_pair(head, parts)
        )

    def _restates_the_pair(self, head: Mention, parts: list[Mention]) -> bool:
        """Do two parts name, in order, the figure listed right before the head and the head (`偿还本金 A、支付利息 B，
        其中县本级偿还本金 a、付息 b`; `新增债券 A、再融资债券 B，其中县本级新增债券 a、再融资债券 b`)? The list then
        gives the pair again at a part's scope or kind, each figure a part of its own one, and none of it adds up to B
        alone. A name ends on its noun: each part shares a longer ending with its own figure than with the other."""
        before = self._listed_before(head)
        if before is None or len(parts) != 2:
            return False
        names = [self.labeller.identify(m.label)[0] for m in (before, head, *parts)]
        first, second = (len(common_tail(names[2], n)) for n in names[:2])
        own, other = (len(common_tail(names[3], n)) for n in names[1::-1])
        return first >= 2 and first > second and own > other

    def _listed_before(self, head: Mention) -> Mention | None:
        """The figure of the head's sentence right before it, joined to it by `、` or `，` alone (a pair of siblings)."""
        # (the sentence's own mentions, kept as it is read: not every mention of the document)
        own = self.d.by_sentence.get(head.sentence) or []
        earlier = [m for m in own if m is not head and 0 <= m.start < head.start]
        if not earlier or not head.quantities:
            return None
        before = max(earlier, key=lambda m: m.start)
        if id(before) in self.d.parts:
            return None  # the last part of a list before (`甲 a，其中取暖费 b，乙 c`): no sibling of the head
        between = self.doc.text[before.quantities[-1].end : head.start]
        return before if PAIR_JOINED.fullmatch(between) else None

    def _head_clauses(
        self,
        b: _Breakdown,
        si: int,
        mentions: list[Mention],
        head: Mention | None,
        outer: tuple[Mention | None, list[Mention]],
    ) -> None:
        """The ratios and changes of a list's head written before its keyword (`A a，较上年减少 Δ，其中 …`), read before
        its parts, as the enclosing list (`outer`: its whole and parts so far) reads a part's clauses."""
        whole, siblings = outer
        own = [*siblings, *([head] if head else [])]
        for q in b.quals:
            self._clause(q, si, mentions, "", whole if own else None, own)

    def _kept(self, head: Mention, parts: list[Mention]) -> list[Mention]:
        """The parts the list records of its head: within the whole, gross; none of a net over- or under-collection
        they do not make exactly (`短收 520 万元，主要是企业所得税短收 3725 万元…`: what made a net movement may each
        be more than it, others having moved the other way)."""
        parts = within_whole(self.labeller, head, self._gross(head, parts))
        parts = self._of_head_stage(head, parts)
        # (what a part changed by, named by the move alone: `购置费 a，上年未安排，本年新增 a`: no part of its own)
        parts = [p for p in parts if not CHANGE_AMOUNT.match(p.label)]
        return [] if NET_MOVE.search(head.label) and not _complete(head, parts) else parts

    def _of_either_stage(self, head: Mention, parts: list[Mention], mentions: list[Mention]) -> Mention | None:
        """The whole of a list after money named as arrived, itself after the money allotted (`共下达 A，实际到位 B，
        其中：甲 a，乙 b`), whose parts name no stage: the one of the two the parts make, or none (which one it is
        the words do not say; a list of some parts may be of either)."""
        if not ARRIVED.search(head.label) or any(ARRIVED.search(p.label) for p in parts):
            return head
        whole = exact_figure(head)
        if whole is None:
            return head
        unit = whole.base_unit
        others = [
            m
            for m in mentions
            if m is not head
            and m.sentence == head.sentence
            and m.start < head.start
            and (q := exact_figure(m)) is not None
            and q.base_unit == unit
            and q.base_value != whole.base_value
            and id(m) not in self.d.parts
        ]
        if not others:
            return head
        listed = [q for p in parts if (q := p.of_unit(unit)) is not None and q.exact]
        if len(listed) < len(parts):
            return None
        return next((t for t in [head, *others] if (q := exact_figure(t)) is not None and foots(q, listed)), None)

    def _portions(self, parts: list[Mention]) -> list[Mention]:
        """The parts, each followed by a portion of it (`包括上年结转 B 和本年下达资金 C 中已到位的 D`) left out: the
        list counts the portion D it names, not the whole C it is taken from (A = B + D)."""
        text = self.doc.text
        portion = [
            bool(a.quantities and b.quantities)
            and PORTION_OF_BEFORE.fullmatch(text, a.quantities[-1].end, b.quantities[0].start) is not None
            for a, b in zip(parts, parts[1:])
        ]
        return [p for k, p in enumerate(parts) if not (k < len(portion) and portion[k])]

    def _of_head_stage(self, head: Mention, parts: list[Mention]) -> list[Mention]:
        """The parts up to the first stating the other side of a plan and its outcome than the head: `全年预算 T，其中
        当年财政拨款 a；全年执行 b` — b is what was spent of T, no part of it (nor is what follows it)."""
        stage = self.labeller.identify(head.label)[1].stage
        if stage not in PLAN_STAGES and stage not in OUTCOME_STAGES:
            return parts
        other = OUTCOME_STAGES if stage in PLAN_STAGES else PLAN_STAGES
        cut = next((k for k, m in enumerate(parts) if self.labeller.identify(m.label)[1].stage in other), len(parts))
        return parts[:cut]

    def _listed_shares(self, b: _Breakdown, si: int) -> None:
        """`其中：税收收入 a、非税收入 b，分别占 p%、q%`: the shares after 分别 go one to each part listed right
        before, in order, as after a `分别为` list (`_respective_shares`); their whole is the one the shares
        name or, naming none, the list's total (found by the linking passes)."""
        at = next((k for k, x in enumerate(b.parts) if _opens_respective(x)), None)
        if at is None:
            return
        run: list[_Entry] = []
        for x in reversed(b.parts[:at]):
            if not isinstance(x, _Entry) or not any(q.kind in ("amount", "count") for q in x.qs):
                break
            run.insert(0, x)
        if len(run) >= 2:
            self._respective_shares(b.parts, run, si)

    @staticmethod
    def _of_the_compared(b: _Breakdown) -> bool:
        """Is the list's head the gap to a figure (`余额 X，低于限额 B，其中一般债务余额 a…`) whose parts name the
        item compared (余额), not the one it is compared with (限额: `低于限额 B（其中：一般债务限额 a…）`)?"""
        assert b.head is not None
        gap = GAP.search(b.head.label)
        if gap is None:
            return False
        against = GAP_WORD.sub("", gap.group())[-2:]  # the noun compared with (`限额`)
        names = [p.label for p in b.parts if isinstance(p, _Entry)]
        return bool(names) and not any(against in n for n in names)

    def _list_head(
        self, b: _Breakdown, si: int, para: int, mentions: list[Mention], qualified: Mention | None
    ) -> tuple[Mention | None, Mention | None]:
        """The figure a list breaks down (and the qualified head, as it stands after reading the list's own)."""
        if b.head is not None and (b.head.of is not None or (mentions and self._of_the_compared(b))):
            # `收入 X，完成预算 B 的 p%，主要是…` / `…，占全市收入 B 的 p%；其中…`: B is the base of the figure's
            # percentage; `余额 X，低于限额 B，其中…`: B is the limit X is compared with; the list is X's, not B's
            if b.head.of is not None:
                self._of_ratio(b.head, si, mentions)
            figure = mentions[-1] if mentions else None
            mentions.append(self._mention(b.head, si, para))
            return figure, figure
        head = self._mention(b.head, si, para) if b.head is not None else qualified
        if head is not None and head is not qualified:
            mentions.append(head)
        if head is not None and changed_from(self.d, head):
            return None, qualified  # `调入资金由 A 调增至 B，其中…`: the list is of B, which no mention holds
        return head, qualified

    def _parts(self, b: _Breakdown, si: int, para: int, mentions: list[Mention], head: Mention | None) -> list[Mention]:
        parts: list[Mention] = []
        dims = {q.base_unit for q in head.quantities} if head is not None else set()
        ended = False
        run = 0  # where the parts a `等` subtotal would close begin
        previous: object = None
        sent = self.doc.sentences[si]
        within = Within(self.doc.text, self.doc.text[sent.start : sent.end])
        for k, p in enumerate(b.parts):
            named, previous = name_in(previous), p
            if not ended and self._within(p, named, parts, within, mentions):
                # `…；乙 b，乙中丙 c；丁 d`: c is b's part (or, past a comma, maybe b's), no item of this list
                continue
            if self._noted_progress(p, parts, ended, si, para, mentions):
                continue
            if isinstance(p, _Entry) and parts and not ended and self._closes_named(p):
                # `其中：增值税 A、契税 B 等税收收入 C，非税收入 D`: C is the sum the named parts are some of,
                # and the list's part in their place
                closing = self._mention(p, si, para, head)
                mentions.append(closing)
                self._keep(Breakdown(closing, parts[run:], "等", False, si))
                parts[run:] = [closing]
                run = len(parts)
                continue
            if (count := _count_of_next(b.parts, k, dims, ended)) is not None:
                mentions.append(self._mention(count, si, para))
                continue
            ended = ended or self._ends_at(p, head, parts, dims, b.parts[k + 1 :])
            if isinstance(p, _Entry) and p.of is not None and parts:
                # `其中土地出让收入 a，完成年度计划 B 的 p%`: B is what the part before is a rate of, no part itself
                self._of_ratio(p, si, mentions, head, parts)
                mentions.append(self._mention(p, si, para))
            elif isinstance(p, _Entry):
                m = self._mention(p, si, para, None if ended else head)
                mentions.append(m)
                if not ended:
                    parts.append(m)
            elif isinstance(p, _Breakdown):
                self._nested(p, si, para, mentions, head, parts, ended)
            else:
                # `其中公务用车购置及运行费比上年减少 Δ`: the clause names what changed; one the list goes on after
                # (`其中：A a（比上年增长 p%），B b`) is of the part before it, the list's total being not yet made
                goes_on = bool(parts) and not ended and self._list_goes_on(b.parts[k + 1 :], head, parts, dims)
                self._clause(p, si, mentions, named, head if parts and not named and not goes_on else None, parts)
        self._record_within(within, si)
        return self._parts_read(b, head, parts, mentions, si)

    def _parts_read(
        self, b: _Breakdown, head: Mention | None, parts: list[Mention], mentions: list[Mention], si: int
    ) -> list[Mention]:
        """The list's parts as read, with those resumed after a note; none where the whole is what was done and the
        items are stated with what was done of them (`_done_over_progress`)."""
        if self._done_over_progress(si, head):
            return []
        counted = _counted_on(b, head, parts, mentions)
        if counted is not None:
            return counted
        return parts + self._resumed(b, head, parts, mentions, si)

    def _noted_progress(
        self, p: object, parts: list[Mention], ended: bool, si: int, para: int, mentions: list[Mention]
    ) -> bool:
        """`…未及时盘活 a，已收回 b；…`: is the entry b, what was done of the part a before it (a note on a, no item of
        the list, not ended yet)? Its mention is made here, noted, and the sentence marked as stating its items'
        progress."""
        if ended or not isinstance(p, _Entry) or len(p.qs) != 1 or p.of is not None:
            return False
        if not self._progress_of_last(p.label, p.qs[0], parts, self.doc.sentences[si].end):
            return False
        progress = self._mention(p, si, para)
        mentions.append(progress)
        self.d.noted.add(id(progress))
        self.d.progress.add(si)
        return True

    def _done_over_progress(self, si: int, head: Mention | None) -> bool:
        """`已整改 B，其中，未缴库 a 已全部缴库；未盘活 c，已收回 d`: is the list's whole what was done (B) while its items
        are stated with what was done of them? They are then the amounts due, and B is not made of them."""
        return si in self.d.progress and head is not None and _done_act(head.label) is not None

    def _progress_of_last(self, label: str, own: Quantity, parts: list[Mention], end: int) -> bool:
        """Is the entry what was done of the part before it (`结转资金未及时盘活 a，已收回 b；…`): named by a done act,
        set off from that part by a comma alone and closing its item in a list of items parted by semicolons (one
        after it, or one before and the sentence's end after it), in its unit and not above it, the part itself
        named by no act done? (`在建 a，已竣工 b，已验收 c` and `在建 a，已竣工 b。`, parted by commas, are kinds side by
        side; `需要整改的金额 a，已整改 b` ends the list there: `_done_of_due`.)"""
        if not parts or not parts[-1].quantities:
            return False
        last = parts[-1].quantities[-1]
        if _done_act(label) is None or _done_act(parts[-1].label):
            return False
        if _done_of_due(parts[-1].label, label) or own.base_unit != last.base_unit or own.base_value > last.base_value:
            return False
        text = self.doc.text
        if CLAUSE_END_MARKS.search(text, last.end, own.start):
            return False
        # (the items parted by semicolons: this one closed by one, or the last closed by the sentence's end)
        if ITEM_CLOSED.match(text, own.end, end) is not None:
            return True
        parted = SEMICOLON.search(text, parts[0].start, parts[-1].start) is not None
        return parted and (own.end >= end or SENTENCE_CLOSED.match(text, own.end, end) is not None)

    def _list_goes_on(self, rest: list[object], head: Mention | None, parts: list[Mention], dims: set[str]) -> bool:
        """Is the next item past a clause (and the clauses right after it, `增加 Δ，增长 p%`) a further part of the
        list, a figure in the total's money that does not end it?"""
        for k, p in enumerate(rest):
            if isinstance(p, (_Rate, _Change)):
                continue
            if not isinstance(p, _Entry) or p.of is not None or head is None:
                return False
            in_money = any(q.kind == "amount" and q.base_unit in dims for q in p.qs)
            return in_money and not self._ends_at(p, head, parts, dims, rest[k + 1 :])
        return False

    def _ends_at(
        self, p: object, head: Mention | None, parts: list[Mention], dims: set[str], rest: list[object]
    ) -> bool:
        """Does the list end at the item p (what follows is no part of it)?"""
        if self._ends_list(p, head, parts, dims):
            return True
        # `支出 X，其中基本支出 a、项目支出 b，预算执行率 r%，年末结余 c`: the parts before the clause make the total
        # already, and a figure after it would exceed it: that figure is a statement of its own (a remainder), not a
        # third part (a zero may still be one: `…0%；公务接待费 0.00 万元`)
        return (
            isinstance(p, (_Rate, _Change))
            and head is not None
            and len(parts) >= 2
            and _complete(head, parts)
            and _nonzero_next(rest)
        )

    def _within(self, p: object, named: str, parts: list[Mention], within: Within, mentions: list[Mention]) -> bool:
        """Is the entry no item of the list, named as within one of its parts (`乙中丙 c`: that part's, recorded so)
        or in doubt between the two? Its mention is made here. A share stated with it naming no whole may be of the
        part or of the list's total, which is not said: a share of no figure known."""
        if not (isinstance(p, _Entry) and parts and p.of is None):
            return False
        off, owner = within.place(p, named, parts)
        if not off:
            return False
        si, para = parts[-1].sentence, parts[-1].paragraph
        m = self._mention(p if p.share_base else replace(p, share=None), si, para)
        mentions.append(m)
        if p.share is not None and not p.share_base:
            self.facts.shares.append(Share(p.share, None, None, "", si, certain=False))
        if owner is not None:
            within.add(owner, m)
        else:
            self.d.noted.add(id(m))
        return True

    def _record_within(self, within: Within, si: int) -> None:
        """The parts of a list's parts named as within them (`乙中丙 c`), each run as its part's breakdown."""
        for part, inner in within.found:
            self._record(part, inner, "中", si)

    def _nested(
        self,
        p: _Breakdown,
        si: int,
        para: int,
        mentions: list[Mention],
        head: Mention | None,
        parts: list[Mention],
        ended: bool,
    ) -> None:
        """A list within a list: of a part (`其中：A a，其中 a1 …`), a part of the outer one, or past the parts."""
        if not ended and self._list_past_the_parts(p, si, para, mentions, head, parts):
            return
        sub = self._breakdown(p, si, para, mentions, outer=(head, parts))
        if sub is not None and not ended:
            parts.append(sub)
            self._share_of_subtotal(sub, head)

    def _list_past_the_parts(
        self, p: _Breakdown, si: int, para: int, mentions: list[Mention], head: Mention | None, parts: list[Mention]
    ) -> bool:
        """`采购预算 T，按品目分为货物 a、工程 b 和服务 c；其中面向中小企业 X`: c is the list's last part, and past the
        semicolon the list after it is of the total the parts made up again, not of c (of neither, as far as is
        known, where they do not make it and X exceeds c). False where the list is read as c's."""
        past = self._past_the_parts(p, head, parts)
        if not past or not isinstance(p.head, _Entry):
            return False
        m = self._mention(p.head, si, para, head)
        mentions.append(m)
        parts.append(m)
        self._breakdown(replace(p, head=None), si, para, mentions, qualified=head if past == "total" else None)
        return True

    @staticmethod
    def _past_the_parts(p: _Breakdown, head: Mention | None, parts: list[Mention]) -> str:
        """Of what is a list that opens past a semicolon after a list's part: "total" where that part, with the
        parts before it, makes the list's total exactly; "" (the part's, as read) where the list's first figure
        fits in the part; "none" where it exceeds it."""
        if head is None or not parts or not isinstance(p.head, _Entry) or not p.head.qs:
            return ""
        whole = exact_figure(head)
        if whole is None or p.keyword.lstrip()[:1] not in "；;":
            return ""
        last = p.head.qs[0]
        listed = [q for m in parts if (q := m.of_unit(whole.base_unit)) is not None]
        if (
            last.base_unit == whole.base_unit
            and sum((q.base_value for q in listed), last.base_value) == whole.base_value
        ):
            return "total"
        first = next((e.qs[0] for e in p.parts if isinstance(e, _Entry) and e.qs), None)
        over = first is not None and first.base_unit == last.base_unit and first.base_value > last.base_value
        return "none" if over else ""

    def _resumed(
        self, b: _Breakdown, head: Mention | None, parts: list[Mention], mentions: list[Mention], si: int
    ) -> list[Mention]:
        """`购置及运行费 T，其中购置费 a，用于更新 2 辆…，运行费 b`: a list ended at a figure of none of its units
        right after its last part (the clause of a part's use) goes on after it where the figures there complete
        the total exactly, or name a thing the total's name joins: those parts. The figures after the cut are no
        items of a list the sentence opens either way (which list they are of is not certain otherwise)."""
        if head is None or not parts or not parts[-1].quantities:
            return []
        dims = {q.base_unit for q in head.quantities}
        # (a part after the cut may open a list or a clause of its own, `运行费 b，比上年增加 Δ，主要是…`: its figure)
        heads = (p.head if isinstance(p, _Breakdown) else p for p in b.parts)
        entries = [p for p in heads if isinstance(p, _Entry) and p.qs and p.qs[0].start > parts[-1].quantities[-1].end]
        if not entries or not _foreign(entries[0], dims):
            return []
        after = {id(e.qs[0]) for e in entries[1:] if not _foreign(e, dims)}
        resumed = [m for m in mentions if m.quantities and id(m.quantities[0]) in after]
        self.d.noted.update(id(m) for m in resumed)
        completing = _completing(Breakdown(head, parts, "", False, si), resumed)
        return completing or list(takewhile(lambda m: _component_of(head.label, m.label), resumed))

    def _sibling(self, head: Mention, p: _Entry, parts: list[Mention]) -> bool:
        """Is the entry a clause of its own naming the kind beside the head's (`一般债务还本 A，其中市本级 a；专项债务
        还本 B`), after a semicolon? (Set off by a comma, `专项债券 X，其中新增专项债券 a，再融资一般债券 b`, the words
        may be loose and the figures the parts.)"""
        if not p.qs or not _parallel(head.label, p.label):
            return False
        before = parts[-1] if parts else head
        end = before.quantities[-1].end if before.quantities else before.start
        return "；" in self.doc.text[end : p.qs[0].start]

    def _parted_by_level(self, head: Mention, p: _Entry, parts: list[Mention]) -> bool:
        """Does the entry cut the whole by level of government where the parts before it cut it by kind, or the other
        way round: two splits of one total, not one list? Two wordings, which differ in what the level's figure is:
        a level alone, of an all-levels total, with kinds named by no level (`_cut_another_way`, either order), or the
        whole's own item and fund named at another level than the whole's, whatever that is, after parts naming no
        level at all, kinds or not (`_level_beside_kinds`)."""
        if not parts or not p.qs:
            return False
        return self._cut_another_way(head, p, parts) or self._level_beside_kinds(head, p, parts)

    def _level_beside_kinds(self, head: Mention, p: _Entry, parts: list[Mention]) -> bool:
        """`全市基金收入 X，其中土地出让收入 a；市本级基金收入 Y`: an entry naming the whole's own item of the same
        fund, but of another level, after parts that are kinds of the item and name no level, is the whole split
        another way (by level), stated of its own: no further kind of the list. (A list of levels, `其中市本级 a；
        区县 b`, names a level in its first part already and is read on.) Parts and entry, as `_parted_by_level`
        asks."""
        item, whole = self.labeller.identify(head.label)
        own_item, own = self.labeller.identify(p.label)
        if not own.known("scope") or own.scope == whole.scope or own_item != item or own.fund != whole.fund:
            return False
        return not any(self.labeller.identify(m.label)[1].known("scope") for m in parts)

    def _subject_again(self, head: Mention, p: _Entry, parts: list[Mention]) -> bool:
        """`母公司实现营业收入 R，净利润 N，其中分红 a；母公司期末总资产 T`: past a semicolon, a figure named with the
        words its sentence opens with (the subject, stated again) and alone above the list's total is a statement
        of its own about that subject, no part."""
        whole = exact_figure(head)
        if not parts or not p.qs or whole is None or not parts[-1].quantities:
            return False
        if "；" not in self.doc.text[parts[-1].quantities[-1].end : p.qs[0].start]:
            return False
        own = p.qs[0]
        if own.base_unit != whole.base_unit or own.base_value <= whole.base_value:
            return False
        name = p.label.lstrip("，、；：; ")
        start = self.doc.sentences[parts[0].sentence].start
        opening = self.doc.text[start : start + len(name)]
        common = len(list(takewhile(lambda ab: ab[0] == ab[1], zip(name, opening))))
        return common >= 2

    def _kind_again(self, head: Mention, p: _Entry, parts: list[Mention]) -> bool:
        """`共回收学生及家长有效问卷 W 份，其中满意的 a 份；回收教师有效问卷 V 份`: past a semicolon, a figure named as
        the whole is, with the same act and the same thing (回收…有效问卷) but another group in between, is the
        whole's sibling, stated of its own; a whole named without a group (`回收有效问卷 W，其中…；回收教师问卷 b`)
        may be made of such figures, so it keeps them."""
        if not parts or not p.qs or not parts[-1].quantities:
            return False
        if "；" not in self.doc.text[parts[-1].quantities[-1].end : p.qs[0].start]:
            return False
        whole = ALL_OF.sub("", head.label.strip("，、；：:, "))
        own = ALL_OF.sub("", p.label.strip("，、；：:, "))
        lead, tail = len(commonprefix([whole, own])), len(common_tail(whole, own))
        return lead >= 2 and tail >= 2 and len(whole) > lead + tail and len(own) > lead + tail

    def _past_a_closed_run(self, head: Mention, p: _Entry, parts: list[Mention]) -> bool:
        """Does the entry follow, past a comma, a run of parts joined by 、 that make the whole already
        (`采购预算 T，其中货物 a、服务 b，预留中小企业 c，占 p%`: c cuts across a and b, no third part)?"""
        if len(parts) < 2 or not p.qs or p.qs[0].value <= 0 or not parts[-1].quantities:
            return False
        text = self.doc.text
        # (the commas of thousands in the figures, `1,520.00`, join no parts)
        joined = THOUSANDS.sub("", text[parts[0].start : parts[-1].start])
        if "、" not in joined or any(mark in joined for mark in "，,；;"):
            return False
        gap = text[parts[-1].quantities[-1].end : p.qs[0].start]
        return any(mark in gap for mark in "，,；;") and _complete(head, parts)

    def _entry_ends_list(self, p: _Entry, head: Mention, parts: list[Mention], dims: set[str]) -> bool:
        """Does a figure's entry end the list before it is read as a part?"""
        # a part on the other side than the list's first (`…收入 58.62 亿元；预算支出安排 81.37 亿元`)
        side = parts[0].label if parts and _other_side(parts[0].label, head.label) is False else ""
        return (
            _ends_parts(p, dims, not parts, side)
            or self._beside(head, p)
            or self._parted_by_level(head, p, parts)
            or self._sibling(head, p, parts)
            or _retired_beside(head, p.label, parts)
            or self._past_a_closed_run(head, p, parts)
            or _past_a_footed_list(self.doc.text, head, p, parts)
            or self._subject_again(head, p, parts)
            or self._kind_again(head, p, parts)
            or self._outer_semicolon(head, p, parts)
            or self._past_a_joined_last(head, p, parts)
            or _balance_under_flow(head.label, p.label)
            or _stock_rolled_past(head.label, p.label, parts)
            or _basis_of_working(self.doc.text, p)
            or _undone_of(head.label, p.label)
            or (bool(parts) and _done_of_due(parts[-1].label, p.label))
            or (bool(p.qs) and _undone_after(head.label, self.doc.text[p.qs[-1].end : p.qs[-1].end + 8]))
        )

    def _past_a_joined_last(self, head: Mention, p: _Entry, parts: list[Mention]) -> bool:
        """Does the entry follow, past a comma or a semicolon, a part joined to the one before by 和/及/以及 (`新增债券
        T，包括一般债券 a 和专项债券 b，再融资债券 c`)? The word joins a list's last item to it: the enumeration closed
        there, and c is a sibling of T in the sentence, not a third part. (An entry joined again, `…，以及 C c`, goes
        on with the list; so does one with which the parts make the total exactly, the writer's list having run on.)"""
        if len(parts) < 2 or not p.qs or not parts[-2].quantities or not parts[-1].quantities:
            return False
        text = self.doc.text
        joined = text[parts[-2].quantities[-1].end : parts[-1].start]
        if not LAST_JOINED.match(joined) or CLAUSE_MARKS.search(joined):
            return False
        gap = text[parts[-1].quantities[-1].end : p.qs[0].start]
        if not CLAUSE_MARKS.search(gap) or JOINED_AGAIN.match(gap):
            return False
        whole = exact_figure(head)
        listed = [q for m in parts if (q := m.of_unit(whole.base_unit)) is not None] if whole is not None else []
        return whole is None or not foots(whole, [*listed, p.qs[0]])

    def _outer_semicolon(self, head: Mention, p: _Entry, parts: list[Mention]) -> bool:
        """Is the entry past a semicolon, in a list whose whole is itself an item of a run parted by semicolons
        (`…，其中：A a；B b，其中 b1；C c。`: C is the outer run's next item, not a part of B)? A list opened with a colon
        (`B b，其中：b1 x；b2 y`) may part its own items so: not read there."""
        if not parts or not p.qs or not parts[-1].quantities or not head.quantities:
            return False
        text = self.doc.text
        k = head.start - len(head.label)
        while k > 0 and text[k - 1].isspace():
            k -= 1  # (back past the spaces before the whole's name, as rstrip would, without a copy of the text)
        if text[k - 1 : k] not in ("；", ";"):
            return False
        opening = text[head.quantities[-1].end : parts[0].start]
        gap = text[parts[-1].quantities[-1].end : p.qs[0].start]
        return ("；" in gap or ";" in gap) and "：" not in opening and ":" not in opening

    def _ends_list(self, p: object, head: Mention | None, parts: list[Mention], dims: set[str]) -> bool:
        """Does the item end the list before it is read as a part?"""
        if isinstance(p, _Entry) and head is not None:
            return self._entry_ends_list(p, head, parts, dims)
        if isinstance(p, _Breakdown) and head is not None and p.head is not None:
            # `县本级收入 X，其中…；乡镇收入 Y，其中…`: another level's own list; `编制 X 人，其中 a；实有 Y 人，其中 b`:
            # after one part and a semicolon, a figure with a list of figures of its own is a statement of its own
            # (not `其中：人员经费 a，主要包括工资…；公用经费 b，主要包括…`: a part and the words of what it holds)
            # (one stated with its share, `事业收入 b（占 q%），其中…`, is a part of the list's total all the same)
            parallel = (
                len(parts) == 1
                and p.head.share is None
                and any(isinstance(x, _Entry) and x.qs for x in p.parts)
                and "；" in self.doc.text[parts[0].quantities[-1].end : p.head.qs[0].start]
                and not self._announced_items(head, parts[0])
            )
            return parallel or self._beside(head, p.head)
        # `…，加上上级补助收入、调入资金等 3.4 亿元`: added to the list, not in it; `A、B、C 等，…`: the list closed;
        # `其中一般债务余额 a、专项债务余额 b，债务余额控制在限额之内，限额空间 c`: a clause about the whole again
        if not (is_label(p) and parts):
            return False
        text = str(p).lstrip("，、；：")
        return bool(ADDED.match(text)) or str(p).startswith("等") or (head is not None and _about_whole(head, text))

    def _announced_items(self, head: Mention, first: Mention) -> bool:
        """Is the list announced as all the whole holds, item by item (`收入总计 T，包括：本级收入 a；上级补助收入 b
        （其中：…）；…`)? The semicolons then part its items, and an item's own list is no statement of its own."""
        if not head.quantities:
            return False
        return bool(ANNOUNCED_ITEMS.search(self.doc.text[head.quantities[-1].end : first.start]))

    def _named_shares(self, items: list[object], si: int, mentions: list[Mention]) -> None:
        """`…其中税收收入 8.46 亿元，税收收入占一般公共预算收入的比重为 72.1%`: a share naming its part and its whole,
        both figures stated under those names in its sentence (or, inferred, earlier in its paragraph)."""
        flat = list(_leaves(items))
        head: _Entry | None = None  # the total of the latest list opened (read once, in order: linear)
        sent = self.doc.sentences[si]
        opened = OF_NAMED.match(self.doc.text, sent.start, sent.end)  # `“三公”经费中，A占 p%，B占 q%`
        for k in range(2, len(flat)):
            part_name, share, e = flat[k - 2], flat[k - 1], flat[k]
            if _opens_list(share) and isinstance(part_name, _Entry):
                head = part_name  # `…，其中 A a，B b，A占比 p%`: a share naming no whole is of the list's total
            if not (
                is_label(part_name)
                and isinstance(share, Token)
                and share.type == "SHARE"
                and isinstance(e, _Entry)
                and len(e.qs) == 1
                and e.qs[0].kind == "percent"
            ):
                continue
            respective = _respective_named(flat, k)
            if respective is not None:
                # `A、B、C分别占W的 p、q、r`: each name's share, in order (no share of the last name alone)
                for name, stated in respective:
                    self._named_share(name, e, stated, (head, opened), (si, mentions), flat, k)
                continue
            if _no_part_of_its_own(flat, k, self.doc.text[sent.start : sent.end]):
                continue
            self._named_share(str(part_name), e, e.qs[0], (head, opened), (si, mentions), flat, k)

    def _named_share(
        self,
        part_name: str,
        e: _Entry,
        stated: Quantity,
        lead: tuple[_Entry | None, re.Match[str] | None],
        at: tuple[int, list[Mention]],
        flat: list[object],
        k: int,
    ) -> None:
        """The share `stated` of the part `part_name` names, of the whole `e`'s words name (`_named_shares`): its
        part and whole found, or left to the passes that read a list's part named with its total's qualifier."""
        head, opened = lead
        si, mentions = at
        # (a part naming no scope is of the scope the whole's words name: `专项债务余额占全市政府债务余额的 p%`)
        scope = self.labeller.identify(e.label)[1].scope if e.label.strip() else None
        part = self._part_named(part_name, e, head, (si, scope), mentions) or _acted_on(flat, k, part_name)
        if part is None:
            if e.label.strip():  # (a list's part with its total's qualifier: links.qualified_shares)
                self.d.unread_shares.append((part_name, e.label, stated, si))
            return
        whole = self._share_whole(e, head, opened.group(1) if opened else None, part[0], (si, mentions))
        if whole is None or part[0].base_unit != whole[0].base_unit or whole[0] is part[0]:
            return  # (one figure found under both names: the words name two quantities, not read)
        if any(not self._of_the_share(x[0], stated) for x in (part, whole)):
            return
        if whole[0].base_value < part[0].base_value and stated.value <= 100:
            # `其中：甲 a，…，其他各项基金收入 b。甲占全市基金收入的 p%`: a figure below the part is not its whole,
            # whatever the end of its name (the whole's name, shortened, is the end of a smaller part's)
            return
        certain = part[1] and whole[1]
        self.facts.shares.append(Share(stated, part[0], whole[0], e.label, si, certain))

    def _compared_before(self, base: Mention, si: int, whole_named: str | None) -> Quantity | None:
        """The figure a last year's base right after it is compared with (`增值税 a，上年同期 B，增长 p%`): the
        mention before the base in its sentence, one figure of the base's unit, stated for this year (no base
        itself), with only a comma between them; where the share names its whole (else which is not said)."""
        mentions = self.facts.mentions
        if not whole_named or len(mentions) < 2 or mentions[-1] is not base:
            return None
        before = mentions[-2]
        if before.sentence != si or len(before.quantities) != 1 or len(base.quantities) != 1:
            return None
        a, b = before.quantities[0], base.quantities[0]
        if a.kind != "amount" or a.base_unit != b.base_unit or LAST_YEAR_ONLY.match(before.label.strip("，、；：（( ")):
            return None
        between = self.doc.text[a.end : b.start]
        return a if between.count("，") + between.count(",") == 1 and not any(c in between for c in "；;。") else None

    def _moved_between(self, e: _Entry) -> bool:
        """Does a change stand between the entry's figure and its share (`上年同期 B，同比上升 p%，占…的 s%`)?"""
        if e.share is None or not e.qs:
            return False
        return MOVED.search(self.doc.text, e.qs[-1].end, e.share.start) is not None

    def _of_the_share(self, q: Quantity, share: Quantity) -> bool:
        """Can a figure the share's names find be one of its operands: stated before it, or in the bracket opened
        right after it (`占 p%（新增债券 A，其中专项债券 B）`)? Figures after it elsewhere are another figure's:
        `…比重为 p%，比上年的占比 q%（上年新增债券 A，其中专项债券 B）提高…` notes last year's share."""
        if q.start < share.start:
            return True
        return OPEN_BRACKET_AFTER.fullmatch(self.doc.text, share.end, q.start) is not None

    def _part_named(
        self, name: str, e: _Entry, head: _Entry | None, at: tuple[int, str | None], mentions: list[Mention]
    ) -> tuple[Quantity, bool] | None:
        """The figure a share's part names. Of a list's total the share names no whole of (`政府债务余额合计 X，
        其中一般债务占 p%`), the part is of the total's measure (一般债务余额): stated so before, or stated in the
        sentence; a figure before named by the part's words alone is of another measure (举借一般债务)."""
        si, whole_scope = at
        measure = _measure_after(name, head.label) if head is not None and not e.label.strip() else ""
        if not measure:
            return self._named_figure(name, si, mentions, scope=whole_scope)
        # (of the total's scope too: `全省…余额合计`'s part is not `省本级一般债务余额`)
        scope = self.labeller.identify(head.label)[1].scope if head is not None else None
        found = self._named_figure((scope or "") + name + measure, si, mentions)
        if found is not None:
            return found
        found = self._named_figure(name, si, mentions)
        return found if found is not None and found[1] else None

    def _share_whole(
        self, e: _Entry, head: _Entry | None, opened: str | None, part: Quantity, at: tuple[int, list[Mention]]
    ) -> tuple[Quantity, bool] | None:
        """The whole of a share naming its part: the figure of the whole its words name (`占一般公共预算收入的`);
        naming none, the total of the list it is in, else the figure of the whole the sentence opens by naming
        (`“三公”经费中，公务接待费占 p%`), stated before under that name."""
        if e.label.strip():
            return self._named_figure(e.label, *at, besides=part, unlevelled=self._part_scope(part, at[0]) is None)
        total = next((q for q in head.qs if q.kind in ("amount", "count")), None) if head else None
        if total is not None:
            return total, True
        whole = self._named_figure(opened, *at) if opened else None
        # a part of the whole the sentence names is no more than it: figures found otherwise are not of this share
        return (
            whole
            if whole is not None and whole[0].base_unit == part.base_unit and part.base_value <= whole[0].base_value
            else None
        )

    def _part_scope(self, part: Quantity, si: int) -> str | None:
        """The scope the share's sentence names up to its part (None for none, or for two)."""
        start = self.doc.sentences[si].start
        scope = self.labeller.identify(self.doc.text[start : max(start, part.start)])[1].scope
        return None if scope == MIXED else scope

    def _one_level_of_split(self, m: Mention) -> bool:
        """Is the figure one level's in a sentence split by level of government (`按收入级次分，区级收入 a；街道收入
        b`, `其中：县本级收入 a；乡镇级收入 b`)? A share's whole named with no level (`占一般公共预算收入的`), of a part
        naming none, is the whole jurisdiction's, not one level's."""
        scope = self._level_below(m)
        if scope is None:
            return False
        if BY_LEVEL.match(self.doc.text, self.doc.sentences[m.sentence].start, m.start) is not None:
            return True
        others = {self._level_below(o) for o in self.d.by_sentence.get(m.sentence) or [] if o is not m}
        return bool(others - {None, scope})

    def _level_below(self, m: Mention) -> str | None:
        """The level below a whole jurisdiction the figure's own words name (`县本级`, `乡镇`), None for none."""
        scope = self.labeller.identify(m.label)[1].scope
        return None if scope in (None, MIXED) or scope.startswith(ALL_LEVELS) else scope

    def _named_figure(
        self,
        name: str,
        si: int,
        mentions: list[Mention],
        besides: Quantity | None = None,
        scope: str | None = None,
        unlevelled: bool = False,
    ) -> tuple[Quantity, bool] | None:
        """The one amount or count stated under the name nearest before (its sentence first, then its paragraph),
        and whether it stands in the sentence. `besides`: a share's part, passed over where its own name states
        what the name of the whole does not (`财政拨款收入 a；…。财政拨款收入占收入预算的 p%`: the income of one fund
        is an income, never the whole of all income the share names). `scope`: the scope the figure is of where
        its name states none; a figure of another one stated is passed over. `unlevelled`: neither the name nor the
        share's part names a level, and one level's figure of a split by level is passed over."""
        item, said = self.labeller.identify(SHARE_WORDS.sub("", name))
        unlevelled = unlevelled and said.scope is None
        if len(item) < 2:
            return None
        scope = said.scope or scope
        # (its paragraph, or the paragraphs under the same heading: `政府债务限额 X。` / `余额 Y，余额占限额的 p%`)
        here = self.doc.section_at(self.doc.sentences[si].start)
        sentences = [si] + [
            s
            for s in range(si - 1, max(-1, si - 4), -1)
            if self._same_paragraph(s, si) or self.doc.section_at(self.doc.sentences[s].start) is here
        ]
        # (a share's whole is of its part's year: `besides`, the part, tells which; read at the first figure that
        # states a period, `_dated_apart` scanning every mention)
        year = cache(lambda: self._share_year(besides, item, mentions))
        at = (si, besides.start if besides is not None else -1)
        # the name as an item, else as the end of one (`余额` of `年末债务余额`: the share's words shorten it)
        for same in (_same_item, str.endswith):
            for s in sentences:
                among = mentions if s == si else self.d.by_sentence.get(s) or []
                outcome = said.stage is None and self._outcome_stated(among)
                found = [
                    q
                    for m in among
                    if self._named_so(m, item, said, (scope, outcome), same)
                    for q in m.quantities
                    if q.kind in ("amount", "count")
                    and q.exact
                    and not (q is besides and _narrower(self.labeller.identify(m.label)[1], said))
                    and not (unlevelled and self._one_level_of_split(m))
                    and not self._of_another_year(m, year, at)
                ]
                if found:
                    return self._one_named(found, s == si)
        # `占下达资金总额的`: the total of what is named 下达资金 (`营养改善计划下达资金 T`), where no figure bears the name
        # with 总额 (an item of four characters at least: `支出总额`, `资产总额` are names of their own)
        summed = SUMMED_NAME.fullmatch(item)
        return self._named_figure(summed.group(1), si, mentions, besides, scope, unlevelled) if summed else None

    def _share_year(self, part: Quantity | None, item: str, mentions: list[Mention]) -> str | None:
        """The year a share's whole is looked for in (`_of_another_year`): its part's; `""` where the part's is
        not said and the whole's name is stated for two years (no dated figure is certain then); None without a
        part (a figure named otherwise than as a share's whole)."""
        if part is None:
            return None
        year = self._part_year(part, mentions)
        return "" if year == MIXED and self._dated_apart(item, mentions) else year

    def _part_year(self, part: Quantity, mentions: list[Mention]) -> str:
        """The year a share's part is of: the year its own words state (`2024年税收收入`), else the title's; `?`
        where neither says one year (a report on 2025's execution and 2026's budget, an untitled text)."""
        own = next((m for m in mentions if any(q is part for q in m.quantities)), None)
        stated = self.labeller.identify(own.label)[1].period if own is not None else None
        return _year_under(stated, self._title_context().period) or MIXED

    def _of_another_year(self, m: Mention, share_year: Callable[[], str | None], at: tuple[int, int]) -> bool:
        """Is the figure stated for another year than the share's part (`year`)? Its words name a year (`2024年
        全省收入 B`, `上年收入 B`) the part is not of: last year's base, stated beside this year's figures, is not
        the whole a share of this year's part is of (`…税收收入占一般公共预算收入的比重为 p%`). Where the part's year
        is not known (`?`: a report on 2025's execution and 2026's budget), a figure its words date to the year
        before (`上年`) is passed over, and one of a sentence before dated to a year earlier than one the text names
        between it and the part (`2024年收入为 B。2025年收入增长 r%。`): a past year's base, beside the year the
        part is of. Where the whole's name is stated for two years (`""`), every dated figure is."""
        stated = self.labeller.identify(m.label)[1].period
        year = share_year() if stated is not None else None
        if stated is None or year is None:
            return False
        if not year:
            return True
        if year != MIXED:
            named = _year_under(stated, year)
            return named is not None and named != year
        if stated.startswith("-"):
            return True
        # (`at`: the share's sentence and where its part stands; a whole in the part's sentence is of its year)
        named = _year_under(stated, None)
        later = self._latest_year_between(m.start, at[1]) if m.sentence != at[0] else None
        return named is not None and later is not None and later > int(named)

    def _dated_apart(self, item: str, mentions: list[Mention]) -> bool:
        """Is the whole's name stated for two different years in what was read so far (`2025年收入 A，增长 p%。…
        2024年收入 B。`)? Then which one a share of a part whose year is not said is of is not certain."""
        years = {
            _year_under(self.labeller.identify(m.label)[1].period, None)
            for m in (*self.facts.mentions, *mentions)
            if m.period and m.quantities and self.labeller.identify(m.label)[0].endswith(item)
        }
        return len(years - {None}) > 1

    def _named_so(
        self,
        m: Mention,
        item: str,
        said: Context,
        where: tuple[str | None, bool],
        same: Callable[[str, str], bool],
    ) -> bool:
        """Is the mention's figure one of the item the words name, as they say it (`where`: the scope it is of and
        whether an outcome is stated beside it)?"""
        scope, outcome = where
        named = self.labeller.identify(m.label)
        return (
            same(named[0], item)
            and said.agrees(named[1])
            and not self._of_other_scope(m, scope)
            and not (outcome and named[1].stage in PLAN_STAGES)
            # (`非税收入完成年初预算 B 的 p%`: B, named by the outcome's verb and the plan, is the plan; a share
            # naming no stage is not of it, nor of a figure its words leave as uncertain)
            and not (said.stage is None and named[1].stage == MIXED)
            and not _remainder_of(named[0], item)
        )

    def _one_named(self, found: list[Quantity], here: bool) -> tuple[Quantity, bool] | None:
        """The one figure of those stated under a name: one value, or the total of a list whose parts are all
        the others (`限额 X，其中一般债务限额 a、专项债务限额 b`: `限额`, unqualified, names the total, the parts
        each narrowed by their own word)."""
        if len({q.base_value for q in found}) == 1:
            return found[0], here
        listed = list_total(self.facts.breakdowns, found)
        # (the list's total by the first figure its total states)
        return (listed[1], here) if listed is not None and listed[1] is listed[0].total.quantities[0] else None

    def _outcome_stated(self, mentions: list[Mention]) -> bool:
        """Does one of the figures state an outcome (决算数, 执行数)?"""
        return any(self.labeller.identify(m.label)[1].stage in OUTCOME_STAGES for m in mentions if m.quantities)

    def _cut_another_way(self, head: Mention, p: _Entry, parts: list[Mention]) -> bool:
        """Does the entry part an all-levels total another way than the parts before it (`全市收入 X，其中市本级 a；
        税收收入 b`: a by the level of government that collects it, b by what kind of income it is)? Both are of
        the total, but not beside each other: the first split ended before b (a part named by its level alone and
        one named by a kind of the total with no level, in either order). A level's own total (`市级支出 X，其中市本级
        支出 a，对区县转移支付 b`) is parted by use, not by level: not read so. Parts and entry, as `_parted_by_level`
        asks."""
        whole, said = self.labeller.identify(head.label)
        if not (said.scope or "").startswith(ALL_LEVELS):
            return False
        by_level = [self._level_alone(m.label, whole) for m in parts]
        own_level = self._level_alone(p.label, whole)
        if all(by_level) and not own_level:
            return self._kind_alone(p.label, whole)
        return own_level and not any(by_level) and all(self._kind_alone(m.label, whole) for m in parts)

    def _level_alone(self, label: str, whole: str) -> bool:
        """Is the label one level of government and no other thing than the total's item (`其中市本级`, `区县收入`)?"""
        item, said = self.labeller.identify(label)
        level = said.scope is not None and said.scope != "本级" and not said.scope.startswith(ALL_LEVELS)
        return level and item in ("", whole)

    def _kind_alone(self, label: str, whole: str) -> bool:
        """Is the label a kind of thing (`税收收入`, `一般债务`) naming no level of government, other than the total's item?"""
        item, said = self.labeller.identify(label)
        # (a fund named before the total's item is that fund's total of a unit the vocabulary does not know,
        # `经济开发区政府性基金预算收入`: a level, not a kind)
        of_a_unit = said.fund is not None and item.endswith(whole)
        return said.scope is None and not self.labeller.generic(item) and item != whole and not of_a_unit

    def _beside(self, head: Mention, p: _Entry) -> bool:
        """Is the entry beside the total rather than in it: of another level of government when the total is
        one level's own (`县本级收入 X，其中税收 a；乡镇收入 Y`), or a limit the total is kept within (`余额 X，其中…，
        均控制在限额 Y（…）以内`)?"""
        _, whole = self.labeller.identify(head.label)
        _, own = self.labeller.identify(p.label)
        if own.known("period") and own.period != whole.period and (own.period or "").startswith("-"):
            return True  # `收入 X，其中税收收入 a，上年税收收入 b`: last year's figure beside the list
        scope = whole.scope if whole.known("scope") else None
        if scope is not None and own.known("scope") and own.scope != scope and not scope.startswith(ALL_LEVELS):
            # (`市本级收入总计 T，具体为：本级收入 a；上级补助收入 b`: a bare 本级 under a level's own total is that level)
            if not (own.scope == "本级" and scope.endswith("本级")):
                return True
        return bool(LIMIT.search(p.label)) and not LIMIT.search(head.label)

    def _closes_named(self, p: _Entry) -> bool:
        """Is the entry a `等` subtotal right after the figure before it (`契税 18.20 亿元等税收收入 221.38 亿元`),
        not a name that begins with 等 (`，等级公路养护 320 万元`, `、等保测评 18 万元`)?"""
        if not p.label.startswith("等") or not p.qs:
            return False
        at = self.doc.text.rfind(p.label, 0, p.qs[0].start)
        return at > 0 and self.doc.text[at - 1] not in "，、；：。,;: \n"

    def _lists(self) -> dict[int, int]:
        """The total of each breakdown (by id) → the index of its latest breakdown. Breakdowns are only appended
        here, or replaced by one of the same total, so the map is brought up to date, not rebuilt per list."""
        breakdowns = self.facts.breakdowns
        for i in range(self._lists_seen, len(breakdowns)):
            self._list_of[id(breakdowns[i].total)] = i
        self._lists_seen = len(breakdowns)
        return self._list_of

    def _reattach(self, parts: list[Mention]) -> list[Mention]:
        """A part with a list of its own that a `；` seemed to end (`公用类支出 385.6 亿元，包括市本级 247.9 亿元，
        完成调整预算的 101.3%；市对区转移支付 137.7 亿元`): when the parts after it complete its list exactly,
        they are its parts, not its siblings."""
        lists = self._lists()
        out: list[Mention] = []
        i = 0
        while i < len(parts):
            p = parts[i]
            out.append(p)
            k = lists.get(id(p))
            run = _completing(self.facts.breakdowns[k], parts[i + 1 :]) if k is not None else []
            if run and k is not None:
                b = self.facts.breakdowns[k]
                self.facts.breakdowns[k] = Breakdown(b.total, [*b.parts, *run], b.keyword, True, b.sentence)
                self.d.parts.update(id(m) for m in run)
            i += 1 + len(run)
        return out

    def _share_of_subtotal(self, sub: Mention, head: Mention | None) -> None:
        """A nested total's own share (`本年收入 470 万元，占 94%，其中…`) is a share of the outer total."""
        if head is None:
            return
        for s in reversed(self.facts.shares):
            if s.part is not None and s.part in sub.quantities and s.total is None:
                if not PRONOUN.match(s.base_label):  # (`占该项资金的 p%`: of the item's own funds, not the total)
                    s.total = head.of_unit(s.part.base_unit)
                break


# the words a sentence may open with to say by which dimension it lists its figures (`按支出性质分，`, `从资金来源看，`):
# no figure nor item of their own
DIMENSION_OPENING = regex(r"^(?:按|从)[\u4e00-\u9fff]{2,8}(?:分|看|划分|来看)$")


def _dimension_opening(items: list[object]) -> bool:
    """Does the sentence open with the dimension its figures are listed by, then a comma (`按支出性质分，基本支出 a、
    项目支出 b，分别占…`)? The figures side by side then start after it."""
    return (
        len(items) >= 2
        and is_label(items[0])
        and DIMENSION_OPENING.match(str(items[0]).strip()) is not None
        and is_sep(items[1], "，,")
    )


def _year_under(period: str | None, outer: str | None) -> str | None:
    """The year a period names (`2024`, `2024-11`'s 2024, `-1` under 2025: 2024); None where it names none."""
    resolved = Context(period=period).under(Context(period=outer)).period if period is not None else outer
    return resolved[:4] if resolved is not None and resolved[:4].isdigit() else None
