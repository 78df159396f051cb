"""Totals that are by definition the sum of named components (vocab/sums.yaml): a breakdown whose parts
cover such a definition is complete, whatever word opens its list."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from os.path import commonprefix

from tieout.linter.facts.model import Mention
from tieout.linter.patterns import regex
from tieout.linter.vocab import load, words

OPTIONAL = "optional"
# a wording that names its component only as the whole name (`=财政拨款`): not as the end or the start of a longer
# one (`当年财政拨款` is a 绩效自评表's, whose year's funds have a third part the 申报表's have not)
EXACT = "="
NOISE = regex(r"[“”\"'（）()\s]")
# what a report adds to a component's name (`因公出国（境）费支出决算`)
TRAILING = regex(r"(?:支出|决算数|决算|预算数|预算|执行数|数|安排)+$")
# what a report adds to a total's name to say it is one (`政府采购预算合计`, `三公经费总额`: the total of 政府采购预算,
# of 三公经费); a part's name keeps it (`本年支出合计` is a part of 支出总计 as it is)
TOTAL_WORD = regex(r"(?:合计|总计|总额)$")
# what an execution report adds to a total's name to say the figure is what was achieved of it (`一般公共预算收入完成
# X`, `一般公共预算支出执行 Y`): the total it names is the same (its parts are named so too, `税收收入完成 a`, and
# are matched by how their names start)
ACHIEVED = regex(r"(?:完成|执行|实现)$")
# a total said to be of the two figures before it (`二者合计`, `两者之和`, `以上两项共计`)
SUMS_THE_TWO = regex(r"^[，,、；;]?\s*(?:(?:以上|上述)?两项|二者|两者)(?:合计|共计|总计|之和)")


# compared by identity (each made once, in `definitions`): it keys the caches below, where hashing its
# nested tuples of wordings on every call cost more than the lookup saved
@dataclass(frozen=True, slots=True, eq=False)
class Definition:
    """A sum the vocabulary defines (sums.yaml): the wordings of its total and of its components."""

    totals: tuple[str, ...]
    components: tuple[tuple[tuple[str, ...], bool], ...]  # (wordings, optional)
    exact: tuple[frozenset[str], ...] = ()  # per component, the wordings matched as whole names only
    named: bool = False  # held only where the total is named as the definition's (not by its parts alone)
    nil_stated: bool = False  # a closed set whose items a text may state as nil in words (`未购置公务用车`)


def _norm(text: str) -> str:
    return NOISE.sub("", text)


@lru_cache(maxsize=1)
def definitions() -> tuple[Definition, ...]:
    out = []
    for entry in load("sums") or []:
        if entry.get("tables"):
            continue  # (a definition held in a table's rows only, where every row of the total is shown)
        components, exact = [], []
        for wordings in entry.get("parts") or []:
            words = [str(w) for w in wordings if w != OPTIONAL]
            loose = tuple(_norm(w) for w in words if not w.startswith(EXACT))
            components.append((loose, OPTIONAL in wordings))
            exact.append(frozenset(_norm(w[len(EXACT) :]) for w in words if w.startswith(EXACT)))
        totals = tuple(_norm(str(t)) for t in entry.get("total") or [])
        nil = bool(entry.get("nil_stated"))
        out.append(Definition(totals, tuple(components), tuple(exact), bool(entry.get("named")), nil))
    return tuple(out)


def _names(m: Mention) -> tuple[str, ...]:
    """The names a mention goes by: its label's key and its identity's item, with and without what reports
    add to them."""
    return _variants(m.key, m.identity.item)


# The functions below are pure functions of strings and of a definition (a frozen value), asked again and
# again for the same mentions by the passes and the checks: each answer is computed once.
@lru_cache(maxsize=16384)
def _variants(*texts: str) -> tuple[str, ...]:
    """Names as compared with a definition's wordings: normalised, with and without what reports add to them
    (`因公出国（境）费支出决算` is a 因公出国境费)."""
    names = {_norm(t) for t in texts}
    names |= {TRAILING.sub("", n) for n in names}
    return tuple(n for n in names if n)


@lru_cache(maxsize=16384)
def _as_totals(names: tuple[str, ...]) -> tuple[str, ...]:
    """The names as compared with a definition's total: as written, and bare of a total's word and what reports add
    (`一般公共预算收入合计` is a 一般公共预算收入), each name read once for all the definitions."""
    achieved = {ACHIEVED.sub("", n) for n in names}
    bare = {TRAILING.sub("", TOTAL_WORD.sub("", n)) for n in achieved}
    return tuple(n for n in dict.fromkeys((*names, *achieved, *bare)) if n)


@lru_cache(maxsize=16384)
def _totals(d: Definition, names: tuple[str, ...]) -> bool:
    # (a total of an aggregate across the classification, `民生支出合计`, is no 支出合计 its definition spells)
    cross = _cross_cutting()
    return any(n.endswith(d.totals) and not any(c in n for c in cross) for n in _as_totals(names))


def _is_total(d: Definition, m: Mention) -> bool:
    return _totals(d, _names(m))


def _found(d: Definition, parts: list[Mention]) -> set[int] | None:
    """The components the parts are, when each is one and no two the same one; else None."""
    return _found_by_names(d, [_names(p) for p in parts])


def _found_by_names(d: Definition, names: list[tuple[str, ...]]) -> set[int] | None:
    """`_found` of parts given by their names (read once for all the definitions a list is held to); the
    first part that is no component, or a component already found, ends the search."""
    found: set[int] = set()
    for part in names:
        i = _component_of(d, part)
        if i is None or i in found:
            return None
        found.add(i)
    return found


@lru_cache(maxsize=256)
def _required(d: Definition, every: bool = False) -> frozenset[int]:
    """The components a list must name: the required ones (`every`: the optional ones too)."""
    return frozenset(i for i, (_, optional) in enumerate(d.components) if every or not optional)


def _covers(d: Definition, parts: list[Mention], every: bool = False) -> bool:
    """Do the parts cover, one each, every required component of the definition (`every`: every component,
    the optional ones too), and nothing else?"""
    found = _found(d, parts)
    return found is not None and _required(d, every) <= found


def _component(d: Definition, m: Mention) -> int | None:
    return _component_of(d, _names(m))


@lru_cache(maxsize=16384)
def _component_of(d: Definition, names: tuple[str, ...]) -> int | None:
    # a name that is a wording, ends with one or starts with one (equal ends with it): the wordings are
    # tried at once by str.startswith / str.endswith of the tuple
    for i, (wordings, _) in enumerate(d.components):
        if any(n.startswith(wordings) or n.endswith(wordings) or n in d.exact[i] for n in names):
            return i
    return None


# the word that joins the two things a total is named by (`公务用车购置及运行费`, `土地增值税和契税`)
CONJUNCTION = regex(r"及|和|与")
ENUMERATED = regex(r"、")  # names listed before the joined pair
MIN_STEM = 2  # a part's own name, less the noun it shares with the other, has two characters at least


def conjoined(total: Mention, parts: list[Mention]) -> bool:
    """Is the total named by exactly its two parts joined (`公务用车购置及运行费 X（购置费 a，运行费 b）`,
    `土地增值税和契税合计 X，其中土地增值税 a、契税 b`)? Its name, less a total's word, holds one 及/和/与; the first
    part is what stands before it (the noun both share, written once at the end, `费`, added), the second
    what stands after it, each maybe with the words before the first (`公务用车购置费`)."""
    if len(parts) != 2:
        return False
    for name in _names(total):
        halves = CONJUNCTION.split(TOTAL_WORD.sub("", name))
        # (`短期借款、…、长期借款和应付债券合计`: the 和 closes a longer enumeration, of more things than two)
        if len(halves) == 2 and all(len(h) >= MIN_STEM for h in halves) and not ENUMERATED.search(halves[0]):
            if any(_joins(halves[0], halves[1], a, b) for a in _names(parts[0]) for b in _names(parts[1])):
                return True
    return False


def _joins(left: str, right: str, first: str, second: str) -> bool:
    """`左及右` named by `first` and `second`: the first is the left half, or its end after words both share
    (`公务用车`), with the noun both parts end with added where the left half leaves it out (`购置费` of
    `公务用车购置`); the second is the right half, with those shared words or without."""
    shared = common_tail(first, second)
    stem = first[: -len(shared)] if shared and not left.endswith(shared) and right.endswith(shared) else first
    if len(stem) < MIN_STEM or not left.endswith(stem):
        return False
    return second in (right, left[: len(left) - len(stem)] + right)


def common_tail(*names: str) -> str:
    """The characters all the names end with (`指标` of `产出指标`, `成本指标`)."""
    return commonprefix([n[::-1] for n in names])[::-1] if names else ""


def complete(total: Mention, parts: list[Mention]) -> bool:
    """Do the parts cover, one each, every required component of a definition, and nothing else? Of a
    definition of the total; or, where the parts are exactly all the components of one (`其中：基本支出 A，项目
    支出 B`: spending split by kind), of that definition whatever the total is called."""
    names = [_names(p) for p in parts]
    if _of_one_kind(total, names):
        return conjoined(total, parts)
    # the total by its words as written too (a synonym may have renamed `政府采购支出总额` as a 支出合计)
    totals = (*_names(total), *_variants(total.label))
    covered = [(d, exact) for d in definitions() if (exact := _covers_exactly(d, names)) is not None]
    # (parts that all open with a word naming what one of those definitions totals, `新增一般债券`, `新增专项债券`,
    # are that one's: the looser wordings, `一般债券`, also name components of its siblings, the 再融资债券)
    qualifier = commonprefix([_norm(p.key) for p in parts])
    own = [(d, e) for d, e in covered if len(qualifier) >= 2 and any(t.startswith(qualifier) for t in d.totals)]
    for d, exact in own or covered:
        if _totals(d, totals):
            return True
        # (all the components of a definition whatever the total is called — unless the parts name what they make
        # and it is one component of what the total is named: `政府债券 X。其中：新增一般债券 a，新增专项债券 b；
        # 再融资债券 c`, while `发行政府债券 X，其中一般债券 a、专项债券 b`, by the kind of debt alone, is all of X)
        if exact and not d.named and not (own and _one_component_of_named(d, totals)):
            return True
    return conjoined(total, parts)


# kinds of one thing set side by side (relations.yaml parallel_kinds: 一般债务, 专项债务)
PARALLEL_KINDS: tuple[tuple[str, ...], ...] = tuple(
    tuple(str(k) for k in kinds) for kinds in load("relations").get("parallel_kinds") or []
)


def _of_one_kind(total: Mention, names: list[tuple[str, ...]]) -> bool:
    """Do the parts open with one kind of a pair set side by side (`其中，一般债务还本 a、付息 b；专项债务…`) that the
    total's name does not name, and name none of its siblings? They are then that kind's components, which cover
    that kind's definition (its 还本付息), not the total's of all kinds: the list of the others may follow."""
    said = "".join(_names(total)) + _norm(total.label)
    for kinds in PARALLEL_KINDS:
        if any(k in said for k in kinds):
            continue
        opening = {k for k in kinds for part in names if any(n.startswith(k) and len(n) > len(k) for n in part)}
        named = {k for k in kinds for part in names if any(k in n for n in part)}
        if len(opening) == 1 and named == opening:
            return True
    return False


def _one_component_of_named(d: Definition, totals: tuple[str, ...]) -> bool:
    """Is what the definition totals one component of a definition the total is named as?"""
    return any(_component_of(w, d.totals) is not None for w in definitions() if _totals(w, totals))


def _covers_exactly(d: Definition, names: list[tuple[str, ...]]) -> bool | None:
    """None unless the parts (by their names) cover every required component of the definition, one each;
    then whether they are exactly its required components, two or more."""
    found, required = _found_by_names(d, names), _required(d)
    if found is None or not required <= found:
        return None
    return len(required) >= 2 and found == required


def of_total(total: Mention, parts: list[Mention]) -> bool:
    """Do the parts cover, one each, every required component of a definition of the total itself (not of
    whatever they are all the components of)? The total by its key, its item or its words as written (a
    synonym may have renamed `政府采购支出总额` as a 支出合计)."""
    names = (*_names(total), *_variants(total.label))
    return any(_covers(d, parts) for d in definitions() if _totals(d, names))


def of_named_total(name: str, parts: list[Mention]) -> bool:
    """`of_total` of a total known by a name its words do not spell out as such (its item under its fund,
    `一般公共预算收入`, where the words add what became of it: `一般公共预算收入完成`)."""
    names = _variants(name)
    return any(_covers(d, parts) for d in definitions() if _totals(d, names))


def leaves_optional(total: Mention, parts: list[Mention]) -> bool:
    """Do the parts cover a definition of the total (or, as in `complete`, one they are all the required
    components of) but leave an optional component unnamed? A report names that component only where it has
    one (`经营支出` of a unit that runs a business): the list may fall short of its total by it."""
    if len(parts) == 2 and SUMS_THE_TWO.match(total.label):
        return False  # `二者合计 T`: the words say the total is the two figures before it, and nothing else
    names = [_names(p) for p in parts]
    for d in definitions():
        found, required = _found_by_names(d, names), _required(d)
        if found is None or not required <= found or found == _required(d, every=True):
            continue
        if _is_total(d, total) or (len(required) >= 2 and found == required and not d.named):
            return True
    return False


def defines(whole: str, parts: list[Mention]) -> bool:
    """Is `whole`, a name with no figure (`“三公”经费`), a defined total whose components the parts cover, every
    one of them (an optional component left unnamed may be what the shares falling short of 100% are)?"""
    names = _variants(whole)
    return any(
        _covers(d, parts, every=True) and not _named_as_another(d, parts) for d in definitions() if _totals(d, names)
    )


def _named_as_another(d: Definition, parts: list[Mention]) -> bool:
    """Is a part named, word for word, as a component of another definition, and only by a longer name than the
    wording of `d` it starts or ends with (`一般债务余额`, a component of 债务余额, is no 一般债务 of 债务限额)?"""
    own = _component_wordings(d)
    for p in parts:
        names = _names(p)
        if not any(n in own for n in names) and any(n in _wordings_elsewhere(d) for n in names):
            return True
    return False


@lru_cache(maxsize=1024)
def _component_wordings(d: Definition) -> frozenset[str]:
    """Every wording of the definition's components, in one set: asked of each part of each list compared."""
    return frozenset(w for wordings, _ in d.components for w in wordings)


