"""Ratios defined by their names (vocab/ratios.yaml): `资产总额 A，负债总额 B，资产负债率 p%` is B / A, `批复概算 A，
实际完成投资 B，超概算 p%` is (B − A) / A; and a ratio naming both its figures, `流动资产与流动负债之比为 k`.

Read only where nothing is left open: each operand the one figure named so in the ratio's sentence (before the
ratio) and the sentence right before it in its paragraph, with one amount or count, both in one unit family. A
rate the sentence pass read from its place (its operands unordered) is replaced by the defined one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Mention, Rate
from tieout.linter.facts.passes.base import Completed, exact_figure, same_section
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex
from tieout.linter.vocab import alternation, load

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft


@dataclass(frozen=True, slots=True)
class Definition:
    """A ratio the vocabulary defines by its name (ratios.yaml): its kind and the words naming its operands."""

    name: str
    numerator: tuple[str, ...]
    denominator: tuple[str, ...]
    kind: str  # "quotient", "change" or "adjusted"
    plain: bool = False  # written as a plain number, no per cent (流动比率 2.58)
    # an adjusted ratio's figures taken from its numerator and added to it (客观增加因素, 客观减少因素)
    less: tuple[str, ...] = ()
    more: tuple[str, ...] = ()
    of: tuple[str, ...] = ()  # what an adjusted ratio's two sides are of, where their labels name more than a year
    # the items an operand not stated beside the ratio is found as in the whole document (债务率: the balance of the
    # debt section, the 综合财力 of the risk section), and the words before the name that make it a ratio of one kind
    whole: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()


def _definitions() -> dict[str, Definition]:
    data = load("ratios")
    return {
        str(name): Definition(
            str(name),
            tuple(v["numerator"]),
            tuple(v["denominator"]),
            kind,
            bool(v.get("plain")),
            tuple(v.get("less") or ()),
            tuple(v.get("more") or ()),
            tuple(v.get("of") or ()),
            tuple(v.get("whole") or ()),
            tuple(v.get("kinds") or ()),
        )
        for kind in ("quotient", "change", "adjusted")
        for name, v in (data.get(kind) or {}).items()
    }


DEFINITIONS = _definitions()
# the verbs of being a ratio's name may close its label with (`固定资产成新率为`, `整改率达到`)
BEING = ("为", "是", "达到", "达", "约为", "约")
# the ratio's name ends its label, a verb of being after it at most
NAMED = regex(f"(?P<name>{alternation(DEFINITIONS)})(?:{'|'.join(BEING)})?$")
# how a label naming a ratio ends: the last character of a name (率, 算), a verb of being after it at most; a label
# ending otherwise names none (`NAMED` not searched: most percentages are named by no defined ratio)
NAME_ENDINGS = tuple(sorted({name[-1] + verb for name in DEFINITIONS for verb in ("", *BEING)}))
# `流动资产与流动负债之比为 2.58`: the ratio of the first figure named to the second
BETWEEN = regex(r"(?:^|[，、；：:\s])(?P<num>[\u4e00-\u9fff]{2,12})与(?P<den>[\u4e00-\u9fff]{2,12})之比(?:为|是)?$")


def named_ratios(draft: Draft) -> Iterator[Rate | Completed]:
    read = {id(r.stated): r for r in draft.facts.rates}
    taken = {id(s.stated) for s in draft.facts.shares}
    rates: dict[int, list[Rate]] = {}
    for r in draft.facts.rates:
        rates.setdefault(r.sentence, []).append(r)
    # (`_defined` reads only a label ending as a ratio's name does or naming one between two figures: the sentences
    # holding no such label, most, are passed over, found by one walk of the figures and rates)
    named = {m.sentence for m in draft.facts.mentions if _may_name(_name_of(draft, m))}
    named.update(r.sentence for r in draft.facts.rates if _may_name(r.name))
    for si, said in draft.by_sentence.items():
        if si not in named:
            continue
        # the ratio as a figure of its own (`超概算 10.0%`, `…之比为 2.58`) or as a rate the sentence pass read
        # (only figures of a ratio's kinds are read: the others are left out here, not listed to be skipped below)
        stated = [
            (_name_of(draft, m), q)
            for m in said
            if len(m.quantities) == 1 and (q := m.quantities[0]).kind in RATIO_KINDS
        ]
        stated += [(r.name, r.stated) for r in rates.get(si, []) if not r.formula]
        for label, q in stated:
            if q.kind not in RATIO_KINDS or not q.exact or id(q) in taken:
                continue
            found = _defined(draft, si, _undefined(label.strip()), q)
            if found is None:
                continue
            taken.add(id(q))  # (a figure both a mention and a rate of the sentence is one ratio)
            original = read.get(id(q))
            yield found if original is None else Completed(original, found)


RATIO_KINDS = ("bare", "percent")  # a ratio is written in per cent or as a plain number
# where a clause starts: a ratio's words are those after it, up to its figure
CLAUSE_START = regex(r"[，,；;。：:]")
NAME_REACH = 24  # the characters before a ratio's figure its name may stand in


def _name_of(draft: Draft, m: Mention) -> str:
    """The figure's label; for a ratio the sentence reader gave none, the words of its clause before it: a share word
    closes its name (`；税收占比 64%` is read as a share of `税收`, a part no figure stands under), and the whole name
    is the ratio's."""
    if m.label.strip() or len(m.quantities) != 1 or m.quantities[0].kind not in RATIO_KINDS:
        return m.label
    text, q = draft.doc.text, m.quantities[0]
    # (a ratio's name is short: the words looked at are the few before the figure, not its whole sentence, which a
    # long one would make a walk per figure)
    start = max(draft.doc.sentences[m.sentence].start, q.start - NAME_REACH)
    breaks = list(CLAUSE_START.finditer(text, start, q.start))
    return text[breaks[-1].end() if breaks else start : q.start].strip()


