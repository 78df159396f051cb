"""Label normalisation: the words before a figure reduced to a key that names the quantity.

`本年收入合计`, `收入总计` and `总收入` all become `收入合计` through the synonym table shipped in
`data/synonyms.yaml` (extendable from the configuration). Dates and cut-off qualifiers are removed from
the key but kept apart as the label's period, because the same label at another cut-off is another
quantity.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

PERIOD = re.compile(
    r"(?:截至|截止|截止到|截至到|到)?(?:\d{4}年(?:度)?)?(?:\d{1,2}月(?:\d{1,2}日)?(?:底|末)?)(?:止|前)?"
    r"|(?:截至|截止|到)\d{4}年(?:底|末)|\d{4}年(?:度|底|末)?|上半年|下半年|第[一二三四]季度|全年|当年|今年以来|今年"
)
LEAD = re.compile(
    r"^(?:\d{1,2}[.、](?!\d)|（\d{1,2}）|[一二三四五六七八九十]{1,3}[、.]|（[一二三四五六七八九十]{1,3}）|[一二三四五六七八九十]是|[，、；：:,;（）()]|其中|另外|另|以及|和|及|与|并且|并|且|同时|此外|全市共计|全市共|全市|共计|总共|共|累计进行|我市|我局|本单位|本局|已|为|对)+"
)
TRAIL = re.compile(r"(?:为|是|达到|达|约为|约|共计|共|合计为|总计为|有|的|分别|已达|累计达|将近|超过|近|逾)+$")
# verbs that end the noun phrase after a figure (`49 家定点医院签订服务协议`)
VERB = re.compile(
    r"(?:开展|签订|进行|实施|完成|纳入|发放|办理|提供|参与|参加|接受|开通|上线|覆盖|涉及|通过|获得|达到|用于"
    r"|支付|执行|落实|印发|组织|推进|被|已|的|上报|报送|确认|审核|核查|检查|调查|整改|移送|追回)"
)
DEFAULT_PERIODS = {"全年", "当年", "今年", "今年以来"}
PAREN = re.compile(r"（[^（）]*）")
PUNCT = re.compile(r"[“”‘’《》〈〉<>「」『』\"'·\s]")


@lru_cache(maxsize=1)
def _shipped_synonyms() -> dict[str, str]:
    from ruamel.yaml import YAML

    text = resources.files("tieout.linter.vocab").joinpath("synonyms.yaml").read_text(encoding="utf-8")
    data = YAML(typ="safe").load(text) or {}
    return {variant: key for key, variants in data.items() for variant in [key, *variants]}


class Labeller:
    def __init__(self, extra: dict[str, list[str]] | None = None) -> None:
        self._memo: dict[str, tuple[str, str]] = {}
        self.synonyms = dict(_shipped_synonyms())
        for key, variants in (extra or {}).items():
            for v in [key, *variants]:
                self.synonyms[v] = key

    @property
    def canonical_keys(self) -> set[str]:
        """The keys of the synonym table: names of well-defined quantities (本年收入合计 …)."""
        return set(self.synonyms.values())

    def canonical(self, text: str) -> str:
        if text in self.synonyms:
            return self.synonyms[text]
        # a known wording at the end keeps its qualifier in front: 部门本年收入合计 → 部门收入合计
        for cut in range(1, min(len(text) - 3, 6) + 1):
            tail = text[cut:]
            if tail in self.synonyms:
                return text[:cut] + self.synonyms[tail]
        return text

    def noun(self, text: str) -> str:
        """The name in the words after a figure: `定点医院开展全覆盖检查` → `定点医院` (cut at the verb)."""
        key = self.split(PAREN.sub("", text))[0]
        m = VERB.search(key, 2)
        return key[: m.start()] if m else key

    def split(self, label: str) -> tuple[str, str]:
        """(key, period) of a raw label (labels recur within a report: memoised per labeller)."""
        hit = self._memo.get(label)
        if hit is None:
            hit = self._memo[label] = self._split(label)
        return hit

    def _split(self, label: str) -> tuple[str, str]:
        text = PUNCT.sub("", label)
        periods = [m.group() for m in PERIOD.finditer(text) if m.group()]
        text = PERIOD.sub("", text)
        # the clause's last phrase names the figure: keep what follows the last comma-like word
        text = LEAD.sub("", text)
        text = TRAIL.sub("", text)
        text = LEAD.sub("", text)
        # 2021年 and 2022年 are different quantities; 2022年 and 2022年度 the same
        # 全年 / 当年 / 今年 name the report's own year, the default: not a period of their own
        return self.canonical(text), "".join(p.replace("年度", "年") for p in periods if p not in DEFAULT_PERIODS)
