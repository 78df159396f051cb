"""No module of linter/ or checks/ assigns one UPPER_CASE name twice at its top level. The second assignment
silently replaces the first for every function of the module, also those written against the first (a pattern
added under a name already taken changed how other readings matched, with no test or linter noticing)."""

from __future__ import annotations

import ast
from collections import Counter

from .conftest import ROOT


def _reassigned(tree: ast.Module) -> list[str]:
    names: Counter[str] = Counter()
    for node in tree.body:
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        )
        names.update(t.id for t in targets if isinstance(t, ast.Name) and t.id.isupper())
    return sorted(n for n, k in names.items() if k > 1)


def test_no_constant_assigned_twice() -> None:
    found = {
        str(path.relative_to(ROOT)): twice
        for folder in ("linter", "checks")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if (twice := _reassigned(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert not found, f"constants assigned twice at a module's top level: {found}"


def test_a_second_assignment_is_found() -> None:
    assert _reassigned(ast.parse("A = 1\nB = 2\nA = 3\n")) == ["A"]
