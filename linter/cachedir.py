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

import marshal
import os
import stat
import sys
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hashlib import _Hash


def _builtin_sha256() -> Callable[..., _Hash]:
    """CPython's own SHA-256 (`_sha2` from 3.12, `_sha256` before), else hashlib's: `import hashlib` loads
    OpenSSL first, about 2 ms of a cold `tieout check`, for the few short texts (a vocabulary, the grammar)
    whose digests name cache files. The digest is SHA-256's either way."""
    for name in ("_sha2", "_sha256"):
        try:
            found: Any = import_module(name)
            return found.sha256  # type: ignore[no-any-return]
        except (ImportError, AttributeError):
            continue
    from hashlib import sha256

    return sha256


sha256 = _builtin_sha256()


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


# a new file of the user's alone, never one that exists or a link (what `tempfile.mkstemp` opens; its module,
# with `random` and `shutil`, is about a millisecond of a cold start that writes a cache file)
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
_CREATE |= getattr(os, "O_BINARY", 0)


def _temporary(path: Path) -> tuple[int, str]:
    """A new file beside `path` (`.NAME.RANDOM.tmp`), opened for writing: its descriptor and name."""
    for _ in range(100):
        tmp = str(path.with_name(f".{path.name}.{os.urandom(6).hex()}.tmp"))
        try:
            return os.open(tmp, _CREATE, 0o600), tmp
        except FileExistsError:  # (taken by another writer: another name)
            continue
    raise FileExistsError(f"no free temporary name beside {path}")


def write_atomic(path: Path, data: bytes) -> bool:
    """Write `data` to `path` through a temporary file and a rename; False when it could not be written."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = _temporary(path)
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


# --- a private folder, for caches that are loaded as code or as compiled data -------------------------------
# A cache of the parser's tables (a pickle, loaded by running what it names) or of compiled patterns (their
# matching code, trusted as it stands) under a name others can write would let them run code, or change what
# the patterns match, for the next user of tieout. Such caches live under `$XDG_CACHE_HOME/tieout/NAME`
# (else `~/.cache/…`), created private (0700), and a file is loaded only when it, its folder and the folder
# above are the user's own and writable by no one else. Where no such folder can be had (another system, a
# read-only home) there is no cache and the data is computed in memory.


def _private(p: Path, kind: int) -> bool:
    """Is `p` of that kind (not a symbolic link), owned by this user, and writable by no one else?"""
    try:
        st = os.lstat(p)
    except OSError:
        return False
    return stat.S_IFMT(st.st_mode) == kind and st.st_uid == os.getuid() and not st.st_mode & 0o022


def private_folder(name: str) -> Path | None:
    """The private cache folder `name`, made if missing; None when there is none to be had."""
    if not hasattr(os, "getuid"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):
        return None
    d = Path(base) / "tieout" / name
    try:
        d.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    if _private(d.parent, stat.S_IFDIR) and _private(d, stat.S_IFDIR):
        return d
    return None


def trusted(path: Path) -> bool:
    """May this file of a private folder be loaded: a regular file of this user's that no one else can write?"""
    return _private(path, stat.S_IFREG)


def read_marshalled(path: Path) -> dict[object, object]:
    """The mapping a trusted file of a private folder holds in marshal's form; {} for a file missing, damaged,
    not a mapping, or one someone else could have written (compiled patterns, dataclass methods)."""
    if not trusted(path):
        return {}
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):  # missing, damaged: compiled anew and rewritten
        return {}
    return data if isinstance(data, dict) else {}


def source_key(flags: int, source: str) -> bytes:
    """The key of a compiled source in a file of compiled code (patterns, dataclass methods): the flags it was
    compiled with and its text, as bytes (read and hashed faster than a tuple of them; no two sources share one)."""
    return b"%d\0" % flags + source.encode("utf-8", "surrogatepass")
