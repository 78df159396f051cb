"""Issue 15, the pinned regressions of the command line: hostile files, special files, output-side errors,
writes that fail, signals and dead workers. Each ends in one line on stderr and its exit code, the other
files still reported, never a traceback; the hostile files are made here (tests/hostile.py)."""

from __future__ import annotations

import errno
import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from tieout.linter.cli import main
from tieout.linter.parse import grammar_cache
from tieout.linter.run import files as files_module
from tieout.linter.run.config import Config
from tieout.linter.run.discovery import Excluder, Found, walk

from . import hostile
from .conftest import ROOT


def tieout(*args: str, **kwargs: Any) -> subprocess.CompletedProcess:
    """`tieout check …` in a process of its own (what a signal, a FIFO or a closed stdout need)."""
    return subprocess.run(
        [sys.executable, "-m", "tieout.linter", "check", "--no-progress", *args],
        capture_output=kwargs.pop("capture_output", True),
        cwd=kwargs.pop("cwd", ROOT),
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        timeout=kwargs.pop("timeout", 120),
        **kwargs,
    )


def errors(stderr: bytes | str) -> list[str]:
    text = stderr.decode() if isinstance(stderr, bytes) else stderr
    assert "Traceback" not in text
    return text.splitlines()


@pytest.fixture
def good(tmp_path: Path) -> Path:
    p = tmp_path / "good.txt"
    p.write_text(hostile.REPORT, encoding="utf-8")
    return p


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], list[str]]:
    """`tieout check … --format json` in this process: exit code, the files reported, stderr lines."""
    code = main(["check", "--no-progress", "-j", "1", "--format", "json", *args])
    out, err = capsys.readouterr()
    reported = [f["path"] for f in json.loads(out)["files"]] if out.strip() else []
    return code, reported, errors(err)


# --- files that inflate, XML that expands, special files -------------------------------------------------


def test_word_file_inflating_past_the_limit(tmp_path, good, capsys):
    bomb = hostile.docx_bomb(tmp_path / "bomb.docx", 2 * 1024 * 1024)  # 2 MB of XML, 2 KB on disk
    assert bomb.stat().st_size < 20_000
    code, reported, err = run_main(capsys, str(bomb), str(good), "--max-file-size", "1")
    assert code == 2 and reported == [str(good)]
    assert len(err) == 1 and err[0].startswith(f"tieout: {bomb}: word/document.xml inflates to 2 MB, more than")


def test_pdf_stream_inflating_past_the_limit(tmp_path, good, capsys):
    bomb = hostile.pdf_bomb(tmp_path / "bomb.pdf", 8 * 1024 * 1024)
    assert bomb.stat().st_size < 100_000
    code, reported, err = run_main(capsys, str(bomb), str(good), "--max-file-size", "1")
    assert code == 2 and reported == [str(good)]
    assert len(err) == 1 and "inflates to more than" in err[0]


def test_a_page_of_a_thousand_lines_is_read_in_bounded_time(tmp_path, good, capsys):
    pdf = hostile.pdf_many_lines(tmp_path / "lines.pdf", 1000)
    start = time.process_time()
    code, reported, err = run_main(capsys, str(pdf), str(good))
    assert time.process_time() - start < 20  # 59 s and 1.5 GB before issue 15
    assert reported == [str(pdf), str(good)] and err == []


def test_external_entities_read_no_local_file(tmp_path, capsys):
    secret = tmp_path / "secret.txt"
    secret.write_text("机密 收入合计 9 万元", encoding="utf-8")
    xxe = hostile.docx_xxe(tmp_path / "xxe.docx", secret)
    code = main(["check", "--no-progress", "-j", "1", "--format", "json", str(xxe)])
    out, err = capsys.readouterr()
    assert "机密" not in out and "机密" not in err and "Traceback" not in err
    assert code in (0, 2)


def test_billion_laughs_is_refused(tmp_path, good, capsys):
    laughs = hostile.docx_laughs(tmp_path / "laughs.docx")
    code, reported, err = run_main(capsys, str(laughs), str(good))
    assert code == 2 and reported == [str(good)]
    assert len(err) == 1 and str(laughs) in err[0]


