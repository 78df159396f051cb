"""The table model and the table checks on tables in the shape of the standard 部门决算 tables: a clean set
gives no warning or error and lists the standard identities as checked; one planted wrong cell (a parent
row, a row total, a two-sided total) is reported at that cell. Also on a real 部门决算 PDF of ../shared
(skipped when it is absent), with a wrong cell planted in its rendering at test time."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from tieout.linter.figures.context import Context
from tieout.linter.parse.tables import find_tables
from tieout.linter.parse.tables.lookup import TableIndex
from tieout.linter.text.normalise import normalise

from .conftest import ROOT, lint_text

SHARED = ROOT.parent / "shared" / "corpus" / "final-accounts"


def table(title: str, rows: list[list[str]], unit: str = "万元") -> str:
    out = [title, f"单位：{unit}", ""]
    for i, r in enumerate(rows):
        out.append("| " + " | ".join(r) + " |")
        if i == 0:
            out.append("|" + "---|" * len(r))
    return "\n".join(out) + "\n\n"


TOTAL_TABLE = [
    ["收入", "", "支出", ""],
    ["项目", "决算数", "项目", "决算数"],
    ["一、一般公共预算财政拨款收入", "1,000.00", "一、一般公共服务支出", "700.00"],
    ["二、其他收入", "20.00", "二、社会保障和就业支出", "290.00"],
    ["", "", "三、住房保障支出", "30.00"],
    ["本年收入合计", "1,020.00", "本年支出合计", "1,020.00"],
    ["使用非财政拨款结余", "", "结余分配", ""],
    ["年初结转和结余", "50.00", "年末结转和结余", "50.00"],
    ["总计", "1,070.00", "总计", "1,070.00"],
]
SPENDING = [
    ["项目", "", "", "", "本年支出合计", "基本支出", "项目支出"],
    ["支出功能分类科目编码", "", "", "科目名称", "", "", ""],
    ["类", "款", "项", "合计", "1,020.00", "800.00", "220.00"],
    ["201", "", "", "一般公共服务支出", "700.00", "500.00", "200.00"],
    ["201", "06", "", "财政事务", "700.00", "500.00", "200.00"],
    ["201", "06", "01", "行政运行", "510.00", "500.00", "10.00"],
    ["201", "06", "02", "一般行政管理事务", "190.00", "", "190.00"],
    ["208", "", "", "社会保障和就业支出", "290.00", "270.00", "20.00"],
    ["208", "05", "", "行政事业单位养老支出", "290.00", "270.00", "20.00"],
    ["208", "05", "01", "行政单位离退休", "120.00", "100.00", "20.00"],
    ["208", "05", "05", "机关事业单位基本养老保险缴费支出", "170.00", "170.00", ""],
    ["221", "", "", "住房保障支出", "30.00", "30.00", ""],
    ["221", "02", "", "住房改革支出", "30.00", "30.00", ""],
    ["221", "02", "01", "住房公积金", "30.00", "30.00", ""],
]
BASIC = [
    ["经济分类科目编码", "", "科目名称", "决算数", "经济分类科目编码", "", "科目名称", "决算数"],
    ["类", "款", "", "", "类", "款", "", ""],
    ["301", "", "工资福利支出", "700.00", "302", "", "商品和服务支出", "60.00"],
    ["301", "01", "基本工资", "400.00", "302", "01", "办公费", "25.00"],
    ["301", "02", "津贴补贴", "300.00", "302", "11", "差旅费", "35.00"],
    ["303", "", "对个人和家庭的补助", "30.00", "310", "", "资本性支出", "10.00"],
    ["303", "02", "退休费", "30.00", "310", "02", "办公设备购置", "10.00"],
    ["人员经费合计", "", "", "730.00", "公用经费合计", "", "", "70.00"],
]
PROSE = "# 三、支出决算情况说明\n\n本年支出合计 1020.00 万元，其中：基本支出 800.00 万元，项目支出 220.00 万元。\n\n"


def document(total=TOTAL_TABLE, spending=SPENDING, basic=BASIC, prose=PROSE) -> str:
    return (
        "某某局2024年度部门决算\n\n"
        + table("收入支出决算总表", total)
        + table("支出决算表", spending)
        + table("一般公共预算财政拨款基本支出决算表", basic)
        + prose
    )


def planted(rows: list[list[str]], r: int, c: int, text: str) -> list[list[str]]:
    out = [list(x) for x in rows]
    out[r][c] = text
    return out


def table_findings(result) -> list:
    return [d for d in result.diagnostics if d.code.startswith("TO3") and d.severity in ("error", "warning")]


def test_clean_tables_pass_and_list_their_identities():
    result = lint_text(document(), "report.md")
    assert not table_findings(result), [d.message for d in table_findings(result)]
    names = {c.name for c in result.checked if c.name}
    assert any("收入总计" in n for n in names) and any("支出总计" in n for n in names)
    assert any("人员经费合计" in n for n in names) and any("公用经费合计" in n for n in names)
    rules = {c.rule for c in result.checked if c.status == "pass"}
    assert {"TO301", "TO304", "TO305", "TO306", "TO307", "TO308"} <= rules


def _only_at(result, stated: str, code: str, fix: str) -> None:
    """The planted cell is reported by `code` with `fix`; any other table finding names it among its figures."""
    found = table_findings(result)
    hit = [d for d in found if d.code == code and d.stated == stated]
    assert hit and hit[0].fix == fix, [(d.code, d.message) for d in found]
    at = (hit[0].line, hit[0].column)
    for d in found:
        assert (d.line, d.column) == at or any((x.line, x.column) == at for x in d.related), d.message


def test_a_wrong_parent_row():
    # 208 行政事业单位养老支出 (款) is 120 + 170 = 290: state 300 in its 合计 column
    result = lint_text(document(spending=planted(SPENDING, 8, 4, "300.00")), "report.md")
    _only_at(result, "300.00", "TO305", "290.00")


def test_a_wrong_row_total():
    # 行政运行 is 500 + 10 = 510 across: state 501
    result = lint_text(document(spending=planted(SPENDING, 5, 4, "501.00")), "report.md")
    _only_at(result, "501.00", "TO306", "510.00")


def test_a_wrong_two_sided_total():
    # the 支出 side's 总计 is 1,020 + 50 = 1,070: state 1,080
    result = lint_text(document(total=planted(TOTAL_TABLE, 8, 3, "1,080.00")), "report.md")
    found = table_findings(result)
    assert {d.code for d in found} == {"TO307", "TO308"}, [d.message for d in found]
    assert all(d.stated == "1,080.00" or d.stated == "1,070.00" for d in found)


def test_a_wrong_side_by_side_identity():
    result = lint_text(document(basic=planted(BASIC, 7, 7, "80.00")), "report.md")
    _only_at(result, "80.00", "TO308", "70.00")


def test_a_prose_figure_that_differs_from_its_cell():
    prose = PROSE.replace("基本支出 800.00", "基本支出 810.00").replace("项目支出 220.00", "项目支出 210.00")
    result = lint_text(document(prose=prose), "report.md")
    found = [d for d in result.diagnostics if d.code == "TO304"]
    assert {d.stated for d in found} == {"810.00万元", "210.00万元"} or {d.stated for d in found} == {
        "810.00",
        "210.00",
    }, [d.message for d in found]


def test_model_reads_codes_sides_and_identity_lookup():
    doc = normalise(document(), "report.md")
    tables = find_tables(doc)
    total, spending, basic = tables
    assert [s.name for s in total.sides] == ["收入", "支出"]
    assert [r.code for r in spending.sides[0].rows if r.code][:3] == ["201", "20106", "2010601"]
    side = spending.sides[0]
    parent = next(i for i, r in enumerate(side.rows) if r.code == "20106")
    assert [side.rows[k].code for k in side.children(parent)] == ["2010601", "2010602"]
    assert [c.role for c in side.columns] == ["合计", "基本支出", "项目支出"]
    assert len(basic.sides) == 2 and basic.context.fund == "一般公共预算财政拨款"
    index = TableIndex(tables)
    hits = index.find("基本支出", Context(stage="决算", period="2024"))
    assert [h.quantity.text for h in hits] == ["800.00"]
    assert [h.quantity.text for h in index.find("行政运行", Context(stage="决算", period="2024"))] == ["510.00"]


@pytest.mark.skipif(not SHARED.exists(), reason="../shared is absent")
def test_a_cell_planted_in_a_real_final_accounts_pdf():
    from tieout.linter.text.reading import read_path

    text = read_path(str(SHARED / "putuo-caizhengju-2024-final-accounts.pdf")).text
    clean = lint_text(text, "real.md")
    # the one table finding of the document as published is its prose's 财政拨款收入支出总计, a true mistake (judged in
    # tests/corpus/snapshot.yaml): none of its tables' own
    published = [d for d in table_findings(clean) if not (d.code == "TO304" and d.fix is None and "总计" in d.sentence)]
    assert len(table_findings(clean)) - len(published) <= 1
    assert not published, [d.message for d in published]
    assert any(c.name and "人员经费合计" in c.name and c.status == "pass" for c in clean.checked)
    # the first row of three amounts where the first is the sum of the other two (合计 | 基本支出 | 项目支出; no
    # figure of the document is written here) gets 10 more in its last: its 合计 no longer cross-foots
    row = next(m for m in CROSS_FOOTING.finditer(text) if _foots(m))
    total, basic, project = (Decimal(row.group(k).replace(",", "")) for k in (1, 2, 3))
    planted = row.group().replace(f"| {row.group(3)} |", f"| {_money(project + 10)} |")
    wrong = lint_text(text[: row.start()] + planted + text[row.end() :], "real.md")
    found = table_findings(wrong)
    assert any(d.code == "TO306" and d.stated == row.group(1) and d.fix == _money(total + 10) for d in found), [
        (d.code, d.message) for d in found
    ]


CROSS_FOOTING = re.compile(r"\| ([\d,]+\.\d\d) \| ([\d,]+\.\d\d) \| ([\d,]+\.\d\d) \|$", re.M)


def _foots(m: re.Match[str]) -> bool:
    total, basic, project = (Decimal(m.group(k).replace(",", "")) for k in (1, 2, 3))
    return basic > 0 and project > 0 and total == basic + project


def _money(x: Decimal) -> str:
    return f"{x:,.2f}"


def test_no_shared_documents_in_the_repository():
    assert not list(Path(ROOT / "tests").glob("**/*.pdf"))


ALIGNED = (
    "某省2024年财政决算报告\n\n"
    "          2024年度某省一般公共预算收入决算表\n"
    + " " * 52
    + "单位：万元\n"
    + " " * 42
    + "决算数为调整 决算数为上年\n"
    "       项目          调整预算数         决算数\n" + " " * 50 + "预算数的% 决算数的%\n"
    "一、税收收入              1,000,000      900,000       90.0     101.0\n"
    "  增值税                   600,000      500,000       83.3      99.0\n"
    "  企业所得税               400,000      400,000      100.0     104.0\n"
    "二、非税收入                200,000      210,000      105.0      98.0\n"
    "  专项收入                 120,000      130,000      108.3      97.0\n"
    "  罚没收入                  80,000       80,000      100.0      99.0\n"
    "三、债务收入                            50,000                 80.0\n"
)


def test_a_space_aligned_text_table_is_read_with_its_indentation():
    clean = lint_text(ALIGNED, "report.txt")
    assert not table_findings(clean), [d.message for d in table_findings(clean)]
    assert sum(1 for c in clean.checked if c.rule == "TO305" and c.status == "pass") == 4
    assert any(c.rule == "TO302" and c.status == "pass" for c in clean.checked)
    wrong = lint_text(ALIGNED.replace("500,000       83.3", "510,000       85.0"), "report.txt")
    found = table_findings(wrong)
    assert [(d.code, d.stated) for d in found if d.code == "TO305"] == [("TO305", "900,000")], [
        d.message for d in found
    ]


def test_a_space_aligned_table_whose_figures_fall_between_columns_is_not_read():
    shifted = ALIGNED.replace(
        "三、债务收入                            50,000", "三、债务收入                      50,000     "
    )
    result = lint_text(shifted.replace("900,000       90.0", "910,000       90.0"), "report.txt")
    assert not [d for d in result.diagnostics if d.code in ("TO305", "TO301")]


# Space-aligned tables in the shapes of plain-text 决算 reports (figures our own).
def _aligned_doc(body: str) -> str:
    return "某省2024年财政决算报告\n\n" + body


# a header of several lines under the unit note, the rows aligned by characters (a Chinese character counted
# one wide), a 合计 two blank lines below the rows
BY_CHARS = (
    "        2024年某省一般公共预算基本支出决算表\n"
    "                                        单位：万元\n"
    "\n"
    "                                   决算数为\n"
    "    项   目     预算数       决算数      预算\n"
    "                                   数的%\n"
    "一、工资福利支出      3,000      2,700      90.0\n"
    " 基本工资          2,000      1,800      90.0\n"
    " 津贴补贴          1,000        900      90.0\n"
    "二、商品和服务支出     500        450      90.0\n"
    " 办公费             300        250      83.3\n"
    " 差旅费             200        200     100.0\n"
    "\n"
    "\n"
    "     合 计       3,500      3,150      90.0\n"
)


def test_an_aligned_table_with_a_header_of_several_lines_counted_in_characters():
    clean = lint_text(_aligned_doc(BY_CHARS), "report.txt")
    assert not table_findings(clean), [d.message for d in table_findings(clean)]
    rules = {c.rule for c in clean.checked if c.status == "pass"}
    assert {"TO301", "TO302", "TO305"} <= rules, rules
    wrong = lint_text(_aligned_doc(BY_CHARS.replace("1,800      90.0", "1,850      92.5")), "report.txt")
    assert [(d.code, d.stated) for d in table_findings(wrong) if d.code == "TO305"] == [("TO305", "2,700")]


# a formula row under the header (公式 A=B+C), regions indented under their province, a page break that
# repeats the header
FORMULA = (
    "             某省2024年地方政府债务限额及余额决算情况表\n"
    "                                                      单位：亿元\n"
    "                    2024年债务限额              2024年债务余额\n"
    "    地   区\n"
    "                         一般债务  专项债务              一般债务  专项债务\n"
    "    公   式    A=B+C       B         C       D=E+F        E         F\n"
    "某省             100.00     60.00     40.00     90.00     55.00     35.00\n"
    " 某省本级         30.00     20.00     10.00     28.00     19.00      9.00\n"
    " 甲市             70.00     40.00     30.00     62.00     36.00     26.00\n"
    "   甲市本级       50.00     30.00     20.00     45.00     27.00     18.00\n"
    "   子县           20.00     10.00     10.00     17.00      9.00      8.00\n"
)


def test_an_aligned_table_with_a_formula_row_checks_its_formulas():
    clean = lint_text(_aligned_doc(FORMULA), "report.txt")
    assert not table_findings(clean), [d.message for d in table_findings(clean)]
    assert sum(1 for c in clean.checked if c.rule == "TO309" and c.status == "pass") == 10
    wrong = lint_text(_aligned_doc(FORMULA.replace("28.00     19.00", "29.00     19.00")), "report.txt")
    assert ("TO309", "29.00") in {(d.code, d.stated) for d in table_findings(wrong)}


def _two_pages(second_page_rows: str) -> str:
    """FORMULA over two pages: 甲市 goes on over the page (丑县), the header repeated on the second."""
    page2 = FORMULA.split("某省             100.00")[0] + second_page_rows
    page1 = FORMULA.replace(
        "某省             100.00     60.00     40.00     90.00     55.00     35.00",
        "某省             115.00     69.00     46.00    103.00     62.00     41.00",
    ).replace(
        " 甲市             70.00     40.00     30.00     62.00     36.00     26.00",
        " 甲市             75.00     43.00     32.00     66.00     38.00     28.00",
    )
    return _aligned_doc(page1 + "\f" + page2)


SECOND_PAGE = (
    "   丑县            5.00      3.00      2.00      4.00      2.00      2.00\n"
    " 乙市             10.00      6.00      4.00      9.00      5.00      4.00\n"
    "   乙市本级        4.00      2.00      2.00      4.00      2.00      2.00\n"
    "   寅县            6.00      4.00      2.00      5.00      3.00      2.00\n"
)


def _mistyped(rows: str) -> str:
    """丑县 with its 限额 and 专项债务 one more: 甲市 no longer the sum of its rows in those two columns."""
    return rows.replace("5.00      3.00      2.00", "6.00      3.00      3.00", 1)


def test_an_aligned_table_continued_on_the_next_page_is_joined():
    result = lint_text(_two_pages(SECOND_PAGE), "report.txt")
    assert not table_findings(result), [d.message for d in table_findings(result)]
    (t,) = find_tables(normalise(_two_pages(SECOND_PAGE), "report.txt"))
    assert t.breaks and t.pieces == 2
    # 甲市 on the first page, 丑县 on the second: the parent over the page is checked, and holds
    over = [c for c in result.checked if c.rule == "TO305" and c.line == 11 and c.status == "pass"]
    assert over, [(c.rule, c.line, c.status) for c in result.checked]
    wrong = lint_text(_two_pages(_mistyped(SECOND_PAGE)), "report.txt")
    assert [(d.code, d.line, d.stated) for d in table_findings(wrong) if d.code == "TO305"] == [
        ("TO305", 11, "75.00"),
        ("TO305", 11, "32.00"),
    ]


def test_an_aligned_table_whose_next_page_is_laid_out_otherwise_is_joined_by_order_under_its_header():
    # the second page's figures stand three columns right of the first page's, under the header repeated: each row
    # fills every column, so its figures are the header's columns in order and the pages are joined; the rows'
    # indentation is shifted too, so the tree across the page is not read by the indentation (丑县 is no known
    # child of 甲市 by it) — but 甲市 heads its own government's row (`甲市 / 甲市本级 / …`) as 乙市 does on the next
    # page, so its group runs to 乙市's row whatever the indentation (relations._own_level_groups), and 丑县
    # mistyped is found there, in the two columns it breaks only
    shifted = "\n".join("   " + ln for ln in SECOND_PAGE.split("\n") if ln) + "\n"
    (t,) = find_tables(normalise(_two_pages(shifted), "report.txt"))
    assert t.pieces == 2
    result = lint_text(_two_pages(shifted), "report.txt")
    assert not table_findings(result), [d.message for d in table_findings(result)]
    assert any(c.rule == "TO305" and c.status == "pass" for c in result.checked)  # 乙市 on the second page
    wrong = lint_text(_two_pages(_mistyped(shifted)), "report.txt")
    assert [(d.code, d.line, d.stated) for d in table_findings(wrong)] == [
        ("TO305", 11, "75.00"),
        ("TO305", 11, "32.00"),
    ]


def test_centred_labels_give_no_tree():
    centred = (
        "             某省2024年地方政府债务限额情况表\n"
        "                                                      单位：亿元\n"
        "    地   区        限额合计      一般债务      专项债务\n"
        "    某省         100.00        60.00        40.00\n"
        "   某省本级       30.00        20.00        10.00\n"
        "    甲市          70.00        40.00        30.00\n"
        "   甲市本级       50.00        30.00        20.00\n"
        "    子县          25.00        10.00        15.00\n"
    )
    result = lint_text(_aligned_doc(centred), "report.txt")
    assert any(c.rule == "TO306" and c.status == "pass" for c in result.checked)  # the table is read
    assert not [c for c in result.checked if c.rule in ("TO305", "TO301")]


def test_a_wrapped_label_joins_its_row_and_leaves_its_neighbours_unplaced():
    wrapped = (
        "        2024年某省国有资本经营预算收入决算表\n"
        "                                        单位：万元\n"
        "    项   目        预算数       决算数\n"
        "一、利润收入           1,000        1,200\n"
        "二、股利收入           2,000        2,100\n"
        " 国有控股公司股利收入     900        1,000\n"
        " 国有参股公司股利收入     100          100\n"
        "   其他国有资本经营预算企业股利、\n"
        "                        1,000        1,000\n"
        "股息收入\n"
        "三、其他收入             500          500\n"
    )
    result = lint_text(_aligned_doc(wrapped), "report.txt")
    assert not table_findings(result), [d.message for d in table_findings(result)]
    (t,) = find_tables(normalise(_aligned_doc(wrapped), "report.txt"))
    labels = [r.label for r in t.sides[0].rows]
    assert "其他国有资本经营预算企业股利、股息收入" in labels and labels[-1] == "三、其他收入"


def test_comparable_growth_is_not_recomputed():
    comparable = (
        "        2025年某市一般公共预算支出表\n"
        "                                        单位：万元\n"
        "    项   目        2024年预算数   2025年预算数   可比增长%\n"
        "一、一般公共服务支出     1,000          1,100          2.0\n"
        "二、教育支出             2,000          1,800          1.5\n"
        "三、科学技术支出           500            600          3.0\n"
    )
    result = lint_text(_aligned_doc(comparable), "report.txt")
    (t,) = find_tables(normalise(_aligned_doc(comparable), "report.txt"))
    assert t.sides[0].columns[-1].kind == "comparable"
    assert not [c for c in result.checked if c.rule == "TO302"]
    assert not table_findings(result)


CODED = [
    ["科目编码", "", "", "科目名称", "合计", "基本支出", "项目支出"],
    ["类", "款", "项", "", "", "", ""],
    ["205", "", "", "教育支出", "700.00", "500.00", "200.00"],
    ["205", "02", "", "普通教育", "700.00", "500.00", "200.00"],
    ["205", "02", "02", "小学教育", "510.00", "500.00", "10.00"],
    ["205", "02", "99", "其他普通教育支出", "190.00", "", "190.00"],
    ["208", "", "", "社会保障和就业支出", "290.00", "270.00", "20.00"],
    ["208", "05", "", "行政事业单位养老支出", "290.00", "270.00", "20.00"],
    ["208", "05", "99", "其他普通教育支出", "290.00", "270.00", "20.00"],
]


def _budget(prose: str) -> str:
    return (
        "某某局2024年部门预算\n\n"
        + table("2024年一般公共预算支出功能分类预算表", CODED)
        + "# 二、一般公共预算财政拨款支出主要内容\n\n"
        + prose
    )


def test_a_classification_path_in_the_prose_names_one_coded_row():
    ok = "1.“教育支出（类）普通教育（款）其他普通教育支出（项）”科目190.00万元，主要用于日常事务。\n"
    clean = lint_text(_budget(ok), "report.md")
    assert any(c.rule == "TO304" and c.status == "pass" for c in clean.checked)
    assert not [d for d in clean.diagnostics if d.code == "TO304"]
    wrong = lint_text(_budget(ok.replace("190.00万元", "195.00万元")), "report.md")
    assert [d.stated for d in wrong.diagnostics if d.code == "TO304"] == ["195.00万元"]
    # a path no row has (its 款 differs) says nothing, though a row of that name exists elsewhere
    other = ok.replace("普通教育（款）", "职业教育（款）").replace("190.00万元", "195.00万元")
    assert not [d for d in lint_text(_budget(other), "report.md").diagnostics if d.code == "TO304"]


HTML_TABLE = """# 某项目绩效评价报告

