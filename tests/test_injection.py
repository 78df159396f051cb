"""Single errors injected into the seed reports are caught (benchmarks/inject.py holds the mutations)."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import inject  # noqa: E402


@pytest.mark.slow
def test_injected_errors_are_caught():
    tally = inject.run(sorted((ROOT / "fixtures" / "seeds").glob("*.txt")))
    kinds = {k[0] for k in tally if isinstance(k, tuple)}
    found = sum(tally[k, "found"] for k in kinds)
    total = sum(tally[k, "total"] for k in kinds)
    assert total > 250
    assert found / total >= 0.8, dict(tally)
    assert tally["word", "found"] == tally["word", "total"]
