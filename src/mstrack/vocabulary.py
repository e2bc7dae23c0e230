"""The words every part of mstrack shares: statuses and their order, lights, rules, comparators, readings,
indicator kinds, a task's own texts. Each is defined here once. model.py gives them with its dataclasses;
the command line imports this module alone at start-up for its closed choices (no dataclass is built
for `mstrack --help`).

Stdlib only, no logic, no import.
"""

# --- statuses --------------------------------------------------------------------------------------

STATUSES = ("behind", "no_report", "overdue", "on_track", "done", "not_due")
"""Worst first: the order of the status table."""

TASK_SEVERITY = ("behind", "overdue", "no_report", "on_track", "not_due", "done")
"""A task is as bad as its worst line; done only when every line is. Overdue (the deadline passed, the
target not met) is worse than no_report (a checkpoint passed unreported: not known to be late), as in
CHANGE_RANK and the unit rollup's sort."""

LATE = ("behind", "overdue")
"""The statuses of the weekly report's behind list: late against the schedule."""

CHANGE_RANK = {"behind": 0, "overdue": 1, "no_report": 2, "on_track": 3, "not_due": 3, "done": 4}
"""For "changes since": a move to a lower rank is a change for the worse (not_due → on_track is not)."""

DUE_SOON = "due_soon"
"""Not a status but a warning beside one: the next checkpoint falls due within --warn-days and is not met yet."""

OFF_COURSE = "off_course"
"""Not a status but a forecast beside one: at the pace of the last two reports the final target is met after the
deadline, or never (domain/forecast: on_course false)."""

ONLY = (*STATUSES, DUE_SOON, OFF_COURSE)
"""What `status --only` may name: a status, or one of the marks beside it."""

# --- supervision: lights and forecasts (issue 17) ---------------------------------------------------

LIGHTS = ("red", "yellow", "grey", "green", "done")
"""A task's light in a period, worst first: a task is as bad as its worst indicator."""

WARN_DAYS = 15
"""How many days ahead a checkpoint warns (预警) by default."""

# --- undo ------------------------------------------------------------------------------------------

ANOTHER_TERMINALS_MINUTES = 10
"""How many minutes a batch another terminal wrote is not taken back by a bare `undo` (named, its number asked for):
a write its user may not have seen land (trial55 F12); an older one is the latest as any. docs/cli.md's undo says it."""


# --- how an indicator is judged and read -------------------------------------------------------------

STEP, PRO_RATA = "step", "pro-rata"
RULES = (STEP, PRO_RATA)
"""How expected is computed: step (the last checkpoint passed) or pro-rata (序时进度, linear between checkpoints)."""

AT_LEAST, AT_MOST, EQUAL = ">=", "<=", "="
COMPARATORS = (AT_LEAST, AT_MOST, EQUAL)
"""A rising indicator is met from below (">=", "="); a falling one ("<=", a ceiling) from above."""

CUMULATIVE, INCREMENT, LEVEL = "cumulative", "increment", "level"
READINGS = (CUMULATIVE, INCREMENT)
"""How a plan's numbers read: totals so far, or per-period amounts summed into totals."""
INDICATOR_READINGS = (*READINGS, LEVEL)
"""An indicator's reading may also say its figures are a level (an average per month, a rate held: 每月平均用餐人数 710人,
月探访率 100%), no running total: 序时进度 (pro-rata) never spreads it over the year; it keeps the step rule, as a
ceiling does, and reached before its deadline it is held so far (on track), done only at the deadline
(domain.status.level). With no reading, the words say it (LEVEL_AVERAGE_WORDS; a rate, domain.status.year_end_level);
`reading = "cumulative"` says an indicator is a running total whatever its name."""
LEVEL_AVERAGE_WORDS = ("平均", "均值", "月均", "日均", "周均", "人均", "户均")
"""An indicator named an average (每月平均用餐人数, 日均客流, 人均绿地面积) is a level (INDICATOR_READINGS)."""

COUNTABLE_UNITS = frozenset((
    "个", "人", "人次", "户", "家", "家次", "所", "处", "条", "套", "套(间)", "间", "项", "张", "场", "辆", "通", "座", "名",
    "位", "台", "批次", "批", "次", "宗", "课时", "标箱", "支", "件", "栋", "幢", "班", "期", "本", "册", "部", "只",
    "棵", "株", "盏", "对", "组", "类", "种", "站", "点", "所(个)",
    "份", "例", "单", "场次", "块", "床", "户次", "村", "根", "款", "笔", "篇", "节", "门", "队",
))
"""Units that count whole things (measure words, after full-width folding: 套（间） is 套(间)): an expected
value in them is a whole number. Amounts (元, 万元), measures (公里, 平方米, 吨) and percentages are not. The one list:
the table reader compares figures' units by it too (sources/table/numbers.COUNT_UNITS)."""

COLLECTIVE = ("相关", "有关", "其他", "其它")
"""The words of a class of offices ("相关街道", "县直有关部门"), units of their own as 各 makes one ("各区人民政府", "各县（市、
区）"): no one office. The table reader keeps such a name as a unit (office_names); a return's 填报单位 naming one says
which class of offices the form was sent to, not which one filled it in (domain.names.collective)."""
RATE_OF_CHANGE_WORDS = ("涨幅", "增幅", "增长", "增速", "降幅", "变动", "变化")
"""Words naming a rate of change (居民消费价格涨幅, 地区生产总值增速): in %, its true figure can be below zero, as a
ceiling's (<=) can; no other indicator's can (domain.progress.may_be_negative)."""

FAR_ABOVE_TARGET, FAR_ABOVE_RATE = 3, 10
"""A value more than this many times its indicator's annual target is stored with a warning: a typo (20座 for 2座 of
4) or a figure in the wrong unit (600 on 万人 meant as 600 人) reads so; a task overshooting its target is real, so
never refused. A percentage's limit is FAR_ABOVE_RATE: a growth of 16% against a target of 5% is no typo's sign."""

