"""Pipe rows of the normalised text as grids of cells, with the caption above each, and tables continued
across pages joined.

A PDF renders one table per page: a table that goes on over the next page arrives as a second pipe table
whose first row is taken as a header. It is joined to the one before when nothing but debris (blank lines,
lines of bare figures that the text layer repeated, page marks, the same caption again) stands between
them, both have the same columns, and the second's first row is a data row, an empty row, or the first's
header again (then dropped).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from tieout.linter.patterns import regex
from tieout.linter.text.pipes import GROUP_ROW, bare_pipe_rows, cells

from .cells import CODE, Cell, flatten, is_number

SEPARATOR_ROW = regex(r"^\|(?:\s*[:：]?-{2,}[:：]?\s*\|)+\s*$")  # (the normaliser makes `:` full-width)
# a line of figures or codes only, a page mark (`- 12 -`, `第 3 页`): debris of a PDF's text layer
DEBRIS = regex(r"^(?:[-—–]?\s*\d{1,4}\s*[-—–]?|第\s*\d+\s*页|[\d,.\-%\s“”\"'—–]+)$")
# a unit note closing a caption line (`…决算表）单位：万元`, `…（单位：元）`)
UNIT_TAIL = regex(r"[（(]?(?:金额)?单位[：:]\s*(?:亿元|万元|千元|元)[）)]?$")
# who prepared the table, after its title on the caption line (`…预算表编制部门：某局`)
PREPARED_BY = "编制部门|编制单位|填报单位"  # the words a form names who prepared it by
PREPARER_TAIL = regex(rf"(?:{PREPARED_BY}|单位名称|部门名称)[：:].*$")
# a running head or foot: a short line of words, no figure, no sentence mark, no table's title (`某局2024年部门决算`)
RUNNING_HEAD = regex(r"(?![^表]*表$)(?!附?表\s*[\d一二三四五六七八九十])[^\d，。；：:,;|]{2,30}")
UNIT_ONLY = regex(r"^[（(]?(?:金额)?单位[：:]\s*(?P<unit>亿元|万元|千元|元)[）)]?$")
UNIT_NOTE = regex(r"单位[：:]\s*(?P<unit>亿元|万元|千元|元|%|人次|人|家|个|项|份)")
TOTAL_WORD = regex(r"^(?:合计|总计)$")
ENUMERATED = regex(
    r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．](?!\d))"
)
MAX_CAPTION = 3
# a short line that announces the table below it, whole (no sentence before it on the line): its title
ANNOUNCE = regex(r"^(?P<title>[^。；，,：:]{4,40})如下[：:]\s*$")
TITLE_LIKE = regex(r"表|单位[：:]|部门[：:]")
NOTE_LIKE = regex(r"^(?:单位|部门|编制部门|编制单位)[：:]")
# figures a PDF's text layer repeated just before a caption, glued to it by the normaliser (a year, as in
# `2026年`, is not debris)
DEBRIS_TOKEN = regex(r"\s*(?:[—–-]+|[\d,.%]+(?=[\s—–-]|$)|\d[\d,]*\.\d+(?=\D|$)|\d{1,3}(?:,\d{3})+(?=\D|$))")


def strip_debris(line: str) -> str:
    while True:
        m = DEBRIS_TOKEN.match(line)
        if not m or not m.group():
            return line.strip()
        line = line[m.end() :]


@dataclass
class Block:
    """One pipe table as written: its rows of cells and the text lines above it."""

    rows: list[list[Cell]]
    caption: list[str] = field(default_factory=list)  # nearest last
    start: int = 0  # normalised offset of the first row
    end: int = 0
    gap: list[str] = field(default_factory=list)  # the lines between the previous block and this one
    pieces: int = 1  # how many pipe tables were joined into this one
    breaks: list[int] = field(default_factory=list)  # the grid rows where each joined piece after the first starts
    open_end: bool = False  # the next pipe table goes on with its codes but could not be joined
    goes_on: bool = False  # the next table is surely this one continued (not joined)
    # the classification code of the first row of the next page's piece of it (nothing but page furniture
    # between): a parent whose code that one does not open with has all its rows here (relations._open)
    next_code: str = ""
    # the grid columns of a table laid out with spaces whose header words do not stand over their figures
    # (named by the nearest placing only); None where no name was placed by position (a pipe table's)
    off_header: set[int] | None = None
    # of such a table, the headings over groups of its columns: (first, last grid column, heading); the header row
    # holds each column's own name (`小计`, `购置费` under `公务用车购置及运行费`)
    groups: list[tuple[int, int, str]] = field(default_factory=list)
    # of such a table, whether every column's name is placed with certainty (placing.py): one header cell over
    # each column's figures and no other's, every row filling every column
    placed: bool = False
    # of such a table, whether its columns were placed at the right ends of its header's headings (a column no row
    # fills is then one its heading names, blank: columns._layout_header_ends)
    blank_named: bool = False
    # of such a table headed by a column for each level of indicators (`一级指标  二级指标  分值  得分`), each grid
    # row's names in those columns (a cell each, "" where the row leaves one blank); None where there are none or
    # a row's names do not stand clearly under them (levels.split_levels makes them the grid's first columns)
    levels: list[list[Cell]] | None = None
    # of such a table, whether its rows each name the unit their figures are in, in a column of words under a
    # heading of units (`指标名称  计量单位  年度目标  实际完成  完成率`): a column may then mix whole figures with
    # figures of decimals (120 个 beside 18.5 万吨), each row in its own unit
    measured: bool = False
    # of a space-aligned table whose rows are each a 合计 and its parts whose columns are not known (assembly._across):
    # its header's words, in order ("" for any other table); the grid's first column of figures is the 合计, a row's
    # figures after it its parts in order
    across: str = ""

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def read_blocks(text: str) -> list[Block]:
    """The pipe tables of the text in order, with their captions, continuations not yet joined."""
    blocks: list[Block] = []
    rows: list[list[Cell]] = []
    first = previous_start = 0
    pos = 0
    separated = False  # the current run of rows has had its separator row
    lines = text.split("\n")
    bare = bare_pipe_rows(lines)
    bare_run = False  # the current run's rows are written without outer bars
    for line, bare_row in zip(lines, bare):
        start = pos
        pos += len(line) + 1
        if line.startswith("|") or bare_row:
            if rows and bool(bare_row) != bare_run:
                # rows written another way (outer bars after rows without them, or the reverse) are another
                # table's: two tables set one under the other with only a blank line between them
                blocks.append(Block(rows, start=first, end=start))
                rows, separated = [], False
            if not rows:
                first = start
                bare_run = bool(bare_row)
            if bare_row or not SEPARATOR_ROW.match(line):
                # a Markdown row's cells stand between its bars (what follows the last is none); a row of a table
                # without outer bars has a cell after its last bar, and one before its first unless the run's rows
                # all open with a bar
                pieces = (
                    _group_row(line, rows)
                    if bare_row == GROUP_ROW
                    else cells(line, opened=bare_row == 2)
                    if bare_row
                    else cells(line, opened=True)[:-1]
                )
                rows.append(
                    [Cell(line[a:b], start + a, start + b, len(rows), col) for col, (a, b) in enumerate(pieces)]
                )
                previous_start = start
            elif len(rows) > 1 and not separated and not any(_is_data_row(r) for r in rows):
                # a header of two rows or more over the one separator (`| 合计 | 公务用车购置及运行费 | |` over
                # `| | 小计 | 购置费 |`): the run's first separator, under header rows only, closes one header
                separated = True
            else:
                if len(rows) > 1:
                    # a separator under a row: that row is the header of the next table (tables on
                    # consecutive pages rendered with nothing between them)
                    header = rows.pop()
                    blocks.append(Block(rows, start=first, end=previous_start))
                    for c in header:
                        c.row = 0
                    rows, first = [header], previous_start
                separated = True
            continue
        if rows:
            blocks.append(Block(rows, start=first, end=start))
            rows = []
        separated = False
    if rows:
        blocks.append(Block(rows, start=first, end=pos))
    if "<table" in text or "<TABLE" in text:
        from .html import grids

        blocks.extend(Block(grid, start=a, end=b) for a, b, grid in grids(text))
        blocks.sort(key=lambda b: b.start)
    _captions(text, blocks)
    return blocks


def _group_row(line: str, rows: list[list[Cell]]) -> list[tuple[int, int]]:
    """The cells of a group's heading written alone among a table's rows (`分产品`): its label, then as many blank
    cells as the row above has after its own."""
    lead = len(line) - len(line.lstrip())
    end = lead + len(line.strip())
    width = len(rows[-1]) if rows else 1
    return [(lead, end)] + [(end, end)] * (width - 1)


def _captions(text: str, blocks: list[Block]) -> None:
    """Each block's caption (the text lines just above it) and gap (every line since the previous block)."""
    previous_end = 0
    for b in blocks:
        between = text[previous_end : b.start].split("\n")
        b.gap = [strip_debris(ln) for ln in between if ln.strip()]
        b.gap = [ln for ln in b.gap if ln]
        caption: list[str] = []
        for ln in reversed(b.gap):
            if DEBRIS.match(ln.strip()):
                continue
            ln = strip_debris(ln)
            announced = ANNOUNCE.match(ln.strip()) if not caption else None
            if announced:  # `2025年全市社会保险基金收支情况如下：` right above: the table's title as a sentence
                caption.append(announced.group("title").strip())
                break
            if len(caption) == MAX_CAPTION or ln.rstrip().endswith(("。", "：", ":", "；")) and "单位" not in ln:
                break
            caption.append(ln.strip())
        b.caption = caption
        previous_end = b.end


