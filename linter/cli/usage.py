"""Usage errors as ruff's and git's: one line naming the mistake, with the nearest valid spelling.

argparse says `unrecognized arguments: --selct` at the top level, without the subcommand's usage or a
suggestion, and `invalid choice` without the nearest choice; this parser adds both.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from typing import Any, NoReturn, cast


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """ "; did you mean X?" for the nearest candidate, or ""."""
    import difflib  # only for a mistake: not on the start of every command

    near = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"; did you mean {near[0]!r}?" if near else ""


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors suggest the option or choice that was probably meant.

    argparse checks each argument it is given with a help formatter (`add_argument`: the metavar against the
    number of values), and a help formatter asks the terminal for its width, through shutil (importing it, with
    bz2 and lzma: about 1.5 ms of every start). The formatters made for that check, which format no text, are
    given a width; those that format help and usage ask the terminal as before."""

    _checking = False  # within `add_argument`

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        self._checking = True
        try:
            return super().add_argument(*args, **kwargs)
        finally:
            self._checking = False

    def _get_formatter(self) -> argparse.HelpFormatter:
        if self._checking:
            formatter: Any = self.formatter_class  # (argparse's classes take a width; its stubs do not say so)
            return cast(argparse.HelpFormatter, formatter(prog=self.prog, width=80))
        return super()._get_formatter()

    def error(self, message: str) -> NoReturn:
        # one line for the mistake and a pointer to the help, as ruff prints, not the whole usage
        self.exit(2, f"{self.prog}: error: {message}\nFor more information, try '{self.prog} --help'.\n")

    def options(self) -> list[str]:
        return [s for s in self._option_string_actions if s.startswith("--")]

    def unknown(self, extras: Sequence[str]) -> NoReturn:
        """Exit on arguments this (sub)command does not take, suggesting its nearest option."""
        first = extras[0]
        hint = did_you_mean(first.split("=", 1)[0], self.options()) if first.startswith("-") else ""
        noun = "option" if first.startswith("-") else "argument"
        self.error(f"unrecognized {noun} {first!r}{hint}")

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        if action.choices is not None and value not in action.choices:
            choices = [str(c) for c in action.choices]
            hint = did_you_mean(str(value), choices)
            raise argparse.ArgumentError(action, f"invalid choice: {value!r}{hint} (choose from {', '.join(choices)})")


def subcommand(parser: argparse.ArgumentParser, name: str | None) -> Parser | None:
    """The parser of subcommand `name`."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and name in action.choices:
            sub = action.choices[name]
            return sub if isinstance(sub, Parser) else None
    return None


class Version(argparse.Action):
    """`--version`: the installed distribution's version, looked up only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help="print the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: Any) -> NoReturn:
        from importlib.metadata import PackageNotFoundError, version

        try:
            v = version("tieout")
        except PackageNotFoundError:  # run from a source tree without installing
            v = "unknown (not installed)"
        sys.stdout.write(f"tieout {v}\n")  # on stdout, as `ruff --version` prints it
        parser.exit(0)
