"""Relations over a few figures of one passage: a period's balance (收入 − 支出 = 结余), the months a
fund's balance can pay, and item scores under an overall score."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Balance, Mention, MonthsPayable, ScoreSet
from tieout.linter.facts.passes.base import by_paragraph, exact_of
from tieout.linter.figures.quantities import Quantity
from tieout.linter.vocab import words

if TYPE_CHECKING:
    from tieout.linter.facts.build import Draft


def _alt(name: str) -> str:
    return "|".join(re.escape(w) for w in sorted(words("relations", name), key=len, reverse=True))


BALANCE_WORD = re.compile(f"(?:{_alt('balance')})")
CUMULATIVE = re.compile(f"(?:{_alt('cumulative')})")
MONTHS_WORD = re.compile(_alt("months_payable"))
SCORE_TOTAL = re.compile(f"(?:{_alt('score_total')})$")
# an income or expenditure named as the side's total (收入总计, 收入决算结果, 总收入 …)
SIDE_TOTAL = re.compile(r"(?:总计|合计|决算结果|总额)$|^总")
OUTFLOW = re.compile(_alt("outflow"))
YEAR_END = re.compile(r"年末|年底|期末")
OFFSET = re.compile(r"收支相抵|收支结余|当期结余|当年结余|年终结余|本年结余|新增结余")


def balances(draft: Draft) -> Iterator[Balance]:
    """`收入 X，支出 Y，(收支相抵)结余 Z`: Z should be X − Y (or opening + X − Y). The income and expenditure
    are taken from the balance's own sentence (certain when it says 收支相抵/当期结余), or from the sentences
    before it in the paragraph (inferred); they are the sides' totals when the passage names them."""
    for mentions in by_paragraph(draft).values():
        for i, m in enumerate(mentions):
            bq = _period_balance(m)
            if bq is None:
                continue
            own = [x for x in mentions[:i] if x.sentence == m.sentence]
            before = [x for x in mentions[:i] if x.sentence < m.sentence]
            for window, certain in ((own, True), (before, False)):
                income, expense = _side(window, "收入", bq), _side(window, "支出", bq)
                if income is not None and expense is not None:
                    opening = _last_of(window, "年初结", bq)
                    if opening is None and _needs_opening(m, window, income):
                        break
                    stated = bool(OFFSET.search(draft.doc.sentence_text(bq.start)))
                    out = _outflows(draft, window, income, bq)
                    yield Balance(income, expense, bq, m.sentence, opening, certain and stated, out)
                    break


def _needs_opening(balance: Mention, window: list[Mention], income: Quantity) -> bool:
    """`年末结转结余` is a stock: last year's balance plus this year's surplus. Against this year's income alone
    (`本年收入`) it needs the opening balance; against `收入总计`, which includes it, it does not; `年终结余`,
    `当年结余` are the year's own surplus."""
    if not YEAR_END.search(balance.key) or OFFSET.search(balance.key):
        return False
    named = next((x for x in window if income in x.quantities), None)
    return named is None or "总计" not in named.label


def _outflows(draft: Draft, window: list[Mention], income: Quantity, like: Quantity) -> list[Quantity]:
    """Money leaving the fund besides its expenditure, stated after the income (`调入一般公共预算 0.9 亿元`)."""
    out = []
    for m in window:
        q = exact_of(m, like.base_unit)
        if q is not None and q.start > income.start and not draft.is_part(m) and OUTFLOW.search(m.label):
            out.append(q)
    return out


# `国债转贷支出及结余`: a figure of spending and balance together is an item of a list, not the balance
JOINED_SIDE = re.compile(r"(?:收入|支出)(?:及|和|与|、)")


def _period_balance(m: Mention) -> Quantity | None:
    """The figure of a period's balance: 结余/结存/余额 that is no stock (累计结余, 债务余额, 结转下年)."""
    key = m.key
    if not BALANCE_WORD.search(key) or "结转下年" in key or "下年" in key or JOINED_SIDE.search(key):
        return None
    if CUMULATIVE.search(key.replace("年末结转", "").replace("年终结余", "")):
        return None
    return next((q for q in m.quantities if q.kind == "amount" and q.exact), None)


def _side(window: list[Mention], word: str, like: Quantity) -> Quantity | None:
    """The side's total when named (`收入决算结果 X`), else the one figure named as that side (`收入 X`)."""
    named = [m for m in window if word in m.key and SIDE_TOTAL.search(m.key)]
    if named:
        return exact_of(named[-1], like.base_unit)
    plain = [m for m in window if m.key.endswith(word)]
    if not plain:
        # the item without its stage words (`收入预算安排` is 收入 at the budget stage), when the figure is the
        # side's only one: `收入预算 A，调整为 B，实际完成 C` states the side at three stages, and which of them the
        # balance is of is not said
        plain = [m for k, m in enumerate(window) if _item(m).endswith(word) and _alone(window, k)]
    if len(plain) != 1:
        return None  # several incomes (一般公共预算收入, 债务收入 …) and no total: not this relation
    return exact_of(plain[0], like.base_unit)


def _item(m: Mention) -> str:
    return m.identity.item or ""


def _alone(window: list[Mention], k: int) -> bool:
    """Is the figure after window[k] another side's (or none)?"""
    if k + 1 == len(window):
        return True
    nxt = window[k + 1]
    return any(nxt.key.endswith(w) or _item(nxt).endswith(w) for w in ("收入", "支出"))


def _last_of(window: list[Mention], word: str, like: Quantity) -> Quantity | None:
    for m in reversed(window):
        if word in m.key:
            q = exact_of(m, like.base_unit)
            if q is not None:
                return q
    return None


def months_payable(draft: Draft) -> Iterator[MonthsPayable]:
    """`历年累计结余 X，预计可支付月数 N 个月`, with the year's expenditure stated before it."""
    for si, mentions in draft.by_sentence.items():
        for i, m in enumerate(mentions):
            months = next((q for q in m.quantities if q.base_unit == "个月" and q.exact), None)
            if months is None or not MONTHS_WORD.search(m.key):
                continue
            before = mentions[:i]
            balance = _last_money(before, "结余") or _last_money(before, "结存")
            expense = _last_money(before, "支出")
            if balance is not None and expense is not None:
                yield MonthsPayable(months, balance, expense, si)


def _last_money(window: list[Mention], word: str) -> Quantity | None:
    for m in reversed(window):
        if word in m.key:
            q = m.of_unit("元")
            if q is not None and q.exact:
                return q
    return None


def scores(draft: Draft) -> Iterator[ScoreSet]:
    """An overall score followed, in its section, by numbered items each with its own score."""
    doc = draft.doc
    mentions = draft.facts.mentions
    for idx, m in enumerate(mentions):
        total = next((q for q in m.quantities if q.base_unit == "分" and q.exact), None)
        if total is None or draft.is_part(m) or not SCORE_TOTAL.search(m.key):
            continue
        path = doc.section_path(total.start)
        items = []
        for other in mentions[idx + 1 :]:
            if not other.quantities:
                continue
            opath = doc.section_path(other.start)
            if opath[: len(path)] != path:
                break  # left the section of the total
            # items stand in the total's paragraph or in sections below it; a sibling with the same
            # label (自评得分 of the next indicator) is another total, not an item
            deeper = len(opath) > len(path)
            if not (deeper or other.paragraph == m.paragraph) or other.key == m.key:
                continue
            q = next((x for x in other.quantities if x.base_unit == "分" and x.exact), None)
            if q is not None and "得分" in other.key + other.label and not draft.is_part(other):
                items.append(q)
        if len(items) >= 2:
            yield ScoreSet(total, items, m.sentence)
