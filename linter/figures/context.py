"""Which quantity a figure is: the context words of a label, a sentence subject, a heading or a title.

A figure of a budget report is not identified by its item alone: `一般公共预算收入` of 全省 and of 省本级, of
2024 and of 2025, as 预算 and as 决算, are different quantities. `read` finds the context words (vocabulary
in `tieout/linter/vocab/context.yaml`) in a piece of text and returns them apart from what is left, the
item. `Context.under` fills what a text does not say from an enclosing text (the sentence, the heading path,
the title), so that each figure ends with as much of its identity as the document states, and no more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from tieout.linter.patterns import regex
from tieout.linter.vocab import load, trie_alternation, wordings

FIELDS = ("scope", "fund", "stage", "period")
# the stages of context.yaml a budget is stated at, and the two sides of an account
BUDGET_STAGES = ("预算", "调整预算")
SIDES = ("收入", "支出")
# a field stated twice with different values in one text (全省及省本级): known to be no single value
MIXED = "?"
YEAR = r"(?:19|20)\d{2}"
CUTOFF = r"(?:1\s*[-—－至~～]\s*)?(?:1[0-2]|[1-9])\s*月(?:\s*\d{1,2}\s*日)?(?:底|末|份)?"
PERIOD = regex(
    rf"(?:截至|截止到?|到)?(?P<year>{YEAR})\s*年(?:度|底|末)?(?:(?P<cut>{CUTOFF})|(?P<yhalf>上半年|下半年|前三季度|[一二三四]季度))?"
    rf"|(?:截至|截止到?)(?P<cut2>{CUTOFF})"
    # `1-9月` alone: from January to a cut-off of the document's year
    r"|(?P<span>1\s*[-—－至~～]\s*(?:1[0-2]|[2-9])\s*月(?:份)?)"
    r"|(?P<half>上半年|下半年|前三季度|[一二三四]季度)"
)
# the characters a PERIOD match can start with (截至, 到, 19xx/20xx, 上半年, 一季度 …): see `_word_table`
PERIOD_FIRST = "截到12上下前一二三四"
RELATIVE_PERIOD = regex(r"([+-]\d+)(.*)")
MONTH = regex(r"(\d{1,2})\s*月")
# the period each group of context.yaml's relative wordings names: a year relative to the document's, or one
# month of it (`9月当月`, `单月`, `上年同月`): a month's own figures, never those from January to its end (`1-9月`)
RELATIVE = {"current": "+0", "previous": "-1", "next": "+1", "month": "+0-当月", "previous_month": "-1-当月"}


@dataclass(frozen=True, slots=True)
class Context:
    """What a text says about which quantity its figures are; None where it says nothing.

    `period` is a year (`2024`), a year with a cut-off (`2024-11`), or a year relative to the enclosing
    period (`+0`, `-1`) until `under` resolves it against one."""

    scope: str | None = None
    fund: str | None = None
    stage: str | None = None
    period: str | None = None

    def under(self, outer: Context) -> Context:
        """This context with what it leaves open taken from `outer` (a relative period resolved by it)."""
        # an empty context on either side is the common case (a label or a sentence that states nothing):
        # the other one as it is, without hashing both for the cache
        if outer.scope is None and outer.fund is None and outer.stage is None and outer.period is None:
            return self
        if self.scope is None and self.fund is None and self.stage is None and self.period is None:
            return outer
        return _under(self, outer)

    def _under(self, outer: Context) -> Context:
        values = {}
        for f in FIELDS:
            mine, theirs = getattr(self, f), getattr(outer, f)
            values[f] = mine if mine is not None else theirs
        values["period"] = _resolve(self.period, outer.period)
        return Context(**values)

    def agrees(self, other: Context) -> bool:
        """No field stated differently: an unknown field is no contradiction (but no support either)."""
        return all(x is None or y is None or x == y for x, y in ((getattr(self, f), getattr(other, f)) for f in FIELDS))

    def known(self, *names: str) -> bool:
        """Are these fields (default: all) stated with one value?"""
        # (a loop, not `all` over a generator: asked of every cell of a table and every figure's identity)
        for f in names or FIELDS:
            if getattr(self, f) in (None, MIXED):
                return False
        return True

    def is_empty(self) -> bool:
        return self.scope is None and self.fund is None and self.stage is None and self.period is None

    def describe(self) -> str:
        return " ".join(f"{f}={getattr(self, f)}" for f in FIELDS if getattr(self, f) is not None)


@lru_cache(maxsize=4096)
def _under(inner: Context, outer: Context) -> Context:
    # a document has few distinct contexts and asks for the same pair again and again (every figure of a
    # sentence under its heading path): one computation each
    return inner._under(outer)


def _resolve(period: str | None, outer: str | None) -> str | None:
    """A period relative to the enclosing one (`-1` under `2025` is `2024`; `+0-11` is November of it)."""
    if period is None:
        return outer
    if period[0] not in "+-" or outer is None or outer == MIXED or outer[0] in "+-":
        return period
    offset, suffix = RELATIVE_PERIOD.match(period).groups()  # type: ignore[union-attr]
    if offset == "+0" and not suffix:
        return outer
    return f"{int(outer[:4]) + int(offset)}{suffix}"


@dataclass(frozen=True, slots=True)
class Reading:
    """A text's context words and what is left of it (the item), with the spans the words took."""

    context: Context
    rest: str
    spans: tuple[tuple[int, int], ...] = ()


