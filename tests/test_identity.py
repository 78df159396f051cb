"""Which quantity each figure is: its item and the context (scope, fund, stage, period) that its label, its
sentence, its headings and the document's title state. The texts are our own."""

from __future__ import annotations

import pytest
from tieout.linter.facts.model import Identity
from tieout.linter.run.config import Config
from tieout.linter.run.engine import analyse
from tieout.linter.text.reading import Source


def identities(text: str) -> dict[str, Identity]:
    """Each figure's identity by the figure as written (`12.5亿元`)."""
    facts = analyse(Source("t.txt", text, "utf-8"), Config())[1]
    return {q.text: m.identity for m in facts.mentions for q in m.quantities}


REPORT = (
    "关于某市2025年预算执行情况和2026年预算草案的报告\n"
    "各位代表：\n"
    "一、2025年预算执行情况\n"
    "（一）一般公共预算\n"
    "全市一般公共预算收入 120.5亿元，增长 3.1%。市本级一般公共预算收入 40.2亿元。\n"
    "（二）政府性基金预算\n"
    "全市政府性基金预算收入 60.3亿元。\n"
)


def test_context_from_title_heading_and_label():
    ids = identities(REPORT)
    city = ids["120.5亿元"]
    assert (city.item, city.context.scope, city.context.fund, city.context.period) == (
        "收入",
        "全市",
        "一般公共预算",
        "2025",
    )
    assert ids["40.2亿元"].context.scope == "市本级"
    assert ids["60.3亿元"].context.fund == "政府性基金预算"
    # 全市 and 市本级 of one fund are different quantities; the same item under another fund too
    assert not city.same_quantity(ids["40.2亿元"])
    assert city.context != ids["60.3亿元"].context


def test_an_explicit_year_wins_over_the_title_year():
    ids = identities(REPORT + "2024年全市一般公共预算收入 116.9亿元。\n")
    assert ids["116.9亿元"].context.period == "2024"


def test_relative_period_resolves_against_the_document_year():
    ids = identities(REPORT + "上年全市一般公共预算收入 116.9亿元。\n")
    assert ids["116.9亿元"].context.period == "2024"


def test_stage_words():
    text = (
        "某局2025年部门决算\n一、收入支出决算总体情况说明\n"
        "本年收入年初预算 500.00万元，调整预算 520.00万元，决算数 510.00万元。\n"
    )
    ids = identities(text)
    assert [ids[x].context.stage for x in ("500.00万元", "520.00万元", "510.00万元")] == ["预算", "调整预算", "决算"]


def test_a_ratio_carries_no_context_to_the_figures_after_it():
    # `为预算的 95.3%` names the ratio's base; the next figure is an outcome like the first
    ids = identities(REPORT + "税收收入完成 80.1亿元，为预算的 95.3%；非税收入完成 40.4亿元，为预算的 99.0%。\n")
    assert ids["40.4亿元"].context.stage == "执行"


def test_an_alias_renames_a_stage_for_the_rest_of_its_part():
    text = REPORT + (
        "全市一般公共预算收入完成 116.4亿元，为调整预算（以下简称“预算”）的 97.2%。"
        "税收收入预算 82.2亿元，完成 80.1亿元。\n"
        "二、2026年预算草案\n全市一般公共预算收入预算 125.0亿元。\n"
    )
    ids = identities(text)
    assert ids["82.2亿元"].context.stage == "调整预算"
    # the next part of the report (the draft budget) is not renamed
    assert ids["125.0亿元"].context.stage == "预算"


def test_a_mixed_field_is_known_to_be_no_single_value():
    ids = identities(REPORT + "全省及省本级一般公共预算收入 300.0亿元。\n")
    assert not ids["300.0亿元"].context.known("scope")


def test_shielded_words_are_items_not_context():
    ids = identities(REPORT + "动用预算稳定调节基金 8.0亿元。\n")
    # 预算稳定调节基金 is a fund's name, not the stage 预算
    assert ids["8.0亿元"].context.stage != "预算"


