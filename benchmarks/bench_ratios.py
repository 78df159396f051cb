"""The speed ratios of issue 14, printed in one run (CI does not run this; it takes 10–20 minutes).

    python benchmarks/bench_ratios.py [--shared ../shared] [--runs 3] [--quick] [--only scaling,pdfs,...]

- scaling: the three seed reports of `SHARED/seeds` concatenated 8× and 64×, one `lint_source` each in a fresh
  process after start-up: CPU(64×) / CPU(8×) (linear is 8; target ≤ 10), peak memory (RSS) at 64× (target
  ≤ 150 MB) and the JSON output's size (linear: evidence does not grow with the square of the document).
- throughput: every text report (.txt, .md) of `SHARED/corpus` through the whole pipeline, against a regex
  pass that only finds the figures over the same text in the same process (target ≥ 3 MB/s, ≤ 25×).
- start-up: `tieout check --no-cache` of one seed, `tieout rules` and `python -c pass`, in CPU seconds of
  the child process (targets 0.12 s and 0.06 s on an idle machine; the ratio to `python -c pass` is
  printed because a loaded machine inflates every figure alike).
- pdfs: every PDF of `SHARED/corpus` read and checked in one process (`lint_path`), CPU seconds and pages
  per second each (targets: each ≤ 15 s, median ≥ 20 pages/s).
- corpus: `tieout check` over the whole corpus three times: `--jobs 1` into a fresh cache folder, `--jobs 2`
  into another, and `--jobs 1` again over the first folder. Cache: CPU of the third run / the first (target
  ≤ 10%); jobs: wall time of the first / the second (target ≥ 1.5× on an idle machine); outputs byte-identical.
  Then batches of 1–16 seed reports without cache, `--jobs 1` against `--jobs 2` and the default, to show
  where workers start to pay (the default, `batch.auto_jobs`, is chosen from this).

CPU times are `resource` times of the child processes (user + system, workers included) or
`time.process_time()` in-process, medians of `--runs`. The machine is shared: the load average is printed
before and after, and wall times (jobs) are only meaningful on an idle one. `--quick` uses the corpus's text
reports only for the corpus runs (the PDFs take minutes). The benchmark also runs against a tieout without
the cache (the measures it cannot take say so).
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
SEEDS: list[Path] = []  # the seed reports of SHARED/seeds: other publishers' files, read in place, never copied
FIGURE = re.compile(r"\d+(?:[,，]\d{3})*(?:\.\d+)?\s*(?:%|万元|亿元|元)?")
TIEOUT = [sys.executable, "-m", "tieout.linter"]
# bytecode written and read, as for an installed tool (some shells here export PYTHONDONTWRITEBYTECODE)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def no_cache() -> list[str]:
    """`--no-cache` where this tieout has a cache (the benchmark also measures versions before it)."""
    helptext = subprocess.run([*TIEOUT, "check", "--help"], capture_output=True, text=True, env=ENV).stdout
    return ["--no-cache"] if "--no-cache" in helptext else []


def child_cpu(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, bytes]:
    """CPU seconds (user + system, of the child and the workers it waited for) and wall seconds of one child
    process, and its output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, env=env or ENV)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime), wall, proc.stdout


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


def worker(cmd: list[str]) -> dict:
    """Run this script as a worker (a fresh process) and read the JSON it prints."""
    proc = subprocess.run([sys.executable, __file__, *cmd], capture_output=True, text=True, env=ENV)
    if proc.returncode != 0:
        raise SystemExit(f"worker {cmd} failed:\n{proc.stderr}")
    return json.loads(proc.stdout)


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


def worker_throughput(shared: Path, runs: int) -> None:
    from tieout.linter.run.config import Config
    from tieout.linter.run.engine import lint_source
    from tieout.linter.text.reading import Source, read_path

    sources = [read_path(p) for p in corpus_files(shared, (".txt", ".md"))]
    size = sum(len(s.text.encode("utf-8")) for s in sources)
    lint_source(Source("warm-up.txt", SEEDS[0].read_text(encoding="utf-8"), "utf-8"), Config())
    regex, full = [], []
    n = 0
    for _ in range(runs):
        t = time.process_time()
        n = sum(sum(1 for _ in FIGURE.finditer(s.text)) for s in sources)
        regex.append(time.process_time() - t)
        t = time.process_time()
        for s in sources:
            lint_source(s, Config())
        full.append(time.process_time() - t)
    print(json.dumps({"files": len(sources), "bytes": size, "figures": n, "regex": regex, "full": full}))


