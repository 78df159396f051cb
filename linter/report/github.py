"""GitHub Actions workflow commands: one `::error file=…,line=…,col=…::message` line per finding."""

from __future__ import annotations

from typing import TextIO

from tieout.linter.run.results import FileResult

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


class GitHub:
    def __init__(self, out: TextIO) -> None:
        self.out = out

    def file(self, result: FileResult, text: str) -> None:
        for d in result.diagnostics:
            props = (
                f"file={_escape(d.path, True)},line={d.line},col={d.column},endLine={d.end_line},"
                f"endColumn={d.end_column},title={_escape(f'{d.code} {d.name}', True)}"
            )
            self.out.write(f"::{LEVEL[d.severity]} {props}::{_escape(f'{d.code} {d.message}')}\n")

    def finish(self) -> None:
        pass
