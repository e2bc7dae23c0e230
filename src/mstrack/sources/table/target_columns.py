"""Columns of figures read from their cells: the targets, and the figures that are none (progress, years, base counts)."""

from __future__ import annotations

import re

from mstrack.domain.quantities import UNIT_SCALE_ALT
from mstrack.sources.table.above import declared_unit, total_units
from mstrack.sources.table.columns import (
    BARE_NUMBER_RE,
    BOUNDED_NUMBER_RE,
    HEADER_UNIT_RE,
    UNIT_NAME_RE,
    YEAR_HEADER_RE,
    Column,
    column_values,
    squeezed,
)
from mstrack.sources.table.office_names import SCHOOL_END
from mstrack.sources.table.reading import Sheet
from mstrack.sources.table.spans import YEARS_ALONE_RE
from mstrack.vocabulary import CONDITION_HEADERS


def number_columns(sheet: Sheet, at: int, columns: list[Column]) -> None:
    """Columns of bare numbers: the first under a target-like header (目标任务, 年度目标, 数量) holds the targets,
    the others (进度, 完成目标(%)) report progress. A 单位 column of short words that name no office is the unit
    of measure (个, 所, 公里) of those targets; else 单位 is the responsible units. A figure closed by a bound or 左右
    ("80以上") is a number cell beside such a 单位 column or under a target's header only; a column of ages or
    durations (CONDITION_HEADER_RE) is none (row_lines keeps it in the note), a 工期（天） of figures no deadline either."""
    measure = _measure_column(sheet, at, columns)
    yearly = _year_columns_aside(sheet, at, columns)
    numeric = _figures_kept(sheet, at, columns, _numeric_columns(sheet, at, columns, measure is not None, yearly))
    targets = [c for c in numeric if c.kind in ("task", "amount") or c.kind == "schedule" and PLANNED_COUNT_RE.search(c.header)]
    for column in numeric:
        column.kind = "amount" if targets and column is targets[0] else "progress"
    if measure is not None and not targets:
        measure.kind = ""
    _worded_amounts(sheet, at, columns, numeric)
    _rate_columns(sheet, at, columns)
    _sampling_shares(sheet, at, columns)


# a header naming a rate (年度建档率, 规范管理率, 健康管理率); one of what is done (完成率) or a share (占比) names none
RATE_HEADER_RE = re.compile(r"率$")
PERCENT_CELL_RE = re.compile(r"^\d+(?:\.\d+)?\s*[%％]$")


def _rate_columns(sheet: Sheet, at: int, columns: list[Column]) -> None:
    """A column of percentages under a rate's name, in a group of the header beside the year's counts (a 任务分解表:
    "高血压管理" over each unit's 年度规范管理任务数（人） and its 规范管理率): the rate each unit is to reach, a target of
    its own named by both headers. A rate standing alone (开工率 beside 累计开工数) is no indicator's: left unread."""
    groups = {squeezed(c).split("/", 1)[0] for c in columns if c.kind == "measured" and "/" in c.header}
    for column in columns:
        header = squeezed(column)
        group, _, name = header.rpartition("/")
        if column.kind or group not in groups or not RATE_HEADER_RE.search(name) or REPORTED_RE.search(name):
            continue
        values = column_values(sheet, at, column)
        if values and sum(bool(PERCENT_CELL_RE.match(v.strip())) for v in values) * 2 > len(values):
            column.kind, column.label, column.header = "measured", "%", header


# the share of the inspected a plan of checks samples (抽查比例, 抽检比例): the plan's, no share done so far (完成比例)
SAMPLING_SHARE_RE = re.compile(r"^(?:抽查|抽检|抽样|检查|检测)(?:比例|比率)$")


def _sampling_shares(sheet: Sheet, at: int, columns: list[Column]) -> None:
    """A column of percentages under the share an inspection plan samples (抽查比例 over "10%", "5%"): how much of the
    inspected each row's check covers, a result an office can check when the check is due — a target of its own,
    named by the header, as "抽查比例不少于50%" in a plan's words is."""
    for column in columns:
        header = squeezed(column)
        if column.kind or not SAMPLING_SHARE_RE.match(header):
            continue
        values = column_values(sheet, at, column)
        if values and sum(bool(PERCENT_CELL_RE.match(v.strip())) for v in values) * 2 > len(values):
            column.kind, column.label, column.header = "measured", "%", header