QUANTITY, SCHEDULE = "quantity", "schedule"
KINDS = (QUANTITY, SCHEDULE)
"""An indicator's kind: a number against targets, or a text-only line judged by checkpoints marked met."""


TASK_TEXT = ("deadline_text", "assessment", "problems", "progress", "next_steps")
"""TaskText's fields, which are also the plan file's keys and the task table's columns."""

# --- the words that name a programme (regular expressions' text: sources/table compiles them) ----------

PROGRAMME_NAMING = (r"[实實]事(?!求是)|民生工程|惠民工程|(?:任务|任務|目标|目標|责任|責任)分解|分解落[实實]|"
                    r"(?:部门|部門|任务|任務|责任|責任)分工|分工(?:意见|意見|方案)")
"""The text above a list of tasks names a programme of work by its own words (民生实事, 为民办十件实事, 民生工程,
任务分解, 责任分解, 部门分工, 分工意见 …), simplified or traditional: 项目, 任务 or 目标 alone name no list
("为确保全面完成今年防汛目标任务"), nor 分工 alone ("明确分工", "按职责分工")."""
RESULTS_NAMING = (r"完成情况|落实情况|实施情况|办理结果|办理情况|兑现|惠及|成效|"
                  r"(?<![前底内月年])(?:全部|全面|圆满|顺利|均已|已经|基本)(?:完成|建成|完工)")
"""A title, or the sentence just above a list, that reports a programme's results ("…民生实事项目完成情况", "…全部完成，
具体如下：", "…全部兑现", "…惠及千家万户"): the list below is what was done, not what is to do. Not a deadline ("年底前全部
完成"); a promise ("确保…全部完成") is told apart where it is read."""
TASKS_HEADING = (r"(?:工作|主要|重点|具体|年度|目标)任[务務]|[实實]事[项項]目|民生[实實]事|重点工作|重点[项項]目|"
                 r"任[务務](?:清单|分解|分工)")
"""A heading that names the list under it a list of tasks ("二、工作任务", "三、主要任务", "重点任务", "实事项目"): the one
item under it is a task, one item of a list being a list still (list_single.py); 任务 alone does not ("完成任务")."""
PLAN_FRAMING_HEADING = (r"(?:指[导導]思想|[总總]体要求|基本原[则則]|(?:[\u4e00-\u9fff]{2})?目[标標](?:要求)?"
                        r"|(?:[\u4e00-\u9fff]{2,4})?(?:[领領][导導]|[组組][织織]|[整][治]|工作)机构)")
"""A plan's heading that frames its work rather than naming any ("一、主要目标", "二、整治目标", "一、指导思想", "二、总体
要求", "三、整治工作领导机构", "三、整治机构"): the paragraph under it states aims in running text (the year's goals, next year's count)
or sets up the body that leads the work, no task of the list (list_bracketed._lone_task)."""
CONTENTS_HEADING = r"(?:活[动動]|工作|主要)?[内內]容"
"""A plan's heading naming its contents ("五、活动内容", "二、工作内容"): one paragraph under it ("开展义诊、慰问…、捐资捐药
等。") sums up the work its later parts detail, no task of the list (list_bracketed._lone_task); items under it are read
as any part's."""
LIST_TITLE = r"[实實]事|民生|[项項]目|[计計][划劃]|方案|任[务務]"
"""A list's title line names what it lists (the programme's name): wider than PROGRAMME_NAMING, since the title is
looked for only once the list is known to be a programme's ("XX县2024年民生实事项目", "…工作任务")."""
TABLE_TITLE = ("实事", "民生", "项目")
SITE_NAME = r"网站|门户网?|政府网"
"""A web page's title line that names the website ("X县人民政府门户网站"), or its suffix after "_", "-", "|" or "——"
("…开幕_X县人民政府门户网站"): no name of the programme (sources/table/convert.py)."""
"""A table's title line above its header names the programme by one of these words (else a line naming a 表)."""

AREA_LEVELS = "省市县縣区區镇鎮州盟旗"
"""The levels of an area a government covers (a province, a city, a county, a district, a town …), by the character
its name ends in: "全市", "本县", "全区"."""

# --- the words that tell a task from other text (regular expressions' text: sources/table/headerless.py) -----

TASK_OPENING = (r"新建|新装|新设|新开|新铺|新改|改扩建|改擴建|扩建|改建|改造|建设|建設|建成|"
                r"实施|實施|开展|開展|完成|提升|推进|推進|新增|打造|启动|加快|为|对|對|增加|增设|设立|建立|健全|完善|落实|"
                r"推动|推广|扩大|擴大|提高|发放|免费|培训|举办|解决|整治|治理|修建|维修|修缮|铺设|安装|配备|创建|组织|"
                r"继续|繼續|全面|深入|实现|确保|帮助|支持|资助|补助|扶持|促进|保障|加大|加强|强化|优化|规划|筹建|续建|"
                r"启用|投入|兴建|开通|更新|提质|改善|做好|稳定|城镇新增|全年|年内|计划|力争|按照|积极|積極|坚持|堅持|"
                rf"升级|升級|减征|減徵|减免|減免|减轻|減輕|降低|全[{AREA_LEVELS}]")
