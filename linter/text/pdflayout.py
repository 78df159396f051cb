"""One PDF page laid out as text: doubled glyphs removed, lines built from baselines, tables found from ruling
lines, running headers and the printed page number taken out of the text, and the text layer judged.

The judgement is deliberately narrow: a page is distrusted only on evidence that its characters do not say
what the page shows (units with no figure in front of them, runs of doubled characters, text in no script a
report is written in); a page that merely reads oddly is never distrusted.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from types import SimpleNamespace

from tieout.linter.patterns import regex
from tieout.linter.text.pdfpages import Char, PageData

Item = str | list[list[str]]  # a line of text, or a table's rows
# a word gap: pdfplumber's default x tolerance, so lines read as they did before baselines were used
WORD_GAP = 3.0
# how far a glyph's baseline may sit from its line's (share of the font size): mixed fonts on one line differ by
# up to ~.2 of the size, a superscript sits ~.35 higher, the next line a whole size or more away
BASELINE_TOLERANCE = 0.28
MARGIN = 0.06  # top and bottom share of the page where running headers and page numbers stand
PAGE_MARK = regex(
    r"^(?:[-—–－_~─]+\s*(?P<a>\d{1,4})\s*[-—–－_~─]+|第\s*(?P<b>\d{1,4})\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|(?P<c>\d{1,4})\s*/\s*\d{1,4}|(?P<d>\d{1,4}))$"
)
UNIT = regex(r"亿元|万元|万人|个百分点")
# what may stand before a unit: a figure, a number word, or a template's placeholder for a figure (`XXX 万元`)
NUMERAL_BEFORE = set("0123456789０１２３４５６７８９.．%％零〇一二两三四五六七八九十百千万几数多余XxＸ×*＊□_＿…")
# a figure standing loose: not followed by a unit or a date word (the figures a scrambled page moved away)
LOOSE_FIGURE = regex(r"(?<![\d.])\d+(?:\.\d+)?%?(?![\d.]|\s*[亿万元个人家项年月日号%％])")
DOUBLED_RUN = regex(r"(?:([\u4e00-\u9fff0-9])\1){4,}")


@dataclass
class Line:
    text: str
    top: float
    bottom: float
    x0: float
    x1: float


@dataclass
class LaidPage:
    number: int
    chars: int
    height: float
    items: list[Item] = field(default_factory=list)
    mark: int | None = None  # a printed page number found at the top or bottom of the page
    strong_mark: bool = False  # `- 3 -`, `第 3 页`: a page number by its form alone
    mark_item: int | None = None  # where that number stands in `items`, when it was not in the margin
    distrust: str = ""


# characters --------------------------------------------------------------------------------------------------
def dedupe(chars: list[Char]) -> list[Char]:
    """Drop glyphs drawn again within a point of the same glyph (fake bold: `市市级级` for `市级`)."""
    seen: dict[tuple[str, int], list[float]] = {}
    out: list[Char] = []
    for c in chars:
        text, x, y = c["text"], c["x0"], round(c["base"])
        if text.strip() and any(abs(x - x2) <= 1 for dy in (-1, 0, 1) for x2 in seen.get((text, y + dy), ())):
            continue
        seen.setdefault((text, y), []).append(x)
        out.append(c)
    return out


def build_lines(chars: list[Char]) -> list[Line]:
    """Upright characters grouped by baseline, each group read left to right."""
    lines = [_line(sorted(g, key=lambda c: c["x0"])) for g in by_baseline([c for c in chars if c["upright"]])]
    return [ln for ln in lines if ln.text]


def by_baseline(chars: list[Char]) -> list[list[Char]]:
    """Characters grouped by baseline, top to bottom: a group takes each next character whose baseline lies
    within the tolerance of its first one's."""
    groups: list[list[Char]] = []
    anchor = 0.0
    for c in sorted(chars, key=lambda c: c["base"]):
        if groups and c["base"] - anchor <= BASELINE_TOLERANCE * max(c["size"], groups[-1][0]["size"]):
            groups[-1].append(c)
        else:
            groups.append([c])
            anchor = c["base"]
    return groups


