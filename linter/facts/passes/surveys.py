"""Surveys: the answers of one question on a satisfaction scale (vocab `survey_scales`). Their shares make
100% (TO113); their counts make the questionnaires they answer (`收回有效问卷 669 份 … 非常满意 442 份，满意 177 份，
基本满意 40 份，不满意 10 份`); options named together make what is said of them together (`非常满意与比较满意
合计为 82.0%`)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from tieout.linter.facts.model import SHARES_ADDED, AnsweredShares, Breakdown, Distribution, Mention, Rate
from tieout.linter.facts.passes.base import Completed, by_clause, by_paragraph, same_section, table_start
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.tables import Side, Table
from tieout.linter.patterns import regex
from tieout.linter.text.model import Document, Sentence
from tieout.linter.vocab import load

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

ANSWER_UNITS = ("份", "人", "人次", "户", "名")
# what the answers of a survey are of: the questionnaires returned, the people asked
ANSWERED = regex(r"有效问卷|有效样本|收回|回收|受访|调查对象|调查群众|回访|参与调查|参与评价|样本")


def _scales() -> list[list[list[str]]]:
    return [[[str(w) for w in option] for option in scale] for scale in load("relations").get("survey_scales") or []]


SCALES = _scales()
# every option wording, longest first (`比较不满意` before `不满意` before `满意`); words of one length in their
# own order, so that the pattern's text is the same in every process (a set's order changes with the hash seed,
# and each new text missed the cache of compiled patterns, which was then rewritten)
OPTION = "|".join(sorted({w for scale in SCALES for option in scale for w in option}, key=lambda w: (-len(w), w)))
# the option right after its share (`69.02%的受访者非常满意`, `15.11%比较满意`) or right before it (`非常满意的占 69.02%`);
# after the people, what they answered of may be named (`的受访者对此非常满意`, `的受访者对赛事组织（…）非常满意`): a
# short phrase opened by 对, no figure nor break in it
OPTION_IN = regex(OPTION)
OPTION_AFTER = regex(
    rf"(?:的)?(?:受访者|受访对象|被调查者|调查对象|群众|人|用户)?(?:对[^，,；;。：:\d%％]{{1,24}}?)?"
    rf"(?:表示|认为|选择|为)?(?P<o>{OPTION})"
)
OPTION_BEFORE = regex(rf"(?P<o>{OPTION})[”\"’']?(?:的)?(?:受访者|人数)?(?:占比?|比例|比重)?(?:为|达|是)?\s*$")


# a label that ends with an answer (`表示满意的`, `“比较满意”`): not an option word inside a name (一般公共预算)
ANSWER_END = regex(rf"(?P<o>{OPTION})[”\"’']?的?[：:，,\s]*$")
# the same with a note after the option on what it counts (`表示满意（含非常满意、比较满意）的`), a bracket without
# figures: the answers of that option all the same
ANSWER_NOTED_END = regex(rf"(?P<o>{OPTION})[”\"’']?(?:[（(][^（()）\d%％]*[）)])?的?[：:，,\s]*$")


# the stages a survey's questionnaires pass (发放 → 回收 → 有效): counts of one sample, no parts of each other's whole
SURVEY_STAGE = regex(r"发放|回收|收回|有效")


def survey_stages(parts: list[Mention]) -> bool:
    """Do the figures name two stages of one survey or more (`学生问卷发放 800 份、回收 782 份、有效 770 份`)? They
    count one sample at each stage, and make no list of parts."""
    stages = {found.group().replace("收回", "回收") for p in parts if (found := SURVEY_STAGE.search(p.label))}
    return len(stages) >= 2


def one_answer_apart(parts: list[Mention]) -> bool:
    """Do two of the figures count the same answer (`对技术服务表示满意的 a 份`, `对补贴发放表示满意的 b 份`)? They
    answer different questions, each of all respondents: they overlap, and are no list of the answers."""
    found = [m.group("o") for p in parts if (m := ANSWER_END.search(p.label)) is not None]
    return len(found) != len(set(found))


def distributions(draft: Draft) -> Iterator[Distribution]:
    """`820 份问卷中，64.15% 的受访者非常满意，21.34% 比较满意，10.98% 无感，2.2% 比较不满意，1.33% 非常不满意`: the
    shares of one sentence, each named by an option of one scale right beside it, that name every option of
    the scale once and nothing else, are the answers of one question; so are those of each clause a `；` closes,
    where the sentence lists the answers of several questions so. A sentence with other shares besides (a
    second question, a multiple choice) is not read."""
    text = draft.doc.text
    sentences = draft.doc.sentences
    starts = [s.start for s in sentences]
    by_sentence: dict[int, list[Quantity]] = {}
    for q in draft.facts.quantities:
        if q.kind != "percent":
            continue  # (the sentence looked up for the shares only)
        si = bisect_right(starts, q.start) - 1
        if si >= 0 and q.start < sentences[si].end:
            by_sentence.setdefault(si, []).append(q)
    for si, shares in by_sentence.items():
        if len(shares) < 3:
            continue
        begin = draft.doc.sentences[si].start
        options = [_option(text, begin, q) for q in shares]
        if any(o is None for o in options):
            continue
        named = [o for o in options if o is not None]
        if _scale_of(named) is not None:
            yield Distribution(shares, named, si)
            continue
        # `对“甲”的评价中，非常满意占 a，…；对“乙”的评价中，非常满意占 b，…`: one question per clause
        clauses = _by_clause(text, begin, shares, named)
        if len(clauses) >= 2 and all(_scale_of(o) is not None for _, o in clauses):
            for qs, o in clauses:
                yield Distribution(qs, o, si)


# the respondents a sentence opens with (`108 份满意度调查问卷中，`, `在收回的 500 份有效问卷中：`, `320 名受访者中，`): the
# shares after it are of them. Those given out (`发放的 200 份问卷中`) are not those answered, and are not read
RESPONDENT_UNITS = ("份", "人", "名", "户", "位")
RESPONDENTS_AMONG = regex(
    r"[^，,。；;：:\d%％]{0,16}?(?:问卷|答卷|样本|受访者|受访对象|被调查者|调查对象|受访群众|受访人员)中[，,：:]"
)
GIVEN_OUT = regex(r"发放|发出|投放")
# a share whose clause names a rate, a score or a change before it is not so many of the respondents (a 满意度 may
# be a weighted mean of the answers, a growth is of another figure)
NOT_OF_RESPONDENTS = regex(r"率|度|指数|得分|分值|平均|增长|增加|减少|下降|降低|提高|上升|上年|同比|环比")


def answered_shares(draft: Draft) -> Iterator[AnsweredShares]:
    """`108 份问卷中，有 66.67% 的…非常清楚，25% 的…比较清楚，…`: the shares of a sentence that opens with the number
    of its respondents are each a whole number of them over that number, whether the question allows one answer
    or several (TO119). A sentence with a second count of people or questionnaires (a part of them the later
    shares may be of) is not read."""
    text, sentences = draft.doc.text, draft.doc.sentences
    for si, own in draft.by_sentence.items():
        # (the one count of respondents found before the figures are sorted: most sentences hold none)
        counted = [q for m in own for q in m.quantities if q.kind == "count" and q.unit in RESPONDENT_UNITS]
        if len(counted) != 1 or not _respondents(text, sentences[si], counted[0]):
            continue
        figures = sorted((q for m in own for q in m.quantities), key=lambda q: q.start)
        base = counted[0]
        shares = [q for q in figures if q.start > base.end and _of_respondents(text, sentences[si], q)]
        if shares:
            yield AnsweredShares(base, shares, si)


def _respondents(text: str, sentence: Sentence, q: Quantity) -> bool:
    """Is the count the respondents the sentence's shares are of (`108 份…问卷中，`)?"""
    if not q.exact or q.decimals or q.base_value < 2 or not RESPONDENTS_AMONG.match(text, q.end):
        return False
    cut = max(text.rfind(c, sentence.start, q.start) for c in "，、；：,;:")
    return GIVEN_OUT.search(text, max(sentence.start, cut + 1), q.end) is None


