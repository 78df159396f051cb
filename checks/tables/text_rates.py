"""A rate the prose states of a table's row (文表不符 for rates): `省级资金执行率 97.50%` against the row
`省级财政资金` of the 资金来源及执行情况表 beside it, held to the row's rate cell of the same kind (its 执行率 column)
or, where the row has none, to the quotient of its operand cells (全年执行数 / 全年预算数; 实际完成值 / 年度指标值).

The row is taken only where it is certain: the rate's words name it (exactly, or less a word a row's name may
leave out: `省级资金` for `省级财政资金`), in a table of the rate's section (or one its paragraph names, `详见表 2`)
whose context says nothing else (another year, another scope), and no other row of those tables can be meant.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from tieout.linter.facts.evaluated import named_subject
from tieout.linter.facts.model import Rate
from tieout.linter.figures.context import SIDES, Context, read
from tieout.linter.figures.intervals import HUNDRED, fmt, fmt_rate, interval, ratio, unit_of
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.tables import Column, Side, Table
from tieout.linter.parse.tables.cells import flatten
from tieout.linter.parse.tables.identities import PAREN, item
from tieout.linter.parse.tables.vocab import PART_HEADING
from tieout.linter.patterns import regex
from tieout.linter.rules.base import CheckContext, Outcome
from tieout.linter.text.model import Section
from tieout.linter.vocab import alternation, load

from ._judge import table_name
from .named_columns import BASE_WORDS, TARGET_ENDS
from .rates import FIRST_STAGES, LATER_STAGES
from .targets import DONE
from .text import of_another_part, titled, under_headings, unknown

_VOCAB = load("tables").get("row_rates") or {}
# the word of a rate's kind (`执行率`, `完成率`, `满意度`): a rate column of the same kind bears it in its header
KIND = regex(rf"(?:{alternation(_VOCAB.get('kinds'))})$")
# a rate that names its base (`完成年度目标的`, `为年初预算的`): the outcome over the figure of that name
NAMED_BASE = regex(rf"(?:完成|为|占)(?P<base>{alternation(_VOCAB.get('bases'))})(?:数|值)?的?$")
OMITTED = tuple(str(w) for w in _VOCAB.get("omitted") or [])
# words before a row's name that are no part of it (`其中省级资金执行率`; the 年 of `2025 年省级资金执行率`, its
# year read as a figure)
LEADING = regex(r"^(?:其中|[，、；：:]|年(?![度初末]))+")
# words opening an outcome's label that say it was achieved (`全年完成食品抽检 9,600 批次，完成年度目标的 p%`): no part of
# the row's name (vocab relations indicator_outcome)
_OUTCOME = load("relations").get("indicator_outcome") or {}
ACHIEVED = regex(rf"^(?:{alternation(_OUTCOME.get('span'))})?(?:{alternation(_OUTCOME.get('achieved'))})+")
# a prose rate of the whole a survey table totals (`总体满意度`): its 合计 row
WHOLE = regex(rf"^(?:{alternation(_VOCAB.get('whole'))})$")
# the two words before the ending of a fund's or programme's name (`衔接资金`: 衔接; `养老服务补助资金`: 服务, 补助)
FUND_WORDS = regex(
    rf"(?=(?P<words>[\u4e00-\u9fff]{{2}})(?:(?P<fund>{alternation(_VOCAB.get('fund_endings'))})"
    rf"|{alternation(_VOCAB.get('programme_endings'))}))"
)
MONEY_KINDS = frozenset(str(w) for w in _VOCAB.get("money_kinds") or [])
# words of a column heading naming a plan or budget, what a rate's outcome is over (`计划投资`, `分配金额`)
PLAN_WORDS = tuple(str(w) for w in _VOCAB.get("plan_words") or [])
# a run of Han characters, no figure or mark in it
HAN_RUN = regex(r"[\u4e00-\u9fff]+")
# a table the paragraph names (`详见表 2`, `见附表3`)
NAMED_TABLE = regex(r"[见如](?:附)?表\s*(\d+)")


@dataclass(frozen=True)
class RowRate:
    """The row a prose rate is of, and the columns it is held to."""

    table: Table
    side: Side
    row: int  # grid row
    cell: Column | None  # the rate column of the rate's kind (a), else None
    num: Column | None  # the outcome column (b)
    dens: tuple[Column, ...]  # the budget or target columns it may be of (b)


def row_rate_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """Each prose rate naming a table's row, against that row's rate cell or the quotient of its operands; a rate
    the rate checks (TO105) already hold to its figures is theirs."""
    every = [t for t in ctx.facts.tables if t.rows]
    if not every:
        return
    from tieout.checks.rates import rate_outcomes

    held = {id(o.anchor) for o in ctx.outcomes(rate_outcomes)}
    for r in ctx.facts.rates:
        if r.formula is not None or r.definition or r.stated.kind != "percent" or not r.stated.exact:
            continue
        if id(r.stated) in held:
            continue
        found = _row_rate(ctx, every, r)
        if found is not None:
            o = _against_cell(ctx, r, found) if found.cell is not None else _against_operands(ctx, r, found)
            if o is not None:
                yield o


def _named(r: Rate) -> tuple[str, str, str | None] | None:
    """(the row's name, the rate's kind word, the base it names) from the rate's words: `省级资金执行率` →
    (省级资金, 执行率, None); `居家适老化改造 1,150 户，完成年度目标的` → (居家适老化改造, 完成率, target)."""
    name = flatten(r.name)
    based = NAMED_BASE.search(name)
    if based is not None:
        if name[: based.start()] or not r.labels or len(r.operands) != 1:
            return None  # the base's phrase alone, after its one outcome: the row is the outcome's label
        base = _base(based.group("base"))
        return (ACHIEVED.sub("", _row_name(r.labels[-1])), "完成率", base) if base else None
    kind = KIND.search(name)
    if kind is None:
        return None
    before = name[: kind.start()].removesuffix("的")
    base = next((b for b, ws in BASE_WORDS.items() if before.endswith(ws)), None)
    if base is not None:
        return None  # `省级资金年初预算执行率`: a rate of a named base, written before its kind: not read
    return _row_name(before.removesuffix("预算")), kind.group(), None


def _row_name(text: str) -> str:
    return item(LEADING.sub("", flatten(text)))


def _base(words: str) -> str | None:
    """The base a rate's words name (`年初预算` initial, `全年预算` adjusted, `年度目标` target); None for one that
    says neither (`年度预算`)."""
    found = {b for b, ws in BASE_WORDS.items() if any(w in words for w in ws)}
    return found.pop() if len(found) == 1 else None


def _row_rate(ctx: CheckContext, every: list[Table], r: Rate) -> RowRate | None:
    """The one row of the tables of the rate's place that its words name, with the columns it is held to; None
    when no row, or more than one, can be meant. Of `every` table, those whose columns are certain are searched;
    the space-aligned ones placed by position too, for a row restated later, where its cells are certain."""
    tables = [t for t in every if not t.by_position]
    named = _named(r)
    if named is not None and not named[0] and named[2] is None:
        found = _rows_of_outcome(ctx, _tables_of(ctx, tables, r), r, named[1])
        return found[0] if len(found) == 1 and _states_row(ctx, r, found[0]) else None
    if named is None or len(named[0]) < 2:
        return None
    name, kind, base = named
    unit = r.operands[0].unit if len(r.operands) == 1 and base is not None else ""  # (the outcome's, `_names`)
    found = _rows_named(_tables_of(ctx, tables, r), name, kind, base, unit)
    if not found:
        found = _fund_totals(ctx, tables, r, name, kind, base)
    if not found and base is None:
        found = _rows_of_sole_kind_table(ctx, every, r, name, kind)
    if len(found) != 1 or not _states_row(ctx, r, found[0]) or _of_another_part(ctx, r, found[0]):
        return None
    return found[0]


def _of_another_part(ctx: CheckContext, r: Rate, rr: RowRate) -> bool:
    """Is the rate of a part of a year its row's cells are not (`截至6月底，甲、乙执行率分别为 p% 和 q%，全年…`)?"""
    column = rr.cell or rr.num
    return of_another_part(ctx, r.sentence, r.stated.start, rr.table, column.context if column else Context())