def test_fifo_and_devices_are_refused_not_waited_for(tmp_path, good):
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)  # no writer: reading it would block for ever
    proc = tieout("--format", "json", str(fifo), "/dev/zero", str(good), timeout=60)
    assert proc.returncode == 2
    assert [f["path"] for f in json.loads(proc.stdout)["files"]] == [str(good)]
    err = errors(proc.stderr)
    assert len(err) == 2 and all("not a regular file" in line for line in err)


def test_stdin_is_read_to_the_size_limit_and_no_further():
    with open("/dev/zero", "rb") as zero:
        proc = tieout("-", "--max-file-size", "1", stdin=zero, timeout=60)
    assert proc.returncode == 2
    assert errors(proc.stderr) == ["tieout: <stdin>: more than the limit of 1 MB (raise it with --max-file-size)"]


def test_nul_bytes_in_text_are_a_note_not_a_refusal(tmp_path, capsys):
    nul = tmp_path / "nul.txt"
    nul.write_bytes(hostile.REPORT.encode() + b"\0\0")
    code, reported, err = run_main(capsys, str(nul))
    assert code == 1 and reported == [str(nul)]  # its TO102 is reported
    assert err == [f"tieout: {nul}: 2 NUL bytes ignored (debris of an extraction tool?)"]


# --- per-file budgets -----------------------------------------------------------------------------------


def test_a_file_over_its_cpu_budget_is_reported_and_the_batch_goes_on(tmp_path, good, capsys):
    big = tmp_path / "big.txt"
    sample = (ROOT / "fixtures" / "genres" / "yusuan_zhixing_baogao.txt").read_text(encoding="utf-8")
    big.write_text(sample * 100, encoding="utf-8")  # 250 KB of report: seconds of CPU time
    (tmp_path / "tieout.yaml").write_text("max-file-seconds: 0.3\n", encoding="utf-8")
    code, reported, err = run_main(capsys, str(big), str(good))
    assert code == 2 and reported == [str(good)]
    assert err == [f"tieout: {big}: not checked: took more than 0.3 s of CPU time (max-file-seconds)"]


def test_a_file_over_its_memory_budget_is_reported_and_the_batch_goes_on(tmp_path, good):
    """In a process of its own: the budget counts the growth of resident memory, which a long-lived process
    (this one) may not show, having freed memory of its own to reuse."""
    big = tmp_path / "big.txt"
    big.write_text("3.人员经费" * 20000, encoding="utf-8")  # 200 KB in one sentence: some 25 MB
    (tmp_path / "tieout.yaml").write_text("max-file-memory-mb: 8\n", encoding="utf-8")
    proc = tieout("-j", "1", "--format", "json", str(big), str(good))
    assert proc.returncode == 2
    assert [f["path"] for f in json.loads(proc.stdout)["files"]] == [str(good)]
    assert errors(proc.stderr) == [f"tieout: {big}: not checked: needed more than 8 MB of memory (max-file-memory-mb)"]


# --- folders --------------------------------------------------------------------------------------------


def test_walks_report_what_they_skip(tmp_path, monkeypatch):
    top = tmp_path / "reports"
    (top / "a").mkdir(parents=True)
    (top / "a" / "r.txt").write_text(hostile.REPORT, encoding="utf-8")
    (top / "a" / "loop").symlink_to("..")
    (top / "a" / "dead.txt").symlink_to("nowhere.txt")
    (top / "locked").mkdir()
    (top / "locked" / "x.txt").write_text(hostile.REPORT, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: Any) -> Any:  # as a user without the right to read `locked` (the tests may run as root)
        if Path(path).name == "locked":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = Found()
    assert walk(top, Excluder.of(Config()), found) == 1
    assert found.files == [str(top / "a" / "r.txt")]
    assert sorted(found.errors) == sorted(
        [
            f"{top / 'a' / 'dead.txt'}: symbolic link that leads nowhere or loops, skipped",
            f"{top / 'a' / 'loop'}: symbolic link to a folder already walked (a loop?), skipped",
            f"{top / 'locked'}: cannot read this folder (Permission denied), its reports are not checked",
        ]
    )


# --- output-side errors and writes ----------------------------------------------------------------------


def test_closed_or_full_stdout_is_one_line_and_exit_2(good):
    closed = tieout(str(good), preexec_fn=lambda: os.close(1), capture_output=False, stderr=subprocess.PIPE)
    assert closed.returncode == 2
    assert errors(closed.stderr) == ["tieout: cannot write the output: standard output is closed"]
    with open("/dev/full", "w") as full:
        proc = tieout(str(good), capture_output=False, stdout=full, stderr=subprocess.PIPE)
    assert proc.returncode == 2
    assert errors(proc.stderr) == ["tieout: cannot write the output: No space left on device"]