@lru_cache(maxsize=1024)
def _wordings_elsewhere(d: Definition) -> frozenset[str]:
    """Every wording of a component of a definition other than `d`, in one set (made once, not per part)."""
    return frozenset().union(*(_component_wordings(other) for other in definitions() if other is not d))


def splits(whole: str, parts: list[Mention]) -> bool:
    """Are the parts, one each, exactly the required components (two or more) of a definition whose total
    `whole` names (`总支出` of 基本支出 and 项目支出)? The whole is then their sum, unless an optional component
    the list leaves out is not zero."""
    names = [_names(p) for p in parts]
    wanted = _variants(whole)
    for d in definitions():
        found, required = _found_by_names(d, names), _required(d)
        if found == required and len(required) >= 2 and _totals(d, wanted) and not _named_as_another(d, parts):
            return True
    return False


def complete_every(total: Mention, parts: list[Mention]) -> bool:
    """Do the parts cover every component of the total's definition, the optional ones too? (A list read from
    the layout, not the words, is held to its total only so.)"""
    return any(_covers(d, parts, every=True) for d in definitions() if _is_total(d, total))


def outside(total: Mention, m: Mention) -> bool:
    """Is the total one of a closed definition (every component required: 三公经费) of which `m` is no component
    (`会议费` after `“三公”经费 …，其中：`)? A definition with optional components may be worded otherwise in a
    report (a province's 单位预留机动经费): it closes nothing."""
    ds = [d for d in definitions() if _is_total(d, total)]
    closed = bool(ds) and all(not optional for d in ds for _, optional in d.components)
    return closed and all(_component(d, m) is None for d in ds)


