"""The official project self-assessment form (项目支出绩效自评表, the 财政部 template attached to every 绩效自评
report, one per project), read by its header words whatever its layout (a Markdown pipe table with its merged
cells left empty, a PDF's or a plain text's rows with cells set apart by spaces):

    项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分
    年度资金总额     1000.00    1100.00   1045.00   10   95.00%  9.50
    其中：当年财政拨款 900.00   1000.00    950.00   —    —       —
    上年结转资金      100.00    100.00     95.00   —    —       —
    其他资金           0.00      0.00      0.00   —    —       —
    年度总体目标 …
    绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
             产出指标 数量指标 …        ≥10个      10个     20   20   —
    …
    总分                                                   100  95.50

The template fixes what the figures are: 年度资金总额 is the sum of the sources below it (当年财政拨款, 上年结转资金,
其他资金: the three make every source) in each amount column; a row's 执行率 is its 全年执行数 over its 全年预算数;
the funds' 分值 and the indicators' 分值 make the 总分 row's 分值, and their 得分 its 得分. Where the document states
how the funds' score is given (`得分=分值×预算执行率（不超过分值）`), that too.

Read only where every cell is placed with certainty: a pipe row has the header's cells (its column is its place),
a row of space-set cells has them all (none dropped, so the n-th is the n-th column); a block any of whose rows is
not so read, or holding a subtotal, is not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from tieout.linter.facts.identity import document_title
from tieout.linter.facts.model import (
    Breakdown,
    Change,
    Formula,
    Identity,
    Mention,
    Movement,
    Rate,
    Restatement,
    ScoreSet,
)
from tieout.linter.facts.passes.base import Completed, mention, once, quantities_at, sentence_of, states_targets
from tieout.linter.facts.passes.forms import AMOUNTS, SOURCE_GROUPS, UNIT, forms_held, in_unit, practised
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.tables.blocks import CONTINUED
from tieout.linter.parse.tables.lineshapes import width
from tieout.linter.patterns import regex
from tieout.linter.text.normalise import PAGE_NUMBER
from tieout.linter.vocab import load, words

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# a header word's variants: `全年预算数（A）`, `执行率（B/A）`, `分值` / `权重`: bracketed notes and spaces dropped
_NOTE = regex(r"[（(][^）)]*[）)]|\s+")
_FUND_WORDS = {
    "年初预算数": "年初预算数",
    "全年预算数": "全年预算数",
    "全年执行数": "全年执行数",
    "分值": "分值",
    "执行率": "执行率",
    # (a local form's header names the rate for what it measures)
    "预算执行率": "执行率",
    "得分": "得分",
}
# the funds' rows: the total, and the rows the template lists under 其中 (a project's form: its sources; a
# department's: its sources 按收入性质分 and its spending 按支出性质分)
_FUND_ROW = regex(
    r"^(?:(?P<total>(?:年度)?资金总额)|(?:其中[：:]?)?(?:(?P<part>当年财政拨款|上年结转资金|上年结余结转|上年结转结余|财政拨款|其他资金"
    r"|基本支出|项目支出)"
    r"|(?P<source>(?:中央|省级?|省本级|市级?|市本级|区级?|县级?|乡镇)[\u4e00-\u9fff]{0,6}?资金)))$"
)
# a local form's names for the template's rows (its total `资金总额`, its carry-over `上年结转结余`): the same rows
_ROW_NAMES = {"资金总额": "年度资金总额", "上年结余结转": "上年结转资金", "上年结转结余": "上年结转资金"}
# the 2020 template's sources with its 上年结转资金 row left out (a local form's): 当年 says a carry-over may stand
# beside them, so the two are all of the total only where the figures show no carry-over was left out
_NO_CARRY_OVER = frozenset({"当年财政拨款", "其他资金"})
# the amounts a carry-over stands in whenever there is one (it is budgeted in the year and spent from there)
_CARRIED_IN = ("全年预算数", "全年执行数")
# a department's form opens each group with a line of its own (`按收入性质分：`, `按支出性质分：`)
_GROUP_LINE = regex(r"^按(?:收入|支出)性质分[：:]?$")
# the cell left of the total's label in a PDF's text (`项目资金 年度资金总额 …`, the merged cell's first line), and
# the line its unit wraps to (`（万元）`)
_FUND_LEAD = regex(r"^项目资金$")
_UNIT_LINE = regex(r"^[（(](?:万元|亿元|元)[）)]$")
_CAPTION_LINES = 6
_INDICATOR_WORDS = ("一级指标", "二级指标", "三级指标")
_TOTAL_ROW = regex(r"^总分$")
_SUBTOTAL = regex(r"小计|合计")
_BARE = regex(r"^\d{1,3}(?:\.\d{1,2})?$")
# a cell a score may be written in (`10`, `4.5`, `10分`): a line with none holds no indicator's score
_SCORE_LIKE = regex(r"^\d+(?:\.\d+)?分?$")
# a figure cell: an amount, a score or a rate, nothing else written in it
_CELL_FIGURE = regex(r"^\d{1,3}(?:,?\d{3})*(?:\.\d+)?%?$")
# the document's own word that the funds' score is their full marks times the rate, capped at the full marks
# (`得分按“预算执行率×分值”计算，最高不超过分值`, `得分=分值×预算执行率（不超过10分）`)
# — or says it in words, the cap left unsaid (`预算执行得分按执行率乘以分值计算`, `分值10分，按全年执行数占全年预算数
# 的比例计算得分`: the score the full marks' share the rate says), read where the rate is 100% at most
_SCORE_RULE = regex(
    r"得分(?:按|=|＝|为)[“\"]?(?:(?:预算)?执行率[×*xX](?:该指标)?分值|分值[×*xX](?:预算)?执行率)[”\"]?(?:计算)?"
    r"[，,（(]?(?:最高)?不(?:超过|高于|得超过)(?:分值|\d{1,2}分)"
    r"|(?:预算)?执行(?:情况)?得分(?:按|=|＝|为)(?:预算)?执行率乘以分值"
    r"|按全年执行数占全年预算数的比例计算得分"
)


@dataclass
class _Cell:
    """A cell of a line of a form: its text and where it starts in the document."""

    start: int  # offset of its text in the document
    text: str


@dataclass
class Line:
    """A line of the document split into the cells of a form's row."""

    start: int
    cells: list[_Cell]
    piped: bool  # cells set apart by `|` (their places kept, empty ones too), else by spaces


@lru_cache(maxsize=1)
def split_lines(text: str) -> list[Line]:
    """The text's lines as cells. Memoised for the last text (a pure function of it): the three passes reading a
    document's forms split it once. The lines are shared: read only."""
    out: list[Line] = []
    at = 0
    for raw in text.split("\n"):
        out.append(_split(raw, at))
        at += len(raw) + 1
    return out


def _split(raw: str, at: int) -> Line:
    """A line's cells: between pipes where it has them (the outer ones dropped), else its space-set runs."""
    cells: list[_Cell] = []
    if raw.count("|") >= 2:
        pos = 0
        for piece in raw.split("|"):
            lead = len(piece) - len(piece.lstrip())
            cells.append(_Cell(at + pos + lead, piece.strip()))
            pos += len(piece) + 1
        if raw.strip().startswith("|"):
            cells = cells[1:]
        if raw.strip().endswith("|"):
            cells = cells[:-1]
        return Line(at, cells, True)
    pos = 0
    for piece in raw.split():
        pos = raw.index(piece, pos)
        cells.append(_Cell(at + pos, piece))
        pos += len(piece)
    return Line(at, cells, False)


def word(text: str) -> str:
    return _NOTE.sub("", text)