def test_parts_inherit_their_totals_context():
    ids = identities(REPORT + "全市一般公共预算支出 200.0亿元，其中：教育支出 40.0亿元，卫生健康支出 20.0亿元。\n")
    part = ids["40.0亿元"]
    assert (part.context.scope, part.context.fund) == ("全市", "一般公共预算")


@pytest.mark.parametrize("text", ["位列全省前 10位。", "排名第 3 位。", "市八届人大六次会议审议。"])
def test_ranks_and_ordinals_are_no_figures(text):
    assert identities(text + "本年收入合计 10 万元。").keys() == {"10万元"}


def test_a_department_self_evaluation_is_of_the_department():
    ids = identities("某局2024年度部门整体支出绩效自评报告\n一、基本情况\n本年支出合计 1,180.00 万元。\n")
    assert ids["1,180.00万元"].context.scope == "部门"


def test_a_cut_off_date_is_its_month_and_the_end_of_december_is_the_year() -> None:
    from tieout.linter.figures.context import read

    assert read("截至2023年12月31日债务余额").context.period == read("2023年底债务余额").context.period == "2023"
    assert read("2023年1-12月收入").context.period == "2023"
    assert read("截至2023年9月30日").context.period == "2023-09"
    assert read("2023年1-9月").context.period == "2023-09"


def test_a_headless_part_has_its_wholes_context() -> None:
    """`…财政拨款支出 X。其中：A a，B b。`: the parts found by a linking pass are of the whole's fund, not of the
    document's default."""
    from tieout.linter.facts.build import build_facts
    from tieout.linter.figures.labels import Labeller
    from tieout.linter.text.normalise import normalise

    text = "某某局2023年度部门决算\n\n2023年度财政拨款支出决算为 80.00 万元。其中：培训费 30.00 万元，会议费 50.00 万元。\n"
    facts = build_facts(normalise(text, "x.txt"), Labeller())
    funds = {m.identity.item: m.identity.context.fund for m in facts.mentions}
    assert funds["培训费"] == funds["会议费"] == "财政拨款"


def test_the_scan_for_context_words_skips_no_match() -> None:
    """`read` scans with a lookahead of the characters a context word or a period can start with: every word
    of the vocabulary and every form of period is found where the plain alternation finds it."""
    import re

    from tieout.linter.figures.context import PERIOD, _word_table

    pattern, meaning = _word_table()
    plain = re.compile(pattern.pattern.split(")(?:", 1)[1][:-1])  # the alternation without the lookahead
    assert plain.pattern.startswith(PERIOD.pattern)
    periods = ["截至2024年11月底", "截止到2023年末", "到2025年", "2024 年度", "1999年1-11月", "截至9月", "截止到1—6月"]
    periods += ["上半年", "下半年", "一季度", "四季度"]
    for text in [*periods, *meaning]:
        for padded in (text, f"其中{text}收入", f"{text}和{text}"):
            assert [m.span() for m in pattern.finditer(padded)] == [m.span() for m in plain.finditer(padded)]
            assert pattern.match(padded) or not plain.match(padded)


def test_a_tree_of_words_matches_as_their_alternation() -> None:
    """`trie_alternation` (the context words' scan) finds what the plain alternation, longest first, finds: on
    the context vocabulary and on words nested in one another, alone, embedded in text, and before text that
    a longer word would need (the shorter one is then the match, as the alternation backtracks to it)."""
    import random
    import re

    from tieout.linter.figures.context import _word_table
    from tieout.linter.vocab import alternation, trie_alternation

    _, meaning = _word_table()
    vocabularies = [list(meaning), ["本级", "省本级", "省级", "省", "a.b", "a+", "级次"], ["x", "xy", "xyz", "xz"]]
    rng = random.Random(20261204)
    for words in vocabularies:
        plain = re.compile(f"(?:{alternation(words)})(?P<after>级|$)?")
        tree = re.compile(f"(?:{trie_alternation(words)})(?P<after>级|$)?")
        texts = [*words, *(w[:-1] for w in words), *(f"其中{w}收入{w}级" for w in words)]
        texts += [
            "".join(rng.choice(words)[: rng.randint(1, 4)] for _ in range(rng.randint(1, 6))) for _ in range(3000)
        ]
        for text in texts:
            assert [(m.span(), m.groups()) for m in tree.finditer(text)] == [
                (m.span(), m.groups()) for m in plain.finditer(text)
            ], text


