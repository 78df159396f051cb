"""A count of things stated right before the names of all of them: in its sentence (`项目共 8 个，分别为：甲、乙…`,
`下属单位 3 个，包括：甲局、乙中心、丙校`), or in the table of units it announces (`…的单位共 4 个，具体为：` and a
table of one row per unit).

Read only where the list is certain. The words say it names them all (`分别为`, `具体为`, `具体包括`, `包括：`,
`，即`, `，为` with two names at least, or a bare colon: `共有五个项目：甲项目、乙工程…`, its names each ending as
such a thing's), right after the count and its noun, with no other count in the clause and no `等` or `主要有`
before the count in its clause (`甲局等 4 个单位`: things named before it, some of them); or a bracket right after
the count and its noun holds two names or more and nothing else (`亏损企业 3 户（文旅集团、公交集团）`, each name
ending as an enterprise's: vocab counted_names); or the count names fields right before a colon (`重点投向 6 个
领域：交通基础设施、农林水利…`: vocab counted_fields), their plain nouns split at `、` closing the sentence. The list
is not left open (`等`, `其他`, an item counting several, a first item opening `含`, `主要`, `分属`…) nor nested (an
item closing with a bracket of several names: `甲集团（含乙公司、丙公司）`); it ends where its sentence does, or
before a clause saying something of all its
items (`，涉及资金 X`: vocab list_closers) or counting things of its own (`；工程类 2 个项目分别为…`); its items are
split at `、` (and at `；` when every item is named as the thing counted: `甲市东山县、西山县；乙市南山县`; at `，`
in a list parted by commas alone, every item so named: `甲局（行政单位），乙院（公益一类事业单位）`), never
inside quotes or brackets (a count in brackets, `公益一类`, is no clause counting things of its own); `和`/`与`/`及` inside an item joins one name (`技术服务与应用研究`), or two when both
are named as the thing counted (`甲项目和乙项目`), and at the list's end may join two (the count may be one more).
An item counting several of the things by a name each of them has (`5 所学校` of 单位: vocab counted_members)
counts for as many; so does one naming the unit itself and those under it (`局机关本级和所属 6 个事业单位`: 7), after
a bare `包括` too (`单位共 7 个，包括局机关本级和所属 6 个事业单位`), the two being every unit of the department. Items naming kinds or fields of the things (`新建项目`, `行政单位`, `…类`, `教育`) leave the list unread. The items are the things counted: each
is named as such a thing (vocab counted_names: `…局`, `…中心` for 单位; `…项目`, `…工程` for 项目), or, in a
`分别为` list right after the count, is a plain name named as no other thing.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import CountedList
from tieout.linter.facts.passes.counted import GROUPED, NAMED_THINGS, THING_COUNTERS, THING_NOUNS
from tieout.linter.figures.context import CLAUSE_END
from tieout.linter.figures.quantities import Quantity, count_number
from tieout.linter.parse.tables.cells import Cell
from tieout.linter.patterns import regex
from tieout.linter.vocab import load

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft
    from tieout.linter.parse.tables import Table

COUNTERS = (*THING_COUNTERS, "项")
# the fields a count may name before a colon and a list of them in plain nouns (`6 个领域：交通基础设施、…`)
FIELDS = tuple(str(w) for w in load("relations").get("counted_fields") or [])
NOUN = "|".join(sorted((*THING_NOUNS, *FIELDS), key=len, reverse=True))  # (the longest first)
# after the count: its noun (unless before it), a comma, the words saying the names that follow are all of them
OPENS = regex(
    rf"(?P<noun>{NOUN})?\s*(?P<comma>[，,])?\s*"
    r"(?:(?P<word>分别为|分别是|具体为|具体是|具体包括|包括(?=\s*[：:]|[\u4e00-\u9fff]{0,8}本级(?:和|及|以及))|即|为)"
    r"\s*[：:]?|(?P<bare>[：:]))\s*"
)
AFTER_COMMA = ("即", "为")  # (words opening the names only after a comma: `共 3 个，即…`, not `3 个即可`)
# right after the count (and its noun), a bracket holding the names of all the things counted (`亏损企业 3 户（文旅
# 集团、公交集团）`), the words saying so at most before them
BRACKETED = regex(rf"(?P<noun>{NOUN})?\s*[（(]\s*(?:分别为|分别是|即)?\s*[：:]?\s*")
CLOSE_BRACKET = regex(r"[）)]")
# before the count in its clause: what says its things are some of those named (`甲局等 4 个单位`) or the count
# that of the main ones (`主要有 12 户`)
PARTIAL_BEFORE = regex(r"等(?:共有|共计|共|有)?\s*$|(?:主要|重点)(?:包括|包含|有|是|为|涉及|集中)")
# the words opening a list's first item that say it names some things only, what the things hold (`含…`) or
# what they belong to (`分属甲集团、乙集团`)
PARTIAL_FIRST = regex(
    r"^(?:主要|重点|包括|包含|含|其中|如|例如|比如|涉及|不含|除|分属|属于|隶属|均为|均属|均系|系|由|占)"
)
# an item naming several things in the brackets closing it (`甲集团（含乙公司、丙公司）`, `…项目（一期、二期）`): a
# list nested in the list (brackets inside a name, `…基础建设（水质监测、水资源保护）项目`, are part of it)
NESTED = regex(r"[（(][^（()）]*[、，,；;][^（()）]*[）)]\s*$")
MIN_NAMES = 2  # names a list must give where its opening words may also say something else (`，为`, a bracket)
# an item counting several of the things counted (`5 所学校`, `3 个事业单位`): its count and what it counts, which
# must be one of the things (vocab counted_members: a 学校 is a 单位; a 科室 is no 单位 of its own)
COUNT_ITEM = regex(r"^(?P<n>\d+|[一二两三四五六七八九十]+)\s*[个家所户](?P<what>[\u4e00-\u9fff]+)$")
# the unit itself and all those under it, in one item (`局机关本级和所属 6 个事业单位`: 7 units); after a bare
# `包括` too, since the two together are every unit of the department
# (`所属` there is all of them: with the unit itself, every unit of the department; a `下属 5 所学校` among other
# items is a group of them)
OWN_LEVEL_AND = regex(r"^[\u4e00-\u9fff]{0,8}本级(?:和|及|以及)(?:其)?(?:所属|下属|直属)?(?P<rest>.+)$")
MEMBERS: dict[str, tuple[str, ...]] = {
    str(k): tuple(str(w) for w in v or []) for k, v in (load("relations").get("counted_members") or {}).items()
}
# an item mark opening the list (`一是`, `（一）`, `1.`): items enumerated, not names (passes.counted)
MARKED = regex(r"^(?:[一二三四五六七八九十]{1,3}是|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d))")
# before the count: its noun (`项目共 8 个`, `下属单位有 3 个`)
NOUN_BEFORE = regex(rf"(?P<noun>{NOUN})(?:共有|共计|合计|总计|一共|总共|共|有)?\s*$")
PLAIN = ("分别为", "分别是")  # (the words after which the names of a count's things may be plain names)
# after the count and its noun, a clause of what the things do or are (`存在超标准列支问题`, `执行率超过 95%`) up to
# `，分别为` and the names; what says the names may be of other things: another thing counted or named, `的` making
# the things a noun's attribute (`3 个单位的下属机构`), a list left open
THING_NOUN = "|".join(THING_NOUNS)
PREDICATED = regex(
    rf"(?P<noun>{THING_NOUN})(?P<pred>[^，,；;。：:（(“”]{{2,24}}?)[，,]\s*(?:分别为|分别是)\s*[：:]?\s*"
)
OTHER_SUBJECT = regex(rf"{THING_NOUN}|{'|'.join(FIELDS)}|的|等|下属|所属|其中|包括|含")
# a figure in that clause other than a percentage (`执行率超过 95%` is a condition, not an amount)
FIGURE = regex(r"\d")
PERCENT = regex(r"\d[\d.,]*\s*[%％]")
CLAUSE_BREAK = regex(r"[；;。：:]")
# a count of things (`4 家`, `两个`); a clause counting things of its own: another statement, not more names
COUNT = r"(?:\d+|[一二两三四五六七八九十]+)\s*[个家所项类户]"
ANY_COUNT = regex(COUNT)
OWN_COUNT = regex(rf"^[^，,；;。：:]{{0,20}}?{COUNT}")
CLOSERS = tuple(str(w) for w in load("relations").get("list_closers") or [])
# what leaves a list open or uncertain: `等`, `或`, an item for the rest (`其他`)
# (其他, 其余 are GROUPED's, tested with it)
OPEN_LIST = regex(r"等|或|[.…]{2,}|。。")
CJK = regex(r"[\u4e00-\u9fff]")
ITEM_BREAK = regex(r"[、；;]")
COMMA_BREAK = regex(r"[，,]")  # (the items of a list parted by commas alone: `_comma_list`)
JOINED = regex(r"(?:以及|及)(?!其)|和|与")  # names joined inside an item: one name or two (`甲集团及其子公司`: one)
AMOUNT_END = regex(r"\s*[-−]?\d[\d,.]*\s*(?:亿元|万元|千元|元)$")
BRACKET_END = regex(r"\s*[（(][^（()）]*[）)]$")
# an item naming a group of the things counted, or a field they are in
GROUP = regex(r"^(?:各|所属|下属|直属|部分)|类|(?:领域|方面|行业|板块|系统|阶段|环节)$")
MAX_KIND = 4  # words before the thing's noun naming a kind of it (`参公事业单位`), not one (`城北污水处理项目`)
PLAIN_MIN = 3  # characters of a plain name of a thing (`满意度`): shorter ones name fields (`教育`, `卫生`)
PAIRS = {"（": "）", "(": ")", "“": "”", "‘": "’", "《": "》", "「": "」", "【": "】", "[": "]"}
MASK = "□"
SENTENCE_END = regex(r"[。；;！!？?][”’）)」』]*\s*$")
NO_END = "\uffff"


def named_lists(draft: Draft) -> Iterator[CountedList]:
    """`项目共 8 个，分别为：甲、乙…`: the count and the names its sentence lists right after it."""
    doc = draft.doc
    for si, mentions in draft.by_sentence.items():
        sent = doc.sentences[si]
        text = doc.text[sent.start : sent.end]
        if si + 1 < len(doc.sentences) and not SENTENCE_END.search(text):
            # (a sentence cut by the layout, no end mark: its names may go on in the lines after it, `具体包括：` /
            # `- 甲` / `- 乙`, the first item joined to the announcement and the others paragraphs of their own)
            continue
        for q in (q for m in mentions for q in m.quantities if q.kind == "count"):
            if not q.exact or q.unit not in COUNTERS:
                continue
            read = _listed(text, q.start - sent.start, q.end - sent.start)
            if read is not None:
                names, more, extra = read
                yield CountedList(q, names, si, more, extra)


def _listed(text: str, start: int, end: int) -> tuple[list[str], int, int] | None:
    """The names listed right after the count at [start, end) of its sentence `text`, how many more it may
    hold, and how many things its items counting several add; None when the list is not certain to be all the
    things counted."""
    clause = _clause_before(text, start)
    if clause is None:
        return None
    opens = OPENS.match(text, end)
    if PARTIAL_BEFORE.search(CLAUSE_END.split(clause)[-1]) and (opens is None or opens["word"] not in PLAIN):
        # (`甲局等 4 个单位（…）`, `主要有 12 户：…`: some of the things; but `甲局等 4 个单位，分别为：…` names each)
        return None
    if opens is None:
        return _bracketed(text, end, clause) or _predicated(text, end)
    if opens["word"] in AFTER_COMMA and not opens["comma"]:
        return None
    if opens["bare"] and (opens["comma"] or MARKED.match(text[opens.end() :])):
        return None  # (`共 3 个项目：一是…`: items enumerated, counted as such)
    noun = opens["noun"] or _noun_before(clause)
    rest = text[opens.end() :]
    if noun in FIELDS:
        field = opens["noun"] and opens["bare"] and _closes_sentence(rest)
        return _read(rest, noun, "field") if field else None  # (`6 个领域：交通、水利…。`, plain nouns)
    mode = "plain" if opens["word"] in PLAIN and len(noun) > 1 else "named"
    read = _read(rest, noun, mode) if noun else None
    few = read is not None and opens["word"] == "为" and len(read[0]) < MIN_NAMES  # (`，为全市唯一…中心`)
    return None if few else read


def _clause_before(text: str, start: int) -> str | None:
    """The clause before the count at `start`; None when it counts other things (`行政单位 1 家，事业单位 4 家，
    具体包括：`, `涉及 12 个县的 3 户企业`)."""
    breaks = [b.end() for b in CLAUSE_BREAK.finditer(text, 0, start)]
    clause = text[breaks[-1] if breaks else 0 : start]
    return None if ANY_COUNT.search(clause) else clause


def _bracketed(text: str, end: int, clause: str) -> tuple[list[str], int, int] | None:
    """`亏损企业 3 户（文旅集团、公交集团）`: the names in the bracket right after the count (and its noun), each
    named as the thing counted, two at least, nothing else in the bracket and no bracket inside it."""
    opens = BRACKETED.match(text, end)
    close = CLOSE_BRACKET.search(text, opens.end()) if opens else None
    if opens is None or close is None:
        return None
    inside = text[opens.end() : close.start()]
    if any(c in inside for c in "（(") or CLAUSE_END.search(inside):
        return None  # (a bracket in the bracket, or a clause: not a bare list of names)
    noun = opens["noun"] or _noun_before(clause)
    read = _read(inside, noun, "named") if NAMED_THINGS.get(noun) else None
    return read if read is not None and len(read[0]) >= MIN_NAMES else None


def _predicated(text: str, end: int) -> tuple[list[str], int, int] | None:
    """`共有 5 个部门存在超标准列支问题，分别是甲局、乙委…`, `选取 4 个项目开展重点评价，分别是：…`: what the things
    counted do or are, said right after the count and its noun, then `，分别为` and the names of all of them, each
    named as such a thing (a plain name may be what the clause speaks of: `5 个部门存在 3 类问题，分别是…`)."""
    found = PREDICATED.match(text, end)
    if found is None or OTHER_SUBJECT.search(found["pred"]) or FIGURE.search(PERCENT.sub("", found["pred"])):
        # (`3 个单位的下属机构，分别为…`, `涉及 2 个县`: the names may be of other things; `违规发放 86.50 万元，分别
        # 为：甲局 a…`: a total the names' figures make, read as such by passes.counted)
        return None
    read = _read(text[found.end() :], found["noun"], "named")
    return read if read is not None and len(read[0]) >= MIN_NAMES else None


def _closes_sentence(rest: str) -> bool:
    """Does the list opening `rest` run to its sentence's end with no other clause (`6 个领域：甲、乙。`), or to a
    clause on some of its items (`6 个领域：甲、乙，其中用于甲 X`)?"""
    masked = _masked(rest)
    if masked is None:
        return False
    found = CLAUSE_END.search(masked.rstrip().removesuffix("。"))
    return found is None or found.group() in "，," and rest[found.end() :].strip().startswith("其中")


def _read(rest: str, noun: str, mode: str) -> tuple[list[str], int, int] | None:
    """The names of the list opening `rest`, of things `noun` names, how many more it may hold and how many
    things its items counting several add; None when its names are not certain to be such things: each
    named as one (`named`), or else a plain name named as no other thing (`plain`), or a plain noun of a
    field (`field`)."""
    items = _items(rest, NAMED_THINGS.get(noun, ()))
    if items is None:
        return None
    names, more = items
    if PARTIAL_FIRST.match(names[0]) or any(NESTED.search(n) for n in names):
        return None  # (`主要是甲、乙`, `含甲集团`; `甲集团（含乙公司、丙公司）`: a list nested in the list)
    counted = [_counted_item(name, noun) for name in names]
    if any(
        n is None and (_kind(name, noun) or GROUPED.search(_masked(name) or name))
        for name, n in zip(names, counted, strict=True)
    ):
        return None  # (`分别为：新建项目、续建项目`: kinds of the things, each of several; `其他 3 个`: the rest)
    extra = sum(n - 1 for n in counted if n is not None)
    if counted[-1] is not None:
        more = 0  # (`…本级和所属 6 个事业单位` ending the list: its `和` joins what the item counts, no two names)
    # (an item counting several of the things is named as them by its count: `3 个事业单位`)
    own = [name for name, n in zip(names, counted, strict=True) if n is None]
    named = len(names) >= MIN_NAMES if mode == "field" else _named_as(noun, own, mode == "plain")
    return (names, more, extra) if named else None


def _counted_item(name: str, noun: str) -> int | None:
    """How many of the things an item counts (`5 所学校`: 5), when it counts several of them by a name each of
    them has (vocab counted_members); None for an item naming one thing, or counting other things."""
    bare = BRACKET_END.sub("", name)
    own = OWN_LEVEL_AND.match(bare)
    found = COUNT_ITEM.match(own["rest"] if own else bare)
    if found is None or found["what"] not in MEMBERS.get(noun, ()):
        return None
    n = count_number(found["n"])
    return n + (1 if own else 0) if n else None


def _kind(name: str, noun: str) -> bool:
    """Does the item name a kind or group of the things counted rather than one of them: the thing's noun after
    a few words (`新建项目`, `行政单位`, `二级指标`), or a group's words (`各…`, `…类`, `…领域`)?"""
    bare = BRACKET_END.sub("", name)
    kind = len(noun) > 1 and bare.endswith(noun) and len(bare) - len(noun) <= MAX_KIND  # (`西山县` is one county)
    return kind or GROUP.search(bare) is not None


