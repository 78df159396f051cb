"""The base of a change stated apart from it: in brackets after it, as a named figure, or respectively."""

from __future__ import annotations

from dataclasses import replace

from tieout.linter.facts.model import Change, Mention, Movement
from tieout.linter.facts.sentence.reader import Reader
from tieout.linter.facts.sentence.wording import BRACKETED, LAST_YEAR_NAMES, LAST_YEAR_ONLY, LAST_YEARS, STATED_YEAR
from tieout.linter.figures.labels import GENERIC_ITEMS
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex

# a comparison against the same period last year and nothing more named (`同比`)
SAME_PERIOD_ONLY = regex("同比")
# a comparison naming last year and nothing else (`同比`, `较上年`, `比去年同期`, `与上年相比`)
_LAST_YEAR_COMPARED = r"(?:同比|(?:比|较|与|同)(?:上年|去年|上一年)(?:同期)?(?:相比|比较)?)"
AGAINST_LAST_YEAR = regex(_LAST_YEAR_COMPARED)
# the words from a change's first clause to the verb of its second when the second is of the same figure: a comma and
# at most its comparison (`同比增长 p%，较上年增支 Δ`); a name there (`，主要是教育支出比上年增加 Δ`) is of another figure
NEXT_CLAUSE_OF_SAME = regex(rf"\s*[，,]\s*(?:{_LAST_YEAR_COMPARED})?\s*")
# a note in brackets right after a figure (`增长 p%（上年同期 B）`)
NOTE_AFTER = regex(r"\s*[（(][^（）()]*[）)]")
# a base's stage said in its words (`较2024年预算数`)
STAGE_STATED = regex("预算|决算|执行")
# last year named in words (`较上年预算数`, `比去年同期`)
LAST_YEAR_NAMED = regex(LAST_YEAR_NAMES)


# a year and the stage of its figure naming a bracket's note (`（2024年执行 B`, `（2024年决算数：B`)
BRACKET_NOTE_YEAR = regex(r"((?:19|20)\d{2})年度?(?:执行|完成|决算|实际)?数?(?:为|是|：|:)?")
# last year's figure noted in brackets by its stage (`增长 p%（上年完成 B）`): as a year does (BRACKET_NOTE_YEAR)
LAST_YEAR_STAGE = regex(rf"(?:{LAST_YEAR_NAMES})(?:执行|完成|决算|实际)数?(?:为|是|：|:)?")


# a comparison with a named figure (`比全年预算数`, `较调整预算`): the name, without the 数 ending it
COMPARED_NAME = regex(r"(?:比|较|与)(?P<name>[\u4e00-\u9fff]{2,12}?)(?:数|金额)?(?:相比)?")
NAMED_PERIOD = regex(r"上年|去年|前年|同期|年初(?!预算)|上[季月]|\d|[一二三四五六七八九十]年|同比")
BARE_NAME = regex(r"(?:数|金额)?(?:为|是|：|:)?$")


# a figure named by a year alone (`2025年为`, `2024年度为`), or by this year or last year alone (`本年为`, `上年为`),
# after nothing but a comma (after a change's last move, or after the figure of the other year)
YEAR_ALONE = regex(
    r"\s*[，,]\s*(?:(?P<year>(?:19|20)\d{2})\s*年度?|(?P<this>本年|今年|当年)|(?P<last>上年|去年|上一年))(?:为|是)\s*"
)
# what may close the second of them: the clause's end
YEARS_CLOSED = regex(r"\s*(?:[，,；;。）)]|$)")


def _year_alone(text: str, begin: int, end: int) -> int | None:
    """The year text[begin:end] names and nothing else (`，2025年为` → 2025), relative for this year (0) and last
    (−1); None where it says anything more."""
    said = YEAR_ALONE.fullmatch(text, begin, end)
    if said is None:
        return None
    if said.group("year"):
        return int(said.group("year"))
    return 0 if said.group("this") else -1


def _last_years_of(label: str) -> str | None:
    """What a figure named as last year's is of (`上年教育支出`: 教育支出); None for any other figure."""
    found = LAST_YEARS.match(label)
    return label[found.end() :] if found else None


def _rate_and_amount(current: Quantity, one: list[Movement], other: list[Movement]) -> bool:
    """Are two changes of an amount one rate and one amount of its unit, each alone, moving one way?"""
    if len(one) != 1 or len(other) != 1 or one[0].direction != other[0].direction or current.kind != "amount":
        return False
    figures = [m.quantity for m in (one[0], other[0]) if m.quantity is not None and m.quantity.exact]
    rates = [q for q in figures if q.kind == "percent"]
    amounts = [q for q in figures if q.kind == "amount" and q.base_unit == current.base_unit]
    return len(rates) == 1 and len(amounts) == 1


