"""The hooks through which plugins contribute checks, label synonyms, output formats and extra facts.

A plugin is any module or object with functions marked `@hookimpl`; register it under the entry-point
group `tieout.checks` in its package metadata. The built-in checks in `checks/` use the same group.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

import pluggy

if TYPE_CHECKING:
    from tieout.linter.facts.model import Facts
    from tieout.linter.figures.labels import Labeller
    from tieout.linter.rules.base import Rule
    from tieout.linter.text.model import Document

PROJECT = "tieout"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def tieout_rules() -> list[type[Rule]]:  # type: ignore[empty-body]  # a specification, never called
    """Return the rule classes (subclasses of `tieout.linter.rules.base.Rule`) this plugin contributes.

    Each rule has a stable `code`, a kebab-case `name`, a default `severity` and a docstring that becomes
    its documentation (docs/writing-rules.md); `check()` yields `Diagnostic`s and `Checked` relations for
    the document of its `self.ctx`.
    """


@hookspec
def tieout_synonyms() -> dict[str, list[str]]:  # type: ignore[empty-body]
    """Return extra label synonyms (`canonical: [variant, …]`) that make two wordings one quantity."""


@hookspec
def tieout_reporters() -> dict[str, Callable[[TextIO], Any]]:  # type: ignore[empty-body]
    """Return extra output formats: `{name: class}`, the class taking `(out)` and offering `file(result,
    text)` and `finish()` (the `Reporter` protocol of linter/run/results.py); `--format NAME` selects one."""


@hookspec
def tieout_extract(document: Document, facts: Facts, labeller: Labeller) -> None:
    """Add facts after the built-in parser has run: for example mentions of a house-specific wording.

    `document` is the normalised `tieout.linter.text.model.Document`, `facts` the
    `tieout.linter.facts.model.Facts` to extend (append to its lists), `labeller` the run's
    `tieout.linter.figures.labels.Labeller`.
    """
