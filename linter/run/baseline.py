"""Baselines: the findings a legacy archive already has, so that a gate fails only on new ones.

A finding is keyed on its rule, its file and the normalised sentence it stands in, not its line number:
edits elsewhere in the file do not bring old findings back, and a changed figure in the sentence does
(its sentence is no longer the same)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from tieout.linter.rules.diagnostics import Diagnostic

VERSION = 1
Key = tuple[str, str, str]  # rule code, path relative to the working folder, normalised sentence


def _path(p: str) -> str:
    try:
        return Path(p).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return Path(p).as_posix()


def key(d: Diagnostic) -> Key:
    return d.code, _path(d.path), d.sentence


def write(path: str, diagnostics: list[Diagnostic]) -> int:
    counts = Counter(key(d) for d in diagnostics)
    findings = [{"rule": r, "path": p, "sentence": s, "count": n} for (r, p, s), n in sorted(counts.items())]
    Path(path).write_text(
        json.dumps({"version": VERSION, "findings": findings}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return len(diagnostics)


def load(path: str) -> Counter[Key]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise ValueError(f"{path}: not a tieout baseline (version {VERSION})")
    return Counter({(f["rule"], f["path"], f["sentence"]): int(f.get("count", 1)) for f in data["findings"]})


def subtract(diagnostics: list[Diagnostic], known: Counter[Key]) -> list[Diagnostic]:
    """The diagnostics not in the baseline (each baseline entry absorbs as many findings as it counted)."""
    out: list[Diagnostic] = []
    for d in diagnostics:
        k = key(d)
        if known[k] > 0:
            known[k] -= 1
        else:
            out.append(d)
    return out
