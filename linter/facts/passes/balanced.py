"""A fund's sentence that says it balances (`收入 A，上级补助 B，支出 C，调出资金 D，收支平衡`): what comes in (the
income, the grants from above, last year's balance, the money brought in) equals what goes out (the expenditure,
what is paid up, the money taken out, the balance carried on).

Read only when every figure of the sentence is named as one of these, of the same fund and scope, and the
sentence ends on the words saying so: an unnamed figure (or any other) leaves it unread. Inferred
(`certain=False`): the sides are known from the figures' names, a finding is a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from tieout.linter.facts.model import Breakdown, Mention
from tieout.linter.facts.passes.base import (
    UNIT_STEPS,
    Completed,
    by_paragraph,
    exact_figure,
    in_brackets,
    same_section,
    significant_digits,
)
from tieout.linter.figures.context import BUDGET_STAGES, read
from tieout.linter.figures.intervals import add, interval, judge, unit_of
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex
from tieout.linter.vocab import load

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# the words closing the sentence after its last figure (`，收支平衡。`, `，收支相抵。`, `，收支相抵，预算平衡。`), the
# year's they may say they are (`，当年收支平衡。`)
BALANCED = regex(
    r"^[，,；;]\s*(?:当年|本年|全年)?(?:实现)?收支(?:平衡|相抵(?:[，,]\s*(?:实现)?(?:预算|收支)平衡)?)[。；;]?\s*$"
)
TOTAL_SUFFIX = r"(?:总计|合计|总额|总量)?$"
# what comes in: last year's balance first (its 结余 is no balance carried on), then incomes, grants, money brought in
OPENING = regex(r"(?:上年|年初|上年度)(?:结余|结转|滚存结余|结转结余|结转资金)(?:资金)?$")
INCOME = regex(r"(?:收入|补助|调入资金|调入)" + TOTAL_SUFFIX)
# what goes out: the expenditure, paid up, taken out, carried on (its own, this year's)
USE = regex(r"(?:支出|上解|调出资金|调出|年末结余|年终结余|滚存结余|结转下年|结转下年资金)" + TOTAL_SUFFIX)
SIDE_TOTAL = regex(r"(?:总计|合计|总额|总量)$")
# a figure qualified otherwise (a change, a share, a part): not one of the sides
QUALIFIED = regex(r"其中|增长|增加|下降|减少|比上年|同比|占|预计|为上年")


def balanced_sentences(draft: Draft) -> Iterator[Breakdown]:
    """`收入 A，支出 B，调出资金 C，收支平衡`: one income A is what goes out (B + C); one use, what comes in; several
    on both sides, the first use is what comes in less the other uses."""
    text = draft.doc.text
    for si, mentions in draft.by_sentence.items():
        if len(mentions) < 2 or not mentions[-1].quantities:
            continue
        sent = draft.doc.sentences[si]
        closing = BALANCED.match(text[mentions[-1].quantities[-1].end : sent.end])
        if closing is None or ("相抵" in closing.group() and _balance_after(draft, si)):
            continue
        own = {id(q) for m in mentions for q in m.quantities}
        if any(sent.start <= q.start < sent.end and id(q) not in own for q in draft.facts.quantities):
            continue  # a figure of the sentence no side names (a change's rate, a share): it is not only a balance
        sides = _sides(draft, si, mentions)
        if sides is not None:
            yield _balance(*sides, si)


def _balance(ins: list[Mention], outs: list[Mention], si: int) -> Breakdown:
    """One income is what goes out (their sum); one use, what comes in; several on both sides, the first use is
    what comes in less the other uses (inferred from the figures' names: warnings at most)."""
    if len(ins) == 1:
        return Breakdown(ins[0], outs, "", True, si, inferred=True, certain=False)
    return Breakdown(outs[0], ins, "", True, si, inferred=True, certain=False, minus=outs[1:])


# a sentence saying only that the fund's figures before it balance (`收支相抵，当年无结余。`, `收支平衡。`)
BALANCED_ALONE = regex(
    r"^\s*(?:实现)?收支(?:平衡|相抵)(?:[，,]\s*(?:当年|本年|当期|年末|年终)?(?:无结余|收支平衡|实现平衡|平衡))?[。；;]?\s*$"
)


def balanced_paragraphs(draft: Draft) -> Iterator[Breakdown]:
    """`收入 A，完成预算的 r%。支出 B，调出资金 C。收支相抵，当年无结余。`: the sentence saying it balances stands alone
    after the figures, in their paragraph; read as in one sentence when every money figure of the paragraph before
    it is named as a side of one fund and scope (a rate or change beside them is no money and is left aside)."""
    text = draft.doc.text
    paragraphs = by_paragraph(draft)
    sentences = draft.doc.sentences
    for si, sent in enumerate(sentences):
        if draft.by_sentence.get(si) or BALANCED_ALONE.match(text[sent.start : sent.end]) is None:
            continue
        if "相抵" in text[sent.start : sent.end] and _balance_after(draft, si):
            continue
        mentions = [m for m in paragraphs.get(sent.paragraph, []) if m.sentence < si]
        if len({m.sentence for m in mentions}) < 2 or not _only_sides(draft, mentions, sent.paragraph, sent.start):
            continue  # (one sentence of figures ending on the words is read by balanced_sentences)
        sides = _sides_over(draft, mentions)
        if sides is not None:
            yield _balance(*sides, mentions[-1].sentence)


def _only_sides(draft: Draft, mentions: list[Mention], paragraph: int, end: int) -> bool:
    """Does the paragraph before `end` hold no money figure but the mentions' (only rates and changes in percent)?"""
    own = {id(q) for m in mentions for q in m.quantities}
    begin = min(draft.doc.sentences[m.sentence].start for m in mentions)
    return not any(
        begin <= q.start < end and id(q) not in own and q.kind not in ("percent", "pp") for q in draft.facts.quantities
    )


def _sides_over(draft: Draft, mentions: list[Mention]) -> tuple[list[Mention], list[Mention]] | None:
    """The sides of figures over several sentences: each sentence's own figures named as sides (see `_sides`)."""
    ins: list[Mention] = []
    outs: list[Mention] = []
    for si in sorted({m.sentence for m in mentions}):
        sides = _sides(draft, si, [m for m in mentions if m.sentence == si], whole=False)
        if sides is None:
            return None
        ins += sides[0]
        outs += sides[1]
    first = exact_figure(mentions[0])
    if first is None or any(getattr(exact_figure(m), "base_unit", None) != first.base_unit for m in mentions):
        return None
    return (ins, outs) if ins and outs and _one_balance(mentions, ins, outs) else None


# a side's total by its name (`收入总计`, `支出合计`, `收入总量`), the words before it aside (`全市`, `加上…`); or by
# the label's last words (`总收入`, `总支出`: the labeller names them 本年收入合计, which is no side's whole)
TOTAL_OF = regex(r"(收入|支出)(?:总计|合计|总量)$")
TOTAL_FIRST = regex(r"总(收入|支出)$")


def balanced_totals(draft: Draft) -> Iterator[Breakdown]:
    """`…，收入总计 T。…，支出总计 U，收支平衡。`: the sentence saying the fund balances ends on one side's total (or
    the sentence after says only that it does, `全市政府性基金预算实现收支平衡。`, naming no other fund or level);
    the other side's total is the one figure so named before it under the same heading (of the same fund, scope
    and year), in its paragraph where the paragraph names one (`收入总量 T；…支出总量 U，收支平衡`), and T = U.
    Two such figures before it, or one of another fund or level: nothing is read."""
    text = draft.doc.text
    paragraphs = by_paragraph(draft)
    for si, mentions in draft.by_sentence.items():
        if not mentions or not mentions[-1].quantities:
            continue
        last = mentions[-1]
        side = _side_total(last)
        if side is None:
            continue
        closing = BALANCED.match(text[last.quantities[-1].end : draft.doc.sentences[si].end]) or _said_next(
            draft, si, last
        )
        if closing is None or ("相抵" in closing.group() and _balance_after(draft, si)):
            continue
        other = _other_total(draft, last, side, paragraphs.get(last.paragraph, []))
        if other is None:
            continue
        income, spent = (other, last) if side == "支出" else (last, other)
        if _agree(income, spent) and not _related(draft, income, spent):
            yield Breakdown(income, [spent], "", True, si, inferred=True, certain=False)


# a total of what comes in closing its sentence (`…，收入总量为 T。`, `收入总计 T。`)
INCOME_TOTAL = regex(r"收入(?:总量|总计)[为是：:]?$")
# the use a sentence of uses closes with: the balance carried on (`结转下年 D`, `年终滚存结余 D`)
CARRIED_ON = regex(r"(?:结转下年|年末结余|年终结余|滚存结余)(?:资金)?$")
# nothing but punctuation to the sentence's end
PUNCTUATION_ONLY = regex(r"[\s。；;，,]*")


def total_uses(draft: Draft) -> Iterator[Breakdown]:
    """`…，收入总量为 T。支出 A，其中 a、b；调出资金 C，结转下年 D。`: the sentence right after a total of what comes in,
    in its paragraph, naming only what goes out and closing with the balance carried on, says where the total went:
    those uses (the parts of a 其中 list among them aside) make it. Inferred; only where every use is one exact
    amount of the total's unit, of its fund and scope, qualified by no change or share."""
    text, sentences = draft.doc.text, draft.doc.sentences
    for si, mentions in draft.by_sentence.items():
        before = draft.by_sentence.get(si - 1) if si >= 1 else None
        if not before or not mentions or sentences[si - 1].paragraph != sentences[si].paragraph:
            continue
        total = before[-1]
        q = exact_figure(total)
        if q is None or len(total.quantities) != 1 or not INCOME_TOTAL.search(total.label.strip("，、；：。 ")):
            continue
        if not PUNCTUATION_ONLY.fullmatch(text, q.end, sentences[si - 1].end):
            continue
        uses = [m for m in mentions if not draft.is_part(m)]
        if "收入总计" in total.key and len(uses) == len(mentions):
            continue  # (uses alone after a 收入总计: the carried balance is held to them as such, sets.balances)
        if len(uses) >= 2 and _uses_only(draft, si, uses, q) and _one_balance([total, *uses], [total], uses):
            yield Breakdown(total, uses, "", True, si, inferred=True, certain=False)


# a total of what goes out standing alone in its sentence (`支出总量为 U`, `支出总计 U`): what the uses before it make
USES_TOTAL = regex(r"支出(?:总量|总计)[为是：:]?$")
# a use named with the verb of its budget after it (`支出安排 A`, `调出资金为 C`): the use's own name before it
USE_VERB = regex(r"(?:安排|为|是)$")


def uses_before_total(draft: Draft) -> Iterator[Breakdown]:
    """`支出安排 A，其中 a、b。调出资金 C；债务还本支出 D，其中 d。支出总量为 U，收支平衡。`: a total of what goes out,
    alone in the sentence that closes its paragraph's figures, is what the uses stated before it in the paragraph
    make (the parts of their 其中 lists aside): A + C + D = U. Inferred; only where every figure of the paragraph
    before it is such a use, one exact amount of the total's unit, of its fund and scope, qualified by no change or
    share, and two of them at least."""
    text, sentences = draft.doc.text, draft.doc.sentences
    paragraphs = by_paragraph(draft)
    for si, mentions in draft.by_sentence.items():
        if len(mentions) != 1 or not USES_TOTAL.search(mentions[0].label.strip("，、；：。 ")):
            continue
        total = mentions[0]
        q = exact_figure(total)
        if q is None or len(total.quantities) != 1:
            continue
        rest = text[q.end : sentences[si].end]
        if not (PUNCTUATION_ONLY.fullmatch(rest) or BALANCED.match(rest)):
            continue
        before = [m for m in paragraphs.get(total.paragraph, []) if m.sentence < si]
        uses = [m for m in before if not draft.is_part(m)]
        if len(uses) < 2 or not _only_sides(draft, before, total.paragraph, q.start):
            continue
        # (every figure of the paragraph of one fund and scope, the parts of lists among them too: a total naming
        # none is not known to be of the uses of one fund or level where another's figures stand beside them)
        if all(_plain_use(draft, m, q) and _agree(total, m) for m in uses) and _one_balance(
            [total, *before], [total], uses
        ):
            yield Breakdown(total, uses, "", True, si, inferred=True, certain=False)


# a side total of what goes out (`支出总计`, `支出总量`), its fund's every use
USES_WHOLE = regex(r"支出(?:总计|总量)$")
MIN_USES = 3  # the fund's own spending, another use, the balance carried on
SOME_OF = "其中"  # the word of a list that need not name every part


def uses_to_carry_over(draft: Draft) -> Iterator[Completed]:
    """`支出总计 X，其中：政府性基金预算支出 a，调出资金 b，专项债务还本支出 c，结转下年 d`: a side total of what goes out
    listed by its uses and closed by the balance carried on, which is what is left of the total after the other
    uses: the list is every use, whatever word opens it (a + b + c + d = X). Inferred; only where every part is
    one exact amount of the total's unit named as a use, of the total's fund and scope, unqualified."""
    for b in draft.facts.breakdowns:
        if b.exhaustive or b.minus or len(b.parts) < MIN_USES or not USES_WHOLE.search(b.total.identity.item or ""):
            continue
        if b.keyword.strip("，,：: ") != SOME_OF:
            continue  # (a list opened otherwise, `包括：`, is held to its total as its word says already)
        q = exact_figure(b.total)
        if q is None or len(b.total.quantities) != 1:
            continue
        if not CARRIED_ON.search(b.parts[-1].label.strip("，、；：。 ")):
            continue
        if all(_plain_use(draft, m, q) and _agree(b.total, m) for m in b.parts) and _one_balance(
            [b.total, *b.parts], [b.total], b.parts
        ):
            # (the 其中 list read as every use: one relation, the partial one made complete, not a second beside it)
            yield Completed(b, replace(b, exhaustive=True, inferred=True, certain=False))


def _plain_use(draft: Draft, m: Mention, q: Quantity, verb_after: bool = True) -> bool:
    """Is the figure one exact amount of q's unit named as what goes out (`verb_after`: its budget's verb after the
    name aside), unqualified and in no bracket?"""
    x = exact_figure(m)
    if len(m.quantities) != 1 or x is None or x.base_unit != q.base_unit or in_brackets(draft, m.sentence, x.start):
        return False
    name = m.label.strip("，、；：。 ")
    if verb_after:
        name = USE_VERB.sub("", name)
    return not QUALIFIED.search(m.label) and USE.search(name) is not None


def _uses_only(draft: Draft, si: int, uses: list[Mention], q: Quantity) -> bool:
    """Are the figures each one exact amount of the total's unit named as what goes out, unqualified and in no
    bracket, the last the balance carried on, and nothing after it but the sentence's end?"""
    if not all(_plain_use(draft, m, q, verb_after=False) for m in uses):
        return False
    last = uses[-1].quantities[0]
    closing = CARRIED_ON.search(uses[-1].label.strip("，、；：。 "))
    return (
        closing is not None
        and PUNCTUATION_ONLY.fullmatch(draft.doc.text, last.end, draft.doc.sentences[si].end) is not None
    )


def _other_total(draft: Draft, last: Mention, side: str, paragraph: list[Mention]) -> Mention | None:
    """The one total of the other side than `side` (收入, 支出) stated before `last` in its paragraph, else in its
    section; none where a total of its own side stands there too (another fund's or level's pair)."""
    other = "支出" if side == "收入" else "收入"
    for pool in (paragraph, draft.facts.mentions):
        before = [m for m in pool if m.start < last.start and same_section(draft, m.start, last.start)]
        theirs = [m for m in before if _side_total(m) == other]
        if not theirs:
            continue
        mine = [m for m in before if _side_total(m) == side]
        return theirs[0] if len(theirs) == 1 and not mine else None
    return None


def budget_totals(draft: Draft) -> Iterator[Breakdown]:
    """`收入预算总计 T，支出预算总计 U`: in a genre whose income and spending totals balance by how they are drawn up
    (vocab genres `totals_balance`: a department's budget, its 收支总表, counts last year's balance among what comes
    in and what is carried on among what goes out), the two totals stated side by side in one sentence, of one
    scope, fund, stage and year, are one figure (T = U) though no word says so. Only the 总计 pair (the genre's
    `items`): this year's income and spending alone (本年收入合计, 本年支出合计) need not balance, nor one fund's
    (财政拨款收入合计); and only a budget's: a 决算's prose calls this year's income and spending alone 总计 too."""
    balance = load("genres").get(draft.facts.genre, {}).get("totals_balance")
    if not balance:
        return
    for si, mentions in draft.by_sentence.items():
        for a, b in zip(mentions, mentions[1:]):
            sides = (_balance_side(a, balance), _balance_side(b, balance))
            if sides not in (("收入", "支出"), ("支出", "收入")) or not _agree(a, b, strict=True):
                continue
            if sum(1 for m in mentions if _side_total(m) is not None) != 2:
                break  # (another total beside them, another fund's or level's pair: which two balance is not said)
            income, spent = (a, b) if sides[0] == "收入" else (b, a)
            if not _related(draft, income, spent):
                yield Breakdown(income, [spent], "", True, si, inferred=True, certain=False, sides=True)


def _balance_side(m: Mention, balance: dict[str, Any]) -> str | None:
    """The side (收入, 支出) of a figure that is one of the genre's balancing totals by its item, its words naming
    no fund and none of the words refused (本年); else None."""
    side = next((s for s, item in balance["items"].items() if m.identity.item == item), None)
    if side is None or exact_figure(m) is None or any(w in m.label for w in balance["refuse"]):
        return None
    return side if read(m.label).context.fund is None else None


# a sentence naming the fund and level that balance (`全市政府性基金预算实现收支平衡。`): only context words before;
# it may open on the two sides set against each other (`收支相抵，市级国有资本经营预算收支平衡。`)
BALANCED_NAMED = regex(r"^\s*(?:收支相抵[，,]\s*)?(?P<who>[^，,。；;\d]{0,24}?)(?:实现|做到)?收支平衡[。；;]?\s*$")


def _said_next(draft: Draft, si: int, last: Mention) -> re.Match[str] | None:
    """The sentence right after, in the same paragraph and without figures, saying only that the fund balances
    (`…，支出总计 U。收支平衡。`), or that the fund and level the figure is of do (`全市国有资本经营预算实现收支平衡。`,
    its words only context words, none stated otherwise than the figure's)."""
    sentences = draft.doc.sentences
    if (
        si + 1 >= len(sentences)
        or draft.by_sentence.get(si + 1)
        or sentences[si + 1].paragraph != sentences[si].paragraph
    ):
        return None
    said = draft.doc.text[sentences[si + 1].start : sentences[si + 1].end]
    alone = BALANCED_ALONE.match(said)
    if alone is not None:
        return alone
    named = BALANCED_NAMED.match(said)
    if named is None or not named.group("who"):
        return None
    who = read(named.group("who"))
    return named if not who.rest and who.context.agrees(last.identity.context) else None


def _side_total(m: Mention) -> str | None:
    if exact_figure(m) is None:
        return None
    found = TOTAL_OF.search(m.identity.item or "") or TOTAL_FIRST.search(m.label or "")
    return found.group(1) if found else None


def _agree(a: Mention, b: Mention, strict: bool = False) -> bool:
    """Of one fund, scope and year (unstated on one side: taken as the other's), and one unit? `strict`: also each
    one figure, an amount, and of a budget (a stage of BUDGET_STAGES)."""
    qa, qb = exact_figure(a), exact_figure(b)
    if qa is None or qb is None or qa.base_unit != qb.base_unit:
        return False
    ca, cb = a.identity.context, b.identity.context
    if strict and (
        len(a.quantities) != 1
        or len(b.quantities) != 1
        or qa.kind != "amount"
        or ca.stage not in BUDGET_STAGES
        or cb.stage != ca.stage
    ):
        return False
    return all(None in (getattr(ca, f), getattr(cb, f)) or getattr(ca, f) == getattr(cb, f) for f in FIELDS)


FIELDS = ("fund", "scope", "period")


def _related(draft: Draft, income: Mention, spent: Mention) -> bool:
    """Are the two totals already read as one equal to the other?"""
    return any(b.total is income and b.parts == [spent] for b in draft.facts.breakdowns)


# a balance opening the sentence after (`收支相抵。当年结余 Z`): 收支相抵 then says what is left, not that nothing is
BALANCE_NEXT = regex(r"^\s*(?:当年|本年|当期|年末|年终|累计|滚存)?(?:收支)?(?:结余|结转|滚存|赤字|缺口)")


def _balance_after(draft: Draft, si: int) -> bool:
    """Does the sentence after open with a balance (what 收支相抵 left)?"""
    sentences = draft.doc.sentences
    if si + 1 >= len(sentences):
        return False
    nxt = sentences[si + 1]
    return BALANCE_NEXT.match(draft.doc.text[nxt.start : nxt.end]) is not None


def _sides(
    draft: Draft, si: int, mentions: list[Mention], whole: bool = True
) -> tuple[list[Mention], list[Mention]] | None:
    """(what comes in, what goes out): every figure named as one, exact, of one unit, fund and scope; else None.
    Not `whole`: the sentence is one of several the balance is over (a side may be missing from it)."""
    ins: list[Mention] = []
    outs: list[Mention] = []
    first = exact_figure(mentions[0])
    if first is None or first.kind != "amount":
        return None
    for m in mentions:
        q = exact_figure(m)
        if len(m.quantities) != 1 or q is None or q.base_unit != first.base_unit or in_brackets(draft, si, q.start):
            return None
        if draft.is_part(m) or id(m) in draft.totals or QUALIFIED.search(m.label):
            return None
        name = m.label.strip("，、；：。 ")
        side = ins if OPENING.search(name) or INCOME.search(name) else outs if USE.search(name) else None
        if side is None:
            return None
        side.append(m)
    if not _one_balance(mentions, ins, outs):
        return None
    return (ins, outs) if (ins and outs) or not whole else None


def _one_balance(mentions: list[Mention], ins: list[Mention], outs: list[Mention]) -> bool:
    """Are the figures of one fund and scope (another fund's or level's figure is no side of this balance), and
    no side a total beside its own figures (`收入 a，上级补助 b，收入总计 T`: the total holds them, no side adds them)?"""
    if any(len({getattr(m.identity.context, f) for m in mentions} - {None}) > 1 for f in ("fund", "scope")):
        return False
    return not any(len(side) > 1 and any(SIDE_TOTAL.search(m.label) for m in side) for side in (ins, outs))


# a side named with the stage of its figure after it (`收入安排 A`, `支出完成 B`): the stage word is no part of its name
STAGE_AFTER = regex(r"(?:安排|完成|预算数|执行数|决算数)$")
# the significant digits a figure read in its sentence's unit must have for a balance it closes to be no chance
SLIP_DIGITS = 3
# the figures of the sentence in its one unit (besides the slipped one) that make the unit the sentence's
SENTENCE_UNITS = 2


def slipped_balances(draft: Draft) -> Iterator[Breakdown]:
    """`收入安排 A 万元，支出安排 B 万元，调出资金 C 亿元`: a sentence whose every figure is named as a side of one fund's
    balance, all in one money unit but one (two or more in it), with no words saying it balances, read as a balance
    only where it fails as written and closes exactly once that one figure is read in the sentence's unit (its
    number of three significant digits or more): a unit slip (explain.unit_slips finds it; TO202 reports it). A
    sentence that does not close in any reading says nothing of a balance, and is not read."""
    for si, mentions in draft.by_sentence.items():
        if len(mentions) < 3 or si in draft.make_up:
            continue
        figures = [exact_figure(m) for m in mentions]
        if any(
            q is None or q.kind != "amount" or q.base_unit != "元" or len(m.quantities) != 1
            for q, m in zip(figures, mentions)
        ):
            continue
        sides = _staged_sides(draft, si, mentions)
        if sides is not None and _closes_read_in_unit(*sides):
            yield _balance(*sides, si)


def _staged_sides(draft: Draft, si: int, mentions: list[Mention]) -> tuple[list[Mention], list[Mention]] | None:
    """(what comes in, what goes out) of a sentence whose figures are each named as one, a stage word after the name
    or not (`收入安排`), one income and its uses, of one fund and scope; None otherwise."""
    ins: list[Mention] = []
    outs: list[Mention] = []
    for m in mentions:
        q = m.quantities[0]
        if in_brackets(draft, si, q.start) or draft.is_part(m) or id(m) in draft.totals or QUALIFIED.search(m.label):
            return None
        name = STAGE_AFTER.sub("", m.label.strip("，、；：。 "))
        side = ins if OPENING.search(name) or INCOME.search(name) else outs if USE.search(name) else None
        if side is None:
            return None
        side.append(m)
    if len(ins) != 1 or len(outs) < 2 or not _one_balance(mentions, ins, outs):
        return None
    return ins, outs


def _closes_read_in_unit(ins: list[Mention], outs: list[Mention]) -> bool:
    """Do what comes in and what goes out differ as written, and agree exactly with the one figure in a unit of its
    own read in the unit of the others (10⁴ or 10⁸ apart)?"""
    figures = [m.quantities[0] for m in (*ins, *outs)]
    units = [q.unit for q in figures]
    odd = [q for q in figures if units.count(q.unit) == 1]
    if len(odd) != 1 or len(set(units)) != 2 or len(figures) - 1 < SENTENCE_UNITS:
        return False
    q = odd[0]
    scale = next(x.scale for x in figures if x is not q)
    if max(scale / q.scale, q.scale / scale) not in UNIT_STEPS or significant_digits(q) < SLIP_DIGITS:
        return False
    income = ins[0].quantities[0]
    uses = [m.quantities[0] for m in outs]
    band = unit_of(figures)
    if judge(interval(income), add([interval(x) for x in uses]), band) != "fail":
        return False
    read = replace(q, scale=scale)
    now = [read if x is q else x for x in (income, *uses)]
    return judge(interval(now[0]), add([interval(x) for x in now[1:]]), Decimal(0)) == "pass"
