"""Score lists laid out one indicator per line, closed by the overall score on the line after the last one:

    决策指标满分20分，扣2.00分，得18.00分；
    过程指标满分20分，得18.20分；
    …
    合计扣分6.40分，自评总得分93.60分。

The overall score is the sum of the indicators' scores, and the total deducted (`合计扣分`) the sum of their
deductions. Read only where nothing is left open: every line above the total, up to a blank line or a line
that is not a list item, is wholly made of (full marks, score) pairs; the full marks make 100 (all the
first-level indicators, none nested under another: a second-level line would make them more); and the total's
line opens with the total's own name (总分, 总得分, 合计, 自评得分, …), with full marks of 100 if it states any.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from itertools import pairwise, takewhile
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Breakdown, Marked, Mention, ScoreSet
from tieout.linter.facts.passes.base import (
    ORDINALS,
    RESPECTIVELY_WORD,
    SCORE_NUMBER,
    anchored,
    count_of,
    quantities_at,
    score_figures,
    sentence_of,
)
from tieout.linter.facts.passes.sets import INDICATOR_WORDS, LIST_MARK, MARKS_BRACKETED, SCORE_THEN_MARKS
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.tables.blocks import CONTINUED
from tieout.linter.patterns import regex
from tieout.linter.text.model import Section
from tieout.linter.text.normalise import PAGE_NUMBER
from tieout.linter.vocab import relation_words as _alt

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

_NUMBER = SCORE_NUMBER
_MARKS_WORD = r"(?:满分|分值|权重|标准分)"
# `（2）过程：满分30分，扣2.10分，得27.90分；`, `决策  满分15分  得分14.00分`: an indicator's name, its full
# marks named as such, the points deducted if stated, and its score
LINE_PAIR = regex(
    rf"(?P<name>[\u4e00-\u9fff]{{2,12}}?)[：:\s]*{_MARKS_WORD}(?:为)?\s*(?P<full>{_NUMBER})\s*分[，,\s]*"
    rf"(?:扣(?:分|除|减)?(?:为)?\s*(?P<cut>{_NUMBER})\s*分[，,\s]*)?"
    rf"(?:实际)?(?:得分|实得|得)(?:为)?[：:]?\s*(?P<got>{_NUMBER})\s*分"
)
# what may stand before a line's first pair: its number, or on the list's first line the words that open it
# (`一级指标得分：`); between pairs and after the last: joining marks only
_LEAD = regex(rf"\s*(?:{LIST_MARK})?$")
_OPENER_LEAD = regex(r"[^\d。；;]{0,30}[：:]\s*$")
# marks and spaces on one line or across a line break, never a blank line (which ends the list)
_MARKS_BETWEEN = r"[；;，,、。 \t\u3000]*(?:\n[；;，,、。 \t\u3000]*)?"
_JOINED = regex(rf"{_MARKS_BETWEEN}(?:{LIST_MARK})?$")
# the total's line: `综上，项目自评总得分91.70分`, `总分：93.30分`, `合计  满分100分  得分89.60分`, `合计扣分4.00分，
# 自评得分96.00分` (the total deducted, then the score)
_TOTAL_NAME = rf"(?:{_alt('score_total')}|合计|总计)"
TOTAL_LINE = regex(
    rf"{_MARKS_BETWEEN}(?:综上[，,：:]?\s*)?"
    rf"(?:(?:合计|累计|共)扣分(?:合计)?(?:为)?[：:]?\s*(?P<cut>{_NUMBER})\s*分[，,\s]*)?"
    rf"(?P<whose>[\u4e00-\u9fff]{{0,8}}?)(?P<word>{_TOTAL_NAME})[：:\s]*(?:为)?\s*"
    rf"(?:{_MARKS_WORD}(?:为)?\s*(?P<full>{_NUMBER})\s*分[，,\s]*)?"
    rf"(?:得分|得)?(?:为)?[：:]?\s*(?P<got>{_NUMBER})\s*分"
)


# the figures in 分 a list needs: the scores of two pairs at least, and the overall score (`_read`)
MIN_FIGURES = 3


def score_lines(draft: Draft) -> Iterator[ScoreSet | Breakdown]:
    """The overall score and the total deducted of each list of indicator pairs closed by its total."""
    text = draft.doc.text
    if "分" not in text or "得" not in text:
        return
    figures = score_figures(draft)
    if len(figures) < MIN_FIGURES:
        return  # (most documents state no score: their text is not searched for lists of pairs)
    held = {id(s.total) for s in draft.facts.scores}
    spans = list(_spans_with_marks(text))  # (found once for the three patterns)
    for pattern, key in _PAIR_PATTERNS:
        # (the stretches holding the words every pair of the pattern holds: the others can hold none)
        keyed = [(begin, end) for begin, end in spans if key.search(text, begin, end) is not None]
        for total, pairs in _closed_lists(text, pattern, keyed):
            # a heading between the pairs ends the list; an item line may be a heading itself (`（1）决策：…`)
            lines = {text.rfind("\n", 0, p.start()) + 1 for p in pairs}
            if draft.doc.blank_line_between(pairs[0].start(), total.start("got")):
                continue
            if all(sec.start in lines for sec in draft.doc.sections_between(min(lines), total.start("got"))):
                yield from _read(figures, total, pairs, held)


def _closed_lists(
    text: str, pattern: re.Pattern[str], spans: list[tuple[int, int]]
) -> Iterator[tuple[re.Match[str], list[re.Match[str]]]]:
    """Each run of pairs joined by marks only, opening its line (past its number or the words that open the
    list), whose full marks make 100, with the total right after it."""
    run: list[re.Match[str]] = []
    for p in (p for begin, end in spans for p in pattern.finditer(text, begin, end)):
        if run and not _JOINED.match(text, run[-1].end(), p.start("name")):
            run = []
        if not run and not _opens_its_line(text, p.start("name")):
            continue
        run.append(p)
        total = _total_at(text, p.end())
        if total is not None and len(run) >= 2 and sum(Decimal(x.group("full")) for x in run) == _full_of(total):
            yield total, run
            run = []


# every pair of the three patterns names full marks (`满分`, `分值`, …) or brackets them (`（20分）`)
_PAIR_KEY = regex(rf"{_MARKS_WORD}|分[）)]")
# the three patterns, each with the words every pair of it holds: full marks named (LINE_PAIR), named in brackets
# (SCORE_THEN_MARKS, `（满分10分）`), bracketed (MARKS_BRACKETED, `（20分）`)
_PAIR_PATTERNS = (
    (LINE_PAIR, regex(_MARKS_WORD)),
    (SCORE_THEN_MARKS, regex(rf"[（(]{_MARKS_WORD}")),
    (MARKS_BRACKETED, regex(r"分[）)]")),
)


def _spans_with_marks(text: str, margin: int = 2) -> Iterator[tuple[int, int]]:
    """The stretches of text a pair can stand in: the lines that name or bracket full marks, with `margin`
    lines either side (a pair's name or score wrapped to a line of its own). The patterns open with a lazy run
    of up to 12 characters, costly to try at every offset of a long report that holds no score at all; runs of
    pairs never join across the lines left out (a joint is marks and one line break at most)."""
    begin = end = -1
    for key in _PAIR_KEY.finditer(text):
        start = text.rfind("\n", 0, key.start()) + 1
        for _ in range(margin):
            start = text.rfind("\n", 0, start - 1) + 1 if start else 0
        stop = text.find("\n", key.end())
        for _ in range(margin):
            stop = text.find("\n", stop + 1) if stop >= 0 else -1
        stop = len(text) if stop < 0 else stop
        if start > end:
            if end >= 0:
                yield begin, end
            begin = start
        end = max(end, min(len(text), stop + 1))
    if end >= 0:
        yield begin, end


def _full_of(total: re.Match[str]) -> Decimal:
    """The full marks of a list's total line: as it states them (a subtotal's, `分值90分`), else the overall 100."""
    return Decimal(total.group("full")) if total.group("full") else Decimal(100)


def _opens_its_line(text: str, at: int) -> bool:
    """Does the pair open its line, past its number, or past the words that open the list, these the whole line
    before it or its last sentence (a report's lines joined into one paragraph: `…开展重点绩效评价。各项得分如下：`)?"""
    lead = text[text.rfind("\n", 0, at) + 1 : at]
    return bool(_LEAD.match(lead) or _OPENER_LEAD.match(lead[lead.rfind("。") + 1 :]))


def _total_at(text: str, at: int) -> re.Match[str] | None:
    """The overall score right after a list (past joining marks), named as the total and as no indicator's."""
    total = TOTAL_LINE.match(text, at)
    if total is None:
        return None
    if any(w in total.group("whose") for w in INDICATOR_WORDS):
        # `效益指标评价得分 18 分`: one indicator's score, not the overall one; but `绩效指标合计：分值90分，得分 S 分`
        # sums the indicators above it, their full marks its own (`_closed_lists`)
        return total if total.group("word") in SUBTOTAL_WORDS and total.group("full") else None
    return total  # (its full marks, stated or 100, the list's: `_closed_lists`)


# the words of a total of some of the indicators before it, named by what they are (`绩效指标合计`)
SUBTOTAL_WORDS = ("合计", "总计")


def _read(
    figures: dict[int, tuple[Mention, Quantity]], total: re.Match[str], pairs: list[re.Match[str]], held: set[int]
) -> Iterator[ScoreSet | Breakdown]:
    """The score sum, and the deductions' where the total line and every item state theirs."""
    got = figures.get(total.start("got"))
    scores = [figures.get(p.start("got")) for p in pairs]
    if got is None or id(got[1]) in held or any(s is None for s in scores):
        return
    held.add(id(got[1]))  # (read once, whichever pattern found its list)
    yield ScoreSet(got[1], [s[1] for s in scores if s is not None], got[0].sentence)
    if total.group("cut") is None or "cut" not in pairs[0].re.groupindex:
        return
    cut = figures.get(total.start("cut"))
    cuts = [figures.get(p.start("cut")) if p.group("cut") else None for p in pairs]
    if cut is not None and all(c is not None for c in cuts):
        yield Breakdown(cut[0], [c[0] for c in cuts if c is not None], "合计", True, cut[0].sentence)


# `满分100分，合计扣分4.00分，自评得分96.00分`: the overall full marks, the total deducted, the score left, nothing
# but marks between them (a sentence's end too: `本项目满分100分。经评价，共扣分4.00分，…`)
OVERALL_CUT = regex(
    rf"(?:满分|总分值|总分)(?:为)?\s*(?P<full>100(?:\.0+)?)\s*分[，,。；;\s]*(?:经(?:自评|评价)[，,]?\s*)?"
    rf"(?:合计|累计|共)扣(?:分|除)?(?:合计)?(?:为)?[：:]?\s*(?P<cut>{_NUMBER})\s*分[，,\s]*"
    rf"(?:项目)?(?:自评|评价|综合|最终|实际)?(?:总)?得分(?:为)?[：:]?\s*(?P<got>{_NUMBER})\s*分"
)


def overall_deductions(draft: Draft) -> Iterator[Marked]:
    """The overall score as its full marks of 100 less the total deducted (TO118 holds the three)."""
    text = draft.doc.text
    if "扣" not in text:
        return
    figures = score_figures(draft)
    for found in OVERALL_CUT.finditer(text):
        full, cut, got = (figures.get(found.start(g)) for g in ("full", "cut", "got"))
        if full is not None and cut is not None and got is not None:
            yield Marked(full[1], got[1], cut[1], got[0].sentence)


_LISTED = rf"{_NUMBER}(?:\s*分)?(?:\s*[、，,]\s*{_NUMBER}(?:\s*分)?){{1,7}}\s*分"
# `四类指标分值分别为20、20、30、30分，实际得分分别为18.5、17.0、28.0、27.5分，总分92.0分`: the indicators' full
# marks listed with 分别, their scores listed with 分别 in the same order (on the same line or the next), then the
# overall score named as such, nothing but marks between the three
RESPECTIVELY = regex(
    rf"(?:{_MARKS_WORD}|满分)分别(?:为|是)?[：:]?\s*(?P<full>{_LISTED})[，,；;。 \t\u3000]*\n?\s*"
    rf"(?:其)?(?:实际|自评|评价)?(?:得分|评分)分别(?:为|是)?[：:]?\s*(?P<got>{_LISTED})[，,；;。 \t\u3000]*"
    rf"(?:{_alt('score_total')}|合计|总计)(?:为)?[：:]?\s*(?P<total>{_NUMBER})\s*分"
)
_LISTED_NUMBER = regex(_NUMBER)


def scores_respectively(draft: Draft) -> Iterator[ScoreSet]:
    """The overall score as the sum of the scores listed with 分别 after the full marks listed with 分别: read only
    where the two lists have as many figures, the full marks make 100 (all the first-level indicators, no
    second-level one among them) and no score exceeds its full marks (the lists are in one order)."""
    text = draft.doc.text
    if "分别" not in text:
        return
    held: set[int] | None = None  # (with the figures, built for the first lists read: most documents hold none)
    figures: dict[int, tuple[Mention, Quantity]] = {}
    for found in anchored(RESPECTIVELY, text, RESPECTIVELY_WORD, 3):  # (分别 two or three characters in)
        full = [Decimal(n.group()) for n in _LISTED_NUMBER.finditer(found.group("full"))]
        got = [
            (found.start("got") + n.start(), Decimal(n.group())) for n in _LISTED_NUMBER.finditer(found.group("got"))
        ]
        if len(full) != len(got) or sum(full) != 100 or any(g > f for f, (_, g) in zip(full, got)):
            continue
        if held is None:
            held = {id(s.total) for s in draft.facts.scores}
            figures = {q.start: (m, q) for m in draft.facts.mentions for q in m.quantities if q.exact}
        total = figures.get(found.start("total"))
        items = [figures.get(at) for at, _ in got]
        if total is None or id(total[1]) in held or any(x is None or x[1].value != v for x, (_, v) in zip(items, got)):
            continue
        held.add(id(total[1]))
        yield ScoreSet(total[1], [x[1] for x in items if x is not None], total[0].sentence)


# `项目综合得分为91.18分，评价等级为"优"。决策、过程、产出、效益四类指标分别得分 a、b、c 和 d 分`: the overall
# score, then within a clause or two with no figure between, the four first-level dimensions of a performance
# evaluation named all four in their fixed order and scored with 分别. The four are the whole evaluation by its
# framework, so their scores add up to the overall one (a line break may fall anywhere in the names, as in a PDF)
_W = r"\s*"  # a wrapped line's break inside a name
_DIMENSIONS = (
    rf"决{_W}策(?:{_W}指{_W}标)?{_W}[、，,]{_W}过{_W}程(?:{_W}指{_W}标)?{_W}[、，,]{_W}产{_W}出(?:{_W}指{_W}标)?{_W}"
    rf"(?:[、，,]|和|及|与){_W}效{_W}益(?:{_W}指{_W}标)?"
)
_JOIN = r"\s*(?:分)?\s*(?:[、，,]|和|及)\s*"
DIMENSION_SCORES = regex(
    rf"(?:综合|自评|评价|最终)?(?:总)?(?:得分|评分|总分)(?:为)?[：:]?\s*(?P<total>{_NUMBER})\s*分"
    rf"(?:[^\d\n。；;]{{0,30}}[。；;，,]\s*)"
    rf"(?:其中[，,：:]?\s*)?{_DIMENSIONS}{_W}(?:(?:四|4){_W}(?:类|个|项){_W}(?:一级{_W})?(?:指{_W}标|维{_W}度|方{_W}面)?)?"
    rf"{_W}(?:的)?{_W}(?:得分)?{_W}分{_W}别{_W}(?:得{_W}分|得|为|是)(?:为)?[：:]?\s*"
    rf"(?P<got>{_NUMBER}(?:{_JOIN}{_NUMBER}){{3}})\s*分(?!{_W}[\d率值])"
)


# the characters a match of DIMENSION_SCORES opens with (its optional words', else the score's: 综合, 自评, 评价, 最终,
# 总, 得分, 评分, 总分)
DIMENSION_FIRST = regex("[综自评最总得]")


def _dimension_scores(text: str) -> Iterator[re.Match[str]]:
    """`DIMENSION_SCORES.finditer(text)`, the same matches in the same order: the pattern, opening with no fixed
    character, is tried only where one of its first characters stands (found at C speed), not at every offset."""
    end = 0
    for first in DIMENSION_FIRST.finditer(text):
        if first.start() < end:
            continue  # (inside the match before: finditer goes on from its end)
        found = DIMENSION_SCORES.match(text, first.start())
        if found is not None:
            end = found.end()
            yield found


def dimension_scores(draft: Draft) -> Iterator[ScoreSet]:
    """The overall score as the sum of the four dimensions' scores (决策、过程、产出、效益) listed with 分别 right
    after it: read only where four scores follow, each a figure in 分 of its own, and the total is no other set's."""
    text = draft.doc.text
    if "效" not in text or "分别" not in text.replace("\n", ""):
        return
    figures = score_figures(draft)
    held = {id(s.total) for s in draft.facts.scores}
    for found in _dimension_scores(text):
        total = figures.get(found.start("total"))
        got = [
            (found.start("got") + n.start(), Decimal(n.group())) for n in _LISTED_NUMBER.finditer(found.group("got"))
        ]
        items = [figures.get(at) for at, _ in got]
        if total is None or id(total[1]) in held or len(got) != 4:
            continue
        if any(x is None or x[1].value != v for x, (_, v) in zip(items, got)):
            continue
        held.add(id(total[1]))
        yield ScoreSet(total[1], [x[1] for x in items if x is not None], total[0].sentence)


# `本项目满分100分，各项扣分如下：` / `（1）…，扣1.5分；` / … / `共计扣6.5分，最终得分93.5分。`: a line that opens a list
# of deductions (the overall full marks if it states them), the numbered lines of one deduction each, and the line
# that states their total and the score left
CUTS_OPENER = regex(
    rf"(?:[^\n]*?满分(?:为)?\s*(?P<full>{_NUMBER})\s*分[，,；;。\s]*)?[^\n\d]{{0,12}}扣分(?:情况|明细)?(?:如下)?[：:]"
    r"[^\S\n]*\n"
)
CUT_LINE = regex(
    r"[^\S\n]*(?P<mark>[（(]\d{1,2}[)）]|\d{1,2}[、.．](?!\d))[^\n扣]*?扣(?:分|除|减)?(?:为)?\s*"
    rf"(?P<cut>{_NUMBER})\s*分[；;。，,]?[^\S\n]*\n"
)
CUTS_TOTAL = regex(
    rf"[^\S\n]*(?:共计|合计|累计|共)扣(?:分|除)?(?:合计)?(?:为)?[：:]?\s*(?P<cut>{_NUMBER})\s*分[，,\s]*"
    rf"(?:项目)?(?:自评|评价|综合|最终|实际)?(?:总)?得分(?:为)?[：:]?\s*(?P<got>{_NUMBER})\s*分"
)
_MARK_NUMBER = regex(r"\d{1,2}")


def listed_deductions(draft: Draft) -> Iterator[Breakdown | Marked]:
    """The total deducted as the sum of the deductions listed one a line under a line that opens them, and the
    score left as the overall full marks (100) less it. Read only where nothing is left open: every line between
    the opener and the total is a numbered item of one deduction, numbered 1, 2, 3 … in one style (a nested or
    skipped item would make the list another's), no blank line among them."""
    text = draft.doc.text
    if "扣" not in text:
        return
    figures = score_figures(draft)
    for opener in _openers(text):
        lines, at = _cut_lines(text, opener.end())
        total = CUTS_TOTAL.match(text, at)
        if total is None or len(lines) < 2 or draft.doc.blank_line_between(opener.start(), total.end()):
            continue
        cut, got = figures.get(total.start("cut")), figures.get(total.start("got"))
        cuts = [figures.get(line.start("cut")) for line in lines]
        if cut is None or got is None or any(c is None for c in cuts):
            continue
        yield Breakdown(cut[0], [c[0] for c in cuts if c is not None], "合计", True, cut[0].sentence)
        full = figures.get(opener.start("full")) if opener.group("full") else None
        if full is not None and full[1].value == 100:
            yield Marked(full[1], got[1], cut[1], got[0].sentence)


def _openers(text: str) -> Iterator[re.Match[str]]:
    """CUTS_OPENER's matches, looked for only in the lines that hold 扣分 (a match stays within its line): over a
    whole report its lazy opening tries the rest of every line from every place in it."""
    at = text.find("扣分")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end + 1  # (the opener ends with its line's break)
        yield from CUTS_OPENER.finditer(text, start, end)
        at = text.find("扣分", end)


def _cut_lines(text: str, at: int) -> tuple[list[re.Match[str]], int]:
    """The numbered deduction lines from `at`, numbered 1, 2, 3 … in one style, and where they end."""
    lines: list[re.Match[str]] = []
    while (line := CUT_LINE.match(text, at)) is not None:
        mark = line.group("mark")
        number = _MARK_NUMBER.search(mark)
        if number is None or int(number.group()) != len(lines) + 1:
            return [], at
        if lines and _MARK_NUMBER.sub("", mark) != _MARK_NUMBER.sub("", lines[0].group("mark")):
            return [], at
        lines.append(line)
        at = line.end()
    return lines, at


# `（二）产出指标（分值50分）：得48.64分。`: a numbered heading that gives an indicator's full marks in brackets and its
# score (the indicator's own lines may follow under it)
HEADED_PAIR = regex(
    rf"^(?:{LIST_MARK})\s*(?P<name>[\u4e00-\u9fff]{{2,12}}?)[（(]{_MARKS_WORD}(?:为)?\s*(?P<full>{_NUMBER})"
    rf"\s*分[）)][：:][^\n]*?(?:得分|得)(?:为)?[：:]?\s*(?P<got>{_NUMBER})\s*分[。；;]?$"
)
# `以上四项合计97.21分`: the items above, counted, and their total, opening a line
COUNTED_TOTAL = regex(
    rf"(?m)^(?:以上|上述)(?P<count>[{ORDINALS}]|\d{{1,2}})项(?:指标)?(?:得分)?(?:合计|总计|共计)(?:得分)?(?:为)?"
    rf"[：:]?\s*(?P<got>{_NUMBER})\s*分"
)


def headed_scores(draft: Draft) -> Iterator[ScoreSet]:
    """The indicators given as numbered headings with their full marks and score, siblings in a row, and the line
    under the last that totals them, counting them (`以上四项合计 T 分`): T is the sum of their scores, where their
    full marks make 100 (all the first-level indicators) and the count is theirs."""
    doc, figures = draft.doc, None
    sections = doc.sections
    k = 0
    while k < len(sections):
        run = _headed_run(sections, k)
        k += max(1, len(run))
        if len(run) < 2 or sum(Decimal(m.group("full")) for _, m in run) != 100:
            continue
        last = run[-1][0]
        total = COUNTED_TOTAL.search(doc.text, last.start, _end_of(doc.text, sections, last))
        if total is None or count_of(total.group("count")) != len(run):
            continue
        figures = figures if figures is not None else score_figures(draft)
        got = figures.get(total.start("got"))
        items = [figures.get(sec.start + m.start("got")) for sec, m in run]
        if got is not None and all(x is not None for x in items):
            yield ScoreSet(got[1], [x[1] for x in items if x is not None], got[0].sentence)


def _end_of(text: str, sections: list[Section], last: Section) -> int:
    """Where the text under the last indicator's heading ends: at the next heading of its level or above, or past
    it when that heading is the counted total's own line (read as a heading, `以上四项合计 T 分`)."""
    after = [x.start for x in sections if x.start > last.start and x.level <= last.level][:2]
    if after and COUNTED_TOTAL.match(text, after[0]):
        after = after[1:]
    return after[0] if after else len(text)


def _headed_run(sections: list[Section], k: int) -> list[tuple[Section, re.Match[str]]]:
    """The sibling headings from k on that each give an indicator's full marks and score."""
    run: list[tuple[Section, re.Match[str]]] = []
    for i in range(k, len(sections)):  # (walked from k, not copied: asked at every heading of the document)
        sec = sections[i]
        if run and (sec.level != run[0][0].level or sec.parent is not run[0][0].parent):
            if sec.level > run[0][0].level:
                continue  # (an indicator's own lines under it, when headed themselves)
            break
        found = HEADED_PAIR.match(sec.title)
        if found is None:
            break
        run.append((sec, found))
    return run


# an indicator's weight and score, the weight first, bracketed or named or bare (`资金到位率5分得5.00分`,
# `过程指标（20分）得17.00分`, `资金到位率满分5分，得5.00分`)
WEIGHT_THEN_SCORE = regex(
    rf"(?P<name>[\u4e00-\u9fff]{{2,14}}?)[（(]?{_MARKS_WORD}?(?:为)?\s*(?P<full>{_NUMBER})\s*分[）)]?[，,]?\s*"
    rf"(?:实际)?(?:得分|实得|得)(?:为)?\s*(?P<got>{_NUMBER})\s*分"
)
_PAIR_FORMS = (WEIGHT_THEN_SCORE, SCORE_THEN_MARKS)
# an indicator's pair closed by a colon, the second-level pairs after it on its line
_HEAD_COLON = regex(r"分[）)]?[：:]")
_PART_JOINT = regex(r"[，,、；;][^\S\n]*")
_SPACES = regex(r"[^\S\n]*")
_LIST_END = regex(r"[。；;]?[^\S\n]*(?:\n|$)")


def nested_scores(draft: Draft) -> Iterator[ScoreSet]:
    """An indicator's score as the sum of its second-level indicators' scores listed after a colon
    (`过程指标（20分）得17.00分：资金到位率5分得5.00分，预算执行率5分得4.50分，…。`). Read only where the list is
    certainly whole: the parts' weights make the indicator's, the list runs to the end of its line, and no
    score exceeds its weight (a pair read the wrong way round)."""
    text = draft.doc.text
    held = {id(s.total) for s in draft.facts.scores}
    figures: dict[int, tuple[Mention, Quantity]] | None = None
    for colon in _HEAD_COLON.finditer(text):
        head = _head_before(text, colon.end() - 1)
        parts = _parts_from(text, colon.end()) if head is not None else []
        if head is None or len(parts) < 2 or not _whole(head, parts):
            continue
        figures = figures if figures is not None else score_figures(draft)
        got = figures.get(head.start("got"))
        scores = [figures.get(p.start("got")) for p in parts]
        if got is None or id(got[1]) in held or any(s is None for s in scores):
            continue
        held.add(id(got[1]))
        yield ScoreSet(got[1], [s[1] for s in scores if s is not None], got[0].sentence)


def _head_before(text: str, colon: int) -> re.Match[str] | None:
    """The indicator's pair that ends right at a colon, on the colon's line."""
    line_start = text.rfind("\n", 0, colon) + 1
    for pattern in _PAIR_FORMS:
        for found in pattern.finditer(text, max(line_start, colon - 40), colon):
            if found.end() == colon or text[found.end() : colon] in ("）", ")"):
                return found
    return None


def _parts_from(text: str, at: int) -> list[re.Match[str]]:
    """The pairs joined by marks from `at` to the end of the line (none where anything else stands among them)."""
    parts: list[re.Match[str]] = []
    spaces = _SPACES.match(text, at)
    at = spaces.end() if spaces is not None else at
    while True:
        found = next((f for f in (p.match(text, at) for p in _PAIR_FORMS) if f is not None), None)
        if found is None:
            return []
        parts.append(found)
        if _LIST_END.match(text, found.end()):
            return parts
        joint = _PART_JOINT.match(text, found.end())
        if joint is None:
            return []
        at = joint.end()


def _whole(head: re.Match[str], parts: list[re.Match[str]]) -> bool:
    """Do the parts' weights make the head's, no score above its weight?"""
    pairs = [head, *parts]
    if any(Decimal(p.group("got")) > Decimal(p.group("full")) for p in pairs):
        return False
    return sum(Decimal(p.group("full")) for p in parts) == Decimal(head.group("full"))


# a first-level indicator's line, its full marks and its score closing it (`【一级指标：过程】分值25分，得分24.68分`,
# `二、过程指标 满分30分 得分27.50分`), and the lines of its indicators right under it, each its name and a colon
# before its full marks and score, 分 written or left out (`预算执行／预算执行率：分值8，得分7.54。…`)
_LINE_SCORE = rf"{_MARKS_WORD}(?:为)?\s*(?P<full>{_NUMBER})\s*分?[，,\s]*(?:实际)?(?:得分|实得|得)(?:为)?[：:]?\s*(?P<got>{_NUMBER})"
INDICATOR_HEAD = regex(
    rf"(?m)^[^\S\n]*(?P<name>[^\n]{{1,30}}?)[^\S\n]*{_MARKS_WORD}(?:为)?\s*(?P<full>{_NUMBER})\s*分[，,\s]*"
    rf"(?:实际)?(?:得分|实得|得)(?:为)?[：:]?\s*(?P<got>{_NUMBER})\s*分[。；;]?[^\S\n]*$"
)
INDICATOR_LINE = regex(rf"[^\S\n]*(?P<name>[^\n：:]{{2,30}})[：:][^\S\n]*{_LINE_SCORE}(?![\d.])\s*分?(?P<rest>[^\n]*)")


def indicator_lines(draft: Draft) -> Iterator[ScoreSet]:
    """A first-level indicator's score on a line of its own, after its full marks, is the sum of the scores on
    the lines right under it (up to a blank line or a line of another form), each an indicator's name, a colon,
    its full marks and its score: read only where they are two or more, their full marks make the head's, and
    no score exceeds its full marks (a pair read the wrong way round). Read on the file's own lines (the
    normalised text joins lines that end with no stop)."""
    doc = draft.doc
    text = doc.original
    if "分" not in text:
        return
    held = {id(s.total) for s in draft.facts.scores}
    exact: dict[int, tuple[Mention, Quantity]] | None = None
    for head in _heads(text):
        if INDICATOR_LINE.match(text, head.start(), head.end()):
            continue  # (an indicator's own line closed by 分, `…：分值8分，得分7.54分`, heads no list)
        lines = _indicator_lines(text, head.end() + 1)
        if len(lines) < 2 or not _whole(head, lines):
            continue
        exact = exact if exact is not None else _exact_figures(draft)
        got = _exact_at(exact, doc.normalised_at(head.start("got")))
        items = [_exact_at(exact, doc.normalised_at(x.start("got"))) for x in lines]
        if got is None or id(got[1]) in held or any(x is None for x in items):
            continue
        held.add(id(got[1]))
        name = f"{_indicator_name(head.group('name'))}得分"
        yield ScoreSet(got[1], [x[1] for x in items if x is not None], got[0].sentence, name=name)


_LEADING_MARK = regex(rf"^\s*{LIST_MARK}")
MARKS_WORD = regex(_MARKS_WORD)


def _heads(text: str) -> Iterator[re.Match[str]]:
    """The head lines of the text, in order: the lines holding a word of full marks, each matched whole (the pattern
    tried at every position of the text, not only at the few lines that may be heads, took seconds on long reports)."""
    last = covered = -1
    for word in MARKS_WORD.finditer(text):
        start = text.rfind("\n", 0, word.start()) + 1
        if start == last or start < covered:
            continue  # (a line tried already, or within a head found: the pattern may run over a line break)
        last = start
        head = INDICATOR_HEAD.match(text, start)
        if head is not None:
            covered = head.end()
            yield head


def _exact_at(exact: dict[int, tuple[Mention, Quantity]], at: int | None) -> tuple[Mention, Quantity] | None:
    return exact.get(at) if at is not None else None


def _indicator_name(name: str) -> str:
    """A first-level indicator's name as a finding gives it: without its number or the brackets and the words it is
    wrapped in (`（二）过程指标`: 过程指标; `【一级指标：过程】`: 过程)."""
    name = re.split(r"[：:]", name.strip().strip("【】[]"))[-1]
    return _LEADING_MARK.sub("", name).strip("【】[] \u3000")


def _indicator_lines(text: str, at: int) -> list[re.Match[str]]:
    """The indicator lines from `at` on, each right after the one before, up to the first line of another form."""
    found: list[re.Match[str]] = []
    while at < len(text):
        end = text.find("\n", at)
        line = INDICATOR_LINE.match(text, at, len(text) if end < 0 else end)
        if line is None:
            break
        found.append(line)
        at = line.end() + 1
    return found


def _exact_figures(draft: Draft) -> dict[int, tuple[Mention, Quantity]]:
    """The exact figures by where they start, in 分 or bare (`分值8，得分7.54`: an indicator line's)."""
    return {
        q.start: (m, q) for m in draft.facts.mentions for q in m.quantities if q.exact and q.base_unit in ("分", "")
    }


# a self-assessment table flattened to text, closed by the subtotal of each first-level indicator and the total
# (`投入小计 20 18.70` / `过程小计 30 28.61` / … / `合计 100 95.12`; cells a row leaves empty written `—`): a row's
# name ending in 小计 or 合计, then its full marks and its score, nothing else (a rate or a note after the score
# ends the run)
_BLANKS = r"(?:\s*[—–－-]{1,2}(?=\s))*"
_PAIR = rf"{_BLANKS}\s*(?P<full>{_NUMBER})\s+(?P<got>{_NUMBER})(?![\d.%])"
SUBTOTAL_ROW = regex(rf"[\u4e00-\u9fff]{{1,12}}?(?:小计|合计){_PAIR}\s*")
# a subtotal row's words, at most 12 characters past the row's start (`SUBTOTAL_ROW` is tried only there)
_SUBTOTAL_WORD, _SUBTOTAL_REACH = regex(r"小计|合计"), 12
TOTAL_ROW = regex(
    rf"(?:合计|总计|总分|总得分|综合得分){_BLANKS}\s*(?P<full>100(?:\.0+)?)\s+(?P<got>{_NUMBER})(?![\d.%])"
)


def subtotal_rows(draft: Draft) -> Iterator[ScoreSet]:
    """The total row of a flattened self-assessment table is the sum of the subtotal rows right above it, where
    their full marks make the total's 100: every first-level indicator's subtotal is listed, and nothing but
    them stands between (a run of two rows or more, each right after the one before)."""
    text = draft.doc.text
    if "小计" not in text and "合计" not in text:
        return
    held: set[int] | None = None  # (with the figures, built for the first rows read: most documents hold none)
    figures: dict[int, Quantity] = {}
    at = 0
    while (first := next(anchored(SUBTOTAL_ROW, text, _SUBTOTAL_WORD, _SUBTOTAL_REACH, at), None)) is not None:
        run = [first]
        while (row := SUBTOTAL_ROW.match(text, run[-1].end())) is not None:
            run.append(row)
        at = run[-1].end()
        total = TOTAL_ROW.match(text, at)
        if total is None or len(run) < 2 or sum(Decimal(r.group("full")) for r in run) != 100:
            continue
        if held is None:
            figures = {q.start: q for q in draft.facts.quantities if q.exact and q.kind != "percent"}
            held = {id(s.total) for s in draft.facts.scores}
        got = figures.get(total.start("got"))
        items = [figures.get(r.start("got")) for r in run]
        if got is None or id(got) in held or any(q is None for q in items):
            continue
        held.add(id(got))
        yield ScoreSet(got, [q for q in items if q is not None], sentence_of(draft, got.start))


# the header of a self-assessment table flattened to text, one row a line, cells set apart by spaces
# (`一级指标 二级指标 三级指标 年度指标值 实际完成值 完成率 分值 得分 偏差原因分析及改进措施`; or one that weighs each
# first-level indicator on its group's first row, `一级指标 分值 二级指标 分值 得分 得分率（%）`)
FLAT_HEADER = regex(r"^\s*一级指标\s.*?二级指标\s.*?分值\s+得分")
# a row's full marks and score: the first two cells in a row that are bare numbers (an indicator's values carry
# their units or marks, `≥86公里`, `96.00%`; a note after the score may hold figures of its own)
BARE_CELL = regex(rf"{_NUMBER}")
# a first-level indicator's subtotal row, its name numbered or not (`产出指标小计 50 49.54`, `三、产出小计 35 32.5`)
SUBTOTAL_LINE = regex(
    rf"^\s*(?:[一二三四五六七八九十]{{1,2}}[、.．])?(?P<name>[\u4e00-\u9fff]{{2,8}}?)(?:小计|合计){_PAIR}\s*$"
)
# the table's total row: its name, the full marks of the whole evaluation, its score
TOTAL_LINE_ROW = regex(
    rf"^\s*(?:合计|总计|总分|总得分|综合得分){_BLANKS}\s*(?P<full>100(?:\.0+)?)\s+(?P<got>{_NUMBER})\s*$"
)
# what stands between the pieces of a table printed over a page break: blank lines, the page's number, the mark of
# the table's continuation (`续表`, `续表4`)
_PAGE_FURNITURE = (PAGE_NUMBER, CONTINUED)


def indicator_subtotals(draft: Draft) -> Iterator[ScoreSet]:
    """In a flattened self-assessment table (FLAT_HEADER), each first-level indicator's subtotal row (`产出指标小计
    50 49.54`) is the sum of the scores of the rows under that indicator (from the row that opens with its name to
    the row that opens with another subtotal's, or to its own subtotal right under them), where their full marks
    make the subtotal's: every row of the indicator is counted, and the two cells read as each row's full marks and
    score are those. The table's total row (`合计 100 89.0`) is the sum of its subtotals where their full marks make
    its 100, or of its rows where it has no subtotal and theirs do. A table printed over a page break is read as
    one where nothing but page furniture and its header repeated stands between its pieces."""
    if "二级指标" not in draft.doc.original:
        return  # (no such header: the document's lines are not split for nothing)
    lines = draft.doc.original.split("\n")
    offsets = draft.doc.line_starts
    held = {id(s.total) for s in draft.facts.scores}
    end = 0  # (the header repeated over a page break opens no table of its own: its rows are the table's before)
    for h, line in enumerate(lines):
        if h >= end and FLAT_HEADER.match(line):
            at = _table_rows(lines, h)
            end = at[-1] + 1 if at else h + 1
            rows = [(offsets[k], lines[k]) for k in at]
            found = list(_subtotals_of(draft, rows))
            yield from found
            total = _total_of(draft, rows, found)
            if total is not None and id(total.total) not in held:
                held.add(id(total.total))
                yield total


def _table_rows(lines: list[str], h: int) -> list[int]:
    """The rows under the header at line h, up to a blank line: over a page break where the header stands repeated
    after nothing but page furniture (the rows go on under it)."""
    out: list[int] = []
    k = h + 1
    while True:
        out.extend(takewhile(lambda j: lines[j].strip() != "", range(k, len(lines))))
        k = out[-1] + 1 if out else k
        while k < len(lines) and (not lines[k].strip() or any(p.search(lines[k].strip()) for p in _PAGE_FURNITURE)):
            k += 1
        if k >= len(lines) or lines[k].split() != lines[h].split() or k in out:
            return out
        k += 1


def _subtotals_of(draft: Draft, rows: list[tuple[int, str]]) -> Iterator[ScoreSet]:
    subtotals = [(off, m) for off, line in rows if (m := SUBTOTAL_LINE.match(line))]
    names = {m.group("name") for _, m in subtotals}
    groups: dict[str, list[tuple[int, re.Match[str], re.Match[str]]]] = {}
    group = ""
    for off, line in rows:
        first = line.split(maxsplit=1)[0] if line.strip() else ""
        if SUBTOTAL_LINE.match(line):
            group = ""  # (a group's rows end at its subtotal: what follows is another group's, or the totals)
            continue
        group = first if first in names else group
        pair = _pair(line)
        if group and pair is not None:
            groups.setdefault(group, []).append((off, *pair))
    for off, m in subtotals:
        items = groups.get(m.group("name"), [])
        if len(items) < 2 or sum(Decimal(f.group()) for _, f, _ in items) != Decimal(m.group("full")):
            continue
        got = figure_at(draft, off + m.start("got"), m.group("got"))
        scores = [figure_at(draft, o + g.start(), g.group()) for o, _, g in items]
        if got is not None and all(q is not None for q in scores):
            yield ScoreSet(got, [q for q in scores if q is not None], sentence_of(draft, got.start))


def _total_of(draft: Draft, rows: list[tuple[int, str]], found: list[ScoreSet]) -> ScoreSet | None:
    """The table's total row (`合计 100 89.0`, no row of scores after it) against its subtotals, where every one was read
    and their full marks make its own; in a table without subtotals, against its rows, each with its full marks
    and a score no more than them, their full marks making the total's."""
    totals = [(i, m) for i, (_, line) in enumerate(rows) if (m := TOTAL_LINE_ROW.match(line))]
    if len(totals) != 1 or any(_pair(line) is not None for _, line in rows[totals[0][0] + 1 :]):
        return None  # (two totals, or rows of scores after the total: not the table's one total closing it)
    last, m = totals[0]
    off, rows = rows[last][0], rows[:last]
    pairs = _parts_of_total(rows, found)
    if pairs is None:
        return None
    if len(pairs) < 2 or sum(Decimal(full) for full, _, _ in pairs) != Decimal(m.group("full")):
        return None
    got = figure_at(draft, off + m.start("got"), m.group("got"))
    scores = [figure_at(draft, at, cell) for _, at, cell in pairs]
    if got is None or any(q is None for q in scores) or _in_a_table(draft, got):
        return None
    return ScoreSet(got, [q for q in scores if q is not None], sentence_of(draft, got.start))


def _parts_of_total(rows: list[tuple[int, str]], found: list[ScoreSet]) -> list[tuple[str, int, str]] | None:
    """The full marks, the score's offset and the score of each part of the total over the rows above it: its
    subtotals, every one read off its rows; else its rows, each with its full marks and a score no more than them.
    None where a part is not known."""
    subtotals = [(o, s) for o, line in rows if (s := SUBTOTAL_LINE.match(line))]
    if subtotals:
        if len(found) != len(subtotals):
            return None  # (a subtotal not read off its rows: the groups are not known)
        return [(s.group("full"), o + s.start("got"), s.group("got")) for o, s in subtotals]
    read = [(o, _pair(line)) for o, line in rows]
    if any(p is None or Decimal(p[1].group()) > Decimal(p[0].group()) for _, p in read):
        return None  # (a row without full marks and a score, or one scored above them: misread)
    return [(p[0].group(), o + p[1].start(), p[1].group()) for o, p in read if p is not None]


# the name of a first-level indicator the prose gives full marks and a score (`效益指标分值30分，得分26.0分`): its
# full marks' label, the marks word off (`效益指标分值` → 效益指标)
_MARKS_NAME = regex(
    r"^[，,；;：:、\s]*(?:其中[：:，,]?)?(?P<name>[\u4e00-\u9fff]{2,8}?)(?:的)?(?:满分|分值|权重|总分值|标准分)?$"
)


def level_groups(draft: Draft) -> Iterator[ScoreSet]:
    """In a flattened self-assessment table (FLAT_HEADER) without subtotal rows, each row opening with the name of
    its first-level indicator (`效益指标  经济效益  新增粮食产能 … 10  8.0`), a first-level indicator the prose states
    with its full marks and score (`效益指标分值30分，得分26.0分`) scores its rows' scores added up: read where the
    table is whole (its rows' full marks make its total row's 100, each row's score within them), the indicator's
    rows stand together and their full marks make the ones the prose states (no row of it left out).
    Runs after the marks are read (`marks.marks`)."""
    if "二级指标" not in draft.doc.original or not draft.facts.marks:
        return
    stated = _stated_levels(draft)
    if not stated:
        return
    lines = draft.doc.original.split("\n")
    offsets = draft.doc.line_starts
    found: dict[str, list[list[tuple[int, re.Match[str], re.Match[str]]]]] = {}
    end = 0
    for h, line in enumerate(lines):
        if h >= end and FLAT_HEADER.match(line):
            at = _table_rows(lines, h)
            end = at[-1] + 1 if at else h + 1
            for name, items in _level_rows([(offsets[k], lines[k]) for k in at]).items():
                found.setdefault(name, []).append(items)
    for name, tables in found.items():
        if len(tables) != 1 or len(stated.get(name, [])) != 1:
            continue  # (two tables, or two statements of one name: which is which is not known)
        full, got = stated[name][0]
        items = tables[0]
        if sum(Decimal(f.group()) for _, f, _ in items) != full.value:
            continue
        scores = [figure_at(draft, o + g.start(), g.group()) for o, _, g in items]
        if all(q is not None for q in scores):
            yield ScoreSet(got, [q for q in scores if q is not None], sentence_of(draft, got.start), name=f"{name}得分")


def _stated_levels(draft: Draft) -> dict[str, list[tuple[Quantity, Quantity]]]:
    """The full marks and score the prose's marks give each indicator, by its name (the full marks' label)."""
    labels = {q.start: m.label for m in draft.facts.mentions for q in m.quantities}
    out: dict[str, list[tuple[Quantity, Quantity]]] = {}
    for marked in draft.facts.marks:
        named = _MARKS_NAME.match(labels.get(marked.full.start, ""))
        if named is not None and marked.full.exact and marked.score.exact:
            out.setdefault(named.group("name"), []).append((marked.full, marked.score))
    return out


def _level_rows(rows: list[tuple[int, str]]) -> dict[str, list[tuple[int, re.Match[str], re.Match[str]]]]:
    """The rows of a flattened table whole without subtotals (see `level_groups`), by the name each opens with, where
    each name's rows stand together; none where the table is not so."""
    totals = [i for i, (_, line) in enumerate(rows) if TOTAL_LINE_ROW.match(line)]
    if len(totals) != 1 or totals[0] != len(rows) - 1 or any(SUBTOTAL_LINE.match(line) for _, line in rows):
        return {}
    total = TOTAL_LINE_ROW.match(rows[-1][1])
    out: dict[str, list[tuple[int, re.Match[str], re.Match[str]]]] = {}
    last = ""
    for off, line in rows[:-1]:
        pair = _pair(line)
        if pair is None or Decimal(pair[1].group()) > Decimal(pair[0].group()):
            return {}  # (a row without full marks and a score, or one scored above them: misread)
        first = line.split(maxsplit=1)[0]
        if first != last and first in out:
            return {}  # (a name's rows apart: the first cell is no first-level indicator's)
        out.setdefault(first, []).append((off, *pair))
        last = first
    full = sum(Decimal(f.group()) for items in out.values() for _, f, _ in items)
    return out if total is not None and full == Decimal(total.group("full")) else {}


def _in_a_table(draft: Draft, q: Quantity) -> bool:
    """Is the figure a cell of a table the table reader read (its total row then checked as the table's sum, TO301)?"""
    return any(
        c.quantity is not None and c.quantity.start == q.start
        for t in draft.facts.tables
        for row in t.rows
        for c in row
    )


def _pair(line: str) -> tuple[re.Match[str], re.Match[str]] | None:
    """The first two neighbouring cells of the row that are bare numbers."""
    cells = list(regex(r"\S+").finditer(line))
    for a, b in pairwise(cells):
        if BARE_CELL.fullmatch(a.group()) and BARE_CELL.fullmatch(b.group()):
            return a, b
    return None


def weight_and_score(draft: Draft, m: re.Match[str], at: int) -> tuple[Quantity, Quantity] | None:
    """A matched line's weight and score (groups `w`, `s`; the match of the original text from offset `at`) as figures
    of the text, the score no more than the weight."""
    w = figure_at(draft, at + m.start("w"), m.group("w"))
    s = figure_at(draft, at + m.start("s"), m.group("s"))
    if w is None or s is None or s.value > w.value:
        return None
    return w, s


def figure_at(draft: Draft, original: int, cell: str) -> Quantity | None:
    """The exact figure of the cell's value that starts at an offset of the original text (whatever the words
    the normaliser glued after it made of its unit: a row's last cell before the next row's `时效指标` reads `6时`)."""
    at = draft.doc.normalised_at(original)
    if at is None:
        return None
    value = Decimal(cell)
    q = quantities_at(draft).get(at)
    if q is not None and q.value == value and q.exact and q.kind != "percent":
        return q
    if draft.doc.text[at : at + len(cell)] != cell:
        return None
    # (a cell the figure reader left out, glued to the next row's words: the cell as it stands)
    decimals = len(cell.partition(".")[2])
    return Quantity(cell, value, "", "", Decimal(1), decimals, "bare", at, at + len(cell))


# a heading that gives an indicator's full marks, then its score (`（三）产出指标（30分）：自评得分28.90分`,
# `（二）过程指标（分值20分）：得分18.00分`)
_PARENT_HEADING = regex(
    rf"^(?:\d{{1,2}}[.．、](?!\d))?[^\d得]*?[（(]?(?:分值|满分)?\s*(?P<full>{_NUMBER})\s*分[）)]?[：:，,\s]*(?:自评)?(?:得分|得)(?:为)?\s*"
    rf"(?P<got>{_NUMBER})\s*分[。；;]?$"
)
# a heading under it that gives its indicator's full marks alone (`1.产出数量，分值14分`, `2.预算编制（分值6分）`)
_CHILD_HEADING = regex(
    rf"^(?:\d{{1,2}}[.．、](?!\d))?[^\d得]*?[（(]?(?:分值|满分)\s*(?P<full>{_NUMBER})\s*分[）)]?[。；;]?$"
)
# a score the text under such a heading gives (`自评得13.50分`, `该项得5.00分`, `得分4.00分`)
_BODY_SCORE = regex(rf"(?:得分|得)(?:为)?\s*(?P<got>{_NUMBER})\s*分")


def body_scores(draft: Draft) -> Iterator[ScoreSet]:
    """An indicator headed with its full marks and score whose second-level indicators are the headings right under
    it, each giving its full marks and, in the text under it, one score (`（三）产出指标（30分）：自评得分28.90分` /
    `1.产出数量，分值14分。…自评得13.50分。` / `2.产出质量，分值8分。…`): its score is theirs added up, where their full
    marks make its own (all of them listed) and each text states one score only, none above its full marks."""
    doc = draft.doc
    sections = doc.sections
    figures: dict[int, tuple[Mention, Quantity]] | None = None
    for k, parent in enumerate(sections):
        head = _PARENT_HEADING.match(parent.title)
        if head is None:
            continue
        kids = _scored_children(doc.text, sections, k)
        if kids is None or sum(full for full, _ in kids) != Decimal(head.group("full")):
            continue
        figures = figures if figures is not None else score_figures(draft)
        got = figures.get(parent.start + head.start("got"))
        items = [figures.get(at) for _, at in kids]
        if got is not None and all(x is not None for x in items):
            yield ScoreSet(got[1], [x[1] for x in items if x is not None], got[0].sentence)


def _scored_children(text: str, sections: list[Section], k: int) -> list[tuple[Decimal, int]] | None:
    """Each heading right under section k: its full marks and where the one score of its text starts; None unless
    there are two or more, all so, with no deeper heading among them."""
    parent = sections[k]
    out: list[tuple[Decimal, int]] = []
    for j in range(k + 1, len(sections)):
        sec = sections[j]
        if sec.level <= parent.level:
            break
        head = _CHILD_HEADING.match(sec.title)
        if sec.parent is not parent or head is None:
            return None
        end = sections[j + 1].start if j + 1 < len(sections) else len(text)
        scores = list(_BODY_SCORE.finditer(text, sec.start + len(sec.title), end))
        full = Decimal(head.group("full"))
        if len(scores) != 1 or Decimal(scores[0].group("got")) > full:
            return None
        out.append((full, scores[0].start("got")))
    return out if len(out) >= 2 else None
