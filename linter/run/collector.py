"""How often Python's cycle collector runs while tieout works.

Reading a document allocates hundreds of thousands of small objects (figures, tokens, cells) that live
until the document is done. With Python's default threshold (a collection every 700 net allocations)
the collector runs thousands of times per megabyte of text and keeps rescanning everything alive, most of
it the modules' own objects; that was about a tenth of the CPU time of a run on the corpus, for no memory
saved (tieout's data has few reference cycles). Tools of the same shape tune it the same way (mypy sets
its threshold to 200,000).

A command's start is another matter: importing the pipeline (its modules, patterns, classes and the parser's
tables) allocates a few hundred thousand objects that live as long as the process, and every collection
while they load rescans the ones loaded before; that was a tenth of a cold `tieout check` of one report.
So the command line turns the collector off while it starts (`starting`), and the engine turns it back on
before the first document (`loaded`), first moving everything loaded so far out of the collector's reach
(`gc.freeze`): no later collection rescans the modules' objects either. Code that calls the engine without
the command line (the tests, a library user) keeps its own collector settings.
"""

from __future__ import annotations

import atexit
import gc
from collections.abc import Iterator
from contextlib import contextmanager

THRESHOLD = 50_000  # allocations between two collections of the youngest generation (default 700)
_starting = False  # the command line has turned the collector off until the pipeline is loaded
_exit_registered = False


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


@contextmanager
def no_collections() -> Iterator[None]:
    """The collector off while one document is checked, as the caller had it after. A document's objects form
    no reference cycles (the corpus's text reports leave none to collect: every one is freed by its count when
    the document is done), so a collection during the check only walks objects that are alive: each of the
    youngest generation's, every 50,000 allocations, three in a hundred of the check's CPU time. Garbage a
    document did leave in cycles is found by the first collection after it."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@contextmanager
def starting() -> Iterator[None]:
    """The collector off while a command starts, until `loaded` (or the command's end, whichever is first);
    on the way out the collector is as the caller had it, and the objects frozen by `loaded` collectable
    again (a process that runs several commands, such as the tests, gathers no frozen garbage).

    What the command left alive besides (its documents' results, the parser's tables loaded with the first
    sentence that needed them) goes to the oldest generation with the frozen objects, unscanned: with the
    collector back on, the next allocation would otherwise collect the youngest generation, every object the
    command made since `loaded` (a sixth of a millisecond per thousand objects), on the way out of a process
    that then exits. A process that runs more commands finds any garbage among them at its next full
    collection."""
    global _starting
    if not gc.isenabled():  # already off: left as the caller set it
        yield
        return
    gc.disable()
    _starting = True
    try:
        yield
    finally:
        _starting = False
        gc.freeze()  # (every generation, the youngest too, and its count of allocations set back to zero)
        gc.unfreeze()  # (all of them into the oldest generation)
        gc.enable()


def loaded() -> None:
    """The pipeline is loaded (the engine calls this before its documents): what exists now lives as long as
    the process, so it is frozen out of the collections to come, and the collector turned back on."""
    global _starting
    if _starting:
        _starting = False
        gc.freeze()
        gc.enable()


def no_collection_at_exit() -> None:
    """When the process exits, freeze what is alive first (once per process: the command line calls this). Python
    collects three times and more as it shuts down, each collection walking every object the command left —
    the modules, patterns, classes and the parser's tables: a sixteenth of a cold `tieout check` of one report,
    for memory the process hands back anyway. Objects are still freed by their counts as the modules go."""
    global _exit_registered
    if not _exit_registered:
        _exit_registered = True
        atexit.register(gc.freeze)
