"""Parsing one sentence: typed tokens (linter/parse/tokens.py) → LALR grammar (grammar/sentence.lark) →
intermediate items (entries, breakdowns, rates, changes …) that linter/facts/sentence/ turns into facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

import tieout.grammar
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.grammar_cache import KeptParser, cached_parser
from tieout.linter.parse.lalr import Lexer, Token, Transformer
from tieout.linter.parse.tokens import SCORED, VALUE_TYPES, Tok
from tieout.linter.patterns import regex
from tieout.linter.vocab import alternation, words

EXHAUSTIVE = ("具体为", "具体是", "具体包括", "具体如下", "分别为", "分别是", "明细为")
UP_WORD = regex(r"增加|增长|提高|上升|上涨|增多|扩大|扩展|提升|上调|增|升")


class _TokenStream(Lexer):
    """Lark lexer that passes through the tokens made by tieout.linter.parse.tokens."""

    def __init__(self, lexer_conf: object) -> None:  # noqa: D107 - signature required by Lark
        pass

    def lex(self, data: list[Token]):  # type: ignore[override]
        yield from data


_PARSER: KeptParser | None = None
_TRANSFORMER: SentenceTransformer | None = None


def parser() -> KeptParser:
    """The LALR parser, built once per process, with the transformer applied inline while parsing (no tree
    is built); `parse_sentence` points the transformer at the sentence's quantities first."""
    global _PARSER, _TRANSFORMER
    if _PARSER is None:
        # (from the package's folder: see linter/vocab's `load`)
        grammar = Path(tieout.grammar.__file__).with_name("sentence.lark").read_text(encoding="utf-8")
        _TRANSFORMER = SentenceTransformer([])
        options = dict(parser="lalr", lexer=_TokenStream, propagate_positions=False, transformer=_TRANSFORMER)
        _PARSER = cached_parser(grammar, options)
    return _PARSER


def parse_sentence(tokens: list[Tok], quantities: list[Quantity]) -> list:
    """The transformed items of one sentence (entries, breakdowns, rates …, and bare LABEL/SEP tokens)."""
    tokens = _respective_movements(_indicator_before_score(tokens, quantities))
    tokens = _use_before_parts(_use_before_change(_use_before_share(tokens)))
    run = _run_of_items(tokens, quantities)
    if run is not None:
        return run
    p = parser()
    assert _TRANSFORMER is not None
    _TRANSFORMER.qs = quantities
    tokens = _use_before_list(tokens)
    return _share_after_change(_flat(p.parse([t.lark() for t in tokens]).children))


# the words joining the amounts of one movement given out to several figures (`分别减少 a 和 b`, `a、b`)
MOVEMENT_JOINERS = frozenset({"、", "和", "及", "与"})
# the clause's boundaries, looking back from a movement for the 分别 that gives it out
CLAUSE_ENDS = frozenset({"，", ",", "；", ";", "。"})


def _respective_movements(tokens: list[Tok]) -> list[Tok]:
    """`公务用车运行维护费 a，公务接待费 b，分别比上年减少 Δa 和 Δb`: after 分别, one movement word gives out its
    amounts, joined by `和`/`、`, one to each figure before; each amount is a movement of its own (the joiner reads
    as the movement word again), not a figure named `和` that would join the figures' list. Only amounts of one
    kind right after the movement's first one, and only where 分别 opens the clause of the movement."""
    if not any(t.type == "LABEL" and "分别" in t.text for t in tokens):
        return tokens  # (no 分别 to give a movement out: the sentence as it is, not copied)
    out = list(tokens)
    for k in range(2, len(out) - 2):
        if (
            out[k - 1].type in ("UP", "DOWN")
            and out[k].type in VALUE_TYPES
            and out[k + 1].text.strip() in MOVEMENT_JOINERS
            and out[k + 1].type in ("SEP", "LABEL")
            and out[k + 2].type == out[k].type
            and _given_out_by_respectively(out, k - 1)
        ):
            word = out[k - 1]
            out[k + 1] = Tok(word.type, word.text, out[k + 1].start, out[k + 1].end)
    return out


def _given_out_by_respectively(tokens: list[Tok], k: int) -> bool:
    """Does 分别 stand in the clause before the movement word at k (`，分别比上年减少`, `，分别下降`)? Earlier
    movements of the same clause (`分别减少 a 和 b`, their joiners already read as movement words) are passed."""
    j = k - 1
    while j >= 0 and not (tokens[j].type == "SEP" and tokens[j].text in CLAUSE_ENDS):
        if tokens[j].type == "LABEL" and "分别" in tokens[j].text:
            return True
        j -= 1
    return False


# a clause of words alone naming one indicator at its opening (`决策指标按规定计分`, `过程指标完成较好`): the name, and
# what the clause says of it (no other indicator, nothing under it: `产出指标中`, `产出指标下`)
INDICATOR_CLAUSE = regex(r"^[\s，、；：:,;]*(?P<name>[\u4e00-\u9fff]{2,12}?指标)(?P<rest>[\u4e00-\u9fff“”]*)$")
UNDER_THE_INDICATOR = regex(r"^[中下内里]|指标")
# the separators that part the indicators of a list of scores (`；`), or open it (`：`)
SEGMENT_SEPARATORS = frozenset({"；", ";", "：", ":"})


