"""Sums in tables, as the table model reads them: parent rows, 合计 rows, cross-footing, two-sided totals
and the identities of standard tables."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.tables import Table
from tieout.linter.parse.tables.across import Across, across, locate
from tieout.linter.parse.tables.cells import UNPLACED
from tieout.linter.parse.tables.debt_regions import Restated, debt_restatements
from tieout.linter.parse.tables.relations import Relation
from tieout.linter.rules.base import CheckContext, Outcome

from ._judge import Footing, evaluate, evaluate_figures, outcome, prefix_footings, table_name, table_relations
from .quarters import quarter_outcomes

Judge = Callable[[CheckContext, Table, Relation], "Footing | None"]
Message = Callable[[Table, Relation], str]


def _sum_outcomes(
    ctx: CheckContext, kinds: tuple[str, ...], message: Message, kind: str = "sum", judge: Judge = evaluate
) -> Iterator[Outcome]:
    """Every relation of the given kinds in every table. When most relations of a kind fail in a table (two or
    more, and more than pass), the table's structure was not read as its author meant it: nothing is said
    for that kind there (precision first), neither a failure nor a rounding miss."""
    done = {id(table): _judged_once(ctx, table, kinds, judge) for table in ctx.facts.tables}
    whole = {id(table): _whole_row_fails(table, done[id(table)]) for table in ctx.facts.tables}
    pieces = _pieces(ctx.facts.tables)
    gaps = _gapped_titles(ctx.facts.tables, whole, pieces) if kind != "identity" else set()
    scored = _score_totals(ctx) if "total" in kinds else _ScoreTotals(frozenset(), frozenset())
    for table in ctx.facts.tables:
        judged = done[id(table)]
        # a standard table's identity is the table's by its title: no structure to misread, no guard; nor a
        # 合计 over the top rows of a tree its parent rows confirm (one wrong 合计 row fails in most columns).
        # The guard looks at the table and at the whole it is a piece of (pieces over pages that could not be
        # joined): a page of a table that leaves items out may hold one such row and little else.
        mostly = _mostly_fails(judged) or _mostly_fails([x for t in pieces[id(table)] for x in done[id(t)]])
        if kind != "identity" and mostly and not _tree_confirmed(ctx, table, kinds):
            continue
        for rel, f in judged:
            if f.verdict != "pass" and _title(table, pieces) in gaps and _rows(table, rel) in whole[id(table)]:
                continue
            if f.verdict != "pass" and _no_sum_of_its_rows(ctx, f, scored):
                continue
            if (
                kind != "identity"
                and f.verdict == "rounding"
                and _slip(f)
                and _whole(table, f, rel, judged)
                and _footed_exactly(ctx)
            ):
                # a document whose every other table sum foots as written adds its rounded cells: no 尾差
                # explains a miss of two units or more, a cell was mistyped
                f = replace(f, verdict="fail", holds=False)
            yield outcome(f, message(table, rel) if f.verdict != "pass" else "", kind, rel.name)  # (see `outcome`)


@dataclass(frozen=True, slots=True)
class _ScoreTotals:
    """The totals of the score sets read from a score table's lines (facts/passes/score_lines.py, score_groups.py)."""

    missed: frozenset[int]  # the starts of those their items do not make
    lines: frozenset[int]  # the lines of them all


def _score_totals(ctx: CheckContext) -> _ScoreTotals:
    """Where the score sets' totals stand: a 小计 or 总分 read as the sum of its indicator's scores is that relation,
    which reports the miss (TO111); the table's own total of the same rows would say it twice."""
    scores = ctx.facts.scores
    return _ScoreTotals(
        frozenset(s.total.start for s in scores if sum((q.value for q in s.items), Decimal(0)) != s.total.value),
        frozenset(_line(ctx, s.total) for s in scores),
    )


def _no_sum_of_its_rows(ctx: CheckContext, f: Footing, scored: _ScoreTotals) -> bool:
    """Is the failed total no sum of the rows the table model added: the rows' mean (`7个项目平均得分 83.6`), a score
    table's 小计 or 总分 its lines were read as, off its items (TO111 says it once), or a 总分 footed with the 小计
    rows added in (`_adds_subtotals`)?"""
    return _mean(f) or f.total.start in scored.missed or _adds_subtotals(ctx, f, scored)


