"""Two-sided tables of plain-text reports: the 收入 side on the left, the 支出 side on the right, each a label
and its figures, on the same lines. Laid out with spaces into columns:

    收入                  预算数        支出                  预算数
    本级收入              187628.28     一般公共预算支出      784017.77
    上年结转              19762.48
    收入总计              828234.82     支出总计              828234.82

or, as the text of a PDF often gives it, with one space between every label and figure (no columns at all):

    收入项目 预算数 支出项目 预算数
    一、财政拨款收入 860.00 一、教育支出 700.00
    二、事业收入 二、住房保障支出 160.00
    三、其他收入

A line of a label, figures, a second label and its figures is such a row; a run of lines of two or more of
them, under a header that names both sides' label columns (`收入 … 支出`, `项目 … 项目`) — or, laid out into
columns with no header, when every label names its side by its words and the last line is the two sides' totals
(`收入总计 a … 支出总计 b`) — is read as two side-by-side tables, each side's rows a list, or a tree by their enumeration (the labels' indentation is not
read). The other lines of the run hold one side's row, or a label with no figures (a row left blank: its label
alone, or one side's label before the other side's row), and are told into the sides:

- where the lines are laid out into columns, by the column their labels start at: the right side's labels
  start at about the column of the two-sided rows' second labels; each side's figures go to the columns their
  right edges give (as a one-sided table's, aligned.py);
- where they are not (one space between all words), or their columns do not place every row, by their
  words: a label names a row of the 收入 side or of the 支出 side by how it ends (`…收入`, `上年结转`; `…支出`,
  `年末结转和结余`; a 合计 or 总计 after it), and which side holds which is what the header names (`收入项目 …
  支出项目`) or the two-sided rows' labels say; every row of a side then fills all its columns (a row that
  leaves some blank cannot be placed).

A label with no figures is a row of its own only where its words name a row of its side: a line of words
alone may be the end of a wrapped label, or the heading of the text after the table (a run that cannot be read
with such a line is read up to it). A table whose next page repeats its header's last lines word for word over
rows of the same columns, nothing else between but what a page turned leaves (its number, a 续表 mark, the
caption or unit note repeated), is joined into one with it: its totals sum the rows of both pages. Another
table that goes on over a page (its title the next one below; rows of
figures below it past the page's number, blank lines, its caption and header repeated, or a line of words that
cut its reading short) is read as a piece that does not end there, and one that goes on from a page before as
a piece that does not start there: their totals, and the last rows' parents, are not held to the piece.
Precision first: a run whose rows do not all fall clearly into one side and its columns is not read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import compress, count, islice, product

from tieout.linter.figures.context import SIDES
from tieout.linter.patterns import regex
from tieout.linter.text.model import Document
from tieout.linter.vocab import load

from .assembly import _body_row, _unplaced_row
from .blocks import CONTINUED, Block, _caption_key
from .cells import Cell, flatten
from .column_names import _header_row
from .columns import _at_heading_ends, _edges, _labels_end, _layout, _row_slots, agreed_edges
from .gates import may_pair, two_sided_held
from .groups import Metric
from .header_lines import caption_lines
from .lineshapes import (
    ABOVE_HEADER,
    CELL_TOKEN,
    CJK,
    HEADER_WORD,
    LABEL_HEADER,
    MAX_GAP,
    MAX_HEADER,
    PAGE_MARK,
    UNKNOWN,
    WIDE_GAP,
    WORD,
    Aligned,
    Layout,
    Parsed,
    _Line,
    _Mapper,
    _text_only,
    caption_line,
    chars,
    table_title,
    width,
)
from .page_turns import _left_open, furniture_kinds
from .row_lines import _data, line_starts, table_lines
from .vocab import column_heading

# (header and rows are imported in the functions that place a two-sided table's rows: see aligned.py)

# a side's label column named in the header: 收入 / 支出, 项目 / 科目 (收入项目, 预算科目, 科目名称); not 指标 (two
# columns of indicators' names are no two sides)
SIDE_NAME = regex(r"^(?:收入|支出|(?:收入|支出|预算|功能分类)?(?:项目|科目)(?:名称)?)$")
CODE_NAME = regex(r"(?:编码|代码)$")  # the header of a code column (科目编码, 功能分类科目代码)
SIDE_GAP = 4  # display columns a row's label may start left of its side's label column
# how much wider than the gap inside a spaced-out side's name (`收  入`) the gap to the next character is where
# that character opens the other side's name
RUN_SPREAD = 2
SIDES_ONLY = regex(r"^收入支出$")  # a header line naming the two sides and nothing else, its spaces removed
MAX_PAGE = 120  # lines in which the page before a table's caption, or after its last row, stands
TITLE_ABOVE = MAX_HEADER + 6  # lines above a table's first row in which its title stands
# what a row's label may end with after the words that name its side: a total's word, a note in brackets
# (`本年收入合计`, `使用非财政拨款结余（含专用结余）`)
LABEL_TAIL = regex(r"(?:合计|总计|小计|共计)?(?:[（(][^）)]*[）)])?$")


@cache
def _side_words() -> tuple[tuple[str, tuple[str, ...]], ...]:
    entry = load("tables").get("side_words") or {}
    return tuple((str(k), tuple(flatten(str(w)) for w in entry.get(k) or [])) for k in SIDES)


def side_of(label: str) -> str | None:
    """收入 or 支出: the side of a 收支 table whose row the label names by how it ends (tables.yaml side_words),
    a 合计 or a note in brackets after it aside; None when it names neither (`对个人和家庭的补助`, `总计`)."""
    text = flatten(label)
    # (a tail to cut ends in 计 or a bracket: the pattern, tried at every character, is tried only then)
    text = LABEL_TAIL.sub("", text) if text.endswith(("计", "）", ")")) else text
    found = [k for k, ends in _side_words() if text.endswith(ends)]
    return found[0] if len(found) == 1 else None


@dataclass(slots=True)
class _Seg:
    """A label of a row line and what follows it: `part` as `_data` reads a label and its figures (offsets in
    the line), or, for a label with no figures after it, None; `at`/`end` where the label's text stands."""

    label: str
    at: int
    end: int
    part: Parsed = None
    figs: list[re.Match[str]] = field(default_factory=list)


