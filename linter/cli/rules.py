"""`tieout rules` and `tieout explain`: the rules and their documentation."""

from __future__ import annotations

import argparse
import sys

from tieout.linter.run.exitcode import ExitCode


def add_to(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    rules = sub.add_parser("rules", help="list the rules")
    rules.set_defaults(handler=cmd_rules)
    rules.add_argument(
        "--format",
        choices=["human", "json", "markdown"],
        default="human",
        help="markdown: the rule reference (docs/rules.md is generated with it)",
    )
    explain = sub.add_parser("explain", help="document one rule")
    explain.set_defaults(handler=cmd_explain)
    explain.add_argument("rule", help="code or name")


def cmd_rules(args: argparse.Namespace) -> int:
    from tieout.linter.report import reference
    from tieout.linter.run.catalogue import rules as catalogue

    rules = catalogue()
    if args.format == "markdown":
        sys.stdout.write(reference.markdown(rules))
    elif args.format == "json":
        import json  # (only here: a check, which imports this module to build its parser, reads no JSON)

        json.dump(reference.table(rules), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(reference.table_lines(rules))
    return ExitCode.OK


def cmd_explain(args: argparse.Namespace) -> int:
    from tieout.linter.report import reference
    from tieout.linter.run.catalogue import rules as catalogue
    from tieout.linter.run.codes import KnownRules

    wanted = args.rule.strip()
    rules = catalogue()
    rule = next((r for r in rules if wanted.upper() == r.code or wanted == r.name), None)
    if rule is None:
        hint = KnownRules.of((r.code, r.name) for r in rules).suggest(wanted)
        tail = f"; did you mean {' or '.join(hint)}?" if hint else "; see `tieout rules`"
        print(f"tieout: no rule {args.rule!r}{tail}", file=sys.stderr)
        return ExitCode.USAGE
    sys.stdout.write(reference.explain(rule))
    return ExitCode.OK
