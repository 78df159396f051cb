"""Rates given out one to each name by 分别 (`甲、乙执行率分别为 p% 和 q%`): the grammar reads one rate named by the
last name, the one its rate word stands beside (`乙执行率 p%`), and the figures after it as figures of their own.
The names are listed in the order of the figures: 甲's rate is p, 乙's q. Here each name is given its own rate.

Read only where the words leave nothing open: the names, words alone joined by 、, open their clause and run into
the rate's words; the figures, each a percentage, follow one another joined by 、, 和, 及 or 与 alone. Where the
names and the figures differ in number, which figure is whose is not said: the rate is left unnamed. So is it where
a name's words may hold a qualifier of the rate (`甲、乙上年执行率`, `中央资金执行率`, `到位率和执行率`): the grammar's
rate word is three characters, the qualifier before it would be lost to the earlier names (甲's rate read as this
year's), and where the last name ends and the qualifier begins the words do not say.
"""

from __future__ import annotations

from tieout.linter.facts.sentence.wording import is_label, is_sep
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.lalr import Token
from tieout.linter.parse.sentences import _Entry, _Rate
from tieout.linter.patterns import regex
from tieout.linter.vocab import alternation, relation_words, words

# the names before the rate's own, each of words alone, each closed by 、, opening their clause
NAMES_BEFORE = regex(r"(?P<names>(?:[\u4e00-\u9fff“”（）()]{2,24}?、)+)")
# the character closing a rate's word (`执行率`, `满意度`)
RATE_END = f"(?:{relation_words('respective_rate_ends')})"
# the word the rate is of, closing its name (`执行率`, `到位率`, `满意度`, a compound word whole: `预算执行率`): what each
# name before shares (the compound is found first, as the search tries the earlier start first)
RATE_TAIL = regex(rf"(?:{relation_words('respective_compound_rates')}|[\u4e00-\u9fff]{{2}}{RATE_END})$")
# what in a name's words may qualify the rate rather than name its thing: a period, a fund, a second rate joined on
QUALIFIER = regex(rf"{relation_words('respective_rate_qualifiers')}|{RATE_END}")
# the words joining one figure to the next (`p%、q%`, `p% 和 q%`)
JOINERS = frozenset(words("relations", "respective_joiners"))
# the word that gives the figures out one to each name
RESPECTIVELY = regex(alternation(words("relations", "respectively")))


def rates_respectively(items: list[object], text: str, start: int) -> None:
    """Give each name before a rate whose words hold 分别 its own rate, in order (items of the sentence opening at
    `start`, mended in place)."""
    for k, item in enumerate(items):
        if isinstance(item, _Rate) and item.value is not None and _respective(item, text):
            _give_out(items, k, item, text, start)
            return  # (one such rate a sentence, as a sentence has one 分别 list of rates: no second walk)


def _respective(r: _Rate, text: str) -> bool:
    """Does 分别 stand between the rate's name and its value?"""
    return r.value is not None and RESPECTIVELY.search(text, r.start, r.value.start) is not None


def _give_out(items: list[object], k: int, r: _Rate, text: str, start: int) -> None:
    """The rate at k and the names before it, its figure and those joined after it: one rate each, or the rate left
    unnamed where the names and the figures differ in number, or where a name's words may qualify the rate."""
    clause = max(start, *(text.rfind(mark, start, r.start) + 1 for mark in "，,；;：:"))
    names = NAMES_BEFORE.fullmatch(text, clause, r.start)
    tail = RATE_TAIL.search(r.name)
    first = _first_after(items, clause, k)
    if r.value is None or names is None or tail is None or len(tail.group()) >= len(r.name) or first == k:
        return
    figures, end = _joined_figures(items, k, r.value, text)
    before = [n for n in names.group("names").split("、") if n]
    own = r.name[: -len(tail.group())]  # (the last name's words, and any qualifier of the rate after them)
    if len(before) + 1 != len(figures) or _qualified(before, own):
        # (whose figure each is, or of what, the words do not say: no rate of any name)
        items[k] = _Entry("", [r.value])
        return
    # (a name that is a rate's already, `收入执行率、支出执行率分别为`, takes no second rate word)
    rates = [_Rate(n if RATE_TAIL.search(n) else n + tail.group(), q, None, r.start) for n, q in zip(before, figures)]
    rates.append(_Rate(r.name, figures[-1], None, r.start))
    items[first:end] = rates


def _qualified(before: list[str], own: str) -> bool:
    """May a qualifier of the rate stand in the names' words: in the last name's words before the rate word, or in an
    earlier name that is no rate's of its own (`上半年甲、乙执行率`)? An earlier name that is a rate's already
    (`普及率、覆盖率、治理率分别达`) keeps its own words whole, its qualifier with them: nothing is lost."""
    return QUALIFIER.search(own) is not None or any(
        QUALIFIER.search(n) is not None for n in before if RATE_TAIL.search(n) is None
    )


def _first_after(items: list[object], clause: int, k: int) -> int:
    """The index of the first of the labels right before k that stand in the clause (from `clause` on): the names'
    words, which the rates given out take in."""
    first = k
    while first > 0 and _label_from(items[first - 1], clause):
        first -= 1
    return first


def _label_from(item: object, clause: int) -> bool:
    """Is the item a label standing in the clause (from `clause` on)?"""
    return is_label(item) and isinstance(item, Token) and item.start_pos is not None and item.start_pos >= clause


def _joined_figures(items: list[object], k: int, own: Quantity, text: str) -> tuple[list[Quantity], int]:
    """The rate's figure (`own`, of the rate at k) and the percentages right after it joined by a joining word alone
    (a separator item of its own, `、`, or an entry's label, `和`), and the index past the last of them."""
    figures: list[Quantity] = [own]
    end = k + 1
    for j in range(k + 1, len(items)):
        item = items[j]
        if is_sep(item, "、"):
            continue
        if not (isinstance(item, _Entry) and len(item.qs) == 1 and item.qs[0].kind == "percent"):
            break
        if text[figures[-1].end : item.qs[0].start].strip() not in JOINERS:
            break
        figures.append(item.qs[0])
        end = j + 1
    return figures, end
