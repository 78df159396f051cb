"""The sentence pass: each sentence parsed and read by the families of readings, in the order they build on."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Literal, TypeGuard

from tieout.linter.facts.model import Mention
from tieout.linter.facts.sentence.bases import Bases
from tieout.linter.facts.sentence.chains import Chains
from tieout.linter.facts.sentence.lists import Lists
from tieout.linter.facts.sentence.respective_rates import rates_respectively
from tieout.linter.facts.sentence.wording import (
    ALLOCATED,
    LAST_YEAR_CMP,
    NAMES_LEFT_OVER,
    WORDED_VALUE,
    end_and_start,
    is_label,
    is_sep,
    name_in,
    names_opened,
)
from tieout.linter.figures.context import read
from tieout.linter.figures.labels import GENERIC_ITEMS
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.lalr import LarkError, Token
from tieout.linter.parse.sentences import _Breakdown, _Change, _Entry, _listed, _Movement, _Rate, parse_sentence
from tieout.linter.parse.tokens import Tok, tokenize
from tieout.linter.patterns import lazy, regex
from tieout.linter.text.model import Sentence

# Bounds on what one sentence is parsed for: parsing a list is quadratic in its length (2,000 figures take
# about a second), and lists nest by recursion. Real text stays below both (the most figures in one sentence
# of the shared corpus are 957, a table run together in a budget report's text); past them a sentence is
# debris, read for its figures only.
MAX_SENTENCE_FIGURES = 2000
MAX_NESTING = 32


def _nesting(items: list) -> int:
    """How deep the lists of a parsed sentence nest (without recursion: the depth is what is bounded)."""
    deepest = 0
    stack: list[tuple[object, int]] = [(item, 1) for item in items if isinstance(item, _Breakdown)]
    while stack:
        b, depth = stack.pop()
        assert isinstance(b, _Breakdown)
        deepest = max(deepest, depth)
        if depth > MAX_NESTING:
            break
        stack.extend((p, depth + 1) for p in (*b.parts, *b.noted) if isinstance(p, _Breakdown))
    return deepest


# two names joined by one conjunction (`税收收入和非税收入`)
JOINED_PAIR = lazy(r"(?<=[\u4e00-\u9fff])(?:和|及|与)(?=[\u4e00-\u9fff])")
RESPECTIVE = regex(
    r"^(?P<last>.*?)(?:分别为|分别是|分别达到|分别达|分别)"
    r"(?:完成|实现|安排|下达|拨付|落实|投入|争取|筹集|发行|偿还|支出|收入|征收|入库)?(?:为|了)?$"
)
# what names listed before a shared last word leave to it (`教育、卫生健康支出`: 教育支出)
SHARED_TAIL = regex(r"(?:支出|收入|费用|经费|资金)$")


def _last_years_base(change: _Change) -> bool:
    """Does the change compare its figure with last year's, stated or not (`增长 p%`, `同比增长 p%`, `比上年 B 下降
    p%`)? A share after it is then the figure's: a base named otherwise (`比调整预算 B 增加`) may be its own measure."""
    if change.cmp and LAST_YEAR_CMP.fullmatch(change.cmp) is None:
        return False
    return change.base is None or not change.label


def _share_after_change(items: list[object]) -> None:
    """`税收收入 40,466 万元，增长 1.7%，占一般公共预算收入的 74.7%`: a share after the change that qualifies a figure
    is that figure's (the grammar binds a share only right after its figure), named by the whole it names; so is
    one after the rates that qualify it too (`收入 42.18 亿元，完成预算的 98.1%，增长 3.1%，占全市的 37.9%`), and one
    right after those rates, no change between (`收入 81,180 万元，为调整预算的 95.5%，占本级政府性基金收入的 93.9%`)."""
    for k in range(len(items) - 3, 0, -1):
        if k + 2 >= len(items):
            continue  # (items removed after k as the loop went)
        change, share = items[k], items[k + 1]
        if not (isinstance(change, _Change | _Rate) and isinstance(share, Token) and share.type == "SHARE"):
            continue  # (most items open no change or rate followed by a share: asked first)
        named = _share_clause(items[k + 2])
        j = _past_rates(items, k - 1 if isinstance(change, _Change) else k)
        entry = _year_end_before(items, j) or items[j]
        if not (
            isinstance(entry, _Entry)
            and entry.share is None
            and entry.of is None
            and any(q.kind in ("amount", "count") for q in entry.qs)
            and (_last_years_base(change) if isinstance(change, _Change) else j < k)
            and isinstance(named, _Entry)
            and len(named.qs) == 1
            and named.qs[0].kind == "percent"
            and named.share is None
        ):
            continue
        entry.share, entry.share_base = named.qs[0], named.label
        del items[k + 1 : k + 3]
    for x in items:  # (and in a list's parts: `其中：税收收入 a，同比增长 p%，占…的 q%`)
        if isinstance(x, _Breakdown):
            _share_after_change(x.parts)


def _share_clause(item: object) -> object:
    """The share's figure and whole (`占政府性基金预算收入的 p%`), also where the reasons follow it (`…的 p%，主要是
    受…影响`: read as a list the share heads, of no figure)."""
    if (
        isinstance(item, _Breakdown)
        and item.head is not None
        and not item.quals
        and not item.noted
        and all(isinstance(x, Token) for x in item.parts)
    ):
        return item.head
    return item


def _year_end_before(items: list[object], j: int) -> _Entry | None:
    """`年末余额 A，年初余额 B，增加 p%，占资产总额的 q%`: the year-end figure before the opening one the change is
    measured from; the share after the change is of it (the change is A's against B)."""
    entry = items[j]
    if not isinstance(entry, _Entry):
        return None
    before = next((items[i] for i in range(j - 1, -1, -1) if not isinstance(items[i], Token)), None)
    if isinstance(before, _Entry) and before.share is None and end_and_start(before.label, entry.label):
        return before
    return None


def _past_rates(items: list[object], j: int) -> int:
    """The index of the item before the rates that end at j (`完成预算的 98.1%`: _Rate), j itself if none; past
    the changes against last year among them too, each naming nothing and stating no base (`同比下降 p%，比上年同期
    减少 Δ，占…`: the two clauses one change of the figure before them, the share after both its own)."""
    while j > 0:
        rate = items[j]
        # (a rate of a base it states, `完成年度预算 B 的 p%`, is one too)
        stated_base = isinstance(rate, _Entry) and rate.of is not None
        if not stated_base and not _plain_rate(rate) and not _last_years_move(rate):
            break
        j -= 1
    return j


def _plain_rate(item: object) -> bool:
    return isinstance(item, _Rate) and item.formula is None


def _last_years_move(item: object) -> bool:
    """Is the item a change against last year that names no figure and states no base (`，同比增长 p%`)?"""
    return (
        isinstance(item, _Change) and bool(item.cmp) and not item.label and item.base is None and _last_years_base(item)
    )


def _respective_names(items: list) -> list[tuple[list[_Entry], str]]:
    """`货物、工程、服务支出分别为 A、B 和 C`: the names listed before 分别 label the figures after it in
    order; `上年分别为 D、E` after such a list labels its figures with the same names of last year. The
    figures are relabelled only where as many follow, one to a name."""
    last: list[str] = []
    runs: list[tuple[list[_Entry], str]] = []
    for i, item in enumerate(items):
        # (RESPECTIVE names 分别: most labels do not)
        m = RESPECTIVE.match(item.label) if isinstance(item, _Entry) and "分别" in item.label else None
        if m is None:
            continue
        names = _names_before(items, i, m.group("last"))
        if len(names) < 2 and last and len(m.group("last")) <= 4:
            names = [m.group("last") + n for n in last]  # `上年分别为`: the names of the list before
        follow = _unnamed_after(items, i, len(names) - 1)
        if len(names) < 2 or follow is None:
            continue
        tail = SHARED_TAIL.search(names[-1])
        said = item.label
        for entry, name in zip([item, *follow], names):
            entry.label = name + tail.group() if tail and not SHARED_TAIL.search(name) else name
        last = names
        runs.append(([item, *follow], said))
    return runs


def _nested_names(items: list) -> None:
    """The names before 分别为 inside a list's parts (`其中授予中小企业合同金额 a，货物、工程、服务支出分别为 b、c、d`)."""
    for item in items:
        if isinstance(item, _Breakdown):
            _respective_names(item.parts)
            _nested_names(item.parts)


def _names_before(items: list, i: int, own: str) -> list[str]:
    """The names joined by 、 before item i, and its own."""
    names = [own]
    j = i - 1
    # inside a list's parts the separators are not kept: names stand side by side
    while j >= 0 and (is_label(items[j]) or (j >= 1 and is_sep(items[j], "、") and is_label(items[j - 1]))):
        if is_sep(items[j], "、"):
            j -= 1
        names.insert(0, str(items[j]).strip())
        j -= 1
    if not own and j >= 1 and is_sep(items[j], "，") and is_label(items[j - 1]):
        # `X，主要投向 A、B、C和D等领域，分别安排 a、b、c、d`: the names of what X is spent on, before a comma
        return _allocated(items, j - 1)
    if j >= 0 and len(names) >= 2 and (opened := names_opened(items[j])):
        # `其中，教育、科技、卫生支出分别为 A、B、C`: the grammar read the first name as a list of its own under 其中
        names[:0] = opened
    pair = JOINED_PAIR.split(own) if len(names) == 1 else []
    if len(pair) == 2 and all(len(n) >= 2 for n in pair) and pair[0][-1] == pair[1][-1]:
        # `税收收入和非税收入分别为 A、B` (never `社会保障和就业支出`: one name, whose parts end otherwise)
        return pair
    return [n for n in names if n]


ALLOCATED_TAIL = regex(r"等(?:领域|方面|项目|行业|工作|支出)?$")


def _allocated(items: list, j: int) -> list[str]:
    """The names joined by 、 ending at item j, the first opened by an allocation verb (`主要投向`): the verb and
    a closing `等领域` taken off, and the last split at 和 / 及 (`产业园区基础设施和市政道路等领域`); [] when the
    names are not so opened."""
    names = [str(items[j]).strip()]
    while j >= 2 and is_sep(items[j - 1], "、") and is_label(items[j - 2]):
        j -= 2
        names.insert(0, str(items[j]).strip())
    verb = ALLOCATED.match(names[0])
    if verb is None:
        return []
    names[0] = names[0][verb.end() :]
    names[-1] = ALLOCATED_TAIL.sub("", names[-1])
    last = JOINED_PAIR.split(names[-1])
    if len(last) == 2 and all(len(n) >= 2 for n in last):
        names[-1:] = last
    return [n for n in names if n] if all(len(n) >= 2 for n in names) else []


# `较目标 2,400 人少 154 人`, `比上年 36 项多 4 项`: after a comparison with its figure, 多 and 少 are its movement
MORE_OR_LESS: dict[str, Literal["up", "down"]] = {"多": "up", "多了": "up", "多出": "up", "少": "down", "少了": "down"}


def _more_or_less(items: list, text: str) -> None:
    """A change whose compared figure is stated (`较目标 2,400 人`) followed by 多 / 少 and a figure of the same
    unit: the grammar reads the words as a figure's name, and they are the change's movement (only right after
    such a change: `至少 5 人`, `多个`, are no movement)."""
    for k in range(len(items) - 1, 0, -1):
        c, x = items[k - 1], items[k]
        if not (isinstance(c, _Change) and c.base is not None and not c.movements and isinstance(x, _Entry)):
            continue
        word = x.label.strip()
        if word not in MORE_OR_LESS or len(x.qs) != 1 or x.share is not None or x.of is not None:
            continue
        q = x.qs[0]
        if q.base_unit != c.base.base_unit or q.kind != c.base.kind:
            continue
        at = text.rfind(word, 0, q.start)
        c.movements.append(_Movement(MORE_OR_LESS[word], word, q, at, at + len(word)))
        del items[k]


# the words a saving's rate is named by after the saving against the budget (`比预算节约 Δ，节约 r%`, `，节约率为 r%`)
SAVING_RATE = regex(r"^(?:节约|节省|节支)(?:率|比例|幅度)?(?:为|是|达到|达)?$")
# a comparison with a budget (`比预算`, `较年初预算数`, `与调整预算相比`): what is saved against it is its gap
AGAINST_BUDGET = regex(r"预算数?(?:相比|比较)?$")
# what stands between the saving and its rate: a comma
SAVING_THEN_RATE = regex(r"\s*[，,]\s*")


def _saving_rate(items: list, text: str) -> None:
    """`决算 B，比预算节约 Δ，节约 r%` (or `节约率 r%`): the rate after the money saved against the budget is the same
    change's rate, Δ over the budget (the grammar reads it as a figure, or a rate, of its own). Only right after
    such a change, its one movement a fall of money named as a saving, with a comma alone between."""
    for k in range(len(items) - 1, 0, -1):
        if k >= len(items):
            continue  # (two items were taken out after it)
        # (the comma stays an item of its own before a figure, and is fused into a rate's name)
        j = k - 2 if k >= 2 and is_sep(items[k - 1], "，") else k - 1
        c, x = items[j], items[k]
        if not (isinstance(c, _Change) and AGAINST_BUDGET.search(c.cmp) and len(c.movements) == 1):
            continue
        move = c.movements[0]
        if not (move.direction == "down" and SAVING_RATE.match(move.word) and _money(move.quantity)):
            continue
        rate = _named_saving_rate(x)
        if rate is None or not SAVING_THEN_RATE.fullmatch(text, move.quantity.end, rate[1]):
            continue
        word, _, q = rate
        c.movements.append(_Movement("down", word, q, q.start, q.end))
        del items[j + 1 : k + 1]


def _money(q: Quantity | None) -> TypeGuard[Quantity]:
    return q is not None and q.kind == "amount"


def _named_saving_rate(x: object) -> tuple[str, int, Quantity] | None:
    """(its word, where its words start, the per cent) of a figure or rate named as a saving's rate alone (`节约
    r%`, `节约率为 r%`); None for any other item."""
    if isinstance(x, _Entry):
        if len(x.qs) != 1 or x.share is not None or x.of is not None or x.qs[0].kind != "percent":
            return None
        word, q = x.label.strip(), x.qs[0]
        start = q.start - len(x.label.lstrip())
    elif isinstance(x, _Rate):
        if x.formula is not None or x.value is None or x.value.kind != "percent":
            return None
        word, q, start = x.name.strip(), x.value, x.start
    else:
        return None
    return (word, start, q) if SAVING_RATE.match(word) else None


# the keyword of a list opening its sentence whose parts may each be followed by clauses of their own
OPENING_LIST = regex(r"^其中[：:，,]?$")
# the words that open a figure standing beside a list rather than in it (`另有`, `此外`, `合计`)
BESIDE_LIST = regex(r"^[，,；;\s]*(?:另|此外|以上|上述|合计|共计|总计|累计)")


def _opening_list_over_semicolons(items: list, text: str) -> None:
    """`…决算 B。其中：公务用车购置费 a，购置车辆 1 辆；公务用车运行费 b，比预算节约 r%，主要用于…`: a list opening its
    sentence (its head in the sentence before) whose first part is followed by a clause of another unit ends, as the
    grammar reads it, at the first `；`; but with no figure before it in its sentence that the parts after `；`
    could be siblings of, they are the list's parts, each with its own clauses. Only where the first figure after
    `；` is of the first part's unit (an amount) and opens no figure beside the list (`另有`, `合计`)."""
    if len(items) < 2 or not isinstance(items[0], _Breakdown):
        return
    b = items[0]
    if b.head is not None or b.noted or b.quals or not OPENING_LIST.match(b.keyword.strip()):
        return
    first = next((p for p in b.parts if isinstance(p, _Entry) and p.qs), None)
    after = items[1]
    if first is None or not isinstance(after, _Entry) or not _one_money(first) or not _one_money(after):
        return
    unit = first.qs[0].base_unit
    if after.qs[0].base_unit != unit or BESIDE_LIST.match(after.label):
        return
    if any(p is not first and _of_unit(p, unit) for p in b.parts):
        return  # (`其中：A a，B b；C c，D d`: a list of its own before `；`, grouped so; which is the total's is not said)
    last = max(q.end for p in b.parts if isinstance(p, _Entry) for q in p.qs)
    if "；" not in text[last : after.qs[0].start]:
        return  # (the list was cut at something else: a bracket, a clause of its own)
    items[:] = [_listed(None, b.keyword, [*b.parts, *items[1:]])]


def _of_unit(p: object, unit: str) -> bool:
    """Is the part a figure, or a list, of the unit?"""
    if isinstance(p, _Breakdown):
        return True
    return isinstance(p, _Entry) and any(q.base_unit == unit for q in p.qs)


def _one_money(e: _Entry) -> bool:
    return len(e.qs) == 1 and e.qs[0].kind == "amount" and e.share is None and e.of is None


# a figure named as last year's by the comparison its name ends with (`受益学生人数比上年的 17935 人`)
NAMED_AS_COMPARED = regex(rf"(?:{LAST_YEAR_CMP.pattern})的?$")
# between a change's difference and the same comparison restated before its rate: `，较上年`
COMPARISON_AGAIN = regex(rf"[，,]\s*(?:{LAST_YEAR_CMP.pattern})\s*")


def _restated_comparison(items: list, text: str) -> None:
    """`受益学生人数比上年的 17935 人增加 517 人，较上年增长 3.88%`: a difference against last year, then the same
    comparison restated with the rate alone, is one change (the grammar reads two, the rate's of no figure). Only
    when the first change is against last year too (its words, or the figure before it named so) and nothing but
    the comparison stands between the difference and the rate."""
    for k in range(len(items) - 1, 0, -1):
        a, b = items[k - 1], items[k]
        if not (isinstance(a, _Change) and isinstance(b, _Change) and b.base is None and not b.label):
            continue
        if not (a.movements and all(m.quantity is not None and m.quantity.kind != "percent" for m in a.movements)):
            continue
        if not (b.movements and all(m.quantity is not None and m.quantity.kind == "percent" for m in b.movements)):
            continue
        said = LAST_YEAR_CMP.fullmatch(a.cmp) is not None
        named = (
            not a.cmp and k >= 2 and isinstance(items[k - 2], _Entry) and NAMED_AS_COMPARED.search(items[k - 2].label)
        )
        last = a.movements[-1].quantity
        assert last is not None  # (every movement of `a` has its figure: checked above)
        if (
            (said or named)
            and LAST_YEAR_CMP.fullmatch(b.cmp)
            and COMPARISON_AGAIN.fullmatch(text, last.end, b.movements[0].start)
        ):
            a.movements.extend(b.movements)
            del items[k]


# the words closing a comparison (`与上年预算 B 相比`); a comparison's opening word and a name's period words
COMPARISON_CLOSE = regex(r"^(?:相比|比较|对比)$")
COMPARED_OPENING = regex(r"^(?:与|同|和|较|比)")
# (a stock's period is its year's end or start: `与2024年末…余额 B 相比，2025年末余额增加 Δ`)
PERIOD_OPENING = regex(r"^(?:本年度|本年|当年|今年|上年度|上年|去年|\d{4}年度?)(?:末|初|底)?的?")
# whose an item is, written before it in a comparison and left out of the name after it (`与2023年度项目预算 B
# 相比，本年预算增加 Δ`: the project's budget both times); never a part of the item (基本, 一般公共预算)
OWNER_OPENING = regex(r"^(?:本项目|项目|本部门|部门|本单位|单位)的?")


