"""The corpus check, as ruff's ecosystem check: tieout on every real document of `../shared/corpus` and
`../shared/seeds`, every warning and error compared with a reviewed snapshot.

The snapshot (`tests/corpus/snapshot.yaml`) holds, per document, each warning/error tieout raises with the
reviewer's verdict (`true` / `false`) and one line of reason, judged by reading the document and redoing the
arithmetic. It holds no text of the documents: a finding is keyed by code, place and stated value, and its
message is kept only as a digest (the run prints the messages). The documents are other publishers' files:
they are read in place, never copied here.

    python tests/corpus/corpus_check.py            # run, compare, print precision and flags per document
    python tests/corpus/corpus_check.py --update   # write the snapshot: verdicts kept for unchanged findings,
                                                   # new ones `unjudged` until reviewed
    python tests/corpus/corpus_check.py --show FILE   # the findings of one document, with messages

Exit status: 0 when the findings equal the snapshot and every one is judged, 1 otherwise.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import hashlib
import json
import os
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SHARED = Path(os.environ.get("TIEOUT_SHARED", ROOT.parent / "shared"))
SNAPSHOT = HERE / "snapshot.yaml"
LAST_RUN = ROOT / ".corpus-last-run.json"  # the last run's raw findings, for --reuse (not committed)
SUFFIXES = (".txt", ".md", ".pdf", ".docx")
GENRES = {"seeds": "evaluation (seeds)"}


def documents(shared: Path = SHARED) -> list[tuple[str, Path]]:
    """(name, path) of every corpus and seed document; the name is the path below `shared`."""
    out = []
    for folder in ("corpus", "seeds"):
        base = shared / folder
        if not base.is_dir():
            continue
        for p in sorted(base.rglob("*")):
            rel = p.relative_to(shared)
            if p.is_file() and p.suffix.lower() in SUFFIXES and "truth" not in rel.parts:
                out.append((str(rel), p))
    return out


def genre(name: str) -> str:
    parts = name.split("/")
    return GENRES.get(parts[0], parts[1] if len(parts) > 2 else parts[0])


def digest(message: str) -> str:
    return hashlib.sha1(message.encode("utf-8")).hexdigest()[:8]


@dataclass
class Run:
    name: str
    seconds: float
    exit_code: int
    findings: list[dict] = field(default_factory=list)  # warnings and errors, as the snapshot keys them
    messages: dict[tuple, str] = field(default_factory=dict)
    checked: int = 0
    info: int = 0
    not_understood: int = 0
    stderr: str = ""


def key(f: dict) -> tuple:
    return (f["code"], f["line"], f["column"], f.get("stated") or "")


def run_one(name: str, path: Path, command: list[str]) -> Run:
    t = time.perf_counter()
    proc = subprocess.run([*command, str(path)], capture_output=True, text=True, timeout=900)
    run = Run(name, round(time.perf_counter() - t, 2), proc.returncode, stderr=proc.stderr.strip())
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError:
        return run
    for f in data.get("files", []):
        run.checked += len(f.get("checked", []))
        run.not_understood += int(f.get("not_understood", 0) or 0)
        for d in f.get("diagnostics", []):
            if d["severity"] not in ("warning", "error"):
                run.info += 1
                continue
            entry = {
                "code": d["code"],
                "severity": d["severity"],
                "line": d["line"],
                "column": d["column"],
                "stated": d.get("stated") or "",
                "expected": d.get("expected") or "",
                "message": digest(d["message"]),
            }
            run.findings.append(entry)
            run.messages[key(entry)] = d["message"]
    return run


def save_runs(runs: list[Run]) -> None:
    data = [{**r.__dict__, "messages": [[list(k), v] for k, v in r.messages.items()]} for r in runs]
    LAST_RUN.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def load_runs() -> list[Run]:
    out = []
    for d in json.loads(LAST_RUN.read_text(encoding="utf-8")):
        messages = {tuple(k): v for k, v in d.pop("messages")}
        out.append(Run(**d, messages=messages))
    return out


def run_all(docs: list[tuple[str, Path]], command: list[str], jobs: int) -> list[Run]:
    with cf.ThreadPoolExecutor(jobs) as pool:
        return list(pool.map(lambda d: run_one(d[0], d[1], command), docs))


def load_snapshot(path: Path = SNAPSHOT) -> dict[str, dict]:
    if not path.exists():
        return {}
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    return data.get("documents", {})


def compare(runs: list[Run], snapshot: dict[str, dict]) -> tuple[list[str], list[str], list[str]]:
    """(new findings, findings gone, unjudged findings) as printable lines."""
    new, gone, unjudged = [], [], []
    names = {r.name for r in runs}
    for r in runs:
        known = {key(f): f for f in (snapshot.get(r.name) or {}).get("findings", [])}
        now = {key(f): f for f in r.findings}
        for k, f in now.items():
            old = known.get(k)
            if (
                old is None
                or old.get("message") != f["message"]
                or old.get("severity") != f["severity"]
                or (old.get("expected") or "") != f["expected"]
            ):
                new.append(f"{r.name}:{f['line']}:{f['column']} {f['code']} {f['severity']} {r.messages[k]}")
            elif old.get("verdict") not in (True, False):
                unjudged.append(f"{r.name}:{f['line']}:{f['column']} {f['code']} {r.messages[k]}")
        for k, f in known.items():
            if k not in now:
                gone.append(
                    f"{r.name}:{f['line']}:{f['column']} {f['code']} (was {f.get('verdict')}: {f.get('reason', '')})"
                )
    for name in snapshot:
        if name not in names:
            gone.append(f"{name}: document no longer checked")
    return new, gone, unjudged


def update(runs: list[Run], snapshot: dict[str, dict], path: Path = SNAPSHOT) -> None:
    docs: dict[str, dict] = {}
    for r in sorted(runs, key=lambda r: r.name):
        known = {key(f): f for f in (snapshot.get(r.name) or {}).get("findings", [])}
        findings = []
        for f in sorted(r.findings, key=lambda f: (f["line"], f["column"], f["code"])):
            old = known.get(key(f))
            same = old is not None and old.get("message") == f["message"] and old.get("severity") == f["severity"]
            entry = dict(f)
            entry["verdict"] = old.get("verdict", "unjudged") if same else "unjudged"
            entry["reason"] = old.get("reason", "") if same else ""
            findings.append(entry)
        docs[r.name] = {
            "genre": genre(r.name),
            "checked": r.checked,
            "not_understood": r.not_understood,
            "exit_code": r.exit_code,
            "findings": findings,
        }
    yaml = YAML()
    yaml.width = 4096
    yaml.default_flow_style = None
    header = (
        "# tieout's warnings and errors on ../shared/corpus and ../shared/seeds, each judged by reading the\n"
        "# document and redoing the arithmetic (verdict true/false, reason). Written by\n"
        "# `python tests/corpus/corpus_check.py --update`; verdicts are edited by hand. No document text here.\n"
    )
    with path.open("w", encoding="utf-8") as fh:
        fh.write(header)
        yaml.dump({"documents": docs}, fh)


def precision(snapshot: dict[str, dict]) -> tuple[int, int, int]:
    true = false = unjudged = 0
    for doc in snapshot.values():
        for f in doc.get("findings", []):
            v = f.get("verdict")
            true += v is True
            false += v is False
            unjudged += v not in (True, False)
    return true, false, unjudged


def report(runs: list[Run], snapshot: dict[str, dict], out=sys.stdout) -> None:
    by_genre: dict[str, Counter] = {}
    print(f"{'document':64} {'flags':>5} {'true':>4} {'false':>5} {'checked':>7} {'secs':>6} rc", file=out)
    for r in sorted(runs, key=lambda r: r.name):
        verdicts = {key(f): f.get("verdict") for f in (snapshot.get(r.name) or {}).get("findings", [])}
        t = sum(verdicts.get(key(f)) is True for f in r.findings)
        fl = sum(verdicts.get(key(f)) is False for f in r.findings)
        g = by_genre.setdefault(genre(r.name), Counter())
        g.update(
            docs=1,
            flags=len(r.findings),
            true=t,
            false=fl,
            checked=r.checked,
            secs=r.seconds,
            failed=int(r.exit_code not in (0, 1)),
        )
        print(
            f"{r.name:64} {len(r.findings):5} {t:4} {fl:5} {r.checked:7} {r.seconds:6.1f} {r.exit_code}"
            + (f"  {r.stderr.splitlines()[-1][:100]}" if r.exit_code not in (0, 1) and r.stderr else ""),
            file=out,
        )
    print(file=out)
    total = Counter()
    for name, g in sorted(by_genre.items()):
        total.update(g)
        _line(name, g, out)
    _line("all", total, out)


def _line(name: str, g: Counter, out) -> None:
    judged = g["true"] + g["false"]
    prec = f"{g['true'] / judged:.0%}" if judged else "n/a"
    print(
        f"{name:24} docs {g['docs']:3}  flags {g['flags']:4} ({g['flags'] / max(g['docs'], 1):.2f}/doc)  "
        f"true {g['true']:3}  false {g['false']:3} ({g['false'] / max(g['docs'], 1):.2f}/doc)  precision {prec:>4}  "
        f"checked {g['checked']:5}  unreadable {g['failed']}  {g['secs']:.0f}s",
        file=out,
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--update", action="store_true", help="write the snapshot (verdicts kept where unchanged)")
    ap.add_argument("--show", metavar="NAME", help="print the findings of the documents whose name contains NAME")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--reuse", action="store_true", help=f"compare the last run's findings (kept in {LAST_RUN.name})")
    ap.add_argument("--cmd", default=f"{sys.executable} -m tieout.linter check --format json --exit-zero --no-progress")
    a = ap.parse_args(argv)
    docs = documents()
    if not docs:
        print(f"no documents under {SHARED}", file=sys.stderr)
        return 0
    if a.show:
        docs = [d for d in docs if a.show in d[0]]
    if a.reuse and LAST_RUN.exists():
        runs = [r for r in load_runs() if any(r.name == name for name, _ in docs)]
    else:
        runs = run_all(docs, a.cmd.split(), a.jobs)
        if not a.show:
            save_runs(runs)
    snapshot = load_snapshot()
    if a.show:
        verdicts = {(n, key(f)): f for n, d in snapshot.items() for f in d.get("findings", [])}
        for r in runs:
            for f in r.findings:
                old = verdicts.get((r.name, key(f)), {})
                print(
                    f"{r.name}:{f['line']}:{f['column']} {f['code']} {f['severity']} [{old.get('verdict', 'new')}] "
                    f"{r.messages[key(f)]}" + (f"  -- {old['reason']}" if old.get("reason") else "")
                )
        return 0
    if a.update:
        update(runs, snapshot)
        snapshot = load_snapshot()
    new, gone, unjudged = compare(runs, snapshot)
    report(runs, snapshot)
    t, f, u = precision(snapshot)
    print(f"\nsnapshot: {t} true, {f} false, {u} unjudged; precision {t / max(t + f, 1):.1%}")
    for title, rows in (("new or changed findings", new), ("findings gone", gone), ("unjudged", unjudged)):
        if rows:
            print(f"\n{title} ({len(rows)}):")
            for row in rows:
                print("  " + row)
    return 1 if new or gone or unjudged else 0


if __name__ == "__main__":
    sys.exit(main())
