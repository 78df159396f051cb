"""Figures that several reports of one entity and year restate must agree (`--cross-document`).

Each report is reduced to a small summary (its entity and year, read from its title, and its labelled
figures), so a batch keeps summaries, not documents, in memory. Two reports are compared only when
both name the same entity and the same year.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from tieout.linter.facts.model import Facts
from tieout.linter.patterns import lazy, regex
from tieout.linter.rules.diagnostics import Checked, Diagnostic, Related, Status
from tieout.linter.text.model import Document

YEAR = regex(r"(20\d{2})\s*年")
YEARS = regex(r"\d{4}\s*年度?")
ENTITY = lazy(r"([\u4e00-\u9fff]{2,24}?(?:局|厅|委员会|办公室|中心|医院|学校|政府|院|所|部|署|会))")
CODE, NAME = "TO207", "cross-document-figure"


@dataclass(slots=True)
class Figure:
    """One labelled figure of a report, with what makes two of them the same quantity."""

    key: str  # the item (with its headings' subject where the item is generic)
    context: str  # scope, fund, stage and period, as `Context.describe` writes them
    unit: str
    value: str  # the base value, normalised: equal strings are equal figures
    text: str
    line: int
    column: int
    end_line: int
    end_column: int

    @property
    def identity(self) -> Identity:
        return self.key, self.context, self.unit


@dataclass(slots=True)
class Summary:
    """What the comparison needs of one report; small, since a batch keeps one per report (and sends it
    from the worker process that checked the report)."""

    path: str
    entity: str
    year: str
    figures: list[Figure] = field(default_factory=list)


Identity = tuple[str, str, str]  # item, context, unit
Place = tuple[Summary, Figure]


def summarise(path: str, doc: Document, facts: Facts) -> Summary | None:
    head = doc.text[:400]
    year = YEAR.search(head)
    entity = ENTITY.search(YEARS.sub("，", head))
    if not year or not entity:
        return None
    figures = []
    for m in facts.mentions:
        ident = m.identity
        # the same quantity in two reports: complete identities, an item that names one quantity
        if not (ident.complete() and ident.named) or ident.inferred:
            continue
        key = ident.item + (f"（{ident.subject}）" if ident.subject else "")
        for q in m.quantities:
            if q.exact and q.kind in ("amount", "count", "percent"):
                p = doc.position(q.start, q.end)
                figures.append(
                    Figure(
                        key=key,
                        context=ident.context.describe(),
                        unit=q.base_unit,
                        value=str(q.base_value.normalize()),
                        text=q.text,
                        line=p.line,
                        column=p.column,
                        end_line=p.end_line,
                        end_column=p.end_column,
                    )
                )
    return Summary(path=path, entity=entity.group(1), year=year.group(1), figures=figures)


def compare(summaries: list[Summary]) -> tuple[dict[str, list[Diagnostic]], dict[str, list[Checked]]]:
    """Findings and checked relations per path."""
    diags: dict[str, list[Diagnostic]] = defaultdict(list)
    checked: dict[str, list[Checked]] = defaultdict(list)
    groups: dict[tuple[str, str], list[Summary]] = defaultdict(list)
    for s in summaries:
        groups[s.entity, s.year].append(s)
    for docs in groups.values():
        if len(docs) < 2:
            continue
        for identity, places in _restated(docs).items():
            if len({s.path for s, _ in places}) >= 2:
                _judge(identity[0], places, diags, checked)
    return diags, checked


def _restated(docs: list[Summary]) -> dict[Identity, list[Place]]:
    """Where each quantity is stated, once per report (within one report the restated-figure rule speaks)."""
    where: dict[Identity, list[Place]] = defaultdict(list)
    for s in docs:
        seen_here: set[Identity] = set()
        for f in s.figures:
            if f.identity not in seen_here:
                seen_here.add(f.identity)
                where[f.identity].append((s, f))
    return where


def _judge(
    key: str, places: list[Place], diags: dict[str, list[Diagnostic]], checked: dict[str, list[Checked]]
) -> None:
    """One quantity stated in several reports: a checked relation in each, a finding where it differs."""
    status: Status = "pass" if len({f.value for _, f in places}) == 1 else "fail"
    for s, f in places:
        others = [(o, g) for o, g in places if o.path != s.path]
        related = [_related(o, g) for o, g in others]
        checked[s.path].append(
            Checked(
                kind="cross_ref",
                status=status,
                rule=CODE,
                line=f.line,
                column=f.column,
                end_line=f.end_line,
                end_column=f.end_column,
                related=related,
            )
        )
        if status == "fail" and any(g.value != f.value for _, g in others):
            listing = "；".join(f"{o.path} 第 {g.line} 行为 {g.text}" for o, g in others if g.value != f.value)
            diags[s.path].append(
                Diagnostic(
                    code=CODE,
                    name=NAME,
                    severity="warning",
                    path=s.path,
                    line=f.line,
                    column=f.column,
                    end_line=f.end_line,
                    end_column=f.end_column,
                    stated=f.text,
                    message=f"“{key}”在本报告为 {f.text}，同一单位同一年度的其他报告不同：{listing}",
                    related=related,
                )
            )


def _related(other: Summary, g: Figure) -> Related:
    return Related(
        line=g.line,
        column=g.column,
        end_line=g.end_line,
        end_column=g.end_column,
        message=f"{other.path} 中的同一数据",
        path=other.path,
    )
