"""The names figures take: the content words of a clause, an indicator's short name cut from the words around its
figure, and the names several figures share ("…分别达到80%和35%", "…均增长12%", "新建和改造公厕各10座"). Split from
mentions.py, which finds the figures and says which are targets."""

from __future__ import annotations

import re
import unicodedata

from mstrack.domain.dates import FEAST_LABEL, PERIOD_RE
from mstrack.sources.table.kept import read_once
from mstrack.sources.table.numbers import without_clock
from mstrack.sources.table.schedule import OFFICE_SUBJECT_RE
from mstrack.vocabulary import (
    BOUND_WORDS,
    COMMITMENTS,
    COMPLETION_VERBS,
    FIGURE_VERBS,
    LEVEL_HOLDING_WORDS,
    LEVEL_NAMING_WORDS,
    MANNER_WORDS,
    PLACE_NAME,
    START_VERBS,
    WHOLE_AREA,
)

CHANGE_WORDS = r"增加|增长|提高|提升|下降|减少|降低|削减|压减|缩减"  # "较2022年增加5%": a change on a baseline year is a target


STAGE_WORDS = ("开工", "动工", "完工", "竣工", "验收", "启动", "确定", "选址", "立项", "招标", "签约", "印发", "遴选", "申报",
               "评选", "挂牌", "工程量", "工程总量", "进度")
STOP_WORDS = ("全市", "累计", "完成", "实现", "开展", "推动", "推进", "达到", "不少于", "不低于", "至少", "超过", "以上",
              "以下", "左右", "全年", "上半年", "前三季度", "年底", "预计", *COMMITMENTS, "进一步", "其中", "各类",
              "任务", "工作", "全部", "全面", "共", "达", "约", "的", "为", "在", "对", "和", "及", "并", "新增", "新建", "同比", "环比")
PLANNED_RE = re.compile(r"计划(?=完成|新增|新建|建成|实施)")  # "计划完成4公里": the plan's verb, no word of what is counted


@read_once
def content_words(text: str) -> str:
    """CJK words only, without the generic verbs and fillers that every clause shares."""
    text = PLANNED_RE.sub(" ", unicodedata.normalize("NFKC", text))
    for word in STOP_WORDS:
        text = text.replace(word, " ")
    return "".join(re.findall(r"[\u4e00-\u9fff]+", text))


def stages_in(text: str) -> frozenset:
    return frozenset(w for w in STAGE_WORDS if w in text)


def head_noun(before: str, after: str) -> tuple[str, bool]:
    """The head noun of a quantity, and whether it follows the unit ("3000个优质岗位") or precedes the number."""
    head = re.match(r"[\u4e00-\u9fff]{2,6}", after.strip(" 、,，“”\"").split("的")[0])
    if head and not head[0].startswith(STAGE_WORDS):
        return content_words(head[0]), True
    return content_words(before)[-4:], False


LEADING_FILLERS = re.compile(rf"^(?:{WHOLE_AREA}|累计|实现|完成|推动|推进|{'|'.join(COMMITMENTS)}|预计|"
                             r"计划(?=完成|新增|新建|建成|实施)|其中|对|在|"
                             r"为|共|全年|年底|上半年|前三季度|年内|每年|"
                             r"分别|按照|按|目前|同时|并|和|及|、|同比|环比|即)+")  # 同比 (year on year), 即 (that is) name nothing
# a bound left at a name's end names nothing, whichever bound it is (vocabulary.BOUND_WORDS: "失业率不高于5.5%")
TRAILING_FILLERS = re.compile(rf"(?:{'|'.join(BOUND_WORDS + LEVEL_HOLDING_WORDS)}|达|为|至|约|分别|提高至|提高到|增长|上升|"
                              r"(?:压缩|缩短)[至到]|累计完成|累计|完成|任务|的|共|扩大)+$")
# "…比例不低于省定标准", "…面积超过省下达任务": a bound on a standard or on the item's own task names the level the figure
# after it gives (vocabulary.LEVEL_NAMING_WORDS); the level's words name nothing ("超" alone is too short to tell)
LEVEL_NAMED_RE = re.compile(rf"(?P<bound>{'|'.join(w for w in BOUND_WORDS + LEVEL_HOLDING_WORDS if len(w) > 1)})"
                            rf"(?P<level>[\u4e00-\u9fff]{{0,8}}?(?:{'|'.join(LEVEL_NAMING_WORDS)}))\s*$")
RATE_NAME_RE = re.compile(r"(?:率|比例|占比|比重|覆盖面)\s*$")  # what a percentage is the level of