def _indicator_before_score(tokens: list[Tok], quantities: list[Quantity]) -> list[Tok]:
    """`其中，决策指标按规定计分，得 18.5 分；过程指标得 17 分；…`: a clause of words alone naming one indicator, then a
    score in 分 given by the verb alone (`，得`, `，得分`), says that indicator's score: the two read as the indicator
    named with what it scored (`决策指标得 18.5 分`), wherever the clause opens a part of the list; how it was scored is
    no figure's name. Left as it is where the clause opens otherwise than with one indicator (`_names_one_indicator`),
    or follows a figure within its part (`_opens_a_part`)."""
    if not any(t.type == "LABEL" and SCORED.match(t.text) for t in tokens):
        return tokens  # (no score by the verb alone: the sentence as it is, not copied)
    out: list[Tok] = []
    k = 0
    while k < len(tokens):
        name = _indicator_scored_after(tokens, quantities, k)
        if name is None or not _opens_a_part(tokens, k):
            out.append(tokens[k])
            k += 1
            continue
        verb = tokens[k + 2]
        out.append(Tok("LABEL", name + verb.text.strip("，、 "), tokens[k].start, verb.end))
        k += 3
    return out


def _opens_a_part(tokens: list[Tok], k: int) -> bool:
    """Does the clause at token k open a part of a list of scores: after the sentence's start, a list's keyword
    (`其中，`), `；` or `：`, with no figure between? After a figure of its part (`投入指标得 a 分，资金到位率指标按到位
    比例计分，得 b 分；`) it names an indicator under that part's, b a detail of a, no sibling of the parts."""
    j = k - 1
    while (
        j >= 0
        and tokens[j].type != "SUBSET"
        and not (tokens[j].type == "SEP" and tokens[j].text.strip() in SEGMENT_SEPARATORS)
    ):
        if tokens[j].type in VALUE_TYPES:
            return False
        j -= 1
    return True


def _indicator_scored_after(tokens: list[Tok], quantities: list[Quantity], k: int) -> str | None:
    """The indicator the clause at token k names (`决策指标按规定计分`), where a score in 分 given by the verb alone
    follows it after `，` (`，得 18.5 分`); None otherwise."""
    if k + 3 >= len(tokens) or tokens[k].type != "LABEL" or tokens[k + 3].type not in VALUE_TYPES:
        return None
    sep, verb, value = tokens[k + 1], tokens[k + 2], tokens[k + 3]
    if sep.type != "SEP" or sep.text.strip() not in ("，", ",") or verb.type != "LABEL" or not SCORED.match(verb.text):
        return None
    if not 0 <= value.qi < len(quantities) or quantities[value.qi].base_unit != "分":
        return None
    return _names_one_indicator(tokens[k].text)


def _names_one_indicator(clause: str) -> str | None:
    """The one indicator a clause of words names at its opening (`决策指标按规定计分`: 决策指标); None where it names
    indicators as a set or as the object of a verb (vocab relations `not_one_indicator`: `其余指标均…`, `对照绩效指标`),
    or what stands under one (`产出指标中`, `产出指标下的数量指标`)."""
    m = INDICATOR_CLAUSE.match(clause)
    if m is None or UNDER_THE_INDICATOR.search(m.group("rest")):
        return None
    name = m.group("name")
    return None if name.startswith(_not_one_indicator()) else name


@cache
def _not_one_indicator() -> tuple[str, ...]:
    """The words opening a clause that names no one indicator (vocab relations `not_one_indicator`), read at first
    use."""
    return tuple(words("relations", "not_one_indicator"))


# the keywords of a part's own list after the clause saying what the part is used for (`…，包括人员经费 b 和…`)
PART_LIST = frozenset({"包括", "主要包括", "其中"})


def _use_before_list(tokens: list[Tok]) -> list[Tok]:
    """`其中：基本支出 a，占 p%，主要用于保障机构正常运转，包括人员经费 b 和公用经费 c；项目支出 d，占 q%`: within a
    list, a clause saying what a part is used for (`主要用于…`, `是指…`), between the part's figure and a list of
    its own, is read past: the list is the part's (it ends at `；`, the part's siblings follow), where the clause
    left between them ended the outer list at the part and left the siblings' shares with no whole. One clause
    only (no figure, no comma in it), and only after a list has opened in the sentence."""
    opened = False
    drop: set[int] = set()
    for k, t in enumerate(tokens):
        if t.type != "SUBSET":
            continue
        if (
            opened
            and k >= 3
            and t.text.strip("，,：: ") in PART_LIST
            and tokens[k - 1].type == "LABEL"
            and tokens[k - 1].text.startswith(_use_clauses())
            and tokens[k - 2].type == "SEP"
            and tokens[k - 2].text == "，"
            and tokens[k - 3].type in VALUE_TYPES
        ):
            drop.update((k - 2, k - 1))
        opened = True
    return [t for k, t in enumerate(tokens) if k not in drop] if drop else tokens


# the keywords opening what a figure is made of or spent on, said in words alone (`，主要为…`, `，主要用于…`)
OF_WHAT = ("，主要为", "，主要是", "，主要用于", "，用于", ",主要为", ",主要是", ",主要用于", ",用于")


def _use_before_change(tokens: list[Tok]) -> list[Tok]:
    """`老旧小区改造 a，用于城镇老旧小区改造项目，比上年减少 Δ`, `事业收入 a，占 p%，主要为学费、住宿费收入，比上年增加 Δ`:
    a clause saying in words alone what the figure before it is spent on or made of, between the figure and a
    comparison, is read past: the change is the figure's (the clause names no figure; what it names, a use or the
    figure's kinds, is not what the comparison is of). Only a clause of names (and `、` between them), right after
    a figure or its share, right before the comparison."""
    drop: set[int] = set()
    for k, t in enumerate(tokens):
        if t.type != "CMP" or k < 3:
            continue
        opened = _clause_of_words(tokens, k)
        if opened is not None and opened >= 1 and tokens[opened - 1].type in VALUE_TYPES:
            drop.update(range(opened, k))
    return [t for k, t in enumerate(tokens) if k not in drop] if drop else tokens


