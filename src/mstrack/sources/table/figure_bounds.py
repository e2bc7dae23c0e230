"""Figures that bound another's level or time a project's work, no targets of their own: "增速高于全省平均水平1个
百分点", "工期12个月". Split from mentions.py, which finds the figures and says which are targets."""

from __future__ import annotations

import re

from mstrack.sources.table.figure_names import content_words
from mstrack.sources.table.spans import JOIN
from mstrack.vocabulary import (
    AT_LEAST_PREFIXES,
    AT_MOST_PREFIXES,
    CONDUCT_PERIODS,
    CONDUCT_UNITS,
    DURATION_CUTS,
    DURATION_WORDS,
    EXTENSION_VERBS,
    PAYMENT_VERBS,
    PROVISION_VERBS,
    RELATIVE_COMPARISONS,
    RELIEF_VERBS,
    RULED_AMOUNTS,
    SERVICE_WORDS,
    STANDARD_SET_WORDS,
    TIME_SPAN_UNITS,
)

# "增速高于全省平均水平1个百分点", "比全省平均水平高1个百分点": a bound set on another's level, which the programme does not
# state, by so much: no target of its own (the words stay in the task's text); "增速高于6%" bounds a figure of its own
RELATIVE_BOUND_RE = re.compile(r"(?:(?:高于|低于|快于|慢于|好于|优于|超过|领先)[^，,；;。\d]{0,10}?(?:平均水平|平均|水平|增速|增幅)"
                               r"|比[^，,；;。\d]{1,10}?(?:平均水平|平均|水平|增速|增幅)\s*(?:高|低|快|慢|多|少))\s*(?:约)?$")
# "高于城镇居民1.5个百分点", "快于经济增长1个百分点", "不低于上年…": a comparison with another group, area or average,
# whatever names it (vocabulary.RELATIVE_COMPARISONS); words that reach a figure of its own after it ("…达到8%"), the
# task's own share ("超过年度任务的50%"), a multiple of another's level ("不低于低保标准的1.6倍": the multiple is the
# target) or a rate's own measure ("不低于每人每月60元") are no other
OTHER_AFTER_COMPARISON_RE = re.compile(rf"(?:{'|'.join(RELATIVE_COMPARISONS)})(?P<other>[\u4e00-\u9fff]{{2,12}}?)\s*(?:约)?$")
OWN_FIGURE_WORDS_RE = re.compile(r"任务|目标|计划|^每|(?:达到|达|为|至|到|控制在|实现|完成|的)$")


# what a rate measures, before the comparison: "增速高于…", "就业率高于…" compare two rates
RATE_SUBJECT_RE = re.compile(r"率|增速|增幅|增长|比例|比重|占比")


def relative_bound(prefix: str, unit: str = "") -> bool:
    """A bound set on another's level by so much ("增速高于城镇居民1.5个百分点", "农民工收入高于最低工资标准10%"): no
    target; "提高1.5个百分点" is one. A margin in percent over the average of the same amount, no rate ("单产高于全省平均水平
    5%以上的示范片": its yield set 5% over the province's average yield), is the level the item reaches: a target
    (pingtan-2021-liangshi reads it so)."""
    bound = RELATIVE_BOUND_RE.search(prefix)
    if bound is not None and unit in ("%", "％") and "平均" in bound[0] \
            and RATE_SUBJECT_RE.search(prefix[:bound.start()]) is None:
        return False
    other = OTHER_AFTER_COMPARISON_RE.search(prefix)
    return bound is not None or (
        other is not None and OWN_FIGURE_WORDS_RE.search(other["other"]) is None and bool(content_words(other["other"])))


