"""held66b: a notice of parts only (each "一、X，Y" over one paragraph naming its doers) whose work is reported by one day
("于3月20日下班前将…报送至…"): the part's own paragraph's report date is its deadline; a report date in an unnumbered
paragraph after the last part ("…并于5月17日前将…材料反馈至…") reports the whole notice's work and dates no part."""

from __future__ import annotations

from datetime import date

from mstrack.sources.table.list_doer_lines import report_date

from .conftest import text_tasks

HEAD = [
    "某片区管理局关于做好2023年渔业防汛备汛工作的通知",
    "各处室，各相关行政村：",
    "为做好2023年片区防汛备汛工作，现将相关事项通知如下：",
    "一、加强组织领导，强化责任落实",
    "各村要切实加强组织领导，落实渔船、渔排的安全责任人。各村要认真填写附件1，于3月20日下班前将电子表格报送至片区农业农村处。",
    "二、排查安全隐患，落实防护措施",
    "各村要组织好汛前安全检查工作，重点检查渔港、锚地和养殖渔排的避风防灾功能。",
    "三、全面加强值守，确保信息畅通",
    "各村要认真落实汛期应急值班制度，加强24小时值班和领导带班。",
]
SIGNATURE = ["某片区管理局", "2023年3月6日"]


def test_a_parts_own_report_date_is_its_deadline(tmp_path):
    tasks = text_tasks(tmp_path, [*HEAD, *SIGNATURE], 2023)
    assert [t.code for t in tasks] == ["一", "二", "三"]
    assert [t.deadline for t in tasks] == [date(2023, 3, 20), None, None]


def test_the_closing_paragraphs_report_date_dates_no_part(tmp_path):
    closing = "各村要积极推进各项工作，按实填写排查表（附件1），并于5月17日前将相关材料反馈至片区农业农村处。"
    tasks = text_tasks(tmp_path, [*HEAD, closing, *SIGNATURE], 2023)
    assert [t.code for t in tasks] == ["一", "二", "三"]
    assert [t.deadline for t in tasks] == [date(2023, 3, 20), None, None]
    assert [t.lines[0].lead_units for t in tasks] == [["各村"]] * 3


def test_a_report_date_among_other_days_dates_nothing():
    assert report_date("各村要于3月20日前将统计表报送农业农村处。") == "3月20日"
    assert report_date("各村要在3月10日完成排查，于3月20日前将统计表报送农业农村处。") == ""  # another day
    assert report_date("各村要于3月20日前完成排查。") == "3月20日"  # the work itself by its one day (held67c)
    assert report_date("各村要于4月1日汛期前开展一次大检查。") == "4月1日"
    assert report_date("各村要于3月20日前做好排查准备。") == ""  # neither a report nor the work done or carried out by it


def test_offices_given_their_share_by_clause_are_units(tmp_path):
    """held66b: "由X组织…；由Y开展…" after the first doer: each office a unit of the part its first doer leads."""
    shares = [*HEAD[:6],
              "各处室、各村要结合实际，广泛开展防灾减灾知识进校园活动。由社会事业处组织辖区大中小学开展主题班会；"
              "由交通与建设处组织开展施工工地风险隐患排查整治工作；由各村通过悬挂横幅等形式宣传防灾减灾知识。",
              *HEAD[7:], *SIGNATURE]
    tasks = text_tasks(tmp_path, shares, 2023)
    assert [t.code for t in tasks] == ["一", "二", "三"]
    assert tasks[1].lines[0].lead_units == ["各处室"]
    assert tasks[1].lines[0].units == ["各村", "社会事业处", "交通与建设处"]
