"""Issue 13, held63: the fifty-fourth held-out set's structures — a team list misnumbered ("1、" "2、" "3、" "5、" "6、"
"2、") under a plan whose part setting up its body is "三、整治机构"."""

from __future__ import annotations

from .conftest import text_tasks


def _leads(task) -> list[str]:
    return list(dict.fromkeys(u for line in task.lines for u in line.lead_units if u != "（表中未列）"))


def _units(task) -> list[str]:
    return [u for line in task.lines for u in line.units if u not in _leads(task)]


def _team(number: str, name: str, members: str) -> list[str]:
    return [f"{number}、{name}排查整治小组。", "组 长：分管副乡长", f"成员由{members}等工作人员组成，负责对{name}进行排查整治。"]


TEAMS = ["某乡2016年消防安全排查整治工作方案",
         "一、指导思想", "以保障和改善民生为着力点，整体提升我乡的消防安全环境。",
         "二、整治机构", "为做好我乡消防安全排查整治工作，成立某乡消防安全排查整治工作领导小组（详见附件）。",
         "三、整治内容及分工安排",
         "（一）进一步加强消防队建设工作", "各村要对已成立的义务消防队队员进行更新换代，并配备及更新消防器材。",
         "（二）消防安全排查整治工作",
         "隐患排查整治组对辖区范围内的单位和场所进行一次全面彻底的排查整治。隐患排查整治组下分五个整治小组：",
         *_team("1", "工厂企业", "安监站、消防办"), *_team("2", "文化娱乐场所", "乡文化服务中心、中楼派出所、文化站"),
         *_team("3", "中小学及幼儿园", "芦洋学校、中心幼儿园负责人、中楼派出所"), *_team("5", "宗教场所", "派出所、综治办"),
         *_team("2", "建筑工地", "土地所、村建所"),
         "（三）宣传教育工作", "进一步强化对我乡的消防安全宣传工作力度，深入开展消防宣传活动。",
         "四、整治步骤", "此次专项整治工作分下述三个阶段进行。",
         "（一）组织部署阶段（2016年4月10日至4月30日）。", "召开动员大会。",
         "（二）调查摸底阶段（2016年5月1日至6月30日）。", "各村要做好调查摸底。",
         "（三）检查总结阶段（2016年12月1日至12月31日）。", "进行督查和检查验收。",
         "五、工作措施", "（一）提高认识，周密部署。各村、各单位要充分认识到消防安全的重要作用。",
         "（二）狠抓重点，兼顾一般。排查整治工作要切实解决影响消防安全的突出问题。"]


def test_teams_misnumbered_past_the_second_are_teams_still_a_number_printed_twice_coded_with_a(tmp_path):
    """"1、" "2、" "3、" "5、" "2、": a number skipped and one printed again past the second team (numbering.numbered_next)
    leave the run whole; each team its group's task, the second "2" coded 2a as a repeated 序号 is; "三、整治机构" (the
    part setting up the plan's body, vocabulary.PLAN_FRAMING_HEADING) no task."""
    tasks = {t.code: t for t in text_tasks(tmp_path, TEAMS, 2016)}
    assert list(tasks) == ["三(一)", "三(二)1", "三(二)2", "三(二)3", "三(二)5", "三(二)2a", "三(三)", "四(一)", "四(二)",
                           "四(三)"], list(tasks)
    assert tasks["三(二)2a"].title == "建筑工地排查整治小组"
    assert (_leads(tasks["三(二)5"]), _units(tasks["三(二)5"])) == (["派出所"], ["综治办"])
    assert (_leads(tasks["三(二)2a"]), _units(tasks["三(二)2a"])) == (["土地所"], ["村建所"])


def test_a_list_starting_again_at_one_is_no_misnumbered_part():
    """numbered_next: the next number always; past the second, a skip of up to MAX_JUMP or a number printed again;
    never "1" (a list starting again), nor a skip after the first."""
    from mstrack.sources.table.numbering import numbered_next
    assert numbered_next(2, 1, 1) and numbered_next(5, 3, 3) and numbered_next(2, 5, 6)
    assert not numbered_next(1, 3, 3) and not numbered_next(3, 1, 1) and not numbered_next(9, 3, 3)


def test_members_named_as_persons_of_an_office_are_no_office():
    """"…及各村“两委”干部、小组长、治安巡逻队员组成": 各村“两委” an office (its 干部 its people), 小组长 a person."""
    from mstrack.sources.table.list_teams import member_offices
    assert member_offices("中楼派出所、消防办和综治办的工作人员及各村“两委”干部、小组长、治安巡逻队员") == [
        "中楼派出所", "消防办", "综治办", "各村“两委”"]


def _targets(task) -> list[tuple[float, str]]:
    return [(i.target, i.unit) for line in task.lines for i in line.indicators]


