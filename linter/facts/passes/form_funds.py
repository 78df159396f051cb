"""The funds of a project self-assessment form (项目支出绩效自评表) written as `键：值` text: the project's
年度资金总额 in fields of their own (`全年预算数（元）：5360800.00`, `年初预算数：1820.00；全年预算数：1916.70；…`)
and its sources on lines naming each (`当年财政拨款（元）：年初预算数 a；全年预算数 b；全年执行数 c`), or one line per
amount naming them all (`其中：当年财政拨款 a，上年结转资金 b，其他资金 c（全年预算数）`).

The template fixes the total of each amount as the sum of its sources (当年财政拨款, 上年结转资金, 其他资金 make every
source: `forms.SOURCE_GROUPS`). Read per project (up to the overall score closing its form, `form_scores`) only
where each amount's total field is stated once, every source of a complete group once for it, and the amounts'
unit is stated (in a field's brackets or the caption).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from tieout.linter.facts.model import Breakdown, Formula
from tieout.linter.facts.passes.base import SCORE_NUMBER, mention, quantities_at, sentence_of
from tieout.linter.facts.passes.form_scores import project_forms
from tieout.linter.facts.passes.forms import AMOUNTS, SOURCE_GROUPS, UNIT, in_unit, names_pattern, practised
from tieout.linter.facts.passes.gates import form_funds_held, fund_scores_held
from tieout.linter.facts.passes.score_lines import figure_at
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex

if TYPE_CHECKING:
    from tieout.linter.facts.draft import Draft

_AMOUNT = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_KEY = "|".join(AMOUNTS)
_SOURCE = names_pattern(SOURCE_GROUPS)
# a total's own field: its key, its unit in brackets if any, a colon, its figure
TOTAL_FIELD = regex(
    rf"(?<![\u4e00-\u9fff])(?P<key>{_KEY})(?:[（(](?:万元|亿元|元)[）)])?[：:]\s*(?P<n>{_AMOUNT})(?![\d.%])"
)
# a source's line: its name, then each amount's key and figure (`年初预算数 a；全年预算数 b`)
SOURCE_NAME = regex(rf"(?<![\u4e00-\u9fff])(?P<src>{_SOURCE})(?:[（(](?:万元|亿元|元)[）)])?[：:\s]")
SOURCE_VALUE = regex(rf"(?P<key>{_KEY})\s+(?P<n>{_AMOUNT})(?![\d.%])")
# the total's line written as its sources' are (`年度资金总额：年初预算数 a；全年预算数 b；全年执行数 c`)
TOTAL_NAME = regex(r"^\s*年度资金总额(?:[（(](?:万元|亿元|元)[）)])?[：:\s]")
# the template's first field, opening each project's form where no overall score line (`总分：…`) closes one
PROJECT_NAME = regex(r"^\s*项目名称[：:]")
# an amount's line: each source's name and figure, the amount's key in brackets closing it
ROW_VALUE = regex(rf"(?P<src>{_SOURCE})\s*(?P<n>{_AMOUNT})(?![\d.%])")
ROW_KEY = regex(rf"[（(](?P<key>{_KEY})[）)][。；;]?\s*$")

_Figures = dict[str, dict[str, list[tuple[int, str]]]]  # amount → source (or "" for the total) → (offset, text)


def form_funds(draft: Draft) -> Iterator[Breakdown]:
    """Each amount's total as the sum of its sources, per project of a `键：值` form."""
    if not form_funds_held(draft):
        return
    original = draft.doc.original
    lines = original.split("\n")
    offsets = draft.doc.line_starts
    unit = next((m.group("u") for line in lines[:12] if (m := UNIT.search(line)) is not None), "")
    after = 0  # (the line after the last form's overall score)
    projects: list[dict[str, Quantity | None]] = []  # each project's totals, by amount
    for begin, k in _forms(lines):
        block, found = lines[begin:k], _figures(lines, offsets, begin, k)
        after = k + 1
        block_unit = _block_unit(block) or unit
        yield from _sums(draft, found, block_unit)
        projects.append({key: _one_total(draft, by_source, block_unit) for key, by_source in found.items()})
    if len(projects) >= 2:
        yield from _summed_projects(draft, projects, offsets[after] if after < len(offsets) else len(original))


