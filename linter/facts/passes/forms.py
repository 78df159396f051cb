"""What the readings of the self-assessment forms share (assessment_form, assessment_records, assessment_summary,
form_funds, restated_rates), and the words each reading of the official template starts by asking the text for.

`passes.run` imports the modules that read the template (`assessment_form`, `assessment_records`,
`assessment_summary`) on a document holding those words only: most reports hold no such form, and the three
modules were about 1% of the instructions of a cold `tieout check` of one that does not. Each reading starts by
asking the same predicate, defined here (`*_held`), so the gate cannot leave out a form the reading would have read.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.tables.cells import Cell, quantity
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# the template's amount columns
AMOUNTS = ("年初预算数", "全年预算数", "全年执行数")
# the complete sets of rows one group of the template holds: the sources of a project's funds, of the 2020 template
# (当年财政拨款, 上年结转资金, 其他资金) and of the older one (财政拨款, 其他资金), and a department's spending (基本支出,
# 项目支出)
FUND_SOURCE_GROUPS = (
    frozenset({"当年财政拨款", "上年结转资金", "其他资金"}),
    frozenset({"财政拨款", "上年结转资金", "其他资金"}),
    frozenset({"财政拨款", "其他资金"}),
)
SOURCE_GROUPS = (*FUND_SOURCE_GROUPS, frozenset({"基本支出", "项目支出"}))
# the amounts' unit, in the header (`项目资金（万元）`) or the caption above it (`单位：万元`)
UNIT = regex(r"(?:[（(]|单位[：:]\s*)(?P<u>万元|亿元|元)")


def forms_held(draft: Draft) -> bool:
    """Words of every self-assessment form as the template lays it out (`assessment_form.assessment_forms`)."""
    text = draft.doc.text
    return "资金总额" in text and "全年执行数" in text


def records_held(draft: Draft) -> bool:
    """Words of every funds block written as records (`assessment_records.record_forms`)."""
    text = draft.doc.text
    return "年度资金总额" in text and "全年执行数" in text


def summary_tables_held(draft: Draft) -> bool:
    """Words of every self-assessment summary table's header (`assessment_summary.summary_tables`)."""
    text = draft.doc.text
    return "项目名称" in text and "全年执行数" in text


def task_tables_held(draft: Draft) -> bool:
    """The words of a department form's table of main tasks (`assessment_summary.task_tables`)."""
    return "年度主要任务" in draft.doc.text


def names_pattern(groups: tuple[frozenset[str], ...]) -> str:
    """The names of the groups' rows as one alternation: longest first, and names of one length in their own order,
    so that the pattern's text is the same in every process (a set's order changes with the hash seed) and the cache
    of compiled patterns (linter/patterns.py) knows it."""
    return "|".join(sorted({name for g in groups for name in g}, key=lambda w: (-len(w), w)))


def in_unit(q: Quantity, unit: str) -> Quantity | None:
    """A cell's figure in the amounts' unit (a bare figure of the text stands for an amount there)."""
    if q.kind != "bare":
        return q
    return quantity(Cell(q.text, q.start, q.end, 0, 0), unit)


def _proportional(marks: Quantity, rate: Quantity, score: Quantity) -> bool:
    """Is the score the full marks times the rate, within a unit of its last digit (rounded or cut off there)?"""
    return abs(marks.value * rate.value / 100 - score.value) < Decimal(1).scaleb(-score.decimals)


# how many of a document's forms must give the funds' score as full marks × rate, and in what share of those whose
# rate is short of 100%, for that to be the document's rule where it does not state one
_PRACTICE_MIN = 2
_PRACTICE_SHARE = Decimal("0.66")


def practised(scored: list[tuple[Quantity, Quantity, Quantity]]) -> bool:
    """Do the (full marks, rate, score) of a document's forms show the score given as full marks × rate: at least
    two so, and two thirds of them?"""
    kept = sum(_proportional(*found) for found in scored)
    return kept >= _PRACTICE_MIN and kept >= _PRACTICE_SHARE * len(scored)
