"""The rows of a table side: label, classification code, enumeration, and the tree they form.

Codes (科目编码) give the tree with certainty: `2010601` (项) is a child of `20106` (款), a child of `201`
(类); the code may be written whole or split over the 类 / 款 / 项 columns (`201 | 06 | 01`). Where there
are no codes, the enumeration of the labels (一、 › （一） › 1.) gives it: a style's level is the order in
which the styles first appear.
"""

from __future__ import annotations

from tieout.linter.patterns import regex
from tieout.linter.vocab import alternation, words

from .cells import CODE, Cell, flatten
from .model import Row, Side
from .stacked import block_closers, block_openers, flows_named
from .vocab import defined_sums, total_kind

MARKERS = [
    ("cn", regex(r"^(?P<n>[一二三四五六七八九十]{1,3})[、.．]")),
    ("cn_paren", regex(r"^[（(](?P<n>[一二三四五六七八九十]{1,3})[）)]")),
    ("num", regex(r"^(?P<n>\d{1,2})[、.．](?!\d)")),
    ("num_paren", regex(r"^[（(](?P<n>\d{1,2})[）)]")),
]
# each style's level in the official order (一、 over （一） over 1. over （1）)
MARKER_RANK: dict[str, int] = {style: k for k, (style, _) in enumerate(MARKERS)}
# a performance evaluation's indicator code before its name (`A1项目立项` over `A101立项依据充分性`): a letter for
# the first-level indicator, one digit for the second level, two more for the third
INDICATOR_CODE = regex(r"^(?P<code>[A-Z](?:\d{3}|\d))(?=[\u4e00-\u9fff])")
# an inline 科目编码 before the name; a row summing two classes writes both (`301/303 人员经费`: 工资福利支出 and
# 对个人和家庭的补助, the items of both under it)
INLINE_CODE = regex(
    r"^(?P<code>\d{3}(?:\d{2}){0,2}(?:\s*[/／、]\s*\d{3}(?:\d{2}){0,2})*)(?!\d)\s*(?P<name>[^\d/／、].*)$"
)
JOINED_CODES = regex(r"\s*[/／、]\s*")
CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九十")}


MARKER_FIRST = frozenset("一二三四五六七八九十（(")  # the characters a marker opens with, besides a digit


def marker(label: str) -> tuple[str, int]:
    """The enumeration style and number of a label (`二十一、` → ("cn", 21)); ("", 0) when none."""
    first = label[:1]
    if first not in MARKER_FIRST and not first.isdecimal():  # (\d is isdecimal; "" is no marker)
        return "", 0
    for style, rx in MARKERS:
        m = rx.match(label)
        if m:
            return style, _number(m.group("n"))
    return "", 0


def _number(n: str) -> int:
    if n.isdigit():
        return int(n)
    if n == "十":
        return 10
    if n.startswith("十"):
        return 10 + CN_DIGITS[n[1]]
    if n.endswith("十"):
        return CN_DIGITS[n[0]] * 10
    if "十" in n:
        return CN_DIGITS[n[0]] * 10 + CN_DIGITS[n[2]]
    return CN_DIGITS.get(n, 0)


def read_rows(grid: list[list[Cell]], first: int, codes: list[int], texts: list[int], figures: list[int]) -> list[Row]:
    """Rows of one side: grid rows from `first` on that have a label or a figure in the side's columns."""
    rows: list[Row] = []
    previous: list[str] = [""] * len(codes)
    gap = False
    side = codes + texts + figures
    for r in range(first, len(grid)):
        g = grid[r]
        n = len(g)
        for c in side:  # (a loop, not any() over a generator: it runs for every cell of every row)
            if c < n and g[c].text:
                break
        else:
            # an empty row closes a list; a row blank on this side only is a merged cell's continuation
            # (`| 决策 | 20 | 项目立项 | 6 |` over `|  |  | 绩效目标 | 8 |`), no gap
            if not any(c.text for c in g):
                gap = bool(rows)
            continue
        if codes:
            code, previous = _code([flatten(g[c].text) if c < n else "" for c in codes], previous)
        else:
            code = ""  # (what _code says of no parts)
        label = _label(g, codes, texts)
        if not code and label[:1].isdecimal():  # (INLINE_CODE opens with \d, which is isdecimal)
            m = INLINE_CODE.match(label)
            if m:
                code, label = JOINED_CODES.sub("/", m.group("code")), flatten(m.group("name"))
        style, _n = marker(label)
        row = Row(index=r, label=label, code=code, marker=style, total=total_kind(label) or "", after_gap=gap)
        for c in figures:  # (a loop, not any() over a generator, as above)
            if c < n and g[c].text:
                row.bare = False
                break
        else:
            row.bare = True  # no figure in any of the side's columns: a group's heading
        rows.append(row)
        gap = False
    return rows