# the definition a ratio's name may carry in brackets before its verb (`债务率（债务余额/综合财力）为`)
DEFINITION_NOTE = regex(
    r"(?P<name>[\u4e00-\u9fff]{1,4}率)[（(](?P<num>[\u4e00-\u9fff]{2,12})[/／÷](?P<den>[\u4e00-\u9fff]{2,12})[）)]"
    rf"(?P<verb>{'|'.join(BEING)})?$"
)


def _undefined(label: str) -> str:
    """The label less the bracket after the ratio's name that defines it as the vocabulary does (`债务率（债务余额/综合
    财力）为` → `债务率为`); as it stands where the bracket says anything else (`债务率（含隐性债务）`: another ratio)."""
    found = DEFINITION_NOTE.search(label)
    if found is None:
        return label
    d = next((d for name, d in DEFINITIONS.items() if label[: found.end("name")].endswith(name)), None)
    if d is None or not (_names_one(found["num"], d.numerator) and _names_one(found["den"], d.denominator)):
        return label
    return label[: found.end("name")] + (found["verb"] or "")


def _names_one(words: str, names: tuple[str, ...]) -> bool:
    return any(n in words for n in names)


def _may_name(label: str) -> bool:
    """Can `_defined` read a ratio of this label (stripped as it is read there): does it end as a ratio's name does
    (NAME_ENDINGS) or name one between two figures (之比)?"""
    words = _undefined(label.strip())
    return words.endswith(NAME_ENDINGS) or "之比" in words


def _defined(draft: Draft, si: int, label: str, q: Quantity) -> Rate | None:
    if q.kind not in RATIO_KINDS:
        return None  # (a ratio is written in per cent or as a plain number: see below; the labels not searched)
    named = NAMED.search(label) if label.endswith(NAME_ENDINGS) else None
    between = BETWEEN.search(label) if named is None and "之比" in label else None
    if named is not None:
        d = DEFINITIONS[named.group("name")]
    elif between is not None and q.kind == "bare":
        d = Definition(between.group(0), (between.group("num"),), (between.group("den"),), "quotient", plain=True)
    else:
        return None
    if q.kind != ("bare" if d.plain else "percent"):
        return None  # (a ratio written as a plain number is no per cent, and the others are said in per cent)
    around = _around(draft, si, q.start, label[: named.start()] if named is not None else "")
    if d.kind == "adjusted":
        # (an adjusted ratio closes an account of its figures, a sentence each: `年初 A，年末 B。本年注资 C，属客观
        # 增加因素，予以剔除。剔除后保值增值率为 p%`; each is still the one figure of its name there)
        around = _paragraph_before(draft, si, q.start)
    num, den = _operands(draft, si, d, around, label[: named.start()] if named is not None else None)
    if num is None or den is None or num is den or not _one_owner(num, den) or _part_between(draft, den, num):
        return None
    a, b = exact_figure(num), exact_figure(den)
    if a is None or b is None or a.base_unit != b.base_unit or len(num.quantities) != 1 or len(den.quantities) != 1:
        return None
    if d.kind == "adjusted":
        return _adjusted(draft, label, q, si, d, around, [num, den])
    return Rate(label, q, si, [a, b], [num.label, den.label], None, ordered=True, definition=d.kind)


