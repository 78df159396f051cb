"""The overall score the prose states (`综合评分 89.02 分`) against the score table's (文表一致, TO304).

The table's overall score is read where it is certain, from the tables of a document that give it (one value:
a summary table restating the detailed table's total is the same score):

- the 合计 of its one 得分 column, where its 分值 column (if any) makes 100 on that row;
- with no total row, the sum of its top-level rows' scores where their 分值 make exactly 100 (the table lists
  every first-level indicator: 决策, 过程, 产出, 效益);
- a table laid out across (`| 一级指标 | 决策 | 过程 | 产出 | 效益 | 合计 |` over a `分值` row and a `得分` row): the
  得分 row's figure in the 合计 column, where the 分值 row's is 100.

A score the prose gives another evaluation is not held to it: one whose label names another year than the
document's, or names a project (`乡村公路建设项目综合评分`) neither the document's title nor the table's subject does;
and one of another subject than the table's (`subject_at`: the project or the department as a whole a numbered item
or a heading above each names, the table's own title or caption first), as a 部门决算 gives the scores of its
部门整体 and of several projects item by item, a score table under one of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from tieout.linter.facts.evaluated import (
    ENDINGS,
    GENERIC,
    YEAR_WORD,
    flat_title,
    same_subject,
    subject_at,
    table_subject,
)
from tieout.linter.facts.model import Mention
from tieout.linter.facts.passes.grades import overall_score
from tieout.linter.figures.intervals import fmt
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.tables import Table
from tieout.linter.parse.tables.cells import flatten
from tieout.linter.parse.tables.model import Column, Row, Side
from tieout.linter.parse.tables.vocab import role_of, words
from tieout.linter.patterns import regex
from tieout.linter.rules.base import CheckContext, Outcome
from tieout.linter.vocab import alternation, load


@dataclass
class Total:
    """A score table's overall score: its value, and the cell or the scores it was read from."""

    value: Decimal
    table: Table  # the table it is read from
    cells: list[Quantity] = field(default_factory=list)  # the cell, or the scores it is the sum of
    what: str = "评分表合计"


AVERAGE = "平均"  # the word of a score that is the mean of several evaluations'


def score_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """The overall score in the prose (`项目绩效自评得分 95 分`) against the score table's."""
    totals = [t for table in ctx.facts.tables for t in _table_totals(table)]
    if not totals:
        return  # no score table
    named = {q.value for table in ctx.facts.tables for side in table.sides if (q := _named_overall(table, side))}
    if len({t.value for t in totals} | named) != 1:
        return  # tables of several evaluations (a summary table may restate the one score)
    total = totals[0]
    text, sentences = ctx.doc.text, ctx.doc.sentences
    head = flat_title(ctx.doc)
    subjects = {table_subject(ctx.doc, t.table) for t in totals}
    stated = [(m, q) for m in ctx.facts.mentions if (q := overall_score(text, sentences[m.sentence].start, m))]
    # (not another evaluation's, nor many evaluations' mean: `320个项目…平均自评得分 88.7分`)
    overall = [(m, q) for m, q in stated if not _of_another(ctx, m, head, subjects) and AVERAGE not in m.label]
    if len({q.value for _, q in _counted(ctx, stated, overall)}) > 2:
        return  # the overall scores of several evaluations (a volume of reports): which one the table's is, unknown
    for m, q in overall:
        if q.value == total.value:
            yield Outcome(q, "pass", "score_sum", operands=total.cells)
            continue
        shown = _text(total)
        yield Outcome(
            q,
            "fail",
            "score_sum",
            [(c, total.what) for c in total.cells],
            f"正文“{m.key}”{q.text} 与{total.what} {shown} 分不同（文表不符）",
            q.text,
            f"{shown}分",
            operands=total.cells,
        )


