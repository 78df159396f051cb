"""A stock rolled forward in one sentence: `上年末政府债务余额 A，当年新增 B，偿还 C，年末政府债务余额 D` states
D = A + B − C.

Read only where the sentence leaves nothing open: an opening stock (`余额`, `结余`, `结存` named at the
year's start: `年初`, `上年末`, or the year-end of the year before the closing's), then figures each named as
money coming in (`新增`, `补充` …) or going out (`偿还`, `动用` …), then the closing stock of the same thing
named at the year's end; every figure a sum of money, none of them anything else (vocab `roll_forward`).
A closing stock is also the opening one plus the year's surplus (`_with_surplus`), the opening named by last year
alone (`上年结余`, `上年结转`) only right between the surplus and the closing (`本年收支结余 a，上年结转 A，滚存结余 D`).
The same written backwards: the closing stock, the flows, the opening stock ending the sentence (`年末余额 D，其中
当年新增 B、偿还 C，上年末余额 A`), the closing stock ending the sentence before when the flows open this one.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Mention, RollForward
from tieout.linter.facts.passes.base import (
    drawn_from_balance,
    foots,
    in_brackets,
    labels_holding,
    same_section,
    sentence_of,
)
from tieout.linter.figures.context import read
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex
from tieout.linter.vocab import alternation, load

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

_VOCAB = load("relations").get("roll_forward") or {}


def _alt(name: str) -> str:
    return alternation(_VOCAB.get(name))


# the verb a figure follows, which a stock's label may end in (`年末政府债务余额为 D`, `历年滚存结余达到 D`)
COPULA_WORDS = "(?:为|是|达到|达)"
STOCK_END = f"(?:{_alt('stock')}){COPULA_WORDS}?$"
STOCK = regex(STOCK_END)
COPULA = regex(f"(?<=[额余存]){COPULA_WORDS}$")
OPENING_WORDS = _alt("opening")
OPENING = regex(OPENING_WORDS)
# (a part-year report's stock at the end of its months, `6月末滚存结余`, closes its period as 年末 closes a year's)
_MONTH_END = r"(?<![上本])({}1[0-2]|[1-9])月(?:末|底)"  # (`{}`: the month's group, "?:" where none is kept)
MONTH_END = _MONTH_END.format("?:")
CLOSING_WORDS = f"{_alt('closing')}|{MONTH_END}"
CLOSING = regex(CLOSING_WORDS)
MONTH_END_OF = regex(_MONTH_END.format(""))
CUT_OFF = regex(r"((?:19|20)\d{2})-(\d{2})")
INFLOW = regex(_alt("inflow"))
OUTFLOW = regex(_alt("outflow"))
YEAR_END = regex(r"((?:19|20)\d{2})年(?:末|底)")
YEAR = regex(r"(?:19|20)\d{2}年")
PERIOD_WORDS = regex(f"(?:19|20)\\d{{2}}年(?:末|底|度)?|{_alt('opening')}|{_alt('closing')}|{MONTH_END}|当年|本年")


def _money(m: Mention) -> Quantity | None:
    amounts = [q for q in m.quantities if q.kind != "bare"]
    if len(amounts) != 1 or amounts[0].base_unit != "元" or not amounts[0].exact:
        return None
    return amounts[0]


def _year_end(label: str) -> int | None:
    found = YEAR_END.search(label)
    return int(found.group(1)) if found else None


def _stock(label: str) -> str:
    """What a stock is of: its label without the words of its date (`2023年末全市政府债务余额`: 全市政府债务余额)."""
    return PERIOD_WORDS.sub("", COPULA.sub("", label))


def same_stock(opening: str, closing: str) -> bool:
    a, b = _stock(opening), _stock(closing)
    return bool(a) and bool(b) and (a.endswith(b) or b.endswith(a))


def _same_stock_of(opening: Mention, closing: Mention) -> bool:
    """Are two figures of the same stock, by their labels or, where words around the name differ (`加上2025年末滚存
    结余`, `预计2026年末滚存结余`), by their items?"""
    items = (opening.identity.item or "", closing.identity.item or "")
    return same_stock(opening.label, closing.label) or same_stock(*items)


def _closing_year(closing: Mention) -> int | None:
    """The year a closing stock ends: named in its label (`2024年末余额`), or, for a bare `年末余额`, the whole year
    its context states (`2023年末余额 A，2024年动用 B，年末余额 D`: the sentence's 2024, or the document's)."""
    named = _year_end(closing.label)
    if named is not None or CLOSING.search(_year_free(closing.label)) is None:
        return named
    period = closing.identity.context.period or ""
    if period.isdigit():
        return int(period)
    # (a cut-off, `2025-06`, is the closing's date only where its label names that month's end, `6月末余额`: a bare
    # `年末余额` in a part-year report may be the year's end to come; nor is a relative `+0` a year)
    month = MONTH_END_OF.search(_year_free(closing.label))
    cut = CUT_OFF.fullmatch(period)
    return int(cut.group(1)) if month and cut and int(month.group(1)) == int(cut.group(2)) else None


def _year_free(label: str) -> str:
    return YEAR.sub("", label)


def _is_opening(label: str, closing: Mention) -> bool:
    if not STOCK.search(label):
        return False
    year, last = _year_end(label), _closing_year(closing)
    if year is not None:  # `2023年末…余额` opens the year a `2024年末…余额` closes
        return last is not None and year == last - 1
    return bool(OPENING.search(label))


ALLOCATED = regex(_alt("allocated"))
REMAINDER = regex(_alt("remainder"))
NOT_A_FLOW = regex(r"总计|合计|小计|" + _alt("stock"))  # a total or a stock between is no single flow
# money named by the balance it was left in (`收回部门结余结转资金补充 C`): where it comes from, no stock stated, when
# a verb of money moving ends the label (the figure is that verb's sum; `收回结余资金 c` before `补充 C` is a source)
BALANCE_MONEY = regex(r"(?:结余|结转)+资金")
VERB_LAST = regex(f"(?:{_alt('inflow')}|{_alt('outflow')})$")


def _flow(label: str) -> int:
    """+1 for money coming in, −1 for money going out, 0 when the label says neither or both, or names a total
    or a stock."""
    if NOT_A_FLOW.search(BALANCE_MONEY.sub("", label) if VERB_LAST.search(label) else label):
        return 0
    inflow, outflow = bool(INFLOW.search(label)), bool(OUTFLOW.search(label))
    return 0 if inflow == outflow else (1 if inflow else -1)


def _key_characters(names: list[str]) -> frozenset[str]:
    """A few characters, one of each word at least: of each, the one the most words share (余 of 余额 and 结余)."""
    return frozenset(max(w, key=lambda c: sum(c in v for v in names)) for w in names)


# a character of each word naming a stock or a remainder: a label holding none names neither
_STOCK_KEYS = _key_characters([str(w) for name in ("stock", "remainder") for w in _VOCAB.get(name) or []])


def _names_stock(label: str) -> bool:
    """Can the label name a stock (STOCK) or a remainder (REMAINDER, all its characters in the label)? Every
    reading closes on one (or opens on a stock, written backwards): other figures and sentences are passed over
    at once, their patterns not tried."""
    return any(c in label for c in _STOCK_KEYS)


def roll_forwards(draft: Draft) -> Iterator[RollForward]:
    # the totals of sums written up to them (`当年结余 a，加上年末滚存结余 A，年末滚存结余 D`: a chain, read as such)
    summed = {id(b.total) for b in draft.facts.breakdowns if b.parts and all(p.start < b.total.start for p in b.parts)}
    # (the sentences one of whose labels holds a key character: found by one scan of the labels, not a join per sentence)
    for si in labels_holding(draft, _STOCK_KEYS):
        said = draft.by_sentence[si]
        # (figures in brackets note what one before holds: `年末补充 C（其中超收收入 a、预备费结余 b）` is one flow)
        mentions = [m for m in said if not in_brackets(draft, si, m.start)]
        for k, closing in enumerate(mentions):
            if id(closing) in summed or not _names_stock(closing.label):
                continue
            found = _read(draft, said, mentions, k, si) or _bracketed(draft, said, closing, si)
            if found is None and k == len(mentions) - 1 and k >= 1 and _opens_year(closing):
                # (`closing` is the sentence's last figure, an opening stock: a chain written backwards)
                found = _backwards(draft, mentions, si)
            # (what the sentence before the read moves: the sentence before the opening stock's, which a read across
            # sentences (`_across`) takes the flows of its own sentences from)
            if found is None or _moved_the_sentence_before(draft, sentence_of(draft, found.opening.start)):
                continue
            if _scopes_agree(draft, found) and not _one_part_closed(draft, found):
                yield found
    yield from _remainders_after(draft, summed)


def _outside_brackets(draft: Draft, q: Quantity) -> tuple[list[Mention], int] | None:
    """The figures of the sentence of `q` outside brackets, and the index among them of the one `q` is of."""
    si = sentence_of(draft, q.start)
    said = [m for m in draft.by_sentence.get(si) or [] if not in_brackets(draft, si, m.start)]
    return next(((said, i) for i, m in enumerate(said) if any(x is q for x in m.quantities)), None)


def _mention_of(draft: Draft, q: Quantity) -> Mention | None:
    """The figure `q` is of, in brackets or not."""
    said = draft.by_sentence.get(sentence_of(draft, q.start)) or []
    return next((m for m in said if any(x is q for x in m.quantities)), None)


def _shared_ending(a: str, b: str) -> int:
    """How many characters two words end with alike."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