表2 资金情况（单位：万元）

<table><tr><td rowspan="2">项目</td><td colspan="2">2023年</td></tr><tr><td>预算数</td><td>决算数</td></tr>
<tr><td>合计</td><td>300.00</td><td>{total}</td></tr><tr><td>设备购置</td><td>200.00</td><td>190.50</td></tr>
<tr><td>培训</td><td>100.00</td><td>90.00</td></tr></table>

<table><tr><td>项目</td><td>年度</td><td>安排</td><td>占比(%)</td></tr>
<tr><td rowspan="3">甲类补助</td><td>2022</td><td>60.00</td><td>{share}</td></tr><tr><td>2023</td><td>90.00</td><td>60.00</td></tr>
<tr><td>小计</td><td>150.00</td><td>100.00</td></tr>
<tr><td rowspan="3">乙类补助</td><td>2022</td><td>30.00</td><td>60.00</td></tr><tr><td>2023</td><td>20.00</td><td>40.00</td></tr>
<tr><td>小计</td><td>50.00</td><td>100.00</td></tr>
<tr><td>合计</td><td colspan="2">200.00</td><td></td></tr></table>
"""


def test_html_tables_in_markdown_are_tables_with_their_spans():
    clean = lint_text(HTML_TABLE.format(total="280.50", share="40.00"), "report.md")
    assert not table_findings(clean), [d.message for d in clean.diagnostics]
    kinds = {(c.kind, c.status) for c in clean.checked}
    assert ("sum", "pass") in kinds and ("share", "pass") in kinds
    # the 合计 row's 决算数 is 190.50 + 90.00 = 280.50; shares are of each group's 小计
    wrong_total = lint_text(HTML_TABLE.format(total="281.50", share="40.00"), "report.md")
    _only_at(wrong_total, "281.50", "TO301", "280.50")
    wrong_share = lint_text(HTML_TABLE.format(total="280.50", share="45.00"), "report.md")
    assert [d.code for d in table_findings(wrong_share)] == ["TO303"]


SANGONG = """# 某某局2024年度部门决算

