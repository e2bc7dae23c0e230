"""held56b (issue 13): a campaign's table of leaders, the fields each answers for and the offices that lead there, dated
by the period the notice names.

A table 分管领导 / 检查领域 / 牵头落实部门 (no 序号, its header printed again at a page break) names no column of work: its
fields (a header of the fields or key bodies a campaign inspects, columns.INSPECTED_FIELDS) are its tasks
(columns.areas_as_tasks), the leader is no unit, and every office of the 牵头 column leads. A period the notice states
once before the table for the whole campaign ("决定从8月份起至10月份止…开展…") is each row's deadline when no column dates
the rows (row_points.campaign_dates, list_deadlines.campaign_period); a period inside a numbered item is that item's
own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mstrack.sources.table import convert_table
from mstrack.sources.table.columns import column_kind
from mstrack.sources.table.list_deadlines import campaign_period

HEADER = "<tr><td>分管<br>领导</td><td>检查重点单位<br>行业领域</td><td>牵头落实部门</td></tr>"
ROWS = [
    ("张 三", "各中小学校、幼儿园、卫生院等公众聚集场所", "文教办、派出所、安监站"),
    ("李四", "道路交通，烟花爆竹，特种设备（锅炉、电梯）", "派出所、道安办"),
    ("王五", "养老院、殡葬、清违", "民政办、消防办"),
]


def _page(tmp_path: Path, opening: str, header: str = HEADER, name: str = "campaign.html") -> Path:
    rows = [f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in ROWS]
    body = "\n".join([
        "<p>某乡人民政府关于印发安全生产大检查工作实施方案的通知</p>",
        f"<p>{opening}</p>",
        "<p>一、工作目标</p>",
        "<p>全面排查整治事故隐患。</p>",
        "<p>附件1：各分管领导及牵头落实部门</p>",
        '<table border="1">', header, rows[0], rows[1], header, rows[2], "</table>",
    ])
    path = tmp_path / name
    path.write_text(f'<html><head><meta charset="utf-8"></head><body>\n{body}\n</body></html>\n', encoding="utf-8")
    return path


def _leads(task) -> list[str]:
    return [u for line in task.lines for u in line.lead_units]


def test_the_fields_a_campaign_inspects_are_the_tasks_beside_a_leader_and_the_offices(tmp_path):
    opening = "某乡人民政府决定从8月份起至10月份止，集中3个月时间在全乡开展安全生产大检查。"
    conversion = convert_table(_page(tmp_path, opening), "djc", 2017)
    tasks = conversion.programme.tasks
    assert [t.code for t in tasks] == ["1", "2", "3"]  # the header printed again is no task
    assert [t.title for t in tasks] == [b for _, b, _ in ROWS]
    assert [_leads(t) for t in tasks] == [["文教办", "派出所", "安监站"], ["派出所", "道安办"], ["民政办", "消防办"]]
    assert all(u not in ("张三", "张 三", "李四") for t in tasks for line in t.lines for u in line.units)
    assert [t.deadline for t in tasks] == [date(2017, 10, 31)] * 3  # the campaign's period, stated once in the notice
    said = [str(d) for d in conversion.doubts if "text above the table" in str(d)]
    assert len(said) == 1 and "从8月份起至10月份止" in said[0] and "完成时限" not in said[0]  # no column of the table


def test_a_period_inside_a_numbered_item_dates_no_row(tmp_path):
    opening = "1.行动目标。从8月份起至10月份止，对所有经营性场所集中开展排查整治。"
    tasks = convert_table(_page(tmp_path, opening), "djc", 2017).programme.tasks
    assert [t.deadline for t in tasks] == [None] * 3
    assert len(tasks) == 3


def test_the_field_headers_read_as_areas_and_name_the_task_only_where_no_column_does():
    assert column_kind("大检查重点单位\n行业领域单位", 2017).kind == "area"  # no 单位 doing the work
    assert column_kind("分管领域", 2017).kind == "area"
    assert column_kind("检查领域", 2017).kind == "area"
    assert column_kind("分管\n领导", 2017).kind == "leader"
    assert column_kind("牵头落实部门", 2017).kind == "lead"


def test_a_campaign_from_a_month_to_a_month():
    found = campaign_period(["决定从8月份起至10月份止，集中3个月时间在全乡开展安全生产大检查。"], 2017)
    assert found is not None and found[0] == "10月份"
    assert campaign_period(["决定自2016年11月起至12月底在全区开展专项整治。"], 2017) is None  # another year's
    assert campaign_period(["自即日起至3月底在全片区范围内组织开展排查。"], 2017)[0] == "3月底"