# words opening the parts of what is said before them (`其中统筹基金滚存结余 d`): a part, no sibling
OPENS_PARTS = regex(r"^[，、；;：:\s]*其中")


def _own_words(closing: Mention, after: Mention) -> str:
    """The words the closing stock has of its own where the figure right after it is a sibling balance, the same stock
    with other words before it at the same date (`6月末统筹基金累计结余 D，个人账户累计结余 E`: 统筹基金); "" where
    it is none."""
    if OPENS_PARTS.match(after.label) or _money(after) is None or OPENING.search(after.label):
        return ""
    mine, theirs = _stock(closing.label), _stock(after.label)
    n = _shared_ending(mine, theirs)
    if n in (len(mine), len(theirs)) or not STOCK.search(mine[len(mine) - n :]):
        return ""
    return mine[: len(mine) - n]


def _one_part_closed(draft: Draft, found: RollForward) -> bool:
    """Does the reading close on a part of the stock it opens, a sibling balance after it splitting the stock (`加上年初
    滚存结余 A，6月末统筹基金累计结余 D，个人账户累计结余 E`: D + E, not D, is A plus the surplus)? Not where the
    opening names the same part (`年初统筹基金滚存结余 A`)."""
    closed, opening = _outside_brackets(draft, found.closing), _mention_of(draft, found.opening)
    if closed is None:
        return False
    said, k = closed
    own = _own_words(said[k], said[k + 1]) if k + 1 < len(said) else ""
    return bool(own) and (opening is None or own not in _stock(opening.identity.item or opening.label))


def _read(draft: Draft, said: list[Mention], mentions: list[Mention], k: int, si: int) -> RollForward | None:
    """The stock `mentions[k]` closes, read forwards: in its sentence, or, opening it, from the sentences before."""
    closing = mentions[k]
    if STOCK.search(closing.label) and _dated_closing(draft, mentions, k):
        if _moved_after(draft, mentions, k, si):
            return None
        found = _of_closing(draft, mentions, said, k, si)
        if found is not None or any(_opens_year(m) for m in mentions[:k]):
            return found
        return _across(draft, si, closing, mentions[:k])
    if REMAINDER.fullmatch(_stock(closing.label)) and k >= 2:
        return _remainder(mentions[:k], closing, si)
    return None