def find_two_sided(doc: Document, taken: list[Aligned]) -> list[Aligned]:
    """The two-sided tables of a plain-text report, outside the one-sided space-aligned tables `taken`."""
    if not two_sided_held(doc):
        return []
    lines = table_lines(doc.original)
    used: set[int] = _barred(doc, lines)
    for t in taken:
        if not _headed_by_pairs(lines, t):
            used.update(range(t.first_line, t.last_line + 1))
    # the two-sided rows: a label and figures, then a label and figures (cheap tests first, most lines of a
    # report fail them: the line ends in a figure or a dash, and a Chinese word follows its first figure)
    # (the lines with text picked in C: an empty line is none)
    pairs = [
        j for j in compress(count(), lines) if j not in used and may_pair(lines[j]) and _paired(_row_line(lines[j]))
    ]
    if len(pairs) < 2:
        return []
    starts = line_starts(lines, doc)
    mapper = _Mapper(doc)
    out: list[Aligned] = []
    done = -1
    for j in pairs:
        if j <= done:
            continue
        run = _run(lines, j, used, done)
        found = _table(lines, starts, run, mapper)
        cut = False
        if found is None and any(not _figured(lines[k]) for k in run):
            # the run read up to its first label alone, as a label alone once ended it (it may be a wrapped
            # label's end): the rows after it go on, unread
            run = run[: next(i for i, k in enumerate(run) if not _figured(lines[k]))]
            found = _table(lines, starts, run, mapper) if run and run[-1] >= j else None
            cut = True
        done = max(run[-1] if run else j, j)
        if found is not None:
            _add(lines, out, found, cut)
    return out


def _barred(doc: Document, lines: list[str]) -> set[int]:
    """The lines whose tabs the normaliser made bars (repair.tab_cells): rows of a table of tab-set cells, read as
    a pipe table is (blocks.py), each cell's white space its own. Read here too they would be a second table over the
    same figures, its sides' trees guessed from words where its cells say them."""
    starts = doc.line_starts
    out: set[int] = set()
    for j in (j for j, line in enumerate(lines) if "\t" in line):  # (a line with no tab, most, found in C)
        line = lines[j]
        tab = line.find("\t", len(line) - len(line.lstrip(" \t\u3000")))
        at = doc.normalised_at(starts[j] + tab) if tab >= 0 and j < len(starts) else None
        if at is not None and doc.text[at] == "|":
            out.add(j)
    return out


def _headed_by_pairs(lines: list[str], table: Aligned) -> bool:
    """Did the one-sided reading take a two-sided row (a label and figures, then a label and figures) for a line
    of its header? The rows below it are then one side's rows of that two-sided table (`税收收入 a b 一般公共服务支出
    c d` over rows of the 支出 side alone, the 收入 side's few rows ended): no header has figures on both sides."""
    return any(_paired(_row_line(lines[h])) for h in table.header)


def _add(lines: list[str], out: list[Aligned], found: Aligned, cut: bool) -> None:
    """The table found added to those before it, knowing whether it goes on past its rows or from rows before
    them; the page of the table before (`_turned_page_of`) joined to it."""
    if cut or _rows_below(lines, found) or _same_title(lines, found, below=True):
        _left_open(found)
    found.continued = _same_title(lines, found, below=False) or _rows_above(lines, found)
    if out and _turned_page_of(lines, out[-1], found):
        _append(out[-1], found)
    else:
        out.append(found)


def _turned_page_of(lines: list[str], before: Aligned, table: Aligned) -> bool:
    """Is the table the page after of the one before: the same columns, under its header's last lines repeated
    word for word, with nothing between but what a page turned leaves (a page's number or a 续表 mark among it,
    the caption or unit note repeated, blank lines)? Its rows are then the same table's, as a one-sided table's
    are joined over its pages (aligned._join): the totals on the second page sum the rows on the first too."""
    if len(table.names) != len(before.names) or not table.header or len(table.header) > len(before.header):
        return False
    own = [flatten(lines[h]) for h in before.header[-len(table.header) :]]
    if [flatten(lines[h]) for h in table.header] != own:
        return False
    rest = [s for k in range(before.last_line + 1, table.header[0]) if (s := lines[k].strip())]
    kinds = furniture_kinds(before, rest)
    return "turn" in kinds and all(k is not None for k in kinds)


def _append(before: Aligned, table: Aligned) -> None:
    """The rows of the table's page joined to the table before, its grid's next rows."""
    block, body = before.block, table.block.rows[1:]
    base = len(block.rows)
    block.breaks.append(base)
    for k, row in enumerate(body):
        for c in row:
            c.row = base + k
    block.rows.extend(body)
    block.end = table.block.end
    block.pieces += 1
    block.placed = block.placed and table.block.placed
    if block.off_header is not None or table.block.off_header is not None:
        block.off_header = (block.off_header or set()) | (table.block.off_header or set())
    block.open_end, block.goes_on = table.block.open_end, table.block.goes_on
    before.indents.extend(table.indents[1:])
    if before.side_indents is not None and table.side_indents is not None:
        for mine, theirs in zip(before.side_indents, table.side_indents, strict=True):
            mine.extend(theirs[1:])
    else:
        before.side_indents = None
    before.last_line = table.last_line


