"""Issue 13, wrong51a: facts the reader still got wrong in five prose plans, each read by its structure on a small
table of its own."""

from __future__ import annotations

from .conftest import convert_written


def _tasks(tmp_path, lines: list[str], year: int = 2022):
    return convert_written(tmp_path, "plan.txt", "\n".join(lines) + "\n", year).programme.tasks


def _offices(task) -> tuple[list[str], list[str]]:
    return task.lines[0].lead_units, task.lines[0].units


VILLAGES = ["某片区2022年动物防疫工作计划",
            "一、总体要求",
            "坚持防疫优先，切实筑牢动物防疫屏障。",
            "二、主要任务",
            "（一）实行先打后补。各村可采取养殖场(户)自行免疫、政府购买服务等多种形式，全面推进先打后补工作。",
            "（二）严格疫苗管理。养殖场自购疫苗的，应通过正规渠道采购合法合格产品。",
            "（三）加强宣传引导。各有关部门要充分利用电视、广播等多种形式开展防疫宣传。",
            "（四）开展抽样检测。全年安排抽检125个样品。各乡镇抽检任务如下：甲乡60个、乙镇65个。",
            "（五）落实报告制度。各村按月报告疫苗使用及免疫情况，按时报片区农业农村处。",
            "（六）强化工作协调。各责任单位要加强沟通协作，形成工作合力。",
            "（七）加强指导服务。我局将派员指导各村开展免疫工作。各村要认真组织实施。",
            "三、保障措施",
            "（一）加强组织领导。片区对辖区内动物防疫工作负总责。"]


def test_every_body_of_a_kind_opening_an_items_sentence_leads_it(tmp_path):
    """"（一）名。各村可采取…", "各村按月报告…": every body of a kind named as the subject of an item's sentence is its
    doer, the lead (tests/data/tables/README.md, "Every body of a kind as a sentence's doer"); a kind left open
    ("各有关部门要…") names none, nor do the plan's own roles ("各责任单位要…"), nor does a list's lead-in
    ("各乡镇抽检任务如下：…": the towns' shares, no doer), nor a later sentence of an item the plan's issuer opens as its
    own work ("我局将派员指导…。各村要…")."""
    tasks = {t.code: t for t in _tasks(tmp_path, VILLAGES)}
    assert list(tasks) == [f"二({n})" for n in "一二三四五六七"]
    assert _offices(tasks["二(一)"]) == (["各村"], [])
    assert _offices(tasks["二(五)"]) == (["各村"], [])
    for code in ("二(二)", "二(三)", "二(四)", "二(六)", "二(七)"):
        assert [u for u in [*_offices(tasks[code])[0], *_offices(tasks[code])[1]] if u != "（表中未列）"] == [], code
    assert tasks["二(一)"].title.startswith("实行先打后补。各村可采取")


LABELLED_VILLAGES = ["某片区2022年人居环境整治工作方案",
                     "一、工作任务",
                     "（一）开展村庄清洁行动。清理房前屋后垃圾。",
                     "牵头单位：各村",
                     "（二）推进厕所改造。完成改厕任务。",
                     "牵头单位：片区农业农村处；配合单位：各村（居）",
                     "（三）整治沟渠河道。清理沟渠淤泥。",
                     "牵头单位：片区资源生态处"]


def test_a_lead_label_naming_every_village_labels_its_item(tmp_path):
    """"牵头单位：各村" under an item: the towns of a kind are an office where a label says one stands
    (units.office_list's `towns`), the item's lead, and the list goes on past it."""
    tasks = {t.code: t for t in _tasks(tmp_path, LABELLED_VILLAGES)}
    assert list(tasks) == ["一(一)", "一(二)", "一(三)"]
    assert [_offices(t) for t in tasks.values()] == [
        (["各村"], []), (["片区农业农村处"], ["各村（居）"]), (["片区资源生态处"], [])]