def _item_named(words: str) -> str:
    """What a name or a comparison names, without its comparison word and period (`与2023年度预算`: 预算)."""
    return PERIOD_OPENING.sub("", COMPARED_OPENING.sub("", words.strip())).removesuffix("数")


def _named_after_comparison(items: list, k: int) -> int | None:
    """Where the name stands between the comparison items[k] (with its figure compared with, and no moves) and the
    moves of nothing named that follow it past a comma (`与…B 相比，NAME 增加 Δ`); None where the items are not so."""
    a = items[k]
    if not (isinstance(a, _Change) and a.base is not None and not a.movements):
        return None
    j = k + 1
    if j < len(items) and is_label(items[j]) and COMPARISON_CLOSE.match(str(items[j]).strip()):
        j += 1
    if j + 2 >= len(items) or not is_sep(items[j], "，,") or not is_label(items[j + 1]):
        return None
    b = items[j + 2]
    if not isinstance(b, _Change) or b.cmp or b.label or b.base is not None or not b.movements:
        return None
    return j + 1


def _shortened(named: str, compared: str) -> bool:
    """Does a name written after a comparison shorten the item the comparison names, so that it can only be that
    item (`与2024年末全市政府债务余额 B 相比，2025年末余额增加 Δ`: 余额 is the 全市政府债务余额)? Only the item's
    head alone (a generic word, 余额, 支出) or the item without its context words (全市, 一般公共预算): `与上年一般
    债务余额 B 相比，债务余额增加 Δ` may name the whole debt, and is not read so."""
    if not compared.endswith(named) or named == compared:
        return False
    if len(named) < 3 or named in GENERIC_ITEMS:
        return True
    return not read(compared[: -len(named)]).rest


