"""Issue 13, held61a: a town's notice whose dated steps "（一）name（date）。…" stand under a part naming its time and
steps ("三、…的时间和步骤") below an introduction of phases, the steps' doer the issuing 乡 named by its level alone;
a plan's annex timetable of unnumbered lines "date：work"; each read by its structure on a small notice of its own."""

from __future__ import annotations

from datetime import date

from mstrack.sources.table.list_doers import issuing_town, paragraph_doers, step_doers
from mstrack.sources.table.list_timeline import timetable
from mstrack.sources.table.reading import Row

from .conftest import text_tasks


def _leads(task) -> list[str]:
    """The task's lead units, each once (a task of several lines names its lead on each)."""
    return list(dict.fromkeys(u for line in task.lines for u in line.lead_units if u != "（表中未列）"))


def _units(task) -> list[str]:
    return [u for line in task.lines for u in line.units if u not in _leads(task)]


NOTICE = ["东岭乡人民政府关于开展出租房屋消防安全专项治理活动的通知",
          "各村、乡直各单位：",
          "为坚决遏制火灾事故发生，决定即日起至10月31日开展专项治理。现将有关事项通知如下：",
          "一、治理目标",
          "对全乡出租房屋开展一次全面排查，摸清底数。",
          "二、治理重点",
          "1.出租房屋是否违规住人。",
          "2.疏散通道是否畅通。",
          "3.是否配备灭火器材。",
          "三、专项治理的时间和步骤",
          "专项治理活动分两个阶段。",
          "第一阶段从2017年5月下旬至2017年8月底，主要排查整治隐患；第二阶段至2017年底，主要建立长效机制。",
          "（一）动员部署（2017年5月31日）。乡根据本地区实际，制定具体实施方案，召开动员会议。",
          "（二）划片排查（2017年8月20日前）。乡组织派出所、综治办、安监站等基层力量，进行分块排查。",
          "（三）集中培训（2017年7月15日前）。乡组织出租户开展一次消防培训，公安消防部门派员授课。",
          "（四）落实监管责任（2017年12月31日前）。乡明确出租房屋消防安全管理的责任部门，并向上级政府报备。",
          "四、职责分工",
          "（一）乡政府是这次专项治理的直接责任主体，负责专项治理的组织实施。",
          "（二）乡消防安委会要加强专项治理的组织协调、督导检查。",
          "五、工作要求",
          "（一）加强组织领导。各村、各单位要高度重视，立即组织开展治理。",
          "（二）强化督导检查。乡村建立领导干部分片包干责任制。",
          "东岭乡人民政府",
          "2017年5月20日"]


def test_dated_steps_under_a_part_of_time_and_steps_below_its_phases_are_the_tasks(tmp_path):
    """"三、…的时间和步骤" over two paragraphs of phases, then "（一）name（date）。…": the part's heading is the steps'
    even with its introduction between them; each step a task titled by its name and paragraph without the bracket, due
    its own date (out of order as printed); the checks "1.…是否…", the 职责分工 and the requirements are no tasks."""
    tasks = {t.code: t for t in text_tasks(tmp_path, NOTICE, 2017)}
    assert list(tasks) == ["三(一)", "三(二)", "三(三)", "三(四)"]
    assert tasks["三(一)"].title == "动员部署。乡根据本地区实际，制定具体实施方案，召开动员会议。"
    assert [t.deadline for t in tasks.values()] == [date(2017, 5, 31), date(2017, 8, 20), date(2017, 7, 15),
                                                    date(2017, 12, 31)]


def test_the_issuing_town_named_by_its_level_leads_its_steps(tmp_path):
    """"乡根据…", "乡组织X、Y等基层力量…": the notice's 乡 in the third person is its government, the lead of each step;
    the offices it organises, named before 等, are the step's units, and so is an office sending its people ("X派员授课")."""
    tasks = {t.code: t for t in text_tasks(tmp_path, NOTICE, 2017)}
    assert [_leads(t) for t in tasks.values()] == [["乡政府"]] * 4
    assert sorted(_units(tasks["三(二)"])) == sorted(["派出所", "综治办", "安监站"])
    assert _units(tasks["三(三)"]) == ["公安消防部门"]  # it sends the trainers; 出租户, people, no office


