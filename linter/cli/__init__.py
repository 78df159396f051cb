"""The `tieout` command line: argument parsing and dispatch. Each command lives in its own module
(`check`, `facts`, `rules`); they translate arguments into calls to the layers below and print."""

from __future__ import annotations

import argparse
import sys

from tieout.linter.cli import check, facts, rules
from tieout.linter.run.outcome import ExitCode


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="tieout", description="Lint the figures of Chinese financial and budget reports.")
    sub = ap.add_subparsers(dest="command")
    check.add_to(sub)
    facts.add_to(sub)
    rules.add_to(sub)
    return ap


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return ExitCode.USAGE
    try:
        code: int = args.handler(args)
    except BrokenPipeError:  # `tieout check … | head`
        return ExitCode.OK
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
