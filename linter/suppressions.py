"""Inline suppressions: `<!-- tieout: ignore[TO101] -->` on or just before a line, or
`<!-- tieout: ignore-file[TO201] -->` anywhere for the whole file (no codes: every rule)."""
from __future__ import annotations

import re

from .diagnostics import Diagnostic
from .document import Document
from .selection import matches

DIRECTIVE = re.compile(r"tieout:\s*(?P<kind>ignore-file|ignore)(?:\[(?P<codes>[^\]]*)\])?")


def apply_suppressions(doc: Document, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    if "tieout:" not in doc.original:
        return diagnostics
    file_codes: list[str] = []
    line_codes: dict[int, list[str]] = {}
    for n, line in enumerate(doc.original.split("\n"), start=1):
        for m in DIRECTIVE.finditer(line):
            codes = [c.strip() for c in (m.group("codes") or "ALL").split(",")]
            if m.group("kind") == "ignore-file":
                file_codes.extend(codes)
            else:
                rest = line[:m.start()].replace("<!--", "").strip()
                # a directive alone on its line covers the next line; after text, its own line
                target = n if rest else n + 1
                line_codes.setdefault(target, []).extend(codes)
    out = []
    for d in diagnostics:
        if matches(d.code, d.name, file_codes) or matches(d.code, d.name, line_codes.get(d.line, [])):
            continue
        out.append(d)
    return out