# the significant digits an outcome stated before a bare rate has at least to name its row by its value alone: a
# round sum (`500 万元`) may be any row's
OUTCOME_DIGITS = 4


def _rows_of_outcome(ctx: CheckContext, tables: list[Table], r: Rate, kind: str) -> list[RowRate]:
    """`一般公共预算财政拨款…全年支出 A，执行率 p%`: a rate named by its kind alone, right after the one sum it is
    of, is of the row that holds that sum in a cell, where exactly one row of the tables of the rate's place does
    (and has what a rate of its kind is held to, `_columns`): its words name no row, its figure does. A sum of few
    digits names none: a round sum may be several rows'."""
    if len(r.operands) != 1:
        return []
    said = ctx.value(r.operands[0])
    if r.operands[0].kind == "percent" or len(said.normalize().as_tuple().digits) < OUTCOME_DIGITS:
        return []
    return [
        rr
        for t in tables
        for side in t.sides
        for row in side.rows
        if (rr := _columns(t, side, row.index, kind, None)) is not None and said in _outcome_amounts(t, side, rr)
    ]


def _outcome_amounts(t: Table, side: Side, rr: RowRate) -> set[Decimal]:
    """The sums the row states in the outcome column the rate is of: the one it is held to, or, held to a rate
    cell, the columns of that cell's period (`上年实际支付` holds another year's sum, whose rate is not the rate
    column's)."""
    if rr.num is not None:
        cols = [rr.num]
    else:
        period = rr.cell.context.period if rr.cell is not None else None
        years = [str(c.context.period) for c in side.columns if str(c.context.period or "").isdigit()]
        cols = [c for c in side.columns if not _of_earlier_period(str(c.context.period or ""), period, years)]
    return {q.base_value for c in cols if (q := _figure(t, rr.row, c)) is not None}


