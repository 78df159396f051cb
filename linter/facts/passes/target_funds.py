"""The funds of a project's performance target form (项目支出绩效目标表, attached to a 部门预算 one per project),
laid out as a table of fields, each name in a cell and its figure in the next:

    | 项目名称       | 村级组织运转补助 |
    | 年度资金总额   | 120.00 |
    | 其中：财政拨款 | 100.00 |
    | 其他资金       | 20.00 |

(or the fields side by side in one row: `| 年度资金总额 | 120.00 | 其中：财政拨款 | 100.00 | 其他资金 | 20.00 |`).

The template fixes the total as the sum of its sources (财政拨款 and 其他资金, or the 2020 template's 当年财政拨款,
上年结转资金 and 其他资金: `forms.SOURCE_GROUPS`, each group all the sources there are). Read where the total's field
is followed, with no other figure between, by the fields of every source of one complete group, each once, all of
one unit stated by the table.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Breakdown
from tieout.linter.facts.passes.base import mention
from tieout.linter.facts.passes.forms import SOURCE_GROUPS
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft
    from tieout.linter.figures.quantities import Quantity
    from tieout.linter.parse.tables.model import Table

TOTAL = "年度资金总额"
# a field's name: the total (`年度资金总额`, a local form's `资金总额`) or a source (`其中：财政拨款`), its unit in
# brackets and a colon after it if any
FIELD_NAME = regex(
    r"^(?:(?P<total>(?:年度|项目)?资金总额)|(?:其中[：:]?)?(?P<source>当年财政拨款|上年结转资金|财政拨款|其他资金))"
    r"(?:[（(](?:万元|亿元|元)[）)])?[：:]?$"
)
_SPACES = regex(r"\s+")
# a field: its name (TOTAL for the total), its figure; None for a figure of no such field
_Field = tuple[str, "Quantity"] | None


def target_funds(draft: Draft) -> Iterator[Breakdown]:
    """Each target form's 年度资金总额 as the sum of its sources, in the tables of the document."""
    if TOTAL not in draft.doc.text and "资金总额" not in draft.doc.text:
        return
    for table in draft.facts.tables:
        if not table.unit:
            continue  # (the figures' unit is the form's caption's: without it they are no amounts known)
        fields = list(_fields(table))
        for k, found in enumerate(fields):
            if found is not None and found[0] == TOTAL:
                yield from _sources_after(draft, found[1], fields[k + 1 :])


def _fields(table: Table) -> Iterator[_Field]:
    """The fields of a table in reading order (row by row, left to right): a cell naming a total or a source whose next
    cell holds an amount, as (name, figure); any other cell holding a figure as None, which breaks a run of fields."""
    for row in table.rows:
        k = 0
        while k < len(row):
            cell = row[k]
            named = FIELD_NAME.match(_SPACES.sub("", cell.text))
            figure = row[k + 1].quantity if named is not None and k + 1 < len(row) else None
            if named is not None and figure is not None and figure.kind == "amount":
                yield (TOTAL if named.group("total") else named.group("source")), figure
                k += 2
                continue
            if cell.quantity is not None:
                yield None
            k += 1


def _sources_after(draft: Draft, total: Quantity, after: list[_Field]) -> Iterator[Breakdown]:
    """The breakdown of the total into the sources whose fields follow it, where they are one complete group."""
    sources: list[tuple[str, Quantity]] = []
    for found in after:
        if found is None or found[0] == TOTAL:
            break
        sources.append(found)
    names = [name for name, _ in sources]
    if frozenset(names) not in SOURCE_GROUPS or len(names) != len(set(names)) or not total.exact:
        return
    if any(not q.exact or q.base_unit != total.base_unit for _, q in sources):
        return
    whole = mention(draft, TOTAL, total)
    parts = [mention(draft, name, q) for name, q in sources]
    yield Breakdown(whole, parts, "其中", True, whole.sentence)
