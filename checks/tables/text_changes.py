"""A change the prose states of a table's row (文表不符 for changes): `企业所得税完成 22.15 亿元，增长 3.4%` against the
row 企业所得税 of the 收入执行情况表 whose 同比% cell is 3.1; `补助下级支出调增 16300 万元` against the row 补助下级支出
of the 收支调整表 whose 调整数 cell is 13,600.

The row is taken only where it is certain, by the rules of the prose figures held to cells (`text.row_of`): the
figure the change is of is a cell of the row (its label naming it, its context known alike); or, where the prose
states only the change (`补助下级支出调增 Δ`), its words less the verb name exactly one row of the tables of its
context, whose table's title states the scope the prose states in its section up to it (none, where it states
none). The row's change cell is held only where its column certainly is the change the prose states: a rate
against last year (`增长 p%`, `同比下降 p%`) the one column headed as such (`同比%`, `增长%`, `比上年增长%`); an
adjustment (`调增 Δ`, `调减 Δ`) the one column of the budget's adjustment (`调整数`); a difference to last year
(`增加 Δ`, `比上年减少 Δ`) the one column of it (`增减额`, `比上年增减`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from tieout.linter.facts.model import Change, Mention, Movement
from tieout.linter.figures.context import MIXED, Context, read
from tieout.linter.figures.intervals import HUNDRED, fmt, interval, signed, sub, unit_of
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.tables import Column, Table
from tieout.linter.parse.tables.cells import flatten
from tieout.linter.parse.tables.identities import item
from tieout.linter.parse.tables.jurisdiction import title_context
from tieout.linter.parse.tables.lookup import Hit, compatible
from tieout.linter.parse.tables.vocab import FALL, fall_heading
from tieout.linter.patterns import regex
from tieout.linter.rules.base import CheckContext, Outcome
from tieout.linter.text.model import Section
from tieout.linter.vocab import relation_words

from ._judge import table_name
from .text import prose_index, restates, row_of, tables_by_index, titled, townships_whole, under_headings

# the header of a column of the growth against last year, and nothing else (`同比%`, `增长（%）`, `比上年同期增长%`; the
# figure it is of named first, `执行数比上年增长%`, as RATIO_HEADER's)
GROWTH_HEADER = regex(
    r"^(?:(?:决算|执行|完成)数?)?(?:同比|(?:比|较)上年(?:同期)?)?(?:增长|增减|增幅)?(?:率|幅度)?[（(]?[%％][）)]?$"
)
# the header of a column of this year's figure as a percentage of last year's (`为上年%`, `为上年决算%`, and with the
# figure it is of named first, `决算数为上年决算数%`): the growth against last year is its cell less 100 (99.7 under
# 为上年决算% is a fall of 0.3%)
RATIO_HEADER = regex(r"^(?:(?:决算|执行|完成)数?)?为上年(?:同期)?(?:决算|执行|完成)?数?的?[（(]?[%％][）)]?$")
# the header of a column of the budget's adjustment (`调整数`, `调整金额`, `调增（减）数`)
ADJUSTED_HEADER = regex(r"^(?:调整数|调整额|调整金额|调增[（(]?减[）)]?数?|调增减数?)$")
# the header of a column of the difference to last year (`增减额`, `比上年增减`, `同比增减额`)
DIFFERENCE_HEADER = regex(r"^(?:同比|(?:比|较)上年(?:同期)?)?增减(?:额|数)?$")
# a comparison with last year or none (`同比`, `比上年同期`, ``): what a 同比 column is the change of; of a stock, with
# last year's end (`比上年末`)
LAST_YEAR = regex(r"^(?:同比|(?:比|较)(?:上年|去年)(?:同期|末)?)?$")
# the stages (context.yaml's) a year's amount column a change column compares with is stated at, each named by its
# canonical word: the year's budget, its execution, its final accounts (not an adjusted budget, a plan, an estimate)
COLUMN_STAGES = ("预算", "执行", "决算")
# a comparison with last year's figure of a stage it names (`比上年执行数`, `较上年决算数`): a table's change column
# states it only where its base, the column of the year before the figure's, is of that stage
LAST_YEAR_STAGED = regex(r"^(?:比|较)(?:上年|去年)(?P<stage>" + "|".join(COLUMN_STAGES) + ")数?$")
# the verb of an adjustment the facts leave at the end of its label (`补助下级支出调` + `增`)
ADJUSTING = "调"
# the heading of a section on the budget's adjustment (`（二）支出预算调整`, `二、一般公共预算调整方案`)
ADJUSTMENT_TITLE = regex(r"预算调整|调整方案|(?:收入|支出)(?:预算)?调整")
ZERO = Decimal(0)
# words opening a label that are no part of the row's name (`此外，`, `其中：`)
# (and the verb of a budget's allocation, `安排教育支出 X` in a 预算草案: the row 教育支出)
LEADING = regex(r"^(?:此外|另外|同时|其中|安排|[，、；：:])+")
# the reasons a change is given, up to the clause's end (`主要是…改由市级统一采购`): no context of a figure
REASONS = regex(rf"(?:{relation_words('reasons')})[^；;。]*")
# what ends a change's clause in its sentence (`经营收入减少 Δ，…；上级补助收入增加 Δ`)
CLAUSE_BREAKS = "；;"
# words closing a label that are no part of the row's name (`企业所得税完成 X`)
CLOSING = ("完成", "实现")


def change_cell_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """Each change the prose states of a table's row against the row's cell of that change; a change the change
    checks (TO108) already hold to its figures is theirs."""
    if not any(not t.by_position for t in ctx.facts.tables):
        return
    from tieout.checks.changes import change_outcomes

    held = {id(x) for o in ctx.outcomes(change_outcomes) for x in (o.anchor, *o.operands)}
    for c in ctx.facts.changes:
        if not c.certain or len({m.direction for m in c.movements}) != 1:
            continue
        for m in c.movements:
            q = m.quantity
            if q is None or not q.exact or q.approx or id(q) in held or q.kind not in ("percent", "amount"):
                continue
            o = _held_to_row(ctx, c, m, q)
            if o is not None:
                yield o


def _held_to_row(ctx: CheckContext, c: Change, m: Movement, q: Quantity) -> Outcome | None:
    adjusting = _adjusting(ctx, c, m, q)
    if not _read_against_table(c, q, adjusting):
        return None
    row = _row_on_its_base(ctx, c)
    if row is None:
        return None
    table, grid_row, col = row
    cells = _exact_cells(table, grid_row)
    if q.kind == "percent" and len(_rate_columns(cells)) > 1:
        # (`2025年执行数 | 比上年增长% | 2026年预算数 | 比上年执行数增长%`: the rate is its own figure's column group's, the
        # 2025 figure's too, though a later year's amounts follow it)
        return _against_group(ctx, c, m, q, table, cells, col)
    if col is not None and _base_column(table, col):
        # (`2025年执行数 | 2026年预算数 | 增减额 | 增长%`: the prose's figure is the base the columns change from)
        return None
    header = GROWTH_HEADER if q.kind == "percent" else ADJUSTED_HEADER if adjusting else DIFFERENCE_HEADER
    cell = _change_cell(cells, header, q)
    if cell is None and adjusting and q.kind == "amount" and _after_adjustment(table):
        # (`年初预算数 | 调整预算数 | 调整后预算数`: beside the budget as adjusted, 调整预算数 is the adjustment)
        cell = _change_cell(cells, ADJUSTMENT_BESIDE, q)
    if cell is not None:
        return _compare(ctx, c, m, q, table, cell)
    if q.kind == "amount" and not adjusting and col is not None and (ends := _stock_ends(table, grid_row, col, q)):
        # (no column of the difference: a stock's change is its closing cell less its opening one)
        return _compare_stock(ctx, c, m, q, table, ends)
    if q.kind == "percent" and (ratio := _change_cell(cells, RATIO_HEADER, q)) is not None:
        # (no growth column: the growth is the row's 为上年% less 100)
        return _compare(ctx, c, m, q, table, ratio, HUNDRED)
    if q.kind == "percent" and (fall := _fall_cell(cells)) is not None:
        # (a column of falls, `压减率`: the growth is its cell negated)
        return _compare(ctx, c, m, q, table, fall, fall=True)
    return None


def _read_against_table(c: Change, q: Quantity, adjusting: bool) -> bool:
    """Is the change one a table's column states: a rate against last year (not an adjustment's), an adjustment, or
    an amount against last year (its figure of a stage named, `比上年执行数`, too: `_row_on_its_base`)?"""
    comparison = flatten(c.comparison)
    last_year = bool(LAST_YEAR.match(comparison) or LAST_YEAR_STAGED.match(comparison))
    if q.kind == "percent":
        return last_year and not adjusting
    return adjusting or last_year


def _against_group(
    ctx: CheckContext, c: Change, m: Movement, q: Quantity, table: Table, cells: Cells, col: int | None
) -> Outcome | None:
    """The rate against the rate column of its figure's column group (`_grouped_rate`); none where that is not known."""
    grouped = _grouped_rate(table, cells, col)
    if grouped is None:
        return None
    column, cell, base, fall = grouped
    return _compare(ctx, c, m, q, table, (column, cell), base, fall)


