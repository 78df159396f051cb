"""Standard-table identities as data (`tieout/linter/vocab/table_identities.yaml`) turned into relations
between the cells of a table whose title matches."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache

from tieout.linter.patterns import regex
from tieout.linter.vocab import load

from .cells import flatten
from .model import Row, Side, Table
from .relations import Relation, additive_rows, row_name, summable
from .rows import MARKERS
from .spans import column_for, spans, sub_leaf
from .vocab import PART_HEADING, Role, role_of

NONE = Role("", "")

PAREN = regex(r"[（(][^（）()]*[）)]$")
# a money unit a row's label closes with (`营业收入（元）`, a listed company's 主要会计数据): no word of the item's name
MONEY_UNIT_NOTE = regex(r"[（(]\s*(?:亿元|万元|千元|元)\s*[）)]$")


def without_money_unit(name: str) -> str:
    """An item's name less the money unit its label closes with (`营业收入（元）` → `营业收入`): the name prose and the
    other tables give the item (each cell keeps its own unit)."""
    return MONEY_UNIT_NOTE.sub("", name)


@dataclass(frozen=True)
class Term:
    """A term of a standard identity: the wordings of its row or column, its sign, and whether it may be absent."""

    words: tuple[str, ...]  # wordings (flattened); `code:301` for a code
    sign: int = 1
    optional: bool = False


@dataclass(frozen=True)
class Identity:
    """A standard identity of a table (table_identities.yaml): the tables it holds in, its total and its parts."""

    name: str
    tables: tuple[str, ...]
    unless: tuple[str, ...]
    axis: str  # rows / columns
    total: Term
    parts: tuple[Term, ...]
    # words no column header of the side may contain: a column the identity does not name that would make
    # one of its terms ambiguous (预算数 beside 调整预算数: which budget is 结余 taken from?)
    unless_columns: tuple[str, ...] = ()
    # a column identity that holds only when its terms are every amount column beside them (a roll-forward:
    # a column it does not name, 调整 or 其他减少, may be one more movement of the stock)
    closed: bool = False
    # a row identity that holds only where its terms stand in the order listed, the total last of its side and
    # right after the last part, no total nor a row naming one of `unless_between` between two terms: a balance
    # row (`结转下年` under `支出合计`) is what is left only where the sides' totals above it hold all else
    ordered: bool = False
    unless_between: tuple[str, ...] = ()
    # a row identity that holds only where its terms stand one right under the other in the order listed, the
    # total right after the last part (`本年收入合计 | 上年结转收入 | 收入总计`): a row between them may be one more
    # part, or the subtotal of parts the identity names (`转移性收入` over `上级补助收入`)
    adjacent: bool = False
    # a row identity whose parts after the first each head a block of items written under them, up to the next
    # part or the total (`转移性收入` over `返还性收入`, `调入资金`, `上年结转收入`): it holds in a column where each
    # block's items add up to its part, and, where one column breaks every block out in full, in a column where one
    # cell explains a block's miss (`_in_blocks`). A row written beside a part rather than under it (`调入资金` a block
    # of its own, not named by the identity) makes the items exceed the part, and the table is not read
    blocks: bool = False

    def applies(self, title: str) -> bool:
        """An identity naming no tables holds by the definition of its columns, in any table (titled or not).
        `title` is flattened (by the caller, once for all the identities a table is tried with)."""
        return (not self.tables or any(w in title for w in self.tables)) and not any(w in title for w in self.unless)


def _term(text: str) -> Term:
    text = str(text)
    optional = text.startswith("?")
    text = text.lstrip("?")
    sign = -1 if text.startswith("-") else 1
    text = text.lstrip("-")
    return Term(tuple(flatten(w) for w in text.split("|")), sign, optional)


@cache
def identities() -> tuple[Identity, ...]:
    out = []
    for e in load("table_identities").get("identities") or []:
        out.append(
            Identity(
                name=str(e["name"]),
                tables=tuple(flatten(str(t)) for t in e.get("tables") or []),
                unless=tuple(flatten(str(t)) for t in e.get("unless") or []),
                axis=str(e.get("axis") or "rows"),
                total=_term(e["total"]),
                parts=tuple(_term(p) for p in e.get("parts") or []),
                unless_columns=tuple(flatten(str(t)) for t in e.get("unless_columns") or []),
                closed=bool(e.get("closed")),
                ordered=bool(e.get("ordered")),
                unless_between=tuple(flatten(str(t)) for t in e.get("unless_between") or []),
                adjacent=bool(e.get("adjacent")),
                blocks=bool(e.get("blocks")),
            )
        )
    return tuple(out)


@lru_cache(maxsize=1 << 14)  # a pure function of the label: asked of every row by every identity, and of prose labels
def item(label: str) -> str:
    """A row label as an identity names it: no enumeration (一、), spaces or trailing note （含专用结余）."""
    text = flatten(label)
    for _style, rx in MARKERS:
        m = rx.match(text)
        if m:
            text = text[m.end() :]
            break
    return text


@lru_cache(maxsize=1 << 14)
def _names(label: str) -> tuple[str, str]:
    """A row label's item, and the item less a trailing note in brackets: what an identity's wordings match.
    A part's 其中 is no word of its name."""
    name = item(
        PART_HEADING.sub("", flatten(label))
    )  # (`其中：（1）公务用车购置费`: 其中 before the enumeration, no word of the part's name)
    return name, PAREN.sub("", name)


