"""An indicator table's completion rates (`| 三级指标 | 年度指标值 | 实际完成值 | 完成率 |`): each row's 完成率 against its
实际完成值 over its 年度指标值, the target written as a floor (`≥95%`) or as the value itself (`200`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from tieout.linter.figures.intervals import HUNDRED, interval, rate
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.tables import Column, Side, Table
from tieout.linter.parse.tables.cells import flatten
from tieout.linter.parse.tables.values import CELL
from tieout.linter.parse.tables.vocab import HEADING_NOTE, without_percent
from tieout.linter.patterns import regex
from tieout.linter.rules.base import CheckContext, Outcome

from .named_columns import TARGET_ENDS, heading
from .rules import completion_rates_held

# the completion rate of an indicator, by its heading alone
COMPLETION = regex(r"(?:指标)?完成率")
# the column of what was achieved (`实际完成值`, `完成值`, `实际值`)
DONE = regex(r"(?:实际|全年实际|年度)?完成值|实际值")
# the kinds of figure an indicator's target and outcome are counted in
MEASURED = ("percent", "bare", "count", "amount")


def target_rate_outcomes(ctx: CheckContext, table: Table, side: Side, placed: set[int]) -> Iterator[Outcome]:
    """Each 完成率 cell of an indicator table whose headers name, left of it, one target column (`年度指标值`) and one
    column of what was achieved (`实际完成值`), where no other reading of the table placed the column. Read only in a
    table whose names stand where they are written (pipes or cells, not spaces). A column so read is added to
    `placed`: no later reading takes it again."""
    if table.by_position:
        return
    for col in side.columns:
        if col.index in placed or col.kind != "ratio" or not COMPLETION.fullmatch(heading(col)):
            continue
        before = [c for c in side.columns if c.index < col.index and c.path]
        targets = [c for c in before if heading(c).endswith(TARGET_ENDS)]
        done = [c for c in before if DONE.fullmatch(heading(c))]
        if len(targets) != 1 or len(done) != 1:
            continue
        rows = (_row(ctx, table, row.index, col, done[0], targets[0]) for row in side.rows)
        found = [o for o in rows if o is not None]
        placed.update([col.index] if found else [])
        # (a column most rows break was not understood: nothing is said of it)
        fails = sum(1 for o in found if o.verdict == "fail")
        if not (fails >= 2 and fails > sum(1 for o in found if o.verdict == "pass")):
            yield from found


def _row(ctx: CheckContext, table: Table, r: int, col: Column, done: Column, target: Column) -> Outcome | None:
    """The row's 完成率 against its outcome over its target. A target written as a ceiling (`≤1,550`), or of zero
    (`0` accidents), has no such rate (publishers state it as met or not); a rate of 100% where the outcome is
    at or above its target is the rate capped, as many forms state it."""
    stated = table.quantity(r, col.index)
    achieved = table.quantity(r, done.index)
    goal = _target(ctx, table, r, target.index)
    return _judged(ctx, col.header, stated, achieved, goal)


def _judged(
    ctx: CheckContext, header: str, stated: Quantity | None, achieved: Quantity | None, goal: Quantity | None
) -> Outcome | None:
    """A row's 完成率 against its outcome over its target (see `_row`)."""
    if stated is None or stated.kind != "percent" or achieved is None or goal is None:
        return None
    if not achieved.exact or achieved.bound is not None or achieved.kind != goal.kind or goal.value <= 0:
        return None
    if achieved.kind not in MEASURED or achieved.base_unit != goal.base_unit:
        return None
    if stated.value == HUNDRED:
        return None  # (the rate capped where the outcome met its target, whichever way the indicator counts)
    iv = rate(interval(achieved), interval(goal))
    if iv is None:
        return None
    verdict = ctx.judge(interval(stated), iv, stated.ulp)
    if verdict == "pass":
        return Outcome(stated, "pass", "rate", operands=[achieved, goal])
    # a target a lower outcome meets (`人均成本 1,200 元`, `投诉率 5%`, written without its `≤`) may state its rate
    # as the target over the outcome: either way round is no finding
    inverse = rate(interval(goal), interval(achieved)) if achieved.value > 0 else None
    if inverse is not None and ctx.judge(interval(stated), inverse, stated.ulp) == "pass":
        return None
    exact = achieved.base_value / goal.base_value * HUNDRED
    formula = f"{achieved.text}/{goal.text}"
    # (imported for a miss: TO302 reads a report's indicator lines set out as text on every report, and the table
    # judge's module brings the table relations' with it, about 1% of the instructions of a cold check)
    from ._judge import column_miss

    return column_miss(header, stated, verdict, "rate", formula, exact, [(achieved, "分子"), (goal, "分母")])


# a target cell: its figure as a floor (`≥95%`, `>=200`) or as it stands
FLOOR = regex(r"^(?:≥|>=|＞=)?")


def _target(ctx: CheckContext, table: Table, r: int, c: int) -> Quantity | None:
    """The target a cell states: its one figure, the whole of the cell but a floor's mark before it (the figure read
    as bounded, `≥95%`); None for a ceiling, a range or words."""
    cell = table.cell(r, c)
    if cell is None or cell.blank:
        return None
    inside = ctx.index.between(cell.start, cell.end)
    if len(inside) != 1 or inside[0].bound not in (None, "≥") or inside[0].approx:
        return None
    q = inside[0]
    if FLOOR.sub("", cell.flat) != flatten(q.text):
        return None
    return q


