"""A `其中` list whose components of a definition go on in the sentences after it: `全市一般公共预算收入 X，增长 p%。其中，
税收收入 a，增长 q%。非税收入 b，增长 r%。` (a city report states each component with its change, one to a sentence).
The parts read in the list's own sentence and the figure opening each sentence after it, of the total's unit and
context, are the total's parts where together they cover the total's definition (vocab/sums.yaml: 税收收入 and
非税收入 of 一般公共预算收入); a figure that is no component of it ends the search, and nothing is read where the
definition is not covered. The definition ties them, not the layout: read across the sentence break, inferred
(warnings at most).

And a total whose components are stated in the sentences after its own, in its paragraph or in the next one under
the same heading: `全市一般公共预算收入 T，…收入合计 U。` / `主要收入项目：税收收入 a，…，
其中：增值税 a1…。非税收入 b，增长 p%。` (`defined_below`). Read only where the total
states its entity, fund, stage and year, each component is named by one figure only there and states none of them
otherwise, one of them states the total's entity, and no other figure there is named as the total is."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from tieout.linter.facts.definitions import complete, cover_once, defined, of_total, totals_alike
from tieout.linter.facts.model import Breakdown, Mention
from tieout.linter.facts.passes.base import Completed, by_paragraph, exact_figure, exact_of, same_section
from tieout.linter.figures.context import FIELDS, Context
from tieout.linter.figures.quantities import Quantity
from tieout.linter.vocab import words

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# the words opening a list that may name some parts of its total only (`其中`), vocab relations line_list_openers
OPENERS = frozenset(words("relations", "line_list_openers"))
# the sentences after the list's that may each add one component (a definition of more parts is stated as a list)
REACH = 2


def defined_across(draft: Draft) -> Iterator[Completed]:
    for b in list(draft.facts.breakdowns):
        total = exact_figure(b.total)
        if total is None or b.exhaustive or b.keyword not in OPENERS or b.minus or b.total.quantities[0] is not total:
            continue
        added = _components_after(draft, b, total)
        if added:
            draft.parts.update(id(m) for m in added)
            yield Completed(b, replace(b, parts=[*b.parts, *added], exhaustive=True, certain=False))


def _components_after(draft: Draft, b: Breakdown, total: Quantity) -> list[Mention]:
    """The figures opening the sentences right after the list's, one each, that with the list's parts cover the
    definition of its total; none where they do not."""
    last = b.parts[-1]
    if not _ends_its_sentence(draft, last, total.base_unit):
        return []
    added: list[Mention] = []
    for sj in range(last.sentence + 1, min(last.sentence + 1 + REACH, len(draft.doc.sentences))):
        m = _opening_figure(draft, sj, b, total.base_unit)
        if m is None:
            return []
        added.append(m)
        if complete(b.total, [*b.parts, *added]) and of_total(b.total, [*b.parts, *added]):
            return added
    return []


def _ends_its_sentence(draft: Draft, last: Mention, unit: str) -> bool:
    """Is the list's last part the last figure of its unit in its sentence (a change beside it, `增长 p%`, may
    follow)?"""
    after = [m for m in draft.by_sentence.get(last.sentence) or [] if m.start > last.start]
    return all(exact_of(m, unit) is None and m.of_unit(unit) is None for m in after)


def _opening_figure(draft: Draft, sj: int, b: Breakdown, unit: str) -> Mention | None:
    """The figure the sentence opens with, named and stated in the total's unit, part of no list yet (it may be the
    total of its own: `专项债券 b，a1 用于…`), of the total's heading and context: the words before it are its name
    alone."""
    doc = draft.doc
    sent = doc.sentences[sj]
    mentions = sorted(draft.by_sentence.get(sj) or [], key=lambda x: x.start)
    if not mentions or not same_section(draft, doc.sentences[b.parts[-1].sentence].start, sent.start):
        return None
    m = mentions[0]
    q = exact_of(m, unit)
    if q is None or len(m.quantities) != 1 or draft.is_part(m):
        return None
    if doc.text[sent.start : q.start].strip() != m.label.strip():
        return None
    return m if _agrees(draft, m, b.total) else None


def _agrees(draft: Draft, m: Mention, total: Mention) -> bool:
    """Does every field of context the figure states, or was given, agree with the total's? (`市本级非税收入` after
    a 全市 total is another entity's.)"""
    whole = total.identity.context
    stated = draft.stated.get(id(m)) or Context()
    return all(
        getattr(c, f) is None or getattr(c, f) == getattr(whole, f)
        for c in (m.identity.context, stated)
        for f in FIELDS
    )