## 一般公共预算财政拨款“三公”经费支出决算表

单位：万元

| 项目 | 预算数 | 决算数 |
|---|---|---|
| 合计 | 21.00 | 17.30 |
| 因公出国（境）费 | 6.00 | 3.20 |
| 公务用车购置及运行维护费 | 10.00 | 9.60 |
| 公务接待费 | 5.00 | 4.50 |

## 说明

2024年度一般公共预算财政拨款“三公”经费支出决算为17.30万元，其中：因公出国（境）费支出决算为3.20万元；公务用车购置及运行维护费支出决算为9.60万元；公务接待费支出决算为{hosting}万元。
"""


def test_a_fee_stated_as_its_expenditure_is_its_row():
    clean = lint_text(SANGONG.format(hosting="4.50"), "report.md")
    # (the “三公” total and its three items: the total is the 合计 of the table of that fund)
    assert [c.status for c in clean.checked if c.kind == "cross_ref"] == ["pass", "pass", "pass", "pass"]
    wrong = lint_text(SANGONG.format(hosting="4.80"), "report.md")
    assert [(d.code, d.stated) for d in wrong.diagnostics if d.code == "TO304"] == [("TO304", "4.80万元")]


def test_a_completion_rate_against_the_budget_of_its_row():
    text = (
        SANGONG.format(hosting="4.50")
        + "\n一般公共预算财政拨款公务用车购置及运行维护费支出决算为9.60万元，完成预算的{rate}。\n"
    )
    assert not [d for d in lint_text(text.format(rate="96%"), "report.md").diagnostics if d.code == "TO105"]
    wrong = [d for d in lint_text(text.format(rate="92%"), "report.md").diagnostics if d.code == "TO105"]
    assert [(d.stated, d.expected) for d in wrong] == [("92%", "96%")]


def _stacked_pdf(path: Path, label_cell: str) -> None:
    """A table drawn with no rule between its body rows, as spreadsheets exported to PDF often are: each body
    column comes out of the page as one cell holding a line per row."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cn", fontName="STSong-Light", fontSize=11, leading=16)
    rows = [["项目", "预算数", "执行数"], [label_cell, "600\n400\n1,000", "540\n380\n930"]]
    grid = Table(rows)
    grid.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), "STSong-Light"),
                ("BOX", (0, 0), (-1, -1), 0.5, "black"),
                ("LINEAFTER", (0, 0), (-2, -1), 0.5, "black"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, "black"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story = [Paragraph("表1 2022年部门预算执行情况表（单位：万元）", style), Spacer(1, 6), grid]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def test_a_pdf_table_without_rules_between_its_rows_is_read_row_by_row(tmp_path):
    """The 执行数 column's 合计 (930) is not its rows' sum (920): found only when the stacked cells are cut
    into the rows they stand on."""
    from tieout.linter.run.config import Config
    from tieout.linter.run.engine import lint_path

    path = tmp_path / "stacked.pdf"
    _stacked_pdf(path, "基本支出\n项目支出\n合计")
    result, _ = lint_path(str(path), Config())
    assert [(d.code, d.stated, d.expected) for d in result.diagnostics if d.code == "TO301"] == [
        ("TO301", "930", "920")
    ]


_HEAD = "| 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |\n|---|---|---|---|---|\n"
_PAGE1 = (
    "2024年部门支出预算总表\n\n编制部门：某局　　单位：万元\n\n"
    + _HEAD
    + "| 208 | 社会保障和就业支出 | 300.00 | 200.00 | 100.00 |\n"
    "| 20805 | 行政事业单位养老支出 | 300.00 | 200.00 | 100.00 |\n| 2080501 | 行政单位离退休 | 120.00 | 120.00 | 0.00 |\n\n"
)
_PAGE2 = (
    _HEAD + "| 2080505 | 机关事业单位基本养老保险缴费支出 | 180.00 | 80.00 | 100.00 |\n"
    "| 210 | 卫生健康支出 | 50.00 | 39.50 | 10.50 |\n| 21011 | 行政事业单位医疗 | 50.00 | 39.50 | 10.50 |\n"
    "| 2101101 | 行政单位医疗 | 50.00 | 39.50 | 10.50 |\n|  | 合计 | 350.00 | 239.50 | 110.50 |\n"
)


@pytest.mark.parametrize(
    "marks",
    [
        ["续表（2024年部门支出预算总表）", "单位：万元"],
        ["续表（2024年部门支出预算总表）"],
        ["单位：万元"],
        ["续表", "单位：万元"],
    ],
)
def test_a_table_continued_under_its_unit_or_a_mark_naming_its_title_is_joined(marks):
    """A 类 whose 项 go on over the page is summed over both pieces: the piece after the break is the same
    table when only its unit (the one stated above the first piece) or `续表（title）` stands above it."""
    result = lint_text(_PAGE1 + "".join(m + "\n\n" for m in marks) + _PAGE2, "budget.md")
    assert not table_findings(result), [d.message for d in table_findings(result)]
    assert any(c.rule == "TO305" and c.status == "pass" and c.line == 8 for c in result.checked)  # 20805


def test_a_table_under_another_unit_after_the_break_is_not_joined():
    """Another unit above the rows after the break: another table; the 款 left open is not checked."""
    result = lint_text(_PAGE1 + "单位：元\n\n" + _PAGE2, "budget.md")
    assert not table_findings(result), [d.message for d in table_findings(result)]
    assert not any(c.rule == "TO305" and c.line == 8 for c in result.checked)


def test_a_continuation_whose_mark_title_and_unit_run_into_one_line_is_joined():
    """PDF text joins `续表（title）` and `单位：万元` into one line, and the first caption's title with who
    prepared the table and its unit: the piece after the break is still the same table."""
    first = _PAGE1.replace(
        "2024年部门支出预算总表\n\n编制部门：某局　　单位：万元", "2024年部门支出预算总表编制部门：某局单位：万元"
    )
    result = lint_text(first + "续表（2024年部门支出预算总表）单位：万元\n\n" + _PAGE2, "budget.md")
    assert not table_findings(result), [d.message for d in table_findings(result)]
    assert any(c.rule == "TO305" and c.status == "pass" and c.line == 6 for c in result.checked)  # 20805


def test_the_aligned_readers_fast_patterns_match_as_their_plain_forms():
    """FIGURE and CELL_TOKEN are written to open with a set of first characters (the regex engine then skips to
    them): they must find exactly the whole words their plain forms find, on any text."""
    import random

    from tieout.linter.parse.tables.lineshapes import CELL_TOKEN, FIGURE

    figure = r"[-−]?\d[\d,]*(?:\.\d+)?%?"
    plain_figure = re.compile(rf"(?<!\S){figure}(?!\S)")
    plain_cell = re.compile(rf"(?<!\S)(?:(?P<figure>{figure})|[-—–－]{{1,2}})(?!\S)")
    rng = random.Random(14)
    alphabet = " -−—–－0123456789,.%a增\t\u3000\f"
    texts = ["  一、税收收入   18,452,630    -  —  -1.3%  7,412,508  94.6 a1 1a --5 -- --- 1,2,"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(20000)]
    for text in texts:
        assert [m.span() for m in FIGURE.finditer(text)] == [m.span() for m in plain_figure.finditer(text)], text
        fast = [(m.span(), m.lastgroup == "figure") for m in CELL_TOKEN.finditer(text)]
        assert fast == [(m.span(), m.lastgroup == "figure") for m in plain_cell.finditer(text)], text


def test_display_width_of_chinese_text_without_a_loop_is_each_characters_width():
    """`width` counts a text of ASCII and the common Chinese ranges from its UTF-8 length: every character of
    those ranges must be wide, and the result that of adding up each character's width, on any text."""
    import random
    import unicodedata

    from tieout.linter.parse.tables.lineshapes import NOT_PLAIN_WIDE, width

    plain_wide = [chr(c) for c in range(0x80, 0x10000) if not NOT_PLAIN_WIDE.match(chr(c))]
    assert plain_wide and all(unicodedata.east_asian_width(ch) in "WF" for ch in plain_wide)

    def by_character(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    rng = random.Random(14)
    alphabet = " a1,.\f\t\u3000　，。一税收入（）％－—–−·é〿\u3400\U00020000"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(5000)]
    for text in texts:
        assert width(text) == by_character(text), text


def test_a_pipe_table_goes_on_past_a_running_head_repeated_between_tables():
    # a line of words repeated between two pairs of tables (a page's running head) stands between the pieces of
    # one table over a page: they are joined, and its 合计 totals the rows of both
    from tieout.linter.parse.tables.blocks import join_continuations, read_blocks

    head = "青禾县财政局公开文件"
    text = "\n".join(
        [
            "收入 | 预算数 | 支出 | 预算数",
            "收入总计 | 10.00 | 支出总计 | 10.00",
            head,
            "本年支出预算按功能分类如下。",
            "二、支出预算表",
            "单位：万元",
            "科目编码 | 科目名称 | 合计",
            " | 合计 | 10.00",
            "213 | 农林水支出 | 7.00",
            "2130101 | 行政运行 | 7.00",
            head,
            "221 | 住房保障支出 | 3.00",
            "2210201 | 住房公积金 | 3.00",
        ]
    )
    assert [len(b.rows) for b in join_continuations(read_blocks(text))] == [2, 6]
    lone = text.replace(head, "本县支出", 1)  # the words stand between the second pair only: another table's
    assert [len(b.rows) for b in join_continuations(read_blocks(lone))] == [2, 4, 2]


# an indicator table set apart by two spaces, not aligned, its weights headed `权重(%)`: points of 100 (分), not
# rates; a 得分 column of whole and half points (figures our own)
WEIGHTS = (
    "三、评价得分\n\n"
    "一级指标      权重(%)   得分    得分率\n"
    "决策  10  9  90.00%\n"
    "过程  30  27.6  92.00%\n"
    "产出  40  34  85.00%\n"
    "效益  20  19.5  97.50%\n"
    "合计  100  90.1  90.10%\n"
)


def test_a_score_table_with_two_space_gaps_and_weights_in_percent_checks_its_score_rates():
    clean = lint_text(WEIGHTS, "report.txt")
    assert not table_findings(clean), [d.message for d in table_findings(clean)]
    assert sum(1 for c in clean.checked if c.rule == "TO302" and c.status == "pass") == 5
    assert sum(1 for c in clean.checked if c.rule == "TO301" and c.status == "pass") == 2
    wrong = lint_text(WEIGHTS.replace("34  85.00%", "34  58.00%"), "report.txt")
    assert [(d.code, d.stated) for d in table_findings(wrong)] == [("TO302", "58.00%")]


# a space table whose rows are years (`2022年`, `2023年度`), its 支出率 of the spending over the funds before it
BY_YEAR = (
    "新增债券资金使用情况如下：\n\n"
    "年度        发行额     到位额     支出额     支出率\n"
    "2022年       6000       6000       5400     90.00%\n"
    "2023年度     4000       4000       3900     97.50%\n"
    "合计        10000      10000       9300     93.00%\n"
)


def test_a_space_table_whose_rows_are_years_checks_its_totals_and_spending_rates():
    clean = lint_text(BY_YEAR, "report.txt")
    assert not table_findings(clean), [d.message for d in table_findings(clean)]
    assert sum(1 for c in clean.checked if c.rule == "TO301" and c.status == "pass") == 3
    assert sum(1 for c in clean.checked if c.rule == "TO302" and c.status == "pass") == 3
    wrong = lint_text(BY_YEAR.replace("3900     97.50%", "3900     79.50%"), "report.txt")
    assert [(d.code, d.stated) for d in table_findings(wrong)] == [("TO302", "79.50%")]


@pytest.mark.parametrize(
    "caption, title",
    [
        ("1\u30002026年部门收支预算总表", "2026年部门收支预算总表"),
        ("表3  2026年一般公共预算支出表", "2026年一般公共预算支出表"),
        ("2026年一般公共预算支出表", "2026年一般公共预算支出表"),
    ],
)
def test_a_caption_s_bare_number_is_no_part_of_its_title(caption: str, title: str):
    """A number written bare before a caption's words (`1　2026年…`, a page's or table's number the PDF text put
    there) would be glued to the year once the caption is flattened (`12026年…`): the title leaves it out."""
    text = table(caption, [["项目", "预算数"], ["一般公共预算支出", "1,200.00"], ["合计", "1,200.00"]])
    tables = find_tables(normalise(text))
    assert tables and tables[0].title == title


def test_a_caption_line_giving_the_table_s_code_alone_leaves_the_title_to_the_line_above():
    """`一般公共预算财政拨款支出决算表` over `公开05表  单位：万元`: the code is no name of the table (its fund and stage
    are in the line above); a code alone names it only where no other line does."""
    rows = "科目编码  科目名称            合计    基本支出\n          合计             300.00     300.00\n" + (
        "208       社会保障支出     300.00     300.00\n20805       养老支出       300.00     300.00\n"
    )
    titled = f"          一般公共预算财政拨款支出决算表\n公开05表                    单位：万元\n{rows}"
    bare = f"公开05表                    单位：万元\n{rows}"
    assert _aligned_tables(titled)[0].title == "一般公共预算财政拨款支出决算表"
    assert _aligned_tables(bare)[0].title == "公开05表"


def test_a_serial_column_whose_heading_runs_into_the_side_s_name_holds_no_figures():
    """`收入` over `项目  行次  决算数`, the two header lines read as one (`收入行次`): the row numbers 1, 2, 3 … are
    no column of figures a total or an identity holds."""
    text = (
        "                收入支出决算总表\n公开01表                              单位：万元\n收入\n"
        "项目                                        行次          决算数\n"
        "一、一般公共预算财政拨款收入                   1         3520.40\n"
        "二、事业收入                                   2          205.20\n"
        "本年收入合计                                   3         3725.60\n"
    )
    side = _aligned_tables(text)[0].sides[0]
    assert [c.path for c in side.columns] == [["决算数"]]


def test_a_text_column_after_a_row_s_figures_is_found_as_its_pattern_says():
    """`_text_column` is where `TEXT_COLUMN.search` starts, read from the line's last word: the two agree on lines of
    row-like characters (gaps of spaces, tabs and full-width spaces, other spaces, figures, marks, words)."""
    import random

    from tieout.linter.parse.tables import row_lines as a

    rng = random.Random(7)
    pieces = ["1", "2.5", "%", " ", "  ", "\t", "\u3000", "\xa0", "\r", "项目", "新增学位", "，", "。", "：", "、"]
    pieces += ["甲乙丙丁戊己", "a", "５", "合格率100%", "-", "≥2,160个；", "验收"]
    lines = ["  一般公共预算  21,085.80  18,650.00  新增学位≥2,160个；验收合格率100%", "甲  5  减少0.54个百分点"]
    lines += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))) for _ in range(30000)]
    for line in lines:
        found = a.TEXT_COLUMN.search(line)
        assert a._text_column(line) == (found.start() if found else -1), repr(line)


