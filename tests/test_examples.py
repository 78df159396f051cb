"""The shipped examples (fixtures/examples, README's first command): exactly their planted mistakes."""

from .conftest import EXAMPLES, lint_text

PLANTED = {
    "bumen_juesuan_shuoming.txt": [
        ("TO103", 14, "error"),
        ("TO202", 18, "error"),
        ("TO101", 27, "error"),
        ("TO108", 33, "error"),
        ("TO205", 36, "error"),
        ("TO301", 47, "error"),
    ],
    "xiangmu_jixiao_zipingbaogao.txt": [
        ("TO105", 10, "error"),
        ("TO102", 15, "error"),
        ("TO106", 19, "error"),
        ("TO101", 25, "warning"),
    ],
}


def test_each_example_gets_exactly_its_planted_mistakes():
    assert sorted(p.name for p in EXAMPLES.glob("*.txt")) == sorted(PLANTED)
    for name, planted in PLANTED.items():
        path = EXAMPLES / name
        result = lint_text(path.read_text(encoding="utf-8"), str(path))
        found = [(d.code, d.line, d.severity) for d in result.diagnostics if d.severity in ("error", "warning")]
        assert found == planted, (name, found)
