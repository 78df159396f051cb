"""Where the time of a check goes: CPU per stage over the text reports of the shared corpus.

    python benchmarks/stages.py [--shared ../shared]

Each stage function is wrapped by a timer (`time.process_time`), without a profiler's overhead, and the text
reports are checked once to warm up and once measured: normalising, figures, tables, the sentence pass,
identities, the linking passes, explanations and the checks. What is left ("other") is reading results,
suppressions and sorting. The stage shares are what a speed-up of one stage can at most bring.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tieout.linter.facts.build as build
import tieout.linter.run.engine as engine
from tieout.linter.facts import explain, identity, passes
from tieout.linter.run.config import Config
from tieout.linter.text.reading import read_path

SPENT: Counter[str] = Counter()


def _timed(owner: Any, name: str, stage: str) -> None:
    """Replace `owner.name` by a function that adds its CPU time to `stage`."""
    inner: Callable[..., Any] = getattr(owner, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            SPENT[stage] += time.process_time() - start

    setattr(owner, name, timed)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    args = ap.parse_args()
    corpus = Path(args.shared) / "corpus"
    files = sorted(p for p in corpus.rglob("*") if p.suffix in (".txt", ".md") and "truth" not in p.parts)
    if not files:
        raise SystemExit(f"no text reports under {corpus}")
    for owner, name, stage in (
        (engine, "normalise", "normalise"),
        (build, "extract", "figures"),
        (build, "find_tables", "tables"),
        (build.SentencePass, "run", "sentences"),
        (identity, "assign", "identities"),
        (passes, "run", "linking passes"),
        (identity, "refine", "identities"),
        (explain, "run", "explanations"),
        (engine, "_check", "checks"),
    ):
        _timed(owner, name, stage)
    sources = [read_path(str(p)) for p in files]
    size = sum(len(s.text.encode()) for s in sources)
    for s in sources:  # warm up: caches of labels and patterns compiled on first use
        engine.lint_source(s, Config())
    SPENT.clear()
    start = time.process_time()
    for s in sources:
        engine.lint_source(s, Config())
    total = time.process_time() - start
    print(f"{len(sources)} text reports, {size / 1e6:.1f} MB: {total:.2f} s CPU, {size / 1e6 / total:.2f} MB/s")
    for stage, spent in SPENT.most_common():
        print(f"  {stage:16s} {spent:6.2f} s  {100 * spent / total:3.0f}%")
    print(f"  {'other':16s} {total - sum(SPENT.values()):6.2f} s")


if __name__ == "__main__":
    main()