def _measure_column(sheet: Sheet, at: int, columns: list[Column]) -> Column | None:
    """The 单位 column of short words that name no office: the unit of measure; a column of offices is the units, and
    so is one naming a school or a kindergarten ("东风幼儿园", "城关小学": a ledger's bodies, each answering for its own
    row, office_names.SCHOOL_END), one row or many."""
    measure = next((c for c in columns if c.kind == "measure"), None)
    if measure is not None:
        values = column_values(sheet, at, measure)
        if not values or any(len(v) > 5 or UNIT_NAME_RE.search(v) or v.endswith(SCHOOL_END) for v in values):
            measure.kind, measure = "units", None
    return measure


def _year_columns_aside(sheet: Sheet, at: int, columns: list[Column]) -> bool:
    """Whether the table has year columns (2024年, 2025年); those holding the programme's year's money, not its work,
    become notes ("2024年：3000"), as the other years' are."""
    years = [c for c in columns if c.kind == "amount" and YEAR_HEADER_RE.match(squeezed(c))]
    if years and (_yearly_money(sheet, at, columns) or _figured_content(sheet, at, columns)):
        for column in years:
            column.kind = ""
    return bool(years)


def _numeric_columns(sheet: Sheet, at: int, columns: list[Column], measured: bool, yearly: bool) -> list[Column]:
    """The columns whose cells are mostly bare figures (or bounded ones where a 单位 column, `measured`, or a target's
    header says so); a column of ages or durations becomes a note instead."""
    numeric = []
    for column in columns:
        header = squeezed(column)
        if yearly and not column.kind and YEAR_HEADER_RE.match(header):
            continue  # 2025年 beside the programme's 2024年 (columns.year_columns): no progress, a note
        timed = column.kind == "deadline" and HEADER_UNIT_RE.match(header) and CONDITION_HEADER_RE.search(header)  # 工期（天）
        values = column_values(sheet, at, column) if column.kind in ("task", "amount", "", "schedule", "content") or timed else []
        bounded = measured or TARGET_HEADER_RE.search(header) is not None \
            or CONDITION_HEADER_RE.search(header) is not None  # "28000以上" a figure here; "90以内" a 工期（天）'s
        if values and sum(bool(BARE_NUMBER_RE.match(v) or bounded and BOUNDED_NUMBER_RE.match(v)) for v in values) * 2 > len(values):
            if CONDITION_HEADER_RE.search(header):
                column.kind = ""  # 服务对象年龄（岁）, 建设周期（月）: whom the work serves, how long it takes; in the note
                continue
            numeric.append(column)
    return numeric


def _figures_kept(sheet: Sheet, at: int, columns: list[Column], numeric: list[Column]) -> list[Column]:
    """The numeric columns that hold targets or progress: not years, not a figure a sub-header already read, not money."""
    stated = total_units(sheet, at, [c.index for c in numeric if not HEADER_UNIT_RE.match(squeezed(c))])
    numeric = [c for c in numeric if not _years(sheet, at, c, columns)]
    # the year's figure a sub-header already read (2016年工作目标 over 计划投资（亿元）), or the year's aim in words (a
    # schedule "2023年目标进度": "一季度开工,年内完成工程量的50%", the year's part of projects built over years): 总投资
    # beside it is the whole project's, none of the year's targets
    counted = [c for c in columns if (c.kind == "measured" or c.kind == "schedule" and TARGET_HEADER_RE.search(c.header))
               and YEARS_FIGURE_RE.search(c.header)]
    numeric = [c for c in numeric if not _project_size(sheet, at, c, columns)]
    numeric = [c for c in numeric if not _measured(c, numeric, stated.get(c.index, ""), counted)]
    money = _money_columns(sheet, at, columns, numeric)
    return [c for c in numeric if c not in money]


