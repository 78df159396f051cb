"""A project's 自评表 set out as two tables under its heading, and its overall score on a line after them:

    | 项目资金 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
    | 资金总额 | 2384.40 | 2510.40 | 2263.60 | 10 | 90.2% | 9.02 |
    | 其中：财政拨款 | … |  |  |  |  |  |

    | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
    | 产出指标 | 数量指标 | … | ≥9800人 | 9934人 | 20 | 20 |
    …

    自评总分 99.02 分（满分100分）。     (or `总分：100分；自评得分：98.15分`)

The form gives the funds' 分值 (its execution rate's score) and every indicator's, each with its 得分: the overall
score is the sum of those scores where their 分值 make 100. Read only where nothing is left open: every table
between the heading (or the score line before) and the score line has a 分值 and a 得分 column, no total row
(but the funds' own, `资金合计`), every row with a 分值 has its 得分 and every 得分 its 分值, and the 分值 add up to
100 exactly.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Identity, Mention, Restatement, ScoreSet
from tieout.linter.facts.passes.base import once, same_section, table_start
from tieout.linter.facts.passes.gates import assessed_tables_held
from tieout.linter.facts.passes.unspent import FORM_TOTAL
from tieout.linter.figures.context import Context
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft
    from tieout.linter.parse.tables import Table
    from tieout.linter.text.model import Section

# the overall score's own words (not `总分：100分`, the full marks a form may state beside it)
OVERALL = regex(r"^[\s*]*自评(?:总分|得分)[：:为]?\s*$")
# its words from 自评 on, found in the whole text: a figure OVERALL names starts where one of them ends
OVERALL_END = regex(r"自评(?:总分|得分)[：:为]?\s*")
WEIGHT = "分值"
SCORE = "得分"
FULL = Decimal(100)


def table_form_scores(draft: Draft) -> Iterator[ScoreSet]:
    """Each overall score line after a project's form tables: the sum of the tables' 得分 (see the module)."""
    if not assessed_tables_held(draft):
        return
    done = -1  # the end of the last score line read: its tables are not the next one's
    overall: dict[int, list[Quantity]] = {}
    for m, q in _overall_figures(draft):
        overall.setdefault(id(m), []).append(q)
    for m in draft.facts.mentions:
        found = overall.get(id(m), [])
        if len(found) != 1:
            continue
        total = found[0]
        tables = [
            t
            for t in draft.facts.tables
            if done < table_start(t) < total.start and same_section(draft, table_start(t), total.start)
        ]
        done = total.start
        scores = _form_scores(tables)
        if scores and total.exact and total.unit == "分":
            yield ScoreSet(total, scores, m.sentence)


def _words_before(draft: Draft, at: int) -> str:
    """The words of a figure's clause before it, on its line (`总分：100分；自评得分：` → `自评得分：`)."""
    text = draft.doc.text
    # (its line first: a mark the document never writes is then looked for on that line, not back to its start)
    line = text.rfind("\n", 0, at)
    begin = max(line, *(text.rfind(mark, line + 1, at) for mark in ("；", ";", "，", ",", "。")))
    return text[begin + 1 : at]


def _form_scores(tables: list[Table]) -> list[Quantity]:
    """The 得分 of every row with a 分值 in the tables, where they are a whole form (see the module); [] if not."""
    weights: list[Quantity] = []
    scores: list[Quantity] = []
    for table in tables:
        found = _pairs(table)
        if found is None:
            return []
        weights += [w for w, _ in found]
        scores += [s for _, s in found]
    if len(tables) < 2 or sum((w.value for w in weights), Decimal(0)) != FULL:
        return []
    return scores


