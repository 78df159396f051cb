"""The summary table of a 绩效自评 report (项目支出绩效自评结果汇总表), one row a project, its cells set apart by spaces
as a PDF's text layer gives them:

    单位：万元
    序号 项目名称 全年预算数 全年执行数 结余资金 执行率 自评得分 自评等级
    1   道路养护    500.00   480.00    20.00   96.00%  98.50   优
    2   燃气整治    300.00   270.00    30.00   90.00%  92.10   优
    合计          800.00   750.00    50.00   93.75%   —      —

Its header's words fix what the figures are: the 合计 row's amounts are the sums of the projects' in each column;
a row's 结余资金 is its 全年预算数 less its 全年执行数, its 执行率 the 全年执行数 over the 全年预算数.

Read only where every cell is placed with certainty: every header word is one of the table's known columns, every
project row has exactly the header's cells (its name one cell), the 合计 row has them less the 序号 (its label
spans both), and the rows run from the header to the 合计 row with no other line between.

A department's form (部门整体支出绩效自评表) opens with its year's main tasks, the same way:

    年度主要任务 任务名称 主要内容 全年预算数（万元） 全年执行数（万元）
    公共卫生服务 落实基本公共卫生服务项目 800.00 780.00
    监督执法 开展公共场所监督检查 100.00 95.00
    合计 900.00 875.00

its 合计 row the sum of the tasks' amounts in each column (the merged `年度主要任务` cell is the header's only).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, TypeVar

from tieout.linter.facts.model import Balance, Breakdown, CountedList, Mention, Rate, Restatement
from tieout.linter.facts.passes.assessment_form import (
    UNIT,
    Line,
    Reader,
    forms_by_project,
    in_unit,
    is_dash,
    mention,
    restated_in_form,
    split_lines,
    word,
)
from tieout.linter.facts.passes.base import quantities_at, sentence_of
from tieout.linter.facts.passes.forms import summary_tables_held, task_tables_held
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# the header's words and the column each names; the project's name and its number open it
_COLUMNS = {
    "全年预算数": "全年预算数",
    "全年执行数": "全年执行数",
    "结余资金": "结余资金",
    "结余": "结余资金",
    "执行率": "执行率",
    "预算执行率": "执行率",
    "自评得分": "自评得分",
    "自评等级": "自评等级",
    "等级": "自评等级",
}
_AMOUNTS = ("全年预算数", "全年执行数", "结余资金")
_TOTAL = regex(r"^合计$")
_SUBTOTAL = regex(r"小计|合计|总计")
_NUMBER = regex(r"^\d{1,3}$")
_CAPTION_LINES = 3
_ROWS_MAX = 200


def _header(line: Line) -> tuple[bool, list[str]] | None:
    """Whether the header opens with 序号, and its value columns' names (项目名称 after 序号, then known words only,
    the two amounts among them, none twice)."""
    cells = line.cells
    if line.piped or not cells:
        return None
    # (the first cells first: asked of every line of the document, most of which open no header)
    numbered = word(cells[0].text) == "序号"
    name = (cells[1] if len(cells) > 1 else None) if numbered else cells[0]
    if name is None or word(name.text) != "项目名称":
        return None
    words = [word(c.text) for c in cells]
    rest = words[1:] if numbered else words
    names = [_COLUMNS.get(w, "") for w in rest[1:]]
    if "" in names or len(set(names)) != len(names) or not {"全年预算数", "全年执行数"} <= set(names):
        return None
    return numbered, names


def _cell_unit(line: Line) -> str:
    """The unit a cell of the line states (`全年预算数（万元）`, `单位：万元`)."""
    for c in line.cells:
        if (m := UNIT.search(c.text)) is not None:
            return m.group("u")
    return ""


def _unit(reader: Reader, h: int) -> str:
    """The table's unit, stated in a caption line just above its header, else in the header's amount cells
    (`全年预算数（万元）`)."""
    for line in reversed(reader.lines[max(h - _CAPTION_LINES, 0) : h]):
        if unit := _cell_unit(line):
            return unit
    return _cell_unit(reader.lines[h])


def _cells(reader: Reader, line: Line, names: list[str], unit: str) -> dict[str, Quantity | None] | None:
    """The row's value cells (its last, one a column), read: an amount in the table's unit, a rate, a score; a
    dash is None; the grade's cell not read."""
    cells = line.cells[len(line.cells) - len(names) :]
    out: dict[str, Quantity | None] = {}
    for name, cell in zip(names, cells, strict=True):
        if name == "自评等级" or is_dash(cell.text):
            out[name] = None
            continue
        q = reader.figure(cell)
        if q is None:
            return None
        if name in _AMOUNTS or name in _TASK_AMOUNTS:
            q = in_unit(q, unit)
            if q is None:
                return None
        elif (name == "执行率") != (q.kind == "percent"):
            return None
        out[name] = q
    return out


