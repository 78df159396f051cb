"""What the linking passes share: the completed-relation wrapper and small lookups over the draft."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from tieout.linter.facts.model import Breakdown, Mention, Share
from tieout.linter.facts.passes.difference_identities import IDENTITIES
from tieout.linter.figures.context import MIXED, SIDES, read
from tieout.linter.figures.intervals import digit_slip, interval
from tieout.linter.figures.labels import Labeller
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex
from tieout.linter.vocab import alternation, load, words

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft
    from tieout.linter.parse.tables import Table

# a figure per unit or a norm (`人均补助标准 94 元`, `生均支出`, `单价`): vocab `not_additive`, the words of a table's
# column no total adds up; no whole of parts, nor the total a change names (not 标准化, a standardisation, nor 高标准,
# the kind of a thing: `高标准农田面积 12 万亩` is an area)
PER_UNIT_WORDS = regex("|".join(f"(?<!高){w}(?!化)" if w == "标准" else w for w in words("tables", "not_additive")))
# a figure named per one of a unit in the last phrase before it (`按每村 9 万元标准拨付`, `每村奖励`, `户均增收`, `人均
# 补助`: vocab `averages`): a rate the money was set by or comes to, no part of the sum a list of the money adds up; the
# per word opens the phrase's last few words (`提高人均补助标准所需资金 a` is money, named longer after it)
PER_ONE_NAMED = regex(rf"(?:每[\u4e00-\u9fff]|{alternation(words('tables', 'averages'))})[\u4e00-\u9fff]{{0,6}}$")
LAST_PHRASE = regex(r"[^，、；：,;:（(]*$")


def last_phrase(label: str) -> str:
    """The words of a label after its last break (`其中单位运行成本` of `本年支出合计…，其中单位运行成本`; breaks at its
    end left aside). `LAST_PHRASE` matches every string, at worst empty at its end."""
    found = LAST_PHRASE.search(label.rstrip("，、；：,;: "))
    return found.group() if found else ""


def per_one(label: str) -> bool:
    """Does the label name its figure per one of a unit (`PER_ONE_NAMED`) in its last phrase?"""
    return PER_ONE_NAMED.search(last_phrase(label)) is not None


_UNIT_COST = load("relations").get("unit_cost") or {}
# a figure named per one of a unit in words beyond `PER_ONE_NAMED`: a unit's average (`场均`, `亩均`: vocab
# relations.unit_cost.averages, not after 各, 每 or a number, where 均 says `all`: `各村均`, `三场均`) or the cost
# of one unit (`单位成本`, `单位面积造价`; not an organisation's own, `单位运行成本`)
UNIT_AVERAGE_NAMED = regex(
    rf"(?:(?<![各每全\d一二两三四五六七八九十百千])(?:{alternation(_UNIT_COST.get('averages') or [])})"
    rf"|单位(?:(?:{alternation(_UNIT_COST.get('unit_of') or [])})[\u4e00-\u9fff]{{0,2}}?)?(?:成本|造价))"
    rf"[\u4e00-\u9fff]{{0,6}}$"
)


def per_unit_named(label: str) -> bool:
    """Does the label name its figure per one of a unit in its last phrase (`户均`, `每村`, `场均成本`, `单位成本`)?
    Such a figure is an average of an amount, never the amount a comparison with last year's total measures."""
    return per_one(label) or UNIT_AVERAGE_NAMED.search(last_phrase(label)) is not None


@dataclass(slots=True, eq=False)
class Completed:
    """A relation a pass completed: `replacement` stands where `original` stood."""

    original: Any
    replacement: Any


# a change on another basis than the figures stated (`扣除一次性因素后可比增长`; vocab relations adjusted_basis)
ADJUSTED_BASIS = regex("|".join(words("relations", "adjusted_basis")))


