"""The pre-commit hook, as docs/ci.md tells a user to set it up, run by pre-commit itself on `git commit` in a
fresh repository of reports: a report with a mistake (BAD.TXT, upper case) blocks the commit, a README with
figures in it is not checked."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import JUESUAN, ROOT

CI_DOC = ROOT / "docs" / "ci.md"
BAD = JUESUAN  # a unit slip (TO202) on line 18
# a README whose example sentence would be a finding (TO101) if it were checked as a report
README = "# 报告库\n\n示例：收入合计 100 万元，具体为：甲 50 万元，乙 40 万元。\n"


def _yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", CI_DOC.read_text(encoding="utf-8"), re.S)


def _git(repo: Path, *args: str, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=check, timeout=600)


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        # `tieout` for the local hook: the one installed beside this Python
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(tmp_path),  # no user git configuration (hooks paths, signing)
    }


def _reports_repo(tmp_path: Path, config: str, env: dict[str, str]) -> Path:
    repo = tmp_path / "reports"
    repo.mkdir()
    _git(repo, "init", "-q", env=env)
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    shutil.copy(BAD, repo / "BAD.TXT")
    (repo / "README.md").write_text(README, encoding="utf-8")
    return repo


def _commits(repo: Path, env: dict[str, str]) -> None:
    """`git commit` with the hook installed: blocked by BAD.TXT, then a README alone goes through."""
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo, env=env, check=True, capture_output=True)
    _git(repo, "add", "BAD.TXT", "README.md", ".pre-commit-config.yaml", env=env)
    blocked = _git(repo, "commit", "-m", "reports", env=env, check=False)
    out = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, out
    assert "BAD.TXT:18" in out and "TO202" in out, out
    assert "README.md:" not in out, out  # the README is not checked
    _git(repo, "reset", "-q", "BAD.TXT", env=env)
    passed = _git(repo, "commit", "-m", "readme", env=env, check=False)
    assert passed.returncode == 0, passed.stdout + passed.stderr


def _needs_git() -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")


def test_local_hook_from_docs(tmp_path):
    """The first snippet of docs/ci.md, copied as it stands (tieout installed where git runs)."""
    _needs_git()
    config = next(b for b in _yaml_blocks() if "repo: local" in b)
    env = _env(tmp_path)
    _commits(_reports_repo(tmp_path, config, env), env)


@pytest.mark.slow
def test_hook_from_the_repository(tmp_path):
    """The second snippet: pre-commit installs tieout from its repository (.pre-commit-hooks.yaml), pinned
    with `pre-commit autoupdate --freeze` as docs/ci.md says (no tags here: the newest commit's hash)."""
    _needs_git()
    env = _env(tmp_path)
    env["PATH"] = os.environ.get("PATH", "")  # the hook's tieout is the one pre-commit installs
    # the working tree as a repository of its own: what is checked is this tree, committed or not
    source = tmp_path / "tieout"
    listed = _git(ROOT, "ls-files", "-co", "--exclude-standard", "-z", env=env).stdout.split("\0")
    for name in filter(None, listed):
        if (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    _git(source, "init", "-q", env=env)
    _git(source, "add", ".", env=env)
    _git(source, "commit", "-qm", "tieout", env=env)
    block = next(b for b in _yaml_blocks() if "rev:" in b)
    config = re.sub(r"(repo:\s*)\S+", lambda m: m.group(1) + source.as_uri(), block, count=1)
    repo = _reports_repo(tmp_path, config, env)
    update = subprocess.run(
        [sys.executable, "-m", "pre_commit", "autoupdate", "--freeze"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert update.returncode == 0, update.stdout + update.stderr
    head = _git(source, "rev-parse", "HEAD", env=env).stdout.strip()
    assert f"rev: {head}" in (repo / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    _commits(repo, env)
