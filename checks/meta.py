"""Codes the core emits, documented like rules so that they can be listed, explained and selected."""

from __future__ import annotations

from collections.abc import Iterable

from tieout.linter.rules.base import Result, Rule
from tieout.linter.rules.hooks import hookimpl


class CrossDocumentFigure(Rule):
    """A figure that several reports of one entity and year restate differs between them (`--cross-document`).

    Reports are grouped by the entity and year their titles name (`2022年度广州市医疗保障局…`); within a
    group, a label stated in two reports (same unit, period and total) must carry the same value. The finding
    names the other reports and lines; `related` places carry their file's `path`.
    """

    code = "TO207"
    name = "cross-document-figure"
    severity = "warning"
    kind = "cross_ref"
    fixture_cases = False  # needs several files: tests/test_batch.py

    def check(self) -> Iterable[Result]:
        return ()  # the batch runner compares the reports' summaries (linter/crossdoc.py)


class InternalError(Rule):
    """A check raised an exception on this file; the other checks and files were still run.

    Please report it with the file (or the sentence) that triggers it.
    """

    code = "TO900"
    name = "internal-error"
    severity = "error"
    kind = "internal"
    fixture_cases = False

    def check(self) -> Iterable[Result]:
        return ()


class UnusedSuppression(Rule):
    """An inline `<!-- tieout: ignore[…] -->` that silences no finding; remove it."""

    code = "TO901"
    name = "unused-suppression"
    severity = "info"
    kind = "suppression"
    fixture_cases = False

    def check(self) -> Iterable[Result]:
        return ()


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [CrossDocumentFigure, InternalError, UnusedSuppression]
