"""The result cache of `tieout check` (on by default, `--no-cache` to bypass it), as ruff's and ESLint's:
re-checking an unchanged report costs a file read, a hash and the read of one cache entry.

An entry holds one file's result and the text it was read as (the human output shows source lines; a PDF
or Word report would otherwise be rendered again). Its key is the SHA-256 of everything the result depends
on: the file's bytes and path (findings name it), the file's configuration as validated, tieout's version,
the stamp of tieout's own code (size and modification time of every module, grammar and vocabulary file,
so that an edited checkout never reads results of the code before), the installed check plugins (entry
point, distribution and version) and the Python version. A changed input is a new key; nothing is ever
invalidated in place.

Entries live under `cache_dir()/results` (linter/cachedir.py; `TIEOUT_CACHE_DIR` moves it), two hex digits
of fan-out, each a zlib-compressed JSON document that repeats its key. Writes are atomic renames, so
concurrent runs and worker processes at worst compute the same entry twice. An entry that cannot be read,
decompressed, parsed or validated, or that carries another key, is a miss and is written again: a corrupt
cache costs time, never a wrong result. Results that are not a file's findings (an input error, TO900 for a
defect of ours) and runs that keep the figures for `--cross-document` are not cached. The folder can be
deleted at any time.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import zlib
from functools import lru_cache
from pathlib import Path

from tieout.linter.cachedir import cache_dir, write_atomic
from tieout.linter.run.config import Config
from tieout.linter.run.results import FileResult

FORMAT = "tieout-result-cache/1"  # the entries' layout: changing it changes every key
INTERNAL = "TO900"
CODE_SUFFIXES = (".py", ".lark", ".yaml", ".yml", ".json")
TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# The result cache of tieout: deleting it is safe.\n"


class ResultCache:
    """Cached results in the folder `root`, for the code and plugins described by `stamp`."""

    def __init__(self, root: Path, stamp: str) -> None:
        self.root = root
        self.stamp = stamp

    def key(self, path: str, config: Config) -> str | None:
        """The key of the file's result under `config`; None when the file cannot be read here (the check
        reports why, uncached) or is larger than the configured limit."""
        try:
            p = Path(path)
            st = p.stat()
            # a FIFO or a device is refused by the reading layer; reading it here would block or never end
            if not stat.S_ISREG(st.st_mode) or st.st_size > config.max_file_size_mb * 1024 * 1024:
                return None
            data = p.read_bytes()
        except (OSError, ValueError):
            return None
        h = hashlib.sha256()
        for part in (FORMAT, self.stamp, path, json.dumps(config.data(), sort_keys=True)):
            h.update(part.encode("utf-8", "surrogateescape"))
            h.update(b"\0")
        h.update(data)
        return h.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.root / key[:2] / key

    def has(self, key: str) -> bool:
        """Is there an entry under `key`? (Whether it can be read is known only by `get`.)"""
        return self._entry(key).is_file()

    def get(self, key: str) -> tuple[FileResult, str] | None:
        try:
            raw = json.loads(zlib.decompress(self._entry(key).read_bytes()))
            if raw.get("key") != key:
                return None
            return FileResult.from_data(raw["result"]), str(raw["text"])
        except Exception:  # a missing, truncated or foreign entry: computed again
            return None

    def put(self, key: str, result: FileResult, text: str) -> None:
        if result.error is not None or any(d.code == INTERNAL for d in result.diagnostics):
            return
        payload = {"key": key, "result": result.data(), "text": text}
        data = zlib.compress(json.dumps(payload, ensure_ascii=False).encode("utf-8"), 6)
        if write_atomic(self._entry(key), data):
            tag = self.root.parent / "CACHEDIR.TAG"  # backup tools skip a folder tagged so
            if not tag.exists():
                write_atomic(tag, TAG.encode("ascii"))


def open_cache(root: str | None = None) -> ResultCache:
    """The cache of this process's code and plugins, in `root` or the user's cache folder."""
    return _open(root or str(cache_dir() / "results"))


@lru_cache(maxsize=4)
def _open(root: str) -> ResultCache:
    return ResultCache(Path(root), code_stamp())


@lru_cache(maxsize=1)
def code_stamp() -> str:
    """What the results of unchanged input depend on besides the configuration: tieout's version and code,
    the check plugins installed, and the Python version."""
    from importlib.metadata import PackageNotFoundError, entry_points, version

    h = hashlib.sha256()
    try:
        h.update(version("tieout").encode())
    except PackageNotFoundError:
        pass
    h.update(sys.version.encode())
    import tieout.linter

    # the folders of tieout.linter, tieout.checks and tieout.grammar (installed or an editable checkout)
    here = Path(tieout.linter.__file__).resolve().parent
    folders = [here]
    for name in ("tieout.checks", "tieout.grammar"):
        spec = _spec(name)
        if spec is not None:
            folders.extend(Path(p) for p in spec)
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__" and not d.startswith("."))
            for name in sorted(filenames):
                if name.endswith(CODE_SUFFIXES):
                    st = os.stat(os.path.join(dirpath, name))
                    h.update(
                        f"{os.path.relpath(os.path.join(dirpath, name), folder)}:{st.st_size}:{st.st_mtime_ns}\n".encode()
                    )
    for ep in sorted(entry_points(group="tieout.checks"), key=lambda e: (e.name, e.value)):
        dist = getattr(ep, "dist", None)
        h.update(f"{ep.name}={ep.value} {dist.name if dist else ''} {dist.version if dist else ''}\n".encode())
    return h.hexdigest()


def _spec(name: str) -> list[str] | None:
    from importlib.util import find_spec

    try:
        spec = find_spec(name)
    except (ImportError, ValueError):
        return None
    return list(spec.submodule_search_locations or []) if spec is not None else None