def test_issuing_town_reads_a_bare_level_before_its_work_only():
    """The bare 乡 or 镇 before a verb is the issuer; a name opening with 乡 or 镇 that goes on ("乡镇…", "乡消防安委会")
    is none of it."""
    assert issuing_town("乡组织派出所、安监站等基层力量") == ["乡政府", "派出所", "安监站"]
    assert issuing_town("镇采取法律、行政等手段") == ["镇政府"]
    assert issuing_town("乡镇要加强领导") == []
    assert issuing_town("乡消防安委会要加强协调") == []
    assert step_doers("乡组织派出所等基层力量，于8月底前完成排查。") == ["乡政府", "派出所"]
    assert paragraph_doers("乡组织企业开展培训，公安消防部门派员授课。", True) == ["乡政府", "公安消防部门"]
    assert paragraph_doers("乡组织企业开展培训，企业派人参加。", True) == ["乡政府"]  # 企业: a kind, no office


PLAN = ["东岭区教育局2016年秋季初一年招生工作方案",
        "各中小学：",
        "为做好今年初一年招生工作，特制定本方案。",
        "一、招生原则",
        "按照公平、公正、公开的原则，免试就近入学。",
        "二、工作要求",
        "各校要严格执行招生计划，严禁通过考试选拔学生。",
        "东岭区教育局",
        "2016年6月1日",
        "附件：",
        "2016年初招工作时间安排",
        "5月10日—5月20日：毕业生报名表填报，7月3日前送教育科",
        "5月26日前：学籍信息更改的材料报教育科",
        "6月18日：小学毕业生质量抽测",
        "6月20日之前民办学校填报志愿；6月23日前送教育科",
        "7月15日：城南学校余额抽签",
        "少体校招生",
        "7月27日—8月7日： 农村各中学录取"]


def test_a_timetable_of_dated_lines_is_the_plan_s_tasks(tmp_path):
    """"…工作时间安排" over unnumbered lines "date：work": each line a task numbered in its order, titled by its work after
    the colon (a line with no colon whole), due at its span's end; a later day its work is due by ("，7月3日前送…") its
    deadline, the span's end a checkpoint; a short work alone on a line under a dated one a task of that date."""
    tasks = {t.code: t for t in text_tasks(tmp_path, PLAN, 2016)}
    assert list(tasks) == ["1", "2", "3", "4", "5", "6", "7"]
    assert [t.title for t in tasks.values()] == [
        "毕业生报名表填报，7月3日前送教育科", "学籍信息更改的材料报教育科", "小学毕业生质量抽测",
        "6月20日之前民办学校填报志愿；6月23日前送教育科", "城南学校余额抽签", "少体校招生", "农村各中学录取"]
    assert [t.deadline for t in tasks.values()] == [date(2016, 7, 3), date(2016, 5, 26), date(2016, 6, 18),
                                                    date(2016, 6, 23), date(2016, 7, 15), date(2016, 7, 15),
                                                    date(2016, 8, 7)]
    checkpoints = {code: sorted({c.due for line in t.lines for c in line.checkpoints}) for code, t in tasks.items()}
    # a task of words only is judged by its checkpoints: its deadline may stand as one, no other day
    checkpoints = {code: [d for d in days if d != tasks[code].deadline] for code, days in checkpoints.items()}
    assert checkpoints["1"] == [date(2016, 5, 20)]
    assert checkpoints["4"] == [date(2016, 6, 20)]
    assert all(not checkpoints[code] for code in ("2", "3", "5", "6", "7"))


def test_dated_lines_under_no_timetable_title_are_no_timetable():
    """The lines alone, under a title naming no timetable, are not read so; nor are three lines."""
    rows = [Row(k, [text]) for k, text in enumerate(PLAN[:10] + ["2016年初招工作须知"] + PLAN[11:], 1)]
    assert timetable(rows) is None
    assert timetable([Row(k, [text]) for k, text in enumerate(PLAN[10:14], 1)]) is None
    found = timetable([Row(k, [text]) for k, text in enumerate(PLAN[10:], 1)])
    assert found is not None and found[0] == 1 and len(found[3]) == 7


def test_a_timetable_s_admission_step_opening_with_its_school_is_led_by_it(tmp_path):
    """"城南学校余额抽签", "农村各中学录取": the school's own admission step, the school (or class of schools) opening it leads
    it (list_timeline.admitting_school); the pupils' steps ("小学毕业生质量抽测") and a short work naming no school lead
    nothing (held61c)."""
    leads = {t.title: _leads(t) for t in text_tasks(tmp_path, PLAN, 2016)}
    assert leads["城南学校余额抽签"] == ["城南学校"] and leads["农村各中学录取"] == ["农村各中学"], leads
    assert not any(leads[title] for title in ("小学毕业生质量抽测", "少体校招生", "毕业生报名表填报，7月3日前送教育科",
                                              "6月20日之前民办学校填报志愿；6月23日前送教育科")), leads