@lru_cache(maxsize=1)
def _word_table() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """One alternation of every context wording (longest first, so that 省本级 wins over 本级) and what each
    wording means: (field, canonical value)."""
    meaning: dict[str, tuple[str, str]] = {}
    for field in ("scope", "fund", "stage"):
        for canonical, variants in wordings("context", field).items():
            for w in variants:
                meaning.setdefault(w, (field, canonical))
    for name, variants in wordings("context", "period").items():
        if name in RELATIVE:
            for w in variants[1:]:  # the first is the section's own name
                meaning.setdefault(w, ("period", RELATIVE[name]))
    for w in load("context").get("shield") or []:
        meaning[str(w)] = ("shield", "")
    # (the words as a tree of their common beginnings: the matches of the alternation longest first, found
    # looking at each character once rather than once per word)
    alternation = trie_alternation(meaning)
    # The lookahead of the characters a match can start with changes no match; it lets the scan skip the
    # other positions at once, where it would try each alternative in turn (3× faster on the corpus).
    first = "".join(sorted(set(PERIOD_FIRST) | {w[0] for w in meaning}))
    return regex(f"(?=[{re.escape(first)}])(?:{PERIOD.pattern}|(?P<word>{alternation}))"), meaning


def _moved(text: str, m: re.Match[str]) -> bool:
    """Is the fund named where money goes or comes from (`调入一般公共预算`, `向一般公共预算调出资金`)?"""
    before = text[: m.start()]
    if _transfer_end().search(before):
        return True
    if before[-1:] in ("向", "从", "由"):
        return bool(_transfer().match(text, m.end()))
    # where the money goes after its figure (`调出 10,578 万元至一般公共预算`): a transfer verb earlier in the clause,
    # or in the words before the figure that the text follows (it opens with 至)
    clause = CLAUSE_END.split(before)[-1]
    return clause[-1:] == "至" and (not clause[:-1].strip() or bool(_transfer().search(clause)))


# the marks that end a clause (of a sentence, or the sentence itself)
CLAUSE_END = regex(r"[，,；;。：:]")


@lru_cache(maxsize=1)
def _flow() -> re.Pattern[str]:
    verbs = sorted((str(w) for w in load("context").get("flow_verbs") or []), key=len, reverse=True)
    return regex("(?:" + "|".join(map(re.escape, verbs)) + ")")


@lru_cache(maxsize=1)
def _flow_end() -> re.Pattern[str]:
    """A flow verb that ends a text (`补助` before `区县支出`)."""
    return regex(f"(?:{_flow().pattern})$")


@lru_cache(maxsize=1)
def _source() -> re.Pattern[str]:
    """The words of a project's money that, after a scope word, make the word its source: its nouns anywhere, the
    verbs only before the figure or the text's end (a heading that states the figure: `（3）市本级安排 90 万元`)."""
    context = load("context")
    nouns = sorted((str(w) for w in context.get("source_nouns") or []), key=len, reverse=True)
    verbs = sorted((str(w) for w in context.get("source_verbs") or []), key=len, reverse=True)
    return regex(
        "(?:" + "|".join(map(re.escape, nouns)) + ")"
        "|(?:" + "|".join(map(re.escape, verbs)) + r")\s*(?:[为是达：:]|共计)?\s*(?:\d|$)"
    )


