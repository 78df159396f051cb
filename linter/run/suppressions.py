"""Inline suppressions: `<!-- tieout: ignore[TO101] -->` on or just before a line, or
`<!-- tieout: ignore-file[TO201] -->` anywhere for the whole file (no codes: every rule).

A suppression that silences nothing is itself reported (TO901, info, when TO901 is selected), as ruff reports
an unused noqa, and as ruff it tells apart the codes of rules the run did not select ("non-enabled"): those
silence nothing in this run only because they did not run."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tieout.linter.rules.diagnostics import Diagnostic
from tieout.linter.run.selection import matches
from tieout.linter.text.model import Document

DIRECTIVE = re.compile(r"tieout:\s*(?P<kind>ignore-file|ignore)(?:\[(?P<codes>[^\]]*)\])?")
UNUSED = ("TO901", "unused-suppression")


@dataclass(slots=True)
class Directive:
    """One `tieout: ignore[…]` comment: the codes it silences, on which line (None: the whole file)."""

    codes: list[str]
    target: int | None
    line: int
    column: int
    end_column: int
    used: bool = False

    def covers(self, d: Diagnostic) -> bool:
        return (self.target is None or self.target == d.line) and matches(d.code, d.name, self.codes)

    def unused(self, path: str, selected: Sequence[tuple[str, str]] | None) -> Diagnostic:
        """TO901 for this directive; `selected` are the (code, name) of the rules the run selected (None: all)."""
        off = [c for c in self.codes if selected is not None and not any(matches(k, n, [c]) for k, n in selected)]
        idle = [c for c in self.codes if c not in off]
        if not off:
            message = f"suppression of {', '.join(self.codes)} silences no finding; remove it"
        elif not idle:
            message = (
                f"suppression of {', '.join(self.codes)} silences nothing in this run (non-enabled: {', '.join(off)}"
                " not selected); remove it only if these rules are never run"
            )
        else:
            message = (
                f"suppression of {', '.join(self.codes)} silences no finding (unused: {', '.join(idle)}; "
                f"non-enabled: {', '.join(off)}); remove the unused codes"
            )
        return Diagnostic(
            code=UNUSED[0],
            name=UNUSED[1],
            severity="info",
            path=path,
            line=self.line,
            column=self.column,
            end_line=self.line,
            end_column=self.end_column,
            message=message,
        )


def directives(original: str) -> list[Directive]:
    out: list[Directive] = []
    for n, line in enumerate(original.split("\n"), start=1):
        for m in DIRECTIVE.finditer(line):
            codes = [c.strip() for c in (m.group("codes") or "ALL").split(",") if c.strip()]
            rest = line[: m.start()].replace("<!--", "").strip()
            # a directive alone on its line covers the next line; after text, its own line
            target = None if m.group("kind") == "ignore-file" else (n if rest else n + 1)
            out.append(Directive(codes, target, n, m.start() + 1, m.end() + 1))
    return out


def apply_suppressions(
    doc: Document, diagnostics: list[Diagnostic], selected: Sequence[tuple[str, str]] | None = None
) -> list[Diagnostic]:
    """The findings no suppression covers, and TO901 for each suppression that silenced nothing when the run
    selected TO901. `selected`: the (code, name) of the rules the run selected; None when every rule ran."""
    if "tieout:" not in doc.original:
        return diagnostics
    found = directives(doc.original)
    out: list[Diagnostic] = []
    for d in diagnostics:
        hit = next((x for x in found if x.covers(d)), None)
        if hit is not None:
            hit.used = True
        else:
            out.append(d)
    if selected is None or UNUSED in selected:
        out.extend(x.unused(doc.path, selected) for x in found if not x.used)
    return out
