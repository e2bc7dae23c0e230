"""Numbers in schedule text with their words: value, unit, comparator, and whether a figure is a target (which numbers
of a clause are figures, and which of them are no target: figure_spans.py; the names they take: figure_names.py)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from decimal import Decimal

from mstrack.domain.quantities import (
    SCALES,
    as_number,
)
from mstrack.sources.table.figure_names import (
    SHARED_VERB_RE,
    STAGE_WORDS,
    clean_name,
    content_words,
    cut_name,
    each_before,
    each_named,
    head_noun,
    shared_names,
    short_name,
    stages_in,
)
from mstrack.sources.table.figure_picks import design_size
from mstrack.sources.table.figure_spans import STANDARD_PHRASE_RE, figure_spans, own_part_name, range_floor
from mstrack.sources.table.kept import read_once
from mstrack.sources.table.numbers import (
    ARTICLE_RE,
    HIDDEN_COLONS,
    clock_times,
    joined_units,
    unit_key,
    unit_symbols,
)
from mstrack.sources.table.office_names import town_name
from mstrack.sources.table.spans import YEARS_SPAN
from mstrack.vocabulary import (
    AT_LEAST_PREFIXES,
    AT_LEAST_SUFFIXES,
    AT_MOST_PREFIXES,
    AT_MOST_SUFFIXES,
)

TOTAL_WORDS = ("累计", "共", "全年", "上半年", "前三季度", "年底", "全部", "全面", "总计", "合计")
# "床位达到3000张": the level reached by then, a running total ("6月底前达到3000张，12月底前达到3000张" is one level)
LEVEL_REACHED_RE = re.compile(r"达到\s*(?:约|不少于|不低于|超过)?\s*$")
LEVEL_WORDS = ("率", "比例", "占比", "标准", "覆盖")
COMPLETE_RE = re.compile(r"全面完成|完成(?:全年|年度)[^，。；;,]{0,8}(?:目标|任务)|完成目标任务|完成各项目标|完成[^，。；;,]{0,8}任务目标"
                         r"|(?:全部|全面)(?:完工|建成|竣工|完成)"
                         r"|^\s*(?:完成|建成|完工|竣工|建成投用|投入使用)\s*[。.；;]?\s*$")  # "11月底前完成": the whole task by then


@dataclass(kw_only=True)
class Mention:
    value: int | float
    unit: str
    comparator: str
    total: bool  # printed as a running total (累计, 全年共, 全覆盖)
    contexts: list[str]  # the words around the number, for matching (and with the noun of the number before)
    stages: frozenset
    excerpt: str  # the words of the target, verbatim
    name: str
    verbs: str = ""  # the words before the number: "完成" after per-period "新建成" marks the year's total
    noun: str = ""  # the noun next to the number: "个高质量岗位" → "高质量岗位"
    share: float | None = None  # "1480人（20%）": the share of the year's target this figure is, in %
    each: bool = False  # "A和B均达到90%": the figure of one of several things, each a target of its own
    bounds: str = ""  # "达到85%，每月不低于80%": the year's level a bound held each period is set beside (its name)


# "城镇新增就业(人)", "指标（套）": the unit of measure in the brackets that end a name or a header, the unit of the
# row's bare figures (its target's, its quarters')
TITLE_UNIT_RE = re.compile(r"[（(]\s*([^()（）\d\s]{1,4})\s*[)）]\s*$")


def stated(words: str, amount: str, measure: str) -> Mention | None:
    """A target given in columns: the words of the task, a number ("5.2", "不低于60元") and a unit of measure
    ("万人", "元/月/人"); 万 and 亿 before the unit scale the number. None when the cell holds no number."""
    from mstrack.domain.quantities import QuantityError, parse_quantity

    if not measure.strip() and (m := TITLE_UNIT_RE.search(words)):
        measure, words = m[1], words[: m.start()]  # "城镇新增就业(人)": the unit of measure in the title's brackets
    ending = next(((w, c) for w, c in _COMPARATOR_ENDINGS if words.endswith(w)), None)  # "城镇登记失业率低于(%)"
    comparator = ending[1] if ending else None
    words = words[: -len(ending[0])] if ending else words
    amount = range_floor(amount)  # "12-15": at least 12
    bare = BARE_RE.match(amount.strip())
    try:
        quantity = parse_quantity(amount.strip() + (measure.strip() if bare else ""))
    except QuantityError:
        return None
    unit = quantity.unit if bare or not measure.strip() or not measure.startswith(quantity.unit) else measure.strip()
    name = cut_name(clean_name(words)) or cut_name(words.strip(" \n（）()：:、，,"))  # cut after a 的, or whole
    return Mention(value=quantity.value, unit=unit, comparator=comparator or quantity.comparator, total=False, contexts=[words],
                   stages=stages_in(words), excerpt=f"{words.strip()} {amount.strip()}{measure.strip() if bare else ''}".strip(),
                   name=name or "指标", noun=content_words(name))


BARE_RE = re.compile(r"^\d+(?:,\d{3})*(?:\.\d+)?$")
_COMPARATOR_ENDINGS = sorted([(w, ">=") for w in AT_LEAST_PREFIXES + AT_LEAST_SUFFIXES]
                             + [(w, "<=") for w in AT_MOST_PREFIXES + AT_MOST_SUFFIXES], key=lambda p: -len(p[0]))


def _scaled(number: str, scale: str | None) -> int | float:
    value = Decimal(number.replace(",", ""))
    if scale:
        value *= SCALES[scale]
    return as_number(value)



def _split_gap(gap: str) -> tuple[int, int]:
    """Where the words between two numbers divide: at the first 、 or bracket, else the first 和/及/以及."""
    m = re.search(r"[、（(]", gap) or re.search(r"以及|[和及并与]", gap)
    return (m.start(), m.end()) if m else (len(gap), 0)


NUMERAL = r"[一二两三四五六七八九十\d]+"
MANY = r"(?:[两二三四五六七八九]|十[一二三四五六七八九]?|[二三四五六七八九]十[一二三四五六七八九]?|[2-9]|[1-9]\d)"
SEVERAL_YEARS_RE = re.compile(rf"未来{NUMERAL}年|(?<![近过去\d零〇一二两三四五六七八九十]){MANY}年(?:内|间|期间)"
                              r"|“?十[一二三四五六七八九]五”?(?:期间|时期|末)")
YEAR_SPAN_RE = re.compile(rf"{YEARS_SPAN}(?<=[年月])")  # "2023-2025年", "2023年—2025年3月": named years, in words
BY_YEAR_RE = re.compile(r"(?:到|至|截至|截止)\s*((?:19|20)\d\d)\s*年")


def over_several_years(before: str, year: int | None, until: int | None = None) -> bool:
    """"带动未来五年制造业投资1000亿元", "到2025年", "“十四五”期间", "三年内", "2023-2025年": the words of a figure's
    own clause place it over several years, so it is no target of the programme's year. A span that ends by the item's
    own deadline year (`until`) is the item's target; "三年来", "近三年" look back; "2024年内", "一年内" are one year."""
    last = max(year, until or year) if year is not None else None
    return bool(SEVERAL_YEARS_RE.search(before)) or last is not None and any(
        int(m[m.lastindex]) > last for m in [*BY_YEAR_RE.finditer(before), *YEAR_SPAN_RE.finditer(before)])


