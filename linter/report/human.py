"""Human output in the style of ruff: location, code, message, the source line with carets under the
figure (padded by display width: CJK characters are two columns), related places, a closing count."""

from __future__ import annotations

import unicodedata
from collections import Counter
from typing import TextIO

from tieout.linter.report.i18n import Words
from tieout.linter.rules.diagnostics import Diagnostic
from tieout.linter.run.results import FileResult

COLOURS = {
    "error": "\033[31m",
    "warning": "\033[33m",
    "info": "\033[36m",
    "bold": "\033[1m",
    "dim": "\033[2m",
    "reset": "\033[0m",
}
WINDOW = 36  # characters of context either side of the figure on long lines


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class Human:
    def __init__(
        self,
        out: TextIO,
        colour: bool = False,
        show_source: bool = True,
        statistics: bool = False,
        quiet: bool = False,
        words: Words | None = None,
    ) -> None:
        self.out = out
        self.colour = colour
        self.show_source = show_source
        self.statistics = statistics
        self.quiet = quiet
        self.words = words or Words()
        self.counts: Counter[str] = Counter()  # findings per severity
        self.rules: Counter[tuple[str, str, str]] = Counter()  # findings per (code, name, severity)
        self.files = 0
        self.checked = 0  # relations recomputed
        self.not_understood = 0  # sentences with figures no relation used

    def c(self, key: str, text: str) -> str:
        return f"{COLOURS[key]}{text}{COLOURS['reset']}" if self.colour else text

    def file(self, result: FileResult, text: str) -> None:
        self.files += 1
        self.checked += len(result.checked)
        self.not_understood += result.not_understood
        for d in result.diagnostics:
            self.counts[d.severity] += 1
            self.rules[d.code, d.name, d.severity] += 1
        if self.statistics:
            return
        lines = text.split("\n")
        for d in result.diagnostics:
            self.diagnostic(d, lines, self.quiet)

    def finish(self) -> None:
        if self.statistics:  # count, code, name, severity (a rule with inferred findings has two lines)
            rank = {"error": 0, "warning": 1, "info": 2}
            for (code, name, sev), n in sorted(self.rules.items(), key=lambda x: (-x[1], x[0][0], rank[x[0][2]])):
                self.out.write(f"{n:5d}\t{code}\t{name}\t{self.c(sev, self.words.severity(sev))}\n")
            return
        if self.quiet or not self.files:  # no file checked: the errors on stderr say why
            return
        self.out.write(self.words.summary(self.counts, self.files) + "\n")
        # what "no problems" covers: the relations recomputed, and what was read but not understood
        self.out.write(self.words.coverage(self.checked, self.not_understood) + "\n")

    def diagnostic(self, d: Diagnostic, lines: list[str], quiet: bool) -> None:
        where = self.words.at(d.locator) if d.locator else ""
        sev = self.c(d.severity, self.words.severity(d.severity))
        head = f"{d.path}:{d.line}:{d.column}: {self.c('bold', d.code)} [{sev}] {d.message}{where}"
        self.out.write(head + "\n")
        if quiet or not self.show_source or not (0 < d.line <= len(lines)):
            return
        self.snippet(d.line, d.column, d.end_column if d.end_line == d.line else None, lines)
        if d.expected:
            self.out.write(f"     = {self.words.expected(d.expected, d.fix)}\n")
        reason = self.words.reason(d)
        if reason:
            self.out.write(f"     = {self.words.note()}: {reason}\n")
        for rel in d.related[:6]:
            text = (
                lines[rel.line - 1][max(0, rel.column - 1 - 12) : rel.end_column - 1 + 4].strip()
                if 0 < rel.line <= len(lines)
                else ""
            )
            self.out.write(self.c("dim", f"     - {d.path}:{rel.line}:{rel.column}: {rel.message} …{text}…") + "\n")
        if len(d.related) > 6:
            self.out.write(self.c("dim", f"     - {self.words.more(len(d.related) - 6)}") + "\n")
        self.out.write("\n")

    def snippet(self, line: int, col: int, end_col: int | None, lines: list[str]) -> None:
        text = lines[line - 1].rstrip("\r")
        start = col - 1
        end = (end_col - 1) if end_col else len(text)
        lo = max(0, start - WINDOW)
        hi = min(len(text), end + WINDOW)
        prefix = "…" if lo > 0 else ""
        shown = prefix + text[lo:hi] + ("…" if hi < len(text) else "")
        gutter = f"{line:>4} | "
        self.out.write(" " * (len(gutter) - 2) + "|\n")
        self.out.write(gutter + shown + "\n")
        pad = width(prefix + text[lo:start])
        carets = "^" * max(1, width(text[start:end]))
        self.out.write(" " * (len(gutter) - 2) + "| " + " " * pad + self.c("error", carets) + "\n")
