"""The characters and ruling lines of each PDF page, from PDFium (fast) or pdfminer (where PDFium may lose text).

Both sources give the same thing: characters as pdfplumber-style dicts (`text`, `x0`, `x1`, `top`, `bottom`,
`size`, `upright`, plus `base`, the glyph's baseline) and ruling edges as pdfplumber edge dicts, in the
coordinates pdfplumber uses (points from the top left corner of the page as displayed, rotation applied).

Why two sources: pdfminer parses content streams in pure Python, and a report that draws every glyph in its
own text object (`q … BT … TJ ET Q` per character) takes seconds per page; PDFium reads the same page in
milliseconds. But PDFium silently drops some characters of fonts that are not embedded and are encoded with a
predefined non-Unicode CMap (`GBK-EUC-H`: `契税` and `亿元` vanished in one corpus report), so pages that
use such a font are read with pdfminer, which maps those codes through its CMap tables.

Why the baseline: the vertical box of a glyph comes from its font's ascent and descent, and some PDF writers
embed fonts with wrong metrics, so that the digits of a line get a box a whole line lower than the Chinese
characters around them (`收入 亿元` / `727.5`). The glyph origin is exact, so lines are built from
baselines and every box is redrawn from the baseline and the font size.
"""

from __future__ import annotations

import ctypes
import io
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from tieout.linter.patterns import regex
from tieout.linter.text import progress
from tieout.linter.text.limits import MAX_PAGES, InflateError

Char = dict[str, Any]
Edge = dict[str, Any]
# the share of the font size above the baseline in a redrawn glyph box (CJK faces: ascent .88, descent .12)
ASCENT = 0.88
# predefined CMaps that are not Unicode: PDFium may lose characters of fonts encoded with them
UNICODE_CMAP = regex(r"^(?:Uni|Identity)")


@dataclass
class PageData:
    number: int  # 1-based physical page number
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    source: str = "pdfium"

    @property
    def bbox(self) -> tuple[float, float, float, float]:  # what pdfplumber's table finder reads
        return (0.0, 0.0, self.width, self.height)


def _rotation_ctm(rotation: int, x0: float, y0: float, x1: float, y1: float) -> tuple[float, ...]:
    """The matrix pdfminer applies for a page's /Rotate, so that coordinates match pdfplumber's."""
    return {
        90: (0, -1, 1, 0, -y0, x1),
        180: (-1, 0, 0, -1, x1, y1),
        270: (0, 1, -1, 0, y1, -x0),
    }.get(rotation, (1, 0, 0, 1, -x0, -y0))


def _char(text: str, x0: float, x1: float, base: float, size: float, upright: bool) -> Char:
    top = base - ASCENT * size
    return {
        "text": text,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": top + size,
        "doctop": top,
        "height": size,
        "width": x1 - x0,
        "size": size,
        "base": base,
        "upright": upright,
    }


# PDFium ------------------------------------------------------------------------------------------------------
class _Transform:
    """User space → displayed page space (y down), with the page's rotation."""

    def __init__(self, page: Any) -> None:
        x0, y0, x1, y1 = page.get_mediabox()
        rotation = page.get_rotation() % 360
        self.m = _rotation_ctm(rotation, x0, y0, x1, y1)
        self.width = (y1 - y0) if rotation in (90, 270) else (x1 - x0)
        self.height = (x1 - x0) if rotation in (90, 270) else (y1 - y0)

    def point(self, x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = self.m
        return a * x + c * y + e, self.height - (b * x + d * y + f)

    def vector(self, x: float, y: float) -> tuple[float, float]:
        a, b, c, d, _, _ = self.m
        return a * x + c * y, -(b * x + d * y)


def pdfium_chars(page: Any, tr: _Transform) -> list[Char]:
    import pypdfium2.raw as raw

    tp = page.get_textpage()
    try:
        n = raw.FPDFText_CountChars(tp.raw)
        out: list[Char] = []
        rect, matrix = raw.FS_RECTF(), raw.FS_MATRIX()
        ox, oy = ctypes.c_double(), ctypes.c_double()
        pending = ""  # a high surrogate waiting for its pair (PDFium counts UTF-16 units)
        for i in range(n):
            if raw.FPDFText_IsGenerated(tp.raw, i):
                continue
            u = raw.FPDFText_GetUnicode(tp.raw, i)
            if 0xD800 <= u < 0xDC00:
                pending = chr(u)
                continue
            text = (pending + chr(u)).encode("utf-16", "surrogatepass").decode("utf-16") if pending else chr(u)
            pending = ""
            if u in (0, 0xFFFE, 0xFFFF) or text in "\r\n":
                continue
            raw.FPDFText_GetLooseCharBox(tp.raw, i, rect)
            raw.FPDFText_GetCharOrigin(tp.raw, i, ox, oy)
            raw.FPDFText_GetMatrix(tp.raw, i, matrix)
            scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c)) or 1.0
            size = raw.FPDFText_GetFontSize(tp.raw, i) * scale
            dx, dy = tr.vector(matrix.a, matrix.b)
            upright = dx > 0 and abs(dy) <= 0.01 * abs(dx)
            (ax, _), (bx, _) = tr.point(rect.left, rect.top), tr.point(rect.right, rect.bottom)
            x, base = tr.point(ox.value, oy.value)
            x0, x1 = (min(ax, bx), max(ax, bx)) if upright else (x, x + size)
            out.append(_char(text, x0, x1, base, size, upright))
        return out
    finally:
        tp.close()


