"""How a command ends: its exit code, and what a `check` run leaves for the command line to print."""

from __future__ import annotations

from dataclasses import dataclass, field

from tieout.linter.run.exitcode import ExitCode

__all__ = ["ExitCode", "Outcome"]  # ExitCode: imported from here by the tests and the run


@dataclass(slots=True)
class Outcome:
    """The end of a `check` run, for the command line to print (the reporter has had every result)."""

    errors: list[str] = field(default_factory=list)  # one line per file or argument that could not be used
    notes: list[str] = field(default_factory=list)  # lines for stderr that do not fail the run
    failing: bool = False  # some finding is at or above the failing severity
    exit_zero: bool = False  # --exit-zero: findings do not fail the run
    baseline_written: int | None = None  # findings written with --write-baseline
    reported: int = 0  # files whose result reached the reporter
    interrupted: int = 0  # the signal that stopped the run, if one did

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return 128 + self.interrupted
        if self.errors:
            return ExitCode.USAGE
        if self.baseline_written is not None or not self.failing or self.exit_zero:
            return ExitCode.OK
        return ExitCode.FINDINGS
