"""The methods `dataclasses` writes for each class, compiled once per Python build and kept (`kept`).

`@dataclass` writes the source text of a class's `__init__`, `__repr__`, `__eq__` … and runs it through
`exec`, which parses and compiles it anew in every process: the pipeline defines about ninety dataclasses,
and compiling their three hundred methods was about a sixth of the instructions of a cold `tieout check` of
one report. The text depends only on the class's fields and options, so its compiled code is kept in a file,
keyed by that text and the compiler flags `exec` would have inherited; while a command runs, the `exec` that
`dataclasses` calls compiles through it. A kept code object is the one `compile` makes of the same text with
the same flags, so the classes are the same with or without the file.

Running kept code means trusting the file as the tool's own code: it lives in a private folder of the user's
(`cachedir.private_folder`) and is read only when no one else can write it, as the compiled patterns
(linter/patterns.py). Where there is no such folder, every method is compiled as without the file.
"""

from __future__ import annotations
import __future__

import builtins
import dataclasses
import marshal
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import CodeType
from typing import Any

from tieout.linter import cachedir

_LIMIT = 2000  # entries the file keeps; beyond, only those of the process that writes it (old code's go)
# the flags of `from __future__ import …` that `exec` passes on from the calling code to the code it compiles
_FUTURE = 0
for _name in __future__.all_feature_names:
    _FUTURE |= getattr(__future__, _name).compiler_flag
_Key = tuple[int, str]  # (inherited future flags, source text)


def _path() -> Path | None:
    """The file of this Python build (a code object's marshalled form changes between builds)."""
    folder = cachedir.private_folder("classes")
    if folder is None:
        return None
    return folder / f"{sys.implementation.cache_tag}-{sys.hexversion:x}.marshal"


def _read(path: Path) -> dict[_Key, CodeType]:
    data = cachedir.read_marshalled(path)
    return {k: v for k, v in data.items() if isinstance(k, tuple) and isinstance(v, CodeType)}


class _Store:
    """The entries of this build's file, those this process used, and whether it added any."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries = _read(path) if path is not None else {}
        self.used: set[_Key] = set()
        self.added = False  # this process compiled methods the file did not have
        self.unsaved = False  # … that are not in the file yet

    def exec(self, source: Any, globals: dict[str, Any], locals: Mapping[str, Any] | None = None) -> None:
        """`exec(source, globals, locals)` as `dataclasses` calls it, a source text compiled through the file."""
        if isinstance(source, str):
            # the flags exec would inherit: those of the code calling it (dataclasses', one frame up)
            flags = sys._getframe(1).f_code.co_flags & _FUTURE
            key = (flags, source)
            self.used.add(key)
            code = self.entries.get(key)
            if code is None:
                code = compile(source, "<string>", "exec", flags, dont_inherit=True)
                self.entries[key] = code
                self.added = self.unsaved = True
            source = code
        builtins.exec(source, globals, locals)

    def save(self) -> None:
        if self.path is None or not self.unsaved:
            return
        entries = self.entries
        if len(entries) > _LIMIT:
            entries = {k: v for k, v in entries.items() if k in self.used}
        cachedir.write_atomic(self.path, marshal.dumps(entries))
        self.unsaved = False


_STORE: _Store | None = None


@contextmanager
def kept() -> Iterator[None]:
    """While a command runs, the dataclasses it defines compile their methods through the file (read once per
    process, written at the end when the command added entries); afterwards `dataclasses` is as it was."""
    global _STORE
    if "exec" in vars(dataclasses):  # already routed (a command inside a command): left as it is
        yield
        return
    if _STORE is None:
        _STORE = _Store(_path())
    store = _STORE
    dataclasses.exec = store.exec  # type: ignore[attr-defined]  # found before the builtin by dataclasses' code
    try:
        yield
    finally:
        del dataclasses.exec  # type: ignore[attr-defined]
        store.save()
