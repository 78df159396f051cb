"""Which quantity each mention is: its item and the context the document states for it.

A mention's context comes, field by field, from the nearest place that states it: its own label
(`省本级政府性基金预算支出`), the labels before it in its sentence (`2024年全省一般公共预算收入 X，债务收入 Y`:
Y is 全省's 2024 一般公共预算 debt income), the headings above it (`（二）市本级财政收支情况` › `1.一般公共
预算`), the document's title (`2024年度部门决算`), and the genre's defaults (a 部门决算 speaks of one
department). Where nothing states a field it stays unknown, and the identity is incomplete: such a figure is
never evidence of a mistake.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Breakdown, Identity, Mention
from tieout.linter.figures.context import (
    BUDGET_STAGES,
    MIXED,
    RELATIVE,
    SIDES,
    Context,
    read,
    to_month,
    township_scopes,
)
from tieout.linter.figures.labels import (
    GENERIC_ITEMS,
    INCLUDED,
    LAST_YEAR_BESIDE,
    LEAD,
    PERIOD,
    STAGE_AND_SIDE,
    Labeller,
)
from tieout.linter.patterns import CHAPTER_MARK, YEARS_FROM_TO, YEARS_TOGETHER, regex
from tieout.linter.text.model import Document, Section
from tieout.linter.text.title import TITLE_CHARS, declared_short_names, entity_names, genre_of, title_text
from tieout.linter.vocab import load, relation_words, words

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft
    from tieout.linter.figures.quantities import Quantity

HEADING_MARK = regex(
    rf"^(?:{CHAPTER_MARK}|[一二三四五六七八九十]{{1,3}}[、.]|（[一二三四五六七八九十]{{1,3}}）"
    r"|\d{1,2}(?:\.\d{1,2})*[、.．]?|（\d{1,2}）|[①-⑳]"
    # a heading numbering its subject by a word (`项目1：基本公共卫生服务项目`, `子项目二：…`): what the colon
    # opens is the subject, the word and number only its place in a list
    r"|(?:子?项目|任务|案例)[\d一二三四五六七八九十]{1,3}\s*[：:])\s*"
)
SUBJECT_END = regex(r"[，,：:；。]|\d")
CLAUSE_END = regex(r"[，,：:；;。]")
SUBJECT_TRIM = regex(r"(?:情况说明|情况|说明|的|总体|具体|结构|[，、：:（）()]|\s)+$")


def document_context(doc: Document) -> tuple[Context, str]:
    """The context the title states for the whole document, and its genre (see vocab/genres.yaml).

    A title names its government (`关于保定市…的报告`, `黑龙江省和省本级财政决算`), which covers both the
    whole jurisdiction and its own level: a title states no scope; a genre's defaults may (a 部门决算 is one
    department's)."""
    head = title_text(doc)
    genre = genre_of(head)
    if not genre:
        head = _contents_part(doc) or head
        genre = genre_of(head)
    defaults = load("genres").get(genre, {}).get("defaults", {}) if genre else {}
    # (a township's government names its whole, which is its own level: that scope is certain, where a genre's
    # defaults name none)
    scope = None if "scope" in defaults else _township_whole(head)
    title = replace(read(head).context, scope=scope)
    return title.under(Context(**{k: str(v) for k, v in defaults.items()})), genre


# the government a title names right before its year (`关于某某镇2025年…`, `某某乡人民政府2026年…`): its level word; not
# 城乡 or 乡镇, which name no government
TITLED_LEVEL = regex(r"[\u4e00-\u9fff](?<![城乡])(?P<level>[镇乡])(?:人民政府|政府)?\s*(?:19|20)\d{2}\s*年")


def _township_whole(head: str) -> str | None:
    """The whole of the township a title names as its government (`全镇` for `关于某某镇2025年财政预算执行情况…`),
    which is also its own level (context.yaml township_levels); None where the title names another government."""
    found = TITLED_LEVEL.search(head)
    if found is None:
        return None
    pair = township_scopes().get(found["level"])
    return pair[0] if pair else None


CONTENTS = regex(r"\s*目\s*录\s*")  # a table of contents' heading, alone on its line
CONTENTS_LINES = 40
PART_MARK = regex(r"^\s*第[一二三四五六七八九十\d]{1,3}部分\s*")


def _contents_part(doc: Document) -> str:
    """A report that opens with its table of contents, no title above it (its cover a picture the text layer does
    not hold): the first of the parts it lists that names a genre (`第二部分 2019年度部门预算表`) names the report's,
    and its year; "" where the document opens otherwise or no part names one. The contents end where the body
    repeats their first entry."""
    lines = doc.text[: TITLE_CHARS * CONTENTS_LINES].split("\n")[:CONTENTS_LINES]
    first = next((k for k, line in enumerate(lines) if line.strip()), None)
    if first is None or not CONTENTS.fullmatch(lines[first]) or first + 1 >= len(lines):
        return ""
    entries = lines[first + 1 :]
    end = next((k for k in range(1, len(entries)) if entries[k].strip() == entries[0].strip()), len(entries))
    for line in entries[:end]:
        part = PART_MARK.sub("", line).strip()
        if PART_MARK.match(line) and genre_of(part):
            return part
    return ""


def document_title(doc: Document) -> str:
    """The title block's text (`title_text`), as the checks read it."""
    return title_text(doc)


def _without(label: str, names: Sequence[str]) -> str:
    for name in names:
        if name in label:
            return label.replace(name, "")
    return label


HAN = regex(r"[\u4e00-\u9fff]")


def _without_leading(label: str, names: Sequence[str]) -> str:
    """The label without a short name of the department leading it (after its period and opening words only:
    `2025年度市某委政府采购支出总额`). A short name is short: inside a label it may be part of another name
    (`A市某委信息中心`), and one that goes on into a unit's (`市某委机关收入`, vocab counted_names 单位) is the unit's."""
    for name in names:
        at = label.find(name)
        if at < 0 or LEAD.sub("", PERIOD.sub("", label[:at])).strip():
            continue
        rest = label[at + len(name) :]
        # (a label of the name alone, `市某委 7,848.98` or a table row's, names whose the figure is: that is its item)
        if HAN.search(rest) and not any(len(w) > 1 and w in rest for w in _unit_endings()):
            return label[:at] + rest
    return label


# a heading that is a name alone (`县农技推广中心`): Han characters, no figure, no punctuation, short
UNIT_HEADING = regex(r"[\u4e00-\u9fff]{4,20}")


@lru_cache(maxsize=1)
def _unit_endings() -> tuple[str, ...]:
    return tuple(str(w) for w in (load("relations").get("counted_names") or {}).get("单位") or [])