def worker_pdfs(shared: Path) -> None:
    import pypdfium2 as pdfium
    from tieout.linter.run.config import Config
    from tieout.linter.run.engine import lint_path, lint_source
    from tieout.linter.text.reading import Source

    lint_source(Source("warm-up.txt", SEEDS[0].read_text(encoding="utf-8"), "utf-8"), Config())
    out = []
    for path in corpus_files(shared, (".pdf",)):
        try:
            doc = pdfium.PdfDocument(path)
        except pdfium.PdfiumError:  # not a readable PDF: tieout reports it; no pages to count
            pages = 0
        else:
            pages = len(doc)
            doc.close()
        t = time.process_time()
        result, _ = lint_path(path, Config())
        out.append({"path": path, "pages": pages, "cpu": time.process_time() - t, "error": result.error})
    print(json.dumps(out))


# --- the measures ---------------------------------------------------------------------------------------
def scaling(runs: int) -> None:
    print("scaling (seeds concatenated):")
    got: dict[int, list[dict]] = {}
    for _ in range(runs):
        for copies in (8, 64):
            got.setdefault(copies, []).append(worker(["--shared", str(SHARED), "--worker-scale", str(copies)]))
    cpu = {k: statistics.median(r["cpu"] for r in v) for k, v in got.items()}
    for k, v in got.items():
        print(
            f"  {k:3}×  CPU {cpu[k]:6.2f} s   peak RSS {max(r['rss_mb'] for r in v):6.1f} MB   "
            f"JSON {v[0]['json_bytes'] / 1e6:6.2f} MB"
        )
    print(f"  CPU(64×)/CPU(8×) = {cpu[64] / cpu[8]:.1f}   (target ≤ 10; linear 8)")
    print(f"  peak RSS at 64× = {max(r['rss_mb'] for r in got[64]):.0f} MB   (target ≤ 150 MB)")
    print(f"  JSON(64×)/JSON(8×) = {got[64][0]['json_bytes'] / got[8][0]['json_bytes']:.1f}   (linear 8)")


def throughput(runs: int) -> None:
    r = worker(["--shared", str(SHARED), "--worker-throughput", str(runs)])
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
    probe = (
        "import io, sys, contextlib\n"
        "from tieout.linter.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['rules'])\n"
        "print(','.join(m for m in ('lark', 'tieout.linter.run.engine') if m in sys.modules))\n"
    )
    heavy = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=ENV).stdout.strip()
    print(f"  tieout rules imports lark or the engine: {heavy or 'no'}")


def pdfs() -> None:
    got = worker(["--shared", str(SHARED), "--worker-pdfs"])
    cpu = [d["cpu"] for d in got]
    rates = [d["pages"] / d["cpu"] for d in got if d["cpu"] > 0 and d["pages"]]
    pages = sum(d["pages"] for d in got)
    print(f"pdfs ({len(got)} PDFs, {pages} pages, read and checked in one process):")
    for d in sorted(got, key=lambda d: -d["cpu"])[:3]:
        print(f"  slowest: {Path(d['path']).name:50} {d['pages']:4} pages {d['cpu']:6.2f} s CPU")
    for d in got:
        if d["error"]:
            print(f"  error: {d['error']}")
    print(f"  total {sum(cpu):.1f} s CPU; longest {max(cpu):.2f} s   (target ≤ 15 s each)")
    print(f"  median {statistics.median(rates):.1f} pages/s   (target ≥ 20)")


def corpus_files(shared: Path, suffixes: tuple[str, ...]) -> list[str]:
    return sorted(
        str(p) for p in (shared / "corpus").rglob("*") if p.suffix.lower() in suffixes and "truth" not in p.parts
    )


