"""The exit codes of `tieout`, apart from what a run leaves to print (outcome.py): `tieout rules`, `--version`
and a usage error need no dataclasses, nor the rest of the run's modules."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """The exit codes of `tieout`, as ruff's: findings are 1, anything the user must fix in the call is 2."""

    OK = 0
    FINDINGS = 1  # a finding at or above the failing severity
    USAGE = 2  # a bad argument, configuration or baseline, a file that could not be read or written, an output error
    INTERRUPTED = 130  # Ctrl-C (SIGINT); SIGTERM ends with 143: 128 + the signal's number, as shells do
