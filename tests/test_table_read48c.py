"""Issue 13, read48c: structures of partly read corpus files, each in a small table or list. A rule's bound
("原则上…不得少于2人") is no target of the year."""

from __future__ import annotations


def _figures(text: str) -> list[tuple[float, str]]:
    from mstrack.sources.table.mentions import find_mentions

    return [(m.value, m.unit) for m in find_mentions(text, 2023)]


def test_a_rules_bound_is_no_target():
    """"原则上大中型企业不得少于2人，小型企业不得少于1人": what each enterprise must keep, as a rule (原则上) that
    forbids (不得) less: a norm, no figure the task reaches; "不少于2人" unruled is a target still."""
    assert _figures("落实总会计师制度，原则上大中型企业不得少于2人，小型企业不得少于1人。") == []
    assert _figures("每个社区配备社工原则上2人。") == []
    assert _figures("执法人员数量不得低于在册人数的70%。") == []
    assert _figures("培训财务人员不少于2人。") == [(2, "人")]
    assert _figures("新建幼儿园3所，原则上在原址建设。") == [(3, "所")]


def test_a_rate_restated_for_each_group_after_qizhong_is_the_wholes_no_target_of_its_own():
    """"营业总收入同比增长10%；利润总额同比增长6%以上。其中：（1）公益类企业的营业总收入同比增长10%以上，利润总额同比
    增长5%以上；（2）…": the same rates again, each group's share of the whole's (a rate of a part is no part of a sum),
    no targets of their own; a count of a part ("其中：新建小学2所") and another rate after 其中 are read still."""
    text = ("力争营业总收入同比增长10%；利润总额同比增长6%以上；成本费用率控制在85%以下。其中：（1）公益类企业（城投集团、"
            "交通集团）的营业总收入同比增长10%以上，利润总额同比增长5%以上；（2）商业类企业营业总收入同比增长12%以上，"
            "利润总额同比增长8%以上。")
    assert _figures(text) == [(10, "%"), (6, "%"), (85, "%")]
    assert _figures("新建学校5所，覆盖率达到90%。其中：新建小学2所，城区入学率达到95%。") == [
        (5, "所"), (90, "%"), (2, "所"), (95, "%")]


def test_a_heading_that_counts_in_words_the_parts_its_item_goes_on_to_name_is_no_target():
    """"打造三支团队。培育…经营管理团队。打造高级财务团队。打造…法务团队。": the item's heading counts, in words, the
    parts its sentences then name each in turn (团队 three times and more): an outline, no figure to deliver; a heading
    whose count the item does not go on to name ("新建两所小学。项目位于城东。") is a target still, and so is a count in
    digits."""
    text = ("打造三支团队。培育市场化经营管理团队，造就一批经营管理团队。打造高级财务团队。打造具有专业资质的法务团队。")
    assert _figures(text) == []
    assert _figures("实现两个归位。将公共管理职能归位于相关政府部门。将经营决策事项归位于企业。") == []
    assert _figures("新建两所小学。项目位于城东，建设教学楼。") == [(2, "所")]
    assert _figures("打造3支团队。培育经营管理团队。打造财务团队。打造法务团队。") == [(3, "支")]


TWO_PARAGRAPHS = ["某区土壤污染防治工作方案", "一、主要任务", "（一）强化未污染土壤保护", "1.加强空间布局管控",
                  "严守生态保护红线，合理布局重点行业企业。", "责任单位：区规划局、环境与国土资源局牵头，区经济发展局、农村发展局等参与",
                  "实施建设用地总量控制和减量化管理。", "责任单位：区环境与国土资源局、经济发展局牵头，区农村发展局等参与",
                  "2.加强海岸带环境保护", "重点监督沿海工业污水达标排放。", "责任单位：区农村发展局牵头，区交通与建设局等参与",
                  "3.防范建设用地新增污染", "与重点行业企业签订土壤污染防治责任书。",
                  "责任单位：区环境与国土资源局牵头，区经济发展局等参与",
                  "二、保障措施", "加强组织领导。"]


def test_an_items_paragraphs_each_with_its_offices_line_name_the_items_offices_together(tmp_path):
    """An item of two paragraphs, each closed by its own "责任单位：…牵头，…参与" line: the item's offices are those of
    both lines (the second is no less the item's than the first); an office printed once with its level (区环境与国土
    资源局) and once without is one office, by its full name, and one that leads in a line and helps in the other leads."""
    from .conftest import convert_written

    tasks = convert_written(tmp_path, "plan.txt", "\n".join(TWO_PARAGRAPHS) + "\n", 2016).programme.tasks
    assert [t.title for t in tasks] == ["加强空间布局管控", "加强海岸带环境保护", "防范建设用地新增污染"]
    line = tasks[0].lines[0]
    assert sorted(line.lead_units) == ["区环境与国土资源局", "区经济发展局", "区规划局"]
    assert [u for u in line.units if u not in line.lead_units] == ["区农村发展局"]
    assert tasks[1].lines[0].lead_units == ["区农村发展局"]


