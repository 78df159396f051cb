"""Prose against tables (文表一致): a figure the explanation states and the table cell that is the same
quantity."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from functools import cache
from typing import TypeVar, overload

from tieout.linter.facts.identity import APPROPRIATION, document_title
from tieout.linter.facts.model import Mention
from tieout.linter.facts.passes.base import ADDING, UNIT_STEPS
from tieout.linter.figures.context import (
    MIXED,
    Context,
    named_periods,
    read,
    same_scope,
    township_scopes,
    year_part,
)
from tieout.linter.figures.intervals import interval, unit_of
from tieout.linter.figures.labels import (
    BUDGET_STAGE,
    BUDGET_TAIL,
    GENERIC_ITEMS,
    SIDE_LIST_LEAD,
    STAGE_AND_SIDE,
    shared_word,
    spelt_out,
)
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.tables import Row, Side, Table
from tieout.linter.parse.tables.cells import flatten
from tieout.linter.parse.tables.identities import item as row_item
from tieout.linter.parse.tables.jurisdiction import named_whole, title_context
from tieout.linter.parse.tables.lookup import (
    CellIdentity,
    Hit,
    TableIndex,
    block_names,
    compatible,
    identities,
    one_row_each,
)
from tieout.linter.parse.tables.vocab import HEADING_NOTE, defined_sums, fall_heading
from tieout.linter.patterns import regex
from tieout.linter.rules.base import CheckContext, Outcome
from tieout.linter.text.model import Document, Section
from tieout.linter.text.normalise import HEADING, numbering
from tieout.linter.vocab import alternation, load

from .._util import SLIP_MONEY_UNITS, unit_foreign, written
from ._judge import held_to_cell, table_name
from .named_columns import heading
from .titles import explanations


def _words(key: str) -> list[str]:
    """A word list of the tables vocabulary, each word escaped for a pattern."""
    return [re.escape(str(w)) for w in load("tables").get(key) or []]


CLASS_MARK = regex(r"[（(](?:类|款|项)[）)]")
# what opens a label that is no part of its item: `其中`, punctuation, and `另有` (`…收入合计 A。另有年初结转和结余
# B`: B is the row 年初结转和结余, the words say only that it comes beside the total)
# and the dash a listed item opens with (`——卫生健康支出 X`)
LEADING = regex(rf"^(?:其中[：:，,]?|另有|[，、；：:]|—{{1,2}}|{SIDE_LIST_LEAD})+")
# a label naming who achieved a figure before what it is (`集团实现营业收入`, `全年实现利润总额`)
ACHIEVED = regex(r"^[\u4e00-\u9fff]{0,8}?实现(?P<what>[\u4e00-\u9fff]{2,30})$")
# a label naming the company the report is of, then what its figure is (`公司营业收入为`, `报告期内公司营业收入达到`): the
# row of that name in the company's tables, as with `实现`
OWN_FIGURE = regex(r"^(?:报告期内|本年度?|全年)?(?:本|我)?公司(?P<what>[\u4e00-\u9fff]{2,30}?)(?:达到|为)?$")


def text_table_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """Prose figures against the table cells that are certainly the same quantity, and the overall score
    against a score table's 合计."""
    from .text_scores import level_outcomes, score_outcomes

    yield from score_outcomes(ctx)
    yield from level_outcomes(ctx)
    if not ctx.facts.tables:
        return
    from .text_rates import row_rate_outcomes  # (it reads this module's sections and contexts)

    yield from row_rate_outcomes(ctx)
    from .text_rates import indicator_rate_outcomes

    yield from indicator_rate_outcomes(ctx)
    from .text_changes import change_cell_outcomes

    yield from change_cell_outcomes(ctx)
    from .text_shares import row_share_outcomes

    yield from row_share_outcomes(ctx)
    from .text_debts import debt_cell_outcomes
    from .text_totals import summary_total_outcomes

    referred = [
        *referred_whole_outcomes(ctx),
        *staged_whole_outcomes(ctx),
        *announced_total_outcomes(ctx),
        *summary_total_outcomes(ctx),
        *debt_cell_outcomes(ctx),
    ]
    yield from referred
    done = {id(o.anchor) for o in referred}
    outer = ctx.facts.document_context
    index = ctx.memo("tables.held_index", lambda: _held_index(ctx))
    for said in ctx.facts.mentions:
        m = _tallied(ctx, said) or said
        named: tuple[list[Hit], Context] | None = None  # the cells the label names: read once per mention
        for q in m.quantities:
            if q.kind != "amount" or not q.exact or id(q) in done:
                continue
            if named is None:
                named = _named_cells(ctx, index, m, outer)
            hits = _same_quantity(*named, q) or _explained(ctx, *named, q) or _section_cell(ctx, m, named[0], q)
            if hits and _apart(ctx.doc, q.start, hits[0].quantity.start):
                continue
            if hits and not _part_total(ctx, m, q) and (not index.aligned(hits) or _plainly_named(ctx, m, q, hits)):
                o = _compare(ctx, index, m, q, hits)
                if o is not None:
                    yield o


# a figure named by a tally word alone (`计`, `共计`), and the figure per unit right before it (`中央补助每户`): the
# thing so much per unit is paid for, and the unit
TALLY = regex(r"^[，,、]?\s*(?:计|共计|合计|总计)(?:为)?$")
PER_UNIT_NAME = regex(
    r"^(?:其中[：:，,]?)?(?P<name>[\u4e00-\u9fff]{2,12}?)(?<![按以])每(?:户|人|生|亩|所|套|名|个|公里|平方米)$"
)


def _tallied(ctx: CheckContext, m: Mention) -> Mention | None:
    """`中央补助每户 1 万元，计 9,836.00 万元`: the tally after a figure per unit of the same money is the whole of
    what is so paid per unit (中央补助), the label a table's row gives it."""
    if not TALLY.match(m.label) or len(m.quantities) != 1:
        return None
    mentions = ctx.index.in_sentence(m.sentence)
    k = next((i for i, x in enumerate(mentions) if x is m), 0)
    if k == 0:
        return None
    before = mentions[k - 1]
    named = PER_UNIT_NAME.match(before.label)
    one = before.quantities[0] if len(before.quantities) == 1 else None
    if named is None or one is None or one.kind != "amount" or one.base_unit != m.quantities[0].base_unit:
        return None
    return replace(m, label=named["name"])


def prose_index(ctx: CheckContext) -> TableIndex:
    """The index of the tables a rate's budget is read from, built once per document (TO105). A space-aligned
    text table's column names are placed by position: not certain enough for a row's other columns (TO304
    holds the cells of such tables that are certain, `HeldIndex`)."""
    outer = ctx.facts.document_context
    return ctx.memo(
        "tables.prose_index",
        lambda: TableIndex([t for t in ctx.facts.tables if not t.by_position], outer, _cells(ctx)),
    )


def _cells(ctx: CheckContext) -> Callable[[Table], list[Hit]]:
    """A table's cells with their identities (`identities` under the document's context), read once per
    document: TO304's index (`HeldIndex`) and the prose index hold the same tables' cells."""
    known: dict[int, list[Hit]] = ctx.memo("tables.cell_identities", dict)
    outer = ctx.facts.document_context

    def cells(table: Table) -> list[Hit]:
        hits = known.get(id(table))
        if hits is None:
            hits = known[id(table)] = identities(table, outer)
        return hits

    return cells


Key = TypeVar("Key")
Default = TypeVar("Default")


class HeldIndex(TableIndex):
    """The cells prose figures are held to by TO304: every table's, but of a space-aligned table only the
    cells whose quantity is certain as it stands (`_Holding`), and tables looked up by their index."""

    def __init__(self, tables: list[Table], outer: Context, cells: Callable[[Table], list[Hit]] | None = None) -> None:
        super().__init__(tables, outer, cells)
        self.tables_by_index = {t.index: t for t in tables}
        # every cell of an item, held or not (the lists are replaced below, not changed): a figure some table
        # states for the item is no mismatch
        self.every = dict(self.by_item)
        # (the judge holds no reference to the index: a bound method of the index in its own mappings made a
        # cycle, which kept every cell of the document alive until the next collection)
        held = _Holding(self.tables_by_index).held
        self.by_item = _Held(self.by_item, held)
        self.by_column = _Held(self.by_column, held)
        self.by_path = _Held(self.by_path, held)

    def aligned(self, hits: list[Hit]) -> bool:
        """Is one of the cells of a space-aligned table?"""
        return any(self.tables_by_index[h.identity.table].aligned for h in hits)


class _Holding:
    """`HeldIndex`'s judge of its cells, each cell judged once (a cell is indexed by item, column and path alike)."""

    def __init__(self, tables_by_index: dict[int, Table]) -> None:
        self.tables_by_index = tables_by_index
        self._judged: dict[int, bool] = {}
        self._columns: dict[tuple[int, int], bool] = {}  # (table, grid column): `_held_column`

    def held(self, hits: list[Hit]) -> list[Hit]:
        """The cells that are held."""
        judged = self._judged
        out = []
        for h in hits:
            held = judged.get(id(h))
            if held is None:
                held = judged[id(h)] = self._held_cell(h)
            if held:
                out.append(h)
        return out

    def _held_cell(self, hit: Hit) -> bool:
        """Is a cell of a space-aligned table certainly the quantity its identity says? Its column's name stands
        over its figures (not given by the nearest placing, `Table.off_header`) and names a stage of the row or
        its whole, or the side has that column only, or the header is placed with certainty (`Table.placed`: every
        column's name is where it stands); the table states fund (its money alone will do: `_fund_stated`), stage
        and year (its title or header): a prose figure of a fund is held to it only then; and a row that names a fund's whole (`一般公共预算支出`) is that
        whole only in a table whose title names it (in `…基本支出经济分类决算表` it totals the 基本支出). A table
        read from lines of pipes or cells has its names where they are written: every cell is held."""
        # (what depends on the cell's column only, its side and header, is judged once a column)
        ident = hit.identity
        table = self.tables_by_index[ident.table]
        if not table.aligned:
            return True
        column = self._columns.get((ident.table, ident.col))
        if column is None:
            column = self._columns[(ident.table, ident.col)] = _held_column(table, ident)
        return (
            column
            and _fund_stated(table, ident)
            and ident.context.known("stage", "period")
            and _held_item(table, ident)
        )


class _Held(Mapping[Key, list[Hit]]):
    """The cells under each key of an index that `HeldIndex` holds prose figures to, each key's cells judged
    (`held`) when the key is first looked up: a prose figure asks for the few items it names, where judging every
    cell of every table up front judged ten times as many (iterating the mapping judges them all, as before)."""

    def __init__(self, found: Mapping[Key, list[Hit]], held: Callable[[list[Hit]], list[Hit]]) -> None:
        self._found = found
        self._held = held
        self._kept: dict[Key, list[Hit]] = {}

    def __getitem__(self, key: Key) -> list[Hit]:
        kept = self._kept.get(key)
        if kept is None:
            kept = self._kept[key] = self._held(self._found[key])
        return kept

    @overload
    def get(self, key: Key, /) -> list[Hit] | None: ...

    @overload
    def get(self, key: Key, /, default: list[Hit] | Default) -> list[Hit] | Default: ...

    def get(self, key: Key, /, default: object = None) -> object:
        # (looked up once or more per prose figure, most keys absent: the Mapping mixin's, through a KeyError, cost
        # more)
        return self[key] if key in self._found else default

    def __contains__(self, key: object) -> bool:
        return key in self._found

    def __iter__(self) -> Iterator[Key]:
        return iter(self._found)

    def __len__(self) -> int:
        return len(self._found)


def _held_index(ctx: CheckContext) -> HeldIndex:
    return HeldIndex(list(ctx.facts.tables), ctx.facts.document_context, _cells(ctx))


def held_index(ctx: CheckContext) -> HeldIndex:
    """TO304's index of the cells prose figures are held to, built once per document."""
    return ctx.memo("tables.held_index", lambda: _held_index(ctx))


def held_context(ctx: CheckContext, m: Mention) -> Context:
    """The context a prose figure is looked up in: its label's, under its sentence's and headings', under the
    document's (as `_named_cells` reads it)."""
    return read(m.label).context.under(_context(ctx, m)).under(ctx.facts.document_context)


# the columns whose figures are the row's quantity at a stage of the budget, or its whole: a prose figure
# restates such a cell; another column (上年数, a fund's share of the row, a rate) it does not
STATED_COLUMNS = frozenset({"预算数", "调整预算数", "决算数", "执行数", "本年数", "合计"})
WHOLE = ("收入", "支出")  # what a label names the whole of a fund by (一般公共预算支出)


def _held_column(table: Table, ident: CellIdentity) -> bool:
    """`HeldIndex._held_cell`'s test of the cell's column (the same for every cell of it): its side and its header."""
    side = next((sd for sd in table.sides if sd.column(ident.col) is not None), None)
    if side is None or ident.col in table.off_header:
        return False
    figures = [c for c in side.columns if c.kind not in ("ratio", "growth", "share", "serial")]
    return table.placed or ident.column in STATED_COLUMNS or len(figures) == 1


# the money of a budget's fund a table's title may name it by alone (`…社会保险基金决算表`: vocab tables title_fund_money)
TITLE_FUND_MONEY = tuple(str(w) for w in load("tables").get("title_fund_money") or [])


def _fund_stated(table: Table, ident: CellIdentity) -> bool:
    """Does the space-aligned table state the fund of its cells: by the fund's name (the cell's context knows it), or
    by the fund's money alone in its title (`…社会保险基金决算表`)?"""
    return ident.context.known("fund") or (
        ident.context.fund is None and any(w in table.title for w in TITLE_FUND_MONEY)
    )


def _held_item(table: Table, ident: CellIdentity) -> bool:
    """`HeldIndex._held_cell`'s test of the cell's row item: a fund's whole only in a table whose title names it."""
    label = read(ident.item)
    fund = label.context.fund
    if fund and label.rest in WHOLE:
        return any(f"{w}{label.rest}" in table.title or f"{w}收支" in table.title for w in _fund_words(fund))
    return True


def _fund_words(fund: str) -> list[str]:
    from tieout.linter.vocab import wordings

    return wordings("context", "fund").get(fund, [fund])


# a total named by itself (`总收入`, `收入合计`): the whole of what the sentence is about
BARE_TOTAL = regex(r"^(?:总收入|总支出|收入总计|支出总计|收入合计|支出合计|总计|合计)$")
# an enumeration within the sentence (`一是…二是…`): what follows each mark is a part of the whole
PART_MARK = regex(r"[一二三四五六七八九十]是")
# a sentence opening on what was listed before it (`以上8个项目…`, `上述各单位…`): its totals are of those
LISTED_BEFORE = regex(r"\s*(?:以上|上述|前述)(?:[\d一二三四五六七八九十百]+\s*(?:个|项|家|所|户)|各)")


def _section_cell(ctx: CheckContext, m: Mention, hits: list[Hit], q: Quantity) -> list[Hit]:
    """The one cell a section's heading and the figure's label name (`_section_row_and_column`), of the figure's
    unit: its scope or fund, known to the table and left open by the prose, is the heading's thing's."""
    if id(m) not in _section_rows(ctx):
        return []
    return [h for h in hits if h.quantity.base_unit == q.base_unit]


def _plainly_named(ctx: CheckContext, m: Mention, q: Quantity, hits: list[Hit]) -> bool:
    """Does the prose name the space-aligned table's cell plainly: by its section's heading (the row) and its label
    (the column), or as `_plain` reads it?"""
    return id(m) in _section_rows(ctx) or _plain(ctx, m, q, hits)


def _plain(ctx: CheckContext, m: Mention, q: Quantity, hits: list[Hit]) -> bool:
    """Does the prose say plainly which quantity of a space-aligned table's the figure is: no bare total of an
    enumerated part (`_part_total`), and the scope its paragraph states up to it the cells' (none where they
    have none)? A heading far above may state a scope the paragraph's own entity (a zone, a fund's unit the
    context words do not know) is not. A table whose header is placed with certainty and whose title states no
    scope is of the document's: the paragraph then states none either."""
    sentences = ctx.doc.sentences
    if not 0 <= m.sentence < len(sentences):
        return False
    first = ctx.doc.paragraph_of(m.sentence).start
    before = ctx.doc.text[sentences[first].start : q.start]
    scope = read(before).context.scope
    opens = scope is None and _opens_with(before, m.label)
    # (the title of the explanation the paragraph stands under states it as plainly: titles.py)
    titled_scope = _titled_scope(ctx, q) if scope is None else None
    return all(
        _scope_stated(ctx, h) == scope
        or (titled_scope is not None and _scope_stated(ctx, h) == titled_scope)
        or (opens and _heading_scope(ctx, q, h))
        or (scope is None and (_title_scope_under_heading(ctx, q, h) or _documents_account(ctx, q, h)))
        or (scope is not None and scope == _named_whole(ctx, h))
        or _townships_own(ctx, scope, h)
        for h in hits
    )


def _townships_own(ctx: CheckContext, scope: str | None, hit: Hit) -> bool:
    """Is the report a township's (its title's government a 镇 or 乡: the document's scope 全镇), the cell of its own
    level (`镇级…预算表`), and the paragraph's scope that or none? A township keeps the lowest budget: its own level
    is the whole the report is of (context.yaml township_levels), which the prose need not repeat."""
    own = townships_whole(ctx)
    cell = hit.identity.context.scope
    if own is None or cell is None or not same_scope(own, cell):
        return False
    return scope is None or same_scope(scope, cell)


def townships_whole(ctx: CheckContext) -> str | None:
    """The township the report is of (`全镇`), where its title names a 镇 or 乡 as its government; else None. Found
    once per document: it is asked of every cell a figure is held to."""
    return ctx.memo("tables.townships_whole", lambda: _township_scope(ctx.facts.document_context.scope))


def _township_scope(scope: str | None) -> str | None:
    """The scope where it is a township's whole (`全镇`; context.yaml township_levels), else None."""
    return scope if scope in {whole for whole, _ in township_scopes().values()} else None


# a heading that is a sentence, not a title (`一、工伤保险基金支出决算数为 X 万元，…`): an item of the explanation,
# naming the row only (titles.py); a long one wrapped before its unit (`…决算数为 4733306` / `万元，…`)
ITEM_SENTENCE = regex(r"[。，,；;]|\d\s*(?:万元|亿元|元)|为\s*\d")


def _titled_scope(ctx: CheckContext, q: Quantity) -> str | None:
    """The scope of the explanation title the figure stands under (`关于2025年度全市…决算情况的说明`: titles.py),
    where every heading between the title and the figure is an item of it (a sentence naming a row) or states
    that scope too. A heading of its own between them (`（二）市本级…`, `（二）江北市…` naming an entity the context
    words do not know) starts another part: the title's scope is not the figure's there."""
    found = explanations(ctx)
    scope = found.context_at(q.start).scope
    end = found.end_before(q.start)
    if scope is None or end is None:
        return None
    between = ctx.doc.sections_between(end, q.start)
    return scope if all(_item_of_title(s.title, scope) for s in between) else None


def _item_of_title(heading: str, scope: str) -> bool:
    """Is the heading an item under an explanation title of that scope: it states that scope, or is a sentence
    stating no other?"""
    said = read(heading).context.scope
    return said == scope or (said is None and ITEM_SENTENCE.search(heading) is not None)


def _named_whole(ctx: CheckContext, hit: Hit) -> str | None:
    """The whole (全区) the cell's table names by the government's name in a document that states no figure of the
    government's own level (`jurisdiction.named_whole`): read once per table."""
    wholes: dict[int, str | None] = ctx.memo("tables.named_wholes", lambda: _named_wholes(ctx))
    return wholes.get(hit.identity.table)


def _named_wholes(ctx: CheckContext) -> dict[int, str | None]:
    own = {s for m in ctx.facts.mentions if (s := m.identity.context.scope) is not None}
    head = document_title(ctx.doc)
    return {t.index: named_whole(t, head, own) for t in ctx.facts.tables}


# the scopes of a document all of whose tables are its own entity's: a department's report, a project's evaluation
# (vocab tables own_tables)
OWN_TABLES = frozenset(load("tables")["own_tables"])


