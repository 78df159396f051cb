"""The relations a table's structure implies, each between grid cells: a parent row and its direct
children, a 合计 row and the rows it totals, a row's 合计 column and its component columns, and the
standard identities of the table's kind (`identities.py`). The checks judge them; only relations whose
structure was read with certainty are made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from tieout.linter.patterns import regex
from tieout.linter.vocab import load, wordings

from .cells import flatten
from .halves import whole_total
from .headed import subtotal_group
from .header import part_name
from .model import Column, Row, Side, Table
from .spans import crossfoot_groups
from .stacked import block_openers
from .vocab import (
    PART_HEADING,
    PARTS_OF_ABOVE,
    PERCENT_NOTE,
    defined_sums,
    overall_score,
    rate_heading,
    total_words,
    weight_noted,
    words,
)

NOT_ITEMISED = words("not_itemised")
OPTIONAL = "optional"  # a component of a defined sum that may be missing (linter/vocab/sums.yaml)
# a row label's enumeration mark (一、 （一） 1．), no part of the item it names
ITEM_MARK = regex(
    r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．](?!\d))"
)

SOME_OF_ABOVE = ("其中", "含")  # (of those, the rows naming some of the items of the row above)
# the marks of PARTS_OF_ABOVE as a mark (`其中：`, `减：`), not as the first character of a name (`加格达奇区`)
PART_MARK = regex(r"^(?:其中|含|减|加)[：:]?(?![\u4e00-\u9fff])|^其中")
Cellref = tuple[int, int]  # (grid row, grid column)
SUMMABLE = ("total", "amount", "")
# trees read from the layout alone, not from what the labels say: the indentation of extracted text, or the runs of
# items under the parts of a defined sum in a flat list (`rows.defined_tree`); a grouping of theirs counts only where
# it holds in another column of the row
LOOSE_TREES = ("indent", "defined", "summed")


@dataclass
class Relation:
    """A relation a table states among its cells: a total and its parts with their signs, and how sure their grouping
    is."""

    kind: str  # parent, parent_prefix, total, crossfoot, balance, identity
    total: Cellref
    parts: list[Cellref]
    signs: list[int] = field(default_factory=list)  # +1 / −1 per part (identities may subtract)
    where: str = ""  # what the relation is, for messages: “201 一般公共服务支出”行
    name: str = ""  # an identity's name
    # parent_prefix only: the candidate children in order; the relation holds when some prefix sums
    candidates: list[Cellref] = field(default_factory=list)
    # the rows were grouped by position only (no codes, no numbering): a failure counts only when the same
    # grouping holds in another column of the row
    confirm: bool = False
    strict: bool = False  # confirmed only by another column (indentation of extracted text)

    def key(self) -> tuple:
        return (self.total, tuple(sorted(self.parts)))


def additive_rows(side: Side) -> list[Row]:
    """The side's rows whose figures add up across its columns: not a row of rates (`增减率（%）`, `资产负债率(%)`), nor
    of figures in per cent by its note (`营业收入增长（%）`), whose figures add into no total, across as down."""
    return [r for r in side.rows if not rate_heading(r.label) and not PERCENT_NOTE.search(flatten(r.label))]


def summable(side: Side) -> list[int]:
    return [c.index for c in side.columns if c.kind in SUMMABLE]


# a change stated in percentage points (`变动（百分点）`): a rate less a rate, added into nothing
POINTS = regex(r"百分点|[%％]")


def amount_changes(side: Side) -> list[int]:
    """The columns of a change in amount (`同比增减额`, `比上年增减`), in money or counts, not in points: a parent row's
    change is its children's changes added up, as its figures in either year are theirs (`一、税收收入` over its taxes).
    Only a row's own children add into it: a change is no component of a row's 合计 across its columns."""
    return [c.index for c in side.columns if c.kind == "delta" and not POINTS.search(c.header)]


def row_name(row: Row) -> str:
    return f"{row.code} {row.label}".strip()


def tree_relations(table: Table) -> list[Relation]:
    out: list[Relation] = []
    for side in table.sides:
        cols = summable(side)
        if not cols or side.structure in ("none", "uncertain"):
            continue
        open_rows = _open(side, table.next_code) if table.open_end else set()
        # a government's tables leave classified items out; a department's show all of its own
        unpublished = frozenset() if table.department else NOT_ITEMISED
        parents = _parents(side, cols + amount_changes(side), unpublished)
        out += [r for r in parents if r.total[0] not in open_rows]
        if side.structure in ("plain", "indent"):
            # (a group the indentation of a page gave already is not said twice)
            keys = {r.key() for r in out}
            out += [r for r in _own_level_groups(side, cols, table) if r.key() not in keys]
        levels = _whole_own_rest(side, cols, table)
        groups = _group_heads_totals(side, table)
        if levels:
            out += levels
        elif groups[0]:
            out += _headed_groups(side, cols, groups, table)
        elif not table.goes_on and not table.open_start:
            # a 合计 of a table continued from (or on) another page totals rows of the other piece too
            if not (side.structure == "summed" and restated_roots(table, side)):
                out += _totals(side, cols, table, _shared_totals(table, side))
        elif not table.goes_on:
            out += _closed_groups(side, _totals(side, cols, table))
    return out


def _closed_groups(side: Side, totals: list[Relation]) -> list[Relation]:
    """Of the totals of a piece going on from a page not joined to it, the 小计 of the groups begun and closed on it
    (`…过程小计 / 产出 rows / 产出小计`): each sums the rows since the 小计 before it, all on the piece. The first group's
    rows may begin on the page before, and a 合计 sums rows of both pages: neither is checked. Only where the piece
    opens with items that a 小计 closes (its 小计 close their groups, not open them)."""
    rows = side.rows
    closing = [k for k, r in enumerate(rows) if r.total]
    if not closing or closing[0] == 0:
        return []
    at = {r.index: k for k, r in enumerate(rows)}
    out = []
    for rel in totals:
        t = at[rel.total[0]]
        before = [k for k in closing if k < t]
        if rows[t].total != "sub" or not before or any(rows[k].total != "sub" for k in before):
            continue
        if all(before[-1] < at[p[0]] < t for p in rel.parts):
            out.append(rel)
    return out


def restated_roots(table: Table, side: Side) -> bool:
    """Does a row the sums left at the top restate the row right under it in every column (`教育支出 | | | 700`
    over `超长期特别国债安排的支出 | | | 700`)? It is that row's parent (a 类 over its one 款) or its sibling, which
    the sums cannot tell; a 合计 of the top rows would count the one or both: it is not summed."""
    cols = summable(side)
    rows = side.rows
    for k in range(len(rows) - 1):
        a, b = rows[k], rows[k + 1]
        if a.parent is not None or a.total or b.total:
            continue
        cells = [(table.cell(a.index, c), table.cell(b.index, c)) for c in cols]
        texts = [(x.text if x else "", y.text if y else "") for x, y in cells]
        if all(x == y for x, y in texts) and any(x for x, _ in texts):
            return True
    return False


def _shared_totals(table: Table, side: Side) -> dict[int, Cellref]:
    """`| 当年支出小计 |  |  | 13,377.11 |` under 支出 by 功能分类 | 金额 | 支出用途 | 金额: the total of spending written
    once for both of its classifications, in the last one's column (a merged cell). Each classification sums the
    same spending, so that figure totals the first one's rows too. Of a side of one figure column whose total
    rows are blank in it: each such row's figure in the next side under the same header (支出), where that side's
    row of the same line is the same total and every cell between is blank. {grid row: the figure's cell}."""
    cols = summable(side)
    if len(cols) != 1 or side not in table.sides:
        return {}
    at = table.sides.index(side)
    if at + 1 >= len(table.sides):
        return {}
    twin = table.sides[at + 1]
    other = summable(twin)
    if not other or not twin.columns or twin.columns[0].path[:1] != side.columns[0].path[:1] or not side.name:
        return {}
    same = {r.index: r for r in twin.rows if r.total}
    out: dict[int, Cellref] = {}
    for row in side.rows:
        match = same.get(row.index)
        if not row.total or not row.bare or match is None or (match.label, match.total) != (row.label, row.total):
            continue
        if table.quantity(row.index, other[0]) is None:
            continue
        if all(table.is_blank(row.index, c) for c in range(cols[0], other[0])):
            out[row.index] = (row.index, other[0])
    return out


# a group's total by the group's name (`鹤岗市合计`, `大兴安岭合计`): not a total of money of one kind
# (`一般公共预算支出合计`, `本年收入合计`) nor a 总计 closing a table (`支出总计`)
GROUP_TOTAL = regex(r"^(?![^合]*(?:收入|支出|资金|预算|本年|当年))[^合计]{2,12}合计$")


def _group_heads_totals(side: Side, table: Table) -> tuple[list[int], bool]:
    """The rows of a table by region that head each group with its total (`某某市合计` over `市本级` and the
    市's counties, then the next 市's 合计), maybe under one total of them all on the first row (`市县合计`): the
    groups' total rows, and whether the first row is that total. Read where every row is an item or such a
    total, each total naming its group (words before its 合计) with one item or more under it; rows before the
    first group's total only on a page that goes on from a table before (the end of a group begun there).
    ([], False) for any other table (a 合计 totalling the rows above it)."""
    rows = side.rows
    if side.structure != "plain" or len(rows) < 4:
        return [], False
    grand = rows[0].total == "grand" and rows[1].total == "grand"
    heads = [k for k in range(1 if grand else 0, len(rows)) if rows[k].total]
    if len(heads) < (2 if grand else 3) or heads[0] > 0 and not grand and not _opens_groups(table, rows, heads):
        return [], False
    if grand and heads[0] != 1:
        return [], False
    for a, b in zip(heads, [*heads[1:], len(rows)]):
        if not GROUP_TOTAL.match(flatten(rows[a].label)) or b - a < 2 and b < len(rows):
            return [], False
        if any(PART_MARK.match(rows[k].label) or rows[k].bare for k in range(a + 1, b)):
            return [], False  # (a row that is a part of the row above it, or a heading: no item of the group)
    return heads, grand


# the row of a region's own government (`市本级`, `行署本级`), listed first under the region's total
OWN_LEVEL = regex(r"本级$")


def _opens_groups(table: Table, rows: list[Row], heads: list[int]) -> bool:
    """May rows stand before the first group's total: the table goes on from one before, or every total is followed
    by its region's own government (`鹤岗市合计` then `市本级`), so the totals open their groups and the rows above the
    first are the end of a group begun on a page not read (a table by region over many pages)."""
    return table.open_start or all(k + 1 < len(rows) and OWN_LEVEL.search(flatten(rows[k + 1].label)) for k in heads)


def _own_level_groups(side: Side, cols: list[int], table: Table) -> list[Relation]:
    """A table by region that heads each region's rows with the region's row and its own government's right under
    it (`某某市 / 某某市本级 / 甲区 / 乙县 / 丙市 / 某某市本级 …`), its pages set flat as PDF text gives them, no indentation
    left to say the grouping: each region's row against the rows from its own government's down to the row before
    the next region's. The first such row over its own government's alone with another region's row right after (`全省 /
    省本级 / 甲市 / 甲市本级`) is the level above (it totals the regions' rows, not the one under it): not read. The last region
    only in a table read to its end. The grouping is the layout's: a failure counts only where it holds in another
    column of the row (regions whose 县 are not in the 市's figures, as some provinces publish them, fail them all)."""
    rows = side.rows
    labels = [flatten(r.label) for r in rows]
    # a row over any row of a government's own level opens a group (`湘西土家族苗族自治州 / 湘西自治州本级`, a name
    # written short): it ends the group before it, and heads one of its own where the name is the same
    opens = [
        k
        for k in range(len(rows) - 1)
        if OWN_LEVEL.search(labels[k + 1]) and not OWN_LEVEL.search(labels[k]) and not rows[k].total
    ]
    heads = [k for k in opens if labels[k + 1] == labels[k] + "本级"]
    if len(heads) < 2:
        return []
    cut = table.open_end or table.goes_on
    out: list[Relation] = []
    for a, b in zip(opens, [*opens[1:], len(rows)]):
        if a not in heads or b == a + 2 and a == heads[0] or b == len(rows) and cut:
            continue  # (a region of one government, `某某市 / 某某市本级 / 乙市`, is read after the first region's group)
        parts = range(a + 1, b)
        if any(rows[k].total or rows[k].bare or PART_MARK.match(rows[k].label) for k in parts):
            continue
        out += _grouped(rows, a, list(parts), cols)
    return out + _above_regions(rows, opens, cols, table)


def _grouped(rows: list[Row], total: int, parts: list[int], cols: list[int]) -> list[Relation]:
    """The row `total` against the rows `parts`, column by column, grouped by the layout alone: a failure counts
    only where it holds in another column of the row."""
    out: list[Relation] = []
    for c in cols:
        rel = Relation(
            "parent", (rows[total].index, c), [(rows[k].index, c) for k in parts], where=row_name(rows[total])
        )
        rel.confirm = rel.strict = True
        out.append(rel)
    return out


def _above_regions(rows: list[Row], opens: list[int], cols: list[int], table: Table) -> list[Relation]:
    """The level above a table's regions (`全省 / 省本级 / 甲市 / 甲市本级 / … / 乙市 / 乙市本级 …`): the first row, its
    own government's alone right under it and a region's row next, is the sum of its own government's row and every
    region's row (each row over a region's own government). Read only in a table read whole, from its first row to
    its last (a page not joined may hold more regions), where every row is a region's, its own government's or one of
    its counties' (no total, heading or `其中` row)."""
    if len(opens) < 3 or opens[:2] != [0, 2] or table.open_start or table.open_end or table.goes_on:
        return []
    if any(r.total or r.bare or PART_MARK.match(r.label) for r in rows):
        return []
    return _grouped(rows, 0, [1, *opens[1:]], cols)


# the row totalling the governments below a province's or a city's own level (`地市合计`, `市县小计`), third in a table
# by region under the whole's row and its own level's
REST_TOTAL = regex(r"^(?:地市|市县|市县级|县市区|县区|区县)(?:合计|小计)$")


def _whole_own_rest(side: Side, cols: list[int], table: Table) -> list[Relation]:
    """A table by region opening with the whole, its own government and the total of the governments below (`全省 /
    省本级 / 地市合计`, `某省 / 某省本级 / 市县小计`): the whole is the sum of the other two, and, where the rows after
    them are the regions alone (no region's own level under it, no total, heading or `其中` row), the third their sum.
    Read in a table read whole, the grouping the layout's: a failure counts only where it holds in another column."""
    rows = side.rows
    if side.structure != "plain" or len(rows) < 5 or table.open_start or table.open_end or table.goes_on:
        return []
    labels = [flatten(r.label) for r in rows]
    own = labels[1].removesuffix("本级")
    if own == labels[1] or own not in (labels[0], labels[0].removeprefix("全")) or not REST_TOTAL.match(labels[2]):
        return []
    out = _grouped(rows, 0, [1, 2], cols)
    rest = range(3, len(rows))
    if not any(
        rows[k].total or rows[k].bare or PART_MARK.match(rows[k].label) or OWN_LEVEL.search(labels[k]) for k in rest
    ):
        out += _grouped(rows, 2, list(rest), cols)
    return out


def _headed_groups(side: Side, cols: list[int], found: tuple[list[int], bool], table: Table) -> list[Relation]:
    """Each group's total against the rows under it up to the next group's, and the first row's total against
    the groups' totals (`_group_heads_totals`). The last group and the first row only in a table read whole
    (its total of them all on its first row, no page before or after it unjoined): a page not joined may cut
    the last group."""
    rows = side.rows
    heads, grand = found
    out: list[Relation] = []
    cut = table.open_end or table.goes_on
    whole = grand and not (cut or table.open_start)
    for a, b in zip(heads, [*heads[1:], len(rows)]):
        if b == len(rows) and not whole:
            continue  # (the last group may go on past a page the table was not joined over: its end is not seen)
        parts = list(range(a + 1, b))
        out += [
            Relation("total", (rows[a].index, c), [(rows[k].index, c) for k in parts], where=rows[a].label)
            for c in cols
        ]
    if whole:
        out += [
            Relation("total", (rows[0].index, c), [(rows[k].index, c) for k in heads], where=rows[0].label)
            for c in cols
        ]
    return out


def _open(side: Side, next_code: str = "") -> set[int]:
    """Grid rows whose children may go on in the next table: the last row's ancestors, but for those whose
    code the next page's first row does not open with (`2050999` the last here, `208` first there: 20509 and
    205 are whole here, as a class's items follow it in one run)."""
    rows = side.rows
    out: set[int] = set()
    p = rows[-1].parent if rows else None
    while p is not None and rows[p].index not in out:
        out.add(rows[p].index)
        p = rows[p].parent
    if next_code:
        out -= {r.index for r in rows if r.code and r.index in out and not next_code.startswith(r.code)}
    if rows and rows[-1].marker:
        # (an enumerated row of a level above the last's, but for one a later row of its level or above closes:
        # `一、` is whole once `二、` follows it)
        last = below = rows[-1].level  # (below: the lowest level of the rows after the one looked at)
        for r in reversed(rows[:-1]):
            if r.marker and r.level < last and r.level < below:
                out.add(r.index)
            below = min(below, r.level)
    return out


def _parents(side: Side, cols: list[int], unpublished: frozenset[str]) -> list[Relation]:
    out: list[Relation] = []
    rows = side.rows
    children: dict[int, list[int]] = {}  # side.children of every row, in one pass (not one per row)
    for j, r in enumerate(rows):
        if r.parent is not None:
            children.setdefault(r.parent, []).append(j)
    for i, row in enumerate(rows):
        if row.unsure or row.bare:
            continue  # (a group's heading has no figure to be its rows' sum)
        kids = children.get(i, [])
        if row.code in unpublished:
            continue  # its classified items are left out of public tables
        if kids and all(rows[k].label.startswith(SOME_OF_ABOVE) for k in kids):
            # (`2050204 其中：高中教育` under 20502: some of its items, named so, no sum of them; a `其中：` opening
            # a run of siblings, `其中：新增一般债券` over `再融资一般债券`, opens them all)
            continue
        if kids and (side.structure in ("code", "levels", *LOOSE_TREES) or _contiguous(side, i, kids)):
            # indentation of extracted text, unless the labels say the grouping: the parent is by definition the
            # sum of its children (基本支出 over 人员经费 and 公用经费); the same for every column of the row
            loose = _by_indentation(side, i, kids)
            for c in cols:
                rel = Relation("parent", (row.index, c), [(rows[k].index, c) for k in kids], where=row_name(row))
                rel.confirm = rel.strict = loose
                if rows[kids[0]].label.startswith(SOME_OF_ABOVE):
                    # (`其中：` opening a run of siblings may list them all, or some only: a failure counts only
                    # where another column of the row holds)
                    rel.confirm = rel.strict = True
                out.append(rel)
        elif side.structure == "enum" and row.marker and not kids:
            run = _unmarked_run(rows, i)
            if run:
                for c in cols:
                    cands = [(rows[k].index, c) for k in run]
                    out.append(Relation("parent_prefix", (row.index, c), [], where=row_name(row), candidates=cands))
    if side.structure == "enum":
        out += _group_heads(side, cols)
    return out


def _by_indentation(side: Side, i: int, kids: list[int]) -> bool:
    """Is row i the parent of its kids by the indentation of extracted text alone (a grouping another column must
    confirm), not by what the labels say: a total and its components by definition, or a 小计 over its items?"""
    rows = side.rows
    return (
        side.structure in LOOSE_TREES
        and not defined(rows[i], [rows[k] for k in kids])
        and not _subtotal_over(rows, i, kids)
    )


def _subtotal_over(rows: list[Row], i: int, kids: list[int]) -> bool:
    """Is row i a 小计 stated over its items, the rows right below it up to the next total (`住房消费类小计` over the
    kinds of withdrawal, then `非住房消费类小计`)? Its label says it is their sum, as a defined total's does: the
    grouping is not the indentation's alone, and it needs no other column to hold in."""
    end = i + 1 + len(kids)
    return rows[i].total == "sub" and kids == list(range(i + 1, end)) and (end == len(rows) or bool(rows[end].total))


def row_item(label: str) -> str:
    """A row's label as an item: its enumeration mark (一、 （一） 1．) left out."""
    return label[len(m.group()) :] if (m := ITEM_MARK.match(label)) else label


def defined(parent: Row, kids: list[Row]) -> bool:
    """Are the rows a total and its components by definition (`linter/vocab/sums.yaml`): the parent's label
    names the total, each child's one component (a different one), and every component not optional is
    there?"""
    name = row_item(parent.label)
    items = [row_item(k.label) for k in kids]
    for total, components in defined_sums():
        if name not in total:
            continue
        used: set[int] = set()
        for item in items:
            hit = next((i for i, comp in enumerate(components) if item in comp and i not in used), None)
            if hit is None:
                break
            used.add(hit)
        else:
            if all(i in used or OPTIONAL in comp for i, comp in enumerate(components)):
                return True
    return False


def _contiguous(side: Side, i: int, kids: list[int]) -> bool:
    """Enumerated children with nothing between them but their own descendants (marked rows)."""
    for j in range(i + 1, kids[-1] + 1):
        r = side.rows[j]
        if not r.marker or r.total:
            return False
    return True


def _unmarked_run(rows: list[Row], i: int) -> list[int]:
    """The unmarked item rows right after a marked row (一、税收收入 then 增值税, 企业所得税 …)."""
    run = []
    for j in range(i + 1, len(rows)):
        if rows[j].marker or rows[j].total:
            break
        run.append(j)
    return run


def _group_heads(side: Side, cols: list[int]) -> list[Relation]:
    """An unmarked row followed by a run of top-level items numbered from 一 again: the run's parent
    (年初财政拨款结转和结余 then 一、一般公共预算财政拨款 二、…)."""
    out = []
    rows = side.rows
    for i in range(len(rows) - 1):
        head, nxt = rows[i], rows[i + 1]
        if (
            head.marker
            or head.total
            or not nxt.marker
            or nxt.level != 0
            or not nxt.label.startswith(("一", "（一", "1"))
        ):
            continue
        if not any(rows[j].total or rows[j].marker for j in range(i)):
            continue  # the table's first rows: a heading row, not a restart
        run = []
        for j in range(i + 1, len(rows)):
            if not rows[j].marker or rows[j].total:
                break
            if rows[j].level == 0:
                run.append(j)
        for c in cols:
            rel = Relation("parent", (head.index, c), [(rows[k].index, c) for k in run], where=row_name(head))
            # a list numbered from 一 again may as well start a new part of the table (转移收入, then 一、某某
            # 基金收入): the grouping counts only where it holds in some column of the row
            rel.confirm = rel.strict = True
            out.append(rel)
    return out


def _totals(side: Side, cols: list[int], table: Table, shared: dict[int, Cellref] | None = None) -> list[Relation]:
    out: list[Relation] = []
    shared = shared or {}
    open_end = table.open_end
    for t, row in enumerate(side.rows):
        if not row.total or row.whole:
            continue  # (the total of a table's halves totals no rows of its own half: whole_relations)
        if open_end and t < len(side.rows) - 1:
            continue  # (a 合计 above rows that go on past what was read totals rows not read)
        top = _total_parts(side, t)
        # (a 小计 under a row that stands alone, `返还性收入` heading the table: its figures say which rows it closes)
        parts = subtotal_group(table, side, t, _headings_opened(side.rows, top), cols)
        if not parts:
            continue
        # rows grouped by position only, unless the numbering of groups' headings and their rows says it too
        plain = side.structure in ("plain", *LOOSE_TREES) and not (parts != top and _numbered(side.rows, top, parts))
        # (a total stated first over groups each opened by its 小计: the labels say the grouping, not the position)
        plain = plain and not (side.structure == "plain" and _subtotals_below(side.rows, t))
        # numbered rows with unnumbered ones under them (一、税收收入 / 增值税 / … / 二、非税收入 / …): the unnumbered
        # ones are taken for the items of the numbered row above them, as its sum in the table says (parent_prefix)
        # they may be; an unnumbered row that stands beside the numbered ones would make the sum fall short in
        # every column, so a failure counts only where the sum holds in another column
        loose = side.structure == "enum" and any(
            not side.rows[k].marker for k in _segment(side.rows, t, row.total == "grand")
        )
        for c in cols:
            total = shared.get(row.index, (row.index, c))
            rel = Relation("total", total, [(side.rows[k].index, c) for k in parts], where=row.label)
            rel.confirm = plain or loose
            rel.strict = side.structure in LOOSE_TREES or loose
            out.append(rel)
    return out


def _headings_opened(rows: list[Row], parts: list[int]) -> list[int]:
    """The rows a total sums, a group's heading without figures (`（一）预算编制和执行`, its cells empty) replaced by
    the rows under it: they hold the group's figures (a heading with no rows under it stays, a blank part)."""
    out: list[int] = []
    for k in parts:
        kids = [j for j, r in enumerate(rows) if r.parent == k] if rows[k].bare else []
        if rows[k].bare and not kids and part_name(rows[k].label):
            # (a statement's part named with a colon, `非流动资产：`, or a group's name in brackets, `【过程】`: it names
            # the rows after it, no blank item)
            continue
        out += _headings_opened(rows, kids) if kids else [k]
    return out


def _numbered(rows: list[Row], top: list[int], parts: list[int]) -> bool:
    """Does the numbering of the labels say which rows a total sums, as the indentation does: the top rows (the
    groups' headings among them) numbered in one style, the rows that stand for a heading in another
    (`（一）预算编制和执行` over `1.预算编制不精准`)?"""
    styles = {rows[k].marker for k in top}
    if len(styles) != 1 or "" in styles:
        return False
    return all(rows[k].marker and rows[k].marker not in styles for k in parts if k not in top)


# a row's own unit in brackets at the end of its name, a rate or an amount per something (`（元/股）`, `（%）`,
# `(次/年)`): its figure is no amount, whatever unit the table states
OWN_RATE_UNIT = regex(r"[（(][^（()）]*(?:/|%|％|百分点)[^（()）]*[)）]$")


def _total_parts(side: Side, t: int) -> list[int]:
    """The rows a total row sums, when the structure says so with certainty; [] otherwise."""
    rows = side.rows
    row = rows[t]
    if _named_before_total(rows, t):
        return []
    if row.total == "sub" and row.label.strip().startswith(SOME_OF_ABOVE):
        # (`其中：区县小计` below 市本级 and the counties: the subtotal of some of the rows above, which ones the
        # layout does not say; the 合计 still sums the rows)
        return []
    if side.structure == "code":
        return _coded_total_parts(rows, t)
    segment = _past_own_level(rows, t, _segment(rows, t, row.total == "grand"))
    if any(rows[k].unsure for k in segment):
        return []
    if any(OWN_RATE_UNIT.search(flatten(rows[k].label)) for k in segment):
        # (`营业收入 / 净利润 / 基本每股收益（元/股） / 研发投入合计`: a row stating its figure per share or as a
        # percentage is no amount a total adds; the rows are a list of indicators, not the total's items)
        return []
    if side.structure in ("levels", *LOOSE_TREES):
        # (rows under a subtotal stated before them, `乡镇小计` over its 乡镇, are items of the total as the rows
        # above it are: the total sums the items, the subtotal is checked against its own)
        top = [k for k in segment if (up := rows[k].parent) is None or rows[up].total]
        # (`其中：…` in line with the rows: a part of the row above it, no row of the total's own)
        return [] if any(rows[k].label.startswith(PARTS_OF_ABOVE) for k in top) else top
    if side.structure == "enum":
        if segment and not rows[segment[0]].marker:
            return []  # an unmarked row first among the items: its place is not known
        return [k for k in segment if rows[k].level == 0 and rows[k].marker]
    return _listed_parts(side, t, segment)


def _listed_parts(side: Side, t: int, segment: list[int]) -> list[int]:
    """The rows a total of a side with neither codes nor a tree sums: its 小计 rows where each opens a group (stated
    first under it), else the rows of its segment, unless the layout leaves that open."""
    rows = side.rows
    if side.structure == "plain" and (subtotals := _subtotals_below(rows, t)):
        return subtotals
    if any(rows[k].label.startswith(PARTS_OF_ABOVE) for k in segment):
        return []
    if all(not rows[k].label and not rows[k].code for k in segment):
        return []  # figures under a 合计 naming no item (what a page kept of a table's rows): which items, unknown
    if rows[t].total == "grand" and t not in block_openers(rows) and any(_stated_first(rows, k) for k in range(t)):
        return []  # a total stated first, then another total below: which rows the second sums is not known
    return _group_of(rows, t, segment) if rows[t].total == "sub" else segment


def _subtotals_below(rows: list[Row], t: int) -> list[int]:
    """`收入总计 / 小计 / A / B / 小计 / C / 小计 / 其中：D`: a grand total stated first, the rows under it groups each
    opened by its 小计 (the group named in the column before it), the first right under the total: it totals the
    小计 rows (each totals its own rows; a group's `其中` row is a part of its 小计, of no other row). [] unless two
    小计 or more so follow it."""
    if rows[t].total != "grand" or _segment_above(rows, t) or t + 1 >= len(rows) or rows[t + 1].total != "sub":
        return []
    found: list[int] = []
    for k in range(t + 1, len(rows)):
        if rows[k].total == "grand":
            break
        if rows[k].total == "sub":
            if rows[k].label.startswith(SOME_OF_ABOVE):
                return []  # (`其中：区县小计`: a subtotal of some of the rows above, no group of its own)
            found.append(k)
    return found if len(found) >= 2 else []


def _under_own_total(rows: list[Row], t: int) -> bool:
    """`| 人员经费合计 | … | 公用经费合计 | … |` then `| 基本支出合计 | | | | | T |`: is the total right under the side's
    own, of another name? It totals the sides' totals (the figure stated once, in the last side's column), not
    this side's rows."""
    return t > 0 and rows[t].total == rows[t - 1].total == "grand" and rows[t - 1].label != rows[t].label


def _group_of(rows: list[Row], t: int, segment: list[int]) -> list[int]:
    """A score table's 小计 closes the rows of one first-level indicator: where every row names its own (`| 产出指标
    | 数量指标 | …`), those naming the one the 小计 does (`产出指标小计`); else, merged cells left blank, those from
    the last row opening one (two rows at least), not the rows of an indicator before it with no 小计 of its own
    (`预算执行` over `产出指标 …`), the 小计 naming that indicator if it names one. A 小计 named for one indicator over
    rows of others sums which, the layout does not say. The grouping is confirmed as any plain one is (it holds
    in a column: the 分值 its rows add up to). A 小计 stated first, over its indicator's rows (`| 效益指标 | 小计 |`),
    closes them where a row opens another indicator (`| 满意度指标 | 服务对象满意度 |`)."""
    if segment and segment[0] > t:
        own = rows[t].group or _total_stem(rows[t].label)
        other = next((i for i, k in enumerate(segment) if rows[k].group not in ("", own)), len(segment))
        return segment[:other]
    opening = [k for k in segment if rows[k].group]
    if not opening:
        return segment
    stem = _total_stem(rows[t].label)
    if stem and len(opening) == len(segment):
        return [k for k in segment if rows[k].group == stem]
    group = [k for k in segment if k >= opening[-1]]
    if len(group) >= 2 and stem in ("", rows[opening[-1]].group):
        return group
    return [] if stem and any(rows[k].group not in ("", stem) for k in segment) else segment


def _coded_total_parts(rows: list[Row], t: int) -> list[int]:
    """A coded side's 合计 sums its 类 rows, when every item row has a code and the 合计 is the only one."""
    row = rows[t]
    if row.total != "grand" or any(not r.code and not r.total for r in rows) or _under_own_total(rows, t):
        return []
    if any(r.total == "grand" for k, r in enumerate(rows) if k != t and _same_label(r, row)):
        return []
    return [k for k, r in enumerate(rows) if r.code and r.parent is None]


def _named_before_total(rows: list[Row], t: int) -> bool:
    """Is the row a total named for a part of the items (`人员经费合计`, `公用经费合计`) stacked over another total
    (`基本支出合计`)? Such rows sum the classes their name takes in (人员经费: 工资福利支出 and 对个人和家庭的补助),
    not every row above; which ones, the table does not say."""
    nxt = rows[t + 1] if t + 1 < len(rows) else None
    if nxt is None or nxt.whole or nxt.total != "grand" or rows[t].total != "grand" or _after_sibling(rows, t):
        return False
    if _sibling_totals(rows, t):
        # (`流动负债合计 / … / 非流动负债合计 / 负债合计 / 净资产合计`: the totals right above are its parts)
        return False
    name = flatten(rows[t].label)
    return name not in total_words()[0] and name.removesuffix("合计").removesuffix("总计") != ""


def _segment_above(rows: list[Row], t: int) -> bool:
    return t > 0 and not rows[t - 1].total


def _opens_run(rows: list[Row], t: int) -> bool:
    """Do item rows follow a 小计 up to the table's end or its 合计, no other 小计 closing them (`市级`, `区县小计`,
    then the counties: a subtotal written before its items)?"""
    below = []
    for r in rows[t + 1 :]:
        if r.total == "sub":
            return False
        if r.total == "grand":
            break
        below.append(r)
    return len(below) >= 2


def _stacked(rows: list[Row], first: int, t: int) -> bool:
    """Is the 总计 at t stacked on the 合计 at `first`, a total of the rows above it (not a total stated first)?"""
    closes = _segment_above(rows, first) or bool(_sibling_totals(rows, first))  # (`负债合计` over its two totals)
    return "总计" in rows[t].label and "合计" in rows[first].label and closes


def _named_subtotal(rows: list[Row], first: int, t: int) -> bool:
    """Is the total at `first` a subtotal of one kind of what the total at t sums (`税收收入合计` closing the taxes
    above it, then `非税收入`, then `收入合计`): named for a narrower item that ends with the wider one's name?
    Then the wider total adds the rows after the subtotal to it."""
    if not _segment_above(rows, first):
        return False
    narrow = _total_stem(rows[first].label)
    wide = _total_stem(rows[t].label)
    return bool(narrow) and len(narrow) > len(wide) and narrow.endswith(wide)


# a row of the government's own level, as a table by region names it (`市本级`, `本级`, or `市级` alone)
OWN_GOVERNMENT = regex(r"本级$|^[省市县区州盟旗]级$")


def _past_own_level(rows: list[Row], t: int, segment: list[int]) -> list[int]:
    """A subtotal named for a group of regions (`县区小计`, `乡镇小计`) closes the regions above it, not the row of the
    government's own level they are listed under (`市本级 / 甲区 / 乙县 / 县区小计 / 全市合计`: the own level is no
    county; the 全市 total adds the two). The own level's rows opening the segment are left out; one further down
    (where the layout puts it among the regions) leaves which rows the subtotal closes unknown."""
    stem = _total_stem(rows[t].label)
    if rows[t].total != "sub" or not stem or OWN_GOVERNMENT.search(stem):
        return segment
    own = [i for i, k in enumerate(segment) if OWN_GOVERNMENT.search(flatten(rows[k].label))]
    if not own:
        return segment
    if own != list(range(len(own))):
        return []
    return segment[len(own) :]


def _total_stem(label: str) -> str:
    """A total row's name without its total word (`税收收入合计` → 税收收入; `合计` → "")."""
    return flatten(label).removesuffix("合计").removesuffix("总计").removesuffix("小计")


def _same_label(a: Row, b: Row) -> bool:
    return a.label == b.label


def _item_of_grand(rows: list[Row], k: int, t: int) -> bool:
    """Is the row one the grand total at t over 小计 rows adds: an item, or the one 小计 between the 小计 closing the
    items and the total, which closes no row of its own (`A / B / 税收收入小计 / 非税收入小计 / 合计`: a kind written
    as its own subtotal, with no items)? A run of several (`投入小计 / 过程小计 / 产出小计 / 合计`, a flattened table's
    groups) leaves which rows the total adds open: none taken."""
    if not rows[k].total:
        return True
    return rows[k].total == "sub" and k == t - 1 and k >= 2 and rows[k - 1].total == "sub" and not rows[k - 2].total


def _segment(rows: list[Row], t: int, grand: bool) -> list[int]:
    """The item rows a total row closes: those since the previous total (or, for a total that comes first,
    those after it up to the next one); a grand total over 小计 rows takes the items, not the 小计."""

    def stop(r: Row) -> bool:
        return r.total == "grand" or (not grand and r.total == "sub")

    first = _stated_first_segment(rows, t, grand, stop)
    if first is not None:
        return first
    above = []
    closed_by = None
    for k in range(t - 1, -1, -1):
        if stop(rows[k]):
            closed_by = k
            break
        above.append(k)
        if rows[k].after_gap:
            break  # an empty row above it closes the list
    if above and not grand and _opens_run(rows, t):
        return []  # items above and a run below that no other 小计 closes: which of them it sums is not known
    if above and closed_by is not None and (_stacked(rows, closed_by, t) or _named_subtotal(rows, closed_by, t)):
        # `收入合计 1,000 / 转移性收入 1,000 / 收入总计 2,000`: the 总计 adds what follows the 合计 to it
        return [closed_by, *sorted(k for k in above if _item_of_grand(rows, k, t))]
    if above:
        return sorted(k for k in above if _item_of_grand(rows, k, t))
    if grand and closed_by == t - 1 and _segment_above(rows, closed_by):
        # `流动资产合计 / 固定资产… / 非流动资产合计 / 资产总计 / 应付… / 负债合计`: a total right under a total that
        # closes the rows above it totals totals, not the rows after it (a total stated first opens its rows): the
        # totals that close every row above it one run each, where there are such (else which, it does not say)
        siblings = _sibling_totals(rows, t)
        # (`资产总计 / … / 负债合计 / 所有者权益合计`: a total named for a thing totals that thing's rows, not the totals of
        # other things above it; its parts' totals are named for it, `非流动资产合计` under `资产总计`)
        return siblings if all(_totals_named_alike(rows[t], rows[k]) for k in siblings) else []
    return _segment_below(rows, t, stop)


def _stated_first_segment(rows: list[Row], t: int, grand: bool, stop: Callable[[Row], bool]) -> list[int] | None:
    """The rows of a total stated first over them where the layout says so; None where it does not."""
    if grand and _group_totals_first(rows):
        # (`市县合计 / 东江市合计 / 市本级 / 东平县 / 西川市合计 / …`: the whole and each group's total stated first over
        # its rows, a table's pages joined: the whole sums the groups' totals, each group's total the rows after it)
        return _group_segment(rows, t, stop)
    if grand and t in block_openers(rows):
        # (`收入合计 / 税收收入 / … / 支出合计 / 教育支出 / …`: each total stated first over its own block)
        return _segment_below(rows, t, stop)
    if not grand and rows[0].total == "sub":
        if len(rows) > 1 and rows[1].total:
            # (`现金流入小计 / 现金流出小计 / 现金流量净额`: a 小计 right under the first one, which then opens no rows,
            # says they are not stated over rows; an excerpt of a statement that left their items out: none known)
            return []
        # (`小计 / A / B / 小计 / C / D / 合计`: a side opening with a 小计 states each one first, over its rows)
        return _segment_below(rows, t, stop)
    return None


# the characters of a thing's name that say what kind of thing it is (`收入` of 税收收入, `资产` of 流动资产)
NAME_HEAD = 2
# the word closing a total's name (`资产总额`, `负债合计`)
TOTAL_WORD_END = regex(r"(?:合计|总计|小计|总额)$")


def _named_for(label: str) -> str:
    """What a total row is named for (`资产总额` → 资产, `合计` → "")."""
    return TOTAL_WORD_END.sub("", flatten(label))


def _totals_named_alike(total: Row, part: Row) -> bool:
    """Can the total row be named for what the part total is a part of: either unnamed (`合计`, `总计`), one name
    holding the other (`负债和所有者权益` over `负债`, `资产` over `非流动资产`), or both naming the same kind of thing
    (`本年收入` over `非税收入`)?"""
    whole, part_stem = _named_for(total.label), _named_for(part.label)
    if not whole or not part_stem or whole in part_stem or part_stem in whole:
        return True
    return whole[-NAME_HEAD:] == part_stem[-NAME_HEAD:]


def _group_totals_first(rows: list[Row]) -> bool:
    """Does the side open with a 合计 right over a group's 合计 named for the group (`市县合计` over `东江市合计`), with
    rows after it: the whole and each group's total stated first?"""
    if len(rows) < 3 or rows[0].total != "grand" or rows[1].total != "grand" or rows[2].total:
        return False
    group = _total_stem(rows[1].label)
    return "合计" in rows[0].label and rows[1].label.strip().endswith("合计") and len(group) >= 2


def _group_segment(rows: list[Row], t: int, stop: Callable[[Row], bool]) -> list[int]:
    """Under `_group_totals_first`: the groups' totals for the whole (the first row), the rows after it for a group's."""
    return [k for k in range(1, len(rows)) if rows[k].total == "grand"] if t == 0 else _segment_below(rows, t, stop)


def _segment_below(rows: list[Row], t: int, stop: Callable[[Row], bool]) -> list[int]:
    """The item rows a total stated first opens: those after it up to the next total or empty row."""
    below: list[int] = []
    for k in range(t + 1, len(rows)):
        if stop(rows[k]) or (below and rows[k].after_gap):
            if _stacked_on_top(rows, t, k):
                return []
            break
        below.append(k)
    return [k for k in below if not rows[k].total]


def _stated_first(rows: list[Row], k: int) -> bool:
    """Is row k a grand total stated before its rows: none above it, nor totals it totals?"""
    return rows[k].total == "grand" and not _segment_above(rows, k) and not _sibling_totals(rows, k)


def _sibling_totals(rows: list[Row], t: int) -> list[int]:
    """The totals above t, each closing the run of item rows right above it, that together close every row from
    the table's first, or from a total of totals above them (`流动资产合计`, `非流动资产合计` under `资产总计`;
    `流动负债合计`, `非流动负债合计` under `负债合计` below 资产总计); [] unless two or more do."""
    found: list[int] = []
    k = t - 1
    while k >= 0:
        if found and rows[k].total and not _segment_above(rows, k):
            break  # (a total of totals above, `资产总计` over `流动负债合计 / … / 非流动负债合计 / 负债合计`: the block's edge)
        if not rows[k].total or not _segment_above(rows, k):
            return []
        found.append(k)
        k -= 1
        while k >= 0 and not rows[k].total:
            k -= 1
    return sorted(found) if len(found) >= 2 else []


def _after_sibling(rows: list[Row], t: int) -> bool:
    """Is the run of item rows above t closed above by a total that closes items of its own (`流动资产合计 / … /
    非流动资产合计`)? Then the rows between are that total's own."""
    k = t - 1
    while k >= 0 and not rows[k].total:
        k -= 1
    return 0 <= k < t - 1 and _segment_above(rows, k)


def _stacked_on_top(rows: list[Row], t: int, k: int) -> bool:
    """Is the 总计 at k stacked on a 合计 stated first at t (`本年收入合计 / 年初结转和结余 / 总计`: the 合计 is the
    总计's first part, its own items not shown)? Then whether the rows between are the 合计's items or added to
    it is not known."""
    return t == 0 and rows[k].total == "grand" and "总计" in rows[k].label and "合计" in rows[t].label


def crossfoot_relations(table: Table) -> list[Relation]:
    out: list[Relation] = []
    if table.goes_on and not table.rows_go_on:
        # (the table goes on in a piece that could not be read, which may hold its other columns: a table too wide
        # for its page, `收入决算表` / `（本表续下页）` / `收入决算表（续）`, the columns a total sums in both halves; not
        # where that piece repeats its header line: there its rows go on)
        return out
    for side in table.sides:
        rows = additive_rows(side)
        for total, parts in crossfoot_groups(side.columns):
            header = total.header  # joined from the header path: once per column, not once per row
            for row in rows:
                out.append(
                    Relation(
                        "crossfoot",
                        (row.index, total.index),
                        [(row.index, p.index) for p in parts],
                        where=f"{row_name(row)}｜{header}",
                    )
                )
    return out


def _scope_splits() -> dict[str, tuple[str, frozenset[str]]]:
    """Each whole's own level and the names of the levels below it (one, or a list of them)."""
    found = load("tables").get("scope_splits") or {}
    return {
        str(k): (str(v[0]), frozenset(str(w) for w in (v[1] if isinstance(v[1], list) else [v[1]])))
        for k, v in found.items()
        if v and len(v) == 2
    }


SCOPE_SPLITS = _scope_splits()
SCOPE_NAMES = {flatten(w): k for k, ws in wordings("context", "scope").items() for w in ws}


def scope_relations(table: Table) -> list[Relation]:
    """`全省 | … ` / `省本级 | …` / `市县 | …`: a row naming a jurisdiction as a whole, the two rows right under it
    naming its own level and the levels below (vocab tables.yaml scope_splits, in either order), is their sum in
    each figure column, by definition."""
    out: list[Relation] = []
    for side in table.sides:
        cols = summable(side)
        rows = side.rows
        names = [SCOPE_NAMES.get(flatten(r.label)) for r in rows]  # each row's jurisdiction, read once a row
        for i, row in enumerate(rows[: len(rows) - 2]):
            parts = SCOPE_SPLITS.get(names[i] or "")
            if parts is None or not _own_and_below(names[i + 1 : i + 3], *parts):
                continue
            out += [
                Relation("total", (row.index, c), [(r.index, c) for r in rows[i + 1 : i + 3]], where=row.label)
                for c in cols
            ]
    return out


# a place below a jurisdiction named by its name (`桐城区`, `双河县`, `青州市`, `科右中旗`): a name, then its level
PLACE = regex(r"^[\u4e00-\u9fff]{2,8}(?:县|区|市|旗)$")
MIN_PLACES = 3  # a table of places by name lists more than a pair (two rows may be any two items)


def place_relations(table: Table) -> list[Relation]:
    """`市本级 | … / 桐城区 | … / 双河县 | … / 全市 | …`: the row naming a jurisdiction as a whole (the side's first
    or last) in a table whose every other row names its own level (once at most) or a place below it by its name
    is their sum in each figure column: a table of the government's figures by place lists every place. Not read
    where any other row is a total, a subtotal, a part of another, or a level word (`县区`: its places again)."""
    out: list[Relation] = []
    for side in table.sides:
        cols, rows = summable(side), side.rows
        if not cols or len(rows) < MIN_PLACES + 1:
            continue
        for whole, others in ((rows[-1], rows[:-1]), (rows[0], rows[1:])):
            parts = SCOPE_SPLITS.get(SCOPE_NAMES.get(flatten(whole.label)) or "")
            if parts is not None and not whole.total and _places(others, parts[0]):
                out += [
                    Relation("total", (whole.index, c), [(r.index, c) for r in others], where=whole.label) for c in cols
                ]
    return out


def _places(rows: list[Row], own: str) -> bool:
    """Are the rows the whole's own level (once at most) and places named by their names (three at least)?"""
    if any(r.total or r.parent is not None or r.level or r.bare for r in rows):
        return False
    names = [flatten(r.label) for r in rows]
    own_rows = [n for n in names if SCOPE_NAMES.get(n) == own]
    places = [n for n in names if n not in SCOPE_NAMES and PLACE.match(n)]
    return len(own_rows) <= 1 and len(places) >= MIN_PLACES and len(own_rows) + len(places) == len(names)


def _own_and_below(names: list[str | None], own: str, lower: frozenset[str]) -> bool:
    """Do the two scope names (of the rows under a whole) name its own level and the levels below, either first?"""
    return len(names) == 2 and any(a == own and b in lower for a, b in (names, names[::-1]))


FULL_MARKS = Decimal(100)  # what an evaluation's indicators weigh together


def score_relations(table: Table) -> list[Relation]:
    """An evaluation's overall score column (`自评得分`, `总分（100分）`) against the columns right before it that
    each note the weight of an indicator (`产出指标（50分）`, `效益指标（30分）`): where those weights make exactly
    the score's own (100 unless its heading notes another), every indicator is among them, and each row's score
    is their points added up. No other column of the side notes a weight, and one column only is such a score."""
    out: list[Relation] = []
    for side in table.sides:
        found = _score_columns(side.columns)
        if found is None:
            continue
        total, parts = found
        for row in side.rows:
            cells = [(row.index, p.index) for p in parts]
            out.append(Relation("crossfoot", (row.index, total.index), cells, where=f"{row_name(row)}｜{total.header}"))
    return out


def _score_columns(columns: list[Column]) -> tuple[Column, list[Column]] | None:
    scores = [k for k, c in enumerate(columns) if c.path and overall_score(c.path[-1])]
    noted = [k for k, c in enumerate(columns) if c.path and weight_noted(c.path[-1]) is not None]
    if len(scores) != 1:
        return None
    k = scores[0]
    run = [j for j in noted if j < k]
    if len(run) < 2 or run != list(range(k - len(run), k)) or any(j > k for j in noted):
        return None  # (weights apart from the score, or after it: which of them it adds up is not said)
    own = weight_noted(columns[k].path[-1]) or FULL_MARKS
    weights = [weight_noted(columns[j].path[-1]) or Decimal(0) for j in run]
    if sum(weights) != own:
        return None  # (some indicators are not in the table, or are counted twice)
    return columns[k], [columns[j] for j in run]


GRAND_TOTALS = ("总计", "收入总计", "支出总计")
# a budget balances: its 收入合计 is its 支出合计 (a 决算's are not: the year leaves a balance)
BUDGET_TOTALS = ("收入合计", "支出合计")


def balance_relations(table: Table) -> list[Relation]:
    """收入总计 = 支出总计: the 总计 rows of the two sides of a two-sided table, first figure column each (or of
    the 收入 side and the one 支出 side that states it, where 支出 is shown twice: by function and by use)."""
    sides = table.sides
    if len(sides) == 1 and any(w in flatten(table.title or table.section) for w in BALANCED_TITLES):
        return _stacked_balance(table, sides[0])
    if len(sides) == 2:
        groups = [[sides[0]], [sides[1]]]
    else:
        groups = [[s for s in sides if s.name.startswith(w)] for w in ("收入", "支出")]
        if len(groups[0]) != 1 or not groups[1] or len(groups[0]) + len(groups[1]) != len(sides):
            return []
    # a department's budget balances its 收入合计 with its 支出合计; a government's local revenue does not
    # balance its spending before transfers (only its 收入总计 and 支出总计 do)
    budget = table.department and "预算" in table.title and not any(w in table.title for w in ("决算", "执行"))
    found = [_stated_total(table, group, GRAND_TOTALS) for group in groups]
    if budget and found[0] is None and found[1] is None:  # a 总计 on one side only is no other total's
        found = [_stated_total(table, group, BUDGET_TOTALS) for group in groups]
    if found[0] is None or found[1] is None:
        return []
    after = _balance_after(table, groups[1], found[1])
    if after is None:
        return []
    return [Relation("balance", found[0], [found[1], *after], where="收入总计与支出总计")]


# a table named for its balance (`收支决算平衡表`): its 收入总计 is its 支出总计 by how it is drawn up
BALANCED_TITLES = ("平衡表",)


def _stacked_balance(table: Table, side: Side) -> list[Relation]:
    """收入总计 = 支出总计 in a 平衡表 of one column of rows, the 支出 rows under the 收入 rows: the one 收入总计 row
    before the one 支出总计 row. Totals at the head of their rows (收入总计 the first row) cover the rows under
    them; totals closing their rows may leave out a balance stated right after 支出总计 (as in a two-sided table)."""
    income, spending = (_stated_total(table, [side], (w,)) for w in ("收入总计", "支出总计"))
    if income is None or spending is None or income[0] >= spending[0] or income[1] != spending[1]:
        return []
    after = [] if side.rows and side.rows[0].index == income[0] else _balance_after(table, [side], spending)
    if after is None:
        return []
    return [Relation("balance", income, [spending, *after], where="收入总计与支出总计")]


# the balance a 支出总计 row of some tables leaves out, stated on the row after it (`支出总计 Y` / `年终结余 Z`,
# 收入总计 = Y + Z): vocab tables.yaml balance_after_total
BALANCE_AFTER = words("balance_after_total")


def _balance_after(table: Table, group: list[Side], total: Cellref) -> list[Cellref] | None:
    """The year-end balance stated on the row right after the 支出总计 row of its side, in the same column; None
    when that row states another figure there (what the 总计 leaves out is then not known)."""
    for side in group:
        for i, r in enumerate(side.rows):
            if r.index == total[0] and i + 1 < len(side.rows):
                after = side.rows[i + 1]
                if table.quantity(after.index, total[1]) is None:
                    return []
                return [(after.index, total[1])] if flatten(after.label) in BALANCE_AFTER else None
    return []


def _stated_total(table: Table, group: list[Side], labels: tuple[str, ...]) -> Cellref | None:
    """The one total row of the sides (its first figure column): the one that states its figure, if several."""
    cells = [(r.index, s.columns[0].index) for s in group if s.columns for r in s.rows if r.label in labels]
    stated = [c for c in cells if table.quantity(*c) is not None]
    if len(cells) == 1:
        return cells[0]
    return stated[0] if len(stated) == 1 else None


def whole_relations(table: Table) -> list[Relation]:
    """The total of a side-by-side table's halves (halves.py) against what it sums in every half: each half's
    own total, or its top-level items; its k-th figure column against the k-th of each half."""
    found = whole_total(table)
    if found is None:
        return []
    side, row, summed = found
    if summed is None:
        return []
    out = []
    for k, c in enumerate(summable(side)):
        parts = []
        for half, rows in summed:
            cols = summable(half)
            if len(cols) != len(summable(side)):
                return []
            parts += [(r.index, cols[k]) for r in rows]
        out.append(Relation("total", (row.index, c), parts, where=row.label))
    return out


def across_relations(table: Table) -> list[Relation]:
    """Each row of a table of 合计 and parts whose columns are not known (`Table.across`): its 合计, the first figure,
    is the sum of the figures written after it (blank cells dropped or set off their columns: which part each is,
    is not known, only that every one is a part)."""
    out: list[Relation] = []
    for r in range(table.header_rows, len(table.rows)):
        row = table.rows[r]
        parts = [(r, c) for c in range(2, len(row)) if not row[c].blank]
        if row[1].quantity is None or not parts or any(table.quantity(*p) is None for p in parts):
            continue
        out.append(Relation("crossfoot", (r, 1), parts, where=f"{row[0].text}｜{table.header[1]}"))
    return out


def all_relations(table: Table) -> list[Relation]:
    """Every relation of the table. An identity of the standard table that states the same relation as
    the structure (人员经费合计 = 301 + 303 is also a 合计 row over the side's top-level rows) replaces it, and so
    does one that says how a total row is made (支出合计 = 当年支出小计 + 结转下年资金, not the rows above it)."""
    from .debt_balance import debt_balance_relations
    from .formulas import row_formula_relations
    from .identities import identity_relations
    from .running import running_relations

    if table.across:
        # (the first column, the 合计, is placed with certainty and the only one kept: its rows' tree adds up in it as
        # in any table)
        return across_relations(table) + tree_relations(table)

    formulas = row_formula_relations(table)
    named = identity_relations(table) + running_relations(table) + formulas + debt_balance_relations(table)
    keys = {r.key() for r in named}
    # (an identity across a row, `合计 = 因公出国（境）费 + 公务接待费 + …` of each department's row, says how the row's
    # total cell is made of the row's other cells: the column of totals still adds up down the rows)
    made = {r.total for r in named if not _across_its_row(r)}
    # (a row its formula defines is made up as the formula says, not of the rows its place in the tree gives:
    # `A=B+D` leaves out the 其中 rows under B and D)
    defined = {r.total for r in formulas}
    # (a block of a balance table's identity, its part over the items under it, is that part's sum: the tree's
    # reading of the same row, a run of items after a numbered row, would say its miss again)
    blocked = {r.total for r in named if r.kind == "parent"}
    generic = tree_relations(table) + crossfoot_relations(table) + balance_relations(table) + whole_relations(table)
    generic += score_relations(table) + scope_relations(table) + place_relations(table)
    return named + [
        r
        for r in generic
        if r.key() not in keys
        and not (r.kind == "total" and r.total in made)
        and r.total not in defined
        and not (r.kind in ("parent", "parent_prefix") and r.total in blocked)
    ]


def _across_its_row(r: Relation) -> bool:
    """Do the relation's parts all stand in its total's row (an identity across the columns)?"""
    return bool(r.parts) and all(p[0] == r.total[0] for p in r.parts)


# a column heading that names a part of the column before it (`其中：县本级`, `其中:基本支出`)
PART_COLUMN = regex(PART_HEADING.pattern + r"(?=\S)")  # (vocab.PART_HEADING with a name after it)
PART_KINDS = ("amount", "total", "")  # columns of amounts: not rates, shares or changes


def part_column_relations(table: Table) -> list[Relation]:
    """Each row's figure in a `其中` column against its figure in the column the 其中 opens under: the nearest
    column to the left that is no 其中 column, under the same upper headers, only 其中 columns between them
    (`| 合计 | 其中：基本支出 | 其中：项目支出 |`: each a part of 合计, the two not said to make it up). The part may
    be smaller than its whole, never larger (relation `part`: one part each, judged part ≤ whole)."""
    out: list[Relation] = []
    for side in table.sides:
        for whole, part in _part_columns(side.columns, table.off_header):
            where = f"{part.path[-1]}｜{whole.path[-1]}"
            out += [
                Relation("part", (row.index, whole.index), [(row.index, part.index)], where=f"{row_name(row)}｜{where}")
                for row in side.rows
            ]
    return out


def _part_columns(columns: list[Column], off_header: frozenset[int] = frozenset()) -> list[tuple[Column, Column]]:
    """(whole, part) for each 其中 column whose whole is certain: grid-adjacent, same upper headers and unit,
    its name read where it stands (not in `off_header`: a heading over a group of columns of a space-aligned
    table lands on one of them, and which column it is part of is then not known)."""
    out: list[tuple[Column, Column]] = []
    whole: Column | None = None
    for before, col in zip([None, *columns], columns):
        leaf = col.path[-1] if col.path else ""
        if not PART_COLUMN.match(leaf):
            whole = col
            continue
        if before is None or before.index != col.index - 1:
            whole = None  # a gap (a label column between): which column it is part of is not certain
        if (
            whole is not None
            and col.index not in off_header
            and whole.path[:-1] == col.path[:-1]
            and whole.kind in PART_KINDS
            and col.kind in PART_KINDS
            and whole.unit == col.unit
            and not PART_COLUMN.match(whole.path[-1] if whole.path else "")
        ):
            out.append((whole, col))
    return out