def _columns_of(table: Table) -> list[Column]:
    return [c for side in table.sides for c in side.columns]


# a row's cells that hold an exact figure, each with its column, in the order of the table's sides and columns
Cells = list[tuple[Column, Quantity]]


def _exact_cells(table: Table, row: int) -> Cells:
    """The row's exact figures with their columns, read once for every column kind a change is held to (rates,
    falls, differences: `_rate_columns`, `_fall_cell`, `_change_cell`), where each read the row's cells again."""
    found = []
    for c in _columns_of(table):
        cell = table.quantity(row, c.index)
        if cell is not None and cell.exact:
            found.append((c, cell))
    return found


def _rate_columns(cells: Cells) -> list[tuple[Column, Quantity, Decimal, bool]]:
    """Of a row's `cells`, those of a rate of change against last year: a growth (`比上年增长%`, `比上年执行数增长%`),
    a ratio to last year (`为上年%`, its cell less 100) or a fall (`压减率`, negated), each with that base and sign."""
    found = []
    for c, cell in cells:
        if cell.kind != "percent":
            continue
        if c.role == FALL:
            if LAST_YEAR.match(_comparison(c)):
                found.append((c, cell, ZERO, True))
        elif c.kind == "growth":
            found.append((c, cell, ZERO, False))
        elif RATIO_HEADER.match(flatten(c.header)):
            found.append((c, cell, HUNDRED, False))
    return found