"""The words an item of a list with no header begins with when it states work to do (after "(一)", "一是"), simplified
or traditional: verbs of work, and the openings of a target or a plan ("全年…", "力争…"). Wider on purpose than
FIGURE_VERBS, which pairs only verbs that each take a counted object."""
MANNER_WORDS = r"有效|大力|全力|扎实|切实|着力|努力|进一步|持续|不断|稳步|加快|认真|認真"
"""How an action is done, before its verb ("有效改善居住条件", "扎实推进分级诊疗"): an action's name, not a section's."""
FIGURE_VERBS = "新建|改扩建|扩建|改建|改造|提升|维修|修缮|更换|新增|建设|安装|整治|提质|升级|新改建|续建"
"""Two verbs of work joined before paired figures ("新建、改扩建幼儿园4所、3所"): one figure each. Only verbs that
take a counted object: "确保、提高" or "全面" pair no figures, so TASK_OPENING is no substitute."""
PLACE_NAME = (rf"(?![各全本每])(?!{FIGURE_VERBS})[\u4e00-\u9fff]{{1,9}}?"
              rf"(?:[{AREA_LEVELS}乡鄉村](?<![小园片景校社][区區])(?<![乡鄉农農]村)(?<!城[乡鄉])|街道|社区|社區)")
"""A place by its own name and its level, read whole (fullmatch): "长沙市", "湘西土家族苗族自治州", "雄县", "容城縣", "城东
街道", "城关镇", "李家村", "城东社区". Every one or the whole ("各县", "全区", "本市") is no one place, nor the work on one
("新建城区", "改造城区": a verb of work), nor a kind of area named by what it holds ("老旧小区", "工业园区", "片区", "景区",
"校区"), nor the countryside ("美丽乡村", "新农村", "城乡"). One rule for a table's rows by region (cells.place_names),
a 计划完成数 target beside a place's row (figures._named_by_item) and the places 分别 gives a figure each
(figure_names.each_named)."""
RESULTS_ASIDE = r"(?:附|报送|上报|汇报|反馈|根据)[^，,。；;：:（）()]*$|^[^，,。；;：:（）()]*(?:基础上|进行(?:考核|考评|评估|评分))"
"""Results in passing, in the clause that names them: an appendix ("（附2023年完成情况说明）"), a duty to report
("每月5日前报送落实情况"), a basis ("总结2023年…完成情况的基础上", "根据…落实情况"), what an assessment to come will
score ("对…完成情况进行考核评分"): the text before the word, or the text after it."""
PROMISE_WORDS = r"^为|为\s*$|确保|力争|务必|必须|争取|计划|将|预计"
"""Before a word of results, a promise ("为确保…全部完成", "确保全部兑现") or a purpose right before it ("为全面建成小康社会
奠定基础"): the list is still to do."""
ESTIMATE_VERBS = r"实施|實施|建设|建設|办好|推进"
"""The work a plan puts in hand, before "…，惠及": the benefit is an estimate ("今年实施十件民生实事，惠及群众50万人"), no result."""

PAST_YEAR = r"过去的?\s*(?:\d{4}\s*年|一年)|去年|上一?年度?"
"""A sentence about a year gone by ("刚刚过去的2020年…35个项目顺利完成", "去年…全部完成"): its results are a review."""
YEAR_PLAN = r"(?:今年|本年度?|新的一年|(\d{4})\s*年)[^。]*?(?:将|计划|拟|继续|力争)"
"""This year's plan after such a review ("今年…将实施39个具体项目", "2021年,计划…"): the review is the plan's context."""
ITEM_RESULTS = r"已(?:全部|经)?(?:完成|建成|完工|竣工|办结|投用|开工)|实际(?:新增|完成|建成|发放|实现)|完成率|超额完成"
"""An item that reports what was done ("…，已完成58公里", "实际新增2350人", "完成率116%"): under a review of a past year
("2023年…全部完成。2024年将实施…"), items that report make the document a report (list_results.results_in)."""
PLANNED_FIGURE = r"(?<!完成)(?<!累计)(?:总投资|计划投资|投资|预算|任务|目标)\s*(?:约|为|达|共|计|[:：])?\s*\d"
"""An item of a report that states the figure its work was planned at ("该项目总投资约260万元", "幼师培训任务500人",
"全年民生工程任务12000户"): a programme's fact, not a result ("完成投资1.17亿元" is one); a report whose items
state one is read for its programme (list_results.plans_stated), where "新建幼儿园3所" under "…完成情况" may be the
work done and is refused."""
RATE_TARGET_AFTER = r"^\s*(?:要|须|需)?\s*(?:达到|不低于|不少于|高于|保持|稳定在|提高到|提高至|提升到|提升至|力争)"
"""After "完成率" in an item, the words that set the rate as a target ("完成率达到100%以上", "完成率不低于95%"): no
result, unlike "完成率为116%" (sources/table/list_results.py)."""
DONE_AS_ADJECTIVE = r"^[^，,。；;\d]{0,10}?的"
"""After "已开工" / "已完成…" in an item, "…的" before the noun it describes ("已开工的8个续建项目", "已完成设计的12个
小区"): the work's context, no result (sources/table/list_results.py), unless it opens its clause and the clause's own
verb is a result (vocabulary.RESULT_PREDICATES): "已建成的城区幼儿园3所全部投入使用"."""
RESULT_PREDICATES = r"投入使用|投用|通车|投入运营|全部完成|全面完成|已完成|竣工验收"
"""The verb of a clause that reports done work ("…3所全部投入使用", "…58公里全部通车"): after "已建成的…" it makes the
item a result, not a plan's context (sources/table/list_results.py)."""
PROGRESS_MOMENT = r"截[至止](?:目前|当前|现在|[^，,。；;\d年月日底末]{1,6}?时)[^。；;]*"
"""The moment a report takes stock, and what it says was done by then, to its sentence's end ("截至督查时只培训178人,低于
全市平均进度", "截止目前已完成…"): progress, whose figures are no targets (sources/table/figures.py); never a deadline
("截至2025年底…" names a date)."""
PROGRESS_OPENING = r"^\s*(?:已经?|实际(?![^，,。；;]*(?:增长|增長|下降)\s*$))"
"""A figure's words that say how far the work already is ("…50公里，已完成58公里", "…2000人，实际新增2350人"): after a
target in its unit, a progress statement, never a target (sources/table/figures.py). A rate's subject named 实际…
("实际利用外资增长12%") sets a target."""
PAGE_LABELS = ("发文机关", "发文单位", "成文日期", "发文字号", "文号", "发布日期", "发布时间", "发布机构", "索引号", "主题分类",
               "信息来源", "来源", "有效性", "公开方式", "公开范围", "生成日期", "所属主题", "标题", "主题词")
