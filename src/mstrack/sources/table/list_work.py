"""What makes a list's items work of a programme, for the headerless reader (headerless.py): the line above naming a
programme, items that state work (a verb of work, a figure, a project's name) and no field, section or result."""

from __future__ import annotations

import re
from contextvars import ContextVar

from mstrack.sources.table.cells import ALWAYS_MARKS
from mstrack.sources.table.list_deadlines import WHEN
from mstrack.sources.table.list_labels import PHONE_RE
from mstrack.sources.table.list_sections import DATED_RE, NUMBERING_RE
from mstrack.sources.table.mentions import sets_figure
from mstrack.sources.table.spans import JOIN
from mstrack.sources.table.units import office_list
from mstrack.vocabulary import MANNER_WORDS, PROGRAMME_NAMING, TASK_OPENING

PROGRAMME_RE = re.compile(PROGRAMME_NAMING)  # the text above a list names a programme of work (vocabulary.PROGRAMME_NAMING)
# a 政府工作报告 itself, not a breakdown of its work ("政府工作报告重点工作责任分解", "《政府工作报告》提出的…任务予以
# 分解") nor the work it asks for ("政府工作报告要求重点做好的工作事项"), which are a programme
REPORT_ITSELF = r"工作报告(?![^，,。；;]{0,20}(?:分解|分工|要求[^，,。；;]{0,6}做好))"
# ... and is about the programme itself, not a meeting, a report of its progress or results, a review of a past year,
# an agenda or a name list, a 政府工作报告 itself (REPORT_ITSELF); the report's promise is a programme too
# ("作政府工作报告时表示,…将努力为民办好十件实事")
OTHER_TOPIC_RE = re.compile(r"召开|推进会|座谈会|现场会|观摩|进展|进度|推进情况|完成情况|实施情况|有序推进|扎实推进|考核|考评|评比|"
                            r"通报|日程|议程|仪式|名单|联络员|联系人|简介|办理结果|征集|督查|"
                            rf"{REPORT_ITSELF}(?![^。；;]*将[^，,。；;]{{0,8}}(?:办好|实施|推进|完成|做好))|"
                            r"情况报告|总结|以来|一年来|过去|回顾|截至|截止|完成了|取得了")
# Kinds of document that are no plan, whatever they list (the best-effort reading's gate, list_fallback; the duties'
# reading, list_duties): one vocabulary beside OTHER_TOPIC_RE.
# a document that is no plan, whatever it lists: minutes, a meeting's notice, a news conference or report, a speech,
# a reply, a bulletin (besides OTHER_TOPIC_RE's meetings, agendas and reports of progress)
NO_PLAN_RE = re.compile(r"纪要|会议|发布会|记者|讲话|发言|答复|复函|简报|公示|公告")
# a title naming a kind of document that is no plan: a letter, rules, an emergency plan, an assessment's method, a
# training, a tender's result, a body set up, a report of the work done ("…2024年工作情况"), a bulletin, a summary, a
# 政府工作报告 itself (its 责任分解 is a plan); a 通知 only when it issues a plan (PLAN_NOTICE_RE: "关于印发…实施方案的通知"),
# or sets the work out itself ("关于做好…火灾防控工作的通知", "关于开展…宣传活动的通知", "关于切实加强…造林绿化工作的通知": its
# points are the work, each naming its doers)
NO_PLAN_TITLE_RE = re.compile(r"函|办法|细则|规定|预案|评价|培训|中标|候选人|工作情况|领导小组|成立|通报|总结|情况报告|"
                              rf"{REPORT_ITSELF}")
PLAN_NOTICE_RE = re.compile(r"印发|方案|计划|清单|分解|任务|实事|(?:做好|开展|加强)[^，,。；;]{1,30}(?:工作|活动)|"
                            r"深化[^，,。；;]{1,30}改革")
