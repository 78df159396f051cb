"""A rate of the whole entity restated without its figures (`部门预算执行率达到 96.73%` in a report's 结论, after
`调整后预算 A，实际支出 B，预算执行率 96.73%`): the sentence pass reads it with no operands (or with figures of
another unit before it, a score); it is the rate the
report worked out from its figures under the same name, stated again, and must be that rate's value (TO201: the
worked rate is held to its figures where it is stated, the restatement to the worked rate).

Read only with certainty: the restatement names the whole by a word of scope before the rate's name (`部门`,
`部门整体`, `本部门`, `整体`, a `全年` beside them), the rest of its name is the worked rate's name exactly, and the
report works out one rate of that name (every rate of it that has figures states one value), or, none of that name
being the whole's, one of its spending (`支出预算执行率` for `部门预算执行率`): a report's project
rates are named otherwise (`项目支出执行率`, `执行率` after a project's name). Every rate worked out under that name
must be the whole's: a rate named by its kind alone is the rate of what its figures are of (`“三公”经费年度预算 A，
实际支出 B，预算执行率 p%` is the 三公经费's, not the department's, whatever the name), so a worked rate whose figures
name an item beyond the whole's own spending holds the restatement to nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Identity, Rate, Restatement
from tieout.linter.facts.passes.base import mention
from tieout.linter.figures.context import Context
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

# the whole named before the rate's name: a scope word, a 全年 or 年度 beside it (`部门全年预算执行率`, `全年部门…`)
WHOLE = regex(r"^(?:全年|年度)?(?:本部门|部门整体|部门|整体)(?:全年|年度)?(?=\S{3})")
# the word naming a rate of the whole's spending (`支出预算执行率`), which a rate of the whole's budget is
SPENDING = "支出"
# the item of a figure of the whole's own budget or spending: none named, or the whole's words and its spending
# (`调整后预算`, `实际支出`, `部门整体支出`, `单位全年预算`), no item of its own (`“三公”经费`, `该项目`, `会议费`)
WHOLE_ITEM = regex(
    r"(?:本部门|部门整体|部门|本单位|单位|整体|全年|年度|本年|全部)*(?:总?支出|资金)?(?:合计|总计|总额)?"
)


def restated_rates(draft: Draft) -> Iterator[Restatement]:
    """Each rate with no operands that names the whole before a name the report works out one rate of."""
    worked: dict[str, list[Rate]] = {}
    for r in draft.facts.rates:
        if r.operands and r.certain and r.formula is None and r.stated.kind == "percent":
            worked.setdefault(r.name, []).append(r)
    if not worked:
        return
    for r in draft.facts.rates:
        if r.formula is not None or r.stated.kind != "percent":
            continue
        whole = WHOLE.match(r.name)
        found = worked.get(r.name[whole.end() :]) if whole is not None else None
        if whole is None and r.name in worked and _titled(draft, r, worked[r.name][0]):
            found = worked[r.name]
        if whole is not None and not (found and all(_of_whole(draft, w) for w in found)):
            # (none of that name is the whole's, a worked rate of a named item, `“三公”经费…预算执行率 p%`: the whole's
            # budget executed is its spending's, worked out as `支出预算执行率` of the whole's figures, where it is)
            found = worked.get(SPENDING + r.name[whole.end() :])
            if not found or not all(_of_whole(draft, w) for w in found):
                continue
        if found and len({w.stated.value for w in found}) == 1 and not _own_figures(r, found[0]):
            w = found[0]
            figures = [(mention(draft, w.name, w.stated), w.stated), (mention(draft, r.name, r.stated), r.stated)]
            yield Restatement(Identity(w.name, Context()), figures)


def _of_whole(draft: Draft, worked: Rate) -> bool:
    """Are the figures the rate is worked out from all of the whole (their items naming nothing else)? Figures of no
    mention cannot say: not the whole's, as far as is known."""
    items = [m.identity.item for m in draft.facts.mentions if any(q in worked.operands for q in m.quantities)]
    return bool(items) and all(WHOLE_ITEM.fullmatch(item) is not None for item in items)


def _titled(draft: Draft, r: Rate, worked: Rate) -> bool:
    """Is the rate restated right after an indicator's title naming the item the worked rate's figures are of and
    the rate's own name (`3.“三公”经费控制率。控制率为 p%`, after `“三公”经费预算 A，决算 B，控制率 p%`)? The title
    says which rate it is; the figures of the worked one all name that item (the sentence before, in the same
    paragraph, is the title and nothing else)."""
    si = r.sentence
    sentences, text = draft.doc.sentences, draft.doc.text
    if si < 1 or r.operands or sentences[si - 1].paragraph != sentences[si].paragraph:
        return False
    items = {m.identity.item for m in draft.facts.mentions if any(q in worked.operands for q in m.quantities)}
    if len(items) != 1:
        return False
    title = TITLE.fullmatch(QUOTES.sub("", text[sentences[si - 1].start : sentences[si - 1].end]))
    return title is not None and title.group(1) == f"{next(iter(items))}{r.name}"


# an indicator's title standing as a sentence of its own: its number, its name, a full stop (`3.“三公”经费控制率。`)
TITLE = regex(r"\s*(?:\d{1,2}[.．、]|[（(]\d{1,2}[）)])\s*([\u4e00-\u9fff]{2,24})[。：:]?\s*")
QUOTES = regex(r"[“”\"]")


def _own_figures(r: Rate, worked: Rate) -> bool:
    """Does the restatement hold figures it may be worked out from, of the unit of the worked rate's own (then it is
    a rate of its own, checked so)? Figures of another unit before it in its sentence (`自评得分 93.20 分，部门预算执行率
    98.49%`) are none of its."""
    units = {q.base_unit for q in worked.operands}
    return any(q.base_unit in units for q in r.operands)