DURATION_RE = re.compile(rf"(?:{'|'.join(DURATION_WORDS)})\s*(?:为|是|约|共|仅)?\s*(?:约|为)?$")
TIME_SPAN_RE = re.compile(rf"\s*(?:{'|'.join(TIME_SPAN_UNITS)})")
# a verb of relief, then what it relieves (vocabulary.RELIEF_VERBS): "减免小微企业房租" before "3个月"; a verb of
# extension, then the term it extends ("延长贷款期限", "延期还本付息"), not an entitlement ("延长产假30天": a target);
# "从4周延长至最多12周" extends to a level, the target (至, 到)
RELIEF_RE = re.compile(rf"(?:{'|'.join(RELIEF_VERBS)})[^，,；;。\d至到]{{0,12}}$"
                       rf"|(?:{'|'.join(EXTENSION_VERBS)})[^，,；;。\d至到]{{0,10}}(?:期限|期|还本|付息|还款|缴纳|缴费)$")
CUT_BEFORE_RE = re.compile(rf"(?:{'|'.join(DURATION_CUTS)})\s*(?:平均)?\s*$|(?:{'|'.join(SERVICE_WORDS)})\s*(?:平均)?\s*$")
# a cut or a service anywhere in what a relief's verb opens ("缓缴业务办理时限缩短3个工作日"): the level to reach
CUT_WITHIN_RE = re.compile(rf"{'|'.join(DURATION_CUTS + SERVICE_WORDS)}")


def schedule_span(clause: str, prefix: str, end: int) -> bool:
    """"工期12个月", "建设周期为2年", "为期3个月": how long a project's work takes, a span of time after a word of its
    schedule, no target; a cut in it ("平均缩短工期30天") or a service's time ("用时3个工作日以内", "办理期限5个工作日",
    "时限压缩至5个工作日") is a level to reach, a target. A span after a verb of relief or extension ("减免小微企业房租3个
    月", "缓缴社会保险费3个月") is how long the relief lasts, no target either."""
    relief = RELIEF_RE.search(prefix)
    duration = DURATION_RE.search(prefix) or relief
    return duration is not None and TIME_SPAN_RE.match(clause, end) is not None \
        and CUT_BEFORE_RE.search(prefix[:duration.start()]) is None \
        and (duration is not relief or CUT_WITHIN_RE.search(relief.group()) is None)


# "1天办结", "3天审批": the days a service takes, straight before the service (vocabulary.SERVICE_WORDS), the level a
# reform reaches as "办结时间1天" is; 天 before other words is no unit (numbers.OTHER_UNIT)
SERVICE_DAYS_RE = re.compile(rf"\s*天(?=\s*(?:{'|'.join(SERVICE_WORDS)}))")


def service_days(clause: str, end: int) -> bool:
    """Whether the figure ending at `end` counts the days of the service named right after it ("1个环节、0成本、1天办结":
    1 天, a target; the span still ends at the number, the words stay in the name)."""
    return SERVICE_DAYS_RE.match(clause, end) is not None


# "5个工作日内受理": the days within which each case is handled, then what is done; "压缩至3个工作日内办结" sets the level
CASE_WINDOW_RE = re.compile(r"\s*内\s*[\u4e00-\u9fff]")
LEVEL_SET_BEFORE_RE = re.compile(r"(?:至|到|为|在|缩短|压缩|减少|减至)\s*(?:约)?\s*$")


def case_window(prefix: str, rest: str, unit: str) -> bool:
    """"做到群众留言5个工作日内受理，30日内核实反馈": the working days within which each case is handled, a service standard
    every case meets, no figure the year's work reaches — as the days of "30日内" are none (wrong52). A time the task cuts a
    service to ("办理时限压缩至3个工作日内办结", "用时3个工作日以内") is the level to reach, a target. `rest`: the words after
    the figure's unit."""
    return unit in ("个工作日", "工作日") and CASE_WINDOW_RE.match(rest) is not None \
        and LEVEL_SET_BEFORE_RE.search(prefix) is None and CUT_BEFORE_RE.search(prefix) is None


