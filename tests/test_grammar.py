"""Each construct of the grammar in several wordings (none copied from the seeds), wrapped text included:
the facts the parser builds, not the findings."""

from __future__ import annotations

import pytest
from tieout.linter.figures.quantities import extract
from tieout.linter.parse.tokens import tokenize
from tieout.linter.run.config import Config
from tieout.linter.run.engine import analyse
from tieout.linter.text.normalise import normalise
from tieout.linter.text.reading import Source


def facts(text: str):
    return analyse(Source("t.txt", text, "utf-8"), Config())[1]


def texts(f, qs) -> list[str]:
    return [q.text for q in qs]


BREAKDOWNS = [
    (
        "本年收入合计 1,200 万元，具体为：财政拨款收入 1,000 万元，占 83.33%；事业收入 200 万元，占 16.67%。",
        "1,200万元",
        ["1,000万元", "200万元"],
        True,
    ),
    # `其中` lists a selection unless a definition says the parts are all (vocab/sums.yaml: 基本支出 = 人员经费 +
    # 公用经费); a total word in the label does not (`支出合计 X，其中：教育 A，科技 B` is partial)
    # exactly all the components of one definition (人员经费 + 公用经费) make the list complete
    # (人员经费 and 公用经费 make up 基本支出 alone: under another total they are two of its parts, 项目支出 aside)
    ("支出总计 86.5 万元，其中：人员经费 50 万元、公用经费 36.5 万元。", "86.5万元", ["50万元", "36.5万元"], False),
    ("基本支出 86.5 万元，其中：人员经费 50 万元、公用经费 36.5 万元。", "86.5万元", ["50万元", "36.5万元"], True),
    (
        "三项经费 86 万元，分别为培训费 20 万元、会议费 30 万元、差旅费 36 万元。",
        "86万元",
        ["20万元", "30万元", "36万元"],
        True,
    ),
    ("收入 300 万元，主要为财政拨款 280 万元。", "300万元", ["280万元"], False),
    ("项目资金 120 万元（其中中央资金 80 万元）。", "120万元", ["80万元"], False),
    ("发放资料 1,200 份，其中社区 800 份、学校 400\n\n份。", "1,200份", ["800份", "400份"], False),
    ("接待群众 5,230 人次，包括来信 1,230 人次，来访 4,000 人次。", "5,230人次", ["1,230人次", "4,000人次"], False),
    ("全市参保\n\n人数合计 150 万人，其中职工 60 万人，居民 90 万人。", "150万人", ["60万人", "90万人"], False),
]


@pytest.mark.parametrize("text,total,parts,complete", BREAKDOWNS)
def test_breakdown(text, total, parts, complete):
    bs = facts(text).breakdowns
    assert bs, "no breakdown"
    b = bs[0]
    assert b.total.quantities[0].text == total
    assert [p.quantities[0].text for p in b.parts] == parts
    assert b.exhaustive == complete


def test_nested_breakdown_and_second_dimension():
    f = facts("收入总计 500 万元，其中：本年收入 470 万元，主要为财政拨款收入 470 万元；年初结转结余 30 万元。")
    outer = next(b for b in f.breakdowns if b.total.key == "收入总计")
    assert [p.key for p in outer.parts] == ["本年收入", "年初结转结余"]
    inner = next(b for b in f.breakdowns if b.total.key == "本年收入")
    assert [p.key for p in inner.parts] == ["财政拨款收入"]
    f = facts("核酸检测结算 1,000 人次 5,000 元，其中居民 600 人次 3,000 元，职工 400 人次 2,000 元。")
    b = f.breakdowns[0]
    assert [q.text for q in b.total.quantities] == ["1,000人次", "5,000元"]


def test_breakdown_across_sentences():
    f = facts(
        "全市基金收入 100 万元，支出 80 万元。其中，职工基金收入 60 万元，支出 50 万元。居民基金收入 40 万元，支出 30 万元。"
    )
    keys = sorted(b.total.key for b in f.breakdowns)
    assert keys == ["基金收入", "支出"]
    assert all(len(b.parts) == 2 for b in f.breakdowns)


def test_total_after_parts():
    for text in [
        "罚款 7.5 万元，没收 12.5 万元，合计 20 万元。",
        "追回资金 12.5 万元，罚款 7.5 万元，追回资金及罚款共 20 万元。",
        "上年结转 8 万元；本年下达 92\n\n万元。此次评价资金总额为 100 万元。",
    ]:
        b = facts(text).breakdowns
        assert b and b[0].inferred and b[0].total.quantities[0].value == 20 or b[0].total.quantities[0].value == 100


SHARES = [
    "支出合计 200 万元，其中：基本支出 150 万元，占 75%；项目支出 50 万元，占 25%。",
    "支出合计 200 万元，具体为：基本支出 150 万元，占比 75%，项目支出 50 万元，占比为 25%。",
    "本年支出合计 200 万元。基本支出 150 万元，占总支出的\n\n75%。",
]


