"""Figures that name or pick things rather than count the year's work ("16种慢性病患者", "年产2.6万吨…项目", "总投资3000万元
的…项目"): split from mentions.py, which reads every figure of a clause and asks these whether one is a target."""

from __future__ import annotations

import re

from mstrack.domain.characters import simplified
from mstrack.domain.quantities import CHINESE_NUMERAL, chinese_count
from mstrack.vocabulary import AT_LEAST_PREFIXES, FIGURE_VERBS

SIZE_UNITS = ("米", "平方米", "平方", "平方公里", "公里", "千米", "立方米", "公顷", "亩", "吨")


KINDS_OF_PEOPLE_RE = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:患者|病人|人群|人员|对象|群体)")
POLICY_RE = re.compile(r"(?:措施|意见|举措|政策|规定|办法)")
CARRIED_OUT_RE = re.compile(r"(?:落实|贯彻|执行|兑现)[^，,；;。]*$")
NAMED_PROJECTS_RE = re.compile(r"[^，,；;。]*?等(?:重点|重大)?(?:项目|工程)")
# "年产2.6万吨…", "日处理约5万吨…", "日处理不少于5万吨…": what a plant makes, as its name says, estimated or bounded
CAPACITY_RE = re.compile(rf"[年日](?:产|处理|加工)\s*(?:约|約|{'|'.join(AT_LEAST_PREFIXES)})?\s*$")
HERD_BEFORE_RE = re.compile(r"(?:存栏|年?出栏|饲养)\s*(?:量)?\s*(?:约|达到?)?\s*$")  # "存栏1500头以上…养殖场": a farm's size
COST_BEFORE_RE = re.compile(r"(?:^|[，,；;：:])\s*(?:计划|計劃)?(?:总|總)?(?:投资|投資)\s*(?:约|約)?$")  # opening the clause
PROJECT_NAME_RE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]*?项目")  # the name's words, unbroken, up to 项目
# "活动阵地(约500平方米左右)", "服务中心1个（面积约800平方米）": the size of the thing just named, in its bracket
SIZE_IN_BRACKET_RE = re.compile(r"[\u4e00-\u9fff\d个所座处][（(]\s*"
                                r"(?:约|約|大约|(?:建筑|占地|使用|总)?面积\s*(?:约|約)?|占地\s*(?:约|約)?)\s*"
                                r"(?:不少于|不低于|至少|超过|达到?)?\s*$")  # "(约不少于500平方米)": bounded, a size still


QUOTED_LIST_RE = re.compile(r"[“\"]([^“”\"]+、[^“”\"]+)[”\"]\s*$")  # a quoted list of parts right before a count


# "成员由…组成，负责对乡三处临时安置过渡房进行排查整治": the things a body's standing duty covers, counted, no work delivered
DUTY_SCOPE_RE = re.compile(r"负责对[^，,；;。对]*$")
# "加强消防知识21条…的宣传": a text known by its count, "约" or a bound before it as a variant writes it
TEXT_NAMED_RE = re.compile(rf"(?:知识|常识|须知|守则|要点|禁令)\s*(?:约|約|{'|'.join(AT_LEAST_PREFIXES)})?\s*$")
PHASES_LISTED_RE = re.compile(r"\d\s*[、和及至到-]\s*$")  # "1、2期", "1至3期": phase numbers listed, one measure word
DIVIDED_RE = re.compile(r"(?<![充部])(?:划分|分)(?:为|成)[^，,；;。\d]*$")  # "划分为…三个类别", "分为如下三个阶段"
# "引导车辆向渔限码头、渔限村两个方向分流": the directions a flow goes, counted, where the work goes, no work delivered
DIRECTIONS_RE = re.compile(r"\s*(?:方向|方位)")