# "80万吨乙烯改扩建项目", "10万吨水厂": a capacity in tons straight before the plant or project it sizes, its name
CAPACITY_UNITS = ("吨", "噸", "吨/年", "吨/日", "噸/年", "噸/日")
SIZED_PLANT_RE = re.compile(r"\s*(?!的)(?:级|級)?[\u4e00-\u9fff]{0,10}?(?:项目|項目|厂|廠|装置|裝置|生产线|生產線|工程)"
                            r"(?![\u4e00-\u9fff]*\d)")


def plant_capacity(rest: str, unit: str) -> bool:
    """"抓好80万吨乙烯改扩建项目", "10万吨水厂、污水垃圾处理", "中加矿业300万吨铁精粉等项目": a capacity printed before the
    plant or project it sizes names which one, as "日处理5万吨海水淡化项目" does (wrong52): no figure the year's work
    reaches; a capacity the clause closes on ("新增污水处理能力10万吨"), with a count after it ("建设…项目3个") or sizing the
    plant through 的 ("建设一座日供水5万吨的水厂", read18a) is read.
    `rest`: the words after the figure's unit."""
    return unit in CAPACITY_UNITS and SIZED_PLANT_RE.match(rest) is not None


# "不低于合同金额的40%": a bound, then an amount a rule governs and its share (vocabulary.RULED_AMOUNTS)
RULED_SHARE_RE = re.compile(rf"(?:{'|'.join(AT_LEAST_PREFIXES + AT_MOST_PREFIXES)})[^，,；;。\d]{{0,10}}?"
                            rf"(?:{'|'.join(RULED_AMOUNTS)})\s*的\s*$")


def ruled_share(prefix: str, unit: str) -> bool:
    """"不低于合同金额的40%、不高于合同金额的70%", "不超过教学总时长的30%": the bounds of a payment or a time a rule sets, as
    shares of another amount, no target; "不低于90%" (the task's own level) and "达到城市社区的60%" are targets."""
    return unit in ("%", "％") and RULED_SHARE_RE.search(prefix) is not None


# "原则上大中型企业不得少于2人", "执法人员不得低于在册人数的70%": a rule (原则上: as a rule) or a bound it forbids to pass
# (不得少于, 不得超过): what each party must keep, a norm, no figure the task reaches ("不少于2人" is one)
RULE_BOUND_RE = re.compile(r"原则上|不得\s*(?:少于|低于|超过|高于|多于|大于|小于|超出)|^允许[^，,；;。]*可\s*(?:至|达到?|到)\s*$")
# "原则上2017年底前要完成分配90%": 原则上 before the date the work is done by is the target's date, no norm
DATED_RULE_RE = re.compile(r"原则上\s*(?:(?:19|20)\d\d\s*年)?\s*(?:\d{1,2}\s*月)?\s*(?:底|末)?\s*之?前")


def rule_bound(prefix: str) -> bool:
    """A figure after a rule's words in its clause ("原则上…", "…不得少于"), or as far as a rule lets it go ("允许…台商企业
    其股权比例可至100%": a permission): a norm, no target. 原则上 before a date the work is done by ("原则上2017年底前要完成
    分配90%") dates the year's target: no norm (a bound 不得… still is one)."""
    found = RULE_BOUND_RE.search(prefix)
    return found is not None and (found[0] != "原则上" or DATED_RULE_RE.match(prefix, found.start()) is None
                                  or RULE_BOUND_RE.search(prefix, found.end()) is not None)


CONDUCT_PERIOD_RE = re.compile("|".join(CONDUCT_PERIODS))
# "每年至少开展1次…监测": how often a standing duty is done, year after year, counted in times (次) only ("每年组织对接会
# 1场次" holds occasions, a target); "每月开展检查1次" is an amount per period, whose year's figure a doubt asks for
# (period_amounts)
RECURRING_PERIOD_RE = re.compile(r"每一?年度?")
CONDUCT_UNIT_RE = re.compile(rf"\s*[余多]?\s*个?\s*(?:{'|'.join(CONDUCT_UNITS)})")  # "1次", "4课时", "10(余)个小时"