def identity_relations(table: Table) -> list[Relation]:
    out: list[Relation] = []
    title = flatten(table.title or "")
    named: dict[int, RowsByName] = {}  # each side's rows by name, built once for all the identities tried
    headers: dict[int, Headers] = {}  # and its columns' headers likewise
    for ident in _applicable(title):
        out += _columns(table, ident, headers) if ident.axis == "columns" else _rows(table, ident, named)
    return out


@lru_cache(maxsize=1 << 10)  # a pure function of the flattened title: a report's tables share few titles ("" most)
def _applicable(title: str) -> tuple[Identity, ...]:
    """The identities that hold in a table of this title (each identity's words tested against it once per title,
    not once per table)."""
    return tuple(ident for ident in identities() if ident.applies(title))


class Headers:
    """A side's column headers as the column identities read them: every header text flattened, and the runs of
    columns under each header prefix at each level with their names (`spans`, `_named`), made once for all the
    identities a table is tried with (each read them at every level again)."""

    def __init__(self, side: Side) -> None:
        self.columns = side.columns
        self.texts = [flatten(p) for c in side.columns for p in c.path]
        self.depth = max((len(c.path) for c in side.columns), default=0)
        self._prefixes: dict[int, set[tuple[str, ...]]] = {}
        self._runs: dict[tuple[int, tuple[str, ...]], tuple[list, dict]] = {}

    def prefixes(self, level: int) -> set[tuple[str, ...]]:
        """The header paths above `level` (the set iterated as `_locate` iterated it when it built it each time)."""
        found = self._prefixes.get(level)
        if found is None:
            found = self._prefixes[level] = {tuple(c.path[:level]) for c in self.columns}
        return found

    def runs(self, level: int, prefix: list[str]) -> tuple[list, dict]:
        """The runs of columns under `prefix` at `level`, and the runs by their names (`_named`)."""
        key = (level, tuple(prefix))
        found = self._runs.get(key)
        if found is None:
            runs = spans(self.columns, level, list(prefix))
            found = self._runs[key] = (runs, _named(runs, level))
        return found


class RowsByName:
    """A side's rows by what a term's words match: a row's name or its name less a note in brackets
    (`_names`), or its code for a word `code:…`. A term is looked up by its words, not tested against every
    row (every row identity asks for its total and each of its parts)."""

    def __init__(self, side: Side) -> None:
        self.rows = side.rows
        self.by_name: dict[str, list[int]] = {}
        self.by_code: dict[str, list[int]] = {}
        for k, r in enumerate(side.rows):
            name, bare = _names(r.label)
            self.by_name.setdefault(name, []).append(k)
            if bare != name:
                self.by_name.setdefault(bare, []).append(k)
            self.by_code.setdefault(r.code, []).append(k)

    def find(self, term: Term) -> list[Row]:
        """The rows `term` matches, in the side's order."""
        found: set[int] = set()
        for w in term.words:
            found.update(self.by_code.get(w[5:], ()) if w.startswith("code:") else self.by_name.get(w, ()))
        return [self.rows[k] for k in sorted(found)]


