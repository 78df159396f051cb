"""The table model: a table's grid of cells, its header, its sides (a two-sided table is two tables side by
side), each side's figure columns with their header path and role, and its rows with their label,
classification code and place in the tree of the table (parent row, total row).

Indices: `Cell.row` / `Cell.col` and `Row.index` / `Column.index` are positions in the grid (header rows
included); `Row.parent` is an index into the side's `rows`.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from tieout.linter.figures.context import Context
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex

from .cells import Cell
from .vocab import total_kind

TOTAL_LABEL = regex(r"^(?:合计|总计|共计|总额)")
SUBTOTAL_LABEL = regex(r"^小计")


@dataclass
class Column:
    """A column of a table's side: its header, its role, kind and unit, and what the header says of its figures."""

    index: int  # in the grid
    path: list[str]  # header texts from the top row down, merged cells filled, spaces removed
    role: str = ""  # canonical role (合计, 基本支出, 预算数, 为预算% …), "" when the header names none
    # total, amount, ratio, growth, share, serial; level: a price, standard, average or rate of no known role
    # (单价, 人均收入, 资产负债率), added into nothing; "" unknown
    kind: str = ""
    unit: str = ""
    context: Context = field(default_factory=Context)  # what the header says (预算数 → stage, 2024年 → period)

    @property
    def header(self) -> str:
        return "／".join(p for i, p in enumerate(self.path) if p and (i == 0 or p != self.path[i - 1]))


@dataclass
class Row:
    """A row of a table's side: its item, its classification code or enumeration, and its place in the rows' tree."""

    index: int  # in the grid
    label: str  # the item: the 科目名称 / 项目 cell, spaces removed
    code: str = ""  # the classification code, its 类/款/项 parts joined (2010601)
    marker: str = ""  # enumeration style of the label (一、 （一） 1.), "" none
    level: int = 0  # depth in the tree: code 类 0 / 款 1 / 项 2, or enumeration level
    parent: int | None = None  # index in Side.rows of the row this one is a direct child of
    total: str = ""  # "grand" (合计 / 总计 …), "sub" (小计), "" an item
    after_gap: bool = False  # an empty row stands just above it (a list of another kind begins)
    unsure: bool = False  # its children, or its own place, are not known (a wrapped label beside it)
    # the total of a side-by-side table's halves written in one half's columns (halves.py): no total of the
    # rows of its own side
    whole: bool = False
    # no figure in any of the side's columns (not even a dash): a group's heading over the rows under it
    # (`（一）预算编制和执行` over its numbered items), which stand for it in a total
    bare: bool = False
    # a score table's row whose first-level indicator cell is filled (the merged cells under it blank): that
    # indicator's name; it opens the rows of that indicator, which a 小计 after them closes ("" for none)
    group: str = ""


@dataclass
class Side:
    """One table of a two-sided table (收入 | 金额 | 支出 | 金额), or the whole of a one-sided one."""

    name: str  # the side's header (收入 / 支出), "" when the table has one side
    columns: list[Column]  # the figure columns, left to right
    descriptors: list[int]  # grid columns of codes and labels
    rows: list[Row]  # body rows that say something (empty rows left out)
    # "code" (classification codes), "enum" (一、 / （一）), "indent" (a text table's indentation, or a pipe table's
    # labels set in: build.pipe_indents), "levels" (a score table's level columns: levels.py), "defined" (a flat
    # list of a defined sum's parts, each over its items: rows.defined_tree), "summed" (rows placed by their sums
    # alone: summed.py), "plain", "none" (no labels)
    structure: str = "plain"

    def column(self, index: int) -> Column | None:
        return next((c for c in self.columns if c.index == index), None)

    def children(self, i: int) -> list[int]:
        return [j for j, r in enumerate(self.rows) if r.parent == i]