@lru_cache(maxsize=1)
def _transfer() -> re.Pattern[str]:
    verbs = sorted((str(w) for w in load("context").get("transfer_verbs") or []), key=len, reverse=True)
    return regex("(?:" + "|".join(map(re.escape, verbs)) + ")")


@lru_cache(maxsize=1)
def _transfer_end() -> re.Pattern[str]:
    """A transfer verb that ends a text."""
    return regex(f"(?:{_transfer().pattern})$")


# the parts of a year that are its months from January to a cut-off (`上半年` is `1-6月`), as a cut-off reads them
HALF_MONTHS = {"上半年": 6, "一季度": 3, "前三季度": 9}


def _period(m: re.Match[str]) -> str:
    half = m.group("yhalf") or m.group("half")
    if half:
        # `2025年上半年` is one period: of the year, its half (`1-6月`, `截至6月底`: one cut-off); another part of a
        # year (`二季度`, `下半年`) is no cut-off and keeps its name
        months = HALF_MONTHS.get(half)
        return f"{m.group('year') or '+0'}-" + (f"{months:02d}" if months else half)
    if m.group("year"):
        # `1-11月` and `11月底` are both the cut-off at the end of November; in `12月31日` the day is no month,
        # and a cut-off at the end of December is the year itself (`截至2024年12月31日` is `2024年底`, `1-12月` 全年)
        month = _month(m.group("cut"))
        return m.group("year") + (f"-{month:02d}" if month and month != 12 else "")
    month = _month(m.group("cut2") or m.group("span"))
    return "+0" if month == 12 and m.group("span") else f"+0-{month:02d}"


def to_month(period: str | None) -> bool:
    """Is the period a year's months to a cut-off (`2026-09`, `+0-09` of `1—9月`, `2026-06` of `2026年上半年`)?"""
    head, _, month = (period or "").rpartition("-")
    return bool(head) and month.isdigit()


# a period of a part of a year: the year (`2025`, or relative, `+0`) and the part after it (`06`, `当月`, `二季度`)
PART_OF_YEAR = regex(r"^(?:[+-]\d+|\d{4})-(?P<part>.+)$")


def year_part(period: str | None) -> str | None:
    """The part of a year a period is of (`06` of `+0-06` and `2025-06`, `当月`, `二季度`); None for a whole year, or
    a cut-off at December's end (`+0-12` of `截至12月底`: the year itself), or no period."""
    m = PART_OF_YEAR.match(period or "")
    return m.group("part") if m is not None and m.group("part") != "12" else None


def named_periods(text: str) -> list[str]:
    """Every period the text names, in order (`截至6月底…全年` names `+0-06` and `+0`), where `read` keeps one, or
    MIXED where they differ. Words shielded as an item's own (`上年结转`) name none."""
    pattern, meaning = _word_table()
    out = []
    for m in pattern.finditer(text):
        field, value = meaning[m.group("word")] if m.group("word") else ("period", _period(m))
        if field == "period":
            out.append(value)
    return out


def _month(cut: str | None) -> int:
    """The month of a cut-off (`1-11月`, `11月底`, `12月31日`), 0 when there is none."""
    months = MONTH.findall(cut or "")
    return int(months[-1]) if months else 0


@lru_cache(maxsize=65536)
def read(text: str) -> Reading:
    """The context words of `text` and the rest of it. A field stated with two values is MIXED."""
    pattern, meaning = _word_table()
    found: dict[str, str] = {}
    spans: list[tuple[int, int]] = []
    stage_end = 0  # where the last stage word read ends
    for m in pattern.finditer(text):
        if m.group("word"):
            field, value = meaning[m.group("word")]
            if field == "shield" or (field == "fund" and _moved(text, m)):
                continue  # an item's own words; a fund money is transferred to or from
            if field == "scope" and (_flow().match(text, m.end()) or _source().match(text, m.end())):
                continue  # `市县上解收入`, `对下转移支付`, `省级资金`: the level money comes from or goes to
            if field == "scope" and _flow_end().search(text, 0, m.start()):
                continue  # `补助区县支出`, `转贷市县支出`: the level the money goes to, after its verb
        else:
            field, value = "period", _period(m)
        previous = found.get(field)
        if field == "stage" and _adjusted_named_budget(text, m, previous, stage_end):
            value = ADJUSTED_STAGE  # (`调整后支出预算`: the budget the adjustment gave, the item between its words)
        if field == "stage" and _budget_adjusted_to(text, m, previous, stage_end):
            previous = None  # (`年初预算经调整后为 X`: the initial budget as adjusted, X the adjusted budget alone)
        if (
            field == "period"
            and previous is not None
            and (_this_year_of(previous, value) or _this_year_of(value, previous))
        ):
            # `2023年当年`: the year the text is of is that year; an explicit year wins over 当年/本年, and over
            # the same cut-off of the year unnamed (`2026年前三季度…前三季度，…`)
            value = value if _this_year_of(previous, value) else previous
        found[field] = value if previous in (None, value) else MIXED
        spans.append(m.span())
        if field == "stage":
            stage_end = m.end()
    if not spans:
        return Reading(NO_CONTEXT, text)  # no context words (most labels): nothing to take out
    rest = text
    for a, b in reversed(spans):
        rest = rest[:a] + rest[b:]
    return Reading(
        _context(found.get("scope"), found.get("fund"), found.get("stage"), found.get("period")), rest, tuple(spans)
    )


