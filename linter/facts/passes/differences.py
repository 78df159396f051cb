"""Figures named as the difference of two others in their sentence (`资产总额 A，负债总额 L，净资产 N`: N = A − L),
the identities kept as data (vocab `differences`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Balance, Mention
from tieout.linter.facts.passes.base import by_clause, exact_of, labels_holding, sentences_holding
from tieout.linter.facts.passes.difference_identities import IDENTITIES, Identity
from tieout.linter.facts.passes.sets import agree_open
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex
from tieout.linter.vocab import load

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft


DIFFERENCES: frozenset[str] = frozenset().union(*(i.difference for i in IDENTITIES))


def differences(draft: Draft) -> Iterator[Balance]:
    """`资产总额 A，负债总额 L，净资产 N`: N should be A − L, when each of the three names is borne by one figure of
    the sentence, the difference stated after the other two, all three of one unit and one context (a last
    year's figure, or one of another unit or scope, is no side of this year's)."""
    read = {id(b.balance) for b in draft.facts.balances}  # a balance an earlier pass read is not read twice
    # (nor three figures a list read already as a total and what it adds and takes away: `利润总额 A，扣除所得税
    # 费用 B 后，净利润 C` is one relation, found once)
    summed = {_figures(b.total, *b.parts, *b.minus) for b in draft.facts.breakdowns if b.minus}
    # (only the sentences one of whose labels holds a key character: found by one scan of the labels, `labels_holding`)
    for si in labels_holding(draft, _DIFFERENCE_KEYS):
        mentions = draft.by_sentence[si]
        if not any(_bears(m, DIFFERENCES) for m in mentions):
            continue  # every identity needs its difference named in the sentence
        clauses: list[list[Mention]] | None = None
        for identity in IDENTITIES:
            found = _difference(mentions, identity)
            if found is None and _named(mentions, identity.difference, one=False):
                # (`原值 A，累计折旧 B，净值 N；公共基础设施净值 M`: the sentence bears a name twice, its clause once)
                clauses = _clauses(draft, si, mentions) if clauses is None else clauses
                found = next((f for c in clauses if (f := _difference(c, identity))), None)
            if found is not None and id(found.balance) not in read and _ids(found) not in summed:
                yield found
    yield from _reductions(draft)


def _figures(*mentions: Mention) -> frozenset[int]:
    """The amounts of the mentions, by identity."""
    return frozenset(id(q) for m in mentions for q in m.quantities if q.kind == "amount")


def _ids(b: Balance) -> frozenset[int]:
    return frozenset(id(q) for q in (b.income, b.expense, b.balance))


def _clauses(draft: Draft, si: int, mentions: list[Mention]) -> list[list[Mention]]:
    """The sentence's figures by the clauses its semicolons set apart (none where it has one clause)."""
    figures = [m for m in mentions if m.quantities]
    spans = [(m.start, m.quantities[-1].end) for m in figures]
    groups = by_clause(draft.doc.text, draft.doc.sentences[si].start, spans)
    return [[figures[k] for k in g] for g in groups] if len(groups) > 1 else []


def _reductions(draft: Draft) -> Iterator[Balance]:
    """`送审金额 A，审定金额 B，审减 C`: the parser reads `减 C` as a movement of no stated base; where the word and
    the one character before it, after a comma, form a difference's name (`审减`, `核减`), C is that difference of the
    sentence's figures named as its minuend and subtrahend."""
    text = draft.doc.text
    for change in draft.facts.changes:
        if change.base is not None or len(change.movements) != 1:
            continue
        mv = change.movements[0]
        name = text[max(mv.start - 1, 0) : mv.end]
        q = mv.quantity
        if q is None or q.kind != "amount" or not q.exact or mv.start < 2 or text[mv.start - 2] not in "，,；;：:":
            continue
        mentions = draft.by_sentence.get(change.sentence, [])
        for identity in IDENTITIES:
            if name in identity.difference:
                found = _sides(mentions, identity, q, name, [])
                if found is not None:
                    yield found


