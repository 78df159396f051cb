"""Word and PDF reports and tables: same findings as text, findings at the right cells, Word comments."""

import json
import subprocess
import sys
from collections import Counter

import pytest

from .conftest import JIXIAO, ROOT, SEEDS, lint_text

docx = pytest.importorskip("docx")
TABLES = ROOT / "fixtures" / "tables"


def check(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tieout.linter", "check", *args], capture_output=True, text=True, cwd=ROOT
    )


def findings(stdout: str) -> list[dict]:
    return [d for f in json.loads(stdout)["files"] for d in f["diagnostics"]]


REPORTS = [JIXIAO] + sorted(SEEDS.glob("002_*.txt"))  # a seed of ../shared too when present, read in place


@pytest.mark.parametrize("seed", REPORTS, ids=[p.stem for p in REPORTS])
def test_docx_of_a_report_gives_the_same_findings_as_the_txt(tmp_path, seed):
    document = docx.Document()
    for line in seed.read_text(encoding="utf-8").split("\n"):
        if line.strip():
            document.add_paragraph(line)
    path = tmp_path / "report.docx"
    document.save(path)
    as_txt = findings(check("--format", "json", str(seed)).stdout)
    as_docx = findings(check("--format", "json", str(path)).stdout)
    key = lambda d: (d["code"], d["stated"], d["expected"], d["severity"])  # noqa: E731
    assert Counter(map(key, as_docx)) == Counter(map(key, as_txt)) and as_txt
    assert all(d["locator"].startswith("段落 ") for d in as_docx)


@pytest.mark.parametrize("suffix,prefix", [("md", None), ("docx", "表 1 "), ("pdf", "第 1 页 表 1 ")])
def test_wrong_total_and_rate_cells_flagged_in_every_format(suffix, prefix):
    proc = check("--format", "json", str(TABLES / f"budget_table.{suffix}"))
    diags = {d["code"]: d for d in findings(proc.stdout)}
    assert diags["TO301"]["stated"] == "930" and diags["TO301"]["fix"] == "920"
    assert diags["TO302"]["stated"] == "92%" and diags["TO302"]["fix"] == "90%"
    if prefix:
        assert diags["TO301"]["locator"] == prefix + "第 4 行 第 3 列"
        assert diags["TO302"]["locator"] == prefix + "第 2 行 第 4 列"


def test_table_checks_in_built_docx(tmp_path):
    document = docx.Document()
    document.add_paragraph("单位：万元")
    rows = [
        ["项目", "合计", "基本支出", "项目支出", "占比"],
        ["合计", "1,000", "600", "400", "100%"],
        ["工资福利", "500", "500", "0", "50%"],
        ["商品服务", "300", "100", "200", "35%"],
        ["资本性支出", "200", "0", "210", "20%"],
    ]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    a = table.cell(0, 0).merge(table.cell(0, 0))  # a merged cell in the header must not break reading
    assert a is not None
    document.add_paragraph("本年支出中，工资福利 520 万元。")
    path = tmp_path / "t.docx"
    document.save(path)
    diags = findings(check("--format", "json", str(path)).stdout)
    by = Counter(d["code"] for d in diags)
    # 资本性支出 0 + 210 ≠ 200 (合计 column, TO306); 项目支出 column 0+200+210 ≠ 400 (合计 row, TO301);
    # 商品服务 300/1000 ≠ 35%
    assert by["TO301"] == 1 and by["TO306"] == 1 and by["TO303"] == 1 and by["TO304"] == 1, diags
    share = next(d for d in diags if d["code"] == "TO303")
    assert share["fix"] == "30%" and share["locator"] == "表 1 第 4 行 第 5 列"


def test_merged_cells(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["项目", "预算数", "执行数"], ["支出", "100", "90"], ["合计", "100", "90"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(0, 1).merge(table.cell(0, 2))
    path = tmp_path / "m.docx"
    document.save(path)
    from tieout.linter.text.reading import read_path

    text = read_path(str(path)).text
    assert "| 项目 | 预算数 预算数 执行数 |  |" not in text and text.count("|") > 10


def test_annotate_writes_one_comment_per_finding(tmp_path):
    out = tmp_path / "annotated.docx"
    proc = check("--format", "json", "--annotate", str(out), str(TABLES / "budget_table.docx"))
    diags = findings(proc.stdout)
    reopened = docx.Document(out)
    comments = list(reopened.comments)
    # the wrong total 930 (TO301), the wrong rate 92% (TO302), and the total row's 92% that 930 / 1,000 makes
    # a rounding miss (TO100, info): one comment each
    assert len(comments) == len(diags) == 3
    assert [[c.text for c in r.cells] for r in reopened.tables[0].rows] == [
        [c.text for c in r.cells] for r in docx.Document(TABLES / "budget_table.docx").tables[0].rows
    ]
    xml = reopened.tables[0].rows[3].cells[2]._tc.xml
    # the comment range encloses exactly the figure
    assert "commentRangeStart" in xml and "930" in xml.split("commentRangeStart")[1].split("commentRangeEnd")[0]


def test_annotate_a_prose_figure(tmp_path):
    document = docx.Document()
    p = document.add_paragraph("本年收入合计 1,200 万元，")
    p.add_run("具体为：财政拨款 1,000 万元，事业收入 250 万元。").bold = True
    src, out = tmp_path / "p.docx", tmp_path / "p_out.docx"
    document.save(src)
    check("--annotate", str(out), str(src))
    reopened = docx.Document(out)
    assert len(list(reopened.comments)) == 1
    assert reopened.paragraphs[0].text == document.paragraphs[0].text


def test_scanned_and_damaged_files_are_clear_errors(tmp_path):
    from reportlab.pdfgen import canvas

    scan = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(scan))
    c.rect(100, 100, 300, 400, fill=1)  # an image-like page with no text
    c.save()
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip file at all")
    good = tmp_path / "good.md"
    good.write_text("收入合计 100 万元，具体为：甲 60 万元，乙 30 万元。\n", encoding="utf-8")
    proc = check(str(scan), str(bad), str(good))
    assert proc.returncode == 2
    assert "no text layer" in proc.stderr and "bad.docx" in proc.stderr and "Traceback" not in proc.stderr
    assert "TO101" in proc.stdout


def test_markdown_table_rows_are_not_prose():
    text = "| 项目 | 预算数 |\n|---|---|\n| 基本支出 | 600 |\n| 合计 | 600 |\n"
    result = lint_text(text, "t.md")
    assert not [d for d in result.diagnostics if d.code.startswith("TO2")]
    assert any(c.rule == "TO301" and c.status == "pass" for c in result.checked)
