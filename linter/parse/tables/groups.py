"""The two-level header of a space-aligned table: column headings over groups of columns, each group opened by
its own total (`公务用车购置及运行费` over `小计 购置费 运行费`; `2024年债务限额` over `合计 一般债务 专项债务`), read
from where the words of the header's two lines stand.

Flat, such a header loses its tree: the group's heading is glued to one of its columns' names, and its 小计 stands
beside the table's 合计 as if both summed every column. The tree is read only in two shapes where the lines say
it with certainty, each group's heading standing over the span of the columns it heads:

- the lower line names every column, and its total words cut it into as many runs as the upper line has
  headings, each run opened by its total (`2024年债务限额 2024年债务余额` over `合计 一般债务 专项债务 合计 一般债务
  专项债务`);
- the upper line names the columns that have no name below them and one heading over each run of two or more
  columns named below it, each run opened by its total (`合计 因公出国（境）费 公务用车购置及运行费 公务接待费` over
  `小计 购置费 运行费`); a run of one column is a name wrapped over the two lines, or one named below only where
  no upper word stands over it (`合计` on the lower line, beside the groups' headings); a lower word opening with
  a bracket (`（境）费`) is the tail of a wrapped name, a column of its own, never a group's column.

- each upper word over a run of the columns, centred over it rather than opening it (`2025年 | 2026年预算数 |
  2026年比2025年` over `预算数 | 合计 基本支出 项目支出 | 增减额 增减%`; its upper words may stand on two lines,
  none over another): a word over one column heads its name wrapped over the lines, over several a group, either
  a total and its parts (the total first or last) or changes alone, whose heading prefixes each one's name. Read
  only where one cutting of the columns into such runs, each under its word, is possible.

Any other header (other three lines of names, a heading off its span, a group of parts with no total) is not
read as a tree: the flat reading stands, and no total is summed beside another of its level (spans.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations
from math import comb

from tieout.linter.figures.context import read
from tieout.linter.patterns import regex

from .vocab import role_of, total_kind

Metric = Callable[[str], int]
# the most ways of cutting the columns into runs under the upper words that are tried (a header of many words is
# not this shape: its cuts are not weighed one by one)
MAX_CUTS = 500
# a lower word opening with a bracket: the tail of a name wrapped over the two lines (`因公出国` over `（境）费`)
WRAPPED_TAIL = regex(r"^[（(]")


@dataclass
class Tree:
    """The figure columns of a two-level header: each one's own name, and the groups headed over several."""

    names: list[str]  # each figure column's own name (the lower one under a group)
    groups: list[tuple[int, int, str]]  # (first, last) figure column and heading of each group


@dataclass
class _Frame:
    """Where the k figure columns stand: each one's left and right edge and middle, in the header's metric."""

    lefts: list[float]
    rights: list[int]
    metric: Metric

    def centre(self, line: str, m: re.Match[str]) -> float:
        return (self.metric(line[: m.start()]) + self.metric(line[: m.end()])) / 2

    def mid(self, c: int) -> float:
        return (self.lefts[c] + self.rights[c]) / 2

    def nearest(self, x: float) -> int:
        return min(range(len(self.rights)), key=lambda c: abs(self.mid(c) - x))

    def over(self, x: float, a: int, b: int) -> bool:
        """Does a point stand over the span of columns a..b?"""
        return self.lefts[a] <= x <= self.rights[b]


def tree(named: list[tuple[str, list[re.Match[str]]]], cols: list[int], metric: Metric) -> Tree | None:
    """The header's tree, from its lines that name columns (each with its words), or None when it is not told."""
    k = len(cols)
    if len(named) not in (2, 3) or k < 3:
        return None
    lefts = [float(cols[c - 1]) if c else cols[0] - (cols[1] - cols[0]) for c in range(k)]
    frame = _Frame(lefts, cols, metric)
    if len(named) == 3:
        return _three_lines(frame, named)
    (top, upper), (bottom, lower) = named
    if len(upper) >= k:
        return None  # a full upper line: not these shapes
    headings = [(frame.centre(top, m), m.group()) for m in upper]
    if len(lower) == k:
        names = [m.group() for m in lower]
        return _runs_below(frame, top, upper, names) or _headings_over(frame, headings, names)
    under = _runs_under(frame, top, upper, bottom, lower)
    if under is not None:
        return under
    placed = _placed(frame, bottom, lower)
    return _headings_over(frame, headings, [placed.get(c, "") for c in range(k)]) if placed is not None else None


