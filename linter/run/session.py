"""One `tieout check` run: which files, under which configuration and baseline, in what order their results
reach the reporter, the cross-document comparison, progress, and the exit code.

The command line turns its arguments into a `CheckRequest` and makes the reporter; this module does the
rest and hands back an `Outcome` (the errors to print and the exit code). Reporters are made by the caller
because they belong to the layer above (`linter/report/`); a session sees them only as `Reporter`s
(linter/run/results.py).
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, TextIO

from tieout.linter.figures.exact import exact
from tieout.linter.rules.diagnostics import SEVERITY_RANK, Diagnostic
from tieout.linter.run.batch import Options, config_for, run
from tieout.linter.run.codes import known_rules
from tieout.linter.run.config import Config, ConfigError
from tieout.linter.run.discovery import find
from tieout.linter.run.interrupt import Interrupted, deferred
from tieout.linter.run.outcome import Outcome
from tieout.linter.run.pageprogress import PageProgress
from tieout.linter.run.progress import Progress
from tieout.linter.run.results import FileResult, Reporter
from tieout.linter.run.selection import enabled
from tieout.linter.text.progress import listening

if TYPE_CHECKING:  # (a baseline's module is imported where a baseline is read or written only)
    from tieout.linter.run import baseline as baselines


def _writable(target: str) -> str | None:
    """Why `target` cannot be written (files.py), for --write-baseline and --annotate: imported for them only."""
    from tieout.linter.run.files import writable_target

    return writable_target(target)


class UsageError(Exception):
    """A request that cannot run (configuration, baseline, --annotate); one line for stderr."""


@dataclass(slots=True)
class CheckRequest:
    """What `tieout check` was asked to do, free of argparse."""

    paths: list[str]
    overrides: dict[str, object] = field(default_factory=dict)  # settings given on the command line
    config_path: str | None = None
    stdin_filename: str | None = None
    baseline: str | None = None  # report only findings not in this baseline
    write_baseline: str | None = None  # write the findings here instead of reporting them
    annotate: str | None = None  # a Word copy with comments is written; the session checks its input
    annotate_in_place: bool = False  # the copy may replace the report itself
    exit_zero: bool = False
    jobs: int | None = None  # None: one worker per core for a batch large enough (batch.auto_jobs)
    cache: bool = False  # results of unchanged files from the result cache (the command line's default: on)
    progress: bool = True  # a counter on stderr, when it is a terminal and the batch is long
    # whether the reporter shows source lines: only then do held results (--cross-document) keep their text
    wants_text: bool = True


class CheckSession:
    """A prepared run: files expanded, the run's configuration and the baseline loaded.

    Raises `UsageError` when the request cannot run; files that cannot be read are not errors here but
    lines of the outcome, since the other files are still checked.
    """

    def __init__(self, request: CheckRequest, err: TextIO | None = None) -> None:
        self.request = request
        self.err = err if err is not None else sys.stderr
        if request.write_baseline and (why := _writable(request.write_baseline)):
            raise UsageError(f"--write-baseline {why}")
        self.options = Options(
            overrides={k: v for k, v in request.overrides.items() if v is not None},
            config_path=request.config_path,
            stdin_filename=request.stdin_filename,
            cache=request.cache,
        )
        known = known_rules()
        for option in ("select", "ignore", "extend_select"):
            selectors = self.options.overrides.get(option)
            where = "--" + option.replace("_", "-")
            problem = known.first_problem(selectors, where) if isinstance(selectors, list) else None
            if problem is not None:
                raise UsageError(problem)
        try:
            found = find(request.paths, {arg: config_for(arg, self.options) for arg in request.paths})
            self.files, self.errors, self.excluded = found.files, found.errors, found.excluded
            # the settings of the run as a whole (fail-on, cross-document) come from the first file's config
            self.config: Config = config_for(self.files[0] if self.files else ".", self.options)
        except ConfigError as exc:
            raise UsageError(str(exc)) from None
        if request.annotate:
            self._check_annotate(request.annotate, request.annotate_in_place)
        self.cross = bool(self.config.cross_document)
        if self.cross:  # each report's figures are summarised for the comparison
            self.options = replace(self.options, summarise=True)
        self.known: Counter[baselines.Key] | None = None
        if request.baseline:
            from tieout.linter.run import baseline  # (read then only: a run without one starts lean)

            try:
                self.known = baseline.load(request.baseline)
            except (OSError, ValueError, KeyError) as exc:
                raise UsageError(f"baseline {request.baseline}: {exc}") from None
        self.threshold = SEVERITY_RANK[self.config.fail_on]

    def _check_annotate(self, target: str, in_place: bool) -> None:
        """--annotate: one .docx report, a target that can be written and is not the report itself (however
        spelled: the same file is the same inode) unless --annotate-in-place says so."""
        if len(self.files) != 1 or not self.files[0].lower().endswith(".docx"):
            raise UsageError("--annotate takes exactly one .docx report")
        if why := _writable(target):
            raise UsageError(f"--annotate {why}")
        try:
            same = os.path.samefile(self.files[0], target)
        except OSError:  # the target does not exist yet (or the report does not: reported as its error)
            same = False
        if same and not in_place:
            raise UsageError(
                f"--annotate {target} is the report itself; write the copy elsewhere, or add --annotate-in-place"
            )

    def run(self, reporter: Reporter | None, after: Callable[[FileResult], None] | None = None) -> Outcome:
        """Check every file and give each result, in the order of the files, to `reporter` (None when
        writing a baseline), then to `after` (the command line's --annotate)."""
        outcome = Outcome(errors=list(self.errors), exit_zero=self.request.exit_zero)
        everything: list[Diagnostic] = []  # with --write-baseline
        held: list[tuple[FileResult, str]] = []  # with --cross-document, results wait for all reports

        def emit(result: FileResult, text: str) -> None:
            if reporter is None:
                everything.extend(result.diagnostics)
            else:
                reporter.file(result, text)
            outcome.failing |= any(SEVERITY_RANK[d.severity] >= self.threshold for d in result.diagnostics)
            outcome.reported += 1
            if after is not None:
                after(result)

        progress = Progress.on(self.err, len(self.files), self.request.progress)
        jobs = self.request.jobs  # None: batch.auto_jobs decides, from the files the cache does not hold
        results = run(self.files, self.options, jobs)
        # one file is checked in this process: a long PDF shows its pages
        pages = PageProgress.on(self.err, self.files[0], self.request.progress) if len(self.files) == 1 else None
        try:
            ordered: Iterable[tuple[FileResult, str]] = results
            if pages is not None:
                with listening(pages):
                    ordered = list(results)
            for result, text in ordered:
                progress.step()
                outcome.notes.extend(result.notes)
                if result.error:
                    outcome.errors.append(result.error)
                    continue
                outcome.errors.extend(result.problems)  # e.g. a suppression naming no rule: exit 2, findings stand
                if self.known is not None:
                    from tieout.linter.run import baseline  # (imported by the session's start already)

                    result.diagnostics = baseline.subtract(result.diagnostics, self.known)
                if self.cross:
                    held.append((result, text if self.request.wants_text else ""))
                else:
                    with deferred():  # a signal stops the run after this file's output, never inside it
                        emit(result, text)
            if self.cross:
                with exact():
                    self._compare(held)
                for result, text in held:
                    with deferred():
                        emit(result, text)
        except Interrupted as exc:
            # the files reported so far stay (whole); the rest, the comparison and the baseline are not done
            outcome.interrupted = exc.signum
            outcome.errors.append(f"interrupted ({exc}): {outcome.reported} of {len(self.files)} files reported")
            return outcome
        finally:
            results.close()  # stops the workers when the run ends early
            if pages is not None:
                pages.done()
            progress.done()
        if self.request.write_baseline is not None:
            from tieout.linter.run import baseline  # (written then only: a run without one starts lean)

            try:
                outcome.baseline_written = baseline.write(self.request.write_baseline, everything)
            except OSError as exc:
                outcome.errors.append(f"{self.request.write_baseline}: cannot write the baseline ({exc.strerror})")
        return outcome

    def _compare(self, held: list[tuple[FileResult, str]]) -> None:
        """Add the cross-document findings (those the selection keeps) and relations to the held results (its module
        imported for --cross-document only: a run without it starts lean, tests/test_lean_start.py)."""
        from tieout.linter.run.crossdoc import compare

        diags, checked = compare([r.summary for r, _ in held if r.summary is not None])
        c = self.config
        for result, _ in held:
            found = diags.get(result.path, [])
            result.diagnostics.extend(d for d in found if enabled(d.code, d.name, c.select, c.ignore, c.extend_select))
            result.checked.extend(checked.get(result.path, []))
