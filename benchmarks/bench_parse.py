"""Parse throughput: the seed reports repeated to at least 5 MB, through normalise → quantities → grammar →
facts, on one core after start-up. Run: python benchmarks/bench_parse.py [MB]"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from linter.normalise import normalise
from linter.parsing import FactBuilder, parser

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    target = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))]
    unit = "\n\n".join(texts)
    copies = int(target * 1024 * 1024 / len(unit.encode("utf-8"))) + 1
    parser()  # start-up excluded
    t0 = time.perf_counter()
    sentences = figures = 0
    size = 0
    for _ in range(copies):
        doc = normalise(unit)
        fb = FactBuilder(doc)
        facts = fb.build()
        sentences += len(doc.sentences)
        figures += len(facts.quantities)
        size += len(unit.encode("utf-8"))
    dt = time.perf_counter() - t0
    print(f"{size / 1048576:.1f} MB, {sentences} sentences, {figures} figures in {dt:.2f} s: "
          f"{size / 1048576 / dt:.2f} MB/s, {dt / sentences * 1e6:.0f} µs per sentence")


if __name__ == "__main__":
    main()
