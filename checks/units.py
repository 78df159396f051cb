"""Unit checks: a unit off by 10⁴ or 10⁸ (亿元 for 万元, 元 for 万元), and a figure missing its unit."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from tieout.linter.facts.model import Change, Mention
from tieout.linter.facts.model import UnitSlip as UnitSlipFact
from tieout.linter.figures.intervals import HUNDRED, fmt, interval, ratio, sub
from tieout.linter.figures.quantities import Quantity
from tieout.linter.patterns import regex
from tieout.linter.rules.base import Result, Rule
from tieout.linter.rules.hooks import hookimpl
from tieout.linter.text.model import Document

from ._util import PER_UNIT

AMOUNT_WORDS = regex(r"(?:金额|资金|经费|收入|支出|费用|预算|总值|总额|净值|余额|结余|资产|负债|拨款|价值|成本)$")
MIN_DIGITS = 3
MULTIPLIERS = frozenset(
    "万亿千百"
)  # a bare `2` or `15` after an amount word is more often a count or a list number than an amount


class UnitSlip(Rule):
    """A figure whose unit makes its breakdown fail by a factor of 10⁴ or 10⁸, while the same number in the
    neighbouring unit makes it hold exactly.

    ## What it does
    Looks at every breakdown in money (complete or `其中`) that does not add up, and reads each of its
    figures in the other money units (`元`, `千元`, `万元`, `亿元`): when exactly one figure, read so, makes
    the breakdown add up, that figure's unit is the slip (`项目支出 3,706.25 亿元` in a list of 万元 whose
    parts add up to the total only when it is read as 万元). A part that would shrink to next to nothing
    is an extra part, not a slip; where two figures would each fix the sum
    (`合计 586.34 万元，其中 … 586.34 亿元`: the total in 亿元, or the part in 万元), the one written in a
    unit none of the others use is the slip, and if that does not decide, nothing is said.

    A change of two sums of money (`比上年 88.46 万元增长 2.1%`) whose stated movements the figures miss,
    while one of them read in another money unit gives them all, is such a slip too; where either figure
    would do, the one that read so is a sum stated elsewhere, or the one in a unit the document uses far
    less, is the slip (else nothing is said); never a figure that, read so, would be a hundredth of the other or
    less (any figure next to nothing would give a change as large as the other figure). Where two figures of a
    breakdown would each fix its sum and the units do not tell them apart, the one told apart so is the slip. A
    stock rolled forward (`结转结余 D（年初… A，加 B，减 C）`, as TO109 reads it) that misses while one figure read
    in another money unit closes it exactly is such a slip too (TO109 then says nothing); and so is one of a
    department budget's income and spending totals stated side by side (`收入预算总计 T，支出预算总计 U`), which
    balance as a budget is drawn up.

    The sum check (TO101) then says nothing about that breakdown: one cause, one finding. The finding is
    an error, with the figure in its corrected unit as the fix, on a breakdown the text states; a
    warning without a fix on one found by inference.

    ## Why is this bad?
    A figure 10,000 times too large or too small is read as such by anyone who quotes it alone, away from
    the list that shows the slip: a 万元 amount in 亿元 is a figure that no budget of the entity could
    have.

    ## Example
    ```text
    本年收入合计 3,286.40 万元，具体为：财政拨款收入 3,120.00 万元，事业收入 166.40 亿元。
    ```

    ## Passes
    ```text
    本年收入合计 3.2864 亿元，具体为：财政拨款收入 31,200.00 万元，事业收入 1,664.00 万元。
    ```
    Mixed units that are right.

    ## How to fix
    Write the figure in its unit (the finding's suggestion); check the tables the figure was taken from
    for the same slip.
    """

    code = "TO202"
    name = "unit-slip"
    severity = "error"
    kind = "unit"

    def check(self) -> Iterable[Result]:
        for slip in self.ctx.facts.unit_slips:
            f = slip.figure
            if slip.change is not None:
                c = slip.change
                other = c.base if f is c.current else c.current
                assert other is not None
                said = "、".join(f"{m.word}{m.quantity.text}" for m in c.movements if m.quantity is not None)
                why, certain = f"与 {other.text} 相比{said}相符", c.certain
                related = [(other, "本期数" if other is c.current else "上期数")]
            elif slip.roll is not None:
                r = slip.roll
                figures = [r.opening, *r.inflows, *r.outflows, r.closing]
                why, certain = "期初加减各项等于期末", r.certain
                names = {id(r.opening): "期初", id(r.closing): "期末", **{id(q): "增加" for q in r.inflows}}
                related = [(q, names.get(id(q), "减少")) for q in figures if q is not f]
            else:
                b = slip.breakdown
                assert b is not None
                figures = [q for m in [b.total, *b.parts] if (q := m.of_unit("元")) is not None]
                whole = b.total.of_unit("元")
                if b.sides:  # two sides of a balance (收入总计 = 支出总计), no whole and its parts
                    why, certain = "收入总计与支出总计相等", b.certain
                    related = [(q, "收入总计" if q is whole else "支出总计") for q in figures if q is not f]
                else:
                    why, certain = ("合计等于各项之和" if whole is f else "各项之和等于合计"), b.certain
                    related = [(q, "合计" if q is whole else "组成项") for q in figures if q is not f]
            yield from self._finding(slip, why, certain, related)

    def _finding(
        self, slip: UnitSlipFact, why: str, certain: bool, related: list[tuple[Quantity, str]]
    ) -> Iterable[Result]:
        """The figure in its unit: `why` says what holds when it is read so (its sum, its change)."""
        f = slip.figure
        number = f.text[: -len(f.unit)]
        yield self.checked(f, "fail", [q for q, _ in related])
        yield self.diag(
            f,
            f"单位疑误：{f.text} 应为 {number}{slip.unit}；按 {slip.unit} 计，{why}，按 {f.unit} 计则相差 10⁴ 倍以上",
            stated=f.text,
            expected=f"{number}{slip.unit}",
            fix=f"{number}{slip.unit}" if certain else None,
            related=[self.ctx.related(q, said) for q, said in related],
            severity=self.certainty(certain),
        )


class MissingUnit(Rule):
    """A figure written without its unit where its sentence says which unit it has.

    ## What it does
    Finds two kinds of bare numbers (written without a unit) that are amounts or percentages:

    - a change written without `%`, with decimals, that is, within its precision, the growth in per cent
      the change's own figures give (`支出增加 1,046.80 万元，增长 12.73。`, 12.73 being 1,046.80 over
      last year's figure); a warning, with the fix `12.73%` when the change's figure stands in its own
      sentence;
    - a number whose label ends in an amount word (`金额`, `资金`, `收入`, `支出`, `结余`, `资产` …) in a
      paragraph whose amounts are all in one unit (`在用固定资产总值为 231.40。` among figures in 万元);
      a warning without a fix, since the unit is inferred from the paragraph.

    Whole numbers of fewer than three digits (more often a count or a list number), numbers followed by
    `万`, `亿`, `千` or `百` (the measure word left out, not the unit), operands of a written formula, and
    paragraphs whose amounts use several units are left alone. The number is read as it stands; the
    finding asks for the unit.

    ## Why is this bad?
    Without its unit a figure can be read as 元 or as 万元, as a per cent or as a count: a reader who
    quotes it carries the ambiguity on, and no check can use it.

    ## Example
    ```text
    本年收入 1,260.00 万元，本年支出 1,180.00 万元，年末结转结余 80.00。
    ```

    ## Passes
    ```text
    本年收入 1,260.00 万元，本年支出 1,180.00 万元，年末结转结余 80.00 万元。
    ```

    ## How to fix
    Write the unit (the finding says which the sentence implies), or, if the number is not an amount,
    reword the label so that it is not read as one.
    """

    code = "TO203"
    name = "missing-unit"
    severity = "warning"
    kind = "unit"

    def check(self) -> Iterable[Result]:
        yield from self._changes()
        yield from self._amounts()

    def _changes(self) -> Iterator[Result]:
        """A bare change figure that is exactly the growth in per cent the sentence's figures give."""
        for c in self.ctx.facts.changes:
            for m in c.movements:
                q = m.quantity
                growth = _growth(c) if q is not None and q.kind == "bare" and q.decimals > 0 else None
                if q is None or growth is None:
                    continue
                ok = self.ctx.judge(interval(q), growth, q.ulp) != "fail"
                if not ok:
                    continue
                yield self.checked(q, "fail", [x for x in (c.current,) if x is not None])
                yield self.diag(
                    q,
                    f"“{m.word}{q.text}”缺少单位：按所述数字计算增幅为 {fmt((growth[0] + growth[1]) / 2, q.decimals)}%，"
                    f"应写作 {q.text}%",
                    stated=q.text,
                    expected=f"{q.text}%",
                    fix=f"{q.text}%" if c.certain else None,
                    related=[self.ctx.related(c.current, "本期数")] if c.current is not None else [],
                    severity=self.certainty(c.certain),
                )

    def _table_cell(self, q: Quantity) -> bool:
        """Does the figure stand alone at the end of a text-table line (`工资福利支出  512.38`)? Its unit is the
        table's (`单位：万元` over it), not one left out."""
        return TABLE_LINE.fullmatch(_line_of(self.ctx.doc, q)) is not None

    def _amounts(self) -> Iterator[Result]:
        in_formula = {q.start for f in self.ctx.facts.formulas for q in [*f.operands, f.result]}
        by_para: dict[int, list[Mention]] = {}
        for m in self.ctx.facts.mentions:
            by_para.setdefault(m.paragraph, []).append(m)
        for mentions in by_para.values():
            units = [q for m in mentions for q in m.quantities if q.kind == "amount"]
            if len({q.unit for q in units}) != 1:
                continue  # the paragraph's amounts do not say which unit one without it has
            for m in mentions:
                for q in m.quantities:
                    if not _bare_amount(self.ctx.doc.text, m, q) or q.start in in_formula or self._table_cell(q):
                        continue
                    if UNIT_WITHOUT_FIGURE.search(m.key):
                        continue  # (the figure's own words hold a unit after no figure: the unit it may lack)
                    near = min(units, key=lambda u: abs(u.start - q.start))
                    yield self.diag(
                        q,
                        f"{m.key} {q.text} 缺少单位；同段金额以“{near.unit}”为单位，应写作 {q.text}{near.unit}",
                        stated=q.text,
                        expected=f"{q.text}{near.unit}",
                        related=[self.ctx.related(near, "同段金额的单位")],
                    )


# a line of a text table as the file has it: a name, a wide gap (spaces, a tab), one figure and nothing after but a
# note column of letters after another wide gap (`一般公共预算支出    1,960,063      J`, `收入总计  4,491,592  A=B+C+D`)
TABLE_LINE = regex(r"\s*\S.*?(?:\s{2,}|\t|\u3000+)[-−]?[\d,.]+(?:(?:\s{2,}|\t|\u3000+)[A-Za-z][A-Za-z=+\-−]*)?\s*")


# the next figures of a list joined by 、 / 和 / 至 / -, the last of them with its unit; or right after a comma
# (`880, 243万元`, read `880，243万元`: a PDF's spaced thousands separator, or two figures sharing one unit; a unit
# left out, neither)
SHARED_UNIT = regex(r"(?:\s*(?:、|和|及|与|至|到|-|—|~|～|[,，](?=\s*\d))\s*[\d,.]+)+\s*(?:万元|亿元|千元|元)")


# a unit of money after no figure (`…保障和就业支出 亿元 增长 卫生健康支出` / `1241 , 7.9%。`): a PDF's text layer that
# sets its figures on lines of their own (a baseline apart from the words), read without its layout, leaves each unit
# where its figure was; a bare figure after such words may well be the one that unit is of (the PDF reader judges its
# pages by the same mark: pdflayout._figures_moved). Not after a numeral of words (`百亿元`, `数千万元`)
UNIT_WITHOUT_FIGURE = regex(r"(?<![\d.%％零〇一二两三四五六七八九十百千万几数多余])(?:亿|万|千)元")


def _line_of(doc: Document, q: Quantity) -> str:
    """The line of the file (as the user has it) the figure stands on."""
    line, _ = doc.line_col(doc.origin[q.start])
    starts = doc.line_starts
    return doc.original[starts[line - 1] : starts[line] - 1 if line < len(starts) else len(doc.original)]


def _bare_amount(text: str, m: Mention, q: Quantity) -> bool:
    if q.kind != "bare" or not AMOUNT_WORDS.search(m.key):
        return False
    if text[q.end : q.end + 1] in MULTIPLIERS:
        return False  # `4.30万`: the measure word is left out, not the unit
    if SHARED_UNIT.match(text, q.end):
        return False  # `分别为 1,422.65、318.47 万元`: one unit written after the list's last figure
    if PER_UNIT.match(text, q.end):
        return False  # `15.41 元/平方米`, `249.17元/吨`: a cost per unit, its compound unit written
    if _in_figures_bracket(text, q):
        return (
            False  # `39.6万元（运转经费9.2、干部报酬20.7）`: parts of the figure the bracket opens after, in its unit
        )
    return q.decimals > 0 or len(str(abs(q.value)).split(".")[0]) >= MIN_DIGITS


# a figure with its unit right before a bracket (`39.6万元（`)
FIGURE_BEFORE_BRACKET = regex(r"\d\s*(?:万元|亿元|千元|元)\s*[（(]$")
BRACKETS = regex(r"[（()）]")


def _in_figures_bracket(text: str, q: Quantity) -> bool:
    """Does the figure stand in a bracket opened right after a figure with its unit (the bracket states that
    figure's parts, in its unit)?"""
    opened = None
    for b in BRACKETS.finditer(text, max(0, q.start - 60), q.start):
        opened = b.end() if b.group() in "（(" else None
    return opened is not None and FIGURE_BEFORE_BRACKET.search(text, max(0, opened - 12), opened) is not None


def _growth(c: Change) -> tuple[Decimal, Decimal] | None:
    """The growth in per cent the change's own figures give: current and stated difference, or base."""
    cur = c.current
    if cur is None or cur.kind not in ("amount", "count"):
        return None
    if c.base is not None and c.base.base_unit == cur.base_unit:
        return ratio(sub(interval(cur), interval(c.base)), interval(c.base))
    delta = next((m for m in c.movements if m.quantity is not None and m.quantity.base_unit == cur.base_unit), None)
    if delta is None or delta.quantity is None:
        return None
    d = interval(delta.quantity)
    base = sub(interval(cur), d) if delta.direction == "up" else (interval(cur)[0] + d[0], interval(cur)[1] + d[1])
    iv = ratio(d, base)
    return iv if iv is not None and iv[1] < HUNDRED * 10 else None


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [UnitSlip, MissingUnit]
