"""The differences the vocabulary defines between two measures of one thing (differences.yaml), read once: the
difference pass finds them stated, and the list passes tell the two sides of one from two parts of a whole."""

from __future__ import annotations

from dataclasses import dataclass

from tieout.linter.vocab import load


@dataclass(frozen=True, slots=True)
class Identity:
    """A difference the vocabulary defines (differences.yaml): the names of the difference, the minuend and the
    subtrahend."""

    difference: frozenset[str]
    minuend: frozenset[str]
    subtrahend: frozenset[str]
    # the minuend is a stock of an earlier period than the other two (`earlier_minuend`: the money an audit's problems
    # involve, dated by the audit's year, and what was rectified of it by a later day): its period is not compared
    earlier_minuend: bool = False
    # the two are a budget's or a fund's flows (`flows`: 收入 and 支出): each may be named by its item, the fund and the
    # period it is of left out (`一般公共预算收入`), and may open with the fund it is of (`失业保险基金收入`)
    flows: bool = False
    # the minuend is what was due and the others what came of it (`stages`: 应到位 of the plan, 到位 and 未到位 of the
    # execution): their stages are not compared
    stages: bool = False


def _names(entry: dict[str, object], role: str) -> frozenset[str]:
    values = entry.get(role)
    return frozenset(str(v) for v in values) if isinstance(values, list) else frozenset()


IDENTITIES: tuple[Identity, ...] = tuple(
    Identity(
        _names(e, "difference"),
        _names(e, "minuend"),
        _names(e, "subtrahend"),
        e.get("earlier_minuend") is True,
        e.get("flows") is True,
        e.get("stages") is True,
    )
    for e in load("differences").get("differences") or []
)
