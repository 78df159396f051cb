"""Whether to colour the output, as https://no-color.org and https://force-color.org ask: `--color
always|never` first, then NO_COLOR (set and not empty: no colour), then FORCE_COLOR (set and not empty nor
0/false: colour even into a pipe, as CI logs want), else colour on a terminal only."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TextIO

CHOICES = ("auto", "always", "never")


def use_colour(choice: str, stream: TextIO, environ: Mapping[str, str]) -> bool:
    if choice in ("always", "never"):
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    force = environ.get("FORCE_COLOR")
    if force is not None and force != "":
        return force.strip().lower() not in ("0", "false", "no")
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
