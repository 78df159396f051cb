"""What a figure measures: money that flowed in a period (收入, 支出, the year's 收支结余) or money held at a date (年初
滚存结余, 年末余额), by its name (vocab relations.yaml `measures`).

A list adds up figures of one kind: the flows of the year make a flow, the stocks at one date a stock. Two figures of
one part at the year's two ends (`其中，甲基金年初滚存结余 a，年末滚存结余 b`), or its income beside its balance, are no
two parts of anything, and a list of stocks breaks down no flow (`当年收支结余 T。其中，…年末滚存结余 b`: b is what the
fund holds, not a share of what the year left). Names that say neither kind read as unknown, and decide nothing;
so does a whole of no kind said (a 收支总计 holds flows and balances alike, and lists both under it).
"""

from __future__ import annotations

from collections.abc import Iterable

from tieout.linter.facts.model import Mention
from tieout.linter.facts.passes.roll_forward import CLOSING, COPULA_WORDS, OPENING
from tieout.linter.patterns import regex
from tieout.linter.vocab import alternation, load

_VOCAB = load("relations").get("measures") or {}


def _alt(name: str) -> str:
    return alternation(_VOCAB.get(name))


# the words a name may end in after what it names: the verb its figure follows, and the list's punctuation
NAME_END = regex(rf"{COPULA_WORDS}?[\s，,、；;：:]*$")
BALANCE = regex(f"(?:{_alt('balances')})$")
PERIOD_BALANCE = regex(_alt("period_balance"))
ACCUMULATED = regex(_alt("accumulated"))
HELD = regex(f"(?:{_alt('held')})$")
FLOW = regex(f"(?:{_alt('flows')})(?:{_alt('flow_tails')})?$")

STOCK = "stock"
FLOW_KIND = "flow"


def _name(label: str) -> str:
    return NAME_END.sub("", label.strip("，,、；;：: "))


def kind_of(label: str) -> str | None:
    """`stock` for money held at a date, `flow` for money of a period, None where the name does not say."""
    name = _name(label)
    if BALANCE.search(name):
        if date_of(name) is not None or ACCUMULATED.search(name) or HELD.search(name):
            return STOCK
        return FLOW_KIND if PERIOD_BALANCE.search(name) else None
    return FLOW_KIND if FLOW.search(name) else None


def date_of(label: str) -> str | None:
    """The end of the period a stock's name places it at (`opening`, `closing`), None where it names none. (An
    opening's words may hold a closing's: `上年末` is the year's opening, though it holds `年末`.)"""
    if OPENING.search(label):
        return "opening"
    return "closing" if CLOSING.search(label) else None


def _measures(labels: Iterable[str]) -> set[tuple[str, str | None]]:
    """The kinds of the figures the names say, each stock with its date (None for a flow's or one not said)."""
    return {(kind, date_of(label) if kind == STOCK else None) for label in labels if (kind := kind_of(label))}


def of_another_measure(whole: Mention, items: list[Mention]) -> bool:
    """Is the whole a flow or a stock, and the items of another kind, a stock at another date, or stocks at two dates
    (`当年收支结余 T` over `年初滚存结余 a，年末滚存结余 b`; `支出 T` over `城乡社区支出 a，年末结余 b`)? A whole of no kind
    the name says decides nothing: a total of both sides holds the year's flows and its balances alike
    (`收入支出总计 T。其中：本年收入 a，年初结转和结余 b`)."""
    own = _measures([whole.label])
    if not own:
        return False
    kind, date = next(iter(own))
    listed = _measures(m.label for m in items)
    dates = {d for _, d in listed if d}
    return any(k != kind for k, _ in listed) or len(dates) > 1 or bool(date and dates - {date})
