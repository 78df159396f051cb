"""Prose against tables (文表一致): a figure the explanation states and the table cell that is the same
quantity."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from tieout.linter.facts.model import Mention
from tieout.linter.facts.passes.grades import overall_score
from tieout.linter.figures.context import MIXED, Context, read
from tieout.linter.figures.intervals import interval, unit_of
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.tables import Table
from tieout.linter.parse.tables.lookup import Hit, TableIndex
from tieout.linter.parse.tables.model import Side
from tieout.linter.patterns import regex
from tieout.linter.rules.base import CheckContext, Outcome, Result, Rule

CLASS_MARK = regex(r"[（(](?:类|款|项)[）)]")
LEADING = regex(r"^(?:其中[：:，,]?|[，、；：:])+")  # what opens a label that is no part of its item


class TextTable(Rule):
    """The prose states a table's figure with another value (文表不符).

    ## What it does
    Compares a figure of the explanation with the table cell that is the same quantity, only where the
    match is certain: its label names the row item exactly (or the column of the table's 合计 row, as
    `基本支出` names the 合计 row under 基本支出), or spells a classification path (`教育支出（类）普通教育（款）
    小学教育（项）`) that names one coded row and its ancestors; every context field (scope, fund, stage,
    year) known on one side, the figure's identity or the table's, is known alike on the other; and the
    cells found state one value. A prose
    figure equal to another cell of the row is taken to be that cell. Tables read from space-aligned text
    are not used. An overall score (`自评得分 95 分`) must equal the 合计 of a score table's 得分 column.

    ## Why is this bad?
    The explanation of a 部门决算 restates its tables; a figure retyped in the prose drifts from its table
    and the reader cannot tell which is right.

    ## How to fix
    Correct the prose or the table, whichever is wrong.
    """

    code = "TO304"
    name = "text-table-mismatch"
    severity = "warning"
    kind = "cross_ref"

    def check(self) -> Iterable[Result]:
        return self.report(self.ctx.outcomes(text_table_outcomes))


def text_table_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """Prose figures against the table cells that are certainly the same quantity, and the overall score
    against a score table's 合计."""
    yield from _scores(ctx)
    if not ctx.facts.tables:
        return
    outer = ctx.facts.document_context
    index = prose_index(ctx)
    for m in ctx.facts.mentions:
        named: tuple[list[Hit], Context] | None = None  # the cells the label names: read once per mention
        for q in m.quantities:
            if q.kind != "amount" or not q.exact:
                continue
            if named is None:
                named = _named_cells(ctx, index, m, outer)
            hits = _same_quantity(*named, q)
            if hits:
                o = _compare(ctx, index, m, q, hits)
                if o is not None:
                    yield o


def prose_index(ctx: CheckContext) -> TableIndex:
    """The index of the tables prose figures may be held to, built once per document (TO304, TO105). A
    space-aligned text table's column names are placed by position: not certain enough to hold the prose to."""
    outer = ctx.facts.document_context
    return ctx.memo("tables.prose_index", lambda: TableIndex([t for t in ctx.facts.tables if not t.aligned], outer))


def cells_for(ctx: CheckContext, index: TableIndex, m: Mention, q: Quantity, outer: Context) -> list[Hit]:
    """The cells that are certainly the quantity of this prose figure: its identity's context (the facts'
    reading of the label, sentence, headings and title) against each table's, its label naming the row
    exactly (the identity's item, synonyms applied, is tried after it)."""
    return _same_quantity(*_named_cells(ctx, index, m, outer), q)


def _named_cells(ctx: CheckContext, index: TableIndex, m: Mention, outer: Context) -> tuple[list[Hit], Context]:
    """The cells the mention's label names in its context, and that context (what `cells_for` reads of the
    mention, whichever of its figures is matched)."""
    own = read(m.label).context
    context = own.under(_context(ctx, m)).under(outer)
    hits: list[Hit] = []
    path = _classification(m.label)
    if path:
        # `教育支出（类）普通教育（款）小学教育（项）`: the coded row of those names, and no other
        hits = index.find_path(path, context)
    else:
        for item, stripped in _items(m):
            hits = index.find(item, context)
            if stripped:
                # the label less its context words (一般公共预算财政拨款基本支出 → 基本支出): only in a table
                # whose own context has those words
                hits = [h for h in hits if _states(h.identity.context, own)]
            if hits:
                break
    return hits, context


def _same_quantity(hits: list[Hit], context: Context, q: Quantity) -> list[Hit]:
    """The named cells that are the figure's quantity: of its unit, and every field of context either side
    knows, the other knows with the same value; none unless they all state one value."""
    hits = [h for h in hits if h.quantity.base_unit == q.base_unit and _known_alike(h.identity.context, context)]
    return TableIndex.certain(hits)


