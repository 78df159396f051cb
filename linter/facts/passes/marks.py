"""An indicator's full marks and its score in one clause (`分值 10 分，评价得分 6.5 分，扣 3.5 分`): the score is at
most the full marks, and where the deduction is stated with them, the full marks less the deduction."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Marked
from tieout.linter.facts.passes.base import SCORE_NUMBER
from tieout.linter.facts.passes.sets import MARKS_BRACKETED, SCORE_THEN_MARKS, all_joined
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

_NUMBER = SCORE_NUMBER
# a figure of marks that is a bound or a range's end (`得 3 分以上`, `得 5 分的`) is a scoring rule, not a score
_NOT_A_BOUND = r"(?!\s*(?:以上|以下|及以上|及以下|以内|之间|至|到|[-－～~]|的|者|/|／))"


def _deduction(name: str) -> str:
    return rf"[，,]\s*扣(?:分|除|减)?(?:为)?\s*(?P<{name}>{_NUMBER})\s*分{_NOT_A_BOUND}"


# the full marks named as such (`分值`, `满分`, `权重`), or an indicator's (`产出指标 40 分`); then the score, a
# deduction before or after it; nothing but a comma between them, so that the three are said of one indicator
MARKED = regex(
    rf"(?:满分|分值|权重|总分值|标准分|指标)(?:为|是)?\s*(?P<full>{_NUMBER})\s*分{_NOT_A_BOUND}"
    rf"(?:{_deduction('before')})?"
    rf"[，,]\s*(?:评价|实际|自评|考核|最终)?(?:得分|实得|得)(?:为|是)?\s*(?P<score>{_NUMBER})\s*分{_NOT_A_BOUND}"
    rf"(?:{_deduction('after')})?"
)
# words that make the clause a scoring rule rather than a result (`若未完成，满分 5 分，得 0 分`, `每项分值 2 分`)
RULE_WORDS = regex(r"每|若|如果|如未|未达到|否则|达到|不得分")
RULE_REACH = 8  # characters before the full marks looked at for those words


def marks(draft: Draft) -> Iterator[Marked]:
    """Full marks, score and deduction stated together, each figure exact and in 分."""
    text = draft.doc.text
    if "分" not in text or "得" not in text:
        return
    for si, mentions in draft.by_sentence.items():
        own = {q.start: q for m in mentions for q in m.quantities if q.base_unit == "分" and q.exact}
        if len(own) < 2:
            continue
        sentence = draft.doc.sentences[si]
        for found in MARKED.finditer(text, sentence.start, sentence.end):
            if RULE_WORDS.search(text, max(sentence.start, found.start() - RULE_REACH), found.end()):
                continue
            marked = _marked(found, own, si)
            if marked is not None:
                yield marked
        yield from _listed(text, sentence.start, sentence.end, own, si)


# one `键：值` line of an indicator's block (`分值：10`, `执行率：94.04%`, `得分：10.30`)
KEY_VALUE_LINE = regex(r"[ \t]*(?P<key>[\u4e00-\u9fff（）()]{1,12})[：:][ \t]*(?P<value>[^\n：:]{1,30}?)[ \t]*")
FULL_LINE = regex("分值|满分|标准分")
SCORE_LINE = regex("(?:评价|实际|自评)?得分")
LINE_VALUE = regex(rf"(?P<n>{_NUMBER})\s*分?")


def key_value_marks(draft: Draft) -> Iterator[Marked]:
    """`分值：10` / `执行率：94.04%` / `得分：10.30`: an indicator's block of `键：值` lines, one per line, with one
    full marks line and one score line after it; the block ends at the first line of another form."""
    text = draft.doc.text
    if "分值" not in text and "满分" not in text:
        return
    figures = {q.start: q for q in draft.facts.quantities if q.exact}
    starts = [sentence.start for sentence in draft.doc.sentences]
    blocks: list[list[re.Match[str]]] = [[]]
    pos = 0
    for line in text.split("\n"):
        found = KEY_VALUE_LINE.fullmatch(text, pos, pos + len(line))
        if found is None:
            blocks.append([])
        else:
            blocks[-1].append(found)
        pos += len(line) + 1
    for block in blocks:
        marked = _block_marks(block, figures)
        if marked is not None:
            yield Marked(*marked, None, bisect_right(starts, marked[1].start) - 1)


def _block_marks(block: list[re.Match[str]], figures: dict[int, Quantity]) -> tuple[Quantity, Quantity] | None:
    """The full marks and the score of one block, each stated once, the full marks first."""
    full = [k for k in block if FULL_LINE.fullmatch(k.group("key"))]
    score = [k for k in block if SCORE_LINE.fullmatch(k.group("key"))]
    if len(full) != 1 or len(score) != 1 or full[0].start() > score[0].start():
        return None
    values = [LINE_VALUE.fullmatch(k.group("value")) for k in (full[0], score[0])]
    if values[0] is None or values[1] is None:
        return None
    f = figures.get(full[0].start("value") + values[0].start("n"))
    g = figures.get(score[0].start("value") + values[1].start("n"))
    return (f, g) if f is not None and g is not None else None


def _listed(text: str, begin: int, end: int, own: dict[int, Quantity], si: int) -> Iterator[Marked]:
    """The indicators of a list with their full marks in brackets (`决策（15分）得 13 分；过程（25分）…`, `决策 13 分
    （满分 15 分），…`): read only where the list is all the first-level indicators (full marks making 100, joined
    by marks only), where a bracketed 分 can be nothing but the item's full marks."""
    for pattern in (MARKS_BRACKETED, SCORE_THEN_MARKS):
        pairs = list(pattern.finditer(text, begin, end))
        if not all_joined(text, pairs):
            continue
        for p in pairs:
            full, score = own.get(p.start("full")), own.get(p.start("got"))
            if full is not None and score is not None:
                yield Marked(full, score, None, si)
        return


def _marked(found: re.Match[str], own: dict[int, Quantity], sentence: int) -> Marked | None:
    full, score = own.get(found.start("full")), own.get(found.start("score"))
    if full is None or score is None:
        return None
    if found.group("before") and found.group("after"):
        return None  # two deductions: one of them is of something else
    name = "before" if found.group("before") else "after" if found.group("after") else None
    deducted = own.get(found.start(name)) if name else None
    if name and deducted is None:
        return None
    return Marked(full, score, deducted, sentence)