@read_once  # kept: the best-effort reading tries a document's runs in turn (list_fallback)
def sets_figure(text: str) -> bool:
    """Whether the words set a figure with its measure word ("新建社区食堂10个"), as a list's item of work does: the one
    test of it for the list reader (headerless.py, list_*.py)."""
    return any(mention.unit for mention in find_mentions(text))


@read_once
def find_mentions(text: str, year: int | None = None, *, own_places: tuple[str, ...] = (),
                  until: int | None = None) -> list[Mention]:
    """Quantities with their words: "累计建设筹集保障性住房 3 万套（间）" → 30000 套（间）, a running total.
    A figure after a year before the programme's `year` ("较2022年") is a baseline, not a target. A place's part in
    brackets after a figure ("10所(其中浏阳4所)") is the target in place of the whole when the place is one of the
    table's `own_places` (shares_named); another part ("绿道330公里（其中远足径260公里、都市型绿道70公里）") is a target
    of its own beside the whole, as before."""
    found: list[Mention] = []
    parts: list[bool] = []  # each found figure: whether its sentence opens with 其中 (a breakdown of the one before)
    previous_context = previous_name = lead_in = words_before = ""
    protected = protect_clock(protect_commas(joined_units(unit_symbols(text))))  # "4个\n百分点"
    begins = brackets_open(protected)
    listed = stock_listed(protected) + sampled_from(protected) + counted_aside(protected)
    for clause_match in re.finditer(CLAUSE_PATTERN, protected):
        if any(start <= clause_match.start() < end for start, end in listed):
            continue  # "…完成分配90%；具体有：1.翠园…（114间）；…": the stock a share is of, no target; so the firms sampled
        clause = shown(clause_match[0])
        shares: dict[int, float] = {}
        begin = begins[clause_match.start()]  # the words of a bracket the clause stands in, before it
        opened = shown(protected[begin:clause_match.start()]) if begin >= 0 else ""
        said = protected[:clause_match.start()]
        sentence = shown(said[max(said.rfind(stop) for stop in "。！!？?") + 1:])  # its clauses before it
        spans = figure_spans(clause, year, shares, own_places, opened=opened, sentence=sentence)
        if not said.strip() and protected[clause_match.end():clause_match.end() + 1] == "。":
            spans = [span for span in spans if not _outline_count(clause, span, protected[clause_match.end():])]
        shared = shared_names(clause, spans)
        previous_stages: frozenset = frozenset()
        for i, (start, end, number, after, unit, comparator) in enumerate(spans):
            if over_several_years(lead_in + clause[:start], year, until):  # the figure's own clause decides
                continue
            gap_before = clause[spans[i - 1][1]: start] if i else clause[:start]
            if i:
                gap_before = gap_before[_split_gap(gap_before)[1]:] if _split_gap(gap_before)[1] else gap_before
            gap_after = clause[end: spans[i + 1][0]] if i + 1 < len(spans) else clause[end:]
            if i + 1 < len(spans):
                gap_after = gap_after[: _split_gap(gap_after)[0]]
            before = re.sub(r"^\s*[、和及并与]+", "", gap_before)
            own = before + gap_after
            stages = stages_in(own)
            if i and not content_words(before):  # "验收47个A和40个B": the verb is shared by the list
                stages |= previous_stages
            contexts = [own]
            # "一座日供水5万吨的水厂": the thing counted is the noun after the description that holds the next figure
            described = ARTICLE_RE.match(clause, end) if i + 1 < len(spans) else None
            sized = described is not None and spans[i + 1][0] < described.end()
            name = own_part_name(before, own_places) or short_name(STANDARD_PHRASE_RE.sub("", before),
                                                                     clause[described.end():] if sized else gap_after)
            if shared:
                contexts, name = [shared[i]], cut_name(clean_name(shared[i]))
            elif len(content_words(own)) < 4:  # "打通5条以上" after "未贯通道路开工25条": the noun is the one before
                contexts.append(own + "".join(w for w in re.split("|".join(STAGE_WORDS), previous_context)))
                if previous_name and (len(content_words(name)) < 2 or (len(name) <= 2 and name in previous_name)):
                    name = previous_name  # "完成口袋公园建设任务，全年完成建设不少于66个"
            elif i and not content_words(before) and (verb := SHARED_VERB_RE.match(previous_name)) \
                    and re.search(r"[和及与、]", _joint_before(clause, spans, i)) and not SHARED_VERB_RE.match(name):
                name = cut_name(verb[0] + name)  # "新建2所幼儿园和1个托育中心": the second object shares the verb (新建托育中心)
            prefix_all = clause[:start]
            total = any(w in prefix_all for w in TOTAL_WORDS) or "全覆盖" in clause[end:] or LEVEL_REACHED_RE.search(prefix_all) is not None
            value = _scaled(number, after["scale"])
            excerpt = (before + clause[start:end] + gap_after).strip(" 、,，")
            noun, noun_after = head_noun(before, gap_after)
            each = each_named(before, shared, gap_after)  # "A和B均达到90%": one target for each of them
            each = each or ([] if i else each_before(before, words_before))  # "A和B数量" over "各80个"
            parts.extend([PART_SENTENCE_RE.match(sentence) is not None] * max(len(each), 1))
            found.extend(Mention(value=value, unit=unit, comparator=comparator, total=total, contexts=own_contexts,
                                 stages=stages, excerpt=excerpt, name=own_name or "指标", verbs=before,
                                 noun=noun if noun_after else "", share=shares.get(i), each=bool(each))
                         for own_name, own_contexts in [(one, [one]) for one in each] or [(name, contexts)])
            previous_context, previous_name, previous_stages = contexts[-1], name, stages
        words_before = clause if not spans else ""  # the clause before the next: its words, where it has no figure
        if not spans and clause.strip():
            previous_context = clause
            previous_name = short_name(clause, "")
        # "到2025年，累计建成…": a clause that is only a time opens the next one (its stop read in the text the clause
        # was found in: unit symbols written in words, "㎡" as 平方米, move the positions of the text as printed)
        lead_in = clause if not spans and len(clause.strip()) <= 12 \
            and protected[clause_match.end():clause_match.end() + 1] in ("，", ",") else ""
    return _without_taken(_without_shares(_without_projects_sizes(_without_each_total(_without_parts_rates(found, parts)))))


