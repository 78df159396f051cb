"""The `tieout` command line: argument parsing and dispatch. Each command lives in its own module
(`check`, `facts`, `rules`); they translate arguments into calls to the layers below and print.

The command modules import the pipeline only inside their handlers, so that `tieout --version`, `tieout
rules` and a mistyped option answer without loading the parser (lark) or the engine."""

from __future__ import annotations

import argparse
import sys

from tieout.linter.cli import check, facts, rules
from tieout.linter.cli.usage import Parser, Version, subcommand
from tieout.linter.run.outcome import ExitCode


def build_parser() -> Parser:
    ap = Parser(prog="tieout", description="Lint the figures of Chinese financial and budget reports.")
    ap.add_argument("--version", "-V", action=Version)
    # typed as argparse's own: the command modules add parsers of the class this one is made with (Parser)
    sub: argparse._SubParsersAction[argparse.ArgumentParser] = ap.add_subparsers(dest="command")  # type: ignore[assignment]
    check.add_to(sub)
    facts.add_to(sub)
    rules.add_to(sub)
    return ap


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args, extras = parser.parse_known_args(argv)
        if extras:  # options argparse leaves over belong to the subcommand: its usage, a suggestion
            (subcommand(parser, args.command) or parser).unknown(extras)
    except SystemExit as exc:  # usage errors exit 2, --help and --version 0
        return int(exc.code) if isinstance(exc.code, int) else ExitCode.USAGE
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