def anchored(
    pattern: re.Pattern[str], text: str, anchor: re.Pattern[str], reach: int, pos: int = 0
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text, pos)` where every match of `pattern` starts at most `reach` characters before a match
    of `anchor`: only those starts are tried, each once, in order (the same matches, leftmost first; after an
    empty match, of a lookahead, the next start). A pattern opening with a character class, a lazy run or
    alternatives is tried at every offset of the document by `finditer`; the anchor (a literal, a few of them
    that never overlap, or one character of a set) is found by a fast scan, and most documents hold few."""
    tried = pos  # every start below `tried` has been tried (or lies before `pos`, the end of the last match)
    for a in anchor.finditer(text, pos):
        start = max(tried, a.start() - reach)
        while start <= a.start():
            m = pattern.match(text, start)
            if m is None:
                start += 1
                continue
            yield m
            start = max(m.end(), start + 1)
        tried = max(tried, start)


# 分别 (`满分分别为…`, `权重分别为…`): the word lists of marks hold, where the patterns reading them are tried
RESPECTIVELY_WORD = regex("分别")
# counters of any kind of item (`4 个乡镇`, `3 项`, `5 家单位`): a count in one may be the number of a list's parts
ITEM_COUNTERS = frozenset({"个", "项", "家", "类", "种", "批", "处", "件", "方面", "所", "座"})


def sentences_holding(draft: Draft, anchor: re.Pattern[str]) -> list[int]:
    """The sentences (indices, in order) where `anchor` matches (found by one fast scan of the document): a pass
    whose patterns, tried sentence by sentence, each match only around those words need try no other. Scanned
    once per document and anchor (two passes look for the sentences with a colon), kept on the draft: the
    passes only read the list."""
    return once(draft, f"sentences holding {anchor.pattern!r} {anchor.flags}", lambda: _holding(draft, anchor))


def _holding(draft: Draft, anchor: re.Pattern[str]) -> list[int]:
    doc = draft.doc
    found: list[int] = []
    upto = -1  # the end of the last sentence found: a match before it is in that sentence, found already
    for start in map(re.Match.start, anchor.finditer(doc.text)):
        if start < upto:
            continue  # (without a search of the sentences: an anchor such as a colon stands many times in one)
        si = doc.sentence_index(start)
        if si >= 0 and start < doc.sentences[si].end and (not found or found[-1] != si):
            found.append(si)
            upto = doc.sentences[si].end
    return found


def labels_holding(draft: Draft, keys: frozenset[str]) -> list[int]:
    """The sentences (indices, in the order of `draft.by_sentence`) one of whose figures' labels holds one of the
    characters `keys`: a pass that reads only sentences whose labels hold a key character (one of each word it
    looks for) need not walk the others and join their labels. Found by one scan of the labels joined (kept on
    the draft, the passes add no mention), once per document and set of keys."""
    return once(draft, f"labels holding {sorted(keys)}", lambda: _labels_holding(draft, keys))


def _labels_holding(draft: Draft, keys: frozenset[str]) -> list[int]:
    joined, starts, order = once(draft, "labels joined", lambda: _labels_joined(draft))
    found: list[int] = []
    for a in _any_of(keys).finditer(joined):
        si = order[bisect_right(starts, a.start()) - 1]
        if not found or found[-1] != si:
            found.append(si)
    return found


@cache
def _any_of(keys: frozenset[str]) -> re.Pattern[str]:
    """A character class of the keys, made once per process and compiled through the cache of compiled patterns
    (`re` compiled each set anew for every document, about 1% of a cold check)."""
    return regex("[" + "".join(re.escape(c) for c in sorted(keys)) + "]")


def _labels_joined(draft: Draft) -> tuple[str, list[int], list[int]]:
    """Every sentence's labels joined, the sentences' one after the other (a NUL between two sentences', which no
    key is): the text, where each sentence's labels start in it, and the sentences in that order."""
    pieces: list[str] = []
    starts: list[int] = []
    order: list[int] = []
    at = 0
    for si, mentions in draft.by_sentence.items():
        piece = "".join(m.label for m in mentions)
        pieces.append(piece)
        starts.append(at)
        order.append(si)
        at += len(piece) + 1
    return "\0".join(pieces), starts, order


T = TypeVar("T")


def table_start(table: Table) -> int:
    """Where a table's first cell stands in the text (-1 for a table of no cells)."""
    return table.rows[0][0].start if table.rows and table.rows[0] else -1


def once(draft: Draft, name: str, build: Callable[[], T]) -> T:
    """What `build` gives for the document, built on the first call and kept on the draft under `name`: an index
    several passes read (the sentence pass has read every mention and figure before the linking passes run,
    which add none, and the passes only read it)."""
    if name not in draft.memo:
        draft.memo[name] = build()
    return cast(T, draft.memo[name])


# the count of relations the passes recorded so far (kept in `Draft.memo` by passes.run): what an index of the
# relations is built for
RECORDED = "recorded"


def of_relations(draft: Draft, name: str, build: Callable[[], T]) -> T:
    """What `build` gives for the document's relations as they stand (rates, changes, shares, lists …), built on
    the first call and kept on the draft under `name` until a pass records another relation or completes one:
    an index a pass asks of for each sentence or list, not a walk of all the relations each time."""
    count = draft.memo.get(RECORDED, 0)
    kept = draft.memo.get(name)
    if kept is None or kept[0] != count:
        kept = draft.memo[name] = (count, build())
    return cast(T, kept[1])


def gives_over(stated: Quantity, part: Quantity, base: Decimal) -> bool:
    """Is the stated percentage part over `base` (in base units), within a unit of its last digit?"""
    if not base:
        return False
    return abs(part.base_value / base * 100 - stated.value) <= stated.ulp


def lists_by_total(draft: Draft) -> dict[int, list[Breakdown]]:
    """The lists by their total's id, in the facts' order (`of_relations`): grouped once while no pass records
    another, not walked for each figure a pass asks about, which grew with the square of a long report's lists."""
    return of_relations(draft, "lists_by_total", lambda: _lists_by(draft, lambda b: id(b.total)))


def lists_by_sentence(draft: Draft) -> dict[int, list[Breakdown]]:
    """The lists by the sentence they stand in, in the facts' order (`of_relations`, as `lists_by_total`)."""
    return of_relations(draft, "lists_by_sentence", lambda: _lists_by(draft, lambda b: b.sentence))


def _lists_by(draft: Draft, key: Callable[[Breakdown], int]) -> dict[int, list[Breakdown]]:
    out: dict[int, list[Breakdown]] = {}
    for b in draft.facts.breakdowns:
        out.setdefault(key(b), []).append(b)
    return out


# a semicolon, which parts a sentence's clauses
SEMICOLON = regex(r"[；;]")


def semicolon_runs(text: str, mentions: list[Mention]) -> list[list[Mention]]:
    """A sentence's figures (`mentions`, in order) in the runs its semicolons set apart; a sentence of no figure
    is one empty run."""
    runs: list[list[Mention]] = [[]]
    for m in mentions:
        if runs[-1] and SEMICOLON.search(text, runs[-1][-1].quantities[-1].end, m.start):
            runs.append([])
        runs[-1].append(m)
    return runs


def quantities_at(draft: Draft) -> dict[int, Quantity]:
    """The document's figures by where they start (`once`)."""
    return once(draft, "quantities_at", lambda: {q.start: q for q in draft.facts.quantities})


def quantity_starts(draft: Draft) -> list[int]:
    """Where the document's figures start, in order (`once`: the passes add no figure, and several look figures up
    by bisection; none changes the list)."""
    return once(draft, "quantity_starts", lambda: [q.start for q in draft.facts.quantities])


def by_paragraph(draft: Draft) -> dict[int, list[Mention]]:
    """The mentions of each paragraph, in order. Grouped once per document (kept on the draft): the sentence
    pass has read every mention before the linking passes run, which add none, and the passes only read it."""
    if draft.paragraph_mentions is None:
        out: dict[int, list[Mention]] = {}
        for m in draft.facts.mentions:
            out.setdefault(m.paragraph, []).append(m)
        draft.paragraph_mentions = out
    return draft.paragraph_mentions


def same_section(draft: Draft, a: int, b: int) -> bool:
    """Do two offsets stand under the same heading?"""
    return draft.doc.section_at(a) is draft.doc.section_at(b)


def under_heading(draft: Draft, a: int, b: int, up: int = 0) -> bool:
    """Does offset `a` (before `b`) stand under `b`'s heading: in `b`'s section or in one below it (a numbered
    item of a list, `1.利润收入 A`), no heading of `b`'s level or above between them? With `up`, under the heading
    that many levels above `b`'s (none where `b`'s section has no such heading above it)."""
    doc = draft.doc
    here = doc.section_path(b)
    if up:
        if len(here) <= up:
            return False
        here = here[:-up]
    if doc.section_path(a)[: len(here)] != here:
        return False
    return not any(s.title and len(s.path()) <= len(here) for s in doc.sections_between(a, b))


# a score as written: up to three digits and its decimals (`93.5`, `100`)
SCORE_NUMBER = r"\d{1,3}(?:\.\d+)?"


def score_figures(draft: Draft) -> dict[int, tuple[Mention, Quantity]]:
    """The exact figures in 分 by where they start: the score readings, which find their figures by a pattern's
    groups, look them up so (`once`: several passes ask, and none changes it)."""
    return once(
        draft,
        "score_figures",
        lambda: {
            q.start: (m, q) for m in draft.facts.mentions for q in m.quantities if q.base_unit == "分" and q.exact
        },
    )


def exact_of(m: Mention, unit: str) -> Quantity | None:
    q = m.of_unit(unit)
    return q if q is not None and q.exact else None


def exact_figure(m: Mention) -> Quantity | None:
    """The figure's first exact amount or count (a total's, a list's whole's), if any."""
    for q in m.quantities:  # (a loop, not a generator: asked of nearly every figure by many passes)
        if q.kind in ("amount", "count") and q.exact:
            return q
    return None


def figures(mentions: list[Mention], kinds: tuple[str, ...] = ("amount", "count")) -> Iterator[Quantity]:
    for m in mentions:
        yield from (q for q in m.quantities if q.kind in kinds)


# a figure named as the one compared with (`余额比年初的 B`, `结转结余较年初的 B`, `较上年末的 B`): the value at another
# date that a change is measured from, never the named thing's own value now
COMPARED = regex(r"(?:比|较)[^，。；\d]{0,10}的$")


def compared_base(m: Mention) -> bool:
    """Is the figure the base of a comparison its words set out (`年末结转结余较年初的 B 增加 Δ`: B is the opening
    balance, not the closing one the label begins with)?"""
    return COMPARED.search(m.label) is not None


BALANCE_WORD = regex("|".join(words("relations", "balance")))
OPENING = regex(r"^(?:上年末|上年底|年初|期初|上年)(?:结余|余额|结转|滚存)")
_DRAWN = load("relations").get("drawn_from_balance") or {}
# money a unit draws from a balance it keeps apart (`使用非财政拨款结余 B`; vocab relations drawn_from_balance): a verb
# of drawing, then the balance's word within the figure's name, or a wording named so whole
DRAWN_FROM_BALANCE = regex(
    f"(?:{alternation(_DRAWN.get('verbs'))})[^，,；;。、\\d]{{0,12}}?(?:{alternation(_DRAWN.get('balances'))})"
    f"|{alternation(_DRAWN.get('names'))}"
)


def drawn_from_balance(m: Mention) -> bool:
    """Is the figure named as money drawn from a balance kept apart (`使用非财政拨款结余`): a flow into the year, no
    balance of it?"""
    return DRAWN_FROM_BALANCE.search(m.label) is not None


# the words before an act's name saying it has been done (`已支付`, `累计拨付`, `实际完成`): what follows is the act
# (lists read a whole's and a part's, chains a part's set off after a separator, breakdowns a list's whole)
DONE_ACT = regex(r"^(?:已经|已|累计已?|实际已?)(?P<act>[\u4e00-\u9fff]{2})")


# a count of the units under an entity besides the entity itself (`由局机关和下属 6 个事业单位组成`): the whole a
# following 其中 divides (行政单位 1 个，事业单位 6 个) is that count and one more, never the count alone
SUBORDINATES = regex(r"(?:和|及|以及|与)(?:其)?(?:下属|所属)$")


def scored_apart(head: Mention, parts: list[Mention]) -> bool:
    """Is a score listed under another one a score of its own (`综合得分 88 分，其中资金管理部分得分 95 分`): out of
    100 as the overall one is, not an addend of it? An item of an overall score is out of its weight, below the
    overall score; one above it was scored on its own."""
    total = next((q for q in head.quantities if q.base_unit == "分"), None)
    if total is None:
        return False
    return any(q.base_unit == "分" and q.value > total.value for p in parts for q in p.quantities[:1])


def counts_subordinates(head: Mention) -> bool:
    """Does the figure count only the units under an entity named beside it (not the whole it makes)?"""
    return bool(SUBORDINATES.search(head.label))


def names_itself(head: Mention, parts: list[Mention]) -> bool:
    """Does one of the parts name the head again, the same item with the same figure, beside other parts
    (`本年收入合计 A，上年结转 B，其中：甲 a，乙 b，上年结转 B`)? Then the list is of a whole holding the head
    (A + B, its own parts beside it), not of the head: a whole is no part of itself beside others."""
    q = exact_figure(head)
    if q is None or not head.key or len(parts) < 2:
        return False
    return any(
        p.key == head.key
        and (x := exact_figure(p)) is not None
        and (x.base_unit, x.base_value) == (q.base_unit, q.base_value)
        for p in parts
    )


def rolls_forward(head: Mention, parts: list[Mention]) -> bool:
    """Is the list a balance rolled forward (`余额 23.45 亿元。其中，当年补充 10.12 亿元，调出 8.00 亿元，上年末余额
    21.33 亿元`: opening + inflows − outflows), not a sum? A balance whose items hold its opening balance."""
    return bool(BALANCE_WORD.search(head.key)) and any(OPENING.match(p.key) for p in parts)


# a period that is one portion of a year, no months from January to a cut-off (figures.context's periods
# `2025-当月`, `2025-二季度`, `2025-下半年`; `2025-11` is 1-11月, `2025-06` 上半年)
PORTION = regex(r"^(?:\d{4}|[+-]\d+)-(?!\d)")


def periods_apart(b: Breakdown) -> bool:
    """Is the whole a found list is of a portion of the year (`11月当月，支出 Y。从主要支出科目看：` / `1.教育支出完成 a`)
    while a part is of another period (the document's `1—11月`, its own words naming none), and the parts do not
    make the whole? A month's figure is no sum of what the months up to it came to: which figure the items are of
    is not known, so they are not read as its parts. (Items that add up to it are the month's own.)"""
    period = b.total.identity.context.period
    if period is None or PORTION.match(period) is None:
        return False
    if all(p.identity.context.period in (period, None, MIXED) for p in [*b.parts, *b.minus]):
        return False
    whole = exact_figure(b.total)
    if whole is None:
        return True
    plus = [q for p in b.parts if (q := p.of_unit(whole.base_unit)) is not None]
    minus = [q for p in b.minus if (q := p.of_unit(whole.base_unit)) is not None]
    return len(plus) + len(minus) != len(b.parts) + len(b.minus) or not foots(whole, plus, minus)


# an indicator's full marks or weight (`产出指标满分 40 分`, `分值 20`, `权重 10`): no score of its own
FULL_MARKS = regex(r"满分|分值|权重")
# a figure named only as what another changed by (`减收 24.61 亿元`, `比上年增加 3.2 亿元`): never a list's whole
CHANGE_AMOUNT = regex(
    # (the reference a budget too: `比调整预算短收`, `较年初预算超收`)
    r"^[，、；\s]*(?:同比|比上年同期|比上年|较上年|与上年相比|本年|当年|今年|(?:比|较)(?:年初|调整后?|变动后)?预算数?)?(?:"
    + "|".join((*words("relations", "up"), *words("relations", "down")))
    + r"|新增|增收|减收|增支|减支|多收|少收|超收|短收|节支)了?$"
    # (`比上年多 198 个`: the comparison's 多/少 names the difference too)
    + r"|^[，、；\s]*(?:比|较)(?:上年同期|上年|去年)(?:多|少)了?$"
)


def changed_by(label: str, part_labels: list[str]) -> bool:
    """Is a figure named only as what another changed by (`减收`, `比上年增加`) while the parts listed after it do
    not repeat the change's word (a list of the change itself does: `调增 30 万元，其中调增人员经费 12 万元`)? Then
    it is no whole of that list."""
    if not part_labels or CHANGE_AMOUNT.match(label) is None:
        return False
    word = label.strip("，、；： ")
    return not all(word[-2:] in p for p in part_labels)


def _change_words() -> dict[str, tuple[str, str]]:
    """Each word naming a figure as a change, with its kind (`changed`: against an earlier period; `budget`: a gap to
    a budget) and direction (vocab relations up, down, changed_by, missed_budget_by). One-character words (增, 减)
    are left out: they end too many names (`新增`) to say a figure is a change."""
    rel = load("relations")
    found = {w: ("changed", side) for side in ("up", "down") for w in words("relations", side) if len(w) > 1}
    found.update({str(w): ("changed", str(side)) for w, side in (rel.get("changed_by") or {}).items()})
    found.update({str(w): ("budget", str(side)) for w, side in (rel.get("missed_budget_by") or {}).items()})
    return found


CHANGE_WORDS = _change_words()
_CHANGE = alternation(CHANGE_WORDS)
# a total named as a change of the items it sums: the change's word after the total word (`上述三个税种合计减收`,
# `以上两项共减少`, `合计比上年增加`) or right before it (`减收合计`)
CHANGE_TOTAL = regex(
    rf"(?:(?:合计|共计|总计|总共|一共|共|累计)(?:同比|(?:比|较)[\u4e00-\u9fff]{{1,8}}?)?(?P<after>{_CHANGE})"
    rf"|(?P<before>{_CHANGE})(?:合计|共计|总计))(?:了|为)?$"
)
# a figure named as a change, the change's word last (`减收`, `甲税比上年减收`, `比上年下降`)
NAMED_CHANGE = regex(rf"(?P<w>{_CHANGE})了?$")


def total_change(label: str) -> tuple[str, str] | None:
    """The kind and direction of the change a total is named as (`合计减收`: changed, down), None for a total of
    the items' own figures."""
    found = CHANGE_TOTAL.search(label.strip("，、；：:。 "))
    return None if found is None else CHANGE_WORDS[found.group("after") or found.group("before")]


def named_change(label: str) -> tuple[str, str] | None:
    """The kind and direction of the change a figure is named as (`比上年减收`: changed, down), None for another."""
    found = NAMED_CHANGE.search(label.strip("，、；：:。 "))
    return None if found is None else CHANGE_WORDS[found.group("w")]


def sums_other_than_changes(b: Breakdown) -> bool:
    """Does a total named as a change (`上述三个税种合计减收 T`) take parts that are not changes of its kind and
    direction (`甲税完成 a，下降 p%`: a, what was collected)? T sums what the items changed by, never their own
    figures; subtracted parts may change either way. (A list after the total, `合计减收 T，其中甲税 a、乙税 b`, is
    of the change it names: its parts are changes whatever their words.)"""
    change = total_change(b.total.label)
    if change is None or any(p.start > b.total.start for p in [*b.parts, *b.minus]):
        return False
    kind = change[0]
    return any(named_change(p.label) != change for p in b.parts) or any(
        (named_change(p.label) or ("", ""))[0] != kind for p in b.minus
    )


# the fields that place a figure: where, at what stage, of which year (a whole of all funds shares them with its part;
# a transfer between funds is stated alike on both sides)
PLACE_FIELDS = ("scope", "stage", "period")


# a figure named as what an outcome passed or fell short of its target, or another reference, by (`智慧教室超额完成
# 12 间`, `超出计划 3 个`, `比目标少 2 所`, `较目标多`, `低于年度计划`): a difference, never a list's whole nor a
# rate's operand
BEYOND_TARGET = regex(
    r"(?:超额完成|超额|(?:比|较|与)[^，。；、]{0,8}?(?:多|少|超出|超过|高于|低于|节约|节余|节省|超支)|超出|超过"
    r"|(?:超出|超过|超额完成|超|高于|低于|多于|少于)(?:年度|全年)?(?:目标|计划|任务|预期|指标)(?:值|数)?)了?[，,]?\s*$"
)


