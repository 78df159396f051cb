"""Configuration: `tieout.yaml`, `.tieout.yaml` or `[tool.tieout]` in `pyproject.toml`, found from the
checked file's folder upward, validated with pydantic. Command-line flags override it."""

from __future__ import annotations

import fnmatch
import sys
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ClassVar

from tieout.linter.rules.diagnostics import Severity

if TYPE_CHECKING:
    from pydantic import Field, TypeAdapter

CONFIG_NAMES = ("tieout.yaml", ".tieout.yaml", "pyproject.toml")


class ConfigError(Exception):
    """One line naming the file and the key at fault."""


@dataclass(kw_only=True)
class Config:
    """The settings of a file's check. A plain dataclass: most runs read no configuration file and build the
    defaults, which costs no pydantic; the values of a file and of the command line are validated against
    these fields by pydantic (`_validated`), with the constraints the annotations give."""

    # for pydantic: no float may be infinite or NaN (unknown keys are refused by `_validated`)
    __pydantic_config__: ClassVar[dict[str, object]] = {"allow_inf_nan": False}

    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)  # rule code or name → severity
    fail_on: Severity = "warning"
    # how far (in units of a figure's last stated digit) a relation may miss and still be only a rounding finding
    rounding_units: Annotated[Decimal, Field(ge=0, le=10)] = Decimal(1)
    synonyms: dict[str, list[str]] = field(default_factory=dict)
    extra_units: list[str] = field(default_factory=list)
    # bounds on one file: its size (on disk, and inflated: Word XML, PDF streams), its CPU time and the memory
    # it may take; a file past one is reported as too large or too slow and the others are checked
    max_file_size_mb: Annotated[float, Field(gt=0)] = 32.0
    max_file_seconds: Annotated[float, Field(gt=0)] = 60.0
    max_file_memory_mb: Annotated[float, Field(gt=0)] = 512.0
    cross_document: bool = False  # compare reports of one entity and year (also --cross-document)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    # files not checked, as ruff's `exclude` (glob patterns; linter/run/discovery.py): `exclude` replaces the
    # defaults, `extend-exclude` adds to them; `force-exclude` applies them to files named explicitly too
    exclude: list[str] | None = None
    extend_exclude: list[str] = field(default_factory=list)
    force_exclude: bool = False
    source: str | None = None  # the file the settings were read from; not a setting (not in `data`)

    def data(self) -> dict[str, Any]:
        """The settings as JSON-ready data, in the order of the fields (the decimal as a string), without
        `source`: what --show-settings prints and the result cache's key holds."""
        out = self._settings()
        out["rounding_units"] = str(self.rounding_units)
        return out

    def _settings(self) -> dict[str, Any]:
        """The settings by name, in the order of the fields, without `source` (not a setting)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "source"}

    def merged(self, **overrides: object) -> Config:
        if all(v is None for v in overrides.values()):  # nothing from the command line: nothing to validate
            return replace(self)
        data = self._settings()
        data.update({k: v for k, v in overrides.items() if v is not None})
        extra = overrides.get("extend_exclude")
        if isinstance(extra, list):  # --extend-exclude adds to the file's patterns
            data["extend_exclude"] = [*self.extend_exclude, *extra]
        try:
            merged = _validated(data)
        except _Invalid as exc:  # a command-line value out of range
            raise ConfigError(f"{exc.key.replace('_', '-')}: {exc.message}") from None
        merged.source = self.source
        return merged

    def ignored_for(self, path: str) -> list[str]:
        out: list[str] = []
        for pattern, codes in self.per_file_ignores.items():
            if fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(Path(path).name, pattern):
                out.extend(codes)
        return out


def _load_file(path: Path) -> dict[str, Any] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:  # a --config that does not exist, or not text
        raise ConfigError(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
    if path.name == "pyproject.toml":
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover
            import tomli as tomllib
        try:
            data = tomllib.loads(text)
        except Exception as exc:
            raise ConfigError(f"{path}: invalid TOML: {exc}") from None
        table: dict[str, Any] | None = data.get("tool", {}).get("tieout")
        return table
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        data = YAML(typ="safe").load(text)
    except YAMLError as exc:
        raise ConfigError(f"{path}: invalid YAML: {str(exc).splitlines()[0]}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the configuration must be a mapping of keys")
    return data


class _Invalid(Exception):
    """The first mistake pydantic (or the check of the keys) found: the key at fault, and why."""

    def __init__(self, key: str, message: str, unknown: bool = False) -> None:
        super().__init__(f"{key}: {message}")
        self.key, self.message, self.unknown = key, message, unknown


_FIELDS = tuple(f.name for f in fields(Config) if f.name != "source")  # the settings, in order


@lru_cache(maxsize=1)
def _adapter() -> TypeAdapter[Config]:
    """pydantic's validator of `Config`, built on the first configuration that has values to validate.

    The annotations name pydantic's `Field` (for its constraints), which the module imports for type checking
    only: it is placed in the module's namespace now, where pydantic resolves the annotations in every version
    (rather than relying on which calling frame a version reads)."""
    from pydantic import Field, TypeAdapter

    globals()["Field"] = Field
    return TypeAdapter(Config)


def _validated(data: dict[str, Any]) -> Config:
    """`Config(**data)`, each value checked and converted by pydantic (a decimal from a float, a float from an
    int); raises `_Invalid` with the first mistake."""
    from pydantic import ValidationError

    unknown = [k for k in data if k not in _FIELDS]
    try:
        cfg = _adapter().validate_python({k: v for k, v in data.items() if k not in unknown})
    except ValidationError as exc:
        err = exc.errors()[0]
        raise _Invalid(".".join(str(x) for x in err["loc"]) or "?", err["msg"]) from None
    if unknown:  # after the values' mistakes, and worded as pydantic words it for a model that forbids them
        raise _Invalid(unknown[0], "Extra inputs are not permitted", unknown=True)
    return cfg


def parse(data: dict[str, Any], source: str) -> Config:
    data = {str(k).replace("-", "_"): v for k, v in data.items()}
    try:
        cfg = _validated(data)
    except _Invalid as exc:
        hint = ""
        if exc.unknown:  # a mistyped key: the nearest known one
            import difflib  # only for a mistake: not on the start of every check

            near = difflib.get_close_matches(exc.key, _FIELDS, n=1)
            hint = f"; did you mean {near[0].replace('_', '-')!r}?" if near else ""
        raise ConfigError(f"{source}: {exc.key}: {exc.message}{hint}") from None
    cfg.source = source
    return cfg


def load(path: str | Path) -> Config:
    p = Path(path)
    data = _load_file(p)
    return parse(data or {}, str(p))


@lru_cache(maxsize=256)
def discover(directory: str) -> Config:
    """The configuration that applies to files in `directory`: the nearest config file upward."""
    d = Path(directory).resolve()
    for folder in [d, *d.parents]:
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                data = _load_file(candidate)
                if data is None:  # a pyproject.toml without [tool.tieout]
                    continue
                return parse(data, str(candidate))
    return Config()
