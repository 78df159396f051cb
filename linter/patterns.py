"""Regular expressions compiled when first used, for patterns that only some documents need.

Python's `re` compiles a pattern in Python code, and a character class over the CJK ideographs
(`[\\u4e00-\\u9fff]`) costs about a millisecond by itself: the compiler marks its 21,000 characters one by
one. Compiled at import, every such pattern is paid by every run, also by the many that never reach the
rule or the option that uses it (a rare wording, `--cross-document`).

`lazy` makes a stand-in that compiles the pattern the first time one of its methods is called, and then
keeps the compiled pattern's methods (`search`, `finditer`, …) on itself: from then on a call costs what it
costs on a compiled pattern, so a stand-in adds nothing in a loop. It has the methods that match and the
`pattern` text, no more: it is no `re.Pattern` for `isinstance`, and is not to be passed to the functions of
`re` (`re.sub(PATTERN, …)`); use its methods (`PATTERN.sub(…)`).
"""

from __future__ import annotations

import re
from typing import Any, cast

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class _Lazy:
    """A pattern's stand-in: each method of `_METHODS` compiles the pattern on its first call and keeps the
    compiled pattern's methods on the instance, where attribute lookup finds them before the class's (an
    instance's own attributes hide the class's functions). No `__getattr__`: its hook would slow every lookup."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._pattern = pattern
        self._flags = flags

    def _compiled(self) -> re.Pattern[str]:
        compiled = re.compile(self._pattern, self._flags)
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

    def __repr__(self) -> str:
        return f"lazy({self._pattern!r}, {self._flags})"


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, done on first use (see the module's docstring for what it supports)."""
    return cast("re.Pattern[str]", _Lazy(pattern, flags))
