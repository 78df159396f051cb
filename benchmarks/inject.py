"""Error injection: one reviewer's mistake at a time in a real report, and whether tieout reports it.

How the mutation sites are chosen: independently of tieout. Every figure of the document is a candidate,
found by a plain regular expression over the text (not by tieout's parser):
  - a number followed by a unit or a count word (亿元 万元 元 % 个百分点 倍 人 个 项 家 …), in prose or in a
    table; and
  - a bare number standing as a table cell (between `|` of a rendered table, or between runs of spaces in a
    text table with at least two numeric cells), to the right of the row's label.
Numbers that are not figures are excluded by regex and counted: years and dates (2024年, 3月, a bare 1949-2099
cell, 2024-01-05), ordinals and list numbers (第3, 1、 （2）), classification codes and row numbers (bare
integers before the row's label, or written with a leading zero), phone and document numbers (long digit
runs, digits joined by -). Figures inside pages tieout does not trust (TO401) are excluded too, since tieout
deliberately reports nothing there. From the candidates a seeded random sample is drawn per document
(`--per-doc`, `--seed`), and each sampled figure gets one mutation, chosen at random among those that apply:
  digit   one digit changed (never the last digit of a figure of two or more digits: a rounded figure's last
          digit is a rounding matter; never a leading zero)
  swap    two adjacent different digits swapped
  unit    万元 ↔ 亿元
  word    the direction word right before a change figure flipped (增加↔减少, 增长↔下降, 提高↔降低 …)
  cell    one digit of a table cell changed (the digit rule above)
Every mutation keeps the text's length and lines, so positions stay those of the unmutated document.

How each mutation is classified (warnings and errors only; a finding is new when its code, place and
message are not among the unmutated document's findings):
  detected     a new finding stands on the changed line or names it among its related places
  checked      the mutated figure took part in a relation tieout checked on the unmutated document
               (`FileResult.checked`, pass or fail, its own place or a related one): a miss there is a
               defect worth fixing ("missed although checked")
  no relation  the figure took part in no relation tieout checked: a recall gap (tieout does not understand
               the sentence or table it stands in, or nothing in the document restates it)
  lone         (a heuristic, independent of tieout) a prose figure alone in its sentence whose value occurs
               nowhere else in the document: no reader can tell from the document itself that it is wrong
  collateral   new findings away from the changed line (counted per mutation and in total)

Documents: the .txt/.md files of ../shared/corpus and ../shared/seeds, read in place (never copied); with
`--rendered`, also the .pdf and .docx files, through tieout's reading layer: their rendered text is mutated and
linted with the rendering's page map (pages tieout does not trust stay skipped, as when tieout reads the file).
The PDF itself is not modified, so what a mistyped PDF does to the text layer is not simulated.

Run (nice, in worker processes; the linting is in-process, `lint_source`):
    nice python benchmarks/inject.py --rendered --per-doc 40 --seed 1 --jobs 2 --list-missed /tmp/missed.tsv
    nice python benchmarks/inject.py REPORT …        # named reports instead of the corpus
"""

from __future__ import annotations

import argparse
import bisect
import concurrent.futures as cf
import dataclasses
import os
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from tieout.linter.rules.diagnostics import Diagnostic
from tieout.linter.run.config import Config
from tieout.linter.run.engine import FileResult, lint_source
from tieout.linter.text.reading import InputError, Source, read_path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TIEOUT_SHARED", ROOT.parent / "shared"))  # other publishers' files, read in place
TEXT_SUFFIXES = (".txt", ".md")
RENDERED_SUFFIXES = (".pdf", ".docx")
KINDS = ("digit", "swap", "unit", "word", "cell")

