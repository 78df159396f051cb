"""Many files at once: in parallel worker processes, results in the order the files were given.

At most a few files per worker are in flight, so memory is bounded by the largest files being worked
on, not by the batch. Each worker finds the configuration of its file (nearest config file upward)."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from tieout.linter.run.codes import check_config, known_rules
from tieout.linter.run.config import Config, ConfigError, discover, load
from tieout.linter.run.results import FileResult


# not frozen: frozen slotted dataclasses do not unpickle on early Python 3.10 releases (bpo-45897), and
# worker processes receive Options
@dataclass(slots=True)
class Options:
    overrides: dict[str, object] = field(default_factory=dict)  # command-line settings over the config files
    config_path: str | None = None
    stdin_filename: str | None = None
    summarise: bool = False  # keep each report's figure summary (--cross-document)
    cache: bool = False  # read and write the result cache (linter/run/cache.py)


def config_for(path: str, options: Options) -> Config:
    if options.config_path:
        base = load(options.config_path)
    else:
        start = Path(path) if path != "-" else Path.cwd()
        base = discover(str(start if start.is_dir() else start.parent))
    if base.source is not None:  # a rule a configuration file names that does not exist stops the run
        check_config(base, known_rules())
    return base.merged(**options.overrides)


def check_one(path: str, options: Options, cached: bool = False) -> tuple[FileResult, str]:
    """One file's result: from the cache when `options.cache` (and not `cached`: the caller found no entry)."""
    try:
        config = config_for(path, options)
    except ConfigError as exc:
        return FileResult(path=path, error=str(exc)), ""
    cache = key = None
    if _cacheable(path, options):
        from tieout.linter.run.cache import open_cache

        cache = open_cache()
        key = cache.key(path, config)
        hit = cache.get(key) if key is not None and not cached else None
        if hit is not None:
            return hit
    from tieout.linter.run.engine import lint_path  # not imported when every result comes from the cache

    try:
        result, text = lint_path(path, config, options.stdin_filename, options.summarise)
    except Exception as exc:  # whatever happens to one file, the batch goes on
        return FileResult(path=path, error=f"{path}: could not be checked ({type(exc).__name__}: {exc})"), ""
    if cache is not None and key is not None:
        cache.put(key, result, text)
    return result, text


def _cacheable(path: str, options: Options) -> bool:
    return options.cache and path != "-" and not options.summarise  # a summary is not cached: computed


def _cached_key(path: str, options: Options) -> str | None:
    """The cache key of a file whose result the cache holds, else None."""
    if not _cacheable(path, options):
        return None
    from tieout.linter.run.cache import open_cache

    try:
        config = config_for(path, options)
    except ConfigError:
        return None
    cache = open_cache()
    key = cache.key(path, config)
    return key if key is not None and cache.has(key) else None


def default_jobs() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


# Measured on two cores (benchmarks/bench_ratios.py, docs in README): a worker pool costs about 25 ms to start
# and stop once the parent has imported the engine and built the grammar's parser (workers are forked with
# them), while a report of 20 KB takes about 30 ms of CPU. Two workers pay from about two such reports on;
# below this much input the files are checked in this process.
PARALLEL_MIN_BYTES = 48 * 1024


def auto_jobs(paths: list[str]) -> int:
    """The default number of workers for the files to check: one per core, or none (in-process) for a batch
    too small to recover a pool's start."""
    cores = default_jobs()
    if cores < 2 or len(paths) < 2:
        return 1
    size = 0
    for p in paths:
        try:
            size += os.stat(p).st_size if p != "-" else 0
        except OSError:
            pass
    return min(cores, len(paths)) if size >= PARALLEL_MIN_BYTES else 1


def run(paths: list[str], options: Options, jobs: int | None = None) -> Iterator[tuple[FileResult, str]]:
    """(result, text) per path, in the order given. Results the cache holds are read here; only the other
    files go to the workers (`jobs`, or `auto_jobs` of those files when None)."""
    hits: dict[int, str] = {}  # the keys only: a result is read when its turn comes (memory stays bounded)
    if options.cache:
        for i, p in enumerate(paths):
            key = _cached_key(p, options)
            if key is not None:
                hits[i] = key
    todo = [p for i, p in enumerate(paths) if i not in hits]
    computed = _computed(todo, options, auto_jobs(todo) if jobs is None else jobs)
    for i, p in enumerate(paths):
        if i not in hits:
            yield next(computed)
            continue
        from tieout.linter.run.cache import open_cache

        hit = open_cache().get(hits[i])
        yield hit if hit is not None else check_one(p, options, cached=True)  # an unreadable entry: checked


def _computed(paths: list[str], options: Options, jobs: int) -> Iterator[tuple[FileResult, str]]:
    """(result, text) per path, in the order given, none of them in the cache."""
    if jobs <= 1 or len(paths) < 2:
        for p in paths:
            yield check_one(p, options, cached=True)
        return
    window = 4 * jobs
    # workers forked from this process inherit the engine and the sentence grammar's parser instead of each
    # importing and building them (what a worker's start costs decides where parallel runs pay)
    from tieout.linter.parse.sentences import parser
    from tieout.linter.run import engine  # noqa: F401

    parser()

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque[tuple[str, Future[tuple[FileResult, str]] | None]] = deque()
        it = iter(paths)
        for p in it:
            # stdin belongs to this process, not to a worker
            pending.append((p, None if p == "-" else pool.submit(check_one, p, options, True)))
            if len(pending) >= window:
                break
        while pending:
            p, fut = pending.popleft()
            yield check_one(p, options, True) if fut is None else fut.result()
            nxt = next(it, None)
            if nxt is not None:
                pending.append((nxt, None if nxt == "-" else pool.submit(check_one, nxt, options, True)))
