"""Exact arithmetic at any size: a decimal context sized to the figures a text can hold.

Python's default decimal context keeps 28 significant digits; a quantize or a sum past that raises
`InvalidOperation` or rounds silently, so a figure of 29 digits broke checks. A document's figures have at
most as many digits as its longest run of digits, separators and points (and never more than `MAX_DIGITS`:
longer runs are no amounts, `quantities` drops them); sums, differences and products of such figures, ratios
quantized to their decimals, and the rounding bands around them all fit in four times that many digits, plus
the scale of 亿 and a margin. Divisions stay inexact, as they must, at that precision.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from decimal import MAX_EMAX, MIN_EMIN, Context, localcontext
from functools import lru_cache

from tieout.linter.patterns import regex

# No report states an amount of more digits than this (10^60 元); a longer run of digits is an identifier,
# a hash or debris, never a figure (`quantities.extract` and the table cells drop them).
MAX_DIGITS = 60
DEFAULT_PRECISION = 28  # Python's default, enough for every figure of up to 12 digits
MARGIN = 48  # the scale of 亿 (8 digits) twice, the factor of a percentage, and guard digits
RUN = regex(r"\d[\d,.]*")


@lru_cache(maxsize=2)
def longest_figure(text: str) -> int:
    """An upper bound of the significant digits of any figure in `text` (capped at MAX_DIGITS). Kept for the
    last texts asked about: the engine sizes the context for a document's analysis and again for its checks,
    and each reading is a search of the whole text (a hundredth of a check)."""
    # the runs longest first: a run has no more digits than characters, so the first runs tell (a report has
    # a hundred thousand runs, found and sorted at C speed)
    runs = RUN.findall(text)
    runs.sort(key=len, reverse=True)
    longest = 0
    for run in runs:
        if len(run) <= longest:
            break
        longest = max(longest, min(MAX_DIGITS, len(run) - run.count(",") - run.count(".")))  # (the rest: digits)
        if longest == MAX_DIGITS:
            break
    return longest


def precision_for(digits: int) -> int:
    return max(DEFAULT_PRECISION, 4 * min(digits, MAX_DIGITS) + MARGIN)


@contextmanager
def exact(text: str | None = None) -> Iterator[Context]:
    """Decimal arithmetic for the figures of `text` (None: for figures of any size a report can hold)."""
    digits = MAX_DIGITS if text is None else longest_figure(text)
    with localcontext() as ctx:
        ctx.prec = precision_for(digits)
        ctx.Emax, ctx.Emin = MAX_EMAX, MIN_EMIN
        yield ctx