# the words opening the sentence right after a closing stock that go on to say what it holds or why it stands so
# (vocab `closing_explained`: `年末余额 D。其中…`, `年末余额中包括…`, `主要是…`)
CLOSING_EXPLAINED = regex(f"^\\s*(?:{_alt('closing_explained')})")


def _moved_after(draft: Draft, mentions: list[Mention], k: int, si: int) -> bool:
    """Does money move in or out of the stock after its closing figure (`年末余额 D，其中年终补充 C`, `年末余额 D，主要是
    将超收收入 C 补充预算稳定调节基金`; `年末余额 D。年末余额中包括…补充的 C`)? The closing then holds money the flows
    before it leave out, whether C came before or after the year's other flows: no sum is read up to it. Looked for
    in the rest of its sentence, a figure moving money by its label or the words after it, and in the sentence
    right after when it opens by saying what the closing holds, a sum there and a verb of money moving."""
    # (the stock by each name the sentence gives it up to the closing: `年末余额` names no fund, `…调节基金余额` does)
    stocks = [m.label for m in mentions[: k + 1] if STOCK.search(m.label)]
    after = mentions[k + 1 :]
    # (a verb of money moving in the label is enough, whatever else it names: `其中以结余资金补充 C`)
    if any(moves_stock(m.label) or any(_flow_after(draft, m, name) != 0 for name in stocks) for m in after):
        return True
    sentences = draft.doc.sentences
    if si + 1 >= len(sentences) or not _same_paragraph(draft, si, si + 1):
        return False
    nxt = sentences[si + 1]
    words = draft.doc.text[nxt.start : nxt.end]
    sums = [m for m in draft.by_sentence.get(si + 1) or [] if _money(m) is not None]
    return (
        bool(sums)
        and CLOSING_EXPLAINED.match(words) is not None
        and (moves_stock(words) or SPENT_AFTER.search(words) is not None)
    )


def moves_stock(words: str) -> bool:
    """Do the words name money moving into or out of a stock (`补充`, `动用`, `调入预算`)?"""
    return INFLOW.search(words) is not None or OUTFLOW.search(words) is not None


def _scope_of(draft: Draft, m: Mention) -> str | None:
    """The scope a figure is of (全市, 市本级…): its label's, else what its sentence states up to it; None where
    neither states one."""
    sentence = draft.doc.sentences[m.sentence]
    return read(m.label).context.scope or read(draft.doc.text[sentence.start : m.start]).context.scope


def _scopes_agree(draft: Draft, found: RollForward) -> bool:
    """Are the opening, the flows and the closing of one scope, as far as they are stated (`全市…年初余额 A。市本级
    调入 B，市本级年末余额 D`: 全市's stock opens, 市本级's closes; two stocks, no roll-forward)? A figure stating two
    scopes (context MIXED) agrees with none."""
    figures = {id(q) for q in (found.opening, *found.inflows, *found.outflows, found.closing)}
    first = min(sentence_of(draft, found.opening.start), found.sentence)
    scopes = {
        _scope_of(draft, m)
        for si in range(first, max(found.sentence, sentence_of(draft, found.opening.start)) + 1)
        for m in draft.by_sentence.get(si) or []
        if any(id(q) in figures for q in m.quantities)
    }
    scopes.discard(None)
    return len(scopes) <= 1


def _dated_closing(draft: Draft, mentions: list[Mention], k: int) -> bool:
    """Is the stock `mentions[k]` dated to its period's end: by its label, or by the date opening its sentence (`…余额
    A。当年发行 B，偿还 C。截至2025年末，全县政府债务余额 D`), never a year's start (`截至上年末`: 上年末 holds 年末 too);
    or accumulated (`累计结余`) with an amount carried in before it?"""
    closing = mentions[k]
    lead = _lead_date(draft, closing, closing)
    if CLOSING.search(closing.label if OPENING.search(lead) else lead + closing.label):
        return True
    return bool(ACCUMULATED.match(closing.label)) and _carried_in(draft, mentions, k) is not None


# how many sentences before a closing stock opening its sentence the opening one may stand, flows between
_ACROSS = 3


def _across(draft: Draft, si: int, closing: Mention, before: list[Mention]) -> RollForward | None:
    """`年初余额 A。当年补充 B，其中…；动用 C，用于…。年末余额 D。`: a closing stock after sentences of the same paragraph
    under the same heading that name an opening stock of the same thing and nothing after it but flows (a flow's
    parts counted in it), its own sentence holding flows alone before it (`before`: `…余额 A。年度执行中动用 C，年终
    补充 B，年末余额为 D。`). A link between sentences: found only as likely (a warning)."""
    end = _money(closing)
    if end is None:
        return None
    flows: list[Mention] = list(before)
    for sj in range(si - 1, max(si - 1 - _ACROSS, -1), -1):
        said = [m for m in draft.by_sentence.get(sj) or [] if not in_brackets(draft, sj, m.start)]
        if not said or not _near_paragraph(draft, sj, si):
            return None
        flows = said + flows
        # (the year's start may be the date opening the opening stock's sentence: `2023年初，…余额 A。`, or the end of
        # the year before the closing's: `2024年末…余额 A。2025年新增 B，…2025年末余额 D`)
        at = next(
            (
                i
                for i in range(len(flows) - 1, -1, -1)
                if _opens_year(flows[i], lead := _lead_date(draft, flows[i], closing))
                or (STOCK.search(flows[i].label) and _is_opening(lead + flows[i].label, closing))
            ),
            None,
        )
        if at is None:
            continue
        opening = flows[at]
        start = _money(opening)
        read = _read_flows(draft, flows[at + 1 :], opening.label, (start, end))
        if (
            start is None
            or not read
            or any(q is None or sign == 0 for q, sign in read)
            or not _is_opening(_lead_date(draft, opening, closing) + opening.label, closing)
            or not _same_stock_of(opening, closing)  # (`全区政府债务余额` and `预计…政府债务余额`: one item)
            or _moved_the_sentence_before(draft, sj)
        ):
            return None
        return _rolled(start, read, end, si, False)
    return None


