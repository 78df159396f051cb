"""Rates a sentence states of an outcome over its plan (`完成预算的 p%`, `执行率 p%`) and ratios of named figures."""

from __future__ import annotations

from tieout.linter.facts.definitions import common_tail
from tieout.linter.facts.model import Formula, Mention, Rate
from tieout.linter.facts.passes.base import (
    BEYOND_TARGET,
    BRACKET_AFTER,
    BRACKET_CLOSE,
    converted,
    exact_figure,
    last_phrase,
    per_unit_named,
)
from tieout.linter.facts.sentence.reader import Reader
from tieout.linter.facts.sentence.wording import (
    CLAUSE_BREAK,
    LAST_YEAR_NAMES,
    LAST_YEARS,
    OUTCOME_LABEL,
    SCORED,
    as_formula,
    left_over,
)
from tieout.linter.figures.context import BUDGET_STAGES
from tieout.linter.figures.intervals import writes_ratio
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.sentences import _Entry, _Rate
from tieout.linter.parse.tokens import ELLIPTIC_RATE
from tieout.linter.patterns import regex
from tieout.linter.vocab import alternation, load
from tieout.linter.vocab import relation_words as _alt

# a form's execution rate (`执行率：`, `预算执行率：`, `全年预算执行率：`), the lines of its budget and outcome
FORM_RATE = regex(r"(?:全年|年初|年度|调整后)?(?:预算|资金)?执行率")
FORM_BUDGET = regex("预算")
FORM_OUTCOME = regex("执行|实际|支出|发放")
FORM_SCOPE = regex("全年|年初|年度|调整后")
# a form's rate of one of its rows named by the row (`项目支出执行率：`, `基本支出执行率：` under `项目支出全年预算数：` and
# `项目支出全年执行数：`): the item the lines it is of open with
NAMED_FORM_RATE = regex(r"(?P<item>[\u4e00-\u9fff]{2,8}?)(?:全年|年初|年度|调整后)?(?:预算|资金)?执行率")


# a rate naming its numerator by its stage and its denominator as the budget just stated (`预算 B，决算数为预算数的`)
STAGE_OVER_BUDGET = regex(r"\s*[，,]\s*(?P<stage>决算数?|执行数)\s*(?:为|是|占)(?:年初)?预算数?的\s*")
# the words of a rate naming its numerator by its stage and its denominator by the budget's (`，决算数为调整预算的`)
NAMED_OUTCOME_OVER = regex(
    r"\s*[，,]\s*(?:支出|收入)?(?P<stage>决算数?|执行数)\s*(?:为|是|占|完成)(?P<budget>(?:年初|调整后?的?)?预算数?)的\s*"
)
# the next rate of that outcome over the other budget (`，完成调整预算的`, `，为调整预算的`)
OTHER_BUDGET_NEXT = regex(r"(?:完成|为|是|占)(?P<budget>(?:年初|调整后?的?)预算数?)的")
# the words naming a figure a budget, a plan or last year's, not the outcome: a fund's name is none of them
# (`一般公共预算财政拨款支出 X` is the outcome of that fund)
NOT_AN_OUTCOME = regex(rf"(?<!公共)(?<!基金)(?<!经营)预算|计划|{LAST_YEAR_NAMES}")


# what is left of a budget (`结余资金 7.65 万元`, `节约资金`)
# a note in brackets a rate's words carry (`完成年初预算（不含上级补助）的`): one that may make its base another
# than the one named (the tokens leave out those that cannot, a short name or `下同`: linter/parse/tokens.py)
BASE_NOTE = regex(r"（[^（）]+）")
# the name of a rate of what was spent or done (`资金执行率`, `支出进度`)
EXECUTION_RATE = regex(r"执行率|支出率|执行进度|支出进度")


def _whole_of_part(
    name: str, ops: list[Quantity], whole: Mention | None, siblings: list[Mention] | None
) -> Quantity | None:
    """`回收有效问卷 480 份，其中满意 432 份，满意度 90%`: a rate after the one part listed under 其中, named by that
    part's own word (满意, 合格), is the part over the whole it is listed under (returned), when the whole is
    named without that word (`实际到位 1,080 万元，其中市级资金到位 280 万元，到位率 70%` is the part's own rate,
    over its own budget)."""
    if len(ops) != 1 or whole is None or not siblings:
        return None
    total = whole.of_unit(ops[0].base_unit)
    part = next((p for p in siblings if ops[0] in p.quantities), None)
    word = RATE_WORD.search(name)
    if total is None or not total.exact or total.kind != ops[0].kind or part is None or word is None:
        return None
    return total if word.group("word") in part.label and word.group("word") not in whole.label else None


# the word a rate is of, before 率 or 度 (`满意度`, `合格率`, `资金到位率`: 满意, 合格, 到位)
RATE_WORD = regex(r"(?P<word>[\u4e00-\u9fff]{2})[率度]$")


