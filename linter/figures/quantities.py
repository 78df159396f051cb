"""Quantities: every figure of the normalised text with its exact value, unit, scale, precision and span.

Figures that are not amounts (dates, document numbers, ordinals, phone numbers, URLs, list and section
numbers) are recognised here so that no check ever reads them as amounts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal, getcontext
from functools import lru_cache
from operator import attrgetter
from typing import Literal

from tieout.linter.figures.exact import MAX_DIGITS
from tieout.linter.patterns import regex
from tieout.linter.text.model import Document

Kind = Literal["amount", "percent", "pp", "count", "bare"]

ONE = Decimal(1)
MULTIPLIERS = {
    "": ONE,
    "十": Decimal(10),
    "百": Decimal(100),
    "千": Decimal(1000),
    "万": Decimal(10**4),
    "十万": Decimal(10**5),
    "百万": Decimal(10**6),
    "千万": Decimal(10**7),
    "亿": Decimal(10**8),
    "万亿": Decimal(10**12),
}
# count units; longer first so 人次 wins over 人. Extendable through the configuration (extra_units).
COUNT_UNITS = [
    "个百分点",
    "个工作日",
    "个季度",
    "个月",
    "人次",
    "家次",
    "间次",
    "户次",
    "件次",
    "台次",
    "架次",
    "批次",
    "册次",
    "人",
    "户",
    "家",
    "间",
    "所",
    "个",
    "项",
    "份",
    "条",
    "件",
    "本",
    "次",
    "分",
    "篇",
    "种",
    "类",
    "批",
    "名",
    "宗",
    "起",
    "单",
    "天",
    "台",
    "辆",
    "套",
    "笔",
    "场",
    "期",
    "位",
    "张",
    "册",
    "座",
    "处",
    "支",
    "床",
    "元/人份",
    "岁",
    "周岁",  # an age in full years (`80周岁以上高龄老人 a人`): as 岁, no bare figure splitting the next one's name
    "倍",
    "公里",
    "平方米",
    "亩",
    "吨",
    "小时",
    "平方公里",
    "千米",
    "公顷",
    "立方米",
    "千瓦时",
    "千瓦",
    "公斤",
    "千克",
    "斤",  # (a grain yield, as agricultural reports weigh it: `亩产 906 斤`, `新增粮食产能 364 万斤`)
    "辆次",
    "艘",
    "头",
    "株",
    "棵",
    "只",
    "课时",
    "学时",
    "人日",
    "门",
    "节",
    # things built or installed, as evaluation reports count them (电梯 120 部, 路灯 300 盏, 机井 12 眼)
    "部",
    "盏",
    "栋",
    "幢",
    "眼",
]
# after a Chinese numeral these name a category or a phase (一类地区, 二期工程), not a number of things
CN_ORDINAL_UNITS = frozenset({"类", "期", "级", "档"})
UNIT_ALIASES = {"间": "家", "所": "家", "间次": "家次"}
NOT_UNITS_AFTER = (
    # ordinals of meetings (`六次会议`, `十一次全会`): which session, not how many
    "次会议",
    "次全会",
    "次全体会议",
    "次代表大会",
    "次常委会",
    "分钟",
    "分之",
    # a split between two levels of government (`增值税五五分享`, `按四六分担`): a ratio named, no score in 分
    "分享",
    "分担",
    "分别",
    "分类",
    "分配",
    "分析",
    "分局",
    "分中心",
    "分值",
    "次性",
    "个体",
    "条例",
    "条件",
    "项目",
    "件事",
    "人员",
    "人民",
    "人社",
    "家庭",
    "名单",
    "类别",
    "期间",
    "期末",
    "期初",
    "期限",
    "单位",
    "单据",
    "种类",
    "支出",
    "支付",
    "处理",
    "处罚",
    "本级",
    "本年",
    "本部门",
    "台账",
    "场景",
    "场所",
    "位置",
    "张贴",
    "份额",
    "起付",
    "批复",
    "批准",
    "笔录",
    "套餐",
    "户籍",
    "天然",
    "所有",
    "所属",
    "家属",
    # the things bought, named on the line after a row's figure in a PDF's text without layout (`打印设备 3.00` /
    # `家具用具 4.00`, `小型机 2.00` / `台式计算机 12.00`): furniture and desktop machines, no count of 家 or 台
    "家具",
    "台式",
    "户口",
    "项目",
    # 部 opens more words than it counts things (3 部门 is read by its own words, not as 3 部)
    "部门",
    "部分",
    "部署",
    "部长",
    "部委",
    "部位",
    "部件",
    "部队",
    "部室",
    "部级",
    "眼光",
    "眼前",
)

# a measure word that is really the start of another word (分钟, 项目, 人员 …)
NOT_UNIT = regex("|".join(sorted(map(re.escape, NOT_UNITS_AFTER), key=len, reverse=True)))
CLAUSE_END = regex(r"[。；，！？\n]")
DATE_AFTER = regex(r"(?:年度?|月份?|日|号|时|点(?!\d)|周年|届|级|层|楼|版)")
# Patterns that open with a lookbehind or a lookahead have no first characters the scan can skip to: the
# regex engine tries a match at every position of the text. Those that open with a character class (maybe
# inside a group) or a choice of single characters are scanned for it at C speed, so the lookbehind comes
# after the first character, one character wider (the same matches: `(?<!X.)` after c is `(?<!X)` before it).
# (a minus right after a figure's unit is an operator or a range's dash, `A 万元－B 万元＝C 万元`, `5%-8%`: the
# figure after it is no negative one)
NUMBER = regex(r"(?=[-\d])(?<![A-Za-z0-9.元%％])(?P<neg>-(?=\d))?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?")
CN_NUM = regex(
    r"(?P<cn>[两二三四五六七八九十](?<![第前后近“\"一二三四五六七八九十两百千].)[一二三四五六七八九十百千]*)"
)
URL = regex(r"(?:https?://|www\.)[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%\-]+")
PHONE = regex(r"(?:0(?<!\d.)\d{2,3}-\d{7,8}|1(?<!\d.)[3-9]\d{9})(?!\d)")
APPROX_WORDS = ("约", "近", "逾", "超过", "超", "大约", "约为", "将近", "接近")
# 约 as a word of its own (`约 120 万元`), not the end of a word it makes with the character before: what was saved
# (`节约 102.81 万元`), signed (`签约`), performed or broken (`履约`, `违约`) is an exact figure, its name that word
WORD_YUE = "(?<![节签履违合预制集特公条契邀缔守践解毁])约"


def approx_words(words: tuple[str, ...] | list[str]) -> str:
    """The alternation of words that may end a figure's label, 约 among them only as a word of its own."""
    return "|".join(WORD_YUE + w[1:] if w.startswith("约") else w for w in words)