def _counted(
    ctx: CheckContext, stated: list[tuple[Mention, Quantity]], own: list[tuple[Mention, Quantity]]
) -> list[tuple[Mention, Quantity]]:
    """The overall scores that tell whether the text gives several evaluations': those of the tables' own (`own`)
    where every score stated stands under a subject the text names (`subject_at`: a project, a programme or the
    department as a whole): the names then tell one evaluation from another. Else every score stated: a score under
    no subject read (a 部门决算's item `2.某某补助。`, a name of none of the endings) may be any evaluation's, and the
    table's among several is not known."""
    if all(subject_at(ctx.doc, m.start) is not None for m, _ in stated):
        return own
    return stated


# the first-level indicators of an evaluation (vocab score_children's heads: 决策, 过程, 产出, 效益)
FIRST_LEVELS = "|".join(sorted((str(k) for k in load("relations").get("score_children") or {}), key=len, reverse=True))
# a score table's name of a first-level indicator (`决策`, `决策指标`, `项目决策`, `决策类指标`)
LEVEL_ROW = regex(rf"^(?:项目)?(?P<name>{FIRST_LEVELS or '(?!)'})类?(?:指标)?$")
# the prose's score of one (`决策指标得 16.5 分`, `分项看，决策类指标得分 17.5 分`, `其中：项目决策得分为 18 分`): named as
# what it scored (得, 得分), never bare (`决策 20 分、过程 20 分`: the points each may score, as often as what it scored)
LEVEL_SCORE = regex(
    rf"^(?:其中[：:，,]?|分项看[：:，,]?)?(?:项目)?(?P<name>{FIRST_LEVELS or '(?!)'})类?(?:指标)?(?:评价)?(?:得分为?|得)$"
)

# a first-level indicator's name alone (`决策指标`, `项目决策`), as a list of scores names each
LEVEL_NAME = rf"(?:项目)?(?:{FIRST_LEVELS or '(?!)'})类?(?:指标)?"
# the words that open a list naming its items as scores (vocab score_list_openers naming 得分: `各一级指标得分`,
# `分项得分`; not `其中`, `分别为`, which a list of the points each may score opens as well)
SCORES_OPENER = "|".join(
    re.escape(w)
    for w in sorted(
        (str(w) for w in load("relations").get("score_list_openers") or [] if "得分" in str(w)), key=len, reverse=True
    )
)
# a sentence up to an item of such a list (`各一级指标得分分别为：决策指标 12.50 分、过程指标`): the opener, its verb, and
# before the item only the first-level indicators' names each with its score, joined by marks
LISTED_LEVEL = regex(
    rf"^\s*(?:{SCORES_OPENER or '(?!)'})(?:情况)?(?:分别)?(?:为|是|如下)?[：:]?\s*"
    rf"(?:{LEVEL_NAME}\s*\d{{1,3}}(?:\.\d+)?\s*分\s*[、，,；;]\s*)*"
    rf"(?:项目)?(?P<name>{FIRST_LEVELS or '(?!)'})类?(?:指标)?\s*$"
)


def _level_named_scored(ctx: CheckContext, m: Mention) -> re.Match[str] | None:
    """The first-level indicator the mention is named as the score of: by its own words (`决策指标得 16.5 分`), or,
    named alone, as an item of a list its sentence opens by naming its items as scores (`各一级指标得分分别为：决策
    指标 12.50 分、…`)."""
    named = LEVEL_SCORE.match(m.label)
    if named is not None or not m.quantities:
        return named
    return LISTED_LEVEL.match(ctx.doc.text[ctx.doc.sentences[m.sentence].start : m.start])


def level_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """Each first-level indicator's score the prose states (`决策指标得 16.5 分`) against the score table's: the 小计
    closing that indicator's group of rows, the row the indicator names, or, with neither, the scores of the rows of
    its group added up. Only where the figure is the document's own evaluation's, and one table gives it: all the
    tables alike, or the one of the subject the figure stands under (`_level_table`)."""
    found: dict[str, list[tuple[str | None, list[Quantity]]]] = {}
    for table in ctx.facts.tables:
        for side in table.sides:
            for name, cells in _level_scores(table, side).items():
                found.setdefault(name, []).append((table_subject(ctx.doc, table), cells))
    head = flat_title(ctx.doc)
    for m in ctx.facts.mentions:
        named = _level_named_scored(ctx, m)
        stated = _points_of(m)
        given = _level_table(ctx, m, head, found.get(named.group("name"), [])) if named else None
        if given is not None and stated is not None:
            yield _level_outcome(m, stated, given)