@pytest.mark.parametrize("text", SHARES)
def test_share(text):
    shares = facts(text).shares
    assert shares[0].stated.text == "75%" and shares[0].part.text == "150万元" and shares[0].total.text == "200万元"


RATES = [
    ("年初预算 254 万元，当年支出 231.65 万元，执行率为 91.20%。", "执行率", ["254万元", "231.65万元"]),
    ("计划完成 200 件，实际完成 230 件，完成率达 115%。", "完成率", ["200件", "230件"]),
    ("应到位资金 500 万元，实际到位 450\n\n万元，资金到位率 90%。", "资金到位率", ["500万元", "450万元"]),
]


@pytest.mark.parametrize("text,name,operands", RATES)
def test_rate_after_operands(text, name, operands):
    r = facts(text).rates[0]
    assert r.name == name and [q.text for q in r.operands] == operands


FORMULAS = [
    ("整体支出完成率 586.34/586.34*100%=100%。", ["586.34", "586.34", "100%"], ["/", "*"], "100%"),
    ("资金到位率=450÷500×100%=90%。", ["450", "500", "100%"], ["÷", "×"], "90%"),
    ("结转结余率=0/586.34*100%=0。", ["0", "586.34", "100%"], ["/", "*"], "0"),
    ("固定资产利用率＝１２０／１５０＊１００％＝８０％。", ["120", "150", "100%"], ["/", "*"], "80%"),
    (
        "增长率=（1352.78-1204.50）/1204.50*100%=12.31%。",
        ["1352.78", "1204.50", "1204.50", "100%"],
        ["(", "-", ")/", "*"],
        "12.31%",
    ),
]


@pytest.mark.parametrize("text,operands,ops,result", FORMULAS)
def test_formula(text, operands, ops, result):
    f = facts(text).formulas[0]
    assert [q.text for q in f.operands] == operands and f.ops == ops and f.result.text == result


CHANGES = [
    ("本年收入 1,352.78 万元，比上年 1,204.50 万元增加 12.31%。", "1,352.78万元", "1,204.50万元", [("up", "12.31%")]),
    (
        "差旅费 12.6 万元，较上年减少 3.4 万元，下降 21.25%。",
        "12.6万元",
        None,
        [("down", "3.4万元"), ("down", "21.25%")],
    ),
    ("参保人数 150 万人，同比增长\n\n5%。", "150万人", None, [("up", "5%")]),
    ("执行率为 95.2%，较上年提高 3.1 个百分点。", "95.2%", None, [("up", "3.1个百分点")]),
    (
        "资产总额 1,100 万元，比 2021 年末资产总额 1,000 万元增加 100 万元，增加 10%。",
        "1,100万元",
        "1,000万元",
        [("up", "100万元"), ("up", "10%")],
    ),
]


@pytest.mark.parametrize("text,current,base,moves", CHANGES)
def test_change(text, current, base, moves):
    c = facts(text).changes[0]
    assert c.current.text == current
    assert (c.base.text if c.base else None) == base
    assert [(m.direction, m.quantity.text) for m in c.movements] == moves


FROMTOS = [
    ("支付比例由 80%提高至 85%。", "80%", "85%", "up"),
    ("单位缴费比例从 7.5%降低至 7%。", "7.5%", "7%", "down"),
    ("网上办理事项由原来的 34 个扩展到\n\n58 个。", "34个", "58个", "up"),
]


@pytest.mark.parametrize("text,start,end,direction", FROMTOS)
def test_from_to(text, start, end, direction):
    f = facts(text).fromtos[0]
    assert (f.start.text, f.end.text, f.direction) == (start, end, direction)


BALANCES = [
    "基金收入 5,000 万元，支出 4,200 万元，当期结余 800 万元。",
    "本年收入 120 万元；本年支出 100 万元；当年结余 20 万元。",
    "年初结转结余 5 万元；本年收入 120 万元；本年支出 100 万元；年末结转结余 25 万元。",
    "实际收入总计 586.34 万元，其中：年初结转结余 0 万元，本年收入 586.34 万元。支出总计 560 万元。年末结转结余 26.34 万元。",
]


@pytest.mark.parametrize("text", BALANCES)
def test_balance(text):
    assert facts(text).balances, "no balance"


def test_year_end_balance_needs_its_opening():
    # a year-end balance is last year's plus this year's surplus: with the opening unstated it is not recomputed
    assert not facts("本年收入 120 万元；本年支出 100 万元；年末结转结余 20 万元。").balances


def test_months_payable_and_scores():
    f = facts("职工养老保险基金支出 418,260 万元，历年累计结余 562,830 万元，预计可支付月数 16 个月。")
    assert f.months and f.months[0].months.text == "16个月"
    f = facts("三、结论\n自评得分 95 分。\n1、编制得分 20 分。\n2、执行得分 35 分。\n3、效益得分 40 分。")
    assert f.scores and [q.text for q in f.scores[0].items] == ["20分", "35分", "40分"]


