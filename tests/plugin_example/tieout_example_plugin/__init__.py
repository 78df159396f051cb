"""An example third-party check: flags every amount stated in 亿元 (as a house style might)."""

from tieout.linter.rules.base import Rule
from tieout.linter.rules.hooks import hookimpl


class NoYiYuan(Rule):
    """Amounts are stated in 万元 in this house style, never in 亿元."""

    code = "X001"
    name = "no-yi-yuan"
    severity = "warning"
    kind = "style"

    def check(self):
        for q in self.ctx.facts.quantities:
            if q.unit == "亿元":
                yield self.diag(q, f"{q.text}：本单位统一以万元为单位")


class Crashes(Rule):
    """A check that raises: it must become an internal-error finding, not a crash."""

    code = "X002"
    name = "crashes"

    def check(self):
        raise RuntimeError("boom")


class Count:
    """A format that prints one line per file: the number of findings."""

    def __init__(self, out):
        self.out = out

    def file(self, result, text):
        self.out.write(f"{result.path}\t{len(result.diagnostics)}\n")

    def finish(self):
        pass


@hookimpl
def tieout_rules():
    return [NoYiYuan, Crashes]


@hookimpl
def tieout_reporters():
    return {"count": Count}


@hookimpl
def tieout_extract(document, facts, labeller):
    # a house wording the built-in grammar does not know: `金额（亿元）：1.5` → nothing to add here but a marker
    facts.unparsed.append(-1)