def _items(m: Mention) -> list[tuple[str, bool]]:
    """The row items a label can name: the label itself (spaces, enumeration, （类） removed), the label
    less its context words (True: the cell's table must have them). Synonyms are not followed: the label
    must name the row exactly."""
    from tieout.linter.parse.tables.identities import item

    label = LEADING.sub("", CLASS_MARK.sub("", m.label))
    out = [(item(label), False)]
    rest = item(read(label).rest)  # 一般公共预算财政拨款基本支出: the item 基本支出 in the fund's table
    if rest and rest != out[0][0]:
        out.append((rest, True))
    identity = getattr(m, "identity", None)
    if identity is not None and identity.item and identity.item not in (x for x, _ in out):
        out.append((identity.item, True))
    # `公务接待费支出 X` is the expenditure of the row `公务接待费`: tried after the names themselves
    fees = [x.rstrip("为") for x, _ in out if x.rstrip("为").endswith("费支出")]
    out += [(x[:-2], True) for x in dict.fromkeys(fees) if (x[:-2], True) not in out]
    return [(x, s) for x, s in out if len(x) >= 2]


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
    if verdict == "pass":
        return Outcome(q, "pass", "cross_ref", operands=[cell])
    table = next(t for t in ctx.facts.tables if t.index == hits[0].identity.table)
    shown = cell.text + (table.column_units.get(hits[0].identity.col, table.unit) if not cell.unit else "")
    return Outcome(
        q,
        verdict,
        "cross_ref",
        [(h.quantity, "表中数字") for h in hits],
        f"正文“{m.label}”{q.text} 与{_name(table)}中该项 {shown} 不符（文表不符）",
        q.text,
        shown,
        operands=[cell],
    )


def _scores(ctx: CheckContext) -> Iterator[Outcome]:
    """The overall score in the prose (`项目绩效自评得分 95 分`) against the 合计 of a table's 得分 column."""
    totals = [q for table in ctx.facts.tables for side in table.sides if (q := _score_total(table, side))]
    if len(totals) != 1:
        return
    total = totals[0]
    text, sentences = ctx.doc.text, ctx.doc.sentences
    overall = [
        (m, q) for m in ctx.facts.mentions if (q := overall_score(text, sentences[m.sentence].start, m)) is not None
    ]
    if len({q.value for _, q in overall}) > 2:
        return  # the overall scores of several evaluations (a volume of reports): which one the table's is, unknown
    for m, q in overall:
        ok = q.value == total.value
        if ok:
            yield Outcome(q, "pass", "score_sum", operands=[total])
            continue
        yield Outcome(
            q,
            "fail",
            "score_sum",
            [(total, "评分表合计")],
            f"正文“{m.key}”{q.text} 与评分表合计 {total.text} 分不同（文表不符）",
            q.text,
            f"{total.text}分",
        )


def _score_total(table: Table, side: Side) -> Quantity | None:
    """The 合计 of a side's one score column (its role 得分, not 得分率), where the side's weights, if it has a
    column of them, make full marks (100): the table of some indicators only (`产出指标` and `效益指标`, 70 分)
    totals part of the overall score."""
    scores = [c for c in side.columns if c.role == "得分"]
    weights = [c for c in side.columns if c.role == "分值"]
    row = next((r for r in side.rows if r.total == "grand"), None)
    if len(scores) != 1 or len(weights) > 1 or row is None:
        return None
    q = table.quantity(row.index, scores[0].index)
    if q is None or q.kind == "percent":
        return None
    full = table.quantity(row.index, weights[0].index) if weights else None
    if weights and (full is None or full.value != 100):
        return None
    return q


def _classification(label: str) -> tuple[str, ...]:
    """The names of a classification path the label spells out with its levels (`“教育支出（类）普通
    教育（款）小学教育（项）”科目`): ("教育支出", "普通教育", "小学教育"); () when it spells none."""
    from tieout.linter.parse.tables.identities import item

    parts = CLASS_MARK.split(label)
    if len(parts) < 2:
        return ()
    names = [item(re.sub(r"^[\d.、．\s“”\"「」]+", "", p).strip('“”" ')) for p in parts[:-1]]
    return tuple(names) if all(names) else ()


def _known_alike(cell: Context, query: Context) -> bool:
    """No field known to one side only: a prose figure of one fund is not a table's figure over all funds.
    A period relative to none (本年 in a document whose title states no year) is not known."""
    for f in ("scope", "fund", "stage", "period"):
        mine, theirs = getattr(cell, f), getattr(query, f)
        if _unknown(mine) != _unknown(theirs):
            return False
    return True


def _unknown(value: str | None) -> bool:
    return value in (None, MIXED) or value[0] in "+-"


def _states(cell: Context, label: Context) -> bool:
    fields = [f for f in ("scope", "fund", "stage", "period") if getattr(label, f) is not None]
    return bool(fields) and all(getattr(cell, f) == getattr(label, f) for f in fields)


def _name(table: Table) -> str:
    return f"“{table.title}”" if table.title else f"表 {table.index} "