def cover(total: Mention, mentions: list[Mention]) -> list[Mention] | None:
    """The mentions that are, one each, the components of a definition of the total (the first that names each
    component), when they name every required one: the overall score's four first-level indicators among
    scores that also list the indicators below them. None when no definition of the total is covered."""
    for d in definitions():
        if not _is_total(d, total):
            continue
        picked: dict[int, Mention] = {}
        for m in mentions:
            i = _component(d, m)
            if i is not None and i not in picked:
                picked[i] = m
        if len(picked) >= 2 and _required(d) <= set(picked):
            return [m for m in mentions if any(m is x for x in picked.values())]
    return None


def defined(m: Mention) -> bool:
    """Is the mention, by its name, the total of a definition (一般公共预算收入)?"""
    return _defines(_names(m))


@lru_cache(maxsize=16384)
def _defines(names: tuple[str, ...]) -> bool:
    # (asked of every figure of a document: answered once per name, and for most names, which end as no total does,
    # by one test of all the definitions' wordings at once before any definition is tried)
    if not any(n.endswith(_all_totals()) for n in _as_totals(names)):
        return False
    return any(_totals(d, names) for d in definitions())


@lru_cache(maxsize=1)
def _all_totals() -> tuple[str, ...]:
    """Every wording a definition's total goes by."""
    return tuple({w for d in definitions() for w in d.totals})


