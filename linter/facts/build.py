"""Facts of a document, in ordered passes that only add:

1. the sentence pass: each sentence parsed (tieout.linter.parse.sentences) and its items turned into mentions
   and the relations the sentence states itself (breakdowns, shares, rates, changes …);
2. identities (tieout.linter.facts.identity): which quantity each mention is;
3. the linking passes (tieout.linter.facts.passes): relations across sentences, each pass returning new
   relations and never rewriting what earlier passes built;
4. explanations (unit slips, restatements) that several checks read.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from itertools import takewhile
from typing import Literal, TypeGuard

from lark import Token
from lark.exceptions import LarkError
from tieout.linter.facts.definitions import of_total, overlapping
from tieout.linter.facts.identity import document_context
from tieout.linter.facts.model import (
    Breakdown,
    Change,
    Facts,
    Formula,
    FromTo,
    Mention,
    Movement,
    Rate,
    Share,
    ShareList,
)
from tieout.linter.facts.passes.base import (
    ADDED,
    ADDING,
    CHANGE_AMOUNT,
    HANDED_OVER,
    changed_by,
    changed_from,
    converted,
    count_of,
    counts_subordinates,
    exact_figure,
    foots,
    in_brackets,
    list_total,
    rolls_forward,
    scored_apart,
    within_whole,
)
from tieout.linter.facts.passes.closing import Closing
from tieout.linter.facts.passes.grades import STATED as STATED_GRADE
from tieout.linter.facts.passes.limits import limit_gaps
from tieout.linter.facts.passes.surveys import one_answer_apart
from tieout.linter.figures.context import FIELDS, Context
from tieout.linter.figures.intervals import writes_ratio
from tieout.linter.figures.labels import Labeller
from tieout.linter.figures.quantities import Quantity, extract
from tieout.linter.parse.sentences import (
    _Breakdown,
    _Change,
    _Entry,
    _Formula,
    _FromTo,
    _Movement,
    _Rate,
    parse_sentence,
)
from tieout.linter.parse.tables import find_tables
from tieout.linter.parse.tokens import CMP_ALONE, CMP_BEFORE, CMP_HEAD, tokenize
from tieout.linter.patterns import lazy, regex
from tieout.linter.text.model import Document, Sentence
from tieout.linter.text.normalise import FORM_LINE
from tieout.linter.vocab import load, words

GROSS = tuple(words("relations", "gross"))
# words before a named whole that make it any total of its kind (`占全部支出的`, `占总收入的`)
GENERIC_WHOLE = regex(r"^(?:全部|全年|总|全)")
# list words after which the parts named are all the parts (`具体为`), not a selection (`其中`)
EXHAUSTIVE = frozenset(words("relations", "exhaustive")) | {"组成"}
# `由 A a、B b 和 C c 组成`: a list of all the parts a figure is made of
COMPOSED_OPEN = regex(r"^由")
COMPOSED_CLOSE = regex(r"^(?:共同)?(?:组成|构成)")
REMAINDER = tuple(words("relations", "remainder"))
INCLUDED = regex("^(?:" + "|".join(words("relations", "included")) + ")")
# the words right after a count (`24个赛事168个赛项`: 赛事, 赛项), up to a figure or a punctuation mark
COUNTED = regex(r"[^\d\s，,。；;：:、（）()“”]{1,12}")
# a figure named as the gap between its item and another (`余额低于限额`, `收入超出预算`): the name ends in the
# gap word and what the item is compared with (not `账龄超过` before `3 年`)
_GAP_WORDS = "|".join((load("relations").get("reference") or {}).get("gap") or [])
GAP_WORD = regex(f"^(?:{_GAP_WORDS})")
GAP = regex(f"(?:{_GAP_WORDS})[\u4e00-\u9fff]+$")

# a form's execution rate (`执行率：`, `预算执行率：`, `全年预算执行率：`), the lines of its budget and outcome
FORM_RATE = regex(r"(?:全年|年初|年度|调整后)?(?:预算|资金)?执行率")
FORM_BUDGET = regex("预算")
FORM_OUTCOME = regex("执行|实际|支出|发放")
FORM_SCOPE = regex("全年|年初|年度|调整后")
# a line opening with the total of the lines above it (`以上合计`, `上述三项共计`), and an item line before its figure
# (its number, a name: `2.公务接待费`)
ABOVE_TOTAL = regex(
    r"\s*(?:以上|上述)(?:(?P<count>[二两三四五六七八九十]|\d{1,2})项)?(?:合计|共计|总计)(?:为)?[：:]?\s*"
)
ITEM_LINE = regex(
    r"\s*(?P<mark>[（(]\d{1,2}[)）]|\d{1,2}[、.．](?!\d)|[（(]?[一二三四五六七八九十][)）、])\s*[\u4e00-\u9fff（）()“”]{2,24}[：:]?\s*"
)
NUMBER_STYLE = regex(r"\d{1,2}|[一二三四五六七八九十]")
FORM_REACH = 8  # (a form's block of lines: the budget and outcome stand a few lines above the rate)


# Bounds on what one sentence is parsed for: parsing a list is quadratic in its length (2,000 figures take
# about a second), and lists nest by recursion. Real text stays below both (the most figures in one sentence
# of the shared corpus are 957, a table run together in a budget report's text); past them a sentence is
# debris, read for its figures only.
MAX_SENTENCE_FIGURES = 2000
MAX_NESTING = 32


def _nesting(items: list) -> int:
    """How deep the lists of a parsed sentence nest (without recursion: the depth is what is bounded)."""
    deepest = 0
    stack: list[tuple[object, int]] = [(item, 1) for item in items if isinstance(item, _Breakdown)]
    while stack:
        b, depth = stack.pop()
        assert isinstance(b, _Breakdown)
        deepest = max(deepest, depth)
        if depth > MAX_NESTING:
            break
        stack.extend((p, depth + 1) for p in (*b.parts, *b.noted) if isinstance(p, _Breakdown))
    return deepest


@dataclass(slots=True)
class Draft:
    """The facts under construction and what the sentence pass knows that the linking passes need."""

    doc: Document
    labeller: Labeller
    facts: Facts
    by_sentence: dict[int, list[Mention]] = field(default_factory=dict)  # mentions in order, per sentence
    headless: dict[int, list[Mention]] = field(default_factory=dict)  # sentence opening with 其中 → its parts
    whole_named: dict[int, str] = field(default_factory=dict)  # sentence opening `X中，` → X (its parts' whole)
    # sentence opening `X包括：` → X (its parts' whole), and whether the words list all of it (not `主要包括：`)
    whole_listed: dict[int, tuple[str, bool]] = field(default_factory=dict)
    # sentences opening with a whole's make-up (从支出结构看): their parts are the figure before's only if they fit in it
    make_up: set[int] = field(default_factory=set)
    parts: set[int] = field(default_factory=set)  # ids of mentions listed as parts of a breakdown
    totals: set[int] = field(default_factory=set)  # ids of mentions that are a breakdown's total
    noted: set[int] = field(default_factory=set)  # ids of mentions in brackets after a part: that part's
    parse_errors: int = 0
    # per sentence, the offsets of its brackets and the depth after each (passes/breakdowns.py)
    brackets: dict[int, tuple[list[int], list[int]]] = field(default_factory=dict)
    # per sentence, the spans of its `加` and `减` words (passes/breakdowns.py `_chain`)
    signs: dict[int, tuple[list[tuple[int, int]], list[tuple[int, int]]]] = field(default_factory=dict)
    # per mention (id): the context its own words and its whole's state, and the one its headings and the
    # document's title add (facts/identity.py), for the parts the linking passes find
    stated: dict[int, Context] = field(default_factory=dict)
    around: dict[int, Context] = field(default_factory=dict)
    excluded: dict[int, str] = field(default_factory=dict)  # what a mention's words leave out of its item (不含…)
    bracketed: set[int] = field(default_factory=set)  # parts of lists in brackets (`X（其中：A a，B b）`), by id
    # shares naming a part and a whole, no figure stated under the part's name: (part, whole, rate, sentence)
    unread_shares: list[tuple[str, str, Quantity, int]] = field(default_factory=list)

    def is_part(self, m: Mention) -> bool:
        return id(m) in self.parts


class SentencePass:
    """Mentions and the relations each sentence states on its own."""

    def __init__(self, draft: Draft) -> None:
        self.d = draft
        self.doc = draft.doc
        self.facts = draft.facts
        self.labeller = draft.labeller
        self._last_rate: dict[int, int] = {}  # sentence → start of its latest rate
        self._starts: list[int] = []  # where each figure of the document starts, in order
        self._qs: list[Quantity] = []  # the figures of the sentence being read
        self._list_of: dict[int, int] = {}  # see _lists
        self._lists_seen = 0
        self._title: Context | None = None  # what the title states (`_title_context`), read once when asked
        self._closing = Closing(draft)  # the lines closing item lines with their total (`基本支出小计 X`)

    def run(self) -> None:
        starts = self._starts = [q.start for q in self.facts.quantities]
        text = self.doc.text
        html: list[tuple[int, int]] = []
        if "<table" in text or "<TABLE" in text:
            # (the HTML parser imported only for a report that holds HTML tables: not at every start)
            from tieout.linter.parse.tables.html import spans as html_spans

            html = html_spans(text)
        html_starts = [a for a, _ in html]
        for si, sent in enumerate(self.doc.sentences):
            if text.startswith("|", sent.start) or (_inside(html, html_starts, sent.start) and _only_cells(text, sent)):
                continue  # a table row: the table model reads it as cells
            lo = bisect_left(starts, sent.start)
            hi = bisect_left(starts, sent.end)
            qs = self.facts.quantities[lo:hi]
            if qs and not _table_row(text, qs):
                self._sentence(si, sent.start, sent.end, qs)

    def _sentence(self, si: int, start: int, end: int, qs: list[Quantity]) -> None:
        self._qs = qs
        toks = tokenize(self.doc.text, start, end, qs)
        items: list | None = None
        if len(qs) <= MAX_SENTENCE_FIGURES:
            try:
                items = parse_sentence(toks, qs)
            except LarkError:
                # the grammar is total by construction; should a sentence still fail, it yields mentions only
                self.d.parse_errors += 1
        if items is None or _nesting(items) > MAX_NESTING:
            # too long or too deeply nested to be prose a reader follows (debris, a table run into one line):
            # its figures are mentions, and no relation is read from it
            items = [_Entry("", [qs[t.qi]]) for t in toks if t.qi >= 0]
        _respective_moves(items)
        _share_after_change(items)
        _more_or_less(items, self.doc.text)
        runs = _respective_names(items)
        _nested_names(items)
        changes_before = len(self.facts.changes)
        mentions: list[Mention] = []
        self.d.by_sentence[si] = mentions
        para = self.doc.sentences[si].paragraph
        for pos, item in enumerate(items):
            previous = items[pos - 1] if pos else None
            if _is_label(item) and isinstance(previous, _Entry) and mentions:
                mentions[-1].noun = self.labeller.noun(str(item))
            if isinstance(item, _Entry):
                if item.of is not None:
                    self._of_ratio(item, si, mentions)
                mentions.append(self._mention(item, si, para))
            elif isinstance(item, _Breakdown):
                headless = item.head is None and not mentions and pos == 0
                before = len(mentions)
                self._breakdown(item, si, para, mentions, self._qualified_head(items[:pos], mentions), items[:pos])
                if headless:
                    # the list's own items: parts nested under one of them (`（其中：…）`) are not its items
                    self.d.headless[si] = self._own_items(mentions[before:], si)
                    # `…合计 T。其中：A a，B b，分别占 p%、q%`: the shares go to the parts in order, as in a list
                    # with its total before it in the sentence; their whole is found when the list's is
                    self._listed_shares(item, si)
            else:
                self._clause(item, si, self._past_grade(items, pos, mentions), _name_in(previous))
        self._respective_runs(items, runs, si, mentions)
        if not runs and "分别" in self.doc.text[self.doc.sentences[si].start : self.doc.sentences[si].end]:
            self._parallel_shares(items, si)
        self._composed(items, si, mentions)
        if any(t.type == "SHARE" for t in toks):  # both read shares written with 占 (a SHARE token): most have none
            self._named_shares(items, si, mentions)
            self._structure(items, si)
        self._make_up_of_before(items, si, mentions)
        self._list_of_before(si, mentions)
        self._base_after(changes_before, mentions)
        self._named_base(changes_before, si)
        self._respective_bases(changes_before, mentions)
        self._adjusted(mentions, si, changes_before)
        self._over_or_short(mentions, si)
        self._limit_gaps(mentions, si)
        self._deductions(mentions, si)
        self._remainders(mentions, si)
        self._left_over(mentions, si)
        self._rest(mentions, si)
        self._left_over_after(mentions, si)
        self._named_sum(mentions, si)
        self._total_of_lines_above(mentions, si)
        for closed in self._closing.read(mentions, si):
            self._keep(closed)
        self._listed_total(mentions, si)
        self._rate_and_amount_apart(changes_before)
        self._base_of_same_figure(si)

    def _past_grade(self, items: list[object], pos: int, mentions: list[Mention]) -> list[Mention]:
        """The figures a clause may be of: after a list and a clause stating its whole's grade in words (`总分 X，
        其中 A a、B b；自评等级为“优”，比上年得分 Y 降低 Δ`) the parts are done, and what follows is of the whole."""
        previous = items[pos - 1] if pos else None
        if pos < 2 or not isinstance(items[pos - 2], _Breakdown) or not WORDED_VALUE.search(_name_in(previous)):
            return mentions
        last = self.facts.breakdowns[-1] if self.facts.breakdowns else None
        at = next((k for k, m in enumerate(mentions) if last is not None and m is last.total), None)
        return mentions[: at + 1] if at is not None else mentions

    def _over_or_short(self, mentions: list[Mention], si: int) -> None:
        """`收入预算 350.00 亿元，实际完成 356.82 亿元，超收 6.82 亿元`: the figure over (超收) or short of (短收) the
        budget is the outcome less the budget stated right before it: outcome = budget ± it."""
        if len(mentions) < 3:
            return  # three figures at least (most sentences have fewer): nothing to read, nothing to gather
        figures = self._unlisted(mentions)
        for i in range(2, len(figures)):
            gap = OVER_SHORT.search(figures[i].label)
            if gap is not None and (STOCK_LABEL.search(figures[i - 2].label) or USED_AS.search(figures[i].label)):
                # `年初基金余额 A，动用 B，以超收收入 C 补充`: money over the budget used, and a stock, no budget
                continue
            plan, outcome = figures[i - 2], figures[i - 1]
            between = self.doc.text[outcome.quantities[-1].end : figures[i].start] if gap is not None else ""
            if gap is not None and BUDGET_OF.match(outcome.label.lstrip("，、")) and "比" not in between:
                # `收入 55.32 亿元，为预算 54.00 亿元的 102.4%，超收 1.32 亿元`: the budget the outcome is compared with
                # (not where the 超收 names its own base: `…的 105.5%，比年初预算 A 超收 Δ`)
                plan, outcome = outcome, plan
            elif gap is not None and COMPARED_BUDGET.match(outcome.label) and not CLAUSE_BREAK.search(between):
                # `收入 1,398.63 亿元，比调整预算 1,460.00 亿元短收 61.37 亿元`: the figure right before the budget
                # it is compared with is the outcome
                plan, outcome = outcome, plan
                if not OUTCOME_LABEL.search(outcome.label) and PLAN_LABEL.search(STAGE_FREE.sub("", outcome.label)):
                    continue
            elif gap is None or not (PLAN_LABEL.search(plan.label) and OUTCOME_LABEL.search(outcome.label)):
                continue
            if not _the_budget(figures[: i - 2], gap.group(), plan.label):
                continue
            units = {m.quantities[0].base_unit for m in (plan, outcome, figures[i])}
            if len(units) != 1 or not _one_side([plan, outcome, figures[i]]):
                continue
            over = gap.group("over") is not None
            self._record_chain(outcome, [plan, figures[i]] if over else [plan], [] if over else [figures[i]], si)

    def _limit_gaps(self, mentions: list[Mention], si: int) -> None:
        """`政府债务限额 L，余额 B，余额低于限额 Δ`: L = B + Δ, where the limit and the balance state the same scope
        and period (or leave them open): a sum (a chain breakdown) of the limit."""
        if len(mentions) < 3:
            return  # a limit, a balance and the gap (most sentences have fewer figures): nothing to read
        for total, parts in limit_gaps(self._unlisted(mentions)):
            said = [self.labeller.identify(m.label)[1] for m in (total, parts[0])]
            if all(a is None or b is None or a == b for a, b in _scope_and_period(said[0], said[1])):
                self._record_chain(total, parts, [], si)

    def _adjusted(self, mentions: list[Mention], si: int, changes_before: int) -> None:
        """`收入年初预算 96.4 亿元，执行中调增收入预算 2.3 亿元，调整后收入预算为 98.7 亿元`: an initial budget,
        the adjustments stated right after it, and the adjusted budget they make: adjusted = initial ± each
        adjustment (a chain breakdown, as `A，加 B，减去 C，总计 T`). An adjustment written as a bare movement
        (`调增 2450 万元，调减 310 万元`, read as a change of nothing) is taken as a figure of the chain."""
        if len(mentions) == 1:
            self._adjusted_lines(mentions, si)
        if len(mentions) < 2:
            return  # an initial and an adjusted budget at least (most sentences have fewer): nothing to gather
        figures = self._unlisted(mentions)
        items: list[tuple[int, Mention | Change]] = [(m.quantities[0].start, m) for m in figures]
        items += [(c.movements[0].start, c) for c in self._bare_adjustments(si, changes_before)]
        items.sort(key=lambda x: x[0])
        seq = [x for _, x in items]
        initials = [i for i, start in enumerate(seq) if isinstance(start, Mention) and _initial_budget(start)]
        for i in initials:
            start = seq[i]
            assert isinstance(start, Mention)  # (initials holds mentions only)
            self._chain_from(start, seq[i + 1 :], si, mentions)
        before = None if initials else self._initial_before(si)
        if before is not None:
            # `…批准的一般公共预算支出为 A。执行中，因追加增加支出 B，因项目取消调减支出 C，调整后的支出为 D`: the
            # sentence opens with the adjustments of the budget the sentence before closed with
            self._chain_from(before, seq, si, mentions, certain=False)

    def _adjusted_lines(self, mentions: list[Mention], si: int) -> None:
        """`年初预算：1,286.40万元` / `追加预算：152.36万元` / `全年预算：1,438.76万元`: the chain `_adjusted` reads in one
        sentence, laid out as a form's lines, a `键：值` line each. Read only on the adjusted budget's line, from
        the nearest initial budget above it, every line between an adjustment named as such (`_adjustments_after`
        ends the run on any other figure), all of one block: no blank line, no heading among them."""
        here = self.doc.sentences[si]
        last = mentions[0]
        if not ADJUSTED.search(last.label) or not FORM_LINE.fullmatch(self.doc.text, here.start, here.end):
            return
        lines = self._form_lines_before(si)[::-1]  # (text order)
        start = next((i for i in range(len(lines) - 1, -1, -1) if _initial_budget(lines[i])), None)
        if start is None or start == len(lines) - 1:
            return  # no initial budget above, or no adjustment between it and this line
        first = lines[start]
        if self.doc.section_at(first.start) is not self.doc.section_at(here.start):
            return  # a heading between: the lines are of two blocks
        if self.doc.blank_line_between(first.start, here.start):
            return  # a blank line ends the block
        self._chain_from(first, [*lines[start + 1 :], last], si, mentions)

    def _chain_from(
        self, start: Mention, seq: list[Mention | Change], si: int, mentions: list[Mention], certain: bool = True
    ) -> None:
        """The adjustments right after the initial budget `start` and the adjusted budget they make, as a chain."""
        found = _adjustments_after(seq, start.quantities[0].base_unit)
        if found is None:
            return
        moves, adjusted = found
        if not _one_side([start, adjusted, *(x for x, _ in moves if isinstance(x, Mention))]):
            return  # bare adjustments name no side
        chain = [(self._as_mention(x, si, mentions) if isinstance(x, Change) else x, up) for x, up in moves]
        ups = [x for x, up in chain if up]
        downs = [x for x, up in chain if not up]
        self._record_chain(adjusted, [start, *ups], downs, si, certain)

    def _initial_before(self, si: int) -> Mention | None:
        """The initial budget closing the sentence before, under the same heading: one exact amount, no part or
        total of a list."""
        said = self.d.by_sentence.get(si - 1) or []
        last = said[-1] if said else None
        if last is None or len(last.quantities) != 1 or not last.quantities[0].exact or not _initial_budget(last):
            return None
        if id(last) in self.d.parts or id(last) in self.d.totals:
            return None
        here = self.doc.sentences[si].start
        return last if self.doc.section_at(last.start) is self.doc.section_at(here) else None

    def _bare_adjustments(self, si: int, first: int) -> list[Change]:
        """The sentence's changes (from index `first` on: not the whole document's, once per sentence) that are
        budget adjustments: a movement with a figure after 调 / 核 / 追 / 压 (`调增 2450 万元`, `核减 310 万元`),
        compared with nothing."""
        out = []
        for c in self.facts.changes[first:]:
            if c.sentence != si or c.current is not None or c.base is not None or len(c.movements) != 1:
                continue
            mv = c.movements[0]
            if mv.quantity is not None and BARE_ADJUSTMENT.search(self.doc.text[max(0, mv.start - 2) : mv.end]):
                out.append(c)
        return out

    def _as_mention(self, c: Change, si: int, mentions: list[Mention]) -> Mention:
        """The figure of a bare adjustment as a mention of its own (the change that held it is dropped)."""
        mv = c.movements[0]
        assert mv.quantity is not None  # only adjustments with a figure are taken (_bare_adjustments)
        self.facts.changes = [x for x in self.facts.changes if x is not c]
        label = self.doc.text[max(self.doc.sentences[si].start, mv.start - 6) : mv.quantity.start]
        label = re.split(r"[，、；：,;:]", label)[-1]
        m = Mention(
            label=label, key=label, quantities=[mv.quantity], sentence=si, paragraph=self.doc.sentences[si].paragraph
        )
        self.facts.mentions.append(m)
        mentions.append(m)
        return m

    def _lone_figures(self, mentions: list[Mention]) -> list[Mention]:
        """The unlisted mentions of one exact figure each."""
        return [m for m in self._unlisted(mentions) if len(m.quantities) == 1 and m.quantities[0].exact]

    def _unlisted(self, mentions: list[Mention]) -> list[Mention]:
        """The mentions with figures that no list read so far holds, as its total or as a part."""
        return [m for m in mentions if m.quantities and id(m) not in self.d.parts and id(m) not in self.d.totals]

    def _keep(self, b: Breakdown) -> None:
        """A breakdown found, its total and parts (and subtracted parts) marked as such for what reads on."""
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

    def _deductions(self, mentions: list[Mention], si: int) -> None:
        """`过程指标满分 25 分，扣 2.8 分，得 22.2 分`: full marks less the points deducted are the score."""
        if len(mentions) < 3:
            return  # three figures at least (most sentences have fewer): nothing to read, nothing to gather
        figures = [m for m in self._unlisted(mentions) if m.quantities and m.quantities[0].base_unit == "分"]
        for full, cut, score in zip(figures, figures[1:], figures[2:]):
            if (
                FULL_MARKS.search(full.label)
                and DEDUCTED.search(cut.label)
                and SCORED.match(score.label.lstrip("，、；："))
                and all(len(m.quantities) == 1 for m in (full, cut, score))
            ):
                self._record_chain(score, [full], [cut], si)

    def _make_up_of_before(self, items: list[object], si: int, mentions: list[Mention]) -> None:
        """`…支出 388.50 亿元。从支出结构看，教育支出 85.40 亿元，占 22.0%；…`: the make-up of the figure before, as
        a sentence opening with 其中 gives it, unless its shares name their whole (`占实际支出的 p%`)."""
        if not (items and _is_label(items[0]) and MAKE_UP.search(str(items[0]))) or si in self.d.headless:
            return
        if not any(s.sentence == si and s.base_label for s in self.facts.shares):
            self.d.headless[si] = self._own_items(mentions, si)
            self.d.make_up.add(si)

    def _list_of_before(self, si: int, mentions: list[Mention]) -> None:
        """`…本年收入合计 X 万元，其中：` / `一般公共预算收入 a 万元；…`: a sentence after one the layout cut at its list
        opener is that list, as one opening with 其中 is; `基本支出中，人员经费 a，公用经费 b`: a sentence opening
        with a name and 中 lists the parts of the figure of that name before it (passes/breakdowns.headless)."""
        if si in self.d.headless or not si or not mentions:
            return
        text = self.doc.text
        sent, prev = self.doc.sentences[si], self.doc.sentences[si - 1]
        named = OF_NAMED.match(text, sent.start, sent.end)
        listed = LISTED_NAMED.match(text, sent.start, sent.end) if named is None else None
        if named is not None:
            self.d.whole_named[si] = named.group(1)
        elif listed is not None:
            self.d.whole_listed[si] = (listed.group(1), listed.group("main") is None)
        elif not (self.d.by_sentence.get(si - 1) and DANGLING_OPENER.search(text, prev.start, prev.end)):
            return
        # (a figure in brackets notes the part before it: `一般债务限额 a（含外贷限额 b）`)
        self.d.headless[si] = [m for m in self._own_items(mentions, si) if not in_brackets(self.d, si, m.start)]

    def _structure(self, items: list[object], si: int) -> None:
        """`资金来源构成为：中央补助占 60%，省级补助占 25%，…`, `从支出结构看，基本支出占 35.2%，项目支出占 64.8%`: the
        shares of the parts of one whole the sentence opens by naming its make-up (构成, 结构, 组成), each part
        named with no figure of its own; a list with no whole stated (they cannot add up to more than 100%)."""
        flat = list(_leaves(items))
        opening = next((x for x in flat if _is_label(x)), None)
        if opening is None or not MAKE_UP.search(str(opening)):
            return
        shares: list[Share] = []
        rest = [x for x in flat[flat.index(opening) + 1 :] if not _is_sep(x, "，,；;：:、")]
        # `name 占 p%` after `name 占 p%`, nothing else between them but separators
        for name, word, e in zip(rest[::3], rest[1::3], rest[2::3]):
            if not (_is_label(name) and isinstance(word, Token) and word.type == "SHARE" and _bare_share(e)):
                break
            assert isinstance(e, _Entry)
            shares.append(Share(e.qs[0], None, sentence=si))
        if len(shares) >= 2:
            self.facts.share_lists.append(ShareList(shares))

    def _left_over(self, mentions: list[Mention], si: int) -> None:
        """`全年预算数 180.00 万元，全年执行数 172.35 万元，结余资金 7.65 万元`: a budget, what was spent of it and what
        is left, stated in this order and alone in their unit in the sentence (with funds received beside them,
        `资金到位 170 万元`, what is left may be of either): left = budget − spent."""
        if len(mentions) < 3:
            return  # three figures at least (most sentences have fewer): nothing to read, nothing to gather
        figures = self._lone_figures(mentions)
        if len(figures) != 3:
            return
        plan, outcome, left = figures
        if (
            PLAN_LABEL.search(plan.label)
            and OUTCOME_LABEL.search(outcome.label)
            and not PLAN_LABEL.search(outcome.label)
            and _left_over(left)
            and _one_unit(figures)
        ):
            self._record_chain(left, [plan], [outcome], si)

    def _rest(self, mentions: list[Mention], si: int) -> None:
        """`到期本金 A，拟以再融资债券偿还 B，其余 C 由预算安排`, `共 A 个，已完成 B 个，其余 C 个正在推进`: the
        sentence's third figure named by nothing but `其余` (`其余部分`, `剩余`) is what the first leaves after the
        second: C = A − B. Read only when the first two figures are the sentence's only ones before it, all three
        of one unit and exact, the second below the first and no change (`较上年增加 B` is no part of A)."""
        if len(mentions) < 3:
            return  # three figures at least (most sentences have fewer): nothing to read
        said = [m for m in mentions if m.quantities]
        if len(said) < 3 or not REST.fullmatch(said[2].label.strip("，、；： ")):
            return
        whole, part, rest = said[:3]
        chain = [whole, part, rest]
        if any(len(m.quantities) != 1 or not m.quantities[0].exact for m in chain):
            return
        if any(id(m) in self.d.parts or id(m) in self.d.totals for m in chain):
            return  # read already (a list, a chain): not read twice
        if len({(m.quantities[0].kind, m.quantities[0].base_unit) for m in chain}) != 1:
            return
        # (what the second figure is, read in all the words between the two: its label stops at a `、`, `用于 X、
        # Y 等 B` is labelled `Y 等`)
        between = self.doc.text[whole.quantities[0].end : part.quantities[0].start]
        if chain[0].quantities[0].kind not in ("amount", "count") or NOT_A_PART.search(between):
            return
        # (`评定优 12 个，良 5 个，其余 3 个`: two parts side by side, the rest of a whole stated elsewhere; the
        # second is a part of the first only where it says what of the first is used or done, and the first is
        # a whole, not itself such a part: `已完成 12 个，已开工 5 个，其余…` is of neither)
        if not PART_USED.search(between) or (PART_USED.search(whole.label) and not WHOLE.search(whole.label)):
            return
        if not part.quantities[0].base_value < whole.quantities[0].base_value:
            return
        if rest.label.strip("，、；： ").startswith("剩余") and SET_ASIDE.search(whole.label):
            return  # (`预备费年初安排 A，动用 B，剩余 C`: what is left of a sum set aside is a roll-forward's, TO109)
        self._record_chain(rest, [whole], [part], si)

    def _left_over_after(self, mentions: list[Mention], si: int) -> None:
        """`全年预算数 P，…。全年执行数 E，执行率 r%。未执行资金 X。`: what is left, the first figure of its sentence
        and alone in its unit there, after the sentences of its paragraph that state the budget and what was
        spent of it (`_budget_and_spent`): X = P − E (inferred: read across sentences)."""
        figures = self._lone_figures(mentions)
        if not figures or figures[0] is not next(m for m in mentions if m.quantities):
            return
        left = figures[0]
        unit = left.quantities[0].base_unit
        if not _left_over(left) or sum(1 for m in figures if m.of_unit(unit)) != 1:
            return
        earlier: list[Mention] = []
        sj = si - 1
        while self._same_paragraph(sj, si):
            earlier[:0] = [m for m in self.d.by_sentence.get(sj) or [] if m.of_unit(unit) is not None]
            sj -= 1
        sentence = self.doc.sentences[si]
        if not earlier and FORM_LINE.fullmatch(self.doc.text, sentence.start, sentence.end):
            # `资金结余：125,581.44元` on a form's line of its own: the budget and what was spent on the lines above
            earlier = [m for m in reversed(self._form_lines_before(si)) if m.of_unit(unit) is not None]
        found = self._budget_and_spent(earlier)
        if found is None:
            return
        chain = [*found, left]
        if (
            _one_unit(chain)
            and _one_side(chain)
            and all(len(m.quantities) == 1 and m.quantities[0].exact for m in chain)
        ):
            self._record_chain(left, [found[0]], [found[1]], si, certain=False)

    @staticmethod
    def _budget_and_spent(earlier: list[Mention]) -> tuple[Mention, Mention] | None:
        """The budget and what was spent of it, in this order, when the figures are those two, each once (an
        initial budget beside the adjusted one aside: what is left is of the budget as adjusted), nothing else."""
        plans = [m for m in earlier if PLAN_LABEL.search(m.label)]
        spent = [m for m in earlier if OUTCOME_LABEL.search(m.label) and m not in plans]
        final = [m for m in plans if not _initial_budget(m)] if len(plans) == 2 else plans
        if len(final) != 1 or len(spent) != 1 or len(plans) + len(spent) != len(earlier):
            return None
        return (final[0], spent[0]) if earlier.index(final[0]) < earlier.index(spent[0]) else None

    def _named_sum(self, mentions: list[Mention], si: int) -> None:
        """`基本支出执行 C；人员经费 a、公用经费 b，合计即为基本支出`: figures joined by 、 (和, 及) that the words
        after them say add up to a figure they name, with no figure of its own (合计即为, 之和为, 共同构成): the
        one figure of that item stated before them in the sentence, or else in its paragraph (inferred), of their
        unit, is their sum."""
        text = self.doc.text
        end = self.doc.sentences[si].end
        figures = [m for m in mentions if m.quantities]
        if len(figures) < 2 or text.find("为", figures[-1].quantities[-1].end, end) < 0:
            return  # (most sentences state no sum in words: not searched)
        said = NAMED_SUM.match(text, figures[-1].quantities[-1].end, end)
        if said is None:
            return
        parts = [figures[-1]]
        for m in reversed(figures[:-1]):
            if len(m.quantities) != 1 or not JOINED.fullmatch(text, m.quantities[0].end, parts[0].quantities[0].start):
                break
            parts.insert(0, m)
        if len(parts) < 2 or not _one_unit(parts) or any(id(p) in self.d.parts for p in parts):
            return
        item = self.labeller.identify(said.group("name"))[0]
        whole, certain = self._sum_named(item, si, figures[: figures.index(parts[0])], parts)
        if whole is not None:
            self._keep(Breakdown(whole, parts, "合计", True, si, certain=certain))

    def _total_of_lines_above(self, mentions: list[Mention], si: int) -> None:
        """`1.公务接待费 3.20万元` / `2.…` / `以上合计 16.97万元`: a line opening with a total of what is above it
        (`以上合计`, `上述三项共计`) totals the item lines right above it, one figure a line, up to the block's start
        (a line with no figure; a blank line ends the block and reads nothing). Only where every line up to there
        is one item (its number, a name, one exact figure of the total's unit) and a count the words state (`三项`)
        is the lines' count. The lines are the file's (the normalised text may join a short line to the one
        before)."""
        original, origin = self.doc.original, self.doc.origin
        for total in mentions:
            q = total.quantities[0]
            at = origin[q.start]
            line_start = original.rfind("\n", 0, at) + 1
            said = ABOVE_TOTAL.fullmatch(original, line_start, at)
            if said is None or len(total.quantities) != 1 or not q.exact:
                continue
            parts = self._item_lines_above(line_start, q.base_unit)
            count = said.group("count")
            if len(parts) < 2 or (count and count_of(count) != len(parts)):
                continue
            if any(id(p) in self.d.parts for p in parts):
                continue
            self._keep(Breakdown(total, parts, "合计", True, si))

    def _item_lines_above(self, end: int, unit: str) -> list[Mention]:
        """The one figure of each item line of the file right above offset `end` (a line's start in the file), in
        text order, up to the first line holding no figure; nothing where a line of them is blank, holds two
        figures or words after its figure."""
        original, origin = self.doc.original, self.doc.origin
        placed = sorted(((origin[m.start], m) for m in self.facts.mentions), key=lambda x: x[0])
        starts = [x for x, _ in placed]
        parts: list[Mention] = []
        kind = ""  # (the way the items are numbered: `1.`, `（1）`, `一、`; a line numbered otherwise is no item of theirs)
        while end > 0:
            begin = original.rfind("\n", 0, end - 1) + 1
            if not original[begin : end - 1].strip():
                return []  # (a blank line: the block ended above the total's items)
            inside = [m for _, m in placed[bisect_left(starts, begin) : bisect_left(starts, end - 1)]]
            if not inside:
                break  # (the block's opening line: a heading, `三公经费支出如下：`)
            if len(inside) != 1 or len(inside[0].quantities) != 1:
                return []
            q = inside[0].quantities[0]
            item = ITEM_LINE.fullmatch(original, begin, origin[q.start])
            if not (q.exact and q.base_unit == unit and item):
                return []
            style = NUMBER_STYLE.sub("0", item.group("mark").strip())
            if parts and style != kind:
                break  # (`1.收入 A` above `（1）…`, `（2）…`: the item the nested lines break down, their whole)
            kind = style
            if original[origin[q.end - 1] + 1 : end - 1].strip("；;，,。 \t\r"):
                return []  # (words after the figure: more than one item's amount)
            parts.insert(0, inside[0])
            end = begin
        return parts

    def _listed_total(self, mentions: list[Mention], si: int) -> None:
        """`资金合计：3,000.00万元` on a form's line of its own, right after a line listing the sources of a name the
        total's opens with (`资金来源：中央补助 a；省级补助 b；县级配套 c`): the list's parts add up to it. Only
        where the total's name says it totals (合计/总计/共计), the list line is the sentence right before it, set
        out by `；` alone, one exact figure an item, in the total's unit, and read as no list yet."""
        sentence = self.doc.sentences[si]
        text = self.doc.text
        if si == 0 or len(mentions) != 1 or not FORM_LINE.fullmatch(text, sentence.start, sentence.end):
            return
        total = mentions[0]
        said = LISTED_TOTAL.fullmatch(total.label)
        listed = self.doc.sentences[si - 1]
        parts = self.d.by_sentence.get(si - 1) or []
        if said is None or len(parts) < 2 or len(self._lone_figures(parts)) != len(parts):
            return
        # the list's head: the name and colon right before its first item's name (a form's lines before it may
        # have run into its sentence: `实施单位：…中心资金来源：…`)
        first = parts[0].quantities[0].start
        colon = max(text.rfind("：", listed.start, first), text.rfind(":", listed.start, first))
        head = LIST_HEAD.search(text, listed.start, colon + 1) if colon > listed.start else None
        if head is None or said.group("stem") not in head.group("name") or not _one_unit([total, *parts]):
            return
        if not LIST_ITEM_NAME.fullmatch(text, colon + 1, first):
            return
        pos = colon + 1
        for m in parts:
            gap = text[pos : m.quantities[0].start]
            if pos > colon + 1 and not LIST_ITEM_GAP.fullmatch(gap):
                return  # (an item set apart by anything but `；`, or words after a figure: no plain list)
            pos = m.quantities[0].end
        if text[pos : listed.end].strip("；;。 ") or not total.quantities[0].exact:
            return
        # (the sources listed and then totalled are all of the total: a list of its composition)
        self._record(total, parts, "组成", si)

    def _rate_and_amount_apart(self, first: int) -> None:
        """`支出 X，同比增长 p%，较上年增支 Δ` (or the amount first): one change of X against last year written
        in two clauses, each naming last year its own way. Read apart, neither can be recomputed (no base is
        written); read as one, the amount gives last year's figure (X − Δ) and the rate is checked against it.
        Only where the sentence holds these two changes alone, of the one figure, one direction, no base."""
        mine = self.facts.changes[first:]
        if len(mine) != 2:
            return
        a, b = mine
        if a.current is None or a.current is not b.current or a.base is not None or b.base is not None:
            return
        if not (_last_year_only(a.comparison) and _last_year_only(b.comparison)):
            return
        if not _rate_and_amount(a.current, a.movements, b.movements):
            return
        end = a.movements[0].quantity.end if a.movements[0].quantity else a.movements[0].end
        if any(end <= q.start < b.movements[0].start for q in self._qs):
            return  # (a figure between the clauses: the second may be of it)
        moves = sorted((*a.movements, *b.movements), key=lambda m: m.start)
        del self.facts.changes[first:]
        self.facts.changes.append(replace(a, movements=moves, certain=a.certain and b.certain))

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

    def _sum_named(self, item: str, si: int, own: list[Mention], parts: list[Mention]) -> tuple[Mention | None, bool]:
        """The one figure of `item` in the parts' unit among `own` (the sentence's figures before the parts), else
        among the paragraph's sentences before (inferred); None where none or two of other values are."""
        unit = parts[0].quantities[0].base_unit

        def named(ms: list[Mention]) -> list[Mention]:
            return [m for m in ms if m.of_unit(unit) is not None and self.labeller.identify(m.label)[0] == item]

        found, certain = named(own), True
        sj = si - 1
        while not found and self._same_section(sj, si):
            found, certain, sj = named(self.d.by_sentence.get(sj) or []), False, sj - 1
        values = {q.base_value for m in found if (q := m.of_unit(unit)) is not None}
        if len(item) < 2 or len(values) != 1:
            return None, False
        return found[-1], certain

    def _remainders(self, mentions: list[Mention], si: int) -> None:
        """`基金预算收入 120.4 亿元，减去调入一般公共预算 9 亿元、返还支出 51.2 亿元，基金预算支出安排 60.2 亿元`: a
        figure, the figures subtracted from it right after it (`减去`/`扣除`, a list joined by `、`), and the figure
        the clause after them states: what is left, the first less the others. Read only when nothing else stands
        between them (no other figure, `等` ending the list, a change or a `其中`)."""
        if len(mentions) < 3:
            return  # three figures at least (most sentences have fewer): nothing to read, nothing to gather
        figures = self._lone_figures(mentions)
        text = self.doc.text
        # the words between each figure and the next, and where the sentence first adds (read once: linear)
        gaps = [text[a.quantities[0].end : b.quantities[0].start] for a, b in zip(figures, figures[1:])]
        begin = self.doc.sentences[si].start
        stop = figures[-1].quantities[0].start if figures else begin
        # (ADDING names 加: most sentences do not, and are not searched)
        added = ADDING.search(text, begin, stop) if text.find("加", begin, stop) >= 0 else None
        first_add = added.start() if added else len(text)
        i = 0
        while i < len(figures) - 2:
            if not SUBTRACTED.match(gaps[i]) or first_add < figures[i].quantities[0].start:
                # after `加…` the subtraction goes on a chain of its own (`A，加 B、C，减去 D，总收入 T`)
                i += 1
                continue
            k = i + 1  # the figures subtracted: figures[i + 1 : k + 1]
            while k < len(gaps) and LISTED_ON.match(gaps[k]):
                k += 1
            if k < len(gaps) and LEFT.match(gaps[k]) and _one_unit(figures[i : k + 2]):
                self._record_chain(figures[k + 1], [figures[i]], figures[i + 1 : k + 1], si)
            i = k + 1

    def _record_chain(
        self, total: Mention, parts: list[Mention], minus: list[Mention], si: int, certain: bool = True
    ) -> None:
        self._keep(Breakdown(total, parts, "调整", True, si, certain=certain, minus=minus))

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
            c.base = found
            c.certain = c.certain and any(found in m.quantities for m in self.d.by_sentence.get(si) or [])

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

    def _title_context(self) -> Context:
        """The context the document's title states (identity.document_context), read once per document."""
        if self._title is None:
            self._title = document_context(self.doc)[0]
        return self._title

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

    def _own_items(self, mentions: list[Mention], si: int) -> list[Mention]:
        """The items of a list opening its sentence: not parts nested under one of them, nor the figures its
        changes compare with (`其中，房产税 6.6 亿元，比上年的 6.2 亿元增长…`, `上年为 6.9 亿元`)."""
        used = self._references(si)
        return [
            m
            for m in mentions
            if id(m) not in self.d.parts
            and id(m) not in self.d.noted
            and not REFERENCE.match(m.label)
            and not LAST_YEAR_ONLY.match(m.label.strip("，、；：（( "))
            and not any(id(q) in used for q in m.quantities)
        ]

    def _composed(self, items: list[object], si: int, mentions: list[Mention]) -> None:
        """`资金总额 880 万元，由中央补助 500 万元、省级配套 240 万元和市级配套 120 万元组成`: the figures between 由
        and 组成 (构成) are all the parts of the figure right before 由, a complete list."""
        for k, item in enumerate(items):
            if not (isinstance(item, _Entry) and COMPOSED_OPEN.match(item.label) and k >= 2):
                continue
            head = items[k - 2] if _is_sep(items[k - 1], "，") else None
            run: list[_Entry] = [item]
            closed = False
            for nxt in items[k + 1 :]:
                if isinstance(nxt, _Entry):
                    run.append(nxt)
                elif _is_label(nxt) and COMPOSED_CLOSE.match(str(nxt)):
                    closed = True
                    break
                elif not _is_sep(nxt, "、"):
                    break
            if not closed or not isinstance(head, _Entry) or len(run) < 2:
                continue
            ids = {id(q) for e in [head, *run] for q in e.qs}
            found = [m for m in mentions if m.quantities and id(m.quantities[0]) in ids]
            if len(found) == len(run) + 1 and not any(self.d.is_part(m) for m in found):
                self._record(found[0], found[1:], "组成", si)

    def _respective_list(self, run: list[_Entry], said: str, si: int, mentions: list[Mention]) -> None:
        """The figures a `分别为` list names are the parts of the figure right before them where they cover its
        definition (`政府采购支出总额 X，货物、工程、服务支出分别为 a、b、c`), or of a total right after them
        (`…分别为 a、b、c，合计 T`), in the same context: not of another year or scope (`上年…分别为`, `市本级…
        分别为`), `said` being the words the list was written with before its names were given out."""
        first = {id(e.qs[0]) for e in run if e.qs}
        at = [k for k, m in enumerate(mentions) if m.quantities and id(m.quantities[0]) in first]
        if len(at) != len(run) or at != list(range(at[0], at[0] + len(at))):
            return
        parts = mentions[at[0] : at[-1] + 1]
        if len(self._unlisted(parts)) != len(parts):
            return  # already read as a list
        before = mentions[at[0] - 1] if at[0] else None
        unit = parts[0].quantities[0].base_unit
        # the next figure of the parts' unit (`三本预算收入合计 T`: 三本 counts the budgets)
        after = next((m for m in mentions[at[-1] + 1 :] if m.of_unit(unit) is not None), None)
        if before is not None and id(before) not in self.d.parts and of_total(before, parts):
            if self._one_context(before, parts, said):
                self._record(before, parts, "分别为", si)
        elif before is not None and id(before) not in self.d.parts and self._allocates(before, parts[0]):
            # `新增债券 X，主要投向 A、B 等领域，分别安排 a、b`: some of what X is spent on, at most X
            self._record(before, parts, "分别安排", si)
        elif after is not None and TOTAL_AFTER.search(after.key) and self._one_context(after, parts, said):
            self._record(after, parts, "分别为", si)

    def _allocates(self, whole: Mention, first: Mention) -> bool:
        """Does the figure before a respective list state the sum the list allocates: its figure followed by
        the allocation verb that opens the list's names (`X，主要投向 A、…`), in the parts' unit?"""
        q, p = whole.quantities[-1] if whole.quantities else None, first.quantities[0] if first.quantities else None
        if q is None or p is None or q.base_unit != p.base_unit or q.kind != "amount" or not q.exact:
            return False
        gap = self.doc.text[q.end : p.start].lstrip("，, ")
        return ALLOCATED.match(gap) is not None

    def _respective_runs(
        self, items: list[object], runs: list[tuple[list[_Entry], str]], si: int, mentions: list[Mention]
    ) -> None:
        """The lists of figures named by `分别为` (see `_respective_names`): their totals and their shares."""
        for run, said in runs:
            self._respective_list(run, said, si, mentions)
            self._respective_shares(items, run, si)
        opened = _names_opened(items[0]) if items else []
        if runs and opened and runs[0][0][0].label.startswith(opened[0]) and not self.d.headless.get(si):
            # `其中，教育、科技支出分别为 a、b`: the list 其中 opens is the respective one, of the figure before
            ids = {id(e.qs[0]) for e in runs[0][0] if e.qs}
            self.d.headless[si] = [m for m in mentions if m.quantities and id(m.quantities[0]) in ids]

    def _respective_shares(self, items: list[object], run: list[_Entry], si: int) -> None:
        """`教育、科技、卫生支出分别为 a、b 和 c，分别占 p%、q% 和 r%`: one share to each figure of the list, in order,
        of the whole the shares name (`分别占一般公共预算支出的`) or, naming none, of the one the list is part of
        (found by the linking passes); read only where as many shares follow as the list has figures."""
        last = next((k for k, x in enumerate(items) if x is run[-1]), None)
        if last is None:
            return
        rest = [x for x in items[last + 1 :] if not _is_sep(x, "、，,")]
        if len(rest) < 3 or not (_is_label(rest[0]) and str(rest[0]).strip() == "分别"):
            return
        if not (isinstance(rest[1], Token) and rest[1].type == "SHARE"):
            return
        shares = [e for k, e in enumerate(rest[2 : 2 + len(run)]) if _share_entry(e, first=k == 0)]
        if len(shares) != len(run):
            return
        base = shares[0].label.strip()
        for part, e in zip(run, shares):
            stated = e.qs[0]
            figure = next((q for q in part.qs if q.kind in ("amount", "count")), None)
            if figure is not None:
                self.facts.shares.append(Share(stated, figure, None, base, si))

    def _parallel_shares(self, items: list[object], si: int) -> None:
        """`基本支出执行 a，项目支出执行 b，分别占全年执行数的 p% 和 q%`: figures stated side by side from the
        sentence's start (no `分别为` list, no `其中`), then as many shares after 分别: one to each, in order
        (`_respective_shares`)."""
        at = next((k for k, x in enumerate(items) if _is_label(x) and str(x).strip() == "分别"), None)
        share = items[at + 1] if at is not None and at + 1 < len(items) else None
        if at is None or not (isinstance(share, Token) and share.type == "SHARE"):
            return
        run: list[_Entry] = []
        for x in items[:at]:
            if _is_sep(x, "，、,"):
                continue
            if not (isinstance(x, _Entry) and len(x.qs) == 1 and x.qs[0].kind == "amount" and x.of is None):
                return
            run.append(x)
        if len(run) >= 2 and len({e.qs[0].base_unit for e in run}) == 1:
            self._respective_shares(items, run, si)

    def _one_context(self, total: Mention, parts: list[Mention], said: str) -> bool:
        """Do the total and every part (and the words of the list) state no scope, fund, stage or period
        otherwise? A period is this year's where none is said, against a part said to be last year's."""
        _, whole = self.labeller.identify(total.label)
        for text in [said, *(p.label for p in parts)]:
            _, own = self.labeller.identify(text)
            if not whole.agrees(own):
                return False
            if (whole.period or "+0") != (own.period or "+0") and not (whole.period or own.period or "").isdigit():
                return False
        return True

    def _qualified_head(self, before: list[object], mentions: list[Mention]) -> Mention | None:
        """The figure a list opening mid-sentence breaks down: the one right before its keyword, past the
        ratios and changes that qualify it (`决算为 0.52 万元，完成预算的 17.33%，其中：…`), past a bracket
        noting what it includes (`限额 318.40 亿元（含开发区 64.25 亿元），其中：…`) and past the base a ratio
        states in brackets (`完成预算的 102.6%（预算数 X），其中：…`: a reference, never the whole listed)."""
        bracket = False
        entries = [m for m in mentions]
        used = self._references(mentions[-1].sentence) if mentions else set()
        for item in reversed(before):
            if isinstance(item, Token) and item.type == "SEP":
                bracket = bracket or str(item)[-1:] in "）)"
                continue
            if isinstance(item, (_Rate, _Change)) or (isinstance(item, Token) and item.type == "LABEL"):
                continue  # a ratio or change qualifying the figure, words about it (`全部为利润收入，其中…`)
            if isinstance(item, _Entry) and entries and _measures(item, entries[-1], used):
                entries.pop()
                continue
            if not isinstance(item, _Entry) or not entries:
                return None
            if bracket and INCLUDED.match(item.label.lstrip("（(")):
                entries.pop()  # the bracket's own figure: look past it
                bracket = False
                continue
            if bracket and in_brackets(self.d, entries[-1].sentence, entries[-1].start):
                # `合同金额合计 642.18 万元（货物 88.40 万元，服务 553.78 万元），其中…`: a figure the bracket lists
                # is no whole of the list after it; the figure before the bracket is
                entries.pop()
                continue
            return entries[-1]
        return None

    def _clause(
        self,
        item: object,
        si: int,
        mentions: list[Mention],
        named: str = "",
        whole: Mention | None = None,
        siblings: list[Mention] | None = None,
    ) -> None:
        if isinstance(item, _Rate):
            self._rate(item, si, mentions, siblings, whole)
        elif isinstance(item, _Change):
            self._change(item, si, mentions, named, whole)
        elif isinstance(item, _FromTo):
            self._fromto(item, si)
        elif isinstance(item, _Formula):
            self.facts.formulas.append(_formula(item, si))

    def _mention(self, e: _Entry, si: int, para: int, whole: Mention | None = None) -> Mention:
        key, period = self.labeller.split(e.label)
        if (pronoun := LAST_YEARS_RATIO.fullmatch(key)) is not None:
            # `上年该比例 68.0%`: last year's value of the ratio just stated, as `上年为` names it
            key = pronoun.group(1)
        m = Mention(label=e.label, key=key, quantities=e.qs, sentence=si, paragraph=para, period=period)
        self._base_in_brackets(m, si)
        count = next((q for q in e.qs if q.kind == "count"), None)
        if count is not None and (after := COUNTED.match(self.doc.text, count.end)):
            m.noun = self.labeller.noun(after.group())
        self.facts.mentions.append(m)
        if e.share is not None and COMPARED_BASE.match(e.label):
            return m  # `A a，比调整预算 B 增加 Δ，占…的 p%`: the share is a's (not read), never the base B's
        if e.share is not None:
            part = next((q for q in e.qs if q.kind != "percent"), None)
            if whole is not None and e.share_base and not self._names_whole(e.share_base, whole):
                whole = None  # `其中基本支出 A，人员经费 B，占基本支出的 p%`: of the whole it names (linked later)
            elif whole is not None and not e.share_base and self._share_of_outer(whole, si):
                # `中小企业 A，占 p%，其中小微企业 B，占 q%`: the whole has a share of its own; the part's may be of
                # that same outer whole as well as of the whole, and which is not said
                self.facts.shares.append(Share(e.share, part, None, e.share_base, si, certain=False))
                return m
            total = whole.of_unit(part.base_unit) if whole is not None and part is not None else None
            self.facts.shares.append(Share(e.share, part, total, e.share_base, si))
        return m

    def _base_in_brackets(self, m: Mention, si: int) -> None:
        """`收入 1,550.20 亿元，完成预算的 102.6%（预算数 1,511.22 亿元）`: the figure in brackets right after a rate,
        named as the base the rate's own words name (预算, 调整预算 …), is its denominator; the figure before the
        rate its numerator. The base is then a figure the sentence measures against, no subject of what follows."""
        rate = self.facts.rates[-1] if self.facts.rates else None
        if rate is None or rate.sentence != si or rate.ordered or rate.formula is not None or not rate.operands:
            return
        base = NAMED_BASE.search(rate.name) or PLAN_BASE.search(rate.name)
        den = m.quantities[0] if m.quantities else None
        if base is None or den is None or den.start <= rate.stated.end:
            return
        said = BASE_SAID.fullmatch(self.doc.text[rate.stated.end : den.start])
        num = rate.operands[-1]
        # (a rate of the budget names it more closely in brackets: `完成预算的 94.4%（调整预算 X）`)
        generic = base.group() in GENERIC_BASES and said is not None and said.group("base") in ADJUSTED_BUDGETS
        if said is None or said.group("base") != base.group() and not generic or not den.exact:
            return
        if den.kind == num.kind and den.base_unit == num.base_unit:
            label = rate.labels[-1] if rate.labels else ""
            rate.operands, rate.labels, rate.ordered = [num, den], [label, m.label], True

    def _graded_apart(self, parts: list[Mention], si: int) -> bool:
        """Is a score listed under 其中 given a grade of its own (an evaluation of its own, not an addend)?"""
        if not parts or not all(p.quantities and p.quantities[0].base_unit == "分" for p in parts):
            return False
        end = self.doc.sentences[si].end
        if len(parts) == 1:
            return STATED_GRADE.search(self.doc.text, parts[0].quantities[0].end, end) is not None
        # several scores: a grade between two of them is a part's own; one after the last alone is the total's
        # (`总分 90.44 分，其中 A a、B b、C c，评定为“优”`)
        return any(STATED_GRADE.search(self.doc.text, p.quantities[0].end, q.start) for p, q in zip(parts, parts[1:]))

    def _share_of_outer(self, whole: Mention, si: int) -> bool:
        """Does the whole carry a share of its own (`…A，占 p%，其中…`, `…A，占政府采购支出总额的 p%，其中…`)? Then
        a part's share naming no base may be of the whole or of that outer one."""
        own = takewhile(lambda s: s.sentence == si, reversed(self.facts.shares))
        return any(s.part is not None and s.part in whole.quantities for s in own)

    @staticmethod
    def _gross(head: Mention, parts: list[Mention]) -> list[Mention]:
        """The parts less gross values (`固定资产原值`) where the total is no gross value: it counts the net."""
        if any(g in head.key for g in GROSS):
            return parts  # `固定资产原值合计 X，其中：房屋原值…`
        return [m for m in parts if not m.key.endswith(GROSS)]

    def _not_of_another(self, parts: list[Mention]) -> list[Mention]:
        """The parts less those whose share names another part as their whole (`其中基本支出 A，人员经费 B，
        占基本支出的 p%`: 人员经费 is part of 基本支出, not beside it)."""
        # the shares of the list's sentence: they stand at the end of the document's (not all of them, per list)
        si = parts[0].sentence if parts else -1
        own = takewhile(lambda s: s.sentence == si, reversed(self.facts.shares))
        named = {id(s.part): s.base_label for s in own if s.base_label and s.part is not None}
        out: list[Mention] = []
        for m in parts:
            base = next((named[id(q)] for q in m.quantities if id(q) in named), "")
            item = self.labeller.identify(base)[0] if base else ""
            if item and any(self.labeller.identify(p.label)[0] == item for p in out):
                continue
            out.append(m)
        return out

    def _names_whole(self, base: str, whole: Mention) -> bool:
        """Does the whole a share names (`占基本支出的`, `占总支出的`) name the list's total? A generic word
        (总, 全部, 全年) before the name names any total of it."""
        named, said = self.labeller.identify(base)
        total, _ = self.labeller.identify(whole.label)
        if base.startswith("本年") and "本年" not in whole.label and not total.startswith("本年"):
            # `收入预算 X，其中…，占本年收入的 p%`: this year's income, without the carry-over X holds; a 收入合计 is
            # the year's own (its item 本年收入合计), a 收入总计 is not
            return False
        if not named and said.stage is not None:
            return False  # `占全年预算的 p%`: of the part's own budget, not of the list's total
        named = GENERIC_WHOLE.sub("", named)
        return not named or not total or named in total or total in named

    def _breakdown(
        self,
        b: _Breakdown,
        si: int,
        para: int,
        mentions: list[Mention],
        qualified: Mention | None = None,
        before: list[object] | None = None,
    ) -> Mention | None:
        """A total and its parts; `qualified` is the head when the list follows it past a qualifying ratio."""
        # `限额和余额分别为 X、Y，其中一般债务限额和余额分别为 a、b，…`: the list breaks down both figures of the
        # 分别 pair in turn, not the last one alone (which part is whose is not read)
        paired = (
            b.head is not None and not b.head.label.strip("，、 ") and bool(mentions) and "分别" in mentions[-1].label
        )
        if (
            b.head is not None
            and before is not None
            and changed_by(b.head.label, [p.label for p in b.parts if isinstance(p, _Entry)])
        ):
            # `比上年下降 20.3%，减收 24.61 亿元，其中国有土地使用权出让收入 …`: the list is of the figure that
            # changed, not of what it changed by (a list of the change repeats its word: `其中调增人员经费 …`)
            mentions.append(self._mention(b.head, si, para))
            qualified = self._qualified_head([*before, b.head], mentions)
            b = _Breakdown(None, b.keyword, b.parts, b.noted)
        head, qualified = self._list_head(b, si, para, mentions, qualified)
        head = _counted_before(head, b, mentions)
        parts = self._not_of_another(self._reattach(self._parts(b, si, para, mentions, head)))
        if b.keyword.startswith(("（", "(")):
            # a list in brackets is a note on its head: what the sentence says next is of the head again
            self.d.bracketed.update(id(p) for p in parts)
        if head is qualified and _of_the_change(before, parts):
            head = None  # `比年初调增 30 万元，其中调增人员经费 12 万元、调增公用经费 18 万元`: the change's parts
        for p in b.noted:  # figures in brackets after a part: mentions of their own, not parts of this list
            if isinstance(p, _Entry):
                noted = self._mention(p, si, para)
                self.d.noted.add(id(noted))
                mentions.append(noted)
            elif isinstance(p, _Breakdown):
                self._breakdown(p, si, para, mentions)
            else:
                self._clause(p, si, mentions)
        if head is None or paired or _score_pairs(parts) or _counts_the_parts(head, parts) or counts_subordinates(head):
            return None
        if self._graded_apart(parts, si) or scored_apart(head, parts):
            return None  # `评价得分 87 分；其中项目支出部分得分 91 分，单独评定为“优”`: a part evaluated on its own
        parts = within_whole(self.labeller, head, self._gross(head, parts))
        if parts:
            kw = b.keyword.strip("：，:（(；、")
            self._record(head, parts, kw, si)
            self._listed_shares(b, si)
        return head

    def _listed_shares(self, b: _Breakdown, si: int) -> None:
        """`其中：税收收入 a、非税收入 b，分别占 p%、q%`: the shares after 分别 go one to each part listed right
        before, in order, as after a `分别为` list (`_respective_shares`); their whole is the one the shares
        name or, naming none, the list's total (found by the linking passes)."""
        at = next((k for k, x in enumerate(b.parts) if _is_label(x) and str(x).strip() == "分别"), None)
        if at is None:
            return
        run: list[_Entry] = []
        for x in reversed(b.parts[:at]):
            if not isinstance(x, _Entry) or not any(q.kind in ("amount", "count") for q in x.qs):
                break
            run.insert(0, x)
        if len(run) >= 2:
            self._respective_shares(b.parts, run, si)

    @staticmethod
    def _of_the_compared(b: _Breakdown) -> bool:
        """Is the list's head the gap to a figure (`余额 X，低于限额 B，其中一般债务余额 a…`) whose parts name the
        item compared (余额), not the one it is compared with (限额: `低于限额 B（其中：一般债务限额 a…）`)?"""
        assert b.head is not None
        gap = GAP.search(b.head.label)
        if gap is None:
            return False
        against = GAP_WORD.sub("", gap.group())[-2:]  # the noun compared with (`限额`)
        names = [p.label for p in b.parts if isinstance(p, _Entry)]
        return bool(names) and not any(against in n for n in names)

    def _list_head(
        self, b: _Breakdown, si: int, para: int, mentions: list[Mention], qualified: Mention | None
    ) -> tuple[Mention | None, Mention | None]:
        """The figure a list breaks down (and the qualified head, as it stands after reading the list's own)."""
        if b.head is not None and (b.head.of is not None or (mentions and self._of_the_compared(b))):
            # `收入 X，完成预算 B 的 p%，主要是…` / `…，占全市收入 B 的 p%；其中…`: B is the base of the figure's
            # percentage; `余额 X，低于限额 B，其中…`: B is the limit X is compared with; the list is X's, not B's
            if b.head.of is not None:
                self._of_ratio(b.head, si, mentions)
            figure = mentions[-1] if mentions else None
            mentions.append(self._mention(b.head, si, para))
            return figure, figure
        head = self._mention(b.head, si, para) if b.head is not None else qualified
        if head is not None and head is not qualified:
            mentions.append(head)
        if head is not None and changed_from(self.d, head):
            return None, qualified  # `调入资金由 A 调增至 B，其中…`: the list is of B, which no mention holds
        return head, qualified

    def _parts(self, b: _Breakdown, si: int, para: int, mentions: list[Mention], head: Mention | None) -> list[Mention]:
        parts: list[Mention] = []
        dims = {q.base_unit for q in head.quantities} if head is not None else set()
        ended = False
        run = 0  # where the parts a `等` subtotal would close begin
        previous: object = None
        for k, p in enumerate(b.parts):
            named, previous = _name_in(previous), p
            if isinstance(p, _Entry) and parts and not ended and self._closes_named(p):
                # `其中：增值税 A、契税 B 等税收收入 C，非税收入 D`: C is the sum the named parts are some of,
                # and the list's part in their place
                closing = self._mention(p, si, para, head)
                mentions.append(closing)
                self._keep(Breakdown(closing, parts[run:], "等", False, si))
                parts[run:] = [closing]
                run = len(parts)
                continue
            ended = ended or self._ends_list(p, head, parts, dims)
            if isinstance(p, (_Rate, _Change)) and head is not None and len(parts) >= 2:
                # `支出 X，其中基本支出 a、项目支出 b，预算执行率 r%，年末结余 c`: the parts before the clause make
                # the total already, and a figure after it would exceed it: that figure is a statement of its own
                # (a remainder), not a third part (a zero may still be one: `…0%；公务接待费 0.00 万元`)
                ended = ended or (_complete(head, parts) and _nonzero_next(b.parts[k + 1 :]))
            if isinstance(p, _Entry) and p.of is not None and parts:
                # `其中土地出让收入 a，完成年度计划 B 的 p%`: B is what the part before is a rate of, no part itself
                self._of_ratio(p, si, mentions)
                mentions.append(self._mention(p, si, para))
            elif isinstance(p, _Entry):
                m = self._mention(p, si, para, None if ended else head)
                mentions.append(m)
                if not ended:
                    parts.append(m)
            elif isinstance(p, _Breakdown):
                sub = self._breakdown(p, si, para, mentions)
                if sub is not None and not ended:
                    parts.append(sub)
                    self._share_of_subtotal(sub, head)
            else:
                # `其中公务用车购置及运行费比上年减少 Δ`: the clause names what changed
                self._clause(p, si, mentions, named, head if parts and not named else None, parts)
        return parts

    def _sibling(self, head: Mention, p: _Entry, parts: list[Mention]) -> bool:
        """Is the entry a clause of its own naming the kind beside the head's (`一般债务还本 A，其中市本级 a；专项债务
        还本 B`), after a semicolon? (Set off by a comma, `专项债券 X，其中新增专项债券 a，再融资一般债券 b`, the words
        may be loose and the figures the parts.)"""
        if not p.qs or not _parallel(head.label, p.label):
            return False
        before = parts[-1] if parts else head
        end = before.quantities[-1].end if before.quantities else before.start
        return "；" in self.doc.text[end : p.qs[0].start]

    def _past_a_closed_run(self, head: Mention, p: _Entry, parts: list[Mention]) -> bool:
        """Does the entry follow, past a comma, a run of parts joined by 、 that make the whole already
        (`采购预算 T，其中货物 a、服务 b，预留中小企业 c，占 p%`: c cuts across a and b, no third part)?"""
        if len(parts) < 2 or not p.qs or p.qs[0].value <= 0 or not parts[-1].quantities:
            return False
        text = self.doc.text
        joined = text[parts[0].start : parts[-1].start]
        if "、" not in joined or any(mark in joined for mark in "，,；;"):
            return False
        gap = text[parts[-1].quantities[-1].end : p.qs[0].start]
        return any(mark in gap for mark in "，,；;") and _complete(head, parts)

    def _ends_list(self, p: object, head: Mention | None, parts: list[Mention], dims: set[str]) -> bool:
        """Does the item end the list before it is read as a part?"""
        if isinstance(p, _Entry) and head is not None:
            # a part on the other side than the list's first (`…收入 58.62 亿元；预算支出安排 81.37 亿元`)
            side = parts[0].label if parts and _other_side(parts[0].label, head.label) is False else ""
            return (
                _ends_parts(p, dims, not parts, side)
                or self._beside(head, p)
                or self._sibling(head, p, parts)
                or self._past_a_closed_run(head, p, parts)
                or _past_a_footed_list(self.doc.text, head, p, parts)
            )
        if isinstance(p, _Breakdown) and head is not None and p.head is not None:
            # `县本级收入 X，其中…；乡镇收入 Y，其中…`: another level's own list; `编制 X 人，其中 a；实有 Y 人，其中 b`:
            # after one part and a semicolon, a figure with a list of figures of its own is a statement of its own
            # (not `其中：人员经费 a，主要包括工资…；公用经费 b，主要包括…`: a part and the words of what it holds)
            # (one stated with its share, `事业收入 b（占 q%），其中…`, is a part of the list's total all the same)
            parallel = (
                len(parts) == 1
                and p.head.share is None
                and any(isinstance(x, _Entry) and x.qs for x in p.parts)
                and "；" in self.doc.text[parts[0].quantities[-1].end : p.head.qs[0].start]
            )
            return parallel or self._beside(head, p.head)
        # `…，加上上级补助收入、调入资金等 3.4 亿元`: added to the list, not in it; `A、B、C 等，…`: the list closed;
        # `其中一般债务余额 a、专项债务余额 b，债务余额控制在限额之内，限额空间 c`: a clause about the whole again
        if not (_is_label(p) and parts):
            return False
        text = str(p).lstrip("，、；：")
        return bool(ADDED.match(text)) or str(p).startswith("等") or (head is not None and _about_whole(head, text))

    def _named_shares(self, items: list[object], si: int, mentions: list[Mention]) -> None:
        """`…其中税收收入 8.46 亿元，税收收入占一般公共预算收入的比重为 72.1%`: a share naming its part and its whole,
        both figures stated under those names in its sentence (or, inferred, earlier in its paragraph)."""
        flat = list(_leaves(items))
        head: _Entry | None = None  # the total of the latest list opened (read once, in order: linear)
        sent = self.doc.sentences[si]
        opened = OF_NAMED.match(self.doc.text, sent.start, sent.end)  # `“三公”经费中，A占 p%，B占 q%`
        for k in range(2, len(flat)):
            part_name, share, e = flat[k - 2], flat[k - 1], flat[k]
            if _opens_list(share) and isinstance(part_name, _Entry):
                head = part_name  # `…，其中 A a，B b，A占比 p%`: a share naming no whole is of the list's total
            if not (
                _is_label(part_name)
                and isinstance(share, Token)
                and share.type == "SHARE"
                and isinstance(e, _Entry)
                and len(e.qs) == 1
                and e.qs[0].kind == "percent"
            ):
                continue
            part = self._part_named(str(part_name), e, head, si, mentions) or _acted_on(flat, k, str(part_name))
            if part is None:
                if e.label.strip():  # (a list's part with its total's qualifier: links.qualified_shares)
                    self.d.unread_shares.append((str(part_name), e.label, e.qs[0], si))
                continue
            whole = self._share_whole(e, head, opened.group(1) if opened else None, part[0], (si, mentions))
            if whole is None or part[0].base_unit != whole[0].base_unit or whole[0] is part[0]:
                continue  # (one figure found under both names: the words name two quantities, not read)
            if whole[0].base_value < part[0].base_value and e.qs[0].value <= 100:
                # `其中：甲 a，…，其他各项基金收入 b。甲占全市基金收入的 p%`: a figure below the part is not its whole,
                # whatever the end of its name (the whole's name, shortened, is the end of a smaller part's)
                continue
            certain = part[1] and whole[1]
            self.facts.shares.append(Share(e.qs[0], part[0], whole[0], e.label, si, certain))

    def _part_named(
        self, name: str, e: _Entry, head: _Entry | None, si: int, mentions: list[Mention]
    ) -> tuple[Quantity, bool] | None:
        """The figure a share's part names. Of a list's total the share names no whole of (`政府债务余额合计 X，
        其中一般债务占 p%`), the part is of the total's measure (一般债务余额): stated so before, or stated in the
        sentence; a figure before named by the part's words alone is of another measure (举借一般债务)."""
        measure = _measure_after(name, head.label) if head is not None and not e.label.strip() else ""
        if not measure:
            return self._named_figure(name, si, mentions)
        # (of the total's scope too: `全省…余额合计`'s part is not `省本级一般债务余额`)
        scope = self.labeller.identify(head.label)[1].scope if head is not None else None
        found = self._named_figure((scope or "") + name + measure, si, mentions)
        if found is not None:
            return found
        found = self._named_figure(name, si, mentions)
        return found if found is not None and found[1] else None

    def _share_whole(
        self, e: _Entry, head: _Entry | None, opened: str | None, part: Quantity, at: tuple[int, list[Mention]]
    ) -> tuple[Quantity, bool] | None:
        """The whole of a share naming its part: the figure of the whole its words name (`占一般公共预算收入的`);
        naming none, the total of the list it is in, else the figure of the whole the sentence opens by naming
        (`“三公”经费中，公务接待费占 p%`), stated before under that name."""
        if e.label.strip():
            return self._named_figure(e.label, *at, besides=part)
        total = next((q for q in head.qs if q.kind in ("amount", "count")), None) if head else None
        if total is not None:
            return total, True
        whole = self._named_figure(opened, *at) if opened else None
        # a part of the whole the sentence names is no more than it: figures found otherwise are not of this share
        return (
            whole
            if whole is not None and whole[0].base_unit == part.base_unit and part.base_value <= whole[0].base_value
            else None
        )

    def _named_figure(
        self, name: str, si: int, mentions: list[Mention], besides: Quantity | None = None
    ) -> tuple[Quantity, bool] | None:
        """The one amount or count stated under the name nearest before (its sentence first, then its paragraph),
        and whether it stands in the sentence. `besides`: a share's part, passed over where its own name states
        what the name of the whole does not (`财政拨款收入 a；…。财政拨款收入占收入预算的 p%`: the income of one fund
        is an income, never the whole of all income the share names)."""
        item, said = self.labeller.identify(SHARE_WORDS.sub("", name))
        if len(item) < 2:
            return None
        # (its paragraph, or the paragraphs under the same heading: `政府债务限额 X。` / `余额 Y，余额占限额的 p%`)
        here = self.doc.section_at(self.doc.sentences[si].start)
        sentences = [si] + [
            s
            for s in range(si - 1, max(-1, si - 4), -1)
            if self._same_paragraph(s, si) or self.doc.section_at(self.doc.sentences[s].start) is here
        ]
        # the name as an item, else as the end of one (`余额` of `年末债务余额`: the share's words shorten it)
        for same in (str.__eq__, str.endswith):
            for s in sentences:
                among = mentions if s == si else self.d.by_sentence.get(s) or []
                outcome = said.stage is None and self._outcome_stated(among)
                found = [
                    q
                    for m in among
                    if same((named := self.labeller.identify(m.label))[0], item)
                    and said.agrees(named[1])
                    and not (outcome and named[1].stage in PLAN_STAGES)
                    for q in m.quantities
                    if q.kind in ("amount", "count") and q.exact and not (q is besides and _narrower(named[1], said))
                ]
                if found:
                    return self._one_named(found, s == si)
        return None

    def _one_named(self, found: list[Quantity], here: bool) -> tuple[Quantity, bool] | None:
        """The one figure of those stated under a name: one value, or the total of a list whose parts are all
        the others (`限额 X，其中一般债务限额 a、专项债务限额 b`: `限额`, unqualified, names the total, the parts
        each narrowed by their own word)."""
        if len({q.base_value for q in found}) == 1:
            return found[0], here
        listed = list_total(self.facts.breakdowns, found)
        # (the list's total by the first figure its total states)
        return (listed[1], here) if listed is not None and listed[1] is listed[0].total.quantities[0] else None

    def _outcome_stated(self, mentions: list[Mention]) -> bool:
        """Does one of the figures state an outcome (决算数, 执行数)?"""
        return any(self.labeller.identify(m.label)[1].stage in OUTCOME_STAGES for m in mentions if m.quantities)

    def _beside(self, head: Mention, p: _Entry) -> bool:
        """Is the entry beside the total rather than in it: of another level of government when the total is
        one level's own (`县本级收入 X，其中税收 a；乡镇收入 Y`), or a limit the total is kept within (`余额 X，其中…，
        均控制在限额 Y（…）以内`)?"""
        _, whole = self.labeller.identify(head.label)
        _, own = self.labeller.identify(p.label)
        if own.known("period") and own.period != whole.period and (own.period or "").startswith("-"):
            return True  # `收入 X，其中税收收入 a，上年税收收入 b`: last year's figure beside the list
        scope = whole.scope if whole.known("scope") else None
        if scope is not None and own.known("scope") and own.scope != scope and not scope.startswith("全"):
            return True
        return bool(LIMIT.search(p.label)) and not LIMIT.search(head.label)

    def _closes_named(self, p: _Entry) -> bool:
        """Is the entry a `等` subtotal right after the figure before it (`契税 18.20 亿元等税收收入 221.38 亿元`),
        not a name that begins with 等 (`，等级公路养护 320 万元`, `、等保测评 18 万元`)?"""
        if not p.label.startswith("等") or not p.qs:
            return False
        at = self.doc.text.rfind(p.label, 0, p.qs[0].start)
        return at > 0 and self.doc.text[at - 1] not in "，、；：。,;: \n"

    def _lists(self) -> dict[int, int]:
        """The total of each breakdown (by id) → the index of its latest breakdown. Breakdowns are only appended
        here, or replaced by one of the same total, so the map is brought up to date, not rebuilt per list."""
        breakdowns = self.facts.breakdowns
        for i in range(self._lists_seen, len(breakdowns)):
            self._list_of[id(breakdowns[i].total)] = i
        self._lists_seen = len(breakdowns)
        return self._list_of

    def _reattach(self, parts: list[Mention]) -> list[Mention]:
        """A part with a list of its own that a `；` seemed to end (`公用类支出 385.6 亿元，包括市本级 247.9 亿元，
        完成调整预算的 101.3%；市对区转移支付 137.7 亿元`): when the parts after it complete its list exactly,
        they are its parts, not its siblings."""
        lists = self._lists()
        out: list[Mention] = []
        i = 0
        while i < len(parts):
            p = parts[i]
            out.append(p)
            k = lists.get(id(p))
            run = _completing(self.facts.breakdowns[k], parts[i + 1 :]) if k is not None else []
            if run and k is not None:
                b = self.facts.breakdowns[k]
                self.facts.breakdowns[k] = Breakdown(b.total, [*b.parts, *run], b.keyword, True, b.sentence)
                self.d.parts.update(id(m) for m in run)
            i += 1 + len(run)
        return out

    def _and_so_on(self, m: Mention) -> bool:
        """Does `等` follow the figure (`…、其他交通费用 52.30 万元等`): the list names some items, the rest unsaid?"""
        end = m.quantities[-1].end if m.quantities else m.start
        return self.doc.text.startswith("等", end)

    def _coordinated(self, parts: list[Mention]) -> set[int]:
        """The indexes of the parts an enumeration comma joins to the next (`局本级 5 个、市图书馆 2 个`): items
        of one rank, the next no component of this one."""
        text = self.doc.text
        return {
            i
            for i, (a, b) in enumerate(zip(parts, parts[1:]))
            if a.quantities and text[a.quantities[-1].end : b.start].lstrip()[:1] == "、"
        }

    def _record(self, head: Mention, parts: list[Mention], keyword: str, si: int) -> None:
        """The breakdown, with the runs of parts that add up to the part before them taken as that part's own
        (`一般债券 426 亿元，省级留用 45 亿元，转贷市县 381 亿元`: the last two are the first's)."""
        if _counts_other_things(head, parts) or rolls_forward(head, parts) or one_answer_apart(parts):
            return
        if overlapping(parts):
            return  # `支出 X，其中民生支出 a；“三保”支出 b`: aggregates across the classification overlap
        if len(parts) >= 3 and of_total(head, parts[1:]) and not of_total(head, parts):
            # `采购总额 X，其中授予中小企业合同金额 a，货物、工程、服务支出分别为 b、c、d`: the parts after the first
            # are the total's definition; the first cuts across them
            self.d.parts.add(id(parts[0]))
            parts = parts[1:]
        parts = self._defined_runs(parts, si)
        coordinated = self._coordinated(parts)
        own, nested = _runs_of_parts(parts, coordinated) if not _foots_flat(head, parts) else (parts, [])
        for whole, run in nested:
            self._keep(Breakdown(whole, run, "", True, si, inferred=True, certain=False))
        # a list that ends with the rest (`…，其他 2.1 亿元`) covers its total whatever word opened it
        rest = len(own) >= 2 and own[-1].key.startswith(REMAINDER) and not self._and_so_on(own[-1])
        exhaustive = (keyword in EXHAUSTIVE or rest) and len(own) >= 2
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

    def _share_of_subtotal(self, sub: Mention, head: Mention | None) -> None:
        """A nested total's own share (`本年收入 470 万元，占 94%，其中…`) is a share of the outer total."""
        if head is None:
            return
        for s in reversed(self.facts.shares):
            if s.part is not None and s.part in sub.quantities and s.total is None:
                if not PRONOUN.match(s.base_label):  # (`占该项资金的 p%`: of the item's own funds, not the total)
                    s.total = head.of_unit(s.part.base_unit)
                break

    def _rate(
        self,
        r: _Rate,
        si: int,
        mentions: list[Mention],
        siblings: list[Mention] | None = None,
        whole: Mention | None = None,
    ) -> None:
        formula = None
        if r.formula is not None:
            formula = _formula(r.formula, si, r.name)
            self.facts.formulas.append(formula)
        if r.value is None:
            return
        # operands: the figures of the sentence before the rate and after any earlier rate
        floor = self._last_rate.get(si, -1)
        self._last_rate[si] = r.start
        # items of a list separated by ；are independent: a rate's operands stand in its own item; after 其中 a
        # rate is the subset's (`目标 25 个，完成 23 个，其中个别地区…，实际支出率为 0%`)
        begin = self.doc.sentences[si].start
        floor = max(floor, self.doc.text.rfind("；", begin, r.start), self.doc.text.rfind("其中", begin, r.start))
        ops, labels = self._operands(r, mentions, floor)
        if not ops and FORM_RATE.fullmatch(r.name):
            form = self._form_rate(si, r.name, r.value, mentions)
            if form is not None:
                self.facts.rates.append(form)
                return
        total = _whole_of_part(r.name, ops, whole, siblings)
        if total is not None and whole is not None:
            ops.append(total)
            labels.append(whole.key)
        if (
            siblings
            and len(ops) >= 2
            and all(any(q in p.quantities for p in siblings) for q in ops)
            and not any(OUTCOME_LABEL.search(label) or SCORED.match(label) for label in labels)
        ):
            # `资金 210 万元，其中市级 150 万元、区级 60 万元，全部到位，到位率 100%`: two sources of one list are
            # no numerator and denominator of each other (an outcome among them is: `应配套 A，实际到位 B，到位率`, and
            # so is a score: `其中决策指标 15 分，得 11.20 分，得分率 74.67%`)
            ops, labels = [], []
        named = self._outcome_before_budgets(r.value, si, mentions, ops)
        if named is not None:
            # (no operands where the outcome is not found: the budgets stated are none of the rate's numerator)
            self.facts.rates.append(Rate(r.name, r.value, si, *named, formula, ordered=True, certain=False))
            return
        earlier = self._outcome_said_before(r.value, si, mentions, ops)
        if earlier is not None:
            # `“三公”经费支出决算 X。“三公”经费年初预算 B，决算数为预算数的 p%`: X over B, read across sentences
            # (ordered: the outcome over the budget; not certain: the numerator is found, not stated beside it)
            pair, names = [earlier[0], ops[0]], [earlier[1], labels[0]]
            self.facts.rates.append(Rate(r.name, r.value, si, pair, names, formula, ordered=True, certain=False))
            return
        self.facts.rates.append(Rate(r.name, r.value, si, ops, labels, formula, total is not None))

    def _operands(self, r: _Rate, mentions: list[Mention], floor: int) -> tuple[list[Quantity], list[str]]:
        """The figures of the mentions after `floor` and before the rate that may be its operands, and their items."""
        ops: list[Quantity] = []
        labels: list[str] = []
        spent = EXECUTION_RATE.search(r.name) is not None
        for m in mentions:
            if self._no_operand(m, ops) or (spent and _left_over(m)):
                continue
            for q in m.quantities:
                if floor < q.start < r.start and q.kind in ("amount", "count") and q.exact:
                    ops.append(q)
                    labels.append(m.key)
        return ops, labels

    def _no_operand(self, m: Mention, ops: list[Quantity]) -> bool:
        """Are the mention's figures none of a rate's operands, by its words?"""
        if self._note(m):
            return True  # `实际完成 43.1 亿元（含开发区 12.4 亿元），为调整预算的 67%`: the bracket notes a share of it
        if GAP_AGAINST.search(m.label):
            return True  # `兑付 236 家，较目标多 36 家，完成率 118%`: the excess over the target is no operand
        if self._notes_a_percentage(m):
            return True  # `支出 X，增长 3.3%（上年同期 Y），完成预算的 p%`: Y notes the growth's base
        if self._counts_the_items(m):
            return True  # `三个项目预算合计 A，支出合计 B，执行率 p%`: 三个 says how many items A is of
        # `支出 2.0312 亿元，即 20312 万元，支出进度 p%`: the operand before restated in another unit
        return bool(ops and m.quantities) and converted(self.doc.text, ops[-1], m.quantities[0])

    def _counts_the_items(self, m: Mention) -> bool:
        """Is the figure a count with no name of its own (a period at most), whose words run on into the next
        figure's name (`四个项目预算合计 A`): it says how many things that figure is of, no measure of its own."""
        if len(m.quantities) != 1 or m.quantities[0].kind != "count":
            return False
        item, context = self.labeller.identify(m.label)
        if item or context.stage is not None:
            return False  # (`完成四个项目`: a count of what was done is a measure of its own)
        q = m.quantities[0]
        nxt = next((n for n in self.d.by_sentence.get(m.sentence) or [] if n.quantities and n.start >= q.end), None)
        return nxt is not None and CLAUSE_BREAK.search(self.doc.text, q.end, nxt.quantities[0].start) is None

    def _outcome_before_budgets(
        self, stated: Quantity, si: int, mentions: list[Mention], ops: list[Quantity]
    ) -> tuple[list[Quantity], list[str]] | None:
        """([numerator, denominator], names) of `…支出 X。年初预算为 A，调整预算为 B，决算数为调整预算的 p%`: the
        words name the numerator by its stage (决算数), every figure before them is a budget of no item named (the
        sentence goes on with the item of the one before), so the outcome is the one figure of the sentence right
        before, in its paragraph, of no budget, in the unit of the budget the words name (B: the one of that
        stage). Where either is not so certain, ([], []): a budget is never the outcome (None: not this reading)."""
        said = NAMED_OUTCOME_OVER.fullmatch(self.doc.text, ops[-1].end, stated.start) if ops else None
        owners = [m for m in mentions if any(q in ops for q in m.quantities)]
        if said is None or not owners:
            return None
        identify = self.labeller.identify
        if any(identify(m.label)[1].stage not in BUDGET_STAGES or identify(m.label)[0] for m in owners):
            return None  # an outcome among them, or a budget of an item named: read as before
        budget = identify(said.group("budget"))[1].stage
        dens = [(q, m) for m in owners if identify(m.label)[1].stage == budget for q in m.quantities if q in ops]
        # (`为预算的` after the initial and the adjusted budget: which one the words mean is not said)
        plain = said.group("budget").startswith("预算") and len(owners) > 1
        if len(dens) != 1 or plain or not self._same_paragraph(si - 1, si):
            return [], []
        den, owner = dens[0]
        num = self._outcome_just_before(si, identify(said.group("stage"))[1].stage, den)
        return ([], []) if num is None else ([num[0], den], [num[1].key, owner.key])

    def _outcome_just_before(self, si: int, stage: str | None, den: Quantity) -> tuple[Quantity, Mention] | None:
        """The one figure of the sentence before that may be the outcome a rate over `den` names by `stage`: no
        part of a list, no budget, no last year's, of no other stage, in den's unit and kind."""
        identify = self.labeller.identify
        nums = [
            (q, m)
            for m in self.d.by_sentence.get(si - 1) or []
            if not self._qualifies(m)
            and id(m) not in self.d.parts
            and not NOT_THE_OUTCOME.search(m.label)
            and identify(m.label)[1].stage in (None, stage)
            and (q := exact_figure(m)) is not None
            and q.base_unit == den.base_unit
            and q.kind == den.kind
        ]
        return nums[0] if len(nums) == 1 else None

    def _outcome_said_before(
        self, stated: Quantity, si: int, mentions: list[Mention], ops: list[Quantity]
    ) -> tuple[Quantity, str] | None:
        """(numerator, its name) of `A 预算 B，决算数为预算数的 p%`, whose numerator the words name by its stage
        but the sentence does not state: the one figure of A's item at that stage in the nearest sentence before
        that states one, under the same heading, in the unit of B, not last year's. Two such figures there, or
        none in the paragraph, leave it unread."""
        if len(ops) != 1:
            return None
        said = STAGE_OVER_BUDGET.fullmatch(self.doc.text, ops[0].end, stated.start)
        den = next((m for m in mentions if ops[0] in m.quantities), None)
        if said is None or den is None:
            return None
        item, context = self.labeller.identify(den.label)
        if not item or context.stage != "预算":
            return None
        stage = self.labeller.identify(said.group("stage"))[1].stage
        found: list[tuple[Quantity, str]] = []
        sj = si - 1
        while not found and self._same_section(sj, si):
            # the nearest sentence stating the item at that stage (past a 其中 list of its parts)
            found = [
                (q, m.key)
                for m in self.d.by_sentence.get(sj) or []
                if self._of_item_at(m, item, stage, context.period)
                for q in m.quantities
                if q.base_unit == ops[0].base_unit and q.kind == ops[0].kind
            ]
            sj -= 1
        return found[0] if len(found) == 1 and found[0][0].exact and stage else None

    def _of_item_at(self, m: Mention, item: str, stage: str | None, period: str | None) -> bool:
        """Is the mention a figure of `item` (named with or without its 支出: `“三公”经费支出决算`) at `stage`, of
        no period other than `period`?"""
        own, context = self.labeller.identify(m.label)
        if own.removesuffix("支出") != item.removesuffix("支出") or context.stage != stage:
            return False
        if LAST_YEARS.search(m.label):
            return False  # last year's figure of the item is no numerator of this year's rate
        return not (period and context.period and period != context.period)

    def _same_section(self, a: int, b: int) -> bool:
        """Do sentences `a` and `b` stand under one heading (or in one paragraph, where there is none)?"""
        if a < 0:
            return False
        here = self.doc.section_at(self.doc.sentences[b].start)
        if here is None:
            return self._same_paragraph(a, b)
        return self.doc.section_at(self.doc.sentences[a].start) is here

    def _form_rate(self, si: int, name: str, value: Quantity, mentions: list[Mention]) -> Rate | None:
        """`执行率：96.55%` on a form's line of its own: the outcome over the budget stated on the form's lines
        right before it (`全年预算数：412.50` / `全年执行数：398.26`), one of each in one unit. Of two budgets
        (年初/全年) the one the rate's words name, else the one of the outcome's period words (全年执行数 of the
        全年预算数), else none. On a line of pairs (`其他资金　全年预算数：100.00　全年执行数：91.80　执行率：
        91.80%`) the pairs before it on its own line, never the lines above (those are another row's)."""
        own = [m for m in mentions if m.quantities and m.quantities[0].end <= value.start]
        lines = own if own else self._form_lines_before(si)
        budgets = [m for m in lines if FORM_BUDGET.search(m.label) and not FORM_OUTCOME.search(m.label)]
        outcomes = [m for m in lines if FORM_OUTCOME.search(m.label) and "预算" not in m.label]
        if len(outcomes) != 1 or not budgets:
            return None
        outcome = outcomes[0]
        if len(budgets) > 1:
            scope = FORM_SCOPE.match(name) or FORM_SCOPE.match(outcome.label)
            budgets = [m for m in budgets if scope is not None and m.label.startswith(scope.group())]
        if len(budgets) != 1:
            return None
        num, den = outcome.quantities[0], budgets[0].quantities[0]
        if num.base_unit != den.base_unit or not (num.exact and den.exact):
            return None
        return Rate(name, value, si, [num, den], [outcome.key, budgets[0].key], None, ordered=True)

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

    def _of_ratio(self, e: _Entry, si: int, mentions: list[Mention]) -> None:
        """`参保 12,500 人，完成年度目标 12,000 人的 104.17%`: the figure before over the one in the phrase."""
        den = next((q for q in e.qs if q.kind in ("amount", "count")), None)
        if den is None or e.of is None:
            return
        # `支出 22.60 亿元，完成预算 23.05 亿元的 98.0%，占…支出 157.78 亿元的 14.3%`: the base of an earlier
        # percentage is no numerator of the next; the figure both are of is
        bases = self._references(si)  # and the base of a change is no numerator either
        num = next(
            (
                q
                for m in reversed(mentions)
                if not self._bracketed(m)  # `收入 86.5 亿元（含开发区 12.3 亿元），为预算 84 亿元的 103.0%`
                for q in m.quantities
                if q.base_unit == den.base_unit and q.kind == den.kind and q.exact and id(q) not in bases
            ),
            None,
        )
        key = self.labeller.split(e.label)[0]
        operands = [num, den] if num is not None else [den]
        self.facts.rates.append(Rate(f"{key}的比例", e.of, si, operands, [], None, ordered=True))

    def _change(
        self, c: _Change, si: int, mentions: list[Mention], named: str = "", whole: Mention | None = None
    ) -> None:
        """The figure that changed: the one the clause names (`收入预算比上年增加…`), else the last one before,
        skipping ratios that only qualify it (`收入 456.78 亿元，为预算的 101.5%，比上年增长 6.2%`). A clause
        closing a 其中 list (`whole` its total) may be of the last part or of the whole."""
        c, named = _comparison_fused(c, named)
        key, period = self._change_name(named)
        if self._dealt_apart(c, si, mentions, named, key):
            return
        initial = "年初" in c.cmp + c.label  # (`比上年年初预算数 C`: the initial budget, not the adjusted one)
        subject, certain = self._subject(key, si, mentions, period, self._compared_stage(c), initial)
        if key and subject is None:
            self.facts.changes.append(self._unstated_subject(c, si, mentions, key))
            return
        current, label, base_of_rate = self._what_changed(c, si, mentions, subject, key)
        if c.base is None and self._respective(c, si, mentions, subject, certain):
            return
        base = c.base or base_of_rate or self._named_plan(c.cmp, subject, mentions, current)
        base = base or self._noted_base(c, si, current, mentions)
        # the comparison may be written before the figure (`与2022年度相比（2022年度…为 X），增加 Δ`)
        comparison = c.cmp or (named if re.match(r"(?:比|较|与)", named) else "") or self._words_before(si, subject)
        if (
            subject is not None
            and base is None
            and current is not None
            and self._is_compared(subject, comparison, mentions)
        ):
            base, current, label = self._swapped(subject, mentions, current, label)
        if c.base is not None:
            current, label, base, certain = self._of_same_kind(c, si, subject, (current, label, base, certain))
        if whole is not None and subject is not None and subject is not whole and current is not None:
            # `X，其中：A a，B b，比上年增加 Δ，增长 p%`: of B or of X, the words do not say; the figures may
            own = whole.of_unit(current.base_unit)
            chosen = _consistent_current(c, base, [current, own] if own is not None else [current])
            if chosen is own and own is not None:
                label = whole.key
            current = chosen
        self.facts.changes.append(Change(c.cmp, label, current, base, _movements(c), si, certain))

    def _against_named(self, c: _Change, si: int, mentions: list[Mention], named: str) -> bool:
        """`可研批复总投资 A，初步设计概算调整为 B，较可研批复增加 Δ，增幅 p%`: a comparison naming a figure of its
        sentence that is no period (`较可研批复`) compares the figure the clause follows (B) with the one figure
        before it whose name holds those words (A), in one unit; recorded here (True) only when both are so
        certain. Where another figure stands between, or two are so named, it is read as before."""
        found = COMPARED_BY_NAME.fullmatch(named)
        if found is None or c.cmp or c.base is not None or not c.movements:
            return False
        first = c.movements[0].start
        figures = [
            (m, q)
            for m in mentions
            if not self._qualifies(m) and (q := exact_figure(m)) is not None and q.kind == "amount" and q.end <= first
        ]
        if len(figures) < 2:
            return False
        (subject, current), ref = figures[-1], found.group(1)
        if not FOLLOWED_BY_NAME.fullmatch(self.doc.text[current.end : first].replace(named, "", 1)):
            return False  # the clause follows another figure, or the words between say more
        # the figure named is the one right before the current (`…其中工程费 C，较可研批复…`: C is a part, not
        # the figure compared), the only one of the sentence so named
        named_ones = [q for m, q in figures[:-1] if ref in m.label]
        if named_ones != [figures[-2][1]] or ref in subject.label or id(subject) in self.d.parts:
            return False
        if named_ones[0].base_unit != current.base_unit:
            return False
        self.facts.changes.append(Change(named, subject.key, current, named_ones[0], _movements(c), si))
        return True

    def _dealt_apart(self, c: _Change, si: int, mentions: list[Mention], named: str, key: str) -> bool:
        """Is the change one of the kinds read on their own (True: recorded already)?"""
        if self._adjusted_basis(c, si, mentions, named):
            # `扣除一次性因素后可比增长 4.3%`: a change on another basis than the figures stated, not to recompute
            self.facts.changes.append(Change(c.cmp, key, None, None, _movements(c), si))
            return True
        return self._rated_adjustment(c, key, si, mentions) or self._against_named(c, si, mentions, named)

    def _rated_adjustment(self, c: _Change, key: str, si: int, mentions: list[Mention]) -> bool:
        """`年初安排预算 A，调整后全年预算 B，调减 Δ（降幅 p%）`: an adjustment with its rate (its 调 read as the
        change's name, naming nothing) is of the adjusted budget against the initial one, where the sentence
        states each once before it, the initial first, in one unit (an outcome may stand between: `调整后预算 B，
        实际支出 C，调增 Δ`, the 调 words are a budget's); else it is left unread (True: the change is dealt
        with). An adjustment without a rate is a figure of a chain (`_adjusted`)."""
        mv = c.movements[0] if c.movements else None
        if c.cmp or c.base is not None or mv is None or key not in ADJUSTING_PREFIXES:
            return False
        if not any(m.quantity is not None and m.quantity.kind == "percent" for m in c.movements):
            return False
        if not BARE_ADJUSTMENT.match(self.doc.text, mv.start - 1, mv.start + len(mv.word)):
            return False
        figures = [m for m in mentions if not self._qualifies(m) and m.quantities]
        initial = [m for m in figures if _initial_budget(m)]
        adjusted = [m for m in figures if ADJUSTED.search(m.label) and not _initial_budget(m)]
        current = base = None
        if len(initial) == 1 and len(adjusted) == 1 and figures.index(initial[0]) < figures.index(adjusted[0]):
            base, current = exact_figure(initial[0]), exact_figure(adjusted[0])
        if current is None or base is None or current.base_unit != base.base_unit:
            current = base = None
        label = adjusted[0].key if current is not None else ""
        self.facts.changes.append(Change("", label, current, base, _movements(c), si))
        return True

    def _unstated_subject(self, c: _Change, si: int, mentions: list[Mention], key: str) -> Change:
        """A change naming a figure its sentence does not state: of the item's one figure in the sentence right
        before (`…公务接待费 A。公务接待费支出决算比上年减少 Δ，下降 p%`, inferred), or of the share of one
        stated this year and last (`A a，占 p%；上年 A b，占比 q%，A 占比提高…`); else nothing to compare with."""
        said = self._item_said_before(c, key, si)
        if said is not None:
            return Change(c.cmp, said[0].key, said[1], None, _movements(c), si, False)
        pair = self._share_pair(c, si, mentions, key)
        current, base = pair if pair is not None else (None, c.base)
        return Change(c.cmp, key, current, base, _movements(c), si)

    def _item_said_before(self, c: _Change, key: str, si: int) -> tuple[Mention, Quantity] | None:
        """The figure of the sentence right before, in its paragraph, that a change stating only its difference
        (and rate) names: the one figure there whose item the change's name is, or that name with words saying
        only that it is the spending outcome (`公务接待费` for `公务接待费支出决算`), in the unit of the difference.
        A budget or last year's figure is never what changed; two so named leave it unread (not certain)."""
        if c.base is not None or not self._same_paragraph(si - 1, si):
            return None
        units = {m.quantity.base_unit for m in c.movements if m.quantity is not None and m.quantity.kind == "amount"}
        found = [
            (m, q)
            for m in self.d.by_sentence.get(si - 1) or []
            if len(m.key) >= 3
            and key.startswith(m.key)
            and OUTCOME_TAIL.fullmatch(key, len(m.key))
            and not self._qualifies(m)
            and (q := exact_figure(m)) is not None
        ]
        if len(found) != 1 or found[0][1].base_unit not in units:
            return None
        m = found[0][0]
        # another figure there naming the item in longer words (`上半年印刷费 a；下半年印刷费 b`), or one of part
        # of the year, leaves which figure the year's change is of unsaid
        named = [n for n in self.d.by_sentence.get(si - 1) or [] if n is not m and m.key in n.key]
        if named or NOT_THE_OUTCOME.search(m.label) or PART_OF_YEAR.search(m.label):
            return None
        return found[0]

    def _share_pair(self, c: _Change, si: int, mentions: list[Mention], key: str) -> tuple[Quantity, Quantity] | None:
        """`税收收入 a，占 p%；上年税收收入 b，占比 q%，税收占比提高 r`: a change named by a part's name (or its
        first words) and a share word, in a sentence whose only shares before it are that part's this year and
        last year's: (this year's share, last year's). Another share of the sentence, a name that is not the
        part's, or two of either year leave it unread: which shares are compared would not be certain."""
        named = NAMED_SHARE.match(key)
        if named is None or c.base is not None or not c.movements:
            return None
        first = c.movements[0].start
        own = [s for s in self.facts.shares if s.sentence == si and s.stated.end <= first]
        owners = [next((m for m in mentions if any(q is s.part for q in m.quantities)), None) for s in own]
        if len(own) != 2 or any(m is None for m in owners):
            return None
        (now, then), (m_now, m_then) = own, owners
        assert m_now is not None and m_then is not None
        earlier = LAST_YEARS.match(m_then.key)  # (`上年税收收入`: the item a year earlier, named so)
        if earlier is None or LAST_YEARS.match(m_now.key) or m_then.key[earlier.end() :] != m_now.key:
            return None
        return (now.stated, then.stated) if m_now.key.startswith(named.group("part")) else None

    def _change_name(self, named: str) -> tuple[str, str]:
        """The name a change gives what changed, and its period; a name that is this year alone names no figure
        (`上年预算 B，本年下降 p%`: the year that changed), and so is a clause stating a value in words (`自评等级为
        “优”，比上年…`: a grade, whole in itself; what changed is the figure before it)."""
        if WORDED_VALUE.search(named):
            named = ""
        key, period = self.labeller.split(named) if named else ("", "")
        # `与2023年度相比，减少 Δ`: the words of the comparison are no name of what changed
        return ("", period) if THIS_YEAR_ONLY.match(key) or COMPARISON_ONLY.fullmatch(key) else (key, period)

    def _of_same_kind(
        self, c: _Change, si: int, subject: Mention | None, read: tuple[Quantity | None, str, Quantity | None, bool]
    ) -> tuple[Quantity | None, str, Quantity | None, bool]:
        """The change's (current, name, base, certain) as `read`, where the figure compared with (`c.base`) is of
        the same kind as the current one: a percentage's change is of a percentage; last year's value of a rate
        named otherwise (`合格率 95%，较上年执行率 90%…`) is no base of it."""
        current, label, base, certain = read
        assert c.base is not None
        if c.base.kind == "percent" and (current is None or current.kind != "percent"):
            current, label, certain = self._percentage_compared(c, si, subject, (current, label, certain))
        elif current is not None and current.kind == "percent" and _names_other(c.label, label):
            base = None
        return current, label, base, certain

    def _percentage_compared(
        self, c: _Change, si: int, subject: Mention | None, read: tuple[Quantity | None, str, bool]
    ) -> tuple[Quantity | None, str, bool]:
        """A change against last year's percentage (`较上年（67.7%）提高…`) is of this year's percentage of the
        same kind: the share the figure before is said to be, right before the comparison (`基本支出 98.41 亿元，
        占 71.1%，较上年（67.7%）提高…`); or, the comparison opening its sentence, the rate the sentence before
        ends with, of the name the comparison gives if it gives one (`满意度为 97.97%。与上年满意度 93.55% 相比，
        提高…`). Otherwise what `read` found (current, name, certain) stands: never a percentage of another kind
        (a growth rate, `增长 5.2%，较上年（3.1%）…`) taken for the one compared. A share named in its own clause
        after the figure (`税收收入 a，税收占比达到 77.0%，较上年的 74.4% 提高…`) is the share compared; an amount
        never is (its change is no percentage's)."""
        base = c.base
        assert base is not None
        name = c.label.strip("的 ")
        if subject is not None and subject.sentence == si:
            share = self._share_before(subject, si, base)
            if share is not None:
                # (named by the share's word alone, `比上年占比 p%`, the comparison is of that share)
                return (share, f"{subject.key}占比", read[2]) if not name or SHARE_WORD_ONLY.match(name) else read
            named = self._share_in_words(si, base) or self._rate_right_before(si, base)
            if named is not None:
                return named
            current = read[0]
            return (None, read[1], read[2]) if current is not None and current.kind != "percent" else read
        if self._figures_between(self.doc.sentences[si].start, base.start):
            return self._share_in_words(si, base) or self._rate_right_before(si, base) or read
        rate = self._rate_ending(si - 1, name)
        return (rate.stated, rate.name, False) if rate is not None else read

    def _share_before(self, subject: Mention, si: int, base: Quantity) -> Quantity | None:
        """The share the subject is said to be (`A a，占 p%`), if no figure stands between it and `base`."""
        own = takewhile(lambda s: s.sentence == si, reversed(self.facts.shares))
        share = next((s.stated for s in own if any(s.part is q for q in subject.quantities)), None)
        if share is None or self._figures_between(share.end, base.start):
            return None
        return share

    def _share_in_words(self, si: int, base: Quantity) -> tuple[Quantity, str, bool] | None:
        """`财政拨款收入占收入总额的 70.03%，较上年的 63.77% 提高…`: the percentage right before the comparison, its
        words naming it a share of a named part (the part's name the change's), in its own clause (`收入 a，税收
        占比为 p%`: 税收)."""
        k = bisect_left(self._starts, base.start) - 1
        begin = self.doc.sentences[si].start
        if k < 0 or self._starts[k] < begin:
            return None
        q = self.facts.quantities[k]
        breaks = list(CLAUSE_BREAK.finditer(self.doc.text, begin, q.start))
        begin = breaks[-1].end() if breaks else begin
        words = self.doc.text[begin : q.start]
        named = SHARE_NAME.search(words)
        if q.kind != "percent" or named is None or named.start() < 2:
            return None
        return q, words[: named.start()].strip("，、 ") + "占比", True

    def _rate_right_before(self, si: int, base: Quantity) -> tuple[Quantity, str, bool] | None:
        """`群众满意度 93.2%，比上年的 88.5% 提高…`: the percentage right before the comparison (a comma and the
        comparison's words between, nothing else), its clause naming a rate; or the outcome (`实际完成 93.2%`) of
        the rate the sentence opens with (`合格率：指标值≥90%，实际完成 93.2%，比上年的 88.5% 提高…`). Words of a
        move (`增长 5.2%，较上年的 3.0%…`: last year's growth) or of a ratio to another figure name no such rate."""
        k = bisect_left(self._starts, base.start) - 1
        begin = self.doc.sentences[si].start
        if k < 0 or self._starts[k] < begin:
            return None
        q = self.facts.quantities[k]
        if q.kind != "percent" or not q.exact or not COMPARED_RIGHT_AFTER.fullmatch(self.doc.text, q.end, base.start):
            return None
        breaks = list(CLAUSE_BREAK.finditer(self.doc.text, begin, q.start))
        words = self.doc.text[breaks[-1].end() if breaks else begin : q.start].strip()
        if self.labeller.direction(words) is not None:
            return None
        name = self._rate_name(words)
        if not name and words and OUTCOME_ONLY.fullmatch(words):
            # the rate's name heads the sentence, before its colon, with no figure between
            colon = HEAD_COLON.search(self.doc.text, begin, q.start)
            if colon is not None and not self._figures_between(begin, colon.start()):
                name = self._rate_name(ITEM_NUMBER.sub("", self.doc.text[begin : colon.start()]))
        return (q, name, True) if name else None

    def _rate_name(self, words: str) -> str:
        """The name of a rate the words end with (`群众满意度为`: 群众满意度), else ""."""
        name = words.rstrip("为是达到约=：: ")
        return name if name and (self.labeller.names_rate(name) or MEASURED.search(name)) else ""

    def _figures_between(self, begin: int, end: int) -> bool:
        starts = self._starts
        return bisect_left(starts, end) > bisect_left(starts, begin)

    def _rate_ending(self, si: int, name: str) -> Rate | None:
        """The rate that ends sentence `si` (no figure after it), named `name` if a name is given (then the last
        rate of that name, wherever it stands in the sentence)."""
        if si < 0:
            return None
        rates = [
            r
            for r in self.facts.rates
            if r.sentence == si and (self.labeller.names_rate(r.name) or MEASURED.search(r.name))
        ]
        if name:
            return next((r for r in reversed(rates) if not _names_other(name, r.name)), None)
        last = rates[-1] if rates else None
        end = self.doc.sentences[si].end
        return last if last is not None and not self._figures_between(last.stated.end, end) else None

    def _swapped(
        self, subject: Mention, mentions: list[Mention], figure: Quantity, label: str
    ) -> tuple[Quantity | None, Quantity | None, str]:
        """(base, current, name) where the subject's figure is the earlier one: the current figure is the
        sentence's other one, and names what changed (not `上年为` before the earlier figure)."""
        base: Quantity | None = figure
        current = self._other_current(subject, mentions, figure)
        owner = next((m for m in mentions if current is not None and current in m.quantities), None)
        if owner is not None and owner.key and LAST_YEAR_ONLY.match(label):
            label = owner.key
        if current is not None and not self._comparable(subject, mentions, current):
            # `全市收入 312.45 亿元（上年市本级为 121.34 亿元），比上年增长 4.6%`: the earlier figure is
            # another quantity's; the change is the current figure's against a base not stated here
            base = None
        return base, current, label

    def _noted_base(self, c: _Change, si: int, current: Quantity | None, mentions: list[Mention]) -> Quantity | None:
        """`其中：税收收入 a（上年 b），增长 p%`: last year's figure in brackets right after the figure that changed
        is the change's base (a list's part's note, read only after the list's parts). A percentage of its own
        (`研发投入强度为 a%，上年为 b%，提高…`) has last year's value as the one figure between it and the move."""
        if current is None or not c.movements:
            return None
        if current.kind == "percent":
            return self._rate_base(current, c, si, mentions)
        before = [q for q in self._qs if current.end < q.start and q.end <= c.movements[0].start]
        if len(before) != 1 or any(q is before[0] for m in mentions for q in m.quantities):
            return None
        q = before[0]
        text = self.doc.text
        if not (
            LAST_YEAR_NOTE.fullmatch(text, current.end, q.start)
            and NOTE_CLOSED.fullmatch(text, q.end, c.movements[0].start)
        ):
            return None
        return q if q.kind == current.kind and q.base_unit == current.base_unit and q.exact else None

    def _words_before(self, si: int, subject: Mention | None) -> str:
        """The sentence's words before the subject's figure (its label included)."""
        if subject is None:
            return ""
        return self.doc.text[self.doc.sentences[si].start : subject.start]

    def _adjusted_basis(self, c: _Change, si: int, mentions: list[Mention], named: str) -> bool:
        """Does the clause say its change is on an adjusted basis (`可比`, `同口径`, `扣除…后`): in its name, its
        comparison, or the words between the sentence's last figure before it and its first movement?"""
        if not c.movements:
            return False
        begin = self.doc.sentences[si].start
        last = max((q.end for m in mentions for q in m.quantities if q.end <= c.movements[0].start), default=begin)
        lead = self.doc.text[last : c.movements[0].start]
        if c.base is not None:
            # `收入 X（不含上划中央收入，下同），比上年 Y 增长 p%`: a bracket closed before the comparison notes what
            # X holds; the change compares the two figures it writes, whatever they hold
            lead = BRACKETED.sub("", lead)
        return any(ADJUSTED_BASIS.search(t) for t in (named, c.cmp or "", lead))

    def _what_changed(
        self, c: _Change, si: int, mentions: list[Mention], subject: Mention | None, key: str
    ) -> tuple[Quantity | None, str, Quantity | None]:
        """The figure that changed, its name, and last year's value of it when a ratio's is stated beside it."""
        current = next((q for q in reversed(subject.quantities) if q.kind != "bare"), None) if subject else None
        label = subject.key if subject else ""
        rate = self._own_rate(si)
        if (
            rate is not None
            and not key
            and (current is None or rate.stated.start > current.start)
            and not self._of_an_amount(c, rate)
        ):
            return rate.stated, rate.name, self._rate_base(rate.stated, c, si, mentions)
        if current is None and not key and (pair := self._ratio_and_last_year(si, c, mentions)) is not None:
            # `税收收入占一般公共预算收入的比重为 68.8%，较上年的 70.2% 下降 1.4 个百分点`: the ratio changed
            return pair[0], pair[2], pair[1]
        if not key and c.movements:
            # `普及率由上年的 90.3% 提高到 92.6%，提高 2.3 个百分点`: the move just stated is what changed, also
            # after another figure of the sentence (`受理 3,204 件，满意率由上年的 88.7% 上升到 92.1%，提高…`)
            moved = next(takewhile(lambda f: f.sentence == si, reversed(self.facts.fromtos)), None)
            if (
                moved is not None
                and (current is None or moved.start.start > current.end)
                and moved.end.end <= c.movements[0].start
                and moved.start.kind == moved.end.kind
            ):
                begin = self.doc.sentences[si].start
                cut = max(self.doc.text.rfind(ch, begin, moved.start.start) for ch in "，,；;：:")
                name = self.doc.text[max(begin, cut + 1) : moved.word_start]
                return moved.end, FROM_WORD.sub("", name).strip("，、 "), moved.start
        return current, label, None

    @staticmethod
    def _of_an_amount(c: _Change, rate: Rate) -> bool:
        """Is the change one of the amount a rate qualifies, not of the rate? A change by money or a count, or
        against one (`为预算 B 的 97.4%，比上年减少 0.43 亿元`, `比上年 55.80 亿元增长 6.4%`), is of a figure of
        that unit. A ratio to a budget (`为预算 B 的 r%`) qualifies the outcome as `完成预算的 r%` does (_own_rate):
        it changes by percentage points if at all, a change in per cent beside it is the outcome's growth."""
        figures = [c.base, *(mv.quantity for mv in c.movements)]
        if any(q is not None and q.kind in ("amount", "count") for q in figures):
            return True
        # (a ratio read from `为 B 的 r%` (_of_ratio) is ordered and has no labels of its own)
        against_plan = rate.ordered and not rate.labels and PLAN_BASE.search(rate.name) is not None
        return against_plan and not any(q is not None and q.kind == "pp" for q in figures)

    def _respective(self, c: _Change, si: int, mentions: list[Mention], subject: Mention | None, certain: bool) -> bool:
        """`收入 245.70 亿元、支出 301.22 亿元，分别下降 9.8%、增长 2.2%`: the movements after 分别 go one to each
        figure before, in order (one change each); False when the clause has no 分别. Movements that do not
        pair off with the figures (three rates for two figures) make no change at all."""
        if c.movements and self._respective_rates(c, si, mentions, certain):
            return True
        if subject is None or not c.movements:
            return False
        lead = self.doc.text[max(q.end for q in subject.quantities) : c.movements[0].start]
        groups: dict[str, list[_Movement]] = {}
        for mv in c.movements:
            groups.setdefault(mv.quantity.kind if mv.quantity is not None else "", []).append(mv)
        n = len(c.movements) // len(groups)
        figures = self._pairable(mentions)
        paired = n >= 2 and all(len(g) == n for g in groups.values()) and len(figures) >= n
        if "分别" not in lead:
            # `收入 12.4 亿元、支出 8.6 亿元，同比下降 15.3%、增长 7.1%`: as many movements of each kind as figures
            # joined in one clause before them are theirs in order, 分别 or not
            if not (paired and self._joined(figures[-n:])):
                return False
        elif not paired or (len(figures) > n and self._joined(figures[-n - 1 :])):
            # (movements fewer than the figures the list joins: which go to which is not said)
            return True
        for i, m in enumerate(figures[-n:]):
            current = next(q for q in reversed(m.quantities) if q.kind != "bare")
            own = sorted((g[i] for g in groups.values()), key=lambda mv: mv.start)
            moves = [Movement(mv.direction, mv.word, mv.quantity, mv.start, mv.end) for mv in own]
            self.facts.changes.append(Change(c.cmp, m.key, current, None, moves, si, certain))
        return True

    def _pairable(self, mentions: list[Mention]) -> list[Mention]:
        """The figures movements after 分别 may go to: neither ratios that qualify a figure nor last year's."""
        return [
            m
            for m in mentions
            if not self._qualifies(m) and any(q.kind != "bare" for q in m.quantities) and not LAST_YEARS.match(m.label)
        ]

    def _respective_rates(self, c: _Change, si: int, mentions: list[Mention], certain: bool) -> bool:
        """`收入执行率 97.2%、支出执行率 94.5%，分别提高 1.3 个百分点、下降 0.8 个百分点`: after rates that are the
        sentence's last figures, the movements after 分别 go one to each rate, in order."""
        first = c.movements[0].start
        own = takewhile(lambda r: r.sentence == si, reversed(self.facts.rates))  # the sentence's, at the end
        rates = [(r.name, r.stated) for r in reversed(list(own)) if r.stated.end <= first]
        if not rates:
            return False
        # `A、B执行率分别为 a%、b%`: the rates after the first are figures of their own
        rates += [
            (rates[0][0], q)
            for m in mentions
            for q in m.quantities
            if q.kind == "percent" and rates[0][1].end < q.start < first and not m.label.startswith(("上年", "去年"))
        ]
        rates.sort(key=lambda r: r[1].start)
        if len(rates) < 2 or "分别" not in self.doc.text[rates[-1][1].end : first]:
            return False
        if any(rates[-1][1].end <= q.start < first for m in mentions for q in m.quantities):
            return True  # figures between (`上年分别为 c%、d%`): which movement is whose is not read; none is'
        n = len(c.movements)
        if n > len(rates) or any(mv.quantity is None for mv in c.movements):
            return True  # 分别 with movements that do not pair off with the rates: no change at all
        for (name, stated), mv in zip(rates[-n:], c.movements):
            moves = [Movement(mv.direction, mv.word, mv.quantity, mv.start, mv.end)]
            self.facts.changes.append(Change(c.cmp, name, stated, None, moves, si, certain))
        return True

    def _ratio_and_last_year(
        self, si: int, c: _Change, mentions: list[Mention]
    ) -> tuple[Quantity, Quantity, str] | None:
        """`A占B的比重为 68.8%，上年为 66.7%，提高…`: a ratio named as one (比重, 占比, …率) and last year's value
        of it, the sentence's only two percentages before the change: (this year's, last year's, the name)."""
        if not c.movements:
            return None
        pcts = [(m, q) for m in mentions for q in m.quantities if q.kind == "percent" and q.end <= c.movements[0].start]
        if len(pcts) != 2 or any(len(m.quantities) != 1 for m, _ in pcts):
            return None
        (_, cur), (last, base) = pcts
        if not LAST_YEAR_ONLY.match(last.label.strip("，、；：（( ")):
            return None
        name = self.doc.text[self.doc.sentences[si].start : cur.start].rstrip("为是达到 ")
        return (cur, base, name) if RATIO_NAME.search(name) else None

    def _rate_base(self, rate: Quantity, c: _Change, si: int, mentions: list[Mention]) -> Quantity | None:
        """`执行率为 96.5%，较上年的 94.2% 提高 2.3 个百分点`, `…，上年为 94.2%，提高…`, `…，上年这一比率为 94.2%，
        提高…`: last year's rate, the one percentage between the rate and the change, labelled as last year's
        figure and nothing else."""
        if not c.movements:
            return None
        end = c.movements[0].start
        between = [
            (m.label, m.quantities)
            for m in mentions
            if m.start > rate.end and m.quantities and m.quantities[0].end <= end
        ]
        between += [
            (r.name, [r.stated]) for r in self.facts.rates if r.sentence == si and rate.end < r.stated.start < end
        ]
        if len(between) != 1 or len(between[0][1]) != 1:
            return None
        q = between[0][1][0]
        label = between[0][0].strip("，、；：（( ")
        return q if q.kind == "percent" and LAST_YEAR_ONLY.match(label) else None

    @staticmethod
    def _named_plan(
        comparison: str, subject: Mention | None, mentions: list[Mention], current: Quantity | None
    ) -> Quantity | None:
        """`年初预算为 340 亿元，调整后为 360 亿元，比年初预算数增加 25 亿元`: a change against the plan it names
        (年初预算, 调整预算) is against the one figure of its sentence labelled so."""
        plan = PLAN_NAMED.search(comparison)
        if plan is None or subject is None or current is None:
            return None
        named = [m for m in mentions if m is not subject and plan.group() in m.label]
        found = [q for m in named for q in m.quantities if q.kind == current.kind and q.base_unit == current.base_unit]
        return found[0] if len(found) == 1 and found[0].start < current.start else None

    def _joined(self, figures: list[Mention]) -> bool:
        """Are the figures one run joined by 、 / 和 / 及 (no clause break between them)?"""
        text = self.doc.text
        return all(
            not re.search("[，。；：,;]", text[max(q.end for q in a.quantities) : b.start])
            for a, b in zip(figures, figures[1:])
        )

    def _subject(
        self,
        key: str,
        si: int,
        mentions: list[Mention],
        period: str = "",
        stage: str | None = None,
        initial: bool = False,
    ) -> tuple[Mention | None, bool]:
        """The mention that changed, and whether it stands in the change's own sentence: of the stage the
        comparison names where one of the sentence's figures is (`决算数 A，调整预算数 B，…；比上年决算数 C 减少…`)."""
        if key:
            subject, certain = self._named_subject(key, si, mentions, period)
            if subject is None:
                return None, False
            mentions = [*mentions, subject] if subject not in mentions else mentions[: mentions.index(subject) + 1]
        else:
            certain = True
        # past the parts a bracket lists (`购置及运行费 42.80（其中：购置费 18.00，运行费 24.80），比上年增加…`),
        # the bracket noting what the figure holds (`实际完成 43.1 亿元（含开发区 12.4 亿元），同比下降…`) and the
        # figures the sentence measures against (`完成预算的 102.6%（预算数 X）`, `为预算 X 的 97.4%`): a budget a
        # ratio is of is a reference, not what changed
        used = self._references(si)
        candidates = [
            m
            for m in reversed(mentions)
            if not self._qualifies(m)
            and id(m) not in self.d.bracketed
            and not self._note(m)
            and not any(id(q) in used for q in m.quantities)
            and not GAP_ALONE.fullmatch(m.label)
            and not self._notes_a_percentage(m)
        ]
        nearest = not initial and self._adjusted_nearest(candidates, stage)
        staged = self._of_stage(candidates, stage) if not nearest else []
        subject = next(iter(staged or candidates), None)
        if subject is None and self._own_rate(si) is None:
            return self._subject_before(si, mentions, certain)
        return subject, certain

    def _adjusted_nearest(self, candidates: list[Mention], stage: str | None) -> bool:
        """Is the nearest figure the adjusted budget where the comparison names a budget of no stage of its own
        (`年初预算 A，调整后预算数为 B，较上年预算数 C 增加 Δ`: 预算数 names either budget; the change follows B)?"""
        if stage != "预算" or not candidates:
            return False
        own = self.labeller.identify(candidates[0].label)[1].stage
        # (`调整后全年预算数为 B`: both stages' words, the adjusted one's first)
        return own == "调整预算" or (own != "预算" and ADJUSTED.search(candidates[0].label) is not None)

    def _subject_before(self, si: int, mentions: list[Mention], certain: bool) -> tuple[Mention | None, bool]:
        """The figure a change with none of its own in its sentence is of, in the sentence before (none where
        that is not known: `certain` then says whether the sentence's own reading was)."""
        score = self._total_score_before(si, mentions)
        if score is not None:
            return score, True
        if not self._same_paragraph(si - 1, si):
            return None, certain
        # `…支出 10,620.00 万元。与上年相比，减少 380.00 万元`: the figure compared is the one figure before
        # that is no part of a list (`“三公”经费 X，其中 A a，B b。与上年相比减少 Δ`: X); of two it is not known
        earlier = [
            m
            for m in self.d.by_sentence.get(si - 1) or []
            if not self._qualifies(m)
            and id(m) not in self.d.parts
            and any(q.kind in ("amount", "count") for q in m.quantities)
        ]
        return (earlier[0] if len(earlier) == 1 else None), False

    def _total_score_before(self, si: int, mentions: list[Mention]) -> Mention | None:
        """`项目自评得分 95.6 分，评价等级为优。与上年自评得分 93.1 分相比，提高 2.5 分`: a change of last year's total
        score is of this year's, the one total score of the sentence right before (a report has one overall
        score, so the paragraph break between the two sentences does not matter)."""
        sentence = self.doc.sentences[si]
        if si < 1 or mentions or not TOTAL_SCORE.search(self.doc.text, sentence.start, sentence.end):
            return None
        found = [m for m in self.d.by_sentence.get(si - 1) or [] if _is_total_score(m) and id(m) not in self.d.parts]
        return found[0] if len(found) == 1 else None

    def _compared_stage(self, c: _Change) -> str | None:
        """The stage of the figure a change writes it is compared with (`比上年决算数 C`: 决算)."""
        return self.labeller.identify(c.cmp + c.label)[1].stage if c.base is not None else None

    def _of_stage(self, candidates: list[Mention], stage: str | None) -> list[Mention]:
        """The figures of `stage` (none when no stage is named), last year's excepted: in `B 安排 A，增长 p%，上年
        执行数 C；D 安排 E，比上年执行数 F 下降 q%` C is of the stage F is, but it is last year's, not what changed."""
        identify = self.labeller.identify
        return [
            m
            for m in candidates
            if stage and identify(m.label)[1].stage == stage and not LAST_YEARS_LABEL.match(m.label)
        ]

    def _own_rate(self, si: int) -> Rate | None:
        """The sentence's latest rate of its own (`网办率 62.41%，较上年增加…`): what changed. A completion ratio
        (`完成预算的 97.8%，增长 2.4%`) only qualifies the amount before it, whose growth the change states."""
        # (not last year's value of it: `执行率 96.5%，上年这一比率为 94.2%，提高…`)
        rate = next(
            (r for r in reversed(self.facts.rates) if r.sentence == si and not LAST_YEARS_RATIO.match(r.name)), None
        )
        return rate if rate is not None and self.labeller.names_rate(rate.name) else None

    def _other_current(self, subject: Mention, mentions: list[Mention], base: Quantity) -> Quantity | None:
        """`与 2022 年度相比（2022 年度部门支出预算安排为 6,215.40 万元），增加 372.96 万元`: the figure before the
        change is the earlier one it is compared with; `2023年预算执行数为 58.30 万元，2024年预算安排 54.86 万元，
        比2023年预算执行数减少 5.90%`: the current one is the sentence's other figure, if any."""
        # past the figures the sentence measures against (a budget a ratio is of, an earlier change's base):
        # `支出 731.58 亿元，为调整预算 768.40 亿元的 95.2%，比上年的 702.16 亿元增长 4.2%` compares 731.58
        used = self._references(subject.sentence)
        # a note's figures are skipped, unless the change stands in the note itself (`（含开发区 12.3 亿元，比上年的
        # 10.9 亿元增长 12.8%）`: the note's figure changed)
        within = self._in_open_bracket(subject)
        candidates = [
            m
            for m in reversed(mentions)
            if m is not subject
            and not self._qualifies(m)
            and not REFERENCE.match(m.label)
            and not GAP_ALONE.fullmatch(m.label)
            and not any(id(q) in used for q in m.quantities)
            and (within or not self._bracketed(m))
        ]
        # of the stage the earlier figure names, where it names one (`决算 1.85 万元，预算 4.00 万元，…；上年决算 2.10
        # 万元，同比减少 0.25 万元`: this year's 决算 is compared with last year's)
        stage = self.labeller.identify(subject.label)[1].stage
        same = self._of_stage(candidates, stage)
        if not stage:
            # `决算数 A，调整预算数 B，完成调整预算的 r%；比上年的 C 增加…`: beside a budget, the outcome is what is
            # compared with last year's figure (a comparison of budgets names the budget: `比上年预算`)
            # (or, none named an outcome, the figures not named a plan: `支出 A，年初预算数 B，上年为 C；…增长 p%`)
            same = self._outcomes(candidates) if self._plan_among(candidates) else []
        other = next(iter(same or candidates), None)
        return next((q for q in reversed(other.quantities) if q.kind == base.kind), None) if other else None

    def _outcomes(self, candidates: list[Mention]) -> list[Mention]:
        """The figures named as an outcome (决算数, 执行数); none so named, those that name no stage (a fund's name
        holds 预算 too: `一般公共预算支出` is no budget)."""
        named = [m for m in candidates if OUTCOME_LABEL.search(m.label)]
        return named or [m for m in candidates if self.labeller.identify(m.label)[1].stage is None]

    @staticmethod
    def _plan_among(candidates: list[Mention]) -> bool:
        """Is one of the figures a budget (named 预算/计划, not an outcome)?"""
        return any(PLAN_LABEL.search(m.label) and not OUTCOME_LABEL.search(m.label) for m in candidates)

    def _references(self, si: int) -> set[int]:
        """The figures a sentence's ratios and changes so far measure against (their bases), by id."""
        rates = takewhile(lambda r: r.sentence == si, reversed(self.facts.rates))
        changes = takewhile(lambda c: c.sentence == si, reversed(self.facts.changes))
        used = {id(r.operands[-1]) for r in rates if r.ordered and r.operands}
        return used | {id(c.base) for c in changes if c.base is not None}

    def _in_open_bracket(self, m: Mention) -> bool:
        """Does the mention stand inside a bracket its sentence opened before it and has not closed?"""
        return bool(m.quantities) and in_brackets(self.d, m.sentence, m.quantities[0].start)

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

    def _is_compared(self, subject: Mention, comparison: str, mentions: list[Mention]) -> bool:
        """Does the subject's label name the period the change compares with (2022年 in `与2022年度相比`,
        上年 in `比上年`), or, against 上年, the year before another figure's of the sentence (`2025年预算 150
        万元，2024年预算 160 万元，比上年减少`; `本年收入 3,412.80 万元（2023年度：3,200.00 万元），增加`)?"""
        period = self.labeller.split(subject.label)[1] or self._bracket_year(subject, mentions)
        year = re.search(r"(\d{4})年", period)
        # the words before the subject's own label, unless the label is the comparison (`比2023年的 X`): in
        # `2021年新增 15 户，2022年新增 27 户，增幅…` 2022 is the subject's own year, not the one compared with
        own = comparison.endswith(subject.label) and not re.match(r"[，、]*(?:比|较|与|同)", subject.label)
        if year and year.group(1) in (comparison.removesuffix(subject.label) if own else comparison):
            return True
        if LAST_YEAR_ONLY.match(subject.label.strip("，、；：（( ")):
            return True  # `比上年的 3.65 亿元增加`, `上年为 66.7%，提高`, `（上年：3,200 万元）`: the item last year
        if COMPARED_TAIL.search(subject.label):
            return True  # `资金总额较2022年的 3,620.00 万元增加…`: the item named, then the period compared with
        if COMPARED_WITH.fullmatch(subject.label.strip("，、；： ")):
            return True  # `比第四次经济普查的 38,654 个增加…`: the figure of the reference the label names
        if not subject.key and self._bracket_year(subject, mentions, LAST_YEAR_BRACKET):
            return True
        last_year = bool(LAST_YEAR_WORDS.search(comparison))
        # `2024年度本年支出合计 X，2023年度 Y，增长 p%`: a figure named by its year alone, after the next year's,
        # is what a change that names no comparison compares with
        bare = not COMPARING.search(comparison) and bool(YEAR_ONLY.fullmatch(subject.label.strip("，、；：（( ")))
        if year and (last_year or bare) and self._year_after(int(year.group(1)), subject, mentions):
            return True
        earlier = re.match(r"^(?:上年|去年|上一年)(?!结转|结余|末|底)", subject.key)  # 上年结转收入 is this year's
        return bool(earlier) and last_year

    def _bracket_year(self, subject: Mention, mentions: list[Mention], pattern: re.Pattern[str] | None = None) -> str:
        """The year a bracket opens with before a figure whose label is empty (`（2023年度：3,200.00 万元）`), or
        what `pattern` finds there."""
        if subject.key or not subject.quantities:
            return ""
        i = next((k for k, m in enumerate(mentions) if m is subject), 0)
        begin = self.doc.sentences[subject.sentence].start
        if i:
            begin = max((q.end for q in mentions[i - 1].quantities), default=begin)
        m = (pattern or BRACKET_YEAR).search(self.doc.text[begin : subject.quantities[0].start])
        return m.group(1) if m else ""

    def _year_after(self, year: int, subject: Mention, mentions: list[Mention]) -> bool:
        """Is the figure right before the subject (past qualifying ratios) of the year after `year` (by its
        label's year, or as 本年 / 今年), of the same item (or the subject names none), with no change stated
        between them (`2025年安排 X，较2024年增加 Δ，2024年支出 Y，比上年增长 p%`: Y's own change)?"""
        i = next((k for k, m in enumerate(mentions) if m is subject), 0)
        m = next(
            (
                x
                for x in reversed(mentions[:i])
                if not self._qualifies(x) and any(q.kind != "bare" for q in x.quantities)
            ),
            None,
        )
        if m is None:
            return False
        own = re.search(r"(\d{4})年", self.labeller.split(m.label)[1])
        # 本年 / 今年 / 本年度, or the next year opening the sentence (`2025年上半年，全区税收收入 X，2024年上半年 Y`)
        opening = self.doc.text[self.doc.sentences[subject.sentence].start : m.quantities[0].start]
        this_year = not own and (self.labeller.identify(m.label)[1].period == "+0" or f"{year + 1}年" in opening)
        if not ((own and int(own.group(1)) == year + 1) or this_year):
            return False
        item, _ = self.labeller.identify(subject.label)
        if YEAR_ONLY.fullmatch(subject.label.strip("，、；：（( ")):
            item = ""  # `2026年前三季度 Y`: a year, or a part of one, names no item
        other = self.labeller.identify(m.label)[0]
        if item and not (item == other or other.startswith(item) or other.endswith(item)):
            return False  # `2024年安排` names the 安排资金 of the year after; `2024年项目支出` another item
        between = self.doc.text[max(q.end for q in m.quantities) : subject.quantities[0].start]
        return not CHANGE_WORD.search(between)

    def _comparable(self, earlier: Mention, mentions: list[Mention], current: Quantity) -> bool:
        """Are the earlier figure and the current one of one quantity: no scope or fund of one stated otherwise
        for the other? (Stages may differ: a budget is compared with last year's outturn.)"""
        later = next((m for m in mentions if current in m.quantities), None)
        if later is None:
            return True
        _, now = self.labeller.identify(later.label)
        _, before = self.labeller.identify(earlier.label)
        return all(a is None or b is None or a == b for a, b in ((now.scope, before.scope), (now.fund, before.fund)))

    def _named_subject(
        self, key: str, si: int, mentions: list[Mention], period: str = ""
    ) -> tuple[Mention | None, bool]:
        """The mention a change clause names: in its own sentence, else earlier in its section (inferred)."""
        own = next((m for m in reversed(mentions) if _names(m.key, key)), None)
        if own is None and mentions:
            # `收入、支出总计均为 X，与上年相比，收、支总计各减少 Δ`: the sentence's figure named in other words of
            # the same template
            own = self._of_template(key, mentions, period)
        if own is not None or mentions:
            return own, True
        section = self.doc.section_at(self.doc.sentences[si].start)
        # mentions come in sentence order: the walk back stops at the section's first sentence (linear time)
        first = section.start if section is not None else -1
        sentences = self.doc.sentences
        found: Mention | None = None
        year: int | None = None
        for m in reversed(self.facts.mentions):
            if m.sentence >= si:
                continue
            if sentences[m.sentence].end <= first:
                break
            if m.quantities and self.doc.section_at(m.start) is section and self._names_earlier(m, key):
                if self._over_years(m):
                    continue  # `三年到位资金 A`: no one year's figure, never the one `2024年到位资金较2023年…` changed
                if found is None:
                    found, year = m, self._year_of(m)
                    if year is None:
                        return m, False
                elif year is not None and (other := self._year_of(m)) is not None and other > year:
                    # `2023年…实际支出 A；2022年…实际支出 B。实际支出比上年增加 Δ`: the nearest is an earlier
                    # year's figure of the item, a later one stands before it: which one changed is not certain
                    return None, False
        if found is not None:
            return found, False
        return self._named_before(key, si, period), False

    def _over_years(self, m: Mention) -> bool:
        """Do the words before the figure in its sentence say it sums several years (`三年到位资金`, `近五年累计`)?"""
        sentence = self.doc.sentences[m.sentence]
        return bool(YEARS_SPAN.search(self.doc.text, sentence.start, m.start))

    def _year_of(self, m: Mention) -> int | None:
        """The year the figure's sentence states before it (`2022年调整后预算 A，实际支出 B`: 2022), if any."""
        sentence = self.doc.sentences[m.sentence]
        years = STATED_YEAR.findall(self.doc.text, sentence.start, m.start)
        return int(years[-1]) if years else None

    def _names_earlier(self, m: Mention, key: str) -> bool:
        """Does the change's name name this figure of an earlier sentence? A longer name whose end is the figure's
        (`城乡居民基本养老保险基金支出` and `社会保险基金收入 X，支出 Y`) names it only where the figure's sentence says
        the rest before it (`一般公共预算收入 X，支出 Y` for `一般公共预算支出`): else it names a part of it."""
        if not _names(m.key, key):
            return False
        if len(key) <= len(m.key) or not key.endswith(m.key):
            return True
        sentence = self.doc.sentences[m.sentence]
        before = QUOTES.sub("", self.doc.text[sentence.start : m.start])  # (keys hold no quotes: `三公经费`)
        return key[: len(key) - len(m.key)] in before

    def _named_before(self, key: str, si: int, period: str) -> Mention | None:
        """`…财政拨款收、支总预算 X 万元。较上年，财政拨款收、支总计各增加 Δ 万元`: the figure of the
        sentence right before, in its paragraph, whose item the clause names in other words of the same template
        (`收入、支出决算总计` / `收、支总计各`, `总预算` / `总计`), in no other context."""
        if not self._same_paragraph(si - 1, si):
            return None
        return self._of_template(key, self.d.by_sentence.get(si - 1) or [], period)

    def _of_template(self, key: str, mentions: list[Mention], period: str) -> Mention | None:
        """The last of the mentions whose item the clause's name (`收、支总计各`) gives in other words of the same
        template (`收入、支出决算总计`, `收入、支出总计均为`), in no other context; or, of two naming each side
        apart (`收入总计 X，支出总计 X`), one, when they are one value."""
        item, said = self.labeller.identify(key)
        core = _core(item)
        if len(core) < 3:
            return None
        # `收入总计 X，支出总计 X。…收、支总计各减少 Δ`: both sides named apart, of one value (equal by construction)
        sides = (core, core.replace("收支", "收入", 1), core.replace("收支", "支出", 1)) if "收支" in core else (core,)
        found: list[Mention] = []
        for m in reversed(mentions):
            other, context = self.labeller.identify(m.label)
            if period and m.period and period != m.period:
                continue  # `2023年…总预算 X。2024年…总计各增加 Δ`: another year's figure, not the one that changed
            if m.quantities and _core(other).endswith(sides) and said.agrees(context):
                if _core(other).endswith(core):
                    return m
                found.append(m)
        values = {q.base_value for m in found for q in m.quantities[:1]}
        return found[-1] if len(found) == 2 and len(values) == 1 else None

    def _same_paragraph(self, a: int, b: int) -> bool:
        return a >= 0 and self.doc.sentences[a].paragraph == self.doc.sentences[b].paragraph

    def _fromto(self, f: _FromTo, si: int) -> None:
        word = str(f.word)
        direction = self.labeller.direction(word) if f.word.type == "TO" else ("up" if f.word.type == "UP" else "down")
        # tokens built by the lexer always carry their positions
        begin, end = f.word.start_pos or 0, f.word.end_pos or 0
        self.facts.fromtos.append(FromTo(f.start, f.end, word, direction, begin, end, si))