def _clause_of_words(tokens: list[Tok], k: int) -> int | None:
    """Where the clause of names right before token k opens (`，主要为学费、住宿费收入`, `，用于城镇老旧小区改造项目`):
    its keyword's token, or None where no such clause (names and `、` between them only) stands before k."""
    j = k - 1
    while j > 0 and (tokens[j].type == "LABEL" or (tokens[j].type == "SEP" and tokens[j].text == "、")):
        j -= 1
    if j == k - 1 or tokens[j + 1].type != "LABEL" or tokens[k - 1].type != "LABEL":
        return None
    if tokens[j].type == "SUBSET" and tokens[j].text.startswith(OF_WHAT):
        return j  # (`，主要为` read as a list's keyword: a list of names alone)
    if (
        j == k - 2
        and tokens[j].type == "SEP"
        and tokens[j].text in "，,"
        and tokens[k - 1].text.startswith(_use_clauses())
    ):
        return j
    return None


def _use_before_share(tokens: list[Tok]) -> list[Tok]:
    """`调出资金 a，按规定调入一般公共预算统筹使用，占当年国有资本经营预算收入的 p%`: a clause of words alone saying where
    the figure before it goes or what it is spent on (DESTINATION), between the figure and its share of a whole the
    share names (`占 B 的 p%`), is read past: the clause names no figure, the share is the figure's. Not before a
    bare share (`，占 p%`: of a whole the words would have to supply)."""
    drop: set[int] = set()
    for k in range(3, len(tokens) - 2):
        if (
            tokens[k].type == "SHARE"
            and tokens[k + 1].type == "LABEL"
            and tokens[k + 1].text.endswith("的")
            and tokens[k + 2].type == "PCT"
            and tokens[k - 1].type == "LABEL"
            and _destination().match(tokens[k - 1].text) is not None
            and tokens[k - 2].type == "SEP"
            and tokens[k - 2].text in "，,"
            and tokens[k - 3].type == "AMOUNT"
        ):
            drop.update((k - 2, k - 1))
    return [t for k, t in enumerate(tokens) if k not in drop] if drop else tokens


@cache
def _destination() -> re.Pattern[str]:
    """The opening of a clause saying where a figure goes (vocab relations `destination_verbs`, after any of the
    `destination_adverbs`), read at first use."""
    adverbs = alternation(words("relations", "destination_adverbs"))
    verbs = alternation(words("relations", "destination_verbs"))
    return regex(f"^(?:{adverbs})?(?:{verbs})")


# the keyword of a figure's parts that a clause of words may stand before (`…，其中`)
PARTS_AFTER_WORDS = frozenset({"其中"})


def _use_before_parts(tokens: list[Tok]) -> list[Tok]:
    """`结转下年 a，主要是年底下达的转移支付资金，其中基本支出结转 b，项目支出结转 c`, `事业收入 a，占 p%，主要为学费、
    住宿费收入，其中学费收入 b`: a clause saying in words alone what the sum before it is made of or spent on, between
    the sum and `其中`, is read past: the parts are the sum's (the clause names no figure; what it names is a part of
    the sum, so the parts, of it or of the sum, are the sum's either way, and a `其中` list is no complete one). Only a
    clause of names (and `、` between them), right after a sum of money or its share."""
    drop: set[int] = set()
    for k, t in enumerate(tokens):
        if t.type != "SUBSET" or t.text.strip("，,：: ") not in PARTS_AFTER_WORDS or k < 3:
            continue
        opened = _clause_of_words(tokens, k)
        if opened is not None and _after_sum(tokens, opened):
            drop.update(range(opened, k))
    return [t for k, t in enumerate(tokens) if k not in drop] if drop else tokens


def _after_sum(tokens: list[Tok], k: int) -> bool:
    """Does token k come right after a named sum of money (`结转下年 a，`), or after its share (`a，占 p%，`)? (Not
    after the amount of a change, `比上年增加 Δ，主要是…增加，其中…`: what follows is why it moved.)"""
    if k >= 3 and tokens[k - 1].type == "PCT" and tokens[k - 2].type == "SHARE":
        k -= 2
    return k >= 2 and tokens[k - 1].type == "AMOUNT" and tokens[k - 2].type == "LABEL"


@cache
def _use_clauses() -> tuple[str, ...]:
    """The words opening a clause of what a part is used for (vocab relations `use_clauses`), read at first use."""
    return tuple(words("relations", "use_clauses"))


def _share_after_change(items: list) -> list:
    """`A a，比上年增长 p%（增加 Δ），占 B 的 s%`: a share after the change of a figure, the change measured against
    no figure of its own, is the figure's share (the grammar leaves the 占 stray, the share a figure of its own).
    Not after a change against a base it states (`比预算 B 增加 Δ，占…`: of a or of B, not said)."""
    out: list = []
    for item in items:
        if isinstance(item, _Entry) and _is_share_of(item, out):
            k = _share_owner(out)
            k = _bracketed_owner(out) if k is None else k
            if k is not None:
                owner = out[k]
                owner.share_base, owner.share = item.label, item.qs[0]
                out.pop()  # the stray 占
                continue
        out.append(item)
    return out


def _is_share_of(item: _Entry, before: list) -> bool:
    """Is the item a share's base and value alone (`医疗收入的 15.6%`) right after a stray 占?"""
    return (
        len(item.qs) == 1
        and item.qs[0].kind == "percent"
        and item.share is None
        and bool(before)
        and isinstance(before[-1], Token)
        and before[-1].type == "SHARE"
    )