# the bare words of a budget, which after 调整后 and an item in one clause name the budget adjusted (`调整后支出预算`)
BARE_BUDGET = frozenset(("预算", "预算数"))
ADJUSTED_STAGE = "调整预算"  # (context.yaml's stage of the budget as adjusted)
INITIAL_STAGE = "预算"  # (context.yaml's stage of the budget as approved)


def _adjusted_named_budget(text: str, m: re.Match[str], previous: str | None, after: int) -> bool:
    """Is the stage word `m` a bare 预算 that closes the adjusted budget's name the stage word before it opened
    (`调整后支出预算`, `调整后一般公共预算支出预算数`), in one clause? Then it names no other stage."""
    return (
        previous == ADJUSTED_STAGE
        and m.group("word") in BARE_BUDGET
        and text[after - 3 : after] == "调整后"
        and not CLAUSE_END.search(text, after, m.start())
    )


# the words that close a label on the budget after an adjustment (`年初预算经调整后`, `预算数调整为`, `年初预算调整至`),
# the figure next
ADJUSTED_TO = frozenset(("经调整后", "调整后", "调整为", "调整至", "调整到"))
LABEL_TAIL = regex(r"\s*(?:为|是|的)?\s*[:：]?\s*$")


def _budget_adjusted_to(text: str, m: re.Match[str], previous: str | None, after: int) -> bool:
    """Is the stage word `m` the 调整后 / 调整为 that ends a label opened by the initial budget in one clause
    (`年初预算经调整后为 X`, `年初预算调整为 X`)? The figure after it is the budget as adjusted, not one of two
    stages: the initial budget is what was adjusted."""
    return (
        previous == INITIAL_STAGE
        and m.group("word") in ADJUSTED_TO
        and LABEL_TAIL.match(text, m.end()) is not None
        and not CLAUSE_END.search(text, after, m.start())
    )


def _this_year_of(relative: str, explicit: str) -> bool:
    """Is `relative` the period `explicit` names, its year unnamed (`+0` of `2023`, `+0-09` of `2026-09`)?"""
    return relative.startswith("+0") and explicit[:1] not in "+-" and explicit[4:] == relative[2:]


NO_CONTEXT = Context()


@lru_cache(maxsize=4096)
def _context(scope: str | None, fund: str | None, stage: str | None, period: str | None) -> Context:
    """One immutable instance of each context read (a document states few), not one per reading."""
    return Context(scope, fund, stage, period)


def merge(*contexts: Context) -> Context:
    """The innermost-first chain of contexts folded into one (each fills what the ones before leave open)."""
    out = Context()
    for c in contexts:
        out = out.under(c)
    return out


def with_period(context: Context, period: str | None) -> Context:
    return replace(context, period=period)


@lru_cache(maxsize=1)
def township_scopes() -> dict[str, tuple[str, str]]:
    """A township's level word (`镇`) → its whole and its own level (`全镇`, `镇本级`), from context.yaml: a township
    keeps the lowest budget, none below it, so the two are one quantity."""
    levels = load("context").get("township_levels") or {}
    return {str(k): (str(v[0]), str(v[1])) for k, v in levels.items()}


def same_scope(a: str, b: str) -> bool:
    """Are two scopes one entity's figures: the same words, or a township's whole and its own level (全镇, 镇本级)?"""
    return a == b or any({a, b} == set(pair) for pair in township_scopes().values())