"""The labels of a page's metadata printed as a small table above the notice ("发文机关 | 成文日期 | 2013-01-09"): that
table is the page's header, not a table of tasks."""
PAGE_NAME_LABELS = ("名称", "文件名称")
"""A page's metadata table names the document by these too ("名　　称：X市2024年民生实事项目"), beside PAGE_LABELS'
labels (sources/documents.py)."""
REQUIREMENT_VERBS = r"加强|加強|加大|强化|強化|健全|完善|落实|落實|做好|严格|嚴格|压实|明确|统筹|深化"
"""A plan's or a notice's requirement opens with one ("加强组织领导（区政府办）"): its office in brackets makes it no task."""
REQUIREMENTS_SECTIONS = r"(?:工作|有关|相关|其他|其它|具体)要求|(?:有关|其他|其它)(?:事项|事宜)|措施[及和与]要求"
"""A notice's part of requirements on offices ("六、工作要求", "五、相关要求", "七、其他要求", "五、有关事项", "六、其他事宜",
"五、工作措施及要求": the measures joined to the requirements): a closing section (CLOSING_SECTIONS); its points are duties
only where they name their doers by name (sources/table/list_arrangements.py). 事项 only after 有关/其他, as a part's name:
"办理相关事项", "政务服务事项" name work."""
CLOSING_SECTIONS = (r"组织领导|组织保障|保障措施|工作保障|工作机制|督查|督导|督促检查|考核|宣传引导|舆论引导|"
                    rf"责任落实|落实责任(?!人)|压实责任(?!人)|资金保障|要素保障|保障要素|{REQUIREMENTS_SECTIONS}")
"""A programme's closing section after its items ("五、加强组织领导", "六、工作要求", "保障措施", "七、其他要求": its
requirements, REQUIREMENTS_SECTIONS): with no figure, office or deadline of its own, it ends the list of tasks."""
MEASURES_LABELS = r"(?:推进|工作|主要|具体|保障|落实|实施|重点)?(?:措施|举措|步骤|办法)"
"""The label of an item's measures or steps on a line of its own under it ("推进措施:", "工作措施：", "实施步骤:"): the
points numbered "1." "2." under it are the item's work, numbered again under each item, no tasks (list_bracketed)."""
SECTION_LABELS = rf"(?:(?:行动|工作|主要|总体|发展|预期)?目标(?:任务)?|(?:主要|重点|工作|具体)任务|{MEASURES_LABELS})"
"""The label of a section of one action of a plan ("1．行动目标。…" "2．主要任务" under "（一）…"; "工作目标：" "工作举措："): the
action's parts, numbered or labelled, never tasks of their own (sources/table/list_part_labels.py)."""
CONTEXT_HEADERS = r"地点|位置|地址|选址|资金来源|资金渠道|资金筹措|筹资方式"
"""A column (or a list item's labelled paragraph) of context a task is done in, no work of it ("建设地点", "资金来源"):
kept in the task's note as "label：value" (sources/table/row_lines.py), unless the column is read as a target."""
CONDITION_HEADERS = r"^(?!.*(?:压缩|缩短|压减|减少)).*(?:年龄|周期|工期|期限|时长|年限)"
"""A column of figures that are a condition of the work, no figure to deliver: the age of those it serves (服务对象年龄（岁）),
how long it takes (建设周期（月）, 工期, 补贴年限, 办理时长); a cut in a time ("审批时长压缩至") is one to deliver. No target
column however its figures are printed ("80以上", "12以内", "80"): kept in the task's note as "label：value"."""
GUARANTEE_MEASURES = r"^[^，,。；;]{0,12}?(?:安排|统筹|落实|筹措|整合|拨付|下达)[^，,。；;]{0,8}?(?:资金|经费)|^(?:确保|保障)(?!性)"
"""A guarantee measure of a closing section, no work of the programme: its first clause funds the work ("县财政安排专项资金
5000万元", "落实专项经费") or promises it ("确保项目按期完成", "保障项目用地"); "新建…，确保年底前投入使用" is work, "保障性住房"
an object. An item numbered on after the closing sections, or under a closing heading, that is one is no task
(sources/table/list_sections.py)."""
FUNDED_WORK_VERBS = rf"{FIGURE_VERBS}|建成|新开工|开工建设"
"""The item's own work after a guarantee measure's clause ("安排资金500万元，新建村级卫生室20个"): a clause opening with
one of these and setting a figure makes the item work, not a guarantee (sources/table/list_sections.py)."""
FUNDING_OBJECTS = r"投入|投资|經費|经费|资金|資金"
"""Money as the object of a verb of FUNDED_WORK_VERBS ("强化资金保障，新增财政投入2亿元"): still a guarantee measure, no work;
funded work counts things built (所, 个, 公里), never an amount (元) of these (sources/table/list_sections.py)."""
REQUIREMENT_SENTENCE = r"(?<![重主需必只])要(?![求素点闻])|督查|督导|考核|考评|通报"
"""A requirement on the offices under a closing section ("各乡镇要于每月5日前报送进展", "县督查室12月底前完成考核"): dated
or staffed, still no work of the programme, so the section stays closing (sources/table/list_sections.py)."""

# --- the words that say who does a task (sources/table/units.py) --------------------------------------------

