"""An outcome stated against its target: `受益人口 4.62 万人，年度目标 4.5 万人，超过年度目标 2.67%` states that
4.62 lies 2.67% above 4.5; `满意度 85.33%，低于 90% 的年度目标 4.67 个百分点`, that 85.33% lies 4.67 points below 90%.

Read as a change of the outcome against the target (the checks of changes judge it, naming the target as what
it is measured against) only where the sentence leaves no doubt which figures it compares: the difference
follows the words that name the target and the side (vocab `deviation`), and before it stand exactly two
figures of one kind and unit: the target, named as one (`年度目标 4.5 万人`) or inside the words (`低于 90% 的
年度目标`), and the outcome, named as something else.

A rate against a reference that is no target (an average, the time elapsed: `references`) is read the same way,
where the reference's value is written and the outcome is a rate, a share or an upward growth rate the words
between do not name otherwise.
The time elapsed (序时进度) needs no written value where the sentence states the quarters of the year it is of
(`1—9月…完成调整预算的 72.8%，慢于序时进度 2.2 个百分点`: 75%).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Change, Movement
from tieout.linter.figures.quantities import Quantity, cn_to_int
from tieout.linter.patterns import regex
from tieout.linter.vocab import alternation, load

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

_VOCAB = load("relations").get("deviation") or {}
_ABOVE, _BELOW = alternation(_VOCAB.get("above")), alternation(_VOCAB.get("below"))
_TARGET = alternation(_VOCAB.get("target"))
_SIDE = rf"(?:(?P<up>{_ABOVE})|(?P<down>{_BELOW}))了?"
# `，超过年度目标` right before the difference: the target is named as a figure before
NAMED_BEFORE = regex(rf"^[，,、]?\s*{_SIDE}(?P<target>{_TARGET})(?:的)?\s*$")
# `，低于` before the target and `的年度目标` after it, right before the difference
SIDE_ONLY = regex(rf"^[，,、]?\s*{_SIDE}\s*$")
TARGET_AFTER = regex(rf"^\s*的?(?P<target>{_TARGET})\s*$")
ANY_TARGET = regex(_TARGET)
# a figure named as the target (`年度目标 4.5 万人`, `目标值为 90%`)
NAMED_TARGET = regex(rf"(?:{_TARGET})(?:为|是|达)?$")


def _comparable(outcome: Quantity, target: Quantity, side: str) -> bool:
    """Two figures of one kind and unit, each as stated (the target may be read as bounded by the very word
    that says on which side of it the outcome lies: `低于 90% 的年度目标`)."""
    same = outcome.kind == target.kind and outcome.base_unit == target.base_unit
    stated = not target.approx and not target.per and target.bound in (None, side)
    return outcome.exact and stated and same and outcome.kind in ("count", "amount", "percent")


def _difference_fits(delta: Quantity, outcome: Quantity) -> bool:
    """A difference in points is of rates; in percent, of any figures (of rates, it may be either); else in the
    figures' own unit."""
    if delta.kind == "pp":
        return outcome.kind == "percent"
    if delta.kind == "percent":
        return True
    return delta.kind == outcome.kind and delta.base_unit == outcome.base_unit


def targets(draft: Draft) -> Iterator[Change]:
    text = draft.doc.text
    if ANY_TARGET.search(text) is None:
        return  # most documents name no target: a pass over their sentences spared
    quantities = [q for q in draft.facts.quantities if q.kind != "bare"]
    starts = [q.start for q in quantities]
    labels = _Labels(draft)
    stated = {id(mv.quantity) for c in draft.facts.changes for mv in c.movements if mv.quantity is not None}
    for si, sentence in enumerate(draft.doc.sentences):
        lo, hi = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
        if hi - lo != 3:
            continue
        first, second, delta = quantities[lo:hi]
        if id(delta) in stated:
            continue  # a change the sentence's own reading already holds
        change = _deviation(text, first, second, delta, labels, si)
        if change is not None:
            yield change


class _Labels:
    """What each figure is named: its mention's label, or the rate's name a rate is read as (`满意度为 85.33%`), by
    the figure's id; gathered when a sentence of three figures first asks (most sentences are of other counts)."""

    def __init__(self, draft: Draft) -> None:
        self._draft = draft
        self._names: dict[int, str] | None = None

    def get(self, key: int) -> str | None:
        if self._names is None:
            draft = self._draft
            self._names = {id(r.stated): r.name for r in draft.facts.rates}
            self._names.update((id(q), m.label) for ms in draft.by_sentence.values() for m in ms for q in m.quantities)
        return self._names.get(key)


