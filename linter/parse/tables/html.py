"""HTML tables written into Markdown (`<table><tr><td>…</td></tr></table>`, as PDF-to-Markdown converters
write them): their cells, with offsets in the normalised text, as a block like a pipe table's.

`colspan` and `rowspan` are spread over the grid as empty cells, so that every row has its columns where
the header has them. The standard library's HTML parser reads the markup; a table it cannot make sense of
(no rows) is left out.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from tieout.linter.patterns import regex

from .cells import Cell

TABLE = regex(r"<table\b.*?</table\s*>", re.S | re.I)
NEWLINE = regex("\n")
SPACES = regex(r"\s+")
MAX_SPAN = 50  # a span wider than this is no layout of a budget table: read as 1


def spans(text: str) -> list[tuple[int, int]]:
    """Where the HTML tables of the text stand (normalised offsets)."""
    return [(m.start(), m.end()) for m in TABLE.finditer(text)]


def grids(text: str) -> list[tuple[int, int, list[list[Cell]]]]:
    """(start, end, rows of cells) for each HTML table of the text."""
    out = []
    for m in TABLE.finditer(text):
        reader = _Reader(m.group(), m.start())
        try:
            reader.feed(m.group())
            reader.close()
        except (ValueError, AssertionError):  # markup the parser gives up on: not read as a table
            continue
        if reader.rows:
            out.append((m.start(), m.end(), reader.rows))
    return out


def _span(value: str | None) -> int:
    try:
        n = int(value or 1)
    except ValueError:
        return 1
    return n if 1 <= n <= MAX_SPAN else 1


class _Reader(HTMLParser):
    def __init__(self, markup: str, base: int) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        # offset of each line's start in the markup: the parser tells positions as (line, column)
        self.line_starts = [0] + [m.end() for m in NEWLINE.finditer(markup)]
        self.rows: list[list[Cell]] = []
        self.row: list[Cell] | None = None
        self.cell: dict | None = None
        self.below: dict[int, int] = {}  # column → rows still covered by a rowspan from above

    def _at(self) -> int:
        line, col = self.getpos()
        return self.base + self.line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self._end_row()
            self.row = []
        elif tag in ("td", "th"):
            if self.row is None:
                self.row = []
            self._end_cell()
            a = dict(attrs)
            self.cell = {"text": [], "start": None, "end": None, "cols": _span(a.get("colspan"))}
            self.cell["rows"] = _span(a.get("rowspan"))
        elif tag == "br" and self.cell is not None:
            self.cell["text"].append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._end_cell()
        elif tag == "tr":
            self._end_row()
        elif tag == "table":
            self._end_row()

    def handle_data(self, data: str) -> None:
        if self.cell is None or not data.strip():
            return
        at = self._at()
        lead = len(data) - len(data.lstrip())
        if self.cell["start"] is None:
            self.cell["start"] = at + lead
        self.cell["text"].append(data)
        self.cell["end"] = at + len(data.rstrip())

    def _end_cell(self) -> None:
        if self.cell is None or self.row is None:
            self.cell = None
            return
        self._skip_covered()
        text = SPACES.sub(" ", "".join(self.cell["text"])).strip()
        start = self.cell["start"] if self.cell["start"] is not None else self._at()
        end = self.cell["end"] if self.cell["end"] is not None else start
        r = len(self.rows)
        first = len(self.row)
        self.row.append(Cell(text, start, end, r, first))
        for _ in range(self.cell["cols"] - 1):
            self.row.append(Cell("", end, end, r, len(self.row)))
        if self.cell["rows"] > 1:
            for c in range(first, first + self.cell["cols"]):
                self.below[c] = self.cell["rows"] - 1
        self.cell = None

    def _skip_covered(self) -> None:
        """Columns a rowspan from a row above still covers get an empty cell here."""
        assert self.row is not None
        while self.below.get(len(self.row), 0) > 0:
            c = len(self.row)
            at = self.row[-1].end if self.row else self._at()
            self.row.append(Cell("", at, at, len(self.rows), c))
            self.below[c] -= 1

    def _end_row(self) -> None:
        self._end_cell()
        if self.row is None:
            return
        self._skip_covered()
        # a rowspan past the row's last cell covers those columns too
        for c in sorted(k for k, v in self.below.items() if v > 0 and k >= len(self.row)):
            at = self.row[-1].end if self.row else self._at()
            while len(self.row) < c:
                self.row.append(Cell("", at, at, len(self.rows), len(self.row)))
            self.row.append(Cell("", at, at, len(self.rows), c))
            self.below[c] -= 1
        if self.row:
            self.rows.append(self.row)
        self.row = None