def _noun_before(before: str) -> str:
    found = NOUN_BEFORE.search(before)
    return found["noun"] if found else ""


def _items(rest: str, ends: tuple[str, ...]) -> tuple[list[str], int] | None:
    """The names a list opening `rest` gives, split at `、`, and how many more it may hold; None when where the
    list ends, or what it lists, is not certain."""
    masked = _masked(rest)
    if masked is None:
        return None
    commas = _comma_list(masked)
    end = _list_end(rest, masked, commas)
    if end is None or OPEN_LIST.search(masked[:end]):
        return None  # (an item grouping several things, `其他 3 个`, is tested on each item: `_listed`)
    listed = masked[:end]
    raw = list(_trimmed(rest, (COMMA_BREAK if commas else ITEM_BREAK).split(listed)))
    if any(c in listed for c in "；;，,") and any(_end(n, ends) == NO_END for n in raw):
        # (words after a semicolon, or a comma of a list parted by commas, go on with the list only when they are
        # names of the thing counted)
        return None
    names: list[str] = []
    more = 0
    for k, name in enumerate(raw):
        if len(name) < 2 or CJK.search(name) is None:
            return None
        joined = _joined(name, ends)
        names.extend(joined)  # (`甲项目和乙项目`: two names of the thing counted)
        if len(joined) == 1 and k == len(raw) - 1:
            more += len(JOINED.findall(_masked(name) or ""))  # (`…、丙和丁` ending the list may be two names)
    return names, more


