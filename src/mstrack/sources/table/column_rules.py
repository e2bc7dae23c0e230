"""A header cell's name read as the kind of column a published plan's table prints (序号, 牵头单位, 完成时限, 工作措施 …):
the rules alone, first match wins, for the table reader (columns.column_kind, which dates a period's column too) and
for `import progress` (progress_unread: a return's column of what the plan says holds no unit's words). Light: the
rules' words and the domain's date patterns, no reader."""

from __future__ import annotations

import re

from mstrack.domain.dates import PERIOD_RE, SPAN_JOIN

MONTH_PLAN_RE = re.compile(r"月度|本月|当月|下月|次月")  # a plan for the month of the report, not for the task
# a plan for one named month ("3月目标", "2023年8月份目标"): the row's checkpoints at that month's end
NAMED_MONTH_PLAN_RE = re.compile(r"^((?:\d{4}年)?(?:1[0-2]|0?[1-9])月)份?(?:工作)?(?:目标|计划|任务|安排)")
# the fields or the key bodies a campaign inspects (大检查重点单位 / 行业领域单位, 分管领域, 检查领域)
INSPECTED_FIELDS = r"(?:分管|检查|监管|重点|行业)领域|^(?:大?检查|督查)?重点(?:单位|行业)"
# the problems a ledger lists for putting right (存在问题, 督查发现的具体问题, 问题隐患, 隐患内容): no progress (问题整改情况 is)
PROBLEM_HEADER = r"(?:存在|发现|查找|查摆)(?:的)?(?:具体|主要)?(?:问题|隐患)|^(?:具体|主要)?(?:问题|隐患)(?:隐患|问题)?(?:内容|描述|清单)?$"
MEMBERS_HEADER = r"^(?:参加|参检|检查)人员$"  # the people of an inspection, a body now and then among them (unit_people)
COLUMN_RULES = (  # (kind, pattern), first match wins
    ("seq", r"^(?:序号|编号|序|项目编号|No\.?|组别)$"),  # 组别: an inspection's groups, "第一组", each a row
    ("measure", r"^(?:计量)?单位$"),  # the unit of measure, or the responsible units: told apart by the cells
    # people, named in short cells: never the task column; "牵头单位及主要负责人" still names the units
    ("leader", rf"领导|^(?!.*(?:单位|部门)).*(?:责任人|负责人|联系人)|{MEMBERS_HEADER}"),  # 参加人员: a group's members
    # who is checked, not who does the work (受检单位, 被督导单位, 检查对象): the rows' names, a schedule of visits
    ("task", r"^(?:受检|受查|被检查?|被查|被考核|被督查|被督导|被评估|被抽查)(?:单位|对象|机构)(?:名称)?$"
             r"|^(?:检查|考核|督查|督导|评估|抽查)对象$|^检查(?:片区|区域|范围|地点|场所)(?:及单位)?$"),  # "检查片区及单位",
    # "检查地点": where to go
    # the fields or the key bodies a campaign inspects, each row's (大检查重点单位 / 行业领域单位, 分管领域, 检查领域): what
    # the row answers for, never who does the work; the task column where no other names one (header.areas_as_tasks)
    ("area", INSPECTED_FIELDS),
    ("units", r"牵头(?:责任|负责)(?:单位|部门)"),  # lead and responsible units in one cell: the first leads (as in 责任单位)
    ("lead", r"牵头|主责|主办|^负责$"),  # 负责 alone: a role word over the offices printed before it ("省发改委负责")
    ("units", r"单位|部门|县区|区县|主体$|^(?!.*任务).*分工|^(?:协办|配合|协助|协同|协作|参与)$"),
    # 责任主体, 实施主体; 协办 alone: the helpers; 分工负责, 责任分工: who shares the work; 任务分工 the task (or its
    # units, told by the cells)
    ("office", r"(?:科室|处室|股室|机构)$"),  # an office of a town or a bureau: the units, unless a 单位 column is beside it
    ("start", r"开工(?:时间|日期|年月)|开建(?:时间|日期)"),  # when the work starts: a checkpoint, never the deadline
    ("deadline", r"时限|完成时间|完成日期|期限|截止|起止|工期|建设时间|实施时间|建设年限|实施年限|(?:竣工|完工|建成)(?:时间|日期|年月)"
                 r"|时间要求"),  # 时间要求: when the work is due (a 分工 notice's label, "时间要求：9月1日")
    # reported, not planned:
    # 是否达进度 (是 / 否): whether the work kept pace; 预期成效 is what the work will achieve
    ("progress", r"^是否|进展|完成情况|完成率|(?<!预期)(?<!预计)成效"
                 r"|(?:当前|目前|实际|形象|累计|完成|工程|项目|推进)进度(?!安排|计划|要求)|进度情况|已完成"
                 r"|(?:累计|实际)完成|截至|(?<!计划)完成数|占.{0,6}比|之比|^占.{0,4}(?:计划|任务|目标)"  # 占全年计划: the share done
                 r"|(?:推进|落实|执行|实施|办理|工作|整改)情况"  # 上半年推进情况: how the work went in a past period; 整改情况 a
                 # ledger's problems put right so far
                 rf"|^\d{{1,2}}\s*{SPAN_JOIN}+\s*\d{{1,2}}\s*月份?(?!.*(?:计划|目标|任务|安排))"),  # "1-9月份工作…": what was done
    ("note", r"下一?步(?:工作)?(?:措施|打算|举措)$"),  # what the unit will do next, undated: no schedule
    ("note", r"^(?:任务|工作|文件|政策)(?:来源|依据)$"),  # 任务来源: the documents a task comes from, no work, unit or figure
    ("note", r"^(?:联系)?(?:电话|手机)(?:号码)?$|^联系方式$"),  # a person's phone beside him: never figures of progress
    ("schedule", r"^(?:本月|当月|月度)(?:工作)?(?:目标|任务)"),  # 月度目标要求: the month's goals, checkpoints, not the task
    ("schedule", r"进度|计划|安排|举措|措施|步骤|节点|上半年|下半年|季度"),
    ("area", r"总体要求|类别|领域|分类|板块|类型"),
    ("amount", r"(?:数量|任务数|目标值|名额)$"),  # 培训名额: the quota each row must reach
    ("amount", r"^应(?!急|用|收|付)[\u4e00-\u9fff]{1,10}数$"),  # 应达标企业数: the count each row must reach
    # a rectification ledger's (整改台账) problems found (存在问题, 督查发现的具体问题, 问题隐患): each row's work is to put
    # right what its cell lists
    ("task", PROBLEM_HEADER),
    ("task", r"任务|项目|内容|实事|目标|事项|名称|工作|指标|规模|预期|工程"),  # 建设规模, 预期成效: the work's figures
    ("amount", r"数量|任务数|目标值"),
    ("note", r"备注|说明"),
)


def header_kind(header: str) -> str:
    """The kind of column a header names, as column_kind reads it ("period" for 第一季度, "schedule" for 3月目标, "" for
    a header no rule knows), without the dates column_kind gives a period's column."""
    text = re.sub(r"\s+", "", header)
    if not text:
        return ""
    if PERIOD_RE.fullmatch(text):
        return "period"
    if NAMED_MONTH_PLAN_RE.match(text):
        return "schedule"
    return next((kind for kind, pattern in COLUMN_RULES if re.search(pattern, text)), "")
