"""What the cells below a header say of the columns its names leave open: targets, money, groups, areas and titles."""

from __future__ import annotations

import re

from mstrack.domain.quantities import chinese_count
from mstrack.sources.rows import TOTAL_CELL_RE, total_row
from mstrack.sources.table.above import declared_unit, total_units
from mstrack.sources.table.cells import AREA_RE, CODE_CELL_RE, GROUP_CODE_RE, place_task_column
from mstrack.sources.table.columns import (
    BARE_NUMBER_RE,
    BOUNDED_NUMBER_RE,
    HEADER_UNIT_RE,
    UNIT_NAME_RE,
    YEAR_HEADER_RE,
    Column,
    column_values,
    data_rows,
    office_columns,
)
from mstrack.sources.table.numbering import DOTS, ITEM_NUMBER_RE, title_code
from mstrack.sources.table.reading import Sheet
from mstrack.sources.table.units import role_sentences
from mstrack.vocabulary import CONDITION_HEADERS


def _number_columns(sheet: Sheet, at: int, columns: list[Column]) -> None:
    """Columns of bare numbers: the first under a target-like header (目标任务, 年度目标, 数量) holds the targets,
    the others (进度, 完成目标(%)) report progress. A 单位 column of short words that name no office is the unit
    of measure (个, 所, 公里) of those targets; else 单位 is the responsible units. A figure closed by a bound or 左右
    ("80以上") is a number cell beside such a 单位 column or under a target's header only; a column of ages or
    durations (CONDITION_HEADER_RE) is none (row_lines keeps it in the note), a 工期（天） of figures no deadline either."""
    measure = next((c for c in columns if c.kind == "measure"), None)
    if measure is not None:
        values = column_values(sheet, at, measure)
        if not values or any(len(v) > 5 or UNIT_NAME_RE.search(v) for v in values):
            measure.kind, measure = "units", None
    numeric = []
    yearly = any(c.kind == "amount" and YEAR_HEADER_RE.match(re.sub(r"\s+", "", c.header)) for c in columns)
    if yearly and (_yearly_money(sheet, at, columns) or _figured_content(sheet, at, columns)):
        for column in (c for c in columns if c.kind == "amount" and YEAR_HEADER_RE.match(re.sub(r"\s+", "", c.header))):
            column.kind = ""  # the programme's year's money: a note ("2024年：3000"), as the other years'
    for column in columns:
        header = re.sub(r"\s+", "", column.header)
        if yearly and not column.kind and YEAR_HEADER_RE.match(header):
            continue  # 2025年 beside the programme's 2024年 (columns.year_columns): no progress, a note
        timed = column.kind == "deadline" and HEADER_UNIT_RE.match(header) and CONDITION_HEADER_RE.search(header)  # 工期（天）
        values = column_values(sheet, at, column) if column.kind in ("task", "amount", "", "schedule", "content") or timed else []
        bounded = measure is not None or TARGET_HEADER_RE.search(header) is not None \
            or CONDITION_HEADER_RE.search(header) is not None  # "28000以上" a figure here; "90以内" a 工期（天）'s
        if values and sum(bool(BARE_NUMBER_RE.match(v) or bounded and BOUNDED_NUMBER_RE.match(v)) for v in values) * 2 > len(values):
            if CONDITION_HEADER_RE.search(header):
                column.kind = ""  # 服务对象年龄（岁）, 建设周期（月）: whom the work serves, how long it takes; in the note
                continue
            numeric.append(column)
    stated = total_units(sheet, at, [c.index for c in numeric if not HEADER_UNIT_RE.match(re.sub(r"\s+", "", c.header))])
    numeric = [c for c in numeric if not _years(sheet, at, c, columns)]
    numeric = [c for c in numeric if not _measured(c, numeric, stated.get(c.index, ""))]
    money = _money_columns(sheet, at, columns, numeric)
    numeric = [c for c in numeric if c not in money]
    targets = [c for c in numeric if c.kind in ("task", "amount") or c.kind == "schedule" and PLANNED_COUNT_RE.search(c.header)]
    for column in numeric:
        column.kind = "amount" if targets and column is targets[0] else "progress"
    if measure is not None and not targets:
        measure.kind = ""
    for column in columns:  # "区民生实事项目数量" over words ("区政府民生实事项目(1个)"): no targets
        if column.kind == "amount" and column not in numeric and not _year_target(sheet, at, column):
            # the programme's year's "20个" beside 2025年's: its content
            column.kind = "content" if YEAR_HEADER_RE.match(re.sub(r"\s+", "", column.header)) else ""


