"""The annotated seed reports of ../shared/seeds, read in place (skipped when absent): every `error` relation
found, nothing of severity warning/error at an `ok`."""

import pytest
from ruamel.yaml import YAML

from .conftest import SEEDS, lint_text, needs_seeds

pytestmark = needs_seeds

TRUTH = sorted((SEEDS / "truth").glob("*.yaml"))


def lines_of(entry: dict) -> set[int]:
    first = int(entry["line"])
    out = set(range(first, int(entry.get("line_end") or first) + 1))
    out.update(int(x) for x in entry.get("ref_lines") or [])
    return out


@pytest.mark.parametrize("truth", TRUTH, ids=[t.stem for t in TRUTH])
def test_seed_errors_found_and_ok_relations_quiet(truth):
    entries = YAML(typ="safe").load(truth.read_text(encoding="utf-8"))
    doc = SEEDS / f"{truth.stem}.txt"
    result = lint_text(doc.read_text(encoding="utf-8"), str(doc))
    flagged = [d for d in result.diagnostics if d.severity in ("error", "warning")]
    for e in entries:
        if e["verdict"] == "error":
            assert any(d.line in lines_of(e) or any(r.line in lines_of(e) for r in d.related) for d in flagged), e[
                "quote"
            ]
    notable = set()
    for e in entries:
        if e["verdict"] != "ok":
            notable |= lines_of(e) | {n + d for n in lines_of(e) for d in (-1, 1)}
            if e.get("span"):
                notable |= set(range(e["span"][0] - 1, e["span"][1] + 2))
    stray = [(d.code, d.line, d.message) for d in flagged if d.line not in notable]
    assert not stray


def test_seed_specific_findings():
    r = lint_text((SEEDS / "001_1cac84b9559a4972.txt").read_text(encoding="utf-8"))
    unit = [d for d in r.diagnostics if d.code == "TO202"]
    # the same figure in the unit of its breakdown (亿元 for 万元)
    assert unit and unit[0].line == 45 and unit[0].fix == unit[0].stated.replace("亿元", "万元") != unit[0].stated
    r = lint_text((SEEDS / "000_eece9f57ec0eee85.txt").read_text(encoding="utf-8"))
    pp = [d for d in r.diagnostics if d.code == "TO205"]
    assert pp and pp[0].line == 382 and pp[0].fix == pp[0].stated.replace("%", "个百分点") != pp[0].stated
