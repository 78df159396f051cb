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
import re
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
# An entry's key is the inherited future flags and the source text, as bytes; its code object is kept in
# marshal's form and read when a class asks for it: the file holds the methods of every module (600 and more, the
# PDF readers', the evaluation forms', other runs' code), a run uses a few hundred, and reading every code object
# of the file was a seventieth of the instructions of a cold `tieout check` of one report.
_Key = bytes  # (cachedir.source_key)


def _path() -> Path | None:
    """The file of this Python build (a code object's marshalled form changes between builds)."""
    folder = cachedir.private_folder("classes")
    if folder is None:
        return None
    return folder / f"{sys.implementation.cache_tag}-{sys.hexversion:x}-b.marshal"


def _read(path: Path) -> dict[_Key, bytes]:
    return cachedir.read_marshalled(path)  # type: ignore[return-value]  # (its entries are checked where used)


def _code(entry: bytes | None) -> CodeType | None:
    """The code object an entry holds; None for none, or for an entry that is no code object in marshal's form."""
    try:
        code = marshal.loads(entry) if entry is not None else None
    except (ValueError, EOFError, TypeError):
        return None
    return code if isinstance(code, CodeType) else None


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
            key = cachedir.source_key(flags, source)
            self.used.add(key)
            code = _code(self.entries.get(key))
            if code is None:
                code = compile(source, "<string>", "exec", flags, dont_inherit=True)
                self.entries[key] = marshal.dumps(code)
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


# --- methods made when first called -------------------------------------------------------------------------
# Of the methods `dataclasses` writes, `__repr__` (every class) and a frozen class's `__setattr__` and
# `__delattr__` (which only raise) are almost never called in a run: a finding's text is made of the fields, not
# of the objects' repr. Writing each still cost its text, its code object read from the file, its function
# and, for `__repr__`, the recursion guard's wrapper (`functools.wraps`): half a percent of the instructions of
# a cold `tieout check`. While a command runs, each class is given a small function in their place, which on
# its first call has `dataclasses` write the method, from the same fields, globals and class, and from then on
# calls it: what the method returns or raises is the written method's, its recursion guard included.
_WRITERS = {
    "_repr_fn": ("fields", "globals"),
    "_frozen_get_del_attr": ("cls", "fields", "globals"),
    "_is_type": ("annotation", "cls", "a_module", "a_type", "is_type_predicate"),
}


def _lazy_repr_fn(fields: list[Any], globals: dict[str, Any]) -> Any:
    written: list[Any] = []

    def __repr__(self: object) -> str:
        if not written:
            written.append(_REAL["_repr_fn"](fields, globals))
        text: str = written[0](self)
        return text

    return __repr__


def _lazy_frozen_get_del_attr(cls: type, fields: list[Any], globals: dict[str, Any]) -> tuple[Any, Any]:
    written: list[tuple[Any, Any]] = []

    def methods() -> tuple[Any, Any]:
        if not written:
            written.append(_REAL["_frozen_get_del_attr"](cls, fields, globals))
        return written[0]

    def __setattr__(self: object, name: str, value: Any) -> None:
        methods()[0](self, name, value)

    def __delattr__(self: object, name: str) -> None:
        methods()[1](self, name)

    return __setattr__, __delattr__


# `dataclasses` asks of each field whose annotation is a string (every field here: `from __future__ import
# annotations`) whether it names ClassVar, InitVar or KW_ONLY, three times per field and each time matching the
# annotation with a pattern (`_is_type`): two thousand matches for the six hundred and seventy fields. The
# pattern's groups depend on the annotation alone and are kept per annotation; what they name is looked up in
# the class's module as `_is_type` does, at each question.
_NAMES: dict[str, tuple[str | None, str] | None] = {}


def _is_type(annotation: str, cls: type, a_module: Any, a_type: Any, is_type_predicate: Any) -> bool:
    if annotation not in _NAMES:
        match = _REAL["_MODULE_IDENTIFIER_RE"].match(annotation)
        _NAMES[annotation] = (match.group(1), match.group(2)) if match else None
    names = _NAMES[annotation]
    if names is None:
        return False
    module_name, name = names
    ns = None
    if not module_name:
        ns = sys.modules.get(cls.__module__).__dict__  # type: ignore[union-attr]  # (as `_is_type` reads it)
    else:
        module = sys.modules.get(cls.__module__)
        if module and module.__dict__.get(module_name) is a_module:
            ns = sys.modules.get(a_type.__module__).__dict__  # type: ignore[union-attr]
    return bool(ns and is_type_predicate(ns.get(name), a_module))


_REAL: dict[str, Any] = {}  # dataclasses' own writers, while a command runs with the lazy ones in their place
_LAZY = {"_repr_fn": _lazy_repr_fn, "_frozen_get_del_attr": _lazy_frozen_get_del_attr, "_is_type": _is_type}


def _writers() -> dict[str, Any]:
    """dataclasses' writers the lazy ones stand in for: those of the arguments they were written for (CPython
    3.10 and 3.11), none elsewhere (the methods are then written as `dataclasses` writes them)."""
    found = {}
    for name, args in _WRITERS.items():
        real = vars(dataclasses).get(name)
        code = getattr(real, "__code__", None)
        if code is None or code.co_varnames[: code.co_argcount] != args:
            return {}
        found[name] = real
    pattern = vars(dataclasses).get("_MODULE_IDENTIFIER_RE")
    if not isinstance(pattern, re.Pattern) or pattern.pattern != r"^(?:\s*(\w+)\s*\.)?\s*(\w+)":
        return {}
    return {**found, "_MODULE_IDENTIFIER_RE": pattern}


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
    _REAL.update(_writers())
    for name in _LAZY.keys() & _REAL.keys():
        setattr(dataclasses, name, _LAZY[name])
    try:
        yield
    finally:
        del dataclasses.exec  # type: ignore[attr-defined]
        for name in _LAZY.keys() & _REAL.keys():  # (a lazy method keeps its writer: `_REAL` is not emptied)
            setattr(dataclasses, name, _REAL[name])
        store.save()
