"""Issue 13, held58c: the rest of the fiftieth held-out set's structures — a closing section's measures that are one
kind of body's work — each read by its structure on a small text of its own."""

from __future__ import annotations

from datetime import date

from mstrack.sources.table.list_doers import paragraph_doers
from mstrack.sources.table.mentions import find_mentions

from .conftest import text_tasks
from .test_table_held58b import DUTIES, SERVICE_NAMES, SERVICES
from .test_table_layouts import indicators


def _leads(task) -> list[str]:
    return [u for line in task.lines for u in line.lead_units]


def _units(task) -> list[str]:
    return [u for line in task.lines for u in line.units if u not in _leads(task)]


MEASURES = DUTIES[:-3] + ["（一）加强应急值守。各医疗卫生机构要落实24小时应急值守制度。",
                          "（二）做好物资储备。各医疗卫生机构要做好药品物资准备。",
                          "（三）做好应急准备。各医疗卫生机构要成立卫生应急工作组，区疾控中心要完善防控工作流程。"]


def test_a_closing_sections_measures_of_one_kind_of_body_are_its_tasks(tmp_path):
    """"三、保障措施" over items each opening its sentences with the same kind of body named whole ("各医疗卫生机构
    要…"): the section's measures are that kind's work — tasks coded by the section, led by the kind (wrong51a), an
    office named after it a unit ("区疾控中心要…"), due as the list's items are."""
    tasks = text_tasks(tmp_path, MEASURES)
    measures = [t for t in tasks if t.code.startswith("三")]
    assert [(t.code, _leads(t), _units(t)) for t in measures] == [
        ("三(一)", ["各医疗卫生机构"], []), ("三(二)", ["各医疗卫生机构"], []), ("三(三)", ["各医疗卫生机构"], ["区疾控中心"])]
    assert measures[0].title == "加强应急值守。各医疗卫生机构要落实24小时应急值守制度。"
    assert {t.deadline for t in measures} == {date(2024, 9, 30)}


def test_a_closing_sections_requirements_on_the_addressees_at_large_are_no_tasks(tmp_path):
    """"各单位要…" in every item (the addressees at large), or a kind in some items only: requirements on offices,
    no tasks (close47), the list's duties read as before."""
    at_large = [line.replace("各医疗卫生机构", "各单位") for line in MEASURES]
    mixed = [*MEASURES[:-2], "（二）做好物资储备。要做好药品物资准备。", MEASURES[-1]]
    for lines in (at_large, mixed):
        tasks = text_tasks(tmp_path, lines)
        assert [t.code for t in tasks] == ["二(二)1", "二(二)2", "二(二)3"]


def _read(text: str) -> list[tuple[float, str]]:
    return [(m.value, m.unit) for m in find_mentions(text, 2024)]


def test_rates_of_a_typed_disease_each_take_the_figure_after_a_basis_kept():
    """"在保持现有A人数24000和B人数8000的基础上…确保A和2型B规范管理率均达到60%以上": the counts to keep are targets
    in 人 (a count of persons named before its bare figure; 保持 the present level the aim, no stock), the basis's words
    no part of the rates after it, and a type's number in a name ("2型") no figure that stops 均 giving each rate 60%."""
    text = ("争取在保持现有高血压患者健康管理人数24000和2型糖尿病患者健康管理人数8000的基础上应逐年有增加并确保现管的"
            "高血压和2型糖尿病患者规范管理率均达到60%以上。")
    assert _read(text) == [(24000, "人"), (8000, "人"), (60, "%"), (60, "%")]
    assert _read("确保高血压和2型糖尿病患者规范管理率均达到60%以上。") == [(60, "%"), (60, "%")]


def test_a_stock_in_place_and_a_bare_count_stay_no_targets():
    """"现有…" without 保持 is the stock in place; a bare figure after no count of persons is none."""
    assert _read("现有养老床位1200张。") == []
    assert _read("热线号码12345。") == []


def test_a_kind_of_institution_named_whole_without_each_leads_its_item(tmp_path):
    """"（四）孕产妇健康管理。助产技术服务机构要与…": a kind of institution named whole, with no 各 or level before it, is
    the item's doer and lead as "各X机构" is; a kind of the public the plan regulates ("养殖场(户)要…") names none."""
    lines = [line.replace("规范服务流程，孕产妇", "助产技术服务机构要与基层医疗卫生机构信息互通，规范服务流程，孕产妇")
             for line in SERVICES]
    assert lines != SERVICES
    tasks = text_tasks(tmp_path, lines)
    assert (tasks[3].title.split("。")[0], _leads(tasks[3])) == ("孕产妇健康管理", ["助产技术服务机构"])
    assert _leads(tasks[2]) != ["助产技术服务机构"]
    assert paragraph_doers("做好免疫记录。养殖场(户)要详细记录畜禽存栏情况。", opening=True) == []
    assert paragraph_doers("做好培训。机构要开展培训。", opening=True) == []
    assert paragraph_doers("做好培训。医疗机构要开展培训。", opening=True) == []


PARTS = [*SERVICES,
         "2024年度按全区人口数分解下达工作任务，具体工作要求按要求贯彻执行（详见附件）。",
         "三、开展家庭医生签约服务。",
         "巩固一般人群30%签约率，重点人群60%签约率，精准扶贫对象全覆盖。逐步推进履约服务，确保履约全覆盖。",
         "四、经费保障",
         "（一）资金预算。区财政部门将专项资金纳入年度预算足额安排，人均补助标准从50元提高至55元。",
         "（二）资金拨付。经费采取先预拨、后结算的方式，确保资金及时足额到位。",
         "五、工作要求",
         "（一）加强组织领导。各单位要高度重视。",
         "（二）强化督导。区卫计局要定期督导。"]


def test_a_later_part_over_its_one_paragraph_setting_figures_joins_the_list(tmp_path):
    """A plan's "(一)" list read, a later part's heading over its one paragraph setting figures ("三、开展家庭医生签约服务。"
    over "巩固一般人群30%签约率，…") is the part's one task of the same plan, titled by the heading without its stop
    (read50c); the later runs' other items — funding rules, requirements — stay out."""
    tasks = text_tasks(tmp_path, PARTS)
    assert [t.title.split("。")[0] for t in tasks] == [*SERVICE_NAMES, "开展家庭医生签约服务"]
    assert tasks[-1].code.startswith("三") and tasks[-1].title == "开展家庭医生签约服务"
    assert [(i[1], i[2]) for i in indicators(tasks[-1])] == [("%", 30), ("%", 60)]


def test_a_later_part_setting_no_figure_joins_nothing(tmp_path):
    """A later part's paragraph with no figure ("三、…" over "精准扶贫对象全覆盖。") is no task joined."""
    lines = [line.replace("巩固一般人群30%签约率，重点人群60%签约率，", "") for line in PARTS]
    assert [t.title.split("。")[0] for t in text_tasks(tmp_path, lines)] == SERVICE_NAMES
