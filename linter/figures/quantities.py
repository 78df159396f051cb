"""Quantities: every figure of the normalised text with its exact value, unit, scale, precision and span.

Figures that are not amounts (dates, document numbers, ordinals, phone numbers, URLs, list and section
numbers) are recognised here so that no check ever reads them as amounts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from tieout.linter.figures.exact import MAX_DIGITS
from tieout.linter.text.model import Document

Kind = Literal["amount", "percent", "pp", "count", "bare"]

MULTIPLIERS = {
    "": Decimal(1),
    "十": Decimal(10),
    "百": Decimal(100),
    "千": Decimal(1000),
    "万": Decimal(10**4),
    "十万": Decimal(10**5),
    "百万": Decimal(10**6),
    "千万": Decimal(10**7),
    "亿": Decimal(10**8),
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
    "户口",
    "项目",
)

# a measure word that is really the start of another word (分钟, 项目, 人员 …)
NOT_UNIT = re.compile("|".join(sorted(map(re.escape, NOT_UNITS_AFTER), key=len, reverse=True)))
CLAUSE_END = re.compile(r"[。；，！？\n]")
DATE_AFTER = re.compile(r"(?:年度?|月份?|日|号|时|点(?!\d)|周年|届|级|层|楼|版)")
NUMBER = re.compile(r"(?<![A-Za-z0-9.])(?P<neg>-(?=\d))?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?")
CN_NUM = re.compile(
    r"(?<![第前后近“\"一二三四五六七八九十两百千])(?P<cn>[两二三四五六七八九十][一二三四五六七八九十百千]*)"
)
URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%\-]+")
PHONE = re.compile(r"(?<!\d)(?:0\d{2,3}-\d{7,8}|1[3-9]\d{9})(?!\d)")
APPROX_BEFORE = re.compile(r"(?:约|近|逾|超过|超|大约|约为|将近|接近)$")
BOUND_BEFORE = re.compile(r"(?:≥|≤|>=|<=|>|<|不低于|不少于|不超过|不高于|不足|低于|高于|至少|最高|最低|以内)$")
BOUND_AFTER = re.compile(r"^(?:以上|以下|以内|左右|上下)")


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
        return Decimal(1).scaleb(-self.decimals)


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
    counts = sorted(set(COUNT_UNITS) | set(extra), key=len, reverse=True)
    alts = "|".join(re.escape(u) for u in counts)
    return re.compile(
        r"(?P<approx1>多|余)?(?:(?P<money>(?P<mm>百万|千万|十万|万|亿|千)?元(?!/))|(?P<pct>%|‰)"
        r"|(?P<pp>个百分点)|(?P<cmult>万|亿)?(?P<count>" + alts + r"))(?P<approx2>多|余)?"
    )


def _blocked(doc: Document, spans: list[tuple[int, int]], start: int, end: int) -> bool:
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
    out: list[Quantity] = []
    for m in NUMBER.finditer(text):
        start, end = m.span()
        if _blocked(doc, blocked, start, end):
            continue
        q = _quantity(text, m, unit_re)
        if q is not None:
            out.append(q)
    for m in CN_NUM.finditer(text):
        q = _cn_quantity(text, m, unit_re)
        if q is not None and not _blocked(doc, blocked, q.start, q.end):
            out.append(q)
    out.sort(key=lambda q: q.start)
    return out


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    return text[max(0, start - 6) : start], text[end : end + 6]


def _not_an_amount(text: str, m: re.Match[str]) -> bool:
    """Ordinals, dates, document numbers, list markers, ranges: numbers that are no figures."""
    start, num_end = m.span()
    intpart, frac = m.group("int"), m.group("frac") or ""
    before, after = _context(text, start, num_end)
    if before.endswith(("第", "〔", "[", "【")):
        return True
    if before.rstrip().endswith(("前", "后")) and after.lstrip().startswith(("位", "名")):
        return True  # a rank (`位列全省前 10 位`), not a count
    if before.endswith("-") and before[-2:-1].isdigit():
        # the end of a range (2-3 个月, 2022-2024), unless a formula (A-B)/B=… goes on
        return "=" not in CLAUSE_END.split(text[num_end : num_end + 40])[0]
    if after.startswith(("〕", "]", "】")) or (DATE_AFTER.match(after) and not after.startswith("年均")):
        # a date or a document number; but `3 年以上`, `5 年内` count years
        years = after.startswith("年") and len(intpart) < 3 and not after.startswith("年度")
        return not (years and re.match(r"年(?:以上|以下|内|来)?", after))
    if (after[:1] in "、" or (after[:1] == "." and not after[1:2].isdigit())) and not frac:
        if not before or before[-1] in "\n。；：！？，（ ":
            return True  # list marker (1、 2. …)
    if after[:1] in "-/" and after[1:2].isdigit() and not frac and len(intpart) <= 4:
        # 2022-2024 and 12/31 are ranges and dates; A/B*100% is a formula
        formula = re.match(r"[/\-][\d.,]+%?[)）]*[*×÷/=+\-]", text[num_end : num_end + 24])
        return not formula and (after[:1] == "-" or len(intpart) <= 2)
    return False


def _unit(u: re.Match[str], text: str) -> tuple[str, str, Kind, Decimal, bool]:
    """(unit as written, base unit, kind, scale, per) of a matched unit."""
    if u.group("money"):
        mult = u.group("mm") or ""
        return mult + "元", "元", "amount", MULTIPLIERS[mult], text[u.end() : u.end() + 1] == "/"
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
    b = BOUND_BEFORE.search(pre)
    bound = b.group() if b else None
    approx = bool(APPROX_BEFORE.search(pre))
    after = text[end : end + 2]
    if BOUND_AFTER.match(after):
        if after in ("左右", "上下"):
            approx = True
        else:
            bound = bound or after
    return approx, bound


def _quantity(text: str, m: re.Match[str], unit_re: re.Pattern[str]) -> Quantity | None:
    if _not_an_amount(text, m):
        return None
    start, num_end = m.span()
    intpart, frac = m.group("int"), m.group("frac") or ""
    digits = intpart.replace(",", "")
    if len(digits) + max(0, len(frac) - 1) > MAX_DIGITS:
        return None  # an identifier or debris, no amount (and beyond the exact arithmetic of linter/figures/exact.py)
    year_like = len(digits) == 4 and digits.startswith(("19", "20")) and not frac
    value = Decimal(digits + frac) * (-1 if m.group("neg") else 1)
    u = unit_re.match(text, num_end)
    count = u.group("count") if u else None
    if u and count and NOT_UNIT.match(text, u.start("count")):
        u = None  # `5 项目`: a word beginning with a measure word
    elif count and year_like and count in ("届", "版"):
        return None
    if u:
        end = u.end()
        unit, base, kind, scale, per = _unit(u, text)
        approx, bound = _qualifiers(text, start, end)
        approx = approx or bool(u.group("approx1") or u.group("approx2"))
    else:
        # a year standing alone (2022至2024年度); a bare number inside quotes is a name (“12345”热线)
        if year_like or text[max(0, start - 1) : start] in ("“", '"', "‘"):
            return None
        end, unit, base, kind, scale, per = num_end, "", "", "bare", Decimal(1), False
        approx, bound = _qualifiers(text, start, end)
    return Quantity(
        text=text[start:end],
        value=value,
        unit=unit,
        base_unit=base,
        scale=scale,
        decimals=len(frac) - 1 if frac else 0,
        kind=kind,
        start=start,
        end=end,
        separators="," in intpart,
        approx=approx,
        bound=bound,
        per=per,
    )


# what a count of items names when it stands before a name of money (`四项支出合计`, `三项经费`)
NAME_AFTER = re.compile(r"(?:支出|收入|资金|经费|费用|合计|之和)")


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
        return None  # `四项支出合计 X`: the items a name counts, part of the name, no figure of its own
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
