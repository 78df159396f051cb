"""Government debt stocks restated across a report: one balance or limit stated in two sections.

A budget report states its government's debt in a debt section (`截至2024年底，全省政府债务限额为 X 亿元`) and again
in another (`四、…` restating `2024年全省政府债务限额 X 亿元`). Such a figure names no fund and its two places stand
under different headings, so the identities of `explain.restatements` never join them. A debt stock has an identity
of its own, read from its words: what it measures (余额, 限额), of which debt (the whole, 一般债务, 专项债务, vocab
`debt_stocks`), the scope, the stage and the year whose end it stands at. Only a figure every part of whose identity
is stated is grouped: a scope no words state (`政府债务余额 X` in a report of both 全市 and 市本级) leaves it out, and so
does any date other than a year's end (`上年末`, `年初`, a month's end), which the context words do not read.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from tieout.linter.facts.model import DebtStock, Identity, Mention, Restatement, StockKey
from tieout.linter.figures.context import MIXED, Context
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex
from tieout.linter.text.model import Document
from tieout.linter.vocab import alternation, load

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

_VOCAB = load("relations").get("debt_stocks") or {}
DEBT_STOCK = regex(str(_VOCAB.get("item") or r"^(?P<kind>一般|专项)?债务(?P<measure>余额|限额)$"))
OTHER_DATE = regex(alternation(_VOCAB.get("other_dates")) or "年初")
OWN = {str(k): str(v) for k, v in (_VOCAB.get("own") or {}).items()}
# (the item may keep the name or not, as the labeller reads it: it is looked for in the label, right before the debt)
OWN_NAME = regex(rf"(?:{alternation(OWN)})(?=(?:地方)?(?:政府)?(?:法定)?(?:一般|专项)?债务)")
PART = regex(str(_VOCAB.get("part") or r"^(?P<kind>一般|专项)债务$"))
OPENING_PARTS = str(_VOCAB.get("opening_parts") or "其中")
YEAR = regex(r"^(?:19|20)\d{2}$")
WHOLE = "政府"  # the debt as a whole, in the name a finding gives the stock
MIN_PARAGRAPHS = 2


def debt_stocks(draft: Draft) -> Iterator[DebtStock]:
    """The mentions stating a debt stock every part of whose identity is stated, each with its one sum of money,
    in the mentions' order: read once, for the restatements and for the check against a debt table."""
    period = draft.facts.document_context.period
    reported = period if period is not None and YEAR.match(period) else None  # (the one year it reports on, if any)
    for m in draft.facts.mentions:
        q = sum_stated(m)
        key = stock_key(draft.doc, draft.by_sentence, m, reported) if q is not None else None
        if q is not None and key is not None:
            yield DebtStock(m, q, key)


def debt_restatements(stocks: list[DebtStock], grouped: list[Restatement]) -> Iterator[Restatement]:
    """Debt stocks of one identity stated in two paragraphs or more, none of them grouped already."""
    taken = {id(q) for r in grouped for _, q in r.figures}
    groups: dict[StockKey, list[tuple[Mention, Quantity]]] = {}
    for s in stocks:
        if id(s.figure) not in taken:
            groups.setdefault(s.key, []).append((s.mention, s.figure))
    for key, items in groups.items():
        if len({m.sentence for m, _ in items}) >= 2 and len({m.paragraph for m, _ in items}) >= MIN_PARAGRAPHS:
            items.sort(key=lambda x: x[1].start)
            yield Restatement(_identity(key), items)


def sum_stated(m: Mention) -> Quantity | None:
    """The mention's one exact sum of money in a money unit (a bare number in a table's text is no statement)."""
    found = [q for q in m.quantities if q.kind == "amount" and q.base_unit == "元" and q.exact]
    return found[0] if len(found) == 1 else None


def stock_key(
    doc: Document, by_sentence: Mapping[int, list[Mention]], m: Mention, reported: str | None
) -> StockKey | None:
    """The stock's identity, or None where any part of it is not stated with certainty. `reported`: the year the
    document reports on (its context's period, where that is one year)."""
    ident = m.identity
    if ident.inferred:
        return None
    measured = _measured(doc, by_sentence, m)
    if measured is None:
        return None
    context = ident.context
    scope, stage, year = _scope(m), context.stage, context.period
    if scope in (None, MIXED) or year is None or not YEAR.match(year):
        return None
    # (a stage the headings leave open, or make two, `MIXED` in a report on one year's execution and the next one's
    # budget, is the outturn where the sentence dates the stock at a year's end it has reached)
    if stage in (None, MIXED) and _closed_at_year_end(doc, m, year, reported):
        stage = OUTTURN
    if stage in (None, MIXED):
        return None
    if _dated_otherwise(doc, m):
        return None
    measure, kind = measured
    return measure, kind, str(scope), str(stage), year


