"""JSON output: `{"version", "tool", "files": [{path, diagnostics, checked}], "summary"}`.

The fields are part of the public interface (score.py and CI gates read them): `diagnostics[*]` has
code, name, severity, message, path, line, column, end_line, end_column, stated, expected, related, fix;
`checked[*]` has kind, status, rule and the same position fields.
"""
from __future__ import annotations

import json
from collections import Counter
from typing import TextIO

from ..engine import FileResult

SCHEMA_VERSION = "1"


def report(results: list[FileResult], out: TextIO) -> None:
    sev = Counter(d.severity for r in results for d in r.diagnostics)
    payload = {
        "version": SCHEMA_VERSION,
        "tool": "tieout",
        "files": [
            {
                "path": r.path,
                "encoding": r.encoding,
                "diagnostics": [d.model_dump(mode="json", exclude={"sentence"}) for d in r.diagnostics],
                "checked": [c.model_dump(mode="json") for c in r.checked],
                **({"error": r.error} if r.error else {}),
            }
            for r in results
        ],
        "summary": {"files": len(results), "errors": sev["error"], "warnings": sev["warning"], "info": sev["info"],
                    "checked": sum(len(r.checked) for r in results)},
    }
    json.dump(payload, out, ensure_ascii=False, indent=1)
    out.write("\n")