# the fields of context a total read with components stated below it must state (whose, which budget, which figure of
# it, which year), and the parts must not state otherwise
BELOW_FIELDS = ("scope", "fund", "stage", "period")
# the sums of money a budget states so (an overall score and its parts below it are a score set's: sets.scores, TO111)
MONEY = "元"


def defined_below(draft: Draft) -> Iterator[Breakdown]:
    paragraphs = by_paragraph(draft)
    totals = {para: [m for m in mentions if defined(m)] for para, mentions in paragraphs.items()}
    for para, mentions in paragraphs.items():
        # (walked from the end: a total with one named as it is after it, in its paragraph or the next, is passed
        # over without its window being looked at, so a paragraph of many is read in one walk)
        seen = [m for m in totals.get(para + 1, []) if mentions and same_section(draft, mentions[-1].start, m.start)]
        for t in reversed(totals[para]):
            if _may_total(draft, t) and not any(totals_alike(t, m) and m.sentence != t.sentence for m in seen):
                parts = _components_below(draft, t, _window(draft, paragraphs, t))
                if parts:
                    yield Breakdown(t, parts, "具体为", True, t.sentence, certain=False)
            seen.append(t)


def _may_total(draft: Draft, t: Mention) -> bool:
    """A sum of money of its own, the total of no list yet, stating its entity, fund, stage and year."""
    total = exact_figure(t)
    if total is None or total.base_unit != MONEY or len(t.quantities) != 1 or id(t) in draft.totals:
        return False
    return all(getattr(t.identity.context, f) is not None for f in BELOW_FIELDS)


def _window(draft: Draft, paragraphs: dict[int, list[Mention]], t: Mention) -> list[Mention]:
    """The figures of the sentences after the total's in its paragraph, and of the next paragraph under its heading
    (a list in the total's own sentence is the sentence readers', which read it by its words: `：` after a name of
    no total opens none)."""
    after = [m for m in paragraphs.get(t.paragraph + 1, []) if same_section(draft, t.start, m.start)]
    return [m for m in paragraphs[t.paragraph] if m.sentence > t.sentence] + after


def _components_below(draft: Draft, t: Mention, window: list[Mention]) -> list[Mention] | None:
    """The figures of the window that are, one each, the components of the total's definition, each a figure of its
    own in the total's unit, part of no list, of the total's context; none where another figure there is named as
    the total is (a restatement, or another entity's total: which the parts are of is open)."""
    total = t.quantities[0]
    if any(totals_alike(t, m) for m in window):
        return None
    candidates = [m for m in window if len(m.quantities) == 1 and exact_of(m, total.base_unit) is not None]
    parts = cover_once(t, [m for m in candidates if not draft.is_part(m)])
    if parts is None or any(draft.is_part(m) for m in candidates if m not in parts and _same_name(m, parts)):
        return None
    if any(_residual(p) for p in parts):
        return None
    whole = t.identity.context
    if not all(getattr(p.identity.context, f) in (None, getattr(whole, f)) for p in parts for f in BELOW_FIELDS):
        return None
    return parts if any(p.identity.context.scope == whole.scope for p in parts) else None


# the word of a residual item: `其他工资福利支出` is one item of 工资福利支出 (with 基本工资, 津贴补贴 … beside it), never
# the whole component its name ends with
RESIDUAL = "其他"


def _residual(m: Mention) -> bool:
    """Is the figure a residual item (`其他工资福利支出 a`), which a list of the component's items closes?"""
    return m.key.startswith(RESIDUAL) or m.identity.item.startswith(RESIDUAL)


def _same_name(m: Mention, parts: list[Mention]) -> bool:
    return any(m.key == p.key for p in parts)