def conduct_norm(sentence: str, after: str) -> bool:
    """How often or how long someone does something each day, week or term ("每学期不得超过1次", "每周4课时", "每天睡眠
    10个小时、初中生9个小时"; a later clause of the sentence too: "…每天2小时以上户外活动，寄宿制幼儿园不得少于3小时"): a
    rule of conduct, no target. `sentence`: the sentence's words before the figure; `after`: the words from the number
    on. "每年组织1场次", "开展培训3次" are targets; beside a figure of the year in the same unit ("开展河道巡查1200次，每周
    巡查不少于2次") the task's own amount per period, which the year's figure reads (doubts._unfit_doubts says so)."""
    unit, period = CONDUCT_UNIT_RE.match(after), CONDUCT_PERIOD_RE.search(sentence)
    if unit is not None and period is None and unit.group().strip() == "次":
        period = RECURRING_PERIOD_RE.search(sentence)  # "每年至少开展1次…监测": how often a duty is done
    if unit is None or period is None:
        return False
    same = rf"\d\s*[余多]?\s*个?\s*{re.escape(unit.group().strip().lstrip('余多个').strip())}"
    return re.search(same, sentence[:period.start()]) is None  # the year's figure first, then its amount per period


# "每半月至少巡查1次", "每两周开展1次", "每隔500米至少能看到1处": how often a duty is done, in a period no plain 每月 / 每周
# names (period_amounts, conduct_norm read those), or how far apart the things stand; the clause from it on is a rule
# (a span of several years, quarters, working days or hours too: "每2年至少检查1次", "每3小时巡查1次", the spans
# recurring_period reads as the period's number; 每半年 and 每季度 are plain periods)
WORKING_RULE_RE = re.compile(r"每\s*隔|每\s*(?:半|[两二三四五六七八九十\d]+)\s*个?\s*(?:天|日|周|星期|旬|月)"
                             r"|每\s*[两二三四五六七八九十\d]+\s*(?:个?\s*(?:季度|工作日)|小时|年)")


def recurring_period(prefix: str, clause: str, end: int) -> bool:
    """The number of a period a duty recurs in ("每2个月至少进行一次技术指导", "每3天巡查"): how often, no figure of the
    work; the figures after it are working_rule's."""
    return re.search(r"每\s*$", prefix) is not None and TIME_SPAN_RE.match(clause, end) is not None


# "每月围绕…五大主题，选取一个主题开展…": a sentence opened by a rhythm ("每月", "每周" after its subject) sets each clause's
# figure once a period; a clause naming the year's total ("全年", "累计") is the year's figure again, and a standard per
# head, time or period ("每人每月757元", "每周三次…，提供每人每次5元营养膳食补贴") no rhythm
RHYTHM_OPENING_RE = re.compile(r"^[^，,；;。\d]{0,12}?(?<![人户家个生])每\s*(?:半|[两二三]\s*个?)?\s*(?:月|周|星期|旬)")
RATE_UNITS = ("%", "％", "个百分点")  # a rate's, a level held, no count of work
YEAR_TOTAL_RE = re.compile(r"全年|年度|年内|累计|共计|合计|每\s*[人户生次]")  # "提供每人每次5元…补贴": a standard


# "②苏平路等主要道路每隔200米至少有1处…，50%以上的公交车站设有…": a sentence opened by a spacing lays out standards
SPACING_OPENING_RE = re.compile(r"^[^，,；;。\d]{0,12}?每\s*隔")


