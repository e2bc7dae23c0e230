"""review48 F2: documents that are no plan stay refused by the best-effort reading (list_fallback), as by the layout
readings: a year's review of its work in the past tense (no 已/截至), a training notice's curriculum, a 函 asking for
comments, an assessment 办法, a tender's labelled particulars, a notice setting up a 领导小组 and a 预案 sharing duties
out. Before, each was read as a best effort, its points invented tasks (a review's results as the year's targets). The
kinds refused before stay refused: a bulletin, a speech, minutes without 纪要, a news item, a glossary, 实施细则, an
office's 内设机构."""

from __future__ import annotations

import pytest

from mstrack.errors import NoLayoutError
from mstrack.sources.table import convert_table

from .test_table_duties_gate import FLOOD_PLAN, LEADING_GROUP

YEAR_REVIEW = [
    "县住建局2024年工作情况",
    "一、主要工作",
    "（一）城区道路改造。完成城区道路改造12条，新增停车位300个。",
    "（二）老旧小区改造。改造老旧小区15个，惠及居民3000户。",
    "（三）保障性住房建设。建成保障性住房500套。",
    "二、存在问题",
    "资金压力较大。",
    "三、2025年工作打算",
    "继续推进城市更新。",
]
TRAINING_NOTICE = [
    "关于举办2024年全县安全生产培训班的通知",
    "各乡镇人民政府，县直各单位：",
    "为提高安全生产管理水平，县安委办决定举办培训班。现将有关事项通知如下：",
    "一、培训时间",
    "2024年4月10日至11日。",
    "二、培训地点",
    "县行政中心五楼报告厅。",
    "三、培训内容",
    "（一）安全生产法律法规解读。",
    "（二）危险化学品安全管理。",
    "（三）消防安全知识与应急演练。",
    "（四）典型事故案例分析。",
    "四、有关要求",
    "请各单位于4月5日前报送参训人员名单。",
]
LETTER = [
    "关于征求《城区停车管理办法（征求意见稿）》意见的函",
    "县直各有关单位：",
    "为规范城区停车管理，我局起草了《城区停车管理办法（征求意见稿）》，现征求你单位意见。",
    "一、反馈内容",
    "（一）县公安局：对停车执法条款提出意见。",
    "（二）县市场监管局：对收费标准条款提出意见。",
    "（三）县城管局：对占道停车条款提出意见。",
    "二、反馈时间",
    "请于2024年3月15日前将书面意见反馈我局。",
]
ASSESSMENT = [
    "2024年民生实事项目评价办法",
    "一、评价对象",
    "各项目牵头单位。",
    "二、评价内容",
    "（一）项目进度。按月对照计划评价项目推进情况。",
    "（二）资金使用。评价资金拨付和使用的规范性。",
    "（三）群众满意度。委托第三方开展满意度调查。",
    "三、评价方式",
    "采取日常督查与年终评价相结合的方式。",
]
LIST_PUBLICITY = [
    "2024年度城区道路改造项目中标候选人",
    "一、项目情况",
    "（一）项目名称：城区道路改造工程。",
    "（二）建设单位：县住建局。",
    "（三）招标代理：县公共资源交易中心。",
    "二、中标候选人",
    "第一名：某某建设集团有限公司。",
]
EMERGENCY_PLAN = [
    "县防汛应急预案",
    "一、总则",
    "为做好防汛工作，制定本预案。",
    "二、组织机构及职责",
    "（一）县水利局：负责水情监测和水利工程调度。",
    "（二）县应急局：负责组织协调抢险救灾。",
    "（三）县气象局：负责天气预报和预警发布。",
    "（四）县民政局：负责受灾群众生活救助。",
    "三、应急响应",
    "根据汛情分为四级响应。",
]
BULLETIN = [
    "关于2024年一季度民生实事项目督查情况的通报",
    "一、总体情况",
    "一季度各项目总体推进顺利。",
    "二、存在问题",
    "（一）县住建局：城区道路改造进度滞后。",
    "（二）县教育局：校舍维修尚未开工。",
    "（三）县卫健委：卫生室建设资金未到位。",
    "三、整改要求",
    "请上述单位于4月30日前完成整改。",
]
SPEECH = [
    "凝心聚力 真抓实干 奋力开创民生工作新局面——在全县民生工作推进大会上",
    "同志们：",
    "一、提高政治站位",
    "（一）深刻认识民生工作的重要意义。",
    "（二）切实增强做好民生工作的责任感。",
    "（三）牢固树立以人民为中心的发展思想。",
    "二、突出工作重点",
    "（一）县住建局要加快城区道路改造，6月底前完成。",
    "（二）县教育局要抓好校舍维修，新建教室20间。",
    "（三）县卫健委要推进卫生室建设，新建卫生室5个。",
    "三、强化工作保障",
    "（一）加强组织领导。",
    "（二）强化督查考核。",
]
MINUTES_NO_WORD = [
    "县政府第12次常务会议议定事项",
    "一、议定事项",
    "（一）县住建局负责，6月底前完成城区道路改造。",
    "（二）县教育局负责，8月底前完成校舍维修。",
    "（三）县卫健委负责，新建卫生室5个。",
]
NEWS = [
    "我县扎实开展城区环境整治",
    "本报讯 近日，县城管局联合县市场监管局开展城区环境整治行动。",
    "一是清理占道经营。县城管局出动执法人员200人次，清理摊点50处。",
    "二是整治背街小巷。县住建局改造小巷20条。",
    "三是规范车辆停放。县公安局新增停车位300个。",
]
GLOSSARY = [
    "民生实事工作常用术语解释",
    "一、术语",
    "（一）民生实事：指政府每年向社会承诺办理的为民服务项目。",
    "（二）牵头单位：指负责项目组织实施的县直部门。",
    "（三）配合单位：指协助牵头单位开展工作的部门。",
    "（四）完成时限：指项目应当完成的最后日期。",
]
RULES = [
    "城区占道经营管理实施细则",
    "第一条 为规范城区占道经营行为，制定本细则。",
    "一、适用范围",
    "本细则适用于城区范围内的占道经营管理。",
    "二、管理职责",
    "（一）县城管局负责占道经营的日常管理。",
    "（二）县市场监管局负责经营主体的登记管理。",
    "（三）县公安局负责交通秩序的维护。",
    "三、附则",
    "本细则自发布之日起施行。",
]
DUTIES_OF_OFFICE = [
    "县住建局内设机构职责",
    "一、内设机构",
    "（一）办公室：负责机关日常运转。",
    "（二）规划科：负责城乡规划管理。",
    "（三）建管科：负责建筑市场监管。",
    "（四）房产科：负责房地产市场管理。",
]

