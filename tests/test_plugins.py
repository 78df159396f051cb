"""A plugin package installed from tests/ contributes its rule through the `tieout.checks` entry points;
a plugin that fails to load is reported and the rest still run; a check that raises becomes TO900."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


@pytest.mark.slow
def test_installed_plugin_contributes_rules(tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            str(HERE / "plugin_example"),
        ],
        check=True,
    )
    report = tmp_path / "r.txt"
    report.write_text(
        "本年支出合计 4,852.60 万元，具体为：基本支出 1,146.35 万元；项目支出 3,706.25 亿元。", encoding="utf-8"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(target), str(HERE.parent)])}
    proc = subprocess.run(
        [sys.executable, "-m", "tieout.linter", "check", "--format", "json", str(report)],
        capture_output=True,
        text=True,
        env=env,
    )
    data = json.loads(proc.stdout)
    codes = {d["code"] for d in data["files"][0]["diagnostics"]}
    assert "X001" in codes  # the plugin's own finding
    assert "TO202" in codes  # built-in checks still run
    assert "TO900" in codes  # the raising check became an internal-error finding
    assert "broken" in proc.stderr and "failed to load" in proc.stderr
    rules = subprocess.run([sys.executable, "-m", "tieout.linter", "rules"], capture_output=True, text=True, env=env)
    assert "no-yi-yuan" in rules.stdout
    counted = subprocess.run(
        [sys.executable, "-m", "tieout.linter", "check", "--format", "count", str(report)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert counted.stdout.strip().endswith("\t" + str(len(data["files"][0]["diagnostics"])))
    facts = subprocess.run(
        [sys.executable, "-m", "tieout.linter", "facts", "--format", "json", str(report)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert -1 in json.loads(facts.stdout)["unparsed"]  # the plugin's extractor ran