def _outline_count(heading: str, span: tuple, rest: str) -> bool:
    """"打造三支团队。培育…经营管理团队。打造高级财务团队。…": a count in words in the sentence that opens an item, of
    the thing it ends on, which the item's later words name as many times or more: an outline of the parts that follow,
    no figure to deliver ("新建两所小学。项目位于城东。" counts schools the item names no more: a target)."""
    start, end, number = span[:3]
    thing = heading.strip()[-2:]
    return number.isdigit() and not re.search(r"\d", heading[start:end]) and re.fullmatch(r"[\u4e00-\u9fff]{2}", thing) is not None \
        and end < len(heading.rstrip()) - 1 and 2 <= int(number) <= rest.count(thing)


LIST_INTRO_RE = re.compile(r"(?:具体有|具体包括|具体为|具体是|主要有|分别是|分别为|包括)\s*[：:]")
LISTED_ITEM_RE = re.compile(r"\s*(?:\d{1,2}\s*[.．、]|[（(]\s*\d{1,2}\s*[)）])")  # "2.平潭县…", "（2）…"
SHARE_RE = re.compile(r"\d\s*[%％]")


def stock_listed(text: str) -> list[tuple[int, int]]:
    """Where a list of the places a share is of stands ("…完成分配90%；具体有：1.翠园安置小区公租房（114间）；2.…238间；"):
    from the words after the intro ("具体有：", "包括：") through its first item and each numbered item after it,
    when the sentence before the intro sets a share (%). The counts there are the stock the share counts, the item's
    content, no target of their own."""
    spans = []
    for intro in LIST_INTRO_RE.finditer(text):
        said = text[:intro.start()]
        if not SHARE_RE.search(said[max(said.rfind(stop) for stop in "。！!？?") + 1:]):
            continue
        end = intro.end()
        while True:
            stop = re.search(r"[；;。\n]", text[end:])
            end = len(text) if stop is None else end + stop.end()
            if stop is None or stop[0] in "。\n" or not LISTED_ITEM_RE.match(text, end):
                break
        spans.append((intro.end(), end))
    return spans


