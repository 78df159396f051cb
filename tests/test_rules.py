"""Every rule's fixture cases (checks/cases/CODE.yaml), SQLFluff style: `pass` texts give no finding of the
rule, `fail` texts give the expected findings (code, and line and suggested fix where stated)."""

from __future__ import annotations

import pytest
from tieout.linter.rules.cases import all_cases
from tieout.linter.run.plugins import plugins

from .conftest import lint_text

CASES = [(code, case) for code, cases in all_cases().items() for case in cases]


def test_every_rule_has_cases():
    """At least eight cases (pass and fail) per check, as issue 5 asks."""
    small = {c: len(x) for c, x in all_cases().items() if len(x) < 8}
    assert not small, small
    codes = {r.code for r in plugins().rules if r.fixture_cases}
    assert codes <= set(all_cases()), f"rules without cases: {sorted(codes - set(all_cases()))}"


@pytest.mark.parametrize("code,case", CASES, ids=[f"{c}-{x.get('name', i)}" for i, (c, x) in enumerate(CASES)])
def test_rule_case(code: str, case: dict):
    if "pass" in case:
        result = lint_text(case["pass"])
        found = [d for d in result.diagnostics if d.code == code]
        assert not found, [d.message for d in found]
        assert not [d for d in result.diagnostics if d.code == "TO900"]
    else:
        result = lint_text(case["fail"])
        for exp in case.get("expect") or [{"code": code}]:
            found = [d for d in result.diagnostics if d.code == exp["code"]]
            assert found, f"expected {exp['code']}; got {[(d.code, d.message) for d in result.diagnostics]}"
            if "line" in exp:
                assert any(d.line == exp["line"] for d in found), [(d.line, d.message) for d in found]
            if "fix" in exp:
                assert any(d.fix == exp["fix"] for d in found), [(d.fix, d.message) for d in found]