def named_level(prefix: str, unit: str) -> re.Match | None:
    """The bound on a standard before a figure, where the figure is the standard's level ("…比例不低于省定标准85%",
    "…浓度低于国家二级标准35微克/立方米"). A percentage off a standard for an amount ("收入高于最低工资标准10%") is a
    distance from a level the programme does not state, as "高于省定标准2个百分点" is: None, no level of its own."""
    level = LEVEL_NAMED_RE.search(prefix)
    named = prefix[:level.start()] if level else ""
    if level and unit in ("%", "％") and re.search(r"[\u4e00-\u9fff]", named) and not RATE_NAME_RE.search(named):
        return None
    return level


@read_once
def clean_name(text: str) -> str:
    text = PERIOD_RE.sub("", OFFICE_SUBJECT_RE.sub("", re.sub(r"\s+", "", text)))  # "6月底前全市建档率" → 建档率
    text = without_clock(text)  # "7:50前完成检查50家": the time of day the work is done by, no name
    text = FEAST_LABEL_RE.sub("", text)  # "国庆节前完成2个": the date the count is due, no name
    text = re.sub(r"[“”\"‘’]", "", text)
    text = text.split("（")[-1] if text.count("（") > text.count("）") else text
    text = text.split("）")[0] if text.count("）") > text.count("（") else text
    text = LEVEL_NAMED_RE.sub(r"\g<bound>", LEADING_FILLERS.sub("", text.strip(" 、,，")))
    text = growth_named(text, TRAILING_FILLERS.sub("", text))
    text = TRAILING_PERIOD_RE.sub("", text)  # "优良天数比例每季度不低于90%": the period the bound holds in names nothing
    return PLACE_COUNT_RE.sub("", text)  # "在17个乡镇建设文化广场17个": the places counted are no part of the name


# "地区生产总值增长5%以上": a growth target's indicator is the growth (地区生产总值增长), as the seeds and the office's own
# reports name it; the baseline before the verb ("比上年", "同比") names nothing, and a verb alone ("即增长5%") names nothing
GROWTH_BASELINE_RE = re.compile(r"(?:比上年|较上年|比去年|较去年|同比)$")
GROWTH_VERB_RE = re.compile(r"(?:分别)?增长")  # "…收入分别增长7.5%和8%": each a growth


def growth_named(text: str, bare: str) -> str:
    """`bare` (`text` without its trailing fillers), with 增长 again where the fillers began with it."""
    trimmed = bare.strip(" 、,，")
    if not trimmed or not GROWTH_VERB_RE.match(text[len(bare):]):
        return trimmed
    trimmed = GROWTH_BASELINE_RE.sub("", trimmed).strip(" 、,，")
    return f"{trimmed}增长" if trimmed else trimmed


# a period after a name, before its bound ("…比例每季度"): no part of the name; a name that is only the period ("每季度不高于
# 4.5%") stays, for period_amounts.bound_each_period to name by the level it bounds; after a per-head measure ("每人每月", "每生每年")
# the period is part of the standard's unit, and stays
FEAST_LABEL_RE = re.compile(FEAST_LABEL)
TRAILING_PERIOD_RE = re.compile(r"(?<=[\u4e00-\u9fff])(?<!每[\u4e00-\u9fff])每个?(?:季度|月|半年|周|年)$")


PLACE_COUNT_RE = re.compile(r"^\d+\s*个(?=[\u4e00-\u9fff]{0,4}?(?:乡镇|镇街|村|社区|街道|镇|乡|小区|县|区))")


@read_once
def short_name(before: str, after: str) -> str:
    """A short indicator name: "新增病床 3200 张" → 新增病床; "开发不少于3000个优质岗位" → 开发优质岗位."""
    front = clean_name(before)
    back = re.sub(r"\s+", "", after).strip(" 、,，“”\"")
    if back.startswith("的"):  # "100%的辖区", "9000 个的任务目标"
        back = "" if len(content_words(front)) >= 2 else back[1:]
    back = re.split(r"[，,；;。（(]|可为|进行|实现", back)[0]
    if "的" in back:  # "10家方便可及、…、质量有保障的普惠性托育服务机构": the noun after the descriptions
        described, noun = back.rsplit("的", 1)
        back = noun if "、" in described or len(described) > 8 else described
    back = clean_name(back)
    if len(content_words(back).replace("目标", "")) >= 2 and not back.startswith(STAGE_WORDS) \
            and not re.match(r"[和及、与并]", after.strip()):
        name = front + back if len(front) <= 4 else front[-6:] + back if len(back) <= 4 else back
    else:
        name = front
    return cut_name(name)


NAME_LENGTH = 20  # the longest name a careful reader writes for a figure, when the words allow a cut