def beyond_target(label: str, part_labels: list[str]) -> bool:
    """Is a figure named only as what an outcome passed or fell short of its target by, the parts listed after it
    not saying so too (a list of the excess itself does: `超额完成 12 间，其中甲县超额 5 间`)? Then it is no whole
    of that list."""
    if not part_labels or BEYOND_TARGET.search(label.strip("，、；： ")) is None:
        return False
    return not all(any(w in p for w in DIFFERENCE_WORDS) for p in part_labels)


# the words a part names a difference by (`其中甲县超额 5 间`, `其中建安工程节约 a`)
DIFFERENCE_WORDS = ("超", "多", "少", "节约", "节余", "节省")


def account_side(label: str) -> str | None:
    """The side of the account a label names (收入 or 支出), None where it names neither or both."""
    found = [s for s in SIDES if s in label]
    return found[0] if len(found) == 1 else None


def within_whole(labeller: Labeller, whole: Mention, parts: list[Mention]) -> list[Mention]:
    """The parts before the first that names a sibling of the whole rather than a part of it: another fund
    (`一般公共预算收入 X。其中，税收收入 a，占 p%；政府性基金预算收入 b`: b is the government's other budget,
    beside X, not in it) or the other side of the account (a 支出 after the parts of a 收入). A fund holds the
    funds whose names contain its own (财政拨款 holds 一般公共预算财政拨款); 全口径 holds them all. Only a part
    unlike the first ends the list: where the first already names the other side (`收入总预算 T，其中：基本支出
    a，项目支出 b`, a balanced budget's total broken down by its use), the list is read as written."""
    fund = labeller.identify(whole.label)[1].fund
    side = account_side(whole.label)
    first = (labeller.identify(parts[0].label)[1].fund, account_side(parts[0].label)) if parts else (None, None)
    for k, p in enumerate(parts[1:], 1):
        named = labeller.identify(p.label)[1].fund
        other_fund = (
            fund is not None and named is not None and fund != "全口径" and fund not in named and named not in fund
        )
        other_side = side is not None and account_side(p.label) not in (None, side)
        if (other_fund and named != first[0]) or (other_side and account_side(p.label) != first[1]):
            return parts[:k]
    return parts


