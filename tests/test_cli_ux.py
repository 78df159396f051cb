"""The command line as ruff, SQLFluff, ESLint and pre-commit users expect it (issue 16): usage errors with
suggestions, --version, exclusion, --show-files/--show-settings, suppressions where authors write them
(Markdown, text, Word comments), severities explained, one language per output, colour, page progress,
github/SARIF locations for Word and PDF, statistics with severity."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tieout.linter.cli import main

from .conftest import ROOT, SEEDS, lint_text, needs_seeds

BAD = "收入合计 100 万元，具体为：甲 50 万元，乙 40 万元。\n"
GOOD = "收入合计 90 万元，具体为：甲 50 万元，乙 40 万元。\n"
INFERRED_SEED = SEEDS / "002_f9f4a9c0bf5a0601.txt"  # TO101 at 138:14 is a warning: a figure is inferred


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "tieout.linter", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env={**base, **(env or {})},
        timeout=300,
    )


def findings(stdout: str) -> list[tuple[str, int]]:
    return [(d["code"], d["line"]) for f in json.loads(stdout)["files"] for d in f["diagnostics"]]


# --- unknown rules, options and settings: exit 2 with a suggestion ---------------------------------------
def test_unknown_selected_code_is_a_usage_error_with_a_suggestion(tmp_path):
    (tmp_path / "x.txt").write_text(BAD, encoding="utf-8")
    proc = run("check", "--select", "TO999", "x.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "unknown rule 'TO999'; did you mean" in proc.stderr and not proc.stdout
    assert "did you mean TO101?" in run("check", "--select", "TO10I", "x.txt", cwd=tmp_path).stderr
    proc = run("check", "--ignore", "sum-mismtch", "x.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "--ignore: unknown rule 'sum-mismtch'; did you mean sum-mismatch?" in proc.stderr
    proc = run("check", "--extend-select", "foo", "x.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "`tieout rules` lists the rules" in proc.stderr
    # prefixes, names and ALL stay valid
    assert run("check", "--select", "TO1,sum-mismatch,ALL", "x.txt", cwd=tmp_path).returncode == 1


def test_unknown_rule_in_configuration(tmp_path):
    (tmp_path / "x.txt").write_text(BAD, encoding="utf-8")
    for text, key in [
        ("select: [TO999]\n", "select"),
        ("severity: {sum-mismach: info}\n", "severity"),
        ("per-file-ignores: {'*.txt': [TO1O1]}\n", "per-file-ignores"),
    ]:
        (tmp_path / "tieout.yaml").write_text(text, encoding="utf-8")
        proc = run("check", "x.txt", cwd=tmp_path)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
        assert f"tieout.yaml: {key}" in proc.stderr and "did you mean" in proc.stderr, proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1
    (tmp_path / "tieout.yaml").write_text("ignroe: [TO101]\n", encoding="utf-8")
    proc = run("check", "x.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "did you mean 'ignore'?" in proc.stderr


def test_unknown_rule_in_a_suppression_is_an_error_and_the_findings_stand(tmp_path):
    (tmp_path / "x.md").write_text(BAD.strip() + "<!-- tieout: ignore[TO10I] -->\n", encoding="utf-8")
    proc = run("check", "--format", "json", "x.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert "x.md:1: suppression: unknown rule 'TO10I'; did you mean TO101?" in proc.stderr
    assert findings(proc.stdout) == [("TO101", 1)]  # reported, and no TO901 for the broken comment


def test_mistyped_options_and_choices_suggest(capsys):
    assert main(["check", "--selct", "TO1", "x.txt"]) == 2
    err = capsys.readouterr().err
    assert "tieout check: error: unrecognized option '--selct'; did you mean '--select'?" in err
    assert len(err.strip().splitlines()) == 2  # the mistake and where help is, not the whole usage
    assert main(["chek", "x.txt"]) == 2
    assert "did you mean 'check'?" in capsys.readouterr().err
    assert main(["check", "--fail-on", "warn", "x.txt"]) == 2
    assert "did you mean 'warning'?" in capsys.readouterr().err
    assert main(["check", "--format", "humna", "x.txt"]) == 2
    assert "did you mean 'human'?" in capsys.readouterr().err
    assert main(["explain", "TO10I"]) == 2
    assert "did you mean TO101?" in capsys.readouterr().err


def test_version():
    proc = run("--version")
    from importlib.metadata import version

    assert proc.returncode == 0 and proc.stdout == f"tieout {version('tieout')}\n"


def test_version_and_usage_errors_load_no_parser():
    """The command modules import the pipeline lazily: answering --version or a usage error loads neither
    lark nor the engine."""
    code = (
        "import sys\nfrom tieout.linter.cli import main\n"
        "codes = [main(['--version']), main(['check', '--selct', 'x'])]\n"
        "print(codes, 'lark' in sys.modules, 'tieout.linter.run.engine' in sys.modules)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.stdout.strip().splitlines()[-1] == "[0, 2] False False", proc.stdout + proc.stderr


def test_configuration_files_that_cannot_be_read(tmp_path):
    (tmp_path / "x.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.yaml").write_text("select: [TO1\n", encoding="utf-8")
    (tmp_path / "list.yaml").write_text("- TO1\n", encoding="utf-8")
    (tmp_path / "bin.yaml").write_bytes(b"\xff\xfe\x00\x00\x81")
    (tmp_path / "pyproject.toml").write_text("[tool.tieout\n", encoding="utf-8")
    cases = [
        (["--config", "nothere.yaml"], "nothere.yaml: cannot read"),
        (["--config", "bad.yaml"], "bad.yaml: invalid YAML"),
        (["--config", "list.yaml"], "list.yaml: the configuration must be a mapping"),
        (["--config", "bin.yaml"], "bin.yaml: cannot read"),
        (["--config", "."], ": cannot read"),
        ([], "pyproject.toml: invalid TOML"),
    ]
    for args, message in cases:
        proc = run("check", *args, "x.txt", cwd=tmp_path)
        assert proc.returncode == 2 and message in proc.stderr, (args, proc.stderr)
        assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
        assert not proc.stdout


def test_nothing_found_says_so_and_exits_2(tmp_path):
    (tmp_path / "empty").mkdir()
    proc = run("check", "empty", cwd=tmp_path)
    assert proc.returncode == 2 and "empty: directory holds no reports" in proc.stderr
    assert proc.stdout == ""  # no "no problems in 0 files"
    proc = run("check", "missing.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "missing.txt: no such file or directory" in proc.stderr and proc.stdout == ""
    proc = run("check", cwd=tmp_path)  # no path: the working folder
    assert proc.returncode == 2 and "directory holds no reports" in proc.stderr


# --- which files -------------------------------------------------------------------------------------------
def _tree(tmp_path: Path) -> Path:
    for name in ["reports/a.txt", "reports/B.TXT", "reports/drafts/d.md", "README.md", "requirements.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(BAD, encoding="utf-8")
    for name in ["node_modules/x/n.md", ".hidden/h.txt", "reports/Changelog.md"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(BAD, encoding="utf-8")
    return tmp_path


def test_show_files_with_default_exclusions_and_any_case(tmp_path):
    _tree(tmp_path)
    proc = run("check", "--show-files", cwd=tmp_path)
    assert proc.returncode == 0
    # upper-case extensions are reports; README, CHANGELOG, requirements.txt, hidden and tool folders are not
    assert proc.stdout.splitlines() == ["reports/B.TXT", "reports/a.txt", "reports/drafts/d.md"]


def test_exclude_and_extend_exclude_in_configuration_and_on_the_command_line(tmp_path):
    _tree(tmp_path)
    (tmp_path / "tieout.yaml").write_text("extend-exclude: [reports/drafts]\n", encoding="utf-8")
    assert run("check", "--show-files", cwd=tmp_path).stdout.splitlines() == ["reports/B.TXT", "reports/a.txt"]
    proc = run("check", "--show-files", "--extend-exclude", "b.txt", cwd=tmp_path)
    assert proc.stdout.splitlines() == ["reports/a.txt"]  # patterns ignore case, as extensions do
    (tmp_path / "tieout.yaml").write_text("exclude: ['*.md']\n", encoding="utf-8")  # replaces the defaults
    proc = run("check", "--show-files", cwd=tmp_path)
    assert "requirements.txt" in proc.stdout and "README.md" not in proc.stdout and ".hidden/h.txt" in proc.stdout
    proc = run("check", "--show-files", "--exclude", "reports,.*", cwd=tmp_path)  # over the file's `exclude`
    assert proc.stdout.splitlines() == ["README.md", "node_modules/x/n.md", "requirements.txt"]
    # every report of the folder excluded: nothing checked, said so
    proc = run("check", "reports", "--exclude", "*", cwd=tmp_path)
    assert proc.returncode == 2 and "every report in it is excluded" in proc.stderr


def test_files_named_explicitly_are_checked_unless_force_exclude(tmp_path):
    _tree(tmp_path)
    assert run("check", "README.md", cwd=tmp_path).returncode == 1
    proc = run("check", "--force-exclude", "README.md", cwd=tmp_path)
    assert proc.returncode == 0 and "no reports to check: 1 excluded" in proc.stderr and proc.stdout == ""
    proc = run("check", "--force-exclude", "--format", "json", "README.md", "reports/a.txt", cwd=tmp_path)
    assert proc.returncode == 1 and [f["path"] for f in json.loads(proc.stdout)["files"]] == ["reports/a.txt"]


def test_show_settings_names_the_file_they_come_from(tmp_path):
    _tree(tmp_path)
    proc = run("check", "--show-settings", "reports/a.txt", cwd=tmp_path)
    assert proc.returncode == 0
    assert "Settings path: none (defaults" in proc.stdout and 'fail-on = "warning"' in proc.stdout
    (tmp_path / "tieout.yaml").write_text("fail-on: error\nignore: [TO2]\n", encoding="utf-8")
    out = run("check", "--show-settings", "--select", "TO1", "reports/a.txt", cwd=tmp_path).stdout
    assert f"Settings path: {tmp_path / 'tieout.yaml'}" in out and 'fail-on = "error"' in out
    assert 'select = ["TO1"]' in out and 'ignore = ["TO2"]' in out and '"README*"' in out
    rules = json.loads(next(line for line in out.splitlines() if line.startswith("rules run = ")).split(" = ")[1])
    assert "TO101" in rules and not [r for r in rules if not r.startswith("TO1")]


def test_glob_patterns():
    from tieout.linter.run.config import Config
    from tieout.linter.run.discovery import Excluder

    ex = Excluder.of(Config(exclude=["drafts", "archive/**/*.pdf", "x?.md", "[ab]*.txt"]))
    base = ex.base
    assert ex.excluded(base / "a" / "drafts" / "r.txt") and ex.excluded(base / "DRAFTS" / "r.txt")
    assert ex.excluded(base / "archive" / "2019" / "q" / "r.PDF") and ex.excluded(base / "archive" / "r.pdf")
    assert not ex.excluded(base / "archive2" / "r.pdf") and not ex.excluded(base / "archive" / "r.txt")
    assert ex.excluded(base / "x1.md") and not ex.excluded(base / "x12.md")
    assert ex.excluded(base / "b1.txt") and not ex.excluded(base / "c1.txt")


# --- suppressions where authors write them ------------------------------------------------------------------
def codes_of(text: str, path: str = "case.md") -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in lint_text(text, path).diagnostics]


def test_markdown_suppression_on_the_previous_non_blank_line():
    assert codes_of(BAD) == [("TO101", 1)]
    assert codes_of("<!-- tieout: ignore[TO101] -->\n\n" + BAD) == []  # a blank line between: still covered
    assert codes_of("<!-- tieout: ignore[TO101] -->\n\n\n" + BAD) == []
    # a wrapped sentence: the comment covers the sentence its line starts, wherever the figure is
    wrapped = "收入合计 100 万元，具体为：甲 50 万元，\n乙 40 万元。\n"
    assert codes_of(wrapped) == [("TO101", 1)] and codes_of("<!-- tieout: ignore[TO101] -->\n" + wrapped) == []
    # the comment does not change how the text is read (it is no part of the sentence)
    assert codes_of("<!-- tieout: ignore[TO102] -->\n\n" + BAD) == [("TO901", 1), ("TO101", 3)]
    # the next paragraph only
    assert codes_of("<!-- tieout: ignore[TO101] -->\n" + GOOD + "\n" + BAD) == [("TO901", 1), ("TO101", 4)]
    assert codes_of(BAD.strip() + " <!-- tieout: ignore[sum-mismatch] -->\n") == []
    assert codes_of("<!-- tieout: ignore-file[TO1] -->\n" + GOOD + BAD) == []


def test_unused_suppression_is_reported_in_chinese():
    result = lint_text(GOOD.strip() + "<!-- tieout: ignore[TO101] -->\n", "case.md")
    (d,) = result.diagnostics
    assert d.code == "TO901" and d.message == "抑制注释 ignore[TO101] 未抑制任何问题，可删除"


def _word(path: Path, comments: list[tuple[int, int, str, str]]) -> Path:
    """A report of three paragraphs with the same mistake; comments: (paragraph, run, text, author)."""
    import docx

    document = docx.Document()
    paragraphs = []
    for item in ("收入", "支出", "结转"):
        p = document.add_paragraph()
        p.add_run(f"{item}合计 ")
        p.add_run("100 万元")
        p.add_run("，具体为：甲 50 万元，乙 40 万元。")
        paragraphs.append(p)
    for para, run_index, text, author in comments:
        document.add_comment([paragraphs[para].runs[run_index]], text=text, author=author)
    document.save(str(path))
    return path


def _json(*args: str, cwd: Path) -> list[dict]:
    """The findings, in full but for the file's name."""
    proc = run("check", "--format", "json", *args, cwd=cwd)
    return [{**d, "path": ""} for f in json.loads(proc.stdout)["files"] for d in f["diagnostics"]]