def _sources_of_one_list(name: str, ops: list[Quantity], labels: list[str], siblings: list[Mention]) -> bool:
    """`资金 210 万元，其中市级 150 万元、区级 60 万元，全部到位，到位率 100%`: two sources of one list are no numerator
    and denominator of each other (an outcome among them is: `应配套 A，实际到位 B，到位率`, and so is a score:
    `其中决策指标 15 分，得 11.20 分，得分率 74.67%`, and what the rate counts: `发放 A，回收 B，回收率`)."""
    return (
        len(ops) >= 2
        and all(any(q in p.quantities for p in siblings) for q in ops)
        and not any(OUTCOME_LABEL.search(label) or SCORED.match(label) for label in labels)
        and not _one_names_the_rate(name, ops, labels)
    )


def _one_names_the_rate(name: str, ops: list[Quantity], labels: list[str]) -> bool:
    """Are two figures what a rate counts of what (`学生问卷发放 A，回收 B，回收率 p%` in a 其中 list: B is what 回收率
    counts, A what it is counted of — numerator and denominator, not two sources)? Only the second's label holds
    the rate's own word, and it is no more than the first (`其中市级到位资金 150 万元、区级资金 60 万元`: sources)."""
    word = RATE_WORD.search(name.rstrip("为是达到约=：:"))
    if len(ops) != 2 or len(labels) != 2 or word is None:
        return False
    first, second = (word.group("word") in label for label in labels)
    return second and not first and ops[1].base_value <= ops[0].base_value


# the noun two outcomes of different sources share at their end (`当年预算资金支出`, `上年结转资金支出`: 资金支出)
MIN_SHARED_TAIL = 2
# what a rate's name may carry after its word (`结转资金执行率为`)
RATE_NAME_TAIL = "为是达到约=：:"
# the words naming an outcome (支出, 到位, 拨付…): vocab relations.yaml `outcome_words`
OUTCOME_WORD = regex(f"(?:{_alt('outcome_words')})")


def rate_source(name: str) -> str:
    """What a rate's name says it is the rate of, before its word (`结转资金` of `结转资金执行率为`), or ''."""
    bare = name.rstrip(RATE_NAME_TAIL)
    word = RATE_WORD.search(bare)
    return bare[: word.start()].strip("，,、；; ") if word is not None else ""


def other_source(name: str, own: str, other: str) -> bool:
    """`当年预算资金支出 a，上年结转资金支出 b，结转资金执行率 100%`: is the figure labelled `other` the outcome of another
    source than the rate's, beside its own (labelled `own`)? The rate is named by its source (结转资金, before its
    word 执行率), which `own` names and `other` does not, the two named alike (ending with one noun naming an outcome,
    资金支出): two sources' spending, neither the plan of the other. Not where the name is of both (`应到位资金 A，实际
    到位资金 B，资金到位率`) or the labels end otherwise (`全年预算 A，项目资金支出 B，项目资金执行率`)."""
    source = rate_source(name)
    if len(source) < MIN_SHARED_TAIL or source not in own or source in other:
        return False
    shared = common_tail(own, other)
    return len(shared) >= MIN_SHARED_TAIL and OUTCOME_WORD.search(shared) is not None


def _of_named_source(name: str, ops: list[Quantity], mentions: list[Mention]) -> list[Quantity] | None:
    """The operands kept of a rate named by its source after two outcomes, one of that source and one of another
    (`other_source`): the first, the rate being its own, over a plan the sentence does not state. None where the
    rate is not so named."""
    if len(ops) != 2:
        return None
    labels = [next((m.label for m in mentions if q in m.quantities), "") for q in ops]
    for k in (0, 1):
        if all(labels) and other_source(name, labels[k], labels[1 - k]):
            return [ops[k]]
    return None


# the ideographs a part's rate may name between the part's name and the rate's word (`县级配套资金到位率`: 资金)
NAMED_RATE_GAP = 4


def _rate_named_by(text: str, head: str, word: str) -> bool:
    """Does the text name a rate of `word` by `head` (`县级配套` + at most four ideographs + `到位` + 率 or 度)? A scan
    for the head, not a pattern made of it: a pattern made for each rate's words would be compiled, and kept in the
    cache of compiled patterns, once per part's name."""
    start = text.find(head)
    while start >= 0:
        at = start + len(head)
        for k in range(at, min(at + NAMED_RATE_GAP, len(text)) + 1):
            if k > at and not "\u4e00" <= text[k - 1] <= "\u9fff":
                break
            if text.startswith(word, k) and text[k + len(word) : k + len(word) + 1] in ("率", "度"):
                return True
        start = text.find(head, start + 1)
    return False


def _subset_opened(text: str, begin: int, end: int) -> int:
    """Where the last 其中 between `begin` and `end` stands (-1: none), those in a bracket closed before `end`
    aside (`可用数 A（其中本年下达 a），实际支出 C，执行率 p%`: the bracket's 其中 notes A, the rate is not a's)."""
    at = text.rfind("其中", begin, end)
    while at >= 0 and _in_closed_bracket(text, begin, at, end):
        at = text.rfind("其中", begin, at)
    return at


