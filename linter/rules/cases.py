"""The SQLFluff-style fixture cases of each rule (`checks/cases/CODE.yaml`), shared by the tests and the
rule documentation (linter/rules/docs.py)."""

from __future__ import annotations

from functools import cache
from typing import Any, TypedDict

# One case: a `pass` text that gives no finding of the rule, or a `fail` text and the findings `expect`ed
# of it (code, and line and fix where stated); `doc` marks the case the rule's documentation shows. (The
# functional form, since `pass` is a keyword.)
Case = TypedDict(
    "Case",
    {"name": str, "pass": str, "fail": str, "expect": list[dict[str, Any]], "doc": bool},
    total=False,
)


@cache
def all_cases() -> dict[str, list[Case]]:
    from importlib import resources  # (here: the tests and the rule docs read the cases, a check does not)

    from ruamel.yaml import YAML

    out: dict[str, list[Case]] = {}
    folder = resources.files("tieout.checks").joinpath("cases")
    if not folder.is_dir():
        return out
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            data = YAML(typ="safe").load(entry.read_text(encoding="utf-8")) or {}
            out[data.get("rule", entry.name[:-5])] = list(data.get("cases") or [])
    return out


def cases_for(code: str) -> list[Case]:
    return all_cases().get(code, [])
