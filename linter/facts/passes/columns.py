"""Prose tables: numbered items that each state the same named figures (`1.A项目：预算 a1，支出 b1…` / `2.B项目：
预算 a2，支出 b2…`), then a sentence totalling each of them over the items (`两个项目预算合计 A，支出合计 B`).

A column's total is read only when the words leave no doubt which figures it sums: every item names the figure
once, with the words the total names it by, and the total's sentence states nothing else of that unit. Inferred
(`certain=False`): a finding on one is a warning, never an error.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Breakdown, Mention
from tieout.linter.facts.passes.base import (
    ORDINALS,
    count_of,
    exact_figure,
    exact_of,
    foots,
    in_brackets,
    one_slip,
    sentences_holding,
)
from tieout.linter.facts.passes.item_runs import at_level, run_sentences, runs_of
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex
from tieout.linter.text.model import Section

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# the words naming an item's figure: after the last clause break or colon before it (`预算`, `实际支出为`)
CLAUSE_BREAK = regex(r"[，,；;：:。、（）()]")
NAME_VERB = regex(r"(?:为|是|达)$")
MEASURE = regex(r"^[\u4e00-\u9fff]{1,8}$")
# a column's total: the name its items give the figure, a total word after it (`预算合计`, `支出总计为`)
TOTAL_WORD = regex(r"(?:合计|总计|共计)(?:为|是|达)?$")
TOTAL_NAMED = regex(r"合计|总计|共计")
# what may open the sentence before the first column's name: the items counted (`三个项目`, `以上 4 项`), or said
# to be those above (`以上项目`, `上述项目`), their noun after (at most six characters)
COUNT_WORD = rf"(?:以上|上述)?\s*(?:(\d{{1,2}}|[两{ORDINALS}])\s*(?:个|项))"
LEAD = regex(rf"^(?:{COUNT_WORD}|以上|上述)[\u4e00-\u9fff]{{0,6}}?$")
ABOVE = regex(r"^(?:以上|上述)")


def column_totals(draft: Draft) -> Iterator[Breakdown]:
    """`1.A项目：预算 a1，支出 b1，执行率 r1。` / `2.B项目：预算 a2，支出 b2…` / `两个项目预算合计 A，支出合计 B`: each
    total of a sentence after numbered items that names a figure every item names once (the same words) sums those
    figures of the items since the run's start or the total before. The items counted (`三个项目`) must be as many;
    then each column is read whether it adds up or not; said to be those above (以上, 上述), when it adds up or misses
    by a slipped digit; else when it adds up. Every figure of the totals' unit in their sentence must be one of them."""
    doc = draft.doc
    starts = [s.start for s in doc.sentences]
    place = {id(sec): k for k, sec in enumerate(doc.sections)}  # (each section's index, found once: linear)
    # the sentences holding a total word, found by one scan of the text (runs nest: a sentence is visited once for
    # each run holding it; the words, two characters each, never overlap, so the scan finds every one)
    named = set(sentences_holding(draft, TOTAL_NAMED))
    for run in runs_of(draft):
        heads = {k.start for k in run}
        members = {id(k) for k in run}
        run_starts = [k.start for k in run]  # (in order: the items above a sentence found by bisection)
        done = 0
        for si in run_sentences(doc.sections, run, starts, place[id(run[-1])]):
            sent = doc.sentences[si]
            if si not in named or TOTAL_NAMED.search(doc.text, sent.start, sent.end) is None:
                continue  # (no total word: no column totals; tested first, at C speed)
            if starts[si] in heads or not at_level(doc.section_at(starts[si]), run, members):
                continue
            items = run[done : max(done, bisect_left(run_starts, starts[si]))]
            found = _sentence_totals(draft, si, items, starts)
            if found:
                done = run.index(items[-1]) + 1
                yield from found


