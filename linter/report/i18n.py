"""The words reporters add around the findings, in one language per output.

The findings' messages are Chinese (they quote the report and its wording); the words around them —
severities, the summary, "expected", why a severity differs from the rule's — are Chinese too by default,
so that a report author reads one language. `--lang en` (or `TIEOUT_LANG=en`) gives English for those
words, for maintainers who do not read Chinese; the messages stay as they are. The POSIX locale is not
consulted: CI machines and most terminals say `en_US` or `C` whatever their users read. Codes, rule names
and option names are the same in both.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # reporters import this module; it needs none of the pipeline to run
    from tieout.linter.rules.diagnostics import Diagnostic
    from tieout.linter.run.results import FileResult

LANGS = ("zh", "en")
ENV = "TIEOUT_LANG"

_SEVERITY = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}
_REASON = {
    "zh": {
        "inferred": "关系中有数字是推断得出的（未明确指认），故报为{shown}（规则默认为{listed}）",
        "configured": "按配置 severity 报为{shown}（规则默认为{listed}）",
    },
    "en": {
        "inferred": "reported as {shown}: a figure of the relation is inferred, not identified (rule default: {listed})",
        "configured": "reported as {shown} by the configuration's severity (rule default: {listed})",
    },
}


def language(option: str | None = None) -> str:
    """The language of an output: the option, else $TIEOUT_LANG, else Chinese."""
    for value in (option, os.environ.get(ENV)):
        if value:
            lang = value.strip().lower().replace("_", "-").split("-")[0]
            if lang in LANGS:
                return lang
    return "zh"


class Words:
    """The words of one language. (A plain class: `tieout rules` imports the reporters' package, and a
    dataclass would bring the `dataclasses` module, and `inspect` with it, into its start-up.)"""

    __slots__ = ("lang", "listed")

    def __init__(self, lang: str = "zh", listed: Mapping[str, str] | None = None) -> None:
        self.lang = lang
        self.listed: Mapping[str, str] = listed if listed is not None else {}  # each rule's listed severity

    def severity(self, severity: str) -> str:
        return _SEVERITY[self.lang].get(severity, severity)

    def reason(self, d: Diagnostic) -> str:
        """Why a finding's severity differs from its rule's listed one ("" when it does not)."""
        if not d.severity_reason or d.severity_reason not in _REASON[self.lang]:
            return ""
        listed = self.listed.get(d.code)
        listed_word = self.severity(listed) if listed else "?"
        return _REASON[self.lang][d.severity_reason].format(shown=self.severity(d.severity), listed=listed_word)

    def summary(self, counts: dict[str, int], files: int) -> str:
        total = sum(counts.get(s, 0) for s in ("error", "warning", "info"))
        e, w, i = counts.get("error", 0), counts.get("warning", 0), counts.get("info", 0)
        if self.lang == "en":
            f = f"{files} file{'s' if files != 1 else ''}"
            if not total:
                return f"No problems found in {f}."
            return f"Found {total} problem{'s' if total != 1 else ''} ({e} error, {w} warning, {i} info) in {f}."
        if not total:
            return f"未发现问题：{files} 个文件。"
        return f"发现 {total} 个问题（错误 {e} 个，警告 {w} 个，提示 {i} 个），共检查 {files} 个文件。"

    def coverage(self, checked: int, not_understood: int) -> str:
        """What a run's "no problems" covers: the relations recomputed, and the sentences with figures read but
        not understood (which `tieout facts --verbose` lists)."""
        if self.lang == "en":
            hint = " (tieout facts --verbose FILE lists them)" if not_understood else ""
            return (
                f"{checked} relation{'s' if checked != 1 else ''} checked; {not_understood} "
                f"sentence{'s' if not_understood != 1 else ''} with figures not understood{hint}."
            )
        hint = "（tieout facts --verbose 文件 可列出）" if not_understood else ""
        return f"已核对 {checked} 处关系；{not_understood} 句含数字的句子未能理解{hint}。"

    def expected(self, expected: str, fix: str | None) -> str:
        if self.lang == "en":
            return f"expected: {expected}" + (f" (suggested fix: {fix})" if fix else "")
        return f"应为: {expected}" + (f"（建议改为 {fix}）" if fix else "")

    def note(self) -> str:
        return "note" if self.lang == "en" else "说明"

    def more(self, n: int) -> str:
        return f"… {n} more" if self.lang == "en" else f"… 另有 {n} 处"

    def at(self, locator: str) -> str:
        """A Word/PDF locator after a message."""
        return f" ({locator})" if self.lang == "en" else f"（{locator}）"

    def suggestion(self, fix: str) -> str:
        return f" (suggested fix: {fix})" if self.lang == "en" else f"（建议：{fix}）"

    def message(self, d: Diagnostic) -> str:
        """A finding's message for outputs of one line (github, SARIF, JUnit): with its Word/PDF locator, and
        why its severity is not the rule's listed one."""
        reason = self.reason(d)
        sep = "; " if self.lang == "en" else "；"
        return d.message + (self.at(d.locator) if d.locator else "") + (sep + reason if reason else "")


RENDERED = ("docx", "pdf")  # FileResult.encoding of a Word/PDF report: its lines are the rendering's, not the file's


def rendered(result: FileResult) -> bool:
    """Whether a result's lines and columns are those of a rendered Word/PDF report (not of the file)."""
    return result.encoding in RENDERED
