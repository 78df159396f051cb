"""A score table of two levels of indicators, each first-level indicator with its weight opening the rows of the
indicators under it (each with its weight and score), closed by the group's 小计, the 合计 (总分) after the last
group:

    一级指标  分值  二级指标    分值  得分
    决策        20  项目立项       5   4.0
                    绩效目标       5   4.5
                    资金投入      10   9.0
                    决策小计      20  17.5
    过程        20  资金管理      10   9.0
                    …
    合计       100               100  89.5

It comes set out as text (above), as a Markdown table (`| 决策 | 20 | 项目立项 | 5 | 4.0 |`) or as a Word table's
text, its cells parted by tabs. The first-level cell is left blank under the merged cell (above) or repeats the
indicator's name on each of its rows (`| 决策 |  | 绩效目标 | 5 | 4.5 |`); the 小计 stands in either name column,
under the second-level weight, the first-level one beside it or not (`| 决策小计 | 20 |  | 20 | 17.5 |`).

A group's 小计 score is the sum of its rows' scores, and the 合计's the sum of the groups' (their 小计's, or their
rows' where no 小计 closes them). Read only where the table leaves nothing open: the header names these five
columns, every line under it up to the 合计 is one of these rows, each group's rows follow its opening row with
nothing of another group between them (a name repeated is its own group's, a 小计 names its own group or none),
each group's weight is exactly its rows' weights added up (and its 小计's), and the groups' weights make the 合计's.
A last column of words (`扣分原因`) may follow the 得分, its cells notes on the scores.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from tieout.linter.facts.model import ScoreSet
from tieout.linter.facts.passes.base import sentence_of
from tieout.linter.facts.passes.gates import grouped_scores_held
from tieout.linter.facts.passes.score_lines import MARKS_WORD, figure_at
from tieout.linter.facts.passes.score_outline import SCORE_NUMBER
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# (a column of words may close the header, the reasons points were taken off: `扣分原因`, `备注`)
HEADER = regex(
    rf"^\s*一级指标(?:名称)?\s+{MARKS_WORD.pattern}\s+二级指标(?:名称)?\s+{MARKS_WORD.pattern}\s+(?:得分|评价得分|自评得分|实际得分)"
    r"(?:\s+[\u4e00-\u9fff]{2,8})?\s*$"
)
_NAME = r"[\u4e00-\u9fff“”\"（）()、]{2,20}"
NAME = regex(rf"^{_NAME}$")
NUMBER = regex(rf"^{SCORE_NUMBER}$")
# the words a row may end with in that column, set two spaces or more past its score, their first word no figure
# or dash standing alone (`个别项目测算依据不细，扣0.5分`, `2个点位未按期完成`): a note on the score, no cell of
# the table's figures
_NOTE = r"(?:\s{2,}(?![\d.+\-－—]+(?:\s|$))\S.*?)?"
_W_S = rf"(?P<w>{SCORE_NUMBER})\s+(?P<s>{SCORE_NUMBER}){_NOTE}\s*$"
# the rows of a table set out as text, each with the columns it fills: a group's first line (the first-level
# indicator and its weight, then its first row), a row under it set in (the first-level cells blank), a row naming
# its group again (no weight), and a 小计 or 合计 in the first column
_TEXT_ROWS = (
    regex(rf"^\s*(?P<group>{_NAME})\s+(?P<gw>{SCORE_NUMBER})\s+(?P<name>{_NAME})\s+{_W_S}"),
    regex(rf"^\s+(?P<name>{_NAME})\s+{_W_S}"),
    regex(rf"^\s*(?P<group>{_NAME})\s+(?P<name>{_NAME})\s+{_W_S}"),
    regex(rf"^\s*(?P<group>{_NAME})\s+(?P<gw>{SCORE_NUMBER})\s+(?P<w>{SCORE_NUMBER})\s+(?P<s>{SCORE_NUMBER})\s*$"),
)
SLOTS = ("group", "gw", "name", "w", "s")
TOTAL = regex(r"^(?:合计|总计|总分|总得分)$")
SUBTOTAL = "小计"
# a Markdown table's line under its header (`|---|---:|`)
RULE = regex(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$")


@dataclass(frozen=True, slots=True)
class _Cell:
    text: str
    at: int  # its offset in the original text


Line = dict[str, _Cell]  # a row's filled cells by column (SLOTS)


@dataclass(slots=True)
class _Group:
    name: str
    weight: Decimal
    rows: list[tuple[Quantity, Quantity]] = field(default_factory=list)  # (weight, score)
    subtotal: tuple[Quantity, Quantity] | None = None


def grouped_scores(draft: Draft) -> Iterator[ScoreSet]:
    """Each group's 小计 as the sum of its rows' scores and the 合计 as the sum of the groups' (see the module)."""
    if not grouped_scores_held(draft):
        return
    lines = draft.doc.original.split("\n")
    offsets = draft.doc.line_starts
    for k, line in enumerate(lines[: len(offsets)]):
        width = _header_width(line)
        if width is None:
            continue
        read = _table(draft, lines, offsets, k + 1, width)
        if read is None:
            continue
        groups, total = read
        items: list[Quantity] = []
        for g in groups:
            if g.subtotal is not None and len(g.rows) >= 2:
                sub = g.subtotal[1]
                yield ScoreSet(sub, [s for _, s in g.rows], sentence_of(draft, sub.start), name="小计")
            items += [g.subtotal[1]] if g.subtotal is not None else [s for _, s in g.rows]
        yield ScoreSet(total, items, sentence_of(draft, total.start))


