"""The comments of a Word report, placed on its rendered text: where an author writes `tieout: ignore[TO101]`
on a figure or a sentence, the suppression covers what the comment is anchored on.

A comment is anchored between `w:commentRangeStart` and `w:commentRangeEnd` (Word's "New Comment" on a
selection); a comment without a range (inserted at the cursor) is anchored at its `w:commentReference`.
Offsets are counted in the characters of `Paragraph.text`, which the rendering copies after its heading
prefix; in a table, a comment covers the whole cell it is in (cells are rendered trimmed).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True, slots=True)
class WordComment:
    """A comment's text and author, and the rendered span it is anchored on (1-based, end column exclusive)."""

    text: str
    author: str
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(slots=True)
class _Mark:
    block: int
    offset: int  # characters into the paragraph's text; -1: the cell of a table
    row: int = -1
    cell: int = -1


def _walk_paragraph(p: Any, block: int, marks: dict[str, dict[str, _Mark]], row: int = -1, cell: int = -1) -> None:
    """Record the comment marks of one paragraph with their character offsets."""
    offset = 0

    def visit(children: Any) -> None:
        nonlocal offset
        for child in children:
            tag = child.tag
            if tag == W + "r":
                for ref in child.iter(W + "commentReference"):
                    marks["ref"].setdefault(ref.get(W + "id"), _Mark(block, offset if row < 0 else -1, row, cell))
                offset += len(child.text)
            elif tag == W + "hyperlink":
                visit(child)
            elif tag in (W + "commentRangeStart", W + "commentRangeEnd"):
                kind = "start" if tag.endswith("Start") else "end"
                marks[kind][child.get(W + "id")] = _Mark(block, offset if row < 0 else -1, row, cell)

    visit(p)


def _cell_index(row: Any, tc: Any) -> int:
    """The index of a cell element in `row.cells` (as the rendering numbers cells), -1 if absent."""
    return next((c for c, cell in enumerate(row.cells) if cell._tc is tc), -1)


def comments(document: Any, places: dict[int, Any]) -> list[WordComment]:
    """The anchored comments of a python-docx `Document` whose blocks were rendered at `places`."""
    from docx.table import Table

    body = document.element.body
    if next(body.iter(W + "commentRangeStart", W + "commentReference"), None) is None:
        return []  # most reports: no comments part is read
    marks: dict[str, dict[str, _Mark]] = {"start": {}, "end": {}, "ref": {}}
    for index, block in enumerate(document.iter_inner_content()):
        if isinstance(block, Table):
            for r, row in enumerate(block.rows):
                for tc in row._tr.tc_lst:
                    c = _cell_index(row, tc)
                    for p in tc.iter(W + "p"):
                        _walk_paragraph(p, index, marks, r, c)
        else:
            _walk_paragraph(block._p, index, marks)
    lines = _lines_of_blocks(places)
    out: list[WordComment] = []
    for comment in document.comments:
        cid = str(comment.comment_id)
        start = marks["start"].get(cid) or marks["ref"].get(cid)
        end = marks["end"].get(cid) or start
        if start is None or end is None:
            continue
        a, b = _position(start, lines, places, True), _position(end, lines, places, False)
        if a is None or b is None or b < a:
            continue
        end_column = max(b[1], a[1] + 1) if a[0] == b[0] else b[1]  # a comment at a point covers one character
        out.append(WordComment(comment.text, comment.author, a[0], a[1], b[0], end_column))
    return out


def _lines_of_blocks(places: dict[int, Any]) -> dict[tuple[Any, ...], tuple[int, int]]:
    """(kind, block[, row]) → (rendered line, heading prefix length)."""
    out: dict[tuple[Any, ...], tuple[int, int]] = {}
    for line, place in places.items():
        if not place.address:
            continue
        kind, block, extra = place.address
        out[("p", block) if kind == "p" else ("t", block, extra)] = (line, extra if kind == "p" else 0)
    return out


def _position(
    mark: _Mark, lines: dict[tuple[Any, ...], tuple[int, int]], places: dict[int, Any], start: bool
) -> tuple[int, int] | None:
    """The rendered (line, column) of a mark: where a span starts (`start`) or ends (exclusive)."""
    if mark.row < 0:
        at = lines.get(("p", mark.block))
        if at is None:  # an empty paragraph is not rendered
            return None
        line, prefix = at
        return line, prefix + mark.offset + 1
    at = lines.get(("t", mark.block, mark.row))
    if at is None:
        return None
    cells = places[at[0]].cells
    if not 0 <= mark.cell < len(cells):
        return None
    first, end, _ = cells[mark.cell]
    return at[0], first if start else end
