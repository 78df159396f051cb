"""Issue 15, the pinned regressions: exact arithmetic at any size, bounded parsing of hostile sentences."""

from __future__ import annotations

import time
from decimal import Decimal, getcontext

from tieout.linter.figures.exact import MAX_DIGITS, exact, longest_figure, precision_for
from tieout.linter.figures.intervals import rounded
from tieout.linter.text.normalise import normalise

from .conftest import SEEDS, lint_text, needs_seeds

SEED = SEEDS / "000_eece9f57ec0eee85.txt"


def internal(result) -> list[str]:
    return [d.message for d in result.diagnostics if d.code == "TO900"]


@needs_seeds
def test_figures_of_29_and_more_digits_break_no_check():
    """A 29-digit figure exceeded the default decimal context (28 digits): ten checks failed as TO900 and
    took the report's real findings with them."""
    seed = SEED.read_text(encoding="utf-8")
    clean = {(d.code, d.message) for d in lint_text(seed).diagnostics}
    assert any(code == "TO102" for code, _ in clean)
    for digits in (29, 40, MAX_DIGITS):
        text = f"收入合计 1 万元，其中：甲 {'9' * digits} 万元。\n" + seed
        result = lint_text(text)
        assert internal(result) == []
        found = {(d.code, d.message) for d in result.diagnostics}
        assert clean <= found  # the seed's own findings all stay (shifted one line down)
        assert any(d.code == "TO102" and d.line == 1 for d in result.diagnostics)  # and the planted one


def test_a_part_far_larger_than_its_whole_is_reported_exactly():
    result = lint_text(f"收入合计 1 万元，其中：甲 {'9' * 35} 万元、乙 0.{'0' * 30}1 万元。")
    assert internal(result) == []
    [d] = [d for d in result.diagnostics if d.code == "TO102"]
    assert "9" * 35 in d.message


def test_longer_runs_of_digits_are_no_figures():
    result = lint_text(f"收入合计 1 万元，其中：甲 {'9' * (MAX_DIGITS + 1)} 万元。")
    assert internal(result) == [] and result.diagnostics == []


def test_the_context_is_sized_to_the_longest_figure_and_restored():
    assert longest_figure("收入 12,345.67 万元") == 7
    assert longest_figure("9" * 1000) == MAX_DIGITS
    before = getcontext().prec
    with exact("1" * 40):
        assert getcontext().prec == precision_for(40) >= 4 * 40
        assert rounded(Decimal("9" * 40) / Decimal("0.01"), 2) == Decimal("9" * 40 + "00.00")
    assert getcontext().prec == before


def test_shares_and_rates_of_zero_wholes_are_not_divided():
    for text in (
        "财政拨款收入5人行率9‰ / 预算费7249人（其中：财政拨款收入-0人）",
        "支出 0 万元，其中：基本支出 0 万元，占 0%。执行率为 0%（执行数 5 万元/预算数 0 万元）。",
        "收入合计 -0 万元，其中：甲 0 万元，占比 100%；乙 -0 万元。",
        # a budget of 0 stated elsewhere for the figure of an execution rate (found by benchmarks/fuzz.py)
        "一般公共预算支出预算 0 万元。一般公共预算支出 5 万元，执行率为 90%。",
        "项目支出预算数为 0 万元。项目支出 5 万元，完成预算的 90%。",
    ):
        assert internal(lint_text(text)) == []


def test_a_long_chain_of_lists_is_read_without_recursion():
    """`其中…，` 987 times nested the lists 987 deep and hit the recursion limit (`tieout facts` too)."""
    for n in (987, 5000):
        result = lint_text("其中1人次，" * n)
        assert internal(result) == []


def test_a_long_sentence_is_read_in_linear_time():
    """Listing parts is quadratic in a sentence's length; past `MAX_SENTENCE_FIGURES` a sentence is read for
    its figures only, so one of 280 KB takes seconds, not minutes."""
    sentence = "收入合计 1 万元，其中：甲 2 万元、乙 3 万元；" * 10000  # 280 KB, 30,000 figures
    start = time.process_time()
    result = lint_text(sentence)
    assert internal(result) == []
    assert time.process_time() - start < 30


def test_findings_of_one_sentence_share_its_text():
    """Every finding keeps its sentence (the baseline key): one string per sentence, not one per finding."""
    doc = normalise("收入合计 1 万元，其中：甲 2 万元，乙 3 万元。", "a.txt")
    assert doc.sentence_text(0) is doc.sentence_text(12)
    assert doc.sentence_text(0).startswith("收入合计")