# --- finding the figures: plain regular expressions, independent of tieout's grammar -------------------------
# a PDF font may map its decimal point to a private-use glyph (tieout's reading layer repairs it): a point too
POINT = "[.\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]"
NUMBER = re.compile(rf"\d{{1,3}}(?:,\d{{3}})+(?:{POINT}\d+)?|\d+(?:{POINT}\d+)?")
FULL_WIDTH = "０１２３４５６７８９"
# longest first, so that 个百分点 wins over 个 and 万元 over 元
UNITS = sorted(
    "亿元 万元 千元 万亿元 百万元 元 % ％ ‰ 个百分点 百分点 倍 人次 万人次 万人 人 名 个 万个 项 家 所 户 万户 辆 台 套 件 "
    "篇 次 场 期次 批次 平方米 万平方米 平方公里 公里 千米 亩 万亩 公顷 吨 万吨 张 册 床 座 处 支 类 门 部 幅 种 笔 万笔 "
    "条 份 分 栋 间 所 只 头 株 棵 册 本 盏 块 名次".split(),
    key=len,
    reverse=True,
)
UNIT = re.compile(r"[ \u3000]?\\?(" + "|".join(re.escape(u) for u in UNITS) + r")(?!月|[份度])")
DATE_AFTER = re.compile(r"[ \u3000]?(?:年|月|日|号|时|点(?!\d)|周岁|岁|届|世纪)")
DATE_JOINED = re.compile(r"\d{4}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}")
ORDINAL_BEFORE = re.compile(r"(?:第|No\.?|NO\.?|[（(〔【\[])\s?$")
ORDINAL_AFTER = re.compile(r"^(?:[、．)）〕】\]]|\.(?!\d))")
CJK = re.compile(r"[\u4e00-\u9fff]")
YEAR = re.compile(r"(?:19[4-9]\d|20\d\d)")
DIRECTIONS = {
    "增加": "减少",
    "减少": "增加",
    "增长": "下降",
    "下降": "增长",
    "提高": "降低",
    "降低": "提高",
    "上升": "下降",
    "扩大": "缩小",
    "缩小": "扩大",
}
DIRECTION_BEFORE = re.compile("(" + "|".join(DIRECTIONS) + r")[了\s]{0,2}$")
CELL_SPLIT = re.compile(r"(?:[|\s\u3000]|</?t[dhr][^>]*>)+")
SENTENCE_END = re.compile(r"[。；;！？!?\n]")


@dataclass(frozen=True)
class Site:
    """One candidate figure: its number's place (1-based line, 1-based columns, end exclusive)."""

    line: int
    start: int  # first column of the number
    end: int  # column after the number
    number: str
    unit: str  # "" for a bare table cell
    cell: bool  # in a table row
    direction: tuple[int, str] | None = None  # (column of the direction word before it, the word)
    offset: int = 0  # character offset of the number in the text
    lone: bool = False


@dataclass
class Mutation:
    kind: str
    site: Site
    before: str  # the changed stretch of the line, before and after
    after: str
    line_text: str  # the whole mutated line


@dataclass
class Outcome:
    """One mutation's classification."""

    kind: str
    detected: bool
    checked: bool
    lone: bool
    collateral: int
    crashed: bool
    line: int
    before: str
    after: str
    relations: str  # the checked relations the figure took part in (rule:kind:status), for the missed list


@dataclass
class DocResult:
    name: str
    genre: str
    rendered: bool
    candidates: int = 0
    excluded: Counter[str] = field(default_factory=Counter)
    outcomes: list[Outcome] = field(default_factory=list)
    cpu: float = 0.0
    error: str | None = None


def _is_table_row(line: str) -> bool:
    if line.lstrip().startswith("|") or "<td" in line:  # a rendered (Markdown) or an HTML table
        return True
    if "。" in line or "，" in line:
        return False
    bare = [m.group() for m in re.finditer(r"(?:(?<=\s)|^)-?(?:" + NUMBER.pattern + r")(?=\s|$)", line)]
    # two numeric cells, or one amount-like cell on a line of its own (a row whose label wrapped)
    return len(bare) >= 2 or (len(bare) == 1 and not CJK.search(line) and any(c in bare[0] for c in ".,"))


def _next_cell(rest: str) -> str:
    """The next non-empty cell of a table row after a number (`rest` is the line after it)."""
    for token in CELL_SPLIT.split(rest):
        if token:
            return token
    return ""


def _left_of_label(rest: str) -> bool:
    """Whether the cells after a bare integer are more bare integers up to a label: 201 | 06 | 01 | 行政运行."""
    for token in CELL_SPLIT.split(rest.split("</tr>")[0]):  # within this row
        if not token or re.fullmatch(r"\d+", token):
            continue
        return bool(CJK.match(token))
    return False


