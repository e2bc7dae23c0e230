"""Which numbers of a clause are figures, each with its scale, unit and comparator, and which of them are no target of
the year's work: a range's upper bound (its lower bound is read, at least), a baseline, a threshold that picks which
ones, a standard each one meets, a share or a part in brackets that restates the figure before it (split from
mentions.py, which names the figures it keeps)."""

from __future__ import annotations

import re
from decimal import Decimal

from mstrack.domain.characters import simplified
from mstrack.domain.quantities import APPROX_PREFIXES, CHINESE_NUMERAL, SCALE_ALT, SCALES, UNIT_SCALE_ALT, chinese_count
from mstrack.sources.table.figure_bounds import (
    RATE_UNITS,
    TIME_SPAN_RE,
    band_picking,
    case_window,
    conduct_norm,
    granted_sum,
    paid_rate,
    plant_capacity,
    provided_minimum,
    recurring_period,
    relative_bound,
    rule_bound,
    ruled_share,
    schedule_span,
    service_days,
    working_rule,
)
from mstrack.sources.table.figure_names import (
    BASIS_RE,
    CHANGE_WORDS,
    LABEL_GAP_RE,
    VERB_PAIR_RE,
    content_words,
    named_level,
    short_name,
)
from mstrack.sources.table.figure_picks import SIZE_UNITS, describes_one, names_not_counts, size_class
from mstrack.sources.table.numbers import (
    COUNT_UNITS,
    MONEY_UNITS,
    PER_ALT,
    UNIT_ALT,
    UNITS,
    numbers_in,
    restated_measure,
    unit_key,
)
from mstrack.sources.table.spans import JOIN
from mstrack.vocabulary import (
    APPROX_SUFFIXES,
    AT_LEAST_PREFIXES,
    AT_LEAST_SUFFIXES,
    AT_MOST_PREFIXES,
    AT_MOST_SUFFIXES,
    BOUND_SUFFIXES,
    DURATION_CUTS,
    FIGURE_VERBS,
    LAST_YEAR_WORDS,
    STANDARD_SET_WORDS,
    STRICTLY_ABOVE,
    STRICTLY_BELOW,
)

# A count printed with no measure word, before a noun that names what it counts ("3万农村人口", "5000农村劳动力"): the
# noun's own measure word is its unit; only words that describe it (农村, 贫困, 常住) may stand between, never a measure
# word ("3轮农户走访"). A year ("2024农户信息") or a number of five digits or more printed bare ("12345住户诉求", a
# hotline) is no such count.
COUNTED_NOUNS = {"人口": "人", "劳动力": "人", "群众": "人", "农户": "户", "住户": "户"}
DESCRIBING_WORDS = ("农村", "城镇", "城乡", "城市", "贫困", "困难", "常住", "低收入", "脱贫", "留守", "流动", "户籍", "农业",
                    "富余", "搬迁", "重点", "在册")
COUNTED_NOUN_RE = re.compile(rf"(?:{'|'.join(DESCRIBING_WORDS)}){{0,3}}({'|'.join(COUNTED_NOUNS)})")
NOT_A_COUNT_RE = re.compile(r"(?:19|20)\d\d|\d{5,}")
# "(分布于永利…等7个村)": a bracket that says where the work is, not how much
WHERE_BRACKET_RE = re.compile(r"[（(]\s*(?:分布于|分布在|位于|坐落于|地处|涉及)[^（）()]*$")
SUFFIX_ALT = "|".join(BOUND_SUFFIXES)  # 以上|以下|以内|左右
STRICT_ALT = "|".join(STRICTLY_ABOVE + STRICTLY_BELOW)  # 超过|高于|… : a bare comparison
PER_OTHER = r"(?![的之等和及与或以])[\u4e00-\u9fff]"
"""After a rate's "/", a word numbers.PER_WORDS knows ("人次", "平方米"), else one character that is no function word:
"元/餐" (a meal's subsidy), never "元/年的"."""
AFTER_RE = re.compile(
    rf"\s*(?:[余多](?=\s*(?:{SCALE_ALT})))?\s*(?P<scale>{UNIT_SCALE_ALT}|千(?![米瓦伏克]))?\s*(?P<about>余|多)?\s*(?P<suffix1>{SUFFIX_ALT})?\s*"
    rf"(?P<unit>(?:{UNIT_ALT})(?:[/／](?:{PER_ALT}|{PER_OTHER})){{0,2}})?\s*(?P<suffix2>{SUFFIX_ALT}|余)?"
)
NOT_QUANTITY_AFTER = ("#", "·", "号", "年", "月", "日", "岁", "周岁", "届", "级", "时", "点", "分", "-", "—", "–", "―", "~", "～",
                      "至", "到", ".", "×", "*", "/")
