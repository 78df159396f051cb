"""No publisher's text in the repository: no tracked file shares a sentence, a row of figures or a run of
figures with a document of `../shared/corpus` or `../shared/seeds` (the measure: `tests/provenance.py`).
The documents and texts of the measure's own tests below are made up here."""

from __future__ import annotations

from pathlib import Path

import pytest

from . import provenance
from .provenance import Index, normalise, publisher, specific

REPORT = "本局2023年部门收入合计4,318.07万元，其中财政拨款收入3,902.55万元，占90.38%；其他收入415.52万元。"


def passages(files: dict[str, str], documents: dict[str, str]) -> list[provenance.Passage]:
    index = Index(files)
    for name, text in documents.items():
        index.add_document(name, publisher(Path(name)), text)
    return index.passages()


def test_a_sentence_with_its_figures_is_a_copy_whatever_the_layout():
    copied = '    text = (\n        "收入合计4318.07万元，\\n"\n        "其中财政拨款收入3902.55万元"\n    )\n'
    found = passages({"tests/x.py": copied}, {"corpus/a_2023.txt": REPORT})
    assert [p.text for p in found][:1] == ["收入合计4318.07万元,其中财政拨款收入3902.55万元"]
    assert found[0].documents == ("corpus/a_2023.txt",) and found[0].line == 2


def test_the_same_words_with_other_figures_are_no_copy():
    ours = "本局2023年部门收入合计2,150.40万元，其中财政拨款收入1,870.25万元，占86.97%；其他收入280.15万元。"
    assert not passages({"case.yaml": ours}, {"corpus/a_2023.txt": REPORT})


def test_a_run_of_figures_is_a_copy_whatever_words_stand_between():
    table = "| 合计 | 4,318.07 |\n| 拨款 | 3,902.55 |\n| 占比 | 90.38 |\n"
    found = passages({"case.md": table}, {"corpus/a_2023.txt": REPORT})
    assert [p.text for p in found] == ["4318.07 … 3902.55 … 90.38"]


def test_round_figures_codes_dates_and_identifiers_make_no_run():
    doc = "截至2023年6月30日，2010601 行政运行 100.00万元，200.00万元，TO301，TO302，TO303。"
    ours = "2023年6月30日 | 2010601 | 行政运行 | 100.00 | 200.00 | TO301 TO302 TO303"
    assert not passages({"x.md": ours}, {"corpus/a_2023.txt": doc})


def test_standard_vocabulary_of_several_publishers_is_no_copy():
    name = "一般公共预算财政拨款基本支出决算表（单位：万元）项目合计基本支出项目支出"
    docs = {"corpus/a-2024-x.pdf": name + "301工资福利支出", "corpus/b-2024-y.pdf": name + "302商品和服务支出"}
    assert not passages({"vocab.yaml": name}, docs)
    # the same text in one publisher's documents of several years is that publisher's
    docs = {"corpus/a_2022.txt": name, "corpus/a_2023.txt": name}
    assert passages({"vocab.yaml": name}, docs)


def test_a_coincidence_inside_a_figure_is_no_copy():
    doc = "| 20805 | 行政事业单位养老支出 | 526.72 |"
    ours = "| 20805 | 行政事业单位养老支出 | 5.00 |"
    assert not passages({"case.md": ours}, {"corpus/a_2023.txt": doc})


def test_words_only_make_a_copy_from_a_clause_on():
    doc = "主要用于保障机关正常运转和完成日常工作任务所需的各项开支，较上年有所下降。"
    assert passages({"a.txt": doc[:24]}, {"corpus/a_2023.txt": doc})
    assert not passages({"a.txt": doc[:23]}, {"corpus/a_2023.txt": doc})


def test_specific_figures():
    assert specific(normalise("收入4,318.07万元")) and specific(normalise("编制23名，实有48名"))
    assert not specific(normalise("截至2023年12月31日，共10.00万元"))
    assert not specific(normalise("2080501行政单位离退休，TO305"))


def test_publisher_is_the_file_name_without_its_year():
    assert publisher(Path("heilongjiang_2021.txt")) == publisher(Path("heilongjiang_2023.txt")) == "heilongjiang"
    assert publisher(Path("putuo-wanli-jiedao-2024-department-budget.pdf")) == "putuo-wanli-jiedao"
    assert publisher(Path("000_eece9f57ec0eee85.txt")) == "000_eece9f57ec0eee85"


@pytest.mark.skipif(not provenance.documents(), reason="../shared is absent")
def test_no_file_of_the_repository_shares_a_passage_with_a_publishers_document():
    found = provenance.scan()
    assert not found, (
        "\n".join(f"{p.file}:{p.line}: {', '.join(p.documents)}: {p.text[:80]}" for p in found[:40])
        + f"\n{len(found)} passage(s); python -m tests.provenance lists them all"
    )


def test_html_markup_is_layout_not_text():
    doc = '<table><tr><td rowspan="3">甲项目</td><td>2022</td></tr><tr><td>小计</td><td colspan="2">'
    ours = '<table><tr><td rowspan="3">乙项目</td><td>2021</td></tr><tr><td>合计</td><td colspan="2">'
    assert not passages({"case.md": ours}, {"corpus/a_2023.txt": doc})