def classify_number(line: str, m: re.Match[str], table_row: bool, following: str) -> tuple[str, str]:
    """(reason, unit): reason "" for a figure, else why the number is not one. `following` is the next line,
    for a unit or a date word broken onto it."""
    s, e = m.start(), m.end()
    text = m.group()
    before, after = line[:s], line[e:]
    if not after.strip():
        after = following.lstrip()
    if s > 0 and (line[s - 1].isalnum() and not CJK.match(line[s - 1]) or line[s - 1] in "-－—~～/"):
        if not (line[s - 1] in "-－" and (s == 1 or line[s - 2] in " |\t")):  # a negative cell stays a figure
            return "code", ""  # part of a code, a range or an identifier: A1, 2-3, 12/2024
    if after[:1] in ("-", "－", "/") and after[1:2].isdigit() or DATE_JOINED.match(line, s):
        return "date", ""
    if DATE_AFTER.match(after):
        return "date", ""
    if ORDINAL_BEFORE.search(before) or ORDINAL_AFTER.match(after):
        return "ordinal", ""
    digits = text.replace(",", "").replace(".", "")
    plain = _plain(text)
    if len(digits) >= 11 and "." not in plain and "," not in text:
        return "phone", ""
    u = UNIT.match(after)
    if u:
        return "", u.group(1)
    if re.match(r"[ \u3000]?[万亿]\s*$", line[e:]) and following.lstrip().startswith("元"):
        return "", line[e:].strip() + "元"  # 万 | 元 broken across two lines
    if not table_row:
        return "no-unit", ""
    cell_edge_before = s == 0 or line[s - 1] in " \t|\u3000>" or line[s - 1] in "-－"
    cell_edge_after = e == len(line) or line[e] in " \t|\u3000<"
    if not (cell_edge_before and cell_edge_after):
        return "no-unit", ""
    if "." not in plain and "," not in text:
        nxt = _next_cell(line[e:])
        if len(text) > 1 and text[0] == "0" or re.fullmatch(r"0\d+", nxt):
            return "code", ""  # classification codes: 204 | 06 | 01
        if _left_of_label(line[e:]):
            return "code", ""  # a code or row number standing left of the row's label
        if YEAR.fullmatch(text):
            return "date", ""
    return "", ""


def find_sites(text: str, skip: list[tuple[int, int]]) -> tuple[list[Site], Counter[str]]:
    """Every candidate figure of `text`, and the count of numbers excluded, by reason."""
    sites: list[Site] = []
    excluded: Counter[str] = Counter()
    offset = 0
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        table_row = _is_table_row(line)
        following = lines[number] if number < len(lines) else ""
        for m in NUMBER.finditer(line):
            at = offset + m.start()
            if any(a <= at < b for a, b in skip):
                excluded["untrusted page"] += 1
                continue
            reason, unit = classify_number(line, m, table_row, following)
            if reason:
                excluded[reason] += 1
                continue
            direction = None
            d = DIRECTION_BEFORE.search(line[: m.start()])
            if d and not table_row:
                direction = (d.start() + 1, d.group(1))
            sites.append(Site(number, m.start() + 1, m.end() + 1, m.group(), unit, table_row, direction, at))
        offset += len(line) + 1
    return _mark_lone(text, sites), excluded


def _plain(number: str) -> str:
    """The number with ASCII digits and point, no thousands separators."""
    digits = "".join(str(int(ch)) if ch.isdigit() else ch for ch in number.replace(",", ""))
    return re.sub(POINT, ".", digits)


def _value(number: str) -> Decimal | None:
    try:
        return Decimal(_plain(number))
    except InvalidOperation:
        return None


def _mark_lone(text: str, sites: list[Site]) -> list[Site]:
    """A prose figure alone in its sentence, whose value no other figure of the document repeats."""
    values = Counter(_value(s.number) for s in sites)
    ends = [m.start() for m in SENTENCE_END.finditer(text)]
    out = []
    for i, s in enumerate(sites):  # sites are in text order: only the neighbours can share the sentence
        k = bisect.bisect_left(ends, s.offset)
        prev = ends[k - 1] if k > 0 else -1
        nxt = ends[k] if k < len(ends) else len(text)
        neighbours = [sites[j].offset for j in (i - 1, i + 1) if 0 <= j < len(sites)]
        lone = not s.cell and values[_value(s.number)] == 1 and not any(prev < o < nxt for o in neighbours)
        out.append(dataclasses.replace(s, lone=lone))
    return out


# --- the mutations --------------------------------------------------------------------------------------------
def _digit_positions(number: str) -> list[int]:
    digits = [i for i, ch in enumerate(number) if ch.isdigit()]
    return digits[:-1] if len(digits) > 1 else digits


def _change_digit(number: str, rng: random.Random) -> str | None:
    positions = _digit_positions(number)
    if not positions:
        return None
    i = rng.choice(positions)
    leading = i == 0 and len(number) > 1 and number[1].isdigit()  # a leading digit never becomes 0
    old = int(number[i])
    new = rng.choice([d for d in range(10) if d != old and not (leading and d == 0)])
    digit = FULL_WIDTH[new] if number[i] in FULL_WIDTH else str(new)  # in the figure's own width
    return number[:i] + digit + number[i + 1 :]