def totals_alike(a: Mention, b: Mention) -> bool:
    """Are the two mentions, by their names, totals of one definition (two figures named 一般公共预算收入)?"""
    if not (defined(a) and defined(b)):
        return False
    return any(_is_total(d, a) and _is_total(d, b) for d in definitions())


def cover_once(total: Mention, mentions: list[Mention]) -> list[Mention] | None:
    """The mentions that are the components of a definition of the total where each component is named by one of
    them only, and every required one is (two figures named `税收收入` leave open which is the part: none)."""
    for d in definitions():
        if not _is_total(d, total):
            continue
        named: dict[int, list[Mention]] = {}
        for m in mentions:
            if (i := _component(d, m)) is not None:
                named.setdefault(i, []).append(m)
        if len(named) >= 2 and _required(d) <= set(named) and all(len(ms) == 1 for ms in named.values()):
            return [ms[0] for _, ms in sorted(named.items(), key=lambda x: x[1][0].start)]
    return None


def siblings(a: Mention, b: Mention) -> bool:
    """Are the two components of one definition (本年收入合计 and 年初结转和结余 of 收入总计): side by side, never
    one a part of the other?"""
    return any(
        (i := _component(d, a)) is not None and (j := _component(d, b)) is not None and i != j for d in definitions()
    )