OPENED_BY_OFFICE = ["某县2019年民生工程督查情况通报",
                    "一、牵头部门实施情况",
                    "（一）县教育局：学前教育促进工程。幼师培训任务500人，年底前完成。",
                    "（二）县住建局：棚户区改造工程。新开工1827户，年底前完成。",
                    "（三）县农业农村局：卫生厕所改造项目。全年任务12000户，各乡镇正分别与施工单位签订合同。"]


def test_an_item_opened_by_its_office_keeps_it_as_lead(tmp_path):
    """"（三）县农业农村局：…。…各乡镇正分别与…": the office opening the item leads it; a body named in its later
    sentences is no doer read in its place (list_doers reads an item's own paragraph only where nothing names its
    offices)."""
    tasks = {t.code: t for t in _tasks(tmp_path, OPENED_BY_OFFICE, 2019)}
    assert _offices(tasks["一(三)"])[0] == ["县农业农村局"]


AFFORESTATION = ["某综〔2015〕48号", "某区管委会关于切实加强2015年造林绿化工作的通知",
                 "区直有关单位、各乡镇人民政府：",
                 "现将2015年造林绿化任务分配到相关责任单位，并就做好相关工作通知如下：",
                 "一、提高认识，加强领导",
                 "持续加强造林绿化工作。",
                 "二、明确任务，落实责任",
                 "1.绿色村镇任务2000亩，任务分解下达到乡镇、村实施。",
                 "2.森林抚育面积1万亩，按各乡镇林地面积下达到乡镇实施，区森林管理局负责设计、技术指导和检查验收。",
                 "3.绿色通道任务1000亩，主要是新区道路绿化，由区园林公司结合道路建设进展负责实施。",
                 "4.屏障绿化造林工程2000亩。责任单位：各乡镇（林业站）、区森林管理局。",
                 "5.生物防火林带建设工程590亩。责任单位：相关乡镇、区森林管理局。",
                 "6.吹沙地营造防护林项目1900亩；实施单位：区金井湾片区管理局和区森林管理局。",
                 "7.火烧迹地更新营造防护林工程1000亩，责任单位：平原镇政府、区森林管理局。",
                 "三、强化措施，做好督查",
                 "一要做好规划。二要落实地块。"]


def test_an_item_naming_its_doer_in_its_last_clause_among_labelled_items(tmp_path):
    """pingtan-2015-zaolin: items "1." of one sentence each, the others labelling their offices ("责任单位：…"): an item
    whose last clause names an office and its duty ("…，区X局负责设计…", "…，由区X公司结合…负责实施") is led by that
    office, the clause kept in its title; an item naming none has none."""
    tasks = {t.code: t for t in _tasks(tmp_path, AFFORESTATION, 2015)}
    assert list(tasks) == [f"二{n}" for n in range(1, 8)]
    assert _offices(tasks["二2"])[0] == ["区森林管理局"]
    assert _offices(tasks["二3"])[0] == ["区园林公司"]
    assert tasks["二3"].title.endswith("由区园林公司结合道路建设进展负责实施。")
    assert _offices(tasks["二1"])[0] in ([], ["（表中未列）"])
    assert _offices(tasks["二4"])[0] == ["各乡镇（林业站）"]


def test_an_office_in_the_last_clause_of_an_unlabelled_list_is_left(tmp_path):
    """The same items with no sibling labelling its offices: the list does not assign its work item by item, and a
    duty in an item's last clause is left as words (no office read from it)."""
    lines = [line for line in AFFORESTATION if not line.startswith(("4.", "5.", "6.", "7."))]
    tasks = {t.code: t for t in _tasks(tmp_path, lines, 2015)}
    assert sorted(tasks) == ["二1", "二2", "二3"]
    assert all(_offices(t)[0] in ([], ["（表中未列）"]) for t in tasks.values())


