"""The rules of the table checks, and their evaluators as the rules and TO100 call them: each evaluator's module
is imported when the document has tables.

A table check evaluates relations among the cells of the document's tables: every one of these evaluators starts
from `ctx.facts.tables` (a loop over them, or a return where there are none), so on a document without tables it
has nothing to say. The modules that evaluate them (`sums`, `rates`, `text` …, with the table lookups they
build on) were about a fortieth of the instructions of a cold `tieout check` of a report without tables; they
are imported by the evaluator's first call on a document with tables. The gate is that same predicate,
`ctx.facts.tables`, asked before the import (tests/test_lean_start.py runs every evaluator on documents whose
tables are taken away: none has an outcome). The one evaluator that also reads the text alone, TO302's rates of
indicator tables set out as text (`targets.text_target_rate_outcomes`), runs on every document whose text names a
completion rate (`完成率`, the predicate it starts with: `completion_rates_held`), its module imported there only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module

from tieout.linter.rules.base import CheckContext, Outcome, Result, Rule

Evaluator = Callable[[CheckContext], Iterable[Outcome]]


def _of_tables(module: str, name: str) -> Evaluator:
    """The evaluator `name` of the module `module` of this package, called on a document with tables, and nothing on
    one without (see the module's docstring). It is known to `CheckContext.outcomes` by the module and name of the
    evaluator it stands for, as when the rules imported it: the outcomes are computed once for the rule and TO100."""
    qualified = f"{__package__}.{module}"

    def evaluate(ctx: CheckContext) -> Iterable[Outcome]:
        if not ctx.facts.tables:
            return ()
        evaluator: Evaluator = getattr(import_module(qualified), name)
        return evaluator(ctx)

    evaluate.__module__ = qualified
    evaluate.__name__ = evaluate.__qualname__ = name
    return evaluate


parent_outcomes = _of_tables("sums", "parent_outcomes")
total_outcomes = _of_tables("sums", "total_outcomes")
crossfoot_outcomes = _of_tables("sums", "crossfoot_outcomes")
sides_outcomes = _of_tables("sums", "sides_outcomes")
identity_outcomes = _of_tables("sums", "identity_outcomes")
table_share_outcomes = _of_tables("rates", "table_share_outcomes")
text_table_outcomes = _of_tables("text", "text_table_outcomes")
table_formula_outcomes = _of_tables("formulas", "table_formula_outcomes")
score_weight_outcomes = _of_tables("scores", "score_weight_outcomes")
table_delta_outcomes = _of_tables("deltas", "table_delta_outcomes")
part_column_outcomes = _of_tables("parts", "part_column_outcomes")
class_part_outcomes = _of_tables("parts", "class_part_outcomes")


def completion_rates_held(ctx: CheckContext) -> bool:
    """The word of every indicator table's rate column (`完成率`), which the text's tables must name."""
    return "完成率" in ctx.doc.original


def table_rate_outcomes(ctx: CheckContext) -> Iterable[Outcome]:
    """TO302's outcomes: the rate columns of the tables, then the rates of indicator tables set out as text that no
    table reading checked (`rates.table_rate_outcomes`); on a document without tables, the text's alone (none held
    by a table), without importing the rate columns' module, nor the text's readers where no completion rate is
    named (`completion_rates_held`, which they start by asking)."""
    if ctx.facts.tables:
        evaluator: Evaluator = import_module(f"{__package__}.rates").table_rate_outcomes
        return evaluator(ctx)
    if not completion_rates_held(ctx):
        return ()
    from .targets import text_target_rate_outcomes

    return text_target_rate_outcomes(ctx, set())


table_rate_outcomes.__module__ = f"{__package__}.rates"  # (known to `CheckContext.outcomes` as before)


class TableParent(Rule):
    """A parent row of a table is not the sum of its direct children.

    ## What it does
    Reads the tree of a table's rows and adds up each parent's direct children, column by column: the
    功能分类 / 经济分类 codes give it with certainty (类 201 › 款 20106 › 项 2010601, written whole or split over
    the 类 / 款 / 项 columns), in a score table the indicators' own codes where every indicator row carries one
    (一级 A › 二级 A1 › 三级 A101; no code twice, each A101's A1 in the table), or its level columns (一级指标 |
    二级指标 | 三级指标) where an indicator's row names its level only and stands over its own rows, merged cells
    blank (only where every such row's 分值 is exactly its rows' added up, and no row naming several levels
    stands over a deeper one), else the enumeration of the labels (一、 › （一） › 1.), or in a space-aligned
    text table the indentation of the labels (then only where the grouping holds in at least as many
    columns of the row as it fails in; a row whose label wraps leaves the rows around it unplaced), or in a flat
    list of the parts of a defined sum each over its items (`合计`, `税收收入`, its taxes, `非税收入`, its items:
    vocab sums.yaml; no row numbered or coded, two items a part at least) the runs of items under each part (then
    too only where the grouping holds in another column of the row), or, in a table of two amount columns or more
    whose rows nothing else places (a 功能分类 table by names alone), the sums themselves: read from the bottom up,
    a row over the run of rows under it that adds up to it exactly in every column, or in all but one that one
    slipped digit explains (two columns stating different figures holding), or within one unit of the last digit
    in every column and exactly in one (a 尾差 in the budget columns copied from one another; then TO100), three
    such parents at least
    (linter/parse/tables/summed.py; its blank cells then count as nothing, as its sums add them; then too only
    where the grouping holds in another column of the row). A row
    numbered 一、 followed by unnumbered rows is checked only when some run of those rows
    adds up to it, or when another column of the row adds up exactly under the same run (two rows or more) and
    the column adds up under another numbered row (`一、税收收入` over its taxes, in every column). In a budget's
    平衡表 read in blocks by its identity (TO308: `转移性收入` over 返还性收入, 调入资金 …), each block's part against
    the items under it, only where a column breaks every block out in full (no item blank or nought) and adds up
    block by block; another column's block that misses is reported where one cell explains it (the identity
    holding on the parts as they stand, or with the block's items' sum in place of its part). A blank cell
    counts as nothing only in tables whose convention says so (部门决算), a dash (`—`) in any; a miss within one unit of the last
    digit is rounding (TO100), except in a document that foots its tables as written (ten sums or more add up
    to the unit, at most one misses by rounding): there a miss of two units or more, where the parts are all
    the rows (they exceed the total, or add up in another column), is a mistyped cell. A table printed over pages whose parent rows fall
    short of their children in every column on two pages or more leaves items out by its own convention (a
    published table without its confidential items): those rows are not reported; a parent its children exceed
    still is, since no item left out makes the children more than their parent.

    ## Why is this bad?
    A 类 or 款 figure that its 项 rows do not make up means one of them was mistyped: the reader cannot
    trust either the total or its breakdown.

    ## How to fix
    Correct the parent row or the child that was mistyped; add the child row that is missing.
    """

    code = "TO305"
    name = "table-parent-row"
    severity = "error"
    kind = "sum"

    def check(self) -> Iterable[Result]:
        return self.report(self.ctx.outcomes(parent_outcomes))


class TableTotal(Rule):
    """A 合计 / 总计 / 小计 row of a table is not the sum of the rows it totals.

    ## What it does
    Adds up the rows a total row closes: the top-level rows of a coded table (the 类 rows, never every row
    below the total; the A1, A2 rows of a score table coded A1 › A101), the 一、二、 rows of an enumerated one, the rows since the previous total in a plain
    list (a 小计 the rows since the previous 小计; in a score table with level columns, `一级指标 | 二级指标 | 三级指标`,
    the rows naming the indicator the 小计 names where every row names its own, else those since the last row whose
    一级指标 cell is filled, two at least, the merged cells under it blank: `产出指标小计` closes the 产出 rows, not
    the `预算执行` row above them; its rows named by their indicators, not by the 指标值 or 实际完成值 cells).
    A table whose rows are not all placed in its tree with
    certainty is not checked, nor a 合计 above rows read only up to a line that may be one of them (the rest of
    the table not read); in a plain list the grouping must hold in another column of the row, or no
    row of the group may be the sum of rows after it (a hierarchy the table does not mark); in a table read by its
    sums (TO305), not where a top row restates the row under it in every column (a 类 over its one 款, or two
    siblings: the sums cannot tell). A miss within the
    rounding band is a mistake, not rounding, as for parent rows (TO305), in a document that foots its
    tables as written. A row naming a
    jurisdiction as a whole (`全省`, `全市`, `全县`) right above the two rows naming its own level and the levels
    below (`省级` and `市县`, `市本级` and `区县`: vocab tables.yaml scope_splits) is their sum by definition.

    ## Why is this bad?
    A total that its rows do not make up is wrong, or a row is: every figure restated from the table
    inherits the mistake.

    ## How to fix
    Correct the total or the row that was mistyped.
    """

    code = "TO301"
    name = "table-total"
    severity = "error"
    kind = "sum"

    def check(self) -> Iterable[Result]:
        return self.report(self.ctx.outcomes(total_outcomes))


class TableCrossfoot(Rule):
    """A row's 合计 column is not the sum of its component columns (cross-footing).

    ## What it does
    In each row, adds up the columns that a 合计 / 小计 column totals, following the header: 本年支出合计 =
    基本支出 + 项目支出 + 上缴上级支出 + …, 本年收入合计 = 财政拨款收入 + 上级补助收入 + …; a header that groups
    columns (公务用车购置及运行维护费 / 小计 / 购置费 / 运行维护费) is followed level by level and leaf by leaf
    (预算数, 决算数); a text table's two header lines are read as such a tree where each group's heading stands
    over the columns it heads and a 小计 / 合计 opens them. A total with another total of its level beside it (a
    flat header that hides its groups) is not cross-footed, nor is a `其中` column added. Columns of different
    stages or periods (预算数 beside 执行数) are never summed, but for a plan laid out by year (`2025年发行 |
    2026年发行 | 合计`: each year once, in order, no stage of a budget, the total naming no year): the years' sum.
    Rate and share columns are left out. A cell written as a dash (`—`) is nothing; a slash (`/`, does not apply)
    leaves its row unchecked. A wide text table whose header names its first column of figures 合计 (or 总计) and
    every other one a part (no 其中, rate, stage or year), whose rows fill a few columns each and stand off their
    edges (a PDF's transfers by place), is read by its rows alone: each row's first figure is the sum of the figures
    after it, wherever they stand; not where two rows or more of the table miss (a table showing its main items
    only). In an
    evaluation's table, the overall score (`自评得分`, `总分`) is the points of the columns right before it that each
    note an indicator's weight (`产出指标（50分）`), where those weights make exactly its own (100), no other column
    noting one: such columns hold points, whatever they are named after (`执行率得分（10分）`) or the table's unit.

    ## Why is this bad?
    A row whose total differs from its parts (行政运行 合计 equal to its 基本支出 while 项目支出 holds another
    amount) misstates either the total or the split between its parts.

    ## How to fix
    Correct the 合计 cell or the component that was mistyped.
    """

    code = "TO306"
    name = "table-crossfoot"
    severity = "error"
    kind = "sum"

    def check(self) -> Iterable[Result]:
        return self.report(self.ctx.outcomes(crossfoot_outcomes))


class TableBalance(Rule):
    """The two sides of a two-sided table do not balance: 收入总计 ≠ 支出总计.

    ## What it does
    Reads a two-sided table (收入 | 金额 | 支出 | 金额) as two tables side by side and compares the 总计 rows
    of the two sides.

    ## Why is this bad?
    收入支出总表 and 财政拨款收入支出总表 put sources beside uses: they balance by construction, so a gap means
    a figure on one side is wrong.

    ## How to fix
    Find which side's total, or which of its rows, is wrong.
    """

    code = "TO307"
    name = "table-balance"
    severity = "error"
    kind = "sum"

    def check(self) -> Iterable[Result]:
        return self.report(self.ctx.outcomes(sides_outcomes))


class TableIdentity(Rule):
    """An identity of a standard table fails (kept as data in `tieout/linter/vocab/table_identities.yaml`).

    ## What it does
    Checks the identities of the standard tables of 部门决算 / 部门预算, one entry each in the data file,
    matched by table title and row or column labels: 收入支出决算总表 总计 = 本年收入合计 + 使用非财政拨款结余 +
    年初结转和结余 (= 本年支出合计 + 结余分配 + 年末结转和结余); 基本支出决算表 人员经费合计 = 301 + 303, 公用经费合计 =
    302 + 310; 三公经费 合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费; and identities between two
    tables (收入支出决算总表 本年支出合计 = 支出决算表 合计). Stocks rolled forward row by row where the columns
    are the opening, the flows and the closing and nothing else (年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出;
    社会保险基金 年末滚存结余 = 上年滚存结余 + 收入 − 支出; 年末余额 = 年初余额 + 本年增加 − 本年减少): a column
    they do not name (调整, 核销) may be one more movement, and then the table is not read. A fund's budget
    table in one column (…收支表) whose last row, right under 支出合计, is the sum carried forward: 结转下年 =
    收入合计 − 支出合计, read only where the three stand in that order and no total, income or sum brought
    forward stands between 收入合计 and 支出合计 (a 支出合计 under 结转下年 holds it). A computation any table
    writes down its rows with 加：/减： marks (`可使用合计 / 减：本年支出 / 年末结余`): the result row against the row
    it starts from and the marked rows, read only where every row between is marked and the result is named as
    one (结余, 余额, 合计 …; linter/vocab/tables.yaml running_result). A year's flows by quarter (`第一季度 | 第二季度 |
    第三季度 | 第四季度`, a listed company's 分季度主要会计数据): each row's four quarters add up to its 全年 column, or,
    without one, to the one row of its name in another table, in its one column of that year (营业收入 of 主要会计数据);
    stocks at a quarter's end (资产, 余额), figures per share and rates are not summed, and where the year stands in
    another table no fix is proposed (which figure slipped, neither says). A year's parts beside their running
    total (`季度 | 当季支出 | 累计支出`, `月份 | 本月数 | 累计数`, the rows the quarters or months from the first on, in
    order; linter/vocab/tables.yaml running_columns): each running total is the parts up to its row added up, read
    only where the first row states one figure in both (a total running from before the year is not the parts').
    A row a table's 公式 column defines by other rows' letters (`二、还本执行数 | F=G+H`, `（一）一般债券 | G`, the
    template of 政府债券发行及还本付息情况表, the letters in cells of their own or at the end of a text table's
    labels): the row against the rows it names, in each column of figures, read only where each letter marks one
    row; the parent-row check (TO305) then leaves that row alone. Another genre's tables are added to the data
    file, without code. Each identity checked is listed by name in `checked`.

    ## Why is this bad?
    The standard tables restate one another: a figure that breaks their identities was mistyped in one
    place, and the published tables contradict each other.

    ## How to fix
    Correct the total or the term that was mistyped.
    """

    code = "TO308"
    name = "table-identity"
    severity = "error"
    kind = "identity"

    def check(self) -> Iterable[Result]:
        return self.report(self.ctx.outcomes(identity_outcomes))


class TableRate(Rule):
    """A rate column of a table (为预算%、执行率、得分率、为上年%、增长%) does not match its operand columns, row by row.

    ## What it does
    为预算% is 执行数 (决算数) over 预算数 or 调整预算数 (a rate named by its stage, 支出率 or 到位率, that stage's
    column over the budget; 支出率 or 使用率 that stage's one column over any column before it of the funds
    arrived, issued or budgeted, `发行额 | 到位额 | 支出额 | 支出率`, and wrong only when of none; an 执行率 naming no
    stage after `资金安排 | 实际到位 | 实际支出`, the spending over what arrived or over the budget, wrong only
    when of neither), a survey's 满意度 the one column naming 满意 (none 不满意) over the one naming 有效, 得分率 an indicator's 得分 over its 分值 (权重; beside both a 权重 and a 分值 column, over either) (also in a score table laid on its side, a column
    per indicator over rows 分值 | 得分 | 得分率, each named once), 调整率 a budget's
    调整后预算 less its 年初预算 over the 年初预算, 为上年%
    this year's figure over last year's, 增长% that
    ratio less 100 (over the size of a negative base). The operands are the columns the headers name: a
    stage, or a year (`2025年执行数` and `2026年预算数` under `预算数比上年执行数增长%`), of the scope the header names (`全省增长%` of `全省2024年` and
    `全省2023年`). A completion rate that names its base (`完成全年预算（%）`, `完成年初预算（%）`) is of that budget
    only (beside two budgets, one naming neither may be of either); a ratio linter/vocab/ratios.yaml defines
    (`资产负债率（%）`) is the one column holding its numerator's name (`负债总额`) over the one holding its
    denominator's (`资产总额`); a balance's `增减率` is `年末数` less `年初数` over `年初数` (期末 / 期初 alike); a
    `同比` after `X | 上年X` (`利润总额 | 上年利润总额 | 利润同比`, the quantity it names, if any, X's) is X
    over 上年X less 100. In these last three, rows over a base of zero or less, and rows in words (`由盈转亏`,
    `减亏`), are left out. A margin linter/vocab/ratios.yaml defines (`毛利率（%）`) is the one column of its period
    headed by the figure it is of (`营业收入`) less the one headed by the figure taken from it (`营业成本`), over
    the first. A figure per head (`人均转移支付（元）`) is the one column of money its heading names after 人均 (or,
    headed `人均` alone, the side's only column of money) over the one population column whose note gives its unit
    (`常住人口（万人）`), in 元. A rate the note right under its table defines as one column over another (`注：执行率=决算支出/
    调整预算×100%`, each word heading one column as it stands or with 数 after it) is of those two columns only,
    whatever its header leaves open (two budgets, or what arrived beside what was spent). An indicator table's
    `完成率` (in a table of pipes or cells) is its one `实际完成值` column over its one target column (`年度指标值`),
    the target a figure alone or a floor (`≥95%`), both figures of one kind and unit; a ceiling (`≤1,200`), a target
    of zero, and a rate of 100% where the outcome is at or above its target (the rate capped) are not checked.
    So too in such a table set out as text, one row a line (`指标名称  计量单位  指标值  实际完成值  完成率`), its
    cells set apart by two spaces or more and read by their order where a row has as many as its header (a
    warning: no cell is placed by the table reader).
    A rate whose operands
    the headers do not name is not checked, nor a column whose rates stand in rows without figures (cells
    out of line), nor one that most rows break.

    A text table whose header lines cannot be matched to its columns (`2024年 2025年` / `决算数 预算数` /
    `金额 占预算% 增长%`) still names its rates: a column of percentages that is one amount column over
    another (or that ratio less 100%, for a growth the header names) in all its rows but at most one in
    ten, five rows at least, and in no other pair of columns alike, is taken for that rate; its other rows
    are reported as warnings (the operands were found from the rows, not read from the header).

    ## Why is this bad?
    A rate that does not follow from its row misleads the reader about how far a budget was executed or
    how much a figure grew.

    ## How to fix
    Recompute the rate from the row's figures.
    """

    code = "TO302"
    name = "table-rate"
    severity = "error"
    kind = "rate"

    def check(self) -> Iterable[Result]:
        return self.report(self.ctx.outcomes(table_rate_outcomes))


class TableShare(Rule):
    """A share column (占比、比重、构成) of a table does not match the row's figure over the table's total.

    ## What it does
    A share is the row's amount (its 合计 column when it has one) over the 合计 row of the same column; in a
    table with a tree the share of a child may also be stated against its parent, and either passes. A share
    column naming its whole (`占总资产比例`, linter/vocab/tables.yaml share_wholes) is of a total row of that
    whole's name only (`资产总计`, not a liabilities table's `负债合计`). A survey's answer table as survey tools
    export it (`选项 | 小计 | 比例`, its last row the number who answered, `本题有效填写人次`) has each option's share
    of that number, its answers over it, for a question of one answer or several (checks/tables/answers.py).

    ## Why is this bad?
    A wrong share misstates the structure of the spending or revenue it describes.

    ## How to fix
    Recompute the share.
    """

    code = "TO303"
    name = "table-share"
    severity = "error"
    kind = "share"

    def check(self) -> Iterable[Result]:
        return self.report(self.ctx.outcomes(table_share_outcomes))


class TextTable(Rule):
    """The prose states a table's figure with another value (文表不符).

    ## What it does
    Compares a figure of the explanation with the table cell that is the same quantity, only where the
    match is certain: its label names the row item exactly (or the column of the table's 合计 row, as
    `基本支出` names the 合计 row under 基本支出), or spells a classification path (`教育支出（类）普通教育（款）
    小学教育（项）`) that names one coded row and its ancestors, or only its lowest levels (`重大公共卫生服务（项）`,
    `人大事务（款）行政运行（项）`) where one row of each table ends so; a name two coded rows of a table bear (a
    项 under two 款, `行政运行`) names none of them; a figure whose label names a stage only (`支出决算为`) in an
    item headed by such a path (`3、…（款）某某服务（项）。`) is that row's; so is one in the first sentence of a
    numbered paragraph opening with a name alone (`2.某某项目。全年预算 A，支出 B`), of the one row so named in a
    table above it under a heading enclosing it, its column the one of the row at the label's stage (a budget: the
    row's one budget column, or the one of the moment named; a bare `支出`: its one column of what was spent);
    every context field (scope, fund, stage, year) known on one side, the figure's identity or the table's, is
    known alike on the other (a table no caption names, one starting a page or whose caption form lines cut off or
    that gives its code alone, `公开05表`, has the fund and stage the document's title states, not its genre's: what
    it is, `…支出决算表` of all funds or `一般公共预算财政拨款支出决算表`, only its own row and column names say); and the
    cells found state one value. A table of spending (its title names 支出 and no 收入: `支出资金来源表`) holds
    under a source of income (a row or column `事业收入`) what that income paid for: no income the prose states
    (`事业收入 X`), unless the prose names spending too. A prose
    figure equal to another cell of the row is taken to be that cell; a column of what a stage left undone
    (`未执行数`, `尚未拨付`) is no cell of that stage (`省级资金执行 A` is the row's `全年执行数`). A figure named by a tally word alone
    right after a figure per unit of its money (`中央补助每户 1 万元，计 X 万元`) is the whole of what is so paid, the
    row that thing names (`中央补助`). A table laid out with spaces (the text
    of a PDF) whose header is placed with certainty (one line of names, one cell over each column's figures
    and no other column's, every row filling every column; or a header line of single words, one name for each
    column of figures after the rows' name, in their order, every row filling every column: `项目 调整预算数
    执行数 完成调整预算%`) is held as a table of pipes. Another has its
    column names placed by position: its cell is used only where the name stands over its
    figures and names the row's stage (`决算数`, `预算数`) or whole (`合计`), or the table has that one column;
    the table states its fund, stage and year; a row named as a fund's whole (`一般公共预算支出`) is held so
    only in a table whose title names that whole; the paragraph states the cell's scope up to the figure, or
    opens with the figure's label (`4.卫生健康支出 X`) under a heading that states the cell's scope and holds the
    cell's table (the nearest heading above the figure that states a scope), or states the whole (`全区…`) where
    the table's title names the government by its name alone and the report states no figure of its own level
    (`区本级`), or states none in a department's report (部门) whose table's title states none (its tables are
    the department's); a figure named by a generic word alone (`全年预算 A`) is not the total of a table of one
    side (`收入预算执行情况`) where its paragraph or its own headings name the other side alone (`（二）专项支出情况`),
    nor right after a count of things that the table's title names no word of (`共安排项目 5 个，全年预算 A`: the
    projects' budget); a listed item's opening dash (`——卫生健康支出 X`) is no part of its name; a total row is not
    the figure of a paragraph that names one of the table's rows before it (`（七）失业保险基金。收入 a`; a fund's full
    name names the row of its short name, `某某基本养老保险基金` the row `某某养老保险`), but, named by the column's
    word alone under a heading naming one row (its lines up to it naming no other), that row's cell of the
    column (none where the row is not certain), a fund's
    grand total's own words aside (`一般公共预算收入总计 X` names the 收入总计 row, not the row 一般公共预算收入);
    a bare total (`总收入`) in an enumerated part (`二是…`) is the part's; and a figure another table states
    for the item is no mismatch. An overall score (`自评得分 95 分`) must equal the one score table's: the 合计
    of its 得分 column (its 分值 making 100), with no total row its first-level rows' scores added up where their
    分值 make exactly 100, or laid out across (a 分值 row and a 得分 row) the 得分 row's 合计 where the 分值
    row's is 100; a score whose label names another year than the document's, or a project neither the title
    nor the table's subject names (`同期评价的某某项目综合评分`), is another evaluation's; so is one of another
    subject than the table's: the project or the department as a whole (`部门整体`) that the nearest heading or
    numbered item above each names, or the table's own title or the line right above it (`1.部门整体支出绩效自评。
    综合评分 a`, `2.某某项目。…项目绩效自评得分 b`, a score table under `3.另一项目。`: neither a nor b is its
    score; where one names none, the title's). A first-level indicator's score named as what it scored
    (`过程指标得 17.5 分`, `决策类指标得分 18 分`, or named alone in a list its sentence opens by naming its items as
    scores: `各一级指标得分分别为：决策指标 12.50 分、…`; never a bare `决策 20 分`, as often the points it may score,
    nor one of a list opened by `其中` or `分别为` alone) must equal the score table's: the 小计 closing that
    indicator's rows, or the row it names, where one table gives it and of the same subject.

    In a report on the budget's execution, a class of spending by function named with no fund (`省级教育支出 A`, its
    words, sentence and headings naming none) is of the 一般公共预算 (vocab genres class_spending_fund) where every
    table of the document stating that class states it in that fund: the tables say so. A class the tables of two
    funds state (`城乡社区支出`), a table naming no fund, or a passage whose figures name two funds leave it open.

    A sum the prose states as the whole its sentence speaks of a part of (`X 万元支出中，…`), the one sum of money of a
    sentence naming the table that sets out its make-up (`具体构成见表2`, `支出明细详见附表3`), is that table's total:
    the one cell in its money of the table's one 合计 row, where one table bears that number and its title names
    what the sum is said to be (`支出`).

    A rate the prose states of a table's row (`省级资金执行率 97.50%`, `农户满意度 93.60%`, `总体满意度` of a survey
    table's 合计 row, `居家适老化改造 1,150 户，完成年度目标的 96.83%`) is held to that row's rate cell of the same
    kind (its `执行率`, `完成率`, `满意度` column, naming no other base), or where the row has none, to the quotient of
    its cells: its outcome (`全年执行数`, `实际完成值`; of the rate's stage, `到位率` the 到位 column) over the base the
    rate names (`年初预算数`, `全年预算数`, `年度指标值`), any budget of the row where it names none (reported only when
    none gives it). The row must be certain: the rate's words name it exactly (its unit note aside), or less a word
    a row's name may leave out inside it (`省级资金` for `省级财政资金`); the table stands in the rate's section, or
    its paragraph names it (`详见表 2`); no year or scope is stated otherwise by the table; the figures the prose
    states before the rate are cells of the row; and exactly one row of those tables is so named (a name two rows
    bear names neither). A rate named by its kind alone right after the one sum it is of (`上级专项补助…实际支付
    A，执行率 p%`) is of the row that holds that sum in a cell, where exactly one row of those tables does (a sum of
    four significant digits at least: a round sum may be any row's). A rate of a named base (`年初预算执行率`,
    `为上年的`) is never held to a column of another;
    one the rate checks (TO105) hold to figures of the prose is theirs. The other way round, an indicator table's
    row named `预算执行率` alone (one such row in the document's tables) states in its `实际完成值` the 预算执行率 the
    prose states, where the prose states that rate with one value and its own figures give it (TO105 passes it):
    the form restates the report.

    A change the prose states of a table's row (`企业所得税完成 X，增长 p%`; `补助下级支出调增 Δ`) is held to the row's
    one cell of that change: a growth against last year to its `同比%` (`增长%`, `比上年增长%`) column, an adjustment
    (`调增`, `调减`) to its `调整数` column, a difference to last year (`增加 Δ`) to its `增减额` column. The row is the
    one whose cell the figure the change is of restates (its label naming it, a word of what was done aside:
    `完成`), or where the prose states only the change, the one row its words less the verb name, in a table whose
    title states the scope the prose states in its section up to it; a scope the figure's own words leave unsaid is
    the one its section states up to it (two stated, none is). A change stated only so in a section that holds a
    table of no scope (`收入增减变动表` and below it `上级补助收入同比增加 Δ`) is of that table's row where
    neither the section's text up to it nor the change's clause and headings state a scope, and the table sets a
    year's amounts beside the year before's (its 增减额 no difference to a budget): the prose speaks of the table
    beside it. The reasons a change is given (`主要是…改由市级统一采购`) state no scope of it. A change TO108
    holds to its figures is theirs. A growth against last year's figure of a named stage (`比上年执行数增长 p%`) is held
    to the row's growth column only where the amount columns of the year before the figure's are of that stage
    (`2025年执行数` beside `2026年预算数`: the base the column is computed on); the verb of a budget's allocation opening
    the label (`安排卫生健康支出 A`) is no part of the row's name. A word against the cell's sign (`下降 21.0%` against
    a cell of 21.0) is told only
    where the size stated is the cell's: the word is then the one thing wrong; where the size differs too, which of
    the two is wrong is not said.

    A prose figure that writes the cell's number in a money unit 10⁴ or 10⁸ away (`412.87 亿元` for 412.87 of a
    table in 万元) is reported as a unit slip, the cell in the table's unit as the expected value; that is the
    fix when the other sums of money of the figure's section are written in the table's unit (two or more)
    and none in the figure's. A table in 元 restated in 万元 in the prose, converted, agrees; a prose number that
    is the cell converted (`4.23 元` for a cell of 42,310.00 元: 4.23 万元, three significant digits at least) but
    written in another unit 10⁴ or 10⁸ away is a unit slip too, the number in the unit it was converted to the
    expected value (the fix as above).

    Where the cells the label names in several tables state several values (`公务接待费` in the 基本支出 table,
    its basic spending alone, and in the “三公”经费 table), the figure is held to the cells of the one table its
    section explains, headed by that table's title less its 表 (`…“三公”经费支出决算情况说明` over the
    `…“三公”经费支出决算表`); where no section is so headed, to none.

    The “三公” as a whole (`2026年“三公”经费预算 A`) is the 合计 of a table listing the three items alone, in the
    column of the stage and year its words state; named by its stage alone (`“三公”经费决算数 A`), in the one
    column of that stage where it is of the document's year. A spending item named with the word 支出 after its
    name (`管网维修改造支出 A`) is the row so named less 支出 in a table of spending (its title names 支出, no
    收入). A project's evaluation, as a department's report, holds its own tables: a paragraph need not state
    their scope. A sentence opening with a project's name and a comma (`1.某某项目，预算 A（其中当年拨款 a、上年结转
    b）`) states that project's figures: none is a cell of a table that names the project neither in a row nor in
    its title (nor the document's title: a project's own evaluation).

    A figure whose sentence names, before it, a part of a year (`截至9月末`, `上半年`, `1—6月`, `一季度`) is of those
    months: it is held to no cell of a table of the whole year, or of one stating no period in a year's report, nor
    of other months; a table or column of the same months it is held to (`1-9月执行数`).

    A clause opening with the name of a table's row, the figure's label the rest of it a column's heading written
    whole (`甲镇完成投资 A`), is that row's cell of that column; the year and scope the clause opens with are the
    figure's context, not the name's (`2025年城乡居民基本医疗保险基金收入 A，城乡居民基本医疗保险基金支出 B`). A
    short word publishers write for a longer one of a name (`医保`, `企业养老保险`, vocab tables.short_words) names the
    row of the name written in full, in a clause or a heading (`城乡居民医保基金支出 B` the row `城乡居民基本医疗保险基金`),
    and the other way round (`企业职工基本养老保险基金收入 A` the row `企业养老保险基金`); a
    side opening the list of its parts with no colon (`收入包括一般公共预算拨款收入 A`) names the part.

    A government's debt stock the prose states (`全省政府债务余额 A，其中：一般债务 a`) is the one cell of a debt table
    whose row states the same stock and year (`一、2025年末地方政府债务余额`, the kinds right under it: `其中：一般债务`)
    and whose column the same scope (`全省`, `省本级`, or the government's name the title names the whole by), the
    table's unit converted; a table whose columns are placed by position only is not read so.

    ## Why is this bad?
    The explanation of a 部门决算 restates its tables; a figure retyped in the prose drifts from its table
    and the reader cannot tell which is right.

    ## How to fix
    Correct the prose or the table, whichever is wrong.
    """

    code = "TO304"
    name = "text-table-mismatch"
    severity = "warning"
    kind = "cross_ref"

    def check(self) -> Iterable[Result]:
        return self.report(self.ctx.outcomes(text_table_outcomes))


class TableFormula(Rule):
    """A column a table defines by a formula in its numbering row does not follow it.

    ## What it does
    Budget tables number their columns and state how some are computed (`1 | 2 | 3=2/1*100 | 4 | 5=2-4 |
    6=5/4*100`, `A=B+C`): each row is checked against the formula, rate columns so defined included (they
    are left out of TO302). A blank operand leaves the row unchecked. A formula that most rows of a table
    break is taken as misread, unless it holds in another table of the document.

    ## Why is this bad?
    The stated formula is the table's own definition of the column: a row that does not follow it has a
    wrong figure, or a column that means something else than its header says.

    ## How to fix
    Recompute the cell from the columns its formula names, or correct the header.
    """

    code = "TO309"
    name = "table-column-formula"
    severity = "error"
    kind = "formula"

    def check(self) -> Iterable[Result]:
        return self.report(self.ctx.outcomes(table_formula_outcomes))


class TableScoreOverWeight(Rule):
    """An indicator scores more than its weight in a table of scores (分值 | 得分).

    ## What it does
    In a table with one 分值 (权重, 满分) column and one 得分 column after it, compares each row's score
    with its weight; a score above the weight is reported. A weight is exact by definition (an indicator
    of 10 分 can earn at most 10), so no rounding band applies. Rows whose weight is 0 or blank, and
    percentages, are not compared, nor a table where most scores exceed their weights (weights written on
    another scale: 0.2 for an indicator scored out of 100).

    ## Why is this bad?
    An indicator's score is what it earned out of its weight: a score above it cannot be right, and it
    inflates the total score the evaluation concludes with.

    ## Example
    ```text
    | 指标 | 分值 | 得分 |
    |---|---|---|
    | 产出数量 | 10 | 12 |
    ```

    ## Passes
    ```text
    | 指标 | 分值 | 得分 |
    |---|---|---|
    | 产出数量 | 10 | 9.5 |
    ```

    ## How to fix
    Correct the score (or the weight, if the indicator's weight was mistyped), then the total score.
    """

    code = "TO310"
    name = "table-score-over-weight"
    severity = "error"
    kind = "score_weight"

    def check(self) -> Iterable[Result]:
        return self.report(score_weight_outcomes(self.ctx))


class TableDelta(Rule):
    """A change column of a table (增减额, 比上年增减) is not the difference of the columns it compares.

    ## What it does
    A column whose header names a change in amount (`增减额`, `比上年增减`, `增加额`) is the current column
    less the earlier one, row by row. The two columns are found as for a growth rate (TO302): by the years
    the headers state, or by a `上年数` column and one current stage (预算数, 执行数, 决算数); in a table of
    one year, the one outturn column (执行数, 决算数) less the one budget column, or less the budget the
    header names where there are two (`决算数比年初预算数增减额`); a balance's change, the one `年末数` less the one
    `年初数` (期末 less 期初); or `X` less `上年X` (`利润总额 | 上年利润总额 | 增减额`). A column whose
    operands the headers do not name is not checked, nor one that fails in as many rows as it holds (its
    figures are not what the header says, or a `%` was left out of it). A miss within one unit of the
    last digit is a rounding difference (TO100). The sign is not judged: a column of falls (`比上年减少`)
    and tables that print a fall without its minus sign state the size of the change only. A row of rates
    (`加权平均净资产收益率（%）`) whose growth column says how far it moved in words (`减少1.99个百分点`) is held
    to this year's rate less last year's the same way, where the words go the way the rates do.

    ## Why is this bad?
    The change column is what readers quote (`比上年增加 150 万元`): one that does not follow from its row
    misstates how much a line grew or fell, and the total row's change no longer adds up.

    ## Example
    ```text
    | 项目 | 上年数 | 预算数 | 增减额 |
    |---|---|---|---|
    | 教育支出 | 3,000 | 3,150 | 160 |
    | 卫生健康支出 | 1,200 | 1,260 | 60 |
    | 农林水支出 | 800 | 790 | -10 |
    ```

    ## Passes
    ```text
    | 项目 | 上年数 | 预算数 | 增减额 |
    |---|---|---|---|
    | 教育支出 | 3,000 | 3,150 | 150 |
    | 卫生健康支出 | 1,200 | 1,260 | 60 |
    | 农林水支出 | 800 | 790 | -10 |
    ```

    ## How to fix
    Recompute the change as the current figure less the earlier one (a fall is negative), and the total
    row's change with it.
    """

    code = "TO311"
    name = "table-delta"
    severity = "error"
    kind = "delta"

    def check(self) -> Iterable[Result]:
        return self.report(self.ctx.outcomes(table_delta_outcomes))
