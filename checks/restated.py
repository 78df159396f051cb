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
        strong: dict[tuple, list[tuple[Mention, Quantity]]] = {}
        weak: dict[tuple, list[tuple[Mention, Quantity]]] = {}
        for m in self.ctx.facts.mentions:
            for q in m.quantities:
                if not q.exact or q.kind in ("bare", "pp"):
                    continue
                if len(m.key) >= MIN_KEY:
                    strong.setdefault((m.key, q.base_unit, m.period, m.parent), []).append((m, q))
                elif len(m.noun) >= MIN_KEY and m.parent is None:
                    # `加快 15项医疗保障信息业务编码贯标工作`: the noun after the figure names it, more loosely
                    weak.setdefault((m.noun, q.base_unit, m.period), []).append((m, q))
        yield from self._groups(strong, None)
        yield from self._groups(weak, "info")
        yield from self._suffix_matches(strong)

    def _suffix_matches(self, groups: dict[tuple, list[tuple[Mention, Quantity]]]) -> Iterable[Result]:
        """A label that ends another (`直接结算` / `跨省异地住院费用直接结算`) with the same unit and period:
        agreeing values are a checked restatement; differing ones only an info finding."""
        keys = [(k, v) for k, v in groups.items() if k[3] is None]
        for (k1, u1, p1, _), items1 in keys:
            for (k2, u2, p2, _), items2 in keys:
                if k1 == k2 or u1 != u2 or p1 != p2 or not k2.endswith(k1) or len(k1) < MIN_KEY:
                    continue
                for m1, q1 in items1:
                    other = [(m2, q2) for m2, q2 in items2 if m2.sentence != m1.sentence]
                    if not other:
                        continue
                    if all(q2.base_value == q1.base_value for _, q2 in other):
                        yield self.checked(q1, "pass", [q for _, q in other])

    def _groups(self, groups: dict, severity: str | None) -> Iterable[Result]:
        for key_tuple, items in groups.items():
            key = key_tuple[0]
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
            yield self.diag(target, msg, stated=target.text, expected=expected, severity=severity,  # type: ignore[arg-type]
                            related=[self.ctx.related(q, "另一处") for q in rest])


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [RestatedFigure]
