"""The table vocabulary (`tieout/linter/vocab/tables.yaml`) in the shapes the reader needs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache

from tieout.linter.patterns import regex
from tieout.linter.vocab import alternation, load, margins, quotients

from .cells import UNPLACED, flatten


@dataclass(frozen=True)
class Role:
    """A column's role as the vocabulary names it (tables.yaml column_roles), and the kind of figures it holds."""

    name: str  # canonical: 合计, 预算数, 为预算% …
    kind: str  # total, amount, ratio, growth, share, serial


@cache
def _roles() -> list[tuple[str, Role]]:
    """(wording, role), longest wording first."""
    out: list[tuple[str, Role]] = []
    for name, entry in (load("tables").get("column_roles") or {}).items():
        role = Role(str(name), str(entry["kind"]))
        for w in {str(name), *(str(x) for x in entry.get("words") or [])}:
            out.append((flatten(w), role))
    out.sort(key=lambda x: len(x[0]), reverse=True)
    return out


@cache
def _roles_by_first() -> dict[str, list[int]]:
    """The places in `_roles()` of the wordings opening with each character (an empty wording, held by every text,
    under ""), in order."""
    out: dict[str, list[int]] = {}
    for k, (w, _) in enumerate(_roles()):
        out.setdefault(w[:1], []).append(k)
    return out


def _held_roles(text: str) -> list[tuple[str, Role]]:
    """`[(w, r) for w, r in _roles() if w in text]`, in that order: only the wordings opening with a character the
    text holds are tried (a header holds a few of the characters the two hundred wordings open with, and each was
    looked for in every header read)."""
    by_first = _roles_by_first()
    places = [k for c in {*text, ""} for k in by_first.get(c, ())]
    places.sort()
    roles = _roles()
    return [roles[k] for k in places if roles[k][0] in text]


@cache
def _whole_roles() -> dict[str, Role]:
    """The roles named by a header's whole text only (column_roles' `whole`), by that text flattened."""
    out: dict[str, Role] = {}
    for name, entry in (load("tables").get("column_roles") or {}).items():
        for w in entry.get("whole") or []:
            out[flatten(str(w))] = Role(str(name), str(entry["kind"]))
    return out


@cache
def defined_sums() -> list[tuple[frozenset[str], list[frozenset[str]]]]:
    """The totals defined as sums (`linter/vocab/sums.yaml`): (wordings of the total, wordings of each part),
    flattened as header texts are."""
    out = []
    for entry in load("sums") or []:
        total = frozenset(flatten(str(w)) for w in entry.get("total") or [])
        parts = [frozenset(flatten(str(w)) for w in p) for p in entry.get("parts") or []]
        out.append((total, parts))
    return out


# a share column named by its whole and 比例 (`占重点项目支出比例`, `占项目支出的比例（%）`): a row's part of that whole,
# as a column named with 比重 or 占比 is (比例 alone is no share: `完成比例`, `调整比例` are rates of another kind)
SHARE_OF_NAMED = regex(r"占[\u4e00-\u9fff]{1,12}?的?比例%?")
SHARE_ROLE = Role("占比", "share")
PERCENT_HEADER = regex(r"[%％]|率|比重|占比|构成|幅度|增幅|降幅")
SPECIAL = ("growth", "ratio", "share", "serial")


# a change in amount (增减额, 比上年增减), in a count (`增减人数`, `增减户数`), or in percentage points (`变动（百分点）`,
# `增减（个百分点）`: a row of rates less the same rate of the other year)
DELTA = regex(
    r"比.*(?:增减|增长|增加|减少|增幅)|增减额|增加额|增长额|^增减(?:人|户|个|家|辆|台|套|所|项)?数?$"
    r"|^(?:同比)?(?:变动|增减|变化)[（(]?个?百分点[）)]?$"
)
# a change in percentage points of a named rate or share (`占比变动（百分点）`, `比重增减（个百分点）`, `不良率变化（百分点）`):
# the difference of two columns of rates, no share or growth though its name holds 占比 or 比重
POINTS_CHANGE = regex(r"^[\u4e00-\u9fff]{1,12}?(?:变动|增减|变化)[（(]?个?百分点[）)]?$")