# an overall score's name (`项目自评得分`, `综合评价总分`), not an indicator's (`产出指标得分`)
TOTAL_SCORE = regex(r"(?:自评|评价|综合|绩效)(?:总)?得分|总分")
INDICATOR_SCORE = regex(r"指标|分值|满分")


def _is_total_score(m: Mention) -> bool:
    return (
        len(m.quantities) == 1
        and m.quantities[0].base_unit == "分"
        and TOTAL_SCORE.search(m.label) is not None
        and INDICATOR_SCORE.search(m.label) is None
    )


# the opening of a move's first figure (`由上年的`, `从`): not part of the name of what moved
FROM_WORD = regex(r"(?:由|从)[^由从]*$")
# a limit a figure is kept within: no part of it
LIMIT = regex(r"控制在|不超过|不高于")
# what names a figure as a ratio of two others (`…占…的比重`, `…占比`, `…执行率`)
RATIO_NAME = regex(r"(?:比重|占比|比例|率)$")
# rates named otherwise than the rates of the vocabulary: a survey's share of the satisfied, a progress
MEASURED = regex(r"(?:满意度|进度)[为是达到约=：:]*$")
# a label that is only last year (or the same period of it): the figure is the item before it, a year earlier
# the names of last year (their order lets 上年同期 win over 上年)
LAST_YEAR_NAMES = "上年同期|上年|去年同期|去年|上一年"
# a figure named as last year's (`上年分别为` given out: `上年教育支出`): the base of a change, never what changed
LAST_YEARS = regex(f"(?:{LAST_YEAR_NAMES})(?!末|底|结转|结余)")
# the words after an item's name saying only that a figure is its spending outcome (`公务接待费支出决算`)
OUTCOME_TAIL = regex(r"(?:支出)?(?:决算数?)?")
# a figure's words making it a budget or last year's: never the outcome a change of this year's is of
NOT_THE_OUTCOME = regex(f"预算|计划|{LAST_YEAR_NAMES}")
# a period that is part of a year (`上半年`, `一季度`, `1-6月`)
PART_OF_YEAR = regex(r"半年|季度|\d{1,2}月")
# a name by pronoun (`该项资金`, `此项`, `其`): a figure the words point back to, not one they name
PRONOUN = regex(r"(?:该|此|其|这一?|本项)")
# (`上年该比例为`, `上年这一比重为`: last year's value of the ratio just stated, named by a pronoun)
RATIO_PRONOUN = regex(f"{PRONOUN.pattern}(?:比例|比重|占比|比率|指标)")
LAST_YEARS_RATIO = regex(f"({LAST_YEAR_NAMES}){RATIO_PRONOUN.pattern}")
# a comparison's name that is a share's word alone (`比上年占比 p%`, `较上年比重`): of the share just stated
SHARE_WORD_ONLY = regex(r"^(?:所?占比(?:重|例)?|比重)$")
# a share named by its part's name (or the first words of it) and a share word (`税收占比`, `民生支出比重`)
NAMED_SHARE = regex(r"^(?P<part>[\u4e00-\u9fff]{2,12}?)(?:所?占比(?:重|例)?|比重)$")
# a change's name that is this year alone (`本年下降`, `今年增长`): what changed is the sentence's figure
# what 调增 / 核减 / 压减 / 追加 leave as a change's name where the grammar reads the rest as its movement
ADJUSTING_PREFIXES = frozenset({"调", "核", "压", "追"})
# a clause ending in a value given in words, quoted (`自评等级为“优”`, `评定为「良好」`): it names no figure
WORDED_VALUE = regex(r'(?:为|是|评定为|评为|定为)\s*[“"「‘][^”"」’\d]{1,8}[”"」’]\s*[，,；;]?\s*$')
THIS_YEAR_ONLY = regex(r"^[，,]?\s*(?:本年|今年|当年|本年度)$")
LAST_YEAR_ONLY = regex(f"^(?:比|较|与)?(?:{LAST_YEAR_NAMES})(?:相比)?(?:{RATIO_PRONOUN.pattern})?(?:的|为|是)?$")
# a label that names its item and then the earlier period it is compared with (`资金总额较2022年的`)
COMPARED_TAIL = regex(rf"(?:比|较)(?:{LAST_YEAR_NAMES}|(?:19|20)\d{{2}}年度?(?:同期)?)(?:的|为)$")
# a label that is a comparison with a reference it names (`比第四次经济普查的`, `较改革前的`), no movement in it
COMPARED_WITH = regex(r"(?:比|较)(?![^，。；]*(?:增|减|提高|降低|下降|上升))[^，。；\d]{1,20}的")
# the figure by which an outcome passes or misses its budget, and the words naming the two (vocab over_short)
_OS = load("relations").get("over_short") or {}
# a figure named as the gap to a reference (`较目标多`, `比计划少`, `超出`, `超过目标`, `低于年度计划`)
GAP_AGAINST = regex(
    r"(?:(?:比|较|与)[^，。；、]{0,8}?(?:多|少|超出|超过|高于|低于)|超出|超过"
    r"|(?:超出|超过|超额完成|高于|低于|多于|少于)(?:年度|全年)?(?:目标|计划|预期|指标)(?:值|数)?)[，,]?\s*$"
)
# the gap alone (`…，超收 6.74 亿元；比上年…增长`): what the outcome passed its budget by, never what changed
GAP_ALONE = regex(f"[，,、；;\\s]*(?:{'|'.join([*(_OS.get('over') or []), *(_OS.get('short') or [])])})")
OVER_SHORT = regex(f"(?:(?P<over>{'|'.join(_OS.get('over') or [])})|{'|'.join(_OS.get('short') or [])})(?:收入)?$")
# a change on another basis than the figures stated (vocab adjusted_basis)
ADJUSTED_BASIS = regex("|".join(words("relations", "adjusted_basis")))
_REF = load("relations").get("reference") or {}
REFERENCE = regex(f"^(?:{'|'.join(_REF.get('verbs') or [])})(?:{'|'.join(_REF.get('against') or [])})")
# the base a rate's words name (`完成调整预算的`, `预算执行率`: vocab named_bases, else a plain budget or plan), and
# a bracket opening right after the rate that names a base and states it (`（预算数 X`, `（调整预算为 X`)
NAMED_BASE = regex("|".join(words("relations", "named_bases")))
PLAN_BASE = regex("预算|计划")
# the budget a rate names without saying which: a bracket after it may name it as the budget adjusted (the
# budget a completion rate is of), not as the initial one (`完成预算的 p%（年初预算 X）` is no rate of X)
GENERIC_BASES = ("预算", "年度预算", "全年预算")
ADJUSTED_BUDGETS = ("调整预算", "调整后预算", "变动预算")
BASE_SAID = regex(rf"\s*[（(]\s*(?:其中)?(?P<base>{NAMED_BASE.pattern}|{PLAN_BASE.pattern})(?:数)?(?:为|是|：|:)?\s*")
# the budget a figure is a percentage of, named right after it (`，为预算 54.00 亿元的 102.4%`)
BUDGET_OF = regex(r"(?:为|完成|达到)(?:调整后|调整|年初)?预算(?:数)?$")
# the budget an outcome is compared with right before what it is over or short of it by
COMPARED_BUDGET = regex(r"^[，、\s]*(?:比|较)(?:调整后|调整|变动|年初)?预算(?:数)?$")
# the words naming a figure as a share (`占收入总额的`, `比重为`), and only those at the label's end
SHARE_NAME = regex(r"(?:占[\u4e00-\u9fff]{0,16}?的?(?:比重|比例)?|比重|占比)(?:为|是|达到|达)?$")
CLAUSE_BREAK = regex(r"[，,；;。]")
# a rate naming its numerator by its stage and its denominator as the budget just stated (`预算 B，决算数为预算数的`)
STAGE_OVER_BUDGET = regex(r"\s*[，,]\s*(?P<stage>决算数?|执行数)\s*(?:为|是|占)(?:年初)?预算数?的\s*")
# the words of a rate naming its numerator by its stage and its denominator by the budget's (`，决算数为调整预算的`)
NAMED_OUTCOME_OVER = regex(
    r"\s*[，,]\s*(?P<stage>决算数?|执行数)\s*(?:为|是|占)(?P<budget>(?:年初|调整后?的?)?预算数?)的\s*"
)
# the stages of a budget (the initial one, the adjusted one)
BUDGET_STAGES = ("预算", "调整预算")
# a comparison with last year's value written right after a figure: `，比上年的 88.5%`, `，较上年（88.5%）`
COMPARED_RIGHT_AFTER = regex(rf"\s*[，,]\s*(?:比|较)(?:{LAST_YEAR_NAMES})(?:度)?的?\s*[（(]?\s*")
# the words of an indicator's outcome, naming no rate of their own (`实际完成 93.2%`)
OUTCOME_ONLY = regex(r"(?:实际)?(?:完成|达到|实现)?(?:值|数)?(?:为|是|达到)?")
HEAD_COLON = regex(r"[：:]")
# a heading's number before the name (`3.`, `（二）`)
ITEM_NUMBER = regex(r"^\s*(?:[（(]?[0-9一二三四五六七八九十]+[)）.、．]?\s*)+")
# a fund's name holds 预算 without making the figure a budget (`一般公共预算收入`)
STAGE_FREE = regex(r"一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算")
PLAN_LABEL = regex("|".join(_OS.get("plan") or []))
OUTCOME_LABEL = regex("|".join(_OS.get("outcome") or []))
# a budget as first approved, its adjustments in the year, and the budget they make (vocab budget_adjustment);
# an adjustment read as a bare movement (`调增 2450 万元`) is found by its words too
_ADJ = load("relations").get("budget_adjustment") or {}
BARE_ADJUSTMENT = regex("|".join([*(_ADJ.get("up") or []), *(_ADJ.get("down") or [])]))
# a stock (`…基金余额`), as the roll-forward reads one (vocab roll_forward.stock): no budget, no outcome
STOCK_LABEL = regex(f"(?:{'|'.join((load('relations').get('roll_forward') or {}).get('stock') or [])})$")
USED_AS = regex(r"(?:以|用|将|动用)(?:超收|短收|超支)")
INITIAL_PLAN = regex("|".join(_ADJ.get("initial") or []))
ADJUSTMENT = lazy(
    f"(?:(?P<up>{'|'.join([*(_ADJ.get('up') or []), '增加'])})|{'|'.join([*(_ADJ.get('down') or []), '减少'])})"
    r"(?:[\u4e00-\u9fff]{0,6}?)(?:预算|资金)?(?:数)?$"
)
ADJUSTED = regex("|".join(_ADJ.get("adjusted") or []))
YEAR_ONLY = regex(
    r"\d{4}年度?(?:前[一二三四]季度|[一二三四]季度|第[一二三四]季度|上半年|下半年|全年|1-\d{1,2}月)?(?:为|是|[：:])?"
)
# a comparison with last year, and any comparison (its opening words as the tokenizer reads them, or last year)
LAST_YEAR_WORDS = regex("上年|去年|上一年|同比|同期")
# a comparison against the same period last year and nothing more named (`同比`)
SAME_PERIOD_ONLY = regex("同比")
# a comparison naming last year and nothing else (`同比`, `较上年`, `比去年同期`, `与上年相比`)
AGAINST_LAST_YEAR = regex(r"(?:同比|(?:比|较|与|同)(?:上年|去年|上一年)(?:同期)?(?:相比|比较)?)")
# a base's stage said in its words (`较2024年预算数`)
STAGE_STATED = regex("预算|决算|执行")
# last year named in words (`较上年预算数`, `比去年同期`)
LAST_YEAR_NAMED = regex(LAST_YEAR_NAMES)
COMPARING = regex("|".join((*CMP_BEFORE, *CMP_ALONE, LAST_YEAR_WORDS.pattern)))
CHANGE_WORD = regex(r"增加|减少|增长|下降|提高|降低|持平|增幅|降幅")
# what is left of a comparison written before a change (`与2023年度相比`, `同上年比较`) once its year is read: it
# names no figure
# a comparison naming the figure compared with (`较可研批复`, `比初步设计概算`), not a period (`较上年`, `比2023年`)
COMPARED_BY_NAME = regex(r"(?:比|较)(?!上年|去年|上一年|同期|年初|\d)([\u4e00-\u9fff]{2,12}?)(?:相比)?")
# nothing but a comma between the figure a change follows and its comparison (the comparison's words taken out)
FOLLOWED_BY_NAME = regex(r"\s*[，,]\s*")
COMPARISON_ONLY = regex(r"(?:与|同|和|跟)?(?:上年|去年|上一年|上年同期|同期)?(?:相比|比较|对比)较?")
# a year a sentence states (`2022年调整后预算 A`): the period of its figures after it
STATED_YEAR = regex(r"((?:19|20)\d{2})\s*年")
# a figure of several years together: `三年`, `近五年`, `2022—2024年`, `历年结余` (not `2024年度`, `三年行动`)
YEARS_SPAN = regex(
    r"(?<![\d〇零一二三四五六七八九十])(?:近|连续|过去|前)?[两二三四五六七八九十]年(?![度级行计])"
    r"|(?:19|20)\d{2}\s*年?\s*[—\-－~～至到]\s*(?:19|20)\d{2}\s*年|历年"
)
BRACKET_YEAR = regex(r"[（(]\s*(\d{4}年)度?[：:，,]?\s*$")
# a year and the stage of its figure naming a bracket's note (`（2024年执行 B`, `（2024年决算数：B`)
BRACKET_NOTE_YEAR = regex(r"((?:19|20)\d{2})年度?(?:执行|完成|决算|实际)?数?(?:为|是|：|:)?")
# last year's figure noted in brackets by its stage (`增长 p%（上年完成 B）`): as a year does (BRACKET_NOTE_YEAR)
LAST_YEAR_STAGE = regex(rf"(?:{LAST_YEAR_NAMES})(?:执行|完成|决算|实际)数?(?:为|是|：|:)?")
LAST_YEAR_BRACKET = regex(r"[（(]\s*(上年同期|上年|去年同期|去年)(?:数|为)?[：:，,]?\s*$")
# the plans a change may be against, by name (`比年初预算数增加`)
PLAN_NAMED = regex(r"年初|调整")
TOTAL_AFTER = regex(r"(?:合计|总计|共计)$")
# a form's total named as such (`资金合计`, `合计`): the words before the total word, the list's head they open
LISTED_TOTAL = regex(r"(?P<stem>[\u4e00-\u9fff]{0,6})(?:合计|总计|共计)")
# a list line's head: a short name and its colon (`资金来源：`)
LIST_HEAD = regex(r"(?P<name>[\u4e00-\u9fff]{2,8})[：:]$")
# the first item's name after the head's colon
LIST_ITEM_NAME = regex(r"\s*[\u4e00-\u9fff]{2,12}\s*")
# what stands between one item's figure and the next item's: `；` and the next item's name, no other figure
LIST_ITEM_GAP = regex(r"\s*[；;]\s*[\u4e00-\u9fff]{2,12}\s*")
# two names joined by one conjunction (`税收收入和非税收入`)
JOINED_PAIR = lazy(r"(?<=[\u4e00-\u9fff])(?:和|及|与)(?=[\u4e00-\u9fff])")
RESPECTIVE = regex(
    r"^(?P<last>.*?)(?:分别为|分别是|分别达到|分别达|分别)"
    r"(?:完成|实现|安排|下达|拨付|落实|投入|争取|筹集|发行|偿还|支出|收入|征收|入库)?(?:为|了)?$"
)
# what names listed before a shared last word leave to it (`教育、卫生健康支出`: 教育支出)
SHARED_TAIL = regex(r"(?:支出|收入|费用|经费|资金)$")


