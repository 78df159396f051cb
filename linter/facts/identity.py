"""Which quantity each mention is: its item and the context the document states for it.

A mention's context comes, field by field, from the nearest place that states it: its own label
(`省本级政府性基金预算支出`), the labels before it in its sentence (`2024年全省一般公共预算收入 X，债务收入 Y`:
Y is 全省's 2024 一般公共预算 debt income), the headings above it (`（二）市本级财政收支情况` › `1.一般公共
预算`), the document's title (`2024年度部门决算`), and the genre's defaults (a 部门决算 speaks of one
department). Where nothing states a field it stays unknown, and the identity is incomplete: such a figure is
never evidence of a mistake.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Identity, Mention
from tieout.linter.figures.context import MIXED, Context, read
from tieout.linter.figures.labels import GENERIC_ITEMS, Labeller
from tieout.linter.text.model import Document, Section
from tieout.linter.vocab import load

if TYPE_CHECKING:
    from tieout.linter.facts.build import Draft

HEADING_MARK = re.compile(
    r"^(?:第[一二三四五六七八九十百]+[章节部分篇]|[一二三四五六七八九十]{1,3}[、.]|（[一二三四五六七八九十]{1,3}）"
    r"|\d{1,2}(?:\.\d{1,2})*[、.．]?|（\d{1,2}）|[①-⑳])\s*"
)
SUBJECT_TRIM = re.compile(r"(?:情况说明|情况|说明|的|总体|具体|结构|[，、：:（）()]|\s)+$")
TITLE_CHARS = 240


def document_context(doc: Document) -> tuple[Context, str]:
    """The context the title states for the whole document, and its genre (see vocab/genres.yaml)."""
    head = _title_text(doc)
    genre = _genre(head)
    title = read(head).context
    defaults = load("genres").get(genre, {}).get("defaults", {}) if genre else {}
    return title.under(Context(**{k: str(v) for k, v in defaults.items()})), genre


def _title_text(doc: Document) -> str:
    """The title block: the text before the first heading, at most a few lines."""
    end = doc.sections[0].start if doc.sections else len(doc.text)
    lines = doc.text[: min(end, TITLE_CHARS)].split("\n")[:4]
    return "".join(lines)


def _genre(title: str) -> str:
    for genre, spec in load("genres").items():
        if any(w in title for w in spec.get("title_words", [])):
            return str(genre)
    return ""


class _Sections:
    """Each section's context and subject, read once."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._memo: dict[int, tuple[Context, str]] = {}

    def of(self, section: Section | None) -> tuple[Context, str]:
        """The context the headings above an offset state (innermost first) and their subject path."""
        if section is None:
            return Context(), ""
        hit = self._memo.get(id(section))
        if hit is None:
            own = read(HEADING_MARK.sub("", section.title))
            outer, outer_subject = self.of(section.parent)
            subject = SUBJECT_TRIM.sub("", own.rest)
            path = f"{outer_subject}›{subject}" if outer_subject and subject else (subject or outer_subject)
            hit = self._memo[id(section)] = (own.context.under(outer), path)
        return hit


def assign(draft: Draft) -> None:
    """Give every mention its identity (the facts' `document_context` and `genre` too)."""
    doc, labeller, facts = draft.doc, draft.labeller, draft.facts
    document, genre = document_context(doc)
    facts.document_context, facts.genre = document, genre
    stated, items = _stated(draft)
    # a part of a breakdown is in its whole's context where its own words say nothing (`一般公共预算收入 X，
    # 其中：税收收入 Y` — Y is 一般公共预算's), and, named only by context words, is its whole's item
    # (`其中：省本级 X`); breakdowns are in order, so a nested whole has its own whole's context by then
    for b in facts.breakdowns:
        whole = id(b.total)
        for p in b.parts:
            stated[id(p)] = stated[id(p)].under(stated[whole])
            if not items[id(p)]:
                items[id(p)] = items[whole]
    sections = _Sections(doc)
    for m in facts.mentions:
        item = items[id(m)]
        heading, subject = sections.of(doc.section_at(m.start))
        context = stated[id(m)].under(heading).under(document)
        generic = labeller.generic(item)
        m.identity = Identity(item, context, subject if generic else "", named=_names_one(labeller, item, subject))
    _periods_within_items(draft)


def _stated(draft: Draft) -> tuple[dict[int, Context], dict[int, str]]:
    """What each mention's own words and the labels before it in its sentence state, and its item."""
    stated: dict[int, Context] = {}
    items: dict[int, str] = {}
    for mentions in draft.by_sentence.values():
        running = Context()
        for m in mentions:
            item, own = draft.labeller.identify(m.label)
            # the labels before it in the sentence state the scope, stage and period this label leaves open;
            # not the fund: in `一般公共预算财政拨款收入 A，事业收入 B` the fund is A's own, B is another source
            stated[id(m)] = own.under(replace(running, fund=None))
            items[id(m)] = item
            running = _carry(own, running)
    return stated, items


MIN_ITEM = 4


def _names_one(labeller: Labeller, item: str, subject: str) -> bool:
    """Does an item name one quantity: a known one (本年收入合计), a noun phrase long enough to name one
    thing, or a generic word (支出决算) with headings that say what it is of? (`涉及`, a verb, names none.)"""
    if item in labeller.canonical_keys:
        return True
    if item in GENERIC_ITEMS:
        return bool(subject)
    return len(item) >= MIN_ITEM


def _carry(own: Context, running: Context) -> Context:
    """The context carried to the next label of a sentence: what this label states replaces what it states;
    a mixed field (`全省及省本级`) stops carrying."""
    carried = own.under(running)
    return replace(carried, **{f: None for f in ("scope", "fund", "stage", "period") if getattr(own, f) == MIXED})


def _periods_within_items(draft: Draft) -> None:
    """`2021年直接结算 689 人次，零报+直接结算 1728 人次；2022年…`: a label without its own period words is in
    the period of the label before it in the same ；-item (the mention's `period`, as the text words it)."""
    text = draft.doc.text
    for mentions in draft.by_sentence.values():
        for previous, m in zip(mentions, mentions[1:]):
            if m.quantities and previous.quantities and not m.period and previous.period:
                if "；" not in text[previous.quantities[-1].end : m.start]:
                    m.period = previous.period


def describe(m: Mention) -> str:
    return m.identity.describe()
