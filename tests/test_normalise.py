from decimal import Decimal

import pytest
from tieout.linter.figures.quantities import extract
from tieout.linter.text.normalise import normalise


def figures(text: str) -> list[tuple[str, Decimal, str]]:
    doc = normalise(text)
    return [(q.text, q.value, q.unit) for q in extract(doc)]


def test_number_wrapped_away_from_its_unit():
    doc = normalise("预计可支付月数 16\n\n个月。")
    assert "可支付月数16个月" in doc.text
    assert figures("预计可支付月数 16\n\n个月。") == [("16个月", Decimal(16), "个月")]


def test_number_wrapped_inside_its_digits():
    assert figures("支出 1,0\n80 万元。")[0][1] == Decimal(1080)
    assert figures("截至2022年12\n\n月底，收入 5 万元。") == [("5万元", Decimal(5), "万元")]


def test_full_width_digits_and_percent():
    assert figures("占比８９．１７％，合计１２万元") == [
        ("89.17%", Decimal("89.17"), "%"),
        ("12万元", Decimal(12), "万元"),
    ]


def test_thousands_separators_and_spaces():
    ((text, value, unit),) = figures("全市工伤保险基金收入 1,264,853 万元")
    assert value == Decimal(1264853) and text == "1,264,853万元"
    assert figures("收入 1 264 853 万元")[0][1] == Decimal(1264853)


def test_thousands_separator_spaced_from_its_group():
    # a PDF's text layer may space an ASCII thousands separator from the group after or before it
    assert figures("采购预算总额1, 518.94万元")[0][1] == Decimal("1518.94")
    assert figures("采购预算总额1 ,518.94万元")[0][1] == Decimal("1518.94")
    assert figures("收入12, 345.60元")[0][1] == Decimal("12345.60")
    # (a group closed by no decimals may be the next number of a list: `分别为 5, 120 人次`)
    assert [f[1] for f in figures("分别为5, 120人次")] == [Decimal(5), Decimal(120)]
    # not after a longer run of digits, nor before a group of other than three digits
    assert [f[1] for f in figures("2024, 518万元")] == [Decimal(518)]
    assert [f[1] for f in figures("分别为1, 52万元、3, 4万元")] == [Decimal(1), Decimal(52), Decimal(3), Decimal(4)]


def test_chinese_comma_is_not_a_thousands_separator():
    assert [f[1] for f in figures("其中 12，345 人")] == [Decimal(12), Decimal(345)]


def test_negative_values():
    assert figures("当期结余 -16776 万元")[0][1] == Decimal(-16776)


def test_dates_document_numbers_ordinals_are_not_amounts():
    text = (
        "根据《通知》（某财社〔2021〕46号）和某财预[2023]18 号，2023年12月31日前完成，"
        "现执行第七批国家集采，第 3 项，联系电话 0759-3123456，网址 http://a.gov.cn/x?id=2022 。"
    )
    assert figures(text) == []


def test_list_and_heading_numbers_are_not_amounts():
    doc = normalise("（三）绩效指标\n1.产出指标\n1、从开展专项行动，追回 210 万元。")
    assert [q.text for q in extract(doc)] == ["210万元"]


def test_chinese_count_numerals():
    assert figures("共执行了六批药品集中采购，有两个季度获评") == [
        ("六批", Decimal(6), "批"),
        ("两个季度", Decimal(2), "个季度"),
    ]


def test_page_numbers_and_form_feeds_dropped():
    doc = normalise("收入合计\n\n- 7 -\n\f\n100 万元。")
    assert "收入合计100万元" in doc.text


def test_markdown_marks_dropped_and_headings_found():
    doc = normalise("## 一、基本情况\n\n### （一）收支\n\n**收入合计** 100 万元。\n")
    assert "收入合计100万元" in doc.text
    sec = doc.section_at(doc.text.index("收入"))
    assert sec is not None and sec.path() == ["一、基本情况", "（一）收支"]


def test_inline_math_figures_are_read_in_place():
    # Markdown converted from PDF writes figures as inline math; the finding must still point at the figure
    text = "得分率为  $81.25\\%$  ，计划 $ 1,200 $ 元。"
    doc = normalise(text)
    qs = extract(doc)
    assert [(q.text, q.unit) for q in qs] == [("81.25%", "%"), ("1,200元", "元")]
    pos = doc.position(qs[0].start, qs[0].end)
    assert text[pos.column - 1 : pos.end_column - 1].startswith("81.25")