def is_component(m: Mention) -> bool:
    """Is the mention, by its name, a component of a defined total (税收收入, 非税收入 of 一般公共预算收入)?"""
    return any(_component(d, m) is not None and not _is_total(d, m) for d in definitions())


@lru_cache(maxsize=1)
def _cross_cutting() -> frozenset[str]:
    return frozenset(_norm(w) for w in words("relations", "cross_cutting"))


def overlapping(parts: list[Mention]) -> bool:
    """Are two of the parts aggregates that cut across the classification (民生支出, “三保”支出: vocab
    relations.yaml `cross_cutting`), which overlap, so the parts are no exclusive shares of one whole?"""
    cross = _cross_cutting()
    return sum(1 for p in parts if any(n in cross for n in _names(p))) >= 2


# what opens a name in a list before the words it shares with its sibling (`其中`, separators)
NAME_OPENING = regex(r"^[\s，,、；;：:]*(?:其中[\s，,、：:]*)?")


@lru_cache(maxsize=1)
def _nested_kinds() -> tuple[tuple[str, str], ...]:
    return tuple((str(outer), str(inner)) for outer, inner in load("relations").get("nested_kinds") or [])


def nested_kind(inner: str, outer: str) -> bool:
    """Is the name `inner` the name `outer` with a kind within the kind it names put for it (`授予小微企业合同金额` of
    `全市授予中小企业合同金额`: vocab relations nested_kinds)? Words before the shared ones may differ (a scope)."""
    a, b = NAME_OPENING.sub("", inner), NAME_OPENING.sub("", outer)
    for wide, narrow in _nested_kinds():
        if narrow in a and wide in b:
            swapped = a.replace(narrow, wide)
            if swapped == b or b.endswith(swapped) or swapped.endswith(b):
                return True
    return False