def _in_closed_bracket(text: str, begin: int, at: int, end: int) -> bool:
    """Does `at` stand in a bracket (opened after `begin`) that closes before `end`?"""
    opened = max(text.rfind("（", begin, at), text.rfind("(", begin, at))
    closed = max(text.rfind("）", begin, at), text.rfind(")", begin, at))
    return opened > closed and any(ch in text[at:end] for ch in "）)")


# an execution rate named by no base (`执行率`, `预算执行率`), the outcome and the adjusted budget named by their stage
# alone (`全年执行数`, `全年预算数`), and an item's number opening a label (`2.`, `（2）`)
RATE_STAGE_ALONE = regex(r"[，,]?(?:预算|资金)?执行率(?:为|是|达到?)?")
SPENT_ALONE = regex(r"[，,]?全年(?:实际)?执行数?(?:为|是)?")
ADJUSTED_ALONE = regex(r"[，,]?全年预算数?(?:为|是)?")
ITEM_NUMBER = regex(r"^\s*(?:[（(]?\d{1,2}[)）]|\d{1,2}[.．、])\s*")


def _unnumbered(label: str) -> str:
    return ITEM_NUMBER.sub("", label, count=1).strip()


RESPECTIVE = "分别"  # the word of a list of figures each of its own item


class Rates(Reader):
    """Rates of an outcome over its plan."""

    def _rate(
        self,
        r: _Rate,
        si: int,
        mentions: list[Mention],
        siblings: list[Mention] | None = None,
        whole: Mention | None = None,
    ) -> None:
        formula = None
        if r.formula is not None:
            formula = as_formula(r.formula, si, r.name)
            self.facts.formulas.append(formula)
        if r.value is None:
            return
        # operands: the figures of the sentence before the rate and after any earlier rate
        floor = self._last_rate.get(si, -1)
        self._last_rate[si] = r.start
        # items of a list separated by ；are independent: a rate's operands stand in its own item; after 其中 a
        # rate is the subset's (`目标 25 个，完成 23 个，其中个别地区…，实际支出率为 0%`)
        begin = self.doc.sentences[si].start
        floor = max(floor, self.doc.text.rfind("；", begin, r.start), _subset_opened(self.doc.text, begin, r.start))
        ops, labels = self._own_operands(r, si, self._operands(r, mentions, floor), mentions)
        note = BASE_NOTE.search(r.name) if formula is None else None
        if note is not None:
            # `完成年初预算（不含上级补助）的 p%`: over a base the note makes another than the one its words name
            pair = self._noted_pair(note.group(), ops, mentions)
            if pair is not None:
                self.facts.rates.append(Rate(r.name, r.value, si, pair, [], None, ordered=True))
            return
        row_rate = NAMED_FORM_RATE.fullmatch(r.name) if not FORM_RATE.fullmatch(r.name) else None
        if not ops and (FORM_RATE.fullmatch(r.name) or row_rate is not None and not mentions):
            form = self._form_rate(si, r.name, r.value, mentions, row_rate.group("item") if row_rate else "")
            if form is not None:
                self.facts.rates.append(form)
                return
        total = _whole_of_part(r.name, ops, whole, siblings)
        if total is not None and whole is not None:
            ops.append(total)
            labels.append(whole.key)
        if siblings and _sources_of_one_list(r.name, ops, labels, siblings):
            ops, labels = [], []
        if not ops and (same := self._same_outcome(r.name, si)) is not None:
            # `完成年初预算的 a%、调整预算的 b%`: the second rate is of the first's outcome, over the budget it names
            self.facts.rates.append(Rate(r.name, r.value, si, [same[0]], [same[1]], formula, certain=False))
            return
        if not ops and (sibling := self._over_other_budget(r.name, si)) is not None:
            # `…，支出决算完成年初预算的 p%，完成调整预算的 q%`: the same outcome over the other budget stated
            self.facts.rates.append(Rate(r.name, r.value, si, *sibling, formula, ordered=True, certain=False))
            return
        named = self._outcome_before_budgets(r.value, si, mentions, ops)
        if named is not None:
            # (no operands where the outcome is not found: the budgets stated are none of the rate's numerator)
            self.facts.rates.append(Rate(r.name, r.value, si, *named, formula, ordered=True, certain=False))
            return
        # `“三公”经费支出决算 X。“三公”经费年初预算 B，决算数为预算数的 p%`: X over B, read across sentences; `一般公共服务
        # 支出 A，占…；年初预算 B，执行率 p%`: the item's outcome over the budget its next clause states (ordered: the
        # outcome over the budget; not certain: the numerator is found, not stated beside it)
        earlier = self._outcome_said_before(r.value, si, mentions, ops) or self._outcome_before_semicolon(
            r, si, mentions, ops
        )
        if earlier is not None:
            pair, names = [earlier[0], ops[0]], [earlier[1], labels[0]]
            self.facts.rates.append(Rate(r.name, r.value, si, pair, names, formula, ordered=True, certain=False))
            return
        budget = self._budget_item_before(r, si, mentions, ops)
        if budget is not None:
            # `1.全年预算数 P，…。` / `2.全年执行数 E，执行率 r%`: E over P, stated in the item before (not certain: read
            # across sentences)
            pair, names = [ops[0], budget[0]], [labels[0], budget[1]]
            self.facts.rates.append(Rate(r.name, r.value, si, pair, names, formula, ordered=True, certain=False))
            return
        self._plain_rate(r, si, (ops, labels), formula, total is not None)

    def _own_operands(
        self, r: _Rate, si: int, found: tuple[list[Quantity], list[str]], mentions: list[Mention]
    ) -> tuple[list[Quantity], list[str]]:
        """The operands found before the rate less those of another thing than the rate's: a part's figure where
        the part's rate is stated after it (`_part_rate_after`), another source's outcome (`_of_named_source`)."""
        ops, labels = found
        if self._part_rate_after(r, si, ops, mentions):
            return [], []
        own = _of_named_source(r.name, ops, mentions)
        return (own, [labels[ops.index(own[0])]]) if own is not None else found

    def _part_rate_after(self, r: _Rate, si: int, ops: list[Quantity], mentions: list[Mention]) -> bool:
        """`实际到位 A，其中县级配套到位 a，资金到位率 p%，县级配套资金到位率 q%`: is the rate after a part listed under
        其中 not the part's, a later rate of its word in the sentence being named by the part (县级配套, the part's
        name before that word) and this one not? The part's rate is that later one; this one is of the whole."""
        word = RATE_WORD.search(r.name.rstrip(RATE_NAME_TAIL))
        part = next((m for m in mentions if ops and ops[-1] in m.quantities), None)
        if word is None or part is None or len(ops) != 1 or not part.label.endswith(word.group("word")):
            return False
        head = part.label[: -len(word.group("word"))]
        sentence = self.doc.sentences[si]
        later = self.doc.text[r.value.end if r.value else r.start : sentence.end]
        return len(head) >= MIN_SHARED_TAIL and head not in r.name and _rate_named_by(later, head, word.group("word"))

    def _plain_rate(
        self, r: _Rate, si: int, found: tuple[list[Quantity], list[str]], formula: Formula | None, certain: bool
    ) -> None:
        """The rate over the figures before it in its sentence; over none for the first of rates each of its own
        item (`四个维度分别得 a、b、c、d 分，得分率分别为 p、q、r、s`: over what the sentence does not state, not over the
        figures before it taken together; the rate is kept, the moves after 分别 go one to each)."""
        if r.value is None:
            return
        if formula is None and RESPECTIVE in self.doc.text[r.start : r.value.start]:
            found = ([], [])
        self.facts.rates.append(Rate(r.name, r.value, si, *found, formula, certain))

    def _outcome_before_semicolon(
        self, r: _Rate, si: int, mentions: list[Mention], ops: list[Quantity]
    ) -> tuple[Quantity, str] | None:
        """(numerator, its name) of an execution rate whose clause, after a semicolon, states only a budget named by
        its stage alone (`支出合计 A，比上年 B 增加 Δ；调整预算为 C，预算执行率 p%`): the outcome is the figure the
        sentence opens with, before the semicolon — an amount of C's unit with a name of its own, of no budget stage
        and not last year's — where every other figure before the semicolon is a qualifier or last year's."""
        text, begin = self.doc.text, self.doc.sentences[si].start
        semi = max(text.rfind("；", begin, r.start), text.rfind(";", begin, r.start))
        if len(ops) != 1 or semi < 0 or ops[0].start < semi or not EXECUTION_RATE.search(r.name):
            return None
        budget = next((m for m in mentions if ops[0] in m.quantities), None)
        before = [m for m in mentions if m.quantities and m.quantities[-1].end <= semi]
        if budget is None or not before or len(budget.quantities) != 1:
            return None
        item, said = self.labeller.identify(budget.label)
        if item or said.stage not in BUDGET_STAGES:
            return None  # (a budget of an item named, `项目预算 C`: not the sentence's own figure's)
        lead, rest = before[0], before[1:]
        own_item, own = self.labeller.identify(lead.label)
        q = exact_figure(lead)
        if q is None or q.base_unit != ops[0].base_unit or q.kind != ops[0].kind or not own_item:
            return None
        if own.stage in BUDGET_STAGES or LAST_YEARS.search(lead.label) or id(lead) in self.d.parts:
            return None
        if any(not (self._qualifies(m) or LAST_YEARS.search(m.label)) for m in rest):
            return None  # another figure of its own before the semicolon: which one the rate is of is not said
        return q, lead.key

    def _budget_item_before(
        self, r: _Rate, si: int, mentions: list[Mention], ops: list[Quantity]
    ) -> tuple[Quantity, str] | None:
        """(denominator, its name) of an execution rate naming no base (`执行率 r%`) right after the one figure of its
        sentence, named by the outcome's stage alone (`2.全年执行数 E`), where its section states before it one budget
        named by the adjusted budget's stage alone (`1.全年预算数 P（年初预算数 B），其中：…`), in E's unit: the
        rate the self-assessment form defines, 全年执行数 over 全年预算数. An initial budget (年初) is not it; two
        adjusted budgets named so, or another figure before the rate in its sentence, leave it unread."""
        if len(ops) != 1 or RATE_STAGE_ALONE.fullmatch(r.name.strip()) is None:
            return None
        own = [m for m in mentions if m.quantities and m.quantities[0].start < r.start]
        if len(own) != 1 or ops[0] not in own[0].quantities or not SPENT_ALONE.fullmatch(_unnumbered(own[0].label)):
            return None
        here = self.doc.section_at(self.doc.sentences[si].start)
        if here is not None and ITEM_NUMBER.match(here.title):
            here = here.parent  # (a numbered item read as a heading of its own: the items are its parent's)
        if here is None:
            return None
        found: list[tuple[Quantity, str]] = []
        sj = si - 1
        while sj >= 0 and self.doc.sentences[sj].start >= here.start:
            found += [
                (q, m.key)
                for m in self.d.by_sentence.get(sj) or []
                if ADJUSTED_ALONE.fullmatch(_unnumbered(m.label))
                for q in m.quantities
                if q.base_unit == ops[0].base_unit and q.kind == ops[0].kind and q.exact
            ]
            sj -= 1
        return found[0] if len(found) == 1 else None

    def _noted_pair(self, note: str, ops: list[Quantity], mentions: list[Mention]) -> list[Quantity] | None:
        """[numerator, denominator] of a rate whose words carry a note on its base (`完成年初预算（不含上级补助）的`):
        its clause states two figures of one unit, one named with that very note (the base so restated) and the
        other not. Else None: the base the note means is not stated, and no figure named otherwise is it."""
        if len(ops) != 2 or ops[0].base_unit != ops[1].base_unit or ops[0].kind != ops[1].kind:
            return None
        noted = [q for q in ops for m in mentions if q in m.quantities and note in m.label]
        if len(noted) != 1:
            return None
        return [next(q for q in ops if q is not noted[0]), noted[0]]

    def _operands(self, r: _Rate, mentions: list[Mention], floor: int) -> tuple[list[Quantity], list[str]]:
        """The figures of the mentions after `floor` and before the rate that may be its operands, and their items."""
        ops: list[Quantity] = []
        labels: list[str] = []
        spent = EXECUTION_RATE.search(r.name) is not None
        parts = self._bracketed_parts(mentions)
        for m in mentions:
            if self._no_operand(m, ops) or (spent and left_over(m)):
                continue
            for q in m.quantities:
                if id(q) in parts:
                    continue  # `可用数 A（本年下达 a、上年结转 b）`: what A is made of, A's the operand
                if (
                    q.kind == "count"
                    and q.end <= r.start
                    and CLAUSE_BREAK.search(self.doc.text, q.end, r.start) is None
                ):
                    continue  # `2 个项目执行率达到 100%`: the count of what the rate is stated of, no operand
                if floor < q.start < r.start and q.kind in ("amount", "count") and q.exact:
                    ops.append(q)
                    labels.append(m.key)
        return ops, labels

    def _bracketed_parts(self, mentions: list[Mention]) -> set[int]:
        """The figures (by id) of a bracket right after an amount that they add up to exactly, two or more of its
        unit and nothing else in it (`可用数 A（本年下达 a、上年结转 b）`): the amount's parts, none a rate's operand
        beside it. A bracket whose figures do not add up to it (`完成 A（预算 B）`) may hold the rate's base."""
        text, out = self.doc.text, set[int]()
        figures = [q for m in mentions for q in m.quantities]
        for k, whole in enumerate(figures):
            if whole.kind != "amount" or not whole.exact:
                continue
            opened = BRACKET_AFTER.match(text, whole.end)
            closed = BRACKET_CLOSE.search(text, opened.end()) if opened is not None else None
            if closed is None:
                continue
            inside = [q for q in figures[k + 1 :] if q.end <= closed.start()]
            if (
                len(inside) >= 2
                and all(q.kind == "amount" and q.exact and q.base_unit == whole.base_unit for q in inside)
                and sum(q.base_value for q in inside) == whole.base_value
            ):
                out.update(id(q) for q in inside)
        return out

    def _no_operand(self, m: Mention, ops: list[Quantity]) -> bool:
        """Are the mention's figures none of a rate's operands, by its words?"""
        if self._note(m):
            return True  # `实际完成 43.1 亿元（含开发区 12.4 亿元），为调整预算的 67%`: the bracket notes a share of it
        if BEYOND_TARGET.search(m.label):
            return True  # `兑付 236 家，较目标多 36 家，完成率 118%`: the excess over the target is no operand
        if self._notes_a_percentage(m):
            return True  # `支出 X，增长 3.3%（上年同期 Y），完成预算的 p%`: Y notes the growth's base
        if self._counts_the_items(m):
            return True  # `三个项目预算合计 A，支出合计 B，执行率 p%`: 三个 says how many items A is of
        # `支出 2.0312 亿元，即 20312 万元，支出进度 p%`: the operand before restated in another unit
        return bool(ops and m.quantities) and converted(self.doc.text, ops[-1], m.quantities[0])

    def _counts_the_items(self, m: Mention) -> bool:
        """Is the figure a count with no name of its own (a period at most), whose words run on into the next
        figure's name (`四个项目预算合计 A`): it says how many things that figure is of, no measure of its own."""
        if len(m.quantities) != 1 or m.quantities[0].kind != "count":
            return False
        item, context = self.labeller.identify(m.label)
        if item or context.stage is not None:
            return False  # (`完成四个项目`: a count of what was done is a measure of its own)
        q = m.quantities[0]
        nxt = next((n for n in self.d.by_sentence.get(m.sentence) or [] if n.quantities and n.start >= q.end), None)
        return nxt is not None and CLAUSE_BREAK.search(self.doc.text, q.end, nxt.quantities[0].start) is None

    def _outcome_before_budgets(
        self, stated: Quantity, si: int, mentions: list[Mention], ops: list[Quantity]
    ) -> tuple[list[Quantity], list[str]] | None:
        """([numerator, denominator], names) of `…支出 X。年初预算为 A，调整预算为 B，决算数为调整预算的 p%`: the
        words name the numerator by its stage (决算数), every figure before them is a budget of no item named (the
        sentence goes on with the item of the one before), so the outcome is the one figure of the sentence right
        before, in its paragraph, of no budget, in the unit of the budget the words name (B: the one of that
        stage). Where either is not so certain, ([], []): a budget is never the outcome (None: not this reading)."""
        said = NAMED_OUTCOME_OVER.fullmatch(self.doc.text, ops[-1].end, stated.start) if ops else None
        owners = [m for m in mentions if any(q in ops for q in m.quantities)]
        if said is None or not owners:
            return None
        identify = self.labeller.identify
        if any(identify(m.label)[1].stage not in BUDGET_STAGES or identify(m.label)[0] for m in owners):
            return None  # an outcome among them, or a budget of an item named: read as before
        budget = identify(said.group("budget"))[1].stage
        dens = [(q, m) for m in owners if identify(m.label)[1].stage == budget for q in m.quantities if q in ops]
        # (`为预算的` after the initial and the adjusted budget: which one the words mean is not said)
        plain = said.group("budget").startswith("预算") and len(owners) > 1
        if len(dens) != 1 or plain or not self._same_paragraph(si - 1, si):
            return [], []
        den, owner = dens[0]
        num = self._outcome_just_before(si, identify(said.group("stage"))[1].stage, den)
        if num is None:
            return [], []
        budgets = [(q, m.key, identify(m.label)[1].stage) for m in owners for q in m.quantities if q in ops]
        self._outcome_over[si] = (num[0], num[1].key, budgets)
        return [num[0], den], [num[1].key, owner.key]

    def _same_outcome(self, name: str, si: int) -> tuple[Quantity, str] | None:
        """(the outcome, its name) of a rate listed right after another of the sentence without its own verb
        (`、调整预算的 b%`, ELLIPTIC_RATE): the first rate's numerator, where it has one for certain (its operands
        ordered, or its one operand)."""
        rates = self.facts.rates
        if not ELLIPTIC_RATE.fullmatch(name.strip()) or not rates or rates[-1].sentence != si:
            return None
        first = rates[-1]
        if first.ordered and len(first.operands) == 2 or not first.ordered and len(first.operands) == 1:
            return first.operands[0], first.labels[0] if first.labels else ""
        return None

    def _over_other_budget(self, name: str, si: int) -> tuple[list[Quantity], list[str]] | None:
        """([numerator, denominator], names) of the rate right after one `_outcome_before_budgets` read, in its
        sentence, that names the other budget (`年初预算 A，调整预算 B，支出决算完成年初预算的 p%，完成调整预算的 q%`):
        the same outcome over the one budget of that stage stated before them."""
        said = OTHER_BUDGET_NEXT.fullmatch(name.strip())
        before = self._outcome_over.get(si)
        if said is None or before is None:
            return None
        stage = self.labeller.identify(said.group("budget"))[1].stage
        num, key, budgets = before
        dens = [(q, k) for q, k, s in budgets if s == stage]
        if len(dens) != 1:
            return None
        return [num, dens[0][0]], [key, dens[0][1]]

    def _outcome_just_before(self, si: int, stage: str | None, den: Quantity) -> tuple[Quantity, Mention] | None:
        """The one figure of the sentence before that may be the outcome a rate over `den` names by `stage`: no
        part of a list, no budget, no last year's, of no other stage, in den's unit and kind."""
        identify = self.labeller.identify
        nums = [
            (q, m)
            for m in self.d.by_sentence.get(si - 1) or []
            if not self._qualifies(m)
            and id(m) not in self.d.parts
            and not NOT_AN_OUTCOME.search(m.label)
            and identify(m.label)[1].stage in (None, stage)
            and (q := exact_figure(m)) is not None
            and q.base_unit == den.base_unit
            and q.kind == den.kind
        ]
        return nums[0] if len(nums) == 1 else None

    def _outcome_said_before(
        self, stated: Quantity, si: int, mentions: list[Mention], ops: list[Quantity]
    ) -> tuple[Quantity, str] | None:
        """(numerator, its name) of `A 预算 B，决算数为预算数的 p%`, whose numerator the words name by its stage
        but the sentence does not state: the one figure of A's item at that stage in the nearest sentence before
        that states one, under the same heading, in the unit of B, not last year's. Two such figures there, or
        none in the paragraph, leave it unread."""
        if len(ops) != 1:
            return None
        said = STAGE_OVER_BUDGET.fullmatch(self.doc.text, ops[0].end, stated.start)
        den = next((m for m in mentions if ops[0] in m.quantities), None)
        if said is None or den is None:
            return None
        item, context = self.labeller.identify(den.label)
        if not item or context.stage != "预算":
            return None
        stage = self.labeller.identify(said.group("stage"))[1].stage
        found: list[tuple[Quantity, str]] = []
        sj = si - 1
        while not found and self._same_section(sj, si):
            # the nearest sentence stating the item at that stage (past a 其中 list of its parts)
            found = [
                (q, m.key)
                for m in self.d.by_sentence.get(sj) or []
                if self._of_item_at(m, item, stage, context.period)
                for q in m.quantities
                if q.base_unit == ops[0].base_unit and q.kind == ops[0].kind
            ]
            sj -= 1
        return found[0] if len(found) == 1 and found[0][0].exact and stage else None

    def _of_item_at(self, m: Mention, item: str, stage: str | None, period: str | None) -> bool:
        """Is the mention a figure of `item` (named with or without its 支出: `“三公”经费支出决算`) at `stage`, of
        no period other than `period`?"""
        own, context = self.labeller.identify(m.label)
        if own.removesuffix("支出") != item.removesuffix("支出") or context.stage != stage:
            return False
        if LAST_YEARS.search(m.label):
            return False  # last year's figure of the item is no numerator of this year's rate
        return not (period and context.period and period != context.period)

    def _form_rate(self, si: int, name: str, value: Quantity, mentions: list[Mention], item: str = "") -> Rate | None:
        """`执行率：96.55%` on a form's line of its own: the outcome over the budget stated on the form's lines
        right before it (`全年预算数：412.50` / `全年执行数：398.26`), one of each in one unit. Of two budgets
        (年初/全年) the one the rate's words name, else the one of the outcome's period words (全年执行数 of the
        全年预算数), else none. On a line of pairs (`其他资金　全年预算数：100.00　全年执行数：91.80　执行率：
        91.80%`) the pairs before it on its own line, never the lines above (those are another row's). A rate named by
        its row (`项目支出执行率：`, `item`) is of the lines named by the row, on a line of its own."""
        own = [m for m in mentions if m.quantities and m.quantities[0].end <= value.start]
        lines = own if own else self._form_lines_before(si)
        if item:
            # (a row's rate named by the row: the lines of that row alone, each named by it in full; the row's
            # name, `项目支出`, says nothing of budget or outcome)
            lines = [m for m in lines if m.label.startswith(item)]
        pair = _form_pair(lines, name, item)
        if pair is None:
            return None
        outcome, budget = pair
        num, den = outcome.quantities[0], budget.quantities[0]
        if num.base_unit != den.base_unit or not (num.exact and den.exact):
            return None
        return Rate(name, value, si, [num, den], [outcome.key, budget.key], None, ordered=True)

    def _of_ratio(
        self,
        e: _Entry,
        si: int,
        mentions: list[Mention],
        head: Mention | None = None,
        parts: list[Mention] | None = None,
    ) -> None:
        """`参保 12,500 人，完成年度目标 12,000 人的 104.17%`: the figure before over the one in the phrase. After
        two parts or more of a list (`余额 X，其中一般债务 a、专项债务 b，为限额 L 的 p%`, `head` its total) the ratio
        may be the last part's or the total's: read of the one of the two it is written of, of neither where both
        or none are."""
        den = next((q for q in e.qs if q.kind in ("amount", "count")), None)
        if den is None or e.of is None:
            return
        num = self._numerator_before(den, si, mentions, e.label)
        if num is not None and head is not None and parts and len(parts) >= 2:
            num = _part_or_total(num, exact_figure(head), den, e.of)
            if num is None:
                return
        key = self.labeller.split(e.label)[0]
        operands = [num, den] if num is not None else [den]
        self.facts.rates.append(Rate(f"{key}的比例", e.of, si, operands, [], None, ordered=True))

    def _numerator_before(self, den: Quantity, si: int, mentions: list[Mention], label: str) -> Quantity | None:
        """The figure an `…B 的 p%` phrase (`label` its words before B) is of: the last exact one before it of B's
        kind and unit, past a figure per one of a unit where the phrase names another thing (`_past_per_unit`)."""
        return _past_per_unit(self._numerators_before(den, si, mentions), label)

    def _numerators_before(self, den: Quantity, si: int, mentions: list[Mention]) -> list[tuple[Mention, Quantity]]:
        """The exact figures before an `…B 的 p%` phrase of B's kind and unit, nearest first, with their mentions."""
        # `支出 22.60 亿元，完成预算 23.05 亿元的 98.0%，占…支出 157.78 亿元的 14.3%`: the base of an earlier
        # percentage is no numerator of the next; the figure both are of is
        bases = self._references(si)  # and the base of a change is no numerator either
        start = self.doc.sentences[si].start
        return [
            (m, q)
            for m in reversed(mentions)
            if not self._bracketed(m)  # `收入 86.5 亿元（含开发区 12.3 亿元），为预算 84 亿元的 103.0%`
            for q in m.quantities
            if q.base_unit == den.base_unit
            and q.kind == den.kind
            and q.exact
            and id(q) not in bases
            # (nor a figure of a bracket closed before the phrase, `收入 A（税收收入 a、非税收入 b），为…`: a note on A)
            and not _in_closed_bracket(self.doc.text, start, q.start, den.start)
        ]


