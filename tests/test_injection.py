"""Single errors injected into the seed reports of ../shared/seeds (read in place; skipped when absent) are
caught (benchmarks/inject.py holds the mutations)."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import inject  # noqa: E402

from .conftest import SEEDS, needs_seeds  # noqa: E402


@pytest.mark.slow
@needs_seeds
def test_injected_errors_are_caught():
    tally = inject.run(sorted(SEEDS.glob("*.txt")))
    kinds = {k[0] for k in tally if isinstance(k, tuple)}
    found = sum(tally[k, "found"] for k in kinds)
    total = sum(tally[k, "total"] for k in kinds)
    assert total > 250
    assert found / total >= 0.8, dict(tally)
    assert tally["word", "found"] == tally["word", "total"]