def _compared_item(a: _Change) -> str | None:
    """The item a comparison names, with its context words and without its opening word and period (`与2024年末全市
    政府债务余额`: 全市政府债务余额); None where a period is still written in it (`与全市2024年末政府债务余额`)."""
    words = COMPARED_OPENING.sub("", (a.cmp + a.label).strip())
    item = PERIOD_OPENING.sub("", words)
    return None if read(item).context.period is not None else item


def _name_in_full(name: Token, a: _Change) -> Token | None:
    """The name of what changed, written short after its comparison (`2025年末余额`), in full: its own period and
    the item the comparison names (`2025年末全市政府债务余额`), so that the figure changed is found by the item's
    name and not by its generic head (which the nearest part, `专项债务余额`, would answer)."""
    item = _compared_item(a)
    if item is None:
        return None
    period = PERIOD_OPENING.match(str(name).strip())
    return Token("LABEL", (period.group() if period else "") + item)


def _compared_then_named(items: list) -> None:
    """`与2023年度预算 B 相比，本年度预算增加 Δ，增幅 p%`: a comparison stating the figure compared with, then, past
    a comma, the name of what changed and its moves, is one change of that name against that figure (the grammar
    reads a change with no moves and one with no base), as `本年度预算与2023年度预算 B 相比增加 Δ` is read. Only when
    the name names the item the comparison names (预算 and 预算, or the item shortened, `_shortened`): `与上年支出 B
    相比，收入增加 Δ` compares two things."""
    for k in range(len(items) - 3, -1, -1):
        at = _named_after_comparison(items, k)
        if at is None:
            continue
        a, name = items[k], items[at]
        compared = _item_named(a.cmp + a.label)
        named = _item_named(str(name))
        if not compared:
            continue
        if named not in (compared, OWNER_OPENING.sub("", compared)):
            full = _name_in_full(name, a) if _shortened(named, compared) else None
            if full is None:
                continue
            name = full
        moved = items[at + 1]
        merged = _Change(a.cmp + a.label, "", a.base, moved.movements)
        items[k : at + 2] = [name, merged]


