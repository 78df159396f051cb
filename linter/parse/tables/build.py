"""A table from a pipe block: header, columns, sides, rows and their tree, units and context."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from tieout.linter.figures.context import Context, read
from tieout.linter.patterns import regex
from tieout.linter.text.model import Document
from tieout.linter.text.title import title_text
from tieout.linter.vocab import alternation, load

from .aligned import RATE_FIGURE, find_aligned, readable
from .blocks import PREPARER_TAIL, TABLE_NO, UNIT_LIST, UNIT_SEPARATOR, Block, join_continuations, read_blocks, unit_of
from .cells import DASH, ROW_MARK, Cell, flatten, quantity, read_quantities
from .gates import side_by_side_held, two_sided_held
from .jurisdiction import mark_wholes
from .levels import level_columns, level_tree, split_levels, tier_columns, tier_tree
from .lineshapes import TABLE_NOTE, Aligned, width
from .model import Column, Row, Side, Table
from .vocab import (
    PARTS_OF_ABOVE,
    blank_is_zero,
    grade_names,
    months_outturn,
    no_figure,
    overall_score,
    rate_heading,
    role_of,
    scored,
    weight_noted,
    words,
)

# (halves, header, rows and summed are imported in the functions that build a table found: a report without tables
# never asks for them; with aligned.py's and twosided.py's imports so, about 1% of the instructions of a cold check.
# twosided.py and sidebyside.py are imported where their gates hold only, `_two_sided` and `_side_by_side`)

TITLE = regex(r"表|情况|明细|汇总")
OUTTURN = "执行数"  # the role of a column of what was done (vocab tables.yaml)
EXECUTED = "执行"  # the stage of it
# a caption's number written bare before its words (`1　2026年部门收支预算总表`, `2.18 2026年…表`): no part of the title, which a
# flattened caption would glue to its year (`12026年…`)
BARE_NO = regex(r"^\d{1,2}(?:[.．]\d{1,2})*[\s\u3000]+(?=\S)")
TOC = regex(r"[…]{2,}|\.{4,}")  # a table of contents' line
# a heading naming a year alone (`2024年`, `2023年度`), its end (`2024年末`: the balances the year closed with), or
# both, the same year's (`2024年末/2024年度`: a summary of a balance sheet's and an income statement's rows)
YEAR_ONLY = regex(r"(?:19|20)\d{2}年?度?|(?P<y>(?:19|20)\d{2})年末(?:[/／](?P=y)年度?)?")
UNIT_PART = regex(r"[（(]?\s*(?:金额)?单位[：:].*$")
COLON = regex(r"[：:]")
# a table's code alone, no name (`公开05表`, `公开表5`, `部门公开表01`)
CODE_ONLY = regex(r"[\u4e00-\u9fff]{0,4}?(?:表\s*\d{1,3}|\d{1,3}\s*表)")
AS_FOLLOWS = regex(r"(?:如下|如表)[：:]?$")  # `…收支安排如下（单位：万元）：` names the table less its 如下


def find_tables(doc: Document) -> list[Table]:
    """Every pipe table of the document, continued tables joined, read into the model."""
    head = title_text(doc)
    outer = read(head).context if head else Context()  # (document_context, the title kept for mark_wholes)
    tables: list[Table] = []
    for block in join_continuations(read_blocks(doc.text)):
        if len(block.rows) < 2:
            continue
        tables.append(build(block, len(tables) + 1, outer))
        tables[-1].note = note_below(doc.text, block)
        tables[-1].section = _section_title(doc, block.start)
        # (a pipe table's labels set in after their bar, a tab table's at their line's start: one or the other)
        if len(tables[-1].sides) > 1:
            # (a two-sided table's line opens with its first cell: each side is set in by its own label cells)
            from .rows import sides_indent_tree

            sides_indent_tree(tables[-1], [_side_label_indents(doc, tables[-1], side) for side in tables[-1].sides])
            continue
        indents = pipe_indents(doc, tables[-1])
        if indents is None:
            indents = _label_indents(doc, block)
        if indents is not None:
            from .rows import indent_tree

            indent_tree(tables[-1], indents)
    aligned = find_aligned(doc)
    both = _two_sided(doc, aligned)
    halves = _side_by_side(doc, both)
    # (a one-sided table whose header took a two-sided table's rows holds that table's rows of one side; a half's
    # rows a one-sided table took, those beside a blank half, are the side-by-side table's)
    aligned = [a for a in aligned if not any(_overlap(a, t) for t in (*both, *halves))]
    before: Table | None = None
    for found in sorted(aligned + both + halves, key=lambda t: t.first_line):
        if readable(found.block):
            split_levels(found.block)
            table = build(found.block, len(tables) + 1, outer)
            table.aligned = True
            table.note = note_below(doc.text, found.block)
            table.section = _section_title(doc, found.block.start)
            off = found.block.off_header
            table.off_header = frozenset(range(1, found.block.width) if off is None else off)
            table.open_start = found.continued
            table.placed = found.block.placed and not found.block.off_header
            _rates_by_shape(table)
            from .rows import indent_tree

            indent_tree(table, found.indents, found.side_indents)
            if found.block.across:
                # (no column but the 合计 is placed, and no heading names the columns after it: nothing reads them as
                # columns, each row's sum is checked, and the 合计 column alone is kept, read as any table's)
                table.across = found.block.across
                for side in table.sides:
                    side.columns = [c for c in side.columns if c.index == 1]
            if before is not None and _codes_go_on(before, table):
                before.open_end = before.goes_on = table.open_start = True
                before.rows_go_on = _header_repeated(doc, before, table)
            tables.append(table)
            before = table
    mark_wholes(tables, head)
    return tables


def _rates_by_shape(table: Table) -> None:
    """Make a rate of no known role (kind `level`, added into nothing) each column of a text table whose names were
    not placed with certainty (`Table.placed`) that is named an amount, or nothing, and holds figures written as
    rates are, each with decimals (`100.5`, `-0.5`), beside a column of whole amounts, some of thousands. A PDF's
    text read without its layout sets a header's wrapped words (`占预算` / `％`, `比上年` / `增长%`) anywhere on its
    lines: the nearest placing may name the columns of rates after the amount before them (`金额`), and a 合计 row
    would be footed down them. Their figures say what their names do not."""
    if table.placed:
        return
    n = table.header_rows
    for side in table.sides:
        if not any(c.kind in ("amount", "total", "") and _whole_amounts(table, c.index, n) for c in side.columns):
            continue
        for col in side.columns:
            if col.kind in ("amount", "") and _decimal_rates(table, col.index, n):
                col.kind = "level"


def _whole_amounts(table: Table, c: int, n: int) -> bool:
    """Are a column's filled cells all whole figures, one of them of four digits or more?"""
    cells = [t.replace(",", "").lstrip("-−") for _, t in _filled(table, c, n)]
    return bool(cells) and all(t.isdecimal() for t in cells) and any(len(t) >= 4 for t in cells)