def _scope(m: Mention) -> str | None:
    """The scope its context states, or the whole jurisdiction the government names itself by in the item
    (`我省政府债务余额`: 全省); None where the two disagree."""
    stated = m.identity.context.scope
    named = OWN_NAME.search(m.label)
    own = OWN.get(named.group()) if named is not None else None
    if own is None:
        return stated
    return own if stated in (None, own) else None


def _measured(doc: Document, by_sentence: Mapping[int, list[Mention]], m: Mention) -> tuple[str, str] | None:
    """What the stock measures and of which debt: from its own item (`一般债务余额`), or, a kind named alone
    (`一般债务 a`), from the whole whose list it stands in (`政府债务限额 A，其中：一般债务 a`)."""
    stock = DEBT_STOCK.match(m.identity.item)
    if stock is not None:
        return stock.group("measure"), stock.group("kind") or ""
    part = PART.match(m.identity.item)
    whole = _whole_listing(doc, by_sentence, m) if part is not None else None
    return (whole, part.group("kind")) if part is not None and whole is not None else None


def _whole_listing(doc: Document, by_sentence: Mapping[int, list[Mention]], m: Mention) -> str | None:
    """The measure of the debt as a whole stated last before the mention in its sentence, where the words
    between open the list of its parts (`其中`) and state no other figure of a stock; None where there is none."""
    before = [x for x in by_sentence.get(m.sentence) or [] if x.start < m.start]
    for x in reversed(before):
        stock = DEBT_STOCK.match(x.identity.item)
        if stock is not None and not stock.group("kind"):
            between = doc.text[x.quantities[-1].end : m.start]
            return stock.group("measure") if OPENING_PARTS in between else None
        if PART.match(x.identity.item) is None:
            return None  # (another figure between: the list, if any, is of another whole)
    return None


# a sentence opening with the end of a year and nothing else before the stock's name (`截至2025年末，`, `2025年底，`):
# `截至` dates what was reached by then, never a plan
YEAR_END_OPENING = regex(r"(?P<until>截至|截止)?(?P<year>(?:19|20)\d{2})年(?:末|底)[，,]?")
OUTTURN = "执行"  # the stage of what was done: a stock the year closed with


def _closed_at_year_end(doc: Document, m: Mention, year: str, reported: str | None) -> bool:
    """Is the stock, of no one stage its words or headings state, the one its year closed with: its sentence opening
    with that year's end (`截至2025年末，全省政府债务余额 A`) and then its name alone, figure right after it? The year
    is one the document reports on or before it, where the document names one year; where it names none (a report
    on one year's execution and the next year's budget), the words must say `截至`. A stock so dated is what the debt
    came to, not a plan (`2026年末…控制在`, `力争…`), whatever section restates it."""
    if reported is not None and year > reported:
        return False
    sentence = doc.sentences[m.sentence]
    before = doc.text[sentence.start : m.start]
    at = before.rfind(m.label) if m.label else -1
    opening = YEAR_END_OPENING.fullmatch(before[:at].strip()) if at >= 0 else None
    if opening is None or opening.group("year") != year or before[at + len(m.label) :].strip():
        return False
    return opening.group("until") is not None or reported is not None


def _dated_otherwise(doc: Document, m: Mention) -> bool:
    """Do the words of its sentence before the figure date it otherwise than its year's end (`上年末`, `年初`)?"""
    sentence = doc.sentences[m.sentence]
    return OTHER_DATE.search(doc.text, sentence.start, m.start) is not None


def _identity(key: StockKey) -> Identity:
    """The identity a finding names the stock by (`全省一般债务余额`, of its year)."""
    measure, kind, scope, stage, year = key
    item = f"{scope}{kind or WHOLE}债务{measure}"
    return Identity(item, Context(scope=scope, stage=stage, period=year), named=True)