def caption_rows(b: Block) -> None:
    """Rows at the top of a table that are its caption (a Word or PDF table that carries its own title and
    unit note in one merged cell: `| 收支预算总表 部门：… 单位：万元 |  |  |`, `| 附表1 |  |  |`)."""
    while len(b.rows) > 2:
        # a PDF's table may open with empty rows above its title (the frame's top lines): they go with the title;
        # left in the table, they would make it look like the rows of the table before going on
        lead = next((i for i, row in enumerate(b.rows) if not _empty(row)), len(b.rows))
        texts = _caption_texts(b.rows[lead]) if lead < len(b.rows) - 2 else None
        if texts is None:
            return
        b.caption.extend(texts)
        b.rows = b.rows[lead + 1 :]
        for r in b.rows:
            for c in r:
                c.row -= lead + 1


def _caption_texts(row: list[Cell]) -> list[str] | None:
    """The texts of a row that is the table's caption: a title or table number alone, or notes (部门：… 单位：万元);
    None for a row of several texts that is the header, or any other row."""
    texts = [flatten(c.text) for c in row if c.text]
    if not texts:
        return None
    if len(set(texts)) == 1:
        return texts if TITLE_LIKE.search(texts[0]) or TABLE_MARK.match(texts[0]) else None
    if not any(NOTE_LIKE.search(t) for t in texts) or len(texts) > 4 or any(is_number(t) for t in texts):
        return None  # a row of notes (部门：… 单位：万元) is caption; any other row of several texts is header
    return texts