def _documents_account(ctx: CheckContext, q: Quantity, hit: Hit) -> bool:
    """Is the cell a coded row (a 类 / 款 / 项 of the classification, `2081902 农村最低生活保障金支出`) of a table
    whose title states no scope, the cell's scope the document's own (a department's budget: 部门), and no
    heading above the figure states another? The account so named, exactly, is then the document's entity's: the
    paragraph need not state the scope the whole report is of. In a department's own report (its scope 部门), or
    a project's (项目: its evaluation), any row is so: its tables are the department's or the project's, which a
    government's report of several levels is not."""
    own = ctx.facts.document_context.scope
    if not (hit.identity.code or own in OWN_TABLES):
        return False
    if title_context(tables_by_index(ctx)[hit.identity.table]).scope is not None:
        return False
    if own is None or own == MIXED or hit.identity.context.scope != own:
        return False
    node = _scope_heading(ctx, q)
    return node is None or read(node.title).context.scope == own


# the numbering of a paragraph that opens an enumerated item (`4.`, `（二）`, `3、`)
ITEM_NUMBER = regex(
    r"^\s*(?:\d{1,2}\s*[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)?\s*"
)


def _opens_with(before: str, label: str) -> bool:
    """Does the paragraph open with the figure's label, nothing before it but the item's number (`4.卫生健康支出
    X`)? It then names no entity of its own, whatever entity its heading names."""
    return bool(label) and ITEM_NUMBER.sub("", before).strip() == ITEM_NUMBER.sub("", label).strip()


def _scope_heading(ctx: CheckContext, q: Quantity) -> Section | None:
    """The nearest heading above the figure that states a scope."""
    node = titled(ctx.doc, q.start)
    while node is not None and (not node.title or read(node.title).context.scope is None):
        node = node.parent
    return node


def _title_scope_under_heading(ctx: CheckContext, q: Quantity, hit: Hit) -> bool:
    """Does the cell's table state its scope in its title (`…县本级…平衡表`; or the jurisdiction as a whole by the
    government's name, `禾阳县…决算表`, `Table.whole`), and the nearest heading above the figure that states a scope
    state the same (`（一）全县一般公共预算收支决算情况` over `罚没收入 X`, `（二）县本级…平衡情况` over `上级补助收入…
    其中：…专项转移支付收入 X`)? The figure is of that scope as the table's row is: the two are named by the same words."""
    scope = title_context(tables_by_index(ctx)[hit.identity.table]).scope
    node = _scope_heading(ctx, q) if scope else None
    return node is not None and read(node.title).context.scope == scope


def _heading_scope(ctx: CheckContext, q: Quantity, hit: Hit) -> bool:
    """Does the nearest heading above the figure that states a scope state the cell's, with the cell's table
    under that heading too (`二、市本级一般公共预算支出决算` over its 支出决算表 and the items explaining it)?"""
    expected = _scope_stated(ctx, hit)
    node = _scope_heading(ctx, q)
    if node is None or expected is None or read(node.title).context.scope != expected:
        return False
    table = tables_by_index(ctx)[hit.identity.table]
    holder = ctx.doc.section_at(table.rows[0][0].start) if table.rows and table.rows[0] else None
    if holder is not None and any(s is node for s in _enclosing(holder)):
        return True
    return node is titled(ctx.doc, q.start) and _annex_of(table, expected, q.start)


# the number line of an annex table above its title (`附表1`, `附表 2：`)
ANNEX_NUMBER = regex(r"^\s*附表\s*[\d一二三四五六七八九十]+\s*[：:]?\s*$")


def _annex_of(table: Table, scope: str, at: int) -> bool:
    """Is the table an annex of the report after the figure (`附表1` over its title, the tables gathered after
    the last part of the text, in whichever section that leaves them) whose title states the scope itself
    (`某县2026年县本级一般公共预算支出预算表`)? Such a table is of the report's part its title names: a figure
    whose own heading states that scope (`（三）县本级一般公共预算草案`, the paragraph naming no entity of its own)
    is held to it as to a table under that heading. Its fund, stage and year the lookup holds alike."""
    return (
        bool(table.rows and table.rows[0])
        and table.rows[0][0].start > at
        and any(ANNEX_NUMBER.match(line) for line in table.caption)
        and read(table.title).context.scope == scope
    )


def _scope_stated(ctx: CheckContext, hit: Hit) -> str | None:
    """The scope a prose figure's paragraph must state to be the cell's: the cell's, or none where its table is
    placed with certainty and its title states none (its scope is the document's, which the prose need not
    repeat; a positional table's cell is held only where the paragraph states it)."""
    table = tables_by_index(ctx)[hit.identity.table]
    if table.placed and title_context(table).scope is None:
        return None
    return hit.identity.context.scope


def _part_total(ctx: CheckContext, m: Mention, q: Quantity) -> bool:
    """Is the figure a bare total (`总收入`) stated within an enumerated part of its sentence (`二是某项基金
    收入 X，加上… 后，总收入 Y`), or in a sentence opening on what was listed before it (`以上8个项目预算合计 A，
    支出合计 B`)? Then it is that part's or those items' total, which the context words need not name: not the
    whole a table of the section totals."""
    if not BARE_TOTAL.match(row_item(read(LEADING.sub("", m.label)).rest)):
        return False
    sentence = ctx.doc.sentences[m.sentence] if 0 <= m.sentence < len(ctx.doc.sentences) else None
    if sentence is None:
        return False
    text = ctx.doc.text
    return (
        PART_MARK.search(text, sentence.start, q.start) is not None
        or LISTED_BEFORE.match(text, sentence.start) is not None
    )


def cells_for(ctx: CheckContext, index: TableIndex, m: Mention, q: Quantity, outer: Context) -> list[Hit]:
    """The cells that are certainly the quantity of this prose figure: its identity's context (the facts'
    reading of the label, sentence, headings and title) against each table's, its label naming the row
    exactly (the identity's item, synonyms applied, is tried after it)."""
    return _same_quantity(*_named_cells(ctx, index, m, outer), q)


def row_of(ctx: CheckContext, m: Mention, q: Quantity, rounded: bool = False) -> list[Hit]:
    """Every cell of the table rows that certainly are this prose figure (its row named, its context known
    alike, its cell's value the figure's), one row a table, from the tables whose column names are where they
    are written (`prose_index`); none when no row, or two of one table, is. What a prose rate or change takes the operands
    its sentence does not state from (the row's 预算数, its 上年数). `rounded`: a figure written in a coarser unit
    is the cell it rounds (`restates`), and a label may end with a word saying what is done with the row's
    figure (`支出安排 A`, vocab tables.row_verbs)."""
    index = prose_index(ctx)
    hits = _restated(ctx, index, m, q, rounded)
    if not hits and rounded and (bare := _unverbed(m)) is not None:
        hits = _restated(ctx, index, bare, q, rounded)
    if not hits and rounded and abs(q.value) >= 100 * q.ulp and (bare := _unachieved(m)) is not None:
        # (its value is what says the figure is the row's, not another entity's: a figure of fewer than three
        # significant digits, `子公司实现营业收入 20 亿元`, rounds too many cells to say so)
        hits = _restated(ctx, index, bare, q, rounded)
    if not hits and rounded:
        # (`…城乡社区支出 A，比上年执行数增加 Δ（分功能科目安排详见附表3）`: the sentence names the table its figures are of)
        hits = _referred_cells(ctx, index, m, q) or _whole_named_cells(ctx, index, m, q)
    if not hits and rounded:
        hits = _unscoped_cells(ctx, index, m, q)
    if not hits and rounded and (own := _fund_own_row(m)) is not None:
        hits = _restated(ctx, index, own, q, rounded) or _unscoped_cells(ctx, index, own, q)
    rows = {(h.identity.table, h.identity.row) for h in hits}
    if not rows or len({table for table, _ in rows}) != len(rows):
        return []  # (two rows of one table so named: which one is meant is not said)
    # one row in each table that restates the figure (`表1 2024年执行` and `表2` beside the next year's budget): the
    # cells of them all, the caller taking an operand only where the rows agree on it
    cell = hits[0].identity
    return [h for h in index.by_item.get(cell.item, []) if (h.identity.table, h.identity.row) in rows]


# a fund's flow named by the fund (`社会保险基金预算收入`, `政府性基金预算支出`): the fund's name, what it flows as; only
# a scope before it (`全县`, `县本级`: the figure's identity holds it), no other words (`上解上级政府性基金支出` is a
# transfer out of the fund, not its spending)
FUND_FLOW = regex(
    r"^(?:全[省市县区州]|[省市县区州]?本级)?(?P<fund>(?:社会保险|政府性)基金(?:预算)?)(?P<flow>收入|支出)$"
)


def _fund_own_row(m: Mention) -> Mention | None:
    """`全县社会保险基金预算收入 A` as the row a fund's table names by the fund's own word, `基金收入` (`社会保险基金合计` over
    `一、基金收入`): the same flow of the same fund, its scope (`全县`) left to the figure's identity. Only where the
    cell is A (`row_of`)."""
    named = FUND_FLOW.match(m.label.strip())
    if named is None:
        return None
    return replace(m, label=f"{named.group('fund')}基金{named.group('flow')}")


# the significant digits a prose figure has at least for its value alone to say which unscoped table row it is
UNSCOPED_DIGITS = 4


def _unscoped_cells(ctx: CheckContext, index: TableIndex, m: Mention, q: Quantity) -> list[Hit]:
    """The cells of the row the figure's label names, of a table of no scope, where the figure is of the whole
    jurisdiction (`全县`, given it by its passage: `全县一般公共预算支出完成 T。…2.社会保障和就业支出 a，比上年减少 Δ`)
    and the row's cell states its value exactly: in a report none of whose tables' titles states a scope, and none
    of whose figures is of the government's own level (`县本级`), the tables are the jurisdiction's the prose speaks
    of (`表2 2025年一般公共预算支出决算表`), as a title naming the government alone is (jurisdiction.named_whole).
    The value, of four significant digits at least, is what ties the figure to the row; none where the label itself
    names the scope (a whole's row is `whole_row_of`'s), or rows of two values are named."""
    scope = _context(ctx, m).scope
    if scope is None or not scope.startswith("全") or read(m.label).context.scope is not None:
        return []
    if not q.exact or q.approx or len(q.value.normalize().as_tuple().digits) < UNSCOPED_DIGITS:
        return []
    if not _unscoped_report(ctx) or _refers_to_a_table(ctx, m):
        return []  # (a sentence naming the table its figures are of, `详见附表3`, names no other: `_referred_cells`)
    bare = replace(m, identity=replace(m.identity, context=replace(m.identity.context, scope=None)))
    hits = _same_quantity(*_named_cells(ctx, index, bare, replace(ctx.facts.document_context, scope=None)), q)
    return hits if all(h.quantity.base_value == ctx.value(q) for h in hits) else []


def _refers_to_a_table(ctx: CheckContext, m: Mention) -> bool:
    if not 0 <= m.sentence < len(ctx.doc.sentences):
        return False
    sentence = ctx.doc.sentences[m.sentence]
    return REFERRED.search(ctx.doc.text, sentence.start, sentence.end) is not None


def _unscoped_report(ctx: CheckContext) -> bool:
    """Does the report title no table with a scope, and state no figure of a scope but a whole jurisdiction's
    (`全县`)? Read once per document."""

    def unscoped() -> bool:
        if any(title_context(t).scope is not None for t in ctx.facts.tables):
            return False
        scopes = {s for m in ctx.facts.mentions if (s := m.identity.context.scope) is not None and s != MIXED}
        return all(s.startswith("全") for s in scopes)

    return bool(ctx.memo("tables.unscoped_report", unscoped))


# a sentence naming the table that details its figures (`详见附表3`, `见表 2`), and the number of the table it names
# (not `意见表2`: a table of opinions, named)
REFERRED = regex(
    r"(?:[详参]见|(?<!意)见)(?P<table>(?:附表|表)\s*(?:\d+|[一二三四五六七八九十]+))(?![\d一二三四五六七八九十])"
)


def _referred_cells(ctx: CheckContext, index: TableIndex, m: Mention, q: Quantity) -> list[Hit]:
    """The cell of the row the figure's label names (exactly, as `_items` reads it) in the one table its sentence
    names by its number (`详见附表3` and the table captioned `附表3 …`), where that cell is the figure's value: the
    sentence says which table its figures are of, whatever context that table's title states or the figure's words
    leave out. None where the sentence names no table, or two; or where the table has no such row, or two."""
    if not 0 <= m.sentence < len(ctx.doc.sentences):
        return []
    sentence = ctx.doc.sentences[m.sentence]
    named = {re.sub(r"\s+", "", x["table"]) for x in REFERRED.finditer(ctx.doc.text, sentence.start, sentence.end)}
    if len(named) != 1:
        return []
    number = named.pop()
    tables = [t for t in index.tables if any(_numbered(line, number) for line in (t.title, t.section, *t.caption))]
    if len(tables) != 1:
        return []
    cells = [h for h in _cells(ctx)(tables[0]) if restates(ctx, q, h.quantity, rounded=True)]
    for name, _ in _items(m):
        hits = [h for h in cells if h.identity.item == name and not h.identity.total_row]
        if hits:
            return hits if len({h.identity.row for h in hits}) == 1 else []
    return []


# a sentence naming the table that sets out what its figure is made of (`具体构成见表2`, `支出明细详见附表3`)
MADE_OF_TABLE = regex(
    r"(?:构成|组成|明细)(?:情况)?(?:[详参]见|(?<!意)见)(?P<table>(?:附表|表)\s*(?:\d+|[一二三四五六七八九十]+))"
    r"(?![\d一二三四五六七八九十])"
)
# a figure stated as the whole its sentence speaks of a part of (`13,905.16 万元支出中，…`): what it is, then 中
WHOLE_OF = regex(r"\s*(?P<noun>[\u4e00-\u9fff]{0,6}?)中[，,]")


def referred_whole_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """`X 万元支出中，…，具体构成见表2`: the one sum of money of a sentence that names the table setting out its make-up,
    stated as the whole the sentence speaks of a part of, is that table's total: the one cell in its money of the
    table's one 合计 row (the table named by its number, one table so numbered; what the figure is, if named, in the
    table's title)."""
    text = ctx.doc.text
    if "见" not in text or not ctx.facts.tables:
        return
    by_sentence: dict[int, list[Quantity]] = {}
    for m in ctx.facts.mentions:
        by_sentence.setdefault(m.sentence, []).extend(q for q in m.quantities if q.kind == "amount")
    for si, sentence in enumerate(ctx.doc.sentences):
        said = MADE_OF_TABLE.search(text, sentence.start, sentence.end)
        if said is None or len(REFERRED.findall(text, sentence.start, sentence.end)) != 1:
            continue
        sums = by_sentence.get(si, [])
        whole = WHOLE_OF.match(text, sums[0].end) if len(sums) == 1 and sums[0].exact else None
        if whole is None:
            continue
        number = re.sub(r"\s+", "", said.group("table"))
        tables = [t for t in ctx.facts.tables if any(_numbered(x, number) for x in (t.title, t.section, *t.caption))]
        if len(tables) != 1 or whole.group("noun") not in tables[0].title:
            continue
        cell = _grand_total_cell(tables[0], sums[0])
        if cell is not None:
            yield whole_outcome(ctx, sums[0], cell, tables[0])


# a sentence announcing the table right after it (`具体分布如下：`, `明细如下：`)
ANNOUNCED_TABLE = regex(r"(?:具体|详细)?(?:分布|构成|组成|明细|情况)?如下[：:]")
# a figure of that sentence named as a total (`补贴床位合计`, `…总计为`): the name of what it totals, before the word
TOTAL_NAMED = regex(r"(?P<name>[\u4e00-\u9fff]{2,16})(?:合计|总计|共计)(?:为|达到|达)?$")
# how far before a table's first figure its announcement may stand (its header lines between)
ANNOUNCED_WITHIN = 160


def announced_total_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """`…，补贴床位合计 N 张，具体分布如下：` over a table: the one figure of the announcing sentence named as a total
    (`X合计`) is the table's total of X, the cell of its one 合计 row in the one column headed X (its unit noted
    aside, `补贴床位（张）`), in the figure's unit. Only where the announcement stands right over the table (its
    header alone between) and nothing else is left open."""
    text = ctx.doc.text
    if "如下" not in text:
        return
    for table in ctx.facts.tables:
        first = _first_figure(table)
        if first is None:
            continue
        begin = max(0, first.start - ANNOUNCED_WITHIN)
        # (every announcement holds 如下: the words before most tables, which hold none, are not searched, a search
        # tried at each of their characters)
        held = text.find("如下", begin, first.start) >= 0
        said = [a for a in ANNOUNCED_TABLE.finditer(text, begin, first.start)] if held else []
        if not said or "。" in text[said[-1].end() : first.start]:
            continue
        si = ctx.doc.sentence_index(said[-1].start())
        totals = [
            (named, m.quantities[0])
            for m in ctx.index.in_sentence(si)
            if len(m.quantities) == 1
            and m.quantities[0].end <= said[-1].start()
            and (named := TOTAL_NAMED.search(m.label)) is not None
        ]
        if len(totals) != 1:
            continue
        named, q = totals[0]
        cell = _total_of_column(table, named.group("name"), q)
        if cell is not None:
            yield whole_outcome(ctx, q, cell, table)


def _first_figure(table: Table) -> Quantity | None:
    """The table's first figure in the text (of its body, the header holds none)."""
    # (each cell's figure read where it stands, in the grid's order: `Table.quantity` looked every cell up by its place)
    figures = [q for row in table.rows for cell in row if (q := cell.quantity) is not None]
    return min(figures, key=lambda q: q.start) if figures else None


def _total_of_column(table: Table, name: str, like: Quantity) -> Quantity | None:
    """The cell of the table's one 合计 row in its one column whose heading (less its unit note) ends the name, in the
    unit of `like`: a sum of money in its money, a count in the unit the heading notes (`补贴床位（张）`)."""
    rows = [(side, r) for side in table.sides for r in side.rows if r.total == "grand"]
    if len(rows) != 1:
        return None
    side, row = rows[0]
    named = [
        c
        for c in side.columns
        if c.path and len(head := HEADING_NOTE.sub("", flatten(c.path[-1]))) >= 2 and name.endswith(head)
    ]
    if len(named) != 1:
        return None
    cell = table.quantity(row.index, named[0].index)
    if cell is None or not cell.exact or not like.exact:
        return None
    if like.kind == "amount":
        return cell if cell.kind == "amount" and cell.base_unit == like.base_unit else None
    note = HEADING_NOTE.search(flatten(named[0].path[-1]))
    own = note is not None and note.group().strip("（()）") == like.unit
    return cell if like.kind == "count" and own and cell.kind in ("bare", "count") and cell.scale == 1 else None


# the stages a fund's whole is stated at beside its outcome (`年初预算为 A，调整预算为 B，支出决算为 C`)
BUDGET_STAGES = ("预算", "调整预算")


def staged_whole_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """`一般公共预算财政拨款支出年初预算为 A，调整预算为 B，支出决算为 C`: a fund's whole stated at its budget's stages
    beside its outcome, against the 合计 row of the one table titled with that whole, which totals it though no row
    names it (`whole_row_of`). The outcome C, the row's outcome cell, is what says the row is the sentence's; each
    budget figure of the whole (of that fund, item and year) is then the row's one cell of its stage (`年初预算`,
    `调整预算`) in its money."""
    if not ctx.facts.tables:
        return
    by_sentence: dict[int, list[Mention]] = {}
    for m in ctx.facts.mentions:
        if m.identity.item in WHOLE and m.identity.context.fund is not None and len(m.quantities) == 1:
            by_sentence.setdefault(m.sentence, []).append(m)
    for mentions in by_sentence.values():
        staged = [m for m in mentions if m.identity.context.stage in BUDGET_STAGES and m.quantities[0].exact]
        if not staged:
            continue
        rows = [
            (m, row)
            for m in mentions
            if m.identity.context.stage not in BUDGET_STAGES and (row := whole_row_of(ctx, m, m.quantities[0]))
        ]
        if len(rows) != 1:
            continue
        outcome, row = rows[0]
        for m in staged:
            if m.identity.item != outcome.identity.item or m.identity.context.fund != outcome.identity.context.fund:
                continue
            q = m.quantities[0]
            cells = [
                h.quantity
                for h in row
                if h.identity.context.stage == m.identity.context.stage
                and h.identity.context.period == m.identity.context.period
                and h.quantity.kind == "amount"
                and h.quantity.base_unit == q.base_unit
            ]
            if len(cells) == 1:
                yield whole_outcome(ctx, q, cells[0], tables_by_index(ctx)[row[0].identity.table])


