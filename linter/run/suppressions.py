"""Inline suppressions, written where the report's authors work.

- Markdown and text: `<!-- tieout: ignore[TO101] -->` after text covers its own line; alone on its line,
  the next non-blank line (a blank line between the comment and its paragraph is usual in Markdown).
- Word: a comment reading `tieout: ignore[TO101]` covers what it is anchored on (the figure, or the words
  of the sentence selected when the comment was inserted).
- `tieout: ignore-file[TO201]` anywhere: the whole file. No codes: every rule.

A suppression covers the findings anchored in its span and those whose sentence meets it, so a comment on
a wrapped sentence's first line, or on a word of the sentence, covers the sentence. Word's habits are
tolerated: a capital `Tieout` (AutoCorrect) and full-width `：［］，、` (a Chinese input method).

A suppression that silences nothing is itself reported (TO901, info), as ruff reports an unused noqa; one
naming a rule that does not exist is a usage error (exit 2), since it would silence nothing forever.

A suppression whose codes name only rules the run did not select is told apart, as ruff does ("non-enabled"):
it silences nothing in this run only because its rules did not run. Nothing is reported when TO901 is not
selected.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tieout.linter.patterns import regex
from tieout.linter.rules.diagnostics import Diagnostic
from tieout.linter.run.codes import KnownRules
from tieout.linter.run.selection import matches
from tieout.linter.text.model import Document

DIRECTIVE = regex(
    r"tieout\s*[:：]\s*(?P<kind>ignore-file|ignore)(?:\s*[\[［](?P<codes>[^\]］]*)[\]］])?", re.IGNORECASE
)
SEPARATORS = regex(r"[,，、;；\s]+")
UNUSED = ("TO901", "unused-suppression")
ANNOTATOR = "tieout"  # the author of the comments --annotate writes: never suppressions


@dataclass(slots=True)
class Directive:
    """One suppression: the codes it silences and the span of the original text it covers (None: the file)."""

    codes: list[str]
    span: tuple[int, int] | None
    line: int  # where it is written, for TO901
    column: int
    end_line: int
    end_column: int
    used: bool = False

    def covers(self, d: Diagnostic, at: int, sentence: tuple[int, int] | None) -> bool:
        if not matches(d.code, d.name, self.codes):
            return False
        if self.span is None:
            return True
        a, b = self.span
        return a <= at < b or (sentence is not None and sentence[0] < b and a < sentence[1])

    def unused(self, path: str, selected: Sequence[tuple[str, str]] | None) -> Diagnostic:
        """TO901 for this directive; `selected` are the (code, name) of the rules the run selected (None: all)."""
        off = [c for c in self.codes if selected is not None and not any(matches(k, n, [c]) for k, n in selected)]
        idle = [c for c in self.codes if c not in off]
        codes = ", ".join(self.codes)
        if not off:
            message = f"抑制注释 ignore[{codes}] 未抑制任何问题，可删除"
        elif not idle:
            message = (
                f"抑制注释 ignore[{codes}] 在本次运行中未起作用（non-enabled：{', '.join(off)} 未被选用）；"
                "仅当这些规则从不运行时才可删除"
            )
        else:
            message = (
                f"抑制注释 ignore[{codes}] 未抑制任何问题（未用：{', '.join(idle)}；non-enabled：{', '.join(off)}）；"
                "可删除未用的代码"
            )
        return Diagnostic(
            code=UNUSED[0],
            name=UNUSED[1],
            severity="info",
            path=path,
            line=self.line,
            column=self.column,
            end_line=self.end_line,
            end_column=self.end_column,
            message=message,
        )


def _codes(m: re.Match[str]) -> list[str]:
    return [c for c in SEPARATORS.split(m.group("codes") or "ALL") if c] or ["ALL"]


def directives(original: str) -> list[Directive]:
    """The `tieout: ignore` comments of a text or Markdown file."""
    lines = original.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    out: list[Directive] = []
    for n, line in enumerate(lines, start=1):
        for m in DIRECTIVE.finditer(line):
            rest = (line[: m.start()] + line[m.end() :]).replace("<!--", "").replace("-->", "").strip()
            span: tuple[int, int] | None = None
            if m.group("kind").lower() != "ignore-file":
                # after text: its own line; alone on its line: the next non-blank line
                target = n if rest else next((k for k in range(n + 1, len(lines) + 1) if lines[k - 1].strip()), n)
                span = (starts[target - 1], starts[target] - 1)
            out.append(Directive(_codes(m), span, n, m.start() + 1, n, m.end() + 1))
    return out


def comment_directives(doc: Document, comments: Sequence[Any]) -> list[Directive]:
    """The suppressions written as Word comments (linter/text/wordcomments.py) on the rendered text."""
    out: list[Directive] = []
    for c in comments:
        if c.author == ANNOTATOR:
            continue
        for m in DIRECTIVE.finditer(c.text):
            a = doc.line_starts[c.line - 1] + c.column - 1
            b = doc.line_starts[c.end_line - 1] + c.end_column - 1
            span = None if m.group("kind").lower() == "ignore-file" else (a, max(b, a + 1))
            out.append(Directive(_codes(m), span, c.line, c.column, c.end_line, c.end_column))
    return out


class _Sentences:
    """The sentences of a document as spans of the original text, to find the one holding an offset."""

    def __init__(self, doc: Document) -> None:
        spans = sorted((doc.origin[s.start], doc.origin[s.end - 1] + 1) for s in doc.sentences if s.end > s.start)
        self.spans = spans
        self.starts = [a for a, _ in spans]

    def at(self, offset: int) -> tuple[int, int] | None:
        i = bisect_right(self.starts, offset) - 1
        return self.spans[i] if i >= 0 and offset < self.spans[i][1] else None


def apply_suppressions(
    doc: Document,
    diagnostics: list[Diagnostic],
    known: KnownRules,
    comments: Sequence[Any] = (),
    selected: Sequence[tuple[str, str]] | None = None,
) -> tuple[list[Diagnostic], list[str]]:
    """The findings no suppression covers (plus TO901 for the unused ones when the run selected TO901), and
    one line per suppression that names a rule that does not exist. `selected`: the (code, name) of the rules
    the run selected; None when every rule ran."""
    found = directives(doc.original) if "tieout" in doc.original.lower() else []
    found += comment_directives(doc, comments)
    if not found:
        return diagnostics, []
    problems: list[str] = []
    valid: list[Directive] = []
    for x in found:
        problem = known.first_problem(x.codes, f"{doc.path}:{x.line}: suppression")
        if problem is None:
            valid.append(x)
        else:
            problems.append(problem)
    sentences = _Sentences(doc)
    out: list[Diagnostic] = []
    for d in diagnostics:
        at = doc.line_starts[d.line - 1] + d.column - 1 if 0 < d.line <= len(doc.line_starts) else -1
        hit = next((x for x in valid if x.covers(d, at, sentences.at(at))), None)
        if hit is not None:
            hit.used = True
        else:
            out.append(d)
    if selected is None or UNUSED in selected:
        out.extend(x.unused(doc.path, selected) for x in valid if not x.used)
    return out, problems
