"""`tieout facts`: print what the parser understood of one report (a tool for writing checks and cases)."""

from __future__ import annotations

import argparse
import sys

from tieout.linter.run.exitcode import ExitCode


def add_to(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    facts = sub.add_parser("facts", help="print what the parser understood of a report")
    facts.set_defaults(handler=cmd_facts)
    facts.add_argument("path")
    facts.add_argument("--format", choices=["human", "json"], default="human")
    facts.add_argument("--verbose", "-v", action="store_true", help="list sentences with figures but no relation")


def cmd_facts(args: argparse.Namespace) -> int:
    # the pipeline is imported here, not at the top: building the parser must stay cheap
    from tieout.linter.report.facts import FactLines, write_json
    from tieout.linter.run.config import Config
    from tieout.linter.run.engine import analyse
    from tieout.linter.text.reading import InputError, read_path

    try:
        source = read_path(args.path)
    except InputError as exc:
        print(f"tieout: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    try:
        doc, facts = analyse(source, Config())
    except Exception as exc:  # a defect of ours on this file: one line, as `check` gives a TO900
        print(
            f"tieout: {args.path}: could not be analysed ({type(exc).__name__}: {exc}); please report it",
            file=sys.stderr,
        )
        return ExitCode.USAGE
    if args.format == "json":
        write_json(sys.stdout, facts)
    else:
        FactLines(sys.stdout, doc).write(source.path, facts, args.verbose)
    return ExitCode.OK