def _furniture(lines: list[str], table: Aligned) -> Callable[[int], bool]:
    """Is a line what a page turned leaves about a table: blank, the page's number, the table's caption or
    header repeated?"""
    # (a caption line read from above a header may be the last row of the page before: no furniture)
    own = {flatten(c) for c in table.block.caption if not _figured(c)} | {flatten(lines[h]) for h in table.header}
    return lambda k: not lines[k].strip() or bool(PAGE_MARK.match(lines[k])) or flatten(lines[k]) in own


def _rows_below(lines: list[str], table: Aligned) -> bool:
    """Do rows of figures stand below the table's last row, past what a page turned leaves between or one line
    of words that names no row (the end of a wrapped label: `入`)? Then the table may go on in them."""
    furniture = _furniture(lines, table)
    below = (k for k in range(table.last_line + 1, len(lines)) if not furniture(k))
    for k in islice(below, 2):
        if _figured(lines[k]):
            return True
        s = lines[k].strip()
        if not _text_only(s) or ABOVE_HEADER.search(s) or table_title(s):
            return False
    return False


def _rows_above(lines: list[str], table: Aligned) -> bool:
    """Do rows of figures stand right above the table's header, past what a page turned leaves between (its
    title aside: the title above a table opens it)? Then it goes on from them."""
    furniture = _furniture(lines, table)
    first = min(table.header, default=table.first_line)
    k = next((k for k in range(first - 1, -1, -1) if table_title(lines[k]) or not furniture(k)), None)
    return k is not None and _figured(lines[k])


def _same_title(lines: list[str], table: Aligned, below: bool) -> bool:
    """Is the table a page of one that goes on below it (`below`) or began above it: its title marked 续表
    (above), or the nearest table title that way, within a page, its own (a PDF repeats a table's caption on
    each page)? Then its totals and its last parents may take rows of the other page."""
    # its title: the nearest above its rows, over its header, unit note and blank lines
    top = next(
        (k for k in range(table.first_line - 1, max(-1, table.first_line - TITLE_ABOVE), -1) if table_title(lines[k])),
        None,
    )
    if top is None:
        return False
    if not below and CONTINUED.search(flatten(lines[top])):
        return True
    own = _caption_key(lines[top].strip())
    span = (
        range(table.last_line + 1, min(len(lines), table.last_line + MAX_PAGE))
        if below
        else range(top - 1, max(-1, top - MAX_PAGE), -1)
    )
    k = next((k for k in span if table_title(lines[k])), None)
    return k is not None and _caption_key(lines[k].strip()) == own


def _paired(segs: list[_Seg] | None) -> bool:
    return segs is not None and len(segs) == 2 and bool(segs[1].figs)


def _figured(line: str) -> bool:
    segs = _row_line(line)
    return segs is not None and bool(segs[0].figs)


def _segments(line: str) -> list[_Seg] | None:
    """A line as its labels, each with the figures after it (one label, or two with figures between them);
    None for a line of prose, of figures before any label, or of more than two labels."""
    if "，" in line or "。" in line or "；" in line:
        return None
    segs: list[_Seg] = []
    pos = 0
    for m in CELL_TOKEN.finditer(line):
        text = line[pos : m.start()]
        if text.strip():
            if len(segs) == 2:
                return None
            segs.append(_label(line, pos, m.start()))
        elif not segs:
            return None  # a figure before any label
        segs[-1].figs.append(m)
        pos = m.end()
    if line[pos:].strip():
        if len(segs) == 2:
            return None
        segs.append(_label(line, pos, len(line)))
    return segs if segs and all(CJK.search(s.label) for s in segs) else None


def _label(line: str, a: int, b: int) -> _Seg:
    text = line[a:b]
    at = a + len(text) - len(text.lstrip())
    return _Seg(text.strip(), at, a + len(text.rstrip()))


@lru_cache(maxsize=1 << 14)  # a pure function of the line, asked again as runs and their pages are read
def _row_line(line: str) -> list[_Seg] | None:
    """A line of a two-sided table's rows, as its labels and figures: each label's figures a row as `_data`
    reads one (offsets kept: the rest of the line blanked), a label with no figures one that names a side's
    row (`四、其他收入`; two such labels, or one before the other side's row); None for any other line."""
    segs = _segments(line)
    if segs is None:
        return None
    for s in segs:
        if s.figs:
            s.part = _data(" " * s.at + line[s.at : s.figs[-1].end()])
            if s.part is None:
                return None
    last = segs[-1]
    if not last.figs and not (side_of(last.label) or _two_labels(line, last)):
        return None
    return segs


def _words(line: str, seg: _Seg) -> list[tuple[int, int]]:
    """The spans of a label's words in the line."""
    return [(seg.at + m.start(), seg.at + m.end()) for m in re.finditer(r"\S+", line[seg.at : seg.end])]


def _two_labels(line: str, seg: _Seg) -> list[int]:
    """Where a label's words may be cut into a 收入 label and a 支出 label (its words, one side's then the
    other's, each naming its side: `二、事业收入 二、住房保障支出`): the index of each such first word."""
    words = _words(line, seg)
    out = []
    for k in range(1, len(words)):
        a, b = side_of(line[words[0][0] : words[k - 1][1]]), side_of(line[words[k][0] : words[-1][1]])
        if a is not None and b is not None and a != b:
            out.append(k)
    return out


