"""The header of a table: which top rows are header, each column's header path (merged cells filled), and
the kind of each column (codes, labels, figures), from which the sides of a two-sided table follow."""

from __future__ import annotations

from functools import cache

from tieout.linter.patterns import regex

from .blocks import _is_data_row
from .cells import CODE, DASH, DASH_CHARS, NUMBER, Cell, flatten
from .vocab import no_figure, words

# a column's unit in its header: money, a percentage, or a count of whole things (`编制数（人）`: exact figures)
HEADER_UNIT = regex(r"[（(](?P<unit>亿元|万元|千元|元|%|％|人次|人|名|个|辆|台|套|份|户|家|所|项)[）)]|(?P<pct>[%％])$")
# a row of column numbers under the header (栏次 | 1 | 2 | 3 …), or of the columns' letters and formulas (`公式 | A=B+C |
# B | C`: the standard form of a government's debt limits and balances, 地方政府债务限额及余额情况表)
SERIAL = frozenset({"序号", "行次", "栏次", "编号"})
SERIAL_ENDS = tuple(SERIAL)
NUMBERING = regex(r"^(?:栏次|行次|公式)$")


def header_rows(grid: list[list[Cell]]) -> int:
    """The number of top rows before the first data row (a row of figures, codes or enumerated items), or before a
    statement's part named with a colon under the header (`流动资产：`: the rows' first group, no heading of a
    column)."""
    for r, row in enumerate(grid):
        if _is_data_row(row) and not _numbering(row) or r and (_part_heading(row) or block_heading(grid, r)):
            return r
    return len(grid)


def _label_alone(row: list[Cell]) -> str:
    """The row's label where it is the only cell filled, else ""."""
    texts = [c.text for c in row if c.text.strip()]
    return flatten(row[0].text) if len(texts) == 1 and row and flatten(row[0].text) == flatten(texts[0]) else ""


def block_heading(grid: list[list[Cell]], r: int) -> bool:
    """Is grid row r a label alone over a block of rows whose items repeat under another label alone below it
    (`社会保险基金合计` over `一、基金收入 …`, then `机关事业单位基本养老保险基金` over `一、基金收入 …` again)? The heading of
    the table's first block, not a line of its header."""
    if not _label_alone(grid[r]) or r + 1 >= len(grid) or not _is_data_row(grid[r + 1]):
        return False
    first = flatten(grid[r + 1][0].text) if grid[r + 1] else ""
    return bool(first) and any(
        _label_alone(grid[k]) and grid[k + 1] and flatten(grid[k + 1][0].text) == first
        for k in range(r + 2, len(grid) - 1)
    )


# a part of a statement named alone in its row (`流动资产：`, `非流动负债：`), its other cells blank; not `其中：` (parts of
# the row above), a dimension the rows are split by once more (`按来源分：`: the same total again), nor a note
STATEMENT_PART = regex(r"^(?!其中|按|注|说明|备注)[\u4e00-\u9fff]{2,12}[：:]$")
# a group's name alone in black brackets (`【决策】`, `【产出】`: a score table's dimension over its indicators), named
# as a statement's part is, the group's rows right under it at its own indentation
BRACKETED_PART = regex(r"^【[\u4e00-\u9fff]{1,12}】$")


def part_name(label: str) -> bool:
    """Does the label name the part of the rows under it, and nothing of its own (`流动资产：`, `【过程】`)?"""
    return STATEMENT_PART.match(label) is not None or BRACKETED_PART.match(label) is not None


def _part_heading(row: list[Cell]) -> bool:
    """Is the row a part's name alone (`流动资产：`), its other cells blank?"""
    return part_name(_label_alone(row))


# a cell of a column-numbering row: `1`, `3=2/1*100`, `5=4-2`, `A=B+C`
COLUMN_NUMBER = regex(r"^(?:\d{1,2}|[A-Z])(?:=[\dA-Z+\-*/×÷()（）]+)?$")