def _line(chars: list[Char]) -> Line:
    parts: list[str] = []
    prev: Char | None = None
    for c in chars:
        if prev is not None and c["x0"] - prev["x1"] > WORD_GAP and parts and parts[-1] != " ":
            parts.append(" ")
        parts.append(" " if c["text"].isspace() else c["text"])
        prev = c
    text = re.sub(" {2,}", " ", "".join(parts)).strip()
    return Line(text, min(c["top"] for c in chars), max(c["bottom"] for c in chars), chars[0]["x0"], chars[-1]["x1"])


# tables ------------------------------------------------------------------------------------------------------
def find_tables(page: PageData, chars: list[Char]) -> list[tuple[tuple[float, float, float, float], list]]:
    """pdfplumber's table finder on the page's ruling edges, its cells filled from the page's characters."""
    edges = [e for e in page.edges if max(e["width"], e["height"]) >= 3]
    if len([e for e in edges if e["orientation"] == "h"]) < 2 or not any(e["orientation"] == "v" for e in edges):
        return []  # no two rules and a column rule: no table (and no cost)
    from pdfplumber.table import TableFinder

    view = SimpleNamespace(edges=edges, chars=chars, bbox=page.bbox)
    return [(table.bbox, _extract(table, chars)) for table in TableFinder(view).tables]  # type: ignore[arg-type]


def _extract(table: object, chars: list[Char]) -> list[list[str]]:
    """What pdfplumber's `Table.extract()` gives (a character belongs to the cell holding its centre, each
    cell's text as pdfplumber writes it), without testing every character against every row: characters
    are sorted by their vertical centre once, and each row takes its slice."""
    from pdfplumber.utils import extract_text

    x0, top, x1, bottom = table.bbox  # type: ignore[attr-defined]
    mids = sorted(
        ((c["top"] + c["bottom"]) / 2, (c["x0"] + c["x1"]) / 2, k)
        for k, c in enumerate(chars)
        if top <= (c["top"] + c["bottom"]) / 2 < bottom
    )
    keys = [m[0] for m in mids]
    out: list[list[str]] = []
    for row in table.rows:  # type: ignore[attr-defined]
        rx0, rtop, rx1, rbottom = row.bbox
        in_row = [m for m in mids[bisect_left(keys, rtop) : bisect_left(keys, rbottom)] if rx0 <= m[1] < rx1]
        picked: list[list[Char] | None] = []
        for cell in row.cells:
            if cell is None:
                picked.append(None)
                continue
            cx0, ctop, cx1, cbottom = cell
            picked.append([chars[k] for v, h, k in in_row if cx0 <= h < cx1 and ctop <= v < cbottom])
        for band in _bands(picked):
            out.append([extract_text(p) if p else "" for p in band])
    return out


STACKED_FIGURE = regex(r"^[-−]?[\d,，.]+%?$")


def _bands(cells: list[list[Char] | None]) -> list[list[list[Char] | None]]:
    """A row as drawn, or the rows stacked in it: a table drawn without rules between its rows comes out as
    one row whose cells hold a column each (`甲区 乙区 … | 1200 860 …`). When two cells hold two or more lines
    that are all figures (or one holds three or more beside a cell of stacked labels), the row is cut at its
    baselines, each line going to the row it stands on (a blank cell of the column leaves that row's cell
    empty)."""
    lines = [build_lines(c) if c else [] for c in cells]
    figures = [
        len(ls) for ls in lines if len(ls) >= 2 and all(STACKED_FIGURE.match(ln.text.replace(" ", "")) for ln in ls)
    ]
    texts = sum(1 for ls in lines if len(ls) >= 2) - len(figures)
    # two columns of stacked figures, or one of three or more beside stacked labels; a single figure wrapped in a
    # narrow column (`12345` / `67.89`) is one figure, not two rows
    if not (len(figures) >= 2 or (figures and max(figures) >= 3 and texts >= 1)):
        return [cells]
    groups = by_baseline([c for cs in cells if cs for c in cs])  # the row's lines, across all its cells
    if len(groups) < 2:
        return [cells]
    band = {id(c): k for k, g in enumerate(groups) for c in g}
    rows = [[None if cs is None else [c for c in cs if band[id(c)] == k] for cs in cells] for k in range(len(groups))]
    return _join_wrapped(rows)


