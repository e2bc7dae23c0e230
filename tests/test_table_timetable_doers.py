"""Issue 13, reader63b: an annex's timetable of "date：work" lines (list_timeline.timetable) whose lines name no doer, the
plan's body naming them in sentences printing the same day about the same work (timetable_doers), or the line's own
bracket naming the schools of its step."""

from __future__ import annotations

from mstrack.sources.table.timetable_doers import bracket_schools, work_doers

from .conftest import text_tasks

BODY = ["东岭区教育局2016年秋季初一年招生工作方案",
        "各中小学：",
        "为做好今年初一年招生工作，特制定本方案。",
        "一、报名",
        "（一）报名时间：5月10日至5月20日",
        "（二）报名地点：在就读学校报名。各中心校、城关各小学报名表在7月3日前送教育处。",
        "二、毕业考试",
        "各校应在把好小学毕业考试质量关的基础上，实行综合素质评定。小学毕业考试由各小学自行命题。小学毕业考试统一安排在6月23日举行。",
        "三、民办学校招生",
        "凡报名民办中学的学生，报名时间：6月20日之前，各私立中学必须在6月23日之前将志愿表上交教育处。",
        "四、体育特长生",
        "由区教育局教育处组织青少年体校专业人员在7月15日前完成测试后决定录取。",
        "五、政策性照顾对象",
        "由家长持证明材料，于6月29日至7月3日到教育处登记。",
        "六、城关户口",
        "城关地区户口转入截止时间：2016年6月20日",
        "东岭区教育局",
        "2016年6月1日",
        "附件1：",
        "2016年初招工作时间安排",
        "5月10日—5月20日：毕业生报名表填报，7月3日前送教育处",
        "5月26日—6月20日： 城关户口核对时间",
        "6月18日：小学毕业生质量抽测",
        "6月20日之前民办学校填报志愿；6月23日前送教育处",
        "6月23日：小学毕业生毕业考试",
        "6月29日—7月3日： 政策性照顾对象登记审核",
        "7月15日：城南学校余额抽签",
        "青少年体校招生",
        "7月22日：城关公立中学录取（一中、二中随机抽签地点：东岭中学）"]


def _leads(task) -> list[str]:
    return list(dict.fromkeys(u for line in task.lines for u in line.lead_units if u != "（表中未列）"))


def _units(task) -> list[str]:
    return [u for line in task.lines for u in line.units if u not in _leads(task)]


def test_a_timetable_lines_doers_are_those_the_body_names_on_its_day_about_its_work(tmp_path):
    """Each line's day and words matched to the body's sentence printing that day about the same work: its subject
    ("各中心校、城关各小学报名表在7月3日前…": the first the lead, the other a unit; "各私立中学必须在6月23日之前…", the line's
    other day 6月20日 printed beside it, not the exam's 6月23日), the office after "由" (a bureau's division as the body
    names it bare, "教育处"; a school whose staff it organises a unit), the office registrations are made at
    ("到教育处登记"); where the dated sentence names none, the nearest of its paragraph on the same work
    ("小学毕业考试由各小学自行命题"). A line whose day the body dates no doer for ("城关户口核对时间": "户口转入截止时间")
    or prints nowhere ("6月18日") is led by no one."""
    tasks = {t.title: t for t in text_tasks(tmp_path, BODY, 2016)}
    leads = {title: _leads(t) for title, t in tasks.items()}
    assert leads["毕业生报名表填报，7月3日前送教育处"] == ["各中心校"], leads
    assert _units(tasks["毕业生报名表填报，7月3日前送教育处"]) == ["城关各小学"]
    assert leads["6月20日之前民办学校填报志愿；6月23日前送教育处"] == ["各私立中学"], leads
    assert leads["小学毕业生毕业考试"] == ["各小学"], leads
    assert leads["政策性照顾对象登记审核"] == ["教育处"], leads
    assert leads["青少年体校招生"] == ["教育处"] and _units(tasks["青少年体校招生"]) == ["青少年体校"], leads
    assert leads["城关户口核对时间"] == [] and leads["小学毕业生质量抽测"] == [], leads
    assert leads["城南学校余额抽签"] == ["城南学校"], leads


def test_a_lines_own_bracket_naming_the_schools_of_its_step_leads_it(tmp_path):
    """"城关公立中学录取（一中、二中随机抽签地点：…）": the schools opening the line's bracket, run into their step, lead it
    as printed (the first; the other a unit), before the kind of school the work opens with (城关公立中学)."""
    task = next(t for t in text_tasks(tmp_path, BODY, 2016) if t.title.startswith("城关公立中学录取"))
    assert _leads(task) == ["一中"] and _units(task) == ["二中"]
    assert bracket_schools("城关公立中学录取（地点：东岭中学）") == []


def test_the_work_opening_a_clause_is_no_subject():
    """"实行小学毕业生…", "在把好小学…": a school's ending inside the work, no school opening the clause; a sentence
    sharing no word with the line's work dates none of its doers."""
    body = ["各校应在把好小学毕业考试质量关的基础上，实行小学毕业生综合素质评定，6月23日前完成。"]
    assert work_doers("6月23日：小学毕业生毕业考试", "小学毕业生毕业考试", "6月23日", body) == []
    body = ["各私立中学必须在6月23日之前将志愿表上交教育处。"]
    assert work_doers("6月23日：体检", "体检", "6月23日", body) == []
