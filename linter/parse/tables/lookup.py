"""The identity of each figure cell, and a lookup from a quantity's identity to the cells that state it.

A cell's identity is the context of its table (the document's title, the table's title, its column
header: scope, fund, stage, period), its row item (the label without enumeration, and the
classification code) and its column role (合计, 基本支出, 预算数 …). A prose figure is the same quantity as a
cell when its item names the row (or the column of the table's 合计 row: `基本支出` is the 合计 row under
the 基本支出 column) and every context field the cell has is stated by the prose with the same value.

    index = TableIndex(facts.tables)
    hits = index.find("本年支出合计", Context(stage="决算", period="2024"))
    hits = index.find("基本支出", context, column="合计")  # a column role narrows the row's cells

`find` returns `Hit`s (the cell's identity and its figure); `TableIndex.certain` keeps them only when
they all state one value, which is what a check that reports a difference needs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from tieout.linter.figures.context import FIELDS, MIXED, Context, read, same_scope
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex

from .identities import item as item_of
from .identities import without_money_unit
from .jurisdiction import title_context
from .model import Column, Side, Table
from .spans import leaf
from .vocab import undone, words

# (made for every figure cell of every table, and never changed once made: not frozen, whose `__init__` sets each
# field through `object.__setattr__` at four times the cost, but hashable by its fields all the same; slotted, its
# fields read without a dict)
# the units of money a row's label may close with (`（元）`), where its cells are in money
MONEY_UNITS = ("元", "千元", "万元", "亿元")


@dataclass(unsafe_hash=True, slots=True)
class CellIdentity:
    """What a figure cell is: its table, row and column, and the item, column and context that identify it."""

    table: int  # Table.index
    row: int  # grid row
    col: int  # grid column
    context: Context  # document title ∪ table title ∪ column header
    item: str  # the row's item (合计 for a total row), enumeration and spaces removed
    code: str  # the row's classification code, "" none
    column: str  # the column's role (合计, 基本支出, 预算数 …), else its deepest header
    total_row: bool  # the row is the side's 合计 / 总计 row
    path: tuple[str, ...] = ()  # the items of the row's ancestors and its own, where codes give the tree
    # the heading of the block of rows it stands in, where the table repeats one set of items under a heading for
    # each fund, unit or region (`机关事业单位基本养老保险基金` over `一、基金收入 …`): "" none
    block: str = ""


@dataclass(unsafe_hash=True, slots=True)  # (one a figure cell, as CellIdentity; slotted: made and read for each)
class Hit:
    """A figure cell of a table, and its identity."""

    identity: CellIdentity
    quantity: Quantity


def identities(table: Table, outer: Context | None = None) -> list[Hit]:
    """Every figure cell of the table with its identity (rates and shares included, with their role).
    `outer`: the document's context as the facts read it (a genre's defaults included), in place of the
    one the table reader took from the title."""
    context = table.context if outer is None else title_context(table).under(held_outer(table, outer))
    out = []
    for side in table.sides:
        # a column's context under the table's and its role: once a column, not once a cell
        columns = [(col, col.context.under(context), col.role or leaf(col)) for col in side.columns]
        across = _items_across(side, table.title)
        staged = not across and _stage_rows(side)
        if staged:
            across = _items_over_stages(side, table.title)
        heads = block_names(side)
        for i, row in enumerate(side.rows):
            path = _path(side, i) if side.structure == "code" else ()
            # (once a row, not once a cell; a row that is a stage, `2026年预算数`, gives its cells its stage and year)
            own = read(row.label).context if across and staged else _label_context(row.label)
            named = item_of(row.label)
            grand = row.total == "grand"
            # the row's grid cells read once (`Table.quantity` per cell looked the row up again for each)
            grid = table.rows[row.index] if 0 <= row.index < len(table.rows) else []
            for col, col_context, role in columns:
                c = grid[col.index] if 0 <= col.index < len(grid) else None
                q = c.quantity if c else None
                if q is not None:
                    # (table, row, col, context, item, code, column, total_row, path: by position, as cheaper)
                    if across:
                        named, grand = across[col.index]
                    ident = CellIdentity(
                        table.index,
                        row.index,
                        col.index,
                        own.under(col_context),
                        named,
                        row.code,
                        role,
                        grand,
                        path,
                        heads[i],
                    )
                    out.append(Hit(ident, q))
    return out


def held_outer(table: Table, outer: Context) -> Context:
    """The document's context as a table of it holds it. A genre's defaults (a department's figures are of all its
    funds, at the stage of its report) are what a table its caption names without a fund is of (`支出决算表`); a table
    no caption names (`Table.untitled`) may be any of the genre's tables (`一般公共预算财政拨款支出决算表` as well): of
    the fund and stage the document's own title states, else of none its own labels do not state. That is
    `Table.context` of such a table: the table reader gives it the context of the document's title block, the lines
    the facts read as the title (`text.title.title_text`), and the table's title adds nothing there."""
    if not table.untitled:
        return outer
    return replace(outer, fund=table.context.fund, stage=table.context.stage)