def working_rule(prefix: str, sentence: str = "", unit: str = "") -> bool:
    """A figure after a frequency or a spacing in its clause ("每半月至少巡查1次", "每隔500米至少能看到1处…指示牌"), or a
    count in a sentence opened by a rhythm ("各村要每月围绕…，选取一个主题开展…"; a rate there, "每月调查失业率不高于5.5%，
    城镇调查失业率控制在5.5%以内", is a level held, period_amounts'): a working rule, no target of the year; the clause's
    words before it (`prefix`) and the sentence's clauses before it (`sentence`) say so. A sentence opened by a spacing
    ("主要道路每隔200米至少有1处…公益广告，50%以上的公交车站设有不少于1处…，…展示不少于1处…") lays out standards of
    provision, clause after clause, a share of the places among them: none is a target."""
    opening = re.split(r"[；;。]", sentence)[-1]
    return WORKING_RULE_RE.search(prefix) is not None or (
        (SPACING_OPENING_RE.search(opening) is not None
         or unit not in RATE_UNITS and RHYTHM_OPENING_RE.search(opening) is not None)
        and not YEAR_TOTAL_RE.search(prefix))


# "需配备至少1名救生员", "显著位置展示不少于1处公益广告": at least one, after a verb of provision (vocabulary.PROVISION_VERBS);
# "每个学校至少配备1名兼职视力健康员": the bound before the verb (wrong52)
PROVIDED_MINIMUM_RE = re.compile(rf"(?:{'|'.join(PROVISION_VERBS)})[^，,；;。\d]{{0,12}}?(?:至少|不少于|不低于)\s*(?:约)?\s*$"
                                 rf"|(?:至少|不少于|不低于)\s*(?:{'|'.join(PROVISION_VERBS)})\s*(?:约)?\s*$")


def provided_minimum(prefix: str, number: str) -> bool:
    """At least one after a verb of provision ("对…涉水区域的景点，需配备至少1名救生员", "学校、医院…显著位置展示不少于1处
    公益广告", "每个学校至少配备1名兼职视力健康员"): what each holder of a kind keeps, a standard, no count of work. A larger
    minimum ("配备至少10名网格员") or one after a verb of work ("新建不少于1处公厕") is a target."""
    return number == "1" and PROVIDED_MINIMUM_RE.search(prefix) is not None


# "每亩补助200元", "按实际面积每平方米补贴50元": a unit (每亩), then a verb of payment, straight before the figure
PAID_RATE_RE = re.compile(rf"每\s*[\u4e00-\u9fff]{{1,3}}?\s*(?:{'|'.join(PAYMENT_VERBS)})\s*(?:约)?\s*$")
STANDARD_SET_RE = re.compile("|".join(STANDARD_SET_WORDS))


# "每年2万元的运营补贴", "每亩300元的奖励": a unit (每年), the sum, then the payment it is (a word or two before it), no
# fund ("每年100万元补助资金" is the year's money)
PER_UNIT_BEFORE_RE = re.compile(r"每\s*[\u4e00-\u9fff]{1,3}?\s*(?:约|最高|不超过|不少于|不低于|至少)?\s*$")
PAYMENT_AFTER_RE = re.compile(rf"\s*的?\s*(?:(?!标准|標準)[\u4e00-\u9fff]){{0,2}}?(?:{'|'.join(PAYMENT_VERBS)})"
                              r"(?!\s*(?:资金|經費|经费|資金))")


# "按照二孩300元、三孩380元每人每月进行补贴" (trial64 F4): the sums, then the head and period each is paid per and the
# payment: the rates of the scheme, each sum's ("二孩300元、" before the next one's)
PER_HEAD_AFTER_RE = re.compile(rf"(?:\s*[、和及]\s*[^，,；;。\d]{{0,6}}?\d[\d.]*\s*元)*\s*每\s*[人户生]\s*每\s*[月年天日]"
                               rf"\s*(?:进行|给予|給予|發放|发放)?\s*(?:{'|'.join(PAYMENT_VERBS)})")