def cut_name(name: str) -> str:
    """A name over NAME_LENGTH characters cut where a description ends, after its 的 ("…为一体的综合服务中心" →
    综合服务中心), the longest tail that fits; else the whole name: a cut elsewhere splits a word ("疗保险…") or drops
    one of the things joined ("…医疗保险和城乡居民大病保险…"), and names nothing a careful reader would write."""
    if len(name) <= NAME_LENGTH:
        return name
    return next((name[m.end():] for m in re.finditer("的", name) if 2 <= len(name) - m.end() <= NAME_LENGTH), name)


LABEL_GAP_RE = re.compile(r"\s*[、和及与]\s*(?:约|近|不少于|不低于|至少)?\s*")  # nothing but a joint (and its bound)


# two verbs of work before the figures ("新建、改扩建…4所、3所", "新建和改造…30公里、50公里"): one figure each, as with 分别
# (vocabulary.FIGURE_VERBS: narrower than the verbs that open a task, vocabulary.TASK_OPENING, on purpose)
VERB_PAIR_RE = re.compile(rf"(?:{FIGURE_VERBS})\s*[、和及与]\s*(?:{FIGURE_VERBS})")


def shared_names(clause: str, spans: list[tuple]) -> list[str]:
    """"建档率和老年人健康管理率分别达到80%和35%": one name per number, in order; "新建、改扩建幼儿园4所、3所": each
    verb with the noun they share."""
    if len(spans) == 2 and (verbs := VERB_PAIR_RE.search(clause[: spans[0][0]])) \
            and LABEL_GAP_RE.fullmatch(clause[spans[0][1]: spans[1][0]]) and not clause[: verbs.start()].strip():
        noun = clause[verbs.end(): spans[0][0]]
        return [verb + noun for verb in re.split(r"\s*[、和及与]\s*", verbs[0])] if len(content_words(noun)) >= 2 else []
    if len(spans) < 2 or "分别" not in clause[: spans[0][0]]:
        return []
    head = clause[: spans[0][0]].split("分别")[0]
    parts = [p for p in re.split(r"[和、及与]", head) if p.strip()]
    if len(parts) != len(spans) or not all(len(content_words(p)) >= 2 for p in parts):
        return []
    return parts


TYPE_NUMBER_RE = re.compile(r"\d+\s*型")  # "2型糖尿病患者规范管理率": a type's number in a name, no figure
# "在保持现有…的基础上…确保…率均达到60%": the basis the clause builds on, its words no part of the figure after it nor of
# the names 均 gives it
BASIS_RE = re.compile(r"^.*基础上")
EACH_RE = re.compile(r"^(?P<names>.+?)均\s*(?:要|应|需|须)?\s*(?P<verb>达到|达|增长|增加|提高|提升|上升|为|不低于|不少于|"
                     r"不超过|不高于|低于|高于|保持|控制|稳定|下降|降低|减少|实现|超过)[^、，,和及与均]{0,6}$")


WORK_VERBS = "|".join(sorted({*FIGURE_VERBS.split("|"), *COMPLETION_VERBS, *START_VERBS}, key=len, reverse=True))
# "雄县、容城县、安新县分别建成", "分别在雄县、容城县建成": several names, 分别 and a verb before one figure (names given a
# figure each are shared_names')
EACH_APART_RE = re.compile(r"^(?P<names>[^，,；;。：:\d]+?)分[别別]\s*(?:在\s*)?(?P<verb>[\u4e00-\u9fff]{1,6})$"
                           r"|^分[别別]\s*在\s*(?P<after>[^，,；;。：:\d]+?[、和及与][^，,；;。：:\d]+?)(?P<verb_after>"
                           rf"(?:{WORK_VERBS})[\u4e00-\u9fff]{{0,4}})$")
# rates 分别 brings to one level ("新生儿访视率、儿童健康管理率分别达到85%以上"): each rate that level, as 均 reads
RATES_APART_RE = re.compile(r"^(?P<names>[^，,；;。：:]+?)分[别別]\s*(?:要|应)?\s*(?P<verb>达到|达|保持在?|提高到|为|不低于)"
                            r"[^、，,和及与]{0,6}$")
# a name 分别 may give a figure of its own: a place (雄县, 城东街道), the city's own level (市本级), a school (县一中)
EACH_OWNER_RE = re.compile(rf"{PLACE_NAME}|[\u4e00-\u9fff]{{1,3}}本级"
                           r"|[\u4e00-\u9fff]{1,6}?(?:[一二三四五六七八九十][中小]|中学|小学)")


