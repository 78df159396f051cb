"""Tables of stacked blocks: one flow's rows under its grand total, then another flow's under its own, one table
under one header (a 预算调整表, 收支决算表):

    一般公共预算收入合计      103,800
    一、税收收入               89,200
      增值税                   52,000
    二、非税收入               14,600
    一般公共预算支出合计      110,000
      教育支出                 31,400
      …

Each grand total is stated first, over its own block's rows; a block's grand total is no part of the other's, and
the rows of one block are not the other's. A block may also open with its heading (`一、收入`, or the flow's word
alone, `收入` / `支出`: no figures) and close with its total, `收入合计` under its rows (or its 合计 and then the
总计 adding the transfers under it to it). Read so only where it is certain: every grand total of the side opens a
block (stated first, rows of its own under it, the block before it closed by rows, not by a total), and each two in
a row are named for two flows (收入 / 支出, tables.yaml block_flows) or two funds (context.yaml fund). A second total
that could be a subtotal of the first (`税收收入合计` under `一般公共预算收入合计`: the same flow, no fund of its own) opens no
block.
"""

from __future__ import annotations

from functools import cache

from tieout.linter.figures.context import MIXED, read
from tieout.linter.vocab import load

from .cells import flatten
from .model import Row


@cache
def _flows() -> tuple[tuple[str, str], ...]:
    """Each flow's wordings with the flow, longest first."""
    found = [(flatten(str(w)), flow) for flow, ws in (load("tables").get("block_flows") or {}).items() for w in ws]
    return tuple(sorted(found, key=lambda p: -len(p[0])))


def _last_named(name: str, vocab: tuple[tuple[str, str], ...]) -> str:
    """The value of the wording that ends last in the name ("" for none): `上级补助收入用于支出` is of 支出."""
    best, end = "", -1
    for word, value in vocab:
        at = name.rfind(word)
        if at >= 0 and at + len(word) > end:
            best, end = value, at + len(word)
    return best


def flows_named(name: str) -> set[str]:
    """The flows any of whose wordings (tables.yaml block_flows) the name holds: `收入总计` is of 收入, `资金运用合计` of
    支出, a name of both (`收入支出总计`) of both."""
    flat = flatten(name)
    return {flow for word, flow in _flows() if word in flat}


def flow_heading(label: str) -> bool:
    """Is a label alone one flow's wording and nothing else (`收入`, `支出`, `资金来源`): the heading of a block of
    rows that a table of stacked blocks opens each of its flows with, no figure of its own?"""
    flat = flatten(label)
    return any(word == flat for word, _ in _flows())


def _fund(name: str) -> str:
    """The one fund a total's name is of, as the shared reader reads a label (figures.context.read): "" where it names
    none, or two (`一般公共预算和政府性基金预算收入合计`), or only one money is moved to or from (`调入一般公共预算`)."""
    fund = read(name).context.fund
    return "" if fund is None or fund == MIXED else fund


def other_block(a: str, b: str) -> bool:
    """Are two totals' names those of two flows, or of two funds: the totals of two blocks, neither a part of the
    other?"""
    x, y = flatten(a), flatten(b)
    flow_x, flow_y = _last_named(x, _flows()), _last_named(y, _flows())
    if flow_x and flow_y and flow_x != flow_y:
        return True
    fund_x, fund_y = _fund(x), _fund(y)
    return bool(fund_x and fund_y and fund_x != fund_y)


def block_openers(rows: list[Row]) -> list[int]:
    """The grand totals that each open a block of the side (module doc), the first row's first; [] unless the side
    is read so with certainty, two blocks or more."""
    if not rows or rows[0].total != "grand":
        return []  # (asked of every grand total of a side: the common answer found at once)
    grand: list[int] = []
    for g in (k for k, r in enumerate(rows) if r.total == "grand"):
        if g + 1 >= len(rows) or rows[g + 1].total or rows[g].whole:
            return []  # a total with no rows of its own under it
        if grand and (rows[g - 1].total or not other_block(rows[grand[-1]].label, rows[g].label)):
            return []  # (a total right under a total, or one that may be a subtotal of the one before)
        grand.append(g)
    return grand if len(grand) >= 2 else []


def block_closers(rows: list[Row]) -> list[int]:
    """The grand totals that each close a block opened by a heading with no figures (`一、收入 / 税收收入 / 非税收入 /
    收入合计 / 二、支出 / … / 支出合计`), the last row's last; [] unless the side is read so with certainty, two blocks
    or more, each two totals in a row named for two flows or two funds."""
    grand = [k for k, r in enumerate(rows) if r.total == "grand"]
    if len(grand) < 2 or grand[-1] != len(rows) - 1:
        return []
    start = 0
    for n, g in enumerate(grand):
        if g - start < 2 or not rows[start].bare or any(r.total for r in rows[start:g]) or rows[g].whole:
            return []  # a block not opened by its heading, or with a total inside it
        if n and not other_block(rows[grand[n - 1]].label, rows[g].label):
            return []
        start = g + 1
    return grand
