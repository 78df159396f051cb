"""Items of a closed set that a paragraph states as nil in words (`全年未购置公务用车`, `公务用车购置费为0`,
`无因公出国（境）费支出`): a zero part of a list of the set's other items in that paragraph, which then names all of
its total (`“三公”经费 T，其中：因公出国（境）费 a；公务用车运行维护费 b；公务接待费 c。全年未购置公务用车。`).

Held only where it is certain: the set is one vocab sums.yaml marks `nil_stated`, the total is named as its total and
is what was spent (not a budget: a plan for an item says nothing of its spending), and the statement is a clause of the
list's own paragraph that says nothing but the item's being nil, of the list's year. The absence of an item alone
completes nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from tieout.linter.facts.definitions import covered_with_nil, names_nil_set
from tieout.linter.facts.model import Breakdown
from tieout.linter.facts.passes.base import Completed
from tieout.linter.patterns import regex
from tieout.linter.vocab import alternation, load

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

_VOCAB: dict[str, object] = load("relations").get("nil_statements") or {}
# the stages of what was spent: a nil statement (`未购置`, `未发生`) is of them, not of a budget
SPENT_STAGES = frozenset({"执行", "决算"})
CLAUSE_BREAK = regex(r"[，,。；;：:！!？?\n]")
YEAR = regex(r"((?:19|20)\d\d)\s*年")
JOINER = r"[、和及与]"
ZERO_FIGURE = r"(?:\.0+)?\s*(?:万元|元)?"


def _words(name: str) -> list[str]:
    value = _VOCAB.get(name)
    return [str(w) for w in value] if isinstance(value, list) else []


def _doings() -> dict[str, str]:
    """What each item pays for (`购置公务用车`), to the item's name (`公务用车购置费`)."""
    value = _VOCAB.get("nil_doings")
    if not isinstance(value, dict):
        return {}
    return {str(doing): str(item) for item, doings in value.items() for doing in doings or []}


def _bracket_free(alternatives: str) -> str:
    """A pattern's full-width brackets matched by either width (`因公出国（境）费`, `因公出国(境)费`)."""
    return alternatives.replace(re.escape("（"), "[（(]").replace(re.escape("）"), "[）)]")


def _item_names() -> list[str]:
    """The names of every component of a closed set, as sums.yaml words them (brackets and quotes kept)."""
    out: set[str] = set()
    for entry in load("sums") or []:
        if entry.get("nil_stated"):
            out.update(str(w).lstrip("=") for wordings in entry.get("parts") or [] for w in wordings if w != "optional")
    return sorted(out)


DOINGS = _doings()
ITEM = _bracket_free(alternation(_item_names()))
DOING = _bracket_free(alternation([*_item_names(), *DOINGS]))
FILLER = f"(?:{alternation(_words('nil_fillers'))})*"
# `未购置公务用车`, `未发生因公出国（境）费用和公务用车购置费`: a word of none, then the items, to the clause's end
NONE_OF = regex(
    f"(?:{alternation(_words('nil_before'))})(?:任何)?(?P<items>(?:{DOING}){FILLER}(?:{JOINER}(?:{DOING}){FILLER})*)$"
)
# `公务用车购置费为0`, `因公出国（境）费和公务用车购置费均为零`: the items, then a word of nil, to the clause's end
NIL_AFTER = regex(
    f"(?P<items>(?:{ITEM})(?:{JOINER}(?:{ITEM}))*){FILLER}(?:{alternation(_words('nil_after'))}){ZERO_FIGURE}$"
)
NAMED = regex(DOING)
UNSURE = regex(alternation(_words("nil_unsure")))


def nil_parts(draft: Draft) -> Iterator[Completed]:
    """Each list of a closed set's items that the items its paragraph states as nil complete."""
    for b in list(draft.facts.breakdowns):
        if b.exhaustive or len(b.parts) < 2 or b.minus or not _of_spending(b) or not names_nil_set(b.total):
            continue
        nil = _stated_nil(draft, b)
        if nil and covered_with_nil(b.total, b.parts, nil):
            yield Completed(b, replace(b, exhaustive=True))


def _of_spending(b: Breakdown) -> bool:
    """Is the total what was spent (not a budget or a plan)?"""
    return b.total.identity.context.stage in SPENT_STAGES


def _stated_nil(draft: Draft, b: Breakdown) -> list[str]:
    """The items that clauses of the list's paragraph state as nil, each clause saying that alone, of no other year
    than the total's and of no plan or budget."""
    doc = draft.doc
    year = (b.total.identity.context.period or "")[:4]
    paragraph = doc.paragraph_of(b.sentence)
    # (a clause naming no year is of the paragraph's one year: of none where its lists are of several,
    # `2024年…其中…；2023年…其中…，全年未购置公务用车`)
    dated = _lists_of_several_years(draft, paragraph)
    out: list[str] = []
    for si in paragraph:
        s = doc.sentences[si]
        for clause in CLAUSE_BREAK.split(doc.text[s.start : s.end]):
            clause = clause.strip()
            said = NONE_OF.search(clause) or NIL_AFTER.search(clause)
            years = YEAR.findall(clause)
            if said is None or UNSURE.search(clause) or any(y != year for y in years) or (dated and not years):
                continue
            out.extend(_item_of(m.group()) for m in NAMED.finditer(said.group("items")))
    return out


def _lists_of_several_years(draft: Draft, paragraph: range) -> bool:
    """Are the totals of the paragraph's lists of more than one period?"""
    periods = {b.total.identity.context.period for b in draft.facts.breakdowns if b.sentence in paragraph}
    return len(periods) > 1


def _item_of(named: str) -> str:
    """The item a name or a doing names (`购置公务用车` is the 公务用车购置费)."""
    plain = named.replace("(", "（").replace(")", "）")
    return DOINGS.get(plain, plain)