def _decimal_rates(table: Table, c: int, n: int) -> bool:
    """Are a column's filled cells all figures written as rates are (`_rate_cells`), each with decimals?"""
    return _rate_cells(table, c, n) and all("." in t for _, t in _filled(table, c, n))


def _two_sided(doc: Document, taken: list[Aligned]) -> list[Aligned]:
    """`twosided.find_two_sided`, its module imported where its predicate holds only (gates.py): most reports hold
    no line that may be a two-sided row."""
    if not two_sided_held(doc):
        return []
    from .twosided import find_two_sided

    return find_two_sided(doc, taken)


def _side_by_side(doc: Document, taken: list[Aligned]) -> list[Aligned]:
    """`sidebyside.find_side_by_side`, its module imported where its predicate holds only (gates.py)."""
    if not side_by_side_held(doc):
        return []
    from .sidebyside import find_side_by_side

    return find_side_by_side(doc, taken)


# what a pipe table's label may open with to set it in under the row above (`| 　人员经费 |`, `| ——人员经费 |`,
# `| &nbsp;&nbsp;人员经费 |`): spaces (a full-width one as wide as two), HTML's space entities (their `;` as the
# normaliser writes it too), a dash or a bullet; each counted in display columns
INDENT_MARK = regex(r"[ \t\u00a0\u2002\u2003\u3000]|&(?:nbsp|ensp|emsp|#160|#12288)[;；]|[—─－\-]{1,2}|[·•●▪]")
MARK_WIDTH = {"\t": 4, "\u2003": 2, "\u3000": 2, "&emsp": 2, "&#12288": 2}


def _indent_width(lead: str) -> int:
    """The display columns of a label's opening marks (INDENT_MARK): a dash, a bullet or a wide space two."""
    total, at = 0, 0
    while (found := INDENT_MARK.match(lead, at)) is not None:
        mark = found.group()
        wide = mark[0] in "—─－·•●▪" or MARK_WIDTH.get(mark.rstrip(";；")) == 2
        total += MARK_WIDTH["\t"] if mark == "\t" else 2 if wide else 1
        at = found.end()
    return total


def pipe_indents(doc: Document, table: Table) -> list[int] | None:
    """Each grid row's indentation of a pipe table's one column of labels (`| 基本支出 |` over `| 　人员经费 |` and
    `| 　公用经费 |`, their other budget cells `—`): where the labels are set in by their opening spaces or marks,
    the rows set in are the items of the row above (`indent_tree`), no rows of the 合计's own. The spaces are the
    original's (the normaliser takes them out of a row), a mark the label's own; the padding every cell has after
    its bar counts alike for all. None for a table of another kind: more than one side or column of labels (which
    column sets the rows in is not known), a tree its labels give (codes, numbering), a row `其中：…` (or `含`, `减`,
    `加`: what it opens is the row above's, the rows set in below it too, or not), or labels all in line."""
    if (
        len(table.sides) != 1
        or table.sides[0].structure not in ("plain", "summed")
        or len(table.sides[0].descriptors) != 1
    ):
        return None
    col = table.sides[0].descriptors[0]
    original, origin = doc.original, doc.origin
    indents = [-1] * len(table.rows)
    ends: set[int] = set()  # where the labels end (the spaces before them and their width)
    for row in table.sides[0].rows:
        cells = table.rows[row.index]
        if col >= len(cells) or not cells[col].text or cells[col].start >= len(origin):
            return None  # (a row of no label: where it stands in the tree is not known)
        if row.label.startswith(PARTS_OF_ABOVE):
            # (`其中：公务用车购置费` in line with the row above it and its sibling set in under its name: the rows
            # 其中 opens are the row above's, wherever each stands; the plain reading, which sums no rows past a
            # 其中, is kept)
            return None
        at = origin[cells[col].start]
        bar = original.rfind("|", 0, at)
        if bar < 0 or "\n" in original[bar:at]:
            return None  # (no bar before the label on its line: no pipe row as written, an HTML table's)
        spaces = _indent_width(original[bar + 1 : at])
        indents[row.index] = spaces + _indent_width(cells[col].text)
        if not row.total:
            ends.add(spaces + width(cells[col].text))
    if len({indents[r.index] for r in table.sides[0].rows if not r.total}) < 2:
        return None
    # (labels padded to the right of their column, `|   基本支出 |` over `| 人员经费合计 |`: their ends in line say
    # nothing of the tree; centred ones `indent_tree` leaves)
    return None if len(ends) == 1 else indents


# the white space a row of a table set with tabs opens with in the file (`　　增值税⇥…` under `税收收入⇥…`), which the
# normalised text drops
LEADING_SPACE = regex(r"[ \u3000]*")


def _label_indents(doc: Document, block: Block) -> list[int] | None:
    """The indentation in the file of each grid row's label in a table whose cells are set apart by tabs (display
    columns; -1 for a row without a label), where some label opens its line with white space and another opens
    it at once: the rows are laid out as a tree the way a text table's are (`　　专项债务余额` under `政府债务余额`).
    A label with anything else before it on its line (a bar: a Markdown row) counts as not indented. None where
    no label is indented, or every one is (one level: no tree said)."""
    indents: list[int] = []
    for row in block.rows:
        if not row or not row[0].text.strip():
            indents.append(-1)
            continue
        at = doc.origin[row[0].start] if row[0].start < len(doc.origin) else 0
        line = doc.original[doc.original.rfind("\n", 0, at) + 1 : at]
        lead = LEADING_SPACE.fullmatch(line)
        indents.append(width(lead.group()) if lead is not None else 0)
    said = {n for n in indents if n >= 0}
    return indents if len(said) >= 2 and 0 in said else None