def _key_characters(names: frozenset[str]) -> frozenset[str]:
    """A few characters, one of each name at least: each time the one the most names left share (净 of 净值 and
    净资产, 减 of 审减 and 核减), ties to the first in code order (the same set in every run)."""
    keys: set[str] = set()
    left = sorted(names)
    while left:
        # how many names hold each character, counted in one walk over them (asking each character of each name
        # held: a millisecond at every start, for the forty names of the vocabulary)
        holding = Counter(c for n in left for c in set(n))
        key = max(sorted(holding), key=holding.__getitem__)
        keys.add(key)
        left = [n for n in left if key not in n]
    return frozenset(keys)


# every reading of a label is a piece of it (its spaces left out): a sentence none of whose labels holds a key
# character bears no difference's name (one test of the labels joined, before each is read)
_DIFFERENCE_KEYS = _key_characters(DIFFERENCES)


# the words that say a figure is of the period the sentence speaks of (`本年收入`, `年末资产总额`): its name after them
CURRENT = ("本年度", "本年", "本期", "当年", "当期", "年末", "期末", "年底")


def _bears(m: Mention, names: frozenset[str], entity: bool = False, taken: bool = False, item: bool = False) -> bool:
    """Does the figure bear one of the names: its label read as `_readings` reads it, or (`item`) its item, the
    words of its context (fund, period) left out?"""
    return not names.isdisjoint(_readings(m.label, entity, taken)) or item and m.identity.item in names


# a label that opens with the entity whose figure it is (`全市地方国有金融企业资产总额`): what follows the entity
ENTITY = regex("^.*?(?:" + "|".join(str(w) for w in load("differences").get("entity_heads") or []) + ")(?:的)?")
# a label that opens with the level of government whose figure it is (`县级配套资金计划`): what follows the level
LEVEL = regex("^(?:" + "|".join(str(w) for w in load("differences").get("levels") or []) + ")")


# the body that settled a figure, before its name (`经区财政投资评审中心审定金额`: 审定金额, the amount it approved)
SETTLED_BY = regex(
    "^经[\u4e00-\u9fff]{1,20}?(?:"
    + "|".join(str(w) for key in ("entity_heads", "settling_heads") for w in load("differences").get(key) or [])
    + ")"
)


# the word saying a figure was achieved, after the year's word (`全年实现利润总额`, `实现净利润`): the name follows it
ACHIEVED = regex(r"^(?:全年|本年度?|当年|年内)?实现(?=[\u4e00-\u9fff]{2})")
# the word saying a figure is taken away (`扣除所得税费用 B 后`, `减：所得税费用 B`): the subtrahend's name follows it
TAKEN = regex(r"^(?:扣除|减去|减[：:]?)(?=[\u4e00-\u9fff]{2})")


@lru_cache(maxsize=4096)
def _readings(label: str, entity: bool = False, taken: bool = False) -> frozenset[str]:
    """The names a label can bear: itself, and what follows a word of the current period (`本年收入`: 收入) or of
    what was achieved (`全年实现利润总额`: 利润总额); with `entity`, what follows the entity or the level it opens with
    too (`某某企业资产总额`: 资产总额; `县级配套资金计划`: 配套资金计划); with `taken` (a subtrahend's), what follows the word taking it away (`扣除所得税费用`:
    所得税费用). Memoised: every sentence's labels are held to every identity's names."""
    label = label.replace(" ", "")
    names = {label, ENTITY.sub("", label), LEVEL.sub("", label)} if entity else {label}
    names |= {TAKEN.sub("", x) for x in names} if taken else set()
    names |= {ACHIEVED.sub("", x) for x in names} | {SETTLED_BY.sub("", x) for x in names}
    return frozenset(names | {x[len(w) :] for x in names for w in CURRENT if x.startswith(w)})