def each_named(before: str, shared: list[str], after: str = "") -> list[str]:
    """"城镇居民人均可支配收入、农民人均纯收入均增长12%": one figure for each of the things named before 均 (人均 is no
    均: a verb follows this one), each a name of its own; [] when the words name one thing, or count the things
    ("4个结构性指标均实现10%以上增长": one figure for what the count names). One figure after several places and 分别
    ("雄县、容城县、安新县分别建成1个口袋公园", "分别在雄县、容城县建成…") is one for each place, named by it and the thing
    counted after the figure (雄县口袋公园)."""
    before = BASIS_RE.sub("", before)
    m = None if shared else EACH_RE.match(before.strip())  # names given one a number (分别) are no 均
    if m is None and not shared and (apart := EACH_APART_RE.match(before.strip())) \
            and (places := _each_apart(apart["names"] or apart["after"])):
        thing = re.match(r"[\u4e00-\u9fff]{0,10}", re.sub(r"\s+", "", after))[0]  # "高品质口袋公园", not a description
        return [place + (thing if len(thing) >= 2 and not thing.startswith(STAGE_WORDS) else "") for place in places]
    if m is None and not shared and (m := RATES_APART_RE.match(before.strip())) is not None \
            and not all(p.strip().endswith("率") for p in re.split(r"[、和及与]", m["names"])):
        m = None
    if m is None and not shared:
        return _each_verb(before)
    parts = [p for p in re.split(r"[、和及与]", m["names"]) if p.strip()] if m else []
    if len(parts) < 2 or not all(len(content_words(p)) >= 2 and not re.search(r"\d", TYPE_NUMBER_RE.sub("", p)) for p in parts):
        return []
    change = m["verb"] if re.fullmatch(CHANGE_WORDS, m["verb"]) else ""
    return [cut_name(name + change) for name in _shared_tail([clean_name(p) for p in parts])]


def _shared_tail(names: list[str]) -> list[str]:
    """"城市和农村居民收入": modifiers of one length, the noun after the last shared by all (城市居民收入, 农村居民收入);
    "就业率和高校毕业生就业率" are two names as printed."""
    short = {len(name) for name in names[:-1]}
    if len(short) == 1 and (n := short.pop()) <= 4 and len(names[-1]) >= n + 2:
        tail = names[-1][n:]
        if not any(set(name) & set(tail) for name in names[:-1]):
            return [name + tail for name in names[:-1]] + names[-1:]
    return names


def _each_apart(names: str) -> list[str]:
    """The places 分别 gives one figure each ("雄县、容城县、安新县", "城东街道和城西街道"): two or more, each a place's name
    (its level last); [] for anything else."""
    parts = [p.strip() for p in re.split(r"[、和及与]", names)]
    if len(parts) < 2 or not all(EACH_OWNER_RE.fullmatch(p) for p in parts):
        return []
    return parts


EACH_VERB_RE = re.compile(rf"(?P<verbs>(?:{WORK_VERBS})(?:\s*[和、及与]\s*(?:{WORK_VERBS}))+|[\u4e00-\u9fff]{{3}})"
                          rf"(?P<noun>[\u4e00-\u9fff]{{2,12}}?)各\s*(?:约|大约|{'|'.join(BOUND_WORDS)})?\s*$")


# the raising verb that opens the words before a count of kinds ("提高工伤保险3项…", "进一步提高3项…"), and the verbs
# after it that would deliver the kinds themselves ("提升改造3项…设施", "制定并提高…": 制定 opens, so no raise opens)
RAISING_RE = re.compile(rf"^(?:{MANNER_WORDS})?(?:提高|提升|上调|调高)(?!.*(?:{WORK_VERBS}|制定|修订|出台|编制|建立|推出))")
LEVEL_NOUN_RE = re.compile(r"(?:水平|标准)$")


# a verb that keeps up what is in place ("持续推进…", "继续深化…", "坚持…"), and the verbs after it that would set up new
# ones ("继续建立3项机制": 建立 delivers them)
KEEPING_RE = re.compile(rf"^(?:持续|继续|坚持|巩固)(?!.*(?:{WORK_VERBS}|建立|制定|出台|健全|推出|新设))")
MECHANISM_NOUN_RE = re.compile(r"(?:机制|制度)$")