# the words opening a comparison that 相比 closes after the figures compared with (`与2023年度的 B 相比`)
FRAME_OPENING = regex(r"^(?:与|同|和|跟)")
# the words joining two figures compared with in one comparison (`与上年的 a 个项目、资金 B 相比`)
FRAME_JOIN = frozenset(("、", "和", "及"))


def _framed_figures(items: list, k: int) -> tuple[list[tuple[Quantity, str, str]], int] | None:
    """`与2023年度评价的 a 个项目、资金 B 相比，`: the figures a comparison opening at items[k] (the grammar's change
    with a base and no moves) and closed by 相比 and a comma states, two or more, each with its name and the noun
    naming what it is of (for a count, the noun after it; for an amount, the last word of its name), and where the
    items after the comma start. Every figure of the frame is of the period compared with; None where the items
    are not so."""
    a = items[k]
    if not (isinstance(a, _Change) and a.base is not None and not a.movements and FRAME_OPENING.match(a.cmp)):
        return None
    figures: list[tuple[Quantity, str, str]] = []
    figure, name, j = a.base, a.label, k + 1
    while True:
        noun = _noun_of(name)
        if figure.kind == "count" and j < len(items) and _counted_noun(items[j]):
            noun = str(items[j]).strip()
            j += 1
        figures.append((figure, name, noun))
        if j + 1 < len(items) and _joining(items[j]) and _framed_entry(items[j + 1]):
            figure, name, j = items[j + 1].qs[0], items[j + 1].label, j + 2
            continue
        break
    if len(figures) < 2 or j + 1 >= len(items) or not is_label(items[j]):
        return None
    if not COMPARISON_CLOSE.match(str(items[j]).strip()) or not is_sep(items[j + 1], "，,"):
        return None
    return figures, j + 2


