"""Changes of a rate whose two values stand in other sentences: `全年预算 A，执行 B，预算执行率 94.60%。…2024年…执行率
92.30%。…预算执行率较上年提高 2.30%` (the rate and last year's value of it, each stated once before the change in its
section), or `2024年人员经费占基本支出的比重为 87.62%。…人员经费占基本支出的比重为 88.57%，比上年提高 0.95%` (this
year's in the change's sentence). The change gets this year's value as its current figure and last year's as its
base; TO205 and TO108 then judge the change in % or in points as they do where both stand in one sentence.

Read only with certainty: the change names the rate in its own clause (or is the change of the one rate its
sentence states right before it); each year's value is the one value of a figure so named in the section (two
figures of different values so named, or a figure so named whose year or words are not clear, leave it unread);
a scope or fund stated for one of them that differs from the change's makes it another rate's.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Change, Mention
from tieout.linter.facts.passes.base import Completed
from tieout.linter.figures.context import Context
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex
from tieout.linter.vocab import words

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# the name of a rate or a ratio (`预算执行率`, `人员经费占基本支出的比重`, `群众满意度`)
_RATE_WORDS = "比重|占比|比例|率|满意度|进度"  # the words a rate's name ends with
RATE_END = regex(f"(?:{_RATE_WORDS})$")
# a name ending so that a longer name ending with it is the same measure (`执行率` of `预算执行率`); a share's
# name (`…占…的比重`) is compared whole: `占基本支出的比重` ends the names of every part's share
MEASURE_END = regex(r"(?:率|满意度|进度)$")
MIN_NAME = 3
# what a rate's own words state of its context, and that with what its sentence states before it
Contexts = tuple[Context, Context]
QUALIFIERS = frozenset(words("relations", "rate_name_qualifiers"))
# the opening of a ratio's name that points to a figure named before it (`所占比重`, `占…的比重`, `该比率`)
POINTING = regex(r"^(?:所|占|比重|占比|比例|其|该|此|这|上述)")
# a year a figure's words state (`2024年`, `上年`, `本年度`), not one it is compared with (`比上年`, `较2023年`) nor the
# end of a span (`2020-2024年`) nor last year's balance carried into this one (`上年结转`)
YEAR_WORD = regex(
    r"(?<![比较与同和对至到\-—－~～])(?:(?P<year>(?:19|20)\d{2})\s*年度?|(?P<last>上年度?|去年|上一年)(?!末|底|结转|结余)"
    r"|(?P<this>本年度?|今年|当年))"
)
# the year words a name opens with (`2024年`, `上年`, `全年`), and what its clause puts before it (`其中`)
LEADING = regex(r"^(?:[，,、；;：:\s]|其中|(?:19|20)\d{2}\s*年度?|上年度?|去年|上一年|本年度?|今年|当年|全年|的)+")
TRAILING = regex(r"(?:为|是|达到|达|约|=|：|:|\s)+$")
CLAUSE_BREAK = regex(r"[，,；;。]")
# a comparison with last year (`较上年`, `同比`, `与上年相比`), or with a year it names (`比2024年`)
WITH_LAST_YEAR = regex(r"上年|去年|上一年|同比")
WITH_YEAR = regex(r"((?:19|20)\d{2})\s*年")
# a rate's name inside other words (`执行率由`, `收入、支出执行率分别为`): a figure of it this reading cannot place
NAME_IN = regex(rf"[\u4e00-\u9fff]{{1,20}}?(?:{_RATE_WORDS})")


def rate_changes(draft: Draft) -> Iterator[Completed]:
    """Each change of a rate with no base: this year's and last year's value of the rate, where both are certain."""
    if not any(c.base is None for c in draft.facts.changes):
        return
    moved = {id(mv.quantity) for c in draft.facts.changes for mv in c.movements if mv.quantity is not None}
    moved |= {id(f.end) for f in draft.facts.fromtos}
    read = _Reader(draft, moved)
    for c in draft.facts.changes:
        found = read.linked(c)
        if found is not None:
            current, base, certain = found
            yield Completed(c, replace(c, current=current, base=base, certain=c.certain and certain))


def unbased_ratio_move(c: Change) -> bool:
    """Is the change a move of a rate (exact per cent or points, every movement) with no base stated?"""
    return c.base is None and bool(c.movements) and all(_of_a_rate(mv.quantity) for mv in c.movements)


def _of_a_rate(q: Quantity | None) -> bool:
    return q is not None and q.kind in ("percent", "pp") and q.exact


def bare(name: str) -> str:
    """A rate's name without the year words it opens with nor what says it is stated (`2024年执行率为`: 执行率)."""
    return TRAILING.sub("", LEADING.sub("", name))