def _grand_total_cell(table: Table, like: Quantity) -> Quantity | None:
    """The one cell in the money of `like` of the table's one 合计 row (none where there are two of either)."""
    rows = [(side, r) for side in table.sides for r in side.rows if r.total == "grand"]
    if len(rows) != 1:
        return None
    side, row = rows[0]
    cells = [q for c in side.columns if (q := table.quantity(row.index, c.index)) is not None]
    money = [q for q in cells if q.kind == "amount" and q.base_unit == like.base_unit and q.exact]
    return money[0] if len(money) == 1 else None


def whole_outcome(ctx: CheckContext, q: Quantity, cell: Quantity, table: Table) -> Outcome:
    shown = cell.text + ("" if cell.unit else table.unit)
    message = f"正文所述总数 {q.text} 与{table_name(table)}合计 {shown} 不符（文表不符）"
    return held_to_cell(ctx, q, cell, "表中合计", message, shown)


def _whole_named_cells(ctx: CheckContext, index: TableIndex, m: Mention, q: Quantity) -> list[Hit]:
    """The cells the label of a figure of the jurisdiction as a whole (`全省…增值税 X`) names in a table whose title
    names that jurisdiction by the government's name alone (`2025年江川省一般公共预算收入执行情况表`), where the cell is
    the figure's value: the name may stand for the government's own level too where the document states figures of
    that level (`jurisdiction.named_whole` leaves it unread then), but a row whose cell is the whole's figure is
    the whole's. Its context otherwise known alike, as `row_of` holds it."""
    hits, context = _named_cells(ctx, index, m, ctx.facts.document_context)
    scope = context.scope
    if not hits or scope is None or not scope.startswith("全"):
        return []
    head = document_title(ctx.doc)
    tables = tables_by_index(ctx)
    mine = [h for h in hits if named_whole(tables[h.identity.table], head, set()) == scope]
    return [h for h in _same_quantity(mine, replace(context, scope=None), q) if restates(ctx, q, h.quantity, True)]


def _numbered(line: str, number: str) -> bool:
    """Does a table's caption line open with its number (`附表3 2026年…`, `表 3：…`), and no longer one (`附表31`)?"""
    spaced = r"\s*".join(re.escape(ch) for ch in number)
    return re.match(rf"^[#\s]*{spaced}(?![\d一二三四五六七八九十])", line) is not None


def _restated(ctx: CheckContext, index: TableIndex, m: Mention, q: Quantity, rounded: bool) -> list[Hit]:
    hits = cells_for(ctx, index, m, q, ctx.facts.document_context)
    return [h for h in hits if restates(ctx, q, h.quantity, rounded)]


ROW_VERBS = tuple(str(w) for w in load("tables").get("row_verbs") or [])


def _unachieved(m: Mention) -> Mention | None:
    """`集团实现营业收入 X` as `营业收入 X`: what was achieved names the row, who achieved it is not the row's name.
    Only where the cell is X (`row_of`): `子公司实现营业收入 Y` is no row of the group's table, and its value says so."""
    achieved = ACHIEVED.match(m.label) or OWN_FIGURE.match(m.label)
    return replace(m, label=achieved.group("what")) if achieved is not None else None


def _unverbed(m: Mention) -> Mention | None:
    """The mention with its label less a word after the row's name that names no part of it (`支出安排`)."""
    verb = next((w for w in ROW_VERBS if m.label.endswith(w)), None)
    return replace(m, label=m.label[: -len(verb)]) if verb and len(m.label) > len(verb) else None


def restates(ctx: CheckContext, q: Quantity, cell: Quantity, rounded: bool = False) -> bool:
    """Does the prose figure state the cell's value: the same, or (`rounded`) the cell rounded to the prose
    figure's last digit where that is coarser than the cell's (`1320.82 亿元` for 13,208,180 万元)? Half a digit
    either way, not the band of a truncation: the figure names the cell only where it is the cell's rounding."""
    value = ctx.value(q)
    if cell.base_value == value:
        return True
    if not rounded or q.approx or cell.approx or cell.base_unit != q.base_unit or cell.kind != q.kind:
        return False
    step = q.ulp * q.scale
    return step > cell.ulp * cell.scale and abs(cell.base_value - value) * 2 <= step


# the columns of a row's outcome: a prose figure is the row's total when one of them states its value
OUTCOME_COLUMNS = ("执行数", "决算数")


def whole_row_of(ctx: CheckContext, m: Mention, q: Quantity, scoped: bool = False) -> list[Hit]:
    """Every cell of the 合计 row of the one table whose title names the fund's whole the prose figure is
    (`全市一般公共预算收入完成 X` and a 附表 `…一般公共预算收入执行情况表`), when that row's 执行数 (or 决算数) cell
    is the figure's value in a context that agrees: the table of that item totals it, though no row names it.
    None when no table, or more than one, has such a title (which one is the figure's is not said); with `scoped`
    (a change's figure of last year, `table_base`), of several the one whose title names the figure's scope. A
    table laid out with spaces (`收入合计   229239   233947   236480`) gives only the cells whose column name
    stands over them, and only when it states its fund, stage and year."""
    ident = m.identity
    fund = ident.context.fund
    if fund is None or ident.item not in WHOLE:
        return []
    names = [f"{w}{ident.item}" for w in _fund_words(fund)]
    titled = [t for t in ctx.facts.tables if any(n in t.title for n in names)]
    scope = ident.context.scope
    if len(titled) > 1 and scope and scoped:
        # (a report's 附表 of the whole jurisdiction and of its own level, `全市…收入执行情况表` and `市本级…收入执行情况
        # 表`: the one whose title names the figure's scope)
        titled = [t for t in titled if scope in t.title]
    if len(titled) != 1:
        return []
    row = _total_row(ctx, titled[0])
    if len({h.identity.row for h in row}) != 1:
        return []
    same = [
        h
        for h in row
        if h.identity.column in OUTCOME_COLUMNS
        and h.quantity.base_unit == q.base_unit
        and restates(ctx, q, h.quantity, rounded=True)
        # (a 决算 table's outcome is what the prose of a 决算 report calls 完成, its stage 执行: `compatible`)
        and compatible(h.identity.context, ident.context, strict=False)
    ]
    return row if same else []


LISTED_PARTS_LEAST = 2  # the parts a listed whole names at least for its table to be known by them


def listed_whole_row_of(ctx: CheckContext, m: Mention, q: Quantity) -> list[Hit]:
    """Every cell of the 合计 row of the one table that lays out the figure's parts as its sentence lists them
    (`三公经费支出 X，比上年增长 p%。其中：因公出国（境）费 a，公务用车购置及运行费 b，公务接待费 c` and a table of those
    three rows and a 合计 row): each part named as a row of the table (exactly, as `_items` reads its label) with
    its value that row's cell, every part in one column, and the table's one 合计 row's cell of that column the
    figure's value. The names and figures of the parts and their sum say the table is the figure's, whatever
    context its title states or leaves out (an untitled table right under the text). Two parts at least, their
    values exact; none where two tables, or two columns of one, so lay them out. The 合计 row's cells are those
    `_total_row` holds certain (of a space-aligned table, only those under a column name that stands over them)."""
    parts = _listed_parts(ctx, m, q)
    if len(parts) < LISTED_PARTS_LEAST:
        return []
    found = []
    for table in prose_index(ctx).tables:
        hits = _cells(ctx)(table)
        totals = _total_row(ctx, table)
        if len({h.identity.row for h in totals}) != 1:
            continue
        columns = _parts_column(ctx, hits, parts)
        whole = [h for h in totals if h.identity.col in columns and ctx.value(q) == h.quantity.base_value]
        if len(whole) == 1:
            found.append(totals)
    return found[0] if len(found) == 1 else []


def _listed_parts(ctx: CheckContext, m: Mention, q: Quantity) -> list[tuple[Mention, Quantity]]:
    """The parts a breakdown of the figure lists (its total the figure, no part subtracted), each with its one
    exact figure of the total's unit; none where a part has no such figure."""
    for b in ctx.facts.breakdowns:
        if b.total is not m or b.minus or all(x is not q for x in m.quantities):
            continue
        out = []
        for p in b.parts:
            own = [x for x in p.quantities if x.base_unit == q.base_unit and x.kind == q.kind and x.exact]
            if len(own) != 1 or own[0].approx:
                return []
            out.append((p, own[0]))
        return out
    return []


def _parts_column(ctx: CheckContext, hits: list[Hit], parts: list[tuple[Mention, Quantity]]) -> set[int]:
    """The columns of the table (`hits`: its cells) where each part is the cell of the one row its name names;
    none where a part names no row, or two."""
    by_item: dict[str, list[Hit]] = {}
    for h in hits:
        by_item.setdefault(h.identity.item, []).append(h)
    columns: set[int] | None = None
    rows: set[int] = set()
    for p, x in parts:
        named = next((by_item[name] for name, _ in _items(p) if name in by_item), [])
        if len({h.identity.row for h in named}) != 1 or named[0].identity.row in rows or named[0].identity.total_row:
            return set()
        rows.add(named[0].identity.row)
        own = {h.identity.col for h in named if h.quantity.base_unit == x.base_unit and restates(ctx, x, h.quantity)}
        columns = own if columns is None else columns & own
        if not columns:
            return set()
    return columns or set()


def _total_row(ctx: CheckContext, table: Table) -> list[Hit]:
    """The cells of the table's 合计 rows whose column is certain: every one of a table read from pipes or cells;
    of a space-aligned one, those under a column name that stands over them (not placed by nearness,
    `Table.off_header`) and whose fund, stage and year the table states (the prose figure is held to it by
    its title alone)."""
    if not table.by_position:
        return _total_rows(ctx, "prose", lambda: prose_index(ctx).by_item).get(table.index, [])
    every = _total_rows(ctx, "held", lambda: ctx.memo("tables.held_index", lambda: _held_index(ctx)).every)
    return [
        h
        for h in every.get(table.index, [])
        if h.identity.col not in table.off_header and h.identity.context.known("fund", "stage", "period")
    ]


def _total_rows(ctx: CheckContext, name: str, cells: Callable[[], Mapping[str, list[Hit]]]) -> dict[int, list[Hit]]:
    """The cells of the 合计 rows of an index (`cells`: its cells by item) by table, in the index's order: grouped
    once per document, not looked for among all the cells of every table for each figure."""

    def group() -> dict[int, list[Hit]]:
        out: dict[int, list[Hit]] = {}
        for hits in cells().values():
            for h in hits:
                if h.identity.total_row:
                    out.setdefault(h.identity.table, []).append(h)
        return out

    return ctx.memo(f"tables.total_rows.{name}", group)


def _apart(doc: Document, a: int, b: int) -> bool:
    """Do offsets `a` and `b` stand in two different subsections of one titled section (`（一）企业国有资产` and
    `（二）金融企业国有资产` under `一、国有资产总体情况`)? Each subsection is of its own subject: a figure of one is
    not the figure of a table placed in the other, whatever their labels share (`负债总额`). A table in a
    section enclosing the figure's, or in one apart from it under no common heading (a report's tables
    gathered after its explanation), may be the figure's."""
    sa, sb = titled(doc, a), titled(doc, b)
    if sa is None or sb is None or sa is sb:
        return False
    above_a, above_b = _enclosing(sa), _enclosing(sb)
    ids_a, ids_b = {id(s) for s in above_a}, {id(s) for s in above_b}
    if id(sb) in ids_a or id(sa) in ids_b:
        return False
    k = next((i for i, s in enumerate(above_a) if id(s) in ids_b), None)
    if k is None:
        return _chapters_apart(sa, sb)
    if k == 0 or not above_a[k].title:
        return False
    # the two branches below the common heading: enumerated subsections of one rank (`（一）`, `（二）`), not the
    # numbered items of a list (`1.`, `2.`: a PDF's lines of one explanation, which its tables follow) nor a
    # report's parts (`## 决算表`, `## 说明`: the explanation of the tables beside it)
    mine, theirs = above_a[k - 1], above_b[above_b.index(above_a[k]) - 1]
    return mine.level == theirs.level <= 2 and all(numbering(s.title) in SUBSECTION_MARKS for s in (mine, theirs))


# the numbering of an enumerated subsection's heading (`三、行政事业性国有资产`, `（二）金融企业国有资产`)
SUBSECTION_MARKS = ("cn", "pcn")
# a figure in a heading's title (a year aside, `2026年`): a numbered line of a PDF's prose or table read as a
# heading, no chapter's name
FIGURE_IN_TITLE = regex(r"\d+(?![\d.,]*年)")
# the fewest characters of a part's wording a chapter's title names it by (`企业国有资产`, not `服务` or `工程`)
PART_TITLE_LEAST = 4


def _chapters_apart(a: Section, b: Section) -> bool:
    """Are two sections in the report's own chapters, numbered alike under no heading, each titled by another part
    of one whole the vocabulary defines (`一、企业国有资产` and `二、行政事业性国有资产`, parts of 国有资产, sums.yaml)?
    Each chapter is then of its own part, as subsections of one heading are: a figure of one is not the figure of a
    table placed in the other. (Chapters of other titles, `三、部门预算表`, may hold the tables the text speaks of.)"""
    chapters = [_enclosing(s)[-1] for s in (a, b)]
    if chapters[0] is chapters[1] or chapters[0].level != chapters[1].level:
        return False
    # (a numbered line stating a figure, `六、某基金收入预算数为 X 万元`, is an item of prose or a table's row)
    if not all(numbering(c.title) == "cn" and not FIGURE_IN_TITLE.search(c.title) for c in chapters):
        return False
    first, second = (_part_titled(c.title) for c in chapters)
    return first is not None and second is not None and first[0] == second[0] and first[1] != second[1]


@cache  # (a pure function of the title; asked for each figure and cell of a chapter)
def _part_titled(title: str) -> tuple[int, int] | None:
    """The defined whole (its index in `defined_sums`) and its part a title names by the longest wording found in it
    (`金融企业国有资产` before `企业国有资产`); None where it names none."""
    text = flatten(title)
    best: tuple[int, tuple[int, int]] | None = None
    for i, (_, parts) in enumerate(defined_sums()):
        for j, wordings in enumerate(parts):
            for w in wordings:
                if len(w) >= PART_TITLE_LEAST and w in text and (best is None or len(w) > best[0]):
                    best = (len(w), (i, j))
    return best[1] if best else None


def under_headings(ctx: CheckContext, text: str, at: int) -> Context:
    """What a text says of its scope, fund, stage and year, under what the headings above offset `at` say."""
    own = read(text).context
    for title in reversed(ctx.doc.section_path(at)):
        own = own.under(read(title).context)
    return own


def titled(doc: Document, offset: int) -> Section | None:
    """The section holding the offset, or where it is untitled (the text after a run-on subsection heading's
    paragraph, which resumes the parent's level) the titled one of its rank before it: a table or paragraph
    placed after `（一）企业国有资产。…` is of that subsection until the next heading."""
    k = doc.section_index(offset)
    if k < 0:
        return None
    section = doc.sections[k]
    if section.title:
        return section
    for j in range(k - 1, -1, -1):
        before = doc.sections[j]
        if before.parent is section.parent and before.level == section.level and before.title:
            return before
        if before.level < section.level:
            break
    return section


def _enclosing(section: Section) -> list[Section]:
    """The section and those enclosing it, innermost first."""
    out: list[Section] = []
    node: Section | None = section
    while node is not None:
        out.append(node)
        node = node.parent
    return out


def _named_cells(ctx: CheckContext, index: TableIndex, m: Mention, outer: Context) -> tuple[list[Hit], Context]:
    """The cells the mention's label names in its context, and that context (what `cells_for` reads of the
    mention, whichever of its figures is matched). A “三公” figure its words give an appropriation's fund that no
    table of that fund states is then held to a table of them whose title names no fund (`_named_cells_as`).

    Read once per document for a mention, index and outer context: the prose-to-table check, `row_of` (asked again
    by the checks of changes, rates and shares for the same figure) and `_whole_named_cells` ask for the same
    mention's cells, a third of the asks on the corpus repeating one before. Keyed by the ids, the mention and the
    index kept with the result (so that the ids stay their own); the callers only read the cells."""
    known: dict[tuple[int, int, Context], tuple[TableIndex, Mention, tuple[list[Hit], Context]]]
    known = ctx.memo("tables.named_cells", dict)
    key = (id(index), id(m), outer)
    hit = known.get(key)
    if hit is None:
        hit = known[key] = (index, m, _named_cells_read(ctx, index, m, outer))
    return hit[2]


def _named_cells_read(ctx: CheckContext, index: TableIndex, m: Mention, outer: Context) -> tuple[list[Hit], Context]:
    """`_named_cells`, read."""
    own = _label_context(m.label)
    # (what an explanation's title names fills what the figure's own words and headings leave open: see titles.py)
    context = own.under(_context(ctx, m)).under(explanations(ctx).context_at(m.start)).under(_lead_fund(ctx, m))
    context = context.under(outer)
    found = _named_cells_as(ctx, index, m, outer, (own, context), funded=False)
    if not found[0] and (fund := _class_fund(ctx, m, context)) is not None:
        # (`省级教育支出 A` under a heading of no fund: the class's spending in the one fund the tables state it in)
        classed = _named_cells_as(ctx, index, m, outer, (own, replace(context, fund=fund)), funded=False)
        if classed[0]:
            return classed
    if not _names_appropriated(m) or any(h.identity.context.fund is not None for h in found[0]):
        return found
    # (none found, or only cells of no fund, which a figure of a fund is not held to: a table of the “三公” no caption
    # names, known by its rows, states the appropriation's all the same)
    funded = _named_cells_as(ctx, index, m, outer, (own, context), funded=True)
    return funded if funded[0] or not found[0] else found


SPENDING_CLASSES = frozenset(f"{w}支出" for w in load("tables").get("spending_classes") or [])


def _class_fund(ctx: CheckContext, m: Mention, context: Context) -> str | None:
    """The fund of a government's spending by function class named with no fund (`省级教育支出 A`, its words, sentence
    and headings naming none: `context`): the genre's fund of such spending (vocab genres class_spending_fund, the
    一般公共预算 of a report on the budget's execution) where every cell of the document's tables stating the class is
    of that fund (a table of the 政府性基金 listing `城乡社区支出` too, or one naming no fund, leaves it open) and the
    figures of its passage name no fund (`_lead_funds`: naming two, they leave it open)."""
    fund = load("genres").get(ctx.facts.genre, {}).get("class_spending_fund")
    item = m.identity.item
    if fund is None or context.fund is not None or item not in SPENDING_CLASSES or _lead_funds(ctx, m):
        return None  # (a passage naming two funds, `政府性基金预算支出安排 a；一般公共预算支出安排 b`, leaves it open)
    cells = held_index(ctx).every.get(item, [])
    return str(fund) if cells and all(h.identity.context.fund == fund for h in cells) else None