def _numbering(row: list[Cell]) -> bool:
    """A row of column numbers under the header (栏次 | 1 | 2 | 3, or 1 | 2 | 3=2/1*100 | 4 | 5=4-2)."""
    texts = [flatten(c.text) for c in row if c.text]
    if any(NUMBERING.match(t) for t in texts):
        # `栏次 | 1 | 2 | 3` (a name of the row beside it at most); not a header naming a 行次 column among its
        # others (`项目 | 行次 | 预算数`)
        words = [t for t in texts if not NUMBERING.match(t) and not COLUMN_NUMBER.match(t)]
        return len(words) <= 1
    marks = [t for t in texts if COLUMN_NUMBER.match(t)]
    if len(marks) < 3 or len(marks) != len(texts):
        return False
    firsts = [int(t.split("=")[0]) for t in marks if t.split("=")[0].isdigit()]
    return (
        len(firsts) == len(marks)
        and firsts == list(range(firsts[0], firsts[0] + len(firsts)))
        or any("=" in t for t in marks)
    )


def paths(grid: list[list[Cell]], n: int, width: int) -> list[list[str]]:
    """Each column's header texts top down. An empty header cell continues the cell to its left when that
    one starts a span inside the same parent span (a merged cell), else the cell above (a vertical merge)."""
    out = [[""] * n for _ in range(width)]
    starts: list[list[int]] = [[0] * width for _ in range(n)]  # the column where each cell's span starts
    for r in range(n):
        row = grid[r]
        for c in range(width):
            text = flatten(row[c].text) if c < len(row) else ""
            parent_start = starts[r - 1][c] if r else 0
            if text:
                out[c][r] = text
                starts[r][c] = c
            elif (
                c > 0 and (starts[r - 1][c - 1] if r else 0) == parent_start and out[c - 1][r] and c - 1 >= parent_start
            ):
                out[c][r] = out[c - 1][r]
                starts[r][c] = starts[r][c - 1]
            else:
                out[c][r] = ""
                starts[r][c] = parent_start if r else c
    return out


def column_kinds(body: list[list[Cell]], heads: list[list[str]], width: int) -> list[str]:
    """`code`, `text`, `number`, or `empty` for each column, from its body cells (and header for codes)."""
    code_words = words("code_headers")
    kinds = []
    filled: list[list[str]] = [[] for _ in range(width)]  # each column's filled cells, read in one pass
    dash = DASH.match
    for row in body:
        for column, cell in zip(filled, row):  # (the row's first `width` cells)
            text = cell.text
            # (not cell.blank, nor a word in place of a figure)
            if text and not (text[0] in DASH_CHARS and dash(text)) and not no_figure(text):
                column.append("".join(text.split()))  # (flatten, inlined: a call less for every cell)
    for c in range(width):
        texts = filled[c]
        head = heads[c]
        if not texts:
            kinds.append("empty")
            continue
        if any(h.endswith(SERIAL_ENDS) for h in head if h):
            # 序号 / 行次: numbers that describe the row (`收入行次`: a side's name over the header run into it)
            kinds.append("text")
            continue
        codes = list(filter(CODE.match, texts))
        coded_head = any(h in code_words for h in head if h)
        if codes and len(codes) >= 0.6 * len(texts) and (coded_head or _code_shaped(codes)):
            kinds.append("code")
        elif all(NUMBER.match(t) for t in texts):
            kinds.append("number")  # (all: is_number of flat texts, which stops at a column's first label)
        else:
            kinds.append("text")
    return kinds


def _code_shaped(codes: list[str]) -> bool:
    """Classification codes without separators and without a header saying so: 类 3 digits, 款 and 项 2
    more each (201, 20106, 2010601), at least two levels, every longer code under a 类 of the column."""
    lengths = {len(t) for t in codes}
    if not lengths <= {3, 5, 7} or len(lengths) < 2:
        return False
    classes = {t for t in codes if len(t) == 3}
    return all(t[:3] in classes for t in codes)


