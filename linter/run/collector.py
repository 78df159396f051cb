"""How often Python's cycle collector runs while tieout works.

Reading a document allocates hundreds of thousands of small objects (figures, tokens, cells) that live
until the document is done. With Python's default threshold (a collection every 700 net allocations)
the collector runs thousands of times per megabyte of text and keeps rescanning everything alive, most of
it the modules' own objects; that was about a tenth of the CPU time of a run on the corpus, for no memory
saved (tieout's data has few reference cycles). Tools of the same shape tune it the same way (mypy sets
its threshold to 200,000).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

THRESHOLD = 50_000  # allocations between two collections of the youngest generation (default 700)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Raise the youngest generation's threshold while a command runs or a document is checked, and restore
    it after, unless the process already set a higher one (or turned collection off)."""
    first, *older = gc.get_threshold()
    if first == 0 or first >= THRESHOLD:  # collection off, or already rarer: left as the caller set it
        yield
        return
    gc.set_threshold(THRESHOLD, *older)
    try:
        yield
    finally:
        gc.set_threshold(first, *older)
