"""Issue 13, fix49h: structures of the thirty-ninth and fortieth held-back sets (平潭 prose plans), each in a small
hand-made document, every one seen failing before its fix in the reader."""

from __future__ import annotations

from tests.conftest import text_tasks


def _read(tasks) -> list[tuple[str, str, list[str], list[str]]]:
    return [(t.code, t.title, [u for line in t.lines for u in line.lead_units],
             [u for line in t.lines for u in line.units if u not in {v for ln in t.lines for v in ln.lead_units}])
            for t in tasks]


ACTIONS = [
    "某区推进数字经济行动实施方案",
    "一、总体要求",
    "坚持企业主体作用和政府引导作用，推动发展方式变革。",
    "二、重点行动",
    "（一）数字农业",
    "1．行动目标。推进互联网与农业融合发展。到2018年，建成示范基地3个。",
    "2．主要任务",
    "建设农业物联网示范基地，推广智能灌溉。",
    "牵头单位：区农业局，配合单位：区财政局、区商务局",
    "（二）数字商贸",
    "1．行动目标。推进电子商务发展。到2018年，电子商务交易额明显增长。",
    "2．主要任务",
    "发展农村电商，搭建电子商务公共服务平台。",
    "牵头单位：区商务局",
    "便民服务：推进社区服务网上办理。",
    "牵头单位：区民政局，配合单位：区数据局",
    "（三）数字政务",
    "1．行动目标。政务服务事项全程网办。",
    "2．主要任务",
    "建设一体化政务服务平台。",
    "牵头单位：区行政审批局，配合单位：区数据局",
    "四、保障措施",
    "加强组织领导，各单位要高度重视。",
]


def test_the_numbered_parts_of_an_action_are_its_sections_not_tasks(tmp_path):
    """"（一）数字农业" over "1．行动目标。…" "2．主要任务" and "牵头单位：X，配合单位：Y": the "1." "2." lines are the
    action's parts (its sections, named by their labels), not tasks; the action is the task, its offices from its
    labelled lines, every labelled line under it its own (a second "牵头单位：" under a part's later paragraph too)."""
    assert _read(text_tasks(tmp_path, ACTIONS, 2016)) == [
        ("二(一)", "数字农业", ["区农业局"], ["区财政局", "区商务局"]),
        ("二(二)", "数字商贸", ["区商务局", "区民政局"], ["区数据局"]),
        ("二(三)", "数字政务", ["区行政审批局"], ["区数据局"]),
    ]


def test_numbered_lines_under_an_item_that_are_not_all_sections_stay_its_parts(tmp_path):
    """Under "（一）…" the lines "1.重点景区" "2.重点路段" are the group's own parts (tasks): only a group whose every
    numbered line opens with a section's label is read as one task."""
    from mstrack.sources.table.list_part_labels import section_parts
    from mstrack.sources.table.reading import Row

    rows = [Row(k, [text]) for k, text in enumerate(
        ["（一）环境提升", "1.工作目标。干净整洁。", "2.重点路段", "牵头单位：区住建局"], 1)]
    assert section_parts(rows) == rows


POINTS = [
    "2023年某片区安全生产工作要点",
    "以习近平新时代中国特色社会主义思想为指导，制定本要点。",
    "一、健全落实机制",
    "1.精准领会。",
    "深入学习贯彻安全生产重要论述，每季度召开一次专题会议。",
    "(各处室按职责分工负责)",
    "2.狠抓落实。",
    "一是建立重大决策部署落实机制。",
    "二是持续强化季度会议、半年分析。",
    "(各联合党委、农业农村处按职责分工负责)",
    "二、抓实专项整治",
    "3.开展建筑施工安全专项整治。",
    "聚焦深基坑、危大工程，深入实施自建房安全专项整治行动。",
    "(交通与建设处负责)",
    "三、工作要求",
    "各单位要高度重视，认真抓好落实。",
]


