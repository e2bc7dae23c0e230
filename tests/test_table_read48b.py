"""Issue 13, read48b: a plan's prose at three levels ("四、" "（一）" "1." "（1）") whose items each close with their
offices' working days ("责任单位：危化处（86日），基础处（88日）"), and offices named as the actors of a measure's
sentences ("区行政审批局，负责…")."""

from __future__ import annotations

from .conftest import convert_written


def _tasks(tmp_path, lines: list[str]) -> dict:
    tasks = convert_written(tmp_path, "plan.txt", "\n".join(lines) + "\n").programme.tasks
    return {t.code: t for t in tasks}


def _leads(task) -> list[str]:
    return [u for line in task.lines for u in line.lead_units]


def _units(task) -> list[str]:
    return [u for line in task.lines for u in line.units if u not in _leads(task)]


# --- an item's paragraph closing with its offices' label: the item's content, its offices ---------------------------

PROSE = ["某局2022年度监督检查工作计划", "四、执法任务分解及执法内容", "（一）其他行政执法工作",
         "1.开展安全生产综合监管", "依据法律、法规、规章等规定，开展安全生产综合监管工作。责任单位：协调处",
         "2.开展安全生产指导检查", "对生产经营单位遵守安全生产法律情况进行指导检查。责任单位：危化处，基础处",
         "3.开展对中介服务机构的监督检查", "对在我区注册的中介服务机构进行监督检查。责任单位：危化处，安基处，安劳支队",
         "五、工作要求", "（一）要认真履行安全生产行政执法职责，规范执法行为。"]


def test_an_items_paragraph_closing_with_its_offices_label_is_its_content(tmp_path):
    """pingtan-2022-jiandu: "2.开展安全生产指导检查" over "对生产经营单位…。责任单位：危化处，基础处": the paragraph is the
    item's content and its label names the item's offices, as a label on a line of its own would."""
    tasks = _tasks(tmp_path, PROSE)
    assert [t.title for t in tasks.values()] == ["开展安全生产综合监管", "开展安全生产指导检查", "开展对中介服务机构的监督检查"]
    task = tasks["2"] if "2" in tasks else tasks["四(一)2"]
    assert _leads(task) == ["危化处"] and _units(task) == ["基础处"]


def test_a_paragraph_with_no_label_under_an_item_stays_no_content(tmp_path):
    """The paragraphs under the items name no office: no list of work is read from them (the rule needs the label)."""
    lines = [line.split("。责任单位")[0] + "。" if "责任单位" in line else line for line in PROSE]
    try:
        tasks = _tasks(tmp_path, lines)
    except Exception:  # noqa: BLE001 - refused: no list
        return
    assert not any(_leads(t) for t in tasks.values())


THREE_LEVELS = ["某局2022年度监督检查工作计划", "三、执法工作日的安排", "非执法工作日是指下列工作预计所占用的工作日：参加会议安排510日。",
                "四、执法任务分解及执法内容", "（一）监督检查工作",
                "1.一般检查对象", "对16家企业进行抽查，抽查比例不少于50%。责任单位：危化处",
                "2.行政处罚", "对违法行为依法实施行政处罚。责任单位：安劳支队",
                "3.检查内容", "根据有关规定，结合我区实际情况进行监督检查。",
                "（二）其他行政执法工作",
                "1.开展安全生产综合监管", "依据法律、法规、规章等规定，开展安全生产综合监管工作。责任单位：协调处",
                "2.开展安全生产指导检查", "对生产经营单位遵守安全生产法律情况进行指导检查。责任单位：危化处，基础处",
                "五、工作要求", "（一）要认真履行安全生产行政执法职责，规范执法行为。"]


def test_a_runs_own_heading_naming_the_programme_makes_it_a_work_list(tmp_path):
    """pingtan-2022-jiandu: the run opens with "四、执法任务分解及执法内容" (任务分解: a breakdown of work) over its
    groups; the line above it is another section's ("参加会议安排510日"). Its items are read, each coded by both groups, and
    an item whose paragraph names no office ("3.检查内容") is content still, no end of the list."""
    tasks = _tasks(tmp_path, THREE_LEVELS)
    assert {"四(一)1", "四(一)2", "四(二)1", "四(二)2"} <= set(tasks)
    assert _leads(tasks["四(二)2"]) == ["危化处"]


def test_an_offices_working_days_after_its_name_are_no_part_of_it(tmp_path):
    """"责任单位：协调处（80日），危化处（20日）安基处（10日），法规处30日": each office's share of the working days, in a bracket
    or not, ends its name; the next office follows the bracket with no comma."""
    lines = [*PROSE[:4], "依据法律开展安全生产综合监管工作。责任单位：协调处（80日），危化处（20日）安基处（10日），法规处30日", *PROSE[5:]]
    task = next(iter(_tasks(tmp_path, lines).values()))
    assert _leads(task) == ["协调处"] and _units(task) == ["危化处", "安基处", "法规处"]


