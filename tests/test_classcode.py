"""The kept methods of dataclasses (linter/classcode.py): a class made through the file is the class made
without it, the file is private, written when a command added entries and read back by the next."""

from __future__ import annotations

import dataclasses
import os
import stat

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


def _methods(cls: type) -> dict[str, object]:
    return {name: f.__code__ for name, f in vars(cls).items() if hasattr(f, "__code__")}


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