LEAD_ROLE_WORDS = ("牵头", "主责", "主办")
"""An office's role in a unit cell that makes it lead ("市住建局牵头")."""
RESPONSIBLE_WORD = "负责"
"""Leads when the cell names no lead role and no office leads before it ("A、B分别负责"); beside one that does ("A牵头，
B负责", "A负责，B牵头"), a unit."""
RESPONSIBLE_VERB = rf"{RESPONSIBLE_WORD}(?!人(?!员))(?!同志)"
"""负责 as a role, the verb; never a person's title ("负责人：张三", "各单位负责人", "市民政局负责同志"): the head of an
office is a person, no role of it ("负责人员培训" is the verb still)."""
IMPLEMENTING_ROLE_WORDS = ("参照落实", "落实")
"""The roles of the offices that carry out the work a lead's role names ("市财政局牵头，市直各部门落实；各镇(街)参照落实"):
units beside a lead, as helpers are; where the cell names no lead ("市直有关部门落实；各镇(街)参照落实") the first of them
leads, as in a list of units. After a lead's role ("牵头落实") 落实 goes on with it (ROLE_FOLLOWERS)."""
IMPLEMENTING_MANNERS = ("抓好", "认真", "贯彻", "组织", "督促", "负责", "具体", "按职责", "参照", "切实", "全面", "积极", "严格")
"""The work verbs and adverbs printed before an implementing role ("各乡镇抓好落实", "各镇街贯彻落实", "各区政府组织落实"):
part of the role, no office's name; inside what stands before the role ("市教育局督促各区落实") they say the words are a
sentence, not offices' names, and the cell is read as printed (sources/table/units.py)."""
HELPER_ROLE_WORDS = ("配合", "协办", "协助", "协同", "参与", "协调", *IMPLEMENTING_ROLE_WORDS)
"""The roles of the offices that help ("市财政局配合"): units, never leads."""
OVERSIGHT_ROLE_WORDS = ("指导", "督导")
"""Offices that oversee the work ("市教育局指导"): closing the others' list after a lead ("A牵头，B、C指导"), or in a
bracket; no role phrase of their own (a unit cell's "指导" is as often the work: "指导各区开展…"). Alone at the end of
an office's name ("市发改委指导，各区落实") the role, no part of the name."""
DUTY_WORDS = ("责任", "代建")
"""Words of a duty beside the roles that, like them, make a bracket one of roles ("（代建）"), never a person's name, and
an exception bracket another's work ("（市发改委代建的项目除外）")."""
ROLE_MANNERS = ("按照职责分工", "按职责分工", "按职责", "分别", "共同", "联合", "各自", "具体", "统筹")
"""How offices share a role, printed before it ("A、B分别牵头", "按职责分工负责", "…政府具体负责实施", "统筹协调"): part of the
role, no office's name."""
COORDINATING_WORDS = ("协调",)
"""A helper's role that, followed by offices' names, joins them to the office before it, which leads them ("县住建局协调
县自然资源局、县林业局实施", like 会同); before a stop ("县发改委统筹协调，…") the office helps."""
ROLE_JOINERS = ("会同",)
"""Joins offices that share a role ("市人社局会同市教育局…牵头"): between two offices' names, no part of either."""
OFFICE_JOINERS = ("联合",)
"""Joins two offices only right after an office's name ("市住建局联合市财政局牵头"); inside a name ("市工商业联合会",
"联合社") or before the role ("A、B联合牵头", a manner) it is no joiner."""
FRAMING_RE = r"(?:(?:按照?|根据|依据|参照)[^、，,；;。\s（）()]{0,10}?(?:原则|要求|规定|分工|安排|部署|方案|计划|标准)[，,]?\s*)?(?:由\s*)?"
"""A sentence's framing before the office it names ("按属地原则由各区牵头", "由市财政局负责", "根据县交通运输局安排，各乡镇
负责实施"): no part of the office."""
FRAMING_WORDS = ("按照", "根据", "依据", "参照")
"""Open a clause that frames the work by another's ("县水利局根据县河长办牵头制定的方案负责实施"): no office's name."""
CONTINUING_RE = rf"(?:配合|协助|{'|'.join(FRAMING_WORDS)})"
"""Opens a clause with no office of its own ("市住建局负责，配合市发改委牵头的专项行动", "…，按照市住建局牵头制定的方案
实施"): the office before goes on; the office it names there does other work (that 牵头 is no role of the cell)."""
ROLE_FOLLOWERS = ("负责", "落实", "实施", "推进", "开展", "完成")
"""A verb of doing after the role that goes on with it ("分别牵头负责养老和托育", "分别牵头落实"): the role phrase goes on to
the next stop, and the work it names is no office; closing a list opened by a joiner ("会同A、B推进", "A协调B、C开展"),
the list's role. One list for every such verb."""
LEADING_MANNERS = ("统筹",)
"""A manner that alone closes its office's clause ("县乡村振兴局统筹，各乡镇实施"): the office leads, as 牵头 would say;
before a role ("统筹协调") it stays that role's manner. In a list of units ("市发改委统筹，各区落实") no part of the name."""
DUTY_VERBS = ("组织实施", "负责", "牵头", "主责", "主办", "实施", "落实", "配合", "协助", "协同", "参与", "协调", "检查指导",
              "指导", "督导", "作为", "各司其职")
"""What the offices opening a clause of a duty paragraph take on ("责任分工：A负责开展规划编制工作，B组织实施，C配合，
D业务检查指导", "E作为业主单位"): the clause's words before it are its offices, after it their work
(sources/table/duty_clauses.py). 配合 and the others of HELPER_ROLE_WORDS and OVERSIGHT_ROLE_WORDS help, never lead."""
DUTY_MANNERS = ("具体", "全力", "分别", "共同", "业务", "积极", "统筹", "按职责")
"""How a duty clause's offices take it on, printed before the verb ("具体负责", "全力配合", "业务检查指导")."""


WHOLE_AREA = rf"[全本][{AREA_LEVELS}]"
"""The whole area a programme covers, in front of a figure's or a measure's name (regular expression's text):
"全省破获案件" counts 破获案件, "城镇调查失业率" and "全市调查失业率" name one measure (sources/table/mentions.py, period_amounts.py)."""