def test_word_comment_suppresses_exactly_its_finding(tmp_path):
    before = _json(str(_word(tmp_path / "plain.docx", [])), cwd=tmp_path)
    assert [(d["code"], d["locator"]) for d in before] == [("TO101", f"段落 {n}") for n in (1, 2, 3)]
    # on the figure of paragraph 2, written as Word's AutoCorrect and a Chinese input method leave it
    after = _json(str(_word(tmp_path / "c.docx", [(1, 1, "Tieout：ignore［TO101］", "张三")])), cwd=tmp_path)
    assert after == [d for d in before if d["locator"] != "段落 2"]
    # on words of the sentence, not the figure
    after = _json(str(_word(tmp_path / "s.docx", [(2, 2, "tieout: ignore[sum-mismatch]", "李四")])), cwd=tmp_path)
    assert [d["locator"] for d in after] == ["段落 1", "段落 2"]


def test_word_comment_unused_unknown_and_tieout_own_comments(tmp_path):
    report = _word(
        tmp_path / "u.docx",
        [(0, 1, "tieout: ignore[TO102]", "张三"), (1, 1, "TO101（错误）：tieout: ignore[TO101]", "tieout")],
    )
    found = _json(str(report), cwd=tmp_path)
    # the unused one is reported at its place; the comment --annotate wrote (author tieout) suppresses nothing
    assert [(d["code"], d["locator"]) for d in found] == [
        ("TO101", "段落 1"),
        ("TO901", "段落 1"),
        ("TO101", "段落 2"),
        ("TO101", "段落 3"),
    ]
    proc = run("check", str(_word(tmp_path / "k.docx", [(0, 1, "tieout: ignore[TO1O1]", "张三")])), cwd=tmp_path)
    assert proc.returncode == 2 and "suppression: unknown rule 'TO1O1'; did you mean TO101?" in proc.stderr


