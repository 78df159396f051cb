"""A line closing the item lines above it with their total: `小计` / `合计` alone (`小计：1,454.80万元`) or after
the name of the group (`基本支出小计 1,454.80 万元`), under a heading line, each item line one name and one figure:

    基本支出
      人员经费 1,236.50 万元
      公用经费 218.30 万元
    基本支出小计 1,454.80 万元

The lines are the file's (the normalised text joins short lines): a block is read only where its layout makes the
members certain (consecutive lines, one name and one figure each, of one unit)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Breakdown, Mention
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# the closing line before its figure: the group's name, if any, and the total word (`基本支出小计`, `小计：`, `合计`;
# a 合计 after a name is no plain total of the lines above)
CLOSING = regex(r"\s*(?P<group>[\u4e00-\u9fff“”]{0,20}?)(?P<word>小计|合计)(?:为)?[：:]?\s*")
# an item line before its figure: its number, if any, and a name (`人员经费`, `（一）公用经费：`)
ITEM = regex(
    r"(?P<indent>[ \t\u3000]*)(?P<mark>[（(]\d{1,2}[)）]|\d{1,2}[、.．](?!\d)|[（(]?[一二三四五六七八九十][)）、])?"
    r"\s*(?P<name>[\u4e00-\u9fff（）()“”]{2,24}?)[：:]?\s*"
)
# a name that is no item of the block: a part of the line above (`其中`), a total, or what the lines above add to
NOT_ITEM = regex(r"^(?:其中|含|以上|上述)|合计|总计|小计|共计")
# a heading line's number and end (`（一）基本支出：`), around the group's name
HEADING_MARK = regex(r"^[（(]?(?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）、.．]\s*|[：:]\s*$")
END_MARKS = "；;，,。 \t\r\u3000"


@dataclass
class Block:
    """The item lines above a closing line: their figures (a subtotal's figure for a group it closes), and the
    heading line above them ("" when a blank line or the file's start ends them) and where that heading starts."""

    parts: list[Mention]
    heading: str
    top: int


class Closing:
    """Reads the closing lines of a document, sentence by sentence (a subtotal read is a part of a total below)."""

    def __init__(self, draft: Draft) -> None:
        self.d = draft
        # a subtotal read (where its figure stands in the file: the mention of it in the facts may be another object
        # than the one read) → where its group's heading line starts
        self.closed: dict[int, int] = {}

    def read(self, mentions: list[Mention], si: int) -> list[Breakdown]:
        """The totals the sentence's closing lines state, one figure a line."""
        found: list[Breakdown] = []
        for total in mentions:
            said = self._closing_line(total)
            if said is None:
                continue
            q = total.quantities[0]
            line_start = self.d.doc.original.rfind("\n", 0, self.d.doc.origin[q.start]) + 1
            block = self._block_above(line_start, q.base_unit)
            if block is None or len(block.parts) < 2 or any(id(p) in self.d.parts for p in block.parts):
                continue
            group, word = said.group("group"), said.group("word")
            named = HEADING_MARK.sub("", block.heading).strip()
            if (group and named != group) or (word == "小计" and not named):
                continue  # a subtotal of another group than the heading's, or of no group a heading names
            if word == "小计":
                self.closed[self.d.doc.origin[q.start]] = block.top  # (a group a total below may sum whole)
            # (a subtotal naming its group, or under a heading, is of the lines there; a plain 合计 after lines
            # is read from the layout alone: a warning at most)
            certain = bool(group) or word == "小计"
            found.append(Breakdown(total, block.parts, word, True, si, certain=certain))
        return found

    def _closing_line(self, total: Mention) -> re.Match[str] | None:
        """The words before the figure when it closes its line of the file as a total (`基本支出小计`, `合计：`):
        one exact figure with its unit, nothing after it but an end mark, read in no list yet. None otherwise
        (`以上合计` is read with numbered item lines: `_total_of_lines_above`)."""
        if len(total.quantities) != 1 or id(total) in self.d.totals or id(total) in self.d.parts:
            return None
        original, origin = self.d.doc.original, self.d.doc.origin
        q = total.quantities[0]
        at = origin[q.start]
        said = CLOSING.fullmatch(original, original.rfind("\n", 0, at) + 1, at)
        if said is None or not q.exact or not q.base_unit or NOT_ITEM.match(said.group("group")):
            return None
        if said.group("word") == "合计" and said.group("group"):
            # (`收入合计` after item lines may total more than they list: read where they add up, elsewhere)
            return None
        line_end = original.find("\n", at)
        tail = original[origin[q.end - 1] + 1 : line_end if line_end >= 0 else len(original)]
        return None if tail.strip(END_MARKS) else said

    def _block_above(self, end: int, unit: str) -> Block | None:
        """The item lines right above offset `end` (a line's start in the file) up to a line with no figure, or
        None where a line of them is no item line (two figures, words after its figure, another unit, a nested
        `其中`), the lines' indents or numbering differ, or blank lines stand between some lines and not others."""
        original, origin = self.d.doc.original, self.d.doc.origin
        placed = sorted((origin[m.start], m) for m in self.d.facts.mentions if m.quantities)
        starts = [x for x, _ in placed]
        parts: list[Mention] = []
        shape: tuple[str, bool] | None = None  # the items' indent and whether they are numbered
        spaced: bool | None = None  # whether a blank line stands after every line of the block
        while end > 0:
            begin = original.rfind("\n", 0, end - 1) + 1
            gap = False  # a blank line between this line and the one below it
            while begin > 0 and not original[begin : end - 1].strip():
                gap, end = True, begin
                begin = original.rfind("\n", 0, end - 1) + 1
            inside = [m for _, m in placed[bisect_left(starts, begin) : bisect_left(starts, end - 1)]]
            if not inside:
                return Block(parts, original[begin : end - 1].strip(), begin)
            m = inside[0]
            top = self.closed.get(origin[m.quantities[0].start])
            if len(inside) == 1 and top is not None and spaced in (None, gap):
                spaced = gap
                parts.insert(0, m)  # a group closed by its subtotal: a part of what is above it
                end = top
                continue
            if len(inside) != 1 or len(m.quantities) != 1 or gap != (spaced if spaced is not None else gap):
                return None  # (a blank line in a block of lines set close together, or missing in a spaced one)
            spaced = gap
            line = self._item(begin, end, m, unit)
            if line is None or (shape is not None and line != shape):
                return None
            shape = line
            parts.insert(0, m)
            end = begin
        return Block(parts, "", 0)

    def _item(self, begin: int, end: int, m: Mention, unit: str) -> tuple[str, bool] | None:
        """The indent of an item line and whether it is numbered; None when the line is no item of `unit`."""
        original, origin = self.d.doc.original, self.d.doc.origin
        q = m.quantities[0]
        item = ITEM.fullmatch(original, begin, origin[q.start])
        if not (q.exact and q.base_unit == unit and item) or NOT_ITEM.search(item.group("name")):
            return None
        if original[origin[q.end - 1] + 1 : end - 1].strip(END_MARKS):
            return None  # (words after the figure: more than one item's amount)
        if self.d.is_part(m) or id(m) in self.d.totals:
            return None  # (read already in a list of its own)
        return item.group("indent"), item.group("mark") is not None
