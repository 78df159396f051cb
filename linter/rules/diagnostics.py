"""Diagnostics and checked relations: the linter's public output (see docs for the JSON schema).

Plain slotted dataclasses, made with keyword arguments: a report makes hundreds (every checked relation is
one), and every `tieout check` imports them, so they cost no pydantic at start-up. They are written out
(`data`) and read back from the result cache (`diagnostic_from`, `checked_from`) field by field, in the order
of their fields, the JSON output's."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
Status = Literal["pass", "fail"]  # of a checked relation
# why a finding's severity is not its rule's listed one: a figure of the relation was inferred (the rule
# reports at most a warning then), or the configuration's `severity` set it
SeverityReason = Literal["inferred", "configured"]
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(slots=True, kw_only=True)
class Related:
    """Another place that takes part in a finding: a part, the total, the other mention."""

    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    path: str | None = None  # set when the place is in another file (cross-document findings)


@dataclass(slots=True, kw_only=True)
class Diagnostic:
    """One finding: its rule, severity and message, its place, the figure stated and the one expected, and the places
    it was computed from."""

    code: str
    name: str
    severity: Severity
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    stated: str | None = None
    expected: str | None = None
    related: list[Related] = field(default_factory=list)
    fix: str | None = None  # a replacement for the figure's text, when only one figure can be at fault
    section: list[str] = field(default_factory=list)
    locator: str | None = None  # in a Word/PDF report: 段落 12, 表 3 第 4 行 第 2 列, 第 2 页
    severity_reason: SeverityReason | None = None  # set when `severity` differs from the rule's listed one
    sentence: str = ""  # the normalised sentence, the baseline's key


@dataclass(slots=True, kw_only=True)
class Checked:
    """A relation a check verified, whether it held or not."""

    kind: str
    status: Status
    rule: str
    line: int
    column: int
    end_line: int
    end_column: int
    related: list[Related] = field(default_factory=list)
    name: str | None = None  # which relation, when it has a name (a standard table's identity)


_NAMES = {cls: tuple(f.name for f in fields(cls)) for cls in (Related, Diagnostic, Checked)}


def data(item: Related | Diagnostic | Checked, exclude: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The item as JSON-ready data: every field but `exclude`, in the order of the fields; lists copied."""
    out: dict[str, Any] = {}
    for name in _NAMES[type(item)]:
        if name in exclude:
            continue
        value = getattr(item, name)
        if name == "related":
            value = [data(r) for r in value]
        elif name == "section":
            value = list(value)
        out[name] = value
    return out


def _related(raw: list[dict[str, Any]]) -> list[Related]:
    return [Related(**r) for r in raw]


def diagnostic_from(raw: dict[str, Any]) -> Diagnostic:
    """A diagnostic read back from `data` (a wrong or missing key raises TypeError)."""
    return Diagnostic(**{**raw, "related": _related(raw.get("related", [])), "section": list(raw.get("section", []))})


def checked_from(raw: dict[str, Any]) -> Checked:
    """A checked relation read back from `data`."""
    return Checked(**{**raw, "related": _related(raw.get("related", []))})