def _part_between(draft: Draft, den: Mention, num: Mention) -> bool:
    """Does a part listed under the denominator stand between it and the numerator (`问题金额 T，其中：甲资金 a，已整改
    b，整改率 p%；乙资金…`)? The numerator may be what was done of that part, the ratio the part's (b / a), as well as
    the whole's: which is meant is not said."""
    if den.start >= num.start or not den.quantities:
        return False
    unit = den.quantities[-1].base_unit
    return any(
        den.start < m.start < num.start and draft.is_part(m) and any(q.base_unit == unit for q in m.quantities)
        for m in draft.by_sentence.get(num.sentence, [])
    )


# the fields two operands of a ratio must not differ in where both state them
OWNER_FIELDS = ("scope", "period", "stage")


def _one_owner(num: Mention, den: Mention) -> bool:
    """Are the two operands of one entity, year and stage where both say (`市本级税收收入 a` beside `全市一般公共预算
    收入 T`: the ratio after them is the 市本级's, whose revenue is not stated)?"""
    a, b = num.identity.context, den.identity.context
    return all(getattr(a, f) is None or getattr(b, f) is None or getattr(a, f) == getattr(b, f) for f in OWNER_FIELDS)


def _adjusted(
    draft: Draft, label: str, q: Quantity, si: int, d: Definition, around: list[Mention], sides: list[Mention]
) -> Rate | None:
    """`年初国有资本 A，年末 B。剔除…客观增加因素 C 后，国有资本保值增值率为 p%`: p is (B − C) / A, plus a figure named
    as what lowered B from outside where one is (`客观减少因素 D`). Each figure the one so named in the ratio's
    paragraph before it (by its label, by the words right after it: `注资 C，属客观增加因素`, or as the capital's
    movement those words name: `其中因注资等客观因素增加 C`), an exact amount of A's unit; none where the figure taken
    off is not named (what the ratio adjusts is not said)."""
    if not all(_of_it(m.label, d) for m in sides):
        return None
    less = _taken(draft, si, q.start, around, d.less, "up")
    more = _taken(draft, si, q.start, around, d.more, "down") if d.more else None
    if less is None:
        return None
    figures = [(id(m), exact_figure(m) if len(m.quantities) == 1 else None, m.label) for m in sides]
    figures += [x for x in (less, more) if x is not None]
    if len({key for key, _, _ in figures}) != len(figures):
        return None
    unit = sides[0].quantities[0].base_unit
    quantities = [x for _, x, _ in figures if x is not None and x.base_unit == unit]
    if len(quantities) != len(figures):
        return None
    return Rate(label, q, si, quantities, [name for _, _, name in figures], None, ordered=True, definition=d.kind)


def _taken(
    draft: Draft, si: int, before: int, around: list[Mention], names: tuple[str, ...], direction: str
) -> tuple[int, Quantity | None, str] | None:
    """The one figure of the paragraph before the ratio at `before` named as one of the names (by its label or the
    words right after it), else the one movement its words name so (`moved`); with what tells two figures apart."""
    m = _one(around, names) or _said_one(draft, around, names)
    if m is not None:
        return id(m), exact_figure(m) if len(m.quantities) == 1 else None, m.label
    return _moved(draft, si, before, names, direction)


def _moved(
    draft: Draft, si: int, before: int, names: tuple[str, ...], direction: str
) -> tuple[int, Quantity | None, str] | None:
    """`其中本年因财政注资等客观因素增加 C`: a movement the sentence reads as a change of nothing stated (no figure
    before it, no base), whose words with its verb name one of the names (`客观因素增加`), in the direction they
    name, in the ratio's paragraph before it; none for none or two."""
    paragraph = {sj for sj in draft.doc.paragraph_of(si) if sj <= si}
    found = []
    for c in draft.facts.changes:
        if c.sentence not in paragraph or c.current is not None or c.base is not None or len(c.movements) != 1:
            continue
        m = c.movements[0]
        x = m.quantity
        if x is None or x.kind != "amount" or not x.exact or x.approx or x.start >= before or m.direction != direction:
            continue
        said = c.label + m.word
        if any(n in said for n in names):
            found.append((id(c), x, said))
    return found[0] if len(found) == 1 else None


