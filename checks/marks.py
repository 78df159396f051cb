"""An indicator's score against its full marks, stated together in prose (`分值 10 分，得分 6.5 分，扣 3.5 分`)."""

from __future__ import annotations

from collections.abc import Iterable

from tieout.linter.facts.model import Marked
from tieout.linter.figures.intervals import fmt, gap, interval, sub
from tieout.linter.figures.quantities import Quantity
from tieout.linter.rules.base import Result, Rule
from tieout.linter.rules.hooks import hookimpl


class ScoreOverWeight(Rule):
    """An indicator's score is above the full marks stated with it (`分值 20 分，得 22 分`).

    ## What it does
    Reads an indicator's full marks and its score written together, nothing but a comma between them
    (`分值 10 分，得分 8 分`, `满分为 5 分，实际得分 5 分`, `产出指标 40 分，得 36.5 分`), or in brackets in a list
    of all the first-level indicators (their full marks making 100: `决策（15分）得 13 分；过程（25分）…`,
    `决策 13 分（满分 15 分），…`), or on `键：值` lines of one indicator's block (`分值：10` / `执行率：94.04%` /
    `得分：10.30`, one full marks line and one score line after it), and reports a score above the full marks. A full mark is exact by definition
    (an indicator of 10 分 earns at most 10), so no rounding band applies. Scoring rules are not results and
    are left alone: a clause with `每`, `若`, `未达到`, `否则` …, or marks that are a bound (`得 3 分以上`). Where
    a deduction is stated too, TO118 judges the three.

    ## Why is this bad?
    A score is what the indicator earned out of its full marks: one above them cannot be right, and it
    inflates the overall score and the grade the evaluation concludes with.

    ## Example
    ```text
    （三）项目产出情况。该项指标分值 20 分，评价得分 22 分。
    ```

    ## Passes
    ```text
    （三）项目产出情况。该项指标分值 20 分，评价得分 18 分。
    ```

    ## How to fix
    Correct the score (or the full marks, if the indicator's weight was mistyped), then the overall score.
    """

    code = "TO117"
    name = "score-over-weight"
    severity = "error"
    kind = "score_weight"

    def check(self) -> Iterable[Result]:
        for m in self.ctx.facts.marks:
            if m.deducted is not None:
                continue
            yield from self._judge(m)

    def _judge(self, m: Marked) -> Iterable[Result]:
        over = m.score.value > m.full.value
        yield self.checked(m.score, "fail" if over else "pass", [m.full])
        if over:
            # (a `键：值` block states the two on lines of their own, not in one sentence)
            where = "同句" if "\n" not in self.ctx.doc.text[m.full.end : m.score.start] else "同一指标"
            yield self.diag(
                m.score,
                f"得分 {m.score.text}高于{where}所述分值 {m.full.text}：得分不能超过分值",
                stated=m.score.text,
                expected=f"≤ {m.full.text}",
                related=[self.ctx.related(m.full, "分值")],
            )


class ScoreDeduction(Rule):
    """A score is not its full marks less the deduction stated with it (`分值 10 分，得分 6.5 分，扣 4.5 分`).

    ## What it does
    Reads an indicator's full marks, its score and the marks deducted, written together with nothing but
    commas between them, the deduction before or after the score (`分值 10 分，评价得分 6.5 分，扣 3.5 分`,
    `本项分值 5 分，扣分 1 分，得分 4 分`), and holds the score to the full marks less the deduction, within the
    precision the score and the deduction are written to. So is the overall score stated after the overall full marks of
    100 and the total deducted (`满分 100 分，合计扣分 4 分，自评得分 96 分`). Scoring rules (`每`, `若`, `未达到` …) are not read.

    ## Why is this bad?
    The deduction is the reason the evaluator gives for the score; a score that does not follow from it
    leaves the reader unable to tell which of the two was meant, and the overall score built on it.

    ## Example
    ```text
    （一）项目决策情况。该项指标分值 10 分，评价得分 6.5 分，扣 4.5 分。
    ```
    10 − 4.5 = 5.5, not 6.5.

    ## Passes
    ```text
    （一）项目决策情况。该项指标分值 10 分，评价得分 5.5 分，扣 4.5 分。
    ```

    ## How to fix
    Correct the score or the deduction so that the score is the full marks less the deduction.
    """

    code = "TO118"
    name = "score-deduction"
    severity = "error"
    kind = "score_deduction"

    def check(self) -> Iterable[Result]:
        for m in self.ctx.facts.marks:
            if m.deducted is not None:
                yield from self._judge(m, m.deducted)

    def _judge(self, m: Marked, deducted: Quantity) -> Iterable[Result]:
        left = sub(interval(m.full), interval(deducted))
        held = gap(interval(m.score), left) == 0
        yield self.checked(m.score, "pass" if held else "fail", [m.full, deducted])
        if held:
            return
        decimals = max(m.score.decimals, deducted.decimals, m.full.decimals)
        expected = fmt(m.full.value - deducted.value, decimals)
        yield self.diag(
            m.score,
            f"分值 {m.full.text}扣 {deducted.text}应得 {expected}分，文中得分为 {m.score.text}",
            stated=m.score.text,
            expected=expected,
            fix=f"{expected}分",
            related=[self.ctx.related(m.full, "分值"), self.ctx.related(deducted, "扣分")],
        )


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [ScoreOverWeight, ScoreDeduction]
