"""The jurisdiction a government report's table is of, where its title names it by the government's name alone.

A 县/市/省 report's tables name the jurisdiction as a whole by its name (`禾阳县2025年一般公共预算收入决算表`,
`2025年青岛市一般公共预算收入执行情况表`) and the government's own level by a level word (`禾阳县2025年县本级…平衡表`,
`2025年市级…执行情况表`): the prose states the first as `全县…`, `全市…`. A title is read so only where that is
certain: it opens (after its year, and a part-year report's months: `2025年1-6月某市…`) with the name the
document's own title gives the government, no scope word in it, and another table of the document is titled with
that government's own level (`县本级`, `市级`): the document sets the two apart. A name in no such contrast, or
another government's (`省对泰安市…`), is left unread.
"""

from __future__ import annotations

from dataclasses import replace

from tieout.linter.figures.context import Context, read
from tieout.linter.patterns import regex

from .model import Table

# a title opening with a government's name (after its year, and the months of a part-year report: `2025年1-6月某市…`),
# the year or the fund or debt its table is of after it
NAMED = regex(
    r"^(?:(?:19|20)\d{2}\s*年度?(?:\s*\d{1,2}\s*[-—–－~至]\s*\d{1,2}\s*月|上半年|前三季度)?)?(?P<name>[\u4e00-\u9fff]{1,8}?(?P<level>[省市县区州旗]))"
    r"(?=\s*(?:(?:19|20)\d{2}\s*年|一般公共预算|政府性基金|国有资本经营|社会保险基金|地方政府|政府债务))"
)
MIN_NAME = 3  # 禾阳县, 青岛市: a name, not a level word (省级, 全市) nor one character before the level


def title_context(table: Table) -> Context:
    """What the table's title states, with the jurisdiction its name alone names (`Table.whole`)."""
    said = read(table.title).context
    return replace(said, scope=table.whole) if table.whole and said.scope is None else said


def mark_wholes(tables: list[Table], head: str) -> None:
    """Set `Table.whole` (全县, 全市…) of each table whose title names the document's government by its name
    alone, where another table's title names that government's own level (县本级, 市级)."""
    levels = {t.context.scope for t in tables}
    for table in tables:
        found = NAMED.match(table.title)
        if found is None or len(found["name"]) < MIN_NAME or found["name"] not in head:
            continue
        level = found["level"]
        if read(table.title).context.scope is None and f"{level}本级" in levels:
            table.whole = f"全{level}"
            table.context = replace(table.context, scope=table.whole)


def named_whole(table: Table, head: str, own_levels: set[str]) -> str | None:
    """The jurisdiction as a whole (全区, 全县…) a table's title names by the government's name alone (`某区2025年
    1—9月一般公共预算支出执行情况表` in 某区's report) where the document sets no own level apart: none of its figures
    is of the government's own level (`own_levels`: the scopes its figures state). The prose that states such a
    figure as the whole's (`全区…`) names the table's. None where the title names another government, a scope, or
    where the document states figures of the own level (the name may then stand for either)."""
    found = NAMED.match(table.title)
    if found is None or len(found["name"]) < MIN_NAME or found["name"] not in head:
        return None
    level = found["level"]
    if read(table.title).context.scope is not None or {f"{level}本级", "本级"} & own_levels:
        return None
    return f"全{level}"