# a notice whose title names the reform it sets out ("关于进一步深化“放管服”改革的通知"): its points are the reform's measures,
# the work, as a part's heading naming the work (主要任务) makes its items
REFORM_NOTICE_RE = re.compile(r"关于(?:进一步)?深化[^，,。；;]{1,30}改革(?:[^，,。；;]{0,10}工作)?的通知")
# a part's heading over a report of the work done ("一、主要工作", "一、工作开展情况", "三、2025年工作打算")
REPORT_HEADING_RE = re.compile(r"主要工作(?:情况|成效|成绩)?$|开展情况|工作成效|工作打算|下一步")
# a document that is no programme of work though it shares duties out: a notice setting up a 领导小组, an emergency plan
# (预案); or a part naming the standing duties of a body's members ("二、成员单位职责", "二、组织机构及职责")
NO_DUTY_PLAN_RE = re.compile(r"领导小组|成立|预案|应急|成员单位|组织机构|机构职责|议事协调")
# an item that states no work to do: a labelled field ("会议时间："), or a result ("已完成", "截至6月底", "完成年度目标的74%")
# an office's role and the work it names, several words of it ("区市场监管局牵头涉嫌垄断调查整治工作", "A，负责调查砂石来源是否
#合法"): a sentence of work, though office_list reads its offices; "A牵头，B配合", "由A负责落实" name offices only
ROLE_WORK_RE = re.compile(r"(?:牵头|负责)[^\s，,、；;。：:（）()]{7,}")
FIELD_RE = re.compile(r"^[^，。,；;：:\s]{2,8}[：:]")
# a labelled section's head ("指导思想。", "城东幼儿园。位于…"): work only when the head names a project of work
SECTION_RE = re.compile(r"^([^，。,；;：:\s\d]{2,10})。(?=\S)")  # not a whole item "新建社区服务中心6个。"
# a project's word ends its name, a phase's bracket may follow it ("…迁建工程(一期)", "…改造工程（二期）")
PHASE = r"(?:[（(][一二三四五六七八九十\d]{1,3}期[）)])?"
PROJECT_RE = re.compile(rf"(?:建设|治理|工程|改造|项目|提升|整治|行动|计划){PHASE}$")
# a later clause's building verb after the facility it builds ("食品安全检验,区肉类联合加工厂迁建")
BUILT_RE = re.compile(rf"[\u4e00-\u9fff]{{2,}}(?:迁建|新建|扩建|改建|改扩建|重建|建设|改造){PHASE}$")
ACTION_HEAD_RE = re.compile(rf"^(?:{MANNER_WORDS})?(?:{TASK_OPENING})")  # "有效改善居住条件。开展…": an action's name
STAGE_HEAD_RE = re.compile(r"^[^，。,；;：:\s\d]{2,8}阶段$")  # "动员部署阶段。各单位…": a stage of the work, named
# a rate the sentences after a service's name set the year to reach ("预防接种工作。…接种率保持在95%以上", "…建档率≧75%"):
# the name is the service the work delivers, no section of a description
RATE_AIM_RE = re.compile(r"率[^，。,；;]{0,8}?(?:[≥≧]|不低于|达到?|保持在?)\s*\d+(?:\.\d+)?\s*[%％]")
# positive evidence of a task: the item begins (after "(一)", "一、", "一是") with a verb of work, simplified or traditional, or states a
# target ("城镇登记失业率控制在4%"); a project's name ("中心城区水环境综合治理") is work by PROJECT_RE; a deadline may come
# first ("2024年底前新建…", "6月底前改造…": list_deadlines.WHEN), or the aim it serves ("以…为目标，继续抓好…") or its
# budget ("投资3000万元建设…"), and the verb may be told how ("进一步落实…", "切实抓好…": MANNER_WORDS)
AIM_FIRST = r"以[^，,。；;]{1,30}为(?:目标|目標|重点|重點|抓手|主线|主線|核心)[，,]\s*"
# or its budget: "投资3000万元建设…", "总投资1.2亿元，新建…", "计划投资800万元，改造…": the verb after the sum states the work
BUDGET_FIRST = r"(?:计划|計劃)?(?:总|總)?(?:投资|投資)约?\s*\d+(?:\.\d+)?\s*(?:万|萬|亿|億)?元\s*[，,]?\s*(?:用于|用於)?"
# or qualified, how far or how long ("阶段性减征…", "逐步提高…", "适当提高…"): a qualifier before the verb hides no work
QUALIFIERS = r"逐步|逐年|分步|分批|适当|適當|[\u4e00-\u9fff]{1,3}性"
WORK_RE = re.compile(rf"^(?:[（(][^）)]{{1,20}}[）)]|第?[一二三四五六七八九十]{{1,3}}(?:是|、|，|,))?\s*(?:{WHEN}\s*[，,]?\s*)?"
                     rf"(?:{AIM_FIRST}|{BUDGET_FIRST})?(?:{MANNER_WORDS}|{QUALIFIERS})?(?:{TASK_OPENING})")
