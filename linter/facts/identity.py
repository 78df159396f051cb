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
    sections = _Sections(doc)
    for mentions in draft.by_sentence.values():
        running = Context()
        for m in mentions:
            item, own = labeller.identify(m.label)
            # the labels before it in the sentence state what this label leaves open
            stated = own.under(running)
            running = _carry(own, running)
            heading, subject = sections.of(doc.section_at(m.start))
            context = stated.under(heading).under(document)
            m.identity = Identity(item, context, subject if labeller.generic(item) else "")
    _parts_take_their_whole(draft)
    _periods_within_items(draft)


def _carry(own: Context, running: Context) -> Context:
    """The context carried to the next label of a sentence: what this label states replaces what it states;
    a mixed field (`全省及省本级`) stops carrying."""
    carried = own.under(running)
    return replace(carried, **{f: None for f in ("scope", "fund", "stage", "period") if getattr(own, f) == MIXED})


def _parts_take_their_whole(draft: Draft) -> None:
    """A part named only by context words (`其中：省本级 X，市县 Y`) is its whole's item in that context."""
    for b in draft.facts.breakdowns:
        whole = b.total.identity
        for p in b.parts:
            if p.identity.item or not whole.item:
                continue
            p.identity = Identity(whole.item, p.identity.context.under(whole.context), whole.subject)


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