def _grouped_rate(table: Table, cells: Cells, col: int | None) -> tuple[Column, Quantity, Decimal, bool] | None:
    """Where a row holds rates of change of several column groups (`2025年执行数 | 比上年增长% | 2026年预算数 |
    比上年执行数增长%`), the one rate of the group of the cell the prose's figure is: the rate columns after that
    cell up to the next column of amounts. None where the prose's figure is no cell of the row (which group's rate
    it states is not said) or its group holds no rate, or two."""
    if col is None:
        return None
    side = next((s for s in table.sides if any(c.index == col for c in s.columns)), None)
    if side is None:
        return None
    after = sorted((c for c in side.columns if c.index > col), key=lambda c: c.index)
    stop = next((k for k, c in enumerate(after) if c.kind in ("amount", "total")), len(after))
    group = {c.index for c in after[:stop]}
    rates = _rate_columns([(c, cell) for c, cell in cells if c.index in group])
    return rates[0] if len(rates) == 1 else None


def _adjusting(ctx: CheckContext, c: Change, m: Movement, q: Quantity) -> bool:
    """Is the change the budget's adjustment: worded so (`调增 Δ`), or an amount moved with no comparison named in a
    section on the adjustment (`（二）支出预算调整` … `城乡社区支出减少 Δ`: what the plan moves it by, not its
    difference to last year, which a report names by its comparison)?"""
    if c.label.endswith(ADJUSTING) or m.word.startswith(ADJUSTING):
        return True
    if q.kind != "amount" or flatten(c.comparison):
        return False
    return any(ADJUSTMENT_TITLE.search(t) for t in ctx.doc.section_path(ctx.doc.sentences[c.sentence].start))


