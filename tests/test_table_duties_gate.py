"""review48 F1: a part sharing duties out is read as the programme only in a plan. A notice setting up a 领导小组 lists
its 成员单位职责, an emergency plan (预案) its 部门职责分工: standing responsibilities ("负责…"), no tasks — refused, as
before the duties reading, not read as a recognised layout (the best-effort gate, list_fallback, judges them apart)."""

from __future__ import annotations

import pytest

from mstrack.errors import NoLayoutError
from mstrack.sources.table.convert import convert_sheets
from mstrack.sources.table.reading import read_sheets

from .conftest import convert_written

LEADING_GROUP = [
    "关于成立县城区环境整治工作领导小组的通知",
    "各乡镇人民政府，县直各单位：",
    "为加强对城区环境整治工作的组织领导，经县政府研究，决定成立县城区环境整治工作领导小组。现将有关事项通知如下：",
    "一、领导小组组成",
    "组长：张三（县长）",
    "副组长：李四（副县长）",
    "二、成员单位职责",
    "（一）县住建局：负责城区道路和背街小巷的改造。",
    "（二）县城管局：负责占道经营的清理整治。",
    "（三）县公安局：负责车辆停放秩序的规范。",
    "（四）县市场监管局：负责农贸市场的环境整治。",
    "三、其他事项",
    "领导小组办公室设在县住建局，办公室主任由县住建局局长兼任。",
]
FLOOD_PLAN = [
    "县2024年防汛抗旱应急预案",
    "一、总则",
    "为做好防汛抗旱工作，制定本预案。",
    "二、部门职责分工",
    "（一）县水利局：负责水情监测和水利工程调度。",
    "（二）县应急局：负责组织协调抢险救灾。",
    "（三）县气象局：负责天气预报和预警发布。",
    "三、应急响应",
    "根据汛情分为四级响应。",
]
# the same duties under a plan's title, each with no date, no figure: standing responsibilities all the same
STANDING = ["县2024年城区环境整治工作方案", *LEADING_GROUP[6:11]]


@pytest.mark.parametrize("lines", [LEADING_GROUP, FLOOD_PLAN, STANDING], ids=["leading_group", "flood_plan", "standing"])
def test_members_duties_are_no_programme(tmp_path, lines):
    path = tmp_path / "notice.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(NoLayoutError, match="no header row found"):
        convert_sheets(read_sheets(path, None, None), path=path, programme="x-2024", year=2024)


def test_duties_of_a_plan_with_work_are_read(tmp_path):
    """The same parties under a plan's title, each duty a piece of work with its figure: read, each led by its party."""
    lines = ["县2024年城区环境整治工作方案", "二、职责分工",
             "（一）县住建局：负责改造背街小巷12条。", "（二）县城管局：年底前清理占道经营点30处。",
             "（三）县公安局：新增停车位300个。"]
    tasks = convert_written(tmp_path, "plan.txt", "\n".join(lines) + "\n", 2024).programme.tasks
    assert [t.lines[0].lead_units for t in tasks] == [["县住建局"], ["县城管局"], ["县公安局"]]
