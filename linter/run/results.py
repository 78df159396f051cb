"""What a run produces for each file (`FileResult`), and what receives the results in order (`Reporter`,
the protocol the reporters of linter/report/ and of plugins implement)."""

from __future__ import annotations

from typing import Protocol

from pydantic import BaseModel, Field, SkipValidation
from tieout.linter.rules.diagnostics import Checked, Diagnostic
from tieout.linter.run.crossdoc import Summary


class FileResult(BaseModel):
    """One file's findings and checked relations; a pydantic model because reporters of plugins receive it
    and the JSON output is made from it."""

    path: str
    encoding: str = ""
    diagnostics: list[Diagnostic] = Field(default_factory=list)
    checked: list[Checked] = Field(default_factory=list)
    # sentences with two or more figures that no relation uses: what tieout read but did not understand
    not_understood: int = 0
    error: str | None = None  # an input error: one line for stderr
    # mistakes in the file's own directives (a suppression naming no rule): lines for stderr that make the run
    # exit 2 while the file's findings are still reported
    problems: list[str] = Field(default_factory=list)
    # the report's figures for --cross-document; internal, never validated or written out
    summary: SkipValidation[Summary | None] = Field(default=None, exclude=True)


class Reporter(Protocol):
    """Receives each file's result in the order of the files (`file`), then closes its output (`finish`).

    `text` is the text the file was read as, for showing source lines ("" where the run did not keep it)."""

    def file(self, result: FileResult, text: str) -> None: ...

    def finish(self) -> None: ...