def test_an_office_named_with_and_without_its_level_in_one_cell_is_one_office(tmp_path):
    """"区环境与国土资源局牵头，区农村发展局、交通与建设局等参与；区环境与国土资源局、农村发展局牵头，区交通与建设局参与":
    农村发展局 is 区农村发展局, which leads; 交通与建设局 is 区交通与建设局, which helps; "区农村发展局、交通与建设局" alone keeps
    its names as printed."""
    from .conftest import convert_written

    rows = ("序号,工作任务,责任单位\n1,有序推进治理与修复,区环境与国土资源局牵头，区农村发展局、交通与建设局等参与；"
            "区环境与国土资源局、农村发展局牵头，区交通与建设局参与\n2,加强管控,区规划局牵头，区经济发展局、农村发展局参与\n")
    tasks = convert_written(tmp_path, "plan.csv", rows, 2016).programme.tasks
    first, second = tasks[0].lines[0], tasks[1].lines[0]
    assert sorted(first.lead_units) == ["区农村发展局", "区环境与国土资源局"]
    assert [u for u in first.units if u not in first.lead_units] == ["区交通与建设局"]
    assert [u for u in second.units if u not in second.lead_units] == ["区经济发展局", "农村发展局"]


def test_how_often_a_standing_duty_is_done_each_year_is_no_target():
    """"每年至少开展1次主要灌溉水水源的水质监测": how often a standing duty is done, year after year, a rule of its
    conduct, no figure the year reaches; "每年组织对接会1场次" (occasions held) and "开展培训3次" stay targets, and "每月开展
    检查1次" stays an amount per period (its doubt asks for the year's figure: test_table_revfix12b)."""
    assert _figures("每年至少开展1次主要灌溉水水源的水质监测。") == []
    assert _figures("制定周边影响区域环境保护方案，每年至少开展1次土壤、地表水、地下水、空气环境监测。") == []
    assert _figures("每月开展安全检查1次。") == [(1, "次")]
    assert _figures("每年组织或参与中高端人才对接会1场次。") == [(1, "场次")]
    assert _figures("开展技能培训3次。") == [(3, "次")]


def test_the_number_of_kinds_a_thing_is_divided_into_is_no_target():
    """"将农用地划分为优先保护类、安全利用类、严格管控类三个类别", "具体分为如下三个阶段": how many kinds or stages a
    thing is divided into, no work to count; "充分为群众新建3个公园" has no division in it."""
    assert _figures("按污染程度将农用地划分为优先保护类、安全利用类、严格管控类三个类别。") == []
    assert _figures("具体分为如下三个阶段。") == []
    assert _figures("充分为群众新建3个公园。") == [(3, "个")]


def test_a_months_plan_figure_below_what_the_row_reports_done_is_that_months_own_amount(tmp_path):
    """"8月份目标：新增30台、完工20台" beside "进展情况：新增81台，完工52台" (of a year's 400 and 200): as running totals
    they would lag far behind the year's pace and the work done, so they are what the month adds; no running total
    due by the month's end (its words stay the checkpoint's). A month's figure the report has not passed twice over
    ("新增100座" beside "新增81座"), one on the year's pace ("4月：完成筛查1480人" of 7400, 3495 done) and one said to be
    a running total ("累计完成30个") are running totals still."""
    from .conftest import convert_written

    rows = ("序号,项目内容,牵头单位,8月份目标,进展情况\n"
            "1,既有多层住宅加装电梯新增400台、完工200台,区房管局,新增30台、完工20台。,新增81台，完工52台。\n"
            "2,为50个小区新增电动自行车充电设施,区房管局,计划完成3个小区的充电设施建设。,已累计完成14个住宅小区。\n"
            "3,新建公厕400座,区城管局,新增100座。,新增81座。\n"
            "4,改造老旧小区400个,区住建局,累计完成30个。,已完成81个。\n")
    tasks = convert_written(tmp_path, "plan.csv", rows, 2022).programme.tasks
    milestones = [[(m.due.isoformat(), m.target) for i in t.lines[0].indicators for m in i.milestones] for t in tasks]
    assert [t.lines[0].checkpoints[0].due.isoformat() for t in tasks[:2]] == ["2022-08-31"] * 2
    assert ("2022-08-31", 30) not in milestones[0] and ("2022-08-31", 20) not in milestones[0]
    assert ("2022-08-31", 3) not in milestones[1]
    assert ("2022-08-31", 100) in milestones[2]
    assert ("2022-08-31", 30) in milestones[3]
    rows = "序号,项目内容,牵头单位,4月目标,进展情况\n1,重点筛查人群7400人,县卫健局,完成筛查人数1480人。,完成筛查人数3495人。\n"
    task = convert_written(tmp_path, "april.csv", rows, 2024).programme.tasks[0]
    assert [(m.due.isoformat(), m.target) for m in task.lines[0].indicators[0].milestones][:1] == [("2024-04-30", 1480)]