class _Sections:
    """Each section's context and subject, read once."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._memo: dict[int, tuple[Context, str]] = {}
        self._units: dict[int, bool] = {}

    def unit(self, section: Section | None, own: Sequence[str]) -> bool:
        """Does a heading above the offset name a unit of the department other than itself (`（一）县农技推广中心`,
        `（二）局机关本级`)? The figures under it are that unit's, not the department's (vocab counted_names 单位)."""
        if section is None:
            return False
        hit = self._units.get(id(section))
        if hit is None:
            title = HEADING_MARK.sub("", section.title).strip()
            named = UNIT_HEADING.fullmatch(title) is not None and title.endswith(_unit_endings()) and title not in own
            hit = self._units[id(section)] = named or self.unit(section.parent, own)
        return hit

    def of(self, section: Section | None) -> tuple[Context, str]:
        """The context the headings above an offset state (innermost first) and their subject path."""
        if section is None:
            return Context(), ""
        hit = self._memo.get(id(section))
        if hit is None:
            # a heading that runs on into a sentence states its context before its first clause ends: what the
            # sentence compares with after it (`1.收入 671.9 亿元，比上年执行数增长…`) is not the heading's
            clauses = CLAUSE_END.split(HEADING_MARK.sub("", section.title))
            own = read(clauses[0])
            if own.context.stage is not None and _restages(own.context, clauses[1:]):
                # `2.公务用车购置及运行费预算为 A，支出决算为 B，…`: the stage opening the run-in heading is its first
                # figure's, the paragraph goes on at another; the headings above say which its other figures are of
                own = replace(own, context=replace(own.context, stage=None))
            outer, outer_subject = self.of(section.parent)
            # a heading that runs on into a sentence (`（1）总收入 274.6 亿元，其构成是：…`) names its subject
            # before its first figure or comma
            subject = SUBJECT_TRIM.sub("", SUBJECT_END.split(own.rest, maxsplit=1)[0])
            # what joined the context words (`全市和市本级预算执行情况` → `和`) names nothing
            subject = subject.strip("和与及、")
            path = f"{outer_subject}›{subject}" if outer_subject and subject else (subject or outer_subject)
            hit = self._memo[id(section)] = (own.context.under(outer), path)
        return hit


def headings_reader(doc: Document, document: Context) -> Callable[[int], tuple[Context, str]]:
    """For an offset, the context the headings above it and the title state, and the headings' subject path (as a
    mention's are read), for figures read outside the mentions (rates); each section read once for all of them."""
    sections = _Sections(doc)

    def at(offset: int) -> tuple[Context, str]:
        heading, path = sections.of(doc.section_at(offset))
        return heading.under(document), path

    return at


# a clause stating an amount by the words before it (`支出决算为 54.31万元`), not a percentage (`完成预算的 87.69%`)
STATED_AMOUNT = regex(r"^\s*(?P<label>[^\d%％]{1,24}?)\d[\d,.]*(?![\d,.]|\s*(?:[%％‰]|个百分点))")
# a clause comparing with a base (`比预算节约 p`, `较上年执行数增加 d`, `同比增长`): its stage is the base's
COMPARED_WITH = regex(r"^(?:[比较与同]|相比)")
# the period this year is read as: (`全年支出决算为 B`, `本年决算 B`: the year the heading's first figure is of)
THIS_YEAR = RELATIVE["current"]


def _restages(first: Context, clauses: Sequence[str]) -> bool:
    """Does a clause after a run-in heading's first state an amount of the same period at another stage
    (`…预算为 A，支出决算为 B`)? The heading then sets two stages side by side: its first clause's is not the
    paragraph's. (A comparison, `比上年执行数增长 p%`, and last year's figure, `上年决算数 C`, set none.)"""
    for clause in clauses:
        stated = STATED_AMOUNT.match(clause)
        if stated is None or COMPARED_WITH.match(stated["label"].strip()):
            continue
        said = read(stated["label"]).context
        if said.stage not in (None, MIXED, first.stage) and said.period in (None, first.period, THIS_YEAR):
            return True
    return False


def assign(draft: Draft) -> None:
    """Give every mention its identity (the facts' `document_context` and `genre` too).

    Besides its context, what a figure is of: a well-defined total (本年收入合计) is of its sentence's subject
    when that is another item (`二是机关事业单位基本养老保险基金收入 X，…总收入 Y`), else of the document; any
    other item is of the headings above it (`九、一般公共预算基本支出` › `（二）公用经费` › 办公费 is not 十、机关运行经费
    › 办公费) and, as a part of a breakdown, of its whole (一般转移支付 received is not 一般转移支付 given)."""
    doc, labeller, facts = draft.doc, draft.labeller, draft.facts
    document, genre = document_context(doc)
    facts.document_context, facts.genre = document, genre
    own = entity_names(title_text(doc)) if document.scope == "部门" else ()
    stated, items = _stated(draft, own, declared_short_names(doc.text, own))
    of_whole: dict[int, str] = {}
    # a part of a breakdown is in its whole's context where its own words say nothing (`一般公共预算收入 X，
    # 其中：税收收入 Y` — Y is 一般公共预算's), and, named only by context words, is its whole's item
    # (`其中：省本级 X`); breakdowns are in order, so a nested whole has its own whole's context by then
    facts.breakdowns = [b for b in facts.breakdowns if _kept_over_years(b, doc, stated)]
    for b in facts.breakdowns:
        whole = id(b.total)
        for p in b.parts:
            stated[id(p)] = stated[id(p)].under(stated[whole])
            if not items[id(p)]:
                items[id(p)] = items[whole]
            elif items[id(p)] != items[whole]:
                of_whole[id(p)] = items[whole]
    _apply_aliases(doc, facts.mentions, stated)
    sections = _Sections(doc)
    # a government's report states its totals for each fund and level under their own headings; a
    # department's states its own totals once for the whole document
    wide = document_wide(genre)
    outcomes = frozenset(load("genres").get(genre, {}).get("outcome_items", [])) if genre else frozenset()
    leads: dict[int, tuple[str, int]] = {}
    own_names = entity_names(title_text(doc)) if wide else ()
    canonical = labeller.canonical_keys
    names_one: dict[tuple[str, bool], bool] = {}  # items recur: each judged once
    # the context and subject path around each section's figures, once per section (not per figure)
    arounds: dict[int, tuple[Context, str]] = {}
    for m in facts.mentions:
        key = id(m)
        item = items[key]
        section = doc.section_at(m.quantities[0].start if m.quantities else -1)  # (m.start, without the property)
        hit = arounds.get(id(section))
        if hit is None:
            heading, path = sections.of(section)
            hit = arounds[id(section)] = (heading.under(document), path)
        around, path = hit
        draft.stated[key], draft.around[key] = stated[key], around
        # (nor does a heading's or the genre's budget stage reach a figure of the months so far: `部门预算绩效运行监控
        # 报告` over `1—9月累计支出 X`)
        context = stated[key].under(_budget_left_behind(stated[key], around))
        lead = _lead_at(draft, leads, m)
        left_out = draft.excluded.get(key, "")
        own_fund = labeller.identify(m.label)[1].fund
        # (a department's report may state a unit's figures under the unit's heading: those are the unit's)
        whole_doc = wide and not sections.unit(section, own_names)
        if item in canonical or item in BALANCE_ITEMS or (whole_doc and _appropriated_side(item, own_fund)):
            subject = _path(_sentence_subject(draft, m, items) or ("" if whole_doc else path), lead, left_out)
        elif key in of_whole or lead or left_out:
            subject = _path(path, of_whole.get(key, ""), lead, left_out)
        else:
            subject = path  # the headings' path alone (most figures): nothing to join
        named = _names_one_cached(names_one, canonical, item, own_fund not in (None, MIXED))
        if not named and item in outcomes:
            named = _stated_as_outcome(labeller, doc, m)
        m.identity = Identity(item, context, subject, named=named)
    _periods_within_items(draft)


def _names_one_cached(
    names_one: dict[tuple[str, bool], bool], canonical: set[str], item: str, fund_named: bool
) -> bool:
    """`_names_one` of the item, judged once per document for each item (items recur)."""
    named = names_one.get((item, fund_named))
    if named is None:
        named = names_one[item, fund_named] = _names_one(canonical, item, fund_named)
    return named