def _of_respondents(text: str, sentence: Sentence, q: Quantity) -> bool:
    """Is the figure a share of the respondents: an exact percentage of them no rate, score or change names?"""
    if q.kind != "percent" or q.unit != "%" or not q.exact or not 0 < q.value <= 100:
        return False
    cut = max(text.rfind(c, sentence.start, q.start) for c in "，、；：,;:")
    return NOT_OF_RESPONDENTS.search(text, max(sentence.start, cut + 1), q.start) is None


def _by_clause(
    text: str, begin: int, shares: list[Quantity], named: list[str]
) -> list[tuple[list[Quantity], list[str]]]:
    """The shares and their options grouped by the `；` clauses of their sentence."""
    groups = by_clause(text, begin, [(q.start, q.end) for q in shares])
    return [([shares[k] for k in g], [named[k] for k in g]) for g in groups]


def _option(text: str, begin: int, q: Quantity) -> str | None:
    after = OPTION_AFTER.match(text, q.end)
    if after:
        return after.group("o")
    # the clause the figure ends: from the last break before it (searched back from the figure, not split from the
    # sentence's start: a long sentence of many options is read in linear time)
    cut = max(text.rfind(c, begin, q.start) for c in "，、；：,;:")
    clause = text[max(begin, cut + 1) : q.start]
    before = OPTION_BEFORE.search(clause)
    return before.group("o") if before else None


