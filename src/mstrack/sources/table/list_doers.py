"""The doers a paragraph names, for the headerless reader: the subjects of its sentences ("交通与建设处要充分发挥…。
各业务处室加强沟通协作…"), the offices a clause names by their part in the work ("由X牵头，Y具体负责": sentence_roles),
a dated step's doers, and the run of offices' names a clause opens with (subject_run). Where they stand as a measure's
labelled line, under its name or after its words, is list_doer_lines'."""

from __future__ import annotations

import re
from collections.abc import Callable

from mstrack.domain.dates import PERIOD_LABEL, YEAR_ALONE
from mstrack.domain.quantities import chinese_count
from mstrack.sources.table.office_names import (
    BUSINESS_KINDS,
    EVERY_KIND_RE,
    OPEN_KIND_RE,
    SET_UP_RE,
    SET_UP_VERBS,
    TOWN_END,
    ends_like_unit,
    group_body,
)
from mstrack.sources.table.units import OFFICE_NAME_RE, ROLE_LABEL_RE, office_list, unit_names
from mstrack.vocabulary import (
    HELPER_ROLE_WORDS,
    LEAD_ROLE_WORDS,
    REQUIREMENT_VERBS,
    RESPONSIBLE_WORD,
    SHORT_OFFICE_NAMES,
)

CLAUSE_NAME_RE = re.compile(r"[\u4e00-\u9fff（）()]{2,17}")  # a clause of nothing but a name's characters
SUBJECT_MAX = 30  # the longest run of offices opening a sentence
# a verb, a preposition or a consequence's "则" ("则需派专人向…领导小组报告"), no doer
NO_DOER_RE = re.compile(r"要|根据|按照|依据|会同|通过|对|在|由|将|把|为|以|鼓励|引导|组织|督促|协调|配合|联合|则")
# words opening with the work, no name ("严格保护集体资产所…", "配合区…局", "建设公办…", "成立以局长为组长…", "请示上级部门
# 同意后…"): a verb or a preposition, a body set up (office_names.SET_UP_VERBS), a request to those above
WORK_OPENING_RE = re.compile(rf"^(?:{NO_DOER_RE.pattern}|{SET_UP_VERBS}|严格|建设|加强|推进|推动|完善|开展|实施|落实|提升|提高|采取|"
                             rf"新建|改造|扩建|利用|促进|发展|做好|支持|依托|明确|请示|报请|提请|动员|{REQUIREMENT_VERBS})")
# a person's title after an office's name ("局长为组长", "局各处室负责同志为组员", "区住建局负责人"): the office's people,
# the name no subject
PERSON_TITLE_RE = re.compile(r"(?<=[局处科室站所])长(?![期效远])|负责同志|负责人(?!员)|主任|书记")
EVERY_DIVISION_RE = re.compile(r"[区县市局]?各\w*室")  # "各处室", "各业务处室", "局各处室": every division of a bureau
LEVEL_RE = re.compile(r"国家|[区县市省局]")  # an office named by its level ("区…中心", "局…处", "国家…委"), as a plan's own offices are
MEMBERS = "成员"  # "检查组成员要…": the members of a body the plan sets up, doers as the body is
LIST_OPENING_RE = re.compile(r"如下$")  # "各乡镇抽检任务如下：…": a list's lead-in, its subject a topic, no doer
ACCOUNTABLE_RE = re.compile(r"追究[^。；;]{0,12}责任|问责")  # a sentence of accountability: who holds to account, no doer
# a clause naming who a body the plan sets up is made of ("成立以…局长为组长，…班子成员为副组长，局各处室…负责同志为组员的
# 工作领导小组"): persons and offices as the group's members, the group the sentence's object, no doer
MEMBERS_OF_RE = re.compile(r"为(?:副?组长|组员|成员|副?主任)")
# a request to the addressees ("请各单位做好…", "请区住建局于…前报送"): the offices asked are the clause's subject, 请 no
# part of their names
REQUEST_RE = re.compile(r"^请(?=各|[区县市省局])")
ISSUER_RE = re.compile(r"^(?:我|本)(?:局|委|办|处|中心|区)")  # "我局成立工作专班，…": the plan's issuer, its own work
DUTY_WORDS = ("牵头", "负责", "配合", "协助")  # "X牵头，6月底前完成": a duty said as a label is, read where labels are
SUPPORTS_RE = re.compile(r"^要?(?:积极|主动|全力)?(?:配合|协助)")  # "要积极配合X": the doer supports X in the work
BY_RE = re.compile(r"由([^由对]{2,30}?)对")  # "由X对…进行监测": X does it
# a clause giving an office its share of the work the paragraph's first doer leads ("由社会事业处组织辖区大中小学…",
# "由资源生态处开展…", "由各村通过悬挂横幅…"): the office a unit of it
SHARE_BY_RE = re.compile(r"^由([^，,。；;由]{2,30}?)(?:组织|开展|做好|负责|通过|牵头)")
# a clause giving an office its share with no 由 ("…开展一次大检查大整治；党群工作处负责宗教活动场所…排查；…"): a unit too
SHARE_DUTY_RE = re.compile(r"^([^，,。；;由要]{2,30}?)负责(?!人)")
# "各处室、相关单位要…": a kind left open joined to a run of offices ("相关单位", "有关部门": office_names.OPEN_KIND_RE,
# README: every body of a kind), naming none of them; the run's other offices are its doers ("各有关部门要…" alone: none)
JOINED_OPEN_KIND_RE = re.compile(rf"[、和及与]{OPEN_KIND_RE.pattern}(?:单位|部门|处室|科室|企业)(?=$|[、和及与])")
JOINERS = "、和及与（("  # what joins one more name to a run of offices' names, or opens a bracket inside the last
# a step's own date, the day it is due by ("于3月15日前完成", "4月底前会同…", "于5月25日下班之前"): a dated step names its
# doers (step_doers), an event's duty its own day (list_arrangements)
STEP_DATE_RE = re.compile(r"(\d{1,2}\s*月(?:\s*\d{1,2}\s*日|份|底|末|上旬|中旬|下旬)?)\s*(?:下班)?\s*之?前")
# words after an office's name whose first character would lengthen it or join another ("各片区委托…" is not
# "各片区委", "由区农业农村局及时录入…" names no office after 及): the name ends before them
OFFICE_VERBS = ("委托", "会同", "会商", "处理", "办理", "部署", "及时", "及早", "和衷")
# a word whose first character would end an office's name ("由乡政府组织人员…" is not "乡政府组", "工作办公室" not "工作办",
# "各村组建的消防队…" not "各村组"): a name never ends inside it
# "组建" setting a body up, not a 组 then "建立…", "建设…" ("工作组建立台账…" is 工作组's): a set-up verb, no name runs
# through it either; "所在" where a thing lies ("各地灾点所在村的…" is no "各地灾点所")
SPLIT_RE = re.compile(r"组织|办公|所在(?=[村居地镇乡街社单区的])|(?P<set_up>组建(?![立设成]))")
STEP_BY_RE = re.compile(r"由|会同")  # "由X委托…", "会同X共同测算": X does the step, or shares it
# "企业向区社会事业局提出申请": the office an applicant applies to receives the step, its object: the applicant before it
APPLIES_TO_RE = re.compile(r"向[^，,。；;]{2,30}?(?:提出|提交|申请|申报|报送|递交)")


