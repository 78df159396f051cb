"""Inline suppressions: `<!-- tieout: ignore[TO101] -->` on or just before a line, or
`<!-- tieout: ignore-file[TO201] -->` anywhere for the whole file (no codes: every rule).

A suppression that silences nothing is itself reported (TO901, info), as ruff reports unused noqa."""

from __future__ import annotations

import re

from tieout.linter.rules.diagnostics import Diagnostic
from tieout.linter.run.selection import matches
from tieout.linter.text.model import Document

DIRECTIVE = re.compile(r"tieout:\s*(?P<kind>ignore-file|ignore)(?:\[(?P<codes>[^\]]*)\])?")
UNUSED = ("TO901", "unused-suppression")


def apply_suppressions(doc: Document, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    if "tieout:" not in doc.original:
        return diagnostics
    directives: list[dict] = []
    for n, line in enumerate(doc.original.split("\n"), start=1):
        for m in DIRECTIVE.finditer(line):
            codes = [c.strip() for c in (m.group("codes") or "ALL").split(",") if c.strip()]
            rest = line[: m.start()].replace("<!--", "").strip()
            # a directive alone on its line covers the next line; after text, its own line
            target = None if m.group("kind") == "ignore-file" else (n if rest else n + 1)
            directives.append(
                {"codes": codes, "target": target, "line": n, "col": m.start() + 1, "end": m.end() + 1, "used": False}
            )
    out = []
    for d in diagnostics:
        hit = next(
            (
                x
                for x in directives
                if (x["target"] is None or x["target"] == d.line) and matches(d.code, d.name, x["codes"])
            ),
            None,
        )
        if hit is not None:
            hit["used"] = True
        else:
            out.append(d)
    for x in directives:
        if not x["used"]:
            out.append(
                Diagnostic(
                    code=UNUSED[0],
                    name=UNUSED[1],
                    severity="info",
                    path=doc.path,
                    line=x["line"],
                    column=x["col"],
                    end_line=x["line"],
                    end_column=x["end"],
                    message=f"suppression of {', '.join(x['codes'])} silences no finding; remove it",
                )
            )
    return out
