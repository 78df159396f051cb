"""Header spans: the columns a header cell covers, so that a 合计 / 小计 column is summed over its sibling
columns, leaf by leaf (三公经费: 合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费, each for 预算数
and 决算数; 公务用车购置及运行维护费 小计 = 购置费 + 运行维护费)."""

from __future__ import annotations

from tieout.linter.patterns import regex

from .cells import flatten
from .model import Column
from .vocab import PART_HEADING, defined_sums, role_of


def _text(col: Column, level: int) -> str:
    return col.path[level] if level < len(col.path) else ""


def leaf(col: Column) -> str:
    """The deepest header text that is not a total (预算数 under 合计)."""
    for text in reversed(col.path):
        role = role_of(text)
        if text and not (role and role.kind == "total"):
            return text
    return ""


def sub_leaf(col: Column, level: int) -> str:
    """The deepest header text below `level` that is not a total (预算数 under 合计 / 小计); "" none."""
    for text in reversed(col.path[level + 1 :]):
        role = role_of(text)
        if text and text != col.path[level] and not (role and role.kind == "total"):
            return text
    return ""


def total_level(col: Column) -> int | None:
    """The first header level at which the column is named a total (合计, 小计, 本年支出合计)."""
    for level, text in enumerate(col.path):
        role = role_of(text)
        if text and role and role.kind == "total":
            return level
    return None


def spans(columns: list[Column], level: int, prefix: list[str]) -> list[list[Column]]:
    """The runs of columns under `prefix` that share one header text at `level` (a vertically merged
    empty text continues the run it is in)."""
    under = [c for c in columns if c.path[:level] == prefix]
    runs: list[list[Column]] = []
    for c in under:
        t = _text(c, level)
        if runs and (t == "" or t == _text(runs[-1][0], level)) and runs[-1][-1].index == c.index - 1:
            runs[-1].append(c)
        else:
            runs.append([c])
    return runs


def column_for(run: list[Column], level: int, want: str) -> Column | None:
    """The column of a run that carries the run's own figure for the leaf `want`: the single column, or
    the one whose next header is empty or a total (小计) with that leaf."""
    cands = [c for c in run if sub_leaf(c, level) == want] if want else list(run)
    own = [c for c in cands if _own(c, level, want)]
    return own[0] if len(own) == 1 else None


def _own(c: Column, level: int, want: str) -> bool:
    """Is the column its run's own figure: nothing below the run's header, or a 小计 below it, or (for a
    leaf such as 预算数) that leaf right below it."""
    below = [t for t in c.path[level + 1 :] if t and t != c.path[level]]
    if not below:
        return True
    role = role_of(below[0])
    return (role is not None and role.kind == "total") or bool(want) and below == [want]


def crossfoot_groups(columns: list[Column]) -> list[tuple[Column, list[Column]]]:
    """(total column, component columns) for each total column of a side, by the header tree."""
    out = []
    for col in columns:
        level = total_level(col)
        if level is None:
            continue
        prefix = col.path[:level]
        want = sub_leaf(col, level)
        parts: list[Column] = []
        ok = True
        for run in spans(columns, level, prefix):
            if col in run or all(c.kind in ("ratio", "growth", "share", "serial", "comparable") for c in run):
                continue  # the total's own columns, and rate or share columns beside it
            part = column_for(run, level, want)
            if part is None or part.kind not in ("amount", "total", ""):
                ok = False
                break
            parts.append(part)
        parts = _within_previous(_without_nested(_closing_run(col, parts)))
        if ok and (_beside_total(col, parts, level) or _glued_heading(col, parts, level)):
            continue  # another total beside it at its own level, or a group's heading: what it sums is not told
        # columns headed `其中：…` are parts of the total named, not said to make it up (基本支出 and 项目支出 under
        # 其中 may leave some spending out): no cross-footing
        named_parts = any(PART_HEADING.match(p.path[-1]) for p in parts if p.path)
        if ok and len(parts) >= 2 and not _mixed_stages(parts, col) and not named_parts:
            out.append((col, parts))
    done = {id(c) for c, _ in out}
    out += [(c, parts) for c, parts in defined_groups(columns) if id(c) not in done]
    done = {id(c) for c, _ in out}
    out += [(c, parts) for c, parts in survey_groups(columns) if id(c) not in done]
    return out