# an indicator table set out as text, one row a line, its cells set apart by two spaces or more (values.CELL:
# `指标名称  计量单位  指标值  实际完成值  完成率` over `高标准农田建设面积  万亩  3.20  3.26  101.88%`, or each figure
# with its unit, `年度指标值  实际完成值  完成率` over `1400公里  1405.9公里  100.42%`)


def text_target_rate_outcomes(ctx: CheckContext, held: set[int]) -> Iterator[Outcome]:
    """Each 完成率 cell of an indicator table set out as text whose header line names one target column (`指标值`),
    one column of what was achieved (`实际完成值`) and the 完成率 after them, each row right under it (up to a blank
    line) split into as many cells as the header has: the rate against the outcome over the target, as in a table
    of pipes (`_row`). The cells are read by their order, not placed by the table reader: a miss is a warning. Rows
    whose rate a table reading checked already (`held`, the rates' starts) are left to it, and a column most rows
    break was not understood."""
    if not completion_rates_held(ctx):
        return
    original = ctx.doc.original
    lines, starts = original.split("\n"), ctx.doc.line_starts
    for h, line in enumerate(lines):
        named = _text_header(line) if "完成率" in line else None
        if named is None:
            continue
        width, (target, done, rate), header = named
        # (rates written without their sign where the header or the unit note over it says they are in %)
        in_percent = _percent_said(lines, h, header)
        found: list[Outcome] = []
        for k in range(h + 1, len(lines)):
            cells = list(CELL.finditer(lines[k]))
            if not cells:
                break
            if len(cells) != width:
                continue  # (a row not split as the header is: its cells are not known)
            figures = [_cell_figure(ctx, starts[k], m) for m in (cells[target], cells[done], cells[rate])]
            goal, achieved, stated = figures
            if stated is None or stated.start in held:
                continue
            if in_percent and stated.kind == "bare" and flatten(cells[rate].group()) == flatten(stated.text):
                stated = replace(stated, kind="percent")
            if goal is not None and FLOOR.sub("", flatten(cells[target].group())) != flatten(goal.text):
                goal = None  # (a ceiling, a range, words beside the figure: no target of one figure)
            if achieved is not None and flatten(cells[done].group()) != flatten(achieved.text):
                achieved = None
            o = _judged(ctx, header, stated, achieved, goal)
            if o is not None:
                found.append(replace(o, certain=False))
        fails = sum(1 for o in found if o.verdict == "fail")
        if not (fails >= 2 and fails > sum(1 for o in found if o.verdict == "pass")):
            yield from found


# a unit note saying in what a table's rates are (`单位：%`, `单位：万元、%`), or the rate column's own (`完成率单位：%`)
RATE_UNIT_NOTE = regex(r"^(?P<of>[\u4e00-\u9fff]{0,8}?)单位[：:]\s*(?:[^\s，,。；;：:]+[、，,/])?[%％]$")


def _percent_said(lines: list[str], h: int, heading: str) -> bool:
    """Are the rates under the header line `h` in %, said once for the column: its heading marked (`完成率（%）`,
    `完成率%`), or the line right above it a unit note of the table's rates or of that column (`单位：%`, `单位：个、%`,
    `完成率单位：%`)? A note naming another column (`得分率单位：%`) says nothing of it."""
    cells = [m.group() for m in CELL.finditer(lines[h])]
    if any(
        HEADING_NOTE.sub("", without_percent(flatten(c))) == heading and c.rstrip().endswith(PERCENT_ENDS)
        for c in cells
    ):
        return True
    note = RATE_UNIT_NOTE.fullmatch(flatten(lines[h - 1])) if h > 0 else None
    return note is not None and note["of"] in ("", heading)


PERCENT_ENDS = ("%", "％", "%）", "％）", "%)", "％)")


def _text_header(line: str) -> tuple[int, tuple[int, int, int], str] | None:
    """The header line's count of cells, the places of its one target, one outcome and one 完成率 cell (that order),
    and the rate's heading; None for another line."""
    heads = [HEADING_NOTE.sub("", without_percent(flatten(m.group()))) for m in CELL.finditer(line)]
    targets = [i for i, w in enumerate(heads) if w.endswith(TARGET_ENDS)]
    done = [i for i, w in enumerate(heads) if DONE.fullmatch(w)]
    rates = [i for i, w in enumerate(heads) if COMPLETION.fullmatch(w)]
    if len(targets) != 1 or len(done) != 1 or len(rates) != 1 or not 0 < targets[0] < done[0] < rates[0]:
        return None
    return len(heads), (targets[0], done[0], rates[0]), heads[rates[0]]


def _cell_figure(ctx: CheckContext, line_start: int, m: re.Match[str]) -> Quantity | None:
    """The one figure of a cell of the original text's line (None for none, or two)."""
    a = ctx.doc.normalised_at(line_start + m.start())
    b = ctx.doc.normalised_at(line_start + m.end() - 1)
    if a is None or b is None:
        return None
    inside = ctx.index.between(a, b + 1)
    return inside[0] if len(inside) == 1 else None