def _checkpoints(task) -> list:
    return [c.due for line in task.lines for c in line.checkpoints if c.due != task.deadline]


COUNTS = ["2020年秋季某区公立小学一年级招生余下学额公布", "甲小学 余下学额： 49个", "乙小学 余下学额：174个",
          "第二实验小学 余下学额： 11个", "登记时间：7月24日—7月26日", "报名方式：通过“招生预报名系统”参加网络预报名",
          "摇号时间：8月11日上午9︰00", "摇号地点：电视台直播现场", "某区社会事业局", "2020年7月21日"]


def test_bodies_each_with_its_labelled_count_are_tasks_due_the_lottery_day(tmp_path):
    """"甲小学 余下学额： 49个", one a line under one label (list_counts): each school a task titled by its name and led
    by it, the count its target; due the lottery's day (摇号时间), registration's close (登记时间's end) a checkpoint."""
    from datetime import date
    tasks = {t.code: t for t in text_tasks(tmp_path, COUNTS, 2020)}
    assert list(tasks) == ["1", "2", "3"]
    assert [t.title for t in tasks.values()] == ["甲小学", "乙小学", "第二实验小学"]
    assert [_leads(t) for t in tasks.values()] == [["甲小学"], ["乙小学"], ["第二实验小学"]]
    assert [_targets(t) for t in tasks.values()] == [[(49, "个")], [(174, "个")], [(11, "个")]]
    assert {t.deadline for t in tasks.values()} == {date(2020, 8, 11)}
    assert all(_checkpoints(t) == [date(2020, 7, 26)] for t in tasks.values())


def test_lines_naming_no_body_or_two_labels_are_no_count_list():
    """A label's lines that name no body ("一年级 报名人数：49人"), or a run whose labels differ, are no list of counts."""
    from mstrack.sources.table.list_counts import _count_lines
    from mstrack.sources.table.reading import Row
    assert _count_lines([Row(k, [text]) for k, text in enumerate(COUNTS)])
    assert not _count_lines([Row(k, [t]) for k, t in enumerate(["一年级 报名人数：49人", "二年级 报名人数：11人",
                                                                 "三年级 报名人数：17人"])])
    assert not _count_lines([Row(k, [t]) for k, t in enumerate(["甲小学 余下学额：49个", "乙小学 招生计划：11个",
                                                                 "丙小学 余下学额：17个"])])


RECORDS = ("<html><body><p>某区社会事业局关于2015年秋季各公立小学余下学额招生</p><p>现将各公立小学余下学额公布如下：</p><table>"
           "<tr><td>学校</td><td>余下学额人数</td><td>学校</td><td>余下学额人数</td></tr>"
           "<tr><td>甲小学</td><td>50</td><td>乙小学</td><td>101</td></tr>"
           "<tr><td>丙小学</td><td>68</td><td></td><td></td></tr></table>"
           "<p>二、报名时间：</p><p>8月16日——8月18日，截止时间8月18日下午6：00。</p><p>三、抽签办法：</p>"
           "<p>我区将于8月25日上午、26日上午（各学校具体时间另行通知）采取电视直播形式进行摇号抽签。</p></body></html>")


def test_a_table_of_records_two_a_row_is_read_record_by_record(tmp_path):
    """"学校 | 余下学额人数 | 学校 | 余下学额人数": the records read row by row, left to right (the last row's empty pair
    none), each school's count in 人 (the header's 人数); due the lottery's last day ("于8月25日上午、26日上午…摇号"),
    registration's close (报名时间 over its span) a checkpoint."""
    from datetime import date

    from .conftest import convert_written
    tasks = convert_written(tmp_path, "page.html", RECORDS, 2015).programme.tasks
    assert [(t.code, t.title, _leads(t), _targets(t)) for t in tasks] == [
        ("1", "甲小学", ["甲小学"], [(50, "人")]), ("2", "乙小学", ["乙小学"], [(101, "人")]),
        ("3", "丙小学", ["丙小学"], [(68, "人")])]
    assert {t.deadline for t in tasks} == {date(2015, 8, 26)}
    assert all(_checkpoints(t) == [date(2015, 8, 18)] for t in tasks)


def test_admission_days_the_lottery_due_registration_closing_before_it():
    """admission_days: a labelled lottery day or one held "于…摇号", its last day; registration's span's end before
    it; no lottery, no cell."""
    from mstrack.sources.table.list_counts import admission_days
    assert admission_days(["登记时间： 2015年7月10日至7月12日上午8：00——12：00", "抽签时间：7月15日上午9：00。"]) \
        == "2015年7月12日前完成登记；7月15日前完成摇号"
    assert admission_days(["我区将于8月25日上午、26日上午进行摇号抽签"]) == "8月26日前完成摇号"
    assert admission_days(["登记时间：7月24日—7月26日"]) == ""