def not_of_another(labeller: Labeller, shares: list[Share], parts: list[Mention]) -> list[Mention]:
    """The parts less those whose share names another part as their whole (`其中基本支出 A，人员经费 B，占基本支出
    的 p%`: 人员经费 is part of 基本支出, not beside it). `shares`: those of the list's sentence, or more."""
    named = {id(s.part): s.base_label for s in shares if s.base_label and s.part is not None}
    out: list[Mention] = []
    for m in parts:
        base = next((named[id(q)] for q in m.quantities if id(q) in named), "")
        item = labeller.identify(base)[0] if base else ""
        if item and any(labeller.identify(p.label)[0] == item for p in out):
            continue
        out.append(m)
    return out


# wholes named as what their parts are not, and the names of those parts (vocab relations.yaml not_of)
NOT_OF = [
    (word, regex("|".join(str(p) for p in tails))) for word, tails in (load("relations").get("not_of") or {}).items()
]


def excludes(whole: Mention, parts: list[Mention]) -> bool:
    """Does the whole's name say a part is none of it (`非税收入` before `增值税 a、契税 b`)? The part's item is
    its name without the words of its stage (`增值税完成 a`: 增值税)."""
    return any(
        word in whole.label and any(named.search((p.identity.item or p.key).strip("，、；：: ")) for p in parts)
        for word, named in NOT_OF
    )


