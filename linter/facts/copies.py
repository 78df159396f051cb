"""Passages a report repeats word for word under another heading (a 绩效自评 states its outcomes in its overview and
again under each indicator: `截至12月底，全市共计检查定点医药机构 a 家，…` in both): the figures of the copy are those of
the first statement, whatever heading stands above them.

The passages are compared clause by clause, each figure masked by its unit (`#家`), spaces left out: a run of
clauses whose masked words are the same in two paragraphs, long enough not to be a formula every item of a list
repeats (`年初预算 #万元，执行数 #万元`), is one passage stated twice. Its figures are one quantity each only where
their identities say nothing against it: the same item in the same context (scope, fund, stage and period, the
headings' included), named and not generic (a `支出` is the quantity of its heading), read from their own words.
A copy states at most one figure differently (an edit missed); a passage two of whose figures differ is a template
filled in for another item (`总支出安排 #亿元，年度收支结余 #亿元，年末滚存结余 #亿元` for each fund), not a copy, and so
is one differing in a figure under parallel headings (two items of one list, `一、A项目` and `二、B项目`, each with
the same wording): a copy stands elsewhere in the report's outline (the overview and an indicator's analysis).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Mention
from tieout.linter.facts.passes.links import mention_index
from tieout.linter.figures.labels import GENERIC_ITEMS
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex
from tieout.linter.text.normalise import HEADING

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft
    from tieout.linter.text.model import Sentence

# the characters (masks left out) a repeated run needs: a clause or two of a formula (`年初预算#万元|执行数#万元|执行率#%`,
# 15 to 30 characters) is what every item of a list repeats; a passage copied is a sentence or more
MIN_CHARS = 40
# a clause repeated in more places is a formula of the document (each item's `比上年增加#万元`), never one passage
MAX_PLACES = 3

# where a clause ends: its punctuation, or a comma of ASCII not inside a number (`1,084`)
CLAUSE_END = regex(r"(?<=[，；;。：:！？!?])|(?<=,)(?!\d)")
# the mark that ends a clause (`CLAUSE_END` is right after it): found by a scan for the marks, where the look-behinds
# were tried at every character of every sentence (`_split`)
CLAUSE_MARK = regex(r"[，；;。：:！？!?]|,(?!\d)")
# the marks a clause may end with, left out of its words
CLOSING = frozenset("，,；;。：:！？!?")


@dataclass(slots=True)
class _Clause:
    paragraph: int
    start: int  # where the clause stands in the text
    end: int
    figures: list[Quantity]
    masked: str | None = None  # its words (`_words`), made when first asked for


def _words(text: str, c: _Clause) -> str:
    """The clause with its figures masked by their units, no spaces: made once, when first asked for (the clauses
    of figures are grouped by them; a clause without one is compared only beside a clause that repeats, and most
    never are)."""
    if c.masked is None:
        words, cur = [], c.start
        for q in c.figures:
            words += [text[cur : q.start], f"#{q.unit}"]
            cur = q.end
        words.append(text[cur : c.end])
        # (spaces dropped as `flatten` drops them: str.split cuts at exactly the characters `\s` matches; then the
        # clause's closing mark)
        masked = "".join("".join(words).split())
        c.masked = masked[:-1] if masked[-1:] in CLOSING else masked
    return c.masked


Figure = tuple[Mention, Quantity]


def copies(draft: Draft) -> list[tuple[Figure, Figure]]:
    """Each figure of a passage that repeats an earlier one word for word, with the figure it restates there (each
    figure with the one at its place in the other statement: a passage may name one item twice, `应发放…选送单位 9 家，
    实际发放…选送单位 9 家`, and only its place says which is which)."""
    text = draft.doc.text
    clauses = _clauses(draft)
    places: dict[str, list[int]] = {}
    for i, c in enumerate(clauses):
        if c.figures:
            places.setdefault(_words(text, c), []).append(i)
    found: list[tuple[Figure, Figure]] = []
    seen: set[tuple[int, int, int]] = set()
    for at in places.values():
        if len(at) > MAX_PLACES:
            continue
        for k, i in enumerate(at):
            for j in at[k + 1 :]:
                run = _run(text, clauses, i, j)
                if run is not None and run not in seen:
                    seen.add(run)
                    found += _pairs(draft, clauses, run)
    return found


def _clauses(draft: Draft) -> list[_Clause]:
    """The document's clauses in order, each with its figures; none of a table's rows (cells apart by tabs)."""
    text = draft.doc.text
    ordered = sorted(draft.facts.quantities, key=attrgetter("start"))
    starts = [q.start for q in ordered]
    out: list[_Clause] = []
    sentences = draft.doc.sentences
    figured = _paragraphs_with_figures(sentences, starts)
    for s in sentences:
        if figured is not None and s.paragraph not in figured:
            continue  # (a paragraph without a figure: none of its clauses stands in a run, `_run`)
        said = text[s.start : s.end]
        if "\t" in said:
            continue
        at = s.start
        # (a sentence without a figure makes its clauses without looking for one in each)
        held = bisect_left(starts, at) < bisect_left(starts, s.end)
        for part in _split(said):
            end = at + len(part)
            figures = (
                [q for q in ordered[bisect_left(starts, at) : bisect_left(starts, end)] if q.end <= end] if held else []
            )
            out.append(_Clause(s.paragraph, at, end, figures))
            at = end
    return out


def _paragraphs_with_figures(sentences: list[Sentence], starts: list[int]) -> set[int] | None:
    """The paragraphs one of whose sentences holds a figure's start (`starts`, in order), where the sentences' paragraphs
    run in order (None where not: every paragraph then). A run of copied clauses is widened only within the paragraphs
    of two clauses with figures (`_run`), so the clauses of the other paragraphs, a third of a report's, are never
    compared: left out, they are not split and made, and the clauses kept stand next to each other as before (a
    paragraph's sentences stand together)."""
    if any(a.paragraph > b.paragraph for a, b in zip(sentences, sentences[1:])):
        return None
    return {s.paragraph for s in sentences if bisect_left(starts, s.start) < bisect_left(starts, s.end)}


def _split(said: str) -> list[str]:
    """`CLAUSE_END.split(said)`: the pieces up to and including each clause's mark, and what follows the last ("" after
    a closing mark), cut at the ends of the marks' matches (two fifths less time than the split)."""
    pieces: list[str] = []
    last = 0
    for m in CLAUSE_MARK.finditer(said):
        end = m.end()
        pieces.append(said[last:end])
        last = end
    pieces.append(said[last:])
    return pieces


def _run(text: str, clauses: list[_Clause], i: int, j: int) -> tuple[int, int, int] | None:
    """The run of clauses the same at i and at j (i < j), widened both ways within each paragraph, as (first clause
    at i's side, first at j's, length); None where it is too short or its two statements share a paragraph."""
    if clauses[i].paragraph == clauses[j].paragraph:
        return None

    def same(a: int, b: int) -> bool:
        # (the paragraphs first: a clause's words are made only when it stands beside the two compared)
        return (
            0 <= a < b < len(clauses)
            and clauses[a].paragraph == clauses[i].paragraph
            and clauses[b].paragraph == clauses[j].paragraph
            and _words(text, clauses[a]) == _words(text, clauses[b])
        )

    a, b = i, j
    while same(a - 1, b - 1):
        a, b = a - 1, b - 1
    n = i - a + 1
    while same(a + n, b + n) and a + n < b:
        n += 1
    chars = sum(len(_words(text, c)) - sum(len(f"#{q.unit}") for q in c.figures) for c in clauses[a : a + n])
    return (a, b, n) if chars >= MIN_CHARS else None


def _pairs(draft: Draft, clauses: list[_Clause], run: tuple[int, int, int]) -> list[tuple[Figure, Figure]]:
    """The run's figures, each of the first statement with its copy, where the run is a copy (none where not)."""
    owner = mention_index(draft)
    a, b, n = run
    firsts = [q for c in clauses[a : a + n] for q in c.figures]
    seconds = [q for c in clauses[b : b + n] for q in c.figures]
    differ = sum(q.base_value != r.base_value for q, r in zip(firsts, seconds))
    if differ > 1 or (differ and _parallel(draft, firsts[0].start, seconds[0].start)):
        return []
    pairs: list[tuple[Figure, Figure]] = []
    for q, r in zip(firsts, seconds):
        m, k = owner.get(q.start), owner.get(r.start)
        if m is None or k is None or not (_comparable(m, q) and _comparable(k, r)):
            continue  # a figure no identity tells: not compared, and no evidence either way
        if m.identity.item != k.identity.item or m.identity.context != k.identity.context:
            return []  # the same words of two items or contexts (全省 and 省本级 sections alike): no copy
        pairs.append(((m, q), (k, r)))
    return pairs


def _parallel(draft: Draft, a: int, b: int) -> bool:
    """Do the two places stand under one heading, or under two sibling headings (the first where their paths part:
    any two, `一、农村公路养护项目` and `二、城区道路养护项目`, whether or not they are items of one list) with headings
    of the same words below them, level for level (`一、A项目›（一）资金管理` and `二、B项目›（一）资金管理`, numbering
    marks left out)? A report's wording filled in for each such heading differs in its figures as they do."""
    first, second = draft.doc.section_path(a), draft.doc.section_path(b)
    shared = 0
    while shared < min(len(first), len(second)) and first[shared] == second[shared]:
        shared += 1
    mine, theirs = first[shared:], second[shared:]
    return len(mine) == len(theirs) and [_title(t) for t in mine[1:]] == [_title(t) for t in theirs[1:]]


def _title(heading: str) -> str:
    """A heading's words without its numbering mark."""
    mark = HEADING.match(heading)
    return heading[mark.end() :].strip() if mark else heading.strip()


def _comparable(m: Mention, q: Quantity) -> bool:
    ident = m.identity
    named = ident.complete() and ident.named and not ident.inferred and ident.item not in GENERIC_ITEMS
    return named and q.exact and q.kind not in ("bare", "pp")
