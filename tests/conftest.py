from __future__ import annotations

from pathlib import Path

import pytest

from linter.config import Config
from linter.engine import FileResult, lint_source
from linter.reading import Source

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"


def lint_text(text: str, path: str = "case.txt", config: Config | None = None) -> FileResult:
    return lint_source(Source(path, text, "utf-8"), config or Config())


@pytest.fixture
def lint():
    return lint_text
