"""A project self-assessment form (项目支出绩效自评表) written as `键：值` text, one project after another, each
closed by its overall score:

    年度资金总额：
      全年预算数（元）：422600.00
      执行率：95.68%
      分值：10  得分：9.57
    绩效指标：
      一级指标：产出指标  二级指标：数量指标  三级指标：…
        年度指标值：4个  实际完成值：4个  分值：15  得分：15
      …
      产出指标小计：分值50，得分48.50
    总分：100  自评得分：99.27          (or `总分：99.27（满分100分）`)

The form gives the funds' 分值 and every indicator's, each with its 得分; the overall score is the sum of those
scores where their 分值 make the form's 100, and a first-level indicator's 小计 the sum of the scores of the
indicators filed under it (`一级指标：产出指标`) where their 分值 make the subtotal's. Read only where nothing is
left open: between the form's start (the document's, or the overall score closing the project before) and its
overall score every 分值 is followed by its 得分 before the next 分值, and the full marks make 100 exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from tieout.linter.facts.model import ScoreSet
from tieout.linter.facts.passes.base import SCORE_NUMBER, sentence_of
from tieout.linter.facts.passes.gates import form_scores_held
from tieout.linter.facts.passes.score_lines import figure_at
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

_N = SCORE_NUMBER
# a field's key and its value (`分值：10`, `得分：9.57`, `分值 50`): the key as the form words it, a colon or a space
FULL_FIELD = regex(rf"(?<![\u4e00-\u9fff])分值[：:]?\s*(?P<n>{_N})(?![\d.%])")
SCORE_FIELD = regex(rf"(?<![\u4e00-\u9fff])得分[：:]?\s*(?P<n>{_N})(?![\d.%])")
# a first-level indicator's subtotal (`产出指标小计：分值50，得分48.49`)
SUBTOTAL = regex(r"(?P<name>[\u4e00-\u9fff]{2,8}?)小计[：:]")
# the first-level indicator the lines after it are filed under (`一级指标：产出指标`)
LEVEL_ONE = regex(r"一级指标[：:]\s*(?P<name>[\u4e00-\u9fff]{2,8})")
# the overall score's line: `总分：100  自评得分：99.50`, `总分：99.25（满分100分）`
TOTAL_LINE = regex(
    rf"^\s*总分[：:]\s*(?P<a>{_N})(?![\d.%])(?:\s*[（(]满分\s*(?P<full>{_N})\s*分[）)])?"
    rf"(?:[；;，,\s]+(?:自评)?得分[：:]\s*(?P<got>{_N})(?![\d.%]))?"
)
HUNDRED = Decimal(100)


@dataclass(slots=True)
class _Pair:
    """A 分值 field's value, the value of the 得分 field after it (where it starts in the original text, and as
    written), the first-level indicator the pair is filed under ("" for none), and the indicator a 小计 line
    totals ("" for an item)."""

    full: str
    score_at: int
    score: str
    level: str
    subtotal: str


def form_scores(draft: Draft) -> Iterator[ScoreSet]:
    """The overall score and the first-level subtotals of each project of a `键：值` self-assessment form."""
    if not form_scores_held(draft):
        return
    original = draft.doc.original
    lines = original.split("\n")
    offsets = draft.doc.line_starts
    held = {id(s.total) for s in draft.facts.scores}  # (a total another reading took)
    for begin, k, total in project_forms(lines):
        pairs = _pairs(lines, offsets, begin, k)
        if pairs:
            found = [*_subtotals(draft, pairs), _overall(draft, total, offsets[k], pairs)]
            yield from (f for f in found if f is not None and id(f.total) not in held)


def project_forms(lines: list[str]) -> Iterator[tuple[int, int, re.Match[str]]]:
    """Each project's form as lines [begin, k): from the document's start, or the line after the overall score
    closing the project before, up to its own overall score's line k (and that line's match)."""
    begin = 0
    for k, line in enumerate(lines):
        total = TOTAL_LINE.match(line)
        if total is not None:
            yield begin, k, total
            begin = k + 1


def _pairs(lines: list[str], offsets: list[int], begin: int, end: int) -> list[_Pair] | None:
    """The (分值, 得分) pairs of lines [begin, end), in order; None unless every 分值 has its 得分 before the next
    分值 (on its line or the next two: a form may set its funds' 执行率 between) and every 得分 its 分值."""
    pairs: list[_Pair] = []
    opened: tuple[int, re.Match[str]] | None = None  # the line and the field of a 分值 awaiting its 得分
    level = ""
    for k in range(begin, end):
        line = lines[k]
        named = LEVEL_ONE.search(line)
        level = named.group("name") if named is not None else level
        sub = SUBTOTAL.match(line.strip())
        fields = [(m.start(), True, m) for m in FULL_FIELD.finditer(line)]
        fields += [(m.start(), False, m) for m in SCORE_FIELD.finditer(line)]
        for _, is_full, f in sorted(fields, key=lambda x: x[0]):
            if is_full == (opened is not None):
                return None  # two 分值 in a row, or a 得分 with no 分值
            if opened is None:
                opened = (k, f)
                continue
            at, full = opened
            if k - at > 2:
                return None
            name = sub.group("name") if sub is not None else ""
            pairs.append(_Pair(full.group("n"), offsets[k] + f.start("n"), f.group("n"), level, name))
            opened = None
    return pairs if opened is None else None


def _subtotals(draft: Draft, pairs: list[_Pair]) -> Iterator[ScoreSet]:
    """Each `X小计` pair: the sum of the scores of the items filed under X, where their full marks make its own."""
    for sub in (p for p in pairs if p.subtotal):
        items = [p for p in pairs if not p.subtotal and p.level == sub.subtotal]
        if len(items) < 2 or sum(Decimal(p.full) for p in items) != Decimal(sub.full):
            continue
        found = _figures(draft, [sub, *items])
        if found is not None:
            yield ScoreSet(found[0], found[1:], sentence_of(draft, found[0].start), name=f"{sub.subtotal}小计")


def _overall(draft: Draft, total: re.Match[str], offset: int, pairs: list[_Pair]) -> ScoreSet | None:
    """The overall score: the sum of the items' scores (the subtotals left out), where their full marks make 100
    and the total line's full marks, if stated, are 100."""
    items = [p for p in pairs if not p.subtotal]
    if total.group("got") is not None:
        full, got = total.group("a"), total.group("got")
        got_at = offset + total.start("got")
    else:
        full, got = total.group("full"), total.group("a")
        got_at = offset + total.start("a")
    if full is None or Decimal(full) != HUNDRED or len(items) < 3:
        return None
    if sum(Decimal(p.full) for p in items) != HUNDRED:
        return None
    whole = figure_at(draft, got_at, got)
    scores = _figures(draft, items)
    if whole is None or scores is None:
        return None
    return ScoreSet(whole, scores, sentence_of(draft, whole.start))


def _figures(draft: Draft, pairs: list[_Pair]) -> list[Quantity] | None:
    """The scores' figures, in order; None where one is not read as a figure."""
    out = [figure_at(draft, p.score_at, p.score) for p in pairs]
    return [q for q in out if q is not None] if all(q is not None for q in out) else None
