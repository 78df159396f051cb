"""Baselines: the findings a legacy archive already has, so that a gate fails only on new ones.

A finding is keyed on its rule, its file and the normalised sentence it stands in, not its line number:
edits elsewhere in the file do not bring old findings back, and a changed figure in the sentence does
(its sentence is no longer the same)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from tieout.linter.rules.diagnostics import Diagnostic
from tieout.linter.run.files import atomic_write

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
    import json  # (here and in `load`: a check without a baseline reads and writes no JSON)

    data = json.dumps({"version": VERSION, "findings": findings}, ensure_ascii=False, indent=1) + "\n"
    atomic_write(path, lambda fh: fh.write(data.encode("utf-8")))  # the previous baseline stays on failure
    return len(diagnostics)


def load(path: str) -> Counter[Key]:
    """The baseline's findings; ValueError (one line) when the file is no baseline of this version."""
    import json

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ValueError("not a tieout baseline (not UTF-8 text)") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"not a tieout baseline (invalid JSON: {exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise ValueError(f"not a tieout baseline (version {VERSION})")
    known: Counter[Key] = Counter()
    for n, f in enumerate(data["findings"], start=1):
        try:
            count = f.get("count", 1)
            if not all(isinstance(f[k], str) for k in ("rule", "path", "sentence")) or type(count) is not int:
                raise TypeError
        except (KeyError, TypeError, AttributeError):
            raise ValueError(f"not a tieout baseline (finding {n}: needs rule, path, sentence and a count)") from None
        known[f["rule"], f["path"], f["sentence"]] += count
    return known


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