def _same_paragraph(draft: Draft, sj: int, si: int) -> bool:
    a, b = draft.doc.sentences[sj], draft.doc.sentences[si]
    return a.paragraph == b.paragraph and same_section(draft, a.start, b.start)


def _near_paragraph(draft: Draft, sj: int, si: int) -> bool:
    """Are two sentences of one paragraph, or is `si`'s paragraph the one right after `sj`'s, under the same heading,
    its line wrapped on from it (`_wrapped_on`)?"""
    a, b = draft.doc.sentences[sj], draft.doc.sentences[si]
    if not same_section(draft, a.start, b.start):
        return False
    return a.paragraph == b.paragraph or (b.paragraph == a.paragraph + 1 and _wrapped_on(draft, sj, si))


INDENT = " \t\u3000"


def _wrapped_on(draft: Draft, sj: int, si: int) -> bool:
    """Does `si`'s paragraph go on with `sj`'s, the one before: text laid out with its paragraphs' first lines
    indented, `sj`'s so, `si`'s flush left (`　　…年末余额 A。` / `当年调入 B…，年末余额 D。`)? A line ending at a 。 is
    read as a paragraph's end; a line not indented after it is the statement wrapped on. Where no line is indented the
    layout says nothing: two paragraphs."""
    doc = draft.doc
    return _indented(draft, doc.paragraph_of(sj).start) and not _indented(draft, doc.paragraph_of(si).start)


def _indented(draft: Draft, si: int) -> bool:
    """Does the sentence open its line of the original text after an indent, nothing else before it there?"""
    doc = draft.doc
    at = doc.origin[doc.sentences[si].start]
    lead = doc.original[doc.original.rfind("\n", 0, at) + 1 : at]
    return bool(lead) and not lead.strip(INDENT)


# a closing stock explained right after it by the arithmetic that gives it (`年末结转和结余 D，系年初结转和结余 A 加本年
# 收入 B 减本年支出 C 后的余额`): the opening stock after a word saying what the closing is, then figures each opening
# with the sign it is taken with, then the words saying the closing is what is left
EXPLAINED = regex(r"^[，,\s]*(?:系|即|为|是)")
SIGNED = regex(r"^[，,、\s]*(?:(?P<plus>再?加上?)|减去?)(?![大快强紧入班速深重少轻缓免负])")
LEFT_WHEN_EXPLAINED = regex(r"\s*后的?(?:余额|结余|金额|净额)")


def _explained(draft: Draft, mentions: list[Mention], k: int, si: int) -> RollForward | None:
    """D = A + B − C where the closing stock D is explained after it as its opening stock A with figures added
    (`加`) and taken away (`减`), up to the words saying D is what that leaves (`后的余额`); every sign written."""
    closing, after = mentions[k], mentions[k + 1 :]
    said = EXPLAINED.match(after[0].label) if len(after) >= 2 else None
    if said is None:
        return None
    opening = after[0].label[said.end() :]
    if not (_is_opening(opening, closing) and same_stock(opening, closing.label)):
        return None
    flows: list[tuple[Quantity | None, int]] = []
    for m in after[1:]:
        sign = SIGNED.match(m.label)
        if sign is None:
            return None
        flows.append((_money(m), 1 if sign.group("plus") is not None else -1))
        if LEFT_WHEN_EXPLAINED.match(draft.doc.text, m.quantities[-1].end):
            break
    else:
        return None  # (no words saying the closing is what is left)
    start, end = _money(after[0]), _money(closing)
    if start is None or end is None or any(q is None for q, _ in flows):
        return None
    return _rolled(start, flows, end, si)


# what closes brackets of a note right after its last figure
NOTE_CLOSED = regex(r"\s*[）)]")


def _bracketed(draft: Draft, said: list[Mention], closing: Mention, si: int) -> RollForward | None:
    """`财政拨款结转结余 D（年初财政拨款结转结余 A，加本年财政拨款收入 B，减本年财政拨款支出 C）`: a stock explained in
    the brackets right after it as its opening stock (the same thing named at the year's start) with figures added
    (`加`) and taken away (`减`), each sign written, the brackets closing after the last; the stock need not be named
    at the year's end (its sentence names it so: `年末结转和结余 X，其中：…`). Any other figure in the brackets, a
    flow unsigned, or the brackets going on: nothing is read."""
    # (in the text's order: the facts list a sentence's figures in brackets after the others)
    noted = _noted(draft, sorted(said, key=lambda m: m.start), closing)
    if len(noted) < 2 or not _is_opening(noted[0].label, closing) or not same_stock(noted[0].label, closing.label):
        return None
    if NOTE_CLOSED.match(draft.doc.text, noted[-1].quantities[-1].end) is None:
        return None
    flows: list[tuple[Quantity | None, int]] = []
    for m in noted[1:]:
        sign = SIGNED.match(m.label)
        if sign is None:
            return None
        flows.append((_money(m), 1 if sign.group("plus") is not None else -1))
    start, end = _money(noted[0]), _money(closing)
    if start is None or end is None or any(q is None for q, _ in flows):
        return None
    return _rolled(start, flows, end, si)


def _of_closing(draft: Draft, mentions: list[Mention], said: list[Mention], k: int, si: int) -> RollForward | None:
    """The roll-forward a closing stock (mentions[k]) closes: explained after it, read from its opening stock and
    the flows before it, or its opening stock plus the year's surplus."""
    closing = mentions[k]
    return (
        _explained(draft, mentions, k, si)
        or (_reading(draft, mentions[:k], closing, si) if k >= 2 else None)
        or _with_surplus(draft, mentions, k, si, _noted(draft, said, closing))
    )