def _named_cells_as(
    ctx: CheckContext, index: TableIndex, m: Mention, outer: Context, read_as: tuple[Context, Context], funded: bool
) -> tuple[list[Hit], Context]:
    """`_named_cells`, the figure's words read as `read_as` (the context its label states, and the one it is looked
    up in: read once for both tries); `funded`: the figure is a “三公” item of an appropriation (`一般公共预算拨款安排的
    “三公”经费中，因公出国（境）费 A`), held to a table of the “三公” whose title names no fund (its cells have the
    genre's default): the “三公” are spent from the appropriation by definition, so such a table states the
    appropriation's."""
    own, context = read_as
    if funded and context.fund not in APPROPRIATION_FUNDS:
        return [], context
    # (a 三公 figure the genre's default gives all the department's funds is of the appropriation it is by
    # definition: the table's, whatever fund its title names, or none; the other fields are held as ever)
    free = funded or _appropriated(m, own, context, outer)
    query = replace(context, fund=None) if free else context
    hits = _label_cells(ctx, index, m, own, context, query, free)
    # (the table's 合计 named by a column's word alone is not the figure of a row its paragraph names:
    # `（七）失业保险基金。收入 a，…，年末滚存结余 B` is that fund's row, whatever the 合计 row's 年末滚存结余)
    # (nor is a figure named by a column's word alone, `全年预算数 A`, a table's 合计 under another heading: the
    # 三公 table's 全年预算数 is not the department's)
    hits = [h for h in hits if not _change_column(ctx, h)]
    if free and not hits and (whole := _appropriated_whole(ctx, m, own, context)):
        # (the words name the whole, not a row: the table's rows named before it, as the table above it
        # does, are its parts)
        whole = [h for h in whole if not _another_budget(ctx, m, h) and _fund_held(h, funded, context, outer)]
        return whole, replace(context, fund=ANY_FUND)
    if free:
        # (of a table of them, not a row so named elsewhere: 30231 公务用车运行维护费 of the 基本支出表 is all the
        # department's vehicle upkeep, of its basic spending)
        hits = [h for h in hits if _of_appropriated(tables_by_index(ctx)[h.identity.table])]
        hits = [h for h in hits if _fund_held(h, funded, context, outer)]
        context = replace(context, fund=ANY_FUND)
    return _kept_cells(ctx, index, m, hits), context


def _of_its_block(ctx: CheckContext, m: Mention, h: Hit) -> bool:
    """Is the cell of no block of its table, or of the block the figure's paragraph (else its heading) names alone? A
    table that repeats its items under a heading for each fund or unit (`机关事业单位基本养老保险基金` over `一、基金收入
    …`) states as many 基金收入 as it has blocks: a figure whose words name none of them, or several, is none's."""
    if not h.identity.block:
        return True
    table = tables_by_index(ctx)[h.identity.table]
    return _block_named(ctx, m, table) == h.identity.block


# what a block's heading says besides its name: a note in brackets (`（含生育保险）`), the 合计 of a whole's block
BLOCK_NOTE = regex(r"[（(][^（）()]*[）)]|(?:合计|小计|总计)$")
BLOCK_LEAST = 2  # the characters of a block's name (its note left out) for the prose to name it by


def _block_named(ctx: CheckContext, m: Mention, table: Table) -> str | None:
    """The heading of the one block of the table the figure's paragraph names before it, else (the paragraph naming
    none) its section's title; None where the nearest of them names none, or several."""
    keys = ctx.memo(f"tables.block_keys.{table.index}", lambda: _block_keys(table))
    text = ctx.doc.text
    section = titled(ctx.doc, m.start)
    for where in (text[text.rfind("\n", 0, m.start) + 1 : m.start], section.title if section else ""):
        found = {n for n, k in keys.items() if k in flatten(where)}
        if found:
            return next(iter(found)) if len(found) == 1 else None
    return None


def _block_keys(table: Table) -> dict[str, str]:
    """The table's block headings, each with what the prose names it by (its numbering and note left out), where
    that is long enough to be named by."""
    names = {b for side in table.sides for b in block_names(side) if b}
    keys = {n: BLOCK_NOTE.sub("", flatten(ITEM_NUMBER.sub("", n))) for n in names}
    return {n: k for n, k in keys.items() if len(k) >= BLOCK_LEAST}


def _fund_held(h: Hit, funded: bool, context: Context, outer: Context) -> bool:
    """Is the cell of a fund an appropriation's “三公” figure is held to (`funded`, `_named_cells_as`): the genre's
    default (a table naming no fund), none (a table no caption names, known by its rows: `_of_appropriated`), or the
    figure's own? Any cell is, the figure not so held."""
    return not funded or h.identity.context.fund in (outer.fund, context.fund, None)


def _kept_cells(ctx: CheckContext, index: TableIndex, m: Mention, hits: list[Hit]) -> list[Hit]:
    """The named cells that are not of another budget, period, side or whole than the figure's, a total row's cell
    replaced by the cell of the row the figure's lines name where it is not that total (`_named_cells_as`)."""
    hits = [h for h in hits if not _spent_from(ctx, m, h) and not _another_budget(ctx, m, h)]
    hits = [h for h in hits if not _part_year_apart(ctx, m, h) and not _said_of_another(ctx, m, h)]
    table = tables_by_index(ctx)
    hits = [
        h for h in hits if not of_another_part(ctx, m.sentence, m.start, table[h.identity.table], h.identity.context)
    ]
    hits = [h for h in hits if not _across_sides(ctx, m, h) and not _part_of_another_whole(ctx, m, h)]
    hits = [h for h in hits if _of_its_block(ctx, m, h) and not _appropriated_of_one_part(ctx, m, h)]
    kept = []
    for h in hits:
        if _line_of_the_whole(ctx, h) and _item_named_before(ctx, m, h):
            continue  # (an item's balance, which the table does not state: no cell of the item's row is it)
        if not (h.identity.total_row and _not_its_total(ctx, m, h)):
            kept.append(h)
        elif (row := _named_row_cell(ctx, index, m, h)) is not None:
            # (the figure of the row its lines name, in the column its label names: held to that row's cell)
            kept.append(row)
    return kept


# the parts of spending a table may state alone (vocab tables spending_part_tables: `基本支出`, `机关运行经费`)
SPENDING_PARTS = tuple(str(w) for w in load("tables").get("spending_part_tables") or [])


def _appropriated_of_one_part(ctx: CheckContext, m: Mention, h: Hit) -> bool:
    """Is the figure a “三公” item (`因公出国（境）费 A`, of all the appropriation's spending, basic and project) and
    the cell of a table of one part of the spending (its title, heading or caption naming `基本支出`: the
    `30231 公务用车运行维护费` of the 基本支出表 is the basic spending's share), that the figure's words up to it and
    its headings do not name? The prose states the whole item, the table one part's."""
    if not any(w in m.label for w in APPROPRIATED_THREE):
        return False
    table = tables_by_index(ctx).get(h.identity.table)
    if table is None or _of_appropriated(table):
        return False  # (a table of the “三公”, `“三公”经费和机关运行经费预算表` too, states them whole)
    parts = [n for n in SPENDING_PARTS if any(n in t for t in (table.title, table.section, *table.caption))]
    if not parts:
        return False
    sentence = ctx.doc.sentences[m.sentence]
    said = ctx.doc.text[sentence.start : m.start] + "".join(ctx.doc.section_path(m.start))
    return not any(n in said for n in parts)


def _item_named_before(ctx: CheckContext, m: Mention, h: Hit) -> bool:
    """Does the figure's paragraph up to it, or its headings, name a row of the cell's table that is an item, not a
    line of the whole (`_rows_named_before`, the names of the whole's lines left out: the figure's own label names
    one)?"""
    table = tables_by_index(ctx).get(h.identity.table)
    if table is None:
        return False
    lines = {row_item(r.label) for side in table.sides for r in _whole_line_rows(side)}
    return bool(_rows_named_before(ctx, m, h.identity.table) - lines)


def _line_of_the_whole(ctx: CheckContext, h: Hit) -> bool:
    """Is the cell's row a line of the table's whole rather than an item: numbered at the top of the rows' tree in
    the style of a grand total row of its side (`一、收入合计 … 三、本年收支结余 | 四、年末滚存结余`)? Like the 合计, it
    is the whole's figure, which a figure of one of the table's items (under a heading naming that item's row) is
    not: `（六）工伤保险基金` over `本年收支结余 b` is that fund's balance, not the 三、本年收支结余 of all of them."""
    table = tables_by_index(ctx).get(h.identity.table)
    found = _hit_row(table, h) if table is not None else None
    return found is not None and any(r is found[1] for r in _whole_line_rows(found[0]))


def _hit_row(table: Table, h: Hit) -> tuple[Side, Row] | None:
    """The side and row of the table that hold the cell."""
    for side in table.sides:
        row = next((r for r in side.rows if r.index == h.identity.row), None)
        if row is not None:
            return side, row
    return None


def _whole_line_rows(side: Side) -> list[Row]:
    """The side's rows, no totals themselves, numbered at the top of its tree as a grand total row of the side is
    (the grand totals' styles of enumeration gathered once: asked of each row, the side's rows were walked again)."""
    grand = {r.marker for r in side.rows if r.total == "grand" and r.parent is None}
    return [r for r in side.rows if not r.total and r.marker and r.parent is None and r.marker in grand]


def _label_context(label: str) -> Context:
    """The context a label's own words state, a budgeting verb after its revenue or spending (`农林水支出安排`) stating
    the stage 预算 as the labeller reads it (context.yaml budget_tails): the row `农林水支出` of a table of that stage."""
    own = read(label).context
    if own.stage is None and BUDGET_TAIL.search(label.rstrip("为：: ")) is not None:
        return replace(own, stage=BUDGET_STAGE)
    return own


def _lead_fund(ctx: CheckContext, m: Mention) -> Context:
    """The fund of the passage the figure's item stands in, where its heading names none (`（三）支出预算` / `全镇一般
    公共预算支出安排 T…。主要安排如下：` / `6.农林水支出安排 a`): the one fund the figures of the item's own heading and
    of the heading above it name, where they name exactly one (the first of the two naming any decides; a passage
    naming two funds leaves it open)."""
    named = _lead_funds(ctx, m)
    return Context(fund=next(iter(named))) if len(named) == 1 else Context()


def _lead_funds(ctx: CheckContext, m: Mention) -> frozenset[str]:
    """The funds the figures of the item's own heading name, else (naming none) those of the heading above it."""
    section = ctx.doc.section_at(m.start)
    for _ in range(2):  # the item's own heading, then the one it is numbered under
        named = _funds_named(ctx, section)
        if named or section is None:
            return named
        section = section.parent
    return frozenset()


def _funds_named(ctx: CheckContext, section: Section | None) -> frozenset[str]:
    """The funds the labels of the figures standing in the section name, read once per section."""
    known: dict[int, frozenset[str]] = ctx.memo("tables.section_funds", dict)
    found = known.get(id(section))
    if found is None:
        mentions = ctx.mentions_in_section(section)
        found = known[id(section)] = frozenset(
            f for x in mentions if (f := read(x.label).context.fund) not in (None, MIXED)
        )
    return found


def _part_of_another_whole(ctx: CheckContext, m: Mention, h: Hit) -> bool:
    """Is the figure a part of a whole its sentence names that the cell is no part of: a row the table places under
    another (`_part_of_another_row`), or a whole the table names nowhere (`_part_of_an_unnamed_whole`)?"""
    return _part_of_another_row(ctx, m, h) or _part_of_an_unnamed_whole(ctx, m, h)


def _listed_whole(ctx: CheckContext, m: Mention) -> Mention | None:
    """The whole the figure's sentence lists it under (`_listed_wholes`, read once per document)."""
    return ctx.memo("tables.listed_wholes", lambda: _listed_wholes(ctx)).get(id(m))


def _listed_whole_and_table(ctx: CheckContext, m: Mention, h: Hit) -> tuple[Mention, Table] | None:
    """The whole the figure's sentence lists it under and the table of the cell it was matched to, when both are known:
    what the two readings of a listed part below start from."""
    whole = _listed_whole(ctx, m)
    if whole is None:
        return None
    table = tables_by_index(ctx).get(h.identity.table)
    return None if table is None else (whole, table)


def _part_of_another_row(ctx: CheckContext, m: Mention, h: Hit) -> bool:
    """Is the figure a part listed under a whole its sentence names (`国有土地使用权出让收入安排的支出 T，其中：…，其他
    支出 c`), that whole a row the table's tree places under another, and the cell's row neither that row nor under it? The figure
    is then the whole's part of that name (what the land's revenue paid to 其他支出), not the table's row so named (the
    fund's 其他支出 as a whole)."""
    found = _listed_whole_and_table(ctx, m, h)
    if found is None:
        return False
    whole, table = found
    names = {x for x, _ in _items(whole)}
    # (the whole's row placed under another in the table's tree: an item of the table, whose rows the tree says are
    # under it or not; a whole at the top, `总收入` over rows laid out flat, may be the table's own whole)
    if not any(
        _row_name(r) in names and not r.total and r.parent is not None for side in table.sides for r in side.rows
    ):
        return False
    return not any(_row_under(side, h.identity.row, names) for side in table.sides)


def _part_of_an_unnamed_whole(ctx: CheckContext, m: Mention, h: Hit) -> bool:
    """Is the figure a part listed under a whole its sentence names (`农业相关转移支付 T，其中甲市 a，乙市 b`) that the
    cell's table names nowhere (title, column headings, rows)? The figure is then the whole's share of the row's
    thing (甲市's part of that fund), not the row's figure in a table of something else (甲市's transfers as a whole)."""
    found = _listed_whole_and_table(ctx, m, h)
    if found is None:
        return False
    whole, table = found
    names = [x for x, _ in _items(whole) if x not in GENERIC_ITEMS and not STAGE_ALONE.match(x)]
    if not names or not _a_division(m.label):
        return False  # (`专项债务收入 T，其中新增专项债券收入 a`: a kind of the whole's thing, the row so named)
    named = [table.title, table.section, *(c.header for side in table.sides for c in side.columns)]
    named += [_row_name(r) for side in table.sides for r in side.rows]
    return not any(x in text or text in x for x in names for text in named if text)


# a region's name (`甲川市`, `乙县`, `丙镇`: tables.yaml division_ends): a holder of a share of money, no kind of it
DIVISION = regex(
    r"^(?:其中[：:，,]?)?[\u4e00-\u9fff]{1,8}?(?:" + alternation(load("tables")["division_ends"]) + r")(?:本级)?$"
)


def _a_division(label: str) -> bool:
    """Does the label name a region (`甲川市`), which holds a share of a sum, rather than a kind of it?"""
    return bool(DIVISION.match(label.strip()))


def _row_name(row: Row) -> str:
    """The item a row's label names, less the words opening it (`其中：`)."""
    return row_item(LEADING.sub("", row.label))


def _listed_wholes(ctx: CheckContext) -> dict[int, Mention]:
    """Each listed part's whole (by the part's id), of the breakdowns that add their parts up (none subtracted)."""
    return {id(p): b.total for b in ctx.facts.breakdowns if not b.minus and not b.sides for p in b.parts}


def _row_under(side: Side, index: int, names: set[str]) -> bool:
    """Is the side's grid row `index`, or a row above it in the side's tree, one of the rows `names` names?"""
    at = next((k for k, r in enumerate(side.rows) if r.index == index), None)
    for _ in range(len(side.rows)):  # (a parent stands above its child: the walk ends, a malformed tree too)
        if at is None:
            return False
        row = side.rows[at]
        if _row_name(row) in names:
            return True
        at = row.parent
    return False


def _said_of_another(ctx: CheckContext, m: Mention, h: Hit) -> bool:
    """Does the figure's sentence open on what the figure is of, and the cell is not: a source of money it is a part
    of (`_of_a_source`), a project (`_of_a_named_project`, `_of_a_named_lead`) or one kind of a defined whole
    (`_of_an_unnamed_kind`)?"""
    return (
        _of_a_source(ctx, m, h)
        or _of_a_named_project(ctx, m, h)
        or _of_a_named_lead(ctx, m, h)
        or _of_an_unnamed_kind(ctx, m, h)
    )


# the flows a kind of a defined whole is named with in sums.yaml (`失业保险基金收入`, `失业保险基金支出`): what is left
# before them is the kind's own name (`失业保险基金`), which a heading or a sentence of its own names it by
KIND_FLOWS = ("收入", "支出")
KIND_LEAST = 4  # the characters of a kind's name, not a bare `基金`


@cache  # (a pure function of the vocabulary)
def _kind_names() -> frozenset[str]:
    """The names of the kinds of the wholes sums.yaml defines by their flows (`企业职工基本养老保险基金`, from the
    part `企业职工基本养老保险基金收入` of 社会保险基金收入), each a fund of its own."""
    names = set()
    for _, parts in defined_sums():
        for wordings in parts:
            for w in wordings:
                w = w.lstrip("=")
                for flow in KIND_FLOWS:
                    if w.endswith(flow) and len(w) - len(flow) >= KIND_LEAST:
                        names.add(w[: -len(flow)])
    return frozenset(names)


def _of_an_unnamed_kind(ctx: CheckContext, m: Mention, h: Hit) -> bool:
    """Is the figure of a kind of a whole (its subject, from the sentence or heading it stands under: `1.企业职工基本
    养老保险基金。收入 A，其中：财政补贴收入 a`) that the cell's table names nowhere, in its title, header, blocks or
    rows, nor does the document's title? a is that fund's subsidy, not the row 财政补贴收入 of a table of all the
    kinds together (`全市社会保险基金收支预算表`). Names are compared spelt out (a row `企业养老保险基金` names the kind
    `企业职工基本养老保险基金`: labels.spelt_out)."""
    kinds = [spelt_out(k) for k in m.identity.subject.split("›") if k in _kind_names()]
    if not kinds:
        return False
    named, names = _table_names(ctx, h.identity.table)
    return not any(k in named or any(k in n for n in names) for k in kinds)


def _table_names(ctx: CheckContext, index: int) -> tuple[str, frozenset[str]]:
    """The table's title with the document's and its header, flattened, and its rows' and blocks' names, their short
    words spelt out (`_of_an_unnamed_kind`): read once a table, however many of its cells' figures ask."""
    memo: dict[int, tuple[str, frozenset[str]]] = ctx.memo("tables.names_of", dict)
    if index not in memo:
        table = tables_by_index(ctx)[index]
        # (a table of the kinds side by side names each in its header, `| 项目 | 合计 | 失业保险基金 |`: the kind's own)
        header = "".join(c.text for row in table.rows[: table.header_rows] for c in row)
        rows = {spelt_out(flatten(r.label)) for side in table.sides for r in side.rows}
        blocks = {spelt_out(flatten(b)) for side in table.sides for b in block_names(side) if b}
        named = spelt_out(flatten(f"{table.title}{document_title(ctx.doc)}{header}"))
        memo[index] = (named, frozenset(rows | blocks))
    return memo[index]


# a clause naming a source of money and ending on 中 (vocab tables fund_part_leads: `省级补助资金中，`,
# `中央转移支付资金中，`), the clause right before the figure's
FUND_PART_LEAD = regex(
    r"(?P<source>[^，,。；;：:]*(?:"
    + alternation(load("tables")["fund_part_leads"])
    + r")[^，,。；;：:]*?)中[，,][^，,。；;：:]*$"
)


def _of_a_source(ctx: CheckContext, m: Mention, h: Hit) -> bool:
    """Does the figure's sentence open on a source of money it is a part of (`省级补助资金中，路面修补支出 X`), while
    the cell's table's title names no such source? X is what that money paid for, not the table's whole row."""
    sentences = ctx.doc.sentences
    if not 0 <= m.sentence < len(sentences):
        return False
    lead = FUND_PART_LEAD.search(ctx.doc.text, sentences[m.sentence].start, m.start)
    return lead is not None and lead.group("source") not in tables_by_index(ctx)[h.identity.table].title


# a sentence opening (its item's number aside) with the name of a project and a comma (`1.某某补助项目，预算 A（其中
# 当年拨款 a、上年结转 b）`): the names' endings a project's name ends with (vocab relations counted_names 项目)
PROJECT_LEAD = regex(
    r"(?P<name>[\u4e00-\u9fff（）()“”]{2,30}?(?:"
    + alternation([str(w) for w in load("relations")["counted_names"]["项目"]])
    + r"))[，,]"
)
PROJECT_LEAST = 4  # the characters a project's name has at least (`重点项目`), not a bare `项目`


def _of_a_named_project(ctx: CheckContext, m: Mention, h: Hit) -> bool:
    """Does the figure's sentence open with the name of a project and a comma (`1.某某补助项目，预算 A（其中当年拨款
    a、上年结转 b）`), a project none of the cell's table's rows names (four characters at least, as `_led_by_a_name`
    reads them) nor its title or the document's title does, the figure's own label stating no scope? Its figures
    are that project's: b is the project's carry-over, not the department's row 上年结转."""
    sentences = ctx.doc.sentences
    if not 0 <= m.sentence < len(sentences) or read(m.label).context.scope is not None:
        return False
    before = ctx.doc.text[sentences[m.sentence].start : m.start]
    lead = PROJECT_LEAD.match(ITEM_NUMBER.sub("", before, count=1))
    if lead is None or len(lead["name"]) < PROJECT_LEAST:
        return False
    name = lead["name"]
    if NO_NAME.search(name):
        return False
    return _not_of_the_table(ctx, h, name)