PICKED_AFTER_RE = re.compile(r"(?![和及与并等的或])[\u4e00-\u9fff]")  # "低于50%镇街": what a bound share picks
# words before a figure that make it no target: a past or present level, a cap, or a check's question ("是否自行停业连续
# 6个月以上": what an inspection asks of the checked, no figure of the work)
NOT_TARGET_WORDS = ("去年", "上年", "上一年", "最高", "上限", "现有", "已有", "目前", "是否")
KEPT_LEVEL_RE = re.compile(r"(?<=保持)现有")  # "保持现有…人数24000": the present level to keep, the aim, no stock
PERSONS_COUNT_RE = re.compile(r"人数\s*(?:为|达到?|保持在?)?\s*$")
# "比上年增长9%左右": the rate the year's growth must reach, on last year as its baseline, is the target
LAST_YEAR = rf"(?:{'|'.join(LAST_YEAR_WORDS)})(?:同期)?"
GROWTH_ON_LAST_YEAR_RE = re.compile(rf"(?:比|较){LAST_YEAR}\s*(?:{CHANGE_WORDS})\s*(?:约|不少于|不低于|至少|超过)?$")
# "增速高于上年1个百分点", "增幅高于去年同期2个百分点": a rise on the item's own last year, a target as "比上年提高" is ("不低于
# 上年…" bounds no rise; "高于全省平均…" is another's level)
RISE_ON_LAST_YEAR_RE = re.compile(rf"(?<!不)(?:{'|'.join(STRICTLY_ABOVE)}|快于)(?P<level>{LAST_YEAR})\s*$")
CUT_ON_LAST_YEAR_RE = re.compile(rf"(?:比|较){LAST_YEAR}\s*(?:{'|'.join(DURATION_CUTS)})$")  # "审批周期比上年缩短30天": a cut


def _share_after(clause: str, spans: list[tuple], start: int, unit: str, number: str, shares: dict[int, float] | None) -> bool:
    """"300人（25%）": the share of the year's target the figure before it is, not a second target (noted in `shares`)."""
    if unit not in ("%", "％") or not spans or not re.fullmatch(r"\s*[（(]\s*", clause[spans[-1][1]:start]):
        return False
    if shares is not None and unit_key(spans[-1][4]) not in ("%", "‰"):
        shares[len(spans) - 1] = float(number.replace(",", ""))
    return True


# "抽查比例不少于50%（60家次）", "覆盖率达到80%(40个)": a rate the item names (比例, …率) with its bound or verb before the
# share — a target of its own, the count in brackets what it comes to, a second
RATE_NAMED_RE = re.compile(r"(?:比例|比率|率)\s*(?:要|须|需)?\s*(?:不少于|不低于|不小于|达到|达|保持在|提高到|提升到|为)?\s*$")


def _count_of_share(clause: str, spans: list[tuple], span: tuple, shares: dict[int, float] | None) -> bool:
    """"完成20%点位(12个)": a count in brackets after a share and the words it counts is that share of the year's target;
    the count takes the share's place (the share noted in `shares`)."""
    start, end, unit = span[0], span[1], span[4]
    if not unit or unit_key(unit) in ("%", "‰") or not spans or unit_key(spans[-1][4]) != "%" \
            or not re.fullmatch(r"[^，,；;。\d（()）]{0,10}[（(]\s*", clause[spans[-1][1]:start]) \
            or not re.match(r"\s*[)）]", clause[end:]) or RATE_NAMED_RE.search(clause[:spans[-1][0]]):
        return False
    share, spans[-1] = float(spans[-1][2].replace(",", "")), span
    if shares is not None:
        shares[len(spans) - 1] = share
    return True


# "从每人每月574元提高到609元": the level it starts from is no target, only the one it goes to ("由2,650元提高到3,000元":
# a comma between digits groups thousands, no clause's end)
BASELINE_RE = re.compile(r"(?:从|由)(?P<base>(?:[^从由，,；;。]|(?<=\d),(?=\d{3}))*?\d(?:[^从由，,；;。]|(?<=\d),(?=\d{3}))*?)(?:分别)?"
                         r"(?:提高|提升|增加|增长|上调|调高|调整|降低|下降|减少|下调|调低|扩大|缩小|缩短|压缩|延长|降|升)(?:到|至|为)")


PART_PATTERN = r"[（(]\s*其中\s*[:：]?\s*(?P<place>[\u4e00-\u9fff]{2,8}?)\s*"  # "(其中浏阳": a part, named
PART_RE = re.compile(PART_PATTERN + "$")  # just before its figure
PART_NAMED_RE = re.compile(PART_PATTERN + r"(?P<figure>\d[\d.]*)")  # with its figure "(其中浏阳4"


FIGURE_AT_END_RE = re.compile(r"\d[\d.,]*\D*$")  # "建设品质县中10所" → 建设品质县中


def own_part_name(before: str, own_places: tuple[str, ...]) -> str:
    """"建设品质县中10所(其中浏阳4所)" in 浏阳's table: the whole's name and the place, 建设品质县中(浏阳); else ""."""
    if (part := PART_RE.search(before)) and part["place"] in own_places:
        return short_name(FIGURE_AT_END_RE.sub("", before[:part.start()]), "") + f"({part['place']})"
    return ""