# the header of a column of the adjustment where the budget as adjusted has a column of its own (`调整后预算数`)
ADJUSTMENT_BESIDE = regex(r"^调整预算数?$")
AFTER_ADJUSTMENT = regex(r"^调整后(?:的)?预算数?$")


def _after_adjustment(table: Table) -> bool:
    """Does a column of the table hold the budget as adjusted (`调整后预算数`)?"""
    return any(AFTER_ADJUSTMENT.match(flatten(c.header)) for side in table.sides for c in side.columns)


def _fall_cell(cells: Cells) -> tuple[Column, Quantity] | None:
    """Of a row's `cells`, the one under a column of falls against last year (`压减率`, `比上年下降%`: tables.yaml
    fall_words)."""
    found = [
        (c, cell) for c, cell in cells if c.role == FALL and cell.kind == "percent" and LAST_YEAR.match(_comparison(c))
    ]
    return found[0] if len(found) == 1 else None


def _comparison(c: Column) -> str:
    """What a column of falls compares with, as its heading says (`比上年`, or nothing)."""
    m = fall_heading(c.header)
    return (m.group("comparison") or "") if m else "-"


def _row(ctx: CheckContext, c: Change) -> tuple[Table, int, int | None] | None:
    """The one table row the change is of: the row whose cell the stated figure is (`row_of`; with that cell's
    column), or, where none is stated, the one row its words name (no column)."""
    if c.current is not None:
        own = ctx.index.mention_of(c.current)
        if own is None or c.current.kind != "amount" or not c.current.exact:
            return None
        scoped = _scoped(ctx, own, c.sentence)
        if scoped is None:
            return None
        hits = _rows_of(ctx, scoped, c.current)
        if not hits and scoped is not own:
            # (the section's scope is no table's, `全区…` above a table whose title states none: the figure is the
            # row's cell as the prose-table check holds it, by its own identity)
            hits = _rows_of(ctx, own, c.current)
        hits = _not_as_base(ctx, c.current, hits)
    else:
        hits = _named_row(ctx, c)
    rows = {(h.identity.table, h.identity.row) for h in hits}
    if len(rows) != 1:
        return None  # (rows of two tables: which one's change the prose states is not said)
    t, r = rows.pop()
    # (the column of the cell the figure is: row_of gives every cell of the row)
    cur = c.current
    cols = {h.identity.col for h in hits if cur is not None and restates(ctx, cur, h.quantity, True)}
    return tables_by_index(ctx)[t], r, (cols.pop() if len(cols) == 1 else None)


def _not_as_base(ctx: CheckContext, q: Quantity, hits: list[Hit]) -> list[Hit]:
    """Of the rows of several tables a figure is a cell of, those where it is not the base a later column changes from
    (`2025年执行数 | 2026年预算数 | 增长%` restating this year's outcome beside `2024年执行数 | 2025年执行数 | 增长%`):
    the growth the prose states of the figure is the row's where the figure is what grew. All of them where that
    leaves no row, or the figure is of one row only."""
    if len({(h.identity.table, h.identity.row) for h in hits}) < 2:
        return hits
    tables = tables_by_index(ctx)
    based = {
        (h.identity.table, h.identity.row)
        for h in hits
        if restates(ctx, q, h.quantity, True) and _base_column(tables[h.identity.table], h.identity.col)
    }
    kept = [h for h in hits if (h.identity.table, h.identity.row) not in based]
    return kept or hits


