"""The hooks through which checks (and later extractors and reporters) are contributed.

A plugin is any module or object with functions marked `@hookimpl`; register it under the entry-point
group `tieout.checks` in its package metadata. The built-in checks in `checks/` use the same group.
"""

from __future__ import annotations

import pluggy

PROJECT = "tieout"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def tieout_rules() -> list[type]:
    """Return the rule classes (subclasses of `tieout.linter.rules.base.Rule`) this plugin contributes.

    Each rule has a stable `code`, a kebab-case `name`, a default `severity` and a docstring that becomes
    its documentation; `check(ctx)` yields `Diagnostic`s and `Checked` relations for one document.
    """


@hookspec
def tieout_synonyms() -> dict[str, list[str]]:
    """Return extra label synonyms (`canonical: [variant, …]`) that make two wordings one quantity."""


@hookspec
def tieout_reporters() -> dict[str, type]:
    """Return extra output formats: `{name: class}`, the class taking `(out)` and offering `file(result,
    text)` and `finish()` (see linter/reporters/__init__.py); `--format NAME` selects one."""


@hookspec
def tieout_extract(document, facts, labeller) -> None:
    """Add facts after the built-in parser has run: for example mentions of a house-specific wording.

    `document` is the normalised `tieout.linter.text.model.Document`, `facts` the `tieout.linter.facts.model.Facts` to extend
    (append to its lists), `labeller` the run's `tieout.linter.figures.labels.Labeller`.
    """
