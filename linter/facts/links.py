"""Links across sentences: the relations a single sentence does not state on its own.

A `其中` that opens a sentence and breaks down the figures of the sentence before it, a total stated after
its parts, a balance whose income and expenditure were stated earlier in the paragraph, a share of a whole
named elsewhere, shares listed without their whole, months payable, and scores listed under an overall
score. The builder of sentence facts (linter/parsing.py) hands its state over; these read and extend it.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Balance, Breakdown, Mention, MonthsPayable, ScoreSet, Share
from tieout.linter.figures.intervals import digit_slip
from tieout.linter.figures.quantities import Quantity

if TYPE_CHECKING:
    from tieout.linter.facts.build import FactBuilder

TOTAL_WORDS = re.compile(r"(?:合计|总计|共计|总额|总和|总数|总量|小计|总预算|总收入|总支出|总金额)")
BALANCE_WORD = re.compile(r"(?:结余|结存|余额|结转下年)")
# stocks, not a period's income minus expenditure
CUMULATIVE = re.compile(r"(?:累计|历年|滚存|结转|债务|贷款|存款|借款)")
INSPECTED = re.compile(r"(?:检查|核查|抽查|巡查|检验|审核|受理|调查)[^，。；]{0,12}$")
HANDLED = re.compile(r"^(?:其中)?(?:处理|查处|发现|处罚|整改|约谈|立案|移送|办结|通过|合格|不合格|违规)")
MONTHS_WORD = re.compile(r"可支付|可支撑|可保障|支付能力|可用")
SCORE_TOTAL = re.compile(r"(?:总分|总得分|综合得分|评价得分|自评得分|绩效得分|评分)$")


class Linker:
    def __init__(self, builder: FactBuilder) -> None:
        self.doc = builder.doc
        self.facts = builder.facts
        self.labeller = builder.labeller
        self._sentence_mentions = builder._sentence_mentions
        self._headless = builder._headless

    def run(self) -> None:
        self._link_inspections()
        self._link_change_bases()
        self._link_headless()
        self._link_totals_after_parts()
        self._link_balances()
        self._link_share_bases()
        self._link_share_lists()
        self._link_months_payable()
        self._link_scores()

    def _link_inspections(self) -> None:
        """`检查定点医药机构 7,728 家，处理违规 615 家`: in one sentence, what was handled or found among what was
        inspected is a part of it (a 其中 that is not written)."""
        by_sentence: dict[int, list[Mention]] = {}
        for m in self.facts.mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        for si, mentions in by_sentence.items():
            for i, whole in enumerate(mentions):
                if whole.role != "plain" or not INSPECTED.search(whole.label):
                    continue
                wq = next((q for q in whole.quantities if q.kind == "count" and q.exact), None)
                if wq is None:
                    continue
                for part in mentions[i + 1 : i + 3]:
                    if part.role != "plain" or not HANDLED.match(part.key):
                        continue
                    pq = part.of_unit(wq.base_unit)
                    if pq is not None and pq.exact:
                        part.role, part.parent = "part", whole.key
                        whole.role = "total"
                        self.facts.breakdowns.append(
                            Breakdown.model_construct(
                                total=whole, parts=[part], keyword="", exhaustive=False, inferred=True, sentence=si
                            )
                        )
                        break

    def _link_change_bases(self) -> None:
        """`2022年收入 1,204.50 万元 … 2023年收入 1,352.78 万元，比上年增长 12.31%`: the earlier figure is the
        one mention of the same name for the year before (or labelled 上年) in the same section."""
        by_start = {q.start: m for m in self.facts.mentions for q in m.quantities}
        for c in self.facts.changes:
            cur = c.current
            if cur is None or c.base is not None or cur.kind not in ("amount", "count"):
                continue
            if any(mv.quantity is not None and mv.quantity.base_unit == cur.base_unit for mv in c.movements):
                continue  # the difference is stated: the base follows from it
            own = by_start.get(cur.start)
            if own is None or not own.key:
                continue
            year = re.search(r"(\d{4})年", own.period)
            previous = f"{int(year.group(1)) - 1}年" if year else None
            section = self.doc.section_at(cur.start)
            found = []
            for m in self.facts.mentions:
                if m is own or self.doc.section_at(m.quantities[0].start if m.quantities else 0) is not section:
                    continue
                earlier_name = m.key[2:] if m.key.startswith(("上年", "去年", "上期")) else None
                own_name = re.sub(r"^(?:本年|今年|当年|本期)", "", own.key)
                same_year = previous is not None and previous in m.period and m.key == own.key
                if not (same_year or earlier_name == own_name):
                    continue
                found += [q for q in m.quantities if q.base_unit == cur.base_unit and q.kind == cur.kind and q.exact]
            if len(found) == 1:
                c.base = found[0]

    def _link_headless(self) -> None:
        """`A x，B y。其中，甲 A x1，B y1。乙 A x2，B y2。`: each figure of the first sentence is a total."""
        sentences = self.doc.sentences
        for si in self._headless:
            prev = self._sentence_mentions.get(si - 1)
            # a sentence opening with 其中 may start a paragraph (PDF text breaks after 。): it reaches back to
            # the sentence before it unless a heading stands between
            if not prev or self.doc.section_at(sentences[si - 1].start) is not self.doc.section_at(sentences[si].start):
                continue
            totals = [m for m in prev if m.key and m.role != "part"]
            # the sentence's own list: parts nested under one of its items (`（其中：…）`) are not its items
            groups = [[m for m in self._sentence_mentions[si] if m.parent is None]]
            sj = si + 1
            while sj in self._sentence_mentions and self.doc.section_at(sentences[sj].start) is self.doc.section_at(
                sentences[si].start
            ):
                cand = [m for m in self._sentence_mentions[sj] if m.parent is None]
                if cand and totals and _same_measure(cand[0].key, totals[0].key):
                    groups.append(cand)
                    sj += 1
                else:
                    break
            if len(groups) < 2:
                # one group under 其中 refers to the last figure before it in a unit its parts use (not the
                # rate after it: `支出决算为 25.50 万元，完成预算的 85.00%。其中：…`), and may be partial
                part_units = {q.base_unit for m in groups[0] for q in m.quantities if q.kind in ("amount", "count")}
                last = next(
                    (m for m in reversed(prev) if any(q.kind in ("amount", "count") for q in m.quantities)), None
                )
                if last is None or not any(q.base_unit in part_units for q in last.quantities):
                    continue
                # a figure of that sentence equal to the sum of the parts is the whole they break down
                # (`资金 520 万元…，实际支出 499.20 万元。其中：中央 300，省级 150，市级 70`)
                for unit in part_units:
                    listed = [q for m in groups[0] for q in m.quantities if q.base_unit == unit and q.exact]
                    if len(listed) >= 2:
                        total = sum((q.base_value for q in listed), Decimal(0))
                        tol = sum((q.ulp * q.scale for q in listed), Decimal(0))
                        match = next(
                            (
                                m
                                for m in reversed(prev)
                                for q in m.quantities
                                if q.base_unit == unit and q.exact and abs(q.base_value - total) <= tol
                            ),
                            None,
                        )
                        if match is not None:
                            last = match
                            break
                dims = {q.base_unit for q in last.quantities if q.kind in ("amount", "count")}
                parts = [m for m in groups[0] if m.quantities and m.quantities[0].base_unit in dims]
                if parts and last.key:
                    for p in parts:
                        p.parent, p.role = last.key, "part"
                    last.role = "total"
                    self.facts.breakdowns.append(
                        Breakdown.model_construct(
                            total=last, parts=parts, keyword="其中", exhaustive=False, sentence=si
                        )
                    )
                continue
            used: set[int] = set()
            for t in totals:
                parts: list[Mention] = []
                for g in groups:
                    match = next((m for m in g if id(m) not in used and _same_measure(m.key, t.key)), None)
                    if match is None:
                        break
                    parts.append(match)
                if len(parts) == len(groups):
                    used.update(id(p) for p in parts)
                if len(parts) != len(groups):
                    continue  # a measure some groups lack cannot be footed
                for p, g in zip(parts, groups):
                    # each group is another entity (职工…, 居民…): its first label names it
                    p.parent = f"{t.key}/{g[0].key}"
                    p.role = "part"
                t.role = "total"
                self.facts.breakdowns.append(
                    Breakdown.model_construct(
                        total=t, parts=parts, keyword="其中", exhaustive=len(parts) >= 2, sentence=si
                    )
                )

    def _link_totals_after_parts(self) -> None:
        """`A a，B b，总额为 X` / `A a，B b，A及B X`: a total stated after the parts it sums."""
        by_para: dict[int, list[Mention]] = {}
        for m in self.facts.mentions:
            by_para.setdefault(m.paragraph, []).append(m)
        for mentions in by_para.values():
            for i, m in enumerate(mentions):
                if m.role != "plain" or not m.quantities:
                    continue
                q = next((x for x in m.quantities if x.kind in ("amount", "count") and x.exact), None)
                if q is None:
                    continue
                joined = re.search(r"(.{2,})(?:及|和|与|加)(.{2,})", m.key)
                if not (TOTAL_WORDS.search(m.key) or joined):
                    continue
                run: list[tuple[Mention, Quantity]] = []
                for j in range(i - 1, -1, -1):
                    prev = mentions[j]
                    pq = prev.of_unit(q.base_unit)
                    if pq is None or prev.role == "part" or not pq.exact:
                        break
                    run.append((prev, pq))
                run.reverse()
                target = q.base_value
                sizes = range(2, min(len(run), 8) + 1)
                exact = [k for k in sizes if _foots(target, q, [x for _, x in run[-k:]])]
                # no run foots: the label still names a sum, so a run that one slipped digit or unit
                # explains is taken, when exactly one does
                slipped = [] if exact else [k for k in sizes if _one_slip(q, [x for _, x in run[-k:]])]
                chosen = exact[:1] or (slipped if len(slipped) == 1 else [])
                if chosen:
                    tail = run[-chosen[0] :]
                    for pm, _ in tail:
                        pm.role = "part"
                        pm.parent = m.key
                    m.role = "total"
                    self.facts.breakdowns.append(
                        Breakdown.model_construct(
                            total=m,
                            parts=[pm for pm, _ in tail],
                            keyword="",
                            exhaustive=True,
                            inferred=True,
                            sentence=m.sentence,
                        )
                    )

    def _link_balances(self) -> None:
        """`收入 X，支出 Y，结余 Z` within a paragraph: Z should be X − Y (or opening + X − Y)."""
        by_para: dict[int, list[Mention]] = {}
        for m in self.facts.mentions:
            by_para.setdefault(m.paragraph, []).append(m)
        for mentions in by_para.values():
            floor = 0
            for i, m in enumerate(mentions):
                if not (
                    BALANCE_WORD.search(m.key)
                    and not CUMULATIVE.search(m.key.replace("年末结转", "").replace("结转下年", ""))
                ):
                    continue
                bq = next((q for q in m.quantities if q.kind == "amount" and q.exact), None)
                if bq is None:
                    continue
                window = mentions[floor:i]
                own = [x for x in window if x.sentence == m.sentence]
                income = _last_of(own, "收入", bq, parts_ok=True) or _last_of(window, "收入", bq)
                expense = _last_of(own, "支出", bq, parts_ok=True) or _last_of(window, "支出", bq)
                if income is None or expense is None:
                    continue
                opening = _last_of(window, "年初结", bq, parts_ok=True)
                self.facts.balances.append(
                    Balance.model_construct(
                        income=income, expense=expense, balance=bq, opening=opening, sentence=m.sentence
                    )
                )
                floor = i + 1

    def _link_share_bases(self) -> None:
        """`培训费 50 万元，占总支出的 10%`: the whole is named, not listed; find where the report states it."""
        mentions = self.facts.mentions
        for m in mentions:
            s = m.share
            if s is None or s.total is not None or s.part is None or not s.base_label:
                continue
            base = self.labeller.split(s.base_label)[0]
            raw = re.sub(r"的$", "", s.base_label)
            if len(base) < 2:
                continue
            found = []
            for other in sorted(
                mentions,
                key=lambda o: (
                    o.label.strip() != raw,
                    o.key != base,
                    o.paragraph != m.paragraph,
                    abs(o.sentence - m.sentence),
                ),
            ):
                if other is m or not (
                    other.key == base or other.key.endswith(base) or family(other.key) == family(base) != ""
                ):
                    continue
                q = other.of_unit(s.part.base_unit)
                if q is not None and q.exact:
                    found.append(q)
            if found:
                s.total, s.alternatives = found[0], found[1:]

    def _link_share_lists(self) -> None:
        """`A a，占 p%；B b，占 q%；…` with no whole stated: the shares of one sentence form a list."""
        by_sentence: dict[int, list[Share]] = {}
        for m in self.facts.mentions:
            s = m.share
            if s is not None and s.total is None and s.part is not None and not s.base_label:
                by_sentence.setdefault(m.sentence, []).append(s)
        for shares in by_sentence.values():
            units = {s.part.base_unit for s in shares if s.part is not None}
            if len(shares) >= 2 and len(units) == 1:
                self.facts.share_lists.append(shares)

    def _link_months_payable(self) -> None:
        """`历年累计结余 X，预计可支付月数 N 个月`, with the year's expenditure stated before it."""
        by_sentence: dict[int, list[Mention]] = {}
        for m in self.facts.mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        for si, mentions in by_sentence.items():
            for i, m in enumerate(mentions):
                months = next((q for q in m.quantities if q.base_unit == "个月" and q.exact), None)
                if months is None or not MONTHS_WORD.search(m.key):
                    continue
                before = mentions[:i]
                balance = _last_of(before, "结余", months, parts_ok=True, unit="元") or _last_of(
                    before, "结存", months, parts_ok=True, unit="元"
                )
                expense = _last_of(before, "支出", months, parts_ok=True, unit="元")
                if balance is not None and expense is not None:
                    self.facts.months.append(
                        MonthsPayable.model_construct(months=months, balance=balance, expense=expense, sentence=si)
                    )

    def _link_scores(self) -> None:
        """An overall score followed, in its section, by numbered items each with its own score."""
        mentions = self.facts.mentions
        for idx, m in enumerate(mentions):
            total = next((q for q in m.quantities if q.base_unit == "分" and q.exact), None)
            if total is None or m.role == "part" or not SCORE_TOTAL.search(m.key):
                continue
            sec = self.doc.section_at(total.start)
            path = sec.path() if sec else []
            items = []
            for other in mentions[idx + 1 :]:
                if not other.quantities:
                    continue
                osec = self.doc.section_at(other.quantities[0].start)
                opath = osec.path() if osec else []
                if opath[: len(path)] != path:
                    break  # left the section of the total
                # items stand in the total's paragraph or in sections below it; a sibling with the same
                # label (自评得分 of the next indicator) is another total, not an item
                deeper = len(opath) > len(path)
                if not (deeper or other.paragraph == m.paragraph) or other.key == m.key:
                    continue
                q = next((x for x in other.quantities if x.base_unit == "分" and x.exact), None)
                if q is not None and "得分" in other.key + other.label and other.role != "part":
                    items.append(q)
            if len(items) >= 2:
                self.facts.scores.append(ScoreSet.model_construct(total=total, items=items, sentence=m.sentence))


