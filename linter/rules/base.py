"""The rule base class, the context a rule checks one document in, and the outcome of a checked relation.

A rule is a function of the facts alone: it reads the document's facts through `CheckContext` and yields
`Diagnostic`s of its own code and the `Checked` relations it verified. No rule reads another rule's output
or depends on another having run: what several rules need (a unit slip that explains a failing sum, a
figure restated elsewhere) is a fact, found before any rule runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, TypeVar, Union

from tieout.linter.facts.index import FactIndex
from tieout.linter.facts.model import Facts, Mention
from tieout.linter.figures import intervals
from tieout.linter.figures.intervals import Interval, Verdict
from tieout.linter.figures.labels import Labeller
from tieout.linter.figures.quantities import Quantity
from tieout.linter.text.model import Document, Section

# the output models are imported when a rule reports, not to list the rules; the reader of the rules' docstrings
# (rules/docs.py, with the fixture cases) by the methods that document a rule: to list or explain them, not to check
if TYPE_CHECKING:
    from tieout.linter.rules.diagnostics import Checked, Diagnostic, Related, Severity, SeverityReason
    from tieout.linter.rules.docs import RuleDoc

Span = tuple[int, int]
T = TypeVar("T")


class _Models(NamedTuple):
    """The output records a rule makes, imported when a document is checked, not to list the rules."""

    related: type[Related]
    checked: type[Checked]
    diagnostic: type[Diagnostic]


@dataclass(slots=True)
class Settings:
    """Per-run knobs a rule may read (from the configuration)."""

    tolerance_units: Decimal = Decimal(1)  # rounding band, in units of the stated last digit
    options: dict[str, Any] = field(default_factory=dict)


class CheckContext:
    """One document as the rules see it: its text, its facts, the run's settings and label normaliser."""

    def __init__(
        self, doc: Document, facts: Facts, settings: Settings | None = None, labeller: Labeller | None = None
    ) -> None:
        self.doc = doc
        self.facts = facts
        self.labeller = labeller or Labeller()  # the run's label normaliser (synonyms applied)
        self.settings = settings or Settings()
        self.index = FactIndex(facts)
        self._by_section: dict[int, list[Mention]] | None = None
        self._memo: dict[str, Any] = {}
        # a figure takes part in many relations (a table cell in its row's sum and its column's): the place of
        # each related figure is located and made once per message (a `Related` is never changed once made)
        self._related: dict[tuple[int, int, str], Related] = {}
        # (imported once per document: an import statement at each related place cost as much as making it)
        from tieout.linter.rules.diagnostics import Checked, Diagnostic, Related

        self.models = _Models(Related, Checked, Diagnostic)

    def memo(self, key: str, build: Callable[[], T]) -> T:
        """A lookup structure a rule builds once per document (`build()` on first use, under a key the rule
        owns) instead of scanning the whole document for every relation it checks."""
        if key not in self._memo:
            self._memo[key] = build()
        value: T = self._memo[key]
        return value

    def outcomes(self, evaluate: Callable[[CheckContext], Iterable[Outcome]]) -> list[Outcome]:
        """The outcomes of one relation evaluator on this document, computed once: its rule reports them and
        TO100 collects their rounding misses (it would otherwise evaluate every relation a second time)."""
        return self.memo(f"outcomes:{evaluate.__module__}.{evaluate.__qualname__}", lambda: list(evaluate(self)))

    def mentions_in_section(self, section: Section | None) -> list[Mention]:
        """The mentions with figures whose first figure stands in `section` (None: before the first heading),
        in the facts' order; grouped once per document, so that a rule looking under one heading per relation
        stays linear in the document."""
        if self._by_section is None:
            self._by_section = {}
            for m in self.facts.mentions:
                if m.quantities:
                    self._by_section.setdefault(id(self.doc.section_at(m.start)), []).append(m)
        return self._by_section.get(id(section), [])

    def judge(self, stated: Interval, computed: Interval, unit: Decimal) -> Verdict:
        """pass / rounding / fail, with the rounding band scaled by the configured `rounding_units`."""
        return intervals.judge(stated, computed, unit * self.settings.tolerance_units)

    def value(self, q: Quantity) -> Decimal:
        """A figure's base value (corrected where a unit slip was found)."""
        return self.index.value(q)

    def interval(self, q: Quantity) -> Interval:
        return intervals.interval(q, self.index.value(q))

    def related(self, q: Quantity | Span, message: str) -> Related:
        """A related location: a figure, or a span of words (`(start, end)`)."""
        start, end = q if isinstance(q, tuple) else (q.start, q.end)
        hit = self._related.get((start, end, message))
        if hit is None:
            p = self.doc.position(start, end)
            hit = self.models.related(
                line=p.line, column=p.column, end_line=p.end_line, end_column=p.end_column, message=message
            )
            self._related[start, end, message] = hit
        return hit

    def sentence_of(self, offset: int) -> str:
        return self.doc.sentence_text(offset)


