"""Lists that a listed part opens of its own, a level below the list it stands in (`新增债券中，一般债券 a，主要用于…；
专项债券 b，分别投向交通 x1、市政 x2、其他 x3`): x1, x2 and x3 break down b, not the list's total, whatever read the
list as one.

The part says so by its words: right after its figure, a comma and the words opening what it is spent on or goes to
(vocab relations `part_list_openers`: `分别投向`, `主要用于`, `用于`…), run on into the first item's name. The items
joined to that one by `、` (or `和`, `及`) are the part's list; a `；` after them, or the list's end, closes it, and the
list's own items go on after it. Where a comma follows them, whether the next item is the part's or the list's is
not said: the list's sum is then left unread (its parts are not known), the part's read as a selection of its uses.

And by the figures alone: where the parts overrun the total by exactly one part, and the parts right after that one
add up to it, those are that part's (the rest then add up to the total): a list read flat that nests.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from tieout.linter.facts.model import Breakdown, Mention
from tieout.linter.facts.passes.base import exact_figure, exact_of
from tieout.linter.patterns import regex
from tieout.linter.vocab import alternation, words

# a comma after a part's figure, then the words opening its own list and the first item's name (no other separator)
OPENS_A_LIST = regex(
    rf"^\s*[，,]\s*(?P<opener>{alternation(words('relations', 'part_list_openers'))})[：:]?[^，,；;。、：:]*$"
)
# what may stand before a part's own name in its label: the list's keyword, its punctuation
OWN_NAME_OPENING = regex(r"^[\s，,；;：:、]*(?:其中[，,：:]?)?\s*")
# the words joining a list's items one to the next (`交通 x1、市政 x2和其他 x3`)
JOINS_ITEMS = ("、", "和", "及")
# the separators closing a part's list before the next item of the list it stands in
CLOSES_A_PART = ("；", ";")
# words after which the items named are every item (`分别投向`), not a selection (`主要用于`)
EVERY_ITEM = frozenset(words("relations", "exhaustive"))


def nest_introduced(text: str, b: Breakdown) -> list[Breakdown]:
    """The breakdown as its words and figures nest it: [b] where no part opens a list of its own; else the list less
    the runs its parts open (none where a run's end is not said), and each run as its part's list."""
    if b.minus or len(b.parts) < 3:
        return [b]
    found = _by_words(text, b)
    return found if found is not None else _by_figures(b)


def _gap(text: str, a: Mention, b: Mention) -> str:
    """The words between a figure's last quantity and the next figure."""
    return text[a.quantities[-1].end : b.start] if a.quantities and b.quantities else ""


def _opener(text: str, part: Mention, first: Mention) -> str | None:
    """The words by which the part opens a list of its own with `first` as the first item, if it does. A part named
    with those words itself (`其中用于教育 a，用于卫生 b`) opens none: the next is named as it is, its sibling."""
    m = OPENS_A_LIST.match(_gap(text, part, first))
    if m is None or OWN_NAME_OPENING.sub("", part.label).startswith(m.group("opener")):
        return None
    return m.group("opener")


def _run_end(text: str, parts: list[Mention], start: int) -> int:
    """The end of the run of items joined one to the next from parts[start]."""
    k = start + 1
    while k < len(parts) and _gap(text, parts[k - 1], parts[k]).lstrip().startswith(JOINS_ITEMS):
        k += 1
    return k


def _by_words(text: str, b: Breakdown) -> list[Breakdown] | None:
    """The list and the lists its parts open by their words; None where no part opens one."""
    parts = b.parts
    own: list[Mention] = []
    below: list[Breakdown] = []
    settled = True
    i = 0
    while i < len(parts):
        own.append(parts[i])
        opener = _opener(text, parts[i], parts[i + 1]) if i + 1 < len(parts) else None
        if opener is None:
            i += 1
            continue
        k = _run_end(text, parts, i + 1)
        closed = k == len(parts) or _gap(text, parts[k - 1], parts[k]).lstrip().startswith(CLOSES_A_PART)
        settled = settled and closed
        run = parts[i + 1 : k]
        unit = exact_figure(parts[i])
        if unit is not None and all(exact_of(m, unit.base_unit) is not None for m in run):
            every = opener in EVERY_ITEM and closed and not text.startswith("等", run[-1].quantities[-1].end)
            below.append(Breakdown(parts[i], run, opener, every, b.sentence, certain=b.certain))
        i = k
    if not below and len(own) == len(parts):
        return None
    outer = [replace(b, parts=own, exhaustive=b.exhaustive and len(own) >= 2)] if settled else []
    return outer + below


def _by_figures(b: Breakdown) -> list[Breakdown]:
    """The list and the run nested in it by the figures alone (the parts overrun the total by exactly one part,
    and the parts right after it add up to it); [b] where they do not."""
    whole = exact_figure(b.total)
    if whole is None:
        return [b]
    values = [q.base_value if (q := exact_of(m, whole.base_unit)) is not None else None for m in b.parts]
    if any(v is None for v in values):
        return [b]
    known = [v for v in values if v is not None]
    excess = sum(known, Decimal(0)) - whole.base_value
    for i, value in enumerate(known):
        if value <= 0 or value != excess:
            continue
        k = _adds_up_to(known, i)
        if k is not None:
            inner = Breakdown(b.parts[i], b.parts[i + 1 : k], "", True, b.sentence, inferred=True, certain=False)
            return [replace(b, parts=b.parts[: i + 1] + b.parts[k:]), inner]
    return [b]


def _adds_up_to(values: list[Decimal], i: int) -> int | None:
    """The end of the run of two or more values right after values[i] that adds up to it exactly, if any."""
    total = Decimal(0)
    for k in range(i + 1, len(values)):
        total += values[k]
        if total == values[i] and k > i + 1:
            return k + 1
        if total > values[i]:
            return None
    return None
