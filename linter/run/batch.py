"""Many files at once: in parallel worker processes, results in the order the files were given.

At most a few files per worker are in flight, so memory is bounded by the largest files being worked
on, not by the batch. Each worker finds the configuration of its file (nearest config file upward), and
checks it within the file's budgets of time and memory (linter/run/budget.py). Results the cache holds
(linter/run/cache.py) are read in this process: only the other files go to workers, and workers are started
only for a batch large enough to recover their start (`auto_jobs`)."""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Generator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tieout.linter.run.budget import OverBudget, budget
from tieout.linter.run.codes import check_config, known_rules
from tieout.linter.run.config import Config, ConfigError, discover, load
from tieout.linter.run.interrupt import in_worker
from tieout.linter.run.results import FileResult

if TYPE_CHECKING:  # multiprocessing is imported when workers start: most runs check one file, in this process
    from multiprocessing.connection import Connection


# not frozen: frozen slotted dataclasses do not unpickle on early Python 3.10 releases (bpo-45897), and
# worker processes receive Options
@dataclass(slots=True)
class Options:
    """The settings of a run that the check of every file shares (handed to the worker processes)."""

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
    """One file's result: from the cache when `options.cache` (and not `cached`: the caller found no entry),
    else checked within the file's budgets, and kept in the cache."""
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
    result, text = _checked(path, config, options)
    if cache is not None and key is not None:
        cache.put(key, result, text)  # not an error or TO900 (cache.put)
    return result, text


def _checked(path: str, config: Config, options: Options) -> tuple[FileResult, str]:
    from tieout.linter.run.engine import lint_path  # not imported when every result comes from the cache

    try:
        with budget(config.max_file_seconds, config.max_file_memory_mb):
            return lint_path(path, config, options.stdin_filename, options.summarise)
    except OverBudget as exc:
        return FileResult(path=path, error=f"{path}: not checked: {exc}"), ""
    except MemoryError:
        return FileResult(path=path, error=f"{path}: not checked: out of memory"), ""
    except Exception as exc:  # whatever happens to one file, the batch goes on
        return FileResult(path=path, error=f"{path}: could not be checked ({type(exc).__name__}: {exc})"), ""


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


# Measured on two cores (benchmarks/bench_ratios.py, docs in README): a worker costs a fork once the parent has
# imported the engine and built the grammar's parser (workers are forked with them), about 25 ms for two to
# start and stop, while a report of 20 KB takes about 30 ms of CPU. Two workers pay from about two such
# reports on; below this much input the files are checked in this process.
PARALLEL_MIN_BYTES = 48 * 1024


def auto_jobs(paths: list[str]) -> int:
    """The default number of workers for the files to check: one per core, or none (in-process) for a batch
    too small to recover the workers' start."""
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


def default_jobs() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _start_worker() -> None:
    """Signals are the parent's to handle (linter/run/interrupt.py); on Linux a worker is also killed when
    its parent dies, even by SIGKILL, so that none is left behind holding the caller's pipe."""
    in_worker()
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the parent's own clean-up stops the workers
        pass


PR_SET_PDEATHSIG = 1


def _serve(conn: Connection, options: Options) -> None:
    """A worker: check the paths it is sent, one at a time, and send each result back."""
    _start_worker()
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return
        if path is None:
            return
        conn.send(check_one(path, options, cached=True))  # the parent found no cache entry


class _Worker:
    """One worker process and its pipe; `busy` is the index of the file it is checking.

    Workers are plain processes with a pipe each rather than a `ProcessPoolExecutor`: the parent waits on
    the pipes and on the processes themselves in its own thread, so that a worker that dies (killed by the
    system for memory) is known at once, with the one file it held, and stopping the workers at any moment
    (a signal) can never leave the parent waiting for the rest of a message a killed worker was sending."""

    def __init__(self, options: Options) -> None:
        import multiprocessing

        ctx = multiprocessing.get_context()
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child, options), daemon=True)
        self.proc.start()
        child.close()  # the worker holds the only other end: its death is the end of the pipe
        self.busy: int | None = None
        self.sent = 0  # files handed to it

    def stop(self) -> None:
        if self.proc.is_alive():
            self.proc.terminate()
        self.proc.join(timeout=5)
        self.conn.close()


def _died(path: str, exitcode: int | None) -> tuple[FileResult, str]:
    how = f"killed by {signal.Signals(-exitcode).name}" if exitcode and exitcode < 0 else f"exit code {exitcode}"
    why = ", out of memory?" if exitcode == -signal.SIGKILL else ""
    return FileResult(path=path, error=f"{path}: not checked: the process checking it died ({how}{why})"), ""


