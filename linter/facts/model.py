"""Typed facts: what the parser understood of a document's numeric sentences, and which quantity each
figure is.

A `Mention` is a labelled figure with its `Identity`: the item it names and the context (scope, fund,
stage, period) the document states for it. Relations (breakdowns, shares, rates, changes …) tie figures
together; each says whether it is `certain` (every link stated in the text) or was inferred by a linking
pass (a `其中` whose whole stands in the sentence before, a share whose whole is named elsewhere). Checks
report an error only on certain relations, a warning on inferred ones.

Facts are internal: slotted dataclasses, built once per document and not changed after the passes of
`tieout.linter.facts.build` have run. `tieout facts --format json` serialises them at the edge.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from tieout.linter.figures.context import Context
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.tables import Table

Source = Literal["label", "sentence", "section", "title", "genre", "link"]


@dataclass(frozen=True, slots=True)
class Identity:
    """Which quantity a figure is: its item and its context. Two figures are the same quantity only when both
    identities are complete and equal; an incomplete identity is never evidence of a mistake.

    `subject` is what the headings above the figure say it is about beyond context words (`行政运行（项）`),
    needed where the item itself is generic (`支出决算为 X`)."""

    item: str
    context: Context
    subject: str = ""
    inferred: bool = False  # a part of it came from a neighbouring sentence rather than the figure's own text
    named: bool = False  # the item names one quantity (not a verb or a generic word without headings)

    def complete(self) -> bool:
        return bool(self.item) and self.context.known()

    def key(self) -> tuple[str, str, Context]:
        return (self.item, self.subject, self.context)

    def same_quantity(self, other: Identity) -> bool:
        return self.complete() and other.complete() and self.key() == other.key()

    def describe(self) -> str:
        parts = [self.context.describe(), f"item={self.item or '?'}"]
        if self.subject:
            parts.append(f"subject={self.subject}")
        if self.inferred:
            parts.append("inferred")
        return " ".join(p for p in parts if p)


UNKNOWN = Identity("", Context())


@dataclass(slots=True, eq=False)
class Mention:
    """A labelled figure (or several figures of different units for one label)."""

    label: str
    key: str  # the item: the label without context words, synonyms applied
    quantities: list[Quantity]
    sentence: int
    paragraph: int
    period: str = ""  # the period words of the label itself (截至11月底, 2021年), for restatements
    noun: str = ""  # the words right after the figure (`15项` … `医疗保障信息业务编码贯标工作`)
    identity: Identity = UNKNOWN

    def of_unit(self, base_unit: str) -> Quantity | None:
        return next((q for q in self.quantities if q.base_unit == base_unit and q.kind != "percent"), None)

    @property
    def start(self) -> int:
        return self.quantities[0].start if self.quantities else -1


@dataclass(slots=True, eq=False)
class Share:
    """`A a，占 p%` / `占 B 的 p%`: p should be a over the whole."""

    stated: Quantity
    part: Quantity | None
    total: Quantity | None = None
    base_label: str = ""  # the whole as the text names it (`本年支出合计`), when it names one
    sentence: int = -1
    certain: bool = True
    applied: bool = False  # the share is a rule applied to the whole to give the part (`按 30% 的比例调入 B`)


@dataclass(slots=True, eq=False)
class CountedList:
    """`审计发现以下 5 类问题：` / `（一）…` … `（四）…`: the count an announcement states of the numbered items
    right after it, and the items' marks (`（一）`) in order."""

    count: Quantity
    marks: list[str]
    sentence: int
    # items the list may hold beyond its marks: names joined by 和/与/及 that may be one name or two
    # (`技术服务与应用研究`), so the count may be up to `len(marks) + more`
    more: int = 0
    # things the items count beyond one each: an item counting several of them (`5 所学校` adds 4)
    extra: int = 0


@dataclass(slots=True, eq=False)
class ShareList:
    """Shares of one sentence whose whole is stated nowhere: not named (`A a，占 p%；B b，占 q%`), or named with
    no figure of it in the document (`A a，占“三公”经费的 p%；…`). `defined` when the whole is named and the parts
    are, one each, every component of its definition (vocab/sums.yaml): then it is their sum."""

    shares: list[Share]
    whole: str = ""
    defined: bool = False


