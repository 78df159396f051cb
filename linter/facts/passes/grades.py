"""Grades of a performance evaluation: the grading scale a document states (`90分（含）以上为“优”，80分（含）
至90分为“良”，…`) and the grade it gives an overall score (`综合得分 86.5 分，评价等级为“良”`).

A grade is read only against the scale the document itself states, never a default one: regions and years
grade differently. A scale is two or more bands of different grades stated together; the bands a bound
is shared by settle whether it belongs to the band above or below where only one of them says so
(`80分（含）至90分为良，90分（含）以上为优`: 90 is 优's, not 良's)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Band, Grade, Mention
from tieout.linter.facts.passes.base import anchored, score_figures
from tieout.linter.facts.passes.sets import INDICATOR_WORDS, SCORE_TOTAL
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex
from tieout.linter.vocab import load, words

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft
    from tieout.linter.parse.tables.cells import Cell
    from tieout.linter.parse.tables.model import Table

# each grade's words, and the one that names its class (`优秀` is `优`)
CANON: dict[str, str] = {str(w): str(line[0]) for line in load("grades").get("grades") or [] for w in line}
# the pattern of any grade's words, longest first; the quotation marks a grade may stand in (grade_counts reads
# them too)
GRADE_WORDS = "|".join(re.escape(w) for w in sorted(CANON, key=len, reverse=True))
# a grade ends where its quotation or its clause does: never inside a word (`一般公共预算`, `中央`, `优化`)
_END = r"(?=[”\"」』’）)。，；;,、\s]|等级|等次|级|$)"
OPEN_QUOTE = r"[“\"「『‘]?"
CLOSE_QUOTE = r"[”\"」』’]?"
# `…为“良”`: the words that give a band its grade, after its bounds (within one clause)
_GIVES = rf"(?:为|评为|定为|属于|属)\s*{OPEN_QUOTE}(?P<g>{GRADE_WORDS}){CLOSE_QUOTE}{_END}"
# (a clause in brackets starts after the bracket, `属“良”等（90分及以上为优，…`; a mark's bracket is the clause's own)
BAND_AFTER = regex(rf"(?P<body>(?:[^，,。；;、：:（(]|[（(](?=不?(?:含|包含|包括))){{1,40}}?)(?:的)?{_GIVES}")
# where such a clause's grade is given: a clause starts at most 41 characters before (its body and `的`)
GIVES_AT = regex(rf"(?={_GIVES})")
_BODY_REACH = 41
# `优（90分及以上）`, `良好（80-89分）`: the grade first, its bounds in brackets
BAND_BEFORE = regex(
    rf"(?:^|[，,；;、：:\s（(为])({OPEN_QUOTE})(?P<g>{GRADE_WORDS}){CLOSE_QUOTE}\s*[（(](?P<body>[^（）()]{{1,30}}"
    rf"(?:[（(]不?含[^（）()]{{0,6}}[）)][^（）()]{{0,12}})?)[）)]"
)
# `优：90分以上；良：80-89分`: the grade first, its bounds after a colon, up to the clause's end
BAND_NAMED = regex(
    rf"(?:^|[，,；;、\s（(])({OPEN_QUOTE})(?P<g>{GRADE_WORDS}){CLOSE_QUOTE}\s*[：:]\s*(?P<body>[^，,。；;、：:（）()\n]{{1,30}}"
    rf"(?:[（(]不?含[^（）()]{{0,6}}[）)][^，,。；;、：:（）()\n]{{0,12}})?)(?=[；;，,、。）)\n]|$)"
)
# where BAND_BEFORE and BAND_NAMED may match: a grade and the bracket or colon after it, the grade one or two
# characters (a mark, a quote) past the match's start; found by a fast scan, the patterns tried only there
_BAND_GRADE = regex(rf"(?:{GRADE_WORDS}){CLOSE_QUOTE}\s*[（(：:]")
# a stated grade ends its clause (`评价等级为“良”。`, `…为良等级`): `被评为“优秀”单位` names an award, not a grade
STATED = regex(
    rf"(?:{'|'.join(re.escape(w) for w in words('grades', 'stated_by'))})\s*{OPEN_QUOTE}(?P<g>{GRADE_WORDS}){CLOSE_QUOTE}"
    r"(?=[。，；;,、）)（(\s]|等级|等次|级|$)"  # (`等级为“良”（评价等级标准：…）`: the scale in brackets after it)
)
# `属“良”等`: a grade that a word of class gives, only with the word for its class after it (`属于优质…` is none)
STATED_CLASS = regex(
    rf"(?:{'|'.join(re.escape(w) for w in words('grades', 'stated_with_class'))})\s*{OPEN_QUOTE}(?P<g>{GRADE_WORDS}){CLOSE_QUOTE}"
    r"(?=等(?![于同])|档次|档)"
)
# a score of one indicator, not the overall one (`产出指标自评得分`): the indicators of vocab/relations.yaml
INDICATOR = regex("|".join(re.escape(w) for w in sorted(set(INDICATOR_WORDS))))
GRADE_COUNT = regex(r"\s*(?:等级|等次|档次|档|级)")  # after the number of a scale's grades (`四个等级`)
# (`项目总体评价得 75.20 分`: a score named by the verb alone, not what was obtained: `获得`)
ANY_SCORE = regex(r"(?:得分|评分|(?<!获)得)$")
# a sentence that opens by naming an indicator (`（二）过程指标满分 80 分，评价得分 70 分`): its scores are that one's
OPENS_WITH_INDICATOR = regex(rf"[\s（(一二三四五六七八九十\d、.．）)]*(?:{INDICATOR.pattern})")
# the points a score is out of, when its sentence says (`满分 10 分`, `分值 20 分`)
OUT_OF = regex(r"(?:满分|分值|权重)\D{0,3}(?P<n>\d+(?:\.\d+)?)")
NUMBER = regex(r"\d{1,3}(?:\.\d+)?")
# `（含）`, `（不含）`, `（含90分）` right after a bound, or anywhere with the bound's number
MARK = regex(r"\s*分?\s*[（(](?P<no>不)?(?:含|包含|包括)(?P<n>\d{1,3}(?:\.\d+)?)?分?(?:本数)?[）)]")
RANGE_SIGN = regex(r"\s*分?\s*(?:[-－—–~～]+|至|到)\s*$")
# the words that bound a band on one side, after the bound or before it: (word, the band lies above the
# bound?, the bound belongs to it?)
AFTER_WORDS: tuple[tuple[str, bool, bool | None], ...] = (
    ("及以上", True, True),
    ("以上", True, None),
    ("及以下", False, True),
    ("以下", False, None),
    ("以内", False, None),
    # `80≤得分<90`: a sign after the bound compares it with the score named after it, so it says the reverse
    # of the same sign before a bound (`80≤得分`: the score is 80 or more)
    ("≤", True, True),
    ("<", True, False),
    ("＜", True, False),
    ("≥", False, True),
    (">", False, False),
    ("＞", False, False),
)
BEFORE_WORDS: tuple[tuple[str, bool, bool | None], ...] = (
    ("不低于", True, True),
    ("不少于", True, True),
    ("大于等于", True, True),
    ("≥", True, True),
    ("高于", True, False),
    ("超过", True, False),
    ("大于", True, False),
    (">", True, False),
    ("不高于", False, True),
    ("小于等于", False, True),
    ("≤", False, True),
    ("低于", False, False),
    ("不足", False, False),
    ("不满", False, False),
    ("未满", False, False),
    ("未达到", False, False),
    ("小于", False, False),
    ("<", False, False),
    ("＜", False, False),
    ("＞", True, False),
)
# what follows a bound of a grading scale (`90分（含）以上为`, `85分以上的为`, `-100分为`)
# a name of the overall score that names the full marks too (总分, not 总得分)
SCALE_WORD = regex(r"(?<!得)总分$")
BAND_BOUND = regex(r"\s*(?:[（(]不?含[^）)]{0,6}[）)])?\s*(?:及)?(?:以上|以下|至|到|[-－—–~～])")
UNIT_NOT_POINTS = regex(r"\d\s*(?:[%％‰元万亿个人天项次年月日家户件]|个百分点)")
NEAR = 30  # characters between the clauses of one scale


# `等级为良（80-89.9分）`, `等级为优（90分及以上为优）`: the grade's own band in brackets right after it
OWN_BRACKET = regex(r"\s*[（(](?P<body>(?:[^（）()]|[（(]不?(?:含|包含|包括)[^（）()]{0,6}[）)]){1,40})[）)]")
OWN_GIVES = regex(rf"(?:的)?为{OPEN_QUOTE}(?P<g>{GRADE_WORDS}){CLOSE_QUOTE}$")
# the words a bracket of bounds alone is written with (`80分≤得分<90分`, `90分及以上`, `80～89分`): any other
# word (`满意度90%以上`, `完成率`, `评价标准：…`) makes it something else than the bounds of the score
OWN_WORDS = regex(r"综合得分|得分|总分|分数|及以上|以上|及以下|以下|至|到|不低于|低于|不足|不满|未满|大于等于|小于|分")
OWN_SIGNS = regex(r"[\d.\s\-－—–~～≤<＜≥>＞]*")


def own_band(text: str, stated: re.Match[str]) -> tuple[tuple[int, int], Band] | None:
    """The band stated in brackets right after a grade (`等级为良（80-89.9分）`, `（80分≤得分<90分）`, `等级为优
    （90分及以上为优）`), as written (a bound's inclusion None where unsaid); None when the bracket states
    anything but the bounds of a score, or gives them to another grade."""
    m = OWN_BRACKET.match(text, stated.end())
    if m is None:
        return None
    body = m.group("body")
    gives = OWN_GIVES.search(body)
    if gives is not None:
        if CANON[gives.group("g")] != CANON[stated.group("g")]:
            return None
        body = body[: gives.start()]
    if not OWN_SIGNS.fullmatch(OWN_WORDS.sub("", MARK.sub("", body))):
        return None
    band = _band(body, stated.group("g"))
    return None if band is None else ((m.start(), m.end()), band)


def grades(draft: Draft) -> Iterator[Grade]:
    """Each overall score with a grade stated for it in its sentence (or the next, when that states nothing
    else), under the band stated in brackets right after the grade, else the scale the document states
    before or after it."""
    doc = draft.doc
    # (the scales, a scan of the whole text, read when the first sentence with one overall score asks for them:
    # most documents state none)
    scales: list[tuple[tuple[int, int], list[Band]]] | None = None
    taken: list[tuple[int, int]] = []
    # (an overall score is a mention's score, `_score`, one of the document's exact figures in 分 not bounds: the
    # sentences holding none are not asked, and a document of none, most, is not walked)
    scored = {m.sentence for m, q in score_figures(draft).values() if not q.bound}
    if not scored:
        return
    by_sentence: dict[int, list[Mention]] = {}
    for m in draft.facts.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    for si, mentions in by_sentence.items():
        if si not in scored:
            continue
        totals = [m for m in mentions if overall_score(doc.text, doc.sentences[si].start, m, graded=True) is not None]
        if len(totals) != 1:
            continue
        if scales is None:
            scales = sorted(stated_scales(doc.text) + _table_scales(draft.facts.tables), key=lambda s: s[0])
            taken = [span for span, _ in scales]
        if any(a <= totals[0].start < b for a, b in taken):
            continue
        score = _score(totals[0])
        assert score is not None
        stated = _stated(draft, si, by_sentence, taken)
        if stated is None:
            continue
        own = own_band(doc.text, stated)
        if own is not None:
            yield Grade(score, stated.group("g"), stated.span("g"), [own[1]], own[0], own=True)
            continue
        scale = _scale_for(scales, score.start, lambda offset: doc.section_path(offset)[:1])
        if scale is None:
            continue
        span, bands = scale
        yield Grade(score, stated.group("g"), stated.span("g"), bands, span)


def _score(m: Mention) -> Quantity | None:
    for q in m.quantities:  # (a loop, not a generator: asked of every figure of the document)
        if q.base_unit == "分" and q.exact and not q.bound:
            return q
    return None


def overall_score(text: str, sentence_start: int, m: Mention, graded: bool = False) -> Quantity | None:
    """The overall score a mention states (`综合得分 86.5 分`), None when it is no overall score: another label,
    an indicator's score (`产出指标自评得分`, `过程指标满分 80 分，评价得分 70 分`: its sentence names the
    indicator before it), a score out of other points than 100 (`满分 10 分`), or a bound of a grading scale
    (`综合得分 90 分（含）以上为优`). A score its sentence grades (`该项目得分 87.19 分，等级为…`, `graded`) may be
    named by any label ending in 得分."""
    q = _score(m)
    if q is None or not (SCORE_TOTAL.search(m.key) or (graded and ANY_SCORE.search(m.key))) or INDICATOR.search(m.key):
        return None
    if OPENS_WITH_INDICATOR.match(text, sentence_start, q.start):
        return None
    out_of = OUT_OF.search(text, sentence_start, q.start)
    if out_of and Decimal(out_of.group("n")) != 100:
        return None
    if BAND_BOUND.match(text, q.end):
        return None
    if q.value == 100 and SCALE_WORD.search(m.key):
        # (`设置指标，总分 100 分，90 分及以上为优`: 总分 names the full marks as often as the score; full marks
        # of 100 are the scale, whatever the evaluation scored)
        return None
    return q


def _stated(
    draft: Draft, si: int, by_sentence: dict[int, list[Mention]], scales: list[tuple[int, int]]
) -> re.Match[str] | None:
    """The grade stated in the score's sentence, else in the next one when it has no figure of its own; the
    scale may stand between them (`综合得分 87.68 分。评价结果分为四个等级：…。据此，本项目评价等级为“良”`)."""
    doc = draft.doc
    sentences = doc.sentences

    def scale_only(k: int) -> bool:
        """A sentence whose figures are all the bounds of a scale, or the number of its grades (`分为四个等级`)."""
        figures = by_sentence.get(k) or []
        return bool(figures) and all(
            any(a <= q.start < b for a, b in scales) or GRADE_COUNT.match(doc.text, q.end)
            for m in figures
            for q in m.quantities
        )

    for k in range(si, min(si + 3, len(sentences))):
        if k == si + 2 and not scale_only(si + 1):
            break  # two sentences on only past the scale
        s = sentences[k]
        # (outside the scale: `根据评分标准（90 分及以上为优，…），自评等级为“良”` states the grade after it)
        found = sorted(
            (f for pattern in (STATED, STATED_CLASS) for f in pattern.finditer(doc.text, s.start, s.end)),
            key=lambda f: f.start(),
        )
        found = [f for f in found if not any(a <= f.start() < b for a, b in scales)]
        if k != si and by_sentence.get(k):
            if not scale_only(k):
                break
            if len(found) != 1:
                continue
        if len(found) == 1:
            return found[0]
        if found:
            return None  # two grades: which is the score's is not said
    return None


def _scale_for(
    scales: list[tuple[tuple[int, int], list[Band]]], offset: int, report: Callable[[int], list[str]]
) -> tuple[tuple[int, int], list[Band]] | None:
    """The scale stated before the score or after it. Where the document states scales that differ (a book of
    reports, one of which may state its own after its summary), only the one in the score's report (its
    top-level section), when exactly one is; else which one the score is graded on is not said."""
    before = [s for s in scales if s[0][1] <= offset]
    after = [s for s in scales if s[0][0] > offset]
    if len({str(_key(bands)) for _, bands in scales}) > 1:
        # scales that differ: a report is graded on its own only (`等级标准同第一篇` names no scale read here)
        own = [s for s in (before[-1:] + after[:1]) if report(s[0][0]) == report(offset)]
        return own[0] if len(own) == 1 else None
    return before[-1] if before else (after[0] if after else None)


def _key(bands: list[Band]) -> list[tuple[str, object, object, object, object]]:
    return sorted((CANON[b.grade], b.low, b.low_in, b.high, b.high_in) for b in bands)


def stated_scales(text: str) -> list[tuple[tuple[int, int], list[Band]]]:
    """The grading scales of a document: runs of band clauses close together, two grades or more, each grade
    once, every score in at most one band."""
    clauses: list[tuple[int, int, Band]] = []
    named = ((False, m) for pattern in (BAND_BEFORE, BAND_NAMED) for m in anchored(pattern, text, _BAND_GRADE, 2))
    for after, m in itertools.chain(((True, m) for m in _band_after(text)), named):
        band = _band(m.group("body"), m.group("g"))
        if band is not None:
            clauses.append((m.start("body") if after else m.start("g"), m.end(), band))
    clauses.sort(key=lambda c: c[0])
    runs: list[list[tuple[int, int, Band]]] = []
    for c in clauses:
        if runs and c[0] - runs[-1][-1][1] <= NEAR:
            runs[-1].append(c)
        else:
            runs.append([c])
    scales = []
    for run in runs:
        bands = _settled([b for _, _, b in run])
        if bands is not None:
            scales.append(((run[0][0], run[-1][1]), bands))
    return scales


# a table of a grading scale: one column names the grade (`等级`), one its score's bounds (`分值区间`); a
# table of another measure's bands (`满意度区间`, `完成率`) is none
TABLE_GRADE = regex(r"^(?:评价|绩效|自评)?(?:等级|等次|档次|级别)$")
TABLE_BOUNDS = regex(r"^(?:综合|评价|自评)?(?:得分|分值|分数|评分|总分)(?:区间|范围|标准|段)?$")
TABLE_CELL_GRADE = regex(rf"^{OPEN_QUOTE}(?P<g>{GRADE_WORDS}){CLOSE_QUOTE}$")


def _table_scales(tables: list[Table]) -> list[tuple[tuple[int, int], list[Band]]]:
    """The grading scales stated as tables (`| 等级 | 分值区间 |` over `| 优 | 90-100 |`, `| 良 | 80-89 |` …):
    a header of one row naming the grade column and the score's bounds column, and every row a grade and
    its bounds (a row of anything else, and it is no scale read here)."""
    scales = []
    for t in tables:
        if t.header_rows != 1 or len(t.rows) < 3:
            continue
        head = [c.text.replace(" ", "") for c in t.rows[0]]
        grade_cols = [i for i, h in enumerate(head) if TABLE_GRADE.match(h)]
        bound_cols = [i for i, h in enumerate(head) if TABLE_BOUNDS.match(h)]
        if len(grade_cols) != 1 or len(bound_cols) != 1:
            continue
        bands = [_table_band(row, grade_cols[0], bound_cols[0]) for row in t.rows[1:]]
        settled = None if None in bands else _settled([b for b in bands if b is not None])
        if settled is not None:
            scales.append(((t.rows[0][0].start, t.rows[-1][-1].end), settled))
    return scales


def _table_band(row: list[Cell], grade_col: int, bound_col: int) -> Band | None:
    """The band a row of a scale's table states, None when the row is no band."""
    if max(grade_col, bound_col) >= len(row):
        return None
    g = TABLE_CELL_GRADE.match(row[grade_col].text.strip())
    return None if g is None else _band(row[bound_col].text.strip(), g.group("g"))