# --- severities explained, one language per output ----------------------------------------------------------
@needs_seeds
def test_severity_below_the_listed_one_is_explained():
    proc = run("check", str(INFERRED_SEED), "--select", "TO101")
    assert f"{INFERRED_SEED}:138:14: TO101 [警告]" in proc.stdout
    assert "= 说明: 关系中有数字是推断得出的（未明确指认），故报为警告（规则默认为错误）" in proc.stdout
    data = json.loads(run("check", str(INFERRED_SEED), "--select", "TO101", "--format", "json").stdout)
    (d,) = data["files"][0]["diagnostics"]
    assert d["severity"] == "warning" and d["severity_reason"] == "inferred"
    table = {r["code"]: r["severity"] for r in json.loads(run("rules", "--format", "json").stdout)}
    assert table["TO101"] == "error"  # what `tieout rules` lists; the finding said why it differs
    out = run("check", str(INFERRED_SEED), "--select", "TO101", "--format", "github").stdout
    assert out.startswith("::warning ") and "故报为警告" in out


def test_certain_findings_keep_their_listed_severity_and_configured_ones_say_so():
    from tieout.linter.run.config import parse

    (d,) = lint_text(BAD).diagnostics
    assert d.severity == "error" and d.severity_reason is None
    (d,) = lint_text(BAD, config=parse({"severity": {"TO101": "info"}}, "t.yaml")).diagnostics
    assert d.severity == "info" and d.severity_reason == "configured"