# "为…老人增发高龄补贴，每人每月100元": the payment closing the clause before, its rate a clause of its own
PAID_BEFORE_RE = re.compile(rf"(?:{'|'.join(PAYMENT_VERBS)})\s*[，,]\s*$")


def paid_rate(prefix: str, rest: str = "", unit: str = "", sentence: str = "") -> bool:
    """A rate a subsidy is paid at per unit ("对…种植户，每亩补助200元"; the payment after the sum: "落实…幸福院每年2万元的
    运营补贴政策", wrong52; the payment before, its rate alone in the next clause: "增发高龄补贴，每人每月100元"; the head,
    period and payment after the sums: "按照二孩300元、三孩380元每人每月进行补贴", trial64 F4): what each mu, square metre,
    centre or person earns, a rule of the scheme, no figure the year's work reaches. A standard the clause raises or
    sets to it ("补助标准提高到每亩补助300元", "调高到每人每月722元": STANDARD_SET_WORDS before it) is the level to reach,
    a target. `rest`: the words after the figure's unit (`unit`); `sentence`: its clauses before it."""
    paid = PAID_RATE_RE.search(prefix)
    if paid is None and unit.endswith("元") and PAYMENT_AFTER_RE.match(rest):
        paid = PER_UNIT_BEFORE_RE.search(prefix)
    if paid is None and unit.endswith("元") and (after := PER_HEAD_AFTER_RE.match(rest)) \
            and not STANDARD_SET_RE.search(rest[:after.end()]):
        paid = re.search("$", prefix)  # the whole prefix: a standard set in it still makes a target (below)
    before = re.split(r"[；;。]", sentence)[-1]
    if paid is None and unit.endswith("元") and PAID_BEFORE_RE.search(before) and not STANDARD_SET_RE.search(before):
        paid = PER_UNIT_BEFORE_RE.match(prefix.strip())  # "每人每月" the clause's whole words before the sum
    return paid is not None and STANDARD_SET_RE.search(prefix[:paid.start()]) is None


# "给予10万元奖补", "授牌当年拨付20万元，", "10万元不予拨付": a sum granted (给予 before it, the payment after it), paid out
# (拨付 straight before it, its clause ending there) or withheld
GRANT_BEFORE_RE = re.compile(r"(?:给予|給予|给与)\s*(?:最高|不超过)?\s*$")
PAID_OUT_RE = re.compile(r"(?:拨付|撥付)\s*$")
WITHHELD_RE = re.compile(r"\s*不予\s*(?:拨付|撥付|发放|發放)")


def granted_sum(prefix: str, rest: str, unit: str) -> bool:
    """A grant a notice awards ("…并给予10万元奖补"; its instalments "授牌当年拨付20万元，第二年…拨付10万元"): what each
    recipient earns or loses, a rule of the scheme, no figure the year's work reaches. `rest`: the words after the sum's unit."""
    return unit.endswith("元") and (GRANT_BEFORE_RE.search(prefix) is not None and PAYMENT_AFTER_RE.match(rest) is not None
                                    or PAID_OUT_RE.search(prefix) is not None and re.match(r"\s*(?:[，,；;。]|$)", rest) is not None
                                    or WITHHELD_RE.match(rest) is not None)


# "家庭年人均收入在城乡低保标准100%-130%的重度残疾人": a band of a rate straight before 的 and the ones it picks
RATE_BAND_PICKING_RE = re.compile(rf"\s*{JOIN}\s*\d[\d.]*\s*[%％]\s*的\s*(?![和及与并等的或])[\u4e00-\u9fff]")


def band_picking(rest: str, unit: str) -> bool:
    """A band of a rate before 的 and what it picks ("收入在低保标准100%-130%的重度残疾人"): which ones the work is for,
    as a band of ages or of a measure says who (README "A count given as a range"), no target. `rest`: the words after
    the band's lower bound and its unit."""
    return unit in ("%", "％") and RATE_BAND_PICKING_RE.match(rest) is not None
