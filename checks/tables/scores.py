"""Scores of a performance evaluation's indicator table: no indicator scores more than its weight."""

from __future__ import annotations

from collections.abc import Iterator

from tieout.linter.parse.tables import Table
from tieout.linter.parse.tables.model import Column, Side
from tieout.linter.rules.base import CheckContext, Outcome


def _pair(side: Side) -> tuple[Column, Column] | None:
    """The side's one 分值 (权重) column and the one 得分 column after it."""
    weights = [c for c in side.columns if c.role == "分值"]
    scores = [c for c in side.columns if c.role == "得分"]
    if len(weights) != 1 or len(scores) != 1 or scores[0].index < weights[0].index:
        return None
    return weights[0], scores[0]


def score_weight_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    for table in ctx.facts.tables:
        for side in table.sides:
            pair = _pair(side)
            if pair is None:
                continue
            found = list(_rows(table, side, *pair))
            fails = sum(1 for o in found if o.verdict == "fail")
            if fails >= 2 and fails > len(found) - fails:
                continue  # most scores above their weights: weights of another scale (0.2 of 100 分, or %)
            yield from found


def _rows(table: Table, side: Side, weight: Column, score: Column) -> Iterator[Outcome]:
    for row in side.rows:
        if row.total:
            continue  # a 合计 over its weights follows from its rows: a score above it is theirs, said there
        w, s = table.quantity(row.index, weight.index), table.quantity(row.index, score.index)
        if w is None or s is None or "percent" in (w.kind, s.kind) or not (w.exact and s.exact):
            continue
        if w.value <= 0:
            continue  # an indicator weighted 0 (or a blank read as 0) says nothing of its score
        if s.value <= w.value:  # a weight is exact by definition (10 分 is 10), and so is the cap it sets
            yield Outcome(s, "pass", "score_weight", operands=[w])
            continue
        msg = f"“{score.header}”列的 {s.text} 超过该行“{weight.header}” {w.text}：得分不能高于分值"
        yield Outcome(s, "fail", "score_weight", [(w, "分值")], msg, s.text, f"≤ {w.text}", operands=[w])
