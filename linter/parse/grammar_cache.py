"""Where the parser's LALR tables are cached: a folder of the user's own, that no one else can write.

The tables are a pickle, and loading a pickle runs whatever code it names: a cache under a predictable
name in the shared temporary folder (Lark's default) lets anyone who can write there run code as the next
user of tieout. So the cache lives under `$XDG_CACHE_HOME/tieout/grammar` (else `~/.cache/…`), created
private (0700), and a file is loaded only when it, its folder and the folder above are the user's own and
writable by no one else, and is written whole (a temporary file renamed). Where no such folder can be had
(another system, a read-only home) there is no cache and the tables are built in memory.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from pathlib import Path


def _private(p: Path, kind: int) -> bool:
    """Is `p` of that kind (not a symbolic link), owned by this user, and writable by no one else?"""
    try:
        st = os.lstat(p)
    except OSError:
        return False
    return stat.S_IFMT(st.st_mode) == kind and st.st_uid == os.getuid() and not st.st_mode & 0o022


def folder() -> Path | None:
    """The private cache folder, made if missing; None when there is none to be had."""
    if not hasattr(os, "getuid"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):
        return None
    d = Path(base) / "tieout" / "grammar"
    try:
        d.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    if _private(d.parent, stat.S_IFDIR) and _private(d, stat.S_IFDIR):
        return d
    return None


def path_for(grammar: str) -> Path | None:
    """The cache file of this grammar under this Lark and Python (None: no private folder)."""
    import lark

    d = folder()
    if d is None:
        return None
    key = hashlib.sha256(f"{grammar}\0{lark.__version__}\0{sys.version_info[:2]}".encode()).hexdigest()[:32]
    return d / f"sentence-{key}.lark"


def trusted(path: Path) -> bool:
    """May this cache file be loaded: a regular file of this user's that no one else can write?"""
    return _private(path, stat.S_IFREG)
