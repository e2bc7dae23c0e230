"""held67c (issue 13, the fifty-seventh held-out set): a plan's working groups "第一小组：…组" printed each over its
leaders ("组 长：…", persons), its members' line of offices and its duty line (list_staffed_groups): each group a task
coded as printed, titled by its name, its first office leading and the others its units; and a part's unnumbered
paragraphs each opened by a sector's label ("交通运输方面：…") under one paragraph naming their doers (list_sectors):
each a task coded by its label, led by those doers."""

from __future__ import annotations

from datetime import date

from mstrack.sources.table import convert_table
from mstrack.sources.table.list_sectors import sector_paragraphs
from mstrack.sources.table.list_staffed_groups import staffed_groups
from mstrack.sources.table.reading import Row

from .conftest import import_table, write_blocks_page, write_lines

GROUPS = ["某片区管理局关于印发2023年中秋节期间安全保障应急预案的通知", "各处室，各村委会：",
          "某片区2023年中秋节期间安全保障应急预案", "一、组织机构",
          "领导小组下设3个保障工作小组",
          "第一小组：东山安全保障工作小组", "组 长：张 三", "副 组 长：李四 王五",
          "成 员：经济发展处、东山包村工作队及村干部（东山码头要求每日安排6人）",
          "职 责：负责东山辖区的交通疏导、消防安全等保障工作。",
          "第二小组：西山安全保障工作小组", "组 长：赵六",
          "成 员：社会事业处、农业农村处包村工作队及村干部",
          "职 责：负责西山辖区的交通疏导、森林防火等保障工作。",
          "第三小组：码头安全保障工作小组", "组 长：钱七",
          "成 员：交通与建设处",
          "职 责：负责码头现场秩序维护。",
          "二、工作要求", "各村要高度重视，确保节日期间安全。"]

SECTORS = ["某片区管理局关于印发国庆期间安全防范工作方案的通知", "各处室，各村（居）：",
           "国庆期间安全防范工作方案", "一、工作目标", "确保国庆期间安全生产形势平稳。", "二、工作任务",
           "各联合党委、各相关处室要紧盯重点行业领域隐患和薄弱环节，着力查风险、除隐患、防事故。",
           "交通运输方面：针对国庆期间群众密集出行等特点，做好缓堵保畅工作，严厉打击非法载客行为。",
           "建筑施工方面：要组织开展建筑施工安全专项治理行动，强化施工现场安全管理。",
           "危险化学品领域：要深入开展危险化学品综合治理，加强重点部位的安全检查。",
           "三、责任与奖惩", "对玩忽职守的有关责任人，按规定处置。"]


def test_each_working_group_is_a_task_coded_as_printed_led_by_its_first_member_office(tmp_path):
    tasks = {t.code: t for t in convert_table(write_lines(tmp_path / "plan.txt", GROUPS), "x-2023", 2023).programme.tasks}
    assert list(tasks) == ["第一小组", "第二小组", "第三小组"]
    assert tasks["第一小组"].title == "东山安全保障工作小组"
    first = tasks["第一小组"].lines[0]
    assert first.lead_units == ["经济发展处"]
    assert set(first.units) - {"经济发展处"} == {"东山包村工作队"}  # the cadres and the bracket's staffing: people
    second = tasks["第二小组"].lines[0]
    assert second.lead_units == ["社会事业处"]
    assert set(second.units) - {"社会事业处"} == {"农业农村处", "包村工作队"}  # a section run into its team: apart
    third = tasks["第三小组"].lines[0]
    assert third.lead_units == ["交通与建设处"] and set(third.units) <= {"交通与建设处"}
    persons = {"张 三", "张三", "李四", "王五", "赵六", "钱七", "村干部"}
    assert not persons & {u for t in tasks.values() for line in t.lines for u in [*line.lead_units, *line.units]}


def test_groups_with_a_line_of_another_kind_among_them_are_no_such_list():
    lines = [*GROUPS[:10], "联系电话：13900000000", *GROUPS[10:]]
    assert staffed_groups([Row(k, [text]) for k, text in enumerate(lines, 1)], 2023) is None
    assert staffed_groups([Row(k, [text]) for k, text in enumerate(GROUPS, 1)], 2023) is not None


