"""Vocabularies as data: the word lists and identities tieout reads, one YAML file each, shipped with the
package and extendable from the configuration. Nothing here knows about documents; the layers above read
these tables.
"""

from __future__ import annotations

import marshal
import os
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from tieout.linter.cachedir import cache_dir, private_folder, read_marshalled, sha256, write_atomic


@cache
def load(name: str) -> Any:
    """The parsed YAML file `NAME.yaml` of this package (cached: the files are read once per process).

    Parsing YAML (and importing the parser) costs more than the rest of a command's start-up, so the parsed
    data is kept in the user's cache folder: in marshal's form in a private folder (`_kept`), valid while the
    YAML file is unchanged, and as JSON under the digest of the YAML text (`_parsed`)."""
    # read from the package's folder, as tieout's files are installed (linter/run/cache.py reads them so too):
    # importlib.resources' first call imports its readers and zipfile, 2 ms of a cold `tieout check`
    path = Path(__file__).with_name(f"{name}.yaml")
    kept = _kept(path)
    if kept is None:
        return _parsed(path.read_text(encoding="utf-8"), name)
    file, stamp = kept
    data = read_marshalled(file).get(stamp, _ABSENT)
    if data is _ABSENT:
        data = _parsed(path.read_text(encoding="utf-8"), name)
        try:
            if marshal.loads(marshal.dumps(data)) == data:  # only plain data marshal keeps as it is
                write_atomic(file, marshal.dumps({stamp: data}))
        except ValueError:  # (a value marshal cannot write: the JSON cache alone)
            pass
    return data


_ABSENT = object()


def _kept(path: Path) -> tuple[Path, tuple[str, int, int, int, int, int]] | None:
    """The file keeping a vocabulary's parsed data in marshal's form, and the stamp it is kept under: the YAML
    file's path, device and inode, size and times (modification and change), which an edit, a copy or an
    upgrade changes. Reading the YAML text and its digest for the JSON cache (`_parsed`) was about 2 ms of a
    cold `tieout check` (ten files, 110 KB); a stamp is one `stat`, as Python's own bytecode cache and
    linter/run/entrypoints.py decide. Marshal's form is loaded only from a private folder (linter/cachedir.py),
    as it can hold what `marshal` makes of untrusted bytes; None: no such folder, or no YAML file to stat (its
    reading then fails as without the cache)."""
    folder = private_folder("vocab")
    try:
        st = os.stat(path)
    except OSError:
        return None
    if folder is None:
        return None
    where = str(path)
    stamp = (where, st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    return folder / f"{path.stem}-{sha256(where.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}.marshal", stamp


def _parsed(text: str, name: str) -> Any:
    """The YAML text parsed, through the JSON cache under its digest: an edited vocabulary is parsed again, and
    an unreadable cache entry is only a reason to parse."""
    import json  # (only here: the vocabularies kept in marshal's form are read without it)

    cached = cache_dir() / "vocab" / f"{name}-{sha256(text.encode('utf-8')).hexdigest()[:24]}.json"
    try:
        return json.loads(cached.read_bytes())
    except (OSError, ValueError):
        pass
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(text) or {}
    encoded = json.dumps(data, ensure_ascii=False)
    if json.loads(encoded) == data:  # only data JSON keeps as it is (no dates, no keys that are not strings)
        write_atomic(cached, encoded.encode("utf-8"))
    return data


@cache
def quotients() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """The ratios ratios.yaml defines as quotients written in per cent (资产负债率 = 负债总额 / 资产总额), by name:
    the words of the numerator's and the denominator's names. The plain ones (流动比率 2.58) are left out: no
    column or figure of per cent states them."""
    data = load("ratios").get("quotient") or {}
    return {
        str(name): (tuple(map(str, v["numerator"])), tuple(map(str, v["denominator"])))
        for name, v in data.items()
        if not v.get("plain")
    }


@cache
def margins() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """The ratios ratios.yaml defines as margins ((of − less) / of in per cent: 毛利率 of 营业收入 less 营业成本), by
    name: the words naming the figure it is of and the one taken from it."""
    data = load("ratios").get("margin") or {}
    return {str(name): (tuple(map(str, v["of"])), tuple(map(str, v["less"]))) for name, v in data.items()}


def wordings(name: str, section: str) -> dict[str, list[str]]:
    """`canonical: [wording, …]` of one section of a vocabulary file (every canonical is its own wording)."""
    table = load(name).get(section) or {}
    return {str(k): [str(k), *(str(w) for w in (v or []))] for k, v in table.items()}


@cache
def fund_budgets() -> tuple[str, ...]:
    """The budgets context.yaml names as funds (一般公共预算, 政府性基金预算, …), by their canonical names: a fund
    whose name ends in 预算, whose 预算 names which money, not a plan's stage (its 财政拨款 and 全口径 are no
    budgets of their own)."""
    return tuple(str(k) for k in load("context").get("fund") or {} if str(k).endswith(BUDGET))


# the word a fund budget's name ends in (`一般公共预算`)
BUDGET = "预算"


def words(name: str, section: str) -> list[str]:
    """A plain word list of a vocabulary file."""
    return [str(w) for w in load(name).get(section) or []]


def alternation(values: Iterable[object] | None) -> str:
    """A pattern matching any of the words, escaped, longest first (`上年同期` is tried before `上年`)."""
    return "|".join(re.escape(w) for w in sorted((str(v) for v in values or []), key=len, reverse=True))


def trie_alternation(values: Iterable[object] | None) -> str:
    """The pattern of `alternation` written as a tree of the words' common beginnings (`省本级|省级|本级` as
    `本级|省(?:本级|级)`): the same matches, tried in the same order (of the words the text holds at a position,
    the longest first), but each character of the text is looked at once for all the words that go on with
    it rather than once per word: faster for long lists of words sharing their first characters."""
    tree: dict[str, dict] = {}
    for value in values or []:
        node = tree
        for ch in str(value):
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _branches(tree)


def _branches(node: dict[str, dict]) -> str:
    """The pattern of a node of `trie_alternation`'s tree: what follows it, one branch per next character."""
    branches = [re.escape(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    pattern = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # where a word ends, the longer words are tried first (greedy), then the word itself
    return f"(?:{pattern})?" if "" in node else pattern


def relation_words(name: str) -> str:
    """The alternation of one word list of vocab/relations.yaml."""
    return alternation(words("relations", name))