def office_clause(clause: str) -> bool:
    """A clause that is an office's name and nothing else ("资源生态处", "各村", "区自然资源服务中心", "苏平专班"): it
    ends as an office's name ends (office_names.ends_like_unit, units.OFFICE_NAME_RE) or a town's ("城关村"); a 组 is
    one set up for its work (office_names.group_body: "督查组", not "学习兴趣小组")."""
    return CLAUSE_NAME_RE.fullmatch(clause) is not None and group_body(clause) \
        and (ends_like_unit(clause) or OFFICE_NAME_RE.search(clause) is not None or clause.endswith(TOWN_END))


# a clause naming its office by the office's part in the work, whatever the office's level: its role after "由" ("由村居
# 牵头，…", "由基层医疗卫生机构负责对…"), the agent of the work after "由" ("由垃圾分类外包单位按照选址方案…建设"), the body
# authorised to do it ("授权区卫生监督所将…改为告知承诺制"), or the subject charged with it ("基层医疗卫生机构对…负有主体责任")
ROLE_BY_RE = re.compile(rf"^(?:并|再|统一)?由(?![此于])(?P<name>[^，,。；;由]{{2,30}}?)"
                        rf"(?:{'|'.join(LEAD_ROLE_WORDS)}|具体负责|{RESPONSIBLE_WORD})")
AGENT_RE = re.compile(r"^(?:并|再|统一)?(?:由(?![此于])|授权)(?=[\u4e00-\u9fff])")  # "由此…", "由于…": no agent
CHARGED_RE = re.compile(r"^(?P<name>[^，,。；;对]{2,30}?)对[^，,。；;]{1,40}?负有[\u4e00-\u9fff]{0,6}责任")
# after a lead's clause, an office's share in it ("，垃圾分类外包单位具体负责，"): a unit
SHARE_RE = re.compile(rf"^(?P<name>[^，,。；;]{{2,30}}?)(?:具体负责|{'|'.join(HELPER_ROLE_WORDS)})")


def sentence_roles(sentence: str) -> tuple[list[str], list[str]]:
    """The doers a sentence names by their part in the work (_role_named, _assisting: its first such clause): (its
    offices, who lead; an office's share named in the clauses right after it, "由村居牵头，垃圾分类外包单位具体负责",
    a unit); ([], []) for any other sentence. Any office's name is read, not only one named by its level (_office_doer:
    "村居", "基层医疗卫生机构"), the role saying it is a doer; a kind left open ("企业", "医院"), a person ("由申请人签订
    承诺书"), the plan's issuer ("由我局…") or one held to account is none."""
    if ACCOUNTABLE_RE.search(sentence):
        return [], []
    clauses = [c.strip() for c in re.split(r"[，,：:]", sentence)]
    for at, clause in enumerate(clauses):
        if at == 0 and (assisted := _assisting(clause)):  # "X协助Y确定…": X the doer, Y the units (as _helped)
            return assisted[:1], assisted[1:]
        leads = _role_named(clause, opening=at == 0)
        if not leads:
            continue
        units = []
        for after in clauses[at + 1:]:
            share = SHARE_RE.match(after)
            names = unit_names(share["name"]) if share else []
            if not names or not all(map(_office_doer, names)):
                break
            units += [name for name in names if name not in leads and name not in units]
        return leads, units
    return [], []