def _from_document(
    draft: Draft, d: Definition, owner: str, num: Mention | None, den: Mention | None
) -> tuple[Mention | None, Mention | None]:
    """A ratio's operands not stated beside it, each the one quantity of the document of its item (`whole`) with
    the scope and year of the other: `全区综合财力 D。…全区政府债务率为 p%` after `全区政府债务余额 N` far above. With
    neither beside it, the denominator is the one quantity of its item in the whole document, and the ratio's name
    says it is of that scope (`全区政府债务率`) or names none (`政府债务率`). None for a ratio of one kind of the
    quantity (`专项债务率`: its own balance and means), nor where two figures of an item differ."""
    if any(k in owner for k in d.kinds):
        return num, den
    if den is None:
        if num is not None:
            return num, _only(draft, d.whole, d.denominator, num)
        den = _only(draft, d.whole, d.denominator, None)
        if den is None or not _names_scope(owner, den.identity.context.scope or ""):
            return None, None
    return (num if num is not None else _only(draft, d.whole, d.numerator, den)), den


def _operands(
    draft: Draft, si: int, d: Definition, around: list[Mention], owner: str | None
) -> tuple[Mention | None, Mention | None]:
    """The ratio's numerator and denominator: each the one figure so named beside it, else (a ratio named by the
    vocabulary whose operands may stand elsewhere) the one quantity of the document so identified."""
    num, den = _one(around, d.numerator), _one(around, d.denominator)
    if den is None and num is not None and d.kind == "quotient":
        den = _among(draft, around, num, d.numerator)
    if d.whole and (num is None or den is None) and owner is not None and _alone(draft, si, around, d, num, den):
        num, den = _from_document(draft, d, owner, num, den)
    return num, den


def _alone(
    draft: Draft, si: int, around: list[Mention], d: Definition, num: Mention | None, den: Mention | None
) -> bool:
    """May the operands not found beside a ratio be sought in the whole document? Only where no figure beside it is
    named as one (two of them, `市本级综合财力 a，区县级综合财力 b，债务率 p%`, leave open which is meant, and are
    no license to take another) and the sentence states that ratio once (`市本级债务率 p%，区县级债务率 q%`: of two
    levels, each named otherwise than the document's figures)."""
    missing = [*(d.numerator if num is None else ()), *(d.denominator if den is None else ())]
    if any(w in m.label for m in around for w in missing):
        return False
    s = draft.doc.sentences[si]
    return draft.doc.text[s.start : s.end].count(d.name) == 1


# the words before a ratio's name that name no scope (`政府债务率`, `全区政府债务率`: the scope before them)
OWNER_FILLERS = regex(r"(?:地方)?(?:政府)?(?:的)?$")


def _names_scope(owner: str, scope: str) -> bool:
    rest = OWNER_FILLERS.sub("", owner.strip("，,；;：: "))
    return bool(scope) and (not rest or rest.endswith(scope))


def _only(draft: Draft, items: tuple[str, ...], words: tuple[str, ...], other: Mention | None) -> Mention | None:
    """The one quantity of the document whose identity's item is one of `items` holding one of `words` (not
    inferred, a scope and a year stated), of `other`'s scope and year where given: all its figures of one value."""
    names = {i for i in items if any(w in i for w in words)}
    found = [
        m
        for ms in draft.by_sentence.values()
        for m in ms
        if m.identity.item in names and not m.identity.inferred and len(m.quantities) == 1 and exact_figure(m)
    ]
    if other is not None:
        # (a figure of the item with its year or scope not stated is not set aside: it may be the one meant)
        found = [m for m in found if _not_elsewhere(m, other)]
    contexts = {(m.identity.context.scope, m.identity.context.period) for m in found}
    values = {q.base_value for m in found if (q := exact_figure(m)) is not None}
    if len(contexts) != 1 or len(values) != 1 or None in next(iter(contexts)):
        return None
    return found[0]


def _not_elsewhere(m: Mention, other: Mention) -> bool:
    """Is the figure not stated of another scope or year than `other` (the same, or left unsaid)?"""
    a, b = m.identity.context, other.identity.context
    if b.scope is None or b.period is None:
        return False
    return a.scope in (None, b.scope) and a.period in (None, b.period)


# a label's words around what it names: the punctuation before, a verb of being after
LABEL_EDGES = regex(r"^[，,；;。\s]+|(?:为|是|达到|达)?$")


