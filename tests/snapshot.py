"""Snapshots of full output, reviewed when they change (as ruff's insta snapshots are).

`check(name, value)` compares `value` (JSON-able) with the stored snapshot `name` in `tests/snapshots/`; run the
tests with `TIEOUT_UPDATE_SNAPSHOTS=1` to write the current values instead, then review the diff (`git diff
tests/snapshots`) before committing it."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).resolve().parent / "snapshots"
UPDATE = os.environ.get("TIEOUT_UPDATE_SNAPSHOTS") == "1"


def _path(group: str) -> Path:
    return FOLDER / f"{group}.json"


_cache: dict[str, dict[str, Any]] = {}


def _load(group: str) -> dict[str, Any]:
    if group not in _cache:
        p = _path(group)
        _cache[group] = json.loads(p.read_text(encoding="utf-8")) if p.exists() else {}
    return _cache[group]


def check(group: str, name: str, value: Any) -> None:
    stored = _load(group)
    if UPDATE:
        stored[name] = value
        FOLDER.mkdir(exist_ok=True)
        text = json.dumps(dict(sorted(stored.items())), ensure_ascii=False, indent=1) + "\n"
        _path(group).write_text(text, encoding="utf-8")
        return
    assert name in stored, f"no snapshot {group}/{name}: run with TIEOUT_UPDATE_SNAPSHOTS=1 and review it"
    assert value == stored[name], f"snapshot {group}/{name} changed; review, then TIEOUT_UPDATE_SNAPSHOTS=1"