def _assisting(clause: str) -> list[str]:
    """"垃圾分类外包单位协助各村居及物业公司确定…": a clause whose subject, a run of offices' names, supports other offices
    in the work: the subject first, then those it supports (the first-office rule, as _helped reads "X要积极配合Y");
    [] for any other clause."""
    subject = subject_run(clause)
    rest = clause[len(subject):]
    supported = subject_run(rest[m.end():]) if subject and (m := SUPPORTS_RE.match(rest)) else ""
    names = [*_joined_names(subject), *_joined_names(supported)] if supported and len(supported) < len(rest) - 2 else []
    return names if len(names) > 1 and not any(map(ISSUER_RE.match, names)) else []


def _joined_names(run: str) -> list[str]:
    """The names of a run of offices, those joined by "及", "和" or "与" apart ("各村居及物业公司", "各排查整治小组及各村")
    where each part is an office's name or a body the plan sets up (SET_UP_RE) (not "区住房和城乡建设局")."""
    names = []
    for name in unit_names(run):
        parts = re.split(r"[及和与]", name)
        names += parts if len(parts) > 1 and all(only_offices(part) or SET_UP_RE.fullmatch(part) for part in parts) else [name]
    return names


def _role_named(clause: str, opening: bool) -> list[str]:
    """The offices a clause names by their part in the work, each an office's name: by their role in any clause
    (ROLE_BY_RE), as the agent, the body authorised or the subject charged (AGENT_RE, CHARGED_RE) in the clause opening
    its sentence only, whose work the sentence is ("…登记种植面积，由各片区汇总上报": a later clause's agent does a detail
    of it, test_table_held51b); each name a doer, or the run a list of offices read whole ("由乡党委、政府牵头": the
    level the first prints, the others' too, units.office_list); [] for any other clause."""
    if m := ROLE_BY_RE.match(clause) or opening and CHARGED_RE.match(clause):
        run = m["name"]
    elif opening and (m := AGENT_RE.match(clause)):
        run = subject_run(clause[m.end():])
    else:
        return []
    names = unit_names(run)
    return names if names and (office_list(run, towns=True) or all(map(_office_doer, names))) \
        and not any(ISSUER_RE.match(name) or WORDS_IN_NAME_RE.search(name) for name in names) else []


WORDS_IN_NAME_RE = re.compile(r"[的要是]")  # "由此带来的问题要…": a clause's words, no office's name
INSTITUTION = "机构"  # "助产技术服务机构", "基层医疗卫生机构": bodies of a service, named by it
DEFINITE_MIN = 4  # "企业", "医院" bare: a kind left open; "基层医疗卫生机构": the plan's addressees


def _office_doer(name: str) -> bool:
    """A doer that is an office, not a kind left open: an office's name (units.office_list, towns too: "区卫生监督所",
    "垃圾分类外包单位"), a body's name of DEFINITE_MIN characters or more ending as an office's ("基层医疗卫生机构"), or a
    kind of town's body named bare ("村居": every village the plan reaches, as "各村居"); not "企业对…负有主体责任" or
    "由医院负责", every company or hospital at large (README: a kind left open)."""
    return bool(office_list(name, towns=True)) or len(name) >= DEFINITE_MIN and office_clause(name) or name in TOWN_END


    # "（一）区党群工作部" over its duties: a party; "（二）…阶段（9月9日至11月30日）": a stage (list_stages'), no measure


# "充分发挥公安系统、市场监督管理部门、旅游巡回法庭三位一体的作用": bodies counted as one, working together
JOINT_RE = re.compile(r"发挥([^，,。；;：:]{4,80}?)([两二三四五六七八九])位一体")


def _joint_doers(paragraph: str) -> list[str]:
    """The bodies a paragraph names as working as one ("发挥A、B、C三位一体的作用，共同维护…"), as many as it counts,
    in order: its doers, the first the lead (the first-office rule); [] where it names none so."""
    m = JOINT_RE.search(paragraph)
    names = unit_names(m[1]) if m else []
    return names if m and len(names) == chinese_count(m[2].replace("两", "二")) else []