def _own_part(clause: str, spans: list[tuple], span: tuple, own_places: tuple[str, ...]) -> bool:
    """"建设品质县中10所(其中浏阳4所)" in 浏阳's own table: the place's part takes the whole's place (the span before)."""
    if not spans or not own_places or unit_key(spans[-1][4]) != unit_key(span[4]):
        return False
    m = PART_RE.fullmatch(clause, spans[-1][1], span[0])
    if m is None or m["place"] not in own_places:
        return False
    spans[-1] = span
    return True


def shares_named(texts: list[str], titles: list[str]) -> tuple[str, ...]:
    """The places a table's own figures are given for: a place whose part the items print in brackets ("10所(其中浏阳
    4所)") is the document's own when the lines above the table name it (a place's name: 乙市, 甲县), or when two
    items or more give the part's figure again outside the brackets as their own ("建设品质县中10所(其中浏阳4所)"
    beside "建设品质县中4所": a county's table of its city's programme). Any other part, however often named
    ("10所(其中新建4所)", "(其中中心城区2000个)"), is a breakdown of the whole."""
    counts: dict[str, int] = {}
    above = "\n".join(titles)
    for text in texts:
        for place in {m["place"] for m in PART_NAMED_RE.finditer(text)
                      if re.search(rf"(?<![\d.]){re.escape(m['figure'])}(?![\d.])", text[:m.start()] + text[m.end():])}:
            counts[place] = counts.get(place, 0) + 1
    named = {m["place"] for text in texts for m in PART_NAMED_RE.finditer(text)}
    return tuple(place for place in named if counts.get(place, 0) >= 2 or place in above and PLACE_END_RE.search(place))


PLACE_END_RE = re.compile(r"(?:省|市|州|盟|县|旗|区|镇|乡|街道|村|社区)$")  # a place's name ends so; 新建, 幼儿园 do not


