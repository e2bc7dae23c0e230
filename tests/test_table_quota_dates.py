"""Issue 13, reader63b: when an admissions plan's quotas split over named bodies fall due — the plan prints no date
beside them but dates the steps that fill them: the group's labelled schedule ("抽签时间：8月25日…"), in the group or in
the annex it refers to, else a registration span naming the group's kind of school (quota_dates.quota_due)."""

from __future__ import annotations

from datetime import date

from .conftest import convert_written

HEAD = ["某区教育局", "2015年秋季小学一年级招生工作方案", "一、招生原则", "坚持划片招生、就近入学的原则。", "二、招生办法"]
PUBLIC = ["（一）城关公办小学招生办法", "1、招生计划",
          "今年城关三所公立小学一年级计划招收14个班，每班50人，共计700人，其中：东湖小学6个班300人；西湖小学5个班250人；"
          "南湖小学3个班150人。"]
SCHEDULE = ["余下学额公布时间：8月 14 日", "登记时间：8月 16日— 18日", "抽签时间：8月 25日上午9：00", "抽签地点：所申请的学校"]
PRIVATE = ["（二）民办小学招生",
           "招生指标：民办小学一年级拟招9个班，每班50人。其中北湖学校拟招4个班；海滨小学拟招3个班；新城学校拟招2个班。"]
TIMES = ["三、招生时间", "城关各公立小学片内生报名时间：8月5日至7日，城关各私立小学、农村各小学报名时间：8月27日至28日。"]
TAIL = ["某区教育局", "2015年6月3日"]


def _deadlines(tmp_path, lines: list[str]) -> dict[str, date | None]:
    tasks = convert_written(tmp_path, "plan.txt", "\n".join(lines) + "\n", year=2015).programme.tasks
    return {t.code: t.deadline for t in tasks}


def test_quotas_fall_due_at_the_last_day_of_their_groups_labelled_schedule(tmp_path):
    """"公布时间：8月14日" / "登记时间：8月16日—18日" / "抽签时间：8月25日上午9：00" after the split, in its group: the
    lottery fills what the quotas leave, so each school's share is due its last day (8-25), not the registration
    span the plan prints for every public school (8月5日至7日)."""
    due = _deadlines(tmp_path, [*HEAD, *PUBLIC, *SCHEDULE, *PRIVATE, *TIMES, *TAIL])
    assert [due[c] for c in ("二(一)1-1", "二(一)1-2", "二(一)1-3")] == [date(2015, 8, 25)] * 3, due


def test_a_groups_schedule_in_the_annex_it_refers_to_dates_its_quotas(tmp_path):
    """"具体事宜详见附件1" in the group, "附件1：" after the plan holding "6、抽签时间：8月24日…": the annex's
    schedule is the group's."""
    public = [*PUBLIC, "2、余下学额分配办法", "余下学额执行电脑派位、随机抽签。具体事宜详见附件1。"]
    annex = ["附件1：", "城关各公立小学余下学额分配办法", "1、凡居住在城区半年以上的，均可申请。", "5、登记时间：8月16日—18日",
             "6、抽签时间：8月24日上午9：00", "附件2：", "片区划分表", "东湖小学：东街、西街"]
    due = _deadlines(tmp_path, [*HEAD, *public, *PRIVATE, *TIMES, *TAIL, *annex])
    assert due["二(一)1-2"] == date(2015, 8, 24), due


def test_a_registration_span_naming_the_groups_kind_of_school_dates_its_quotas(tmp_path):
    """"（二）民办小学招生" with no schedule of its own; "城关各私立小学、农村各小学报名时间：8月27日至28日" under
    "三、招生时间": 私立 is 民办 said another way, the span's end (8-28) the private schools' quotas' day. The public
    group's share is dated by its own kind's span (8月5日至7日) when it prints no schedule."""
    due = _deadlines(tmp_path, [*HEAD, *PUBLIC, *PRIVATE, *TIMES, *TAIL])
    assert [due[c] for c in ("二(二)-1", "二(二)-2", "二(二)-3")] == [date(2015, 8, 28)] * 3, due
    assert due["二(一)1-1"] == date(2015, 8, 7), due


def test_quotas_no_step_dates_have_no_deadline_of_their_own(tmp_path):
    """No schedule and no span for the group's kind ("城关各公立小学…" only): the private schools' quotas are dated by
    nothing the plan prints: no deadline of their own."""
    times = ["三、招生时间", "城关各公立小学片内生报名时间：8月5日至7日。"]
    due = _deadlines(tmp_path, [*HEAD, *PUBLIC, *PRIVATE, *times, *TAIL])
    assert [due[c] for c in ("二(二)-1", "二(二)-3")] == [None, None], due


RURAL = ["（一）农村学校招生办法", "农村小学一年级招生以乡镇为片区，中心校统一领导，做好招生工作，保证学龄儿童入学率达100%。"]
DUTY = ["（三）责任追究", "小学一年级招生工作实行各小学负责制，严禁招收不足龄的儿童入学。"]


def test_a_group_run_by_one_school_over_its_paragraph_beside_the_splits_is_its_own_task(tmp_path):
    """"（一）农村学校招生办法" over one paragraph naming the school running it ("中心校统一领导") and a figure
    ("入学率达100%"), beside the quota splits of its part: the group's one task (one_paragraph._group_task), coded by its
    part and its number (二(一)), titled by its name and its paragraph, led by the school, its figure its target, due
    at the end of the registration span for its kind of school ("农村各小学报名时间：8月27日至28日"). A group over a
    paragraph with no figure ("（三）责任追究 … 各小学负责制") is none."""
    public = ["（二）城关公办小学招生办法", *PUBLIC[1:]]
    tasks = {t.code: t for t in convert_written(tmp_path, "plan.txt", "\n".join(
        [*HEAD, *RURAL, *public, *SCHEDULE, *DUTY, *TIMES, *TAIL]) + "\n", year=2015).programme.tasks}
    assert list(tasks) == ["二(一)", "二(二)1-1", "二(二)1-2", "二(二)1-3"], list(tasks)
    rural = tasks["二(一)"]
    assert rural.title == "农村学校招生办法。" + RURAL[1]
    assert [u for line in rural.lines for u in line.lead_units] == ["中心校"]
    assert [(i.target, i.unit) for line in rural.lines for i in line.indicators] == [(100, "%")]
    assert rural.deadline == date(2015, 8, 28)


def test_a_group_over_its_paragraph_with_no_quota_split_in_its_part_is_no_quota_task(tmp_path):
    """The same group in a part with no split ("一、农村招生" over "（一）…", the splits under "二、"): no task of the
    quotas' reading — it is beside no split."""
    lines = [*HEAD[:2], "一、农村招生", *RURAL, "二、城关招生", *PUBLIC, *SCHEDULE, *TIMES, *TAIL]
    tasks = convert_written(tmp_path, "plan.txt", "\n".join(lines) + "\n", year=2015).programme.tasks
    assert [t.code for t in tasks] == ["二(一)1-1", "二(一)1-2", "二(一)1-3"], [t.code for t in tasks]