def _run(lines: list[str], j: int, used: set[int], done: int) -> list[int]:
    """The lines of rows around the two-sided row at line j: rows of one side or two before it (up to the
    header), and every line of rows after it (blank lines between allowed), the lines of labels alone among
    them, not after the last row of figures."""
    first = j
    while first - 1 > done and first - 1 not in used and _figured(lines[first - 1]):
        first -= 1
    first = _labels_above(lines, first, done, used)
    run = list(range(first, j + 1))
    k = j + 1
    gap = 0
    while k < len(lines) and k not in used:
        s = lines[k].strip()
        if not s:
            gap += 1
            if gap > MAX_GAP:
                break
        elif _row_line(lines[k]) is not None and not (caption_line(s) or PAGE_MARK.match(s)):
            run.append(k)
            gap = 0
        elif PAGE_MARK.match(s) and _rows_go_on(lines, k, used):
            gap = 0  # the page's number between two rows: the rows go on on the next page
        else:
            break
        k += 1
    while not _figured(lines[run[-1]]):
        run.pop()
    return run


def _labels_above(lines: list[str], first: int, done: int, used: set[int]) -> int:
    """The first line of the run from line `first` up, past the rows above it whose labels stand alone (`三、国有
    资本经营预算财政拨款收入 三、国防支出`, both sides blank), when a header naming both sides stands right above
    them: the template's 收入支出决算总表 leaves its third row blank on both sides (no 国有资本经营 income), which
    cut the run short of its header and of its first rows (their figures then summed by no total). Else
    `first`."""
    k = first
    while k - 1 > done and k - 1 not in used and lines[k - 1].strip() and _row_line(lines[k - 1]) is not None:
        k -= 1
    return k if k < first and _header(lines, k) is not None else first


def _rows_go_on(lines: list[str], k: int, used: set[int]) -> bool:
    """Is the page number at line k (`— 2 —`) between two rows of the table, the line above one of its rows and
    the first line with text below one too (a page turned inside the table, nothing repeated)? Read so, the
    rows above and below are one table: its totals, on the page after, sum the rows on the page before. (Blank
    lines may set the number apart on both sides, as a PDF's text gives it: the nearest lines with text count.)"""
    above = next((m for m in range(k - 1, max(-1, k - MAX_GAP - 2), -1) if lines[m].strip()), None)
    if above is None or _row_line(lines[above]) is None:
        return False
    below = next((m for m in range(k + 1, min(len(lines), k + MAX_GAP + 2)) if lines[m].strip()), None)
    return below is not None and below not in used and _row_line(lines[below]) is not None


def _header(lines: list[str], first: int) -> list[int] | None:
    """The header lines above the first row (a blank line between allowed); None unless one of them names
    both sides' label columns."""
    j = first - 1
    while j >= 0 and not lines[j].strip() and first - j <= MAX_GAP:
        j -= 1
    header: list[int] = []
    while j >= 0 and len(header) < MAX_HEADER and lines[j].strip():
        s = lines[j].strip()
        if caption_line(s) or ABOVE_HEADER.search(s) or PAGE_MARK.match(s) or _data(lines[j]) is not None:
            break
        header.insert(0, j)
        j -= 1
    if not any(len(_side_names(lines[h])) == 2 for h in header):
        return None
    return header


def _header_words(line: str) -> list[str]:
    """The words of a header line; a name spaced out (`项   目`, `收   入`) is its characters one by one, joined
    here, and a year set apart from its 年 (`2024 年预算数`) is one word with it. A side's name so spaced out
    (`收    入`, as the 财政拨款收入支出决算总表 of a PDF has it) is closed by a character set far wider apart than
    its own two (`支    出`, a column away): the header names two sides, not `收入支出`. (Other runs are joined
    whatever their gaps: `项   目 … 项   目` over a table whose rows the sides' words do not tell apart.)"""
    words: list[str] = []
    single = False  # the last word is a run of single characters
    spacing = 0  # the gap between the first two characters of that run (0: the run has one so far)
    end = 0  # where the last word ends
    for m in HEADER_WORD.finditer(line):
        w = m.group()
        gap = m.start() - end
        if len(w) == 1 and single and not (words[-1] in SIDES and gap > RUN_SPREAD * spacing):
            words[-1] += w
            spacing = spacing or gap
        else:
            words.append(flatten(w))
            spacing = 0
        single = len(w) == 1
        end = m.end()
    return words


def _side_names(line: str) -> list[str]:
    """The words of a header line that name a side's label column (`收入`, `支出`, `项目`, `预算科目`)."""
    return [w for w in _header_words(line) if SIDE_NAME.match(w)]


def _kinds(lines: list[str], header: list[int], pairs: list[list[_Seg]]) -> tuple[str, str] | None:
    """What the left and the right side hold (收入, 支出): what the header names their label columns
    (`收入项目 … 支出项目`, `收 入 … 支 出`), else what every two-sided row's labels that name a side say
    (`一般公共预算收入 … 一般公共预算支出`); None when neither tells."""
    for h in header:
        names = _side_names(lines[h])
        if len(names) == 2:
            said = tuple(next((k for k in SIDES if k in n), "") for n in names)
            if said in (SIDES, SIDES[::-1]):
                return said[0], said[1]
    left, right = ({k for p in pairs if (k := side_of(p[s].label)) is not None} for s in (0, 1))
    if len(left) == 1 and len(right) == 1 and left != right:
        return left.pop(), right.pop()
    return None


@dataclass
class _Place:
    """How a table's lines are told into its two sides: by the column the right side's labels start at
    (`metric`, `cut`), or, where the lines stand in no columns (`metric` None), by the labels' words. `kinds`:
    what the left and the right side hold (收入, 支出), where known."""

    kinds: tuple[str, str] | None
    metric: Metric | None = None
    cut: int = 0

    def right(self, line: str, at: int) -> bool:
        """Does a label starting at offset `at` stand in the right side's label column?"""
        assert self.metric is not None
        return self.metric(line[:at]) >= self.cut - SIDE_GAP

    def names(self, label: str, side: int) -> bool:
        """Does a label with no figures name a row of the side (0 left, 1 right) by its words?"""
        return self.kinds is not None and side_of(label) == self.kinds[side]

    def may(self, label: str, side: int) -> bool:
        """May a label stand on the side: its words name no row of the other side's?"""
        return self.kinds is None or side_of(label) in (None, self.kinds[side])