# the first character of each of GIVES_AT's verbs (为, 评为, 定为, 属于, 属): its lookahead is tried only there
_GIVES_FIRST = regex("[为评定属]")


def _band_after(text: str) -> Iterator[re.Match[str]]:
    """`BAND_AFTER.finditer(text)`, in time linear in the text: its lazy body would be tried from every
    position of the document; a match starts within `_BODY_REACH` characters before the words that give its
    grade, so only those starts are tried, each once, in order (the same matches, leftmost first)."""
    pos = tried = 0  # the end of the last match; every start below `tried` has been tried
    for gives in anchored(GIVES_AT, text, _GIVES_FIRST, 0):
        start = max(pos, tried, gives.start() - _BODY_REACH)
        while start < gives.start():
            m = BAND_AFTER.match(text, start)
            start += 1
            if m:
                yield m
                pos = m.end()
                break
        tried = max(tried, start)


def _band(body: str, grade: str) -> Band | None:
    """The bounds a clause gives its grade: a range (`80分（含）至90分`, `80-89分`), a bound and the word that says
    on which side the band lies (`90分及以上`, `60分以下`, `不足60分`), or two such bounds (`80分及以上、不足90
    分`); None when the clause is no band."""
    if UNIT_NOT_POINTS.search(body):
        return None  # bands of a rate or an amount (`完成率90%以上为优`), not of a score
    marked = [mk for mk in MARK.finditer(body)]
    # the numbers of the bounds (not those a mark repeats: `90分以上（含90分）`)
    numbers = [n for n in NUMBER.finditer(body) if not any(mk.start() <= n.start() < mk.end() for mk in marked)]
    if not numbers or len(numbers) > 2 or any(Decimal(n.group()) > 100 for n in numbers):
        return None
    marks = _marks(body, numbers, marked)
    if marks is None:
        return None
    values = [Decimal(n.group()) for n in numbers]
    sides = [_side(body, numbers, i) for i in range(len(numbers))]
    if len(numbers) == 2:
        between = MARK.sub("", body[numbers[0].end() : numbers[1].start()])
        if RANGE_SIGN.search(between):
            if values[0] >= values[1]:
                return None
            return Band(grade, values[0], marks.get(0), values[1], marks.get(1))
        return _between(grade, values, sides, marks)
    if sides[0] is None:
        return None
    above, inside = sides[0]
    if above:
        return Band(grade, values[0], marks.get(0, inside), None, None)
    return Band(grade, None, None, values[0], marks.get(0, inside))