def _of_it(label: str, d: Definition) -> bool:
    """Is a side of an adjusted ratio named by its year's word alone (`年末`) or as the thing the ratio is of
    (`年初国有资本`, `年末归属于母公司所有者权益`)?"""
    name = LABEL_EDGES.sub("", label)
    return name in (*d.numerator, *d.denominator) or any(w in name for w in d.of)


def _paragraph_before(draft: Draft, si: int, before: int) -> list[Mention]:
    """The figures of the ratio's paragraph before it."""
    return [
        m for sj in draft.doc.paragraph_of(si) if sj <= si for m in draft.by_sentence.get(sj, []) if m.start < before
    ]


def _said_one(draft: Draft, mentions: list[Mention], names: tuple[str, ...]) -> Mention | None:
    """The one figure the words right after it say is one of the names (`C，属客观增加因素`); none for none or two."""
    said = regex(rf"\s*[，,]\s*(?:属于|属|为|系|是)(?:{alternation(names)})")
    text = draft.doc.text
    found = [m for m in mentions if m.quantities and said.match(text, m.quantities[-1].end)]
    return found[0] if len(found) == 1 else None


def _around(draft: Draft, si: int, before: int, owner: str = "") -> list[Mention]:
    """The figures of the ratio's sentence before it, and of the sentence right before in its paragraph. A ratio
    opening a paragraph of its own under the same heading, with no figure before it in its sentence, takes the
    sentence right before where the ratio names whose it is (`全市国有企业平均资产负债率为 p%`) and that sentence's
    first figure is named so (`全市国有企业资产总额 A，负债总额 B。`): the same entity's figures, not another's."""
    sentences = draft.doc.sentences
    own = [m for m in draft.by_sentence.get(si, []) if m.start < before]
    if si == 0:
        return own
    before_it = draft.by_sentence.get(si - 1, [])
    if sentences[si - 1].paragraph != sentences[si].paragraph:
        if own or not _owned(draft, si, before_it, owner):
            return own
    return [*before_it, *own]


# what a ratio's name says before the ratio besides whose it is (`平均资产负债率`: the aggregate's ratio)
RATIO_LEAD = regex(r"(?:的|之)?(?:平均|综合|整体|总体)?$")


def _owned(draft: Draft, si: int, before: list[Mention], owner: str) -> bool:
    """Does the ratio's name say whose it is, as the first figure of the sentence before names it, under the same
    heading (`全市国有企业平均资产负债率` after `全市国有企业资产总额 A，…`)?"""
    who = RATIO_LEAD.sub("", owner.strip("，,；; "))
    if len(who) < 4 or not before or not same_section(draft, before[0].start, draft.doc.sentences[si].start):
        return False
    return before[0].label.strip("，,；; ").startswith(who)


def _one(mentions: list[Mention], names: tuple[str, ...]) -> Mention | None:
    """The one figure whose label holds one of the names (none when two are so named: which is meant is open)."""
    found = [m for m in mentions if any(n in m.label for n in names)]
    return found[0] if len(found) == 1 else None


# what a count stated right before its part names as the whole the part is among (`55 个问题中已完成整改 47 个`): the
# things counted, then 中, then the words of the numerator alone
AMONG = regex(r"[\u4e00-\u9fff]{1,8}?中[，,]?(?P<part>[\u4e00-\u9fff]{1,12})")


def _among(draft: Draft, mentions: list[Mention], num: Mention, words: tuple[str, ...]) -> Mention | None:
    """The count the numerator is counted among (`N 个问题中已整改 M 个，整改率 p%`: M of N): the figure right
    before it, of its unit, the words between them naming what it counts followed by 中 and a numerator word
    alone (`40 个项目中，已整改问题 28 个` counts problems among projects: no part of them). Read of counts only:
    an amount before `中` is no whole of the things counted after it."""
    k = next((i for i, m in enumerate(mentions) if m is num), 0)
    if k == 0 or len(num.quantities) != 1:
        return None
    before, q = mentions[k - 1], num.quantities[0]
    whole = before.quantities[-1] if before.quantities else None
    if whole is None or whole.kind != "count" or q.kind != "count" or whole.unit != q.unit:
        return None
    among = AMONG.fullmatch(draft.doc.text, whole.end, q.start)
    part = among.group("part") if among is not None else ""
    return before if part in words or part.removeprefix("已") in words else None