def _side_label_indents(doc: Document, table: Table, side: Side) -> list[int] | None:
    """The indentation in the file of each grid row's label of one side of a table whose cells are set apart by tabs
    (`收入⇥金额⇥支出⇥金额`), read from its own label cell: the white space its line opens with where that cell opens the
    line, else the white space after the tab before it. Another side's cell says nothing of this side's tree (the
    `  税收收入` of the 收入 side sets no 支出 row in beside it). None where a row's label stands after no tab (a row of
    bars as written: its padding is no indentation), or no label or every one is set in (no tree said)."""
    if not side.descriptors:
        return None
    col = side.descriptors[0]
    indents = [-1] * len(table.rows)
    for row in side.rows:
        cells = table.rows[row.index]
        if col >= len(cells) or not cells[col].text.strip():
            continue
        lead = _cell_lead(doc, cells[col].start, first=col == 0)
        if lead is None:
            return None
        indents[row.index] = lead
    said = {n for n in indents if n >= 0}
    return indents if len(said) >= 2 and 0 in said else None


def _cell_lead(doc: Document, start: int, first: bool) -> int | None:
    """The display width of the white space before a cell's text in the file: from its line's start for the cell
    that opens the line, from the tab before it for another; None where no such tab stands before it."""
    at = doc.origin[start] if start < len(doc.origin) else 0
    line = doc.original[doc.original.rfind("\n", 0, at) + 1 : at]
    if not first:
        tab = line.rfind("\t")
        if tab < 0:
            return None
        line = line[tab + 1 :]
    lead = LEADING_SPACE.fullmatch(line)
    if lead is not None:
        return width(lead.group())
    return 0 if first else None


def _section_title(doc: Document, offset: int) -> str:
    """The title of the innermost heading above the table, if any."""
    section = doc.section_at(offset)
    return section.title if section is not None else ""


# a text table's rule (`-----`, `─────`), which the line after it may be joined to as read (`-----注：…`)
RULE = regex(r"^[\s\-－—─━=＝_|+]*")


def note_below(text: str, block: Block) -> str:
    """The line right below the table (past blank lines and a text table's rule) when it is a note on it
    (`注：…`); "" otherwise."""
    last = [c.end for c in block.rows[-1]] if block.rows and block.rows[-1] else [block.end]
    at = text.find("\n", max(last))
    while 0 <= at < len(text):
        end = text.find("\n", at + 1)
        line = RULE.sub("", text[at + 1 : end if end >= 0 else len(text)]).strip()
        if line:
            return line if TABLE_NOTE.match(line) else ""
        at = end
    return ""


def _overlap(a: Aligned, b: Aligned) -> bool:
    return a.first_line <= b.last_line and b.first_line <= a.last_line


def _codes_go_on(a: Table, b: Table) -> bool:
    """The next table opens with a code of the class (its first three digits) of the table before's last row
    (2010503 after 2010502): that table goes on over a page in a shape that could not be joined, whatever stood
    between (a page mark not read, a header laid out otherwise), and its last parent rows may lack children, as
    blocks.py says of pipe tables. Leaving them open loses a check at worst."""
    last = [r.code for s in a.sides for r in s.rows[-1:] if r.code]
    first = [r.code for s in b.sides for r in s.rows[:1] if r.code]
    return bool(last and first) and first[0][:3] == last[0][:3]


def _header_repeated(doc: Document, a: Table, b: Table) -> bool:
    """Do the two lines right above the next table's first row repeat, word for word, the two right above the
    table's own (`单位：万元` / `科目编码 科目名称 合计 基本支出 项目支出` atop both pages): a header of names, the
    same columns? (A header of two lines is all there: `科目编码 科目名称 2024年预算数 2025年预算数` over `合计 基本支出
    项目支出` names other columns than the same lower line under `2025年预算数` alone.)"""
    above = [_lines_above(doc, t) for t in (a, b)]
    return len(above[0]) == HEADER_SEEN and above[0] == above[1] and CJK_WORD.search(above[0][0]) is not None


HEADER_SEEN = 2  # the lines above a table's first row compared: a header's two lines, or its line and the unit's


def _lines_above(doc: Document, t: Table) -> list[str]:
    """The lines of the file right above a table's first body row, nearest first, their spaces taken out."""
    if len(t.rows) <= t.header_rows or not t.rows[t.header_rows] or t.rows[t.header_rows][0].start >= len(doc.origin):
        return []
    text, out = doc.original, list[str]()
    end = text.rfind("\n", 0, doc.origin[t.rows[t.header_rows][0].start])
    while end > 0 and len(out) < HEADER_SEEN:
        start = text.rfind("\n", 0, end)
        out.append("".join(text[start + 1 : end].split()))
        end = start
    return out


# a word of a header line (a table's rule or pipe separator holds none)
CJK_WORD = regex(r"[\u4e00-\u9fff]{2}")


def document_context(doc: Document) -> Context:
    """What the document's title says: the period, scope, fund and stage every table of it inherits unless its own
    title says otherwise. The title is its title block as the facts read it (`text.title.title_text`), one reading:
    a table's caption right under it (`某县某局2025年部门预算` over `财政拨款收支总表`) is the table's, whose fund is not
    the document's."""
    head = title_text(doc)
    return read(head).context if head else Context()


