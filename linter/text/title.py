"""A document's title block: the lines that open it, read once for every reader of them.

The facts read the document's context and genre from it, the table reader the context every table inherits;
both are to read the same lines (a table's caption right under the title is the table's, not the document's).
"""

from __future__ import annotations

from collections.abc import Sequence

from tieout.linter.patterns import regex
from tieout.linter.text.model import Document
from tieout.linter.vocab import load

TITLE_CHARS = 80  # a title line is short; a longer one is prose
# a table's caption or row, or a line stating a figure, under a title: it states its own table's or figure's
# context (表三 一般公共预算财政拨款…决算表, `| 一般公共预算财政拨款收入 | 759.81 |`), not the document's
NOT_TITLE = regex(r"^\s*[|｜]|^\s*附?表\s*[\d一二三四五六七八九十]|\d[.．]\d|\d{5,}|\d\s*(?:万元|亿元|元|%)")
TITLE_LINES = 6
# a table's caption without its number (`一般公共预算财政拨款基本支出决算表`, `收支预算总表（单位：万元）`): a line ending in
# 表, a bracketed note after it at most
CAPTION = regex(r"[\u4e00-\u9fff]表\s*(?:[（(][^（）()]*[）)])?\s*$")
SALUTATION = regex(r"^(?:各位代表|各位委员|主任、副主任)")
# a date of writing or delivery in a title block: a line of only a date, bracketed or not with the act it dates
# (`（2025年9月18日公告）`), or a dash and a date; and a notice's serial number (`2025年第6号（总第58号）`): the
# year a notice is published or numbered in is not the year its figures are of
DATED = regex(
    r"^\s*[（(]?\s*\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*(?:公告|发布|印发)?\s*[）)]?\s*$"
    r"|[—－-]{1,2}\s*\d{4}\s*年\s*\d{1,2}\s*月.*$"
    # (the session a report was delivered at, bracketed: `（2025年10月28日在某区人大常委会第三十一次会议上）`)
    r"|^\s*[（(]\s*\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*在[^（）()]{2,60}?会议上\s*[）)]"
    # (or with no brackets, at the head of its line: `2025年8月5日在某区人大常委会第二十八次会议上`)
    r"|^\s*\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*在[^（）()，。]{2,60}?会议上"
    # (the office that wrote it and the date, bracketed at the end of the block, `（某市税务局收入核算科　2024年11月）`
    # under the title, which the lines joined put after it; not a span or a cut-off the figures are of,
    # `（截至2024年10月）`, `（第三季度 2024年9月）`)
    r"|[（(](?![^（）()]*?(?:截至|截止|至|到|累计|期间|以来|季|半年))[^（）()\d]{2,40}?\s*\d{4}\s*年\s*\d{1,2}\s*月"
    r"(?:\s*\d{1,2}\s*日)?\s*[）)]\s*$"
    r"|^\s*\d{4}\s*年\s*第\s*\d{1,3}\s*号(?:\s*[（(]\s*总第\s*\d{1,4}\s*号\s*[）)])?\s*$"
    # a date the title block labels as the report's (`报告日期：2025年6月`, `编制日期：2025年3月10日`), alone on its
    # line or among the block's other fields (`评价实施机构：…　报告日期：…`): when it was written, not its year
    r"|(?:报告|编制|印发|发布|成文|出具|提交|自评|评价|填报)日期\s*[：:]\s*\d{4}\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?"
)


def title_text(doc: Document) -> str:
    """The title block: the first lines of the document, up to the salutation or the first line of
    prose (a line ending a sentence), without the dates it was written or delivered on (`2024 年 9 月`,
    `——2026年2月4日在…会议上`). Prose after it may name other genres (`…一并提交部门预算草案`)."""
    title: list[str] = []
    headings = {s.start for s in doc.sections if s.title}
    offset = 0
    for line in doc.text[: TITLE_CHARS * 4].split("\n")[:TITLE_LINES]:
        start, offset = offset, offset + len(line) + 1
        prose = len(line) > TITLE_CHARS or line.rstrip().endswith(("。", "！", "？"))
        if SALUTATION.match(line) or prose or (title and (start in headings or NOT_TITLE.search(line))):
            break  # the salutation, a paragraph of prose, the first heading, table or figure after the title
        if title and CAPTION.search(line) and genre_of("".join(title)):
            break  # a table's caption under a title that names its genre: the table's fund is not the report's
        title.append(DATED.sub("", line))
    return _unsigned("".join(title))


# the date closing a title block (its lines are joined): `…2024年7月12日`
CLOSING_DATE = regex(r"\s*\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*$")


# the end of an office's name (`财政局`, `财政厅`, `人民政府`, `办公室`)
OFFICE_END = regex(r"(?:局|厅|委员会|办公室|中心|政府)$")


def _unsigned(title: str) -> str:
    """The title block without the signature under it: the body that opens the title (`淮泽市税务局2024年上半年…`)
    named again with a date (`淮泽市税务局　2024年7月12日`) wrote the report then; its figures are not of that date."""
    date = CLOSING_DATE.search(title)
    if date is None:
        return title
    if OFFICE_END.search(title, 0, date.start()):
        return title[: date.start()]  # `…运行分析　某市某区财政局　2026年10月`: an office signs, a date after it
    head = title[: date.start()]
    for name in entity_names(head):
        if head.endswith(name) and len(head) > len(name) and head.startswith(name):
            return head[: -len(name)]
    return title


# a department's name in its title: what comes before the year or the genre's words (`上海市某区某局2024年度部门决算`)
ENTITY = regex(r"^(?:关于)?(?P<name>[^\d（(，。]{4,30}?)(?:\s*(?:19|20)\d{2}\s*年|部门|单位)")
MIN_ENTITY = 4


def entity_names(title: str) -> tuple[str, ...]:
    """The names a department's title gives it, longest first: in full, and without its region (上海市普陀区财政局,
    普陀区财政局, 财政局 is too short to be a name of its own), its region's level kept or not (a report names its
    department by the level alone: `市文化广电和旅游局` of 南湖市文化广电和旅游局, `区司法局` of 青川区司法局)."""
    m = ENTITY.match(title.strip())
    if m is None:
        return ()
    name = m.group("name").strip()
    cuts = [k + d for k, ch in enumerate(name) if ch in "省市区县" for d in (0, 1) if k + d > 0]
    names = [name] + [name[k:] for k in cuts if len(name) - k >= MIN_ENTITY]
    return tuple(dict.fromkeys(names))


def genre_of(title: str) -> str:
    """The genre a title names by its words (vocab/genres.yaml `title_words`), "" none."""
    for genre, spec in load("genres").items():
        if any(w in title for w in spec.get("title_words", [])):
            return str(genre)
    return ""


# the short name a report gives its department where it first names it in full (`某市人民政府国有资产监督管理委员会
# （以下简称“市国资委”）`): the words in the quotes, and nothing else, are that name from there on
SHORT_NAME = regex(r"\s*[（(]\s*(?:以下)?简称\s*[“\"「](?P<short>[\u4e00-\u9fff]{2,12})[”\"」]\s*[)）]")


def declared_short_names(text: str, names: Sequence[str]) -> tuple[str, ...]:
    """The short names a report declares for its department (`entity_names`), each right after one of its names in
    full. Only a declaration says for certain that a short name is the department's: `市国资委` could as well
    be another body's name."""
    if not names or "简称" not in text:
        return ()  # (most reports declare none, and are not scanned)
    named = tuple(names)
    return tuple(dict.fromkeys(h["short"] for h in SHORT_NAME.finditer(text) if text[: h.start()].endswith(named)))