SCOPE_OPENINGS = ("含", "包含", "包括", "其中", "惠及", "覆盖", "涉及")
"""The words that open a scope or a benefit, no office's name ("含城区、各乡镇", "惠及全县各乡镇", "覆盖青山镇"): what
follows is where the work reaches, not who does it (sources/table/units.py, office_names.py)."""

SUB_ITEM_OPENINGS = ("其中", "含", "包括", "包含")
"""The words that open a sub-item row of a return ("其中：小学学位 800" under 新增学位): a part of the row above, with no
task number of its own (sources/progress.py says so when it refuses the row)."""

TOWN_KINDS = ("重点", "试点", "示范", "特色", "中心", "贫困", "脱贫", "美丽", "文明", "先进", "卫生", "样板", "标杆", "星级",
              "达标", "宜居", "和美", "生态", "传统", "历史文化", "省级", "市级", "县级", "国家级", "帮扶", "薄弱", "受益", "项目")
"""A kind of town or village a programme picks or builds ("重点镇", "试点村", "省级示范村", "特色小镇"), no place's name:
no office where an office would stand (sources/table/office_names.py)."""

SHORT_OFFICE_NAMES = frozenset((
    "发改", "发展改革", "财政", "住建", "住房", "城建", "卫健", "卫生健康", "卫计", "民政", "教育", "教体", "水利", "水务",
    "自然资源", "国土", "规划", "农业农村", "农业", "农村", "农机", "林业", "文旅", "文广旅", "文化", "旅游", "体育", "交通",
    "交运", "公安", "人社", "生态环境", "环保", "应急", "市场监管", "城管", "城市管理", "商务", "工信", "经信", "科技", "司法",
    "审计", "统计", "医保", "退役军人", "人防", "信访", "档案", "粮食", "供销", "扶贫", "乡村振兴", "数据", "大数据", "行政审批",
    "政务服务", "融媒体", "广电", "税务", "气象", "残联", "妇联", "团委", "工会", "宣传", "组织", "编办", "消防", "供电", "电力",
    "邮政", "金融", "国资", "住保", "房管", "畜牧", "水产", "海洋", "渔业", "民宗", "侨务", "外事", "机关事务", "综合执法",
    "安监", "宗教", "卫生",
))
"""Offices called by their short name, with no 局 or 委 ("县发改、财政、城关镇"; a level before it is no part of the
word): no place, so no place's name to share the next name's ending ("金井湾、岚城片区管理局" does: two 管理局;
"卫健、城南社区" does not: 卫健 stays 卫健, review49 R2) (sources/table/office_names.shared_tails)."""

# --- the bounds of a figure (domain/quantities.py, sources/table/mentions.py, figures.py, period_amounts.py) ----

STRICTLY_ABOVE = ("超过", "高于", "大于", "多于", "超")
STRICTLY_BELOW = ("低于", "少于", "小于")
"""The bare comparisons, no 不 before them: before "…的" they pick which things ("服务人口超过2万的乡镇卫生院"), no target."""
AT_LEAST_PREFIXES = ("不少于", "不低于", "不小于", "至少", *STRICTLY_ABOVE)
"""A lower bound before a number ("不少于100人"), longest first so "不小于" is never read as "小于": the target is met
at or above it (strict or not alike: "高于" is ">=" as "不低于" is)."""
AT_MOST_PREFIXES = ("不超过", "不高于", "不多于", "不大于", "控制在", *STRICTLY_BELOW, "降至", "降到")
"""An upper bound before a number ("不高于5.5%", "不大于5%"), longest first: the target is met at or below it."""
BOUND_WORDS = tuple(sorted(AT_LEAST_PREFIXES + AT_MOST_PREFIXES, key=len, reverse=True))
"""Every bound word, longest first: one left at a name's end ("每月调查失业率不高于") names nothing."""
LEVEL_HOLDING_WORDS = ("保持在", "稳定在", "维持在", "达到")
"""A level held or reached before a number ("失业率保持在5.5%"): no bound and, left at a name's end, no part of it."""
AT_LEAST_SUFFIXES = ("以上",)
AT_MOST_SUFFIXES = ("以下", "以内")
APPROX_SUFFIXES = ("左右",)
BOUND_SUFFIXES = AT_LEAST_SUFFIXES + AT_MOST_SUFFIXES + APPROX_SUFFIXES
"""The bound after a number ("2万户以上", "5%以内", "10%左右"): at least, at most, about. Spelt here once: the
quantities read them, the table reader knows a figure's end by them (a unit before one, "5000穴以上")."""

# --- the stages of the work in a programme's schedule (sources/table/schedule.py, steps.py) --------------------

COMPLETION_VERBS = ("完成", "建成", "投入使用", "投用", "通过验收", "竣工", "完工", "启用", "开放", "实现", "获批")
"""What is done by a date ("9月底前投入使用", "年底前完成", "《…方案》上半年获批": an approval obtained): a dated clause with
one of them is a step of the work."""
START_VERBS = ("开工", "动工")
"""What starts the work by a date ("6月底前开工"): it dates a checkpoint at most, never the work's end."""
BEFORE_START_WORDS = ("前", "条件", "手续", "准备", "仪式", "许可", "审批")
"""What a start verb is followed by in the words of work that prepares the start, not the start itself
(完成开工前期手续, 具备开工条件, 开工仪式筹备: review50 F4)."""
STARTED_WORDS = START_VERBS + ("开建",)
"""The started stage of a step or a figure ("新开工项目10个", "6月底前开建3所")."""
DONE_STAGE_WORDS = ("竣工", "完工", "建成", "投用", "投入使用", "交付使用", "交付", "运营", "通车", "启用")
"""The done stage of a step or a figure ("竣工3个", "建成投用"); 完成 says no stage, nor do words that say both."""
ITEM_STEP_VERBS = ("发放", "拨付", "投入", "培训", "救助", "资助", "招聘", "种植", "治理", "修复", "铺设", "安装", "改造",
                   "维修", "修缮", "更换", "提升", "提质", "升级", "整治", "建设", "扩建", "改建", "改扩建", "续建")
