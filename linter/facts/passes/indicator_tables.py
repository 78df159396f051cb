"""One list of indicators set out in two tables of a document: a report's table of its indicators' outcomes and the
自评表 appended to it, each row naming an indicator (三级指标) and giving its outcome (实际完成值):

    | 一级指标 | 二级指标 | 三级指标 | 计量单位 | 年度目标值 | 实际完成值 | 完成率 |
    | 产出指标 | 数量指标 | 新建乡村道路 | 公里 | 40 | 42.5 | 106.25% |
    …
    | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
    | 产出指标 | 数量指标 | 新建乡村道路 | 40公里 | 42.5公里 | 10 | 10 |

An indicator's outcome is one quantity wherever the document's tables state it: the two cells of one indicator's
name are a restatement. Read only where the two tables are certainly one list: tables of one year, each naming an
indicator in one row only, sharing three indicators or more whose outcomes, in one unit, are things counted or
measured (not percentages, which many lists share: 100% of a 合格率) and agree, and agreeing at least twice as often
as they differ (two projects' lists of like indicators differ in most of their outcomes, not in one).

The text restates such a table too, where a sentence opens with an indicator's name (`受益人口：目标值6400人，实际受益
人口6850人`): the figure it says was achieved, in the row's unit, is the row's 实际完成值 (`restated_in_text`).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations
from typing import TYPE_CHECKING

from tieout.linter.facts.evaluated import WHOLE_NAMED, flat_title, same_subject, subject_at, table_subject
from tieout.linter.facts.model import Identity, Mention, Restatement
from tieout.linter.facts.passes.base import mention, quantities_at
from tieout.linter.facts.passes.gates import tables_paired_held, tables_stated_held
from tieout.linter.figures.context import MIXED
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.tables.cells import Cell, flatten
from tieout.linter.patterns import regex
from tieout.linter.vocab import alternation, load

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft
    from tieout.linter.parse.tables import Table

_VOCAB = load("tables").get("indicator_tables") or {}
# the headers of the column naming each indicator, and of the one stating its outcome (vocab tables indicator_tables)
NAME_HEADERS = frozenset(str(w) for w in _VOCAB.get("names") or [])
OUTCOME_HEADERS = frozenset(str(w) for w in _VOCAB.get("outcomes") or [])
UNIT_HEADERS = frozenset(str(w) for w in load("tables").get("unit_headers") or [])
# a header's note in brackets and its spaces (`实际完成值（万元）`): no word of its name
NOTE = regex(r"[（(][^）)]*[）)]|\s+")
# a unit a unit column's cell may state (`户`, `公里`, `万元`, `人次`): a few characters, no digit
UNIT_CELL = regex(r"^[^\d\s%％—\-]{1,4}$")
# the indicators two tables share at least, with outcomes counted or measured that agree, to be one list
SHARED_LEAST = 3

# an indicator's outcome: its figure and the unit it is in (its own, or its row's unit column's)
Outcome = tuple[Quantity, str]


def restated_indicators(draft: Draft) -> Iterator[Restatement]:
    """Each indicator's outcome stated in two tables that are one list of indicators (see the module)."""
    if not tables_paired_held(draft):
        return
    figures = quantities_at(draft)
    listed = [(t, rows) for t in draft.facts.tables if (rows := _outcomes(t, figures))]
    for (a, rows_a), (b, rows_b) in combinations(listed, 2):
        if a.context.period != b.context.period:
            continue
        shared = [(n, rows_a[n], rows_b[n]) for n in rows_a if n in rows_b and rows_a[n][1] == rows_b[n][1]]
        if not _one_list(shared):
            continue
        for name, (qa, _), (qb, _) in shared:
            own = Identity(name, a.context, "", named=True)
            yield Restatement(own, [(mention(draft, name, qa), qa), (mention(draft, name, qb), qb)])


