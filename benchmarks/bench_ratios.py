"""The speed ratios of issue 14, printed in one run (CI does not run this; it takes a few minutes).

    python benchmarks/bench_ratios.py [--shared ../shared] [--runs 3] [--quick]

- scaling: the three seed reports concatenated 8× and 64×, one `lint_source` each in a fresh process after
  start-up: CPU(64×) / CPU(8×) (linear is 8; target ≤ 10), peak memory (RSS) at 64× (target ≤ 150 MB) and
  the JSON output's size (linear: evidence does not grow with the square of the document).
- throughput: every text report (.txt, .md) of `SHARED/corpus` through the whole pipeline, against a regex
  pass that only finds the figures over the same text in the same process (target ≥ 3 MB/s, ≤ 25×).
- start-up: `tieout check --no-cache` of one seed, `tieout rules` and `python -c pass`, in CPU seconds of
  the child process (targets 0.12 s and 0.06 s on an idle machine; the ratio to `python -c pass` is
  printed because a loaded machine inflates every figure alike).
- cache: `tieout check` over the corpus twice in a fresh cache folder: CPU of the second run / the first
  (target ≤ 10%), outputs identical.
- jobs: wall time of `--jobs 2` against `--jobs 1` (no cache) on the corpus and on batches of 1–16 seed
  reports (where parallel workers start to pay), outputs byte-identical.

CPU times are `resource` times of the child processes (user + system) or `time.process_time()` in-process,
medians of `--runs`; the machine is shared, so wall times (jobs) are only meaningful on an idle one.
`--quick` uses the corpus's text reports only for the cache and jobs runs (the PDFs take minutes).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# other publishers' reports: read in place, never copied into the repository (a worker gets --shared)
SEEDS = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
FIGURE = re.compile(r"\d+(?:[,，]\d{3})*(?:\.\d+)?\s*(?:%|万元|亿元|元)?")
TIEOUT = [sys.executable, "-m", "tieout.linter"]
# bytecode written and read, as for an installed tool (some shells here export PYTHONDONTWRITEBYTECODE)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def no_cache() -> list[str]:
    """`--no-cache` where this tieout has a cache (the benchmark also measures versions before it)."""
    helptext = subprocess.run([*TIEOUT, "check", "--help"], capture_output=True, text=True, env=ENV).stdout
    return ["--no-cache"] if "--no-cache" in helptext else []


def child_cpu(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, bytes]:
    """CPU seconds (user + system) and wall seconds of one child process, and its output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, env=env or ENV)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime), wall, proc.stdout


# --- workers (run in a fresh process) ---------------------------------------------------------------------
def worker_scale(copies: int) -> None:
    import io

    from tieout.linter.report.json_ import Json
    from tieout.linter.run.config import Config
    from tieout.linter.run.engine import lint_source
    from tieout.linter.text.reading import Source

    seeds = [p.read_text(encoding="utf-8") for p in SEEDS]
    lint_source(Source("warm-up.txt", seeds[0], "utf-8"), Config())  # start-up excluded
    text = "\n\n".join(["\n\n".join(seeds)] * copies)
    t = time.process_time()
    result = lint_source(Source(f"seeds-{copies}x.txt", text, "utf-8"), Config())
    cpu = time.process_time() - t
    out = io.StringIO()
    reporter = Json(out)
    reporter.file(result, text)
    reporter.finish()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"cpu": cpu, "rss_mb": rss, "json_bytes": len(out.getvalue().encode("utf-8"))}))


def worker_throughput(shared: str, runs: int) -> None:
    from tieout.linter.run.config import Config
    from tieout.linter.run.engine import lint_source
    from tieout.linter.text.reading import Source, read_path

    paths = sorted(str(p) for p in (Path(shared) / "corpus").rglob("*") if p.suffix.lower() in (".txt", ".md"))
    sources = [read_path(p) for p in paths]
    size = sum(len(s.text.encode("utf-8")) for s in sources)
    lint_source(Source("warm-up.txt", SEEDS[0].read_text(encoding="utf-8"), "utf-8"), Config())
    regex, full = [], []
    for _ in range(runs):
        t = time.process_time()
        n = sum(sum(1 for _ in FIGURE.finditer(s.text)) for s in sources)
        regex.append(time.process_time() - t)
        t = time.process_time()
        for s in sources:
            lint_source(s, Config())
        full.append(time.process_time() - t)
    print(json.dumps({"files": len(sources), "bytes": size, "figures": n, "regex": regex, "full": full}))


# --- the measures ---------------------------------------------------------------------------------------
def scaling(runs: int) -> None:
    print("scaling (seeds concatenated):")
    got: dict[int, list[dict]] = {}
    for _ in range(runs):
        for copies in (8, 64):
            proc = subprocess.run(
                [sys.executable, __file__, "--worker-scale", str(copies)], capture_output=True, text=True, env=ENV
            )
            got.setdefault(copies, []).append(json.loads(proc.stdout))
    cpu = {k: statistics.median(r["cpu"] for r in v) for k, v in got.items()}
    for k, v in got.items():
        print(
            f"  {k:3}×  CPU {cpu[k]:6.2f} s   peak RSS {max(r['rss_mb'] for r in v):6.1f} MB   "
            f"JSON {v[0]['json_bytes'] / 1e6:6.2f} MB"
        )
    print(f"  CPU(64×)/CPU(8×) = {cpu[64] / cpu[8]:.1f}   (target ≤ 10; linear 8)")
    print(f"  JSON(64×)/JSON(8×) = {got[64][0]['json_bytes'] / got[8][0]['json_bytes']:.1f}   (linear 8)")