def _scale_of(named: list[str], least: int = 3) -> list[list[str]] | None:
    """The scale of at least `least` options whose every option the wordings name, each once and nothing else."""
    for scale in SCALES:
        if len(scale) < least:
            continue
        hits = [next((k for k, option in enumerate(scale) if o in option), -1) for o in named]
        if -1 not in hits and sorted(hits) == list(range(len(scale))):
            return scale
    return None


def answer_counts(draft: Draft) -> Iterator[Breakdown | Completed]:
    """The counts of one sentence, each named by an option of one scale, that name every option of it once,
    are the questionnaires (the people) answering: the count named so right before them, in their sentence or
    the one before it (`goes_on`), with no other count of their unit between."""
    text, sentences = draft.doc.text, draft.doc.sentences
    if "满意" not in text:
        return
    for si, own in draft.by_sentence.items():
        answers = _answers(text, sentences[si], own)
        if answers is None:
            continue
        first = answers[0][0]
        earlier = (draft.by_sentence.get(si - 1) or []) if goes_on(draft.doc, si) else []
        before = [m for m in (*earlier, *own) if m.start < first.start]
        base = _answered(before, answers[0][1].unit)
        if base is None or draft.is_part(base):
            continue
        parts = [m for m, _ in answers]
        if not any(draft.is_part(m) for m in parts):
            yield Breakdown(base, parts, "", True, si, inferred=True, certain=False)
            continue
        # `收回问卷 420 份，其中满意 380 份，不满意 45 份`: the list a `其中` opened names every answer, so it is
        # the whole of the questionnaires, not a part of them
        listed = next((b for b in draft.facts.breakdowns if b.total is base and b.parts == parts), None)
        if listed is not None and not listed.exhaustive:
            yield Completed(listed, replace(listed, exhaustive=True))


def goes_on(doc: Document, si: int) -> bool:
    """Does sentence si go on from the one before: in its paragraph, or opening the next line of the same block
    (no blank line, no heading between)? A report kept as plain text writes each sentence of a survey on a line
    of its own (`…其中有效问卷 240 份。` / `填写“满意”的 213 份，…`), and the lines are one account."""
    if si < 1:
        return False
    sentences = doc.sentences
    here, there = sentences[si].start, sentences[si - 1].start
    if sentences[si - 1].paragraph == sentences[si].paragraph:
        return True
    return doc.section_at(there) is doc.section_at(here) and not doc.blank_line_between(there, here)


def _answers(text: str, sentence: Sentence, mentions: list[Mention]) -> list[tuple[Mention, Quantity]] | None:
    counts = [(m, q) for m in mentions for q in m.quantities if q.kind == "count" and q.unit in ANSWER_UNITS]
    named = [(m, q, _option(text, sentence.start, q)) for m, q in counts]
    answers = [(m, q, o) for m, q, o in named if o is not None]
    if len(answers) < 2 or len({q.unit for _, q, _ in answers}) != 1 or not all(q.exact for _, q, _ in answers):
        return None
    options = [o for _, _, o in answers]
    if len({id(m) for m, _, _ in answers}) != len(answers) or _scale_of(options, least=2) is None:
        return None
    # 满意 and 不满意 alone are the whole only where no other answer is named beside them (`其余为基本满意`)
    if len(answers) == 2 and set(OPTION_IN.findall(text, sentence.start, sentence.end)) != set(options):
        return None
    return [(m, q) for m, q, _ in answers]


