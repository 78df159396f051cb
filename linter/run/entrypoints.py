"""Finding the plugins' entry points without scanning every installed distribution on each run.

`importlib.metadata.entry_points` imports the email parser and reads the metadata of every distribution on
`sys.path`: on a virtual environment of the usual size that costs more than the rest of `tieout rules`.
What it finds changes only when a distribution is installed, upgraded or removed, and each of those adds,
renames or deletes a `*.dist-info` (or `*.egg-info`) entry of a folder of `sys.path`. The entry points found
are therefore kept in the user's cache folder with what they were found under: the `sys.path` folders, each
with its modification time and its distributions (their names and modification times). A folder whose time
is unchanged is unchanged; one whose time moved is listed again, and only a change of its distributions is a
reason to scan again. The folder tieout is run from is on `sys.path` (`python -m`), and files come and go
in it (reports written, temporary files): its time alone made about half the runs from a busy folder scan
every distribution again, a seventh of a cold `tieout check`.

Each environment (`sys.prefix`) and search path (`PYTHONPATH`) has its own file: two virtual environments, or
several checkouts run against one, that run tieout in turn would otherwise replace each other's at every run.
The first entry of `sys.path` (the script's folder, or the current one) is left out of the file's name, not
out of what is compared, so that running from many folders does not leave a file for each; the file keeps the
entry points found from the last few first entries (a checkout holding its own `*.egg-info` and a reports
folder, run from in turn, are each found without a scan).

The file is kept in marshal's form in a private folder of the user's (linter/cachedir.py: marshal is read only
from files no one else can write), and as JSON in the cache folder where there is none: importing `json` (its
decoder, scanner and encoder, their patterns) was seven tenths of a percent of a cold `tieout check`, which
needs it for nothing else.
"""

from __future__ import annotations

import marshal
import os
import sys
from importlib import import_module
from pathlib import Path
from typing import Any

from tieout.linter.cachedir import cache_dir, private_folder, read_marshalled, sha256, write_atomic

GROUP = "tieout.checks"  # the entry-point group plugins register their checks under
EntryPoint = tuple[str, str]  # (name, value): `name = "package.module:attribute"`


_Folder = tuple[str, int | None, list[tuple[str, int]] | None]  # (entry, modification time, distributions)
_VARIANTS = 8  # first entries of sys.path (folders run from) a file keeps the entry points of


def _current() -> str:
    try:
        return os.getcwd()
    except OSError:  # the current folder was removed: it holds nothing
        return ""


def _mtime(entry: str) -> int | None:
    try:
        return os.stat(entry or ".").st_mtime_ns
    except OSError:  # no such folder (an import hook's name, a missing zip): counted by its name alone
        return None


def _distributions(entry: str) -> list[tuple[str, int]] | None:
    """The distributions `importlib.metadata` finds in a folder of `sys.path` (its `*.dist-info` and
    `*.egg-info` entries, and `egg-info` in an `*.egg` folder), with their modification times; None when it
    cannot be listed (a zip file: any change of its time counts)."""
    try:
        with os.scandir(entry or ".") as it:
            egg = os.path.basename(entry).lower().endswith(".egg")
            return sorted(
                (e.name, e.stat(follow_symlinks=False).st_mtime_ns)
                for e in it
                if e.name.lower().endswith((".dist-info", ".egg-info")) or (egg and e.name.lower() == "egg-info")
            )
    except OSError:
        return None


def _folders(paths: list[str], stored: list[_Folder] | None) -> tuple[list[_Folder], bool]:
    """The folders of `paths` as they stand, and whether their distributions are those of `stored` (the
    folders the cached entry points were found under). A folder listed only when its time has moved."""
    known = {entry: (mtime, dists) for entry, mtime, dists in stored or []}
    same = stored is not None and [f[0] for f in stored] == paths
    folders: list[_Folder] = []
    for entry in paths:
        mtime = _mtime(entry)
        old = known.get(entry)
        if old is not None and old[0] == mtime:
            folders.append((entry, mtime, old[1]))
            continue
        dists = _distributions(entry) if mtime is not None else None
        same = same and old is not None and dists is not None and dists == old[1]
        folders.append((entry, mtime, dists))
    return folders, same


_Variant = tuple[list[_Folder], list[EntryPoint]]  # the folders of one search path, the entry points found


def _variants(data: object, group: str) -> list[_Variant]:
    """The search paths and entry points of a cache file's contents, if it is one for this group and Python."""
    if not isinstance(data, dict) or data.get("group") != group or data.get("python") != sys.version:
        return []
    return [
        (
            [(str(e), m, None if d is None else [(str(n), t) for n, t in d]) for e, m, d in v["folders"]],
            [(str(name), str(value)) for name, value in v["entry_points"]],
        )
        for v in data["variants"]
    ]


def _scan(group: str) -> list[EntryPoint]:
    from importlib.metadata import entry_points

    return sorted({(ep.name, ep.value) for ep in entry_points(group=group)})


def discover(group: str) -> list[EntryPoint]:
    """The entry points of `group` of the installed distributions, sorted by name. One cache file per group,
    environment and search path, holding the folders they were found under, for each of the last few first
    entries (`python -m` run from a project and from a checkout in turn finds each one's); a changed
    environment replaces its entry rather than adding another."""
    paths = [entry or _current() for entry in sys.path]  # ("": the current folder)
    ident = f"{group}\0{sys.prefix}\0" + "\0".join(paths[1:])
    name = sha256(ident.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    cached = _file(name)
    variants: list[_Variant] = []
    try:
        variants = _variants(_read(cached), group)
    except (OSError, ValueError, AttributeError, KeyError, TypeError):
        pass
    here = next((v for v in variants if [f[0] for f in v[0]] == paths), None)
    others = [v for v in variants if v is not here][: _VARIANTS - 1]
    folders, same = _folders(paths, here[0] if here is not None else None)
    if here is not None and same:
        if folders != here[0]:  # a folder's time moved, its distributions did not: kept with the new time
            _write(cached, group, [(folders, here[1]), *others])
        return here[1]
    scanned = _scan(group)
    _write(cached, group, [(folders, scanned), *others])
    return scanned


def _write(cached: Path, group: str, variants: list[_Variant]) -> None:
    data = {
        "group": group,
        "python": sys.version,
        "variants": [{"folders": folders, "entry_points": found} for folders, found in variants],
    }
    if cached.suffix == ".marshal":
        write_atomic(cached, marshal.dumps(data))
        return
    import json

    write_atomic(cached, json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass"))


def _file(name: str) -> Path:
    """The cache file of this group, environment and search path: in marshal's form in the private folder, as
    JSON in the cache folder where there is none."""
    folder = private_folder("plugins")
    if folder is not None:
        return folder / f"{name}.marshal"
    return cache_dir() / "entry-points" / f"{name}.json"


def _read(cached: Path) -> object:
    """A cache file's contents ({} for a file in marshal's form that is missing, damaged or not to be trusted)."""
    if cached.suffix == ".marshal":
        return read_marshalled(cached)
    import json

    return json.loads(cached.read_bytes())


def load(value: str) -> Any:
    """The object an entry point's value names: `package.module` or `package.module:attribute.attribute`
    (the syntax of the packaging specification, without extras)."""
    module, _, attribute = value.partition("[")[0].partition(":")
    obj: Any = import_module(module.strip())
    for name in filter(None, attribute.strip().split(".")):
        obj = getattr(obj, name)
    return obj