@dataclass(slots=True, eq=False)
class Distribution:
    """The answers of one single-choice survey question as shares of its respondents, one for every option of
    a scale (vocab `survey_scales`: 非常满意 a%，比较满意 b%，一般 c%，…): together all of them, 100%."""

    shares: list[Quantity]
    options: list[str]
    sentence: int


@dataclass(slots=True, eq=False)
class AnsweredShares:
    """Shares of a stated number of respondents (`108 份问卷中，有 66.67% 的…，25% 的…`): each is some whole number
    of them over that number, whatever the question (one choice or several)."""

    base: Quantity
    shares: list[Quantity]
    sentence: int


@dataclass(slots=True, eq=False)
class Breakdown:
    """A total and its parts (`合计 X，其中 A a、B b`); `keyword` is the word that opens the parts. A breakdown
    of shares is read only where the text says the shares are added (`keyword` SHARES_ADDED: `非常满意与比较满意
    合计为 82.0%`): elsewhere a share beside a whole's is no part of it (`满意度 95%，其中非常满意 60%`)."""

    total: Mention
    parts: list[Mention]
    keyword: str
    exhaustive: bool
    sentence: int
    inferred: bool = False  # a total recognised after its parts (`A…，B…，总额为 X`)
    certain: bool = True
    minus: list[Mention] = field(default_factory=list)  # parts subtracted (`…，减去调出资金 32.4 亿元，总收入 X`)
    # the parts joined by enumeration commas (`甲 5 个、乙 2 个、丙 3 个`): items of one rank, none the others' total
    coordinated: bool = False
    # the parts count the things of the total each in one part only (grades: a project is given one): no part is the
    # others' total, whatever joins them
    exclusive: bool = False
    # the total and its one part are the two sides of a balance as drawn up (收入总计 = 支出总计), not a whole and a part
    sides: bool = False


SHARES_ADDED = "合计"


@dataclass(slots=True, eq=False)
class Formula:
    """A stated formula (`执行率=支出/预算×100%=p%`): its operands, operators and result, in the order written."""

    name: str
    operands: list[Quantity]
    ops: list[str]
    result: Quantity
    sentence: int
    # operator characters and operand indices in the order written: ["(", 0, "-", 1, ")", "/", 1, "*", 2]
    expression: list[str | int] = field(default_factory=list)
    certain: bool = True  # False for a formula the text does not state but its practice shows (a warning)


@dataclass(slots=True, eq=False)
class Rate:
    """A rate a sentence states (`执行率 95.48%`), with the figures it may be computed from."""

    name: str
    stated: Quantity
    sentence: int
    operands: list[Quantity] = field(default_factory=list)  # figures before it, oldest first
    labels: list[str] = field(default_factory=list)
    formula: Formula | None = None
    ordered: bool = False  # operands are (numerator, denominator), not to be tried the other way
    certain: bool = True
    # a ratio defined by its name (vocab/ratios.yaml): "quotient" (numerator / denominator) or "change" (the
    # move from the denominator to the numerator over the denominator); "" for a rate read from its place
    definition: str = ""


@dataclass(slots=True, eq=False)
class Movement:
    """One movement of a change (`增加 Δ`, `下降 p%`): its direction, its word and its figure."""

    direction: Literal["up", "down"]
    word: str
    quantity: Quantity | None
    start: int
    end: int


@dataclass(slots=True, eq=False)
class Change:
    """A change against an earlier period: `比上年 X 增加 Δ，增长 p%`."""

    comparison: str
    label: str  # what changed
    current: Quantity | None  # the current figure, stated before the comparison
    base: Quantity | None  # the earlier figure, when stated
    movements: list[Movement]
    sentence: int
    certain: bool = True  # False when the base was found in another sentence by a linking pass