FULL_MARKS = regex(r"满分|分值")
# points deducted (`因…扣 2.5 分`, `扣除`) and the score left (`得 13.5 分`, `实际得分`)
DEDUCTED = regex(r"扣(?:除|减)?$")
# what is left of a budget (`结余资金 7.65 万元`, `节约资金`)
# the name of a rate of what was spent or done (`资金执行率`, `支出进度`)
EXECUTION_RATE = regex(r"执行率|支出率|执行进度|支出进度")
LEFT_OVER = regex(
    r"(?:项目|资金)?(?:结余|节余|节约|剩余|尚未支出|未支出|尚未使用|未使用|尚未执行|未执行)(?:资金)?(?:为|是)?$"
)
# words after figures saying they add up to a figure they name (`，合计即为基本支出`, `，二者之和为项目支出`)
NAMED_SUM = regex(
    r"[^\d，,。；;、]{0,4}[，,]\s*(?:二者|两者|以上两项|上述各项|以上各项)?(?:合计|之和|共计)(?:即为|即|为|就是)"
    r"(?P<name>[\u4e00-\u9fff“”]{2,16}?)(?:的?(?:金额|数额|总额))?\s*[。；;]?\s*$"
)
# what joins figures listed together (`a 万元、b`, `a 和 b`): a unit before it, a part's name after it
JOINED = regex(r"[^\d，,。；;、]{0,4}(?:、|和|及|与)\s*[^\d，,。；;：:（）()、]{0,16}")
# a list opener the layout cut off its list (`…合计 X 万元，其中：` at a line's end, the parts on the lines after)
DANGLING_OPENER = regex(r"其中\s*[：:]\s*$")
# a sentence opening with the name of a figure and 中 (`基本支出中，`, `在财政拨款支出预算中，`)
OF_NAMED = regex(r"[\s，、；]*在?([\u4e00-\u9fff“”（）()]{2,24}?)中[，,：:]")
# a sentence opening with the name of a figure stated before and the words listing what it holds
# (`支出总计包括：`, `收入合计由以下构成：`), the list right after them
LISTED_NAMED = regex(
    r"[\s，、；]*([\u4e00-\u9fff“”（）()]{2,24}?)(?P<main>主要|重点)?(?:包括|构成为|构成如下|由以下构成|组成为)[：:]"
)
# a sentence opening by naming a whole's make-up (`资金来源构成为：`, `从支出结构看，`)
MAKE_UP = regex(r"(?:构成|结构|组成)(?:情况)?(?:为|是|看|来看|上看)?$")
# `X，减去 A`: figures subtracted from the one before (the words between the two figures); `、B`: one more;
# `，支出安排 Y`: the clause stating what is left (a name, no figure, no list left open with 等, no change)
SUBTRACTED = regex(r"[^\d，,。；;、（）()]{0,3}[，,]\s*(?:减去|扣除|减除)[^\d，,。；;、等（）()]{1,30}$")
LISTED_ON = regex(r"[^\d，,。；;、等（）()]{0,3}[、和及]\s*[^\d，,。；;、等（）()]{1,30}$")
LEFT = regex(
    r"[^\d，,。；;、等（）()]{0,3}后?[，,]\s*(?!其中|占|比|较|同比|增|减|下降|上升|提高|降低|加|扣)"
    r"[^\d，,。；;、等（）()]{1,30}$"
)
# what a sum leaves after the part named before it, named by nothing else (`其余`, `其余部分`, `剩余的`)
REST = regex(r"(?:其余|剩余)(?:部分|的)?(?:为|是)?")
# a second figure that is no part of the first: a change of it, a share, a rate, a comparison
NOT_A_PART = regex(r"比|较|同比|增|减|下降|上升|提高|降低|占|率|超|差|平均|人均|每")
# what the second of the figures before `其余` says of the first: what of it is used, paid, repaid or done, or
# what of it a source funds (`总投资 A，申请发行专项债券 B，其余 C 自筹`)
PART_USED = regex(r"用于|使用|动用|支出|支付|拨付|偿还|完成|已|通过|下达|落实|到位|执行|其中|申请|发行|争取|筹集|筹措")
# what names the first a whole: a total, a sum due, planned or set aside
SET_ASIDE = regex(r"安排|预算")
WHOLE = regex(r"共|合计|总|累计|全部|到期|计划|预算|预备费|安排")
# a comparison with a named figure (`比全年预算数`, `较调整预算`): the name, without the 数 ending it
COMPARED_NAME = regex(r"(?:比|较|与)(?P<name>[\u4e00-\u9fff]{2,12}?)(?:数|金额)?(?:相比)?")
NAMED_PERIOD = regex(r"上年|去年|前年|同期|年初(?!预算)|上[季月]|\d|[一二三四五六七八九十]年|同比")
BARE_NAME = regex(r"(?:数|金额)?(?:为|是|：|:)?$")
SCORED = regex(r"^(?:实际)?得(?:分)?(?:为)?$")


