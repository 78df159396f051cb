"""Tables: pipe rows (`| 项目 | 预算数 | 执行数 |`) of the normalised text, from Markdown or rendered from
Word and PDF tables, as rows of cells whose figures are quantities with spans.

The unit comes from the caption just above the table (`单位：万元`) or from a header cell (`预算数（万元）`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from tieout.linter.figures.quantities import MULTIPLIERS, Quantity
from tieout.linter.text.model import Document

UNIT_NOTE = re.compile(r"单位[：:]\s*(?P<unit>亿元|万元|千元|元|%|人次|人|家|个|项)")
HEADER_UNIT = re.compile(r"[（(](?P<unit>亿元|万元|千元|元|%)[）)]")
NUMBER = re.compile(r"^(?P<neg>[-−])?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?(?P<unit>亿元|万元|千元|元|%)?$")
SEPARATOR_ROW = re.compile(r"^\|(?:\s*:?-{2,}:?\s*\|)+\s*$")
TOTAL_LABEL = re.compile(r"^(?:合计|总计|共计|总额|合\s*计|总\s*计)")
SUBTOTAL_LABEL = re.compile(r"^(?:小计|小\s*计)")


@dataclass
class Cell:
    text: str
    start: int  # normalised offsets of the cell's content
    end: int
    row: int  # 0-based, the header is row 0
    col: int
    quantity: Quantity | None = None


@dataclass
class Table:
    index: int  # 1-based, in document order
    rows: list[list[Cell]]
    unit: str = ""  # 万元 …, from the caption
    column_units: dict[int, str] = field(default_factory=dict)

    @property
    def header(self) -> list[str]:
        return [c.text for c in self.rows[0]] if self.rows else []

    @property
    def body(self) -> list[list[Cell]]:
        return self.rows[1:]

    def label(self, row: list[Cell]) -> str:
        return row[0].text if row else ""

    def is_total(self, row: list[Cell]) -> bool:
        return bool(TOTAL_LABEL.match(self.label(row)))

    def is_subtotal(self, row: list[Cell]) -> bool:
        return bool(SUBTOTAL_LABEL.match(self.label(row)))


def find_tables(doc: Document) -> list[Table]:
    text = doc.text
    tables: list[Table] = []
    block: list[tuple[int, str]] = []
    pos = 0
    caption = ""
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        if line.startswith("|"):
            block.append((start, line))
            continue
        if block:
            tables.append(_table(block, caption, len(tables) + 1))
            block = []
        if line.strip():
            caption = line
    if block:
        tables.append(_table(block, caption, len(tables) + 1))
    return [t for t in tables if len(t.rows) >= 2]


def _table(block: list[tuple[int, str]], caption: str, index: int) -> Table:
    rows: list[list[Cell]] = []
    for start, line in block:
        if SEPARATOR_ROW.match(line):
            continue
        cells = []
        col = 0
        for m in re.finditer(r"\|([^|]*)(?=\|)", line):
            raw = m.group(1)
            lead = len(raw) - len(raw.lstrip())
            content = raw.strip()
            a = start + m.start(1) + lead
            cells.append(Cell(content, a, a + len(content), len(rows), col))
            col += 1
        rows.append(cells)
    note = UNIT_NOTE.search(caption)
    table = Table(index, rows, note.group("unit") if note else "")
    for c, cell in enumerate(rows[0] if rows else []):
        m = HEADER_UNIT.search(cell.text)
        if m:
            table.column_units[c] = m.group("unit")
    for row in rows[1:]:
        for cell in row:
            cell.quantity = _quantity(cell, table.column_units.get(cell.col, table.unit))
    return table


def _quantity(cell: Cell, unit: str) -> Quantity | None:
    m = NUMBER.match(cell.text.replace(" ", ""))
    if not m:
        return None
    digits = m.group("int").replace(",", "")
    frac = m.group("frac") or ""
    value = Decimal(digits + frac)
    if m.group("neg"):
        value = -value
    unit = m.group("unit") or unit
    if unit == "%":
        kind, base, scale = "percent", "%", Decimal(1)
    elif unit.endswith("元"):
        kind, base, scale = "amount", "元", MULTIPLIERS[unit[:-1]]
    elif unit:
        kind, base, scale = "count", unit, Decimal(1)
    else:
        kind, base, scale = "bare", "", Decimal(1)
    return Quantity(
        text=cell.text,
        value=value,
        unit=unit if unit != "%" or m.group("unit") else "%",
        base_unit=base,
        scale=scale,
        decimals=len(frac) - 1 if frac else 0,
        kind=kind,  # type: ignore[arg-type]
        start=cell.start,
        end=cell.end,
        separators="," in m.group("int"),
        approx=False,
        bound=None,
        per=False,
    )
