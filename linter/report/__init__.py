"""Reporters: each receives the files' results in order (`file`) and closes the output (`finish`)."""

from __future__ import annotations

from typing import Protocol, TextIO

from tieout.linter.run.engine import FileResult

FORMATS = ("human", "json", "sarif", "github", "junit")


class Reporter(Protocol):
    def file(self, result: FileResult, text: str) -> None: ...

    def finish(self) -> None: ...


def make(
    fmt: str,
    out: TextIO,
    *,
    colour: bool = False,
    statistics: bool = False,
    quiet: bool = False,
    rules: list | None = None,
) -> Reporter:
    if fmt == "json":
        from tieout.linter.report.json_ import Json

        return Json(out)
    if fmt == "sarif":
        from tieout.linter.report.sarif import Sarif

        return Sarif(out, rules or [])
    if fmt == "github":
        from tieout.linter.report.github import GitHub

        return GitHub(out)
    if fmt == "junit":
        from tieout.linter.report.junit import JUnit

        return JUnit(out)
    if fmt != "human":
        from tieout.linter.run.plugins import plugins

        extra = plugins().reporters.get(fmt)
        if extra is not None:
            return extra(out)
    from tieout.linter.report.human import Human

    return Human(out, colour=colour, statistics=statistics, quiet=quiet)


def names() -> list[str]:
    """The built-in formats and those plugins add."""
    from tieout.linter.run.plugins import plugins

    return [*FORMATS, *sorted(plugins().reporters)]