def test_approximate_and_bounds():
    doc = normalise("约 2500万元，3300 余人次，≥2 次，5%以上")
    qs = extract(doc)
    assert [q.approx for q in qs] == [True, True, False, False]
    assert [q.bound for q in qs] == [None, None, "≥", "以上"]


def test_precision_and_scale():
    q = extract(normalise("605,282.99 亿元"))[0]
    assert q.decimals == 2 and q.scale == Decimal(10**8) and q.separators


def test_crlf_and_bom():
    doc = normalise("\ufeff收入 5 万元，\r\n支出 3 万元。\r\n")
    assert [q.text for q in extract(doc)] == ["5万元", "3万元"]
    q = extract(doc)[1]
    assert doc.position(q.start, q.end).line == 2


def test_ascii_full_stop_after_chinese_ends_a_sentence():
    doc = normalise("收入 5 万元.支出 3.5 万元.\n一.项目概况\n")
    assert "收入5万元。支出3.5万元。" in doc.text
    assert any(s.title.startswith("一.") for s in doc.sections)


def test_ranges_are_not_figures_but_subtraction_in_formulas_is():
    texts = [q for q, _, _ in figures("每年开展 2-3 次培训，周期 2-3 个月；2022-2024 年度。")]
    assert texts == []
    assert [q for q, _, _ in figures("增长率=（1352.78-1204.50）/1204.50*100%=12.31%")] == [
        "1352.78",
        "1204.50",
        "1204.50",
        "100%",
        "12.31%",
    ]


def test_an_enumerated_statement_is_no_title_for_the_paragraphs_after_it():
    """`（二）卫生健康支出（类）84.30 万元，…。` is a statement of a list, not a heading over the rest of the part:
    the paragraph after it (but for its own list, `其中：…`) is the enclosing section's again."""
    doc = normalise(
        "一、支出预算情况\n（一）教育支出（类）120.50万元，比上年增加3.20万元。\n（二）卫生健康支出（类）84.30万元。\n"
        "其中：行政单位医疗（项）30.10万元。\n本部门机关运行经费预算45.60万元。\n二、其他情况\n"
    )

    def path(needle: str) -> list[str]:
        return doc.section_path(doc.text.index(needle))

    assert path("其中") == ["一、支出预算情况", "（二）卫生健康支出（类）84.30万元"]
    assert path("本部门机关运行经费") == ["一、支出预算情况"]
    assert path("二、其他情况") == ["二、其他情况"]


def test_a_heading_followed_by_its_paragraph_stays_its_section():
    doc = normalise(
        "一、支出预算情况\n（一）基本支出\n基本支出预算45.60万元。\n（二）项目支出\n项目支出预算30.10万元。\n"
    )
    assert doc.section_path(doc.text.index("基本支出预算")) == ["一、支出预算情况", "（一）基本支出"]


def test_a_title_with_a_note_in_brackets_ends_its_line():
    """`…预算执行情况（节选）` is a title (its last word before the note): the first sentence is not glued to it."""
    doc = normalise("某区2024年预算执行情况（节选）\n\n全区一般公共预算支出86,420万元，比上年增长3.1%。\n")
    assert doc.text.split("\n")[0] == "某区2024年预算执行情况（节选）"


def test_every_kept_character_maps_back_to_its_place_in_the_file():
    # spaces of a text table, a number grouped by spaces, a kept space between two ASCII words, Markdown emphasis,
    # a letter-spaced line and a NUL byte (two repairs chained): each character's offset is where it came from
    text = (
        "**收入** 合计      1 088 216 万元     GDP   12  34。\n"
        "全  市  一  般  公  共  预  算  收  入  421.9亿  元\x00\n"
        "第 3 页\n"
        "支出　１２万元"
    )
    doc = normalise(text)
    assert doc.text == "收入合计1088216万元GDP 12 34。\n全市一般公共预算收入421.9亿元支出12万元"
    origin = list(doc.origin)
    assert origin == sorted(set(origin))  # one place each, in order
    # (the line break maps to the newline it stands for; full-width digits were converted)
    mapped = "".join(text[k] for k in origin)
    assert mapped == "收入合计1088216万元GDP 12 34。\n全市一般公共预算收入421.9亿元支出１２万元"


