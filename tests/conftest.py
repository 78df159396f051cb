from __future__ import annotations

import os
from pathlib import Path

import pytest
from tieout.linter.run.config import Config
from tieout.linter.run.engine import FileResult, lint_source
from tieout.linter.text.reading import Source

ROOT = Path(__file__).resolve().parent.parent
# The annotated seed reports are other publishers' files: read in place from ../shared, never copied here;
# the tests that need them skip when it is absent.
SHARED = Path(os.environ.get("TIEOUT_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is absent")
# Our own reports with planted mistakes (README's first command)
EXAMPLES = ROOT / "fixtures" / "examples"
JUESUAN = EXAMPLES / "bumen_juesuan_shuoming.txt"
JIXIAO = EXAMPLES / "xiangmu_jixiao_zipingbaogao.txt"


def lint_text(text: str, path: str = "case.txt", config: Config | None = None) -> FileResult:
    return lint_source(Source(path, text, "utf-8"), config or Config())


@pytest.fixture(autouse=True, scope="session")
def _session_cache(tmp_path_factory):
    """tieout run in-process (and in children that inherit the environment) keeps its caches in a folder
    of this test session, never in the user's."""
    before = os.environ.get("TIEOUT_CACHE_DIR")
    os.environ["TIEOUT_CACHE_DIR"] = str(tmp_path_factory.mktemp("tieout-cache"))
    yield
    if before is None:
        os.environ.pop("TIEOUT_CACHE_DIR", None)
    else:
        os.environ["TIEOUT_CACHE_DIR"] = before


@pytest.fixture
def lint():
    return lint_text
