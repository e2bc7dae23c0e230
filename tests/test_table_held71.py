"""held71 (issue 13, the sixty-first held-out set): a plan of working groups "第一小组：…组" whose part naming the time
is one span for every place with its count of days ("4月1日至4月7日共7天"): every group due at its end
(list_deadlines.YEARLESS_SPAN_RE); a members' line naming a kind of office and the people it sends ("各处室抽调一名干部":
the unit 各处室, list_teams.STAFF_RE); and the arrangements "（五）…" of a part before the groups whose paragraph hands its
carrying out to one of the groups ("具体组织实施由东山保障工作组负责": that group's work, no task of its own) while one
charging its doers itself ("各村要…") is a task (list_staffed_groups._charged); and an item's closing bracket of offices
parted by a comma before 负责 ("（区社会事业局，各片区管理局负责）"): all lead (item_offices._bracket_role)."""

from __future__ import annotations

from datetime import date

from mstrack.sources.table import convert_table
from mstrack.sources.table.list_deadlines import period_part
from mstrack.sources.table.list_teams import member_offices

from .conftest import write_lines

PLAN = ["某片区管理局关于印发2020年清明节祭扫期间应急预案的通知", "各处室，各村委会：",
        "某片区2020年清明节祭扫期间应急预案",
        "一、活动时间", "4月1日至4月7日共7天",
        "二、活动地点", "东山公墓、西山公墓",
        "三、活动安排",
        "（一）东山公墓",
        "清明节期间，东山公墓以墓穴为户数祭扫；各村按照划分祭扫时间段分批次有序进入，具体组织实施由东山保障工作组负责。",
        "（二）加强农村祭扫管理",
        "各村要在主要路口设立防火监测岗，广泛宣传文明祭扫。",
        "四、组织机构",
        "第一小组：东山保障工作小组", "组 长：张三",
        "成 员：经济发展处、东山包村工作队及村干部",
        "职 责：负责东山辖区的交通疏导、消防安全等保障工作。",
        "第二小组：西山保障工作小组", "组 长：李四",
        "成 员：社会事业组成员、各处室抽调一名干部",
        "职 责：负责西山公墓现场秩序维护。",
        "五、工作要求", "各村要高度重视，确保祭扫期间安全。"]


def test_one_span_with_its_count_of_days_dates_every_group():
    assert period_part(["一、活动时间", "4月1日至4月7日共7天", "二、活动地点"], 2020)[0] == "4月7日"
    assert period_part(["一、活动时间", "4月1日至4月7日，共7天。", "二、活动地点"], 2020)[0] == "4月7日"
    assert period_part(["一、活动时间", "4月1日至4月7日共7天，请各村做好准备", "二、活动地点"], 2020) is None


def test_a_kind_sending_its_people_is_the_unit():
    assert member_offices("社会事业组成员、各处室抽调一名干部") == ["社会事业组", "各处室"]
    assert member_offices("各村选派2人") == ["各村"]


def test_an_arrangement_handed_to_a_group_is_no_task_one_charging_its_doers_is(tmp_path):
    tasks = {t.code: t for t in convert_table(write_lines(tmp_path / "plan.txt", PLAN), "x-2020", 2020).programme.tasks}
    assert set(tasks) == {"第一小组", "第二小组", "三(二)"}  # 三(一) hands its work to 第一小组
    assert all(t.deadline == date(2020, 4, 7) for t in tasks.values())
    second = tasks["第二小组"].lines[0]
    assert "各处室" in [*second.lead_units, *second.units]
    assert not any("抽调" in u for u in [*second.lead_units, *second.units])
    assert tasks["三(二)"].lines[0].lead_units == ["各村"]


def test_a_bracket_of_offices_parted_by_a_comma_before_fuze_all_lead():
    from mstrack.sources.table.item_offices import units_after
    from mstrack.sources.table.units import roles_in

    words, offices = units_after("继续实施专项计划。（区社会事业局，各片区管理局负责）")
    assert words == "继续实施专项计划。"
    assert roles_in(offices) == ("区社会事业局、各片区管理局", "")
    _, listed = units_after("继续实施专项计划。（区社会事业局、各片区管理局负责）")  # a list of its own: the first leads
    assert listed == "区社会事业局、各片区管理局"
