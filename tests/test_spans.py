"""Every quantity's span maps back to exactly the characters of the original file."""

import unicodedata

import pytest
from tieout.linter.figures.quantities import extract
from tieout.linter.text.normalise import normalise

from .conftest import EXAMPLES, ROOT, SEEDS

# our examples and genre samples, and the seed reports of ../shared when present (read in place)
SEED_FILES = (
    sorted(EXAMPLES.glob("*.txt"))
    + sorted(
        p for p in (ROOT / "fixtures" / "genres").iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md"
    )
    + sorted(SEEDS.glob("*.txt"))
)


def squash(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if not ch.isspace())


@pytest.mark.parametrize("path", SEED_FILES, ids=[p.name for p in SEED_FILES])
def test_spans_map_back(path):
    original = path.read_text(encoding="utf-8")
    lines = original.split("\n")
    doc = normalise(original, str(path))
    qs = extract(doc)
    assert len(qs) > 20
    for q in qs:
        pos = doc.position(q.start, q.end)
        # the original characters under the span are the figure as the user wrote it
        if pos.line == pos.end_line:
            under = lines[pos.line - 1][pos.column - 1 : pos.end_column - 1]
        else:
            under = (
                lines[pos.line - 1][pos.column - 1 :]
                + "".join(lines[pos.line : pos.end_line - 1])
                + lines[pos.end_line - 1][: pos.end_column - 1]
            )
        assert squash(under) == squash(q.text), (q.text, pos)
        assert under[0] == original[doc.origin[q.start]]


def test_wrapped_figure_spans_two_lines():
    original = "预计可支付月数 16\n\n个月。"
    doc = normalise(original)
    q = extract(doc)[0]
    pos = doc.position(q.start, q.end)
    assert (pos.line, pos.column, pos.end_line, pos.end_column) == (1, 9, 3, 3)