# counters of any kind of item (`4 个乡镇`, `3 项`, `5 家单位`): a count in one may be the number of a list's parts
ITEM_COUNTERS = frozenset({"个", "项", "家", "类", "种", "批", "处", "件", "方面", "所", "座"})


def _left_over(m: Mention) -> bool:
    """Is the figure named as what is left of a budget (`结余 B`, `尚未支出 B`)? (No operand of the rate of what was
    spent: `支出 A，结余 B，执行率 p%`.)"""
    return LEFT_OVER.match(m.label.lstrip("，、；：")) is not None


def _counted_before(head: Mention | None, b: _Breakdown, mentions: list[Mention]) -> Mention | None:
    """`项目共 9 个，涉及资金 X 万元，其中：甲 5 个、乙 4 个`: a list of counts right after an amount is of the count
    the sentence states just before that amount (the things the amount is of), when the amount is of no unit of
    the list and that count is of the list's own unit and counter; else the head as found."""
    if head is None or len(mentions) < 2 or mentions[-1] is not head:
        return head
    counted = {(q.base_unit, q.unit) for p in b.parts if isinstance(p, _Entry) for q in p.qs}
    if len(counted) != 1 or any(q.kind != "amount" for q in head.quantities):
        return head
    ((unit, counter),) = counted
    before = mentions[-2]
    q = before.of_unit(unit)
    if (
        q is None
        or q.kind != "count"
        or q.unit != counter
        or len(before.quantities) != 1
        or before.sentence != head.sentence
    ):
        return head
    return before


