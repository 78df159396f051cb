"""GitHub Actions workflow commands: one `::error file=…,line=…,col=…::message` line per finding.

A Word or PDF report is a binary file: a line number would point into its bytes, so its findings are
file-level annotations (no line) whose title and message carry the locator (段落 12, 表 3 第 4 行, 第 2 页)."""

from __future__ import annotations

from typing import TextIO

from tieout.linter.report.i18n import Words, rendered
from tieout.linter.run.results import FileResult

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


class GitHub:
    def __init__(self, out: TextIO, words: Words | None = None) -> None:
        self.out = out
        self.words = words or Words()

    def file(self, result: FileResult, text: str) -> None:
        binary = rendered(result)
        for d in result.diagnostics:
            title = f"{d.code} {d.name}" + (f" {d.locator}" if binary and d.locator else "")
            where = f"file={_escape(d.path, True)}"
            if not binary:
                where += f",line={d.line},col={d.column},endLine={d.end_line},endColumn={d.end_column}"
            message = f"{d.code} {self.words.message(d)}"
            self.out.write(f"::{LEVEL[d.severity]} {where},title={_escape(title, True)}::{_escape(message)}\n")

    def finish(self) -> None:
        pass