def _moved_the_sentence_before(draft: Draft, si: int) -> bool:
    """Does the sentence right before, in the same paragraph, move money into or out of the same stock (`…补充预算
    稳定调节基金，全年共补充 C。预算稳定调节基金年初余额 A，调入预算 B，年末余额 D`: D = A + C − B)? The flows the
    sentence lists are then not all of the year's."""
    said = draft.by_sentence.get(si) or []
    if si < 1 or not said:
        return False
    # (a PDF's line ending at a 。 may end the paragraph as read: the sentence closing the paragraph right before,
    # under the same heading, is as near)
    before, own = draft.doc.sentences[si - 1], draft.doc.sentences[si]
    if before.paragraph != own.paragraph and not (
        before.paragraph == own.paragraph - 1 and same_section(draft, before.start, own.start)
    ):
        return False
    # what the stock is of, as the sentence's first figure names it (`省级预算稳定调节基金年初余额`), its scope words
    # maybe left out before (`补充预算稳定调节基金`): a name of four characters or more ending it
    name = STOCK.sub("", _stock(said[0].label))
    words = draft.doc.text[before.start : before.end]
    if len(name) < 4 or not any(name[k:] in words for k in range(len(name) - 3)):
        return False
    # (the verb may follow its figure, `将上年超收收入 C 补充预算稳定调节基金`: a sum of the sentence, the verb in it)
    sums = [m for m in draft.by_sentence.get(si - 1) or [] if _money(m) is not None]
    return any(_flow(m.label) != 0 for m in sums) or bool(sums and moves_stock(words))


def _opens_year(m: Mention, lead: str = "") -> bool:
    """Is the figure a stock at the year's start (`年初余额`, `上年末余额`: 上年末 holds 年末 too), by its label or the
    date opening its sentence before it (`lead`, `_lead_date`)?"""
    return bool(STOCK.search(m.label) and OPENING.search(lead + m.label))


def _backwards(draft: Draft, mentions: list[Mention], si: int) -> RollForward | None:
    """`年末余额 E，其中当年新增 N、偿还 R，上年末余额 S`: the closing stock first, then the flows, the opening stock of
    the same thing last (its sentence's last figure): E = S + N − R. The closing stands right before the flows in the
    sentence, or, where the flows open it (`全年举借 N，偿还本金 R，年初余额 S`), ends the sentence right before under
    the same heading (no other sum after it there: `年末债务余额 E，为限额的 p%。`), a figure taken from it."""
    opening = mentions[-1]
    i = len(mentions) - 2
    while i >= 0 and _flow(mentions[i].label) != 0:
        i -= 1
    flows = [(_money(m), _flow(m.label)) for m in mentions[i + 1 : -1]]
    closing, certain = (mentions[i], True) if i >= 0 else (_closing_before(draft, si, opening), False)
    if not flows or closing is None or any(q is None for q, _ in flows):
        return None
    if not (STOCK.search(closing.label) and CLOSING.search(closing.label)):
        return None
    if not (_is_opening(opening.label, closing) and same_stock(opening.label, closing.label)):
        return None
    start, end = _money(opening), _money(closing)
    if start is None or end is None:
        return None
    return _rolled(start, flows, end, si, certain)


def _closing_before(draft: Draft, si: int, opening: Mention) -> Mention | None:
    """The last sum of the sentence right before, under the same heading, if no other sum follows it there."""
    said = [m for m in draft.by_sentence.get(si - 1) or [] if _money(m) is not None]
    if not said or not same_section(draft, said[-1].start, opening.start):
        return None
    return said[-1]


def _remainder(before: list[Mention], closing: Mention, sentence: int) -> RollForward | None:
    """`预备费年初安排 A，全年动用 B，剩余 C`: what is left (named by nothing but the word, so of the sum set aside
    before it) of the nearest sum set aside, every figure between them money going out."""
    end = _money(closing)
    if end is None:
        return None
    for i in range(len(before) - 1, -1, -1):
        if not ALLOCATED.search(before[i].label):
            continue
        start = _money(before[i])
        flows = [(_money(m), _flow(m.label)) for m in before[i + 1 :]]
        if start is None or not flows or any(q is None or sign >= 0 for q, sign in flows):
            return None
        return RollForward(start, [], [q for q, _ in flows if q is not None], end, sentence)
    return None


# what is left of a sum set aside, opening the sentence after the one that sets it aside (`未动用的 C`, `其余 C`), the
# name of the sum maybe after it (`年末未动用的预备费 C`)
LEFT_AFTER = regex(f"(?:{_alt('remainder')}|{_alt('remainder_after')})(?:的)?")
# a key character of each of those words (余, 用): a sentence whose labels hold none opens with no such remainder
_AFTER_KEYS = _key_characters([str(w) for name in ("remainder", "remainder_after") for w in _VOCAB.get(name) or []])
# a flow of a budget (`一般公共预算支出 A`) is no sum set aside, whatever its words say of a budget
A_BUDGET_FLOW = regex(r"收入|支出")


def _remainders_after(draft: Draft, summed: set[int]) -> Iterator[RollForward]:
    """`预备费年初安排 A，当年动用 B，主要用于…。未动用的 C 转入…` (`其余 C 未动用`), and `预算安排预备费 A。全年动用 B，
    主要用于…，剩余 C`: what is left of a sum set aside, stated in the sentence after the one setting it aside, in
    one paragraph: C = A − the money drawn. Read where the sentence before states nothing but the sum set aside
    (its first figure) and the money drawn on it, and the sentence of the remainder nothing before it but money
    drawn (inferred: read across sentences)."""
    for si in labels_holding(draft, _AFTER_KEYS):
        if si < 1:
            continue
        said = draft.by_sentence[si]
        mentions = [m for m in said if m.quantities and not in_brackets(draft, si, m.start)]
        k = next((i for i, m in enumerate(mentions) if _flow(m.label) >= 0 or _left_after(m)), None)
        if k is None or id(mentions[k]) in summed or not _left_after(mentions[k]):
            continue
        found = _set_aside_before(draft, si, mentions[:k], mentions[k])
        if found is not None:
            yield found


