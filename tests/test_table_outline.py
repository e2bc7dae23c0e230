"""fallback64 (issue 13): a prose document every other reader refuses, read by its numbered outline as a last resort
(sources/table/outline.py) rather than refused: its work's items as tasks, each a doubt, the reading said plainly and
refused by `--strict`; a document that is no plan stays refused."""

from __future__ import annotations

import pytest

from mstrack.errors import InputError
from mstrack.sources.table import convert, convert_table

from .conftest import import_table, refused

# a notice of parts in no layout another reader knows: a part of one paragraph, a part over its measures each run into
# its sentences, a part over its paragraph naming its doers; and a closing exhortation, a signature and its date
NOTICE = [
    "某县水利局关于进一步做好节约用水工作的通知",
    "各乡镇、县直有关单位：",
    "今年以来降雨偏少，供水形势严峻。现就节约用水工作通知如下：",
    "一、增强节水意识",
    "认真学习节约用水有关法规，树立良好的节约用水意识。",
    "二、落实节水责任",
    "（一）落实常态化节水措施。各乡镇应制定节水措施方案，2024年5月底前",
    "（二）抓实合理化用水管理。县住建局牵头，县自来水公司配合，推广节水型器具1000套。",
    "三、强化节水宣传",
    "各单位应利用宣传栏等途径，采取多种形式开展节水宣传工作。",
    "希望各单位严格遵守节约用水相关规定。",
    "某县水利局",
    "2024年4月29日",
]