def title_of(caption: list[str]) -> str:
    """The caption line that names the table (its unit note cut off), the nearest one first; a line giving the
    table's code alone (`公开05表  单位：万元`, under `一般公共预算财政拨款支出决算表`) names it only where no other
    line does."""
    noted = code = ""
    for ln in caption:
        # (who prepared the table is cut first: the 单位 of `编制单位：某医院  单位：万元` is no unit note)
        text = UNIT_PART.sub("", PREPARER_TAIL.sub("", ln)).strip()
        unit_noted = len(text) < len(ln.strip())
        numbered = TABLE_NO.match(text) is not None
        text = BARE_NO.sub("", TABLE_NO.sub("", text)).strip()
        if CODE_ONLY.fullmatch(text):
            code = code or flatten(text)
            continue
        if not text or len(text) > 60 or TOC.search(text):
            continue
        if TITLE.search(text) or numbered:
            # (a line opening with the table's number names it whatever its words: `表1  2024年预算执行主要指标`)
            return flatten(text)
        if unit_noted and not noted and not COLON.search(text):
            noted = flatten(AS_FOLLOWS.sub("", text))
    # (else a line that carries the unit note names the table by where it stands, whatever its words:
    # `三、一般公共预算拨款支出预算（单位：元）` right above the rows; not `编制部门：…  单位：元`)
    return noted or code


def build(block: Block, index: int, outer: Context) -> Table:
    from .halves import mark_whole
    from .header import _numbering, column_kinds, header_rows, paths, sides, wrapped_names

    grid = block.rows
    width = block.width
    for row in grid:  # ragged rows: pad so that every column index exists
        while len(row) < width:
            end = row[-1].end if row else block.start
            row.append(Cell("", end, end, row[0].row if row else 0, len(row)))
    n = header_rows(grid)
    title = title_of(block.caption)
    table = Table(
        index=index,
        rows=grid,
        unit=unit_of(block.caption),
        title=title,
        caption=block.caption,
        header_rows=max(n, 1) if n < len(grid) else 1,
        pieces=block.pieces,
        breaks=list(block.breaks),
        open_end=block.open_end,
        goes_on=block.goes_on,
        next_code=block.next_code,
    )
    table.untitled = not title or CODE_ONLY.fullmatch(title) is not None
    table.context = read(title).context.under(outer) if title else outer
    table.blank_zero = blank_is_zero(title) or table.context.stage == "决算"
    if n == 0 or n >= len(grid):
        _units(table, [[""] for _ in range(width)], n)
        return table  # no header or no body: a grid only, nothing the checks can trust
    # a column-numbering row (1 | 2 | 3=2/1*100) is header, but names nothing
    named = [[] if _numbering(r) else r for r in grid[:n]]
    heads = grouped_paths(wrapped_names(paths(named, n, width), named, n), block.groups)
    kinds = column_kinds(grid[n:], heads, width)
    _units(table, heads, n)
    for a, b in sides(kinds, heads):
        table.sides.append(_side(table, heads, kinds, a, b, n))
    if any(side.structure == "summed" for side in table.sides):
        table.blank_zero = True  # (its rows were placed by sums that add its blank cells as nothing: summed.py)
    _borrow_total_labels(table, heads)
    for side in table.sides:
        _score_subtotals(table, side)
        _score_total(table, side)
        _year_total(side)
    mark_whole(table)
    return table


def grouped_paths(heads: list[list[str]], groups: list[tuple[int, int, str]]) -> list[list[str]]:
    """Header paths one level deeper where a space-aligned table's header groups columns: a grouped column's
    path opens with its group's heading, any other's ends with an empty level (a name over both lines)."""
    if not groups:
        return heads
    under = {c: heading for a, b, heading in groups for c in range(a, b + 1)}
    return [[under[c], *path] if c in under else [*path, ""] for c, path in enumerate(heads)]


def _score_weights(side: Side) -> int | None:
    """The column of the indicators' weights (分值) of a table of weights and scores (one 得分 column), if it is one."""
    weights = [c for c in side.columns if c.role == "分值"]
    if len(weights) != 1 or sum(c.role == "得分" for c in side.columns) != 1:
        return None
    return weights[0].index


# the end of a score table's row closing a group of indicators (`投入得分`, `过程小计`)
SCORE_SUBTOTAL = tuple(words("score_subtotal_ends"))


def _score_subtotals(table: Table, side: Side) -> None:
    """`投入得分 | 20 | 16.5` after the 投入 indicators weighing 4 + 4 + 3 + 3 + 6: rows of a score table named as a
    group's score whose weight is exactly that of the rows since the last such row are their subtotals (their
    scores are then checked against the rows', and the table's total adds the indicators, not the subtotals too).
    A group of one indicator (`产出得分 | 30` under one indicator weighing 30) counts where another group of
    two or more shows the table's rows are so closed."""
    col = _score_weights(side)
    if col is None:
        return
    found: list[tuple[Row, int]] = []
    run: list[int] = []
    for row in side.rows:
        if row.total:
            run = []
        elif flatten(row.label).endswith(SCORE_SUBTOTAL) and run and _weighs(table, col, row, run):
            found.append((row, len(run)))
            run = []
        else:
            run.append(row.index)
    if any(n >= 2 for _, n in found):
        for row, _ in found:
            row.total = "sub"


def _weighs(table: Table, col: int, row: Row, run: list[int]) -> bool:
    """Is the row's weight exactly the run's weights added up (weights are whole numbers or tenths: compared in
    hundredths)?"""
    stated = table.quantity(row.index, col)
    parts = [table.quantity(r, col) for r in run]
    if stated is None or any(q is None or not q.exact for q in parts):
        return False
    return round(stated.value * 100) == sum(round(q.value * 100) for q in parts if q is not None)


def _score_total(table: Table, side: Side) -> None:
    """`| 总分 | | 100 | 95.5 |` closing a table of indicators' 分值 and 得分: the 总分 row totals the rows above
    it when its weight is exactly theirs added up (every indicator of the evaluation is listed, none is scored
    elsewhere: a 总分 of 100 under weights making 90 also counts a score that is not in the table)."""
    col = _score_weights(side)
    if col is None:
        return
    names = words("score_total_rows")
    for k, row in enumerate(side.rows):
        if row.total or row.label not in names:
            continue
        items = [r for r in side.rows[:k] if not r.total and r.parent is None]  # (a head's rows are in its weight)
        if len(items) >= 2 and _weighs(table, col, row, [r.index for r in items]):
            row.total = "grand"
        return