def _joining(item: object) -> bool:
    """Does the item join two figures compared with (`、`, `和`)?"""
    return is_sep(item, "、") or (is_label(item) and str(item).strip() in FRAME_JOIN)


def _counted_noun(item: object) -> bool:
    """Is the item the noun after a count (`个项目`'s 项目), not a word joining or closing the comparison?"""
    words = str(item).strip()
    return is_label(item) and words not in FRAME_JOIN and not COMPARISON_CLOSE.match(words)


def _framed_entry(item: object) -> TypeGuard[_Entry]:
    """Is the item one figure with its name and nothing stated with it (a figure a comparison may state)?"""
    return isinstance(item, _Entry) and len(item.qs) == 1 and item.share is None and item.of is None


def _noun_of(name: str) -> str:
    """The noun a figure's name ends with (`评价的资金`: 资金), with no comparison or period before it."""
    return _item_named(name).rsplit("的", 1)[-1]


def _named_moves(items: list, j: int, n: int) -> list[int] | None:
    """Where the changes stand of the n clauses from items[j], each a name and moves of no base or comparison of
    its own, separated by commas (`评价项目增加 a 个，涉及资金增加 Δ，增长 p%`); None where not exactly n follow."""
    at: list[int] = []
    while j + 1 < len(items) and is_label(items[j]):
        c = items[j + 1]
        if not isinstance(c, _Change) or c.cmp or c.label or c.base is not None or not c.movements:
            break
        at.append(j + 1)
        j += 3 if j + 2 < len(items) and is_sep(items[j + 2], "，,") else 2
    return at if len(at) == n else None


