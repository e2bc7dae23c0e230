"""Issue 13, held51b: a procedure's dated steps whose doers are their sentences' subjects ("（一）村级登记。村（居）委会
逐户登记…于3月15日前完成"), and a meeting plan's duties led by offices, due on the meeting's day."""

from __future__ import annotations

import os
import subprocess
import tomllib
from datetime import date

import pytest

from mstrack.errors import NoLayoutError

from .conftest import convert_written
from .test_end_to_end import mstrack_executable

NO_UNIT = "（表中未列）"  # the converter's placeholder where a task names no office


def _tasks(tmp_path, lines: list[str], year: int):
    return convert_written(tmp_path, "plan.txt", "\n".join(lines) + "\n", year).programme.tasks


STEPS = ["某区2022年种粮补贴发放工作实施方案",
         "为做好补贴发放工作，制定本方案，具体如下：",
         "一、补贴对象及标准",
         "（一）补贴对象。补贴对象原则上为全区种粮农民。",
         "（二）补贴标准。全区按统一标准发放。",
         "二、补贴发放程序",
         "按照“登记、审核、发放”的流程，进一步规范补贴发放工作。",
         "（一）村级登记。村（居）委会逐户登记种植面积，并在村级公示栏公示7天；存在异议的，由村（居）委会尽快核实，将信息上报所属片区。"
         "登记工作于3月10日前完成。",
         "（二）片区审核。各片区要督促所辖村（居）委会及时申报，核对无误后报区农业局。审核工作于4月20日前完成。",
         "（三）区级测算。区农业局牵头对上报的数据进行审核，5月底前会同区财政局共同测算补贴标准。",
         "（四）资金拨付。区财政局将补贴资金拨付到各片区，由各片区于6月底前足额发放到户。补贴数据由区农业局及时录入系统。",
         "三、加强组织保障",
         "（一）加强部门协作。区农业局发挥牵头作用，区财政局负责资金监管。",
         "（二）抓好宣传培训。各片区要充分利用各种媒体开展政策宣传。"]


def test_a_procedures_dated_steps_are_led_by_the_subjects_of_their_sentences(tmp_path):
    """Each dated step "（一）名。…" of a procedure is a task: the office opening its first sentence (any office: a
    village's committee, every 片区) or before its "要" leads, an office after "由" or "会同" in its sentences is a unit;
    an office the step reports to ("报区农业局", "上报所属片区") or urges ("督促所辖村（居）委会") is none. The step's
    own date is its deadline. The rules of the subject (一) and the closing requirements (三) are no tasks."""
    tasks = _tasks(tmp_path, STEPS, 2022)
    assert [t.code for t in tasks] == ["二(一)", "二(二)", "二(三)", "二(四)"]
    assert [(t.lines[0].lead_units, t.lines[0].units) for t in tasks] == [
        (["村（居）委会"], []), (["各片区"], []), (["区农业局"], ["区财政局"]), (["区财政局"], ["各片区", "区农业局"])]
    assert [t.deadline for t in tasks] == [date(2022, 3, 10), date(2022, 4, 20), date(2022, 5, 31), date(2022, 6, 30)]
    assert tasks[0].title.startswith("村级登记。村（居）委会逐户登记")
    assert [i for t in tasks for line in t.lines for i in line.indicators] == []  # "公示7天": how long, no target


def test_an_undated_items_paragraph_keeps_the_narrower_reading(tmp_path):
    """The wider reading of a step's doers (any office opening it, "由X…", "会同X") is for a step dated by its own
    words: an item whose paragraph names no date keeps the reading of offices named by their level, so a village's
    committee opening it, or an office after "由", leads nothing."""
    lines = ["某区种粮补贴工作要点", "一、重点工作",
             "（一）做好登记。村（居）委会逐户登记种植面积，由各片区汇总上报。",
             "（二）做好审核。区农业局要对上报的数据进行审核。",
             "（三）做好发放。补贴资金由各片区足额发放到户。"]
    tasks = _tasks(tmp_path, lines, 2022)
    assert [(t.code, t.lines[0].lead_units, t.lines[0].units) for t in tasks] == [
        ("一(一)", [NO_UNIT], []), ("一(二)", ["区农业局"], []), ("一(三)", [NO_UNIT], [])]


