"""held67a: an event's plan whose part names the steps of its procedure ("五、演练流程" over "（一）name。sentences"
…) reads each step as a task due on the event's day, beside its duties part; a post's staff supporting a body
("配合派出所设置卡口") make that body a unit; a count of the directions a flow is sent ("两个方向分流") is no target."""

from __future__ import annotations

from datetime import date

from mstrack.sources.table.figure_spans import figure_spans
from mstrack.sources.table.list_arrangements import event_duties
from mstrack.sources.table.list_doers import post_staff
from mstrack.sources.table.reading import Row
from mstrack.vocabulary import placeholder

from .conftest import text_tasks

DRILL = [
    "某片区管理局关于印发《防灭火演练工作方案》的通知",
    "各相关部门：",
    "为做好森林防灭火工作，决定进行扑火实战演练，特制定工作方案如下：",
    "一、演练时间：2024年4月19日上午9：00。",
    "二、演练地点：东山村。",
    "三、演练流程",
    "（一）发现火情。护林员巡查时在东山村林区发现火情。",
    "（二）报告火情。片区值班室接到森林火警报告，经初步查证，火警发生在东山村林区。",
    "（三）准备工作。综治处派人到火场查看火情，并通知扑火队伍。",
    "1.组织人员：通过电话通知扑火队员紧急集合。",
    "2.集中待命：由各组组长迅速集合队员。",
    "（四）火灾扑救。首先由一组开设隔离带，然后二组扑灭明火。",
    "（五）演练结束。",
    "四、有关事项",
    "（一）综治处负责演练通知、记录及拍照等。",
    "（二）生态处负责后勤保障相关工作。",
    "某片区管理局",
    "2024年4月22日",
]


def test_procedure_steps_are_tasks_beside_the_duties(tmp_path):
    tasks = text_tasks(tmp_path, DRILL, 2024)
    assert [t.code for t in tasks] == ["三(一)", "三(二)", "三(三)", "三(四)", "三(五)", "四(一)", "四(二)"]
    assert [t.deadline for t in tasks] == [date(2024, 4, 19)] * 7
    assert tasks[2].title == "准备工作。综治处派人到火场查看火情，并通知扑火队伍。"  # its sub-steps inside it, no tasks
    leads = [[u for u in t.lines[0].lead_units if not placeholder(u)] for t in tasks[:5]]
    assert leads == [[], ["片区值班室"], ["综治处"], [], []]  # the rangers, the teams made up for the drill: no office
    assert tasks[5].lines[0].lead_units == ["综治处"] and tasks[6].lines[0].lead_units == ["生态处"]


def test_steps_without_the_events_day_are_no_event():
    """Steps in a notice that prints no time part are no event's plan: this reading leaves them alone."""
    rows = [Row(k, [line]) for k, line in enumerate(DRILL, 1)]
    assert event_duties(rows, 2024) is not None
    assert event_duties([row for row in rows if not row.cells[0].startswith("一、演练时间")], 2024) is None


def test_post_staff_supporting_a_body():
    assert post_staff("东山村工作人员1人，配合派出所设置卡口，引导人流有序前往公墓。") == ["东山村", "派出所"]
    assert post_staff("东山村工作人员1人，负责疏导车流。") == ["东山村"]
    assert post_staff("局工作人员2名，配合派出所设置卡口。") == []  # the issuer's own staff: no lead, no unit


def test_directions_counted_are_no_target():
    assert figure_spans("负责引导车辆向码头、渔村两个方向分流") == []
    assert len(figure_spans("新建两个停车场")) == 1
