"""The moments a change may be compared with besides last year: the start of the period or a year's end.

Kept apart from the sentence pass (which needs the parser) so that the checks can read them without it:
`tieout rules` and `tieout explain` load the checks and must not import lark (tests/test_cache.py).
"""

from __future__ import annotations

from tieout.linter.patterns import regex

# a comparison with the start of the period or a year's end (`较年初`, `比上年末`, `比 2023 年末`; a finding names the
# earlier value by that moment, checks.changes)
COMPARED_MOMENT = regex(r"^(?:比|较|与)(?P<moment>年初|期初|上年末|上年底|\d{4}年(?:末|底))")