RATE_NAME = re.compile(r"(?:率|比重|比例|占比|份额|水平|程度|系数|指数)$")


def qualifying_ratio(m: Mention) -> bool:
    """A percentage that is not a rate of its own (`为预算的 101.5%`, `占…的 20%`), but says how its neighbour
    relates to something."""
    qs = [q for q in m.quantities if q.kind != "bare"]
    return bool(qs) and all(q.kind == "percent" for q in qs) and not RATE_NAME.search(m.key)


TOTAL_MARK = re.compile(r"^(?:本年|全年|本期)|(?:合计|总计|总额|总数|总量)$|^总")


def family(key: str) -> str:
    """A total's name without its total word: 总支出, 支出总计, 本年支出合计 → 支出 (for finding a share's whole)."""
    core = TOTAL_MARK.sub("", key)
    return core if core != key else ""


def _foots(target: Decimal, total: Quantity, parts: list[Quantity]) -> bool:
    s = sum((x.base_value for x in parts), Decimal(0))
    tol = sum((x.ulp * x.scale for x in parts), Decimal(0)) / 2 + total.ulp * total.scale / 2
    return abs(s - target) <= tol


UNIT_FACTORS = (Decimal(10) ** 4, Decimal(10) ** -4, Decimal(10) ** 8, Decimal(10) ** -8)