def _joined(name: str, ends: tuple[str, ...]) -> list[str]:
    """The names an item joins with `和`/`与`/`及` when each is named as the thing counted (else [name])."""
    masked = _masked(name) or ""
    cuts = [(f.start(), f.end()) for f in JOINED.finditer(masked)]
    if not cuts or not ends:
        return [name]
    bounds = [0, *(x for cut in cuts for x in cut), len(name)]
    parts = [name[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2)]
    return parts if all(len(p) > len(e) and p.endswith(e) for p in parts for e in [_end(p, ends)]) else [name]


def _end(name: str, ends: tuple[str, ...]) -> str:
    return next((e for e in ends if BRACKET_END.sub("", name).endswith(e)), NO_END)


def _trimmed(rest: str, pieces: list[str]) -> Iterator[str]:
    """The names of the pieces of a list (split in its masked text), their figures aside."""
    at = 0
    for piece in pieces:
        yield AMOUNT_END.sub("", rest[at : at + len(piece)].strip())
        at += len(piece) + 1


def _masked(text: str) -> str | None:
    """The text with what stands inside quotes and brackets masked (a `、` or `和` there splits no list); None
    when they are not balanced."""
    out: list[str] = []
    closing: list[str] = []
    for c in text:
        if closing and c == closing[-1]:
            closing.pop()
            out.append(c)
        elif c in PAIRS:
            out.append(c if not closing else MASK)
            closing.append(PAIRS[c])
        else:
            out.append(MASK if closing else c)
    return None if closing else "".join(out)