def _not_of_the_table(ctx: CheckContext, h: Hit, name: str) -> bool:
    """Is the thing `name` names none of the cell's table's: no row of it names the thing (nor the thing a row), nor
    does its title or the document's title?"""
    table = tables_by_index(ctx)[h.identity.table]
    names = ctx.memo("tables.row_names", lambda: _row_names(ctx)).get(h.identity.table, set())
    owned = re.sub(r"\s+", "", f"{table.title}{document_title(ctx.doc)}")
    return name not in owned and not any(n and (n in name or name in n) for n in names)


# a numbered line led by the name of one thing and a colon (`1.某某监测：预算 A，其中上年结转 b`), the numbering aside;
# a name of words an amount is named by (`收入预算：`, `项目支出：`) names a part of the table's whole, no thing of its own
# (the name and its colon as NAME_LEAD reads them)
_NAME_COLON = r"(?P<name>[\u4e00-\u9fff（）()“”]{4,30})[：:]"
ITEM_LEAD = regex(r"(?:\d{1,2}\s*[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)])\s*" + _NAME_COLON)
AMOUNT_WORDS = regex(r"收入|支出|预算|决算|合计|总计|结转|结余|经费|资金|拨款")


def _of_a_named_lead(ctx: CheckContext, m: Mention, h: Hit) -> bool:
    """Does the figure's sentence open as a numbered item led by the name of one thing and a colon (`1.某某监测：预算
    A，其中财政拨款 a，上年结转 b`), a thing none of the cell's table's rows names nor its title or the document's title
    does, the figure's own label stating no scope? The item's figures, its parts too, are that thing's: b is what the
    project carries over, not the unit's row 上年结转 (a table of that thing, naming it by a row or its title, is
    still held)."""
    sentences = ctx.doc.sentences
    if not 0 <= m.sentence < len(sentences) or read(m.label).context.scope is not None:
        return False
    start = sentences[m.sentence].start
    lead = ITEM_LEAD.match(ctx.doc.text, start, m.start)
    if lead is None or lead.end() > m.start - len(m.label):
        return False  # (no lead, or the figure's own name with its colon: `1.上年结转：b`)
    name = lead["name"].strip("“”")
    if NO_NAME.search(name) or AMOUNT_WORDS.search(name) or ctx.labeller.identify(name)[0] in GENERIC_ITEMS:
        return False
    return _not_of_the_table(ctx, h, name)


# the funds that are kinds of a department's 财政拨款 (identity.APPROPRIATION, all its appropriations; vocab
# tables.appropriation_kinds), in the order they are tried, with the 财政拨款 itself, and the fund of a department's
# tables over all its money (the genres' default)
APPROPRIATION_KINDS = frozenset(str(w) for w in load("tables").get("appropriation_kinds") or [])
APPROPRIATION_KINDS_IN_ORDER = tuple(sorted(APPROPRIATION_KINDS))
APPROPRIATION_FUNDS = APPROPRIATION_KINDS | {APPROPRIATION}
ALL_FUNDS = "全部"


def _bounded_by_funds(index: TableIndex, path: tuple[str, ...], context: Context) -> list[Hit]:
    """The cells of a coded row that bound a 财政拨款 figure of that row on both sides and state one value: the row
    in a table of one kind of appropriation (`一般公共预算支出表`) and in a table of all the department's money
    (`支出预算总表`). What was appropriated for the row is no less than the one and no more than the other, so it is
    their value when they agree (`财政拨款支出主要内容如下：1.“…（类）…（款）…（项）”A万元` where no table is
    titled 财政拨款 by 项). None when either is missing or they differ."""
    if context.fund != APPROPRIATION:
        return []
    inner = [
        h
        for fund in APPROPRIATION_KINDS_IN_ORDER
        for h in index.find_path(path, replace(context, fund=fund))
        if h.identity.context.fund in APPROPRIATION_KINDS
    ]
    outer = [h for h in index.find_path(path, replace(context, fund=ALL_FUNDS)) if h.identity.context.fund == ALL_FUNDS]
    return TableIndex.certain(inner + outer) if inner and outer else []


# a part of a year a table's title names (`2025年1—6月主要财政收支执行情况`, `上半年`, `前三季度`, `1-9月`)
PART_YEAR = regex(r"\d{1,2}\s*[—\-–~～至到]\s*\d{1,2}\s*月|上半年|下半年|前三季度|第[一二三四]季度")


def _part_year_apart(ctx: CheckContext, m: Mention, h: Hit) -> bool:
    """Is the cell of a table whose title names a part of a year (`2025年1—6月…执行情况`) while the prose figure's
    paragraph and heading name none, or another (`2024年全市一般公共预算收入 A`: the year's outcome, not the
    half-year's)?"""
    named = PART_YEAR.search(tables_by_index(ctx)[h.identity.table].title)
    if named is None:
        return False
    period = m.identity.context.period
    if period is not None and MONTH_END.search(period) and period == h.identity.context.period:
        # (the figure's own identity is of the months the cell's is, `2025-06` both: a half-year's report states its
        # figures so, whatever words its paragraph uses for the months, `上半年` or none)
        return False
    sentences = ctx.doc.sentences
    if not 0 <= m.sentence < len(sentences):
        return True
    first = ctx.doc.paragraph_of(m.sentence).start
    node = ctx.doc.section_at(sentences[m.sentence].start)
    # (the document's title, the figure's heading and its paragraph up to its sentence's end)
    heading = node.title if node is not None else ""
    words = f"{document_title(ctx.doc)}\n{heading}\n{ctx.doc.text[sentences[first].start : sentences[m.sentence].end]}"
    said = [x.group() for x in PART_YEAR.finditer(words)]
    return not any(PART_YEAR_WORDS.findall(x) == PART_YEAR_WORDS.findall(named.group()) for x in said)


def of_another_part(ctx: CheckContext, sentence: int, at: int, table: Table, cell: Context) -> bool:
    """Does the figure's sentence, up to the figure at `at`, name a part of a year (`截至9月末`, `上半年`, `1—6月`,
    `一季度`, `当月`) that neither the cell nor its table is of? A figure of the months so far is no cell of a table
    of the whole year, or of one that states no period in a year's report; nor of other months. Any part named
    before the figure counts, a whole year named after it too (`截至6月底，…全年预算执行率 p%`: 全年 may be the
    rate's base and the rate June's; which, the words do not say)."""
    if not 0 <= sentence < len(ctx.doc.sentences):
        return False
    text = ctx.doc.text[ctx.doc.sentences[sentence].start : at]
    said = {part for p in named_periods(text) if (part := year_part(p)) is not None}
    if not said:
        return False
    periods = [cell.period, table.context.period, *named_periods(table.title)]
    return not said <= {year_part(p) for p in periods}


# a period up to a month's end (`2025-06`), not a year's
MONTH_END = regex(r"^\d{4}-\d{2}$")
# what names a part of a year whatever its dashes and spaces (`1—6月` and `1-6 月` alike): its months' numbers or words
PART_YEAR_WORDS = regex(r"\d+|上半年|下半年|前三季度|[一二三四]季度")


def _label_cells(
    ctx: CheckContext, index: TableIndex, m: Mention, own: Context, context: Context, query: Context, free: bool
) -> list[Hit]:
    """The cells the mention's label names (`_named_cells`, before its tests): the coded row a classification path
    names, else the rows its items name."""
    path = _classification(m.label) or _stage_path(ctx, m)
    if path:
        # `教育支出（类）普通教育（款）小学教育（项）`: the coded row of those names, and no other
        return (index.find_path(path, context) or index.find_tail(path, context)) + _bounded_by_funds(
            index, path, context
        )
    headed = _heading_item(ctx, m)
    if headed:
        # `2.某某项目。全年预算 A，支出 B`: the row so named, the column of the stage the label names
        return _headed_cells(ctx, index, m, headed, context)
    hits: list[Hit] = []
    items = _items(m)  # (read once: `_spending_row` reads the first)
    for item, stripped in items + _involved(ctx, m):
        hits = one_row_each(index.find(item, query, strict=not free))
        if stripped:
            # the label less its context words (一般公共预算财政拨款基本支出 → 基本支出): only in a table
            # whose own context has those words
            hits = [h for h in hits if _states(h.identity.context, own)]
        if hits:
            break
    return (
        hits
        or _spending_row(ctx, index, m, items, (query, free))
        or _row_and_column(ctx, index, m, query, free)
        or _row_and_parent_measure(ctx, index, m, query, free)
        or _quoted_row_and_column(ctx, index, m, query, free)
        or _section_row_and_column(ctx, index, m, query, free)
    )


# a section's heading naming the thing it reports on (`五、国有企业审计情况`): its mark, and the words after the thing
SECTION_MARK = regex(
    r"^\s*(?:#+\s*)?(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])?\s*"
)
SECTION_ABOUT = regex(r"(?:审计|检查|核查|评价)?(?:情况|结果)[。.]?$")
# the words that only say how a figure was found before the measure a table's column names (`审计发现问题金额`)
FOUND_BY = regex(r"^(?:审计|检查|核查)?(?:共|累计|合计)?(?:发现|查出)?")


def _section_row_and_column(ctx: CheckContext, index: TableIndex, m: Mention, query: Context, free: bool) -> list[Hit]:
    """`五、国有企业审计情况` / `审计发现问题金额 A` beside a table of the areas reported on (row `国有企业`, column
    `问题金额`): the thing a section reports on, as its heading names it (less its mark and `审计情况`), is a row of a
    table, and the figure's label, less the words saying how it was found, is exactly one of its columns' heading:
    the cell of that row and column. Only where the figure stands in that section itself (not a subsection of a part),
    it is the section's one figure so named, and one cell answers."""
    measure = _measure_named(m)
    section = ctx.doc.section_at(m.start)
    if len(measure) < 2 or section is None:
        return []
    thing = SECTION_ABOUT.sub("", SECTION_MARK.sub("", flatten(section.title)))
    if len(thing) < 2 or thing == flatten(section.title):
        return []
    tables = tables_by_index(ctx)
    # (a space-aligned table's cells are held here where its column's name stands over its figures, and a context the
    # prose leaves open is no other: the row and the column are named by the heading and the label, not by a fund,
    # scope, stage and year the prose must state; one stated otherwise still rules the cell out)
    every = index.every if isinstance(index, HeldIndex) else index.by_item
    hits = [
        h
        for h in _cells_headed(ctx, every.get(row_item(thing), []), query, False, lambda head: head == measure)
        if not tables[h.identity.table].aligned or _held_column(tables[h.identity.table], h.identity)
    ]
    if len(hits) != 1 or _paragraph_scope(ctx, m) not in (None, hits[0].identity.context.scope):
        return []
    # (the figures' measures are counted only once a cell is found: most figures name no row by their heading)
    if _measures_by_section(ctx)[(id(section), measure)] != 1:
        return []
    # (the heading says plainly which row the figure is: `_plain`'s test of a space-aligned table's scope is met)
    _section_rows(ctx).add(id(m))
    return hits


def _measure_named(m: Mention) -> str:
    """The measure a figure's label names, less the words saying how it was found (`审计发现问题金额`: 问题金额)."""
    return FOUND_BY.sub("", LEADING.sub("", flatten(m.label)))


def _measures_by_section(ctx: CheckContext) -> Counter[tuple[int, str]]:
    """How many figures of each section (by its id) name each measure: counted once per document, not by walking
    every figure for each cell `_section_row_and_column` finds."""

    def count() -> Counter[tuple[int, str]]:
        return Counter((id(ctx.doc.section_at(x.start)), _measure_named(x)) for x in ctx.facts.mentions if x.quantities)

    return ctx.memo("tables.measures_by_section", count)


# the mentions whose cell the words around them name plainly, by id: `_section_row_and_column`'s (the section's
# heading names the row), and `_row_and_column`'s whose scope the paragraph states before the clause
SECTION_ROWS = "tables.section_rows"


def _section_rows(ctx: CheckContext) -> set[int]:
    return ctx.memo(SECTION_ROWS, set)


def _paragraph_scope(ctx: CheckContext, m: Mention) -> str | None:
    """The scope the figure's paragraph states up to it, if any."""
    return _paragraph_context(ctx, m).scope


def _paragraph_context(ctx: CheckContext, m: Mention) -> Context:
    """The context the figure's paragraph states up to it (a field stated two ways is MIXED)."""
    text = _paragraph_up_to(ctx, m)
    return read(text).context if text is not None else Context()


def _paragraph_setting(ctx: CheckContext, m: Mention) -> Context:
    """The period and stage the figure's paragraph sets for its later figures: what each sentence up to the figure's
    says before its first figure (`今年1-5月，全县…收入 A。`, `2025年全县…收入预算 A。`). A comparison later in a
    sentence (`完成预算 B 的 p%`, `较上年 C 增长`) is the base of another figure, no time or stage of the sentence's."""
    if not 0 <= m.sentence < len(ctx.doc.sentences):
        return Context()
    first = ctx.doc.paragraph_of(m.sentence).start
    leads = [_sentence_lead(ctx, i) for i in range(first, m.sentence)]
    return read("。".join([*leads, _own_lead(ctx, m)])).context


def _sentence_lead(ctx: CheckContext, index: int) -> str:
    """A sentence's words before its first figure (all of a sentence of no figure)."""
    sentence = ctx.doc.sentences[index]
    starts = [x.start for x in ctx.index.in_sentence(index) if x.quantities]
    return ctx.doc.text[sentence.start : min(starts, default=sentence.end)]


def _own_lead(ctx: CheckContext, m: Mention) -> str:
    """The figure's own sentence's words before its first figure, less that figure's label when it is another's
    (`X项目全年预算 A，实际支出 B`: `全年预算` names A's stage, not B's)."""
    sentence = ctx.doc.sentences[m.sentence]
    before = [x for x in ctx.index.in_sentence(m.sentence) if x.quantities and x.start < m.start]
    if not before:
        return ctx.doc.text[sentence.start : m.start]
    head = min(before, key=lambda x: x.start)
    lead, label = flatten(ctx.doc.text[sentence.start : head.start]), flatten(head.label)
    return lead[: len(lead) - len(label)] if lead.endswith(label) else ""


# the fields a paragraph's earlier sentences carry to a later clause that may make it another quantity than a table's
# cell of the same row and column (`今年1-5月，…。分险种看：`, `2025年…预算…。分险种看：`)
PARAGRAPH_FIELDS = ("period", "stage")


def _paragraph_agrees(said: Context, query: Context, cell: Context) -> bool:
    """Does the cell state, alike, each period and stage the figure's paragraph names up to it (a relative period,
    `当年`, read in the figure's)? One the paragraph names two ways, or the table leaves unsaid, is no certain match."""
    stated = [f for f in PARAGRAPH_FIELDS if getattr(said, f) is not None]
    if not stated:
        return True
    resolved = said.under(query)
    named = Context(**{f: getattr(resolved, f) for f in stated})
    return resolved.known(*stated) and cell.known(*stated) and compatible(cell, named, False)


# a name the prose sets in quotes inside a figure's label (`评价为“优”的专项涉及资金`): a category named as a table names it
QUOTED_NAME = regex(r"“(?P<name>[^“”]{1,12})”")


def _quoted_row_and_column(ctx: CheckContext, index: TableIndex, m: Mention, query: Context, free: bool) -> list[Hit]:
    """`评价为“优”的专项涉及资金 A` beside a table whose rows are the grades `优`, `良` … and whose column is `涉及资金`: a
    label quoting one name only, exactly a table's row (its enumeration aside), and ending with the whole heading of
    one of that table's columns, is the cell of that row and column. One cell only; two names quoted (`“中”“差”的`)
    are two rows' sum, no cell."""
    label = flatten(m.label)
    quoted = QUOTED_NAME.findall(label)
    if len(quoted) != 1:
        return []
    hits = _cells_headed(
        ctx,
        index.by_item.get(row_item(quoted[0]), []),
        query,
        not free,
        lambda head: len(head) >= 2 and label.endswith(head),
    )
    return hits if len(hits) == 1 else []


# what ends the clause before a figure's (`…为 A；`): a clause opening after it names its own thing
CLAUSE_END = regex(r"[；;]")
# a few words and a colon leading a list of clauses (`分险种看：`, `分项目：`): what they are read by, no row's name
CLAUSE_LEAD = regex(r"^[\u4e00-\u9fff]{2,8}[：:]")
# the words a column's heading opens with naming the table's own year (`本年收入`), which the prose leaves to its context
OWN_YEAR = regex(rf"^(?:{'|'.join(_words('own_year_words'))})")


def _row_and_column(ctx: CheckContext, index: TableIndex, m: Mention, query: Context, free: bool) -> list[Hit]:
    """`甲镇完成投资 A`, `；甲镇因设计变更，完成投资 A`, `分险种看：甲基金收入 a，支出 B`: the name of a table's row opening the
    figure's clause (after a lead of a few words and a colon), and the heading of one of that table's columns, written
    whole (its note of unit, and a word of the table's own year, aside: `本年支出`), the figure's label less that name:
    the cell of that row and column. The row's name is carried to the clause's later figures only while no other row
    of its table is named between. Only the longest row name the clause opens with, and one cell."""
    sentences = ctx.doc.sentences
    if not 0 <= m.sentence < len(sentences):
        return []
    start = sentences[m.sentence].start
    ends = list(CLAUSE_END.finditer(ctx.doc.text, start, m.start))
    clause = spelt_out(
        _less_opening_context(
            LEADING.sub("", ctx.doc.text[ends[-1].end() if ends else start : m.start].replace(" ", ""))
        )
    )
    names, longest = ctx.memo("tables.row_name_set", lambda: _row_name_set(ctx))
    name = _opening_row_name(clause, names, longest)
    if not name:
        clause = CLAUSE_LEAD.sub("", clause, count=1)
        name = _opening_row_name(clause, names, longest)
    if not name:
        return []
    # (the label is read only once a row is named: most clauses name none)
    label = spelt_out(_less_opening_context(NAME_VERB_END.sub("", LEADING.sub("", m.label))))
    if len(label) < 2:
        return []
    column = label.removeprefix(name) if label.startswith(name) else label
    if len(column) < 2 or not clause.endswith(label):
        return []
    cells = [h for row in sorted(names[name]) for h in index.by_item.get(row_item(row), [])]
    # (`全县社会保险基金收入 A。分险种看：甲基金收入 a`: the scope the paragraph states up to the figure is its clause's)
    said = _paragraph_scope(ctx, m)
    scoped = query.scope is None and said is not None
    if scoped:
        query = replace(query, scope=said)
    hits = _cells_headed(ctx, cells, query, not free, lambda head: column in (head, OWN_YEAR.sub("", head, count=1)))
    # (`今年1-5月，全县…。分险种看：甲基金收入 a`: the clause is of the period or stage the paragraph sets, which
    # the table must state alike; the heading's own-year word is no match for another period)
    if len(hits) != 1 or not _paragraph_agrees(_paragraph_setting(ctx, m), query, hits[0].identity.context):
        return []
    between = clause[len(name) : len(clause) - len(label)]
    if _names_another_row(ctx, hits[0].identity.table, name, between):
        return []
    if scoped:
        # (the paragraph says plainly which cell it is, as a section's heading does: its scope is the figure's)
        _section_rows(ctx).add(id(m))
    return hits


def _opening_row_name(clause: str, names: Mapping[str, set[str]], longest: int) -> str:
    """The longest row name the clause opens with, "" none; asked by the clause's prefixes: a clause's few prefixes
    against the set, not every row name of the document against each clause (0.5 s of the corpus's text reports)."""
    return next((clause[:k] for k in range(min(longest, len(clause)), 1, -1) if clause[:k] in names), "")