def _answered(before: list[Mention], unit: str) -> Mention | None:
    """The last count of the unit before the answers, when it is named as what was answered."""
    for m in reversed(before):
        q = next((x for x in m.quantities if x.kind == "count" and x.unit == unit), None)
        if q is None:
            continue
        return m if q.exact and len(m.quantities) == 1 and ANSWERED.search(m.label) else None
    return None


# a survey's questionnaires returned (`回收 872 份`, `收回问卷 300 份`: no valid ones, no rate), those set aside as
# invalid (`无效问卷 29 份`) and those kept (`有效问卷 843 份`, `有效 280 份`)
RETURNED = regex(r"回收|收回")
INVALID = regex(r"无效")
VALID = regex(r"有效")
RATE_WORD = regex(r"率")
SURVEYED = regex(r"问卷|调查|样本")


def returned_split(draft: Draft) -> Iterator[Breakdown | Completed]:
    """The questionnaires returned are those kept as valid and those set aside as invalid, by definition
    (`回收 872 份，…；剔除无效问卷 29 份后，有效问卷 843 份`): in a sentence about a survey that names one count of
    each, in one unit, the returned one first. A returned count named valid too (`回收有效问卷 480 份`) is the valid
    one, and a sentence with two of a kind (two groups surveyed) is not read."""
    text, sentences = draft.doc.text, draft.doc.sentences
    if "无效" not in text:
        return
    for si, own in draft.by_sentence.items():
        sentence = sentences[si]
        if SURVEYED.search(text, sentence.start, sentence.end) is None:
            continue
        found = _returned_valid_invalid(own)
        if found is None:
            continue
        whole, parts = found
        if not any(draft.is_part(m) for m in parts):
            yield Breakdown(whole, parts, "", True, si)
            continue
        listed = next((b for b in draft.facts.breakdowns if b.total is whole and b.parts == parts), None)
        if listed is not None and not listed.exhaustive:  # `回收 300 份，其中有效 288 份、无效 12 份`
            yield Completed(listed, replace(listed, exhaustive=True))


def _returned_valid_invalid(own: list[Mention]) -> tuple[Mention, list[Mention]] | None:
    """The sentence's one returned count, its one valid and its one invalid count (the returned first, one unit)."""
    counts = [m for m in own if len(m.quantities) == 1 and m.quantities[0].kind == "count" and m.quantities[0].exact]
    counts = [m for m in counts if m.quantities[0].unit in ANSWER_UNITS and not RATE_WORD.search(m.label)]
    invalid = [m for m in counts if INVALID.search(m.label)]
    valid = [m for m in counts if VALID.search(m.label) and not INVALID.search(m.label)]
    returned = [m for m in counts if RETURNED.search(m.label) and m not in invalid and m not in valid]
    if len(returned) != 1 or len(valid) != 1 or len(invalid) != 1:
        return None
    (whole,), parts = returned, [valid[0], invalid[0]]
    if len({m.quantities[0].unit for m in (whole, *parts)}) != 1 or any(p.start < whole.start for p in parts):
        return None
    return whole, parts


