"""A header of two lines whose cells wrapped within their width, read from a PDF's text layer that keeps no
alignment (words set one or two spaces apart): the upper line holds each cell's first line, the lower line the
rest of the cells that wrapped, in the same order, and maybe a cell of one line the layer put on the lower line
(vertically centred between the two):

    项目  上年  预算数  调整  决算数  为调整预算  比上年
    决算数  预算数  的%  增长%
    教育支出  36,902  37,001  37,581  39,027  103.8  5.8

    项目 上年决算数 预算数 调整预算数 决算数 为调整预算
    % 比上年增长%

Where the words stand says nothing here; what a word says does. An upper word that cannot end a column's name
(`上年`, `调整`, `2025年`, `本年收支`: no measure at its end, or a comparison `比上年…`, `为调整预算` that still
lacks its `%`) is the first line of a wrapped cell: it takes the next lower word left, in order. The other upper
words are whole cells. A lower word left over is a cell of its own only if it is a whole name of Chinese (a `%`
alone is always a tail), and only where its place is certain: after the tails of the upper line's last word,
or before those of its first, or between the tails of two upper words next to each other. The names must then
number exactly the figures of every row. Any other shape, or more than one way to choose the tails, is not read
(the names stay uncertain, as the position-based reading left them).
"""

from __future__ import annotations

from itertools import combinations

from tieout.linter.patterns import regex

from .dropped import header_names
from .vocab import column_heading

# the end of a whole column name: a measure (数, 额, 率, 结余 …), a stage (`调整预算`, `年初预算`), a rate's %, or a
# unit in brackets
WHOLE_END = regex(r"(?:数|额|率|%|％|[）)]|结余|余额|收入|支出|合计|小计|金额|资金|预算|决算)$")
# a comparison that needs its measure after it (`比上年` + `增长%`, `比上年执行数` + `增长%`), unless it has one
COMPARISON = regex(r"^(?:比|较|为|完成|占)")
RATE_END = regex(r"(?:%|％|率|[）)])$")
CJK = regex(r"[\u4e00-\u9fff]")


def whole(word: str) -> bool:
    """Can the word be a column's whole name (`决算数`, `比上年增长%`), not the first line of a wrapped one
    (`上年`, `比上年`, `为调整预算`)?"""
    if not WHOLE_END.search(word):
        return False
    return not COMPARISON.match(word) or RATE_END.search(word) is not None


def wrapped_names(upper: str, lower: str, k: int) -> list[str] | None:
    """The k column names of a two-line header of wrapped cells (see above); None unless read with certainty."""
    top, below = header_names(upper), lower.split()
    if not top or not below:
        return None
    heads = [i for i, w in enumerate(top) if not whole(w)]
    if not heads or len(top) + len(below) - len(heads) != k:
        return None
    found: list[list[str]] = []
    for tails in combinations(range(len(below)), len(heads)):
        names = _names(top, below, heads, list(tails))
        if names is not None:
            found.append(names)
    if len(found) != 1 or not all(column_heading(n) for n in found[0]):
        return None
    return found[0]


def _names(top: list[str], below: list[str], heads: list[int], tails: list[int]) -> list[str] | None:
    """The names when the lower words `tails` are the tails of the upper words `heads`, in order; None when a
    lower word left is no whole name, or its place among the upper words is not certain."""
    rest = [j for j in range(len(below)) if j not in tails]
    if any(not CJK.search(below[j]) or not whole(below[j]) for j in rest):
        return None
    names = list(top)
    for i, j in zip(heads, tails):
        names[i] = top[i] + below[j]
    inserts: dict[int, list[str]] = {}  # the upper word's place the lower whole cells go before
    for j in rest:
        at = _place(heads, tails, j, len(top))
        if at is None:
            return None
        inserts.setdefault(at, []).append(below[j])
    out: list[str] = []
    for i in range(len(top) + 1):
        out += inserts.get(i, [])
        if i < len(top):
            out.append(names[i])
    return out


def _place(heads: list[int], tails: list[int], j: int, n: int) -> int | None:
    """The upper place a lower whole cell `j` goes before: between the wrapped cells whose tails stand round it,
    which must be next to each other on the upper line (or the line's first or last word); None otherwise."""
    before = [h for h, t in zip(heads, tails) if t < j]
    after = [h for h, t in zip(heads, tails) if t > j]
    left = before[-1] if before else -1  # (-1: no wrapped cell's tail before it on the lower line)
    right = after[0] if after else n  # (n: none after it)
    return left + 1 if right - left == 1 else None


def joined_lines(header: list[str], k: int) -> list[str] | None:
    """The k column names of a header whose cells wrapped over several lines, each line a run of words one space
    apart (`科目` / `编码 科目名称 合计` / `一般公共预` / `算拨款收入` / `政府性基金预` / `算拨款收入 事业收入 其他收入`):
    a line's last word that cannot end a name (`whole`) goes on in the next line's first word, and only there;
    every other word is a name of its own. None unless every name so read is whole, is a column's heading, and
    they number k after the code and label columns' names."""
    words: list[str] = []
    for line in header:
        if not line.split():
            continue
        more = line.split()
        # (a label column's name, `科目编码`, ends its cell too: the names of figures follow it)
        if words and not whole(words[-1]) and header_names(words[-1]):
            words[-1] += more.pop(0)
        words += more
    names = header_names(" ".join(words))
    if len(names) != k or not all(whole(n) and column_heading(n) for n in names):
        return None
    return names