def _table(lines: list[str], starts: list[int], run: list[int], mapper: _Mapper) -> Aligned | None:
    """The two-sided table of a run of rows, or None (too few two-sided rows, no header naming both sides,
    a row that falls into neither side, figures that do not fall clearly into columns). A run with no header
    is read only laid out into columns and closed by the two sides' totals (`收入总计 … 支出总计 …`): the
    labels then say which side is which, and its columns are named by nothing (their sums are all it holds)."""
    segs = {j: s for j in run if (s := _row_line(lines[j])) is not None}
    two = [j for j in run if _paired(segs[j])]
    if len(two) < 2:
        return None
    header = _header(lines, run[0])
    if header is None and not _told_by_words(run, segs):
        return None
    kinds = _kinds(lines, header or [], [segs[j] for j in two])
    found = None
    if any(WIDE_GAP.search(lines[j].strip()) for j in run):  # lines laid out into columns
        place = _split(lines, [segs[j][1].at for j in two], two, kinds)
        if place is not None and (header is not None or kinds is not None):
            found = _read(lines, starts, header or [], run, segs, place, mapper)
    if found is None and kinds is not None and header is not None:
        found = _read(lines, starts, header, run, segs, _Place(kinds), mapper)
    return found


def _told_by_words(run: list[int], segs: dict[int, list[_Seg]]) -> bool:
    """May a run with no header be read: every label names its side by its words (`财政拨款收入 … 基本支出`, 收入
    on the left; a row of one side too), and its last line is the two sides' totals (`收入总计 a … 支出总计 b`)?
    Rows of two label-and-figure pairs alone may be two lists side by side (`东城街道 a  西城街道 b`)."""
    last = segs[run[-1]]
    if len(last) != 2 or not all("总计" in flatten(s.label) for s in last):
        return False
    for j in run:
        said = [side_of(s.label) for s in segs[j]]
        if said != list(SIDES) and not (len(said) == 1 and said[0] is not None):
            return False
    return True


def _top_start(lines: list[str], starts: list[int], top: int, mapper: _Mapper) -> int:
    """Where the header (or, with none, the first row) starts in the document: the offset a header cell takes."""
    return mapper.norm(starts[top] + len(lines[top]) - len(lines[top].lstrip())) or 0


def _split(lines: list[str], ats: list[int], two: list[int], kinds: tuple[str, str] | None) -> _Place | None:
    """The metric the right side's labels agree in (display width or characters) and the column they start
    at (their leftmost); None when they do not start at about one column in either."""
    best: tuple[int, Metric, int] | None = None
    for metric in (width, chars):
        at = sorted(metric(lines[j][:a]) for j, a in zip(two, ats))
        spread = at[-1] - at[0]
        if best is None or spread < best[0]:
            best = (spread, metric, at[0])
    assert best is not None
    return None if best[0] > 2 * SIDE_GAP else _Place(kinds, best[1], best[2])


def _read(
    lines: list[str],
    starts: list[int],
    header: list[int],
    run: list[int],
    segs: dict[int, list[_Seg]],
    place: _Place,
    mapper: _Mapper,
) -> Aligned | None:
    """The table of the run, its lines told into the sides as `place` says; None when a line falls into
    neither or a side has fewer than two rows of figures."""
    sides: list[list[_Line]] = [[], []]
    for j in run:
        parts = _parts(lines[j], segs[j], place)
        if parts is None:
            return None
        for s, p in enumerate(parts):
            if p is not None:
                label, _indent, figs, at = p
                sides[s].append(_Line(j, label, UNKNOWN, figs, starts[j] + at))
    if any(sum(1 for r in side if r.figs) < 2 for side in sides):
        return None
    found = _grid(lines, starts, header, run, sides, place, mapper)
    if found is not None and place.metric is not None:
        found.side_indents = [_side_indents(lines, starts, run, side, place.metric) for side in sides]
    return found


def _side_indents(lines: list[str], starts: list[int], run: list[int], side: list[_Line], metric: Metric) -> list[int]:
    """Each grid row's indentation of the side's label, from the side's leftmost label: where the lines stand in
    columns, a label set in under a numbered row (`二、上级补助收入` over `  返还性收入`) is one of its items, as in a
    one-sided table (rows.indent_tree). -1 for the header row, UNKNOWN for a row the side leaves blank."""
    at_row = {j: r for r, j in enumerate(run, start=1)}
    column = {at_row[r.line]: metric(lines[r.line][: r.label_at - starts[r.line]]) for r in side if r.line in at_row}
    indents = [-1] + [UNKNOWN] * len(run)
    if not column:
        return indents
    left = min(column.values())
    for r, c in column.items():
        indents[r] = c - left
    return indents


def _parts(line: str, segs: list[_Seg], place: _Place) -> tuple[Parsed, Parsed] | None:
    """A line's row of each side (None for a side it leaves out); None when it falls into neither."""
    if len(segs) == 2:
        left, right = segs
        if not (place.may(left.label, 0) and place.may(right.label, 1)):
            return None
        if not right.figs:
            # a label with no figures after the left side's row: the right side's, blank
            if not place.names(right.label, 1):
                return None
            if place.metric is not None and not (
                place.right(line, right.at) and place.metric(line[: left.figs[-1].end()]) <= place.cut
            ):
                return None
            return left.part, _alone(right.label, right.at)
        return left.part, right.part
    if place.metric is None:
        return _by_words(line, segs[0], place)
    return _by_column(line, segs[0], place)


