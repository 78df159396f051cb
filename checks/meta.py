"""Codes the core emits, documented like rules so that they can be listed, explained and selected."""

from __future__ import annotations

from collections.abc import Iterable

from tieout.linter.rules.base import Result, Rule
from tieout.linter.rules.hooks import hookimpl


class CrossDocumentFigure(Rule):
    """A figure that several reports of one entity and year restate differs between them (`--cross-document`).

    ## What it does
    With `--cross-document` (or `cross-document: true` in the configuration), groups the reports of one
    batch by the entity and the year their opening lines name (`某某市市场监督管理局2023年度部门决算`: an
    entity ending in `局`, `厅`, `委员会`, `中心`, `医院` …, and the first `20xx年`), and within a group
    compares the figures that are one quantity: the same item and subject, the same context (scope,
    fund, stage, period) and unit, each identity complete and stated, not inferred. A quantity stated
    in two reports or more with different values is reported in each report that states it, naming the
    other reports and lines; the related places carry their file's `path`. Within one report, the first
    statement of each quantity counts (restatements inside a report are TO201's).

    Reports whose opening lines name no entity or no year are not compared, and neither are figures
    whose identity is incomplete. Reports of different genres share a quantity only where their contexts
    agree: a `部门决算` states its figures at the stage `决算`, a `绩效自评报告` at `执行`, unless their text
    says otherwise. It needs several files, so it has no fixture cases; `tests/test_batch.py` tests it.

    ## Why is this bad?
    The reports of one department for one year are read together (the 决算 and its 说明, the budget and
    the performance report); a total that differs between them leaves the reader with two answers, and
    an auditor with the question which report was not updated.

    ## Example
    ```text
    某某市市场监督管理局2023年度部门决算
    一、收入支出决算总体情况
    本年收入合计 3,286.40 万元。
    ```
    and, in another file of the same batch:
    ```text
    某某市市场监督管理局2023年度部门决算情况说明
    （一）收入决算情况
    本年收入合计 3,268.40 万元。
    ```

    ## Passes
    The same two reports stating `本年收入合计 3,286.40 万元` both, or one of them checked without
    `--cross-document`.

    ## How to fix
    Make the reports state the quantity with one value (the one the accounts support), or, if they mean
    different quantities, say so in the labels (the scope, the fund, the stage or the period).
    """

    code = "TO207"
    name = "cross-document-figure"
    severity = "warning"
    kind = "cross_ref"
    fixture_cases = False  # needs several files: tests/test_batch.py

    def check(self) -> Iterable[Result]:
        return ()  # the batch runner compares the reports' summaries (linter/crossdoc.py)


class InternalError(Rule):
    """A check raised an exception on this file; the other checks and files were still run.

    ## What it does
    Is emitted by the engine, not by a check: when analysing a file (normalising its text, parsing its
    sentences, building its facts) fails, or one rule raises an exception on it, the file gets this
    finding at its first line, naming the stage or the rule, the exception and where it was raised. When
    the analysis fails, no rule ran on the file; when one rule fails, the other rules' findings stand. The
    other files of the run are checked as usual. A file that cannot be read at all (not found, too large,
    in no known encoding) is an input error instead (exit code 2), not this finding.

    ## Why is this bad?
    It is a defect of tieout, not of the report: the part of the report the failing check covers was not
    checked, and a clean result for that file would be misleading.

    ## Example
    ```text
    报告.txt:1:1: TO900 [错误] 内部错误：检查 TO105（rate-mismatch）失败（KeyError: 'unit'，位于 rates.py:48），请报告此文件
    ```
    The finding, as `tieout check` prints it: no report text causes it by design.

    ## How to fix
    Report it, with the file (or the sentence) that triggers it. Until it is fixed, the file can be
    checked with the failing rule ignored (`--ignore TO105`), which the finding names.
    """

    code = "TO900"
    name = "internal-error"
    severity = "error"
    kind = "internal"
    fixture_cases = False

    def check(self) -> Iterable[Result]:
        return ()


class UnusedSuppression(Rule):
    """An inline `<!-- tieout: ignore[…] -->` or a Word comment `tieout: ignore[…]` that silences no finding;
    remove it.

    ## What it does
    Is emitted by the engine after the findings of a file are known: every
    `<!-- tieout: ignore[CODES] -->` (after text on a line, covering that line; alone on its line,
    covering the next non-blank line), every Word comment reading `tieout: ignore[CODES]` (covering the
    figure or the words it is anchored on, and the sentences they are in) and every
    `tieout: ignore-file[CODES]` that silenced no finding is reported at the comment, at severity info, as
    ruff reports an unused `noqa`. The codes are matched as `--select` matches them (code, name or prefix;
    no codes: every rule); a code that names no rule is a usage error (exit 2), not this finding. As ruff
    does, a suppression whose codes name only rules the run did not select (`--ignore TO101`, `--select
    TO1` for `ignore[TO201]`) is reported as `non-enabled` rather than unused: it silences nothing in this
    run because its rules did not run, and the message says so instead of asking to remove it. Nothing is
    reported when TO901 itself is not selected.

    ## Why is this bad?
    A suppression left after its finding was fixed hides the next mistake on that line from the reader
    and from CI alike, and it tells whoever reads the source that something there is wrong when nothing
    is.

    ## Example
    ```text
    本年支出合计 1,570.00 万元，具体为：基本支出 1,120.00 万元，项目支出 450.00 万元。<!-- tieout: ignore[TO101] -->
    ```
    The list adds up: TO101 has nothing to silence.

    ## Passes
    ```text
    本年支出合计 1,570.00 万元，具体为：基本支出 1,120.00 万元，项目支出 540.00 万元。<!-- tieout: ignore[TO101] -->
    ```

    ## How to fix
    Remove the comment, or correct its codes if it was meant for another finding. A `non-enabled` code is
    to be removed only if its rule is never run on the report (not in the project's configuration either).
    """

    code = "TO901"
    name = "unused-suppression"
    severity = "info"
    kind = "suppression"
    fixture_cases = False

    def check(self) -> Iterable[Result]:
        return ()


@hookimpl
def tieout_rules() -> list[type[Rule]]:
    return [CrossDocumentFigure, InternalError, UnusedSuppression]
