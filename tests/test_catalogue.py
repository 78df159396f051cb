"""The cached plugin discovery and rule reference (linter/run/entrypoints.py, linter/run/catalogue.py): what
they return is what a full scan and the rule classes give, and any change they depend on is seen."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from tieout.linter.run import catalogue, entrypoints
from tieout.linter.run.plugins import plugins


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("TIEOUT_CACHE_DIR", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "private"))  # (the private folders: tieout/NAME)
    return folder


def _discovered(tmp_path: Path) -> list[Path]:
    """The files keeping the discovered entry points: in marshal's form in the private folder, where there is
    one, else as JSON in the cache folder."""
    private = tmp_path / "private" / "tieout" / "plugins"
    return list(private.iterdir() if private.is_dir() else (tmp_path / "cache" / "entry-points").iterdir())


def _counting(monkeypatch, module, name: str) -> list[int]:
    calls: list[int] = []
    real = getattr(module, name)

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_discovery_is_kept_until_a_distribution_changes(cache, tmp_path, monkeypatch):
    scans = _counting(monkeypatch, entrypoints, "_scan")
    first = entrypoints.discover(entrypoints.GROUP)
    assert first == entrypoints._scan(entrypoints.GROUP)  # the scan's own answer
    assert ("sums", "tieout.checks.sums") in first
    scans.clear()
    assert entrypoints.discover(entrypoints.GROUP) == first and not scans  # read from the cache
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))  # a folder added to the path: scanned again
    entrypoints.discover(entrypoints.GROUP)
    assert len(scans) == 1
    (site / "report.txt").write_text("", encoding="utf-8")  # a file that is no distribution: its folder's time
    os.utime(site, ns=(1, 1))  # moves, and nothing is scanned again
    assert entrypoints.discover(entrypoints.GROUP) == first and len(scans) == 1
    (site / "example-1.0.dist-info").mkdir()  # a distribution installed there
    entrypoints.discover(entrypoints.GROUP)
    assert len(scans) == 2
    os.utime(site / "example-1.0.dist-info", ns=(2, 2))  # … installed again under the same name
    os.utime(site, ns=(3, 3))
    entrypoints.discover(entrypoints.GROUP)
    assert len(scans) == 3
    files = _discovered(tmp_path)
    assert len(files) == 2  # one file per search path (the one with `site` in front), replaced, not one per state
    for f in files:
        f.write_text("{not json", encoding="utf-8")  # (nor marshal's form)
    assert entrypoints.discover(entrypoints.GROUP) == first and len(scans) == 4


def test_the_first_path_folder_is_not_in_the_file_name(cache, tmp_path, monkeypatch):
    """The folder run from (`python -m`: the first entry of `sys.path`) is compared, but running from many
    folders does not leave a file for each, and running from two in turn does not scan at each run."""
    scans = _counting(monkeypatch, entrypoints, "_scan")
    here = sys.path[0]
    entrypoints.discover(entrypoints.GROUP)
    other = tmp_path / "project"
    other.mkdir()
    for first in (str(other), here, str(other), here):
        monkeypatch.setattr(sys, "path", [first, *sys.path[1:]])
        entrypoints.discover(entrypoints.GROUP)
    assert len(scans) == 2
    assert len(_discovered(tmp_path)) == 1


def test_without_a_private_folder_the_discovery_is_kept_as_json(cache, monkeypatch):
    monkeypatch.setattr(entrypoints, "private_folder", lambda name: None)
    scans = _counting(monkeypatch, entrypoints, "_scan")
    first = entrypoints.discover(entrypoints.GROUP)
    assert entrypoints.discover(entrypoints.GROUP) == first and len(scans) == 1  # read back from the JSON
    (kept,) = (cache / "entry-points").iterdir()
    assert kept.suffix == ".json"


def test_load_reads_module_and_attribute_paths():
    assert entrypoints.load("json") is json
    assert entrypoints.load("os.path:join") is os.path.join
    assert entrypoints.load("os:path.join [extra]") is os.path.join


def _plain(infos) -> list[tuple]:
    return [(i.code, i.name, i.severity, i.summary(), i.documentation()) for i in infos]


def test_reference_is_the_rule_classes_and_is_kept(cache, monkeypatch):
    classes = [(r.code, r.name, r.severity, r.summary(), r.documentation()) for r in plugins().rules]
    assert _plain(catalogue.rules()) == classes
    loads = _counting(monkeypatch, catalogue, "_from_classes")
    assert _plain(catalogue.rules()) == classes and not loads  # read back from the cache as it was


def test_an_edited_source_is_read_again(cache, tmp_path, monkeypatch):
    source = tmp_path / "rule.py"
    source.write_text("A = 1\n", encoding="utf-8")
    monkeypatch.setattr(catalogue, "_sources", lambda value: source)
    loads = _counting(monkeypatch, catalogue, "_from_classes")
    catalogue.rules()
    catalogue.rules()
    assert len(loads) == 1
    source.write_text("A = 2\n", encoding="utf-8")
    catalogue.rules()
    assert len(loads) == 2


def test_a_reference_with_a_failed_plugin_is_not_kept(cache, monkeypatch):
    real = catalogue._from_classes
    monkeypatch.setattr(catalogue, "_from_classes", lambda: (real()[0], False))
    assert catalogue.rules()
    assert not (cache / "rules").exists()


def test_each_environment_keeps_its_own_discovery(cache, monkeypatch):
    """Two virtual environments that run tieout in turn do not replace each other's cached discovery."""
    scans = _counting(monkeypatch, entrypoints, "_scan")
    first = entrypoints.discover(entrypoints.GROUP)
    monkeypatch.setattr(sys, "prefix", sys.prefix + "-other")
    assert entrypoints.discover(entrypoints.GROUP) == first and len(scans) == 2  # the other one: its own scan
    monkeypatch.setattr(sys, "prefix", sys.prefix.removesuffix("-other"))
    assert entrypoints.discover(entrypoints.GROUP) == first and len(scans) == 2  # the first one's file stands
    assert len(_discovered(cache.parent)) == 2


def test_every_built_in_check_module_is_installed():
    """The built-in checks tieout runs are those its installed metadata lists: an install older than
    pyproject.toml (an editable install made before a check module was added) silently drops that module's
    rules, and with them their rule cases. Reinstall (`pip install -e .`) when this fails."""
    tomllib = pytest.importorskip("tomllib")  # (Python 3.11+)
    declared = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = set(declared["project"]["entry-points"][entrypoints.GROUP].items())
    assert wanted <= set(entrypoints._scan(entrypoints.GROUP)), "reinstall: pip install -e ."