def _adds_subtotals(ctx: CheckContext, f: Footing, scored: _ScoreTotals) -> bool:
    """Does the table's total of a score table's row add in a 小计 row with the rows it closes (`|  |  | 资金使用 |` rows
    under a merged cell and `| 投入小计 |` after them, every one a row of the 总分)? Where the score sets read the row's
    total, its 小计 rows are totals of their own: the table's footing counts them twice."""
    return _line(ctx, f.total) in scored.lines and any(_line(ctx, p) in scored.lines for p in f.parts)


def _line(ctx: CheckContext, q: Quantity) -> int:
    """The line of the original file the figure stands on."""
    return ctx.doc.position(q.start, q.end).line


def _mean(f: Footing) -> bool:
    """Is the total, of three parts or more, their mean within its written precision (an average the 合计 row
    states in a column of scores or rates), not their sum?"""
    if len(f.parts) < 3 or any(sign != 1 for sign in f.signs):
        return False
    mean = f.computed / len(f.parts)
    return abs(mean - f.total.value) <= f.total.ulp / 2 + max(p.ulp for p in f.parts) / 2


EXACT_SUMS = 10  # table sums of two parts or more that foot as written, for a document to be read as footed
SLIP_UNITS = 2  # a miss of one unit may be a 尾差 left in a footed document: two or more, a mistyped cell


def _step(f: Footing) -> Decimal | None:
    """The unit of the last digit the sum's figures share (its total's and every part's), in base units; None
    where they are written to different precisions (a sum of finer parts may round apart from its total)."""
    step = f.total.ulp * f.total.scale
    return step if step > 0 and all(q.ulp * q.scale == step for q in f.parts) else None


def _exact(f: Footing) -> bool:
    """A sum of two parts or more of one precision that foots as written (no 尾差)."""
    return f.verdict == "pass" and not f.holds and f.total.value != 0 and len(f.parts) >= 2 and _step(f) is not None


def _slip(f: Footing) -> bool:
    """A 尾差 of two units or more of the figures' shared last digit."""
    step = _step(f)
    return step is not None and abs(f.computed - f.total.base_value) >= SLIP_UNITS * step


def _whole(table: Table, f: Footing, rel: Relation, judged: list[tuple[Relation, Footing]]) -> bool:
    """Are the sum's parts all its rows, no row left out of the table? So where they exceed the total (no row
    left out makes them more), or where the same rows add up exactly in another column of the row (a run of
    rows under a numbered row is judged only so: `_run_held_across`)."""
    if rel.kind == "parent_prefix":
        return True
    if all(s > 0 for s in f.signs) and all(q.value >= 0 for q in f.parts) and f.computed > f.total.base_value:
        return True
    key = _rows(table, rel)
    return any(_rows(table, r) == key and r.total != rel.total and _exact(o) for r, o in judged)


def _footed_exactly(ctx: CheckContext) -> bool:
    """Does the document foot its tables as written: ten sums or more (parent rows, 合计 rows, cross-footing)
    add up to the unit of their last digit, and at most one misses by rounding (TO100)? Cells rounded
    one by one leave a 尾差 in many sums of many rows; a document none of whose sums shows one adds its
    rounded cells, and the one sum that misses holds a mistyped cell."""

    def judge() -> bool:
        footings = [
            f
            for kinds, how in ((PARENT_KINDS, _parent), (("total",), evaluate), (("crossfoot",), evaluate))
            for table in ctx.facts.tables
            for _, f in _judged_once(ctx, table, kinds, how)
        ]
        loose = _missed_cells([f for f in footings if f.verdict == "rounding"])
        return loose <= 1 and sum(1 for f in footings if _exact(f)) >= EXACT_SUMS

    return ctx.memo("tables.footed-exactly", judge)


