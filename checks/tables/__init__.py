"""Table checks that follow the table model (`tieout.linter.parse.tables`): row trees (TO305), 合计 rows
(TO301), cross-footing (TO306), two-sided totals (TO307), standard-table identities kept as data (TO308),
rate and share columns (TO302, TO303), columns defined by a stated formula (TO309), scores over their
weights (TO310), change columns (TO311), and prose against tables (TO304). The rules are declared in
`rules`; the modules that evaluate them are imported on a document with tables."""

from __future__ import annotations

from tieout.linter.rules.base import Rule
from tieout.linter.rules.hooks import hookimpl

from .rules import (
    TableBalance,
    TableCrossfoot,
    TableDelta,
    TableFormula,
    TableIdentity,
    TableParent,
    TableRate,
    TableScoreOverWeight,
    TableShare,
    TableTotal,
    TextTable,
)


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
