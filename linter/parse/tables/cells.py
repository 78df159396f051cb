"""Cells of a table: their text, where it stands in the normalised text, and the figure it holds."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from tieout.linter.figures.exact import MAX_DIGITS
from tieout.linter.figures.quantities import MULTIPLIERS, Quantity

UNITS = r"亿元|万元|千元|元|%|％"
NUMBER = re.compile(rf"^(?P<neg>[-−－])?(?P<int>\d{{1,3}}(?:,\d{{3}})+|\d+)(?P<frac>\.\d+)?(?P<unit>{UNITS})?$")
# a dash or a slash in a cell is written for "nothing" (not applicable), never a figure
DASH = re.compile(r"^[-—－–/／\\]+$")
CODE = re.compile(r"^\d{2,9}$")


@dataclass
class Cell:
    text: str
    start: int  # normalised offsets of the cell's content
    end: int
    row: int  # 0-based in the table's grid (header rows included)
    col: int
    quantity: Quantity | None = None

    @property
    def blank(self) -> bool:
        return not self.text or bool(DASH.match(self.text))

    @property
    def flat(self) -> str:
        """The text with the spaces a PDF's wrapped cell leaves removed."""
        return flatten(self.text)


def flatten(text: str) -> str:
    # str.split() splits at exactly the characters `\s` matches; one C-level pass, no regex call (tables call
    # this for every cell, several times)
    return "".join(text.split())


# figures of several cells run together in one (`5312 2047 7359 68`, a PDF table read without its rules)
RUN_TOGETHER = re.compile(r"\d\s+[-−]?\d")


def is_number(text: str) -> bool:
    return not RUN_TOGETHER.search(text) and bool(NUMBER.match(flatten(text)))


def quantity(cell: Cell, unit: str) -> Quantity | None:
    """The figure of a body cell in the column's unit (`万元`, `%` …; "" when no unit is stated)."""
    m = NUMBER.match(cell.flat)
    if not m or RUN_TOGETHER.search(cell.text):
        return None
    digits = m.group("int").replace(",", "")
    frac = m.group("frac") or ""
    if len(digits) + max(0, len(frac) - 1) > MAX_DIGITS:
        return None  # no amount (see linter/figures/exact.py)
    value = Decimal(digits + frac)
    if m.group("neg"):
        value = -value
    unit = (m.group("unit") or unit).replace("％", "%")
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
        unit=unit,
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
