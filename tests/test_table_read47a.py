"""Issue 13, read47a: the structures of the thirty-third held-out set, each in a small list. A group's offices named
once, in a labelled bracket on a line of its own after the group's last item ("（责任单位：X、Y，Z）"), the group's heading
opening with a paragraph of its own above its items "1." …; duties listed under each party's name printed as a heading
of its own ("（一）区教育局"); and figures in a rule's conditions (a threshold, a share of a contract's amount) that are no
targets of the year."""

from __future__ import annotations

from .conftest import convert_written

GROUPS = ["某区乡村旅游提质升级行动方案", "一、总体要求", "加快乡村旅游发展。", "二、重点任务",
          "（一）编制乡村旅游发展规划", "根据各乡村资源禀赋，编制乡村旅游发展规划，明确发展重点。",
          "1.乡村旅游延伸产品。推进打造一批特色村。", "2.景村一体化。打造乡村旅游精品线路。",
          "（责任单位：区旅游发展委员会、农村发展局，各乡镇人民政府）",
          "（二）实施乡村旅游基础设施提质升级", "大力改善乡村旅游基础和公共服务设施。",
          "1.乡村旅游公路。加快改造提升乡村旅游公路。", "2.游客服务中心。到2020年底，提升游客服务中心5个以上。",
          "3.旅游厕所。全面提升旅游厕所品质。",
          "（责任单位：区旅游发展委员会、交通与建设局，各乡镇人民政府）",
          "（三）汇聚乡村旅游人才力量", "1.加强乡村旅游人才培训。组织开展重点村旅游培训。",
          "（责任单位：区旅游发展委员会、党群工作部）", "2.推进乡村旅游创客创业行动。支持创建创客示范基地。",
          "（责任单位：区旅游发展委员会、金融办）", "三、保障措施", "（一）强化组织保障", "各部门要高度重视。"]


def test_a_labelled_bracket_on_its_own_line_after_a_groups_last_item_names_the_offices_of_the_whole_group(tmp_path):
    """"（责任单位：…）" on the line after a group's last item, the group's other items naming none: the group's offices
    (its label says so, as role words do in "（X负责，Y配合）"), given to each item; the heading's own paragraph above
    "1." opens the group, no end of the list; a group whose items each print their own bracket keeps them. An item
    headed by the name of what it works on ("乡村旅游公路。加快…") is work when its offices are labelled by role."""
    tasks = convert_written(tmp_path, "plan.txt", "\n".join(GROUPS) + "\n", 2019).programme.tasks
    assert [t.code for t in tasks] == ["二(一)1", "二(一)2", "二(二)1", "二(二)2", "二(二)3", "二(三)1", "二(三)2"]
    assert [t.lines[0].lead_units for t in tasks[:5]] == [["区旅游发展委员会"]] * 5
    assert tasks[0].lines[0].units[1:] == ["农村发展局", "各乡镇人民政府"]
    assert tasks[2].lines[0].units[1:] == ["交通与建设局", "各乡镇人民政府"]
    assert tasks[5].lines[0].units[1:] == ["党群工作部"]
    assert tasks[6].lines[0].units[1:] == ["金融办"]


DUTIES = ["某区综合防控儿童青少年近视工作实施方案", "一、工作目标", "到2023年，近视率每年降低0.5个百分点。",
          "二、工作措施", "（一）开展“视力监测筛查”行动。各中小学每学期筛查不少于2次。",
          "（二）开展“健康教室”行动。推进健康教室建设。", "三、职责分工", "（一）区党群工作部",
          "落实完善学校校医、保健教师职称评审政策。", "（二）区社会事业局", "1.认真贯彻落实《学校卫生工作条例》。",
          "2.进一步健全学校体育卫生发展制度和体系。", "（三）区市场监督管理局", "严格监管验光配镜行业，整顿配镜行业秩序。",
          "（四）学校", "1.加强视力健康管理。建立视力健康管理队伍。", "2.减轻学生学业负担。严格按照课程标准组织教学。",
          "（五）家庭", "家长应当了解科学用眼护眼知识。", "1.增加户外活动和锻炼。让孩子到户外度过更多时间。",
          "四、保障机制", "（一）构建工作体系。成立工作领导小组。"]