# a row naming a part of the year: one of its quarters (`第一季度`, `一季度`, `1季度`), or of its months (`1月`, `一月份`)
QUARTER_ROW = regex(r"^第?(?P<n>[一二三四1-4])季度$")
MONTH_ROW = regex(r"^(?P<n>[一二三四五六七八九十]{1,2}|\d{1,2})月份?$")
PART_NUMBERS = {w: k for k, w in enumerate("一二三四五六七八九十", start=1)} | {"十一": 11, "十二": 12}
_YEAR_TOTALS = load("tables").get("year_totals") or {}
YEAR_TOTAL_ROWS = frozenset(map(str, _YEAR_TOTALS.get("rows") or []))
RUNNING_COLUMNS = tuple(map(str, _YEAR_TOTALS.get("not_with_columns") or []))


def _year_total(side: Side) -> None:
    """`| 第一季度 | a | … | 第四季度 | d | 全年 | T |`: a row naming the whole year (vocab tables.yaml year_total_rows)
    right under the year's four quarters, or its twelve months, each once and in order, is their total: the year is
    made of them and of nothing else. Not under other rows (`上半年 | 全年`: the year is more than its first half), nor
    beside a column of running totals or balances (`累计支出`: its 全年 is the fourth quarter's)."""
    if len(side.rows) not in (5, 13) or side.rows[-1].total or side.rows[-1].label not in YEAR_TOTAL_ROWS:
        return
    if any(w in flatten("".join(c.path)) for c in side.columns for w in RUNNING_COLUMNS):
        return
    parts = side.rows[:-1]
    pattern = QUARTER_ROW if len(parts) == 4 else MONTH_ROW
    if [part_number(pattern.match(r.label)) for r in parts] == list(range(1, len(parts) + 1)):
        side.rows[-1].total = "grand"


def part_number(m: re.Match[str] | None) -> int | None:
    """The number of the quarter or month a row names (None: the row names none)."""
    if m is None:
        return None
    n = m.group("n")
    return int(n) if n.isdecimal() else PART_NUMBERS.get(n)


def _borrow_total_labels(table: Table, heads: list[list[str]]) -> None:
    """`| 当年支出小计 |  |  | 13,377.11 |`: a total row's label written once for the sides under one header (支出 by
    功能分类 and by 支出用途), its figure in the last of them. A side's unnamed row takes the label of the same row
    in the side before it under that header, when that is a total whose own figure cells are blank."""
    for left, right in zip(table.sides, table.sides[1:]):
        if not left.columns or not right.columns or not left.descriptors:
            continue
        _closing_total(left, right, len(table.rows) - 1)
        top = heads[left.columns[0].index][0]
        if not top or heads[right.columns[0].index][0] != top:
            continue
        named = {r.index: r for r in left.rows if r.total}
        for row in right.rows:
            other = named.get(row.index)
            if row.label or other is None:
                continue
            if all(table.is_blank(row.index, c.index) for c in left.columns):
                row.label, row.total = other.label, other.total


def _closing_total(left: Side, right: Side, last: int) -> None:
    """`| 合计 | 100 |  | 100 | 90 |` closing a score table whose sides stand side by side (一级指标 | 分值 |
    二级指标 | 分值 | 得分): the table's last row, a grand total on the side before and unnamed on this one, totals
    this side too (a row of figures with no name of its own can be nothing else there)."""
    if not left.rows or not right.rows or left.rows[-1].index != last or right.rows[-1].index != last:
        return
    total, row = left.rows[-1], right.rows[-1]
    if total.total == "grand" and not row.label:
        row.label, row.total = total.label, total.total


SCORED = ("分值", "得分", "扣分")


def _units(table: Table, heads: list[list[str]], n: int) -> None:
    from .header import column_unit

    units: list[str] = []
    for c, path in enumerate(heads):
        unit = column_unit(path, "")
        if unit == "%" and path and scored(path[-1]) and not _percent_cells(table, c, n):
            unit = ""  # `权重(%)` over whole points (20, 30): the weights' share of 100, scored in 分
        if path and (weight_noted(path[-1]) is not None or overall_score(path[-1])):
            # `产出指标（50分）`, `总分`: what an indicator or the evaluation scored, whatever the table's unit
            unit = "分"
        if not unit:
            # scores are counted in 分 whatever the table's unit note says (its 万元 are the funds'): an
            # indicator's 10 is exactly 10, not a rounded amount
            role = role_of(path[-1]) if path else None
            unit = "分" if role is not None and role.name in SCORED else table.unit
            named = role.kind in RATED if role is not None else _rate_heading(path)
            if named and (_rate_cells(table, c, n) or _all_percent_cells(table, c, n)):
                # a column the header names a rate (`完成率`, `执行率`, `资产负债率`, `营收同比`) of figures written as
                # rates are: its `%` is said once for the table (`单位：万元、%`) or not at all, and its cells are
                # percentages (never 万元 a 合计 row adds up)
                unit = "%"
            elif _percent_change(table, (path, c), n):
                unit = "%"
        if not unit and _grade_count(table, heads, c, n):
            unit = "个"
        units.append(unit)
    units = _total_unit(table, heads, units)
    units = _listed_percent(table, heads, units, n)
    for c, unit in enumerate(units):
        if unit != table.unit:
            table.column_units[c] = unit
    for row in table.rows[max(n, 1) :]:
        read_quantities(row, units)


def _listed_percent(table: Table, heads: list[list[str]], units: list[str], n: int) -> list[str]:
    """The units with the `%` a unit note lists beside its money (`单位：万元、%`) given to the one column it can be:
    where one only is headed by a change's bare word (`增长`, `增减`, `同比`) that names a growth in per cent and an
    amount otherwise, its cells written as rates are. The note says some column is a rate; that column is the only
    one whose heading leaves it open. A column already in % beside it (`完成预算`, named a rate) does not make it one
    of amounts: a change in money is headed by its amount's word (`增减额`), and a bare `增长` beside `上年执行数` in a
    table of rates is the growth in per cent."""
    if not _note_lists_percent(table):
        return units
    open_ = [
        c
        for c, path in enumerate(heads)
        if path
        and role_of(path[-1]) is None
        and (r := role_of(path[-1], True)) is not None
        and r.kind in RATED
        and _rate_cells(table, c, n)
    ]
    if len(open_) != 1:
        return units
    return ["%" if c == open_[0] else u for c, u in enumerate(units)]


