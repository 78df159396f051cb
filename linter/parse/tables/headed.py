"""Which of the rows above a 小计 it closes, where a row of another kind may head them:

    | 返还性收入     | 1,200 | 1,200 |
    | 均衡性转移支付 | 3,400 | 3,350 |
    | 县级基本财力保障机制奖补资金 | 900 | 880 |
    | 小计           | 4,300 | 4,230 |
    | 教育共同财政事权转移支付 | … |
    | 小计           | …     |
    | 合计           | 7,800 | 7,660 |

A 小计 closes the group of rows right above it, from the previous total or from the table's top; but a row that
stands alone, of its own kind (返还性收入 before the groups of 一般性 and 专项 transfers, each closed by its 小计),
may head the first group, and nothing in its label or its place tells it from the group's first item. Only the
figures do: the rows whose sum meets the 小计 are the group. The group is the run ending at the 小计 that meets it
in the most columns; where a run without the first rows meets it in more columns than the whole does, those rows
stand apart. Where two runs meet it in as many columns (and in not all of them), which rows it closes is not known:
no group. Where no run above meets it anywhere, it may be stated first, over the rows under it (`返还性收入 / 小计 /
A / B / 小计 / C / D`): the run under it, where that meets it in every column; else the 小计 misses every group it
could close, and the whole run above is kept as the layout gives it (a 小计 mistyped in every column is still
reported).
"""

from __future__ import annotations

from decimal import Decimal

from .model import Side, Table
from .summed import Values, _exponent, _grown, _unit_at, _values


def subtotal_group(table: Table, side: Side, t: int, parts: list[int], cols: list[int]) -> list[int]:
    """The rows (indices into side.rows, `parts` a run right above the 小计 at t) the 小计 closes, by its figures
    (module doc): `parts`, a run of its last rows, the run right under it, or [] where the figures leave it open."""
    rows = side.rows
    if side.structure != "plain" or rows[t].total != "sub" or not parts or parts[-1] > t:
        return parts
    own = _values(table.rows[rows[t].index], cols)
    values = _rows_values(table, side, parts, cols)
    if own is None or values is None:
        return parts
    witnesses = frozenset(c for c, x in enumerate(own) if x != 0)
    held = _met_by_runs(own, values, witnesses)
    most = max(len(h) for h in held)
    if most == 0:
        # (no run above meets it: a 小计 stated over its rows, under a row that stands alone, or one off in every
        # column, which is so under any grouping)
        below = _run_below(table, side, t, cols, own, witnesses)
        return parts if below is None else below
    best = [s for s, h in enumerate(held) if len(h) == most]
    if best[0] == 0 or most == len(witnesses):
        # (the whole run meets it as well as any; or runs that differ by rows of nothing hold in every column)
        return parts[best[0] :]
    if len(best) != 1 or best[0] == len(parts) - 1:
        return []  # (runs meeting it in as many columns, or one row in some columns only: not known, or chance)
    return parts[best[0] :]


def _run_below(
    table: Table, side: Side, t: int, cols: list[int], own: Values, witnesses: frozenset[int]
) -> list[int] | None:
    """`返还性收入 / 小计 / A / B / 小计 / C / D / 合计`: the rows right under the 小计, up to the next total, where they
    meet it in every column (it is stated over them); [] where they meet it in some columns only (which rows it
    sums is not known); None where they meet it nowhere."""
    rows = side.rows
    run: list[int] = []
    for k in range(t + 1, len(rows)):
        if rows[k].total or (run and rows[k].after_gap):
            break
        run.append(k)
    values = _rows_values(table, side, run, cols) if len(run) >= 2 else None
    if values is None:
        return None
    met = _met_by_runs(own, values, witnesses)[0]
    if not met:
        return None
    return run if met == witnesses else []


def _rows_values(table: Table, side: Side, rows: list[int], cols: list[int]) -> list[Values] | None:
    """The figures of each of the rows (indices into side.rows) in the columns; None where a row has none there."""
    out: list[Values] = []
    for k in rows:
        found = _values(table.rows[side.rows[k].index], cols)
        if found is None:
            return None
        out.append(found)
    return out


def _met_by_runs(own: Values, values: list[Values], witnesses: frozenset[int]) -> list[frozenset[int]]:
    """For each start s, the columns where the rows from s to the last add up to the 小计, within a unit of the
    finest last digit written (the runs grown from the last row up, their sums kept: one pass over the rows; grown
    as summed.py grows its runs, a witness's finest digit never a zero's)."""
    sums = [Decimal(0)] * len(own)
    finest = [_exponent(x) for x in own]
    out: list[frozenset[int]] = []
    for v in reversed(values):
        sums, finest = _grown(sums, finest, v, [_exponent(x) for x in v])
        out.append(frozenset(c for c in witnesses if abs(sums[c] - own[c]) <= _unit_at(finest[c])))
    return out[::-1]