BOUND_WORDS: tuple[str, ...] = ("≥", "≤", ">=", "<=", ">", "<", "不低于", "不少于", "不超过", "不高于", "不足", "低于")
BOUND_WORDS += ("高于", "至少", "最高", "最低", "以内")
APPROX_BEFORE = regex("(?:" + approx_words(APPROX_WORDS) + ")$")
BOUND_BEFORE = regex("(?:" + "|".join(BOUND_WORDS) + ")$")
BOUND_AFTER = regex(r"^(?:以上|以下|以内|左右|上下)")
# what follows a bounded figure that names a group the next figure is of (`60岁以上137人`, `50万元以下的项目
# 12个`): the next figure right after it, or after a few words of a name (no clause between)
NAMES_NEXT_FIGURE = regex(r"的?[\u4e00-\u9fff]{0,4}?\d")
# a number of years bounding the age of the money or items the next figure is of (`其中结转 2 年以上的 X 万元`):
# 年 is no unit (it writes dates), so the number would stand alone, a bare figure splitting the part's name
YEARS_BOUND = regex(r"年(?:及|（含）|\(含\))?(?:以上|以下|以内)")
# the words after 以上 that make it the opening of a total of the items above (`以上合计`, `以上三项共计`)
TOTAL_OF_ABOVE = regex(r"(?:[二两三四五六七八九十\d]{1,2}项|各项)?(?:合计|共计|总计)")
# Cheap tests that spare most figures the searches above (extraction runs on every number of a report): a
# qualifier before a figure ends in one of these characters (`$` also matches before a final newline), one
# after it starts with one of these.
QUALIFIER_LAST = frozenset(w[-1] for w in APPROX_WORDS + BOUND_WORDS) | {"\n"}
QUALIFIER_AFTER_FIRST = frozenset("以左上")
# What `_not_an_amount` reads around a figure, by the character that must stand right before or after it:
# an ordinal's or a document number's opening, a date's or a document number's word, a range or a date.
ID_BEFORE = frozenset(("第", "〔", "[", "【"))
DATE_OR_ID_AFTER = frozenset("〕]】年月日号时点周届级层楼版")  # DATE_AFTER's first characters and closing brackets
RANK_AFTER = frozenset("位名")
LIST_BEFORE = frozenset("\n。；：！？，（ ")
ITEM_BEFORE = frozenset("\n。；：！？;:")  # what may stand before an item's bracketed number (`：（1）`, `；（2）`)


