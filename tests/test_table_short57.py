"""Issue 13, short57: the corpus files still short. A group's heading over its one paragraph closed by its offices
("（三）乡镇船舶" over "…。（牵头单位：…）") is titled by the heading's name, the paragraph its content (README: a name on a
line of its own over its paragraph); an item's second date, the programme's year's end named as a day ("…，2020 年底前要
对…核查"), dates its clause, so the item is due then and its earlier date is a checkpoint."""

from __future__ import annotations

import datetime

from .conftest import text_tasks

GROUPS = ["某区景区安全管理专项整治工作方案", "一、总体要求", "压实安全责任。", "二、整治内容", "（一）景区",
          "1.健全完善安全生产和应急管理制度。", "2.加强大型游乐设施的管理和维护保养。",
          "3.在危险区域设置安全警示标识。（区旅游文体局、旅游文化中心负责，各相关责任单位配合）",
          "（二）非景区景点", "1.在涉水隐患重点区域设置安全警示标识标牌。（区资源生态局负责，各片区管理局配合）",
          "2.加强沙滩、礁石等区域管理。（区执法应急局、城乡交建中心负责，片区管理局配合）"]


def test_a_groups_one_paragraph_is_titled_by_the_groups_name_its_dates_and_figures_the_tasks(tmp_path):
    """"（三）乡镇船舶" over one paragraph closed by its labelled offices: the task 二(三) titled "乡镇船舶", the paragraph's
    step (9月底前) its checkpoint and its figure (3 个) its target, as a content column's are."""
    lines = [*GROUPS, "（三）乡镇船舶",
             "全面摸排乡镇船舶基本情况并登记造册，9月底前建立台账，新建停泊点3个。（牵头单位：区农业农村局；责任单位：区公安局）",
             "三、实施步骤", "本方案自印发之日起开展为期3个月专项整治。"]
    task = text_tasks(tmp_path, lines, 2021)[-1]
    assert (task.code, task.title) == ("二(三)", "乡镇船舶")
    assert (task.lines[0].lead_units, task.lines[0].units) == (["区农业农村局"], ["区公安局"])
    assert [c.due for c in task.lines[0].checkpoints] == [datetime.date(2021, 9, 30)]
    assert [(i.target, i.unit) for i in task.lines[0].indicators] == [(3, "个")]


CHECKS = ["某区危险化学品安全隐患大排查大整治实施方案", "一、工作目标", "通过大排查大整治，坚决遏制事故。", "二、整治重点",
          "（一）加强风险管控", "1.严把建设项目关。严格审查建设项目。（牵头单位：区执法应急局；责任单位：区经发局）",
          "2.加大隐患排查治理力度。{words}（牵头单位：区执法应急局；责任单位：区经发局）",
          "3.加强各环节安全监管。认真排查储存环节。（牵头单位：区执法应急局；责任单位：区公安局）",
          "三、工作要求", "（一）加强组织领导", "坚持统一部署。"]


def _checked(tmp_path, words: str):
    return text_tasks(tmp_path, [line.format(words=words) for line in CHECKS], 2020)[1]


def test_the_programmes_year_end_as_a_second_date_is_the_items_deadline(tmp_path):
    """"在2020年6月底前完成自查…。…，2020 年底前要对…核查" (a space as printed): the year's end dates its clause as "12月底前"
    would; the item is due then, the month's end a checkpoint."""
    task = _checked(tmp_path, "督促企业在 2020年6月底前全面完成自查工作。组织开展许可“回头看”，2020 年底前要对企业逐一再次进行核查。")
    assert task.deadline == datetime.date(2020, 12, 31)
    assert datetime.date(2020, 6, 30) in [c.due for c in task.lines[0].checkpoints]


def test_the_programmes_year_end_alone_dates_the_item(tmp_path):
    """"…，2020年底前要对…核查" the item's only date: due at the year's end; "2020年出台…" (the year alone) still dates
    nothing."""
    assert _checked(tmp_path, "组织开展许可“回头看”，2020年底前要对企业逐一再次进行核查。").deadline == datetime.date(2020, 12, 31)
    assert _checked(tmp_path, "组织开展许可“回头看”，2020年出台核查办法。").deadline is None