def _three_lines(frame: _Frame, named: list[tuple[str, list[re.Match[str]]]]) -> Tree | None:
    """A header whose upper words stand on two lines, none over another (`2026年预算数 | 2026年比2025年` above,
    `2025年` below them, over `预算数 | 合计 基本支出 项目支出 | 增减额 增减%`): read as one upper line over the
    line that names every column. Any other three lines are not read as a tree."""
    (first, high), (second, middle), (bottom, lower) = named
    k = len(frame.rights)
    spans = [
        (frame.metric(line[: m.start()]), frame.metric(line[: m.end()]), line, m)
        for line, words in ((first, high), (second, middle))
        for m in words
    ]
    spans.sort(key=lambda s: s[0])
    if len(lower) != k or len(spans) >= k or any(a[1] > b[0] for a, b in zip(spans, spans[1:])):
        return None
    headings = [(frame.centre(line, m), m.group()) for _, _, line, m in spans]
    return _headings_over(frame, headings, [m.group() for m in lower])


def _runs_below(frame: _Frame, top: str, upper: list[re.Match[str]], names: list[str]) -> Tree | None:
    """Every column named on the lower line, cut into runs at its total words, one heading over each run."""
    starts = [c for c, name in enumerate(names) if total_kind(name)]
    if not starts or starts[0] != 0 or len(starts) != len(upper):
        return None
    runs = list(zip(starts, [*starts[1:], len(names)]))
    groups = []
    for (a, b), m in zip(runs, upper):
        if b - a < 2 or total_kind(m.group()) or not frame.over(frame.centre(top, m), a, b - 1):
            return None  # (a total over a group of columns: another shape)
        groups.append((a, b - 1, m.group()))
    return Tree(list(names), groups)


def _headings_over(frame: _Frame, headings: list[tuple[float, str]], names: list[str]) -> Tree | None:
    """Each upper word (where it is centred, its text) over a run of the columns (`2025年 | 2026年预算数 | 2026年比
    2025年` over `预算数 | 合计 基本支出 项目支出 | 增减额 增减%`): a word over one column is the head of its name
    wrapped over the lines, or its whole name where nothing is below it; over several, a group's heading, the
    group either a total and its parts (the total first or last) or changes alone (增减额, 增减%: the heading
    prefixes each one's name). Read only where one cutting of the columns into runs, in order, stands each word
    over its own run and makes every run such a group, a total's group among them: a heading centred over a group
    may stand over any one of its columns, and a cut that is not certain would give the heading to one of them."""
    k, n = len(names), len(headings)
    if n < 2 or comb(k - 1, n - 1) > MAX_CUTS:
        return None
    found = []
    for cuts in combinations(range(1, k), n - 1):
        runs = list(zip((0, *cuts), (*cuts, k)))
        if all(frame.over(x, a, b - 1) and _a_group(names[a:b]) for (a, b), (x, _) in zip(runs, headings)):
            found.append(runs)
    if len(found) != 1 or not any(b - a > 1 and _headed_run(names[a:b]) for a, b in found[0]):
        return None
    return _headed(found[0], [text for _, text in headings], names)


def _a_group(names: list[str]) -> bool:
    """Can one heading stand over these columns: one column (a wrapped name), a total with its parts, or changes?"""
    if len(names) == 1:
        return True
    return all(names) and (_headed_run(names) or all(_change(name) for name in names))


def _headed_run(names: list[str]) -> bool:
    """A run that says its heading's columns apart: a total with its parts, or the heading's figure at each of two
    or more levels of government (`增长%` over `全市 市本级`)."""
    return _total_run(names) or _scope_run(names)


def _scope_run(names: list[str]) -> bool:
    """Does each name state a level of government alone, each another (`全市 | 市本级`, `全县 | 县本级 | 乡镇`)?"""
    scopes = [_scope_alone(name) for name in names]
    return len(names) > 1 and all(scopes) and len(set(scopes)) == len(scopes)


