import json
import subprocess
import sys
from pathlib import Path

from tieout.linter.cli import main

from .conftest import EXAMPLES, JIXIAO, ROOT

REPORT = EXAMPLES / "bumen_juesuan_shuoming.txt"  # our example: a TO101 at 27:23, among others


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tieout.linter", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd or ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


def codes(stdout: bytes) -> list[tuple[str, int]]:
    data = json.loads(stdout)
    return [(d["code"], d["line"]) for f in data["files"] for d in f["diagnostics"]]


def test_bad_inputs_exit_2_and_good_file_still_reported(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    good = tmp_path / "good.txt"
    good.write_bytes(REPORT.read_bytes())
    (tmp_path / "empty").mkdir()
    proc = run("check", "--format", "json", "bin.txt", "good.txt", "missing.txt", "empty", cwd=tmp_path)
    assert proc.returncode == 2
    err = proc.stderr.decode().strip().splitlines()
    assert len(err) == 3 and any("bin.txt" in e and "binary" in e for e in err)
    assert any("missing.txt" in e for e in err) and any("empty" in e and "no reports" in e for e in err)
    assert ("TO101", 27) in codes(proc.stdout)
    assert "Traceback" not in proc.stderr.decode()


def test_gb18030_copy_gives_same_findings(tmp_path):
    gb = tmp_path / "gb.txt"
    gb.write_bytes(REPORT.read_text(encoding="utf-8").encode("gb18030"))
    utf = run("check", "--format", "json", str(REPORT))
    other = run("check", "--format", "json", str(gb))
    assert codes(utf.stdout) == codes(other.stdout) and codes(utf.stdout)
    assert json.loads(other.stdout)["files"][0]["encoding"] == "gb18030"


def test_empty_file_is_clean(tmp_path):
    (tmp_path / "e.txt").write_text("", encoding="utf-8")
    proc = run("check", "e.txt", cwd=tmp_path)
    out = proc.stdout.decode()
    assert proc.returncode == 0 and "未发现问题：1 个文件" in out
    # the summary says what "no problems" covers
    assert "已核对 0 处关系；0 句含数字的句子未能理解。" in out


def test_too_large_file_is_a_clear_error(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("收入 1 万元。\n" * 200000, encoding="utf-8")
    proc = run("check", "--max-file-size", "1", str(big))
    assert proc.returncode == 2 and b"larger than the limit" in proc.stderr


def test_stdin_with_filename():
    proc = run("check", "--format", "json", "--stdin-filename", "报告.txt", "-", stdin=REPORT.read_bytes())
    data = json.loads(proc.stdout)
    assert data["files"][0]["path"] == "报告.txt" and proc.returncode == 1


def test_human_output_has_caret_under_the_figure():
    proc = run("check", str(REPORT), "--select", "TO101")
    out = proc.stdout.decode()
    assert f"{REPORT}:27:23: TO101 [错误]" in out
    lines = out.splitlines()
    src = next(i for i, ln in enumerate(lines) if ln.strip().startswith("27 |"))
    caret_line = lines[src + 1]
    # carets start under 18.40: display width counts CJK as two columns
    prefix = lines[src].split("| ", 1)[1]
    import unicodedata

    col = caret_line.index("^") - (len(lines[src].split("| ", 1)[0]) + 2)
    shown = prefix[: prefix.index("18.40")]
    assert col == sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in shown)
    assert "发现 1 个问题" in out


def test_select_ignore_and_exit_codes():
    assert run("check", str(REPORT), "--ignore", "TO1,TO2,TO3").returncode == 0
    assert run("check", str(REPORT), "--select", "sum-mismatch").returncode == 1
    assert run("check", str(REPORT), "--exit-zero").returncode == 0
    assert run("check", str(JIXIAO), "--select", "TO101").returncode == 1
    assert run("check", str(JIXIAO), "--select", "TO101", "--fail-on", "error").returncode == 0  # a warning


def test_statistics():
    out = run("check", "--statistics", str(EXAMPLES)).stdout.decode()
    assert "TO101\tsum-mismatch" in out


def test_config_file_and_errors(tmp_path):
    report = tmp_path / "r.txt"
    report.write_bytes(REPORT.read_bytes())
    (tmp_path / "tieout.yaml").write_text("ignore: [TO101]\n", encoding="utf-8")
    assert ("TO101", 27) not in codes(run("check", "--format", "json", str(report)).stdout)
    (tmp_path / "tieout.yaml").write_text("ignroe: [TO101]\n", encoding="utf-8")
    proc = run("check", str(report))
    assert proc.returncode == 2 and b"ignroe" in proc.stderr and b"tieout.yaml" in proc.stderr
    (tmp_path / "tieout.yaml").write_text("fail-on: loud\n", encoding="utf-8")
    proc = run("check", str(report))
    assert proc.returncode == 2 and b"fail_on" in proc.stderr
    proc = run("check", "--config", str(tmp_path / "missing.yaml"), str(report))
    assert proc.returncode == 2 and b"missing.yaml: cannot read" in proc.stderr and b"Traceback" not in proc.stderr


def test_pyproject_config(tmp_path):
    report = tmp_path / "r.txt"
    report.write_bytes(JIXIAO.read_bytes())
    (tmp_path / "pyproject.toml").write_text("[tool.tieout]\nselect = ['TO105']\n", encoding="utf-8")
    assert {c for c, _ in codes(run("check", "--format", "json", str(report)).stdout)} == {"TO105"}


def test_inline_suppression(tmp_path):
    text = "收入合计 100 万元，具体为：甲 50 万元，乙 40 万元。<!-- tieout: ignore[TO101] -->\n"
    (tmp_path / "r.md").write_text(text, encoding="utf-8")
    assert run("check", "r.md", cwd=tmp_path).returncode == 0
    (tmp_path / "r.md").write_text(text.replace("<!-- tieout: ignore[TO101] -->", ""), encoding="utf-8")
    assert run("check", "r.md", cwd=tmp_path).returncode == 1


def test_rules_and_explain(capsys):
    assert main(["rules", "--format", "json"]) == 0
    table = json.loads(capsys.readouterr().out)
    assert {"code", "name", "severity", "summary"} <= set(table[0])
    assert main(["explain", "TO103"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# TO103 share-mismatch\n") and "Reported:" in out and "Passes:" in out
    assert not [line for line in out.splitlines() if line.startswith("    ")], "prose, not an indented block"
    assert main(["explain", "no-such-rule"]) == 2


def test_facts_verbose(capsys):
    assert main(["facts", "-v", str(JIXIAO)]) == 0
    out = capsys.readouterr().out
    assert "formula" in out and "sentences with 2+ figures and no relation" in out


def test_facts_show_the_parts_subtracted(tmp_path, capsys):
    # a written chain with parts subtracted is read whole; the listing shows them (not a sum of its first part)
    report = tmp_path / "chain.txt"
    report.write_text("即：收入 5,140 万元－调出 1,200 万元－支出 2,860 万元＝结转 1,080 万元。\n", encoding="utf-8")
    assert main(["facts", "-v", str(report)]) == 0
    out = capsys.readouterr().out
    assert "breakdown L1 结转 1,080万元 [=, complete]: 收入 5,140万元 − 调出 1,200万元 − 支出 2,860万元" in out


def test_facts_as_json_of_a_report_with_a_table(tmp_path, capsys):
    # a table's facts hold sets (the columns off its header): written as sorted lists, the JSON parses
    report = tmp_path / "table.md"
    report.write_text(
        "单位：万元\n\n| 项目 | 预算数 | 决算数 |\n|---|---|---|\n| 甲 | 10 | 9 |\n| 乙 | 20 | 21 |\n| 合计 | 30 | 30 |\n",
        encoding="utf-8",
    )
    assert main(["facts", "--format", "json", str(report)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["tables"] and data["quantities"] >= 6


def test_rounding_units_setting():
    from tieout.linter.run.config import parse

    from .conftest import lint_text

    text = "收入合计 4,852.60 万元，具体为：甲 3,917.35 万元，占 80.72%；乙 126.40 万元，占 2.61%；丙 808.85 万元，占 16.67%。"
    loose = {d.code for d in lint_text(text).diagnostics}
    strict = {d.code for d in lint_text(text, config=parse({"rounding-units": 0}, "t.yaml")).diagnostics}
    assert "TO100" in loose and "TO103" not in loose
    assert "TO103" in strict
