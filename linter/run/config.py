"""Configuration: `tieout.yaml`, `.tieout.yaml` or `[tool.tieout]` in `pyproject.toml`, found from the
checked file's folder upward, validated with pydantic. Command-line flags override it."""

from __future__ import annotations

import difflib
import fnmatch
import sys
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from tieout.linter.rules.diagnostics import Severity

CONFIG_NAMES = ("tieout.yaml", ".tieout.yaml", "pyproject.toml")


class ConfigError(Exception):
    """One line naming the file and the key at fault."""


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")

    select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    extend_select: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)  # rule code or name → severity
    fail_on: Severity = "warning"
    # how far (in units of a figure's last stated digit) a relation may miss and still be only a rounding finding
    rounding_units: Decimal = Field(default=Decimal(1), ge=0, le=10)
    synonyms: dict[str, list[str]] = Field(default_factory=dict)
    extra_units: list[str] = Field(default_factory=list)
    max_file_size_mb: float = 32
    cross_document: bool = False  # compare reports of one entity and year (also --cross-document)
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict)
    # files not checked, as ruff's `exclude` (glob patterns; linter/run/discovery.py): `exclude` replaces the
    # defaults, `extend-exclude` adds to them; `force-exclude` applies them to files named explicitly too
    exclude: list[str] | None = None
    extend_exclude: list[str] = Field(default_factory=list)
    force_exclude: bool = False
    source: str | None = Field(default=None, exclude=True)

    def merged(self, **overrides: object) -> Config:
        data = self.model_dump()
        data.update({k: v for k, v in overrides.items() if v is not None})
        extra = overrides.get("extend_exclude")
        if isinstance(extra, list):  # --extend-exclude adds to the file's patterns
            data["extend_exclude"] = [*self.extend_exclude, *extra]
        data["source"] = self.source
        return Config(**data)

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


def parse(data: dict[str, Any], source: str) -> Config:
    data = {str(k).replace("-", "_"): v for k, v in data.items()}
    try:
        cfg = Config(**data)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(x) for x in err["loc"]) or "?"
        hint = ""
        if err["type"] == "extra_forbidden":  # a mistyped key: the nearest known one
            near = difflib.get_close_matches(key, [k for k in Config.model_fields if k != "source"], n=1)
            hint = f"; did you mean {near[0].replace('_', '-')!r}?" if near else ""
        raise ConfigError(f"{source}: {key}: {err['msg']}{hint}") from None
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
