"""Regular expressions: compiled when first used, from a cache of their compiled form (`regex`).

Python's `re` compiles a pattern in Python code, and a character class over the CJK ideographs
(`[\\u4e00-\\u9fff]`) costs about a millisecond by itself: the compiler marks its 21,000 characters one by
one. The three hundred patterns of the pipeline took a fifth of a cold `tieout check` of one report.

`regex` is `re.compile` through a cache of what the compiler makes of each pattern: the arguments of the C
constructor (`_sre.compile`) that `re.compile` ends with, i.e. the matching code, the flags and the groups. A
pattern found there costs a few microseconds; a pattern that is not is compiled by `re.compile`, and its entry
added (the file is written once, when the process ends). An entry is the compiler's output for exactly that
pattern text and those flags, in a file named by the Python build, so it cannot go stale: edited code brings
new patterns, not other meanings for old ones. The entries are trusted as they stand (they decide what a
pattern matches), so the file lives in a private folder of the user's (`cachedir.private_folder`), and an
entry is only added after the constructor, given it, made a pattern equal to the one `re.compile` made. The
compiler's internals are CPython's own (`re._parser`, `re._compiler`, `_sre`): where they are missing or
differ, `regex` is plain `re.compile`.

A pattern is compiled the first time it is used: `regex` returns a stand-in that compiles it when one of its
methods is first called, and then keeps the compiled pattern's methods (`search`, `finditer`, …) on itself:
from then on a call costs what it costs on a compiled pattern, so a stand-in adds nothing in a loop. Of the
thousand patterns the pipeline's modules make as they are imported, a report uses a third or so (a text
report none of the PDF repairs', a budget statement none of the evaluation forms'): the others cost a
stand-in (a fifth of a microsecond) where their compiled form cost a few microseconds, about 2 ms of a cold
check. A stand-in has the methods that match, the `pattern` text, `flags`, `groups` and `groupindex`, equals
and pickles as the pattern does; it is no `re.Pattern` for `isinstance`, and is not to be passed to the
functions of `re` (`re.sub(PATTERN, …)`): use its methods (`PATTERN.sub(…)`). A match's `re` is the compiled
pattern, not the stand-in: which pattern matched is asked with `==` (`m.re == PATTERN`), not `is`. `lazy` is
`regex` (the name some call sites use).
"""

from __future__ import annotations

import atexit
import marshal
import re
import sys
from array import array
from importlib import import_module
from pathlib import Path
from typing import Any

from tieout.linter import cachedir

try:  # CPython's compiler (the names of 3.11 on; untyped, private): elsewhere `regex` is `re.compile`
    _sre: Any = import_module("_sre")
    _compiler: Any = import_module("re._compiler")
    _parser: Any = import_module("re._parser")
except ImportError:  # pragma: no cover - another Python
    _sre = None

# the array type of the matching code's words (`_sre.CODESIZE` bytes each), kept in the file as the array's
# bytes: marshal reads a list of a few hundred thousand ints a number at a time, about 6 ms at every start,
# where bytes are one copy (0.8 ms); the words become a list again for a pattern that is used
_CODE = next((t for t in "IL" if _sre is not None and array(t).itemsize == _sre.CODESIZE), "")  # "": none
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class _Lazy:
    """A pattern's stand-in: each method of `_METHODS` compiles the pattern on its first call and keeps the
    compiled pattern's methods on the instance, where attribute lookup finds them before the class's (an
    instance's own attributes hide the class's functions). No `__getattr__`: its hook would slow every lookup."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._pattern = pattern
        self._flags = flags

    def _compiled(self) -> re.Pattern[str]:
        compiled = self.__dict__.get("_re")
        if compiled is None:
            compiled = self.__dict__["_re"] = _compile(self._pattern, self._flags)
            for name in _METHODS:
                self.__dict__[name] = getattr(compiled, name)
        return compiled

    def search(self, *args: Any) -> Any:
        return self._compiled().search(*args)

    def match(self, *args: Any) -> Any:
        return self._compiled().match(*args)

    def fullmatch(self, *args: Any) -> Any:
        return self._compiled().fullmatch(*args)

    def finditer(self, *args: Any) -> Any:
        return self._compiled().finditer(*args)

    def findall(self, *args: Any) -> Any:
        return self._compiled().findall(*args)

    def sub(self, *args: Any, **kwargs: Any) -> Any:
        return self._compiled().sub(*args, **kwargs)

    def subn(self, *args: Any, **kwargs: Any) -> Any:
        return self._compiled().subn(*args, **kwargs)

    def split(self, *args: Any, **kwargs: Any) -> Any:
        return self._compiled().split(*args, **kwargs)

    @property
    def pattern(self) -> str:
        return self._pattern

    @property
    def flags(self) -> int:
        return self._compiled().flags

    @property
    def groups(self) -> int:
        return self._compiled().groups

    @property
    def groupindex(self) -> Any:
        return self._compiled().groupindex

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _Lazy):
            other = other._compiled()
        return self._compiled() == other

    def __hash__(self) -> int:
        return hash(self._compiled())

    def __reduce__(self) -> tuple[Any, ...]:
        return regex, (self._pattern, self._flags)

    def __repr__(self) -> str:
        return repr(self._compiled())


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`regex(pattern, flags)`: every pattern is compiled when first used."""
    return regex(pattern, flags)