def _closing_run(col: Column, parts: list[Column]) -> list[Column]:
    """The parts of a total column set after the columns it sums, where other columns stand beside them: the run of
    two columns at least right before it, which it closes (`县道 | 乡道 | 村道 | 合计里程 | 分配资金 | 实际拨付`: the
    columns after it are another measure; `一般债务限额 | 专项债务限额 | 限额合计 | 一般债务余额 | 专项债务余额 | 余额合计`:
    the columns before the run are a group another total closes). Only where the run opens the columns or follows such
    a closed group, and so on back to the first column: in `小计 | 本金 | 利息 | 小计 | 本金 | 利息` (a flat header of
    groups, each 小计 heading the kinds after it) the first total closes nothing, and the parts are all the columns
    found, as before."""
    by_index = {c.index: c for c in parts}
    run = _run_ending_at(by_index, col.index - 1)
    if len(run) < 2 or len(run) == len(parts) or not _closed_groups_up_to(by_index, run[0].index - 1):
        return parts
    return run


def _run_ending_at(by_index: dict[int, Column], k: int) -> list[Column]:
    """The parts other than totals standing next to each other up to index `k` (the column right before a total), in
    order."""
    run: list[Column] = []
    while k in by_index and by_index[k].kind != "total":
        run.append(by_index[k])
        k -= 1
    return run[::-1]


def _closed_groups_up_to(by_index: dict[int, Column], k: int) -> bool:
    """Do the parts up to index `k`, walked left, stand as groups each a total set after two columns at least that
    it sums (`一般债务限额 | 专项债务限额 | 限额合计`), back to the first part (none: the run stands first)?"""
    first = min(by_index)
    while k >= first:
        total = by_index.get(k)
        if total is None or total.kind != "total":
            return False
        group = _run_ending_at(by_index, k - 1)
        if len(group) < 2:
            return False
        k = group[0].index - 1
    return True


# a survey table's column of the questionnaires its answers are counted over (`有效样本`, `有效问卷`, `有效样本数`)
SAMPLE_HEADING = regex(r"有效(?:样本|问卷|答卷)(?:数|量|份数)?")
# an answer of a satisfaction scale (`非常满意`, `满意`, `比较满意`, `基本满意`, `一般`, `不满意`, `非常不满意`)
OPTION_HEADING = regex(r"(?:非常|很|比较|较|基本)?(?:不)?满意|一般")
MIN_OPTIONS = 3  # answers of a scale: a lone 满意 column beside the sample may count a subset


def survey_groups(columns: list[Column]) -> list[tuple[Column, list[Column]]]:
    """(sample column, answer columns) of a survey's table of answers by option (`调查对象 | 有效样本 | 满意 | 比较满意 |
    一般 | 不满意 | 满意度（%）`): each valid questionnaire gives one answer of the scale, so the answers a row counts add
    up to its sample. Only where the columns right after the sample are all answers of one scale, three or more,
    the scale's low end (不满意) among them, so that no answer is left out (`满意 | 满意度` alone is a subset), and
    nothing but a rate column or the table's end after them."""
    out = []
    for i, col in enumerate(columns):
        if not col.path or col.kind not in ("amount", "") or not SAMPLE_HEADING.fullmatch(flatten(col.path[-1])):
            continue
        parts = []
        for c in columns[i + 1 :]:
            if not c.path or c.kind not in ("amount", "") or not OPTION_HEADING.fullmatch(flatten(c.path[-1])):
                break
            parts.append(c)
        rest = columns[i + 1 + len(parts) :]
        low = any("不满意" in flatten(c.path[-1]) for c in parts)
        if len(parts) >= MIN_OPTIONS and low and all(c.kind == "ratio" or _rate_heading(c) for c in rest):
            out.append((col, parts))
    return out


def _rate_heading(col: Column) -> bool:
    """A column of rates by its heading's `%` note or its name (`满意度（%）`, `满意率`)."""
    text = flatten(col.path[-1]) if col.path else ""
    return text.endswith(("%", "％", "%）", "％）", "%)", "率", "度"))


# a total word opening a header glued to the name of the column under it (`小计一般债券`: `小计` over `一般债券 专项债券`)
TOTAL_OPENING = regex(r"^(?:合计|小计|总计)(?=[\u4e00-\u9fff])")


def _glued_heading(col: Column, parts: list[Column], level: int) -> bool:
    """Is the total's name a group's heading glued to the name of the first column under it (`小计 | 省本级 | 市县级` over
    `一般债券 专项债券` three times, read flat as `小计一般债券 | 专项债券 | 省本级一般债券 | …`), that name ending a
    part's too (`省本级一般债券`: the same kind under another heading)? The flat header hides a tree: the `小计` heads
    the kinds of one group, it sums no column beside it."""
    opening = TOTAL_OPENING.match(flatten(col.path[level]))
    if opening is None:
        return False
    name = flatten(col.path[level])[opening.end() :]
    return any(flatten(p.path[level]).endswith(name) for p in parts if level < len(p.path))