def _text(cs: list[Char] | None) -> str:
    return "".join(c["text"] for c in cs or []).strip()


def _join_wrapped(rows: list[list[list[Char] | None]]) -> list[list[list[Char] | None]]:
    """`某某转移支付补` / `| 5200 | 310 |` / `助收入`: a label wrapped over two lines around its row's
    figures (set in the middle of the row) is one row: the lines of the first cell alone above and below a line
    of figures whose first cell is empty join it."""

    def label_only(r: list[list[Char] | None]) -> bool:
        return bool(_text(r[0])) and not any(_text(c) for c in r[1:])

    def unlabelled(r: list[list[Char] | None]) -> bool:
        return not _text(r[0]) and any(STACKED_FIGURE.match(_text(c)) for c in r[1:])

    out: list[list[list[Char] | None]] = []
    k = 0
    while k < len(rows):
        r = rows[k]
        if label_only(r) and k + 1 < len(rows) and unlabelled(rows[k + 1]):
            group = [r, rows[k + 1]]
            k += 2
            if k < len(rows) and label_only(rows[k]) and (k + 1 >= len(rows) or not unlabelled(rows[k + 1])):
                group.append(rows[k])
                k += 1
            out.append(
                [
                    None if all(g[i] is None for g in group) else [c for g in group for c in g[i] or []]
                    for i in range(len(r))
                ]
            )
            continue
        out.append(r)
        k += 1
    return out


def _inside(c: Char, boxes: list[tuple[float, float, float, float]]) -> bool:
    return any(
        x0 <= c["x0"] and c["x1"] <= x1 and top <= c["top"] and c["bottom"] <= bottom for x0, top, x1, bottom in boxes
    )


# the page ----------------------------------------------------------------------------------------------------
def lay_out(page: PageData) -> LaidPage:
    chars = dedupe(page.chars)
    out = LaidPage(page.number, len(chars), page.height)
    tables = find_tables(page, chars)
    boxes = [bbox for bbox, _ in tables]
    lines = build_lines([c for c in chars if not _inside(c, boxes)])
    body = _strip_margins(lines, page.height, out)
    placed: list[tuple[float, Item]] = [(ln.top, ln.text) for ln in body] + [(b[1], rows) for b, rows in tables]
    placed.sort(key=lambda x: x[0])
    out.items = [item for _, item in placed]
    if out.mark is None:
        _find_mark(out, body)
    out.distrust = judge([ln.text for ln in body], [rows for _, rows in tables])
    return out


def _mark_value(text: str) -> tuple[int | None, bool]:
    m = PAGE_MARK.match(text.replace(" ", ""))
    if m is None:
        return None, False
    value = next(int(v) for v in m.groups() if v is not None)
    return value, m.group("d") is None


def _strip_margins(lines: list[Line], height: float, out: LaidPage) -> list[Line]:
    """Lines in the top or bottom margin that are page numbers or short running heads leave the text; a page
    number among them is the page's printed number."""
    body = []
    for ln in lines:
        near_edge = ln.top < height * MARGIN or ln.bottom > height * (1 - MARGIN)
        value, strong = _mark_value(ln.text)
        if near_edge and value is not None:
            if out.mark is None or strong:
                out.mark, out.strong_mark = value, strong
            continue
        if near_edge and len(ln.text) < 40:
            continue  # a running header or footer
        body.append(ln)
    return body


