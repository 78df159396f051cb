"""Restated figures: one quantity stated with different values in different places."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from tieout.linter.facts.model import Mention
from tieout.linter.figures.quantities import Quantity
from tieout.linter.rules.base import Result, Rule
from tieout.linter.rules.hooks import hookimpl

MIN_KEY = 4
MIN_PLAIN_KEY = 6
LONG_NOUN = 8
CONNECTIVE_END = re.compile(
    r"(?:和|与|及|以及|对|向|给|在|从|将|把|等)$"
)  # shorter labels (支出, 收入) name different things in different sentences


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
        loose: dict[tuple, list[tuple[str, Mention, Quantity]]] = {}
        # names of well-defined quantities (the synonym table's keys: 本年收入合计 …) are specific though short
        canonical = self.ctx.labeller.canonical_keys if self.ctx.labeller else set()
        first: dict[int, Mention] = {}
        for m in self.ctx.facts.mentions:
            first.setdefault(m.sentence, m)
        for m in self.ctx.facts.mentions:
            for q in m.quantities:
                if not q.exact or q.kind in ("bare", "pp"):
                    continue
                # `A 295 家定点零售药店和 49 家定点医院`: a label ending in 和/与/对 … is not the figure's name
                named = len(m.key) >= MIN_KEY and not CONNECTIVE_END.search(m.label)
                # outside a breakdown a short label (支出决算, 完成预算) names different subjects in different
                # sentences; it is matched only loosely (info)
                # a short canonical name (本年收入合计) is specific when it opens its sentence; later in the sentence
                # it may elide a subject (`财政拨款收入总计 X，支出总计 Y`)
                if named and (
                    m.parent is not None
                    or len(m.key) >= MIN_PLAIN_KEY
                    or (m.key in canonical and first.get(m.sentence) is m)
                ):
                    strong.setdefault((m.key, q.base_unit, m.period, m.parent), []).append((m, q))
                elif len(m.noun) >= MIN_KEY and m.parent is None:
                    # `加快 15项医疗保障信息业务编码贯标工作`: the noun after the figure names it, more loosely
                    weak.setdefault((m.noun, q.base_unit, m.period), []).append((m, q))
                if m.parent is None:
                    name = m.key if named else m.noun
                    if len(name) >= MIN_KEY:
                        loose.setdefault((q.base_unit, m.period), []).append((name, m, q))
        yield from self._groups(strong, None)
        # a long noun phrase repeated word for word names one thing as surely as a label does
        yield from self._groups({k: v for k, v in weak.items() if len(k[0]) >= LONG_NOUN}, None)
        yield from self._groups({k: v for k, v in weak.items() if len(k[0]) < LONG_NOUN}, "info")
        yield from self._loose_matches(loose)

    def _loose_matches(self, groups: dict[tuple, list[tuple[str, Mention, Quantity]]]) -> Iterable[Result]:
        """Names that differ but may name one quantity: one ends or begins the other (`直接结算` /
        `跨省异地住院费用直接结算`, `定点医院` / `定点医院签订服务协议`), they share a long beginning, or a
        short generic name recurs. Agreeing values are a checked restatement; nothing is reported."""
        for items in groups.values():
            for n1, m1, q1 in items:
                # identical names meet here only when too short for a warning (they are not in `strong`)
                partners = [
                    (n2, m2, q2)
                    for n2, m2, q2 in items
                    if m2 is not m1 and _alike(n1, n2) and (n2 != n1 or len(n1) < MIN_PLAIN_KEY)
                ]
                if not partners:
                    continue
                # a loose match confirms agreement; a disagreement under differing names is no evidence of a
                # mistake (财政拨款收入合计 is not 收入合计), so it is not reported
                if all(q2.base_value == q1.base_value for _, _, q2 in partners) and any(
                    q2.start < q1.start for _, _, q2 in partners
                ):
                    yield self.checked(q1, "pass", [q for _, _, q in partners])

    def _groups(self, groups: dict, severity: str | None) -> Iterable[Result]:
        for key_tuple, items in groups.items():
            key = key_tuple[0]
            if any(self.ctx.blamed.get(q.start) == self.code for _, q in items):
                continue  # reported already, with the sum it breaks as evidence
            sentences = {m.sentence for m, _ in items}
            if len(sentences) < 2:
                continue
            values = Counter(q.base_value for _, q in items)
            last_q = items[-1][1]
            others = [q for _, q in items[:-1]]
            if len(values) == 1:
                yield self.checked(last_q, "pass", others)
                continue
            if len(values) > 2:
                continue  # many values under one label: a per-item attribute (得分 of each indicator), not one quantity
            if len({m.paragraph for m, _ in items}) < 2:
                continue  # in one paragraph a repeated label names parallel entities (职工…，居民…)
            ((top, n),) = values.most_common(1)
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
            yield self.diag(
                target,
                msg,
                stated=target.text,
                expected=expected,
                severity=severity,  # type: ignore[arg-type]
                related=[self.ctx.related(q, "另一处") for q in rest],
            )


def _alike(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if long_.endswith(short) or long_.startswith(short):
        return True
    n = 0
    while n < len(short) and a[n] == b[n]:
        n += 1
    if n >= 6 and len(a) - n <= 4 and len(b) - n <= 4:
        return True
    # the same phrase in another word order (医院涉嫌诈骗犯罪 / 涉嫌诈骗犯罪线索)
    return any(short[i : i + 6] in long_ for i in range(len(short) - 5))


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [RestatedFigure]