def _rows_of(ctx: CheckContext, own: Mention, q: Quantity) -> list[Hit]:
    """The cells of the row the figure is (`row_of`), its label taken as written or less what was done."""
    hits = row_of(ctx, own, q, rounded=True)
    if not hits and (name := _name(own.label)) != own.label:
        # (`企业所得税完成 X`: what was done names no part of the row; its value says the cell is the row's)
        hits = row_of(ctx, replace(own, label=name), q, rounded=True)
    return hits


def _base_column(table: Table, col: int) -> bool:
    """Is the column of a year before another amount column's of its table (`2025年执行数` beside `2026年预算数`;
    `上年执行数` beside `执行数`)? Its figures are the base a growth column compares with, not what grew."""
    own = _year(table, col)
    if own is None:
        return False
    for side in table.sides:
        for c in side.columns:
            other = _year(table, c.index) if c.index != col and c.kind in ("amount", "total") else None
            if other is not None and other[0] == own[0] and other[1] > own[1]:
                return True
    return False


def _row_on_its_base(ctx: CheckContext, c: Change) -> tuple[Table, int, int | None] | None:
    """`_row`, where a change against last year's figure of a stage named (`比上年执行数增长 p%`) is of a table whose
    columns the change columns compare the figure's with are of that stage (`_based_on_stage`); None otherwise."""
    row = _row(ctx, c)
    staged = LAST_YEAR_STAGED.match(flatten(c.comparison))
    if row is None or staged is None or _based_on_stage(row[0], row[2], staged["stage"]):
        return row
    return None


def _based_on_stage(table: Table, col: int | None, stage: str) -> bool:
    """Is the base the table's change columns compare the figure's column with, the amount columns of the year
    before its own (`2025年执行数` beside `2026年预算数`), of the stage the prose names (`比上年执行数`)?"""
    own = _year(table, col) if col is not None else None
    if own is None:
        return False
    before = (own[0], own[1] - 1)
    bases = [
        c
        for side in table.sides
        for c in side.columns
        if c.kind in ("amount", "total") and c.index != col and _year(table, c.index) == before
    ]
    return bool(bases) and all(c.context.stage == stage for c in bases)


def _year(table: Table, col: int) -> tuple[str, int] | None:
    """A column's year as its header states it: ("y", 2025) for a year, ("r", -1) for last year and ("r", 0) for
    an amount column of no year beside it (this year's); None for another column."""
    column = next((c for side in table.sides for c in side.columns if c.index == col), None)
    if column is None:
        return None
    period = column.context.period
    if period is not None and YEAR.fullmatch(period):
        return "y", int(period)
    return ("r", int(period)) if period in ("-1", "+0") else ("r", 0) if period is None else None


YEAR = regex(r"(?:19|20)\d{2}")


def _scoped(ctx: CheckContext, own: Mention, si: int) -> Mention | None:
    """The figure with the scope its section states up to it where its own identity states none (`全市一般公共预算
    收入完成 X…从主要税种看：企业所得税完成 Y`: Y is 全市's, as the table of the 全市 figures); None where the section
    states two."""
    if own.identity.context.scope is not None:
        return own
    scope = _section_scope(ctx, si)
    if scope is None:
        return own
    if scope == MIXED:
        return None
    return replace(own, identity=replace(own.identity, context=replace(own.identity.context, scope=scope)))


