"""The per-user cache directory tieout keeps derived data in (parsed vocabularies, check results), and
writing into it safely.

`TIEOUT_CACHE_DIR` names it; otherwise `$XDG_CACHE_HOME/tieout`, `~/.cache/tieout` (POSIX),
`~/Library/Caches/tieout` (macOS) or `%LOCALAPPDATA%\\tieout\\Cache` (Windows). Everything in it can be
deleted at any time: it is only ever a faster way to a result tieout can compute again.

Writes go to a temporary file in the same folder, renamed over the target (atomic on one file system), so a
reader sees either the old entry, the new one, or none, never a half-written one, whatever other processes
write at the same time. Any failure (read-only home, full disk) leaves tieout working without the cache.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def cache_dir() -> Path:
    explicit = os.environ.get("TIEOUT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "tieout" / "Cache" if base else Path.home() / "AppData" / "Local" / "tieout" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "tieout"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "tieout"


def write_atomic(path: Path, data: bytes) -> bool:
    """Write `data` to `path` through a temporary file and a rename; False when it could not be written."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
        return True
    except OSError:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        return False
