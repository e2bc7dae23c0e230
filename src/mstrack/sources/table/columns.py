"""A header cell's name read as its column's kind (序号, 牵头单位, 完成时限 …), and the column's cells below."""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import date

from mstrack.domain.dates import PERIOD_RE, QUARTER_LABEL, YEAR_LABEL, period_end
from mstrack.domain.quantities import UNIT_SCALE_ALT
from mstrack.sources.table.cells import HELPING_RE, heading_row, note_line, table_end
from mstrack.sources.table.column_rules import (
    COLUMN_RULES,
    INSPECTED_FIELDS,
    MONTH_PLAN_RE,
    NAMED_MONTH_PLAN_RE,
    PROBLEM_HEADER,
)
from mstrack.sources.table.kept import read_once
from mstrack.sources.table.reading import Row, Sheet
from mstrack.vocabulary import BOUND_SUFFIXES, BOUND_WORDS

# Header names that mean the same column, as the corpus and the seeds print them (one set per meaning). The rules above
# read every one of them alike (tests/test_table_variants.py proves it, and that a table reads the same under each).
HEADER_SYNONYMS = (
    ("seq", ("序号", "编号")),
    ("task", ("项目名称", "实事名称", "实事项目", "项目内容", "实事内容", "工作任务", "主要任务", "事项名称", "民生实事",
              "重点工作")),
    ("lead", ("牵头单位", "牵头部门", "主责单位", "主办单位")),
    ("units", ("责任单位", "责任部门", "实施单位", "责任主体")),
    ("units", ("配合单位", "配合部门", "协同单位", "协办单位")),
    ("units", ("主管部门", "主管单位")),  # the office over a trade (行业 / 主管部门 / 应达标企业数): its responsible unit
    ("deadline", ("完成时限", "完成时间", "计划完成时间", "完成期限")),
    ("area", ("分管领域", "检查领域", "重点领域")),  # the fields a campaign inspects: its tasks beside no task column
)  # 时间节点 is no deadline's synonym: it is read as a schedule, its cell often names several dated steps


@dataclass(kw_only=True)
class Column:
    index: int
    header: str
    kind: str
    due: date | None = None  # a period column (第一季度) or a schedule column naming a period (下半年)
    label: str = ""
    partial: bool = False  # a schedule column that plans one month only (月度工作计划, 本月计划), not the whole task
    undated: bool = False  # next month's plan in a table whose title names no month: read without a date, and doubted
    yearly: bool = False  # the programme's year's column beside other years' (2024年 beside 2025年): its words noted so
    leads: bool = False  # a task column of the units a table assigns its figures to (单位): each row's name is its lead too
    named_rows: bool = False  # a task column of the rows' names beside a count (行业, 片区: cells.place_task_column)
    labels_code: bool = False  # an area column whose labels code its groups (numbered_columns.labels_over_numbers)


@read_once
def column_kind(header: str, year: int) -> Column:
    text = re.sub(r"\s+", "", header)
    if not text:
        return Column(index=-1, header=header, kind="")
    if PERIOD_RE.fullmatch(text):
        try:
            return Column(index=-1, header=header, kind="period", due=period_end(text, year), label=text)
        except ValueError:  # DateError, or year 0 (a look at the kind alone)
            return Column(index=-1, header=header, kind="")
    if named := NAMED_MONTH_PLAN_RE.match(text):
        try:
            return Column(index=-1, header=header, kind="schedule", due=period_end(named[1], year), label=named[1],
                          partial=True)
        except ValueError:  # DateError, or year 0 (a look at the kind alone)
            return Column(index=-1, header=header, kind="")
    for kind, pattern in COLUMN_RULES:
        if re.search(pattern, text):
            column = Column(index=-1, header=header, kind=kind)
            if kind == "schedule" and (found := re.search(rf"{YEAR_LABEL}|{QUARTER_LABEL}", text)):
                with contextlib.suppress(ValueError):  # a look at the kind alone (year 0: list_fallback's headings)
                    column.due, column.label = period_end(found[0], year), found[0]
            column.partial = kind == "schedule" and MONTH_PLAN_RE.search(text) is not None
            return column
    return Column(index=-1, header=header, kind="")


def lists_problems(header: str) -> bool:
    """A task column of the problems a ledger found (存在问题, 督查发现的具体问题): its figures say what was found ("一楼三个
    通道", "托管12人"), never a target of the work that puts it right."""
    return bool(header) and re.search(PROBLEM_HEADER, re.sub(r"\s+", "", header)) is not None


def areas_as_tasks(columns: list[Column]) -> None:
    """A campaign's table of leaders, the fields each answers for and the offices that lead there (分管领导 /
    检查领域 / 牵头落实部门): with no column naming the work, the fields are the rows' tasks, each row what its offices
    inspect. An area column of other words (类别, 板块) beside the units is a grouping, no task."""
    if any(c.kind == "task" for c in columns) or not any(c.kind in ("lead", "units") for c in columns):
        return
    fields = [c for c in columns if c.kind == "area" and re.search(INSPECTED_FIELDS, squeezed(c))]
    if len(fields) == 1:
        fields[0].kind = "task"