def _of_earlier_period(own: str, rate: object, years: list[str]) -> bool:
    """Is a column of another period than the rate column: another than the one the rate column names, else one
    before the table's own (`上年实际支付`, or `2024年执行数` beside `2025年执行数`)?"""
    if not own:
        return False
    if rate is not None:
        return own != str(rate)
    return own.startswith("-") or (own.isdigit() and own < max(years))


def _rows_named(tables: list[Table], name: str, kind: str, base: str | None, unit: str = "") -> list[RowRate]:
    """The rows of `tables` the rate's words name (`_names`), each with the columns a rate of its kind and base is
    held to (`_columns`), where the table has them."""
    return [
        rr
        for t in tables
        for side in t.sides
        for row in side.rows
        if _names(row.label, row.total, name, kind, unit)
        and (rr := _columns(t, side, row.index, kind, base)) is not None
    ]


def _fund_totals(
    ctx: CheckContext, tables: list[Table], r: Rate, name: str, kind: str, base: str | None
) -> list[RowRate]:
    """`全市政府性基金预算收入 X，为调整预算的 p%` and the report's 政府性基金预算收支决算表 (an 附表 at its end,
    under no heading of the rate's): a fund's whole income or spending named in prose is the 收入合计 / 支出合计
    row of that fund's table. Taken only where the prose names the fund and nothing but the side, the table's
    title names the same fund (and no other year or scope), and the prose's own figure is that row's cell. The row
    may name the fund again (`政府性基金预算收入合计`)."""
    said = read(name)
    if said.context.fund is None or said.rest not in SIDES:
        return []
    context = _clause_context(ctx, r)
    return [
        rr
        for t in tables
        if t.context.fund == said.context.fund and _agrees(t.context, context)
        for side in t.sides
        for row in side.rows
        if row.total == "grand"
        and _side_total(row.label, said.rest, said.context.fund)
        and (rr := _columns(t, side, row.index, kind, base)) is not None
    ]


