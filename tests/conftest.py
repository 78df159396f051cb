from __future__ import annotations

from pathlib import Path

import pytest
from tieout.linter.run.config import Config
from tieout.linter.run.engine import FileResult, lint_source
from tieout.linter.text.reading import Source

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"


def lint_text(text: str, path: str = "case.txt", config: Config | None = None) -> FileResult:
    return lint_source(Source(path, text, "utf-8"), config or Config())


@pytest.fixture
def lint():
    return lint_text