def _pairs(table: Table) -> list[tuple[Quantity, Quantity]] | None:
    """The (分值, 得分) of each row of a one-sided table with one column of each and no total row; None where a
    row has one without the other."""
    if len(table.sides) != 1:
        return None
    side = table.sides[0]
    weight = [c.index for c in side.columns if "".join(c.path) == WEIGHT]
    score = [c.index for c in side.columns if "".join(c.path) == SCORE]
    # (a total row is a score's only as the funds' own total, `资金合计`: a 总分 or 小计 row would count twice)
    if len(weight) != 1 or len(score) != 1 or any(r.total and not FORM_TOTAL.match(r.label) for r in side.rows):
        return None
    out = []
    for row in side.rows:
        w, s = table.quantity(row.index, weight[0]), table.quantity(row.index, score[0])
        if w is None and s is None:
            continue
        if w is None or s is None or not (_points(w) and _points(s)):
            return None
        out.append((w, s))
    return out or None


def _points(q: Quantity) -> bool:
    """An exact figure of points (a cell of bare digits under 分值 / 得分 is read in 分)."""
    return q.exact and q.unit in ("分", "") and q.kind in ("count", "bare", "amount")


# a summary table's column of each project's overall score, and the enumeration a project's heading opens with
SUMMARY_SCORE = regex(r"^(?:总分|自评得分|自评总分)$")
HEADING_MARK = regex(
    r"^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．]\s*|项目\d{1,2}[：:])\s*"
)


def summary_scores(draft: Draft) -> Iterator[Restatement]:
    """`| 项目 | … | 总分 |` / `| 教师培训专项经费 | … | 98.15 |`: a summary table's score of a project is the overall score
    its own part states (`### （四）教师培训专项经费` / … / `自评得分：98.15分`). Read where the row's label is, word
    for word, the title of one heading (its enumeration aside) and that part states one overall score."""
    if not assessed_tables_held(draft):
        return
    titles: dict[str, list[Section]] = {}
    for sec in draft.doc.sections:
        titles.setdefault(HEADING_MARK.sub("", sec.title).strip(), []).append(sec)
    for table in draft.facts.tables:
        for label, cell in _summary_cells(table):
            secs = titles.get(label) or []
            own = _overall_in(draft, secs[0]) if len(secs) == 1 else None
            if own is not None:
                si = draft.doc.sentence_index(cell.start)
                row = Mention(label, label, [cell], si, draft.doc.sentences[si].paragraph if si >= 0 else 0)
                yield Restatement(Identity(f"{label}自评得分", Context()), [(row, cell), own])


def _summary_cells(table: Table) -> Iterator[tuple[str, Quantity]]:
    """Each item row's label and its exact score in the table's one overall score column, read in 分."""
    if len(table.sides) != 1:
        return
    side = table.sides[0]
    cols = [c.index for c in side.columns if SUMMARY_SCORE.match("".join(c.path))]
    if len(cols) != 1:
        return
    for row in side.rows:
        q = table.quantity(row.index, cols[0])
        if row.total or q is None or not q.exact or q.unit not in ("", "分") or q.kind not in ("bare", "count"):
            continue
        yield row.label, replace(q, unit="分", base_unit="分", kind="count")


def _overall_in(draft: Draft, sec: Section) -> tuple[Mention, Quantity] | None:
    """The one overall score (`自评得分：X分`) stated in the section (not below it), with its mention."""
    found = [
        (m, q)
        for m, q in _overall_figures(draft)
        if q.exact and q.unit == "分" and draft.doc.section_at(m.start) is sec
    ]
    return found[0] if len({q.base_value for _, q in found}) == 1 else None


def _overall_figures(draft: Draft) -> list[tuple[Mention, Quantity]]:
    """Every figure stated as an overall score (`自评得分：X分`), with its mention, in the facts' order: once a document."""

    def build() -> list[tuple[Mention, Quantity]]:
        # (only a figure right where those words end can be one: the words before the others, all but a few, are not
        # read back to their clause's start)
        ends = {m.end() for m in OVERALL_END.finditer(draft.doc.text)}
        return [
            (m, q)
            for m in draft.facts.mentions
            for q in m.quantities
            if q.start in ends and OVERALL.match(_words_before(draft, q.start))
        ]

    return once(draft, "table_scores.overall", build)
