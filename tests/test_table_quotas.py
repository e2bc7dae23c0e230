"""Issue 13, held61b: an admissions plan's quotas, each school's or kindergarten's item opening with its name run
straight into its quota ("1.甲幼儿园招收小班新生4个班120名；"), in one part of a 方案 whose parts each number their points
"1." again."""

from __future__ import annotations

from .conftest import convert_written


def _tasks(tmp_path, lines: list[str]) -> dict:
    tasks = convert_written(tmp_path, "plan.txt", "\n".join(lines) + "\n").programme.tasks
    return {t.code: t for t in tasks}


def _leads(task) -> list[str]:
    return [u for line in task.lines for u in line.lead_units if u != "（表中未列）"]  # the placeholder: none read


PLAN = ["某区教育局", "2015年秋季公办幼儿园招生工作方案", "一、招生原则", "坚持公平、公正、公开的原则。",
        "二、招生对象", "1.招生对象", "招收本镇户籍的3周岁适龄幼儿。", "2.招收年龄", "小班招生年龄为3周岁。",
        "三、招生人数和班级规模",
        "1.甲幼儿园招收小班新生4个班120名(含政策性照顾对象)；",
        "2.乙幼儿园招收小班新生6个班180名(含政策性照顾对象)；",
        "3.丙儿童学园招收小班新生3个班90名(含政策性照顾对象)。",
        "四、工作要求", "1.加强招生工作的领导。各幼儿园要精心组织，规范操作。",
        "2.严格责任追究制度。各幼儿园要严格按照核准的招生计划招生。",
        "某区教育局", "2015年6月3日"]


def test_a_school_opening_its_quota_item_leads_it(tmp_path):
    """"1.甲幼儿园招收小班新生4个班120名(…)；": the kindergarten whose name opens the item admits its quota, the item's
    lead (list_roles.opening_body, office_names.SCHOOL_END), its words as printed, its figures its targets."""
    tasks = _tasks(tmp_path, PLAN)
    leads = {code: _leads(task) for code, task in tasks.items()}
    assert list(leads.values()) == [["甲幼儿园"], ["乙幼儿园"], ["丙儿童学园"]], leads
    first = next(iter(tasks.values()))
    assert first.title == "甲幼儿园招收小班新生4个班120名(含政策性照顾对象)；"
    assert sorted(i.target for line in first.lines for i in line.indicators) == [4, 120]


def test_items_under_one_part_of_a_plan_whose_parts_number_their_points_again_are_coded_within_it(tmp_path):
    """The quotas "1." "2." "3." under "三、招生人数和班级规模", beside "二、" and "四、" numbering theirs "1." again: coded
    within their part (三1, 三2, 三3, list_groups.coded_by_part), as the best effort codes such a run."""
    assert list(_tasks(tmp_path, PLAN)) == ["三1", "三2", "三3"]


def test_a_quota_item_naming_no_school_leads_nothing(tmp_path):
    """One item of the run opening with its work ("3.新增小班新生3个班90名。"): the run's form is not every item's, no
    lead is read for any of them (list_doer_lines.bodies_below)."""
    lines = [*PLAN[:12], "3.新增小班新生3个班90名(含政策性照顾对象)。", *PLAN[13:]]
    tasks = _tasks(tmp_path, lines)
    assert not any(_leads(task) for task in tasks.values())


# --- a quota split over named bodies inside one paragraph: "其中：A…N个班M人；B…" --------------------------------------

SPLIT = ["某区教育局", "2015年秋季小学一年级招生工作方案", "一、招生原则", "坚持划片招生、就近入学的原则。",
         "二、招生办法", "（一）城关公办小学招生办法", "1、招生计划",
         "今年城关三所公立小学一年级计划招收14个班，每班50人，共计700人，其中：东湖小学6个班300人；西湖小学5个班250人；"
         "南湖小学3个班150人。",
         "2、入学条件", "凡属以下情况之一者，均作为片内学生安排入学。",
         "（二）民办小学招生",
         "招生指标：民办小学一年级拟招9个班，每班50人。其中北湖学校拟招4个班；海滨小学拟招3个班；新城学校拟招2个班。",
         "三、招生时间", "城关各公立小学片内生报名时间：8月5日至7日。", "某区教育局", "2015年6月3日"]