def _forms(lines: list[str]) -> list[tuple[int, int]]:
    """Each project's form as lines [begin, k): up to its overall score's line, or (a form whose score is not
    written `总分：…`, in a table row) from one `项目名称：` line to the next, the last up to the document's end."""
    closed = [(begin, k) for begin, k, _ in project_forms(lines)]
    if closed:
        return closed
    opened = [k for k, line in enumerate(lines) if PROJECT_NAME.match(line)]
    if not opened:
        return []
    return list(zip(opened, [*opened[1:], len(lines)], strict=True))


def _one_total(draft: Draft, by_source: dict[str, list[tuple[int, str]]], unit: str) -> Quantity | None:
    """A project's total of one amount: its field, stated once, in the unit."""
    cells = by_source.get("", [])
    return _figure(draft, cells[0], unit) if len(cells) == 1 and unit else None


# the conclusion after the forms: how many projects (`4个项目`, `项目共3个`), then each amount's 合计 over them
PROJECT_COUNT = regex(r"(?P<n>\d{1,2})个项目|项目共(?:计)?(?P<m>\d{1,2})个")
SUMMED_FIELD = regex(rf"(?P<key>{_KEY})(?:合计|共计|总计)(?:为)?\s*(?P<n>{_AMOUNT})")


def _summed_projects(draft: Draft, projects: list[dict[str, Quantity | None]], after: int) -> Iterator[Breakdown]:
    """`我局纳入自评的项目共3个，全年预算数合计 T，全年执行数合计 E`: after the last form, each amount's 合计 over
    the projects is the sum of their forms' totals, where the count the text gives is the number of forms read
    (every project's total of that amount stated), before the first 合计 (and no other count there)."""
    original = draft.doc.original
    fields = list(SUMMED_FIELD.finditer(original, after))
    counts = list(PROJECT_COUNT.finditer(original, after, fields[0].start())) if fields else []
    if {int(c.group("n") or c.group("m")) for c in counts} != {len(projects)}:
        return
    for f in fields:
        key = f.group("key")
        if len([g for g in fields if g.group("key") == key]) != 1:
            continue
        parts = [p[key] for p in projects]
        whole = _comma_figure(draft, (f.start("n"), f.group("n")))
        if whole is None or any(q is None or q.base_unit != whole.base_unit for q in parts):
            continue
        total = mention(draft, f"{key}合计", whole)
        listed = [mention(draft, f"项目{k + 1}{key}", q) for k, q in enumerate(parts) if q is not None]
        yield Breakdown(total, listed, "合计", True, total.sentence)


def _block_unit(lines: list[str]) -> str:
    """The one unit a project's lines state (`全年预算数（元）：…`), if they state one."""
    units = {m.group("u") for line in lines for m in UNIT.finditer(line)}
    return units.pop() if len(units) == 1 else ""


def _figures(lines: list[str], offsets: list[int], begin: int, end: int) -> _Figures:
    """The figures of lines [begin, end) by amount and source: a line closing on an amount's key in brackets gives
    that amount of each source it names; a line naming a source, each amount of it; any other, the totals' fields."""
    out: _Figures = {key: {} for key in AMOUNTS}
    for k in range(begin, end):
        line, at = lines[k], offsets[k]
        name = SOURCE_NAME.search(line)
        row_key = ROW_KEY.search(line)
        opened = TOTAL_NAME.match(line)
        if opened is not None and name is None:
            for v in SOURCE_VALUE.finditer(line, opened.end()):
                out[v.group("key")].setdefault("", []).append((at + v.start("n"), v.group("n")))
        elif row_key is not None:
            for v in ROW_VALUE.finditer(line):
                out[row_key.group("key")].setdefault(v.group("src"), []).append((at + v.start("n"), v.group("n")))
        elif name is not None:
            for v in SOURCE_VALUE.finditer(line, name.end()):
                out[v.group("key")].setdefault(name.group("src"), []).append((at + v.start("n"), v.group("n")))
        else:
            for v in TOTAL_FIELD.finditer(line):
                out[v.group("key")].setdefault("", []).append((at + v.start("n"), v.group("n")))
    return out