def _share_owner(before: list) -> int | None:
    """The index of the figure the share after a change is of: before the stray 占, separators, one comparison
    with the other period stating no base of its own (`比上年增长 p%`), then an entry of one amount and no share
    (None for anything else)."""
    k = len(before) - 2
    while k >= 0 and _is_sep(before[k]):
        k -= 1
    change = before[k] if k >= 1 else None
    if not isinstance(change, _Change) or not change.cmp or change.base is not None or not change.movements:
        # (a movement with no comparison before it, `年末余额 A，年初余额 B，增加 p%，占…`, is A's over B: the
        # figure right before it is no subject of the share)
        return None
    k -= 1
    while k >= 0 and _is_sep(before[k]):
        k -= 1
    owner = before[k] if k >= 0 else None
    return k if isinstance(owner, _Entry) and _one_amount(owner) else None


def _bracketed_owner(before: list) -> int | None:
    """The index of the figure a share after a bracket is of: `A a（B b、C c），占 D 的 s%` — the bracket notes what a
    holds (its parts, figures of amounts alone), the share is a's. Before the stray 占: the closing bracket, the
    bracket's entries of one amount each and their separators, the opening bracket right after an entry of one
    amount and no share of its own (None for anything else)."""
    k = len(before) - 2
    if k < 0 or not (_is_sep(before[k]) and str(before[k]).strip() in "）)"):
        return None
    k -= 1
    inside = 0
    while k >= 0 and not (_is_sep(before[k]) and str(before[k]).strip() in "（("):
        item = before[k]
        if isinstance(item, _Entry) and _one_amount(item):
            inside += 1
        elif not (_is_sep(item) and str(item).strip() in "、，,；;"):
            return None
        k -= 1
    owner = before[k - 1] if k >= 1 else None
    if not inside or not isinstance(owner, _Entry) or not _one_amount(owner):
        return None
    return k - 1


def _one_amount(e: _Entry) -> bool:
    """An entry of one amount and nothing else: no share, no ratio to a base."""
    return len(e.qs) == 1 and e.qs[0].kind == "amount" and e.share is None and e.of is None


# Token types of a sentence with no list (其中), share (占), ratio to a base (的), range (由…至) or formula:
# labels, separators, figures, comparisons, movements and rates (nineteen sentences in twenty). The grammar
# reads such a sentence as a run of items, none inside another.
PLAIN = frozenset(("LABEL", "SEP")) | VALUE_TYPES
RUN_TYPES = PLAIN | {"CMP", "UP", "DOWN", "RATE"}
MOVES = frozenset(("UP", "DOWN"))


def _run_of_items(tokens: list[Tok], quantities: list[Quantity]) -> list | None:
    """The items of a sentence of RUN_TYPES tokens only, as the grammar reads it (None for any other sentence,
    and for one the grammar does not read: a rate without its figure), without running the parser. The
    grammar's conflicts are resolved as shifts: each item takes all the tokens it can, the label right before
    figures is theirs, the figures in a row are one entry, a comparison takes the label, the figure and the
    movements after it, a movement the figure after it (tests/test_grammar.py compares the two on every
    arrangement of these tokens up to a length)."""
    if not all(t.type in RUN_TYPES for t in tokens):
        return None
    items: list = []
    i, n = 0, len(tokens)
    while i < n:
        t = tokens[i]
        kind = t.type
        if kind in VALUE_TYPES or (kind == "LABEL" and i + 1 < n and tokens[i + 1].type in VALUE_TYPES):
            label = ""
            if kind == "LABEL":
                label, i = t.text, i + 1
            figures = []
            while i < n and tokens[i].type in VALUE_TYPES:
                figures.append(quantities[tokens[i].qi])
                i += 1
            items.append(_Entry(label, figures))
        elif kind == "LABEL" or kind == "SEP":
            items.append(t.lark())
            i += 1
        elif kind == "RATE":
            if i + 1 == n or tokens[i + 1].type not in VALUE_TYPES:
                return None  # (the lexer demotes such a rate word to a label: the parser says what it is)
            items.append(_Rate(t.text, quantities[tokens[i + 1].qi], None, t.start))
            i += 2
        else:
            i = _change_at(tokens, i, quantities, items)
    return items


def _change_at(tokens: list[Tok], i: int, quantities: list[Quantity], items: list) -> int:
    """The change opening at tokens[i] (a comparison, or a movement) appended to `items`; where it ends."""
    n = len(tokens)
    cmp = label = ""
    base: Quantity | None = None
    if tokens[i].type == "CMP":
        cmp, i = tokens[i].text, i + 1
        if i < n and tokens[i].type == "LABEL":
            label, i = tokens[i].text, i + 1
        if i < n and tokens[i].type in VALUE_TYPES:
            base, i = quantities[tokens[i].qi], i + 1
    movements: list[_Movement] = []
    while i < n and tokens[i].type in MOVES:
        word, i = tokens[i], i + 1
        figure: Quantity | None = None
        if i < n and tokens[i].type in VALUE_TYPES:
            figure, i = quantities[tokens[i].qi], i + 1
        movements.append(_Movement("up" if word.type == "UP" else "down", word.text, figure, word.start, word.end))
    items.append(_Change(cmp, label, base, movements))
    return i


def _flat(items: list) -> list:
    out: list = []
    for c in items:
        out.extend(c if isinstance(c, list) else [c])
    return out