def sides(kinds: list[str], heads: list[list[str]]) -> list[tuple[int, int]]:
    """Column ranges [a, b) of the sides: each a run of describing columns (codes, labels) then figures. A text
    column headed as a row's value or remark (vocab value_headers: `指标值`, `完成值`, `备注`) opens no side."""
    values = words("value_headers")
    out: list[tuple[int, int]] = []
    start = 0
    seen_number = False
    for c, k in enumerate(kinds):
        valued = c < len(heads) and any(flatten(h) in values for h in heads[c] if h)
        if k in ("code", "text") and seen_number and "number" in kinds[c:] and not valued:
            out.append((start, c))
            start, seen_number = c, False
        elif k == "number":
            seen_number = True
    out.append((start, len(kinds)))
    return out


def column_unit(path: list[str], table_unit: str) -> str:
    for text in reversed(path):
        m = HEADER_UNIT.search(text)
        if m:
            return (m.group("unit") or "%").replace("％", "%")
    counted = COUNTED_HEADER.search(path[-1]) if path and table_unit in MONEY_OR_NONE else None
    return COUNTED_UNITS[counted.group()] if counted else table_unit


# a header naming a count of whole things (`编制数`, `人数`, `车辆数`): its figures are that many, whatever the
# table's money unit note says (not a table whose note gives another unit of counting)
COUNTED_UNITS = {
    "人数": "人",
    "编制数": "人",
    "户数": "户",
    "份数": "份",
    "辆数": "辆",
    "家数": "家",
    "个数": "个",
    "问题数": "个",  # an audit report's problems found, by category (审计查出问题 … 问题数 | 涉及金额)
    "项目数": "个",
}
COUNTED_HEADER = regex(f"(?:{'|'.join(COUNTED_UNITS)})$")
MONEY = ("元", "千元", "万元", "亿元")
MONEY_OR_NONE = ("", *MONEY)  # (a table in 万人 counts its 人数 in 万人)


# the first character of a name's second line, never of a name of its own (`和结余`, `（境）费`)
CONTINUES = ("和", "及", "与", "（", "(")


@cache
def _identity_names() -> frozenset[str]:
    """Every column name the standard table identities use (`年初结转和结余`, `因公出国（境）费`), their terms' wordings
    as identities() reads them (one reading of the file)."""
    from .identities import identities  # (here: identities → relations → header, a cycle at module level)

    return frozenset(w for ident in identities() for term in (ident.total, *ident.parts) for w in term.words)


def wrapped_names(heads: list[list[str]], grid: list[list[Cell]], n: int) -> list[list[str]]:
    """A name a PDF's table wrapped over two header rows (`年初结转` over `和结余`, `因公出国` over `（境）费`) read
    whole. The upper cell spans no column beside it (else it heads a group over its parts, `本年支出` over
    `小计`), and only where the two joined are a column name of the standard identities while the lower alone is
    none, and the upper alone is none either or the lower cannot open a name (`和…`, `（…`): a group of one
    part over a name of its own stays as it is."""
    names = _identity_names()
    width = len(heads)
    for c, path in enumerate(heads):
        for r in range(n - 1):
            upper, lower = _own(grid, r, c), _own(grid, r + 1, c)
            if not upper or not lower or (c + 1 < width and not _own(grid, r, c + 1)):
                continue
            joined = upper + lower
            if joined in names and lower not in names and (upper not in names or lower.startswith(CONTINUES)):
                heads[c] = [*path[:r], joined, "", *path[r + 2 :]]
                break
    return heads


def _own(grid: list[list[Cell]], r: int, c: int) -> str:
    """The text of a header cell itself (not filled from a merged cell beside or above)."""
    return flatten(grid[r][c].text) if c < len(grid[r]) else ""
