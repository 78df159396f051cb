"""The lean start of `tieout check`: what is imported only when the document holds what it reads, and the tests
that the gate deciding it cannot leave out a finding.

The table checks' evaluators (checks/tables/rules.py) import their modules on a document with tables only: each
evaluates relations among the cells of `ctx.facts.tables`, so on a document without tables it has no outcome. Here
every one of them runs on documents with tables, as they are and with their tables taken away: without them none
has an outcome (TO302 has the outcomes of its indicator tables set out as text, which it computes on every document),
and with them the rules' evaluators are the modules' own.
"""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import pytest
from tieout.checks.tables import rules
from tieout.checks.tables.targets import text_target_rate_outcomes
from tieout.linter.figures.exact import exact
from tieout.linter.figures.labels import Labeller
from tieout.linter.rules.base import CheckContext, Settings
from tieout.linter.run.config import Config
from tieout.linter.run.engine import analyse
from tieout.linter.text.reading import read_path

from .conftest import ROOT, SEEDS, SHARED, needs_seeds
from .test_tables import PROSE, SPENDING, TOTAL_TABLE, document, planted, table

# every evaluator the table rules and TO100 call through `rules`, by the name of the module's own
GATED = [
    "sums.parent_outcomes",
    "sums.total_outcomes",
    "sums.crossfoot_outcomes",
    "sums.sides_outcomes",
    "sums.identity_outcomes",
    "rates.table_share_outcomes",
    "text.text_table_outcomes",
    "formulas.table_formula_outcomes",
    "scores.score_weight_outcomes",
    "deltas.table_delta_outcomes",
    "parts.part_column_outcomes",
    "parts.class_part_outcomes",
]
RATES = "rates.table_rate_outcomes"  # its text part runs without tables


def _own(dotted: str):
    module, name = dotted.split(".")
    return getattr(import_module(f"tieout.checks.tables.{module}"), name)


def _documents() -> list[tuple[str, str]]:
    """Documents with tables: the table and genre fixtures, built documents (one with mistakes planted in its tables,
    one with change and share columns), and the corpus' shorter text reports (where ../shared is present)."""
    fixtures = ROOT / "fixtures"
    paths = [fixtures / "tables" / "budget_table.md", *sorted((fixtures / "genres").glob("*.txt"))]
    paths += sorted((fixtures / "genres").glob("x*.md"))
    if (SHARED / "corpus").is_dir():
        paths += [p for p in sorted((SHARED / "corpus").rglob("*.txt")) if p.stat().st_size < 60_000]
    docs = [(str(p), read_path(str(p)).text) for p in paths]
    docs.append(("clean.md", document()))
    wrong = document(total=planted(TOTAL_TABLE, 2, 1, "1,010.00"), spending=planted(SPENDING, 5, 4, "520.00"))
    docs.append(("planted.md", wrong))
    columns = table("2024年支出结构表", [
        ["项目", "2023年决算数", "2024年决算数", "增减额", "增长率", "占比"],
        ["合计", "100.00", "120.00", "20.00", "20.00%", "100.00%"],
        ["教育支出", "60.00", "70.00", "10.00", "16.67%", "58.33%"],
        ["科学技术支出", "40.00", "50.00", "10.00", "25.00%", "41.67%"],
    ])  # fmt: skip
    docs.append(("columns.md", document(prose=PROSE + columns + "其中：教育支出70.00万元。\n\n")))
    return docs


def _context(path: str, text: str, tables: bool) -> CheckContext:
    from tieout.linter.text.reading import Source

    doc, facts = analyse(Source(path, text, "utf-8"), Config())
    if not tables:
        facts.tables = []
    return CheckContext(doc, facts, Settings(), Labeller())


def test_without_tables_no_table_evaluator_has_an_outcome():
    documents = _documents()
    with_tables = 0
    for path, text in documents:
        ctx = _context(path, text, tables=True)
        if not ctx.facts.tables:
            continue
        with exact(ctx.doc.text):
            found = sum(len(list(_own(name)(ctx))) for name in [*GATED, RATES])
            with_tables += found > 0
            bare = _context(path, text, tables=False)
            for name in GATED:
                assert list(_own(name)(bare)) == [], (path, name)
                assert list(getattr(rules, name.split(".")[1])(bare)) == [], (path, name)
            text_only = [o.anchor for o in text_target_rate_outcomes(bare, set())]
            assert [o.anchor for o in _own(RATES)(bare)] == text_only, path
            assert [o.anchor for o in rules.table_rate_outcomes(bare)] == text_only, path
    assert with_tables >= 4  # (the documents do have outcomes of their tables: the test is not empty)


def test_with_tables_the_rules_evaluate_as_the_modules_do():
    for path, text in [d for d in _documents() if not d[0].startswith(str(SHARED))]:
        ctx = _context(path, text, tables=True)
        with exact(ctx.doc.text):
            for name in [*GATED, RATES]:
                own = [(o.anchor, o.verdict, o.message) for o in _own(name)(ctx)]
                gated = getattr(rules, name.split(".")[1])
                assert [(o.anchor, o.verdict, o.message) for o in gated(ctx)] == own, (path, name)
                # known to the context's memo as the module's own evaluator: computed once for a rule and TO100
                assert (gated.__module__, gated.__qualname__) == (_own(name).__module__, _own(name).__qualname__)