def _code(parts: list[str], previous: list[str]) -> tuple[str, list[str]]:
    """A row's code from its code cells; a part left blank under a filled one to its right is the previous
    row's (`| | 06 | |` under `201`). Text in a code column (合计, 类) is no code."""
    # a 款 / 项 part written without its leading zero (`301 | 7 |`, a spreadsheet's doing)
    parts = [("0" + p if i and len(p) == 1 and p.isdigit() else p) for i, p in enumerate(parts)]
    if not any(CODE.match(p) for p in parts):
        return "", previous
    parts = [p if CODE.match(p) else "" for p in parts]
    last = max(i for i, p in enumerate(parts) if p)
    filled = [parts[i] or previous[i] for i in range(last + 1)]
    if not all(filled):
        return "", previous
    # written whole in each column (201 | 20106 | 2010601): the last one is the code
    if all(filled[i + 1].startswith(filled[i]) for i in range(len(filled) - 1)):
        code = filled[-1]
    else:
        code = "".join(filled)
    return code, filled + [""] * (len(parts) - last - 1)


ROW_NUMBER = regex(r"^\d{1,3}$")


def _label(g: list[Cell], codes: list[int], texts: list[int]) -> str:
    """The name cell (the describing column nearest the figures), else the first describing text that is
    not a code (a 合计 written in the 科目编码 column)."""
    n = len(g)
    for c in reversed(texts):
        # a dash in a describing column is a blank text (`| 合计 | 500 | 100% | — |` under a column of notes)
        if c < n and g[c].text and not g[c].blank:
            flat = "".join(g[c].text.split())  # (flatten, inlined: it runs for every row of every side)
            if not ROW_NUMBER.match(flat):  # not its 行次 (`3`)
                return flat
    for c in codes + texts:
        if c < n and g[c].text and not g[c].blank:
            flat = flatten(g[c].text)
            if not CODE.match(flat):
                return flat
    return ""


def level_labels(grid: list[list[Cell]], rows: list[Row], levels: list[int]) -> None:
    """A score table's item rows named by their level columns (`一级指标 | 二级指标 | 三级指标`): the deepest
    indicator a row names, not the cells nearer the figures (指标值, 实际完成值, 偏差原因: `≥187所` is no code), and
    whether the row opens a first-level indicator's rows (its first level cell filled)."""
    for r in rows:
        cells = grid[r.index]
        named = [
            flatten(cells[c].text) for c in levels if c < len(cells) and cells[c].text.strip() and not cells[c].blank
        ]
        first = flatten(cells[levels[0]].text) if levels[0] < len(cells) and not cells[levels[0]].blank else ""
        if r.total == "sub" and len(named) >= 2:
            r.group = first  # (`| 效益指标 | 小计 | 30 |`: the 小计 of that indicator, stated over its rows)
        if r.total or not named:
            continue
        r.label, r.code, r.marker = named[-1], "", marker(named[-1])[0]
        r.group = first


def indicator_codes(rows: list[Row]) -> None:
    """Codes of a score table's indicators (`A1`, `A101`), read only where they make a whole tree: every item
    row carries one, no code twice, and each third-level code's second level is there (a table continued from
    a page before, its `A1` row left there, would make `A101` a top row its 合计 sums)."""
    items = [r for r in rows if not r.total]
    found = [INDICATOR_CODE.match(r.label) for r in items]
    codes = [m.group("code") for m in found if m]
    if len(items) < 2 or len(codes) < len(items) or len(set(codes)) < len(codes):
        return
    if any(len(c) == 4 and c[:2] not in codes for c in codes):
        return
    for r, c in zip(items, codes):
        r.code, r.label = c, r.label[len(c) :]  # (as an inline 科目编码 is: the label is the name alone)