def test_a_level_naming_where_a_projects_money_comes_from_is_no_scope() -> None:
    # `省级资金 X` in a project's funding is money the province gave, part of the project's whole: the level is
    # its source, not the figure's scope; a level's own
    # spending (`市本级安排教育支出`) is of its scope still
    ids = identities(
        "某县道路养护项目支出绩效自评报告\n一、资金\n项目总投入 900.00万元，其中：\n（1）中央资金 500.00万元；\n"
        "（2）省级资金 300.00万元；\n（3）市本级安排 100.00万元。\n"
    )
    for figure, item in (("300.00万元", "省级资金"), ("100.00万元", "市本级安排")):
        assert ids[figure].context.scope == ids["900.00万元"].context.scope == "项目"
        assert ids[figure].item == item
    gov = identities(REPORT + "市本级安排教育支出 9.0亿元。\n")
    assert gov["9.0亿元"].context.scope == "市本级"


def test_when_a_budget_was_adjusted_is_no_item() -> None:
    # `年中调整为 X` says when the budget moved, not what it is of: the item is the sentence's (收入), left unsaid
    # here, not a quantity named 年中 that no other figure can be
    ids = identities(REPORT + "全市一般公共预算支出年初预算 130.0亿元，年中调整为 134.6亿元。\n")
    adjusted = ids["134.6亿元"]
    assert adjusted.context.stage == "调整预算"
    assert adjusted.item != "年中"


def test_a_closing_stock_after_last_years_opening_one_is_of_the_year() -> None:
    # `加上上年滚存结余 A，年末滚存结余 D`: 上年 dates the stock the year opened with; D, named at the year's end, is
    # of the year the sentence is about, not of the year before (2025 here, from its heading)
    ids = identities(
        REPORT + "（三）社会保险基金预算\n"
        "全市社会保险基金当年收支结余 3.15亿元，加上上年滚存结余 61.84亿元，年末滚存结余 64.99亿元。\n"
    )
    assert ids["61.84亿元"].context.period == "2024"
    assert ids["64.99亿元"].context.period == "2025"
    # a year the sentence states before the opening stock is the closing's
    ids = identities(
        REPORT + "2023年全市社保基金当年结余 1.2亿元，加上上年滚存结余 50.1亿元，年末滚存结余 51.3亿元。\n"
    )
    assert ids["51.3亿元"].context.period == "2023"


def test_sentences_read_as_a_roll_forward_or_a_score_of_full_marks_are_understood() -> None:
    """A stock rolled forward (`年末余额 A，新增 B，偿还 C，年末余额 D`, TO109) and an indicator's full marks and
    score (`分值 10 分，得分 8 分`) are each one checked relation: neither sentence is left "not understood", as no
    sentence a checked relation uses is."""
    from tieout.linter.facts.build import build_facts
    from tieout.linter.figures.labels import Labeller
    from tieout.linter.text.normalise import normalise

    rolled = "2025年末全县政府债务余额 96.40 亿元，2026年新增政府债务 12.50 亿元，偿还到期政府债务 7.30 亿元，2026年末全县政府债务余额 101.60 亿元。\n"
    marked = "资金使用合规性指标分值 12 分，得分 9 分，扣 3 分。\n"
    for text, read in ((rolled, "roll_forwards"), (marked, "marks")):
        facts = build_facts(normalise(text, "x.txt"), Labeller())
        assert getattr(facts, read), text
        assert facts.unparsed == [], text
