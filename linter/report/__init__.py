"""Reporters: each receives the files' results in order (`file`) and closes the output (`finish`); the
`Reporter` protocol is defined with the results they receive (linter/run/results.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from tieout.linter.report.i18n import Words

if TYPE_CHECKING:  # `tieout check --help` reads FORMATS without importing the rules or the results' models
    from tieout.linter.rules.base import Rule
    from tieout.linter.run.results import Reporter

__all__ = ["FORMATS", "Reporter", "make", "names"]

FORMATS = ("human", "json", "sarif", "github", "junit")


def make(
    fmt: str,
    out: TextIO,
    *,
    colour: bool = False,
    statistics: bool = False,
    quiet: bool = False,
    rules: Sequence[type[Rule]] = (),
    lang: str = "zh",
) -> Reporter:
    """The reporter of a format; `lang` is the language of the words around the findings (report/i18n.py)."""
    words = Words(lang, {r.code: r.severity for r in rules})
    if fmt == "json":
        from tieout.linter.report.json_ import Json

        return Json(out)
    if fmt == "sarif":
        from tieout.linter.report.sarif import Sarif

        return Sarif(out, rules, words)
    if fmt == "github":
        from tieout.linter.report.github import GitHub

        return GitHub(out, words)
    if fmt == "junit":
        from tieout.linter.report.junit import JUnit

        return JUnit(out, words)
    if fmt != "human":
        from tieout.linter.run.plugins import plugins

        extra = plugins().reporters.get(fmt)
        if extra is not None:
            return extra(out)
    from tieout.linter.report.human import Human

    return Human(out, colour=colour, statistics=statistics, quiet=quiet, words=words)


def names() -> list[str]:
    """The built-in formats and those plugins add."""
    from tieout.linter.run.plugins import plugins

    return [*FORMATS, *sorted(plugins().reporters)]
