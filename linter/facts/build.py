"""Facts of a document, in ordered passes that only add:

1. the sentence pass (tieout.linter.facts.sentence): each sentence parsed (tieout.linter.parse.sentences) and its
   items turned into mentions and the relations the sentence states itself (breakdowns, shares, rates, changes …);
2. identities (tieout.linter.facts.identity): which quantity each mention is;
3. the linking passes (tieout.linter.facts.passes): relations across sentences, each pass returning new
   relations and never rewriting what earlier passes built;
4. explanations (unit slips, restatements) that several checks read.
"""

from __future__ import annotations

from tieout.linter.facts.draft import Draft
from tieout.linter.facts.model import Facts
from tieout.linter.facts.sentence.sentence_pass import SentencePass
from tieout.linter.figures.labels import Labeller
from tieout.linter.figures.quantities import extract
from tieout.linter.parse.tables import find_tables
from tieout.linter.text.model import Document


def build_facts(doc: Document, labeller: Labeller | None = None, extra_units: tuple[str, ...] = ()) -> Facts:
    from tieout.linter.facts import explain, identity, passes

    labeller = labeller or Labeller()
    facts = Facts(quantities=extract(doc, extra_units), tables=find_tables(doc))
    draft = Draft(doc, labeller, facts)
    SentencePass(draft).run()
    identity.assign(draft)
    for table in facts.tables:  # whose tables they are, known from the title once identities are assigned
        table.department = facts.document_context.scope == "部门"
    passes.run(draft)
    identity.refine(draft)
    explain.run(draft)
    facts.unparsed = _unparsed(facts)
    facts.parse_errors = draft.parse_errors
    return facts


def _unparsed(facts: Facts) -> list[int]:
    """Sentences with two or more figures that no relation uses: what the parser did not understand."""
    related: set[int] = {b.sentence for b in facts.breakdowns}
    for coll in (
        facts.rates,
        facts.formulas,
        facts.changes,
        facts.fromtos,
        facts.balances,
        facts.months,
        facts.scores,
        facts.unit_costs,
        facts.distributions,
        facts.answered,
        facts.roll_forwards,
        facts.limit_claims,
        facts.marks,
        facts.counted_lists,
    ):
        related.update(x.sentence for x in coll)
    related.update(s.sentence for s in facts.shares)
    related.update(s.sentence for sl in facts.share_lists for s in sl.shares)
    counts: dict[int, int] = {}
    for m in facts.mentions:
        # (a loop, not a sum over a generator: once for every mention of the document)
        n = counts.get(m.sentence, 0)
        for q in m.quantities:
            if q.kind != "bare":
                n += 1
        counts[m.sentence] = n
    return sorted(s for s, n in counts.items() if n >= 2 and s not in related)
