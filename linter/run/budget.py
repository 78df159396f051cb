"""Per-file budgets of CPU time and memory: a file that exceeds one is reported as too slow or too large,
and the batch goes on.

A profiling timer ticks every `TICK` seconds of the process's CPU time; at each tick the file's CPU time and
the growth of the process's resident memory are compared with the budget, and `OverBudget` is raised in the
code that is running. It is a BaseException: no `except Exception` of a check or a reader swallows it. Work
done inside one C call (inflating a stream, PDFium on a page) is not interrupted before it returns; the
readers bound what they inflate for that (linter/text/limits.py).

A tick can land where Python cannot propagate an exception: a garbage-collector or weakref callback, a
`__del__`. There the exception goes to `sys.unraisablehook`; the budget's hook drops it (it is no error of that
code) and the next tick, the budget still exceeded, raises again in ordinary code.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

TICK = 0.1  # seconds of CPU time between checks
MB = 1024 * 1024


class OverBudget(BaseException):
    """The file took more CPU time or memory than its budget; the message is the reason."""


def resident() -> int:
    """The resident memory of this process in bytes (0 where it cannot be read)."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


@contextmanager
def budget(seconds: float, megabytes: float) -> Iterator[None]:
    """Raise `OverBudget` in the block once it has used `seconds` of CPU time or grown the process's resident
    memory by `megabytes`. Only the main thread receives signals: elsewhere the block runs unbounded."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return
    start = time.process_time()
    base = resident()

    def tick(signum: int, frame: FrameType | None) -> None:
        if time.process_time() - start > seconds:
            raise OverBudget(f"took more than {seconds:g} s of CPU time (max-file-seconds)")
        if base and resident() - base > megabytes * MB:
            raise OverBudget(f"needed more than {megabytes:g} MB of memory (max-file-memory-mb)")

    outer_hook = sys.unraisablehook

    def unraisable(info: sys.UnraisableHookArgs) -> None:
        if not isinstance(info.exc_value, OverBudget):
            outer_hook(info)

    previous = signal.signal(signal.SIGPROF, tick)
    sys.unraisablehook = unraisable
    signal.setitimer(signal.ITIMER_PROF, TICK, TICK)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, previous)
        sys.unraisablehook = outer_hook