@dataclass
class _FundBlock:
    """The funds block of a project's self-assessment form: its amount columns, the total's and each source's
    figures, and what else the form gives."""

    names: list[str]  # the value columns, left to right
    total: dict[str, Quantity | None]  # the 年度资金总额 row's figure of each column (None: a dash)
    groups: list[dict[str, dict[str, Quantity | None]]]  # each group's rows (its parts of the total), in order
    line: int  # the header's line
    unit: str  # the amounts' unit ("" where none is stated)
    project: str = ""  # the form's 项目名称
    overall: Quantity | None = None  # the 总分 row's score, once read
    # each indicator's 实际完成值 by its 三级指标 name, from a pipe table's rows (their places certain)
    done: dict[str, Quantity] = field(default_factory=dict)
    # where the form's 实际完成情况 text stands in the original: from its `（实际完成情况）` line to the indicators'
    # header (what the project achieved, which the indicators measure; not the 预期目标 before it)
    goals: tuple[int, int] = (0, 0)
    # where the form stands in the original, from its funds' header to its indicators' (0, 0 before these are read)
    body: tuple[int, int] = (0, 0)


@dataclass
class Reader:
    """The cells of a document's forms read as its figures."""

    draft: Draft
    lines: list[Line]
    figures: dict[int, Quantity]

    def figure(self, cell: _Cell) -> Quantity | None:
        """The one figure that is the whole cell (a cell of the original text, found where the normaliser put
        it). A bare number the figure reader read with the next row's words glued on (`36部分…` read `36部`) is
        taken as the cell stands."""
        at = self.draft.doc.normalised_at(cell.start)
        if at is None or _CELL_FIGURE.match(cell.text) is None:
            return None
        q = self.figures.get(at)
        if q is not None and q.text == cell.text and q.exact:
            return q
        if _BARE.match(cell.text) is None or self.draft.doc.text[at : at + len(cell.text)] != cell.text:
            return None
        value = Decimal(cell.text)
        decimals = len(cell.text.partition(".")[2])
        return Quantity(cell.text, value, "", "", Decimal(1), decimals, "bare", at, at + len(cell.text))

    def unit_figure(self, cell: _Cell) -> Quantity | None:
        """The one figure with its unit that is the whole cell (`3486人次`), none a bound (`≥90%`)."""
        at = self.draft.doc.normalised_at(cell.start)
        if at is None:
            return None
        q = self.figures.get(at)
        ok = q is not None and q.text == word(cell.text) and q.exact and q.kind in ("amount", "count", "percent")
        return q if ok else None

    def values(self, line: Line, after: int, names: list[str]) -> dict[str, Quantity | None] | None:
        """The row's cells after its label, placed under the header's value columns: (a pipe row) the cells at the
        columns' places, or (space-set) exactly one cell each; a dash is None; any other cell unread."""
        cells = line.cells[after + 1 :]
        if line.piped:
            while cells and not cells[0].text:
                cells = cells[1:]
            cells = cells[: len(names)]
            if any(not c.text for c in cells):
                return None
        if len(cells) != len(names) and not (not line.piped and len(cells) == _amount_count(names)):
            return None
        out: dict[str, Quantity | None] = {}
        for name, cell in zip(names, cells, strict=False):
            if is_dash(cell.text):
                out[name] = None
                continue
            q = self.figure(cell)
            if q is None:
                return None
            out[name] = q
        return out


def _amount_count(names: list[str]) -> int:
    """How many amount columns open the header (a space-set source row may stop after them, its dashes left out)."""
    n = 0
    while n < len(names) and names[n] in AMOUNTS:
        n += 1
    return n


def is_dash(text: str) -> bool:
    return text in ("—", "-", "－", "——", "/", "／")


def _fund_header(line: Line) -> tuple[int, list[str]] | None:
    """The index of the header's first value cell and the value columns' names, where the line is the funds'
    header (its cells from the first known word on all known words, the three amounts among them)."""
    words = [word(c.text) for c in line.cells]
    first = next((i for i, w in enumerate(words) if w in _FUND_WORDS), None)
    if first is None:
        return None
    names = [_FUND_WORDS.get(w, "") for w in words[first:] if w]
    if "" in names or len(set(names)) != len(names) or not set(AMOUNTS) <= set(names):
        return None
    return first, names


def _row_label(line: Line) -> tuple[int, str, str] | None:
    """The cell index and name of a fund row's label, and whether the total's ("total") or a source's; the merged
    cell's `项目资金` before it passed over."""
    cells = [(i, c) for i, c in enumerate(line.cells) if c.text]
    if len(cells) > 1 and _FUND_LEAD.match(word(cells[0][1].text)):
        cells = cells[1:]
    elif len(cells) > 1 and _UNIT_LINE.match(cells[0][1].text):
        # (the merged cell's unit on the line of the row below its `项目资金`: `（万元）  其中：财政拨款  …`)
        cells = cells[1:]
    if not cells:
        return None
    i, c = cells[0]
    m = _FUND_ROW.match(word(c.text))
    if m is None:
        return None
    if m.group("source"):
        return i, m.group("source"), "source"
    if m.group("total"):
        return i, _ROW_NAMES.get(m.group("total"), m.group("total")), "total"
    return i, _ROW_NAMES.get(m.group("part"), m.group("part")), "part"


# a cell of a Markdown table's rule (`---`, `---:`, `:---:`; the normaliser may make `:` full-width)
_RULE_CELL = regex(r"^[:：]?-{3,}[:：]?$")


def _rule_line(line: Line) -> bool:
    """Is the line a Markdown table's rule under its header (`| --- | ---: |`)?"""
    return line.piped and bool(line.cells) and all(_RULE_CELL.match(c.text.strip()) for c in line.cells if c.text)


def _own_table(reader: Reader, h: int) -> bool:
    """Is the funds' header the first row of a Markdown table of its own (its rule right under it)? The table checks
    read that table's sums and rates: the form's are theirs, not read twice."""
    return h + 1 < len(reader.lines) and _rule_line(reader.lines[h + 1])


def _between(line: Line) -> str | None:
    """A line between the funds' rows that is none: "unit" (the unit wrapped from the merged cell, `（万元）`),
    "group" (a department's `按收入性质分：`), "rule" (a Markdown table's rule under its header, where the form is set
    out as several tables, the funds' header the first row of its own); None for any other."""
    if _rule_line(line):
        return "rule"
    texts = [c.text for c in line.cells if c.text]
    if len(texts) != 1:
        return None
    if _UNIT_LINE.match(texts[0]):
        return "unit"
    return "group" if _GROUP_LINE.match(texts[0]) else None


def _fund_rows(reader: Reader, h: int, names: list[str]) -> tuple[dict[str, Quantity | None], list[dict], str] | None:
    """The total's row, the groups of rows under it (each a complete set of the template's), and the unit a line
    between them states; None where a row is not read, or a group is not one of the template's."""
    total: dict[str, Quantity | None] | None = None
    groups: list[dict[str, dict[str, Quantity | None]]] = [{}]
    # the groups holding sources named by the level of government that gives them (`中央补助资金`, `市级配套资金`):
    # no set the template fixes, so not known to be all of the total (the block is read, its rows not summed)
    loose: set[int] = set()
    unit = ""
    for line in reader.lines[h + 1 :]:
        between = _between(line)
        if between == "rule":
            continue
        if between == "unit":
            unit = UNIT.search(line.cells[-1].text).group("u")  # type: ignore[union-attr]
            continue
        if between == "group":
            if total is None:
                return None
            if groups[-1]:
                groups.append({})
            continue
        label = _row_label(line)
        if label is None:
            break
        at, name, kind = label
        row = reader.values(line, at, names)
        if row is None or (kind == "total" and total is not None) or (kind != "total" and total is None):
            return None  # (a source before the total: not the template's order)
        if kind == "total":
            total = row
            continue
        if name in groups[-1]:
            return None
        if set(groups[-1]) in SOURCE_GROUPS and not any(set(groups[-1]) | {name} <= g for g in SOURCE_GROUPS):
            groups.append({})  # (a department's spending rows right after its sources, the group line left out)
        groups[-1][name] = row
        if kind == "source":
            loose.add(len(groups) - 1)
    loose.update(i for i, g in enumerate(groups) if frozenset(g) == _NO_CARRY_OVER)
    if total is None or not all(frozenset(g) in SOURCE_GROUPS or i in loose for i, g in enumerate(groups)):
        return None
    return total, groups, unit


