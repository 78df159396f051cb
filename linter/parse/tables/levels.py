"""The tree of a score table whose indicators' levels have a column each and a first-level indicator's row stands
over its own, merged cells left blank:

    | 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |
    | 产出     |          |          | 36   | 33.71 |
    |          | 产出数量 | 养护里程 | 8    | 8     |
    |          |          | 维修数量 | 8    | 7     |
    |          | 产出质量 | 合格率   | 20   | 18.71 |

A row that names one level only (`产出`, blank in the columns of the deeper levels) heads the rows under it that
name a deeper level, up to the next row of its level or above; a row that names several (`| 决策 | 项目立项 | 立项依据
充分性 |`, the first row of merged cells) is a leaf of the deepest level it names. Read only where it is
certain: the level columns are headed as such (一级指标, 二级指标 …), no leaf is followed by a row of a deeper
level (whose head would then be that leaf, or a row not shown), every head's 分值 is exactly its rows' 分值
added up (an indicator's weight is the sum of its own indicators', by definition), and one head has two rows or
more.
"""

from __future__ import annotations

from functools import cache

from tieout.linter.patterns import regex
from tieout.linter.vocab import load

from .blocks import Block
from .cells import Cell, flatten
from .model import Row

# a column of one level of indicators (`一级指标`, `二级指标名称`)
LEVEL_HEADER = regex(r"^[一二三四]级(?:指标|指标名称)?$")


def level_columns(heads: list[list[str]], texts: list[int]) -> list[int]:
    """The describing columns headed by an indicator level, left to right, when there are two or more."""
    cols = [c for c in texts if heads[c] and LEVEL_HEADER.match(heads[c][-1])]
    return cols if len(cols) >= 2 else []


def level_tree(grid: list[list[Cell]], rows: list[Row], levels: list[int], weight: int) -> bool:
    """Parents from the level columns (module doc); True when the tree is read, else no row is given a parent."""
    depth: list[tuple[int, bool]] = []
    for r in rows:
        d = (-1, False) if r.total else _depth(grid[r.index], levels)
        if d is None:
            return False  # a row that names no level: its place is not known
        depth.append(d)
    stack: list[int] = []  # the open heads, shallowest first
    for i, r in enumerate(rows):
        if r.total:
            stack = []
            continue
        while stack and depth[stack[-1]][0] >= depth[i][0]:
            stack.pop()
        r.parent = stack[-1] if stack else None
        if depth[i][1]:
            stack.append(i)
        elif i + 1 < len(rows) and not rows[i + 1].total and depth[i + 1][0] > depth[i][0]:
            return _undone(rows)  # a leaf over a deeper row: whose row that is, the layout does not say
    if not _weights_foot(grid, rows, weight):
        return _undone(rows)
    return True


@cache
def _tiers() -> dict[str, int]:
    """Each tier heading (tables.yaml tier_headers) and its tier, 0 the broadest."""
    return {flatten(str(w)): k for k, names in enumerate(load("tables").get("tier_headers") or []) for w in names}


def tier_columns(heads: list[list[str]], texts: list[int]) -> dict[int, int]:
    """The describing columns headed as tiers of one grouping (`采购品目大类 | 专项名称 | 经济科目 | 采购物品名称`), each
    with its tier, when two tiers or more stand left to right from the broadest; {} otherwise."""
    tiers = _tiers()
    found = {c: tiers[h] for c in texts if heads[c] and (h := flatten(heads[c][-1])) in tiers}
    order = [found[c] for c in sorted(found)]
    return found if len(set(order)) >= 2 and order == sorted(order) else {}


