"""The `tieout` command line: argument parsing and dispatch. Each command lives in its own module
(`check`, `facts`, `rules`); they translate arguments into calls to the layers below and print.

The command modules import the pipeline only inside their handlers, so that `tieout --version`, `tieout
rules` and a mistyped option answer without loading the parser (lark) or the engine.

Whatever happens, the command ends with one line on stderr and its exit code, never a traceback: an output
that cannot be written (stdout closed or full) is exit 2, a closed pipe (`| head`) a quiet exit, Ctrl-C and
SIGTERM 130 and 143 (linter/run/interrupt.py)."""

from __future__ import annotations

import argparse
import atexit
import os
import sys
from typing import Any, NoReturn, TextIO, cast

from tieout.linter.cli import check, facts, rules
from tieout.linter.cli.usage import Parser, Version, subcommand
from tieout.linter.run.collector import fewer_collections, no_collection_at_exit, starting
from tieout.linter.run.exitcode import ExitCode
from tieout.linter.run.interrupt import Interrupted, install


def build_parser() -> Parser:
    ap = Parser(prog="tieout", description="Lint the figures of Chinese financial and budget reports.")
    ap.add_argument("--version", "-V", action=Version)
    # typed as argparse's own: the command modules add parsers of the class this one is made with (Parser)
    # (prog: the usage before the subcommand, which argparse works out with a help formatter, shutil and all)
    sub: argparse._SubParsersAction[argparse.ArgumentParser] = ap.add_subparsers(dest="command", prog=ap.prog)  # type: ignore[assignment]
    check.add_to(sub)
    facts.add_to(sub)
    rules.add_to(sub)
    return ap


class OutputError(Exception):
    """Standard output cannot be written (closed, full, an I/O error)."""


class ReaderGone(Exception):
    """The reader of standard output has closed it (`tieout check … | head`)."""


class _Output:
    """Standard output, with its write errors told apart from every other OSError (a broken pipe to a worker
    process is no closed stdout)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        try:
            return self.stream.write(text)
        except BrokenPipeError:
            raise ReaderGone from None
        except OSError as exc:
            raise OutputError(exc.strerror or str(exc)) from None

    def flush(self) -> None:
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise ReaderGone from None
        except OSError as exc:
            raise OutputError(exc.strerror or str(exc)) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def _say(line: str) -> None:
    """One line on stderr, if stderr can still be written."""
    try:
        print(f"tieout: {line}", file=sys.stderr, flush=True)
    except (OSError, ValueError, AttributeError):
        pass


def _where(exc: BaseException) -> str:
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    return f"at {os.path.basename(frames[-1].filename)}:{frames[-1].lineno}" if frames else "at an unknown place"


def _discard_output() -> None:
    """Nothing more reaches stdout, not even the interpreter's last flush (which would print a traceback)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno() if sys.__stdout__ is not None else 1)
    except (OSError, ValueError):
        pass


def main(argv: list[str] | None = None) -> int:
    install()
    no_collection_at_exit()
    # the collector off from the parser's building on, while the command loads its pipeline, and no collection
    # of what the command made on the way out (linter/run/collector.py); the innermost `starting` leaves the
    # youngest generation empty before the threshold goes back down
    with fewer_collections(), starting():
        return _command(argv)


def _command(argv: list[str] | None) -> int:
    parser = build_parser()
    try:
        args, extras = parser.parse_known_args(argv)
        if extras:  # options argparse leaves over belong to the subcommand: its usage, a suggestion
            (subcommand(parser, args.command) or parser).unknown(extras)
    except SystemExit as exc:  # usage errors exit 2, --help and --version 0
        return int(exc.code) if isinstance(exc.code, int) else ExitCode.USAGE
    except Interrupted as exc:
        return 128 + exc.signum
    if args.command is None:
        parser.print_help()
        return ExitCode.USAGE
    if sys.stdout is None:  # started with stdout closed (`>&-`)
        _say("cannot write the output: standard output is closed")
        return ExitCode.USAGE
    real = sys.stdout
    sys.stdout = cast(TextIO, _Output(real))
    try:
        code: int = args.handler(args)
        sys.stdout.flush()
    except ReaderGone:  # `tieout check … | head`: the reader has what it wanted
        _discard_output()
        return ExitCode.OK
    except OutputError as exc:
        _discard_output()
        _say(f"cannot write the output: {exc}")
        return ExitCode.USAGE
    except Interrupted as exc:  # outside a run's files (starting, finishing): nothing half-written to report
        _say(f"interrupted ({exc})")
        return 128 + exc.signum
    except Exception as exc:  # a defect of ours outside any one file: one line that says where, exit 2
        _discard_output()
        _say(f"internal error: {type(exc).__name__}: {exc} ({_where(exc)}); please report this")
        return ExitCode.USAGE
    finally:
        sys.stdout = real
    return code


def run() -> NoReturn:
    """The `tieout` process (the console script, `python -m tieout.linter`): the command, then its end."""
    end_process(main())


def end_process(code: int) -> NoReturn:
    """End the process with `code` once all it does is done: the exit functions run (the caches written, the
    collector's freeze) and the standard streams flushed, as Python's own exit does them, and then the process
    ends without the interpreter's teardown, which frees, one by one, every object the command left (the
    modules with their classes and patterns, the parser's tables: a twentieth of a cold `tieout check` of one
    report) for memory the system takes back whole. Where a stream cannot be flushed, Python's own exit
    reports it as it would."""
    atexit._run_exitfuncs()  # (run once: the list is emptied)
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        sys.exit(code)
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
