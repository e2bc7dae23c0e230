"""The numbers of a clause, in digits or in Chinese words, and the units of measure that may follow them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal

from mstrack.domain.dates import SPAN_JOIN
from mstrack.domain.quantities import (
    CHINESE_FIGURE_RE,
    CHINESE_NUMERAL,
    SCALE_ALT,
    UNIT_SCALE_ALT,
    as_number,
    chinese_count,
    chinese_figure,
)
from mstrack.sources.table.kept import read_once
from mstrack.vocabulary import BOUND_SUFFIXES, COUNTABLE_UNITS, QUALITY_WORDS, SAYING_OPENINGS

# a concentration or a sound level ("PM2.5浓度不大于35微克/立方米", "不大于55分贝"): a measure's own unit, whole; a level
# held, like a rate, never an amount to add up (series.LEVEL_UNITS)
MEASURE_UNITS = (*(mass + slash + volume for mass in ("微克", "毫克") for slash in "/／" for volume in ("立方米", "m³", "升", "L")),
                 "分贝", "dB")
MONEY_UNITS = ("元", "美元", "欧元", "港元", "日元", "英镑")  # a sum of money, in yuan or a foreign currency
UNITS = sorted(
    [
        "平方公里", "平方米", "平方", "立方米", "m³", "m²", "立方", "方", "公里", "千米", "km", "KM", "米", "公顷", "亩",
        "吨/年", "吨/日", "吨", "千瓦", "兆瓦", "元/人/月", "元/人/年", "元/月", "元/人", "元/吨", "元",
        *MONEY_UNITS,  # a sum in a foreign currency too: "60亿美元" is 6000000000 美元
        "套（间）", "套(间)", "人次", "户次", "家次", "辆次", "架次", "批次", "场次", "课时", "学时", "个百分点", "%", "％", "‰",
        "人", "名", "户", "个", "家", "处", "所", "座", "条", "张", "项", "间", "台", "辆", "宗", "场", "次",
        "批", "支", "期", "份", "件", "本", "株", "棵", "盏", "根", "块", "套", "部", "篇", "门", "节", "通",
        "单", "类", "床", "位", "班", "村", "栋", "幢", "艘", "组", "队", "笔", "册", "种", "款", "例", "剂",
        "箱", "只", "头", "对", "口", "起",  # 口: "400口教室", "30口机井"; 起: cases ("400起食品犯罪案件")
        "个工作日", "工作日",  # a service's time ("3个工作日以内"): whole, so its bound after it ("以内") is read
        "方面",  # aspects ("9方面工作监管制度"), never 方 (cubic metres) of "面…"
        *MEASURE_UNITS,
        # a standard per person, home, year or month printed without its currency ("按1500/人的标准"): "/人" its unit
        *(slash + per for slash in "/／" for per in "人户年月"),
        # per head and period, whole ("2000元/人·年", "2000/人·年", "1200元/户·月"): the period is part of the unit
        *(money + slash + per + mark + period for money in ("元", "") for slash in "/／" for per in "人户" for mark in "·•/／"
          for period in "年月"),
    ],
    key=len, reverse=True,
)
# the part of a rate's unit after its "/": one word of time or of what is counted ("6000元/年的标准" is 元/年, "批次/千人",
# "元/平方米"), never the words after it
PER_WORDS = sorted(["年", "月", "日", "天", "周", "季", "季度", "学期", "小时", "时", "次", "人次", "户次", "人", "千人", "万人",
                    "户", "亩", "吨", "公斤", "千克", "个", "件", "张", "床", "辆", "台", "所", "座", "家", "间", "套", "头",
                    "只", "例", "份", "位", "名", "班", "村", "处", "项", "米", "公里", "平方米", "立方米", "平方", "立方", "方",
                    "度", "车"], key=len, reverse=True)
PER_ALT = "|".join(PER_WORDS)
# Any other single CJK character after a number is its unit of measure ("5000穴", "3台套" aside) when the
# clause ends there: words that are no unit (dates, ages, conjunctions, scales) are not taken.
OTHER_UNIT = r"(?![年月日号岁届级时分秒点以左和及与或至到的等后前内中余多万亿千百第])[\u4e00-\u9fff]" \
    rf"(?=[\s，,；;。、：:！!？?）)\]】”\"/／]|{'|'.join(BOUND_SUFFIXES)}|$)"
UNIT_ALT = "|".join(re.escape(u) for u in UNITS) + "|" + OTHER_UNIT
# a unit broken over two lines of a narrow cell right after its number ("提升4个<br>百分点", "5平方<br>公里"), scaled or
# not ("4万个<br>百分点": the unit starts after the scale): the head of a longer unit ending the line, its rest the next's
_BROKEN_UNIT_RE = re.compile(r"(?<=[\d〇零一二两三四五六七八九十百千万亿])(?![万亿])([\u4e00-\u9fff（）()]{1,3})[ \t]*\r?\n\s*"
                             r"(?=[\u4e00-\u9fff（）()])")
_UNIT_SET = frozenset(UNITS)


# a unit printed as one symbol ("24938.8㎡", "12㎞"), or in Latin letters with a power ("500m²", "500m2" where no
# superscript was at hand): the unit in words; "A4m2型" names a model, and "m2" ends the figure only before no letter or digit
UNIT_SYMBOLS = {"㎡": "平方米", "㎢": "平方公里", "㎞": "公里", "㎥": "立方米", "㎏": "公斤", "㎝": "厘米", "㎜": "毫米", "㏊": "公顷"}
_SYMBOL_RE = re.compile("|".join(UNIT_SYMBOLS) + r"|(?<=\d)\s*(?:m²|m³|km²)"
                        r"|(?<![A-Za-z]\d)(?<![A-Za-z]\d\d)(?<=\d)\s*(?:[mM][23]|km2)(?![0-9A-Za-z.型号])")
_POWERS = {"m²": "平方米", "m³": "立方米", "km²": "平方公里", "m2": "平方米", "m3": "立方米", "km2": "平方公里"}


def unit_symbols(text: str) -> str:
    """The text with each unit symbol (㎡, ㎞, ㎥, ㏊ …; m², m³, km², m2, m3 and km2 after a number) written as its unit
    in words."""
    if not re.search(r"[㎡㎢㎞㎥㎏㎝㎜㏊²³]|\d\s*(?:km|[mM])[23]", text):
        return text
    return _SYMBOL_RE.sub(lambda m: UNIT_SYMBOLS.get(m[0].strip()) or _POWERS[m[0].strip().lower()], text)


def unit_forms(unit: str) -> set[str]:
    """A unit as a sheet's unit column may write it, each form as unit_key keys it: without spaces; a symbol (㎡, ㎞, m²,
    km²) in words; and each side of a bracket naming two ("个（所）": 个 and 所)."""
    key = unit_key(re.sub(r"\s+", "", unit))
    forms = {key}
    if m := re.fullmatch(r"(.+?)\((.+?)\)", key):  # NFKC made a full-width bracket half-width
        forms |= {m[1], m[2]}
    words = {unit_key(symbol): word for symbol, word in {**UNIT_SYMBOLS, **_POWERS}.items()}
    return forms | {words[form] for form in forms if form in words}


MEASURES = ({"平方米", "平方公里", "平方", "公顷", "亩"}, {"米", "公里", "千米", "km", "KM"}, {"立方米", "立方", "方"})


def restated_measure(before: str, unit: str) -> bool:
    """"24938.8平方米(37.4082亩)", "3公里(3000米)": a figure in brackets straight after one of the same measure in another
    unit restates it; no second target ("(其中主干道3公里)" names a part, "(含充电桩100个)" counts another thing)."""
    m = re.search(r"\d\s*(?:万|亿)?\s*(平方公里|平方米|立方米|平方|立方|公顷|公里|千米|km|KM|米|亩|方)\s*(?:以上|左右|余|多)?"
                  r"\s*[（(]\s*(?:约|合|不少于|不低于|至少|超过)?\s*$", before)
    return m is not None and m[1] != unit and any(m[1] in kind and unit in kind for kind in MEASURES)


# a decimal broken by a copy's space after a list's mark ("4.8%、3. 3%和1.4%"): an item's number follows a stop, a space
# or a line's start, never 、 or 和
_BROKEN_DECIMAL_RE = re.compile(r"(?<=[、和及与])(\d+)\.\s+(\d+)(?=\s*[%％‰])")


def joined_units(text: str) -> str:
    """The text with a unit of measure broken over a line after its number joined again: "4个\n百分点" is 4 个百分点;
    and a decimal broken by a space in a list of figures ("、3. 3%") joined again."""
    text = _BROKEN_DECIMAL_RE.sub(r"\1.\2", text)

    def joined(m: re.Match) -> str:
        rest = text[m.end():m.end() + 4]
        return m[1] if any(m[1] + rest[:k] in _UNIT_SET for k in range(1, len(rest) + 1)) else m[0]
    return _BROKEN_UNIT_RE.sub(joined, text) if "\n" in text else text


# a number after "#" is a building's ("#17"), unless the "#" closes one ("8#-22#17条路": 22#, then a count of 17 条)
NUMBER_RE = re.compile(r"(?<![0-9.A-Za-z·_/\-—–~～])(?<![^\d]#)(?<!^#)(\d+(?:,\d{3})*(?:\.\d+)?)")
# A count in Chinese numerals before a measure word of things ("一个", "三所", "两座", "一幢"), not of set phrases
# ("一条龙", "一站式", "第一个", "一个月", "三支一扶": a numeral after the measure word, not of a size or a grade as in
# "一幢四层", "三所九年一贯制", "一所二级", "两座三星级", makes a programme's name; "二套房": the second home): read as
# the same count in digits.
NUMERAL_BEFORE = r"[第其之\d〇零一二两三四五六七八九十百千万亿]"  # "第一", "其一", "十一": part of an ordinal or a longer numeral
# "统一处理", "唯一", "逐一", "整齐划一": 一 in a word, no numeral ("统一处理" counts no 处); a verb ending in 划 before a
# count is no 划一 ("规划一所学校", "计划一处停车场": one 所, one 处)
WORD_ONE_BEFORE = r"(?:[统唯同单逐]|(?<![规计策谋筹])划)"
COUNT_MEASURE = r"(?:个|所|座|幢|栋|家|处|条|台|辆|间|套|艘|块|支|名|位)" \
    r"(?![性式化龙月]|[一二两三四五六七八九十](?![层个座幢栋间所条家处套年级星类甲期批]))"
CHINESE_COUNT_RE = re.compile(rf"(?<!{NUMERAL_BEFORE})(?<!{WORD_ONE_BEFORE}(?=一))({CHINESE_NUMERAL}+)(?!套房)(?={COUNT_MEASURE})")
# "新建三至五所", "培育二到三个": a count's range in Chinese numerals, its lower bound read as a count in words is (figure_spans
# reads the range: at least the lower bound); the measure word follows the upper bound only
CHINESE_RANGE_RE = re.compile(rf"(?<!{NUMERAL_BEFORE})({CHINESE_NUMERAL}+)(?=\s*{SPAN_JOIN}\s*{CHINESE_NUMERAL}+(?!套房){COUNT_MEASURE})")
# "提供一个必要的…环境", "打造一个15分钟的生活圈": 一个 as an article, before a description; a description with a
# quantity of its own, a figure and its unit, sizes the thing counted ("一座日供水5万吨的水厂": one 水厂); its qualities
# may be listed ("一支守法守信、高效廉洁的公务员队伍")
ARTICLE_RE = re.compile(r"(?:[^的，,；;。、]{1,8}、){0,3}[^的，,；;。、]{0,8}的")
# "打造一支坚强队伍": a quality straight after the measure word describes, as a 的 does (vocabulary.QUALITY_WORDS)
QUALITY_RE = re.compile(rf"(?:{'|'.join(QUALITY_WORDS)})")
# "实现治一个点、少一处危险", "做到查一处、改一处": one for one, a saying of two one-verb clauses (vocabulary.SAYING_OPENINGS)
# "达到查处一个、震一批、教育一片的效果": a verb of two characters, a batch
ONE_MEASURES = "个|处|座|家|条|项|件|所|片|批"
SAYING_RE = re.compile(rf"(?:{'|'.join(SAYING_OPENINGS)})\s*[\u4e00-\u9fff]{{1,2}}一(?:{ONE_MEASURES})[\u4e00-\u9fff]{{0,4}}、"
                       rf"\s*[\u4e00-\u9fff]{{1,2}}一(?:{ONE_MEASURES})[\u4e00-\u9fff]{{0,4}}")
# "使违法违规企业一处失信处处受限", "一次违法次次受罚": one X, then its measure word doubled a few words on ("every X"): a
# saying, its 一 counts nothing (处处 is no measure)
ONE_EVERY_RE = re.compile(r"一([\u4e00-\u9fff])[\u4e00-\u9fff]{1,4}?\1\1")
# "指定一名分管领导", "确定一位联络员": one person in words is the one designated, an article too, no count (close47: a
# closing item's requirement, xinwuran 三(一)); "1名" in digits, "三名" stay counts
PERSON_MEASURES = ("名", "位")
DESIGNATING_RE = re.compile(r"(?:授权|指定|确定|委托|选定)$")  # "授权一家区属国有企业作为…": the one designated, no count
# A figure in Chinese words that is no measure word's count: a share ("百分之八十"), a numeral before a scale ("两万人",
# "二万"), or a numeral of tens, hundreds or thousands before a unit ("一百二十人", "三千户"); not a measure word that
# labels a place or a group ("十六组泵站", "三队")
LABEL_MEASURES = ("组", "队", "村", "栋", "幢", "班", "期")
WORDS_FIGURE_AFTER_RE = re.compile(rf"\s*(?:{UNIT_SCALE_ALT})|\s*[余多]?\s*(?:"
                                   + "|".join(re.escape(u) for u in UNITS if u not in LABEL_MEASURES) + ")")
# A quantity: a figure and its unit ("5万吨", "50亩"), not a time ("15分钟", "24小时"), a code ("12345") or a year
QUANTITY_RE = re.compile(rf"\d[\d.,]*\s*(?:{SCALE_ALT})?\s*(?:" + "|".join(re.escape(u) for u in UNITS if len(u) > 1 or u not in "个位")
                         + ")")
# "“两个100%”", "“三个一批”": a slogan's name in quotation marks; the figures inside it count nothing
# a time of day, "上午7:50", "8：30—11：30": hours and minutes, no figure; the colon may be hidden from a clause split
# (mentions.protect_clock: HIDDEN_COLONS). A ratio ("按1:10配套", "比例为1:50") is none.
HIDDEN_COLONS = {":": "\x01", "：": "\x02"}
CLOCK = r"(?<![\d.:：\x01\x02])(?:[01]?\d|2[0-4])\s*[:：\x01\x02]\s*[0-5]\d(?![\d.:：\x01\x02%％])"
CLOCK_RE = re.compile(CLOCK)
RATIO_BEFORE_RE = re.compile(r"(?:比例|比|按|配比|比率)\s*(?:为|是|按)?\s*$")
# a time of day with the words that place the work at it ("7:50前", "每天上午8:30—11:30", "于17:00以后"): when it is done
CLOCK_PHRASE_RE = re.compile(rf"(?:每天|每日|当天|当日|上午|下午|早上|早晨|晚上|中午|凌晨)*\s*于?\s*{CLOCK}"
                             rf"(?:\s*{SPAN_JOIN}+\s*{CLOCK})?\s*(?:以前|之前|前|以后|之后|后|起)?")


def clock_times(text: str) -> list[tuple[int, int]]:
    """Where the text prints a time of day ("上午7:50所有人员到场": 7:50), which no figure is part of."""
    return [m.span() for m in CLOCK_RE.finditer(text) if not RATIO_BEFORE_RE.search(text[:m.start()])]


def without_clock(text: str) -> str:
    """The words without the times of day they print and the words that place the work at them ("7:50前完成检查" →
    "完成检查"): a time says when, no part of what a figure counts; a ratio ("按1:10配套") stays."""
    if not CLOCK_RE.search(text):
        return text
    return CLOCK_PHRASE_RE.sub(lambda m: m[0] if RATIO_BEFORE_RE.search(text[:m.start()]) else "", text)


QUOTED_RE = re.compile(r"“[^“”]{1,16}”|\"[^\"]{1,16}\"|「[^「」]{1,16}」|‘[^‘’]{1,16}’")


@read_once
def numbers_in(clause: str) -> list[tuple[int, int, str]]:
    """(start, end, digits) of each number of a clause: in digits, or a count in Chinese numerals ("三所" → "3")."""
    found = [(m.start(1), m.end(1), m[1]) for m in NUMBER_RE.finditer(clause)]
    sayings = [m.span() for m in SAYING_RE.finditer(clause)]
    for m in CHINESE_COUNT_RE.finditer(clause):
        count = chinese_count(m[1])
        article = ARTICLE_RE.match(clause, m.end(1) + 1)
        if count == 1 and (QUALITY_RE.match(clause, m.end(1) + 1) or any(a < m.start(1) < b for a, b in sayings)
                           or ONE_EVERY_RE.match(clause, m.start(1))):
            continue  # "打造一支坚强队伍": an article; "实现治一个点、少一处危险", "一处失信处处受限": sayings, no count
        if count and not (count == 1 and article and not QUANTITY_RE.search(article[0])) \
                and not (count == 1 and clause[m.end(1):m.end(1) + 1] in PERSON_MEASURES) \
                and not (count == 1 and DESIGNATING_RE.search(clause[:m.start(1)])):  # "指定一名分管领导", "授权一家企业"
            found.append((m.start(1), m.end(1), str(count)))
    found += [(m.start(1), m.end(1), str(count)) for m in CHINESE_RANGE_RE.finditer(clause) if (count := chinese_count(m[1]))]
    starts = {start for start, _, _ in found}
    for m in CHINESE_FIGURE_RE.finditer(clause):
        if m.start() in starts or re.search(NUMERAL_BEFORE + "$", clause[:m.start()]):
            continue
        figure = chinese_figure(clause, m.start())
        words = clause[m.start():figure[2]] if figure else ""
        # a share; a numeral before its scale or unit (余/多 between: "三百余户"); "一万二": a scale's lower part, no unit
        if figure and (figure[1] or (WORDS_FIGURE_AFTER_RE.match(clause, figure[2]) and (
                re.match(r"\s*(?:万|亿)", clause[figure[2]:]) or re.search("[十百千万亿]", words)))
                or re.search("[万亿]", words)):
            found.append((m.start(), figure[2], str(figure[0])))
    quoted = [q.span() for q in QUOTED_RE.finditer(clause)]
    quoted += [(start - 1, end) for start, end in clock_times(clause)]
    return sorted(number for number in found if not any(a < number[0] < b for a, b in quoted))


# --- units of measure compared (a figure with an indicator) -----------------------------------

COUNT_UNITS = COUNTABLE_UNITS  # the one list of units that count whole things (vocabulary)
UNIT_GROUPS = ({"人", "名"}, {"批", "批次"}, {"公里", "km", "千米"}, {"立方米", "立方", "方"}, {"%", "％"})


def unit_key(unit: str) -> str:
    return unicodedata.normalize("NFKC", unit).lower()


def unit_factor(a: str, b: str) -> float:
    a, b = unit_key(a), unit_key(b)
    if a == b:
        return 1.0
    if "%" in (a, b):
        return 0.0
    if not a or not b:
        return 0.8
    if any(a in g and b in g for g in UNIT_GROUPS):
        return 0.9
    if a in COUNT_UNITS and b in COUNT_UNITS:
        return 0.6
    return 0.0


def exact(value: int | float) -> Decimal:
    """A figure as printed, for sums and comparisons: 0.1 + 0.2 is 0.3, as the document means."""
    return Decimal(str(value))


def exact_sum(values: Iterable[int | float]) -> int | float:
    """Figures summed as printed (steps, per-period amounts): 0.1 + 0.2 is 0.3."""
    return as_number(sum((exact(v) for v in values), Decimal(0)))