# "（三）…路口。渔限村工作人员1人，负责引导车辆…": the staff a post is manned with, a clause of its own, the staff an
# office's ("局工作人员", "渔限村工作人员") or no one's, no verb before it
STAFF_POSTED_RE = re.compile(r"^\s*((?:[\u4e00-\u9fff]{0,8}?(?:村|局|镇|乡|所|站|处|社区|中心|办|队|委会))?)"
                             rf"(?:工作人员|值守人员|值班人员)\s*(?:约|約|{'|'.join(AT_LEAST_PREFIXES)})?\s*$")

# "配备39名工作人员", "由福生公司派4名人员", "配备2名保安": the staff a group or a post is manned with, no work delivered
BOUND = rf"(?:约|約|{'|'.join(AT_LEAST_PREFIXES)})?"  # "配备约4名", "片区不少于2名": an estimate's or a floor's staff
MANNED_BEFORE_RE = re.compile(rf"(?:配备|派|安排)\s*{BOUND}\s*$")
# ("配备10名专职人员" is a post to fill: a figure)
MANNED_AFTER_RE = re.compile(r"^\s*(?:(?:工作)?人员|保安|民警|辅警)?\s*$")
# "片区2名、民警1名、保安2名", "福生公司1名、无人机操作员1名（由区指挥中心负责）": who mans it, a clause of counts alone,
# each of the issuer's own staff, of a role or of a body; "保安1名": a guard's or a policeman's count alone. A clause
# that recruits or trains ("招聘网格员20名、协管员10名") counts work
ROSTER_NAME = r"[\u4e00-\u9fff][\u4e00-\u9fff\s]{0,11}?"  # "无人机操作 员": a space inside as printed
STAFF_COUNT = rf"\s*{BOUND}\s*\d{{1,3}}\s*名\s*(?:以上|左右)?"  # "约4名", "2名以上"
ROSTER_PIECE = rf"({ROSTER_NAME}){STAFF_COUNT}"
ROSTER_RE = re.compile(rf"^\s*{ROSTER_NAME}{STAFF_COUNT}(?:\s*[、，,]\s*{ROSTER_NAME}{STAFF_COUNT})+\s*"
                       r"(?:[（(][^（）()]*[）)])?\s*[；;。]?\s*$")
ROSTER_NAME_RE = re.compile(r"^(?:片区|保安|民警|辅警|交警|协警|[\u4e00-\u9fff\s]{1,8}员|[\u4e00-\u9fff]{1,10}(?:公司|部门|中心))$")
RECRUITED_RE = re.compile(rf"{FIGURE_VERBS}|招聘|招录|招募|培训|培养|选派|配齐|新增")
GUARDS_RE = re.compile(rf"^\s*(?:保安|民警|辅警|交警|协警){STAFF_COUNT}\s*$")


def _roster(clause: str) -> bool:
    """Whether a clause is nothing but the counts of who mans a site (ROSTER_RE, each name ROSTER_NAME_RE's)."""
    return ROSTER_RE.match(clause) is not None and not RECRUITED_RE.search(clause) and all(
        ROSTER_NAME_RE.match(m[1].strip()) for m in re.finditer(ROSTER_PIECE, clause.split("（")[0].split("(")[0]))