def test_the_role_wordings_a_header_holds_are_those_a_scan_of_every_wording_finds():
    """`_held_roles` tries only the wordings opening with a character of the header: it finds what looking for every
    wording in the header finds, in the same order (longest first), on headers of the wordings' own characters."""
    import random

    from tieout.linter.parse.tables import vocab as v

    every = v._roles()
    rng = random.Random(11)
    chars = sorted({c for w, _ in every for c in w} | set("（）%％1a "))
    headers = [w for w, _ in every] + ["".join(w for w, _ in rng.sample(every, 3)) for _ in range(2000)]
    headers += ["".join(rng.choice(chars) for _ in range(rng.randint(0, 16))) for _ in range(20000)]
    for header in headers:
        assert v._held_roles(header) == [(w, r) for w, r in every if w in header], header


def _aligned_tables(text: str) -> list:
    """The tables of a text as a report's are read (space-aligned ones need the engine's normalising)."""
    from tieout.linter.run.engine import normalise as normalise_report

    return find_tables(normalise_report(text, "report.txt"))


def test_a_word_past_a_page_is_no_rest_of_a_closed_label():
    """A row whose label closes its brackets may be whole: a word alone past the page's number (a block's heading, a
    stray line) is not joined to it as the rest of its name, as it is to a label cut inside its brackets."""
    rows = "\n".join(
        [
            "表2  2025年某项基金支出执行表",
            "单位：万元",
            "项目                                        预算数      执行数",
            "甲类补助资金支出                            420.00      415.00",
            "乙类保障（含丙项）资金支出                   86.00       87.00",
            "",
            "                                  — 9 —",
            "",
            "丁类保障",
            "戊类补助资金支出                            130.00      128.00",
            "合计                                        636.00      630.00",
        ]
    )
    labels = [r.label for t in _aligned_tables(rows) for side in t.sides for r in side.rows]
    assert not any(label.endswith("资金支出丁类保障") for label in labels), labels


