"""The sentence pass's state and the helpers every family of readings uses (tieout.linter.facts.sentence)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
from decimal import Decimal
from itertools import takewhile
from typing import TypeVar

from tieout.linter.facts.definitions import common_tail, of_total, overlapping
from tieout.linter.facts.draft import Draft
from tieout.linter.facts.identity import document_context
from tieout.linter.facts.model import Breakdown, Change, Mention, Rate
from tieout.linter.facts.passes.base import exact_figure, names_itself, per_one, rolls_forward
from tieout.linter.facts.passes.closing import Closing
from tieout.linter.facts.passes.introduced import nest_introduced
from tieout.linter.facts.passes.surveys import one_answer_apart
from tieout.linter.facts.sentence.wording import STATED_YEAR, foots_flat
from tieout.linter.figures.context import BUDGET_STAGES, MIXED, Context, read
from tieout.linter.figures.intervals import writes_ratio
from tieout.linter.figures.labels import INCLUDED
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex
from tieout.linter.text.normalise import FORM_LINE
from tieout.linter.vocab import words

# list words after which the parts named are all the parts (`具体为`), not a selection (`其中`)
COMPOSED = "组成"  # (the keyword of a list framed `由 … 组成`)
EXHAUSTIVE = frozenset(words("relations", "exhaustive")) | {COMPOSED}


REMAINDER = tuple(words("relations", "remainder"))
# the marks closing a clause, or the bracket a list stands in: what follows a list's last figure up to one of them
# is still of the list
CLAUSE_END = regex(r"[，,。；;：:！？）)\n]")
# the words of the next clause saying the list before it left money out (vocab relations list_continues)
LIST_CONTINUES = tuple(words("relations", "list_continues"))
# the stages of a figure an outcome is measured against: a plan or target, a budget
PLAN_STAGES = frozenset({"计划", *BUDGET_STAGES})


FORM_REACH = 8  # (a form's block of lines: the budget and outcome stand a few lines above the rate)


def _counts_other_things(head: Mention, parts: list[Mention]) -> bool:
    """Does a part count something else than its total (`24个赛事168个赛项，其中：一类赛9个赛事62个赛项`)? Such a
    list mixes two totals' parts; which figure belongs to which is not certain, so it makes no relation."""
    if not head.noun:
        return False
    if any(p.noun and not (p.noun.startswith(head.noun) or head.noun.startswith(p.noun)) for p in parts):
        return True
    # (`涉及13个单位，其中产出指标7个、成本指标1个…`: parts named before their counts, all as one other kind of thing,
    # 指标, where the total counts 单位)
    names = [p.label.strip("，、；：:,其中 ") for p in parts if not p.noun]
    if len(names) < 2 or len(names) != len(parts):
        return False
    tail = common_tail(*names)
    # (the same kind however qualified: `13个三级指标，其中产出指标 7 个…` counts 指标 on both sides)
    same = head.noun.endswith(tail) or tail.endswith(head.noun)
    return len(tail) >= 2 and not same and not any(head.noun in n for n in names)


def _runs_of_parts(
    parts: list[Mention], coordinated: set[int]
) -> tuple[list[Mention], list[tuple[Mention, list[Mention]]]]:
    """The list's own parts, and (part, run) where a run of two or more parts right after a part adds up to
    it exactly (its components, listed without a 其中). A part joined to the next by `、` (in `coordinated`)
    heads no run: the enumeration comma joins items of one rank, and a sum that meets the part is chance
    (counts of a few units meet often: `局本级 5 个、市图书馆 2 个、艺术馆 1 个、文保中心 2 个`)."""
    own: list[Mention] = []
    nested: list[tuple[Mention, list[Mention]]] = []
    i = 0
    while i < len(parts):
        whole = parts[i]
        own.append(whole)
        j = _run_end(parts, i) if i not in coordinated else i + 1
        if j > i + 2 and _by_zeros(parts[i], parts[i + 1 : j]) and not of_total(whole, parts[i + 1 : j]):
            j = i + 1  # `执法执勤用车 3 辆、特种专业技术用车 3 辆、其他用车 0 辆`: 3 = 3 + 0 says nothing
        if j > i + 2:
            nested.append((whole, parts[i + 1 : j]))
            i = j
        else:
            i += 1
    return own, nested


