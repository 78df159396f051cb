"""An evaluation's scores set out as an outline, one indicator a line, its weight and score in its own words, the
indicators under it on the lines after, indented deeper (a PDF's text keeps the indentation of the layout):

    一级指标2：过程（权重25分，得分17.5分）
      ▶ 资金管理（权重14分，得分9.5分）
          · 预算执行率：权重6分，得分3.0分
          · 资金使用合规性：权重5分，得分2.5分
          · 结余资金控制：权重3分，得分3.0分
      ▶ 业务管理（权重11分，得分9.0分）
          …

An indicator's score is the sum of the scores of the lines right under it (the next level's). Read only where the
list is certainly whole: every line under it, to the next line indented as far as it or less, is such a line, those
of the next level all indented alike, and their weights make its weight.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from tieout.linter.facts.model import ScoreSet
from tieout.linter.facts.passes.base import sentence_of
from tieout.linter.facts.passes.gates import outline_scores_held
from tieout.linter.facts.passes.score_lines import weight_and_score
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# a weight or score as a score table writes it (up to three digits, two decimals)
SCORE_NUMBER = r"\d{1,3}(?:\.\d{1,2})?"
# one indicator's line: an optional level word or bullet, its name, then its weight and score alone
LINE = regex(
    rf"^(?P<indent>[ \t\u3000]*)(?:[▶►▷•·●○◆◇■□▪\-—]\s*)?(?:[一二三]级指标\d{{0,2}}[：:])?"
    rf"[\u4e00-\u9fff“”\"（）()]{{2,30}}?(?:[（(]|[：:])\s*权重\s*(?P<w>{SCORE_NUMBER})\s*分\s*[，,、；;]\s*得分\s*(?P<s>{SCORE_NUMBER})\s*分[）)]?[。；;]?\s*$"
)


@dataclass(frozen=True, slots=True)
class _Line:
    """An indicator line of an outline: its indent, its weight and its score."""

    indent: int
    weight: Quantity
    score: Quantity


def outline_scores(draft: Draft) -> Iterator[ScoreSet]:
    """Each indicator line's score as the sum of the scores of the lines right under it (see the module)."""
    if not outline_scores_held(draft):
        return
    for run in _runs(draft):
        for k, head in enumerate(run):
            kids = _children(run, k)
            if len(kids) < 2 or sum((x.weight.value for x in kids), Decimal(0)) != head.weight.value:
                continue
            yield ScoreSet(head.score, [x.score for x in kids], sentence_of(draft, head.score.start), name="得分")


def _runs(draft: Draft) -> Iterator[list[_Line]]:
    """The runs of consecutive indicator lines (blank lines between them aside)."""
    run: list[_Line] = []
    offsets = draft.doc.line_starts
    for k, line in enumerate(draft.doc.original.split("\n")):
        m = LINE.match(line)
        found = _read(draft, m, offsets[k]) if m is not None and k < len(offsets) else None
        if found is not None:
            run.append(found)
        elif line.strip():
            if len(run) >= 3:
                yield run
            run = []
    if len(run) >= 3:
        yield run


def _read(draft: Draft, m: re.Match[str], at: int) -> _Line | None:
    """The line's weight and score as figures of the text (the score no more than the weight)."""
    pair = weight_and_score(draft, m, at)
    return None if pair is None else _Line(len(m.group("indent").expandtabs(4)), *pair)


def _children(run: list[_Line], k: int) -> list[_Line]:
    """The lines right under run[k]: those after it indented deeper, to the next one indented as far or less, all
    of the next level indented alike (a deeper line among them is a grandchild); [] where they are not so."""
    head = run[k].indent
    below: list[_Line] = []
    for x in run[k + 1 :]:
        if x.indent <= head:
            break
        below.append(x)
    if not below:
        return []
    level = below[0].indent
    if any(x.indent < level for x in below):
        return []  # (a line less deep than the first below it: the outline's levels are not clear)
    return [x for x in below if x.indent == level]
