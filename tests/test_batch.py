"""Batches: parallel runs, baselines, cross-document comparison, suppressions."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, SEEDS


def check(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tieout.linter", "check", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


def copies(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(n):
        shutil.copy(seeds[i % len(seeds)], folder / f"r{i:03d}.txt")
    return folder


def test_jobs_give_identical_output(tmp_path):
    folder = copies(tmp_path, 12)
    one = check("--format", "json", "--no-cache", "--jobs", "1", str(folder))
    two = check("--format", "json", "--no-cache", "--jobs", "2", str(folder))
    assert one.stdout == two.stdout and one.returncode == two.returncode == 1
    assert [f["path"] for f in json.loads(two.stdout)["files"]] == sorted(str(p) for p in folder.glob("*.txt"))


def test_baseline_gates_only_new_findings(tmp_path):
    folder = copies(tmp_path, 3)
    base = tmp_path / "baseline.json"
    wrote = check("--write-baseline", str(base), "reports", cwd=tmp_path)
    assert wrote.returncode == 0 and base.exists()
    assert check("--baseline", str(base), "reports", cwd=tmp_path).returncode == 0
    # an edit elsewhere (a line added at the top) keeps the old findings baselined
    target = folder / "r002.txt"
    text = target.read_text(encoding="utf-8")
    target.write_text("前言：本报告依据有关规定编制。\n\n" + text, encoding="utf-8")
    assert check("--baseline", str(base), "reports", cwd=tmp_path).returncode == 0
    # one changed figure brings back exactly the new finding
    target.write_text(
        target.read_text(encoding="utf-8").replace("基本支出 546.45 万元", "基本支出 564.45 万元", 1), encoding="utf-8"
    )
    proc = check("--format", "json", "--baseline", str(base), "reports", cwd=tmp_path)
    found = [
        (f["path"], d["code"], d["line"])
        for f in json.loads(proc.stdout)["files"]
        for d in f["diagnostics"]
        if d["severity"] != "info"
    ]
    assert proc.returncode == 1
    # reported once, by the sum it breaks (its parts no longer add up to the total beside them)
    assert found == [(str(Path("reports") / "r002.txt"), "TO101", 372)], found


def test_cross_document(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    # reports of one genre (a figure's identity holds what the genre says of its context)
    a.write_text(
        "2022年度某市医疗保障局整体支出绩效自评报告\n全市参加基本医疗保险人数为 420.08 万人。\n", encoding="utf-8"
    )
    b.write_text(
        "2022年度某市医疗保障局绩效自评报告\n截至年底，全市参加基本医疗保险人数为 402.08 万人。\n", encoding="utf-8"
    )
    c = tmp_path / "c.txt"
    c.write_text("2021年度某市医疗保障局绩效自评报告\n全市参加基本医疗保险人数为 398.00 万人。\n", encoding="utf-8")
    alone = check("--format", "json", str(a), str(b), str(c))
    assert all(not f["diagnostics"] for f in json.loads(alone.stdout)["files"])
    proc = check("--format", "json", "--cross-document", str(a), str(b), str(c))
    files = {Path(f["path"]).name: f for f in json.loads(proc.stdout)["files"]}
    assert [d["code"] for d in files["a.txt"]["diagnostics"]] == ["TO207"]
    d = files["b.txt"]["diagnostics"][0]
    assert d["code"] == "TO207" and d["related"][0]["path"].endswith("a.txt")
    assert not files["c.txt"]["diagnostics"]  # another year


def test_unused_suppression_is_reported(tmp_path):
    report = tmp_path / "r.md"
    report.write_text(
        "收入合计 100 万元，具体为：甲 50 万元，乙 50 万元。<!-- tieout: ignore[TO101] -->\n", encoding="utf-8"
    )
    data = json.loads(check("--format", "json", str(report)).stdout)
    codes = [d["code"] for d in data["files"][0]["diagnostics"]]
    assert codes == ["TO901"]


def test_per_file_ignores(tmp_path):
    folder = copies(tmp_path, 3)
    (tmp_path / "tieout.yaml").write_text("per-file-ignores:\n  'r002.txt': [TO101, TO107, TO203]\n", encoding="utf-8")
    data = json.loads(check("--format", "json", "reports", cwd=tmp_path).stdout)
    by = {Path(f["path"]).name: {d["code"] for d in f["diagnostics"]} for f in data["files"]}
    assert not by["r002.txt"] & {"TO101", "TO107", "TO203"} and by["r001.txt"]
    assert folder.exists()