def _lead_at(draft: Draft, leads: dict[int, tuple[str, int]], m: Mention) -> str:
    """The name the figure's sentence opens with (`_lead_in`, read once per sentence, not for each of its figures),
    where the figure stands within what that name states ("" past the semicolon closing a 其中 clause's programme)."""
    if m.sentence not in leads:
        leads[m.sentence] = _lead_in(draft, m.sentence)
    lead, until = leads[m.sentence]
    return "" if lead and m.start >= until else lead


# the stage of what was done (context.yaml: 实际, 执行, 完成 …)
OUTCOME_STAGE = "执行"


# words before a figure in its sentence saying it sums up more than the year's outcome, or to another date, or is a
# part of it (`累计实际支出`, `截至评价时，实际支出`, `截至目前`, `其中…实际支出`)
NOT_THE_YEARS = regex(r"累计|截至|截止|至今|目前|其中")


def _stated_as_outcome(labeller: Labeller, doc: Document, m: Mention) -> bool:
    """Does the figure's own label say it is what was done (`实际支出`, `执行数`), and nothing before it in its
    sentence that it is done up to another date, summed over years or a part? In a report of one project's
    evaluation its spending so named is the project's (genres.yaml `outcome_items`)."""
    if labeller.identify(m.label)[1].stage != OUTCOME_STAGE or not m.quantities:
        return False
    return NOT_THE_YEARS.search(doc.text, doc.sentences[m.sentence].start, m.quantities[0].start) is None


# the funds of a department's appropriation (context.yaml: 财政拨款, 一般公共预算财政拨款 …) end so
APPROPRIATION = "财政拨款"


def _appropriated_side(item: str, fund: str | None) -> bool:
    """Is the figure a side of one fund of the department's appropriation, the fund named in its own words
    (`一般公共预算拨款收入`, `政府性基金预算财政拨款支出`)? A department's report states it once for the whole
    document, as it does its totals: under `收入预算` or as a part of `财政拨款收支总预算` it is the same figure."""
    return item in SIDES and fund is not None and fund != MIXED and fund.endswith(APPROPRIATION)


def document_wide(genre: str) -> bool:
    """Does a report of this genre state its totals once for the whole document (a department's report)?"""
    return bool(load("genres").get(genre, {}).get("document_wide_totals")) if genre else False


def _names_own_appropriation(draft: Draft, m: Mention) -> bool:
    """Is the figure a side of one fund of the department's appropriation, the fund named in its own label, its
    identity complete without its whole's?"""
    own_fund = draft.labeller.identify(m.label)[1].fund
    return _appropriated_side(m.identity.item, own_fund) and m.identity.complete()


def _path(*parts: str) -> str:
    """The parts that say something, joined as a subject path."""
    return "›".join([x for x in parts if x])


# `为调整预算（以下简称“预算”）的 97.2%`: from there on, in that part of the report, 预算 is the adjusted budget
ALIAS = regex(r"(?P<long>调整预算|变动预算|调整后预算)\s*[（(]\s*以下简称\s*[“\"](?P<short>预算)[”\"]\s*[)）]")


def _apply_aliases(doc: Document, mentions: list[Mention], stated: dict[int, Context]) -> None:
    """A stage a report renames for brevity: figures stated with the short name after the definition, up to the
    next heading of the definition's outermost section's level, are of the long name's stage (a budget stated
    explicitly as 年初预算, or as the one a congress's session approved, stays one)."""
    for short, long, start, end in short_names(doc):
        for m in mentions:
            if start <= m.start < end and stated[id(m)].stage == short and not _names_initial(doc, m):
                stated[id(m)] = replace(stated[id(m)], stage=long)


def short_names(doc: Document) -> list[tuple[str, str, int, int]]:
    """The stages a report renames for brevity (`为调整预算（以下简称“预算”）的`): (short stage, long stage, and the
    span of the text where the short name means the long one: from the definition up to the next heading of its
    outermost section's level)."""
    if "以下简称" not in doc.text:
        return []  # (every ALIAS names it: most documents define no short name, and are not scanned)
    out = []
    for hit in ALIAS.finditer(doc.text):
        long = read(hit.group("long")).context.stage
        short = read(hit.group("short")).context.stage
        if long is not None and short is not None and long != short:
            out.append((short, long, hit.end(), _part_end(doc, hit.start())))
    return out


def renamed_stage(names: list[tuple[str, str, int, int]], offset: int, stage: str | None) -> str | None:
    """The stage a short name (of `short_names`) stands for at `offset` (`预算` after `调整预算（以下简称“预算”）`),
    else `stage`."""
    for short, long, start, end in names:
        if short == stage and start <= offset < end:
            return long
    return stage


# the approval of a budget by the people's congress's session names the budget as first approved (`市人大X次会议
# 批准…收入为 A，支出为 B。执行中…调整为 C`), unless the words name an adjustment (`常委会会议批准，收入调整为 C`)
APPROVED_NAMED = regex(r"会议批准")
ADJUSTED_NAMED = regex(r"调整|变动")


def _names_initial(doc: Document, m: Mention) -> bool:
    """Do the figure's own words, or those of its sentence up to it, name the initial budget (`年初`, or `会议批准`
    and no adjustment), which a short name for the adjusted budget does not rename?"""
    if "年初" in m.label:
        return True
    said = doc.text[doc.sentences[m.sentence].start : m.start]
    return APPROVED_NAMED.search(said) is not None and ADJUSTED_NAMED.search(said) is None


def _part_end(doc: Document, offset: int) -> int:
    """Where the part of the report holding `offset` ends: the next heading as high as its outermost one."""
    top = doc.section_at(offset)
    while top is not None and top.parent is not None:
        top = top.parent
    if top is None:
        return len(doc.text)
    later = [s.start for s in doc.sections if s.start > offset and s.level <= top.level and s.title]
    return min(later, default=len(doc.text))


# a span of years written before a figure (`2021—2023年`, `2021年至2023年`): the figure is of all of them
YEAR_SPAN = regex(YEARS_FROM_TO)


# what makes a total one year's or each year's, not the whole span's (`2023年投入 X`, `年均安排 X`, `每年 X`)
ONE_YEARS = regex(r"(?:19|20)\d{2}年|年均|每年|平均")
DIGIT = regex(r"\d")  # (another figure between the span and the total)


def _kept_over_years(b: Breakdown, doc: Document, stated: dict[int, Context]) -> bool:
    """Is the breakdown kept: a total over a span of years with those years as its parts (`_years_listed`; made
    complete where every year of the span is listed), or a list whose parts state no other stage or period than
    its total (`_stated_apart`)?"""
    span = _years_listed(b, doc, stated)
    if span is None:
        return not _stated_apart(b, stated)
    b.exhaustive = b.exhaustive or len(b.parts) == span[1] - span[0] + 1
    return True


