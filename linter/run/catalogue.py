"""The rules' reference (`tieout rules`, `tieout explain`) without importing the checks.

A rule's code, name, severity and documentation are read from its class, and importing the checks imports
the whole pipeline (patterns compiled, models built): several times what listing them should cost. What
the reference shows depends only on the plugins' source files and on the code that reads their
documentation, so it is kept in the user's cache folder under a digest of exactly those files; an edited,
added or removed file (or plugin) is a reason to import the checks again, so the reference is never stale.
A plugin that fails to load is reported on every run: its reference is not kept.
"""

from __future__ import annotations

import hashlib
import json
import sys
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from tieout.linter.cachedir import cache_dir, write_atomic
from tieout.linter.rules.docs import RuleDoc
from tieout.linter.run.entrypoints import GROUP, discover


class RuleInfo:
    """What the reference says of one rule: the same attributes and methods as a rule's class. (A plain
    class, as RuleDoc: no `dataclasses` in the start-up of `tieout rules`.)"""

    __slots__ = ("code", "name", "severity", "summary_line", "doc")

    def __init__(self, code: str, name: str, severity: str, summary_line: str, doc: RuleDoc) -> None:
        self.code = code
        self.name = name
        self.severity = severity
        self.summary_line = summary_line
        self.doc = doc

    def as_dict(self) -> dict[str, Any]:
        """The cached form: the fields by name, the documentation's too."""
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "summary_line": self.summary_line,
            "doc": self.doc.as_dict(),
        }

    def summary(self) -> str:
        return self.summary_line

    def documentation(self) -> RuleDoc:
        return self.doc


def _sources(value: str) -> Path:
    """Where a plugin's rules are read from: the folder of the package its entry point's module belongs to
    (the modules and their fixture cases), or the module's file when it stands outside any package."""
    module = value.partition("[")[0].partition(":")[0].strip()
    spec = find_spec(module)
    if spec is None or spec.origin is None:
        raise LookupError(module)
    origin = Path(spec.origin)
    package = spec.submodule_search_locations is not None
    if "." not in module:  # a top-level module, or a top-level package's own folder
        return origin.parent if package else origin
    return origin.parent.parent if package else origin.parent


def _files(source: Path) -> list[Path]:
    """A source's files: the file itself, or every file under the folder."""
    if not source.is_dir():
        return [source]
    return sorted(p for p in source.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def _key(entry_points: list[tuple[str, str]]) -> str:
    digest = hashlib.sha256()
    readers = [Path(__file__).parent.parent / "rules" / name for name in ("docs.py", "cases.py")]
    sources: dict[Path, None] = {}  # each folder listed once: the built-in checks are a dozen entry points of one
    for name, value in entry_points:
        digest.update(f"{name}\0{value}\n".encode())
        sources[_sources(value)] = None
    files: dict[Path, None] = dict.fromkeys(readers)
    for source in sources:
        files.update(dict.fromkeys(_files(source)))
    for path in files:
        digest.update(f"{path}\0".encode("utf-8", "surrogatepass"))
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _from_classes() -> tuple[list[RuleInfo], bool]:
    """The reference read from the rule classes (every plugin imported), and whether every plugin loaded."""
    from tieout.linter.run.plugins import plugins

    loaded = plugins()
    infos = [RuleInfo(r.code, r.name, r.severity, r.summary(), r.documentation()) for r in loaded.rules]
    return infos, not loaded.errors


def _decode(data: object) -> list[RuleInfo]:
    if not isinstance(data, list):
        raise ValueError("not a list of rules")
    return [
        RuleInfo(d["code"], d["name"], d["severity"], d["summary_line"], RuleDoc(**d["doc"]))
        for d in data
        if isinstance(d, dict)
    ]


def rules() -> list[RuleInfo]:
    """Every rule of this installation, by code, with its documentation."""
    try:
        key = _key(discover(GROUP))
    except (OSError, LookupError, ImportError, ValueError):  # sources that cannot be read: ask the classes
        return _from_classes()[0]
    # one file per environment, as the plugin discovery's (linter/run/entrypoints.py): checkouts of other
    # versions of the checks, each in its own environment, would otherwise replace it at every run
    name = hashlib.sha256(sys.prefix.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    cached = cache_dir() / "rules" / f"reference-{name}.json"
    try:
        found = json.loads(cached.read_bytes())
        if found.get("key") == key:
            return _decode(found["rules"])
    except (OSError, ValueError, AttributeError, KeyError, TypeError):
        pass
    infos, complete = _from_classes()
    if complete:
        encoded = {"key": key, "rules": [i.as_dict() for i in infos]}
        write_atomic(cached, json.dumps(encoded, ensure_ascii=False).encode("utf-8"))
    return infos