def _fund_block(reader: Reader, h: int) -> _FundBlock | None:
    head = _fund_header(reader.lines[h])
    if head is None:
        return None
    _, names = head
    rows = _fund_rows(reader, h, names)
    if rows is None:
        return None
    total, groups, unit = rows
    unit = unit or _unit(reader, h)
    for row in (total, *(r for g in groups for r in g.values())):  # (the amounts in their unit, bare as written)
        for name in AMOUNTS:
            q = row.get(name)
            row[name] = in_unit(q, unit) if q is not None and unit else q
    return _FundBlock(names, total, groups, h, unit, _project(reader, h))


# a caption line's first cell naming the project after a colon (`项目名称：农村公路建设补助资金`)
_PROJECT_NAMED = regex(r"^项目名称[：:](?P<name>\S+)$")


def _project(reader: Reader, h: int) -> str:
    """The form's project: the cell after `项目名称` in a line just above the funds' header, or the name after its
    colon in that cell (`项目名称：X   主管部门：Y`)."""
    for line in reversed(reader.lines[max(h - _CAPTION_LINES, 0) : h]):
        texts = [word(c.text) for c in line.cells if c.text]
        if len(texts) >= 2 and texts[0] == "项目名称":
            return texts[1]
        if texts and (named := _PROJECT_NAMED.match(texts[0])) is not None:
            return named.group("name")
    return ""


def _unit(reader: Reader, h: int) -> str:
    """The amounts' unit: stated in the header's cells, or else in a line just above it."""
    for line in reversed(reader.lines[max(h - _CAPTION_LINES, 0) : h + 1]):
        for c in line.cells:
            if (m := UNIT.search(c.text)) is not None:
                return m.group("u")
    return ""


def assessment_forms(
    draft: Draft,
) -> Iterator[Breakdown | Rate | ScoreSet | Formula | Restatement | Change | Completed]:
    """The relations the template fixes, in every self-assessment form of the document."""
    if not forms_held(draft):
        return
    text = draft.doc.text
    figures = quantities_at(draft)
    # (the rows as the original lays them out: the normaliser joins a text's lines and drops its spaces)
    reader = Reader(draft, split_lines(draft.doc.original), figures)
    capped = _SCORE_RULE.search(text) is not None
    fund: _FundBlock | None = None
    forms: list[_FundBlock] = []
    for h, line in enumerate(reader.lines):
        if fund is not None and fund.line < h:
            yield from _adjustment_note(reader, fund, line)
        if "全年执行数" in "".join(c.text for c in line.cells) and _fund_header(line) is not None:
            # (a funds header opens another form; the words in prose, `全年执行数1,906.30万元，…`, do not)
            fund = _fund_block(reader, h)
            if fund is not None:
                forms.append(fund)
                if not _own_table(reader, h):
                    yield from _fund_relations(reader, fund, capped)
            continue
        if fund is not None and _indicator_header(line) is not None:
            fund.goals = _achieved_text(reader, fund.line, h)
            fund.body = (reader.lines[fund.line].start, reader.lines[h].start)
            yield from _achieved_rates(reader, fund, h)
            yield from _restated_in_block(reader, fund, h)
            yield from _surpluses(reader, h)
            yield from _shortfalls(reader, h)
            yield from _indicator_scores(reader, fund, h)
            fund = None
    if not capped:
        yield from _practised_scores(reader, forms)
    draft.memo[FORMS] = forms  # (the summary table of the projects restates their forms: assessment_summary)
    yield from _restated(draft)


# the draft's memo key of the document's forms, as `assessment_forms` read them
FORMS = "assessment_forms"


def forms_by_project(draft: Draft) -> dict[str, _FundBlock]:
    """The document's forms by their project's name, the names one form only states."""
    forms: list[_FundBlock] = draft.memo.get(FORMS) or []
    names = [f.project for f in forms]
    return {f.project: f for f in forms if f.project and names.count(f.project) == 1}


def restated_in_form(draft: Draft, form: _FundBlock, key: str, m: Mention, q: Quantity) -> Restatement | None:
    """A project's figure stated outside its form as the one the form states under `key` (its total's column, or
    `总分` its overall score): one quantity, of the project, where both are in one unit."""
    figure = form.overall if key == "总分" else form.total.get(key)
    if figure is None or figure.base_unit != q.base_unit and not (key == "总分" and figure.kind == "bare"):
        return None
    own = mention(draft, f"{form.project}（自评表{key}）", figure)
    if own.sentence == m.sentence:
        return None
    return Restatement(Identity(key, m.identity.context, form.project), [(m, q), (own, figure)])


def _fund_relations(reader: Reader, fund: _FundBlock, capped: bool) -> Iterator[Breakdown | Rate | Formula]:
    draft = reader.draft
    for group in fund.groups:
        if frozenset(group) not in SOURCE_GROUPS and not _no_carry_over(fund.total, group):
            continue  # (sources by level of government: some of the total, or all, the form does not say)
        for name in AMOUNTS:
            total = fund.total.get(name)
            parts = [(p, row.get(name)) for p, row in group.items()]
            if not fund.unit or total is None or any(q is None for _, q in parts):
                continue
            mentions = [mention(draft, f"{p}（{name}）", q) for p, q in parts if q]
            whole = mention(draft, f"年度资金总额（{name}）", total)
            yield Breakdown(whole, mentions, "其中", True, whole.sentence)
    for row in (fund.total, *(r for g in fund.groups for r in g.values())):
        rate, spent, budget = row.get("执行率"), row.get("全年执行数"), row.get("全年预算数")
        if rate is None or spent is None or budget is None or rate.kind != "percent" or budget.value == 0:
            continue
        si = sentence_of(draft, rate.start)
        yield Rate("执行率", rate, si, [spent, budget], ["全年执行数", "全年预算数"], ordered=True)
    if capped:
        yield from _capped_score(reader, fund)


def _no_carry_over(total: dict[str, Quantity | None], group: dict[str, dict[str, Quantity | None]]) -> bool:
    """Are 当年财政拨款 and 其他资金 all of the total: they add up to it exactly in both amounts a carry-over would
    stand in (so none was left out; the 年初预算数 is then held to them)."""
    if frozenset(group) != _NO_CARRY_OVER:
        return False
    for name in _CARRIED_IN:
        whole, parts = total.get(name), [row.get(name) for row in group.values()]
        if whole is None or any(q is None for q in parts):
            return False
        if sum(q.base_value for q in parts if q is not None) != whole.base_value:
            return False
    return True


# a note of the form on how the year's budget moved from the one set at its start, said of the whole funds (no source
# named before it): `说明：全年预算数较年初预算数调增86.48万元`, `全年预算较年初预算减少20.00万元`
_ADJUSTMENT = regex(
    r"(?:^|[：:，,。；;])\s*(?:项目)?全年预算数?较年初预算数?(?P<word>(?P<up>调增|增加|追加)|调减|减少|核减)了?"
    r"(?P<x>\d[\d,]*(?:\.\d+)?\s*(?:亿元|万元|元))"
)