def _yearly_money(sheet: Sheet, at: int, columns: list[Column]) -> bool:
    """Year columns ("2024年", "2025年") holding money, not the year's work: a "单位：万元" printed above the table, sums
    in their unit in most of their cells ("3000万元"), or an investment column beside them (总投资（万元）, 资金来源)."""
    years = [c for c in columns if YEAR_HEADER_RE.match(re.sub(r"\s+", "", c.header))]
    values = [v for c in years for v in column_values(sheet, at, c)]
    if _year_targets(years, values):
        return False
    priced = sum(bool(MONEY_CELL_RE.match(v.strip())) for v in values)
    return bool(declared_unit(sheet, at)) or bool(values) and priced * 2 > len(values) \
        or any(c not in years and (MONEY_HEADER_RE.search(c.header) or re.search(r"[（(](?:万|亿)?元[)）]", c.header))
               for c in columns)


# a count with its measure ("20个", "5座", "300人", "20万人"), no sum of money ("3000万元")
COUNT_CELL_RE = re.compile(r"^\d+(?:,\d{3})*(?:\.\d+)?\s*(?!(?:万|亿)?元)(?:万|亿)?[\u4e00-\u9fff]{1,3}$")


def _year_targets(years: list[Column], values: list[str]) -> bool:
    """Year columns that state the year's work: a header naming a target (2024年目标任务, 2024年工作目标) or cells that
    mostly count with their measure ("20个"): never money, whatever investment column stands beside them."""
    counted = sum(bool(COUNT_CELL_RE.match(v.strip())) for v in values)
    return any(TARGET_HEADER_RE.search(c.header) for c in years) or bool(values) and counted * 2 > len(values)


def _year_target(sheet: Sheet, at: int, column: Column) -> bool:
    """The programme's year's column naming a target ("2024年目标任务") whose cells count with their measure ("20个"):
    the year's part of the work, the target even where the content prints a figure of its own ("改造老旧小区50个")."""
    values = column_values(sheet, at, column)
    return column.yearly and TARGET_HEADER_RE.search(column.header) is not None and bool(values) \
        and sum(bool(COUNT_CELL_RE.match(v.strip())) for v in values) * 2 > len(values)


def _figured_content(sheet: Sheet, at: int, columns: list[Column]) -> bool:
    """A task column beside the year columns whose cells mostly print their own figure with its unit ("改造小区20个"):
    the target is read there; the year's bare figure under a bare year ("2024年") never replaces it (it stays in the
    note). A year column naming a target ("2024年目标任务") states the year's part of the content's figure: its own."""
    years = [c for c in columns if YEAR_HEADER_RE.match(re.sub(r"\s+", "", c.header))]
    if any(TARGET_HEADER_RE.search(c.header) for c in years):
        return False
    for column in (c for c in columns if c.kind == "task"):
        values = column_values(sheet, at, column)
        figured = sum(bool(re.search(r"\d", v)) and not BARE_NUMBER_RE.match(v.strip()) for v in values)
        if values and figured * 2 > len(values):
            return True
    return False