def _names_another_row(ctx: CheckContext, table: int, name: str, between: str) -> bool:
    """Do the words between a clause's opening row name and a later figure's label name another row of the table
    (`甲基金和乙基金收入合计 a，支出合计 B`: B is no longer 甲基金's alone)?"""
    rows = ctx.memo("tables.all_row_names", lambda: _all_row_names(ctx)).get(table, set())
    return any(len(n) >= 2 and n != name and n in between for n in map(spelt_out, rows))


def _cells_headed(
    ctx: CheckContext, cells: list[Hit], query: Context, strict: bool, heading: Callable[[str], bool]
) -> list[Hit]:
    """The cells of a row a figure's words name (`cells`: the index's hits for its name) that are no total row's, are
    of a context the figure's allows (`strict` as `compatible`), and stand in a column whose heading `heading` takes:
    the cell that prose naming a row and a column is of (`_row_and_column`, `_quoted_row_and_column`,
    `_section_row_and_column`)."""
    tables = tables_by_index(ctx)
    return [
        h
        for h in cells
        if not h.identity.total_row
        and compatible(h.identity.context, query, strict)
        and heading(_heading_of(tables[h.identity.table], h.identity.col))
    ]


# the words of paying money over to the government that may open the measure after an entity's name (vocab tables
# paid_in_words: `甲公司上缴利润 A`), and the side word that may end the measure a parent row names (`利润收入`)
PAID_IN = tuple(str(w) for w in load("tables").get("paid_in_words") or [])
SIDE_WORD = regex(r"(?:收入|支出)$")
# the characters a row's name has at least for the label's opening to name it, and its measure's core at least
ENTITY_NAME_LEAST = 4
MEASURE_LEAST = 2


def _row_and_parent_measure(ctx: CheckContext, index: TableIndex, m: Mention, query: Context, free: bool) -> list[Hit]:
    """`3.甲水务集团有限公司上缴利润 A` beside a table listing `甲水务集团有限公司` under `（一）利润收入`: a label
    opening with the name of a table's row (four characters at least, the longest such name) and going on with the
    measure the row's parent names (`_names_parent`) is that row's figure, in the column of the figure's context.
    Rows of that name under another parent (the same company under `资本金注入`) are not it; one row, one cell."""
    label = row_item(_less_opening_context(NAME_VERB_END.sub("", LEADING.sub("", m.label))))
    if len(label) <= ENTITY_NAME_LEAST:
        return []
    parents = ctx.memo("tables.parent_items", lambda: _parent_items(ctx))
    name = next((label[:k] for k in range(len(label) - 1, ENTITY_NAME_LEAST - 1, -1) if label[:k] in parents), "")
    if not name:
        return []
    rest, under = label[len(name) :], parents[name]
    hits = [
        h
        for h in one_row_each(index.find(name, query, strict=not free))
        if not h.identity.total_row and _names_parent(rest, under.get((h.identity.table, h.identity.row), ""))
    ]
    return hits if len({(h.identity.table, h.identity.row) for h in hits}) == 1 else []


def _parent_items(ctx: CheckContext) -> dict[str, dict[tuple[int, int], str]]:
    """By the item of each row under a parent row, the parent's item by the row's table and grid row: made once per
    check; rows of no parent are not there."""
    out: dict[str, dict[tuple[int, int], str]] = {}
    for t in ctx.facts.tables:
        for side in t.sides:
            for row in side.rows:
                if row.parent is not None and not row.total:
                    parent = row_item(side.rows[row.parent].label)
                    out.setdefault(row_item(row.label), {})[(t.index, row.index)] = parent
    return out


def _names_parent(rest: str, parent: str) -> bool:
    """Do the words after an entity's name name the measure its parent row states: the parent's item (`利润收入`), or
    its item less the side word (`利润`), after a word of paying over (`上缴利润`)? Not what the entity made
    (`实现利润`: its own profit, not what it paid over)."""
    core = SIDE_WORD.sub("", parent)
    bare = next((rest[len(w) :] for w in PAID_IN if rest.startswith(w)), rest)
    return len(core) >= MEASURE_LEAST and bare in (parent, core)


def _less_opening_context(clause: str) -> str:
    """The clause less the year and scope it opens with (`2025年全市城乡居民基本医疗保险基金收入 A`): the figure's context,
    held to the cell's by the query, not a part of the row's name. A stage or fund word stays: it may be the name's or
    the column's own (`完成投资`)."""
    at = 0
    for a, b in sorted(read(clause).spans):
        said = read(clause[a:b]).context
        if a != at or said.stage is not None or said.fund is not None:
            break
        at = b
    return clause[at:]


def _row_name_set(ctx: CheckContext) -> tuple[dict[str, set[str]], int]:
    """Every table's row names (no total row) of two characters at least, by their short words spelt out (the
    clause is read so: a row `企业养老保险` is the clause's `企业职工基本养老保险`), and the longest one's length: made
    once per check."""
    every = ctx.memo("tables.all_row_names", lambda: _all_row_names(ctx))
    names: dict[str, set[str]] = {}
    for n in (n for names in every.values() for n in names if len(n) >= 2):
        names.setdefault(spelt_out(n), set()).add(n)
    return names, max(map(len, names), default=0)


def _heading_of(table: Table, col: int) -> str:
    """The heading of the table's figure column at grid column `col` (`named_columns.heading`), "" none."""
    return next((heading(c) for side in table.sides for c in side.columns if c.index == col), "")


# a spending item's name and the word saying it was spent (`管网维修改造支出`): the name at least this long
SPENT_NAME_LEAST = 3


def _spending_row(
    ctx: CheckContext, index: TableIndex, m: Mention, items: list[tuple[str, bool]], asked: tuple[Context, bool]
) -> list[Hit]:
    """`管网维修改造支出 X` and a table of spending (its title names 支出 and no 收入: `项目支出明细表`) whose row is
    named `管网维修改造`: every row of such a table is something spent, the word 支出 no part of its name. Only rows
    of such tables; a name that is itself a stage or a sum (`实际支出`, `合计支出`) names no row. (`items`: the
    mention's `_items`; `asked`: the context looked up and whether the fund is free.)"""
    query, free = asked
    label = items[0][0] if items else ""
    if not label.endswith(SPENDING) or label.endswith(FEE_SPENDING):
        return []  # (a fee's spending, `公务接待费支出`, is `_items`' own reading)
    name = label[: -len(SPENDING)]
    if len(name) < SPENT_NAME_LEAST or STAGE_ALONE.match(label) or BARE_SUM.match(name):
        return []
    tables = tables_by_index(ctx)
    hits = [
        h
        for h in one_row_each(index.find(name, query, strict=not free))
        if _spending_table(tables[h.identity.table].title)
    ]
    # (the label's own context words, `一般公共预算路面修补支出`: only in a table whose context has them, as
    # `_label_cells` holds a label less its context words)
    own = read(m.label).context
    return [h for h in hits if _states(h.identity.context, own)] if not own.is_empty() else hits


# the words naming a budget as first approved, and as it stands after the year's adjustments (vocab
# budget_adjustment: `年初预算`, `调整后`, `全年预算`)
# (read from the vocabulary here, as facts/sentence/wording.py reads it: importing that module would load the
# sentence parser, lark, into `tieout rules`, which imports the checks for their docs)
ADJUSTMENT = load("relations").get("budget_adjustment") or {}
BUDGET_MOMENT = regex(
    "|".join(f"(?P<{k}>{'|'.join(ADJUSTMENT.get(k) or [])})" for k in ("initial", "adjusted") if ADJUSTMENT.get(k))
)
# the roles of a table's budget columns (vocab tables.column_roles): the adjusted budget's (`全年预算数`, `调整预算数`),
# and the budget's, which the header's 年初 makes the initial one
ADJUSTED_COLUMN = "调整预算数"
BUDGET_COLUMN = "预算数"


def _another_budget(ctx: CheckContext, m: Mention, h: Hit) -> bool:
    """Is the cell of a budget column at another moment than the one the figure's sentence names last before it
    (`年初预算 A，其中：基本支出 B`: B is of the initial budget, not the `全年预算` column's, which after the year's
    adjustments is another figure; `调整后预算 C，其中基本支出 D` against a `年初预算数` column alike)?"""
    column = h.identity.column
    table = tables_by_index(ctx)[h.identity.table]
    header = next((c.header for side in table.sides for c in side.columns if c.index == h.identity.col), "")
    if column == ADJUSTED_COLUMN:
        cell = "adjusted"
    elif column == BUDGET_COLUMN and "年初" in header:
        cell = "initial"
    elif h.identity.context.stage == BUDGET_STAGE and "年初" not in header + _row_label(table, h):
        cell = "either"
    else:
        return False
    sentence = ctx.doc.sentences[m.sentence] if 0 <= m.sentence < len(ctx.doc.sentences) else None
    if sentence is None:
        return False
    said = [x.lastgroup for x in BUDGET_MOMENT.finditer(ctx.doc.text, sentence.start, m.start)]
    if cell == "either":
        return bool(said) and said[-1] == "initial" and _adjusted_named_beside(ctx, m)
    return bool(said) and said[-1] != cell


def _adjusted_named_beside(ctx: CheckContext, m: Mention) -> bool:
    """Does the figure's section name the adjusted budget too (`年初预算为 A，全年预算为 B，决算为 C。其中，…年初预算
    a`)? Then the year's budget was changed, and a cell headed by the budget alone (`预算数`, as a 决算's “三公”
    table heads the year's whole budget) is not certainly the initial one its words name: either may be meant."""
    start, end = ctx.doc.section_span(m.start)
    return any(x.lastgroup == "adjusted" for x in BUDGET_MOMENT.finditer(ctx.doc.text, start, end))


def _row_label(table: Table, h: Hit) -> str:
    """The label of the cell's row (`预算数`, where a table's rows are the stages and its columns the items)."""
    found = _hit_row(table, h)
    return found[1].label if found is not None else ""


# an income's name (`事业收入`, `其他收入`), and the words of spending and income in a table's title or a figure's
# label (vocab tables spending_titles), and a fee's spending (fee_spending)
INCOME_NAME = regex(r"收入$")
SPENDING = load("tables")["spending_titles"]["spent"]
INCOME = load("tables")["spending_titles"]["income"]
FEE_SPENDING = load("tables")["fee_spending"]


def _one_side(text: str) -> str | None:
    """The side of the budget a text names, 支出 or 收入, where it names one and not the other; else None."""
    sides = [side for side in (SPENDING, INCOME) if side in text]
    return sides[0] if len(sides) == 1 else None


def _spending_table(title: str) -> bool:
    """Is a table of spending by its title (names 支出 and no 收入: `项目支出明细表`, `支出资金来源表`)?"""
    return _one_side(title) == SPENDING


def _spent_from(ctx: CheckContext, m: Mention, h: Hit) -> bool:
    """Is the cell, named as the figure is by a source of income, of a table of spending (its title names 支出 and
    no 收入: `支出资金来源表`, `支出情况表`), the figure naming no spending? There a row or column `事业收入` holds
    what that income paid for, not the income the prose states."""
    title = tables_by_index(ctx)[h.identity.table].title
    named = h.identity.column if h.identity.total_row else h.identity.item
    if not _spending_table(title) or SPENDING in m.label:
        return False
    return bool(INCOME_NAME.search(named)) or bool(INCOME_NAME.search(m.identity.item or ""))


def _stated_side(ctx: CheckContext, m: Mention) -> str | None:
    """The side of the budget a figure is stated as (支出 or 收入): the nearest of its label, its sentence up to it
    and its headings (the innermost first) that names one side and not the other (`城乡社区支出 X`, `支出决算为 X`
    under `（二）财政拨款支出决算结构情况`). None where none does."""
    words = [m.label]
    sentences = ctx.doc.sentences
    if 0 <= m.sentence < len(sentences):
        words.append(ctx.doc.text[sentences[m.sentence].start : m.start])
    section = ctx.doc.section_at(m.start)
    while section is not None:
        words.append(section.title)
        section = section.parent
    return next((side for said in words if (side := _one_side(said)) is not None), None)


def _across_sides(ctx: CheckContext, m: Mention, h: Hit) -> bool:
    """Is the cell of a table whose title names one side of the budget only (`收入决算表`), while the figure is
    stated as the other (`_stated_side`)? A department's 收入决算表 lists its income by the functional classes it
    is for (`212 城乡社区支出` under `财政拨款收入`): what a class spent (`城乡社区支出 X`, `支出决算为 X`) is the
    支出决算表's, never that row's income, whatever its name ends with (and the other way round)."""
    own = _one_side(tables_by_index(ctx)[h.identity.table].title)
    if own is None:
        return False
    stated = _stated_side(ctx, m)
    return stated is not None and stated != own


# Items spent from the appropriation by definition (vocab tables.appropriated_items: the “三公” and their parts): in
# a department's report whose prose names no fund for them, the genre's default (all the department's funds) is
# not what they are of, and a table of them is the same quantity whatever its title says of the fund
NAME_NOISE = regex(r"[“”\"（）()\s]")  # quotes, brackets and spaces, which an item's name is compared without
APPROPRIATED = frozenset(NAME_NOISE.sub("", str(w)) for w in load("tables").get("appropriated_items") or [])
APPROPRIATED_TABLE = "三公"  # the words naming a table of them
# the fund of a prose figure matched to a table's cell whatever the cell's (`_known_alike`)
ANY_FUND = "*"


def _of_appropriated(table: Table) -> bool:
    """Is the table one of the appropriated items (its title or caption names the “三公”, or its rows are the
    “三公” items and their 合计 alone: `_appropriated_rows`)?"""
    named = any(APPROPRIATED_TABLE in re.sub(r"[“”\"\s]", "", t) for t in (table.title, *table.caption))
    return named or _appropriated_rows(table)


# the names of the “三公” as a whole (`“三公”经费`, `三公经费预算`: vocab tables.appropriated_whole), and the three
# items a table of them lists, each of which one of its rows must name (`因公出国（境）费`, `公务用车…`, `公务接待费`)
APPROPRIATED_WHOLE = frozenset(NAME_NOISE.sub("", str(w)) for w in load("tables").get("appropriated_whole") or [])
APPROPRIATED_THREE = ("因公出国", "公务用车", "公务接待")


def _appropriated_rows(table: Table) -> bool:
    """Does every side of the table list the three “三公” items, each of its rows one of them (or a part of one:
    `公务用车购置费`) but its one 合计 row? Its 合计 is then the “三公”经费, whatever the table's caption (a table
    below `2026年“三公”经费预算 A，…` with no caption of its own). A table listing anything else beside them
    (`会议费`, `培训费`, counts of trips) totals more than the “三公”."""
    if not table.sides:
        return False
    for side in table.sides:
        named = [NAME_NOISE.sub("", row_item(r.label)) for r in side.rows if not r.total]
        totals = [r for r in side.rows if r.total]
        if len(totals) != 1 or totals[0].total != "grand" or not BARE_SUM.match(NAME_NOISE.sub("", totals[0].label)):
            return False
        if not named or any(n not in APPROPRIATED for n in named):
            return False
        if not all(any(n.startswith(k) for n in named) for k in APPROPRIATED_THREE):
            return False
    return True


def _appropriated_whole(ctx: CheckContext, m: Mention, own: Context, context: Context) -> list[Hit]:
    """`2026年“三公”经费预算 A` (the “三公” as a whole, in a department's report whose prose names no fund for them)
    and a table of the three items whose total row is a bare 合计 (`_appropriated_rows`): the cell of that row in
    the one column whose stage and year the figure's own words state (`2026年预算`). Words that state the stage
    alone (`“三公”经费决算数 A`) name the one column of that stage, where the row has one only and it is of the year
    the figure is of (the document's, `context`); beside a column of the stage in another year (`2025年预算数`),
    which one is meant is not said. None where the words state no stage."""
    if not {NAME_NOISE.sub("", x) for x, _ in _items(m)} & APPROPRIATED_WHOLE or not own.known("stage"):
        return []
    stated = own.known("period")
    hits = [
        h
        for t in ctx.facts.tables
        if _appropriated_rows(t)
        for h in _total_row(ctx, t)
        if _states(h.identity.context, replace(own, scope=None, fund=None)) and not _change_column(ctx, h)
    ]
    if not stated and (len(hits) != 1 or unknown(context.period) or hits[0].identity.context.period != context.period):
        return []
    return hits if len({h.identity.table for h in hits}) == 1 else []


def _appropriated(m: Mention, own: Context, context: Context, outer: Context) -> bool:
    """Is the figure one of the appropriated items (`APPROPRIATED`) whose fund is the genre's default alone (its
    words state none)?"""
    if own.fund is not None or outer.fund is None or context.fund != outer.fund:
        return False
    return _names_appropriated(m)


def _names_appropriated(m: Mention) -> bool:
    """Does the figure's label name one of the appropriated items (`APPROPRIATED`)?"""
    names = {NAME_NOISE.sub("", x) for x, _ in _items(m)}
    return bool(names & APPROPRIATED)


# the header of a column of changes (`增减额`, `同比增减（%）`, `比上年增长`): its cells are no figure a label names
CHANGE_HEADER = regex(r"增减|增长|增幅|同比|比上年|较上年|[%％]")


def tables_by_index(ctx: CheckContext) -> dict[int, Table]:
    """The document's tables by their number (`Table.index`, what a cell's identity names), built once."""
    return ctx.memo("tables.by_index", lambda: {t.index: t for t in ctx.facts.tables})


def _change_column(ctx: CheckContext, h: Hit) -> bool:
    """Is the cell in a column of changes (`| 营业收入 | 上年数 | 本年数 | 增减额 |`: 增减额 takes the year of the
    table, yet `营业收入 X` is never its cell)?"""
    table = tables_by_index(ctx).get(h.identity.table)
    column = (
        next((c for side in table.sides if (c := side.column(h.identity.col)) is not None), None) if table else None
    )
    # (or of falls, `压减额`, `压减率`: tables.yaml fall_words)
    return column is not None and (
        CHANGE_HEADER.search(column.header) is not None or fall_heading(column.header) is not None
    )


def _not_its_total(ctx: CheckContext, m: Mention, hit: Hit) -> bool:
    # (a figure named by a generic word alone, `实际支出`, is named by what its paragraph speaks of, as one named by
    # none: `“三公”经费预算 a，实际支出 b` is no total of a table of projects; so is one named by the column's word
    # alone, `实际到位 b` under `（一）县级配套资金到位不足`)
    table = hit.identity.table
    generic = not m.identity.item or m.identity.item in GENERIC_ITEMS
    if _column_word(m, hit) and (_thing_named_before(ctx, m, hit) or _row_belied_before(ctx, m, hit)):
        return True
    if _led_by_a_name(ctx, m, table) or _part_of_a_row(ctx, m, table):
        return True
    return _row_named_before(ctx, m, table) or (
        generic
        and (
            _of_another_thing(ctx, m, table)
            or (read(m.label).context.fund is None and _under_a_thing(ctx, m, table))
            or _of_another_side(ctx, m, table)
            or _of_things_counted(ctx, m, table)
        )
    )


# the words of a heading that name no thing of its own (vocab tables.heading_noise), and its brackets, quotes and spaces
HEADING_NOISE = regex("|".join([*_words("heading_noise"), r"[（）()“”\s]"]))


def _own_headings(ctx: CheckContext, m: Mention, found: Table) -> list[Section]:
    """The figure's headings, innermost first, up to the table's heading or one enclosing it (not included): the
    headings the figure stands under and the table does not."""
    held = ctx.doc.section_at(found.rows[0][0].start)
    enclosing = {id(s) for s in _enclosing(held)} if held is not None else set()
    own: list[Section] = []
    section = ctx.doc.section_at(m.start)
    while section is not None and id(section) not in enclosing:
        own.append(section)
        section = section.parent
    return own


def _under_a_thing(ctx: CheckContext, m: Mention, table: int) -> bool:
    """Is the figure under a heading that names a thing (`5.“三公”经费情况`, `（一）基本公共卫生服务项目`), neither
    the table's heading nor one enclosing it? A figure named by a column's word alone there is that thing's."""
    found = tables_by_index(ctx).get(table)
    if found is None or not (found.rows and found.rows[0]):
        return False
    for section in _own_headings(ctx, m, found):
        thing = HEADING_NOISE.sub("", ctx.labeller.identify(HEADING.sub("", section.title, count=1))[0])
        if len(thing) >= 2 and thing not in GENERIC_ITEMS:
            return True
    return False


