"""Issue 13, held50e: a prose plan whose items print their name and paragraph on one line ("（二）加强…。区X中心要…")
and no office label: the offices its sentences name as their subjects are the item's doers (list_doers' rule)."""

from __future__ import annotations

from .conftest import convert_written

TITLE = "某局水产品质量安全监管工作要点"


def _tasks(tmp_path, lines: list[str], year: int = 2016):
    return convert_written(tmp_path, "plan.txt", "\n".join([TITLE, *lines]) + "\n", year).programme.tasks


ITEMS = ["一、监管体系建设",
         "（一）加强执法衔接。区渔业执法支队要建立衔接工作机制，加大打击力度。",
         "（二）加大监督抽查力度。把抽查作为重要手段。局渔业处、区渔业执法支队和各乡镇政府要积极配合开展抽查。",
         "（三）加强养殖业执法。区渔业执法支队制定年度执法方案，构建网格化监管体系。",
         "（四）加强检测能力建设。在开展快速检测基础上，区渔业技术中心将逐步拓展检测项目。",
         "（五）推行健康养殖。大力推行无公害养殖，及早处置病害，形成品牌产品。",
         "（六）治理产地环境。一方面加强产地环境管理，由区渔业技术中心对重点养殖区水质进行监测。",
         "（七）开展应急演练。局渔业处、区渔业技术中心适时开展赤潮应急演练。",
         "（八）升级公开系统。配合区农业农村局完成数据迁移工作；区农业农村局完成平台建设。"]


def test_an_items_own_paragraph_names_its_doers_as_subjects(tmp_path):
    """"（一）名。X要…", "X、Y和Z要…", a sentence or a clause opening with offices named by their level ("X制定…",
    "…，X将…", "X、Y适时…"), "由X对…": the first office leads, the others are units. A clause opening with words that
    merely end as an office's name ("及早处置") names none, nor does an office the plan's issuer helps ("配合X完成…")."""
    tasks = _tasks(tmp_path, ITEMS)
    assert [t.code for t in tasks] == [f"一({n})" for n in "一二三四五六七八"]
    assert [(t.lines[0].lead_units, t.lines[0].units) for t in tasks[:4]] == [
        (["区渔业执法支队"], []), (["局渔业处"], ["区渔业执法支队", "各乡镇政府"]), (["区渔业执法支队"], []),
        (["区渔业技术中心"], [])]
    assert [(t.lines[0].lead_units, t.lines[0].units) for t in tasks[5:7]] == [
        (["区渔业技术中心"], []), (["局渔业处"], ["区渔业技术中心"])]
    for task in (tasks[4], tasks[7]):  # "及早处置": no office; the office the plan's issuer helps ("配合X"): none
        assert not any("处" in u or "局" in u for u in [*task.lines[0].lead_units, *task.lines[0].units])
    assert tasks[0].title.startswith("加强执法衔接。区渔业执法支队要")


def test_the_villages_of_a_work_are_a_doer(tmp_path):
    """"涉鲍鱼养殖村居要…": the villages (村居) engaged in a work are offices of their own, as "各村（居）" is."""
    lines = ["一、工作目标", "有效防范火灾。", "二、重点任务", "（一）规范鲍鱼笼堆放管理",
             "农业农村处要推进分拣中心项目建设，涉鲍鱼养殖村居要主动配合，督促养殖户及时搬迁鲍鱼笼。",
             "（二）加强消防站建设", "各村（居）要积极推进微型消防站建设。",
             "（三）持续推进燃气安全整治", "交通与建设处要协调解决整治中遇到的问题。"]
    tasks = _tasks(tmp_path, lines, 2023)
    assert [(t.lines[0].lead_units, t.lines[0].units) for t in tasks] == [
        (["农业农村处"], ["涉鲍鱼养殖村居"]), (["各村（居）"], []), (["交通与建设处"], [])]


def test_a_points_helpers_named_in_its_text_help_its_groups_lead(tmp_path):
    """"5.与A、B共同开展…" under "该项工作由X负责，具体如下：": X leads the point, A and B are its units."""
    lines = ["一、体系建设", "（一）加强检测能力建设。区渔业技术中心要逐步拓展检测项目。",
             "（二）加大教育培训力度。开展教育培训工作。该项工作由区渔业技术中心负责，具体如下：",
             "1.结合工作实际，帮助养殖户解决难点问题。", "2.开展水产健康养殖技术培训。",
             "3.与局渔业处、区渔业执法支队共同开展防灾减灾日宣传活动，发放相关资料。",
             "（三）加强执法衔接。区渔业执法支队要建立衔接工作机制。"]
    tasks = {t.code: t for t in _tasks(tmp_path, lines)}
    assert (tasks["一(二)3"].lines[0].lead_units, tasks["一(二)3"].lines[0].units) == (
        ["区渔业技术中心"], ["局渔业处", "区渔业执法支队"])
    assert tasks["一(二)3"].title == "与局渔业处、区渔业执法支队共同开展防灾减灾日宣传活动，发放相关资料。"
    assert (tasks["一(二)2"].lines[0].lead_units, tasks["一(二)2"].lines[0].units) == (["区渔业技术中心"], [])
