"""Generated documents through the whole pipeline: no TO900 (internal error) and no exception, ever.

    nice python benchmarks/fuzz.py -n 100000 --seed 1      # the run the closing note of issue 15 states

The generator is tests/fuzzgen.py (hostile figures in sentences of the repository's own samples, random
pieces, long 其中 chains, 100,000-character sentences, deep brackets, NUL bytes, four encodings); the
hypothesis test tests/test_fuzz.py runs it in CI with a small fixed budget. Exit status 1 when any document
gave an internal error; each kind is printed once with the start of an example document.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fuzzgen import ENCODINGS, document, internal_errors, through_bytes  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=1000, help="documents to generate")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--every", type=int, default=10000, help="print a progress line every this many documents")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    failures: Counter[str] = Counter()
    example: dict[str, str] = {}
    refused = 0
    chars = 0
    start = time.process_time()
    for i in range(args.n):
        text = document(rng)
        decoded = through_bytes(text, rng.choice(ENCODINGS))
        refused += decoded is None
        chars += len(text)
        for message in internal_errors(text if decoded is None else decoded):
            key = re.sub(r"\d+", "N", message)[:160]
            failures[key] += 1
            if key not in example:  # said at once: a run stopped early still shows what it found
                example[key] = text[:300]
                print(f"document {i}: {message}", flush=True)
        if (i + 1) % args.every == 0:
            cpu = time.process_time() - start
            print(f"{i + 1} documents, {cpu:.0f} s CPU, {sum(failures.values())} internal errors", flush=True)
    cpu = time.process_time() - start
    print(
        f"{args.n} documents ({chars / 1e6:.1f} M characters; {refused} refused by decoding and checked as text)"
        f" in {cpu:.0f} s of CPU: {sum(failures.values())} internal errors"
    )
    for key, n in failures.most_common():
        print(f"{n:6d}  {key}\n        e.g. {example[key]!r}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