SAMPLING_RATE_RE = re.compile(r"(?:抽查|抽检|抽样)(?:比例|比率|率)[^，,；;。\d]{0,8}\d+(?:\.\d+)?\s*[%％]")
SAMPLED_RE = re.compile(r"(?:抽查|抽检|抽样)\s*$")


def sampled_from(text: str) -> list[tuple[int, int]]:
    """Where the things a sample is drawn from are counted ("对16家…企业、74家…零售店进行抽查，抽查比例不少于50%（60家
    次）"): the clause that ends on the sampling verb, in a sentence that sets the sampling rate after it. The rate and
    its count are the targets; the firms counted before are the pool, no target of their own."""
    spans = []
    for rate in SAMPLING_RATE_RE.finditer(text):
        said = text[:rate.start()]
        start = max(said.rfind(stop) for stop in "。！!？?；;\n") + 1
        for clause in re.finditer(CLAUSE_PATTERN, text[start:rate.start()]):
            if SAMPLED_RE.search(clause[0]):
                spans.append((start + clause.start(), start + clause.end()))
    return spans


# "从全区水产加工企业27家中推荐…": the pool a choice is made from; "A协会、B协会、C合作社等六家行业协会": the count of
# those just named, in words ("等四个领域", "等三项制度"); in digits it counts the work ("A、B等6家菜市场新建")
ASIDE_COUNT_RE = re.compile(r"从[^，,；;。\d]{1,30}?\d+\s*[家个所户项]\s*中"
                            r"|、[^，,；;。\d]{1,30}等\s*[一二三四五六七八九十两]+\s*[家个所项]")