def _written(tmp_path, lines, name="notice.txt"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_an_outline_no_reader_fits_is_read_as_tasks_each_a_doubt(tmp_path):
    conversion = convert_table(_written(tmp_path, NOTICE), "x-2024", 2024)
    tasks = conversion.programme.tasks
    assert [t.code for t in tasks] == ["一", "二(一)", "二(二)", "三"]  # the leaves, coded as printed
    assert tasks[0].title == "增强节水意识"  # a name over its paragraph: the name
    assert tasks[1].title.startswith("落实常态化节水措施。各乡镇应制定")  # a name run into its sentences: the whole item
    assert [(t.lines[0].lead_units, t.lines[0].units) for t in tasks[1:]] == [
        (["各乡镇"], []), (["县住建局"], ["县自来水公司"]), (["各单位"], [])]
    assert str(tasks[1].deadline) == "2024-05-31"  # the date rules read its words
    assert [(i.target, i.unit) for line in tasks[2].lines for i in line.indicators] == [(1000, "套")]
    assert conversion.best_effort is not None and "outline of last resort" in str(conversion.best_effort)
    assert "no reader fits this document" in str(conversion.summary[0])
    assert any("outline of last resort: check each task" in str(d) for d in conversion.doubts)  # said once for all
    checked = [key for key, said in conversion.comments.items() if "outline of last resort" in str(said)]
    assert len(checked) == 4  # every task's `# check:` comment


def test_strict_refuses_an_outline_read_as_a_last_resort(tmp_path):
    path = _written(tmp_path, NOTICE)
    result, out = import_table(path, "--strict")
    refused(result, "--strict: ", "no reader fits the document: read as an outline of last resort")
    assert not out.exists()  # nothing written
    result, out = import_table(path)
    assert result.exit_code == 0, result.output
    assert "no reader fits this document" in result.stderr
    assert out.read_text(encoding="utf-8").count("# check:") >= 4  # each task marked for review


def test_the_last_resort_is_said_in_chinese(tmp_path):
    result, _ = import_table(_written(tmp_path, NOTICE), env={"MSTRACK_LANG": "zh"})
    assert result.exit_code == 0, result.output
    assert "没有适用于这份文件的读取方式" in result.stderr


def test_a_part_sharing_duties_out_under_a_closing_heading_is_the_work(tmp_path):
    """"三、组织保障" closes the plan, but its group "（二）职责分工" lists offices' duties: the part naming the most doers."""
    lines = ["某镇地质灾害点防治方案", "一、基本情况", "（一）灾害点位置", "辖区内有2个灾害点。", "（二）灾害类型", "崩塌。",
             "二、组织保障", "（一）领导小组", "组长：张三", "（二）职责分工", "各部门应按照职责分工做好工作。",
             "1.各村负责在领导小组统一部署下，深入一线开展巡查。", "2.交通与建设处依照职责，负责抢修受损道路。",
             "3.资源生态处具体负责灾情调查和上报工作。"]
    tasks = convert_table(_written(tmp_path, lines), "x-2023", 2023).programme.tasks
    assert [t.code for t in tasks] == ["二(二)1", "二(二)2", "二(二)3"]
    assert [t.lines[0].lead_units for t in tasks] == [["各村"], ["交通与建设处"], ["资源生态处"]]


def test_a_directive_heading_over_its_doers_work_is_a_task_a_framing_one_is_not(tmp_path, monkeypatch):
    """"一、强化组织领导" over a paragraph naming its doers ("各企业要…") is work, though 组织领导 names a framing part; "四、加强
    组织领导" over generalities naming no doer frames the plan: no task (read as if the best effort refused it)."""
    monkeypatch.setattr(convert, "best_effort_table", lambda *_: None)
    lines = ["某局关于切实做好春节期间安全生产工作的通知", "各企业：", "一、强化组织领导", "各企业要高度重视，切实落实安全生产责任。",
             "二、加强宣传引导", "各企业要加强安全宣传教育，提高员工安全意识。", "三、认真落实值班制度",
             "各企业应在2024年1月29日前成立值班工作小组。", "四、加强组织领导", "要高度重视，切实抓好落实。"]
    tasks = convert_table(_written(tmp_path, lines), "x-2024", 2024).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [("一", "强化组织领导"), ("二", "加强宣传引导"), ("三", "认真落实值班制度")]
    assert [t.lines[0].lead_units for t in tasks] == [["各企业"]] * 3
    assert str(tasks[2].deadline) == "2024-01-29"


def test_items_numbered_on_across_their_parts_keep_their_own_numbers(tmp_path):
    lines = ["某区民营经济发展若干措施", "一、优化市场环境", "1.落实公平竞争审查制度，区市场监管局2024年6月底前完成。",
             "2.区发改委牵头，拓宽民间投资领域。", "二、强化要素保障", "3.区财政局牵头，降低融资成本。",
             "4.区人社局负责保障企业用工，新增就业岗位500个。"]
    tasks = convert_table(_written(tmp_path, lines), "x-2024", 2024).programme.tasks
    assert [t.code for t in tasks] == ["1", "2", "3", "4"]


def test_labelled_offices_and_deadlines_under_or_after_an_item_are_its_own(tmp_path, monkeypatch):
    """"责任单位：A、B牵头，C配合" on the line under an item, "牵头单位：…；完成时限：…" after its words: its offices and
    deadline, no part of its title or content. (The best effort reads this document; read here as if it refused it.)"""
    monkeypatch.setattr(convert, "best_effort_table", lambda *_: None)
    lines = ["某区海洋经济发展工作要点", "一、做大做强海洋产业", "（一）推进海洋经济重大项目建设，确保一批在建项目如期完工。",
             "责任单位：经济发展局、财政金融局牵头，各片区指挥部配合", "（二）加快渔港建设。牵头单位：农村发展局；完成时限：2024年10月底",
             "（三）发展远洋渔业，新增远洋渔船10艘。", "牵头单位：农村发展局", "配合单位：财政金融局"]
    conversion = convert_table(_written(tmp_path, lines), "x-2024", 2024)
    tasks = conversion.programme.tasks
    assert "outline of last resort" in str(conversion.best_effort)
    assert [t.code for t in tasks] == ["一(一)", "一(二)", "一(三)"]
    assert tasks[1].title == "加快渔港建设。" and str(tasks[1].deadline) == "2024-10-31"
    assert [(sorted(t.lines[0].lead_units), t.lines[0].units) for t in tasks] == [
        (["经济发展局", "财政金融局"], ["各片区指挥部"]), (["农村发展局"], []), (["农村发展局"], ["财政金融局"])]


def test_a_partys_duties_under_its_name_are_led_by_it(tmp_path, monkeypatch):
    """"（一）区教育局" over its duties "1.…" "2.…": the office the group is named for leads each (read as if the best
    effort refused the document)."""
    monkeypatch.setattr(convert, "best_effort_table", lambda *_: None)
    lines = ["某区儿童青少年近视防控工作方案", "一、职责分工", "（一）区教育局", "1.健全学校体育卫生制度，2024年6月底前完成。",
             "2.组建专家队伍，指导近视防治。", "（二）区卫健局", "1.加强基层眼科医师培训，培训100人。"]
    tasks = convert_table(_written(tmp_path, lines), "x-2024", 2024).programme.tasks
    assert [t.code for t in tasks] == ["一(一)1", "一(一)2", "一(二)1"]
    assert [t.lines[0].lead_units for t in tasks] == [["区教育局"], ["区教育局"], ["区卫健局"]]


NO_PLANS = {
    "check list": ["某县安全生产检查要点", "一、责任落实", "（一）是否建立安全生产责任制；", "（二）是否落实到人？",
                   "二、隐患排查", "（一）是否开展隐患排查；", "（二）是否建立整改台账？"],
    "no work marked": ["某县冬春火灾防控方案", "一、重点任务", "（一）持续推进燃气安全整治", "要充分发挥工作专班作用。",
                       "（二）深入开展场所风险排查", "全面落实基层消防必查。", "（三）加强灾害事故应急处置", "要强化预警监测。"],
    "a speech": ["在全县民生工作推进大会上的讲话", "同志们：", "一、突出工作重点", "（一）县住建局要加快道路改造，6月底前完成。",
                 "（二）县教育局要抓好校舍维修，新建教室20间。", "（三）县卫健委要推进卫生室建设，新建卫生室5个。"],
    "a part out of order": ["某区义诊活动方案", "二、地点：某村委会", "三、参加对象", "（一）局医政处负责人；", "（二）区医院专家组。",
                            "四、其他事项", "（一）局医政处负责组织协调；", "（二）区疾控中心负责宣传材料；",
                            "（三）某村委负责桌椅布置，区卫生院协助。"],
}


@pytest.mark.parametrize("lines", NO_PLANS.values(), ids=NO_PLANS.keys())
def test_a_document_that_is_no_plan_stays_refused(tmp_path, lines):
    with pytest.raises(InputError, match="no header row found|a check list of questions"):
        convert_table(_written(tmp_path, lines), "x-2024", 2024)