def _level_table(
    ctx: CheckContext, m: Mention, head: str, given: list[tuple[str | None, list[Quantity]]]
) -> list[Quantity] | None:
    """The scores the one table of the mention's evaluation gives its indicator: the tables' where they all give
    one; else, of several evaluations' tables (a report on several projects, a table for each), the one table
    whose subject is the one the mention stands under."""
    if len({_added(c) for _, c in given}) == 1:
        mine = given
    else:
        here = subject_at(ctx.doc, m.start)
        mine = [(s, c) for s, c in given if here is not None and s is not None and same_subject(here, s, head)]
    if not mine or len({_added(c) for _, c in mine}) != 1 or _of_another(ctx, m, head, {s for s, _ in mine}):
        return None
    return mine[0][1]


def _added(cells: list[Quantity]) -> Decimal:
    return sum((q.value for q in cells), Decimal(0))


def _level_outcome(m: Mention, stated: Quantity, cells: list[Quantity]) -> Outcome:
    """The prose's score of an indicator against the table's one cell, or the sum of its group's rows' scores (to the
    prose's decimals: `25.8 分` is the rows' 25.78 rounded)."""
    given = _added(cells)
    if len(cells) > 1:
        given = given.quantize(Decimal(1).scaleb(-stated.decimals), ROUND_HALF_UP)
    if stated.value == given:
        return Outcome(stated, "pass", "cross_ref", operands=cells)
    if len(cells) == 1:
        said, role = f"得分 {cells[0].text} 分", "评分表小计"
    else:
        said, role = f"各行得分之和 {' + '.join(q.text for q in cells)} = {given} 分", "评分表得分"
    return Outcome(
        stated,
        "fail",
        "cross_ref",
        [(q, role) for q in cells],
        f"正文“{m.label}”{stated.text} 与评分表中该一级指标的{said}不同（文表不符）",
        stated.text,
        f"{given}分",
        operands=cells,
    )


def _points_of(m: Mention) -> Quantity | None:
    """The mention's figure in 分, written exactly (no bound)."""
    return next((q for q in m.quantities if q.base_unit == "分" and q.exact and not q.bound), None)


def _level_scores(table: Table, side: Side) -> dict[str, list[Quantity]]:
    """The score of each first-level indicator a score table's side gives in its one 得分 column: the 小计 row that
    closes the group of rows the indicator heads (`决策  项目立项 …` … `小计`), or the row the indicator names; a
    name given twice is left out. A group closed by no 小计 (the next indicator's group, the 总分 row or the table's
    end after it) gives the scores of its rows, to be added up."""
    scores = [c for c in side.columns if c.role == "得分"]
    if len(scores) != 1:
        return {}
    col = scores[0].index
    out: dict[str, list[list[Quantity]]] = {}
    group = None
    for r in side.rows:
        group = LEVEL_ROW.match(flatten(r.group)) if r.group else group
        named = _level_named(r, group)
        q = table.quantity(r.index, col) if named else None
        if named and q is not None and q.kind != "percent":
            out.setdefault(named.group("name"), []).append([q])
        if r.total:
            group = None
    for name, cells in _unclosed_groups(table, side, col).items():
        out.setdefault(name, []).append(cells)
    return {k: v[0] for k, v in out.items() if len(v) == 1}


def _unclosed_groups(table: Table, side: Side, col: int) -> dict[str, list[Quantity]]:
    """The scores of the rows of each first-level indicator's group that no 小计 closes: the rows from the one its
    name opens up to the next group's, the 总分 row or the table's end; each row an indicator of its own (no total,
    no parent), each score exact and in 分."""
    groups: list[tuple[str, list[Row]]] = []
    for r in side.rows:
        if r.group:
            level = LEVEL_ROW.match(flatten(r.group))
            groups.append((level.group("name") if level else "", []))
        if flatten(r.label) in SCORE_TOTAL_ROWS or not groups:
            break
        groups[-1][1].append(r)
    out: dict[str, list[Quantity]] = {}
    for name, rows in groups:
        cells = [table.quantity(r.index, col) for r in rows]
        if not name or any(r.total or r.parent is not None for r in rows) or _sums_rows_below(table, side, rows):
            continue  # (a group another total closes, or rows that are no indicators of their own)
        if all(q is not None and q.exact and q.kind != "percent" for q in cells):
            out[name] = [q for q in cells if q is not None]
    return out