def _between(
    grade: str, values: list[Decimal], sides: list[tuple[bool, bool | None] | None], marks: dict[int, bool]
) -> Band | None:
    """A band of two bounds each with a word saying its side (`80分及以上、不足90分`, `80≤得分<90`, written from
    the top down too: `90>得分≥80`): one bound below the band and one above it, the lower the smaller."""
    if sides[0] is None or sides[1] is None or sides[0][0] == sides[1][0]:
        return None
    lo, hi = (0, 1) if sides[0][0] else (1, 0)
    low, high = sides[lo], sides[hi]
    assert low is not None and high is not None
    if values[lo] >= values[hi]:
        return None
    return Band(grade, values[lo], marks.get(lo, low[1]), values[hi], marks.get(hi, high[1]))


def _marks(body: str, numbers: list[re.Match[str]], marked: list[re.Match[str]]) -> dict[int, bool] | None:
    """Whether each bound belongs to its band, where a mark says so: `（含）` right after it, or `（含90分）`
    naming it anywhere (None when a mark names no bound of the clause)."""
    marks = {}
    for i, n in enumerate(numbers):
        mk = MARK.match(body, n.end())
        if mk and mk.group("n") is None:
            marks[i] = not mk.group("no")
    for mk in marked:
        if mk.group("n") is not None:
            named = next((k for k, n in enumerate(numbers) if Decimal(n.group()) == Decimal(mk.group("n"))), None)
            if named is None:
                return None
            marks[named] = not mk.group("no")
    return marks