def _comma_list(masked: str) -> bool:
    """Does the list opening the masked text part its items by commas alone, up to its sentence's end (`包括：甲局
    （行政单位），乙院（公益一类事业单位），丙所。`): a comma and no `、` or semicolon outside brackets and quotes?
    (Where `、` parts names, a comma after them may open a group of its own: `甲、乙，丙、丁`.)"""
    listed = masked.split("。", 1)[0]
    return any(c in listed for c in "，,") and not any(c in listed for c in "、；;")


def _list_end(rest: str, masked: str, commas: bool = False) -> int | None:
    """Where the list ends: its sentence's end, or a comma or semicolon before a clause saying something of all
    its items or counting things of its own (outside brackets: `（公益一类事业单位）` counts nothing); None when
    what follows a comma may be more names (a semicolon before other words goes on with the names: `甲市东山县、
    西山县；乙市南山县`, as a comma does in a list parted by commas alone, `_comma_list`)."""
    for found in CLAUSE_END.finditer(masked):
        mark = found.group()
        after = rest[found.end() :].strip()
        if mark == "。" or not after or after.startswith(CLOSERS) or OWN_COUNT.match(masked[found.end() :].strip()):
            return found.start()
        if mark not in "；;" and not (commas and mark in "，,"):
            return None
    return len(rest.rstrip())