# (a pure function of its arguments, the vocabulary read once; headers repeat, ~5,000 distinct over a batch of 60
# reports, which a cache of 4,096 evicted on every repeat run)
@lru_cache(maxsize=1 << 14)
def role_of(header: str, percent: bool = False) -> Role | None:
    """The role a header text names: a rate, growth or share first (they name their operands too:
    `预算数比上年执行数增长%`), then the longest wording found. `percent`: the column is in %
    (a `%` header below this one says so)."""
    text = _percent_marked(header)
    if not text:
        return None
    if any(w in text for w in words("elapsed_time")):
        return None  # the share of the year gone by (序时进度%): no rate of the row's figures
    whole = _whole_role(text)
    if whole is not None:
        return whole
    percent = percent or bool(PERCENT_HEADER.search(text))
    compared = _compared(text, percent)
    if compared is not None:
        return compared
    found = [(w, r) for w, r in _held_roles(text) if not _negated(text, w)]
    for kind in SPECIAL:
        for w, r in found:
            if r.kind == kind and (
                percent or kind == "serial" or w.endswith(("%", "率")) or _names_a_ratio(text, w, kind)
            ):
                if kind == "serial" and text != w:
                    continue
                return r
    rest = [(w, r) for w, r in found if r.kind not in SPECIAL]
    if not rest and not percent and _period_outturn().match(text):
        return Role("执行数", "amount")  # `1—9月支出`: what was spent in those months, the outturn
    return rest[0][1] if rest else None


def _whole_role(text: str) -> Role | None:
    """The role a header's whole text names: by column_roles' `whole`, or a share named by its whole and 比例
    (`占重点项目支出比例`: the row's part of the whole named, as `占…比重` is), or a change in points of a named
    rate or share (`占比变动（百分点）`: a difference of two columns)."""
    if POINTS_CHANGE.match(text):
        return Role("增减额", "delta")
    whole = _whole_roles().get(text)
    if whole is None and SHARE_OF_NAMED.fullmatch(text):
        return SHARE_ROLE
    return whole


def _negated(text: str, wording: str) -> bool:
    """Is every place the header holds the wording a negation of it (`未执行数`, `尚未拨付`, `未完成率`: the budget
    not carried out, tables.yaml negation_marks)? Such a column is the rest of the budget, not the stage it names."""
    marks = tuple(words("negation_marks"))
    at = text.find(wording)
    while at >= 0:
        if not text.endswith(marks, 0, at):
            return False
        at = text.find(wording, at + 1)
    return True


@lru_cache(maxsize=1 << 10)  # a pure function of a header; a document's tables repeat a few
def undone(header: str) -> bool:
    """Does the header name what a stage left undone (`未执行数`, `尚未拨付资金`): the column roles' wordings it holds
    all negated (`_negated`)? Its figures are the rest of the row's budget, whatever stage its words name."""
    text = flatten(header)
    found = [w for w, _ in _held_roles(text)]
    return bool(found) and all(_negated(text, w) for w in found)


# a span of the year a quarterly or half-year report's outturn covers (`1—9月`, `1-6月`, `上半年`, `前三季度`)
SPAN = r"(?:\d{1,2}(?:—|–|-|－|~|～|至)\d{1,2}月|上半年|前三季度|前[两二]季度|[一二三四]季度|第[一二三四]季度)(?:累计)?"


@cache
def _period_outturn() -> re.Pattern[str]:
    flows = "|".join(sorted((re.escape(str(w)) for w in load("tables").get("period_outturn_flows") or []), key=len))
    # (`1—10月累计`: the months' outturn named by 累计 alone; `1-6月` alone, the months from the year's first: what
    # came in or went out so far, a half-year report's column beside its 年初预算 and 上年同期)
    return regex(rf"^{SPAN}(?:{flows or '(?!)'})$|^{SPAN}(?<=累计)$|^{SINCE_JANUARY}$")


def months_outturn(header: str) -> bool:
    """Does the header name the outturn of the months so far (`1-6月`, `1—9月支出`): what came in or went out in them,
    an outturn of the stage 执行 whatever its heading's words leave unsaid?"""
    return bool(_period_outturn().match(_percent_marked(header)))