NOTICE = ["关于海滨学校2015年初一年招生余下学额抽签公告",
          "我区2015年秋季海滨学校初一年计划招生400人，各类政策性照顾对象子女共159人，余下学额241人，全部用于随机派位抽签入学，请符合招生文件规定的对象持相关"
          "材料到海滨学校申请登记。登记时间： 2015年7月10日至7月12日上午8：00——12：00，逾期不予办理。抽签时间：7月15日上午9：00。"
          "抽签结果当场公布。", "特此公告", "某区社会事业局", "2015年7月8日"]


def test_a_notice_of_one_schools_places_in_one_paragraph_is_one_task(tmp_path):
    """One paragraph: a school's quota, where to register ("到海滨学校申请登记"), then its labelled dates run into it
    (list_counts.lottery_notice): one task titled by the paragraph up to its first labelled date, led by the school,
    its figures its targets — the whole and what is left, not the part taken before the remainder (mentions
    ._without_taken) —, due the lottery's day, registration's close a checkpoint."""
    from datetime import date
    tasks = text_tasks(tmp_path, NOTICE, 2015)
    assert [(t.code, _leads(t)) for t in tasks] == [("1", ["海滨学校"])]
    assert tasks[0].title == NOTICE[1][:NOTICE[1].index("登记时间")]
    assert sorted(_targets(tasks[0])) == [(241, "人"), (400, "人")]
    assert tasks[0].deadline == date(2015, 7, 15) and _checkpoints(tasks[0]) == [date(2015, 7, 12)]


def test_a_part_taken_before_the_remainder_is_no_target_a_part_not_adding_up_is():
    """"计划招生400人，…共159人，余下学额241人": 159 + 241 = 400, the last what is left (余下): 159 no target; parts that do
    not add up to the whole, or a last part that is no remainder, stay targets."""
    from mstrack.sources.table.mentions import find_mentions
    assert [m.value for m in find_mentions("计划招生400人，照顾对象子女共159人，余下学额241人")] == [400, 241]
    assert [m.value for m in find_mentions("计划招生400人，照顾对象子女共150人，余下学额241人")] == [400, 150, 241]
    assert [m.value for m in find_mentions("计划招生400人，照顾对象子女共159人，新招学生241人")] == [400, 159, 241]


def test_the_works_period_named_inside_the_document_dates_the_items_that_name_no_date(tmp_path):
    """"此次专项整治工作自2016年4月10日开始至2016年12月31日结束" under the part of stages, inside the run read: its end is
    every item's deadline that names no date of its own (list_deadlines.work_period); the stages keep their own spans."""
    from datetime import date
    at = TEAMS.index("此次专项整治工作分下述三个阶段进行。")
    lines = [*TEAMS[:at], "此次专项整治工作自2016年4月10日开始至2016年12月31日结束，分下述三个阶段进行。", *TEAMS[at + 1:]]
    tasks = {t.code: t for t in text_tasks(tmp_path, lines, 2016)}
    assert {tasks[c].deadline for c in ("三(一)", "三(二)1", "三(二)2a", "三(三)")} == {date(2016, 12, 31)}
    assert [tasks[c].deadline for c in ("四(一)", "四(二)")] == [date(2016, 4, 30), date(2016, 6, 30)]


def test_one_activitys_time_or_another_years_period_is_no_works_period():
    """"集中面授时间从…起至…止": the training's time, not the work's; a period ending in another year: none of this
    programme's."""
    from mstrack.sources.table.list_deadlines import work_period
    assert work_period(["此次专项整治工作自2016年4月20日开始至2016年10月30日结束。"], 2016)[0] == "2016年10月30日"
    assert work_period(["集中面授时间从2018年10月16日起至2018年11月11日止，共分3期培训"], 2018) is None
    assert work_period(["此次专项整治工作自2017年4月10日开始至2018年3月31日结束。"], 2017) is None  # runs into the next
    # an end printed a year before its start, its day after the start's, is a misprint of the start's year (held65d)
    assert work_period(["此次专项整治工作自2017年4月10日开始至2016年12月31日结束。"], 2017)[0] == "2017年12月31日"


def test_a_bodys_own_clause_above_the_records_joins_its_task_its_count_printed_again_one_target(tmp_path):
    """"增设乙小学，招收一年级2个班101人" above the records: 乙小学's classes a target of its task beside its count; 101人,
    its count printed again, no second target (list_counts._with_own)."""
    from .conftest import convert_written
    page = RECORDS.replace("<p>现将各公立小学余下学额公布如下：</p>", "<p>经研究决定，增设乙小学，招收一年级2个班101人，现将各公立小学"
                           "余下学额公布如下：</p>")
    tasks = {t.title: t for t in convert_written(tmp_path, "page.html", page, 2015).programme.tasks}
    assert sorted(_targets(tasks["乙小学"])) == [(2, "个"), (101, "人")]
    assert _targets(tasks["甲小学"]) == [(50, "人")]