def _segments(obj: Any, matrix: tuple[float, ...]) -> Iterator[tuple[tuple[float, float], tuple[float, float]]]:
    """The straight segments of a path object, in user space (its own matrix composed with its forms')."""
    import pypdfium2.raw as raw

    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    start: tuple[float, float] | None = None
    last: tuple[float, float] | None = None
    for k in range(raw.FPDFPath_CountSegments(obj)):
        seg = raw.FPDFPath_GetPathSegment(obj, k)
        raw.FPDFPathSegment_GetPoint(seg, x, y)
        p = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        kind = raw.FPDFPathSegment_GetType(seg)
        if kind == raw.FPDF_SEGMENT_LINETO and last is not None:
            yield last, p
        if kind == raw.FPDF_SEGMENT_MOVETO:
            start = p
        last = p
        if raw.FPDFPathSegment_GetClose(seg) and start is not None and last is not None:
            yield last, start
            last = start


def _compose(inner: tuple[float, ...], outer: tuple[float, ...]) -> tuple[float, ...]:
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _objects(page: Any) -> Iterator[tuple[Any, tuple[float, ...]]]:
    """Path objects of a page with the matrix to user space, descending into form XObjects."""
    import pypdfium2.raw as raw

    fsm = raw.FS_MATRIX()

    def matrix_of(obj: Any) -> tuple[float, ...]:
        raw.FPDFPageObj_GetMatrix(obj, fsm)
        return (fsm.a, fsm.b, fsm.c, fsm.d, fsm.e, fsm.f)

    def walk(objs: list[Any], outer: tuple[float, ...], depth: int) -> Iterator[tuple[Any, tuple[float, ...]]]:
        for obj in objs:
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_PATH:
                yield obj, _compose(matrix_of(obj), outer)
            elif kind == raw.FPDF_PAGEOBJ_FORM and depth < 8:
                inner = _compose(matrix_of(obj), outer)
                kids = [raw.FPDFFormObj_GetObject(obj, k) for k in range(raw.FPDFFormObj_CountObjects(obj))]
                yield from walk(kids, inner, depth + 1)

    top = [raw.FPDFPage_GetObject(page.raw, k) for k in range(raw.FPDFPage_CountObjects(page.raw))]
    yield from walk(top, (1, 0, 0, 1, 0, 0), 0)


def pdfium_edges(page: Any, tr: _Transform) -> list[Edge]:
    """Horizontal and vertical segments of stroked or filled paths: what pdfplumber makes of lines and rects."""
    import pypdfium2.raw as raw

    fill, stroke = ctypes.c_int(), ctypes.c_int()
    out: list[Edge] = []
    for obj, matrix in _objects(page):
        raw.FPDFPath_GetDrawMode(obj, fill, stroke)
        if not fill.value and not stroke.value:
            continue  # a clipping path draws nothing
        for p, q in _segments(obj, matrix):
            (x0, y0), (x1, y1) = tr.point(*p), tr.point(*q)
            edge = _edge(x0, y0, x1, y1)
            if edge is not None:
                out.append(edge)
    return out


def _edge(x0: float, y0: float, x1: float, y1: float) -> Edge | None:
    if abs(y0 - y1) < 0.01 and abs(x0 - x1) < 0.01:
        return None  # a closing segment back to where the path already is
    if abs(y0 - y1) < 0.01:
        left, right = sorted((x0, x1))
        return {"x0": left, "x1": right, "top": y0, "bottom": y0, "width": right - left, "height": 0.0,
                "orientation": "h", "object_type": "line"}  # fmt: skip
    if abs(x0 - x1) < 0.01:
        top, bottom = sorted((y0, y1))
        return {"x0": x0, "x1": x0, "top": top, "bottom": bottom, "width": 0.0, "height": bottom - top,
                "orientation": "v", "object_type": "line"}  # fmt: skip
    return None  # a slanted stroke is no ruling