def _rows_of_sole_kind_table(ctx: CheckContext, tables: list[Table], r: Rate, name: str, kind: str) -> list[RowRate]:
    """`临江区支出率为 p%` in a section of problems, after the 分县（区）table stated under another heading: a row's
    rate restated in a later section is of the one row of that name among the document's tables that state rates of
    its kind (a `支出率（%）` column), where its table's context (year, scope) agrees, and only against that column's
    cell: a second row of the name in such a table (another fund's, another year's) may be the one meant, and then
    none is taken; a table of other rows (`分类别`, where the rate names a 市) is not meant. (The words up to the
    rate say its context: `低于全市平均 q%` after it is the comparison's, not the rate's.)"""
    kinds = [t for t in tables if any(kind in _header(c) for side in t.sides for c in side.columns)]
    named = [
        (t, side, row)
        for t in kinds
        for side in t.sides
        for row in side.rows
        if _names(row.label, row.total, name, kind)
    ]
    if len(named) != 1:
        return []
    t, side, row = named[0]
    if _named_without_rate(ctx, r, tables, t, kinds, name, kind):
        return []
    if not _agrees(t.context, _clause_context(ctx, r)) or not _of_table_fund(ctx, r, t, kinds):
        return []
    if not t.rows[0] or t.rows[0][0].start > ctx.doc.sentences[r.sentence].start:
        return []  # (a table after the prose, in another section, an annex: not what the prose restates)
    rr = _columns(t, side, row.index, kind, None)
    return [rr] if rr is not None and rr.cell is not None and _cell_certain(rr) else []


def _named_without_rate(
    ctx: CheckContext, r: Rate, tables: list[Table], t: Table, kinds: list[Table], name: str, kind: str
) -> bool:
    """Does a row of the name stand in a table that states no rate of the kind but could be the rate's: its row
    holds what a rate of the kind is computed from (`白沙乡` in the 农村公路建设 table of 计划投资 and 完成投资, as in
    the 养老服务补助资金 one `t` with its 执行率 column), or the prose names that table's subject? The prose may
    restate that table's row, its rate unwritten in it: which table it means is not certain. A table of figures
    no such rate is of (allocations and their 占比), under a subject the prose does not name, is not meant."""
    return any(
        _has_operands(o, side, row.index, kind) or _names_subject(ctx, r, o, t)
        for o in tables
        if o not in kinds
        for side in o.sides
        for row in side.rows
        if _names(row.label, row.total, name, kind)
    )


def _has_operands(t: Table, side: Side, row: int, kind: str) -> bool:
    """Does the row hold figures a rate of the kind may be computed from: one in an outcome column of the rate's
    stage (`完成投资`, `实际支出`) and one, in the same unit, in a column headed as a plan or budget (`计划投资`,
    `分配金额`: vocab tables.row_rates plan_words)? Read loosely: it only withholds a finding."""
    done = [(c, q) for c in _outcomes(side, kind) if (q := _figure(t, row, c)) is not None]
    planned = [(c, q) for c in side.columns if _plan_heading(c) and (q := _figure(t, row, c)) is not None]
    return any(p is not d and q.base_unit == e.base_unit and q.kind == e.kind for p, q in planned for d, e in done)


def _plan_heading(c: Column) -> bool:
    return any(w in _header(c) for w in PLAN_WORDS)


# a run of words in a table's title that may name its subject (`农村公路`): four Han characters or more
SUBJECT_WORDS = 4


def _names_subject(ctx: CheckContext, r: Rate, other: Table, t: Table) -> bool:
    """Does the prose (the rate's sentence up to it, the headings above) name the other table's subject: words of
    its title, `SUBJECT_WORDS` long, that the title of the table `t` the row is taken from does not hold
    (`农村公路建设进度偏慢` over `各乡镇农村公路建设情况`)?"""
    own, theirs = flatten(t.title), flatten(other.title)
    prose = flatten(_prose_of(ctx, r))
    return any(
        (words := run[i : i + SUBJECT_WORDS]) in prose and words not in own
        for run in HAN_RUN.findall(theirs)
        for i in range(len(run) - SUBJECT_WORDS + 1)
    )