def _left_after(m: Mention) -> bool:
    """Is the figure named as what is left (`未动用的`, `其余`), no flow (`未动用` holds `动用`)?"""
    return LEFT_AFTER.fullmatch(_stock(m.label)) is not None or _left_named(m) is not None


def _left_named(m: Mention) -> str | None:
    """The name after the words of what is left (`未动用的预备费`: 预备费), if the label is so written."""
    found = LEFT_AFTER.match(_stock(m.label))
    rest = _stock(m.label)[found.end() :] if found else ""
    return rest if len(rest) >= 2 and not moves_stock(rest) else None


def _set_aside_before(draft: Draft, si: int, drawn: list[Mention], left: Mention) -> RollForward | None:
    """The roll-forward of the sum set aside in the sentence before (same paragraph) that `left` is what is left
    of, `drawn` the figures of money drawn before `left` in its own sentence."""
    sentences = draft.doc.sentences
    if sentences[si - 1].paragraph != sentences[si].paragraph:
        return None
    before = [
        m for m in draft.by_sentence.get(si - 1) or [] if m.quantities and not in_brackets(draft, si - 1, m.start)
    ]
    if not before or not ALLOCATED.search(before[0].label) or A_BUDGET_FLOW.search(before[0].label):
        return None
    flows = [*before[1:], *drawn]
    if not flows or any(_flow(m.label) != -1 or _left_after(m) for m in flows):
        return None
    start, end = _money(before[0]), _money(left)
    outflows = [_money(m) for m in flows]
    if start is None or end is None or any(q is None for q in outflows):
        return None
    name = _left_named(left)
    if name is not None and name not in draft.doc.text[sentences[si - 1].start : start.start]:
        return None  # (`未动用的预备费 C`: what is left of the sum the sentence before sets aside, by its name)
    return RollForward(start, [], [q for q in outflows if q is not None], end, si, certain=False)


def _reading(draft: Draft, before: list[Mention], closing: Mention, sentence: int) -> RollForward | None:
    """The opening stock and the flows after it, when every figure between them and the closing is a flow."""
    end = _money(closing)
    if end is None:
        return None
    for i in range(len(before) - 2, -1, -1):  # the nearest opening with at least one flow after it
        opening = before[i]
        label = _lead_date(draft, opening, closing) + opening.label
        if not _is_opening(label, closing) or not same_stock(opening.label, closing.label):
            continue
        start = _money(opening)
        flows = _read_flows(draft, before[i + 1 :], opening.label, (start, end))
        if start is None or any(q is None or sign == 0 for q, sign in flows):
            return None
        return _rolled(start, flows, end, sentence)
    return None


def _rolled(
    start: Quantity, flows: list[tuple[Quantity | None, int]], end: Quantity, si: int, certain: bool = True
) -> RollForward:
    """The roll-forward from `start` to `end` through flows signed in (> 0) or out (< 0)."""
    inflows = [q for q, sign in flows if q is not None and sign > 0]
    outflows = [q for q, sign in flows if q is not None and sign < 0]
    return RollForward(start, inflows, outflows, end, si, certain)


def _read_flows(
    draft: Draft, said: list[Mention], stock: str, ends: tuple[Quantity | None, Quantity]
) -> list[tuple[Quantity | None, int]]:
    """The flows `said` moves the stock by (`_flows`), between the opening and the closing stock (`ends`). A part of
    money coming in that the words after it say was spent (`补充 B，其中 a 用于平衡当年预算`) may have left the stock
    within the year or stayed in it set aside: the text does not say which for certain. It is counted going out only
    where that reading makes the closing and the other does not (a text that holds either way is no mistake; one that
    holds neither way is read as before, the part within its flow)."""
    plain = _without_sources(_flows(draft, said, stock))
    start, end = ends
    if start is None or _holds(start, plain, end):
        return plain
    spent = _without_sources(_flows(draft, said, stock, spent=True))
    return spent if _holds(start, spent, end) else plain


def _holds(start: Quantity, flows: list[tuple[Quantity | None, int]], end: Quantity) -> bool:
    """Is the closing the opening plus the money coming in less the money going out, each figure to its precision?"""
    if any(q is None or sign == 0 for q, sign in flows):
        return False
    return foots(end, [start, *(q for q, sign in flows if q and sign > 0)], [q for q, sign in flows if q and sign < 0])


def _flows(
    draft: Draft, said: list[Mention], stock: str = "", spent: bool = False
) -> list[tuple[Quantity | None, int]]:
    """Each figure's sum and sign as a flow, a flow and its parts counted once: the parts of a total among the
    figures left out (`补充 C，其中超收收入 a、预备费结余 b；动用 B`: C and B), and a total named by its sum alone
    (`已动用 a，拟再动用 b，合计动用 B`) moving the money its parts all move. A figure whose label says neither may
    be moved by the words right after it (`_flow_after`; `stock`: the opening stock's label)."""
    listed = {id(m) for m in said}
    totals = {id(b.total): b for b in draft.facts.breakdowns if b.parts and not b.minus and id(b.total) in listed}
    parts = {id(p) for b in totals.values() for p in b.parts}
    out: list[tuple[Quantity | None, int]] = []
    # (`spent`: the parts of money coming in that the words after say were spent, `补充 B，其中 a 用于平衡当年预算`, read
    # as having come in with B and left again)
    gone = {
        id(p) for b in totals.values() if spent and _flow(b.total.label) > 0 for p in b.parts if _spent_after(draft, p)
    }
    for m in said:
        if id(m) in parts:
            if id(m) in gone:
                out.append((_money(m), -1))
            continue
        sign, b = _flow(m.label), totals.get(id(m))
        if b is not None and sign == 0 and not STOCK.search(m.label):
            sign = _total_sign(m.label, b.parts)
        if sign == 0 and not STOCK.search(m.label):
            sign = _flow_after(draft, m, stock)
        out.append((_money(m), sign))
    return out