# pdfminer ----------------------------------------------------------------------------------------------------
def pdfminer_page(rsrcmgr: Any, page_obj: Any, number: int) -> PageData:
    """A page through pdfminer: characters with baselines from their glyph matrices, and ruling edges.

    pdfminer is driven directly rather than through pdfplumber's page objects: converting every glyph into
    pdfplumber's dictionary (colours, marked content, …) took a quarter of the time of such a page."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfinterp import PDFPageInterpreter

    device = PDFPageAggregator(rsrcmgr, laparams=None)
    PDFPageInterpreter(rsrcmgr, device).process_page(page_obj)
    layout = device.get_result()
    out = PageData(number, float(layout.width), float(layout.height), source="pdfminer")
    for obj in _walk(layout):
        _add_object(obj, out)
    return out


def _walk(container: Any) -> Iterator[Any]:
    from pdfminer.layout import LTFigure

    for obj in container:
        if isinstance(obj, LTFigure):
            yield from _walk(obj)
        else:
            yield obj


def _add_object(obj: Any, out: PageData) -> None:
    """A glyph as a character, a line, rectangle or path as its horizontal and vertical edges."""
    from pdfminer.layout import LTChar, LTCurve, LTRect

    h = out.height
    if isinstance(obj, LTChar):
        size = float(obj.size) or 1.0
        if obj.upright:
            base = h - float(obj.matrix[5])  # the glyph origin: exact where the font's box is not
        else:
            base = h - (obj.y0 + obj.y1) / 2 + (ASCENT - 0.5) * size
        out.chars.append(_char(obj.get_text(), float(obj.x0), float(obj.x1), base, size, bool(obj.upright)))
    elif isinstance(obj, LTRect):
        x0, y0, x1, y1 = obj.bbox
        corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
        out.edges.extend(_edges([(x, h - y) for x, y in corners]))
    elif isinstance(obj, LTCurve):  # lines too
        out.edges.extend(_edges([(x, h - y) for x, y in obj.pts]))


def _edges(points: list[tuple[float, float]]) -> list[Edge]:
    pairs = zip(points, points[1:])
    return [e for (x0, y0), (x1, y1) in pairs if (e := _edge(x0, y0, x1, y1)) is not None]


# the reader --------------------------------------------------------------------------------------------------
def _risky_fonts(resources: Any, seen: set[int], depth: int = 0) -> bool:
    """Does a page (or a form it draws) use a composite font with a non-Unicode CMap and no ToUnicode map?"""
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import PSLiteral

    res = resolve1(resources) or {}
    if not isinstance(res, dict):
        return False
    for ref in (resolve1(res.get("Font")) or {}).values():
        font = resolve1(ref)
        if not isinstance(font, dict) or "ToUnicode" in font:
            continue
        subtype, enc = resolve1(font.get("Subtype")), resolve1(font.get("Encoding"))
        if getattr(subtype, "name", None) == "Type0" and isinstance(enc, PSLiteral):
            if not UNICODE_CMAP.match(str(enc.name)):
                return True
    for ref in (resolve1(res.get("XObject")) or {}).values():
        obj = resolve1(ref)
        attrs = getattr(obj, "attrs", None)
        if not attrs or id(obj) in seen or depth > 8 or "Resources" not in attrs:
            continue
        seen.add(id(obj))
        if _risky_fonts(attrs["Resources"], seen, depth + 1):
            return True
    return False


def open_pdf(data: bytes) -> tuple[Any, Any]:
    """PDFium and pdfplumber documents of the same bytes (either may be None when it cannot read them)."""
    import pdfplumber
    import pypdfium2 as pdfium

    errors: list[Exception] = []
    try:
        doc = pdfium.PdfDocument(data)
    except Exception as exc:  # PDFium refuses what pdfminer may still read, and the other way round
        doc = None
        errors.append(exc)
    try:
        plumber = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:
        plumber = None
        errors.append(exc)
    if doc is None and plumber is None:
        raise errors[-1]
    return doc, plumber


def pages(data: bytes) -> Iterator[PageData]:
    """Every page's characters and edges, each page from the best source for it."""
    doc, plumber = open_pdf(data)
    try:
        count = len(doc) if doc is not None else len(plumber.pages)
        if count > MAX_PAGES:
            raise InflateError(f"{count} pages, more than any report has ({MAX_PAGES})")
        for k in range(count):
            progress.step("read", k + 1, count)
            plumber_page = plumber.pages[k] if plumber is not None and k < len(plumber.pages) else None
            risky = plumber_page is not None and _risky_fonts(plumber_page.page_obj.resources, set())
            if doc is None or risky:
                assert plumber is not None and plumber_page is not None  # PDFium failed, so pdfplumber read it
                yield pdfminer_page(plumber.rsrcmgr, plumber_page.page_obj, k + 1)
                continue
            page = doc[k]
            try:
                tr = _Transform(page)
                yield PageData(k + 1, tr.width, tr.height, pdfium_chars(page, tr), pdfium_edges(page, tr))
            finally:
                page.close()
    finally:
        if doc is not None:
            doc.close()
        if plumber is not None:
            plumber.close()