# a table from a PDF's text read without layout: the header one cell a line (`上年` / `决算数` a cell wrapped within
# its width), the rows' cells one space apart, a row of fewer figures leaving its last cells blank (figures our own)
LINED = (
    "某县2024年财政预算执行情况的报告\n\n"
    "县本级一般公共预算支出完成 5,000万元。其中：农林水支出1,800万元。\n\n"
    "附表\n"
    "2024年某县县本级一般公共预算支出执行表\n"
    "单位：万元\n"
    "项目\n"
    "上年\n"
    "决算数\n"
    "调整预算\n"
    "执行数\n"
    "完成调整预算%\n"
    "农林水支出 1700 2000 1800 90.00\n"
    "教育支出 2900 3000 3000 100.00\n"
    "住房保障支出 150 250 200 80.00\n"
    "预备费 100\n"
    "支出合计 4750 5350 5000 93.46\n"
)


def test_a_table_whose_header_stands_one_cell_a_line_is_read_by_the_order_of_its_names():
    clean = lint_text(LINED, "report.txt")
    assert not table_findings(clean), [d.message for d in table_findings(clean)]
    passed = {c.rule for c in clean.checked if c.status == "pass"}
    assert {"TO302", "TO304"} <= passed, passed
    wrong = lint_text(
        LINED.replace("200 80.00", "200 88.00").replace("水支出1,800万元", "水支出1,880万元"), "report.txt"
    )
    found = {(d.code, d.stated) for d in table_findings(wrong)}
    assert {("TO302", "88.00"), ("TO304", "1,880万元")} <= found, found