def _swap_digits(number: str, rng: random.Random) -> str | None:
    pairs = [
        i
        for i in range(len(number) - 1)
        if number[i].isdigit()
        and number[i + 1].isdigit()
        and int(number[i]) != int(number[i + 1])
        and not (i == 0 and int(number[1]) == 0 and len(number) > 2 and number[2].isdigit())
    ]
    if not pairs:
        return None
    i = rng.choice(pairs)
    return number[:i] + number[i + 1] + number[i] + number[i + 2 :]


def kinds_for(site: Site) -> list[str]:
    if site.cell and not site.unit:
        kinds = ["cell", "swap"]
    else:
        kinds = ["digit", "swap"]
        if site.unit in ("万元", "亿元") and _value(site.number):  # 0 万元 and 0 亿元 are the same: no mistake
            kinds.append("unit")
        if site.direction is not None:
            kinds.append("word")
    return kinds


def mutate(line: str, site: Site, kind: str, rng: random.Random) -> Mutation | None:
    s, e = site.start - 1, site.end - 1
    if kind in ("digit", "cell", "swap"):
        new = _swap_digits(site.number, rng) if kind == "swap" else _change_digit(site.number, rng)
        if new is None:
            return None
        return Mutation(kind, site, site.number, new, line[:s] + new + line[e:])
    if kind == "unit":
        found = re.match(r"[ \u3000]?" + re.escape(site.unit), line[e:])
        if found is None:
            return None  # the unit is broken onto the next line
        u = e + found.end() - len(site.unit)
        other = "亿元" if site.unit == "万元" else "万元"
        return Mutation(kind, site, site.number + site.unit, site.number + other, line[:u] + other + line[u + 2 :])
    if kind == "word" and site.direction is not None:
        col, word = site.direction
        flipped = DIRECTIONS[word]
        new_line = line[: col - 1] + flipped + line[col - 1 + len(word) :]
        return Mutation(kind, site, word + "…" + site.number, flipped + "…" + site.number, new_line)
    return None


def draw(text: str, sites: list[Site], per_doc: int, rng: random.Random) -> list[Mutation]:
    """A random sample of the sites, each with one mutation among those that apply to it."""
    lines = text.split("\n")
    sample = rng.sample(sites, min(per_doc, len(sites)))
    sample.sort(key=lambda s: s.offset)
    out = []
    for site in sample:
        kinds = kinds_for(site)
        rng.shuffle(kinds)
        for kind in kinds:  # the first that can be made (a one-digit figure cannot be swapped)
            m = mutate(lines[site.line - 1], site, kind, rng)
            if m is not None:
                out.append(m)
                break
    return out


# --- linting and classifying ----------------------------------------------------------------------------------
Key = tuple[str, int, int, str]


def _findings(result: FileResult) -> dict[Key, Diagnostic]:
    return {(d.code, d.line, d.column, d.message): d for d in result.diagnostics if d.severity != "info"}


def _touches(d: Diagnostic, line: int) -> bool:
    return d.line <= line <= d.end_line or any(r.path is None and r.line <= line <= r.end_line for r in d.related)


def _covers(line: int, start: int, end: int, p_line: int, p_col: int, p_end_line: int, p_end_col: int) -> bool:
    if not p_line <= line <= p_end_line:
        return False
    after_start = line > p_line or p_col < end
    before_end = line < p_end_line or p_end_col > start
    return after_start and before_end


def relations_of(base: FileResult, site: Site) -> list[str]:
    """The checked relations of the unmutated document that the site's figure takes part in."""
    out = []
    for c in base.checked:
        places = [(c.line, c.column, c.end_line, c.end_column)]
        places += [(r.line, r.column, r.end_line, r.end_column) for r in c.related if r.path is None]
        if any(_covers(site.line, site.start, site.end, *p) for p in places):
            out.append(f"{c.rule}:{c.kind}:{c.status}")
    return out


def lint(source: Source, text: str) -> FileResult:
    rendering = dataclasses.replace(source.rendering, text=text) if source.rendering is not None else None
    return lint_source(Source(source.path, text, source.encoding, rendering), Config())


