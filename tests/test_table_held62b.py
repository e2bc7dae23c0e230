"""Issue 13, held62b: a 创建 notice whose first part is a heading over one paragraph, its steps naming their doers in
their sentences ("区民政局将…，…各街道要…"); a 领导小组办公室's notice whose last item is followed by the notice's closing
report paragraph, whose sentences report a higher body's finished work before the members' own, and name the members
again as "各单位"; each read by its structure on a small notice of its own."""

from __future__ import annotations

from datetime import date

from mstrack.domain.dates import parse_date
from mstrack.sources.table.list_doers import paragraph_doers

from .conftest import text_tasks


def _leads(task) -> list[str]:
    """The task's lead units, each once (a task of several lines names its lead on each)."""
    return list(dict.fromkeys(u for line in task.lines for u in line.lead_units if u != "（表中未列）"))


def _units(task) -> list[str]:
    return [u for line in task.lines for u in line.units if u not in _leads(task)]


CREATION = ["青山区民政局关于做好2021年示范性老年友好社区创建工作的通知",
            "现就做好我区创建工作有关事项通知如下：",
            "一、工作任务",
            "按照逐级推荐的原则，全区推荐报送2个社区参评示范性老年友好社区。",
            "二、主要内容",
            "（一）改善居住环境。支持对老年人住房进行适老化改造，降低老年人生活风险。",
            "（二）方便日常出行。加强老年人住宅公共设施无障碍改造，保障老年人出行安全。",
            "（三）提升服务质量。利用社区卫生服务中心定期为老年人提供健康管理服务。",
            "三、工作安排",
            "（一）组织培训。区民政局将围绕创建标准开展培训，指导各街道办事处规范开展创建工作。各街道办事处要开展相应的培训。",
            "（二）调研指导。区民政局将适时开展督导调研，各街道办事处要加大对社区的指导力度。",
            "（三）申报与初核。符合条件的社区自愿填写申请表，经各街道办事处初审通过后，报送区民政局复核。",
            "（四）国家评审与授牌。国家卫生健康委组织专家对各省上报的材料进行集中评审，并为示范社区命名和授牌。",
            "青山区民政局",
            "2021年2月19日"]


def test_steps_naming_their_doers_beside_a_heading_over_one_paragraph_keep_every_doer(tmp_path):
    """"一、工作任务" over one paragraph (its task, named by the heading) beside steps "（一）name。sentences" whose
    sentences name their doers: each step led by the first doer, the others its units ("区民政局将…，…各街道办事处要…"
    → 区民政局 leads, 各街道办事处 a unit), as the steps' labelled line says — not the lead alone."""
    tasks = {t.code: t for t in text_tasks(tmp_path, CREATION, 2021)}
    assert "一" in tasks and "三(一)" in tasks
    assert _leads(tasks["三(一)"]) == ["区民政局"]
    assert _units(tasks["三(一)"]) == ["各街道办事处"]
    assert _leads(tasks["三(二)"]) == ["区民政局"]
    assert _units(tasks["三(二)"]) == ["各街道办事处"]


def test_a_steps_reviewer_after_jing_and_a_national_body_are_its_doers(tmp_path):
    """"…，经各街道办事处初审通过后，报送区民政局复核": the offices that review the step after 经 do it (the 社区 picked by
    a property no office, the receiving 区民政局 none); "国家卫生健康委组织专家…": a body named by the national level is
    a doer as one named by 区, 县, 市 or 省 is — the last step, before the signature, read so too."""
    tasks = {t.code: t for t in text_tasks(tmp_path, CREATION, 2021)}
    assert _leads(tasks["三(三)"]) == ["各街道办事处"]
    assert _units(tasks["三(三)"]) == []
    assert _leads(tasks["三(四)"]) == ["国家卫生健康委"]
    assert paragraph_doers("经研究决定，各村要开展排查。", True) == ["各村"]  # 经 before no office: none
    assert paragraph_doers("国家规定的标准要严格执行。", True) == []