def paragraph_doers(paragraph: str, opening: bool = False) -> list[str]:
    """The offices a paragraph names as the subjects of its sentences, in order, each once: in any clause, the words
    before its "要" when they are only offices' names ("政法综治处要…"); in a sentence's first clause opening with "各"
    (every office of a kind: "各部门", "各村（居）"), the run of offices' names opening it (_opening: "各部门和各村（居）
    全面落实…", "各业务处室加强…"). A clause opening with a verb or a preposition ("根据…", "会同…") names none; an
    item's own paragraph (`opening`) opened by the plan's issuer ("我局…") names none (README: the issuer's own work), nor
    does a clause naming a set-up body's members ("…负责同志为组员的工作领导小组": MEMBERS_OF_RE). In an item's own
    paragraph a sentence naming its doers by their part in the work ("由乡党委、政府牵头，…") names them so, as a one-line
    item's does (sentence_roles): the offices that lead together one entry ("乡党委、政府"), as a 牵头单位 label prints
    them, their shares after the doers."""
    found: list[str] = _joint_doers(paragraph)
    helped: list[str] = []
    if opening and ISSUER_RE.match(paragraph.strip()):
        return found  # the issuer's own work first ("我局成立工作专班。各村要高度重视…"): no other doer leads it
    for sentence in re.split(r"[。；;！!]", paragraph):
        if ACCOUNTABLE_RE.search(sentence):
            continue  # "区卫计局将对…的，依法追究…责任": the office holding others to account, no doer of the work
        if DONE_REPORT_RE.match(sentence.strip()) and not PLAN_DATE_RE.search(sentence):
            continue  # "省市场监管局基本完成省级平台升级…": what a body has done, reported, no doer of the item's work
        if opening and (roles := sentence_roles(sentence))[0]:  # "由乡党委、政府牵头，召开…": its leads, its shares
            leads = "、".join(name for name in roles[0] if name not in found)
            found += [leads] if leads else []
            helped += roles[1]
            continue
        for at, clause in enumerate(re.split(r"[，,：:]", sentence)):
            clause = REQUEST_RE.sub("", clause.strip())
            if MEMBERS_OF_RE.search(clause):
                continue
            if opening and at == 0 and (town := issuing_town(clause)):  # "乡根据…": the issuing 乡's government
                found += [name for name in town if name not in found]
                continue
            if opening and at and (sent := SENDS_RE.match(clause)) and _office_doer(sent[1]):  # "公安消防部门派员授课"
                helped += [sent[1]]  # an office sending its people to the work shares it: a unit after the doers
                continue
            if opening and (reviewed := REVIEWED_BY_RE.match(clause)) and only_offices(reviewed[1]) and levelled(reviewed[1]):
                found += [name for name in unit_names(reviewed[1]) if name not in found]  # "经各片区管理局初审通过后"
                continue
            if not opening and found and (share := SHARE_BY_RE.match(clause) or SHARE_DUTY_RE.match(clause)) \
                    and only_offices(share[1]):
                found += [name for name in unit_names(share[1]) if name not in found]  # "由社会事业处组织…": its share
                continue
            if opening and (short := short_run(clause)):  # "请经信、商务、海渔等部门认真做好…": the divisions asked
                found += [name for name in short if name not in found]
                continue
            subject = _said_subject(clause)
            said = bool(subject)  # the subject of "要", every name an office's ("文体处、民政处要…")
            if not subject and opening and (by := BY_RE.search(clause)) and only_offices(by[1]) and levelled(by[1]):
                subject = by[1]
            if not subject and not LIST_OPENING_RE.search(clause) and not _work_given(clause) \
                    and (not opening and at == 0 and EVERY_KIND_RE.match(clause)
                         or opening and _levelled_start(clause)):
                subject = subject_run(clause)
            subject = subject if not opening or subject and len(subject) < len(clause) \
                and (levelled(subject) or said and _named_doers(subject)) \
                and not clause.startswith(tuple(f"{subject}{word}" for word in DUTY_WORDS)) else ""
            found += [name for name in (_joined_names(_named_only(subject)) if subject else []) if name not in found]
            helped += _helped(clause[len(subject):]) if opening and subject else []
    found = [name for name in found if not opening or f"配合{name}" not in paragraph]  # the plan's issuer helps it: none
    found = [name for name in found if not _named_again(name, found)]  # "各成员单位要…。各单位要…": one set
    found = [name for at, name in enumerate(found) if not _divisions_again(name, found[:at])]  # "各处…各处室…": one set
    return [*found, *(name for name in helped if found and name not in found)]


def _work_given(clause: str) -> bool:
    """A clause naming a piece of work before "由" and its doer after it ("各非景区景点网格点值班由网格长自行安排"): the
    words before 由 are the work ("各非景区…" no office opening a subject), unless they are only offices ("各村由…")."""
    head, by, _ = clause.partition("由")
    return bool(by) and bool(head) and not only_offices(head)


# the offices a doer works jointly with ("联合辖区各派出所加大…打击力度", "会同区交通局开展…"): they share its work, units
# after it; a qualifier of where they are ("辖区", "属地") no part of their names
JOINT_WITH_RE = re.compile(r"(?:联合|会同)(?:本?辖区|属地)?")


def joint_with(paragraph: str) -> list[str]:
    """The offices a paragraph says its doer works together with ("…，联合辖区各派出所加大对…打击力度"), in order, each
    once: the run of offices' names right after 联合 or 会同 (subject_run); a kind left open ("有关部门") none."""
    found: list[str] = []
    for m in JOINT_WITH_RE.finditer(paragraph):
        run = subject_run(re.split(r"[，,。；;：:]", paragraph[m.end():], maxsplit=1)[0])
        found += [name for name in unit_names(run) if _definite(name) and name not in found] if run else []
    return found