# "以上"/"以内" a target only after a quantity ("2万户以上"): "以上项目由…督查" opens a closing note
# a rate set against an average ("增速高于全省平均水平"): a target with no figure
TARGET_RE = re.compile(r"控制在|增长|增長|达到|達到|不低于|不低於|不少于|不少於|提高到|(?:高于|高於|快于|快於)[^，,。；;]{0,10}平均|"
                       r"[\d一二三四五六七八九十百千万][^，,。；;\s]{0,4}(?:以上|以内)")
# a footnote's mark before the item's words ("*改建…", after its number "1." is taken off): marks the item, hides no verb
LEADING_MARKS_RE = re.compile(rf"^[{re.escape(ALWAYS_MARKS)}]+\s*")
RESULT_RE = re.compile(r"已(?:完成|开工|建成|投入|完工|惠及)|截至|截止|完成年度目标|占年度|同比")
# an unnumbered paragraph under an item that reports its progress: a result, the months run ("1-11月"), done work ("已恢复",
# "进行了改建"); never "为了", "除了"
PROGRESS_RE = re.compile(rf"{RESULT_RE.pattern}|^\d{{1,2}}\s*{JOIN}+\s*\d{{1,2}}\s*月|已[\u4e00-\u9fff]|(?<![为為除])[\u4e00-\u9fff]了")


def names_programme(text: str) -> bool:
    """A line about a programme of work itself: it names one, and no meeting, progress, result, call for proposals,
    inspection, agenda, description or name list of it."""
    return bool(PROGRAMME_RE.search(text)) and not OTHER_TOPIC_RE.search(text)


# the list gate's second try on a page no list of which passed it: a title naming a plan names the programme (plan_title)
TITLED: ContextVar[bool] = ContextVar("TITLED", default=False)


# a document's title naming its kind, a plan ("…2019年文化科技卫生“三下乡”活动方案", "…消防安全检查工作方案", "…工作计划",
# "…活动安排"), the whole line: never a sentence ("…制定本工作方案。") nor the notice sending it ("关于印发…方案的通知")
PLAN_TITLE_RE = re.compile(r"^[^。；;：:！!？?]{2,60}(?:方案|计划|計劃|安排)[》”\"」]?$")


def titled_programme(lines: list[str]) -> bool:
    """Whether the document's title names a plan of work, the programme its items are: a line among its first ones, before
    its first numbered line ("一、…", "（一）…", "1．…"), that ends in 方案, 计划 or 安排 and names no other topic (a
    meeting's arrangements, a progress report). A sentence that names the plan in passing ("制定本工作方案。") is none."""
    for line in (line.strip() for line in lines):
        if NUMBERING_RE.match(line):
            return False
        if PLAN_TITLE_RE.match(line) and not OTHER_TOPIC_RE.search(line):
            return True
    return False


def marked_work(items: list[tuple[str, bool]]) -> bool:
    """Whether most items of a list, (words, whether it names its office or date beside them), say who does the work,
    by when or how much (an office, a date, a figure): what a list needs to be read on its title's word alone
    (titled_programme), a weaker naming than 民生实事's; measures in words only ("持续推进…专项整治。要…") are none."""
    marked = [bool(own or sets_figure(text) or DATED_RE.search(text)) for text, own in items]
    return 2 * sum(marked) > len(marked)


def states_work(text: str, assigned: bool = False) -> bool:
    """An item that states work to do: not a labelled field ("会议时间：…") or section ("指导思想。…", "城东幼儿园。位于…"),
    an office's name alone, a contact's phone, nor a result (in its first sentence: "10月底之前完成…关闭退出。9月28日…已完成
    关闭退出任务。" sets the target and then reports on it); a head that names an action ("有效改善居住条件。…") or a
    stage of the work ("动员部署阶段。各单位…") is work.
    `assigned`: the item's offices are labelled by their role ("（责任单位：…）"): its head names the work assigned
    ("乡村旅游公路。结合…建设，加快改造提升…"), as a 分工's topic does, not a section of a description."""
    head = SECTION_RE.match(NUMBERING_RE.sub("", text.strip()))  # "(一)建设社区食堂。…": the number is no part of the head
    first = re.split(r"(?<=[。！!？?])", text, maxsplit=1)[0]  # a result in a later sentence follows the target it reports
    return not FIELD_RE.match(text) and not (office_list(text.rstrip("；;。，,")) and not ROLE_WORK_RE.search(text)) \
        and not RESULT_RE.search(first) \
        and not PHONE_RE.search(text) \
        and not (head and not assigned and not PROJECT_RE.search(head[1]) and not ACTION_HEAD_RE.match(head[1])
                 and not STAGE_HEAD_RE.match(head[1]) and not RATE_AIM_RE.search(text[head.end():]))