def test_paragraphs_under_an_item_closed_by_a_bracket_of_offices_are_its_content(tmp_path):
    """"1.精准领会。" over its paragraphs and, on a line of its own after them, "(各处室按职责分工负责)": the paragraphs
    are the item's content and the bracket its offices, as a "责任单位：" line closing them would be; the list is read,
    not refused for its unnumbered lines."""
    tasks = text_tasks(tmp_path, POINTS, 2023)
    assert [(t.code, t.title) for t in tasks] == [("1", "精准领会"), ("2", "狠抓落实"), ("3", "开展建筑施工安全专项整治")]
    assert [sorted(u for line in t.lines for u in line.lead_units) for t in tasks] == [
        ["各处室"], ["农业农村处", "各联合党委"], ["交通与建设处"]]  # "A、B按职责分工负责": both lead (README)



def test_a_part_s_introduction_over_its_items_is_no_end_of_the_run():
    """"二、明确任务，落实责任" over "根据…，确保…完成。" over "1.…": the paragraph is the part's note, so the run of items
    starts at the part's heading (and the items are read within it); a paragraph under a heading with no item "1." after
    it stays what it was."""
    from mstrack.sources.table.list_numbered import entry_of
    from mstrack.sources.table.list_part_labels import heading_intros
    from mstrack.sources.table.reading import Row

    texts = ["一、提高认识，加强领导", "各乡镇要把造林绿化作为重要内容。", "二、明确任务，落实责任",
             "根据省政府下达的目标任务，确保今年各项造林绿化目标任务圆满完成。", "1.绿色村镇造林2000亩。", "2.封山育林1万亩。"]
    rows = [Row(k, [text]) for k, text in enumerate(texts, 1)]
    found = heading_intros(rows, [entry_of(row) for row in rows])
    assert [None if e is None else e.kind for e in found] == ["heading", None, "heading", "note", "item", "item"]


def test_items_numbered_inside_one_of_the_plan_s_parts_are_coded_by_it():
    """Items "1." … under "二、明确任务，落实责任", the table holding the plan's other part "一、…" with none: the items are
    the part's, coded "二1" …, as items of one group "(一)" are (numbered_in_one_group); under a part naming the
    programme's tasks ("二、主要任务"), or with no other part read, they keep their own numbers."""
    from mstrack.model import Area
    from mstrack.sources.table.raw import RawTask
    from mstrack.sources.table.reading import Row
    from mstrack.sources.table.titles import numbered_in_one_group

    tasks = [RawTask(code=str(k), title="造林", area="二", row=Row(k, [])) for k in (1, 2, 3)]
    parts = [Area(code="一", name="提高认识，加强领导"), Area(code="二", name="明确任务，落实责任")]
    assert numbered_in_one_group(tasks, parts)
    assert not numbered_in_one_group(tasks, parts[1:])
    assert not numbered_in_one_group(tasks, [parts[0], Area(code="二", name="主要任务")])



ACTIVITIES = [
    "某乡大讨论活动实施方案",
    "一、讨论主题",
    "聚精神、勇担当，掀起新一轮创业热潮。",
    "二、方法步骤",
    "（一）抓好学习对照（2018年8月－9月上旬）",
    "组织党员干部认真学习有关文件精神，对照查找差距。",
    "（二）开展系列专题活动（2018年9月-11月）",
    "通过开展三项专题活动，把大讨论引向深入。",
    "1.开展专题宣传活动，营造浓厚氛围。",
    "责任领导：林 娟",
    "责任部门：宣传办",
    "2.开展支部党日活动，组织党员开展主题党日活动。",
    "责任领导：何 彪、高凌霞",
    "责任部门：组织办、各党支部",
    "3.开展“四下基层”活动，组织机关干部走访群众。",
    "责任领导：乡党政领导班子成员",
    "责任部门：各所站办",
    "三、工作保障",
    "各党支部要加强组织领导，确保活动取得实效。",
]


def test_a_leaders_line_over_the_offices_line_is_the_item_s_and_the_items_are_coded_by_part_and_group(tmp_path):
    """"责任领导：林 娟" (persons) over "责任部门：宣传办" under each item: the leaders are the item's own, no contact, so the
    offices labelled after them are the item's too and the run goes on; the list, read from its group's heading
    "（二）…", is coded within its part "二、方法步骤" above: 二(二)1 …"""
    tasks = text_tasks(tmp_path, ACTIVITIES, 2018)
    assert [(t.code, [u for line in t.lines for u in line.lead_units]) for t in tasks] == [
        ("二(二)1", ["宣传办"]), ("二(二)2", ["组织办"]), ("二(二)3", ["各所站办"])]


