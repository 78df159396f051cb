"""`--annotate OUT.docx`: each finding as a Word comment anchored on its figure, the text left untouched.

The rendering of the .docx remembers, for each line, the paragraph or table row it came from; a finding's
column becomes a character range in that paragraph (or cell), the runs are split at its ends (formatting
copied), and the comment is attached to exactly those runs.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from tieout.linter.report.i18n import Words
from tieout.linter.rules.diagnostics import Diagnostic
from tieout.linter.text.render import Rendering

if TYPE_CHECKING:  # python-docx is imported only when a copy is annotated
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run


def _split(run: Run, offset: int) -> Run:
    """Split a run at a character offset; the second part, a formatted copy, follows it."""
    text = run.text
    twin = copy.deepcopy(run._r)
    run._r.addnext(twin)
    second = type(run)(twin, run._parent)
    run.text, second.text = text[:offset], text[offset:]
    return second


def _runs_for(paragraph: Paragraph, start: int, end: int) -> list[Run]:
    """The runs that cover exactly paragraph characters [start, end), splitting runs where needed."""
    pos = 0
    covered = []
    for run in list(paragraph.runs):
        length = len(run.text)
        a, b = pos, pos + length
        pos = b
        if b <= start or a >= end or length == 0:
            continue
        if a < start:
            run = _split(run, start - a)
            a = start
        if b > end:
            _split(run, end - a)
        covered.append(run)
    return covered


def note(d: Diagnostic, words: Words) -> str:
    """A finding as a Word comment, in one language: code and severity, message, suggestion, and why the
    severity is not the rule's listed one (the rule's English name is left out of the Chinese text)."""
    sep = ": " if words.lang == "en" else "："
    head = (
        f"{d.code} ({words.severity(d.severity)})"
        if words.lang == "en"
        else f"{d.code}（{words.severity(d.severity)}）"
    )
    reason = words.reason(d)
    tail = (words.suggestion(d.fix) if d.fix else "") + (
        ("; " if words.lang == "en" else "；") + reason if reason else ""
    )
    return f"{head}{sep}{d.message}{tail}"


def annotate(
    source_path: str, out_path: str, rendering: Rendering, diagnostics: list[Diagnostic], words: Words | None = None
) -> int:
    import docx
    from docx.table import Table

    document = docx.Document(source_path)
    blocks = list(document.iter_inner_content())
    placed = 0
    for d in diagnostics:
        place = rendering.places.get(d.line)
        if place is None or not place.address:
            continue
        kind, index, extra = place.address
        block = blocks[index]
        width = (d.end_column - d.column) if d.end_line == d.line else 1
        if kind == "p":
            paragraph, start = block, d.column - 1 - extra
        else:
            assert isinstance(block, Table)
            row = block.rows[extra]
            span = next(((first, c) for c, (first, end, _) in enumerate(place.cells) if first <= d.column < end), None)
            if span is None:
                continue
            first, c = span
            cell = row.cells[c]
            start = d.column - first
            paragraph = cell.paragraphs[0]
            for p in cell.paragraphs:  # a figure in a later paragraph of the cell
                if start <= len(p.text):
                    paragraph = p
                    break
                start -= len(p.text) + 1
        runs = _runs_for(paragraph, max(0, start), max(0, start) + max(1, width))
        if not runs:
            continue
        document.add_comment(runs, text=note(d, words or Words()), author="tieout", initials="TO")
        placed += 1
    document.save(out_path)
    return placed