def _of_table_fund(ctx: CheckContext, r: Rate, t: Table, kinds: list[Table]) -> bool:
    """Is the rate certainly of the money the table's caption names? Not where the sentence up to the rate or a
    heading above it names a fund this caption does not (`衔接资金…白沙乡执行率`, the 白沙乡 row in the table of
    养老服务补助资金), or a programme another table's caption names and this one's does not; nor, where the tables
    stating rates of its kind are of several funds (or one's is unsaid), unless the prose names this table's fund
    by words only its caption holds (which fund the prose means is not said)."""
    said = _fund_words(_prose_of(ctx, r))
    captions = _captions(ctx)
    own = captions[id(t)]
    others = [captions[id(o)] for o in ctx.facts.tables if o is not t]
    if any(w not in own and ((fund and w not in MONEY_KINDS) or any(w in o for o in others)) for w, fund in said):
        return False
    if _one_fund(kinds):
        return True
    return any(w in own and not any(w in captions[id(o)] for o in kinds if o is not t) for w, _ in said)


def _prose_of(ctx: CheckContext, r: Rate) -> str:
    """The words that say what the rate is of: its sentence up to the rate and the headings above it."""
    sentence = ctx.doc.sentences[r.sentence]
    return "\n".join([*ctx.doc.section_path(r.stated.start), ctx.doc.text[sentence.start : r.stated.end]])


def _fund_words(text: str) -> set[tuple[str, bool]]:
    """The two words before each ending of a fund's or programme's name in the text (`FUND_WORDS`), and whether the
    ending is a fund's."""
    return {(m.group("words"), m.group("fund") is not None) for m in FUND_WORDS.finditer(flatten(text))}


def _captions(ctx: CheckContext) -> dict[int, str]:
    """Each table's title and caption lines flattened into one text (by the table's id), built once per document:
    each prose rate compares its words with every table's."""
    return ctx.memo(
        "tables.row-rates.captions", lambda: {id(t): flatten("".join((t.title, *t.caption))) for t in ctx.facts.tables}
    )


def _one_fund(tables: list[Table]) -> bool:
    """Do the tables' captions name one fund (or one table stands alone)? Each names a fund (`_fund_of`), and of
    two, one name ends the other's: the words before it say what its rows are (`各市就业补助资金`, by city, and
    `就业补助资金分类别`), not another fund."""
    funds = [_fund_of(t) for t in tables]
    if len(funds) < 2:
        return True
    named = [f for f in funds if f is not None]
    return len(named) == len(funds) and all(a.endswith(b) or b.endswith(a) for a in named for b in named)


def _fund_of(t: Table) -> str | None:
    """The fund or programme a table's caption names (`2025年度各市就业补助资金使用情况`: 各市就业补助资金)."""
    return named_subject(t.title) or next((s for line in reversed(t.caption) if (s := named_subject(line))), None)


def _cell_certain(rr: RowRate) -> bool:
    """Is the row's rate cell certain as it stands: any of a table read from pipes or cells; of a space-aligned one
    whose columns were placed by position, under a column name that stands over its figures (not `off_header`), in
    a row with a figure under every column (none missing that would shift its figures to the columns before)."""
    if not rr.table.by_position:
        return True
    assert rr.cell is not None
    if rr.cell.index in rr.table.off_header:
        return False
    return all(rr.table.quantity(rr.row, c.index) is not None for c in rr.side.columns)


def _side_total(label: str, side: str, fund: str) -> bool:
    """Is a 合计 row's label the side's total (`收入合计`), or that total named with the fund before it, the prose's
    own (`政府性基金预算收入合计`) and nothing else (no scope, no year)?"""
    own = read(flatten(label))
    if own.context.fund not in (None, fund) or any((own.context.scope, own.context.stage, own.context.period)):
        return False
    return own.rest.startswith(side)


def _names(label: str, total: str, name: str, kind: str, unit: str = "") -> bool:
    """Does the prose name the row: its item (its unit note aside, `居家适老化改造（户）`), that item less a word a
    row's name may leave out inside it (`省级资金` for `省级财政资金`), that item less the unit the prose counts its
    outcome in (`抽检批次` for `抽检 9,600 批次`), or, for a survey's rate of the whole (`总体满意度`), the 合计 row?"""
    if WHOLE.match(name):
        return total == "grand" and kind in SURVEY_KINDS
    own = item(PART_HEADING.sub("", flatten(label)))
    bare = PAREN.sub("", own)
    if name in (own, bare) or unit and bare == name + unit:
        return True
    return any(
        0 < bare.find(w) and bare.find(w) + len(w) < len(bare) and bare.replace(w, "", 1) == name for w in OMITTED
    )