def _missed_cells(loose: list[Footing]) -> int:
    """How many cells the sums that miss by rounding may be the misses of: a sum and the sum it is a part of (a 小计
    among the rows a 合计 adds) that miss by the same amount are one cell's miss (a mistyped score is off in its 小计
    and in the 总分, by as much in each). A row's sum and a column's always share their one cell, and 尾差 left in
    rounded cells may miss both by one amount: only nested sums are grouped."""
    groups: list[tuple[Decimal, set[int], set[int]]] = []  # (the miss, the sums' totals, their parts)
    for f in loose:
        miss, total, parts = f.computed - f.total.base_value, id(f.total), {id(q) for q in f.parts}
        hit = next((g for g in groups if g[0] == miss and _nested(total, parts, g[1], g[2])), None)
        if hit is None:
            groups.append((miss, {total}, parts))
        else:
            hit[1].add(total)
            hit[2].update(parts)
    return len(groups)


def _nested(total: int, parts: set[int], totals: set[int], others: set[int]) -> bool:
    """Is a sum (its total's and parts' ids) nested with a group of sums: its total one of their parts or theirs one of
    its parts (a 小计 the 合计 adds), or its parts all theirs or theirs all its (a 小计 of rows the 合计 adds each)? A
    row's sum and a column's share one cell, and neither holds the other."""
    return total in others or bool(totals & parts) or parts <= others or others <= parts


def _mostly_fails(judged: list[tuple[Relation, Footing]]) -> bool:
    fails = sum(1 for _, f in judged if f.verdict == "fail")
    return fails >= 2 and fails > sum(1 for _, f in judged if f.verdict == "pass")


def _pieces(tables: list[Table]) -> dict[int, list[Table]]:
    """The pieces of each table printed over pages and not joined: a run of tables each of which goes on in
    the next (`open_end`), keyed by each piece's id."""
    out: dict[int, list[Table]] = {}
    run: list[Table] = []
    for table in tables:
        run.append(table)
        if not table.open_end:
            for t in run:
                out[id(t)] = run
            run = []
    for t in run:
        out[id(t)] = run
    return out


PARENT_KINDS = ("parent", "parent_prefix")
CLASS_DIGITS = 3  # a 类 of the classification of expenditure (`201`); 款 and 项 add two digits each


def _judged_once(
    ctx: CheckContext, table: Table, kinds: tuple[str, ...], judge: Judge
) -> list[tuple[Relation, Footing]]:
    """A table's relations of the given kinds, judged once per document: each rule, TO100 and the guard of
    another kind ask for the same relations judged alike."""
    done: dict[int, list[tuple[Relation, Footing]]] = ctx.memo(
        f"table-sums {kinds} {judge.__module__}.{judge.__qualname__}", dict
    )
    if id(table) not in done:
        done[id(table)] = _judged(ctx, table, kinds, judge)
    return done[id(table)]


def _tree_confirmed(ctx: CheckContext, table: Table, kinds: tuple[str, ...]) -> bool:
    """Do the table's parent rows all add up (two or more), and is every top row a 类 (no 款 or 项 whose 类 is
    on another page), so that the top rows a 合计 sums are certain?"""
    if kinds != ("total",):
        return False
    rows = [r for side in table.sides for r in side.rows if r.code]
    if not rows or any(r.parent is None and len(r.code) != CLASS_DIGITS for r in rows):
        return False
    parents = _judged_once(ctx, table, PARENT_KINDS, _parent)
    held = sum(1 for _, f in parents if f.verdict == "pass" and f.total.value != 0)
    return held >= 2 and not any(f.verdict == "fail" for _, f in parents)


def _title(table: Table, pieces: dict[int, list[Table]]) -> str:
    """The table's title, or the title of the table it is a piece of (a page whose caption was not read)."""
    return table.title or next((t.title for t in pieces[id(table)] if t.title), "")