# a step's review by the offices named after 经 ("经各片区管理局初审通过后，报送…"): they do that part of the step
REVIEWED_BY_RE = re.compile(r"^经([^，,。；;由]{2,30}?)(?:初审|审核|审查|复核|核实|核查)")
# a sentence reporting what its subject has done ("省市场监管局基本完成省级平台升级建设工作", "区住建局已完成…"): the
# subject's results, as a plan's background states them, dated by no day of the plan
DONE_REPORT_RE = re.compile(r"^[^，,。；;：:]{2,30}?(?:已经?|基本)完成")
PLAN_DATE_RE = re.compile(rf"{PERIOD_LABEL}|{YEAR_ALONE}")  # a date of the plan's: "年底前基本完成…" is its work
AT_LARGE_KINDS = ("单位", "部门")  # "各单位", "各部门": every body addressed, the set a longer name of it has named


def _named_again(name: str, found: list[str]) -> bool:
    """"各单位" after "各成员单位" in the same paragraph ("各成员单位要…。各单位要积极配合…"): every body addressed, the
    set the longer name of the same kind named already, no second doer."""
    kind = name.removeprefix("各")
    return name.startswith("各") and kind in AT_LARGE_KINDS and any(
        other != name and other.startswith("各") and other.endswith(kind) for other in found)


# every division of a bureau, named with or without 室 ("各处", "各处室", "各业务科室"): one set either way
DIVISIONS_RE = re.compile(r"各(?:业务)?([处科])室?")


def _divisions_again(name: str, before: list[str]) -> bool:
    """"各处室" after "各处" in the same paragraph ("各处、各村要…。各处室根据自身职责分工…"): every division of the
    bureau, the set named already, no second doer."""
    m = DIVISIONS_RE.fullmatch(name)
    return m is not None and any((other := DIVISIONS_RE.fullmatch(earlier)) and other[1] == m[1] for earlier in before)


def _said_subject(clause: str) -> str:
    """The words before a clause's "要" when they name only its doers (_subjects: offices, a body the plan sets up), a
    kind left open among them ("各处室、相关单位要…": JOINED_OPEN_KIND_RE, read without it), or else before its "应"
    (SHOULD_RE: "各村居和包村工作队应全面落实…", the same duty said so); "" for any other clause."""
    ends = [clause.index("要")] if "要" in clause else []
    ends += [should.start()] if (should := SHOULD_RE.search(clause)) else []
    return next((subject for subject in (clause[:end] for end in ends) if subject and _doers_named(_named_only(subject))), "")


# "应" of a duty ("X应全面落实…", "应当", "应该"), not of a word it opens ("应急", "应对", "应用", "应答", "应届")
SHOULD_RE = re.compile(r"应(?![急对用答变届收征聘邀])")


def _doers_named(named: str) -> bool:
    """Words before a duty's "要" or "应" that name only its doers, each a definite one (_definite)."""
    return (_subjects(named) or _kind_subject(named)) and all(map(_definite, unit_names(named)))


def _kind_subject(words: str) -> bool:
    """One kind of institution named whole without 各 or a level before "要" ("助产技术服务机构要与…": 机构 after
    DEFINITE_MIN characters or more of the service it gives), the work's doer as "各X机构" is; a kind of business named
    by its class, with 各 or without ("各星级酒店应推广…", "旅游景区要加强…": BUSINESS_KINDS after QUALIFIER_MIN characters),
    every business of it; a kind named bare ("医疗机构要…", "培训机构", "景区要…"), left open as "企业" is, and a kind of
    the public the plan regulates ("养殖场(户)要…") are none."""
    kind = words.removeprefix("各")
    return CLAUSE_NAME_RE.fullmatch(words) is not None and unit_names(words) == [words] \
        and (words.endswith(INSTITUTION) and len(words) - len(INSTITUTION) >= DEFINITE_MIN
             or any(kind.endswith(end) and len(kind) - len(end) >= QUALIFIER_MIN for end in BUSINESS_KINDS))


QUALIFIER_MIN = 2  # "星级酒店", "旅游景区": a class of the kind; "酒店", "景区" bare left open


# a kind left open opening a run of offices ("各相关单位、各水利工作站要…"): the run's other offices are its doers
OPEN_KIND_OPENING_RE = re.compile(rf"^{OPEN_KIND_RE.pattern}(?:单位|部门|处室|科室|企业)[、和及与]")


def must_doers(clause: str) -> list[str]:
    """The doers a clause names before its "要" (_said_subject), a kind left open before them none ("各相关单位、各水利
    工作站要…": 各水利工作站; a kind left open alone, "各相关单位要…": none)."""
    said = _said_subject(clause.strip())
    return _joined_names(_named_only(said)) if said else []


def _definite(name: str) -> bool:
    """A name that is no kind left open ("各有关部门", "相关单位") nor a plan's role or level after 各 ("各责任单位"):
    an office, or every body of a definite kind (office_names.EVERY_KIND_RE, OPEN_KIND_RE)."""
    return OPEN_KIND_RE.match(name) is None and (not name.startswith("各") or EVERY_KIND_RE.match(name) is not None)


def _named_doers(subject: str) -> bool:
    """A subject of "要" whose offices are each named by an office's ending ("文体处、民政处") — every body of a kind
    among them a definite set ("各处室", not the plan's roles "各责任单位": EVERY_KIND_RE) — where no level opens them."""
    names = unit_names(_named_only(subject))
    return bool(names) and all(ends_like_unit(name) and _definite(name) for name in names)


