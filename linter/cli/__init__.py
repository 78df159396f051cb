"""The `tieout` command line: check, facts, rules, explain."""

from __future__ import annotations

import argparse
import json
import os
import sys

from tieout.linter.report import FORMATS
from tieout.linter.rules.diagnostics import SEVERITY_RANK

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="tieout", description="Lint the figures of Chinese financial and budget reports.")
    sub = ap.add_subparsers(dest="command")

    check = sub.add_parser("check", help="check report files and folders")
    check.add_argument("paths", nargs="*", default=["."], help="files, folders, or - for stdin")
    check.add_argument("--format", default="human", help=f"{', '.join(FORMATS)}, or one a plugin adds (default human)")
    check.add_argument("--select", type=_csv, help="rules to run, by code, name or prefix (comma-separated)")
    check.add_argument("--extend-select", type=_csv, help="rules to add to the selection")
    check.add_argument("--ignore", type=_csv, help="rules to skip")
    check.add_argument(
        "--fail-on", choices=["error", "warning", "info"], help="lowest severity that fails (default warning)"
    )
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--statistics", action="store_true", help="count findings per rule")
    check.add_argument("--quiet", "-q", action="store_true", help="findings only, no source or summary")
    check.add_argument("--stdin-filename", help="the path to report for input read from -")
    check.add_argument("--config", help="configuration file (default: nearest tieout.yaml/.tieout.yaml/pyproject.toml)")
    check.add_argument("--max-file-size", type=float, help="largest file to read, in MB")
    check.add_argument("--jobs", "-j", type=int, help="worker processes (default: the number of cores)")
    check.add_argument(
        "--cross-document",
        action="store_true",
        default=None,
        help="compare the figures that reports of one entity and year restate",
    )
    check.add_argument("--baseline", help="report only findings not in this baseline file")
    check.add_argument("--write-baseline", metavar="FILE", help="write the current findings as a baseline and exit 0")
    check.add_argument(
        "--annotate",
        metavar="OUT.docx",
        help="with one .docx report: write a copy with each finding as a Word comment on its figure",
    )
    check.add_argument("--no-color", action="store_true")
    check.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")

    facts = sub.add_parser("facts", help="print what the parser understood of a report")
    facts.add_argument("path")
    facts.add_argument("--format", choices=["human", "json"], default="human")
    facts.add_argument("--verbose", "-v", action="store_true", help="list sentences with figures but no relation")

    rules = sub.add_parser("rules", help="list the rules")
    rules.add_argument(
        "--format",
        choices=["human", "json", "markdown"],
        default="human",
        help="markdown: the rule reference (docs/rules.md is generated with it)",
    )

    explain = sub.add_parser("explain", help="document one rule")
    explain.add_argument("rule", help="code or name")
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "check":
            return cmd_check(args)
        if args.command == "facts":
            return cmd_facts(args)
        if args.command == "rules":
            return cmd_rules(args)
        if args.command == "explain":
            return cmd_explain(args)
    except BrokenPipeError:
        return EXIT_OK
    build_parser().print_help()
    return EXIT_USAGE


