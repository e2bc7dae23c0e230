"""Issue 13, revfix11a: review11's findings on who leads and on refusing a plan as a report of results. Each rule on
a small synthetic case: a lead the reader does not know as an office, or a person; an explicit 牵头 anywhere in the
cell; offices listed with their own role in a bracket or with no stop; the role's words left on a name; a plan whose
introduction or title mentions another year's results or a reporting duty."""

from __future__ import annotations

import pytest

from mstrack.sources.table.units import a_person, roles_in, unit_names

from .conftest import convert_written, write_page

HEADER = ["序号", "工作任务", "主要内容", "责任单位", "完成时限"]


def _read(tmp_path, cell: str):
    conversion = convert_written(tmp_path, "t.csv", [HEADER, ["1", "城市更新", "改造老旧小区40个", cell, "2024年12月"]])
    line = conversion.programme.tasks[0].lines[0]
    return line.lead_units, line.units, [str(d) for d in conversion.doubts]


@pytest.mark.parametrize("name", ["市城市更新工作专班", "东部片区开发建设专项组"])
def test_a_lead_not_known_as_an_office_is_the_lead_and_no_unit(tmp_path, name):
    """"X牵头" alone: X leads, whatever its name ends with; it is not also a unit, and the role word is off."""
    leads, units, doubts = _read(tmp_path, f"{name}牵头")
    assert (leads, units) == ([name], [])
    assert not any("person" in d for d in doubts)


@pytest.mark.parametrize(("cell", "lead"), [("张三同志牵头", "张三同志"), ("分管副市长牵头", "分管副市长"),
                                            ("副市长李四牵头", "副市长李四")])
def test_a_person_leading_is_read_and_doubted(tmp_path, cell, lead):
    """A person named where an office is expected: read as the lead, with a doubt for someone to name the office."""
    leads, units, doubts = _read(tmp_path, cell)
    assert (leads, units) == ([lead], [])
    assert [d for d in doubts if "a person" in d and lead in d]


@pytest.mark.parametrize(("name", "is_person"), [("张三同志", True), ("分管副市长", True), ("李四副市长", True),
                                               ("残联", False), ("妇联", False), ("市长热线办公室", False), ("团市委", False)])
def test_a_person_is_told_from_an_office_with_a_short_name(name, is_person):
    assert a_person(name) is is_person


@pytest.mark.parametrize(("cell", "roles"), [
    ("市城管局负责，市住建局牵头", ("市住建局", "市城管局")),  # an explicit 牵头 after 负责 still leads alone
    ("市卫健委配合，市民政局牵头", ("市民政局", "市卫健委")),
    ("市民政局负责牵头抓总，市卫健委负责具体实施", ("市民政局", "市卫健委")),  # 牵头 in the first role's phrase
    ("县交通局负责，县财政局负责", ("县交通局", "县财政局")),  # no lead word: the first 负责 leads
])
def test_an_explicit_lead_anywhere_in_the_cell_wins_over_fuze(cell, roles):
    assert roles_in(cell) == roles


@pytest.mark.parametrize(("cell", "roles"), [
    ("市民政局牵头（配合单位：市卫健委、市医保局）", ("市民政局", "市卫健委、市医保局")),
    ("市民政局牵头（市卫健委、市医保局配合）", ("市民政局", "市卫健委、市医保局")),
    ("市民政局牵头市卫健委配合", ("市民政局", "市卫健委")),  # no stop between the lists
    ("市民政局牵头，会同市卫健委、市医保局推进", ("市民政局", "市卫健委、市医保局")),
    ("市交通运输局牵头负责，各县（市、区）政府具体负责实施", ("市交通运输局", "各县（市、区）政府")),
    ("市教育局牵头，市发改委负责立项，市住建局负责建设", ("市教育局", "市发改委、市住建局")),
    ("市民政局牵头，市卫健委、市医保局等部门配合", ("市民政局", "市卫健委、市医保局")),
])
def test_offices_with_their_own_role_are_units(cell, roles):
    """A bracket after the role that lists offices by their own role, a list with no stop before its role, 会同…推进,
    具体负责, 负责立项 and a closing 等部门 before the role: the offices alone."""
    assert roles_in(cell) == roles


def test_a_bracket_after_the_lead_that_is_no_role_list_is_not_read_as_one():
    assert roles_in("市民政局牵头（含各区）")[1] == ""  # a scope: no office named as a unit


@pytest.mark.parametrize(("cell", "names"), [
    ("各县区政府（负责）", ["各县区政府"]),
    ("市自然资源局（配合）", ["市自然资源局"]),
    ("市发改委负责立项，市住建局负责建设", ["市发改委", "市住建局"]),
    ("市卫健委、市医保局等部门配合", ["市卫健委", "市医保局"]),
    ("市财政局、市消防救援支队等部门", ["市财政局", "市消防救援支队等部门"]),  # no role: as printed, as the seeds have it
    ("县住建局负责项目建设", ["县住建局"]),  # an office and its work: the office
])
def test_role_words_in_a_units_column_are_no_part_of_a_name(cell, names):
    assert unit_names(cell) == names


ITEMS = ["一、新建幼儿园3所，新增学位2700个。（责任单位：县教育局）", "二、改造老旧小区12个。（责任单位：县住建局）",
         "三、新建农村公路50公里。（责任单位：县交通运输局）", "四、新增城镇就业5000人。（责任单位：县人社局）"]


@pytest.mark.parametrize(("title", "intro"), [
    ("XX县2024年民生实事项目实施方案", "在认真总结2023年民生实事项目完成情况的基础上，经县政府研究，确定2024年民生实事项目如下："),
    ("XX县2024年民生实事项目安排（附2023年完成情况说明）", "经县政府研究，确定2024年民生实事项目如下："),
    ("XX县2024年民生实事项目实施方案", "各责任单位每月5日前报送落实情况，确定2024年民生实事项目如下："),
])
def test_a_plan_that_mentions_past_results_or_a_reporting_duty_is_read(tmp_path, title, intro):
    from mstrack.sources.table import convert_table

    path = write_page(tmp_path / "p.html", [title, intro, *ITEMS], title=title)
    conversion = convert_table(path, "x-2024", 2024)
    assert len(conversion.programme.tasks) == 4


def test_a_report_of_results_is_still_refused(tmp_path):
    from mstrack.errors import InputError
    from mstrack.sources.table import convert_table

    title = "XX县2023年民生实事项目完成情况"
    path = write_page(tmp_path / "p.html", [title, "2023年，县委、县政府确定的民生实事全部完成，具体如下：", *ITEMS], title=title)
    with pytest.raises(InputError, match="report of results"):
        convert_table(path, "x-2023", 2023)