@dataclass
class Table:
    """A table of the document: its grid, caption, unit, header rows and sides, and the context its figures inherit."""

    index: int  # 1-based, in document order
    rows: list[list[Cell]]  # the grid, header rows first
    unit: str = ""  # 万元 …, from the caption
    column_units: dict[int, str] = field(default_factory=dict)
    title: str = ""  # the caption line that names the table (收入支出决算总表)
    # no caption line names it (it starts a page after a break, its caption is cut off by form lines, or gives its
    # code alone: `公开05表`): what it is, and of which fund, only its own labels say
    untitled: bool = False
    section: str = ""  # the heading the table stands under (`## 表三 …收支决算平衡表`), where a caption line may not be
    caption: list[str] = field(default_factory=list)  # the lines above the table, nearest last
    note: str = ""  # the line right below the table when it is a note on it (`注：执行率=决算支出/调整预算×100%。`)
    header_rows: int = 1
    sides: list[Side] = field(default_factory=list)
    context: Context = field(default_factory=Context)  # the title's (and document's) scope, fund, stage, period
    blank_zero: bool = False  # the table's convention: a blank cell is nothing (0), as in 部门决算 tables
    pieces: int = 1  # pipe tables joined into this one (continued across pages)
    breaks: list[int] = field(default_factory=list)  # the grid rows where each joined piece after the first starts
    aligned: bool = False  # read from a space-aligned text table (its header placed by position)
    # of such a table, the grid columns whose header words do not stand over their figures: their names were
    # given by the nearest placing, not read where they stand
    off_header: frozenset[int] = frozenset()
    # of such a table, every column's name placed with certainty (placing.py): its cells are as certain as a pipe
    # table's, and the prose is held to them as to a pipe table's
    placed: bool = False
    open_end: bool = False  # it goes on in a next table that could not be joined: its last rows are incomplete
    goes_on: bool = False  # the next table is surely its continuation: its 合计 may total that one's rows too
    next_code: str = ""  # the code of the first row of its continuation on the next page (blocks.Block)
    # of a table that goes on: the next page repeats its header line word for word, so what goes on there is rows,
    # its columns all here (each row still adds up across them)
    rows_go_on: bool = False
    department: bool = False  # of a department's report (部门预算/决算): its tables show all its own items
    open_start: bool = False  # it goes on from a table before that could not be joined: its first rows are
    # children of a row there
    whole: str = ""  # the jurisdiction as a whole (全县) its title names by the government's name (jurisdiction.py)
    # rows each of a 合计 and its parts whose columns are not known (assembly._across): its header's words ("" for any
    # other table, whose pages repeat them); no side, no column is read; each row's 合计 (grid column 1) is the sum
    # of the figures after it (relations.across_relations)
    across: str = ""

    @property
    def by_position(self) -> bool:
        """Are its column names placed by position, not with certainty (a space-aligned table's, `placed`
        false)? The prose is held only to those of its cells that are certain as they stand."""
        return self.aligned and not self.placed

    # the grid view, as the first table model had it --------------------------------------------
    @property
    def header(self) -> list[str]:
        return [c.text for c in self.rows[0]] if self.rows else []

    @property
    def body(self) -> list[list[Cell]]:
        return self.rows[self.header_rows :]

    def label(self, row: list[Cell]) -> str:
        return row[0].text if row else ""

    def is_total(self, row: list[Cell]) -> bool:
        return total_kind(self.label(row)) == "grand"

    def is_subtotal(self, row: list[Cell]) -> bool:
        return total_kind(self.label(row)) == "sub"

    # cells ---------------------------------------------------------------------------------------
    def cell(self, row: int, col: int) -> Cell | None:
        r = self.rows[row] if 0 <= row < len(self.rows) else []
        return r[col] if 0 <= col < len(r) else None

    def quantity(self, row: int, col: int) -> Quantity | None:
        c = self.cell(row, col)
        return c.quantity if c else None

    def page(self, row: int) -> int:
        """The piece (0 for the first) of a table joined over pages that a grid row was printed in."""
        return bisect_right(self.breaks, row)

    def is_blank(self, row: int, col: int) -> bool:
        c = self.cell(row, col)
        return c is None or c.blank