def names_not_counts(clause: str, prefix: str, after: re.Match, unit: str, number: str = "") -> bool:
    """Figures that name or pick things rather than count the year's work: "16种慢性病患者" (which patients), a
    policy carried out by its name ("落实好提振市场信心90条措施"; "出台措施10条" is a count), and the size of a
    named project in a list closed by 等项目 ("甲公司25万吨己二酸…等项目建设"; "新建管网18公里、…等项目" and "新建3所学校等
    项目" count), or a capacity inside a project's name ("年产2.6万吨…项目"), a farm's herd bounded before the farms
    it picks ("存栏1500头以上生猪养殖场"), or a project's cost opening the clause as
    its description ("总投资3000万元的…项目"; "投资3000万元建设…" and "…，总投资1.2亿元。" are sums to spend), or the size of
    the thing named before a bracket that says it ("活动阵地(约500平方米左右)", "…1个（面积约800平方米）"), the things a
    body's duty covers ("负责对乡三处…进行排查整治"), a text known by its count ("消防知识21条"), or the directions a
    flow is sent ("两个方向分流")."""
    rest = clause[after.end():]
    if unit in ("名", "人") and (staff := STAFF_POSTED_RE.search(prefix)) and not rest.strip(" 。.") \
            and not re.search(rf"(?:{FIGURE_VERBS})", simplified(staff[1])):
        return True  # "局工作人员2名，负责疏导…": who mans a post, no work delivered ("培训工作人员50名": work)
    if unit == "名" and (MANNED_BEFORE_RE.search(prefix) and MANNED_AFTER_RE.match(rest)
                        or _roster(clause) or GUARDS_RE.match(clause)):
        return True  # "配备39名工作人员", "片区2名、民警1名": a site's staffing, a working rule, no target
    if unit == "期" and PHASES_LISTED_RE.search(prefix):
        return True  # "幸福洋吹沙地1、2期造林工程": the phases named by their numbers ("分3期建设" counts them)
    if DUTY_SCOPE_RE.search(prefix) and re.match(r"[^，,；;。]*?进行", rest):
        return True  # "负责对乡三处临时安置过渡房进行排查整治": which things a body answers for ("对12所学校进行改造": work)
    if unit == "条" and TEXT_NAMED_RE.search(prefix):
        return True  # "消防知识21条": a text taught by the name its count gives it ("出台措施10条" counts)
    if unit == "个" and DIRECTIONS_RE.match(rest):
        return True  # "向渔限码头、渔限村两个方向分流": which ways the traffic goes, no work delivered
    if DIVIDED_RE.search(prefix):
        return True  # "将农用地划分为优先保护类、…三个类别": how many kinds a thing is divided into, no work
    if (quoted := QUOTED_LIST_RE.search(prefix)) and re.match(rf"\s*{CHINESE_NUMERAL}", clause[len(prefix):]) \
            and number.isdigit() and int(number) == len(quoted[1].split("、")):
        return True  # "“重点人群、重点水域、重点时段”三个关键环节": the parts just named, counted in words
    if unit in SIZE_UNITS and (m := SIZE_IN_BRACKET_RE.search(prefix)) \
            and not re.search(rf"(?:{FIGURE_VERBS})$", simplified(prefix[:m.start() + 1])):
        return True  # "…活动阵地(约500平方米左右)": how big the thing is, not the work ("新建城市绿道（12公里）",
        # "对站前广场进行改建(占地面积约2.4万平方米)": the work's size, after its verb, are)
    if "元" in unit and COST_BEFORE_RE.search(prefix) and rest.lstrip().startswith("的"):
        return True  # "总投资3000万元的城东污水处理厂项目开工建设": the project's cost says which project, no deliverable
    if HERD_BEFORE_RE.search(prefix) and re.search("以上|以下", f"{after['suffix1'] or ''}{after['suffix2'] or ''}") \
            and re.match(r"\s*的?[\u4e00-\u9fff]", rest):
        return True  # "存栏1500头以上生猪养殖场标准化改造": the herd picks which farms ("生猪存栏30万头以上" is a target)
    if unit in ("种", "类") and KINDS_OF_PEOPLE_RE.match(rest):
        return True
    if unit in ("条", "项") and POLICY_RE.match(rest) and CARRIED_OUT_RE.search(prefix):
        return True
    if CAPACITY_RE.search(prefix) and re.match(r"[\u4e00-\u9fff]", rest) and PROJECT_NAME_RE.match(rest):
        return True  # "安标年产2.6万吨装配式建筑零配件智能制造项目": a project's name holds its capacity, no target
    return unit in (*SIZE_UNITS, "千瓦", "兆瓦") and re.match(r"(?![和及与并等的])[\u4e00-\u9fff]", rest) is not None \
        and NAMED_PROJECTS_RE.match(rest) is not None