def _rows(
    reader: Reader, h: int, numbered: bool, names: list[str], unit: str, width: int = 0
) -> tuple[list[dict[str, Quantity | None]], dict[str, Quantity | None]] | None:
    """The project rows (each `width` cells, by default the number, the name and a cell a column) and the 合计
    row, each placed with certainty; None where any line between is no such row."""
    width = width or len(names) + (2 if numbered else 1)
    rows: list[dict[str, Quantity | None]] = []
    for line in reader.lines[h + 1 : h + 1 + _ROWS_MAX]:
        texts = [c.text for c in line.cells]
        if line.piped or not texts:
            return None
        if _TOTAL.match(word(texts[0])):
            if len(texts) != len(names) + 1 or not rows:
                return None
            total = _cells(reader, line, names, unit)
            return (rows, total) if total is not None else None
        if any(_SUBTOTAL.search(t) for t in texts):
            return None  # (a subtotal among the rows: which rows it sums, not known)
        if len(texts) != width or (numbered and _NUMBER.match(texts[0]) is None):
            return None
        row = _cells(reader, line, names, unit)
        if row is None:
            return None
        rows.append(row)
    return None


def _reader(draft: Draft) -> Reader:
    """The original's lines as cells, each figure of the facts at its place."""
    return Reader(draft, split_lines(draft.doc.original), quantities_at(draft))


T = TypeVar("T")


def _headed(reader: Reader, read: Callable[[Line], T | None]) -> Iterator[tuple[int, Line, T]]:
    """Each line the header reader reads as a table's header, with its index and what it read."""
    for h, line in enumerate(reader.lines):
        head = read(line)
        if head is not None:
            yield h, line, head


def summary_tables(draft: Draft) -> Iterator[Breakdown | Balance | Rate | CountedList | Restatement]:
    """The relations a self-assessment summary table's header fixes (see the module's docstring)."""
    if not summary_tables_held(draft):
        return
    reader = _reader(draft)
    for h, _, (numbered, names) in _headed(reader, _header):
        unit = _unit(reader, h)
        found = _rows(reader, h, numbered, names, unit) if unit else None
        if found is None:
            continue
        rows, total = found
        if numbered:
            yield from _counted_projects(draft, reader, h, len(rows))
        yield from _column_sums(draft, rows, total)
        for row in (*rows, total):
            yield from _row_relations(draft, row)
        yield from _restated_forms(draft, reader, h, numbered, rows)


# the summary's columns a project's form states: its total's amounts and rate, and its overall score
_FORM_KEYS = {"全年预算数": "全年预算数", "全年执行数": "全年执行数", "执行率": "执行率", "自评得分": "总分"}


def _restated_forms(
    draft: Draft, reader: Reader, h: int, numbered: bool, rows: list[dict[str, Quantity | None]]
) -> Iterator[Restatement]:
    """A project's row restating what its form states (the forms after the summary, each of the project of its
    项目名称): the row's amounts, rate and score, those of the form of the project the row's name cell names, where
    one form only names it exactly. (The rows stand on the lines right after the header, one a line.)"""
    forms = forms_by_project(draft)
    if not forms:
        return
    for line, row in zip(reader.lines[h + 1 : h + 1 + len(rows)], rows, strict=True):
        form = forms.get(word(line.cells[1 if numbered else 0].text))
        if form is None:
            continue
        for column, key in _FORM_KEYS.items():
            q = row.get(column)
            if q is None:
                continue
            found = restated_in_form(draft, form, key, mention(draft, f"{form.project}（汇总表{column}）", q), q)
            if found is not None:
                yield found


# a department form's main tasks: the merged cell, the task's name and content, then the amount columns
_TASK_WORDS = ("年度主要任务", "任务名称")
_TASK_AMOUNTS = {"年初预算数", "全年预算数", "全年执行数", "预算数", "执行数"}