NO_PLANS = {"year_review": YEAR_REVIEW, "training_notice": TRAINING_NOTICE, "letter": LETTER, "assessment": ASSESSMENT,
            "list_publicity": LIST_PUBLICITY, "emergency_plan": EMERGENCY_PLAN, "leading_group": LEADING_GROUP,
            "flood_plan": FLOOD_PLAN, "bulletin": BULLETIN, "speech": SPEECH, "minutes_no_word": MINUTES_NO_WORD,
            "news": NEWS, "glossary": GLOSSARY, "rules": RULES, "duties_of_office": DUTIES_OF_OFFICE}


@pytest.mark.parametrize("lines", NO_PLANS.values(), ids=NO_PLANS.keys())
def test_a_document_that_is_no_plan_is_not_read_as_a_best_effort(tmp_path, lines):
    """No layout reading takes it, and the best-effort gate refuses it too: "no header row found", nothing read."""
    path = tmp_path / "doc.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(NoLayoutError, match="no header row found"):
        convert_table(path, "x-2024", 2024)

# a tender's particulars under a title naming no kind: most items are labelled fields, no work
PARTICULARS = ["2024年城区道路改造工程", "一、工程概况", "（一）项目名称：城区道路改造工程。", "（二）建设单位：县住建局。",
               "（三）建设规模：改造道路12条。", "（四）计划工期：2024年6月底前。"]
# a review of the year's work in the past tense under "一、主要工作", the title naming no kind
REVIEW = ["县住建局2024年城市建设", "一、主要工作", "（一）城区道路改造。完成城区道路改造12条，新增停车位300个。",
          "（二）老旧小区改造。改造老旧小区15个，惠及居民3000户。", "（三）保障性住房建设。建成保障性住房500套。",
          "二、2025年工作打算", "继续推进城市更新。"]
# a curriculum under a heading naming work, the title naming no kind: its items show no work
CURRICULUM = ["全县安全生产专题", "一、工作内容", "（一）安全生产法律法规解读。", "（二）危险化学品安全管理知识。",
              "（三）消防安全知识与应急演练。", "（四）典型事故案例分析。"]


@pytest.mark.parametrize("lines", [PARTICULARS, REVIEW, CURRICULUM], ids=["particulars", "review", "curriculum"])
def test_a_run_of_fields_of_results_or_of_no_work_is_refused_whatever_the_title(tmp_path, lines):
    path = tmp_path / "doc.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(NoLayoutError, match="no header row found"):
        convert_table(path, "x-2024", 2024)
