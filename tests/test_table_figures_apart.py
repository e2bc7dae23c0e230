"""Issue 13, held52b: a plan read as a best effort whose work sets no figure, its figures standing in an item of a part
above it ("一、总体要求" over "（三）免疫要求。…密度应常年保持在90%以上…" beside words-only items): that item is a task
too, coded by its part (一(三)), the plan's targets."""

from __future__ import annotations

from .conftest import text_tasks

PLAN = ["某片区管理局关于印发《某片区2022年动物疫病强制免疫计划》的通知",
        "某片区2022年动物疫病强制免疫计划",
        "一、总体要求",
        "（一）指导思想。坚持防疫优先，扎实开展动物疫病强制免疫，切实筑牢动物防疫屏障。",
        "（二）基本原则。坚持预防为主、应免尽免，保证“真苗、真打、真有效”。",
        "（三）免疫要求。群体免疫密度应常年保持在90%以上，免疫抗体合格率常年保持在80%以上。",
        "二、病种和范围",
        "口蹄疫:对辖区内所有猪、牛、羊进行口蹄疫免疫。",
        "三、主要任务",
        "（一）实行“先打后补”。各村可采取养殖场(户)自行免疫、政府购买服务等多种形式，全面推进“先打后补”工作。",
        "（二）严格疫苗管理。养殖场自购强制免疫疫苗的，应通过正规渠道采购合法合格产品。",
        "（三）加强技术培训。重点做好村级防疫员和社会化服务机构免疫技术培训。",
        "（四）落实报告制度。各村按月报告疫苗使用及免疫情况。",
        "四、保障措施",
        "（一）加强组织领导。片区农业农村处负责组织实施本辖区强制免疫工作，确保免疫密度达到100%。"]


def _targets(task):
    return sorted((i.target, i.unit) for line in task.lines for i in line.indicators if i.target is not None)


def test_the_plans_figures_in_an_item_of_its_general_part(tmp_path):
    tasks = text_tasks(tmp_path, PLAN, 2022)
    assert [t.code for t in tasks] == ["一(三)", "三(一)", "三(二)", "三(三)", "三(四)"]
    assert tasks[0].title.startswith("免疫要求。") and _targets(tasks[0]) == [(80, "%"), (90, "%")]
    assert all(_targets(t) == [] for t in tasks[1:])


def test_no_item_of_another_part_when_the_work_sets_figures(tmp_path):
    """Where the work sets a figure of its own, the figures above are the plan's requirements, not read."""
    lines = [line.replace("各村按月报告疫苗使用及免疫情况。", "各村按月报告疫苗使用情况，全年报告12次。") for line in PLAN]
    assert [t.code for t in text_tasks(tmp_path, lines, 2022)] == ["三(一)", "三(二)", "三(三)", "三(四)"]
