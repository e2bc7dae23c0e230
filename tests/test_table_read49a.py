"""Issue 13, read49a: an item's name on a line of its own over its paragraph (the title is the name, the paragraph its
content: tests/data/tables/README.md); a units label whose value is batches, each with its offices and its date
("试点单位：第一批：A、B，2017年12月底前完成；第二批：…"); stages headed by a line of their own ("（一）前期准备阶段") over
their "时间：" and "任务：" lines."""

from __future__ import annotations

from datetime import date

from .conftest import text_tasks

MEASURES = [
    "某区深化改革三项措施",
    "一、实施档案电子化，构建审批“一张网”",
    "推进全区档案电子化工程，对重复使用的档案文件进行筛选、扫描、存储，实现快速查询。",
    "牵头单位：区行政审批局",
    "试点单位：第一批：区档案局、市场监督管理局，2017年12月底前完成；第二批：区公安局、规划局，2018年6月底前完成；"
    "第三批：其他区直部门，2018年12月底前完成。",
    "二、加快医社保自助结算",
    "在医院引入自助结算终端机，实现医保异地结算，缓解看病“结算慢、排队长”的局面。",
    "牵头单位：区社会事业局",
    "配合单位：区行政审批局、财政金融局",
    "完成时间：2018年3月底前完成",
    "三、推进不动产抵押登记银行直接办理",
    "将抵押权登记部分业务委托银行代办，办事群众只需到银行即可申请办理。",
    "牵头单位：区环境与国土资源局",
    "配合单位：区行政审批局、不动产登记中心",
    "完成时间：2017年10月底前完成",
]


def _read(tmp_path, lines: list[str], year: int = 2017):
    return text_tasks(tmp_path, lines, year)


def test_a_name_on_its_own_line_over_its_paragraph_is_the_title(tmp_path):
    """"一、实施档案电子化…" over "推进全区档案电子化工程…": the name is the title, the paragraph no part of it (the
    corpus's convention, tests/data/tables/README.md)."""
    tasks = _read(tmp_path, MEASURES)
    assert [t.title for t in tasks] == ["实施档案电子化，构建审批“一张网”", "加快医社保自助结算", "推进不动产抵押登记银行直接办理"]


def test_a_units_label_printed_as_dated_batches_gives_the_units_and_the_dates(tmp_path):
    """"试点单位：第一批：A、B，2017年12月底前完成；第二批：…；第三批：…，2018年12月底前完成": every batch's offices are
    the item's units, the last batch's date its deadline and the earlier batches' dates its checkpoints."""
    task = _read(tmp_path, MEASURES)[0]
    line = task.lines[0]
    assert line.lead_units == ["区行政审批局"]
    assert line.units == ["区档案局", "市场监督管理局", "区公安局", "规划局", "其他区直部门"]
    assert task.deadline == date(2018, 12, 31)
    assert [c.due for c in line.checkpoints if c.due < task.deadline] == [date(2017, 12, 31), date(2018, 6, 30)]


STAGED = [
    "某片区美丽乡村示范整治工作方案",
    "一、重点任务",
    "1.建设美丽乡村庭院。引导农户规范院落空间设计，做好庭院内外合理布局。",
    "责任部门：党群工作处、南盘村",
    "2.建设美丽乡村微景观。对村庄边角地块、闲置区域进行整理改造。",
    "责任部门：农业农村处、南盘村",
    "3.建设美丽田园。引导乡村统一规整田园地块，集中连片种植作物。",
    "责任部门：农业农村处、屿南村",
    "二、时间安排",
    "（一）前期准备阶段",
    "时间：2023年9月-10月",
    "任务：制定相应工作方案，细化任务，明确措施。",
    "（二）整治实施阶段",
    "时间：2023年11月-2024年1月",
    "任务：结合项目建设开展示范创建工作。",
    "（三）筹备迎检阶段",
    "时间：2024年2月-3月",
    "任务：总结提炼典型经验，巩固提升试点成果。",
    "三、保障措施",
    "（一）健全工作机制。成立工作领导小组，实现统一领导。",
]


def test_stages_headed_by_a_line_of_their_own_over_their_time_and_work_are_dated_tasks(tmp_path):
    """"二、时间安排" after the list, each stage "（一）前期准备阶段" on a line of its own over "时间：2023年9月-10月" and
    "任务：…": a task of its own coded by the part (二(一)), its name the title, due at its span's end, its start a
    checkpoint; the items above keep their codes and offices, the closing part after the stages is no task."""
    tasks = _read(tmp_path, STAGED, 2023)
    assert [t.code for t in tasks] == ["1", "2", "3", "二(一)", "二(二)", "二(三)"]
    stages = tasks[3:]
    assert [t.title for t in stages] == ["前期准备阶段", "整治实施阶段", "筹备迎检阶段"]
    assert [t.deadline for t in stages] == [date(2023, 10, 31), date(2024, 1, 31), date(2024, 3, 31)]
    assert [[c.due for c in t.lines[0].checkpoints if c.due < t.deadline] for t in stages] == [
        [date(2023, 9, 30)], [date(2023, 11, 30)], [date(2024, 2, 29)]]
    assert tasks[0].lines[0].lead_units == ["党群工作处"]


def test_one_inside_a_word_is_no_count():
    """"统一处理", "唯一一处": 一 in a word (统一, 唯一, 同一, 单一, 逐一) is no numeral, so "一处" there counts nothing;
    "新建一处公园" counts one."""
    from mstrack.sources.table.numbers import numbers_in

    assert numbers_in("推进厕所粪污分散处理、集中处理与纳入污水管网统一处理") == []
    assert [n for _, _, n in numbers_in("新建一处公园")] == ["1"]


def test_a_general_office_with_the_bureau_it_also_is_in_its_bracket_is_one_unit():
    """"区管委会办公室（档案局）": a 办公室 that is the 档案局 too, a merged organ's two names (as "县发改局(粮食局)"), one
    unit; "县卫健局(县医院)" stays two."""
    from mstrack.sources.table.units import unit_names

    assert unit_names("区管委会办公室（档案局）、市场监督管理局") == ["区管委会办公室（档案局）", "市场监督管理局"]
    assert unit_names("县卫健局(县医院)") == ["县卫健局", "县医院"]


def test_one_designated_by_a_verb_is_no_count():
    """"授权一家区属国有企业作为特许经营主体": the one the item designates (授权, 指定, 确定, 委托, 选定 one), as "指定一名分管
    领导" is, counts nothing; "新建一家养老院" counts one, "授权三家企业" three."""
    from mstrack.sources.table.numbers import numbers_in

    assert numbers_in("由管委会授权一家区属国有企业作为户外广告牌的特许经营主体") == []
    assert [n for _, _, n in numbers_in("新建一家养老院")] == ["1"]
    assert [n for _, _, n in numbers_in("授权三家企业开展试点")] == ["3"]
