"""One file through the pipeline: read → normalise → parse → facts → checks → findings."""

from __future__ import annotations

import traceback
from pathlib import Path

from tieout.linter.facts.build import build_facts
from tieout.linter.facts.model import Facts
from tieout.linter.figures.exact import exact
from tieout.linter.figures.labels import Labeller
from tieout.linter.rules.base import CheckContext, Rule, Settings
from tieout.linter.rules.diagnostics import Diagnostic
from tieout.linter.run.codes import known_rules
from tieout.linter.run.collector import fewer_collections, loaded, no_collections
from tieout.linter.run.config import Config
from tieout.linter.run.plugins import plugins
from tieout.linter.run.results import FileResult
from tieout.linter.run.selection import enabled
from tieout.linter.run.suppressions import apply_suppressions
from tieout.linter.text.model import Document
from tieout.linter.text.normalise import normalise
from tieout.linter.text.reading import InputError, Source, read_path

__all__ = ["FileResult", "analyse", "lint_path", "lint_source"]  # FileResult: imported from here by tests

INTERNAL = "TO900"


def analyse(source: Source, config: Config, labeller: Labeller | None = None) -> tuple[Document, Facts]:
    labeller = labeller or Labeller({**plugins().synonyms, **config.synonyms})
    untrusted = source.rendering.untrusted_ranges() if source.rendering is not None else []
    doc = normalise(source.text, source.path, untrusted)
    with exact(doc.text):
        facts = build_facts(doc, labeller, tuple(config.extra_units))
        plugins().pm.hook.tieout_extract(document=doc, facts=facts, labeller=labeller)
    return doc, facts


def lint_source(source: Source, config: Config, summarise_figures: bool = False) -> FileResult:
    plugins()  # the checks imported: the pipeline is loaded (the parser's tables only when a sentence needs them)
    loaded()
    with no_collections():
        return _lint_source(source, config, summarise_figures)


def _lint_source(source: Source, config: Config, summarise_figures: bool) -> FileResult:
    labeller = Labeller({**plugins().synonyms, **config.synonyms})
    try:
        doc, facts = analyse(source, config, labeller)
        ctx = CheckContext(doc, facts, Settings(tolerance_units=config.rounding_units), labeller)
    except Exception as exc:  # a defect of ours on this file: a finding for it, the other files go on
        return FileResult(path=source.path, encoding=source.encoding, diagnostics=[_internal(source.path, "分析", exc)])
    ignore = [*config.ignore, *config.ignored_for(source.path)]
    # rules are independent: one that is not selected is not run
    selected = [r for r in plugins().rules if enabled(r.code, r.name, config.select, ignore, config.extend_select)]
    with exact(doc.text):  # figures of any size: the context is sized to the longest
        result = _check(source, config, doc, facts, ctx, selected, summarise_figures)
    comments = source.rendering.comments if source.rendering is not None else []
    selection = [(r.code, r.name) for r in selected]
    result.diagnostics, result.problems = apply_suppressions(
        doc, result.diagnostics, known_rules(), comments, selection
    )
    if source.rendering is not None:
        for d in result.diagnostics:
            d.locator = source.rendering.locate(d.line, d.column)
    result.diagnostics.sort(key=lambda d: (d.line, d.column, d.code))
    result.checked.sort(key=lambda c: (c.line, c.column, c.kind))
    return result


def _check(
    source: Source,
    config: Config,
    doc: Document,
    facts: Facts,
    ctx: CheckContext,
    selected: list[type[Rule]],
    summarise_figures: bool,
) -> FileResult:
    """Every selected rule on one file; a rule that fails is a TO900 finding, the others' findings stay."""
    result = FileResult(path=source.path, encoding=source.encoding, not_understood=len(facts.unparsed))
    for rule_cls in selected:
        severity = config.severity.get(rule_cls.code) or config.severity.get(rule_cls.name)
        try:
            for item in rule_cls(ctx, severity).check():
                if isinstance(item, Diagnostic):
                    result.diagnostics.append(item)
                else:
                    result.checked.append(item)
        except Exception as exc:  # a broken check is a finding for this file, never a crash
            result.diagnostics.append(_internal(source.path, f"检查 {rule_cls.code}（{rule_cls.name}）", exc))
    _drop_untrusted(doc, result)
    if summarise_figures:  # (--cross-document: its module imported for it only)
        from tieout.linter.run.crossdoc import summarise

        result.summary = summarise(source.path, doc, facts)
    return result


# --- untrusted text layers (TO401): nothing inside an untrusted page is reported or counted as checked; the
# page is reported once by TO401 itself, which is why its own finding stays.
UNTRUSTED_CODE = "TO401"


def _drop_untrusted(doc: Document, result: FileResult) -> None:
    if not doc.untrusted:
        return
    result.diagnostics = [
        d for d in result.diagnostics if d.code == UNTRUSTED_CODE or doc.untrusted_at(d.line, d.column) is None
    ]
    result.checked = [c for c in result.checked if doc.untrusted_at(c.line, c.column) is None]


def _internal(path: str, stage: str, exc: Exception) -> Diagnostic:
    frame = traceback.extract_tb(exc.__traceback__)[-1]
    return Diagnostic(
        code=INTERNAL,
        name="internal-error",
        severity="error",
        path=path,
        line=1,
        column=1,
        end_line=1,
        end_column=2,
        message=f"内部错误：{stage}失败（{type(exc).__name__}: {exc}，位于 {Path(frame.filename).name}:{frame.lineno}）"
        "，请报告此文件",
    )


def lint_path(
    path: str, config: Config, stdin_filename: str | None = None, summarise_figures: bool = False
) -> tuple[FileResult, str]:
    """The result for one file and the text it was read as (for showing source lines)."""
    with fewer_collections():  # reading a PDF allocates as much as checking it
        return _lint_path(path, config, stdin_filename, summarise_figures)


def _lint_path(
    path: str, config: Config, stdin_filename: str | None, summarise_figures: bool
) -> tuple[FileResult, str]:
    try:
        source = read_path(path, int(config.max_file_size_mb * 1024 * 1024))
    except InputError as exc:
        return FileResult(path=path, error=str(exc)), ""
    if path == "-" and stdin_filename:
        source = Source(stdin_filename, source.text, source.encoding, notes=source.notes)
    result = lint_source(source, config, summarise_figures)
    result.notes = list(source.notes)
    return result, source.text