def _named_row(ctx: CheckContext, c: Change) -> list[Hit]:
    """The cells of the rows the change's words name (less its verb) in the context of its clause and headings,
    of a table whose title states the scope the prose states in its section up to the change (none where it states
    none), under a heading enclosing the change's or gathered after the text (an annex); or of a table of no scope
    in the change's own section, where neither that section's text up to the change nor the change's clause and
    headings state a scope (`收入增减变动表` and below it `上级补助收入同比增加 Δ`: the prose speaks of the
    table beside it, whatever scope a section above states)."""
    name = _name(c.label)
    if len(name) < 4 or not 0 <= c.sentence < len(ctx.doc.sentences):
        return []
    sentence = ctx.doc.sentences[c.sentence]
    context = _clause_context(ctx, c)
    if any(getattr(context, f) == MIXED for f in ("scope", "fund", "period")):
        return []
    scope = _section_scope(ctx, c.sentence)
    # (a township's report is of its whole, which its title names: the scope the document gives every figure, not one
    # the prose says)
    said = scope != MIXED and (context.scope in (None, townships_whole(ctx)) or context.scope == scope)
    beside = _unscoped_section(ctx, c)
    hits = []
    for h in prose_index(ctx).by_item.get(name, []):
        table = tables_by_index(ctx)[h.identity.table]
        if h.identity.total_row or not _placed_for(ctx, table, sentence.start):
            continue
        title = title_context(table).scope
        if (
            said
            and title == scope
            and compatible(h.identity.context, replace(context, scope=scope or context.scope), True)
        ):
            hits.append(h)  # (the scope the section states up to the change is its own)
        elif beside is not None and title is None and titled(ctx.doc, table.rows[0][0].start) is beside:
            hits += [h] if compatible(h.identity.context, context, True) and _year_on_year(table) else []
    return hits


def _year_on_year(table: Table) -> bool:
    """Does the table set a year's amounts beside the year before's (`2024年 | 2023年 | 增减额`)? Its difference is then
    the change against last year, not against a budget (`预算数 | 决算数 | 增减额`)."""
    years = {
        y
        for side in table.sides
        for c in side.columns
        if c.kind in ("amount", "total") and (y := _year(table, c.index))
    }
    return any((kind, year - 1) in years for kind, year in years if kind == "y" or year == 0)


def _unscoped_section(ctx: CheckContext, c: Change) -> Section | None:
    """The section holding the change where neither its text up to the change (less the reasons given) nor the
    change's clause and headings state a scope; None otherwise."""
    doc = ctx.doc
    sentence = doc.sentences[c.sentence]
    section = titled(doc, sentence.start)
    if section is None or read(_clause(ctx, c)).context.scope is not None:
        return None
    if any(read(title).context.scope is not None for title in doc.section_path(sentence.start)):
        return None
    return section if read(_without_reasons(doc.text[section.start : sentence.end])).context.scope is None else None


def _name(label: str) -> str:
    text = LEADING.sub("", flatten(label)).removesuffix(ADJUSTING)
    for w in CLOSING:
        text = text.removesuffix(w)
    return item(text)


def _clause_context(ctx: CheckContext, c: Change) -> Context:
    """What the change's own clause and the headings above it say, under the document's own context:
    `经营收入减少 Δ，主要是…改由市级承办；上级补助收入增加 Δ` states no scope, and the second no fund but the one its name says."""
    return under_headings(ctx, _clause(ctx, c), ctx.doc.sentences[c.sentence].start).under(ctx.facts.document_context)


def _clause(ctx: CheckContext, c: Change) -> str:
    """The change's own clause: its sentence between the semicolons around its words, less the reasons it gives."""
    doc = ctx.doc
    sentence = doc.sentences[c.sentence]
    at = min((m.start for m in c.movements), default=sentence.start)
    begin = max((doc.text.rfind(ch, sentence.start, at) + 1 for ch in CLAUSE_BREAKS), default=sentence.start)
    ends = [k for ch in CLAUSE_BREAKS if (k := doc.text.find(ch, at, sentence.end)) >= 0]
    return _without_reasons(doc.text[max(begin, sentence.start) : min(ends, default=sentence.end)])


def _without_reasons(text: str) -> str:
    """The text less the reasons it gives for a change (`主要是…`, `下降的主要原因是…`, up to the clause's end)."""
    return REASONS.sub("", text)


def _section_scope(ctx: CheckContext, si: int) -> str | None:
    """The scope the text of the change's section states up to it (`市级一般公共预算支出年初预算为…` above `补助下级支出
    调增 Δ`), MIXED where it states two; of the section enclosing it where it states none."""
    doc = ctx.doc
    at = doc.sentences[si].end
    node = titled(doc, at)
    while node is not None:
        # (the nearest section that states one: a subsection of the part, `从主要税种看：`, may state none)
        scope = read(_without_reasons(doc.text[node.start : at])).context.scope
        if scope is not None:
            return scope
        node = node.parent
    return None