def block_names(side: Side) -> list[str]:
    """By row of the side, the heading of the block it stands in ("" none): where rows with no figure (`社会保险基金合计`,
    `机关事业单位基本养老保险基金`) each head the same first item (`一、基金收入`), every row from one such heading to the
    next is that heading's. The item a row names is then that block's, not the table's: two blocks' rows of one name
    are not one quantity."""
    rows = side.rows
    heads = [k for k, r in enumerate(rows) if r.bare and not r.code and k + 1 < len(rows) and not rows[k + 1].bare]
    firsts = Counter(item_of(rows[k + 1].label) for k in heads)
    heads = [k for k in heads if firsts[item_of(rows[k + 1].label)] > 1]
    out = [""] * len(rows)
    for n, k in enumerate(heads):
        end = heads[n + 1] if n + 1 < len(heads) else len(rows)
        out[k:end] = [rows[k].label] * (end - k)
    return out


SUBTOTALS = ("合计", "小计", "总计")
# the “三公” in a table's title (`财政拨款“三公”经费支出决算表`): the one row of such a table laid out across is the three
# items', its 合计 the “三公”经费 the prose names
THREE_PUBLIC = regex(r"[“\"]?三公[”\"]?经费")


def _items_across(side: Side, title: str) -> dict[int, tuple[str, bool]]:
    """The item of each column of a side of one unlabelled row laid out across, by grid column, and whether it is the
    side's 合计 (`| 合计 | 因公出国（境）费 | 公务用车购置及运行维护费 … |` over `| 预算数 | 决算数 |` pairs, a 三公 table
    of the 决算 form): the row names nothing, each column's header names its item over its stage. A group's 小计 is
    the group's item; the 合计 is the whole the table's title names (`_whole_across`). Nothing where a column's
    header ends in no stage or names no item (its item is not known)."""
    if len(side.rows) != 1 or side.rows[0].label or len(side.columns) < 2:
        return {}
    names: dict[int, list[str]] = {}
    # (a header naming no stage anywhere, under a title that names one, `“三公”经费、会议费、培训费支出预算表`: every
    # column is of the title's stage, and its header's words are its names)
    titled = not any(col.context.stage for col in side.columns) and read(title).context.stage is not None
    for col in side.columns:
        named = [p for p in col.path if p] or None if titled else _names_across(col)
        if named is None:
            return {}
        names[col.index] = named
    tops = {n[0] for n in names.values()}
    if len(tops) == 1 and all(len(n) > 1 for n in names.values()):  # a heading over every column (the table's own)
        names = {i: n[1:] for i, n in names.items()}
    whole = _whole_across(title)
    out = {}
    for i, n in names.items():
        name = n[-2] if n[-1] in SUBTOTALS and len(n) > 1 else n[-1]  # (a group's 小计: the group's item)
        # quotes left out (`“三公”经费` is the 三公经费 prose names)
        out[i] = _item_across(name, whole, unquoted=True)
    return out


def _item_across(name: str, whole: str, unquoted: bool) -> tuple[str, bool]:
    """The item of a column laid out across by the name its header gives it, and whether it is the side's 合计: a 合计
    (or a 小计 standing alone) is the whole the title names; else the name as an item, its quote marks left out where
    `unquoted`."""
    if name in SUBTOTALS:
        return whole, True
    return item_of(QUOTE_MARKS.sub("", name) if unquoted else name), False


# what a row's label names besides its stage and year when the row is a stage (`2026年预算数`, `2025年预算数为`)
STAGE_ONLY = frozenset({"", "数"})


def _stage_rows(side: Side) -> bool:
    """Is every row of the side a stage of the figures its columns name (`| 项目 | 合计 | 因公出国（境）费 | … |` over
    rows `2026年预算数`, `2025年预算数`: the “三公” table of a 部门预算 laid out with its stages down)? Its labels
    each name a stage and nothing else (their years aside), no two alike, and no row is a total."""
    labels = [r.label for r in side.rows]
    if not labels or len(set(labels)) != len(labels) or len(side.columns) < 2 or any(r.total for r in side.rows):
        return False
    read_labels = [read(label) for label in labels]
    return all(r.context.stage is not None and r.rest.removesuffix("为") in STAGE_ONLY for r in read_labels)