@dataclass(slots=True, eq=False)
class Quantity:
    """A figure as written: `value × scale` in `unit`, with `decimals` digits after the point.

    A plain slotted dataclass rather than a pydantic model: thousands are made per report and none comes
    from outside; the pydantic facts that hold quantities validate and serialise them as dataclasses.
    Never changed after extraction; two quantities are the same figure only when they are one object."""

    text: str
    value: Decimal
    unit: str  # as written, normalised: 万元, %, 人次 ...
    base_unit: str  # 元, %, 个百分点, 人次 ... (the dimension)
    scale: Decimal  # 1, 10^4, 10^8 (万元 → 10^4 元)
    decimals: int
    kind: Kind
    start: int  # normalised-text offsets
    end: int
    separators: bool = False
    approx: bool = False  # 约、多、余、以上 …: not an exact figure
    bound: str | None = None  # ≥, 不低于 …: a threshold, not an actual figure
    per: bool = False  # a price (元/人份)

    @property
    def exact(self) -> bool:
        return not self.approx and self.bound is None and not self.per

    @property
    def base_value(self) -> Decimal:
        return self.value * self.scale

    @property
    def ulp(self) -> Decimal:
        """One unit of the last written digit, in the written unit."""
        d = self.decimals
        return ULPS[d] if 0 <= d < len(ULPS) else Decimal(1).scaleb(-d)


# one unit of the last digit by the number of decimals (exact in any context: a single digit 1), made once
PER_MILLE = Decimal("0.1")  # ‰ in %
ULPS = tuple(Decimal(1).scaleb(-d) for d in range(MAX_DIGITS + 2))


def count_number(text: str) -> int | None:
    """A count written in digits (`12`) or in Chinese numerals (`十二`)."""
    return int(text) if text.isdigit() else cn_to_int(text)


def cn_to_int(text: str) -> int | None:
    """Chinese count numerals up to the thousands (三, 十二, 二十五, 一百零八, 两千).

    cn2an was judged and not taken: it pulls in `proces` and converts whole strings, while this needs only
    the numerals that stand before a measure word.
    """
    digits = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    units = {"十": 10, "百": 100, "千": 1000}
    total, current = 0, 0
    for ch in text:
        if ch in digits:
            current = digits[ch]
        elif ch in units:
            total += (current or 1) * units[ch]
            current = 0
        else:
            return None
    return total + current