def _last_year_only(comparison: str) -> bool:
    return AGAINST_LAST_YEAR.fullmatch(comparison.strip("，, ")) is not None


def _compared_name(comparison: str) -> str | None:
    """The name a comparison gives the figure it is against (`比全年预算数` → `全年预算`), None where it names a
    period (`比上年`, `同比`) or nothing of two characters."""
    name = COMPARED_NAME.fullmatch(comparison.strip())
    if name is None or NAMED_PERIOD.search(name.group("name")):
        return None
    return name.group("name")


def _bare_name(label: str) -> str:
    """A figure's label without the words that only introduce its value (`全年预算数为` → `全年预算`)."""
    return BARE_NAME.sub("", label.strip("，、；：:（( "))


def _amount(q: Quantity | None) -> bool:
    """A stated amount (a difference of money or a count), not a rate."""
    return q is not None and q.kind != "percent"


class Bases(Reader):
    """Bases of changes stated apart from them."""

    def _rate_and_amount_apart(self, first: int) -> None:
        """`支出 X，同比增长 p%，较上年增支 Δ` (or the amount first): one change of X against last year written
        in two clauses, each naming last year its own way. Read apart, neither can be recomputed (no base is
        written); read as one, the amount gives last year's figure (X − Δ) and the rate is checked against it.
        Only where the sentence holds these two changes alone, of the one figure, one direction, no base but
        one noted after the first (`同比增长 p%（上年同期 B），比上年同期增收 Δ`: B is the base of both)."""
        mine = self.facts.changes[first:]
        if len(mine) != 2:
            return
        a, b = mine
        if a.current is None or a.current is not b.current or b.base is not None:
            return
        if not (_last_year_only(a.comparison) and _last_year_only(b.comparison)):
            return
        if not _rate_and_amount(a.current, a.movements, b.movements):
            return
        end = a.movements[0].quantity.end if a.movements[0].quantity else a.movements[0].end
        # (a figure between the clauses: the second may be of it; but not the first's base, noted in brackets
        # right after it, `同比增长 p%（上年同期 B），比上年同期增收 Δ`: last year's figure of both)
        if any(end <= q.start < b.movements[0].start and q is not a.base for q in self._qs):
            return
        if not self._clause_of_same(end, b.movements[0].start, a.base):
            return
        moves = sorted((*a.movements, *b.movements), key=lambda m: m.start)
        del self.facts.changes[first:]
        self.facts.changes.append(replace(a, movements=moves, certain=a.certain and b.certain))

    def _clause_of_same(self, end: int, verb: int, base: Quantity | None) -> bool:
        """Do the words from the first clause's end to the second's verb name nothing the second could be of, only
        a comma and its comparison (the first's base noted in brackets right after it passed over)? The parser may
        give a change of another figure named there the first's figure (`支出 X，同比增长 p%，主要是教育支出比上年
        增加 Δ`: Δ is 教育支出's)."""
        text = self.doc.text
        note = NOTE_AFTER.match(text, end)
        if note is not None and base is not None and note.start() <= base.start < note.end():
            end = note.end()
        return NEXT_CLAUSE_OF_SAME.fullmatch(text, end, verb) is not None

    def _base_of_same_figure(self, si: int) -> None:
        """`机关运行经费 X，同比增长 p%，较2024年预算数 B 减少 Δ`: two changes of one figure in one sentence, the
        first against last year with no base stated, the second with its base. The base is the first's too where
        its words name last year (上年, or the year before the sentence's) at the stage of the document's own
        figures (a budget's 同比 is against last year's budget, not its outcome): the words must say the stage."""
        mine: list[Change] = []
        for c in reversed(self.facts.changes):
            if c.sentence != si:
                break
            mine.append(c)
        if len(mine) != 2:
            return
        later, first = mine
        if first.base is not None or later.base is None or first.current is None or first.current is not later.current:
            return
        if not SAME_PERIOD_ONLY.fullmatch(first.comparison.strip("，, ")):
            return
        text = self.doc.text
        begin = max(
            self.doc.sentences[si].start,
            *(m.end for m in first.movements),
            *(m.quantity.end for m in first.movements if m.quantity),
        )
        words = text[begin : later.base.start]
        said = STAGE_STATED.search(words)
        # (the current figure's stage: its words', else the document's, from its title)
        own = self.labeller.identify(text[self.doc.sentences[si].start : first.current.start])[1].stage
        stage = own or self._title_context().stage
        if said is None or stage is None or self.labeller.identify(said.group())[1].stage != stage:
            return
        year = STATED_YEAR.search(text, self.doc.sentences[si].start, first.current.start)
        base_year = STATED_YEAR.search(words)
        if not (LAST_YEAR_NAMED.search(words) or (year and base_year and int(base_year[1]) == int(year[1]) - 1)):
            return
        first.base = later.base

    def _base_after(self, first: int, mentions: list[Mention]) -> None:
        """`专项收入 42.1 亿元，同比下降 3.5%，上年同期为 45.6 亿元`: the figure right after a change, named only
        as last year's, is its base; also of a change whose current figure stands in the sentence before
        (`收支总计较上年减少 Δ，下降 p%，上年为 B`: the growth is then Δ / B), measured in the difference's unit."""
        for c in self.facts.changes[first:]:
            ref = c.current or next((v.quantity for v in c.movements if _amount(v.quantity)), None)
            if c.base is not None or ref is None or not c.movements:
                continue
            end = c.movements[-1].end
            # the nearest figure after it: mentions are not in text order (a note in brackets after a list's part
            # is added after the list, `A a，增长 p%（上年 b）；B c`)
            following = [m for m in mentions if m.quantities and m.quantities[0].start >= end]
            after = min(following, key=lambda m: m.quantities[0].start, default=None)
            if after is None or not (
                LAST_YEAR_ONLY.match(after.label.strip("，、；：（( "))
                or _last_year_end_of(after.label.strip("，、；：（( "), c.label)
                or _last_years_item(after.label.strip("，、；：（( "), c.label)
                or LAST_YEAR_STAGE.fullmatch(after.label.strip("，、；：（( "))
                and self._opens_bracket(after)
                or c.current is not None
                and self._year_before_noted(after, c.current, mentions)
            ):
                continue
            # (a ratio's last year is a ratio too: `执行率 97.4%，较上年提高 8.6 个百分点（上年为 88.8%）`)
            q = next((x for x in after.quantities if x.base_unit == ref.base_unit and x.kind == ref.kind), None)
            if q is not None:
                c.base = q

    def _years_after(self, first: int, mentions: list[Mention]) -> None:
        """`收入预算比上年预算增加 Δ，增长 p%，2025年为 A，2024年为 B` (or `本年为 A，上年为 B`): a change naming what
        changed but stating no figure of it, followed right after its moves by two figures named each by a year
        alone, of two consecutive years (the earlier the one its comparison names): what changed is the later
        year's figure, the earlier year's its base. Both of one unit, the unit of the amount moved."""
        for c in self.facts.changes[first:]:
            if c.current is not None or c.base is not None or not c.label or not c.movements:
                continue
            pair = self._two_years_after(c, mentions)
            if pair is not None:
                c.current, c.base = pair

    def _two_years_after(self, c: Change, mentions: list[Mention]) -> tuple[Quantity, Quantity] | None:
        """(later, earlier): the two figures named by a year alone right after the change's moves, if so."""
        text = self.doc.text
        last = c.movements[-1]
        end = max(last.end, last.quantity.end if last.quantity is not None else 0)
        following = sorted((q for m in mentions for q in m.quantities if q.start >= end), key=lambda q: q.start)
        if len(following) < 2:
            return None
        a, b = following[:2]
        y1, y2 = _year_alone(text, end, a.start), _year_alone(text, a.end, b.start)
        if y1 is None or y2 is None or not YEARS_CLOSED.match(text, b.end):
            return None
        if abs(y1 - y2) != 1 or (y1 > 1000) != (y2 > 1000):
            return None  # (a year and this year or last year mixed say no order)
        later, earlier = (a, b) if y1 > y2 else (b, a)
        compared = STATED_YEAR.search(c.comparison)
        if compared is not None and int(compared[1]) != min(y1, y2):
            return None
        if compared is None and not LAST_YEAR_NAMED.search(c.comparison):
            return None
        moved = [v.quantity for v in c.movements if v.quantity is not None and _amount(v.quantity)]
        unit = moved[0].base_unit if moved else a.base_unit
        if not all(q.kind == "amount" and q.exact and q.base_unit == unit for q in (a, b)):
            return None
        return later, earlier

    def _named_base(self, first: int, si: int) -> None:
        """`全年预算数 P。执行数 E。执行数比全年预算数减少 Δ`: a change against a figure it names (`比全年预算数`)
        with no figure of its own is against the one figure stated before it under its heading with just that
        name (`全年预算数为`), in the change's unit. Read only where each of the two names finds exactly one
        figure there, no other figure's name holding it (`专项资金全年预算数 A`, `全年预算数 B`: which is meant is
        not known), and of an amount (inferred when found in another sentence)."""
        for c in self.facts.changes[first:]:
            moved = next((v.quantity for v in c.movements if v.quantity is not None and _amount(v.quantity)), None)
            if c.base is not None or c.current is None or moved is None or len(c.movements) != 1:
                continue
            name = _compared_name(c.comparison)
            current = c.current
            if name is None or moved.base_unit != current.base_unit:
                continue
            found = self._named_once(name, si, current)
            if found is None or self._named_once(_bare_name(c.label), si, current) not in (None, current):
                continue  # (the changed figure's name, where it names one, must name that figure alone)
            own = any(found in m.quantities for m in self.d.by_sentence.get(si) or [])
            item = self.labeller.identify(c.label)[0] if c.label else ""
            if not own and item and item not in GENERIC_ITEMS:
                # (`一般公共预算支出。年初预算 A，…。——农林水支出 C，比年初预算增加 Δ`: an item of its own, named apart
                # from the budget stated before, is compared with its own initial budget, which is not stated)
                continue
            c.base = found
            c.certain = c.certain and own

    def _named_once(self, name: str, si: int, like: Quantity) -> Quantity | None:
        """The one figure of `like`'s kind and unit stated before it under sentence `si`'s heading whose label
        holds `name`, when its label is just that name; None where none, two or another name's are."""
        found: list[tuple[Quantity, Mention]] = []
        sj = si
        while len(name) >= 2 and (sj == si or self._same_section(sj, si)):
            found += [
                (q, m)
                for m in self.d.by_sentence.get(sj) or []
                if name in m.label
                for q in m.quantities
                if q.kind == like.kind and q.base_unit == like.base_unit and q.start <= like.start
            ]
            sj -= 1
        if len(found) != 1 or _bare_name(found[0][1].label) != name:
            return None
        return found[0][0]

    def _year_before_noted(self, note: Mention, current: Quantity, mentions: list[Mention]) -> bool:
        """`科学技术支出 A，增长 p%（2024年执行 B）`: a bracket right after the change naming only a year (and the
        stage of its figure) notes last year's figure when the year is the one before the changed figure's: its
        label's, else the last the sentence states before it, else the title's. Any other year is no base."""
        named = BRACKET_NOTE_YEAR.fullmatch(note.label.strip("，、；：（( "))
        if named is None or not self._opens_bracket(note):
            return False
        changed = next((m for m in mentions if current in m.quantities), None)
        if changed is None:
            return False
        # (a year in brackets before it notes another figure's, `A a，增长 p%（2024年执行 B）；C c…`: not C's)
        sentence = self.doc.sentences[changed.sentence]
        years = STATED_YEAR.findall(BRACKETED.sub("", self.doc.text[sentence.start : changed.start]))
        year = int(years[-1]) if years else None
        if year is None:  # no year stated before it in its sentence: the title's
            period = self._title_context().period or ""
            year = int(period) if period.isdigit() else None
        return year == int(named.group(1)) + 1

    def _respective_bases(self, first: int, mentions: list[Mention]) -> None:
        """`教育、科技支出分别为 a、b，分别增长 p%、q%，上年分别为 c、d`: a change of a figure given its name by 分别 is
        over the one figure of the sentence named as last year's under the same name (`上年教育支出`)."""
        for c in self.facts.changes[first:]:
            if c.base is not None or c.current is None or not c.label:
                continue
            found = [
                q
                for m in mentions
                if _last_years_of(m.label) == c.label
                for q in m.quantities
                if q.base_unit == c.current.base_unit and q.kind == c.current.kind
            ]
            if len(found) == 1:
                c.base = found[0]