def leads_beside_helpers(columns: list[Column]) -> None:
    """牵头责任单位 (or 主要责任单位) names the lead and the other units in one cell, unless a column of its own names
    the units that help (配合实施单位, 协同配合单位) or the other units (a plain 责任单位, wherever it is printed):
    beside that one it names the leads only, as its header says."""
    if any(c.kind == "lead" for c in columns):
        return
    leading = [c for c in columns if c.kind == "units" and _leading(squeezed(c))]
    if not any(c.kind == "units" and c not in leading and (helping_column(c) or "牵头" in "".join(map(squeezed, leading)))
               for c in columns):
        return
    for column in leading:
        column.kind = "lead"


def _leading(header: str) -> bool:
    """A units column whose name says it leads ("牵头责任单位", "主要责任单位"); "主要协\n作单位" helps."""
    return bool(re.search(r"牵头", header) or (re.search(r"主要|主责", header) and not HELPING_RE.search(header)))


def squeezed(column: Column) -> str:
    """The column's header without its spaces ("完 成 时 限", a name printed spread over its cell)."""
    return re.sub(r"\s+", "", column.header)


def helping_column(column: Column) -> bool:
    """A column of the units that help ("配合单位", "主要协\n作单位": a narrow column's name broken over lines)."""
    return HELPING_RE.search(squeezed(column)) is not None


# "2024年", "2025年度", "2024年目标任务", "2025年工作目标", "2024年度任务": a column of that year's figures
YEAR_HEADER_RE = re.compile(r"^(\d{4})\s*年度?(?:(?:工作|建设)?(?:目标任务|任务目标|目标|任务))?$")


def year_columns(columns: list[Column], year: int) -> None:
    """A column for each year ("2024年" beside "2025年", each holding that year's figures; "2024年目标任务" beside
    "2025年目标任务" alike): the programme's year's holds the targets (bare figures as a 目标任务 column's, figures
    with their units as a content column's), the other years' figures stay in the task's note (row_lines). A lone
    year's column, or years without the programme's, are read no further (a plan is often printed the year before it
    runs); so are years whose words name the tasks where no other column does."""
    yearly = [c for c in columns if c.kind in ("", "task") and YEAR_HEADER_RE.match(squeezed(c))]
    years = [c for c in yearly if int(YEAR_HEADER_RE.match(squeezed(c))[1]) == year]
    named = any(c.kind == "task" and c not in yearly for c in columns)  # 项目名称 beside 2024年目标任务
    if len(years) == 1 and sum(bool(YEAR_HEADER_RE.match(squeezed(c))) for c in columns) >= 2 \
            and (named or not any(c.kind for c in yearly)):
        for column in yearly:
            column.kind, column.yearly = ("amount", True) if column is years[0] else ("", False)


def data_rows(sheet: Sheet, at: int) -> list[Row]:
    """The rows under the header row `at`, footnotes (备注：…, 注：…), group headings merged over the row, a contact
    table and the lines of one text under the table (cells.table_end) left out: what the columns are told by."""
    rows = sheet.rows[at + 1:]
    return [r for r in rows[:table_end(rows)] if not note_line(r.cells) and not heading_row(r.cells)]


def office_columns(columns: list[Column]) -> None:
    """A column of offices (责任科室, 配合处室) names the responsible units of a table that has no 单位 or 部门 column;
    beside one (牵头单位 / 负责科室) it names the lead unit's own section, no unit of the task, unless it names
    offices that work with the lead (配合科室, 协办处室)."""
    offices = [c for c in columns if c.kind == "office"]
    units = any(c.kind in ("lead", "units") and not re.search(r"科室|处室|股室|机构", c.header) for c in columns)
    for column in offices:
        column.kind = "units" if not units or helping_column(column) else ""


UNIT_NAME_RE = re.compile(r"(?:局|委|办|府|院|司|部|会|厅|中心|集团|街道|镇|乡|公司|社区)$")
BARE_NUMBER_RE = re.compile(rf"^\d+(?:,\d{{3}})*(?:\.\d+)?\s*(?:{UNIT_SCALE_ALT})?$")
# a figure with no measure word that a bound or 左右 closes, or a bound opens ("5左右", "28000以上", "不少于5000"): a number
# cell of a target column too
_FIGURE = rf"\d+(?:,\d{{3}})*(?:\.\d+)?\s*(?:{UNIT_SCALE_ALT})?"
BOUNDED_NUMBER_RE = re.compile(rf"^(?:(?:{'|'.join(BOUND_WORDS)})\s*{_FIGURE}\s*(?:{'|'.join(BOUND_SUFFIXES)})?"
                               rf"|{_FIGURE}\s*(?:{'|'.join(BOUND_SUFFIXES)}))$")


def column_values(sheet: Sheet, at: int, column: Column) -> list[str]:
    """The column's filled cells below the header, a footnote merged over the table's width left out."""
    return [r.cells[column.index] for r in data_rows(sheet, at) if column.index < len(r.cells) and r.cells[column.index]]


HEADER_UNIT_RE = re.compile(r"^(?P<name>.+?)[（(](?P<unit>[^()（）\d]{1,4})[)）]$")