def _years_listed(b: Breakdown, doc: Document, stated: dict[int, Context]) -> tuple[int, int] | None:
    """The span of years (first, last) of a list that is a total over the one span its sentence states right
    before it, its parts that span's years, each named by its year alone, none twice (`2021—2023年，共安排 X，其中：
    2021年 a，2022年 b，2023年 c`); None for any other list. Their periods differ from the total's (read as the span's
    last year) by construction. The total names no year of its own nor each year's (`2023年投入 X`, `年均 X`), and
    no other figure stands between the span and it."""
    if not b.total.quantities or len(b.parts) < 2 or any(p.key for p in b.parts):
        return None
    start = b.total.quantities[0].start
    spans = list(YEAR_SPAN.finditer(doc.text, doc.sentences[b.sentence].start, start))
    if (
        len(spans) != 1
        or ONE_YEARS.search(doc.text, spans[0].end(), start)
        or DIGIT.search(doc.text, spans[0].end(), start)
    ):
        return None
    first, last = int(spans[0].group(1)), int(spans[0].group(2))
    years = [stated[id(p)].period or "" for p in b.parts]
    if first >= last or not all(y.isdigit() and first <= int(y) <= last for y in years) or len(set(years)) < len(years):
        return None
    return first, last


def _stated_apart(b: Breakdown, stated: dict[int, Context]) -> bool:
    """Does a part state another stage or period than its total (`申报预算 600 万元，其中设备采购预算资金 586 万元，
    中标金额 553.18 万元`; `计划安排 142 个项目，其中…，2023年实际完成 137 个项目`)? Then the list is no breakdown
    of that total: which of its figures are parts is not certain. A budget adjusted in the year (keyword 调整:
    年初预算 ± 调增/调减 = 调整后预算) spans two stages by construction."""
    if b.keyword == "调整":
        return False
    stages = {s for p in b.parts if (s := stated[id(p)].stage) not in (None, MIXED)}
    if len(stages) > 1:
        return True  # `其中：基本支出预算 A，支出 B`: a budget and an outcome of one item are no two parts
    whole = stated[id(b.total)]
    for p in b.parts:
        own = stated[id(p)]
        for f in ("stage", "period"):
            mine, theirs = getattr(own, f), getattr(whole, f)
            if mine in (None, MIXED) or theirs in (None, MIXED) or mine == theirs:
                continue
            if f == "period" and (mine[0] in "+-" or theirs[0] in "+-"):
                continue  # a relative period (当年) is resolved later, against the document's
            return True
    return False


def refine(draft: Draft) -> None:
    """After the linking passes: a part of a breakdown a pass found (`…转移支付 86.3 亿元。其中：一般性转移支付
    61.8 亿元`) is of that whole too, and what it is was inferred, not stated. But a side of one fund of a
    department's appropriation named in its own words, listed under such a side that is itself a part its sentence
    lists of the department's total (`收入预算总计 T，其中：财政拨款收入 A，占 p%。其中：一般公共预算拨款收入 X`), is the
    document's, as its whole is (see `assign`), where the whole states nothing else of it (no other year or stage):
    nothing of what it is comes from the whole. (Under another whole, `所属中心收入 B。其中：一般公共预算拨款收入 Y`, or
    under an appropriation a heading may make a function's, `（一）农林水支出` › `财政拨款支出 C。其中：…`, what the
    part is stays inferred.)"""
    wide = document_wide(draft.facts.genre)
    lists = _lists_of_totals(draft) if wide else []
    of_totals = {id(p) for b in lists for p in b.parts}
    listed = {id(b) for b in lists}
    found_parts = {id(p) for b in draft.facts.breakdowns if not b.certain and id(b) not in listed for p in b.parts}
    for b in draft.facts.breakdowns:
        if b.certain:
            continue
        whole_own = (
            id(b.total) in of_totals and id(b.total) not in found_parts and _names_own_appropriation(draft, b.total)
        )
        for p in b.parts:
            context = _under_whole(draft, p, b.total)
            if whole_own and context == p.identity.context and _names_own_appropriation(draft, p):
                continue
            whole = b.total.identity.item
            subject = "›".join(x for x in (p.identity.subject, whole) if x and whole != p.identity.item)
            p.identity = replace(p.identity, subject=subject, inferred=True, context=context)


# the word after a total that opens the list of its parts
OPENS_PARTS = "其中"


def _lists_of_totals(draft: Draft) -> list[Breakdown]:
    """The lists of the parts of a total they name (`收入预算总计 T，其中：财政拨款收入 A`): read in the total's sentence,
    or opened there by `其中` and gone on one part a line (`…总计 T，其中：` / `财政拨款收入 A，占 p%。其中：…` / `事业收入 B`),
    which the list readers find across the sentences and hold as found, not stated."""
    marks = tuple(words("relations", "total_marks_tail"))
    return [
        b
        for b in draft.facts.breakdowns
        if (b.certain or b.keyword == OPENS_PARTS) and b.total.identity.item.endswith(marks)
    ]


def _under_whole(draft: Draft, part: Mention, whole: Mention) -> Context:
    """The part's context with what its own words leave open from its whole's (`…财政拨款“三公”经费支出 X。其中：公务
    接待费 Y` — Y is 财政拨款's too), before the headings and the title."""
    own, whole_stated = draft.stated.get(id(part)), draft.stated.get(id(whole))
    if own is None or whole_stated is None:
        return part.identity.context
    return own.under(whole_stated).under(draft.around[id(part)])


# `学生：有效样本 1250 份。家长：有效样本 860 份。`: a short name and a colon opening a sentence say whose its
# figures are; words that only open a list or a note say nothing of that
LEAD_IN = regex(r"([\u4e00-\u9fff]{2,6})[：:]")
NO_LEAD_IN = regex(
    r"^(?:其中|具体|包括|主要|注|备注|说明|原因|结论|目标|内容|情况|合计|总计|小计)|(?:为|是|如下|情况|包括|分别|有)$"
)


def _lead_in(draft: Draft, si: int) -> tuple[str, int]:
    """The name a sentence opens with before a colon, ahead of its first figure's words, or the programme a
    sentence opening with 其中 names (`_part_lead`); and where the figures it is the name of end ("" where none)."""
    mentions = draft.by_sentence.get(si) or []
    if not mentions:
        return "", 0
    sentence = draft.doc.sentences[si]
    m = LEAD_IN.match(draft.doc.text, sentence.start, mentions[0].start + len(mentions[0].label) + 1)
    if m and not NO_LEAD_IN.search(m.group(1)):  # (the match ends within its bound)
        return m.group(1), sentence.end
    part = _part_lead(draft.doc.text, sentence.start, sentence.end)
    if part[0]:
        return part
    name = _programme_opening(draft.doc.text, sentence.start, mentions[0].start)
    return (name, sentence.end) if name else _run_in_programme(draft, si)


# `其中，某某专项资金评价等级为“差”，压减 Δ，压减比例 p%；乙…`: 其中, then a programme's name (vocab relations
# programme_endings) in a clause of no figure; its figures run to the sentence's first semicolon
PART_LEAD = regex(
    r"\s*其中[，,：:]\s*(?P<name>[\u4e00-\u9fff“”]{2,30}?(?:"
    + relation_words("programme_endings")
    + r"))[^，,。；;：:\d]*[，,]"
)
PART_NAME_LEAST = 4  # the characters a programme's name has at least (`某某项目`), not a bare `项目` or `专项资金`
PART_NAME_NOT = regex(r"^(?:部分|个别|全部|所有|各|其他|其余|剩余|上述|以上|该|本)")


def _part_lead(text: str, start: int, end: int) -> tuple[str, int]:
    """A sentence opening with 其中 and the name of one programme of those the sentence before spoke of together,
    in a clause stating no figure (`其中，某某专项资金评价等级为“差”，压减 Δ，压减比例 p%`): its figures up to the
    first semicolon are that programme's (its own cut and ratio, not the whole's); past it another's may follow."""
    m = PART_LEAD.match(text, start, end)
    if m is None:
        return "", 0
    name = m.group("name").strip("“”")
    if len(name) < PART_NAME_LEAST or PART_NAME_NOT.match(name):
        return "", 0
    semicolon = min((k for k in (text.find("；", m.end(), end), text.find(";", m.end(), end)) if k >= 0), default=end)
    return name, semicolon


