"""Label normalisation: the words before a figure reduced to a key that names the quantity.

`本年收入合计`, `收入总计` and `总收入` all become `收入合计` through the synonym table shipped in
`data/synonyms.yaml` (extendable from the configuration). Dates and cut-off qualifiers are removed from
the key but kept apart as the label's period, because the same label at another cut-off is another
quantity.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Literal

from tieout.linter.figures.context import Context, read
from tieout.linter.figures.quantities import Quantity, approx_words
from tieout.linter.patterns import regex
from tieout.linter.vocab import load, words
from tieout.linter.vocab import relation_words as _alternation

# (the lookahead of the characters a match can start with changes no match: it lets the scan skip the other
# positions at once)
PERIOD = regex(
    r"(?=[截到\d上下第全当今])(?:"
    r"(?:截至|截止|截止到|截至到|到)?(?:\d{4}年(?:度)?)?(?:\d{1,2}月(?:\d{1,2}日)?(?:底|末)?)(?:止|前)?"
    r"|(?:截至|截止|到)\d{4}年(?:底|末)|\d{4}年(?:度|底|末)?|上半年|下半年|第[一二三四]季度|全年|当年|今年以来|今年"
    r")"
)
# every match of PERIOD holds one of these (年, 月, or 季度): a label with none of them has no period words
PERIOD_MARKS = ("年", "月", "季度")
LEAD = regex(
    r"^(?:[—–\-－─·•●◆■□▲※*=＝+＋]+|\d{1,2}[.、](?!\d)|（\d{1,2}）|[一二三四五六七八九十]{1,3}[、.]|（[一二三四五六七八九十]{1,3}）|[一二三四五六七八九十]是|[，、；：:,;（）()]|其中|另外|另|以及|和|及|与|并且|并|且|同时|此外|相应|全市共计|全市共|全市|共计|总共|共(?![同享建担治])|累计进行|我市|我局|本部门|本单位|本局|已|为|对)+"
)
TRAIL_WORDS = "为 是 达到 达 约为 约 共计 共 有 的 分别 已达 累计达 将近 超过 近 逾".split()
TRAIL = regex(f"(?:{approx_words(TRAIL_WORDS)})+$")
# verbs that end the noun phrase after a figure (`49 家定点医院签订服务协议`)
VERB = regex(
    r"(?:开展|签订|进行|实施|完成|纳入|发放|办理|提供|参与|参加|接受|开通|上线|覆盖|涉及|通过|获得|达到|用于"
    r"|支付|执行|落实|印发|组织|推进|被|已|的|上报|报送|确认|审核|核查|检查|调查|整改|移送|追回)"
)
DEFAULT_PERIODS = {"全年", "当年", "今年", "今年以来"}
PAREN = regex(r"（[^（）]*）")
PUNCT = regex(r"[“”‘’《》〈〉<>「」『』\"'·\s]")


@lru_cache(maxsize=1)
def _shipped_synonyms() -> dict[str, str]:
    data = load("synonyms") or {}  # parsed once, then read from the user's cache folder (vocab.load)
    return {variant: key for key, variants in data.items() for variant in [key, *variants]}


TOTAL_WORDS = regex(f"(?:{_alternation('total')})")
RATE_NAME = regex(f"(?:{_alternation('rate_name_tail')})$")
UP_WORD = regex(_alternation("up") + "|升")
DOWN_WORD = regex(_alternation("down") + "|低")
GENERIC_ITEMS = frozenset(words("relations", "generic_items"))


def shared_word(a: str, b: str, hanzi: bool = False) -> bool:
    """Do two names share a word of two characters (`收入总额` and `收入`: one measure named two ways)? With `hanzi`,
    only a word of two Chinese characters counts (labels that may share digits or marks: `全年共验收` and `验收合格`)."""
    return any(
        a[k : k + 2] in b and not (hanzi and not all("\u4e00" <= ch <= "\u9fff" for ch in a[k : k + 2]))
        for k in range(len(a) - 1)
    )


# the short words publishers write for longer ones of a thing's name, each by what it spells out (vocab
# tables.short_words: `医保`, `企业养老保险`); a full name stands for itself, so that a short word inside it
# (`居民基本医疗保险` in `城乡居民基本医疗保险`) is not spelt again, and the longest word is tried first
SHORT_WORDS: dict[str, str] = {str(k): str(v) for k, v in (load("tables").get("short_words") or {}).items()}
_SPELT = {**{v: v for v in SHORT_WORDS.values()}, **SHORT_WORDS}
# a short word right after a word naming another scheme with it (vocab tables.short_word_rivals: `城镇` of
# `城镇居民基本医疗保险`, the towns' scheme before the merger) is a part of that name, no short word; full names match
# wherever they stand
_RIVALS = "".join(f"(?<!{re.escape(w)})" for w in words("tables", "short_word_rivals"))
SHORT_WORD = regex(
    "|".join(
        re.escape(w) if w in SHORT_WORDS.values() else _RIVALS + re.escape(w)
        for w in sorted(_SPELT, key=len, reverse=True)
    )
)


@lru_cache(maxsize=4096)
def spelt_out(text: str) -> str:
    """The text with its short words written in full (`城乡居民医保基金` → `城乡居民基本医疗保险基金`, `企业养老保险` →
    `企业职工基本养老保险`): two names of one thing, each spelt out, are one. A short word spelt out may hold another
    (`城镇职工医保` › `城镇职工基本医疗保险` › `职工基本医疗保险`): spelt again until nothing changes, which ends, as
    every full name stands for itself. (Cached: the checks spell the same labels and rows again and again.)"""
    if not SHORT_WORDS:
        return text
    spelt = SHORT_WORD.sub(_full, text)
    while spelt != text:
        text, spelt = spelt, SHORT_WORD.sub(_full, spelt)
    return text


def names_within(name: str, text: str) -> bool:
    """Does the text, spelt out, name the thing `name` (spelt out) names, not a narrower one whose full name holds it
    (`职工基本医疗保险` holds `基本医疗保险`, the name `医保` spells out to, and is one of its funds, not it)?"""
    if name not in text:
        return False
    return not any(w != name and name in w for w in SHORT_WORD.findall(text))


def _full(word: re.Match[str]) -> str:
    return _SPELT[word.group()]


# a note naming what a figure includes (`含开发区`, `包括`): vocab relations `included`
INCLUDED_WORDS = f"(?:{_alternation('included')})"
INCLUDED = regex(f"^{INCLUDED_WORDS}")
# a figure named by an outcome's stage and a side alone (`实际支出`, `，决算支出为`): of the thing named before it in
# its sentence (`“三公”经费预算 A，实际支出 B`), not all the spending
STAGE_AND_SIDE = regex(r"^[，、；\s]*(?:全年)?(?:实际|决算|执行)(?:支出|收入)(?:数|额)?(?:为|是)?$")
# a figure beside another that is only last year's value of it (`，上年为 B`, `（去年 B）`): a note on its neighbour
LAST_YEAR_BESIDE = regex(
    r"^[，、；：]*(?:比|较|与)?(?:上年末|上年底|上年同期|上年同月|去年同期|去年同月|上年|去年)(?:末|底)?(?:为|是|的)?$"
)
# a side of a budget opening the list of its parts with no colon after it (`收入包括一般公共预算拨款收入 X`, `支出主要包括
# 基本支出 X`): the figure is the part's, named after it (a name at least two characters long)
SIDE_LIST_LEAD = r"(?:收入|支出)(?:主要)?(?:包括|包含)(?=[\u4e00-\u9fff]{2})"
# what is left of a label once its context words are read: list marks, connectives, verbs of stating
ITEM_TRIM_LEAD = regex(
    r"^(?:[，、；：:,;（）()①-⑳❶-❿—–\-－─·•●◆■□▲※*]|其中|的|和|及|与|对|在(?!建|途|职|编|岗|校|读|押|库)|关于|各级|各项|累计|合计|加上(?!年(?!初))|加|减去|减"
    # how or when a figure came about, not what it is (`执行中按法定程序调整为 X`, `年中调整为 X`)
    r"|执行过程中|执行中|年中(?!央)|按法定程序|按程序|依法|经批准"
    # the project a report is of, pointed at (`本项目自评总分` is the report's `项目自评总分`); what was held
    # (`开展培训 3,280 人次` counts 培训)
    r"|[本该](?=项目)|开展|举办"
    # who collected a revenue (`全市累计组织税收收入 X`: the 税收收入 collected)
    r"|组织(?=(?:税收|财政|一般公共预算)?收入)"
    # who allotted the figure to whom (`省财政厅下达某市新增专项债券 X`, `财政部提前下达我省新增一般债务限额 X`): the
    # allotment named, not what it is; the thing allotted is the item
    r"|(?:财政部|省财政厅|省财政|市财政局|市财政|上级财政|上级)(?:提前)?下达"
    r"(?:我省|我市|我县|我区|本省|本市|本县|本区|[\u4e00-\u9fff]{2,4}?[省市县区](?![级直]))"
    # the side a list of its parts opens with, no colon after it (`收入包括一般公共预算拨款收入 X`): the part is named
    rf"|{SIDE_LIST_LEAD}"
    r")+"
)
ITEM_TRIM_MARKS = "，、；：:,;（）()"
ITEM_TRIM_WORDS = "情况 为 是 达到 达 约为 约 共计 共 有 的 分别 已达 预计".split()
ITEM_TRIM_TAIL = regex(f"(?:[{ITEM_TRIM_MARKS}]|{approx_words(ITEM_TRIM_WORDS)})+$")
# a verb of budgeting right after the revenue or spending it budgets (context.yaml budget_tails): the item's budget
_TAILS = load("context")["budget_tails"]
BUDGET_TAIL = regex("(?:" + "|".join(_TAILS["items"]) + ")(" + "|".join(_TAILS["verbs"]) + ")$")
BUDGET_STAGE = "预算"
# The characters a text must end with for TRAIL / ITEM_TRIM_TAIL to take anything off it (the texts they trim
# have no whitespace left, so `$` is their end): the others, most labels, are spared the search at every position.
TRAIL_ENDS = frozenset(w[-1] for w in TRAIL_WORDS)
ITEM_TRIM_ENDS = frozenset(ITEM_TRIM_MARKS) | {w[-1] for w in ITEM_TRIM_WORDS}


# Labels recur from one document to the next (`其中`, `一般公共预算收入`, three in ten of a corpus's are met
# before): what a labeller read is kept for every labeller of the same synonym table, one per document, as
# `context.read` keeps its readings. Bounded: a memo that grows past MEMO_SIZE labels is started afresh.
MEMO_SIZE = 100_000
_Memos = tuple[dict[str, tuple[str, str]], dict[str, tuple[str, Context]]]
_SHARED: dict[tuple[tuple[str, str], ...], _Memos] = {}
SHARED_TABLES = 8  # synonym tables whose memos are kept (a process meets one or two; tests, more)


def _memos(synonyms: dict[str, str]) -> _Memos:
    """The memos of `split` and `identify` shared by the labellers of this synonym table."""
    table = tuple(sorted(synonyms.items()))
    memos = _SHARED.get(table)
    if memos is None or len(memos[0]) > MEMO_SIZE or len(memos[1]) > MEMO_SIZE:
        if len(_SHARED) >= SHARED_TABLES:
            _SHARED.clear()
        memos = _SHARED[table] = ({}, {})
    return memos


class Labeller:
    def __init__(self, extra: dict[str, list[str]] | None = None) -> None:
        self.synonyms = dict(_shipped_synonyms())
        for key, variants in (extra or {}).items():
            for v in [key, *variants]:
                self.synonyms[v] = key
        # the lengths of the table's wordings, longest first: `canonical` looks only for tails of these lengths
        self._sizes = sorted({len(v) for v in self.synonyms}, reverse=True)
        # (the table is not changed after this: what it read stays true of it)
        self._memo, self._identified = _memos(self.synonyms)

    @property
    def canonical_keys(self) -> set[str]:
        """The keys of the synonym table: names of well-defined quantities (本年收入合计 …)."""
        return set(self.synonyms.values())

    def canonical(self, text: str) -> str:
        if text in self.synonyms:
            return self.synonyms[text]
        # a known wording at the end keeps its qualifier in front: 部门本年收入合计 → 部门收入合计 (one to six
        # characters in front, the wording three at least; the longest tail first)
        n = len(text)
        shortest = max(n - 6, 3)
        for size in self._sizes:
            if size < shortest:
                break
            if size < n and (tail := text[n - size :]) in self.synonyms:
                return text[: n - size] + self.synonyms[tail]
        return text

    def names_total(self, label: str) -> bool:
        """Does a label name a sum of what is listed with it (`合计`, `总计`, `总收入` …)?"""
        return bool(TOTAL_WORDS.search(label))

    @staticmethod
    def qualifying_ratio(key: str, quantities: list[Quantity]) -> bool:
        """A percentage that is not a rate of its own (`为预算的 101.5%`, `占…的 20%`), but says how its
        neighbour relates to something."""
        qs = [q for q in quantities if q.kind != "bare"]
        return bool(qs) and all(q.kind == "percent" for q in qs) and not RATE_NAME.search(key)

    @staticmethod
    def names_rate(name: str) -> bool:
        """Is this the name of a rate of its own (执行率, 结算率, 占比), not a ratio qualifying a figure?"""
        return bool(RATE_NAME.search(name.rstrip("为是达到约=")))

    @staticmethod
    def direction(word: str) -> Literal["up", "down"] | None:
        """up / down for a verb of change (`提高至`, `降至`), None for a neutral one (`调整为`)."""
        if UP_WORD.search(word):
            return "up"
        return "down" if DOWN_WORD.search(word) else None

    def identify(self, label: str) -> tuple[str, Context]:
        """The item a label names and the context words it states (`2024年全省一般公共预算收入` → 收入, with
        scope 全省, fund 一般公共预算, period 2024)."""
        hit = self._identified.get(label)
        if hit is None:
            reading = read(PUNCT.sub("", PAREN.sub("", label)))
            item = ITEM_TRIM_LEAD.sub("", LEAD.sub("", reading.rest))
            if item[-1:] in ITEM_TRIM_ENDS:
                item = ITEM_TRIM_TAIL.sub("", item)
            context = reading.context
            if (tail := BUDGET_TAIL.search(item)) is not None and context.stage in (None, BUDGET_STAGE):
                # `支出安排 X`: the budget of 支出 (context.yaml budget_tails)
                item, context = item[: tail.start(1)], replace(context, stage=BUDGET_STAGE)
            hit = self._identified[label] = (self.canonical(item), context)
        return hit

    @staticmethod
    def generic(item: str) -> bool:
        """Is an item too generic to name a quantity without the headings above it (`支出`, `决算数`)?"""
        return len(item) < 3 or item in GENERIC_ITEMS

    def noun(self, text: str) -> str:
        """The name in the words after a figure: `定点医院开展全覆盖检查` → `定点医院` (cut at the verb)."""
        key = self.split(PAREN.sub("", text))[0]
        m = VERB.search(key, 2)
        return key[: m.start()] if m else key

    def split(self, label: str) -> tuple[str, str]:
        """(key, period) of a raw label (labels recur: memoised per synonym table, see `_memos`)."""
        hit = self._memo.get(label)
        if hit is None:
            hit = self._memo[label] = self._split(label)
        return hit

    def _split(self, label: str) -> tuple[str, str]:
        text = PUNCT.sub("", label)
        periods: list[str] = []
        if any(mark in text for mark in PERIOD_MARKS):  # most labels name no period (nine in ten)
            text, periods = _without_periods(text)
        # the clause's last phrase names the figure: keep what follows the last comma-like word
        text = LEAD.sub("", text)
        if text[-1:] in TRAIL_ENDS:
            text = TRAIL.sub("", text)
        text = LEAD.sub("", text)
        # 2021年 and 2022年 are different quantities; 2022年 and 2022年度 the same
        # 全年 / 当年 / 今年 name the report's own year, the default: not a period of their own
        return self.canonical(text), "".join(p.replace("年度", "年") for p in periods if p not in DEFAULT_PERIODS)


def _without_periods(text: str) -> tuple[str, list[str]]:
    """The text with its period words (PERIOD) taken out, and those words in order: one scan for both."""
    kept: list[str] = []
    periods: list[str] = []
    pos = 0
    for m in PERIOD.finditer(text):
        kept.append(text[pos : m.start()])
        pos = m.end()
        if m.group():
            periods.append(m.group())
    kept.append(text[pos:])
    return "".join(kept), periods
