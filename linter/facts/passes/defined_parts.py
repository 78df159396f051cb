"""Parts read from a total's definition (vocab/sums.yaml) or the bracket after it: a list covering a definition is
complete (`defined_totals`), figures in the next sentence or after a semicolon covering the definition of the
figure before (`defined_in_next_sentence`, `defined_after_semicolon`), and the figures in a bracket right after
a figure (`bracketed_parts`).

Their own module because here the definition of the total, not the words opening a list, names the parts.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from tieout.linter.facts.definitions import (
    complete,
    of_total,
)
from tieout.linter.facts.model import Breakdown, Mention
from tieout.linter.facts.passes.base import (
    FULL_MARKS,
    SEMICOLON,
    Completed,
    exact_figure,
    exact_of,
    in_brackets,
)
from tieout.linter.facts.passes.list_terms import names_its_whole
from tieout.linter.figures.context import FIELDS, MIXED, Context, read
from tieout.linter.figures.labels import INCLUDED, LAST_YEAR_BESIDE
from tieout.linter.patterns import regex
from tieout.linter.vocab import relation_words as _alt

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft


def defined_totals(draft: Draft) -> Iterator[Completed]:
    """A list whose parts cover a total's definition (三公经费 = 因公出国（境）费 + 公务用车购置及运行维护费 +
    公务接待费) is complete, whatever word opened it."""
    for b in draft.facts.breakdowns:
        if not b.exhaustive and len(b.parts) >= 2 and complete(b.total, b.parts) and not _parts_of_a_period(b):
            yield Completed(b, replace(b, exhaustive=True))


def _parts_of_a_period(b: Breakdown) -> bool:
    """Does a part state a period the total is not of (`未来五年…还本付息合计 T。其中，2026年需偿还本金 a，付息 b`)? The
    parts are then that period's share of the whole, not the parts of its definition: a + b is 2026's 还本付息, not T,
    and the list stays one of some parts."""
    whole = b.total.identity.context.period
    return any(_stated_period(p) not in (None, whole) for p in b.parts)


def _stated_period(m: Mention) -> str | None:
    """The period a figure's own words name by its year (`2026年需偿还本金`), not one of the document's it is given
    when they name none (a relative `本年` is that too)."""
    period = read(m.label).context.period
    return period if period not in (None, MIXED) and not period.startswith(("+", "-")) else None


def _within(part: Context, whole: Context) -> bool:
    """Does every field the part states agree with one the whole states?"""
    return all(getattr(part, f) is None or getattr(part, f) == getattr(whole, f) for f in FIELDS)


def defined_in_next_sentence(draft: Draft) -> Iterator[Breakdown]:
    """`“三公”经费支出 12.35 万元。具体情况如下：因公出国（境）费 0 万元；公务用车购置及运行维护费 8.20 万元；公务
    接待费 4.25 万元。`: a sentence whose figures, all of one unit and in no list yet, cover the definition of the
    figure that ends the sentence before it (vocab/sums.yaml), in its paragraph, are that figure's parts. The
    definition names them, not the layout: still read across a sentence break (inferred, warnings at most)."""
    sentences = draft.doc.sentences
    for si in range(1, len(sentences)):
        if sentences[si].paragraph != sentences[si - 1].paragraph:
            continue
        parts = [m for m in draft.by_sentence.get(si) or [] if m.quantities]
        before = [m for m in draft.by_sentence.get(si - 1) or [] if m.quantities]
        if len(parts) < 2 or not before or names_its_whole(draft, si):
            continue
        head = next((m for m in reversed(before) if not LAST_YEAR_BESIDE.match(m.label)), before[-1])
        unit = head.quantities[0].base_unit
        if unit == "分":
            continue  # an overall score and the scores after it are a score set's (sets.scores, TO111)
        if any(len(m.quantities) != 1 or m.quantities[0].base_unit != unit for m in parts):
            continue
        if any(id(m) in draft.parts or id(m) in draft.totals for m in [head, *parts]):
            continue
        if any(not _within(m.identity.context, head.identity.context) for m in parts):
            # `…决算为 X。上年因公出国（境）费 a，…`: another year's (scope's, stage's) components; `全系统…`: a
            # wider entity's. Across a sentence break a part states nothing of its context the figure does not
            continue
        if of_total(head, parts):
            yield Breakdown(head, parts, "具体为", True, si - 1, inferred=True, certain=False)


def defined_after_semicolon(draft: Draft) -> Iterator[Breakdown]:
    """`一般公共预算收入 T，为预算的 r%，较上年的 B 增长 p%；税收收入 a，占 s%，非税收入 b。`: the figures after a
    sentence's first semicolon, all of one unit and in no list yet, that cover the definition (vocab/sums.yaml) of
    the one figure of that unit before it (last year's value beside it, and figures in brackets, left aside),
    are its parts. No word opens the list: the definition ties them (inferred, warnings at most)."""
    text = draft.doc.text
    bases = {id(c.base) for c in draft.facts.changes if c.base is not None}
    for si, mentions in draft.by_sentence.items():
        span = draft.doc.sentences[si]
        cut = SEMICOLON.search(text, span.start, span.end) if len(mentions) >= 3 else None
        after = _amounts_after(mentions, cut.start()) if cut is not None else None
        if cut is None or after is None:
            continue
        unit = after[0].quantities[0].base_unit
        heads = [
            m
            for m in mentions
            if m.start < cut.start()
            and (q := exact_of(m, unit)) is not None
            and id(q) not in bases
            and not LAST_YEAR_BESIDE.match(m.label)
            and not in_brackets(draft, si, m.start)
        ]
        # (the whole may be a part of another list, `…收入 T…；…。加上…，收入总计 U`; its parts are in none)
        if (
            len(heads) != 1
            or id(heads[0]) in draft.totals
            or any(draft.is_part(m) or id(m) in draft.totals for m in after)
        ):
            continue
        head = heads[0]
        if all(_within(m.identity.context, head.identity.context) for m in after) and of_total(head, after):
            yield Breakdown(head, after, "具体为", True, si, inferred=True, certain=False)


def _amounts_after(mentions: list[Mention], at: int) -> list[Mention] | None:
    """The figures after `at` other than rates (a part's share beside it), when there are two or more, each one
    exact figure of one unit."""
    after = [m for m in mentions if m.start > at and m.quantities and m.quantities[0].kind != "percent"]
    if len(after) < 2 or any(len(m.quantities) != 1 or not m.quantities[0].exact for m in after):
        return None
    unit = after[0].quantities[0].base_unit
    return after if all(m.quantities[0].base_unit == unit for m in after) else None


# what opens a bracket of parts right after a figure (`642.18 万元（货物 88.40 万元，服务 553.78 万元）`)
OPENS_PARTS = regex(r"\s*[（(]\s*(?:其中|包括|含)?[：:]?\s*$")
# figures in brackets that are no parts of the figure before: another period's, a plan's, a change
NOT_BRACKET_PART = regex(
    # (an operator before a term, `（总收入 A－总费用 B）`, the normaliser's `-` too: the figure's computation)
    r"上年|去年|同期|预算|年初|调整|计划|目标|增长|下降|增加|减|同比|[－−+＋×÷]|-(?=[\u4e00-\u9fff])|比上年|占|加|共|合计|总计"
    r"|累计|其他|不含|不包括|剔除|扣除|除|[，,；;。]"
    rf"|{FULL_MARKS.pattern}"  # (`得分 93.50 分（满分 100 分）`: a score's bound, no part of it)
)


# a net a bracket's one figure may exceed (`利润总额 10 万元（含投资收益 15 万元）`: other items net it down)
NET_WHOLE = regex(_alt("net_wholes"))


def bracketed_parts(draft: Draft) -> Iterator[Breakdown]:
    """`合同金额合计 642.18 万元（货物 88.40 万元，服务 553.78 万元）`: two figures or more of the figure's unit, in the
    bracket that opens right after it and holds nothing else, are some of its parts (all of them where they add
    up, or cover the figure's definition: `评价得分 X（决策 a、过程 b、产出 c、效益 d）`, as `defined_totals` reads
    the lists before this pass); none of them named as another period's, a plan's or a change. One figure alone is
    a part where the bracket says the figure before includes it (`常委会议 6 次（含专题协商会议 3 次）`)."""
    text = draft.doc.text
    for si, mentions in draft.by_sentence.items():
        if "（" not in text[draft.doc.sentences[si].start : draft.doc.sentences[si].end]:
            continue
        # (in the order they stand: the figures in brackets after a list's part were added after the list)
        mentions = sorted(mentions, key=lambda x: x.start)
        for i, m in enumerate(mentions):
            q = exact_figure(m)
            if q is None or in_brackets(draft, si, m.start):
                continue  # (a list's part too: `其中偿还本金 A（一般债务 a、专项债务 b），…`, its own parts in brackets)
            nxt = mentions[i + 1] if i + 1 < len(mentions) else None
            if nxt is None or not OPENS_PARTS.match(text[q.end : nxt.start - len(nxt.label)]):
                continue
            parts = _bracket_run(draft, mentions[i + 1 :], si, q.base_unit)
            if any(draft.is_part(p) for p in parts):
                continue
            if len(parts) >= 2:
                yield Breakdown(m, parts, "（", complete(m, parts), si)
            elif (
                len(parts) == 1
                and q.value >= 0
                and INCLUDED.match(parts[0].label.lstrip("（(，、：: "))
                and not NET_WHOLE.search(m.label)
            ):
                # `常委会议 6 次（含专题协商常委会议 3 次）`: one figure the bracket says the one before includes, some
                # of it (not of a shortfall, `结余 -30 万元（含专项结余 12 万元）`: a net, which a surplus within exceeds)
                yield Breakdown(m, parts, "（含", False, si)


def _bracket_run(draft: Draft, after: list[Mention], si: int, unit: str) -> list[Mention]:
    """The figures of `unit` in the bracket the run opens, when the bracket holds nothing but them."""
    parts: list[Mention] = []
    text = draft.doc.text
    for p in after:
        if not in_brackets(draft, si, p.start):
            break
        if parts and any(c in text[parts[-1].quantities[-1].end : p.start] for c in "）)"):
            break  # (the bracket closed: `…（满分 100 分），其中：甲指标（30 分）…` is another bracket)
        label = p.label.lstrip("（(，、：: ")
        if exact_of(p, unit) is None or NOT_BRACKET_PART.search(label) or len(p.quantities) != 1 or len(label) > 12:
            return []
        parts.append(p)
    return parts