# a sentence opening with a programme's name ahead of its first figure, in the same clause (`学生资助项目年初预算 A，
# 全年支出 B，其中中央资金 C`; `（二）校舍维修改造项目：…`) or alone in its first clause (`一是学生资助项目，年初预算 A…`):
# the sentence states that programme's figures (C is not the 中央资金 of the next sentence's programme). The name ends
# where a programme's ending (vocab relations programme_endings) is not the start of a kind of money (`项目支出`,
# `专项资金`); a name opening with an ending is a generic word (`项目计划改造…`).
PROGRAMME_OPENING = regex(
    r"\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十\d]{1,3}[、.．]|[一二三四五六七八九十]是)?\s*"
    r"(?P<name>(?!"
    + relation_words("programme_endings")
    + r")[\u4e00-\u9fff“”]{2,30}?(?:"
    + relation_words("programme_endings")
    + r"))(?!支出|收入|经费|资金|专项|预算)"
)
CLAUSE_BREAK = regex(r"[，,；;。]")
NAME_CLAUSE_END = regex(r"\s*[，,：:]")  # (the name alone in its clause)
NOT_A_NAME = regex(r"支出|收入|预算|决算|合计|总计")  # (`本年项目支出中专项资金 A`: an amount's words, not a name)
RUN_IN_END = "。.．；; \t"  # what may close a run-in heading's sentence (`某某项目。`)
RUN_IN_REACH = 6  # sentences of a paragraph a run-in heading's name reaches


def _programme_opening(text: str, start: int, first_figure: int) -> str:
    """The programme a sentence opens with by name, ahead of its first figure in the same clause or alone in its
    first clause ("" where the sentence opens otherwise)."""
    m = PROGRAMME_OPENING.match(text, start, first_figure)
    if m is None or (CLAUSE_BREAK.search(text, m.end(), first_figure) and not NAME_CLAUSE_END.match(text, m.end())):
        return ""
    return _programme_name(m.group("name"))


def _programme_name(found: str) -> str:
    """A programme's name as matched, "" where it is too short, generic or an amount's words."""
    name = found.strip("“”")
    if len(name) < PART_NAME_LEAST or PART_NAME_NOT.match(name) or NOT_A_NAME.search(name):
        return ""
    return name


def _run_in_programme(draft: Draft, si: int) -> tuple[str, int]:
    """A paragraph opening with a sentence of a programme's name alone, no figure in it (a run-in heading:
    `校舍维修改造项目。年初预算 A，…`): the paragraph's figures are that programme's. Looked for a few sentences back
    only (a run-in heading's paragraph is short; a long run of sentences is no one programme's)."""
    sentences = draft.doc.sentences
    paragraph = sentences[si].paragraph
    first = si
    while first > 0 and si - first < RUN_IN_REACH and sentences[first - 1].paragraph == paragraph:
        first -= 1
    if first == si or (first > 0 and sentences[first - 1].paragraph == paragraph) or draft.by_sentence.get(first):
        return "", 0
    text, start = draft.doc.text, sentences[first].start
    end = len(text[start : sentences[first].end].rstrip(RUN_IN_END)) + start
    m = PROGRAMME_OPENING.match(text, start, end)
    name = _programme_name(m.group("name")) if m is not None and m.end() == end else ""
    return (name, sentences[si].end) if name else ("", 0)


# a sentence that adds to the figure of the sentence before (`…基金支出 A。加上补助市县支出后，总支出 T。`)
# a balance named by its word alone: of its sentence's subject, as a well-defined total is
BALANCE_ITEMS = frozenset(words("relations", "balance_items"))
ADDS_ON = regex(r"加上?[^，。；]{1,30}后[，,]")


def _sentence_subject(draft: Draft, m: Mention, items: dict[int, str]) -> str:
    """The other item a total or balance of the sentence is of: the sentence's first figure's (`二是机关事业单位基本
    养老保险基金收入 X，…总收入 Y`), "" where the sentence names none (its figures are then of the headings above)."""
    first = draft.by_sentence[m.sentence][0]
    if first is not m:
        # a balance opening the sentence names no one whose balances follow (`当年收支缺口 A，年初滚存结余 B，年末滚存
        # 结余 C` under `3.机关事业单位基本养老保险基金。`): they are all of the heading's fund, as the first is
        return "" if items[id(first)] in BALANCE_ITEMS else items[id(first)]
    # a total of a sentence that opens by adding to what the sentence before stated is of that one's subject
    sentences = draft.doc.sentences
    before = draft.by_sentence.get(m.sentence - 1)
    sent = sentences[m.sentence]
    if not before or sentences[m.sentence - 1].paragraph != sent.paragraph:
        return ""
    return items[id(before[0])] if ADDS_ON.match(draft.doc.text, sent.start, m.start) else ""


# the verb a budget's figure is set aside with, opening its item (`一般公共预算安排“三公”经费 X`, `拨款安排的会议费 Y`):
# the figure is of what follows it, the 三公经费 a share `占“三公”经费的` names. (Only the identity's item: the label
# keeps it, and with it the figure's role of a plan where a rate reads one: `安排就业补助资金 A，支出 B，执行率 p%`.)
ARRANGED_LEAD = regex(r"^安排的?(?=[\u4e00-\u9fff]{2})")


