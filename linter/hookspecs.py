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
    """Return the rule classes (subclasses of `linter.rules.Rule`) this plugin contributes.

    Each rule has a stable `code`, a kebab-case `name`, a default `severity` and a docstring that becomes
    its documentation; `check(ctx)` yields `Diagnostic`s and `Checked` relations for one document.
    """


@hookspec
def tieout_synonyms() -> dict[str, list[str]]:
    """Return extra label synonyms (`canonical: [variant, …]`) that make two wordings one quantity."""