# the words of a figure's clause right after it: up to its punctuation, and no more than a verb and the name of a
# fund with its scope take (`补充市本级预算稳定调节基金`, 12 characters), so that a long clause's words far after the
# figure do not move it
AFTER_FIGURE = regex(r"[^，,。；;：:（）()]{0,30}")
# the fewest characters of a stock's name a verb's object must end with to name that stock: shorter names (`基金`,
# `资金`, 3 and fewer) end the names of many a stock and fund, and would move the stock by money going elsewhere
_NAMED_TARGET = 4
SPENT_AFTER = regex(_alt("spent_after"))


def _flow_after(draft: Draft, m: Mention, stock: str) -> int:
    """The sign of a figure its label does not move, by the words right after it: money used to balance a budget
    (vocab `spent_after`: `调入 B 用于平衡一般公共预算`) leaves the stock it was drawn from; a verb of money coming in
    whose object is the stock itself (`共计 C 补充预算稳定调节基金`, the stock `预算稳定调节基金余额`) adds to it, one
    whose object is another (`C 补充国库`) says nothing of this stock. 0 where the words say neither."""
    if not m.quantities:
        return 0
    words = AFTER_FIGURE.match(draft.doc.text, m.quantities[-1].end)
    after = words.group() if words is not None else ""
    if _spent_after(draft, m):
        return -1
    verb = INFLOW.match(after)
    name = STOCK.sub("", _stock(stock))
    target = after[verb.end() :] if verb is not None else ""
    return 1 if len(target) >= _NAMED_TARGET and name.endswith(target) else 0


def _spent_after(draft: Draft, m: Mention) -> bool:
    """Do the words right after the figure say the money was used to balance a budget (vocab `spent_after`)?"""
    words = AFTER_FIGURE.match(draft.doc.text, m.quantities[-1].end) if m.quantities else None
    return words is not None and SPENT_AFTER.match(words.group()) is not None


# the word of a total opening a flow's label before its verb (`合计补充 C`, `共计动用 C`)
TOTAL_BEFORE_VERB = regex(r"^[，、；;\s]*(?:合计|共计|总计|共)")


def _total_sign(label: str, parts: list[Mention]) -> int:
    """The sign of a flow that totals its parts: the one its parts all share, or, where no part names a flow (they
    are where the money came from: `将超收收入 a 和结余资金 b 补充…，合计补充 C`), the verb after the total's word in
    its own label (NOT_A_FLOW holds the total's word, so the label alone says nothing)."""
    signs = {_flow(p.label) for p in parts}
    if signs == {0}:
        verb = TOTAL_BEFORE_VERB.match(label)
        return _flow(label[verb.end() :]) if verb is not None else 0
    return signs.pop() if len(signs) == 1 else 0


# a date opening the sentence, set off by a comma before its first figure's label (`2025年初，全市政府债务余额 A；当年
# 举借 B，偿还 C，年末余额 D`): the date of that figure, as if its label said it
LEAD_DATE = regex(
    r"\s*(?:截至|截止|到)?\s*(?:(?P<year>(?:19|20)\d{2})\s*年\s*(?:初|末|底)|年初|上年末|上年底)\s*[，,]\s*"
)


def _lead_date(draft: Draft, m: Mention, closing: Mention) -> str:
    """The date opening the sentence before the figure's label, when nothing but it stands there ("" otherwise);
    a year's start named with its year is the closing's year's only (`2025年初` opens no 2024年末)."""
    sentence = draft.doc.sentences[m.sentence]
    before = draft.doc.text[sentence.start : m.start]
    at = before.rfind(m.label) if m.label else -1
    found = LEAD_DATE.fullmatch(before[:at]) if at > 0 else None
    if found is None:
        return ""
    date = "".join(found.group().split()).strip("，,").removeprefix("截至").removeprefix("截止").removeprefix("到")
    if found.group("year") and date.endswith("初") and _closing_year(closing) != int(found.group("year")):
        return ""
    return date


def _without_sources(flows: list[tuple[Quantity | None, int]]) -> list[tuple[Quantity | None, int]]:
    """The flows less the runs of figures of no flow that make up the flow right after them exactly (`以超收收入 a、
    预备费结余 b及其他结余资金 c补充 C`: a + b + c = C, the money C is made of, not moved besides it)."""
    out: list[tuple[Quantity | None, int]] = []
    run: list[tuple[Quantity | None, int]] = []
    for q, sign in flows:
        if sign == 0:
            run.append((q, sign))
            continue
        sources = [x for x, _ in run]
        made_up = (
            len(sources) >= 2
            and q is not None
            and all(x is not None and x.base_unit == q.base_unit and x.exact for x in sources)
            and sum((x.base_value for x in sources if x is not None), Decimal(0)) == q.base_value
        )
        out += ([] if made_up else run) + [(q, sign)]
        run = []
    return out + run


# the year's own surplus (`本年收支结余`, `工伤保险基金当年结余`): income less expenditure, no stock
SURPLUS = regex(r"结余$")
# an opening stock added to the figure said before it (`加上2025年末滚存结余`)
ADDED = regex(r"^[，、\s]*(?:加上|再加上|加)(?![大快强紧入班速深重])")
NOT_SURPLUS = regex(r"滚存|累计|历年|结转|年初|年末|年底|上年|期初|期末")


def _closes(m: Mention, closing: Mention) -> bool:
    """Does the figure close a clause of stocks before or after `closing` (a stock at a year's end that is not the
    one `closing` opens with)?"""
    return bool(STOCK.search(m.label) and CLOSING.search(m.label)) and not _is_opening(m.label, closing)


def _noted(draft: Draft, said: list[Mention], closing: Mention) -> list[Mention]:
    """The figures in the brackets right after a closing stock (`年末滚存结余 D（上年滚存结余 A）`): a note of what
    it opened the year with, read as a figure of its clause (only these brackets: one after another figure notes
    that figure)."""
    k = next(i for i, m in enumerate(said) if m is closing)
    noted = []
    for m in said[k + 1 :]:
        if not in_brackets(draft, m.sentence, m.start):
            break
        noted.append(m)
    opens = draft.doc.text[closing.quantities[-1].end : noted[0].start] if noted else ""
    return noted if opens.lstrip().startswith(("（", "(")) else []