def cmd_check(args: argparse.Namespace) -> int:
    from tieout.linter.report import make, names
    from tieout.linter.rules.diagnostics import Diagnostic
    from tieout.linter.run import baseline as baselines
    from tieout.linter.run.batch import Options, config_for, default_jobs, run
    from tieout.linter.run.config import ConfigError
    from tieout.linter.run.plugins import plugins
    from tieout.linter.text.reading import expand_paths

    if args.format not in names():
        print(f"tieout: unknown format {args.format!r}; choose from {', '.join(names())}", file=sys.stderr)
        return EXIT_USAGE
    files, errors = expand_paths(args.paths)
    if args.annotate and (len(files) != 1 or not files[0].lower().endswith(".docx")):
        print("tieout: --annotate takes exactly one .docx report", file=sys.stderr)
        return EXIT_USAGE
    overrides = {
        "select": args.select,
        "ignore": args.ignore,
        "extend_select": args.extend_select,
        "fail_on": args.fail_on,
        "max_file_size_mb": args.max_file_size,
        "cross_document": args.cross_document,
    }
    options = Options(
        overrides={k: v for k, v in overrides.items() if v is not None},
        config_path=args.config,
        stdin_filename=args.stdin_filename,
    )
    try:  # the settings of the run as a whole (fail-on, cross-document) come from the first file's config
        run_config = config_for(files[0] if files else ".", options)
    except ConfigError as exc:
        print(f"tieout: {exc}", file=sys.stderr)
        return EXIT_USAGE
    cross = bool(run_config.cross_document)
    if cross:
        options = Options(options.overrides, options.config_path, options.stdin_filename, summarise=True)
    known = None
    if args.baseline:
        try:
            known = baselines.load(args.baseline)
        except (OSError, ValueError, KeyError) as exc:
            print(f"tieout: baseline {args.baseline}: {exc}", file=sys.stderr)
            return EXIT_USAGE
    colour = sys.stdout.isatty() and not args.no_color and "NO_COLOR" not in os.environ
    writing = args.write_baseline is not None
    reporter = (
        make(
            args.format, sys.stdout, colour=colour, statistics=args.statistics, quiet=args.quiet, rules=plugins().rules
        )
        if not writing
        else None
    )
    progress = Progress(len(files), enabled=sys.stderr.isatty() and not args.no_progress and len(files) >= 20)
    jobs = args.jobs if args.jobs is not None else default_jobs()
    threshold = SEVERITY_RANK[run_config.fail_on]
    failing = False
    everything: list[Diagnostic] = []
    held = []  # with --cross-document, results wait for the comparison of all reports
    for result, text in run(files, options, jobs):
        progress.step()
        if result.error:
            errors.append(result.error)
            continue
        if known is not None:
            result.diagnostics = baselines.subtract(result.diagnostics, known)
        if cross:
            held.append((result, text if args.format == "human" else ""))
            continue
        failing |= _emit(result, text, reporter, everything, writing, threshold)
        if args.annotate:
            from tieout.linter.report.annotate import annotate
            from tieout.linter.text.reading import read_path

            n = annotate(result.path, args.annotate, read_path(result.path).rendering, result.diagnostics)
            print(f"tieout: wrote {args.annotate} with {n} comment{'s' if n != 1 else ''}", file=sys.stderr)
    if cross:
        from tieout.linter.run.crossdoc import compare

        diags, checked = compare([r.summary for r, _ in held if r.summary is not None])
        for result, text in held:
            result.diagnostics.extend(d for d in diags.get(result.path, []) if _selected(d, run_config))
            result.checked.extend(checked.get(result.path, []))
            failing |= _emit(result, text, reporter, everything, writing, threshold)
    progress.done()
    for err in errors:
        print(f"tieout: {err}", file=sys.stderr)
    if writing:
        n = baselines.write(args.write_baseline, everything)
        print(f"tieout: wrote {n} finding{'s' if n != 1 else ''} to {args.write_baseline}", file=sys.stderr)
        return EXIT_USAGE if errors else EXIT_OK
    assert reporter is not None
    reporter.finish()
    if errors:
        return EXIT_USAGE
    return EXIT_FINDINGS if failing and not args.exit_zero else EXIT_OK


def _selected(d, config) -> bool:
    from tieout.linter.run.selection import enabled

    return enabled(d.code, d.name, config.select, config.ignore, config.extend_select)


def _emit(result, text: str, reporter, everything: list, writing: bool, threshold: int) -> bool:
    """Report one file's result; whether it has a finding at or above the failing severity."""
    if writing:
        everything.extend(result.diagnostics)
    else:
        reporter.file(result, text)
    return any(SEVERITY_RANK[d.severity] >= threshold for d in result.diagnostics)