def _sums(draft: Draft, found: _Figures, unit: str) -> Iterator[Breakdown]:
    """Each amount whose total is stated once and every source of one complete group once: their sum."""
    if not unit:
        return
    for key, by_source in found.items():
        sources = frozenset(s for s in by_source if s)
        if sources not in SOURCE_GROUPS or any(len(v) != 1 for v in by_source.values()) or "" not in by_source:
            continue
        total = _figure(draft, by_source[""][0], unit)
        parts = [(s, _figure(draft, by_source[s][0], unit)) for s in sorted(sources)]
        if total is None or any(q is None for _, q in parts):
            continue
        if any(q is not None and q.base_unit != total.base_unit for _, q in parts):
            continue
        whole = mention(draft, f"年度资金总额（{key}）", total)
        yield Breakdown(
            whole, [mention(draft, f"{s}（{key}）", q) for s, q in parts if q is not None], "其中", True, whole.sentence
        )


def _figure(draft: Draft, cell: tuple[int, str], unit: str) -> Quantity | None:
    """A field's figure in the amounts' unit (a bare figure stands for an amount in it)."""
    q = figure_at(draft, *cell) if "," not in cell[1] else _comma_figure(draft, cell)
    return in_unit(q, unit) if q is not None else None


def _comma_figure(draft: Draft, cell: tuple[int, str]) -> Quantity | None:
    """The figure the text reads for a cell written with thousands separators (`3,124,500.00`), at its offset in the
    original text."""
    at, text = cell
    value = Decimal(text.replace(",", ""))
    i = draft.doc.normalised_at(at)
    if i is None:
        return None
    q = quantities_at(draft).get(i)
    return q if q is not None and q.value == value and q.exact else None


# the funds' score on a line of its own, beside its full marks and the rate (`分值 10；执行率 95.30%；得分 9.53`,
# `预算执行：分值10分，执行率93.59%，得分9.36分`): nothing else between the three
FUND_SCORE = regex(
    rf"(?<![\u4e00-\u9fff])分值[：:]?\s*(?P<m>{SCORE_NUMBER})分?[；;，,\s]+(?:预算)?执行率[：:]?\s*"
    rf"(?P<r>\d{{1,3}}(?:\.\d+)?%)[；;，,\s]+(?:自评)?得分[：:]?\s*(?P<s>{SCORE_NUMBER})分?(?![\d.%])"
)


def fund_score_lines(draft: Draft) -> Iterator[Formula]:
    """The funds' score as full marks × rate on each such line of a `键：值` form, where the document's forms show
    that practice (as `assessment_form` reads it from the forms' tables: at least two of those whose rate is short
    of 100% give the score so, and two thirds of them; a rule read from practice, so a warning)."""
    if not fund_scores_held(draft):
        return
    original = draft.doc.original
    scored = [found for m in FUND_SCORE.finditer(original) if (found := _fund_score(draft, m)) is not None]
    if not practised(scored):
        return
    for marks, rate, score in scored:
        si = sentence_of(draft, score.start)
        yield Formula("资金得分（分值×执行率）", [marks, rate], ["*"], score, si, [0, "*", 1], certain=False)


def _fund_score(draft: Draft, m: re.Match[str]) -> tuple[Quantity, Quantity, Quantity] | None:
    """A line's full marks, rate and score, where the rate is short of 100% (at 100% and above the score is the full
    marks whatever the rule) and the score, written with decimals (a whole one is a band's), short of the marks."""
    marks, score = figure_at(draft, m.start("m"), m.group("m")), figure_at(draft, m.start("s"), m.group("s"))
    at = draft.doc.normalised_at(m.start("r"))
    rate = quantities_at(draft).get(at) if at is not None else None
    if marks is None or score is None or rate is None or rate.kind != "percent" or not rate.exact:
        return None
    if not 0 < rate.value < 100 or score.decimals == 0 or score.value >= marks.value:
        return None
    return marks, rate, score
