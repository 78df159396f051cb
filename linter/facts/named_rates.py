"""A named indicator's rate stated twice (`乘客综合满意度 p%` in a report's summary and again in its analysis): one
quantity, as a sum of money restated is (TO201 compares the values).

A rate carries no identity of its own, so it is joined to another only with certainty:
- it is stated as the year's value of an indicator: no figures it is worked out from (a worked rate is checked against
  them), no formula, no bound or 约, and its clause names no comparison, target, change or date (`提高到 p%`, `同比`,
  `目标`, `截至`: vocab relations `named_rates.comparing`), nor does its sentence before it state another year or scope;
- its name, the connectives before it and the verb after it dropped (`其中`, `为`, `达到`), is the same words, ends as an
  indicator's does (`率`, `满意度`, `比重` …), names an object and not a kind alone (`综合预算执行率` is the execution
  rate of whatever is spoken of: `named_rates.kinds` after `named_rates.qualifiers`), and is no share of a named base
  (`占…的比重`) or a base (`为预算的 p%`);
- the context (scope, fund, stage, period) its name, the headings above it and the title state is complete and equal,
  and so is its subject, the headings that tell one item's rate from another's (`（一）甲项目` and `（二）乙项目`), the
  standard sections of an evaluation and headings of the indicator's own name telling nothing;
- no clause of words alone stands before its own in its sentence but a neutral lead (`调查显示`): `城区供水工程方面，`,
  `在小学阶段，`, `评价组于6月开展第一次问卷调查，` say whose or when the rate is (`_qualifies`);
- it stands under no heading of targets (`一、绩效目标`) nor in a sentence opening by stating them (`年度目标：`);
- it is not a table's cell (a text table's line): text is held to text;
- the statements stand each in a section of its own (a summary and the analysis it sums up): two under one heading are
  taken for two things' rates that the sentences before them tell apart;
- its name is stated in three places at most with two values at most in the whole document, whatever their
  identities: a name stated more often is an attribute of several items (each project's, each survey's), not one
  quantity.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tieout.linter.facts.identity import headings_reader
from tieout.linter.facts.model import Identity, Mention, Rate, Restatement
from tieout.linter.facts.passes.base import mention
from tieout.linter.figures.context import Context, read
from tieout.linter.patterns import regex
from tieout.linter.vocab import alternation, load

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

_VOCAB = load("relations").get("named_rates") or {}


def _words(key: str) -> list[str]:
    return [str(w) for w in _VOCAB.get(key) or []]


LEADING = regex(rf"^(?:{alternation(_words('connectives'))}|[、，,：:\s“”\"])+")
TRAILING = regex(rf"(?:{alternation(_words('verbs'))}|[“”\"\s])+$")
ENDING = regex(rf"(?:{alternation(_words('endings'))})$")
QUALIFIERS = regex(rf"^(?:{alternation(_words('qualifiers'))})+")
KINDS = frozenset(_words("kinds"))
COMPARING = regex(alternation(_words("comparing")))
NEUTRAL_LEAD = regex(rf"(?:{alternation(_words('neutral_leads'))})$")
# a figure of a statement (an amount, a count, a rate), no date (`6月`, `2025年`), which only says when
FIGURE = regex(r"\d+(?:\.\d+)?(?![\d.]*\s*[年月日号])")
# a name that is all Han characters (and quotes): no figure, no share of a base (`占…`), no base (`为预算的`)
NAME = regex(r"[\u4e00-\u9fff“”]+")
SHARE_OR_BASE = regex(r"占|的")
CLAUSE_START = regex(r"[，,；;。：:！？!?]")
# a text table's line: its cells' separators
TABLE_LINE = regex(r"\||\t")
# a heading naming targets (`（二）绩效目标`, `年度目标`): the rates under it are what was aimed at
TARGET = regex(alternation(_VOCAB.get("target_headings")))
MAX_VALUES = 2  # as TO201's: more values under one name are an attribute of several items
MAX_PLACES = 3
# a name's object and kind take three characters at least (`准点率`); fewer, after the qualifiers, name a kind alone
MIN_NAME = 3


@dataclass(frozen=True)
class Readings:
    """How the restatements of figures read what a rate's place says: `subject_of(name, path)` the subject that tells
    one quantity of the name from another under the headings' path, `form_of(offset)` the project's form (of a file
    of several) a figure stands in, `targets(mention)` whether the figure's sentence opens by stating targets."""

    subject_of: Callable[[str, str], str]
    form_of: Callable[[int], int]
    targets: Callable[[Mention], bool]


