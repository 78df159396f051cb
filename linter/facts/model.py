"""Typed facts: what the grammar understood of the report's numeric sentences.

Each fact holds its quantities (which carry their spans) and the sentence and section it stands in.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.tables import Table


class Fact(BaseModel):
    """Base of the facts. The parser builds them with `model_construct` (its own data needs no validation),
    so their schemas are built only when something validates or serialises them (`tieout facts --format
    json`): a cold `tieout check` does not pay for it."""

    model_config = ConfigDict(defer_build=True)

    @classmethod
    def of(cls, **values: object):
        """`model_construct` for the parser's own complete data: every field given, nothing validated or
        defaulted (the parser builds thousands of mentions per report; tests/test_grammar.py checks that
        the result equals `model_construct`'s)."""
        missing = cls.model_fields.keys() - values.keys()
        if missing:
            raise TypeError(f"{cls.__name__}.of: missing {sorted(missing)}")
        obj = cls.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        object.__setattr__(obj, "__pydantic_fields_set__", set(values))
        object.__setattr__(obj, "__pydantic_extra__", None)
        object.__setattr__(obj, "__pydantic_private__", None)
        return obj


class Mention(Fact):
    """A labelled figure (or several figures of different units for one label)."""

    label: str
    key: str  # normalised label, synonyms applied
    noun: str = ""  # the words right after the figure (`15项` … `医疗保障信息业务编码贯标工作`)
    quantities: list[Quantity]
    sentence: int
    paragraph: int
    section: list[str] = Field(default_factory=list)
    period: str = ""  # a cut-off qualifier (截至11月底) the label was stated under
    parent: str | None = None  # key of the total this is a part of
    role: Literal["total", "part", "plain"] = "plain"
    share: Share | None = None

    def of_unit(self, base_unit: str) -> Quantity | None:
        return next((q for q in self.quantities if q.base_unit == base_unit and q.kind != "percent"), None)


class Share(Fact):
    stated: Quantity
    part: Quantity | None = None
    total: Quantity | None = None
    base_label: str = ""
    # other stated wholes of the same name (`本年支出合计` of the department and of 财政拨款): the share
    # holds if it holds against any of them
    alternatives: list[Quantity] = Field(default_factory=list)


class Breakdown(Fact):
    """A total and its parts (`合计 X，其中 A a、B b`); `keyword` is the word that opens the parts."""

    total: Mention | None
    parts: list[Mention]
    keyword: str
    exhaustive: bool
    inferred: bool = False  # a total recognised after its parts (`A…，B…，总额为 X`)
    sentence: int


class Formula(Fact):
    name: str = ""
    operands: list[Quantity]
    ops: list[str]
    result: Quantity
    sentence: int
    # operator characters and operand indices in the order written: ["(", 0, "-", 1, ")", "/", 1, "*", 2]
    expression: list[str | int] = Field(default_factory=list)


class Rate(Fact):
    name: str
    stated: Quantity
    operands: list[Quantity] = Field(default_factory=list)  # figures before it, oldest first
    labels: list[str] = Field(default_factory=list)
    formula: Formula | None = None
    sentence: int
    ordered: bool = False  # operands are (numerator, denominator), not to be tried the other way


class Movement(Fact):
    direction: Literal["up", "down"]
    word: str
    quantity: Quantity | None = None
    start: int
    end: int


class Change(Fact):
    """A change against an earlier period: `比上年 X 增加 Δ，增长 p%`."""

    comparison: str
    label: str = ""  # what changed
    current: Quantity | None = None  # the current figure, stated before the comparison
    base: Quantity | None = None  # the earlier figure, when stated
    movements: list[Movement]
    sentence: int


class FromTo(Fact):
    start: Quantity
    end: Quantity
    word: str
    direction: Literal["up", "down"] | None
    word_start: int
    word_end: int
    sentence: int


class Balance(Fact):
    income: Quantity
    expense: Quantity
    balance: Quantity
    opening: Quantity | None = None
    sentence: int


class MonthsPayable(Fact):
    """`累计结余 X，可支付 N 个月`: N should be X over a month of expenditure."""

    months: Quantity
    balance: Quantity
    expense: Quantity
    sentence: int


class ScoreSet(Fact):
    """An overall score and the item scores listed after it (`自评得分 98 分 … 1、…得分 20 分`)."""

    total: Quantity
    items: list[Quantity]
    sentence: int


class Facts(Fact):
    mentions: list[Mention] = Field(default_factory=list)
    breakdowns: list[Breakdown] = Field(default_factory=list)
    shares: list[Share] = Field(default_factory=list)
    rates: list[Rate] = Field(default_factory=list)
    formulas: list[Formula] = Field(default_factory=list)
    changes: list[Change] = Field(default_factory=list)
    fromtos: list[FromTo] = Field(default_factory=list)
    balances: list[Balance] = Field(default_factory=list)
    months: list[MonthsPayable] = Field(default_factory=list)
    scores: list[ScoreSet] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    share_lists: list[list[Share]] = Field(default_factory=list)  # shares listed with no stated whole
    unparsed: list[int] = Field(default_factory=list)  # sentences with 2+ figures and no relation