# a figure added to the one before (`收入 A，加上级补助 B`; not 加大, 加快 …), or written right after its unit with no
# comma (`上年结转 A 万元加本年到位 B 万元，减去…`: the chain starts from A, not from B); there a verb opening with
# 加 is likelier (`投入 A 万元加固堤防`, `研发费用 A 万元加计扣除`), and more of them are told apart
ADDING = regex(
    r"(?:加上|(?:(?<=[，；。、])|^)加(?![大快强紧入班速深重])"
    r"|(?<=元)加(?![大快强紧入班速深重固以装盖工注油热宽高厚密码盟挂印收价息征计权分剧倍载护长]))"
)
# a figure subtracted from the one before (`减上解支出 C`, `扣除…`; not 减少, 减免 …)
SUBTRACT = regex(r"(?:减去|扣除|(?:(?<=[，；、])|^)减(?![少小轻免税负]))")
# what a list's item opens with when it is added to the list rather than listed in it (`加上…`, `另…`, `此外…`:
# vocab additive), and money a fund hands over to another (`调出资金`, `调入一般公共预算`: vocab transfer_ratio)
ADDED = regex("^(?:" + "|".join(sorted(words("relations", "additive"), key=len, reverse=True)) + ")")
HANDED_OVER = regex("^(?:" + "|".join(words("relations", "transfer_ratio")) + ")")


# the opening of a move's first figure (`由年初 A`, `从`), and the words after it that take it to another figure
# (`调增至 B`, `增加到 B`): the figure A is what the item was, B what it is
MOVED_FROM = regex(r"(?:由|从)[^由从，。；,;]{0,6}$")
MOVED_TO = regex(r"\s*(?:调增|调减|增加|减少|增长|下降|提高|降低|调整|上升|压减|追加)?(?:至|到|为)\s*[-\d]")


def changed_from(draft: Draft, m: Mention) -> bool:
    """Is the mention's figure the one a move starts from (`调入资金由 A 调增至 B`)? The item is B now: A is no
    list's whole (`…，其中…`) and no addend of a total stated after it."""
    label = m.label
    if not m.quantities or ("由" not in label and "从" not in label) or MOVED_FROM.search(label) is None:
        return False  # (MOVED_FROM opens with 由 or 从: a label holding neither is not searched)
    return MOVED_TO.match(draft.doc.text, m.quantities[0].end) is not None


def full_marks_complete(items: list[Mention]) -> bool:
    """Do the full marks the items state make 100 (every indicator of an overall score listed)?"""
    full = [q.value for m in items if FULL_MARKS.search(m.label) for q in m.quantities if q.exact]
    return bool(full) and sum(full, Decimal(0)) == 100


def by_clause(text: str, begin: int, spans: Sequence[tuple[int, int]]) -> list[list[int]]:
    """The indexes of the spans (figures in the order of a sentence starting at `begin`) grouped by the clauses
    its semicolons set apart (`A a，B b；C c` → [[0, 1], [2]]; the text's `;` is `；` once normalised)."""
    groups: list[list[int]] = []
    last = begin
    for k, (start, end) in enumerate(spans):
        if not groups or "；" in text[last:start]:
            groups.append([])
        groups[-1].append(k)
        last = end
    return groups