def test_a_reader_that_stops_reading_ends_the_run_quietly(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for k in range(30):
        (folder / f"r{k:02d}.txt").write_text(hostile.REPORT * 50, encoding="utf-8")
    proc = subprocess.run(
        f"{sys.executable} -m tieout.linter check --no-progress -j 1 {folder} | head -c 100 > /dev/null",
        shell=True,
        capture_output=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert errors(proc.stderr) == []


def test_usage_errors_of_the_output_side(tmp_path, good, capsys):
    bad = tmp_path / "baseline.json"
    bad.write_text("{not json", encoding="utf-8")
    for args, said in (
        (["--baseline", str(bad)], "not a tieout baseline"),
        (["--write-baseline", str(tmp_path / "nodir" / "b.json")], "no such directory"),
        (["--max-file-size", "nan"], "not a positive number of MB"),
        (["--max-file-size", "inf"], "not a positive number of MB"),
    ):
        assert main(["check", "--no-progress", str(good), *args]) == 2
        out, err = capsys.readouterr()
        assert out == "" and said in err and "Traceback" not in err
        assert len([line for line in err.splitlines() if line.startswith("tieout")]) == 1


def test_annotate_never_overwrites_the_report_unless_asked(tmp_path, capsys, monkeypatch):
    report = hostile.docx(tmp_path / "in.docx")
    before = report.read_bytes()
    monkeypatch.chdir(tmp_path)
    for target in ("in.docx", "./in.docx", str(report)):
        assert main(["check", "--no-progress", "in.docx", "--annotate", target]) == 2
        assert "is the report itself" in capsys.readouterr().err
        assert report.read_bytes() == before
    assert main(["check", "--no-progress", "in.docx", "--annotate", "nodir/out.docx"]) == 2
    assert "no such directory" in capsys.readouterr().err
    assert main(["check", "--no-progress", "in.docx", "--annotate", "in.docx", "--annotate-in-place"]) == 1
    assert report.read_bytes() != before and "wrote in.docx with 1 comment" in capsys.readouterr().err
    assert main(["check", "--no-progress", "in.docx"]) == 1  # the annotated report is still a report


class _FailingFile:
    """A file that takes `room` bytes and then fails as a full disk does."""

    def __init__(self, real: Any, room: int) -> None:
        self.real, self.room = real, room

    def write(self, data: bytes) -> int:
        if len(data) > self.room:
            self.real.write(data[: self.room])
            raise OSError(errno.ENOSPC, "No space left on device")
        self.room -= len(data)
        return self.real.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def __enter__(self) -> _FailingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.real.close()


def fill_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, writes through linter/run/files.py fail after 200 bytes."""
    real_fdopen = os.fdopen

    class Os:
        def __getattr__(self, name: str) -> Any:
            return getattr(os, name)

        @staticmethod
        def fdopen(fd: int, mode: str = "r") -> _FailingFile:
            return _FailingFile(real_fdopen(fd, mode), 200)

    monkeypatch.setattr(files_module, "os", Os())


def test_a_failed_annotate_write_leaves_the_previous_copy(tmp_path, capsys, monkeypatch):
    report = hostile.docx(tmp_path / "in.docx")
    previous = hostile.docx(tmp_path / "out.docx", "<w:p><w:r><w:t>上一次的批注副本</w:t></w:r></w:p>")
    before = previous.read_bytes()
    fill_disk(monkeypatch)
    code = main(["check", "--no-progress", str(report), "--annotate", str(previous)])
    err = capsys.readouterr().err
    assert code == 2 and "cannot write the annotated copy (No space left on device)" in err
    assert previous.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.docx", "out.docx"]  # no temporary file left


def test_a_failed_baseline_write_leaves_the_previous_baseline(tmp_path, good, capsys, monkeypatch):
    baseline = tmp_path / "base.json"
    assert main(["check", "--no-progress", str(good), "--write-baseline", str(baseline)]) == 0
    before = baseline.read_bytes()
    assert json.loads(before)["findings"]
    good.write_text(hostile.REPORT * 20, encoding="utf-8")  # more findings: a longer baseline
    fill_disk(monkeypatch)
    capsys.readouterr()
    code = main(["check", "--no-progress", str(good), "--write-baseline", str(baseline)])
    err = capsys.readouterr().err
    assert code == 2 and "cannot write the baseline (No space left on device)" in err and "Traceback" not in err
    assert baseline.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["base.json", "good.txt"]


# --- signals and workers --------------------------------------------------------------------------------


def _batch(tmp_path: Path, n: int = 24) -> list[str]:
    sample = (ROOT / "fixtures" / "genres" / "yusuan_zhixing_baogao.txt").read_text(encoding="utf-8")
    folder = tmp_path / "batch"
    folder.mkdir()
    for k in range(n):
        (folder / f"r{k:02d}.txt").write_text(sample * 6 + hostile.REPORT, encoding="utf-8")
    return sorted(str(p) for p in folder.glob("*.txt"))


def _start(tmp_path: Path, paths: list[str]) -> tuple[subprocess.Popen[bytes], Path]:
    out = tmp_path / "out.json"
    proc = subprocess.Popen(
        [sys.executable, "-m", "tieout.linter", "check", "--no-progress", "-j", "2", "--format", "json", *paths],
        stdout=out.open("wb"),
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        start_new_session=True,  # its own process group: Ctrl-C is sent to the group, as a terminal does
    )
    deadline = time.monotonic() + 120
    while '"path"' not in out.read_text(encoding="utf-8"):  # the first file is reported: the workers are busy
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    return proc, out


def _workers(pid: int) -> list[int]:
    kids = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(k) for k in kids.read_text().split()] if kids.exists() else []


def _busy_worker(pid: int) -> int:
    """A worker checking a file (running, 'R'), not one idle between files (sleeping on its pipe, 'S'): one
    killed while idle costs no file, since a new worker takes the file it is handed next. Picking any worker
    made the test fail when the kill fell between two files (once in CI, with the machine loaded)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for w in _workers(pid):
            try:
                if Path(f"/proc/{w}/stat").read_text().rsplit(")", 1)[1].split()[0] == "R":
                    return w
            except (OSError, IndexError):
                continue
        time.sleep(0.002)
    raise AssertionError("no worker was seen checking a file")


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_ends_a_parallel_run_cleanly(tmp_path, sig, code):
    paths = _batch(tmp_path)
    proc, out = _start(tmp_path, paths)
    workers = _workers(proc.pid)
    assert len(workers) == 2
    if sig == signal.SIGINT:
        os.killpg(proc.pid, sig)  # Ctrl-C reaches the whole process group
    else:
        proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code
    [line] = errors(err)
    assert line.startswith(f"tieout: interrupted ({sig.name}): ") and line.endswith(f" of {len(paths)} files reported")
    data = json.loads(out.read_text(encoding="utf-8"))  # well-formed: each file reported whole
    assert 1 <= len(data["files"]) < len(paths)
    assert [f["path"] for f in data["files"]] == paths[: len(data["files"])]
    time.sleep(0.2)
    assert not [w for w in workers if _alive(w)]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_killed_worker_costs_its_file_a_line_and_the_batch_goes_on(tmp_path):
    paths = _batch(tmp_path, 16)
    proc, out = _start(tmp_path, paths)
    os.kill(_busy_worker(proc.pid), signal.SIGKILL)  # as the kernel's OOM killer does
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 2
    [line] = errors(err)
    assert "not checked: the process checking it died (killed by SIGKILL, out of memory?)" in line
    reported = [f["path"] for f in json.loads(out.read_text(encoding="utf-8"))["files"]]
    assert len(reported) == len(paths) - 1 and set(reported) < set(paths)


# --- the grammar's table cache --------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_the_grammar_cache_is_private_and_checked(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = grammar_cache.folder()
    assert folder == tmp_path / "tieout" / "grammar"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    cached = folder / "sentence-x.lark"
    cached.write_bytes(b"tables")
    cached.chmod(0o600)
    assert grammar_cache.trusted(cached)
    cached.chmod(0o666)  # anyone may have written it: never loaded
    assert not grammar_cache.trusted(cached)
    cached.unlink()
    cached.symlink_to(tmp_path / "elsewhere")
    assert not grammar_cache.trusted(cached)
    folder.chmod(0o777)
    assert grammar_cache.folder() is None  # a folder others can write is no cache at all
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")
    assert grammar_cache.folder() is None


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_the_kept_tables_parse_as_the_tables_built(tmp_path, monkeypatch):
    """The parser of the kept tables (objects, not lark's cache format) is lark's LALR parser with the table
    of the parser lark built from the grammar, its actions lark's own, and parses as that parser does; a
    damaged file is built anew."""
    from lark import Lark
    from lark.parsers.lalr_analysis import Reduce, Shift
    from tieout.linter.figures.quantities import extract
    from tieout.linter.parse import sentences
    from tieout.linter.parse.tokens import tokenize
    from tieout.linter.text.normalise import normalise

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    grammar = (Path(sentences.__file__).parents[2] / "grammar" / "sentence.lark").read_text(encoding="utf-8")
    transformer = sentences.SentenceTransformer([])
    options = dict(parser="lalr", lexer=sentences._TokenStream, transformer=transformer)
    built = Lark(grammar, **options)
    path = grammar_cache.path_for(grammar, options)
    assert path is not None
    grammar_cache.save(path, grammar_cache.tables(built))
    assert grammar_cache.trusted(path)
    tables = grammar_cache.load(path)
    assert tables is not None
    loaded = grammar_cache.KeptParser(tables, transformer)
    assert isinstance(loaded.lalr, grammar_cache._KeptTable)

    def table(states):
        return {k: {t: (a, str(r)) for t, (a, r) in v.items()} for k, v in states.items()}

    assert table(loaded.lalr.parser.parse_table.states) == table(built.parser.parser.parser.parse_table.states)
    actions = {id(a) for v in loaded.lalr.parser.parse_table.states.values() for a, _ in v.values()}
    assert actions == {id(Shift), id(Reduce)}
    doc = normalise(
        "2024年部门支出合计1,200.50万元，其中：基本支出800.20万元，占66.66%；项目支出400.30万元，比上年增长5.2%。"
    )
    transformer.qs = quantities = extract(doc)
    toks = [t.lark() for t in tokenize(doc.text, 0, len(doc.text), quantities)]
    assert repr(loaded.parse(toks)) == repr(built.parse(toks))
    path.write_bytes(b"not a pickle")
    assert grammar_cache.load(path) is None
    rebuilt = grammar_cache.cached_parser(grammar, options)  # built anew, and kept
    assert grammar_cache.load(path) is not None and repr(rebuilt.parse(toks)) == repr(built.parse(toks))


def test_the_grammar_cache_is_not_in_the_shared_temporary_folder():
    path = grammar_cache.path_for("start: x")
    assert path is None or not str(path).startswith(("/tmp", "/var/tmp"))


@pytest.mark.parametrize("fresh", [False, True])
def test_a_worker_found_dead_when_handed_a_file(good, fresh):
    """Killed while idle (between files): a new worker takes the file. A new worker found dead already costs
    the file a line instead, so that a system killing every worker cannot keep the run going round."""
    from collections import deque

    from tieout.linter.run import batch

    options = batch.Options()
    dead = batch._Worker(options)
    dead.sent = 0 if fresh else 1
    os.kill(dead.proc.pid, signal.SIGKILL)
    dead.proc.join()
    workers, done = [dead], {}
    batch._hand_out(workers, [str(good)], deque([0]), 10, options, done)
    try:
        assert workers[0] is not dead and workers[0].proc.is_alive()
        if fresh:
            assert "the process checking it died (killed by SIGKILL" in (done[0][0].error or "")
        else:
            assert workers[0].busy == 0 and not done
            batch._collect(workers, [str(good)], options, done)
            assert done[0][0].error is None and [d.code for d in done[0][0].diagnostics] == ["TO102"]
    finally:
        workers[0].stop()


def test_a_tick_that_lands_in_a_finaliser_is_not_lost(monkeypatch):
    """Python cannot raise out of a `__del__` (nor a gc or weakref callback): a budget exceeded there is not
    reported as an unraisable error, and the next tick raises it in ordinary code."""
    from tieout.linter.run.budget import OverBudget, budget

    unraisable: list[BaseException | None] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda info: unraisable.append(info.exc_value))

    class Slow:
        def __del__(self) -> None:
            end = time.process_time() + 0.5
            while time.process_time() < end:  # the budget runs out in here
                pass

    with pytest.raises(OverBudget):
        with budget(0.2, 10_000):
            Slow()  # finalised at once
            end = time.process_time() + 5
            while time.process_time() < end:
                pass
    assert unraisable == []