def _stated(
    draft: Draft, entity: Sequence[str] = (), short: Sequence[str] = ()
) -> tuple[dict[int, Context], dict[int, str]]:
    """What each mention's own words and the words before it in its sentence state, and its item.

    The words before a figure since the previous figure (`全省一般公共预算收入，加上上级补助收入、…等
    6283.7 亿元`) state its context, even where only the last phrase is its label; what they leave open is
    carried from earlier in the sentence: the scope, stage and period, not the fund (in `一般公共预算财政拨款
    收入 A，事业收入 B` the fund is A's own, B is another source)."""
    stated: dict[int, Context] = {}
    items: dict[int, str] = {}
    excluded = draft.excluded
    text, sentences = draft.doc.text, draft.doc.sentences
    ends = sorted([q.end for q in draft.facts.quantities])
    identify, qualifying_ratio = draft.labeller.identify, draft.labeller.qualifying_ratio
    canonical = draft.labeller.canonical_keys
    closing: dict[int, str | None] = {}  # the scope each sentence's last figure carries on (`_opening_scope`)
    for si, mentions in draft.by_sentence.items():
        sentence_start = sentences[si].start
        running = _opening_scope(draft, si, closing)
        by_year = _listed_by_year(text, sentence_start, sentences[si].end)
        within = _within_fund(text, sentence_start, mentions)
        last_item = ""  # the item of the sentence's figure before, for a figure named by its stage alone
        budgeted = False  # (and whether that figure is a budget)
        opened: str | None = None  # the period before a stock named as last year's (`上年滚存结余`), if carried
        for m in mentions:
            key, label, quantities = id(m), m.label, m.quantities
            at = quantities[0].start if quantities else -1  # (m.start, without the property's call)
            # the department's own name (`上海市某区某局2024年度收入支出总计`, or the short name it declared,
            # `2024年度市某委政府采购支出总额`) says whose figure it is, as the genre already does: not part of the item
            item, own = identify(_without_leading(_without(label, entity), short) if entity else label)
            if item.startswith("安排"):
                item = ARRANGED_LEAD.sub("", item)
            restaged = _restaged(label, item, own, last_item)
            item, own = _named_by_stage(
                draft, label, (item, own), (last_item, budgeted), (sentence_start, at - len(label))
            )
            k = bisect_left(ends, at + 1) - 1
            begin = max(sentence_start, ends[k] if k >= 0 else sentence_start)
            before = text[begin:at]
            if (
                budgeted
                and _side_of(item, last_item)
                and STAGE_AND_SIDE.match(m.label)
                and "；" not in before
                and _names_one(canonical, last_item)
            ):
                # `“三公”经费预算 A，实际支出 B`: the outcome of the thing budgeted right before, not all the spending
                item = last_item
            # (past a list's semicolon the words are the next item's: `…B，下降主要是上年一次性收入不再发生；其他收入 C`
            # is this year's C, the 上年 the previous item's explanation)
            said = own.under(read(_past_purpose(before[max(before.rfind("；"), before.rfind(";")) + 1 :])).context)
            # (what follows the figure in its clause carries on without that stage: `…；1—9月支出 B，其中基本支出 C`)
            running = _budget_left_behind(said, running)
            unfunded = _running_fund(running, restaged and _same_clause(before), within)
            if opened is not None and CLOSES_YEAR.search(label):
                # `加上上年滚存结余 A，年末滚存结余 D`: the 上年 dates the stock D's year opened with, not D (of the
                # period the sentence stated before A, if any)
                unfunded = replace(unfunded, period=opened or None)
            stated[key] = context = said.under(unfunded)
            if own.period is None and any(a <= at <= b for a, b in by_year):
                # `近三年营业收入分别为 a、b和c`: each figure is of its own year of the span, none of the one read
                stated[key] = context = replace(context, period=MIXED)
            items[key] = item
            left_out = _excluded(before, label)
            if left_out:
                excluded[key] = left_out
            if (
                not (_any_percent(quantities) and qualifying_ratio(m.key, quantities))
                and not _last_year_beside(label)
                and not _noted_stage(before, label, _after(text, quantities))
            ):
                # `为预算的 95.3%` names the ratio's base, `上年为 B` (`，上年执行数 B；`) last year's value of the
                # figure before, `决算 A（年初预算 B），其中：…` A's budget noted in brackets: their 预算 and 上年 are
                # not the context of the figures after them
                opened = _opened(label, said, running)
                running = _level_part_carried(item, own, running, _carry(context, running))
                last_item = item
                budgeted = context.stage in BUDGET_STAGES
        closing[si] = running.scope
    return stated, items


# a sentence opening with the word that lists the parts of the figure before (`…收入安排 A，增长 p%。其中，税收收入 a`)
OPENS_WITH_PARTS = regex(r"\s*其中")


def _opening_scope(draft: Draft, si: int, closing: dict[int, str | None]) -> Context:
    """The context a sentence's first figure is read under before its own words: the scope the sentence right before
    it in its paragraph carried on to its end, where this one opens with 其中 (`市本级一般公共预算收入安排 A，增长 p%。
    其中，税收收入 a` — a is 市本级's, as a part is its whole's, and so is its base a year before: never the 全市 figure of
    that name). A scope in doubt there (`全市支出 A，其中市本级 a`: MIXED) or none carries nothing."""
    sentences = draft.doc.sentences
    scope = closing.get(si - 1)
    if scope in (None, MIXED) or sentences[si - 1].paragraph != sentences[si].paragraph:
        return NOTHING_STATED
    if OPENS_WITH_PARTS.match(draft.doc.text, sentences[si].start, sentences[si].end) is None:
        return NOTHING_STATED
    return Context(scope=scope)


# a span of years (`近三年`, `2023—2025年`), then the word giving a figure to each (`分别`), in one clause of items
# (no one year named between them: `近三年来…，2025年收入和支出分别为 a 和 b` lists one year's figures); the list ends
# where a year is named again (`…分别为 a、b和c，2025年末资产总额 d`: d is of its own year)
EACH_YEAR_LISTED = regex(
    rf"(?:{YEARS_TOGETHER})(?:(?!(?:19|20)\d{{2}}年)[^；;])*?分别(?P<listed>(?:(?!(?:19|20)\d{{2}}年)[^；;])*)"
)