def test_a_parts_only_list_keeps_its_own_numbers(tmp_path):
    """A part whose items are the document's only "（一）…" list keeps their numbers as its codes (一, 二 …); a part
    read from its first item while another part numbers its items "（一）…" again is coded by its part (二(一))."""
    lines = ["某区2022年种粮补贴发放工作实施方案", "一、工作目标", "全面完成补贴发放。", STEPS[5], STEPS[6], *STEPS[7:11]]
    assert [t.code for t in _tasks(tmp_path, lines, 2022)] == ["一", "二", "三", "四"]


MEETING = ["关于召开某区安全生产工作动员会", "部署会议方案",
           "为推进安全生产工作，经研究，定于近期召开动员部署会议，现将有关事项通知如下：",
           "一、时  间：2022年3月8日（星期二）上午9:00",
           "二、地  点：区政务中心三楼会议室",
           "三、参加对象", "1.局班子成员；", "2.局机关各处室负责人。",
           "四、会议议程", "1.局长张三传达上级会议精神；", "2.副局长李四部署", "全年安全生产工作；", "3.局长张三作重要讲话。",
           "五、有关事项",
           "1.区应急服务中心负责会务工作，局办公室协助；",
           "2.交流材料请于3月20日下班之前报局办公室审核，",
           "材料控制在2000字以内；",
           "3.讲话稿由局办公室负责准备；",
           "4.局宣传处负责联络媒体宣传报道。",
           "某区应急管理局", "2022年3月1日"]


def test_an_event_plans_duties_are_due_on_its_day(tmp_path):
    """An event's plan: its day in a part of its own ("一、时  间：2022年3月8日…"), and a part whose numbered items each give
    the event's work to offices ("A负责…，B协助", "…由A负责准备", "…报A审核"): each item a task coded within its part (五1),
    its offices as its words name them, due on the event's day unless it names its own ("于3月20日下班之前"). An item's
    line broken inside its sentence is joined; the attendees and the agenda's speeches name no office's work, no tasks;
    a cap on a text's length ("控制在2000字以内") is no target."""
    tasks = _tasks(tmp_path, MEETING, 2022)
    assert [t.code for t in tasks] == ["五1", "五2", "五3", "五4"]
    assert [(t.lines[0].lead_units, t.lines[0].units) for t in tasks] == [
        (["区应急服务中心"], ["局办公室"]), (["局办公室"], []), (["局办公室"], []), (["局宣传处"], [])]
    assert [t.deadline for t in tasks] == [date(2022, 3, 8), date(2022, 3, 20), date(2022, 3, 8), date(2022, 3, 8)]
    assert tasks[1].title == "交流材料请于3月20日下班之前报局办公室审核，材料控制在2000字以内；"
    assert [i for t in tasks for line in t.lines for i in line.indicators] == []


def test_duties_with_no_event_day_are_not_read_as_an_events(tmp_path):
    """Without the event's day printed in a part of its own, the items are not read as an event's duties (no day to
    give them): the plan stays refused, as a meeting's notice is."""
    lines = [line for line in MEETING if not line.startswith("一、")]
    with pytest.raises(NoLayoutError):
        _tasks(tmp_path, lines, 2022)


def test_the_meeting_plan_through_the_installed_mstrack(tmp_path):
    """End to end, as a user runs it: `mstrack import table` writes the event's four duties into a plan that
    `import plan` stores, each with its office and its day."""
    source = tmp_path / "meeting.txt"
    source.write_text("\n".join(MEETING) + "\n", encoding="utf-8")
    out, db = tmp_path / "meeting.toml", tmp_path / "t.db"
    env = {k: v for k, v in os.environ.items() if k != "MSTRACK_DB"} | {"MSTRACK_LANG": "en"}
    done = subprocess.run([mstrack_executable(), "import", "table", str(source), "-p", "mtg-2022", "--year", "2022",
                           "-o", str(out)], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    plan = tomllib.loads(out.read_text(encoding="utf-8"))
    tasks = [task for area in plan.get("areas", []) for task in area.get("tasks", [])] or plan.get("tasks", [])
    assert [(t["code"], t["deadline"]) for t in tasks] == [
        ("五1", "2022-03-08"), ("五2", "2022-03-20"), ("五3", "2022-03-08"), ("五4", "2022-03-08")]
    stored = subprocess.run([mstrack_executable(), "--db", str(db), "import", "plan", str(out)], capture_output=True,
                            text=True, env=env, timeout=120)
    assert stored.returncode == 0 and "4 tasks added" in stored.stdout, stored.stdout + stored.stderr
