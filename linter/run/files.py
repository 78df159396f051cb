"""Writing the files a run leaves (baseline, annotated copy): whole or not at all.

The content goes to a temporary file in the target's own folder, is flushed to disk, and replaces the
target by a rename, which is atomic on POSIX and Windows: a failure at any point (a full disk, a signal, a
defect) leaves the target as it was and no temporary file behind.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def _mode_for(target: Path) -> int:
    """The permissions the written file gets: the target's own when it exists, else the usual default."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write(path: str, write: Callable[[BinaryIO], object]) -> None:
    """Write `path` through `write(file)`, atomically. A symbolic link is followed: its target is replaced."""
    import tempfile  # (only where a run leaves a file: not at every start)

    target = Path(os.path.realpath(path))
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def writable_target(path: str) -> str | None:
    """Why `path` cannot be written (one line), or None: checked before the run, not after its work."""
    folder = Path(os.path.realpath(path)).parent
    if not folder.is_dir():
        return f"{path}: no such directory {folder}"
    if Path(path).is_dir():
        return f"{path}: is a directory"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"{path}: the directory {folder} is not writable"
    return None