"""The work an item counts, done a share at a time ("发放创业担保贷款2亿元，一季度发放30%", "改造老旧小区30个，上半年改造
50%"): after a quarter or a half, the item's own verb dates a step of its figure, as 完成 or 开工 does (schedule.py)."""
NEW_THING_WORDS = ("新建", "新增")
"""A figure of new things ("新建学校3所", "新增充电桩100个"): counted once they stand, as the done stage is."""

# --- figures that are no target of the year (sources/table/mentions.py; 13-revfix21b) ----------------------------

DURATION_WORDS = ("建设工期", "施工工期", "建设周期", "施工周期", "工期", "周期", "为期", "历时", "期限", "建设期", "施工期",
                  "服务期", "公示期", "公示", "公告期")
"""How long the work takes, a project's schedule ("工期12个月", "建设周期为2年", "为期3个月"), or a step of a procedure
("在村级公示栏公示7天", "公示期5个工作日": how long a list is posted): the span of time after them is no target. A
service's time ("办理用时3个工作日以内", "企业开办时长1个工作日", "审批时限") is one: no word here."""
RELIEF_VERBS = ("减免", "免收", "免征", "免除", "免交", "减半", "减收", "缓缴", "缓征", "缓交", "暂停", "暂缓")
"""A verb of relief before a span of time ("减免小微企业房租3个月", "缓缴社会保险费3个月"): how long the relief lasts,
no target ("减免费用300万元" is a sum, one)."""
COMMITMENTS = ("确保", "力争", "争取", "务必")
"""A word of commitment: before a date it opens the item with its date ("确保年底前改造…"); before a figure it names
nothing of what is counted ("争取新建5个", "务必完成20个")."""
EXTENSION_VERBS = ("延期", "延长", "顺延", "展期")
"""A verb of extension before a span of time: of a term ("延长贷款期限1年", "延长失业保险金领取期限6个月") how long the
relief lasts, no target; of an entitlement ("延长产假30天", "产假延长30天") the level to reach, a target."""
DURATION_CUTS = ("缩短", "压缩", "减少", "降低")
"""Before a word of duration, a cut in it ("平均缩短工期30天"): the span after it is the cut to reach, a target."""
SERVICE_WORDS = ("办理", "审批", "办结", "受理", "登记", "开办")
"""Before a word of duration, a service ("办理期限5个工作日", "审批周期20个工作日"): the span is the service's time, a
target, no project's schedule."""
TIME_SPAN_UNITS = ("个月", "个工作日", "工作日", "个季度", "季度", "小时", "天", "日", "周", "月", "年")
"""The units of a span of time ("12个月", "180天"): after a word of duration, how long, not how much."""
RULED_AMOUNTS = ("合同金额", "合同价款", "合同价", "总金额", "总额", "总价", "造价", "总时长", "时长")
"""An amount a rule sets a share of ("不低于合同金额的40%", "不超过教学总时长的30%"): the share bounds a payment or a
time the rule governs, no figure the task reaches ("达到城市社区的60%" is one: a count the work makes)."""
CONDUCT_PERIODS = ("每天", "每日", "每周", "每星期", "每学期", "每节课", "每堂课")
"""The periods a rule of conduct counts in ("每学期不得超过1次", "每周4课时", "每天睡眠10个小时"): how often or how long
someone does something each day, week or term, no target of the year ("每年组织1场次", "每千人口…" are targets)."""
CONDUCT_UNITS = ("次", "小时", "分钟", "课时", "节")
"""The occasions and times a rule of conduct counts (CONDUCT_PERIODS)."""
RELATIVE_COMPARISONS = ("高于", "低于", "快于", "慢于", "好于", "优于", "领先", "超过")
"""A comparison with another ("增速高于城镇居民1.5个百分点", "快于经济增长1个百分点", "不低于上年"): with words between
it and the figure, the bound is set on another's level, which the programme does not state; no target of its own."""
LEVEL_NAMING_WORDS = ("标准", "要求", "限值", "规定", "任务", "目标", "计划", "指标")
"""After a bound word, a standard or the item's own task ("不低于省定标准85%", "低于国家二级标准35微克/立方米", "超过省下达
任务5万亩"): the figure after them is that level itself, the target, bounded by the word; no other's level."""
PAYMENT_VERBS = ("补助", "补贴", "奖补", "奖励", "资助", "補助", "補貼", "獎補", "獎勵", "資助")
"""A verb of payment after a unit a rate is paid per ("每亩补助200元", "每平方米补贴50元"): the figure is the rate each unit
earns, no target; the level a standard is raised or set to ("补助标准提高到每亩补助300元": STANDARD_SET_WORDS) is one."""
STANDARD_SET_WORDS = ("提高到", "提高至", "提升到", "提升至", "调高到", "调高至", "上调到", "上调至", "调整到", "调整为", "达到",
                      "标准为", "標準為", "調高到", "調高至", "上調到", "上調至", "調整到", "調整為", "達到")