def reports_progress(text: str) -> bool:
    """An unnumbered paragraph under an item that reports its progress ("1-11月固定资产投资同比增长6.3%", "全县已恢复面积
    646亩"): no part of the item, as a table's progress column is none."""
    return bool(PROGRESS_RE.search(text))


def sets_figure_or_names_project(text: str) -> bool:
    """An item that sets a figure ("新建幼儿园3所") or names a project before its first stop ("道路提升工程，…")."""
    head = re.split(r"[，,。；;：:（(]", text, maxsplit=1)[0]
    return bool(PROJECT_RE.search(head)) or sets_figure(text)


def does_work(text: str) -> bool:
    """Positive evidence that an item is a task: a verb of work first, a project's name or a stage's ("动员部署阶段。…")
    before its first stop, or a target. A place described ("城东片区，位于…") or a person is none, and a result is none
    whatever opens it ("投资3000万元建设的养殖基地已建成投产。": RESULT_RE wins over the budget and the verb after it)."""
    text = LEADING_MARKS_RE.sub("", text)
    head = re.split(r"[，,。；;：:]", text, maxsplit=1)[0]
    return bool(WORK_RE.match(text) or PROJECT_RE.search(head) or TARGET_RE.search(text) or _later_clause_works(text)
                or STAGE_HEAD_RE.match(head)) and not RESULT_RE.search(text)


def _later_clause_works(text: str) -> bool:
    """A later clause of the item's first sentence opens with a verb of work ("决战决胜脱贫攻坚,保障…") or closes with a
    building verb after its facility ("食品安全检验,区肉类联合加工厂迁建"): the words before it name what the work serves.
    So does a later sentence of the item that opens with one ("承接下放的事项。对调整下放的事项,组织开展评估工作。"):
    the item's work said in two sentences before its office's bracket."""
    first, *later = re.split(r"[。！!？?]", text)
    clauses = re.split(r"[，,]", re.split(r"[；;：:]", first, maxsplit=1)[0])[1:]
    return any(WORK_RE.match(clause.strip()) or BUILT_RE.search(clause.strip()) for clause in clauses) \
        or any(WORK_RE.match(sentence.strip()) for sentence in later if sentence.strip())


# a labelled item "（一）X：…" and its label's words (numbering aside)
LABELLED_ITEM_RE = re.compile(r"^([^，。,；;：:\s（）()]{2,12})[：:]\s*(\S.*)$", re.S)
# what a team is made of, its one predicate ("专家组由A、B、C组成（名单附后）。"): who a body is, no work it does
COMPOSITION_RE = re.compile(r"^[^，,。；;]{0,12}由[^。；;]{2,80}组成(?:[（(][^（）()]{0,12}[）)])?[。；;]?$")


def not_tasks(items: list[tuple[str, bool]]) -> list[int]:
    """The items of a list of work, (words, whether it names its office), that are no tasks (no_task), by index: every
    reading that lists items leaves them out and says so (a table's `left_out`)."""
    texts = [text for text, _ in items]
    return [k for k, (text, staffed) in enumerate(items) if no_task(text, texts, staffed)]


def no_task(text: str, others: list[str], staffed: bool) -> bool:
    """An item of a list of work that is no task of its own: a team's makeup ("（一）义诊活动：专家组由平潭协和医院、…
    组成（名单附后）。", COMPOSITION_RE), or a labelled item naming no office (`staffed` False) whose label is work
    another item gives an office as its duty ("（三）慰问计生困难户：慰问3户…" beside "（三）局计生指导处负责慰问计生
    困难户；" of the plan's 职责分工, in `others`): that duty is the task, the labelled item its detail."""
    words = NUMBERING_RE.sub("", text.strip())
    m = LABELLED_ITEM_RE.match(words)
    body = m[2] if m else words
    if COMPOSITION_RE.match(body):
        return True
    return bool(m) and not staffed and any(f"负责{m[1]}" in other for other in others if other != text)