def _sums_rows_below(table: Table, side: Side, rows: list[Row]) -> bool:
    """Does a row of the group weigh what rows right below it weigh together (`数量指标 25` over `甲 15`, `乙 10`): a
    second-level indicator with its own score over its third-level ones, a subtotal the table does not mark, whose
    rows added up with theirs would count them twice? Where the side has no one 分值 column, it cannot be told."""
    pair = _pair(side)
    if pair is None:
        return True
    weights = [table.quantity(r.index, pair[0].index) for r in rows]
    values = [q.value if q is not None and q.exact else None for q in weights]
    for i, head in enumerate(values):
        below = Decimal(0)
        for n, v in enumerate(values[i + 1 :], 1):
            if head is None or v is None:
                break
            below += v
            if below == head and n >= 2:  # (two rows at least: one row of the same weight may be a peer)
                return True
            if below >= head:
                break
    return False


def _level_named(r: Row, group: re.Match[str] | None) -> re.Match[str] | None:
    """The first-level indicator a score table's row gives the score of: the group a 小计 closes, or the one the
    row's own label names (no total row)."""
    if r.total:
        return group if r.total == "sub" else None
    return LEVEL_ROW.match(flatten(r.label))


def _text(total: Total) -> str:
    if len(total.cells) == 1:
        return total.cells[0].text
    return fmt(total.value, max(c.decimals for c in total.cells))


def _table_totals(table: Table) -> Iterator[Total]:
    for side in table.sides:
        q = _score_total(table, side)
        if q is not None:
            yield Total(q.value, table, [q])
            continue
        summed = _first_level_sum(table, side)
        if summed is not None:
            yield summed
    across = _across_total(table)
    if across is not None:
        yield Total(across.value, table, [across])


def _pair(side: Side) -> tuple[Column, Column] | None:
    """The side's one 分值 column and one 得分 column."""
    scores = [c for c in side.columns if c.role == "得分"]
    weights = [c for c in side.columns if c.role == "分值"]
    return (weights[0], scores[0]) if len(scores) == 1 and len(weights) == 1 else None


def _score_total(table: Table, side: Side) -> Quantity | None:
    """The 合计 of a side's one score column (its role 得分, not 得分率), where the side's weights, if it has a
    column of them, make full marks (100): the table of some indicators only (`产出指标` and `效益指标`, 70 分)
    totals part of the overall score."""
    scores = [c for c in side.columns if c.role == "得分"]
    weights = [c for c in side.columns if c.role == "分值"]
    row = next((r for r in side.rows if r.total == "grand"), None)
    if len(scores) != 1 or len(weights) > 1 or row is None:
        return None
    q = table.quantity(row.index, scores[0].index)
    if q is None or q.kind == "percent":
        return None
    full = table.quantity(row.index, weights[0].index) if weights else None
    if weights and (full is None or full.value != 100):
        return None
    return q


SCORE_TOTAL_ROWS = words("score_total_rows")  # (the 总分 rows, as build._score_total reads them)


def _named_overall(table: Table, side: Side) -> Quantity | None:
    """The score of a row naming the overall score (`| 总分 | | 100 | 98.94 |`) with full marks (100) as its weight,
    though its table's rows are not read as its items (a 项目支出绩效自评表 scores 预算执行率 in its fund block): the
    overall score of an evaluation all the same, to tell that the tables give more than one. Where the side's
    columns are not named 分值 and 得分 (a 自评表 whose indicators' header stands mid-table), the row's two figures
    are read as they stand: full marks, then the score."""
    pair = _pair(side)
    for r in side.rows:
        if flatten(r.label) not in SCORE_TOTAL_ROWS:
            continue
        if pair is not None:
            full, got = table.quantity(r.index, pair[0].index), table.quantity(r.index, pair[1].index)
        else:
            figures = [q for c in range(len(table.rows[r.index])) if (q := table.quantity(r.index, c)) is not None]
            full, got = figures if len(figures) == 2 else (None, None)
        if full is not None and full.value == 100 and _points(got):
            return got
    return None