def _sentence_totals(draft: Draft, si: int, items: list[Section], starts: list[int]) -> list[Breakdown]:
    """The column totals a sentence states over `items`, all of its figures of their unit, or []."""
    mentions = [m for m in draft.by_sentence.get(si) or [] if exact_figure(m) is not None]
    first = next((m for m in mentions if _amount(m) is not None), None)
    if first is None or len(items) < 2:
        return []
    unit = (_amount(first) or first.quantities[0]).base_unit
    sent = draft.doc.sentences[si]
    if TOTAL_WORD.search(draft.doc.text, sent.start, first.quantities[0].start) is None:
        return []  # (no total named before its first figure: no column totals, whatever the items hold; most
        # sentences after a run of items, each of which would otherwise read every item's figures again)
    tables = [_item_figures(draft, k, _item_end(k, items, sent.start), starts, unit) for k in items]
    named = set.intersection(*(set(t) for t in tables))
    lead, counted = _lead(draft.doc.text[sent.start : first.quantities[0].start], named)
    if lead is None or (counted and counted != len(items)):
        return []  # `两个项目…` after three items: which two is not said
    out: list[Breakdown] = []
    prev_end = sent.start
    for m in mentions:
        q = exact_of(m, unit)
        if q is None and m.of_unit(unit) is not None:
            return []  # (an approximate figure of the unit: which column it is, or whether it is one, is not sure)
        if q is not None:
            name = lead if m is first else _phrase(draft.doc.text[prev_end : q.start])
            parts = _column(draft, m, name, tables)
            if parts is None:
                return []  # a figure of the unit no column totals: the sentence is not read as a table's totals
            if _read(draft.doc.text[sent.start : q.start], q, parts, unit, counted):
                out.append(Breakdown(m, parts, "", True, si, inferred=True, certain=False))
        prev_end = m.quantities[-1].end  # (a count of the items, a rate: no column, but the next name is after it)
    return out


def _column(draft: Draft, m: Mention, name: str, tables: list[dict[str, Mention | None]]) -> list[Mention] | None:
    """The items' figures a total named `name` sums, one of each item; None when any item has none (or two)."""
    parts = [p for p in (t.get(name) for t in tables) if p is not None]
    if not name or len(parts) != len(tables) or id(m) in draft.totals or draft.is_part(m):
        return None
    return parts


def _amount(m: Mention) -> Quantity | None:
    return next((q for q in m.quantities if q.kind == "amount" and q.exact), None)


def _read(said: str, q: Quantity, parts: list[Mention], unit: str, counted: int) -> bool:
    """Is a column's total read: counted items (as many as listed), or it adds up, or said to be of the items
    above (以上, 上述) and missing by a slipped digit?"""
    values = [v for v in (exact_of(p, unit) for p in parts) if v is not None]
    return bool(counted) or foots(q, values) or (ABOVE.match(said.strip()) is not None and one_slip(q, values))


def _lead(said: str, named: set[str]) -> tuple[str | None, int]:
    """The first column's name in the words before its total (`三个项目预算合计` → `预算`), one of the names all
    items give a figure (`named`), and the items the words count (0 when not counted); (None, 0) when the words
    are no column total's."""
    found = TOTAL_WORD.search(said)
    if found is None:
        return None, 0
    head = said[: found.start()].strip()
    for cut in range(len(head)):
        lead, name = head[:cut], head[cut:]
        match = LEAD.match(lead) if lead else None
        if name not in named or (lead and match is None):
            continue
        return name, count_of(match.group(1)) if match is not None and match.group(1) else 0
    return None, 0


def _phrase(said: str) -> str:
    """A column's name in the words between the figure before and its total (`，支出合计` → `支出`); "" if none."""
    clause = CLAUSE_BREAK.split(said)[-1].strip()
    found = TOTAL_WORD.search(clause)
    if found is None:
        return ""
    name = clause[: found.start()]
    return name if MEASURE.match(name) else ""


def _item_end(k: Section, items: list[Section], total_start: int) -> int:
    """Where an item's text ends: at the next item, the last one's at the totals' sentence."""
    i = items.index(k)
    return items[i + 1].start if i + 1 < len(items) else total_start


def _item_figures(draft: Draft, k: Section, end: int, starts: list[int], unit: str) -> dict[str, Mention | None]:
    """An item's figures of `unit` by the words naming them (`预算`, `支出`); a name given twice maps to None
    (which of the two a total sums is not said)."""
    text = draft.doc.text
    out: dict[str, Mention | None] = {}
    first = bisect_left(starts, k.start)
    last = bisect_left(starts, end)
    for si in range(first, last):
        prev_end = max(starts[si], k.start)
        for m in draft.by_sentence.get(si) or []:
            q = exact_of(m, unit)
            if q is not None and not in_brackets(draft, si, q.start):
                name = NAME_VERB.sub("", CLAUSE_BREAK.split(text[prev_end : q.start])[-1].strip())
                if MEASURE.match(name):
                    out[name] = None if name in out else m
            prev_end = max(prev_end, m.quantities[-1].end) if m.quantities else prev_end
    return out