def figure_spans(clause: str, year: int | None = None, shares: dict[int, float] | None = None,
                 own_places: tuple[str, ...] = (), *, opened: str = "", sentence: str = "") -> list[tuple]:
    """The numbers of a clause that are quantities, with their scale, unit and comparator; `shares` gets the
    share in brackets after a figure ("300人（25%）"), by the figure's index. `opened`: the words of a bracket the
    clause stands in, before it ("建成1个城市书房(百姓书屋，" before "藏书10000册)"; mentions.brackets_open); `sentence`:
    the words of its sentence before it ("每天2小时以上户外活动，" before "寄宿制幼儿园不得少于3小时")."""
    spans = []
    baselines = [m.span("base") for m in BASELINE_RE.finditer(clause)]
    for start, end, number in numbers_in(clause):
        if re.search(r"第\s*$", clause[:start]) or WHERE_BRACKET_RE.search(clause[:start]) \
                or any(a <= start < b for a, b in baselines):
            continue
        if YEAR_BOUND_RE.fullmatch(number) and EDITION_RE.match(clause, end):
            continue  # "《…判定标准（2017版）》": a standard's edition, its year, no count
        after = AFTER_RE.match(clause, end)
        if RANGE_FROM_RE.search(clause[:start]):
            continue  # a range's upper bound ("1-2个"): the office commits to its lower bound only
        ranged = RANGE_RE.match(clause, end) is not None
        if ranged:  # "建设5-10个", "新建3万人至5万人…", "投资1-2亿元": at least the lower bound (tests/data/tables/README.md)
            upper = range_upper(clause, end)
            if upper is None or not (after["unit"] or after["scale"]) and upper["scale"] and above_upper(clause, end, number):
                continue  # "投资5000至1万元": a bare lower bound above the upper's number is in base units, no scale shared
            if not (after["unit"] or after["scale"]) or (after["scale"], after["unit"]) == (upper["scale"], upper["unit"]) \
                    or not after["unit"] and after["scale"] == upper["scale"]:
                # the lower bound takes the upper's scale and unit ("5-10个", "1亿-2亿元"), its span the whole range
                # ("3万人至5万人")
                after, end = upper, upper.start()
            elif after["scale"] and not after["unit"] and upper["scale"] and upper["unit"]:
                # "投资5000万至1亿元": each end its own scale, the unit after the upper one: the lower bound in the upper's
                # scale (0.5 亿元, 5000 万元), its span the whole range
                number, after, end = in_scale(number, after["scale"], upper["scale"]), upper, upper.start()
        unit = "%" if clause.startswith("百分之", start) else after["unit"] or ""
        if ranged and not range_read(clause[max(0, start - 12):start], unit):
            continue  # "掌握1-2项技能", "0―3公里范围内", "6—17岁", "规划（2021-2025）": no count or sum of the year's work
        if not unit and (counted := COUNTED_NOUN_RE.match(clause, after.end())) \
                and (after["scale"] or not NOT_A_COUNT_RE.fullmatch(number)):
            unit = COUNTED_NOUNS[counted[1]]  # the span still ends at the number: the noun stays in the name
        elif not unit and not after["scale"] and PERSONS_COUNT_RE.search(clause[:start]):
            unit = "人"  # "健康管理人数24000": a count of persons named before its bare figure
        elif not unit and not after["scale"] and service_days(clause, after.end()):
            unit = "天"  # "1天办结": the days a service takes (figure_bounds.service_days)
        lost = None if unit or after["scale"] else lost_unit(clause, start, end)
        unit = unit if lost is None else lost  # "全护理标准为965/…", "提高至640。": a standard's level, its unit lost
        rest = clause[after.end():] if unit else clause[end:].lstrip()
        scaled = after["scale"] or re.search("[万亿]", clause[start:end])  # "一万二": its scale inside the words
        if not unit and not scaled and lost is None and rest.startswith(NOT_QUANTITY_AFTER):
            continue
        prefix = clause[:start].rstrip()
        # "不低于省定标准85%", "高于上年1个百分点": the bound stands before the level it names; by percentage points off a
        # standard ("高于省定标准2个百分点") the figure is a distance from another's level, no level of its own
        rise = RISE_ON_LAST_YEAR_RE.search(prefix) if unit in RATE_UNITS else None
        level = rise or (named_level(prefix, unit) if unit_key(unit) != "个百分点" else None)
        bounded = prefix[:level.start("level")] if level else prefix
        words = [w for w in AT_LEAST_PREFIXES + AT_MOST_PREFIXES if bounded.endswith(w)]
        word = max(words, key=len) if words else ""  # "不少于" is not "少于", "不超过" not "超过"
        comparator = ">=" if word in AT_LEAST_PREFIXES else "<=" if word else "="
        suffix = (after["suffix1"] or "") + (after["suffix2"] or "")
        if any(w in suffix for w in AT_LEAST_SUFFIXES):
            comparator = ">="
        elif any(w in suffix for w in AT_MOST_SUFFIXES):
            comparator = "<="
        if ranged:
            comparator = ">="
        if not unit and not scaled and lost is None and (comparator == "=" or re.match(r"[\u4e00-\u9fff]{3}", clause[end:])):
            continue  # a bare number: a name ("12345热线"), a code or a count we cannot place; bounded, and the words of
            # what it sizes after it ("不少于750千伏输变电工程"): a grade, no count
        if unit == "字" or unit == "个" and clause.startswith("字", after.end()):
            continue  # "社会主义核心价值观24个字", "发言稿控制在3000字以内": how long a text is, in characters, no count of work
        if _share_after(clause, spans, start, unit, number, shares):
            continue  # "300人（25%）": the share of the year's target the figure before it is, not a second target
        if restated_measure(clause[:start], unit):
            continue  # "24938.8平方米(37.4082亩)": the same area again, in another unit
        span = (start, after.end(), number, after, unit, comparator)
        if _count_of_share(clause, spans, span, shares) or _own_part(clause, spans, span, own_places):
            continue  # "20%点位(12个)", "10所(其中浏阳4所)": the figure in brackets stands for the one before it
        # "服务人口超过2万的乡镇卫生院": which ones, not how many ("不少于500人的志愿者队伍" is a target)
        threshold = re.search(rf"(?<!不)(?:{STRICT_ALT})\s*(?:约|不少于|不低于|至少)?$", prefix) is not None \
            and clause[after.end():].lstrip().startswith("的")
        # "100米以上医疗卫生机构": a size that picks which ones, followed by what it picks, is no target ("…10公里以上。" is)
        threshold = threshold or (unit in SIZE_UNITS and bool(after["suffix1"] or after["suffix2"])
                                  and re.match(r"\s*(?![和及与并等的])[\u4e00-\u9fff]", clause[after.end():]) is not None)
        # "种植30亩以上的马铃薯种植户", "面积30亩以上的经营主体": a size bounded straight before 的 and the holders it
        # picks says which ones get a subsidy ("新建15公顷以上的城市片林" is work)
        threshold = threshold or (unit in SIZE_UNITS and bool(after["suffix1"] or after["suffix2"])
                                  and HOLDERS_PICKED_RE.match(clause, after.end()) is not None)
        # "150张床位以上的养老机构": a size bounded after what it counts, then 的 and what it picks, says which ones
        threshold = threshold or (bool(unit) and NOUN_BOUND_RE.match(clause, after.end()) is not None)
        # "引进0.5亿元以上项目一个": a sum that picks which projects, then what it picks and how many, is no target
        # "400万元以下的工程采购项目": a sum bounded straight before 的 and what it picks, which projects a rule applies to
        threshold = threshold or (unit == "元" and bool(after["suffix1"] or after["suffix2"])
                                  and (PICKED_COUNT_RE.match(clause, after.end()) is not None
                                       or clause[after.end():].lstrip().startswith("的")
                                       # "200元以下简易违法处理业务": a cap straight before the cases it picks, a limit
                                       or ((after["suffix1"] or after["suffix2"]) in ("以下", "以内")
                                           and PICKED_AFTER_RE.match(clause[after.end():].lstrip()) is not None)))
        # "4个结构性指标均实现10%以上增长": a count of what the clause speaks of, each of which has a figure of its own
        threshold = threshold or (comparator == "=" and re.match(r"[^，,；;。\d]{1,10}均[^，,；;。]*\d",
                                                                 clause[after.end():]) is not None)
        threshold = threshold or names_not_counts(clause, prefix, after, unit, number) or _standard(clause, spans, prefix, after, unit) \
            or size_class(clause, after, unit) or describes_one(opened + prefix, clause[after.end():]) \
            or DEFINED_RE.search(re.split(r"[；;。]", sentence + prefix)[-1]) is not None
        # "30户以上自然村寨…覆盖率达95%": which villages, the rate the target; "1个城市书房(百姓书屋，藏书10000册)": the
        # library's books; "（中心所原则上不低于150平方米，一般所不低于60平方米）": a bound in a bracket a rule's words
        # open, each clause one case of the rule (rule_bound of the bracket's words before it), no target
        threshold = threshold or _where_done(clause, prefix, after) or _places_of_kind(clause, prefix, after) \
            or (level is None and relative_bound(prefix, unit)) \
            or schedule_span(clause, prefix, end) or case_window(prefix, clause[after.end():], unit) \
            or plant_capacity(clause[after.end():], unit) or ruled_share(prefix, unit) or conduct_norm(sentence + prefix, clause[end:]) \
            or rule_bound(prefix) or _bounded(prefix, comparator) and rule_bound(opened) \
            or working_rule(prefix, sentence, unit) or paid_rate(prefix, clause[after.end():], unit, sentence) \
            or provided_minimum(prefix, number) or band_picking(clause[after.end():], unit) \
            or granted_sum(prefix, clause[after.end():], unit) \
            or recurring_period(prefix, clause, end)
        growth = rise or (GROWTH_ON_LAST_YEAR_RE.search(prefix) if unit in RATE_UNITS else None) \
            or (CUT_ON_LAST_YEAR_RE.search(prefix) if TIME_SPAN_RE.match(clause, end) else None)
        before = prefix[:growth.start()] if growth else prefix
        # "低于50%镇街": a bare upper bound on a share straight before what it picks picks which ones, no target; an
        # at-least or 不 bound there sets the target ("不低于50%村庄实现垃圾分类": at least half the villages)
        threshold = threshold or (word in AT_MOST_PREFIXES and not word.startswith("不") and unit == "%"
                                  and PICKED_AFTER_RE.match(clause, after.end()) is not None)
        # "考评前2名的片区": the first few of a ranking, then 的 and what it picks, say which ones, no count
        threshold = threshold or (unit in ("名", "位") and re.search(r"前\s*(?:不少于|不低于|至少)?\s*$", prefix) is not None
                                  and clause[after.end():].lstrip().startswith("的"))
        # "分别属于村内两个以上农民集体所有的，由…": a bounded figure in a clause closed by 的, a case the next clause rules on
        threshold = threshold or (bool(suffix.strip()) and comparator != "=" and clause.rstrip().endswith("的"))
        if threshold or any(w in KEPT_LEVEL_RE.sub("", BASIS_RE.sub("", before)) for w in NOT_TARGET_WORDS) \
                or _stock_after(prefix, spans) \
                or (year and any(int(m[1]) < year and not re.search(CHANGE_WORDS, prefix[m.end():])
                                 for m in re.finditer(r"(\d{4})\s*年", prefix))):
            continue
        spans.append((start, after.end() if (unit or after["scale"] or suffix) else end, number, after, unit, comparator))
    return _without_labels(clause, spans)


