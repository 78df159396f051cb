"""How a command ends: its exit code, and what a `check` run leaves for the command line to print."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class ExitCode(IntEnum):
    """The exit codes of `tieout`, as ruff's: findings are 1, anything the user must fix in the call is 2."""

    OK = 0
    FINDINGS = 1  # a finding at or above the failing severity
    USAGE = 2  # a bad argument, configuration or baseline, or a file that could not be read


@dataclass(slots=True)
class Outcome:
    """The end of a `check` run, for the command line to print (the reporter has had every result)."""

    errors: list[str] = field(default_factory=list)  # one line per file or argument that could not be used
    failing: bool = False  # some finding is at or above the failing severity
    exit_zero: bool = False  # --exit-zero: findings do not fail the run
    baseline_written: int | None = None  # findings written with --write-baseline

    @property
    def exit_code(self) -> ExitCode:
        if self.errors:
            return ExitCode.USAGE
        if self.baseline_written is not None or not self.failing or self.exit_zero:
            return ExitCode.OK
        return ExitCode.FINDINGS
