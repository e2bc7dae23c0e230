"""Issue 13, read48a: the thirty-sixth held-out set's plans refused whole. A plan's part of methods "(一)…(四)" naming no
office before its part of duties ("六、责任分工") whose introduction stands between the heading and its items, each
item with its "责任单位：" line naming zones ("海坛片区") among its offices, topics such as 资金保障 among them, and an
"附件：" line after the closing part; duties opened "（一）X：" by parties that are not all offices' names; stages dated
by a range in a bracket ("（4月10日至4月25日）")."""

from __future__ import annotations

from datetime import date

from mstrack.sources.table.item_offices import units_after
from mstrack.sources.table.office_names import zones_administered
from mstrack.sources.table.schedule import parse_deadline, span_start
from mstrack.sources.table.units import office_list

from .conftest import convert_written, read_as_best_effort

BUYBACK = [
    "某市场店面回购实施方案",
    "一、回购方式",
    "（一）回购及补偿方式。以评估价为依据，采取货币补偿方式进行回购。",
    "（二）奖励标准。在第一协商期内完成签约腾空的给予奖励。",
    "（三）所需材料。回购对象应提供预售合同书等材料。",
    "二、责任分工",
    "各片区管理局及相关部门要强化配合、联动协作，全力推进回购工作。",
    "（一）工作分工。由区经发局牵头，区土开集团配合，做好店面回购工作的前期材料收集工作。",
    "责任单位：区经发局，区土开集团",
    "（二）店面确权。由区审批局负责，将回购店面的权属登记至区自然资源服务中心名下。",
    "责任单位：区审批局，区市场监管局",
    "（三）资金保障。回购补偿费经各片区确认后，报区自然资源服务中心审核、拨付。",
    "责任单位：区财金局，区自然资源服务中心",
    "三、组织领导",
    "（一）统一思想认识。各部门必须牢固树立大局意识。",
    "（二）加强组织领导。成立回购工作领导小组。",
    "附件：回购工作领导小组",
]


def _read(tmp_path, lines: list[str], year: int = 2020):
    return convert_written(tmp_path, "plan.txt", "\n".join(lines) + "\n", year).programme.tasks


def test_a_part_of_duties_after_a_part_of_methods_is_read_past_its_introduction(tmp_path):
    """"一、回购方式" (一)–(三) name no office: no task list, refused; the reader goes on to the next run, "二、责任分工"
    over its introduction ("各片区管理局…要强化配合…") and its items each with a 责任单位 line: the plan's tasks, coded
    under their heading, the first office of each line the lead."""
    tasks = _read(tmp_path, BUYBACK)
    assert [t.code for t in tasks] == ["二(一)", "二(二)", "二(三)"]
    assert [t.lines[0].lead_units for t in tasks] == [["区经发局"], ["区审批局"], ["区财金局"]]
    assert tasks[2].title.startswith("资金保障。")


def test_a_duty_naming_a_closing_topic_under_a_part_sharing_the_work_is_a_task(tmp_path):
    """"（三）资金保障。…" over its "责任单位：" line, under "二、责任分工": a duty, not a closing section's requirement;
    read, the part has three tasks (two would be too few for a list)."""
    tasks = _read(tmp_path, BUYBACK)
    assert "二(三)" in [t.code for t in tasks]


def test_an_annex_line_after_the_closing_part_is_no_items_label(tmp_path):
    """"附件：回购工作领导小组" after "三、组织领导"'s last item: no labelled line of that item (it would make it an item
    naming its offices, keeping the closing part open); the closing part is no task."""
    tasks = _read(tmp_path, BUYBACK)
    assert not [t.code for t in tasks if t.code.startswith("三")]


def test_a_zone_is_an_office_where_a_label_says_one_stands():
    """"海坛片区" in a 责任单位 label stands for its 片区管理局, whose name the label's position says it is; in a bracket
    after an item's words ("（城东片区 各县区）") a zone is a place, no office."""
    printed = "海坛片区，区经发局、征安办，金井片区、君山片区"
    assert zones_administered(printed) == "海坛片区管理局，区经发局、征安办，金井片区管理局、君山片区管理局"
    assert office_list(zones_administered(printed))
    assert units_after("新建学校3所。（城东片区 各县区）")[1] == ""


