"""The cache of compiled patterns (linter/patterns.py): what it gives back is what `re.compile` gives, whatever
the file holds; the file is private, written once per process that added entries, and read back."""

from __future__ import annotations

import marshal
import os
import re
import stat

import pytest
from tieout.linter import patterns

SAMPLES = [
    (r"(?P<year>(?:19|20)\d{2})\s*年(?:度|底|末)?", 0),
    (r"[\u4e00-\u9fff]{2,6}[：:]", 0),
    (r"^(?:合计|总计)\s*$", re.MULTILINE),
    (r"abc|ABD", re.IGNORECASE),
]


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A fresh store over a private cache folder of the test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(patterns, "_STORE", None)
    yield tmp_path
    monkeypatch.setattr(patterns, "_STORE", None)


def _saved() -> None:
    """What atexit would do at the end of the process."""
    assert patterns._STORE is not None
    if patterns._STORE.added:
        patterns._STORE.save()


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_patterns_from_the_cache_equal_the_compilers(store):
    fresh = [patterns._compile(p, f) for p, f in SAMPLES]
    assert fresh == [re.compile(p, f) for p, f in SAMPLES]  # equal patterns: text, flags and matching code
    _saved()
    (path,) = (store / "tieout" / "patterns").iterdir()
    assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0  # no one else may read or write it
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    patterns._STORE = None
    cached = [patterns._compile(p, f) for p, f in SAMPLES]
    assert patterns._STORE is not None and not patterns._STORE.added  # every one read from the file
    assert cached == fresh
    assert [c.groupindex for c in cached] == [f.groupindex for f in fresh]
    assert cached[0].search("截至2023年底").group("year") == "2023"


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_damaged_or_foreign_file_is_never_trusted(store):
    patterns._compile(*SAMPLES[0])
    _saved()
    (path,) = (store / "tieout" / "patterns").iterdir()
    # an entry whose code is not the pattern's: the constructor rejects it, the pattern is compiled anew
    key = SAMPLES[1]
    flags, code, groups, groupindex, indexgroup = patterns._entry(*SAMPLES[2])
    entry = marshal.dumps((flags, patterns.array(patterns._CODE, [0, 1, 2]).tobytes(), groups, groupindex, indexgroup))
    path.write_bytes(marshal.dumps({patterns._key(*key): entry}))
    path.chmod(0o600)
    patterns._STORE = None
    assert patterns._compile(*key) == re.compile(*key)
    path.write_bytes(b"not marshal data")
    patterns._STORE = None
    assert patterns._compile(*key) == re.compile(*key)
    # a file others can write is not read at all
    flags, code, *rest = patterns._entry(*SAMPLES[2])
    entry = marshal.dumps((flags, patterns.array(patterns._CODE, code).tobytes(), *rest))
    path.write_bytes(marshal.dumps({patterns._key(*key): entry}))  # another pattern's entry
    path.chmod(0o666)
    patterns._STORE = None
    assert patterns._compile(*key) == re.compile(*key)  # not the other pattern's code
    assert patterns._STORE is not None and patterns._STORE.added  # compiled anew, the file not read


def test_an_invalid_pattern_raises_as_re_does(store):
    with pytest.raises(re.error):
        patterns._compile(r"(unclosed", 0)
    with pytest.raises(re.error):  # (a pattern is compiled when first used)
        patterns.regex(r"(unclosed").search("(unclosed")