def _items_over_stages(side: Side, title: str) -> dict[int, tuple[str, bool]]:
    """The item of each column of a side whose rows are stages (`_stage_rows`), by grid column, and whether it is the
    side's 合计: its header's deepest words, the 合计 the whole the title names (`_whole_across`). Nothing where a
    column's header names a stage (the rows' stage would not be the cells') or nothing."""
    whole = _whole_across(title)
    out: dict[int, tuple[str, bool]] = {}
    for col in side.columns:
        texts = [p for p in col.path if p]
        if not texts or col.context.stage is not None:
            return {}
        # (its deepest words alone: a 小计 under a group's name is no group's here, but the whole)
        out[col.index] = _item_across(texts[-1], whole, unquoted=False)
    return out


# a heading naming what its columns are and their stage (`“三公”经费预算数` over 合计, 因公出国（境）费 …;
# `机关运行经费预算数` alone): the stage said once over the items, as a 部门预算's 三公 table lays it out
STAGED_HEADING = regex(r"^(?P<what>.+?)(?:预算|决算)数?$")
QUOTE_MARKS = regex(r"[“”\"]")


def _names_across(col: Column) -> list[str] | None:
    """The names of a column of a row laid out across, top to bottom, its stage left out: the column's header ends in
    its stage (`合计` over `预算数`), or opens with a heading naming the stage over the items (`“三公”经费预算数` over
    `合计`: the heading's words before the stage then name the items' whole, or the column's item where nothing is
    under it). None where the column's stage is not known so (its item is not known)."""
    texts = [p for p in col.path if p]
    if col.context.stage is None or not texts:
        return None
    below = len(texts) >= 2 and texts[-1] == col.role
    if below and read(texts[-1]).context.stage is not None:
        return texts[:-1]
    top = STAGED_HEADING.match(texts[0])
    if top is not None and read(texts[0]).context.stage == col.context.stage:
        # (the year and other context words of `2024年“三公”经费`, and the quotes, are no part of the item's name)
        return [QUOTE_MARKS.sub("", read(top.group("what")).rest), *texts[1:]]
    return texts[:-1] if below else None


def _whole_across(title: str) -> str:
    """What the 合计 of a table laid out across is the whole of: the “三公”经费 where its title names them, else a bare
    合计 (what the table totals is not said)."""
    named = THREE_PUBLIC.search(title)
    if named is None or OTHER_FEE.search(title[: named.start()] + title[named.end() :]):
        # (`“三公”经费、会议费、培训费支出预算表`: its 合计 is of more than the “三公”)
        return "合计"
    return "三公经费"


# a fee a title names beside the “三公” (`会议费`, `培训费`)
OTHER_FEE = regex(r"[\u4e00-\u9fff]费")


@lru_cache(maxsize=1 << 12)  # a pure function of the label; labels repeat in a document's tables (合计, 小计 …)
def _label_context(label: str) -> Context:
    """The scope and fund a row's own words state (`市本级一般公共预算收入`: 市本级, 一般公共预算): its cells', over a
    table of several scopes or funds."""
    said = read(label).context
    return Context(scope=said.scope, fund=said.fund)


def _path(side: Side, i: int | None) -> tuple[str, ...]:
    chain: list[str] = []
    while i is not None and len(chain) < 10:
        chain.append(item_of(side.rows[i].label))
        i = side.rows[i].parent
    return tuple(reversed(chain))


def compatible(cell: Context, query: Context, strict: bool) -> bool:
    """No field stated differently; with `strict`, every field the cell has is stated by the query."""
    for f in FIELDS:
        mine, theirs = getattr(cell, f), getattr(query, f)
        if mine is None or mine == MIXED and not strict:
            continue
        if theirs is None or theirs == MIXED:
            if strict:
                return False
            continue
        if not _same(f, mine, theirs):
            return False
    return True


def _same(field: str, mine: str, theirs: str) -> bool:
    if field == "stage":  # a 决算 table's figures are what the prose calls 执行 or 决算
        group = {"决算", "执行"}
        return mine == theirs or (mine in group and theirs in group)
    if field == "fund":  # 一般公共预算财政拨款 is what a department's prose calls 一般公共预算
        return mine == theirs or mine.startswith(theirs) or theirs.startswith(mine)
    if field == "scope":  # a township's own level (镇级) is all of it (全镇): it keeps the lowest budget
        return same_scope(mine, theirs)
    return mine == theirs


