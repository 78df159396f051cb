"""Parse throughput: the seed reports of ../shared/seeds (read in place) repeated to at least 5 MB, through
normalise → quantities → grammar → facts, on one core after start-up, each stage timed.
Run: python benchmarks/bench_parse.py [MB]"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from tieout.linter.facts.build import build_facts
from tieout.linter.parse.sentences import parser
from tieout.linter.text.normalise import normalise

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"  # other publishers' reports: read in place, never copied here


def main() -> None:
    target = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if not texts:
        sys.exit(f"{SEEDS}: no seed reports to measure (../shared is absent)")
    unit = "\n\n".join(texts)
    copies = int(target * 1024 * 1024 / len(unit.encode("utf-8"))) + 1
    parser()  # start-up excluded
    sentences = figures = size = 0
    t_norm = t_parse = 0.0
    for _ in range(copies):
        t0 = time.perf_counter()
        doc = normalise(unit)
        t1 = time.perf_counter()
        facts = build_facts(doc)  # figures → typed tokens → LALR → facts
        t2 = time.perf_counter()
        t_norm += t1 - t0
        t_parse += t2 - t1
        sentences += len(doc.sentences)
        figures += len(facts.quantities)
        size += len(unit.encode("utf-8"))
    mb = size / 1048576
    print(f"{mb:.1f} MB of report text, {sentences} sentences, {figures} figures")
    print(f"  normalise             {t_norm:5.2f} s  {mb / t_norm:5.2f} MB/s")
    print(
        f"  parse (figures, tokens, LALR, facts) {t_parse:5.2f} s  {mb / t_parse:5.2f} MB/s, "
        f"{t_parse / sentences * 1e6:.0f} µs per sentence"
    )
    print(f"  end to end            {t_norm + t_parse:5.2f} s  {mb / (t_norm + t_parse):5.2f} MB/s")


if __name__ == "__main__":
    main()
