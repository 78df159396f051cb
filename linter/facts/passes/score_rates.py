"""A score's rate (得分率) over its full marks: `项目综合得分 86.4 分，得分率 86.4%` over the overall full marks of 100,
`其中产出指标（30分）得分 27.6 分，得分率 92.00%` over the indicator's weight.

The parser reads such a rate with its score alone (the full marks are not beside it). Read only where the full
marks are certain: the overall score's over the full marks of 100 the document states (`满分100分`) and no
other overall full marks; an indicator's over the weight in brackets after its name (`产出指标（30分）`), where
the document gives that indicator one weight wherever it states it (an indicator of that name at another level
with another weight leaves it open).

A rate stated alone in the sentence after its indicator's score and weight (`产出指标得分30.45分（分值35分）。产出指标
得分率为87.00%。`) is read over that pair: only where the sentence before holds that one pair and no other score,
and the rate names the pair's indicator.

A score whose full marks are in brackets right after it, the rate right after them (`产出指标得32.49分（权重35分），得分率
92.83%`), is over those marks: the bracket states the score's own full marks, whatever the indicator's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Mention, Rate
from tieout.linter.facts.passes.base import RESPECTIVELY_WORD, SCORE_NUMBER, Completed, anchored, score_figures
from tieout.linter.facts.passes.gates import score_rates_held
from tieout.linter.facts.passes.sets import MARKS_BRACKETED, MARKS_THEN_SCORE, SCORE_THEN_MARKS
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex
from tieout.linter.vocab import relation_words as _alt

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

_NUMBER = SCORE_NUMBER
# the overall full marks (`本项目满分100分`, `总分值为100分`): the figure's label names them and nothing else
OVERALL_FULL = regex(r"^(?:本)?(?:项目|评价|自评)?(?:总)?(?:满分|总分值)(?:为)?$")
OVERALL_SCORE = regex(f"(?:{_alt('score_total')})$")
# an indicator's weight in brackets after its name (`产出指标（30分）`, `效益指标（满分30分）`)
WEIGHT = regex(rf"(?P<name>[\u4e00-\u9fff]{{2,6}}指标)[（(](?:满分|分值|权重)?(?:为)?\s*(?P<full>{_NUMBER})\s*分[）)]")
# the weights of the indicators listed by name after the words saying they are weights (`一级指标分值分别为部门管理25分、
# 部门履职45分、履职效益30分`, `权重分别为决策20分、过程20分`), each a name and its marks, joined by 、 (和/及 before the last)
WEIGHT_LIST = regex(
    rf"(?:指标)?(?:分值|权重|满分)分别(?:为|是)[：:]?\s*"
    rf"(?P<items>[\u4e00-\u9fff]{{2,6}}\s*{_NUMBER}\s*分(?:[、和及]\s*[\u4e00-\u9fff]{{2,6}}\s*{_NUMBER}\s*分)+)"
)
# where the two may match: 指标 and its bracket (at most six characters past the start of WEIGHT), 分别 (at most
# four past WEIGHT_LIST's); found by a fast scan, the patterns tried only there
_WEIGHT_AT = regex(r"指标[（(]")
WEIGHT_ITEM = regex(rf"(?P<name>[\u4e00-\u9fff]{{2,6}}?)(?:指标)?\s*(?P<full>{_NUMBER})\s*分")
# the indicator a score is of, just before it (`产出指标（30分）得分`, `产出指标得分为`)
SCORED_INDICATOR = regex(
    r"(?P<name>[\u4e00-\u9fff]{2,6}指标)(?:[（(][^（）()\n]{0,12}[）)])?\s*(?:的)?(?:自评|评价|实际)?(?:得分|得)(?:为)?[：:]?\s*$"
)


def score_rates(draft: Draft) -> Iterator[Completed]:
    """Each 得分率 read with its score alone, completed with the full marks it is over where they are certain."""
    if not score_rates_held(draft):
        return
    text = draft.doc.text
    figures = score_figures(draft)
    overall = _overall_full(draft)
    weights = _weights(text, figures)
    for r in draft.facts.rates:
        if not r.operands:
            pair = _pair_before(draft, r, figures)
            if pair is not None:
                yield Completed(r, Rate(r.name, r.stated, r.sentence, list(pair), [r.name[:-3], "满分"], None, True))
            continue
        if not r.name.startswith("得分率") or len(r.operands) != 1 or r.operands[0].base_unit != "分":
            continue
        score = figures.get(r.operands[0].start)
        if score is None:
            continue
        full = (
            _marks_after(text, score[1], r, figures)
            or _marks_before(text, score[1], r, figures)
            or _full_of(text, score, overall, weights)
        )
        if full is not None:
            replacement = Rate(r.name, r.stated, r.sentence, [score[1], full], [score[0].key, "满分"], None, True)
            yield Completed(r, replacement)


# a score's own full marks in brackets right after it, its rate right after them (`32.49分（权重35分），得分率`)
MARKS_AFTER = regex(
    rf"\s*分?\s*[（(](?:满分|分值|权重|标准分)(?:为)?\s*(?P<full>{_NUMBER})\s*分[）)][，,]\s*得分率(?:为)?\s*$"
)


def _marks_after(
    text: str, score: Quantity, rate: Rate, figures: dict[int, tuple[Mention, Quantity]]
) -> Quantity | None:
    """The full marks bracketed right after the score, where the rate comes right after them."""
    found = MARKS_AFTER.match(text, score.end, rate.stated.start)
    figure = figures.get(found.start("full")) if found is not None else None
    return figure[1] if figure is not None else None


# a score's rate right after it (`21.25分，得分率`)
RATE_AFTER = regex(r"\s*分?\s*[，,]\s*得分率(?:为)?\s*$")
# how far before a score its indicator's name and full marks may open (`过程指标25分，得分`)
MARKS_REACH = 40


def _marks_before(
    text: str, score: Quantity, rate: Rate, figures: dict[int, tuple[Mention, Quantity]]
) -> Quantity | None:
    """The full marks stated with the indicator's name right before the score (`过程指标25分，得分21.25分，得分率
    88.00%`: the pair as TO117 reads it), where the rate comes right after the score."""
    if RATE_AFTER.match(text, score.end, rate.stated.start) is None:
        return None
    for found in MARKS_THEN_SCORE.finditer(text, max(0, score.start - MARKS_REACH), score.end):
        if found.start("got") == score.start:
            figure = figures.get(found.start("full"))
            return figure[1] if figure is not None else None
    return None


def _full_of(
    text: str, score: tuple[Mention, Quantity], overall: Quantity | None, weights: dict[str, Quantity | None]
) -> Quantity | None:
    """The full marks a score is of: the overall ones for the overall score, its indicator's weight for its own."""
    mention, q = score
    if OVERALL_SCORE.search(mention.key) and "指标" not in mention.key:
        return overall
    line_start = text.rfind("\n", 0, q.start) + 1
    named = SCORED_INDICATOR.search(text, max(line_start, q.start - 30), q.start)
    if named is None:
        return None
    return weights.get(named.group("name"))


def _overall_full(draft: Draft) -> Quantity | None:
    """The overall full marks of 100, where the document states them and no other overall full marks."""
    found = [
        q
        for m in draft.facts.mentions
        if OVERALL_FULL.match(m.key)
        for q in m.quantities
        if q.base_unit == "分" and q.exact
    ]
    if len(found) >= 1 and all(q.value == 100 for q in found):
        return found[0]
    return None


def _weights(text: str, figures: dict[int, tuple[Mention, Quantity]]) -> dict[str, Quantity | None]:
    """Each indicator's weight, stated in brackets after its name or in a list of weights: None where the
    document gives it two."""
    weights: dict[str, Quantity | None] = {}
    values: dict[str, set[Decimal]] = {}
    for name, full in _stated_weights(text):
        figure = figures.get(full.start("full"))
        values.setdefault(name, set()).add(Decimal(full.group("full")))
        if figure is not None and name not in weights:
            weights[name] = figure[1]
    for name, seen in values.items():
        if len(seen) != 1:
            weights[name] = None
    return weights


def _stated_weights(text: str) -> Iterator[tuple[str, re.Match[str]]]:
    """(indicator, the match of its marks as group `full`): in brackets after its name (`产出指标（30分）`), then
    listed by name (`一级指标分值分别为部门管理25分、部门履职45分、履职效益30分`)."""
    for found in anchored(WEIGHT, text, _WEIGHT_AT, 6):
        yield found.group("name"), found
    for listed in anchored(WEIGHT_LIST, text, RESPECTIVELY_WORD, 4):
        for item in WEIGHT_ITEM.finditer(text, listed.start("items"), listed.end("items")):
            yield f"{item.group('name')}指标", item


# a rate that names its indicator (`产出指标得分率`, `效益指标的得分率`)
NAMED_RATE = regex(r"^(?P<name>[\u4e00-\u9fff]{2,6}指标)(?:的)?得分率$")


def _pair_before(
    draft: Draft, rate: Rate, figures: dict[int, tuple[Mention, Quantity]]
) -> tuple[Quantity, Quantity] | None:
    """The (score, full marks) of the indicator a rate names, from the sentence right before the rate's (in its
    paragraph), where that sentence holds that one pair and no other score."""
    named = NAMED_RATE.match(rate.name)
    sentences = draft.doc.sentences
    si = rate.sentence
    if named is None or si < 1 or sentences[si - 1].paragraph != sentences[si].paragraph:
        return None
    before = sentences[si - 1]
    text = draft.doc.text
    pairs = {
        found.start(): found
        for pattern in (SCORE_THEN_MARKS, MARKS_BRACKETED)
        for found in pattern.finditer(text, before.start, before.end)
    }
    scores = [at for at in figures if before.start <= at < before.end]
    if len(pairs) != 1 or len(scores) != 2:
        return None  # several pairs, or a score beside the pair: which the rate is of is not certain
    found = next(iter(pairs.values()))
    got, full = figures.get(found.start("got")), figures.get(found.start("full"))
    # the pair's name may open with the words before the indicator's (`其中产出指标`), never name another one
    if got is None or full is None or not found.group("name").endswith(named.group("name")):
        return None
    return got[1], full[1]