# the months from the year's first up to one (`1-6月`, `1—9月`): a span of the year so far
SINCE_JANUARY = r"1(?:—|–|-|－|~|～|至)(?:[2-9]|1[0-2])月"


def _names_a_ratio(text: str, w: str, kind: str) -> bool:
    """A header that ends with a comparison to the budget or to last year (`完成预算`, `为上年`, not `完成预算数`):
    a ratio whether or not a `%` is written by it (the unit line may say `单位：亿元、%`); so is a progress
    (`支出进度`, `执行进度`: the outcome over its budget, in per cent)."""
    return kind == "ratio" and text.endswith(w) and (w.startswith(("为", "完成", "占")) or w.endswith("进度"))


def _compared(text: str, percent: bool) -> Role | None:
    """A header that compares two figures: a change in amount, a growth in %, or a ratio to the budget or
    to last year."""
    fall = _fall().fullmatch(without_percent(text))
    if not percent:
        if fall and fall.group("amount") is not None:
            return Role("增减额", "delta")  # 压减金额: the cut, written without its sign (deltas judge no sign)
        return Role("增减额", "delta") if DELTA.search(text) else None  # 比上年增减 / 金额: no part of a total
    if fall and fall.group("amount") is None:
        return Role(FALL, "growth")  # 压减率, 比上年下降%: the fall over the earlier figure, written positive
    if "可比" in text:
        # growth on a comparable basis (可比增长%): last year's figure restated, not the column beside it
        return Role("可比增长%", "comparable")
    if re.search(r"比上年|同比|增长|增减|增幅", text) and not re.search(r"为.*上年", text):
        return Role("增长%", "growth")  # 比上年（同比）+-%
    if re.search(r"为.*上年|比上年%", text):
        return Role("为上年%", "ratio")  # 决算数为上年决算数的%
    if re.search(r"为.*预算|完成.*预算|预算.*完成", text):
        return Role("为预算%", "ratio")  # 决算数为调整预算数的%, 完成年初预算%
    if SHARE_OF_TOTAL.search(text):
        return Role("占比", "share")  # 占支出合计%: the row over the table's total, no 合计 of the row
    return None


# the role of a growth column that states a fall without its sign (tables.yaml fall_words)
FALL = "降幅%"


@cache
def _fall() -> re.Pattern[str]:
    """A heading naming a change as a fall and nothing else (`压减率`, `下降比例`, `比上年压减`, `压减金额`): the words of a
    fall after a comparison with last year or none; `amount` the word of a sum of money (`额`, `金额`) where it is one.
    A heading naming a rise too (`增减`) is no fall."""
    falls = alternation(words("fall_words"))
    return regex(
        rf"^(?P<comparison>(?:比|较)(?:上年|去年)(?:同期)?)?(?:{falls or '(?!)'})(?:(?P<amount>额|金额|数)|率|比例|幅度)?$"
    )


def fall_heading(header: str) -> re.Match[str] | None:
    """The heading of a column of falls as `_fall` reads it (its `comparison`: `比上年`, or none), None for another."""
    return _fall().fullmatch(without_percent(_percent_marked(header)))


# a share column naming the total it is of (`占支出合计%`, `占收入总计的比重%`): its `合计` names the whole, not the
# row's total; or naming the column whose whole it is of (`占支出比%`, `占总支出比例%`: the row's spending over all);
# or naming the whole by 总 and a `%` alone (`占总支出%`, `占总收入的%`), not a plan's (`占总预算%`: a ratio to it)
SHARE_OF_TOTAL = regex(
    r"^占.{0,8}(?:合计|总计|总额)|^占(?![用地有])[\u4e00-\u9fff]{1,8}?的?比(?:例|重)?%?$"
    r"|^占总(?![\u4e00-\u9fff]{0,4}(?:预算|计划|任务|目标))[\u4e00-\u9fff]{1,6}?的?%$"
)


@cache
def _defined_ratios() -> tuple[str, ...]:
    """The names of the quotients in per cent ratios.yaml defines, of its changes over a base (`审减率`, `核减率`:
    the cut over the sum sent for review), and of its margins (`毛利率`: what is left of revenue after its cost)."""
    ratios = load("ratios")
    return (*quotients(), *(str(k) for k in ratios.get("change") or {}), *margins())