def _note_lists_percent(table: Table) -> bool:
    """Does the table's unit note list `%` among its units (`单位：万元、%`)?"""
    for line in table.caption:
        found = UNIT_LIST.search(flatten(line))
        if found and any(u.strip() in ("%", "％") for u in UNIT_SEPARATOR.split(found["units"])):
            return True
    return False


def _total_unit(table: Table, heads: list[list[str]], units: list[str]) -> list[str]:
    """The units with the one a table of no unit note states only in its total columns' headings (`一般债务 | 专项债务 |
    合计（亿元）`) given to its columns of no unit: what a row adds up across is in the unit of its total. Only where
    every heading noting a unit names a total in that one unit of money, and no heading of a column left without
    one names a count or a rate."""
    from .header import COUNTED_HEADER, MONEY, column_unit

    if table.unit:
        return units
    noted = [c for c, path in enumerate(heads) if path and column_unit(path, "")]
    said = {units[c] for c in noted}
    if len(said) != 1 or not said <= set(MONEY) or not all(_total_heading(heads[c]) for c in noted):
        return units
    unit = said.pop()
    bare = [c for c, u in enumerate(units) if c and not u and heads[c] and any(heads[c])]  # (not the names)
    if any(COUNTED_HEADER.search(heads[c][-1]) or _rate_heading(heads[c]) for c in bare):
        return units
    return [unit if c in bare else u for c, u in enumerate(units)]


def _total_heading(path: list[str]) -> bool:
    role = role_of(path[-1]) if path else None
    return role is not None and role.kind == "total"


RATED = ("ratio", "growth", "share", "comparable")
# the units of a column that counts the items evaluated (`评价项目（个）`)
COUNTED = ("个", "项")
WHOLE = regex(r"\d{1,4}")


def _grade_count(table: Table, heads: list[list[str]], c: int, n: int) -> bool:
    """Is a column headed by a grade (`优`, `良好`) a count of the items given it? Where the table has no unit, a
    column beside it counts items (`评价项目（个）`), and its filled cells are all whole numbers: the number of
    projects graded so, exact (never an amount rounded to its last digit)."""
    from .header import column_unit

    if table.unit or not heads[c] or heads[c][-1].strip() not in grade_names():
        return False
    if not any(column_unit(path, "") in COUNTED for path in heads):
        return False
    cells = [t for row in table.rows[max(n, 1) :] if c < len(row) and (t := row[c].text.strip())]
    return bool(cells) and all(WHOLE.fullmatch(t) for t in cells)


def _percent_cells(table: Table, c: int, n: int) -> bool:
    """Does a filled cell of the column carry its own `%`?"""
    return any(c < len(row) and row[c].text.strip().endswith(("%", "％")) for row in table.rows[max(n, 1) :])


def _percent_change(table: Table, column: tuple[list[str], int], n: int) -> bool:
    """Is a column headed by a bare change (`本年比上年增减`, `同比增减`: an amount's change in money, or its growth in
    per cent) the growth in per cent, its cells written with their own `%` (`14.21%`)? Every filled cell carries
    it, two at least, but those of rows that are rates themselves (`加权平均净资产收益率`), whose change the column
    writes in points without a `%`: a listed company's 主要会计数据 table."""
    path, c = column
    role = role_of(path[-1]) if path else None
    if role is None or role.kind != "delta":
        return False
    growth = role_of(path[-1], True)
    if growth is None or growth.kind != "growth":
        return False
    marked = 0
    for row, text in _filled(table, c, n):
        if text.endswith(("%", "％")):
            marked += 1
        elif not rate_heading(flatten(table.label(row))):
            return False
    return marked >= 2


def _all_percent_cells(table: Table, c: int, n: int) -> bool:
    """Does every filled cell of the column (one at least) carry its own `%` (a dash or a word in place of a
    figure aside)? The column is then in per cent, though its heading says so nowhere (`变动比例`)."""
    cells = [t for _, t in _filled(table, c, n)]
    return bool(cells) and all(t.endswith(("%", "％")) for t in cells)


def _rate_cells(table: Table, c: int, n: int) -> bool:
    """Are a column's filled cells (one at least) all figures written as rates are: at most two decimals, below
    1000, no separators (a dash is a blank cell)?"""
    cells = [t for _, t in _filled(table, c, n)]
    return bool(cells) and all(RATE_FIGURE.fullmatch(t) for t in cells)


def _filled(table: Table, c: int, n: int) -> Iterator[tuple[list[Cell], str]]:
    """The column's filled cells below the header, each with its row: a dash, a blank or a word in place of a
    figure (`无`) is no filled cell."""
    for row in table.rows[max(n, 1) :]:
        text = row[c].text.strip() if c < len(row) else ""
        if text and not DASH.match(text) and not no_figure(text):
            yield row, text


def _roles_of_columns(
    heads: list[list[str]], kinds: list[str], a: int, b: int
) -> tuple[list[int], list[int], list[int]]:
    """The side's code, label and figure columns."""
    codes = [c for c in range(a, b) if kinds[c] == "code"]
    texts = [c for c in range(a, b) if kinds[c] == "text"]
    # an empty column with no header at all is nothing (a spacer a PDF table keeps)
    figures = [c for c in range(a, b) if kinds[c] == "number" or kinds[c] == "empty" and any(heads[c])]
    # an empty column left of every figure column describes (a 科目名称 column of a blank table)
    names = words("name_headers")
    first = min((f for f in figures if kinds[f] == "number"), default=b)
    # (a column of remarks right of the figures, `| 金额 | 备注 |`, describes the row but does not name it)
    values = words("value_headers")
    texts = [c for c in texts if c < first or not any(flatten(h) in values for h in heads[c] if h)]
    texts += [c for c in figures if c < first and _named(heads[c], names)]
    return codes, texts, [c for c in figures if c not in texts]


