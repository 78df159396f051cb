"""SARIF 2.1.0: one run, one `rule` per check (with its documentation), one `result` per finding.

The findings of a Word or PDF report have no `region`: their lines are those of the rendered text, not of
the binary file; the message and `properties.locator` say where they are (段落 12, 表 3 第 4 行, 第 2 页)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from tieout.linter.report.i18n import Words, rendered
from tieout.linter.report.reference import rule_markdown
from tieout.linter.rules.base import Rule
from tieout.linter.rules.diagnostics import Diagnostic, Related
from tieout.linter.run.results import FileResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _region(p: Diagnostic | Related) -> dict[str, int]:
    return {"startLine": p.line, "startColumn": p.column, "endLine": p.end_line, "endColumn": p.end_column}


class Sarif:
    def __init__(self, out: TextIO, rules: Sequence[type[Rule]], words: Words | None = None) -> None:
        self.out = out
        self.rules = rules
        self.words = words or Words("zh", {r.code: r.severity for r in rules})
        self.index = {r.code: i for i, r in enumerate(rules)}
        self.results: list[dict[str, Any]] = []

    def file(self, result: FileResult, text: str) -> None:
        binary = rendered(result)

        def physical(uri: str, p: Diagnostic | Related) -> dict[str, Any]:
            where: dict[str, Any] = {"artifactLocation": {"uri": uri}}
            if not binary:
                where["region"] = _region(p)
            return where

        for d in result.diagnostics:
            res: dict[str, Any] = {
                "ruleId": d.code,
                "level": LEVEL[d.severity],
                "message": {"text": self.words.message(d)},
                "locations": [{"physicalLocation": physical(d.path, d)}],
            }
            if d.code in self.index:
                res["ruleIndex"] = self.index[d.code]
            if d.related:
                res["relatedLocations"] = [
                    {
                        "id": i,
                        "message": {"text": r.message or "related"},
                        "physicalLocation": physical(r.path or d.path, r),
                    }
                    for i, r in enumerate(d.related)
                ]
            properties = {
                k: v
                for k, v in (("expected", d.expected if d.fix else None), ("fix", d.fix), ("locator", d.locator))
                if v is not None
            }
            if properties:
                res["properties"] = properties
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