PERCENT_NOTE = regex(r"[（(]\s*[%％]\s*[）)]$")
# a row opening so is a part of the row above it, or taken from or added to it: not a row a total adds up (here, not in
# relations.py, which reads a found table's relations: the table builder asks it of every table it builds, and
# importing relations for it, with spans, was about 1% of the instructions of a cold check of a report without tables)
PARTS_OF_ABOVE = ("其中", "含", "减", "加")
# a heading's note of per cent anywhere in it (`比上年增长（%）`), written `%`
PERCENT_MARK = regex(r"[（(]\s*[%％]\s*[）)]")


def _percent_marked(header: str) -> str:
    """The header flattened, its notes of per cent written `%`."""
    return PERCENT_MARK.sub("%", flatten(header))


def without_percent(header: str) -> str:
    """A flat heading without its note of per cent (`资产负债率（%）`, `增长%`): the name of what its rates are."""
    return PERCENT_NOTE.sub("", header).rstrip("%％")


def defined_ratio_heading(header: str) -> bool:
    """Does the header name a ratio vocab/ratios.yaml defines as a quotient in per cent (`资产负债率（%）`)? Its
    column holds rates, though no column role names them."""
    return without_percent(flatten(header)).endswith(_defined_ratios())


# the roles of an indicator's points: what it may score (分值, 权重), what it scored, what it lost
SCORES = frozenset({"分值", "得分", "扣分"})


def scored(header: str) -> bool:
    """Does the header name an indicator's points (`权重(%)`, `分值（分）`, `得分`)? They are counted in 分: a `%`
    in the note of a weight says what share of the 100 points it is, not that its figures are rates."""
    role = role_of(header)
    return role is not None and role.name in SCORES


# a heading's note of the points its indicator weighs (`产出指标（50分）`, `满意度(10 分)`): its cells are points
WEIGHT_NOTE = regex(r"[（(]\s*(?P<w>\d{1,3}(?:\.\d)?)\s*分\s*[）)]$")


def weight_noted(header: str) -> Decimal | None:
    """The weight a heading's note gives its column (`效益指标（30分）`: 30), None without such a note."""
    found = WEIGHT_NOTE.search(flatten(header))
    return Decimal(found["w"]) if found else None


def overall_score(header: str) -> bool:
    """Does the heading name an evaluation's overall score (`自评得分`, `总分`, `综合得分（100分）`)?"""
    name = WEIGHT_NOTE.sub("", flatten(header))
    role = role_of(name)
    return name in words("score_total_rows") or (role is not None and role.name == "得分")


@cache
def grade_names() -> frozenset[str]:
    """The words of an evaluation's grades (grades.yaml: `优`, `良好`, `不合格`)."""
    return frozenset(str(w) for line in load("grades").get("grades") or [] for w in line)


@cache
def words(section: str) -> frozenset[str]:
    return frozenset(flatten(str(w)) for w in load("tables").get(section) or [])


@cache
def no_figure_cell() -> re.Pattern[str]:
    """A cell of a figure column that holds no figure, a whole word of a line: a word written in place of a
    figure (`由盈转亏`, `不适用`: tables.yaml no_figure_words), a slash, or a figure that is no quantity of its
    column (`增加0.46个百分点`, `≤65.00`: NOTED_FIGURE)."""
    # longest first, words of one length in their own order (of two, only one can match at a place): the same
    # pattern text in every process, whatever the set's order, as the cache of compiled patterns wants
    listed = sorted(words("no_figure_words"), key=lambda w: (-len(w), w))
    return regex(rf"(?<!\S)(?:{'|'.join(map(re.escape, listed))}|[/／\\]|{NOTED_FIGURE.pattern})(?!\S)")


# the first and last characters of a figure as written (`1,234.56`, `-3.2%`): a cell's text opening with one of
# the first and ending with one of the last is neither a word of no_figure_words (none opens with a digit or a
# sign) nor a NOTED_FIGURE (a bound opens with its mark, percentage points end with 百分点 or a bracket)
FIGURE_FIRST = frozenset("0123456789-−+")
FIGURE_LAST = frozenset("0123456789%％")