# a planned count read as a schedule for its 计划 / 完成 ("计划完成数", "计划完成数量"): over bare figures, the target
PLANNED_COUNT_RE = re.compile(r"(?:计划|目标|任务)[^时期限间]*数量?\s*$")
CONDITION_HEADER_RE = re.compile(CONDITION_HEADERS)  # 服务对象年龄（岁）, 建设周期（月）: no target (vocabulary)
# a header that says its figures are targets: a figure closed by a bound or 左右 under it is a number cell ("20000以上")
TARGET_HEADER_RE = re.compile(r"目标|任务|指标|计划|预期")


ITEM_START_RE = re.compile(rf"^\d{{1,3}}\s*[{DOTS}]\s*\D")  # "1、农村…": an item's number before its words
REPORTED_RE = re.compile(r"完成|进度|已|实际|占|比")


# a count of the state the plan starts from: the population it serves (老年人口数, 户籍人口), what exists (现有, 基数)
BASE_RE = re.compile(r"(?<!新增)(?<!转移)人口(?:数|总数|总量)?$|现有|现状|基数|存量|原有")
# a header counting one year's work: 年度目标, 当年投资, 全年任务, 年内新增, 2024年新增, 年新增; a year inside another word
# (老年, 年龄, 使用年限, 建成年份, 周年, 残疾人就业年) is none
YEARS_FIGURE_RE = re.compile(r"年度|[当全本今每]年|年[内內均]|\d{2,4}\s*年|^年(?![龄齡限份数數])")


def _measured(column: Column, numeric: list[Column], stated: str = "") -> bool:
    """A column of numbers whose header names their unit ("年度投资金额 (万元)"), or whose total the text above prints
    with one (`stated`: 计划完成数, the plan's figure), is a target of its own, named by the header; a multi-year total
    (总投资) only when no column counts the year (当年投资). Progress is not."""
    header = re.sub(r"\s+", "", column.header)
    planned = (bool(stated) or HEADER_UNIT_RE.match(header) is not None) \
        and re.match(r"(?:计划|目标|任务)(?!.*率)", header) is not None  # 计划完成数（人）; not 累计开工数, 计划完成率
    m = HEADER_UNIT_RE.match(header) or ({"name": header, "unit": stated} if planned else None)
    if not m or REPORTED_RE.search(m["name"]) and not planned:
        return False
    if BASE_RE.search(m["name"]):  # 老年人口数(人), 现有床位(张): what the plan starts from, beside the targets
        column.kind = "note"
        return True
    yearly = [c for c in numeric if (n := HEADER_UNIT_RE.match(re.sub(r"\s+", "", c.header)))
              and YEARS_FIGURE_RE.search(n["name"]) and not BASE_RE.search(n["name"])]
    column.kind = "measured" if not yearly or column in yearly else "note"
    column.label = m["unit"] if column.kind == "measured" else ""
    column.header = m["name"] if column.kind == "measured" else column.header
    return True


YEAR_CELL_RE = re.compile(r"^(?:19|20)\d{2}\s*年?$")
COMPLETION_RE = re.compile(r"完成|竣工|完工|建成|交付")


def _years(sheet: Sheet, at: int, column: Column, columns: list[Column]) -> bool:
    """A column in 年 whose cells are years ("计划完成年度（年）" 2024, 2025): dates, never a target. A completion year
    (计划竣工（年）, 建成年份（年）) is the row's deadline, that year's end, where no column dates the tasks; any other
    is read no further."""
    m = HEADER_UNIT_RE.match(re.sub(r"\s+", "", column.header))
    values = column_values(sheet, at, column)
    if not m or m["unit"] != "年" or not values or not all(YEAR_CELL_RE.match(v.strip()) for v in values):
        return False
    dated = any(c.kind in ("deadline", "schedule", "period") and c is not column for c in columns)
    column.kind = "deadline" if COMPLETION_RE.search(m["name"]) and not dated else ""
    return True


MONEY_CELL_RE = re.compile(r"^\d+(?:,\d{3})*(?:\.\d+)?\s*(?:万|亿)?元$")
MONEY_HEADER_RE = re.compile(r"投资|资金|预算|金额")