def _side(body: str, numbers: list[re.Match[str]], i: int) -> tuple[bool, bool | None] | None:
    """(the band lies above the bound?, the bound belongs to it?) from the words right after the i-th bound
    (`及以上`, `以下`) or right before it (`不足`, `≥`); None when they say neither."""
    end = numbers[i + 1].start() if i + 1 < len(numbers) else len(body)
    begin = numbers[i - 1].end() if i > 0 else 0
    rest = MARK.sub("", body[numbers[i].end() : end]).lstrip("分 ")
    head = body[begin : numbers[i].start()].rstrip()
    for word, above, inside in AFTER_WORDS:
        if rest.startswith(word):
            return above, inside
    for word, above, inside in BEFORE_WORDS:
        if head.endswith(word):
            return above, inside
    return None


def _cascaded(b: Band, bands: list[Band]) -> Band:
    """A band bounded on one side only, read in the cascade its scale states (`90分以上为优，80分以上为良`: 良 is
    80 up to 优's 90): it ends where the nearest band beyond it begins."""
    if b.low is not None and b.high is None:
        above = [o for o in bands if o.low is not None and o.low > b.low]
        if above:
            nxt = min(above, key=lambda o: o.low or 0)
            return Band(b.grade, b.low, b.low_in, nxt.low, None if nxt.low_in is None else not nxt.low_in)
    if b.high is not None and b.low is None:
        below = [o for o in bands if o.high is not None and o.high < b.high]
        if below:
            nxt = max(below, key=lambda o: o.high or 0)
            return Band(b.grade, nxt.high, None if nxt.high_in is None else not nxt.high_in, b.high, b.high_in)
    return b