BRACKET = regex(r"[（()）]")


def clause_start(text: str, floor: int, at: int, marks: str) -> int:
    """Where the clause standing before `at` opens: right after the last of `marks` between `floor` (its sentence's
    start) and `at`, or `floor` where there is none."""
    return max([floor, *(text.rfind(c, floor, at) + 1 for c in marks)])


def last_opened(text: str, at: int) -> int:
    """Where the last bracket opened before `at` stands (-1 for none): a half-width one looked for only after the
    last full-width one, not back to the text's start each time."""
    wide = text.rfind("（", 0, at)
    return max(wide, text.rfind("(", wide + 1, at))


def sentences_after(draft: Draft, si: int, rest: list[Mention]) -> Iterator[list[Mention]]:
    """`rest` (the mentions left of sentence `si`, if any), then each later sentence's mentions, taken one at a time
    as they are read (most lists end within a few sentences)."""
    if rest:
        yield rest
    for k in range(si + 1, len(draft.doc.sentences)):
        yield draft.by_sentence.get(k, [])


def in_brackets(draft: Draft, sentence: int, at: int) -> bool:
    """Does an opening bracket before `at` in its sentence stand unclosed? The brackets of a sentence are
    found once (`draft.brackets`): asked of every figure of a long sentence, counting them again each time
    would take time quadratic in its length."""
    found = draft.brackets.get(sentence)
    if found is None:
        span = draft.doc.sentences[sentence]
        at_: list[int] = []
        depth: list[int] = []
        d = 0
        for m in BRACKET.finditer(draft.doc.text, span.start, span.end):
            d += 1 if m.group() in "（(" else -1
            at_.append(m.start())
            depth.append(d)
        found = draft.brackets[sentence] = (at_, depth)
    positions, depths = found
    i = bisect_left(positions, at) - 1
    return i >= 0 and depths[i] > 0


def foots(total: Quantity, parts: list[Quantity], minus: Sequence[Quantity] = ()) -> bool:
    """Do the parts (less `minus`) make the total, each figure within half a unit of its last digit?"""
    s = sum((x.base_value for x in parts), Decimal(0)) - sum((x.base_value for x in minus), Decimal(0))
    tol = sum((x.ulp * x.scale for x in [*parts, *minus]), Decimal(0)) / 2 + total.ulp * total.scale / 2
    return abs(s - total.base_value) <= tol


# the money units one figure may be written in by mistake for another (万元 for 元, 亿元 for 元 …)
UNIT_FACTORS = (Decimal(10) ** 4, Decimal(10) ** -4, Decimal(10) ** 8, Decimal(10) ** -8)


def one_slip(total: Quantity, parts: list[Quantity]) -> bool:
    """Would one changed or swapped digit, or one figure in the wrong money unit, make the parts foot? Where every
    figure is written to one precision, a part may be one unit off the value a digit of it would give (a sum that
    held with a 尾差 of one unit, a digit of a part then mistyped, is one slip away all the same), where that slip
    moves it by ten units or more (one of the last digit alone is not told from the 尾差)."""
    s = sum((x.base_value for x in parts), Decimal(0))
    if digit_slip(total.base_value, s):
        return True
    step = total.ulp * total.scale
    wiggle = (step, -step) if step > 0 and all(x.ulp * x.scale == step for x in parts) else ()
    for p in parts:
        rest = total.base_value - (s - p.base_value)
        if rest <= 0:
            continue
        if digit_slip(p.base_value, rest) or any(
            abs(p.base_value - rest - w) >= 10 * step and digit_slip(p.base_value, rest + w) for w in wiggle
        ):
            return True
    if total.base_unit != "元":
        return False
    band = total.ulp * total.scale
    for f in [total, *parts]:
        for factor in UNIT_FACTORS:
            if f is not total and f.base_value * factor <= band:
                continue  # a part read in a smaller unit is gone, not slipped
            t = total.base_value * (factor if f is total else 1)
            ps = [x.base_value * (factor if x is f else 1) for x in parts]
            if abs(sum(ps, Decimal(0)) - t) <= band:
                return True
    return False


# what stands between a sum of money and the same sum restated in another unit right after it: a bracket
# opened with 约/折合/合 (`3,983.76 万元（约 0.40 亿元）`), or a clause of 约合/折合/即/约为 (`…万元，约合 0.40 亿元`,
# `2.0312 亿元，即 20312 万元`)
CONVERTED = regex(
    r"\s*(?:[（(]\s*(?:约合|折合|约为|约|合|即)?|[，,]\s*(?:约合|折合为|折合|即|亦即|也即|也就是|约为|约))\s*"
)
CLOSED = regex(r"\s*[）)]")
# what ends a clause of restatement after a comma: the figure is all the clause says (`安排 5 亿元，约 3,000 万元
# 用于基建` states a part of it, not the sum again)
CLAUSE_END = regex(r"\s*(?:[，,。；;）)]|$)")


def restated_after(text: str, q: Quantity, r: Quantity) -> bool:
    """Does `r` stand right after `q` as its restatement: in a bracket opened with nothing else and closed
    right after it, or in a clause of 约/即/折合 that says nothing more?"""
    between = CONVERTED.fullmatch(text, q.end, r.start)
    if between is None:
        return False
    # a bracket that holds more than the figure converted says something else of it
    if any(b in between.group() for b in "（("):
        return CLOSED.match(text, r.end) is not None
    return CLAUSE_END.match(text, r.end) is not None


def converted(text: str, q: Quantity, r: Quantity) -> bool:
    """Is `r` the sum of money `q` restated right after it in another money unit (`9,904 万元，约合 0.99 亿元`,
    `3,983.76 万元（约 0.40 亿元）`, the bracket holding nothing else)?"""
    if not (q.kind == r.kind == "amount" and q.base_unit == r.base_unit == "元" and q.unit != r.unit):
        return False
    return restated_after(text, q, r)


# the factors a sum of money is off by when written in the neighbouring unit (万元 for 亿元, 元 for 万元)
UNIT_STEPS = (Decimal(10**4), Decimal(10**8))