SURVEY_KINDS = ("满意度", "满意率")


def _tables_of(ctx: CheckContext, tables: list[Table], r: Rate) -> list[Table]:
    """The tables the rate may be of: those of its section (the titled one it stands in), or the one its
    paragraph names (`详见表 2`), whose context (year, scope) is not stated otherwise than the rate's."""
    doc = ctx.doc
    if not 0 <= r.sentence < len(doc.sentences):
        return []
    sentence = doc.sentences[r.sentence]
    para = doc.paragraph_of(r.sentence)
    text = doc.text[doc.sentences[para.start].start : doc.sentences[para.stop - 1].end]
    numbers = {m.group(1) for m in NAMED_TABLE.finditer(text)}
    mine = titled(doc, sentence.start)
    context = sentence_context(ctx, r.sentence)
    out = []
    for t in tables:
        there = titled(doc, t.rows[0][0].start) if t.rows[0] else None
        if not (there is not None and _of_section(there, mine) or _numbered(t, numbers)):
            continue
        if _agrees(t.context, context):
            out.append(t)
    return out


def _of_section(there: Section, mine: Section | None) -> bool:
    """Is a table placed in `there` one of the rate's section `mine`: placed in it, or in the own text of the section
    it stands under (`（二）目标完成情况` and its table, then `1. 食品抽检。…完成年度目标的 p%`: each numbered
    paragraph a section of its own, of the table above them all)? A table of a sibling section is not."""
    return mine is not None and (there is mine or there is mine.parent)


def _numbered(t: Table, numbers: set[str]) -> bool:
    """Is the table one the paragraph names by its number (its title or caption `表 2 …`)?"""
    if not numbers:
        return False
    heads = [flatten(x) for x in (t.title, *t.caption)]
    return any(regex(rf"表{n}(?!\d)").search(h) for n in numbers for h in heads)


def sentence_context(ctx: CheckContext, si: int) -> Context:
    """What a sentence and the headings above it say of its scope, fund, stage and year (a rate's, a change's)."""
    sentence = ctx.doc.sentences[si]
    return under_headings(ctx, ctx.doc.text[sentence.start : sentence.end], sentence.start)


def _clause_context(ctx: CheckContext, r: Rate) -> Context:
    """What the sentence up to the rate and the headings above it say (`…收入 X，为调整预算的 p%，较上年的 Y 下降
    q%`: the year after the rate is its change's base, not the rate's)."""
    return under_headings(ctx, ctx.doc.text[ctx.doc.sentences[r.sentence].start : r.stated.end], r.stated.start)


def _agrees(table: Context, prose: Context) -> bool:
    """No year or scope stated by both, differently; and no part of a year the table does not state (`截至 6 月底`,
    `上半年`: the rate so far, not the year's the table gives)."""
    if prose.period and "-" in prose.period[1:] and prose.period != table.period:
        return False
    for f in ("period", "scope"):
        a, b = getattr(table, f), getattr(prose, f)
        if not unknown(a) and not unknown(b) and a != b:
            return False
    return True


def _states_row(ctx: CheckContext, r: Rate, rr: RowRate) -> bool:
    """The figures the prose states before the rate (its outcome, the questionnaires answered) are the row's:
    each the value of one of its cells."""
    cells = [q for c in rr.side.columns if (q := rr.table.quantity(rr.row, c.index)) is not None]
    return all(any(ctx.value(q) == c.base_value for c in cells) for q in r.operands)