TABLE_MARK = regex(r"^附?表\s*[\d一二三四五六七八九十]+(?:[-—－.]\d+)?$")


def split_stacked(b: Block) -> list[Block]:
    """One Word table that stacks several (附表1, its title, unit and rows; 附表2 …): split before each
    row that is only a table number or a title ending in 表, below a data row, or below empty rows under one (a
    PDF's tables drawn one under the other, the frame's lines between them read as rows: they go with the title
    below, caption_rows)."""
    cuts = []
    for r in range(2, len(b.rows)):
        texts = {flatten(c.text) for c in b.rows[r] if c.text}
        above = r - 1
        while above > 1 and _empty(b.rows[above]):
            above -= 1
        if len(texts) == 1 and _is_data_row(b.rows[above]):
            t = next(iter(texts))
            if TABLE_MARK.match(t) or t.endswith("表") and len(t) <= 60:
                cuts.append(above + 1)
    if not cuts:
        return [b]
    out = []
    for a, z in zip([0, *cuts], [*cuts, len(b.rows)]):
        rows = b.rows[a:z]
        for i, row in enumerate(rows):
            for c in row:
                c.row = i
        part = Block(rows, caption=list(b.caption) if a == 0 else [], start=rows[0][0].start, end=b.end)
        part.gap = b.gap if a == 0 else []
        out.append(part)
    return out


