"""Issue 13, held61c: an event's day the document names for bodies ("3.抽签时间" over "甲幼儿园和乙幼儿园：" and
"2015年7月15日（星期三）上午9:00和下午4：00；") dates the items those bodies open (list_deadlines.bodies_deadlines)."""

from __future__ import annotations

from datetime import date

from mstrack.sources.table.list_deadlines import bodies_days

from .conftest import convert_written

PLAN = ["某区教育局", "2015年秋季公办幼儿园招生工作方案", "一、招生原则", "坚持公平、公正、公开的原则。",
        "二、招生人数和班级规模",
        "1.甲幼儿园招收小班新生4个班120名(含政策性照顾对象)；",
        "2.乙幼儿园招收小班新生6个班180名(含政策性照顾对象)；",
        "3.丙儿童学园招收小班新生3个班90名(含政策性照顾对象)。",
        "三、招生办法", "1.报名", "凡持有本镇户籍的适龄幼儿，均可报名。", "2.抽签时间",
        "甲幼儿园和乙幼儿园：", "2015年7月15日（星期三）上午9:00和下午4：00；",
        "丙儿童学园：", "2015年7月16日（星期四）上午9:00。", "3.抽签地点", "区中学阶梯教室",
        "四、工作要求", "1.加强招生工作的领导。各幼儿园要精心组织，规范操作。",
        "2.严格责任追究制度。各幼儿园要严格按照核准的招生计划招生。",
        "某区教育局", "2015年6月3日"]


def _converted(tmp_path, lines: list[str]):
    return convert_written(tmp_path, "plan.txt", "\n".join(lines) + "\n", 2015)


def test_an_event_day_named_for_bodies_dates_the_items_they_open(tmp_path):
    """"甲幼儿园和乙幼儿园：" over its day: both kindergartens' quota items are due that day, 丙's on its own; each a doubt
    naming the lines read."""
    result = _converted(tmp_path, PLAN)
    due = {t.title[:5]: t.deadline for t in result.programme.tasks}
    assert due == {"甲幼儿园招": date(2015, 7, 15), "乙幼儿园招": date(2015, 7, 15), "丙儿童学园": date(2015, 7, 16)}, due
    whys = [str(d) for d in result.doubts if "day the document names" in str(d)]
    assert any("甲幼儿园和乙幼儿园：2015年7月15日" in w for w in whys) and any("丙儿童学园：2015年7月16日" in w for w in whys), whys


def test_a_day_of_another_year_or_no_heading_dates_nothing(tmp_path):
    """The day of another year than the programme's is none of its; names over a day with no "…时间" heading above are
    no event's bodies."""
    other = [line.replace("2015年7月1", "2014年7月1") for line in PLAN]
    assert all(t.deadline is None for t in _converted(tmp_path, other).programme.tasks)
    assert bodies_days(["说明", "甲幼儿园和乙幼儿园：", "2015年7月15日上午9:00"], 2015) == {}
    assert bodies_days(["2.抽签时间", "甲幼儿园和乙幼儿园：", "2015年7月15日上午9:00"], 2015) == {
        "甲幼儿园": ("2015年7月15日", "甲幼儿园和乙幼儿园：2015年7月15日上午9:00"),
        "乙幼儿园": ("2015年7月15日", "甲幼儿园和乙幼儿园：2015年7月15日上午9:00")}
    assert list(bodies_days(["3.抽签时间", "和平小学和城关小学：", "2015年7月15日上午9:00"], 2015)) == ["和平小学", "城关小学"]