def _named_only(words: str) -> str:
    """A run of offices' names without the kinds left open joined to it ("各处室、相关单位" → "各处室", "各相关处室、包村
    工作队" → "包村工作队": OPEN_KIND_OPENING_RE) and without the persons opening it ("各党政成员、各村、各单位" →
    "各村、各单位": PERSONS_OPENING_RE)."""
    return PERSONS_OPENING_RE.sub("", OPEN_KIND_OPENING_RE.sub("", JOINED_OPEN_KIND_RE.sub("", words)))


# persons named before the offices of a subject ("各党政成员、各村、各单位要…": the members of the town's party and
# government, no office; as a 分管领导 is none)
PERSONS_OPENING_RE = re.compile(r"^(?:各|全体)?(?:(?:党政|班子|党委)成员|(?:分管|主要)?领导|干部)、")


def _helped(rest: str) -> list[str]:
    """The offices a doer's clause says it supports ("各单位要积极配合区消防支队，…": rest "要积极配合区消防支队"), each
    named by its level: they share the work as its units, after its doer (the first-office rule), where a plan's
    issuer supporting an office ("配合X", no doer before it) names none."""
    m = SUPPORTS_RE.match(rest)
    run = subject_run(rest[m.end():]) if m else ""
    return unit_names(run) if run and levelled(run) else []


# "乡根据…", "镇组织…": a 乡's or a 镇's notice naming itself by its level alone before its work: its government does it
ISSUING_TOWN_RE = re.compile(r"^([乡镇])(?=[\u4e00-\u9fff])")
SENDS_RE = re.compile(r"^([^，,。；;]{2,20}?)派(?:员|人)")  # "公安消防部门派员授课": an office sending its people
# "渔限村工作人员1人": a post manned by an office's staff, the clause its own: the office does the post's duty ("局工作人员2名",
# the issuer's own staff by its level alone, names none)
STAFFED_BY_RE = re.compile(r"^([^，,。；;]{2,20}?)(?:工作人员|值守人员|值班人员)\s*(?:约|不少于|不低于|至少)?\s*"
                           r"(?:\d+|[一二两三四五六七八九十]+)\s*[名人](?:以上|左右)?$")
ORGANISED_RE = re.compile(r"^组织([^，,。；;]{2,40}?)等")  # "组织公安派出所、综治办…等基层力量": the offices it brings in


def post_staff(paragraph: str) -> list[str]:
    """The office whose staff man a post, its paragraph's first sentence after the post's place ("渔限村工作人员1人，负责
    引导车辆…"): [that office], then the offices the sentence says its staff support ("配合派出所设置卡口": units of the
    post's work, as _helped reads a doer's); [] when the staff are the issuer's own ("局工作人员2名") or the paragraph
    opens otherwise."""
    first, *clauses = re.split(r"[，,]", re.split(r"[。；;]", paragraph.strip(), maxsplit=1)[0])
    if not (staff := STAFFED_BY_RE.match(first.strip())) or not _office_doer(staff[1]):
        return []
    helped = [name for clause in clauses if (m := SUPPORTS_RE.match(clause.strip()))
              for name in _supported(clause.strip()[m.end():]) if name != staff[1]]
    return [staff[1], *dict.fromkeys(helped)]


def _supported(words: str) -> list[str]:
    """The offices opening the words after 配合 ("派出所设置卡口": 派出所), the run only offices' names or one name
    ending as an office's (office_clause: a body named by its kind, "派出所"); read here, not by subject_run, whose work
    openings ("派…") would take the name for a verb."""
    def named(run: str) -> bool:
        return only_offices(run) or office_clause(run)
    run = next((words[:j] for j in range(2, min(len(words), SUBJECT_MAX) + 1) if _opening(words, j, named)), "")
    return unit_names(run) if run else []


def issuing_town(clause: str) -> list[str]:
    """The doers of a clause a 乡 or 镇 opens by its level alone, the notice's issuer in the third person ("乡根据本地区实际，
    制定…", "乡组织公安派出所、综治办、安监站、工商所等基层力量，进行…"): its government (乡政府, 镇政府) first, the lead, then
    the offices it organises for the work, named before 等 (units: they do it with it); [] for any other clause (a name
    of a 乡 or 镇 after it is no such level: "乡镇…" is every town; the rest must open with the work, WORK_OPENING_RE)."""
    if not (m := ISSUING_TOWN_RE.match(clause)) or not WORK_OPENING_RE.match(rest := clause[m.end():]):
        return []
    organised = ORGANISED_RE.match(rest)
    names = unit_names(organised[1]) if organised else []
    names = names if names and all(map(office_clause, names)) else []
    return [f"{m[1]}政府", *names]