def restated_in_own_unit(text: str, q: Quantity, r: Quantity) -> Decimal | None:
    """`586450 万元，约为 58.65 万元`: `r` restates the sum `q` right after it (`restated_after`) in the same unit,
    with a number 10⁴ or 10⁸ times smaller or larger: one of the two units is a slip. The factor from r's
    number to q's (10⁴: r meant in the unit 10⁴ above, or q in the one 10⁴ below); None when no factor
    makes the numbers agree, each within its precision."""
    if not (q.kind == r.kind == "amount" and q.base_unit == r.base_unit == "元" and q.unit == r.unit):
        return None
    if not q.exact or r.per or r.bound is not None or r.value == 0 or not restated_after(text, q, r):
        return None
    for step in UNIT_STEPS:
        for factor in (step, 1 / step):
            low, high = interval(r)
            if low * factor <= q.base_value <= high * factor or _within(q, r.base_value * factor):
                return factor
    return None


# the money units a figure's number may have been meant in when its unit slipped, each with the 元 it stands for
# (10⁴ apart; not explain's MONEY_UNITS: its 千元 is 10⁴ from 千万元, and would read a figure in 千万元 as slipped
# from 千元)
SLIP_MONEY_UNITS = {"元": Decimal(1), "万元": Decimal(10**4), "亿元": Decimal(10**8)}


def neighbour_units(q: Quantity) -> Iterator[tuple[str, Decimal]]:
    """The money units (SLIP_MONEY_UNITS) 10⁴ or 10⁸ from a sum's own, each with the factor from its scale to theirs
    (10⁴, 1/10⁴, 10⁸, 1/10⁸ in that order): where a slipped unit's number was meant."""
    for step in UNIT_STEPS:
        for factor in (step, 1 / step):
            unit = next((u for u, scale in SLIP_MONEY_UNITS.items() if scale == q.scale * factor), None)
            if unit is not None:
                yield unit, factor


def slipped_unit(q: Quantity, other: Quantity, digits: int) -> str | None:
    """The money unit 10⁴ or 10⁸ away from `q`'s in which `q`'s number agrees with the sum `other` to the written
    precision of the coarser of the two (`70.00 万元` read in 亿元 holds `699,951 万元`), that coarser figure written
    with `digits` significant digits or more (fewer agree by chance); None where no such unit does."""
    if not q.value or not q.exact or not other.exact or q.base_unit != "元" or other.base_unit != "元":
        return None
    low, high = interval(q)
    o_low, o_high = interval(other)
    for unit, factor in neighbour_units(q):
        if q.ulp * q.scale * factor >= other.ulp * other.scale:  # q read so is the coarser: it holds the other
            agree, coarser = low * factor <= other.base_value < high * factor, q
        else:
            agree, coarser = o_low <= q.base_value * factor < o_high, other
        if agree and significant_digits(coarser) >= digits:
            return unit
    return None


def significant_digits(q: Quantity) -> int:
    """The significant digits a figure is written with (`70.00`: 4, `1.01`: 3, `0.99`: 2)."""
    return len(str(abs(q.value)).replace(".", "").lstrip("0"))


def _within(q: Quantity, value: Decimal) -> bool:
    low, high = interval(q)
    return low <= value <= high


ORDINALS = "一二三四五六七八九十"


def count_of(word: str) -> int:
    """The number a count word writes (`3`, `两`, `四`)."""
    return int(word) if word.isdigit() else 2 if word == "两" else ORDINALS.index(word) + 1


def list_total(breakdowns: Sequence[Breakdown], found: Sequence[Quantity]) -> tuple[Breakdown, Quantity] | None:
    """Of figures found under one name, the one that totals a list whose parts are all the others (`限额 X，其中
    一般债务限额 a、专项债务限额 b`, `筹集资金 X，其中：财政拨款 a…`: the name, unqualified, is the total's, each part
    narrowed by its own word or found under it by its fund alone): the list and that figure."""
    for b in breakdowns:
        totals = [q for q in found if any(q is t for t in b.total.quantities)]
        if len(totals) != 1:
            continue
        inside = {id(q) for p in b.parts for q in p.quantities}
        if all(q is totals[0] or id(q) in inside for q in found):
            return b, totals[0]
    return None


def said_earlier(draft: Draft, m: Mention, others: list[Mention]) -> bool:
    """Do a figure's own words place it in an earlier period (`上年…`, `剔除上年…`) while the others' words name no
    period? Then it is no whole of theirs: a list or a share of this period is not of last year's figure."""
    said = draft.stated.get(id(m))
    if said is None or said.period is None or not said.period.startswith("-"):
        return False
    return all((own := draft.stated.get(id(o))) is None or own.period is None for o in others)


def sentence_of(draft: Draft, offset: int) -> int:
    """The index of the sentence holding the offset (the last to open before it; the first before any)."""
    return max(draft.doc.sentence_index(offset), 0)


def mention(draft: Draft, label: str, q: Quantity) -> Mention:
    """A figure that no sentence names, given a mention of its own under `label` (a table's cell, a change's size
    restated), in the sentence it stands in."""
    si = sentence_of(draft, q.start)
    return Mention(label, label, [q], si, draft.doc.sentences[si].paragraph if draft.doc.sentences else 0)


# what a fund's figure is on the side of its sources (`财政拨款收入`, `财政拨款全年可用资金`) or of its uses (`…支出`)
SOURCE_REST = regex(r"(?:收入|资金)$")
USE_REST = regex(r"支出$")


def sources_and_uses(parts: list[Mention]) -> bool:
    """Are two of the parts one fund's sources and its uses (`其中财政拨款全年可用资金 a，财政拨款支出 b`: the fund's
    share of the budget and of the spending before, each a part of another whole), which no whole adds up?"""
    return _two_sides(parts, _fund_side)


def _fund_side(m: Mention) -> tuple[str, str] | None:
    """The fund a part names and whether it is the fund's sources or its uses, if both are said."""
    r = read(m.label)
    rest = r.rest.strip("，、；：（）() ")
    side = "source" if SOURCE_REST.search(rest) else "use" if USE_REST.search(rest) else ""
    return (r.context.fund, side) if r.context.fund and side else None