def _named_as(noun: str, names: list[str], plain: bool) -> bool:
    """Are the names those of the thing counted: each ending as such a thing's name does, or, plain names
    allowed, none ending as another thing's name does?"""
    ends = NAMED_THINGS.get(noun, ())
    bare = [BRACKET_END.sub("", n) for n in names]
    if ends and all(b.endswith(ends) for b in bare):
        return True
    others = tuple(e for k, v in NAMED_THINGS.items() if k != noun for e in v if e not in ends)
    return plain and not any(b.endswith(others) or len(b) < PLAIN_MIN for b in bare)


# the header of a table's column of unit names, and of its serial numbers
UNIT_NAME = ("单位名称", "单位")
SERIAL = "序号"
TOTAL_ROW = regex(r"^(?:合计|总计|小计|共计)")
# what may stand between the count of units and the end of the sentence announcing the table: a colon, or the
# words pointing at the table (`详见下表。`)
ANNOUNCING = regex(
    r"^(?:单位)?\s*[，,]?\s*(?:(?:具体为|具体是|具体包括|包括|分别为|分别是|明细如下|如下|名单如下|(?:详)?见下表)?\s*[：:]"
    r"|(?:具体|名单)?(?:详见|见|如)下表[。.]?)$"
)
ANNOUNCES = regex(r"(?:[：:]|下表[。.]?)$")
# a line naming the table between the announcing sentence and the table (`部门决算单位构成表`)
TABLE_TITLE = regex(r"^[^，,。：:；;\d]{0,30}单位(?:构成|名单|情况)[^，,。：:；;\d]{0,8}$")


