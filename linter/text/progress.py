"""Progress inside one file: readers report the pages they have done, and whoever listens (the command
line, for a long PDF on a terminal) shows it. Without a listener a report costs one check of a global."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

Listener = Callable[[str, int, int], None]  # (stage, pages done, pages in all)
_listener: Listener | None = None


def step(stage: str, done: int, total: int) -> None:
    if _listener is not None:
        _listener(stage, done, total)


@contextmanager
def listening(listener: Listener | None) -> Iterator[None]:
    """Report the pages read in this process to `listener` while the block runs."""
    global _listener
    previous, _listener = _listener, listener
    try:
        yield
    finally:
        _listener = previous