def _of_another_side(ctx: CheckContext, m: Mention, table: int) -> bool:
    """Is the table of one side of the budget by its title (`收入预算执行情况`: income), while the figure, its label
    naming neither side, stands where its paragraph up to it or a heading of its own (neither the table's heading
    nor one enclosing it) names the other side and not the table's (`（二）专项支出情况` over `全年预算 A，实际支出
    B`)? A budget so placed is of what is spent, not the income table's total (and the other way round)."""
    found = tables_by_index(ctx).get(table)
    if found is None or not (found.rows and found.rows[0]):
        return False
    own = _one_side(found.title)
    if own is None or SPENDING in m.label or INCOME in m.label:
        return False
    other = INCOME if own == SPENDING else SPENDING
    said = "".join([_paragraph_up_to(ctx, m) or "", *(s.title for s in _own_headings(ctx, m, found))])
    return other in said and own not in said


def _of_things_counted(ctx: CheckContext, m: Mention, table: int) -> bool:
    """Is the figure right after a count of things in its sentence (`共安排项目 5 个，全年预算 A`), things the table's
    title names no word of (`收入预算执行情况`)? A figure named by a generic word alone there is those things'."""
    before = [x for x in ctx.index.in_sentence(m.sentence) if x.start < m.start and x.quantities]
    if not before:
        return False
    last = max(before, key=lambda x: x.start)
    thing = last.identity.item or ""
    if last.quantities[-1].kind != "count" or len(thing) < 2 or thing in GENERIC_ITEMS:
        return False
    between = ctx.doc.text[last.quantities[-1].end : m.start]
    if COUNT_REACH_END.search(between):
        return False  # (another clause or sentence: the count names nothing of the figure)
    found = tables_by_index(ctx).get(table)
    return found is not None and not shared_word(thing, found.title, hanzi=True)


# the end of a clause that a count's things do not reach past
COUNT_REACH_END = regex(r"[；;。]")


def _column_word(m: Mention, hit: Hit) -> bool:
    """Is the figure named by the word of the total row's column alone (`实际到位 b`, the column `实际到位`)?"""
    return bool(hit.identity.column) and row_item(LEADING.sub("", m.label)) == row_item(hit.identity.column)


def _row_belied_before(ctx: CheckContext, m: Mention, hit: Hit) -> bool:
    """Does the figure's sentence state, before it, a figure of its unit that no other cell of the total row states
    (`涉及金额 4.39 亿元，已整改 4.26 亿元` against a 合计 row `问题金额 18.65 | 已整改 16.98`)? The figure, named by
    the column's word alone, is then of the whole its sentence speaks of, not the table's: a sentence restating a
    table's 合计 restates the row's other figures alike."""
    table = tables_by_index(ctx).get(hit.identity.table)
    if table is None or not (0 <= hit.identity.row < len(table.rows)):
        return False
    unit = hit.quantity.base_unit
    row = [
        c.quantity
        for col, c in enumerate(table.rows[hit.identity.row])
        if col != hit.identity.col and c.quantity is not None and c.quantity.base_unit == unit
    ]
    said = [
        q
        for x in ctx.index.in_sentence(m.sentence)
        if x is not m and x.start < m.start
        for q in x.quantities
        if q.kind == "amount" and q.exact and q.base_unit == unit
    ]
    return bool(row and said) and not any(restates(ctx, q, cell, rounded=True) for q in said for cell in row)


# the words of a column that say which stage or moment of a thing its figures are (vocab tables.stage_words)
STAGE_WORDS = regex("|".join(_words("stage_words")))


def _thing_named_before(ctx: CheckContext, m: Mention, hit: Hit) -> bool:
    """Does the figure before it in its sentence name a thing by the column's word (`县级资金应到位 A，实际到位 B`,
    `年初现金余额 A，年末余额 B`)? B is then that thing's, not the table's total."""
    core = STAGE_WORDS.sub("", hit.identity.column)
    before = [x for x in ctx.index.in_sentence(m.sentence) if x.start < m.start]
    if len(core) < 2 or not before:
        return False
    label = max(before, key=lambda x: x.start).identity.item or ""
    return core in label and len(STAGE_WORDS.sub("", label).replace(core, "")) >= 2


# a statement led by the name of what it is about and a colon (`甲投资集团有限公司：资产总额 A，负债总额 B`)
NAME_LEAD = regex(r"\s*" + _NAME_COLON)


# … or by the name of an organisation and a comma (`甲投资集团有限公司，资产总额 A，负债总额 B`)
ORGANISATION_LEAD = regex(
    r"\s*(?P<name>[\u4e00-\u9fff（）()“”]{2,30}(?:公司|集团|中心|委员会|局|院|所|站|社|厂|银行))[，,]"
)


# a lead announcing a division or a list rather than naming a thing (`按支出性质划分：`, `从支出结构看：`, `其中：`)
NO_NAME = regex(r"^(?:按|分|从|其中|具体|主要|包括|含|即|合计|总计)|(?:划分|分类|来看|看|如下|情况|分别为|为)$")


def _led_by_a_name(ctx: CheckContext, m: Mention, table: int) -> bool:
    """Is the figure's sentence led by the name of a thing (`甲公司：资产总额 A`, `甲公司，资产总额 A`) that is none of
    the table's rows?
    Its figures are that thing's, not the table's total."""
    if not (0 <= m.sentence < len(ctx.doc.sentences)):
        return False
    start = ctx.doc.sentences[m.sentence].start
    lead = NAME_LEAD.match(ctx.doc.text, start, m.start) or ORGANISATION_LEAD.match(ctx.doc.text, start, m.start)
    if lead is None or lead.end() > m.start - len(m.label):
        return False  # (no lead, or the figure's own name with its colon: `资产总额：A`)
    name = lead.group("name")
    if NO_NAME.search(name):
        return False  # (`按支出性质划分：基本支出 a`: a division announced, no thing named)
    thing = ctx.labeller.identify(name)[0]
    if len(thing) < 4 or thing in GENERIC_ITEMS:
        return False
    names = ctx.memo("tables.row_names", lambda: _row_names(ctx)).get(table, set())
    return not any(n and (n in name or name in n) for n in names)


# the words of a table's title that name no thing of its own: its number, and its sides and kind (vocab
# tables.title_noise)
TITLE_NOISE = regex("|".join([r"表[\d一二三四五六七八九十]*", *_words("title_noise")]))


def _of_another_thing(ctx: CheckContext, m: Mention, table: int) -> bool:
    """Is the table, under another heading than the figure's, the table of a thing its title names
    (`财政拨款“三公”经费支出决算表`: 三公经费) that the figure's paragraph, up to it, does not name?"""
    found = tables_by_index(ctx).get(table)
    if (
        found is None
        or not (found.rows and found.rows[0])
        or ctx.doc.section_at(found.rows[0][0].start) is ctx.doc.section_at(m.start)
    ):
        return False
    thing = TITLE_NOISE.sub("", ctx.labeller.identify(found.title)[0])
    if not thing:
        return False
    before = _paragraph_up_to(ctx, m)
    return before is not None and thing not in before.replace("“", "").replace("”", "")


def _part_of_a_row(ctx: CheckContext, m: Mention, table: int) -> bool:
    """Is the figure a part of a figure named by one of the table's rows (`博物馆（2070205）A，其中基本支出 a`: its subject
    博物馆, a row of the table)? It is that row's, not the table's total."""
    subject = m.identity.subject.rsplit("›", 1)[-1]
    if len(subject) < 2:
        return False
    names = ctx.memo("tables.all_row_names", lambda: _all_row_names(ctx)).get(table, set())
    return subject in names


def _all_row_names(ctx: CheckContext) -> dict[int, set[str]]:
    """Each table's row names (no total row), less their enumeration (`四、某某保险基金` is named `某某保险基金`: the
    prose names a row by its name, not its number), by its index: made once per check."""
    return {
        t.index: {
            name
            for side in t.sides
            for r in side.rows
            if not r.total
            for name in (row_item(r.label), *_label_words(ctx.doc, t, side, r))
        }
        for t in ctx.facts.tables
    }


# the gap that sets a space-aligned table's label columns apart within one row's label, and a word of them that is
# a serial number or a code, no name
LABEL_GAP = regex(r"\s{2,}|\u3000")
NUMBER_WORD = regex(r"^[\dA-Za-z.．、]+$")


def _label_words(doc: Document, table: Table, side: Side, row: Row) -> set[str]:
    """The words a space-aligned table's row label sets apart by wide gaps in the file's text, where its label
    columns ran together into one label (`1     东城街道    槐荫里小区` under `序号  所属街道  小区名称`, read
    `1东城街道槐荫里小区`): the row's own name and the group it stands in. The prose names the row by its name, not by
    the joined label (`教师新村…，实际支出 a` is that estate's, not the table's 合计). None for a label of one word,
    or one wrapped over lines (its words are not all on its line); serial numbers and codes are no names."""
    if not table.aligned or not side.descriptors or not 0 <= row.index < len(table.rows):
        return set()
    cells = table.rows[row.index]
    label = next((c for c in cells if c.col == side.descriptors[0]), None)
    figures = [c.start for c in cells if c.quantity is not None and label is not None and c.start > label.start]
    if label is None or not figures or max(label.start, *figures) >= len(doc.origin):
        return set()
    written = doc.original[doc.origin[label.start] : doc.origin[min(figures)]].strip()
    words = LABEL_GAP.split(written)
    if len(words) < 2 or "\n" in written or flatten(written) != row.label:
        return set()
    return {w for w in words if not NUMBER_WORD.match(w)}


# what an earlier figure of the paragraph is made of, listed after it and closed before the figure's clause
# (`人员经费 A，主要包括：基本工资、津贴补贴…；公用经费 B`): the rows it names are that figure's, not this one's
CONTENTS_LISTED = regex(r"(?:主要)?包括[：:][^；;。]*[；;]")


def _row_named_before(ctx: CheckContext, m: Mention, table: int) -> bool:
    """Does the figure's paragraph, up to it, or its section's heading and lines before it (a form's `项目名称：X`
    above `年度资金总额：A`, under `（一）X绩效目标表`) name one of the table's own rows (no total row)?"""
    return bool(_rows_named_before(ctx, m, table))


def _rows_named_before(ctx: CheckContext, m: Mention, table: int, every: bool = False) -> set[str]:
    """The table's own rows (no total row; four characters at least, any length with `every`) the figure's paragraph
    up to it, or its section's heading and lines before it, names (`_row_named_before`)."""
    before = _paragraph_up_to(ctx, m)
    if before is None:
        return set()
    if every:
        names = {n for n in ctx.memo("tables.all_row_names", lambda: _all_row_names(ctx)).get(table, set()) if n}
    else:
        names = ctx.memo("tables.row_names", lambda: _row_names(ctx)).get(table, set())
    section = ctx.doc.section_at(m.start)
    if section is not None and section.start <= m.start - len(before):
        begin = min(m.start - len(before), max(section.start, m.start - SECTION_REACH))
        # (the heading, when it stands beyond the reach: its words up to the figure are in the text otherwise)
        before = (section.title if begin > section.start else "") + ctx.doc.text[begin : m.start]
    before = CONTENTS_LISTED.sub("", _less_own_total(before, m.label))
    # (a fund's full name, `1.城乡居民基本养老保险基金`, names the table's row of its short name `城乡居民养老保险`:
    # the figures under it are that fund's, not the 合计's)
    named = _names_in(names, before)
    # (or a heading further up names it: `1.某某保险基金` › `（3）结余。…年末滚存结余 B` is that fund's balance, as
    # `（七）某某保险基金。…年末滚存结余 B` is; a heading says whose its subsections' figures are, however deep)
    above = section.parent if section is not None else None
    while not named and above is not None:
        named = _names_in(names, HEADING.sub("", above.title, count=1))
        above = above.parent
    return named


def _named_row_cell(ctx: CheckContext, index: TableIndex, m: Mention, total: Hit) -> Hit | None:
    """The cell of the one row the figure's section heading names (`1.某某基本养老保险基金` over `年末滚存结余 B`: that
    fund's row's 年末滚存结余), in the column of the total row's cell the figure's label names by the column's word
    alone. None where the label names more than the column, the heading names no row, or the heading and the lines
    up to the figure name two rows, of any length (a name inside another's counts as the longer's: `博物馆` after
    `群众文化` in a paragraph of items is another row), or the row's cell in that column is not one."""
    table = total.identity.table
    section = ctx.doc.section_at(m.start)
    if section is None or not _column_word(m, total) or _led_by_a_name(ctx, m, table):
        return None
    named = _rows_named_before(ctx, m, table, every=True)
    named = {n for n in named if not any(n != o and n in o for o in named)}
    if len(named) != 1 or not _names_in(named, section.title):
        return None
    cells = [
        h
        for h in index.by_item.get(row_item(next(iter(named))), [])
        if h.identity.table == table and h.identity.col == total.identity.col and not h.identity.total_row
    ]
    return cells[0] if len(cells) == 1 else None


# the words of a thing's full name its row name in a table leaves out (vocab tables.name_fillers)
NAME_FILLERS = regex("|".join(_words("name_fillers")))


def _names_in(names: set[str], text: str) -> set[str]:
    """The row names the text names, as written or within its words less the ones a row name leaves out (a fund's
    full name `某某基本养老保险基金` names the row `某某养老保险`), the short words of either spelt out (`某某医保基金`,
    a row `企业养老保险` named `企业职工基本养老保险`: labels.spelt_out)."""
    text = spelt_out(text)
    short = NAME_FILLERS.sub("", text)
    return {name for name in names if any(n in text or n in short for n in (name, spelt_out(name)))}


# a label naming a fund's grand total (`一般公共预算收入总计`, `政府性基金预算支出总计`): its fund's words and side
GRAND_TOTAL = regex(r"(?:收入|支出)总计$")


def _less_own_total(before: str, label: str) -> str:
    """The paragraph up to the figure less the figure's own label where that names a fund's grand total: the row
    `一般公共预算收入` inside `一般公共预算收入总计` is no row the paragraph names before the figure, the words are
    the total's own."""
    label = label.replace(" ", "")
    if GRAND_TOTAL.search(label) and before.replace(" ", "").endswith(label):
        return before.replace(" ", "")[: -len(label)]
    return before


# how far back in its section the words naming a figure's row are looked for (a form's lines above it)
SECTION_REACH = 400


def _paragraph_up_to(ctx: CheckContext, m: Mention) -> str | None:
    """The text of the figure's paragraph up to it (None for a figure of no sentence)."""
    sentences = ctx.doc.sentences
    if not 0 <= m.sentence < len(sentences):
        return None
    return ctx.doc.text[sentences[ctx.doc.paragraph_of(m.sentence).start].start : m.start]


def _row_names(ctx: CheckContext) -> dict[int, set[str]]:
    """Each table's row names of four characters at least (no total row), by its index: made once per check."""
    every = ctx.memo("tables.all_row_names", lambda: _all_row_names(ctx))
    return {index: {n for n in names if len(n) >= 4} for index, names in every.items()}


def _same_quantity(hits: list[Hit], context: Context, q: Quantity) -> list[Hit]:
    """The named cells that are the figure's quantity: of its unit, and every field of context either side
    knows, the other knows with the same value; none unless they all state one value."""
    hits = [h for h in hits if h.quantity.base_unit == q.base_unit and _known_alike(h.identity.context, context)]
    return TableIndex.certain(hits)


# what closes a heading of the text that explains a table (`…“三公”经费支出决算情况说明`), and a table's title
EXPLAINS = regex(r"(?:情况说明|情况|说明)$")
TABLE_END = regex(r"表$")
SUBJECT_LEAST = 6  # the characters a heading's subject has at least to name a table by its title


def _explained(ctx: CheckContext, hits: list[Hit], context: Context, q: Quantity) -> list[Hit]:
    """Where the cells the figure's label names state several values (`公务接待费` of the 基本支出 table, its basic
    spending alone, and of the “三公”经费 table, all of it), those of the one table the figure's section explains:
    a heading that is the table's title less its 表, with 情况说明 after it (`七、一般公共预算财政拨款“三公”经费支出
    决算情况说明` over the figures of the `一般公共预算财政拨款“三公”经费支出决算表`). The section restates that table."""
    section = titled(ctx.doc, q.start)
    if section is None or not section.title:
        return []
    heading = re.sub(r"\s+", "", EXPLAINS.sub("", ITEM_NUMBER.sub("", section.title).strip()))
    if len(heading) < SUBJECT_LEAST:
        return []
    tables = tables_by_index(ctx)
    mine = [
        h
        for h in hits
        if h.quantity.base_unit == q.base_unit
        and _known_alike(h.identity.context, context)
        and TABLE_END.sub("", re.sub(r"\s+", "", tables[h.identity.table].title)).endswith(heading)
    ]
    if len({h.identity.table for h in mine}) != 1:
        return []
    return TableIndex.certain(mine)


def _items(m: Mention) -> list[tuple[str, bool]]:
    """The row items a label can name: the label itself (spaces, enumeration, （类） removed), the label
    less its context words (True: the cell's table must have them). Synonyms are not followed: the label
    must name the row exactly."""
    label = LEADING.sub("", CLASS_MARK.sub("", m.label))
    identity = getattr(m, "identity", None)
    if STAGE_AND_SIDE.match(label) and identity is not None and identity.item and identity.item not in GENERIC_ITEMS:
        # (`“三公”经费预算 A，实际支出 B`: B is named by the thing before it, the facts' item, not by a column's word)
        return [(identity.item, True)]
    out = [(row_item(label), False)]
    if (named := NAME_VERB_END.sub("", label)) != label and len(named) >= 2 and not STAGE_ALONE.match(named):
        # (`经营活动产生的现金流量净额为 A`: the verb after the name is no word of the row's name; a stage alone,
        # `决算数为 A` after an item's heading, names the heading's item, no row of its own)
        out.append((row_item(named), False))
    rest = row_item(read(label).rest)  # 一般公共预算财政拨款基本支出: the item 基本支出 in the fund's table
    if rest and rest != out[0][0]:
        out.append((rest, True))
    if identity is not None and identity.item and identity.item not in (x for x, _ in out):
        out.append((identity.item, True))
    # `公务接待费支出 X` is the expenditure of the row `公务接待费`: tried after the names themselves
    fees = [x.rstrip("为") for x, _ in out if x.rstrip("为").endswith(FEE_SPENDING)]
    out += [(x[:-2], True) for x in dict.fromkeys(fees) if (x[:-2], True) not in out]
    # (a bare 合计 names no row: `…等 4 个项目，合计执行 T` totals the items its sentence lists, not a table's 合计)
    return [(x, s) for x, s in out if len(x) >= 2 and not BARE_SUM.match(x)]


# the sum a list of things involves (`涉及资金 X`: a part of the whole the things are of, as the facts read it), and the
# words saying the things are all there are (`所有项目支出均实行绩效目标管理`, `全部项目均纳入`)
INVOLVED = regex(r"^涉及")
EVERY_PROJECT = regex(r"(?:所有|全部)项目(?:支出)?(?:均|都|全部)")


def _involved(ctx: CheckContext, m: Mention) -> list[tuple[str, bool]]:
    """`所有项目支出均实行绩效目标管理，共 11 个项目，涉及项目支出预算 X`: the sum every project involves is their whole
    spending, the row so named: the label less `涉及` (and less its stage, in a table stating it). Nothing where
    the sentence does not say before it that the projects are all of them."""
    if not INVOLVED.match(m.label) or not m.quantities or not 0 <= m.sentence < len(ctx.doc.sentences):
        return []
    start = ctx.doc.sentences[m.sentence].start
    if not EVERY_PROJECT.search(ctx.doc.text, start, m.quantities[0].start):
        return []
    named = INVOLVED.sub("", m.label)
    return [(x, s) for x, s in ((row_item(named), False), (row_item(read(named).rest), True)) if len(x) >= 2]