def test_identity_map_is_shared_up_to_its_limit(monkeypatch: pytest.MonkeyPatch):
    from array import array

    from tieout.linter.text import offsets

    assert offsets.identity(1000)[:1000] == array("q", range(1000))
    shared = offsets.identity(0)  # (as long as the longest text seen so far)
    monkeypatch.setattr(offsets, "IDENTITY_LIMIT", len(shared))
    beyond = offsets.identity(len(shared) + 10)  # a text past the limit gets its own, the shared one stays
    assert beyond == array("q", range(len(shared) + 10)) and offsets.identity(10) is shared


def test_lines_with_and_without_marks_are_cleaned_alike():
    # a line with Markdown marks is cleaned alone, the other lines all at once: the same rules either way
    plain = "本年收入 1,234 万元，增长 5.0% ，其中 1 088 216 元为补助 ( 一 ) 。"
    doc = normalise(f"- {plain}\n\n**{plain}**\n\n{plain}")
    paragraphs = doc.text.split("\n")
    assert paragraphs == [paragraphs[2]] * 3 and "收入1,234万元" in paragraphs[2] and "1088216元" in paragraphs[2]
    start = 0
    for k, para in enumerate(paragraphs):  # each character maps to its own line, a digit to the same digit
        line = 2 * k + 1
        for i, ch in enumerate(para):
            assert doc.line_col(doc.origin[start + i])[0] == line
            assert not ch.isdigit() or doc.original[doc.origin[start + i]] == ch
        start += len(para) + 1


def test_only_single_spaces_are_gaps_of_a_grouped_number():
    assert normalise("收入 1 088 216 万元，支出 12  345 万元。").text == "收入1088216万元，支出12 345万元。"


def test_a_marks_context_ends_with_its_line():
    # a comma before a line break is judged on its line alone: no thousands separator there
    assert normalise("甲项 12,\n345 万元").text == "甲项12，345万元"
    assert normalise("支出 1,0\n80 万元。").text == "支出1,080万元。"
    # … but a figure written with separators and decimals that the wrap cut right after a separator is one figure
    assert normalise("流动资产 3,\n208,415.60 万元").text == "流动资产3,208,415.60万元"
    assert normalise("资产 1,\n208.60 万元").text == "资产1,208.60万元"


def test_aligned_rows_are_read_as_their_pattern_says():
    """`_aligned_row` is `ALIGNED_ROW.match` in linear time: the two agree on lines of table-like characters."""
    import random

    from tieout.linter.text import normalise as n

    rng = random.Random(11)
    alphabet = list("项目收入支出合计0123456789.,%-—－−；  \tA")
    lines = ["五                   3,417.20       2,806.45   82.13%", " 合  275846 65", "一般公共预算收入   12.5  —  3"]
    lines += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))).rstrip() for _ in range(20000)]
    for line in lines:
        if line and line[-1] in n.ROW_END and "，" not in line and "。" not in line:
            assert n._aligned_row(line) == (n.ALIGNED_ROW.match(line) is not None), line


def test_figures_of_rows_of_one_column_are_not_run_together():
    # a row's figure set off by a wide gap, the next row opening with a year: two figures, not 1.672024
    doc = normalise("  中央转贷地方的外国政府贷款          1.67\n\n  2024年一般债券发行额          344.23\n", "t.txt")
    assert [q.text for q in extract(doc)] == ["1.67", "344.23"]
    doc = normalise("其中转贷资金 3.45\n2025年一般债券发行额 120.50\n", "t.txt")
    assert [q.text for q in extract(doc)] == ["3.45", "120.50"]


def test_a_figure_ending_a_line_does_not_run_on_into_the_next_rows_code():
    # `合计 2,693.18` / `301 工资福利支出 2,100.50`: the next row opens with its classification code, no 2,693.18301
    doc = normalise("合计 2,693.18\n301 工资福利支出 2,100.50\n30101 基本工资 1,200.00\n", "t.txt")
    assert [q.text for q in extract(doc) if "," in q.text] == ["2,693.18", "2,100.50", "1,200.00"]


def test_a_figure_broken_by_the_wrap_runs_on():
    doc = normalise("共安排资金 2,4\n\n00.00 万元，其中中央资金 1,500.00 万元。\n", "t.txt")
    assert [q.text for q in extract(doc)][:2] == ["2,400.00万元", "1,500.00万元"]


def test_a_table_one_cell_a_line_keeps_its_figures_apart():
    doc = normalise("年度资金总额\n1600.00\n1575.00\n1378.84\n87.55%\n", "t.txt")
    assert [q.text for q in extract(doc)] == ["1600.00", "1575.00", "1378.84", "87.55%"]