def tier_tree(grid: list[list[Cell]], rows: list[Row], tiers: dict[int, int]) -> bool:
    """Parents from the tier columns: a row's tier is the deepest one it fills; a row of the last tier is an
    item, one of a tier above heads the rows of deeper tiers after it, up to the next row of its tier or above
    (a page's first row repeating the names of the tiers above its own is still of its own). Read only where
    every row but the totals fills a tier, every row of a tier below the first has a head above it, and one head
    has rows under it; True when the tree is so read, else no row is given a parent."""
    last = max(tiers.values())
    depth: list[int] = []
    for r in rows:
        cells = grid[r.index]
        filled = [t for c, t in tiers.items() if c < len(cells) and cells[c].text.strip() and not cells[c].blank]
        if not filled and not r.total:
            return False  # a row of no tier: its place is not known
        depth.append(max(filled, default=-1))
    parents: list[int | None] = []
    stack: list[int] = []  # the open heads, broadest first
    for i, r in enumerate(rows):
        if r.total:
            stack = []
            parents.append(None)
            continue
        while stack and depth[stack[-1]] >= depth[i]:
            stack.pop()
        if depth[i] > min(tiers.values()) and not stack:
            return False  # (the rows of a head on a page before, not read with it)
        parents.append(stack[-1] if stack else None)
        if depth[i] < last:
            stack.append(i)
    if all(p is None for p in parents):
        return False
    for i, r in enumerate(rows):
        if r.total:
            continue
        r.parent, r.level = parents[i], depth[i]
        cells = grid[r.index]
        # (the row named by its own tier, not by the cells nearer the figures: `政府集中采购` names no item)
        named = [flatten(cells[c].text) for c, t in sorted(tiers.items()) if t == depth[i] and c < len(cells)]
        r.label = next((n for n in named if n), r.label)
    return True


def _depth(row: list[Cell], levels: list[int]) -> tuple[int, bool] | None:
    """The deepest level a row names and whether it names that one only (a head); None when it names none."""
    filled = [k for k, c in enumerate(levels) if c < len(row) and row[c].text.strip() and not row[c].blank]
    if not filled:
        return None
    return filled[-1], len(filled) == 1


def _weights_foot(grid: list[list[Cell]], rows: list[Row], weight: int) -> bool:
    """Does every head's weight add up exactly from its rows' (two rows at least under one head)?"""
    kids: dict[int, list[int]] = {}
    for j, r in enumerate(rows):
        if r.parent is not None:
            kids.setdefault(r.parent, []).append(j)
    if not any(len(k) >= 2 for k in kids.values()):
        return False
    for i, under in kids.items():
        whole = _hundredths(grid, rows[i], weight)
        parts = [_hundredths(grid, rows[j], weight) for j in under]
        if whole is None or None in parts or whole != sum(p for p in parts if p is not None):
            return False
    return True


def _hundredths(grid: list[list[Cell]], row: Row, col: int) -> int | None:
    """A weight in hundredths (weights are whole numbers or tenths: compared exactly)."""
    cells = grid[row.index]
    q = cells[col].quantity if col < len(cells) else None
    if q is None or not q.exact or q.kind == "percent":
        return None
    return round(q.value * 100)


def _undone(rows: list[Row]) -> bool:
    for r in rows:
        r.parent = None
    return False


def split_levels(block: Block) -> None:
    """Make a text table's names in its level columns (Block.levels, read by column_names._level_cells) the grid's
    first columns, in place of its one label column, as a pipe table has them: `产出指标    小计` is then
    `| 产出指标 | 小计 |`, the first-level indicator a 小计 closes, and `            数量指标` a row under it."""
    levels = block.levels
    if not levels or len(levels) != len(block.rows):
        return
    n = len(levels[0]) - 1  # the columns added
    for i, (names, row) in enumerate(zip(levels, block.rows)):
        for c in names:
            c.row = i
        for c in row[1:]:
            c.col += n
    block.rows = [names + row[1:] for names, row in zip(levels, block.rows)]
    if block.off_header is not None:
        block.off_header = {c + n for c in block.off_header}
    block.groups = [(a + n, b + n, heading) for a, b, heading in block.groups]
    block.levels = None
