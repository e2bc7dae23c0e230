"""Issue 13, held50a: prose plans of the forty-first and forty-second held-out sets that were refused at first contact.
Numbers printed as one character ("㈠", "⒈", "⑴") are read as the numbers they print ("（一）", "1.", "（1）")."""

from __future__ import annotations

from datetime import date

from .conftest import convert_written

TITLE = "某区2016年渔业安全生产宣传教育实施方案"


def _tasks(tmp_path, lines: list[str], year: int = 2016):
    return convert_written(tmp_path, "plan.txt", "\n".join([TITLE, *lines]) + "\n", year).programme.tasks


ENCLOSED = ["一、总体要求", "全面加强安全生产宣传教育。", "二、主要任务及职责分工", "㈠大力宣传安全生产重大决策部署",
            "⒈积极宣传政策措施和重大决策部署。", "责任单位：各乡镇人民政府，区海洋与渔业执法支队。",
            "⒉突出宣传中心工作任务。", "责任单位：区海洋与渔业执法支队。", "㈡大力宣传安全生产法律法规",
            "⒊加强法律法规宣传。", "责任单位：各乡镇人民政府，区渔保协会。"]


def test_numbers_printed_as_one_character_number_the_items_and_their_groups(tmp_path):
    """"㈠" heads a group as "（一）" does and "⒈" numbers an item as "1." does: three tasks, numbered through the
    groups (1–3), each led by the offices of its 责任单位 line."""
    tasks = _tasks(tmp_path, ENCLOSED)
    assert [t.code for t in tasks] == ["1", "2", "3"]
    assert tasks[0].title.startswith("积极宣传政策措施和重大决策部署")
    assert tasks[1].lines[0].lead_units == ["区海洋与渔业执法支队"]


def test_closing_others_that_finish_a_name_stay_in_it(tmp_path):
    """"各渔业企事业等相关单位": the name before 等 ends like no office (企事业 … 单位), so the closing words finish
    it; after an office ("区渔保协会等相关单位") they are the others a list closes with, no unit."""
    tasks = _tasks(tmp_path, ["二、主要任务", "⒈积极宣传政策措施。", "责任单位：区海洋与渔业执法支队，各渔业企事业等相关单位。",
                              "⒉加强法律法规宣传。", "责任单位：区海洋与渔业执法支队，区渔保协会等相关单位。",
                              "⒊开展安全教育培训。", "责任单位：各乡镇人民政府。"])
    assert [t.lines[0].units for t in tasks[:2]] == [["区海洋与渔业执法支队", "各渔业企事业等相关单位"],
                                                     ["区海洋与渔业执法支队", "区渔保协会"]]


OR_LABEL = ["某区2018年义诊活动周方案", "二、活动时间", "2018年9月6日至12日。", "四、主要内容",
            "（一）各基层医疗机构组织一次义诊活动。各基层医疗机构要组织医护人员开展义诊。（责任单位或处室：各基层医疗卫生单位）",
            "（二）举办健康大讲堂。组织专家为我区医护人员进行培训。（责任单位或处室：局综合处、区医院）",
            "（三）医疗服务进军营。到军营开展义诊活动。（责任单位或处室：局医政处、区医院、区中医院）",
            "五、工作要求", "（一）提高认识，精心组织。各单位要切实组织好义诊活动。"]


def test_a_label_naming_two_kinds_of_office_closes_an_item_as_a_plain_one_does(tmp_path):
    """"（责任单位或处室：A、B）" (units or a bureau's divisions) labels the item's offices as "（责任单位：A、B）" does:
    three tasks under "四、主要内容", the bracket no part of their titles, the first office leading."""
    tasks = convert_written(tmp_path, "plan.txt", "\n".join(OR_LABEL) + "\n", 2018).programme.tasks
    assert [t.code for t in tasks] == ["四(一)", "四(二)", "四(三)"]
    assert tasks[1].title == "举办健康大讲堂。组织专家为我区医护人员进行培训。"
    assert [(t.lines[0].lead_units, [u for u in t.lines[0].units if u not in t.lines[0].lead_units]) for t in tasks[1:]] \
        == [(["局综合处"], ["区医院"]), (["局医政处"], ["区医院", "区中医院"])]


def test_a_level_s_hospital_in_the_bracket_after_an_item_s_stop_does_the_work(tmp_path):
    """"…。（区医院、区中医院）", "…。（责任单位或处室：区医院、区中医院）": after the item's closing stop a bracket names who
    does it, and a level's hospital is an office there, as a level's station is ("镇财政所")."""
    lines = [*OR_LABEL[:4], "（一）城乡医院对口支援义诊工作。组派医疗队开展义诊。（责任单位或处室：区医院、区中医院）",
             "（二）二级以上医院院内的义诊活动。开展形式多样的义诊活动。（区医院、区中医院）", *OR_LABEL[6:]]
    tasks = convert_written(tmp_path, "plan.txt", "\n".join(lines) + "\n", 2018).programme.tasks
    assert [t.code for t in tasks] == ["四(一)", "四(二)", "四(三)"]
    assert tasks[1].title == "二级以上医院院内的义诊活动。开展形式多样的义诊活动。"
    assert [t.lines[0].lead_units for t in tasks[:2]] == [["区医院"], ["区医院"]]


