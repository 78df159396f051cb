"""Linking passes: the relations a single sentence does not state on its own, found across sentences.

Each pass is a function of the draft that returns new relations; it never rewrites what the parser or an
earlier pass built. Where a pass completes a relation the parser could only begin (a share whose whole is
named elsewhere, a change whose earlier figure stands in another sentence), it returns `Completed(original,
replacement)` and the replacement takes the original's place. The passes run in the order listed: later ones
see the breakdowns earlier ones found (a total stated after its parts is not also the whole of a 其中).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from importlib import import_module
from typing import TYPE_CHECKING, Any

from tieout.linter.facts.model import (
    AnsweredShares,
    Balance,
    Breakdown,
    Change,
    CountedList,
    Distribution,
    Formula,
    FromTo,
    Grade,
    LimitClaim,
    Marked,
    MonthsPayable,
    Rate,
    Restatement,
    RollForward,
    ScoreSet,
    Share,
    ShareList,
    UnitCost,
)
from tieout.linter.facts.passes import (
    adjusted_shares,
    announced_lists,
    balanced,
    bracket_terms,
    bracketed_rates,
    carried_shares,
    columns,
    composed_after,
    continued_lists,
    counted,
    counted_closings,
    counted_shares,
    dashed_items,
    defined_across,
    defined_parts,
    differences,
    dimension_splits,
    forms,
    fund_kinds,
    fund_transfers,
    gates,
    grade_counts,
    grades,
    headed_lists,
    headless_lists,
    included,
    level_splits,
    levels,
    limits,
    links,
    marks,
    measured_lists,
    moved_by,
    moved_lists,
    multiples,
    named_lists,
    named_ratios,
    net_changes,
    nil_parts,
    parallel_parts,
    part_ratios,
    purposes,
    rate_changes,
    ratio_bases,
    received_rates,
    received_rests,
    restated_rates,
    roll_forward,
    score_lines,
    sets,
    share_lines,
    shared_dimensions,
    staged_lists,
    surveys,
    targets,
    totals_after,
    unit_costs,
    unspent,
)
from tieout.linter.facts.passes.base import (
    RECORDED,
    Completed,
    exact_figure,
    foots,
    periods_apart,
    rolls_forward,
    sums_other_than_changes,
)
from tieout.linter.facts.passes.introduced import nest_introduced

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft
    from tieout.linter.text.model import Document

Pass = Callable[["Draft"], Iterable[Any]]


def _held(held: Callable[[Draft], bool], module: str, name: str) -> Pass:
    """The pass `name` of `module`, imported and run on a document `held` says holds what it reads, and nothing on
    another: the pass starts by asking `held` itself (linter/facts/passes/forms.py, gates.py), so it would find
    nothing there."""

    def step(draft: Draft) -> Iterable[Any]:
        if not held(draft):
            return ()
        found: Iterable[Any] = getattr(import_module(f"{__name__}.{module}"), name)(draft)
        return found

    step.__name__ = step.__qualname__ = name
    return step


PASSES: tuple[Pass, ...] = (
    headless_lists.inspections,
    ratio_bases.ratio_bases,
    ratio_bases.bracketed_shares,
    links.change_bases,
    links.respective_bases,
    links.last_year_after,
    links.change_currents,
    rate_changes.rate_changes,
    headless_lists.headless,
    continued_lists.continued_lists,
    totals_after.equations,
    totals_after.totals_after_items,
    columns.column_totals,
    totals_after.totals_after_parts,
    headed_lists.enumerations,
    headed_lists.headed_lists,
    headed_lists.led_lists,
    announced_lists.announced_lists,
    staged_lists.staged_lists,
    measured_lists.measured_lists,
    counted_closings.counted_closings,
    share_lines.share_lines,
    _held(gates.implied_held, "implied_wholes", "implied_wholes"),
    announced_lists.named_parts,
    counted.counted_lists,
    counted.enumerated_lists,
    counted.enumerated_paragraphs,
    counted.respective_counts,
    named_lists.named_lists,
    named_lists.unit_tables,
    dimension_splits.dimensions,
    dimension_splits.clause_dimensions,
    dimension_splits.other_side,
    dimension_splits.series_by_kind,
    defined_parts.defined_in_next_sentence,
    fund_kinds.fund_kinds,
    defined_parts.defined_after_semicolon,
    defined_parts.defined_totals,
    nil_parts.nil_parts,
    level_splits.level_splits,
    defined_across.defined_below,
    defined_parts.bracketed_parts,
    moved_lists.moved_lists,
    composed_after.composed_after,
    counted_shares.counted_among,
    counted_shares.counted_one_among,
    purposes.purposes,
    defined_across.defined_across,
    dashed_items.dashed_items,
    included.included,
    bracket_terms.bracket_terms,
    links.qualified_shares,
    adjusted_shares.adjusted_shares,
    balanced.balanced_sentences,
    balanced.balanced_paragraphs,
    balanced.balanced_totals,
    balanced.slipped_balances,
    balanced.total_uses,
    balanced.uses_before_total,
    balanced.uses_to_carry_over,
    balanced.budget_totals,
    fund_transfers.fund_transfers,
    sets.balances,
    unspent.unspent,
    unspent.unspent_unrated,
    unspent.unspent_of_form,
    _held(gates.budget_forms_held, "form_changes", "form_changes"),
    unspent.rest_of_funds,
    received_rests.received_rests,
    differences.differences,
    differences.said_differences,
    levels.levels,
    level_splits.level_wholes,
    moved_by.moved_by,
    links.share_bases,
    links.list_shares,
    carried_shares.carried_wholes,
    shared_dimensions.shared_dimensions,
    links.share_lists,
    sets.months_payable,
    sets.transfer_ratios,
    part_ratios.part_ratios,
    counted_shares.counted_shares,
    named_ratios.named_ratios,
    unit_costs.unit_costs,
    multiples.multiples,
    targets.targets,
    targets.references,
    targets.elapsed,
    limits.limit_claims,
    limits.gaps_apart,
    roll_forward.roll_forwards,
    _held(gates.deductions_held, "deductions", "deductions"),
    _held(gates.additions_held, "added_totals", "added_totals"),
    sets.scores,
    sets.scores_before_total,
    sets.scores_after_total,
    score_lines.score_lines,
    score_lines.scores_respectively,
    score_lines.dimension_scores,
    score_lines.overall_deductions,
    score_lines.listed_deductions,
    score_lines.headed_scores,
    score_lines.body_scores,
    score_lines.nested_scores,
    score_lines.indicator_lines,
    score_lines.subtotal_rows,
    score_lines.indicator_subtotals,
    _held(gates.outline_scores_held, "score_outline", "outline_scores"),
    _held(gates.grouped_scores_held, "score_groups", "grouped_scores"),
    _held(gates.form_scores_held, "form_scores", "form_scores"),
    _held(gates.assessed_tables_held, "table_scores", "table_form_scores"),
    _held(gates.assessed_tables_held, "table_scores", "summary_scores"),
    _held(gates.form_funds_held, "form_funds", "form_funds"),
    _held(gates.fund_scores_held, "form_funds", "fund_score_lines"),
    _held(gates.target_funds_held, "target_funds", "target_funds"),
    _held(gates.target_text_funds_held, "target_funds", "target_text_funds"),
    _held(forms.forms_held, "assessment_form", "assessment_forms"),
    _held(forms.records_held, "assessment_records", "record_forms"),
    _held(forms.summary_tables_held, "assessment_summary", "summary_tables"),
    _held(forms.task_tables_held, "assessment_summary", "task_tables"),
    _held(gates.score_rates_held, "score_rates", "score_rates"),
    bracketed_rates.bracketed_rates,
    received_rates.received_rates,
    restated_rates.restated_rates,
    _held(gates.tables_paired_held, "indicator_tables", "restated_indicators"),
    _held(gates.tables_stated_held, "indicator_tables", "restated_in_text"),
    net_changes.net_changes,
    parallel_parts.parallel_parts,
    surveys.distributions,
    surveys.answered_shares,
    surveys.answer_counts,
    surveys.option_sums,
    surveys.tabled_option_sums,
    surveys.returned_split,
    marks.marks,
    marks.key_value_marks,
    score_lines.level_groups,
    grades.grades,
    grade_counts.grade_counts,
    grade_counts.grade_counts_within,
)

COLLECTIONS: dict[type, str] = {
    Breakdown: "breakdowns",
    Balance: "balances",
    Share: "shares",
    Change: "changes",
    CountedList: "counted_lists",
    MonthsPayable: "months",
    UnitCost: "unit_costs",
    Rate: "rates",
    LimitClaim: "limit_claims",
    RollForward: "roll_forwards",
    ScoreSet: "scores",
    Marked: "marks",
    Distribution: "distributions",
    AnsweredShares: "answered",
    Grade: "grades",
    Formula: "formulas",
    Restatement: "restatements",
    FromTo: "fromtos",
}


def run(draft: Draft) -> None:
    for step in PASSES:
        for found in list(step(draft)):
            _record(draft, found)


def _record(draft: Draft, found: Any) -> None:
    facts = draft.facts
    # (every relation a pass adds or completes is counted: an index of the relations is kept for as long as the
    # count stays, `base.of_relations`)
    draft.memo[RECORDED] = draft.memo.get(RECORDED, 0) + 1
    if isinstance(found, Completed):
        coll = getattr(facts, COLLECTIONS[type(found.original)])
        index = _place(draft, coll, found.original)
        coll[index] = found.replacement
        places = draft.memo[PLACES]
        del places[id(found.original)]
        places.setdefault(id(found.replacement), index)
        return
    if isinstance(found, ShareList):
        facts.share_lists.append(found)
        return
    if isinstance(found, Breakdown) and found.keyword != "加" and rolls_forward(found.total, found.parts):
        # a balance rolled forward from its opening balance, whatever pass read it as a list (a chain that
        # says what it adds and subtracts, `上年末余额 A，加上 B，减去 C，年末余额 T`, is that roll-forward)
        return
    if isinstance(found, Breakdown) and not found.certain and periods_apart(found):
        return  # (a list found across sentences: a month's figure, items of the months up to it)
    if isinstance(found, Breakdown) and sums_other_than_changes(found):
        return  # (`甲税完成 a，下降 p%；乙税完成 b，下降 q%。上述两个税种合计减收 T`: T is no sum of a and b)
    if isinstance(found, Breakdown):
        nested = nest_introduced(draft.doc.text, found)
        if nested != [found]:
            for each in nested:  # (a part's own list, a level below: `专项债券 b，分别投向 x1、x2`)
                _record(draft, each)
            return
        found = _footing_prefix(draft.doc, found)
    if isinstance(found, ScoreSet) and (before := _read_before(facts.scores, found)) is not None:
        before.name = before.name or found.name  # (what the later reading calls the total, where the first said none)
        return
    coll = getattr(facts, COLLECTIONS[type(found)])
    coll.append(found)
    if PLACES in draft.memo:
        draft.memo[PLACES].setdefault(id(found), len(coll) - 1)
    if isinstance(found, Breakdown):
        draft.totals.add(id(found.total))
        draft.parts.update(id(p) for p in found.parts)


def _read_before(scores: list[ScoreSet], found: ScoreSet) -> ScoreSet | None:
    """The score set another pass read already as this one, the same total over the same items (a score table two
    readings of its layout both take: one relation, said once); None for a set read first."""
    key = [id(q) for q in found.items]
    return next((s for s in scores if s.total is found.total and [id(q) for q in s.items] == key), None)


# where each relation stands in its collection, by id (the first place, should it stand twice), kept by `_record`
PLACES = "places"


def _place(draft: Draft, coll: list[Any], original: Any) -> int:
    """Where a relation a pass completed stands in its collection: looked up in the places of every relation, built
    on the first completion and kept as the passes record (a walk of the collection for each completion grew with
    the square of a long report's changes). A place that no longer holds it (a relation standing twice, its first
    place replaced) is found by the walk."""
    places = draft.memo.get(PLACES)
    if places is None:
        places = draft.memo[PLACES] = {}
        for name in dict.fromkeys(COLLECTIONS.values()):
            for i, x in enumerate(getattr(draft.facts, name)):
                places.setdefault(id(x), i)
    index = places.get(id(original))
    if index is None or index >= len(coll) or coll[index] is not original:
        index = next(i for i, x in enumerate(coll) if x is original)
        places[id(original)] = index
    return index


def _footing_prefix(doc: Document, found: Breakdown) -> Breakdown:
    """A list whose parts add up to more than its total while its first parts (two at least, all but one at most)
    make the total exactly, the next part on a line of its own, is that many parts long: the rest go on with the
    total's siblings (`利润收入 T。其中：` / five companies' lines / `股利、股息收入 b`; `支出 T。其中：1.… 2.… 3.…
    4.调出资金 d`, 调出资金 beside spending, not of it)."""
    if found.minus or len(found.parts) < 3:
        return found
    total = exact_figure(found.total)
    if total is None:
        return found
    values = [q for p in found.parts if (q := p.of_unit(total.base_unit)) is not None and q.exact]
    if len(values) != len(found.parts) or foots(total, values):
        return found
    if sum(q.base_value for q in values) < total.base_value:
        return found  # (short of its total: the list may name some parts only)
    for k in range(2, len(values)):
        if any(v.base_value == 0 for v in values[:k]):
            return found  # (a part of nothing: fewer parts make the total as well, so where the list ends is not said)
        # (cut only between lines: within one, `按问题类型分：A a，B b，C c` lists all it names, one too many)
        a, b = doc.origin[found.parts[k - 1].start], doc.origin[found.parts[k].start]
        if "\n" in doc.original[a:b] and foots(total, values[:k]):
            return replace(found, parts=found.parts[:k])
    return found