# "全护理标准为965/半护理标准为579/…", "补助标准由每人每年610元提高至640。": the level a named 标准 is set or raised to
# (STANDARD_SET_WORDS straight before it), then a "/" that no figure follows or the clause's end: its unit lost in print
STANDARD_LEVEL_RE = re.compile(rf"(?:{'|'.join(STANDARD_SET_WORDS)})\s*$")
LOST_UNIT_RE = re.compile(r"\s*(?:([/／])(?!\s*\d)|(?=[、，,；;。]|\s*$))")


def lost_unit(clause: str, start: int, end: int) -> str | None:
    """The unit of a bare figure a standard is set to, as printed: "/" ("标准为965/半护理…": 元/月 lost but the stroke),
    "" ("提高至640。"), or None when the figure is no such level. The standard names the level the task sets, a target
    (xiaoxian-2023's 标准 lost their 元 in the copy); a bare figure anywhere else is a code or a name ("12345热线")."""
    found = LOST_UNIT_RE.match(clause, end)
    if found is None or STANDARD_LEVEL_RE.search(clause[:start]) is None or not re.search("标准|標準", clause[:start]):
        return None
    return found[1] or ""


HOLDERS_PICKED_RE = re.compile(r"\s*的\s*[\u4e00-\u9fff]{0,8}?(?:户|主体|企业|合作社|农场)")  # "…以上的种植户"
DEFINED_RE = re.compile(r"[”\"」』]\s*(?:是|即)?指")  # "“六有”指有一个社区服务中心、…": a term's parts, no targets
NOUN_BOUND_RE = re.compile(r"[\u4e00-\u9fff]{1,4}?及?(?:以上|以下|以内)的\s*[\u4e00-\u9fff]")  # "床位以上的养老机构"
PICKED_COUNT_RE = re.compile(r"\s*(?![和及与并等的])[\u4e00-\u9fff]{1,8}?(?:\d+|[一二两三四五六七八九十]+)\s*[个项家批]")


