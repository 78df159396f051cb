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
    return base.merged(**options.overrides)


def check_one(path: str, options: Options) -> tuple[FileResult, str]:
    try:
        config = config_for(path, options)
    except ConfigError as exc:
        return FileResult(path=path, error=str(exc)), ""
    cache = key = None
    if options.cache and path != "-" and not options.summarise:  # a summary is not cached: compute it
        from tieout.linter.run.cache import open_cache

        cache = open_cache()
        key = cache.key(path, config)
        hit = cache.get(key) if key is not None else None
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


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def run(paths: list[str], options: Options, jobs: int) -> Iterator[tuple[FileResult, str]]:
    """(result, text) per path, in the order given."""
    if jobs <= 1 or len(paths) < 2:
        for p in paths:
            yield check_one(p, options)
        return
    window = 4 * jobs
    # workers forked from this process inherit the engine (and the grammar) instead of each importing it
    from tieout.linter.run import engine  # noqa: F401

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque[tuple[str, Future[tuple[FileResult, str]] | None]] = deque()
        it = iter(paths)
        for p in it:
            # stdin belongs to this process, not to a worker
            pending.append((p, None if p == "-" else pool.submit(check_one, p, options)))
            if len(pending) >= window:
                break
        while pending:
            p, fut = pending.popleft()
            yield check_one(p, options) if fut is None else fut.result()
            nxt = next(it, None)
            if nxt is not None:
                pending.append((nxt, None if nxt == "-" else pool.submit(check_one, nxt, options)))