def _named(
    mentions: list[Mention],
    names: frozenset[str],
    one: bool = True,
    entity: bool = False,
    taken: bool = False,
    item: bool = False,
) -> Mention | None:
    """The one figure of the sentence bearing one of the names (none, or two: no relation); with `one` False,
    the first of them; with `entity`, a label may open with the entity it is of, with `taken` with the word taking
    it away (`_readings`), with `item` the figure's item may bear it."""
    bearing = [m for m in mentions if _bears(m, names, entity, taken, item)]
    return bearing[0] if len(bearing) == 1 or (bearing and not one) else None


def _another_of_name(mentions: list[Mention], roles: list[Mention], identity: Identity) -> bool:
    """Does a figure of the sentence that is none of the three end with one of their names (`上年净资产`,
    `所属企业净资产`: last year's, or another entity's, beside this one)?"""
    names = identity.difference | identity.minuend | identity.subtrahend
    others = [m for m in mentions if not any(m is r for r in roles)]
    return any(m.label.replace(" ", "").endswith(n) for m in others for n in names)


def _difference(mentions: list[Mention], identity: Identity) -> Balance | None:
    diff = _named(mentions, identity.difference)
    if diff is None:
        return None
    money = [q for q in diff.quantities if q.kind == "amount"]
    if len(money) != 1 or exact_of(diff, money[0].base_unit) is None:
        return None
    return _sides(mentions, identity, money[0], diff.label, [diff])


def _sides(mentions: list[Mention], identity: Identity, d: Quantity, name: str, own: list[Mention]) -> Balance | None:
    """The difference `d` (of the mention `own`, if it is one) of the one figure named as the minuend and the one
    named as the subtrahend in its sentence, both stated before it."""
    # (the entity whose figures the sentence states is named once, before the first: `某某企业资产总额 A，负债总额 L，
    # 所有者权益 N`; a later figure naming an entity, `所属企业净资产`, is another's)
    flows = identity.flows
    minuend = _named(mentions, identity.minuend, entity=True, item=flows)
    subtrahend = _named(mentions, identity.subtrahend, taken=True, entity=flows, item=flows)
    if minuend is None or subtrahend is None or minuend is subtrahend:
        return None
    if not minuend.start < d.start or not subtrahend.start < d.start:
        return None  # the difference is stated after what it is the difference of
    if _another_of_name(mentions, [minuend, subtrahend, *own], identity):
        return None
    # one figure each, of money: a figure of two units (an amount and its share) leaves which one open
    sides: list[Quantity] = []
    for m in (minuend, subtrahend):
        money = [q for q in m.quantities if q.kind == "amount"]
        if len(money) != 1 or exact_of(m, money[0].base_unit) is None:
            return None
        sides.append(money[0])
    if len({q.base_unit for q in (*sides, d)}) != 1:
        return None
    # last year's assets, or another entity's, are no side of this year's net assets
    contexts = [m.identity.context for m in (minuend, subtrahend, *own)]
    if identity.stages:
        contexts = [replace(c, stage=None) for c in contexts]
    if not all(
        agree_open(c, contexts[-1], period=i > 0 or not identity.earlier_minuend) for i, c in enumerate(contexts)
    ):
        return None
    a, b = sides
    return Balance(a, b, d, minuend.sentence, sides=(minuend.label, subtrahend.label), name=name)


# a figure said in words to be what is left of one figure less another (`年末结转和结余 D，为收入总计减去本年支出后的
# 余额`, `…，系收入总计扣除本年支出后的差额`): the two named right after it, the clause ending with what is left
SAID_LEFT = regex(
    r"\s*[，,]\s*(?:为|系|即|是)(?P<a>[\u4e00-\u9fff]{2,12}?)(?:减去|扣除|减)(?P<b>[\u4e00-\u9fff]{2,12}?)"
    r"(?:后)?(?:的)?(?:余额|差额|结余)"
)
# the same said before the figure, opening its sentence (`收入总计减去支出总计，收支相抵后结转下期 D`): the figure's own
# name, after the comma, says it is what is left, and takes nothing more off nor adds (`再扣除调出资金后结转 D`: D is
# left of three figures)
SAID_LEFT_BEFORE = regex(
    r"(?P<a>[\u4e00-\u9fff]{2,12}?)(?:减去|扣除)(?P<b>[\u4e00-\u9fff]{2,12}?)(?:后)?\s*[，,]\s*"
    r"(?:(?![减扣加再另])[\u4e00-\u9fff]){0,8}(?:相抵|余额|差额|结余|结转)[\u4e00-\u9fff]{0,6}?(?:为|是)?\s*"
)
# a name as written may leave off the word of a total its figure carries (`本年支出` for `本年支出合计`)
TOTAL_TAIL = ("合计", "总计", "总额")