def _adjustment_note(reader: Reader, fund: _FundBlock, line: Line) -> Iterator[Change]:
    """A line of the form below its funds' rows noting by how much the year's budget differs from the one set at its
    start: the total's 全年预算数 against its 年初预算数, moved the way and by the amount the note says."""
    year, first = fund.total.get("全年预算数"), fund.total.get("年初预算数")
    if not line.cells or year is None or first is None or not fund.unit:
        return
    start = line.cells[0].start
    doc = reader.draft.doc
    m = _ADJUSTMENT.search(doc.original[start : line.cells[-1].start + len(line.cells[-1].text)])
    if m is None:
        return
    q, moved = _figure_at(reader, start + m.start("x")), doc.normalised_at(start + m.start("word"))
    if q is None or moved is None or not q.exact or q.kind != "amount":
        return
    direction: Literal["up", "down"] = "up" if m.group("up") else "down"
    move = Movement(direction, m.group("word"), q, moved, moved + len(m.group("word")))
    yield Change("较年初预算数", "全年预算数", year, first, [move], sentence_of(reader.draft, q.start))


# what the form's 年度总体目标 text says was spent and at what rate (`全年执行资金2060.60万元，执行率84.3%`, `项目全年支出
# 309.08万元，预算执行率97.91%`): an amount, then the rate with only a comma between
_SPENT_RATE = regex(
    r"(?P<x>(?<![\d.,])\d[\d,]*(?:\.\d+)?(?:亿元|万元|元))[，,]\s*(?:预算|资金)?执行率(?:为|是)?(?P<r>\d+(?:\.\d+)?%)"
)


def _achieved_rates(reader: Reader, fund: _FundBlock, h: int) -> Iterator[Rate | Completed]:
    """A rate the form's text states of what was spent (between the funds' rows and the indicators' header): where
    the amount before it is the total's 全年执行数 (its value and unit), the rate is that over the total's 全年预算数,
    as the template's 执行率 column. One the sentence pass read with the amount alone is completed; one it read with
    its base is left as it is."""
    spent, budget = fund.total.get("全年执行数"), fund.total.get("全年预算数")
    if spent is None or budget is None or budget.value == 0 or not fund.unit:
        return
    doc = reader.draft.doc
    for line in reader.lines[fund.line + 1 : h]:
        if not line.cells:
            continue
        start = line.cells[0].start
        for m in _SPENT_RATE.finditer(doc.original[start : line.cells[-1].start + len(line.cells[-1].text)]):
            amount, rate = (_figure_at(reader, start + m.start(g)) for g in ("x", "r"))
            if amount is None or rate is None or rate.kind != "percent" or amount.kind != "amount":
                continue
            if amount.base_value != spent.base_value or not rate.exact or rate.bound is not None:
                continue
            yield from _spent_rate(reader, rate, amount, budget)


# what the form's 年度总体目标 text names the total's amounts (`全年预算安排 a万元`, `截至年底实际支出 b万元`, `项目全年支出
# b万元`): the year's budget and spending in words that name no other (not `年度预算`, which may be the one set at
# the year's start)
_BLOCK_KEYS = regex(
    r"^(?:(?P<budget>全年预算(?:数|安排)?)|(?P<spent>(?:项目)?(?:全年|截至年底)(?:实际)?(?:支出|执行数?)(?:资金)?))$"
)


def _restated_in_block(reader: Reader, fund: _FundBlock, h: int) -> Iterator[Restatement]:
    """A figure of the form's own text (between its funds' header and its indicators') that names the total's 全年预算数
    or 全年执行数: the form's figure restated."""
    draft = reader.draft
    first, last = reader.lines[fund.line].start, reader.lines[h].start
    for at, m, q, column in once(draft, "assessment_form.block_keys", lambda: _block_key_figures(draft)):
        if first <= at < last and (found := restated_in_form(draft, fund, column, m, q)) is not None:
            yield found


def _block_key_figures(draft: Draft) -> list[tuple[int, Mention, Quantity, str]]:
    """The document's figures a form's text may restate its total's amounts by (`_BLOCK_KEYS`), once a document: where
    each stands in the original text, the figure and the column it names."""
    out = []
    for m in draft.facts.mentions:
        if len(m.quantities) != 1 or not m.quantities[0].exact or m.quantities[0].kind != "amount":
            continue
        q = m.quantities[0]
        if (k := _BLOCK_KEYS.match(m.label)) is not None:
            out.append((draft.doc.origin[q.start], m, q, "全年预算数" if k.group("budget") else "全年执行数"))
    return out


def _figure_at(reader: Reader, offset: int) -> Quantity | None:
    at = reader.draft.doc.normalised_at(offset)
    return reader.figures.get(at) if at is not None else None


def _spent_rate(reader: Reader, rate: Quantity, amount: Quantity, budget: Quantity) -> Iterator[Rate | Completed]:
    labels = ["全年执行数", "全年预算数"]
    read = next((r for r in reader.draft.facts.rates if r.stated is rate), None)
    if read is None:
        si = sentence_of(reader.draft, rate.start)
        yield Rate("执行率", rate, si, [amount, budget], labels, ordered=True)
    elif read.formula is None and [q.start for q in read.operands] == [amount.start]:
        yield Completed(read, replace(read, operands=[amount, budget], labels=labels, ordered=True))


def _score_inputs(fund: _FundBlock) -> tuple[Quantity, Quantity, Quantity] | None:
    """The total row's full marks, rate and score, where the rate is a percentage short of 100% (at 100% and above the
    score is the full marks whatever the rule) and the score short of the full marks, written with decimals (a whole
    score is a band's, or one rounded too far to show how it was given)."""
    row = fund.total
    marks, rate, score = row.get("分值"), row.get("执行率"), row.get("得分")
    if marks is None or rate is None or score is None or rate.kind != "percent" or not 0 < rate.value < 100:
        return None
    if score.decimals == 0:
        return None
    return (marks, rate, score) if score.value < marks.value else None


def _practised_scores(reader: Reader, forms: list[_FundBlock]) -> Iterator[Formula]:
    """The funds' score as full marks × rate in every form of the document, where the document states no rule but its
    forms show it: at least two give their score so, and two thirds of those whose rate is short of 100% (a scale of
    bands gives round scores that the product does not; one form's slip is then read against the others)."""
    scored = [(f, found) for f in forms if (found := _score_inputs(f)) is not None]
    if not practised([found for _, found in scored]):
        return
    for _, (marks, rate, score) in scored:
        si = sentence_of(reader.draft, score.start)
        # (a rule read from the forms, not stated: a warning)
        yield Formula("资金得分（分值×执行率）", [marks, rate], ["*"], score, si, [0, "*", 1], certain=False)


def _capped_score(reader: Reader, fund: _FundBlock) -> Iterator[Formula]:
    """The funds' score as the document says it is given: full marks × the rate, the rate of at most 100% (above
    it the score is capped at the full marks, which TO310 holds)."""
    row = fund.total
    marks, rate, score = row.get("分值"), row.get("执行率"), row.get("得分")
    if marks is None or rate is None or score is None or rate.kind != "percent" or rate.value > 100:
        return
    si = sentence_of(reader.draft, score.start)
    yield Formula("资金得分（分值×执行率）", [marks, rate], ["*"], score, si, [0, "*", 1])