def _counts_the_parts(head: Mention, parts: list[Mention]) -> bool:
    """`覆盖 4 个乡镇，其中东关镇 12 个、柳溪乡 15 个…`: a count equal to the number of parts counts them; it is
    not what they add up to."""
    q = head.quantities[-1] if head.quantities else None
    if q is None or q.kind != "count" or q.value != len(parts) or len(parts) < 2:
        return False
    if q.unit not in ITEM_COUNTERS:
        return False  # `共有车辆 2 辆，其中：…用车 5 辆`: a counter of its own things (辆, 台, 人) counts them, not the list
    return sum((p.quantities[0].value for p in parts if p.quantities), Decimal(0)) != q.value


def _score_pairs(parts: list[Mention]) -> bool:
    """`总分 X，其中产出指标满分 60 分，得分 a；…`: each indicator's full marks beside its score are no parts of
    the overall score (the scores are its score set: sets.scores, TO111)."""
    return any(FULL_MARKS.search(p.label) and p.quantities[:1] and p.quantities[0].base_unit == "分" for p in parts)


def _narrower(own: Context, said: Context) -> bool:
    """Does a figure's own name state a field (a fund, a scope …) that the words naming a whole leave open?"""
    return any(own.known(f) and not said.known(f) for f in FIELDS)


