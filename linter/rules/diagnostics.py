"""Diagnostics and checked relations: the linter's public output (see docs for the JSON schema)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Severity = Literal["error", "warning", "info"]
Status = Literal["pass", "fail"]  # of a checked relation
# why a finding's severity is not its rule's listed one: a figure of the relation was inferred (the rule
# reports at most a warning then), or the configuration's `severity` set it
SeverityReason = Literal["inferred", "configured"]
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


class Related(BaseModel):
    """Another place that takes part in a finding: a part, the total, the other mention."""

    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    path: str | None = None  # set when the place is in another file (cross-document findings)


class Diagnostic(BaseModel):
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
    related: list[Related] = Field(default_factory=list)
    fix: str | None = None  # a replacement for the figure's text, when only one figure can be at fault
    section: list[str] = Field(default_factory=list)
    locator: str | None = None  # in a Word/PDF report: 段落 12, 表 3 第 4 行 第 2 列, 第 2 页
    severity_reason: SeverityReason | None = None  # set when `severity` differs from the rule's listed one
    sentence: str = ""  # the normalised sentence, the baseline's key


class Checked(BaseModel):
    """A relation a check verified, whether it held or not."""

    kind: str
    status: Status
    rule: str
    line: int
    column: int
    end_line: int
    end_column: int
    related: list[Related] = Field(default_factory=list)
    name: str | None = None  # which relation, when it has a name (a standard table's identity)