def _rows(table: Table, ident: Identity, named: dict[int, RowsByName]) -> list[Relation]:
    for side in table.sides:
        rows = named.get(id(side))
        if rows is None:
            rows = named[id(side)] = RowsByName(side)
        totals = rows.find(ident.total)
        if len(totals) != 1 or all(table.quantity(totals[0].index, c) is None for c in summable(side)):
            continue  # (a total written once for two sides has its figure in one of them)
        parts, absent = _found_parts(side, rows, ident)
        if not parts or (ident.ordered and not _in_order(side, totals[0], [r for r, _ in parts], ident)):
            continue
        if absent and not ident.blocks and _unnamed_between(table, side, totals[0], [r for r, _ in parts]):
            continue  # (in blocks the rows between are the blocks' items, each block held to its sum below)
        if ident.adjacent and not _adjacent(side, totals[0], [r for r, _ in parts]):
            continue
        if ident.blocks:
            return _in_blocks(table, side, totals[0], parts, ident)
        return _identity(totals[0], parts, ident, summable(side))
    return []


def _identity(total: Row, parts: list[tuple[Row, int]], ident: Identity, cols: list[int]) -> list[Relation]:
    """The identity in each of the columns: the total against its parts with their signs."""
    return [
        Relation(
            "identity",
            (total.index, c),
            [(r.index, c) for r, _ in parts],
            signs=[s for _, s in parts],
            where=ident.name,
            name=ident.name,
        )
        for c in cols
    ]


def _found_parts(side: Side, rows: RowsByName, ident: Identity) -> tuple[list[tuple[Row, int]], bool]:
    """The rows of the identity's parts with their signs ([] where a term has none it must have, or several), and
    whether an optional term has no row."""
    parts: list[tuple[Row, int]] = []
    absent = False
    for term in ident.parts:
        found = rows.find(term)
        if len(found) > 1 or (not found and (not term.optional or _worded_otherwise(side, term))):
            return [], absent
        if found:
            parts.append((found[0], term.sign))
        absent = absent or not found
    return parts, absent


def _places(side: Side, rows: list[Row]) -> list[int]:
    """Where each of the rows stands in the side, in the order given."""
    place = {r.index: k for k, r in enumerate(side.rows)}
    return [place[r.index] for r in rows]


def _in_order(side: Side, total: Row, parts: list[Row], ident: Identity) -> bool:
    """Do the parts stand in the order listed, the total last of the side right after the last part, and no row
    between two of them is a total or names one of the identity's `unless_between` words?"""
    seq = _places(side, [*parts, total])
    if any(b <= a for a, b in zip(seq, seq[1:])) or seq[-1] != len(side.rows) - 1 or seq[-1] != seq[-2] + 1:
        return False
    between = [r for r in side.rows[seq[0] + 1 : seq[-1]] if r.index not in {p.index for p in parts}]
    return not any(r.total or any(w in _names(r.label)[0] for w in ident.unless_between) for r in between)


def _adjacent(side: Side, total: Row, parts: list[Row]) -> bool:
    """Do the parts stand one right under the other in the order listed, the total right under the last?"""
    seq = _places(side, [*parts, total])
    return all(b == a + 1 for a, b in zip(seq, seq[1:]))


def _unnamed_between(table: Table, side: Side, total: Row, parts: list[Row]) -> bool:
    """Does a row the identity names by none of its terms stand among its rows, a figure other than nought in it
    (`本年支出合计 | 年末结转结余 | 支出总计`, the carry-over worded as no wording of the optional term lists)? It may be
    the term the identity counts as absent, under another name: the identity without it is not certain. A row under
    another (a 其中 row, a code's sub-codes, `30201` under `302`) is a part of that row, no term of its own."""
    seq = _places(side, [*parts, total])
    named = {r.index for r in [*parts, total]}
    columns = summable(side)
    level = min(r.level for r in parts)
    for r in side.rows[min(seq) + 1 : max(seq)]:
        if r.index in named or r.parent is not None or r.level > level or PART_HEADING.match(flatten(r.label)):
            continue
        if any((q := table.quantity(r.index, c)) is not None and q.value != 0 for c in columns):
            return True
    return False


Block = tuple[Row, list[Row]]  # a part of a `blocks` identity and the item rows written under it