# --- the cache of compiled patterns -------------------------------------------------------------------------
# (the constructor's arguments after the pattern: flags, code, groups - 1, group index, index group; the code
# as the words' bytes in the file, a list for the constructor)
_Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
# The file maps each pattern's key (`_key`: its flags and text as bytes) to its entry in marshal's form, read when
# the pattern is first used. The file holds the entries of every module of the pipeline (1,800 and more, most of
# them the PDF readers', the evaluation forms', other runs' code), a run uses a few hundred: reading each entry
# and each key as text (the patterns are mostly ideographs, decoded from UTF-8 one by one) cost 2% of the
# instructions of a cold `tieout check` of one report, bytes keys and unread entries a fifth of that.
_Stored = bytes
# entries the file keeps; beyond, only those the process writing it asked for (old code's go). The modules of
# the pipeline make about 1,100 (PDF and Word readers, every reader and check): a limit below that would
# drop, at each write, the entries of modules another run imports
_LIMIT = 2000


def _path() -> Path | None:
    """The cache file of this Python build (None: no private folder, or no CPython compiler)."""
    if _sre is None or not _CODE:
        return None
    folder = cachedir.private_folder("patterns")
    if folder is None:
        return None
    return folder / f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}-{_sre.CODESIZE}-c.marshal"


def _read(path: Path) -> dict[bytes, _Stored]:
    return cachedir.read_marshalled(path)  # type: ignore[return-value]  # (its entries are checked where used)


def _key(pattern: str, flags: int) -> bytes:
    """A pattern's key in the file: its flags and its text (exactly: no two patterns share one)."""
    return cachedir.source_key(flags, pattern)


def _entry(pattern: str, flags: int) -> _Entry:
    """What `re._compiler.compile` hands to `_sre.compile` for this pattern (the same steps)."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # named constants as plain ints, for marshal
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


class _Store:
    """The entries of this build's cache file, those this process used, and whether it added any."""

    def __init__(self) -> None:
        self.path = _path()
        self.entries = _read(self.path) if self.path is not None else {}
        self.added = False

    def compile(self, pattern: str, flags: int) -> re.Pattern[str]:
        key = _key(pattern, flags)
        entry = self.entries.get(key)
        if entry is not None:
            try:
                flags_, code, *rest = marshal.loads(entry)
                kept: re.Pattern[str] = _sre.compile(pattern, flags_, array(_CODE, code).tolist(), *rest)
                return kept
            except (TypeError, ValueError, EOFError, RuntimeError, OverflowError):  # not what this build reads: anew
                pass
        compiled = re.compile(pattern, flags)  # re's own errors and warnings, as without the cache
        try:
            fresh = _entry(pattern, flags)
            fits = _sre.compile(pattern, *fresh) == compiled  # equal patterns: same text, flags and code
        except Exception:  # the compiler's internals are not the ones `_entry` knows: no entry
            fits = False
        if fits and self.path is not None:
            self.entries[key] = marshal.dumps((fresh[0], array(_CODE, fresh[1]).tobytes(), *fresh[2:]))
            if not self.added:
                self.added = True
                atexit.register(self.save)
        return compiled

    def save(self) -> None:
        assert self.path is not None
        entries = self.entries
        if len(entries) > _LIMIT:
            asked = {_key(*k) for k in _ASKED}
            entries = {k: v for k, v in entries.items() if k in asked}
        cachedir.write_atomic(self.path, marshal.dumps(entries))


_STORE: _Store | None = None
# the patterns this process asked for, compiled or not (kept by `save`), listed as they are asked (the modules
# ask for 1,300 at every start: a set of them, each text hashed, and `typing.cast` called for each, were a fifth
# of a percent of a cold check)
_ASKED: list[tuple[str, int]] = []


def regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled when first used, from the cache of compiled patterns where it is
    there (see the module's docstring)."""
    flags = int(flags)
    _ASKED.append((pattern, flags))
    return _Lazy(pattern, flags)  # type: ignore[return-value]  # (a stand-in with the methods of re.Pattern)


def _compile(pattern: str, flags: int) -> re.Pattern[str]:
    """`re.compile(pattern, flags)` through the cache of compiled patterns."""
    global _STORE
    if _sre is None:
        return re.compile(pattern, flags)
    if _STORE is None:
        _STORE = _Store()
    return _STORE.compile(pattern, int(flags))


# a chapter's mark opening a heading (`第一部分`, `第三章`, `第二节`, `第一篇`), as the normaliser and the facts read it
CHAPTER_MARK = r"第[一二三四五六七八九十百]+(?:部分|[章节篇])"
# a span of years (`2021—2023年`, `2021年至2023年`), the first and the last year in its groups, as the facts read it
YEARS_FROM_TO = r"((?:19|20)\d{2})\s*年?\s*[-—－至~～到]\s*((?:19|20)\d{2})\s*年"
# a figure of several years together: `三年`, `近五年`, `2022—2024年`, `历年结余`, `“十四五”期间` (the five years of
# a plan; not `2024年度`, `三年行动`, `“十四五”规划`, a plan named, no span its figures sum)
YEARS_TOGETHER = (
    r"(?<![\d〇零一二三四五六七八九十])(?:近|连续|过去|前)?[两二三四五六七八九十]年(?![度级行计])"
    rf"|{YEARS_FROM_TO}|历年"
    r"|[“\"]?十[一二三四五六七八九]五[”\"]?(?:时期|期间|以来)"
)