@lru_cache(maxsize=8)
def _unit_regex(extra: tuple[str, ...]) -> re.Pattern[str]:
    # longest first, and in one order whatever the hash seed: the same pattern text in every process (the cache
    # of compiled patterns is keyed by it)
    counts = sorted(set(COUNT_UNITS) | set(extra), key=lambda u: (-len(u), u))
    alts = "|".join(re.escape(u) for u in counts)
    # most numbers (a table's) stand before no unit: the lookahead of the characters a unit starts with fails
    # there at once, where each alternative would be tried
    first = "".join(sorted(_unit_first(extra)))
    # `3,000 户多` is more than 3,000; `比上年 3,150 户多 250 户`, a comparison's 多 before the difference
    return regex(
        f"(?=[{re.escape(first)}])"
        r"(?P<approx1>多|余)?(?:(?P<money>(?P<mm>百万|千万|十万|万亿|万|亿|千)?元(?!/))|(?P<pct>%|‰)"
        r"|(?P<pp>个百分点)|(?P<cmult>万|亿)?(?P<count>" + alts + r"))(?:(?P<approx2>多|余)(?!\s*\d))?"
    )


@lru_cache(maxsize=8)
def _unit_first(extra: tuple[str, ...]) -> frozenset[str]:
    """The characters a unit of `_unit_regex(extra)` may start with (its opening lookahead): after any other
    character the regex fails at once, so it is not even called (half a report's numbers are a table's, each
    followed by a space)."""
    return frozenset("多余百千十万亿元%‰个") | {u[0] for u in (*COUNT_UNITS, *extra)}