class TableIndex:
    """Cells by item, for the prose checks."""

    def __init__(
        self, tables: list[Table], outer: Context | None = None, cells: Callable[[Table], list[Hit]] | None = None
    ) -> None:
        """`cells`: a table's `identities` under `outer` where the caller keeps them (several indexes of one
        document's tables share them), else read here."""
        self.tables = tables
        # (mappings: `HeldIndex` keeps each key's cells it holds, judged when the key is first looked up)
        items: dict[str, list[Hit]] = {}
        columns: dict[str, list[Hit]] = {}
        paths: dict[tuple[str, ...], list[Hit]] = {}
        self.by_item: Mapping[str, list[Hit]] = items
        self.by_column: Mapping[str, list[Hit]] = columns
        self.by_path: Mapping[tuple[str, ...], list[Hit]] = paths
        classes = words("spending_classes")
        # (every cell of every table: its identity and the indexes' setdefault looked up once a cell)
        by_item, by_path = items.setdefault, paths.setdefault
        for t in tables:
            spending = "支出" in t.title
            sided = _sides_named(t)
            whole = _titled_whole(t)
            for h in identities(t, outer) if cells is None else cells(t):
                ident = h.identity
                if undone(ident.column):
                    # (`未执行数`: what the row's stage left undone, which no prose figure named by that stage is)
                    continue
                item = ident.item
                by_item(item, []).append(h)
                if (named := without_money_unit(item)) != item and h.quantity.unit in MONEY_UNITS:
                    by_item(named, []).append(h)  # (`营业收入（元）`'s cells are the 营业收入 prose names)
                if ident.path:
                    by_path(ident.path, []).append(h)
                if ident.total_row and item.endswith("合计") and len(item) >= 6:
                    # 人员经费合计 is what the prose calls 人员经费
                    by_item(item[:-2], []).append(h)
                if ident.code:
                    by_item(ident.code, []).append(h)
                elif spending and item in classes:
                    # (`教育` in a table of spending by class is the 教育支出 prose names)
                    by_item(item + "支出", []).append(h)
                if ident.total_row:
                    columns.setdefault(_column_item(t, h), []).append(h)
                    if item == "总计" and ident.col in sided:
                        # a two-sided table's bare 总计 is the 收入总计 or the 支出总计 the prose names
                        by_item(sided[ident.col] + item, []).append(h)
                    if whole and item in BARE_TOTALS:
                        # (`项目支出预算表`'s 合计 is the 项目支出 the prose names)
                        by_item(whole, []).append(h)

    def find(self, item: str, context: Context, column: str | None = None, strict: bool = True) -> list[Hit]:
        """The cells that are the quantity `item` in `context` (and `column`, a column role, when given).

        Rows named `item` give their principal cell (the 合计 column, or the only amount column that fits
        the context); a column named `item` gives its cell in the table's 合计 row."""
        hits = [h for h in self.by_item.get(item, []) if compatible(h.identity.context, context, strict)]
        if column is not None:
            hits = [h for h in hits if h.identity.column == column]
        else:
            hits = _principal(hits)
        hits += [h for h in self.by_column.get(item, []) if compatible(h.identity.context, context, strict)]
        hits = [h for h in hits if h.quantity.kind in ("amount", "bare", "count")]
        return _most_specific(hits, context)

    def find_path(self, path: tuple[str, ...], context: Context, strict: bool = True) -> list[Hit]:
        """The cells of the coded row named by its 类 / 款 / 项 names (`教育支出（类）普通教育（款）小学
        教育（项）`): the row and each of its ancestors named exactly."""
        hits = [h for h in self.by_path.get(path, []) if compatible(h.identity.context, context, strict)]
        hits = [h for h in _principal(hits) if h.quantity.kind in ("amount", "bare", "count")]
        return _most_specific(hits, context)

    def find_tail(self, tail: tuple[str, ...], context: Context, strict: bool = True) -> list[Hit]:
        """The cells of the coded row named by its lowest levels only (`重大公共卫生服务（项）`, `人大事务（款）
        行政运行（项）`): the rows whose path ends with those names, kept only where each table has one such row
        in the context (a 项 name under two 款, `行政运行`, names none of them)."""
        hits = [
            h
            for path, found in self.by_path.items()
            if path[-len(tail) :] == tail
            for h in found
            if compatible(h.identity.context, context, strict)
        ]
        hits = [h for h in _principal(hits) if h.quantity.kind in ("amount", "bare", "count")]
        return _most_specific(one_row_each(hits), context)

    @staticmethod
    def certain(hits: list[Hit]) -> list[Hit]:
        """The hits when they all state one value (one quantity, maybe in several tables); else none."""
        values = {h.quantity.base_value for h in hits}
        return hits if len(values) == 1 else []

    def _side(self, hit: Hit) -> tuple[Table, Side | None]:
        """The hit's table and the side of it its column is on."""
        t = next(t for t in self.tables if t.index == hit.identity.table)
        return t, _side_of(t, hit.identity.col)

    def row_cells(self, hit: Hit) -> list[Quantity]:
        """All amount figures of the hit's row (for a prose figure that matches another column)."""
        t, side = self._side(hit)
        if side is None:
            return []
        qs = [t.quantity(hit.identity.row, c.index) for c in side.columns]
        return [q for q in qs if q is not None and q.kind != "percent"]

    def total_cells(self, hit: Hit) -> list[Quantity]:
        """The figures of the hit's column in its side's total rows (合计, 总计 …) other than the hit's own row."""
        t, side = self._side(hit)
        if side is None:
            return []
        qs = [t.quantity(r.index, hit.identity.col) for r in side.rows if r.total and r.index != hit.identity.row]
        return [q for q in qs if q is not None]