def _one_list(shared: list[tuple[str, Outcome, Outcome]]) -> bool:
    """Are the indicators two tables share, in one unit, one list's: three or more outcomes counted or measured that
    agree, at least twice as many as those that differ?"""
    agreeing = [qa for _, (qa, _), (qb, _) in shared if qa.base_value == qb.base_value]
    differing = len(shared) - len(agreeing)
    measured = [q for q in agreeing if q.kind != "percent"]
    return len(measured) >= SHARED_LEAST and len(agreeing) >= 2 * differing


def _outcomes(table: Table, figures: dict[int, Quantity]) -> dict[str, Outcome]:
    """The outcome of each indicator a table names in one row only, by the indicator's name: where its header names
    an indicator column and an outcome column (placed with certainty: not a space-aligned table whose names are
    placed by position), the outcome cell holding one exact figure and nothing else, its unit its own or the row's
    unit column's. `figures`: the document's figures by where they start (a cell's figure with its unit
    is the text's, not the table reader's)."""
    if table.aligned and not table.placed or table.header_rows < 1 or len(table.rows) <= table.header_rows:
        return {}
    header = [NOTE.sub("", flatten(c.text)) for c in table.rows[table.header_rows - 1]]
    names = [i for i, h in enumerate(header) if h in NAME_HEADERS]
    outcomes = [i for i, h in enumerate(header) if h in OUTCOME_HEADERS]
    if len(names) != 1 or len(outcomes) != 1:
        return {}
    units = [i for i, h in enumerate(header) if h in UNIT_HEADERS]
    found: dict[str, Outcome] = {}
    twice: set[str] = set()
    for row in table.rows[table.header_rows :]:
        if len(row) != len(header):
            continue
        name = flatten(row[names[0]].text)
        cell = row[outcomes[0]]
        outcome = _outcome(cell, figures.get(cell.start), row[units[0]].text if len(units) == 1 else "")
        if len(name) < 2 or outcome is None:
            continue
        if name in found:
            twice.add(name)
        found[name] = outcome
    return {n: o for n, o in found.items() if n not in twice}


def _outcome(cell: Cell, figure: Quantity | None, unit_cell: str) -> Outcome | None:
    """The cell's one exact figure (the whole cell: the table reader's, else the text's `figure` where the cell starts)
    and its unit: the figure's own, else the row's unit column's."""
    q = cell.quantity or figure
    if q is None or not q.exact or q.approx or flatten(q.text) != cell.flat:
        return None
    if q.unit:
        return q, q.unit
    unit = flatten(unit_cell)
    return (q, unit) if UNIT_CELL.match(unit) else None


# a sentence opening with an indicator's name and a colon (`受益人口：目标值6400人，实际受益人口6850人`, `（1）新建渠道：…`),
# after its number in a list (`（1）`, `1.`, `一、`), a note in brackets after the name (`受益人口（人）：`) aside
# (matched at a sentence's start, `match(text, start, end)`: no `^`, which holds at the text's start only)
NAMED_LEAD = regex(
    r"\s*(?:[（(]\s*[0-9一二三四五六七八九十]{1,3}\s*[)）]|[0-9一二三四五六七八九十]{1,3}\s*[.．、])?\s*"
    r"(?P<name>[^：:，,。；;、（()）\s]{2,30})(?:[（(][^）)]{1,8}[）)])?\s*[：:]"
)
# a figure's label saying it is what was achieved (`实际完成`, `实际受益农户`, `实际达到`, `完成`), no rate of it
# (`完成率`), no target (`计划`), and no other span than the year's (`累计`, `截至`) or a part (`其中`)
# (a forecast, `预计达到 B`, is no outcome: vocab relations.yaml indicator_outcome)
OUTCOME_WORDS = load("relations").get("indicator_outcome") or {}
ACHIEVED = regex(rf"^(?:{alternation(OUTCOME_WORDS.get('span'))})?(?:{alternation(OUTCOME_WORDS.get('achieved'))})")
NOT_ACHIEVED = regex(rf"{alternation(OUTCOME_WORDS.get('not_achieved'))}|的$")


