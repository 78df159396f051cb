"""The facts under construction (Draft): what the sentence pass found that the linking passes read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tieout.linter.facts.model import Facts, Mention
from tieout.linter.figures.context import Context
from tieout.linter.figures.labels import Labeller
from tieout.linter.figures.quantities import Quantity
from tieout.linter.text.model import Document, Section


@dataclass(slots=True)
class Draft:
    """The facts under construction and what the sentence pass knows that the linking passes need."""

    doc: Document
    labeller: Labeller
    facts: Facts
    by_sentence: dict[int, list[Mention]] = field(default_factory=dict)  # mentions in order, per sentence
    headless: dict[int, list[Mention]] = field(default_factory=dict)  # sentence opening with 其中 → its parts
    whole_named: dict[int, str] = field(default_factory=dict)  # sentence opening `X中，` → X (its parts' whole)
    # sentence opening `X包括：` → X (its parts' whole), and whether the words list all of it (not `主要包括：`)
    whole_listed: dict[int, tuple[str, bool]] = field(default_factory=dict)
    # sentences opening with a whole's make-up (从支出结构看): their parts are the figure before's only if they fit in it
    make_up: set[int] = field(default_factory=set)
    parts: set[int] = field(default_factory=set)  # ids of mentions listed as parts of a breakdown
    totals: set[int] = field(default_factory=set)  # ids of mentions that are a breakdown's total
    noted: set[int] = field(default_factory=set)  # ids of mentions in brackets after a part: that part's
    # sentences whose list states with an item what was done of it (`未盘活 a，已收回 b`): b noted, a an amount due
    progress: set[int] = field(default_factory=set)
    parse_errors: int = 0
    # per sentence, the offsets of its brackets and the depth after each (passes/base.py `in_brackets`, passes/chained_totals.py)
    brackets: dict[int, tuple[list[int], list[int]]] = field(default_factory=dict)
    # per sentence, the spans of its `加` and `减` words (passes/chained_totals.py `_chain`)
    signs: dict[int, tuple[list[tuple[int, int]], list[tuple[int, int]]]] = field(default_factory=dict)
    # per mention (id): the context its own words and its whole's state, and the one its headings and the
    # document's title add (facts/identity.py), for the parts the linking passes find
    stated: dict[int, Context] = field(default_factory=dict)
    around: dict[int, Context] = field(default_factory=dict)
    excluded: dict[int, str] = field(default_factory=dict)  # what a mention's words leave out of its item (不含…)
    bracketed: set[int] = field(default_factory=set)  # parts of lists in brackets (`X（其中：A a，B b）`), by id
    # shares naming a part and a whole, no figure stated under the part's name: (part, whole, rate, sentence)
    unread_shares: list[tuple[str, str, Quantity, int]] = field(default_factory=list)
    # the mentions by paragraph, in order (passes/base.py `by_paragraph`): found once, on first use by a pass
    paragraph_mentions: dict[int, list[Mention]] | None = None
    # the mention of each figure, by where the figure starts (passes/links.py `mention_index`): found once
    quantity_owner: dict[int, Mention] | None = None
    # the runs of numbered items among the sections (passes/item_runs.py `item_runs`): found once
    item_runs: list[list[Section]] | None = None
    # other indexes of the document that several passes read, each built on first use (passes/base.py `once`)
    memo: dict[str, Any] = field(default_factory=dict)

    def is_part(self, m: Mention) -> bool:
        return id(m) in self.parts
