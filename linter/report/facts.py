"""`tieout facts`: what the parser understood of a report, one line per fact, or the facts as JSON."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from typing import Any, TextIO

from tieout.linter.facts.model import Balance, Breakdown, Change, Facts, Formula, FromTo, Mention, Rate, Share
from tieout.linter.figures.quantities import Quantity
from tieout.linter.parse.formulas import render
from tieout.linter.text.model import Document


def write_json(out: TextIO, facts: Facts) -> None:
    """The facts as JSON; the figures only counted (each fact carries its own)."""
    data: dict[str, Any] = {
        f.name: _plain(getattr(facts, f.name)) for f in dataclasses.fields(facts) if f.name != "quantities"
    }
    data["quantities"] = len(facts.quantities)
    json.dump(data, out, ensure_ascii=False, indent=1)
    out.write("\n")


def _plain(obj: Any) -> Any:
    """Facts as JSON values: dataclasses as objects of their fields, decimals as strings."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [_plain(x) for x in obj]
    if isinstance(obj, (set, frozenset)):  # (a table's columns off its header: sorted, for the same output each run)
        return sorted(_plain(x) for x in obj)
    if isinstance(obj, dict):
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, Decimal):
        return str(obj)
    return obj


class FactLines:
    """One line per fact, each with the line of the report it stands on."""

    def __init__(self, out: TextIO, doc: Document) -> None:
        self.out = out
        self.doc = doc

    def at(self, q: Quantity) -> str:
        return f"L{self.doc.position(q.start, q.end).line}"

    def write(self, path: str, facts: Facts, verbose: bool = False) -> None:
        self.out.write(f"{path}: {len(facts.quantities)} figures, {len(self.doc.sentences)} sentences\n")
        genre = facts.genre or "unknown genre"
        self.out.write(f"document: {genre}; {facts.document_context.describe() or 'no context in its title'}\n")
        for mention in facts.mentions:
            self.figure(mention)
        for breakdown in facts.breakdowns:
            self.breakdown(breakdown)
        for share in facts.shares:
            self.share(share)
        for rate in facts.rates:
            self.rate(rate)
        for formula in facts.formulas:
            self.formula(formula)
        for change in facts.changes:
            self.change(change)
        for fromto in facts.fromtos:
            self.fromto(fromto)
        for balance in facts.balances:
            self.balance(balance)
        self.unparsed(facts.unparsed, verbose)

    def figure(self, m: Mention) -> None:
        """A labelled figure and which quantity it is (`complete` when every part of its identity is known)."""
        if not m.quantities:
            return
        figures = " ".join(q.text for q in m.quantities)
        state = "complete" if m.identity.complete() else "incomplete"
        self.out.write(
            f"figure {self.at(m.quantities[0])} {m.label.strip() or '-'} {figures} [{state}] {m.identity.describe()}\n"
        )

    def breakdown(self, b: Breakdown) -> None:
        kind = "total after parts" if b.inferred else (b.keyword or "其中")
        kind += "" if b.certain else ", inferred"
        t = b.total
        total = f"{self.at(t.quantities[0])} {t.key} {' '.join(q.text for q in t.quantities)}" if t else "L? ?"
        parts = "; ".join(f"{p.key} {' '.join(q.text for q in p.quantities)}" for p in b.parts)
        # the parts subtracted (`收入 a − 调出 b − 支出 c = 结转 d`) are part of what was read: shown, or the chain
        # would look like a sum of its first part alone
        parts += "".join(f" − {m.key} {' '.join(q.text for q in m.quantities)}" for m in b.minus)
        self.out.write(f"breakdown {total} [{kind}{', complete' if b.exhaustive else ''}]: {parts}\n")

    def share(self, s: Share) -> None:
        part = s.part.text if s.part else "?"
        total = s.total.text if s.total else "?"
        self.out.write(f"share {self.at(s.stated)} {s.stated.text} of {part} / {total}\n")

    def rate(self, r: Rate) -> None:
        ops = " / ".join(q.text for q in (r.formula.operands if r.formula else r.operands))
        self.out.write(f"rate {self.at(r.stated)} {r.name} {r.stated.text} operands: {ops or '-'}\n")

    def formula(self, f: Formula) -> None:
        self.out.write(f"formula {self.at(f.result)} {f.name} {render(f.expression, f.operands)}={f.result.text}\n")

    def change(self, c: Change) -> None:
        moves = ", ".join(f"{m.word} {m.quantity.text if m.quantity else ''}" for m in c.movements)
        current = c.current.text if c.current else "?"
        base = c.base.text if c.base else "-"
        self.out.write(f"change {c.comparison} {c.label} {current} base {base}: {moves}\n")

    def fromto(self, f: FromTo) -> None:
        self.out.write(f"from-to {self.at(f.start)} {f.start.text} {f.word} {f.end.text}\n")

    def balance(self, b: Balance) -> None:
        opening = f" (opening {b.opening.text})" if b.opening else ""
        income = "".join([b.income.text, *(f" + {q.text}" for q in b.inflows)])
        self.out.write(f"balance {self.at(b.balance)} {income} - {b.expense.text} = {b.balance.text}{opening}\n")

    def unparsed(self, sentences: list[int], verbose: bool) -> None:
        self.out.write(f"sentences with 2+ figures and no relation: {len(sentences)}\n")
        if not verbose:
            return
        for si in sentences:
            s = self.doc.sentences[si]
            line = self.doc.position(s.start, s.start + 1).line
            self.out.write(f"  L{line}: {self.doc.text[s.start : s.end][:160]}\n")
