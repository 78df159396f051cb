"""The text layer: repairs before parsing (with positions still in the file), PDF pages built from baselines,
doubled glyphs, damaged files, printed page numbers, and pages whose text layer cannot be trusted (TO401)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tieout.linter.run.config import Config
from tieout.linter.run.engine import lint_path
from tieout.linter.text.normalise import normalise
from tieout.linter.text.pdflayout import build_lines, dedupe, judge, page_labels
from tieout.linter.text.pdfpages import _char
from tieout.linter.text.pdfrepair import rebuild
from tieout.linter.text.reading import InputError, decode, read_path
from tieout.linter.text.render import render_pdf
from tieout.linter.text.repair import box_drawing, collapse_letter_spacing, private_use_points, repair, tab_cells

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus")


def at(doc, needle: str) -> tuple[int, int]:
    """Original (line, column) of the first occurrence of `needle` in the normalised text."""
    k = doc.text.index(needle)
    p = doc.position(k, k + len(needle))
    return p.line, p.column


# text repairs -----------------------------------------------------------------------------------------------
def test_a_few_nul_bytes_are_dropped_and_positions_stay_in_the_file():
    raw = "各位代表：\n全市一般公共预算收入1000亿元，增长5%。\n".encode()
    k = raw.index("全".encode())
    text, _ = decode(raw[:k] + b"\x00\x00" + raw[k:], "nul.txt")
    doc = normalise(text)
    assert "\x00" not in doc.text and "收入1000亿元" in doc.text
    assert at(doc, "1000") == (2, 13)  # the two NULs still count as columns of the file


def test_binaries_are_still_refused():
    with pytest.raises(InputError, match="binary"):
        decode(b"\x00\x01\x02PK\x03\x04" * 100, "bin.txt")
    with pytest.raises(InputError, match="binary"):
        decode("全市收入1000亿元".encode("utf-16-le") * 20, "utf16.txt")  # UTF-16 without BOM


def test_letter_spaced_lines_collapse_without_gluing_figures():
    line = "全  市  一  般  公  共  预  算  收  入  421.9亿  元  ，  增  长  2  0  %  ，  12  34"
    text, origin = collapse_letter_spacing(line + "\n普通的一行 GDP 123 456 元\n")
    first, second = text.split("\n")[:2]
    assert first == "全市一般公共预算收入421.9亿元，增长20%，12  34"  # two figures stay two
    assert second == "普通的一行 GDP 123 456 元"  # ordinary spacing is not letter spacing
    assert all(line[origin[i]] == ch for i, ch in enumerate(first))


def test_tab_separated_rows_become_rows_of_bars_and_other_tabs_stay():
    text = "说明\t一行\n\t指标\t分值\t得分\n整改率\t10\t9.5\n合计\t10\t9.5\n另起\t一行\n"
    repaired, origin = tab_cells(text)
    assert repaired.split("\n")[:5] == ["说明\t一行", "\t指标|分值|得分", "整改率|10|9.5", "合计|10|9.5", "另起\t一行"]
    assert len(repaired) == len(text) and origin == range(len(text))  # one character for one
    assert tab_cells("一行\t两格\n") == ("一行\t两格\n", None)  # a lone line with a tab is no table


def test_box_drawn_rows_become_rows_of_bars_and_rules_alone_stay():
    text = "┌──┬──┐\n│ 甲 │ 1.00 │\n└──┴──┘\n──────\n──┼──\n"
    repaired, origin = box_drawing(text)
    assert repaired == "|--|--|\n| 甲 | 1.00 |\n|--|--|\n──────\n──┼──\n"
    assert origin == range(len(text))  # one character for one: positions stay the file's
    assert box_drawing("没有框线的文字 1.00\n") == ("没有框线的文字 1.00\n", None)


def test_letter_spaced_report_reads_like_a_plain_one():
    plain = "各位代表：\n全市一般公共预算收入421.9亿元，增长5.2%。\n"
    spaced = "各  位  代  表  ：\n全  市  一  般  公  共  预  算  收  入  421.9亿  元  ，  增  长  5.2%  。\n"
    doc = normalise(spaced)
    assert doc.text == normalise(plain).text
    assert at(doc, "421.9") == (2, 31)


def test_private_use_decimal_points_are_mapped():
    pua = "\U001001b0"
    text = f"１􀆰 一般公共预算\n收入２２２１{pua}７亿元，完成预算１０１{pua}１％。支出３６９２{pua}６亿元。\n"
    fixed, origin = private_use_points(text)
    assert "3692.6亿元" in normalise(text).text and "2221.7亿元" in normalise(text).text
    assert list(origin) == list(range(len(text))) and len(fixed) == len(text)
    # a private-use glyph that also stands elsewhere is a symbol, not a decimal point
    assert private_use_points("\ue000 第一项：12\ue0003\n\ue000 第二项")[1] is None


def test_repairs_chain_their_maps():
    text = "收\x00  入  １２\U001001b0５  亿  元  ，  增  长  ０\U001001b0５  个  百  分  点"
    fixed, origin = repair(text)
    assert fixed == "收入１２.５亿元，增长０.５个百分点"
    assert [text[origin[i]] for i in range(4)] == ["收", "入", "１", "２"]


def test_page_numbers_in_sequence_are_not_glued_onto_figures():
    page = "全市收入完成情况良好，各项工作有序推进。\n" * 10
    text = f"{page}收入总计12\n3\n亿元，增长5%。\n{page}支出8\n4\n亿元。\n{page}结余\n5\n万元。\n"
    doc = normalise(text)
    assert "收入总计12亿元" in doc.text and "123亿元" not in doc.text
    assert "支出8亿元" in doc.text
    # a lone wrapped figure with no sequence around it stays a figure
    assert "16个月" in normalise("收入\n16\n个月。\n").text


def test_chinese_numbered_heading_before_a_year():
    doc = normalise("一、2025年预算执行情况\n2025年是收官之年，全市收入100亿元。\n")
    assert [s.title for s in doc.sections] == ["一、2025年预算执行情况"]
    assert doc.text.split("\n")[0] == "一、2025年预算执行情况"


# PDF layout ---------------------------------------------------------------------------------------------------
def chars(text: str, x: float, base: float, size: float = 14.7, step: float = 15.0) -> list[dict]:
    return [_char(ch, x + k * step, x + k * step + step, base, size, True) for k, ch in enumerate(text)]


def test_lines_follow_baselines_not_glyph_boxes():
    # digits set in a font whose box sits a line lower, and punctuation ~0.5 pt off: one baseline each
    line = chars("收入", 70, 117.1) + chars("727.5", 100, 119.0) + chars("亿元", 175, 117.1) + chars("，", 205, 116.6)
    for c in line[2:7]:
        c["top"] += 13.6
        c["bottom"] += 13.6
    next_line = chars("增长1.8%。", 70, 146.5)
    assert [ln.text for ln in build_lines(next_line + line)] == ["收入727.5亿元，", "增长1.8%。"]


def test_fake_bold_glyphs_are_dropped():
    twice = chars("市级收入169.59亿元", 70, 117) + chars("市级收入169.59亿元", 70.4, 117.2)
    assert [ln.text for ln in build_lines(dedupe(twice))] == ["市级收入169.59亿元"]


def test_judging_pages():
    scrambled = ["全市收入 亿元，增长 。其中税收收入 亿元，", "412.6 2.4% 265.3", "非税收入 亿元，支出 亿元。"]
    assert judge(scrambled) == "数字与文字错位"
    assert judge(["市市级级一一般般公公共共预预算算收收入入", "总总计计116699..5599亿亿元元"]) == "重复字符"
    assert judge(["L&£¬)*\xad®³° １３０４５UV，]^OP\xad® ４３８４UV、" * 2]) == "文字编码无法识别"
    normal = [
        "全市一般公共预算收入412.6亿元，增长2.4%。其中税收收入265.3亿元，",
        "非税收入147.3亿元。人人参与，常常检查，单位：万元。",
        "（单位：亿元）",
    ]
    assert judge(normal) == ""


def test_page_labels_need_a_form_or_a_sequence():
    from tieout.linter.text.pdflayout import LaidPage

    pages = [LaidPage(n, 10, 800.0, items=["正文"]) for n in range(1, 6)]
    for p, mark in zip(pages[1:], (1, 2, 3, 4)):
        p.mark = mark
    assert page_labels(pages) == ["1", "1", "2", "3", "4"]
    lone = [LaidPage(1, 10, 800.0, items=["正文", "7"], mark=7, mark_item=1), LaidPage(2, 10, 800.0, items=["x"])]
    assert page_labels(lone) == ["1", "2"] and lone[0].items == ["正文", "7"]  # a lone figure stays text


# PDF files (reportlab) ----------------------------------------------------------------------------------------
def make_pdf(path: Path, pages: list[list[str]], *, numbers: int | None = None, bold: bool = False) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4, pageCompression=0)
    for k, lines in enumerate(pages):
        c.setFont("STSong-Light", 12)
        y = A4[1] - 80
        for line in lines:
            c.drawString(60, y, line)
            if bold:
                c.drawString(60.4, y, line)
            y -= 24
        if numbers is not None:
            c.drawCentredString(A4[0] / 2, 30, f"- {numbers + k} -")
        c.showPage()
    c.save()


REPORT = [
    "各位代表：",
    "全市一般公共预算收入1000亿元，其中税收收入700亿元，非税收入200亿元。",
    "全市一般公共预算支出900亿元，增长5%。",
]


def test_pdf_page_numbers_become_locators(tmp_path):
    pdf = tmp_path / "r.pdf"
    make_pdf(pdf, [["封面说明文字"], REPORT, ["其他说明。"]], numbers=57)
    r = render_pdf(str(pdf))
    assert "- 58 -" not in r.text and "58" not in r.text.split("\n")
    result, _ = lint_path(str(pdf), Config())
    sums = [d for d in result.diagnostics if d.code == "TO101"]
    assert sums and sums[0].locator == "第 58 页"


def test_fake_bold_pdf_reads_once(tmp_path):
    pdf = tmp_path / "bold.pdf"
    make_pdf(pdf, [REPORT], bold=True)
    assert "收入1000亿元" in render_pdf(str(pdf)).text


def test_pdf_cut_before_its_page_tree_is_read(tmp_path):
    pdf = tmp_path / "whole.pdf"
    make_pdf(pdf, [REPORT, ["第二页的说明。"]])
    data = pdf.read_bytes()
    # drop the catalogue and the page tree (the objects a cut file loses) and everything after the last page
    tree = rb"\d+ 0 obj\s*<<(?:(?!endobj).)*?/Type /(?:Catalog|Pages)\b(?:(?!endobj).)*?endobj"
    cut = re.sub(tree, b"", data, flags=re.S)
    cut = cut[: cut.rindex(b"endobj") + 6]
    assert b"/Catalog" not in cut and b"trailer" not in cut
    damaged = tmp_path / "cut.pdf"
    damaged.write_bytes(cut)
    assert rebuild(cut) is not None
    text = read_path(str(damaged)).text
    assert "收入1000亿元" in text and "第二页的说明。" in text


def test_untrusted_page_is_reported_once_and_nothing_on_it_is_checked(tmp_path):
    scrambled = ["全市一般公共预算收入 亿元，其中税收收入 亿元，", "1000 700 200", "非税收入 亿元。支出 亿元。"]
    pdf = tmp_path / "mixed.pdf"
    make_pdf(pdf, [REPORT, scrambled + REPORT[1:], scrambled], numbers=3)
    result, _ = lint_path(str(pdf), Config())
    codes = [d.code for d in result.diagnostics]
    assert codes.count("TO401") == 1
    (finding,) = [d for d in result.diagnostics if d.code == "TO401"]
    assert "第 4–5 页" in finding.message and "数字与文字错位" in finding.message
    # the sum error on page 3 is found, the same one on page 4 is not
    assert [d.locator for d in result.diagnostics if d.code == "TO101"] == ["第 3 页"]
    assert all(c.line < finding.line for c in result.checked)


# the corpus (read in place, never copied) -------------------------------------------------------------------
@needs_corpus
def test_truncated_corpus_pdf_is_readable():
    text = render_pdf(str(CORPUS / "budget-execution/shijiazhuang_2025_budget_report.pdf")).text
    assert len(text) > 20000 and "727.5亿元" in text


@needs_corpus
def test_corpus_figures_stand_with_their_labels():
    beijing = normalise(render_pdf(str(CORPUS / "budget-execution/beijing_2025_budget_report.pdf")).text).text
    assert "区上解501.3亿元" in beijing
    ezhou = render_pdf(str(CORPUS / "budget-execution/ezhou_2025_budget_execution_report.pdf")).text
    assert "市市级级" not in ezhou and "169.59亿元" in ezhou
    tianjin = normalise(render_pdf(str(CORPUS / "budget-execution/tianjin_2025_budget_report.pdf")).text).text
    assert "3692.6亿元" in tianjin


@needs_corpus
def test_corpus_pages_judged_untrusted():
    """Only pages whose text is garbled are distrusted: a normal page never is."""
    untrusted = {}
    for pdf in sorted(CORPUS.rglob("*.pdf")):
        r = render_pdf(str(pdf))
        if r.untrusted:
            untrusted[pdf.name] = [u.page for u in r.untrusted]
    assert set(untrusted) <= {"jiangsu_huaian_2026_budget_report.pdf"}, untrusted


def test_pdfium_and_pdfminer_read_a_page_alike(tmp_path):
    """Pages with fonts PDFium may misread go through pdfminer: both sources must give the same lines."""
    import pdfplumber
    import pypdfium2 as pdfium
    from tieout.linter.text.pdfpages import _Transform, pdfium_chars, pdfminer_page

    pdf = tmp_path / "r.pdf"
    make_pdf(pdf, [REPORT])
    with pdfplumber.open(str(pdf)) as plumber:
        mined = pdfminer_page(plumber.rsrcmgr, plumber.pages[0].page_obj, 1)
    doc = pdfium.PdfDocument(str(pdf))
    page = doc[0]
    tr = _Transform(page)
    from_pdfium = pdfium_chars(page, tr)
    page.close()
    doc.close()
    assert [ln.text for ln in build_lines(mined.chars)] == [ln.text for ln in build_lines(from_pdfium)] == REPORT
    for a, b in zip(mined.chars, from_pdfium):
        assert abs(a["base"] - b["base"]) < 0.5 and abs(a["x0"] - b["x0"]) < 0.5