def _worded_amounts(sheet: Sheet, at: int, columns: list[Column], numeric: list[Column]) -> None:
    """An amount column of words, no figures ("区民生实事项目数量" over "区政府民生实事项目(1个)"): no targets; the
    programme's year's ("20个" beside 2025年's) its content."""
    for column in columns:
        if column.kind == "amount" and column not in numeric and not _year_target(sheet, at, column):
            column.kind = "content" if YEAR_HEADER_RE.match(squeezed(column)) else ""


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
COUNT_CELL_RE = re.compile(rf"^\d+(?:,\d{{3}})*(?:\.\d+)?\s*(?!(?:{UNIT_SCALE_ALT})?元)(?:{UNIT_SCALE_ALT})?[\u4e00-\u9fff]{{1,3}}$")


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


REPORTED_RE = re.compile(r"完成|进度|已|实际|占|比")


# a count of the state the plan starts from: the population it serves (老年人口数, 户籍人口), what exists (现有, 基数)
BASE_RE = re.compile(r"(?<!新增)(?<!转移)人口(?:数|总数|总量)?$|现有|现状|基数|存量|原有")
# a header counting one year's work: 年度目标, 当年投资, 全年任务, 年内新增, 2024年新增, 年新增; a year inside another word
# (老年, 年龄, 使用年限, 建成年份, 周年, 残疾人就业年) is none
YEARS_FIGURE_RE = re.compile(r"年度|[当全本今每]年|年[内內均]|\d{2,4}\s*年|^年(?![龄齡限份数數])")


def _measured(column: Column, numeric: list[Column], stated: str = "", counted: list[Column] | None = None) -> bool:
    """A column of numbers whose header names their unit ("年度投资金额 (万元)"), or whose total the text above prints
    with one (`stated`: 计划完成数, the plan's figure), is a target of its own, named by the header; a multi-year total
    (总投资) only when no column counts the year (当年投资, or one `counted` already: 2016年工作目标/计划投资). Progress is
    not."""
    header = re.sub(r"\s+", "", column.header)
    planned = (bool(stated) or HEADER_UNIT_RE.match(header) is not None) \
        and (re.match(r"(?:计划|目标|任务)(?!.*率)", header) is not None  # 计划完成数（人）; not 累计开工数, 计划完成率
             or column.kind == "amount" and bool(stated))  # 培训名额 whose unit the total row prints: a target of its own
    m = HEADER_UNIT_RE.match(header) or ({"name": header, "unit": stated} if planned else None)
    if not m or REPORTED_RE.search(m["name"]) and not planned:
        return False
    if BASE_RE.search(m["name"]):  # 老年人口数(人), 现有床位(张): what the plan starts from, beside the targets
        column.kind = "note"
        return True
    yearly = [c for c in numeric if (n := HEADER_UNIT_RE.match(re.sub(r"\s+", "", c.header)))
              and YEARS_FIGURE_RE.search(n["name"]) and not BASE_RE.search(n["name"])] + list(counted or ())
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


def _project_size(sheet: Sheet, at: int, column: Column, columns: list[Column]) -> bool:
    """A sum naming no year (总投资（万元）, 申请中央预算内投资（万元）) in a list of projects built over years (a column
    whose cells mostly span years: 建设期限 "2022-2023"): what each project costs over its years, its size, no figure
    the programme's year must reach; kept as a note. A sum of the year (年度投资, 2023年计划投资) is not one."""
    header = re.sub(r"\s+", "", column.header)
    if not MONEY_HEADER_RE.search(header) or YEARS_FIGURE_RE.search(header) or REPORTED_RE.search(header):
        return False
    for other in columns:
        values = [v.strip() for v in column_values(sheet, at, other)]
        spans = [m for v in values if (m := YEARS_ALONE_RE.match(v)) and m[1] != m[2]]
        if other is not column and values and len(spans) * 2 > len(values):
            column.kind = "note"
            return True
    return False


MONEY_CELL_RE = re.compile(rf"^\d+(?:,\d{{3}})*(?:\.\d+)?\s*(?:{UNIT_SCALE_ALT})?元$")
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
        if values and priced * 2 > len(values) and not _project_size(sheet, at, column, columns):
            money.append(column)
    yearly = [c for c in money if re.search(r"年|计划", c.header)]
    for column in money:
        if yearly and column not in yearly:
            column.kind = "note"
        else:
            column.kind, column.header = "measured", re.sub(r"\s+", "", column.header)
            column.label = declared if column in numeric else ""
    return money