def test_each_bodys_share_of_a_quota_split_in_one_paragraph_is_a_task_coded_by_the_paragraphs_place(tmp_path):
    """"…共计700人，其中：东湖小学6个班300人；西湖小学…；南湖小学…。" under "1、招生计划" under "（一）…" under "二、…": each
    school's clause a task as printed, coded by the item the paragraph stands under and its place in it (二(一)1-1);
    a split right under its group's heading "（二）民办小学招生" coded after the group alone (二(二)-1). The totals
    (14 班, 700 人, 9 班) are no task: the sum of their parts."""
    tasks = _tasks(tmp_path, SPLIT)
    assert list(tasks) == ["二(一)1-1", "二(一)1-2", "二(一)1-3", "二(二)-1", "二(二)-2", "二(二)-3"]
    assert [t.title for t in tasks.values()][:3] == ["东湖小学6个班300人；", "西湖小学5个班250人；", "南湖小学3个班150人。"]
    assert [_leads(t) for t in tasks.values()] == [["东湖小学"], ["西湖小学"], ["南湖小学"], ["北湖学校"], ["海滨小学"], ["新城学校"]]
    figures = {code: sorted((i.target, i.unit) for line in t.lines for i in line.indicators) for code, t in tasks.items()}
    assert figures["二(一)1-2"] == [(5, "个"), (250, "人")]
    assert figures["二(二)-3"] == [(2, "个")]


def test_a_split_of_duties_after_its_total_is_no_quota(tmp_path):
    """"其中：区交通局牵头开展结构排查；区市场局牵头开展经营排查；…": each clause opens with an office and its duty, no
    figure of a share: no quota split (one_paragraph.quota_split), whatever the document is read as."""
    from mstrack.sources.table.list_roles import opening_body
    from mstrack.sources.table.one_paragraph import quota_split

    duties = "重点排查三方面内容，其中：区交通局牵头开展结构排查；区市场局牵头开展经营排查；区资源局牵头开展合法性排查。"
    assert quota_split(duties, opening_body) == []
    assert [body for _, body in quota_split(SPLIT[7], opening_body)] == ["东湖小学", "西湖小学", "南湖小学"]


def test_a_note_in_brackets_under_an_item_is_no_part_of_its_work(tmp_path):
    """"(说明:以上3所幼儿园招生,…余下的学额全部由抽签决定)" under the last quota: a note on the items above
    (list_labels.note_label: 说明 labels a note), its "3所" no target of the item it stands under."""
    lines = [*PLAN[:13], "(说明:以上3所幼儿园招生,扣除政策性照顾对象外,余下的学额全部由抽签决定)", *PLAN[13:]]
    task = list(_tasks(tmp_path, lines).values())[-1]
    assert sorted((i.target, i.unit) for line in task.lines for i in line.indicators) == [(3, "个"), (90, "名")]


def test_a_note_between_quota_items_and_an_item_with_no_figure_keep_the_run(tmp_path):
    """"(说明:以上3所…)" between items 3 and 4 is a note on them (list_labels.note_label), no break of the run; item 4
    "其他乡镇中心幼儿园招收新生以审批规模为准。" admits with no figure, its name one ("…中心幼儿园", not "…中心"): it leads its
    item as the others lead theirs (list_doer_lines.bodies_below, list_roles.opening_body)."""
    lines = [*PLAN[:13], "(说明:以上3所公办幼儿园招生,扣除政策性照顾对象外,各园余下的学额全部由抽签决定)",
             "4.其他乡镇中心幼儿园招收新生以审批规模为准。", *PLAN[13:]]
    leads = {code: _leads(task) for code, task in _tasks(tmp_path, lines).items()}
    assert leads == {"三1": ["甲幼儿园"], "三2": ["乙幼儿园"], "三3": ["丙儿童学园"], "三4": ["其他乡镇中心幼儿园"]}, leads


def test_a_hospital_centre_opening_an_item_is_no_school(tmp_path):
    """"区疾控中心现场发放…" keeps its name at 中心 (no school's ending after it): the centre, as before."""
    from mstrack.sources.table.list_roles import opening_body

    assert opening_body("区疾控中心现场发放宣传资料3000份") == "区疾控中心"
    assert opening_body("其他乡镇中心幼儿园招收新生以审批规模为准。") == "其他乡镇中心幼儿园"
    assert opening_body("区医院新建住院楼2000平方米") == ""