def test_a_running_head_of_words_other_than_the_title_beside_page_numbers_is_dropped():
    # a head repeated beside three page numbers, not the title's words (`青禾县财政局公开文件`): page furniture, not
    # words inside the sentence it interrupts (`…增长 8.0%，上` / `- 2 -` / head / `年为 5.00 亿元…`)
    head = "青禾县财政局公开文件"
    filler = "本县坚持过紧日子要求，统筹各类资金保障重点支出，财政运行总体平稳有序。"
    pages = [
        "关于青禾县2024年预算执行情况的报告",
        *[filler] * 6,
        "- 1 -",
        head,
        *[filler] * 6,
        "全县国有资本经营预算收入5.40亿元，增长8.0%，上",
        "- 2 -",
        head,
        "年为5.00亿元；加上年结转0.40亿元，收入总计5.80亿元。",
        *[filler] * 6,
        "- 3 -",
        head,
        filler,
    ]
    doc = normalise("\n".join(pages) + "\n", "t.txt")
    assert head not in doc.text
    assert "增长8.0%，上年为5.00亿元" in doc.text


def test_prose_after_a_gapped_list_opens_its_own_paragraph():
    # items indented alike, each a name and amounts set apart by wide gaps: the unindented prose line after the
    # last is no word of it
    text = "合计如下：\n  甲类支出      120.50万元   占比 60.2%\n  乙类支出      79.70万元    占比 39.8%\n甲类支出比上年增加5.00万元。\n"
    assert normalise(text, "t.txt").text.endswith("占比39.8%\n甲类支出比上年增加5.00万元。")
    # items indented unalike (a part under its parent): left joined, not read as a flat list closed there
    nested = text.replace("  乙类支出", "    其中丙项")
    assert "\n甲类支出比上年" not in normalise(nested, "t.txt").text
    # a line of prose with its characters spaced out is no item of a list
    spaced = "收入如下：\n  中  央  补  助     120.50\n  地  方  税  收     79.70\n本年收入比上年增长3.1%。\n"
    assert "\n本年收入比上年" not in normalise(spaced, "t.txt").text


def test_prose_after_rows_set_apart_by_single_spaces_opens_a_paragraph():
    # two rows or more of a label and its figures one space apart (a PDF's text layer): the prose after the
    # last row is a sentence of its own, not the row's words
    rows = "项目 年初预算 执行数\n甲类资金 120.00 110.00\n合计 120.00 110.00\n"
    doc = normalise(rows + "其中甲类资金执行110.00万元，执行率91.67%。\n", "t.txt")
    assert doc.text.endswith("\n其中甲类资金执行110.00万元，执行率91.67%。")
    # one such line alone is no table: a wrapped line of prose joins the next
    doc = normalise("说明如下：甲类资金 120.00 110.00\n其中甲类资金执行110.00万元。\n", "t.txt")
    assert "\n其中" not in doc.text
    # a bound in a cell (`≥90%`) is a cell too
    doc = normalise("孕产妇系统管理率 ≥90% 94.7%\n验收合格率 ≥95% 96.0%\n全年孕产妇系统管理率为94.7%。\n", "t.txt")
    assert doc.text.endswith("\n全年孕产妇系统管理率为94.7%。")


def test_a_number_grouped_by_spaces_whose_unit_opens_the_next_line():
    # a paragraph wrapped between the number and its unit: the number's gaps go as on one line
    assert normalise("支出合计3 386.48\n亿元，增长2.0%。").text == "支出合计3386.48亿元，增长2.0%。"
    # (a number closing its line with no unit opening the next keeps its gap: two figures of a text table)
    assert normalise("项目 1 234.56\n合计").text.startswith("项目1 234.56")


def test_a_text_tables_row_is_no_number_wrapped_before_its_unit():
    # a row of a text table (a name, a space, its columns' figures) before a row whose name opens with 人 (人员经费):
    # neither a line of prose nor a unit opening the next line, so the columns stay apart
    doc = normalise("项目 年初预算数 决算数\n基本支出 856 792\n人员经费 600 560\n")
    assert "856792" not in doc.text
    # a line of prose wrapped between a grouped number and its unit is still joined
    assert "支出合计3098.58亿元" in normalise("全省一般公共预算支出合计3 098.58\n亿元。").text