def _scope_alone(name: str) -> str | None:
    """The level of government a column's name states and nothing else (`全市`, `市本级`), else None."""
    reading = read(name)
    return reading.context.scope if not reading.rest.strip("（）() ") else None


def _total_run(names: list[str]) -> bool:
    """A total with its parts: one total, first or last, and no change among them."""
    totals = [i for i, name in enumerate(names) if total_kind(name)]
    return totals in ([0], [len(names) - 1]) and not any(_change(name) for name in names)


def _change(name: str) -> bool:
    role = role_of(name)
    return role is not None and role.kind in ("delta", "growth")


def _headed(runs: list[tuple[int, int]], headings: list[str], names: list[str]) -> Tree:
    """The tree of runs each under its heading: a wrapped name joined, a total's group kept, changes prefixed."""
    named = list(names)
    groups = []
    for (a, b), heading in zip(runs, headings):
        if b - a == 1:
            named[a] = heading + names[a]
        elif _total_run(names[a:b]):
            groups.append((a, b - 1, heading))
        elif _scope_run(names[a:b]):
            # (each column is the heading's figure at its level: `全市` under `增长%` is 全市增长%)
            named[a:b] = [name + heading for name in names[a:b]]
        else:
            named[a:b] = [heading + name for name in names[a:b]]
    return Tree(named, groups)


def _runs_under(
    frame: _Frame, top: str, upper: list[re.Match[str]], bottom: str, lower: list[re.Match[str]]
) -> Tree | None:
    """Columns named on the upper line alone, and runs of columns named on the lower one, each under one heading."""
    k = len(frame.rights)
    placed = _placed(frame, bottom, lower)
    if placed is None:
        return None
    names = [""] * k
    groups = []
    h = 0  # the next upper word
    for a, b in _items(k, placed):
        m = upper[h] if h < len(upper) else None
        x = frame.centre(top, m) if m is not None else -1.0
        if b > a:  # a run under a group's heading, opened by its total
            if m is None or total_kind(m.group()) or not frame.over(x, a, b) or not total_kind(placed[a]):
                return None
            names[a : b + 1] = [placed[c] for c in range(a, b + 1)]
            groups.append((a, b, m.group()))
            h += 1
        elif m is not None and frame.nearest(x) == a:  # named on the upper line, or wrapped over both lines
            names[a] = m.group() + placed.get(a, "")
            h += 1
        elif a in placed and (m is None or frame.nearest(x) > a):  # named on the lower line alone
            names[a] = placed[a]
        else:
            return None  # a column named nowhere, or an upper word left behind
    if h < len(upper):
        return None  # an upper word over no column
    return Tree(names, groups) if groups else None


def _placed(frame: _Frame, line: str, words: list[re.Match[str]]) -> dict[int, str] | None:
    """The lower line's words, one to a column in order, each over the column it is nearest to; None when a word
    is nearer another column than the one the order gives it."""
    k = len(frame.rights)
    centres = [frame.centre(line, m) for m in words]
    best = min(
        combinations(range(k), len(words)),
        key=lambda combo: sum(abs(frame.mid(c) - x) for c, x in zip(combo, centres)),
    )
    if any(frame.nearest(x) != c for c, x in zip(best, centres)):
        return None
    return {c: m.group() for c, m in zip(best, words)}


def _items(k: int, placed: dict[int, str]) -> list[tuple[int, int]]:
    """The columns left to right as items: each column with no lower name alone, each run of columns with lower
    names together (first, last)."""
    items: list[tuple[int, int]] = []
    c = 0
    while c < k:
        if c not in placed:
            items.append((c, c))
            c += 1
            continue
        b = c
        # (the tail of a wrapped name, `（境）费`, is its own column's: no run goes on to it or from it)
        while (
            b + 1 < k
            and b + 1 in placed
            and not WRAPPED_TAIL.match(placed[b])
            and not WRAPPED_TAIL.match(placed[b + 1])
        ):
            b += 1
        items.append((c, b))
        c = b + 1
    return items
