"""SARIF 2.1.0: one run, one `rule` per check (with its documentation), one `result` per finding."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from tieout.linter.report.reference import rule_markdown
from tieout.linter.rules.base import Rule
from tieout.linter.rules.diagnostics import Diagnostic, Related
from tieout.linter.run.results import FileResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _region(p: Diagnostic | Related) -> dict[str, int]:
    return {"startLine": p.line, "startColumn": p.column, "endLine": p.end_line, "endColumn": p.end_column}


class Sarif:
    def __init__(self, out: TextIO, rules: Sequence[type[Rule]]) -> None:
        self.out = out
        self.rules = rules
        self.index = {r.code: i for i, r in enumerate(rules)}
        self.results: list[dict[str, Any]] = []

    def file(self, result: FileResult, text: str) -> None:
        for d in result.diagnostics:
            res: dict[str, Any] = {
                "ruleId": d.code,
                "level": LEVEL[d.severity],
                "message": {"text": d.message},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": d.path}, "region": _region(d)}}],
            }
            if d.code in self.index:
                res["ruleIndex"] = self.index[d.code]
            if d.related:
                res["relatedLocations"] = [
                    {
                        "id": i,
                        "message": {"text": r.message or "related"},
                        "physicalLocation": {"artifactLocation": {"uri": r.path or d.path}, "region": _region(r)},
                    }
                    for i, r in enumerate(d.related)
                ]
            if d.fix:
                res["properties"] = {"expected": d.expected, "fix": d.fix}
            self.results.append(res)

    def finish(self) -> None:
        from importlib.metadata import version

        rules = [
            {
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary() or r.name},
                "fullDescription": {"text": r.doc() or r.name},
                "defaultConfiguration": {"level": LEVEL[r.severity]},
                "help": {"text": r.doc() or r.name, "markdown": rule_markdown(r)},
            }
            for r in self.rules
        ]
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {"driver": {"name": "tieout", "version": version("tieout"), "rules": rules}},
                    "results": self.results,
                }
            ],
        }
        json.dump(log, self.out, ensure_ascii=False, indent=1)
        self.out.write("\n")
