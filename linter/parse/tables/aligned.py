"""Tables of plain-text reports laid out with spaces (text extracted from a PDF by an archiver):

            2024年度福建省一般公共预算收入决算表
                                                          单位：万元
                                               决算数为调整 决算数为上年决
       项目          调整预算数         决算数
                                                预算数的%   算数的%
    一、税收收入              24,148,942    23,296,853       96.5      99.5
      增值税               10,299,400     9,752,757       94.7      95.9

They are read from the original text (the normaliser joins their lines): a header of column names above a
run of lines that each hold a label and figures; the figures' right edges (in display columns: a Chinese
character is two wide) give the columns, and the indentation of the labels the tree. Precision first: a
table whose figures do not all fall clearly into the columns is not read at all.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache
from itertools import combinations

from tieout.linter.text.model import Document

from .blocks import Block
from .cells import Cell, flatten
from .vocab import role_of

FIGURE = re.compile(r"(?<!\S)[-−]?\d[\d,]*(?:\.\d+)?%?(?!\S)")
LABEL = re.compile(r"^(?P<indent>\s*)(?P<label>\S.*?)\s*$")
HEADER_WORDS = re.compile(r"预算数|决算数|执行数|完成数|预算|决算|执行|增长|%")
NAME_HEADER = re.compile(r"项目|预算科目|科目名称|项\s*目")
UNIT = re.compile(r"单位[：:]\s*(亿元|万元|千元|元)")
TOLERANCE = 3  # display columns a figure's right edge may stray from its column's


_WIDTHS: dict[str, int] = {}  # a character's display width, looked up once per character


def width(text: str) -> int:
    if text.isascii():  # no ASCII character is wide
        return len(text)
    total = 0
    for ch in text:
        w = _WIDTHS.get(ch)
        if w is None:
            w = _WIDTHS[ch] = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        total += w
    return total


class _Mapper:
    """Original offsets to normalised ones (the figures survive normalisation character by character)."""

    def __init__(self, doc: Document) -> None:
        self.origin = doc.origin

    def norm(self, original: int) -> int | None:
        i = bisect_left(self.origin, original)
        return i if i < len(self.origin) and self.origin[i] == original else None


def find_aligned(doc: Document) -> list[tuple[Block, list[int]]]:
    """Blocks (with each body row's indentation) of the space-aligned tables of a plain-text report."""
    if not doc.path.endswith((".txt", ".text")) or "|" in doc.original[:20000] and doc.original.count("\n|") > 5:
        return []
    lines = doc.original.split("\n")
    starts = [0]
    for ln in lines:
        starts.append(starts[-1] + len(ln) + 1)
    mapper = _Mapper(doc)
    out = []
    i = 0
    while i < len(lines):
        found = _table_at(lines, starts, i, mapper)
        if found is None:
            i += 1
            continue
        block, indents, end = found
        out.append((block, indents))
        i = end
    return out


@lru_cache(maxsize=4096)  # a line is tried as a header, a row and the next table's header: read once
def _data(line: str) -> tuple[str, int, list[re.Match[str]]] | None:
    """A line of a label and figures: (label, indent, figure matches; shared, never changed)."""
    figs = list(FIGURE.finditer(line))
    if not figs:
        return None
    head = line[: figs[0].start()]
    m = LABEL.match(head)
    if not m or not re.search(r"[\u4e00-\u9fff]", m.group("label")) or re.search(r"[。；，]", line):
        return None
    if any(not re.fullmatch(r"\s*", line[a.end() : b.start()]) for a, b in zip(figs, figs[1:])):
        return None  # text between the figures: prose, not a row
    if line[figs[-1].end() :].strip():
        return None
    return m.group("label"), width(m.group("indent")), figs


def _table_at(lines: list[str], starts: list[int], i: int, mapper: _Mapper):
    """A table whose header starts at line i: header lines (names of columns), then data lines."""
    header = []
    j = i
    while j < len(lines) and j < i + 4 and _data(lines[j]) is None and lines[j].strip():
        header.append(j)
        j += 1
    while j < len(lines) and not lines[j].strip() and j < i + 6:
        j += 1
    if not header or not any(_names_column(lines[h]) for h in header):
        return None
    if not any(HEADER_WORDS.search(lines[h]) for h in header):
        return None
    rows = []
    while j < len(lines):
        if _data(lines[j]) is not None:
            rows.append(j)
            j += 1
        elif not lines[j].strip() and rows and j + 1 < len(lines) and _data(lines[j + 1]) is not None:
            j += 1  # rows set one blank line apart
        else:
            break
    if len(rows) < 3:
        return None
    built = _build(lines, starts, header, rows, mapper)
    if built is None:
        return None
    block, indents = built
    caption = [lines[k].strip() for k in range(max(0, i - 3), i) if lines[k].strip()]
    caption += [lines[h].strip() for h in header if "单位" in lines[h]]
    block.caption = list(reversed(caption))
    return block, indents, j


@lru_cache(maxsize=4096)  # each line is tried as a header line by the few lines above it
def _names_column(line: str) -> bool:
    return NAME_HEADER.search(flatten(line)) is not None


def _edges(line: str, figs: list[re.Match[str]]) -> list[int]:
    """The display column of each figure's right edge (widths summed piece by piece, not from the start)."""
    out: list[int] = []
    edge = done = 0
    for f in figs:
        edge += width(line[done : f.end()])
        done = f.end()
        out.append(edge)
    return out


def _shape(text: str) -> int:
    """A figure's decimals, as written."""
    return len(text.split(".")[1].rstrip("%")) if "." in text else 0


def _build(lines: list[str], starts: list[int], header: list[int], rows: list[int], mapper: _Mapper):
    parsed = [(r, _data(lines[r])) for r in rows]
    k = max(len(p[2]) for _, p in parsed)  # type: ignore[index]
    complete = [(r, p) for r, p in parsed if len(p[2]) == k]  # type: ignore[index]
    if k < 2 or len(complete) < max(2, len(parsed) // 2):
        return None
    cols = []
    shapes: list[set[int]] = []
    row_edges = [_edges(lines[r], p[2]) for r, p in complete]  # type: ignore[index]
    for c in range(k):
        edges = sorted(e[c] for e in row_edges)
        cols.append(edges[len(edges) // 2])
        shapes.append({_shape(p[2][c].group()) for _, p in complete})  # type: ignore[index]
    grid: list[list[Cell]] = [_header_row(lines, starts, header, cols, mapper)]
    indents = []
    for r, p in parsed:
        label, indent, figs = p  # type: ignore[misc]
        slots = list(range(k)) if len(figs) == k else _assign(lines[r], figs, cols, shapes)
        if slots is None:
            return None
        row = _body_row(lines[r], starts[r], label, figs, slots, k, mapper, len(grid))
        if row is None:
            return None
        grid.append(row)
        indents.append(indent)
    return Block(grid, start=grid[0][0].start, end=grid[-1][-1].end), indents


def _assign(line: str, figs: list[re.Match[str]], cols: list[int], shapes: list[set[int]]) -> list[int] | None:
    """The columns of a row that leaves some blank: figures go, in order, to columns whose figures are
    written alike (decimals), nearest their right edges; None unless one placing is clearly the best."""
    edges = _edges(line, figs)
    scored = []
    for combo in combinations(range(len(cols)), len(figs)):
        if any(_shape(f.group()) not in shapes[c] for f, c in zip(figs, combo)):
            continue
        scored.append((sum(abs(cols[c] - e) for c, e in zip(combo, edges)), list(combo)))
    scored.sort()
    if not scored or scored[0][0] > 6 * len(figs) or len(scored) > 1 and scored[1][0] - scored[0][0] < 6:
        return None
    return scored[0][1]


def _body_row(line, base, label, figs, slots, k, mapper: _Mapper, r: int) -> list[Cell] | None:
    lab_start = base + line.index(label)
    a = mapper.norm(lab_start)
    if a is None:
        return None
    cells = [Cell(flatten(label), a, a + 1, r, 0)]
    placed: list[Cell | None] = [None] * k
    for f, c in zip(figs, slots):
        s, e = mapper.norm(base + f.start()), mapper.norm(base + f.end() - 1)
        if s is None or e is None:
            return None
        placed[c] = Cell(f.group(), s, e + 1, r, c + 1)
    for c, cell in enumerate(placed):
        cells.append(cell or Cell("", a, a, r, c + 1))
    return cells


def _header_row(lines, starts, header, cols, mapper: _Mapper) -> list[Cell]:
    """Column names: each header word goes to the column whose right edge is nearest its own (wrapped
    names over two lines are joined)."""
    names = [""] * len(cols)
    for h in header:
        for m in re.finditer(r"\S+", lines[h]):
            if NAME_HEADER.search(m.group()) or "单位" in m.group():
                continue
            edge = width(lines[h][: m.end()])
            c = min(range(len(cols)), key=lambda x: abs(cols[x] - edge))
            names[c] += m.group()
    first = mapper.norm(starts[header[0]] + len(lines[header[0]]) - len(lines[header[0]].lstrip())) or 0
    cells = [Cell("项目", first, first, 0, 0)]
    for c, name in enumerate(names):
        cells.append(Cell(name, first, first, 0, c + 1))
    return cells


def readable(block: Block) -> bool:
    """Every column named by a role the table vocabulary knows, rates where the figures are rates: the
    names were put over the right columns."""
    for c, head in enumerate(block.rows[0][1:], start=1):
        cells = [r[c].text for r in block.rows[1:] if c < len(r) and r[c].text]
        percent = any(t.endswith("%") for t in cells) or "%" in head.text
        role = role_of(head.text, percent)
        if role is None or (role.kind in ("ratio", "growth", "share")) != percent:
            return False
        if not percent and any("." in t for t in cells) and not all("." in t for t in cells):
            return False  # amounts and rates mixed in one column
    return True
