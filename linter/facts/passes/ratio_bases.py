"""Changes of a ratio whose last year's value is written right before the change under a name of its own, where
the sentence pass reads no base: `专项债券占新增债券的比重为 86.7%，比2025年全年新增债券中专项债券的占比 83.3%
（2025年新增债券 A，其中专项债券 B）提高 3.4%` (the comparison names the ratio in other words, a bracket of
figures between), `项目执行率为 94.60%，上年项目执行率为 92.30%，提高 2.30%` (last year's named in full), and
`项目执行率为 94.60%。上年为 92.30%，提高 2.30%。` (last year's opening the sentence after the rate). The change
gets this year's ratio as its current figure and last year's as its base; TO205 and TO108 then judge the change
in % or in points as they do for `比上年的 83.3% 提高 3.4%`.

Read only with certainty: this year's ratio is the figure right before the clause of last year's (a comma
between, or the end of the sentence before), in a clause that names it as a ratio (`…率`, `A占B的比重`, `B中A的占
比`); last year's is named by the same ratio's name (the same words, the same rate, or the same part of the same
whole), or by last year alone; nothing but a bracket without percentages (and a comma and the comparison's words
when last year's is not itself the comparison) stands between it and the move. A change on an adjusted basis
(`同口径`, `可比`) is not the two figures' change and is left unread.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Change, Mention, Share
from tieout.linter.facts.passes.base import ADJUSTED_BASIS, Completed, last_opened, quantity_starts
from tieout.linter.facts.passes.rate_changes import RATE_END, bare, same_rate, unbased_ratio_move
from tieout.linter.figures.context import CLAUSE_END
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# the period last year's value is of: last year, or a year it names
_PERIOD = r"(?:(?P<last>上年度?|去年|上一年度?|上年同期)|(?P<year>(?:19|20)\d{2})\s*年度?)(?:全年|同期)?"
# last year's value as the comparison itself (`比2025年全年新增债券中专项债券的占比`, `较上年项目执行率（`)
COMPARED = regex(rf"^(?:比|较)(?:{_PERIOD})(?P<name>[^，,；;。（()）\d%]*?)(?:的|为|是)?\s*[（(]?\s*$")
# last year's value as a figure of its own (`上年为`, `上年项目执行率为`, `2024年为`)
STATED = regex(rf"^(?:{_PERIOD})(?P<name>[^，,；;。（()）\d%]*?)(?:为|是|达到|达|：|:)?\s*$")
# what may stand between last year's value and the move: a bracket without percentages (a note on it), and,
# last year's being a figure of its own, a comma and a comparison with last year
NOTE = r"\s*(?:[（(][^（()）%％]*[）)])?\s*"
AFTER_COMPARED = regex(NOTE)
AFTER_STATED = regex(rf"{NOTE}[，,]\s*(?:(?:比|较)(?:上年度?|去年)|同比)?\s*")
# a share's part and whole: `A占B的比重`, `B中A的占比`, `A占比` / `A的比重` (the whole left to the sentence)
SHARE_OF = regex(r"^(?P<part>[^占]{2,}?)占(?P<whole>[^占]{2,}?)的?(?:比重|比例)$")
SHARE_IN = regex(r"^(?P<whole>[^中占]{2,}?)中(?P<part>[^中占]{2,}?)的?(?:所?占比(?:重|例)?|比重|比例)$")
SHARE_ONLY = regex(r"^(?P<part>[^占中]{2,}?)的?(?:所?占比(?:重|例)?|比重|比例)$")
# the words of a figure that is no ratio's value this year: last year's, a comparison (not the 比 of 比重, 占比),
# a move (`增长 5.2%`)
NOT_THIS_YEARS = regex(
    r"上年|去年|上一年|(?<!占)比(?![重例])|较|(?:增长|增加|减少|下降|提高|降低|上升|增幅|降幅)(?:了|为|到|至)?\s*$"
)


@dataclass(frozen=True, slots=True)
class _Last:
    """Last year's value of a ratio as its clause reads it."""

    figure: Quantity
    name: str  # the ratio's name, "" where only the year names it
    year: int | None  # the year it names, None for 上年
    compared: bool  # the clause is the comparison itself (`比上年…的 b%`)
    begin: int  # where its clause begins