def _opens_list(t: object) -> bool:
    return isinstance(t, Token) and t.type == "SUBSET"


# a clause telling what was done with the sum before it (`调出资金 X 转入一般公共预算，占…的 p%`, `…，主要用于…，占`)
ACTED_ON = regex(
    r"^[，,\s]*(?:主要|全部|重点|已|均)?(?:"
    + "|".join((*words("context", "transfer_verbs"), "拨付", "上缴", "下达"))
    + ")"
)


def _acted_on(flat: list[object], k: int, said: str) -> tuple[Quantity, bool] | None:
    """The share's part where the words before `占` tell what was done with the sum right before them, naming no
    figure of their own (`调出资金 9,025 万元转入一般公共预算，占…收入的 29.9%`): that sum, stated in the sentence."""
    j = k - 3
    while j >= 0 and _is_sep(flat[j], "，,"):
        j -= 1  # (`…9,025 万元，主要用于…，占`: the clause set apart by its comma)
    before = flat[j] if j >= 0 else None
    if not isinstance(before, _Entry) or before.share is not None or ACTED_ON.match(said) is None:
        return None
    amounts = [q for q in before.qs if q.kind == "amount" and q.exact]
    return (amounts[0], True) if len(amounts) == 1 and len(before.qs) == 1 else None


