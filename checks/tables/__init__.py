"""Table checks that follow the table model (`tieout.linter.parse.tables`): row trees (TO305), 合计 rows
(TO301), cross-footing (TO306), two-sided totals (TO307), standard-table identities kept as data (TO308),
rate and share columns (TO302, TO303), columns defined by a stated formula (TO309), scores over their
weights (TO310), change columns (TO311), and prose against tables (TO304)."""

from __future__ import annotations

from tieout.linter.rules.base import Rule
from tieout.linter.rules.hooks import hookimpl

from .deltas import TableDelta
from .formulas import TableFormula
from .rates import TableRate, TableShare
from .scores import TableScoreOverWeight
from .sums import TableBalance, TableCrossfoot, TableIdentity, TableParent, TableTotal
from .text import TextTable


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [
        TableTotal,
        TableRate,
        TableShare,
        TextTable,
        TableParent,
        TableCrossfoot,
        TableBalance,
        TableIdentity,
        TableFormula,
        TableScoreOverWeight,
        TableDelta,
    ]
