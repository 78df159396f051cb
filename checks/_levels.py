"""A first-level performance indicator's score listed by its second-level indicators (`产出指标得分 37.40 分，其中
数量指标得 18.00 分，质量指标得 9.50 分，…`): when the list is all of the score.

The frameworks of performance indicators fix each first-level indicator's second-level ones (产出: 数量、质量、时效、
成本; vocabulary indicator_levels), and a first-level score is theirs added. A `其中` list of them is nonetheless
read as some of them unless the text shows it is all: it names every one of them, or the full marks (分值) it states
of its parts add up to the full marks it states of the whole. Naming only some, the list stays a subset."""

from __future__ import annotations

from decimal import Decimal
from re import Match

from tieout.linter.facts.model import Breakdown
from tieout.linter.facts.passes.base import FULL_MARKS
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex
from tieout.linter.rules.base import CheckContext
from tieout.linter.vocab import alternation, load

# each first-level indicator's second-level ones, each as the names a report writes it by
LEVELS: dict[str, tuple[tuple[str, ...], ...]] = {
    str(first): tuple(tuple(str(n) for n in names) for names in members)
    for first, members in (load("relations").get("indicator_levels") or {}).items()
}
FIRST_LEVEL = regex(alternation(LEVELS))
# the first-level indicators whose members differ between frameworks (效益 holds 服务对象满意度 in one, not in another):
# naming the members of one framework does not say the list is all of it
OPEN = frozenset(str(f) for f in load("relations").get("indicator_levels_open") or [])
# the names of each first-level indicator's members, longest first, and which member each names
MEMBER_NAMES = {first: regex(alternation(n for names in members for n in names)) for first, members in LEVELS.items()}
MEMBER_OF = {first: {n: i for i, names in enumerate(members) for n in names} for first, members in LEVELS.items()}
# words between a member's name and its figure that make the figure no score of it (`数量指标扣 0.43 分`)
NOT_SCORED = regex(r"扣|减|失|差|未|不")
# a score, not full marks (`数量指标得 18.00 分` under `分值 40 分`)
SCORED = regex(r"得")
POINTS = "分"


def levels_complete(ctx: CheckContext, b: Breakdown, total: Quantity, parts: list[Quantity]) -> bool:
    """Is the list of scores (or of full marks) under a first-level indicator's every second-level one, by their
    names or by their full marks adding up to the whole's?"""
    if total.base_unit != POINTS or any(p.base_unit != POINTS for p in parts) or b.inferred:
        return False
    parts = sorted(parts, key=lambda p: p.start)
    if total.end > parts[0].start:
        return False
    found = _first_level(ctx, b, total)
    if found is None:
        return False
    first = found.group()
    marks_total = _is_marks(ctx, total)
    names = _member_names(ctx, first, total, parts, marks_total)
    if names is None:
        return False
    members = [MEMBER_OF[first][n.group()] for n in names]
    if len(set(members)) != len(members):
        return False
    every = len(members) == len(LEVELS[first]) and first not in OPEN
    if marks_total:
        # (a list of full marks states no full marks of its parts beside them; under the whole's full marks, scores
        # are the parts' scores, `满分 50 分，其中数量指标 18 分…，扣分主要在…`, no list of its marks)
        return every and all(_is_marks(ctx, p) for p in parts)
    own = _part_marks(ctx, names, parts)
    if own is None:
        return False
    whole = _marks_between(ctx, found.end(), names[0].start())
    if not own or len(whole) != 1:
        # (full marks of the parts with none of the whole to hold them to: the names alone may say it is all)
        return every and len(own) in (0, len(parts))
    return len(own) == len(parts) and sum(own, Decimal(0)) == whole[0]


def _first_level(ctx: CheckContext, b: Breakdown, total: Quantity) -> Match[str] | None:
    """The first-level indicator the total is of: the one name of one its sentence writes before it, with no
    score between (`产出指标：分值 40 分，得分 37.40 分`; not `产出指标得 34 分，效益指标得 24 分`)."""
    text = ctx.doc.text
    start = ctx.doc.sentences[b.total.sentence].start
    found = list(FIRST_LEVEL.finditer(text, start, total.start))
    if not found or len({m.group() for m in found}) != 1:
        return None
    last = found[-1]
    if any(q.base_unit == POINTS and not _is_marks(ctx, q) for q in ctx.index.between(last.end(), total.start)):
        return None
    return last


def _member_names(
    ctx: CheckContext, first: str, total: Quantity, parts: list[Quantity], marks: bool
) -> list[Match[str]] | None:
    """The member each part names: the last name of a member of `first` between the figure before it in the list
    and itself, followed by no other figure than full marks nor by words that make it no score; None when a part
    names none."""
    text = ctx.doc.text
    out = []
    before = total.end
    for p in parts:
        found = list(MEMBER_NAMES[first].finditer(text, before, p.start))
        if not found:
            return None
        name = found[-1]
        between = text[name.end() : p.start]
        if NOT_SCORED.search(between) or (marks and SCORED.search(between)):
            return None
        if any(q.base_unit == POINTS and not _is_marks(ctx, q) for q in ctx.index.between(name.end(), p.start)):
            return None
        if not marks and _is_marks(ctx, p):
            return None
        out.append(name)
        before = p.end
    return out


def _part_marks(ctx: CheckContext, names: list[Match[str]], parts: list[Quantity]) -> list[Decimal] | None:
    """The full marks the list states of its parts, one each, from each part's name to the next's (the last's to
    the end of its sentence); [] when it states none, None when it states some and not one each."""
    ends = [n.start() for n in names[1:]]
    last = ctx.index.mention_of(parts[-1])
    ends.append(ctx.doc.sentences[last.sentence].end if last is not None else parts[-1].end)
    found = [_marks_between(ctx, n.start(), end) for n, end in zip(names, ends)]
    if not any(found):
        return []
    if any(len(f) != 1 for f in found):
        return None
    return [f[0] for f in found]


def _marks_between(ctx: CheckContext, start: int, end: int) -> list[Decimal]:
    """The full marks stated in [start, end), in points."""
    return [ctx.value(q) for q in ctx.index.between(start, end) if q.base_unit == POINTS and _is_marks(ctx, q)]


def _is_marks(ctx: CheckContext, q: Quantity) -> bool:
    """Is the figure an indicator's full marks (`分值 35 分`, `满分 15 分`), no score?"""
    m = ctx.index.mention_of(q)
    return m is not None and q.exact and bool(FULL_MARKS.search(m.label))