def ratio_bases(draft: Draft) -> Iterator[Completed]:
    """Each change of a ratio with no base whose last year's value is written right before it under a name."""
    # (the figures of a move: never a ratio's value of a year)
    moved = {id(f.start) for f in draft.facts.fromtos} | {id(f.end) for f in draft.facts.fromtos}
    moved |= {id(mv.quantity) for c in draft.facts.changes for mv in c.movements if mv.quantity is not None}
    reader = _Reader(draft, moved)
    for c in draft.facts.changes:
        if not unbased_ratio_move(c):
            continue
        found = reader.read(c)
        if found is not None:
            current, base, name, certain = found
            yield Completed(c, replace(c, label=name, current=current, base=base, certain=certain))


# the rest of a bracket after a figure, up to its closing (no other bracket nor per cent in it)
BRACKET_REST = regex(r"[^（()）%％]*[）)]")


def bracketed_shares(draft: Draft) -> Iterator[Share]:
    """`比上年B中A的占比 83.3%（上年B 72000 万元，其中A 60000 万元）`: a share named by its part and whole, and a
    bracket right after it holding only the whole's figure and the part's (a 其中 list of that one part, named
    as the share names them, in one unit): the share is the part over the whole."""
    text = draft.doc.text
    starts = quantity_starts(draft)
    read = {id(s.stated) for s in draft.facts.shares} | {id(r.stated) for r in draft.facts.rates}
    for b in draft.facts.breakdowns:
        whole, parts = b.total, b.parts
        if len(parts) != 1 or len(whole.quantities) != 1 or len(parts[0].quantities) != 1:
            continue
        # (the last bracket opened before the whole, not the text after the part copied for each list)
        opened = last_opened(text, whole.start)
        k = bisect_left(starts, opened) - 1
        if opened < 0 or k < 0:
            continue
        share = draft.facts.quantities[k]
        between = text[share.end : opened]
        closed = BRACKET_REST.match(text, parts[0].quantities[0].end)
        if share.kind != "percent" or not share.exact or id(share) in read or between.strip() or closed is None:
            continue
        if re.search(r"[^\s，,。；;]", closed.group()[:-1]):
            continue  # (more than the two figures in the bracket)
        found = _bracketed(draft, share, whole, parts[0])
        if found is not None:
            yield Share(share, found[1], found[0], whole.key, b.sentence)


def _bracketed(draft: Draft, share: Quantity, whole: Mention, part: Mention) -> tuple[Quantity, Quantity] | None:
    """(whole's figure, part's figure) where the share's name names the bracket's whole and part."""
    text = draft.doc.text
    begin = max((m.end() for m in CLAUSE_END.finditer(text, 0, share.start)), default=0)
    words = text[begin : share.start]
    m = COMPARED.match(words) or STATED.match(words)
    named = _share(_name(m.group("name") if m else words).removesuffix("的"))
    if named is None or not named[1]:
        return None
    w, p = whole.quantities[0], part.quantities[0]
    if not (w.exact and p.exact and w.kind == "amount" and w.base_unit == p.base_unit):
        return None
    if _bare_item(whole.label) != named[1] or _bare_item(part.label) != named[0]:
        return None
    return w, p


def _bare_item(label: str) -> str:
    return _name(label.strip("，,、；;：:（( "))


def _name(words: str) -> str:
    """A ratio's name as its clause writes it, without the year words before it nor `为` after it."""
    return bare(words).strip()