def throughput(shared: Path, runs: int) -> None:
    proc = subprocess.run(
        [sys.executable, __file__, "--worker-throughput", str(shared), str(runs)],
        capture_output=True,
        text=True,
        env=ENV,
    )
    r = json.loads(proc.stdout)
    mb = r["bytes"] / 1e6
    regex, full = statistics.median(r["regex"]), statistics.median(r["full"])
    print(f"throughput ({r['files']} text reports, {mb:.1f} MB, {r['figures']} figures by regex):")
    print(f"  regex pass   {regex:6.3f} s CPU  {mb / regex:7.1f} MB/s")
    print(f"  tieout       {full:6.3f} s CPU  {mb / full:7.2f} MB/s   (target ≥ 3 MB/s)")
    print(f"  tieout / regex = {full / regex:.0f}×   (target ≤ 25×)")


def startup(runs: int) -> None:
    seed = str(SEEDS[0])
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "tieout rules": [*TIEOUT, "rules"],
        "tieout explain TO101": [*TIEOUT, "explain", "TO101"],
        "tieout check SEED --no-cache": [*TIEOUT, "check", "--no-progress", *no_cache(), seed],
    }
    for cmd in commands.values():  # bytecode written, the grammar's tables cached
        child_cpu(cmd)
    cpu = {name: statistics.median(child_cpu(cmd)[0] for _ in range(max(runs, 5))) for name, cmd in commands.items()}
    base = cpu["python -c pass"]
    print("start-up (CPU of the child process):")
    targets = {"tieout rules": 0.06, "tieout check SEED --no-cache": 0.12}
    for name, t in cpu.items():
        target = (
            f"   (target ≤ {targets[name]:.2f} s idle, {targets[name] / 0.01:.0f}× python)" if name in targets else ""
        )
        print(f"  {name:30} {t:6.3f} s  {t / base:5.1f}× python{target}")


def corpus_files(shared: Path, quick: bool) -> list[str]:
    suffixes = (".txt", ".md") if quick else (".txt", ".md", ".pdf", ".docx")
    return sorted(
        str(p) for p in (shared / "corpus").rglob("*") if p.suffix.lower() in suffixes and "truth" not in p.parts
    )


def cache(shared: Path, quick: bool) -> None:
    if not no_cache():
        print("cache: this tieout has none")
        return
    files = corpus_files(shared, quick)
    folder = tempfile.mkdtemp(prefix="tieout-bench-cache-")
    env = {**ENV, "TIEOUT_CACHE_DIR": folder}
    cmd = [*TIEOUT, "check", "--format", "json", "--exit-zero", "--no-progress", "--jobs", "1", *files]
    try:
        first, _, out1 = child_cpu(cmd, env)
        second, _, out2 = child_cpu(cmd, env)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"cache ({len(files)} reports):")
    print(f"  first run {first:7.2f} s CPU, second {second:6.2f} s: {second / first:.1%}   (target ≤ 10%)")
    print(f"  outputs identical: {out1 == out2}")


def jobs(shared: Path, quick: bool) -> None:
    print("jobs (wall time, no cache; meaningful on an idle machine):")
    files = corpus_files(shared, quick)
    base = [*TIEOUT, "check", "--format", "json", "--exit-zero", "--no-progress", *no_cache()]
    _, one, out1 = child_cpu([*base, "--jobs", "1", *files])
    _, two, out2 = child_cpu([*base, "--jobs", "2", *files])
    print(f"  corpus ({len(files)} reports): --jobs 1 {one:6.1f} s, --jobs 2 {two:6.1f} s: {one / two:.2f}×")
    print(f"  outputs byte-identical: {out1 == out2}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in (1, 2, 4, 8, 16):
            batch = []
            for i in range(n):
                p = Path(tmp) / f"{n}-{i}.txt"
                p.write_text(SEEDS[i % len(SEEDS)].read_text(encoding="utf-8"), encoding="utf-8")
                batch.append(str(p))
            _, one, _ = child_cpu([*base, "--jobs", "1", *batch])
            _, two, _ = child_cpu([*base, "--jobs", "2", *batch])
            print(f"  {n:2} seed reports: --jobs 1 {one:5.2f} s, --jobs 2 {two:5.2f} s: {one / two:.2f}×")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="cache and jobs on the text reports only")
    ap.add_argument("--only", help="comma-separated: scaling, throughput, startup, cache, jobs")
    ap.add_argument("--worker-scale", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--worker-throughput", nargs=2, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.worker_scale:
        return worker_scale(a.worker_scale)
    if a.worker_throughput:
        return worker_throughput(a.worker_throughput[0], int(a.worker_throughput[1]))
    shared = Path(a.shared)
    only = set(a.only.split(",")) if a.only else {"scaling", "throughput", "startup", "cache", "jobs"}
    if "scaling" in only:
        scaling(a.runs)
    if "throughput" in only and (shared / "corpus").is_dir():
        throughput(shared, a.runs)
    if "startup" in only:
        startup(a.runs)
    if "cache" in only and (shared / "corpus").is_dir():
        cache(shared, a.quick)
    if "jobs" in only and (shared / "corpus").is_dir():
        jobs(shared, a.quick)


if __name__ == "__main__":
    main()
