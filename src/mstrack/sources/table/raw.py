"""What the table reader reads a task's rows into before it reads their numbers: a task and its lines as printed,
and the table's columns by kind (what a row holds in each)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from mstrack.errors import Message
from mstrack.sources.table.columns import Column, helping_column
from mstrack.sources.table.reading import Row, Sheet
from mstrack.sources.table.schedule import Block


@dataclass(kw_only=True)
class RawLine:
    row: Row
    leaders: list[str]
    lead_units: list[str]
    units: list[str]
    scope: str = ""
    blocks: list[Block] = field(default_factory=list)
    periods: list[tuple[str, date, str]] = field(default_factory=list)  # from period columns
    deadline_only: bool = False
    content: str = ""  # the row's own content cell
    deadline: date | None = None  # the row's own 完成时限, and as printed
    deadline_text: str = ""
    item: str = ""  # a sub-item of a registration form or a sub-row without 序号: the line's own target and words
    again: tuple[str, str] = ("", "")  # the 序号 a sub-row prints, its task's own again (merged, or printed twice), and
    # its column as named ("1 (序号)")
    amount: tuple[str, str] = ("", "")  # a target column's number and the 单位 column's unit of measure: ("10", "所")
    measured: list[tuple[str, str, str]] = field(default_factory=list)  # ("年度投资金额", "300", "万元"): a header's own target
    reported: list[tuple[str, str]] = field(default_factory=list)  # (header, cell) of the progress columns: what was done
    remarks: dict[str, str] = field(default_factory=dict)  # each progress column's 备注 cell, by its header
    borrowed: bool = False  # its unit cells were blank and it took the task above's (a merged cell)
    start: tuple[str, date] | None = None  # a 开工时间 cell as printed, and its date
    in_words: int = 0  # how many of `periods` (the last ones) are dates printed in the content's own words
    titled: str = ""  # a title whose dated steps are among them ("…10座，9月底前完成6座"): its rest is due at the deadline


@dataclass(kw_only=True)
class RawTask:
    code: str
    title: str
    area: str | None
    row: Row
    content: str = ""
    content_label: str = "主要内容"  # what the note calls the content: the year of a column per year's ("2024年")
    deadline: date | None = None
    deadline_text: str | None = None
    notes: list[str] = field(default_factory=list)
    progress: str = ""
    lines: list[RawLine] = field(default_factory=list)
    numbered: bool = False  # its code is the 序号 printed, not the row's order
    headers: dict[str, str] = field(default_factory=dict)  # each column kind's header, to name a doubtful cell
    doubts: list[tuple[int, str, Message]] = field(default_factory=list)  # (row, header, why) of its doubtful cells
    own_places: tuple[str, ...] = ()  # the places the table is its own table of: their part of a figure is the target
    named_counts: frozenset[tuple[int, str, str]] = frozenset()  # the sets the document names one by one: (count, measure, noun)




@dataclass(kw_only=True)
class Layout:
    """The table's columns by kind, and what a row holds in each kind."""

    sheet: Sheet
    columns: list[Column]
    by_kind: dict[str, list[Column]] = field(default_factory=dict)
    first_leads: bool = False  # a note under the table says the first office of a cell leads, the others share the work
    dated: date | None = None  # the date printed above the table, which a term cell ("15天") counts from (terms.dated_above)

    def __post_init__(self) -> None:
        for column in self.columns:
            if column.kind:
                self.by_kind.setdefault(column.kind, []).append(column)
            if column.leads:  # 单位 over the rows' names: the name is the task and its lead
                self.by_kind.setdefault("lead", []).append(column)
        # 配合单位 printed before 责任单位: the responsible column still names the lead (the first unit of the row)
        self.by_kind.get("units", []).sort(key=helping_column)

    def cell(self, row: Row, kind: str) -> str:
        return "\n".join(text for _, text in self.texts(row, kind)).strip()

    def header(self, kind: str) -> str:
        return " ".join(c.header for c in self.by_kind.get(kind, []))

    def any_of(self, row: Row, kinds: tuple[str, ...]) -> bool:
        return any(self.cell(row, kind) for kind in kinds)

    def texts(self, row: Row, kind: str) -> list[tuple[Column, str]]:
        """The row's non-empty cells of a kind, each with its column; a cell merged across two columns of the kind
        (目标任务 over two columns, 子项目 and 建设内容: its value repeated in each) is read once. Columns of their own
        dates (三季度, 四季度) keep each its value, the same words or not, and so do target columns of their own units
        (日间服务中心(家) 3 beside 助餐服务点(个) 3)."""
        found: list[tuple[Column, str]] = []
        for c in self.by_kind.get(kind, []):
            text = row.cells[c.index] if c.index < len(row.cells) else ""
            own = kind == "measured" and bool(found) and found[-1][0].label != c.label  # a figure in another unit
            if text and (own or not (found and found[-1][0].index == c.index - 1 and found[-1][1] == text
                                     and found[-1][0].due == c.due)):
                found.append((c, text))
        return found

    def where(self, row: Row, column: Column) -> Message:
        return self.sheet.where(row, column.index, column.header)