def _listed_by_year(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of the sentence (`start`, `end`) whose figures are a list giving each year of a span its figure
    (`2023—2025年，研发投入分别为 a、b和c`): each is one of the span's years, which one its place says, not the
    sentence's words. Read once per sentence (a figure asking from the sentence's start would be quadratic)."""
    # (every match holds 分别, found at C speed first: the pattern, opening with alternatives of years, was tried at
    # every character of every sentence, and few sentences give figures out with 分别)
    if text.find("分别", start, end) < 0:
        return []
    return [m.span("listed") for m in EACH_YEAR_LISTED.finditer(text, start, end)]


# a figure named by the verb of its outturn alone (`完成`, `实现`, `入库`), the thing it is of named before a colon
# opening its sentence: `——税收收入：完成 A，同比增长 p%`, `（一）增值税：实现 B`
OUTTURN_VERB = regex(r"^(?:上半年|全年|累计|当期)?(?:完成|实现|入库)(?:收入)?$")
HEADED = regex(
    r"(?:[—–\-－─·•●◆■□▲]+|（[一二三四五六七八九十\d]{1,3}）|[一二三四五六七八九十\d]{1,3}[、.．])?\s*([\u4e00-\u9fff（）()]{2,16})[：:]\s*"
)


def _named_by_stage(
    draft: Draft, label: str, found: tuple[str, Context], last: tuple[str, bool], before: tuple[int, int]
) -> tuple[str, Context]:
    """The item (and context) of a figure its label names by a stage or an outturn verb alone; `found` where the
    label names more. `last`: the item of the sentence's figure before and whether that is a budget; `before`: the
    sentence's start and the label's."""
    item = found[0]
    last_item, budgeted = last
    if not item and (STAGE_ONLY.match(label) or (budgeted and last_item and OUTTURN_ONLY.match(label))):
        # `收入调整预算数为 A，决算数为 B`: the same item at another stage (or year: `上年决算数为 C`)
        return last_item, found[1]
    if not last_item and OUTTURN_VERB.match(label) and (not item or OUTTURN_VERB.match(item)):
        # (`实现` is an item of its own to the labeller, `完成` a stage: either is the verb alone)
        return _headed(draft, before[0], before[1], found)
    if not last_item and not item and not label.strip():
        # `税收收入：A（上年 B，增长 p%）`: a figure of no words of its own right after the colon's name opening the
        # sentence (or the line a lead-in's colon opens, `…情况如下：税收收入：A，…`) is of that name
        return _headed(draft, _after_lead_in(draft, before[0], before[1]), before[1], found)
    return found


# a sentence opening within a whole (`一般公共预算拨款支出中，`, `在财政拨款基本支出中：`), before its first figure
WITHIN_WHOLE = regex(r"\s*在?(?P<whole>[^，,。；;：:\d]{2,30}?)中[，,：:]")


def _running_fund(running: Context, restaged: bool, within: str | None) -> Context:
    """The running context a figure's own words are read under: without the fund the figure before named (in
    `一般公共预算财政拨款收入 A，事业收入 B` the fund is A's own) unless the figure is that one at another stage in its
    clause (`restaged`), and with the fund of the whole the sentence opens within (`within`) where none is left."""
    unfunded = (
        running if running.fund is None or restaged else Context(running.scope, None, running.stage, running.period)
    )
    return replace(unfunded, fund=within) if within is not None and unfunded.fund is None else unfunded


def _within_fund(text: str, start: int, mentions: Sequence[Mention]) -> str | None:
    """The fund of the whole a sentence opens within (`一般公共预算拨款支出中，农林水支出 A，…；住房保障支出 C`): its
    figures are that whole's parts, each of its fund where its own words name none. None where the sentence opens
    otherwise or the whole names no one fund."""
    first = next((x.quantities[0].start for x in mentions if x.quantities), -1)
    m = WITHIN_WHOLE.match(text, start, first) if first > start else None
    if m is None:
        return None
    fund = read(m["whole"]).context.fund
    return None if fund in (None, MIXED) else fund


def _budget_left_behind(said: Context, running: Context) -> Context:
    """The context (`running`: of the figure before, or of the headings and genre) that a figure its words (`said`)
    date to the year's months so far is read under: without a budget stage (`某院调减预算 A，…；1—9月支出 B`, `全年预算
    A，上半年支出 B`, `1—9月累计支出 X` under the title `部门预算绩效运行监控报告`). A budget is the year's; a figure of
    the months to a cut-off is what came in or went out so far, never a budget, whatever its words leave unsaid (as a
    table's `1—9月支出` column is read: `months_outturn`)."""
    if said.stage is not None or running.stage not in BUDGET_STAGES or not to_month(said.period):
        return running
    return replace(running, stage=None)


def _same_clause(before: str) -> bool:
    """Do the words between the figure before and this one go on in its clause: no semicolon (`；年初预算 B` opens the
    next clause, of its own thing) and no bracket (`（年初预算 B）` notes another figure)?"""
    return not any(mark in before for mark in "；;（(")


def _restaged(label: str, item: str, own: Context, last_item: str) -> bool:
    """Is the figure the sentence's item before at another stage, named by its stage alone or by that item and a
    stage, no fund of its own (`…支出年初预算为 A，调整预算为 B，支出决算为 C`)? It is then of that figure's fund too,
    which a figure naming another item (`事业收入 B` after `财政拨款收入 A`) does not share."""
    if not last_item or own.fund is not None:
        return False
    return (not item and STAGE_ONLY.match(label) is not None) or (item == last_item and own.stage is not None)


def _after_lead_in(draft: Draft, start: int, end: int) -> int:
    """Where the words before a figure begin past a lead-in ending in a colon (`分项情况如下：`): the sentence's start
    where there is none."""
    colon = max(draft.doc.text.rfind("：", start, end - 1), draft.doc.text.rfind(":", start, end - 1))
    return colon + 1 if colon >= 0 and LEAD_IN_COLON.search(draft.doc.text, start, colon + 1) else start


# a lead-in closing on its colon (`分项情况如下：`, `具体情况为：`): the list after it is set out item by item
LEAD_IN_COLON = regex(r"(?:如下|情况|分别为|具体为|包括)[：:]$")


def _headed(draft: Draft, start: int, end: int, own: tuple[str, Context]) -> tuple[str, Context]:
    """The item and context a colon's name opening the sentence gives the figure named by its outturn verb alone
    (`——税收收入：完成 A`: 税收收入, the name's context over the verb's); the verb's own (`own`) where the words
    before the verb are not that name alone (`主要是：完成 A` names nothing)."""
    m = HEADED.fullmatch(draft.doc.text, start, end)
    if m is None or NO_LEAD_IN.search(m.group(1)):
        return own
    item, named = draft.labeller.identify(m.group(1))
    return (item, named.under(own[1])) if item else own


NOTHING_STATED = Context()  # (a sentence's running context before its first figure: immutable, made once)


def _any_percent(quantities: list[Quantity]) -> bool:
    """Is one of the figures a percentage? (A ratio qualifying its neighbour is: most figures are not, and are
    not held to `qualifying_ratio`'s tests.)"""
    for q in quantities:
        if q.kind == "percent":
            return True
    return False


# a clause saying what the figure before was used for (`调出资金 B 用于统筹一般公共预算，`): its words name that use,
# not the context of the figure after it
PURPOSE = regex(r"(?:用于|用以)[^，,；;。]*[，,]")


def _past_purpose(words: str) -> str:
    """The words before a figure less a clause of the previous figure's use, or of how it compares with a base,
    that ends before it."""
    words = _past_comparison(words)
    if "用" not in words:
        return words  # (every PURPOSE holds 用: most words hold none, and are not scanned)
    ends = [m.end() for m in PURPOSE.finditer(words)]
    return words[ends[-1] :] if ends else words


# a clause of no figure saying how the figure before compares with a base (`收入预算 X，与2025年执行数基本持平，其中保险
# 费收入 a`, `…，比上年执行数有所增长，其中…`): its year and stage are the base's, not the context of the figure after
# it (a's are X's, carried: 2026's budget, not 2025's outturn)
COMPARED = regex(
    rf"(?:^|[，,])\s*(?:与|比|较|同)[^，,；;。：:]{{0,16}}?(?:{relation_words('level')}|{relation_words('up')}"
    rf"|{relation_words('down')}|相当|相同|一致)[^，,；;。：:]{{0,4}}[，,]"
)
COMPARING = regex(r"[与比较同]")  # (every COMPARED holds one: most words hold none, and are not scanned)


def _past_comparison(words: str) -> str:
    """The words before a figure less a clause comparing the figure before with a base, ending before it."""
    if COMPARING.search(words) is None:
        return words
    ends = [m.end() for m in COMPARED.finditer(words)]
    return words[ends[-1] :] if ends else words


# a stock named by last year alone (`上年滚存结余`, `上年累计结余`: vocab relations roll_forward `opening`), its
# 上年 the moment the year opened with; and a stock named at the year's end (`年末滚存结余`, no year of its own)
_OPENINGS = (load("relations").get("roll_forward") or {}).get("opening") or []
OPENED_LAST_YEAR = regex("|".join(str(w) for w in _OPENINGS if str(w).startswith("上年")))
CLOSES_YEAR = regex(r"^[，、；\s]*(?:加上?|减去?|形成|实现)?(?:年末|年底|期末)[\u4e00-\u9fff]{0,8}(?:余额|结余|结存)$")

NO_PERIOD = ""  # (what `_opened` returns for a stock opening a sentence that stated no period before it)


def _opened(label: str, said: Context, running: Context) -> str | None:
    """For a figure naming a stock by last year alone (`加上上年滚存结余`: what its own words `said`), the period the
    sentence stated before it ("" for none), which a closing stock after it is of; None for any other figure."""
    if said.period != "-1" or not OPENED_LAST_YEAR.search(label):
        return None
    return running.period or NO_PERIOD


MIN_ITEM = 4
# a figure named by a stage alone, maybe of last year (`，决算数为`, `，上年决算数为`, `年初预算 A，决算 B`): of the
# item named before it (执行/完成 only with 数: `完成 B` alone is as often an outcome of another measure)
STAGE_ONLY = regex(
    r"^[，、；\s]*(?:上年|本年|当年)?(?:(?:决算|调整预算|调整后预算|年初预算|预算)数?|执行数|完成数)(?:为|是)?$"
)

