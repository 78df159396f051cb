"""Batches: parallel runs, baselines, cross-document comparison, suppressions."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import EXAMPLES, ROOT


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
    reports = sorted(EXAMPLES.glob("*.txt"))  # r000, r002 … the 决算说明; r001, r003 … the 绩效自评报告
    for i in range(n):
        shutil.copy(reports[i % len(reports)], folder / f"r{i:03d}.txt")
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
    target = folder / "r001.txt"
    text = target.read_text(encoding="utf-8")
    target.write_text("前言：本报告依据有关规定编制。\n\n" + text, encoding="utf-8")
    assert check("--baseline", str(base), "reports", cwd=tmp_path).returncode == 0
    # one changed figure brings back exactly the new finding
    target.write_text(
        target.read_text(encoding="utf-8").replace("堤防日常养护 503.20 万元", "堤防日常养护 530.20 万元", 1),
        encoding="utf-8",
    )
    proc = check("--format", "json", "--baseline", str(base), "reports", cwd=tmp_path)
    found = [
        (f["path"], d["code"], d["line"])
        for f in json.loads(proc.stdout)["files"]
        for d in f["diagnostics"]
        if d["severity"] != "info"
    ]
    assert proc.returncode == 1
    # reported once, by the list it breaks (its parts now exceed the total before them)
    assert found == [(str(Path("reports") / "r001.txt"), "TO102", 11)], found


def test_cross_document(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    # reports of one genre (a figure's identity holds what the genre says of its context)
    a.write_text("2024年度某区水务局整体支出绩效自评报告\n全区养护河道堤防长度为 318.46 公里。\n", encoding="utf-8")
    b.write_text("2024年度某区水务局绩效自评报告\n截至年底，全区养护河道堤防长度为 381.46 公里。\n", encoding="utf-8")
    c = tmp_path / "c.txt"
    c.write_text("2023年度某区水务局绩效自评报告\n全区养护河道堤防长度为 296.00 公里。\n", encoding="utf-8")
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


def test_suppression_of_a_rule_not_selected():
    """As ruff's non-enabled codes: a suppression of a rule the run did not select silenced nothing because the
    rule did not run; it is not called unused, and TO901 itself, when not selected, reports nothing."""
    from tieout.linter.run.config import Config

    from .conftest import lint_text

    text = "收入合计 100 万元，具体为：甲 50 万元，乙 40 万元。<!-- tieout: ignore[TO101] -->\n"
    assert [d.code for d in lint_text(text, "r.md").diagnostics] == []
    [d] = lint_text(text, "r.md", Config(ignore=["TO101"])).diagnostics
    assert d.code == "TO901" and "non-enabled：TO101" in d.message and "仅当这些规则从不运行时才可删除" in d.message
    assert not lint_text(text, "r.md", Config(ignore=["TO101", "TO901"])).diagnostics
    both = text.replace("ignore[TO101]", "ignore[TO101,TO102]").replace("40 万元", "50 万元")
    [d] = lint_text(both, "r.md", Config(select=["TO101", "TO901"])).diagnostics
    assert "未用：TO101" in d.message and "non-enabled：TO102" in d.message


def test_per_file_ignores(tmp_path):
    folder = copies(tmp_path, 3)
    (tmp_path / "tieout.yaml").write_text("per-file-ignores:\n  'r002.txt': [TO101, TO107, TO203]\n", encoding="utf-8")
    data = json.loads(check("--format", "json", "reports", cwd=tmp_path).stdout)
    by = {Path(f["path"]).name: {d["code"] for d in f["diagnostics"]} for f in data["files"]}
    assert not by["r002.txt"] & {"TO101", "TO107", "TO203"} and by["r001.txt"]
    assert folder.exists()