def _indicator_header(line: Line) -> tuple[int, int] | None:
    """The cell indices of 分值 and 得分 in the indicators' header (`一级指标 二级指标 三级指标 … 分值 得分 …`)."""
    words = [word(c.text) for c in line.cells]
    if not all(w in words for w in _INDICATOR_WORDS) or words.count("分值") != 1 or words.count("得分") != 1:
        return None
    marks, score = words.index("分值"), words.index("得分")
    return (marks, score) if score == marks + 1 else None


def _pair(reader: Reader, line: Line, head: Line, at: tuple[int, int]) -> tuple[Quantity, Quantity] | None:
    """A row's full marks and score: (pipe) the cells at the header's places, the row having the header's cells;
    (space-set) the same cells counted from the row's end, the row having all the header's cells."""
    if line.piped != head.piped or len(line.cells) != len(head.cells):
        return None
    cells = [line.cells[at[0]], line.cells[at[1]]]
    if any(_BARE.match(c.text) is None for c in cells):
        return None
    marks, score = (reader.figure(c) for c in cells)
    return (marks, score) if marks is not None and score is not None else None


def _total_pair(reader: Reader, line: Line, head: Line, at: tuple[int, int]) -> tuple[Quantity, Quantity] | None:
    """The 总分 row's full marks and score: at the header's places (pipe), else its only two cells after 总分."""
    if line.piped:
        return _pair(reader, line, head, at)
    cells = line.cells[1:]
    if len(cells) != 2 or any(_BARE.match(c.text) is None for c in cells):
        return None
    marks, score = (reader.figure(c) for c in cells)
    return (marks, score) if marks is not None and score is not None else None


def _indicator_scores(reader: Reader, fund: _FundBlock, h: int) -> Iterator[ScoreSet]:
    """The 总分 row's full marks and score: the funds' and the indicators' added (every row read up to the 总分 row);
    where the funds' 分值 and 得分 are dashes (`—`: the funds scored as an indicator's row, `预算执行率`), the
    indicators' alone. A `小计` row closing a first-level indicator's rows (`小计 15 14.73`) is no indicator: it is
    the sum of the rows since the one before, where their 分值 add up to its own exactly (a weight is the sum of its
    rows' by definition; else which rows it closes is not known, and it is not held to them). Nor is a first-level
    indicator's own row above its rows (`产出指标  50  48.25`, its full marks and score alone): the rows under it are
    the 总分's, where their 分值 make its own exactly (else the block is not read)."""
    head = reader.lines[h]
    at = _indicator_header(head)
    marks, score = fund.total.get("分值"), fund.total.get("得分")
    if at is None or (marks is None) != (score is None):
        return
    scored = [(marks, score)] if marks is not None and score is not None else []
    rows: list[tuple[Quantity, Quantity]] = []
    since: list[tuple[Quantity, Quantity]] = []  # the rows since the last 小计
    levels = _Levels(rows)
    dashed = _writes_dashes(reader, h)
    values_at = _row_values_at(head)
    below = _below_level(head)
    for line in _block_rows(reader.lines, h):
        texts = [c.text for c in line.cells if c.text]
        if any(_SUBTOTAL.search(t) for t in texts):
            sub = _total_pair(reader, line, head, at) if word(texts[0]) == "小计" else None
            if sub is None or levels.current is not None:
                return
            yield from _subtotal(reader, sub, since)
            since = []
            continue
        own = _level_row(reader, line, head, at, below)
        if not levels.at_row(own, own is not None or _TOTAL_ROW.match(word(texts[0])) is not None):
            return
        if own is not None:
            continue
        _achieved(reader, fund, line, head)
        if _TOTAL_ROW.match(word(texts[0])):
            yield from _total_sets(reader, fund, _total_pair(reader, line, head, at), scored + rows)
            return
        if (not line.piped and not any(_SCORE_LIKE.match(t) for t in texts)) or _wrapped_row(line, head, values_at):
            continue  # a line no score is written in: a reason wrapped (`调整，已调整设计`), a merged cell's words
        pair = _pair(reader, line, head, at) if line.piped else _spaced_pair(reader, line, head, at, dashed)
        if pair is None:
            return
        if not line.piped:
            _spaced_achieved(reader, fund, line, head, pair[0])
        rows.append(pair)
        since.append(pair)


def _total_sets(
    reader: Reader, fund: _FundBlock, total: tuple[Quantity, Quantity] | None, rows: list[tuple[Quantity, Quantity]]
) -> Iterator[ScoreSet]:
    """The 总分 row's full marks and score as the sums of the rows' (the funds' first, where scored)."""
    if total is None or not rows:
        return
    si = sentence_of(reader.draft, total[1].start)
    fund.overall = total[1]
    yield ScoreSet(total[0], [m for m, _ in rows], si)
    yield ScoreSet(total[1], [s for _, s in rows], si)


# the first-level indicators of the frameworks (`产出指标`, `效益指标`, `决策指标` …)
_FIRST_LEVEL = frozenset(w for framework in load("relations").get("indicator_frameworks") or [] for w in framework)
# the header's cells a first-level indicator's own row leaves empty: it names no indicator under it, no target
_BELOW_LEVEL = ("二级指标", "三级指标", "年度指标值", "实际完成值")


@dataclass
class _Levels:
    """The first-level indicator's own row (`产出指标  50  48.25`, before the rows under it) the indicator rows read
    since stand under, if any: its full marks, and where the rows under it start among the form's rows read (`rows`,
    which the reader of the form appends to), up to the next such row or the 总分 row. It is no indicator of the
    总分's: the rows under it are."""

    rows: list[tuple[Quantity, Quantity]]
    current: tuple[Quantity, int] | None = None

    def at_row(self, own: Quantity | None, closing: bool) -> bool:
        """At a row that is a first-level indicator's own (`own`, its full marks) or the 总分 row (`closing` either
        way): the one before closed, `own` opened. False where the rows under the one before do not make its full
        marks exactly (its weight is their sum by definition; else which rows it holds is not known). (Its score as
        the sum of its rows' is the table checks' to hold, TO305: not read twice.)"""
        if closing and self.current is not None:
            marks, start = self.current
            under = self.rows[start:]
            if not under or not _makes_marks(under, marks):
                return False
            self.current = None
        if own is not None:
            self.current = (own, len(self.rows))
        return True


def _below_level(head: Line) -> list[int]:
    """The cells of the header a first-level indicator's own row leaves empty (`_BELOW_LEVEL`), by index."""
    words = [word(c.text) for c in head.cells]
    return [words.index(w) for w in _BELOW_LEVEL if w in words]


def _level_row(reader: Reader, line: Line, head: Line, at: tuple[int, int], below: list[int]) -> Quantity | None:
    """The full marks of the row of a first-level indicator alone, its full marks and score and nothing else
    (`产出指标  50  48.25`; a pipe row with the header's cells `below` it, 二级指标, 三级指标, target and outcome, empty):
    the sum of the rows under it, no indicator of its own to add to them. None for any other row."""
    texts = [c.text for c in line.cells if c.text]
    if not texts or word(texts[0]) not in _FIRST_LEVEL:
        return None
    if line.piped:
        if len(line.cells) != len(head.cells) or any(line.cells[i].text for i in below):
            return None
        pair = _pair(reader, line, head, at)
    else:
        pair = _total_pair(reader, line, head, at) if len(texts) == 3 else None
    return pair[0] if pair is not None else None


# what stands between a form's rows and their next page's: the page's number, the mark of its continuation (`续表`)
_PAGE_FURNITURE = (PAGE_NUMBER, CONTINUED)