def _placed_for(ctx: CheckContext, table: Table, at: int) -> bool:
    """Is the table in a section enclosing the prose's, or after it with the report's annexes (`附表3`, or a number
    line of its own, `表3`, over its title)?"""
    if not (table.rows and table.rows[0]):
        return False
    start = table.rows[0][0].start
    holder = titled(ctx.doc, start)
    mine = titled(ctx.doc, at)
    if holder is None or mine is None:
        return start > at
    node: Section | None = mine
    while node is not None:
        if node is holder:
            return True
        node = node.parent
    return start > at and (
        any("附表" in line for line in (table.title, *table.caption))
        or any(NUMBER_LINE.match(line) for line in table.caption)
    )


# a table's number on a line of its own above its title (`表4`, `表 2：`): the report's tables gathered after its text
# are numbered so as often as `附表4`
NUMBER_LINE = regex(r"^\s*表\s*[\d一二三四五六七八九十]+\s*[：:]?\s*$")


def _change_cell(cells: Cells, header: re.Pattern[str], q: Quantity) -> tuple[Column, Quantity] | None:
    """Of a row's `cells`, the one under a column of the change's kind (its header matching `header`), of its kind
    and unit."""
    found = []
    for c, cell in cells:
        if not header.match(flatten(c.header)):
            continue
        if q.kind == "amount" and (cell.kind != "amount" or cell.base_unit != q.base_unit):
            continue
        found.append((c, cell))
    return found[0] if len(found) == 1 else None


def _compare(
    ctx: CheckContext,
    c: Change,
    m: Movement,
    q: Quantity,
    table: Table,
    found: tuple[Column, Quantity],
    base: Decimal = ZERO,
    fall: bool = False,
) -> Outcome | None:
    """The stated change against the cell, less `base` (100 for a 为上年% cell: the growth it says); a cell of a column
    of falls (`fall`) is the change negated."""
    column, cell = found
    stated = signed(interval(q), m.direction == "up")
    low, high = interval(cell)
    if fall:
        low, high = -high, -low
    verdict = ctx.judge(stated, (low - base, high - base), unit_of([q, cell]))
    if verdict == "pass":
        return Outcome(q, "pass", "cross_ref", operands=[cell])
    change = (-cell.base_value if fall else cell.base_value) - base
    if (change < 0) != (m.direction == "down") and change != 0:
        # (a word against the cell's sign is another mistake than a figure: told only where the size is the cell's,
        # the word then the one thing wrong)
        return _against_sign(ctx, c, m, q, table, found, (low - base, high - base))
    shown = (cell.text if base else cell.text.lstrip("-−")) + (
        "%" if q.kind == "percent" and not cell.text.endswith(("%", "％")) else ""
    )
    expected = shown
    if base:  # (what the prose should say is the growth the cell makes, the cell itself shown beside it)
        expected = f"{fmt(abs(change))}%"
        shown += f"（即{'增长' if change >= 0 else '下降'} {expected}）"
    message = f"正文“{_said(c, m)}”{q.text} 与{table_name(table)}中该行“{column.header}”{shown} 不符（文表不符）"
    return Outcome(q, verdict, "cross_ref", [(cell, "表中数字")], message, q.text, expected, operands=[cell])


# the header of a column of a stock at the year's end (`年末滚存结余`, `年末数`), and of the same stock at the year's
# opening (`年初滚存结余`, `上年末余额`, `年初数`): what the year's change of the stock is between, last year's end
# being the year's opening. Not a period's (`期末`, `期初`): a quarter's opening is no figure of last year
CLOSING_HEADER = regex(r"^(?:年末|年底)(?P<stock>[\u4e00-\u9fff]{1,8})$")
OPENING_WORDS = ("年初", "上年末", "上年底")