def _listed(head: _Entry | None, keyword: str, items: list) -> _Breakdown:
    """A list's parts: its items outside brackets opened within it. A bracket after a part notes what that
    part holds (`一般债务限额 532 亿元（含外贷限额 4.6 亿元）`, `新增债券 64.35 亿元（一般债券 15.20 亿元、专项
    债券 49.15 亿元）`): those figures are the part's, not the list's."""
    own: list = []
    noted: list = []
    depth = 0
    enumerated = _enumerated(items)
    segments = _indicator_segments(items) or []  # (read once: both readings below walk the same segments)
    scored_details = _scored_details(segments)
    named = _scores_named_by_opening(segments)
    marked = False  # an enumerator seen since the last part (`②股利、股息收入 6 万元`: on the label before)
    for c in items:
        mark = str(c)[-1:] if _is_sep(c) else ""
        if mark and mark in "（(":
            depth += 1
        elif mark and mark in "）)":
            depth = max(0, depth - 1)
        elif not mark:
            text = str(c) if isinstance(c, Token) else _label_of(c)
            marked = marked or bool(ENUMERATOR.match(text.lstrip("，、；：")))
            # in an enumeration (`①…，当期结余 X；②…`) the parts are the enumerated items; the figures after
            # one of them are that item's details
            detail = enumerated and isinstance(c, (_Entry, _Breakdown)) and not marked
            detail = detail or (isinstance(c, _Entry) and (_no_part(c, items) or id(c) in scored_details))
            (own if depth == 0 and not detail else noted).append(named.get(id(c), c))
            if isinstance(c, (_Entry, _Breakdown)):
                marked = False
    return _Breakdown(head, keyword, own, noted)


# a figure in a list that is no part of it: the list's total said again (`三项合计 1.80 亿元`, `以上合计`), or a
# figure per unit of the part before (`拨付 9 个文化站 36.60 万元，每站平均 4.07 万元`, `人均 0.3 万元`)
_TOTAL_AGAIN = r"(?:以上|上述)?(?:[一二三四五六七八九十两\d]+(?:项|者|类))?(?:合计|共计|总计)"
NOT_A_PART = regex(
    rf"^[，、；：\s]*(?:{_TOTAL_AGAIN}"
    r"|每[\u4e00-\u9fff]{0,4}?平均|平均每|[\u4e00-\u9fff]?[人户站场次件所台个]均)(?:为|是|达|约)?$"
)
# a subtotal of the parts before it (`A a，B b，二者合计 c；C d；D e`): the list goes on past it, listed with `；`
SUBTOTAL = regex(r"^[，、；：\s]*(?:以上|上述)?[一二三四五六七八九十两\d]+(?:项|者|类)(?:合计|共计|总计)(?:为|是|达)?$")


def _no_part(c: _Entry, items: list) -> bool:
    """Is the entry no part of the list it stands in: a total said again, a figure per unit, or an indicator's
    full marks followed by the score it earned (the score is the part)?"""
    if NOT_A_PART.match(c.label) or _names_earlier_parts(c, items):
        return True
    if not c.qs or c.qs[-1].base_unit != "分":
        return False
    # (a list of such pairs: one indicator's marks and score beside a rate of them are read by the rate)
    marks = [x for k, x in enumerate(items) if isinstance(x, _Entry) and _marks_before_score(items, k)]
    return len(marks) >= 2 and any(x is c for x in marks)


def _names_earlier_parts(c: _Entry, items: list) -> bool:
    """Is the entry the sum of two parts listed before it, named by their names (`“满意”a，“基本满意”b，满意与基本满意
    共 c`)? A subtotal of the list, no part of it."""
    m = JOINED_SUM.match(c.label)
    if m is None:
        return False
    before = {_label_of(x).strip("，、；：“”\"' ") for x in items[: next(k for k, x in enumerate(items) if x is c)]}
    return m.group("a") in before and m.group("b") in before


# two names joined and summed (`满意与基本满意共`, `非常满意和满意合计`)
JOINED_SUM = regex(
    r"^[，、；：\s]*(?P<a>[\u4e00-\u9fff]{1,8})(?:与|和|及|加)(?P<b>[\u4e00-\u9fff]{1,8}?)(?:共计|合计|总计|共)(?:为|是|达)?$"
)


def _marks_before_score(items: list, k: int) -> bool:
    """Is the entry at k an indicator's full marks, the next entry the score it earned (`20 分得 19 分`)?"""
    c = items[k]
    if not c.qs or c.qs[-1].base_unit != "分":
        return False
    nxt = next((x for x in items[k + 1 :] if not _is_sep(x)), None)
    return isinstance(nxt, _Entry) and bool(SCORED.match(nxt.label)) and bool(nxt.qs) and nxt.qs[0].base_unit == "分"


def _score_pairs(items: list) -> bool:
    """Is the list one of indicators' full marks each followed by the score earned, the pairs set apart by `；`
    (`其中资金管理 10 分，得分 8.8 分；组织实施 10 分，得分 9.0 分`)? Such a list runs over its `；`: the scores are
    its parts, each pair's `，` no end of it."""
    entries = [k for k, c in enumerate(items) if isinstance(c, _Entry)]
    # (each mark's score is the entry after it: `_marks_before_score` looks no further)
    marks = {k for k, after in zip(entries, entries[1:]) if _marks_before_score(items, k)}
    scored = {after for k, after in zip(entries, entries[1:]) if k in marks}
    return len(marks) >= 2 and all(k in scored or k in marks for k in entries)


def _is_sep(c: object) -> bool:
    return isinstance(c, Token) and c.type == "SEP"


def _list_end(keyword: str, items: list, nested: bool) -> int | None:
    """Where a breakdown's list of parts ends (the index of the separator in `items`; None: it runs on).

    A list opened inside brackets (`（其中 A a、B b）`) ends at the closing bracket. A nested list ends at the
    first `；`. A sentence's own list ends at `；` too, unless `；` is what its parts are listed with
    (`其中：基本支出 X，占 a%；项目支出 Y，占 b%`): `X，其中 A a，B b；Y …` goes on with a sibling of X."""
    seps = [(i, str(c)[-1:]) for i, c in enumerate(items) if _is_sep(c)]
    if keyword[:1] in "（(":
        return next((i for i, sep in seps if sep in "）)"), None)
    first = next((i for i, c in enumerate(items) if isinstance(c, (_Entry, _Breakdown))), len(items))
    clause = next((i for i, sep in seps if sep not in "：:" and i < first), None)
    if clause is not None and _names_then_deng(items, seps, first):
        clause = None
    if clause is not None:
        # the parts follow their keyword: `分别为项目决策、项目管理…；二级指标 10 个` lists names, `主要是受…影响，
        # …14 亿元` gives a reason; neither lists figures
        return clause
    if _runs_over_semicolons(items, nested):
        return None
    semi = next((i for i, sep in seps if sep == "；"), None)
    if semi is not None and not nested and any(isinstance(c, _Entry) and SUBTOTAL.match(c.label) for c in items[:semi]):
        return None
    return semi


