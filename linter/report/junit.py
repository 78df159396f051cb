"""JUnit XML: one test suite per file, one failing test case per finding (CI systems show them as tests)."""

from __future__ import annotations

from typing import TextIO
from xml.etree import ElementTree as ET

from tieout.linter.report.i18n import Words, rendered
from tieout.linter.run.results import FileResult


class JUnit:
    def __init__(self, out: TextIO, words: Words | None = None) -> None:
        self.out = out
        self.words = words or Words()
        self.root = ET.Element("testsuites", name="tieout")

    def file(self, result: FileResult, text: str) -> None:
        suite = ET.SubElement(
            self.root,
            "testsuite",
            name=result.path,
            tests=str(max(1, len(result.diagnostics))),
            failures=str(len(result.diagnostics)),
            errors="0",
        )
        if not result.diagnostics:
            ET.SubElement(suite, "testcase", name="tieout", classname=result.path)
        for d in result.diagnostics:
            # a Word/PDF report's lines are the rendering's: its findings are named by their locator
            where = f"{d.path}（{d.locator}）" if rendered(result) and d.locator else f"{d.path}:{d.line}:{d.column}"
            case = ET.SubElement(suite, "testcase", name=f"{d.code} {where}", classname=result.path)
            message = self.words.message(d)
            kind = f"{d.code} {d.name} [{self.words.severity(d.severity)}]"
            failure = ET.SubElement(case, "failure", message=message, type=kind)
            failure.text = f"{where}: {d.code} {message}"

    def finish(self) -> None:
        self.root.set("tests", str(sum(int(s.get("tests", "0")) for s in self.root)))
        self.root.set("failures", str(sum(int(s.get("failures", "0")) for s in self.root)))
        self.out.write(ET.tostring(self.root, encoding="unicode", xml_declaration=True) + "\n")