def _by_zeros(whole: Mention, run: list[Mention]) -> bool:
    """Does the run add up to the part before it only by one figure equal to it and zeros (x = x + 0)? Then the
    sum is no sign the run is that part's components: only their names can say so."""
    value = exact_figure(whole)
    figures = [q.base_value if (q := exact_figure(m)) is not None else None for m in run]
    nonzero = [v for v in figures if v]
    return value is not None and len(nonzero) == 1 and nonzero[0] == value.base_value


def _run_end(parts: list[Mention], i: int) -> int:
    """The end of the run after parts[i] whose figures add up to parts[i] exactly; i + 1 if none does. A part
    of 0 heads no run: the zeros after it (`A用车0辆、B用车0辆、C用车0辆`) add up to it whatever they are."""
    whole = exact_figure(parts[i])
    if whole is None or not whole.base_value:
        return i + 1
    total = Decimal(0)
    for j in range(i + 1, len(parts)):
        q = parts[j].of_unit(whole.base_unit)
        if q is None or not q.exact:
            return i + 1
        total += q.base_value
        if total == whole.base_value and j > i + 1:
            return j + 1
        if total > whole.base_value:
            return i + 1
    return i + 1


_Read = TypeVar("_Read", Rate, Change)


def of_sentence(read: list[_Read], si: int) -> list[_Read]:
    """What was read of sentence `si` so far (rates, changes), in order. The sentences are read in order, and each
    relation is recorded under the sentence being read: a sentence's stand together, the current one's at the end,
    and are found from the end rather than by a walk of every one of the document (which grew with their square)."""
    out: list[_Read] = []
    for x in reversed(read):
        if x.sentence < si:
            break
        if x.sentence == si:
            out.append(x)
    out.reverse()
    return out