def test_a_contact_stays_an_aside_and_a_leader_is_the_item_s():
    from mstrack.sources.table.list_labels import note_label

    assert note_label("联系人：王五") == ("", "联系人：王五")
    assert note_label("责任领导：林 娟") == ("责任领导", "林 娟")


WORKS = [
    "某片区创建文明城市工作方案",
    "一、工作目标",
    "以测评体系为依据，全面提升片区文明程度。",
    "二、工作重点",
    "（一）办公楼周边环境提升",
    "工作目标：①在显著位置设置公益广告（2幅）。",
    "工作举措：①于6月底前完成设置；",
    "②每日清除积存垃圾、纸屑、烟蒂。",
    "牵头处室：党政办公室",
    "配合单位：交通与建设处、综合执法队筹建组、白沙街沿线的相关村",
    "（二）环境卫生保洁提升",
    "1.重点景区景点",
    "重点景区景点主要包括石牌洋、北部生态廊道。",
    "工作目标：①干净整洁，垃圾清运及时。",
    "牵头处室：社会事业处",
    "2.重点路段",
    "工作目标：①垃圾清运及时，无积存垃圾。",
    "牵头处室：交通与建设处",
    "配合单位：城乡交建中心养护站、环发公司",
    "（三）宣传氛围提升",
    "工作目标：①宣传氛围浓厚。",
    "牵头处室：党群工作处",
    "三、工作要求",
    "各处室要高度重视，确保各项工作落到实处。",
]


def test_a_group_s_parts_with_their_content_points_and_helpers_are_read_to_the_end(tmp_path):
    """Under "（一）…" a labelled paragraph whose points "②…" stand on lines of their own (the paragraph's still), and a
    "配合单位：" line naming some helpers by other than an office's name (a 筹建组, the villages along a street) under its
    "牵头处室：" line (the item's units still); under "（二）…" its parts "1.重点景区景点" each over a paragraph of content
    and then its labelled lines: none of these ends the list, read to "（三）…"."""
    tasks = text_tasks(tmp_path, WORKS, 2023)
    assert [(t.code, [u for line in t.lines for u in line.lead_units]) for t in tasks] == [
        ("二(一)", ["党政办公室"]), ("二(二)1", ["社会事业处"]), ("二(二)2", ["交通与建设处"]), ("二(三)", ["党群工作处"])]
    assert "交通与建设处" in [u for line in tasks[0].lines for u in line.units]


def test_circled_points_on_lines_of_their_own_join_the_paragraph_above():
    from mstrack.sources.table.list_part_labels import circled_points
    from mstrack.sources.table.reading import Row

    rows = [Row(1, ["工作举措：①于6月底前完成；"]), Row(2, ["②每日清除垃圾。"]), Row(3, ["③全面排查。"]), Row(4, ["②另起一段。"])]
    assert [r.cells for r in circled_points(rows)] == [["工作举措：①于6月底前完成；②每日清除垃圾。③全面排查。"], ["②另起一段。"]]


def test_a_date_bracket_closing_an_item_s_name_is_its_deadline():
    """"（三）升级集体“三资”公开系统（10月底前）。配合…" and "（一）排查整改问题。（12月15日前）。…": the bracket closing the
    item's name gives its 完成时限, its words kept whole; a date inside the item's later sentences gives none."""
    from mstrack.sources.table.list_deadlines import own_deadlines

    header = ["序号", "工作任务", "责任单位"]
    rows = [["1", "（三）升级集体“三资”公开系统（10月底前）。配合完成平台数据对接。", ""],
            ["2", "（一）排查整改问题。（12月15日前）。全面开展问题排查。", ""],
            ["3", "（二）宣传推广平台。加大宣传力度（10月底前）。", ""]]
    header, rows = own_deadlines(header, rows)
    assert header[-1] == "完成时限"
    assert [cells[-1] for cells in rows] == ["10月底前", "12月15日前", ""]
    assert rows[0][1].endswith("配合完成平台数据对接。")