# the words of a share around the names of its part and whole (`…占…的比重为`)
SHARE_WORDS = regex(r"^[，、；：]+|(?:的)?(?:比重|比例|占比)?(?:为|是)?$")


def _last_years_base(change: _Change) -> bool:
    """Does the change compare its figure with last year's, stated or not (`增长 p%`, `同比增长 p%`, `比上年 B 下降
    p%`)? A share after it is then the figure's: a base named otherwise (`比调整预算 B 增加`) may be its own measure."""
    if change.cmp and LAST_YEAR_CMP.fullmatch(change.cmp) is None:
        return False
    return change.base is None or not change.label


def _share_after_change(items: list[object]) -> None:
    """`税收收入 40,466 万元，增长 1.7%，占一般公共预算收入的 74.7%`: a share after the change that qualifies a figure
    is that figure's (the grammar binds a share only right after its figure), named by the whole it names."""
    for k in range(len(items) - 3, 0, -1):
        if k + 2 >= len(items):
            continue  # (items removed after k as the loop went)
        entry, change, share, named = items[k - 1], items[k], items[k + 1], items[k + 2]
        if not (
            isinstance(entry, _Entry)
            and entry.share is None
            and entry.of is None
            and any(q.kind in ("amount", "count") for q in entry.qs)
            and isinstance(change, _Change)
            and _last_years_base(change)
            and isinstance(share, Token)
            and share.type == "SHARE"
            and isinstance(named, _Entry)
            and len(named.qs) == 1
            and named.qs[0].kind == "percent"
            and named.share is None
        ):
            continue
        entry.share, entry.share_base = named.qs[0], named.label
        del items[k + 1 : k + 3]
    for x in items:  # (and in a list's parts: `其中：税收收入 a，同比增长 p%，占…的 q%`)
        if isinstance(x, _Breakdown):
            _share_after_change(x.parts)


# a figure named as what another is compared with (`比调整预算 B`, `较上年 B`, `与上年的 B 相比`)
COMPARED_BASE = regex(r"[，,、；;\s]*(?:比|较|与)")
# the words closing a total's name (`政府债务余额合计`): no measure of its parts
TOTAL_TAIL = regex(r"(?:合计|总计|共计|总额|小计)$")


def _measure_after(part: str, whole: str) -> str:
    """What the whole's name states after the words it shares with the end of the part's name (`一般债务` in
    `全省政府债务余额合计`: 余额); total words are no measure."""
    for k in range(len(part) - 1):
        tail = part[k:]
        at = whole.rfind(tail)
        if at >= 0:
            return TOTAL_TAIL.sub("", whole[at + len(tail) :])
    return ""


def _leaves(items: list[object]) -> Iterator[object]:
    """The items in reading order, a list's head and parts in place of the list."""
    for x in items:
        if isinstance(x, _Breakdown):
            if x.head is not None:
                yield x.head
            yield Token("SUBSET", x.keyword)
            yield from _leaves(x.parts)
        elif isinstance(x, list):
            yield from _leaves(x)
        else:
            yield x


def _respective_names(items: list) -> list[tuple[list[_Entry], str]]:
    """`货物、工程、服务支出分别为 A、B 和 C`: the names listed before 分别 label the figures after it in
    order; `上年分别为 D、E` after such a list labels its figures with the same names of last year. The
    figures are relabelled only where as many follow, one to a name."""
    last: list[str] = []
    runs: list[tuple[list[_Entry], str]] = []
    for i, item in enumerate(items):
        # (RESPECTIVE names 分别: most labels do not)
        m = RESPECTIVE.match(item.label) if isinstance(item, _Entry) and "分别" in item.label else None
        if m is None:
            continue
        names = _names_before(items, i, m.group("last"))
        if len(names) < 2 and last and len(m.group("last")) <= 4:
            names = [m.group("last") + n for n in last]  # `上年分别为`: the names of the list before
        follow = _unnamed_after(items, i, len(names) - 1)
        if len(names) < 2 or follow is None:
            continue
        tail = SHARED_TAIL.search(names[-1])
        said = item.label
        for entry, name in zip([item, *follow], names):
            entry.label = name + tail.group() if tail and not SHARED_TAIL.search(name) else name
        last = names
        runs.append(([item, *follow], said))
    return runs


def _about_whole(head: Mention, clause: str) -> bool:
    """Does a clause without a figure, among a list's parts, speak of the list's whole again (its item's last
    four characters, `债务余额` of `全县政府债务余额`)?"""
    name = head.key
    return len(name) >= 4 and len(clause) >= 6 and name[-4:] in clause


def _measures(item: _Entry, last: Mention, used: set[int]) -> bool:
    """Is the entry before a list a figure another is measured against or by, no whole of the list: the base of
    a percentage (`占全市收入 312.45 亿元的 37.9%；其中…`), a ratio's base (`（预算数 X）`), the figure compared with
    (`低于限额 412.8 亿元，其中…`) or what the figure changed by (`减收 24.61 亿元，其中…`)?"""
    if item.of is not None or any(id(q) in used for q in last.quantities):
        return True
    return bool(GAP.search(item.label) or CHANGE_AMOUNT.match(item.label))


def _of_the_change(before: list[object] | None, parts: list[Mention]) -> bool:
    """Do the parts of a list right after a change of an amount each repeat its movement (`比年初调增 30 万元，其中
    调增人员经费 12 万元、调增公用经费 18 万元`)? Then they break down the change, not the figure before it."""
    change = next((x for x in reversed(before or []) if isinstance(x, (_Change, _Entry))), None)
    if not isinstance(change, _Change) or not parts:
        return False
    words = {mv.word for mv in change.movements if mv.quantity is not None and mv.quantity.kind == "amount"}
    return bool(words) and all(any(w in p.label for w in words) for p in parts)


def _nested_names(items: list) -> None:
    """The names before 分别为 inside a list's parts (`其中授予中小企业合同金额 a，货物、工程、服务支出分别为 b、c、d`)."""
    for item in items:
        if isinstance(item, _Breakdown):
            _respective_names(item.parts)
            _nested_names(item.parts)