def unit_tables(draft: Draft) -> Iterator[CountedList]:
    """`纳入…编制范围的单位共 4 个，具体为：` and the table right after it, one row per unit (its 合计 row aside):
    the count and the units the rows name."""
    doc = draft.doc
    starts = [s.start for s in doc.sentences]
    for t in draft.facts.tables:
        if not t.rows or not t.rows[0] or t.open_start or t.open_end or t.goes_on:
            continue
        si = _announcing(draft, starts, t.rows[0][0].start)
        if si is None:
            continue
        q = _unit_count(draft, si)
        names = _unit_rows(t) if q is not None else None
        if q is not None and names:
            yield CountedList(q, names, si)


def _announcing(draft: Draft, starts: list[int], first: int) -> int | None:
    """The sentence right before the table at offset `first`, if it ends with a colon or points at the table
    (`见下表。`): nothing but the table's title line (`单位构成表`) between them."""
    doc = draft.doc
    si = bisect_right(starts, first) - 1
    if si >= 0 and doc.sentences[si].end > first:
        si -= 1  # (the sentence of the table's first row)
    if si >= 0 and TABLE_TITLE.match(doc.text[doc.sentences[si].start : doc.sentences[si].end].strip()):
        si -= 1
    if si < 0:
        return None
    sent = doc.sentences[si]
    between = doc.text[sent.end : first].strip(" \n|")
    if between and not TABLE_TITLE.match(between):
        return None
    return si if ANNOUNCES.search(doc.text[sent.start : sent.end].rstrip()) else None


