"""What a return holds that `import progress` does not read, said so that a unit's words are never lost unseen: a line
with no task (填表人：张三  联系电话：…, 注：数值填累计数 under the table), skipped with a warning quoting it, or refused
quoting it when it holds a figure; and a column the clerk added (存在问题, 处室意见, 完成情况（文字）, or a second 说明 beside
备注), named with how many of its cells hold text. The template's own columns (vocabulary.TEMPLATE_HEADERS) and the
plan's (its units, targets, deadlines, measures: PLAN_KINDS) hold mstrack's words, not the unit's: never said.

The columns are watched as rows are met (see, see_cells: every path's rows pass there first), one count a column."""

from __future__ import annotations

import re

from mstrack.domain.quantities import PLAIN_NUMBER_RE, shown
from mstrack.errors import Joined, Message
from mstrack.long_lists import cut, in_line
from mstrack.sources.duplicate_columns import column_letter
from mstrack.sources.progress_cells import text_value
from mstrack.sources.rows import Cells, Row
from mstrack.sources.sheets import cell_text, header_key
from mstrack.sources.table.column_rules import PROBLEM_HEADER, header_kind
from mstrack.text import clip
from mstrack.vocabulary import SUB_ITEM_OPENINGS, TEMPLATE_HEADERS

COLUMNS_SHOWN = 5
"""The columns not read a warning names before "… (+N)": a sheet of 1,000 columns is not listed whole."""
KNOWN_HEADERS = frozenset(map(header_key, TEMPLATE_HEADERS))
"""The template's headers: those it does not read (本期节点, 上次报送 …) hold what mstrack printed."""
PLAN_KINDS = frozenset(("seq", "measure", "leader", "task", "area", "units", "lead", "office", "start", "deadline",
                        "schedule", "amount", "period"))
"""The kinds of column a published plan's table prints (sources/table/column_rules.header_kind, the one vocabulary of plan
columns: 责任单位, 年度目标, 完成时限, 建设内容, 责任领导, 工作措施, 第一季度 …): in a return made from the office's own table
they hold the plan's words, not the unit's. A column of what was done (进展情况, 完成情况), of remarks (说明, 下一步工作措施)
or of no kind the table reader knows (存在问题, 处室意见) holds the unit's words."""


def row_held(table, row: Row) -> Joined:
    """A row's cells, each text once (a cell merged across repeats it), by its column's header (its letter where it has
    none): quoted in what is said of a row with no task."""
    said, seen = [], set()
    headers = table.headers
    for index, cell in enumerate(row.cells):
        text = cell_text(cell)
        if text is None or text in seen:
            continue
        seen.add(text)
        header = str(headers[index] or "").strip() if index < len(headers) else ""
        said.append(Message("{column} {text}", column=header or column_letter(index), text=shown(text)))
    return Joined(", ", in_line(*cut(said, COLUMNS_SHOWN)))


def sub_item(*cells) -> tuple[str, str] | None:
    """A row's cell that opens with a sub-item's word (其中, 含 …: vocabulary.SUB_ITEM_OPENINGS), and the word."""
    for cell in cells:
        text = (text_value(cell) or "").strip()
        if word := next((word for word in SUB_ITEM_OPENINGS if text.startswith(word)), None):
            return text, word
    return None


def holds_text(row: Row) -> bool:
    """Whether a row holds words (a number or a date alone, a leftover, is skipped unsaid)."""
    return any(_text(cell) for cell in row.cells)


def _text(cell) -> bool:
    """A cell of words: a string that is not a plain number (a CSV's figures are strings too)."""
    return type(cell) is str and bool(stripped := cell.strip()) and not PLAIN_NUMBER_RE.match(stripped)


class UnreadColumns:
    """The columns of one file's table that the import does not read and that are not the template's or the plan's,
    with how many of their cells hold text; and any column past the header's last (no header at all)."""

    def __init__(self, table, watched: list[int]):
        self.table = table
        self.watched = watched
        self.width = len(table.headers)
        self.counts: dict[int, int] = {}

    @classmethod
    def of(cls, table) -> UnreadColumns:
        read = set(table.columns.values())
        watched = [index for index, header in enumerate(table.headers)
                   if index not in read and not _plan_header(header)]
        return cls(table, watched)

    def see(self, rows: list[Row]) -> None:
        """Rows as the per-row path reads them."""
        width, counts = self.width, self.counts
        for at in self.watched:
            if found := sum(_text(row.cells[at]) for row in rows if at < len(row.cells)):
                counts[at] = counts.get(at, 0) + found
        if max(map(len, (row.cells for row in rows)), default=0) > width:  # cells past the header's end: rare
            for row in rows:
                for at in range(width, len(row.cells)):
                    if _text(row.cells[at]):
                        counts[at] = counts.get(at, 0) + 1

    def see_cells(self, first: int, cells: Cells) -> None:
        """A chunk of rows' cells as the columnar path takes them, its first row numbered `first`."""
        counts = self.counts
        for at in self.watched:
            if found := sum(map(_text, filter(None, cells.column(at)))):  # blanks (None, "") left out in C
                counts[at] = counts.get(at, 0) + found
        for at, column in enumerate(cells.beyond(self.width), start=self.width):
            if found := sum(map(_text, filter(None, column))):
                counts[at] = counts.get(at, 0) + found

    def notes(self) -> list[Message]:
        """The columns with text, said once the file is read: where a remark is read instead."""
        if not self.counts:
            return []
        table, headers = self.table, self.table.headers
        named = [Message("{column} {header!r} ({n} {n:cell|cells} of text)", column=column_letter(at),
                         header=clip(str(headers[at] or "").strip(), 40), n=n) if at < len(headers) and str(headers[at] or "").strip()
                 else Message("{column} (no header, {n} {n:cell|cells} of text)", column=column_letter(at), n=n)
                 for at, n in sorted(self.counts.items())]
        note = table.label("note") if "note" in table.columns else "备注"
        return [Message("{path}: {n:column|columns} {columns} {n:was|were} not read: put the unit's remarks under {note}",
                        path=table.path, n=len(named), columns=Joined(", ", in_line(*cut(named, COLUMNS_SHOWN))), note=note)]


def _plan_header(header) -> bool:
    """A header the template prints, one naming what the plan says, or none (a column with no header is watched as
    those past the header's end are)."""
    key = header_key(header)
    if not key:
        return False
    if key in KNOWN_HEADERS:
        return True
    text = re.sub(r"[(（][^()（）]*[)）]$", "", str(header).strip())
    # 存在问题: a ledger's tasks in a published table (column_rules.PROBLEM_HEADER), in a return the problems the unit met
    return header_kind(text) in PLAN_KINDS and re.search(PROBLEM_HEADER, re.sub(r"\s+", "", text)) is None