def _runs_over_semicolons(items: list, nested: bool) -> bool:
    """Does the list run over its `；`: an enumeration, score pairs, or a sentence's own list whose parts are listed
    with `；` or are pairs of a count and its money (`_counted_pairs`)?"""
    if _enumerated(items) or _score_pairs(items) or _indicator_segments(items) is not None:
        return True
    return not nested and (_entry_separator(items) == "；" or _counted_pairs(items))


# an indicator named with what it scored (`投入指标得`, `过程指标得分为`), where SCORED is the verb alone
NAMED_SCORE = regex(r"[\u4e00-\u9fff]{2,}?(?:得分|实得|得)(?:为)?$")
MIN_SCORE_SEGMENTS = 3


def _indicator_segments(items: list) -> list[tuple[list[_Entry], int]] | None:
    """The entries of a list of indicators' scores set apart by `；`, segment by segment, each with the index of its
    indicator's own score (`_segment_score`), where every segment opens with an indicator named with what it scored
    (`其中：投入指标得 a 分，…；过程指标得 b 分，扣分主要在…；产出指标得 c 分；…`); None for any other list. The `；`
    then parts the indicators, whatever stands within a segment."""
    segments: list[list[_Entry]] = [[]]
    for c in items:
        if _is_sep(c) and str(c)[-1:] in "；;":
            segments.append([])
        elif isinstance(c, _Entry):
            segments[-1].append(c)
        elif isinstance(c, _Breakdown):
            return None  # (an indicator's own list, `其中`, says what stands under it already)
    scored = [(s, _segment_score(s)) for s in segments if s]
    if len(scored) < MIN_SCORE_SEGMENTS or any(own is None for _, own in scored):
        return None
    return [(s, own) for s, own in scored if own is not None]  # (all are: the filter tells the type checker)


def _named_score(c: _Entry) -> bool:
    """Is the entry one score named as its indicator's (`投入指标得 18.5 分`), not the verb alone?"""
    label = c.label.lstrip("，、；：:,; ")
    return len(c.qs) == 1 and c.qs[0].base_unit == "分" and bool(NAMED_SCORE.search(label)) and not SCORED.match(label)


# an indicator named at a segment's opening, with its full marks or the way it is scored after the name
# (`决策指标分值 20 分`, `预算执行率指标按执行率乘以 10 计分`)
INDICATOR_OPENING = regex(r"^[，、；：:,;\s]*[\u4e00-\u9fff]{0,12}指标")
FULL_MARKS_NAMED = regex(r"[\u4e00-\u9fff]{2,}?(?:分值|满分|权重|标准分)(?:为)?$")


def _segment_score(s: list[_Entry]) -> int | None:
    """The index, in an indicator's segment, of the score the indicator earned: its opening entry named with what
    it scored (`投入指标得 18.5 分`), or the first score in 分 named by the verb alone after an opening that names the
    indicator with its full marks or the way it is scored and states no score (`决策指标分值 20 分，得 18.5 分`,
    `预算执行率指标按执行率乘以 10 计分，得 9.69 分`); None where the segment opens otherwise."""
    if _named_score(s[0]):
        return 0
    if not INDICATOR_OPENING.match(s[0].label) and not FULL_MARKS_NAMED.search(s[0].label):
        return None
    for k, c in enumerate(s):
        in_points = bool(c.qs) and c.qs[-1].base_unit == "分"
        if k and in_points and len(c.qs) == 1 and SCORED.match(c.label):
            return k
        if in_points and not FULL_MARKS_NAMED.search(c.label.lstrip("，、；：:,; ")):
            return None  # (a score named otherwise before the verb: which one is the indicator's is not said)
    return None


def _scores_named_by_opening(segments: list[tuple[list[_Entry], int]]) -> dict[int, _Entry]:
    """The scores of indicators' segments named by the verb alone (`决策指标分值 20 分，得 18.5 分`), each named as the
    indicator its segment opens with (`决策指标得`), by the id of the entry they stand for: the score is that
    indicator's, as `决策指标得 18.5 分` would say."""
    out: dict[int, _Entry] = {}
    for s, own in segments:
        opening = INDICATOR_OPENING.match(s[0].label)
        if own and opening is not None:
            c = s[own]
            name = opening.group().lstrip("，、；：:,; \t")
            out[id(c)] = _Entry(name + c.label.lstrip("，、；：:,; "), c.qs, c.share, c.share_base, c.of)
    return out


def _scored_details(segments: list[tuple[list[_Entry], int]]) -> set[int]:
    """The figures within an indicator's segment (`_indicator_segments`) other than its own score: the scores named
    by the verb alone after it, after the words of how they were scored (`投入指标得 a 分，预算执行率指标按执行率乘以
    分值计分，得 b 分；…`: an indicator under the segment's, b a detail of a), and the full marks or the figures of the
    way it is scored stated before it (`决策指标分值 20 分，得 18.5 分`: 20 the weight, no score); none is a sibling of
    the indicators the `；` parts (by id)."""
    out: set[int] = set()
    for s, own in segments:
        out.update(id(c) for c in s[:own])
        out.update(id(c) for c in s[own + 1 :] if c.qs and c.qs[-1].base_unit == "分" and SCORED.match(c.label))
    return out