def _columns(t: Table, side: Side, row: int, kind: str, base: str | None) -> RowRate | None:
    """The columns of the row the rate is held to: (a) the one rate column of its kind (`执行率（%）` for 执行率)
    naming no other base, where the rate names none; else (b) the row's one outcome column of the rate's stage
    and the budget or target columns of the base it names (any of them where it names none). None when the row
    has no such cells (or a satisfaction rate none of its kind: its answers are weighed as publishers choose)."""
    if base is None:
        cells = [c for c in side.columns if kind in _header(c) and _header_base(c) in (None, "adjusted")]
        cells = [c for c in cells if _figure(t, row, c, "percent") is not None]
        if len(cells) == 1:
            return RowRate(t, side, row, cells[0], None, ())
        if cells or kind in SURVEY_KINDS:
            return None
    nums = [c for c in _outcomes(side, kind) if _figure(t, row, c) is not None]
    if len(nums) != 1:
        return None
    unit = _figure(t, row, nums[0])
    dens = tuple(
        c
        for c in side.columns
        if _base_of(c) is not None
        and (base is None or _base_of(c) == base)
        and (q := _figure(t, row, c)) is not None
        and unit is not None
        and q.base_unit == unit.base_unit
        and q.kind == unit.kind
    )
    return RowRate(t, side, row, None, nums[0], dens) if dens else None


def _header(c: Column) -> str:
    return flatten("".join(c.path))


def _header_base(c: Column) -> str | None:
    """The base a column's header names (`完成年初预算%`, `为上年%`), None none."""
    head = _header(c)
    found = {b for b, ws in BASE_WORDS.items() if any(w in head for w in ws)}
    return found.pop() if len(found) == 1 else "several" if found else None


def _base_of(c: Column) -> str | None:
    """What a column is the base of: a target (`年度指标值`, `目标值`, `计划数`), the initial budget (`年初预算数`) or the adjusted one (`全年预算数`, `调整后预算数`), or a budget naming neither (`预算数`, of any rate that
    names no base); None for no base of a rate."""
    leaf = PAREN.sub("", flatten(c.path[-1])) if c.path else ""
    if leaf.endswith(TARGET_ENDS):
        return "target"
    if c.role == "调整预算数":
        return "adjusted"
    if c.role == "预算数":
        return "initial" if "年初" in leaf else "plain"  # (a plain 预算数 may be the budget as adjusted)
    return None


def _outcomes(side: Side, kind: str) -> list[Column]:
    """The outcome columns a rate of this kind is of: of a stage named by the rate (`到位率`: the 到位 column), else
    the 执行数 / 决算数 columns naming no such stage (`实际到位资金` is not what a 执行率 is of)."""
    nums = [c for c in side.columns if c.role in ("执行数", "决算数")]
    stage = next((s for s in FIRST_STAGES + LATER_STAGES if kind.startswith(s)), None)
    if stage is not None:
        return [c for c in nums if stage in _header(c)]
    return [c for c in nums if not any(s in _header(c) for s in FIRST_STAGES)]


def _figure(t: Table, row: int, c: Column, kind: str | None = None) -> Quantity | None:
    q = t.quantity(row, c.index)
    if q is None or (kind is not None and q.kind != kind) or (kind is None and q.kind == "percent"):
        return None
    return q


def _against_cell(ctx: CheckContext, r: Rate, rr: RowRate) -> Outcome | None:
    """(a) The prose rate against the row's rate cell of its kind."""
    assert rr.cell is not None
    cell = rr.table.quantity(rr.row, rr.cell.index)
    if cell is None:
        return None
    verdict = ctx.judge(interval(r.stated), interval(cell), unit_of([r.stated, cell]))
    if verdict == "pass":
        return Outcome(r.stated, "pass", "cross_ref", operands=[cell])
    shown = cell.text if cell.text.endswith(("%", "％")) else f"{cell.text}%"
    message = (
        f"正文“{_said(r)}”{r.stated.text} 与{table_name(rr.table)}中该行“{rr.cell.header}”{shown} 不符（文表不符）"
    )
    return Outcome(r.stated, verdict, "cross_ref", [(cell, "表中数字")], message, r.stated.text, shown, operands=[cell])


# the bases a rate naming none is held to, the usual first: a finding names that one
BASE_ORDER = ("adjusted", "target", "plain", "initial")