# a table as text extracted from a PDF without its layout sets it: its cells one a line (own figures)
CELL_LINES = """青木市2025年养老保险基金收支表
单位：万元

项目
本年收入
本年支出
本年结余

城镇职工养老保险基金
8,420
7,960
460
— 2 —
乡村居民养老保险基金
1,310
1,150
160
合计
9,730
9,110
620
注：本表按险种列示。
"""


def _cell_line_codes(text: str) -> list[tuple[str, str]]:
    return [(d.code, d.stated) for d in lint_text(text, "report.txt").diagnostics if d.code in ("TO301", "TO308")]


def test_a_table_of_cells_one_a_line_is_read_by_its_rows():
    assert not _cell_line_codes(CELL_LINES)
    found = _cell_line_codes(CELL_LINES.replace("7,960", "7,990"))
    assert found == [("TO301", "9,110")], found


@pytest.mark.parametrize(
    "shape",
    [
        ("项目\n本年收入\n本年支出\n本年结余\n", "本年收入\n本年支出\n本年结余\n"),  # no name column's heading
        ("本年支出\n本年结余\n", "本年支出\n本年\n结余\n"),  # a column's name wrapped: one line too many
        ("乡村居民养老保险基金\n", "乡村居民养老\n保险基金\n"),  # a label wrapped: the rows uncertain
    ],
)
def test_a_table_of_cells_one_a_line_of_uncertain_shape_is_not_read(shape):
    assert not _cell_line_codes(CELL_LINES.replace("7,960", "7,990").replace(*shape))