def _gapped_titles(tables: list[Table], whole: dict[int, set[tuple]], pieces: dict[int, list[Table]]) -> set[str]:
    """Titles of a table printed over several pages (one title, several pieces) where rows fail their sums in
    every column on two pages or more: the table leaves rows out by its own convention (items not published),
    and such a row is no mistake of its own."""
    pages: dict[str, set[tuple[int, int]]] = {}
    for table in tables:  # a table's pieces, or the pieces of one joined over pages, each on its page
        title = _title(table, pieces)
        for key in whole[id(table)] if title else ():
            pages.setdefault(title, set()).add((id(table), table.page(key[0])))
    return {title for title, p in pages.items() if len(p) >= 2}


def _whole_row_fails(table: Table, judged: list[tuple[Relation, Footing]]) -> set[tuple]:
    """The rows whose sum fails in every column it is judged in: rows left out of the table fail them all,
    where one mistyped cell fails its own column only (the row's other columns adding up)."""
    verdicts: dict[tuple, list[str]] = {}
    for rel, f in judged:
        verdicts.setdefault(_rows(table, rel), []).append("short" if f.verdict == "fail" and _short(f) else f.verdict)
    return {key for key, vs in verdicts.items() if all(v == "short" for v in vs)}


def _short(f: Footing) -> bool:
    """Do the parts fall short of the total? Rows left out can only make them so (every part added and none
    below zero): parts that exceed it hold a figure mistyped, not an item unpublished."""
    return not (all(s > 0 for s in f.signs) and all(q.value >= 0 for q in f.parts) and f.computed > f.total.base_value)


def _judged(ctx: CheckContext, table: Table, kinds: tuple[str, ...], judge: Judge) -> list[tuple[Relation, Footing]]:
    if table.across and not _read_across(ctx, table, kinds):
        return []
    return _judged_as_read(ctx, table, kinds, judge)


# the relations a table of 合计 and parts whose parts' columns are not known (`Table.across`) holds: each row's sum,
# and down its 合计 column, the one placed with certainty, its parent rows and its 合计 row
ACROSS_KINDS = (("crossfoot",), PARENT_KINDS, ("total",))


def _read_across(ctx: CheckContext, table: Table, kinds: tuple[str, ...]) -> bool:
    """Are the relations of these kinds read in a table of 合计 and parts (`Table.across`)? Its rows' sums, and the
    tree of its 合计 column, where its rows add up as read (`_parts_left_out`: rows missing their sums say the parts
    are not all shown, or that the first figure is not the 合计 of the others)."""
    return kinds in ACROSS_KINDS and id(table) not in _parts_left_out(ctx)


def _judged_as_read(
    ctx: CheckContext, table: Table, kinds: tuple[str, ...], judge: Judge
) -> list[tuple[Relation, Footing]]:
    rels = table_relations(ctx, table)
    judged: list[tuple[Relation, Footing]] = []
    for rel in rels:
        if rel.kind not in kinds:
            continue
        f = judge(ctx, table, rel)
        if f is not None:
            judged.append((rel, f))
    return _confirmed(table, judged)


ACROSS_MISSES = 2  # rows of a table of 合计 and parts (`Table.across`) whose sums miss: its parts are not all shown


def _parts_left_out(ctx: CheckContext) -> set[int]:
    """The tables of 合计 and parts read across (`Table.across`; each page of one read alone, every page repeating
    its header's words) of a table whose rows miss their sums twice or more: a table that shows its main items only
    (`专项转移支付分项目分地区`, the small items left out, each row's 总计 holding them) leaves each row short of its 总计
    by what it leaves out, so no row of it is judged. A mistyped cell misses in its own row alone; a sum off by
    the rounding of its cells misses in none."""

    def find() -> set[int]:
        misses: Counter[str] = Counter()
        for table in ctx.facts.tables:
            if table.across:
                judged = _judged_as_read(ctx, table, ("crossfoot",), evaluate)
                misses[table.across] += sum(1 for _, f in judged if f.verdict == "fail")
        return {id(t) for t in ctx.facts.tables if t.across and misses[t.across] >= ACROSS_MISSES}

    return ctx.memo("tables.across-parts-left-out", find)


