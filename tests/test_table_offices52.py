"""Issue 13, held52b: a bureau's section named by its office ("局宣传科", "县教育局基教科") is an office, as its 处 is; the
work a sentence names before 由 ("讲话稿由局办公室负责准备") is no part of the office's name."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.sources.table.office_names import ends_like_unit
from mstrack.sources.table.units import office_list, role_read, unit_names

from .conftest import convert_written


@pytest.mark.parametrize("name", ["局宣传科", "县教育局基教科", "区财政局预算科", "县卫健委医政科", "县政府办秘书科"])
def test_a_section_named_by_its_office_is_an_office(name):
    assert ends_like_unit(name) and office_list(name)


@pytest.mark.parametrize("name", ["外科", "口腔科", "县医院儿科", "学科", "本科"])
def test_a_subject_or_a_ward_is_no_office(name):
    assert not ends_like_unit(name) and not office_list(name)


def test_a_section_closed_by_its_role_leads():
    assert role_read("局宣传科负责联络媒体宣传报道。") == (["局宣传科"], [])
    assert role_read("县教育局基教科牵头，县财政局预算科配合") == (["县教育局基教科"], ["县财政局预算科"])


@pytest.mark.parametrize(("cell", "leads"), [
    ("讲话稿由局办公室负责准备；", ["局办公室"]),
    ("倡议书、魏局长、谢主任讲话稿由局综合处负责提供；", ["局综合处"]),
    ("由市人社局牵头，市财政局配合", ["市人社局"]),
    ("自由贸易试验区管委会牵头", ["自由贸易试验区管委会"]),  # 由 inside a name stays
])
def test_the_work_before_by_is_no_part_of_the_name(cell, leads):
    read = role_read(cell)
    assert read is not None and read[0] == leads
    assert unit_names(cell)[:1] == leads


MEETING = ["关于召开某区安全生产工作动员会", "部署会议方案",
           "为推进安全生产工作，经研究，定于近期召开动员部署会议，现将有关事项通知如下：",
           "一、时  间：2022年3月8日（星期二）上午9:00",
           "二、地  点：区政务中心三楼会议室",
           "三、参加对象", "1.局班子成员；", "2.局机关各处室负责人。",
           "四、会议议程", "1.局长张三传达上级会议精神；", "2.局长张三作重要讲话。",
           "五、有关事项",
           "1.区应急服务中心负责会务工作，局办公室协助；",
           "2.讲话稿由局办公室负责准备；",
           "3.局宣传科负责联络媒体宣传报道。",
           "某区应急管理局", "2022年3月1日"]


def test_an_events_duty_done_by_a_section(tmp_path):
    """A meeting plan's duty given to a bureau's section ("3.局宣传科负责联络媒体宣传报道。") is a duty as one given to its
    处: the plan's three duties are read, each with its office, due on the meeting's day."""
    tasks = convert_written(tmp_path, "plan.txt", "\n".join(MEETING) + "\n", 2022).programme.tasks
    assert [(t.code, t.lines[0].lead_units, t.lines[0].units, t.deadline) for t in tasks] == [
        ("五1", ["区应急服务中心"], ["局办公室"], date(2022, 3, 8)), ("五2", ["局办公室"], [], date(2022, 3, 8)),
        ("五3", ["局宣传科"], [], date(2022, 3, 8))]
