"""A sum and what its parts are for, each part a clause of its own opening with its figure: `专项债券 T，a 用于土地储备，
b 用于产业园区，…，e 用于其他` (T = a + … + e), `发行特别国债 T，其中，安排 a 支持…，安排 b 支持…` (a + b at most T).

The sentence reader reads a list of parts named before their figures (`其中 A a、B b`); here each part names what it is
spent on after its figure. Read only where nothing is left open: the sum an amount, right before a comma (its noun
maybe between: `T 特别国债，`), then two parts or more, one after another in its sentence, each its figure of the
sum's unit (maybe after 安排) and the words of a use (用于, 支持, 投向) with no figure, the last closing its sentence
or clause. The parts make the sum where the last is the rest (`用于其他`) and no 其中 opened them; else they are
some of it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Breakdown, Mention
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

_VERB = r"(?:安排|拨付|下达)?"
_USE = r"(?:主要)?(?:用于|支持|投向)"
# between the sum and the first part: its noun maybe, a comma, maybe 其中
OPENS = regex(rf"[\u4e00-\u9fff“”]{{0,12}}[，,：:]\s*(?P<some>其中[，,：:]?)?\s*{_VERB}\s*")
# between two parts: the use of the one before, a comma or semicolon, the verb of the next maybe
USED_THEN_NEXT = regex(rf"{_USE}[^\d，,。；;]{{1,40}}[，,；;]\s*{_VERB}\s*")
# after the last part: its use, then the end of its clause or sentence
USED_LAST = regex(rf"{_USE}(?P<what>[^\d，,。；;]{{1,40}})(?:[。；;]|$)")
# a last use that is what is left of the sum (`用于其他`, `用于其他方面`)
REST_USE = regex(r"其他|其它|其余")


def purposes(draft: Draft) -> Iterator[Breakdown]:
    text = draft.doc.text
    if "用于" not in text and "支持" not in text and "投向" not in text:
        return
    listed = {id(m) for b in draft.facts.breakdowns for m in (b.total, *b.parts)}
    for si, said in draft.by_sentence.items():
        figures = [m for m in said if len(m.quantities) == 1]
        for k in range(len(figures) - 2):
            found = _uses(text, figures, k)
            if found is None or any(id(m) in listed for m in found[0]):
                continue
            (whole, *parts), complete = found
            listed.update(id(m) for m in found[0])
            yield Breakdown(whole, parts, "用于", complete, si)


def _uses(text: str, figures: list[Mention], k: int) -> tuple[list[Mention], bool] | None:
    """The sum `figures[k]` and the parts after it, each a clause of a use, and whether they make all of it."""
    whole = figures[k].quantities[0]
    if whole.kind != "amount" or not whole.exact:
        return None
    opened = OPENS.fullmatch(text, whole.end, figures[k + 1].quantities[0].start)
    if opened is None:
        return None
    parts: list[Mention] = []
    for j in range(k + 1, len(figures)):
        q = figures[j].quantities[0]
        if q.kind != "amount" or q.base_unit != whole.base_unit or not q.exact:
            return None
        parts.append(figures[j])
        end = figures[j + 1].quantities[0].start if j + 1 < len(figures) else len(text)
        last = USED_LAST.match(text, q.end, end)
        if last is not None:
            if len(parts) < 2:
                return None
            rest = REST_USE.fullmatch(last.group("what").strip()) is not None
            return [figures[k], *parts], rest and opened.group("some") is None
        if j + 1 == len(figures) or USED_THEN_NEXT.fullmatch(text, q.end, end) is None:
            return None
    return None