def code_tree(rows: list[Row]) -> str | None:
    """Parents from codes: "code" when the side is coded (most item rows carry a code), "uncertain" when
    codes are there but do not make a tree (a code twice), None when there are no codes."""
    coded = [r for r in rows if r.code]
    items = [r for r in rows if not r.total]
    if len(coded) < 2 or len(coded) < 0.8 * len(items):
        return "uncertain" if len(coded) >= 2 else None
    by_code = {code: i for i, r in enumerate(rows) for code in r.code.split("/") if code}
    if len(by_code) < sum(len(r.code.split("/")) for r in coded):
        return "uncertain"  # a code twice: the rows are not the tree their codes would make
    for r in rows:
        if not r.code:
            continue
        own = r.code.split("/")[0]  # (a row of joined codes sits where its first does)
        for k in range(len(own) - 1, 0, -1):
            p = by_code.get(own[:k])
            if p is not None:
                r.parent = p
                r.level = rows[p].level + 1
                break
    _levels(rows)
    return "code"


def _levels(rows: list[Row]) -> None:
    for r in rows:
        depth, p = 0, r.parent
        while p is not None and depth < 10:
            depth += 1
            p = rows[p].parent
        r.level = depth


def enum_tree(rows: list[Row]) -> bool:
    """Parents from enumeration styles; True when the side is enumerated (two or more marked rows).
    Only marked rows get a parent here; unmarked rows are left for the checks to judge."""
    marked = [r for r in rows if r.marker]
    if len(marked) < 2:
        return False
    # levels by the official order (一、 over （一） over 1. over （1）), not by which comes first: a table
    # continued from another page may open with （三） and go on with 三、
    order = sorted({r.marker for r in marked}, key=MARKER_RANK.__getitem__)
    stack: list[int] = []  # indices of the open marked rows, by level
    for i, r in enumerate(rows):
        if r.total:
            stack = []
            continue
        if not r.marker:
            continue
        r.level = order.index(r.marker)
        while stack and rows[stack[-1]].level >= r.level:
            stack.pop()
        r.parent = stack[-1] if stack else None
        stack.append(i)
    return True


# the rows an item's run under a part of a defined sum has at least (`税收收入` then its taxes)
RUN_LEAST = 2


def defined_tree(rows: list[Row]) -> bool:
    """Parents from the parts of a defined sum (`linter/vocab/sums.yaml`) standing in a flat list, each followed by
    its items (`合计`, `税收收入`, its taxes, `非税收入`, its items): the rows after a part up to the next part, or up to
    the end or a total row after the last, are that part's items; the parts are the items of the row naming their
    total right above the first, if one does. Only where no row is numbered or coded, every part of the sum not
    optional stands once, nothing but totals stands above the first (its total named, or a 合计), and each part
    has two items at least. True when the side is so read."""
    if any(r.marker or r.code for r in rows):
        return False
    names = [flatten(r.label) for r in rows]
    for total, parts in defined_sums():
        found = _parts_at(names, parts)
        if found is None:
            continue
        head = found[0] - 1
        if any(not rows[k].total and names[k] not in total for k in range(head + 1)):
            return False
        end = next((k for k in range(found[-1] + 1, len(rows)) if rows[k].total), len(rows))
        if any(not rows[k].total for k in range(end, len(rows))):
            return False
        bounds = [*found, end]
        if any(b - a - 1 < RUN_LEAST for a, b in zip(bounds, bounds[1:])):
            return False
        top = head if head >= 0 and not rows[head].total else None
        for a, b in zip(bounds, bounds[1:]):
            rows[a].parent, rows[a].level = top, 0 if top is None else 1
            for k in range(a + 1, b):
                rows[k].parent, rows[k].level = a, rows[a].level + 1
        return True
    return False


def _parts_at(names: list[str], parts: list[frozenset[str]]) -> list[int] | None:
    """The rows of the parts of a defined sum, in order, where each part not optional is named by one row and no
    other row names a part; None otherwise."""
    found: list[int] = []
    for wordings in parts:
        at = [k for k, n in enumerate(names) if n in wordings]
        if len(at) > 1 or (not at and "optional" not in wordings):
            return None
        found += at
    return found if len(found) >= 2 and found == sorted(found) else None


# a row's number in an outline (`1`, `1.1`, `2.3.1`), as an estimate's table numbers its items in a 序号 column
OUTLINE = regex(r"\d{1,2}(?:\.\d{1,2}){0,3}")