def test_a_bracket_of_staffing_on_a_line_of_its_own_under_the_members_is_read_as_inside_their_line(tmp_path):
    """check47429: a page prints a group's daily staffing as a paragraph of its own between its members and its duty
    ("（东山码头要求每日安排6人）"): the groups are read as when it is inside the members' line, the bracket no unit."""
    members = GROUPS.index("成 员：经济发展处、东山包村工作队及村干部（东山码头要求每日安排6人）")
    lines = [*GROUPS[:members], "成 员：经济发展处、东山包村工作队及村干部", "（东山码头要求每日安排6人）", *GROUPS[members + 1:]]
    tasks = {t.code: t for t in convert_table(write_lines(tmp_path / "plan.txt", lines), "x-2023", 2023).programme.tasks}
    assert list(tasks) == ["第一小组", "第二小组", "第三小组"]
    first = tasks["第一小组"].lines[0]
    assert first.lead_units == ["经济发展处"] and set(first.units) - {"经济发展处"} == {"东山包村工作队"}
    other = [*lines[:members + 1], "联系电话：13900000000", *lines[members + 2:]]  # a line of another kind there: none
    assert staffed_groups([Row(k, [text]) for k, text in enumerate(other, 1)], 2023) is None


def test_sector_paragraphs_are_tasks_coded_by_their_labels_led_by_the_part_paragraphs_doers(tmp_path):
    tasks = {t.code: t for t in convert_table(write_lines(tmp_path / "plan.txt", SECTORS), "x-2023", 2023).programme.tasks}
    assert list(tasks) == ["交通运输方面", "建筑施工方面", "危险化学品领域"]
    assert tasks["建筑施工方面"].title == "要组织开展建筑施工安全专项治理行动，强化施工现场安全管理。"
    for task in tasks.values():
        assert task.lines[0].lead_units == ["各联合党委"]  # "各相关处室" a kind left open: no doer


def test_two_sector_paragraphs_or_none_under_a_part_paragraph_naming_doers_are_no_list():
    two = [line for line in SECTORS if not line.startswith("危险化学品领域")]
    assert sector_paragraphs([Row(k, [text]) for k, text in enumerate(two, 1)]) is None
    undone = [line for line in SECTORS if not line.startswith("各联合党委")]  # no paragraph naming their doers
    assert sector_paragraphs([Row(k, [text]) for k, text in enumerate(undone, 1)]) is None
    found = sector_paragraphs([Row(k, [text]) for k, text in enumerate(SECTORS, 1)])
    assert found is not None and found[:2] == (7, 10)


def test_the_cli_reads_the_groups(tmp_path):
    result, out = import_table(write_lines(tmp_path / "plan.txt", GROUPS))
    assert result.exit_code == 0, result.output
    assert "第二小组" in out.read_text(encoding="utf-8")


NOTICE = ["某片区管理局关于开展秋冬季森林防火宣传月活动的通知", "各处室、各村居：",
          "为做好秋冬季森林防火工作，决定开展宣传月活动。", "一、活动时间", "即日起至10月31日", "二、主要任务",
          "各处室（中心）、各村居要结合本辖区实际，广泛开展宣传活动。",
          "（一）多措并举，扩大宣传覆盖面。一是发放宣传单。二是悬挂宣传横幅。",
          "（二）突出重点，增强宣传针对性。一是突出重点区域的宣传。二是突出重点人群的宣传。",
          "（三）部门协同，提高宣传影响力。一是加强部门联动。二是加强案例警示，达到查处一个、震一批、教育一片的效果。",
          "三、工作要求", "（一）提高政治站位。各处室要充分认识宣传工作的重要性。",
          "（二）精心组织谋划。各处室要细化措施，抓好落实。",
          "（三）及时总结提高。各处室要于11月10日前上报活动信息。",
          "某片区管理局", "2024年10月11日"]
BLANK = ("<tr><td>项目</td><td>分项</td><td>数量</td><td>备注</td></tr>"
         '<tr><td rowspan="2">火源管控方面</td><td>设置检查关卡（个）</td><td></td><td></td></tr>'
         "<tr><td>查处违规用火（起）</td><td></td><td></td></tr>"
         '<tr><td rowspan="2">宣传教育方面</td><td>宣传横幅、标语（条）</td><td></td><td></td></tr>'
         "<tr><td>发放宣传单（张）</td><td></td><td></td></tr>")


def test_a_parts_paragraph_naming_doers_leads_its_items_due_at_the_period_from_today(tmp_path):
    tasks = {t.code: t for t in convert_table(write_lines(tmp_path / "notice.txt", NOTICE), "x-2024", 2024).programme.tasks}
    assert list(tasks) == ["二(一)", "二(二)", "二(三)"]  # 三's requirements: no tasks
    for task in tasks.values():
        assert task.lines[0].lead_units == ["各处室（中心）"] and task.lines[0].units == ["各村居"]
        assert task.deadline == date(2024, 10, 31)  # "即日起至10月31日", the programme's year
    assert not [i for t in tasks.values() for line in t.lines for i in line.indicators]  # "查处一个、震一批": a saying