def join_continuations(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    # lines standing between several pairs of tables: a running head or foot repeated on every page
    seen: dict[str, int] = {}
    for x in blocks:
        for ln in {ln.strip() for ln in x.gap}:
            seen[ln] = seen.get(ln, 0) + 1
    repeated = {ln for ln, n in seen.items() if n >= 2}
    for b in (p for x in blocks for p in split_stacked(x)):
        caption_rows(b)
        wide = _widened(out[-1], b) if out else b
        if out and _continues(out[-1], wide, repeated):
            _append(out[-1], wide)
        else:
            if out and _codes_go_on(out[-1], b):
                out[-1].open_end = out[-1].goes_on = True
            out.append(b)
    return out


def _continues(a: Block, b: Block, repeated: set[str] | frozenset[str] = frozenset()) -> bool:
    if a.width != b.width or not b.rows or not _furniture_between(a, b, repeated):
        return False
    first = b.rows[0]
    return _same_row(first, a.rows[0]) or _empty(first) or _is_data_row(first) or _labels_only(first, a)


def _widened(a: Block, b: Block) -> Block:
    """The next page's piece of a table that has fewer columns than the table, given back the ones it left out:
    the table's first column, empty in every row (the page's rules drawn without it: `|  | 合计 | … |` then `| 三、服务
    | … |`), or the describing columns a total row's label spans on its own page (`| 类 | 款 | 项 | 名称 | 合计 | … |`
    then `| 合计 | 156,211 | … |`), its figures standing in the table's last columns. Else b as it is."""
    k = a.width - b.width
    if not b.rows or k < 1 or b.width < 1 or any(len(r) != b.width for r in b.rows):
        return b  # (a piece of no cells, `||` alone: nothing to give columns back to)
    if k == 1 and not any(r and r[0].text.strip() for r in a.rows):
        at = 0
    elif _spanned_totals(a, b, k):
        at = 1
    else:
        return b
    rows = [
        [
            *r[:at],
            *(Cell("", r[0].start, r[0].start, r[0].row, at + j) for j in range(k)),
            *(replace(c, col=c.col + k) for c in r[at:]),
        ]
        for r in b.rows
    ]
    return replace(b, rows=rows)


def _spanned_totals(a: Block, b: Block, k: int) -> bool:
    """Are b's rows total rows (`合计`, `总计`) of label and figures only, and a's first k + 1 columns ones that hold
    no figure (codes and names: a total row's label spans them)?"""
    for r in b.rows:
        if not TOTAL_WORD.match(flatten(r[0].text)) or not all(not c.text or is_number(c.text) for c in r[1:]):
            return False
    return not any(c.text and is_number(c.text) and not CODE.match(flatten(c.text)) for r in a.rows for c in r[: k + 1])


def _marked_or_unit(s: str, key: str, units: set[str]) -> bool:
    """A 续表 mark alone (`（续表）`), or the unit of the table before repeated alone above its rows on the next page
    (`单位：万元`)."""
    if CONTINUED.search(flatten(s)) and not key:
        return True
    unit = UNIT_ONLY.match(flatten(s))
    return unit is not None and unit.group("unit") in units


def _furniture_between(a: Block, b: Block, repeated: set[str] | frozenset[str]) -> bool:
    """Is every line between the two tables page furniture: blank, a page's number, a 续表 mark, the first's
    caption or unit repeated, or a running head (words alone beside a page's number, or repeated between other
    tables as a page's head is)?"""
    known = {_caption_key(ln) for ln in a.caption} | {flatten(ln) for ln in a.caption}
    units = {m.group("unit") for ln in a.caption for m in UNIT_NOTE.finditer(flatten(ln))}
    heads: list[str] = []  # lines of words alone: a running head or foot
    paged = False
    for ln in b.gap:
        s = ln.strip()
        key = _caption_key(s)
        if units and any(u.group("unit") not in units for u in UNIT_NOTE.finditer(flatten(s))):
            return False  # another unit: another table
        paged = paged or bool(s and DEBRIS.match(s) and any(ch.isdigit() for ch in s))
        if not (
            not s
            or _marked_or_unit(s, key, units)
            or DEBRIS.match(s)
            or _repeats(key, known)
            or _repeats(flatten(s), known)
        ):
            if not RUNNING_HEAD.fullmatch(s):
                return False
            heads.append(s)
    # words between the pieces, neither beside a page's number nor repeated between other tables as a page's head
    # is: another table's or the text's
    return not heads or len(heads) <= 2 and (paged or all(h in repeated for h in heads))


# a table's number before its title: 表2, 附表1-7, 表三 (a Chinese numeral only before a break: `表一一般公共预算…`
# is read whole rather than lose the title's first character)
TABLE_NO = regex(r"^(?:附?表\s*(?:\d+(?:[-—－.]\d+)*|[一二三四五六七八九十]+(?=[\s：:、.．]|$)))\s*")
# the mark of a table continued on the next page: （续表）, 续表2, （续）
CONTINUED = regex(r"[（(]\s*续表?\s*[\d一二三四五六七八九十]*\s*[）)]|^续表\s*[\d一二三四五六七八九十]*")


BRACKETED = regex(r"[（(：:\s]*(.*?)[）)]?")


def _caption_key(line: str) -> str:
    """A caption as repeated on the next page: the table number may be left out (表1-7), a 续表 mark added
    (`续表（…总表）`: the title in brackets after the mark)."""
    key = PREPARER_TAIL.sub("", UNIT_TAIL.sub("", TABLE_NO.sub("", CONTINUED.sub("", flatten(line)))))
    bracketed = BRACKETED.fullmatch(key) if line.lstrip().startswith("续") else None
    return bracketed.group(1) if bracketed else key


def _repeats(key: str, known: set[str]) -> bool:
    """The caption of the table before, repeated (maybe without its number: 表1-7 left out, or the number of its
    section: `三、支出决算表` / `支出决算表（续）`)."""
    return (
        key in known
        or len(key) >= 8
        and any(k.endswith(key) for k in known)
        or any(ENUMERATED.sub("", k, count=1) == key for k in known)
    )


def _labels_only(row: list[Cell], a: Block) -> bool:
    """A row with text only where the table before has its labels, blank where it has figures: an item
    row whose figures are blank (`| 使用非财政拨款结余 |  | 结余分配 |  |`), not a header."""
    body = [r for r in a.rows if _is_data_row(r)]
    if not body:
        return False
    figure_cols = {c.col for r in body for c in r if c.text and is_number(c.text) and not CODE.match(flatten(c.text))}
    label_cols = {c.col for r in body for c in r if c.text and not is_number(c.text)}
    filled = {c.col for c in row if c.text}
    if len(filled) < 2 or any(TITLE_LIKE.search(c.text) for c in row if c.text):
        return False
    return filled <= label_cols - figure_cols


def _codes_go_on(a: Block, b: Block) -> bool:
    """The next table starts (after the first's header repeated, if it is) with a code under one of the
    last row's codes (30312 after 30311): the table goes on on the next page in a shape that could not be
    joined, whatever stands between (a unit of its own, a mark not read): its last parent is left open, which
    loses a check at worst."""
    if not a.rows or not b.rows:
        return False
    rows = [r for k, r in enumerate(b.rows) if not (k < len(a.rows) and _same_row(r, a.rows[k]))]
    last = [flatten(c.text) for c in a.rows[-1] if CODE.match(flatten(c.text))]
    first = [flatten(c.text) for c in rows[0] if CODE.match(flatten(c.text))] if rows else []
    return bool(last and first) and first[0][:3] == last[0][:3]


def _append(a: Block, b: Block) -> None:
    from .header import header_rows

    rows = list(b.rows)
    # the first's header repeated on the new page, row by row (a column-numbering row included)
    n = header_rows(a.rows)
    k = 0
    while k < len(rows) and k < n and _same_row(rows[k], a.rows[k]):
        k += 1
    rows = rows[k:]
    while rows and _empty(rows[0]):
        rows = rows[1:]
    base = len(a.rows)
    for i, row in enumerate(rows):
        for c in row:
            c.row = base + i
    a.breaks.append(base)
    a.rows.extend(rows)
    a.end = b.end
    a.pieces += 1


def _same_row(x: list[Cell], y: list[Cell]) -> bool:
    return [flatten(c.text) for c in x] == [flatten(c.text) for c in y]


def _empty(row: list[Cell]) -> bool:
    return all(not c.text for c in row)


def _is_data_row(row: list[Cell]) -> bool:
    """A row of figures or classification codes, or an enumerated item (`十六、金融支出`). The first filled
    cell may be a bare number that is a code; any figure after it makes the row data."""
    texts = [flatten(c.text) for c in row if c.text]
    if any(is_number(t) for t in texts[1:]):
        return True
    if texts and CODE.match(texts[0]) and len(texts) > 1:
        return True
    return any(ENUMERATED.match(t) for t in texts)


# a title closed by its unit in brackets, no 单位 written (`表二：支出功能分类预算表（万元）`)
TITLE_UNIT = regex(r"表\s*[（(](?P<unit>亿元|万元|千元|元)[）)]\s*$")


# a unit note listing the units of the table's columns (`单位：个、万元、%`: a count, the amounts, the shares)
UNIT_LIST = regex(r"单位[：:]\s*(?P<units>[\u4e00-\u9fff%％]{1,2}(?:\s*[、，,/]\s*[\u4e00-\u9fff%％]{1,2})+)")
UNIT_SEPARATOR = regex(r"[、，,/]")
UNIT_LIST_MONEY = ("亿元", "万元", "千元", "元")


def unit_of(caption: list[str]) -> str:
    for ln in caption:
        m = UNIT_NOTE.search(flatten(ln))
        if m:
            return _listed_money(flatten(ln)) or m.group("unit")
    for ln in caption:
        m = TITLE_UNIT.search(flatten(ln))
        if m:
            return m.group("unit")
    return ""


def _listed_money(line: str) -> str:
    """The one unit of money a unit note lists after a unit of counting (`单位：个、万元、%`): the unit of the table's
    amounts, the count's column saying by its heading what it counts (`专项个数`, header.COUNTED_UNITS) and the
    shares' by theirs. "" where the note lists one unit, opens with money, or lists no money or two."""
    m = UNIT_LIST.search(line)
    if m is None:
        return ""
    units = [u.strip() for u in UNIT_SEPARATOR.split(m["units"])]
    money = [u for u in units if u in UNIT_LIST_MONEY]
    return money[0] if len(money) == 1 and units[0] not in UNIT_LIST_MONEY else ""