# the outturn named by 执行 alone right after a budget (`基金收入预算 A，执行 B`): that budget's outcome, the item named
# before it (asked only where the figure before is a budget: `执行 B` after any other figure names nothing)
OUTTURN_ONLY = regex(r"^[，、\s]*(?:实际)?执行(?:为|是)?$")


# a bracket opening right after a figure, the words before the next figure (`决算 A（年初预算 B）`), and the bracket
# closing with the clause going on (`…B），其中：…`)
NOTE_OPENS = regex(r"^\s*[（(]")
NOTE_CLOSES = regex(r"^\s*[)）]\s*[，,]")


NOTE_REACH = 4  # the characters after a figure that a bracket noting it closes within (`）` then `，`)


def _after(text: str, quantities: list[Quantity]) -> str:
    """The few characters after a mention's last figure (where a bracket noting it closes)."""
    return text[quantities[-1].end : quantities[-1].end + NOTE_REACH] if quantities else ""


def _noted_stage(before: str, label: str, after: str) -> bool:
    """Is a figure the one before it at another stage, noted in brackets and named by its stage alone, the clause going
    on after the bracket (`三公经费决算 A（年初预算 B），其中：…`)? A note on that figure: what the clause says after the
    bracket is of the figure noted. (Past a semicolon, `；乙 C（预算 D）`, the next item's stage is left as it was.)"""
    return (
        NOTE_OPENS.match(before) is not None
        and STAGE_ONLY.match(label) is not None
        and NOTE_CLOSES.match(after) is not None
    )


def _side_of(item: str, before: str) -> bool:
    """Is `item` a side alone (收入, 支出) and the item named before a thing of that side or of none (`三公经费`,
    `基本支出`; not `税收收入` before 支出)?"""
    return item in SIDES and bool(before) and before not in SIDES and not any(s in before for s in SIDES if s != item)


def _last_year_beside(label: str) -> bool:
    """Is a figure last year's value of the figure before it (`上年为`, `上年执行数`), or the base it is compared
    with (`在上年完成 B 的基础上增长 p%`, `比上年执行数 B 增长 p%`), named by nothing else?"""
    if "年" not in label:
        return False  # (the patterns name a year, 上年 or 去年: most labels are not held to them)
    return bool(LAST_YEAR_BESIDE.match(label) or (STAGE_ONLY.match(label) and "上年" in label) or BASE_OF.match(label))


# last year's figure named as what the figure before is compared with (`，在上年完成`, `，比上年执行数`)
BASE_OF = regex(r"^[，、；\s]*(?:在|比|较)(?:上年度|上年|去年)(?:完成|执行|实际|决算)?数?的?$")


_EXCLUDING = "|".join(words("relations", "excluding"))
# what a figure's words leave out of its item (`不含高新区`, `剔除一次性因素后`, `除土地出让收入外`)
EXCLUDED = regex(
    rf"(?:(?:{_EXCLUDING})(?P<a>[^，,。；;、：:（）()\d]{{1,16}}?)(?:因素)?(?:后|在内|[）)]|$)"
    r"|除(?P<b>[^，,。；;、：:（）()\d]{1,16}?)(?:以外|外))"
)


# a character of every word EXCLUDED opens with (the first of each excluding word, and 除): a text holding none
# of them holds no match (one character class, 4× faster to search than the pattern's alternatives)
EXCLUDED_ANY = regex("[" + "".join(sorted({re.escape(w[0]) for w in words("relations", "excluding")} | {"除"})) + "]")


def _excluded(words_before: str, label: str) -> str:
    """What the words since the previous figure, or the figure's own label, leave out of its item ("" if
    nothing): part of which quantity it is."""
    for text in (label, words_before):
        if EXCLUDED_ANY.search(text) is None:
            continue  # (no word of EXCLUDED's in it: not scanned for them)
        m = EXCLUDED.search(text)
        if m:
            return "不含" + (m.group("a") or m.group("b") or "")
    return ""


DEMONSTRATIVE = regex(r"^(?:该|此|其|上述|本项|本指标|这)")
INVOLVING = regex("^(?:" + "|".join(words("relations", "involving")) + ")")
# a rate's denominator alone, after a short qualifier (`初中每生每年`, `每人每月`, `山区每亩`): what is paid per
# pupil is named elsewhere in its sentence (`公用经费按小学每生每年 a、初中每生每年 b`), not by these words
PER_UNIT_ONLY = regex(r"^[\u4e00-\u9fff]{0,4}?每(?:名|个)?[生人户亩名位家所床]次?(?:每(?:年|月|天|日|学期|学年))?$")


def _names_one(canonical: set[str], item: str, fund_named: bool = False) -> bool:
    """Does an item name one quantity: a known one (本年收入合计, in `canonical`), a noun phrase long enough to name one
    thing, or a generic measure its own label qualifies by a fund (`政府性基金预算收入`)? (`涉及`, a verb, and
    `支出决算`, a generic word, name none by themselves.)"""
    if INCLUDED.match(item) or item.endswith("等") or DEMONSTRATIVE.match(item) or INVOLVING.match(item):
        # a note on its neighbour (`含高新区`), a group named by its first members (`调入资金等`), what the
        # sentence before names (`该指标得分`), or what the clause before involves (`涉及资金`)
        return False
    if PER_UNIT_ONLY.match(item):
        return False  # `初中每生每年`: per whom, not what
    if item in canonical:  # the labeller's canonical keys, built once by the caller (a set of every synonym)
        return True
    if item in ("收入", "支出"):
        return fund_named
    return item not in GENERIC_ITEMS and len(item) >= MIN_ITEM


def _level_part_carried(item: str, own: Context, running: Context, carried: Context) -> Context:
    """The context carried past a figure named by a level of government alone in a sentence about all levels
    (`全市支出 A，其中市本级 a，民生支出 b`): the level is a's, and whether b is all the levels' or that one's is not
    said: its scope is left in doubt (a figure naming its own level, `区县 c`, states it). Else `carried`."""
    # (after another level's part the scope is in doubt already: `其中市本级 a，区县 b，民生支出 c`)
    if item or not own.known("scope") or not (running.scope == MIXED or (running.scope or "").startswith(ALL_LEVELS)):
        return carried
    return carried if (own.scope or ALL_LEVELS).startswith(ALL_LEVELS) else replace(carried, scope=MIXED)


ALL_LEVELS = "全"  # a scope of every level of a jurisdiction (`全市`, `全省`, `全县`), not one level's own


def _carry(own: Context, running: Context) -> Context:
    """The context carried to the next label of a sentence: what this label states replaces what it states;
    a mixed field (`全省及省本级`) stops carrying."""
    carried = own.under(running)
    if MIXED not in (own.scope, own.fund, own.stage, own.period):
        return carried
    return replace(carried, **{f: None for f in ("scope", "fund", "stage", "period") if getattr(own, f) == MIXED})


def _periods_within_items(draft: Draft) -> None:
    """`2022年网上办结 913 件，窗口+网上办结 1846 件；2023年…`: a label without its own period words is in
    the period of the label before it in the same ；-item (the mention's `period`, as the text words it)."""
    text = draft.doc.text
    for mentions in draft.by_sentence.values():
        for previous, m in zip(mentions, mentions[1:]):
            if previous.period and not m.period and m.quantities and previous.quantities:  # (most have no period)
                if "；" not in text[previous.quantities[-1].end : m.start]:
                    m.period = previous.period


def describe(m: Mention) -> str:
    return m.identity.describe()