def inject(name: str, genre: str, path: str, per_doc: int, seed: int) -> DocResult:
    """Read one document, lint it, then lint each of its mutations (in this worker process)."""
    cpu = time.process_time()
    result = DocResult(name, genre, Path(path).suffix.lower() in RENDERED_SUFFIXES)
    try:
        source = read_path(path)
    except InputError as exc:
        result.error = str(exc)
        return result
    text = source.text
    skip = [(a, b) for a, b, *_ in source.rendering.untrusted_ranges()] if source.rendering is not None else []
    sites, result.excluded = find_sites(text, skip)
    result.candidates = len(sites)
    base = lint(source, text)
    before = _findings(base)
    lines = text.split("\n")
    rng = random.Random(f"{seed}:{name}")  # a string seed is hashed the same way in every process and run
    for m in draw(text, sites, per_doc, rng):
        mutated = "\n".join([*lines[: m.site.line - 1], m.line_text, *lines[m.site.line :]])
        after = lint(source, mutated)
        new = [d for k, d in _findings(after).items() if k not in before]
        on_line = [d for d in new if _touches(d, m.site.line)]
        relations = relations_of(base, m.site)
        result.outcomes.append(
            Outcome(
                kind=m.kind,
                detected=bool(on_line),
                checked=bool(relations),
                lone=m.site.lone,
                collateral=len(new) - len(on_line),
                crashed=any(d.code == "TO900" for d in new),
                line=m.site.line,
                before=m.before,
                after=m.after,
                relations=",".join(sorted(set(relations))),
            )
        )
    result.cpu = time.process_time() - cpu
    return result


# --- the corpus and the report ----------------------------------------------------------------------------------
def documents(rendered: bool, shared: Path = SHARED) -> list[tuple[str, str, Path]]:
    """(name, genre, path) of every corpus and seed document; the name is the path below `shared`."""
    # the corpus check's list of documents (tests/corpus/corpus_check.py), read from the repository's root
    sys.path.insert(0, str(ROOT))
    from tests.corpus.corpus_check import documents as corpus_documents

    suffixes = TEXT_SUFFIXES + (RENDERED_SUFFIXES if rendered else ())
    out = []
    for name, p in corpus_documents(shared):
        parts = Path(name).parts
        if p.suffix.lower() in suffixes:
            genre = "seeds" if parts[0] == "seeds" else (parts[1] if len(parts) > 2 else parts[0])
            out.append((name, genre, p))
    return out


def _genre(path: Path, shared: Path = SHARED) -> str:
    """The genre of a named report: its folder below ../shared/corpus, "seeds", or "named"."""
    try:
        rel = path.resolve().relative_to(shared.resolve())
    except ValueError:
        return "named"
    if rel.parts[0] == "seeds":
        return "seeds"
    return rel.parts[1] if len(rel.parts) > 2 else rel.parts[0]


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f}%" if d else "    - "


def table(rows: Iterable[tuple[str, list[Outcome]]]) -> Iterator[str]:
    yield (
        f"{'':34} {'total':>5} {'detected':>8} {'checked':>7} {'det|chk':>7} {'missed|chk':>10} "
        f"{'no-rel':>6} {'lone':>6} {'collat':>6}"
    )
    for label, outs in rows:
        n = len(outs)
        if not n:
            continue
        chk = [o for o in outs if o.checked]
        det = sum(o.detected for o in outs)
        det_chk = sum(o.detected for o in chk)
        collateral = sum(o.collateral for o in outs)
        yield (
            f"{label:34} {n:5} {_pct(det, n):>8} {len(chk):7} {_pct(det_chk, len(chk)):>7} "
            f"{len(chk) - det_chk:10} {_pct(n - len(chk), n):>6} {_pct(sum(o.lone for o in outs), n):>6} "
            f"{collateral:6}"
        )


