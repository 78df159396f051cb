"""Answer tables of a survey, in the layout survey tools export: a column of options (`选项`), one of the answers
each option got (`小计`) and one of their shares (`比例`), closed by the row of the number who answered the question
(`本题有效填写人次`). Each option's share is its answers over that number, whether the question allows one answer
or several: the answers of a question of several add up to more than the number, and no row totals them.

    | 选项       | 小计 | 比例   |
    | A.非常满意 | 57   | 76.00% |
    | B.比较满意 | 15   | 20.00% |
    | 本题有效填写人次 | 75 |  |

Only where nothing is left open: the first header cell names the options, one column of the side is headed by a
word of the answers' count and one by a word of their share, the last row (and no other) is the number who
answered, a whole number, and each option's count is one too. A column most of whose rows (two or more) miss is
not understood and nothing is said of it.
"""

from __future__ import annotations

from collections.abc import Iterator

from tieout.linter.figures.intervals import HUNDRED, interval
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.tables import Column, Side, Table
from tieout.linter.parse.tables.cells import flatten
from tieout.linter.patterns import regex
from tieout.linter.rules.base import CheckContext, Outcome

from ._judge import column_miss, unless_mostly_failing

OPTIONS_HEAD = regex(r"^(?:选项|答案选项|选项内容)$")
COUNT_HEAD = regex(r"^(?:小计|人数|计数|频数|次数|份数|票数|选择人数|人次)(?:[（(](?:人|份|人次|次)[）)])?$")
SHARE_HEAD = regex(r"^(?:比例|占比|百分比)(?:[（(][%％][）)]|[%％])?$")
# the number who answered the question, as the tools name it (`本题有效填写人次`, `有效填写人数`, `有效答卷`)
ANSWERED_ROW = regex(r"^(?:本题)?有效(?:填写|作答|答题|回答)?(?:人次|人数|份数|答卷)$")


def answer_layout(table: Table, side: Side) -> tuple[Column, Column, Quantity] | None:
    """(count column, share column, number who answered) of a survey's answer table; None where the side is none."""
    found = _answer_columns(table, side)
    if found is None:
        return None
    answered = [r for r in side.rows if ANSWERED_ROW.match(flatten(r.label))]
    if len(answered) != 1 or answered[0] is not side.rows[-1]:
        return None
    n = _whole_number(table.quantity(answered[0].index, found[0].index))
    return (*found, n) if n is not None and n.value > 0 else None


def answer_share_outcomes(
    ctx: CheckContext, table: Table, side: Side, layout: tuple[Column, Column, Quantity]
) -> Iterator[Outcome]:
    """Each option's share against its answers over the number who answered the question."""
    counts, shares, n = layout
    rows = [o for r in side.rows[:-1] if (o := _row(ctx, table, r.index, counts, shares, n)) is not None]
    yield from unless_mostly_failing(rows)


def _answer_columns(table: Table, side: Side) -> tuple[Column, Column] | None:
    """(count, share) columns of a survey's answer table; None where the side is none."""
    if table.header_rows != 1 or len(side.descriptors) != 1 or not table.rows:
        return None
    head = table.rows[0]
    first = side.descriptors[0]
    if first >= len(head) or not OPTIONS_HEAD.match(flatten(head[first].text)):
        return None
    counts = [c for c in side.columns if COUNT_HEAD.match(flatten(c.header))]
    shares = [c for c in side.columns if SHARE_HEAD.match(flatten(c.header))]
    if len(counts) != 1 or len(shares) != 1 or len(side.columns) != 2:
        return None
    return counts[0], shares[0]


def _whole_number(q: Quantity | None) -> Quantity | None:
    if q is None or q.kind not in ("bare", "count") or q.decimals or q.scale != 1 or not q.exact:
        return None
    return q


def _row(ctx: CheckContext, table: Table, r: int, counts: Column, shares: Column, n: Quantity) -> Outcome | None:
    stated = table.quantity(r, shares.index)
    part = _whole_number(table.quantity(r, counts.index))
    if stated is None or part is None or stated.kind != "percent" or not stated.exact or part.value > n.value:
        return None
    # (answers are counted, not measured: the share is k / n exactly, whatever the cells' precision)
    exact = part.value / n.value * HUNDRED
    verdict = ctx.judge(interval(stated), (exact, exact), stated.ulp)
    related = [(part, "小计"), (n, "有效填写人次")]
    if verdict == "pass":
        return Outcome(stated, "pass", "share", related, operands=[part, n])
    return column_miss(shares.header, stated, verdict, "share", f"{part.text}/{n.text}", exact, related)