def _stock_after(prefix: str, spans: list) -> bool:
    """"新认定菜篮子基地10个，总数达206个", "新接入场馆1179所、总数达1591所": the stock an addition before it results in,
    no target; "养老床位总数达到800张" names its own thing, with no figure before it: the level to reach."""
    at = prefix.find("总数达")
    return at >= 0 and (bool(spans) or len(content_words(prefix[:at])) < 2)


# "5-10个", "3至5所", "3所至5所", "三至五所", "3万人至5万人": from a lower bound (its scale and unit may follow it) to an
# upper one; a rate's "7%~7.5%" keeps its lower bound (suzhou-2017 reads its growth so)
BOUND = rf"(?:\d|{CHINESE_NUMERAL})"
BOUND_UNIT = rf"\s*(?:{SCALE_ALT})?\s*(?:{'|'.join(re.escape(u) for u in UNITS if u not in ('%', '％', '‰', '个百分点'))})?\s*"
# joined as a span of dates is (spans.JOIN, the domain's one set): "0―3公里" in a horizontal bar (U+2015), as a PDF's copy
# prints it, and "3－5所" in a full-width hyphen are ranges too
RANGE_RE = re.compile(rf"{BOUND_UNIT}{JOIN}\s*{BOUND}")
RANGE_FROM_RE = re.compile(rf"{BOUND}{BOUND_UNIT}{JOIN}\s*$")


# the verbs of work before a count's range ("建设5-10个", "创建1-2家", "每个县区建成1-2个"): a count the year's work delivers;
# 进行 holds events as 举办 and 开展 do ("进行1-2场消防应急演练": the drills the year delivers)
RANGE_VERBS = rf"{FIGURE_VERBS}|创建|建成|打造|培育|引进|组建|举办|开展|进行|实施|完成|建立"
# the words of an investment before a sum's range ("投资1-2亿元", "总投资1亿-2亿元", "投入资金3-5万元"): the sum the work
# spends, a target as a sum in a 投资 column is; a sum after any other word ("补助1-2万元", "建设1-2亿元的项目") is a rate or
# a size that picks which ones
RANGE_SUM_WORDS = r"投资|投入|(?:争取|筹措|筹集|募集)[\u4e00-\u9fff]{0,4}?资金"  # "争取上级资金1-2亿元": the funds the work raises
# an estimate or a lower bound before a figure ("约", "近", "不少于", "至少", "超过" …): the figure bounded, still the one
# it would be bare — one list for a range's lower bound, a size's, a count of places
FLOOR_WORDS = "|".join(sorted((*APPROX_PREFIXES, "近", *AT_LEAST_PREFIXES), key=len, reverse=True))
RANGE_BOUND = rf"\s*(?:{FLOOR_WORDS})?\s*$"
RANGE_VERB_RE = re.compile(rf"(?:{RANGE_VERBS}){RANGE_BOUND}")
RANGE_SUM_RE = re.compile(rf"(?:{RANGE_SUM_WORDS})(?:资金|金额|额)?{RANGE_BOUND}")


def range_read(before: str, unit: str) -> re.Match | None:
    """The words that have a range with `unit` after the words `before` it read (its lower bound, at least), or None: a
    verb of work before a count of things (or a bare one), the words of an investment before a sum of money. A band of
    a measure or of ages ("0―3公里范围内", "6—17岁") says where or who, what each one masters ("掌握1-2项") and a span of
    years no work."""
    before = simplified(before, every_cell=True)
    key = unit_key(simplified(unit, every_cell=True))
    if key in MONEY_UNITS:
        return RANGE_SUM_RE.search(before)
    return RANGE_VERB_RE.search(before) if not unit or key in COUNT_UNITS else None


def range_upper(clause: str, end: int) -> re.Match | None:
    """The scale and unit after a range's upper bound ("5-10个" → "个"), for its lower bound ending at `end`; None when
    the upper bound is no number we read."""
    ranged = RANGE_RE.match(clause, end)
    upper = UPPER_RE.match(clause, ranged.end() - 1) if ranged else None
    return None if upper is None else AFTER_RE.match(clause, upper.end())