def _moves_of(figure: Quantity, noun: str, name: str, c: _Change) -> bool:
    """Are the moves of `c`, named `name`, those of `figure` (named by `noun`): the name ends with the noun, and
    every amount or count it moves by (one at least) is in the figure's unit?"""
    moved = [mv.quantity for mv in c.movements if mv.quantity is not None and mv.quantity.kind != "percent"]
    return (
        len(noun) >= 2
        and name.strip().endswith(noun)
        and bool(moved)
        and all(q.kind == figure.kind and q.base_unit == figure.base_unit for q in moved)
    )


def _framed_comparisons(items: list) -> None:
    """`与2023年度评价的 a 个项目、资金 B 相比，评价项目增加 d 个，涉及资金增加 Δ，增长 p%`: a comparison stating two or
    more figures compared with, then past a comma as many clauses naming what changed, each the next figure's
    noun and unit, is one change of each against its figure, in order. Where they are not so, the figures after
    the first are still the period compared with's: changes with no moves, never what a later move changed."""
    for k in range(len(items) - 1, -1, -1):
        found = _framed_figures(items, k)
        if found is None:
            continue
        figures, after = found
        at = _named_moves(items, after, len(figures))
        if at is not None and all(
            _moves_of(q, noun, str(items[i - 1]), items[i]) for (q, _, noun), i in zip(figures, at, strict=True)
        ):
            cmp = items[k].cmp
            merged = {
                i: _Change(cmp + name, "", q, items[i].movements) for (q, name, _), i in zip(figures, at, strict=True)
            }
            items[k : at[-1] + 1] = [merged.get(i, items[i]) for i in range(after, at[-1] + 1)]
            continue
        for i in range(k + 1, after):
            if _framed_entry(items[i]):
                items[i] = _Change(items[k].cmp, items[i].label, items[i].qs[0], [])


def _respective_moves(items: list) -> None:
    """`分别增长 5.2%、8.1% 和 3.3%`, `分别增长 5.3% 和下降 7.9%`: the grammar reads the first movement after 分别
    as a change (with the movements joined to it by 、) and the rest as figures or changes of their own; they
    are one change's movements, given one to each figure before by `SentencePass._respective`. The
    percentages that follow a movement with nothing but a joining word take its word and direction."""
    k = next((k for k, c in enumerate(items) if k and _moves_respectively(items[k - 1], c)), None)
    if k is None:
        return
    c = items[k]
    j = k + 1
    while j < len(items):
        x = items[j]
        if is_sep(x, "、") or (is_label(x) and str(x).strip() in ("和", "及")):
            j += 1
            continue
        if isinstance(x, _Entry) and _joined_percent(x):
            q, last = x.qs[0], c.movements[-1]
            c.movements.append(_Movement(last.direction, last.word, q, q.start, q.end))
        elif isinstance(x, _Change) and not x.cmp and len(x.movements) == 1 and _percent_move(x.movements[0]):
            c.movements.append(x.movements[0])
        else:
            break
        del items[j]


def _moves_respectively(before: object, c: object) -> TypeGuard[_Change]:
    """Is `c` a change of percentages right after 分别 (the first of a sentence's is the one read)?"""
    return (
        isinstance(c, _Change)
        and bool(c.movements)
        and str(before).strip() == "分别"
        and all(_percent_move(mv) for mv in c.movements)
    )


def _joined_percent(e: _Entry) -> bool:
    return len(e.qs) == 1 and e.qs[0].kind == "percent" and e.share is None and not e.label.strip("、和及与 ")


def _percent_move(mv: _Movement) -> bool:
    return mv.quantity is not None and mv.quantity.kind == "percent"


def _unnamed_after(items: list, i: int, n: int) -> list[_Entry] | None:
    """The n figures right after item i, each with no name of its own (`、B`, `和 C`); None when more or
    fewer follow (a name of the list was read as something else: the names would go to the wrong figures)."""
    out: list[_Entry] = []
    for x in items[i + 1 :]:
        if is_sep(x, "、"):
            continue
        if isinstance(x, _Entry) and not x.label.strip("、和及与 ") and x.share is None:
            out.append(x)
            continue
        break
    return out if len(out) == n and n > 0 else None


