"""The typed-token lexer: one sentence of normalised text and its quantities → tokens for the Lark grammar.

Quantities become AMOUNT / COUNT / PCT / PP / NUM tokens. The text between them is cut at separators and
searched for the keywords that give the figures their roles (其中, 占, 执行率, 比上年, 增加 …); what is
left is LABEL text. A keyword is emitted only where its construct can complete (占 before a percentage,
由 before a figure that is later raised or lowered to another), otherwise it stays label text: this is what
keeps the LALR grammar total over arbitrary prose.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from tieout.linter.figures.labels import PAREN
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.lalr import Token
from tieout.linter.patterns import lazy, regex
from tieout.linter.vocab import relation_words as _alt
from tieout.linter.vocab import words

SEPARATORS = "，、；：（）"
# `完成年度目标 12,000 人的 104.17%`: a ratio whose denominator stands inside the phrase
OF_WORDS = {"的", "的比例为", "的比例", "的比重为"}
COUNT_NOUN_OF = regex(r"^[\u4e00-\u9fff]{1,4}的(?:比例|比重)?(?:为)?$")
# (the base may name its year, `占2026年预计数 A 的 p%`, `完成2025年目标 A 的 p%`: a year is no figure of the phrase)
OF_LEAD = lazy(r"(?:^|[，、])?(?:完成|为|达到|达|相当于|是|占)(?:[\u4e00-\u9fff]|(?:19|20)\d{2}(?=年)){0,16}$")
# `收、支总计` / `收入、支出总计` (both sides of a budget, equal by construction) is one name, not a list
# (the lookahead of the characters a piece can be cut at changes no cut: it lets the scan skip the other positions)
PIECES = regex(
    f"(?=[（{SEPARATORS}])(（[^（）]*）|[{SEPARATORS.replace('、', '')}]|(?<!收)(?<!收入)、|、(?!支出?(?:预算|决算)?总))"
)
SUBSET_RE = regex(f"^(?:{_alt('subset')})[：，]?")
SUBSET_BEFORE_COLON = frozenset(words("relations", "subset_before_colon"))
# a figure divided by a dimension (`按支出内容分为`, `按品目分为`)
_DIVIDED = rf"按[\u4e00-\u9fff]{{1,10}}?(?:{_alt('divided_by')})"
# … or looked at by it (`分来源看`, `分险种来看`: as `按来源分`); not a score's items (`分项看`, `分指标来看`), which the
# score lists read (passes.score_lines), the item's full marks beside its score
DIVIDED_BY = regex(rf"^(?:{_DIVIDED}|分[\u4e00-\u9fff]{{1,6}}?来?看)$")
SCORE_OPENERS = frozenset(words("relations", "score_list_openers"))
FULL = regex(r".+")
# the stage a rate's base is named by (`年初`, `调整后`; `变动`: the adjusted budget by another name)
RATE_BASE_STAGE = r"(?:年初|全年|年度|调整后|调整|变动后|变动)?"
RATE_RE = regex(
    # 支出进度 is the execution rate of a budget so far; an adverb may stand before 为 (`完成率仅为`, `进度已达`)
    # `为预算的 102.1%`, `为调整预算数的`: the ratio of the outcome to a budget the sentence states (with 的: `为
    # 预算` alone may name a figure, `为预算 54.00 亿元的`)
    r"(?P<rate>[\u4e00-\u9fffA-Za-z]{0,16}?(?:率|满意度|支出进度|执行进度)"
    rf"|完成{RATE_BASE_STAGE}(?:预算|计划|目标)(?:数)?的?"
    rf"|为{RATE_BASE_STAGE}(?:预算|计划)(?:数)?的)"
    r"(?:仅|只|已|约|均|分别|仍)?(?:为|是|达到|达|约为|=)?$"
)
# (the whole's name may open with its year, `占2026年省对市县转移支付预算的 p%`: no part of the name's length)
SHARE_RE = regex(
    r"^(?P<head>.*?)(?P<share>占比?重?(?:为|达到|达|约)?)(?P<base>(?:(?:19|20)\d{2}年度?)?[^占]{0,14}?)"
    r"(?:的比重|的比例|比重|比例)?(?:为|达到|达)?$"
)
# `在项目总支出中占比`, `在全部支出中所占比重为`: a share of the whole named in 在…中
IN_WHOLE_RE = regex(
    r"^(?:在|于)(?P<base>[^在占]{1,14}?)(?:之中|当中|中)(?:的)?(?P<share>所占比重|所占比例|占比重|占比|占)(?:为|达|约为|是)?$"
)
# `为限额的 p%`: the figure before as a share of a whole named by the words (a plan, a target or an earlier period
# is no whole: `为预算的`, `为上年的` are rates and changes read as such)
WHOLE_NAMED_RE = regex(
    r"^(?P<share>为)(?P<base>(?![\u4e00-\u9fff]*(?:预算|计划|目标|任务|上年|去年|同期|年初|标准|全年|年度|应))"
    r"[\u4e00-\u9fff]{1,12}?的)$"
)
# the words a comparison opens with: before what it compares with (`比上年`, `比上年预计执行数`: a budget draft
# against the outcome of a year not yet closed; `比上年完成数`, the outcome by its other name), or alone (`同比`)
CMP_BEFORE = ("比", "较", "与", "相比")
CMP_ALONE = ("同比", "环比")
CMP_RE = (
    f"(?:(?:{'|'.join(CMP_BEFORE)})"
    r"(?:上年同期|上年度|上一年度|上一年|上年年?末|上年底|上年|去年同期|去年|同期|年初数?|(?:年度|全年)?(?:预算数?|目标值?|计划数?)"
    # (`比调整前增加 Δ`: an adjusted budget against the one it adjusts)
    r"|调整前(?:预算数?)?"
    # (`决算支出总量 A，比执行数 B 增加 Δ`: a final account against the outturn reported before it was closed)
    r"|(?:预算)?执行数"
    # (`较“十三五”时期增加 Δ，增长 p%`: five years' total against the five years of the plan before)
    r"|[“\"]?十[一二三四五六七八九]五[”\"]?(?:时期|期间)?"
    r"|\d{4}年(?:末|底|度)?(?:同期)?)(?:预计执行数|预计完成数|预计数|决算数|预算数|执行数|完成数|实际数|同期数|预算|决算|数)?(?:相比|比较)?"
    f"|{'|'.join(CMP_ALONE)})"
    # `比上年分别增长 a%、b%` (one to each figure before), `同比均下降`
    r"(?:分别|均)?"
)
# the year a move ends in, after its word (`增加到2025年的 X`)
AT_YEAR = r"(?:(?:19|20)\d{2}年(?:末|底)?的?|本年的?|当年的?)"
UP_WORDS = _alt("up")
DOWN_WORDS = _alt("down")
# `增长幅度为 19.68%`, `降幅为`, `增幅达`: the extent of a move, the rate after it
EXTENT = r"(?:幅度|幅)(?:为|达到|达|是)?"
# `同比减收 17.44 亿元`, `比上年增收`, `同比减支`, `同比多收`: a move of revenue or spending against an earlier
# year, its figure the amount of the move; without the comparison 减收 is short of the budget (vocab over_short), no
# move
# (`比年初预算 80.00 亿元超收 6.20 亿元`: over or short of the budget compared with, the same move); what was saved
# against the figure compared with (`决算 A，比预算节约 Δ，压减 p%`) is the spending's fall below it, its figure the
# gap, never the budget itself
REVENUE_UP = "增收|增支|多收|多支|超收|超支"
REVENUE_DOWN = "减收|减支|少收|少支|短收|节支|节约|节省"
# the characters a comparison or a move starts with (TAIL_RE looks for one only where one of them stands)
CMP_FIRST = frozenset(w[0] for w in CMP_BEFORE + CMP_ALONE)
TAIL_FIRST = CMP_FIRST | {
    w[0] for w in (*words("relations", "up"), *words("relations", "down"), *f"{REVENUE_UP}|{REVENUE_DOWN}".split("|"))
}
TAIL_RE = regex(
    rf"^(?P<label>.*?)(?=[{re.escape(''.join(sorted(TAIL_FIRST)))}]|$)(?P<cmp>{CMP_RE})?"
    rf"(?:(?P<up>(?:(?:{UP_WORDS}){EXTENT}|(?:{UP_WORDS})了?(?:(?:至|到|为){AT_YEAR}?)?|(?(cmp)(?:{REVENUE_UP})|(?!))))"
    rf"|(?P<down>(?:(?:{DOWN_WORDS}){EXTENT}|(?:{DOWN_WORDS})了?(?:(?:至|到|为){AT_YEAR}?)?|(?(cmp)(?:{REVENUE_DOWN})|(?!)))))?$"
)
# (the label opens with no 度 of the comparison's own year: `比2023年度的 81.20%` compares with 2023年度, its label `的`)
CMP_HEAD = regex(rf"^(?P<cmp>{CMP_RE})(?P<label>(?!{REVENUE_UP}|{REVENUE_DOWN}|度)[^增减提降上下扩压缩回]{{2,}})$")
# `比上年的 63.8%`: the comparison, the figure compared with right after it
CMP_OF = regex(rf"^(?:{CMP_RE})的$")
# the words closing a comparison after the figure compared with (`与上年满意度 93.55% 相比，提高…`)
CMP_CLOSE = frozenset(("相比", "相比较", "比较"))
# a name, then the comparison with 的 (`当年资金规模与上年的`), before the figure compared with and 相比
NAMED_CMP_OF = regex(rf"^(?P<name>[\u4e00-\u9fff]{{2,}}?)(?P<cmp>(?:{CMP_RE})的)$")
CMP_ONLY = regex(rf"^(?:{CMP_RE})$")
# a name, then a comparison opening with its word before what it compares with (`收支总预算比2025年`, not `同比`):
# the label before a bracketed figure compared with (`收支总预算比2025年（B）减少 Δ`)
NAME_THEN_CMP = regex(rf"^(?P<name>[^，,；;：:、（）()]+?)(?P<cmp>(?={'|'.join(CMP_BEFORE)}){CMP_RE})$")
# a name, a comparison, then the name of the figure compared with (`调整后预算较上年度资金规模`, `支出比2024年度支出`):
# the figure after it is the one compared with, not the name's (the words after the comparison as CMP_HEAD has them;
# `收入比上年的 B`, 的 alone after it, is read as CMP_OF reads it)
NAME_CMP_HEAD = regex(
    rf"^(?P<name>[^，,；;：:、（）()]+?)(?P<cmp>(?={'|'.join(CMP_BEFORE)}){CMP_RE})"
    rf"(?P<label>(?!{REVENUE_UP}|{REVENUE_DOWN}|度)[^增减提降上下扩压缩回]{{2,}})$"
)
# a share and a start may follow a comparison (`较上年占比`, `较上年由 80%`): the piece is theirs; and a figure
# after a copula is stated, not compared with (`与上年同期相比执行率为 95%`: this year's rate)
NOT_COMPARED = regex("[占由从]|(?:为|是|达|达到)$")
FROM_RE = regex(r"(?P<label>.*?)(?P<from>(?:由|从)(?:(?:19|20)\d{2}\s*年度?)?[^，。；由从]{0,6})$")
TO_RE = regex(f"^(?:{_alt('to')}){AT_YEAR}?$")
# Cheap tests that spare most pieces of text the patterns above, each a necessary condition of its pattern:
# a rate names one of these words; a share, 占; a start, 由 or 从; a comparison opens with one of its words;
# the comparison and the move at the end of a piece start with one of these characters.
RATE_HINT = regex("率|满意度|进度|完成|为")
OP_RE = regex(r"^[/÷*×+\-]$")
OPERATOR_CHARS = "/÷*×+-"
NAMED_OPERAND = regex(r"([/÷*×+\-])([\u4e00-\u9fff]{1,8})")
EQ_RE = regex(r"^[=＝]$")
QUANTITY_TYPES = {"amount": "AMOUNT", "count": "COUNT", "percent": "PCT", "pp": "PP", "bare": "NUM"}
VALUE_TYPES = set(QUANTITY_TYPES.values())
MOVES = frozenset(("UP", "DOWN"))


@dataclass(slots=True)
class Tok:
    """A typed piece of a sentence, as the grammar reads it (value tokens index the sentence's quantities)."""

    type: str
    text: str
    start: int
    end: int
    qi: int = -1  # index of the quantity in the sentence, for value tokens

    def lark(self) -> Token:
        return Token(
            self.type, self.text if self.qi < 0 else str(self.qi), self.start, None, None, None, None, self.end
        )


def _gap_tokens(gap: str, offset: int, last: bool) -> list[Tok]:
    """Tokens of the text between two figures; `last` when a figure follows it."""
    return [Tok(kind, text, offset + a, offset + b) for kind, text, a, b in _gap_shapes(gap, last)]


@lru_cache(maxsize=16384)
def _gap_shapes(
    gap: str, last: bool, opening: bool = False, figures_listed: bool = False
) -> tuple[tuple[str, str, int, int], ...]:
    """The tokens of a gap as (type, text, start, end) from the gap's start: the same words between figures
    recur (`，增长`, `、`, `，其中：`, two in five gaps of a report), and are read once. Tokens are made anew
    from these for each sentence, since settling them changes them in place."""
    return tuple((t.type, t.text, t.start, t.end) for t in _gap_reading(gap, last, opening, figures_listed))


def _gap_reading(gap: str, last: bool, opening: bool = False, figures_listed: bool = False) -> list[Tok]:
    """(`opening`: the gap opens the sentence, no figure before it; `figures_listed`: the figure after the gap
    is followed by 、 and another figure, `甲、乙 a、b`: one figure per name, the names are not one item's)"""
    toks: list[Tok] = []
    # a parenthetical without figures is a note on the label (（含…）（包括…）), not structure
    pieces = PIECES.split(gap)
    if last and not figures_listed and len(pieces) >= 3 and pieces[-2] == "、":
        pieces = _listed_name_joined(pieces, opening)
    pos = 0
    n = len(pieces)
    for i, piece in enumerate(pieces):
        start = pos
        pos += len(piece)
        if not piece:
            continue
        if last and i == n - 3 and (noted := _noted_phrase(pieces[i:], start)) is not None:
            # `为调整预算（以下简称“预算”）的`: a note inside the words right before the figure
            toks.extend(noted)
            break
        if len(piece) > 1 and piece[0] == "（" and piece[-1] == "）":
            toks.append(Tok("LABEL", piece, start, pos))
            continue
        if piece in SEPARATORS:
            toks.append(Tok("SEP", piece, start, pos))
            continue
        m = SUBSET_RE.match(piece)
        if m is None and piece in SUBSET_BEFORE_COLON and i + 1 < n and pieces[i + 1] == "：":
            m = FULL.match(piece)
        if m:
            toks.append(Tok("SUBSET", m.group(), start, start + m.end()))
            piece, start = piece[m.end() :], start + m.end()
            if not piece:
                continue
        before_figure = last and i == n - 1
        if before_figure:
            toks.extend(_before_figure(piece, start))
        else:
            toks.append(Tok("LABEL", piece, start, start + len(piece)))
    return toks


# a word of a name listed with 、 before the figure (`股利、股息收入 A`): words only, maybe after an item's number
LISTED_WORD = regex(r"^(?:\d{1,2}[.．]|[（(][一二三四五六七八九十\d]{1,3}[）)])?[\u4e00-\u9fff]{1,12}$")
# a heading's number before its 、 (`二、股利、股息收入 A`): it opens the name, no word of it
HEADING_NUMBER = regex(r"^[一二三四五六七八九十]{1,3}$")
# the words that give each name of a list its own figure (`甲、乙分别为 a、b`, `甲、乙各 a`, `均为`)
EACH_WORDS = regex("分别|各|均")


def _listed_name_joined(pieces: list[str], opening: bool) -> list[str]:
    """`股利、股息收入 A`, `利润、股利收入 A`: names of words alone set apart by 、 right before a figure, the run
    opening the sentence or a clause, are one item's name (the figure is of them together, none has its own): the run
    is one piece. A run right after a figure (`甲 a、乙 b`, `5 个专项、资金 B`: the 、 lists figures), with a word giving each name its own
    figure (`甲、乙分别为`), or with a keyword in a name (`增长`, `占`, `完成预算`) is left cut."""
    first = len(pieces) - 1
    while first >= 2 and pieces[first - 1] == "、" and _listed_word(pieces[first - 2]):
        first -= 2
    if first >= 2 and pieces[first - 1] == "、" and HEADING_NUMBER.match(pieces[first - 2]):
        first -= 2  # (the heading's number and its 、 open the run: they stay apart from it)
        numbered = first + 2
    else:
        numbered = first
    opens = pieces[first - 1] in "，；：" if first > 0 else opening
    first = numbered
    if first == len(pieces) - 1 or not opens or not _listed_word(pieces[-1]):
        return pieces
    return [*pieces[:first], "".join(pieces[first:])]


def _listed_word(piece: str) -> bool:
    """Is the piece a name of words alone, no keyword of a figure's role in it?"""
    if not LISTED_WORD.match(piece) or EACH_WORDS.search(piece) or HEADING_NUMBER.match(piece):
        return False
    reading = _before_figure(piece, 0)
    return len(reading) == 1 and reading[0].type == "LABEL" and reading[0].text == piece


# a note in brackets that says nothing of what it follows but its short name or that it holds below
NEUTRAL_NOTE = regex(rf"^（(?:(?:{_alt('short_name_notes')})[^（），,；;：:]{{1,20}}|{_alt('same_below_notes')})）$")
# a note that works out what a rate is of (`（非常满意+满意）`, `（支出/预算）`)
DEFINING_NOTE = regex(r"[/÷*×+\-＋／]")
# the keywords a note may stand inside or right after (`完成年初预算（不含上级补助）的`, `增长（下同）`)
NOTED_KEYWORDS = frozenset(("RATE", "CMP", "UP", "DOWN"))


def _noted_phrase(pieces: list[str], start: int) -> list[Tok] | None:
    """The tokens of the words before a figure that a bracketed note (no figure in it: a gap holds none) cuts in
    two, `words（note）rest`, where the words and the rest make a rate, a comparison or a move of which the note
    stands inside or right after (`为调整预算（以下简称“预算”）的`, `比上年（下同）增长`, `增长（下同）`); None where
    they make none (`收入（不含开发区）增长`: the note is the figure's, the move its own). The keyword spans the note.
    A neutral note (a short name, `下同`) is left out of its text, read as if not written; any other is kept in a
    rate's (`完成年初预算（不含上级补助）的`), as what makes its base another than the one its words name."""
    words, note, rest = pieces
    closed = len(note) > 2 and note[0] == "（" and note[-1] == "）"
    if not words or words in SEPARATORS or words[0] == "（" or not closed or DEFINING_NOTE.search(note):
        return None  # (`满意度（非常满意+满意）为`: a note that sums what the rate is of is read as it was)
    toks = _before_figure(words + rest, start)
    cut, width = start + len(words), len(note)
    spanning = [t for t in toks if t.type in NOTED_KEYWORDS and t.start < cut <= t.end]
    neutral = NEUTRAL_NOTE.match(note) is not None
    if not spanning or not (neutral or spanning[0].type == "RATE"):
        # (another note on a comparison or a move, `比上年（同口径）`, `增加（减少）`, is left as it was: a change on
        # another basis, or a word of two directions, is no change to recompute)
        return None
    for t in toks:
        if t is spanning[0]:
            if not neutral:
                t.text = t.text[: cut - t.start] + note + t.text[cut - t.start :]
            t.end += width
        elif t.start >= cut:
            t.start, t.end = t.start + width, t.end + width
    return toks


def _arithmetic(piece: str, start: int, end: int) -> list[Tok] | None:
    """An operator, `=` or a range's `至` right before a figure (None for any other words)."""
    if OP_RE.match(piece):
        return [Tok("OP", piece, start, end)]
    m = NAMED_OPERAND.fullmatch(piece) if piece[0] in OPERATOR_CHARS else None
    if m:
        # `（非常满意 189 人+满意 136 人）÷…`: the operator, then the name of the operand after it
        return [Tok("OP", m.group(1), start, start + 1), Tok("LABEL", m.group(2), start + 1, end)]
    if EQ_RE.match(piece):
        return [Tok("EQ", piece, start, end)]
    timed = TIMED_OPERATOR.fullmatch(piece)
    if timed is not None:
        # `本金×利率×3年+…`, `…×1年=`: the count's unit of time, then the operator (an operator only inside a formula)
        cut = start + timed.end("unit")
        return [
            Tok("LABEL", timed.group("unit"), start, cut),
            Tok("EQ" if timed.group("op") in "=＝" else "OP", timed.group("op"), cut, end),
        ]
    if TO_RE.match(piece):
        return [Tok("TO", piece, start, end)]
    return None


def _before_figure(piece: str, start: int) -> list[Tok]:
    """Keywords that bind to the figure right after them."""
    end = start + len(piece)
    arithmetic = _arithmetic(piece, start, end)
    if arithmetic is not None:
        return arithmetic
    # (before the rate: `与上年满意度 93.55%` names the rate compared with; the others after, as they may follow)
    cmp = _comparison_head(piece, start, end) if piece[:1] in CMP_FIRST and not NOT_COMPARED.search(piece) else None
    if cmp is not None:
        return cmp
    m = RATE_RE.search(piece) if RATE_HINT.search(piece) else None
    if m and m.group("rate") and len(m.group("rate")) >= 2:
        out = []
        if m.start() > 0:
            out.append(Tok("LABEL", piece[: m.start()], start, start + m.start()))
        out.append(Tok("RATE", m.group("rate"), start + m.start(), end))
        return out
    # `基本支出占比由 50.48%`, `占支出的比重由上年的 50.48%`: a share's name, then where it moved from (a share word
    # before 由/从 names the quantity that moved, no share of the figure after)
    m = FROM_RE.match(piece) if "由" in piece or "从" in piece else None
    if m:
        return _from(piece, start, end, m)
    shared = _share(piece, start, end)
    if shared is not None:
        return shared
    cmp = _comparison_head(piece, start, end) if piece[:1] in CMP_FIRST else None
    return cmp if cmp is not None else _tail(piece, start, end)


def _share(piece: str, start: int, end: int) -> list[Tok] | None:
    """A share's words before its percentage (`占支出的`, `在总支出中占比`, `为限额的`), or None."""
    m = WHOLE_NAMED_RE.match(piece) if piece[0] == "为" else None
    if m:
        # `余额 Y，为限额的 p%`: the figure before over the whole the words name, a share of it
        return [
            Tok("SHARE", m.group("share"), start, start + m.end("share")),
            Tok("LABEL", m.group("base"), start + m.end("share"), end),
        ]
    share = "占" in piece
    m = IN_WHOLE_RE.match(piece) if share else None
    if m:
        # `在项目总支出中占比 70.12%`: the whole is named before the share word; tokens in the grammar's order
        # (占, then the whole), each with its own span
        return [
            Tok("SHARE", m.group("share"), start + m.start("share"), start + m.end("share")),
            Tok("LABEL", m.group("base"), start + m.start("base"), start + m.end("base")),
        ]
    m = SHARE_RE.match(piece) if share else None
    if m and m.group("share") and (moved := _share_moved(piece, start, m)) is not None:
        return moved
    if m and m.group("share") and not m.group("head") and (each := RESPECTIVE_BASE.search(m.group("base"))):
        return _respective_share(start, m, each)
    if m and m.group("share"):
        out = []
        if m.group("head"):
            out.append(Tok("LABEL", m.group("head"), start, start + m.start("share")))
        out.append(Tok("SHARE", m.group("share"), start + m.start("share"), start + m.end("share")))
        if m.group("base"):
            out.append(Tok("LABEL", m.group("base"), start + m.start("base"), end))
        return out
    return None


# `占比分别为`, `占本年支出的比重分别为`: the shares of figures listed before, one each (分别 after the whole's name,
# which keeps its 的 as after `分别占`: `本年支出的`; `占比例分别为` is the share word 占比 and 例)
RESPECTIVE_BASE = regex(r"(?:^例|比重|比例)?分别$")


def _respective_share(start: int, m: re.Match[str], each: re.Match[str]) -> list[Tok]:
    """`A a，B b，占比分别为 p%、q%`: written as `分别占 p%、q%` is (分别, then the share word and the whole named), so
    that the shares go one to each figure before, in order, not the first of them to the last figure alone."""
    out = [
        Tok("LABEL", "分别", start + m.start("base") + each.end() - 2, start + m.start("base") + each.end()),
        Tok("SHARE", m.group("share"), start + m.start("share"), start + m.end("share")),
    ]
    whole = m.group("base")[: each.start()]
    if whole:
        out.append(Tok("LABEL", whole, start + m.start("base"), start + m.start("base") + each.start()))
    return out


# a share's own name, then the move of it (`税收占比提高`, `民生支出比重下降了`): the words after the share word
SHARE_MOVED = regex(rf"^(?:(?P<up>(?:{UP_WORDS})了?)|(?P<down>(?:{DOWN_WORDS})了?))$")


def _share_moved(piece: str, start: int, m: re.Match[str]) -> list[Tok] | None:
    """`税收占比提高 4.3 个百分点`: a share named by its part's name and its share word, then the move of it; the
    share word names the quantity that moved (as before 由: `占比由 a% 提高到 b%`), no share of the figure after.
    Not after a comparison's words (`比上年占比提高`: the comparison is read as such)."""
    move = SHARE_MOVED.match(m.group("base"))
    head = m.group("head")
    if move is None or not head or head[0] in CMP_FIRST or SHARE_WORD.match(m.group("share")) is None:
        return None
    kind = "up" if move.group("up") else "down"
    at = start + m.start("base")
    return [
        Tok("LABEL", piece[: m.start("base")], start, at),
        Tok(kind.upper(), m.group("base"), at, at + len(m.group("base"))),
    ]


def _from(piece: str, start: int, end: int, m: re.Match[str]) -> list[Tok]:
    out = []
    if m.group("label"):
        out.append(Tok("LABEL", m.group("label"), start, start + m.start("from")))
    out.append(Tok("FROM", m.group("from"), start + m.start("from"), end))
    return out


def _comparison_head(piece: str, start: int, end: int) -> list[Tok] | None:
    """A comparison the figure after it is compared with: `比 2021 年末资产总额 X`, `与上年满意度 93.55%` (the
    earlier value of a rate, not a rate of its own)."""
    m = CMP_HEAD.match(piece)
    if m is None:
        return None
    return [
        Tok("CMP", m.group("cmp"), start, start + m.end("cmp")),
        Tok("LABEL", m.group("label"), start + m.end("cmp"), end),
    ]


def _tail(piece: str, start: int, end: int) -> list[Tok]:
    """A label, then the comparison and the move that end it (`比上年增长`), each where the piece has one."""
    if TAIL_FIRST.isdisjoint(piece) and "\n" not in piece:
        return [Tok("LABEL", piece, start, end)]  # no comparison and no move: all of it is label (as TAIL_RE says)
    m = TAIL_RE.match(piece)
    assert m is not None  # every group of the pattern is optional: it matches any piece
    if m.group("up") == "增" and not m.group("cmp") and m.group("label").endswith("新"):
        # `2022年新增 32 户`: the additions of a period, an item; a move only against something (`比上年新增`)
        return [Tok("LABEL", piece, start, end)]
    out = []
    if m.group("label"):
        out.append(Tok("LABEL", m.group("label"), start, start + m.end("label")))
    if m.group("cmp"):
        out.append(Tok("CMP", m.group("cmp"), start + m.start("cmp"), start + m.end("cmp")))
    for kind in ("up", "down"):
        if m.group(kind):
            out.append(Tok(kind.upper(), m.group(kind), start + m.start(kind), start + m.end(kind)))
    return out


def tokenize(text: str, start: int, end: int, quantities: list[Quantity]) -> list[Tok]:
    """Tokens of the sentence text[start:end]; `quantities` are those inside it, in order."""
    toks: list[Tok] = []
    append = toks.append
    pos = start
    named = FORM_NAME.fullmatch(text, start, quantities[0].start) if len(quantities) == 1 else None
    if named is not None and not text[quantities[0].end : end].strip("。！？ "):
        # `全年执行数：398.26`, a form's line on its own: the colon joins the figure to its name, as 为 would
        # (`执行率：96.55%` a rate), no separator cutting the name off
        for kind, word, a, b in _gap_shapes(named.group("name"), True):
            append(Tok(kind, word, start + a, start + b))
        append(Tok(QUANTITY_TYPES[quantities[0].kind], quantities[0].text, quantities[0].start, quantities[0].end, 0))
        return _settle(toks, text[start:end])
    if _form_pairs(text, start, end, quantities):
        # `其他资金全年预算数：100.00全年执行数：91.80执行率：91.80%`, a form's pairs on one line: each colon joins
        # its figure to the name right before it, as on a line of one pair; the row's words before the first
        # name (`其中：`) are no list's opener
        pos = start
        for qi, q in enumerate(quantities):
            gap = text[pos : q.start].rstrip(" ：:")
            cut = max(gap.rfind("："), gap.rfind(":")) + 1
            for kind, word, a, b in _gap_shapes(gap[cut:], True):
                append(Tok(kind, word, pos + cut + a, pos + cut + b))
            append(Tok(QUANTITY_TYPES[q.kind], q.text, q.start, q.end, qi))
            pos = q.end
        return _settle(toks, text[start:end])
    for qi, q in enumerate(quantities):
        # (the gap's tokens made here rather than by _gap_tokens: one call less per figure)
        for kind, word, a, b in _gap_shapes(text[pos : q.start], True, qi == 0, _listed_after(text, quantities, qi)):
            append(Tok(kind, word, pos + a, pos + b))
        append(Tok(QUANTITY_TYPES[q.kind], q.text, q.start, q.end, qi))
        pos = q.end
    if pos < end:
        toks.extend(_gap_tokens(text[pos:end].rstrip("。！？"), pos, last=False))
    return _settle(toks, text[start:end])


def _listed_after(text: str, quantities: list[Quantity], qi: int) -> bool:
    """Is figure qi followed by 、 and the next figure (`1200万元、1500万元`): a list of figures, one per name?"""
    return qi + 1 < len(quantities) and text[quantities[qi].end : quantities[qi + 1].start] == "、"


# a form's line, `name：figure` and nothing else: a short name of words (a unit in brackets may close it,
# `全年预算数（万元）：`), then the colon
FORM_NAME = regex(r"(?P<name>[\u4e00-\u9fffA-Za-z]{2,16}(?:（[\u4e00-\u9fff]{1,3}）)?)[：:]\s*")
# the name and colon right before a figure on a form's line of pairs (`全年执行数：`)
PAIR_NAME = regex(r"[\u4e00-\u9fffA-Za-z]{2,16}[：:]\s*$")


def _form_pairs(text: str, start: int, end: int, quantities: list[Quantity]) -> bool:
    """Is the sentence a form's line of two or more `name：figure` pairs and nothing else: each figure right after
    a name and its colon, words only between a figure and the next name, nothing after the last figure?"""
    if len(quantities) < 2 or text[quantities[-1].end : end].strip("。！？ "):
        return False
    pos = start
    for q in quantities:
        gap = text[pos : q.start]
        if PAIR_NAME.search(gap) is None or (pos > start and PAIR_GAP_WORDS.fullmatch(gap) is None):
            return False
        pos = q.end
    return True


# the words between one pair's figure and the next pair's colon: a name only, no separator or figure
PAIR_GAP_WORDS = regex(r"[\u4e00-\u9fffA-Za-z]{2,16}[：:]\s*")
STRENGTH = {"、": 1, "，": 2, "：": 2, "；": 3}
# a formula operand's name written before its figure (`非常满意`, `满意`, `问卷总数`)
OPERAND_NAME = regex(r"[\u4e00-\u9fff]{1,8}")
# the unit of a count of time after its number in a formula (`本金×利率×3年`, `月租金×12个月`): the count is the operand
DURATION = regex(r"年|个月|个季度|天|日")
# the unit of such a count and the operator after it, the words between two figures (`3年+`, `1年=`)
TIMED_OPERATOR = regex(rf"(?P<unit>{DURATION.pattern})(?P<op>[/÷*×+\-=＝])")
# keywords whose construct may not complete (see `_completes`)
UNFINISHED = frozenset(("SHARE", "FROM", "TO", "RATE"))
OPENERS = ("（", "(")
CLOSERS = ("）", ")")


def _chain(toks: list[Tok], i: int) -> tuple[list, int] | None:
    """The formula starting at toks[i]: `(`s, values and operators up to `=` and its result; brackets may nest.
    Returns the expression (operator characters and token indices) and the index of the `=`."""
    expr: list = []
    depth = ops = 0
    expect_operand = True
    k = i
    n = len(toks)
    while k < n:
        t = toks[k]
        if expect_operand:
            if t.type == "SEP" and t.text in OPENERS:
                expr.append("(")
                depth += 1
            elif t.type in VALUE_TYPES:
                expr.append(k)
                expect_operand = False
            elif t.type == "LABEL" and OPERAND_NAME.fullmatch(t.text) and k + 1 < n and toks[k + 1].type in VALUE_TYPES:
                pass  # the operand's name before it (`（非常满意 189 人+满意 136 人）÷342 人`): left out when folded
            else:
                return None
        elif t.type == "SEP" and t.text in CLOSERS and depth:
            expr.append(")")
            depth -= 1
        elif (
            t.type == "LABEL" and DURATION.fullmatch(t.text.strip()) and k + 1 < n and toks[k + 1].type in ("OP", "EQ")
        ):
            pass  # a count of years after its number (`本金×利率×3年`): the number is the operand, left out when folded
        elif t.type == "OP":
            expr.append(t.text)
            ops += 1
            expect_operand = True
        elif t.type == "EQ" and not depth and ops and k + 1 < n and toks[k + 1].type in VALUE_TYPES:
            return expr, k
        else:
            return None
        k += 1
    return None


def _formulas(toks: list[Tok]) -> list[Tok]:
    """Keep OP and EQ only inside a complete formula (`v op v … = v`, brackets allowed); elsewhere they are
    text. A formula's brackets are folded into the operator tokens beside them (`（` + `-` + `）/`), so that
    the sentence grammar sees `op? v (op v)+ = v`; grammar/arithmetic.lark checks the whole is well formed."""
    if not any(t.type == "EQ" for t in toks):
        # no `=`, no formula (a chain ends at its `=`): every operator is text
        for t in toks:
            if t.type == "OP":
                t.type = "LABEL"
        return toks
    from tieout.linter.parse.formulas import well_formed

    n = len(toks)
    keep: set[int] = set()
    drop: set[int] = set()
    i = 0
    while i < n:
        if toks[i].type in VALUE_TYPES or (toks[i].type == "SEP" and toks[i].text in OPENERS):
            found = _chain(toks, i)
            # a chain that continues an expression we do not parse (`X/（A-B）…`) is no formula
            continues = i > 0 and toks[i - 1].text.rstrip()[-1:] in "/*×÷+-（）()" and toks[i - 1].type != "SEP"
            if found is not None and not continues:
                expr, eq = found
                indices = [x for x in expr if isinstance(x, int)]
                if well_formed([x if isinstance(x, str) else indices.index(x) for x in expr]):
                    _fold(toks, i, eq, keep, drop)
                    i = eq + 2
                    continue
        i += 1
    for k, t in enumerate(toks):
        if t.type in ("OP", "EQ") and k not in keep:
            t.type = "LABEL"
    return [t for k, t in enumerate(toks) if k not in drop]


def _fold(toks: list[Tok], first: int, eq: int, keep: set[int], drop: set[int]) -> None:
    """Fold the brackets of toks[first..eq] into operator tokens; mark operators kept, brackets dropped."""
    pending_open: list[Tok] = []
    last_op: Tok | None = None
    for k in range(first, eq + 1):
        t = toks[k]
        if t.type == "SEP" and t.text in OPENERS:
            if last_op is not None:
                last_op.text += "("
                last_op.end = t.end
                drop.add(k)
            else:
                pending_open.append(t)
        elif t.type == "SEP" and t.text in CLOSERS:
            nxt = next(x for x in toks[k + 1 : eq + 1] if x.type in ("OP", "EQ"))
            nxt.text = ")" + nxt.text
            drop.add(k)
        elif t.type in ("OP", "EQ"):
            keep.add(k)
            last_op = t
        elif t.type == "LABEL":
            drop.add(k)  # an operand's name (`_chain` let it through only right before its value)
        else:
            last_op = None
    if pending_open:
        # brackets before the first value become one leading operator token
        lead = pending_open[0]
        lead.type, lead.text = "OP", "(" * len(pending_open)
        lead.end = pending_open[-1].end
        keep.add(toks.index(lead))
        for t in pending_open[1:]:
            drop.add(toks.index(t))


# a count closing a list of names (`农林水四项`, `等五类`): how many things the names are, no figure of their own
NAMES_COUNTED = regex(r"^等?[一二三四五六七八九十两\d]{1,3}(?:项|类|个方面|方面|大类)$")


def _names_included(toks: list[Tok]) -> list[Tok]:
    """`民生支出合计 X，包括教育、社会保障和就业、卫生健康、农林水四项，占…的 p%`: a 包括 right after a figure that names
    only what the figure covers (names set apart by 、, maybe counted, `四项`), up to the share of that figure: no
    breakdown (no part has a figure), a note on the figure. Its tokens are dropped, the share read as the figure's."""
    for i in range(2, len(toks) - 2):
        if toks[i].type != "SUBSET" or toks[i].text != "包括" or toks[i - 2].type not in VALUE_TYPES:
            continue
        if toks[i - 1].type != "SEP" or toks[i - 1].text not in "，,":
            continue
        k = i + 1
        while k + 1 < len(toks) and toks[k].type == "LABEL" and toks[k + 1].type == "SEP" and toks[k + 1].text == "、":
            k += 2
        if toks[k].type != "LABEL" or (k == i + 1 and "、" not in toks[k].text):
            continue  # (one name alone, or no name: not a list of names; names joined by 、 read as one are a list)
        k += 1
        if k < len(toks) and toks[k].type == "COUNT" and NAMES_COUNTED.fullmatch(toks[k].text):
            k += 1
        if k + 1 < len(toks) and toks[k].type == "SEP" and toks[k].text in "，," and toks[k + 1].type == "SHARE":
            return [*toks[:i], *toks[k + 1 :]]  # (the comma before 包括 kept: `X，占…`)
    return toks


def _settle(toks: list[Tok], said: str) -> list[Tok]:
    """Demote keywords whose construct cannot complete; fuse separators into the keyword after them. (`said`: the
    sentence's words. Each pass that reads a shape of tokens is run only where the words hold the characters the
    shape's tokens are written with: most sentences hold no operator, bracket or comparison, and their tokens are
    not walked for one.)"""
    if FORMULA_MARK.search(said):  # (an operator or `=`: OP and EQ tokens, kept only inside a formula)
        toks = _formulas(toks)
    if "（" in said or "(" in said:
        toks = _bracketed_bases(toks)
    if "相比" in said or "比较" in said:  # (the words closing a comparison, CMP_CLOSE)
        toks = _named_comparisons(toks)
    if COMPARISON_MARK.search(said):  # (a comparison's words and those closing it: 比, 较, 与)
        toks = _named_comparison_heads(toks)
        toks = _compared_in_brackets(toks)
        if "同比" in said:
            toks = _restated_year_on_year(toks)
    if "按" in said:  # (a dimension's division run on into its first part's name: DIVIDED_RUN_ON)
        toks = _divided_run_on(toks)
    toks = _named_lists(toks, said)
    for i, t in enumerate(toks):
        # (each test below holds of a label of its words only, or of a keyword that may not complete; a figure is
        # neither)
        if t.type == "LABEL":
            _settle_label(toks, i)
        elif t.type not in VALUE_TYPES:
            _settle_keyword(toks, i)
    out: list[Tok] = []
    for i, t in enumerate(toks):
        nxt = toks[i + 1].type if i + 1 < len(toks) else None
        if t.type == "SEP":
            _separator(toks, i, nxt, out)
        elif t.type == "LABEL" and out and out[-1].type == "LABEL":
            prev = out[-1]
            out[-1] = Tok("LABEL", prev.text + t.text, prev.start, t.end)
        elif t.type != "LABEL" or t.text.strip():
            out.append(t)
    while out and out[0].type == "SEP":
        out.pop(0)
    while out and out[-1].type == "SEP":
        out.pop()
    return out


# the characters an operator or `=` is written with (OP_RE, NAMED_OPERAND, EQ_RE): no formula without one
FORMULA_MARK = regex(r"[/÷*×+\-=＝]")
# the characters every comparison's words hold (CMP_BEFORE, CMP_ALONE, CMP_CLOSE)
COMPARISON_MARK = regex("[比较与]")

# a rate's base named without its verb, after a rate of the same figure (`、调整预算的`, `、全年计划的`)
ELLIPTIC_RATE = regex(rf"{RATE_BASE_STAGE}(?:预算|计划|目标)(?:数)?的")


def _named_lists(toks: list[Tok], said: str) -> list[Tok]:
    """The lists whose keyword runs on into the first item's name (`包括…`, `主要用于…`), read where the words hold it."""
    if "包括" in said:
        toks = _names_included(toks)
    if "用于" in said:
        toks = _uses_listed(toks)
    return toks


# a clause's opening words naming what a figure is spent on (`主要用于`), run on into the first use's name
USE_RUN_ON = regex(f"^(?:{_alt('main_uses_run_on')})(?=[\u4e00-\u9fff])")


def _uses_listed(toks: list[Tok]) -> list[Tok]:
    """`…443,394 万元，占 90.4%，主要用于征地和拆迁补偿 198,763 万元、城市建设 121,488 万元`: the main uses named each
    with its amount, two or more set apart by `、`, after a figure and a comma, are some of the parts of the figure
    before, as after `主要是` (no colon after `主要用于`: its words run on into the first use's name). A use named
    alone, or with a count (`主要用于购置 2 辆…`), lists nothing; `用于` and `分别用于` so run on are left as they
    were read (whether they name every use, the words do not say)."""
    out: list[Tok] = []
    for i, t in enumerate(toks):
        m = USE_RUN_ON.match(t.text) if t.type == "LABEL" else None
        if m is not None and _uses_after_figure(toks, i):
            cut = t.start + m.end()
            out += [Tok("SUBSET", m.group(), t.start, cut), Tok("LABEL", t.text[m.end() :], cut, t.end)]
        else:
            out.append(t)
    return out


def _after_figure_and_comma(toks: list[Tok], i: int) -> bool:
    """Does the token at i follow a figure and a comma (`X 万元，` before it)?"""
    return i >= 2 and toks[i - 1].type == "SEP" and toks[i - 1].text == "，" and toks[i - 2].type in VALUE_TYPES


def _uses_after_figure(toks: list[Tok], i: int) -> bool:
    """Does the label at i stand after a figure and a comma, before its amount, `、` and another named amount?"""
    return (
        i < len(toks) - 4
        and _after_figure_and_comma(toks, i)
        and toks[i + 1].type == "AMOUNT"
        and toks[i + 2].type == "SEP"
        and toks[i + 2].text == "、"
        and toks[i + 3].type == "LABEL"
        and toks[i + 4].type == "AMOUNT"
    )


def _settle_label(toks: list[Tok], i: int) -> None:
    """A label retyped by the tokens around it (each test holds of a label of its words only)."""
    t = toks[i]
    if t.text == "中" and _within(toks, i):
        t.type = "SUBSET"  # `上级补助收入 28.64 亿元中，返还性收入 a，…`: a 其中 list
    elif "的" in t.text and _is_of(toks, i):  # (every word of a base holds 的: most labels are asked no more)
        t.type = "OF"
        # `完成调整预算 74.10 亿元的 95.3%`: the rate's word names the base of the percentage after it
        toks[i - 2].type = "LABEL"
    elif _second_rate(toks, i) and ELLIPTIC_RATE.fullmatch(t.text):
        t.type = "RATE"  # `完成年初预算的 106%、调整预算的 101.9%`: the second rate of the same figure
    elif DIVIDED_BY.match(t.text) and t.text not in SCORE_OPENERS and _divides_figure(toks, i):
        t.type = "SUBSET"  # `实际支出 X，按支出内容分为：A a，B b`: the parts of X by that dimension
    elif REVENUE_MOVE.fullmatch(t.text) and _after_compared(toks, i):
        # `比年初预算 80.00 亿元超收 6.20 亿元`: the move right after the figure compared with
        t.type = "DOWN" if REVENUE_FALL.fullmatch(t.text) else "UP"


def _divides_figure(toks: list[Tok], i: int) -> bool:
    """Is the label at `i` (`按支出内容分为`, `按支出性质分`) set after a figure and a comma, a colon or a comma after
    it? It opens the parts of that figure. (Opening a sentence, `按问题类型分：…`, it divides a total stated before:
    the dimensions pass.)"""
    return (
        i < len(toks) - 1
        and _after_figure_and_comma(toks, i)
        and toks[i + 1].type == "SEP"
        # (or a comma: `支出 X，按支出性质分，基本支出 a，项目支出 b`)
        and toks[i + 1].text in ("：", "，")
    )


# `采购预算 T，按品目分为货物 a、工程 b 和服务 c`: the division by a dimension and the first part's name in one label
DIVIDED_RUN_ON = regex(rf"^({_DIVIDED})([\u4e00-\u9fff].*)$")


def _divided_run_on(toks: list[Tok]) -> list[Tok]:
    """A label dividing the figure before by a dimension and naming the first part (`，按品目分为货物 a`) is two
    tokens: the division, which opens the parts of that figure (as `按品目分为：货物 a` does), and the part's name."""
    out: list[Tok] = []
    for i, t in enumerate(toks):
        m = DIVIDED_RUN_ON.match(t.text) if t.type == "LABEL" else None
        if m is not None and _after_figure_and_comma(toks, i) and i + 1 < len(toks) and toks[i + 1].type in VALUE_TYPES:
            cut = t.start + m.end(1)
            out += [Tok("SUBSET", m.group(1), t.start, cut), Tok("LABEL", m.group(2), cut, t.end)]
        else:
            out.append(t)
    return out


def _second_rate(toks: list[Tok], i: int) -> bool:
    """Is the label at `i` the base of a second rate, listed with 、 right after a first (`完成年初预算的 a%、
    调整预算的 b%`): the verb of the first (完成, 为) is the second's too, and the figure it is of the same."""
    return (
        i >= 3
        and i + 1 < len(toks)
        and toks[i + 1].type == "PCT"
        and toks[i - 1].type == "SEP"
        and toks[i - 1].text == "、"
        and toks[i - 2].type == "PCT"
        and toks[i - 3].type == "RATE"
        and toks[i - 3].text.startswith(("完成", "为"))
    )


def _settle_keyword(toks: list[Tok], i: int) -> None:
    """A keyword or separator retyped by the tokens around it."""
    t = toks[i]
    if t.type == "SHARE" and _compared_share(toks, i):
        # `占 p%，比上年占比 q% 提高 r 个百分点`: last year's share, compared with; not a share of its own
        toks[i - 1].type, t.type = "CMP", "LABEL"
    elif t.type in UNFINISHED and not _completes(toks, i):
        t.type = "LABEL"
    elif t.type == "SEP" and _total_colon(toks, i):
        t.type = "SUBSET"  # `政府采购预算合计 X 万元：货物 a 万元、工程 b 万元`: the 合计's parts


def _within(toks: list[Tok], i: int) -> bool:
    """中 right after a figure and before a clause break (`X 亿元中，`): what follows is among the figure."""
    t = toks[i]
    return (
        t.type == "LABEL"
        and t.text == "中"
        and 0 < i < len(toks) - 1
        and toks[i - 1].type in ("AMOUNT", "COUNT")
        and toks[i + 1].type == "SEP"
        and toks[i + 1].text in "，：:"
    )


# a share's word alone (`占比`, `比重`, `所占比重`), no whole named
SHARE_WORD = regex(r"^(?:所?占比(?:重|例)?|比重)$")


def _compared_share(toks: list[Tok], i: int) -> bool:
    """The share word right after a comparison's words and before a percentage that moved (`比上年占比 q% 提高
    r 个百分点`): the share compared with, last year's."""
    return (
        1 <= i < len(toks) - 2
        and SHARE_WORD.match(toks[i].text) is not None
        and toks[i - 1].type == "LABEL"
        and CMP_ONLY.match(toks[i - 1].text.lstrip("，, ")) is not None
        and toks[i + 1].type == "PCT"
        and toks[i + 2].type in MOVES
    )


# a label that names a total (`政府采购预算合计`, `项目经费总计`)
NAMES_TOTAL = regex(r"(?:合计|总计|共计)$")


def _total_colon(toks: list[Tok], i: int) -> bool:
    """A colon right after the figure of a label naming a total, a named figure after it (`…合计 X 万元：货物
    a 万元、…`): what follows are the total's parts, as after 其中."""
    return (
        toks[i].text in "：:"
        and 2 <= i < len(toks) - 2
        and toks[i - 1].type == "AMOUNT"
        and toks[i - 2].type == "LABEL"
        and NAMES_TOTAL.search(toks[i - 2].text.rstrip()) is not None
        and toks[i + 1].type == "LABEL"
        and toks[i + 2].type == "AMOUNT"
    )


def _completes(toks: list[Tok], i: int) -> bool:
    """Can the keyword at `i` complete its construct (占 before a percentage, 由 a … 至 b, a rate's value)?"""
    t, n = toks[i], len(toks)
    nxt = toks[i + 1].type if i + 1 < n else None
    if t.type == "SHARE":
        after = [x.type for x in toks[i + 1 : i + 3]]
        return after[:1] == ["PCT"] or after == ["LABEL", "PCT"]
    if t.type == "FROM":
        return (
            i + 3 < n
            and toks[i + 1].type in VALUE_TYPES
            and toks[i + 2].type in ("UP", "DOWN", "TO")
            and toks[i + 3].type in VALUE_TYPES
        )
    if t.type == "TO":
        return i >= 2 and toks[i - 2].type == "FROM"
    if t.type == "RATE":
        return nxt in VALUE_TYPES and not _full_marks(toks, i)
    return True


# the score an indicator earned, written after its full marks (`项目决策 20 分得 19 分`)
SCORED = regex(r"^[，、\s]*(?:实际|评价)?(?:得分|实得|得)(?:为)?$")


def _full_marks(toks: list[Tok], i: int) -> bool:
    """Is the rate's word an indicator named by its full marks, the score it earned after them (`满意度 10 分，
    得分 9.0 分`)? Its figure is no rate; the word names the indicator."""
    after = [x for x in toks[i + 1 : i + 5] if x.type != "SEP"]
    return (
        len(after) >= 3
        and after[0].type == "COUNT"
        and after[0].text.endswith("分")
        and after[1].type == "LABEL"
        and SCORED.match(after[1].text) is not None
        and after[2].type == "COUNT"
        and after[2].text.endswith("分")
    )


def _bracketed_bases(toks: list[Tok]) -> list[Tok]:
    """`完成目标值（48 家）的 75%`: a base written in brackets is the base of the percentage all the same."""
    drop: set[int] = set()
    for i in range(1, len(toks) - 4):
        open_ = toks[i]
        if open_.type != "SEP" or open_.text not in OPENERS:
            continue  # (most tokens open no bracket: the others are not looked at)
        a, value, close, of = toks[i - 1], toks[i + 1], toks[i + 2], toks[i + 3]
        if (
            value.type in ("AMOUNT", "COUNT")
            and close.type == "SEP"
            and close.text in "）)"
            and a.type == "LABEL"
            and OF_LEAD.search(a.text)
            and of.type == "LABEL"
            and of.text in OF_WORDS
            and toks[i + 4].type == "PCT"
        ):
            drop.update((i, i + 2))
    return [t for k, t in enumerate(toks) if k not in drop] if drop else toks


def _named_comparisons(toks: list[Tok]) -> list[Tok]:
    """`当年资金规模与上年的 B 相比，减少 Δ`: a label naming what changed and ending in the comparison is split into
    the name and the comparison, as `当年资金规模 与上年的 B 相比` (read on as `_compared_in_brackets` reads it)."""
    return _split_each(toks, _named_comparison_tail, _name_and_comparison)


def _named_comparison_tail(toks: list[Tok], i: int) -> re.Match[str] | None:
    """The name and the comparison of the label at `i`, where a figure and the word closing a comparison follow it."""
    t = toks[i]
    if (
        t.type == "LABEL"
        and i + 2 < len(toks)
        and toks[i + 1].type in ("AMOUNT", "COUNT")
        and toks[i + 2].type == "LABEL"
        and toks[i + 2].text in CMP_CLOSE
    ):
        return NAMED_CMP_OF.match(t.text)
    return None


def _name_and_comparison(t: Tok, m: re.Match[str]) -> list[Tok]:
    cut = t.start + m.start("cmp")
    return [Tok("LABEL", m.group("name"), t.start, cut), Tok("LABEL", m.group("cmp"), cut, t.end)]


def _split_each(
    toks: list[Tok],
    match_at: Callable[[list[Tok], int], re.Match[str] | None],
    pieces: Callable[[Tok, re.Match[str]], list[Tok]],
) -> list[Tok]:
    """The tokens with each one `match_at` matches replaced by its `pieces` (the list itself where none is: most
    sentences have no such label, and are not copied)."""
    out: list[Tok] | None = None
    for i, t in enumerate(toks):
        m = match_at(toks, i)
        if m is None:
            if out is not None:
                out.append(t)
            continue
        if out is None:
            out = toks[:i]
        out += pieces(t, m)
    return toks if out is None else out


# the figures a comparison may compare with, the move right after them
COMPARED_TYPES = frozenset(("AMOUNT", "COUNT", "PCT"))


def _named_comparison_heads(toks: list[Tok]) -> list[Tok]:
    """`调整后预算较上年度资金规模 B 增加 Δ`, `支出比2024年度支出 B 下降 p%`: a label naming what changed, then a
    comparison, then the name of the figure compared with, that figure and a move right after it, is three tokens:
    the name, the comparison and the name of B, as `调整后预算 较上年 B 增加 Δ` reads. B is the earlier figure, the
    one compared with; what changed is the figure the first name names (read as a label run into one, B was taken
    for it)."""
    return _split_each(toks, _named_comparison_head, _name_comparison_and_label)


def _name_comparison_and_label(t: Tok, m: re.Match[str]) -> list[Tok]:
    cut, after = t.start + m.start("cmp"), t.start + m.end("cmp")
    return [
        Tok("LABEL", m.group("name"), t.start, cut),
        Tok("CMP", m.group("cmp"), cut, after),
        Tok("LABEL", m.group("label"), after, t.end),
    ]


def _named_comparison_head(toks: list[Tok], i: int) -> re.Match[str] | None:
    """The name, comparison and name of the figure compared with of the label at `i`, where a figure and a move
    follow it (`_closing`); a share or a start in the words after the comparison (`较上年占比`, `比上年由`), or a
    copula ending them (`较上年为`), makes them no comparison's (NOT_COMPARED)."""
    t = toks[i]
    if t.type != "LABEL" or i + 2 >= len(toks) or toks[i + 1].type not in COMPARED_TYPES:
        return None
    if _closing(toks, i + 2) is None:
        return None
    m = NAME_CMP_HEAD.match(t.text)
    if m is None or NOT_COMPARED.search(m.group("label")):
        return None
    return m


def _compared_in_brackets(toks: list[Tok]) -> list[Tok]:
    """`较上年（67.7%）提高 3.4 个百分点`, `与上年（93.55%）相比，提高…`, `比上年的 63.8% 提高…`: the figure in
    brackets or after 的 right after a comparison, with the move right after it, is the figure compared with;
    and in `与上年满意度 93.55% 相比，提高…` the word closing the comparison after that figure goes. Each way
    the tokens read as the grammar's comparison (`比上年 X 提高 Δ`)."""
    drop: set[int] = set()
    split: dict[int, tuple[int, int]] = {}
    n = len(toks)
    for i, t in enumerate(toks):
        if t.type != "LABEL":
            continue  # (each shape turns on a label)
        if i + 2 < n and toks[i + 1].type == "PCT" and CMP_OF.match(t.text):
            # `比上年的 63.8% 提高…`: last year's value of a rate (of an amount, `比上年的 2.61 亿元`, the figure
            # is read as last year's and the change as its sentence's, facts/sentence/changes.py)
            close = _closing(toks, i + 2)
            if close is not None:
                t.type = "CMP"
                drop.update(close)
        elif (
            i + 4 < n
            and (dated := _bracketed_value(toks, i + 1)) is not None
            and (span := _comparison_span(t.text)) is not None
        ):
            close = _closing(toks, i + 4 + dated)
            if close is not None:
                # `收支总预算比2025年（B）减少 Δ`: the name of what changed, then the comparison, as `收支总预算比2025年
                # B 减少 Δ` is read (the figure in brackets is the one compared with, not the name's); the comparison
                # may name that figure after it (`调整后预算比上年度资金总额（B）增加 Δ`)
                split[i] = span
                # (a comma before the move goes, `_separator`; so does the year naming the figure compared with)
                drop.update((i + 1, *range(i + 2, i + 2 + dated), i + 3 + dated, *close))
        elif (
            i + 2 < n
            and toks[i + 1].type in ("AMOUNT", "COUNT")
            and toks[i + 2].type == "LABEL"
            and toks[i + 2].text in CMP_CLOSE
            and CMP_OF.match(t.text)
        ):
            # `与2023年度的 6067.19 万元相比，…增加 Δ`: as `与2023年度 6067.19 万元相比` (the 相比 goes below)
            t.type = "CMP"
        elif t.text in CMP_CLOSE and _closes_comparison(toks, i):
            drop.add(i)
    if split:
        return _split_labels(toks, split, drop)
    return [t for k, t in enumerate(toks) if k not in drop] if drop else toks


def _comparison_span(words: str) -> tuple[int, int] | None:
    """Where the comparison in a label starts and ends: the whole of a label that is a comparison alone (`比上年`);
    after the name of what changed (`收支总预算比2025年`); before the name of the figure compared with (`较上年度资金
    总额`, `调整后预算比上年度资金总额`, not a share, a start or a copula: NOT_COMPARED). None for a label that holds
    no comparison so."""
    if CMP_ONLY.match(words):
        return 0, len(words)
    m = NAME_THEN_CMP.match(words)
    if m is not None:
        return m.start("cmp"), len(words)
    m = CMP_HEAD.match(words) or NAME_CMP_HEAD.match(words)
    if m is None or NOT_COMPARED.search(m.group("label")):
        return None
    return m.start("cmp"), m.end("cmp")


def _split_labels(toks: list[Tok], split: dict[int, tuple[int, int]], drop: set[int]) -> list[Tok]:
    """The tokens not dropped, each label of `split` cut where `split` says into the name before its comparison,
    the comparison and the name after it (each name where there are words)."""
    out: list[Tok] = []
    for k, t in enumerate(toks):
        span = split.get(k)
        if span is None:
            if k not in drop:
                out.append(t)
            continue
        a, b = t.start + span[0], t.start + span[1]
        if a > t.start:
            out.append(Tok("LABEL", t.text[: span[0]], t.start, a))
        out.append(Tok("CMP", t.text[span[0] : span[1]], a, b))
        if b < t.end:
            out.append(Tok("LABEL", t.text[span[1] :], b, t.end))
    return out


def _closing(toks: list[Tok], i: int) -> tuple[int, ...] | None:
    """Whether a move follows the figure compared with, at toks[i] or past a comma and the word closing the
    comparison (`相比`): the index of that word, which goes (None: no move follows)."""
    close: tuple[int, ...] = ()
    n = len(toks)
    if i < n and toks[i].type == "LABEL" and toks[i].text in CMP_CLOSE:
        close, i = (i,), i + 1
    if i < n and toks[i].type == "SEP" and toks[i].text == "，":
        i += 1
    return close if i < n and toks[i].type in MOVES else None


def _bracketed_value(toks: list[Tok], i: int) -> int | None:
    """A lone figure in brackets opening at toks[i], or one the year it is of names (`比上年（2023年度 4923.58
    万元）增加…`): the number of tokens before the figure after the bracket (0 or 1); None when it is neither."""
    if toks[i].type != "SEP" or toks[i].text not in OPENERS:
        return None
    dated = int(toks[i + 1].type == "LABEL" and PAST_YEAR.fullmatch(toks[i + 1].text) is not None)
    if i + 2 + dated >= len(toks):
        return None
    value, close = toks[i + 1 + dated], toks[i + 2 + dated]
    ok = value.type in VALUE_TYPES and close.type == "SEP" and close.text in CLOSERS
    return dated if ok else None


# the year a figure compared with is of, written before it in its brackets (`（2023年度 …）`, `（上年 …）`)
PAST_YEAR = regex(r"(?:(?:19|20)\d{2}|上)年度?(?:决算数|执行数|预算数)?(?:为|是)?")


def _closes_comparison(toks: list[Tok], i: int) -> bool:
    """Does the label at `i` (`相比`) close a comparison whose figure stands right before it, a move after it?"""
    if i < 2 or toks[i - 1].type not in VALUE_TYPES:
        return False
    opened = toks[i - 2].type == "CMP" or (i >= 3 and toks[i - 2].type == "LABEL" and toks[i - 3].type == "CMP")
    nxt = next((x for x in toks[i + 1 : i + 3] if x.type != "SEP"), None)
    return opened and nxt is not None and nxt.type in MOVES


def _is_of(toks: list[Tok], i: int) -> bool:
    """`完成年度目标 12,000 人的 104.17%`: 的 between a figure and the percentage it is the base of."""
    t = toks[i]
    nxt = toks[i + 1].type if i + 1 < len(toks) else None
    # (`占全部 41 个项目的 79.8%`: a count's noun may stand between it and 的)
    of_word = t.text in OF_WORDS or (i >= 1 and toks[i - 1].type == "COUNT" and bool(COUNT_NOUN_OF.match(t.text)))
    return (
        t.type == "LABEL"
        and of_word
        and nxt == "PCT"
        and i >= 2
        and toks[i - 1].type in ("AMOUNT", "COUNT")
        and toks[i - 2].type in ("LABEL", "RATE")
        # (`完成年初预算（不含上级补助）80.00 亿元的 p%`: a note in the words, the figure stated is the base it means)
        and bool(OF_LEAD.search(PAREN.sub("", _lead_words(toks, i - 2))))
    )


def _lead_words(toks: list[Tok], k: int) -> str:
    """The label at k with a 占 just before it (`占` `一般公共预算支出`: a 占 that did not complete a share)."""
    before = toks[k - 1] if k else None
    if before is not None and before.type == "LABEL" and before.text == "占" and before.end == toks[k].start:
        return before.text + toks[k].text
    return toks[k].text


REVENUE_MOVE = regex(f"{REVENUE_UP}|{REVENUE_DOWN}")
REVENUE_FALL = regex(REVENUE_DOWN)
# the moves of revenue or spending against an earlier period only (not 超收 / 短收 / 节支, against a budget)
PERIOD_MOVE = regex(r"增收|减收|增支|减支|多收|少收|多支|少支")
# last year's figure named by the period alone, in a clause of its own (`，上年同期 B`, `，去年为 B`)
LAST_YEARS_FIGURE = regex(r"[，,]?(?:上年同期|去年同期|上年度|上一年度|上年|去年)(?:为|是|：|:)?")


def _after_compared(toks: list[Tok], i: int) -> bool:
    """Does the label at i follow a comparison's figure (`比年初预算 80.00 亿元`), or last year's figure stated
    in a clause of its own (`收入 A，上年同期 B，增收 Δ`), a figure after it?"""
    if i < 2 or i + 1 >= len(toks) or toks[i + 1].type != "AMOUNT":
        return False
    if toks[i - 1].type == "SEP" and toks[i - 1].text in "，," and PERIOD_MOVE.fullmatch(toks[i].text):
        # (over or short of a budget, 超收 / 短收 / 节支, is no move against last year: not read so here)
        if i >= 3 and toks[i - 2].type == "AMOUNT" and _last_years_name(toks[i - 3]):
            return True
        # `同比增长 4.6%，增收 2551 万元`: the amount of the move the clause before states against last year; and
        # `契税 A，下降 p%，减收 Δ`, the move stated of the figure right before it with no comparison named: whatever
        # it was against, the amount is of that same move
        return (
            i >= 4
            and toks[i - 2].type == "PCT"
            and toks[i - 3].type in ("UP", "DOWN")
            and (_year_on_year(toks[i - 4]) or _moved_figure(toks, i - 4))
        ) or _rate_of_move_after(toks, i)
    if toks[i - 1].type != "AMOUNT":
        return False
    k = i - 2
    if toks[k].type == "LABEL":
        k -= 1
    return k >= 0 and toks[k].type == "CMP"


def _rate_of_move_after(toks: list[Tok], i: int) -> bool:
    """`国内增值税 A，增收 Δ，增长 p%`: the move stated right after the figure, its rate in the next clause with no
    comparison named between (the rate's own, against last year as an unnamed rate is): the amount is of that same
    move, as it is where the rate comes first (`契税 A，下降 p%，减收 Δ`). (Only the word and its amount between the
    figure and the rate: `收入 A，增收 Δ，完成预算的 r%` names no move the amount could be of.)"""
    return (
        toks[i - 2].type == "AMOUNT"
        and i + 4 < len(toks)
        and toks[i + 2].type == "SEP"
        and toks[i + 2].text in "，,"
        and toks[i + 3].type in ("UP", "DOWN")
        and toks[i + 3].text in MOVE_WORDS
        and toks[i + 4].type == "PCT"
    )


# the words of a move alone (`增长`, `下降`, `减少`: no comparison, no extent before the rate)
MOVE_WORDS = frozenset((*words("relations", "up"), *words("relations", "down")))


def _moved_figure(toks: list[Tok], k: int) -> bool:
    """Is the token at k, right before a move's word, the figure that moved (`A增长`, `A，增长`)?"""
    if toks[k].type == "SEP" and toks[k].text in "，,":
        k -= 1
    return k >= 0 and toks[k].type == "AMOUNT"


def _restated_year_on_year(toks: list[Tok]) -> list[Tok]:
    """`收入 X，较上年 B 同比下降 p%`: a `同比` between last year's figure, named by its comparison, and the move says
    that comparison again (the move is X's against B), no second comparison without a base: it is dropped."""
    drop = {
        i
        for i in range(2, len(toks) - 1)
        if toks[i].type == "CMP"
        and toks[i].text == "同比"
        and toks[i - 1].type == "AMOUNT"
        and _year_on_year(toks[i - 2])
        and toks[i - 2].text.strip("，, ") != "同比"
        and toks[i + 1].type in ("UP", "DOWN")
    }
    return [t for i, t in enumerate(toks) if i not in drop] if drop else toks


def _year_on_year(t: Tok) -> bool:
    """Is the token a comparison with the same period of last year (`同比`, `比上年`, `较上年同期`)?"""
    return t.type == "CMP" and YEAR_ON_YEAR_CMP.fullmatch(t.text.strip("，, ")) is not None


YEAR_ON_YEAR_CMP = regex(r"同比|(?:比|较)(?:上年|去年)(?:同期)?")


def _last_years_name(t: Tok) -> bool:
    """Is the token the bare name of last year's figure opening its own clause (`，上年同期`, `，去年为`)?"""
    return t.type == "LABEL" and LAST_YEARS_FIGURE.fullmatch(t.text.strip()) is not None


def _share_note_closed(out: list[Tok]) -> bool:
    """Do the tokens so far end with the closing bracket of a share in brackets (`（占 p%）`)?"""
    return (
        len(out) >= 3
        and out[-1].type == "SEP"
        and out[-1].text in "）)"
        and out[-2].type == "PCT"
        and out[-3].type == "SHARE"
    )


def _separator(toks: list[Tok], i: int, nxt: str | None, out: list[Tok]) -> None:
    """Keep, fuse or drop the separator at `i`: the one before a list's keyword says where the list ends
    (`（其中` ends at `）`) and is fused into it; before 占/增长/执行率/比上年 it is dropped (one token of
    lookahead suffices); of two separators in a row the stronger is kept, and a bracket with the other."""
    t = toks[i]
    if nxt == "SUBSET":
        if _share_note_closed(out):
            # `事业收入 a（占 p%），主要为…；其他收入 b`: the bracket held the share alone (its opener went with 占);
            # the keyword after it is of the entry, as with no bracket
            out.pop()
        toks[i + 1] = Tok("SUBSET", t.text + toks[i + 1].text, t.start, toks[i + 1].end)
    elif nxt in ("SHARE", "UP", "DOWN", "RATE", "CMP") or (out and out[-1].type == "SUBSET"):
        return
    elif out and out[-1].type == "SEP":
        prev = out[-1]
        if prev.text[-1:] in "（）()" and t.text not in "（）()":
            out.append(t)  # `…）；县区…`: the bracket closes, the ；still separates
        elif STRENGTH.get(t.text, 0) > STRENGTH.get(prev.text, 0):
            out[-1] = t  # `，；` → `；`: the stronger separator says where a list ends
    else:
        out.append(t)