def test_duties_under_each_partys_heading_are_tasks_led_by_that_party(tmp_path):
    """"三、职责分工" over headings that are each a party's name ("（一）区党群工作部", "（四）学校"): the party leads each
    duty below it, one paragraph (coded 三(一)) or items "1." … (三(二)1); a paragraph above a party's items opens them,
    no task; parties that are no office (学校, 家庭) beside offices lead theirs too. The measures naming no office and
    the sections after the part are no tasks."""
    tasks = convert_written(tmp_path, "plan.txt", "\n".join(DUTIES) + "\n", 2021).programme.tasks
    assert [t.code for t in tasks] == ["三(一)", "三(二)1", "三(二)2", "三(三)", "三(四)1", "三(四)2", "三(五)1"]
    assert [t.lines[0].lead_units for t in tasks] == [["区党群工作部"], ["区社会事业局"], ["区社会事业局"],
                                                      ["区市场监督管理局"], ["学校"], ["学校"], ["家庭"]]
    assert tasks[0].title == "落实完善学校校医、保健教师职称评审政策。"
    assert tasks[1].title == "认真贯彻落实《学校卫生工作条例》。"
    assert tasks[4].title == "加强视力健康管理。建立视力健康管理队伍。"


def test_headings_naming_parties_under_a_part_that_names_no_duties_are_no_duty_list(tmp_path):
    """The same headings under "三、工作进展" (a report's part, not a 职责分工): not read as duties."""
    import pytest

    from mstrack.errors import InputError

    lines = [line.replace("职责分工", "工作进展") for line in DUTIES]
    with pytest.raises(InputError):
        convert_written(tmp_path, "plan.txt", "\n".join(lines) + "\n", 2021)


def _figures(text: str) -> list[tuple[float, str]]:
    from mstrack.sources.table.mentions import find_mentions

    return [(m.value, m.unit) for m in find_mentions(text, 2023)]


def test_a_sum_bounded_before_what_it_picks_is_no_target():
    """"400万元以下的工程采购项目…": the sum says which projects a rule applies to, no figure to reach; the share the
    same sentence raises is one."""
    text = "将预留份额提高至45%以上。400万元以下的工程采购项目适宜由中小企业提供的，采购人应当专门面向中小企业采购。"
    assert _figures(text) == [(45, "%")]


def test_a_share_of_a_contracts_amount_bounded_by_a_rule_is_no_target():
    """"不低于合同金额的40%、不高于合同金额的70%": the bounds of a payment a rule sets, a share of another amount; "不低于
    90%" (the task's own level) and "达到城市社区的60%" (the task's result, a share of a whole) stay targets."""
    assert _figures("原则上按不低于合同金额的40%、不高于合同金额的70%设定。") == []
    assert _figures("使用电子产品开展教学时长原则上不超过教学总时长的30%。") == []
    assert _figures("群众满意度不低于90%。") == [(90, "%")]
    assert _figures("充分就业社区数量达到城市社区的60%。") == [(60, "%")]


def test_how_often_or_how_long_per_day_week_or_term_is_a_norm_of_conduct_no_target():
    """"每学期不得超过1次", "每周4课时", "每天累计不宜超过1小时", "每天睡眠10个小时、初中生9个小时", a later clause of the
    sentence too ("…每天2小时以上户外活动，寄宿制幼儿园不得少于3小时"): how often or how long someone does something each
    day, week or term, a rule of conduct, no target; "每年组织1场次" and "开展培训3次" are targets still."""
    assert _figures("小学一二年级每学期不得超过1次，其他年级每学期不得超过2次。") == []
    assert _figures("确保小学一二年级每周4课时，三至六年级和初中每周3课时。") == []
    assert _figures("确保小学生每天睡眠10个小时、初中生9个小时。") == []
    assert _figures("确保小学生每天睡眠10余个小时。") == []  # a figure with more ("余") is one still
    assert _figures("要保证儿童每天2小时以上户外活动，寄宿制幼儿园不得少于3小时，其中体育活动时间不少于1小时。") == []
    assert _figures("每年组织或参与中高端人才对接会1场次。") == [(1, "场次")]
    assert _figures("开展技能培训3次。") == [(3, "次")]


def test_a_list_of_tasks_beside_a_part_of_duties_is_read_the_duties_are_not(tmp_path):
    """A plan whose tasks name their offices and whose later part shares out duties by party: the list of tasks is the
    programme (the duties restate who does them); the duties are read only where no list is."""
    lines = ["某区民生实事实施方案", "一、重点任务", "1.新建幼儿园3所。（责任单位：区教育局）",
             "2.改造老旧小区10个。（责任单位：区住建局）", "3.新建公厕20座。（责任单位：区城管局）", "二、职责分工",
             "（一）区教育局", "负责学校建设。", "（二）区住建局", "负责老旧小区改造。", "（三）区城管局", "负责公厕建设。"]
    tasks = convert_written(tmp_path, "plan.txt", "\n".join(lines) + "\n", 2023).programme.tasks
    assert [t.title for t in tasks] == ["新建幼儿园3所。", "改造老旧小区10个。", "新建公厕20座。"]
    assert [t.lines[0].lead_units for t in tasks] == [["区教育局"], ["区住建局"], ["区城管局"]]
