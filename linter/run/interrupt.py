"""Ctrl-C and SIGTERM: the run ends cleanly, never with a traceback.

`install` turns both signals into `Interrupted` (a BaseException, so that no `except Exception` of a check
or a reader swallows it) raised in the main thread. Writing one file's result to the output is `deferred`:
a signal that arrives meanwhile is raised once that file is written, so the output ends after a whole
file. The command line ends with the conventional code 128 + the signal's number (130, 143).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(BaseException):
    """The run was interrupted by a signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


_state: dict[str, int] = {"deferring": 0, "pending": 0}


def _handler(signum: int, frame: FrameType | None) -> None:
    if _state["deferring"]:
        _state["pending"] = _state["pending"] or signum
        return
    raise Interrupted(signum)


def install() -> None:
    """Both signals raise `Interrupted` in this process (only the main thread can install handlers)."""
    if threading.current_thread() is not threading.main_thread():
        return
    for s in SIGNALS:
        signal.signal(s, _handler)


def in_worker() -> None:
    """In a worker process: Ctrl-C (sent to the whole process group) is the parent's to handle, and SIGTERM
    ends the worker at once (the parent sends it when the run stops)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


@contextmanager
def deferred() -> Iterator[None]:
    """A signal during the block is raised at its end (writing one file's result is never cut short)."""
    _state["deferring"] += 1
    try:
        yield
    finally:
        _state["deferring"] -= 1
        if not _state["deferring"] and _state["pending"]:
            signum, _state["pending"] = _state["pending"], 0
            raise Interrupted(signum)
