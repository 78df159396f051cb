"""Identities between two standard tables of one document, kept as data (`across:` in
`tieout/linter/vocab/table_identities.yaml`): the same quantity, or a total and its parts, stated in two
tables (收入支出决算总表 本年收入合计 = 收入决算表 合计; 一般公共预算财政拨款支出决算表 基本支出 = 基本支出决算表
人员经费合计 + 公用经费合计)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tieout.linter.vocab import load

from .cells import flatten
from .identities import item
from .model import Table


@dataclass(frozen=True)
class Term:
    """A cell an identity across tables names: its table, row and column."""

    table: str
    unless: tuple[str, ...]
    row: str
    column: str
    optional: bool = False


@dataclass(frozen=True)
class Across:
    """An identity between two tables of a document: a total in one, its parts in the other."""

    name: str
    total: Term
    parts: tuple[Term, ...]


def _term(e: dict) -> Term:
    column = str(e.get("column") or "")
    return Term(
        table=flatten(str(e["table"])),
        unless=tuple(flatten(str(u)) for u in e.get("unless") or []),
        row=flatten(str(e["row"])),
        column=flatten(column.lstrip("?")),
        optional=column.startswith("?"),
    )


@cache
def across() -> tuple[Across, ...]:
    return tuple(
        Across(str(e["name"]), _term(e["total"]), tuple(_term(p) for p in e.get("parts") or []))
        for e in load("table_identities").get("across") or []
    )


def locate(tables: list[Table], term: Term) -> tuple[Table, int, int] | None | bool:
    """The (table, grid row, grid column) a term names; None when it is not found once; False for an
    optional column the table does not have."""
    found = [t for t in tables if term.table in t.title and not any(u in t.title for u in term.unless)]
    if len(found) != 1:
        return None
    table = found[0]
    hits = []
    for side in table.sides:
        rows = [
            r for r in side.rows if item(r.label) == term.row or term.row.startswith("code:") and r.code == term.row[5:]
        ]
        if term.column:
            cols = [c for c in side.columns if term.column in (c.role, _last(c.path))]
        else:
            cols = side.columns if len(side.columns) == 1 else []
        hits += [(table, r.index, c.index) for r in rows for c in cols]
    if not hits and term.optional:
        return False
    return hits[0] if len(hits) == 1 else None


def _last(path: list[str]) -> str:
    texts = [p for p in path if p]
    return texts[-1] if texts else ""
