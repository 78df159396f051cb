"""The kept methods of dataclasses (linter/classcode.py): a class made through the file is the class made
without it, the file is private, written when a command added entries and read back by the next."""

from __future__ import annotations

import dataclasses
import os
import stat
import typing
from dataclasses import KW_ONLY, InitVar
from typing import ClassVar

import pytest
from tieout.linter import classcode


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A fresh store over a private cache folder of the test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(classcode, "_STORE", None)
    yield tmp_path
    monkeypatch.setattr(classcode, "_STORE", None)


def _make() -> tuple[type, type]:
    @dataclasses.dataclass(frozen=True, order=True)
    class Span:
        start: int
        end: int = 0
        tags: list[str] = dataclasses.field(default_factory=list, compare=False)

    @dataclasses.dataclass(slots=True)
    class Cell:
        text: str
        value: float | None = None

    return Span, Cell


# written when first called (classcode's lazy writers): compared by what they do, not by their code
LAZY = ("__repr__", "__setattr__", "__delattr__")


def _methods(cls: type) -> dict[str, object]:
    return {name: f.__code__ for name, f in vars(cls).items() if hasattr(f, "__code__") and name not in LAZY}


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_classes_made_through_the_file_are_the_same(store):
    plain = _make()
    with classcode.kept():
        first = _make()
    assert "exec" not in vars(dataclasses)  # dataclasses as it was after the command
    (path,) = (store / "tieout" / "classes").iterdir()
    assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0  # no one else may read or write it
    classcode._STORE = None
    with classcode.kept():
        again = _make()
    assert classcode._STORE is not None and not classcode._STORE.added  # every method read from the file
    for a, b, c in zip(plain, first, again):
        assert _methods(a) == _methods(b) == _methods(c)  # equal code: same text, flags, names, constants
    span = again[0](1, 2, ["x"])
    assert span == again[0](1, 2) and span < again[0](2) and repr(span).endswith("Span(start=1, end=2, tags=['x'])")
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 3  # type: ignore[misc]
    cell = again[1]("a")
    assert cell.value is None and not hasattr(cell, "__dict__")
    for made in (plain, first, again):  # the lazy methods do what the written ones do
        span, cell = made[0](1, 2, ["x"]), made[1]("a", 1.5)
        assert repr(span) == f"{made[0].__qualname__}(start=1, end=2, tags=['x'])" and repr(cell).endswith(
            "Cell(text='a', value=1.5)"
        )
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'end'"):
            span.end = 3  # type: ignore[misc]
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'start'"):
            del span.start  # type: ignore[misc]


def _kinds() -> type:
    @dataclasses.dataclass
    class Kinds:
        a: int
        shared: ClassVar[int] = 1
        also_shared: typing.ClassVar[list[int]] = []
        seed: InitVar[int] = 0
        _: KW_ONLY
        b: int = 2
        c: dataclasses.InitVar[str] = ""

    return Kinds


def test_fields_that_name_classvar_initvar_kw_only_are_read_as_dataclasses_reads_them(store):
    """(the annotations are strings here, as in the pipeline: `from __future__ import annotations`)"""
    plain = _kinds()
    with classcode.kept():
        kept = _kinds()
    for cls in (plain, kept):
        assert [(f.name, f.kw_only) for f in dataclasses.fields(cls)] == [("a", False), ("b", True)]
        assert cls(1, 0, b=3, c="x").b == 3 and cls.shared == 1


def test_a_recursive_repr_is_cut_as_dataclasses_cuts_it(store):
    with classcode.kept():

        @dataclasses.dataclass
        class Node:
            name: str
            children: list[object] = dataclasses.field(default_factory=list)

    assert "exec" not in vars(dataclasses) and dataclasses._repr_fn is not classcode._lazy_repr_fn
    node = Node("a")
    node.children.append(node)
    assert repr(node).endswith("Node(name='a', children=[...])")


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_file_others_can_write_or_a_damaged_one_is_not_read(store):
    with classcode.kept():
        _make()
    (path,) = (store / "tieout" / "classes").iterdir()
    os.chmod(path, 0o666)
    classcode._STORE = None
    with classcode.kept():
        _make()
    assert classcode._STORE is not None and classcode._STORE.added  # compiled anew, not read
    path.write_bytes(b"\x00damaged")
    os.chmod(path, 0o600)
    classcode._STORE = None
    with classcode.kept():
        assert _make()[0](1).end == 0
    assert classcode._STORE.added


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_an_entry_that_is_no_code_object_is_compiled_anew(store):
    """Each entry is read when a class asks for it: one that is not a code object in marshal's form (damaged, or of
    another format) is compiled again, as a missing one is, and the file rewritten."""
    import marshal

    plain = _make()
    with classcode.kept():
        _make()
    (path,) = (store / "tieout" / "classes").iterdir()
    entries = marshal.loads(path.read_bytes())
    path.write_bytes(
        marshal.dumps({key: b"\x00damaged" if i % 2 else marshal.dumps(1) for i, key in enumerate(entries)})
    )
    classcode._STORE = None
    with classcode.kept():
        again = _make()
    assert classcode._STORE is not None and classcode._STORE.added
    for a, b in zip(plain, again):
        assert _methods(a) == _methods(b)
    assert all(isinstance(marshal.loads(v), type(_make.__code__)) for v in marshal.loads(path.read_bytes()).values())