def counted_aside(text: str) -> list[tuple[int, int]]:
    """Where a count says what is there, not what is to be done: the pool a choice is made from, the count of the
    offices or bodies a list has just named (ASIDE_COUNT_RE): from its clause's start, no target."""
    spans = []
    for m in ASIDE_COUNT_RE.finditer(text):
        start = max(text.rfind(stop, 0, m.start()) for stop in CLAUSE_END) + 1
        spans.append((start, m.end()))
    return spans


SHARES = 3  # the fewest figures that share out a whole: two that add up to a third are as often a coincidence


REMAINDER_RE = re.compile(r"^(?:余下|剩余|其余|尚余)")  # "余下学额241人": what is left of a whole


def _without_taken(found: list[Mention]) -> list[Mention]:
    """"计划招生400人，…子女共159人，余下学额241人": a whole, then a part of it already taken and the remainder (余下, 剩余),
    of its measure, adding up to it: the part taken is no target; the whole and what is left are."""
    for k, (whole, taken, left) in enumerate(zip(found, found[1:], found[2:], strict=False)):
        if whole.unit and unit_key(whole.unit) == unit_key(taken.unit) == unit_key(left.unit) \
                and taken.value + left.value == whole.value and REMAINDER_RE.match(left.excerpt):
            return [*found[:k + 1], *found[k + 2:]]
    return found


def _without_shares(found: list[Mention]) -> list[Mention]:
    """"全年安排抽检125个样品…各乡镇抽检任务如下：屿头乡10个、大练乡6个…": the figures right after one (three or more,
    of its measure, no rate), each named by a town, that add up to it share it out among the towns: the whole is the
    target, they are none of their own. A breakdown by kind ("其中城区公厕100座、农村公厕500座") stays a target of its
    own beside the whole (tests/data/tables/README.md)."""
    for k, whole in enumerate(found):
        key = unit_key(whole.unit)
        if key in ("%", "‰") or not whole.unit:
            continue
        end = k + 1
        while end < len(found) and unit_key(found[end].unit) == key:
            end += 1
        if end - k > SHARES and sum(m.value for m in found[k + 1:end]) == whole.value \
                and all(town_name(m.name) for m in found[k + 1:end]):
            return [*found[:k + 1], *found[end:]]
    return found


PART_SENTENCE_RE = re.compile(r"\s*其中\s*[:：，,]")  # "其中：（1）公益类企业…": the sentence breaks the one before down
LABEL_RE = re.compile(r"[（(]\s*\d+\s*[)）]|\s+")


def _without_parts_rates(found: list[Mention], parts: list[bool]) -> list[Mention]:
    """"营业总收入同比增长10%。其中：（1）公益类企业的营业总收入同比增长10%以上；（2）…": a rate or share the sentence
    before states, restated for each group the whole breaks down into: the whole's rate, for a part (no part of a
    sum), no target of its own. A count of a part ("其中：新建小学2所"), and a rate no figure before names, are read."""
    wholes = [m for m, part in zip(found, parts, strict=True) if not part]
    return [m for m, part in zip(found, parts, strict=True) if not part or unit_key(m.unit) not in ("%", "‰", "个百分点")
            or not any(unit_key(w.unit) == unit_key(m.unit) and _same_measure(m.name, w.name) for w in wholes)]