def _table_row(text: str, qs: list[Quantity]) -> bool:
    """A row of a table laid out with spaces (`年度资金总额 15380.26 19742.15 13508.64 68.43%`): figures side by
    side with nothing but spaces between them, at least two of them bare numbers. Prose never writes so."""
    for a, b in zip(qs, qs[1:]):
        if "bare" in (a.kind, b.kind) and a.kind in ("bare", "percent") and not text[a.end : b.start].strip():
            return True
    return False


def _inside(spans: list[tuple[int, int]], starts: list[int], at: int) -> bool:
    """Does `at` fall in one of the (sorted, disjoint) spans, whose starts are `starts`?"""
    k = bisect_right(starts, at) - 1
    return k >= 0 and at < spans[k][1]


TAG = regex(r"<[^<>]*>")
SHORT_CELL = 24  # characters: text between tags longer than this is prose written in a cell (an evaluation's
# 评价意见 with its computation), read as prose; shorter runs are the table's cells, read by the table model
# 评价意见 with its computation), read as prose; shorter runs are the table's cells, read by the table model


def _only_cells(text: str, sent: Sentence) -> bool:
    """Is a sentence inside an HTML table made of short cells only (a row of the table)?"""
    return all(len(piece.strip()) <= SHORT_CELL for piece in TAG.split(text[sent.start : sent.end]))


def _mended(
    items: list, toks: list[Tok], shares: bool, text: str, start: int, end: int
) -> list[tuple[list[_Entry], str]]:
    """The items of the sentence text[start:end] as the grammar leaves them to mend (`shares`: whether a SHARE token
    is among its tokens), and the runs of figures named one by one (`_respective_names`). Each mending that turns on
    a word is asked only of the sentences holding it, most hold none: 分别 in a token (a label's words, the word
    the moves follow), a SHARE token, 多 or 少 (a character of a label)."""
    respectively = any("分别" in t.text for t in toks)
    if respectively:
        _respective_moves(items)
    if text.find("分别", start, end) >= 0:
        # (a rate's token keeps no 分别 in its name, `甲、乙执行率分别为`: the sentence's words are asked)
        rates_respectively(items, text, start)
    if shares:
        _share_after_change(items)
    if text.find("；", start, end) >= 0:
        _opening_list_over_semicolons(items, text)
    if text.find("多", start, end) >= 0 or text.find("少", start, end) >= 0:
        _more_or_less(items, text)
    _restated_comparison(items, text)
    if text.find("节", start, end) >= 0:
        _saving_rate(items, text)
    if text.find("比", start, end) >= 0:  # (相比, 比较, 对比: the words closing a framed comparison)
        _framed_comparisons(items)
    _compared_then_named(items)
    if not respectively:
        return []
    runs = _respective_names(items)
    _nested_names(items)
    return runs


