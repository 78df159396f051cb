"""Where the parser's LALR tables are cached: a folder of the user's own, that no one else can write.

The tables are a pickle, and loading a pickle runs whatever code it names: a cache under a predictable
name in the shared temporary folder (Lark's default) lets anyone who can write there run code as the next
user of tieout. So the cache lives under `$XDG_CACHE_HOME/tieout/grammar` (else `~/.cache/…`), a private
folder of `tieout.linter.cachedir`: a file is loaded only when it, its folder and the folder above are the
user's own and writable by no one else, and is written whole (a temporary file renamed). Where no such folder
can be had (another system, a read-only home) there is no cache and the tables are built in memory.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from tieout.linter import cachedir


def folder() -> Path | None:
    """The private cache folder, made if missing; None when there is none to be had."""
    return cachedir.private_folder("grammar")


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
    return cachedir.trusted(path)