_NAME = rf"[“\"‘']?(?:{OPTION})[”\"’']?"
# options named together (`以“非常满意”和“满意”计算`, `非常满意与比较满意合计`, `非常满意和满意的比例之和`), then at most a
# few words before the figure said of them together
TOGETHER = regex(
    rf"(?P<names>{_NAME}(?:(?:和|与|及|、|加|\+){_NAME}){{1,3}})(?:的|两项|两类|人数|比例|占比)*"
    r"(?:合计|之和|总和|相加|合并|计算|共计)(?:[)）]|的|占比?|比例|为|达|是|，|,|\s){0,4}$"
)
# `满意度（非常满意+满意）为 92%`: options joined by a plus sign in brackets, the sum written out
TOGETHER_PLUS = regex(rf"[（(](?P<names>{_NAME}(?:[+＋]{_NAME}){{1,3}})[)）](?:的|占比?|比例|为|达|是|，|,|\s){{0,4}}$")
TOGETHER_REACH = 40  # characters before the figure looked at for the options named together
# a rate said to be worked out as those options' answers over all the answers (`按“很满意”和“满意”人数之和占受访
# 人数的比例计算，群众满意度为 p%`): the options' shares added, a few words of the rate's name before its figure
RATIO_OF_OPTIONS = regex(
    rf"(?P<names>{_NAME}(?:(?:和|与|及|、|加|\+){_NAME}){{1,3}})(?:的)?(?:问卷|问卷数|人数|份数|户数|票数)?之和"
    r"占(?:全部|有效|回收)?(?:问卷|调查|样本)?(?:总数|总份数|数|份数|人数|总人数)?的(?:比例|比重)(?:计算)?[，,]"
    r"[^，,。；;：:\d%％]{0,12}$"
)
# or said to be worked out as those options taken together (`以“满意”和“比较满意”合计计算，服务对象满意度为 p%`): the same sum
OPTIONS_TAKEN_TOGETHER = regex(
    rf"(?:以|按)(?P<names>{_NAME}(?:(?:和|与|及|、|加|\+){_NAME}){{1,3}})(?:的)?(?:问卷|问卷数|人数|份数|户数|票数)?"
    r"(?:合计|之和|相加|合并)(?:计算|统计)[，,][^，,。；;：:\d%％]{0,12}$"
)
# or said after those options' answers counted together (`选择“非常满意”和“满意”的问卷合计 n 份，满意率为 p%`; who
# answered may be named before the count, `的村民合计 n 人`): the rate
# of those answers is their share of the answers the table lays out, the words between naming no other base (占…)
OPTIONS_COUNTED = regex(
    rf"(?P<names>{_NAME}(?:(?:和|与|及|、|加|\+){_NAME}){{1,3}})(?:的)?[\u4e00-\u9fff]{{0,5}}?"
    r"(?:合计|共计|之和|总计|共)(?:为|达)?\s*(?P<count>\d[\d,]*)\s*(?:份|人次|人|户|票|名)[，,]"
    r"(?:(?!占)[^，,。；;：:\d%％]){0,12}$"
)
# the name of a satisfaction rate, the one rate OPTIONS_COUNTED reads
SATISFACTION_RATE = regex(r"满意(?:率|度)")
RATIO_REACH = 60


def option_sums(draft: Draft) -> Iterator[Breakdown]:
    """A share said of options named together (`非常满意与比较满意合计为 82.0%`, `（非常满意+满意）为 92%`) is the sum
    of their shares stated before it in its paragraph, each named by its option once."""
    text, sentences = draft.doc.text, draft.doc.sentences
    if "满意" not in text:
        return
    for mentions in by_paragraph(draft).values():
        for i, m in enumerate(mentions):
            q = next((x for x in m.quantities if x.kind == "percent" and x.exact), None)
            if q is None:
                continue
            begin = max(sentences[m.sentence].start, q.start - TOGETHER_REACH)
            together = TOGETHER.search(text, begin, q.start) or TOGETHER_PLUS.search(text, begin, q.start)
            if together is None:
                continue
            parts = _shares_of(text, sentences, mentions[:i], together.group("names"))
            if parts is not None:
                yield Breakdown(m, parts, SHARES_ADDED, True, m.sentence)


def tabled_option_sums(draft: Draft) -> Iterator[Breakdown]:
    """A satisfaction rate its sentence says is worked out as some options' answers over all the answers
    (`按“很满意”和“满意”人数之和占受访人数的比例计算，群众满意度为 p%`), or says after those answers counted together
    (`选择“非常满意”和“满意”的问卷合计 n 份，满意率为 p%`), the answers laid out in a survey table
    before it under its heading: the sum of those options' shares in the table (`_table_shares`)."""
    text, sentences = draft.doc.text, draft.doc.sentences
    if "满意" not in text or not draft.facts.tables:
        return
    for r in draft.facts.rates:
        q = r.stated
        if r.formula is not None or q.kind != "percent" or not q.exact:
            continue
        ratio = _options_said(text, sentences[r.sentence], r)
        if ratio is None:
            continue
        whole = Mention(r.name, r.name, [q], r.sentence, sentences[r.sentence].paragraph)
        parts = _table_shares(draft, whole, ratio.group("names"))
        if parts is not None:
            yield Breakdown(whole, parts, SHARES_ADDED, True, r.sentence)