def _merged_fills(
    grid: list[list[Cell]], heads: list[list[str]], kinds: list[str], figures: list[int], a: int, b: int, n: int
) -> list[int]:
    """The figure columns less the empty grid columns a merged header cell spans beside the one its figures
    stand in: a Word table whose cells span grid columns (`gridSpan`) renders `| 预算数 |  |  |` over
    `| 1448485 |  |  |`, and the blank columns, headed by the merged cell's fill, would stand as three columns of
    one role, the rate beside them read over the last, blank one. A run of columns under one header cell (the
    ones after its first own no header text of their own) drops its empty columns when another of the run holds
    something (figures, or the labels of a describing column the header spans, `| 预算科目 |  |  |`); a run all
    empty is kept (a blank table's columns)."""
    dropped: set[int] = set()
    c = a
    while c < b:
        end = c + 1
        while end < b and heads[end] == heads[c] and not any(flatten(grid[r][end].text) for r in range(n)):
            end += 1
        if end - c > 1 and any(kinds[k] != "empty" for k in range(c, end)):
            dropped.update(k for k in range(c, end) if kinds[k] == "empty")
        c = end
    return [c for c in figures if c not in dropped]


def _side(table: Table, heads: list[list[str]], kinds: list[str], a: int, b: int, n: int) -> Side:
    from .rows import code_tree, defined_tree, enum_tree, indicator_codes, level_labels, outline_tree, read_rows
    from .summed import summed_tree

    codes, texts, figures = _roles_of_columns(heads, kinds, a, b)
    figures = _merged_fills(table.rows, heads, kinds, figures, a, b, n)
    columns = [_column(c, heads[c], table) for c in figures]
    _restated(columns)
    side_name = heads[a][0] if len({heads[c][0] for c in range(a, b)}) == 1 and heads[a][0] else ""
    rows = read_rows(table.rows, n, codes, _name_last(table.rows[n:], heads, texts), figures)
    _spans_by_total(table, columns, rows)
    levels = level_columns(heads, texts) if not codes else []
    if levels:
        level_labels(table.rows, rows, levels)
    if not codes and any(scored(c.header) for c in columns):
        indicator_codes(rows)  # a score table's indicators may carry codes of their own (`A101`)
    side = Side(side_name, columns, codes + texts, rows)
    coded = code_tree(rows) if codes or any(r.code for r in rows) else None
    if not codes and not texts:
        side.structure = "none"
    elif coded:
        side.structure = coded  # "code", or "uncertain": no tree relations are made
    elif (tiers := tier_columns(heads, texts)) and tier_tree(table.rows, rows, tiers):
        # (before the enumeration: `一、货物` numbers the first tier only, its rows stand under it by their columns)
        side.structure = "levels"
    elif enum_tree(rows):
        side.structure = "enum"
    elif _level_tree(table, heads, texts, columns, rows) or outline_tree(table.rows, rows, _serials(heads, texts)):
        side.structure = "levels"
    elif defined_tree(rows):
        side.structure = "defined"
    elif summed_tree(table.rows, rows, figures):
        side.structure = "summed"
    return side


def _serials(heads: list[list[str]], texts: list[int]) -> int | None:
    """The one describing column headed as the rows' serial numbers (`序号`), if there is one."""
    found = [c for c in texts if any(flatten(h) == "序号" for h in heads[c] if h)]
    return found[0] if len(found) == 1 else None


# a year's figures as restated (after a merger under common control, a policy change), its year over the word
# (`2023年 / 调整后`, a text table's lines joined: `2023年调整后`), and the same year's as first published (vocab
# tables.yaml restated_words, as_first_stated_words)
RESTATED = regex(rf"(?:19|20)\d{{2}}年?度?(?:{'|'.join(map(re.escape, sorted(words('restated_words'))))})")
AS_FIRST_STATED = tuple(sorted(words("as_first_stated_words")))


def _restated(columns: list[Column]) -> None:
    """`2023年 / 调整后 | 调整前`: a year's figures restated beside those first published. The restated column
    holds that year's amounts (the base a change over the year is computed on, as the standard form says); the
    one as first published stays of no known kind (no base). Only where both stand in the side: `调整后` alone
    may be a budget's stage."""
    if not any(flatten("".join(c.path)).endswith(AS_FIRST_STATED) for c in columns):
        return
    for c in columns:
        if c.kind == "" and RESTATED.fullmatch(flatten("".join(c.path))):
            c.kind = "amount"


def _level_tree(table: Table, heads: list[list[str]], texts: list[int], columns: list[Column], rows: list[Row]) -> bool:
    """The tree a score table's level columns give (levels.py), where it has one 分值 column."""
    levels = level_columns(heads, texts)
    weights = [c.index for c in columns if c.role == "分值"]
    return bool(levels) and len(weights) == 1 and level_tree(table.rows, rows, levels, weights[0])


def _named(path: list[str], names: frozenset[str]) -> bool:
    return any(p in names for p in path if p)


def _name_last(body: list[list[Cell]], heads: list[list[str]], texts: list[int]) -> list[int]:
    """The text columns in the order a row's label is looked for in them (the last first): the one column headed
    as the rows' names (`项目名称`) last, where other text columns of words follow it (`| 项目名称 | 实施单位 |
    预算金额 | 主要绩效目标 |`): they tell of the item named, its unit or its targets, and do not name it. Not
    where one of them is a column of the rows' letters (`公式`: `A=B+D`, `B`), which the rows' formulas read."""
    names = words("name_headers")
    named = [c for c in texts if _named(heads[c], names)]
    if len(named) != 1 or named[0] == texts[-1] or any(_row_marks(body, c) for c in texts if c != named[0]):
        return texts
    return [c for c in texts if c != named[0]] + named


def _row_marks(body: list[list[Cell]], c: int) -> bool:
    """Is the column one of the rows' letters or formulas of them (a 公式 column: `A=B+D`, `B`)?"""
    cells = [flatten(r[c].text) for r in body if c < len(r) and r[c].text.strip()]
    return bool(cells) and all(ROW_MARK.fullmatch(t) for t in cells)


