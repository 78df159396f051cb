"""JUnit XML: one test suite per file, one failing test case per finding (CI systems show them as tests)."""

from __future__ import annotations

from typing import TextIO
from xml.etree import ElementTree as ET

from tieout.linter.run.results import FileResult


class JUnit:
    def __init__(self, out: TextIO) -> None:
        self.out = out
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
            case = ET.SubElement(
                suite, "testcase", name=f"{d.code} {d.path}:{d.line}:{d.column}", classname=result.path
            )
            failure = ET.SubElement(case, "failure", message=d.message, type=f"{d.code} {d.name} [{d.severity}]")
            failure.text = f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}"

    def finish(self) -> None:
        self.root.set("tests", str(sum(int(s.get("tests", "0")) for s in self.root)))
        self.root.set("failures", str(sum(int(s.get("failures", "0")) for s in self.root)))
        self.out.write(ET.tostring(self.root, encoding="unicode", xml_declaration=True) + "\n")