def corpus(quick: bool) -> None:
    files = corpus_files(SHARED, (".txt", ".md") if quick else (".txt", ".md", ".pdf", ".docx"))
    base = [*TIEOUT, "check", "--format", "json", "--exit-zero", "--no-progress"]
    print(f"corpus ({len(files)} reports):")
    if not no_cache():
        _, one, out1 = child_cpu([*base, "--jobs", "1", *files])
        _, two, out2 = child_cpu([*base, "--jobs", "2", *files])
        print("  cache: this tieout has none")
        print(f"  jobs (wall): --jobs 1 {one:6.1f} s, --jobs 2 {two:6.1f} s: {one / two:.2f}×   (target ≥ 1.5× idle)")
        print(f"  outputs byte-identical: {out1 == out2}")
        return
    first_folder = tempfile.mkdtemp(prefix="tieout-bench-cache-")
    other_folder = tempfile.mkdtemp(prefix="tieout-bench-cache-")
    try:
        first, one, out1 = child_cpu([*base, "--jobs", "1", *files], {**ENV, "TIEOUT_CACHE_DIR": first_folder})
        _, two, out2 = child_cpu([*base, "--jobs", "2", *files], {**ENV, "TIEOUT_CACHE_DIR": other_folder})
        second, _, out3 = child_cpu([*base, "--jobs", "1", *files], {**ENV, "TIEOUT_CACHE_DIR": first_folder})
    finally:
        shutil.rmtree(first_folder, ignore_errors=True)
        shutil.rmtree(other_folder, ignore_errors=True)
    print(f"  cache: first run {first:7.2f} s CPU, second {second:6.2f} s: {second / first:.1%}   (target ≤ 10%)")
    print(f"  jobs (wall): --jobs 1 {one:6.1f} s, --jobs 2 {two:6.1f} s: {one / two:.2f}×   (target ≥ 1.5× idle)")
    print(f"  outputs byte-identical (jobs 1, jobs 2, cached): {out1 == out2 == out3}")


def batches() -> None:
    print("batches of seed reports, no cache (wall time; where workers start to pay):")
    base = [*TIEOUT, "check", "--format", "json", "--exit-zero", "--no-progress", *no_cache()]
    with tempfile.TemporaryDirectory() as tmp:
        for n in (1, 2, 4, 8, 16):
            batch = []
            for i in range(n):  # copies in a temporary folder, deleted after the run
                p = Path(tmp) / f"{n}-{i}.txt"
                p.write_bytes(SEEDS[i % len(SEEDS)].read_bytes())
                batch.append(str(p))
            size = sum(os.path.getsize(p) for p in batch) / 1024
            _, one, _ = child_cpu([*base, "--jobs", "1", *batch])
            _, two, _ = child_cpu([*base, "--jobs", "2", *batch])
            _, auto, _ = child_cpu([*base, *batch])
            print(
                f"  {n:2} reports ({size:4.0f} KB): --jobs 1 {one:5.2f} s, --jobs 2 {two:5.2f} s ({one / two:.2f}×), "
                f"default {auto:5.2f} s"
            )


def main() -> None:
    global SHARED
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="the corpus runs on the text reports only")
    ap.add_argument("--only", help="comma-separated: " + ", ".join(MEASURES))
    ap.add_argument("--worker-scale", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--worker-throughput", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--worker-pdfs", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    SHARED = Path(a.shared)
    SEEDS[:] = sorted((SHARED / "seeds").glob("*.txt"))
    if not SEEDS or not (SHARED / "corpus").is_dir():
        raise SystemExit(f"bench_ratios: no seeds or corpus under {SHARED} (--shared)")
    if a.worker_scale:
        return worker_scale(a.worker_scale)
    if a.worker_throughput:
        return worker_throughput(SHARED, a.worker_throughput)
    if a.worker_pdfs:
        return worker_pdfs(SHARED)
    only = a.only.split(",") if a.only else list(MEASURES)
    unknown = [m for m in only if m not in MEASURES]
    if unknown:
        raise SystemExit(f"bench_ratios: unknown measure {', '.join(unknown)}; choose from {', '.join(MEASURES)}")
    print(f"tieout from {Path(subprocess.check_output([sys.executable, '-c', IMPORTED], env=ENV, text=True)).parent}")
    print(f"start: {load()}")
    for name in MEASURES:
        if name in only:
            t = time.perf_counter()
            MEASURES[name](a)
            print(f"  [{time.perf_counter() - t:.0f} s; {load()}]")


SHARED = ROOT.parent / "shared"
IMPORTED = "import tieout.linter as t; print(t.__file__)"
MEASURES = {
    "scaling": lambda a: scaling(a.runs),
    "throughput": lambda a: throughput(a.runs),
    "startup": lambda a: startup(a.runs),
    "pdfs": lambda a: pdfs(),
    "corpus": lambda a: corpus(a.quick),
    "batches": lambda a: batches(),
}


if __name__ == "__main__":
    main()
