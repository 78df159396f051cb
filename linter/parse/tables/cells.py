"""Cells of a table: their text, where it stands in the normalised text, and the figure it holds."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from tieout.linter.figures.exact import MAX_DIGITS
from tieout.linter.figures.quantities import MULTIPLIERS, Kind, Quantity
from tieout.linter.patterns import regex

UNITS = r"亿元|万元|千元|元|%|％"
NUMBER = regex(rf"^(?:(?P<neg>[-−－])|\+)?(?P<int>\d{{1,3}}(?:,\d{{3}})+|\d+)(?P<frac>\.\d+)?(?P<unit>{UNITS})?$")
# a dash or a slash in a cell is written for "nothing" (not applicable), never a figure
DASH = regex(r"^[-—－–/／\\]+$")
# DASH's characters: a text not opening with one is no dash, told without a call of the pattern (cells are asked
# whether they are blank many times over, most of them holding a figure or a name)
DASH_CHARS = "-—－–/／\\"
CODE = regex(r"^\d{2,9}$")
# the text of a cell whose figure, if any, is not known: a row of a text table that leaves cells blank without saying
# which (columns.spaced_apart) has each of its cells so; no figure, and no blank (which may count as nothing)
UNPLACED = "?"

# a row's letter, or its formula of other rows' letters, in a table's 公式 column (`二、还本预计执行数 | F=G+H`,
# `（一）一般债券 | G`, the template of 地方政府债券发行及还本付息情况表): in a cell of its own, or at the end of the
# label where a text table's label and 公式 columns were read as one. After a Chinese word, a bracket or a space
# only: a letter inside a name (`PM2.5`, `GDP`) is none. (Kept with the cells' patterns: the reading of a table's
# rows asks for it, build._row_marks, and the rows' formulas' module is imported where a table is found only.)
ROW_MARK = regex(r"(?:^|(?<=[\u4e00-\u9fff）)\s]))(?P<name>[A-Z])(?:=(?P<expr>[A-Z](?:[+\-][A-Z])+))?$")


@dataclass(slots=True)  # slotted: a table makes one for every cell of its grid
class Cell:
    """A cell of a table's grid: its text, its place in the text and in the grid, and the figure it holds."""

    text: str
    start: int  # normalised offsets of the cell's content
    end: int
    row: int  # 0-based in the table's grid (header rows included)
    col: int
    quantity: Quantity | None = None

    @property
    def blank(self) -> bool:
        text = self.text
        return not text or text[0] in DASH_CHARS and DASH.match(text) is not None

    @property
    def flat(self) -> str:
        """The text with the spaces a PDF's wrapped cell leaves removed."""
        return flatten(self.text)


def flatten(text: str) -> str:
    # str.split() splits at exactly the characters `\s` matches; one C-level pass, no regex call (tables call
    # this for every cell, several times)
    return "".join(text.split())


# figures of several cells run together in one (`5312 2047 7359 68`, a PDF table read without its rules)
RUN_TOGETHER = regex(r"\d\s+[-−]?\d")


@lru_cache(maxsize=1 << 14)  # a pure function of the text; asked of every cell several times
def is_number(text: str) -> bool:
    return not RUN_TOGETHER.search(text) and bool(NUMBER.match(flatten(text)))


def quantity(cell: Cell, unit: str) -> Quantity | None:
    """The figure of a body cell in the column's unit (`万元`, `%` …; "" when no unit is stated)."""
    text = cell.text
    first = text.lstrip()[:1]
    if not first or not first.isdecimal() and first not in SIGNS:
        return None  # no NUMBER (its first character is a sign or a digit: \d is isdecimal): a label, a note
    return _quantity(cell, unit)


SIGNS = "-−－+"  # the signs NUMBER opens with (`+132` in a column of changes)


def read_quantities(row: list[Cell], units: list[str]) -> None:
    """Each cell's `quantity` (as `quantity` reads it) in its column's unit; a cell past the last unit is left
    as it is. One loop for a row: the test that a cell opens like a figure is made inline, as most cells (labels,
    blanks, dashes) are no figure and need no call."""
    for cell, unit in zip(row, units):
        text = cell.text
        # (the text's first character tested where it stands: a cell's text seldom opens with a space, and
        # stripping it made a copy of every label)
        first = text[:1] if not text[:1].isspace() else text.lstrip()[:1]
        if not first or not (first.isdecimal() or first in SIGNS):
            cell.quantity = None
            continue
        read = _read(text, unit)  # (_quantity, inlined: it runs for every figure of every table)
        if read is None:
            cell.quantity = None
            continue
        value, negative, read_unit, base, scale, decimals, kind, separators = read
        cell.quantity = Quantity(
            text,
            -value if negative else value,
            read_unit,
            base,
            scale,
            decimals,
            kind,
            cell.start,
            cell.end,
            separators,
        )


def _quantity(cell: Cell, unit: str) -> Quantity | None:
    """`quantity` of a cell whose text opens with a sign or a digit."""
    text = cell.text
    read = _read(text, unit)
    if read is None:
        return None
    value, negative, unit, base, scale, decimals, kind, separators = read
    # negated here, not in _read: the sign is applied in the caller's decimal context, as it always was
    return Quantity(
        text, -value if negative else value, unit, base, scale, decimals, kind, cell.start, cell.end, separators
    )


ONE = Decimal(1)
_Read = tuple[Decimal, bool, str, str, Decimal, int, Kind, bool]


@lru_cache(maxsize=1 << 14)
def _read(text: str, unit: str) -> _Read | None:
    """What a cell's text says as a figure in the column's unit, apart from where it stands: a pure function
    of the two, read once per distinct pair (a table repeats its 0.00, its figures repeat over tables)."""
    flat = "".join(text.split())  # (flatten, inlined)
    m = NUMBER.match(flat)
    # figures run together are apart by spaces: none in a text that flattening leaves whole
    if not m or len(flat) != len(text) and RUN_TOGETHER.search(text):
        return None
    neg, whole, frac, own = m.group("neg", "int", "frac", "unit")
    digits = whole.replace(",", "")
    frac = frac or ""
    if len(digits) + max(0, len(frac) - 1) > MAX_DIGITS:
        return None  # no amount (see linter/figures/exact.py)
    value = Decimal(digits + frac)  # exact whatever the context's precision
    unit = (own or unit).replace("％", "%")
    kind: Kind
    if unit == "%":
        kind, base, scale = "percent", "%", ONE
    elif unit.endswith("元"):
        kind, base, scale = "amount", "元", MULTIPLIERS[unit[:-1]]
    elif unit:
        kind, base, scale = "count", unit, ONE
    else:
        kind, base, scale = "bare", "", ONE
    decimals = len(frac) - 1 if frac else 0
    return value, bool(neg), unit, base, scale, decimals, kind, "," in whole