@dataclass(slots=True)
class Outcome:
    """A relation a rule evaluated: where it is anchored, its verdict, and what to say when it misses.

    The rule that owns the relation reports a `fail`; the rounding rule (TO100) reports a `rounding` miss of
    any relation; both list the relation as checked."""

    anchor: Quantity | Span
    verdict: Verdict
    kind: str
    related: list[tuple[Quantity, str]] = field(default_factory=list)
    message: str = ""
    stated: str | None = None
    expected: str | None = None
    fix: str | None = None
    certain: bool = True
    operands: list[Quantity] = field(default_factory=list)  # the other figures of the relation, for `checked`
    silent: bool = False  # a miss another finding explains (a unit slip, a restated figure): checked, not reported
    name: str | None = None  # the relation's name, for `checked` (a standard table's identity)
    holds: bool = False  # a rounding miss of the figures as written whose intervals meet (尾差): checked as passing


Result = Union["Diagnostic", "Checked"]  # noqa: UP007 (names imported only for type checking)


class Rule:
    """Base of every check. Subclasses set the class attributes and implement `check`."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    severity: ClassVar[Severity] = "error"
    kind: ClassVar[str] = ""  # the relation kind it verifies (sum, share, rate …)
    fixture_cases: ClassVar[bool] = True  # documented-only codes (emitted by the core) have none

    def __init__(self, ctx: CheckContext, severity: Severity | None = None) -> None:
        self.ctx = ctx
        self.level: Severity = severity or self.severity

    def check(self) -> Iterable[Result]:
        raise NotImplementedError

    # helpers ------------------------------------------------------------------------------------
    def diag(
        self,
        q: Quantity | Span,
        message: str,
        *,
        stated: str | None = None,
        expected: str | None = None,
        related: list[Related] | None = None,
        fix: str | None = None,
        severity: Severity | None = None,
    ) -> Diagnostic:
        doc = self.ctx.doc
        start, end = q if isinstance(q, tuple) else (q.start, q.end)  # a figure, or a span of words
        p = doc.position(start, end)
        final = severity or self.level
        return self.ctx.models.diagnostic(
            code=self.code,
            name=self.name,
            severity=final,
            severity_reason=self.severity_reason(final),
            message=message,
            path=doc.path,
            line=p.line,
            column=p.column,
            end_line=p.end_line,
            end_column=p.end_column,
            stated=stated,
            expected=expected,
            related=related or [],
            fix=fix,
            section=doc.section_path(start),
            sentence=self.ctx.sentence_of(start),
        )

    def severity_reason(self, severity: Severity) -> SeverityReason | None:
        """Why a finding is reported below (or above) the rule's listed severity, for the reader: the base
        class lowers a severity only in `certainty`, and the configuration may set the rule's level."""
        from tieout.linter.rules.diagnostics import SEVERITY_RANK

        if SEVERITY_RANK[severity] < SEVERITY_RANK[self.level]:
            return "inferred"
        return "configured" if severity != type(self).severity else None

    def certainty(self, certain: bool) -> Severity:
        """The severity of a finding: the rule's own when every link of the relation is certain, a warning
        (at most) when one link was inferred."""
        if certain or self.level == "info":
            return self.level
        return "warning"

    def checked(
        self,
        q: Quantity | Span,
        status: str,
        related: Iterable[Quantity] = (),
        kind: str | None = None,
        name: str | None = None,
    ) -> Checked:
        start, end = q if isinstance(q, tuple) else (q.start, q.end)
        p = self.ctx.doc.position(start, end)
        return self.ctx.models.checked(
            kind=kind or self.kind,
            status="pass" if status == "pass" else "fail",
            rule=self.code,
            line=p.line,
            column=p.column,
            end_line=p.end_line,
            end_column=p.end_column,
            related=[self.ctx.related(r, "") for r in related],
            name=name,
        )

    def report(self, outcomes: Iterable[Outcome]) -> Iterable[Result]:
        """The usual shape of an arithmetic rule: every outcome checked, every `fail` reported."""
        for o in outcomes:
            yield self.checked(
                o.anchor, "pass" if o.holds else o.verdict, o.operands or [q for q, _ in o.related], o.kind, o.name
            )
            if o.verdict == "fail" and not o.silent:
                yield self.finding(o)

    def finding(self, o: Outcome, severity: Severity | None = None) -> Diagnostic:
        return self.diag(
            o.anchor,
            o.message,
            stated=o.stated,
            expected=o.expected,
            fix=o.fix if o.certain else None,
            related=[self.ctx.related(q, msg) for q, msg in o.related],
            severity=severity or self.certainty(o.certain),
        )

    @classmethod
    def doc(cls) -> str:
        """The docstring, dedented: Markdown in the format of docs/writing-rules.md."""
        from tieout.linter.rules.docs import clean

        return clean(cls.__doc__)

    @classmethod
    def summary(cls) -> str:
        """The docstring's first paragraph, as one line."""
        from tieout.linter.rules.docs import summary_of

        return summary_of(cls.__doc__)

    @classmethod
    def documentation(cls) -> RuleDoc:
        """The docstring's sections, the examples filled in from the fixture cases where it has none."""
        from tieout.linter.rules.docs import document

        return document(cls.code, cls.__doc__)
