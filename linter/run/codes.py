"""Rule selectors (`TO101`, `TO1`, `sum-mismatch`, `ALL`) checked against the rules that exist.

A selector that names no rule would silently turn checking off (`--select TO10I` selects nothing, so
every report passes), so it is a usage error, with the nearest known codes or names as a suggestion, as
ruff rejects unknown codes. The same check serves `--select/--ignore/--extend-select`, the configuration
(`select`, `ignore`, `extend-select`, the keys of `severity`, the values of `per-file-ignores`) and inline
suppressions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # `tieout explain` suggests codes without loading the configuration
    from tieout.linter.run.config import Config

# Codes emitted by the engine itself (linter/run/engine.py, suppressions.py) and documented as rules in
# checks/meta.py; listed here too so that validation never depends on a plugin that failed to load.
CORE = {"TO900": "internal-error", "TO901": "unused-suppression"}
LOOKALIKES = str.maketrans({"I": "1", "L": "1", "O": "0", "S": "5", "Z": "2", "B": "8"})


def _distance(a: str, b: str) -> int:
    """Levenshtein distance: how many characters to insert, delete or change to turn `a` into `b`."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, start=1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


@dataclass(frozen=True, slots=True)
class KnownRules:
    """The codes and names a selector may use."""

    codes: tuple[str, ...]
    names: tuple[str, ...]

    @classmethod
    def of(cls, rules: Iterable[tuple[str, str]]) -> KnownRules:
        pairs = dict(CORE)
        pairs.update(dict(rules))
        return cls(tuple(sorted(pairs)), tuple(sorted(pairs.values())))

    def valid(self, selector: str) -> bool:
        s = selector.strip()
        if not s or s.upper() == "ALL" or s in self.names:
            return True
        # a code or a prefix of codes (`TO1`, `TO10`), as selection.matches reads it: case-insensitive
        return any(code.upper().startswith(s.upper()) for code in self.codes)

    def suggest(self, selector: str) -> list[str]:
        """Up to three known codes or names close to a selector that names none: a code typed with a
        look-alike letter (`TO10I`, `T0101`) first, then the codes and names fewest edits away."""
        s = selector.strip()
        code = s.upper()
        if code[:2] in ("TO", "T0"):
            fixed = "TO" + code[2:].translate(LOOKALIKES)
            if self.valid(fixed):
                return [fixed]
        scored = [(_distance(code, c), c) for c in self.codes if len(c) >= 2]
        scored += [(_distance(s.lower(), n), n) for n in self.names]
        limit = max(1, min(3, len(s) // 2))  # edits beyond that are another word, not a typo
        return [c for d, c in sorted(scored) if d <= limit][:3]

    def problem(self, selector: str, where: str) -> str | None:
        """One line for a selector that names no rule (None when it is valid)."""
        if self.valid(selector):
            return None
        hint = self.suggest(selector)
        tail = f"; did you mean {' or '.join(hint)}?" if hint else "; `tieout rules` lists the rules"
        return f"{where}: unknown rule {selector!r}{tail}"

    def first_problem(self, selectors: Sequence[str], where: str) -> str | None:
        return next((p for s in selectors if (p := self.problem(s, where)) is not None), None)


def known_rules() -> KnownRules:
    """The rules of this installation (the built-in checks and those plugins add)."""
    from tieout.linter.run.plugins import plugins

    return KnownRules.of((r.code, r.name) for r in plugins().rules)


def check_config(config: Config, known: KnownRules) -> None:
    """Raise `ConfigError` at the first rule selector of a configuration file that names no rule."""
    from tieout.linter.run.config import ConfigError

    where = config.source or "configuration"
    fields: list[tuple[str, Sequence[str]]] = [
        ("select", config.select),
        ("ignore", config.ignore),
        ("extend-select", config.extend_select),
        ("severity", list(config.severity)),
        *((f"per-file-ignores[{pattern!r}]", codes) for pattern, codes in config.per_file_ignores.items()),
    ]
    for key, selectors in fields:
        problem = known.first_problem(selectors, f"{where}: {key}")
        if problem is not None:
            raise ConfigError(problem)