def _unit_count(draft: Draft, si: int) -> Quantity | None:
    """The one count of the sentence, when it counts units right before the colon."""
    counts = [q for m in draft.by_sentence.get(si) or [] for q in m.quantities if q.kind == "count"]
    if len(counts) != 1 or not counts[0].exact or counts[0].unit not in COUNTERS:
        return None
    q = counts[0]
    sent = draft.doc.sentences[si]
    text = draft.doc.text
    after = text[q.end : sent.end].rstrip()
    said = ANNOUNCING.match(after)
    if said is None:
        return None
    named = after.startswith("单位") or _noun_before(text[sent.start : q.start]) == "单位"
    return q if named else None


def _unit_rows(t: Table) -> list[str]:
    """The unit names of a table's rows, when its header names a column of unit names, every other row (its
    total aside) names a unit there, and its serial numbers, if any, run 1, 2, 3 … ([] otherwise)."""
    header = [c.flat for c in t.rows[0]]
    col = next((i for i, h in enumerate(header) if h.endswith(UNIT_NAME[0]) or h == UNIT_NAME[1]), None)
    if col is None:
        return []
    serial = header.index(SERIAL) if SERIAL in header else None
    ends = NAMED_THINGS["单位"]
    names: list[str] = []
    for row in t.rows[1:]:
        cells = [c.flat for c in row]
        if not any(cells) or any(TOTAL_ROW.match(c) for c in cells[:2]):
            continue
        name = _cell(row, col)
        if not BRACKET_END.sub("", name).endswith(ends):
            return []  # (a row of something else: a group, a note, a header's second line)
        if serial is not None and _cell(row, serial) != str(len(names) + 1):
            return []
        names.append(name)
    return names


def _cell(row: list[Cell], col: int) -> str:
    return row[col].flat if col < len(row) else ""