# a figure named as last year's end (`上年末为`, `上年末余额为`, `上年底`): the words after it name the item
LAST_YEAR_END = regex(rf"^(?:{LAST_YEAR_NAMES})(?:末|底)(?P<words>[\u4e00-\u9fff]{{0,8}}?)(?:为|是)?$")


# a figure named as last year's value of an item (`上年项目支出为`): the words after 上年 name the item
LAST_YEARS_ITEM = regex(rf"^(?:{LAST_YEAR_NAMES})(?!末|底|结转|结余)(?P<words>[\u4e00-\u9fff]{{2,12}}?)(?:为|是)$")


def _last_years_item(label: str, changed: str) -> bool:
    """Is the label last year's value of what changed (`上年项目支出为 B` after `支出增加 Δ，增长 p%`): words that end
    with the change's name (two characters at least), stated as that value (为, 是)?"""
    said = LAST_YEARS_ITEM.match(label)
    return said is not None and len(changed) >= 2 and said.group("words").endswith(changed)


def _last_year_end_of(label: str, changed: str) -> bool:
    """Is the label last year's end of what changed (`上年末余额为` after `债务余额比上年末增加 Δ`): no words of an
    item, or words the change's name ends with?"""
    said = LAST_YEAR_END.match(label)
    if said is None:
        return False
    words = said.group("words")
    return not words or changed.endswith(words)
