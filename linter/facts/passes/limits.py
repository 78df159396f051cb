"""Claims that a balance stays within its limit: `政府债务余额 X，…，控制在限额之内` states X ≤ the limit.

The claim is read where its sentence states it (vocab `limits.claims`), over the balances it names before
the claim (`余额`, and the parts a `其中` lists of it) and the limits stated with them: in the claim itself
(`控制在债务限额 74.04 亿元以内`), or in its own or the two sentences before it, under the same heading. A
balance is held to the limit of the same debt only: the debts their items name (vocab `limits.debt`), one
the end of the other and of the same kind (`一般债务余额` and `一般债务限额`, or the `一般债务` of a `限额 …，
其中` list; `债务余额` is not held to a `一般债务限额`), in the same scope and period where both state one; the nearest such limit before the claim is the one the claim speaks of. A limit inside the claim naming no debt of
its own (`控制在省政府核定的限额 Y 以内`) is the limit of the one balance the claim is made of.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Breakdown, LimitClaim, Mention
from tieout.linter.facts.passes.base import compared_base, exact_of, same_section, sentences_holding
from tieout.linter.figures.context import MIXED
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex
from tieout.linter.vocab import load

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

_VOCAB = load("relations").get("limits") or {}
CLAIM = regex("|".join(f"(?:{w})" for w in _VOCAB.get("claims") or []))
BALANCE, LIMIT = str(_VOCAB.get("balance") or "余额"), str(_VOCAB.get("limit") or "限额")
_LIMIT_WORD = regex(re.escape(LIMIT))
DEBT = regex(str(_VOCAB.get("debt") or "债务"))
KINDS = tuple(str(w) for w in _VOCAB.get("kinds") or [])
LOOK_BACK = 2  # sentences before the claim's own in which its limits may be stated


def _limit_figure(m: Mention) -> Quantity | None:
    """A limit's sum of money, also when read as a bound (`限额 58.70 亿元以内`: the 以内 is the claim's, the
    figure the limit itself)."""
    q = m.of_unit("元")
    return q if q is not None and (q.exact or (q.bound is not None and not q.approx and not q.per)) else None


def _stem(item: str) -> str:
    """The debt a balance or a limit is of: the last debt its item names (`年末政府债务余额`, `核定政府债务限额`:
    `政府债务`), "" when it names none."""
    found = [m.group() for m in DEBT.finditer(item.replace(BALANCE, "").replace(LIMIT, ""))]
    return found[-1] if found else ""


def _of(draft: Draft, word: str) -> dict[int, tuple[str, str]]:
    """The mentions (by id) that are a balance (or a limit), with their items and the words that say which kind
    of debt they are: those whose item names it, and the parts a breakdown lists of one (of the kind of their
    whole, or of the heading they stand under, as well: the `一般债务限额` listed under a `新增债务限额` is new
    debt's)."""
    out: dict[int, tuple[str, str]] = {}
    for m in draft.facts.mentions:
        if word in m.identity.item and not LIMIT_GAP.match(m.label) and not compared_base(m):
            # (not the gap to a limit, `低于债务限额 Δ`, nor the earlier balance a change is compared with,
            # `余额比年初的 B 增加 Δ`)
            out[id(m)] = (m.identity.item, m.identity.item + m.identity.subject)
    for b in draft.facts.breakdowns:
        if word in b.total.identity.item:
            for p in b.parts:
                out[id(p)] = (p.identity.item, p.identity.item + p.identity.subject + b.total.identity.item)
    return out


def same_debt(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Are a balance and a limit (item, words of its kind) of the same debt: the debts their items name one the
    end of the other (`债务` and `政府债务`), of the same kind (vocab `limits.kinds`: `债务余额` is no
    一般债务余额, and a `新增债务限额` bounds only what is new)?"""
    da, db = _stem(a[0]), _stem(b[0])
    if not da or not db or not (da.endswith(db) or db.endswith(da)):
        return False
    return all((k in a[1]) == (k in b[1]) for k in KINDS)


def _compatible(a: Mention, b: Mention) -> bool:
    """The same scope and period where both state one (a period the title leaves open between two years, a
    report on one year's execution and the next one's budget, states none)."""
    ca, cb = a.identity.context, b.identity.context
    return all(
        x in ("", None, MIXED) or y in ("", None, MIXED) or x == y
        for x, y in ((ca.scope, cb.scope), (ca.period, cb.period))
    )


def limit_claims(draft: Draft) -> Iterator[LimitClaim]:
    text = draft.doc.text
    sentences = draft.doc.sentences
    balances = limits = None
    if LIMIT not in text:  # every claim names the limit: a document without the word makes none
        return
    # (a claim may stand in a sentence of its own, with no figure; only the sentences naming the limit are tried)
    for si in sentences_holding(draft, _LIMIT_WORD):
        sent = sentences[si]
        mentions = draft.by_sentence.get(si, [])
        claim = CLAIM.search(text, sent.start, sent.end)
        if claim is None:
            continue
        if balances is None or limits is None:  # built once, for documents that make such a claim
            balances, limits = _of(draft, BALANCE), _of(draft, LIMIT)
        window = [
            m
            for k in range(max(0, si - LOOK_BACK), si + 1)
            for m in draft.by_sentence.get(k, [])
            if id(m) in limits and m.start < claim.end() and same_section(draft, m.start, claim.start())
        ]
        named = [m for m in mentions if id(m) in balances and m.start < claim.start()]
        if not named and _of_balances_before(text, sent.start, claim.start()):
            named = _balances_before(draft, si, claim.start(), balances)
        inside = _inside(text, mentions, limits, claim.start(), claim.end())
        own = _own_limit(_tops(draft, named), inside)
        for m in named:
            stated = exact_of(m, "元")
            # the limit the claim itself states, where it does, before one stated earlier (`限额 92 亿元。…余额
            # 80 亿元，未超过限额 90 亿元`: the claim is of the 90)
            limit = own[2] if own is not None and own[0] is m and _compatible(m, own[1]) else None
            if limit is None and stated is not None:
                limit = _limit_of(m, balances[id(m)], window, limits)
            if stated is not None and limit is not None:
                yield LimitClaim(stated, limit, claim.start(), claim.end(), si)


def _tops(draft: Draft, named: list[Mention]) -> list[Mention]:
    """The balances named that are no parts of another one named (`余额 X，其中一般债务 a、专项债务 b`: X)."""
    ids = {id(m) for m in named}
    parts = {id(p) for b in draft.facts.breakdowns if id(b.total) in ids for p in b.parts}
    return [m for m in named if id(m) not in parts]


# the words after a figure inside a claim that name it the limit: `低于 90 亿元的限额`
LIMIT_AFTER = regex(rf"\s*的?(?:[\u4e00-\u9fff]{{0,8}}?核定的?)?{LIMIT}")


def _inside(
    text: str, mentions: list[Mention], limits: dict[int, tuple[str, str]], start: int, end: int
) -> list[tuple[Mention, str]]:
    """The limits stated inside a claim, naming no debt of their own, with the words of their kind: a figure
    labelled a limit (`控制在限额 90 亿元以内`), or one the words after name so (`低于 90 亿元的限额`)."""
    found: list[tuple[Mention, str]] = []
    for m in mentions:
        if not start <= m.start < end:
            continue
        if id(m) in limits and not _stem(limits[id(m)][0]):
            found.append((m, limits[id(m)][1]))
        elif m.quantities and LIMIT_AFTER.match(text, m.quantities[-1].end) and not _stem(m.identity.item):
            found.append((m, m.identity.item + m.identity.subject))
    return found


def _own_limit(named: list[Mention], inside: list[tuple[Mention, str]]) -> tuple[Mention, Mention, Quantity] | None:
    """`政府债务余额 X，控制在（省政府核定的）限额 Y 以内`: a limit stated inside the claim and naming no debt of its
    own is the limit of the one balance the claim is made of (of several, `a、b 均控制在限额 Y 以内`, Y is no
    one's): (that balance, the limit's mention, its figure)."""
    if len(named) != 1:
        return None
    found = [(m, q, kind) for m, kind in inside if (q := _limit_figure(m)) is not None]
    if len(found) != 1 or any(k in found[0][2] for k in KINDS):
        return None
    return named[0], found[0][0], found[0][1]


# the words before a claim in a sentence of its own that make it speak of the balances stated before it:
# `一般债务和专项债务余额均控制在限额以内`, `以上债务均…`; not a claim about another debt (`新增债务控制在…`)
OF_BALANCES = regex(r"余额|^[^，。；]{0,6}?均?$")


def _of_balances_before(text: str, start: int, claim: int) -> bool:
    words = text[start:claim].strip()
    return bool(OF_BALANCES.search(words)) and not any(k in words for k in KINDS if k not in ("一般", "专项"))


def _balances_before(draft: Draft, si: int, at: int, balances: dict[int, tuple[str, str]]) -> list[Mention]:
    """The balances of the sentence just before a claim stated in a sentence of its own (`…年末政府债务余额 X，其中
    一般债务余额 a、专项债务余额 b。一般债务和专项债务余额均控制在限额以内。`), under the same heading and in no
    sentence that makes a claim of its own."""
    sentences = draft.doc.sentences
    for k in range(si - 1, max(-1, si - 1 - LOOK_BACK), -1):
        found = [m for m in draft.by_sentence.get(k, []) if id(m) in balances and same_section(draft, m.start, at)]
        if CLAIM.search(draft.doc.text, sentences[k].start, sentences[k].end):
            return []
        if found:
            return found
    return []


def _limit_of(
    balance: Mention, item: tuple[str, str], window: list[Mention], limits: dict[int, tuple[str, str]]
) -> Quantity | None:
    """The nearest limit before the claim of the same debt, scope and period as the balance."""
    for m in reversed(window):
        q = _limit_figure(m)
        if q is not None and same_debt(limits[id(m)], item) and _compatible(balance, m):
            return q
    return None


# a figure named as the gap between a balance and its limit (`余额低于限额 Δ`, `低于债务限额 Δ`, `超出限额 Δ`):
# the words of the gap end the label; a debt's name may stand before them; the side may follow the limit
# (`余额比限额低 Δ`, `较债务限额少 Δ`); the end of a claim may stand before (`控制在限额 L 以内，比限额低 Δ`)
LIMIT_GAP = regex(
    r"^(?:以内|之内|范围内)?[，,、；;\s]*(?:[\u4e00-\u9fff]{0,12}余额)?(?:(?:(?P<under>低于|少于)|高于|超出|超过|多于)"
    r"(?:[\u4e00-\u9fff]{0,10}?债务)?限额|(?:比|较)(?:[\u4e00-\u9fff]{0,10}?债务)?限额(?:(?P<below>低|少)|高|多))$"
)


def limit_gaps(figures: list[Mention]) -> Iterator[tuple[Mention, list[Mention]]]:
    """`政府债务限额 L，余额 B，余额低于限额 Δ`: the gap is the limit less the balance, L = B + Δ (a balance
    above its limit: B = L + Δ), read as (the sum, its two parts). Only where the sentence states one balance and
    one limit before the gap, of the same debt and kind (the gap's own words naming no other), all in money."""
    for i, gap in enumerate(figures):
        m = LIMIT_GAP.match(gap.label)
        if m is None or exact_of(gap, "元") is None or len(gap.quantities) != 1:
            continue
        before = figures[:i]
        balances = [b for b in before if BALANCE in b.key and LIMIT not in b.key and not LIMIT_GAP.match(b.label)]
        limits = [x for x in before if LIMIT in x.key and BALANCE not in x.key]
        if len(balances) != 1 or len(limits) != 1 or not _one_debt(balances[0], limits[0], gap):
            continue
        balance, limit = balances[0], limits[0]
        if exact_of(balance, "元") is None or exact_of(limit, "元") is None:
            continue
        yield (limit, [balance, gap]) if m.group("under") or m.group("below") else (balance, [limit, gap])


def _one_debt(balance: Mention, limit: Mention, gap: Mention) -> bool:
    """Are the balance, the limit and the gap of one debt: the debts they name (those naming one) one the end of
    the other, of the same kinds (`一般债务余额` is not held to a `专项债务限额`)?"""
    stems = [s for s in (_stem(balance.key), _stem(limit.key), _stem(gap.label)) if s]
    if any(not (a.endswith(b) or b.endswith(a)) for a in stems for b in stems):
        return False
    kinds = [frozenset(k for k in KINDS if k in m.label) for m in (balance, limit)]
    named = frozenset(k for k in KINDS if k in gap.label)
    return kinds[0] == kinds[1] and named <= kinds[0]


def gaps_apart(draft: Draft) -> Iterator[Breakdown]:
    """`…政府债务限额 L，其中…。截至年底，全市政府债务余额 B，其中…。债务余额低于限额 Δ，控制在限额以内。`: a gap to the
    limit stated in a sentence of its own (no balance nor limit before it there: limit_gaps reads those) is of the
    one balance the nearest sentence before it states, not counting the parts listed of it, and the nearest limit
    of the same debt, kind, scope and period before it, both under the same heading and within LOOK_BACK sentences
    (the balances a claim speaks of, and its limit, are found so: limit_claims): L = B + Δ (B = L + Δ above it), a
    chain breakdown of the limit, as limit_gaps gives."""
    if LIMIT not in draft.doc.text:
        return
    balances = limits = None
    for si in range(len(draft.doc.sentences)):
        mentions = draft.by_sentence.get(si, [])
        for i, gap in enumerate(mentions):
            under = _gap_alone(gap, mentions, i)
            if under is None:
                continue
            if balances is None or limits is None:  # built once, for documents that state such a gap
                balances, limits = _of(draft, BALANCE), _of(draft, LIMIT)
            found = _balance_and_limit(draft, si, gap, balances, limits)
            if found is not None:
                balance, limit = found
                total, parts = (limit, [balance, gap]) if under else (balance, [limit, gap])
                yield Breakdown(total, parts, "调整", True, si)


def _gap_alone(gap: Mention, mentions: list[Mention], i: int) -> bool | None:
    """Is the figure mentions[i] a gap to a limit (`余额低于限额 Δ`) whose sentence states no balance nor limit before
    it: True where the balance is below the limit, False above it; None for any other figure."""
    # (every reading of a gap names the limit: a label without the word is not matched)
    m = LIMIT_GAP.match(gap.label) if "限额" in gap.label else None
    if m is None or len(gap.quantities) != 1 or exact_of(gap, "元") is None:
        return None
    if any(BALANCE in b.key or LIMIT in b.key for b in mentions[:i]):  # (the figures before, for a gap only)
        return None
    return bool(m.group("under") or m.group("below"))


def _balance_and_limit(
    draft: Draft, si: int, gap: Mention, balances: dict[int, tuple[str, str]], limits: dict[int, tuple[str, str]]
) -> tuple[Mention, Mention] | None:
    """The one balance (a total, no part of another) of the nearest sentence before the gap's that states any, and
    the nearest limit before the gap of its debt, scope and period, all of one debt and kind with the gap."""
    tops = _tops(draft, _balances_before(draft, si, gap.start, balances))
    if len(tops) != 1 or exact_of(tops[0], "元") is None:
        return None
    balance = tops[0]
    window = [
        m
        for k in range(max(0, si - LOOK_BACK), si + 1)
        for m in draft.by_sentence.get(k, [])
        if id(m) in limits and m.start < gap.start and same_section(draft, m.start, gap.start)
    ]
    for m in reversed(window):
        if (
            exact_of(m, "元") is not None
            and same_debt(limits[id(m)], balances[id(balance)])
            and _compatible(balance, m)
        ):
            return (balance, m) if _one_debt(balance, m, gap) else None
    return None
