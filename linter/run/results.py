"""What a run produces for each file (`FileResult`), and what receives the results in order (`Reporter`,
the protocol the reporters of linter/report/ and of plugins implement)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from tieout.linter.rules.diagnostics import Checked, Diagnostic, checked_from, data, diagnostic_from

if TYPE_CHECKING:  # (a summary's module is imported for --cross-document only, which makes one)
    from tieout.linter.run.crossdoc import Summary


@dataclass(slots=True, kw_only=True)
class FileResult:
    """One file's findings and checked relations, as reporters (plugins' too) receive it. A plain dataclass:
    every run makes one per file, and the JSON output and the result cache write it out (`data`)."""

    path: str
    encoding: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    checked: list[Checked] = field(default_factory=list)
    # sentences with two or more figures that no relation uses: what tieout read but did not understand
    not_understood: int = 0
    error: str | None = None  # an input error: one line for stderr
    notes: list[str] = field(default_factory=list)  # lines for stderr that are no error (NUL bytes); not written out
    # mistakes in the file's own directives (a suppression naming no rule): lines for stderr that make the run
    # exit 2 while the file's findings are still reported
    problems: list[str] = field(default_factory=list)
    # the report's figures for --cross-document; internal, never written out
    summary: Summary | None = None

    def data(self) -> dict[str, Any]:
        """The result as JSON-ready data, without `notes` and `summary` (what the result cache keeps)."""
        return {
            "path": self.path,
            "encoding": self.encoding,
            "diagnostics": [data(d) for d in self.diagnostics],
            "checked": [data(c) for c in self.checked],
            "not_understood": self.not_understood,
            "error": self.error,
            "problems": list(self.problems),
        }

    @classmethod
    def from_data(cls, raw: dict[str, Any]) -> FileResult:
        """A result read back from `data` (a wrong or missing key raises TypeError or KeyError)."""
        return cls(
            path=raw["path"],
            encoding=raw["encoding"],
            diagnostics=[diagnostic_from(d) for d in raw["diagnostics"]],
            checked=[checked_from(c) for c in raw["checked"]],
            not_understood=raw["not_understood"],
            error=raw["error"],
            problems=list(raw["problems"]),
        )


class Reporter(Protocol):
    """Receives each file's result in the order of the files (`file`), then closes its output (`finish`).

    `text` is the text the file was read as, for showing source lines ("" where the run did not keep it)."""

    def file(self, result: FileResult, text: str) -> None: ...

    def finish(self) -> None: ...
