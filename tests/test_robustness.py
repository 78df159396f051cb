"""No input breaks the pipeline: every file gets findings or none, never a traceback or an internal error."""

import random

from .conftest import lint_text

PIECES = [
    "收入",
    "合计",
    "其中",
    "：",
    "，",
    "。",
    "；",
    "（",
    "）",
    "占",
    "%",
    "万元",
    "亿元",
    "元",
    "人次",
    "个",
    "比上年",
    "增加",
    "减少",
    "由",
    "提高至",
    "=",
    "/",
    "*",
    "100%",
    "1,234.56",
    "0",
    "-3",
    "2022年",
    "第三批",
    "**",
    "`",
    "#",
    "## ",
    "| ",
    " |",
    "|---|",
    "\n",
    "\n\n",
    "- 7 -",
    "\f",
    "\u3000",
    " ",
    "１２",
    "．",
    "得分",
    "5 分",
    "执行率为",
    "具体为",
    "主要为",
    "结余",
    "支出",
    "的",
    "完成预算的",
    "单位：万元",
    "约",
    "余",
    "≥",
]


def test_lines_of_only_marks():
    for text in ["**\n收入 5 万元。", "```\n\n```\n", "`\n**\n__\n", "#\n\n##\n"]:
        result = lint_text(text)
        assert not [d for d in result.diagnostics if d.code == "TO900"]


def test_random_documents_never_break_the_pipeline():
    rng = random.Random(11251426)
    for _ in range(400):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 120)))
        result = lint_text(text, "random.md")
        internal = [d.message for d in result.diagnostics if d.code == "TO900"]
        assert not internal, (text, internal)