# "30户以上自然村寨垃圾收运设施覆盖率达95%": a count bounded by 以上 / 以下 straight before the things it sizes, whose rate
# the same clause then sets: a size class that picks which ones (villages of 30 households or more), the rate the target
SIZE_CLASS_RATE_RE = re.compile(r"\s*(?![和及与并等的])[\u4e00-\u9fff][^，,；;。\d]{0,30}?(?:率|比例|比重|占比)\s*"
                                r"(?:达到?|为|在|提高到?|提升到?|保持在?|不低于|超过)?\s*约?\s*\d[\d.]*\s*[%％]")


def size_class(clause: str, after: re.Match, unit: str) -> bool:
    """A bounded count of a size class before the subject of a rate ("50人以下企业参保比例达到90%"), no target; a count
    bounded so of the things it counts ("100个以上社区食堂") is one."""
    bound = f"{after['suffix1'] or ''}{after['suffix2'] or ''}"
    return unit not in ("%", "％") and re.search("以上|以下", bound) is not None \
        and SIZE_CLASS_RATE_RE.match(clause, after.end()) is not None


# "建成1个城市书房(百姓书屋，藏书10000册)": one thing counted, right before a bracket
ONE_THING_RE = re.compile(r"(?<![\d.十百千万两二三四五六七八九零〇])(?:1|一)\s*(?:个|所|座|处|家|间|条|台|套|栋|幢)"
                          r"[\u4e00-\u9fff]{0,12}$")
WORK_IN_BRACKET_RE = re.compile(rf"{FIGURE_VERBS}|打造|共|累计|合计|总计|其中")


# a capacity the programme counts, a target of its own kind wherever it is printed ("学位1200个", "1200个学位")
CAPACITY = r"(?:学位|床位|车位|泊位|座位|托位)"
CAPACITY_BEFORE_RE = re.compile(rf"{CAPACITY}\s*(?:数|数量)?\s*(?:约|不少于|不低于|至少|达到?)?\s*$")
CAPACITY_AFTER_RE = re.compile(rf"\s*(?:以上)?\s*(?:的)?\s*[\u4e00-\u9fff]{{0,4}}?{CAPACITY}")


def describes_one(prefix: str, following: str = "") -> bool:
    """A figure past a comma in the bracket after one thing counted, the bracket a list of what that thing is ("1个城市
    书房(百姓书屋，藏书10000册)": its kind, its books), no work of its own. With a verb of work or a total before it in the
    bracket ("1所学校（新建，…3000平方米）"), after several things ("建设2所学校（新建，改扩建共5000个学位）"), or first
    in its bracket ("1所学校（学位1200个）"), it is a target, as before; so is a capacity the programme counts (学位,
    床位, 车位, 座位: "1所学校（九年一贯制，学位1200个）"), a target of its own kind. `prefix`: the words before the
    figure, from the clause the bracket opened in (mentions.brackets_open); `following`: the words after its unit."""
    at = max(prefix.rfind("（"), prefix.rfind("("))
    inside = prefix[at:] if at >= 0 else ""
    return re.search(r"[，,]", inside) is not None and re.search(r"[）)]", inside) is None \
        and WORK_IN_BRACKET_RE.search(inside) is None and ONE_THING_RE.search(prefix[max(0, at - 24):at]) is not None \
        and not CAPACITY_BEFORE_RE.search(inside) and not CAPACITY_AFTER_RE.match(following)


# "河道设计宽度50米", "宽度设计分别为30米", "景观规划面积…", "占地面积约…": a design's or a plan's size
SIZE_BOUND = r"(?:分别|约|为|达到?|不少于|不低于|不小于|至少|超过|\s)*$"  # "分别为", "约不少于": still one size
DESIGN_SIZE_RE = re.compile(r"(?:(?:设计|规划|占地)[\u4e00-\u9fff]{0,2}?(?:面积|宽度|长度|总长|全长|宽|长)|(?:面积|宽度|长度)设计)"
                            + SIZE_BOUND)