ROLES = ["某区生活垃圾分类实施工作方案", "一、工作目标", "全面推行生活垃圾分类。", "二、主要任务", "（一）完善分类设施",
         "1.确定垃圾分类屋选址。垃圾分类外包单位协助各村居及物业公司确定垃圾分类屋选址，合理设计投放点。",
         "2.开展垃圾屋建设。由垃圾分类外包单位按照选址方案，因地制宜建设垃圾分类屋。",
         "3.组织实施分类。由村居牵头，垃圾分类外包单位具体负责，依据合同，组织开展垃圾分类工作。",
         "4.检查落实情况。由片区分类办牵头组织对垃圾分类工作进行检查、考评。",
         "（二）下放监管权限", "1.授权区卫生监督所将公共场所卫生许可由审批制改为告知承诺制。由申请人签订承诺书并提供法定材料。",
         "2.下放现场审查权限。由基层医疗卫生机构负责对辖区内医疗机构年度校验的现场审查。",
         "3.压实监管责任。基层医疗卫生机构对辖区村卫生所的日常监管负有主体责任，要强化监管力度。",
         "4.推行网上登记。群众可以登录官网办理和查询。", "三、保障措施", "（一）加强组织领导。各单位要高度重视。"]


def test_offices_named_in_a_clause_by_their_part_in_the_work_are_the_items(tmp_path):
    """A one-line item naming no office after its words, whose clause names one by its part: "由X牵头，Y具体负责" (X leads,
    Y a unit), "由X按照…" and "由X牵头组织…" (the agent), "授权X将…" (the body authorised), "X对…负有主体责任" (the
    subject charged), "X协助Y及Z确定…" (X the doer, Y and Z the units): any office's name, whatever its level ("村居",
    "基层医疗卫生机构"); a person ("由申请人…") and an item naming none ("群众可以…") have no office."""
    tasks = text_tasks(tmp_path, ROLES, 2020)
    assert [(t.lines[0].lead_units, t.lines[0].units) for t in tasks] == [
        (["垃圾分类外包单位"], ["各村居", "物业公司"]), (["垃圾分类外包单位"], []), (["村居"], ["垃圾分类外包单位"]),
        (["片区分类办"], []), (["区卫生监督所"], []), (["基层医疗卫生机构"], []), (["基层医疗卫生机构"], []),
        (["（表中未列）"], [])]
    assert tasks[2].title == "组织实施分类。由村居牵头，垃圾分类外包单位具体负责，依据合同，组织开展垃圾分类工作。"


def test_a_stages_item_keeps_the_offices_printed_after_its_words(tmp_path):
    """"（一）前期准备阶段（6月15日-8月15日前）" over "1.…。（牵头单位：区城管局）" after a part of duties: the item's bracket
    its offices, as any item's, no part of its title; due at its stage's end."""
    lines = ["某片区生活垃圾分类实施工作方案", "一、工作目标", "到2020年底，全面推行生活垃圾分类。", "二、工作职责",
             "城乡管理处（分类办）：统筹开展分类工作：1.制定实施方案；2.牵头组织分类屋建设。",
             "党政办公室：1.负责督查各村居工作；2.做好专项资金保障工作。", "社会事业处：协助做好学校、医院等场所分类工作。",
             "三、实施步骤", "（一）前期准备阶段（6月15日-8月15日前）", "1.成立领导小组。成立工作领导小组。（牵头单位：党政办公室）",
             "2.开展业务培训。组织村居工作人员培训。", "（二）组织试点阶段（7月1日—8月31日）", "1.确定试点单位。选定两个小区作为试点单位。",
             "（三）持续推广阶段（9月1日—12月31日）", "1.细化完善方案。各村居制定具体的实施细案。"]
    staged = [t for t in text_tasks(tmp_path, lines, 2020) if t.code.startswith("三")]
    assert [t.code for t in staged] == ["三(一)1", "三(一)2", "三(二)1", "三(三)1"]
    assert staged[0].title == "成立领导小组。成立工作领导小组。"
    assert staged[0].lines[0].lead_units == ["党政办公室"]
    assert staged[0].deadline == datetime.date(2020, 8, 15)


def test_a_clause_naming_no_office_by_its_part_gives_none():
    """"由此带来的…" (thereby), "由于…" (because), a kind left open charged or given a role ("企业对…负有主体责任", "由医院
    负责…"), a person ("由申请人…") and an office in a bracket after the words already (its own line) give no doers."""
    from mstrack.sources.table.list_doer_lines import role_clause_cell

    for text in ["1.推进改革。由此带来的问题要及时处理。", "1.推进改革。由于情况复杂，要加强指导。",
                 "1.落实责任。企业对安全生产负有主体责任。", "1.落实责任。由医院负责日常管理。", "1.简化材料。由申请人提交承诺书。",
                 "1.推进改革。由区卫健局负责。（区卫健局）"]:
        assert role_clause_cell(text) == "", text
    assert role_clause_cell("1.推进改革。由乡镇政府负责组织实施，村委会配合。") == "牵头单位：乡镇政府；配合单位：村委会"
