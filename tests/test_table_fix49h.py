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
