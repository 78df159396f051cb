"""Where the parser's LALR tables are cached: a folder of the user's own, that no one else can write.

The tables are a pickle, and loading a pickle runs whatever code it names: a cache under a predictable
name in the shared temporary folder (Lark's default) lets anyone who can write there run code as the next
user of tieout. So the cache lives under `$XDG_CACHE_HOME/tieout/grammar` (else `~/.cache/…`), a private
folder of `tieout.linter.cachedir`: a file is loaded only when it, its folder and the folder above are the
user's own and writable by no one else, and is written whole (a temporary file renamed). Where no such folder
can be had (another system, a read-only home) there is no cache and the tables are built in memory.

The file holds the tables as the objects lark works with (its rules, terminals and LALR table, pickled as
they are), not in lark's own cache format: that format keeps them as nested dictionaries that lark turns
back into objects in Python at every start, about two thirds of the parser's 8 ms of a cold `tieout check`.
`load` hands them to lark's own loader (`Lark._load`, which passes objects through as they are), and the
table to lark's LALR parser through the loader's parser hook (`_plugins`, the one lark-cython plugs into):
the parser is lark's, built as from lark's cache, without rebuilding its table.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import sys
from pathlib import Path
from typing import Any

from lark import Lark
from lark.grammar import Rule
from lark.lexer import TerminalDef
from lark.parsers.lalr_analysis import IntParseTable, Reduce, Shift
from lark.parsers.lalr_parser import LALR_Parser
from lark.utils import SerializeMemoizer
from tieout.linter import cachedir

# the options lark takes when loading tables rather than building them (its `_LOAD_ALLOWED_OPTIONS`); the
# others are the tables' own, kept with them
LOAD_OPTIONS = ("transformer", "propagate_positions")


def folder() -> Path | None:
    """The private cache folder, made if missing; None when there is none to be had."""
    return cachedir.private_folder("grammar")


def path_for(grammar: str, options: dict[str, Any] | None = None) -> Path | None:
    """The cache file of this grammar and these table options under this Lark and Python (None: no private
    folder)."""
    import lark

    d = folder()
    if d is None:
        return None
    table_options = sorted((k, repr(v)) for k, v in (options or {}).items() if k not in LOAD_OPTIONS)
    ident = f"{grammar}\0{table_options}\0{lark.__version__}\0{sys.version_info[:2]}"
    return d / f"sentence-{hashlib.sha256(ident.encode()).hexdigest()[:32]}.tables"


class _KeptTable(LALR_Parser):
    """lark's LALR parser, handed its table as the object `save` kept (lark's own loader rebuilds it from
    dictionaries, entry by entry): lark builds the parser around an empty table, which then takes the kept
    table's states."""

    @classmethod
    def deserialize(  # type: ignore[override]  # (lark's own signature, which its stubs do not state)
        cls, data: Any, memo: Any, callbacks: Any, debug: bool = False
    ) -> LALR_Parser:
        if not isinstance(data, IntParseTable):
            return super().deserialize(data, memo, callbacks, debug)
        empty = {"tokens": [], "states": {}, "start_states": data.start_states, "end_states": data.end_states}
        inst = super().deserialize(empty, memo, callbacks, debug)
        inst.parser.parse_table.states = data.states
        return inst


class _Pickler(pickle.Pickler):
    """The LALR table's actions are lark's two `Action` objects, which its parser tells apart by identity
    (`action is Shift`): they are pickled as those names of lark's, not as objects of their own."""

    def reducer_override(self, obj: Any) -> Any:
        if obj is Shift:
            return "Shift"
        if obj is Reduce:
            return "Reduce"
        return NotImplemented


def save(path: Path, parser: Lark) -> None:
    """Keep a parser's tables in `path` (written whole, or not at all): lark's serialised form (what
    `Lark.save` writes) with its rules and terminals and the LALR table as objects, the table's rules those
    of the rules (one pickle: one object each)."""
    data, memo = parser.memo_serialize([TerminalDef, Rule])
    data["options"] = {k: v for k, v in data["options"].items() if k not in (*LOAD_OPTIONS, "_plugins")}
    objects = SerializeMemoizer.deserialize(memo, {"Rule": Rule, "TerminalDef": TerminalDef}, {})
    data["parser"]["parser"] = IntParseTable.deserialize(data["parser"]["parser"], objects)
    out = io.BytesIO()
    _Pickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump({"data": data, "memo": objects})
    cachedir.write_atomic(path, out.getvalue())


def load(path: Path, options: dict[str, Any]) -> Lark | None:
    """The parser of the tables kept in `path`, with the loading options of `options`; None when there is no
    such file, or it cannot be read, or no one but the user may have written it."""
    if not trusted(path):
        return None
    try:
        kept = pickle.loads(path.read_bytes())
        for obj in kept["memo"].values():
            if isinstance(obj, Rule):
                obj._deserialize()  # its hash, of names, differs between processes (lark recomputes it too)
        loading = {k: options[k] for k in LOAD_OPTIONS if k in options}
        return Lark.__new__(Lark)._load(kept, _plugins={"LALR_Parser": _KeptTable}, **loading)
    except Exception:  # unreadable, or written by another lark: built anew
        return None


def trusted(path: Path) -> bool:
    """May this cache file be loaded: a regular file of this user's that no one else can write?"""
    return cachedir.trusted(path)