@dataclass(slots=True, eq=False)
class FromTo:
    """A change written as its two ends (`由 A 增加到 B`): the two figures, and the word between them with its direction."""

    start: Quantity
    end: Quantity
    word: str
    direction: Literal["up", "down"] | None
    word_start: int
    word_end: int
    sentence: int
    # the end said to equal the start (`2023年 A，2024年 B，比2023年持平`): no direction, the two equal
    level: bool = False


@dataclass(slots=True, eq=False)
class Balance:
    """A balance stated with its two sides (收入 − 支出 = 结余), and the opening balance and other outflows where stated."""

    income: Quantity
    expense: Quantity
    balance: Quantity
    sentence: int
    opening: Quantity | None = None
    certain: bool = True
    outflows: list[Quantity] = field(default_factory=list)  # money leaving besides the expenditure (调出 …)
    closing: bool = False  # a year-end stock (年末结转和结余): the opening balance plus the year's surplus
    # what the two sides are called in a finding: a project's rest is of its budget and its spending
    sides: tuple[str, str] = ("收入", "支出")
    name: str = "结余"  # what the balance is called in a finding (a difference named as data: 净资产, 审减 …)
    # money coming in besides the income: added to it in words (`收入 A，加上级补助收入 B`), or drawn from a balance
    # kept apart (`使用非财政拨款结余 B`, a year-end balance's)
    inflows: list[Quantity] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class MonthsPayable:
    """`累计结余 X，可支付 N 个月`: N should be X over a month of expenditure."""

    months: Quantity
    balance: Quantity
    expense: Quantity
    sentence: int
    monthly: bool = False  # the expenditure is one month's (`月平均支出`), not the year's


@dataclass(slots=True, eq=False)
class UnitCost:
    """`全年实际支出 X，完成演出 N 场，场均成本 c`: c should be X over N."""

    stated: Quantity  # the cost per unit
    total: Quantity  # the money it is a share of
    count: Quantity  # how many units the money paid for
    sentence: int
    # a norm the money was set by (`按 23 个村、每村 12 万元的标准安排`): the money is the count times it, exactly
    norm: bool = False


@dataclass(slots=True, eq=False)
class LimitClaim:
    """`政府债务余额 X，…，控制在限额之内`: the text says the balance X is within the limit of the same debt."""

    balance: Quantity
    limit: Quantity
    claim_start: int  # the words that claim it
    claim_end: int
    sentence: int


@dataclass(slots=True, eq=False)
class RollForward:
    """`上年末余额 A，当年新增 B，偿还 C，年末余额 D`: D should be A + the inflows − the outflows."""

    opening: Quantity
    inflows: list[Quantity]
    outflows: list[Quantity]
    closing: Quantity
    sentence: int
    certain: bool = True  # false where a figure was taken from the sentence before (a surplus the opening adds to)


@dataclass(slots=True, eq=False)
class ScoreSet:
    """An overall score and the item scores listed after it (`自评得分 98 分 … 1、…得分 20 分`).

    `readings` are other lists the items may be, where the passage does not say at which level each score
    stands (is `满意度` an indicator of its own or one under `效益`?): the total holds if it is the sum of any.
    A `partial` set is the scores a passage lists within one indicator (`产出指标中，…`): they may fall short
    of its score, never exceed it."""

    total: Quantity
    items: list[Quantity]
    sentence: int
    readings: list[list[Quantity]] = field(default_factory=list)
    partial: bool = False
    # what the total is, where it is no overall score (`小计`, `过程指标得分`): what a finding calls it
    name: str = ""


@dataclass(slots=True, eq=False)
class Marked:
    """An indicator's full marks and its score (`分值 10 分，得分 6.5 分，扣 3.5 分`): the score is at most the full
    marks, and the full marks less the deduction where one is stated."""

    full: Quantity
    score: Quantity
    deducted: Quantity | None
    sentence: int