def _options_said(text: str, sentence: Sentence, r: Rate) -> re.Match[str] | None:
    """The words before the rate that say which options' answers it counts: a ratio said of them (a rate read of no
    figures), or (a satisfaction rate) their answers counted together right before it, the one figure it was read of."""
    q = r.stated
    begin = max(sentence.start, q.start - RATIO_REACH)
    if not r.operands:
        return RATIO_OF_OPTIONS.search(text, begin, q.start) or OPTIONS_TAKEN_TOGETHER.search(text, begin, q.start)
    counted = OPTIONS_COUNTED.search(text, begin, q.start)
    if counted is None or len(r.operands) != 1 or r.operands[0].start != counted.start("count"):
        return None
    return counted if SATISFACTION_RATE.search(r.name) else None


def _shares_of(text: str, sentences: list[Sentence], before: list[Mention], names: str) -> list[Mention] | None:
    """The share stated before of each option the names hold, when each is stated once."""
    options = OPTION_IN.findall(names)
    found: dict[str, list[Mention]] = {o: [] for o in options}
    for m in before:
        q = next((x for x in m.quantities if x.kind == "percent"), None)
        if q is None:
            continue
        o = _option(text, sentences[m.sentence].start, q)
        if o in found:
            found[o].append(m)
    if len(options) < 2 or len(set(options)) != len(options) or any(len(v) != 1 for v in found.values()):
        return None
    return [found[o][0] for o in options]


def _table_shares(draft: Draft, m: Mention, names: str) -> list[Mention] | None:
    """The share cells of the options the names hold, in the one survey table before the rate under its heading:
    its rows are the options of one scale (a 合计 aside), each named once, beside one column of shares (`占比`)."""
    options = OPTION_IN.findall(names)
    if len(options) < 2 or len(set(options)) != len(options):
        return None
    owner = {q.start: x for x in draft.facts.mentions for q in x.quantities}
    found: list[list[Mention]] = []
    for table in draft.facts.tables:
        start = table_start(table)
        if not 0 <= start < m.start or not same_section(draft, start, m.start):
            continue
        for side in table.sides:
            cells = _option_shares(table, side, options)
            parts = [_cell_mention(draft, owner, o, c) for o, c in zip(options, cells or [])]
            if cells is not None:
                found.append(parts)
    return found[0] if len(found) == 1 else None


def _option_shares(table: Table, side: Side, options: list[str]) -> list[Quantity] | None:
    """The options' cells of the side's one share column, where its rows (a 合计 aside) are the options of one scale,
    each named once, and every cell an exact percentage."""
    shares = [c for c in side.columns if c.kind == "share"]
    items = [r for r in side.rows if not r.total]
    rows = {r.label.strip("“”\"‘’'"): r for r in items}
    if len(shares) != 1 or len(rows) != len(items) or _scale_of(list(rows)) is None:
        return None
    if any(o not in rows for o in options):
        return None
    cells = [table.quantity(rows[o].index, shares[0].index) for o in options]
    out = [c for c in cells if c is not None and c.kind == "percent" and c.exact]
    return out if len(out) == len(options) else None


def _cell_mention(draft: Draft, owner: dict[int, Mention], option: str, cell: Quantity) -> Mention:
    """The figure of a table's cell: the mention its row's text made, or (a table of pipes, read as cells only)
    one named by the option."""
    found = owner.get(cell.start)
    if found is not None:
        return found
    si = draft.doc.sentence_index(cell.start)
    return Mention(option, option, [cell], si, draft.doc.sentences[si].paragraph if si >= 0 else 0)


def scale_ranks(options: list[str]) -> list[int] | None:
    """Each option's place on the scale (best first) whose every option the wordings name once; None when they
    name no scale."""
    scale = _scale_of(options, least=2)
    if scale is None:
        return None
    return [next(k for k, option in enumerate(scale) if o in option) for o in options]


def satisfied(option: str) -> bool:
    """Is the answer one of satisfaction, however faint (`基本满意`, `一般`), not of dissatisfaction (`不满意`)?"""
    return "不" not in option