def _across_footing(ctx: CheckContext, tables: list[Table], ident: Across) -> Footing | None:
    """The identity judged on its cells (a blank counts as nothing where its table says so)."""
    total = locate(tables, ident.total)
    if not isinstance(total, tuple):
        return None
    t, r, c = total
    parts: list[tuple[Table, int, int]] = []
    for term in ident.parts:
        found = locate(tables, term)
        if found is None:
            return None
        if isinstance(found, tuple):
            parts.append(found)
    cells = [(t.quantity(r, c), t.is_blank(r, c) and t.blank_zero)] + [
        (pt.quantity(pr, pc), pt.is_blank(pr, pc) and pt.blank_zero) for pt, pr, pc in parts
    ]
    if any(q is None and not zero for q, zero in cells) or cells[0][0] is None:
        return None
    return evaluate_figures(ctx, cells[0][0], [q for q, _ in cells[1:]])


def _confirmed(table: Table, judged: list[tuple[Relation, Footing]]) -> list[tuple[Relation, Footing]]:
    """Relations that need confirming (rows grouped by position only) are kept where the same rows add up
    in some column of the row, or where no row of the group is itself the sum of rows after it (a flat
    list, not a hierarchy whose levels the table does not mark)."""
    # a pass of nothing (0 = 0 + 0) confirms no grouping; a grouping read from indentation must hold in at
    # least as many columns as it fails in (a misread grouping fails in most, a mistyped cell in one)
    held: Counter[tuple] = Counter()
    failed: Counter[tuple] = Counter()
    for r, o in judged:
        if not r.confirm:
            continue
        if (o.verdict == "pass" or o.holds) and o.total.value != 0:
            held[_rows(table, r)] += 1
        elif o.verdict == "fail":
            failed[_rows(table, r)] += 1
    out = []
    for r, o in judged:
        key = _rows(table, r)
        sure = held[key] > 0 and (not r.strict or held[key] >= failed[key])
        if not r.confirm or sure or not r.strict and _flat(table, r):
            out.append((r, o))
    return out


def _rows(table: Table, r: Relation) -> tuple:
    """The rows a relation groups, and the side of the table they are of (its total's column's): a two-sided table's
    收入 and 支出 rows on the same lines are not the same rows, and one side's sum holding confirms no grouping of the
    other side's."""
    return (r.total[0], tuple(p[0] for p in r.parts), _side_at(table, r.total[1]))  # (the total's row first: its page)


def _side_at(table: Table, col: int) -> int:
    """The index of the side whose figure column `col` is (-1: none's)."""
    if len(table.sides) == 1:
        return 0
    return next((k for k, side in enumerate(table.sides) if side.column(col) is not None), -1)


def _flat(table: Table, rel: Relation) -> bool:
    values = [table.quantity(*ref) for ref in rel.parts]
    if any(q is None for q in values):
        return False
    vals = [q.base_value for q in values]  # type: ignore[union-attr]
    for i, v in enumerate(vals):
        run = Decimal(0)
        for k in range(i + 1, len(vals)):
            run += vals[k]
            if k > i + 1 and run == v and v != 0:
                return False  # row i is the sum of the rows after it: a hidden level
    return True


def _parent(ctx: CheckContext, table: Table, rel: Relation) -> Footing | None:
    """A parent row against its children; a row numbered 一、 followed by unnumbered rows, against the first
    run of them that adds up to it (none: not judged)."""
    if rel.kind == "parent":
        return evaluate(ctx, table, rel)
    for f in prefix_footings(ctx, table, rel, rel.candidates):
        if f is not None and f.verdict == "pass" and f.parts:
            return f
    k = _run_held_across(ctx, table, rel)
    return evaluate(ctx, table, rel, rel.candidates[:k]) if k else None


