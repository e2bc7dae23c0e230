"""held66a: a plan of traffic posts, each "（一）X路口。Y村工作人员1名，负责…": the staff a post is manned with is no
target; a part naming the time of the work by a span without a year ("二、安保管控时间" over "4月1日至4月5日") dates
every task at its end, in the programme's year; the village whose staff man a post leads its duty."""

from __future__ import annotations

from datetime import date

from mstrack.sources.table.figure_spans import figure_spans
from mstrack.sources.table.list_deadlines import period_part

from .conftest import text_tasks

PLAN = [
    "某镇清明期间交通疏导方案",
    "一、工作目标",
    "确保祭扫活动期间道路畅通、安全、有序。",
    "二、安保管控时间",
    "4月1日至4月5日",
    "三、职责分工及岗位职责",
    "（一）公墓路口。局工作人员2名，负责疏导车辆顺畅通行。",
    "（二）东山村路口。东山村工作人员1人，负责维护沿线车辆停放秩序。",
    "（三）西洋村村部门口至码头路段。西洋村工作人员1名，驾驶电动车往返巡逻，负责疏导车流。",
    "（四）南湾村路口。南湾村工作人员1人，负责引导车辆安全进入南湾村。",
    "四、工作要求",
    "各村委会要高度重视。",
]


def test_posted_staff_is_no_target_and_yearless_period_dates_tasks(tmp_path):
    tasks = text_tasks(tmp_path, PLAN, 2023)
    assert [t.code for t in tasks] == ["三(一)", "三(二)", "三(三)", "三(四)"]
    assert [t.deadline for t in tasks] == [date(2023, 4, 5)] * 4
    assert not any(line.indicators for t in tasks for line in t.lines)
    assert [t.lines[0].lead_units for t in tasks[1:]] == [["东山村"], ["西洋村"], ["南湾村"]]
    assert "局" not in tasks[0].lines[0].lead_units  # "局工作人员2名": the issuer's own staff, no lead


def test_staff_after_a_verb_is_counted():
    assert figure_spans("局工作人员2名") == []
    assert figure_spans("局工作人员约2名") == [] and figure_spans("局工作人员不少于2名") == []  # an estimate, a bound: staffing still
    assert len(figure_spans("培训工作人员50名")) == 1


def test_yearless_period_alone_in_its_part():
    assert period_part(["二、安保管控时间", "4月1日至4月5日", "三、职责"], 2023)[0] == "4月5日"
    assert period_part(["二、安保管控时间", "4月1日至4月5日开展巡查，其中重点时段另行通知", "三、职责"], 2023) is None


NOTICE = [
    "某局关于做好防灾减灾日有关工作的通知",
    "各处室，各行政村：",
    "一、突出活动主题，扎实开展防灾减灾活动",
    "各处室、各村要以“防范灾害风险”为主题，认真组织开展今年全国防灾减灾日各项活动。",
    "二、广泛宣传教育，提升防灾减灾知识技能",
    "各处、各村要结合实际，广泛开展防灾减灾知识进校园活动。由社会事业处组织辖区中小学开展主题班会；由各村通过悬挂横幅等形式宣传防灾减灾知识。",
    "三、落实物资储备，建立健全应急保障机制",
    "政法综治处要对现存的防汛物资进行集中清点，确保防汛物资充足。",
    "某局",
    "2023年4月25日",
]


def test_agent_of_a_later_clause_shares_the_part(tmp_path):
    """held66a: "由社会事业处组织…" in a part's paragraph: that office does a share of the part, a unit after its lead."""
    tasks = text_tasks(tmp_path, NOTICE, 2023)
    assert [t.code for t in tasks] == ["一", "二", "三"]
    assert tasks[1].lines[0].lead_units == ["各处"]
    assert set(tasks[1].lines[0].units) == {"各村", "社会事业处"}
    assert tasks[2].lines[0].lead_units == ["政法综治处"]