def no_figure(text: str) -> bool:
    """Is a cell's text a word written in place of a figure (`由盈转亏`, `不适用`), or a figure that is no quantity
    of its column: a bound (`≤65.00`, a target set as a ceiling) or a change in percentage points beside changes
    in % (`-0.68（百分点）`, `增加0.46个百分点`)? (Not a dash: a blank cell.) Such a cell holds no figure to add or
    divide, and leaves its column a column of figures."""
    # (a figure, most cells asked, is told by its ends without the cache: the cells of a document's tables are
    # more than the cache holds, so most of them were read again at each of the three readings of a table)
    if text[:1] in FIGURE_FIRST and text[-1:] in FIGURE_LAST:
        return False
    return _no_figure(text)


@lru_cache(maxsize=1 << 14)  # a pure function of the text; asked of body cells by three readings of a table
def _no_figure(text: str) -> bool:
    flat = flatten(text)
    return flat in words("no_figure_words") or flat == UNPLACED or NOTED_FIGURE.fullmatch(flat) is not None


# a figure a column of figures holds as a note, not as a quantity of the column: a bound, or percentage points
NOTED_FIGURE = regex(
    r"[≤≥<>＜＞]=?[-−+]?\d[\d,]*(?:\.\d+)?[%％]?"
    r"|(?:增加|减少|提高|下降|上升|降低)?[-−+]?\d+(?:\.\d+)?(?:个百分点|[（(]百分点[）)])"
)


# a change of a rate in percentage points written in words, a cell of its own (`增加0.71个百分点`, `减少1.20个百分点`):
# the word says which way (`rise`: 增加, 提高, 上升), the figure how far
POINTS_CELL = regex(r"(?:(?P<rise>增加|提高|上升)|减少|下降|降低)(?P<points>\d+(?:\.\d+)?)个百分点")


# a heading's note of its unit or of % (`金额（万元）`, `占比(%)`), left out when the heading is named
HEADING_NOTE = regex(r"[（(][^）)]{0,6}[）)]$")
# a heading's note of the unit its figures are in: money, %, or whole things counted (`（个）`, `（人）`), in ten
# thousands too (`实缴职工（万人）`, `参保人数（万人次）`: a count in 万, as a report gives its people and households),
# and a hospital's workload and stay (`手术台次（台次）`, `实际开放床位（张）`, `平均住院日（天）`)
MEASURE_NOTE = regex(
    r"[（(](?:亿元|万元|千元|元|%|％|(?:万)?(?:人次|台次|人|户)|名|个|辆|台|套|份|家|所|项|笔|次|床|张|天)[）)]$"
)
# a heading naming one figure's share of another (`余额占限额`, `专项债务占全部债务`): a rate, as `占比` is (not what
# occupies something: `占地面积`, `占用资金`)
SHARE_OF_PATTERN = r"^[\u4e00-\u9fff]{1,10}占(?![用地有])[\u4e00-\u9fff]{1,10}?的?$"
SHARE_OF_HEADING = regex(SHARE_OF_PATTERN)


def share_of_heading(header: str) -> bool:
    """Does the header name a figure's share of another (`余额占限额（%）`)? Its column holds rates, though no column
    role names them."""
    return bool(SHARE_OF_HEADING.search(without_percent(flatten(header))))


# a heading naming the row's share of its plan or of a whole with no name before 占 (`占预算`, `占年初预算`, `占全市`,
# `占合计`): a rate as `占比` is; a row so named is not read by it (`占道费`: a fee)
BARE_SHARE_PATTERN = (
    r"^占(?:(?:年初|调整|全年)?(?:预算|计划|目标|任务)数?|全[\u4e00-\u9fff]{1,4}|合计|总[\u4e00-\u9fff]{0,4})的?$"
)
# a heading naming a rate (`资产负债率`, `利润率`, `比重`, `营收同比`, `占比（%）`; some no role says how to compute), the
# mark of a change's sign after it aside (`同比±`, `同比+/-`): its figures are added into no total, whatever the 合计
# row holds in that column
RATE_HEADING = regex(
    r"(?:率|比例|比重|占比|比率|同比|%|％)(?:±|\+/?[-－])?$|" + SHARE_OF_PATTERN + "|" + BARE_SHARE_PATTERN
)