def _alone(label: str, at: int) -> Parsed:
    """A row with no figures, as `_data` reads a row."""
    return label, 0, [], at


def _cut(line: str, seg: _Seg, words: list[tuple[int, int]], k: int, place: _Place) -> tuple[Parsed, Parsed] | None:
    """A label's words cut before word k: a left label with no figures, then the right side's row (the
    label's other words and its figures, if any); None unless the left label names a row of its side, and the
    right one does too where no column says where it starts (a label with no figures always)."""
    left = line[words[0][0] : words[k - 1][1]]
    if not place.names(left, 0):
        return None
    a = words[k][0]
    if not seg.figs:
        right = line[a : words[-1][1]]
        return (_alone(left, words[0][0]), _alone(right, a)) if place.names(right, 1) else None
    part = _data(" " * a + line[a : seg.figs[-1].end()])
    if part is None or not (place.may(part[0], 1) if place.metric is not None else place.names(part[0], 1)):
        return None
    return _alone(left, words[0][0]), part


def _cut_at_mark(
    line: str, seg: _Seg, words: list[tuple[int, int]], k: int, place: _Place
) -> tuple[Parsed, Parsed] | None:
    """A label's words cut before word k, which opens with an enumeration (`2. 政府性基金 三、卫生健康支出 a`):
    the left side's row left blank, then the right side's. Certain where the first word opens with a mark
    too (a label of its own, not a wrapped one's end) and the right label names a row of its side by its
    words; the left one need not (`政府性基金` under `一、财政拨款收入` names no side)."""
    from .rows import marker

    a0, b0 = words[0]
    if not marker(line[a0:b0])[0]:
        return None
    left = line[a0 : words[k - 1][1]]
    a = words[k][0]
    if not seg.figs:
        right = line[a : words[-1][1]]
        return (_alone(left, a0), _alone(right, a)) if place.names(right, 1) else None
    part = _data(" " * a + line[a : seg.figs[-1].end()])
    if part is None or not place.names(part[0], 1):
        return None
    return _alone(left, a0), part


def _one(seg: _Seg, side: int, place: _Place) -> tuple[Parsed, Parsed] | None:
    """A line of one label (and its figures) as the row of a side."""
    if seg.figs:
        parts: tuple[Parsed, Parsed] = (seg.part, None) if side == 0 else (None, seg.part)
        return parts if place.may(seg.label, side) else None
    if not place.names(seg.label, side):
        return None
    row = _alone(seg.label, seg.at)
    return (row, None) if side == 0 else (None, row)


def _by_column(line: str, seg: _Seg, place: _Place) -> tuple[Parsed, Parsed] | None:
    """A line of one label's text placed by the column its words start at: the right side's row when it
    starts at the right labels' column; the left side's when its figures end before that column; or a left
    label with no figures and, from the word that starts at that column, the right side's row."""
    words = _words(line, seg)
    k = next((i for i, (a, _) in enumerate(words) if place.right(line, a)), len(words))
    if k == 0:
        return _one(seg, 1, place)
    assert place.metric is not None
    # (a figure's end is the column after its last digit: one ending at the right labels' column stands left of it,
    # as the widest figures of a 收入 side's last column do where one space sets them off the 支出 labels)
    before = not seg.figs or place.metric(line[: seg.figs[-1].end()]) <= place.cut
    if k == len(words):
        return _one(seg, 0, place) if before else None
    if seg.figs and before:
        return None  # words at the right labels' column, but figures left of it
    return _cut(line, seg, words, k, place)


def _by_words(line: str, seg: _Seg, place: _Place) -> tuple[Parsed, Parsed] | None:
    """A line of one label's text placed by its words: a left label with no figures and the right side's row
    (`二、事业收入 二、住房保障支出 160.00`: a label's words that cut into two labels, each naming its side's row,
    are two labels), else the row of the side the label names; None where two cuts read."""
    from .rows import marker

    assert place.kinds is not None
    words = _words(line, seg)
    cuts = [c for k in range(1, len(words)) if (c := _cut(line, seg, words, k, place)) is not None]
    if cuts:
        return cuts[0] if len(cuts) == 1 else None
    marked = [k for k, (a, b) in enumerate(words) if k and marker(line[a:b])[0]]
    if marked:
        # (a word opening with an enumeration, `2.政府性基金 三、节能环保支出`: two labels, cut there when it is
        # the one such word, the first label opens with a mark of its own and the second names the right side)
        return _cut_at_mark(line, seg, words, marked[0], place) if len(marked) == 1 else None
    kind = side_of(seg.label)
    return _one(seg, place.kinds.index(kind), place) if kind in place.kinds else None


def _grid(
    lines: list[str],
    starts: list[int],
    header: list[int],
    run: list[int],
    sides: list[list[_Line]],
    place: _Place,
    mapper: _Mapper,
) -> Aligned | None:
    """The grid of the two sides, the right one's columns after the left one's: a header row, then a row for
    each line of the run (a side it leaves blank: blank cells)."""
    at_row = {j: r for r, j in enumerate(run, start=1)}
    grid: list[list[Cell | None]] = [[] for _ in range(len(run) + 1)]
    base = 0
    off: list[Cell] = []  # header cells whose words do not stand over their figures (shifted with the side's)
    cells = _columns(lines, starts, header, sides, at_row, place, mapper, off)
    if cells is None:
        return None
    for head, placed, k in cells:
        for c in head:
            c.col += base
        grid[0] += head
        for r in range(1, len(grid)):
            row = placed.get(r)
            if row is None:
                at = grid[r][-1].end if grid[r] else starts[run[r - 1]]  # type: ignore[union-attr]
                row = [Cell("", at, at, r, c) for c in range(k + 1)]
            for c in row:
                c.col += base
            grid[r] += row
        base += k + 1
    full: list[list[Cell]] = grid  # type: ignore[assignment]
    block = Block(full, start=full[1][0].start, end=max(c.end for c in full[-1]))
    block.off_header = {c.col for c in off}
    top = (header[0] if header else run[0]) - 1  # (a run with no header: its caption stands above its rows)
    block.caption = list(reversed(caption_lines(lines, top)))
    found = Aligned(block, [-1] + [UNKNOWN] * len(run), first_line=run[0], last_line=run[-1])
    found.columns = len(full[0]) - 1
    found.names = tuple(c.text for c in full[0][1:])
    found.header = header
    return found