def _names_then_deng(items: list, seps: list[tuple[int, str]], first: int) -> bool:
    """`包括甲、乙、丙等转移支付 X 亿元，…`, `其中甲、乙以及丙督办的提案 N 件`: names joined by `、` and closed by
    `等` or by a conjunction are the first part's label, not a list of names instead of figures (names given
    figures one by one, `甲、乙和丙分别为 a、b、c`, are not)."""
    before = [sep for i, sep in seps if i < first]
    if first >= len(items) or not all(sep == "、" for sep in before):
        return False
    label = _label_of(items[first])
    return "等" in label or (NAMES_JOINED.search(label) is not None and "分别" not in label)


# the conjunction closing names joined by `、` (`甲、乙以及丙`, `甲、乙和丙`), searched in the first part's label: the
# stretch between the last `、` and the figure already (the names before it are items of their own), so a 和 inside
# the last name (`住房和城乡建设`) still counts
NAMES_JOINED = regex(r"及|和")


# list markers: ① / 1、 / （1） / 一是 / （一）
ENUMERATOR = regex(
    r"^(?:[①-⑳❶-❿]|\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[）)]|[一二三四五六七八九十]是|[（(][一二三四五六七八九十][）)])"
)


def _label_of(c: object) -> str:
    if isinstance(c, _Entry):
        return c.label
    if isinstance(c, _Breakdown) and c.head is not None:
        return c.head.label
    return ""


def _enumerated(items: list) -> bool:
    """Is the list's first part marked as an item of an enumeration (`其构成是：①…；②…`)?"""
    first = next((c for c in items if isinstance(c, (_Entry, _Breakdown))), None)
    return first is not None and bool(ENUMERATOR.match(_label_of(first).lstrip("，、；：")))


# the money of the things a count right before it counts (`一般债券项目 35 个，资金需求 a`, `…项目 12 个、涉及资金 b`)
MONEY_OF_COUNTED = regex(r"^[，,、\s]*(?:涉及|所需|申请|安排)?(?:资金|金额|投资)(?:需求|规模|总额)?(?:为|共|合计)?$")


def _counted_pairs(items: list) -> bool:
    """Are the list's parts pairs of a count and the money of the things it counts, set apart by `；` (`其中，一般债券
    项目 35 个，资金需求 a；专项债券项目 56 个，资金需求 b`)? Such a list runs over its `；`, as one listed with `；` does."""
    if any(isinstance(c, _Breakdown) for c in items):
        return False
    entries = [c for c in items if isinstance(c, _Entry)]
    if len(entries) < 4 or len(entries) % 2 or not all(len(c.qs) == 1 for c in entries):
        return False
    counts, money = entries[0::2], entries[1::2]
    return all(c.qs[0].kind == "count" for c in counts) and all(
        m.qs[0].kind == "amount" and MONEY_OF_COUNTED.match(m.label) is not None for m in money
    )


def _entry_separator(items: list) -> str | None:
    """The separator before a list's second part: the one its parts are listed with (figures in a bracket
    after a part, `49 分（满分 50 分）；`, are the part's note, not a part). A `、` that joins a short bare name to
    the next part's (`；股利、股息收入 b`: one part named with two words, `_joined_name`) separates no parts."""
    seen = False
    last: str | None = None
    depth = 0
    for k, c in enumerate(items):
        if _is_sep(c):
            text = str(c)
            depth = max(0, depth + text.count("（") + text.count("(") - text.count("）") - text.count(")"))
            if not _joined_name(items, k):
                last = text[-1:]
        elif isinstance(c, (_Entry, _Breakdown)) and depth == 0:
            if seen:
                return last
            seen = True
    return None


def _joined_name(items: list, k: int) -> bool:
    """Is the `、` at k between a short bare name and the part right after it, the two words one part's name
    (`股利、股息收入 b`)? Not where that part's name joins more names with 和 or 及 (`上级专款、上年结转和债券安排的
    支出 b`: sources listed, a sum of its own beside the list rather than one of its parts)."""
    if str(items[k]) != "、" or k == 0 or k + 1 >= len(items):
        return False
    name, after = items[k - 1], items[k + 1]
    if not (isinstance(name, Token) and name.type == "LABEL" and len(str(name).strip()) <= 4):
        return False
    return isinstance(after, _Entry) and NAMES_JOINED.search(after.label) is None


# intermediate results of the transformer -------------------------------------------------------------
@dataclass
class _Entry:
    """A figure of a list or a sentence: its label, its quantities and the share, base or whole stated with it."""

    label: str
    qs: list[Quantity]
    share: Quantity | None = None
    share_base: str = ""
    of: Quantity | None = None  # `…B 的 p%`: p is the figure before over B


@dataclass
class _Of:
    """A figure stated as of the one before (`…的 A`)."""

    stated: Quantity


@dataclass
class _Breakdown:
    """A list under its head (`其中：…`): its keyword, parts, what is noted beside them, the head's qualifiers."""

    head: _Entry | None
    keyword: str
    parts: list[object] = field(default_factory=list)  # _Entry, _Breakdown (nested) or other clauses
    noted: list[object] = field(default_factory=list)  # figures in brackets after a part: that part's
    # the ratios and changes written between the head and the list's keyword (`A a，较上年减少 Δ，其中 B b、C c`):
    # the head's, read before the parts (read after them, a change would be taken for the last part's)
    quals: list[object] = field(default_factory=list)


@dataclass
class _Rate:
    """A named rate (`执行率 p%`), its value and the formula written with it, if any."""

    name: str
    value: Quantity | None
    formula: _Formula | None
    start: int