def names_nil_set(total: Mention) -> bool:
    """Is the total named as the total of a closed set whose items a text may state as nil (三公经费)?"""
    totals = (*_names(total), *_variants(total.label))
    return any(d.nil_stated and _totals(d, totals) for d in definitions())


def covered_with_nil(total: Mention, parts: list[Mention], nil: list[str]) -> bool:
    """Do the parts, with the items the text states as nil (their names, `nil`), cover, one each, every component
    of a closed set the total is named as the total of (vocab sums.yaml `nil_stated`: 三公经费), at least one of them
    by a nil statement? A component that is itself such a set's total may be covered by its own components
    (`公务用车运行维护费 a` and `未购置公务用车` for 公务用车购置及运行维护费): the list is then all of the total, its
    nil items zero."""
    names = [_names(p) for p in parts]
    nils = [_variants(n) for n in nil]
    totals = (*_names(total), *_variants(total.label))
    for d in definitions():
        if d.nil_stated and _totals(d, totals):
            flats = [flat for flat, replaced in _flattened(d) if not _names_whole(d, replaced, names)]
            if any(_completed_by_nil(flat, names, nils) for flat in flats):
                return True
    return False


def _names_whole(d: Definition, replaced: int | None, names: list[tuple[str, ...]]) -> bool:
    """Does a part name the component a flattened definition replaced by its own components (`公务用车购置及运行费`,
    which `公务用车购置` starts)? The list then holds it whole, not split into those components."""
    return replaced is not None and any(_component_of(d, n) == replaced for n in names)


def _completed_by_nil(d: Definition, names: list[tuple[str, ...]], nils: list[tuple[str, ...]]) -> bool:
    """Are the parts (by their names) components of `d`, one each, and the components they leave out all stated nil
    (one at least)? A component both listed and stated nil is a contradiction the list does not settle: no."""
    found = _found_by_names(d, names)
    if found is None:
        return False
    stated = {i for n in nils if (i := _component_of(d, n)) is not None}
    missing = _required(d, every=True) - found
    return bool(missing) and missing <= stated and not (stated & found)


@lru_cache(maxsize=64)
def _flattened(d: Definition) -> tuple[tuple[Definition, int | None], ...]:
    """The definition as it is (None) and, for each component that is the total of another closed set, with that
    component replaced by the other's components (its index in `d`): 三公经费 as 因公出国（境）费, 公务用车购置费,
    公务用车运行维护费 and 公务接待费."""
    out: list[tuple[Definition, int | None]] = [(d, None)]
    for i, (wordings, _) in enumerate(d.components):
        for sub in definitions():
            if sub is d or not sub.nil_stated or not set(wordings) & set(sub.totals):
                continue
            components = (*d.components[:i], *sub.components, *d.components[i + 1 :])
            exact = (*d.exact[:i], *sub.exact, *d.exact[i + 1 :])
            out.append((Definition(d.totals, components, exact, d.named, d.nil_stated), i))
            break
    return tuple(out)