CHECKS = ["青山区“双随机、一公开”监管工作领导小组办公室关于印发《2022年青山区跨部门联合抽查计划》的通知",
          "各成员单位：",
          "现就组织实施好跨部门联合抽查计划有关事项通知如下：",
          "一、把握总体要求",
          "（一）规范实施抽查检查。各成员单位要按相关文件规范的抽查检查程序，扎实开展好抽查工作。",
          "（二）持续探索信用分类。各成员单位要积极探索按照信用风险状况实行差异化抽查。",
          "（三）均衡推进抽查工作。各成员单位要及时组织开展好抽查工作，抽查计划原则上要在12月20日以前全部结束。",
          "二、落实重点任务",
          "（一）深入运用统一监管平台。市市场监管局基本完成市级平台升级建设工作。各成员单位要积极参与市级平台系统测试。",
          "（二）完善“一单两库”建设。各成员单位要对已建立的抽查事项清单进行动态调整。各单位要积极配合领导小组办公室调整完善抽查事项清单。",
          "（三）提炼经验总结提升。各成员单位要积极将好经验固化为制度机制，扎实迎接市联席会议办公室的督导检查以及考核工作。",
          "各成员单位要主动与领导小组办公室加强联系沟通，分别于2022年7月20日、12月20日前将抽查工作总结报送领导小组办公室。",
          "附件：1.2022年青山区跨部门联合抽查计划",
          "2.监管工作统计表",
          "青山区“双随机、一公开”监管工作领导小组办公室",
          "2022年2月22日"]


def test_the_last_item_before_the_closing_report_paragraph_is_read_with_its_doers(tmp_path):
    """The last item "（三）name。sentences" followed by the notice's closing paragraph (no item nor heading after it
    but the annex's lines): the item's sentences name its doer as the items' above do — a task, not a closing
    section's point ("总结", "督导检查", "考核" in its words); the closing paragraph is no part of it and gives it no date."""
    tasks = {t.code: t for t in text_tasks(tmp_path, CHECKS, 2022)}
    assert list(tasks) == ["一(一)", "一(二)", "一(三)", "二(一)", "二(二)", "二(三)"]
    assert tasks["二(三)"].title == ("提炼经验总结提升。各成员单位要积极将好经验固化为制度机制，"
                                    "扎实迎接市联席会议办公室的督导检查以及考核工作。")
    assert _leads(tasks["二(三)"]) == ["各成员单位"]
    assert tasks["二(三)"].deadline is None  # the closing paragraph's report dates are none of its


def test_a_higher_bodys_finished_work_and_the_members_named_again_are_no_doers(tmp_path):
    """"市市场监管局基本完成…" reports what a body has done (no date of the plan's): no doer, the members who "要…"
    lead; "各单位要积极配合领导小组办公室…" after "各成员单位要…" names the same members again, the office they help
    the one unit."""
    tasks = {t.code: t for t in text_tasks(tmp_path, CHECKS, 2022)}
    assert _leads(tasks["二(一)"]) == ["各成员单位"]
    assert _units(tasks["二(一)"]) == []
    assert _leads(tasks["二(二)"]) == ["各成员单位"]
    assert _units(tasks["二(二)"]) == ["领导小组办公室"]


def test_paragraph_doers_reads_a_reported_result_and_a_set_named_again_as_no_doer():
    """The two rules on a paragraph alone: a sentence opening "X基本完成…" or "X已完成…" with no date names no doer, one
    with a date of the plan's does ("各乡镇年底前基本完成…"); "各单位" after "各成员单位" is that set, "各单位" alone a doer."""
    assert paragraph_doers("市市场监管局基本完成平台升级。各成员单位要积极参与测试。", True) == ["各成员单位"]
    assert paragraph_doers("区住建局已完成改造。区城管局要加强管理。", True) == ["区城管局"]
    assert paragraph_doers("各乡镇年底前基本完成改厕任务。", True) == ["各乡镇"]
    assert paragraph_doers("各成员单位要调整清单。各单位要积极配合区市监局。", True) == ["各成员单位", "区市监局"]
    assert paragraph_doers("各单位要积极配合区市监局。", True) == ["各单位", "区市监局"]


def test_a_day_before_which_with_yiqian_dates_the_item_as_qian_does(tmp_path):
    """"…要在12月20日以前全部结束": 以前 after a day or a month's end is 前 (as 之前 is), the item's own deadline."""
    tasks = {t.code: t for t in text_tasks(tmp_path, CHECKS, 2022)}
    assert tasks["一(三)"].deadline == date(2022, 12, 20)
    assert tasks["一(二)"].deadline is None
    assert parse_date("12月20日以前", 2022) == date(2022, 12, 20)
    assert parse_date("10月底以前", 2022) == date(2022, 10, 31)