def named_rate_restatements(draft: Draft, readings: Readings) -> Iterator[Restatement]:
    """The groups of an indicator's rate stated in two paragraphs or more under one identity."""
    named: dict[str, list[Rate]] = {}
    for r in draft.facts.rates:
        name = _name(r.name)
        if name:
            named.setdefault(name, []).append(r)
    headings = headings_reader(draft.doc, draft.facts.document_context)
    for name, rates in named.items():
        if len(rates) > MAX_PLACES or len({r.stated.base_value for r in rates}) > MAX_VALUES:
            continue  # (the name of several items' attribute: counted over every statement, whatever its reading)
        groups: dict[tuple[Context, str, int], list[Rate]] = {}
        for r in rates:
            key = _identity(draft, r, name, readings, headings)
            if key is not None:
                groups.setdefault((*key, readings.form_of(r.stated.start)), []).append(r)
        for (context, subject, _), found in groups.items():
            # (each in a section of its own, as a summary restates the analysis: two statements under one heading
            # are the rates of two things that heading speaks of, told apart in sentences before them)
            if len(found) >= 2 and len({draft.doc.section_index(r.stated.start) for r in found}) == len(found):
                figures = [(mention(draft, r.name, r.stated), r.stated) for r in found]
                yield Restatement(Identity(name, context, subject, named=True), figures)


def _name(stated: str) -> str:
    """The indicator's name a rate is stated under, its connectives and verb dropped; "" where the name is no one
    indicator's (a kind alone, a share of a base, a figure or another word in it)."""
    name = TRAILING.sub("", LEADING.sub("", stated))
    if NAME.fullmatch(name) is None or ENDING.search(name) is None or SHARE_OR_BASE.search(name):
        return ""
    named = QUALIFIERS.sub("", name)
    return "" if named in KINDS or len(named) < MIN_NAME else name


def _table_line(original: str, at: int) -> bool:
    """Does the line of the file holding the offset separate cells (`|`, a tab)? The normalised text keeps neither."""
    start = original.rfind("\n", 0, at) + 1
    end = original.find("\n", at)
    return TABLE_LINE.search(original, start, end if end >= 0 else len(original)) is not None


def _qualifies(lead: str) -> bool:
    """Does a clause of the sentence before the rate's own say whose or when the rate is: words alone (`城区供水工程
    方面`, `在小学阶段`, `东片区`, `评价组于6月开展第一次问卷调查`: words and dates), no neutral lead (`乘客问卷调查
    显示`)? A clause with figures is a statement of its own beside the rate (`…调整预算 a万元`)."""
    words = lead.strip()
    return bool(words) and FIGURE.search(words) is None and NEUTRAL_LEAD.search(words) is None


def _identity(
    draft: Draft, r: Rate, name: str, readings: Readings, headings: Callable[[int], tuple[Context, str]]
) -> tuple[Context, str] | None:
    """The context and subject of the year's value of the indicator the rate states; None where it is not certainly
    that value (worked out from figures, a bound, a comparison, a target, another year or scope, a table's cell)."""
    q = r.stated
    if r.operands or r.formula is not None or not r.certain or q.kind != "percent" or q.bound is not None or q.approx:
        return None
    doc = draft.doc
    sentence = doc.sentences[r.sentence]
    if _table_line(doc.original, doc.origin[q.start]):
        return None
    before = doc.text[sentence.start : q.start]
    *leads, clause = CLAUSE_START.split(before)
    if COMPARING.search(clause) or COMPARING.match(doc.text, q.end) or any(_qualifies(lead) for lead in leads):
        return None
    around, path = headings(q.start)
    if TARGET.search(path) or readings.targets(mention(draft, r.name, q)):
        return None  # (under a heading of the targets, `一、绩效目标`, or after `年度目标：`: what was aimed at)
    context = read(name).context.under(around)
    said = read(before).context.under(around)
    if not context.known() or said.period != context.period or said.scope != context.scope:
        return None  # (the sentence before the rate names another year or scope: whose rate it is is not certain)
    return context, readings.subject_of(name, path)
