"""Where the parser's LALR tables are cached: a folder of the user's own, that no one else can write.

The tables are a pickle, and loading a pickle runs whatever code it names: a cache under a predictable
name in the shared temporary folder (Lark's default) lets anyone who can write there run code as the next
user of tieout. So the cache lives under `$XDG_CACHE_HOME/tieout/grammar` (else `~/.cache/…`), a private
folder of `tieout.linter.cachedir`: a file is loaded only when it, its folder and the folder above are the
user's own and writable by no one else, and is written whole (a temporary file renamed). Where no such folder
can be had (another system, a read-only home) there is no cache and the tables are built in memory.

The file holds what lark's LALR parser works from, as the objects lark made of the grammar: the LALR table
(its rules as they are, not lark's cache format of nested dictionaries that lark turns back into objects at
every start) and, for each rule, the steps of lark's tree builder between the parser and the transformer's
method (which lark otherwise works out again from the grammar's rules at every start). `KeptParser` is lark's
LALR parser and tree builder given them: loading needs neither lark's grammar loader nor its front ends
(linter/parse/lalr.py), and parses as the parser built from the grammar does.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tieout.linter import cachedir
from tieout.linter.parse.lalr import (
    IntParseTable,
    LALR_Parser,
    ParseTreeBuilder,
    Reduce,
    Shift,
    Token,
    Transformer,
    Tree,
    release,
)

if TYPE_CHECKING:
    from lark import Lark

try:  # the C unpickler that pickle.loads is, without pickle's own module (its Python pickler: 0.9 ms at start)
    from _pickle import loads as _loads
except ImportError:  # pragma: no cover - another Python
    from pickle import loads as _loads

# the options lark takes when loading tables rather than building them (its `_LOAD_ALLOWED_OPTIONS`); the
# others are the tables' own, kept with them
LOAD_OPTIONS = ("transformer", "propagate_positions")


def folder() -> Path | None:
    """The private cache folder, made if missing; None when there is none to be had."""
    return cachedir.private_folder("grammar")


def path_for(grammar: str, options: dict[str, Any] | None = None) -> Path | None:
    """The cache file of this grammar and these table options under this lark (its `__init__.py`, which names
    its version) and Python (None: no private folder)."""
    d = folder()
    if d is None:
        return None
    table_options = sorted((k, repr(v)) for k, v in (options or {}).items() if k not in LOAD_OPTIONS)
    ident = f"kept-parser\0{grammar}\0{table_options}\0{release()}\0{sys.version_info[:2]}"
    return d / f"sentence-{cachedir.sha256(ident.encode()).hexdigest()[:32]}.tables"


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


class _Tokens:
    """The tokens of one sentence, as the lexer thread lark's LALR parser reads them from (`lex`)."""

    __slots__ = ("tokens",)

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens

    def lex(self, parser_state: object) -> Iterator[Token]:
        return iter(self.tokens)


class KeptParser:
    """lark's LALR parser of the kept tables, the transformer applied inline as lark applies it: each rule's
    reduction goes through lark's tree builder (`ParseTreeBuilder.create_callback`, given the rules' kept
    steps) to the transformer's method (without one, to lark's `Tree`, as `Lark.parse` builds it). `parse` takes
    the tokens as the grammar's lexer would yield them."""

    def __init__(self, kept: dict[str, Any], transformer: Transformer | None) -> None:
        builder = ParseTreeBuilder.__new__(ParseTreeBuilder)  # its steps kept, not worked out again
        builder.tree_class = Tree
        builder.rule_builders = kept["builders"]
        self.start: str = kept["start"]
        self.lalr = _KeptTable.deserialize(kept["table"], None, builder.create_callback(transformer))

    def parse(self, tokens: list[Token]) -> Any:
        return self.lalr.parse(_Tokens(tokens), self.start)


def cached_parser(grammar: str, options: dict[str, Any]) -> KeptParser:
    """The grammar's LALR parser from the tables cached on disk (in the user's own cache folder, as the objects
    lark works with), applying `options["transformer"]` (if any): building them takes lark's grammar loader and
    its LALR analysis, which halved a cold start for the sentence grammar and was a sixth of a cold check of a
    report with a written formula for the arithmetic one. Built by lark from the grammar when missing or
    unreadable, and kept for the next start."""
    path = path_for(grammar, options)
    kept = load(path) if path is not None else None
    if kept is None:
        from lark import Lark  # (lark's grammar loader, imported only to build the tables)

        kept = tables(Lark(grammar, **options))
        if path is not None:  # else no private folder to be had: the tables built in memory only
            save(path, kept)
    return KeptParser(kept, options.get("transformer"))


def tables(parser: Lark) -> dict[str, Any]:
    """What a `KeptParser` is made from, taken from a parser lark built from the grammar (LALR, one start
    symbol, no tree positions): its LALR table, its tree builder's steps for each rule, its start symbol."""
    (start,) = parser.options.start
    table = parser.parser.parser._parse_table
    assert isinstance(table, IntParseTable) and not parser.options.propagate_positions
    return {"table": _shared_actions(table), "builders": parser._parse_tree_builder.rule_builders, "start": start}


def _shared_actions(table: IntParseTable) -> IntParseTable:
    """The table with each action (`(Shift, state)`, `(Reduce, rule)`: a tuple the parser only reads) one object
    wherever it stands: lark makes one for each state and token, 5,900 of which 700 differ, and a pickle keeps
    one object once (loading the kept table: 1.3 -> 0.9 ms)."""
    one: dict[tuple[Any, Any], tuple[Any, Any]] = {}
    states = {s: {token: one.setdefault(a, a) for token, a in actions.items()} for s, actions in table.states.items()}
    return IntParseTable(states, table.start_states, table.end_states)


def save(path: Path, kept: dict[str, Any]) -> None:
    """Keep a parser's tables (`tables`) in `path`, written whole or not at all (one pickle: the table's
    rules are the builders' rules, one object each)."""
    import pickle  # (only where the tables are built: loading them takes pickle's unpickler alone, `_loads`)

    class Pickler(pickle.Pickler):
        """The LALR table's actions are lark's two `Action` objects, which its parser tells apart by identity
        (`action is Shift`): they are pickled as those names of lark's, not as objects of their own."""

        def reducer_override(self, obj: Any) -> Any:
            if obj is Shift:
                return "Shift"
            if obj is Reduce:
                return "Reduce"
            return NotImplemented

    out = io.BytesIO()
    Pickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(kept)
    cachedir.write_atomic(path, out.getvalue())


def load(path: Path) -> dict[str, Any] | None:
    """The tables kept in `path`; None when there is no such file, or it cannot be read, or no one but the
    user may have written it."""
    if not trusted(path):
        return None
    try:
        kept = _loads(path.read_bytes())
        for rule, _ in kept["builders"]:
            rule._deserialize()  # its hash, of names, differs between processes (lark recomputes it too)
        return kept if isinstance(kept["table"], IntParseTable) and isinstance(kept["start"], str) else None
    except Exception:  # unreadable, or written by another lark: built anew
        return None


def trusted(path: Path) -> bool:
    """May this cache file be loaded: a regular file of this user's that no one else can write?"""
    return cachedir.trusted(path)