def _deviation(
    text: str, first: Quantity, second: Quantity, delta: Quantity, labels: _Labels, si: int
) -> Change | None:
    gap = text[second.end : delta.start]
    named = NAMED_BEFORE.match(gap)
    if named is not None:
        # the target is the one of the two figures before named as a target, the outcome the other
        is_target = [_named_target(labels.get(id(q))) for q in (first, second)]
        if is_target.count(True) != 1:
            return None
        target, outcome = (first, second) if is_target[0] else (second, first)
        side, side_at, name = named, second.end, named.group("target")
    else:
        after, before = TARGET_AFTER.match(gap), SIDE_ONLY.match(text[first.end : second.start])
        if after is None or before is None:
            return None
        target, outcome, side, side_at, name = second, first, before, first.end, after.group("target")
    group = "up" if side.group("up") is not None else "down"
    if not _comparable(outcome, target, side.group(group)) or not delta.exact or not _difference_fits(delta, outcome):
        return None
    label = labels.get(id(outcome))
    if not label or _named_target(label):
        return None
    start = side_at + side.start(group)
    move = Movement(group, side.group(group), delta, start, side_at + side.end(group))  # type: ignore[arg-type]
    return Change(f"较{name}", label, outcome, target, [move], si)


def _named_target(label: str | None) -> bool:
    return label is not None and NAMED_TARGET.search(label) is not None


# A rate against a reference that is no target (an average, the time elapsed): `增长 8.4%，增幅高于全县平均水平
# （7.1%）1.3 个百分点`, `支出进度为 92.5%，快于序时进度（91.7%）0.8 个百分点`. The reference's value must be written
# (in brackets after its name, before `的` and its name, or as a figure named so right before the comparison);
# `高于全县平均水平 1.3 个百分点` alone states no second rate and is not read.
_REFERENCE = rf"[\u4e00-\u9fff]{{0,8}}?(?:{alternation(_VOCAB.get('reference'))})"
_GROWTH = alternation(_VOCAB.get("growth"))
# what the words between the outcome and the side word may name it: a growth rate, or a rate or a share
_SUBJECT = rf"(?P<subject>{_GROWTH}|[\u4e00-\u9fff]{{0,10}}?(?:率|进度|比重|占比))?"
# `，增幅高于全县平均水平（` 7.1% `）`
REFERENCE_BRACKETED = regex(rf"^[，,]?\s*{_SUBJECT}\s*{_SIDE}(?P<reference>{_REFERENCE})\s*[（(]\s*$")
BRACKET_CLOSED = regex(r"^\s*[）)]\s*$")
# `，高于` 7.1% `的全县平均水平`
REFERENCE_SIDE = regex(rf"^[，,]?\s*{_SUBJECT}\s*{_SIDE}\s*$")
REFERENCE_AFTER = regex(rf"^\s*的?(?P<reference>{_REFERENCE})\s*$")
# `，序时进度为` 91.7% `，快于序时进度`: within the outcome's sentence clause (past a `；` a new clause opens, whose
# comparison compares its own figures: `增长 p%；失业率平均为 r%，低于 t% 的控制目标` is r against t, not p against r)
REFERENCE_NAMED = regex(rf"^[，,]\s*(?P<reference>{_REFERENCE})(?:为|是)?\s*$")
# the words after a figure that name it (`低于 5.5% 的控制目标`): the figure compared with, never by how much
NAMED_AFTER = regex(r"\s*的")
REFERENCE_REPEATED = regex(rf"^[，,]\s*{_SUBJECT}\s*{_SIDE}(?:{_REFERENCE})?\s*$")
RATE_END = regex(r"(?:率|进度)$")
SHARE_WORDS = regex(r"^(?:所占)?(?:比重|占比)$")


def references(draft: Draft) -> Iterator[Change]:
    text = draft.doc.text
    if not any(w in text for w in ("平均", "序时")):
        return  # most documents compare with no average: a pass over their figures spared
    quantities = [q for q in draft.facts.quantities if q.kind != "bare"]
    stated = {id(mv.quantity) for c in draft.facts.changes for mv in c.movements if mv.quantity is not None}
    outcomes = _outcomes(draft)
    sentence_starts = [s.start for s in draft.doc.sentences]
    for k in range(2, len(quantities)):
        outcome, reference, delta = quantities[k - 2 : k + 1]
        if delta.kind not in ("pp", "percent") or id(delta) in stated or outcome.kind != "percent":
            continue
        si = bisect_left(sentence_starts, delta.start + 1) - 1
        if si < 0 or outcome.start < sentence_starts[si]:
            continue  # the three figures in one sentence only
        change = _against_reference(text, (outcome, reference, delta), outcomes.get(id(outcome)), si)
        if change is not None:
            yield change