def _money_columns(sheet: Sheet, at: int, columns: list[Column], numeric: list[Column]) -> list[Column]:
    """A column of sums under 计划投资, 年度投资 or 资金, in their unit ("3000万元") or bare under a "单位：万元" printed
    above the table: a target of its own, named by the header; a total (总投资) only when no other such column counts
    the year or the plan. Returns those columns."""
    declared = declared_unit(sheet, at)
    money = []
    for column in columns:
        header = re.sub(r"\s+", "", column.header)
        if column.kind not in ("", "schedule", "amount", "task") or not MONEY_HEADER_RE.search(header) or REPORTED_RE.search(header):
            continue
        values = column_values(sheet, at, column)
        priced = sum(bool(MONEY_CELL_RE.match(v)) or (bool(declared) and column in numeric) for v in values)
        if values and priced * 2 > len(values):
            money.append(column)
    yearly = [c for c in money if re.search(r"年|计划", c.header)]
    for column in money:
        if yearly and column not in yearly:
            column.kind = "note"
        else:
            column.kind, column.header = "measured", re.sub(r"\s+", "", column.header)
            column.label = declared if column in numeric else ""
    return money


def _group_columns(sheet: Sheet, at: int, tasks: list[Column], seq: Column) -> list[Column]:
    """Task-like columns whose value stays the same across rows with different 序号 (工程名称, a merged 项目内容
    over several items) name a group of tasks, not a task; a merged 项目名称 over one item's sub-rows does not. In a
    short table, a column of words without figures left of the items, the same over as many rows as not, is one."""
    groups = []
    for column in tasks:
        same = changes = 0
        previous = None
        values = column_values(sheet, at, column)
        inner = next((c for c in tasks if c.index > column.index), None)
        themes = inner is not None and not any(re.search(r"\d", v) for v in values)
        over = blank = 0  # rows where the value stays (or is left blank) and the items' words beside it change
        for row in data_rows(sheet, at):
            code = row.cells[seq.index] if seq.index < len(row.cells) else ""
            value = row.cells[column.index] if column.index < len(row.cells) else ""
            words = row.cells[inner.index] if inner is not None and inner.index < len(row.cells) else ""
            if code and not value and words and previous is not None and code != previous[0]:
                blank += 1  # written once over its items, blank below (a sheet export): the theme goes on
                over += words != previous[2]
                previous = (code, previous[1], words)
            elif code and value:
                if previous is not None and code != previous[0]:
                    changes += 1
                    same += value == previous[1]
                    over += value == previous[1] and words != previous[2]
                previous = (code, value, words)
        if (changes >= 3 and same * 2 > changes) or (themes and over and over * 2 >= changes + blank):
            groups.append(column)
    return groups




def _theme_columns(sheet: Sheet, at: int, tasks: list[Column]) -> list[Column]:
    """No 序号: a task-like column whose value stays the same (or blank, written once) down rows where the next task
    column's words change is a theme over those tasks (实事内容 "养老助残" over two 工作任务); a merged 项目名称 that
    numbers its item ("1.城市提升项目") is one task's registration form instead."""
    themes = []
    for column, inner in zip(tasks, tasks[1:], strict=False):
        same = changes = 0
        previous = None
        for row in data_rows(sheet, at):
            value = row.cells[column.index] if column.index < len(row.cells) else ""
            words = row.cells[inner.index] if inner.index < len(row.cells) else ""
            if ITEM_NUMBER_RE.match(value):
                return []
            if not words:
                continue
            if previous is not None and words != previous[1]:
                changes += 1
                same += not value or value == previous[0]
            previous = (value or (previous[0] if previous else ""), words)
        if changes >= 1 and same * 2 >= changes and same >= 1:
            themes.append(column)
    return themes


