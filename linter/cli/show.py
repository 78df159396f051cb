"""`tieout check --show-files` and `--show-settings`: what a run would read, and under which settings, as
ruff's options of the same names (to debug an exclusion or a configuration file that is not picked up)."""

from __future__ import annotations

import json
import sys
from typing import Any

from tieout.linter.run.discovery import DEFAULT_EXCLUDE
from tieout.linter.run.exitcode import ExitCode
from tieout.linter.run.selection import enabled
from tieout.linter.run.session import CheckSession


def _errors(session: CheckSession) -> int:
    for err in session.errors:
        print(f"tieout: {err}", file=sys.stderr)
    return ExitCode.USAGE if session.errors else ExitCode.OK


def show_files(session: CheckSession) -> int:
    """The files the run would check, one a line, in the order it checks them."""
    for path in session.files:
        sys.stdout.write(path + "\n")
    return _errors(session)


def _value(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def show_settings(session: CheckSession) -> int:
    """The settings the first file is checked with: each key, where they come from, and the rules they run."""
    from tieout.linter.run.plugins import plugins

    config = session.config
    out = sys.stdout
    out.write(f"Resolved settings for: {session.files[0] if session.files else '.'}\n")
    out.write(f"Settings path: {config.source or 'none (defaults: no configuration file found)'}\n")
    data = config.data()
    if data.get("exclude") is None:
        data["exclude"] = list(DEFAULT_EXCLUDE)
    for key in sorted(data):
        out.write(f"{key.replace('_', '-')} = {_value(data[key])}\n")
    rules = [
        r.code for r in plugins().rules if enabled(r.code, r.name, config.select, config.ignore, config.extend_select)
    ]
    out.write(f"rules run = {_value(rules)}\n")
    return _errors(session)
