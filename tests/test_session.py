"""The run of `tieout check` without the command line (linter/run/session.py): order, baseline, exit codes,
usage errors, progress."""

from __future__ import annotations

import io

import pytest
from tieout.linter.run.outcome import ExitCode, Outcome
from tieout.linter.run.progress import MIN_FILES, Progress
from tieout.linter.run.results import FileResult
from tieout.linter.run.session import CheckRequest, CheckSession, UsageError

BAD = "收入合计 100 万元，具体为：甲 50 万元，乙 40 万元。\n"
GOOD = "收入合计 90 万元，具体为：甲 50 万元，乙 40 万元。\n"


class Collect:
    """A reporter that keeps what it is given."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.codes: list[list[str]] = []
        self.finished = False

    def file(self, result: FileResult, text: str) -> None:
        self.paths.append(result.path)
        self.codes.append([d.code for d in result.diagnostics])

    def finish(self) -> None:
        self.finished = True


def run(request: CheckRequest, reporter: Collect | None = None) -> tuple[Outcome, Collect]:
    reporter = reporter or Collect()
    return CheckSession(request, err=io.StringIO()).run(reporter), reporter


def test_results_in_the_order_of_the_files_and_the_exit_code(tmp_path):
    (tmp_path / "b.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    outcome, seen = run(CheckRequest([str(tmp_path), str(tmp_path / "missing.txt")], jobs=1))
    assert seen.paths == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert seen.codes == [[], ["TO101"]] and not seen.finished  # the command line finishes the reporter
    assert outcome.failing and len(outcome.errors) == 1 and outcome.exit_code == ExitCode.USAGE
    outcome, _ = run(CheckRequest([str(tmp_path / "b.txt")], jobs=1))
    assert outcome.exit_code == ExitCode.FINDINGS
    outcome, _ = run(CheckRequest([str(tmp_path / "b.txt")], jobs=1, exit_zero=True))
    assert outcome.exit_code == ExitCode.OK
    outcome, _ = run(CheckRequest([str(tmp_path / "b.txt")], jobs=1, overrides={"fail_on": "error", "ignore": None}))
    assert outcome.exit_code == ExitCode.FINDINGS  # TO101 is an error; None overrides nothing


def test_baseline_written_then_subtracted(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.txt").write_text(BAD, encoding="utf-8")
    outcome = CheckSession(CheckRequest(["r.txt"], write_baseline="base.json", jobs=1)).run(None)
    assert outcome.baseline_written == 1 and outcome.exit_code == ExitCode.OK
    outcome, seen = run(CheckRequest(["r.txt"], baseline="base.json", jobs=1))
    assert seen.codes == [[]] and outcome.exit_code == ExitCode.OK


def test_usage_errors(tmp_path):
    (tmp_path / "r.txt").write_text(BAD, encoding="utf-8")
    with pytest.raises(UsageError, match="--annotate takes exactly one .docx report"):
        CheckSession(CheckRequest([str(tmp_path / "r.txt")], annotate=str(tmp_path / "out.docx")))
    (tmp_path / "base.json").write_text("[]", encoding="utf-8")
    with pytest.raises(UsageError, match="baseline"):
        CheckSession(CheckRequest([str(tmp_path / "r.txt")], baseline=str(tmp_path / "base.json")))
    with pytest.raises(UsageError, match="cannot read"):
        CheckSession(CheckRequest([str(tmp_path / "r.txt")], config_path=str(tmp_path / "none.yaml")))


def test_cross_document_findings_are_selected_and_reach_the_reporter(tmp_path):
    (tmp_path / "a.txt").write_text(
        "2024年度某区水务局整体支出绩效自评报告\n全区养护河道堤防长度为 318.46 公里。\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        "2024年度某区水务局绩效自评报告\n全区养护河道堤防长度为 381.46 公里。\n", encoding="utf-8"
    )
    outcome, seen = run(CheckRequest([str(tmp_path)], jobs=1))
    assert seen.codes == [[], []] and outcome.exit_code == ExitCode.OK
    outcome, seen = run(CheckRequest([str(tmp_path)], jobs=1, overrides={"cross_document": True}))
    assert seen.codes == [["TO207"], ["TO207"]] and outcome.exit_code == ExitCode.FINDINGS
    outcome, seen = run(CheckRequest([str(tmp_path)], jobs=1, overrides={"cross_document": True, "ignore": ["TO2"]}))
    assert seen.codes == [[], []] and outcome.exit_code == ExitCode.OK


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_for_long_batches():
    shown = Terminal()
    p = Progress.on(shown, MIN_FILES, wanted=True)
    p.step()
    p.done()
    assert shown.getvalue().startswith(f"\r[1/{MIN_FILES}] checked")
    assert not Progress.on(Terminal(), MIN_FILES - 1, wanted=True).enabled
    assert not Progress.on(Terminal(), MIN_FILES, wanted=False).enabled
    assert not Progress.on(io.StringIO(), MIN_FILES, wanted=True).enabled
