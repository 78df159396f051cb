"""Word and PDF reports, rendered to a stable text: paragraphs as lines, headings as Markdown `#`, tables as
Markdown pipe rows. Everything downstream (normaliser, grammar, checks, formats, baselines) works on that
text unchanged; each rendered place also keeps a human locator (`段落 12`, `表 3 第 4 行 第 2 列`,
`第 2 页`) that findings carry.

python-docx and pdfplumber are imported only when such a file is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tieout.linter.patterns import regex
from tieout.linter.text.wordcomments import WordComment, comments

HEADING_STYLE = regex(r"(?:Heading|标题)\s*(\d)", re.I)


@dataclass
class Place:
    """One rendered line: what it came from, and, for a table row, where each cell starts."""

    locator: str
    cells: list[tuple[int, int, str]] = field(default_factory=list)  # (first column, end column, locator)
    address: tuple = ()  # where it came from: ("p", block index, prefix length) or ("t", block index, row)


@dataclass
class Untrusted:
    """Rendered lines [first, last] (1-based) of a page whose text layer cannot be trusted, and why."""

    first: int
    last: int
    page: str  # the page's label: its printed number, else its physical one
    reason: str


@dataclass
class Rendering:
    text: str
    places: dict[int, Place]  # 1-based rendered line → place
    untrusted: list[Untrusted] = field(default_factory=list)
    pages: int = 0  # physical pages of a PDF
    comments: list[WordComment] = field(default_factory=list)  # a Word report's comments (suppressions)

    def untrusted_ranges(self) -> list[tuple[int, int, str, str]]:
        """(start, end) character offsets into `text` of each untrusted page, with its label and reason."""
        starts = [0]
        for line in self.text.split("\n"):
            starts.append(starts[-1] + len(line) + 1)
        return [
            (starts[u.first - 1], starts[min(u.last, len(starts) - 1)], u.page, u.reason)
            for u in self.untrusted
            if u.last >= u.first
        ]

    def locate(self, line: int, column: int) -> str | None:
        place = self.places.get(line)
        if place is None:
            return None
        for first, end, loc in place.cells:
            if first <= column < end:
                return loc
        return place.locator


class _Builder:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.places: dict[int, Place] = {}
        self.untrusted: list[Untrusted] = []

    def line(self, text: str, locator: str, address: tuple = ()) -> None:
        self.lines.append(text)
        self.places[len(self.lines)] = Place(locator, address=address)

    def blank(self) -> None:
        self.lines.append("")

    def table(self, rows: list[list[str]], prefix: str, block: int = -1) -> None:
        """Rows as `| a | b |` lines, the first as the header (a Markdown table)."""
        width = max((len(r) for r in rows), default=0)
        for r, row in enumerate(rows, start=1):
            cells = [c.replace("|", "／").replace("\n", " ").strip() for c in row] + [""] * (width - len(row))
            text = "|"
            spans = []
            for c, cell in enumerate(cells, start=1):
                start = len(text) + 2  # 1-based column of the cell's first character
                text += f" {cell} |"
                spans.append((start, len(text), f"{prefix}第 {r} 行 第 {c} 列"))
            self.lines.append(text)
            self.places[len(self.lines)] = Place(f"{prefix}第 {r} 行", spans, ("t", block, r - 1))
            if r == 1:
                self.lines.append("|" + "---|" * width)
        self.blank()

    def rendering(self) -> Rendering:
        return Rendering("\n".join(self.lines) + "\n", self.places, self.untrusted)


# Word ----------------------------------------------------------------------------------------------------
def _table_rows(table) -> list[list[str]]:
    """Cell texts row by row; a merged cell's text stands once, in its first row and column."""
    rows: list[list[str]] = []
    # the cell elements seen so far, kept alive so that their identity (lxml proxies) stays stable
    seen: dict[int, object] = {}
    for row in table.rows:
        out = []
        for cell in row.cells:
            tc = cell._tc
            out.append("" if id(tc) in seen else cell.text)
            seen[id(tc)] = tc
        rows.append(out)
    return rows


def render_docx(path: str) -> Rendering:
    import docx
    from docx.table import Table

    document = docx.Document(path)
    # paragraph.style scans every style when a paragraph names none: resolve style ids once instead
    style_names = {st.style_id: st.name or "" for st in document.styles}
    b = _Builder()
    para_no = table_no = 0
    for index, block in enumerate(document.iter_inner_content()):
        if isinstance(block, Table):
            table_no += 1
            b.table(_table_rows(block), f"表 {table_no} ", index)
            continue
        para_no += 1
        text = block.text
        if not text.strip():
            continue
        m = HEADING_STYLE.match(style_names.get(block._p.style or "", ""))
        prefix = "#" * int(m.group(1)) + " " if m else ""
        b.line(prefix + text.replace("\n", " "), f"段落 {para_no}", ("p", index, len(prefix)))
        b.blank()
    rendering = b.rendering()
    try:
        rendering.comments = comments(document, rendering.places)
    except Exception:  # comments only carry suppressions: a damaged comments part must not cost the report
        rendering.comments = []
    return rendering


# PDF -----------------------------------------------------------------------------------------------------
class NoTextLayer(Exception):
    pass


def render_pdf(path: str, max_bytes: int = 32 * 1024 * 1024) -> Rendering:
    """Each page's lines (built from baselines) and tables, top to bottom; printed page numbers become the
    pages' locators instead of text, and each page whose text layer cannot be trusted is listed. Streams
    that inflate past the limits of `max_bytes` are refused first (linter/text/limits.py)."""
    from tieout.linter.text import limits, pdflayout, pdfrepair, progress
    from tieout.linter.text.pdfpages import pages

    with open(path, "rb") as fh:
        data = fh.read(max_bytes + 1)
    limits.check_pdf(path, data, max_bytes)
    b = _Builder()
    read = pdfrepair.read_pages(data, pages)
    laid = []
    for k, raw in enumerate(read, start=1):
        progress.step("layout", k, len(read))
        laid.append(pdflayout.lay_out(raw))
    if not any(p.chars for p in laid):
        raise NoTextLayer(f"{path}: the PDF has no text layer (a scan?); run OCR on it first")
    labels = pdflayout.page_labels(laid)
    table_no = 0
    for page, label in zip(laid, labels):
        where = f"第 {label} 页"
        first = len(b.lines)
        for item in page.items:
            if isinstance(item, str):
                b.line(item, where)
            else:
                table_no += 1
                b.table(item, f"{where} 表 {table_no} ")
        b.blank()
        if page.distrust:
            b.untrusted.append(Untrusted(first + 1, len(b.lines), label, page.distrust))
    rendering = b.rendering()
    rendering.pages = len(laid)
    return rendering
