"""Finding the plugins' entry points without scanning every installed distribution on each run.

`importlib.metadata.entry_points` imports the email parser and reads the metadata of every distribution on
`sys.path`: on a virtual environment of the usual size that costs more than the rest of `tieout rules`.
What it finds changes only when a distribution is installed, upgraded or removed, and each of those adds,
renames or deletes a `*.dist-info` folder, which changes the modification time of the folder of `sys.path`
it lives in. The entry points found are therefore kept in the user's cache folder under a key made of the
`sys.path` folders and their modification times; any other state is a reason to scan again. Each
environment (`sys.prefix`) has its own file: two virtual environments that run tieout in turn (a project's
and pre-commit's, or several checkouts on one machine) would otherwise replace each other's at every run.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from importlib import import_module
from typing import Any

from tieout.linter.cachedir import cache_dir, write_atomic

GROUP = "tieout.checks"  # the entry-point group plugins register their checks under
EntryPoint = tuple[str, str]  # (name, value): `name = "package.module:attribute"`


def _key(group: str) -> str:
    """The `sys.path` folders as they stand: their names and modification times (a path that is no folder,
    such as an import hook's name, counts by its name alone)."""
    parts = [group, sys.version]
    for entry in sys.path:
        try:
            parts.append(f"{entry}\0{os.stat(entry or '.').st_mtime_ns}")
        except OSError:
            parts.append(entry)
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _scan(group: str) -> list[EntryPoint]:
    from importlib.metadata import entry_points

    return sorted({(ep.name, ep.value) for ep in entry_points(group=group)})


def discover(group: str) -> list[EntryPoint]:
    """The entry points of `group` of the installed distributions, sorted by name. One cache file per group
    and environment, holding the key it was found under: a changed environment replaces it rather than adding
    another."""
    key = _key(group)
    name = hashlib.sha256(f"{group}\0{sys.prefix}".encode("utf-8", "surrogatepass")).hexdigest()[:16]
    cached = cache_dir() / "entry-points" / f"{name}.json"
    try:
        found = json.loads(cached.read_bytes())
        if found.get("key") == key and all(isinstance(p, list) and len(p) == 2 for p in found["entry_points"]):
            return [(str(name), str(value)) for name, value in found["entry_points"]]
    except (OSError, ValueError, AttributeError, KeyError, TypeError):
        pass
    scanned = _scan(group)
    write_atomic(cached, json.dumps({"key": key, "entry_points": scanned}, ensure_ascii=False).encode("utf-8"))
    return scanned


def load(value: str) -> Any:
    """The object an entry point's value names: `package.module` or `package.module:attribute.attribute`
    (the syntax of the packaging specification, without extras)."""
    module, _, attribute = value.partition("[")[0].partition(":")
    obj: Any = import_module(module.strip())
    for name in filter(None, attribute.strip().split(".")):
        obj = getattr(obj, name)
    return obj