def columns_by_data(sheet: Sheet, at: int, columns: list[Column]) -> None:
    """What the cells say of the columns their headers leave open: numbers, offices, groups, areas and titles."""
    office_columns(columns)  # a sub-header's own
    for left, column in zip(columns, columns[1:], strict=False):  # "考核指标" merged over two columns, the second unnamed
        if not column.header.strip() and not column.kind and left.kind == "task" and column_values(sheet, at, column):
            column.kind, column.header = "task", left.header
    _unnamed_number_column(sheet, at, columns)  # before the columns of bare figures: these number the tasks
    _number_columns(sheet, at, columns)  # a 目标任务(个) column of bare figures is a target: is a place column the task's?
    place_task_column(columns, lambda column: column_values(sheet, at, column))
    if not any(c.kind in ("lead", "units") for c in columns):  # a 备注 column that names offices names the units
        for column in (c for c in columns if c.kind == "note"):
            values = column_values(sheet, at, column)
            if values and sum(bool(UNIT_NAME_RE.search(v)) for v in values) * 2 > len(values):
                column.kind = "units"
                break
    _sharing_column(sheet, at, columns)
    _numbered_requirements(sheet, at, columns)
    _numbered_title_column(sheet, at, columns)
    tasks = [c for c in columns if c.kind == "task"]
    if len(tasks) >= 2 and (filled := [c for c in tasks if column_values(sheet, at, c)]):
        for column in (c for c in tasks if c not in filled):  # 名称 empty under every item beside 工作任务: no title
            column.kind = ""
        tasks = filled
    if len(tasks) >= 2:
        _task_columns(sheet, at, columns, tasks)
        items_numbering_themselves(sheet, at, columns)


def _sharing_column(sheet: Sheet, at: int, columns: list[Column]) -> None:
    """任务分工 beside another task column, its cells sentences of offices and their roles ("县教育局负责项目建设，
    县财政局负责资金保障"): the units; alone, or over the tasks' words, it is the task column."""
    tasks = [c for c in columns if c.kind == "task"]
    for column in tasks[1:] if len(tasks) >= 2 else []:
        values = column_values(sheet, at, column)
        if "分工" in column.header and values and sum(role_sentences(v) is not None for v in values) * 2 > len(values):
            column.kind = "units"


REQUIREMENT_HEADER_RE = re.compile(r"要求|内容")  # 具体要求, 工作要求, 主要内容: the tasks' words, where the cells agree


def _numbered_requirements(sheet: Sheet, at: int, columns: list[Column]) -> None:
    """A column the header rules leave open (具体要求: 要求 alone is no task word) whose cells each print an item's own
    number ("1.主动公开…", "2.…", one a row, running on), beside the one task column whose cells are a few group
    headings merged over those rows (工作任务 "一、做好各类规划主动公开。"): the numbered column holds the tasks, read
    as a second task column (_task_columns makes the headings their area). Beside a task column holding a task a row,
    the numbers are the details' own and the column stays unread."""
    tasks = [c for c in columns if c.kind == "task"]
    if len(tasks) != 1:
        return
    header = sheet.rows[at].cells
    for column in (c for c in columns if not c.kind and REQUIREMENT_HEADER_RE.search(re.sub(r"\s+", "", c.header))):
        rows = [r.cells for r in data_rows(sheet, at) if column.index < len(r.cells) and r.cells[column.index].strip()
                and r.cells[:len(header)] != header]  # the header again, at a page break
        own = [title_code(cells[column.index]) for cells in rows]
        codes = [m[1] for m in own if m]
        if len(rows) < 3 or len(codes) < len(rows) or len(set(codes)) < len(codes) \
                or any(numbered_lines(cells[column.index]) for cells in rows):
            continue
        headings = [cells[tasks[0].index].strip() if tasks[0].index < len(cells) else "" for cells in rows]
        seq = next((c.index for c in columns if c.kind == "seq"), None)
        numbers = [cells[seq].strip() if seq is not None and seq < len(cells) else "" for cells in rows]
        if headings[0] and _grouped(headings, numbers):
            column.kind = "task"
            return