def _share(name: str) -> tuple[str, str] | None:
    """(part, whole) of a share's name, the whole "" where the name leaves it to the sentence."""
    for pattern in (SHARE_OF, SHARE_IN, SHARE_ONLY):
        m = pattern.match(name)
        if m is not None:
            return m.group("part"), m.groupdict().get("whole") or ""
    return None


def _ratio_name(name: str) -> bool:
    """Does a clause name a ratio of its own (not `占比`, `所占比重`: whose, the words before say)?"""
    if len(name) < 3 or re.search(r"\d", name) or name.startswith(("占", "所", "其", "该", "此", "上述")):
        return False
    return RATE_END.search(name) is not None or _share(name) is not None


def _same_ratio(this: str, last: str) -> bool:
    """Does last year's name (`新增债券中专项债券的占比`, `项目执行率`) name this year's ratio (`专项债券占新增债券的比
    重`, `执行率`): the same words, the same rate, or the same part of the same whole (a whole left unsaid on one
    side being the sentence's)?"""
    if not last:
        return True
    last = last.removesuffix("的")
    if this == last or same_rate(this, last):
        return True
    a, b = _share(this), _share(last)
    return a is not None and b is not None and a[0] == b[0] and (a[1] == b[1] or not a[1] or not b[1])


class _Reader:
    def __init__(self, draft: Draft, moved: set[int]) -> None:
        self.doc, self.qs, self.moved = draft.doc, draft.facts.quantities, moved
        self.q_starts = [q.start for q in self.qs]
        self.sentence_starts = [s.start for s in draft.doc.sentences]
        self.year = draft.facts.document_context.period or ""

    def read(self, c: Change) -> tuple[Quantity, Quantity, str, bool] | None:
        """(this year's ratio, last year's, the ratio's name, certain) of a change, or None."""
        first = c.movements[0].start
        sentence = self.doc.sentences[c.sentence]
        before = [q for q in self._between(sentence.start, first) if q.end <= first]
        last = self._last_year(c, before)
        if last is None:
            return None
        if last.begin > sentence.start:
            found = self._this_year_before(before, last)
            certain = True
        else:
            found = self._ending_sentence_before(c)
            certain = False  # (this year's figure is read in the sentence before)
        if found is None:
            return None
        current, name, year = found
        if not _same_ratio(name, last.name) or not self._earlier(last, year):
            return None
        if c.current is not None and c.current is not current and c.current is not last.figure:
            if not (last.figure.end < c.current.start < first):  # (a figure of the bracket the sentence pass took)
                return None
        return current, last.figure, name, certain and c.certain

    def _last_year(self, c: Change, before: list[Quantity]) -> _Last | None:
        """Last year's value of the ratio: the last figure before the move, a percentage, what stands after it one
        of the notes allowed, its clause naming it last year's."""
        figures = [q for q in before if not self._in_note(q, c.movements[0].start)]
        if not figures:
            return None
        q = figures[-1]
        if q.kind != "percent" or not q.exact or id(q) in self.moved:
            return None
        text, first = self.doc.text, c.movements[0].start
        begin = self._clause_begin(q.start)
        words = text[begin : q.start]
        compared = COMPARED.match(words)
        stated = None if compared else STATED.match(words)
        m = compared or stated
        if m is None:
            return None
        after = AFTER_COMPARED if compared else AFTER_STATED
        end = q.end
        if words.rstrip().endswith(("（", "(")):  # (`较上年执行率（92.30%）提高`: the bracket closes first)
            closed = re.match(r"\s*[）)]", text[end:first])
            if closed is None:
                return None
            end += closed.end()
        if not after.fullmatch(text, end, first) or ADJUSTED_BASIS.search(text, begin, first):
            return None
        if stated and not self._against_last_year(c):
            return None
        year = int(m.group("year")) if m.group("year") else None
        return _Last(q, _name(m.group("name")), year, compared is not None, begin)

    def _in_note(self, q: Quantity, first: int) -> bool:
        """Is a figure inside the bracket right before the move (a note: `（2025年新增债券 A，其中…）提高`)?"""
        text = self.doc.text
        close = text.rfind("）", q.end, first)
        close = max(close, text.rfind(")", q.end, first))
        if close < 0:
            return False
        opened = last_opened(text, q.start)
        return opened >= 0 and not text[close + 1 : first].strip() and "%" not in text[opened:close]

    def _against_last_year(self, c: Change) -> bool:
        """Is the change's comparison, if it states one, with last year (`比上年`, `同比`, none)?"""
        return not c.comparison or re.search(r"上年|去年|上一年|同比", c.comparison) is not None

    def _clause_begin(self, at: int) -> int:
        """Where the clause of this year's ratio begins, up to the figure (what says the figure is stated, `为`, is
        no part of the name)."""
        sentence = self.doc.sentences[self._sentence_of(at)]
        breaks = list(CLAUSE_END.finditer(self.doc.text, sentence.start, at))
        return breaks[-1].end() if breaks else sentence.start

    def _sentence_of(self, at: int) -> int:
        return bisect_right(self.sentence_starts, at) - 1

    def _between(self, begin: int, end: int) -> list[Quantity]:
        """The figures that start in [begin, end)."""
        return self.qs[bisect_left(self.q_starts, begin) : bisect_left(self.q_starts, end)]

    def _this_year_before(self, before: list[Quantity], last: _Last) -> tuple[Quantity, str, int | None] | None:
        """This year's ratio in the sentence: the figure right before last year's clause, a comma between, its
        clause naming a ratio, no amount or count before it that the change may be of (last year's clause being
        no comparison of its own)."""
        earlier = [q for q in before if q.end <= last.begin]
        if not earlier or not re.fullmatch(r"\s*[，,]\s*", self.doc.text[earlier[-1].end : last.begin]):
            return None
        if not last.compared and any(q.kind in ("amount", "count") for q in earlier):
            return None
        return self._ratio(earlier[-1])

    def _ending_sentence_before(self, c: Change) -> tuple[Quantity, str, int | None] | None:
        """This year's ratio in the sentence before, of the change's paragraph: its one percentage, at its end."""
        si = c.sentence
        doc = self.doc
        if si == 0 or doc.sentences[si - 1].paragraph != doc.sentences[si].paragraph:
            return None
        sentence = doc.sentences[si - 1]
        figures = self._between(sentence.start, sentence.end)
        if not figures or sum(q.kind == "percent" for q in figures) != 1:
            return None
        q = figures[-1]
        if any(f.kind in ("amount", "count") for f in figures) or doc.text[q.end : sentence.end].strip("。；; \n"):
            return None
        return self._ratio(q)

    def _ratio(self, q: Quantity) -> tuple[Quantity, str, int | None] | None:
        """(figure, name, year) of a ratio its clause names, stated as this year's (no comparison in its words)."""
        if q.kind != "percent" or not q.exact or id(q) in self.moved:
            return None
        words = self.doc.text[self._clause_begin(q.start) : q.start]
        if COMPARED.match(words) or NOT_THIS_YEARS.search(words):
            return None  # (last year's, a comparison, or a move)
        name = _name(words)
        if not _ratio_name(name):
            return None
        year = re.match(r"\s*((?:19|20)\d{2})\s*年", words)
        return q, name, int(year.group(1)) if year else self._document_year()

    def _document_year(self) -> int | None:
        return int(self.year) if re.fullmatch(r"\d{4}", self.year) else None

    def _earlier(self, last: _Last, year: int | None) -> bool:
        """Is last year's value of an earlier period than this year's: 上年 always; a year named, of the year
        before this year's where last year's is a figure of its own, of any earlier year where it is the
        comparison (the comparison names the figure compared with)."""
        if last.year is None:
            return True
        if year is None:
            return last.compared
        return last.year < year if last.compared else last.year == year - 1