def above_upper(clause: str, end: int, lower: str) -> bool:
    """Whether a range's lower bound (as printed, ending at `end`) is above its upper bound's number ("5000至1万"): the
    scale after the upper one is not the lower's."""
    ranged = RANGE_RE.match(clause, end)
    return _bound_value(lower) > _bound_value(UPPER_RE.match(clause, ranged.end() - 1)[0])


def in_scale(number: str, scale: str, other: str) -> str:
    """A bound printed with one scale written in another ("5000" 万 in 亿: "0.5"), in digits."""
    value = Decimal(str(_bound_value(number))) * SCALES[scale] / SCALES[other]
    return format(value.normalize(), "f")


def _bound_value(text: str) -> float:
    """A range's bound as printed, in digits ("5,000") or in Chinese numerals ("五")."""
    return float(text.replace(",", "")) if text[0].isdigit() else chinese_count(text) or 0


# "12-15" alone in a target column's cell (单位 in its own column): a range of the year's figure
RANGE_CELL_RE = re.compile(rf"\s*(?P<lower>\d[\d,]*(?:\.\d+)?)\s*{JOIN}\s*(?P<upper>\d[\d,]*(?:\.\d+)?)\s*")
YEAR_BOUND_RE = re.compile(r"(?:19|20)\d\d")
EDITION_RE = re.compile(r"\s*年?\s*版")  # "2017版", "2020年版": the year a standard's edition was published


def range_floor(cell: str) -> str:
    """A target cell that gives a range ("12-15"), as its lower bound at least ("12以上"), as a figure given in words
    is read (tests/data/tables/README.md); any other cell as it is — a span of years ("2015-2016", a 建设年限) too."""
    ranged = RANGE_CELL_RE.fullmatch(cell)
    if ranged is None or all(YEAR_BOUND_RE.fullmatch(ranged[k]) for k in ("lower", "upper")):
        return cell
    return f"{ranged['lower']}以上"


UPPER_RE = re.compile(rf"\d[\d,]*(?:\.\d+)?(?![\d.])|{CHINESE_NUMERAL}+")  # "10" of "5-10个", "五" of "三至五所"


PLACES = r"\s*[\u4e00-\u9fff]{0,4}?(?:乡镇|镇街|村|社区|街道|镇|乡|小区|县|区)"
# "在17个乡镇(街道办)硬化道路10万平方米": the places the work is done in, before the work and its own figure
WHERE_DONE_RE = re.compile(PLACES + r"[^，,；;。\d]*?[\u4e00-\u9fff]{2}[^，,；;。]*?\d")
REACHED_RE = re.compile(PLACES + r"(?:的|(?![\u4e00-\u9fff]))")  # "惠及17个乡镇(街道办)": the places the work reaches


def _where_done(clause: str, prefix: str, after: re.Match) -> bool:
    """A count of places where the work is done, not how much is done: after 在, with the work and its own figure
    after them; or the places it reaches ("惠及17个乡镇"; "惠及5万人" counts people, a target)."""
    verb = re.search(rf"(在|惠及)\s*(?:{FLOOR_WORDS})?$", prefix)
    pattern = {"在": WHERE_DONE_RE, "惠及": REACHED_RE}[verb[1]] if verb else None
    return pattern is not None and pattern.match(clause, after.end()) is not None


# "行政村（61个村）", "城市社区（12个社区）", "行政村（约61个村）": a kind of place alone, then a bracket counting such places
# (an estimate or a bound before the count too)
PLACE_KIND_RE = re.compile(r"^\s*(?:行政|自然|城市|农村|城镇|重点|试点|示范)?(?P<kind>村|社区|乡镇|街道|小区|镇|乡)\s*[（(]\s*"
                           rf"(?:{FLOOR_WORDS}|共)?\s*$")


def _places_of_kind(clause: str, prefix: str, after: re.Match) -> bool:
    """"行政村（61个村）": a heading that names a kind of place alone, its bracket counting the places of that kind, says
    where the item's work is done — its scope, no target ("改造老旧小区（12个小区）" names work: a target)."""
    kind = PLACE_KIND_RE.match(prefix)
    return kind is not None and re.match(rf"\s*(?:{kind['kind']})?\s*[)）]\s*$", clause[after.end():]) is not None


BUILDING_UNITS = ("栋", "幢")  # a building's number: "4栋" is building 4 as often as four buildings
# a place right before the figures ("协兴村4组、9组"): the figures name its parts (小区, 园区, 片区 are no such place)
PLACE_BEFORE_RE = re.compile(r"(?:村|社区|镇|乡|街道|(?<![小园片景校])区|县)$")