def kinds_of_a_level(mention) -> bool:
    """A count of kinds (项, 类, 种) inside the level a verb raises ("提高工伤保险3项待遇水平", "提高…4项救助标准"): it
    says which levels are raised, and the work is raising them, when the raising verb alone governs the count;
    "制定并提高5项地方标准", "提升改造3项…设施水平", "新增3项服务", "办好11项实事" deliver that many. So is a count of
    the mechanisms a verb of keeping up goes on with ("持续推进安全生产提醒、催办、督办等5项机制"): those in place, named,
    no count to deliver ("建立5项机制" sets them up: a target)."""
    if mention.unit not in ("项", "类", "种"):
        return False
    verbs = mention.verbs.strip()
    return (RAISING_RE.match(verbs) is not None and LEVEL_NOUN_RE.search(mention.name) is not None) \
        or (KEEPING_RE.match(verbs) is not None and MECHANISM_NOUN_RE.search(mention.noun or mention.name) is not None)


def _each_verb(before: str) -> list[str]:
    """"新建和改造公厕各10座", "开竣工安置房各150万平方米" (开工 and 竣工 sharing 工): one figure for each work named before
    各, each named by its verb and the noun; [] when one work is named ("改扩建学校各3所": 改扩建 is one verb)."""
    m = EACH_VERB_RE.search(before)
    if m is None:
        return _each_object(before)
    verbs = [v.strip() for v in re.split(r"[和、及与]", m["verbs"])]
    if len(verbs) == 1:  # a contraction of two verbs with one last character ("开竣工"), itself no verb
        word = verbs[0]
        verbs = [] if re.fullmatch(WORK_VERBS, word) else [word[0] + word[2], word[1] + word[2]]
    if len(verbs) < 2 or not all(re.fullmatch(WORK_VERBS, v) for v in verbs):
        return _each_object(before)
    return [cut_name(clean_name(v + m["noun"])) for v in verbs]


SHARED_VERB_RE = re.compile(FIGURE_VERBS)  # a verb of work that opens a name, shared by an object joined after it


# one verb of work before objects joined, then 各 ("新建小学和初中各1所", "改造城区道路、乡村道路各10公里")
EACH_OBJECT_RE = re.compile(rf"(?P<verb>{WORK_VERBS})"
                            rf"(?P<objects>[\u4e00-\u9fff]{{2,12}}(?:\s*[和、及与]\s*[\u4e00-\u9fff]{{2,12}}?)+)"
                            rf"各\s*(?:约|大约|{'|'.join(BOUND_WORDS)})?\s*$")


def _each_object(before: str) -> list[str]:
    """"新建小学和初中各1所": one figure for each object the one verb is done to, each named by the verb and its object
    (新建小学, 新建初中: the second object takes the shared verb too)."""
    m = EACH_OBJECT_RE.search(before.strip())
    if m is None:
        return _each_measure(before)
    objects = [o.strip() for o in re.split(r"[和、及与]", m["objects"])]
    if len(objects) < 2 or not all(len(o) >= 2 and not re.match(WORK_VERBS, o) for o in objects):
        return []
    return [cut_name(clean_name(m["verb"] + o)) for o in objects]


# things joined with no verb of work, then 各 ("森林抚育和封山育林面积各1万亩": each of two kinds of work, its area)
EACH_MEASURE_RE = re.compile(r"^(?P<names>[\u4e00-\u9fff]{2,12}(?:[和、及与][\u4e00-\u9fff]{2,12})+)各\s*$")


def _each_measure(before: str) -> list[str]:
    """"森林抚育和封山育林面积各1万亩": one figure for each thing named before 各 with no verb of work, the noun after the
    last (面积) shared by the others, as "…均达到1万亩" reads (read50c); [] when the words name one thing."""
    m = EACH_MEASURE_RE.match(before.strip())
    parts = re.split(r"[和、及与]", m["names"]) if m else []
    if len(parts) < 2 or not all(len(content_words(p)) >= 2 for p in parts):
        return []
    return [cut_name(name) for name in _shared_tail([clean_name(p) for p in parts])]  # 面积 shared


EACH_ALONE_RE = re.compile(rf"^\s*各\s*(?:约|大约|{'|'.join(BOUND_WORDS)})?\s*$")


def each_before(before: str, words_before: str) -> list[str]:
    """"遴选公告…示范平台和创业创新示范基地数量" then "各80个" (a 预期效果 cell beside its 指标名称): a figure whose own words
    are only 各 is one figure for each of the things the clause before it names, joined by 和、及、与 (two or more, each
    of two words or more, no figure among them); [] when the figure's clause names its own thing or the words before
    name one thing."""
    if EACH_ALONE_RE.match(before) is None or re.search(r"\d", words_before):
        return []
    parts = [p.strip() for p in re.split(r"[和、及与]", words_before)]
    if len(parts) < 2 or not all(len(content_words(p)) >= 2 for p in parts):
        return []
    return [cut_name(name) for name in _shared_tail([clean_name(p) for p in parts])]