def _names_before(items: list, i: int, own: str) -> list[str]:
    """The names joined by 、 before item i, and its own."""
    names = [own]
    j = i - 1
    # inside a list's parts the separators are not kept: names stand side by side
    while j >= 0 and (_is_label(items[j]) or (j >= 1 and _is_sep(items[j], "、") and _is_label(items[j - 1]))):
        if _is_sep(items[j], "、"):
            j -= 1
        names.insert(0, str(items[j]).strip())
        j -= 1
    if not own and j >= 1 and _is_sep(items[j], "，") and _is_label(items[j - 1]):
        # `X，主要投向 A、B、C和D等领域，分别安排 a、b、c、d`: the names of what X is spent on, before a comma
        return _allocated(items, j - 1)
    if j >= 0 and len(names) >= 2 and (opened := _names_opened(items[j])):
        # `其中，教育、科技、卫生支出分别为 A、B、C`: the grammar read the first name as a list of its own under 其中
        names[:0] = opened
    pair = JOINED_PAIR.split(own) if len(names) == 1 else []
    if len(pair) == 2 and all(len(n) >= 2 for n in pair) and pair[0][-1] == pair[1][-1]:
        # `税收收入和非税收入分别为 A、B` (never `社会保障和就业支出`: one name, whose parts end otherwise)
        return pair
    return [n for n in names if n]


# the words that open what a sum is spent on (`主要投向`, `重点用于`), and the tail that closes the names (`等领域`)
ALLOCATED = regex(r"^(?:主要|重点|全部|具体)?(?:投向|用于|投入|支持|安排用于)")
ALLOCATED_TAIL = regex(r"等(?:领域|方面|项目|行业|工作|支出)?$")


def _allocated(items: list, j: int) -> list[str]:
    """The names joined by 、 ending at item j, the first opened by an allocation verb (`主要投向`): the verb and
    a closing `等领域` taken off, and the last split at 和 / 及 (`产业园区基础设施和市政道路等领域`); [] when the
    names are not so opened."""
    names = [str(items[j]).strip()]
    while j >= 2 and _is_sep(items[j - 1], "、") and _is_label(items[j - 2]):
        j -= 2
        names.insert(0, str(items[j]).strip())
    verb = ALLOCATED.match(names[0])
    if verb is None:
        return []
    names[0] = names[0][verb.end() :]
    names[-1] = ALLOCATED_TAIL.sub("", names[-1])
    last = JOINED_PAIR.split(names[-1])
    if len(last) == 2 and all(len(n) >= 2 for n in last):
        names[-1:] = last
    return [n for n in names if n] if all(len(n) >= 2 for n in names) else []


def _share_entry(item: object, first: bool) -> TypeGuard[_Entry]:
    """A share of a `分别占` run: one percentage, named by nothing but a joining word (the first may name the
    whole: `分别占一般公共预算支出的 p%`)."""
    if not isinstance(item, _Entry) or len(item.qs) != 1 or item.qs[0].kind != "percent" or item.share is not None:
        return False
    label = item.label.strip("、和及与 ")
    return not label or (first and label.endswith("的"))


def _last_years_of(label: str) -> str | None:
    """What a figure named as last year's is of (`上年教育支出`: 教育支出); None for any other figure."""
    found = LAST_YEARS.match(label)
    return label[found.end() :] if found else None


def _whole_of_part(
    name: str, ops: list[Quantity], whole: Mention | None, siblings: list[Mention] | None
) -> Quantity | None:
    """`回收有效问卷 480 份，其中满意 432 份，满意度 90%`: a rate after the one part listed under 其中, named by that
    part's own word (满意, 合格), is the part over the whole it is listed under (returned), when the whole is
    named without that word (`实际到位 1,080 万元，其中市级资金到位 280 万元，到位率 70%` is the part's own rate,
    over its own budget)."""
    if len(ops) != 1 or whole is None or not siblings:
        return None
    total = whole.of_unit(ops[0].base_unit)
    part = next((p for p in siblings if ops[0] in p.quantities), None)
    word = RATE_WORD.search(name)
    if total is None or not total.exact or total.kind != ops[0].kind or part is None or word is None:
        return None
    return total if word.group("word") in part.label and word.group("word") not in whole.label else None


# the word a rate is of, before 率 or 度 (`满意度`, `合格率`, `资金到位率`: 满意, 合格, 到位)
RATE_WORD = regex(r"(?P<word>[\u4e00-\u9fff]{2})[率度]$")
# `较目标 2,400 人少 154 人`, `比上年 36 项多 4 项`: after a comparison with its figure, 多 and 少 are its movement
MORE_OR_LESS: dict[str, Literal["up", "down"]] = {"多": "up", "多了": "up", "多出": "up", "少": "down", "少了": "down"}


def _more_or_less(items: list, text: str) -> None:
    """A change whose compared figure is stated (`较目标 2,400 人`) followed by 多 / 少 and a figure of the same
    unit: the grammar reads the words as a figure's name, and they are the change's movement (only right after
    such a change: `至少 5 人`, `多个`, are no movement)."""
    for k in range(len(items) - 1, 0, -1):
        c, x = items[k - 1], items[k]
        if not (isinstance(c, _Change) and c.base is not None and not c.movements and isinstance(x, _Entry)):
            continue
        word = x.label.strip()
        if word not in MORE_OR_LESS or len(x.qs) != 1 or x.share is not None or x.of is not None:
            continue
        q = x.qs[0]
        if q.base_unit != c.base.base_unit or q.kind != c.base.kind:
            continue
        at = text.rfind(word, 0, q.start)
        c.movements.append(_Movement(MORE_OR_LESS[word], word, q, at, at + len(word)))
        del items[k]


def _respective_moves(items: list) -> None:
    """`分别增长 5.2%、8.1% 和 3.3%`, `分别增长 5.3% 和下降 7.9%`: the grammar reads the first movement after 分别
    as a change (with the movements joined to it by 、) and the rest as figures or changes of their own; they
    are one change's movements, given one to each figure before by `SentencePass._respective`. The
    percentages that follow a movement with nothing but a joining word take its word and direction."""
    k = next((k for k, c in enumerate(items) if k and _moves_respectively(items[k - 1], c)), None)
    if k is None:
        return
    c = items[k]
    j = k + 1
    while j < len(items):
        x = items[j]
        if _is_sep(x, "、") or (_is_label(x) and str(x).strip() in ("和", "及")):
            j += 1
            continue
        if isinstance(x, _Entry) and _joined_percent(x):
            q, last = x.qs[0], c.movements[-1]
            c.movements.append(_Movement(last.direction, last.word, q, q.start, q.end))
        elif isinstance(x, _Change) and not x.cmp and len(x.movements) == 1 and _percent_move(x.movements[0]):
            c.movements.append(x.movements[0])
        else:
            break
        del items[j]


def _moves_respectively(before: object, c: object) -> TypeGuard[_Change]:
    """Is `c` a change of percentages right after 分别 (the first of a sentence's is the one read)?"""
    return (
        isinstance(c, _Change)
        and bool(c.movements)
        and str(before).strip() == "分别"
        and all(_percent_move(mv) for mv in c.movements)
    )


def _joined_percent(e: _Entry) -> bool:
    return len(e.qs) == 1 and e.qs[0].kind == "percent" and e.share is None and not e.label.strip("、和及与 ")


def _percent_move(mv: _Movement) -> bool:
    return mv.quantity is not None and mv.quantity.kind == "percent"


def _names_opened(item: object) -> list[str]:
    """The names of a list that opened with 其中 and holds nothing but names (no figure of its own)."""
    if not isinstance(item, _Breakdown) or item.head is not None or not item.parts:
        return []
    if not all(_is_label(p) for p in item.parts):
        return []
    return [str(p).strip() for p in item.parts]


def _unnamed_after(items: list, i: int, n: int) -> list[_Entry] | None:
    """The n figures right after item i, each with no name of its own (`、B`, `和 C`); None when more or
    fewer follow (a name of the list was read as something else: the names would go to the wrong figures)."""
    out: list[_Entry] = []
    for x in items[i + 1 :]:
        if _is_sep(x, "、"):
            continue
        if isinstance(x, _Entry) and not x.label.strip("、和及与 ") and x.share is None:
            out.append(x)
            continue
        break
    return out if len(out) == n and n > 0 else None


def _bare_share(e: object) -> bool:
    """A share with no figure of its part (`中央补助占 60%`)."""
    return isinstance(e, _Entry) and not e.label.strip() and len(e.qs) == 1 and e.qs[0].kind == "percent"


def _is_sep(item: object, chars: str) -> bool:
    return isinstance(item, Token) and item.type == "SEP" and str(item) in chars


def _table_row(text: str, qs: list[Quantity]) -> bool:
    """A row of a table laid out with spaces (`年度资金总额 15380.26 19742.15 13508.64 68.43%`): figures side by
    side with nothing but spaces between them, at least two of them bare numbers. Prose never writes so."""
    for a, b in zip(qs, qs[1:]):
        if "bare" in (a.kind, b.kind) and a.kind in ("bare", "percent") and not text[a.end : b.start].strip():
            return True
    return False


def _is_label(item: object) -> bool:
    return isinstance(item, Token) and item.type == "LABEL"


BOTH_SIDES = regex(r"收入?、?支出?(?=总)")
# what says a figure is of both sides (`收、支总计各`, `收入、支出总计均为`), no part of its item
BOTH_WORD = regex(r"各$|(?<=计)均$")


def _core(item: str) -> str:
    """An item as a template names it, in any of its wordings: `收入、支出总计各` / `收支总` → 收支总."""
    return BOTH_SIDES.sub("收支", BOTH_WORD.sub("", item.replace("、", ""))).removesuffix("计")


def _names_other(name: str, other: str) -> bool:
    """Does `name` (the name a comparison gives last year's value, `与上年满意度`) name another rate than `other`?
    Either name may say more than the other (`满意度` / `群众满意度为`)."""
    a, b = name.strip("的 "), other.rstrip("为是达到约=：: ")
    if not a or not b or not (RATIO_NAME.search(a) or MEASURED.search(a)):
        return False
    return not (a.endswith(b) or b.endswith(a))


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


def _consistent_current(c: _Change, base: Quantity | None, candidates: list[Quantity]) -> Quantity | None:
    """Of the figures a change may be of, the one its own figures agree with: the earlier figure stated (or
    the one its amount implies) and its rate give one current figure. When none agrees the change is wrong
    whichever it is of, and the first (the nearest) stands; when its figures cannot tell (an amount alone, no
    earlier figure), None: the change is of an unknown figure, never checked against a guess."""
    if len(candidates) == 1:
        return candidates[0]
    amount = next((m.quantity for m in c.movements if m.quantity is not None and m.quantity.kind == "amount"), None)
    rate = next((m.quantity for m in c.movements if m.quantity is not None and m.quantity.kind == "percent"), None)
    down = any(m.direction == "down" for m in c.movements)
    fits = []
    for cur in candidates:
        if base is not None:
            earlier = base.base_value
        elif amount is not None and rate is not None:
            earlier = cur.base_value + (amount.base_value if down else -amount.base_value)
        else:
            return None
        if earlier <= 0:
            continue
        checks = []
        if amount is not None:
            checks.append(abs(abs(cur.base_value - earlier) - amount.base_value) <= amount.ulp * amount.scale)
        if rate is not None:
            checks.append(abs(abs(cur.base_value - earlier) / earlier * 100 - rate.value) <= rate.ulp)
        if checks and all(checks):
            fits.append(cur)
    return fits[0] if len(fits) == 1 else candidates[0]


QUOTES = regex(r"[“”‘’\"']")
# a figure named as last year's (`，上年执行数`, `上年决算数为`)
LAST_YEARS_LABEL = regex(r"^[，、；：\s]*(?:上年|去年)")


# a figure's plan stages, and its outcome's: where a sentence states both (`收入调整预算数为 X，决算数为 Y`), a name
# that says no stage (`占一般公共预算收入的`) is of the outcome, not of the budget
PLAN_STAGES = ("预算", "调整预算", "年初预算", "计划")
OUTCOME_STAGES = ("决算", "执行")


def _names(mention_key: str, key: str) -> bool:
    # a key of one character (`比` of `比2023年的 X`) names no item: `…可比` ends with it by chance
    return len(mention_key) >= 2 and (
        mention_key == key or mention_key.endswith(key) or key.endswith(mention_key) or mention_key.startswith(key)
    )


def _initial_budget(m: Mention) -> bool:
    """Is the figure a budget as first approved (`年初预算`, `人代会批准的…预算支出`), not one adjusted, nor a stock
    (`年初预算稳定调节基金余额 A，动用 B，补充 C，年末余额 D`: a stock rolled forward, no budget adjusted)?"""
    label = m.label
    return bool(INITIAL_PLAN.search(label)) and not ADJUSTED.search(label) and not STOCK_LABEL.search(label)


def _adjustments_after(
    seq: list[Mention | Change], unit: str
) -> tuple[list[tuple[Mention | Change, bool]], Mention] | None:
    """The adjustments (each up or down) right after an initial budget, and the adjusted budget they end at;
    None unless the run reaches one."""
    moves: list[tuple[Mention | Change, bool]] = []
    for m in seq:
        if isinstance(m, Change):
            q = m.movements[0].quantity
            if q is None or q.base_unit != unit:
                return None
            moves.append((m, m.movements[0].direction == "up"))
            continue
        if m.quantities[0].base_unit != unit:
            return None
        step = ADJUSTMENT.search(m.label)
        if step is not None and not ADJUSTED.search(m.label):
            moves.append((m, step.group("up") is not None))
            continue
        return (moves, m) if ADJUSTED.search(m.label) and moves else None
    return None


# the budget a gap names (`超过调整预算`, `低于年初预算`): 调整 for an adjusted one, 年初 for the first
NAMED_BUDGET = regex(r"(调整|年初)(?:后)?预算")


def _the_budget(before: list[Mention], gap: str, plan: str) -> bool:
    """Is the plan the budget a gap is over or short of: no other budget stated before it (年初 and 调整后 both
    stated: which one the 超收 is over is not said), and the one the gap's words name if they name one (`为年初预算
    B 的 r%，超过调整预算 C`: over another budget than the one stated)?"""
    if any(PLAN_LABEL.search(m.label) for m in before):
        return False
    named = NAMED_BUDGET.search(gap)
    return named is None or named.group(1) in plan


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


def _one_unit(mentions: list[Mention]) -> bool:
    """Are the figures amounts of one unit (money less money)?"""
    return len({(m.quantities[0].kind, m.quantities[0].base_unit) for m in mentions}) == 1 and (
        mentions[0].quantities[0].kind == "amount"
    )


def _scope_and_period(a: Context, b: Context) -> list[tuple[str | None, str | None]]:
    """The scopes and the periods two contexts state, side by side."""
    return [(a.scope, b.scope), (a.period, b.period)]


def _one_side(mentions: list[Mention]) -> bool:
    """Do the labels name one side of a budget at most (收入 or 支出, not both)?"""
    sides = {s for m in mentions for s in ("收入", "支出") if s in m.label}
    return len(sides) <= 1


def _other_side(whole: str, label: str) -> bool:
    """Does `label` name the other side (收入/支出) than `whole`?"""
    sides = ("收入", "支出")
    mine = next((s for s in sides if s in whole), None)
    return mine is not None and any(s in label and s != mine and mine not in label for s in sides)


PARALLEL_KINDS: list[list[str]] = load("relations").get("parallel_kinds") or []


def _parallel(whole: str, label: str) -> bool:
    """Does `label` name a kind of the thing beside the one `whole` names (专项债务 beside 一般债务)?"""
    for kinds in PARALLEL_KINDS:
        mine = [k for k in kinds if k in whole]
        if len(mine) == 1 and any(k in label and k != mine[0] for k in kinds) and mine[0] not in label:
            return True
    return False


def _counts_other_things(head: Mention, parts: list[Mention]) -> bool:
    """Does a part count something else than its total (`24个赛事168个赛项，其中：一类赛9个赛事62个赛项`)? Such a
    list mixes two totals' parts; which figure belongs to which is not certain, so it makes no relation."""
    if not head.noun:
        return False
    return any(p.noun and not (p.noun.startswith(head.noun) or head.noun.startswith(p.noun)) for p in parts)


def _ends_parts(p: _Entry, dims: set[str], first: bool, whole: str = "") -> bool:
    """A figure in none of the total's units, a limit (`控制在限额 1,650 亿元以内`), or one added to the list
    rather than in it (`加上…`, `另…`, `此外…`) ends the parts."""
    if not p.qs:
        return False
    if not any(q.base_unit in dims for q in p.qs if q.kind != "percent"):
        return True
    if not first and (ADDED.match(p.label.lstrip("，、；：")) or GAP.search(p.label)):
        return True
    if whole and _other_side(whole, p.label):
        return True  # `收入总计 105.61 亿元，其中…；预算支出安排 95.47 亿元`: income and expenditure are two sides
    if "收入" in whole and HANDED_OVER.match(p.label.lstrip("，、；：")):
        return True  # `收入 A，其中利润收入 a；调出资金 b`: what leaves the fund is none of its income
    return all(q.bound is not None for q in p.qs)


# the rest of a comparison the pattern of comparisons cut short (`比2023年预算执行数`: the base is the outturn, not the
# budget), no name of what changed
COMPARED_STAGE_REST = regex(r"(?:执行|预计|决算|预算|实际|完成|数|的|同期|相比|比较)")


def _comparison_fused(c: _Change, named: str) -> tuple[_Change, str]:
    """`与上年相比收、支预算总计各增加 Δ`, `比上年支出增加 Δ`: a comparison written with no comma before the name
    of what changed is the change's comparison, as it is with the comma (`与上年相比，收、支…`); the rest of the
    words is the name."""
    if c.cmp or not named:
        return c, named
    fused = CMP_HEAD.match(named.lstrip("，,；;：: "))
    if fused is None or COMPARED_STAGE_REST.match(fused.group("label")):
        return c, named
    return replace(c, cmp=fused.group("cmp")), fused.group("label")


def _name_in(item: object) -> str:
    """The words before a clause that name what it is of; none in a bracket noting the figure before it
    (`收入 X（不含上划中央收入，下同），比上年增长…`: the change is of X)."""
    if not _is_label(item):
        return ""
    text = str(item).strip()
    return "" if BRACKETED.fullmatch(text) else str(item)


BRACKETED = regex(r"[（(][^（）()]*[）)]")
# a bracket right after a figure giving its value last year (`（上年 163.45 亿元`) and its close before the change
LAST_YEAR_NOTE = regex(rf"\s*[（(]\s*(?:{LAST_YEAR_NAMES})(?:为|是|：|:)?\s*")
# a comparison with last year alone (`同比`, `比上年`): the change qualifies the figure before it
LAST_YEAR_CMP = regex(r"同比|(?:比|较)(?:上年|去年)(?:同期)?|与(?:上年|去年)(?:同期)?相比")
NOTE_CLOSED = regex(rf"\s*[）)]\s*[，,]?\s*(?:{LAST_YEAR_CMP.pattern})?[，,]?\s*")


def _past_a_footed_list(text: str, head: Mention, p: _Entry, parts: list[Mention]) -> bool:
    """Do two or more parts of money make the total exactly already, and a clause of no figure stand between them
    and a figure above zero that would take the list over it (`余额 T，其中一般债务余额 a，专项债务余额 b，控制在限额
    以内，尚余限额空间 c`: c is a statement of its own)? (A next item right after the parts, `…，其他收入 c`, is one
    of them: the total or a part is wrong.)"""
    if len(parts) < 2 or not p.qs or p.qs[0].kind != "amount" or p.qs[0].value <= 0 or not parts[-1].quantities:
        return False
    gap = text[parts[-1].quantities[-1].end : p.qs[0].start]
    if len(CLAUSE_MARKS.findall(gap)) < 2:
        return False
    whole = exact_figure(head)
    if whole is None or whole.kind != "amount" or not _foots_flat(head, parts):
        return False
    # (a total rounded coarser than its parts holds a small one more: `54.3 亿元，其中 538000 万元、…、371 万元`)
    listed = [q for m in parts if (q := m.of_unit(whole.base_unit)) is not None]
    return not foots(whole, [*listed, p.qs[0]])


CLAUSE_MARKS = regex(r"[，,；;]")


def _nonzero_next(rest: list[object]) -> bool:
    """Is the next figure of a list's items one above zero?"""
    entry = next((x for x in rest if isinstance(x, _Entry) and x.qs), None)
    return entry is not None and entry.qs[0].value > 0


def _complete(head: Mention, parts: list[Mention]) -> bool:
    """Do the parts make the total, each figure within its rounding (every part in the total's unit)?"""
    whole = exact_figure(head)
    if whole is None:
        return False
    listed = [m.of_unit(whole.base_unit) for m in parts]
    return None not in listed and foots(whole, [q for q in listed if q is not None])


def _foots_flat(head: Mention, parts: list[Mention]) -> bool:
    """Do the parts, as listed, add up to the total exactly? Then no run of them is another part's."""
    whole = exact_figure(head)
    if whole is None:
        return False
    listed = [q for m in parts if (q := m.of_unit(whole.base_unit)) is not None]
    return sum((q.base_value for q in listed), Decimal(0)) == whole.base_value


def _completing(b: Breakdown, after: list[Mention]) -> list[Mention]:
    """The shortest run of `after` whose figures, with the breakdown's parts, add up to its total exactly."""
    whole = exact_figure(b.total)
    if whole is None:
        return []
    listed = [q for m in b.parts if (q := m.of_unit(whole.base_unit)) is not None]
    total = sum((q.base_value for q in listed), Decimal(0))
    for j, m in enumerate(after):
        q = m.of_unit(whole.base_unit)
        if q is None or not q.exact:
            return []
        total += q.base_value
        if total == whole.base_value:
            return after[: j + 1]
        if total > whole.base_value:
            return []
    return []


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


def _formula(f: _Formula, si: int, name: str | None = None) -> Formula:
    return Formula(f.name if name is None else name, f.operands, f.ops, f.result, si, f.expression)


def _movements(c: _Change) -> list[Movement]:
    """The clause's moves; a negative figure after an up word (`增幅 -5.2%`) is a move down by its size."""
    out = []
    for m in c.movements:
        q, direction = m.quantity, m.direction
        if q is not None and q.value < 0:
            q, direction = replace(q, value=-q.value), ("down" if direction == "up" else "up")
        out.append(Movement(direction, m.word, q, m.start, m.end))
    return out


def build_facts(doc: Document, labeller: Labeller | None = None, extra_units: tuple[str, ...] = ()) -> Facts:
    from tieout.linter.facts import explain, identity, passes

    labeller = labeller or Labeller()
    facts = Facts(quantities=extract(doc, extra_units), tables=find_tables(doc))
    draft = Draft(doc, labeller, facts)
    SentencePass(draft).run()
    identity.assign(draft)
    for table in facts.tables:  # whose tables they are, known from the title once identities are assigned
        table.department = facts.document_context.scope == "部门"
    passes.run(draft)
    identity.refine(draft)
    explain.run(draft)
    facts.unparsed = _unparsed(facts)
    facts.parse_errors = draft.parse_errors
    return facts


def _unparsed(facts: Facts) -> list[int]:
    """Sentences with two or more figures that no relation uses: what the parser did not understand."""
    related: set[int] = {b.sentence for b in facts.breakdowns}
    for coll in (
        facts.rates,
        facts.formulas,
        facts.changes,
        facts.fromtos,
        facts.balances,
        facts.months,
        facts.scores,
        facts.unit_costs,
    ):
        related.update(x.sentence for x in coll)
    related.update(s.sentence for s in facts.shares)
    counts: dict[int, int] = {}
    for m in facts.mentions:
        counts[m.sentence] = counts.get(m.sentence, 0) + sum(1 for q in m.quantities if q.kind != "bare")
    return sorted(s for s, n in counts.items() if n >= 2 and s not in related)


def _inside(spans: list[tuple[int, int]], starts: list[int], at: int) -> bool:
    """Does `at` fall in one of the (sorted, disjoint) spans, whose starts are `starts`?"""
    k = bisect_right(starts, at) - 1
    return k >= 0 and at < spans[k][1]


TAG = regex(r"<[^<>]*>")
SHORT_CELL = 24  # characters: text between tags longer than this is prose written in a cell (an evaluation's
# 评价意见 with its computation), read as prose; shorter runs are the table's cells, read by the table model


def _only_cells(text: str, sent: Sentence) -> bool:
    """Is a sentence inside an HTML table made of short cells only (a row of the table)?"""
    return all(len(piece.strip()) <= SHORT_CELL for piece in TAG.split(text[sent.start : sent.end]))


def _amount(q: Quantity | None) -> bool:
    """A stated amount (a difference of money or a count), not a rate."""
    return q is not None and q.kind != "percent"