POINTS = ["某局2016年度水产品质量安全监管工作要点", "现我局制订了工作要点，具体内容如下：", "一、水产品生产体系建设",
          "（一）推进农产品标准化生产。要做好渔业科技工作，积极倡导无公害水产品养殖。",
          "（二）提高渔业加工水平。要充分发挥资源优势，局海洋渔业处、区海洋与渔业技术中心要大力发展水产品加工。",
          "二、水产品质量安全监管体系建设",
          "（一）加强水产养殖业执法。局海洋渔业处、区海洋与渔业执法支队要制定年度执法方案，构建网格化监管体系。",
          "（二）加强行政执法与刑事司法的衔接。局海洋渔业处、区海洋与渔业执法支队要建立和完善衔接工作机制。",
          "（三）大力推行健康生态养殖。养殖业要大力发展优势水产品养殖，形成品牌产品。",
          "三、保障措施", "（一）加强组织领导。各乡镇要健全水产品质量安全责任制。"]


def test_items_opening_with_their_work_are_work_whatever_their_detail_requires(tmp_path):
    """"（一）推进农产品标准化生产。要做好…": the item's heading sentence names its work, and the "要…" of its detail
    makes it no requirement on offices: the points are read (a best effort), each under its part, the office named in
    the words leading; the closing section's point stays out."""
    conversion = convert_written(tmp_path, "plan.txt", "\n".join(POINTS) + "\n", 2016)
    tasks = conversion.programme.tasks
    assert [t.code for t in tasks] == ["一(一)", "一(二)", "二(一)", "二(二)", "二(三)"]
    assert conversion.programme.tasks[2].title.startswith("加强水产养殖业执法。")


def _figures(text: str, year: int = 2016) -> list[tuple[float, str]]:
    from mstrack.sources.table.mentions import find_mentions
    return [(float(m.value), m.unit) for m in find_mentions(text, year)]


def test_figures_that_add_up_to_the_whole_before_them_are_its_shares():
    """"全年安排抽检125个样品…各乡镇抽检任务如下：屿头乡10个、大练乡6个…": the towns' figures add up to the whole
    stated before them: where the work is shared out, no targets of their own; the whole is the target. Figures that
    do not add up to it stay targets."""
    text = "开展快速检测。全年安排抽检125个样品。各乡镇抽检任务如下：屿头乡10个、大练乡6个、苏澳镇20个、白青乡8个、流水镇81个。"
    assert _figures(text) == [(125.0, "个")]
    assert len(_figures("新建公园12个。其中：城东5个、城西3个、城南2个。")) == 4


def test_the_pool_a_choice_is_made_from_and_the_count_of_offices_named_are_no_targets():
    """"从全区水产加工企业27家中推荐…": the firms chosen from; "发挥A协会、B协会、C合作社等六家行业协会的作用": the
    count of those named. Neither is work to be done."""
    assert _figures("提高加工水平，从全区水产加工企业27家中推荐相关企业参加龙头企业评定。") == []
    assert _figures("充分发挥平潭县鲍鱼协会、平潭县前进渔业协会、平潭县金润星水产专业合作社等六家行业协会的作用。") == []
    assert _figures("培育龙头企业6家。") == [(6.0, "家")]


def test_the_period_a_plan_gives_its_whole_work_dates_each_item_that_names_none(tmp_path):
    """"二、活动时间" over "2018年9月6日至12日": the plan's one period (list_deadlines._period); each item naming no date
    of its own is due at its end, the span's bare end day in its start's year and month (was: no period read)."""
    tasks = convert_written(tmp_path, "plan.txt", "\n".join(OR_LABEL) + "\n", 2018).programme.tasks
    assert [t.deadline for t in tasks] == [date(2018, 9, 12)] * 3


def test_the_plan_s_period_is_read_in_a_best_effort_reading_too(tmp_path):
    """The same plan with the parts of a notice around its period ("一、工作目标", "三、活动主体"): read as a best effort,
    the period's paragraph is kept for its dates, not dropped as a section's text. Its title without 方案 (one ending in
    方案 names the programme, so the list is read in its layout, reader53: the period the same)."""
    assert OR_LABEL[0].endswith("方案")
    lines = [OR_LABEL[0].removesuffix("方案"), "一、工作目标", "有重点、有针对性地开展义诊活动。", *OR_LABEL[1:3], "三、活动主体",
             "区卫计局，全区各医疗卫生计生单位。", *OR_LABEL[3:5],
             "（二）二级以上医院院内的义诊活动。开展形式多样的义诊活动。（区医院、区中医院）", *OR_LABEL[6:]]
    conversion = convert_written(tmp_path, "plan.txt", "\n".join(lines) + "\n", 2018)
    assert conversion.best_effort
    assert [t.deadline for t in conversion.programme.tasks] == [date(2018, 9, 12)] * 3
    (tmp_path / "titled").mkdir()
    titled = convert_written(tmp_path / "titled", "plan.txt", "\n".join([OR_LABEL[0], *lines[1:]]) + "\n", 2018)
    assert titled.best_effort is None
    assert [t.deadline for t in titled.programme.tasks] == [date(2018, 9, 12)] * 3


def test_a_group_whose_words_assign_its_work_leads_its_items():
    """"（二）加大教育培训力度。…该项工作由区海洋与渔业技术中心负责，具体如下：" over "1.…" "2.…": the office the group's
    last sentence gives the work leads each of its items, as a group's heading "由…牵头的工作" does; a sentence in the
    middle of the words, or one naming no office, gives none."""
    from mstrack.sources.table.list_numbered import heading_lead
    assert heading_lead("（二）加大教育培训力度。开展多层次的教育培训工作。该项工作由区海洋与渔业技术中心负责，具体如下：") \
        == "区海洋与渔业技术中心"
    assert heading_lead("（二）加大教育培训力度。该项工作由区海洋与渔业技术中心负责，开展多层次的培训。") == ""
    assert heading_lead("（二）加大教育培训力度。该项工作由各方共同负责，具体如下：") == ""