# a side's header cells, its rows' cells by grid row, and its number of figure columns
Columns = tuple[list[Cell], dict[int, list[Cell]], int]


def _columns(
    lines: list[str],
    starts: list[int],
    header: list[int],
    sides: list[list[_Line]],
    at_row: dict[int, int],
    place: _Place,
    mapper: _Mapper,
    off: list[Cell],
) -> list[Columns] | None:
    """Each side's columns: by the figures' right edges where the lines stand in columns, else in order (every
    row of figures filling all its side's columns). The header cells whose words stand off their columns go in
    `off`."""
    if place.metric is None:
        return _columns_in_order(lines, starts, header, sides, at_row, mapper)
    out: list[Columns] = []
    for s, rows in enumerate(sides):
        figured = [r for r in rows if r.figs]
        layout = (
            _layout(lines, figured, side=True)
            or _side_heading_ends(lines, header, figured, place, s)
            or _side_full_rows_ends(lines, header, figured, place, s)
        )
        if layout is None:
            return None
        placed = _place(lines, starts, rows, layout, at_row, mapper)
        if placed is None:
            return None
        head = _side_header(lines, starts, header, figured, layout, place.metric, place.cut, s, mapper, off)
        out.append((head, placed, len(layout.cols)))
    return out


def _columns_in_order(
    lines: list[str],
    starts: list[int],
    header: list[int],
    sides: list[list[_Line]],
    at_row: dict[int, int],
    mapper: _Mapper,
) -> list[Columns] | None:
    """Each side's columns where the lines stand in none: a row's figures fill its side's columns in order;
    None when a row of figures leaves one blank (which one is not known) or the header does not name them."""
    fitted = _fitted(lines, header, sides)
    if fitted is None:
        return None
    first = _top_start(lines, starts, header[0] if header else min(r.line for rows in sides for r in rows), mapper)
    out: list[Columns] = []
    for rows, (named, slots) in zip(sides, fitted):
        k = len(named)
        head = [Cell("项目", first, first, 0, 0)] + [Cell(n, first, first, 0, c + 1) for c, n in enumerate(named)]
        placed: dict[int, list[Cell]] = {}
        for row, at in zip(rows, slots):
            r = at_row[row.line]
            cells = _body_row(row, starts[row.line], at, k, mapper, r)
            if cells is None:
                return None
            placed[r] = cells
        out.append((head, placed, k))
    return out


# a side's columns named in order, and the columns each of its rows' figures fill
Fitted = list[tuple[list[str], list[list[int]]]]
MORE_NAMED = 3  # columns a header may name past those its fullest row fills


def _fitted(lines: list[str], header: list[int], sides: list[list[_Line]]) -> Fitted | None:
    """Each side's column names and the columns its rows' figures fill, where the lines stand in no columns: a
    row fills all its side's columns in order, or under a 行次 column holds its 行次 alone (`二、事业收入 2`: its
    amount left blank). A side whose rows fill fewer columns than the header names, the first its 合计 (`合计
    一般公共预算财政拨款 政府性基金预算财政拨款` over `1,869.34 1,869.34`), is read by that column alone: a row's 合计
    is written wherever a part of it is, but which part a figure is, is not known. None otherwise."""
    ks = [max(len(r.figs) for r in rows) for rows in sides]
    for more in product(range(MORE_NAMED + 1), repeat=len(ks)):
        names = _names_in_order(lines, header, [k + m for k, m in zip(ks, more)])
        if names is None:
            continue
        fitted = [_side_fitted(rows, named) for rows, named in zip(sides, names)]
        return None if any(f is None for f in fitted) else fitted  # type: ignore[return-value]
    return None


def _side_fitted(rows: list[_Line], named: list[str]) -> tuple[list[str], list[list[int]]] | None:
    from .header import NUMBERING
    from .rows import ROW_NUMBER

    k = len(named)
    slots: list[list[int]] = []
    for r in rows:
        if len(r.figs) == k or not r.figs:
            slots.append(list(range(len(r.figs))))
        elif len(r.figs) == 1 and NUMBERING.match(named[0]) and ROW_NUMBER.match(r.figs[0].group()):
            slots.append([0])
        else:
            break
    else:
        return named, slots
    if flatten(named[0]) != "合计" or len(named) < 2:
        return None
    return named[:1], [[0] if r.figs else [] for r in rows]