def _outcomes(draft: Draft) -> dict[int, tuple[str, str]]:
    """The percentages a comparison with a reference may be of, by id: (what it is, its name). A growth rate a
    change states (upward: a fall's rate compared with an average's is a comparison of magnitudes or of signed
    rates, which the words do not tell), a rate, a share."""
    found: dict[int, tuple[str, str]] = {}
    for s in draft.facts.shares:
        found[id(s.stated)] = ("share", "占比")
    for r in draft.facts.rates:
        found[id(r.stated)] = ("rate", r.name)
    for c in draft.facts.changes:
        for mv in c.movements:
            if mv.quantity is not None and mv.quantity.kind == "percent" and mv.direction == "up":
                found[id(mv.quantity)] = ("growth", "增幅")
    return found


def _against_reference(
    text: str, figures: tuple[Quantity, Quantity, Quantity], outcome_is: tuple[str, str] | None, si: int
) -> Change | None:
    """The change of `outcome` against the reference `reference` the words between the three figures state."""
    outcome, reference, delta = figures
    if NAMED_AFTER.match(text, delta.end) is not None:
        return None  # (the third figure is named by the words after it: what is compared with, no difference)
    before, after = text[outcome.end : reference.start], text[reference.end : delta.start]
    side = REFERENCE_BRACKETED.match(before)
    if side is not None:
        named = side if BRACKET_CLOSED.match(after) else None
    elif (side := REFERENCE_SIDE.match(before)) is not None:
        named = REFERENCE_AFTER.match(after)
    else:
        named, side = REFERENCE_NAMED.match(before), REFERENCE_REPEATED.match(after)
    if named is None or side is None or outcome_is is None:
        return None
    name = _outcome_name(outcome_is, side.group("subject") or "")
    group = "up" if side.group("up") is not None else "down"
    if name is None or not _comparable(outcome, reference, side.group(group)):
        return None
    at = outcome.end if side.re != REFERENCE_REPEATED else reference.end  # (equal patterns: see linter/patterns.py)
    move = Movement(group, side.group(group), delta, at + side.start(group), at + side.end(group))  # type: ignore[arg-type]
    return Change(f"较{named.group('reference')}", name, outcome, reference, [move], si)


def _outcome_name(outcome_is: tuple[str, str], subject: str) -> str | None:
    """The name of the percentage compared, where the word naming it between (if any) fits what it is: a growth
    word for a growth rate, a rate's name for a rate (the same ending: `支出进度` of `支出进度为 92.5%`), a share
    word for a share. None when the word names something else."""
    kind, name = outcome_is
    if not subject:
        return name
    if kind == "growth":
        return subject if re.fullmatch(_GROWTH, subject) else None
    if kind == "rate":
        return name if RATE_END.search(subject) and subject[-2:] == name.rstrip("为是达到约=")[-2:] else None
    return subject if SHARE_WORDS.match(subject) else None


# A rate of the year's budget against the time elapsed, its value not written (`1—9月，…支出 57.35 亿元，完成调整预算的
# 72.8%，慢于序时进度 2.2 个百分点`): the sentence states the span of the year, from January to the end of a quarter
# (1—3月, 1—6月 or 上半年, 1—9月 or 前三季度), whose share of the twelve months is the time elapsed, exactly. A span
# of another length (1—5月: 41.67%, rounded as the writer chose) or none stated leaves it unread.
_ELAPSED = alternation(_VOCAB.get("elapsed"))
_ELAPSED_UP, _ELAPSED_DOWN = alternation(_VOCAB.get("elapsed_above")), alternation(_VOCAB.get("elapsed_below"))
# `，慢于序时进度`, `，超序时进度`, `，支出进度快于序时进度`
ELAPSED_AFTER = regex(
    rf"^[，,]?\s*{_SUBJECT}\s*(?:(?P<up>{_ABOVE}|{_ELAPSED_UP})|(?P<down>{_BELOW}))了?(?P<reference>{_ELAPSED})\s*$"
)
# `，较序时进度慢`
ELAPSED_BEFORE = regex(
    rf"^[，,]?\s*{_SUBJECT}\s*较(?P<reference>{_ELAPSED})(?:(?P<up>{_ELAPSED_UP})|(?P<down>{_ELAPSED_DOWN}))了?\s*$"
)
# the span of the year from January the sentence states before the rate
SPAN = regex(
    r"(?<![\d年])(?:1|一)\s*(?:—|–|-|－|~|～|至)\s*(?P<months>\d{1,2}|[二三四五六七八九]|十[一二]?)\s*月(?!\s*\d{1,2}\s*日)"
    r"|(?P<half>上半年)|(?P<three>前三季度)|(?P<one>第?一季度)"
)
QUARTER_ENDS = {3: Decimal(25), 6: Decimal(50), 9: Decimal(75)}
# the time elapsed with its value written (`较序时进度（83.3%）快0.6个百分点`, `与时间进度83.3%相比`, `序时进度为83.3%`)
ELAPSED_VALUE = regex(rf"(?:{_ELAPSED})(?:[（(]|为|是)?\s*(?P<v>\d{{1,2}}(?:\.\d{{1,2}})?)%")
_MONTHS = Decimal(12)


