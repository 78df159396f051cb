"""The predicates the passes imported on demand start by asking, each the one their reading cannot go without.

`passes.run` imports the module of such a pass on a document where its predicate holds only (`passes._held`), as
the readings of the self-assessment template are (forms.py): most reports hold no table, no `扣除`, no `加上`, and
the modules that read them were imported and walked for nothing in every check. Each pass starts by asking the same
predicate, defined here, so the gate cannot leave out a relation the pass would have read
(tests/test_lean_start.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tieout.linter.vocab import load

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# a figure's key word and the word naming its implied whole (`中小企业` → `政府采购`; implied_wholes.py)
IMPLIED: dict[str, str] = {str(k): str(v) for k, v in (load("relations").get("implied_wholes") or {}).items()}


def budget_forms_held(draft: Draft) -> bool:
    """Tables, and a change against the year's opening budget (`较年初预算增加 Δ`; `form_changes.form_changes`)."""
    return bool(draft.facts.tables) and "年初预算" in draft.doc.text


def assessed_tables_held(draft: Draft) -> bool:
    """Tables in a self-assessment (`table_scores.table_form_scores`, `table_scores.summary_scores`)."""
    return bool(draft.facts.tables) and "自评" in draft.doc.text


def tables_paired_held(draft: Draft) -> bool:
    """Two tables at least: what `indicator_tables.restated_indicators` needs before it looks for one list of
    indicators given in two of them."""
    return len(draft.facts.tables) >= 2


def tables_stated_held(draft: Draft) -> bool:
    """A table, and the word an indicator's outcome is stated by in the text (`实际`; `indicator_tables.restated_in_text`)."""
    return bool(draft.facts.tables) and "实际" in draft.doc.text


def deductions_held(draft: Draft) -> bool:
    """The word every deduction is written with (`扣除`; `deductions.deductions`)."""
    return "扣除" in draft.doc.text


def additions_held(draft: Draft) -> bool:
    """The word a total added up from the figures before it opens with (`加上`; `added_totals.added_totals`)."""
    return "加上" in draft.doc.text


def implied_held(draft: Draft) -> bool:
    """A key word of a figure whose whole the genre fixes (`中小企业`; `implied_wholes.implied_wholes`)."""
    return any(key in draft.doc.text for key in IMPLIED)


def outline_scores_held(draft: Draft) -> bool:
    """The words of an outline of weighted indicators and their scores (`权重`, `得分`; `score_outline.outline_scores`)."""
    return "权重" in draft.doc.original and "得分" in draft.doc.original


def grouped_scores_held(draft: Draft) -> bool:
    """The headers of a score table's two levels of indicators (`一级指标`, `二级指标`; `score_groups.grouped_scores`)."""
    return "一级指标" in draft.doc.original and "二级指标" in draft.doc.original


def score_rates_held(draft: Draft) -> bool:
    """The word a score's rate of its full marks is named with (`得分率`; `score_rates.score_rates`)."""
    return "得分率" in draft.doc.text


def form_scores_held(draft: Draft) -> bool:
    """The words of a self-assessment form's scores (`总分`, `分值`; `form_scores.form_scores`)."""
    return "总分" in draft.doc.original and "分值" in draft.doc.original


def form_funds_held(draft: Draft) -> bool:
    """The rows of a self-assessment form's funds (`年度资金总额` or `其他资金`; `form_funds.form_funds`)."""
    return "年度资金总额" in draft.doc.original or "其他资金" in draft.doc.original


def fund_scores_held(draft: Draft) -> bool:
    """The words of a score for the funds' execution rate (`执行率`, `分值`; `form_funds.fund_score_lines`)."""
    return "执行率" in draft.doc.original and "分值" in draft.doc.original


def target_funds_held(draft: Draft) -> bool:
    """The words of every total's field of a target form (`年度资金总额`, `资金总额`; `target_funds.target_funds`)."""
    return "资金总额" in draft.doc.text


def target_text_funds_held(draft: Draft) -> bool:
    """The same words on the lines of the text as written (`target_funds.target_text_funds`)."""
    return "资金总额" in draft.doc.original
