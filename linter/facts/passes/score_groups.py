"""A score table set out as text, each first-level indicator with its weight opening the rows of the indicators
under it (each with its weight and score), closed by the group's 小计, the 合计 after the last group:

    一级指标  分值  二级指标    分值  得分
    决策        20  项目立项       5   4.0
                    绩效目标       5   4.5
                    资金投入      10   9.0
                    决策小计      20  17.5
    过程        20  资金管理      10   9.0
                    …
    合计       100               100  89.5

A group's 小计 score is the sum of its rows' scores, and the 合计's the sum of the groups' (their 小计's, or their
rows' where no 小计 closes them). Read only where the table leaves nothing open: the header names these five
columns, every line under it up to the 合计 is one of these rows, each group's weight is exactly its rows' weights
added up (and its 小计's weight), and the groups' weights make the 合计's two. A last column of words (`扣分原因`)
may follow the 得分, its cells notes on the scores; a 小计 may stand under the first-level weight, its name cell blank.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from tieout.linter.facts.model import ScoreSet
from tieout.linter.facts.passes.base import sentence_of
from tieout.linter.facts.passes.gates import grouped_scores_held
from tieout.linter.facts.passes.score_lines import MARKS_WORD, figure_at, weight_and_score
from tieout.linter.facts.passes.score_outline import SCORE_NUMBER
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# (a column of words may close the header, the reasons points were taken off: `扣分原因`, `备注`)
HEADER = regex(
    rf"^\s*一级指标(?:名称)?\s+{MARKS_WORD.pattern}\s+二级指标(?:名称)?\s+{MARKS_WORD.pattern}\s+(?:得分|评价得分|自评得分|实际得分)"
    r"(?:\s+[\u4e00-\u9fff]{2,8})?\s*$"
)
_NAME = r"[\u4e00-\u9fff“”\"（）()、]{2,20}"
# the words a row may end with in that column, set two spaces or more past its score, their first word no figure
# or dash standing alone (`个别项目测算依据不细，扣0.5分`, `2个点位未按期完成`): a note on the score, no cell of
# the table's figures
_NOTE = r"(?:\s{2,}(?![\d.+\-－—]+(?:\s|$))\S.*?)?"
# a group's first line: the first-level indicator and its weight, then its first row
GROUP = regex(
    rf"^\s*(?P<group>{_NAME})\s+(?P<gw>{SCORE_NUMBER})\s+(?P<name>{_NAME})\s+(?P<w>{SCORE_NUMBER})\s+(?P<s>{SCORE_NUMBER}){_NOTE}\s*$"
)
# a row under it, set in (the first-level cells blank)
ROW = regex(rf"^\s+(?P<name>{_NAME})\s+(?P<w>{SCORE_NUMBER})\s+(?P<s>{SCORE_NUMBER}){_NOTE}\s*$")
TOTAL = regex(
    rf"^\s*(?:合计|总计|总分|总得分)\s+(?P<gw>{SCORE_NUMBER})\s+(?P<w>{SCORE_NUMBER})\s+(?P<s>{SCORE_NUMBER})\s*$"
)
SUBTOTAL = regex(r"小计$")


@dataclass(slots=True)
class _Group:
    weight: Decimal
    rows: list[tuple[Quantity, Quantity]] = field(default_factory=list)  # (weight, score)
    subtotal: tuple[Quantity, Quantity] | None = None


def grouped_scores(draft: Draft) -> Iterator[ScoreSet]:
    """Each group's 小计 as the sum of its rows' scores and the 合计 as the sum of the groups' (see the module)."""
    if not grouped_scores_held(draft):
        return
    original = draft.doc.original
    lines = original.split("\n")
    offsets = draft.doc.line_starts
    for k, line in enumerate(lines):
        if not HEADER.match(line):
            continue
        read = _table(draft, lines, offsets, k + 1)
        if read is None:
            continue
        groups, total = read
        items: list[Quantity] = []
        for g in groups:
            if g.subtotal is not None and len(g.rows) >= 2:
                sub = g.subtotal[1]
                yield ScoreSet(sub, [s for _, s in g.rows], sentence_of(draft, sub.start), name="小计")
            items += [g.subtotal[1]] if g.subtotal is not None else [s for _, s in g.rows]
        yield ScoreSet(total, items, sentence_of(draft, total.start))


def _table(draft: Draft, lines: list[str], offsets: list[int], first: int) -> tuple[list[_Group], Quantity] | None:
    """The groups of the table whose rows start at line `first`, and its 合计's score; None unless every line up to
    the 合计 is a row of it and every weight adds up."""
    groups: list[_Group] = []
    for k in range(first, min(len(lines), len(offsets))):
        line = lines[k]
        total = TOTAL.match(line)
        if total is not None:
            return _closed(draft, groups, total, offsets[k])
        m = GROUP.match(line) or ROW.match(line)
        if m is None:
            return None  # (a blank line or any other before the 合计: not this table)
        row = weight_and_score(draft, m, offsets[k])
        if row is None:
            return None
        if "gw" in m.groupdict():
            groups.append(_Group(Decimal(m.group("gw"))))
        elif not groups or groups[-1].subtotal is not None:
            return None  # (a row after a group's 小计, no first-level indicator opening it)
        if SUBTOTAL.search(m.group("name")):
            groups[-1].subtotal = row
        else:
            groups[-1].rows.append(row)
    return None


def _closed(draft: Draft, groups: list[_Group], total: re.Match[str], at: int) -> tuple[list[_Group], Quantity] | None:
    """The groups and the 合计's score where every weight adds up: each group's rows make its weight (and its
    小计's), the groups' make the 合计's two."""
    if len(groups) < 2:
        return None
    for g in groups:
        if not g.rows or sum((w.value for w, _ in g.rows), Decimal(0)) != g.weight:
            return None
        if g.subtotal is not None and g.subtotal[0].value != g.weight:
            return None
    weight = sum((g.weight for g in groups), Decimal(0))
    if Decimal(total.group("gw")) != weight or Decimal(total.group("w")) != weight:
        return None
    score = figure_at(draft, at + total.start("s"), total.group("s"))
    return (groups, score) if score is not None else None
