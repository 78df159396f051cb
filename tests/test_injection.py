"""Single errors injected into every figure of the seed reports of ../shared/seeds (read in place; skipped when
absent): those in relations tieout checks are caught (benchmarks/inject.py holds the mutations)."""

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
    # every figure of the seeds (the sample is larger than any seed's figures), one mutation each
    outcomes = [
        o for p in sorted(SEEDS.glob("*.txt")) for o in inject.inject(p.name, "seeds", str(p), 10_000, 1).outcomes
    ]
    checked = [o for o in outcomes if o.checked]
    assert len(outcomes) > 250 and len(checked) > 100
    # a mistake in a figure of a relation tieout checks is caught (measured 90/111); the others are a recall gap
    assert sum(o.detected for o in checked) / len(checked) >= 0.75
    assert sum(o.collateral for o in outcomes) == 0