def test_zones_in_a_units_line_are_the_items_units(tmp_path):
    """"责任单位：海坛片区，区经发局、征安办": the zone leads, the others are its units."""
    lines = [BUYBACK[0], BUYBACK[5], BUYBACK[6],
             "（一）工作分工。由海坛片区牵头，区经发局配合，做好店面回购工作的前期材料收集工作。", "责任单位：海坛片区，区经发局、征安办",
             "（二）店面确权。海坛片区按法定程序选定拆迁服务单位。", "责任单位：海坛片区，区审批局、资源生态局",
             "（三）安全巡逻。区土开集团要加强市场二层的安全巡逻。", "责任单位：区土开集团，金井片区"]
    tasks = _read(tmp_path, lines)
    assert [t.lines[0].lead_units for t in tasks] == [["海坛片区"], ["海坛片区"], ["区土开集团"]]
    assert tasks[0].lines[0].units == ["海坛片区", "区经发局", "征安办"]  # the lead first, as every line names it


DUTIES = [
    "某片区2021年村庄规划编制工作实施方案",
    "一、职责分工",
    "（一）资源生态处：牵头前期筹划、组织编制、专家评审等工作。",
    "（二）片区财政专班：负责资金保障工作，及时将资金拨付至规划编制单位。",
    "（三）城乡建设服务中心：配合做好规划编制单位的招投标等工作。",
    "（四）村居：相关村配合做好摸底调查、现场踏勘等相关工作。",
]


def test_duties_each_opened_by_its_party_and_a_colon_are_read_each_led_by_it(tmp_path):
    """"一、职责分工" over "（一）资源生态处：…" … "（四）村居：…": half the parties offices' names, the colon after each
    says the others ("片区财政专班", "村居") are parties too; each duty a task led by its party, its words after the colon."""
    tasks = _read(tmp_path, DUTIES, year=2021)
    assert [t.code for t in tasks] == ["一(一)", "一(二)", "一(三)", "一(四)"]
    assert [t.lines[0].lead_units for t in tasks] == [["资源生态处"], ["片区财政专班"], ["城乡建设服务中心"], ["村居"]]
    assert tasks[1].title == "负责资金保障工作，及时将资金拨付至规划编制单位。"


def test_lines_opened_by_names_mostly_no_offices_are_no_duties(tmp_path):
    """Three of four openings that are no office's name ("前期工作：", "村民代表：") under "职责分工": no list of duties —
    the layout readings refuse it; `import table` reads it only as a best effort (list_fallback), every task a doubt."""
    lines = [DUTIES[0], DUTIES[1], DUTIES[2],
             "（二）前期工作：开展招投标工作。", "（三）后期工作：完善成果。", "（四）村民代表：参加会议。"]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    read_as_best_effort(path, "no header row found", year=2021)


STAGES = [
    "二、实施步骤",
    "（一）前期工作阶段（4月10日至4月25日）：开展规划编制单位招投标工作。",
    "（二）组织实施阶段（4月26日至7月15日）：开展基础调查及分析评价工作，编制完成初步方案。",
    "（三）成果报批阶段（11月1日至11月15）：完善规划编制成果，报请区管委会批准实施。",
    "某片区管理局党政办公室",
]


def test_stages_dated_by_a_span_after_the_duties_are_read_each_due_at_its_end(tmp_path):
    """"二、实施步骤" after the duties, each stage "（一）X阶段（4月10日至4月25日）：…": a task each, its words the stage's
    name and work without the bracket, due on the span's last day (its 日 left out: "11月15"), starting on its first
    (a checkpoint); the signature after them no stage."""
    tasks = _read(tmp_path, [*DUTIES, *STAGES], year=2021)
    stages = [t for t in tasks if t.code.startswith("二")]
    assert [t.code for t in stages] == ["二(一)", "二(二)", "二(三)"]
    assert stages[0].title == "前期工作阶段：开展规划编制单位招投标工作。"
    assert [t.deadline.isoformat() for t in stages] == ["2021-04-25", "2021-07-15", "2021-11-15"]
    assert [c.due.isoformat() for c in stages[1].lines[0].checkpoints][:1] == ["2021-04-26"]


