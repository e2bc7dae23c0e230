"""Issue 13, read49a: an item's name on a line of its own over its paragraph (the title is the name, the paragraph its
content: tests/data/tables/README.md); a units label whose value is batches, each with its offices and its date
("试点单位：第一批：A、B，2017年12月底前完成；第二批：…"); stages headed by a line of their own ("（一）前期准备阶段") over
their "时间：" and "任务：" lines."""

from __future__ import annotations

from datetime import date

from .conftest import convert_written

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
    return convert_written(tmp_path, "plan.txt", "\n".join(lines) + "\n", year).programme.tasks


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