def _blocked(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does [start, end) overlap one of the sorted, non-nested `spans`?"""
    i = bisect_right(spans, (start, 1 << 62)) - 1
    if i >= 0 and spans[i][1] > start:
        return True
    return i + 1 < len(spans) and spans[i + 1][0] < end


def extract(doc: Document, extra_units: tuple[str, ...] = ()) -> list[Quantity]:
    text = doc.text
    unit_re = _unit_regex(extra_units)
    blocked = list(doc.markers)
    blocked += [m.span() for m in URL.finditer(text)]
    blocked += [m.span() for m in PHONE.finditer(text)]
    blocked.sort()
    prec = getcontext().prec
    unit_first = _unit_first(extra_units)
    out: list[Quantity] = []
    for m in _unblocked(NUMBER.finditer(text), blocked):
        q = _quantity(text, m, unit_re, unit_first, prec)
        if q is not None:
            out.append(q)
    for m in CN_NUM.finditer(text):
        q = _cn_quantity(text, m, unit_re)
        if q is not None and not _blocked(blocked, q.start, q.end):
            out.append(q)
    out.sort(key=attrgetter("start"))
    return _corner_units(text, out)


# a form's row of `name：figure` pairs under its corner cell's unit, as a plain text gives a 项目支出绩效目标表
# (`项目资金（万元）  年度资金总额：1,168.00    其中：财政拨款：850.00    其他资金：381.00`), and nothing else up
# to the line's end (the normalised text joins the line to the one before it and drops its spaces)
CORNER_ROW = regex(
    r"(?m)[\u4e00-\u9fff]{2,8}[（(](?P<unit>万元|亿元|元)[）)]"
    r"(?P<pairs>(?:[ \t]*(?:其中[：:])?[\u4e00-\u9fff]{2,16}[：:][ \t]*\d[\d,]*(?:\.\d+)?){2,})[ \t]*$"
)


def _corner_units(text: str, out: list[Quantity]) -> list[Quantity]:
    """The figures of a form's row of pairs (`CORNER_ROW`) in the unit its first cell states: written bare, each is
    a sum of money of the form's unit (`年度资金总额：1,168.00` under `项目资金（万元）` is 1,168.00 万元)."""
    if "元）" not in text and "元)" not in text:
        return out  # (the row names its unit of money in brackets, `（万元）`: a report that writes none so is not scanned)
    starts = None  # every figure's start, built at the first row (a figure put in its unit keeps its start)
    for row in _corner_rows(text):
        unit = row.group("unit")
        begin, end = row.span("pairs")
        starts = starts if starts is not None else [q.start for q in out]
        for i in range(bisect_right(starts, begin - 1), len(out)):
            q = out[i]
            if q.start >= end:
                break
            if q.kind == "bare" and not q.unit:
                out[i] = _in_unit(q, unit)
    return out


# the corner cell's unit in brackets, which every CORNER_ROW holds: found at C speed, where CORNER_ROW tried a match
# at every Chinese character of the text
BRACKETED_UNIT = regex(r"[（(](?:万元|亿元|元)[）)]")


def _corner_rows(text: str) -> Iterator[re.Match[str]]:
    """`CORNER_ROW.finditer(text)`, read only in the lines holding a unit in brackets: a row lies within its line (no
    part of the pattern takes a newline, and `$` ends the line), so each line's matches are the same read alone."""
    end = -1
    for unit in BRACKETED_UNIT.finditer(text):
        if unit.start() < end:
            continue  # (the line read already)
        begin = text.rfind("\n", 0, unit.start()) + 1
        end = text.find("\n", unit.end())
        end = len(text) if end < 0 else end
        yield from CORNER_ROW.finditer(text, begin, end)


def _in_unit(q: Quantity, unit: str) -> Quantity:
    return replace(q, unit=unit, base_unit="元", scale=MULTIPLIERS[unit.removesuffix("元")], kind="amount")


def _unblocked(matches: Iterator[re.Match[str]], spans: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """The matches, in the order of the text, for which `_blocked(spans, start, end)` is false: one walk along the
    sorted spans instead of a search per match (a report has a hundred thousand numbers)."""
    n = len(spans)
    i = -1  # the last span that starts at or before the match (as `_blocked` finds it)
    last_end = -1  # its end
    next_start = spans[0][0] if spans else INFINITY  # where the span after it starts
    for m in matches:
        start, end = m.span()
        while next_start <= start:
            i += 1
            last_end = spans[i][1]
            next_start = spans[i + 1][0] if i + 1 < n else INFINITY
        if last_end <= start and next_start >= end:
            yield m


INFINITY = 1 << 62  # past the end of any text


def _not_an_amount(text: str, start: int, num_end: int, intpart: str, frac: str, prev: str, nxt: str) -> bool:
    """Ordinals, dates, document numbers, list markers, ranges: numbers that are no figures (`prev` and `nxt`:
    the characters right before and after the number, "" at the ends of the text).

    Each test first looks at the one character it needs before or after the figure: most figures are
    followed by a unit and pass all of them without a slice or a regex."""
    if prev in ID_BEFORE:
        return True
    # a rank (`位列全省前 10 位`), not a count: 位 or 名 within the next six characters, after spaces (most
    # numbers before a space are a table's, followed by the next number; a slice and a strip cost less than a
    # regex call: str.lstrip() takes the spaces `\s` matches)
    if (nxt in RANK_AFTER or nxt.isspace()) and text[num_end : num_end + 6].lstrip()[:1] in RANK_AFTER:
        if text[max(0, start - 6) : start].rstrip().endswith(("前", "后")):
            return True
    if prev == "-" and text[max(0, start - 6) : start][-2:-1].isdigit():
        # the end of a range (2-3 个月, 2022-2024), unless a formula (A-B)/B=… goes on
        return "=" not in CLAUSE_END.split(text[num_end : num_end + 40])[0]
    if nxt == " ":
        return False  # (a table's number, before the next: none of the words `_by_what_follows` reads)
    return _by_what_follows(text, num_end, prev, nxt, intpart, frac)


def _bracketed_no_figure(text: str, num_end: int, intpart: str) -> bool:
    """An integer alone in brackets that is no figure: an item's number where a clause begins (`具体为：（1）甲 a；
    （2）乙 b`), a list marker too; or a classification code."""
    if len(intpart) <= 2:
        before = num_end - len(intpart) - 2
        return before < 0 or text[before] in ITEM_BEFORE
    return _classification_code(text, num_end, intpart)


def _classification_code(text: str, num_end: int, intpart: str) -> bool:
    """A budget classification code in brackets between a name and what goes on about it (`高等职业教育（2050305）
    支出决算 A`, `博物馆（2070205）2045.54 万元`): the 类, 款 and 项 of the classification have 3, 5 and 7 digits,
    revenue's begin with 1 and spending's with 2. The code is part of the name, no figure: read as one, it would
    cut the name off A."""
    if len(intpart) not in (3, 5, 7) or intpart[0] not in "12" or not intpart.isdigit():
        return False
    before = num_end - len(intpart) - 2
    after = num_end + 1
    return (
        before >= 0 and _is_cjk(text[before]) and after < len(text) and (_is_cjk(text[after]) or text[after].isdigit())
    )


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


# the months a span of months runs to after its first month: `1—10月` (a dash of any width), `1～9月`, `1至11月`
MONTH_RANGE = regex(r"\s*[—–－~～至]\s*(?:1[0-2]|[1-9])\s*月")
MONTH_RANGE_FIRST = frozenset("—–－~～至")


def _first_month(text: str, num_end: int, intpart: str) -> bool:
    """The first month of a span of months (`1—10月`, `1～9月`, `1至11月`: what was done in the year so far)."""
    return len(intpart) <= 2 and MONTH_RANGE.match(text, num_end) is not None


def _by_what_follows(text: str, num_end: int, prev: str, nxt: str, intpart: str, frac: str) -> bool:
    """Dates, document numbers, list markers and ranges, told by the words after a number (`prev` and `nxt`
    are the characters right before and after it)."""
    if nxt in DATE_OR_ID_AFTER:
        after = text[num_end : num_end + 6]
        if after.startswith(("〕", "]", "】")) or (DATE_AFTER.match(after) and not after.startswith("年均")):
            # a date or a document number; but `3 年以上`, `5 年内` count years
            years = after.startswith("年") and len(intpart) < 3 and not after.startswith("年度")
            return not (years and re.match(r"年(?:以上|以下|内|来)?", after))
    if (nxt in ("", "、") or (nxt == "." and not text[num_end + 1 : num_end + 2].isdigit())) and not frac:
        if not prev or prev in LIST_BEFORE:
            return True  # list marker (1、 2. …)
    if prev in "（(" and nxt in "）)" and not frac:
        return _bracketed_no_figure(text, num_end, intpart)
    if nxt in MONTH_RANGE_FIRST and not frac:
        return _first_month(text, num_end, intpart)
    if nxt in ("-", "/") and text[num_end + 1 : num_end + 2].isdigit() and not frac and len(intpart) <= 4:
        # 2022-2024 and 12/31 are ranges and dates; A/B*100% is a formula
        formula = re.match(r"[/\-][\d.,]+%?[)）]*[*×÷/=+\-]", text[num_end : num_end + 24])
        return not formula and (nxt == "-" or len(intpart) <= 2)
    return False


def _unit(u: re.Match[str], text: str) -> tuple[str, str, Kind, Decimal, bool]:
    """(unit as written, base unit, kind, scale, per) of a matched unit."""
    if u.group("money"):
        mult = u.group("mm") or ""
        return mult + "元", "元", "amount", MULTIPLIERS[mult], text[u.end() : u.end() + 1] == "/"
    if u.group("pct") == "‰":
        # a per mille is a tenth of a per cent (`逾期率 0.063‰` is 0.0063%): read in % as 万元 is read in 元
        return "‰", "%", "percent", PER_MILLE, False
    if u.group("pct"):
        return u.group("pct"), u.group("pct"), "percent", Decimal(1), False
    if u.group("pp"):
        return "个百分点", "个百分点", "pp", Decimal(1), False
    mult = u.group("cmult") or ""
    count = u.group("count")
    if count == "元/人份":
        return "元", "元", "amount", MULTIPLIERS[mult], True
    base = UNIT_ALIASES.get(count, count)
    return mult + count, base, "pp" if base == "个百分点" else "count", MULTIPLIERS[mult], False


def _qualifiers(text: str, start: int, end: int) -> tuple[bool, str | None]:
    """(approximate, bound) from the words around a figure: 约/近/左右, 不低于/以上 …"""
    pre = text[max(0, start - 4) : start]
    if pre[-1:] in QUALIFIER_LAST:
        b = BOUND_BEFORE.search(pre)
        bound = b.group() if b else None
        approx = bool(APPROX_BEFORE.search(pre))
    else:
        bound, approx = None, False
    after = text[end : end + 2]
    if after == "以上" and TOTAL_OF_ABOVE.match(text, end + 2):
        # `…13.77万元` / `以上合计 16.97万元` run together: 以上 opens the total's name, no bound of the figure
        after = ""
    if after[:1] in QUALIFIER_AFTER_FIRST and BOUND_AFTER.match(after):
        if after in ("左右", "上下"):
            approx = True
        else:
            bound = bound or after
    return approx, bound


def _bounds(text: str, start: int, end: int, prev: str, after: str) -> tuple[bool, str | None] | None:
    """(approximate, bound) of the figure at `start`–`end` (`prev`, `after`: the characters around it), or None
    when its bound names the group the next figure counts (`其中60岁以上137人`): words of that figure's label,
    no figure of their own."""
    if prev not in QUALIFIER_LAST and after not in QUALIFIER_AFTER_FIRST:
        # (what `_qualifiers` finds without a word before or after the figure)
        return _after_split_group(text, start, prev), None
    if (
        text[end : end + 2] in ("以上", "以下")
        and NAMES_NEXT_FIGURE.match(text, end + 2)
        and not TOTAL_OF_ABOVE.match(text, end + 2)  # (`以上合计 T`: a total of the items above, named after them)
    ):
        return None
    return _qualifiers(text, start, end)


def _quantity(
    text: str, m: re.Match[str], unit_re: re.Pattern[str], unit_first: frozenset[str], prec: int
) -> Quantity | None:
    """The figure `m` matched, None when it is no amount; `unit_first`: the characters a unit of `unit_re`
    starts with; `prec` is the decimal context's precision."""
    start, num_end = m.span()
    neg, intpart, frac = m.group("neg", "int", "frac")
    frac = frac or ""
    prev = text[start - 1] if start else ""
    nxt = text[num_end : num_end + 1]
    if _not_an_amount(text, start, num_end, intpart, frac, prev, nxt):
        return None
    digits = intpart.replace(",", "")
    if len(digits) + max(0, len(frac) - 1) > MAX_DIGITS:
        return None  # an identifier or debris, no amount (and beyond the exact arithmetic of linter/figures/exact.py)
    year_like = len(digits) == 4 and not frac and digits.startswith(("19", "20"))
    value = _value(digits, frac, bool(neg), prec)
    u = unit_re.match(text, num_end) if nxt in unit_first else None
    count = u.group("count") if u else None
    if u and count and NOT_UNIT.match(text, u.start("count")):
        u = None  # `5 项目`: a word beginning with a measure word
    elif count and year_like and count in ("届", "版"):
        return None
    if u:
        end = u.end()
        unit, base, kind, scale, per = _unit(u, text)
        after = text[end : end + 1]
    else:
        # a year standing alone (2022至2024年度); a bare number inside quotes is a name (“12345”热线)
        if year_like or prev in ("“", '"', "‘"):
            return None
        if _bounds_next_name(text, num_end, nxt):
            return None  # words of the next figure's name, no figure of their own
        end, unit, base, kind, scale, per = num_end, "", "", "bare", ONE, False
        after = nxt
    found = _bounds(text, start, end, prev, after)
    if found is None:
        return None
    approx, bound = found
    if u:
        approx = approx or bool(u.group("approx1") or u.group("approx2"))
    return Quantity(
        text[start:end],
        value,
        unit,
        base,
        scale,
        len(frac) - 1 if frac else 0,
        kind,
        start,
        end,
        "," in intpart,
        approx,
        bound,
        per,
    )


def _bounds_next_name(text: str, num_end: int, nxt: str) -> bool:
    """Is a bare number a count of years bounding the age of what the next figure is of (`YEARS_BOUND`)? (`nxt`: the
    character after it. The pattern opens with 年: after any other character it is not called, most bare numbers
    being a table's, followed by a space.)"""
    if nxt != "年":
        return False
    years = YEARS_BOUND.match(text, num_end)
    return years is not None and NAMES_NEXT_FIGURE.match(text, years.end()) is not None


# a group of one to three digits opening a number, then a comma, right before a figure (`52, 418人` read `52，418人`)
SPLIT_GROUP = regex(r"(?<![\d.,，])\d{1,3}[，,]\s?$")


def _after_split_group(text: str, start: int, prev: str) -> bool:
    """Is the figure a group of three digits right after a group of one to three and a comma (`受益学生52, 418人`)?
    A thousands separator the text layer spaced from its group, or a list sharing one unit (`分别为 5, 120 人次`):
    which, the text does not say, so the figure is no exact one."""
    return (
        prev in "，,"
        and THREE_DIGITS.match(text, start) is not None
        and SPLIT_GROUP.search(text, max(0, start - 5), start) is not None
    )


THREE_DIGITS = regex(r"\d{3}(?![\d.,])")


def _value(digits: str, frac: str, neg: bool, prec: int) -> Decimal:
    """The value of a number's digits (no separators) and decimals (with their point) in a context of `prec`."""
    value = Decimal(digits + frac)
    if neg or len(digits) + len(frac) > prec:
        # the product rounds to the context as it always did; a figure that fits it is its own value
        value = value * (-1 if neg else 1)
    return value


# what a count of items names when it stands before a name of money (`四项支出合计`, `三项经费`), or before a
# short name closed by a total's word (`四项重点支出小计`, `五项民生支出共计`): the total of as many items (a name
# of a year, `两项上年合计`, makes it another period's total, not theirs: the count stays a figure)
NAME_AFTER = regex(r"(?:支出|收入|资金|经费|费用|合计|之和)|(?:(?!年)[\u4e00-\u9fff]){1,8}?(?:合计|共计|小计|总计)")


# what a count of 项 after 中央 names as rules (`中央八项规定`): a name, not a count
RULES_NAMED = regex(r"规定")


# words pointing back at the items listed before (`以上五个税种`, `上述三项`): a count after them counts those items
POINTS_BACK = regex(r"(?:以上|上述|前述)$")


def _cn_quantity(text: str, m: re.Match[str], unit_re: re.Pattern[str]) -> Quantity | None:
    cn = m.group("cn")
    value = cn_to_int(cn)
    if value is None or value < 2:
        return None
    u = unit_re.match(text, m.end())
    if not u or not u.group("count") or u.group("cmult"):
        return None
    base = u.group("count")
    after = text[u.end() : u.end() + 2]
    if after[:1] in "是性" or NOT_UNIT.match(text, u.start("count")):
        return None
    if base in CN_ORDINAL_UNITS:
        return None  # `二类赛`, `三期工程`: a category or a phase, not a count
    if base == "项" and NAME_AFTER.match(text, u.end()):
        return None  # `四项支出合计 X`, `四项重点支出小计 X`: the items a name counts, part of the name, no figure
    if base == "项" and RULES_NAMED.match(text, u.end()) and text[max(0, m.start() - 2) : m.start()] == "中央":
        return None  # `违反中央八项规定精神`: the rules' name, no count of anything the report states
    if POINTS_BACK.search(text, max(0, m.start() - 2), m.start()):
        return None  # `以上五个税种合计 X`: how many of the items above a total sums, part of its name
    if text[m.start() - 1 : m.start()] in '“"‘《':
        return None
    return Quantity(
        text=text[m.start() : u.end()],
        value=Decimal(value),
        unit=base,
        base_unit=UNIT_ALIASES.get(base, base),
        scale=Decimal(1),
        decimals=0,
        kind="count",
        start=m.start(),
        end=u.end(),
        separators=False,
        approx=False,
        bound=None,
        per=False,
    )