@dataclass(slots=True, frozen=True)
class Band:
    """One grade of the scale a document states (`80分（含）至90分为“良”`): its bounds, and whether each belongs
    to it (None where the text does not say)."""

    grade: str  # as the document writes it
    low: Decimal | None
    low_in: bool | None
    high: Decimal | None
    high_in: bool | None

    def holds(self, score: Decimal) -> bool | None:
        """Does the band hold `score`? None at a bound the text leaves open."""
        verdicts = []
        for bound, inside, above in ((self.low, self.low_in, True), (self.high, self.high_in, False)):
            if bound is None:
                continue
            if score == bound:
                verdicts.append(inside)
            else:
                verdicts.append(score > bound if above else score < bound)
        if False in verdicts:
            return False
        return None if None in verdicts else True


@dataclass(slots=True, eq=False)
class Grade:
    """An overall score and the grade stated for it (`综合得分 86.5 分，评价等级为“良”`), with the grading scale
    the document states before it (or its only one)."""

    score: Quantity
    grade: str  # as stated
    span: tuple[int, int]  # the grade word
    bands: list[Band]
    scale: tuple[int, int]  # where the document states the scale
    # the one band stated in brackets right after the grade (`等级为良（80-89.9分）`), not a scale: the score
    # is judged against the grade's own bounds only
    own: bool = False


@dataclass(slots=True, eq=False)
class UnitSlip:
    """A figure whose unit is off by 10⁴ or 10⁸: read in `unit`, the breakdown it belongs to foots exactly, the
    change it is a figure of moves as its words say, or the stock it rolls forward closes as stated."""

    figure: Quantity
    value: Decimal  # the corrected base value
    unit: str
    breakdown: Breakdown | None
    change: Change | None = None
    roll: RollForward | None = None  # the stock rolled forward it is a figure of (`期初 A + B − C = 期末 D`)


@dataclass(slots=True, eq=False)
class Restatement:
    """One quantity (complete, equal identities) stated in several sentences."""

    identity: Identity
    figures: list[tuple[Mention, Quantity]]


# a government debt stock's identity, each part of it stated (linter/facts/debts.py): measure, kind, scope, stage, year
StockKey = tuple[str, str, str, str, str]


@dataclass(slots=True, eq=False)
class DebtStock:
    """A mention stating a government debt stock: its one sum of money and the stock's identity, read once for the
    restatements across sections and the check against a debt table's cell."""

    mention: Mention
    figure: Quantity
    key: StockKey


@dataclass(slots=True)
class Facts:
    """What the pipeline read of one document: its figures' mentions and the relations stated among them, by kind."""

    mentions: list[Mention] = field(default_factory=list)
    breakdowns: list[Breakdown] = field(default_factory=list)
    shares: list[Share] = field(default_factory=list)
    rates: list[Rate] = field(default_factory=list)
    formulas: list[Formula] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    fromtos: list[FromTo] = field(default_factory=list)
    balances: list[Balance] = field(default_factory=list)
    months: list[MonthsPayable] = field(default_factory=list)
    unit_costs: list[UnitCost] = field(default_factory=list)
    limit_claims: list[LimitClaim] = field(default_factory=list)
    roll_forwards: list[RollForward] = field(default_factory=list)
    scores: list[ScoreSet] = field(default_factory=list)
    marks: list[Marked] = field(default_factory=list)  # full marks, score and deduction of one indicator
    grades: list[Grade] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    share_lists: list[ShareList] = field(default_factory=list)  # shares listed with no stated whole
    counted_lists: list[CountedList] = field(default_factory=list)  # numbered items and the count announcing them
    distributions: list[Distribution] = field(default_factory=list)  # survey answers, 100% together
    answered: list[AnsweredShares] = field(default_factory=list)  # shares of a stated number of respondents
    unit_slips: list[UnitSlip] = field(default_factory=list)
    restatements: list[Restatement] = field(default_factory=list)
    debt_stocks: list[DebtStock] = field(default_factory=list)  # the mentions stating a debt stock, in order
    unparsed: list[int] = field(default_factory=list)  # sentences with 2+ figures and no relation
    parse_errors: int = 0  # sentences the grammar could not parse (read as plain figures instead)
    document_context: Context = field(default_factory=Context)
    genre: str = ""
