"""`其中` columns of a table against the column they are part of (TO102's meaning, read in a table): a row's
part may fall short of its whole, never exceed it."""

from __future__ import annotations

from collections.abc import Iterator

from tieout.linter.figures.context import read
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.tables import Table
from tieout.linter.parse.tables.lookup import TableIndex
from tieout.linter.parse.tables.relations import Relation, part_column_relations
from tieout.linter.patterns import regex
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


# an item of an appropriation's use headed by its class and the name of a level below it, no level mark after that
# name (`5. 节能环保（类）污染防治：2026年预算数为 A`): the class, then the lower name
CLASS_AND_BELOW = regex(
    r"\s*\d{1,2}\s*[.．、]\s*(?P<cls>[^（）()：:，,。\s]{2,20})[（(]类[）)](?P<below>[^（）()：:，,。\s]{2,30})[：:]"
)
CLASS_CODE = 3  # the digits of a class's code (`211`)


def class_part_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """`5. 节能环保（类）污染防治：2026年预算数为 A`, a table of the figure's context holding the class's coded row (`211
    节能环保`) and no row of the lower name: the lower level's figure is a part of its class's, and cannot exceed it.
    Only the figure the heading's sentence opens with, named by a stage alone, is read."""
    if not ctx.facts.tables:
        return
    from .text import BARE_STAGE, LEADING, held_context, held_index

    index = held_index(ctx)
    doc = ctx.doc
    for m in ctx.facts.mentions:
        if not m.quantities or not 0 <= m.sentence < len(doc.sentences):
            continue
        q = m.quantities[0]
        label = read(LEADING.sub("", m.label))
        if q.kind != "amount" or not q.exact or label.context.stage is None:
            continue
        if label.rest.removesuffix("为") not in BARE_STAGE:
            continue
        start = doc.sentences[m.sentence].start
        head = CLASS_AND_BELOW.match(doc.text, start, q.start)
        if head is None or any(p.start < q.start for p in ctx.facts.quantities if start <= p.start < q.start):
            continue
        context = held_context(ctx, m)
        below = head.group("below")
        if index.find_tail((below,), context) or index.find(below, context):
            continue  # (a row of the lower name: the figure is that row's, TO304's)
        hits = [h for h in index.find_path((head.group("cls"),), context) if len(h.identity.code) == CLASS_CODE]
        hits = TableIndex.certain([h for h in hits if h.quantity.base_unit == q.base_unit])
        if hits:
            yield _class_part(ctx, q, hits[0].quantity, head.group("cls"), below)


def _class_part(ctx: CheckContext, part: Quantity, whole: Quantity, cls: str, below: str) -> Outcome:
    if ctx.interval(part)[0] <= ctx.interval(whole)[1]:
        return Outcome(whole, "pass", "subset", [(part, "组成项")], operands=[part])
    over = in_unit(ctx.value(part) - ctx.value(whole), whole)
    msg = f"正文“{cls}（类）{below}”{part.text} 超过表中其所属的“{cls}”类 {whole.text}（多出 {over}）"
    return Outcome(part, "fail", "subset", [(whole, "所属类")], msg, part.text, f"≤ {whole.text}", operands=[whole])