def outline_tree(grid: list[list[Cell]], rows: list[Row], col: int | None) -> bool:
    """Parents from the outline numbers of a 序号 column (`1 工程费用` over `1.1 建筑工程费`, `1.2 安装工程费`): the row
    numbered by a number's stem (`1` of `1.1`). Only where every row but the totals is so numbered, each number once,
    some of them under another, and each stem numbers a row above its own; True when the tree is so read."""
    if col is None:
        return False
    numbers = [flatten(grid[r.index][col].text) if col < len(grid[r.index]) else "" for r in rows]
    items = [(i, n) for i, n in enumerate(numbers) if not rows[i].total]
    if not items or not all(OUTLINE.fullmatch(n) for _, n in items) or not any("." in n for _, n in items):
        return False
    at = {n: i for i, n in items}
    if len(at) != len(items) or any(n.rpartition(".")[0] not in at for _, n in items if "." in n):
        return False
    if any(at[n.rpartition(".")[0]] > i for i, n in items if "." in n) or any(
        n for i, n in enumerate(numbers) if rows[i].total
    ):
        return False
    for i, n in items:
        rows[i].level = n.count(".")
        rows[i].parent = at[n.rpartition(".")[0]] if "." in n else None
    return True


def indent_tree(table, indents: list[int], side_indents: list[list[int]] | None = None) -> None:
    """Parents from the indentation of a space-aligned text table's labels (`  增值税` under `一、税收收入`), or of a
    pipe table's (`build.pipe_indents`):
    the nearest row above with less indentation. Total rows (小计, 合计) take no parent. `indents` holds each
    grid row's indentation. Labels centred in their column (indentation shrinking as they grow) say nothing
    of the tree. In a table continued from the page before, the rows at its top whose parent is on that page
    find none above them: they take none. A two-sided table's sides each have their own (`side_indents`)."""
    for k, side in enumerate(table.sides):
        if side_indents is not None and len(side_indents) == len(table.sides):
            _two_sided_indent_tree(table, side, side_indents[k])
        else:
            _indent_side(table, side, indents)


def sides_indent_tree(table, side_indents: list[list[int] | None]) -> None:
    """Parents of each side of a table of several sides whose cells are set apart by tabs, from its own labels'
    indentation in their cells (build._side_label_indents): a tab sets each cell apart for certain, so the white
    space a cell opens with is that cell's. A side whose indentation says no tree (None) keeps the one its codes,
    numbering or words give."""
    for side, indents in zip(table.sides, side_indents, strict=True):
        if indents is not None:
            _indent_side(table, side, indents)


def _two_sided_indent_tree(table, side: Side, indents: list[int]) -> None:
    """A two-sided table's numbered side read by its labels' indentation from its own label column (`二、上级补助收入`
    over `  返还性收入`): where its first-numbered rows stand leftmost (_numbered_leftmost), and unless the tree so read
    contradicts the rows' numbering (`七、` under `六、`: labels of a side that do not start at one column, as a
    PDF's text leaves them), which the side is then read by, as before. A plain side whose labels stand set in is
    read by no tree: what its total sums is then not certain (_set_in_unsure)."""
    rows = side.rows
    if side.structure == "plain":
        _set_in_unsure(rows, indents)
        return
    if side.structure != "enum" or not _numbered_leftmost(rows, indents):
        return
    before = side.structure, [(r.parent, r.level, r.unsure) for r in rows]
    _indent_side(table, side, indents)
    if side.structure == "indent" and _against_numbering(rows):
        side.structure = before[0]
        for r, (parent, level, unsure) in zip(rows, before[1], strict=True):
            r.parent, r.level, r.unsure = parent, level, unsure


# display columns a label must stand set in from its side's leftmost ones to be set in under a row above it
SET_IN = 2


def _set_in_unsure(rows: list[Row], indents: list[int]) -> None:
    """A plain side of a two-sided table (no numbering, no codes) some of whose labels stand set in from the others in
    its own label column, two columns or more (`镇本级支出` over `  教育支出`, `  农林水支出`): items of the row above,
    some or all of them, which a total summing every row would count twice. Its tree is not read by the indentation
    (labels with no numbering a PDF's text sets a column or two apart say none), so which rows its total sums is not
    certain: its rows are unsure, and a segment of unsure rows is summed by no total (`_total_parts`)."""
    said = {indents[r.index] for r in rows if not r.total and indents[r.index] >= 0}
    if not said:
        return
    least = min(said)
    # (labels a column or so apart, `0 1 2 0 1`, are where a PDF's text left them, after figures of other widths
    # one space before them: no row set in)
    if max(said) - least >= SET_IN and not any(0 < n - least < SET_IN for n in said):
        for r in rows:
            r.unsure = r.unsure or not r.total