def _find_mark(out: LaidPage, body: list[Line]) -> None:
    """A page number printed above the margin: the last (or first) line of the page, alone on its line."""
    if not body:
        return
    for ln in (body[-1], body[0]):
        value, strong = _mark_value(ln.text)
        if value is not None:
            out.mark, out.strong_mark = value, strong
            out.mark_item = next(k for k, it in enumerate(out.items) if it is ln.text)
            return


def page_labels(pages: list[LaidPage]) -> list[str]:
    """Each page's label: its printed number where the page shows one that fits the document's numbering, else
    its physical number. A bare number counts only when other pages continue its sequence; a number that is
    not accepted stays in the text (it may be a figure), one that is accepted leaves it."""
    offsets = Counter(p.mark - p.number for p in pages if p.mark is not None)
    common, support = offsets.most_common(1)[0] if offsets else (0, 0)
    marks = {p.number: p.mark for p in pages if p.mark is not None}
    labels = []
    for p in pages:
        ok = p.mark is not None and (
            p.strong_mark
            or (p.mark - p.number == common and support >= 2)
            or marks.get(p.number - 1) == p.mark - 1
            or marks.get(p.number + 1) == p.mark + 1
        )
        if ok and p.mark_item is not None:
            del p.items[p.mark_item]
        labels.append(str(p.mark) if ok else str(p.number))
    return labels


# judging the text layer ----------------------------------------------------------------------------------------
def judge(lines: list[str], tables: Sequence[list[list[str]]] = ()) -> str:
    """Why the page's text cannot be trusted ("" when it can)."""
    text = "\n".join(lines)
    reasons = []
    if _figures_moved(lines):
        reasons.append("数字与文字错位")
    if len(DOUBLED_RUN.findall(text)) >= 2:
        reasons.append("重复字符")
    cells = "\n".join(" ".join(row) for rows in tables for row in rows)
    if _garbled(text + "\n" + cells):
        reasons.append("文字编码无法识别")
    return "/".join(reasons)


def _figures_moved(lines: list[str]) -> bool:
    """Units with no figure before them, at least as many as units with one, and loose figures elsewhere on
    the page (`收入 亿元，增长` … `727.5 1.8%`): the figures were extracted away from their labels."""
    orphans = attached = 0
    for ln in lines:
        for m in UNIT.finditer(ln):
            before = ln[: m.start()].rstrip()
            if before and before[-1] in NUMERAL_BEFORE:
                attached += 1
            else:
                orphans += 1
    if orphans < 3 or orphans < attached:
        return False
    loose = sum(len(LOOSE_FIGURE.findall(ln)) for ln in lines)
    return loose * 2 >= orphans


def _garbled(text: str) -> bool:
    """Text in no script a Chinese report uses: Latin-1 symbols, private-use glyphs or `(cid:N)` codes where the
    words should be, and few Chinese characters among the letters (a font without a usable Unicode map)."""
    chars = [c for c in text if not c.isspace()]
    if len(chars) < 20:
        return False
    junk = 6 * text.count("(cid:") + sum(1 for c in chars if _junk(c))
    letters = [c for c in chars if c.isalpha() or _junk(c)]
    ideographs = sum(1 for c in letters if "\u4e00" <= c <= "\u9fff")
    # a short garbled title on a divider page hides no figures: only a page of such text is distrusted
    return len(letters) >= 20 and junk >= 0.05 * len(chars) and ideographs < 0.5 * len(letters)


# ASCII symbols a Chinese report hardly uses: where they abound, glyph codes were read as ASCII
RARE_ASCII = set("!\"#$&'*+<=>?@[\\]^_`{|}~")


def _junk(c: str) -> bool:
    """Latin-1 and Latin Extended letters and symbols, private-use glyphs, rare ASCII symbols, U+FFFD."""
    o = ord(c)
    return 0x80 <= o < 0x250 or 0xE000 <= o < 0xF900 or o >= 0xF0000 or c == "\ufffd" or c in RARE_ASCII
