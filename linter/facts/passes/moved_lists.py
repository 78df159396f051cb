"""What a move's later end holds, listed after it (`全县政府债务限额由 A 增加至 B，其中：一般债务限额 a，专项债务限额
b`): a 其中 list right after a move stated by its two ends is of the later end, B ⊇ a + b (and B = a + b where the
parts are every component of B's definition, vocab/sums.yaml).

The move's ends are no figures of their own (the grammar reads them as the move), so the list has no total unless
this pass gives it one: the later end, named as the clause opening before `由` names the item. Read only where each
part is named as a kind of that item (its name ends as the item's does, `一般债务限额` of `政府债务限额`) and names no
move (`新增一般债务限额 a` lists what the move added, not what B holds).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.definitions import complete
from tieout.linter.facts.model import Breakdown, FromTo, Mention
from tieout.linter.patterns import regex

from .base import clause_start

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# what stands between the move's later end and its list
LIST_AFTER = regex(r"[，,]\s*其中[：:，,]?\s*")
# the item the move is of: the clause's words before `由` (`，全县政府债务限额由`)
MOVED_ITEM = regex(r"(?P<name>[\u4e00-\u9fff]{2,24})(?:由|从)\s*$")
# the marks a clause opens after
CLAUSE_MARKS = "。；;：:，,"
# a part naming a move (`新增一般债务限额`, `调增`): a part of the change, not of the end
MOVE_WORDS = regex(r"新增|增加|减少|调增|调减|追加|压减|核增|核减|增长|下降")
# what may stand between two parts of the list
BETWEEN_PARTS = regex(r"[，,、；;\s]*(?:以及|和|及)?\s*")


def moved_lists(draft: Draft) -> Iterator[Breakdown]:
    text = draft.doc.text
    for f in draft.facts.fromtos:
        after = LIST_AFTER.match(text, f.end.end)
        if after is None or f.end.kind != "amount":
            continue
        head = _moved_item(draft, f)
        if head is None:
            continue
        item = draft.labeller.identify(head)[0]
        parts = _parts(draft, f, after.end(), item)
        if len(parts) < 2:
            continue
        sentence = draft.doc.sentences[f.sentence]
        whole = Mention(head, item, [f.end], f.sentence, sentence.paragraph)
        # (every component of the item's definition listed: all of B, `一般债务限额` and `专项债务限额` of a 限额)
        yield Breakdown(whole, parts, "其中", complete(whole, parts), f.sentence, certain=False)


def _moved_item(draft: Draft, f: FromTo) -> str | None:
    """The name the move's clause opens with, before `由` (`全县政府债务限额`), if it opens so."""
    text = draft.doc.text
    floor = draft.doc.sentences[f.sentence].start
    start = clause_start(text, floor, f.start.start, CLAUSE_MARKS)
    named = MOVED_ITEM.search(text, start, f.start.start)
    return named.group("name") if named is not None and named.start() == start else None


def _parts(draft: Draft, f: FromTo, at: int, item: str) -> list[Mention]:
    """The run of figures right after the list's opening, each one amount in the later end's unit, named as a
    kind of the item and no move; none where one of them is another list's part already."""
    text = draft.doc.text
    parts: list[Mention] = []
    for m in draft.by_sentence.get(f.sentence) or []:
        if not m.quantities or m.start < at:
            continue
        q = m.quantities[0]
        if len(m.quantities) != 1 or q.kind != "amount" or q.base_unit != f.end.base_unit:
            break
        own = draft.labeller.identify(m.label)[0]
        if MOVE_WORDS.search(m.label) or not _kind_of(own, item):
            break
        begin = parts[-1].quantities[-1].end if parts else at
        named_at = text.rfind(m.label, begin, q.start)
        if named_at < 0 or not BETWEEN_PARTS.fullmatch(text, begin, named_at):
            break
        parts.append(m)
    return [] if any(draft.is_part(m) for m in parts) else parts


def _kind_of(part: str, item: str) -> bool:
    """Is the part named as one kind of the item: its name ending as the item's does, at least the last two
    characters (`一般债务限额` of `政府债务限额`), and more than that ending?"""
    n = 0
    while n < min(len(part), len(item)) and part[-1 - n] == item[-1 - n]:
        n += 1
    return n >= 2 and len(part) > n and part != item