def _grouped(headings: list[str], numbers: list[str]) -> bool:
    """Headings that are clearly groups of the rows beside them: each covers a run of rows (merged, or written once
    over it, the cells below blank) and comes back after no other, most runs cover several rows or the headings carry
    their own numbers ("一、…"), and no 序号 numbers them one a heading (then they are the tasks, each with its details
    on one row or a few). One task spanning two rows among tasks one a row is no group."""
    runs: list[list[int]] = []  # the rows of each heading's run
    for k, heading in enumerate(headings):
        if heading and (not runs or heading != headings[runs[-1][0]]):
            runs.append([k])
        else:
            runs[-1].append(k)
    starts = [headings[run[0]] for run in runs]
    if len(runs) == len(headings) or len(set(starts)) < len(starts):
        return False
    own = [{numbers[k] for k in run if numbers[k]} for run in runs]
    if all(len(found) == 1 for found in own) and len({n for found in own for n in found}) == len(runs):
        return False  # 序号 "1", "2", "3" one a heading: the headings are numbered as the tasks
    several = sum(len(run) >= 2 for run in runs)
    return several * 2 > len(runs) or all(HEADING_NUMBER_RE.match(h) for h in starts)


HEADING_NUMBER_RE = re.compile(rf"[一二三四五六七八九十]+\s*[、{DOTS}]")  # "一、做好…": a group's own number


def one_numbered_item(sheet: Sheet, at: int, columns: list[Column]) -> None:
    """A header that names only who is responsible (""/责任单位) over rows whose cells under the empty header are each a
    numbered item ("1、农村中小学校改扩建工程。…") beside an office: that column holds the tasks, however few (one is
    enough: the number and the office say it is an item, not prose). Items that say who to call ("1、联系人：张三 电话：…")
    or what an office does ("1、负责…统筹协调": a duty split) are no work items: nothing is read."""
    named = [c for c in columns if c.header.strip()]
    units = [c for c in named if c.kind in ("lead", "units")]
    if len(units) != 1 or any(not c.kind or c.kind == "task" for c in named):  # beside it: known columns (备注, 进展…)
        return
    at_unit = units[0].index
    rows = [r.cells for r in data_rows(sheet, at) if any(c.strip() for c in r.cells)]
    for column in (c for c in columns if not c.header.strip() and not c.kind and c.index < at_unit):
        if rows and all(column.index < len(cells) and len(cells[column.index]) >= 8 and ITEM_START_RE.match(cells[column.index])
                        and not contact_or_duty(cells[column.index])
                        and at_unit < len(cells) and UNIT_NAME_RE.search(cells[at_unit].strip()) for cells in rows):
            column.kind = "task"
            return


CONTACT_OR_DUTY_RE = re.compile(rf"^\d{{1,3}}\s*[{DOTS}]\s*(?:负责|(?:联系|咨询|投诉|举报)(?:人|电话|方式))"
                                rf"|(?:电话|手机)\s*[:：]?\s*\d[\d-]{{6,}}")


def contact_or_duty(item: str) -> bool:
    """"1、联系人：张三 电话：12345678", "1、负责项目资金的筹措": a contact or an office's duty, not an item of work."""
    return CONTACT_OR_DUTY_RE.search(item.strip()) is not None


def _unnamed_number_column(sheet: Sheet, at: int, columns: list[Column]) -> None:
    """No 序号: an unnamed column left of the task column whose cells are numbers rising down the rows ("01", "02",
    "04"; "3.", "四") numbers the tasks as the document prints them, not their position. The numbers start at 1 or
    stay small: 2024, 2025, 2026 are years, not a count of tasks."""
    tasks = [c for c in columns if c.kind == "task"]
    if not tasks or any(c.kind == "seq" for c in columns):
        return
    for column in columns:
        if column.kind or column.header.strip() or column.index > tasks[0].index:
            continue
        values = [v for v in column_values(sheet, at, column) if not TOTAL_CELL_RE.match(v)]  # "合计": no task
        numbers = [_number_of(v) for v in values]
        if len(values) >= 2 and None not in numbers and numbers == sorted(set(numbers)) \
                and (numbers[0] <= 1 or numbers[-1] < 1000):
            column.kind = "seq"
            return


