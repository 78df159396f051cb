"""The “三公”经费表 of a 部门预算/决算 as the text layer of its PDF gives it: every cell one space apart, the header's
names wrapped over its lines in no order a reader can place (a page's footer may even fall among them):

    因公出国 公务用车购置及运行费 公务
    年度 合计
    （境）费 小计 购置费 运行费 接待费
    2026年预算数 25.00 0.00 21.40 0.00 21.40 3.60
    2025年预算数 38.40 12.00 22.80 0.00 22.80 3.60
    增减额 -13.40 -12.00 -1.40 0.00 -1.40 0.00

Where the words stand says nothing here, but the table is one of a fixed template: six columns, the 合计, the
因公出国（境）费, the 公务用车购置及运行费 group (its 小计, 购置费, 运行费) and the 公务接待费, the last either after the
group or before it. The header is read only when every word of it is one of these names (or a name of the rows,
年度/项目), all of them there; the rows only when each fills the six columns. Which of the two orders holds is
decided by the figures: the order under which some row adds up (合计 = 因公出国 + 小计 + 接待, 小计 = 购置 + 运行)
and does not under the other, no row adding up under the other alone. A mistake in one row then leaves the order
known from the others (and is found by the table's identities); rows that decide nothing leave the table unread.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from tieout.linter.patterns import regex

# a header word of the table, wrapped or whole: the columns' names (the group's two written in full too,
# `公务用车购置费`), the group's heading, the rows' name
_WORD = regex(
    r"合计|小计|因公出国|[（(]境[）)]费|因公出国[（(]境[）)]费|公务用车购置及运行(?:维护)?费|(?:公务用车)?购置费"
    r"|(?:公务用车)?运行(?:维护)?费"
    r"|公务|接待费|公务接待费|年度|年份|项目|预算数|“三公”经费(?:预算数)?|\"三公\"经费(?:预算数)?"
)
# the names that must all be there (the header joined, spaces out): one per column, and the group's heading
_NEEDED = (
    regex(r"合计"),
    regex(r"因公出国.*[（(]境[）)]费"),
    regex(r"公务用车购置及运行(?:维护)?费"),
    regex(r"小计"),
    regex(r"(?<!及)购置费"),
    regex(r"(?<![及购置])运行(?:维护)?费"),
    regex(r"公务.*接待费"),
)
WIDTH = 6
GROUP_LAST, GROUP_BEFORE = "last", "before"  # 公务接待费 after the vehicles' group, or before it


def header(lines: Sequence[str]) -> bool:
    """Are these lines the header of a 三公 table: every word a name of it, every name there?"""
    words = [w for ln in lines for w in ln.split()]
    if not words or not all(_WORD.fullmatch(w) for w in words):
        return False
    joined = "".join(words)
    return all(p.search(joined) for p in _NEEDED)


def names(lines: Sequence[str], order: str) -> tuple[list[str], tuple[int, int, str]]:
    """The six columns' names in the order read, and the vehicles' group (first, last figure column, heading)."""
    joined = "".join(w for ln in lines for w in ln.split())
    upkeep = "运行维护费" if "运行维护费" in joined else "运行费"
    heading = "公务用车购置及运行维护费" if "公务用车购置及运行维护费" in joined else "公务用车购置及运行费"
    group = ["小计", "购置费", upkeep]
    if order == GROUP_LAST:
        return ["合计", "因公出国（境）费", *group, "公务接待费"], (2, 4, heading)
    return ["合计", "因公出国（境）费", "公务接待费", *group], (3, 5, heading)


def order(rows: Sequence[Sequence[str]]) -> str | None:
    """The order the rows' figures say (six each), or None when they do not say it."""
    read = [v for r in rows if (v := _values(r)) is not None]
    if len(read) != len(rows):
        return None
    last = [_adds_up(v, GROUP_LAST) for v in read]
    before = [_adds_up(v, GROUP_BEFORE) for v in read]
    if any(a and not b for a, b in zip(last, before)) and not any(b and not a for a, b in zip(last, before)):
        return GROUP_LAST
    if any(b and not a for a, b in zip(last, before)) and not any(a and not b for a, b in zip(last, before)):
        return GROUP_BEFORE
    return None


def _values(figs: Sequence[str]) -> list[Decimal] | None:
    try:
        return [Decimal(f.replace(",", "").replace("−", "-")) for f in figs]
    except InvalidOperation:
        return None


def _adds_up(v: list[Decimal], how: str) -> bool:
    """Does the row add up with the columns in this order (exactly: the template's figures are one row's)?"""
    if how == GROUP_LAST:
        total, abroad, sub, buy, run, host = v
    else:
        total, abroad, host, sub, buy, run = v
    return total == abroad + sub + host and sub == buy + run
