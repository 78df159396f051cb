"""An example third-party check: flags every amount stated in 亿元 (as a house style might)."""
from linter.hookspecs import hookimpl
from linter.rules import Rule


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


@hookimpl
def tieout_rules():
    return [NoYiYuan, Crashes]
