"""The pre-commit hook of .pre-commit-hooks.yaml, run by pre-commit itself on a temporary repository."""

import os
import shutil
import subprocess
import sys

import pytest

from .conftest import JUESUAN, ROOT


@pytest.mark.slow
def test_pre_commit_hook(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    pre_commit = [sys.executable, "-m", "pre_commit"]
    repo = tmp_path / "reports"
    repo.mkdir()
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
    }
    shutil.copy(JUESUAN, repo / "report.txt")
    (repo / "clean.md").write_text("收入合计 100 万元，具体为：甲 60 万元，乙 40 万元。\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)
    failing = subprocess.run(
        pre_commit + ["try-repo", str(ROOT), "tieout", "--files", "report.txt", "clean.md"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "TO202" in failing.stdout and "report.txt:18" in failing.stdout
    passing = subprocess.run(
        pre_commit + ["try-repo", str(ROOT), "tieout", "--files", "clean.md"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert passing.returncode == 0, passing.stdout + passing.stderr