def _run_held_across(ctx: CheckContext, table: Table, rel: Relation) -> int:
    """The length of the run of unnumbered rows under a numbered row that adds up to it, exactly as written, in
    another column of the row (two rows or more, not zero): the same rows are its children in every column
    (`一、税收收入` over its taxes), and a column where they do not add up holds a mistyped cell. 0 where no other
    column gives one run, or gives several, or where the column adds up under no other numbered row (a column
    of rates read as amounts)."""
    rels: dict[int, list[Relation]] = ctx.memo("table-relations", dict)
    prefixes = [r for r in rels.get(id(table), []) if r.kind == "parent_prefix"]
    runs: set[int] = set()
    summed = False  # does the column add up under another numbered row (a column of amounts, not of rates)?
    for other in prefixes:
        if other.total == rel.total:
            continue
        if other.total[0] == rel.total[0] and (k := _exact_run(ctx, table, other)):
            runs.add(k)
        elif other.total[1] == rel.total[1] and _exact_run(ctx, table, other):
            summed = True
    if len(runs) != 1 or not summed:
        return 0
    k = runs.pop()
    # (a row after the run whose figures' columns are not known, `其他税收收入 17 -100.0` under three columns of a
    # PDF's text without layout: blank in the other column, where the run stops before it, it may hold this
    # column's figure, the run's last)
    return 0 if any(_unplaced(table, ref) for ref in rel.candidates[k:]) else k


def _unplaced(table: Table, ref: tuple[int, int]) -> bool:
    """Is the cell one of a row whose figures' columns are not known (`cells.UNPLACED`)?"""
    cell = table.cell(*ref)
    return cell is not None and cell.text == UNPLACED


def _exact_run(ctx: CheckContext, table: Table, rel: Relation) -> int:
    """The length of the first run of two rows or more under a numbered row that adds up to it exactly as
    written (not zero); 0 where none does. Found once per relation: every other numbered row of the table asks."""
    runs: dict[int, int] = ctx.memo("table-exact-runs", dict)  # (the relations are the document's, kept: ids hold)
    if id(rel) not in runs:
        runs[id(rel)] = _first_exact_run(ctx, table, rel)
    return runs[id(rel)]


def _first_exact_run(ctx: CheckContext, table: Table, rel: Relation) -> int:
    for k, f in enumerate(prefix_footings(ctx, table, rel, rel.candidates), start=1):
        if k >= 2 and f is not None and f.verdict == "pass" and not f.holds and f.total.value != 0:
            return k
    return 0


def parent_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    return _sum_outcomes(
        ctx, PARENT_KINDS, lambda t, r: f"{table_name(t)}“{r.where}”行不等于其下一级各行之和", judge=_parent
    )


def total_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    return _sum_outcomes(ctx, ("total",), lambda t, r: f"{table_name(t)}“{r.where}”行不等于所合计各行之和")


def _crossfoot_message(table: Table, rel: Relation) -> str:
    row, col = rel.where.split("｜", 1) if "｜" in rel.where else (rel.where, "合计")
    where = f"“{row}”行的" if row else "的"  # a table of one unnamed row (合计 | 基本支出 | 项目支出)
    return f"{table_name(table)}{where}“{col}”不等于其各组成列之和"


def crossfoot_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    return _sum_outcomes(ctx, ("crossfoot",), _crossfoot_message)


def sides_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    return _sum_outcomes(ctx, ("balance",), lambda t, r: f"{table_name(t)}收入总计与支出总计不相等")


def identity_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """The identities of the standard tables, within a table and between two tables of the document."""
    yield from _sum_outcomes(ctx, ("identity",), lambda t, r: f"{table_name(t)}不满足“{r.name}”", "identity")
    tables = ctx.facts.tables
    for ident in across():
        f = _across_footing(ctx, tables, ident)
        if f is not None:
            yield outcome(f, f"两表之间不满足“{ident.name}”", "identity", ident.name)
    for pair in debt_restatements(tables):
        f = _restated_footing(ctx, pair)
        if f is not None:
            yield outcome(f, f"两表之间不满足“{pair.name}”", "identity", pair.name)
    yield from quarter_outcomes(ctx)


def _restated_footing(ctx: CheckContext, pair: Restated) -> Footing | None:
    """The regions' table's cell judged against the balance table's (the balance table's figure is the total: a
    finding stands on the cell of the table by region, the one of many rows)."""
    bt, br, bc = pair.balance
    rt, rr, rc = pair.regions
    total, restated = rt.quantity(rr, rc), bt.quantity(br, bc)
    if total is None or restated is None:
        return None
    return evaluate_figures(ctx, total, [restated])