def _numbered_leftmost(rows: list[Row], indents: list[int]) -> bool:
    """Do the rows of the side's first level of numbering (`一、`) all stand at its least indentation, and some
    row not numbered so stand set in from it? Only then does the indentation say which rows are their items: a
    side of no numbering whose labels start a column or so apart (as a PDF's text leaves a right side's labels)
    says nothing of a tree."""
    ranks = [MARKER_RANK[r.marker] for r in rows if r.marker]
    said = [indents[r.index] for r in rows if not r.total and indents[r.index] >= 0]
    if not ranks or not said:
        return False
    least, top = min(said), min(ranks)
    heads = [r for r in rows if r.marker and MARKER_RANK[r.marker] == top]
    return all(indents[r.index] == least for r in heads) and any(n > least for n in said)


def _against_numbering(rows: list[Row]) -> bool:
    """Does a numbered row stand under a row numbered at its own level or below it (`七、` under `六、`, `二、` under
    `（一）`), or a row of the side's first level of numbering under any row?"""
    ranks = [MARKER_RANK[r.marker] if r.marker else None for r in rows]
    top = min((k for k in ranks if k is not None), default=None)
    for r, rank in zip(rows, ranks, strict=True):
        if rank is None or r.parent is None:
            continue
        above = ranks[r.parent]
        if rank == top or (above is not None and rank <= above):
            return True
    return False


def _indent_side(table, side: Side, indents: list[int]) -> None:
    """One side's parents from its labels' indentation (indent_tree)."""
    rows = side.rows
    if side.structure not in ("enum", "plain", "defined", "summed") or len({indents[r.index] for r in rows} - {-2}) < 2:
        return
    if _centred(rows, indents) or _centred_by_page(table, rows, indents):
        return
    side.structure = "indent"
    names = [_name_at(r, indents[r.index]) for r in rows]  # (once per row, not per row below it)
    opening = _opening_totals(rows, names)
    # the first and last grand totals, found once: rows j < i stand between two (items a 总计 adds to a 合计)
    # when one is before j and one after i (asked for every row placed, the rows around it were read each time)
    grand = _bracketing_totals(rows)
    stops: list[tuple[int, int] | None] = [None] * len(rows)  # where each row's search upwards ended (_above)
    for i, r in enumerate(rows):
        r.parent = None
        if r.total:
            continue
        mine = indents[r.index]
        if mine < 0:  # a wrapped label: a child of the row above, its sibling or its uncle
            r.unsure = True
            for j in _ancestry(rows, i - 1):
                rows[j].unsure = True
            continue
        if i and _source_of_funds_above(rows, i) and 0 <= names[i - 1] <= mine:
            # (`年度资金总额` over `其中：中央补助资金` in line with it: a part of the row right above, as the
            # rows lined up with the name after its 其中 are)
            r.parent = i - 1
            continue
        j = _above(rows, names, i, mine, stops)
        stops[i] = (j, mine)
        if j < 0:
            continue
        if rows[j].total:
            if 0 <= names[j] < mine and j in opening:
                # `乡镇小计` over its 乡镇 indented below it: a subtotal stated before its items
                r.parent = j
            continue
        r.parent = j
        if grand and grand[0] < j and grand[-1] > i:
            # `市县合计 / 省本级 / 待分 / 总计`: the items a 总计 adds to a 合计 are often names centred
            # in their column, one a column in from the other: no tree the layout says for certain
            r.unsure = rows[j].unsure = True
    _levels(rows)


def _bracketing_totals(rows: list[Row]) -> list[int]:
    """The grand totals that may bracket items a 总计 adds to a 合计; none in a table of stacked blocks, whose totals
    are each of a block of their own, stated first or closing it (stacked.py); none where they name two flows
    (tables.yaml block_flows: `收入总计` over the revenue rows, then `支出合计` over the spending rows: each the total
    of its own block, no 总计 of a 合计)."""
    if block_openers(rows) or block_closers(rows):
        return []
    grand = [k for k, row in enumerate(rows) if row.total == "grand"]
    named: set[str] = set()
    for k in grand:
        named |= flows_named(rows[k].label)
    return [] if len(named) > 1 else grand


def _above(rows: list[Row], names: list[int], i: int, mine: int, stops: list[tuple[int, int] | None]) -> int:
    """The nearest row above row i that ends the search for its parent: a total, or a row whose name stands left
    of `mine` (i's indentation); -1 for none. `stops[j]`: where row j's own search ended and j's indentation: the
    rows between are no totals and none stands left of j's indentation, so none left of one no greater either,
    and they are passed at once (siblings each searched back over all the siblings before them: quadratic)."""
    j = i - 1
    while j >= 0:
        if rows[j].total or 0 <= names[j] < mine:
            return j
        stop = stops[j]
        j = stop[0] if stop is not None and stop[1] >= mine else j - 1
    return -1