def _against_operands(ctx: CheckContext, r: Rate, rr: RowRate) -> Outcome | None:
    """(b) The prose rate against the row's outcome over its base; where the rate names no base and the row has
    several (年初预算数, 全年预算数), one that gives it passes, and it is reported only when none does."""
    assert rr.num is not None
    num = rr.table.quantity(rr.row, rr.num.index)
    dens = sorted(rr.dens, key=lambda c: BASE_ORDER.index(_base_of(c) or "initial"))
    tried: list[tuple[str, Quantity, Quantity]] = []
    for c in dens:
        den = rr.table.quantity(rr.row, c.index)
        if num is None or den is None or den.base_value == 0:
            continue
        iv = ratio(interval(num), interval(den))
        verdict = "fail" if iv is None else ctx.judge(interval(r.stated), iv, r.stated.ulp)
        if verdict == "pass":
            return Outcome(r.stated, "pass", "rate", operands=[num, den])
        tried.append((verdict, num, den))
    if not tried:
        return None
    verdict = "rounding" if any(v == "rounding" for v, _, _ in tried) else "fail"
    _, num, den = next(x for x in tried if x[0] == verdict)
    exact = num.base_value / den.base_value * HUNDRED
    expected = fmt_rate(exact, r.stated)
    message = (
        f"正文“{_said(r)}”{r.stated.text} 与{table_name(rr.table)}中该行 {num.text}/{den.text} = {fmt(exact, 4)}% 不符，"
        f"应为 {expected}（文表不符）"
    )
    related = [(num, "表中分子"), (den, "表中分母")]
    fix = expected if len(tried) == 1 else None
    return Outcome(r.stated, verdict, "rate", related, message, r.stated.text, expected, fix, operands=[num, den])


def _said(r: Rate) -> str:
    """The rate's words as a finding quotes them: its row's name with them (`居家适老化改造…完成年度目标的`)."""
    name = LEADING.sub("", flatten(r.name))
    return f"{r.labels[-1]}…{name}" if NAMED_BASE.match(name) and r.labels else name


# the one rate an indicator table's row may state of the whole budget, by its name alone
WHOLE_RATE = "预算执行率"


def indicator_rate_outcomes(ctx: CheckContext) -> Iterator[Outcome]:
    """The 实际完成值 of the one indicator row named `预算执行率` alone (`| 预算执行 | 预算执行率 | ≥95% | 94.48% |`)
    against the 预算执行率 the prose states, where the prose states it with one value, once at least held by its
    own figures (TO105 passes it: `全年预算 A，实际支出 B，预算执行率为 p%`). The form restates the report's rate;
    a rate the prose states of a part (`项目支出执行率`) is named otherwise and is not read."""
    from tieout.checks.rates import rate_outcomes

    passed = {id(o.anchor) for o in ctx.outcomes(rate_outcomes) if o.verdict == "pass"}
    said = [r.stated for r in ctx.facts.rates if flatten(r.name) == WHOLE_RATE and r.stated.kind == "percent"]
    if not any(id(q) in passed for q in said) or len({q.base_value for q in said}) != 1:
        return
    rate_said = next(q for q in said if id(q) in passed)
    cells = [q for t in ctx.facts.tables if not t.by_position for q in _indicator_cells(t)]
    if len(cells) != 1:
        return
    cell = cells[0]
    verdict = ctx.judge(interval(cell), interval(rate_said), cell.ulp)
    if verdict == "pass":
        yield Outcome(cell, "pass", "restated", operands=[rate_said])
        return
    msg = f"表中“{WHOLE_RATE}”实际完成值 {cell.text} 与正文所述{WHOLE_RATE} {rate_said.text} 不符（文表不符）"
    yield Outcome(
        cell, verdict, "restated", [(rate_said, "正文")], msg, cell.text, rate_said.text, operands=[rate_said]
    )


def _indicator_cells(table: Table) -> list[Quantity]:
    """The 实际完成值 cells of the table's rows whose indicator is named `预算执行率` alone, left of that column (read off
    the grid: a column of outcomes mixes words, `合理`, with figures, and is no column of figures)."""
    done = {c.col for row in table.rows[: table.header_rows] for c in row if DONE.fullmatch(flatten(c.text))}
    if len(done) != 1:
        return []
    col = done.pop()
    found = []
    for row in table.rows[table.header_rows :]:
        if any(flatten(c.text) == WHOLE_RATE for c in row if c.col < col):
            q = next((c.quantity for c in row if c.col == col), None)
            found += [q] if q is not None and q.kind == "percent" and q.exact else []
    return found
