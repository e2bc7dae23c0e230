"""held58a (issue 13, pingtan-2017-luyang's structure): an inspection's schedule of visits as a table 时间 | 检查人员 |
检查地点, no number and no office column: each row a task titled by the place inspected, due on its day (a span at its
end, its start a checkpoint); the inspectors are persons, no unit, and a body named among them ("…、中楼派出所",
"…、中铁十六局等") leads its row."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mstrack.sources.table import convert_table
from mstrack.sources.table.column_rules import header_kind
from mstrack.sources.table.unit_people import bodies_among

from .conftest import import_table

SCHEDULE = ("<tr><td>时间</td><td>检查人员</td><td>检查地点</td></tr>"
            "<tr><td>5月6日</td><td>王 明、李华、<br>张强</td><td>某某学校、某某幼儿园</td></tr>"
            "<tr><td>5月8日—10日</td><td>王 明、赵刚</td><td>某某山林场<br>（山火防治）</td></tr>"
            "<tr><td>5月12日</td><td>李华、张强、东城派出所</td><td>某某农场</td></tr>"
            "<tr><td>5月15日</td><td>李华、村主干、某某建设集团公司等</td><td>环城路等主干道</td></tr>")


def _page(path: Path) -> Path:
    body = ("<p>某乡关于开展安全大检查的通知</p><p>一、时间安排</p><p>2024年5月6日—5月20日</p><p>二、组织分工</p>"
            f'<p>检查具体安排如下：</p><table border="1">{SCHEDULE}</table><p>某乡人民政府</p><p>2024年5月1日</p>')
    path.write_text(f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>', encoding="utf-8")
    return path


def test_a_schedule_of_visits_reads_each_row_as_the_place_inspected(tmp_path):
    tasks = convert_table(_page(tmp_path / "plan.html"), "x-2024", 2024).programme.tasks
    assert [t.code for t in tasks] == ["1", "2", "3", "4"]
    assert [t.title.replace("\n", "") for t in tasks] == ["某某学校、某某幼儿园", "某某山林场（山火防治）", "某某农场", "环城路等主干道"]
    assert [t.deadline for t in tasks] == [date(2024, 5, 6), date(2024, 5, 10), date(2024, 5, 12), date(2024, 5, 15)]
    assert date(2024, 5, 8) in [c.due for line in tasks[1].lines for c in line.checkpoints]  # the span's start


def test_the_inspectors_are_no_unit_and_a_body_among_them_leads(tmp_path):
    tasks = convert_table(_page(tmp_path / "plan.html"), "x-2024", 2024).programme.tasks
    leads = [[u for line in t.lines for u in line.lead_units] for t in tasks]
    assert leads[2] == ["东城派出所"] and leads[3] == ["某某建设集团公司"]
    assert not any(u in ("王 明", "王明", "李华", "村主干") for lead in leads for u in lead)
    assert "东城派出所" not in [p for line in tasks[2].lines for p in line.leaders]  # a body, no person


def test_the_cli_reads_the_schedule(tmp_path):
    result, out = import_table(_page(tmp_path / "plan.html"))
    assert result.exit_code == 0, result.output
    assert "环城路等主干道" in out.read_text(encoding="utf-8")


def test_the_header_vocabulary_of_a_schedule_of_visits():
    assert header_kind("检查地点") == "task" and header_kind("检查人员") == "leader"
    assert header_kind("时间") == ""  # no rule names it: its cells, each a day or a span, make it the deadline column


def test_bodies_among():
    assert bodies_among(["林山", "陈友金", "中楼派出所"], "检查人员") == ["中楼派出所"]
    assert bodies_among(["林 山", "村主干", "中铁十六局等"], "检 查 人 员") == ["中铁十六局"]
    assert bodies_among(["中楼派出所"], "分管领导") == []  # a leaders' column: no inspectors' bodies
