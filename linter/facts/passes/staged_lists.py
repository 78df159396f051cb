"""Numbered items each stating a budget and an outcome, under a heading whose own text states the two totals:
`（三）一般公共预算财政拨款支出决算具体情况` / `…支出年初预算为 B，支出决算为 A，完成年初预算的 r%。…其中：` / `1、…（项）。
…年初预算为 b1，支出决算为 a1。` / `2、…（项）。年初预算为 b2，支出决算为 a2。` / …: the 部门决算说明's account of its
财政拨款支出 by 功能分类 项. The items' budgets are parts of B and their outcomes parts of A.

Read only where the items are known to be all of the totals: each item states exactly one budget and one outcome of
the totals' unit and period (nothing else of that unit), and one of the two columns adds up to its total (the
explained 项 may be the main ones only: then neither does). The other column is then held to its total where it
misses it by a slipped digit (a total of another scope, spending of funds budgeted in the year, misses it by more).
Inferred (warnings at most).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Breakdown, Mention
from tieout.linter.facts.passes.base import exact_figure, foots, in_brackets, one_slip
from tieout.linter.facts.passes.chained_totals import OUTCOME_STAGES
from tieout.linter.facts.passes.item_runs import run_sentences, runs_of, under_item
from tieout.linter.figures.context import BUDGET_STAGES
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex
from tieout.linter.text.model import Section

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

Figure = tuple[Mention, Quantity]


def staged_lists(draft: Draft) -> Iterator[Breakdown]:
    """The budgets and the outcomes of numbered items, each column of the total its heading states (module doc)."""
    doc = draft.doc
    starts = [s.start for s in doc.sentences]
    place = {id(sec): k for k, sec in enumerate(doc.sections)}  # (each section's index, found once)
    for run in runs_of(draft):
        parent = run[0].parent
        if parent is None:
            continue
        lead = _lead(draft, parent, run[0], starts)
        totals = _two_totals(lead)
        if totals is None and len(lead) != 3:
            continue
        end = run_sentences(doc.sections, run, starts, place[id(run[-1])]).stop
        figures = list(_item_figures(draft, run, starts, end))
        totals = totals or _totals_named_alike(lead, figures)
        if totals is None:
            continue
        items = [_staged_pair(draft, fs, totals) for fs in figures]
        pairs = [x for x in items if x is not None]
        if len(pairs) < 2 or len(pairs) != len(items):
            continue
        columns = [[p[k] for p in pairs] for k in (0, 1)]
        held = [foots(t[1], [q for _, q in col]) for t, col in zip(totals, columns, strict=True)]
        if not any(held):
            continue  # (the main items only, or items of another total: not known to be all of it)
        for (total, q), col, whole in zip(totals, columns, held, strict=True):
            if whole or one_slip(q, [x for _, x in col]):
                yield Breakdown(total, [m for m, _ in col], "如下", True, total.sentence, inferred=True, certain=False)


def _lead(draft: Draft, parent: Section, first: Section, starts: list[int]) -> list[Figure]:
    """The exact amounts of the heading's own text before its first item, none in brackets nor in a list already."""
    out: list[Figure] = []
    for si in range(bisect_left(starts, parent.start), bisect_left(starts, first.start)):
        if not under_item(draft.doc.section_at(starts[si]), parent):
            continue
        for m in draft.by_sentence.get(si) or []:
            q = exact_figure(m)
            if q is None or q.kind != "amount" or in_brackets(draft, si, q.start):
                continue
            if draft.is_part(m) or id(m) in draft.totals:
                continue
            out.append((m, q))
    return out


def _stage(m: Mention) -> int | None:
    """0 for a budget, 1 for an outcome, None for any other stage."""
    stage = m.identity.context.stage
    return 0 if stage in BUDGET_STAGES else 1 if stage in OUTCOME_STAGES else None


def _two_totals(lead: list[Figure]) -> tuple[Figure, Figure] | None:
    """The lead's one budget and one outcome, of one unit and period (None unless it states exactly those two)."""
    if len(lead) != 2:
        return None
    by_stage = {_stage(m): (m, q) for m, q in lead}
    a, b = by_stage.get(0), by_stage.get(1)
    if a is None or b is None or a[1].base_unit != b[1].base_unit:
        return None
    if a[0].identity.context.period != b[0].identity.context.period:
        return None
    return a, b


# the word naming a budget figure at the end of its label (`年初预算为`, `全年预算数为`, `调整预算`): which budget it is
BUDGET_NAMED = regex(r"(年初预算|全年预算|调整后?预算|变动后预算)数?(?:为|是)?$")


def _budget_word(m: Mention) -> str | None:
    hit = BUDGET_NAMED.search(m.label)
    return None if hit is None else hit.group(1)


def _totals_named_alike(lead: list[Figure], items: list[list[Figure]]) -> tuple[Figure, Figure] | None:
    """`支出年初预算为 B0，全年预算为 B，支出决算为 A。…其中：` / `1、…全年预算为 b1，支出决算为 a1。`: a lead stating two
    budgets, named apart (年初/全年/调整), and one outcome; the items' budgets all named by one of those words. The
    budget so named and the outcome are the totals (None where the lead is not so, or the items' budgets are named
    otherwise or by no such word)."""
    budgets = [(m, q) for m, q in lead if _stage(m) == 0]
    outcomes = [(m, q) for m, q in lead if _stage(m) == 1]
    if len(budgets) != 2 or len(outcomes) != 1 or _budget_word(budgets[0][0]) == _budget_word(budgets[1][0]):
        return None
    words = {_budget_word(m) for fs in items for m, _ in fs if _stage(m) == 0}
    if len(words) != 1 or None in words:
        return None
    named = [b for b in budgets if _budget_word(b[0]) in words]
    if len(named) != 1:
        return None
    return _two_totals([named[0], outcomes[0]])


def _item_figures(draft: Draft, run: list[Section], starts: list[int], end: int) -> Iterator[list[Figure]]:
    """Each item's exact figures: of the sentences from its heading to the next item's (the last item's up to `end`,
    the sentence after the run's text)."""
    bounds = [*(bisect_left(starts, s.start) for s in run), end]
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        yield [(m, q) for si in range(lo, hi) for m in draft.by_sentence.get(si) or [] if (q := exact_figure(m))]


def _staged_pair(draft: Draft, figures: list[Figure], totals: tuple[Figure, Figure]) -> tuple[Figure, Figure] | None:
    """The item's budget and outcome: its only figures of the totals' unit, one at each stage, of their period, no
    list's part yet."""
    unit, period = totals[0][1].base_unit, totals[0][0].identity.context.period
    alike = [(m, q) for m, q in figures if q.base_unit == unit]
    if len(alike) != 2 or any(draft.is_part(m) or m.identity.context.period != period for m, _ in alike):
        return None
    by_stage = {_stage(m): (m, q) for m, q in alike}
    budget, outcome = by_stage.get(0), by_stage.get(1)
    return None if budget is None or outcome is None else (budget, outcome)