def _first_level_sum(table: Table, side: Side) -> Total | None:
    """The scores of a table with no total row, added up, where its top-level rows' weights make exactly 100
    and each row states its weight and a score within it: the table lists every first-level indicator once."""
    pair = _pair(side)
    if pair is None or any(r.total for r in side.rows) or table.open_end or table.open_start:
        return None
    weight, score = pair
    top = [r for r in side.rows if r.parent is None]
    weights = [table.quantity(r.index, weight.index) for r in top]
    scores = [table.quantity(r.index, score.index) for r in top]
    if len(top) < 2 or not all(_points(q) for q in weights + scores):
        return None
    full = sum(q.value for q in weights if q is not None)
    if full != 100 or any(s.value > w.value for s, w in zip(scores, weights) if s is not None and w is not None):
        return None
    cells = [q for q in scores if q is not None]
    return Total(sum((q.value for q in cells), Decimal(0)), table, cells, "评分表一级指标得分之和")


def _points(q: Quantity | None) -> bool:
    return q is not None and q.exact and q.kind != "percent"


def _across_total(table: Table) -> Quantity | None:
    """A score table laid out across: the 得分 row's figure in the 合计 column, where the 分值 row's is 100 (one
    row of each, one 合计 column)."""
    if len(table.sides) != 1:
        return None
    side = table.sides[0]
    totals = [c for c in side.columns if c.role == "合计"]
    named = [(r, role) for r in side.rows if (role := role_of(r.label)) is not None]
    weights = [r for r, role in named if role.name == "分值"]
    scores = [r for r, role in named if role.name == "得分"]
    if len(totals) != 1 or len(weights) != 1 or len(scores) != 1:
        return None
    full = table.quantity(weights[0].index, totals[0].index)
    got = table.quantity(scores[0].index, totals[0].index)
    if full is None or not _points(full) or full.value != 100 or got is None or not _points(got):
        return None
    return got


# a label naming what was evaluated (`乡村公路建设项目综合评分`): the name before the word for it
NAMED = regex(rf"(?P<name>[\u4e00-\u9fff]{{2,}})(?:{alternation(ENDINGS)})")
# the document's own, the word for it at either end of the name (`评价组认为该项目`, `该专项资金`: 该专项)
OWN = regex(r"^(?:该|本|此|上述|整个)|(?:该|本|此|上述|整个)$")


def _of_another(ctx: CheckContext, m: Mention, head: str, tables: set[str | None]) -> bool:
    """Does the score belong to another evaluation than the score tables' (`tables`: their subjects, `subject_at`):
    its label naming another year than the document's, or a project neither the title nor a table's subject
    names; or the score standing under another subject than every table's?"""
    period = m.identity.context.period
    own = ctx.facts.document_context.period
    if period and own and period[:4] != own[:4]:
        return True
    if _names_other_project(m.label, head, tables):
        return True
    mine = subject_at(ctx.doc, m.start)
    return not any(same_subject(mine, t, head) for t in tables)


def _names_other_project(label: str, head: str, tables: set[str | None]) -> bool:
    """Does a score's label name a project (`乡村公路建设项目综合评分`) that is neither the document's own (`该项目`),
    a kind of money (`财政资金`), nor named by the title or a score table's subject?"""
    for found in NAMED.finditer(label):
        name = YEAR_WORD.sub("", found.group("name").rsplit("的", 1)[-1])
        if len(name) < 2 or OWN.search(name) or name in GENERIC:
            continue  # no other project's name: the document's own (`该项目`), or a kind of money
        if not any(name in named for named in (head, *tables) if named):
            return True
    return False
