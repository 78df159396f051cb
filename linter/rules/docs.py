"""The documentation of a rule, read from its docstring (the format is described in docs/writing-rules.md).

A rule's docstring opens with a one-paragraph summary (the line `tieout rules` lists), then Markdown
sections under `## ` headings, as ruff's rules have:

    ## What it does       what the rule checks, and where it applies
    ## Why is this bad?   what the reader of the report is misled by
    ## Example            a text the rule reports (in a ```text block)
    ## Passes             a text it lets pass (in a ```text block)
    ## How to fix         what the author of the report should change

The two examples may be left out of the docstring: they are then the rule's fixture cases
(`checks/cases/CODE.yaml`, the case marked `doc: true`, else the first failing and the first passing one),
which the tests run, so they cannot drift from what the rule does.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from typing import Protocol

from tieout.linter.rules.cases import cases_for

WHAT, WHY, EXAMPLE, PASSES, FIX = "What it does", "Why is this bad?", "Example", "Passes", "How to fix"
REQUIRED = (WHAT, WHY, EXAMPLE, FIX)  # the sections every rule's documentation has
HEADING = re.compile(r"^## +(?P<title>.+?) *$", re.MULTILINE)
FENCE = re.compile(r"^```[a-z]*\n(?P<body>.*?)^```", re.MULTILINE | re.DOTALL)


def clean(docstring: str | None) -> str:
    """A docstring with its indentation removed (every line's, not just the first's), stripped."""
    return inspect.cleandoc(docstring or "")


def sections(text: str) -> tuple[str, dict[str, str]]:
    """The text before the first `## ` heading, and each section's body by its title, in order."""
    parts = HEADING.split(text)  # [intro, title, body, title, body, …]
    intro = parts[0].strip()
    return intro, {title: body.strip() for title, body in zip(parts[1::2], parts[2::2])}


def fenced(body: str) -> str | None:
    """The text inside the first ``` block of a section, if it has one."""
    m = FENCE.search(body)
    return m.group("body").strip() if m else None


def code_block(text: str) -> str:
    return f"```text\n{text.strip()}\n```"


@dataclass(slots=True)
class RuleDoc:
    """The parts of a rule's documentation; `example` and `passes` are Markdown (a ```text block, maybe with
    a line of explanation)."""

    summary: str  # the first paragraph
    intro: str = ""  # prose between the summary and the first section (docstrings not yet in sections)
    sections: dict[str, str] = field(default_factory=dict)  # title → body, as written, examples included
    example: str = ""  # reported
    passes: str = ""
    from_cases: bool = False  # the examples are the rule's fixture cases, not the docstring's

    def missing(self) -> list[str]:
        """The required sections the documentation lacks."""
        present = {**self.sections, EXAMPLE: self.example}
        return [title for title in REQUIRED if not present.get(title)]

    def others(self) -> dict[str, str]:
        """Sections beyond the standard ones (`## Options`, `## Limits` …), in the order written."""
        standard = {WHAT, WHY, EXAMPLE, PASSES, FIX}
        return {t: b for t, b in self.sections.items() if t not in standard}


class Documented(Protocol):
    """What the rule reference reads of a rule: a rule's class, or its entry in the cached reference
    (linter/run/catalogue.py)."""

    @property
    def code(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def severity(self) -> str: ...

    def summary(self) -> str: ...

    def documentation(self) -> RuleDoc: ...


def summary_of(docstring: str | None) -> str:
    """The docstring's first paragraph, as one line."""
    first = clean(docstring).split("\n\n")[0]
    return " ".join(line.strip() for line in first.splitlines())


def document(code: str, docstring: str | None) -> RuleDoc:
    """The documentation of the rule `code` with this docstring, its examples filled in from its cases."""
    text = clean(docstring)
    head, _, rest = text.partition("\n\n")
    if HEADING.match(head):  # no summary paragraph: the docstring starts with a section
        head, rest = "", text
    intro, found = sections(rest)
    doc = RuleDoc(summary=summary_of(head), intro=intro, sections=found)
    doc.example, doc.passes = found.get(EXAMPLE, ""), found.get(PASSES, "")
    if not doc.example or not doc.passes:
        reported, passing = _case_examples(code)
        doc.from_cases = bool(reported and not doc.example) or bool(passing and not doc.passes)
        doc.example = doc.example or reported
        doc.passes = doc.passes or passing
    return doc


def _case_examples(code: str) -> tuple[str, str]:
    """A failing and a passing text from the rule's fixture cases: the ones marked `doc: true`, else the
    first of each."""
    cases = sorted(cases_for(code), key=lambda c: not c.get("doc"))  # stable: the marked case first
    fail = next((c["fail"] for c in cases if c.get("fail")), None)
    ok = next((c["pass"] for c in cases if c.get("pass")), None)
    return (code_block(fail) if fail else ""), (code_block(ok) if ok else "")