# a year's heading after the scope its figures are of (`全省2024年`, `市本级2023年`)
SCOPED_YEAR = regex(r"(?P<scope>[^\d]{1,4}?)(?:19|20)\d{2}年?度?")


def _year_heading(text: str) -> bool:
    """A heading naming a year alone, or a year after a scope and nothing else: the scope is read with
    certainty (a word the context reader knows as one), so `全省2024年` beside `省级2024年` is a year's figures
    of each. A year and the money it names by no stage (`2024年安排`, `2023年资金`: tables.yaml year_amounts) is a
    year's figures too."""
    if YEAR_ONLY.fullmatch(text):
        return True
    year = YEAR_ONLY.match(text)
    if year is not None and text[year.end() :] in words("year_amounts"):
        return True
    m = SCOPED_YEAR.fullmatch(text)
    if not m:
        return False
    ctx = read(m.group("scope")).context
    return ctx.scope is not None and ctx.fund is None and ctx.stage is None and ctx.period is None


def _rate_heading(path: list[str]) -> bool:
    """Does the column's own heading name a rate (`资产负债率`, `营收同比`, `占比（%）`)?"""
    return bool(path) and rate_heading(path[-1])


# a heading's unit of money per something (`单位造价（万元/公里）`, `补助（元/人）`): a price or a norm, no amount
PER_UNIT_NOTE = regex(r"[（(](?:亿元|万元|千元|元)\s*/\s*[\u4e00-\u9fff]{1,4}[）)]")


# a heading's note of a unit of days (`工期（天）`: vocab tables.span_units)
SPAN_NOTE = regex(r"[（(](?:" + "|".join(sorted(words("span_units"))) + r")[）)]")


# a heading's days of hired work noted in worker-days, a work word right before the span's word (`务工天数（工日）`,
# `用工天数（人·天）`: vocab tables.work_days, work_day_units)
WORK_DAYS = regex(
    rf"(?:{alternation(words('work_days'))})(?:{alternation(words('spans'))})"
    rf"[（(](?:{alternation(words('work_day_units'))})[）)]"
)


def _days_summed(text: str) -> bool:
    """Does a flattened heading name days of work or of people, which add up over the rows (`服务人天`, `投入工日`:
    vocab tables.day_sums; `务工天数（工日）`: `WORK_DAYS`)?"""
    return any(w in text for w in words("day_sums")) or WORK_DAYS.search(text) is not None


def _names_a_span(text: str) -> bool:
    """Does a flattened heading name the span of days each row ran (`供餐天数`, `工期（天）`: vocab tables.spans), no
    days of work or of people (`_days_summed`)?"""
    if _days_summed(text):
        return False
    return any(w in text for w in words("spans")) or SPAN_NOTE.search(text) is not None


def _spans_by_total(table: Table, columns: list[Column], rows: list[Row]) -> None:
    """Make a level each column headed as days summed (`_days_summed`) whose 合计 row gives its rows' common value
    or the largest of them, two rows or more holding days: that 合计 sums nothing, it restates a span the heading
    did not name as one, and footing it would find every such table wrong."""
    items = [r for r in rows if r.parent is None and not r.total and not r.bare]
    grands = [r for r in rows if r.total == "grand"]
    for col in columns:
        if col.kind in ("amount", "") and grands and _days_summed(flatten("".join(col.path))):
            days = [_figure(table, r, col) for r in items]
            held = [d for d in days if d]  # (a blank, a dash or a zero: no days)
            if len(held) >= 2 and any(_figure(table, g, col) == max(held) for g in grands):
                col.kind = "level"


def _figure(table: Table, row: Row, col: Column) -> Decimal | None:
    """The figure a row states in a column, None for none."""
    cells = table.rows[row.index]
    q = quantity(cells[col.index], col.unit) if col.index < len(cells) else None
    return q.value if q is not None else None


def _not_additive(path: list[str], scored: bool) -> bool:
    """Does the column's heading name a level rather than an amount (a price, a standard, an average, the days a
    row ran)? Of an indicator's points (`scored`), only an average is (`平均得分`): a `标准分值` is what the indicator
    may score."""
    text = flatten("".join(path))
    if not scored and (PER_UNIT_NOTE.search(text) or _names_a_span(text)):
        return True
    return any(w in text for w in words("not_additive") if not scored or w in words("averages"))


def _column(c: int, path: list[str], table: Table) -> Column:
    role = None
    percent = table.column_units.get(c, table.unit) == "%"
    # (a heading noting a weight, `预算执行率得分（10分）`, heads the points an indicator scored, whatever it is
    # named after: no role, no rate)
    noted = bool(path) and weight_noted(path[-1]) is not None
    for text in reversed(path if not noted else []):  # the deepest header that names a role
        role = role_of(text, percent)
        if role:
            break
    ctx = read("".join(dict.fromkeys(p for p in path if p))).context
    if ctx.stage is None and role is not None and role.name == OUTTURN and any(months_outturn(p) for p in path):
        # (`1-6月` beside `年初预算`: what came in so far is the budget's execution, which the words leave unsaid and a
        # document of both a budget and its execution does not say for them)
        ctx = replace(ctx, stage=EXECUTED)
    unit = table.column_units.get(c, table.unit)
    # a column headed by a year alone (`2024年`, `2023年度`) holds that year's amounts of the rows
    dated = role is None and bool(path) and _year_heading(flatten(path[-1])) and unit != "%"
    rate = _rate_heading(path)
    kind = role.kind if role else "amount" if dated else ""
    scored = role is not None and role.name in SCORED
    level = _not_additive(path, scored) or (rate and not scored and (role is None or role.kind == "amount"))
    if kind in ("amount", "") and level:
        # 单价, 补助标准, 人均收入, 资产负债率, 上年资产负债率 (a rate of the year a 上年 column's role names): the
        # rows' figures are not parts of a 合计 row's (an indicator's 标准分值 is)
        kind = "level"
    return Column(
        index=c,
        path=list(path),
        role=role.name if role else "",
        kind=kind,
        unit=unit,
        context=ctx,
    )