# the verb that joins a prose figure's name to it (`X为 A`, `X是 A`)
NAME_VERB_END = regex(r"(?:为|是)$")
# a stage's word alone (`决算数`, `年初预算`, `实际支出`), its year may lead (`2026年预算数`): a column's, or the row
# of a table laid out by stage (a 三公 table's `2026年预算数` row); the figure's item is said before it
STAGE_ALONE = regex(
    r"^(?:\d{4}年度?)?(?:年初|调整后?|全年|本年|上年)?(?:预算|决算|执行|完成|实际)(?:数|额|金额|支出|收入)?$"
)
# a sum named by its word alone (`合计`, `共计`, `小计数`)
BARE_SUM = regex(r"^(?:合计|总计|共计|小计|累计)(?:数|金额)?$")


def _context(ctx: CheckContext, m: Mention) -> Context:
    """The context the facts gave the figure (its identity), else what its sentence and headings say."""
    identity = getattr(m, "identity", None)
    if identity is not None and not identity.context.is_empty():
        return identity.context
    doc = ctx.doc
    sentence = doc.sentences[m.sentence] if 0 <= m.sentence < len(doc.sentences) else None
    text = doc.text[sentence.start : sentence.end] if sentence else ""
    own = read(text).context
    section = Context()
    for title in reversed(doc.section_path(sentence.start if sentence else 0)):
        section = section.under(read(title).context)
    return own.under(section)


def _compare(ctx: CheckContext, index: TableIndex, m: Mention, q: Quantity, hits: list[Hit]) -> Outcome | None:
    cell = hits[0].quantity
    row = index.row_cells(hits[0])
    verdict = ctx.judge(interval(q), interval(cell), unit_of([q, cell]))
    if verdict != "pass" and any(ctx.judge(interval(q), interval(c), unit_of([q, c])) == "pass" for c in row):
        return None  # the prose states another column of the row (预算数 beside 决算数)
    if verdict != "pass" and hits[0].identity.total_row and _another_total(ctx, index, m, q, hits[0]):
        return None
    if verdict != "pass" and isinstance(index, HeldIndex) and _stated_elsewhere(ctx, index, m, q, hits):
        return None
    if verdict != "pass" and (_adds_to_the_cell(ctx, q, cell) or _closes_a_chain(ctx, m)):
        return None
    if verdict != "pass" and _of_a_remainder(ctx, m, hits[0]):
        return None
    if verdict == "pass":
        return Outcome(q, "pass", "cross_ref", operands=[cell])
    table = tables_by_index(ctx)[hits[0].identity.table]
    shown = cell.text + (table.column_units.get(hits[0].identity.col, table.unit) if not cell.unit else "")
    if unit_slip(q, cell):
        return _unit_slip(ctx, m, q, cell, hits, table_name(table))
    meant = unit_word_slip(q, cell)
    if meant is not None:
        return _unit_word_slip(ctx, m, q, cell, hits, table_name(table), meant)
    return Outcome(
        q,
        verdict,
        "cross_ref",
        [(h.quantity, "表中数字") for h in hits],
        f"正文“{m.label}”{q.text} 与{table_name(table)}中该项 {shown} 不符（文表不符）",
        q.text,
        shown,
        operands=[cell],
    )


def _another_total(ctx: CheckContext, index: TableIndex, m: Mention, q: Quantity, hit: Hit) -> bool:
    """Is the prose figure, named as a total by a word that does not tell the table's totals apart (`收入预算合计`
    where the table has 本年收入合计 and 收入总计, the year's income without and with the carry-over), the figure of
    another total row of the same column? Which of the totals the prose means is then not certain; its figure is
    one of them."""
    if "本年" in m.label or "总计" in m.label:
        return False  # (the words of one of the totals: that one)
    return any(ctx.judge(interval(q), interval(c), unit_of([q, c])) == "pass" for c in index.total_cells(hit))


REMAINDER_WORDS = alternation(load("tables").get("remainder_words"))
# a list opened by naming the remainder it divides (`未执行资金中，危桥改造 a`, `结转资金中，甲项目 b`)
REMAINDER_OPENING = regex(
    rf"(?:^|[，,；;。])\s*[\u4e00-\u9fff“”]{{0,8}}?(?P<left>{REMAINDER_WORDS or '(?!)'})[\u4e00-\u9fff]{{0,6}}中\s*[，,：:]"
)


def _of_a_remainder(ctx: CheckContext, m: Mention, hit: Hit) -> bool:
    """Is the prose figure an item of a list of what was left, held to a column that is no such remainder (the row's
    执行数)? Then it is another quantity of the row than the cell's. The list is opened by naming the remainder it
    divides (`未执行资金中，危桥改造 a`: the amount of 危桥改造 not spent), or the figure is a listed part of a whole
    so named (`预计全年结余 T，其中甲单位 a、乙单位 b`: 甲单位's part of what is left, not its spending)."""
    if not 0 <= m.sentence < len(ctx.doc.sentences):
        return False
    begin = ctx.doc.sentences[m.sentence].start
    opened = [x["left"] for x in REMAINDER_OPENING.finditer(ctx.doc.text[begin : m.start])]
    left = opened[-1] if opened else _remainder_listed(ctx, m)
    return left is not None and left not in flatten(hit.identity.column)


REMAINDER_NAMED = regex(REMAINDER_WORDS or "(?!)")


def _remainder_listed(ctx: CheckContext, m: Mention) -> str | None:
    """The remainder's word (`结余`) of the whole the figure is listed under, where that whole's label names what was
    left and the figure's own label does not (a part naming it, `基本支出结转 a`, is matched by its own words)."""
    whole = _listed_whole(ctx, m)
    left = REMAINDER_NAMED.search(whole.label) if whole is not None else None
    if left is None or REMAINDER_NAMED.search(m.label):
        return None
    return left.group()


def _adds_to_the_cell(ctx: CheckContext, q: Quantity, cell: Quantity) -> bool:
    """Is the prose figure the total of a breakdown one of whose parts is the cell's figure (`收入 A，加上级补助
    B…，收入合计 T` against a table's 收入合计 A)? Then the two share a name but the prose total holds more: the
    table's row is its first part, not the same quantity."""
    for b in ctx.facts.breakdowns:
        if any(x is q for x in b.total.quantities):
            parts = [x for p in b.parts for x in p.quantities if x.kind == cell.kind]
            if any(ctx.judge(interval(x), interval(cell), unit_of([x, cell])) == "pass" for x in parts):
                return True
    return False


def _closes_a_chain(ctx: CheckContext, m: Mention) -> bool:
    """Does the prose figure close a `加…` chain of its sentence (`一般公共预算收入加上级补助收入 B、…，收入合计 T`)?
    Whatever its name, it is the level's income with what it receives besides (a table's 收入总计), which a table
    row of the same name (`收入合计`, its own income alone) need not be: a mismatch tells nothing. (Named 总计, the
    chain's total is the table's 总计 row's.)"""
    if "合计" not in m.label:
        return False  # (`…，收入总计 T` names the chain's total as a table's 收入总计 row does: compared)
    begin = ctx.doc.sentences[m.sentence].start
    return ADDING.search(ctx.doc.text, begin, m.start) is not None


def unit_slip(q: Quantity, cell: Quantity) -> bool:
    """Is the prose figure the cell's number in a money unit 10⁴ or 10⁸ away (`412.87 亿元` for the cell 412.87 of a
    table in 万元)? A slip of one of the two units, not a figure retyped."""
    if q.base_unit != "元" or not cell.unit or q.unit == cell.unit or q.value != cell.value:
        return False
    return max(q.scale, cell.scale) / min(q.scale, cell.scale) in UNIT_STEPS


SLIP_DIGITS = 3  # the significant digits a number has at least, for its agreement with the cell to be no chance


def unit_word_slip(q: Quantity, cell: Quantity) -> str | None:
    """The money unit the prose figure's number is the cell's amount in, rounded to the prose's digits, where it is
    written in another unit 10⁴ or 10⁸ away (`4.23 元` for a cell of 42,310.00 元: 4.23 万元): the number was
    converted and its unit word kept, or slipped. None where no such unit gives it, or the number has too few
    digits for the agreement to tell."""
    if q.base_unit != "元" or not cell.unit or q.value == 0 or len(q.value.normalize().as_tuple().digits) < SLIP_DIGITS:
        return None
    low, high = interval(q)
    for unit, scale in SLIP_MONEY_UNITS.items():
        factor = scale / q.scale
        if unit != q.unit and (factor in UNIT_STEPS or 1 / factor in UNIT_STEPS):
            if low * factor <= cell.base_value <= high * factor:
                return unit
    return None


def _unit_word_slip(
    ctx: CheckContext, m: Mention, q: Quantity, cell: Quantity, hits: list[Hit], table: str, unit: str
) -> Outcome:
    """The finding of a prose figure whose number is the cell's in `unit`, written in another: the number in that
    unit is the fix where the other sums of money of its section are in it and none in the prose figure's."""
    meant = f"{q.text.rstrip().removesuffix(q.unit).rstrip()}{unit}"
    said = f"单位疑误：正文“{m.label}”{q.text} 的数字是{table}中该项 {written(cell)} 折合{unit}之数，应为 {meant}（文表不符）"
    return _slip(ctx, q, cell, hits, said, meant, unit)


def _unit_slip(ctx: CheckContext, m: Mention, q: Quantity, cell: Quantity, hits: list[Hit], table: str) -> Outcome:
    """The finding of a unit slip: the prose figure in the table's unit, the fix where the other sums of money of
    its section are in that unit and none in the prose figure's (`unit_foreign`)."""
    meant = written(cell)
    said = f"单位疑误：正文“{m.label}”{q.text} 与{table}中该项 {meant} 数字相同而单位不同（文表不符）"
    return _slip(ctx, q, cell, hits, said, meant, cell.unit)


def _slip(ctx: CheckContext, q: Quantity, cell: Quantity, hits: list[Hit], said: str, meant: str, unit: str) -> Outcome:
    """A unit slip's finding: `meant` is the fix where the other sums of money of the figure's section are in
    `unit` and none in the figure's own (`unit_foreign`)."""
    fix = meant if unit_foreign(ctx, q, unit, []) else None
    return Outcome(
        q, "fail", "cross_ref", [(h.quantity, "表中数字") for h in hits], said, q.text, meant, fix, operands=[cell]
    )


def _stated_elsewhere(ctx: CheckContext, index: HeldIndex, m: Mention, q: Quantity, hits: list[Hit]) -> bool:
    """Does another table state the prose figure for the same item in a context that does not contradict the
    figure's (`总收入` of a zone's own table, under a heading whose entity the context words do not know)? Of a
    space-aligned table's cell: the prose may restate that table instead, which is not a mismatch. Of any table's
    cell where no word names the figure's fund (`_fund_unsaid`): the prose may restate a table of one fund (`一般
    公共预算拨款支出 T。按支出功能分类，农林水支出 A` restates the 一般公共预算支出表's row, not the 收支总表's of every
    fund), which the genre's default fund hides."""
    aligned = index.aligned(hits)
    if not aligned and not _fund_unsaid(ctx, m, q):
        return False
    context = held_context(ctx, m)
    if not aligned:
        context = replace(context, fund=None)
    return any(
        ctx.judge(interval(q), interval(h.quantity), unit_of([q, h.quantity])) == "pass"
        for h in index.every.get(hits[0].identity.item, [])
        if h.quantity.base_unit == q.base_unit and compatible(h.identity.context, context, strict=False)
    )


def _fund_unsaid(ctx: CheckContext, m: Mention, q: Quantity) -> bool:
    """Does no word name the figure's fund: not its label, its sentence up to it, nor the headings it stands
    under? Its fund is then only the genre's default (a department's figures are of all its funds), which a
    paragraph that named one fund before the sentence (`一般公共预算拨款支出 T，…。按…分类，…`) does not hold."""
    doc = ctx.doc
    if not 0 <= m.sentence < len(doc.sentences):
        return False
    start = doc.sentences[m.sentence].start
    return read(m.label).context.fund is None and under_headings(ctx, doc.text[start : q.start], start).fund is None


def _classification(label: str) -> tuple[str, ...]:
    """The names of a classification path the label spells out with its levels (`“教育支出（类）普通
    教育（款）小学教育（项）”科目`): ("教育支出", "普通教育", "小学教育"); () when it spells none."""
    parts = CLASS_MARK.split(label)
    if len(parts) < 2:
        return ()
    names = [row_item(re.sub(r"^[\d.、．\s“”\"「」]+", "", p).strip('“”" ')) for p in parts[:-1]]
    return tuple(names) if all(names) else ()


# what a label that names no item is left with, its stage words read (`支出决算为`, `年初预算为`)
BARE_STAGE = frozenset({"", "支出", "数"})
HEADING_SPAN = 120  # the characters a classification path's heading spans at most
# a line that opens an enumerated item (`2、`, `（二）`, `3.`): the heading of another item
ITEM_START = regex(r"\n\s*(?:\d+\s*[、.．]|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)")


def _stage_only(ctx: CheckContext, m: Mention) -> bool:
    """Does the figure's label name a stage and nothing else (`年初预算为`, `支出决算数`), the figure in a sentence of
    the document? Its item is then the one the words around it name (`_stage_path`)."""
    label = read(LEADING.sub("", m.label))
    if label.context.stage is None or label.rest.removesuffix("为") not in BARE_STAGE:
        return False
    return 0 <= m.sentence < len(ctx.doc.sentences)


def _stage_path(ctx: CheckContext, m: Mention) -> tuple[str, ...]:
    """The classification path the words around a figure whose label names a stage only give it: its sentence's
    lead, else its section's heading; () when the label names an item."""
    if not _stage_only(ctx, m):
        return ()
    return _lead_path(ctx, m) or _heading_path(ctx, m)


def _heading_path(ctx: CheckContext, m: Mention) -> tuple[str, ...]:
    """The classification path that heads the figure's section, its label naming a stage only (`3、卫生
    健康支出（类）公共卫生（款）某某服务（项）。` over `年初预算为 A，支出决算为 B`): the item the section is
    the explanation of. () when the section's heading is no path ending at a level (`（项）`, `（款）`), or another
    item's heading (an enumerated line) or name stands between it and the figure."""
    at = ctx.doc.sentences[m.sentence].start
    section = ctx.doc.section_at(at)
    if section is None or not CLASS_MARK.search(section.title):
        return ()
    # the heading up to its stop, its lines joined: a long path is broken over two lines of a PDF, and the
    # section's title may hold the first only
    text = ctx.doc.text[section.start : min(at, section.start + HEADING_SPAN)]
    stop = text.find("。")
    heading = re.sub(r"\s+", "", text[:stop])
    if stop < 0 or not CLASS_MARK.search(heading[-3:]) or ITEM_START.search(text, 1, stop):
        return ()
    if CLASS_MARK.search(ctx.doc.text, section.start + stop, at) or ITEM_START.search(
        ctx.doc.text, section.start + stop, at
    ):
        return ()
    return _classification(heading)


# a sentence opening with a classification path closed by a colon (`2.教育支出（类）普通教育（款）小学教育（项）：`),
# its numbering and quotes aside: what the clause after the colon states figures of
LEAD_PATH = regex(
    r"^\s*(?:\d{1,2}\s*[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)])?\s*"
    r"(?P<path>[“\"]?[^。；;，,：:“”\"]{2,80}?[（(](?:类|款|项)[）)][”\"]?)\s*[：:]\s*$"
)


def _lead_path(ctx: CheckContext, m: Mention) -> tuple[str, ...]:
    """The classification path the figure's sentence opens with, closed by a colon, its label naming a stage only
    (`2.教育支出（类）普通教育（款）小学教育（项）：2026年预算数为 A万元`): the row the sentence walks the table
    to. () when anything but the path and its colon stands before the label."""
    # (the text up to the figure holds its label last: what stands before the label is the sentence's lead)
    before = re.sub(r"\s+", "", ctx.doc.text[ctx.doc.sentences[m.sentence].start : m.start])
    label_text = re.sub(r"\s+", "", m.label)
    if not label_text or not before.endswith(label_text):
        return ()
    lead = LEAD_PATH.match(before[: -len(label_text)])
    return _classification(lead["path"]) if lead is not None else ()


# an enumerated paragraph that opens with an item's name alone, closed by a full stop (`2.某某项目。`)
ITEM_HEADING = regex(r"\s*\d{1,2}\s*[.．、]\s*(?P<name>[^\s。，,；;：:（）()、\d]{2,30})。")


def _heading_item(ctx: CheckContext, m: Mention) -> str:
    """The item an enumerated paragraph opens with, where the figure's label names a stage only and stands in
    the paragraph's first sentence after the name (`2.某某项目。全年预算 A，支出 B`): the row of the project
    table above that the paragraph explains. "" where the label names an item or the paragraph opens otherwise."""
    label = read(LEADING.sub("", m.label))
    if label.rest.removesuffix("为") not in BARE_STAGE or not 0 <= m.sentence < len(ctx.doc.sentences):
        return ""
    start = ctx.doc.sentences[ctx.doc.paragraph_of(m.sentence).start].start
    opened = ITEM_HEADING.match(ctx.doc.text, start)
    if opened is None or opened.end() > m.start or "。" in ctx.doc.text[opened.end() : m.start]:
        return ""
    return row_item(opened["name"])


# the stage a label naming a stage only stands for in an item's account (`全年预算 A，支出 B`): a budget, or what
# was spent (a bare `支出` beside the budget is the outcome), and the column roles of each
HEADED_BUDGET = ("调整预算数", "预算数")
HEADED_OUTCOME = ("执行数", "决算数")


def _headed_cells(ctx: CheckContext, index: TableIndex, m: Mention, headed: str, context: Context) -> list[Hit]:
    """The cell an item's account restates (`_heading_item`): in the one row of the tables so named exactly, of
    the figure's scope, fund and year, in a table standing above it under a heading that encloses the
    paragraph, the one column of the stage the label names (a budget: the row's one budget column, the one of
    the moment the label names where it names one, `全年预算` the adjusted; a bare `支出` or an outcome's word: the row's one
    column of what was spent). None where two rows, two tables or two such columns are."""
    label = read(LEADING.sub("", m.label))
    stage = label.context.stage
    if stage in ("预算", "调整预算"):
        roles = HEADED_BUDGET
    elif stage in ("执行", "决算") or (stage is None and label.rest == SPENDING):
        roles = HEADED_OUTCOME
    else:
        return []
    free = replace(context, stage=None)
    cells = [
        h
        for h in index.by_item.get(headed, [])
        if compatible(h.identity.context, free, strict=False) and h.identity.column in roles and not h.identity.code
    ]
    if len({(h.identity.table, h.identity.row) for h in cells}) != 1 or not _table_above(ctx, m, cells[0]):
        return []
    said = [x.lastgroup or "" for x in BUDGET_MOMENT.finditer(m.label)] if roles is HEADED_BUDGET else []
    if said:
        # (a moment named is that column's: `年初预算` is not the 调整预算 column, even where it is the row's only one)
        want = {"adjusted": ADJUSTED_COLUMN, "initial": BUDGET_COLUMN}.get(said[-1])
        cells = [h for h in cells if h.identity.column == want]
    return cells if len(cells) == 1 else []


def _table_above(ctx: CheckContext, m: Mention, hit: Hit) -> bool:
    """Does the cell's table stand before the figure, under a heading that encloses the figure's paragraph?"""
    table = tables_by_index(ctx)[hit.identity.table]
    if not table.rows or not table.rows[0] or table.rows[0][0].start > m.start:
        return False
    holder = ctx.doc.section_at(table.rows[0][0].start)
    here = ctx.doc.section_at(m.start)
    return holder is None or (here is not None and any(s is holder for s in _enclosing(here)))


def _known_alike(cell: Context, query: Context) -> bool:
    """No field known to one side only: a prose figure of one fund is not a table's figure over all funds.
    A period relative to none (本年 in a document whose title states no year) is not known."""
    for f in ("scope", "fund", "stage", "period"):
        mine, theirs = getattr(cell, f), getattr(query, f)
        if f == "fund" and theirs == ANY_FUND:
            continue  # (an appropriated item's figure: `_appropriated`)
        if unknown(mine) != unknown(theirs):
            return False
    return True


def unknown(value: str | None) -> bool:
    return value in (None, MIXED) or value[0] in "+-"


def _states(cell: Context, label: Context) -> bool:
    fields = [f for f in ("scope", "fund", "stage", "period") if getattr(label, f) is not None]
    return bool(fields) and all(getattr(cell, f) == getattr(label, f) for f in fields)