def run(paths: list[str], options: Options, jobs: int | None = None) -> Generator[tuple[FileResult, str], None, None]:
    """(result, text) per path, in the order given. Results the cache holds are read here; only the other
    files are checked (by `jobs` workers, or `auto_jobs` of those files when None). Closing the generator
    stops the workers."""
    hits: dict[int, str] = {}  # the keys only: a result is read when its turn comes (memory stays bounded)
    if options.cache:
        for i, p in enumerate(paths):
            key = _cached_key(p, options)
            if key is not None:
                hits[i] = key
    todo = [p for i, p in enumerate(paths) if i not in hits]
    computed = _computed(todo, options, auto_jobs(todo) if jobs is None else jobs)
    try:
        for i, p in enumerate(paths):
            if i not in hits:
                yield next(computed)
                continue
            from tieout.linter.run.cache import open_cache

            hit = open_cache().get(hits[i])
            yield hit if hit is not None else check_one(p, options, cached=True)  # an unreadable entry: checked
    finally:
        computed.close()


def _computed(paths: list[str], options: Options, jobs: int) -> Generator[tuple[FileResult, str], None, None]:
    """(result, text) per path, in the order given, none of them in the cache. At most `4 × jobs` files are
    in flight or waiting for their turn. The workers are stopped however the run ends (all files done, the
    caller stopped early, a signal); a worker that dies costs its one file a line, and a new one takes its
    place."""
    if jobs <= 1 or len(paths) < 2:
        for p in paths:
            yield check_one(p, options, cached=True)
        return
    # workers forked from this process inherit the engine and the sentence grammar's parser instead of each
    # importing and building them (what a worker's start costs decides where parallel runs pay)
    from tieout.linter.parse.sentences import parser
    from tieout.linter.run import engine  # noqa: F401

    parser()
    window = 4 * jobs
    todo = deque(i for i, p in enumerate(paths) if p != "-")  # stdin belongs to this process, not a worker
    done: dict[int, tuple[FileResult, str]] = {}
    workers = [_Worker(options) for _ in range(min(jobs, len(todo)))]
    nxt = 0  # the next file to yield
    try:
        while nxt < len(paths):
            if paths[nxt] == "-":
                yield check_one(paths[nxt], options, cached=True)
                nxt += 1
            elif nxt in done:
                yield done.pop(nxt)
                nxt += 1
            else:
                _hand_out(workers, paths, todo, nxt + window, options, done)
                _collect(workers, paths, options, done)
    finally:
        for w in workers:
            w.stop()


def _hand_out(
    workers: list[_Worker],
    paths: list[str],
    todo: deque[int],
    limit: int,
    options: Options,
    done: dict[int, tuple[FileResult, str]],
) -> None:
    """Give each idle worker the next file below `limit`. A worker found dead when it is handed a file (killed
    while idle) is replaced and the file goes to the new one; a new worker found dead costs the file a line,
    so that a system that kills every worker cannot keep the run going round."""
    for k, w in enumerate(workers):
        while w.busy is None and todo and todo[0] < limit:
            i = todo.popleft()
            try:
                w.conn.send(paths[i])
            except OSError:  # a broken pipe: the worker is gone
                fresh = w.sent == 0
                w.proc.join(timeout=5)
                code = w.proc.exitcode
                w.stop()
                workers[k] = w = _Worker(options)
                if fresh:
                    done[i] = _died(paths[i], code)
                else:
                    todo.appendleft(i)
                continue
            w.busy = i
            w.sent += 1


def _collect(
    workers: list[_Worker], paths: list[str], options: Options, done: dict[int, tuple[FileResult, str]]
) -> None:
    """Wait for a busy worker to finish its file (or die), and keep its result."""
    from multiprocessing.connection import wait as mp_wait

    busy = [w for w in workers if w.busy is not None]
    ready = mp_wait([w.conn for w in busy] + [w.proc.sentinel for w in busy])
    for k, w in enumerate(workers):
        if w.busy is None or (w.conn not in ready and w.proc.sentinel not in ready):
            continue
        i, w.busy = w.busy, None
        try:
            done[i] = w.conn.recv()
            continue
        except (EOFError, OSError):  # the worker died with the file
            pass
        w.proc.join(timeout=5)
        done[i] = _died(paths[i], w.proc.exitcode)
        w.stop()
        workers[k] = _Worker(options)