def report(results: list[DocResult], per_doc: int, seed: int, wall: float) -> Iterator[str]:
    outs = [o for r in results for o in r.outcomes]
    by_genre: dict[str, list[Outcome]] = defaultdict(list)
    by_kind: dict[str, list[Outcome]] = defaultdict(list)
    by_both: dict[tuple[str, str], list[Outcome]] = defaultdict(list)
    for r in results:
        for o in r.outcomes:
            by_genre[r.genre].append(o)
            by_kind[o.kind].append(o)
            by_both[r.genre, o.kind].append(o)
    rendered = sum(r.rendered for r in results)
    excluded: Counter[str] = Counter()
    for r in results:
        excluded.update(r.excluded)
    yield (
        f"{len(results)} documents ({rendered} PDF/.docx: rendered text mutated, linted with the rendering's page "
        f"map), {sum(r.candidates for r in results)} candidate figures, sample of up to {per_doc} per document "
        f"(seed {seed}): {len(outs)} mutations"
    )
    yield "numbers excluded as not figures: " + ", ".join(f"{k} {v}" for k, v in excluded.most_common())
    for r in results:
        if r.error:
            yield f"unreadable: {r.error}"
    yield ""
    genres = sorted(by_genre)
    yield from table([*((g, by_genre[g]) for g in genres), ("all", outs)])
    yield ""
    yield from table([*((k, by_kind[k]) for k in KINDS), ("all", outs)])
    yield ""
    yield from table((f"{g} / {k}", by_both[g, k]) for g in genres for k in KINDS)
    yield ""
    crashed = sum(o.crashed for o in outs)
    with_collateral = sum(o.collateral > 0 for o in outs)
    yield (
        f"collateral: {with_collateral} mutations raised {sum(o.collateral for o in outs)} findings away from the "
        f"changed line; internal errors (TO900): {crashed}"
    )
    cpu = sum(r.cpu for r in results)
    yield f"CPU time in workers {cpu:.0f} s ({cpu / max(1, len(outs) + len(results)):.2f} s per lint), wall {wall:.0f} s"
    yield (
        "columns: detected = new warning/error on or naming the changed line; checked = the figure took part in a "
        "relation tieout checked on the unmutated document; det|chk = detected among those; missed|chk = missed "
        "although checked; no-rel = share in no checked relation; lone = share of prose figures alone in their "
        "sentence whose value occurs nowhere else (heuristic); collat = new findings away from the changed line"
    )


def _work(args: tuple[str, str, str, int, int]) -> DocResult:
    return inject(*args)


def _nice() -> None:
    try:
        os.nice(10)  # two other engineers share the machine
    except OSError:
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("reports", nargs="*", help="reports to inject errors into (default: the corpus and seeds)")
    parser.add_argument("--per-doc", type=int, default=40, help="mutations per document (default 40)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--rendered", action="store_true", help="also the corpus's .pdf and .docx, rendered")
    parser.add_argument("--list-missed", metavar="FILE", help="write the missed mutations here (TSV)")
    args = parser.parse_args(argv)
    if args.per_doc < 1 or args.jobs < 1:
        print("inject: --per-doc and --jobs must be at least 1", file=sys.stderr)
        return 2
    if args.reports:
        missing = [p for p in args.reports if not Path(p).is_file()]
        if missing:
            print(f"inject: {missing[0]}: no such file", file=sys.stderr)
            return 2
        docs = [(p, _genre(Path(p)), Path(p)) for p in args.reports]
    else:
        docs = documents(args.rendered)
        if not docs:
            print(f"inject: {SHARED}: no corpus (../shared is absent); name the reports instead", file=sys.stderr)
            return 2
    # the largest first, so that no long document is left alone at the end
    work = sorted(
        ((name, genre, str(p), args.per_doc, args.seed) for name, genre, p in docs),
        key=lambda w: -Path(w[2]).stat().st_size,
    )
    t0 = time.monotonic()
    results: list[DocResult] = []
    with cf.ProcessPoolExecutor(max_workers=args.jobs, initializer=_nice) as pool:
        for future in cf.as_completed([pool.submit(_work, w) for w in work]):
            r = future.result()
            results.append(r)
            print(
                f"  {len(results):3}/{len(work)} {r.name}: {len(r.outcomes)} mutations, {r.cpu:.0f} s", file=sys.stderr
            )
    results.sort(key=lambda r: r.name)
    for line in report(results, args.per_doc, args.seed, time.monotonic() - t0):
        print(line)
    if args.list_missed:
        write_missed(Path(args.list_missed), results)
    return 0


def write_missed(path: Path, results: list[DocResult]) -> None:
    """One line per undetected mutation: place, kind, before → after, and the relations it took part in."""
    with path.open("w", encoding="utf-8") as out:
        out.write("path:line\tkind\tbefore\tafter\tchecked relations (rule:kind:status)\tlone\n")
        for r in results:
            for o in r.outcomes:
                if not o.detected:
                    out.write(
                        f"{r.name if Path(r.name).is_absolute() else SHARED / r.name}:{o.line}\t{o.kind}\t{o.before}\t"
                        f"{o.after}\t{o.relations or '-'}\t{'lone' if o.lone else ''}\n"
                    )


if __name__ == "__main__":
    sys.exit(main())