def _names_in_order(lines: list[str], header: list[int], ks: list[int]) -> list[list[str]] | None:
    """The names over each side's figure columns where the header's words stand in no columns: each header
    line cut before its second side name (`收入项目 预算数 | 支出项目 预算数`), or, naming no side, after the
    left side's number of columns; each side's words besides its side name its columns' names, in order (names
    on several lines joined top down). None when a line's words do not match the columns so."""
    names = [[""] * k for k in ks]
    for h in header:
        if SIDES_ONLY.match(flatten(lines[h])) and not WIDE_GAP.search(lines[h].strip()):
            # (`收 入 支 出` spaced out, one space between all, as a PDF's text gives it: the sides' names over the
            # table, no column's; a line laid out in columns is read by where its words stand, not here)
            continue
        # (a code column's name before a side's label column, `科目编码 科目名称 决算数 科目编码 科目名称 决算数`, is
        # no figure column's: the halves' header of a table of halves, sidebyside.py)
        words = [w for w in _header_words(lines[h]) if not CODE_NAME.search(w)]
        at = [i for i, w in enumerate(words) if SIDE_NAME.match(w)]
        if len(at) == 2:
            halves = [words[: at[1]], words[at[1] :]]
        elif not at and len(words) == sum(ks):
            halves = [words[: ks[0]], words[ks[0] :]]
        else:
            return None
        for s, half in enumerate(halves):
            cols = [w for w in half if not SIDE_NAME.match(w)]
            if cols and len(cols) != ks[s]:
                return None
            for c, w in enumerate(cols):
                names[s][c] += w
    return names


def _side_heading_ends(lines: list[str], header: list[int], rows: list[_Line], place: _Place, s: int) -> Layout | None:
    """The layout of a side few of whose rows fill every column (`一、本年支出  合计  一般公共预算  政府性基金预算` over
    rows of one fund each, `支 出 总 计` filling 合计 alone), where a header line names the side's label column and
    then each of its columns one heading each, right-aligned as the figures are: every figure must end at one
    heading's right end (columns._at_heading_ends). None otherwise."""
    assert place.metric is not None
    metric = place.metric
    for h in header:
        line = lines[h]
        words = [m for m in WORD.finditer(line) if (metric(line[: m.start()]) >= place.cut - SIDE_GAP) == (s == 1)]
        if len(words) < 3 or not LABEL_HEADER.search(words[0].group()):
            continue
        if not all(column_heading(m.group()) for m in words[1:]):
            continue
        layout = _at_heading_ends(lines, rows, [metric(line[: m.end()]) for m in words[1:]], metric)
        if layout is not None:
            return layout
    return None


def _side_full_rows_ends(
    lines: list[str], header: list[int], rows: list[_Line], place: _Place, s: int
) -> Layout | None:
    """The layout of a side few of whose rows fill every column (a 收支决算总表's 支出 side: one row fills 预算数,
    调整预算数 and 决算数, the others leave 调整预算数 blank), where a header line names the side's columns, as many
    as its fullest rows fill, but not right-aligned over them (`项   目    预算数    调整预算数    决算数`): the
    fullest rows' figures give each column's edge (agreeing within AT_EDGE), and every other figure must end at
    one of those edges (columns._at_heading_ends), so that no figure's column is in doubt. None otherwise."""
    assert place.metric is not None
    k = max(len(r.figs) for r in rows)
    complete = [r for r in rows if len(r.figs) == k]
    if k < 2 or not any(_side_headings(lines[h], place, s) == k for h in header):
        return None
    row_edges = [_edges(lines[r.line], r.figs, place.metric) for r in complete]
    ends = agreed_edges(row_edges, k)
    return _at_heading_ends(lines, rows, ends, place.metric) if ends is not None else None


def _side_headings(line: str, place: _Place, s: int) -> int:
    """How many columns of figures a header line names on the side (0 left, 1 right): its words there after the
    side's label column's name, each a column's heading; 0 when the side's words do not open with that name or
    another word is no heading."""
    assert place.metric is not None
    metric = place.metric
    x = next((m.start() for m in WORD.finditer(line) if metric(line[: m.start()]) >= place.cut - SIDE_GAP), len(line))
    words = _header_words(line[:x] if s == 0 else line[x:])
    if len(words) < 2 or not LABEL_HEADER.search(words[0]):
        return 0
    return len(words) - 1 if all(column_heading(w) for w in words[1:]) else 0


def _place(
    lines: list[str], starts: list[int], rows: list[_Line], layout: Layout, at_row: dict[int, int], mapper: _Mapper
) -> dict[int, list[Cell]] | None:
    """A side's rows as grid cells (its label, then its columns), by grid row; None unless every figure falls
    clearly into a column. A row leaving cells blank whose figures follow one another a space or two apart is
    placed only where their decimals allow one placing, else its cells are unknown (columns.spaced_apart)."""
    k = len(layout.cols)
    out: dict[int, list[Cell]] = {}
    for row in rows:
        slots, by_place = _row_slots(lines[row.line], row.figs, layout)
        if slots is None and not by_place:
            unknown = _unplaced_row(row, k, mapper, at_row[row.line])
            if unknown is None:
                return None
            out[at_row[row.line]] = unknown
            continue
        if slots is None:
            return None
        cells = _body_row(row, starts[row.line], slots, k, mapper, at_row[row.line])
        if cells is None:
            return None
        out[at_row[row.line]] = cells
    return out


def _side_header(
    lines: list[str],
    starts: list[int],
    header: list[int],
    rows: list[_Line],
    layout: Layout,
    metric: Metric,
    cut: int,
    s: int,
    mapper: _Mapper,
    off: list[Cell],
) -> list[Cell]:
    """A side's header cells: the names over its columns (each header line cut where the right side's words
    begin: the left side's words alone, or the right side's in their place)."""
    own = list(lines)
    for h in header:
        line = lines[h]
        x = next(
            (m.start() for m in re.finditer(r"\S+", line) if metric(line[: m.start()]) >= cut - SIDE_GAP), len(line)
        )
        own[h] = line[:x] if s == 0 else " " * layout.metric(line[:x]) + line[x:]
    cells = _header_row(
        own, starts, header, layout.cols, mapper, layout.metric, _labels_end(own, rows, layout.metric), off
    )
    first = cells[0].start if s == 0 else _top_start(lines, starts, header[0] if header else rows[0].line, mapper)
    for c in cells:
        c.start = c.end = first
    return cells
