"""The rule base class and the context a rule checks one document in."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, ClassVar

from tieout.linter.facts.model import Facts, Mention
from tieout.linter.figures import intervals as numbers
from tieout.linter.figures.intervals import Interval, Verdict
from tieout.linter.figures.labels import Labeller
from tieout.linter.figures.quantities import Quantity
from tieout.linter.rules.diagnostics import Checked, Diagnostic, Related, Severity, Status
from tieout.linter.rules.docs import RuleDoc, clean, document, summary_of
from tieout.linter.text.model import Document


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
        self.labeller = labeller  # the run's label normaliser (synonyms applied)
        self.settings = settings or Settings()
        # figures another rule already blamed, so a second rule can name the first cause
        self.blamed: dict[int, str] = {}
        # corrected base values (a unit slip found): other rules compute with these
        self.corrections: dict[int, Decimal] = {}
        self._mentions: dict[int, Mention] | None = None

    def judge(self, stated: Interval, computed: Interval, unit: Decimal) -> Verdict:
        """pass / rounding / fail, with the rounding band scaled by the configured `rounding_units`."""
        return numbers.judge(stated, computed, unit * self.settings.tolerance_units)

    def mention_of(self, q: Quantity) -> Mention | None:
        """The mention a figure belongs to (built on first use)."""
        if self._mentions is None:
            self._mentions = {x.start: m for m in self.facts.mentions for x in m.quantities}
        return self._mentions.get(q.start)

    def restatements(self, q: Quantity) -> list[Quantity]:
        """Other mentions of the same quantity (label, unit, period, total it is part of) in other sentences."""
        m = self.mention_of(q)
        if m is None or len(m.key) < 4:
            return []
        out: list[Quantity] = []
        for other in self.facts.mentions:
            if (
                other.sentence == m.sentence
                or other.key != m.key
                or other.period != m.period
                or other.parent != m.parent
            ):
                continue
            out.extend(x for x in other.quantities if x.base_unit == q.base_unit and x.kind == q.kind and x.exact)
        return out

    def value(self, q: Quantity) -> Decimal:
        return self.corrections.get(q.start, q.base_value)

    def related(self, q: Quantity, message: str) -> Related:
        p = self.doc.position(q.start, q.end)
        return Related(line=p.line, column=p.column, end_line=p.end_line, end_column=p.end_column, message=message)

    def sentence_of(self, offset: int) -> str:
        return self.doc.sentence_text(offset)


Result = Diagnostic | Checked


class Rule:
    """Base of every check. Subclasses set the class attributes and implement `check`."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    severity: ClassVar[Severity] = "error"
    kind: ClassVar[str] = ""  # the relation kind it verifies (sum, share, rate …)
    order: ClassVar[int] = 50  # rules that correct figures (unit slips) run before those that use them
    fixture_cases: ClassVar[bool] = True  # documented-only codes (emitted by the core) have none

    def __init__(self, ctx: CheckContext, severity: Severity | None = None) -> None:
        self.ctx = ctx
        self.level: Severity = severity or self.severity

    def check(self) -> Iterable[Result]:
        raise NotImplementedError

    # helpers ------------------------------------------------------------------------------------
    def diag(
        self,
        q: Quantity | tuple[int, int],
        message: str,
        *,
        stated: str | None = None,
        expected: str | None = None,
        related: list[Related] | None = None,
        fix: str | None = None,
        severity: Severity | None = None,
        code: str | None = None,
        name: str | None = None,
    ) -> Diagnostic:
        doc = self.ctx.doc
        start, end = q if isinstance(q, tuple) else (q.start, q.end)  # a figure, or a span of words
        p = doc.position(start, end)
        self.ctx.blamed.setdefault(start, code or self.code)
        return Diagnostic(
            code=code or self.code,
            name=name or self.name,
            severity=severity or self.level,
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

    @staticmethod
    def rounding(is_rounding: bool) -> dict[str, Any]:
        """The fields that turn a finding into a rounding one (TO100, info), when the miss is only that."""
        return {"code": "TO100", "name": "rounding", "severity": "info"} if is_rounding else {}

    def checked(
        self, q: Quantity, status: Status, related: Sequence[Quantity] = (), kind: str | None = None
    ) -> Checked:
        p = self.ctx.doc.position(q.start, q.end)
        return Checked(
            kind=kind or self.kind,
            status=status,
            rule=self.code,
            line=p.line,
            column=p.column,
            end_line=p.end_line,
            end_column=p.end_column,
            related=[self.ctx.related(r, "") for r in related],
        )

    @classmethod
    def doc(cls) -> str:
        """The docstring, dedented: Markdown in the format of docs/writing-rules.md."""
        return clean(cls.__doc__)

    @classmethod
    def summary(cls) -> str:
        """The docstring's first paragraph, as one line."""
        return summary_of(cls.__doc__)

    @classmethod
    def documentation(cls) -> RuleDoc:
        """The docstring's sections, the examples filled in from the fixture cases where it has none."""
        return document(cls.code, cls.__doc__)