def _with_surplus(
    draft: Draft, mentions: list[Mention], k: int, sentence: int, noted: list[Mention] | None = None
) -> RollForward | None:
    """`本年收支结余 a，年初滚存结余 A，年末滚存结余 D`, in any order: the closing stock is the opening one plus the
    year's surplus. Read in the closing's clause only (between the closing stocks before and after it: a sentence
    may state several funds one after the other), where it names one opening stock of the same thing and one
    surplus of the year; or, where the clause adds the opening stock to what was said before (`收支相抵，当年结余
    a。加上年末滚存结余 A，年末滚存结余 D`), one surplus closing the sentence before under the same heading. The
    opening stock may be noted in brackets right after the closing (`当年收支结余 a，年末滚存结余 D（上年滚存结余 A）`),
    or named there by its date alone (`（上年末 A）`: the closing's stock a year before)."""
    closing = mentions[k]
    last = max((i for i in range(k) if _closes(mentions[i], closing)), default=-1)
    after = next((i for i in range(k + 1, len(mentions)) if _closes(mentions[i], closing)), len(mentions))
    clause = mentions[last + 1 : k] + (noted or []) + mentions[k + 1 : after]
    bare = {id(m) for m in noted or [] if BARE_OPENING.fullmatch(m.label.strip())}
    openings = [m for m in clause if id(m) in bare or (_is_opening(m.label, closing) and _same_stock_of(m, closing))]
    carried = _carried_in(draft, mentions, k)
    if not openings and carried is not None:
        openings = [carried]
    surpluses = _surpluses(draft, clause)
    if len(openings) != 1 or surpluses is None:
        return None
    certain = True
    if not surpluses:
        before = _surplus_before(draft, openings[0], clause)
        if before is None:
            return None
        surpluses, certain = [before], False
    start, surplus, end = _money(openings[0]), _money(surpluses[0]), _money(closing)
    if start is None or surplus is None or end is None:
        return None
    return RollForward(start, [surplus], [], end, sentence, certain)


def _surpluses(draft: Draft, clause: list[Mention]) -> list[Mention] | None:
    """The year's surplus the clause states (none or one); None for several, or where money moves in or out
    besides (`年初余额 A，动用 B；以超收收入 a、预备费结余 b…补充 C，年末余额 D`: the closing is no opening plus a
    surplus, D = A − B + C, read by the flows or not at all). A 结余 listed among other sources of money is a part
    of their sum, no surplus of the stock's own (`年终将超收收入 a、预备费结余 b和其他结余资金 c共计 T补充…`)."""
    surpluses = [m for m in clause if _surplus(m) and not draft.is_part(m)]
    if len(surpluses) > 1 or any(_flow(m.label) != 0 and _money(m) is not None for m in clause if m not in surpluses):
        return None
    if any(drawn_from_balance(m) and _money(m) is not None for m in clause):
        # (`本年收入合计 A，使用非财政拨款结余 B，年初结转和结余 C；本年支出合计 D，年末结转和结余 F`: money drawn from a
        # balance kept apart comes into the year beside its income, which the clause does not net into a surplus; the
        # sets pass reads it whole, F = C + A + B − D)
        return None
    return surpluses


# what the year carried in, named by last year alone (`上年结余 A`, `上年结转 A`, `加上年结余 A`): by itself last year's
# balance or its own surplus, the opening stock where it stands between the year's surplus and its closing stock
CARRIED_IN = regex(r"^[，、；;\s]*(?:加上?)?上年(?:结余|结转)(?:资金)?(?:为|是)?$")
# the stock accumulated, named without its date (`滚存结余 D`): the closing one right after what the year carried in
ACCUMULATED = regex(rf"^[，、；;\s]*滚存结余{COPULA_WORDS}?$")


def _carried_in(draft: Draft, mentions: list[Mention], k: int) -> Mention | None:
    """`本年收支结余 a，上年结余 A，年末滚存结余 D` (`上年结转 A，滚存结余 D`): the figure right before the closing stock
    that names what last year carried in, itself right after the year's surplus (a part of no list), the three one
    after the other: the opening stock of the closing's clause. Named so alone, elsewhere, it may be last year's
    own surplus."""
    if k < 2 or not CARRIED_IN.match(mentions[k - 1].label):
        return None
    surplus = mentions[k - 2]
    if not _surplus(surplus) or draft.is_part(surplus) or draft.is_part(mentions[k - 1]):
        return None
    return mentions[k - 1]


# a figure noted after a closing stock by its date alone (`年末滚存结余 D（上年末 A）`): the same stock a year before
BARE_OPENING = regex(r"(?:上年末|上年底|年初)(?:为|是)?")


def _surplus(m: Mention) -> bool:
    """Is the figure the year's own surplus (`本年收支结余`, `当年结余`), no stock, nor money drawn from a balance kept
    apart (`使用非财政拨款结余`)?"""
    item = m.identity.item or ""
    return bool(SURPLUS.search(item)) and not NOT_SURPLUS.search(item) and not drawn_from_balance(m)


def _surplus_before(draft: Draft, opening: Mention, clause: list[Mention]) -> Mention | None:
    """The surplus an opening stock is added to (`加上年末滚存结余 A`, first in its clause): the last figure of the
    sentence right before, under the same heading, when it is the year's surplus."""
    if clause[0] is not opening or not ADDED.match(opening.label):
        return None
    si = opening.sentence
    said, own = draft.by_sentence.get(si - 1) or [], draft.by_sentence.get(si) or []
    if not said or not own or own[0] is not opening or not same_section(draft, said[-1].start, opening.start):
        return None
    last = said[-1]
    return last if _surplus(last) and _money(last) is not None else None
