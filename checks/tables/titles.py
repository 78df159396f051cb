"""The title an explanation of a table stands under when it is no numbered heading: `关于2025年度全市政府性基金预算
收入决算情况的说明`, set on a line of its own between a table and the text that explains it, as final accounts print
their explanations. What it names (the scope 全市, the fund, the stage, the year) is what the figures below it are of,
up to the next table: the numbered items under it (`一、工伤保险基金支出决算数为 X 万元`) name the row only."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from tieout.linter.figures.context import Context, read
from tieout.linter.parse.tables import Table
from tieout.linter.patterns import regex
from tieout.linter.rules.base import CheckContext

# a line that is all of such a title: 关于, what it explains (no clause mark: a sentence is no title), 说明 closing it;
# a long title may be wrapped onto a second line (`关于2025年度市本级国有资本经营预算` / `支出决算情况的说明`)
EXPLANATION_TITLE = regex(
    r"(?m)^关于[^\n。，,；;：:！？]{4,60}(?:\n[^\n。，,；;：:！？]{0,30})?(?:情况的?说明|的说明)$"
)


@dataclass(frozen=True, slots=True)
class Explanations:
    """The explanation titles of a document (where each ends, and its context) and where its tables start."""

    ends: list[int]
    contexts: list[Context]
    table_starts: list[int]

    def context_at(self, offset: int) -> Context:
        """The context of the explanation title the offset stands under: the last one before it, no table
        between them (a table ends the explanation; the text after it is another's). Empty when none."""
        k = bisect.bisect_right(self.ends, offset) - 1
        if k < 0:
            return Context()
        t = bisect.bisect_left(self.table_starts, self.ends[k])
        if t < len(self.table_starts) and self.table_starts[t] < offset:
            return Context()
        return self.contexts[k]

    def end_before(self, offset: int) -> int | None:
        """Where the last explanation title before the offset ends (None when none)."""
        k = bisect.bisect_right(self.ends, offset) - 1
        return self.ends[k] if k >= 0 else None


def explanations(ctx: CheckContext) -> Explanations:
    """The document's explanation titles and table starts, read once per document."""
    return ctx.memo("tables.explanation_titles", lambda: _read_explanations(ctx))


def _read_explanations(ctx: CheckContext) -> Explanations:
    titles = list(EXPLANATION_TITLE.finditer(ctx.doc.text))
    starts = sorted(s for t in ctx.facts.tables if (s := _table_start(t)) is not None)
    return Explanations([m.end() for m in titles], [read(m.group().replace("\n", "")).context for m in titles], starts)


def _table_start(table: Table) -> int | None:
    """Where the table's first cell stands in the text (None for a table of no cell)."""
    return min((c.start for row in table.rows for c in row if c.text), default=None)
