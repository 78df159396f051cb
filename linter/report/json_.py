"""JSON output: `{"version", "tool", "files": [{path, encoding, diagnostics, checked, not_understood}], "summary"}`,
written file by file as results arrive.

The fields are part of the public interface (score.py and CI gates read them): `diagnostics[*]` has
code, name, severity, message, path, line, column, end_line, end_column, stated, expected, related, fix,
section; `checked[*]` has kind, status, rule and the same position fields; `related[*]` has the position
fields, message, and path when the place is in another file.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import TextIO

from tieout.linter.rules.diagnostics import data
from tieout.linter.run.results import FileResult

SCHEMA_VERSION = "1"
NOT_WRITTEN = frozenset({"sentence"})  # the baseline's key, not part of the output


class Json:
    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.first = True
        self.counts: Counter[str] = Counter()
        self.files = 0
        self.checked = 0
        self.not_understood = 0
        out.write(f'{{\n "version": "{SCHEMA_VERSION}",\n "tool": "tieout",\n "files": [')

    def file(self, result: FileResult, text: str) -> None:
        self.files += 1
        self.checked += len(result.checked)
        self.not_understood += result.not_understood
        self.counts.update(d.severity for d in result.diagnostics)
        entry = {
            "path": result.path,
            "encoding": result.encoding,
            "diagnostics": [data(d, exclude=NOT_WRITTEN) for d in result.diagnostics],
            "checked": [data(c) for c in result.checked],
            # sentences with figures that no relation uses: how much of the file was read but not understood
            "not_understood": result.not_understood,
        }
        self.out.write(("\n  " if self.first else ",\n  ") + json.dumps(entry, ensure_ascii=False))
        self.first = False

    def finish(self) -> None:
        summary = {
            "files": self.files,
            "errors": self.counts["error"],
            "warnings": self.counts["warning"],
            "info": self.counts["info"],
            "checked": self.checked,
            "not_understood": self.not_understood,
        }
        self.out.write(f'\n ],\n "summary": {json.dumps(summary)}\n}}\n')