def _without_labels(clause: str, spans: list[tuple]) -> list[tuple]:
    """"协兴村4栋、9栋": figures of one measure word listed with nothing but 、 or 和 between them label the things
    (building 4, building 9) when something says they label: a building's measure word, or a place just before them.
    "更换路灯200盏和400盏" counts, and so do pairs after "分别" or after two verbs ("新建、改扩建幼儿园4所、3所")."""
    if "分别" in clause:
        return spans
    labels = set()
    for k, (one, two) in enumerate(zip(spans, spans[1:], strict=False)):
        if one[4] and one[4] == two[4] and one[2] != two[2] and LABEL_GAP_RE.fullmatch(clause[one[1]:two[0]]) \
                and (one[4] in BUILDING_UNITS or PLACE_BEFORE_RE.search(clause[:one[0]].rstrip())) \
                and not VERB_PAIR_RE.search(clause[:one[0]]):
            labels |= {k, k + 1}
    return [span for k, span in enumerate(spans) if k not in labels]


EACH_ONE_RE = re.compile(r"(?:每|单)[个处所座家间栋户村片][^，,；;。\d]{0,10}$")  # "每个不少于200平方米", "单片片林占地规模不小于"
# "覆盖率达到40%": a rate, not a share of things
RATE_BEFORE_RE = re.compile(r"(?:率|比例|比重|占比|达到?|为|到|至|在|提高|提升|增长|下降|保持|超过|不低于|不少于)\s*(?:约)?\s*$")
MEASURED_WORDS = rf"(?:面积|长度|宽度|规模|容量|体量)\s*(?:{FLOOR_WORDS}|为|在|达到?)?"
MEASURED_RE = re.compile(MEASURED_WORDS + "$")  # "面积200平方米的…", "面积不少于500平方米的…"
# the standard a counted thing meets, left out of the count's name: "新建面积不少于500平方米的中心5个" → 新建中心
STANDARD_PHRASE_RE = re.compile(MEASURED_WORDS + rf"\s*\d[\d.,]*\s*(?:万|千)?\s*(?:{'|'.join(SIZE_UNITS)})\s*"
                                rf"(?:{'|'.join(AT_LEAST_SUFFIXES + APPROX_SUFFIXES)})?\s*的")


# "长1575米宽40米的绿道", "长3公里、宽20米": the width of what the length before it measures
BOUNDED = rf"(?:{FLOOR_WORDS}|为|达到?)?"  # "长约1575米", "宽不少于40米": the size bounded, still one
WIDTH_AFTER_LENGTH_RE = re.compile(rf"长度?\s*{BOUNDED}\s*\d[\d.,]*\s*(?:米|公里|千米)\s*(?:以上|左右)?\s*[、，,]?\s*宽度?\s*{BOUNDED}\s*$")


# "每隔500米至少能看到1处…", "每200米设置1个": the spacing things stand at along a way, no length of work done
SPACING_RE = re.compile(r"(?:每隔|间隔|相隔|每)\s*(?:约)?\s*$")
SPACING_UNITS = ("米", "公里", "千米")


def _bounded(prefix: str, comparator: str) -> bool:
    """A bound before the figure: its comparator, or the bound's words before an approximation ("不低于约60平方米")."""
    return comparator != "=" or re.search(rf"(?:{'|'.join(AT_LEAST_PREFIXES + AT_MOST_PREFIXES)})\s*约\s*$", prefix) is not None


def _standard(clause: str, spans: list[tuple], prefix: str, after: re.Match, unit: str) -> bool:
    """A size that qualifies, not how much is done: the standard each one meets ("每个不少于200平方米"), a condition
    on what is counted ("面积200平方米的用房"), the standard a share reaches ("80%以上社区用房面积达到200平方米":
    the share is the target), or the width of what a length measures ("建设长1575米宽40米的休闲绿道": the length is
    how much is built)."""
    if unit not in SIZE_UNITS:
        return False
    if WIDTH_AFTER_LENGTH_RE.search(prefix) or unit in SPACING_UNITS and SPACING_RE.search(prefix):
        return True
    if EACH_ONE_RE.search(prefix) or (MEASURED_RE.search(prefix) and clause[after.end():].lstrip().startswith("的")
                                      and _described_is_counted(clause, spans, len(prefix), after.end())):
        return True
    share = next((span for span in reversed(spans) if span[4] in ("%", "％")), None)  # a share of the things: "80%以上社区"
    return share is not None and not RATE_BEFORE_RE.search(clause[:share[0]]) \
        and re.search(r"达到?", clause[share[1]:len(prefix)]) is not None


def _described_is_counted(clause: str, spans: list[tuple], start: int, end: int) -> bool:
    """"建设3个面积200平方米的用房", "面积200平方米的用房10处": the thing a size describes has a count of its own, the
    target; with none ("改造提升面积200万平方米的老旧小区") the size is how much work is done."""
    if spans and unit_key(spans[-1][4]) in COUNT_UNITS and re.fullmatch(r"[^，,；;。、\d]{0,10}", clause[spans[-1][1]:start]):
        return True
    rest = clause[end:]
    first = next(iter(numbers_in(rest)), None)
    return first is not None and re.fullmatch(r"[^，,；;。、\d]{0,16}", rest[:first[0]]) is not None \
        and unit_key(AFTER_RE.match(rest, first[1])["unit"] or "") in COUNT_UNITS