# "河道总长1.5公里", "景观工程南北总长约4公里", "沙滩整治修复工程长约3.8公里": the length of a thing named before it
THING_LENGTH_RE = re.compile(r"(?:(?:南北|东西)?(?:总长|全长)|(?:工程|项目)长)" + SIZE_BOUND)
WORK_VERB_RE = re.compile(FIGURE_VERBS)


def design_size(prefix: str, unit: str) -> bool:
    """A size that describes the project, not how much is done: a design's, a plan's or a footprint's ("设计宽度50米",
    "规划面积424600平方米", "占地面积约380000平方米"), or the length of a thing with no verb of work before it in the
    clause ("河道总长1.5公里"; a verb inside a project's name, "沙滩整治修复工程长约3.8公里", is no work's). "新建绿道总长
    10公里" names the work done: a target."""
    if unit not in SIZE_UNITS:
        return False
    if DESIGN_SIZE_RE.search(prefix):
        return True
    length = THING_LENGTH_RE.search(prefix)
    words = re.split(r"工程|项目", prefix[:length.end()])[-1] if length else ""
    return length is not None and WORK_VERB_RE.search(words) is None


# a list of things named one by one and their count in words after it ("远大、中发和中荣三家企业"): the document's own set
NAME = r"[^\s的，,。；;：:、和及与（）()“”\d]{1,8}?"
NAMED_LIST_RE = re.compile(rf"((?:{NAME}、)+{NAME}(?:[和及与]{NAME})?|{NAME}[和及与]{NAME})({CHINESE_NUMERAL}+)\s*"
                           r"(家|个|所|座|处|项|条|名)([\u4e00-\u9fff]{2})")
# the nouns a set of firms goes by: "三家企业" named again as "三家商品砼公司"
FIRM_NOUNS = ("企业", "公司", "厂")


def named_counts(lines: list[str]) -> frozenset[tuple[int, str, str]]:
    """The counts of the sets a document names one by one ("将…远大、中发和中荣三家企业列为整治对象": (3, "家", "企业")),
    from the lines above its list: a count of that many in the same measure word, in words, of the same noun, in an item
    ("调查三家商品砼公司…") is that set again, no work of the year to count (named_again). A title's "教育、医疗和养老三个
    领域" names fields: "新建三个社区养老服务中心" counts no field."""
    found = set()
    for line in lines:
        for m in NAMED_LIST_RE.finditer(line):
            count = chinese_count(m[2])
            if count is not None and count == len(re.split(r"[、和及与]", m[1])):
                found.add((count, m[3], m[4]))
    return frozenset(found)


def _same_noun(noun: str, words: str) -> bool:
    """Whether the words after a count name the set's noun again: itself, or a firm as another name of firms (either
    printed in traditional characters, "企業")."""
    noun, words = simplified(noun), simplified(words)
    return noun in words or noun in FIRM_NOUNS and any(firm in words for firm in FIRM_NOUNS)


def named_again(value: float, unit: str, excerpt: str, named: frozenset[tuple[int, str, str]]) -> bool:
    """A figure that counts, in words, a set the document has named one by one (named_counts), naming its noun again:
    "调查三家商品砼公司涉嫌…" after "远大、中发和中荣三家企业"; the same count in digits ("新建3家") is a figure of its own,
    and so is a count of another noun ("新建三个社区养老服务中心" after "…三个领域")."""
    return any(value == count and unit == measure and not re.search(rf"(?<![\d.]){count}\s*{measure}", excerpt)
               and any(chinese_count(m[1]) == count and _same_noun(noun, m[2])
                       for m in re.finditer(rf"({CHINESE_NUMERAL}+)\s*{measure}([^，,。；;]{{0,8}})", excerpt))
               for count, measure, noun in named)