# the words a ratio's phrase names what it compares by, before its verb (`贷款发放额为上年 B 的 p%`: 贷款发放额)
RATIO_NAMED = regex(r"[，、；：,;:\s]*(?P<name>[\u4e00-\u9fff]*?)(?:为|是|相当于|达到|达|占|完成)")


def _past_per_unit(found: list[tuple[Mention, Quantity]], label: str) -> Quantity | None:
    """Of the figures before a ratio's phrase (`found`, nearest first), the one it is of. A figure per one of a unit
    (`发放贷款 A 万元，户均 a 万元`) is the average of the amount before it, not that amount. A phrase naming the
    average (`户均贷款为上年…`, `补贴标准为上年…`) is of the average; one the average's label ends with (`养护成本` after
    `每公里养护成本`) may be of it or of the whole and is read of neither; one naming the
    amount in its words and not the average (`贷款发放额为上年 B 的 p%`) is of the amount; any other, and one naming
    nothing (`，为上年 B 的 p%`) after both, may be of either and is read of neither."""
    if not found:
        return None
    nearest, q = found[0]
    if not per_unit_named(nearest.label):
        return q
    named = RATIO_NAMED.match(label)
    name = named.group("name") if named else ""
    amounts = [(m, x) for m, x in found if not per_unit_named(m.label)]
    if not name:
        return None if amounts else q
    if _names_average(name, nearest.label):
        return q
    if len(name) >= 2 and last_phrase(nearest.label).endswith(name):
        # (`每公里养护成本 a；养护成本为上年 B 的 p%`: the name the average ends with may be its own or the whole's, the
        # cost of all the kilometres — which, the words do not say)
        return None
    if amounts and _shares_word(name, last_phrase(amounts[0][0].label)) and not _shares_word(name, nearest.label):
        return amounts[0][1]
    return None