def _written_elapsed(text: str) -> Quantity | None:
    """The time elapsed the document writes, for a span of another length than whole quarters (1—10月: 83.3%, as
    the writer rounds it): where the document states one span of the year from January and no other, and writes
    the time elapsed with one value, that value's rounding of the span's share of the twelve months. It is then
    the time elapsed of every rate the document compares with it, its value written or not (a monthly report's
    sentences on the funds after the one stating the span)."""
    values = {m.group("v") for m in ELAPSED_VALUE.finditer(text)}
    if len(values) != 1:
        return None  # (asked first: SPAN, tried at every offset of the text, costs fifty times as much)
    spans = {_months(m) for m in SPAN.finditer(text)}
    if len(spans) != 1:
        return None
    months, written = spans.pop(), values.pop()
    if months is None or not 0 < months < 12:
        return None
    decimals = len(written.partition(".")[2])
    value = Decimal(written)
    if abs(value - months * 100 / _MONTHS) >= Decimal("0.5").scaleb(-decimals):
        return None
    return Quantity(f"{written}%", value, "%", "%", Decimal(1), decimals, "percent", 0, 0)


def elapsed(draft: Draft) -> Iterator[Change]:
    text = draft.doc.text
    if not any(w in text for w in (_VOCAB.get("elapsed") or [])):
        return  # most documents compare with no time elapsed: a pass over their figures spared
    quantities = [q for q in draft.facts.quantities if q.kind != "bare"]
    stated = {id(mv.quantity) for c in draft.facts.changes for mv in c.movements if mv.quantity is not None}
    outcomes = _outcomes(draft)
    written = _written_elapsed(text)
    sentence_starts = [s.start for s in draft.doc.sentences]
    for outcome, delta in zip(quantities, quantities[1:]):
        if delta.kind != "pp" or not delta.exact or id(delta) in stated or outcome.kind != "percent":
            continue
        si = bisect_left(sentence_starts, delta.start + 1) - 1
        if si < 0 or outcome.start < sentence_starts[si] or outcomes.get(id(outcome), ("", ""))[0] != "rate":
            continue  # (a rate of the budget, in the delta's sentence)
        change = _against_elapsed(text, outcome, delta, outcomes[id(outcome)], sentence_starts[si], si, written)
        if change is not None:
            yield change


def _against_elapsed(
    text: str,
    outcome: Quantity,
    delta: Quantity,
    outcome_is: tuple[str, str],
    start: int,
    si: int,
    written: Quantity | None = None,
) -> Change | None:
    between = text[outcome.end : delta.start]
    side = ELAPSED_AFTER.match(between) or ELAPSED_BEFORE.match(between)
    share = _elapsed_share(text[start : outcome.start])
    decimals = 4
    if share is None and written is not None:
        share, decimals = written.value, written.decimals  # (the value the document writes for its one span)
    if side is None or share is None or not outcome.exact:
        return None
    name = _outcome_name(outcome_is, side.group("subject") or "")
    if name is None:
        return None
    group = "up" if side.group("up") is not None else "down"
    at, span = outcome.end, side.span("reference")
    # the time elapsed, exact or as written: a figure of no place of its own, shown at the words that name it
    reference = Quantity(f"{share}%", share, "%", "%", Decimal(1), decimals, "percent", at + span[0], at + span[1])
    move = Movement(group, side.group(group), delta, at + side.start(group), at + side.end(group))  # type: ignore[arg-type]
    return Change(f"较{side.group('reference')}", name, outcome, reference, [move], si)


def _elapsed_share(before: str) -> Decimal | None:
    """The time elapsed of the one span of the year from January the words before the rate state (`1—9月`: 75%),
    None where they state none, two, or one that ends no quarter."""
    spans = {_months(m) for m in SPAN.finditer(before)}
    if len(spans) != 1:
        return None
    months = spans.pop()
    return QUARTER_ENDS.get(months) if months is not None else None


def _months(m: re.Match[str]) -> int | None:
    if m.group("half"):
        return 6
    if m.group("three"):
        return 9
    if m.group("one"):
        return 3
    n = m.group("months")
    return int(n) if n.isdigit() else cn_to_int(n)