def _in_blocks(table: Table, side: Side, total: Row, parts: list[tuple[Row, int]], ident: Identity) -> list[Relation]:
    """A `blocks` identity in the columns that read it, and each block's items against its part there. A column
    whose blocks all add up reads it. Where one column confirms the blocks (`_broken_out`), a column in which one
    block misses reads it too, the miss being one cell's (`_one_slip`): the block then fails there (TO305, as a
    parent row over its items), the identity is judged on the parts as they stand. Without such a column a block
    that misses is no slip that is certain (`调入资金` beside `转移性收入` rather than under it: the items exceed
    their part in every column), and the column is not read."""
    blocks = _blocks(table, side, total, [r for r, _ in parts])
    if blocks is None:
        return []
    cols = summable(side)
    held = [c for c in cols if all(not items or _adds_up(table, part, items, c) for part, items in blocks)]
    if not any(_broken_out(table, blocks, c) for c in held):
        return _identity(total, parts, ident, held)
    read = [c for c in cols if c in held or _one_slip(table, total, parts, blocks, c)]
    return _identity(total, parts, ident, read) + [
        _block_relation(part, items, c) for c in read for part, items in blocks if _filled(table, items, c)
    ]


def _blocks(table: Table, side: Side, total: Row, parts: list[Row]) -> list[Block] | None:
    """The parts after the first each with the rows under it up to the next part (or the total): its items (a part
    with no rows under it is a block of its own). None where the parts do not stand in the order listed above the
    total, or where a figure stands between the first part, which closes the items above it, and the second: a
    block the identity does not name."""
    seq = _places(side, [*parts, total])
    if any(b <= a for a, b in zip(seq, seq[1:])):
        return None
    if any(table.quantity(r.index, c) is not None for r in side.rows[seq[0] + 1 : seq[1]] for c in summable(side)):
        return None
    return [(side.rows[a], side.rows[a + 1 : b]) for a, b in zip(seq[1:], seq[2:])]


def _broken_out(table: Table, blocks: list[Block], col: int) -> bool:
    """Does the column break every block out in full, each item a figure other than nought (and every block adding
    up, as the caller asks)? Then the rows under each part are its items and no others: a row standing beside a
    block, not under it, would make the items exceed their part in this column too."""
    filled = [table.quantity(r.index, col) for _, items in blocks for r in items]
    return any(items for _, items in blocks) and all(q is not None and q.value != 0 for q in filled)


def _filled(table: Table, items: list[Row], col: int) -> bool:
    """Has each of the block's items a figure in the column (no cell lost, as a PDF's text may lose one)?"""
    return bool(items) and all(table.quantity(r.index, col) is not None for r in items)


def _one_slip(table: Table, total: Row, parts: list[tuple[Row, int]], blocks: list[Block], col: int) -> bool:
    """Does one cell explain the column's miss: one block alone misses, its items all filled, and the identity holds
    either on the parts as they stand (an item mistyped) or with that block's items' sum in place of its part (the
    part mistyped)? Two misses, or a miss the total does not settle, may be the column's cells misread."""
    missed = [(part, items) for part, items in blocks if items and not _adds_up(table, part, items, col)]
    if len(missed) != 1 or not _filled(table, missed[0][1], col):
        return False
    part, items = missed[0]
    stated = table.quantity(total.index, col)
    known = [q for q in (table.quantity(r.index, col) for r, _ in parts) if q is not None]
    if stated is None or len(known) != len(parts):
        return False
    signs = [s for _, s in parts]
    as_stated = sum(s * q.base_value for q, s in zip(known, signs))
    figures = [q for q in (table.quantity(r.index, col) for r in items) if q is not None]
    k = next(i for i, (r, _) in enumerate(parts) if r.index == part.index)
    with_items = as_stated + signs[k] * (sum(q.base_value for q in figures) - known[k].base_value)
    slack = sum((q.ulp * q.scale for q in [stated, *known, *figures]), Decimal(0))
    return min(abs(as_stated - stated.base_value), abs(with_items - stated.base_value)) <= slack


def _block_relation(part: Row, items: list[Row], col: int) -> Relation:
    """A block's part against its items in the column, as a parent row over its children (TO305). Grouped by the
    identity's layout: a miss counts only where the same rows add up in another column (`confirm`, `strict`)."""
    rel = Relation("parent", (part.index, col), [(r.index, col) for r in items], where=row_name(part))
    rel.confirm = rel.strict = True
    return rel


def _adds_up(table: Table, part: Row, items: list[Row], col: int) -> bool:
    """Do the items' figures in the column add up to the part's (a blank part: no item has a figure either)?"""
    figures = [q for q in (table.quantity(r.index, col) for r in items) if q is not None]
    head = table.quantity(part.index, col)
    if head is None:
        return not figures
    if not figures:
        return True  # (a block whose items are not broken out in this column: nothing says they are elsewhere)
    slack = sum((q.ulp * q.scale for q in figures), head.ulp * head.scale)
    return abs(sum(q.base_value for q in figures) - head.base_value) <= slack


