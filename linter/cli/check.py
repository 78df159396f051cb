"""`tieout check`: the arguments of a run, translated into a `CheckRequest` for `linter/run/session.py`.

The pipeline is imported inside `cmd_check` only: building the parser must stay cheap (linter/cli/__init__.py)."""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from tieout.linter.cli import terminal
from tieout.linter.cli.usage import did_you_mean
from tieout.linter.run.exitcode import ExitCode

if TYPE_CHECKING:
    from tieout.linter.report import Reporter
    from tieout.linter.run.results import FileResult
    from tieout.linter.run.session import CheckRequest

BUILT_IN_FORMATS = "human, json, sarif, github, junit"  # linter/report FORMATS, without importing it


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _megabytes(value: str) -> float:
    """A size in MB: a positive, finite number (`nan`, `inf`, `0` are refused by argparse, exit 2)."""
    try:
        mb = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of MB: {value!r}") from None
    if not math.isfinite(mb) or mb <= 0:
        raise argparse.ArgumentTypeError(f"not a positive number of MB: {value!r}")
    return mb


def add_to(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = sub.add_parser("check", help="check report files and folders")
    check.set_defaults(handler=cmd_check)
    check.add_argument("paths", nargs="*", default=["."], help="files, folders, or - for stdin")
    check.add_argument("--format", default="human", help=f"{BUILT_IN_FORMATS}, or one a plugin adds (default human)")
    check.add_argument("--select", type=_csv, help="rules to run, by code, name or prefix (comma-separated)")
    check.add_argument("--extend-select", type=_csv, help="rules to add to the selection")
    check.add_argument("--ignore", type=_csv, help="rules to skip")
    check.add_argument(
        "--fail-on", choices=["error", "warning", "info"], help="lowest severity that fails (default warning)"
    )
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--statistics", action="store_true", help="count findings per rule and severity")
    check.add_argument("--quiet", "-q", action="store_true", help="findings only, no source or summary")
    check.add_argument("--stdin-filename", help="the path to report for input read from -")
    check.add_argument("--config", help="configuration file (default: nearest tieout.yaml/.tieout.yaml/pyproject.toml)")
    check.add_argument("--max-file-size", type=_megabytes, help="largest file to read, in MB")
    check.add_argument(
        "--jobs", "-j", type=int, help="worker processes (default: one per core for a batch large enough to pay)"
    )
    check.add_argument(
        "--cache",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="reuse the results of unchanged files, kept in the user's cache folder (TIEOUT_CACHE_DIR moves it); "
        "--no-cache checks every file afresh",
    )
    check.add_argument(
        "--cross-document",
        action="store_true",
        default=None,
        help="compare the figures that reports of one entity and year restate",
    )
    check.add_argument("--baseline", help="report only findings not in this baseline file")
    check.add_argument("--write-baseline", metavar="FILE", help="write the current findings as a baseline and exit 0")
    check.add_argument(
        "--annotate",
        metavar="OUT.docx",
        help="with one .docx report: write a copy with each finding as a Word comment on its figure",
    )
    check.add_argument(
        "--annotate-in-place", action="store_true", help="let --annotate replace the report itself with its copy"
    )
    check.add_argument(
        "--exclude", type=_csv, metavar="GLOBS", help="files and folders not to check (replaces the defaults)"
    )
    check.add_argument("--extend-exclude", type=_csv, metavar="GLOBS", help="more files and folders not to check")
    check.add_argument(
        "--force-exclude",
        action="store_true",
        default=None,
        help="apply the exclusions to files named on the command line too (as the pre-commit hook does)",
    )
    check.add_argument("--show-files", action="store_true", help="list the files that would be checked, and exit")
    check.add_argument(
        "--show-settings", action="store_true", help="print the resolved settings and where they come from, and exit"
    )
    check.add_argument(
        "--color",
        choices=terminal.CHOICES,
        default="auto",
        help="colour the output (auto: on a terminal, unless NO_COLOR)",
    )
    check.add_argument("--no-color", action="store_const", const="never", dest="color", help="same as --color never")
    check.add_argument(
        "--lang",
        choices=["zh", "en"],
        help="language of the words around the findings (severities, summary); default zh, or $TIEOUT_LANG",
    )
    check.add_argument("--no-progress", action="store_true", help="no progress on stderr")


def request(args: argparse.Namespace) -> CheckRequest:
    from tieout.linter.run.session import CheckRequest

    return CheckRequest(
        paths=args.paths,
        overrides={  # None: not given, the configuration files decide
            "select": args.select,
            "ignore": args.ignore,
            "extend_select": args.extend_select,
            "fail_on": args.fail_on,
            "max_file_size_mb": args.max_file_size,
            "cross_document": args.cross_document,
            "exclude": args.exclude,
            "extend_exclude": args.extend_exclude,
            "force_exclude": args.force_exclude,
        },
        config_path=args.config,
        stdin_filename=args.stdin_filename,
        baseline=args.baseline,
        write_baseline=args.write_baseline,
        annotate=args.annotate,
        annotate_in_place=args.annotate_in_place,
        exit_zero=args.exit_zero,
        jobs=args.jobs,
        cache=args.cache,
        progress=not args.no_progress,
        wants_text=args.format == "human",
    )


def cmd_check(args: argparse.Namespace) -> int:
    from tieout.linter.classcode import kept

    with kept():  # the pipeline's dataclasses compiled once per Python build, not at every start
        return _check(args)


def _check(args: argparse.Namespace) -> int:
    from tieout.linter.report import names
    from tieout.linter.run.session import CheckSession, UsageError

    if args.format not in names():
        hint = did_you_mean(args.format, names())
        print(f"tieout: unknown format {args.format!r}{hint} (choose from {', '.join(names())})", file=sys.stderr)
        return ExitCode.USAGE
    try:
        session = CheckSession(request(args))
    except UsageError as exc:
        print(f"tieout: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    if args.show_files or args.show_settings:
        from tieout.linter.cli.show import show_files, show_settings

        return show_files(session) if args.show_files else show_settings(session)
    if not session.files and not session.errors:  # everything named was excluded (pre-commit on a README)
        print(f"tieout: no reports to check: {len(session.excluded)} excluded (see --show-settings)", file=sys.stderr)
        return ExitCode.OK
    reporter = _reporter(args)
    failed: list[str] = []  # a copy that could not be written
    outcome = session.run(reporter, _annotator(args.annotate, _language(args), failed) if args.annotate else None)
    outcome.errors.extend(failed)
    if outcome.baseline_written is not None:
        n = outcome.baseline_written
        print(f"tieout: wrote {n} finding{'s' if n != 1 else ''} to {args.write_baseline}", file=sys.stderr)
    elif reporter is not None:
        reporter.finish()  # also when interrupted: the files reported so far, in a well-formed output
    for line in [*outcome.notes, *outcome.errors]:
        print(f"tieout: {line}", file=sys.stderr)
    return outcome.exit_code


def _language(args: argparse.Namespace) -> str:
    from tieout.linter.report.i18n import language

    return language(args.lang)


def _reporter(args: argparse.Namespace) -> Reporter | None:
    """The reporter of --format; none when writing a baseline (a reporter may write as soon as it is made)."""
    from tieout.linter.report import make
    from tieout.linter.run.plugins import plugins

    if args.write_baseline is not None:
        return None
    return make(
        args.format,
        sys.stdout,
        colour=terminal.use_colour(args.color, sys.stdout, os.environ),
        statistics=args.statistics,
        quiet=args.quiet,
        rules=plugins().rules,
        lang=_language(args),
    )


def _annotator(out_path: str, lang: str, failed: list[str]) -> Callable[[FileResult], None]:
    """--annotate: after its result is reported, the one .docx report is copied with the findings as comments
    (written whole or not at all: a failure leaves `out_path` as it was and is one line in `failed`)."""

    def annotate_copy(result: FileResult) -> None:
        from tieout.linter.report.annotate import annotate
        from tieout.linter.report.i18n import Words
        from tieout.linter.run.plugins import plugins
        from tieout.linter.text.reading import InputError, read_path

        words = Words(lang, {r.code: r.severity for r in plugins().rules})
        try:
            n = annotate(result.path, out_path, read_path(result.path).rendering, result.diagnostics, words)
        except (OSError, InputError) as exc:
            failed.append(f"{out_path}: cannot write the annotated copy ({getattr(exc, 'strerror', None) or exc})")
            return
        print(f"tieout: wrote {out_path} with {n} comment{'s' if n != 1 else ''}", file=sys.stderr)

    return annotate_copy