class Reader:
    """The state of the sentence pass, and keeping what its readings find."""

    def __init__(self, draft: Draft) -> None:
        self.d = draft
        self.doc = draft.doc
        self.facts = draft.facts
        self.labeller = draft.labeller
        self._last_rate: dict[int, int] = {}  # sentence → start of its latest rate
        # sentence → the outcome its rate named by stage was read of, and the budgets stated before it (rates.py)
        self._outcome_over: dict[int, tuple[Quantity, str, list[tuple[Quantity, str, str | None]]]] = {}
        self._starts: list[int] = []  # where each figure of the document starts, in order
        self._qs: list[Quantity] = []  # the figures of the sentence being read
        self._list_of: dict[int, int] = {}  # see _lists
        self._lists_seen = 0
        self._title: Context | None = None  # what the title states (`_title_context`), read once when asked
        # where each year is named in the text, in order (`_latest_year_between`), found once when asked
        self._years: list[tuple[int, int]] | None = None
        self._closing = Closing(draft)  # the lines closing item lines with their total (`基本支出小计 X`)
        # sentence → its mentions, the period each carries and each one's place (changes.py `_periods_carried`)
        self._carried: dict[int, tuple[list[Mention], list[str | None], dict[int, int]]] = {}

    def _title_context(self) -> Context:
        """The context the document's title states (identity.document_context), read once per document."""
        if self._title is None:
            self._title = document_context(self.doc)[0]
        return self._title

    def _latest_year_between(self, start: int, end: int) -> int | None:
        """The latest year the text names (`2025年`) between two places; None where it names none."""
        if self._years is None:
            self._years = [(found.start(), int(found.group(1))) for found in STATED_YEAR.finditer(self.doc.text)]
        i, j = bisect_right(self._years, (start, 0)), bisect_left(self._years, (end, 0))
        return max((year for _, year in self._years[i:j]), default=None)

    def _lone_figures(self, mentions: list[Mention]) -> list[Mention]:
        """The unlisted mentions of one exact figure each."""
        return [m for m in self._unlisted(mentions) if len(m.quantities) == 1 and m.quantities[0].exact]

    def _unlisted(self, mentions: list[Mention]) -> list[Mention]:
        """The mentions with figures that no list read so far holds, as its total or as a part."""
        return [m for m in mentions if m.quantities and id(m) not in self.d.parts and id(m) not in self.d.totals]

    def _keep(self, b: Breakdown) -> None:
        """A breakdown found, its total and parts (and subtracted parts) marked as such for what reads on."""
        nested_lists = nest_introduced(self.doc.text, b)
        if nested_lists != [b]:
            for each in nested_lists:  # (a part's own list, a level below: `专项债券 b，分别投向 x1、x2`)
                self._keep(each)
            return
        nested = self._nested_at(b)
        if nested is not None:
            b = replace(b, parts=b.parts[:nested], exhaustive=False)
        self.facts.breakdowns.append(b)
        self.d.totals.add(id(b.total))
        self.d.parts.update(id(m) for m in [*b.parts, *b.minus])

    def _nested_at(self, b: Breakdown) -> int | None:
        """Where a list's parts that overrun their total turn out nested (`回收 553 份，其中有效问卷 540 份，满意 483
        份，满意度为 89.44%`): a part smaller than the one before it, which a rate of the sentence puts over that one
        and not over the total (483 / 540 is the 89.44% stated), is a part of it, not of the total. The index the
        list ends at, if so."""
        unit = b.total.quantities[0].base_unit if b.total.quantities else ""
        values = [q.base_value if (q := p.of_unit(unit)) is not None and q.exact else None for p in b.parts]
        total = b.total.quantities[0].base_value if b.total.quantities else None
        if total is None or total <= 0 or None in values or sum(v for v in values if v is not None) <= total or b.minus:
            return None
        rates = [q for q in self._qs if q.kind == "percent" and q.exact]
        for i in range(1, len(values)):
            whole, part = values[i - 1], values[i]
            if whole is None or part is None or not 0 < part < whole:
                continue
            # (not the part's share of the total, which a rate may match as well: `占 0.55%` of both)
            if any(writes_ratio(part, whole, r) and not writes_ratio(part, total, r) for r in rates):
                return i
        return None

    def _record_chain(
        self, total: Mention, parts: list[Mention], minus: list[Mention], si: int, certain: bool = True
    ) -> None:
        self._keep(Breakdown(total, parts, "调整", True, si, certain=certain, minus=minus))

    def _after(self, m: Mention) -> str:
        """The text right after a figure's last quantity (its unit is part of the quantity)."""
        end = m.quantities[-1].end if m.quantities else m.start
        return self.doc.text[end : end + 40]

    def _and_so_on(self, m: Mention) -> bool:
        """Does `等` follow the figure (`…、其他交通费用 52.30 万元等`): the list names some items, the rest unsaid?"""
        return self._after(m).startswith("等")

    def _runs_on(self, last: Mention) -> bool:
        """Do words follow the list's last figure in its clause (`…、市级资金 b 等`, `…、市级资金 b 和自筹资金`)? The
        list then names more than the parts it gives figures, or some of them only: however it opened, not all."""
        # (40 characters: the rest of a clause, or the opening of the next, is read; a list's next clause speaks of it
        # at once or not at all)
        clause, *after = CLAUSE_END.split(self._after(last), maxsplit=1)
        return bool(clause.strip()) or bool(after and after[0].lstrip().startswith(LIST_CONTINUES))

    def _coordinated(self, parts: list[Mention]) -> set[int]:
        """The indexes of the parts an enumeration comma joins to the next (`局本级 5 个、市图书馆 2 个`): items
        of one rank, the next no component of this one."""
        text = self.doc.text
        return {
            i
            for i, (a, b) in enumerate(zip(parts, parts[1:]))
            if a.quantities and text[a.quantities[-1].end : b.start].lstrip()[:1] == "、"
        }

    def _record(self, head: Mention, parts: list[Mention], keyword: str, si: int, open_ended: bool = False) -> None:
        """The breakdown, with the runs of parts that add up to the part before them taken as that part's own
        (`一般债券 426 亿元，省级留用 45 亿元，转贷市县 381 亿元`: the last two are the first's); `open_ended` for a
        list cut short, which may name some of its parts only, whatever word opened it."""
        # (a rate per unit among the items, `办公经费 a、每村奖励 b、奖补 c`, is what an item's money was set by or comes
        # to, no part of the sum)
        parts = [p for p in parts if not per_one(p.label)]
        if not parts or _counts_other_things(head, parts) or rolls_forward(head, parts) or one_answer_apart(parts):
            return
        if names_itself(head, parts):
            return  # `本年收入合计 A，上年结转 B，其中：…，上年结转 B`: the list is of A + B, not of B
        if overlapping(parts):
            return  # `支出 X，其中民生支出 a；“三保”支出 b`: aggregates across the classification overlap
        if len(parts) >= 3 and of_total(head, parts[1:]) and not of_total(head, parts):
            # `采购总额 X，其中授予中小企业合同金额 a，货物、工程、服务支出分别为 b、c、d`: the parts after the first
            # are the total's definition; the first cuts across them
            self.d.parts.add(id(parts[0]))
            parts = parts[1:]
        parts = self._defined_runs(parts, si)
        coordinated = self._coordinated(parts)
        own, nested = _runs_of_parts(parts, coordinated) if not foots_flat(head, parts) else (parts, [])
        for whole, run in nested:
            self._keep(Breakdown(whole, run, "", True, si, inferred=True, certain=False))
        # a list that ends with the rest (`…，其他 2.1 亿元`) covers its total whatever word opened it
        rest = len(own) >= 2 and own[-1].key.startswith(REMAINDER) and not self._and_so_on(own[-1])
        # (a list the frame closes, `由 a、b 和 c 组成`, has its closing word after its last figure)
        listed_all = keyword in EXHAUSTIVE and (keyword == COMPOSED or not self._runs_on(own[-1]))
        exhaustive = (listed_all or rest) and len(own) >= 2 and not open_ended
        one_rank = len(own) >= 2 and len(coordinated) == len(parts) - 1
        self._keep(Breakdown(head, own, keyword, exhaustive, si, coordinated=one_rank))

    def _defined_runs(self, parts: list[Mention], si: int) -> list[Mention]:
        """The parts less the runs that are a part's own definition (`其中公务用车购置及运行维护费 a，公务用车购置费、
        公务用车运行维护费分别为 b、c`: b and c are a's), those recorded as that part's breakdown."""
        out: list[Mention] = []
        i = 0
        while i < len(parts):
            out.append(parts[i])
            k = next((k for k in range(len(parts), i + 2, -1) if of_total(parts[i], parts[i + 1 : k])), None)
            if k is None:
                i += 1
                continue
            self._keep(Breakdown(parts[i], parts[i + 1 : k], "", True, si))
            i = k
        return out

    def _same_section(self, a: int, b: int) -> bool:
        """Do sentences `a` and `b` stand under one heading (or in one paragraph, where there is none)?"""
        if a < 0:
            return False
        here = self.doc.section_at(self.doc.sentences[b].start)
        if here is None:
            return self._same_paragraph(a, b)
        return self.doc.section_at(self.doc.sentences[a].start) is here

    def _form_lines_before(self, si: int) -> list[Mention]:
        """The named figures of the form's lines right before sentence si (a line of its own each, one figure),
        up to the first other sentence."""
        by_sentence: dict[int, list[Mention]] = {}
        for m in reversed(self.facts.mentions):
            if m.sentence < si - FORM_REACH:
                break
            by_sentence.setdefault(m.sentence, []).append(m)
        out: list[Mention] = []
        for sj in range(si - 1, max(si - 1 - FORM_REACH, -1), -1):
            sentence = self.doc.sentences[sj]
            ms = by_sentence.get(sj, [])
            if not ms and FORM_LINE.fullmatch(self.doc.text, sentence.start, sentence.end):
                continue  # (a rate's line, `执行率：95.62%`, names no figure of the form's money)
            if (
                len(ms) != 1
                or len(ms[0].quantities) != 1
                or not FORM_LINE.fullmatch(self.doc.text, sentence.start, sentence.end)
            ):
                break
            if ms[0].quantities[0].kind in ("amount", "bare"):
                out.append(ms[0])
        return out

    def _rates_of(self, si: int) -> list[Rate]:
        """The rates read of sentence `si` so far, in order (`of_sentence`)."""
        return of_sentence(self.facts.rates, si)

    def _changes_of(self, si: int) -> list[Change]:
        """The changes read of sentence `si` so far, in order (`of_sentence`)."""
        return of_sentence(self.facts.changes, si)

    def _references(self, si: int) -> set[int]:
        """The figures a sentence's ratios and changes so far measure against (their bases), by id."""
        rates = takewhile(lambda r: r.sentence == si, reversed(self.facts.rates))
        changes = takewhile(lambda c: c.sentence == si, reversed(self.facts.changes))
        used = {id(r.operands[-1]) for r in rates if r.operands and (r.ordered or self._target(r.operands[-1], si))}
        return used | {id(c.base) for c in changes if c.base is not None}

    def _target(self, q: Quantity, si: int) -> bool:
        """Is the figure a target, plan or budget by its own words (`年度目标为 86 公里`, `调整预算 416,609 万元`)? As
        a rate's base (`完成率 103.02%`, `完成预算的 91.88%`) it is what the outcome is measured against, whichever
        order the rate was read in."""
        m = next((m for m in self.d.by_sentence.get(si) or [] if any(x is q for x in m.quantities)), None)
        return m is not None and self.labeller.identify(m.label)[1].stage in PLAN_STAGES

    def _bracketed(self, m: Mention) -> bool:
        """Does the mention stand in brackets after another figure (`86.5 亿元（开发区 12.3 亿元）`), a note on
        it (in brackets or, `86.5 亿元，含开发区 12.3 亿元，比上年…`, set off by commas), or in a list in brackets?"""
        return id(m) in self.d.bracketed or m.label.startswith(("含", "包含")) or self._opens_bracket(m)

    def _notes_a_percentage(self, m: Mention) -> bool:
        """Does the mention open a bracket right after a percentage (`完成预算的 94.4%（调整预算 X）`, `增长 4.2%（上年
        Y）`)? It notes the percentage's base or last year's value: never what a later change is of."""
        if not m.quantities or not self._opens_bracket(m):
            return False
        k = bisect_left(self._starts, m.quantities[0].start) - 1
        return k >= 0 and self.facts.quantities[k].kind == "percent"

    def _note(self, m: Mention) -> bool:
        """Is the mention a bracket noting what the figure before holds (`（含开发区 12.4 亿元）`)?"""
        return bool(INCLUDED.match(m.label)) and self._opens_bracket(m)

    def _opens_bracket(self, m: Mention) -> bool:
        """Does the mention's label open right after a bracket (`…（开发区 12.3 亿元）`)?"""
        if not m.quantities:
            return False
        start = m.quantities[0].start - len(m.label)
        return self.doc.text[max(0, start - 2) : start].endswith(("（", "("))

    def _qualifies(self, m: Mention) -> bool:
        return self.labeller.qualifying_ratio(m.key, m.quantities)

    def _same_paragraph(self, a: int, b: int) -> bool:
        return a >= 0 and self.doc.sentences[a].paragraph == self.doc.sentences[b].paragraph

    def _of_other_scope(self, m: Mention, scope: str | None) -> bool:
        """Is an earlier figure of another scope than `scope` (that of the figure looked for), by its label or else
        by what its sentence states up to it (`分级次看，市本级政府债务余额 B，其中一般债务余额 b`: b is 市本级's)?
        Either scope unknown (or two stated), it is not known to be."""
        if scope is None:
            return False
        return self._scope_of(m) not in (None, scope)

    def _scope_of(self, m: Mention) -> str | None:
        """The scope of an earlier figure, by its label or else by what its sentence states up to it; None where
        neither states one, or two are stated."""
        sentence = self.doc.sentences[m.sentence]
        own = self.labeller.identify(m.label)[1].scope or read(self.doc.text[sentence.start : m.start]).context.scope
        return None if own == MIXED else own
