"""Word and PDF reports, rendered to a stable text: paragraphs as lines, headings as Markdown `#`, tables as
Markdown pipe rows. Everything downstream (normaliser, grammar, checks, formats, baselines) works on that
text unchanged; each rendered place also keeps a human locator (`段落 12`, `表 3 第 4 行 第 2 列`,
`第 2 页`) that findings carry.

python-docx and pdfplumber are imported only when such a file is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

HEADING_STYLE = re.compile(r"(?:Heading|标题)\s*(\d)", re.I)


@dataclass
class Place:
    """One rendered line: what it came from, and, for a table row, where each cell starts."""

    locator: str
    cells: list[tuple[int, int, str]] = field(default_factory=list)  # (first column, end column, locator)
    address: tuple = ()  # where it came from: ("p", block index, prefix length) or ("t", block index, row)


@dataclass
class Rendering:
    text: str
    places: dict[int, Place]  # 1-based rendered line → place

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
        return Rendering("\n".join(self.lines) + "\n", self.places)


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
    return b.rendering()


# PDF -----------------------------------------------------------------------------------------------------
class NoTextLayer(Exception):
    pass


def render_pdf(path: str) -> Rendering:
    import pdfplumber

    b = _Builder()
    chars = 0
    table_no = 0
    with pdfplumber.open(path) as pdf:
        for page_no, page in enumerate(pdf.pages, start=1):
            chars += len(page.chars)
            tables = page.find_tables()
            boxes = [t.bbox for t in tables]

            def outside(obj, boxes=boxes) -> bool:
                return not any(
                    x0 <= obj["x0"] and obj["x1"] <= x1 and top <= obj["top"] and obj["bottom"] <= bottom
                    for x0, top, x1, bottom in boxes
                )

            body = page.filter(outside) if boxes else page
            items: list[tuple[float, str, object]] = []
            for ln in body.extract_text_lines(layout=False, strip=True):
                if _margin(ln, page.height):
                    continue  # running headers and footers
                items.append((ln["top"], "line", ln["text"]))
            for t in tables:
                items.append((t.bbox[1], "table", t))
            for _, kind, obj in sorted(items, key=lambda x: x[0]):
                if kind == "line":
                    b.line(obj, f"第 {page_no} 页")  # type: ignore[arg-type]
                else:
                    table_no += 1
                    rows = [[c or "" for c in row] for row in obj.extract()]  # type: ignore[attr-defined]
                    b.table(rows, f"第 {page_no} 页 表 {table_no} ")
            b.blank()
    if chars == 0:
        raise NoTextLayer(f"{path}: the PDF has no text layer (a scan?); run OCR on it first")
    return b.rendering()


PAGE_MARK = re.compile(r"^[-—–]?\s*\d{1,4}\s*[-—–]?$|^第\s*\d+\s*页")


def _margin(line: dict, height: float) -> bool:
    """A page number or running header/footer in the top or bottom 6% of the page."""
    near_edge = line["top"] < height * 0.06 or line["bottom"] > height * 0.94
    return near_edge and (PAGE_MARK.match(line["text"].strip()) is not None or len(line["text"]) < 40)