def step_doers(paragraph: str) -> list[str]:
    """The doers of a step dated by its own words ("（一）村级登记。村（居）委会逐户登记…。村级登记工作于3月15日前完成。",
    "（三）区级测算。区农业农村局牵头对…审核后，…4月底前会同区财政金融局共同测算…"): a procedure's step says who does it
    in its sentences, and its date marks it as work to be tracked, so any office is read, not only one named by its
    level: the run of offices opening a sentence ("村（居）委会逐户登记", "各片区要督促", "区农业农村局牵头对…"), and the
    run after "由" or "会同" in any clause ("由各片区委托金融机构…", "补贴数据由区农业农村局及时录入…", "会同区财政金融局
    共同测算"), and departments named by their short names before their kind ("安监、民政…等行业部门落实…": SHORT_RUN_RE);
    the first the lead. A kind left open ("各有关部门": OPEN_KIND_RE) or at large ("社会单位": AT_LARGE_RE) is none, and
    so is the plan's issuer ("我局积极配合…": its own work). An office the step reports to, pays to or urges
    ("报区农业农村局", "拨付到各片区", "督促所辖村（居）委会") is its object, none; so is one the plan's issuer helps
    ("配合X"). A paragraph labelling its offices by their role ("…。责任单位：区住建局；完成时限：…") names them itself:
    none read here (its label is)."""
    if ROLE_LABEL_RE.search(paragraph):
        return []
    found: list[str] = []
    for sentence in re.split(r"[。；;！!]", paragraph):
        if ACCOUNTABLE_RE.search(sentence):
            continue  # "区卫计局将对…的，依法追究…责任": the office holding others to account, no doer of the work
        for at, clause in enumerate(re.split(r"[，,：:]", sentence)):
            clause = REQUEST_RE.sub("", clause.strip())
            if at == 0 and (town := issuing_town(clause)):  # "乡组织…": the issuing 乡's government, what it organises
                found += [name for name in town if name not in found]
                continue
            if at and (sent := SENDS_RE.match(clause)) and _office_doer(sent[1]):  # "公安消防部门派员授课": shares it,
                found += [sent[1]] if sent[1] not in found else []  # after the doers (as paragraph_doers reads it)
                continue
            starts = [0] if at == 0 else []
            starts += [m.end() for m in STEP_BY_RE.finditer(clause)]
            for start in starts:
                words = clause[start:]
                if WORK_OPENING_RE.match(words):
                    continue  # "深化协同联动": the work itself, whatever office's ending it runs into ("…联")
                words = words[:m.start()] if (m := APPLIES_TO_RE.search(words)) else words
                subject = next((words[:j] for j in range(2, min(len(words), SUBJECT_MAX) + 1)
                                if _opening(words, j, only_offices) or only_offices(words[:j]) and words[j:j + 2] in OFFICE_VERBS), "")
                found += [name for name in (unit_names(_named_only(subject)) if subject else []) if name not in found]
            if at and (said := _said_subject(clause)) and _named_doers(said):  # "6月10日前，文体处、民政处要督促…"
                found += [name for name in unit_names(_named_only(said)) if name not in found]
        found += [name for name in short_run(sentence) if name not in found]  # "安监、民政、文化等行业部门落实…"
    return [name for name in found if f"配合{name}" not in paragraph and not OPEN_KIND_RE.match(name)
            and not AT_LARGE_RE.fullmatch(name) and not ISSUER_RE.match(name) and not HELPING_INSIDE_RE.search(name)]


# a helper's role inside what reads as one name ("片区防指配合实验区应急管理部门", "应配合实验区有关部门"): two parties and
# the work between them, no office's name
HELPING_INSIDE_RE = re.compile(r".配合.")


# a sentence opening with departments by their short names, closed by their kind ("安监、民政、文化、宗教、卫生、教育等行业
# 部门落实…": each name a department's, vocabulary.SHORT_OFFICE_NAMES), or any short names closed by a kind of office
# ("请经信、商务、海渔…等部门认真做好…", "经信、水利等处室重点做好…": office_names.SHORT_KIND_RE), the doers of the sentence
SHORT = '|'.join(sorted(SHORT_OFFICE_NAMES, key=len, reverse=True))
SHORT_RUN_RE = re.compile(rf"^(?:请)?((?:{SHORT})(?:、(?:{SHORT}))+)等[\u4e00-\u9fff]{{0,4}}部门"
                          r"|^(?:请)?((?:[\u4e00-\u9fff]{2,4}、)+[\u4e00-\u9fff]{2,4}?等(?:行业|有关|相关)?(?:部门|处室))")


def short_run(clause: str) -> list[str]:
    """The departments a clause opens with by their short names (SHORT_RUN_RE), each named as printed; [] for none."""
    if not (m := SHORT_RUN_RE.match(clause.strip())):
        return []
    names = unit_names(m[1] or m[2])
    if m[2] and (any("等" in name for name in names) or names[0] not in SHORT_OFFICE_NAMES and BY_WAY_OF_RE.match(names[0])):
        return []  # "经幼儿园、公安…等部门审核", "联合公安、工商…等部门…": whom the work passes through or is shared with
    return names


BY_WAY_OF_RE = re.compile(rf"经|{NO_DOER_RE.pattern}")  # a preposition or a verb before the names, no doer's
# the bodies a plan oversees, named as a kind at large ("社会单位开展自查自改", "生产经营单位…"): no office, no doer
AT_LARGE_RE = re.compile(r"(?:社会|生产经营)单位")


