"""A `其中：` list that goes on past its sentence: the sentences after it that each state one figure of the list's
unit, named and nothing else, are more of its parts.

Its own module because it alone reads a list across sentence ends from the list the parser found; like the
other inferred lists, it is `certain=False`: a finding on it is a warning, never an error.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from tieout.linter.facts.definitions import (
    complete_every,
    outside,
    siblings,
)
from tieout.linter.facts.model import Breakdown, Mention
from tieout.linter.facts.passes.base import (
    Completed,
    exact_figure,
    exact_of,
    foots,
    same_section,
)
from tieout.linter.facts.passes.list_terms import PART_HEAD, TOTAL_WORD, names_total, open_ended
from tieout.linter.figures.context import Context
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex
from tieout.linter.vocab import relation_words as _alt
from tieout.linter.vocab import words

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft


# what may follow a listed part in its sentence: nothing, or its share (`，占 47.79%`, `，占比 5%`), and what it is
# used for, holds or is, no figure in it (`，主要用于农村道路硬化和小型水利设施建设`; `，主要包括：基本工资、津贴补贴…等`, as
# a 部门决算's 人员经费 and 公用经费 each say on a line of their own; `，主要为房屋出租收入`, `，为上年未使用完毕的项目资金`)
PART_TAIL = regex(
    r"^\s*(?:[，,]\s*占[^，。；\d]{0,12}?\s*\d+(?:\.\d+)?\s*%)?(?:[，,]\s*(?:主要|全部|重点)?(?:用于|包括|为|是)[^。；;\d%]*)?\s*[。；;]?\s*$"
)
# the words that open a list whose parts may go on in the sentences after it, a colon after them (`其中：`, and
# `合计 X 人，包括：` over a line for each part): vocab relations.yaml `line_list_openers`
LINE_OPENERS = frozenset(words("relations", "line_list_openers"))
LIST_OPENER = regex(f"(?:{_alt('line_list_openers')})\\s*[：:]")
# a sentence the layout cut, not its writer: it ends with a list's separator (`…，占 0%；` at a line's end)
CUT_SHORT = regex(r"[；;，,]\s*$")
SEPARATOR_END = regex(r"[；;]\s*$")  # a sentence ending with a list's separator: the list goes on after it


def continued_lists(draft: Draft) -> Iterator[Completed]:
    """`本年支出合计 X 万元，其中：基本支出 A 万元，占 a%。项目支出 B 万元，占 b%。…`: a `其中：` list whose one part
    ends its sentence (or whose sentence the layout cut after a part, at its `；`) goes on in the sentences after
    it that each state one figure of the same unit, named and nothing else (maybe its share), under the same
    heading (PDF text puts one part on a line and ends each with 。). The parts are the list's whether they add
    up or not: a list may leave parts out, and it is complete when they add up to the total or cover its
    definition; the shares of the added parts are of the list's total. Read from the layout, not the words:
    inferred (warnings at most)."""
    shares = {id(s.part): s for s in draft.facts.shares if s.part is not None and s.total is None}
    for b in list(draft.facts.breakdowns):
        opened = _left_open(draft, b)
        if opened is None:
            continue
        unit_q, lq = opened
        last = b.parts[-1]
        added = _own_parts(draft, b, unit_q, _listed_after(draft, last.sentence, unit_q.base_unit, (last, lq)))
        if not added:
            continue
        parts = [*b.parts, *(m for m, _ in added)]
        quantities = [q for p in parts if (q := exact_of(p, unit_q.base_unit)) is not None]
        exhaustive = (
            b.exhaustive
            or foots(unit_q, quantities)
            or complete_every(b.total, parts)
            or _lists_all(draft, b, added[-1][0].sentence)
        )
        draft.parts.update(id(m) for m, _ in added)
        yield Completed(b, replace(b, parts=parts, exhaustive=exhaustive, certain=False))
        for _, q in added:
            s = shares.get(id(q))
            if s is not None and not s.base_label:
                yield Completed(s, replace(s, total=unit_q, certain=False))


def _lists_all(draft: Draft, b: Breakdown, last: int) -> bool:
    """Do the words say a list gone on over its lines names all the parts of its total: `包括：` (not `主要包括`, not
    `其中`, which may pick some) under a figure named a total (`受益人数合计 T 人，包括：`), its last line no `…等`? As
    `收入总计包括：A a、B b` lists all of a total (listed_of_named)."""
    return b.keyword == "包括" and names_total(draft, b.total) and not open_ended(draft, last)


def _left_open(draft: Draft, b: Breakdown) -> tuple[Quantity, Quantity] | None:
    """The total's figure and the last part's, of a `其中：` list whose last part ends its sentence (with its share
    at most) and may go on after it: a list of one part, or one the layout cut (its sentence ends with `；`)."""
    doc = draft.doc
    unit_q = exact_figure(b.total)
    if unit_q is None or b.keyword not in LINE_OPENERS or b.inferred:
        return None
    last = b.parts[-1]
    sent = doc.sentences[last.sentence]
    if len(b.parts) != 1 and not CUT_SHORT.search(doc.text[sent.start : sent.end]):
        return None  # a list of several parts that ends with its sentence has ended (`…，环保税 a。非税收入 b。`)
    lq = exact_of(last, unit_q.base_unit)
    opened = doc.text[unit_q.end : b.parts[0].start]
    if lq is None or not LIST_OPENER.search(opened) or not PART_TAIL.match(doc.text[lq.end : sent.end]):
        return None
    return unit_q, lq


def _own_parts(
    draft: Draft, b: Breakdown, total: Quantity, added: list[tuple[Mention, Quantity]]
) -> list[tuple[Mention, Quantity]]:
    """The sentences listed after a part up to one stating a figure of another stage or period (`年初预算 120 万元`),
    the total's own sibling (`年初结转和结余` after `本年收入合计`) or what its definition does not hold (`会议费`
    after `“三公”经费`): that one is no part of the list, unless with it the parts add up to the total (a writer
    may count last year's carry-over in 本年收入: the sum says so); and the list ends where its parts add up, unless
    the part before ends with the list's separator (`…，占 0%；`): the writer's list goes on whatever the figures
    say, so a part mistyped after the parts add up is still one of them."""
    first = draft.stated.get(id(b.parts[-1]))
    divided = _divided_by(draft, b)
    so_far = [q for p in b.parts if (q := exact_of(p, total.base_unit)) is not None]
    doc, before = draft.doc, b.parts[-1].sentence
    for k, (m, q) in enumerate(added):
        sent = doc.sentences[before]
        if foots(total, so_far) and not SEPARATOR_END.search(doc.text[sent.start : sent.end]):
            return added[:k]
        if not _says_no_more(draft.stated.get(id(m)), first, divided):
            return added[:k]
        if siblings(m, b.total) or outside(b.total, m):
            return added[: k + 1] if foots(total, [*so_far, q]) else added[:k]
        so_far.append(q)
        before = m.sentence
    return added


# what a list may divide its total by, each part stating its own: a total of all funds (of all units) listed fund by
# fund (`本年收入合计 X，其中：一般公共预算收入 a；政府性基金预算收入 b；其他资金 c`)
DIVIDING = ("scope", "fund")


def _divided_by(draft: Draft, b: Breakdown) -> tuple[str, ...]:
    """The fields the list's parts state and its total does not: what the list divides the total by."""
    total = draft.stated.get(id(b.total))
    stated = [c for p in b.parts if (c := draft.stated.get(id(p))) is not None]
    return tuple(
        f
        for f in DIVIDING
        if (total is None or getattr(total, f) is None) and any(getattr(c, f) is not None for c in stated)
    )


def _listed_after(draft: Draft, si: int, unit: str, first: tuple[Mention, Quantity]) -> list[tuple[Mention, Quantity]]:
    """The sentences right after `si` that list parts like `first` (its share too when it has one): one part each,
    or several set apart by semicolons (`教学用房 b；生活用房 c；其他用房 d。` on lines the layout joined)."""
    doc = draft.doc
    has_share = "%" in doc.text[first[1].end : doc.sentences[si].end]
    out: list[tuple[Mention, Quantity]] = []
    last = first[0]
    for sj in range(si + 1, len(doc.sentences)):
        mentions = draft.by_sentence.get(sj) or []
        if not mentions or not same_section(draft, doc.sentences[si].start, doc.sentences[sj].start):
            break
        if _own_sub_list(draft, sj, mentions, last):
            continue
        parts = _clause_parts(draft, sj, mentions, unit, has_share)
        if parts is None:
            break
        out.extend(parts)
        last = parts[-1][0]
    return out


# a sentence opening a list of the figure before it (`其中：A a，B b。`): vocab relations.yaml `line_list_openers`
SUB_LIST_OPENER = regex(f"^\\s*(?:{_alt('line_list_openers')})\\s*[：:，,]")


def _own_sub_list(draft: Draft, sj: int, mentions: list[Mention], last: Mention) -> bool:
    """Is the sentence the list of the part before it (`事业收入 a，占 p%。其中：A a1，B a2。` on the lines of a list
    whose parts each end with 。), every figure of it a part the list of `last` holds? It is that part's detail, read
    as its own list: the parts of the outer list go on after it."""
    sent = draft.doc.sentences[sj]
    if not SUB_LIST_OPENER.match(draft.doc.text[sent.start : sent.end]):
        return False
    held = {id(p) for b in draft.facts.breakdowns if b.total is last for p in b.parts}
    return all(id(m) in held for m in mentions)


CLAUSE_BREAK = regex(r"[；;]")


def _clause_parts(
    draft: Draft, sj: int, mentions: list[Mention], unit: str, has_share: bool
) -> list[tuple[Mention, Quantity]] | None:
    """The parts of a sentence whose every clause (set apart by semicolons) states one part: its name alone, one
    figure of the unit, maybe its share; None where a clause states anything else."""
    text, sent = draft.doc.text, draft.doc.sentences[sj]
    bounds = [sent.start, *(x.end() for x in CLAUSE_BREAK.finditer(text, sent.start, sent.end)), sent.end]
    clauses = [(a, b) for a, b in zip(bounds, bounds[1:]) if text[a:b].strip()]
    if len(clauses) != len(mentions):
        return None
    out: list[tuple[Mention, Quantity]] = []
    for (a, b), m in zip(clauses, mentions):
        q = exact_of(m, unit)
        if q is None or not a <= q.start < b or draft.is_part(m) or id(m) in draft.totals or TOTAL_WORD.search(m.label):
            return None
        tail = text[q.end : b]
        if not PART_HEAD.match(text[a : q.start].strip()) or not PART_TAIL.match(tail) or ("%" in tail) != has_share:
            return None
        out.append((m, q))
    return out


def _says_no_more(own: Context | None, first: Context | None, divided: tuple[str, ...] = ()) -> bool:
    """Does a figure's own context state nothing its list's first part does not (no stage or period of its
    own: `年初预算 120 万元` after `公务接待费 30 万元`), but in what the list divides its total by (`divided`)?"""
    if own is None:
        return True
    return all(
        getattr(own, f) is None or (first is not None and getattr(own, f) == getattr(first, f))
        for f in ("scope", "fund", "stage", "period")
        if f not in divided
    )
