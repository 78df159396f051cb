"""Runs of numbered items (`1.` `2.` …, `（一）` `（二）` …) among a document's sections, and the sentences of
each item.

Its own module because several passes walk the same runs (totals after items, announced lists, counted and
staged lists, column totals): the runs are found once, kept on the draft, and read the same way by all.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tieout.linter.figures.quantities import count_number
from tieout.linter.patterns import regex
from tieout.linter.text.model import Section
from tieout.linter.text.normalise import numbering

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft


def at_level(sec: Section | None, run: list[Section], members: set[int]) -> bool:
    """Does text of `sec` stand at the level of the run's items (`members`: their ids): in an item's own text, or
    in their parent's resumed after one (an untitled section of it)?"""
    return sec is not None and (id(sec) in members or (not sec.title and sec.parent is run[0].parent))


def run_sentences(sections: list[Section], run: list[Section], starts: list[int], last_item: int) -> range:
    """The sentences from a run's first item to the end of its last one's text (`last_item`: that item's index
    in `sections`): up to the next titled section of the run's level or above, or any section above it (untitled
    ones of its parent and those nested in its items go on)."""
    level = run[0].level
    # (walked by index from the item on: islice would step over the sections before it for every run)
    end = next(
        (
            s.start
            for k in range(last_item + 1, len(sections))
            if (s := sections[k]).level < level or (s.level == level and s.title)
        ),
        None,
    )
    first = bisect_left(starts, run[0].start)
    last = bisect_left(starts, end) if end is not None else len(starts)
    return range(first, last)


def under_item(sec: Section | None, parent: Section | None) -> bool:
    """Does text of `sec` stand in `parent`'s own text: in it, or in an untitled section of it (its text going on
    after an item of a list, `（5）… 。` / `支出总量 Y，具体为：` / `（1）…`, before the next list's items)?"""
    return sec is parent or (sec is not None and not sec.title and sec.parent is parent)


def runs_of(draft: Draft) -> list[list[Section]]:
    """The document's `item_runs`, found once (kept on the draft: five passes read them, none changes them)."""
    if draft.item_runs is None:
        draft.item_runs = list(item_runs(draft.doc.sections))
    return draft.item_runs


def item_runs(sections: list[Section]) -> Iterator[list[Section]]:
    """The runs of titled sections of one level under one parent, next to each other (items nested in one of them
    between), two at least: a section ends the runs of the levels below it, and of its own under another parent.
    An untitled one (an item's text going on after its heading) ends none when the next item's number follows. One
    numbered another way than the run's first (a report's part `4.2 关于…的说明` set at the level of the `1、` items
    before it) ends the run and is no item of it."""
    runs: dict[float, list[Section]] = {}  # the run being built at each level
    resumed: set[float] = set()  # the levels whose run an untitled section interrupted
    for sec in sections:
        for level in [lv for lv in runs if lv > sec.level]:
            ended = runs.pop(level)
            if len(ended) >= 2:
                yield ended
        run = runs.get(sec.level, [])
        if run and not sec.title and run[-1].parent is sec.parent:
            resumed.add(sec.level)
            continue
        item = bool(sec.title)
        gap = sec.level in resumed
        resumed.discard(sec.level)
        if run and item and run[-1].parent is sec.parent and (not gap or follows(run[-1], sec)) and _alike(run, sec):
            run.append(sec)
            continue
        if len(run) >= 2:
            yield run
        runs[sec.level] = [sec] if item else []
    yield from (run for run in runs.values() if len(run) >= 2)


def _alike(run: list[Section], sec: Section) -> bool:
    """Is the section numbered as the run's first item is (`1、` and `2.` alike; `4.2` not)?"""
    return numbering(sec.title) == numbering(run[0].title)


ITEM_NUMBER = regex(r"^[（(]?(\d{1,3}|[一二三四五六七八九十]{1,3})[)）.．、]")


def follows(before: Section, sec: Section) -> bool:
    """Is the section's number the one after `before`'s (`13.` after `12.`, `（三）` after `（二）`)?"""
    a, b = ITEM_NUMBER.match(before.title), ITEM_NUMBER.match(sec.title)
    x, y = (None, None) if a is None or b is None else (count_number(a.group(1)), count_number(b.group(1)))
    return x is not None and y is not None and y == x + 1