def _one_slip(total: Quantity, parts: list[Quantity]) -> bool:
    """Would one changed or swapped digit, or one figure in the wrong money unit, make the parts foot?"""
    s = sum((x.base_value for x in parts), Decimal(0))
    if digit_slip(total.base_value, s):
        return True
    for p in parts:
        rest = total.base_value - (s - p.base_value)
        if rest > 0 and digit_slip(p.base_value, rest):
            return True
    if total.base_unit == "元":
        for f in [total, *parts]:
            for factor in UNIT_FACTORS:
                t = total.base_value * (factor if f is total else 1)
                ps = [x.base_value * (factor if x is f else 1) for x in parts]
                if abs(sum(ps, Decimal(0)) - t) <= total.ulp * total.scale:
                    return True
    return False


def _last_of(
    window: list[Mention], word: str, like: Quantity, parts_ok: bool = False, unit: str | None = None
) -> Quantity | None:
    for m in reversed(window):
        if word in m.key and (parts_ok or m.role != "part"):
            q = m.of_unit(unit or like.base_unit)
            if q is not None and q.exact:
                return q
    return None


def _same_measure(a: str, b: str) -> bool:
    """Do two labels name the same measure, perhaps of different entities (职工医保基金收入 / 全市医保基金收入)?"""
    if not a or not b:
        return False
    if a == b:
        return True
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    # one names the other with an entity in front, or they differ only in a short entity prefix
    return n >= 2 and (n == min(len(a), len(b)) or (n >= 4 and n >= max(len(a), len(b)) - 4))