def _task_header(line: Line) -> list[str] | None:
    """The amount columns' names of a department form's main tasks' header."""
    words = [word(c.text) for c in line.cells]
    if line.piped or tuple(words[:2]) != _TASK_WORDS:
        return None
    names = words[3:] if words[2:3] == ["主要内容"] else words[2:]
    ok = names and all(n in _TASK_AMOUNTS for n in names) and len(set(names)) == len(names)
    return names if ok else None


def task_tables(draft: Draft) -> Iterator[Breakdown]:
    """A department form's main tasks: the 合计 row the sum of the tasks' rows in each amount column, every row
    the header's cells less the merged one (name, content, amounts), the 合计 row its label and the amounts."""
    if not task_tables_held(draft):
        return
    reader = _reader(draft)
    for h, line, names in _headed(reader, _task_header):
        unit = _cell_unit(line) or _unit(reader, h)
        found = _rows(reader, h, False, names, unit, len(line.cells) - 1) if unit else None
        if found is not None:
            yield from _column_sums(draft, found[0], found[1], tuple(names))


# the sentence pointing to the table (`各项目自评情况见下表。`), and how far before its header it may stand (the
# table's title and unit lines between)
_SEE_BELOW = regex(r"(?:见|如)下表")
_NEAR = 80
# the count of the projects the paragraph states (`本次纳入自评的项目共 5 个`, `对 5 个项目开展自评`)
# (stated as the whole: `项目共`, `项目总数为`, `共 5 个项目`, `对 5 个项目开展`; not `另有 1 个项目…`)
_PROJECTS = regex(r"项目(?:共计?|总数|数量)(?:为|是)?$")
_ALL_OF = regex(r"(?:共|共计|对)$")
_OTHERS = regex(r"另有|其余|此外|尚未|未纳入")


def _counted_projects(draft: Draft, reader: Reader, h: int, listed: int) -> Iterator[CountedList]:
    """The number of projects the paragraph pointing to the table (`…见下表`, right before its title) states,
    against the table's rows numbered 1 to n: the paragraph's one count of projects (the table lists each)."""
    row = reader.lines[h + 1].cells[0]
    at = bisect_left(draft.doc.origin, row.start)
    doc = draft.doc
    pointing = [s for s in doc.sentences if s.end <= at and at - s.end <= _NEAR]
    pointing = [s for s in pointing if _SEE_BELOW.search(doc.text, s.start, s.end) is not None]
    if len(pointing) != 1:
        return
    para = pointing[0].paragraph
    counts = [
        (si, q)
        for si, s in enumerate(doc.sentences)
        if s.paragraph == para
        for m in draft.by_sentence.get(si) or []
        for q in m.quantities
        if q.kind == "count" and q.unit in ("个", "项") and _names_projects(doc.text, m.label, q)
    ]
    if len(counts) == 1 and counts[0][1].exact:
        si, q = counts[0]
        yield CountedList(q, [str(k) for k in range(1, listed + 1)], si)


def _names_projects(text: str, label: str, q: Quantity) -> bool:
    """Is the count the whole number of projects: named so before it (`项目共 5 个`) or after it (`共 5 个项目`)?"""
    if _OTHERS.search(label):
        return False
    return _PROJECTS.search(label) is not None or (
        text.startswith("项目", q.end) and _ALL_OF.search(text, max(q.start - 2, 0), q.start) is not None
    )


def _column_sums(
    draft: Draft,
    rows: list[dict[str, Quantity | None]],
    total: dict[str, Quantity | None],
    names: tuple[str, ...] = _AMOUNTS,
) -> Iterator[Breakdown]:
    for name in names:
        whole = total.get(name)
        parts = [r.get(name) for r in rows]
        if whole is None or any(q is None for q in parts):
            continue
        mentions: list[Mention] = [mention(draft, f"{name}（第{i}行）", q) for i, q in enumerate(parts, 1) if q]
        own = mention(draft, f"合计（{name}）", whole)
        yield Breakdown(own, mentions, "合计", True, own.sentence)


def _row_relations(draft: Draft, row: dict[str, Quantity | None]) -> Iterator[Balance | Rate]:
    budget, spent, rest, rate = (row.get(k) for k in ("全年预算数", "全年执行数", "结余资金", "执行率"))
    if budget is None or spent is None:
        return
    if rest is not None:
        yield Balance(budget, spent, rest, sentence_of(draft, rest.start), sides=("预算", "执行"))
    if rate is not None and budget.value != 0:
        si = sentence_of(draft, rate.start)
        yield Rate("执行率", rate, si, [spent, budget], ["全年执行数", "全年预算数"], ordered=True)
