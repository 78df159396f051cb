"""lark's LALR runtime (tokens, transformer, errors), imported without the rest of lark.

A sentence is parsed by lark's LALR parser from the tables kept on disk (`grammar_cache`): that takes lark's
tokens, its transformer and tree builder and its LALR parser, a third of lark. `import lark`, and any
`import lark.…` (which runs the package's `__init__` first), imports the whole of it: what builds a parser
from a grammar (the grammar loader, the LALR analysis' front ends, the Earley and CYK parsers), about a
twentieth of a cold `tieout check` spent on code it does not run.

So where lark is not imported yet, its package is entered in `sys.modules` as Python makes it before running
its `__init__`: its modules import as usual (`lark.lexer`, `lark.parsers.lalr_parser`), and the first name
asked of the package itself (`lark.Lark`, `from lark import Token`, `lark.__version__`: tieout building the
tables anew, the formula grammar, or any other code in the process) runs the `__init__` then, so that the
package is the whole of lark to whoever asks it for a name. tieout's modules take lark's names from here.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path


def _enter_package() -> None:
    """lark's package in `sys.modules`, its `__init__` run on the first name asked of it (where lark is not
    imported yet and is a package found the usual way; otherwise lark is imported whole, as it stands)."""
    if "lark" in sys.modules:
        return
    spec = importlib.util.find_spec("lark")
    if spec is None or spec.loader is None or spec.submodule_search_locations is None:
        return
    package = importlib.util.module_from_spec(spec)
    loader = spec.loader

    def whole(name: str) -> object:
        """A module's `__getattr__` (PEP 562), asked for a name the package does not hold yet."""
        del package.__dict__["__getattr__"]
        loader.exec_module(package)
        return getattr(package, name)

    package.__dict__["__getattr__"] = whole
    sys.modules["lark"] = package


def release() -> str:
    """lark's `__init__.py` as it stands, which names lark's version: read, not run (`lark.__version__` would
    run it)."""
    spec = sys.modules["lark"].__spec__
    try:
        return Path(spec.origin).read_text(encoding="utf-8") if spec and spec.origin else ""
    except OSError:
        return ""


_enter_package()


def _whole() -> None:
    """lark's package `__init__` run now (the deferred import above failed: a lark whose runtime modules need
    what its `__init__` sets up, or which moved them): where the runtime's names are found after it, tieout
    works at the cost of lark's whole import; where they are not, the ImportError says which name moved."""
    import lark

    lark.__version__  # noqa: B018  (the first name asked runs the deferred `__init__`)


# the runtime's modules, imported first under the deferred package (after it is entered)
RUNTIME = (
    "lark.exceptions",
    "lark.lexer",
    "lark.parse_tree_builder",
    "lark.parsers.lalr_analysis",
    "lark.parsers.lalr_parser",
    "lark.tree",
    "lark.visitors",
)
try:
    for _module in RUNTIME:
        importlib.import_module(_module)
except ImportError:
    _whole()

from lark.exceptions import LarkError  # noqa: E402
from lark.lexer import Lexer, Token  # noqa: E402
from lark.parse_tree_builder import ParseTreeBuilder  # noqa: E402
from lark.parsers.lalr_analysis import IntParseTable, Reduce, Shift  # noqa: E402
from lark.parsers.lalr_parser import LALR_Parser  # noqa: E402
from lark.tree import Tree  # noqa: E402
from lark.visitors import Transformer  # noqa: E402

__all__ = [
    "IntParseTable",
    "LALR_Parser",
    "LarkError",
    "Lexer",
    "ParseTreeBuilder",
    "Reduce",
    "Shift",
    "Token",
    "Transformer",
    "Tree",
    "release",
]