# a ratio's name ending in a word of a figure per one of a unit (`补贴标准`, `保障水平`: vocab unit_cost.rate_names)
PER_UNIT_RATE_NAME = regex(rf"(?:{alternation((load('relations').get('unit_cost') or {}).get('rate_names') or [])})$")


def _names_average(name: str, label: str) -> bool:
    """Does a ratio's name name the average labelled `label`: per one of a unit itself (`户均贷款`), or by a word of a
    figure per unit (`发放标准`)?"""
    return bool(per_unit_named(name) or PER_UNIT_RATE_NAME.search(name))


def _shares_word(name: str, label: str) -> bool:
    """Do a ratio's name and a figure's label share a word of two characters (`贷款` of `贷款发放额` and `发放创业担保
    贷款`)? Not a word of the year (`全年`, `本年`), which names the period, not what is compared."""
    return any("年" not in name[i : i + 2] and name[i : i + 2] in label for i in range(len(name) - 1))


def _form_pair(lines: list[Mention], name: str, item: str) -> tuple[Mention, Mention] | None:
    """The one outcome and the one budget among a form's lines (each named, after the row's name `item` where the
    rate names its row, by its field: `全年执行数`, `全年预算数`); of two budgets the one of the rate's or the
    outcome's period words."""
    field = {id(m): m.label.removeprefix(item) for m in lines}
    budgets = [m for m in lines if FORM_BUDGET.search(field[id(m)]) and not FORM_OUTCOME.search(field[id(m)])]
    outcomes = [m for m in lines if FORM_OUTCOME.search(field[id(m)]) and "预算" not in field[id(m)]]
    if len(outcomes) != 1 or not budgets:
        return None
    outcome = outcomes[0]
    if len(budgets) > 1:
        scope = FORM_SCOPE.match(name.removeprefix(item)) or FORM_SCOPE.match(field[id(outcome)])
        budgets = [m for m in budgets if scope is not None and field[id(m)].startswith(scope.group())]
    return (outcome, budgets[0]) if len(budgets) == 1 else None


def _part_or_total(num: Quantity, whole: Quantity | None, den: Quantity, of: Quantity) -> Quantity | None:
    """Of the last part of a list (`num`) and its total (`whole`), the one figure a ratio to `den` is written of
    (`余额 X，其中一般债务 a、专项债务 b，为限额 L 的 p%`); None where both or neither are. `num` where the total
    is no figure of den's unit."""
    if whole is None or whole.base_unit != den.base_unit or not den.base_value:
        return num
    written = [q for q in (num, whole) if writes_ratio(q.base_value, den.base_value, of)]
    return written[0] if len(written) == 1 else None
