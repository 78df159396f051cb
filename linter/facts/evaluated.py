"""What an evaluation's text is of: the project, programme or whole (部门整体) that a heading, a numbered item or a
table's caption names as evaluated. A 部门整体 report sets out the department's own outcomes and, item by item or in
appended 自评表, those of several projects; a figure or score of one is not another's.

Read by the checks of scores (`checks/tables/text_scores.py`) and by the facts restating a 自评表's outcomes in the
text (`facts/passes/indicator_tables.py`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tieout.linter.facts.identity import document_title
from tieout.linter.patterns import regex
from tieout.linter.text.model import Document, Section
from tieout.linter.vocab import alternation, load, relation_words
from tieout.linter.vocab import words as vocab_words

if TYPE_CHECKING:
    from tieout.linter.parse.tables import Table

# the endings of the name of a project or programme evaluated (`中小河流治理项目`, `耕地地力保护补贴资金`), as a label
# names it and as a heading does (vocab relations evaluated_endings)
ENDINGS = vocab_words("relations", "evaluated_endings")
# words before 资金 that name a kind of money, no evaluation of its own (`财政资金`, `专项资金`)
GENERIC = frozenset(vocab_words("relations", "money_kinds"))
YEAR_WORD = regex(r"^(?:年度|年)")


# a project named as what was evaluated (`2.中小河流治理项目`, `（三）乡村公路建设工程绩效评价`, `3.某某补贴资金`): a name
# of a few characters ending as such a name ends (`ENDINGS`); and the department or the unit as a whole
# (`1.部门整体支出绩效自评`: vocab relations evaluated_wholes)
PROJECT_NAMED = regex(r"(?P<name>[\u4e00-\u9fff“”]{2,30}?(?:" + alternation(ENDINGS) + "))")
WHOLE_NAMED = regex(relation_words("evaluated_wholes"))
# the words a project's name is made of that name no one project: the standard sections of an evaluation (vocab
# relations evaluation_sections: `项目概况`, `项目建设`) and the year (`2025年度项目`)
NO_PROJECT = regex(r"(?:\d{2,4}年度?|年度|" + alternation(load("relations").get("evaluation_sections")) + ")+")


def named_subject(text: str) -> str | None:
    """The project or the whole a title names as what was evaluated (`2.中小河流治理项目`: 中小河流治理项目;
    `1.部门整体支出绩效自评`: 部门整体), if any."""
    flat = "".join(text.split())
    for found in PROJECT_NAMED.finditer(flat):
        name = YEAR_WORD.sub("", found.group("name").strip("“”"))  # (`2025年某某项目`: 某某项目)
        ending = max((e for e in ENDINGS if name.endswith(e)), key=len)
        kind = name[: -len(ending)]
        if not NO_PROJECT.fullmatch(kind) and kind not in GENERIC:  # (not `财政资金`: a kind of money, no programme)
            return name
    whole = WHOLE_NAMED.search(flat)
    return whole.group() if whole else None


def subject_at(doc: Document, offset: int) -> str | None:
    """What the text at `offset` is of, by the headings and numbered items above it: the subject the nearest
    titled one names (`named_subject`), else the one above it that names one; none where none does (the document's
    own). Text after a numbered item's paragraph (an untitled section resuming its parent) goes on with that
    item: `2.中小河流治理项目。…` / `项目绩效自评得分 a` is the project's score."""
    i = doc.section_index(offset)
    while i >= 0 and not doc.sections[i].title:
        i -= 1
    node: Section | None = doc.sections[i] if i >= 0 else None
    while node is not None:
        named = named_subject(node.title) if node.title else None
        if named is not None:
            return named
        node = node.parent
    return None


def table_subject(doc: Document, table: Table) -> str | None:
    """What a score table is of: the subject its title or the caption line right above it names, else the text's
    where it stands."""
    for line in (table.title, *table.caption[-1:]):
        named = named_subject(line) if line else None
        if named is not None:
            return named
    start = table.rows[0][0].start if table.rows and table.rows[0] else -1
    return subject_at(doc, start) if start >= 0 else None


def same_subject(a: str | None, b: str | None, head: str) -> bool:
    """Are two subjects one: the same name (one the other's end: `某县中小河流治理项目`, `中小河流治理项目`), or one of
    them the document's own (none) and the other what its title names (`XX项目绩效评价报告` with a table under
    `附件：XX项目评分表`)?"""
    if a is not None and b is not None:
        return a.endswith(b) or b.endswith(a)
    named = a or b
    return named is None or named in head


def flat_title(doc: Document) -> str:
    """The document's title (its title block, as the facts read it) without spaces: what `same_subject` finds a
    subject named in."""
    return "".join(document_title(doc).split())
