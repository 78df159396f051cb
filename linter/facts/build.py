"""Facts of a document: each sentence parsed (linter/parse/sentences.py), its items turned into mentions,
breakdowns, rates, changes …, then the links across sentences (linter/facts/links.py)."""

from __future__ import annotations

import re
from bisect import bisect_left

from lark import Token
from lark.exceptions import LarkError
from tieout.linter.facts.links import TOTAL_WORDS, Linker, qualifying_ratio
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
)
from tieout.linter.figures.labels import Labeller
from tieout.linter.figures.quantities import Quantity, extract
from tieout.linter.parse.sentences import (
    EXHAUSTIVE,
    UP_WORD,
    _Breakdown,
    _Change,
    _Entry,
    _Formula,
    _FromTo,
    _Rate,
    parse_sentence,
)
from tieout.linter.parse.tables import find_tables
from tieout.linter.parse.tokens import tokenize
from tieout.linter.text.model import Document


class FactBuilder:
    def __init__(self, doc: Document, labeller: Labeller | None = None, extra_units: tuple[str, ...] = ()):
        self.doc = doc
        self.labeller = labeller or Labeller()
        self.facts = Facts.model_construct()
        self.facts.quantities = extract(doc, extra_units)
        self._starts = [q.start for q in self.facts.quantities]
        # per sentence: mentions in order and whether the sentence opened with a headless 其中
        self._sentence_mentions: dict[int, list[Mention]] = {}
        self._headless: dict[int, _Breakdown] = {}
        self._last_rate: dict[int, int] = {}  # sentence → start of its latest rate
        self.parse_errors = 0

    # ---------------------------------------------------------------------------------------------
    def build(self) -> Facts:
        self.facts.tables = find_tables(self.doc)
        text = self.doc.text
        for si, sent in enumerate(self.doc.sentences):
            if text.startswith("|", sent.start):
                continue  # a table row: the table checks read it as cells
            lo = bisect_left(self._starts, sent.start)
            hi = bisect_left(self._starts, sent.end)
            qs = self.facts.quantities[lo:hi]
            if not qs:
                continue
            self._sentence(si, sent.start, sent.end, qs)
        Linker(self).run()
        self._inherit_periods()
        self._count_unparsed()
        return self.facts

    def _sentence(self, si: int, start: int, end: int, qs: list[Quantity]) -> None:
        toks = tokenize(self.doc.text, start, end, qs)
        try:
            items = parse_sentence([t.lark() for t in toks], qs)
        except LarkError:
            # the grammar is total by construction; should a sentence still fail, it yields mentions only
            self.parse_errors += 1
            items = [_Entry("", [qs[t.qi]]) for t in toks if t.qi >= 0]
        mentions: list[Mention] = []
        self._sentence_mentions[si] = mentions
        para = self.doc.sentences[si].paragraph
        for pos, item in enumerate(items):
            if (
                isinstance(item, Token)
                and item.type == "LABEL"
                and pos
                and isinstance(items[pos - 1], _Entry)
                and mentions
            ):
                mentions[-1].noun = self.labeller.noun(str(item))
            if isinstance(item, _Entry):
                if item.of is not None:
                    self._of_ratio(item, si, mentions)
                mentions.append(self._mention(item, si, para))
            elif isinstance(item, _Breakdown):
                if item.head is None and not mentions and pos == 0:
                    self._headless[si] = item
                self._breakdown(item, si, para, mentions, None)
            elif isinstance(item, _Rate):
                self._rate(item, si, mentions)
            elif isinstance(item, _Change):
                before = items[pos - 1] if pos else None
                named = str(before) if isinstance(before, Token) and before.type == "LABEL" else ""
                self._change(item, si, mentions, named)
            elif isinstance(item, _FromTo):
                self._fromto(item, si)
            elif isinstance(item, _Formula):
                self.facts.formulas.append(
                    Formula.model_construct(
                        name=item.name,
                        operands=item.operands,
                        ops=item.ops,
                        result=item.result,
                        expression=item.expression,
                        sentence=si,
                    )
                )

    def _mention(self, e: _Entry, si: int, para: int, parent: Mention | None = None, role: str = "plain") -> Mention:
        key, period = self.labeller.split(e.label)
        if not key and parent is None:
            key = ""
        qs = e.qs
        m = Mention.of(
            label=e.label,
            key=key,
            noun="",
            quantities=qs,
            sentence=si,
            paragraph=para,
            section=self.doc.section_path(qs[0].start) if qs else [],
            period=period,
            parent=parent.key if parent else None,
            role=role,
            share=None,
        )  # type: ignore[arg-type]
        self.facts.mentions.append(m)
        if e.share is not None:
            part = next((q for q in qs if q.kind != "percent"), None)
            total = None
            if parent is not None and part is not None:
                total = parent.of_unit(part.base_unit)
            share = Share.model_construct(stated=e.share, part=part, total=total, base_label=e.share_base)
            m.share = share
            self.facts.shares.append(share)
        return m

    def _breakdown(
        self, b: _Breakdown, si: int, para: int, mentions: list[Mention], outer: Mention | None
    ) -> Mention | None:
        head = self._mention(b.head, si, para, role="total") if b.head is not None else None
        if head is not None:
            if outer is not None:
                head.parent = outer.key
            mentions.append(head)
        parts: list[Mention] = []
        dims = {q.base_unit for q in head.quantities} if head is not None else set()
        ended = False
        for p in b.parts:
            if isinstance(p, _Entry) and head is not None and not ended:
                # a figure in none of the total's units, or a limit (`控制在限额 1,650 亿元以内`), ends the parts
                if p.qs and not any(q.base_unit in dims for q in p.qs if q.kind != "percent"):
                    ended = True
                elif p.qs and all(q.bound is not None for q in p.qs):
                    ended = True
            if ended and isinstance(p, (_Entry, _Breakdown)):
                entry = p if isinstance(p, _Entry) else p.head
                if isinstance(p, _Breakdown):
                    self._breakdown(p, si, para, mentions, None)
                elif entry is not None:
                    mentions.append(self._mention(entry, si, para))
                continue
            if isinstance(p, _Entry):
                m = self._mention(p, si, para, parent=head, role="part" if head else "plain")
                parts.append(m)
                mentions.append(m)
            elif isinstance(p, _Breakdown):
                sub = self._breakdown(p, si, para, mentions, head)
                if sub is not None:
                    sub.role = "part"
                    if head is not None:
                        sub.parent = head.key
                        # the sub-total's own share (if any) is a share of this total
                        if sub.share is not None and sub.share.part is not None:
                            sub.share.total = head.of_unit(sub.share.part.base_unit)
                    parts.append(sub)
            elif isinstance(p, _Rate):
                self._rate(p, si, mentions)
            elif isinstance(p, _Change):
                self._change(p, si, mentions)
            elif isinstance(p, _FromTo):
                self._fromto(p, si)
            elif isinstance(p, _Formula):
                self.facts.formulas.append(
                    Formula.model_construct(
                        name=p.name,
                        operands=p.operands,
                        ops=p.ops,
                        result=p.result,
                        expression=p.expression,
                        sentence=si,
                    )
                )
        if head is not None and parts:
            kw = b.keyword.rstrip("：，:")
            self.facts.breakdowns.append(
                Breakdown.model_construct(
                    total=head,
                    parts=parts,
                    keyword=kw,
                    sentence=si,
                    exhaustive=kw in EXHAUSTIVE or (len(parts) >= 2 and bool(TOTAL_WORDS.search(head.label))),
                )
            )
        return head

    def _rate(self, r: _Rate, si: int, mentions: list[Mention]) -> None:
        formula = None
        if r.formula is not None:
            formula = Formula.model_construct(
                name=r.name,
                operands=r.formula.operands,
                ops=r.formula.ops,
                expression=r.formula.expression,
                result=r.formula.result,
                sentence=si,
            )
            self.facts.formulas.append(formula)
        if r.value is None:
            return
        # operands: the figures of the sentence before the rate and after any earlier rate
        floor = self._last_rate.get(si, -1)
        self._last_rate[si] = r.start
        # items of a list separated by ；are independent: a rate's operands stand in its own item
        semicolon = self.doc.text.rfind("；", self.doc.sentences[si].start, r.start)
        floor = max(floor, semicolon)
        ops: list[Quantity] = []
        labels: list[str] = []
        for m in mentions:
            for q in m.quantities:
                if floor < q.start < r.start and q.kind in ("amount", "count") and q.exact:
                    ops.append(q)
                    labels.append(m.key)
        self.facts.rates.append(
            Rate.model_construct(
                name=r.name, stated=r.value, operands=ops, labels=labels, formula=formula, sentence=si, ordered=False
            )
        )

    def _of_ratio(self, e: _Entry, si: int, mentions: list[Mention]) -> None:
        """`参保 12,500 人，完成年度目标 12,000 人的 104.17%`: the figure before over the one in the phrase."""
        den = next((q for q in e.qs if q.kind in ("amount", "count")), None)
        if den is None or e.of is None:
            return
        num = next(
            (
                q
                for m in reversed(mentions)
                for q in m.quantities
                if q.base_unit == den.base_unit and q.kind == den.kind and q.exact
            ),
            None,
        )
        key = self.labeller.split(e.label)[0]
        self.facts.rates.append(
            Rate.model_construct(
                name=f"{key}的比例",
                stated=e.of,
                operands=[num, den] if num is not None else [den],
                labels=[],
                formula=None,
                sentence=si,
                ordered=True,
            )
        )

    def _change(self, c: _Change, si: int, mentions: list[Mention], named: str = "") -> None:
        # the figure that changed: the one the clause names (`收入预算比上年增加…`), else the last one before,
        # skipping ratios that only qualify it (`收入 456.78 亿元，为预算的 101.5%，比上年增长 6.2%`)
        key = self.labeller.split(named)[0] if named else ""
        if key:
            section = self.doc.section_at(self.doc.sentences[si].start)
            earlier = (
                []
                if mentions
                else [
                    m
                    for m in self.facts.mentions
                    if m.sentence < si and m.quantities and self.doc.section_at(m.quantities[0].start) is section
                ]
            )
            subject = next(
                (
                    m
                    for m in reversed([*earlier, *mentions])
                    if m.key and (m.key == key or m.key.endswith(key) or key.endswith(m.key) or m.key.startswith(key))
                ),
                None,
            )
            if subject is None:
                # the clause names a figure not stated here: nothing to compare with
                self.facts.changes.append(
                    Change.model_construct(
                        comparison=c.cmp, label=key, current=None, base=c.base, movements=_movements(c), sentence=si
                    )
                )
                return
            mentions = [*mentions, subject] if subject not in mentions else mentions[: mentions.index(subject) + 1]
        named_subject = bool(key)
        subject = next((m for m in reversed(mentions) if not qualifying_ratio(m)), None)
        if (
            subject is None
            and si - 1 in self._sentence_mentions
            and self.doc.sentences[si - 1].paragraph == self.doc.sentences[si].paragraph
        ):
            # `…支出 10,620.00 万元。与上年相比，减少 380.00 万元`: the figure compared is the last one before
            earlier = self._sentence_mentions[si - 1]
            subject = earlier[-1] if earlier else None
        current = next((q for q in reversed(subject.quantities) if q.kind != "bare"), None) if subject else None
        label = subject.key if subject else ""
        rate = next((r for r in reversed(self.facts.rates) if r.sentence == si), None)
        if rate is not None and not named_subject and (current is None or rate.stated.start > current.start):
            current, label = rate.stated, rate.name
        self.facts.changes.append(
            Change.model_construct(
                comparison=c.cmp, label=label, current=current, base=c.base, movements=_movements(c), sentence=si
            )
        )

    def _fromto(self, f: _FromTo, si: int) -> None:
        word = str(f.word)
        direction = None
        if f.word.type in ("UP", "DOWN"):
            direction = "up" if f.word.type == "UP" else "down"
        elif f.word.type == "TO":
            direction = "up" if UP_WORD.search(word) else ("down" if re.search("降|减|低", word) else None)
        self.facts.fromtos.append(
            FromTo.model_construct(
                start=f.start,
                end=f.end,
                word=word,
                direction=direction,
                word_start=f.word.start_pos,
                word_end=f.word.end_pos,
                sentence=si,
            )
        )

    # links across sentences --------------------------------------------------------------------------
    def _inherit_periods(self) -> None:
        """`2021年直接结算 689 人次，零报+直接结算 1728 人次；2022年…`: a figure without its own period is in the
        period of the figure before it in the same ；-item."""
        text = self.doc.text
        previous: Mention | None = None
        for m in self.facts.mentions:
            if not m.quantities:
                continue
            if (
                previous is not None
                and previous.sentence == m.sentence
                and not m.period
                and previous.period
                and "；" not in text[previous.quantities[-1].end : m.quantities[0].start]
            ):
                m.period = previous.period
            previous = m

    def _count_unparsed(self) -> None:
        related: set[int] = set()
        for b in self.facts.breakdowns:
            related.add(b.sentence)
        for coll in (
            self.facts.rates,
            self.facts.formulas,
            self.facts.changes,
            self.facts.fromtos,
            self.facts.balances,
            self.facts.months,
            self.facts.scores,
        ):
            related.update(x.sentence for x in coll)
        related.update(m.sentence for m in self.facts.mentions if m.share is not None)
        counts: dict[int, int] = {}
        for m in self.facts.mentions:
            counts[m.sentence] = counts.get(m.sentence, 0) + sum(1 for q in m.quantities if q.kind != "bare")
        self.facts.unparsed = sorted(s for s, n in counts.items() if n >= 2 and s not in related)


def build_facts(doc: Document, labeller: Labeller | None = None, extra_units: tuple[str, ...] = ()) -> Facts:
    return FactBuilder(doc, labeller, extra_units).build()


def _movements(c: _Change) -> list[Movement]:
    return [
        Movement.model_construct(direction=m.direction, word=m.word, quantity=m.quantity, start=m.start, end=m.end)
        for m in c.movements
    ]