"""The words that raise or set a standard to a level ("调高到每人每月722元", "全护理标准为965"): the figure after them is the
level the task reaches, a target, paid per unit or not."""
QUALITY_WORDS = ("坚强", "过硬", "高素质", "强有力", "精干", "专业化")
"""A quality straight after 一 and its measure word ("打造一支坚强队伍", "建设一支高素质干部队伍"): 一 is an article before
a description, as before one ending in 的 ("一支守法守信、高效廉洁的公务员队伍"), no count (sources/table/numbers.py).
Only the qualities of a body of people: "一所高水平学校", "一个一流园区" count."""
SAYING_OPENINGS = ("实现", "做到", "确保", "力争", "达到")
"""Before a pair of one-verb clauses that count one each ("实现治一个点、少一处危险", "做到查一处、改一处"): a saying of one
for one, each treated, one fewer; its 一 count nothing (sources/table/numbers.py)."""
PROVISION_VERBS = ("配备", "配置", "配齐", "设有", "设置", "展示", "张贴", "悬挂")
"""A verb of provision before a minimum of one ("需配备至少1名救生员", "显著位置展示不少于1处公益广告"): what each holder
keeps, a standard, no count of work (sources/table/figure_bounds.py)."""
LAST_YEAR_WORDS = ("上年", "去年", "上一年")
"""The item's own last year ("高于上年1个百分点", "比去年同期提高2%"): a rise on it is a target to reach, unlike a comparison
with another group or area ("高于全省平均2个百分点")."""

# --- what import table writes for review, and import plan says of it (sources/table/row_lines.py, sources/plan.py) -

UNLISTED = "（表中未列）"
"""A line's lead unit where its row names no office at all: a placeholder for the reviewer, not an office."""


def placeholder(unit: str) -> bool:
    """Whether a lead unit is import table's placeholder (UNLISTED), no office: the one test every view uses (import
    plan's warning, `units`' row "no office named yet", --each-unit's forms and notices, none for it; trial59 finding 7)."""
    return unit == UNLISTED

CHECK_COMMENT = "# check:"
"""The comment import table puts after a plan line it doubts (plan_dump.dump_plan): one left is a doubt unreviewed."""

# --- the words of a unit's report (sources/progress.py, store/log.py, sources/table/cells.py) ------------------

ALL_DONE_WORDS = ("全部完成", "已全部完成", "全面完成", "已全面完成", "全部建成", "已全部建成", "全部完工", "已全部完工")
"""A value that says the whole of a line is done: every checkpoint of a text-only line met, a quantity at its target."""
DONE_WORDS = ("已完成", "完成", "已办结", "已圆满完成", "提前完成", "已完工", "完工", "已建成", "建成", "已竣工", "竣工")
"""A value that says the work is done ("已完工", "已建成"): a text-only line's checkpoints due by then met, a quantity at
its target. `log VALUE` and `import progress` read them alike."""
TEMPLATE_HEADERS = ("计划", "任务编号", "工作任务", "指标", "牵头单位", "计量单位", "本期节点", "本期目标", "上次报送", "上次日期",
                    "截至日期", "数值", "备注", "填报人")
"""The fill-in template's columns (render/template.py), as `import progress` knows them: those it does not read hold
what mstrack printed, never the unit's words (sources/progress_unread.py)."""
CHECKPOINTS_UNIT = "个节点"
"""The unit a return's 计量单位 column gives a text-only line (its value counts checkpoints met): the template writes it,
import progress takes it as that line's own."""
TOTAL_WORDS = r"合\s*[计計]|小\s*[计計]|[总總]\s*[计計]|共\s*[计計]"
"""A row of totals under a table (regular expression's text): no task, in a published table or a unit's report."""

# --- what a read of a store with no mstrack data says (store/maintenance.py makes it, cli/process.py knows it) -----

NO_DATA_HERE_YET = ("{option} {db}: no mstrack data here yet; `mstrack init` or `mstrack import plan FILE.toml` makes one "
                    "here (the samples go into a store of their own: `mstrack --db mstrack-demo.db demo`)")
"""The message template of a read of a store with no mstrack data yet (Maintenance.check, require_schema); the CLI
knows it by this (cli/process.samples_named) to say it shorter where the demo's own store holds the samples, without
importing store/ to do so (a loaded store/ module is its sign of a write)."""

# --- what a report mstrack wrote says of itself (render writes it, sources/forms reads it back before an -o) ------

WRITER = "mstrack"
"""The writer every report names: a workbook's and a Word file's creator (and a Word file's last modifier), an HTML
page's generator, a Markdown report's last line (MARKDOWN_MARK). An -o replaces a file only when it says so."""
MARKDOWN_MARK = "<!-- generator: mstrack {version} sha256 {digest} -->"
"""A Markdown or HTML report's last line: a comment no viewer shows, the title and body as they were. `digest`: the
SHA-256 of the bytes before that line (text_digest), so a file mstrack wrote and someone changed since (notes typed in,
reports appended to a log) is known as changed and never replaced by an -o."""
FORM_TITLE = "进度报送表"
"""A fill-in form's name in its title, after the programme's code (form_title): what sources/forms.form_programme reads
a form's programme by (a second programme's forms never replace the first's in one folder)."""


def form_title(code: str, on, unit: str | None = None) -> str:
    """The title of a fill-in form (`export template`): "CODE 进度报送表（单位） 截至 DAY", the unit's where it is one unit's."""
    return f"{code} {FORM_TITLE}{'' if unit is None else f'（{unit}）'} 截至 {on}"


ZIP_MARK = "mstrack sha256 {digest}"
"""A Word or Excel report's ZIP comment: `digest` (zip_digest) of its parts as mstrack wrote them. Word, WPS, LibreOffice
and python-docx or openpyxl drop the comment on save, and an edit changes a part: either way the file is known as
changed since mstrack wrote it."""


def text_digest(data: bytes) -> str:
    """The digest MARKDOWN_MARK carries: of the bytes of a report before its mark line."""
    import hashlib

    return hashlib.sha256(data).hexdigest()


def zip_digest(entries) -> str:
    """The digest ZIP_MARK carries, of a ZIP file's entries (zipfile.ZipInfo) as its directory lists them: each part's
    name, CRC-32 and size, read without unpacking any part (a check of a large workbook stays cheap)."""
    import hashlib

    listed = sorted(f"{entry.filename}\0{entry.CRC:08x}\0{entry.file_size}" for entry in entries)
    return hashlib.sha256("\n".join(listed).encode("utf-8")).hexdigest()