def _modules_checking_a_seed() -> set[str]:
    """The modules of tieout a check of the first seed imports, in a process of its own."""
    seed = sorted(SEEDS.glob("*.txt"))[0]
    probe = (
        "import io, sys, contextlib\n"
        "from tieout.linter.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['check', '--no-cache', '--exit-zero', {str(seed)!r}])\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith('tieout.'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=Path.home())
    return set(out.stdout.strip().split(","))


@needs_seeds
def test_a_report_without_tables_does_not_import_the_table_checks():
    """Nor the table relations' modules, which only a table found (or a table check's miss) asks for."""
    loaded = _modules_checking_a_seed()
    assert "tieout.linter.parse.tables" in loaded  # (the probe ran the check)
    lean = ["checks.tables.text", "checks.tables.sums", "checks.tables._judge"]
    lean += ["linter.parse.tables.relations", "linter.parse.tables.identities", "linter.parse.tables.spans"]
    lean += ["linter.parse.tables.rows", "linter.parse.tables.header", "linter.parse.tables.placing"]
    lean += ["linter.facts.passes.assessment_form", "linter.facts.passes.assessment_summary"]
    # nor the readers of two-sided and side-by-side text tables (their gates hold on no line of it), nor what reads a
    # table's tree by its sums or a 三公 table, nor a baseline's modules (none is read or written)
    lean += ["linter.parse.tables.twosided", "linter.parse.tables.sidebyside", "linter.parse.tables.summed"]
    lean += ["linter.parse.tables.sangong", "linter.run.baseline", "linter.run.files"]
    lean += ["linter.run.crossdoc"]  # (nor the summaries and comparison of --cross-document, not asked)
    lean += ["linter.rules.docs", "linter.rules.cases"]  # (nor the readers of the rules' docstrings and cases)
    assert not {f"tieout.{m}" for m in lean} & loaded


def test_listing_the_rules_does_not_load_the_sentence_parser(tmp_path):
    """`tieout rules` imports every check module for its docs: none may import the sentence reader (and with it
    lark) at its top, as checks/rates.py once did for the vocabulary of budget moves. (A cache folder of its own:
    a reference kept from an earlier run would not import the checks.)"""
    probe = (
        "import io, sys, contextlib\n"
        "from tieout.linter.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['rules'])\n"
        "print(sorted(m for m in sys.modules if m == 'lark' or m.startswith('tieout.linter.facts.sentence')))\n"
    )
    env = {**os.environ, "TIEOUT_CACHE_DIR": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env, cwd=tmp_path
    )
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("name", [*GATED, RATES])
def test_every_gated_evaluator_exists(name):
    assert callable(_own(name))


# the passes imported on a document where the predicate they start with holds only (linter/facts/passes/forms.py:
# the readings of the official self-assessment template; gates.py: tables, 扣除, 加上 …): each starts by asking the
# same predicate the gate asks
def _gated_passes() -> list[tuple[str, str, str]]:
    from tieout.linter.facts import passes

    found = []
    for step in passes.PASSES:
        if step.__closure__ is None or "held" not in step.__code__.co_freevars:
            continue
        gate = dict(zip(step.__code__.co_freevars, (c.cell_contents for c in step.__closure__), strict=True))
        found.append((gate["held"].__name__, gate["module"], gate["name"]))
    return found


GATED_PASSES = _gated_passes()


def test_the_passes_gated_are_those_known():
    assert len(GATED_PASSES) == 20
    assert ("forms_held", "assessment_form", "assessment_forms") in GATED_PASSES


@pytest.mark.parametrize(("held", "module", "name"), GATED_PASSES)
def test_a_gated_pass_starts_with_the_predicate_its_gate_asks(held, module, name):
    import ast
    import inspect

    real = getattr(import_module(f"tieout.linter.facts.passes.{module}"), name)
    body = ast.parse(inspect.getsource(real)).body[0].body
    first = body[1] if isinstance(body[0], ast.Expr) else body[0]  # (past the docstring)
    assert ast.unparse(first) == f"if not {held}(draft):\n    return", (module, name)


@needs_seeds
def test_a_report_without_the_words_does_not_import_the_passes_gated_on_them():
    """A seed holds no table, no 扣除, no 加上: the modules of those passes stay unimported."""
    loaded = _modules_checking_a_seed()
    assert "tieout.linter.facts.passes.gates" in loaded  # (the probe ran the passes)
    lean = ["deductions", "added_totals", "form_changes", "table_scores", "indicator_tables", "implied_wholes"]
    lean += ["score_outline", "score_groups", "score_rates"]  # (no 权重, no 一级指标, no 得分率 either)
    assert not {f"tieout.linter.facts.passes.{m}" for m in lean} & loaded
    # nor names a completion rate: the readers of indicator tables set out as text stay unimported
    assert not {"tieout.checks.tables.targets", "tieout.checks.tables.named_columns"} & loaded


def test_the_text_s_completion_rates_start_with_the_predicate_their_gate_asks():
    import ast
    import inspect

    body = ast.parse(inspect.getsource(text_target_rate_outcomes)).body[0].body
    first = body[1] if isinstance(body[0], ast.Expr) else body[0]  # (past the docstring)
    assert ast.unparse(first) == "if not completion_rates_held(ctx):\n    return"
    gate = ast.unparse(ast.parse(inspect.getsource(rules.table_rate_outcomes)))
    assert gate.index("if not completion_rates_held(ctx):") < gate.index("from .targets import")


@pytest.mark.parametrize(
    ("module", "name", "held"),
    [("twosided", "find_two_sided", "two_sided_held"), ("sidebyside", "find_side_by_side", "side_by_side_held")],
)
def test_a_text_table_reader_starts_with_the_predicate_its_gate_asks(module, name, held):
    """linter/parse/tables/gates.py: `find_tables` imports these readers where their predicate holds only; each
    starts by asking it, so the gate cannot leave out a table the reader would have found."""
    import ast
    import inspect

    from tieout.linter.parse.tables import build

    real = getattr(import_module(f"tieout.linter.parse.tables.{module}"), name)
    body = ast.parse(inspect.getsource(real)).body[0].body
    first = body[1] if isinstance(body[0], ast.Expr) else body[0]  # (past the docstring)
    assert ast.unparse(first) == f"if not {held}(doc):\n    return []"
    gate = ast.unparse(ast.parse(inspect.getsource(build)))
    assert gate.index(f"if not {held}(doc):") < gate.index(f"from .{module} import {name}")
    assert f"from .{module} import" not in gate.split("def ")[0]  # (not imported at the top of build.py)


TWO_SIDED = """收入                  预算数        支出                  预算数
本级收入              1876.28       一般公共预算支出      2073.76
上年结转              197.48
收入总计              2073.76       支出总计              2073.76
"""


def test_the_two_sided_gate_holds_where_the_reader_finds_a_table():
    """A two-sided table of two such rows or more opens the gate; a report whose lines end in prose does not."""
    from tieout.linter.parse.tables.gates import two_sided_held
    from tieout.linter.parse.tables.twosided import find_two_sided
    from tieout.linter.text.normalise import normalise

    doc = normalise(TWO_SIDED, "t.txt")
    assert two_sided_held(doc) and find_two_sided(doc, [])
    prose = normalise("本年收入1876.28万元，支出2073.76万元。\n", "p.txt")
    assert not two_sided_held(prose) and find_two_sided(prose, []) == []


FORMULAS = [  # operand indices and operators, as linter/parse/formulas.py hands them over; some malformed
    ["(", 0, "-", 1, ")", "/", 1, "*", 2],
    [0, "+", 1, "×", 2, "-", 3],
    ["-", 0, "÷", "（", 1, "-", 2, "）"],
    [0, "/", 3],
    [0, "+"],
    ["(", 0, "+", 1],
    [0, 1, "+"],
]


def test_a_formula_is_evaluated_as_lark_s_own_parser_of_its_grammar_does():
    """The formula grammar's parser is built from its tables kept on disk (linter/parse/arithmetic.py); its
    verdicts and values are those of the parser lark builds from grammar/arithmetic.lark."""
    from decimal import Decimal

    from lark import Lark
    from tieout.linter.parse import arithmetic

    grammar = (ROOT / "grammar" / "arithmetic.lark").read_text(encoding="utf-8")
    built = Lark(grammar, parser="lalr", lexer=arithmetic._Stream)
    values = [Decimal("1352.78"), Decimal("1204.50"), Decimal("100"), Decimal("0")]
    for expression in FORMULAS:
        try:
            expected = arithmetic._Evaluate(values).transform(built.parse(arithmetic.tokens(expression)))
        except Exception:  # malformed, or a division by zero (wrapped by lark's transformer)
            expected = None
        assert arithmetic.evaluate(expression, values) == expected, expression
        assert arithmetic.well_formed(expression) == _parses(built, arithmetic.tokens(expression)), expression


def _parses(parser, tokens) -> bool:
    from lark.exceptions import LarkError

    try:
        parser.parse(tokens)
    except LarkError:
        return False
    return True


def test_a_written_formula_does_not_import_lark_s_grammar_loader():
    """Once its tables are kept, a formula is read without lark's grammar loader and front ends (their import
    and the grammar's LALR analysis were a sixth of a cold check of a report writing a formula out)."""
    from tieout.linter.parse import grammar_cache

    if grammar_cache.folder() is None:
        pytest.skip("no private cache folder: the tables are built in memory")
    probe = (
        "import sys\n"
        "from tieout.linter.parse.formulas import well_formed\n"
        "assert well_formed(['(', 0, '-', 1, ')', '/', 1])\n"
        "print('lark.load_grammar' in sys.modules)\n"
    )
    for _ in range(2):  # the first may build the tables and keep them
        out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
