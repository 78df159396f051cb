"""The SQLFluff-style fixture cases of each rule (`checks/cases/CODE.yaml`), shared by the tests and
`tieout explain`."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def all_cases() -> dict[str, list[dict]]:
    from ruamel.yaml import YAML

    out: dict[str, list[dict]] = {}
    folder = resources.files("tieout.checks").joinpath("cases")
    if not folder.is_dir():
        return out
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            data = YAML(typ="safe").load(entry.read_text(encoding="utf-8")) or {}
            out[data.get("rule", entry.name[:-5])] = list(data.get("cases") or [])
    return out


def cases_for(code: str) -> list[dict]:
    return all_cases().get(code, [])
