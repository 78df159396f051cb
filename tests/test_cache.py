"""The result cache (linter/run/cache.py): an unchanged file's result is read back, never recomputed; a
change of the file, its configuration or the code is another key; a corrupt or foreign entry is a miss;
concurrent writers leave only whole entries; `--no-cache` neither reads nor writes."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import threading
import zlib
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from tieout.linter.cli import main
from tieout.linter.run import cache as cache_mod
from tieout.linter.run import engine
from tieout.linter.run.config import Config
from tieout.linter.run.results import FileResult

from .conftest import ROOT

# reports of our own (the seeds of ../shared may be absent): one with findings, and the genre samples
SEED = ROOT / "fixtures" / "genres_errors" / "juesuan_with_errors.txt"
REPORTS = [SEED, *sorted((ROOT / "fixtures" / "genres").glob("*.txt"))]


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A fresh cache folder, and a report copied where the test may change it."""
    monkeypatch.setenv("TIEOUT_CACHE_DIR", str(tmp_path / "cache"))
    report = tmp_path / "report.txt"
    shutil.copy(SEED, report)
    return tmp_path


def tieout(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(list(args))
    return code, out.getvalue()


def entries(folder: Path) -> list[Path]:
    return sorted(p for p in (folder / "cache" / "results").rglob("*") if p.is_file())


def no_engine(monkeypatch) -> None:
    """From here on, checking a file (rather than reading its result) fails the test."""

    def fail(*args, **kwargs):
        raise AssertionError("the file was checked again instead of read from the cache")

    monkeypatch.setattr(engine, "lint_path", fail)


@pytest.mark.parametrize("fmt", ["json", "human"])
def test_second_run_reads_the_cache_and_prints_the_same(folder, monkeypatch, fmt):
    report = str(folder / "report.txt")
    first = tieout("check", "--no-progress", "--format", fmt, report)
    assert len(entries(folder)) == 1
    no_engine(monkeypatch)
    assert tieout("check", "--no-progress", "--format", fmt, report) == first


def test_changed_file_or_configuration_is_checked_again(folder, monkeypatch):
    report = folder / "report.txt"
    code, out = tieout("check", "--no-progress", "--format", "json", str(report))
    before = json.loads(out)["files"][0]["diagnostics"]
    assert before  # the seed has findings
    tieout("check", "--no-progress", "--format", "json", "--ignore", before[0]["code"], str(report))
    assert len(entries(folder)) == 2  # another configuration, another entry
    report.write_text(
        report.read_text(encoding="utf-8") + "\n\n本年收入合计 10 万元，其中：甲收入 6 万元，乙收入 7 万元。\n", "utf-8"
    )
    code, out = tieout("check", "--no-progress", "--format", "json", str(report))
    assert len(entries(folder)) == 3
    assert json.loads(out)["files"][0]["diagnostics"] != before


def test_no_cache_neither_reads_nor_writes(folder, monkeypatch):
    report = str(folder / "report.txt")
    tieout("check", "--no-progress", "--no-cache", report)
    assert entries(folder) == []
    tieout("check", "--no-progress", report)
    calls = []
    real = engine.lint_path
    monkeypatch.setattr(engine, "lint_path", lambda *a, **k: calls.append(a) or real(*a, **k))
    tieout("check", "--no-progress", "--no-cache", report)
    assert len(calls) == 1


@pytest.mark.parametrize("damage", [b"", b"not zlib at all", None])
def test_corrupt_entry_is_a_miss_and_is_rewritten(folder, damage):
    report = str(folder / "report.txt")
    first = tieout("check", "--no-progress", "--format", "json", report)
    (entry,) = entries(folder)
    if damage is None:  # a whole entry, but of another key
        raw = json.loads(zlib.decompress(entry.read_bytes()))
        raw["key"] = "f" * 64
        entry.write_bytes(zlib.compress(json.dumps(raw).encode()))
    else:
        entry.write_bytes(damage)
    assert tieout("check", "--no-progress", "--format", "json", report) == first
    assert cache_mod.open_cache().get(entry.name) is not None  # written again, whole


def test_concurrent_writers_leave_whole_entries(tmp_path):
    cache = cache_mod.ResultCache(tmp_path / "results", "stamp")
    report = tmp_path / "r.txt"
    shutil.copy(SEED, report)
    result, text = engine.lint_path(str(report), Config())
    key = cache.key(str(report), Config())
    assert key is not None
    seen: list[tuple[FileResult, str] | None] = []

    def work() -> None:
        for _ in range(20):
            cache.put(key, result, text)
            seen.append(cache.get(key))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(s is not None and s[0] == result and s[1] == text for s in seen)
    assert [p.name for p in (tmp_path / "results").rglob("*") if p.is_file()] == [key]  # no temporary files left


def test_unwritable_cache_folder_still_checks(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("TIEOUT_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(cache_mod, "_open", cache_mod._open.__wrapped__)  # not the session's cache object
    code, out = tieout("check", "--no-progress", "--format", "json", str(SEED))
    assert json.loads(out)["files"][0]["diagnostics"]


def test_key_depends_on_code_stamp(tmp_path):
    report = tmp_path / "r.txt"
    shutil.copy(SEED, report)
    a = cache_mod.ResultCache(tmp_path, "one").key(str(report), Config())
    b = cache_mod.ResultCache(tmp_path, "two").key(str(report), Config())
    assert a and b and a != b


def test_lean_start(tmp_path):
    """`tieout rules` and `tieout explain` import neither lark, pydantic, the YAML parser nor the engine, even when
    their reference is built afresh from the rule classes (a cache folder of its own: with the user's, a reference
    kept from an earlier run hid a check module importing the sentence reader at its top)."""
    probe = (
        "import io, sys, contextlib\n"
        "from tieout.linter.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['rules']); main(['explain', 'TO101'])\n"
        "heavy = [m for m in ('lark', 'pydantic', 'tieout.linter.run.engine', 'tieout.linter.facts.build')"
        " if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TIEOUT_CACHE_DIR": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""


def test_lean_check(tmp_path):
    """`tieout check` of one text report, with no configuration file nor setting to validate, imports only what
    it uses: no pydantic (the configuration's validator), nothing for workers or Word/PDF input, nothing of lark
    that builds a parser from a grammar (the sentence parser is loaded from its kept tables)."""
    report = tmp_path / "r.txt"
    shutil.copy(SEED, report)
    probe = (
        "import io, sys, contextlib\n"
        "from tieout.linter.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main(['check', '--no-progress', '--no-cache', {str(report)!r}])\n"
        "heavy = ('pydantic', 'multiprocessing', 'docx', 'pdfplumber', 'pypdfium2', 'lark.lark', 'lark.load_grammar')\n"
        "heavy = [m for m in heavy if m in sys.modules]\n"
        "print(code, ','.join(heavy))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split(" ", 1)[1].strip() == ""


def test_lark_entered_by_halves_is_whole_when_asked():
    """Loaded for its LALR runtime only (linter/parse/lalr.py), lark is the whole of lark to code asking the
    package for a name."""
    probe = (
        "import sys\n"
        "import tieout.linter.parse.lalr\n"
        "before = 'lark.lark' in sys.modules\n"
        "import lark\n"
        "from lark import Lark\n"
        "parser = Lark('start: A+\\nA: \"a\"', parser='lalr')\n"
        "print(before, lark.__version__ == sys.modules['lark'].__version__, len(parser.parse('aaa').children))\n"
    )
    assert _printed(probe) == ["False", "True", "3"]


def test_lark_runtime_needing_its_package_is_imported_whole():
    """A lark whose LALR runtime cannot be imported without the package's `__init__` having run (simulated: a
    finder refusing `lark.parse_tree_builder` until `lark.lark` is loaded) is imported whole, and tieout parses
    a sentence as before."""
    probe = (
        "import sys, importlib.abc\n"
        "class Refuse(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name == 'lark.parse_tree_builder' and 'lark.lark' not in sys.modules:\n"
        "            raise ImportError('needs lark.__init__')\n"
        "        return None\n"
        "sys.meta_path.insert(0, Refuse())\n"
        "from tieout.linter.parse import sentences\n"
        "tree = sentences.parser()\n"
        "print('lark.lark' in sys.modules, type(tree).__name__)\n"
    )
    assert _printed(probe) == ["True", "KeptParser"]


def _printed(probe: str) -> list[str]:
    """The words a fresh interpreter running `probe` (with this process's import path) prints."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split()


def test_hits_and_misses_mixed_keep_the_order(folder):
    reports = []
    for i in range(6):
        p = folder / f"r{i}.txt"
        shutil.copy(REPORTS[i % len(REPORTS)], p)
        reports.append(str(p))
    tieout("check", "--no-progress", "--format", "json", *reports[::2])  # every other one cached
    fresh = tieout("check", "--no-progress", "--no-cache", "--format", "json", "--jobs", "1", *reports)
    assert tieout("check", "--no-progress", "--format", "json", "--jobs", "2", *reports) == fresh
    assert len(entries(folder)) == 6


def test_workers_only_for_a_batch_worth_them(tmp_path, monkeypatch):
    from tieout.linter.run import batch

    monkeypatch.setattr(batch, "default_jobs", lambda: 2)
    small = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for p in small:
        p.write_text("收入 1 万元。\n" * 10, encoding="utf-8")
    assert batch.auto_jobs([str(p) for p in small]) == 1
    large = [tmp_path / "c.txt", tmp_path / "d.txt"]
    for p in large:
        p.write_bytes(SEED.read_bytes() * 20)  # 28 KB each, 56 KB together: past PARALLEL_MIN_BYTES
    assert batch.auto_jobs([str(p) for p in large]) == 2
    assert batch.auto_jobs([str(large[0])]) == 1


def test_lazy_patterns_compile_on_first_use():
    """A pattern made with `lazy` is compiled by its first call, then answers as the compiled pattern does."""
    import re

    from tieout.linter.patterns import lazy

    text = "收入合计100万元，支出90万元"
    pattern = lazy(r"[\u4e00-\u9fff]{2}(?P<n>\d+)")
    compiled = re.compile(r"[\u4e00-\u9fff]{2}(?P<n>\d+)")
    assert "search" not in vars(pattern)  # nothing compiled yet
    assert pattern.search(text).group("n") == compiled.search(text).group("n") == "100"
    assert vars(pattern)["finditer"].__self__ is vars(pattern)["search"].__self__  # one compiled pattern, kept
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert pattern.sub("", text, count=1) == compiled.sub("", text, count=1)
    assert pattern.findall(text) == compiled.findall(text) and pattern.split(text) == compiled.split(text)
    assert pattern.match(text) is None and pattern.fullmatch("合计1") is not None


def test_patterns_are_stand_ins_that_answer_as_the_compiled_pattern():
    """`regex` compiles a pattern on first use; what a compiled pattern tells of itself, its stand-in tells,
    and it pickles (to workers) and compares as the pattern."""
    import pickle
    import re

    from tieout.linter.patterns import regex

    source, flags = r"(?P<year>20\d{2})\s*年(度)?", re.I
    pattern, compiled = regex(source, flags), re.compile(source, flags)
    assert "search" not in vars(pattern)  # nothing compiled yet
    assert (pattern.pattern, pattern.flags, pattern.groups) == (compiled.pattern, compiled.flags, compiled.groups)
    assert pattern.groupindex == compiled.groupindex and repr(pattern) == repr(compiled)
    assert pattern == compiled and pattern == regex(source, flags) and hash(pattern) == hash(compiled)
    again = pickle.loads(pickle.dumps(pattern))
    assert again == compiled and again.search("2024年度").group("year") == "2024"
    assert pattern.pattern == compiled.pattern


def test_cache_files_written_whole_private_and_named_by_sha256(tmp_path):
    """A cache file is written whole through a new private file renamed over it (none left behind), and the
    digests naming cache files are SHA-256's, whichever implementation computes them."""
    import hashlib

    from tieout.linter import cachedir

    path = tmp_path / "kept" / "entries.bin"
    assert cachedir.write_atomic(path, b"one") and cachedir.write_atomic(path, b"two")
    assert path.read_bytes() == b"two" and [p.name for p in path.parent.iterdir()] == ["entries.bin"]
    if hasattr(os, "getuid"):
        assert path.stat().st_mode & 0o777 == 0o600
    text = "部门预算 vocabulary".encode()
    assert cachedir.sha256(text).hexdigest() == hashlib.sha256(text).hexdigest()
