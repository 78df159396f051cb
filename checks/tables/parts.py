"""`其中` columns of a table against the column they are part of (TO102's meaning, read in a table): a row's
part may fall short of its whole, never exceed it."""

from __future__ import annotations

from collections.abc import Iterator

from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.tables import Table
from tieout.linter.parse.tables.relations import Relation, part_column_relations
from tieout.linter.rules.base import CheckContext, Outcome

from .._util import in_unit
from ._judge import SUMMED


def part_column_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """Each row's 其中 figure against its whole. A pair of columns most of whose rows exceed (two or more, and
    more than hold) was not read as its author meant it (the 其中 names a part of another column, or
    something counted otherwise): nothing is said of it (precision first)."""
    for table in ctx.facts.tables:
        pairs: dict[tuple[int, int], list[Outcome]] = {}
        for rel in part_column_relations(table):
            o = _judged(ctx, table, rel)
            if o is not None:
                pairs.setdefault((rel.total[1], rel.parts[0][1]), []).append(o)
        for judged in pairs.values():
            fails = sum(1 for o in judged if o.verdict == "fail")
            if fails >= 2 and fails > len(judged) - fails:
                continue
            yield from judged


def _figure(table: Table, ref: tuple[int, int]) -> Quantity | None:
    q = table.quantity(*ref)
    return q if q is not None and q.kind in SUMMED and not q.approx and q.value >= 0 else None


def _judged(ctx: CheckContext, table: Table, rel: Relation) -> Outcome | None:
    whole, part = _figure(table, rel.total), _figure(table, rel.parts[0])
    if whole is None or part is None or whole.base_unit != part.base_unit:
        return None
    if part.value == 0:
        return None  # a part of nothing holds of any whole: no relation worth counting
    row, names = rel.where.split("｜", 1)
    part_name, whole_name = names.split("｜", 1)
    if ctx.interval(part)[0] <= ctx.interval(whole)[1]:
        return Outcome(whole, "pass", "subset", [(part, "组成项")], operands=[part])
    over = in_unit(ctx.value(part) - ctx.value(whole), whole)
    where = f"“{row}”行" if row else "表中"
    msg = f"{where}“{part_name}”{part.text} 超过其所属的“{whole_name}”{whole.text}（多出 {over}）"
    return Outcome(whole, "fail", "subset", [(part, "组成项")], msg, whole.text, f"≥ {part.text}", operands=[part])