def test_paragraphs_each_closing_with_their_own_offices_are_no_items_content(tmp_path):
    """pingtan-2016-xuanchuan: "1.基础设施建设专题：" over "一是…。责任单位：区交建局。" "二是…。责任单位：区农发局。": points
    of their own, each a task under its topic (list_subitems), not the topic's content with the last one's offices."""
    lines = ["某区宣传报道责任分工", "三、专题分工", "（一）回眸“十二五”",
             "1.基础设施建设专题：", "一是交通设施巨大变化。宣传要点：对外交通变化。责任单位：区交建局。",
             "二是生态环境日益改善。宣传要点：大绿化工程。责任单位：区农发局。",
             "2.社会事业发展专题：", "一是教育优先发展。宣传要点：标准化学校建设。责任单位：区教育局。",
             "二是医疗卫生建设。宣传要点：平潭协和医院。责任单位：区卫计局。",
             "3.体制机制创新专题：", "一是自贸实验区建设。宣传要点：自贸区制度创新。责任单位：区自贸办。",
             "二是通关制度创新。宣传要点：澳前口岸。责任单位：区口岸办。"]
    tasks = _tasks(tmp_path, lines)
    assert {"1一", "1二", "2一", "3二"} <= {code[-2:] for code in tasks}


def test_a_figure_in_a_bracket_closing_an_items_name_is_its_figure_not_its_name(tmp_path):
    """"1.开展安全生产综合监管（400个工作日）" over its paragraph: the bracket is the item's figure (400 个工作日), the name
    stands without it."""
    lines = [*PROSE[:3], "1.开展安全生产综合监管（400个工作日）", PROSE[4], "2.开展安全生产指导检查（174 个工作日）", *PROSE[6:]]
    tasks = list(_tasks(tmp_path, lines).values())
    assert [t.title for t in tasks[:2]] == ["开展安全生产综合监管", "开展安全生产指导检查"]
    assert [(i.target, i.unit) for i in tasks[1].lines[0].indicators] == [(174, "个工作日")]


def test_the_figure_closing_the_name_of_an_item_with_no_paragraph_in_such_a_list_is_its_figure_too(tmp_path):
    """"11.完成…执法工作任务（335个工作日）" over its 责任单位 line alone, in a list whose other items print a paragraph under
    their names: the bracket is its figure as well."""
    lines = [*PROSE[:7], "3.开展安全生产标准化评定工作（80个工作日）", "责任单位：危化处（30日），安基处（50日）", *PROSE[9:]]
    task = list(_tasks(tmp_path, lines).values())[2]
    assert task.title == "开展安全生产标准化评定工作"
    assert [(i.target, i.unit) for i in task.lines[0].indicators] == [(80, "个工作日")]


def test_an_items_parts_each_naming_their_office_are_tasks_of_their_own(tmp_path):
    """pingtan-2022-jiandu: "1.重点检查对象" names no office; its parts "（1）…。责任单位：危化处（60日）" "（2）…。责任单位：
    基础处（30日）" each name theirs: each part a task coded by both numbers (四(一)1(1)), the item their heading."""
    lines = [*PROSE[:3], "1.重点检查对象（120个工作日）",
             "（1）危险化学品经营企业：2家工业气体、8家加油站进行监督检查。责任单位：危化处（60日）",
             "（2）对5家工矿商贸重点监管企业进行监督检查。责任单位：基础处（30日）",
             "以上企业根据年度工作安排适时确定检查时间，每年至少检查1次。",
             "2.一般检查对象（164个工作日）", "对16家危险化学品贸易型企业进行抽查。责任单位：危化处（60日），基础处（104日）",
             "（二）其他行政执法工作", *PROSE[3:]]
    tasks = _tasks(tmp_path, lines)
    assert {"四(一)1(1)", "四(一)1(2)", "四(一)2"} <= set(tasks) and "四(一)1" not in tasks
    assert _leads(tasks["四(一)1(2)"]) == ["基础处"]
    assert tasks["四(一)1(1)"].title == "危险化学品经营企业：2家工业气体、8家加油站进行监督检查。"


# --- offices named as the actors of a measure's sentences ------------------------------------------------------------

DUTIES = ["某区商品砼市场专项整治方案", "五、责任分工",
          "（一）区市场监管局牵头涉嫌垄断调查整治工作。区市场监管局负责调查三家商品砼公司的垄断行为线索。"
          "区土开集团、城投集团，负责统计本集团项目商品砼采购来源。区行政审批局，负责提供商品砼企业档案资料。",
          "（二）区交建局牵头销售产能调查整治工作。区交建局、区城乡交建中心负责摸底我区商品砼销售价情况。"
          "区资源生态局，根据市场需求，合理科学地商品砼项目用地供给力度。",
          "（三）区执法应急局，负责调查商品砼企业砂石来源是否合法。",
          "六、工作要求", "（一）高度重视。各有关部门要进一步提高思想认识。"]