# a survey's satisfaction rate heading (`满意度`, `综合满意度`, `满意率`), its `%` note aside: a rate column of a survey
# table (aligned.py), held to the shares of its options (checks/tables/rates.py)
SATISFACTION = regex(r"(?:综合)?满意(?:度|率)")


@lru_cache(maxsize=1 << 14)  # a pure function of the text, asked of every row's label and every column's heading
def rate_heading(heading: str) -> bool:
    """Does a column's heading name a rate (its note of a unit aside)?"""
    return bool(RATE_HEADING.search(HEADING_NOTE.sub("", flatten(heading))))


# a heading that names a year's figures (`2024年`, `2023年决算数`) or the year itself (`2024`)
YEAR_HEADING = regex(r"^(?:19|20)\d{2}(?:年|$)")
# a part column's heading (`其中：一般`): the part after 其中 is the heading
PART_HEADING = regex(r"^其中[：:]?")


@lru_cache(maxsize=4096)
def column_heading(word: str) -> bool:
    """Does the word head a column of figures: it names a column role, a year, or ends in what a column
    counts (`份数`, `债务限额`, heading_ends)."""
    flat = PART_HEADING.sub("", flatten(word))
    text = HEADING_NOTE.sub("", flat)
    if not text or len(text) > 12:
        return False
    if MEASURE_NOTE.search(flat):
        return True  # its note names what its figures count (`涉及单位（个）`, `金额（万元）`)
    if YEAR_HEADING.match(text) or role_of(text) is not None:
        return True
    return text.endswith(tuple(words("heading_ends")))


@cache
def total_words() -> tuple[frozenset[str], frozenset[str]]:
    t = load("tables").get("total_rows") or {}
    return frozenset(flatten(str(w)) for w in t.get("grand") or []), frozenset(
        flatten(str(w)) for w in t.get("sub") or []
    )


@lru_cache(maxsize=1 << 14)  # a pure function of the label; asked of every row by several readings
def total_kind(label: str) -> str | None:
    """`grand` for a 合计 / 总计 row (or one whose label ends in 合计 / 总计), `sub` for a 小计 row."""
    text = flatten(label)
    grand, sub = total_words()
    if text in sub or text.endswith("小计") and len(text) <= 12:
        return "sub"
    if text in grand or (text.endswith(("合计", "总计")) and len(text) <= _longest_total(text)):
        return "grand"
    return None


# the longest label ending in 合计 / 总计 read as a total; longer where it opens with the level it is of: a fund's
# whole named with its level and fund (`市本级一般公共预算收入合计`, `市本级国有资本经营预算支出合计`), where a group's
# subtotal of as many characters (`社会保险基金本年收支结余合计`, one of two in its table) names none
TOTAL_LABEL_MOST, LEVEL_TOTAL_MOST = 12, 16
LEVEL_OPENING = regex(r"^(?:[省市县区州]本级|本级|全[省市县区州])")


def _longest_total(text: str) -> int:
    return LEVEL_TOTAL_MOST if LEVEL_OPENING.match(text) else TOTAL_LABEL_MOST


def blank_is_zero(title: str) -> bool:
    t = flatten(title)
    return any(w in t for w in words("blank_is_zero"))


# the header of the code column (`科目编码`; `经济分类`, `功能分类` naming the classification whose codes it holds): no
# column of figures
CODE_HEADER = regex(r"^(?:(?:功能分类|经济分类)(?:科目)?(?:编码|代码)?|(?:科目)?(?:编码|代码))$")


@cache
def _breakdown_heading() -> re.Pattern[str]:
    dimensions = sorted((re.escape(str(w)) for w in load("tables").get("breakdown_dimensions") or []), key=len)
    return re.compile(rf"^[分按](?:{'|'.join(reversed(dimensions))})分?$")


def breakdown_heading(label: str) -> bool:
    """Is the label a group's heading naming the dimension its rows break a total down by (`分行业`, `分产品`,
    `按地区分`)? Such a line is a heading of its own, never the tail of the label above it."""
    return _breakdown_heading().match(label.strip().replace(" ", "")) is not None