def test_explain_documents_the_tiers(capsys):
    assert main(["explain", "TO101"]) == 0
    out = capsys.readouterr().out
    assert "## Severity" in out and "inferred" in out and "--fail-on" in out


def test_human_output_in_one_language(tmp_path):
    (tmp_path / "x.txt").write_text(BAD, encoding="utf-8")
    out = run("check", "x.txt", cwd=tmp_path).stdout
    assert "x.txt:1:6: TO101 [错误] " in out and "= 应为: 90万元" in out
    assert "发现 1 个问题（错误 1 个，警告 0 个，提示 0 个），共检查 1 个文件。" in out
    assert not any(word in out for word in ("error", "warning", "Found", "problem", "file"))
    en = run("check", "--lang", "en", "x.txt", cwd=tmp_path).stdout
    assert "TO101 [error]" in en and "expected: 90万元" in en and "Found 1 problem (1 error" in en
    assert run("check", "x.txt", cwd=tmp_path, env={"TIEOUT_LANG": "en"}).stdout == en
    assert "未发现问题" in run("check", "x.txt", "--ignore", "TO101", cwd=tmp_path).stdout


@needs_seeds
def test_statistics_with_severity(tmp_path):
    out = run("check", "--statistics", str(SEEDS)).stdout
    assert "TO101\tsum-mismatch\t警告" in out and "TO202\tunit-slip\t错误" in out
    out = run("check", "--statistics", "--lang", "en", str(SEEDS)).stdout
    assert "TO101\tsum-mismatch\twarning" in out