def _worded_otherwise(side: Side, term: Term) -> bool:
    """Does a row the optional term does not match hold one of its wordings (`上年结转资金` beside the wording
    `上年结转`)? It may be that term worded otherwise: the identity without it is not certain."""
    words = [w for w in term.words if not w.startswith("code:")]
    return any(w in _names(r.label)[0] for r in side.rows for w in words)


def _columns(table: Table, ident: Identity, headers: dict[int, Headers]) -> list[Relation]:
    out: list[Relation] = []
    for side in table.sides:
        read = headers.get(id(side))
        if read is None:
            read = headers[id(side)] = Headers(side)
        if any(w in text for text in read.texts for w in ident.unless_columns):
            continue
        located = _locate(read, ident)
        if located is None:
            continue
        level, prefix, total_run, part_runs = located
        leaves = list(dict.fromkeys(sub_leaf(c, level) for c in total_run))
        for want in leaves:
            total = column_for(total_run, level, want) if len(total_run) > 1 else total_run[0]
            # (a roll-forward is of one quantity: a closing split by leaf, 一般债务 and 专项债务, takes each term's
            # column of that leaf, never one column of both)
            cols = [
                (column_for(run, level, want) if len(run) > 1 or ident.closed else run[0], s) for run, s in part_runs
            ]
            if total is None or any(c is None for c, _ in cols):
                continue
            for row in additive_rows(side):
                out.append(
                    Relation(
                        "identity",
                        (row.index, total.index),
                        [(row.index, c.index) for c, _ in cols],  # type: ignore[union-attr]
                        signs=[s for _, s in cols],
                        where=ident.name,
                        name=ident.name,
                    )
                )
    return out


def _locate(headers: Headers, ident: Identity):
    """The header level and the column runs of the identity's total and parts, all siblings under one
    header prefix; None when the headers do not name them all."""
    for level in range(headers.depth):
        for prefix in headers.prefixes(level):
            runs, named = headers.runs(level, list(prefix))
            total = next((named[w] for w in ident.total.words if w in named), None)
            if total is None:
                continue
            parts = _parts(named, ident)
            if parts is None:
                # the parts one level down, beside the total's own 小计 column (公务用车购置及运行维护费 / 小计)
                inner = list(prefix) + [total[0].path[level]]
                runs, named = headers.runs(level + 1, inner)
                sub = [r for w, r in named.items() if (role_of(w) or NONE).kind == "total"]
                parts = _parts(named, ident)
                if parts and len(sub) == 1 and _closed(runs, ident, [sub[0], *(r for r, _ in parts)]):
                    return level + 1, inner, sub[0], parts
                continue
            if _closed(runs, ident, [total, *(r for r, _ in parts)]):
                return level, list(prefix), total, parts
    return None


NOT_AMOUNTS = ("ratio", "growth", "share", "serial", "comparable")  # a rate or a number beside: no movement


def _closed(runs: list, ident: Identity, named: list) -> bool:
    """Does the identity name every amount column beside its terms (when it must)? Columns of rates or serial
    numbers may stand beside; any other is a movement it does not name."""
    return not ident.closed or all(
        any(run is r for r in named) or all(c.kind in NOT_AMOUNTS for c in run) for run in runs
    )


OPENS_PARTS = regex(r"^其中[：:]?")


def _named(runs: list, level: int) -> dict:
    """The column runs by their header text at `level`; a name closed by its total's word (`公务用车购置及运行费
    小计`, a flat header's way of saying the column totals those beside it) or by a note in brackets (its unit)
    is also named without it."""
    named = {flatten(r[0].path[level]): r for r in runs if level < len(r[0].path)}
    for w, r in list(named.items()):
        if len(w) > 4 and w.endswith(("小计", "合计")):
            named.setdefault(w[:-2], r)
        bare = PAREN.sub("", w)  # `收入（亿元）`: the header less its unit note names the column too
        if bare:
            named.setdefault(bare, r)
        # `其中：财政拨款`: a flat header's way of saying the column is a part of the one before; named by the part
        if (part := OPENS_PARTS.sub("", w)) != w and part:
            named.setdefault(part, r)
    return named


def _parts(named: dict, ident: Identity) -> list | None:
    parts = []
    for term in ident.parts:
        run = next((named[w] for w in term.words if w in named), None)
        if run is None and not term.optional:
            return None
        if run is not None:
            parts.append((run, term.sign))
    return parts or None