class SentencePass(Lists, Chains, Bases):
    """Mentions and the relations each sentence states on its own."""

    def run(self) -> None:
        starts = self._starts = [q.start for q in self.facts.quantities]
        text = self.doc.text
        html: list[tuple[int, int]] = []
        if "<table" in text or "<TABLE" in text:
            # (the HTML parser imported only for a report that holds HTML tables: not at every start)
            from tieout.linter.parse.tables.html import spans as html_spans

            html = html_spans(text)
        html_starts = [a for a, _ in html]
        for si, sent in enumerate(self.doc.sentences):
            if text.startswith("|", sent.start) or (_inside(html, html_starts, sent.start) and _only_cells(text, sent)):
                continue  # a table row: the table model reads it as cells
            lo = bisect_left(starts, sent.start)
            hi = bisect_left(starts, sent.end)
            qs = self.facts.quantities[lo:hi]
            if qs and not _table_row(text, qs):
                self._sentence(si, sent.start, sent.end, qs)

    def _sentence(self, si: int, start: int, end: int, qs: list[Quantity]) -> None:
        self._qs = qs
        toks = tokenize(self.doc.text, start, end, qs)
        items: list | None = None
        if len(qs) <= MAX_SENTENCE_FIGURES:
            try:
                items = parse_sentence(toks, qs)
            except LarkError:
                # the grammar is total by construction; should a sentence still fail, it yields mentions only
                self.d.parse_errors += 1
        if items is None or _nesting(items) > MAX_NESTING:
            # too long or too deeply nested to be prose a reader follows (debris, a table run into one line):
            # its figures are mentions, and no relation is read from it
            items = [_Entry("", [qs[t.qi]]) for t in toks if t.qi >= 0]
        text = self.doc.text
        shares = any(t.type == "SHARE" for t in toks)  # (a share written with 占: most sentences have none)
        runs = _mended(items, toks, shares, text, start, end)
        changes_before = len(self.facts.changes)
        mentions: list[Mention] = []
        self.d.by_sentence[si] = mentions
        para = self.doc.sentences[si].paragraph
        for pos, item in enumerate(items):
            previous = items[pos - 1] if pos else None
            if is_label(item) and isinstance(previous, _Entry) and mentions:
                mentions[-1].noun = self.labeller.noun(str(item))
            if isinstance(item, _Entry):
                if item.of is not None:
                    self._of_ratio(item, si, mentions)
                mentions.append(self._mention(item, si, para))
            elif isinstance(item, _Breakdown):
                headless = item.head is None and not mentions and pos == 0
                before = len(mentions)
                self._breakdown(item, si, para, mentions, self._qualified_head(items[:pos], mentions), items[:pos])
                if headless:
                    # the list's own items: parts nested under one of them (`（其中：…）`) are not its items
                    self.d.headless[si] = self._own_items(mentions[before:], si)
                    # `…合计 T。其中：A a，B b，分别占 p%、q%`: the shares go to the parts in order, as in a list
                    # with its total before it in the sentence; their whole is found when the list's is
                    self._listed_shares(item, si)
            elif not isinstance(item, Token):  # (a bare label or separator is no clause: nothing to read)
                self._clause(item, si, self._past_grade(items, pos, mentions), name_in(previous))
        said = text[start:end]
        self._lists_of_items(items, runs, si, mentions, said, shares)
        self._list_of_before(si, mentions)
        # (the readings of the sentence's changes: most sentences state none, and no reading after adds one)
        changed = len(self.facts.changes) > changes_before
        if changed:
            self._base_after(changes_before, mentions)
            self._years_after(changes_before, mentions)
            self._named_base(changes_before, si)
            self._respective_bases(changes_before, mentions)
        self._sums_and_differences(mentions, si, changes_before, said)
        if changed:
            self._rate_and_amount_apart(changes_before)
            self._base_of_same_figure(si)

    def _lists_of_items(
        self,
        items: list,
        runs: list[tuple[list[_Entry], str]],
        si: int,
        mentions: list[Mention],
        said: str,
        shares: bool,
    ) -> None:
        """The lists and shares the sentence `said` states in its items (`shares`: whether a SHARE token is among
        them), each reading asked only where a word it turns on holds a character of the sentence."""
        self._respective_runs(items, runs, si, mentions)
        if not runs and "分别" in said:
            self._parallel_shares(items, si)
        if "由" in said:  # (a list opened by 由 and closed by 组成)
            self._composed(items, si, mentions)
        if shares:  # (both read shares written with 占, a SHARE token)
            self._named_shares(items, si, mentions)
            self._structure(items, si)
        if "构" in said or "组" in said:  # (a make-up named: 构成, 结构, 组成)
            self._make_up_of_before(items, si, mentions)

    def _sums_and_differences(self, mentions: list[Mention], si: int, changes_before: int, said: str) -> None:
        """The chains (sums and differences) the sentence `said` states across its figures, in order. A reading
        is asked only where it may find something: of the figures it needs at least, or where a word it turns on
        holds a character of the sentence (a label's characters are the sentence's), most sentences holding
        none; what each asks is unchanged."""
        many = len(mentions) >= 3  # (the readings of three figures: a budget, an outcome and the gap, …)
        self._adjusted(mentions, si, changes_before)
        if "净" in said and len(mentions) + len(self.facts.changes) - changes_before >= 3:
            self._net_adjustment(mentions, si, changes_before)  # (the net of adjustments: `净调减 c`)
        if many:
            self._over_or_short(mentions, si)
        if len(mentions) >= 2 and "算" in said:  # (an outcome's budget named: 预算)
            self._over_the_outcome_before(mentions, si)
        if "收" in said:  # (a gap of revenue: 超收, 短收)
            self._gap_of_an_outcome_before(mentions, si)
            if len(mentions) >= 2:
                self._gap_to_a_named_budget(mentions, si)
        if many:
            self._limit_gaps(mentions, si)
            self._deductions(mentions, si)
            self._remainders(mentions, si)
            self._left_over(mentions, si)
            self._rest(mentions, si)
        if "结转" in said and len(mentions) == 2:  # (money carried over, `上年结转资金 A，共使用 B`)
            self._drawn_from_carry_over(mentions, si)
        if NAMES_LEFT_OVER.search(said):  # (what is left: 结余, 结存, 节约, 未执行 …, the words of wording.left_over)
            self._left_over_after(mentions, si)
        self._named_sum(mentions, si)
        if "计" in said:
            # (a total closing lines or a list, `合计`, `小计`, `以上共计`: the words before its figure on its line are
            # the sentence's, no sentence end among them)
            self._total_of_lines_above(mentions, si)
            for closed in self._closing.read(mentions, si):
                self._keep(closed)
            self._listed_total(mentions, si)

    def _past_grade(self, items: list[object], pos: int, mentions: list[Mention]) -> list[Mention]:
        """The figures a clause may be of: after a list and a clause stating its whole's grade in words (`总分 X，
        其中 A a、B b；自评等级为“优”，比上年得分 Y 降低 Δ`) the parts are done, and what follows is of the whole."""
        previous = items[pos - 1] if pos else None
        if pos < 2 or not isinstance(items[pos - 2], _Breakdown) or not WORDED_VALUE.search(name_in(previous)):
            return mentions
        last = self.facts.breakdowns[-1] if self.facts.breakdowns else None
        at = next((k for k, m in enumerate(mentions) if last is not None and m is last.total), None)
        return mentions[: at + 1] if at is not None else mentions
