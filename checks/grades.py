"""Grades: the grade stated for an overall score is the one the document's own grading scale gives it."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from tieout.linter.facts.model import Band, Grade
from tieout.linter.facts.passes.grades import CANON
from tieout.linter.figures.intervals import fmt
from tieout.linter.rules.base import Result, Rule
from tieout.linter.rules.hooks import hookimpl


def _bounds(b: Band) -> str:
    """A band's bounds as a reader checks them (`80（含）–90分`, `90分（含）以上`)."""

    def mark(inside: bool | None) -> str:
        return "" if inside is None else ("（含）" if inside else "（不含）")

    if b.low is not None and b.high is not None:
        return f"{fmt(b.low)}{mark(b.low_in)}–{fmt(b.high)}分{mark(b.high_in)}"
    if b.low is not None:
        return f"{fmt(b.low)}分{mark(b.low_in)}以上"
    assert b.high is not None
    return f"{fmt(b.high)}分{mark(b.high_in)}以下"


class GradeMismatch(Rule):
    """The grade stated for an overall score is not the one the document's own grading scale gives it.

    ## What it does
    Reads the grading scale a document states (`综合得分90分（含）以上为“优”，80分（含）至90分为“良”，60分（含）
    至80分为“中”，60分以下为“差”`, `优（90分及以上）、良（80-89分）…`, `优：90分以上；良：80-89分；…`, a cascade
    `90分以上为优，80分以上为良…`, inequalities `80≤得分<90为“良”`) and an overall score (`综合得分`, `评价得分`,
    `自评得分` …) with the grade stated for it in its sentence or the next (`评价等级为“良”`, `自评等级：优`,
    `评定为“优秀”`, `属“良”等`). The score is placed in the scale stated before
    it or after it (where the two differ, the one in the score's own report, its top-level section: in a
    book of reports, one may state its own scale after its summary); when exactly one band holds the score
    and that band's grade is not the stated one, the grade is reported. Bounds may be written as ranges
    (`80-89分`), with a word on either side (`90分及以上`, `不足60分`, `80分以上不满90分`) and with marks
    (`（含）`, `（含90分）`). `优` and `优秀`, `良` and `良好` … name one grade
    (`linter/vocab/grades.yaml`). A scale may also be a table (`| 等级 | 分值区间 |` over `| 优 | 90-100 |` …)
    whose every row is a grade and its bounds.

    A grade with its own band in brackets right after it (`总分90.5分，等级为良（80-89.9分）`, `等级为优
    （90分及以上为优）`) is judged against that band: a score outside it is reported (the score or the grade
    is wrong), unless it lies in the gap a band written in whole points leaves before the next one
    (`80-89分` and 89.5). A bracket with any other words (`满意度90分以上`) or another grade's band is not read.

    No default scale is assumed: a document that states none has no grade checked. A score on a bound the
    scale leaves open (`80-90分为良，90-100分为优` and a score of 90), or between two bands written in whole
    points (`80-89分`, `90-100分` and 89.5), is not judged; where one band says
    whether the bound is its own (`80（含）-90 分为良`), the band beside it is read accordingly.

    ## Why is this bad?
    The grade is the evaluation's verdict, quoted in budget reports and used to reward or cut funds; a
    grade its own score does not reach (or one below it) misstates the result.

    ## Example
    ```text
    评价结果分为四个等级：90分（含）以上为“优”，80分（含）至90分为“良”，60分（含）至80分为“中”，60分以下为“差”。
    经评价，该项目综合得分为86.5分，评价等级为“优”。
    ```
    86.5 lies in 80（含）–90 分: the grade is 良.

    ## Passes
    ```text
    评价结果分为四个等级：90分（含）以上为“优”，80分（含）至90分为“良”，60分（含）至80分为“中”，60分以下为“差”。
    经评价，该项目综合得分为86.5分，评价等级为“良”。
    ```

    ## How to fix
    Give the grade the scale gives the score, or correct the score if it is the figure that is wrong.
    """

    code = "TO114"
    name = "grade-mismatch"
    severity = "error"
    kind = "grade"

    def check(self) -> Iterable[Result]:
        for g in self.ctx.facts.grades:
            yield from self._judge(g)

    def _judge(self, g: Grade) -> Iterable[Result]:
        if g.own:
            yield from self._judge_own(g)
            return
        stated = CANON[g.grade]
        if stated not in {CANON[b.grade] for b in g.bands}:
            return  # a grade of another scale than the one stated
        verdicts = [(b, b.holds(g.score.value)) for b in g.bands]
        if any(v is None for _, v in verdicts):
            return  # the score stands on a bound the scale leaves open
        holding = [b for b, v in verdicts if v]
        if len(holding) != 1:
            return
        band = holding[0]
        yield self.checked(g.span, "pass" if CANON[band.grade] == stated else "fail", [g.score])
        if CANON[band.grade] == stated:
            return
        yield self.diag(
            g.span,
            f"得分 {g.score.text} 按文中等级标准（{_bounds(band)}为“{band.grade}”）应为“{band.grade}”，文中为“{g.grade}”",
            stated=g.grade,
            expected=band.grade,
            fix=band.grade,
            related=[self.ctx.related(g.score, "得分"), self.ctx.related(g.scale, "文中等级标准")],
        )

    def _judge_own(self, g: Grade) -> Iterable[Result]:
        """The score against the band stated beside its grade (`等级为良（80-89.9分）`): out of it, the score or
        the grade is wrong; a score in the gap an integer band leaves before the next one (`80-89分` and 89.5)
        is not certainly out of it."""
        band = g.bands[0]
        score = g.score.value
        held = band.holds(score)
        if held is None or (held is False and _in_gap(band, score)):
            return
        yield self.checked(g.span, "pass" if held else "fail", [g.score])
        if held:
            return
        yield self.diag(
            g.span,
            f"得分 {g.score.text} 不在文中为“{g.grade}”标明的分数区间（{_bounds(band)}）内：得分或等级有误",
            stated=g.grade,
            related=[self.ctx.related(g.score, "得分"), self.ctx.related(g.scale, "文中标明的区间")],
        )


def _in_gap(b: Band, score: Decimal) -> bool:
    """Is the score outside the band by less than the step its bounds are written in (`80-89.9分` and 89.95,
    `80-89分` and 79.5)? A band written so may mean up to the next band, which starts one step on; only a
    bound said to be outside (`<90分`) leaves no gap."""
    step = min(Decimal(1).scaleb(min(0, int(x.as_tuple().exponent))) for x in (b.low, b.high) if x is not None)
    if b.high is not None and b.high_in is not False and b.high < score < b.high + step:
        return True
    return b.low is not None and b.low_in is not False and b.low - step < score < b.low


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [GradeMismatch]
