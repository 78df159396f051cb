from .conftest import lint_text


def test_one_cause_one_finding():
    text = (
        "一、预算\n本单位收入总预算 651.60 万元，其中：基本支出 471.60 万元，项目支出 180.00 万元。\n"
        "二、支出管理\n本单位收入总预算 651.60 万元，其中：基本支出 476.10 万元，项目支出 180.00 万元。"
    )
    flagged = [d for d in lint_text(text).diagnostics if d.severity in ("error", "warning")]
    # the two lists stand under different headings, so the figures are not the same quantity by identity;
    # the second list's parts exceed its total by what one slipped digit explains: one finding, there
    assert [(d.code, d.line) for d in flagged] == [("TO101", 4)]
    assert "476.10万元→471.60万元" in flagged[0].message


def test_wrong_share_and_share_sum_name_one_cause():
    text = "支出合计 1,000 万元，具体为：基本支出 300 万元，占 35%；项目支出 700 万元，占 70%。"
    flagged = [d for d in lint_text(text).diagnostics if d.severity != "info"]
    # 35% should be 30%; corrected, the shares add up to 100%: one mistake, one finding (TO104 stays silent)
    assert [(d.code, d.stated, d.expected) for d in flagged] == [("TO103", "35%", "30%")]


def test_unit_slip_is_not_also_a_sum_or_share_error():
    text = "本年支出合计 4,852.60 万元，具体为：基本支出 1,146.35 万元，占 23.62%；项目支出 3,706.25 亿元，占 76.38%。"
    codes = [d.code for d in lint_text(text).diagnostics if d.severity != "info"]
    assert codes == ["TO202"]