def _block_rows(lines: list[Line], h: int) -> Iterator[Line]:
    """The lines of the rows under the header at line h, up to the first empty one: past it where a page turned under
    them and the header stands repeated atop the next (`_page_turned`), the rows going on there. A Markdown table's
    rule under the header (the indicators set out as a table of their own) is no row."""
    k = h + 1
    while k < len(lines):
        if _rule_line(lines[k]):
            k += 1
            continue
        if any(c.text for c in lines[k].cells):
            yield lines[k]
            k += 1
            continue
        k = _page_turned(lines, k + 1, lines[h])
        if k < 0:
            return


def _page_turned(lines: list[Line], k: int, head: Line) -> int:
    """Where a pipe table's rows go on after the blank line before `k`: past blank lines, a page's number and a 续表
    mark, under the header repeated cell for cell (`— 3 —` / `续表` / `| 一级指标 | 二级指标 | … |`); -1 where anything
    else stands there (the form has ended, or what follows is not known to be its rows)."""
    if not head.piped:
        return -1
    while k < len(lines):
        cells = lines[k].cells
        text = " ".join(c.text for c in cells)
        if cells and not lines[k].piped and not any(p.search(text) for p in _PAGE_FURNITURE):
            return -1
        if lines[k].piped:
            same = [word(c.text) for c in cells] == [word(c.text) for c in head.cells]
            return k + 1 if same else -1
        k += 1
    return -1


# the cells of an indicator's own row, in the header's order (a row with all of them empty is no indicator;
# the reason for a deviation comes right after them)
_ROW_VALUES = ("年度指标值", "实际完成值", "分值", "得分")


def _row_values_at(head: Line) -> tuple[int, ...] | None:
    """Where the header sets an indicator row's own cells (`_ROW_VALUES`), None where it lacks one: found once per
    header, not again for each of its rows."""
    words = [word(c.text) for c in head.cells]
    return tuple(words.index(w) for w in _ROW_VALUES) if all(w in words for w in _ROW_VALUES) else None


def _wrapped_row(line: Line, head: Line, values_at: tuple[int, ...] | None) -> bool:
    """Is a pipe row the rest of the row above, its words wrapped onto a row of their own (`| | | | 供给年限 | | | |
    |`, a reason's second line in the last cell): the header's cells, those of the indicator's target, outcome,
    full marks and score (at `values_at`, `_row_values_at(head)`) all empty."""
    if not line.piped or len(line.cells) != len(head.cells) or values_at is None:
        return False
    return all(not line.cells[i].text for i in values_at)


def _subtotal(
    reader: Reader, sub: tuple[Quantity, Quantity], since: list[tuple[Quantity, Quantity]]
) -> Iterator[ScoreSet]:
    """A 小计's 分值 and 得分 as the sums of the rows it closes, where their 分值 make its own exactly."""
    if len(since) < 2 or not _makes_marks(since, sub[0]):
        return
    si = sentence_of(reader.draft, sub[1].start)
    yield ScoreSet(sub[1], [s for _, s in since], si, name="小计")


def _makes_marks(rows: list[tuple[Quantity, Quantity]], marks: Quantity) -> bool:
    """Do the rows' full marks (分值) add up to `marks` exactly?"""
    return sum((m.value for m, _ in rows), Decimal(0)) == marks.value


def _writes_dashes(reader: Reader, h: int) -> bool:
    """Does a space-set row of the indicators' block (up to its 总分 row or its first empty line) write a dash for
    its reason? (Not a line after the 总分 row: a page's footer, `— 1 —`, ends in a dash too.)"""
    for line in reader.lines[h + 1 :]:
        if not line.cells or line.piped or _TOTAL_ROW.match(word(line.cells[0].text)):
            return False
        if is_dash(line.cells[-1].text):
            return True
    return False


def _achieved(reader: Reader, fund: _FundBlock, line: Line, head: Line) -> None:
    """An indicator row's 实际完成值 under its 三级指标 name, where both stand at the header's places (a pipe row with
    the header's cells) and the value is one figure with its unit (`3486人次`, `92.4%`)."""
    words = [word(c.text) for c in head.cells]
    if not line.piped or len(line.cells) != len(head.cells) or "三级指标" not in words or "实际完成值" not in words:
        return
    name, value = line.cells[words.index("三级指标")], line.cells[words.index("实际完成值")]
    q = reader.unit_figure(value)
    if q is not None and word(name.text):
        fund.done[word(name.text)] = q


# a cell of an indicator's target (`≥3200户`, `=100%`, `≤912.40万元`): a bound, or a figure alone
_TARGET = regex(r"^(?:[≥≤=＞＜><]=?)?\d[\d,]*(?:\.\d+)?\S{0,6}$")
_TARGET_DONE_MARKS = ["年度指标值", "实际完成值", "分值"]


def _spaced_achieved(reader: Reader, fund: _FundBlock, line: Line, head: Line, marks: Quantity) -> None:
    """A space-set indicator row's 实际完成值 under its 三级指标 name, where the header has `三级指标 年度指标值 实际完成值
    分值` in a row: the three cells right before the row's full marks (as `_spaced_pair` found them), the value one
    figure with its unit, the target a bound or a figure, the name one cell of words (no figure in it)."""
    words = [word(c.text) for c in head.cells]
    if (
        "三级指标" not in words
        or words[words.index("三级指标") + 1 : words.index("三级指标") + 4] != _TARGET_DONE_MARKS
    ):
        return
    origin = reader.draft.doc.origin
    at = next((k for k, c in enumerate(line.cells) if c.start == origin[marks.start]), 0)
    if at < 3:
        return
    name, target, value = line.cells[at - 3], line.cells[at - 2], line.cells[at - 1]
    q = reader.unit_figure(value)
    if q is None or _TARGET.match(target.text) is None or any(ch.isdigit() for ch in name.text):
        return
    fund.done.setdefault(word(name.text), q)


def _spaced_pair(
    reader: Reader, line: Line, head: Line, at: tuple[int, int], dashed: bool
) -> tuple[Quantity, Quantity] | None:
    """A space-set row's full marks and score: counted from its end as in the header (the cells after 得分, the
    reason for a deviation, written — where there is none), the row ending in a cell that is no figure."""
    back = len(head.cells) - at[0]
    if back > 2 and _BARE.match(line.cells[-1].text):
        # no reason written, the row ending at its score, in a form that writes no dash for a missing reason: its
        # last two cells, after a cell that is no bare figure (`≥320个 306个 5 4.5`; `… 10 8 2` may be a reason of
        # one figure: not read, unless the columns the cells stand in tell which they are); where the other rows
        # write their dash, a row without it is not understood (unless those columns tell)
        back = 2
        if len(line.cells) < 3:
            return None
        if (dashed or _BARE.match(line.cells[-3].text)) and not _under_heads(reader, (line, head), at):
            return None
    if len(line.cells) < back:
        return None
    cells = [line.cells[-back], line.cells[-back + 1]]
    if any(_BARE.match(c.text) is None for c in cells):
        return None
    marks, score = (reader.figure(c) for c in cells)
    if marks is None or score is None or score.value > marks.value or marks.value == Decimal(0):
        return None
    return marks, score


def _under_heads(reader: Reader, lines: tuple[Line, Line], at: tuple[int, int]) -> bool:
    """Do the row's last two cells stand under the header's 分值 and 得分 (cells `at`), each across its heading's
    display columns and clear of the other's, and the cell before them clear of 分值, in a text laid out in columns?
    Then they are the row's full marks and score whatever the cells before them (`≥80  81.3  8  8.00`: the outcome a
    bare figure too)."""
    line, head = lines
    before, marks, score = (_span(reader, line, k) for k in (-3, -2, -1))
    heads = _span(reader, head, at[0]), _span(reader, head, at[1])
    placed = _overlaps(marks, heads[0]) and _overlaps(score, heads[1]) and not _overlaps(before, heads[0])
    return placed and not _overlaps(marks, heads[1]) and not _overlaps(score, heads[0])