def levelled(words: str) -> bool:
    """Words whose offices each open with their level ("局海洋渔业处、区海洋与渔业执法支队") or are a body the plan sets
    up (SET_UP_RE: "消防安全检查工作领导小组"): in an item's own paragraph, where a clause opening with any word ending as
    an office's name ("及早处置") may be none."""
    names = unit_names(words)
    return bool(names) and _levelled_start(names[0]) \
        and all(LEVEL_RE.match(name) or name.startswith("各") or SET_UP_RE.fullmatch(name) for name in names)


def _levelled_start(words: str) -> bool:
    """Words opening with an office's level ("区…", "局…"), with every body of a kind ("各村…": EVERY_KIND_RE) or
    with a body the plan sets up ("…领导小组对…": SET_UP_RE)."""
    return LEVEL_RE.match(words) is not None or EVERY_KIND_RE.match(words) is not None or SET_UP_RE.match(words) is not None


def opening_doers(clause: str) -> str:
    """The offices a clause opens with as its subject, named by their level, every body of a kind or a body the plan sets
    up (_levelled_start: "区教育局、医保局…等主管部门，要…", "各乡镇组织…", "…工作领导小组对…"); "" for a clause opening
    with its work ("明确安全管理主体单位", "在公共走道…": a verb, a preposition)."""
    return subject_run(clause) if _levelled_start(clause) else ""


def subject_run(clause: str, offices: Callable[[str], bool] | None = None) -> str:
    """The run of offices' names a clause opens with as its subject ("各部门和各村（居）全面落实…": "各部门和各村（居）"),
    ended where no further name joins it (_opening); "" when it opens with none. A request's 请 is no part of it ("请各单位
    做好…": 各单位, REQUEST_RE). `offices`: what the run must be (only_offices by default: each name an office's). Whatever
    `offices` accepts, a clause opening with its work (WORK_OPENING_RE: "成立以局长为组长" is no "成立以局", "请示上级部门
    同意后…" no "请示上级部门") opens with no subject, nor does one whose office is followed by a person's title
    ("局各处室负责同志为组员…": _opening): one rule here, for every caller."""
    words = REQUEST_RE.sub("", clause)
    if WORK_OPENING_RE.match(words):
        return ""
    return next((words[:j] for j in range(2, min(len(words), SUBJECT_MAX) + 1) if _opening(words, j, offices or only_offices)),
                "")


def _opening(clause: str, end: int, offices: Callable[[str], bool]) -> bool:
    """Whether clause[:end] is a run of offices' names that ends there: the next character joins no further name
    ("、", "和", a bracket; "及" opening a verb, "各单位及时组织…", joins none) nor lengthens the last ("各业务处" then
    "室"), nor names the office's people, a person's title in it or right after it ("区住建局负责同志", "局长":
    PERSON_TITLE_RE), and no word runs across its end (SPLIT_RE: "乡政府组织…" ends at "乡政府", whatever "乡政府组"
    reads as), nor through a "的" ("各地灾点所在村的联合党委": where the body is, no office's name)."""
    return clause[end - 1] not in JOINERS and not SPLIT_RE.match(clause, end - 1) and "的" not in clause[:end] \
        and not PERSON_TITLE_RE.search(clause[:end + len("负责同志")]) and offices(clause[:end]) \
        and (end == len(clause) or (clause[end] not in JOINERS or clause[end:end + 2] in OFFICE_VERBS)
             and (not offices(clause[:end + 1]) or _word_after(clause, end, offices)))


def _word_after(clause: str, end: int, offices: Callable[[str], bool]) -> bool:
    """Whether a word opens right after clause[:end] (SPLIT_RE: "乡政府组织人员…") that no office's name runs on
    through ("区委组织部" is one name), a set-up verb never ("各村组建义务消防队" is 各村's work)."""
    word = SPLIT_RE.match(clause, end)
    return word is not None and (word["set_up"] is not None or not any(
        offices(clause[:k]) for k in range(end + 3, min(len(clause), end + 8) + 1)))


def _subjects(words: str) -> bool:
    """Words before a sentence's "要" that name its doers: offices (only_offices), or a body the plan sets up for its work
    and its members ("专项整治行动工作组要…", "检查组成员要…": SET_UP_RE), each of them, offices joined to them
    ("各排查整治小组及各村要…": _joined_names)."""
    names = _joined_names(words) if words else []
    return only_offices(words) or bool(names) and "由" not in words and not NO_DOER_RE.match(words) \
        and all(SET_UP_RE.fullmatch(name.removesuffix(MEMBERS)) or only_offices(name) for name in names)


def only_offices(words: str) -> bool:
    """Words that are only offices' names, joined by "、" or "和" ("各处室、东庠办事处和各村（居）"), each an office's
    (units.office_list) or every division of a bureau ("各处室", "各业务处室", "局各处室": EVERY_DIVISION_RE); never words
    naming the work before "由" ("…工作由片区管理局") nor opening with a verb (NO_DOER_RE)."""
    names = unit_names(words) if words else []
    return bool(names) and "由" not in words and not NO_DOER_RE.match(words) and all(
        CLAUSE_NAME_RE.fullmatch(name) and (office_list(name, towns=True) or EVERY_DIVISION_RE.fullmatch(name) is not None)
        for name in names)