def test_offices_opening_a_measures_later_sentences_are_its_units(tmp_path):
    """pingtan-2021-shangpintong: "（一）区市场监管局牵头…。区土开集团、城投集团，负责…。区行政审批局，负责…。": the lead
    opens the measure, the offices opening its later sentences (before "，" or their role) are its other units."""
    tasks = _tasks(tmp_path, DUTIES)
    assert _leads(tasks["五(一)"]) == ["区市场监管局"]
    assert _units(tasks["五(一)"]) == ["区土开集团", "城投集团", "区行政审批局"]
    assert _units(tasks["五(二)"]) == ["区城乡交建中心", "区资源生态局"]
    assert _leads(tasks["五(三)"]) == ["区执法应急局"] and _units(tasks["五(三)"]) == []


# --- a plan laid out as a timeline: its stages date the items they name ---------------------------------------------

TIMELINE = ["2020年住户调查样本轮换工作实施方案", "二、工作内容", "本次样本轮换工作内容包括四部分。",
            "（一）样本核实。组织开展调查小区和大样本基本情况核实。",
            "（二）样本落实。对于流失样本进行替换，直接落实样本。",
            "（三）大样本补充。对于样本流失严重的调查小区补充大样本后进行样本替换。",
            "（四）试记账。对落实的记账户开展培训，组织试记账。",
            "三、时间安排",
            "7月底前，完成前期准备工作。平潭调查队上报调查小区名单，做好宣传动员等前期准备工作。",
            "8月底前，完成样本核实和补充大样本户工作。平潭调查队应完成样本户和调查小区剩余样本情况核实。",
            "10月底前，完成调查户落实和试记账工作。平潭调查队根据样本评估结果进行必要调整，确定最终落实的调查户。",
            "11月，组织调查户开展试记账。",
            "四、工作要求", "（一）高度重视，明确职责分工", "各调查点要确保配合平潭调查队实施具体工作。"]


def test_a_plans_stages_date_the_items_they_name_and_their_actor_leads_them(tmp_path):
    """pingtan-2020-zhuhu: "二、工作内容" lists the work with no office and no date; "三、时间安排" dates it in stages
    ("8月底前，完成样本核实和补充大样本户工作。平潭调查队应…"). Each item is due at the last stage naming it (its name
    whole, or its two words: 大样本补充 in 补充大样本户), an earlier stage its checkpoint; the office opening the stages'
    sentences leads it."""
    tasks = _tasks(tmp_path, TIMELINE, )
    assert {code: (t.deadline.isoformat() if t.deadline else None) for code, t in tasks.items()} == {
        "二(一)": "2024-08-31", "二(二)": "2024-10-31", "二(三)": "2024-08-31", "二(四)": "2024-11-30"}
    assert all(_leads(t) == ["平潭调查队"] for t in tasks.values())
    assert [c.due.isoformat() for c in tasks["二(四)"].lines[0].checkpoints][:1] == ["2024-10-31"]


def test_stages_naming_none_of_the_items_date_nothing(tmp_path):
    """Stages that name none of the items' words leave the list unread as before: a notice's points, no plan."""
    lines = [line.replace("样本核实", "摸底").replace("补充大样本户", "宣传").replace("试记账", "总结").replace("调查户落实", "汇总")
             for line in TIMELINE]
    try:
        tasks = _tasks(tmp_path, lines)
    except Exception:  # noqa: BLE001 - refused: no list
        return
    assert not any(t.deadline for t in tasks.values())


def test_parts_without_their_own_offices_under_a_content_lists_item_are_its_content(tmp_path):
    """pingtan-2022-jiandu's "4.组织…调查和处理（450个工作日）" over "（1）根据职责…；" and "（2）…整改落实；责任单位：协调处（20日），
    安基处（380日）": the last part's label, no other part labelled, names the item's offices; the parts are the item's
    content in a list that prints its items' content apart, its name alone its title."""
    lines = [*PROSE[:5], "2.组织一般和较大生产安全事故调查和处理（450个工作日）",
             "（1）根据职责牵头组织一般和较大生产安全事故调查，提交事故调查报告；",
             "（2）事故调查报告以我局名义报区管委会批复，督促问题的整改落实；责任单位：协调处（20日），安基处（380日）危化处（10日）",
             *PROSE[7:]]
    task = list(_tasks(tmp_path, lines).values())[1]
    assert task.title == "组织一般和较大生产安全事故调查和处理"
    assert _leads(task) == ["协调处"] and _units(task) == ["安基处", "危化处"]