DUTIES = ["某区商品砼市场专项整治方案", "五、责任分工",
          "（一）区市场监管局牵头涉嫌垄断调查整治工作。区市场监管局负责调查商品砼公司的垄断行为线索。"
          "区行政审批局，负责提供商品砼企业档案资料。",
          "（二）区交建局牵头销售产能调查整治工作。区交建局负责摸底我区商品砼销售价情况。",
          "（三）区公安局牵头涉黑涉恶调查整治工作。区公安局负责调查涉黑涉恶案件线索，依法予以立案查处。"
          "区市场监管局、区属国有企业发现相关涉黑涉恶线索的，移交区公安局。",
          "（四）区执法应急局，负责调查商品砼企业砂石来源是否合法。",
          "六、工作要求", "（一）高度重视。各有关部门要进一步提高思想认识。"]


def test_offices_a_later_sentence_opens_with_as_its_subject_are_units(tmp_path):
    """pingtan-2021-shangpintong 五(三): "（三）A牵头…。A负责…。B、C发现…线索的，移交A。": the run of offices opening a later
    sentence as its subject, its verb right after them, are the item's units, as those before a comma or a role are."""
    tasks = {t.code: t for t in _tasks(tmp_path, DUTIES, 2021)}
    assert _offices(tasks["五(三)"])[0] == ["区公安局"]
    assert set(_offices(tasks["五(三)"])[1]) - {"区公安局"} == {"区市场监管局", "区属国有企业"}
    assert set(_offices(tasks["五(一)"])[1]) - {"区市场监管局"} == {"区行政审批局"}


TARGETS_THEN_MEASURES = ["某区管委会关于下达2013年全区造林绿化目标任务的通知",
                         "某综〔2013〕19号",
                         "各乡镇人民政府，区直各单位：",
                         "一、加强领导，提高认识",
                         "需要全区上下提高对生态建设重要性的认识。",
                         "二、明确任务，落实责任",
                         "1.绿色城市绿化计划完成1420亩。（责任单位：各组团指挥部、绿化办）。",
                         "2.绿色村镇绿化计划完成2392亩。（责任单位：各乡镇（村）、县农村发展局）。",
                         "3.绿色通道绿化计划完成1527亩。（责任单位：区森林园林有限公司）。",
                         "4.全民义务植树60万株。（责任单位：各乡镇人民政府）。",
                         "三、备足苗木，科学造林",
                         "1.落实苗木。各乡镇和相关单位要根据造林绿化任务，切实做好苗木调度。",
                         "2.科学种植。根据树种的生物学特性，科学配置树种、方式、比例、结构和密度。",
                         "3.加强指导。区、县林业部门要继续派出造林绿化工作队，加强技术指导。",
                         "四、落实政策，创新机制",
                         "1.继续实施造林绿化优惠政策，鼓励群众利用抛荒地种植经济林。",
                         "2.鼓励机关、企事业单位通过捐资、认养、义务植树等方式参与建设纪念林。"]


def test_parts_of_measures_after_the_assigned_targets_are_no_tasks(tmp_path):
    """pingtan-2013-zaolin: "二、明确任务，落实责任" 1.–4., each a figure and its offices, then "三、备足苗木…" and
    "四、落实政策…", whose items name no office, set no figure and name no date: the plan's measures and policies, no
    tasks (list_sections.measures_after). A later part whose items set figures stays a part of the list."""
    tasks = _tasks(tmp_path, TARGETS_THEN_MEASURES, 2013)
    assert [t.title[:4] for t in tasks] == ["绿色城市", "绿色村镇", "绿色通道", "全民义务"]
    lines = [*TARGETS_THEN_MEASURES[:14], "四、加快林业项目建设",
             "1.新建苗圃2处。（责任单位：县林业局）。", "2.改造林道15公里。（责任单位：县林业局）。"]
    assert [t.code for t in _tasks(tmp_path, lines, 2013)] == ["二1", "二2", "二3", "二4", "四1", "四2"]