def _rate_name(name: str) -> bool:
    """Does a name name one rate by itself (not `所占比重`, `该比率`: whose, the words before say)?"""
    return (
        len(name) >= MIN_NAME
        and RATE_END.search(name) is not None
        and not re.search(r"\d", name)
        and not POINTING.match(name)
    )


def same_rate(a: str, b: str) -> bool:
    """Do two names name one rate: the same words, or a rate named by its measure (`执行率`) and a longer name of
    it by words naming no other rate (`预算执行率`; not `收入执行率`)?"""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    extra = long[: len(long) - len(short)]
    return MEASURE_END.search(short) is not None and long.endswith(short) and extra in QUALIFIERS


def _one(found: list[tuple[Quantity, Contexts]]) -> tuple[Quantity, Contexts] | None:
    """The last of the figures found, where they are all one value."""
    return found[-1] if found and len({q.base_value for q, _ in found}) == 1 else None


def _agrees(a: Contexts, b: Contexts) -> bool:
    """Are two rates, each (what its name states, what its name and its sentence state), of one scope and fund: none
    stated for both that differs, and one that either's name states (`全县预算执行率`, `一般公共预算执行率`) stated
    alike for the other (a rate named by a fund is not the one of all funds)?"""
    for field in ("scope", "fund"):
        x, y = getattr(a[1], field), getattr(b[1], field)
        named = getattr(a[0], field) is not None or getattr(b[0], field) is not None
        if x != y and (named or (x is not None and y is not None)):
            return False
    return True


def _year_of(found: list[re.Match[str]], document: int | None) -> int | None:
    """The year the last of the year words found names: a year, or 上年 / 本年 of the last year stated before it
    (else of the document's year)."""
    last = found[-1]
    if last.group("year"):
        return int(last.group("year"))
    stated = [int(m.group("year")) for m in found if m.group("year")]
    base = stated[-1] if stated else document
    if base is None:
        return None
    return base - 1 if last.group("last") else base