def _header_width(line: str) -> int | None:
    """The number of columns of the header the line is (5, or 6 with a column of notes); None if it is none."""
    cells = _split(line, 0)
    words = "  ".join(c.text for c in cells) if cells is not None else line
    if not HEADER.match(words):
        return None
    return len(words.split())


def _split(line: str, at: int) -> list[_Cell] | None:
    """A Markdown or tab-parted line's cells, blank ones too (their text ""); None for a line of text."""
    if line.lstrip().startswith("|"):
        start = line.index("|") + 1
        end = len(line.rstrip())
        end -= 1 if line[:end].endswith("|") and end > start else 0
        return _parted(line[start:end], at + start, "|")
    return _parted(line, at, "\t") if "\t" in line else None


def _parted(text: str, at: int, mark: str) -> list[_Cell]:
    cells = []
    for piece in text.split(mark):
        cells.append(_strip(piece, at))
        at += len(piece) + 1
    return cells


def _strip(text: str, at: int) -> _Cell:
    lead = len(text) - len(text.lstrip())
    return _Cell(text.strip(), at + lead)


def _slots(line: str, at: int, width: int) -> Line | None:
    """The line's filled cells by column; None where it is no row of the table (other cells, or figures that are
    no scores)."""
    cells = _split(line, at)
    if cells is not None:
        while len(cells) > width and not cells[-1].text:
            cells.pop()  # (a tab closing a Word row)
        if len(cells) != width:
            return None
        found = {slot: c for slot, c in zip(SLOTS, cells) if c.text}
    else:
        m = next((m for rx in _TEXT_ROWS if (m := rx.match(line))), None)
        if m is None:
            return None
        found = {slot: _Cell(m.group(slot), at + m.start(slot)) for slot in SLOTS if m.groupdict().get(slot)}
    for slot, c in found.items():
        if not (NUMBER if slot in ("gw", "w", "s") else NAME).match(c.text):
            return None
    return found if "w" in found and "s" in found else None