def one_row_each(hits: list[Hit]) -> list[Hit]:
    """The hits when no table has them in two coded rows, else none: a name borne by two rows of a classification
    (the same 项 under two 款) does not say which one it is."""
    rows: dict[int, set[int]] = {}
    for h in hits:
        if h.identity.code:
            rows.setdefault(h.identity.table, set()).add(h.identity.row)
    return [] if any(len(r) > 1 for r in rows.values()) else hits


def _most_specific(hits: list[Hit], query: Context) -> list[Hit]:
    """The hits whose context states the most of what the query states: a query for 一般公共预算财政拨款
    基本支出 is the cell of the 一般公共预算财政拨款 table, not the department's 基本支出 over every fund."""

    if not hits:
        return []  # (most prose labels name no cell)
    stated = [f for f in FIELDS if getattr(query, f) not in (None, MIXED)]
    scores = [sum(1 for f in stated if getattr(h.identity.context, f) is not None) for h in hits]
    best = max(scores)
    return [h for h, s in zip(hits, scores) if s == best]


def _principal(hits: list[Hit]) -> list[Hit]:
    """Per row, the 合计 column's cell when there is one, else the row's cells (left for the caller)."""
    rows: dict[tuple[int, int], list[Hit]] = {}
    for h in hits:
        rows.setdefault((h.identity.table, h.identity.row), []).append(h)
    out = []
    for cells in rows.values():
        totals = [h for h in cells if h.identity.column == "合计"]
        out += totals[:1] if totals else cells
    return out


# a table titled for one kind of spending (`项目支出预算表`, `一般公共预算基本支出决算表`): its 合计 row is that whole;
# not a table of some projects only (`重点项目支出预算表`, `部分项目…`)
TITLED_WHOLE = regex(
    r"(?<!重点)(?<!主要)(?<!部分)(?<!重大)(?<!新增)(?<!其他)(?P<whole>项目支出|基本支出)(?:预算|决算)?(?:明细)?表$"
)
BARE_TOTALS = ("合计", "总计")


def _titled_whole(table: Table) -> str:
    """The kind of spending a table's title names it for, "" none (its rows total that kind's spending)."""
    found = TITLED_WHOLE.search(re.sub(r"[\s（(][^（）()]*[）)]?$|\s+", "", table.title))
    return found.group("whole") if found else ""


def _sides_named(table: Table) -> dict[int, str]:
    """收入 or 支出 by grid column, for a two-sided table whose one side's totals name 收入 alone and the other's 支出
    alone (`本年收入合计 | … | 本年支出合计`, its headers saying no more than `项目 | 决算数`); else nothing."""
    if len(table.sides) != 2:
        return {}
    named = [{w for r in s.rows if r.total for w in ("收入", "支出") if w in r.label} for s in table.sides]
    if named[0] | named[1] != {"收入", "支出"} or len(named[0]) != 1 or len(named[1]) != 1:
        return {}
    return {c.index: next(iter(words)) for s, words in zip(table.sides, named) for c in s.columns}


def _column_item(table: Table, hit: Hit) -> str:
    side = _side_of(table, hit.identity.col)
    col = side.column(hit.identity.col) if side else None
    texts = [p for p in col.path if p] if col else []
    return texts[-1] if texts else ""


def _side_of(table: Table, col: int) -> Side | None:
    return next((s for s in table.sides if s.column(col) is not None), None)