def _number_of(cell: str) -> int | None:
    """The number a 序号 cell prints ("01", "3.", "（2）", "★4", "二"), or None for any other cell."""
    if m := CODE_CELL_RE.match(cell.strip()):
        return int(re.match(r"\d+", m[1])[0])
    return chinese_count(m[1]) if (m := GROUP_CODE_RE.match(cell.strip())) else None


def _numbered_title_column(sheet: Sheet, at: int, columns: list[Column]) -> None:
    """No 序号: an unnamed column whose cells number the items ("一、新建学校项目") beside a named task column whose
    cells do not (任务目标: the plan's long words) holds the titles; the named one is their content. Two such cells at
    least, or the one of a table of one row (header._one_numbered_project)."""
    tasks = [c for c in columns if c.kind == "task"]
    if not tasks or any(c.kind == "seq" for c in columns) \
            or any(_numbered([v for v in column_values(sheet, at, t) if not numbered_lines(v)]) for t in tasks):
        return
    for column in columns:
        if column.kind or column.header.strip():
            continue
        rows = [r for r in data_rows(sheet, at) if any(c.strip() for c in r.cells) and not total_row(r.cells)]
        values = [r.cells[column.index] for r in rows if column.index < len(r.cells) and r.cells[column.index]]
        if len(values) >= min(2, len(rows)) and _numbered(values) and _one_title_a_row(sheet, at, column, tasks):
            column.kind, column.header = "task", ""
            for task in tasks:
                task.kind = "content"
            return


def _one_title_a_row(sheet: Sheet, at: int, column: Column, tasks: list[Column]) -> bool:
    """Titles, not group labels: each row with the task column's words has its own cell here, with words after its
    number (not "1." alone), neither blank nor repeating the row above (一、教育 written once or merged over its
    items is a group's label)."""
    previous = None
    for row in data_rows(sheet, at):
        value = row.cells[column.index].strip() if column.index < len(row.cells) else ""
        if not any(t.index < len(row.cells) and row.cells[t.index].strip() for t in tasks) \
                or row.cells[:len(sheet.rows[at].cells)] == sheet.rows[at].cells:  # the header again, at a page break
            continue
        m = ITEM_NUMBER_RE.match(value)
        if not m or not value[m.end():].strip() or value == previous:
            return False
        previous = value
    return True


def numbered_lines(cell: str) -> bool:
    """"1、充分就业社区创建18个;\n2、新增技能人才2400人;": a cell of several lines numbered from 1, an item's parts
    listed in its cell, not the number of an item of the table."""
    lines = [line for line in cell.splitlines() if line.strip()]
    numbers = [re.match(r"\s*(\d+)\s*[、.．]", line) for line in lines]
    return len(lines) >= 2 and all(numbers) and [int(m[1]) for m in numbers] == list(range(1, len(lines) + 1))


def _numbered(values: list[str]) -> bool:
    """Most of the cells start with an item's number (一、, 1., (一))."""
    return sum(bool(ITEM_NUMBER_RE.match(v)) for v in values) * 2 > len(values)