def _table(
    draft: Draft, lines: list[str], offsets: list[int], first: int, width: int
) -> tuple[list[_Group], Quantity] | None:
    """The groups of the table whose rows start at line `first`, and its 合计's score; None unless every line up to
    the 合计 is a row of it, in its place, and every weight adds up."""
    groups: list[_Group] = []
    grid = False  # (a Markdown row under a merged first-level cell seen: `_under_merged_cell`)
    if first < len(offsets) and RULE.match(lines[first]):
        first += 1
    for k in range(first, len(offsets)):
        row = _slots(lines[k], offsets[k], width)
        if row is None:
            return None  # (a blank line or any other before the 合计: not this table)
        grid = grid or _under_merged_cell(lines[k], row)
        figures = _figures(draft, row)
        if figures is None:
            return None
        if TOTAL.match(row["group"].text if "group" in row else "") and "name" not in row:
            if grid and all(g.subtotal is None for g in groups):
                return None  # (`_under_merged_cell`)
            return _closed(draft, groups, row, figures)
        if not _place(groups, row, figures):
            return None
    return None


def _under_merged_cell(line: str, row: Line) -> bool:
    """Is the line a Markdown row under a merged first-level cell, its first column blank (`|  |  | 资金到位 | 10 |
    10 |`)? A Markdown table of such rows and no 小计 is footed by the table model, which reads its groups from the
    blank cells (TO301, the 合计 by every row): read here too, its finding would move to another rule. With 小计 rows
    the table model would add each 小计 in with its rows, so the table is this pass's (and TO301 leaves it)."""
    return (
        line.lstrip().startswith("|")
        and "group" not in row
        and not row.get("name", _Cell("", 0)).text.endswith(SUBTOTAL)
    )


def _figures(draft: Draft, row: Line) -> tuple[Quantity, Quantity] | None:
    """A row's weight and score as figures of the text, the score no more than the weight."""
    w = figure_at(draft, row["w"].at, row["w"].text)
    s = figure_at(draft, row["s"].at, row["s"].text)
    return (w, s) if w is not None and s is not None and s.value <= w.value else None


def _place(groups: list[_Group], row: Line, figures: tuple[Quantity, Quantity]) -> bool:
    """Put a row in its group: a row naming a first-level indicator of its own opens one (with its weight), a 小计
    closes the open one, any other row is the open one's. False where its place is not certain."""
    name = row["name"].text if "name" in row else ""
    group = row["group"].text if "group" in row else ""
    weight = Decimal(row["gw"].text) if "gw" in row else None
    now = groups[-1] if groups and groups[-1].subtotal is None else None
    sub = name if name.endswith(SUBTOTAL) else group if group.endswith(SUBTOTAL) and not name else ""
    if sub:
        # (`决策小计` or `小计` alone, in either column; the other name column blank or naming the group)
        stem = sub.removesuffix(SUBTOTAL)
        if now is None or stem not in ("", now.name) or group not in ("", sub, now.name):
            return False
        if weight is not None and weight != now.weight:
            return False
        now.subtotal = figures
        return True
    if not name:
        return False  # (a first-level indicator with no row under it, or a total of another name)
    if group and (now is None or group != now.name):
        if weight is None or any(g.name == group for g in groups):
            return False  # (a group opened without its weight, or one named twice: whose rows, not certain)
        groups.append(_Group(group, weight, [figures]))
        return True
    if now is None or weight is not None:
        return False  # (a row after a group's 小计, no first-level indicator opening it; a weight twice)
    now.rows.append(figures)
    return True


def _closed(
    draft: Draft, groups: list[_Group], row: Line, figures: tuple[Quantity, Quantity]
) -> tuple[list[_Group], Quantity] | None:
    """The groups and the 合计's score where every weight adds up: each group's rows make its weight (and its
    小计's), the groups' make the 合计's two."""
    if len(groups) < 2:
        return None
    for g in groups:
        if not g.rows or sum((w.value for w, _ in g.rows), Decimal(0)) != g.weight:
            return None
        if g.subtotal is not None and g.subtotal[0].value != g.weight:
            return None
    weight = sum((g.weight for g in groups), Decimal(0))
    if figures[0].value != weight or ("gw" in row and Decimal(row["gw"].text) != weight):
        return None
    return groups, figures[1]