def _same_measure(part: str, whole: str) -> bool:
    """Two names of one measure: the same last four characters or more ("商业类企业营业总收入同比", "区属国企营业总收入同比"),
    labels ("（2）") aside."""
    a, b = LABEL_RE.sub("", part), LABEL_RE.sub("", whole)
    return "指标" not in (a, b) and len(os.path.commonprefix([a[::-1], b[::-1]])) >= 4


def _without_each_total(found: list[Mention]) -> list[Mention]:
    """"雄县、容城县分别建成1个口袋公园，共建成2个": the places' figures (each_named) say where; the 共 total after them
    that adds them up says nothing more, and would count the work twice: left out."""
    kept: list[Mention] = []
    for mention in found:
        each = []
        for earlier in reversed(kept):
            if not earlier.each or unit_key(earlier.unit) != unit_key(mention.unit):
                break
            each.append(earlier)
        if len(each) >= 2 and mention.total and not mention.each and unit_key(mention.unit) not in ("%", "‰") \
                and re.search(r"共|合计|总计", mention.verbs) and sum(m.value for m in each) == mention.value:
            continue
        kept.append(mention)
    return kept


PROJECTS_RE = re.compile(r"项目|工程")


def _without_projects_sizes(found: list[Mention]) -> list[Mention]:
    """"天牛河…景观工程和海坛湾…护岸工程2个项目整治" over "河道总长1.5公里、河道设计宽度50米…景观规划面积424600平方米":
    where the item counts its projects (two or more), the design sizes and lengths given for them (figure_picks.design_size)
    describe each project; the count is the target. One project's size ("…景观绿化工程，设计面积约99927平方米") is how
    much of it is built: a target, as before."""
    if not any(unit_key(m.unit) in ("个", "项") and m.value >= 2 and PROJECTS_RE.search(m.noun or m.name) for m in found):
        return found
    return [m for m in found if not design_size(m.verbs, m.unit)]


def _joint_before(clause: str, spans: list[tuple], i: int) -> str:
    """The joint that splits the words between figure i - 1 and figure i ("和" in "幼儿园和"), or ""."""
    gap = clause[spans[i - 1][1]: spans[i][0]]
    at, end = _split_gap(gap)
    return gap[at:end]


def protect_clock(text: str) -> str:
    """A time of day's colon ("上午7:50所有人员到场") is no clause break: hidden (numbers.HIDDEN_COLONS) from a clause split,
    so that its minutes are read with their hour, as a time, never as a figure ("50所")."""
    for start, end in clock_times(text):
        text = text[:start] + text[start:end].translate(str.maketrans(HIDDEN_COLONS)) + text[end:]
    return text


def shown(text: str) -> str:
    """A protected text as printed again (protect_commas, protect_clock)."""
    return text.replace("\x00", ",").replace("\x01", ":").replace("\x02", "：")


def protect_commas(text: str) -> str:
    """Thousands separators ("1,200") are not clause breaks; hide them (as NUL) from a clause split."""
    return re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "\x00", text)


CLAUSE_PATTERN = r"[^，,；;。：:！!？?\n]+"
CLAUSE_END = "，,；;。：:！!？?\n"


def brackets_open(text: str) -> list[int]:
    """At each position of the text, where the words of a bracket still open there begin (the start of the clause the
    outermost one opened in), or -1: "建成1个城市书房(百姓书屋，" before "藏书10000册)". A comma inside a bracket ends no
    clause for what the bracket says of the figures in it (figure_spans); each part still names its own figure
    ("（其中，宫颈癌…22万人，乳腺癌…19万人）"). One pass: a long cell is read in linear time."""
    begins: list[int] = []
    opens: list[int] = []
    clause_start = 0
    for k, char in enumerate(text):
        begins.append(opens[0] if opens else -1)
        if char in "（(":
            opens.append(clause_start)
        elif char in "）)" and opens:
            opens.pop()
        elif char in "。\n":
            opens.clear()
        if char in CLAUSE_END:
            clause_start = k + 1
    begins.append(opens[0] if opens else -1)
    return begins