def _opening_totals(rows: list[Row], names: list[int]) -> set[int]:
    """The total rows stated before their items (`乡镇小计` over its 乡镇 indented below it), not after them
    (`流动资产合计` under its indented items): a total whose rows since the total before are none deeper than it
    (its siblings: `县本级` beside `乡镇小计`), or are all deeper than that earlier total, itself stated first (its
    items: `全省收入合计 / 一般公共预算收入… / 全省支出合计`). A table's first row, a total over every row below it,
    is read by the total's own check (no parent of the rows below). A wrapped label among them: none."""
    opening: set[int] = set()
    before: int | None = None  # the total before
    between: list[int] = []
    for i, r in enumerate(rows):
        if not r.total:
            between.append(i)
            continue
        indents = [names[k] for k in between]
        if between and min(indents) >= 0:
            siblings = all(n <= names[i] for n in indents)
            items_of_before = before is not None and before in opening and all(n > names[before] for n in indents)
            if siblings or items_of_before:
                opening.add(i)
        elif i == 0:
            opening.add(i)  # (first row: opens the rows below for the next totals, takes none as parent itself)
        before, between = i, []
    # a first row that is a 小计 opens a group as the 小计 rows after it in line with it do (`住房消费类小计 / its
    # items / 非住房消费类小计 / its items / 合计`): no total of every row below it, a parent of its items
    if rows and rows[0].total == "sub" and any(rows[k].total == "sub" and names[k] == names[0] for k in opening - {0}):
        return opening
    return opening - {0}


# `其中：` opening a label: the rows below it that line up with the name after it are its siblings
# (`    其中：新增一般债券` over `          再融资一般债券`), not its children
PART_OPENING = regex(r"^其中[：:]")


# a project's funds in all (`年度资金总额`, `项目资金总额`), and the sources of funds (vocab relations fund_sources)
FUNDS_TOTAL = regex(r"^(?:年度|项目)?资金总额(?:[（(]万元[）)])?$")
FUND_SOURCE = regex(rf"^其中[：:](?:{alternation(words('relations', 'fund_sources'))}|上年结转)")


def _source_of_funds_above(rows: list[Row], i: int) -> bool:
    """Is row i a `其中：` row naming a source of funds right under a project's funds in all (`年度资金总额` over
    `其中：中央补助资金`, a 自评表's funds block)? Under any other row a 其中 in line with it may list some parts only
    (`本年收入` over `其中：保险费收入`): it takes no parent so."""
    return bool(FUND_SOURCE.match(rows[i].label)) and bool(FUNDS_TOTAL.match(rows[i - 1].label))


def _name_at(row: Row, indent: int) -> int:
    """Where a row's name starts: its label's indentation, past a `其中：` that opens it (display columns)."""
    opening = PART_OPENING.match(row.label) if indent >= 0 else None
    if opening is None:
        return indent
    from .lineshapes import width

    return indent + width(opening.group())


def _ancestry(rows: list[Row], i: int) -> list[int]:
    out = []
    row: int | None = i  # (a row's parent is None at the root: the walk's variable is optional)
    while row is not None and row >= 0 and row not in out:
        out.append(row)
        row = rows[row].parent
    return out


def _centred_by_page(table, rows: list[Row], indents: list[int]) -> bool:
    """Labels centred in their column on each page of a table joined over pages, each page laid out on its own
    (its column of labels as wide as that page's longest): centred, though about another centre on each page; a
    page whose labels all stand at one indentation says nothing of the tree either."""
    if not table.breaks:
        return False
    pages: dict[int, list[Row]] = {}
    for r in rows:
        pages.setdefault(table.page(r.index), []).append(r)
    return len(pages) > 1 and all(
        len({indents[r.index] for r in page} - {-2}) < 2 or _centred(page, indents) for page in pages.values()
    )


def _centred(rows: list[Row], indents: list[int]) -> bool:
    """Labels centred in their column: twice the indentation plus the label's length (in characters or in
    display columns) about the same on most rows, though the indentation varies."""
    from .lineshapes import width

    for measure in (len, width):
        spans = sorted(2 * indents[r.index] + measure(r.label) for r in rows if indents[r.index] >= 0)
        if not spans:
            return False
        mid = spans[len(spans) // 2]
        if sum(1 for s in spans if abs(s - mid) <= 1) >= 0.9 * len(spans):
            return True
    return False