def test_a_span_of_two_days_is_due_on_the_second_and_starts_on_the_first():
    """"11月1日至11月15": the 15th (no month's end: the 日 is left out as the first day printed it); the start a date."""
    assert parse_deadline("11月1日至11月15", 2021) == date(2021, 11, 15)
    assert parse_deadline("4月10日至4月25日", 2021) == date(2021, 4, 25)
    assert span_start("4月10日至4月25日", 2021) == (date(2021, 4, 10), "4月10日起")
    assert span_start("4月至5月", 2021) is None


TASK_PART = [
    "某片区2021年村庄规划编制工作实施方案",
    "一、工作任务",
    "计划三年内实现应编规划村庄管控全覆盖。东星村、中甲村等5个村庄纳入2021年村庄规划编制工作任务，年底前完成规划编制工作。",
    "二、编制原则",
    "坚持“多规合一”和因地制宜原则，编制实用性村庄规划。",
    *DUTIES[1:],
]


def test_the_plans_one_task_under_a_heading_naming_tasks_is_read_before_its_duties(tmp_path):
    """"一、工作任务" over one paragraph setting the plan's figure (5个村庄), the next part's heading under it: the plan's
    task "一", its words the paragraph, due on the one date it names ("年底前"; "三年内" is a span, no date); "二、编制原则"
    is no task; the duties follow."""
    tasks = _read(tmp_path, [*TASK_PART[:1], *TASK_PART[1:5], "三、职责分工", *DUTIES[2:]], year=2021)
    assert [t.code for t in tasks] == ["一", "三(一)", "三(二)", "三(三)", "三(四)"]
    assert tasks[0].title == TASK_PART[2]
    assert tasks[0].deadline == date(2021, 12, 31)
    assert [i.target for i in tasks[0].lines[0].indicators] == [5]


def test_the_task_part_right_above_the_duties_is_read(tmp_path):
    """"一、工作任务" and its paragraph right above "二、职责分工": the task "一", then the duties "二(一)" …"""
    tasks = _read(tmp_path, [*TASK_PART[:3], "二、职责分工", *DUTIES[2:]], year=2021)
    assert [t.code for t in tasks] == ["一", "二(一)", "二(二)", "二(三)", "二(四)"]


def test_a_span_starts_only_inside_the_programme_and_before_its_due_day(tmp_path):
    """review48 F6: a span's first day is a start checkpoint by the 开工时间 rule (figures.py: this year, before every
    due day): "2023年12月1日至2024年3月31日" in a 2024 plan starts before the programme and adds none. "12月20日至1月10日"
    over the year's end runs from the programme's year into the next (dates52: it was due 2024-01-10, before its start):
    it starts 2024-12-20, the figure due 2025-01-10, a doubt naming the winter before."""
    rows = ("序号,工作任务,牵头单位,完成时限\n1,新建学校3所,县教育局,2023年12月1日至2024年3月31日\n"
            "2,改造道路12条,县住建局,4月10日至4月25日\n3,新建卫生室5个,县卫健委,12月20日至1月10日\n")
    tasks = convert_written(tmp_path, "plan.csv", rows, 2024).programme.tasks
    dues = [sorted(c.due.isoformat() for line in t.lines for c in line.checkpoints) for t in tasks]  # starts on lines of their own
    assert dues == [["2024-03-31"], ["2024-04-10", "2024-04-25"], ["2024-12-20", "2025-01-10"]]
    assert [m.due.isoformat() for m in tasks[2].lines[0].indicators[0].milestones] == ["2025-01-10"]
