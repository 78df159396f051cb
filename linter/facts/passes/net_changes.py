"""A change restated as the net of its causes: `项目支出…与上年相比增加 125.62 万元。主要原因是 A 专项增加 200 万元，…
压减 10%，增减相抵后增加 125.62 万元。` The grammar reads the closing clause as a change of its own, of no figure
(its label the words `增减相抵后`, an item's name after them or none); it is the change the paragraph explains,
stated again after its causes, and its size must be that change's (TO201).

Read only with certainty: the net change names no figure of its own (no current, no base) and one size, an amount;
the change it restates is the nearest one before it in its paragraph, in one of the two sentences before (one in
its own sentence is left: TO201 reads two figures of one sentence as a conversion), that states a size of the same
unit and is no net change itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Change, Identity, Restatement
from tieout.linter.facts.passes.base import mention
from tieout.linter.figures.context import Context
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# the words that make a change the net of the ups and downs named before it
NET = regex(r"^(?:增减相抵后|增减相抵|相抵后)")
SENTENCES_BEFORE = 2  # how far back, in sentences, the change restated may stand


def net_changes(draft: Draft) -> Iterator[Restatement]:
    changes = draft.facts.changes
    sentences = draft.doc.sentences
    for k, net in enumerate(changes):
        size = _size(net)
        if size is None or net.current is not None or net.base is not None or not NET.match(net.label):
            continue
        paragraph = sentences[net.sentence].paragraph
        earlier = [
            (c, q)
            for c in changes[:k]
            if net.sentence - SENTENCES_BEFORE <= c.sentence < net.sentence
            and sentences[c.sentence].paragraph == paragraph
            and not NET.match(c.label)
            and (q := _size(c)) is not None
            and q.base_unit == size.base_unit
        ]
        if not earlier:
            continue
        change, stated = max(earlier, key=lambda x: x[1].start)
        name = f"{change.label}的变动额" if change.label else "变动额"
        figures = [(mention(draft, name, stated), stated), (mention(draft, name, size), size)]
        yield Restatement(Identity(name, Context()), figures)


def _size(c: Change) -> Quantity | None:
    """The one amount a change moves by (`增加 125.62 万元`), as its quantity; None for none, a rate or several."""
    amounts = [m.quantity for m in c.movements if m.quantity is not None and m.quantity.kind == "amount"]
    return amounts[0] if len(amounts) == 1 else None