@dataclass
class _Formula:
    """A written formula: operands, operators and result (and the expression as written)."""

    operands: list[Quantity]
    ops: list[str]
    result: Quantity
    name: str = ""
    expression: list = field(default_factory=list)


@dataclass
class _Movement:
    """One direction of a change (`增长 p%`, `减少 Δ`) and the figure it moves by."""

    direction: Literal["up", "down"]
    word: str
    quantity: Quantity | None
    start: int
    end: int


@dataclass
class _Change:
    """A change against a base (`比上年增长 p%`): what it compares with, the base figure and its movements."""

    cmp: str
    label: str
    base: Quantity | None
    movements: list[_Movement]


@dataclass
class _FromTo:
    """A change written from one figure to another (`由 A 增加到 B`)."""

    start: Quantity
    end: Quantity
    word: Token


class SentenceTransformer(Transformer):
    """Lark trees of one sentence → intermediate facts; value tokens index `quantities`."""

    def __init__(self, quantities: list[Quantity]) -> None:
        super().__init__()
        self.qs = quantities

    def _q(self, tok: Token) -> Quantity:
        return self.qs[int(tok)]

    def _values(self, children: list) -> list[Quantity]:
        return [self._q(c) for c in children if isinstance(c, Token) and c.type in VALUE_TYPES]

    def entry(self, children: list) -> _Entry:
        label = next((str(c) for c in children if isinstance(c, Token) and c.type == "LABEL"), "")
        share = next((c for c in children if isinstance(c, tuple)), None)
        ratio = next((c for c in children if isinstance(c, _Of)), None)
        e = _Entry(label, self._values(children))
        if share:
            e.share_base, e.share = share
        if ratio:
            e.of = ratio.stated
        return e

    def of(self, children: list) -> _Of:
        return _Of(self._values(children)[-1])

    def share(self, children: list) -> tuple[str, Quantity]:
        base = next((str(c) for c in children if isinstance(c, Token) and c.type == "LABEL"), "")
        return base, self._values(children)[-1]

    def part(self, children: list) -> object:
        """A part: an entry, with the ratios and changes that qualify it, perhaps opening a list of its own."""
        at = next((i for i, c in enumerate(children) if isinstance(c, Token) and c.type == "SUBSET"), None)
        if at is None:
            return children[0] if len(children) == 1 else list(children)
        keyword = str(children[at])
        rest = _flat(children[at + 1 :])
        quals = [c for c in children[1:at] if not _is_sep(c)]
        # a nested list ends at `；` (or at the bracket that opened it): what follows are siblings of the part
        # that opened it; the separator stays, it tells the enclosing list how its parts are listed
        cut = _list_end(keyword, rest, nested=True)
        listed = _listed(children[0], keyword, rest if cut is None else rest[:cut])
        listed.quals = [c for c in quals if isinstance(c, (_Rate, _Change))]
        others = [c for c in quals if not isinstance(c, (_Rate, _Change))]
        return [listed, *others] if cut is None else [listed, *others, *rest[cut:]]

    def breakdown(self, children: list) -> _Breakdown | list:
        head = children[0] if isinstance(children[0], _Entry) else None
        kw = next(str(c) for c in children if isinstance(c, Token) and c.type == "SUBSET")
        items = [c for c in _flat(children[1 if head else 0 :]) if not (isinstance(c, Token) and c.type == "SUBSET")]
        cut = _list_end(kw, items, nested=False)
        if cut is None:
            return _listed(head, kw, items)
        # the list ended before the sentence: what follows are the sentence's own items again
        return [_listed(head, kw, items[:cut]), *items[cut + 1 :]]

    def formula(self, children: list) -> _Formula:
        vals = self._values(children)
        ops = [str(c) for c in children if isinstance(c, Token) and c.type == "OP"]
        name = next((str(c) for c in children if isinstance(c, Token) and c.type == "LABEL"), "")
        # the expression: operator characters and operand numbers, in the order written
        expression: list = []
        operand = 0
        for c in children:
            if not isinstance(c, Token) or c.type == "LABEL":
                continue
            if c.type in VALUE_TYPES:
                if operand < len(vals) - 1:
                    expression.append(operand)
                operand += 1
            elif c.type in ("OP", "EQ"):
                expression.extend(ch for ch in str(c) if ch != "=")
        return _Formula(vals[:-1], ops, vals[-1], name.rstrip("=：为是"), expression)

    def rate(self, children: list) -> _Rate:
        name = children[0]
        rest = children[1]
        if isinstance(rest, _Formula):
            return _Rate(str(name), rest.result, rest, name.start_pos)
        return _Rate(str(name), self._q(rest), None, name.start_pos)

    def movement(self, children: list) -> _Movement:
        word = children[0]
        q = self._q(children[1]) if len(children) > 1 else None
        return _Movement("up" if word.type == "UP" else "down", str(word), q, word.start_pos, word.end_pos)

    def change(self, children: list) -> _Change:
        cmp = next((str(c) for c in children if isinstance(c, Token) and c.type == "CMP"), "")
        label = next((str(c) for c in children if isinstance(c, Token) and c.type == "LABEL"), "")
        base = next((self._q(c) for c in children if isinstance(c, Token) and c.type in VALUE_TYPES), None)
        moves = [c for c in children if isinstance(c, _Movement)]
        return _Change(cmp, label, base, moves)

    def fromto(self, children: list) -> _FromTo:
        vals = self._values(children)
        word = next(c for c in children if isinstance(c, Token) and c.type in ("UP", "DOWN", "TO"))
        return _FromTo(vals[0], vals[1], word)

    def stray(self, children: list) -> Token | None:
        # a 占 with no figure before it (`A占B的比重为 p%`) names the part it is said of: kept for the facts
        t = children[0]
        return t if isinstance(t, Token) and t.type == "SHARE" else None
