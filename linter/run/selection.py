"""Rule selection by code, name or code prefix (`TO1`, `TO101`, `sum-mismatch`, `ALL`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def matches(code: str, name: str, patterns: Iterable[str]) -> bool:
    for p in patterns:
        p = p.strip()
        if not p:
            continue
        if p.upper() == "ALL" or p == name or code.upper().startswith(p.upper()):
            return True
    return False


def enabled(
    code: str, name: str, select: Sequence[str], ignore: Sequence[str], extend_select: Sequence[str] = ()
) -> bool:
    chosen = matches(code, name, select) if select else True
    chosen = chosen or matches(code, name, extend_select)
    return chosen and not matches(code, name, ignore)
