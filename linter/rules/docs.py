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

import re
from typing import Any, Protocol

from tieout.linter.patterns import regex
from tieout.linter.rules.cases import cases_for

WHAT, WHY, EXAMPLE, PASSES, FIX = "What it does", "Why is this bad?", "Example", "Passes", "How to fix"
REQUIRED = (WHAT, WHY, EXAMPLE, FIX)  # the sections every rule's documentation has
# (compiled when first used: a check, which imports this module with the rules, reads no documentation)
HEADING = regex(r"^## +(?P<title>.+?) *$", re.MULTILINE)
FENCE = regex(r"^```[a-z]*\n(?P<body>.*?)^```", re.MULTILINE | re.DOTALL)


def clean(docstring: str | None) -> str:
    """A docstring with its indentation removed (every line's, not just the first's), stripped."""
    import inspect  # only when the documentation is read from the classes, not from the cached reference

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


class RuleDoc:
    """The parts of a rule's documentation; `example` and `passes` are Markdown (a ```text block, maybe with
    a line of explanation). A plain class with the fields, equality and representation a dataclass would
    have: `tieout rules` reads these from its cache, and `dataclasses` (which imports `inspect`) would cost
    that command a tenth of its start-up."""

    __slots__ = ("summary", "intro", "sections", "example", "passes", "from_cases")

    def __init__(
        self,
        summary: str,
        intro: str = "",
        sections: dict[str, str] | None = None,
        example: str = "",
        passes: str = "",
        from_cases: bool = False,
    ) -> None:
        self.summary = summary  # the first paragraph
        self.intro = intro  # prose between the summary and the first section (docstrings not yet in sections)
        self.sections = sections if sections is not None else {}  # title → body, as written, examples included
        self.example = example  # reported
        self.passes = passes
        self.from_cases = from_cases  # the examples are the rule's fixture cases, not the docstring's

    def as_dict(self) -> dict[str, Any]:
        """The fields by name (the cached reference's form: `RuleDoc(**d)` reads it back)."""
        return {name: getattr(self, name) for name in self.__slots__}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RuleDoc) and self.as_dict() == other.as_dict()

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value: unhashable, as a dataclass

    def __repr__(self) -> str:
        return f"RuleDoc({', '.join(f'{k}={v!r}' for k, v in self.as_dict().items())})"

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
