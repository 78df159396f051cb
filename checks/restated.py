"""Restated figures: one quantity stated with different values in different places."""
from __future__ import annotations

from collections import Counter
from typing import Iterable

from linter.facts import Mention
from linter.hookspecs import hookimpl
from linter.quantities import Quantity
from linter.rules import Result, Rule

MIN_KEY = 4  # shorter labels (支出, 收入) name different things in different sentences


class RestatedFigure(Rule):
    """The same quantity is stated with different values in different sentences.

    Two mentions are the same quantity when their normalised labels, units, periods (截至11月底, 2021年 …)
    and the total they are part of all agree; short generic labels never match. The finding lists every
    mention and, when most mentions agree, the value the rest of the report supports.
    """

    code = "TO201"
    name = "restated-figure"
    severity = "warning"
    kind = "cross_ref"

    def check(self) -> Iterable[Result]:
        groups: dict[tuple, list[tuple[Mention, Quantity]]] = {}
        for m in self.ctx.facts.mentions:
            if len(m.key) < MIN_KEY:
                continue
            for q in m.quantities:
                if not q.exact or q.kind in ("bare", "pp"):
                    continue
                groups.setdefault((m.key, q.base_unit, m.period, m.parent), []).append((m, q))
        for (key, _, _, _), items in groups.items():
            sentences = {m.sentence for m, _ in items}
            if len(sentences) < 2:
                continue
            values = Counter(q.base_value for _, q in items)
            last_m, last_q = items[-1]
            others = [q for _, q in items[:-1]]
            if len(values) == 1:
                yield self.checked(last_q, "pass", others)
                continue
            if len(values) > 2:
                continue  # many values under one label: a per-item attribute (得分 of each indicator), not one quantity
            if len({m.paragraph for m, _ in items}) < 2:
                continue  # in one paragraph a repeated label names parallel entities (职工…，居民…)
            (top, n), = values.most_common(1)
            majority = n > len(items) / 2 and n >= 2
            odd = [(m, q) for m, q in items if q.base_value != top] if majority else items[1:]
            target = odd[-1][1]
            rest = [q for _, q in items if q is not target]
            yield self.checked(target, "fail", rest)
            listing = "；".join(f"第 {self.ctx.doc.position(q.start, q.end).line} 行 {q.text}" for _, q in items)
            msg = f"“{key}”在报告中前后不一致：{listing}"
            expected = None
            if majority:
                support = next(q for _, q in items if q.base_value == top)
                msg += f"；其余 {n} 处均为 {support.text}"
                expected = support.text
            yield self.diag(target, msg, stated=target.text, expected=expected,
                            related=[self.ctx.related(q, "另一处") for q in rest])


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [RestatedFigure]