def restated_in_text(draft: Draft) -> Iterator[Restatement]:
    """An indicator's outcome stated in the text and in the one table row of its name: a sentence opening with the
    indicator's name and a colon (`受益人口：目标值6400人，实际受益人口6850人`) states its outcome in the one figure
    it says was achieved (`实际…`, `完成…`) in the unit of the row's 实际完成值 (`| 受益人口 | 6400人 | 6850人 |`):
    one quantity. Read only where one table's row and one sentence of the text name the indicator (several projects'
    indicators may share a name), the table states no other year than the sentence nor another evaluation's subject
    (`_same_evaluation`), and no earlier reading (the form's, `assessment_form`) holds the cell or the figure
    already."""
    if not tables_stated_held(draft):
        return
    figures = quantities_at(draft)
    rows: dict[str, list[tuple[Table, Outcome]]] = {}
    for t in draft.facts.tables:
        for name, outcome in _outcomes(t, figures).items():
            rows.setdefault(NOTE.sub("", name), []).append((t, outcome))
    held = {id(q) for r in draft.facts.restatements for _, q in r.figures}
    said = _named_sentences(draft, rows)
    head = flat_title(draft.doc)
    for name, found in rows.items():
        sentences = said.get(name, [])
        if len(found) != 1 or len(sentences) != 1:
            continue
        table, (cell, unit) = found[0]
        m = _achieved(draft, sentences[0], unit)
        if m is None or held & {id(cell), id(m.quantities[0])} or not _same_year(draft, table, m):
            continue
        if not _same_evaluation(draft, table, m, head):
            continue
        own = mention(draft, f"自评表{name}（实际完成值）", cell)
        if own.paragraph != m.paragraph:
            yield Restatement(
                Identity(name, m.identity.context, "实际完成值", named=True), [(m, m.quantities[0]), (own, cell)]
            )


def _same_evaluation(draft: Draft, table: Table, m: Mention, head: str) -> bool:
    """May the sentence and the table be of one evaluation? Not where each is known to be of another subject
    (`evaluated`): a project's 自评表 appended to a 部门整体 report (`附件：农村饮水安全项目支出绩效自评表`) and the
    department's own outcome (`一、部门整体绩效目标完成情况` / `受益人口：…实际受益人口19200人`), which the sentence
    is where a heading above it names the whole, or none does and the title names it."""
    theirs = table_subject(draft.doc, table)
    mine = subject_at(draft.doc, m.start)
    if mine is None:
        whole = WHOLE_NAMED.search(head)  # (a project's title need not name it as its table does: no guess on it)
        mine = whole.group() if whole else None
    return mine is None or theirs is None or same_subject(mine, theirs, head)


def _named_sentences(draft: Draft, rows: dict[str, list[tuple[Table, Outcome]]]) -> dict[str, list[int]]:
    """The sentences opening with an indicator's name and a colon, by the name (of the names `rows` holds)."""
    text = draft.doc.text
    out: dict[str, list[int]] = {}
    for si, s in enumerate(draft.doc.sentences):
        lead = NAMED_LEAD.match(text, s.start, s.end)
        if lead is not None and lead.group("name") in rows:
            out.setdefault(lead.group("name"), []).append(si)
    return out


def _achieved(draft: Draft, si: int, unit: str) -> Mention | None:
    """The one figure of the sentence said to be achieved (`ACHIEVED`), exact and in `unit`; None where none or two
    are."""
    found = [
        m
        for m in draft.facts.mentions
        if m.sentence == si
        and len(m.quantities) == 1
        and m.quantities[0].exact
        and m.quantities[0].unit == unit
        and ACHIEVED.match(m.label.strip("，,；; "))
        and not NOT_ACHIEVED.search(m.label)
    ]
    return found[0] if len(found) == 1 else None


def _same_year(draft: Draft, table: Table, m: Mention) -> bool:
    """Is the figure of the year the table states, or is either's year not said (`MIXED`: several said around it)?
    A figure of another year than the document's (`上年`, `2024年`) is not."""
    a, b = table.context.period, m.identity.context.period
    own = draft.facts.document_context.period
    if b is not None and b != MIXED and (b[0] in "+-" or (own is not None and b != own)):
        return False
    return a in (None, MIXED) or b in (None, MIXED) or a == b