def _two_sides(parts: list[Mention], side_of: Callable[[Mention], tuple[str, str] | None]) -> bool:
    """Do two of the parts give the two sides of one thing (`side_of`: the thing a part is of and its side)?"""
    sides: dict[str, set[str]] = {}
    for m in parts:
        found = side_of(m)
        if found is not None:
            sides.setdefault(found[0], set()).add(found[1])
    return any(len(found) == 2 for found in sides.values())


_NET_TERMS: dict[str, list[str]] = load("relations").get("net_terms") or {}
# a name ending in an income's or a cost's word, the thing it is of before it (`利息收入`, `利息费用`)
NET_TERM = regex(
    "^(?P<thing>[\u4e00-\u9fff]{1,8}?)(?:(?P<income>"
    + "|".join(_NET_TERMS.get("income") or [])
    + ")|(?P<cost>"
    + "|".join(_NET_TERMS.get("cost") or [])
    + "))$"
)


def income_and_cost(parts: list[Mention]) -> bool:
    """Are two of the parts one thing's income and its cost (`财务费用 X，其中利息费用 a，利息收入 b`)? They are the
    terms of a net, one counted against the other: the whole they are listed under does not add them up."""
    return _two_sides(parts, _net_side)


def _net_side(m: Mention) -> tuple[str, str] | None:
    """The thing a part is the income or the cost of, and which of the two it is."""
    term = NET_TERM.match(m.label.strip("，、；：:（）() "))
    if term is None:
        return None
    return term.group("thing"), "income" if term.group("income") else "cost"


# the two sides of each difference the vocabulary defines between two measures of one thing (difference_identities: `送审`
# and `审定`, `资产` and `负债`, `原值` and `累计折旧`), those between a fund's flows aside (`收入` and `支出`: the sides a
# list of both may hold each of its own total, headless_lists `_by_side`)
DIFFERENCE_SIDES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = tuple(
    (tuple(i.minuend), tuple(i.subtrahend)) for i in IDENTITIES if not i.flows
)
SIDE_NAME_END = "，、；：:（）() 为是达"


def sides_of_a_difference(parts: list[Mention]) -> bool:
    """Are two of the parts the two measures of a difference (`其中，工程费用送审 a，审定 b`: the amount submitted and
    the amount approved of one cost, whose difference is the 审减)? They are one thing measured twice, not two parts
    of a whole."""
    names = [m.label.strip(SIDE_NAME_END) for m in parts]
    return any(
        any(n.endswith(minuend) for n in names) and any(n.endswith(subtrahend) for n in names)
        for minuend, subtrahend in DIFFERENCE_SIDES
    )


# money named as arrived (`实际到位`, `已到位`, `市级资金实际到位`): a stage of money allotted or planned, not a kind
# of it; the name before the words, if any (`市级资金`)
ARRIVED = regex(r"到位")
ARRIVED_OF = regex(r"(?P<name>[^\d，,；;。：:、]*?)(?:实际|已经|已)?到位(?:资金|金额|数)?(?:为|是|达)?")
LIST_MARKS = "，,、；;：: \u3000"


def _restated(m: Mention, before: list[Mention]) -> int | None:
    """The index (in `before`) of the member the item gives at the stage of arrival: the one before it, for the
    stage's words alone after the member in its clause (`县级 d，实际到位 e`), or the one of the name it states
    again (`…市级 c…；市级资金实际到位 e`); None for any other item."""
    found = ARRIVED_OF.fullmatch(m.label.strip(LIST_MARKS))
    if found is None or not before:
        return None
    name = found["name"].removesuffix("资金")
    if not name:
        return len(before) - 1
    if len(name) < 2:
        return None
    named = [p.label.strip(LIST_MARKS).removesuffix("资金") for p in before]
    return next((k for k, n in enumerate(named) if len(n) >= 2 and (n.endswith(name) or name.endswith(n))), None)


def before_restaged(parts: list[Mention], whole: str = "") -> list[Mention]:
    """The items of a list up to one restating a member at the stage of arrival where the first item names no such
    stage (`中央 a、省级 b、市级 c、县级 d；市级资金实际到位 e`, `…县级本级安排 d，实际到位 e，尚有 f 未到位`): what of a
    member arrived is none of the list's members, and what follows it goes on about that member. Of a whole named
    as arrived (`whole`, its label: `实际到位资金 T，其中，地市应配套资金 c，实际到位 e`) the member is counted at
    that stage, e in c's place."""
    if not parts or ARRIVED.search(parts[0].label):
        return parts
    for k in range(1, len(parts)):
        at = _restated(parts[k], parts[:k])
        if at is None:
            continue
        if ARRIVED.search(whole):
            return [*parts[:at], parts[k], *parts[at + 1 : k]]
        return parts[:k]
    return parts


# a bracket opening right after a figure (spaces between), and the bracket's close
BRACKET_AFTER = regex(r"\s*[（(]")
BRACKET_CLOSE = regex(r"[）)]")


# a sentence that opens by saying it states targets (`年度绩效目标为：`, `绩效目标：`, `（二）目标任务：`; matched at the
# sentence's start, so no `^`, which matches at a pos only after a newline): its figures
# are what was aimed at, whatever outcome words name them (`完成改造小区 220 个`); not `目标完成情况：`
TARGET_LEAD = regex(
    r"\s*(?:[（(][一二三四五六七八九十\d]{1,2}[）)])?[^，,。；;：:]{0,10}?目标(?:值|任务)?(?:为|是)?[：:]"
)
# a line of its own, right before a sentence, heading the targets it states (`（预期目标）`, `年度目标：`)
TARGET_ABOVE = regex(r"(?:^|\n)[（(]?(?:年度|预期|绩效|总体|年度总体){0,2}目标(?:值)?[）)]?[：:]?\s*\n\s*$")


def states_targets(draft: Draft, m: Mention) -> bool:
    """Does the mention's sentence open by saying it states targets (its figures no outcomes, whatever words of
    outcome name them)?"""
    sentence = draft.doc.sentences[m.sentence]
    text = draft.doc.text
    if TARGET_LEAD.match(text, sentence.start, sentence.end) is not None:
        return True
    # (or the line right before it is a heading saying so, `（预期目标）` above the targets of a 自评表's 年度总体目标)
    return TARGET_ABOVE.search(text, max(0, sentence.start - 16), sentence.start) is not None
