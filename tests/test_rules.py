"""Every rule's fixture cases (checks/cases/CODE.yaml), SQLFluff style: `pass` texts give no finding of the
rule, `fail` texts give the expected findings (code, and line and suggested fix where stated)."""

from __future__ import annotations

import pytest
from tieout.linter.rules.cases import all_cases
from tieout.linter.run.config import Config
from tieout.linter.run.plugins import plugins

from . import snapshot
from .conftest import lint_text


def _finding(d) -> dict:
    """A finding in full, as a snapshot keeps it."""
    keep = ("code", "severity", "line", "column", "end_line", "end_column", "message", "stated", "expected", "fix")
    out = {k: getattr(d, k) for k in keep}
    out["related"] = [[r.line, r.column, r.end_column, r.message] for r in d.related]
    return out


CASES = [(code, case) for code, cases in all_cases().items() for case in cases]


def test_every_rule_has_cases():
    """At least eight cases (pass and fail) per check, as issue 5 asks."""
    small = {c: len(x) for c, x in all_cases().items() if len(x) < 8}
    assert not small, small
    codes = {r.code for r in plugins().rules if r.fixture_cases}
    assert codes <= set(all_cases()), f"rules without cases: {sorted(codes - set(all_cases()))}"


def test_case_names_are_unique():
    """A case's name keys its snapshot: two cases of one rule under one name would share (and hide) one."""
    dup = {
        c: n
        for c, x in all_cases().items()
        for n in {k.get("name") for k in x}
        if sum(k.get("name") == n for k in x) > 1
    }
    assert not dup, dup


@pytest.mark.parametrize("code,case", CASES, ids=[f"{c}-{x.get('name', i)}" for i, (c, x) in enumerate(CASES)])
def test_rule_case(code: str, case: dict):
    result = lint_text(case.get("pass") or case["fail"])
    snapshot.check("rule_cases", f"{code} {case.get('name', '')}", [_finding(d) for d in result.diagnostics])
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
            for field in ("severity", "expected", "column"):
                if field in exp:
                    assert any(getattr(d, field) == exp[field] for d in found), [
                        (getattr(d, field), d.message) for d in found
                    ]


def test_no_snapshot_without_its_case():
    """A renamed or removed case leaves its snapshot behind; an unreferenced snapshot hides nothing but lies."""
    names = {f"{code} {case.get('name', '')}" for code, case in CASES}
    stale = sorted(set(snapshot.stored("rule_cases")) - names)
    assert not stale, f"snapshots without a case (remove them from tests/snapshots/rule_cases.json): {stale}"


def test_each_rule_alone_reports_only_its_own_code():
    """Rules are independent functions of the facts: run alone, a rule reports its own code and no other (a
    table rule's rounding miss is TO100's, found by TO100 evaluating the table relation itself); and TO100 run
    alone finds every rounding miss the cases expect of it."""
    for code, case in CASES:
        result = lint_text(case.get("pass") or case["fail"], config=Config(select=[code]))
        assert {d.code for d in result.diagnostics} <= {code}, (code, case.get("name"), result.diagnostics)
        if code == "TO100" and "fail" in case:
            assert any(d.code == "TO100" for d in result.diagnostics), case.get("name")