class Progress:
    """`[n/N]` on stderr for long batches on a terminal."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total, self.enabled, self.n = total, enabled, 0

    def step(self) -> None:
        self.n += 1
        if self.enabled:
            sys.stderr.write(f"\r[{self.n}/{self.total}] checked")
            sys.stderr.flush()

    def done(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * 32 + "\r")


def cmd_facts(args: argparse.Namespace) -> int:
    from tieout.linter.run.config import Config
    from tieout.linter.run.engine import analyse
    from tieout.linter.text.reading import InputError, read_path

    try:
        source = read_path(args.path)
    except InputError as exc:
        print(f"tieout: {exc}", file=sys.stderr)
        return EXIT_USAGE
    doc, facts = analyse(source, Config())
    if args.format == "json":
        data = facts.model_dump(mode="json", exclude={"quantities"})
        data["quantities"] = len(facts.quantities)
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return EXIT_OK

    def at(q) -> str:
        return f"L{doc.position(q.start, q.end).line}"

    out = sys.stdout
    out.write(f"{source.path}: {len(facts.quantities)} figures, {len(doc.sentences)} sentences\n")
    for b in facts.breakdowns:
        t = b.total
        kind = "total after parts" if b.inferred else (b.keyword or "其中")
        out.write(
            f"breakdown {at(t.quantities[0])} {t.key} {' '.join(q.text for q in t.quantities)} [{kind}"
            f"{', complete' if b.exhaustive else ''}]: "
            + "; ".join(f"{p.key} {' '.join(q.text for q in p.quantities)}" for p in b.parts)
            + "\n"
        )
    for s in facts.shares:
        out.write(
            f"share {at(s.stated)} {s.stated.text} of {s.part.text if s.part else '?'} / {s.total.text if s.total else '?'}\n"
        )
    for r in facts.rates:
        ops = " / ".join(q.text for q in (r.formula.operands if r.formula else r.operands))
        out.write(f"rate {at(r.stated)} {r.name} {r.stated.text} operands: {ops or '-'}\n")
    from tieout.linter.parse.formulas import render

    for f in facts.formulas:
        out.write(f"formula {at(f.result)} {f.name} {render(f.expression, f.operands)}={f.result.text}\n")
    for c in facts.changes:
        moves = ", ".join(f"{m.word} {m.quantity.text if m.quantity else ''}" for m in c.movements)
        out.write(
            f"change {c.comparison} {c.label} {c.current.text if c.current else '?'} base "
            f"{c.base.text if c.base else '-'}: {moves}\n"
        )
    for f in facts.fromtos:
        out.write(f"from-to {at(f.start)} {f.start.text} {f.word} {f.end.text}\n")
    for b in facts.balances:
        out.write(
            f"balance {at(b.balance)} {b.income.text} - {b.expense.text} = {b.balance.text}"
            f"{' (opening ' + b.opening.text + ')' if b.opening else ''}\n"
        )
    multi = len(facts.unparsed)
    out.write(f"sentences with 2+ figures and no relation: {multi}\n")
    if args.verbose:
        for si in facts.unparsed:
            s = doc.sentences[si]
            line = doc.position(s.start, s.start + 1).line
            out.write(f"  L{line}: {doc.text[s.start : s.end][:160]}\n")
    return EXIT_OK


def _rule_table() -> list[dict]:
    from tieout.linter.run.plugins import plugins

    return [{"code": r.code, "name": r.name, "severity": r.severity, "summary": r.summary()} for r in plugins().by_code]


def rules_markdown() -> str:
    """The rule reference: a table, then each rule's documentation with a reported and a passing example."""
    from tieout.linter.rules.cases import cases_for
    from tieout.linter.run.plugins import plugins

    out = [
        "# tieout rules",
        "",
        "Generated by `tieout rules --format markdown`; a test keeps it in sync.",
        "",
        "| code | name | severity | summary |",
        "|---|---|---|---|",
    ]
    for r in plugins().by_code:
        out.append(f"| {r.code} | {r.name} | {r.severity} | {r.summary().replace('|', '/')} |")
    for r in plugins().by_code:
        out += ["", f"## {r.code} {r.name}", "", f"Default severity: {r.severity}.", "", r.doc()]
        cases = cases_for(r.code)
        fail = next((c for c in cases if c.get("fail")), None)
        ok = next((c for c in cases if c.get("pass")), None)
        if fail:
            out += ["", "Reported:", "", "```text", fail["fail"].strip(), "```"]
        if ok:
            out += ["", "Passes:", "", "```text", ok["pass"].strip(), "```"]
    return "\n".join(out) + "\n"


def cmd_rules(args: argparse.Namespace) -> int:
    if args.format == "markdown":
        sys.stdout.write(rules_markdown())
        return EXIT_OK
    table = _rule_table()
    if args.format == "json":
        json.dump(table, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return EXIT_OK
    for r in table:
        sys.stdout.write(f"{r['code']:7} {r['name']:26} {r['severity']:8} {r['summary']}\n")
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    from tieout.linter.rules.cases import cases_for
    from tieout.linter.run.plugins import plugins

    rule = next((r for r in plugins().rules if args.rule in (r.code, r.name)), None)
    if rule is None:
        print(f"tieout: no rule {args.rule!r}; see `tieout rules`", file=sys.stderr)
        return EXIT_USAGE
    out = sys.stdout
    out.write(f"{rule.code} ({rule.name}) — default severity {rule.severity}\n\n{rule.doc()}\n")
    cases = cases_for(rule.code)
    fail = next((c for c in cases if c.get("fail")), None)
    ok = next((c for c in cases if c.get("pass")), None)
    if fail:
        out.write(f"\nExample that is reported:\n    {fail['fail'].strip()}\n")
    if ok:
        out.write(f"\nExample that passes:\n    {ok['pass'].strip()}\n")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