def test_unknown_text_never_breaks_the_parser():
    weird = "占 其中 比上年 增加 由 至 = / 执行率 ，，；；（（））" * 3 + "收入 5 万元，占，其中。增加 3%，由 5% 至。"
    doc = normalise(weird)
    qs = extract(doc)
    from tieout.linter.facts.build import build_facts

    assert build_facts(doc).parse_errors == 0
    assert tokenize(doc.text, 0, len(doc.text), qs)


FRAGMENTS = [
    "收入",
    "合计",
    "100 万元",
    "，",
    "；",
    "其中",
    "具体为：",
    "占",
    "35%",
    "执行率为",
    "比上年",
    "增加",
    "减少",
    "由",
    "提高至",
    "至",
    "=",
    "/",
    "*100%",
    "（",
    "）",
    "2.5 个百分点",
    "12 人次",
    "约 30 家",
    "主要为",
    "同比",
    "23.51",
    "、",
    "分别为",
    "下降",
    "从",
    "降低至",
    "得分",
    "5 分",
    "结余",
    "支出",
    "：",
    "包括",
]


def test_grammar_is_total_over_random_sentences():
    import random

    from tieout.linter.facts.build import build_facts

    rng = random.Random(20261125)
    text = "。".join("".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(2, 14))) for _ in range(3000)) + "。"
    assert build_facts(normalise(text)).parse_errors == 0


def _grammar_items(toks, qs) -> list:
    """The items the LALR parser gives a sentence (the path `parse_sentence` takes for sentences with keywords)."""
    from tieout.linter.parse import sentences

    parser = sentences.parser()
    sentences._TRANSFORMER.qs = qs
    return sentences._flat(parser.parse([t.lark() for t in toks]).children)


def _comparable(items: list) -> list:
    # a lark Token compares as its text alone: its type is compared too
    return [(getattr(i, "type", None), str(i)) if isinstance(i, str) else repr(i) for i in items]


def test_plain_sentences_read_as_the_grammar_reads_them():
    """Sentences of labels, separators and figures only are read without running the parser (linter/parse/
    sentences.py `_run_of_items`); on every arrangement of those tokens, what it gives is what the grammar gives."""
    import random

    from tieout.linter.parse.sentences import PLAIN, _run_of_items

    pieces = [
        "收入",
        "支出合计",
        "项目",
        "，",
        "、",
        "；",
        "：",
        " 12.5 万元",
        " 30 人",
        " 8.5%",
        " 2.3 个百分点",
        " 7",
    ]
    rng = random.Random(20261202)
    compared = 0
    for _ in range(600):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 9))) + "。"
        doc = normalise(text, "t.txt")
        qs = extract(doc)
        toks = tokenize(doc.text, 0, len(doc.text), qs)
        if not all(t.type in PLAIN for t in toks):
            continue
        compared += 1
        assert _comparable(_run_of_items(toks, qs) or []) == _comparable(_grammar_items(toks, qs)), text
    assert compared > 300  # the arrangements tried are mostly plain ones


RUN_TEXTS = {"LABEL": "收入", "SEP": "，", "CMP": "比上年", "UP": "增长", "DOWN": "下降", "RATE": "执行率"}


def _run_tokens(types: tuple[str, ...]) -> tuple[list, list]:
    """Tokens of these types in a row, each value token its own (stand-in) quantity."""
    from tieout.linter.parse.tokens import VALUE_TYPES, Tok

    toks, qs, pos = [], [], 0
    for k, kind in enumerate(types):
        text = RUN_TEXTS.get(kind, str(k))
        toks.append(Tok(kind, text, pos, pos + len(text), len(qs) if kind in VALUE_TYPES else -1))
        if kind in VALUE_TYPES:
            qs.append(f"quantity {k}")
        pos += len(text) + 1
    return toks, qs


def test_runs_of_items_read_as_the_grammar_reads_them():
    """Sentences with comparisons, movements and rates but no list, share or formula are read without the
    parser too (`_run_of_items`): on every arrangement of their token types up to four tokens, and on longer
    random ones, it gives what the grammar gives (token positions included), or leaves to the parser the
    sentences the grammar does not read."""
    import itertools
    import random

    from lark.exceptions import LarkError
    from tieout.linter.parse.sentences import _run_of_items

    def positioned(items: list) -> list:
        return [(i.type, str(i), i.start_pos, i.end_pos) if isinstance(i, str) else repr(i) for i in items]

    alphabet = ["LABEL", "SEP", "AMOUNT", "PCT", "CMP", "UP", "DOWN", "RATE"]
    rng = random.Random(20261203)
    arrangements = [t for n in range(5) for t in itertools.product(alphabet, repeat=n)]
    arrangements += [tuple(rng.choice(alphabet) for _ in range(rng.randint(6, 24))) for _ in range(3000)]
    read = 0
    for types in arrangements:
        toks, qs = _run_tokens(types)
        mine = _run_of_items(toks, qs)
        try:
            theirs = positioned(_grammar_items(toks, qs))
        except LarkError:
            assert mine is None, types  # the grammar does not read it: neither does the reader
            continue
        assert mine is not None and positioned(mine) == theirs, types
        read += 1
    assert read > 3000  # (the others hold a rate without its figure)
