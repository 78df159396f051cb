"""The plugin manager, built once per process from the `tieout.checks` entry points."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import lru_cache
from types import FunctionType, MethodType, ModuleType
from typing import TYPE_CHECKING, TextIO, cast

import pluggy
from tieout.linter.rules import hooks as hookspecs
from tieout.linter.rules.base import Rule
from tieout.linter.run.entrypoints import GROUP, discover, load

if TYPE_CHECKING:  # listing the rules needs no results' models (pydantic)
    from tieout.linter.run.results import Reporter


_ABSENT = object()


class _Manager(pluggy.PluginManager):
    """pluggy's plugin manager, which looks at every name of a plugin for its hook implementations, each by a
    static attribute lookup (`inspect.getattr_static`): the check modules hold some 750 names (their imports,
    classes, constants), and that lookup was a fortieth of a cold `tieout check`. A module's name that is not
    in the module's dictionary is looked up as pluggy does; one that is a plain function in it is a hook
    implementation exactly when it carries the marker (the function is what pluggy reads it from), and one
    that is no function, static, class or bound method is none (pluggy skips those). Dunders are read so too
    (`__doc__`, `__spec__`, `__builtins__` …, nine in every module: a hundred and more static lookups)."""

    def parse_hookimpl_opts(self, plugin: object, name: str) -> pluggy.HookimplOpts | None:
        if isinstance(plugin, ModuleType):
            value = vars(plugin).get(name, _ABSENT)
            if isinstance(value, FunctionType):
                opts = getattr(value, self.project_name + "_impl", None)
                return cast("pluggy.HookimplOpts", opts) if isinstance(opts, dict) else None
            if value is not _ABSENT and not isinstance(value, (staticmethod, classmethod, MethodType)):
                return None
        return super().parse_hookimpl_opts(plugin, name)


class Plugins:
    """The registered plugins and what they contribute: rules, label synonyms, output formats."""

    def __init__(self) -> None:
        self.pm = _Manager(hookspecs.PROJECT)
        self.pm.add_hookspecs(hookspecs)
        self.errors: list[str] = []
        for name, value in discover(GROUP):
            try:
                self.pm.register(load(value), name=name)
            except Exception as exc:  # a broken plugin is reported; the rest still run
                self.errors.append(f"plugin {name!r} ({value}) failed to load: {type(exc).__name__}: {exc}")
        self.rules: list[type[Rule]] = []
        seen: set[str] = set()
        for batch in self.pm.hook.tieout_rules():
            for rule in batch or []:
                if rule.code in seen:
                    self.errors.append(f"rule {rule.code} registered twice; keeping the first")
                    continue
                seen.add(rule.code)
                self.rules.append(rule)
        # rules are independent (each a function of the facts): they run, and are listed, by code
        self.rules.sort(key=lambda r: r.code)
        self.by_code = self.rules
        self.synonyms: dict[str, list[str]] = {}
        for extra in self.pm.hook.tieout_synonyms():
            self.synonyms.update(extra or {})
        self.reporters: dict[str, Callable[[TextIO], Reporter]] = {}  # a format's name → its reporter class
        for extra in self.pm.hook.tieout_reporters():
            self.reporters.update(extra or {})


@lru_cache(maxsize=1)
def plugins() -> Plugins:
    p = Plugins()
    for err in p.errors:
        print(f"tieout: {err}", file=sys.stderr)
    return p
