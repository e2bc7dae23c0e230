"""held65d (issue 13): places closed by 等 sharing the kind of office after them ("北厝、敖东等派出所": two police
stations, the first the lead), read as a paragraph's doers; a part's doers an item names only some of; the date
fragments several readers build on (spans.time_label, days_pattern, sent_by; office_names.registered_at)."""

from __future__ import annotations

import re

from mstrack.sources.table import convert_table
from mstrack.sources.table.list_deadlines import work_period
from mstrack.sources.table.list_doers import paragraph_doers
from mstrack.sources.table.office_names import registered_at
from mstrack.sources.table.spans import DAY, days_pattern, sent_by, time_label
from mstrack.sources.table.units import unit_names


def test_places_closed_by_deng_share_the_kind_of_office_after_them():
    assert unit_names("北厝、敖东等派出所") == ["北厝派出所", "敖东派出所"]
    assert unit_names("城关、南门、北门等卫生院") == ["城关卫生院", "南门卫生院", "北门卫生院"]


def test_a_kind_left_open_after_deng_is_shared_by_no_name():
    assert unit_names("教育、卫健等部门") != ["教育部门", "卫健部门"]
    assert unit_names("区教育局、卫健等单位")[0] == "区教育局"


def test_police_stations_named_by_their_places_do_a_paragraphs_work():
    paragraph = "北厝、敖东等派出所应按照职责，积极维护灾区社会治安和交通秩序，督促检查落实重要场所的安全保卫工作。"
    assert paragraph_doers(paragraph, opening=True) == ["北厝派出所", "敖东派出所"]


# a part's paragraph naming who does its items, one item naming only one of them itself
NARROWED = [
    "某片区管理局关于开展森林防火宣传月活动的通知",
    "各处室、各村居：",
    "为做好森林防火宣传工作，现就有关事项通知如下：",
    "一、活动时间",
    "即日起至2024年10月31日。",
    "二、主要任务",
    "各处室、各村居要结合本辖区实际，广泛开展森林防火宣传教育活动。",
    "（一）多措并举，扩大宣传覆盖面。通过广播、横幅、标语等形式，把森林防火常识宣传到户、到人。",
    "（二）突出重点，增强宣传针对性。抓好林区进山路口等重点区域的宣传，设置防火标语标牌。",
    "（三）部门协同，提高宣传影响力。各处室要共同推进森林防火专题宣传活动进社区、进企业、进校园。",
    "某片区管理局",
    "2024年10月11日",
]


def test_an_item_naming_some_of_its_parts_doers_leads_by_them_the_others_share_it(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text("\n".join(NARROWED) + "\n", encoding="utf-8")
    conversion = convert_table(path, "x-2024", 2024)
    tasks = conversion.programme.tasks
    assert len(tasks) == 3
    assert [(t.lines[0].lead_units, t.lines[0].units) for t in tasks] == [(["各处室"], ["各村居"])] * 3


def test_where_a_body_lies_and_a_consequence_name_no_doer():
    assert paragraph_doers("汛期来临时，各地灾点所在村的联合党委及村（居）要加强人员统筹工作。", opening=True) == []
    assert paragraph_doers("如果通讯中断，则需派专人向工作领导小组报告，及时通知抢险队伍。", opening=True) == []
    assert paragraph_doers("各村要加强人员统筹工作。", opening=True) == ["各村"]


def test_the_date_fragments_readers_share_read_a_label_a_span_and_a_day_sent_by():
    label = re.compile(rf"{time_label('报名|登记', optional=True)}({days_pattern()})")
    assert label.search("城关各小学报名时间8月27日至28日")[1] == "8月27日至28日"
    assert re.search(time_label("抽签"), "抽签时间8月25日") is None  # its colon required unless optional
    assert re.search(sent_by(DAY, "报送|报"), "请于2021年5月5日下班前将材料统一报送区社会事业局")[1] == "2021年5月5日"
    assert re.search(sent_by(DAY, "报送"), "于5月5日前完成。报送材料") is None  # the verb in the day's sentence
    assert registered_at(r"([^，,。；;到]{2,12}?)").search("于6月29日至7月3日到教育处登记")[1] == "教育处"


# a plan of stages whose period and first stage print the year before the plan's (2016 for 2017)
MISPRINTED = [
    "某乡2017年火灾隐患排查整治工作方案",
    "一、工作目标",
    "全面排查整治火灾隐患，确保全乡消防安全形势稳定。",
    "二、整治内容",
    "（一）加强消防队建设。各村要对已成立的义务消防队进行整顿。",
    "（二）开展宣传教育。乡安监站要组织开展消防宣传进村入户活动。",
    "三、整治步骤",
    "此次专项整治工作自2017年4月10日开始至2016年12月31日结束，分下述三个阶段进行。",
    "（一）组织部署阶段（2016年4月10日至4月30日）。",
    "各村要制定具体实施方案，明确工作任务。",
    "（二）排查整治阶段（2017年5月1日至11月30日）。",
    "各村要对辖区开展全面排查整治。",
    "（三）总结验收阶段（2017年12月1日至12月31日）。",
    "乡安监站要对整治工作进行总结验收。",
    "某乡人民政府",
    "2017年4月10日",
]


def test_a_period_ending_a_year_before_it_starts_ends_in_its_starts_year():
    end, _, said = work_period(["此次专项整治工作自2017年4月10日开始至2016年12月31日结束，分四个阶段进行。"], 2017)
    assert end == "2017年12月31日" and "至2016年12月31日结束" in said  # the clause said as printed
    assert work_period(["此次整治工作自2017年4月10日开始至2016年3月31日结束。"], 2017) is None  # its day before the start's
    assert work_period(["此次整治工作自2016年4月10日开始至2016年12月31日结束。"], 2017) is None  # another year's work


def test_a_stage_printed_a_year_before_the_next_one_it_runs_into_is_read_in_the_next_ones_year(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(MISPRINTED) + "\n", encoding="utf-8")
    conversion = convert_table(path, "x-2017", 2017)
    tasks = {t.code: t for t in conversion.programme.tasks}
    first = tasks["三(一)"]
    assert str(first.deadline) == "2017-04-30" and "印作2016年" in first.text.deadline_text
    assert [str(tasks[code].deadline) for code in ("三(二)", "三(三)")] == ["2017-11-30", "2017-12-31"]  # as printed
    assert "印作" not in tasks["三(二)"].text.deadline_text