def test_word_comments_of_annotate_are_chinese(tmp_path):
    import docx

    report = _word(tmp_path / "r.docx", [])
    proc = run("check", str(report), "--annotate", str(tmp_path / "out.docx"), cwd=tmp_path)
    assert proc.returncode == 1
    texts = [c.text for c in docx.Document(str(tmp_path / "out.docx")).comments]
    assert len(texts) == 3 and all(t.startswith("TO101（错误）：各项之和") for t in texts)
    assert not any("sum-mismatch" in t for t in texts)


# --- colour ---------------------------------------------------------------------------------------------------
def test_colour_choice_and_environment(tmp_path):
    (tmp_path / "x.txt").write_text(BAD, encoding="utf-8")
    esc = "\033["
    assert esc not in run("check", "x.txt", cwd=tmp_path).stdout  # a pipe: no colour
    assert esc in run("check", "--color", "always", "x.txt", cwd=tmp_path).stdout
    assert esc in run("check", "x.txt", cwd=tmp_path, env={"FORCE_COLOR": "1"}).stdout
    assert esc not in run("check", "x.txt", cwd=tmp_path, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert esc in run("check", "--color", "always", "x.txt", cwd=tmp_path, env={"NO_COLOR": "1"}).stdout
    assert esc not in run("check", "--no-color", "x.txt", cwd=tmp_path, env={"FORCE_COLOR": "1"}).stdout


def test_use_colour():
    from tieout.linter.cli.terminal import use_colour

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert use_colour("auto", Tty(), {}) and not use_colour("auto", io.StringIO(), {})
    assert not use_colour("auto", Tty(), {"NO_COLOR": "1"}) and use_colour("auto", Tty(), {"NO_COLOR": ""})
    assert use_colour("auto", io.StringIO(), {"FORCE_COLOR": "true"})
    assert not use_colour("auto", Tty(), {"FORCE_COLOR": "0"})
    assert not use_colour("never", Tty(), {"FORCE_COLOR": "1"}) and use_colour("always", io.StringIO(), {})


# --- Word and PDF in CI formats; progress -----------------------------------------------------------------------
def test_github_and_sarif_locate_word_findings_by_locator(tmp_path):
    report = _word(tmp_path / "r.docx", [])
    lines = run("check", "--format", "github", str(report), cwd=tmp_path).stdout.splitlines()
    assert len(lines) == 3
    assert lines[1].startswith(f"::error file={report},title=TO101 sum-mismatch 段落 2::TO101 各项之和")
    assert all("line=" not in ln and "col=" not in ln for ln in lines)  # no line of a binary file
    assert lines[1].endswith("（段落 2）")
    sarif = json.loads(run("check", "--format", "sarif", str(report), cwd=tmp_path).stdout)
    result = sarif["runs"][0]["results"][1]
    assert "region" not in result["locations"][0]["physicalLocation"]
    assert result["properties"]["locator"] == "段落 2" and result["message"]["text"].endswith("（段落 2）")
    # a text report keeps its lines and columns
    (tmp_path / "x.txt").write_text(BAD, encoding="utf-8")
    assert ",line=1,col=6," in run("check", "--format", "github", "x.txt", cwd=tmp_path).stdout


def test_page_progress_for_a_long_pdf(tmp_path):
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas
    from tieout.linter.run.pageprogress import MIN_PAGES, PageProgress
    from tieout.linter.run.session import CheckRequest, CheckSession

    path = tmp_path / "long.pdf"
    pdf = canvas.Canvas(str(path))
    for n in range(MIN_PAGES + 2):
        pdf.drawString(72, 720, f"Page {n + 1} total 100")
        pdf.showPage()
    pdf.save()

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    err = Tty()
    CheckSession(CheckRequest([str(path)], jobs=1), err=err).run(None)
    shown = err.getvalue()
    assert f"long.pdf: page {MIN_PAGES + 2}/{MIN_PAGES + 2} (reading)" in shown
    assert f"page {MIN_PAGES + 2}/{MIN_PAGES + 2} (laying out)" in shown and shown.endswith("\r\033[K")
    quiet = io.StringIO()  # not a terminal: nothing
    CheckSession(CheckRequest([str(path)], jobs=1), err=quiet).run(None)
    assert quiet.getvalue() == ""
    assert PageProgress.on(Tty(), "x.pdf", wanted=False) is None  # --no-progress


def test_environment_language(monkeypatch):
    from tieout.linter.report.i18n import language

    monkeypatch.delenv("TIEOUT_LANG", raising=False)
    assert language() == "zh" and language("en") == "en"
    monkeypatch.setenv("TIEOUT_LANG", "en_US")
    assert language() == "en" and language("zh") == "zh"
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("TIEOUT_LANG", "")
    assert language() == "zh"  # the POSIX locale is not read


def test_no_option_left_undocumented_in_readme():
    """Every option of `tieout check` is named in the README."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    from tieout.linter.cli import build_parser
    from tieout.linter.cli.usage import subcommand

    check = subcommand(build_parser(), "check")
    assert check is not None
    missing = [o for o in check.options() if o not in readme and o != "--help"]
    assert not missing, missing
    assert os.path.exists(ROOT / "docs" / "ci.md")


def test_the_process_ends_after_its_exit_functions_and_output():
    """`tieout` ends its process without the interpreter's teardown, but only after the exit functions (the
    caches written) and with everything written to the standard streams out, and with the command's code."""
    code = (
        "import atexit, sys\nfrom tieout.linter.cli import end_process\n"
        "atexit.register(lambda: sys.stdout.write(' and the exit functions'))\n"
        "sys.stdout.write('the output')\nsys.stderr.write('a note')\nend_process(3)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert (proc.returncode, proc.stdout, proc.stderr) == (3, "the output and the exit functions", "a note")