def _spanned_columns(sheet: Sheet, at: int, tasks: list[Column]) -> list[Column]:
    """No 序号, and one header cell over several task columns (项目 over area / project / indicator): those columns,
    when the last one changes from each row to the next and the first stays the same (merged down, or blank below in a
    text export) over some of those rows; else none."""
    run: list[Column] = []
    for column in tasks:
        if run and column.index == run[-1].index + 1 and column.header == run[-1].header:
            run.append(column)
        elif len(run) >= 2:
            break
        else:
            run = [column]
    if len(run) < 2:
        return []
    rows = [[r.cells[c.index] if c.index < len(r.cells) else "" for c in run] for r in data_rows(sheet, at)]
    rows = [r for r in rows if r[-1]]
    pairs = list(zip(rows, rows[1:], strict=False))
    merged = sum(1 for above, row in pairs if not row[0] or row[0] == above[0])
    changing = all(row[-1] != above[-1] for above, row in pairs)
    return run if pairs and changing and merged else []


def _task_columns(sheet: Sheet, at: int, columns: list[Column], tasks: list[Column]) -> None:
    """Several task-like columns: group columns left of the items (or a first one whose cells read "一、…") are the
    area, the first other one is the title, the rest content: a column after the title repeating one value on every
    row is still content."""
    seq = next((c for c in columns if c.kind == "seq"), None)
    if seq is None and (span := _spanned_columns(sheet, at, tasks)):
        *left, title = span  # the indicator under 项目 is the task, the merged ones left of it its area and project
        if not any(c.kind == "area" for c in columns):
            left[0].kind, left = "area", left[1:]
        for column in [*left, *(c for c in tasks if c.index > title.index)]:
            column.kind = "content"
        return
    groups = _group_columns(sheet, at, tasks, seq) if seq is not None else _theme_columns(sheet, at, tasks)
    title = next((c for c in tasks if c not in groups), None)  # a group heads the items right of it: one repeating
    groups = [c for c in groups if title is not None and c.index < title.index]  # after them (工作目标 "年底前全面完成") is theirs
    if groups and len(groups) < len(tasks):
        if not any(c.kind == "area" for c in columns):
            groups[0].kind = "area"
        for column in groups[1:] if groups[0].kind == "area" else groups:
            column.kind = "content"
        tasks = [c for c in tasks if c not in groups]
    else:
        values = column_values(sheet, at, tasks[0])
        if values and sum(bool(AREA_RE.match(v)) for v in values) * 2 > len(values):
            tasks[0].kind = "area"
            tasks = tasks[1:]
    for column in tasks[1:]:
        column.kind = "content"


def items_numbering_themselves(sheet: Sheet, at: int, columns: list[Column]) -> None:
    """A 序号 merged over rows (the same number on several) whose content cells each print their own number, running
    on ("1.地区生产总值…", "2.…" under 序号 "1" and 项目 "主要预期目标"): the 序号 and the title column are the group's,
    and the numbered column holds the tasks (titles.items_print_numbers codes them), not one task's lines."""
    seq = next((c for c in columns if c.kind == "seq"), None)
    content = [c for c in columns if c.kind == "content"]
    if seq is None or not content:
        return
    rows = [r.cells for r in data_rows(sheet, at) if seq.index < len(r.cells) and r.cells[seq.index]
            and re.sub(r"\s", "", r.cells[seq.index]) != re.sub(r"\s", "", seq.header)  # the header again: a page break
            and not total_row(r.cells)]
    numbers = [r[seq.index] for r in rows]
    for column in content:
        own = [title_code(r[column.index]) if column.index < len(r) else None for r in rows]
        if len(rows) < 3 or not all(own) or len(set(numbers)) == len(numbers):
            continue
        codes = [m[1] for m in own]
        if len(set(codes)) != len(codes) or not all(c.isdigit() for c in codes):
            continue  # numbers that start again under each 序号: the lines of its task (a registration form)
        seq.kind = ""
        for other in (c for c in columns if c.kind in ("task", "content") and c is not column):
            other.kind = "area" if other.index < column.index and not any(c.kind == "area" for c in columns) else "content"
            seq.kind = "area_code" if other.kind == "area" else seq.kind  # the merged 序号 numbers the area it names
        column.kind = "task"
        return