def _span(reader: Reader, line: Line, k: int) -> tuple[int, int]:
    """The display columns the line's cell k stands across."""
    cell = line.cells[k]
    left = width(reader.draft.doc.original[line.start : cell.start])
    return left, left + width(cell.text)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Do the two spans of display columns overlap?"""
    return a[0] < b[1] and b[0] < a[1]


# what the text says of a project that its form states: the label, the project's name (or 该项目) taken off it
_RESTATED = regex(
    r"^(?:该|本)?(?:项目)?(?:(?P<年初预算数>年初预算数?)|(?P<全年预算数>全年预算数?)|(?P<全年执行数>全年执行数?)"
    r"|(?P<执行率>(?:预算)?执行率)|(?P<总分>自评得分|自评总分|总得分))$"
)


def _restated(draft: Draft) -> Iterator[Restatement]:
    """A project's figure the text restates from its form (`（四）文物保护利用项目。年初预算384.00万元`, `妇幼健康服务
    项目自评得分96.61分`): the figure of the text's sentences whose label is the form's column (年初预算, 全年预算,
    全年执行, 执行率) or its overall score (自评得分), of the project its label names or the heading it stands under
    names, the project named by one form only."""
    by_name = forms_by_project(draft)
    if not by_name:
        return
    for m in draft.facts.mentions:
        yield from _restated_indicator(draft, m, by_name)
        found = _restated_of(m, by_name)
        if found is None:
            continue
        form, key, q = found
        restated = restated_in_form(draft, form, key, m, q)
        if restated is not None:
            yield restated


def _restated_of(m: Mention, forms: dict[str, _FundBlock]) -> tuple[_FundBlock, str, Quantity] | None:
    """The form of the project a text figure is about, the form's column it restates, and the figure."""
    if len(m.quantities) != 1 or not m.quantities[0].exact:
        return None
    label = m.label
    under = m.identity.subject.rsplit("›", 1)[-1]
    form = next((f for name, f in forms.items() if label.startswith(name)), None)
    if form is not None:
        label = label[len(form.project) :]
    elif under in forms:
        form = forms[under]
    elif (short := _SHORT_NAMED.fullmatch(label)) is not None:
        # `校舍维修改造项目自评 96.56 分` for the form of `义务教育学校校舍维修改造项目`: its overall score, named by a
        # short name that one form's project name alone holds
        form, label = _form_short_named(short.group("name"), forms), "自评总分"
    if form is None or (match := _RESTATED.match(label)) is None:
        return None
    key = next(k for k, v in match.groupdict().items() if v)
    q = m.quantities[0]
    wanted = {"总分": "分", "执行率": "%"}.get(key, "元")
    return (form, key, q) if q.base_unit == wanted else None


# a project named short before its overall score (`校舍维修改造项目自评`, `营养改善计划项目自评得分`)
_SHORT_NAMED = regex(r"(?:[，,；;、]\s*)?(?P<name>[\u4e00-\u9fff]{4,20}?)(?:项目)?自评(?:得分|总分)?(?:为|是)?")
SHORT_NAME_MIN = 4  # the characters of a short name, 项目 aside, that may name one form's project


def _form_short_named(name: str, forms: dict[str, _FundBlock]) -> _FundBlock | None:
    """The one form whose project's name holds the short name (项目 aside on both: `营养改善计划` in `农村义务教育学生
    营养改善计划`); None where none or two do."""
    name = name.removesuffix("项目")
    found = [f for project, f in forms.items() if len(name) >= SHORT_NAME_MIN and name in project.removesuffix("项目")]
    return found[0] if len(found) == 1 else None


def _restated_indicator(draft: Draft, m: Mention, forms: dict[str, _FundBlock]) -> Iterator[Restatement]:
    """An indicator's achieved value restated in the text under its project's heading: the figure whose item is
    the indicator's name (`全年资助家庭经济困难学生3468人次` for `资助家庭经济困难学生人次 | 3486人次`: the name, or the
    name without the unit it ends with), in the same unit."""
    form = (
        forms.get(m.identity.subject.rsplit("›", 1)[-1])
        or _form_of_part(m, forms)
        or _form_around(draft, m, forms)
        or _form_of_report(draft, m)
    )
    if form is None or not form.done or len(m.quantities) != 1 or not m.quantities[0].exact:
        return
    if states_targets(draft, m) or _in_form_cells(draft, m):
        return  # a target (`年度目标为：完成…`), or a form's own 年度总体目标 cells: targets and outcomes side by side
    q, item = m.quantities[0], m.identity.item
    # (the name, the name with its unit, or with its unit counted: `惠及居民` for `惠及居民户数 | 3416户`; or with the
    # measure it ends with: `农村公路新改建` for `农村公路新改建里程 | 1263公里`)
    figure = (
        form.done.get(item)
        or form.done.get(item + q.unit)
        or form.done.get(item + q.unit + "数")
        or next((form.done[item + w] for w in _MEASURES if item + w in form.done), None)
    )
    if not item or figure is None or figure.unit != q.unit:
        return
    own = mention(draft, f"{form.project}（自评表{item}）", figure)
    if own.sentence != m.sentence:
        yield Restatement(Identity(item, m.identity.context, form.project), [(m, q), (own, figure)])


def _in_form_cells(draft: Draft, m: Mention) -> bool:
    """Does the mention stand in a form's own cells (between its funds' header and its indicators'), outside the
    text its `（实际完成情况）` line marks as what was achieved? Its 预期目标 and 实际完成情况 are written side by side
    there, the lines of the two joined: no figure of it is known to be an outcome."""
    at = draft.doc.origin[m.start]
    forms: list[_FundBlock] = draft.memo.get(FORMS) or []
    return any(f.body[0] <= at < f.body[1] and not f.goals[0] <= at < f.goals[1] for f in forms)


# the measure an indicator's name ends with, after the thing measured (`农村公路新改建里程`, `客运站提档升级数量`)
_MEASURES = words("relations", "indicator_measures")
# a heading over one project's part of a compilation of reports (`三、农村公路建设补助资金绩效自评报告`): its project
_PART_OF_PROJECT = regex(r"^(?P<name>.+?)(?:项目)?(?:支出)?(?:绩效)?自评(?:报告|情况)$")


def _form_of_part(m: Mention, forms: dict[str, _FundBlock]) -> _FundBlock | None:
    """The form of the project whose part of the report (a heading naming its self-evaluation report) the figure
    stands under: a compilation of several projects' reports, each with its form."""
    for heading in m.identity.subject.split("›"):
        named = _PART_OF_PROJECT.match(heading)
        if named is not None:
            return forms.get(named.group("name")) or forms.get(named.group("name") + "项目")
    return None


def _form_around(draft: Draft, m: Mention, forms: dict[str, _FundBlock]) -> _FundBlock | None:
    """The form whose 实际完成情况 text the figure stands in (between its funds' header and its indicators')."""
    at = draft.doc.origin[m.start] if m.quantities else -1
    return next((f for f in forms.values() if f.goals[0] <= at < f.goals[1]), None)


# a label summing up more than the year's outcome (`累计路面中修`: since the project began), or naming a part of it
_NOT_THE_YEARS = regex(r"累计|截至|截止|其中")


def _form_of_report(draft: Draft, m: Mention) -> _FundBlock | None:
    """The form of the one project the whole report evaluates: the document holds that one form, and its title names
    the form's project (`…2025年度农村公路养护项目绩效自评报告` over the form of `农村公路养护项目`). Its text, under
    whatever heading (`（一）产出指标`), states that project's outcomes: a figure of the year's outcome (stage 执行, the
    report's year, its label summing up no other span) is the one the form's indicator of its name states."""
    forms: list[_FundBlock] = draft.memo.get(FORMS) or []
    if len(forms) != 1 or not forms[0].project or not draft.facts.genre.startswith("evaluation"):
        return None
    form, context = forms[0], m.identity.context
    project = form.project.removesuffix("项目")
    if len(project) < SHORT_NAME_MIN or project not in document_title(draft.doc).replace(" ", ""):
        return None
    year = draft.facts.document_context.period
    if m.identity.inferred or context.stage != "执行" or year is None or context.period != year:
        return None
    return None if _NOT_THE_YEARS.search(m.label) else form


_ACHIEVED_LINE = regex(r"^[（(]?实际完成情况[）)]?$")


def _achieved_text(reader: Reader, fund_line: int, h: int) -> tuple[int, int]:
    """The original's span of the form's 实际完成情况 text: from its own line (`（实际完成情况）`, the one such line
    between the funds' header and the indicators') to the indicators' header; none where no such line is."""
    marked = [
        k for k in range(fund_line + 1, h) if _ACHIEVED_LINE.match("".join(c.text for c in reader.lines[k].cells))
    ]
    return (reader.lines[marked[0]].start, reader.lines[h].start) if len(marked) == 1 else (0, 0)


# an indicator's reason cell stating how far its outcome passed its target (`超额完成468亩`), alone in the cell
_SURPLUS = regex(r"^超额完成(?P<n>\d+(?:\.\d+)?)(?P<u>[^\d\s，,。；;（(]{1,4}(?:[（(][^\d）)]{1,2}[）)])?)$")
# the target and the outcome before it, in the unit the reason states (`≥12000亩`, `12468亩`)
_SURPLUS_TARGET = regex(r"^(?:≥|>=|＞=)?(?P<n>\d+(?:\.\d+)?)(?P<u>\S{1,8})$")
_SURPLUS_DONE = regex(r"^(?P<n>\d+(?:\.\d+)?)(?P<u>\S{1,8})$")


def _surpluses(reader: Reader, h: int) -> Iterator[Change]:
    """`超额完成 d` in an indicator row's reason: its 实际完成值 less its 年度指标值 (the target's lower bound), where
    the header sets those, the 分值 and the 得分 right before the reason, and the row's last four cells before the
    reason are figures in one unit (the outcome's, the target's and the reason's), then two scores."""
    words = [word(c.text) for c in reader.lines[h].cells]
    if not any(tuple(words[i : i + 4]) == _ROW_VALUES and i + 5 == len(words) for i in range(len(words))):
        return
    for line in reader.lines[h + 1 :]:
        texts = [c for c in line.cells if c.text]
        if not texts or _TOTAL_ROW.match(word(texts[0].text)):
            return
        change = _surplus(reader, texts[-5:]) if len(texts) >= 5 else None
        if change is not None:
            yield change


def _surplus(reader: Reader, cells: list[_Cell]) -> Change | None:
    target, done, marks, score, reason = cells
    m = _SURPLUS.match(reason.text.strip())
    t, d = _SURPLUS_TARGET.match(target.text), _SURPLUS_DONE.match(done.text)
    if m is None or t is None or d is None or not (_BARE.match(marks.text) and _BARE.match(score.text)):
        return None
    if not t.group("u") == d.group("u") == m.group("u"):
        return None
    base, current, delta = (_figure_in(reader, c, g) for c, g in ((target, t), (done, d), (reason, m)))
    if base is None or current is None or delta is None:
        return None
    base = replace(base, bound=None)  # (the target's lower bound is what the outcome passed)
    move = Movement("up", "超额完成", delta, delta.start - len("超额完成"), delta.start)
    return Change("较年度指标值", "实际完成值", current, base, [move], sentence_of(reader.draft, delta.start))


def _figure_in(reader: Reader, cell: _Cell, m: re.Match[str]) -> Quantity | None:
    """The figure the text reads at the number of a cell's match, with the unit the match gives, as written."""
    q = _figure_at(reader, cell.start + m.start("n"))
    if q is None or q.value != Decimal(m.group("n")) or not q.text.endswith(m.group("u")):
        return None
    return q if q.kind in ("count", "amount") and not q.approx and not q.per else None


# an indicator's reason stating its plan, its outcome and how far the outcome fell short of or passed the target
# (`计划4200人次，实际完成3822人次，较年度指标值少378人次`), the three in one unit
_PLAN_DONE = regex(
    r"^计划(?P<a>\d+(?:\.\d+)?)(?P<u>[^\d\s，,。；;]{1,4})[，,]实际完成(?P<b>\d+(?:\.\d+)?)(?P=u)[，,]"
    r"较(?:年度)?(?:指标值|目标值|计划)(?P<w>少|多|减少|增加)(?P<d>\d+(?:\.\d+)?)(?P=u)(?![\d.%])"
)


def _reasons(reader: Reader, h: int) -> Iterator[list[_Cell]]:
    """Each indicator row's reason in the block under the indicators' header (up to its 总分 row), with the words
    wrapped onto the rows after it: (pipe) the header's reason cell of the row and of the rows that only continue
    it (`_wrapped_row`); (space-set) the row's last cell, where it is no figure, and the lines after it with no
    score written in them."""
    head = reader.lines[h]
    words = [word(c.text) for c in head.cells]
    at = next((i for i, w in enumerate(words) if w.startswith("偏差原因")), None)
    if at is None:
        return
    run: list[_Cell] = []
    values_at = _row_values_at(head)
    for line in reader.lines[h + 1 :]:
        texts = [c.text for c in line.cells if c.text]
        if not texts or _TOTAL_ROW.match(word(texts[0])) or line.piped != head.piped:
            break
        if line.piped and len(line.cells) != len(head.cells):
            break
        if _wrapped_row(line, head, values_at) or (not line.piped and not any(_SCORE_LIKE.match(t) for t in texts)):
            run.extend(c for c in (line.cells[at : at + 1] if line.piped else line.cells) if c.text)
            continue
        if run:
            yield run
        last = line.cells[at] if line.piped else line.cells[-1]
        run = [last] if last.text and _CELL_FIGURE.match(last.text) is None else []
    if run:
        yield run


def _shortfalls(reader: Reader, h: int) -> Iterator[Change]:
    """`计划 a，实际完成 b，较年度指标值少 d` in an indicator's reason (its words wrapped onto the rows after it joined):
    the outcome b against the plan a, moved by d the way the reason says."""
    for run in _reasons(reader, h):
        joined = "".join(c.text for c in run)
        m = _PLAN_DONE.match(joined)
        if m is None:
            continue
        # (where each group stands in the original: the cell its place in the joined text falls in)
        found = [_run_figure(reader, run, m, g) for g in ("a", "b", "d")]
        base, current, delta = found
        if base is None or current is None or delta is None:
            continue
        down = m.group("w") in ("少", "减少")
        move = Movement("down" if down else "up", m.group("w"), delta, delta.start - len(m.group("w")), delta.start)
        yield Change("较年度指标值", "实际完成值", current, base, [move], sentence_of(reader.draft, delta.start))


def _run_figure(reader: Reader, run: list[_Cell], m: re.Match[str], group: str) -> Quantity | None:
    """The figure the text reads at a group of a match in a reason's joined cells, with the unit the match gives."""
    pos = m.start(group)
    for cell in run:
        if pos < len(cell.text):
            q = _figure_at(reader, cell.start + pos)
            ok = q is not None and q.value == Decimal(m.group(group)) and q.unit == m.group("u")
            return q if ok and q is not None and q.kind in ("count", "amount") and not q.approx else None
        pos -= len(cell.text)
    return None