class _Reader:
    """The document's sentences and figures, looked up by offset."""

    def __init__(self, draft: Draft, moved: set[int]) -> None:
        self.draft, self.doc, self.moved = draft, draft.doc, moved
        self.sentence_starts = [s.start for s in draft.doc.sentences]
        self.qs = draft.facts.quantities
        self.q_starts = [q.start for q in self.qs]
        period = draft.facts.document_context.period or ""
        self.document_year = int(period) if re.fullmatch(r"\d{4}", period) else None

    def linked(self, c: Change) -> tuple[Quantity, Quantity, bool] | None:
        """(this year's value, last year's, both in the change's sentence) of a change of a rate, or None."""
        if not unbased_ratio_move(c):
            return None
        if c.current is not None and c.current.kind != "percent":
            return None
        name = bare(c.label)
        if not _rate_name(name) or (c.current is None and not self._named_in_clause(c)):
            return None
        years = self._years(c)
        if years is None:
            return None
        this, last = self._values(c, name, years)
        if this is None or last is None:
            return None
        if c.current is not None and this.base_value != c.current.base_value:
            return None
        current = c.current or this
        begin = self.doc.sentences[c.sentence].start
        return current, last, begin <= last.start and begin <= current.start

    def _named_in_clause(self, c: Change) -> bool:
        """Does the change's own clause (since the last break before its move) name it (`，预算执行率较上年提高`)?"""
        return bool(c.label) and c.label in self._clause(c.movements[0].start)

    def _clause(self, at: int) -> str:
        """The words of the clause before `at`, since the last break of its sentence."""
        text = self.doc.text
        begin = self.doc.sentences[self._sentence_of(at)].start
        breaks = list(CLAUSE_BREAK.finditer(text, begin, at))
        return text[breaks[-1].end() if breaks else begin : at]

    def _years(self, c: Change) -> tuple[int, int] | None:
        """(this year, last year) of a change: the year its sentence states before it (else its paragraph, else the
        document's), and the year before, which its comparison names (`较上年`, `比2024年`)."""
        this = self._year_at(c.movements[0].start)
        if this is None:
            return None
        named = WITH_YEAR.search(c.comparison)
        if named is not None:
            return (this, this - 1) if int(named.group(1)) == this - 1 else None
        return (this, this - 1) if WITH_LAST_YEAR.search(c.comparison) else None

    def _year_at(self, at: int) -> int | None:
        """The year of a figure at `at`: the last year its sentence states before it, else its paragraph before it,
        else the document's period (None when none is a year). 上年 / 本年 are of the year stated before them in
        those words (`2024年…，上年执行率`: 2023), else of the document's."""
        doc = self.doc
        k = self._sentence_of(at)
        for begin in (doc.sentences[k].start, doc.sentences[doc.paragraph_of(k).start].start):
            found = list(YEAR_WORD.finditer(doc.text, begin, at))
            if found:
                return _year_of(found, self.document_year)
        return self.document_year

    def _values(self, c: Change, name: str, years: tuple[int, int]) -> tuple[Quantity | None, Quantity | None]:
        """This year's and last year's value of the rate named `name`: each the one value of the figures so named
        of that year before the change in its section, of the change's scope and fund and of each other's (None
        where there are none, or several values, or a figure so named that cannot be placed)."""
        found: dict[int, list[tuple[Quantity, Contexts]]] = {years[0]: [], years[1]: []}
        own = self._context(c.label, c.sentence, c.movements[0].start)
        for q in self._window(c):
            if id(q) in self.moved or q.kind != "percent":
                continue
            read = self._figure(q, name)
            if read is None:
                continue
            year = self._year_at(q.start) if read else None
            if year is None or not q.exact:
                return None, None  # (a figure of the rate whose year or words this reading cannot place)
            context = self._context(self._clause(q.start), self._sentence_of(q.start), q.start)
            if year in found and _agrees(own, context):
                found[year].append((q, context))
        this, last = _one(found[years[0]]), _one(found[years[1]])
        if this is None or last is None or not _agrees(this[1], last[1]):
            return None, None  # (`全县…执行率 a` this year, `县本级…执行率 b` last year: two rates)
        return this[0], last[0]

    def _window(self, c: Change) -> list[Quantity]:
        """The figures before the change's move in its section (its paragraph and the one before, outside any)."""
        doc = self.doc
        end = c.movements[0].start
        section = doc.section_at(end)
        if section is not None:
            begin = section.start
        else:
            first = doc.paragraph_of(c.sentence).start
            begin = doc.sentences[doc.paragraph_of(first - 1).start if first > 0 else first].start
        return self.qs[bisect_left(self.q_starts, begin) : bisect_left(self.q_starts, end)]

    def _figure(self, q: Quantity, name: str) -> bool | None:
        """Is the percentage a value of the rate named `name` (True), not one (None), or one this reading cannot
        place (False: its clause names the rate among other words, `执行率由 90% 提高到…`, `支出执行率分别为…`)?"""
        words = self._clause(q.start)
        own = bare(words)
        if _rate_name(own):
            return True if same_rate(own, name) else None
        named = (bare(m.group()) for m in NAME_IN.finditer(words))
        return False if any(_rate_name(n) and same_rate(n, name) for n in named) else None

    def _sentence_of(self, at: int) -> int:
        return bisect_left(self.sentence_starts, at + 1) - 1

    def _context(self, words: str, si: int, at: int) -> Contexts:
        """What a rate's own words (`全县预算执行率`) state of its context, and that with what the figures of its
        sentence before it state (the last one's, carried along: `县本级支出 A，执行率 r`)."""
        own = self.draft.labeller.identify(words)[1]
        before: list[Mention] = [m for m in self.draft.by_sentence.get(si) or [] if m.quantities and m.start < at]
        stated = self.draft.stated.get(id(before[-1])) if before else None
        return own, own.under(stated) if stated is not None else own