def _beside_total(col: Column, parts: list[Column], level: int) -> bool:
    """Is one of the parts a total at the same header level as the total (`合计 | 因公出国（境）费 | 小计 | 购置费 |
    运行费` read flat, a group heading lost over `小计 购置费 运行费`; `合计 一般债务 专项债务 合计 一般债务 专项债务` under
    two year headings read as one line)? Then the flat header hides a tree, and adding every column beside the total
    would count a group and its own parts twice. A total that its definition makes of another total
    (`支出总计 | 本年支出合计 | 年末结转和结余`, vocab/sums.yaml) is no such case."""
    name = flatten(col.path[level])
    for part in parts:
        if total_level(part) != level:
            continue
        inner = flatten(part.path[level])
        if not any(name in total and any(inner in p for p in components) for total, components in defined_sums()):
            return True
    return False


def defined_groups(columns: list[Column]) -> list[tuple[Column, list[Column]]]:
    """(total column, part columns) of a flat header that names a defined total (vocab/sums.yaml) and then, in
    the columns right after it, every part of its definition once (`债务限额 | 一般债务 | 专项债务 | 债务余额 | …`):
    the header tree shows no grouping, the names do. Any other column among them, and no group is read."""
    out = []
    for i, col in enumerate(columns):
        if not col.path or col.kind not in ("amount", "total", ""):
            continue
        name = flatten(col.path[-1])
        for total, wordings in defined_sums():
            if name not in total:
                continue
            parts = _parts_after(columns, i, wordings)
            if parts:
                out.append((col, parts))
                break
    return out


def _parts_after(columns: list[Column], i: int, wordings: list[frozenset[str]]) -> list[Column]:
    """The columns right after column i that are, one each, the parts of a definition, every part it does not
    mark optional among them; [] where they are not."""
    col = columns[i]
    parts: list[Column] = []
    left = list(wordings)
    for c in columns[i + 1 : i + 1 + len(wordings)]:
        if c.path[:-1] != col.path[:-1] or c.index != col.index + len(parts) + 1 or c.kind not in ("amount", ""):
            break
        match = next((w for w in left if flatten(c.path[-1]) in w), None)
        if match is None:
            break
        left.remove(match)
        parts.append(c)
    if len(parts) < 2 or any("optional" not in w for w in left):
        return []
    return parts


def _without_nested(parts: list[Column]) -> list[Column]:
    """The parts less those another part is by definition the sum of, side by side under one flat header
    (`公务用车购置及运行费 | 公务用车购置费 | 公务用车运行费`: the two are inside the first, not beside it)."""
    names = [c.path[-1] for c in parts]
    inner: set[int] = set()
    for total, components in defined_sums():
        if not any(n in total for n in names):
            continue
        held = [k for k, n in enumerate(names) if any(n in comp for comp in components)]
        if len(held) >= 2:
            inner.update(held)
    return [c for k, c in enumerate(parts) if k not in inner]


def _within_previous(parts: list[Column]) -> list[Column]:
    """The parts less the columns headed `其中：…` set right after another part (`小计 | 返还性收入 | 一般性转移支付 |
    其中：共同财政事权转移支付 | 专项转移支付`): such a column is a part of the column before it, not beside it, so the
    total is the sum of the others. A `其中` column right after the total, or after none of the parts, is left in
    (the parts are then named parts, `crossfoot_groups` sums none of them)."""
    kept: list[Column] = []
    inner = False
    for k, c in enumerate(parts):
        named = bool(c.path) and PART_HEADING.match(c.path[-1]) is not None
        after = k > 0 and parts[k - 1].index == c.index - 1
        if named and after and (inner or not PART_HEADING.match(parts[k - 1].path[-1] if parts[k - 1].path else "")):
            inner = True  # (a second 其中 column after the first is the same part's too)
            continue
        inner = False
        kept.append(c)
    return kept


STAGES = {"预算数", "调整预算数", "决算数", "执行数", "上年数"}


def _mixed_stages(parts: list[Column], total: Column | None = None) -> bool:
    """Columns of different stages (预算数 beside 执行数) are not parts of one total; nor, as a rule, columns of
    different years (a year beside the one before, compared), unless the total sums the years (`_over_years`)."""
    stages = {p.role for p in parts if p.role in STAGES}
    periods = {p.context.period for p in parts if p.context.period}
    return len(stages) > 1 or len(periods) > 1 and not _over_years(parts, total)


def _over_years(parts: list[Column], total: Column | None) -> bool:
    """A plan laid out by year (`2025年发行 | 2026年发行 | 合计`): a total naming no year of its own after columns each
    of one year, every year once and in order, no stage of a budget among them: the years' flows added up."""
    if total is None or total.context.period or not total.path or flatten(total.path[-1]) not in ("合计", "总计"):
        return False
    years = [p.context.period or "" for p in parts]
    return (
        all(len(y) == 4 for y in years)
        and len(set(years)) == len(years)
        and years == sorted(years)
        and not any(p.role in STAGES for p in parts)
    )