def _bounds_owned(b: Band, bands: list[Band]) -> Band:
    """A band with its open bounds settled by the band that shares them (the complement of what that one
    says), or as its own where no band shares them."""

    def owned(bound: Decimal | None, inside: bool | None, sharing: list[bool | None]) -> bool | None:
        if bound is None or inside is not None:
            return inside
        if not sharing:
            return True
        return None if sharing[0] is None else not sharing[0]

    low_in = owned(b.low, b.low_in, [o.high_in for o in bands if o is not b and o.high == b.low])
    high_in = owned(b.high, b.high_in, [o.low_in for o in bands if o is not b and o.low == b.high])
    return Band(b.grade, b.low, low_in, b.high, high_in)


def _settled(bands: list[Band]) -> list[Band] | None:
    """The bands of a scale with what one band says of a shared bound applied to the other (`80（含）-90 为良`
    and `90（含）以上为优`: 90 is not 良's) and a bound no other band shares taken as the band's own (`80-89分
    为良`); None when this is no scale (one grade, a grade twice, bands that overlap)."""
    if len(bands) < 2 or len({CANON[b.grade] for b in bands}) != len(bands):
        return None
    bands = [_cascaded(b, bands) for b in bands]
    settled = [_bounds_owned(b, bands) for b in bands]
    for a in settled:
        for b in settled:
            if a is not b and a.low is not None and b.holds(a.low) is True and a.holds(a.low) is True:
                return None  # one score in two bands: no scale a grade can be read from
    return settled