def _stock_ends(table: Table, row: int, col: int, q: Quantity) -> tuple[Quantity, Quantity, str, str] | None:
    """Where the figure is the row's cell of a stock at the year's end (`年末滚存结余`) and the table has one column of
    the same stock at its opening (`年初滚存结余`): the row's closing and opening cells and their headers. The change
    the prose states of the stock against last year's end (`比上年末增加 Δ`) is the one less the other."""
    columns = [c for side in table.sides for c in side.columns]
    own = next((c for c in columns if c.index == col), None)
    closing = CLOSING_HEADER.match(flatten(own.header)) if own is not None else None
    if own is None or closing is None:
        return None
    names = {w + closing["stock"] for w in OPENING_WORDS}
    opening = [c for c in columns if flatten(c.header) in names]
    if len(opening) != 1:
        return None
    end, start = table.quantity(row, col), table.quantity(row, opening[0].index)
    if end is None or start is None or not (end.exact and start.exact):
        return None
    if any(x.kind != "amount" or x.base_unit != q.base_unit for x in (end, start)):
        return None
    return end, start, flatten(own.header), flatten(opening[0].header)


def _compare_stock(
    ctx: CheckContext, c: Change, m: Movement, q: Quantity, table: Table, ends: tuple[Quantity, Quantity, str, str]
) -> Outcome | None:
    """The stated change of a stock against its row's closing cell less its opening one (`_stock_ends`). A word
    against the difference's sign is left unsaid: which of the word and the figure is wrong is not told."""
    end, start, end_header, start_header = ends
    stated = signed(interval(q), m.direction == "up")
    verdict = ctx.judge(stated, sub(interval(end), interval(start)), unit_of([q, end, start]))
    if verdict == "pass":
        return Outcome(q, "pass", "cross_ref", operands=[end, start])
    change = end.base_value - start.base_value
    if change != 0 and (change < 0) != (m.direction == "down"):
        return None
    expected = f"{fmt(abs(change) / q.scale, q.decimals)}{q.unit}"
    message = (
        f"正文“{_said(c, m)}”{q.text} 与{table_name(table)}中该行“{end_header}”{end.text} − “{start_header}”"
        f"{start.text} 之差 {expected} 不符（文表不符）"
    )
    related = [(end, "表中期末数"), (start, "表中期初数")]
    return Outcome(q, verdict, "cross_ref", related, message, q.text, expected, operands=[end, start])


def _against_sign(
    ctx: CheckContext,
    c: Change,
    m: Movement,
    q: Quantity,
    table: Table,
    found: tuple[Column, Quantity],
    change: tuple[Decimal, Decimal],
) -> Outcome | None:
    """A stated change whose size is the row's cell but whose word moves the other way (`下降 21.0%` against a cell of
    21.0): the direction word is wrong; None where the size differs too (which of the two is wrong is not told)."""
    if c.current is not None and id(c.current) in _based(ctx):
        return None  # (its figures' own direction is TO204's, the row's last year its base: told once)
    column, cell = found
    up = change[0] > 0
    size = change if up else (-change[1], -change[0])
    if size[0] <= 0 or ctx.judge(interval(q), size, unit_of([q, cell])) != "pass":
        return None
    word = "增长" if up else "下降"
    message = (
        f"正文“{_said(c, m)}”{q.text} 与{table_name(table)}中该行“{column.header}”{cell.text} 方向相反"
        f"（表中为{word}，文表不符）"
    )
    return Outcome(q, "fail", "cross_ref", [(cell, "表中数字")], message, m.word, word, operands=[cell])


def _based(ctx: CheckContext) -> set[int]:
    """The figures of changes whose earlier figure the change checks hold them to (stated, or the row's last year:
    `changes.changes`): their direction is TO204's."""
    from tieout.checks.changes import changes

    return ctx.memo(
        "text_changes.based", lambda: {id(x.current) for x in changes(ctx) if x.base is not None and x.current}
    )


def _said(c: Change, m: Movement) -> str:
    """The change's words as a finding quotes them: `补助下级支出调增`, `企业所得税…增长`."""
    label = LEADING.sub("", flatten(c.label))
    return f"{label}{m.word}" if label.endswith(ADJUSTING) else f"{_name(label)}…{m.word}"