def test_the_notice_is_read_beside_a_blank_form_with_rowspans(tmp_path):
    page = write_blocks_page(tmp_path / "notice.html", *NOTICE, "附件", "宣传月活动统计表", BLANK)
    conversion = convert_table(page, "x-2024", 2024)
    assert [t.code for t in conversion.programme.tasks] == ["二(一)", "二(二)", "二(三)"]
    assert all(t.deadline == date(2024, 10, 31) for t in conversion.programme.tasks)


def test_a_period_from_today_of_another_year_gives_no_deadline():
    from mstrack.sources.table.list_deadlines import period_part
    assert period_part(["一、活动时间", "即日起至2023年10月31日", "二、主要任务"], 2024) is None
    assert period_part(["一、活动时间", "即日起至10月31日", "二、主要任务"], 2024)[0] == "10月31日"


PARTS = ["某片区防汛抗旱指挥部关于做好2024年防汛备汛工作的通知", "各处室，各村（居）：",
         "现将防汛备汛有关工作通知如下：", "一、全面压实防汛责任",
         "各联合党委要将防汛备汛工作摆上重要议事日程，逐级落实包保责任。", "二、加强风险隐患排查",
         "各处室、各村（居）要于4月1日汛期前开展一次防汛安全大检查大整治，党群工作处负责宗教活动场所防汛安全隐患排查；"
         "资源生态处负责地质灾害点防汛安全隐患排查；各村（居）负责本辖区危旧房屋防汛安全隐患排查。",
         "三、加强宣传培训演练", "各联合党委、各处室要结合本行业领域工作特点，开展防汛防台风安全知识宣传。",
         "某片区防汛抗旱指挥部", "2024年2月22日"]


def test_offices_given_a_share_by_负责_clauses_are_units_and_the_parts_work_day_its_deadline(tmp_path):
    tasks = {t.code: t for t in convert_table(write_lines(tmp_path / "notice.txt", PARTS), "x-2024", 2024).programme.tasks}
    check = tasks["二"].lines[0]
    assert check.lead_units == ["各处室"]
    assert set(check.units) == {"各村（居）", "党群工作处", "资源生态处"}
    assert tasks["二"].deadline == date(2024, 4, 1)  # "要于4月1日汛期前开展…": the only day the paragraph names
    assert tasks["一"].deadline is None and tasks["三"].deadline is None


PLACES = ["某片区2023年清明节祭扫活动期间应急预案", "一、活动时间",
          "1.东山陵园、公益性公墓：4月1日至8日（4月7日、4月8日为机动日）", "2.殡仪馆：4月5日",
          "3.西岛乡涉迁坟墓安置区：4月2日至5日", "二、组织机构", "领导小组下设3个保障工作小组",
          "第一小组：西岛清明祭扫保障工作小组", "组 长：张三", "成 员：交通与建设处、西岛包村工作队",
          "职 责：负责西岛涉迁坟墓安置区的祭扫管理。",
          "第二小组：北山清明祭扫保障工作小组", "组 长：李四", "成 员：党群工作处、北山包村工作队",
          "职 责：负责北山辖区农村散葬区的祭扫管理。",
          "第三小组：东山陵园、殡仪馆清明祭扫保障工作小组", "组 长：王五", "成 员：社会事业处",
          "职 责：负责做好现场维稳工作。", "三、工作要求", "各村要高度重视。"]


def test_places_spans_date_the_groups_naming_them_and_the_latest_end_the_others(tmp_path):
    tasks = {t.code: t for t in convert_table(write_lines(tmp_path / "plan.txt", PLACES), "x-2023", 2023).programme.tasks}
    assert tasks["第一小组"].deadline == date(2023, 4, 5)  # 西岛乡's 安置区: the town's name in the group's
    assert tasks["第二小组"].deadline == date(2023, 4, 8)  # no place of its own: the latest end of all
    assert tasks["第三小组"].deadline == date(2023, 4, 8)  # 东山陵园 (4月8日) and 殡仪馆 (4月5日): the latest


def test_a_time_part_of_lines_other_than_places_spans_gives_no_period():
    from mstrack.sources.table.list_deadlines import period_part
    assert period_part(["一、活动时间", "1.东山陵园：4月1日至8日", "2.请各村做好安排。", "二、工作任务"], 2023) is None