def said_differences(draft: Draft) -> Iterator[Balance]:
    """`年末结转和结余 D，为收入总计减去本年支出后的余额`: D should be the one figure named as the first, stated before it
    under the same top heading, less the one named as the second. Each name must be borne by figures of one value
    of D's unit and context (a last year's figure of the name is no side of this year's balance);
    a name no figure bears, or two of different values, leave the relation unread. The words say the relation,
    the figures are found by their names: certain."""
    text = draft.doc.text
    stated = [m for ms in draft.by_sentence.values() for m in ms if m.quantities]
    # (the sentences where SAID_LEFT_BEFORE's 减去 or 扣除 stands, found by one scan: the others are not tried)
    taking = set(sentences_holding(draft, TAKES_OFF))
    for m in stated:
        d = m.quantities[-1]
        said = _said_after(text, d) or (_said_before(draft, m, d) if m.sentence in taking else None)
        if said is None or d.kind != "amount" or not d.exact:
            continue
        before = [x for x in stated if x.start < m.start and _same_top(draft, x.start, m.start)]
        before = [x for x in before if agree_open(x.identity.context, m.identity.context)]
        a = _borne(before, said.group("a"), d)
        b = _borne(before, said.group("b"), d)
        if a is not None and b is not None and a is not b:
            yield Balance(a, b, d, m.sentence, sides=(said.group("a"), said.group("b")), name=m.label)


# the words SAID_LEFT_BEFORE takes one name off the other with
TAKES_OFF = regex(r"减去|扣除")


def _said_after(text: str, d: Quantity) -> re.Match[str] | None:
    """SAID_LEFT right after the figure: tried only where a space or a comma follows it, as the pattern opens
    (most figures are followed by other words)."""
    nxt = text[d.end : d.end + 1]
    return SAID_LEFT.match(text, d.end) if nxt in "，," or nxt.isspace() else None


def _said_before(draft: Draft, m: Mention, d: Quantity) -> re.Match[str] | None:
    """`收入总计减去支出总计，收支相抵后结转下期 D`: the words from the sentence's start to D, its one figure, when they
    name the two figures and then D as what is left (SAID_LEFT_BEFORE)."""
    if len(m.quantities) != 1:
        return None
    text = draft.doc.text
    start = draft.doc.sentences[m.sentence].start
    while start < d.start and text[start] in " \t\u3000\n":
        start += 1
    said = SAID_LEFT_BEFORE.fullmatch(text, start, d.start)
    if said is None or any(b.balance is d for b in draft.facts.balances):
        return None  # (a balance read of D already, from the figures before it: one finding of D, not two)
    return said


def _same_top(draft: Draft, a: int, b: int) -> bool:
    """Do two offsets stand under the same top heading (`二、部门整体收支情况`)?"""
    return draft.doc.section_path(a)[:1] == draft.doc.section_path(b)[:1]


def _borne(before: list[Mention], name: str, d: Quantity) -> Quantity | None:
    """The figure the name stands for among those stated before: of D's unit, the last of them when all that bear
    the name have one value; None for none or for values that differ."""
    names = {name, *(name + t for t in TOTAL_TAIL)}
    found: list[Quantity] = []
    for m in before:
        if names.isdisjoint({m.key, *_readings(m.label)}):
            continue
        money = [q for q in m.quantities if q.kind == "amount" and q.base_unit == d.base_unit and q.exact]
        if len(money) != 1:
            return None
        found.append(money[0])
    if not found or len({q.base_value for q in found}) != 1:
        return None
    return found[-1]
