"""Vocabularies as data: the word lists and identities tieout reads, one YAML file each, shipped with the
package and extendable from the configuration. Nothing here knows about documents; the layers above read
these tables.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> Any:
    """The parsed YAML file `NAME.yaml` of this package (cached: the files are read once per process)."""
    from ruamel.yaml import YAML

    text = resources.files(__name__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return YAML(typ="safe").load(text) or {}


def wordings(name: str, section: str) -> dict[str, list[str]]:
    """`canonical: [wording, …]` of one section of a vocabulary file (every canonical is its own wording)."""
    table = load(name).get(section) or {}
    return {str(k): [str(k), *(str(w) for w in (v or []))] for k, v in table.items()}


def words(name: str, section: str) -> list[str]:
    """A plain word list of a vocabulary file."""
    return [str(w) for w in load(name).get(section) or []]
