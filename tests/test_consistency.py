from .conftest import lint_text


def test_one_cause_one_finding():
    text = (
        "一、预算\n本单位收入总预算 783.60 万元，其中：基本支出 582.50 万元，项目支出 201.10 万元。\n"
        "二、支出管理\n本单位收入总预算 783.60 万元，其中：基本支出 585.20 万元，项目支出 201.10 万元。"
    )
    flagged = [d for d in lint_text(text).diagnostics if d.severity in ("error", "warning")]
    # the two lists stand under different headings, so the figures are not the same quantity by identity;
    # the second list's parts exceed its total by what one slipped digit explains: one finding, there
    assert [(d.code, d.line) for d in flagged] == [("TO101", 4)]
    assert "585.20万元→582.50万元" in flagged[0].message


def test_wrong_share_and_share_sum_name_one_cause():
    text = "支出合计 1,000 万元，具体为：基本支出 300 万元，占 35%；项目支出 700 万元，占 70%。"
    diags = lint_text(text).diagnostics
    share_sum = next(d for d in diags if d.code == "TO104")
    assert "同一原因" in share_sum.message and share_sum.severity == "warning"


def test_unit_slip_is_not_also_a_sum_or_share_error():
    text = (
        "本年支出合计 625,604.22 万元，具体为：基本支出 20,321.23 万元，占 3.25%；项目支出 605,282.99 亿元，占 96.75%。"
    )
    codes = [d.code for d in lint_text(text).diagnostics if d.severity != "info"]
    assert codes == ["TO202"]
